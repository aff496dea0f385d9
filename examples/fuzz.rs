//! The long fuzzing campaign over the whole path: parse → validate → analyse → optimise (short
//! time limit) → simulate (a few runs). Not part of `cargo test`; run it in release:
//!
//! ```sh
//! cargo run --release --example fuzz -- 1000000        # cases (default 100000)
//! cargo run --release --example fuzz -- 1000000 7      # cases and seed
//! ```
//!
//! Inputs come from two generators, half each: byte-level mutations of the shipped scenarios
//! and of the test scenario (tokens spliced in, bytes flipped, ranges cut), and structured
//! scenarios that are valid by construction but extreme (zero staff, zero hours, huge volumes,
//! thousands of units, deep chains, empty sections). Every input is parsed, validated and
//! analysed; every valid one in `DEEP_EVERY` also goes through the optimiser and the
//! simulation. A panic is caught, counted and its input saved under `fuzz/crashes/` to become
//! a regression test.
//!
//! One case in `WORKBOOK_EVERY` is a workbook instead (SPEC §15): a template of a shipped
//! scenario truncated or with bytes flipped, with odd cell types (text for numbers, TRUE for
//! ids, huge and negative numbers, extra rows), or a huge sheet (a cell at the last row and
//! column, more cells than the import reads); it goes through the import and, where that gives
//! a scenario, through the same pipeline. Crashing workbooks are saved as `.xlsx`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use staffplan::{analysis, multiyear, optimise, scenario, service, simulate};

#[path = "../tests/common/tokens.rs"]
mod tokens;
use tokens::TOKENS;

/// A seed whose comments sit where `optimise --write` once dropped them: beside staff written
/// as dotted keys, in an `[office.staff]` sub-table and inside a multi-line `covers`.
const COMMENTED: &str = r#"[scenario]
name = "commented"
[staff.a]
cost = 100
[staff.b]
cost = 50
[[office]]
id = "desk"
name = "desk"
staff.a = 1  # one clerk, 2024 count
staff.b = 0  # none yet
[[office]]
id = "g1"
name = "group 1"
kind = "dispatched_group"
covers = [
  "u1",  # the first unit
  # the second follows
  "u2",
]
[office.staff]
a = 1  # the group's clerk
[[unit]]
id = "u1"
name = "u1"
workload = { w1 = 30 }
[[unit]]
id = "u2"
name = "u2"
workload = { w1 = 300 }
[[work]]
id = "w0"
name = "w0"
office = "desk"
volume = 400  # cases a year
hours = 20
[[work]]
id = "w1"
name = "w1"
office = "covering_group"
hours = 10
"#;

/// A case that takes longer than this is saved as a hang.
const HANG: Duration = Duration::from_secs(10);

/// Two valid inputs in this many go through optimise and simulate as well.
const DEEP_EVERY: u64 = 50;

/// One case in this many of those that go deep also writes the whole pack of `run` (charts,
/// report, workbook), where long names, many ranges and huge figures are drawn.
const PACK_EVERY: u64 = 2_000;

/// One case in this many is a workbook.
const WORKBOOK_EVERY: u64 = 10;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let print_case: Option<u64> = std::env::var("FUZZ_PRINT")
        .ok()
        .and_then(|c| c.parse().ok());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<String> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    seeds.push(std::fs::read_to_string(root.join("tests/cli_base.toml")).unwrap());
    seeds.push(COMMENTED.to_string());
    // The one-row templates of `staffplan template` without `--from`.
    for language in [
        staffplan::model::Language::En,
        staffplan::model::Language::Zh,
    ] {
        seeds.push(staffplan::starter::template_example(language).to_string());
    }
    std::panic::set_hook(Box::new(|_| {}));

    // A watchdog saves the input of any case that runs longer than HANG, which is as much a
    // defect as a panic (the time limits should hold).
    let current = std::sync::Arc::new(std::sync::Mutex::new((0u64, String::new(), Instant::now())));
    {
        let current = std::sync::Arc::clone(&current);
        let dir = root.join("fuzz/hangs");
        std::thread::spawn(move || {
            let mut reported = u64::MAX;
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let Ok(guard) = current.lock() else { return };
                let (case, text, since) = &*guard;
                if *case != reported && since.elapsed() > HANG {
                    reported = *case;
                    let _ = std::fs::create_dir_all(&dir);
                    let _ = std::fs::write(dir.join(format!("case-{seed}-{case}.toml")), text);
                    eprintln!("case {case} runs for more than {HANG:?}: saved under fuzz/hangs/");
                }
            }
        });
    }

    let books: Vec<Vec<u8>> = seeds
        .iter()
        .filter_map(|s| staffplan::report::template(s, staffplan::model::Language::Zh).ok())
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let work = std::env::temp_dir().join(format!("staffplan-fuzz-{}", std::process::id()));
    let started = Instant::now();
    let (mut valid, mut deep, mut panics) = (0u64, 0u64, 0u64);
    let mut workbooks = 0u64;
    for case in 0..cases {
        if case % WORKBOOK_EVERY == 3 {
            workbooks += 1;
            let bytes = workbook_case(&seeds, &books, case, &mut rng);
            if print_case.is_some() {
                continue;
            }
            // The watchdog names this case, not the text case before it.
            if let Ok(mut guard) = current.lock() {
                *guard = (
                    case,
                    format!("# workbook case {case} ({} bytes)", bytes.len()),
                    Instant::now(),
                );
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                if let Ok((imported, _)) = scenario::workbook::import(&bytes, "fuzz.xlsx", &[]) {
                    let (v, _) = pipeline(&imported.text, &[], false, None);
                    assert!(v, "an imported scenario parses again");
                }
            }));
            if outcome.is_err() {
                panics += 1;
                let dir = root.join("fuzz/crashes");
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(dir.join(format!("case-{seed}-{case}.xlsx")), &bytes);
            }
            continue;
        }
        let text = if case % 2 == 0 {
            mutate(&seeds[rng.random_range(0..seeds.len())], &mut rng)
        } else {
            structured(&mut rng)
        };
        let go_deep = case % DEEP_EVERY == 1 || case % DEEP_EVERY == 2;
        // One case in eight also gets `--set` overrides of the shapes that once misled.
        let sets = if case % 8 == 3 {
            overrides(&mut rng)
        } else {
            Vec::new()
        };
        let pack = go_deep && case % PACK_EVERY == 1;
        // `FUZZ_PRINT=N`: print case N's input and stop, without running the cases before
        // it (they draw nothing from the generator after their input is made), to turn a
        // campaign's report into a regression input in seconds.
        if let Some(wanted) = print_case {
            if case == wanted {
                print!("{text}");
                for set in &sets {
                    print!("\n# --set {set}");
                }
                return;
            }
            continue;
        }
        if let Ok(mut guard) = current.lock() {
            let mut saved = text.clone();
            for set in &sets {
                let _ = write!(saved, "\n# --set {set}");
            }
            *guard = (case, saved, Instant::now());
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            pipeline(&text, &sets, go_deep, pack.then_some(work.as_path()))
        }));
        match outcome {
            Ok((v, d)) => {
                valid += u64::from(v);
                deep += u64::from(d);
            }
            Err(_) => {
                panics += 1;
                let dir = root.join("fuzz/crashes");
                let _ = std::fs::create_dir_all(&dir);
                let mut saved = text.clone();
                for set in &sets {
                    let _ = write!(saved, "\n# --set {set}");
                }
                let _ = std::fs::write(dir.join(format!("case-{seed}-{case}.toml")), saved);
            }
        }
        if (case + 1) % 100_000 == 0 {
            eprintln!(
                "{} cases, {:.0} s",
                case + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "{cases} cases ({workbooks} workbooks) in {:.1} s: {valid} valid, {deep} optimised and simulated, {panics} panics",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&work);
    if panics > 0 {
        std::process::exit(1);
    }
}

/// Returns (valid, went through optimise and simulate). With `pack`, the case also writes
/// the pack of `run` into that folder.
fn pipeline(
    text: &str,
    sets: &[scenario::Override],
    deep: bool,
    pack: Option<&std::path::Path>,
) -> (bool, bool) {
    let Ok(loaded) = scenario::parse_with(text, "fuzz.toml", sets) else {
        return (false, false);
    };
    let s = &loaded.scenario;
    let a = analysis::analyse(s);
    assert!(
        a.total.required_hours.is_finite(),
        "required hours not finite"
    );
    for o in &a.offices {
        assert!(o.capacity_hours.is_finite() && o.capacity_hours >= 0.0);
        assert!(o.utilisation.is_none_or(f64::is_finite));
    }
    least_headcounts_are_least(s, &a);
    if !deep {
        return (true, false);
    }
    let options = optimise::Options {
        time_limit: Duration::from_millis(100),
        ..optimise::Options::default()
    };
    let sim_short = simulate::SimOptions {
        runs: 2,
        seed: 1,
        days: Some(10),
        threads: Some(1),
        warmup: simulate::Warmup::Days(0),
    };
    let after = match optimise::optimise(s, &options) {
        Ok(rec) => {
            // `optimise --write`: the proposal is a scenario file again, never a panic.
            let proposal = scenario::write::proposal(text, s, &rec.after, "fuzz", sets);
            assert!(
                proposal.parse::<toml::Table>().is_ok() || text.parse::<toml::Table>().is_err(),
                "the proposal is not TOML"
            );
            // The overrides are written in: the proposal alone is the scenario planned, and
            // written over itself it keeps one header line.
            if let Ok(again) = scenario::parse(&proposal, "proposal.toml") {
                let before = analysis::analyse(&rec.after).total.required_hours;
                let after = analysis::analyse(&again.scenario).total.required_hours;
                assert!(
                    (before - after).abs() <= 1e-6 * before.abs().max(1.0),
                    "the proposal does not reanalyse as planned"
                );
                let twice =
                    scenario::write::proposal(&proposal, &again.scenario, &rec.after, "fuzz", &[]);
                assert_eq!(
                    twice.matches("# Proposal written by").count(),
                    1,
                    "stacked headers"
                );
            }
            if let Some(out) = pack {
                write_pack(s, &a, &rec, out);
            }
            let again = analysis::analyse(&rec.after);
            assert!(again.total.required_hours.is_finite());
            // The service check on top: bounded rounds whatever the targets.
            if let Ok((checked, _)) = service::confirm(s, rec.clone(), &sim_short) {
                if let Some(check) = &checked.check {
                    assert!(check.rounds <= service::MAX_ROUNDS + 1);
                    assert_eq!(check.stopped_by, None, "an unbounded check stopped");
                }
            }
            // And within a limit of a few thousand items (the clock lifted, so the same
            // case stops in the same place): it stops honestly, never beyond what it says.
            limited_check(s, &rec, text.len());
            Some(rec.after)
        }
        Err(_) => None,
    };
    let sim = simulate::SimOptions {
        runs: 3,
        seed: 1,
        days: Some(20),
        threads: Some(1),
        warmup: simulate::Warmup::Days(0),
    };
    let _ = simulate::simulate(s, &sim, &|_| {});
    // The most a command line may ask is refused before anything runs, or planned within
    // the bound on the whole work (issue 24: office-days were not counted).
    for (runs, days) in [(simulate::MAX_RUNS, simulate::MAX_DAYS), (1_000, 100_000)] {
        let huge = simulate::SimOptions {
            runs,
            days: Some(days),
            ..sim.clone()
        };
        if let Ok(plan) = simulate::plan(s, &huge) {
            let offices = s.offices.len() as f64;
            let office_days = f64::from(runs) * offices * f64::from(days);
            assert!(
                office_days <= simulate::MAX_OFFICE_DAYS,
                "{runs} × {days} days planned"
            );
            drop(plan);
        }
    }
    // The multi-year plan, where the text has `[plan]`: refused or answered, never a panic.
    let plan = multiyear::PlanOptions {
        runs: 3,
        seed: 1,
        threads: Some(1),
    };
    if let Ok(p) = multiyear::plan(s, &plan) {
        assert!(p.years.iter().all(|y| y.total.staff.is_finite()));
        // No hire into a fixed office, none beyond max_staff (issue 24).
        for year in &p.years {
            for (office, figures) in s.offices.iter().zip(&year.offices) {
                let figures = &figures.figures;
                if office.fixed {
                    assert_eq!(figures.hires_requested, 0, "hires into a fixed office");
                }
                if let Some(most) = office.max_staff {
                    let most = f64::from(most.max(office.headcount()));
                    assert!(
                        figures.hires_arriving == 0 || figures.staff <= most + 1e-6,
                        "hires beyond max_staff"
                    );
                }
            }
        }
    }
    if let Some(after) = after {
        let _ = simulate::simulate(&after, &sim, &|_| {});
    }
    (true, true)
}

/// The service check of `rec` within an effort of up to 0.02 s (chosen by the text's length),
/// asked for more runs than it may afford: what it says it simulated and why it stopped agree.
fn limited_check(s: &staffplan::model::Scenario, rec: &optimise::Recommendation, salt: usize) {
    let Ok(pool) = simulate::pool(Some(1)) else {
        return;
    };
    let sim = simulate::SimOptions {
        runs: 40,
        seed: 1,
        days: Some(10),
        threads: Some(1),
        warmup: simulate::Warmup::Days(0),
    };
    let limit = service::CheckLimit::after(
        Duration::from_micros((salt % 20_000) as u64),
        0,
        Instant::now(),
        Duration::from_secs(3600),
    );
    if let Ok((checked, _)) = service::confirm_within(&pool, s, rec.clone(), &sim, limit) {
        if let Some(check) = &checked.check {
            assert!(check.runs <= check.runs_asked, "more runs than asked");
            assert!(check.rounds <= service::MAX_ROUNDS + 1);
            if check.stopped_by.is_none() {
                assert_eq!(check.runs, check.runs_asked, "cut short without a word");
            }
            if check.runs == 0 {
                assert_eq!(check.met(), None, "a check of nothing says met or not");
            }
            let stopped = check.stopped_by.is_some();
            for unmet in &check.unmet {
                assert!(
                    stopped || unmet.reason != service::Shortfall::TimeLimit,
                    "time_limit without a limit reached"
                );
            }
        }
    }
}

/// The pack of `run` for `s` and its recommendation, with the ranges' sensitivity (few draws)
/// where it has ranges, written into `out` (replaced each time).
fn write_pack(
    s: &staffplan::model::Scenario,
    a: &analysis::Analysis,
    rec: &optimise::Recommendation,
    out: &std::path::Path,
) {
    let sensitivity = if s.uncertain.is_empty() {
        None
    } else {
        let options = staffplan::sensitivity::Options {
            draws: 20,
            seed: 1,
            threads: Some(1),
        };
        staffplan::sensitivity::sensitivity(s, &options).ok()
    };
    let after = analysis::analyse(&rec.after);
    let pack = staffplan::report::Pack {
        before: staffplan::report::Side {
            source: "fuzz.toml",
            scenario: s,
            analysis: a,
            simulation: None,
        },
        after: staffplan::report::Side {
            source: "recommendation",
            scenario: &rec.after,
            analysis: &after,
            simulation: None,
        },
        recommendation: Some(rec),
        service: None,
        annotations: &[],
        seed: 1,
        runs: 0,
        date: s.date.clone(),
        plan: None,
        sensitivity: sensitivity.as_ref(),
        holds: None,
        peers: None,
    };
    // Refused (a figure too large to draw, a full disk) or written, never a panic.
    let _ = staffplan::report::write_pack(out, &pack);
}

/// `--set` arguments of the shapes that once misled: a key given as a work type, an empty key,
/// a comment after the value, an id with `=`, wrong types, repeated paths.
fn overrides(rng: &mut ChaCha8Rng) -> Vec<scenario::Override> {
    const SHAPES: &[&str] = &[
        "work.w0=1",
        "work.w0.hours=abc",
        "work.w0.hours=\"abc\"",
        "work.w0.hours=5 # c",
        "work.w0.hours=1e12",
        "work.w0.volume=1e12",
        "work.w0.hours={ low = 1, likely = 2, high = 3 }",
        "work.review.hours=130",
        "policy=1",
        "policy.=1",
        "staff.a.cost=\"x\"",
        "staff.b.cost=0",
        "office.o0.staff.a=3",
        "office.o0=1",
        "unit.u0.workload.w0=7",
        "calendar.hours_per_day={ low = 0, likely = 8, high = 9 }",
        "calendar.non_case_share={ low = 0, likely = 0.1, high = 1 }",
        "calendar.working_days=0",
        "work.a=b.hours=3",
        "work.\"a=b\".hours=3",
        "work.\"w0\".hours=3",
        "work.\"w0.hours=3",
        "work.w0.next.w1=\"x\"",
        "work.w0.next.w1=0.5",
        "work.w0.hours={ low = \"a\", likely = 1, high = 2 }",
        "work.w0.office=3",
        "work.w0.id=5",
        "staff=1",
        "staff.a=1",
        "plan.years=\"five\"",
        "calendar.hours_per_day=7.5",
        "policy.quota.a=2",
        "x=1",
        "=1",
    ];
    (0..rng.random_range(1..4))
        .filter_map(|_| SHAPES[rng.random_range(0..SHAPES.len())].parse().ok())
        .collect()
}

fn mutate(seed: &str, rng: &mut ChaCha8Rng) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..rng.random_range(1..6) {
        let at = rng.random_range(0..=bytes.len());
        match rng.random_range(0..4) {
            0 => {
                let token = TOKENS[rng.random_range(0..TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            1 => {
                let end = (at + rng.random_range(1..40)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 if at < bytes.len() => bytes[at] = rng.random(),
            _ => {
                // Duplicate a line: repeated keys and tables.
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| at + p + 1);
                let line = bytes[at..end].to_vec();
                bytes.splice(at..at, line);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A scenario valid by construction, with extreme values.
fn structured(rng: &mut ChaCha8Rng) -> String {
    let extreme = |rng: &mut ChaCha8Rng| -> f64 {
        match rng.random_range(0..6) {
            0 => 0.0,
            1 => 1e-6,
            2 => 1e9,
            3 => rng.random_range(0.0..5.0),
            _ => rng.random_range(0.0..500.0),
        }
    };
    // Now and then a shape that once broke a limit: thousands of offices, a long id, a
    // control character, a billion-hour work type, a tiny target.
    let offices = if rng.random_bool(0.005) {
        rng.random_range(500..2000usize)
    } else {
        rng.random_range(0..6usize)
    };
    let long_id = if rng.random_bool(0.01) {
        "x".repeat(rng.random_range(150..100_000))
    } else {
        String::new()
    };
    // Now and then hundreds of ranges (each a row of the tornado), and range ends that make
    // the year value zero (a day of 0 hours, all time on non-case duties).
    let ranged = rng.random_bool(0.02);
    let range = |rng: &mut ChaCha8Rng, likely: f64| -> String {
        match rng.random_range(0..4) {
            0 => format!(
                "{{ low = 0, likely = {likely}, high = {} }}",
                likely * 3.0 + 1.0
            ),
            1 => format!(
                "{{ low = {}, likely = {likely}, high = {likely} }}",
                likely / 2.0
            ),
            _ => format!("{likely}"),
        }
    };
    let groups = rng.random_range(0..5usize);
    let units = if rng.random_bool(0.01) {
        10_000
    } else if ranged && rng.random_bool(0.3) {
        rng.random_range(100..3_000usize)
    } else {
        rng.random_range(0..30usize)
    };
    let works = rng.random_range(0..8usize);
    // Names near the cap of 200 characters (and a little over), drawn in every chart.
    let long_name = |rng: &mut ChaCha8Rng| -> String {
        if rng.random_bool(0.02) {
            "名".repeat(rng.random_range(150..=210))
        } else {
            String::new()
        }
    };
    let name = if rng.random_bool(0.02) {
        "fu\\u001bzz".to_string()
    } else {
        format!("fuzz{}", long_name(rng))
    };
    let mut t = format!("[scenario]\nname = \"{name}\"\n");
    if rng.random_bool(0.5) {
        let (share, hours) = if ranged && rng.random_bool(0.5) {
            (
                "{ low = 0.1, likely = 0.2, high = 1 }".to_string(),
                "{ low = 0, likely = 8, high = 9 }".to_string(),
            )
        } else {
            (format!("{}", rng.random_range(0.0..0.9)), "8".to_string())
        };
        let _ = writeln!(
            t,
            "[calendar]\nworking_days = {}\nleave_days = 0\ntraining_days = 0\nnon_case_share = {share}\nhours_per_day = {hours}\novertime_hours = {}",
            rng.random_range(1..300),
            extreme(rng)
        );
    }
    // Now and then a multi-year plan over offices with max_staff and fixed ones (issue 24:
    // the plan hired beyond the one and into the other).
    let planned = rng.random_bool(0.05);
    if planned {
        let _ = writeln!(
            t,
            "[plan]\nyears = {}\n[staff.a]\ncost = 100\nattrition = {}\nhiring_lag_years = {}\n[staff.b]\ncost = 50\nattrition = {}",
            rng.random_range(1..8),
            rng.random_range(0.0..0.5),
            rng.random_range(0..3),
            rng.random_range(0.0..0.5),
        );
    } else {
        t.push_str("[staff.a]\ncost = 100\n[staff.b]\ncost = 50\n");
    }
    if rng.random_bool(0.5) {
        let _ = writeln!(
            t,
            "[policy]\nquota = {{ a = {}, b = {} }}\nbudget = {}\ntarget_utilisation = {}\non_time = {}\nkeep_staff = {}",
            rng.random_range(0..40),
            rng.random_range(0..40),
            extreme(rng) * 100.0,
            if rng.random_bool(0.05) {
                1e-6
            } else {
                rng.random_range(0.1..1.0)
            },
            rng.random_range(0.0..=1.0),
            rng.random_bool(0.3)
        );
    }
    for o in 0..offices {
        let staff = rng.random_range(0..8);
        let b = rng.random_range(0..3);
        let _ = writeln!(
            t,
            "[[office]]\nid = \"o{o}{long_id}\"\nname = \"office {o}{}\"\nstaff = {{ a = {staff}, b = {b} }}\nleaders = {}\nfixed = {}",
            long_name(rng),
            rng.random_range(0..=staff),
            rng.random_bool(if planned { 0.3 } else { 0.1 })
        );
        if planned && rng.random_bool(0.5) {
            let _ = writeln!(t, "max_staff = {}", staff + b + rng.random_range(0..3));
        }
    }
    for g in 0..groups {
        let _ = writeln!(
            t,
            "[[office]]\nid = \"g{g}\"\nname = \"group {g}\"\nkind = \"dispatched_group\"\noptional = {}\nmax_units = {}",
            rng.random_bool(0.5),
            rng.random_range(1..20)
        );
    }
    for u in 0..units {
        t.push_str(&format!("[[unit]]\nid = \"u{u}\"\nname = \"unit {u}\"\n"));
        if works > 0 && groups > 0 {
            let load = extreme(rng);
            let load = if ranged {
                range(rng, load)
            } else {
                format!("{load}")
            };
            let _ = writeln!(t, "workload = {{ w0 = {load} }}");
        }
    }
    for w in 0..works {
        let office = if w == 0 && groups > 0 {
            "covering_group".to_string()
        } else if offices > 0 {
            format!("o{}{long_id}", rng.random_range(0..offices))
        } else {
            "covering_group".to_string()
        };
        let _ = writeln!(
            t,
            "[[work]]\nid = \"w{w}\"\nname = \"work {w}\"\noffice = \"{office}\"\nhours = {}\nteam = {}\ncv = {}",
            if rng.random_bool(0.02) { 1e12 } else { extreme(rng) },
            rng.random_range(1..4),
            rng.random_range(0.0..2.0)
        );
        if office != "covering_group" {
            // Volume times hours up to 1e24 hours a year: headcounts that overflow 64 bits.
            let volume = if rng.random_bool(0.02) {
                1e12
            } else {
                extreme(rng)
            };
            let volume = if ranged {
                range(rng, volume)
            } else {
                format!("{volume}")
            };
            let _ = writeln!(t, "volume = {volume}");
        }
        if rng.random_bool(0.3) {
            let _ = writeln!(
                t,
                "deadline_days = {}\non_time = {}\nbacklog = {}",
                rng.random_range(1..100),
                rng.random_range(0.0..=1.0),
                rng.random_range(0..50)
            );
        }
        // A chain to later work types only, so it never cycles, as deep as the work list.
        if w + 1 < works && rng.random_bool(0.7) {
            let _ = writeln!(
                t,
                "next = [{{ work = \"w{}\", share = {} }}]",
                w + 1,
                rng.random_range(0.0..1.0)
            );
        }
    }
    t
}

/// A workbook case: a shipped scenario's template broken at the byte level, its sheets with odd
/// cells, or (rarely) a huge sheet.
fn workbook_case(seeds: &[String], books: &[Vec<u8>], case: u64, rng: &mut ChaCha8Rng) -> Vec<u8> {
    use staffplan::scenario::workbook::{self, Value};
    if case % (WORKBOOK_EVERY * 500) == 3 {
        return huge_sheet(case % (WORKBOOK_EVERY * 1000) == 3);
    }
    let book = &books[rng.random_range(0..books.len())];
    match rng.random_range(0..4) {
        3 => edited_rows(&seeds[rng.random_range(0..seeds.len())], rng),
        0 => book[..rng.random_range(0..book.len())].to_vec(),
        1 => {
            let mut bytes = book.clone();
            for _ in 0..rng.random_range(1..8) {
                let i = rng.random_range(0..bytes.len());
                bytes[i] ^= 1 << rng.random_range(0..8);
            }
            bytes
        }
        _ => {
            let mut sheets = workbook::sheets(&seeds[rng.random_range(0..seeds.len())]);
            for _ in 0..rng.random_range(1..6) {
                let s = rng.random_range(0..sheets.len());
                let sheet = &mut sheets[s];
                let width = sheet.columns.len();
                if sheet.rows.is_empty() || rng.random_range(0..4) == 0 {
                    sheet.rows.push(vec![Value::Empty; width]);
                }
                let r = rng.random_range(0..sheet.rows.len());
                let c = rng.random_range(0..width);
                sheet.rows[r][c] = match rng.random_range(0..7) {
                    0 => Value::Text(TOKENS[rng.random_range(0..TOKENS.len())].to_string()),
                    1 => Value::Bool(rng.random()),
                    2 => Value::Number(1e300),
                    3 => Value::Number(-rng.random_range(0.0..1e6)),
                    4 => Value::Empty,
                    5 => Value::Text("1, 2, x, \u{202e}".into()),
                    _ => Value::Number(rng.random_range(0.0..3.0)),
                };
            }
            staffplan::report::template_sheets(&sheets, staffplan::model::Language::En)
                .unwrap_or_default()
        }
    }
}

/// The sheets of a scenario written with their header and note rows edited by a planner:
/// typed over with odd values, or deleted so that the data move up into them.
fn edited_rows(seed: &str, rng: &mut ChaCha8Rng) -> Vec<u8> {
    use staffplan::scenario::workbook::{self, Value, FIRST_DATA_ROW, HEADER_ROW, PATH_ROW};
    let mut book = rust_xlsxwriter::Workbook::new();
    for (n, sheet) in workbook::sheets(seed).iter().enumerate() {
        let ws = book.add_worksheet();
        let _ = ws.set_name(format!("S{n}"));
        // 0: as written; 1: the note row deleted; 2: both rows deleted.
        let first = FIRST_DATA_ROW - rng.random_range(0..3);
        for c in 0..sheet.columns.len() {
            let c16 = c as u16;
            let _ = ws.write_string(PATH_ROW, c16, sheet.path(c));
            for r in HEADER_ROW..first {
                match rng.random_range(0..4) {
                    0 => drop(ws.write_number(r, c16, rng.random_range(-1e9..1e9))),
                    1 => drop(ws.write_string(r, c16, TOKENS[rng.random_range(0..TOKENS.len())])),
                    2 => drop(ws.write_boolean(r, c16, rng.random())),
                    _ => {}
                }
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                let r = first + r as u32;
                let _ = match row.get(c) {
                    Some(Value::Number(x)) => ws.write_number(r, c16, *x).map(drop),
                    Some(Value::Text(t)) => ws.write_string(r, c16, t).map(drop),
                    Some(Value::Bool(b)) => ws.write_boolean(r, c16, *b).map(drop),
                    _ => Ok(()),
                };
            }
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

/// A sheet with a cell at the last row and column, and either a few cells or more than the
/// import reads; deflate makes it small on disk.
fn huge_sheet(many: bool) -> Vec<u8> {
    use std::io::Write as _;
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>calendar/working_days</t></is></c></row>"#,
    );
    let rows = if many { 1_100_000 } else { 10 };
    for r in 4..rows + 4 {
        let _ = write!(xml, r#"<row r="{r}"><c r="A{r}"><v>250</v></c></row>"#);
    }
    xml.push_str(
        r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#,
    );
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Calendar" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", xml),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Each office's posts needed are the least number of people whose casework covers the
/// need (issue 24: a relative tolerance once made the search step down one person at a time
/// at a trillion persons, seconds in the optimiser's inner loop).
fn least_headcounts_are_least(s: &staffplan::model::Scenario, a: &analysis::Analysis) {
    let year = s.calendar.year_value();
    let target = s.policy.target_utilisation;
    for (office, figures) in s.offices.iter().zip(&a.offices) {
        let hours = figures.required_hours;
        if !(hours > 0.0 && year > 0.0 && target > 0.0) {
            continue;
        }
        let n = analysis::least_posts(office, hours, year, target, 0);
        let persons = hours / (year * target) * (1.0 - analysis::TOLERANCE);
        if n >= 1 << 53 {
            continue;
        }
        assert!(office.casework_persons(n) >= persons, "too few posts");
        assert!(
            n == 0 || office.casework_persons(n - 1) < persons,
            "not the least"
        );
    }
}
