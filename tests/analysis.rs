//! The weighted-caseload analysis against hand calculations (SPEC §3).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use staffplan::analysis::{analyse, Analysis, OfficeAnalysis};

fn analysis_of(text: &str) -> Analysis {
    analyse(&crate::common::scenario(text))
}

fn office<'a>(analysis: &'a Analysis, id: &str) -> &'a OfficeAnalysis {
    analysis.offices.iter().find(|o| o.id == id).unwrap()
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

/// Calendar defaults: H = (250 − 10 − 5) × 8 × (1 − 0.15) = 1598.
const REGISTRY: &str = r#"
[scenario]
name = "Registry"
[staff.clerk]
cost = 50000
[[office]]
id = "registry"
name = "Registry"
staff = { clerk = 4 }
[[work]]
id = "filing"
name = "Filing"
office = "registry"
volume = 500
hours = 2.5
[[work]]
id = "appeal"
name = "Appeal bundle"
office = "registry"
volume = 120
hours = 10
"#;

#[test]
fn calendar_defaults_by_hand() {
    let a = analysis_of(REGISTRY);
    close(a.year_value, 1598.0);
    let o = office(&a, "registry");
    assert_eq!(o.staff, 4);
    // R = 500 × 2.5 + 120 × 10 = 1250 + 1200
    close(o.required_hours, 2450.0);
    // C = 1598 × 4
    close(o.capacity_hours, 6392.0);
    close(o.fte_need, 2450.0 / 1598.0);
    close(o.utilisation.unwrap(), 2450.0 / 6392.0);
    close(o.items_per_person.unwrap(), 620.0 / 4.0);
    close(o.hours_per_person.unwrap(), 2450.0 / 4.0);
    // 2450 / (1598 × 0.85) = 1.80 persons → 2 posts.
    assert_eq!(o.posts_needed, 2);
    assert_eq!(o.gap, 2);
    assert_eq!(a.total.posts_needed, 2);
    close(a.total.cost, 200000.0);
}

#[test]
fn exactly_at_target_needs_no_extra_post() {
    // R = 2716.6 = 0.85 × 1598 × 2 exactly: two posts meet the target.
    let text = REGISTRY
        .replace("volume = 500\nhours = 2.5", "volume = 2716.6\nhours = 1")
        .replace("volume = 120", "volume = 0");
    let a = analysis_of(&text);
    assert_eq!(office(&a, "registry").posts_needed, 2);
}

/// Custom calendar, leaders, a chain of depth 3 where two work types feed one, covering-group
/// work from units (one unit uncovered), unit workload sent to an office, `min_staff` and team
/// sizes as floors.
const CHAIN: &str = r#"
[scenario]
name = "Chain"
[calendar]
working_days = 240
hours_per_day = 7.5
leave_days = 20
training_days = 4
non_case_share = 0.2
[staff.establishment]
cost = 100
[staff.contract]
cost = 60

[[office]]
id = "intake"
name = "Intake"
staff = { establishment = 3 }
leaders = 1
leader_case_share = 0.4
[[office]]
id = "review"
name = "Review"
staff = { establishment = 5, contract = 2 }
leaders = 2
min_staff = 5
[[office]]
id = "hearing"
name = "Hearing"
staff = { establishment = 1 }
[[office]]
id = "g1"
name = "Group 1"
kind = "dispatched_group"
staff = { contract = 2 }
covers = ["u1", "u2"]
[[office]]
id = "g2"
name = "Group 2"
kind = "dispatched_group"
staff = { contract = 3 }
covers = ["u3"]

[[unit]]
id = "u1"
name = "Unit 1"
workload = { lead = 10 }
[[unit]]
id = "u2"
name = "Unit 2"
workload = { lead = 6 }
[[unit]]
id = "u3"
name = "Unit 3"
workload = { lead = 4, petition = 20 }
[[unit]]
id = "u4"
name = "Unit 4"
workload = { lead = 5 }

[[work]]
id = "petition"
name = "Petition"
office = "intake"
volume = 200
hours = 4
next = [{ work = "screening", share = 0.5 }]
[[work]]
id = "screening"
name = "Screening"
office = "intake"
hours = 2
next = [{ work = "review", share = 0.4 }]
[[work]]
id = "lead"
name = "Lead"
office = "covering_group"
hours = 10
team = 2
next = [{ work = "review", share = 0.2 }]
[[work]]
id = "review"
name = "Review"
office = "review"
hours = 60
team = 3
next = [{ work = "hearing", share = 0.5 }]
[[work]]
id = "hearing"
name = "Hearing"
office = "hearing"
hours = 15
team = 2
"#;

#[test]
fn chain_leaders_and_coverage_by_hand() {
    let a = analysis_of(CHAIN);
    // H = (240 − 20 − 4) × 7.5 × 0.8
    close(a.year_value, 1296.0);

    // Petitions: 200 direct + 20 from unit u3; screenings: 0.5 × 220.
    let intake = office(&a, "intake");
    close(intake.items, 330.0);
    close(intake.required_hours, 220.0 * 4.0 + 110.0 * 2.0);
    // 3 people, one leader at 40 %: 2.4 person-equivalents.
    close(intake.casework_persons, 2.4);
    close(intake.capacity_hours, 1296.0 * 2.4);
    close(intake.utilisation.unwrap(), 1100.0 / 3110.4);
    // 1100 / (1296 × 0.85) = 0.9986 persons: 1 post gives 0.4, 2 posts give 1.4.
    assert_eq!(intake.posts_needed, 2);
    assert_eq!(intake.gap, 1);

    // Reviews from two parents: 0.4 × 110 screenings + 0.2 × (16 + 4) covered leads.
    let review = office(&a, "review");
    close(review.items, 48.0);
    close(review.required_hours, 48.0 * 60.0);
    close(review.capacity_hours, 1296.0 * (7.0 - 2.0 * 0.5));
    // 2880 / 1101.6 = 2.61 persons → 4 posts with two half-time leaders, but min_staff 5.
    assert_eq!(review.posts_needed, 5);
    assert_eq!(review.gap, 2);

    // Depth 3: petition → screening → review → hearing.
    let hearing = office(&a, "hearing");
    close(hearing.items, 24.0);
    close(hearing.required_hours, 360.0);
    // 0.33 persons, but a hearing needs a team of 2.
    assert_eq!(hearing.posts_needed, 2);
    assert_eq!(hearing.gap, -1);

    let g1 = office(&a, "g1");
    close(g1.items, 16.0);
    close(g1.required_hours, 160.0);
    assert_eq!(g1.posts_needed, 2);
    let g2 = office(&a, "g2");
    close(g2.required_hours, 40.0);
    assert_eq!(g2.gap, 1);

    assert_eq!(a.total.staff, 16);
    close(
        a.total.required_hours,
        1100.0 + 2880.0 + 360.0 + 160.0 + 40.0,
    );
    assert_eq!(a.total.posts_needed, 2 + 5 + 2 + 2 + 2);
    assert_eq!(a.total.gap, 3);
    // 9 establishment × 100 + 7 contract × 60
    close(a.total.cost, 1320.0);

    // Unit u4 is uncovered: its 5 leads × 10 h are done by nobody and start no review.
    assert_eq!(a.uncovered.len(), 1);
    assert_eq!(a.uncovered[0].id, "u4");
    close(a.uncovered[0].required_hours, 50.0);
}

#[test]
fn office_without_staff_has_no_utilisation() {
    let text = CHAIN.replace("staff = { establishment = 1 }\n", "");
    let a = analysis_of(&text);
    let hearing = office(&a, "hearing");
    assert_eq!(hearing.staff, 0);
    assert_eq!(hearing.utilisation, None);
    assert_eq!(hearing.items_per_person, None);
    assert_eq!(hearing.posts_needed, 2);
}

#[test]
fn the_readme_worked_example_holds() {
    let readme = include_str!("../README.md");
    let start = readme.find("```toml\n").expect("README has a toml example") + 8;
    let end = start + readme[start..].find("```").unwrap();
    let a = analysis_of(&readme[start..end]);
    close(a.year_value, 1598.0);
    let review = office(&a, "review");
    // The figures the README states for this example.
    close(review.required_hours, 5808.0);
    close(review.capacity_hours, 7191.0);
    assert_eq!(review.posts_needed, 5);
    assert_eq!(review.gap, 0);
}

/// 250 working days of exactly 8 casework hours: H = 2000, H ÷ working_days = 8.
const ERLANG: &str = r#"
[scenario]
name = "Erlang"
[calendar]
working_days = 250
hours_per_day = 8
leave_days = 0
training_days = 0
non_case_share = 0
[staff.clerk]
cost = 1
[[office]]
id = "centre"
name = "Call centre"
staff = { clerk = 12 }
[[work]]
id = "call"
name = "Call"
office = "centre"
volume = 2500
hours = 8
[[office]]
id = "pair"
name = "Pair and a half"
staff = { clerk = 3 }
leaders = 1
leader_case_share = 0.5
[[work]]
id = "letter"
name = "Letter"
office = "pair"
volume = 125
hours = 16
[[office]]
id = "full"
name = "Overloaded"
staff = { clerk = 2 }
[[work]]
id = "claim"
name = "Claim"
office = "full"
volume = 500
hours = 8
[[office]]
id = "review"
name = "Review"
staff = { clerk = 4 }
[[work]]
id = "case"
name = "Case"
office = "review"
volume = 10
hours = 100
team = 3
"#;

#[test]
fn erlang_c_against_a_published_value() {
    let a = analysis_of(ERLANG);
    // 2500 calls × 8 h = 20,000 h = 10 FTE on 12 people: the textbook 10 erlangs on 12
    // agents, which wait with probability 0.4494; each call takes 8 h ÷ 8 h a day = 1 day,
    // so the mean wait is C × 1 ÷ (12 − 10) = 0.2247 days.
    let centre = office(&a, "centre").erlang_c.unwrap();
    assert!((centre.p_wait - 0.4494).abs() < 5e-4, "{}", centre.p_wait);
    close(centre.mean_wait_days.unwrap(), centre.p_wait / 2.0);
}

#[test]
fn erlang_c_by_hand() {
    let a = analysis_of(ERLANG);
    // pair: 125 × 16 = 2000 h = 1 FTE; 3 people, one a leader at half time: 2.5 casework
    // persons, so c = 2.5 (SPEC §13) and a = 1. Erlang B(2, 1) = 1/5, C(2) = 2 · (1/5) /
    // (2 − 4/5) = 1/3; B(3, 1) = 1/16, C(3) = (3/16) / (3 − 15/16) = 1/11; half-way: 7/33.
    // An item takes 16 h ÷ 8 h a day = 2 days: mean wait (7/33) · 2 ÷ (2.5 − 1) = 28/99 day.
    let pair = office(&a, "pair").erlang_c.unwrap();
    close(pair.p_wait, 7.0 / 33.0);
    close(pair.mean_wait_days.unwrap(), 28.0 / 99.0);
    // full: 500 × 8 = 4000 h = 2 FTE on 2 people: a ≥ c, every item waits, no steady wait.
    let full = office(&a, "full").erlang_c.unwrap();
    assert_eq!(full.p_wait, 1.0);
    assert_eq!(full.mean_wait_days, None);
    // review: teams of 3 are not M/M/c.
    assert!(office(&a, "review").erlang_c.is_none());
}

#[test]
fn erlang_c_in_the_json_and_csv_of_analyse() {
    use staffplan::export::{Csv, Exportable, Exporter};
    let a = analysis_of(ERLANG);
    let json = a.json(staffplan::report::words::terminal(
        staffplan::model::Language::En,
    ));
    let pair = &json["offices"][1]["erlang_c"];
    assert!((pair["p_wait"].as_f64().unwrap() - 7.0 / 33.0).abs() < 1e-12);
    assert!((pair["mean_wait_days"].as_f64().unwrap() - 28.0 / 99.0).abs() < 1e-12);
    assert!(json["offices"][2]["erlang_c"]["mean_wait_days"].is_null());
    assert!(json["offices"][3]["erlang_c"].is_null());
    let csv = Csv.export(
        &a,
        staffplan::report::words::terminal(staffplan::model::Language::En),
    );
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",P(wait),mean wait days,undone_hours,posts_needed_incl_undone"),
        "{header}"
    );
    let pair_row = csv.lines().find(|l| l.starts_with("pair,")).unwrap();
    assert!(
        pair_row.ends_with(",0.212121212,0.282828283,,"),
        "{pair_row}"
    );
}

#[test]
fn posts_needed_past_the_range_of_a_headcount_are_counted_not_capped() {
    // 100 items of 10¹² hours at group 1: 10¹⁴ hours ÷ (1,598 h × 0.85) = 73,621,438,489.4…
    // posts, so 73,621,438,490. It once read 4,294,967,295, the largest 32-bit count.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/regressions/trillion-hour-work.toml"),
    )
    .unwrap();
    let analysis = analysis_of(&text);
    let group = office(&analysis, "g1");
    assert_eq!(group.posts_needed, 73_621_438_490);
    assert_eq!(group.gap, 2 - 73_621_438_490);
    // The section and group 2 carry nothing and need nobody beyond their team floor.
    assert_eq!(analysis.total.posts_needed, 73_621_438_490);
}
