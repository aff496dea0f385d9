//! Scenarios as workbooks (SPEC §15), through the binary: the round trip of every shipped
//! scenario (template --from S, then analyse, optimise and simulate of the workbook give S's
//! JSON), the import's text, and its message for each kind of bad cell.

#![allow(clippy::expect_used, clippy::panic)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use staffplan::model::Language;
use staffplan::scenario::workbook::{self, Value};

fn staffplan(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("staffplan-workbook-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Vec<PathBuf> {
    let mut scenarios: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    scenarios.sort();
    assert_eq!(scenarios.len(), 7);
    scenarios
}

/// The round trip in-process: the workbook of every shipped scenario imports to the very same
/// validated model (every field, every float bit), so analyse, optimise, simulate, plan and
/// sensitivity, which are functions of that model and the seed, give the same JSON; the binary
/// test below checks the commands' own route once.
#[test]
fn every_shipped_scenario_survives_the_round_trip() {
    for toml in shipped() {
        let original = std::fs::read_to_string(&toml).expect("scenario");
        let from_toml = staffplan::scenario::parse(&original, "s.toml").expect("valid");
        for language in [Language::En, Language::Zh] {
            let bytes = staffplan::report::template(&original, language).expect("workbook");
            let (imported, loaded) = workbook::import(&bytes, "book.xlsx", &[])
                .unwrap_or_else(|e| panic!("{}: {e:?}", toml.display()));
            if loaded.scenario != from_toml.scenario {
                let (a, b) = (
                    format!("{:#?}", from_toml.scenario),
                    format!("{:#?}", loaded.scenario),
                );
                let n = a
                    .lines()
                    .zip(b.lines())
                    .position(|(x, y)| x != y)
                    .unwrap_or(0);
                let first: Vec<_> = a.lines().skip(n.saturating_sub(30)).take(34).collect();
                let first = (first, b.lines().nth(n));
                panic!(
                    "{}: the workbook's scenario differs: {first:?}",
                    toml.display()
                );
            }
            assert_eq!(loaded.warnings.len(), from_toml.warnings.len());
            // The imported text carries every citation of the notes and each value's cell.
            let text = imported.text;
            for note in staffplan::scenario::annotations(&original) {
                let first = note.comment.split_whitespace().next().unwrap_or("");
                assert!(
                    text.contains(first),
                    "{}: the note on {} {} is lost",
                    toml.display(),
                    note.place,
                    note.key
                );
            }
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && l.contains(" = "))
            {
                assert!(line.contains("  # book.xlsx: "), "{line} names no cell");
            }
        }
    }
}

/// Through the binary: every command given a `.xlsx` reads it by the import, and gives the
/// scenario's JSON (analyse for every shipped scenario; optimise and simulate for one, as
/// the in-process test above covers the model of all).
#[test]
fn the_commands_read_a_workbook_as_its_scenario() {
    let dir = temp_dir("round-trip");
    for toml in shipped() {
        let toml = toml.to_str().expect("path");
        let book = dir.join("book.xlsx");
        let _ = std::fs::remove_file(&book);
        let made = staffplan(&["template", "book.xlsx", "--from", toml, "-q"], &dir);
        assert!(
            made.status.success(),
            "{toml}: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        let mut commands = vec![vec!["analyse"]];
        if toml.ends_with("chengdu-2016.toml") {
            commands.extend([vec!["optimise"], vec!["simulate", "--runs", "20"]]);
        }
        for command in commands {
            let run = |file: &str| {
                let mut args = command.clone();
                args.extend([file, "--format", "json", "-q"]);
                let out = staffplan(&args, &dir);
                assert!(
                    out.status.success(),
                    "{toml} {command:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                out.stdout
            };
            assert!(
                run(toml) == run("book.xlsx"),
                "{toml}: {command:?} differs between the scenario and its workbook"
            );
        }
    }
}

#[test]
fn the_import_names_each_value_cell_and_writes_it_through_the_format_writer() {
    let dir = temp_dir("import");
    let made = staffplan(&["template", "starter.xlsx", "-q"], &dir);
    assert!(made.status.success());
    let again = staffplan(&["template", "starter.xlsx", "-q"], &dir);
    assert_eq!(again.status.code(), Some(1), "template never overwrites");
    let out = staffplan(
        &["import", "starter.xlsx", "--out", "starter.toml", "-q"],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.join("starter.toml")).expect("written");
    assert!(
        text.contains("working_days = 250  # starter.xlsx: Calendar!A4\n"),
        "{text}"
    );
    assert!(
        text.contains("staff.establishment = 3  # starter.xlsx: Offices!D4\n"),
        "{text}"
    );
    let checked = staffplan(&["check", "starter.toml", "-q"], &dir);
    assert!(checked.status.success());
}

/// The template without `--from` holds one example row a sheet (the follow-up sheet none: a
/// follow-up needs a second work type; nor WISN's individual allowances, which only a WISN
/// scenario has), and untouched it imports to the example scenario, a
/// valid one whose every figure the report lists as assumed; the cells' sources are no notes.
#[test]
fn the_untouched_template_is_the_example_with_every_figure_assumed() {
    for language in [Language::En, Language::Zh] {
        let example = staffplan::starter::template_example(language);
        for sheet in workbook::sheets(example) {
            let rows = match sheet.table.as_str() {
                "work/next" | "office/allowances" => 0,
                _ => 1,
            };
            assert_eq!(sheet.rows.len(), rows, "{}", sheet.table);
        }
        let bytes = staffplan::report::template(example, language).expect("workbook");
        let (imported, loaded) = workbook::import(&bytes, "book.xlsx", &[]).expect("valid");
        let expected = staffplan::scenario::parse(example, "example.toml").expect("valid");
        assert!(loaded.scenario == expected.scenario);
        assert!(loaded.warnings.is_empty());
        let notes = staffplan::scenario::annotations(&imported.text);
        let figures = notes.iter().filter(|n| n.is_assumption()).count();
        // Calendar 5, cost, quota, target, staff, leaders, leader share, max units, members,
        // workload, hours, deadline, plan years.
        assert_eq!(figures, 17, "{notes:#?}");
        assert!(notes.iter().all(|n| !n.comment.contains("book.xlsx")));
    }
}

/// The Chinese starter's sheets with one cell changed, written as `bad.xlsx`; the import's stderr,
/// in Chinese like the workbook.
fn import_with(dir: &Path, table: &str, column: &str, row: usize, value: Value) -> String {
    let text = staffplan::starter::starter(Language::Zh);
    let mut sheets = workbook::sheets(text);
    let sheet = sheets.iter_mut().find(|s| s.table == table).expect("sheet");
    let c = sheet
        .columns
        .iter()
        .position(|col| col.path() == column)
        .expect("column");
    sheet.rows[row][c] = value;
    let bytes = staffplan::report::template_sheets(&sheets, Language::Zh).expect("workbook");
    std::fs::write(dir.join("bad.xlsx"), bytes).expect("write");
    let out = staffplan(&["import", "bad.xlsx", "--out", "never.toml"], dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("never.toml").exists(), "nothing half-written");
    String::from_utf8(out.stderr).expect("utf-8")
}

#[test]
fn a_text_where_a_number_is_expected_names_its_cell() {
    let dir = temp_dir("text");
    let err = import_with(&dir, "work", "hours", 0, Value::Text("about 4".into()));
    assert!(
        err.contains("错误：bad.xlsx: 工作!H4：工作簿：此处应填数，却是文字 \"about 4\"\n  提示：请只填数，不带单位、空格或文字"),
        "{err}"
    );
}

#[test]
fn an_unknown_id_names_its_cell_with_a_did_you_mean() {
    let dir = temp_dir("unknown");
    let err = import_with(&dir, "work", "office", 0, Value::Text("petitons".into()));
    assert!(err.contains("错误：bad.xlsx: 工作!C4："), "{err}");
    assert!(err.contains("未知的机构 \"petitons\""), "{err}");
    assert!(err.contains("是否应为 \"petitions\"？"), "{err}");
}

#[test]
fn an_empty_required_cell_names_its_row() {
    let dir = temp_dir("empty");
    let err = import_with(&dir, "office", "name", 1, Value::Empty);
    assert!(err.contains("错误：bad.xlsx: 机构!A5："), "{err}");
    assert!(err.contains("缺少 `name`"), "{err}");
}

#[test]
fn a_range_missing_a_part_names_its_cells() {
    let dir = temp_dir("range");
    let err = import_with(&dir, "work", "hours:low", 0, Value::Number(2.0));
    assert!(
        err.contains("错误：bad.xlsx: 工作!G4, 工作!H4：[[work]] \"petition\"，键 `hours`：`hours` 的区间缺少 `high`"),
        "{err}"
    );
}

/// A workbook written directly: the calendar's key row and one row of values, with `edit`
/// applied to the sheet.
fn raw_book(dir: &Path, edit: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> String {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Calendar").expect("name");
    ws.write_string(0, 0, "calendar/working_days")
        .expect("write");
    ws.write_string(0, 1, "calendar/hours_per_day")
        .expect("write");
    ws.write_number(3, 0, 250).expect("write");
    edit(ws);
    let bytes = book.save_to_buffer().expect("save");
    std::fs::write(dir.join("raw.xlsx"), strip_results(&bytes)).expect("write");
    let out = staffplan(&["import", "raw.xlsx"], dir);
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stderr).expect("utf-8")
}

/// The workbook with the cached results of its formulas taken out, as a program that writes
/// formulas without calculating them leaves it.
fn strip_results(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("part");
        let name = part.name().to_string();
        let mut text = Vec::new();
        part.read_to_end(&mut text).expect("read");
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(text).expect("xml");
            text = xml.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&text).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn a_merged_range_is_refused_with_how_to_unmerge() {
    let dir = temp_dir("merged");
    let err = raw_book(&dir, |ws| {
        ws.merge_range(4, 0, 4, 1, "8", &rust_xlsxwriter::Format::new())
            .expect("merge");
    });
    assert!(
        err.contains("raw.xlsx: Calendar!A5:B5: workbook: merged cells"),
        "{err}"
    );
    assert!(err.contains("unmerge"), "{err}");
}

#[test]
fn a_formula_without_its_value_is_refused_at_the_cell() {
    let dir = temp_dir("formula");
    let err = raw_book(&dir, |ws| {
        ws.write_formula(3, 1, rust_xlsxwriter::Formula::new("=2*4"))
            .expect("formula");
    });
    assert!(
        err.contains(
            "raw.xlsx: Calendar!B4: workbook: the cell holds a formula without a calculated value"
        ),
        "{err}"
    );
}

#[test]
fn files_that_are_no_workbook_are_refused_without_a_panic() {
    let dir = temp_dir("broken");
    let made = staffplan(&["template", "good.xlsx", "-q"], &dir);
    assert!(made.status.success());
    let bytes = std::fs::read(dir.join("good.xlsx")).expect("read");
    for (name, bytes) in [
        ("half.xlsx", bytes[..bytes.len() / 2].to_vec()),
        ("empty.xlsx", Vec::new()),
        ("text.xlsx", b"PK\x03\x04 not a zip".to_vec()),
    ] {
        std::fs::write(dir.join(name), bytes).expect("write");
        let out = staffplan(&["analyse", name], &dir);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(&format!(
                "error: {name}: workbook: not a readable .xlsx workbook"
            )),
            "{name}: {err}"
        );
    }
}

/// The calculation sheet of `run`'s tables.xlsx: its formulas' cached values are `analyse`'s
/// figures, office by office.
fn check_calculation(dir: &Path, scenario: &str, sheet: &str) {
    use calamine::{Data, Reader as _};
    let out = staffplan(
        &["run", scenario, "--out", "pack", "--runs", "10", "-q"],
        dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = staffplan(&["analyse", scenario, "--format", "json", "-q"], dir);
    let analysis: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.join("pack/tables.xlsx")).expect("tables.xlsx");
    let range = book.worksheet_range(sheet).expect("calculation sheet");
    let number = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::Float(x)) => *x,
        Some(Data::Int(n)) => *n as f64,
        other => panic!("{sheet} row {} column {c}: {other:?}", r + 1),
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    let year = analysis["year_value"].as_f64().expect("year value");
    assert!(close(number(8, 1), year), "year value");
    let offices = analysis["offices"].as_array().expect("offices");
    // The office table is the last block: one row per office, the header above it.
    let height = range.end().expect("cells").0;
    let first = height + 1 - offices.len() as u32;
    for (i, office) in offices.iter().enumerate() {
        let r = first + i as u32;
        let id = range.get_value((r, 0)).map(ToString::to_string);
        assert_eq!(id.as_deref(), office["id"].as_str());
        for (c, key) in [
            (6, "required_hours"),
            (7, "capacity_hours"),
            (8, "fte_need"),
            (9, "utilisation"),
            (10, "posts_needed"),
        ] {
            let want = office[key].as_f64().unwrap_or(0.0);
            assert!(
                close(number(r, c), want),
                "{scenario} {} {key}: {} against {want}",
                office["id"],
                number(r, c)
            );
        }
    }
}

#[test]
fn the_calculation_sheet_holds_the_analysis_as_live_formulas() {
    let dir = temp_dir("calculation");
    for (lang, sheet) in [("en", "calculation"), ("zh", "测算")] {
        let file = format!("{lang}.toml");
        let made = staffplan(&["init", &file, "--lang", lang, "-q"], &dir);
        assert!(made.status.success());
        let _ = std::fs::remove_dir_all(dir.join("pack"));
        check_calculation(&dir, &file, sheet);
    }
    let daqing = root().join("scenarios/daqing-2017.toml");
    let _ = std::fs::remove_dir_all(dir.join("pack"));
    check_calculation(&dir, daqing.to_str().expect("path"), "测算");
}

#[test]
fn a_template_never_replaces_a_file() {
    let dir = temp_dir("template-exists");
    std::fs::write(dir.join("book.xlsx"), b"the planner's own").unwrap();
    let out = staffplan(&["template", "book.xlsx"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: book.xlsx already exists; staffplan never writes a new scenario or template over a file\n  help: give another file name, or move the existing file away first\n"
    );
    assert_eq!(
        std::fs::read(dir.join("book.xlsx")).unwrap(),
        b"the planner's own"
    );
}
