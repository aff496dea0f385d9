//! Sensitivity speed (issue 12): the tornado and 1,000 Monte Carlo draws of the shipped
//! Daqing scenarios, whose assumed hours, volumes and non-case share are ranges (17 inputs).
//!
//! Run with `cargo bench --bench sensitivity`; add `-- --quick` for a short pass.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use staffplan::sensitivity::{self, Options};

const SCENARIOS: [(&str, &str); 2] = [
    ("daqing-2017", include_str!("../scenarios/daqing-2017.toml")),
    (
        "daqing-proposal",
        include_str!("../scenarios/daqing-proposal.toml"),
    ),
];

fn daqing(c: &mut Criterion) {
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(20);
    for (name, text) in SCENARIOS {
        let s = staffplan::scenario::parse(text, name).unwrap().scenario;
        for threads in [1, 2] {
            let options = Options {
                draws: 1000,
                seed: 1,
                threads: Some(threads),
            };
            group.bench_function(format!("{name}/1000 draws/{threads} threads"), |b| {
                b.iter(|| black_box(sensitivity::sensitivity(&s, &options).unwrap()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, daqing);
criterion_main!(benches);
