//! Speed of the optimiser: every shipped scenario (`scenarios/*.toml`), synthetic scenarios
//! (`staffplan synth`) of 20 units × 5 groups and 200 × 20, and with
//! `STAFFPLAN_BENCH_LARGE=1` also 1,000 × 50. Before timing, each case prints one line with
//! the time, status, method and gap to the bound of a single run, since "proven optimal" and
//! "within 1 % of the bound" are part of the targets. Run: `cargo bench --bench optimise`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use staffplan::model::Scenario;
use staffplan::optimise::{optimise, Options};
use staffplan::{scenario, synth};

fn cases() -> Vec<(String, Scenario)> {
    let mut cases = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match scenario::parse(&text, &name) {
            Ok(loaded) => cases.push((name, loaded.scenario)),
            Err(_) => eprintln!("{name}: does not parse"),
        }
    }
    let mut sizes = vec![(20, 5), (200, 20)];
    if std::env::var_os("STAFFPLAN_BENCH_LARGE").is_some() {
        sizes.push((1000, 50));
    }
    for (units, groups) in sizes {
        let text = synth::scenario(units, groups, 1);
        match scenario::parse(&text, "synth.toml") {
            Ok(loaded) => cases.push((format!("synth {units}x{groups}"), loaded.scenario)),
            Err(_) => eprintln!("synthetic scenario {units}x{groups} does not parse"),
        }
    }
    cases
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("optimise");
    group.sample_size(10);
    let options = Options {
        time_limit: Duration::from_secs(60),
        ..Options::default()
    };
    for (name, scenario) in cases() {
        let started = Instant::now();
        match optimise(&scenario, &options) {
            Ok(rec) => eprintln!(
                "{name}: {} ({}) in {:.3} s, cost {:.0}, bound {:.0}, gap {:.2}%, peak {}",
                rec.status.as_str(),
                rec.method,
                started.elapsed().as_secs_f64(),
                rec.cost_after,
                rec.objective_bound,
                rec.gap * 100.0,
                rec.peak_utilisation_after
                    .map_or("—".to_string(), |p| format!("{:.4}", p))
            ),
            Err(error) => eprintln!("{name}: {error}"),
        }
        // One timed run is enough for the slow cases; criterion's minimum of 10 samples would
        // take minutes.
        if name.starts_with("synth 1000") {
            continue;
        }
        group.bench_function(name, |b| b.iter(|| optimise(&scenario, &options)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
