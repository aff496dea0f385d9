//! One language per terminal and per pack (issue 23): every command on a Chinese scenario
//! prints Chinese (ids, the planner's names and the tool's own name stay as they are), an
//! English scenario stays English, Chinese sentences use full-width punctuation, and an
//! English court pack carries no discipline-inspection row.

use std::collections::BTreeSet;
use std::path::Path;

use super::{staffplan, workdir, Outcome};

fn shipped(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
        .display()
        .to_string()
}

/// Words of ASCII letters (digits and `_` inside a word belong to it).
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// What the scenario files supply themselves: every quoted string (ids, names, labels) and
/// table name, word by word.
fn scenario_words(files: &[&str]) -> BTreeSet<String> {
    let mut own = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(shipped(file)).unwrap();
        for line in text.lines() {
            let code = line.split('#').next().unwrap_or_default();
            for (i, part) in code.split('"').enumerate() {
                if i % 2 == 1 || code.trim_start().starts_with('[') {
                    own.extend(ascii_words(part));
                }
            }
        }
    }
    own
}

/// Words a Chinese terminal may show besides the scenario's: the tool's name and its
/// commands and flags in a hint, placeholders, the command line's folder and formula letters.
const ANY_LANGUAGE: &[&str] = &[
    "staffplan",
    "check",
    "run",
    "optimise",
    "import",
    "--out",
    "--time-limit",
    "--export-lp",
    "SCENARIO",
    "toml",
    // The folder `--out pack` names.
    "pack",
    "h",
    "H",
    "C",
    "R",
    "P",
];

/// The English words the tool wrote into `text`: paths and the scenario's own words removed.
/// The validation warnings count too: a Chinese scenario hears them in Chinese.
fn english_words(text: &str, own: &BTreeSet<String>) -> Vec<String> {
    let mut words = BTreeSet::new();
    for line in text.lines() {
        for token in line.split_whitespace() {
            // A path or a file name is the planner's (or the command line's), not a word.
            if token.contains('/') || token.contains(".toml") || token.contains(".xlsx") {
                continue;
            }
            for word in ascii_words(token) {
                let stripped = word.trim_matches('-');
                if !own.contains(&word)
                    && !own.contains(stripped)
                    && !ANY_LANGUAGE.contains(&word.as_str())
                    && !ANY_LANGUAGE.contains(&stripped)
                {
                    words.insert(word);
                }
            }
        }
    }
    words.into_iter().collect()
}

fn assert_chinese(what: &str, outcome: &Outcome, own: &BTreeSet<String>) {
    assert_eq!(outcome.code, 0, "{what}: {}", outcome.stderr);
    for (stream, text) in [("stdout", &outcome.stdout), ("stderr", &outcome.stderr)] {
        let english = english_words(text, own);
        assert!(
            english.is_empty(),
            "{what} {stream} has English words {english:?}:\n{text}"
        );
    }
}

#[test]
fn every_command_on_a_chinese_scenario_prints_chinese() {
    let dir = workdir("language-zh");
    let own = scenario_words(&["daqing-2017.toml", "daqing-2018-2022.toml"]);
    let daqing = shipped("daqing-2017.toml");
    let plan = shipped("daqing-2018-2022.toml");
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("check", vec!["check", &daqing]),
        ("analyse", vec!["analyse", &daqing]),
        ("simulate", vec!["simulate", &daqing, "--runs", "5"]),
        (
            "optimise",
            vec!["optimise", &daqing, "--runs", "5", "--time-limit", "5"],
        ),
        ("sensitivity", vec!["sensitivity", &daqing, "--draws", "20"]),
        ("plan", vec!["plan", &plan, "--runs", "5"]),
        ("run", vec!["run", &daqing, "--runs", "5", "--out", "pack"]),
        ("benchmark", vec!["benchmark", &daqing, &plan]),
        ("init", vec!["init", "starter.toml", "--lang", "zh"]),
    ];
    for (what, args) in commands {
        let outcome = staffplan(&dir, &args);
        assert_chinese(what, &outcome, &own);
        if what == "run" {
            // Today's need counts the 7,248 hours nobody does, as the summary's 31 does.
            assert!(
                outcome.stderr.contains("所需岗位数 31 → 33"),
                "{}",
                outcome.stderr
            );
            // The groups the plan opens are not done today, never idle at 0 %; the ones it
            // leaves shut are said to be closed.
            let row = |id: &str| {
                outcome
                    .stdout
                    .lines()
                    .find(|l| l.starts_with(id))
                    .unwrap_or_default()
                    .to_string()
            };
            assert!(
                row("group-park-1 ").contains("今日未开展"),
                "{}",
                outcome.stdout
            );
            assert!(
                row("group-park-3 ").contains("不设立"),
                "{}",
                outcome.stdout
            );
        }
    }
    // The test can fail: an English header is caught, a Chinese one and an id are not.
    let caught = english_words(
        "代码  机构  recommendation\ngroup-park-1  纪工委综合室",
        &own,
    );
    assert_eq!(caught, ["recommendation"]);
    // The validation warnings too: daqing's uncovered units, and a path set twice (the
    // command line's own words, `--set calendar.working_days=…`, stay as typed).
    let set = |days: &'static str| ["--set", days];
    let mut args = vec!["check", &daqing];
    args.extend(set("calendar.working_days=250"));
    args.extend(set("calendar.working_days=251"));
    let outcome = staffplan(&dir, &args);
    let mut typed = own.clone();
    typed.extend(["set", "working_days"].map(str::to_string));
    assert_chinese("check --set twice", &outcome, &typed);
    assert_eq!(
        outcome.stderr.matches("警告：").count(),
        2,
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("21 个单位没有派驻组覆盖"),
        "{}",
        outcome.stderr
    );
    let caught = english_words(
        "warning: daqing-2017.toml:382:1: [[unit]]: 21 units are covered by no dispatched group",
        &own,
    );
    assert!(caught.contains(&"warning".to_string()), "{caught:?}");
}

#[test]
fn run_names_the_report_to_open_first_and_the_headline() {
    let dir = workdir("language-run");
    let outcome = staffplan(
        &dir,
        &[
            "run",
            &shipped("court-registry.toml"),
            "--runs",
            "5",
            "--out",
            "pack",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let lines: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(lines[0], "wrote 13 files to pack");
    assert_eq!(lines[1], "open first: pack/report.html");
    assert!(
        lines[2].starts_with("staff 23 → ") && lines[2].contains(", peak utilisation "),
        "{}",
        outcome.stderr
    );
    // An English scenario stays English: not a Chinese character on either stream.
    let han =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    assert!(!outcome.stdout.chars().any(han), "{}", outcome.stdout);
    assert!(!outcome.stderr.chars().any(han), "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains("staff before"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn csv_and_json_keep_the_spec_names_whatever_the_language() {
    let dir = workdir("language-csv");
    let daqing = shipped("daqing-2017.toml");
    let csv = staffplan(&dir, &["analyse", &daqing, "--format", "csv"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(csv.stdout.starts_with(
        "id,office,staff,capacity h,required h,FTE need,utilisation,items/person,hours/person,posts needed,gap,P(wait),mean wait days,undone_hours,posts_needed_incl_undone\n"
    ), "{}", csv.stdout);
    let table = staffplan(&dir, &["analyse", &daqing]);
    assert!(
        table.stdout.contains("所需人力（折算人数）"),
        "{}",
        table.stdout
    );
}

/// The Chinese sentences of a pack: the Markdown report with every string the scenario
/// supplies (names, labels, the planner's notes) removed, so that only the tool's text is
/// left.
fn tool_text(report: &str, files: &[&str]) -> String {
    let mut own: Vec<String> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(shipped(file)).unwrap();
        for line in text.lines() {
            for (i, part) in line.split('"').enumerate() {
                if i % 2 == 1 && !part.is_empty() {
                    own.push(part.to_string());
                }
            }
        }
        for a in staffplan::scenario::annotations(&text) {
            own.push(a.comment);
        }
    }
    // A number in quotes ("2018-01") is no sentence of the planner's.
    own.retain(|s| s.chars().any(|c| !c.is_ascii_digit() && !"-.".contains(c)));
    // Longest first, so that a name is not cut by a shorter one inside it.
    own.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    let mut text = report.to_string();
    for s in own {
        text = text.replace(&s, "〇");
    }
    text
}

/// Half-width punctuation between two Chinese characters: ", " / ": " / "(" and the like.
fn half_width_in_chinese(text: &str) -> Vec<String> {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, ',' | ':' | ';' | '(' | ')') {
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
        let after = chars[i + 1..].iter().find(|c| **c != ' ').copied();
        if before.is_some_and(han) && after.is_some_and(han) {
            let from = i.saturating_sub(8);
            let to = (i + 8).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

/// The Markdown report of a quiet five-run `run` on a shipped scenario.
fn quick_report(dir: &str, scenario: &str) -> String {
    let dir = workdir(dir);
    let outcome = staffplan(
        &dir,
        &[
            "run",
            &shipped(scenario),
            "--runs",
            "5",
            "--out",
            "pack",
            "--quiet",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    std::fs::read_to_string(dir.join("pack").join("report.md")).unwrap()
}

#[test]
fn a_chinese_pack_writes_full_width_punctuation_and_no_optimiser_jargon() {
    let report = quick_report("language-pack", "daqing-2017.toml");
    // The words this task owns: no "FTE", no LP jargon, the wrapped comment joined.
    assert!(!report.contains("FTE"), "FTE is unexplained");
    assert!(!report.contains("目标值下界"));
    assert!(report.contains("对口市纪委"));
    assert!(!report.contains("对口 市纪委"));
    let text = tool_text(&report, &["daqing-2017.toml"]);
    let found = half_width_in_chinese(&text);
    assert!(
        found.is_empty(),
        "half-width punctuation in Chinese: {found:?}"
    );
    // The test can fail.
    assert_eq!(half_width_in_chinese("人数, 负荷率"), ["人数, 负荷率"]);
}

#[test]
fn an_english_court_pack_has_no_discipline_inspection_rows() {
    let report = quick_report("language-court", "court-registry.toml");
    for row in [
        "| supervised units |",
        "| party members |",
        "staff per 1,000 party members",
        "staff per supervised unit",
        "| units no group covers |",
        "plus the workload of the units covered",
    ] {
        assert!(!report.contains(row), "{row:?} in the court's report");
    }
    // What the court has stays: its staff, hours and hours per person.
    assert!(report.contains("| required hours per person |"), "{report}");
    // Formulas in words, not key names; the report is dated.
    assert!(report.contains("H = (working days − leave days − training days)"));
    assert!(!report.contains("working_days −"));
    assert!(
        report.contains("Date: 2026-11"),
        "the court report has no date"
    );
}

#[test]
fn the_terminal_writes_amounts_in_the_scenarios_currency_and_csv_plain_numbers() {
    let dir = workdir("language-currency");
    let court = shipped("court-registry.toml");
    let table = staffplan(&dir, &["optimise", &court, "--runs", "5"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    // The court pays in euros (`currency = "EUR"`): 23 staff cost 2,000,000 a year today.
    assert!(
        table.stdout.contains("cost 2000000 EUR → "),
        "{}",
        table.stdout
    );
    let csv = staffplan(
        &dir,
        &["optimise", &court, "--runs", "5", "--format", "csv"],
    );
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(!csv.stdout.contains("EUR"), "{}", csv.stdout);
    // A Chinese scenario without a currency keeps 万元.
    let daqing = staffplan(
        &dir,
        &["optimise", &shipped("daqing-2017.toml"), "--runs", "5"],
    );
    assert!(
        daqing.stdout.contains("费用 180.0万元 → "),
        "{}",
        daqing.stdout
    );
}

/// A Chinese scenario's errors are Chinese too (the file's tables, keys, ids and values quoted
/// as written), from the unknown key found first to the values checked last, and so is the
/// count; a file that does not parse still has its language read from its `language` line.
#[test]
fn a_chinese_scenario_hears_its_errors_in_chinese() {
    let zh = super::BASE.replacen(
        "name = \"Test office\"\n",
        "name = \"Test office\"\nlanguage = \"zh\"\n",
        1,
    );
    assert_ne!(zh, super::BASE);
    let broken = zh
        .replacen("hours = 20", "hours = -20", 1)
        .replacen("leaders = 1", "leaders = 1\nleadres = 2", 1)
        .replacen("share = 0.4", "share = 1.4", 1)
        .replacen("office = \"discipline\"\n", "office = \"disciplne\"\n", 1);
    let outcome = super::check("errors-zh", &broken);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "错误：s.toml:16:1：[[office]] \"discipline\"，键 `leadres`：格式中没有键 `leadres`\n  提示：是否应为 `leaders`？此处允许的键：`id`、`name`、`kind`、`staff`、`leaders`、`leader_case_share`、`min_staff`、`max_staff`、`allowed_staff`、`fixed`、`covers`、`max_units`、`optional`、`sanctioned`、`leader_posts`、`allowances`\n\
         错误：s.toml:33:10：[[work]] \"review\"，键 `office`：未知的机构 \"disciplne\"\n  提示：是否应为 \"discipline\"？现有的机构：\"discipline\"、\"group-1\"\n\
         错误：s.toml:37:37：[[work]] \"review\" 的 `next` 第 1 项，键 `share`：`share` 是比例，必须在 0 到 1 之间，现为 1.4\n  提示：请写成小数：15% 写作 0.15\n\
         错误：s.toml:43:9：[[work]] \"hearing\"，键 `hours`：`hours` 不能为负数，现为 -20\n  提示：请写 0 或正数\n\
         发现 4 个错误；未写出任何文件\n"
    );
    // The same file in English says what it always said.
    let english = super::check("errors-en", &broken.replacen("language = \"zh\"\n", "", 1));
    assert!(english.stderr.starts_with(
        "error: s.toml:15:1: [[office]] \"discipline\", key `leadres`: unknown key `leadres`\n"
    ));
    assert!(english
        .stderr
        .ends_with("\n4 errors found; nothing was written\n"));

    let syntax = super::check("syntax-zh", &zh.replacen("hours = 20", "hours = ", 1));
    assert_eq!(syntax.code, 1);
    assert!(
        syntax
            .stderr
            .starts_with("错误：s.toml:42:9：TOML 语法：此处写法有误"),
        "{}",
        syntax.stderr
    );
    assert!(syntax.stderr.ends_with("\n发现 1 个错误；未写出任何文件\n"));
}

/// A command that fails after reading a Chinese scenario says why in Chinese.
#[test]
fn a_chinese_scenario_hears_why_a_command_failed_in_chinese() {
    let dir = workdir("failure-zh");
    let outcome = staffplan(&dir, &["plan", &shipped("daqing-2017.toml"), "--quiet"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stderr,
        "错误：情景没有 `[plan]`，无从逐年规划\n  提示：请加上 `[plan]`，写明 `years = 5`（以及 `start = 2018`，即第 1 年的年份）\n"
    );
    // `init` speaks the language it is asked to write in.
    std::fs::write(dir.join("mine.toml"), "# the planner's own\n").unwrap();
    let init = staffplan(&dir, &["init", "mine.toml", "--lang", "zh"]);
    assert_eq!(
        init.stderr,
        "错误：mine.toml 已存在；staffplan 从不在已有文件上写入新的情景或模板\n  提示：请换一个文件名，或先把已有文件移走\n"
    );
    let english = staffplan(&dir, &["plan", &shipped("city-audit.toml"), "--quiet"]);
    assert!(english
        .stderr
        .starts_with("error: the scenario has no `[plan]`, so there are no years to plan\n"));
}
