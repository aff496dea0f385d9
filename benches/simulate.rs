//! Simulation speed (issue 4): the Daqing-sized scenario, 1,000 runs, and the throughput of
//! the engine on one M/M/c office in simulated items a second, to compare with
//! `benches/simpy_mmc.py` (the same office in SimPy).
//!
//! Run with `cargo bench --bench simulate`; add `-- --quick` for a short pass. The M/M/c office
//! is 5 people, items of one person-day on average (exponential), 4 items a day (ρ = 0.8).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use staffplan::model::Scenario;
use staffplan::simulate::{self, Engine, SimOptions};

const DAQING: &str = include_str!("simulate_daqing.toml");

/// 5 people at 8 casework hours a day, 1,000 items a year of 8 hours over 250 days.
const MMC: &str = include_str!("mmc.toml");

fn scenario(text: &str) -> Scenario {
    staffplan::scenario::parse(text, "bench.toml")
        .unwrap()
        .scenario
}

fn daqing(c: &mut Criterion) {
    let mut group = c.benchmark_group("daqing");
    group.sample_size(20);
    for (label, overtime) in [("1000 runs", 0), ("1000 runs, overtime 100 h", 100)] {
        let text = DAQING.replace(
            "overtime_hours = 0",
            &format!("overtime_hours = {overtime}"),
        );
        let s = scenario(&text);
        for threads in [1, 2] {
            let options = SimOptions {
                runs: 1000,
                seed: 1,
                days: None,
                threads: Some(threads),
                warmup: simulate::Warmup::Days(0),
            };
            group.bench_function(format!("{label}, {threads} threads"), |b| {
                b.iter(|| simulate::simulate(black_box(&s), &options, &|_| {}).unwrap())
            });
        }
    }
    group.finish();
}

fn mmc_throughput(c: &mut Criterion) {
    let s = scenario(MMC);
    let mut group = c.benchmark_group("mmc");
    group.sample_size(10);

    // One long run on one thread: the engine alone, no summary.
    let days = 25_000;
    let options = SimOptions {
        runs: 1,
        seed: 1,
        days: Some(days),
        threads: Some(1),
        warmup: simulate::Warmup::Days(0),
    };
    let plan = simulate::plan(&s, &options).unwrap();
    let mut engine = Engine::new(&plan);
    let items = u64::from(engine.run(1, 0).offices[0].done);
    group.throughput(Throughput::Elements(items));
    group.bench_function("engine, 1 thread", |b| {
        b.iter(|| black_box(engine.run(1, 0)))
    });

    // The whole simulation, 16 runs of 100 years on 2 threads, summary included.
    let options = SimOptions {
        runs: 16,
        seed: 1,
        days: Some(days),
        threads: Some(2),
        warmup: simulate::Warmup::Days(0),
    };
    let done = simulate::simulate(&s, &options, &|_| {}).unwrap().offices[0]
        .done
        .mean;
    group.throughput(Throughput::Elements((done * 16.0) as u64));
    group.bench_function("simulate, 16 runs, 2 threads", |b| {
        b.iter(|| simulate::simulate(black_box(&s), &options, &|_| {}).unwrap())
    });
    group.finish();
}

criterion_group!(benches, daqing, mmc_throughput);
criterion_main!(benches);
