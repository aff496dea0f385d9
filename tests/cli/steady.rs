//! `--warmup-days` on the command line and what the reports say about the steady state
//! (SPEC §13): `auto` and `0` in the JSON, a bad value refused with exit 2, and the summary's
//! sentence on an office whose backlog keeps growing and on an empty start, in both languages.

use super::{staffplan, workdir};
use crate::common::CALENDAR;

/// One desk of 5 people taking 5.5 items a working day of one person-day each: loaded to
/// 1.1 of what it can serve, so its backlog grows by about (5.5 − 5) × 250 = 125 a year.
fn overloaded(language: &str) -> String {
    let head = CALENDAR.replacen(
        "name = \"test\"",
        &format!("name = \"test\"\nlanguage = \"{language}\""),
        1,
    );
    format!(
        r#"{head}
[[office]]
id = "desk"
name = "Front desk"
staff = {{ regular = 5 }}
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 1375
hours = 8
cv = 1
deadline_days = 8
"#
    )
}

fn warmup_days(dir: &std::path::Path, value: &str) -> u64 {
    let out = staffplan(
        dir,
        &[
            "simulate",
            "s.toml",
            "--runs",
            "10",
            "--threads",
            "1",
            "--format",
            "json",
            "--warmup-days",
            value,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    json["warmup_days"].as_u64().unwrap()
}

#[test]
fn warmup_days_auto_and_0_parse_and_a_bad_value_exits_2() {
    let dir = workdir("steady-warmup-flag");
    std::fs::write(dir.join("s.toml"), overloaded("en")).unwrap();
    // auto: one year of the calendar's 250 working days (the overloaded desk is left out of
    // the check that would lengthen it).
    assert_eq!(warmup_days(&dir, "auto"), 250);
    assert_eq!(warmup_days(&dir, "0"), 0);
    assert_eq!(warmup_days(&dir, "40"), 40);
    for bad in ["soon", "1.5", "99999999"] {
        let out = staffplan(&dir, &["simulate", "s.toml", "--warmup-days", bad]);
        assert_eq!(out.code, 2, "{bad}: {}", out.stderr);
        assert_eq!(out.stdout, "");
        assert!(
            out.stderr.contains(&format!(
                "invalid value '{bad}' for '--warmup-days <N|auto>': {bad} is neither auto nor a number of working days from 0 to"
            )),
            "{bad}: {}",
            out.stderr
        );
    }
}

/// The report of `compare s.toml s.toml` started empty, in the scenario's language.
fn report(test: &str, language: &str) -> String {
    let dir = workdir(test);
    std::fs::write(dir.join("s.toml"), overloaded(language)).unwrap();
    let out = staffplan(
        &dir,
        &[
            "compare",
            "s.toml",
            "s.toml",
            "--runs",
            "10",
            "--threads",
            "1",
            "--quiet",
            "--warmup-days",
            "0",
            "--out",
            "pack",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(dir.join("pack/report.md")).unwrap();
    let html = std::fs::read_to_string(dir.join("pack/report.html")).unwrap();
    md + &html
}

#[test]
fn the_summary_names_an_unstable_office_and_an_empty_start_in_both_languages() {
    let en = report("steady-summary-en", "en");
    // Both sides are the same desk: named once for each side, in the md and the html.
    for text in [
        "Today, Front desk takes in more work than its people can do: its backlog grows by about ",
        "In s.toml, Front desk takes in more work than its people can do: its backlog grows by about ",
        "The simulation started empty: each simulated year of 250 days begins with an idle office",
    ] {
        assert_eq!(en.matches(text).count(), 2, "md and html: {text}");
    }
    assert_eq!(
        en.matches(" a year; no deadline can be kept in the long run.")
            .count(),
        4
    );
    let zh = report("steady-summary-zh", "zh");
    for text in [
        "目前，Front desk收到的工作多于其人员所能完成的：积压每年约增加",
        "在s.toml中，Front desk收到的工作多于其人员所能完成的：积压每年约增加",
        "本次模拟从空起步：每个模拟年度（250个工作日）开始时机构空闲",
    ] {
        assert_eq!(zh.matches(text).count(), 2, "md and html: {text}");
    }
    assert!(!zh.contains("backlog grows"));
}

#[test]
fn optimise_confidence_is_joint_unless_per_office() {
    let dir = workdir("steady-per-office");
    let text = overloaded("en").replace(
        "hours = 8\n",
        "hours = { low = 7, likely = 8, high = 10 }\n",
    );
    std::fs::write(dir.join("s.toml"), text).unwrap();
    let optimise = |extra: &[&str]| {
        let mut args = vec![
            "optimise",
            "s.toml",
            "--confidence",
            "0.9",
            "--draws",
            "200",
            "--runs",
            "10",
            "--threads",
            "1",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = staffplan(&dir, &args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        json["confidence"].clone()
    };
    let joint = optimise(&[]);
    assert_eq!(joint["holding"], "joint");
    let per_office = optimise(&["--per-office"]);
    assert_eq!(per_office["holding"], "per_office");
    for c in [&joint, &per_office] {
        // One office: every office at once is that office.
        let all = c["met_share_all"].as_f64().unwrap();
        assert_eq!(c["offices"][0]["met_share"].as_f64(), Some(all));
        assert!(all >= 0.9, "{c}");
    }
    let out = staffplan(&dir, &["optimise", "s.toml", "--per-office"]);
    assert_eq!(
        out.code, 2,
        "--per-office needs --confidence: {}",
        out.stderr
    );
    assert!(out.stderr.contains("--confidence <P>"), "{}", out.stderr);
}
