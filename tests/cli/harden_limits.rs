//! Drives the real binary at the limits of issue 24's last items: the multi-year plan within
//! `max_staff` and `fixed`, and what `--time-limit` bounds.

use super::{staffplan, workdir};

/// Two offices of one staff type, 2,000 hours a person a year (250 days × 8 hours, no leave,
/// no other duties) and a target of 0.8, so 1,600 hours a post: "capped" needs 8,000 / 1,600 =
/// 5 posts with 2 today and `max_staff = 3`; "kept" needs 6,400 / 1,600 = 4 with 1 today and
/// is `fixed`. Two years, no growth, nobody leaves.
const CAPPED_AND_FIXED: &str = r#"[scenario]
name = "caps in the plan"
[calendar]
working_days = 250
hours_per_day = 8
leave_days = 0
training_days = 0
non_case_share = 0
[staff.a]
cost = 100
[policy]
target_utilisation = 0.8
[plan]
years = 2
start = 2030
[[office]]
id = "capped"
name = "capped"
staff = { a = 2 }
max_staff = 3
[[office]]
id = "kept"
name = "kept"
staff = { a = 1 }
fixed = true
[[work]]
id = "w1"
name = "w1"
office = "capped"
volume = 80
hours = 100
[[work]]
id = "w2"
name = "w2"
office = "kept"
volume = 64
hours = 100
"#;

/// Issue 24: `plan` hired 3 into "capped" (5 staff against a max_staff of 3) and 3 into the
/// fixed office. Now "capped" gets the 1 its cap leaves in 2030 and none in 2031, "kept"
/// none, and each cut names its rule with the hires wanted (5 − 2 = 3, then 5 − 3 = 2; 4 − 1
/// = 3 each year) and granted.
#[test]
fn plan_hires_within_max_staff_and_none_into_a_fixed_office() {
    let dir = workdir("plan-max-staff-fixed");
    std::fs::write(dir.join("s.toml"), CAPPED_AND_FIXED).unwrap();
    let out = staffplan(
        &dir,
        &["plan", "s.toml", "--runs", "10", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let office =
        |year: usize, o: usize, field: &str| json["years"][year]["offices"][o][field].clone();
    for year in 0..2 {
        assert_eq!(office(year, 0, "posts_needed"), 5);
        assert_eq!(office(year, 1, "posts_needed"), 4);
        assert_eq!(office(year, 0, "staff"), 3.0);
        assert_eq!(office(year, 1, "staff"), 1.0);
        assert_eq!(office(year, 1, "hires_requested"), 0);
    }
    assert_eq!(office(0, 0, "hires_requested"), 1);
    assert_eq!(office(1, 0, "hires_requested"), 0);
    let cuts: Vec<(u64, &str, &str, u64, u64)> = json["binding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["arrival"].as_u64().unwrap(),
                b["office"].as_str().unwrap(),
                b["rule"].as_str().unwrap(),
                b["wanted"].as_u64().unwrap(),
                b["granted"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cuts,
        [
            (2030, "capped", "max_staff", 3, 1),
            (2030, "kept", "fixed", 3, 0),
            (2031, "capped", "max_staff", 2, 0),
            (2031, "kept", "fixed", 3, 0),
        ]
    );
}

/// Issue 24, item 8: with on-time targets the service check ran outside `--time-limit` (synth
/// 2,000 × 100 at 5 s took 27.6 s; daqing-2017 at 0.1 s with `--runs 100000`, 15 s). The limit
/// now bounds the search and the check together: here the search proves its answer at once
/// (enumeration, well within the second it has even in a slow debug build), and the check,
/// which 2 s cannot buy 100,000 runs of, stops short of them and says so, in the table and in
/// the JSON. Which of the effort or the clock stops it depends on the build, so
/// the test names neither; the times are measured by hand (README, Limits).
#[test]
fn the_time_limit_bounds_the_service_check_and_says_so() {
    let dir = workdir("time-limit-service");
    let synth = staffplan(&dir, &["synth", "--units", "20", "--groups", "4"]);
    assert_eq!(synth.code, 0, "{}", synth.stderr);
    std::fs::write(dir.join("s.toml"), synth.stdout).unwrap();
    let args = |format: &'static str| {
        [
            "optimise",
            "s.toml",
            "--set",
            "work.petition.deadline_days=5",
            "--set",
            "policy.on_time=0.95",
            "--time-limit",
            "2",
            "--runs",
            "100000",
            "--format",
            format,
            "--quiet",
        ]
    };
    let json = staffplan(&dir, &args("json"));
    assert_eq!(json.code, 0, "{}", json.stderr);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["status"], "optimal");
    assert_eq!(json["method"], "exact");
    let by = json["service_stopped_by"].as_str().unwrap();
    assert!(by == "effort" || by == "clock", "{by}");
    let runs = json["service_runs"].as_u64().unwrap();
    assert!(runs < 100_000, "{runs}");
    // Offices the check had no time to help are said to be stopped by the limit, no other way.
    for unmet in json["service_unmet"].as_array().unwrap() {
        assert_eq!(unmet["reason"], "time_limit", "{unmet}");
    }
    let table = staffplan(&dir, &args("table"));
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("--time-limit bounds the search and this check together, and stopped the check (by the "),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("runs asked"), "{}", table.stdout);
}
