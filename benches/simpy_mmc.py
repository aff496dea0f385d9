"""The M/M/c office of `benches/simulate.rs` in SimPy, for the throughput comparison.

5 people (one Resource of capacity 5), items arriving 4 a day (exponential gaps), each taking
one person-day on average (exponential): utilisation 0.8. Prints the items finished per
second of wall-clock time and the mean wait against Erlang C (about 0.554 days).

Then, in the same run (so that both see the same machine load), it times the release build
of staffplan on the same office: `staffplan simulate` of 16 runs of DAYS days each, on one
thread and on all cores, wall time of the whole command (reading, simulating, summarising),
and prints how many times SimPy's rate each is.

The same work on both sides: SimPy's office starts empty and is timed over `env.run` alone
(not the interpreter's start, the import or the mean), so staffplan starts empty too
(`--warmup-days 0`, where the default would simulate a year first and not count it); its
time still includes the process start, reading the scenario, the bands, the backlog chart
and the JSON, which SimPy's does not.

    pip install simpy
    cargo build --release
    python3 benches/simpy_mmc.py [DAYS] [SEED]
"""

import json
import os
import random
import subprocess
import sys
import time

STAFFPLAN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "staffplan")

# The office of benches/simulate.rs, read from the same file.
SCENARIO = os.path.join(os.path.dirname(__file__), "mmc.toml")
RUNS = 16

import simpy

PEOPLE = 5
ARRIVALS_PER_DAY = 4.0
DAYS_PER_ITEM = 1.0


def main():
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 25_000.0
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    env = simpy.Environment()
    office = simpy.Resource(env, capacity=PEOPLE)
    done = 0
    wait_sum = 0.0

    def item(arrival):
        nonlocal done, wait_sum
        with office.request() as request:
            yield request
            wait_sum += env.now - arrival
            yield env.timeout(rng.expovariate(1.0 / DAYS_PER_ITEM))
        done += 1

    def arrivals():
        while True:
            yield env.timeout(rng.expovariate(ARRIVALS_PER_DAY))
            env.process(item(env.now))

    env.process(arrivals())
    start = time.perf_counter()
    env.run(until=days)
    seconds = time.perf_counter() - start
    simpy_rate = done / seconds
    print(f"simpy {simpy.__version__}: {done} items in {seconds:.2f} s = "
          f"{simpy_rate:,.0f} items/s; mean wait {wait_sum / done:.3f} days")
    if not os.path.exists(STAFFPLAN):
        print("no release build of staffplan: run `cargo build --release` to compare")
        return
    for threads in ["1", str(os.cpu_count() or 1)]:
        start = time.perf_counter()
        out = subprocess.run(
            [STAFFPLAN, "simulate", SCENARIO, "--days", str(int(days)), "--runs", str(RUNS),
             "--seed", str(seed), "--threads", threads, "--warmup-days", "0",
             "--format", "json"],
            check=True, capture_output=True, text=True).stdout
        seconds = time.perf_counter() - start
        office = json.loads(out)["offices"][0]
        items = office["done"]["mean"] * RUNS
        rate = items / seconds
        print(f"staffplan, {threads} thread(s): {items:,.0f} items in {seconds:.2f} s = "
              f"{rate:,.0f} items/s = {rate / simpy_rate:,.0f} x SimPy; mean wait "
              f"{office['wait_days']['mean']:.3f} days")


if __name__ == "__main__":
    main()
