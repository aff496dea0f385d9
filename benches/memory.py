"""Peak memory (resident set) and wall time of staffplan on the inputs that once grew without
bound: a simulation of 2,000 small offices over many runs, and the optimiser and `run` on
scenarios out of proportion (a tiny target utilisation, hours of 1e12, hours_per_day of 1e-6).

    cargo build --release
    python3 benches/memory.py [--quick]

`--quick` simulates 5,000 runs instead of 100,000 (the limit). The figures are read from the
operating system (`wait4`), for each command on its own; a floor of about 14 MB is the
launching Python's own pages. The README's Limits table states the bound they must stay under.
"""

import os
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join(os.path.dirname(__file__), "..", "target", "release", "staffplan")

HEADER = """[scenario]
name = "memory"
[calendar]
working_days = 250
hours_per_day = {hours_per_day}
[policy]
target_utilisation = {target}
[staff.regular]
label = "regular"
cost = 1
"""


def many_offices():
    """2,000 offices of one person, 1,000 of them with one hour of work a year."""
    parts = [HEADER.format(hours_per_day=8, target=0.85)]
    for i in range(2000):
        parts.append(f'[[office]]\nid = "o{i}"\nname = "o{i}"\nstaff = {{ regular = 1 }}\n')
    for i in range(1000):
        parts.append(f'[[work]]\nid = "w{i}"\nname = "w{i}"\noffice = "o{i}"\nvolume = 1\nhours = 1\n')
    return "".join(parts)


def one_office(hours_per_day=8, target=0.85, hours=8):
    return HEADER.format(hours_per_day=hours_per_day, target=target) + (
        '[[office]]\nid = "desk"\nname = "desk"\nstaff = { regular = 5 }\n'
        f'[[work]]\nid = "case"\nname = "case"\noffice = "desk"\nvolume = 1000\nhours = {hours}\n'
    )


def measure(label, args):
    start = time.perf_counter()
    # close_fds=False lets Python spawn without copying itself, so the child's peak is its own.
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             close_fds=False)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    print(f"{label:<52} {usage.ru_maxrss / 1024:>8.0f} MB {seconds:>8.2f} s  exit {code}")


def main():
    runs = 5000 if "--quick" in sys.argv else 100_000
    with tempfile.TemporaryDirectory() as folder:
        def scenario(name, text):
            path = os.path.join(folder, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path

        many = scenario("many.toml", many_offices())
        tiny = scenario("tiny.toml", one_office(target=1e-6))
        huge = scenario("huge.toml", one_office(hours=1e12))
        slow = scenario("slow.toml", one_office(hours_per_day=1e-6))
        out = os.path.join(folder, "out")
        print(f"{'command':<52} {'peak':>11} {'wall':>10}")
        measure(f"simulate 2,000 offices, --runs {runs}",
                [BINARY, "simulate", many, "--runs", str(runs), "--format", "json"])
        for name, path in [("target_utilisation = 1e-6", tiny), ("hours = 1e12", huge),
                           ("hours_per_day = 1e-6", slow)]:
            measure(f"optimise, {name}", [BINARY, "optimise", path])
            measure(f"run, {name}", [BINARY, "run", path, "--out", out])
        measure("run scenarios/daqing-2017.toml",
                [BINARY, "run", os.path.join(os.path.dirname(__file__), "..", "scenarios",
                                             "daqing-2017.toml"), "--out", out])


if __name__ == "__main__":
    main()
