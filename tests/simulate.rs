//! The simulation against independent answers: Erlang C and Pollaczek–Khinchine for single
//! offices, the analysis for utilisation and chain volumes, and plain counting for the rules
//! (never-fielded teams, overtime caps, reproducibility, limits).
//!
//! The calendars here give exactly 8 casework hours a working day (no leave, training or
//! non-case time), so that an item of 8 hours is one person-day and rates read directly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::analysis;
use staffplan::export::Exportable;
use staffplan::model::Scenario;
use staffplan::queueing::Mmc;
use staffplan::simulate::{self, Engine, SimOptions, SimulateError, Simulation};

fn run(scenario: &Scenario, runs: u32, days: u32, seed: u64) -> Simulation {
    let options = SimOptions {
        runs,
        seed,
        days: Some(days),
        threads: Some(2),
        warmup: simulate::Warmup::Days(0),
    };
    simulate::simulate(scenario, &options, &|_| {}).unwrap()
}

fn office<'a>(sim: &'a Simulation, id: &str) -> &'a simulate::OfficeSim {
    sim.offices.iter().find(|o| o.id == id).unwrap()
}

fn assert_close(what: &str, got: f64, want: f64, tolerance: f64) {
    let error = (got / want - 1.0).abs();
    assert!(
        error <= tolerance,
        "{what}: simulated {got:.5}, expected {want:.5} ({:.2}% off, {:.0}% allowed)",
        error * 100.0,
        tolerance * 100.0
    );
}

fn analysed_utilisation(scenario: &Scenario, id: &str) -> f64 {
    analysis::analyse(scenario)
        .offices
        .iter()
        .find(|o| o.id == id)
        .and_then(|o| o.utilisation)
        .unwrap()
}

/// Two people, items of one person-day on average (exponential), 1.4 a day: M/M/2 at ρ = 0.7.
#[test]
fn mmc_agrees_with_erlang_c() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 2 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 350
hours = 8
cv = 1
"#
    ));
    // 32 runs of 160 years: about 1.8 million items, enough for the mean wait to be within
    // about 0.8% (one standard error) of its true value.
    let sim = run(&s, 32, 40_000, 11);
    let queue = Mmc {
        servers: 2,
        arrival_rate: 1.4,
        service_rate: 1.0,
    };
    let desk = office(&sim, "desk");
    assert_close(
        "mean wait",
        desk.wait_days.mean,
        queue.mean_wait().unwrap(),
        0.03,
    );
    assert_close(
        "mean lead time",
        desk.lead_days.mean,
        queue.mean_time_in_system().unwrap(),
        0.03,
    );
    assert_close(
        "utilisation",
        desk.utilisation.mean,
        analysed_utilisation(&s, "desk"),
        0.02,
    );
    assert!((analysed_utilisation(&s, "desk") - 0.7).abs() < 1e-12);
    // Lead times in M/M/c have a long tail: the 90th percentile is well above the mean.
    assert!(desk.lead_days_p90.mean > 1.5 * desk.lead_days.mean);
}

/// A team of two people working together is one server of double speed (M/M/1), and a leader
/// giving half their time is a server of half speed: the rates add up.
#[test]
fn team_and_leader_rates_add_up() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "pair"
name = "pair"
staff = {{ regular = 2 }}
[[office]]
id = "chief"
name = "chief"
staff = {{ regular = 1 }}
leaders = 1
leader_case_share = 0.5
[[work]]
id = "joint"
name = "joint"
office = "pair"
volume = 150
hours = 16
team = 2
cv = 1
[[work]]
id = "solo"
name = "solo"
office = "chief"
volume = 75
hours = 8
cv = 1
"#
    ));
    // 16 runs of 160 years: about 380,000 items at pair and 190,000 at chief.
    let sim = run(&s, 16, 40_000, 5);
    // pair: 0.6 items a day, each 16 h at 16 h a day: M/M/1, λ 0.6, μ 1, W = 1/(μ − λ) = 2.5.
    let pair = Mmc {
        servers: 1,
        arrival_rate: 0.6,
        service_rate: 1.0,
    };
    assert_close(
        "pair lead",
        office(&sim, "pair").lead_days.mean,
        pair.mean_time_in_system().unwrap(),
        0.03,
    );
    // chief: 0.3 items a day, 8 h at 4 h a day: M/M/1, μ 0.5, W = 1/(0.5 − 0.3) = 5.
    assert_close(
        "chief lead",
        office(&sim, "chief").lead_days.mean,
        5.0,
        0.04,
    );
    for id in ["pair", "chief"] {
        assert_close(
            id,
            office(&sim, id).utilisation.mean,
            analysed_utilisation(&s, id),
            0.02,
        );
    }
    assert!((analysed_utilisation(&s, "chief") - 0.6).abs() < 1e-12);
}

/// A leader who gives no time to casework never takes an item: the office is the M/M/1 of its
/// one other person (a zero-speed server would hold its items for ever).
#[test]
fn a_leader_without_casework_time_takes_no_items() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 2 }}
leaders = 1
leader_case_share = 0
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 100
hours = 8
cv = 1
"#
    ));
    // 16 runs of 160 years: about 256,000 items.
    let sim = run(&s, 16, 40_000, 1);
    let desk = office(&sim, "desk");
    // λ = 0.4, μ = 1: W = 1 / 0.6.
    assert_close("lead", desk.lead_days.mean, 1.0 / 0.6, 0.03);
    assert_close(
        "utilisation",
        desk.utilisation.mean,
        analysed_utilisation(&s, "desk"),
        0.02,
    );
    assert!(!desk.never_fielded);
}

/// cv = 0 gives fixed efforts: M/D/1, whose mean wait is ρ / (2 μ (1 − ρ)) (Pollaczek–Khinchine).
#[test]
fn fixed_effort_agrees_with_pollaczek_khinchine() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 1 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 200
hours = 8
cv = 0
"#
    ));
    let sim = run(&s, 16, 40_000, 3);
    // λ = 0.8, μ = 1: W_q = 0.8 / (2 · 0.2) = 2.
    assert_close("M/D/1 wait", office(&sim, "desk").wait_days.mean, 2.0, 0.03);
}

const CHAIN: &str = r#"
[[office]]
id = "intake"
name = "intake"
staff = { regular = 4 }
[[office]]
id = "review"
name = "review"
staff = { regular = 3 }
[[office]]
id = "group"
name = "group"
kind = "dispatched_group"
staff = { regular = 2 }
covers = ["park"]
[[unit]]
id = "park"
name = "park"
workload = { check = 100 }
[[work]]
id = "petition"
name = "petition"
office = "intake"
volume = 500
hours = 8
next = [{ work = "lead", share = 0.4 }]
[[work]]
id = "lead"
name = "lead"
office = "review"
hours = 10
next = [{ work = "case", share = 0.25 }]
[[work]]
id = "case"
name = "case"
office = "review"
hours = 40
team = 2
[[work]]
id = "check"
name = "check"
office = "covering_group"
hours = 6
next = [{ work = "follow", share = 0.5 }]
[[work]]
id = "follow"
name = "follow"
office = "covering_group"
hours = 12
"#;

#[test]
fn chains_spawn_their_shares_and_load_offices_as_analysed() {
    let s = scenario(&format!("{CALENDAR}{CHAIN}"));
    let sim = run(&s, 8, 5_000, 2);
    let work = |id: &str| sim.works.iter().find(|w| w.id == id).unwrap();
    // 20 years × 500 petitions = 10,000 a run, 80,000 over the runs: the binomial spread of the
    // 40% share is about 0.4%, of the 25% and 50% shares about 1–2%.
    assert_close(
        "leads per petition",
        work("lead").spawned.mean,
        0.4 * work("petition").done.mean,
        0.02,
    );
    assert_close(
        "cases per lead",
        work("case").spawned.mean,
        0.25 * work("lead").done.mean,
        0.03,
    );
    assert_close(
        "follow-ups per check",
        work("follow").spawned.mean,
        0.5 * work("check").done.mean,
        0.03,
    );
    assert_eq!(work("petition").spawned.mean, 0.0);
    // Every follow-up arrives through the chain, and covering-group follow-ups stay with the
    // group: its items done are its checks and follow-ups.
    assert_eq!(work("lead").arrived.mean, work("lead").spawned.mean);
    let group = office(&sim, "group");
    assert!((group.done.mean - work("check").done.mean - work("follow").done.mean).abs() < 1e-9);
    // Stable offices carry the analysis's load: review has 200 leads × 10 h + 50 cases × 40 h
    // = 4,000 h of its 6,000.
    assert!((analysed_utilisation(&s, "review") - 4_000.0 / 6_000.0).abs() < 1e-12);
    for id in ["intake", "review", "group"] {
        assert_close(
            id,
            office(&sim, id).utilisation.mean,
            analysed_utilisation(&s, id),
            0.02,
        );
    }
}

#[test]
fn a_team_that_can_never_be_fielded_is_never_started() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "small"
name = "小组"
staff = {{ regular = 2 }}
[[work]]
id = "review"
name = "纪律审查"
office = "small"
volume = 50
hours = 120
team = 3
[[work]]
id = "note"
name = "note"
office = "small"
volume = 100
hours = 4
"#
    ));
    let sim = run(&s, 200, 250, 9);
    let small = office(&sim, "small");
    let work = |id: &str| sim.works.iter().find(|w| w.id == id).unwrap();
    assert_eq!(work("review").done.mean, 0.0);
    assert_eq!(work("review").done.p95, 0.0);
    // The review backlog is every arrival: about 50 a year (Poisson, so p5–p95 ≈ 50 ± 12).
    assert!((work("review").arrived.mean - 50.0).abs() < 2.0);
    let note_open = work("note").arrived.mean - work("note").done.mean;
    assert!((small.backlog_end.mean - work("review").arrived.mean - note_open).abs() < 1e-9);
    // The impossible review does not block the queue: the notes are done.
    assert!(work("note").done.mean > 0.98 * work("note").arrived.mean);
    assert!(small.never_fielded);
    assert_eq!(
        small.messages,
        [
            "office 小组 has 2 people but work 纪律审查 needs a team of 3: it is never started; \
          its backlog grows by the arrivals"
        ]
    );
    // The backlog chart climbs through the year to about the arrivals.
    let median = &small.backlog.median;
    assert_eq!(median.len(), 250);
    assert_eq!(*small.backlog.day.last().unwrap(), 250);
    assert!(median[124] > 20.0 && median[124] < 30.0, "{}", median[124]);
    assert!((median[249] - 50.0).abs() < 3.0, "{}", median[249]);
}

fn overloaded(cap: u32) -> Scenario {
    // Three people (24 h a day) for 2.8 items a day of 8 h (22.4 h): utilisation 93%, a queue
    // most of the time, so overtime is wanted.
    let calendar = CALENDAR.replace(
        "non_case_share = 0\n",
        &format!("non_case_share = 0\novertime_hours = {cap}\n"),
    );
    scenario(&format!(
        r#"{calendar}
[[office]]
id = "busy"
name = "busy"
staff = {{ regular = 3 }}
[[work]]
id = "case"
name = "case"
office = "busy"
volume = 700
hours = 8
team = 1
"#
    ))
}

#[test]
fn overtime_stays_within_the_cap() {
    let with_cap = overloaded(120);
    let options = SimOptions {
        runs: 40,
        seed: 4,
        days: None,
        threads: Some(1),
        warmup: simulate::Warmup::Days(0),
    };
    let plan = simulate::plan(&with_cap, &options).unwrap();
    let mut engine = Engine::new(&plan);
    let mut most: f64 = 0.0;
    for run in 0..options.runs {
        let outcome = engine.run(options.seed, run);
        most = most.max(outcome.offices[0].overtime_hours_max_person);
    }
    assert!(most <= 120.0 + 1e-6, "a person worked {most} h of overtime");
    // Utilisation 700 × 8 / 6,000 = 93%: the queue is long most of the year, so the cap is
    // nearly always reached.
    assert!(most > 119.0, "{most}");
    let sim = simulate::simulate(&with_cap, &options, &|_| {}).unwrap();
    let busy = office(&sim, "busy");
    assert!(busy.overtime_hours_per_person.p95 <= 120.0 + 1e-6);
    assert!(busy.overtime_hours_per_person.mean > 60.0);

    let no_cap = overloaded(0);
    let without = simulate::simulate(&no_cap, &options, &|_| {}).unwrap();
    let calm = office(&without, "busy");
    assert_eq!(calm.overtime_hours_per_person.mean, 0.0);
    assert_eq!(calm.overtime_hours_max_person.p95, 0.0);
    // Overtime is casework: the same arrivals (same seed) with overtime finish more items and
    // leave a shorter backlog.
    assert!(busy.done.mean > calm.done.mean);
    assert!(busy.backlog_end.mean < calm.backlog_end.mean);
}

#[test]
fn same_seed_same_bytes_on_any_thread_count() {
    let s = scenario(&format!("{CALENDAR}{CHAIN}"));
    let json = |threads: usize, seed: u64| {
        let options = SimOptions {
            runs: 24,
            seed,
            days: None,
            threads: Some(threads),
            warmup: simulate::Warmup::Days(0),
        };
        let sim = simulate::simulate(&s, &options, &|_| {}).unwrap();
        serde_json::to_string(&sim.json(staffplan::report::words::terminal(
            staffplan::model::Language::En,
        )))
        .unwrap()
    };
    let one = json(1, 7);
    assert_eq!(one, json(2, 7));
    assert_eq!(one, json(3, 7));
    let other = json(2, 8);
    assert_ne!(one, other);
    let done = |text: &str| -> f64 {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        v["offices"][0]["done"]["mean"].as_f64().unwrap()
    };
    assert_ne!(done(&one), done(&other));
}

#[test]
fn json_has_the_spec_fields() {
    let s = scenario(&format!("{CALENDAR}{CHAIN}"));
    let sim = run(&s, 10, 250, 1);
    let v = sim.json(staffplan::report::words::terminal(
        staffplan::model::Language::En,
    ));
    assert_eq!(v["runs"], 10);
    assert_eq!(v["seed"], 1);
    assert_eq!(v["days"], 250);
    let first = &v["offices"][0];
    assert_eq!(first["id"], "intake");
    for key in [
        "done",
        "backlog_end",
        "wait_days",
        "lead_days",
        "lead_days_p90",
        "late_share",
        "utilisation",
        "overtime_hours_per_person",
    ] {
        for band in ["mean", "p5", "p95"] {
            assert!(
                first[key][band].is_number() || first[key][band].is_null(),
                "{key}.{band}"
            );
        }
    }
    assert!(first["done"]["p5"].as_f64().unwrap() <= first["done"]["mean"].as_f64().unwrap());
    // No deadlines in this scenario: no late share to report.
    assert!(first["late_share"]["mean"].is_null());
    let table = &sim.tables(staffplan::report::words::terminal(
        staffplan::model::Language::En,
    ))[0];
    assert_eq!(
        table.headers,
        ["id", "office", "figure", "mean", "p5", "p95"]
    );
    assert_eq!(table.rows.len(), 3 * 10);
}

#[test]
fn deadlines_count_late_items() {
    // One person, items of exactly 2 days, one a day on average: the office is overloaded
    // (200%), so nearly everything that finishes has waited past a 5-day deadline, and the
    // open items at the end are mostly past it too.
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 1 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 250
hours = 16
cv = 0
deadline_days = 5
"#
    ));
    let sim = run(&s, 20, 250, 1);
    let desk = office(&sim, "desk");
    assert!(desk.late_share.mean > 0.9, "{:?}", desk.late_share);
    // Idle only until the first arrivals have built a queue: a day or two of the 250.
    assert!(desk.utilisation.mean > 0.98, "{:?}", desk.utilisation);
    assert!(desk.utilisation.p5 > 0.95, "{:?}", desk.utilisation);
    // 250 working days at 2 days an item: at most 125 done.
    assert!(desk.done.p95 <= 125.0);
}

#[test]
fn absurd_requests_are_refused() {
    let s = scenario(&format!("{CALENDAR}{CHAIN}"));
    let ask = |runs: u32, days: Option<u32>, threads: Option<usize>| {
        simulate::simulate(
            &s,
            &SimOptions {
                runs,
                seed: 1,
                days,
                threads,
                warmup: simulate::Warmup::Days(0),
            },
            &|_| {},
        )
        .err()
    };
    assert_eq!(ask(0, None, None), Some(SimulateError::NoRuns));
    assert_eq!(
        ask(simulate::MAX_RUNS + 1, None, None),
        Some(SimulateError::TooManyRuns {
            runs: simulate::MAX_RUNS + 1
        })
    );
    assert_eq!(ask(1, Some(0), None), Some(SimulateError::NoDays));
    assert_eq!(
        ask(1, Some(simulate::MAX_DAYS + 1), None),
        Some(SimulateError::TooManyDays {
            days: simulate::MAX_DAYS + 1
        })
    );
    assert_eq!(ask(1, None, Some(0)), Some(SimulateError::NoThreads));
    let too_long = simulate::simulate(
        &s,
        &SimOptions {
            runs: 1,
            days: Some(1_000),
            warmup: simulate::Warmup::Days(simulate::MAX_DAYS),
            ..SimOptions::default()
        },
        &|_| {},
    );
    assert_eq!(
        too_long.err(),
        Some(SimulateError::TooLongWarmup {
            warmup: simulate::MAX_DAYS,
            days: 1_000
        })
    );
    // 750 items a year (500 petitions, 200 leads, 50 cases... plus checks and follow-ups):
    // 100,000 runs of 400 years is far above the limit.
    assert!(matches!(
        ask(simulate::MAX_RUNS, Some(simulate::MAX_DAYS), None),
        Some(SimulateError::TooManyItemsPerRun { .. } | SimulateError::TooManyItems { .. })
    ));
    let message = ask(0, None, None).unwrap().to_string();
    assert!(message.contains("help:"), "{message}");
}

#[test]
fn progress_counts_every_run() {
    use std::sync::atomic::{AtomicU32, Ordering};
    let s = scenario(&format!("{CALENDAR}{CHAIN}"));
    let calls = AtomicU32::new(0);
    let highest = AtomicU32::new(0);
    let options = SimOptions {
        runs: 30,
        seed: 1,
        days: Some(50),
        threads: Some(2),
        warmup: simulate::Warmup::Days(0),
    };
    simulate::simulate(&s, &options, &|n| {
        calls.fetch_add(1, Ordering::Relaxed);
        highest.fetch_max(n, Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(calls.into_inner(), 30);
    assert_eq!(highest.into_inner(), 30);
}

/// One person giving 8 casework hours a day, 10 items of exactly 10 hours open at the start
/// and nothing arriving: item k finishes at 1.25 k days, the last at day 12.5.
fn backlog_only() -> Scenario {
    scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 1 }}
[[work]]
id = "case"
name = "case"
office = "desk"
hours = 10
cv = 0
backlog = 10
"#
    ))
}

fn run_with_warmup(scenario: &Scenario, runs: u32, days: u32, warmup_days: u32) -> Simulation {
    let options = SimOptions {
        runs,
        seed: 1,
        days: Some(days),
        threads: Some(2),
        warmup: simulate::Warmup::Days(warmup_days),
    };
    simulate::simulate(scenario, &options, &|_| {}).unwrap()
}

#[test]
fn an_initial_backlog_is_worked_off_at_the_known_rate() {
    let sim = run_with_warmup(&backlog_only(), 3, 20, 0);
    let desk = office(&sim, "desk");
    // All ten are done, the last at 12.5 days: lead times 1.25, 2.5, …, 12.5 (mean 6.875),
    // waits 0, 1.25, …, 11.25 (mean 5.625); the one person is busy 12.5 of the 20 days.
    assert_eq!(desk.done.mean, 10.0);
    assert_eq!(desk.backlog_end.mean, 0.0);
    assert!((desk.lead_days.mean - 6.875).abs() < 1e-12);
    assert!((desk.wait_days.mean - 5.625).abs() < 1e-12);
    assert!((desk.utilisation.mean - 12.5 / 20.0).abs() < 1e-12);
    // The backlog at the end of day k is 10 − ⌊k / 1.25⌋ (days 5, 10, 15 and 20 are left out:
    // an item ends exactly there).
    for (k, &open) in desk.backlog.median.iter().enumerate() {
        let day = k as u32 + 1;
        if day % 5 != 0 {
            let want = (10.0 - (f64::from(day) / 1.25).floor()).max(0.0);
            assert_eq!(open, want, "day {day}");
        }
    }
    // Backlog items are not arrivals.
    assert_eq!(sim.works[0].arrived.mean, 0.0);
    assert_eq!(sim.works[0].done.mean, 10.0);
}

#[test]
fn the_initial_backlog_arrives_when_counting_starts() {
    // SPEC §13: `[[work]] backlog` is added at the start of the counted period, after the
    // warm-up. Nothing else arrives, so six days of warm-up leave the desk idle and the ten
    // items then run exactly as from an empty start, six days later: item k ends at
    // 6 + 1.25 k days, inside the 20 counted days.
    let sim = run_with_warmup(&backlog_only(), 3, 20, 6);
    let desk = office(&sim, "desk");
    assert_eq!(sim.days, 20);
    assert_eq!(sim.warmup_days, 6);
    assert_eq!(desk.done.mean, 10.0);
    assert!((desk.lead_days.mean - 6.875).abs() < 1e-12);
    assert!((desk.utilisation.mean - 12.5 / 20.0).abs() < 1e-12);
    // The first counted day ends at 7 days: nothing done yet (the first ends at 7.25).
    assert_eq!(desk.backlog.day[0], 1);
    assert_eq!(desk.backlog.median[0], 10.0);
    assert_eq!(desk.backlog.median[1], 9.0);
    assert!(desk.stable);
    assert_eq!(desk.backlog_growth_per_year, 0.0);
}

#[test]
fn covering_group_backlog_is_spread_by_volume_largest_remainder_first() {
    // Group a has 2/3 of the checks, b 1/3: 10 open checks are 6.67 and 3.33 items, so a gets
    // ⌊6.67⌋ + 1 = 7 (the larger remainder) and b 3.
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "a"
name = "a"
kind = "dispatched_group"
covers = ["u1"]
[[office]]
id = "b"
name = "b"
kind = "dispatched_group"
covers = ["u2"]
[[unit]]
id = "u1"
name = "u1"
workload = {{ check = 20 }}
[[unit]]
id = "u2"
name = "u2"
workload = {{ check = 10 }}
[[work]]
id = "check"
name = "check"
office = "covering_group"
hours = 8
backlog = 10
"#
    ));
    let split = analysis::initial_backlog(&s);
    assert_eq!(split[0], [7, 3]);
    // Nobody works in either group, so the backlog is still there at the end, besides the
    // checks that arrived.
    let sim = run_with_warmup(&s, 2, 5, 0);
    let arrived =
        |o: usize| sim.offices[o].backlog_end.mean - 7.0 * (1 - o) as f64 - 3.0 * o as f64;
    assert!(arrived(0) >= 0.0 && arrived(1) >= 0.0);
    assert!(office(&sim, "a").backlog.median[0] >= 7.0);
}

#[test]
fn team_idle_hours_are_zero_for_single_person_work() {
    // Overloaded (93%): items wait most of the time, but never because of the team rule.
    let s = overloaded(0);
    let sim = run(&s, 8, 250, 3);
    let busy = office(&sim, "busy");
    assert!(busy.backlog_end.mean > 0.0);
    assert_eq!(busy.team_idle_hours.mean, 0.0);
    assert_eq!(busy.team_idle_hours.p95, 0.0);
}

/// An office of 4 whose work needs 3 at once is one server of 3 people (M/M/1), and its
/// fourth person is idle exactly while items wait: with ρ the server's utilisation, the
/// queue is non-empty a share ρ² of the time (N ≥ 2 in M/M/1), so the team rule idles
/// 8 h × ρ² a day.
#[test]
fn team_idle_hours_of_a_team_of_three_in_an_office_of_four() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "review"
name = "review"
staff = {{ regular = 4 }}
[[work]]
id = "case"
name = "case"
office = "review"
volume = 125
hours = 24
team = 3
cv = 1
"#
    ));
    // λ = 0.5 a day, 24 h at 24 h a day: μ = 1, ρ = 0.5, so 8 × 0.25 = 2 h a day.
    let days = 40_000;
    let sim = run(&s, 16, days, 7);
    let review = office(&sim, "review");
    assert_close(
        "team-rule idle hours a day",
        review.team_idle_hours.mean / f64::from(days),
        2.0,
        0.03,
    );
    // Utilisation is the analysis's 12 h of 32 a day: the idle hours do not come off it while
    // the queue is stable.
    assert_close("utilisation", review.utilisation.mean, 0.375, 0.02);
}

#[test]
fn on_time_share_agrees_with_the_mmc_response_time() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 2 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 350
hours = 8
cv = 1
deadline_days = 3
"#
    ));
    // M/M/2, λ 1.4, μ 1: C = 0.5765, θ = 0.6; P(T ≤ 3) ≈ 0.7837.
    let want = Mmc {
        servers: 2,
        arrival_rate: 1.4,
        service_rate: 1.0,
    }
    .probability_done_within(3.0)
    .unwrap();
    assert!((want - 0.7837).abs() < 5e-4, "{want}");
    let sim = run(&s, 16, 40_000, 11);
    let desk = office(&sim, "desk");
    let on_time = desk.on_time_share.unwrap();
    assert_close("on-time share", on_time.mean, want, 0.01);
    // It is the complement of the late share, run by run.
    assert!((on_time.mean + desk.late_share.mean - 1.0).abs() < 1e-12);
    assert!((on_time.p5 + desk.late_share.p95 - 1.0).abs() < 1e-12);
    // The one (office, work) pair with a deadline carries the same figure.
    assert_eq!(desk.on_time_by_work.len(), 1);
    assert_eq!(desk.on_time_by_work[0].work, "case");
    assert_eq!(desk.on_time_by_work[0].on_time_share, on_time);
    // Without deadline work there is no on-time share at all.
    let plain = run(&overloaded(0), 2, 50, 1);
    assert!(office(&plain, "busy").on_time_share.is_none());
    assert!(office(&plain, "busy").on_time_by_work.is_empty());
}

#[test]
fn backlog_warm_up_and_deadlines_stay_byte_identical_across_threads() {
    let text = format!("{CALENDAR}{CHAIN}")
        .replace(
            "hours = 40\nteam = 2",
            "hours = 40\nteam = 2\nbacklog = 30\ndeadline_days = 20",
        )
        .replace("hours = 6\n", "hours = 6\nbacklog = 7\ndeadline_days = 5\n");
    let s = scenario(&text);
    let json = |threads: usize| {
        let options = SimOptions {
            runs: 24,
            seed: 3,
            days: Some(100),
            threads: Some(threads),
            warmup: simulate::Warmup::Days(30),
        };
        let sim = simulate::simulate(&s, &options, &|_| {}).unwrap();
        serde_json::to_string(&sim.json(staffplan::report::words::terminal(
            staffplan::model::Language::En,
        )))
        .unwrap()
    };
    let one = json(1);
    assert_eq!(one, json(2));
    assert_eq!(one, json(3));
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert!(v["offices"][1]["on_time_share"]["mean"].is_number());
    assert!(v["offices"][0]["on_time_share"].is_null());
    assert!(v["offices"][1]["team_idle_hours"]["mean"].is_number());
}

/// Issue 24: a simulation's office-days (runs × offices × days) have a bound of their own,
/// beside its items. 1,000 offices over 100,000 days are 10⁸ office-days a run (and only
/// 100,000 items): 100 runs (10¹⁰) fit; 101 (1.01 × 10¹⁰) are refused, naming the flags and
/// the 100 that fit (the check is made before anything is simulated).
#[test]
fn a_long_simulation_of_many_offices_is_refused_by_its_office_days() {
    let mut text = String::from(
        "[scenario]\nname = \"many offices\"\n[calendar]\nworking_days = 250\n[staff.clerk]\ncost = 1\n",
    );
    for o in 0..1_000 {
        text.push_str(&format!(
            "[[office]]\nid = \"o{o}\"\nname = \"office {o}\"\nstaff = {{ clerk = 1 }}\n"
        ));
    }
    text.push_str("[[work]]\nid = \"w\"\nname = \"w\"\noffice = \"o0\"\nvolume = 250\nhours = 1\n");
    let s = scenario(&text);
    let ask = |runs: u32| {
        simulate::plan(
            &s,
            &SimOptions {
                runs,
                days: Some(100_000),
                warmup: simulate::Warmup::Days(0),
                ..SimOptions::default()
            },
        )
        .err()
    };
    assert_eq!(ask(100), None);
    let refused = ask(101).unwrap();
    match &refused {
        SimulateError::TooMuchWork {
            runs,
            days,
            offices,
            total,
            fitting,
            ..
        } => {
            assert_eq!(
                (*runs, *days, *offices, *fitting),
                (101, 100_000, 1_000, 100)
            );
            assert!((total - 10_100_000_000.0).abs() < 1.0, "{total}");
        }
        other => panic!("{other:?}"),
    }
    let message = refused.to_string();
    assert!(
        message.contains("--runs") && message.contains("--days"),
        "{message}"
    );
    assert_eq!(
        staffplan::error::Error::Simulate(refused).exit_code(),
        2,
        "a command-line request"
    );
}
