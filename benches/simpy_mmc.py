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

Each side is timed REPEATS times (5 unless given), taking turns, and the medians are
compared: a single timing of staffplan's 0.07 s moves by a third when the machine is busy
for a moment, and taking turns lets both sides see the same load.

    pip install simpy
    cargo build --release
    python3 benches/simpy_mmc.py [DAYS] [SEED] [REPEATS]
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


def simpy_office(days, seed):
    """One SimPy run: items finished, seconds of `env.run`, mean wait."""
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
    return done, time.perf_counter() - start, wait_sum / done


def staffplan_office(days, seed, threads):
    """One `staffplan simulate`: items finished, seconds of the whole command, mean wait."""
    start = time.perf_counter()
    out = subprocess.run(
        [STAFFPLAN, "simulate", SCENARIO, "--days", str(int(days)), "--runs", str(RUNS),
         "--seed", str(seed), "--threads", threads, "--warmup-days", "0",
         "--format", "json"],
        check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    office = json.loads(out)["offices"][0]
    return office["done"]["mean"] * RUNS, seconds, office["wait_days"]["mean"]


def main():
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 25_000.0
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    built = os.path.exists(STAFFPLAN)
    if not built:
        print("no release build of staffplan: run `cargo build --release` to compare")
    sides = {"simpy": []}
    threads = ["1", str(os.cpu_count() or 1)] if built else []
    for t in threads:
        sides[t] = []
    for _ in range(repeats):
        sides["simpy"].append(simpy_office(days, seed))
        for t in threads:
            sides[t].append(staffplan_office(days, seed, t))

    def median_rate(runs):
        rates = sorted(items / seconds for items, seconds, _ in runs)
        return rates[len(rates) // 2], rates[0], rates[-1]

    simpy_rate, low, high = median_rate(sides["simpy"])
    done, _, wait = sides["simpy"][0]
    print(f"simpy {simpy.__version__}: {done} items, median {simpy_rate:,.0f} items/s "
          f"({low:,.0f}-{high:,.0f} over {repeats}); mean wait {wait:.3f} days")
    for t in threads:
        rate, low, high = median_rate(sides[t])
        items, _, wait = sides[t][0]
        print(f"staffplan, {t} thread(s): {items:,.0f} items, median {rate:,.0f} items/s "
              f"({low:,.0f}-{high:,.0f}) = {rate / simpy_rate:,.0f} x SimPy "
              f"({low / simpy_rate:,.0f}-{high / simpy_rate:,.0f}); mean wait {wait:.3f} days")


if __name__ == "__main__":
    main()
