#!/usr/bin/env bash
# Wall-clock time of `staffplan optimise --time-limit S` on synthetic scenarios and the
# billion-hour regression input, with the answer's gap and what stopped the search. The
# limit must hold within S + 0.5 s on every input within the README's limits; the tests
# check the counted effort instead (a timed unit test would be flaky).
#
#   benches/time_limit.sh            # release build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/staffplan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-28s %6s %8s %8s %-7s %s\n' scenario limit seconds gap stopped effort_steps
measure() {
    local name=$1 file=$2 limit=$3
    shift 3
    local start end
    start=$(date +%s.%N)
    "$bin" optimise "$file" --time-limit "$limit" --format json --quiet "$@" >"$work/out.json"
    end=$(date +%s.%N)
    python3 - "$name" "$limit" "$start" "$end" "$work/out.json" <<'PY'
import json, sys
name, limit, start, end, path = sys.argv[1:]
d = json.load(open(path))
print(f"{name:<28} {limit:>6} {float(end) - float(start):8.2f} {d['gap'] * 100:7.2f}% "
      f"{str(d.get('stopped_by')):<7} {d['effort_steps']}"
      + (f" check: {d['service_runs']} runs, stopped by {d['service_stopped_by']}"
         if d.get('service_runs') is not None else ""))
PY
}
for shape in "200 1990 3" "1000 50 1" "1000 50 3" "1000 50 5" "1000 50 10" "500 1990 3" "20000 1990 0.1" "20000 1990 2" "20000 1990 5" "20000 50 3" "50 10 30"; do
    set -- $shape
    "$bin" synth --units "$1" --groups "$2" >"$work/s.toml"
    measure "synth $1 x $2" "$work/s.toml" "$3"
done
measure "huge-covering-work" tests/regressions/huge-covering-work.toml 2
measure "trillion-hour-work" tests/regressions/trillion-hour-work.toml 2
# With on-time targets the limit bounds the service check too.
"$bin" synth --units 2000 --groups 100 >"$work/s.toml"
targets=(--set work.petition.deadline_days=5 --set policy.on_time=0.9)
measure "synth 2000 x 100, targets" "$work/s.toml" 5 "${targets[@]}"
measure "daqing-2017, 100,000 runs" scenarios/daqing-2017.toml 0.1 --runs 100000
