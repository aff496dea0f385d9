//! The steady state of SPEC §13 against closed forms: the M/M/c on-time share after the
//! default (`auto`) warm-up, the least headcount the service check then needs, and an office
//! loaded past what its people can serve, reported unstable with its backlog's growth.
//!
//! The calendar gives exactly 8 casework hours a working day, so rates read in items a day.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::analysis;
use staffplan::optimise;
use staffplan::queueing::Mmc;
use staffplan::service;
use staffplan::simulate::{self, SimOptions, Simulation, Warmup};

/// The issue's M/M/5 office: 537.5 items a year (2.15 a day) of exponential effort with a
/// mean of two person-days (16 hours), due in 8 working days, 89 % of them on time; the
/// utilisation target (0.9) alone keeps its 5 people (load 4.3).
fn mm5() -> String {
    format!(
        r#"{CALENDAR}
[policy]
target_utilisation = 0.9
on_time = 0.89
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 5 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 537.5
hours = 16
cv = 1
deadline_days = 8
"#
    )
}

fn queue(servers: u32) -> Mmc {
    Mmc {
        servers,
        arrival_rate: 2.15,
        service_rate: 0.5,
    }
}

fn options(runs: u32, warmup: Warmup) -> SimOptions {
    SimOptions {
        runs,
        seed: 7,
        days: None,
        threads: Some(2),
        warmup,
    }
}

fn run(toml: &str, runs: u32, warmup: Warmup) -> Simulation {
    simulate::simulate(&scenario(toml), &options(runs, warmup), &|_| {}).unwrap()
}

#[test]
fn the_steady_on_time_share_is_the_closed_forms() {
    // Closed form: wait of M/M/5 plus exponential service, P(T ≤ 8) = 0.8860.
    let closed = queue(5).probability_done_within(8.0).unwrap();
    assert!((closed - 0.8860).abs() < 1e-4, "{closed}");
    let runs = 400;
    let steady = run(&mm5(), runs, Warmup::Auto);
    assert!(steady.warmup_days >= 250, "auto warms up at least a year");
    let desk = &steady.offices[0];
    assert!(desk.stable);
    assert_eq!(desk.backlog_growth_per_year, 0.0);
    let share = desk.on_time_share.as_ref().unwrap();
    // Monte Carlo error of the mean from the band (p5–p95 ≈ 3.29 standard deviations), and
    // the year's end, where items still open inside their deadline are not yet counted.
    let se = (share.p95 - share.p5) / 3.29 / f64::from(runs).sqrt();
    assert!(
        (share.mean - closed).abs() < 4.0 * se + 0.004,
        "{} against {closed} (se {se})",
        share.mean
    );
    // From an empty start the year looks better than the office ever is.
    let empty = run(&mm5(), runs, Warmup::Days(0));
    assert_eq!(empty.warmup_days, 0);
    let flattered = empty.offices[0].on_time_share.as_ref().unwrap().mean;
    assert!(
        flattered > 0.89 && flattered > share.mean + 0.005,
        "{flattered}"
    );
}

#[test]
fn the_service_check_in_steady_state_needs_the_closed_forms_headcount() {
    let least = (1..20)
        .find(|&c| {
            queue(c)
                .probability_done_within(8.0)
                .is_some_and(|p| p >= 0.89)
        })
        .unwrap();
    assert_eq!(least, 6);
    assert!((queue(6).probability_done_within(8.0).unwrap() - 0.9728).abs() < 1e-4);
    let s = scenario(&mm5());
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    assert_eq!(
        recommendation.offices[0].staff_after,
        vec![5],
        "utilisation alone"
    );
    let (confirmed, _) = service::confirm(&s, recommendation, &options(200, Warmup::Auto)).unwrap();
    assert_eq!(confirmed.recommendation.offices[0].staff_after, vec![least]);
    assert!(confirmed.check.as_ref().unwrap().met);
}

#[test]
fn an_overloaded_office_is_unstable_and_its_backlog_grows_by_lambda_less_mu_c() {
    // 5.5 items a day of one person-day for 5 people: ρ = 1.1, the backlog grows by
    // λ − μc = 0.5 a day, 125 items a 250-day year.
    let toml = format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 5 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 1375
hours = 8
cv = 1
"#
    );
    let a = analysis::analyse(&scenario(&toml));
    assert!(!a.offices[0].stable);
    assert!((a.offices[0].backlog_growth_per_year - 125.0).abs() < 1e-9);
    let sim = run(&toml, 200, Warmup::Auto);
    let desk = &sim.offices[0];
    assert!(!desk.stable);
    // The simulated trend: 125 a year within a few items (the per-run sd of a year's growth
    // is about √(2 × 1375) ≈ 52, so the mean of 200 runs is within ±4 × 3.7).
    assert!(
        (desk.backlog_growth_per_year - 125.0).abs() < 15.0,
        "{}",
        desk.backlog_growth_per_year
    );
    // Overloaded offices never settle, so auto does not warm up longer for them.
    assert_eq!(sim.warmup_days, 250);
    // At 4.4 a day (ρ = 0.88) the same office is stable.
    let light = toml.replace("volume = 1375", "volume = 1100");
    let sim = run(&light, 200, Warmup::Auto);
    assert!(sim.offices[0].stable);
    assert_eq!(sim.offices[0].backlog_growth_per_year, 0.0);
    assert!(analysis::analyse(&scenario(&light)).offices[0].stable);
}

#[test]
fn people_left_over_from_whole_teams_serve_nothing() {
    // 300 items a year (1.2 a day) of 16 person-hours, each worked by a team of two: 4,800
    // hours against 3 people's 6,000 is 80 %, but only one team of two can work at once, so
    // the office serves 1 item a day and its backlog grows by λ − μc = 0.2 a day, 50 a year.
    let toml = format!(
        r#"{CALENDAR}
[[office]]
id = "bailiffs"
name = "bailiffs"
staff = {{ regular = 3 }}
[[work]]
id = "seizure"
name = "seizure"
office = "bailiffs"
volume = 300
hours = 16
team = 2
cv = 1
"#
    );
    let a = analysis::analyse(&scenario(&toml));
    assert!((a.offices[0].utilisation.unwrap() - 0.8).abs() < 1e-12);
    assert!(!a.offices[0].stable);
    assert!((a.offices[0].backlog_growth_per_year - 50.0).abs() < 1e-9);
    let sim = run(&toml, 200, Warmup::Auto);
    let office = &sim.offices[0];
    assert!(!office.stable);
    // The per-run sd of a year's growth is about √(300 + 250) ≈ 23, so the mean of 200 runs
    // is within ±4 × 1.7.
    assert!(
        (office.backlog_growth_per_year - 50.0).abs() < 7.0,
        "{}",
        office.backlog_growth_per_year
    );
    // A fourth person makes a second team: 2 items a day for 1.2, stable.
    let four = toml.replace("regular = 3", "regular = 4");
    assert!(analysis::analyse(&scenario(&four)).offices[0].stable);
    assert!(run(&four, 100, Warmup::Auto).offices[0].stable);
    // Work one person can do keeps the third person busy: the rule leaves the office stable.
    let mixed = format!(
        "{toml}[[work]]\nid = \"letters\"\nname = \"letters\"\noffice = \"bailiffs\"\nvolume = 10\nhours = 1\n"
    );
    assert!(analysis::analyse(&scenario(&mixed)).offices[0].stable);
}

#[test]
fn auto_gives_up_a_warmup_as_soon_as_its_runs_show_it_too_short() {
    // ρ = 0.99 on 20 people (2,475 items a year of two person-days, cv 0.25): from empty the
    // queue takes years to fill (about 1 / (μc (1 − √ρ)²) days), so its mean backlog still
    // climbs between days 125 and 250 and `auto` warms up for two years. The first chunk of
    // 64 runs shows it already; the year's other runs are never simulated.
    let toml = mm5()
        .replace("regular = 5", "regular = 20")
        .replace("volume = 537.5", "volume = 2475")
        .replace("cv = 1", "cv = 0.25");
    let runs = 128;
    let calls = std::sync::atomic::AtomicU32::new(0);
    let sim = simulate::simulate(&scenario(&toml), &options(runs, Warmup::Auto), &|_| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(sim.warmup_days, 500);
    let calls = calls.into_inner();
    assert_eq!(calls, 64 + runs, "the year's try ran past its first chunk");
    // The figures are those of the two years asked for outright.
    let outright = run(&toml, runs, Warmup::Days(500));
    assert_eq!(format!("{sim:?}"), format!("{outright:?}"));
}
