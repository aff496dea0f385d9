//! Speed of the optimiser on synthetic scenarios (`staffplan synth`): shipped size (21 × 4),
//! 200 units × 20 groups, and with `STAFFPLAN_BENCH_LARGE=1` also 1,000 × 50. Each size also
//! prints the status, gap to the bound and time of one run, since "within 1 % of the bound"
//! is part of the target. Run: `cargo bench --bench optimise`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use staffplan::optimise::{optimise, Options};
use staffplan::{scenario, synth};

fn sizes() -> Vec<(usize, usize)> {
    let mut sizes = vec![(21, 4), (200, 20)];
    if std::env::var_os("STAFFPLAN_BENCH_LARGE").is_some() {
        sizes.push((1000, 50));
    }
    sizes
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("optimise");
    group.sample_size(10);
    for (units, groups) in sizes() {
        let text = synth::scenario(units, groups, 1);
        let Ok(loaded) = scenario::parse(&text, "synth.toml") else {
            eprintln!("synthetic scenario {units}x{groups} does not parse");
            continue;
        };
        let options = Options {
            time_limit: Duration::from_secs(60),
            ..Options::default()
        };
        let started = Instant::now();
        match optimise(&loaded.scenario, &options) {
            Ok(rec) => eprintln!(
                "{units}x{groups}: {} ({}) in {:.2} s, cost {:.0}, bound {:.0}, gap {:.2}%",
                rec.status.as_str(),
                rec.method,
                started.elapsed().as_secs_f64(),
                rec.cost_after,
                rec.objective_bound,
                rec.gap * 100.0
            ),
            Err(error) => eprintln!("{units}x{groups}: {error}"),
        }
        group.bench_function(format!("{units}x{groups}"), |b| {
            b.iter(|| optimise(&loaded.scenario, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
