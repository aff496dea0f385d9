//! The service check (SPEC §8) against the closed form of the M/M/c response time, and its
//! bounds: a target that no headcount can meet is reported, not chased.
//!
//! The calendar gives exactly 8 casework hours a working day, so an item of 8 hours is one
//! person-day and rates read directly in items a day.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::optimise;
use staffplan::queueing::Mmc;
use staffplan::service;
use staffplan::service::Shortfall;
use staffplan::simulate::SimOptions;

fn options(runs: u32) -> SimOptions {
    SimOptions {
        runs,
        seed: 3,
        days: Some(250),
        threads: Some(2),
        warmup: staffplan::simulate::Warmup::Days(50),
    }
}

/// An M/M/c desk: 3.2 items a day of exponential effort with a mean of one person-day, a
/// deadline of 2 working days that 80 % of items must meet.
fn desk(staff: u32) -> String {
    format!(
        r#"{CALENDAR}
[policy]
on_time = 0.8
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = {staff} }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 800
hours = 8
cv = 1
deadline_days = 2
"#
    )
}

#[test]
fn the_least_headcount_meeting_the_target_is_the_closed_forms() {
    // The closed form: the least c with P(T ≤ 2 days) ≥ 0.8 for λ = 3.2, μ = 1.
    let least = (1..20)
        .find(|&servers| {
            Mmc {
                servers,
                arrival_rate: 3.2,
                service_rate: 1.0,
            }
            .probability_done_within(2.0)
            .is_some_and(|p| p >= 0.8)
        })
        .unwrap();
    assert_eq!(least, 5);
    // Four people meet the 85 % utilisation target (80 %) but finish only about two thirds
    // in time; five finish 82.7 %.
    let four = Mmc {
        servers: 4,
        arrival_rate: 3.2,
        service_rate: 1.0,
    };
    assert!((four.probability_done_within(2.0).unwrap() - 0.667).abs() < 0.001);

    let s = scenario(&desk(4));
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    assert_eq!(
        recommendation.offices[0].staff_after,
        vec![4],
        "utilisation alone"
    );
    let (confirmed, simulation) = service::confirm(&s, recommendation, &options(200)).unwrap();
    let check = confirmed.check.as_ref().unwrap();
    assert_eq!(confirmed.recommendation.offices[0].staff_after, vec![least]);
    assert_eq!(check.posts, vec![vec![1]]);
    assert!(check.met, "{:?}", check.unmet);
    assert_eq!(check.cost, 1.0);
    assert_eq!(confirmed.recommendation.cost_after, 5.0);
    // The explanation describes the confirmed staffing, not the optimiser's four.
    let explained = &confirmed.recommendation.explanations;
    assert_eq!(explained.len(), 1, "{explained:?}");
    assert_eq!(
        (explained[0].staff_before, explained[0].staff_after),
        (4, 5)
    );
    // The confirmed plan's own figures: on time as the closed form says, within noise.
    let after = check.on_time_after[0].unwrap();
    assert!((after - 0.827).abs() < 0.015, "{after}");
    let before = check.on_time_before_service[0].unwrap();
    assert!((before - 0.667).abs() < 0.015, "{before}");
    let simulation = simulation.unwrap();
    assert_eq!(simulation.offices[0].headcount, 5);
    // The JSON carries the SPEC §8 fields.
    let json = staffplan::export::Exportable::json(
        &confirmed,
        staffplan::report::words::terminal(staffplan::model::Language::En),
    );
    assert_eq!(json["service_met"], true);
    assert_eq!(json["service_unmet"], serde_json::json!([]));
    assert_eq!(json["offices"][0]["posts_for_service"], 1);
    assert!(json["offices"][0]["on_time_share_after"].as_f64().unwrap() > 0.8);
}

#[test]
fn a_deadline_shorter_than_the_work_is_reported_not_chased() {
    // Ten person-days of work for one person, due in two days: more people cannot help.
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 3 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 50
hours = 80
cv = 0.5
deadline_days = 2
on_time = 0.9
"#
    ));
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    let staff_after = recommendation.offices[0].staff_after.clone();
    let (confirmed, _) = service::confirm(&s, recommendation, &options(40)).unwrap();
    let check = confirmed.check.as_ref().unwrap();
    assert!(!check.met);
    assert_eq!(check.unmet.len(), 1);
    let unmet = &check.unmet[0];
    assert_eq!(
        (unmet.office.as_str(), unmet.work.as_str()),
        ("desk", "case")
    );
    assert_eq!(unmet.target, 0.9);
    assert_eq!(unmet.reason, Shortfall::NoGain);
    assert!(unmet.on_time_share.unwrap() < 0.01);
    // The posts that did not help were taken back; the search stopped early.
    assert_eq!(confirmed.recommendation.offices[0].staff_after, staff_after);
    assert_eq!(check.posts, vec![vec![0]]);
    assert!(check.rounds <= 6, "{} rounds", check.rounds);
    let json = staffplan::export::Exportable::json(
        &confirmed,
        staffplan::report::words::terminal(staffplan::model::Language::En),
    );
    assert_eq!(json["service_met"], false);
    assert_eq!(json["service_unmet"][0]["reason"], "no_gain");
}

#[test]
fn a_quota_that_leaves_no_room_is_reported() {
    let s = scenario(&desk(4).replace("[policy]\n", "[policy]\nquota = { regular = 4 }\n"));
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    let (confirmed, _) = service::confirm(&s, recommendation, &options(100)).unwrap();
    let check = confirmed.check.as_ref().unwrap();
    assert!(!check.met);
    assert_eq!(check.unmet[0].reason, Shortfall::NoRoom);
    assert_eq!(confirmed.recommendation.offices[0].staff_after, vec![4]);
    // What the target needs beyond the quota: the one post the closed form asks for.
    let beyond = check.beyond_quota.as_ref().unwrap();
    assert_eq!(beyond.posts, vec![vec![1]]);
    assert!(beyond.met);
    assert_eq!(beyond.cost, 1.0);
    let json = staffplan::export::Exportable::json(
        &confirmed,
        staffplan::report::words::terminal(staffplan::model::Language::En),
    );
    assert_eq!(
        json["service_posts_beyond_quota"],
        serde_json::json!({ "posts": { "regular": 1 }, "cost": 1.0, "met": true })
    );
}

#[test]
fn without_targets_nothing_is_simulated_or_changed() {
    let s = scenario(&desk(4).replace("on_time = 0.8\n", ""));
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    let (confirmed, simulation) =
        service::confirm(&s, recommendation.clone(), &options(10)).unwrap();
    assert!(simulation.is_none());
    assert!(confirmed.check.is_none());
    assert_eq!(confirmed.recommendation.after, recommendation.after);
    let json = staffplan::export::Exportable::json(
        &confirmed,
        staffplan::report::words::terminal(staffplan::model::Language::En),
    );
    assert_eq!(json["service_met"], serde_json::Value::Null);
    assert_eq!(
        json["offices"][0]["on_time_share_after"],
        serde_json::Value::Null
    );
}

#[test]
fn the_check_is_the_same_whatever_the_thread_count() {
    let s = scenario(&desk(4));
    let recommendation = optimise::optimise(&s, &optimise::Options::default()).unwrap();
    let one = SimOptions {
        threads: Some(1),
        ..options(60)
    };
    let (a, _) = service::confirm(&s, recommendation.clone(), &one).unwrap();
    let (b, _) = service::confirm(&s, recommendation, &options(60)).unwrap();
    assert_eq!(
        staffplan::export::Exportable::json(
            &a,
            staffplan::report::words::terminal(staffplan::model::Language::En)
        ),
        staffplan::export::Exportable::json(
            &b,
            staffplan::report::words::terminal(staffplan::model::Language::En)
        )
    );
}

/// Common random numbers: two headcounts simulated with one seed see the same arrivals, so
/// the check compares plans, not noise.
#[test]
fn two_headcounts_see_the_same_work() {
    let chained = |staff: u32| {
        scenario(&format!(
            "{}next = [{{ work = \"appeal\", share = 0.3 }}]\n[[work]]\nid = \"appeal\"\nname = \"appeal\"\noffice = \"desk\"\nhours = 4\n",
            desk(staff)
        ))
    };
    let simulate = |s: &staffplan::model::Scenario| {
        staffplan::simulate::simulate(s, &options(30), &|_| {}).unwrap()
    };
    let (four, five) = (simulate(&chained(4)), simulate(&chained(5)));
    let arrived = |sim: &staffplan::simulate::Simulation, id: &str| {
        sim.works.iter().find(|w| w.id == id).unwrap().arrived
    };
    assert_eq!(arrived(&four, "case"), arrived(&five, "case"));
    // The office's lead times differ: the plans differ only in what staffing changes.
    assert!(four.offices[0].lead_days.mean > five.offices[0].lead_days.mean);
}
