#!/usr/bin/env bash
# Wall time of the whole `run` (check, analyse, optimise with the service check, simulate
# today and the recommendation, write the pack) on a shipped scenario: the median of N runs
# of the release binary. Usage: benches/run.sh [SCENARIO] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-scenarios/daqing-2017.toml}"
n="${2:-11}"
cargo build --release --quiet
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
times=()
for _ in $(seq "$n"); do
    start=$(date +%s%N)
    ./target/release/staffplan run "$scenario" --out "$out/pack" --quiet > /dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "staffplan run $scenario: median ${sorted[$((n / 2))]} ms over $n runs (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
