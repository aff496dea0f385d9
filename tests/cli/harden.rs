//! The hardening pass: inputs at the caps (names, ranges, files, figures), what an interrupt
//! leaves, the planner's comments and `--set` overrides kept by `optimise --write`, and honest
//! messages and exit codes.

use super::{staffplan, with, workdir};

/// Every name a chart draws at the longest length a name may have: `run` draws them all
/// (titles, legends, axis labels, captions) and ends. Before the ellipsis searched from the
/// front, a 20,000-character name took a minute and more; now a name that long is refused.
#[test]
fn names_at_the_cap_are_drawn_and_longer_ones_refused() {
    let dir = workdir("long-names");
    let long = "名".repeat(staffplan::scenario::MAX_TEXT_CHARS);
    let text = with("name = \"Test office\"", &format!("name = \"{long}\""))
        .replace("name = \"纪检监察室\"", &format!("name = \"{long}\""))
        .replace(
            "name = \"派驻一组\"",
            &format!("name = \"x{}\"", &long[3..]),
        );
    std::fs::write(dir.join("s.toml"), &text).unwrap();
    let date = "d".repeat(staffplan::scenario::MAX_TEXT_CHARS);
    let run = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--date", &date]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let longer = with("name = \"Test office\"", &format!("name = \"{long}x\""));
    std::fs::write(dir.join("t.toml"), longer).unwrap();
    let refused = staffplan(&dir, &["check", "t.toml"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains(
            "[scenario], key `name`: the text has 201 characters, more than the 200 a name, id or label may have"
        ),
        "{}",
        refused.stderr
    );
    let date = staffplan(&dir, &["run", "s.toml", "--date", &format!("{date}d")]);
    assert_eq!(date.code, 2);
    assert!(date.stderr.contains("201 characters"), "{}", date.stderr);
}

/// The base scenario with `n` more units in group-1, each with its leads a year as a range.
fn with_ranged_units(n: usize) -> String {
    let mut text = with(
        "covers = [\"park-1\"]",
        &format!(
            "covers = [\"park-1\", {}]",
            (0..n)
                .map(|i| format!("\"u{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    for i in 0..n {
        let likely = 1 + i % 7;
        text.push_str(&format!(
            "[[unit]]\nid = \"u{i}\"\nname = \"unit {i}\"\nworkload = {{ lead = {{ low = 0, likely = {likely}, high = {} }} }}\n",
            likely + i
        ));
    }
    text
}

/// The height of a PNG, from its header.
fn png_height(bytes: &[u8]) -> u32 {
    u32::from_be_bytes(bytes[20..24].try_into().unwrap())
}

/// A tornado of 60 ranges draws the 24 that move the answer most and one row of the other 36,
/// their swings added: a page, where each range once added a row of 64 pixels (12,000 ranges
/// took 3.7 GB and aborted).
#[test]
fn tornado_of_many_ranges_stays_a_page() {
    let dir = workdir("many-ranges");
    std::fs::write(dir.join("s.toml"), with_ranged_units(60)).unwrap();
    let run = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--runs", "20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.join("pack/charts/tornado.svg")).unwrap();
    assert!(svg.contains("the other 36 inputs, their swings added"));
    let png = std::fs::read(dir.join("pack/charts/tornado.png")).unwrap();
    assert!(png_height(&png) <= 1_000 + 25 * 64, "{}", png_height(&png));
}

/// 21 files are refused as a bad command line, and 20 files with 33 shared work types draw a
/// chart of nine work-type panels (three of the base's, then extra 0 to 5): each file once added a bar to every panel and each shared
/// work type a panel (2,600 files took 3.8 GB).
#[test]
fn benchmark_is_bounded() {
    let dir = workdir("many-peers");
    let mut text = super::BASE.to_string();
    for i in 0..30 {
        text.push_str(&format!(
            "[[work]]\nid = \"extra{i}\"\nname = \"extra {i}\"\noffice = \"discipline\"\nvolume = 1\nhours = 1\n"
        ));
    }
    let files: Vec<String> = (0..21).map(|i| format!("s{i}.toml")).collect();
    for file in &files {
        std::fs::write(dir.join(file), &text).unwrap();
    }
    let mut args = vec!["benchmark"];
    args.extend(files.iter().map(String::as_str));
    let refused = staffplan(&dir, &args);
    assert_eq!(refused.code, 2);
    assert!(
        refused
            .stderr
            .contains("benchmark takes at most 20 scenario files, found 21"),
        "{}",
        refused.stderr
    );
    args.pop();
    let twenty = staffplan(&dir, &args);
    assert_eq!(twenty.code, 0, "{}", twenty.stderr);
    let svg = std::fs::read_to_string(dir.join("output/benchmark/charts/benchmark.svg")).unwrap();
    assert!(svg.contains("extra 5"));
    assert!(!svg.contains("extra 6"));
}

/// An interrupt at any moment of `run` leaves no staging folder, and says that nothing was
/// written only where no new pack is in place. The staging files were written without the
/// lock the handler takes, so a removal could be followed by files created in the removed
/// folder (8 of 11 tries left one).
#[test]
fn interrupts_leave_no_staging_folder_and_say_what_was_written() {
    let dir = workdir("interrupts");
    std::fs::write(dir.join("s.toml"), with_ranged_units(30)).unwrap();
    for delay in [5u64, 20, 40, 60, 80, 120, 160, 240, 320, 480] {
        let _ = std::fs::remove_dir_all(dir.join("pack"));
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_staffplan"))
            .args(["run", "s.toml", "--out", "pack", "--runs", "50"])
            .current_dir(&dir)
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(left.is_empty(), "after {delay} ms: {left:?}");
        if stderr.contains("interrupted: nothing was written") {
            assert!(!dir.join("pack/report.md").exists(), "after {delay} ms");
        }
    }
}

/// A folder of the planner's inside the pack folder, even empty, is theirs: a rerun keeps it.
#[test]
fn rerun_keeps_the_planners_empty_folders() {
    let dir = workdir("planner-folders");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    let first = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--runs", "20"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    std::fs::create_dir_all(dir.join("pack/notes/drafts")).unwrap();
    let again = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--runs", "20"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(dir.join("pack/notes/drafts").is_dir());
    assert!(dir.join("pack/report.md").is_file());
}

/// `--export-lp` writes its files as one set: an earlier export's companion that this
/// programme does not have is removed with the rest replaced.
#[test]
fn export_lp_leaves_no_stale_companion() {
    let dir = workdir("lp-set");
    // A fixed office far above the target: no cost bound, so no `m.bound.lp`.
    let text =
        with("leaders = 1", "leaders = 1\nfixed = true").replace("volume = 36", "volume = 3600");
    std::fs::write(dir.join("s.toml"), text).unwrap();
    std::fs::write(dir.join("m.bound.lp"), "stale").unwrap();
    std::fs::write(dir.join("m.pooled.lp"), "stale").unwrap();
    let out = staffplan(&dir, &["optimise", "s.toml", "--export-lp", "m.lp"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lp"))
        .collect();
    names.sort();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert_ne!(text, "stale", "{name} is an earlier export's");
    }
    assert_eq!(names, ["m.lp", "m.pooled.lp"]);
}

/// `--write LINK --force` replaces the file the link points to, and the link stays.
#[cfg(unix)]
#[test]
fn write_through_a_link_replaces_its_target() {
    let dir = workdir("write-link");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    std::fs::write(dir.join("real.toml"), super::BASE).unwrap();
    std::os::unix::fs::symlink("real.toml", dir.join("link.toml")).unwrap();
    let out = staffplan(
        &dir,
        &["optimise", "s.toml", "--write", "link.toml", "--force"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let link = dir.join("link.toml").symlink_metadata().unwrap();
    assert!(link.file_type().is_symlink());
    let real = std::fs::read_to_string(dir.join("real.toml")).unwrap();
    assert!(real.starts_with("# Proposal written by"), "{real}");
}

/// Runs `check` on a regression input of `tests/regressions/`.
fn check_regression(name: &str) -> super::Outcome {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    staffplan(&root, &["check", name])
}

/// 1e12 items of 1e12 hours: refused at the work type, not counted as u64::MAX posts.
#[test]
fn a_product_beyond_the_counts_is_refused() {
    let outcome = check_regression("product-of-trillions.toml");
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.starts_with(
        "error: product-of-trillions.toml:30:1: [[work]] \"review\", keys `volume` and `hours`: office \"discipline\" would need 6.258e20 full-time people (1.000e24 hours a year at 1598.0 h a person), more than the 1e12 staffplan counts\n"
    ), "{}", outcome.stderr);
}

/// Each end of a calendar range is held to the single value's rule: no year value of zero.
#[test]
fn a_range_end_that_zeroes_the_year_is_refused() {
    let outcome = check_regression("zero-year-at-range-end.toml");
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.starts_with(
        "error: zero-year-at-range-end.toml:8:17: [calendar], key `hours_per_day`: at an end of the range of `hours_per_day` the year value is zero"
    ), "{}", outcome.stderr);
    let share = super::check(
        "share-end",
        &with(
            "name = \"Test office\"\n",
            "name = \"Test office\"\n[calendar]\nnon_case_share = { low = 0.1, likely = 0.2, high = 1 }\n",
        ),
    );
    assert_eq!(share.code, 1);
    assert!(
        share.stderr.contains("[calendar], key `non_case_share`: at an end of the range of `non_case_share` the year value is zero"),
        "{}",
        share.stderr
    );
}

/// `optimise --write` keeps every comment of the planner's: beside staff written as dotted keys,
/// in an `[office.staff]` sub-table and inside a multi-line `covers` (5 of 5 were dropped).
#[test]
fn write_keeps_comments_beside_dotted_keys_sub_tables_and_long_lists() {
    let dir = workdir("write-comments");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = std::fs::read_to_string(root.join("tests/fixtures/commented.toml")).unwrap();
    std::fs::write(dir.join("s.toml"), &original).unwrap();
    let out = staffplan(&dir, &["optimise", "s.toml", "--write", "p.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let proposal = std::fs::read_to_string(dir.join("p.toml")).unwrap();
    for comment in original
        .lines()
        .filter_map(|l| l.find('#').map(|i| &l[i..]))
    {
        assert!(proposal.contains(comment), "{comment:?} lost:\n{proposal}");
    }
    assert!(
        proposal.contains("# staffplan: was a 1\nstaff.a = 0  # one clerk, 2024 count"),
        "{proposal}"
    );
    assert!(
        proposal.contains("# staffplan: was a 1\n[office.staff]"),
        "{proposal}"
    );
    let check = staffplan(&dir, &["check", "p.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

/// `--days` and `--warmup-days` are both command-line values: past the 100,000-day limit,
/// alone or together with the scenario's working days, both exit 2 (the warm-up exited 1).
#[test]
fn day_limits_are_command_line_errors() {
    let dir = workdir("day-limits");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    for args in [
        &["simulate", "s.toml", "--runs", "1", "--days", "100001"][..],
        &[
            "simulate",
            "s.toml",
            "--runs",
            "1",
            "--warmup-days",
            "100001",
        ],
        &[
            "simulate",
            "s.toml",
            "--runs",
            "1",
            "--warmup-days",
            "99900",
        ],
    ] {
        let outcome = staffplan(&dir, args);
        assert_eq!(outcome.code, 2, "{args:?}: {}", outcome.stderr);
    }
}

/// `-` is standard input: `init -` and `compare - -` are bad command lines (a file named `-`
/// was written, stdin read twice), and `run -` writes `output/stdin/`, not `output/-/`.
#[test]
fn a_dash_is_standard_input_everywhere() {
    let dir = workdir("dash");
    let init = staffplan(&dir, &["init", "-"]);
    assert_eq!(init.code, 2, "{}", init.stderr);
    assert!(!dir.join("-").exists());
    let compare = staffplan(&dir, &["compare", "-", "-"]);
    assert_eq!(compare.code, 2, "{}", compare.stderr);
    assert!(compare
        .stderr
        .contains("compare cannot read both scenarios from standard input"));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(["run", "-", "--runs", "20"])
        .current_dir(&dir)
        .stdin(
            std::fs::File::open(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli_base.toml"),
            )
            .unwrap(),
        )
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(dir.join("output/stdin/report.md").is_file());
    assert!(!dir.join("output/-").exists());
}

/// One mistyped value is one error: the key is dropped and remembered, so its staff type, its
/// entry and its range still count, and no "`hours` is missing" follows. From the file and
/// from `--set` alike.
#[test]
fn a_mistyped_value_is_its_only_error() {
    let outcome = check_regression("mistyped-values.toml");
    assert_eq!(outcome.code, 1);
    let errors: Vec<&str> = outcome
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 6, "{}", outcome.stderr);
    assert!(
        errors.iter().all(|e| e.contains(": wrong type: ")),
        "{}",
        outcome.stderr
    );
    assert!(outcome
        .stderr
        .ends_with("6 errors found; nothing was written\n"));

    let dir = workdir("mistyped-set");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    for (set, key) in [
        ("staff.contract.cost=\"x\"", "[staff], key `contract.cost`"),
        (
            "work.review.hours=\"abc\"",
            "[[work]] \"review\", key `hours`",
        ),
        (
            "work.review.next.hearing=\"x\"",
            "[[work]] \"review\", key `next.share`",
        ),
        ("work.review.office=3", "[[work]] \"review\", key `office`"),
    ] {
        let outcome = staffplan(&dir, &["check", "s.toml", "--set", set]);
        assert_eq!(outcome.code, 1, "{set}");
        assert!(
            outcome.stderr.contains(&format!("{key}: wrong type: "))
                && outcome
                    .stderr
                    .ends_with("\n1 error found; nothing was written\n"),
            "{set}: {}",
            outcome.stderr
        );
    }
}

/// `optimise --set … --write` writes each override that counts into the proposal with the
/// file's value in a note, so that the proposal reanalyses as planned; a proposal written over
/// itself keeps one header line.
#[test]
fn write_carries_the_overrides_and_one_header() {
    let dir = workdir("write-overrides");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    let sets = [
        "work.review.hours=100",
        "work.review.hours=130",
        "calendar.hours_per_day=7.5",
        "unit.park-1.workload.lead=4",
        "work.review.next.hearing=0.5",
        "staff.contract.cost=90000",
        "policy.quota.contract=3",
    ];
    let mut args = vec!["optimise", "s.toml", "--write", "p.toml", "-q"];
    for set in &sets {
        args.extend(["--set", set]);
    }
    let written = staffplan(&dir, &args);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let proposal = std::fs::read_to_string(dir.join("p.toml")).unwrap();
    for expected in [
        "# staffplan: was 120; set by --set work.review.hours=130\nhours = 130\n",
        "[calendar]\n# staffplan: not in the file; set by --set calendar.hours_per_day=7.5\nhours_per_day = 7.5\n",
        "# staffplan: was 3; set by --set unit.park-1.workload.lead=4\nworkload = { lead = 4 }\n",
        "# staffplan: was 0.4; set by --set work.review.next.hearing=0.5\nnext = [{ work = \"hearing\", share = 0.5 }]\n",
        "# staffplan: was 96000; set by --set staff.contract.cost=90000\ncost = 90000\n",
        "# staffplan: not in the file; set by --set policy.quota.contract=3\nquota = { contract = 3 }\n",
    ] {
        assert!(proposal.contains(expected), "{expected:?} not in:\n{proposal}");
    }
    assert!(!proposal.contains("hours=100"), "{proposal}");
    // The proposal alone gives the figures the overrides gave.
    let mut with_sets = vec!["analyse", "s.toml", "--format", "json"];
    for set in &sets {
        with_sets.extend(["--set", set]);
    }
    let planned = staffplan(&dir, &with_sets);
    let again = staffplan(&dir, &["analyse", "p.toml", "--format", "json"]);
    let required = |json: &str| -> Vec<f64> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["offices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["required_hours"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(required(&planned.stdout), required(&again.stdout));
    for _ in 0..2 {
        let over = staffplan(
            &dir,
            &["optimise", "p.toml", "--write", "p.toml", "--force", "-q"],
        );
        assert_eq!(over.code, 0, "{}", over.stderr);
    }
    let twice = std::fs::read_to_string(dir.join("p.toml")).unwrap();
    assert_eq!(twice.matches("# Proposal written by").count(), 1, "{twice}");
}

/// `--set` messages say what is wrong with the path or the value: a path that ends at an id
/// or a section, a comment in the value, an id holding `=` (written in quotes), the file
/// lacking the id, and a path given twice (the last counts, and only it is listed).
#[test]
fn set_messages_name_the_real_problem() {
    let dir = workdir("set-messages");
    std::fs::write(dir.join("s.toml"), super::BASE).unwrap();
    let refused = |set: &str, expected: &str| {
        let outcome = staffplan(&dir, &["check", "s.toml", "--set", set]);
        assert_eq!(outcome.code, 1, "{set}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains(expected),
            "{set}: {}",
            outcome.stderr
        );
    };
    refused(
        "work.review=1",
        "input path `work.review`: the path ends at the work type \"review\"; it needs a key after the id\n  help: add `.KEY`; keys here: name, office, volume, hours,",
    );
    refused("policy=1", "input path `policy`: `policy` is a section, not a figure\n  help: name a figure in it: policy.KEY;");
    refused(
        "work.review.volume=5 # c",
        "--set work.review.volume=5 # c:1:22: --set: `#` starts a comment in TOML, and a --set value holds none",
    );
    refused("work.nope.hours=3", "no work type \"nope\" in s.toml");

    let odd = with("id = \"hearing\"", "id = \"a=b.c\"")
        .replace("work = \"hearing\"", "work = \"a=b.c\"");
    std::fs::write(dir.join("odd.toml"), odd).unwrap();
    let quoted = staffplan(
        &dir,
        &[
            "analyse",
            "odd.toml",
            "--format",
            "json",
            "--set",
            "work.\"a=b.c\".hours=40",
        ],
    );
    assert_eq!(quoted.code, 0, "{}", quoted.stderr);
    let plain = staffplan(&dir, &["analyse", "odd.toml", "--format", "json"]);
    assert_ne!(quoted.stdout, plain.stdout);

    let compare = staffplan(
        &dir,
        &[
            "compare",
            "s.toml",
            "odd.toml",
            "--set",
            "work.hearing.hours=30",
        ],
    );
    assert_eq!(compare.code, 1);
    assert!(
        compare
            .stderr
            .contains("no work type \"hearing\" in odd.toml"),
        "{}",
        compare.stderr
    );

    let twice = staffplan(
        &dir,
        &[
            "check",
            "s.toml",
            "--set",
            "work.review.hours=100",
            "--set",
            "work.review.hours=130",
        ],
    );
    assert_eq!(twice.code, 0, "{}", twice.stderr);
    assert!(twice.stderr.contains("input path `work.review.hours`: set again later; the last value, 130, counts and this one is ignored"), "{}", twice.stderr);
    // The report lists the overrides that counted.
    let sets: Vec<staffplan::scenario::Override> =
        ["work.review.hours=100", "work.review.hours=130"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
    let loaded = staffplan::scenario::parse_with(super::BASE, "s.toml", &sets).unwrap();
    assert_eq!(loaded.scenario.overrides, ["work.review.hours = 130"]);
    assert_eq!(loaded.scenario.works[0].hours, 130.0);
}

/// A target no post can meet, under a quota that leaves no room: more posts beyond the quota
/// do not help either, so the reason is `no_gain` and there is no "beyond the quotas" note.
#[test]
fn an_impossible_target_under_a_quota_is_no_gain() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let outcome = staffplan(
        &root,
        &[
            "optimise",
            "impossible-target-under-quota.toml",
            "--runs",
            "50",
            "--format",
            "json",
            "-q",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let v: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let unmet = v["service_unmet"].as_array().unwrap();
    assert_eq!(unmet.len(), 1, "{}", outcome.stdout);
    assert_eq!(unmet[0]["reason"], "no_gain");
    assert!(
        v["service_posts_beyond_quota"].is_null(),
        "{}",
        outcome.stdout
    );
    let text = staffplan(
        &root,
        &[
            "optimise",
            "impossible-target-under-quota.toml",
            "--runs",
            "50",
            "-q",
        ],
    );
    assert!(
        !text.stdout.contains("beyond the quotas"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("NOT MET: discipline / review: on time 0.0% against a target of 99.9% (more posts stopped helping"), "{}", text.stdout);
}

/// The confidence table's header gives the level as asked: 99.9%, not 100%.
#[test]
fn a_confidence_of_999_per_mille_reads_99_9() {
    let dir = workdir("confidence-header");
    std::fs::write(dir.join("s.toml"), with_ranged_units(3)).unwrap();
    let outcome = staffplan(
        &dir,
        &[
            "optimise",
            "s.toml",
            "--confidence",
            "0.999",
            "--draws",
            "20",
            "-q",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stdout
            .contains("Confidence 99.9% (every office at once) over 20 draws"),
        "{}",
        outcome.stdout
    );
}
