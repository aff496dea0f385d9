//! The documents as a reader gets them (issue 23): the Word file identifies itself (title,
//! maker and date in its properties, page numbers, the title on every page, Chinese tagged
//! zh-CN), its tables fit their content and repeat their header row on every page; the
//! HTML keeps headings with what follows and table rows whole in print; the report opens with
//! the result and ends with the sources, written in words rather than the file's syntax.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Daqing comparison, written once for the tests of this module.
fn pack() -> &'static Path {
    static PACK: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("documents/daqing");
        let _ = std::fs::remove_dir_all(&out);
        let output = Command::new(env!("CARGO_BIN_EXE_staffplan"))
            .args([
                "compare",
                "scenarios/daqing-2017.toml",
                "scenarios/daqing-proposal.toml",
                "--runs",
                "20",
                "--seed",
                "7",
                "--quiet",
                "--out",
                out.to_str().unwrap(),
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        out
    })
}

fn unzip(path: &Path, entry: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut file = archive.by_name(entry).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

fn document_xml() -> String {
    unzip(&pack().join("report.docx"), "word/document.xml")
}

/// The visible text of a piece of WordprocessingML.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in xml.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Each `<w:tbl>` of the document: its text size (half-points), column widths (twips) and
/// rows of cell texts.
fn tables(xml: &str) -> Vec<(usize, Vec<usize>, Vec<Vec<String>>)> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap();
            let size = t
                .split("<w:sz w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap()
                .parse()
                .unwrap();
            let grid = t
                .split("<w:gridCol w:w=\"")
                .skip(1)
                .map(|g| g.split('"').next().unwrap().parse().unwrap())
                .collect();
            let rows = t
                .split("<w:tr>")
                .skip(1)
                .map(|r| r.split("<w:tc>").skip(1).map(text_of).collect())
                .collect();
            (size, grid, rows)
        })
        .collect()
}

#[test]
fn every_word_table_repeats_its_header_row_and_keeps_rows_whole() {
    let xml = document_xml();
    let tables = xml.matches("<w:tbl>").count();
    assert!(tables >= 10, "only {tables} tables");
    for (i, table) in xml.split("<w:tbl>").skip(1).enumerate() {
        let first_row = table.split("</w:tr>").next().unwrap();
        assert!(
            first_row.contains("<w:tblHeader />"),
            "table {i}: the header row does not repeat"
        );
        let rows = table.split("</w:tbl>").next().unwrap();
        assert_eq!(
            rows.matches("<w:tr>").count(),
            rows.matches("<w:cantSplit />").count(),
            "table {i}: a row may split across pages"
        );
    }
}

#[test]
fn no_word_column_is_narrower_than_its_widest_number() {
    let xml = document_xml();
    let mut checked = 0;
    for (t, (size, grid, rows)) in tables(&xml).into_iter().enumerate() {
        assert_eq!(
            grid.len(),
            rows[0].len(),
            "table {t}: grid and header differ"
        );
        for row in &rows {
            for (c, cell) in row.iter().enumerate() {
                let number = !cell.is_empty()
                    && cell.chars().any(|ch| ch.is_ascii_digit())
                    && cell
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || ".,%-−+".contains(ch));
                if !number {
                    continue;
                }
                // A digit of the body font is half an em (size × 10 twips); the cell's two
                // margins are 1.5 mm (85 twips) each, 1 mm (57) in a table set smaller.
                let margin = if size < 18 { 57 } else { 85 };
                let needed = cell.chars().count() * size * 5 + 2 * margin;
                assert!(
                    grid[c] >= needed,
                    "table {t} column {c}: {} twips for \"{cell}\" ({needed} needed)",
                    grid[c]
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} numbers checked");
}

#[test]
fn the_word_file_has_page_numbers_a_header_and_its_maker() {
    let path = pack().join("report.docx");
    let footer = unzip(&path, "word/footer1.xml");
    assert!(
        footer.contains("<w:fldChar w:fldCharType=\"begin\"")
            && footer.contains("PAGE")
            && footer.contains("第 "),
        "no page number field in the footer: {footer}"
    );
    // The first section and the appendices start a new page; the cover and contents have
    // the first.
    let document = document_xml();
    let breaks: Vec<String> = document
        .split("<w:pageBreakBefore />")
        .skip(1)
        .map(|p| text_of(p.split("</w:p>").next().unwrap()))
        .collect();
    assert_eq!(breaks, ["1. 概要", "附录一　数据来源与假设"]);
    let header = unzip(&path, "word/header1.xml");
    assert!(
        header.contains("人员配置方案附件"),
        "no title in the header"
    );
    let core = unzip(&path, "docProps/core.xml");
    let maker = format!(
        "<dc:creator>staffplan {}</dc:creator>",
        env!("CARGO_PKG_VERSION")
    );
    assert!(core.contains(&maker), "{core}");
    assert!(!core.contains("unknown"), "{core}");
    assert!(
        core.contains("<dc:title>人员配置方案附件：大庆高新区"),
        "{core}"
    );
    assert!(core.contains("2018-01-01T00:00:00Z"));
}

#[test]
fn chinese_runs_are_tagged_zh_cn() {
    let xml = document_xml();
    let mut chinese = 0;
    for run in xml.split("<w:r>").skip(1) {
        let run = run.split("</w:r>").next().unwrap();
        if !text_of(run)
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            continue;
        }
        chinese += 1;
        assert!(
            run.contains("w:eastAsia=\"zh-CN\""),
            "a Chinese run without its language: {run}"
        );
    }
    assert!(chinese > 500, "only {chinese} Chinese runs");
    let styles = unzip(&pack().join("report.docx"), "word/styles.xml");
    let defaults = styles.split("<w:rPrDefault>").nth(1).unwrap();
    let defaults = defaults.split("</w:rPrDefault>").next().unwrap();
    assert!(defaults.contains("w:eastAsia=\"zh-CN\""), "{defaults}");
}

#[test]
fn the_cover_names_the_files_the_tool_and_the_seed_in_words_and_the_sign_off() {
    let report = std::fs::read_to_string(pack().join("report.md")).unwrap();
    let cover: String = report.split("## ").next().unwrap().to_string();
    assert!(
        cover.contains("情景文件：daqing-2017.toml → daqing-proposal.toml"),
        "{cover}"
    );
    assert!(!cover.contains("scenarios/"), "the path as given: {cover}");
    assert!(cover.contains("日期：2018-01"), "{cover}");
    assert!(
        cover.contains(&format!("由 staffplan {} 生成", env!("CARGO_PKG_VERSION"))),
        "{cover}"
    );
    assert!(
        cover.contains("随机数种子 7：20 个模拟年度所用随机数的起点"),
        "{cover}"
    );
    assert!(cover.contains("| 编制单位 | 审核 | 日期 |"), "{cover}");
    assert!(cover.contains("**目录**"), "{cover}");
}

#[test]
fn the_result_comes_first_and_the_sources_last() {
    let report = std::fs::read_to_string(pack().join("report.md")).unwrap();
    let sections: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    assert_eq!(
        sections,
        [
            "1. 概要",
            "2. 测算方法概述",
            "3. 各机构现状与方案对比",
            "4. 建议调整",
            "5. 被监督单位的派驻分配",
            "6. 模拟结果",
            "7. 图表",
            "附录一　数据来源与假设",
            "附录二　方法说明",
        ]
    );
    // The key assumptions are a short list near the top: the calendar and the work types
    // with more than a tenth of the hours (review 31 %, finance 19 %, …), one line each.
    let key = report.split("### 主要假设").nth(1).unwrap();
    let key = key.split("## ").next().unwrap();
    let lines: Vec<&str> = key.lines().filter(|l| l.starts_with("- ")).collect();
    assert!((2..=8).contains(&lines.len()), "{key}");
    assert!(lines[0].starts_with("- **工作日历**"), "{key}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("**工作 “基建工程审计”**（占所需工时 ")),
        "{key}"
    );
    // The sources are written in words, not in the file's syntax.
    let sources = report.split("## 附录一").last().unwrap();
    assert!(!sources.contains("[[office]]"), "TOML place in the sources");
    assert!(
        !sources.contains("allowed_staff ="),
        "TOML key in the sources"
    );
    assert!(
        sources.contains("机构 “纪工委纪检监察室”"),
        "no office by name"
    );
}

#[test]
fn the_service_section_gives_each_work_type_its_lead_time_and_says_why_once() {
    let report = std::fs::read_to_string(pack().join("report.md")).unwrap();
    let lead = |work: &str| -> String {
        let row = report
            .lines()
            .find(|l| l.starts_with("| 纪工委纪检监察室 | ") && l.contains(&format!("| {work} |")))
            .unwrap_or_else(|| panic!("no service row for {work}"));
        row.split(" | ").nth(3).unwrap().to_string()
    };
    let (review, trial) = (lead("纪律审查"), lead("案件审理"));
    assert!(
        review.ends_with("/ 62") && trial.ends_with("/ 21"),
        "{review} {trial}"
    );
    assert_ne!(
        review.split(" / ").next(),
        trial.split(" / ").next(),
        "the office's lead time repeated on each work type"
    );
    assert_eq!(report.matches("模拟负荷率为何低于分析结果").count(), 1);
    // No office of Daqing today has all one-person work: no Erlang C column of dashes; the
    // proposal's intake section has, and its column stays.
    let (today, proposal) = report.split_once("### 服务水平（方案）").unwrap();
    let today = today.split("### 服务水平（现状）").nth(1).unwrap();
    assert!(!today.contains("爱尔朗C公式"), "{today}");
    assert!(proposal.contains("| 爱尔朗C公式：等待概率，平均等待天数 |"));
    assert!(proposal.contains("| 党风政风宣教和信访科 | 信访举报受理 |"));
}

#[test]
fn the_html_prints_headings_with_their_text_and_tables_whole() {
    let html = std::fs::read_to_string(pack().join("report.html")).unwrap();
    let print = html.split("@media print").nth(1).unwrap();
    for rule in [
        "h1, h2, h3 { break-after: avoid;",
        "thead { display: table-header-group; }",
        "tr, figure, blockquote { break-inside: avoid;",
    ] {
        assert!(print.contains(rule), "print stylesheet lacks {rule}");
    }
    // Wide tables scroll inside their own box; charts keep a readable width on a phone.
    assert!(html.contains(".table { overflow-x: auto;"));
    assert!(html.contains("figure svg { width: 100%; min-width: 40rem;"));
    assert!(html.contains(" class=\"appendix\">附录一　数据来源与假设</h2>"));
    assert!(print.contains("h2.appendix { break-before: page;"));
    // Money is a number: right-aligned.
    assert!(html.contains("<td class=\"n\">180.0万元</td>"));
}

#[test]
fn each_work_type_has_its_own_lead_time_not_the_offices() {
    use crate::common::{scenario, CALENDAR};
    use staffplan::simulate::{self, SimOptions};
    // Twenty people and 800 hours of work a year: an item never waits for a team, so its
    // lead time is its effort over one person's 8 hours a day, exactly: a 1-day item and a
    // 5-day item. The office's p90 over both (50 short, 10 long) is 5 days in most years (1
    // where fewer than a tenth of the year's items were long); the short work's own is 1.
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "desk"
staff = {{ regular = 20 }}
[[work]]
id = "short"
name = "short"
office = "desk"
volume = 50
hours = 8
cv = 0
deadline_days = 5
[[work]]
id = "long"
name = "long"
office = "desk"
volume = 10
hours = 40
cv = 0
deadline_days = 20
"#
    ));
    let options = SimOptions {
        runs: 20,
        seed: 3,
        days: Some(250),
        threads: Some(2),
        warmup: simulate::Warmup::Days(0),
    };
    let sim = simulate::simulate(&s, &options, &|_| {}).unwrap();
    let desk = &sim.offices[0];
    let lead = |id: &str| {
        let work = desk.on_time_by_work.iter().find(|w| w.work == id).unwrap();
        work.lead_days_p90
    };
    let (short, long) = (lead("short"), lead("long"));
    for (band, days) in [(&short, 1.0), (&long, 5.0)] {
        for value in [band.mean, band.p5, band.p95] {
            assert!((value - days).abs() < 1e-9, "{band:?} is not {days}");
        }
    }
    let office = &desk.lead_days_p90;
    assert!(
        (office.p95 - 5.0).abs() < 1e-9 && office.mean > 3.0,
        "{office:?}"
    );
}

#[test]
fn figure_captions_number_the_figures_and_give_the_source_not_the_title() {
    let text = text_of(&document_xml());
    let captions: Vec<&str> = text
        .split('图')
        .skip(1)
        .filter(|c| c.contains("数据来源："))
        .collect();
    assert!(captions.len() >= 4, "{captions:?}");
    // The figures in the order of the charts section: only the backlog is simulated.
    for (n, caption) in captions.iter().enumerate() {
        let runs = if n == 2 { "；模拟20个年度" } else { "" };
        let expected = format!(
            "{}　数据来源：daqing-2017.toml → daqing-proposal.toml{runs}；2018-01。",
            n + 1
        );
        assert!(caption.starts_with(&expected), "{caption}");
    }
    // No caption repeats a chart's title.
    let w = staffplan::report::words::words(staffplan::model::Language::Zh);
    for title in [w.chart_utilisation, w.chart_caseload, w.chart_backlog] {
        assert!(!captions.iter().any(|c| c.contains(title)), "{title}");
    }
}

#[test]
fn the_word_contents_are_a_field_word_fills_with_page_numbers() {
    let xml = document_xml();
    let begin = xml
        .find(r#"<w:fldChar w:fldCharType="begin" w:dirty="true" /><w:instrText>TOC \o &quot;1-3&quot; \h</w:instrText>"#)
        .expect("a TOC field, dirty");
    let end = begin + xml[begin..].find(r#"w:fldCharType="end""#).unwrap();
    // Pre-filled with every section heading, in order, so the file reads right unopened.
    let entries = text_of(&xml[begin..end]);
    let headings: Vec<String> = xml
        .split(r#"<w:pStyle w:val="Heading1" />"#)
        .skip(1)
        .map(|p| text_of(&p[..p.find("</w:p>").unwrap()]))
        .collect();
    assert!(headings.len() >= 8, "{headings:?}");
    let mut rest = entries.as_str();
    for heading in &headings {
        let at = rest
            .find(heading.as_str())
            .unwrap_or_else(|| panic!("{heading} in {entries}"));
        rest = &rest[at + heading.len()..];
    }
    assert!(rest.contains("更新域"), "{rest}");
    // Word updates fields on opening; the schema wants the setting before `compat`.
    let settings = unzip(&pack().join("report.docx"), "word/settings.xml");
    let update = settings.find(r#"<w:updateFields w:val="true" />"#).unwrap();
    assert!(update < settings.find("<w:compat>").unwrap());
}

#[test]
fn the_html_contents_link_to_their_sections() {
    let html = std::fs::read_to_string(pack().join("report.html")).unwrap();
    let links: Vec<&str> = html
        .split("<li><a href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    // One link per numbered section and appendix, each to a heading that carries its id.
    assert!(links.len() >= 9, "{links:?}");
    assert_eq!(links[0], "section-1");
    for id in &links {
        assert!(
            html.contains(&format!("<h2 id=\"{id}\"")),
            "no heading {id}"
        );
    }
    assert!(html.contains("<h2 id=\"section-1\">1. 概要</h2>"));
}
