#!/bin/sh
# Recalculates the `calculation` sheet of tables.xlsx in LibreOffice (headless) and compares
# every figure with `staffplan analyse --format json`, for each scenario given (default: every
# shipped scenario). The cached values are taken out of the formulas first, so that LibreOffice
# has to compute each one. Needs soffice (e.g. `apt-get install libreoffice-calc-nogui`) and
# python3; the tests do not.
#
#   benches/calculation.sh [SCENARIO.toml ...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/staffplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- "$root"/scenarios/*.toml
for scenario in "$@"; do
    name=$(basename "$scenario" .toml)
    "$bin" run "$scenario" --out "$work/$name" --runs 10 -q > /dev/null
    "$bin" analyse "$scenario" --format json -q > "$work/$name.json"
    python3 - "$work/$name/tables.xlsx" "$work/$name.xlsx" <<'PY'
import re, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for part in src.infolist():
        data = src.read(part.filename)
        if part.filename.startswith("xl/worksheets/"):
            data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
        dst.writestr(part, data)
PY
    (cd "$work" && soffice --headless --convert-to \
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        "$name.xlsx" > /dev/null 2>&1)
    sheet=$(ls "$work/$name"-calculation.csv "$work/$name"-测算.csv 2>/dev/null | head -1)
    python3 - "$work/$name.json" "$sheet" "$name" <<'PY'
import csv, json, sys
analysis = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
number = lambda s: float(s[:-1]) / 100 if s.endswith("%") else float(s)
worst = abs(number(rows[8][1]) - analysis["year_value"]) / analysis["year_value"]
offices = {o["id"]: o for o in analysis["offices"]}
count = 1
for row in rows:
    if row and row[0] in offices and len(row) > 10 and row[6] != "":
        for column, key in [(6, "required_hours"), (7, "capacity_hours"), (8, "fte_need"),
                            (9, "utilisation"), (10, "posts_needed")]:
            want = offices[row[0]][key] or 0
            worst = max(worst, abs(number(row[column]) - want) / max(1, abs(want)))
            count += 1
print(f"{sys.argv[3]}: {count} figures recalculated by LibreOffice, "
      f"largest relative difference from analyse {worst:.1e}")
sys.exit(0 if worst < 1e-12 else 1)
PY
done
