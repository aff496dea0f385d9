//! Drives the real `staffplan` binary through the multi-year plan of SPEC §10: the exact
//! messages for bad `[plan]`, staff-type, growth and `quota_by_year` values, and `plan`'s
//! output (JSON field names, CSV headers, the same bytes on 1 and 2 threads, exit codes).

use super::{assert_rejected, check, staffplan, with, workdir, BASE};

/// The base scenario with a five-year plan from 2018 appended.
fn planned() -> String {
    format!("{BASE}\n[plan]\nyears = 5\nstart = 2018\n")
}

#[test]
fn staff_type_plan_keys_out_of_range() {
    let text = planned().replacen(
        "cost = 96000",
        "cost = 96000\nattrition = 1.5\nhiring_lag_years = 0.5\nhires_per_year = -1",
        1,
    );
    assert_rejected(
        &check("plan-staff-keys", &text),
        "error: s.toml:9:13: [staff.contract], key `attrition`: `attrition` is a share and must lie in 0..1, found 1.5\n  help: write a fraction: 15% is 0.15\nerror: s.toml:10:20: [staff.contract], key `hiring_lag_years`: `hiring_lag_years` must be a whole number, found 0.5\n  help: write 0 or 1\nerror: s.toml:11:18: [staff.contract], key `hires_per_year`: `hires_per_year` must be a whole number, zero or more, found -1\n  help: write a count such as 3\n3 errors found; nothing was written\n",
    );
}

#[test]
fn plan_years_out_of_range_and_a_misspelt_key() {
    let text = format!("{BASE}\n[plan]\nyears = 0\nstrat = 2018\n");
    assert_rejected(
        &check("plan-years-zero", &text),
        "error: s.toml:52:1: [plan], key `strat`: unknown key `strat`\n  help: did you mean `start`? Keys allowed here: years, start, confidence\nerror: s.toml:51:9: [plan], key `years`: `years` must lie in 1..50, found 0\n  help: plan 1 to 50 years, e.g. `years = 5`\n2 errors found; nothing was written\n",
    );
    let text = format!("{BASE}\n[plan]\nyears = 51\n");
    assert_rejected(
        &check("plan-years-51", &text),
        "error: s.toml:51:9: [plan], key `years`: `years` must lie in 1..50, found 51\n  help: plan 1 to 50 years, e.g. `years = 5`\n1 error found; nothing was written\n",
    );
}

#[test]
fn plan_confidence_out_of_range() {
    let text = format!("{BASE}\n[plan]\nyears = 5\nconfidence = 1\n");
    assert_rejected(
        &check("plan-confidence-1", &text),
        "error: s.toml:52:14: [plan], key `confidence`: `confidence` is a share above 0 and below 1, found 1\n  help: write e.g. `confidence = 0.9`: each office has at least its posts needed in 90% of the runs\n1 error found; nothing was written\n",
    );
}

#[test]
fn plan_without_years() {
    let text = format!("{BASE}\n[plan]\nstart = 2018\n");
    assert_rejected(
        &check("plan-without-years", &text),
        "error: s.toml:50:1: [plan]: `years` is missing\n  help: add `years = …`: how many years to plan, 1 to 50\n1 error found; nothing was written\n",
    );
}

#[test]
fn growth_at_or_below_minus_one_or_above_one() {
    let text = planned().replacen("hours = 20", "hours = 20\ngrowth = -1", 1);
    assert_rejected(
        &check("growth-minus-one", &text),
        "error: s.toml:42:10: [[work]] \"hearing\", key `growth`: `growth` is a yearly rate and must lie above −1, found -1\n  help: write the change a year as a fraction: 0.1 is 10% more a year, -0.05 is 5% less\n1 error found; nothing was written\n",
    );
    let text = planned().replacen("hours = 20", "hours = 20\ngrowth = 1.5", 1);
    assert_rejected(
        &check("growth-above-one", &text),
        "error: s.toml:42:10: [[work]] \"hearing\", key `growth`: `growth` is 1.5, above the largest rate accepted (1: doubling every year)\n  help: write the change a year as a fraction: 0.1 is 10% more a year\n1 error found; nothing was written\n",
    );
}

#[test]
fn quota_by_year_shorter_than_the_plan_or_of_an_unknown_type() {
    let text = planned().replacen(
        "[staff.establishment]",
        "[policy]\nquota_by_year = { establishment = [17, 17], contractor = [1, 2, 3, 4, 5] }\n\n[staff.establishment]",
        1,
    );
    assert_rejected(
        &check("quota-by-year-short", &text),
        "error: s.toml:5:35: [policy], key `quota_by_year.establishment`: `quota_by_year.establishment` has 2 values but [plan] has 5 years\n  help: give one quota a year, years 2018 to 2022\nerror: s.toml:5:45: [policy], key `quota_by_year`: unknown staff type \"contractor\"\n  help: did you mean \"contract\"? The staff types are: establishment, contract\n2 errors found; nothing was written\n",
    );
}

#[test]
fn quota_by_year_negative_or_not_a_list_or_without_a_plan() {
    let text = planned().replacen(
        "[staff.establishment]",
        "[policy]\nquota_by_year = { establishment = [17, -1, 17, 17, 17] }\n\n[staff.establishment]",
        1,
    );
    assert_rejected(
        &check("quota-by-year-negative", &text),
        "error: s.toml:5:40: [policy], key `quota_by_year.establishment`: `quota_by_year.establishment` must be a whole number, zero or more, found -1\n  help: write a count such as 3\n1 error found; nothing was written\n",
    );
    let text = planned().replacen(
        "[staff.establishment]",
        "[policy]\nquota_by_year = { establishment = 17 }\n\n[staff.establishment]",
        1,
    );
    assert_rejected(
        &check("quota-by-year-not-a-list", &text),
        "error: s.toml:5:35: [policy], key `quota_by_year.establishment`: wrong type: integer `17`, expected an array `[…]`\n  help: give the value the type the format expects (see `staffplan schema`)\n1 error found; nothing was written\n",
    );
    let text = with(
        "[staff.establishment]",
        "[policy]\nquota_by_year = { establishment = [17] }\n\n[staff.establishment]",
    );
    assert_rejected(
        &check("quota-by-year-without-plan", &text),
        "error: s.toml:5:17: [policy], key `quota_by_year`: `quota_by_year` gives quotas for the years of a multi-year plan, but the scenario has no `[plan]`\n  help: add `[plan]` with `years = …` (and `start = …`), or use `quota = { … }` for one year\n1 error found; nothing was written\n",
    );
}

#[test]
fn the_schema_knows_the_plan_keys() {
    let outcome = staffplan(&workdir("plan-schema"), &["schema"]);
    assert_eq!(outcome.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let p = &schema["properties"];
    assert_eq!(p["plan"]["required"], serde_json::json!(["years"]));
    assert_eq!(
        p["work"]["items"]["properties"]["growth"]["exclusiveMinimum"],
        -1
    );
    assert_eq!(
        p["policy"]["properties"]["quota_by_year"]["additionalProperties"]["type"],
        "array"
    );
    let staff = &p["staff"]["additionalProperties"]["properties"];
    for key in ["attrition", "hiring_lag_years", "hires_per_year"] {
        assert!(staff[key].is_object(), "{key}");
    }
}

/// Today 7 + 2 people against a review office whose work grows by a fifth a year.
fn growing() -> String {
    planned()
        .replacen(
            "cost = 96000",
            "cost = 96000\nattrition = 0.1\nhiring_lag_years = 1",
            1,
        )
        .replacen("volume = 36", "volume = 36\ngrowth = 0.2", 1)
}

#[test]
fn plan_prints_spec_fields_and_the_same_bytes_on_one_and_two_threads() {
    let dir = workdir("plan-json");
    std::fs::write(dir.join("s.toml"), growing()).unwrap();
    let args = |threads: &'static str| {
        [
            "plan",
            "s.toml",
            "--runs",
            "200",
            "--seed",
            "3",
            "--threads",
            threads,
            "--format",
            "json",
        ]
    };
    let one = staffplan(&dir, &args("1"));
    let two = staffplan(&dir, &args("2"));
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
    let json: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    let years = json["years"].as_array().unwrap();
    assert_eq!(years.len(), 5);
    assert_eq!(years[0]["year"], 2018);
    for field in [
        "id",
        "required_hours",
        "posts_needed",
        "staff_before_hires",
        "hires_requested",
        "hires_arriving",
        "staff",
        "leavers",
        "gap",
        "p_short",
    ] {
        assert!(!years[2]["offices"][0][field].is_null(), "{field}");
    }
    assert!(years[2]["total"]["p_short"].is_number());
    for stat in ["mean", "p5", "p95"] {
        assert!(years[2]["total"]["staff_band"][stat].is_number(), "{stat}");
    }
    // Year 1 of the review office: 7 people, all of them there before any hire.
    assert_eq!(years[0]["offices"][0]["staff_before_hires"], 7.0);
    assert_eq!(years[0]["offices"][0]["hires_arriving"], 0);

    let csv = staffplan(&dir, &["plan", "s.toml", "--runs", "20", "--format", "csv"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(csv.stdout.starts_with("year,id,name,required_hours,posts_needed,staff_before_hires,hires_requested,hires_arriving,staff,leavers,gap,staff_mean,staff_p5,staff_p95,p_short,hires_requested_establishment,hires_requested_contract\n2018,discipline,纪检监察室,"), "{}", csv.stdout);
    // Two offices and a total row in each of five years, and the header.
    assert_eq!(csv.stdout.lines().count(), 1 + 5 * 3);
}

#[test]
fn plan_refuses_a_scenario_without_plan_and_a_bad_command_line() {
    let dir = workdir("plan-refused");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    let outcome = staffplan(&dir, &["plan", "s.toml"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "error: the scenario has no `[plan]`, so there are no years to plan\n  help: add `[plan]` with `years = 5` (and `start = 2018`, the label of year 1)\n"
    );
    let outcome = staffplan(&dir, &["plan", "s.toml", "--runs", "0"]);
    assert_eq!(outcome.code, 2);
}

#[test]
fn run_with_a_plan_writes_plan_csv_the_trajectory_chart_and_the_report_section() {
    let dir = workdir("plan-run");
    std::fs::write(dir.join("s.toml"), growing()).unwrap();
    let run = |out: &str, threads: &str| {
        let outcome = staffplan(
            &dir,
            &[
                "run",
                "s.toml",
                "--runs",
                "20",
                "--quiet",
                "--threads",
                threads,
                "--out",
                out,
            ],
        );
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    };
    run("one", "1");
    run("two", "2");
    let plan = staffplan(&dir, &["plan", "s.toml", "--runs", "20", "--format", "csv"]);
    let csv = std::fs::read_to_string(dir.join("one/plan.csv")).unwrap();
    // The pack's CSV is the command's, with the byte-order mark Excel needs.
    assert_eq!(csv, format!("\u{feff}{}", plan.stdout));
    for file in [
        "plan.csv",
        "charts/trajectory.png",
        "charts/trajectory.svg",
        "report.md",
    ] {
        let one = std::fs::read(dir.join("one").join(file)).unwrap();
        let two = std::fs::read(dir.join("two").join(file)).unwrap();
        assert!(one == two, "{file} differs between 1 and 2 threads");
    }
    let report = std::fs::read_to_string(dir.join("one/report.md")).unwrap();
    assert!(report.contains("## 8. Multi-year plan"), "{report}");
    assert!(report.contains("### Recruitment each year must request"));
    assert!(report.contains("![Posts needed and staff, year by year](charts/trajectory.png)"));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("one/summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["plan"]["years"].as_array().unwrap().len(), 5);
    // Without [plan], none of it.
    std::fs::write(dir.join("base.toml"), BASE).unwrap();
    let outcome = staffplan(
        &dir,
        &[
            "run",
            "base.toml",
            "--runs",
            "5",
            "--quiet",
            "--out",
            "base",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(!dir.join("base/plan.csv").exists());
    assert!(!dir.join("base/charts/trajectory.png").exists());
}

#[test]
fn a_hiring_lag_beyond_the_plan_is_a_warning() {
    let text = format!("{BASE}\n[plan]\nyears = 2\n").replacen(
        "cost = 96000",
        "cost = 96000\nhiring_lag_years = 2",
        1,
    );
    let outcome = check("plan-lag-beyond", &text);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        "warning: s.toml:9:20: [staff.contract], key `hiring_lag_years`: a hire of contract requested in the first year arrives after the last year of the 2-year plan, so the plan can never hire one\n  help: plan more years, or check the lag (whole years from the request to the arrival)\n"
    );
}
