//! Drives the real `staffplan` binary: exit codes, standard output and the exact wording of
//! every validation message (SPEC §2), so that a planner's error never changes by accident.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

/// A valid scenario that every validation test breaks in one place.
const BASE: &str = include_str!("../cli_base.toml");

/// `benchmark`, `init`, `completions` and `--help`.
mod peers;
/// Ranges, `--set` and `sensitivity`.
mod ranges;

/// `plan` and the validation of its keys.
mod plan;

/// `--warmup-days` and the reports' steady-state sentences.
mod steady;

/// Inputs at the caps, interrupts, comments kept by `--write`, `--set` shapes.
mod harden;

/// The plan within `max_staff` and `fixed`; what `--time-limit` bounds.
mod harden_limits;
/// One language per terminal and per pack: Chinese scenarios print Chinese, English stays
/// English, a court pack has no discipline-inspection rows.
mod language;

pub(crate) struct Outcome {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// A fresh folder under the target directory for one test.
pub(crate) fn workdir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `staffplan ARGS` in `dir`.
pub(crate) fn staffplan(dir: &std::path::Path, args: &[&str]) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Writes `text` as `s.toml` in a fresh folder and runs `staffplan check s.toml`.
fn check(test: &str, text: &str) -> Outcome {
    let dir = workdir(test);
    std::fs::write(dir.join("s.toml"), text).unwrap();
    staffplan(&dir, &["check", "s.toml"])
}

/// The base scenario with one replacement, which must apply.
fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} is not in the base scenario");
    BASE.replacen(from, to, 1)
}

/// Asserts a rejection with exactly these messages (errors, then the summary line).
fn assert_rejected(outcome: &Outcome, expected: &str) {
    assert_eq!(outcome.code, 1, "stderr: {}", outcome.stderr);
    assert_eq!(outcome.stdout, "");
    assert_eq!(outcome.stderr, expected);
}

#[test]
fn base_scenario_is_valid() {
    let outcome = check("base", BASE);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    assert!(outcome
        .stdout
        .starts_with("Test office: the scenario is valid\n"));
    assert!(outcome
        .stdout
        .lines()
        .any(|l| l.starts_with("year value (hours)") && l.ends_with(" 1598.0")));
}

#[test]
fn toml_syntax_error() {
    let outcome = check("toml-syntax-error", &with("hours = 20", "hours = "));
    assert_rejected(
        &outcome,
        "error: s.toml:41:9: TOML syntax: string values must be quoted, expected literal string\n  help: fix the TOML syntax at this place (quotes, brackets, `key = value`)\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_keys_are_all_reported_with_the_nearest_key() {
    let outcome = check(
        "unknown-keys-are-all-reported-with-the-nearest-key",
        &BASE
            .replace("leaders = 1", "leaders = 1\nleadres = 2")
            .replace("[scenario]\n", "[scenario]\nlanguge = \"zh\"\n"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:2:1: [scenario], key `languge`: unknown key `languge`\n  help: did you mean `language`? Keys allowed here: name, language, date, method, peers, currency\nerror: s.toml:16:1: [[office]] \"discipline\", key `leadres`: unknown key `leadres`\n  help: did you mean `leaders`? Keys allowed here: id, name, kind, staff, leaders, leader_case_share, min_staff, max_staff, allowed_staff, fixed, covers, max_units, optional, sanctioned, leader_posts, allowances\n2 errors found; nothing was written\n",
    );
}

#[test]
fn unknown_staff_type() {
    let outcome = check(
        "unknown-staff-type",
        &with(
            "staff = { establishment = 2 }",
            "staff = { establisment = 2 }",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:20:11: [[office]] \"group-1\", key `staff`: unknown staff type \"establisment\"\n  help: did you mean \"establishment\"? The staff types are: establishment, contract\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_unit_in_covers() {
    let outcome = check(
        "unknown-unit-in-covers",
        &with("covers = [\"park-1\"]", "covers = [\"park-2\"]"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:21:11: [[office]] \"group-1\", key `covers`: unknown unit \"park-2\"\n  help: did you mean \"park-1\"? The units are: park-1\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_group_in_eligible() {
    let outcome = check(
        "unknown-group-in-eligible",
        &with(
            "name = \"第一园区党委\"",
            "name = \"第一园区党委\"\neligible = [\"group-2\"]",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:26:13: [[unit]] \"park-1\", key `eligible`: unknown office \"group-2\"\n  help: did you mean \"group-1\"? The offices are: discipline, group-1\n1 error found; nothing was written\n",
    );
}

#[test]
fn eligible_must_name_a_dispatched_group() {
    let outcome = check(
        "eligible-must-name-a-dispatched-group",
        &with(
            "name = \"第一园区党委\"",
            "name = \"第一园区党委\"\neligible = [\"discipline\"]",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:26:13: [[unit]] \"park-1\", key `eligible`: \"discipline\" is not a dispatched group, so it cannot cover units\n  help: list only offices with `kind = \"dispatched_group\"`\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_work_in_workload() {
    let outcome = check(
        "unknown-work-in-workload",
        &with("workload = { lead = 3 }", "workload = { leed = 3 }"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:26:14: [[unit]] \"park-1\", key `workload`: unknown work type \"leed\"\n  help: did you mean \"lead\"? The work types are: review, hearing, lead\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_office_of_work() {
    let outcome = check(
        "unknown-office-of-work",
        &with(
            "office = \"discipline\"\nvolume",
            "office = \"disciplne\"\nvolume",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:31:10: [[work]] \"review\", key `office`: unknown office \"disciplne\"\n  help: did you mean \"discipline\"? The offices are: discipline, group-1\n1 error found; nothing was written\n",
    );
}

#[test]
fn unknown_work_in_next() {
    let outcome = check(
        "unknown-work-in-next",
        &with("work = \"hearing\"", "work = \"haering\""),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:35:18: [[work]] \"review\", `next` entry #1, key `work`: unknown work type \"haering\"\n  help: did you mean \"hearing\"? The work types are: review, hearing, lead\n1 error found; nothing was written\n",
    );
}

#[test]
fn cycle_in_next() {
    let outcome = check(
        "cycle-in-next",
        &with(
            "hours = 20",
            "hours = 20\nnext = [{ work = \"review\", share = 0.1 }]",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:42:8: [[work]] \"hearing\", key `next`: the work chain has a cycle: review → hearing → review\n  help: a chain must end: remove one of these `next` entries\n1 error found; nothing was written\n",
    );
}

#[test]
fn unit_covered_by_two_groups() {
    let outcome = check("unit-covered-by-two-groups", &with("covers = [\"park-1\"]", "covers = [\"park-1\"]\n\n[[office]]\nid = \"group-2\"\nname = \"派驻二组\"\nkind = \"dispatched_group\"\ncovers = [\"park-1\"]"));
    assert_rejected(
        &outcome,
        "error: s.toml:27:10: [[office]] \"group-2\", key `covers`: unit \"park-1\" is covered by two groups, \"group-1\" and \"group-2\"\n  help: full coverage means exactly one group per unit: remove it from one `covers` list\n1 error found; nothing was written\n",
    );
}

#[test]
fn covering_group_work_fed_by_office_work() {
    let outcome = check(
        "covering-group-work-fed-by-office-work",
        &with(
            "hours = 20",
            "hours = 20\nnext = [{ work = \"lead\", share = 0.5 }]",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:42:8: [[work]] \"hearing\", key `next`: \"hearing\" is done at an office but feeds \"lead\", covering-group work: there is no unit to tell which group gets it\n  help: give \"lead\" an office, or make \"hearing\" covering-group work too\n1 error found; nothing was written\n",
    );
}

#[test]
fn negative_number() {
    let outcome = check("negative-number", &with("volume = 36", "volume = -36"));
    assert_rejected(
        &outcome,
        "error: s.toml:32:10: [[work]] \"review\", key `volume`: `volume` must not be negative, found -36\n  help: write zero or a positive number\n1 error found; nothing was written\n",
    );
}

#[test]
fn infinite_number() {
    let outcome = check("infinite-number", &with("hours = 120", "hours = inf"));
    assert_rejected(
        &outcome,
        "error: s.toml:33:9: [[work]] \"review\", key `hours`: `hours` must be a finite number, found inf\n  help: write an ordinary number such as 12.5\n1 error found; nothing was written\n",
    );
}

#[test]
fn nan_number() {
    let outcome = check("nan-number", &with("hours = 120", "hours = nan"));
    assert_rejected(
        &outcome,
        "error: s.toml:33:9: [[work]] \"review\", key `hours`: `hours` must be a finite number, found NaN\n  help: write an ordinary number such as 12.5\n1 error found; nothing was written\n",
    );
}

#[test]
fn share_above_one() {
    let outcome = check("share-above-one", &with("share = 0.4", "share = 1.4"));
    assert_rejected(
        &outcome,
        "error: s.toml:35:37: [[work]] \"review\", `next` entry #1, key `share`: `share` is a share and must lie in 0..1, found 1.4\n  help: write a fraction: 15% is 0.15\n1 error found; nothing was written\n",
    );
}

#[test]
fn non_case_share_above_one() {
    let outcome = check(
        "non-case-share-above-one",
        &with(
            "[staff.establishment]",
            "[calendar]\nnon_case_share = 15\n\n[staff.establishment]",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:5:18: [calendar], key `non_case_share`: `non_case_share` is a share and must lie in 0..1, found 15\n  help: write a fraction: 15% is 0.15\n1 error found; nothing was written\n",
    );
}

#[test]
fn team_larger_than_max_staff() {
    let outcome = check(
        "team-larger-than-max-staff",
        &with("leaders = 1", "leaders = 1\nmax_staff = 2"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:35:8: [[work]] \"review\", key `team`: a team of 3 is needed, but office \"discipline\" may have at most 2 people (`max_staff`)\n  help: raise `max_staff` of \"discipline\" to 3 or more, or make the team smaller\n1 error found; nothing was written\n",
    );
}

#[test]
fn whole_number_with_a_fraction() {
    let outcome = check(
        "whole-number-with-a-fraction",
        &with("team = 3", "team = 2.5"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:34:8: [[work]] \"review\", key `team`: `team` must be a whole number, found 2.5\n  help: write 2 or 3\n1 error found; nothing was written\n",
    );
}

#[test]
fn duplicate_id() {
    let outcome = check(
        "duplicate-id",
        &with("id = \"group-1\"", "id = \"discipline\""),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:17:6: [[office]] \"discipline\", key `id`: duplicate office id \"discipline\" (first used on line 11)\n  help: give every office its own id\n1 error found; nothing was written\n",
    );
}

#[test]
fn wrong_type_names_the_key() {
    let outcome = check(
        "wrong-type-names-the-key",
        &with("leaders = 1", "fixed = \"yes\"\nleaders = \"one\""),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:14:9: [[office]] \"discipline\", key `fixed`: wrong type: string \"yes\", expected a boolean\n  help: give the value the type the format expects (see `staffplan schema`)\nerror: s.toml:15:11: [[office]] \"discipline\", key `leaders`: wrong type: string \"one\", expected a number\n  help: give the value the type the format expects (see `staffplan schema`)\n2 errors found; nothing was written\n",
    );
}

#[test]
fn huge_number_refused() {
    let outcome = check(
        "huge-number-refused",
        &with("volume = 36", "volume = 1e300"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:32:10: [[work]] \"review\", key `volume`: `volume` is 1e300, above the largest value accepted (1e12)\n  help: check the unit of the figure; staffplan refuses values this large because sums of them lose precision\n1 error found; nothing was written\n",
    );
}

#[test]
fn tiny_number_refused() {
    let outcome = check(
        "tiny-number-refused",
        &with("hours = 120", "hours = 1e-300"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:33:9: [[work]] \"review\", key `hours`: `hours` is 1e-300, below the smallest non-zero value accepted (1e-6)\n  help: write 0 if you mean none, or check the unit of the figure\n1 error found; nothing was written\n",
    );
}

#[test]
fn missing_scenario_name() {
    let outcome = check(
        "missing-scenario-name",
        &with("name = \"Test office\"", "title = \"x\""),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:2:1: [scenario], key `title`: unknown key `title`\n  help: remove it; keys allowed here: name, language, date, method, peers, currency\nerror: s.toml:1:1: [scenario], key `name`: the scenario has no name\n  help: add `[scenario]` with `name = \"…\"` at the top of the file\n2 errors found; nothing was written\n",
    );
}

#[test]
fn no_staff_types() {
    let outcome = check("no-staff-types", &with("[staff.establishment]\nlabel = \"编制\"\ncost = 180000\n[staff.contract]\ncost = 96000\n", "[policy]\nbudget = 1\n"));
    assert_rejected(
        &outcome,
        "error: s.toml:1:1: [staff]: the scenario declares no staff type\n  help: add at least one, e.g. `[staff.establishment]` with `cost = 180000`\nerror: s.toml:10:11: [[office]] \"discipline\", key `staff`: unknown staff type \"establishment\"\n  help: declare the staff type first; there is none\nerror: s.toml:10:30: [[office]] \"discipline\", key `staff`: unknown staff type \"contract\"\n  help: declare the staff type first; there is none\nerror: s.toml:17:11: [[office]] \"group-1\", key `staff`: unknown staff type \"establishment\"\n  help: declare the staff type first; there is none\n4 errors found; nothing was written\n",
    );
}

#[test]
fn leave_exceeds_working_days() {
    let outcome = check("leave-exceeds-working-days", &with("[staff.establishment]", "[calendar]\nworking_days = 20\nleave_days = 15\ntraining_days = 10\n\n[staff.establishment]"));
    assert_rejected(
        &outcome,
        "error: s.toml:6:14: [calendar], key `leave_days`: leave (15) and training (10) days exceed the 20 working days\n  help: leave and training are taken out of the working days: make them fewer\n1 error found; nothing was written\n",
    );
}

#[test]
fn covering_group_work_with_direct_volume() {
    let outcome = check(
        "covering-group-work-with-direct-volume",
        &with(
            "office = \"covering_group\"",
            "office = \"covering_group\"\nvolume = 4",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:47:10: [[work]] \"lead\", key `volume`: covering-group work arrives from the units a group covers, so it has no direct `volume`\n  help: give the items to the units as `workload = { … }`, or name the office that receives them\n1 error found; nothing was written\n",
    );
}

#[test]
fn several_errors_at_once() {
    let outcome = check(
        "several-errors-at-once",
        &with(
            "staff = { establishment = 2 }\ncovers = [\"park-1\"]",
            "staff = { establisment = 2 }\ncovers = [\"park-9\"]\nmax_units = -1",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:20:11: [[office]] \"group-1\", key `staff`: unknown staff type \"establisment\"\n  help: did you mean \"establishment\"? The staff types are: establishment, contract\nerror: s.toml:21:11: [[office]] \"group-1\", key `covers`: unknown unit \"park-9\"\n  help: did you mean \"park-1\"? The units are: park-1\nerror: s.toml:22:13: [[office]] \"group-1\", key `max_units`: `max_units` must be a whole number, zero or more, found -1\n  help: write a count such as 3\n3 errors found; nothing was written\n",
    );
}

#[test]
fn warnings_do_not_stop_the_check() {
    let text = with(
        "staff = { establishment = 2 }",
        "staff = { establishment = 1 }",
    )
        + "\n[[unit]]\nid = \"park-2\"\nname = \"第二园区党委\"\nworkload = { lead = 1 }\n";
    let outcome = check("warnings", &text);
    assert_eq!(outcome.code, 0);
    assert_eq!(
        outcome.stderr,
        "warning: s.toml:50:1: [[unit]]: 1 unit is covered by no dispatched group: park-2\n  help: their covering-group work is done by nobody; add them to a group's `covers`, or let `staffplan optimise` allocate them\nwarning: s.toml:48:8: [[work]] \"lead\", key `team`: office \"group-1\" has 1 person today, fewer than the team of 2 this work needs: it cannot start it\n  help: staffplan optimise raises the office to the team size\n"
    );
    assert!(outcome.stdout.contains("warnings"));
}

#[test]
fn quiet_silences_warnings() {
    let dir = workdir("quiet");
    let text = with(
        "staff = { establishment = 2 }",
        "staff = { establishment = 1 }",
    );
    std::fs::write(dir.join("s.toml"), text).unwrap();
    let outcome = staffplan(&dir, &["check", "s.toml", "--quiet"]);
    assert_eq!(outcome.code, 0);
    assert_eq!(outcome.stderr, "");
}

#[test]
fn missing_file() {
    let dir = workdir("missing");
    let outcome = staffplan(&dir, &["check", "nowhere.toml"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "error: cannot read nowhere.toml: No such file or directory (os error 2)\n  help: check that the file exists and that you may read it\n"
    );
}

#[test]
fn not_utf8() {
    let dir = workdir("not-utf8");
    std::fs::write(dir.join("s.toml"), b"[scenario]\nname = \"\xff\"\n").unwrap();
    let outcome = staffplan(&dir, &["check", "s.toml"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "error: s.toml:2:9: the file is not UTF-8 text (first bad byte at offset 19)\n  help: save the scenario as UTF-8\n"
    );
}

/// Control characters in names and ids would break SVG, Markdown and the terminal: refused,
/// and printed escaped in the message.
#[test]
fn control_characters_in_names_and_ids() {
    let text = with(
        "name = \"Test office\"",
        "name = \"Test\\u001b[31m office\"",
    )
    .replace("id = \"park-1\"", "id = \"park\\u0007-1\"");
    let outcome = check("control-characters", &text);
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.starts_with(
        "error: s.toml:2:8: [scenario], key `name`: the text contains the control character U+001B\n  help: remove it: names, ids and labels are printed in charts and reports as they are\n"
    ), "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("[[unit]] #1, key `id`: the text contains the control character U+0007\n"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains('\u{7}') && !outcome.stderr.contains('\u{1b}'));
}

#[test]
fn scenario_from_standard_input() {
    use std::io::Write as _;
    let dir = workdir("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(["check", "-", "--format", "json"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BASE.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["name"], "Test office");
}

/// A file above the limit is refused by its size, before it is read: a sparse 1 GiB file and
/// an endless device both end at once with the same message.
#[cfg(unix)]
#[test]
fn oversized_input_is_refused_before_reading() {
    let dir = workdir("oversized");
    let file = std::fs::File::create(dir.join("big.toml")).unwrap();
    file.set_len(1 << 30).unwrap();
    let big = staffplan(&dir, &["check", "big.toml"]);
    assert_eq!(
        big.stderr,
        "error: big.toml:1:1: file: the file has 1073741824 bytes, more than the 16777216 bytes a scenario may have\n  help: split the organisation into several scenarios\n1 error found; nothing was written\n"
    );
    assert_eq!(big.code, 1);
    let zero = staffplan(&dir, &["check", "/dev/zero"]);
    assert_eq!(
        zero.stderr,
        "error: /dev/zero:1:1: file: the file has more than the 16777216 bytes a scenario may have\n  help: split the organisation into several scenarios\n1 error found; nothing was written\n"
    );
}

/// A pasted paragraph as an id gets no "did you mean" (and no quadratic search for one).
#[test]
fn very_long_unknown_id() {
    let long = "x".repeat(100_000);
    let outcome = check(
        "long-id",
        &with(
            "covers = [\"park-1\"]",
            &format!("covers = [\"park-1\", \"{long}\"]"),
        ),
    );
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stderr.contains(&format!("unknown unit \"{long}\"")),
        "{}",
        &outcome.stderr[..200.min(outcome.stderr.len())]
    );
    assert!(!outcome.stderr.contains("did you mean"));
}

#[test]
fn bad_command_line_exits_2() {
    let dir = workdir("usage");
    let outcome = staffplan(&dir, &["analyse"]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stderr.contains("FILE"), "{}", outcome.stderr);
    let outcome = staffplan(&dir, &["frobnicate"]);
    assert_eq!(outcome.code, 2);
    let outcome = staffplan(&dir, &["analyse", "x.toml", "--format", "xml"]);
    assert_eq!(outcome.code, 2);
}

#[test]
fn analyse_formats_agree() {
    let dir = workdir("analyse-formats");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();

    let json = staffplan(&dir, &["analyse", "s.toml", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["year_value"], 1598.0);
    let discipline = &value["offices"][0];
    assert_eq!(discipline["id"], "discipline");
    assert_eq!(discipline["staff"], 7);
    // 36 reviews × 120 h + 0.4 × 36 hearings × 20 h = 4320 + 288.
    assert_eq!(discipline["required_hours"], 4608.0);
    // 1598 × (7 − 1 × 0.5)
    assert_eq!(discipline["capacity_hours"], 10387.0);
    assert_eq!(discipline["posts_needed"], 4);
    assert_eq!(discipline["gap"], 3);
    for key in ["staff", "required_hours", "fte_need", "posts_needed", "gap"] {
        assert!(value["total"].get(key).is_some(), "total.{key} missing");
    }
    for key in [
        "id",
        "name",
        "staff",
        "capacity_hours",
        "required_hours",
        "fte_need",
        "utilisation",
        "items_per_person",
        "hours_per_person",
        "posts_needed",
        "gap",
    ] {
        assert!(discipline.get(key).is_some(), "offices[].{key} missing");
    }

    let csv = staffplan(&dir, &["analyse", "s.toml", "--format", "csv"]);
    assert_eq!(csv.code, 0);
    let mut lines = csv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id,office,staff,capacity h,required h,FTE need,utilisation,items/person,hours/person,posts needed,gap,P(wait),mean wait days,undone_hours,posts_needed_incl_undone")
    );
    assert_eq!(
        lines.next(),
        Some(
            "discipline,纪检监察室,7,10387,4608,2.883604506,0.443631462,7.2,658.285714286,4,3,,,,"
        )
    );

    let table = staffplan(&dir, &["analyse", "s.toml"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.contains("44.4%"), "{}", table.stdout);
}

#[test]
fn schema_is_json_schema_of_every_key() {
    let dir = workdir("schema");
    let outcome = staffplan(&dir, &["schema"]);
    assert_eq!(outcome.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let office = &schema["properties"]["office"]["items"]["properties"];
    for key in [
        "id",
        "name",
        "kind",
        "staff",
        "leaders",
        "covers",
        "max_units",
        "optional",
    ] {
        assert!(
            office.get(key).is_some(),
            "office.{key} missing from the schema"
        );
    }
    assert_eq!(
        schema["properties"]["work"]["items"]["properties"]["next"]["items"]["required"],
        serde_json::json!(["work", "share"])
    );
}

#[test]
fn every_shipped_scenario_passes_check() {
    let scenarios = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut checked = 0;
    for entry in std::fs::read_dir(&scenarios).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let outcome = staffplan(&scenarios, &["check", path.to_str().unwrap()]);
            assert_eq!(outcome.code, 0, "{}: {}", path.display(), outcome.stderr);
            assert!(!outcome.stderr.contains("error"), "{}", outcome.stderr);
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} scenarios shipped");
}

#[test]
fn run_writes_the_pack_into_out() {
    let dir = workdir("run-out");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    let outcome = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--quiet"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(dir.join("pack/offices.csv").is_file());
    assert!(dir.join("pack/summary.json").is_file());
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("pack"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn run_defaults_to_output_and_the_scenario_stem() {
    let dir = workdir("run-default");
    std::fs::write(dir.join("daqing.toml"), BASE).unwrap();
    let outcome = staffplan(&dir, &["run", "daqing.toml", "--quiet"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(dir.join("output/daqing/summary.json").is_file());
}

#[test]
fn output_folder_that_cannot_be_created() {
    let dir = workdir("run-blocked");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    // A file stands where the output folder should be.
    std::fs::write(dir.join("pack"), "not a folder").unwrap();
    let outcome = staffplan(&dir, &["run", "s.toml", "--out", "pack/inner", "--quiet"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: cannot write pack/inner: Not a directory (os error 20)\n  help: choose an output folder you may write to (--out DIR) and check the disk has room\n"
    );
}

/// A full disk, simulated with a file-size limit: the write fails, the error says so, and no
/// file, whole or partial, is left in the output folder.
#[cfg(unix)]
#[test]
fn full_disk_leaves_no_half_file() {
    let dir = workdir("run-full-disk");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    std::fs::create_dir(dir.join("pack")).unwrap();
    let output = run_with_file_limit(&dir, "");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: cannot write pack/"), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    // The pack is written whole or not at all: the empty folder stays empty, and nothing
    // temporary is left beside it.
    assert_eq!(std::fs::read_dir(dir.join("pack")).unwrap().count(), 0);
    assert_eq!(hidden_leftovers(&dir), Vec::<String>::new());
}

/// `staffplan run s.toml --out pack --quiet` (and `more` arguments) in `dir`, with a file-size
/// limit of one block standing for a full disk.
#[cfg(unix)]
fn run_with_file_limit(dir: &std::path::Path, more: &str) -> std::process::Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' run s.toml --out pack --quiet{more}",
        env!("CARGO_BIN_EXE_staffplan")
    );
    Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir)
        .output()
        .unwrap()
}

/// A first pack of the base scenario in a fresh folder: the folder and the pack's files.
fn first_pack(test: &str) -> (PathBuf, std::collections::BTreeMap<String, Vec<u8>>) {
    let dir = workdir(test);
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    let first = staffplan(
        &dir,
        &["run", "s.toml", "--out", "pack", "--quiet", "--runs", "50"],
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let old = folder(&dir.join("pack"));
    (dir, old)
}

/// Hidden temporary files or staging folders left in `dir`.
fn hidden_leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Every file under `dir` with its bytes, by path relative to it.
fn folder(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(
        dir: &std::path::Path,
        prefix: &str,
        out: &mut std::collections::BTreeMap<String, Vec<u8>>,
    ) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// A failed run over an old pack leaves the old pack exactly as it was.
#[cfg(unix)]
#[test]
fn full_disk_over_an_old_pack_keeps_the_old_pack() {
    let (dir, old) = first_pack("run-full-disk-old");
    assert!(old.contains_key("report.md") && old.contains_key("charts/backlog.png"));
    let output = run_with_file_limit(&dir, " --runs 60");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(folder(&dir.join("pack")), old);
    assert_eq!(hidden_leftovers(&dir), Vec::<String>::new());
}

/// A second run replaces the pack whole; files of the planner's own beside it are kept.
#[test]
fn a_new_pack_replaces_the_old_and_keeps_the_planners_files() {
    let (dir, old) = first_pack("run-replace");
    let second = staffplan(
        &dir,
        &["run", "s.toml", "--out", "pack", "--quiet", "--runs", "60"],
    );
    assert_eq!(second.code, 0, "{}", second.stderr);
    let new = folder(&dir.join("pack"));
    assert_eq!(
        new.keys().collect::<Vec<_>>(),
        old.keys().collect::<Vec<_>>()
    );
    assert_ne!(new["summary.json"], old["summary.json"]);

    std::fs::write(dir.join("pack/notes.txt"), "mine").unwrap();
    let third = staffplan(
        &dir,
        &["run", "s.toml", "--out", "pack", "--quiet", "--runs", "50"],
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    let after = folder(&dir.join("pack"));
    assert_eq!(after["notes.txt"], b"mine");
    assert_eq!(after["summary.json"], old["summary.json"]);
    assert_eq!(hidden_leftovers(&dir), Vec::<String>::new());
    assert_eq!(hidden_leftovers(&dir.join("pack")), Vec::<String>::new());
}

/// SIGTERM or SIGINT in the middle of a run: exit 130, the old pack kept, nothing left over.
#[cfg(unix)]
#[test]
fn interrupted_run_leaves_the_old_pack() {
    let (dir, old) = first_pack("run-interrupted");
    for signal in ["TERM", "INT"] {
        let child = Command::new(env!("CARGO_BIN_EXE_staffplan"))
            .args([
                "run", "s.toml", "--out", "pack", "--quiet", "--runs", "100000",
            ])
            .current_dir(&dir)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1000));
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(130), "SIG{signal}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            "interrupted: nothing was written\n"
        );
        assert_eq!(folder(&dir.join("pack")), old);
        assert_eq!(hidden_leftovers(&dir), Vec::<String>::new());
    }
}

/// `--write` keeps every line of the planner's file: each changed value stays on its line,
/// with the planner's comments above it and at its end, and a staffplan comment added above.
#[test]
fn write_keeps_every_comment_of_every_shipped_scenario() {
    let dir = workdir("write-round-trip");
    let scenarios = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut checked = 0;
    for entry in std::fs::read_dir(&scenarios).unwrap() {
        let path = entry.unwrap().path();
        let original = std::fs::read_to_string(&path).unwrap();
        let outcome = staffplan(
            &dir,
            &[
                "optimise",
                path.to_str().unwrap(),
                "--write",
                "p.toml",
                "--quiet",
                "--time-limit",
                "10",
                // The service check's runs decide no comment: 100 keep the test quick.
                "--runs",
                "100",
            ],
        );
        assert_eq!(outcome.code, 0, "{}: {}", path.display(), outcome.stderr);
        let written = std::fs::read_to_string(dir.join("p.toml")).unwrap();
        let mut lines = written.lines();
        assert!(lines
            .next()
            .unwrap()
            .starts_with("# Proposal written by `staffplan optimise`"));
        // The proposal is the original with lines added (staffplan's notes, keys the optimiser
        // added) and values changed in place: walk both in order.
        let new: Vec<&str> = lines.collect();
        let mut at = 0;
        for line in original.lines() {
            let key = line.split('=').next().unwrap_or("").trim();
            let comment = line.find('#').map(|i| &line[i..]);
            let found = new[at..].iter().position(|n| {
                *n == line
                    || (!key.is_empty()
                        && !line.trim_start().starts_with('#')
                        && n.split('=').next().unwrap_or("").trim() == key
                        && comment.is_none_or(|c| n.ends_with(c)))
            });
            let Some(offset) = found else {
                panic!("{}: line {line:?} lost or reordered", path.display());
            };
            // Only staffplan's own notes and keys may stand between two original lines.
            for added in &new[at..at + offset] {
                assert!(
                    added.starts_with("# staffplan: ") || added.contains(" = "),
                    "{}: unexpected line {added:?}",
                    path.display()
                );
            }
            at += offset + 1;
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} scenarios shipped");
}

#[cfg(unix)]
#[test]
fn write_onto_the_input_needs_force_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = workdir("write-onto-input");
    std::fs::write(dir.join("s.toml"), BASE).unwrap();
    std::fs::set_permissions(dir.join("s.toml"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let refused = staffplan(&dir, &["optimise", "s.toml", "--write", "./s.toml"]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.stderr,
        "error: --write ./s.toml is the scenario file being read\n  help: write the proposal to a new file (e.g. --write proposal.toml), or add --force to replace this one (its comments are kept)\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("s.toml")).unwrap(), BASE);
    let forced = staffplan(
        &dir,
        &[
            "optimise", "s.toml", "--write", "s.toml", "--force", "--quiet",
        ],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let written = std::fs::read_to_string(dir.join("s.toml")).unwrap();
    assert!(written.starts_with("# Proposal written by"));
    let mode = std::fs::metadata(dir.join("s.toml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn covered_by_a_group_it_is_not_eligible_for() {
    let text = with("name = \"第一园区党委\"", "name = \"第一园区党委\"\neligible = [\"group-2\"]")
        + "\n[[office]]\nid = \"group-2\"\nname = \"派驻二组\"\nkind = \"dispatched_group\"\nstaff = { establishment = 2 }\n";
    let outcome = check("not-eligible", &text);
    assert_rejected(
        &outcome,
        "error: s.toml:21:10: [[office]] \"group-1\", key `covers`: unit \"park-1\" is covered by \"group-1\", which is not in its `eligible` list\n  help: add the group to the unit's `eligible` list or move the unit to an eligible group\n1 error found; nothing was written\n",
    );
}

#[test]
fn empty_eligible_list_with_group_work() {
    let outcome = check(
        "eligible-empty",
        &with(
            "name = \"第一园区党委\"",
            "name = \"第一园区党委\"\neligible = []",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:21:10: [[office]] \"group-1\", key `covers`: unit \"park-1\" is covered by \"group-1\", which is not in its `eligible` list\n  help: add the group to the unit's `eligible` list or move the unit to an eligible group\nerror: s.toml:23:1: [[unit]] \"park-1\", key `eligible`: `eligible = []` lets no group cover the unit, but it generates covering-group work that only a group can do\n  help: name the groups that may cover it, or give its workload to office-level work\n2 errors found; nothing was written\n",
    );
}

#[test]
fn optimise_stopped_by_the_time_limit_says_so() {
    let dir = workdir("time-limit");
    let synth = staffplan(&dir, &["synth", "--units", "200", "--groups", "20"]);
    assert_eq!(synth.code, 0);
    std::fs::write(dir.join("s.toml"), synth.stdout).unwrap();
    let outcome = staffplan(
        &dir,
        &[
            "optimise",
            "s.toml",
            "--time-limit",
            "0.001",
            "--format",
            "json",
            "--quiet",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let value: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(value["status"], "time_limit");
    assert!(value["objective_bound"].is_number());
    let table = staffplan(
        &dir,
        &["optimise", "s.toml", "--time-limit", "0.001", "--quiet"],
    );
    assert!(
        table
            .stdout
            .contains("status (not proven optimal): time_limit"),
        "{}",
        table.stdout
    );

    // A bad command line is clap's to refuse: exit 2, nothing run.
    for value in ["-1", "0", "nan", "inf", "soon"] {
        let bad = staffplan(
            &dir,
            &["optimise", "s.toml", &format!("--time-limit={value}")],
        );
        assert_eq!(bad.code, 2, "{value}: {}", bad.stderr);
        assert!(
            bad.stderr.starts_with(&format!(
                "error: invalid value '{value}' for '--time-limit <SECS>': {value} is not a positive number of seconds (e.g. --time-limit 30)"
            )),
            "{}",
            bad.stderr
        );
    }
    for args in [
        ["simulate", "s.toml", "--runs", "0"],
        ["simulate", "s.toml", "--runs", "-3"],
        ["simulate", "s.toml", "--seed", "-1"],
        ["simulate", "s.toml", "--days", "0"],
        ["simulate", "s.toml", "--threads", "0"],
        ["simulate", "s.toml", "--threads", "100000"],
        ["run", "s.toml", "--date", "2018\u{7}"],
    ] {
        let bad = staffplan(&dir, &args);
        assert_eq!(bad.code, 2, "{args:?}: {}", bad.stderr);
        assert!(bad.stderr.starts_with("error: "), "{}", bad.stderr);
    }
}

#[test]
fn policy_on_time_above_one() {
    let outcome = check(
        "policy-on-time-above-one",
        &with(
            "[[office]]\nid = \"discipline\"",
            "[policy]\non_time = 1.2\n\n[[office]]\nid = \"discipline\"",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:11:11: [policy], key `on_time`: `on_time` is a share and must lie in 0..1, found 1.2\n  help: write a fraction: 15% is 0.15\n1 error found; nothing was written\n",
    );
}

#[test]
fn work_on_time_negative() {
    let outcome = check(
        "work-on-time-negative",
        &with(
            "team = 3\n",
            "team = 3\ndeadline_days = 60\non_time = -0.1\n",
        ),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:36:11: [[work]] \"review\", key `on_time`: `on_time` must not be negative, found -0.1\n  help: write zero or a positive number\n1 error found; nothing was written\n",
    );
}

#[test]
fn on_time_without_a_deadline() {
    let outcome = check(
        "on-time-without-a-deadline",
        &with("hours = 20\n", "hours = 20\non_time = 0.9\n"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:42:11: [[work]] \"hearing\", key `on_time`: `on_time` is the share of items finished within `deadline_days`, but this work has no deadline\n  help: add `deadline_days = …` (working days from arrival to completion), or remove `on_time`\n1 error found; nothing was written\n",
    );
}

#[test]
fn negative_backlog() {
    let outcome = check(
        "negative-backlog",
        &with("hours = 20\n", "hours = 20\nbacklog = -3\n"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:42:11: [[work]] \"hearing\", key `backlog`: `backlog` must be a whole number, zero or more, found -3\n  help: write a count such as 3\n1 error found; nothing was written\n",
    );
}

#[test]
fn backlog_with_a_fraction() {
    let outcome = check(
        "backlog-with-a-fraction",
        &with("hours = 20\n", "hours = 20\nbacklog = 2.5\n"),
    );
    assert_rejected(
        &outcome,
        "error: s.toml:42:11: [[work]] \"hearing\", key `backlog`: `backlog` must be a whole number, found 2.5\n  help: write 2 or 3\n1 error found; nothing was written\n",
    );
}

#[test]
fn service_keys_are_accepted() {
    let text = with(
        "[[office]]\nid = \"discipline\"",
        "[policy]\non_time = 0.9\nkeep_staff = true\n\n[[office]]\nid = \"discipline\"",
    )
    .replacen(
        "team = 3\n",
        "team = 3\ndeadline_days = 60\non_time = 0.95\nbacklog = 12\n",
        1,
    )
    .replacen("hours = 30\n", "hours = 30\nbacklog = 4\n", 1);
    let outcome = check("service-keys-are-accepted", &text);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    // The warm-up is a flag of simulate (and optimise and run).
    let dir = workdir("warmup-days-flag");
    std::fs::write(dir.join("s.toml"), &text).unwrap();
    let sim = staffplan(
        &dir,
        &[
            "simulate",
            "s.toml",
            "--runs",
            "4",
            "--warmup-days",
            "100",
            "--format",
            "json",
        ],
    );
    assert_eq!(sim.code, 0, "{}", sim.stderr);
    let value: serde_json::Value = serde_json::from_str(&sim.stdout).unwrap();
    assert_eq!(value["warmup_days"], 100);
    assert!(value["offices"][0]["on_time_share"]["mean"].is_number());
    assert!(value["offices"][1]["on_time_share"].is_null());
    let bad = staffplan(&dir, &["simulate", "s.toml", "--warmup-days", "-1"]);
    assert_eq!(bad.code, 2);
    // The keys are in the schema, so editors know them.
    let schema: serde_json::Value =
        serde_json::from_str(&staffplan(&dir, &["schema"]).stdout).unwrap();
    let policy = &schema["properties"]["policy"]["properties"];
    assert_eq!(policy["on_time"]["type"], "number");
    assert_eq!(policy["keep_staff"]["type"], "boolean");
    let work = &schema["properties"]["work"]["items"]["properties"];
    assert_eq!(work["on_time"]["type"], "number");
    assert_eq!(work["backlog"]["type"], "integer");
}
