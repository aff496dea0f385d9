"""The M/M/c office of `benches/simulate.rs` in SimPy, for the throughput comparison.

5 people (one Resource of capacity 5), items arriving 4 a day (exponential gaps), each taking
one person-day on average (exponential): utilisation 0.8. Prints the items finished per
second of wall-clock time and the mean wait against Erlang C (about 0.554 days).

    pip install simpy
    python3 benches/simpy_mmc.py [DAYS] [SEED]
"""

import random
import sys
import time

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
    print(f"simpy {simpy.__version__}: {done} items in {seconds:.2f} s = "
          f"{done / seconds:,.0f} items/s; mean wait {wait_sum / done:.3f} days")


if __name__ == "__main__":
    main()
