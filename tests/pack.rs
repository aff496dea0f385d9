//! The proposal pack (SPEC §6) through the real binary: every file written, charts that
//! decode at the stated size with the Chinese names in them, snapshots of the report and the
//! tables, and byte-identical reruns whatever the thread count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: &[&str] = &[
    "report.md",
    "report.html",
    "report.docx",
    "tables.xlsx",
    "summary.json",
    "offices.csv",
    "allocation.csv",
    "charts/caseload_per_person.png",
    "charts/caseload_per_person.svg",
    "charts/utilisation.png",
    "charts/utilisation.svg",
    "charts/backlog.png",
    "charts/backlog.svg",
    "charts/allocation.png",
    "charts/allocation.svg",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("pack")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs staffplan from the repository root, so scenario paths read as in the README.
fn staffplan(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "staffplan {args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

fn compare_daqing(out: &Path, threads: &str) {
    staffplan(&[
        "compare",
        "scenarios/daqing-2017.toml",
        "scenarios/daqing-proposal.toml",
        "--runs",
        "40",
        "--seed",
        "7",
        "--threads",
        threads,
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
}

fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    (info.width, info.height)
}

#[test]
fn compare_writes_every_file_of_the_pack() {
    let out = out_dir("compare-files");
    compare_daqing(&out, "2");
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    for chart in [
        "caseload_per_person",
        "utilisation",
        "backlog",
        "allocation",
    ] {
        let (w, h) = png_size(&out.join(format!("charts/{chart}.png")));
        assert!(w >= 1600 && h >= 900, "{chart}.png is {w}×{h}");
    }
    // The proposal reorganises the offices: work type by work type, hours per person.
    let (w, h) = png_size(&out.join("charts/work_types.png"));
    assert!(w >= 1600 && h >= 900, "work_types.png is {w}×{h}");
    let work_types = std::fs::read_to_string(out.join("charts/work_types.svg")).unwrap();
    assert!(
        work_types.contains("基建工程审计") && work_types.contains("各类工作承担人员的人均工时")
    );
    let svg = std::fs::read_to_string(out.join("charts/caseload_per_person.svg")).unwrap();
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    for name in [
        "纪工委纪检监察室",
        "审计局",
        "基建工程审计中心",
        "派驻第一园区纪检组",
    ] {
        assert!(svg.contains(name), "the SVG lacks {name}");
        assert!(report.contains(name), "the report lacks {name}");
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["runs"], 40);
    assert_eq!(summary["before"]["analysis"]["total"]["staff"], 20);
    assert_eq!(summary["after"]["analysis"]["total"]["staff"], 40);
}

#[test]
fn snapshots_of_the_report_and_tables() {
    let out = out_dir("compare-snapshots");
    compare_daqing(&out, "2");
    for file in ["report.md", "offices.csv", "allocation.csv"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        // The CSV files start with a byte-order mark for Excel; the report does not.
        let text = match text.strip_prefix('\u{feff}') {
            Some(csv) if file.ends_with(".csv") => csv.to_string(),
            None if file.ends_with(".md") => text,
            _ => panic!("{file}: byte-order mark wrong"),
        };
        insta::assert_snapshot!(format!("daqing-compare-{file}"), text);
    }
}

#[test]
fn rerun_is_byte_identical_whatever_the_threads() {
    let (one, two) = (out_dir("rerun-1"), out_dir("rerun-2"));
    compare_daqing(&one, "1");
    compare_daqing(&two, "2");
    let work_types = ["charts/work_types.png", "charts/work_types.svg"];
    for file in FILES.iter().chain(&work_types) {
        let a = std::fs::read(one.join(file)).unwrap();
        let b = std::fs::read(two.join(file)).unwrap();
        assert!(a == b, "{file} differs between 1 and 2 threads");
    }
}

#[test]
fn zip_entries_of_docx_and_xlsx_carry_no_time() {
    // Byte-identical reruns within one second would not show a clock in the zip entries.
    for file in ["report.docx", "tables.xlsx"] {
        let path = daqing_pack().join(file);
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).unwrap();
            let time = entry
                .last_modified()
                .map(|t| (t.year(), t.month(), t.day(), t.hour()));
            assert_eq!(time, Some((1980, 1, 1, 0)), "{file}: {}", entry.name());
        }
    }
}

#[test]
fn compare_across_a_reorganisation_compares_work_types() {
    let report = std::fs::read_to_string(daqing_pack().join("report.md")).unwrap();
    // Reviews: 4295.7 h a year on both sides. Today the discipline room (4 people, 5883.4 h)
    // does them: 4 × 4295.7 / 5883.4 = 2.92 people at 5883.4 / 4 = 1470.8 h a person; in the
    // proposal the review section (5 people, 5405.7 h): 3.97 people at 1081.1 h a person.
    assert!(
        report.contains("| 纪律审查 | 4295.7 | 4295.7 | 2.92 | 3.97 | 1470.8 | 1081.1 |"),
        "{report}"
    );
    assert!(daqing_pack().join("charts/work_types.png").is_file());
}

#[test]
fn run_is_byte_identical_whatever_the_threads() {
    let (one, two) = (out_dir("run-threads-1"), out_dir("run-threads-2"));
    for (out, threads) in [(&one, "1"), (&two, "2")] {
        staffplan(&[
            "run",
            "scenarios/daqing-2017.toml",
            "--runs",
            "30",
            "--threads",
            threads,
            "--quiet",
            "--out",
            out.to_str().unwrap(),
        ]);
    }
    for file in FILES {
        let a = std::fs::read(one.join(file)).unwrap();
        let b = std::fs::read(two.join(file)).unwrap();
        assert!(a == b, "{file} differs between 1 and 2 threads");
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(one.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["optimise"]["status"], "optimal");
    // The scenario has ranges: the workbook holds their spread and the tornado, in Chinese.
    let xlsx = one.join("tables.xlsx");
    assert_sheets(&xlsx, &["所需岗位数分布", "假设影响排序"]);
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    for text in ["取低值时岗位数", "纪律审查：每件工时", "审计局"] {
        assert!(strings.contains(text), "no {text} in the workbook");
    }
}

#[test]
fn run_on_every_shipped_scenario_writes_the_pack() {
    let scenarios = root().join("scenarios");
    let mut names: Vec<String> = std::fs::read_dir(&scenarios)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        let out = out_dir(&format!("run-{name}"));
        let file = format!("scenarios/{name}");
        staffplan(&[
            "run",
            &file,
            "--runs",
            "20",
            "--quiet",
            "--out",
            out.to_str().unwrap(),
        ]);
        // A scenario without supervised units (the court) has no dispatched-group chart.
        let units = std::fs::read_to_string(scenarios.join(&name))
            .unwrap()
            .contains("[[unit]]");
        for f in FILES {
            if !units && f.starts_with("charts/allocation") {
                assert!(!out.join(f).exists(), "{name}: {f} drawn without units");
                continue;
            }
            assert!(out.join(f).is_file(), "{name}: {f} missing");
        }
        let report = std::fs::read_to_string(out.join("report.md")).unwrap();
        let text = std::fs::read_to_string(scenarios.join(&name)).unwrap();
        let loaded = staffplan::scenario::parse(&text, &name).unwrap();
        for office in &loaded.scenario.offices {
            assert!(
                report.contains(&office.name),
                "{name}: the report lacks {}",
                office.name
            );
        }
        // One language in every document of every shipped scenario, the recommendation's
        // explanations included.
        if loaded.scenario.language == staffplan::model::Language::Zh {
            for (document, text) in document_texts(&out) {
                let foreign = english_words_the_tool_wrote(&text, &[file.as_str()]);
                assert!(
                    foreign.is_empty(),
                    "{name} {document}: English words {foreign:?}"
                );
            }
        }
    }
}

/// The Daqing comparison written once for the tests that only read it.
fn daqing_pack() -> &'static Path {
    static PACK: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        let out = out_dir("compare-documents");
        compare_daqing(&out, "2");
        out
    })
}

/// One entry of a zip file (docx, xlsx) as text.
/// Every one of `sheets` is a sheet of the workbook at `path`.
fn assert_sheets(path: &Path, sheets: &[&str]) {
    let workbook = unzip(path, "xl/workbook.xml");
    for sheet in sheets {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "no sheet {sheet}"
        );
    }
}

fn unzip(path: &Path, entry: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut file = archive
        .by_name(entry)
        .unwrap_or_else(|_| panic!("{} has no {entry}", path.display()));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

fn zip_entries(path: &Path) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    archive.file_names().map(str::to_string).collect()
}

/// The text between `<open…>` and `</close>` for every such element, XML entities decoded.
fn element_texts(xml: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl>`.
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let Some(end) = body.find(close) else { break };
        out.push(decode_entities(&body[..end]));
        rest = &body[end..];
    }
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The visible text of an HTML page: no stylesheet, no tags, entities decoded (chart labels
/// inside inline SVG are visible text and stay).
fn html_text(html: &str) -> String {
    let mut text = html.to_string();
    while let (Some(a), Some(b)) = (text.find("<style>"), text.find("</style>")) {
        text.replace_range(a..b + "</style>".len(), " ");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// Words of ASCII letters (with digits and `_` inside), as a reader would see them.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                words.push(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    words
}

/// The words a scenario file itself supplies: its strings (ids, names), table names, and
/// the keys, values and notes of the figures the report quotes.
fn scenario_words(file: &str) -> std::collections::BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let mut own = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            own.push_str(line);
            own.push(' ');
        }
        for (i, part) in line.split('"').enumerate() {
            if i % 2 == 1 {
                own.push_str(part);
                own.push(' ');
            }
        }
    }
    for a in staffplan::scenario::annotations(&text) {
        own.push_str(&format!(
            " {} {} {} {} ",
            a.place, a.key, a.value, a.comment
        ));
    }
    let mut words: std::collections::BTreeSet<String> = ascii_words(&own).into_iter().collect();
    // The source is named by its path in the report.
    words.extend(ascii_words(file));
    words
}

/// Words the tool may write in any language: its name, the chart files (linked from
/// report.md), file formats and formula symbols.
const ANY_LANGUAGE: &[&str] = &[
    "staffplan",
    "charts",
    "caseload_per_person",
    "utilisation",
    "backlog",
    "allocation",
    "work_types",
    "trajectory",
    "tornado",
    "benchmark",
    "png",
    "svg",
    "SVG",
    "H",
    "C",
    "R",
    "FTE",
];

fn english_words_the_tool_wrote(text: &str, scenarios: &[&str]) -> Vec<String> {
    let mut own: std::collections::BTreeSet<String> =
        ANY_LANGUAGE.iter().map(|s| s.to_string()).collect();
    for s in scenarios {
        own.extend(scenario_words(s));
    }
    let mut foreign: Vec<String> = ascii_words(text)
        .into_iter()
        .filter(|w| !own.contains(w))
        .collect();
    foreign.sort();
    foreign.dedup();
    foreign
}

/// The text of every document of a pack: report.md, report.html, report.docx and the
/// strings and sheet names of tables.xlsx.
fn document_texts(out: &Path) -> Vec<(&'static str, String)> {
    let docx = element_texts(
        &unzip(&out.join("report.docx"), "word/document.xml"),
        "<w:t",
        "</w:t>",
    );
    let xlsx_path = out.join("tables.xlsx");
    let mut sheets = element_texts(&unzip(&xlsx_path, "xl/sharedStrings.xml"), "<t", "</t>");
    let workbook = unzip(&xlsx_path, "xl/workbook.xml");
    for part in workbook.split("<sheet ").skip(1) {
        let name = part
            .split("name=\"")
            .nth(1)
            .and_then(|s| s.split('"').next());
        sheets.push(decode_entities(name.unwrap_or_default()));
    }
    vec![
        (
            "report.md",
            std::fs::read_to_string(out.join("report.md")).unwrap(),
        ),
        (
            "report.html",
            html_text(&std::fs::read_to_string(out.join("report.html")).unwrap()),
        ),
        ("report.docx", docx.join("\n")),
        ("tables.xlsx", sheets.join("\n")),
    ]
}

#[test]
fn a_chinese_pack_holds_no_word_the_tool_wrote_in_english() {
    let out = daqing_pack();
    let scenarios = [
        "scenarios/daqing-2017.toml",
        "scenarios/daqing-proposal.toml",
    ];
    for (file, text) in document_texts(out) {
        assert!(
            text.contains("概要") || file == "tables.xlsx",
            "{file} is not the report"
        );
        let foreign = english_words_the_tool_wrote(&text, &scenarios);
        assert!(foreign.is_empty(), "{file} has English words: {foreign:?}");
    }
    // The test can fail: an English sentence is caught.
    let english = english_words_the_tool_wrote("概要: recommendation optimal", &scenarios);
    assert_eq!(english, ["optimal", "recommendation"]);
}

#[test]
fn an_english_pack_holds_no_chinese() {
    let out = out_dir("run-court-registry-language");
    staffplan(&[
        "run",
        "scenarios/court-registry.toml",
        "--runs",
        "10",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    let scenario = std::fs::read_to_string(root().join("scenarios/court-registry.toml")).unwrap();
    let cjk =
        |c: char| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    for (file, text) in document_texts(&out) {
        let foreign: String = text
            .chars()
            .filter(|&c| cjk(c) && !scenario.contains(c))
            .collect();
        assert!(
            foreign.is_empty(),
            "{file} has Chinese the tool wrote: {foreign}"
        );
        assert!(
            text.contains("Summary") || file == "tables.xlsx",
            "{file} is not the English report"
        );
    }
    // Money with separators and the scenario's currency, staff types by label.
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains(" a year"), "no yearly cost in the report");
    assert!(
        report
            .lines()
            .any(|l| l.contains(',') && l.contains("yearly cost")),
        "money without separators"
    );
    // What one more post buys, in the office's terms: the Civil Division needs 6240 h a year;
    // 6240 / 6 = 1040 h a person today, 6240 / 7 = 891 h with one more judge.
    assert!(
        report.contains(
            "One more Judge post (120,000\u{a0}EUR a year) would bring casework per person from 1040 h to 891 h"
        ),
        "{report}"
    );
    assert!(report.contains(
        "Option 1: 3 more Judge posts beyond the quota, 360,000\u{a0}EUR a year: every office within the target utilisation"
    ));
    assert!(
        !report.contains("−0.0"),
        "a post that buys nothing is still listed"
    );
}

#[test]
fn docx_is_a4_with_heading_styles_tables_charts_and_an_east_asian_font() {
    let path = daqing_pack().join("report.docx");
    let entries = zip_entries(&path);
    for entry in [
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
        "word/media/rIdImage1.png",
        "word/media/rIdImage5.png",
    ] {
        assert!(
            entries.iter().any(|e| e == entry),
            "report.docx lacks {entry}"
        );
    }
    let document = unzip(&path, "word/document.xml");
    // A4 in twips.
    assert!(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""));
    assert!(document.contains("<w:pStyle w:val=\"Title\""));
    assert!(document.contains("<w:pStyle w:val=\"Heading1\""));
    assert!(document.contains("<w:pStyle w:val=\"Heading2\""));
    let headings: Vec<&str> = document
        .split("<w:pStyle w:val=\"Heading1\"")
        .skip(1)
        .collect();
    assert!(
        headings[0].contains("1. 概要"),
        "first section is not the summary"
    );
    assert!(
        document.matches("<w:tbl>").count() >= 10,
        "too few Word tables"
    );
    assert_eq!(
        document.matches("<pic:pic").count(),
        5,
        "five charts embedded"
    );
    for name in ["纪工委纪检监察室", "基建工程审计中心", "180.0万元"] {
        assert!(document.contains(name), "report.docx lacks {name}");
    }
    let styles = unzip(&path, "word/styles.xml");
    assert!(
        styles.contains("w:eastAsia=\"SimSun\""),
        "no East-Asian body font"
    );
    assert!(styles.contains("<w:name w:val=\"heading 1\""));
    let core = unzip(&path, "docProps/core.xml");
    assert!(
        core.contains("2018-01-01T00:00:00Z"),
        "the date is not the scenario's"
    );
}

#[test]
fn xlsx_has_a_sheet_per_table_with_numbers_formats_and_a_frozen_header() {
    let path = daqing_pack().join("tables.xlsx");
    assert_sheets(
        &path,
        &[
            "各机构",
            "所需工时构成",
            "按工作类型对比",
            "派驻分配",
            "模拟结果",
        ],
    );
    let strings = unzip(&path, "xl/sharedStrings.xml");
    for header in ["负荷率(现状)", "编制(方案)", "人均工时(方案)"] {
        assert!(strings.contains(header), "no header {header}");
    }
    // The summary comes first; the offices second.
    let offices = unzip(&path, "xl/worksheets/sheet2.xml");
    assert!(
        offices.contains("<pane ySplit=\"1\""),
        "header row not frozen"
    );
    assert!(offices.contains("<cols>"), "columns not sized");
    // Staff of the audit bureau today, as a number: <c …><v>13</v></c>, not a string.
    assert!(offices.contains("<v>13</v>"), "numbers are not numbers");
    let styles = unzip(&path, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.0%\""), "no percent format");
    assert!(
        styles.contains("formatCode=\"#,##0\""),
        "no thousands separators"
    );
    let core = unzip(&path, "docProps/core.xml");
    assert!(
        core.contains("2018-01-01T00:00:00Z"),
        "the date is not the scenario's"
    );
}

#[test]
fn html_is_one_self_contained_page() {
    let html = std::fs::read_to_string(daqing_pack().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("name=\"viewport\""));
    assert!(html.contains("@page { size: A4"));
    // The four charts, and work type by work type since the proposal reorganises the offices.
    assert_eq!(html.matches("<svg").count(), 5, "five charts inline");
    // Links only within the page: the contents to their sections.
    let html = html.replace("href=\"#section-", "");
    for external in ["src=", "href=", "@import", "url(", "<script", "<link"] {
        assert!(
            !html.contains(external),
            "report.html refers elsewhere: {external}"
        );
    }
    assert!(html.contains("派驻第一园区纪检组"));
}

#[test]
fn work_types_are_matched_by_name_when_their_ids_differ() {
    // The after side renames the office and the review work; the review keeps its name.
    let dir = out_dir("work-by-name");
    std::fs::create_dir_all(&dir).unwrap();
    let before = std::fs::read_to_string(root().join("tests/cli_base.toml")).unwrap();
    let after = before
        .replace("id = \"discipline\"", "id = \"review-section\"")
        .replace("office = \"discipline\"", "office = \"review-section\"")
        .replace("id = \"review\"", "id = \"investigation\"")
        .replace(
            "staff = { establishment = 6, contract = 1 }",
            "staff = { establishment = 7, contract = 1 }",
        );
    std::fs::write(dir.join("before.toml"), &before).unwrap();
    std::fs::write(dir.join("after.toml"), &after).unwrap();
    let out = dir.join("pack");
    staffplan(&[
        "compare",
        dir.join("before.toml").to_str().unwrap(),
        dir.join("after.toml").to_str().unwrap(),
        "--runs",
        "5",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    // Reviews: 36 × 120 = 4320 h of the office's 4320 + 0.4 × 36 × 20 = 4608 h. Before, 7
    // people: 7 × 4320 / 4608 = 6.56 doing reviews, 4608 / 7 = 658.3 h a person; after, 8:
    // 7.50 people, 576.0 h a person.
    assert!(
        report.contains("| 纪律审查 | 4320.0 | 4320.0 | 6.56 | 7.50 | 658.3 | 576.0 |"),
        "{report}"
    );
}
