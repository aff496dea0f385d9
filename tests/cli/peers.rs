//! Drives the real `staffplan` binary through the commands of SPEC §12: `benchmark` (its
//! stdout, files and Chinese chart labels), `init` (a starter that passes `check` and `run`,
//! and never overwrites) and `completions`, and the example line of every `--help`.

use std::path::Path;

use std::process::Command;

use super::{staffplan, workdir};

fn shipped(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
        .display()
        .to_string()
}

/// 6 staff, 3 units, 400 members (u3 states none); required hours 1125 (see tests/benchmark.rs).
const ZONE: &str = include_str!("../fixtures/zone.toml");

/// 3 staff, no units, no members; 60 petitions (by name), 15 leads (by id); 390 hours.
const OFFICE: &str = include_str!("../fixtures/office.toml");

#[test]
fn benchmark_prints_json_and_writes_its_files() {
    let dir = workdir("benchmark-json");
    std::fs::write(dir.join("zone.toml"), ZONE).unwrap();
    std::fs::write(dir.join("office.toml"), OFFICE).unwrap();
    let outcome = staffplan(
        &dir,
        &["benchmark", "zone.toml", "office.toml", "--format", "json"],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "wrote 3 files to output/benchmark\n");
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let zone = &json["scenarios"][0];
    assert_eq!(zone["file"], "zone.toml");
    assert_eq!(zone["name"], "Zone");
    assert_eq!(zone["staff"], 6);
    assert_eq!(zone["units"], 3);
    assert_eq!(zone["members"], 400);
    assert_eq!(zone["required_hours"], 1125.0);
    assert_eq!(zone["posts_needed"], 2);
    assert_eq!(zone["staff_per_unit"], 2.0);
    assert_eq!(zone["staff_per_1000_members"], 15.0);
    assert_eq!(zone["hours_per_person"], 187.5);
    assert_eq!(zone["uncovered_units"], 0);
    let office = &json["scenarios"][1];
    assert!(office["members"].is_null());
    assert!(office["staff_per_unit"].is_null());
    assert!(office["staff_per_1000_members"].is_null());
    assert_eq!(office["hours_per_person"], 130.0);
    assert_eq!(office["work"][0]["items_per_person"], 20.0);

    let out = dir.join("output").join("benchmark");
    let csv = std::fs::read_to_string(out.join("benchmark.csv")).unwrap();
    assert_eq!(
        csv,
        "file,name,staff,units,members,required_hours,fte_need,posts_needed,staff_per_unit,staff_per_1000_members,hours_per_person,uncovered_units,units_with_members,uncovered_hours,items_per_person.petition,items_per_person.lead\n\
         zone.toml,Zone,6,3,400,1125,0.704005006,2,2,15,187.5,0,2,0,17.5,8.75\n\
         office.toml,Office,3,0,,390,0.244055069,1,,,130,0,0,0,20,5\n"
    );
    let png = std::fs::read(out.join("charts").join("benchmark.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(out.join("charts").join("benchmark.svg")).unwrap();
    assert!(svg.contains("staff per supervised unit"));
    assert!(svg.contains("Petition: items a year per person"));
    assert_eq!(
        svg.matches("\nno data\n").count(),
        2,
        "each null is labelled, not drawn as 0"
    );
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn benchmark_csv_and_table_on_stdout() {
    let dir = workdir("benchmark-csv");
    std::fs::write(dir.join("zone.toml"), ZONE).unwrap();
    std::fs::write(dir.join("office.toml"), OFFICE).unwrap();
    let outcome = staffplan(
        &dir,
        &[
            "benchmark",
            "zone.toml",
            "office.toml",
            "--format",
            "csv",
            "--out",
            "peers",
            "--quiet",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    assert_eq!(
        outcome.stdout,
        "file,organisation,staff,units,members,required h,FTE need,posts needed,staff/unit,staff/1000 members,hours/person,uncovered units\n\
         zone.toml,Zone,6,3,400,1125,0.704005006,2,2,15,187.5,0\n\
         office.toml,Office,3,0,,390,0.244055069,1,,,130,0\n"
    );
    assert!(dir.join("peers").join("benchmark.csv").is_file());
    let table = staffplan(&dir, &["benchmark", "zone.toml", "office.toml", "-q"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.lines().any(|l| l.starts_with("office.toml")
        && l.split_whitespace().collect::<Vec<_>>()
            == [
                "office.toml",
                "Office",
                "3",
                "0",
                "–",
                "390.0",
                "0.24",
                "1",
                "–",
                "–",
                "130.0",
                "0"
            ]));
}

#[test]
fn benchmark_of_the_shipped_zones_has_chinese_labels() {
    let dir = workdir("benchmark-zh");
    let outcome = staffplan(
        &dir,
        &[
            "benchmark",
            &shipped("daqing-2017.toml"),
            &shipped("daqing-proposal.toml"),
            &shipped("chengdu-2016.toml"),
            "--format",
            "json",
            "--quiet",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let staff: Vec<i64> = (0..3)
        .map(|i| json["scenarios"][i]["staff"].as_i64().unwrap())
        .collect();
    assert_eq!(staff, [20, 40, 48]);
    assert_eq!(json["scenarios"][0]["uncovered_units"], 21);
    assert_eq!(json["scenarios"][0]["members"], 3950);
    assert!(json["scenarios"][2]["staff_per_1000_members"].is_null());
    let svg = std::fs::read_to_string(dir.join("output/benchmark/charts/benchmark.svg")).unwrap();
    for label in [
        "对标比较：各项比率",
        "每个被监督单位的人数",
        "每千名党员的人数",
        "人均所需工时",
        "信访举报受理：人均每年件数",
        "成都高新区纪工委(2016)",
        "无数据",
    ] {
        assert!(svg.contains(label), "{label} is not in the SVG");
    }
}

#[test]
fn benchmark_needs_two_files() {
    let dir = workdir("benchmark-one");
    std::fs::write(dir.join("zone.toml"), ZONE).unwrap();
    let outcome = staffplan(&dir, &["benchmark", "zone.toml"]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(!dir.join("output").exists());
}

#[test]
fn benchmark_with_a_bad_scenario_writes_nothing() {
    let dir = workdir("benchmark-bad");
    std::fs::write(dir.join("zone.toml"), ZONE).unwrap();
    std::fs::write(
        dir.join("bad.toml"),
        ZONE.replace("hours = 10", "hours = -1"),
    )
    .unwrap();
    let outcome = staffplan(&dir, &["benchmark", "zone.toml", "bad.toml"]);
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.contains("bad.toml:"), "{}", outcome.stderr);
    assert!(!dir.join("output").exists());
}

/// `init FILE --lang LANG`, then `check` and `run` on what it wrote.
fn init_then_check_and_run(test: &str, lang: &str, name: &str) {
    let dir = workdir(test);
    let outcome = staffplan(&dir, &["init", "starter.toml", "--lang", lang]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stdout, "");
    let said = if lang == "zh" {
        "已写入示例情景：starter.toml\n  下一步：staffplan check starter.toml，然后 staffplan run starter.toml\n"
    } else {
        "wrote a starter scenario to starter.toml\n  next: staffplan check starter.toml, then staffplan run starter.toml\n"
    };
    assert_eq!(outcome.stderr, said);
    let text = std::fs::read_to_string(dir.join("starter.toml")).unwrap();
    assert!(text.contains(&format!("name = \"{name}\"")), "{text}");
    assert!(text.contains(&format!("language = \"{lang}\"")));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["starter.toml"], "no temporary file is left behind");

    // Valid and without warnings: two sections, one dispatched group covering every unit.
    let check = staffplan(&dir, &["check", "starter.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(check.stderr, "");
    let items = if lang == "zh" {
        [
            ("内设机构", "2"),
            ("派驻纪检组", "1"),
            ("被监督单位", "3"),
            ("已由派驻组覆盖", "3"),
            ("工作类型", "4"),
            ("警告", "0"),
        ]
    } else {
        [
            ("section", "2"),
            ("dispatched_group", "1"),
            ("units", "3"),
            ("covered by a group", "3"),
            ("work types", "4"),
            ("warnings", "0"),
        ]
    };
    for (item, value) in items {
        assert!(
            check
                .stdout
                .lines()
                .any(|l| l.trim_start().starts_with(item) && l.ends_with(&format!(" {value}"))),
            "{item} {value} not in\n{}",
            check.stdout
        );
    }
    let run = staffplan(
        &dir,
        &["run", "starter.toml", "--runs", "40", "--out", "pack"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = std::fs::read_to_string(dir.join("pack").join("report.md")).unwrap();
    assert!(report.contains(name));
}

#[test]
fn init_in_english_passes_check_and_run() {
    init_then_check_and_run("init-en", "en", "Example commission, 2025");
}

#[test]
fn init_in_chinese_passes_check_and_run() {
    init_then_check_and_run("init-zh", "zh", "示例纪工委(2025)");
}

#[test]
fn init_defaults_to_english() {
    let dir = workdir("init-default");
    let outcome = staffplan(&dir, &["init", "s.toml", "--quiet"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    let text = std::fs::read_to_string(dir.join("s.toml")).unwrap();
    assert!(text.contains("language = \"en\""));
}

#[test]
fn init_never_overwrites() {
    let dir = workdir("init-exists");
    std::fs::write(dir.join("mine.toml"), "# my own work\n").unwrap();
    // In English by default (`--lang zh` refuses in Chinese: `cli::language`).
    let outcome = staffplan(&dir, &["init", "mine.toml"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: mine.toml already exists; staffplan never writes a new scenario or template over a file\n  help: give another file name, or move the existing file away first\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("mine.toml")).unwrap(),
        "# my own work\n"
    );
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["mine.toml"]);
}

#[test]
fn init_into_a_missing_folder_says_so() {
    let dir = workdir("init-no-folder");
    let outcome = staffplan(&dir, &["init", "missing/s.toml"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "error: cannot create missing/s.toml: No such file or directory (os error 2)\n  help: check that the folder exists and that you may write to it\n"
    );
}

#[test]
fn init_with_an_unknown_language_is_a_bad_command_line() {
    let dir = workdir("init-bad-lang");
    let outcome = staffplan(&dir, &["init", "s.toml", "--lang", "fr"]);
    assert_eq!(outcome.code, 2);
    assert!(!dir.join("s.toml").exists());
}

#[test]
fn every_shell_gets_a_completion_script() {
    let dir = workdir("completions");
    for (shell, marker) in [
        ("bash", "complete -F _staffplan"),
        ("zsh", "#compdef staffplan"),
        ("fish", "complete -c staffplan"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName 'staffplan'",
        ),
        ("elvish", "set edit:completion:arg-completer[staffplan]"),
    ] {
        let outcome = staffplan(&dir, &["completions", shell]);
        assert_eq!(outcome.code, 0, "{shell}: {}", outcome.stderr);
        assert!(outcome.stdout.contains(marker), "{shell}: no {marker}");
        for command in ["benchmark", "init", "completions", "analyse"] {
            assert!(outcome.stdout.contains(command), "{shell}: no {command}");
        }
        if shell == "bash" {
            let script = dir.join("staffplan.bash");
            std::fs::write(&script, &outcome.stdout).unwrap();
            let parsed = Command::new("bash")
                .arg("-n")
                .arg(&script)
                .output()
                .unwrap();
            assert!(
                parsed.status.success(),
                "{}",
                String::from_utf8_lossy(&parsed.stderr)
            );
        }
    }
    assert_eq!(staffplan(&dir, &["completions", "tcsh"]).code, 2);
}

#[test]
fn every_command_help_has_an_example_and_the_main_help_points_to_init() {
    let dir = workdir("help");
    let main = staffplan(&dir, &["--help"]);
    assert_eq!(main.code, 0);
    assert!(
        main.stdout
            .contains("New to staffplan? Start from a commented scenario that runs as it is:\n  staffplan init my-scenario.toml"),
        "{}",
        main.stdout
    );
    // The commands listed by `--help`, from its "Commands:" section.
    let commands: Vec<String> = main
        .stdout
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 10, "{commands:?}");
    for command in &commands {
        let help = staffplan(&dir, &[command, "--help"]);
        assert_eq!(help.code, 0, "{command}");
        let example = format!("\n  staffplan {command} ");
        assert!(
            help.stdout.contains("Example:\n") || help.stdout.contains("Examples:\n"),
            "{command} --help has no example:\n{}",
            help.stdout
        );
        assert!(
            help.stdout.contains(&example),
            "{command} --help has no example line:\n{}",
            help.stdout
        );
    }
}

#[test]
fn readme_benchmark_table_is_what_the_tool_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = workdir("benchmark-readme");
    let outcome = staffplan(
        root,
        &[
            "benchmark",
            "scenarios/daqing-2017.toml",
            "scenarios/daqing-proposal.toml",
            "scenarios/chengdu-2016.toml",
            "--quiet",
            "--out",
            &out.display().to_string(),
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let readme = include_str!("../../README.md");
    let rows: Vec<&str> = outcome
        .stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty() && !l.starts_with("每单位人数 ="))
        .collect();
    assert_eq!(rows.len(), 5, "{}", outcome.stdout);
    for row in rows {
        assert!(readme.contains(row), "README lacks the line\n{row}");
    }
}
