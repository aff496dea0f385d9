//! The workbook and the charts of a pack as a reader sees them, read back from the files:
//! the summary sheet first, years without a thousands separator, a band as two numbers, print
//! setup on every sheet, and nothing drawn or tabled for what a scenario lacks (a court has no
//! supervised units: no allocation sheet, units column or dispatched-group chart).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The pack of `run` on a shipped scenario, made once per test binary.
fn pack(scenario: &str) -> PathBuf {
    let out = std::env::temp_dir().join(format!(
        "staffplan-tables-{}-{scenario}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(["run", &format!("scenarios/{scenario}.toml"), "--runs", "10"])
        .args(["--quiet", "--out", out.to_str().unwrap()])
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success(), "run {scenario}");
    out
}

fn daqing() -> &'static Path {
    static PACK: OnceLock<PathBuf> = OnceLock::new();
    PACK.get_or_init(|| pack("daqing-2017"))
}

fn plan() -> &'static Path {
    static PACK: OnceLock<PathBuf> = OnceLock::new();
    PACK.get_or_init(|| pack("daqing-2018-2022"))
}

fn court() -> &'static Path {
    static PACK: OnceLock<PathBuf> = OnceLock::new();
    PACK.get_or_init(|| pack("court-registry"))
}

fn unzip(path: &Path, entry: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(entry)
        .unwrap_or_else(|_| panic!("{} has no {entry}", path.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The value of `name="…"` in an XML tag (its text after the element's name).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = if tag.starts_with(&key) {
        key.len()
    } else {
        tag.find(&format!(" {key}"))? + key.len() + 1
    };
    tag[start..].split('"').next()
}

/// The texts of an SVG chart (plotters writes each on its own line).
fn svg_texts(path: &Path) -> Vec<String> {
    let svg = std::fs::read_to_string(path).unwrap();
    svg.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('<') && !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The sheets of a workbook in order: (name, its XML).
fn sheets(xlsx: &Path) -> Vec<(String, String)> {
    let workbook = unzip(xlsx, "xl/workbook.xml");
    workbook
        .split("<sheet ")
        .skip(1)
        .enumerate()
        .map(|(i, tag)| {
            let name = attribute(tag, "name").unwrap().replace("&amp;", "&");
            (
                name,
                unzip(xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1)),
            )
        })
        .collect()
}

/// The number format of each cell style index (`s="…"`) of the workbook.
fn cell_formats(xlsx: &Path) -> Vec<String> {
    let styles = unzip(xlsx, "xl/styles.xml");
    let mut codes: BTreeMap<String, String> = BTreeMap::new();
    codes.insert("0".into(), "General".into());
    codes.insert("3".into(), "#,##0".into());
    for tag in styles.split("<numFmt ").skip(1) {
        codes.insert(
            attribute(tag, "numFmtId").unwrap().to_string(),
            attribute(tag, "formatCode").unwrap().to_string(),
        );
    }
    let xfs = styles.split("<cellXfs").nth(1).unwrap();
    let xfs = xfs.split("</cellXfs>").next().unwrap();
    xfs.split("<xf ")
        .skip(1)
        .map(|tag| {
            let id = attribute(tag, "numFmtId").unwrap_or("0");
            codes
                .get(id)
                .cloned()
                .unwrap_or_else(|| format!("builtin {id}"))
        })
        .collect()
}

/// The cell `reference` of a sheet's XML: its style index, type and value.
fn cell(sheet: &str, reference: &str) -> (usize, Option<String>, String) {
    let at = sheet
        .find(&format!("<c r=\"{reference}\""))
        .unwrap_or_else(|| panic!("no cell {reference}"));
    let tag = &sheet[at..];
    let end = tag.find("</c>").unwrap_or(tag.len());
    let tag = &tag[..end];
    let head = tag.split('>').next().unwrap();
    let style = attribute(head, "s").map_or(0, |s| s.parse().unwrap());
    let kind = attribute(head, "t").map(str::to_string);
    let value = tag.split("<v>").nth(1).map_or(String::new(), |v| {
        v.split("</v>").next().unwrap().to_string()
    });
    (style, kind, value)
}

#[test]
fn the_summary_sheet_comes_first_with_the_request_and_the_headline() {
    let xlsx = daqing().join("tables.xlsx");
    let names: Vec<String> = sheets(&xlsx).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names[0], "概要", "{names:?}");
    for sheet in ["各机构", "派驻分配", "服务水平", "假设", "测算"] {
        assert!(
            names.iter().any(|n| n == sheet),
            "no sheet {sheet}: {names:?}"
        );
    }
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    // The request's table and the headline rows are on it, in the scenario's words.
    for text in [
        "申请事项",
        "核定编制",
        "所需岗位数",
        "最高负荷率",
        "随机种子",
    ] {
        assert!(strings.contains(text), "the summary lacks {text}");
    }
}

#[test]
fn every_sheet_prints_one_page_wide_on_a4_with_its_header_row_repeated() {
    for pack in [daqing(), court()] {
        let xlsx = pack.join("tables.xlsx");
        let workbook = unzip(&xlsx, "xl/workbook.xml");
        let sheets = sheets(&xlsx);
        for (i, (name, xml)) in sheets.iter().enumerate() {
            assert!(
                xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
                "{name}: no fit to page"
            );
            let setup = xml.split("<pageSetup ").nth(1).expect("page setup");
            assert_eq!(attribute(setup, "paperSize"), Some("9"), "{name}: not A4");
            // As tall as it takes, except the summary, which is one page.
            let tall = if i == 0 { "1" } else { "0" };
            // (1 is the format's default, not written.)
            let height = attribute(setup, "fitToHeight").unwrap_or("1");
            assert_eq!(height, tall, "{name}");
            assert!(xml.contains("<oddFooter>"), "{name}: no page numbers");
            assert!(xml.contains("&amp;P / &amp;N"), "{name}: no page numbers");
        }
        // Every sheet of one table (its header frozen) repeats the header row on each page.
        let tables = sheets
            .iter()
            .filter(|(_, xml)| xml.contains("<pane "))
            .count();
        assert!(tables >= 4, "{tables}");
        let titles = workbook.matches("!$1:$1</definedName>").count();
        assert_eq!(titles, tables, "print titles");
        // The offices sheet is wide: landscape.
        let offices = &sheets[1].1;
        assert!(offices.contains("orientation=\"landscape\""));
    }
}

#[test]
fn years_print_as_written_and_a_band_is_two_numbers() {
    let xlsx = plan().join("tables.xlsx");
    let formats = cell_formats(&xlsx);
    let (_, plan_sheet) = sheets(&xlsx)
        .into_iter()
        .find(|(n, _)| n == "多年度人员规划")
        .expect("the plan's sheet");
    // Row 2 is the first year: 2018, a number, in a format without a thousands separator.
    let (style, kind, value) = cell(&plan_sheet, "A2");
    assert_eq!((kind.as_deref(), value.as_str()), (None, "2018"));
    assert!(
        !formats[style].contains(','),
        "the year prints as {}",
        formats[style]
    );
    // The staff band: the 5th and the 95th percentile, two numbers in G and H, p5 ≤ p95.
    let (_, kind_low, low) = cell(&plan_sheet, "G2");
    let (_, kind_high, high) = cell(&plan_sheet, "H2");
    assert_eq!((kind_low, kind_high), (None, None), "band cells are text");
    let (low, high): (f64, f64) = (low.parse().unwrap(), high.parse().unwrap());
    assert!(low <= high && low > 10.0, "{low} {high}");
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    assert!(!strings.contains(&format!("{low:.0}–{high:.0}")));
    // Line numbers of the assumptions print as written too.
    let (_, assumptions) = sheets(&xlsx)
        .into_iter()
        .find(|(n, _)| n == "假设")
        .expect("assumptions");
    let (style, _, line) = (1..400)
        .map(|r| format!("A{r}"))
        .filter(|r| assumptions.contains(&format!("<c r=\"{r}\"")))
        .map(|r| cell(&assumptions, &r))
        .find(|(_, kind, _)| kind.is_none())
        .expect("a line number");
    assert!(line.parse::<u32>().is_ok(), "{line}");
    assert!(!formats[style].contains(','), "{}", formats[style]);
}

#[test]
fn a_court_pack_has_no_allocation_sheet_units_column_or_group_chart() {
    let out = court();
    let xlsx = out.join("tables.xlsx");
    let names: Vec<String> = sheets(&xlsx).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names[0], "summary", "{names:?}");
    assert!(!names.iter().any(|n| n == "allocation"), "{names:?}");
    assert!(names.iter().any(|n| n == "service levels"), "{names:?}");
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    assert!(!strings.contains("units before"), "a units column");
    assert!(!out.join("charts/allocation.png").exists());
    assert!(!out.join("charts/allocation.svg").exists());
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(!report.contains("charts/allocation.png"));
    // The Daqing pack, with units, keeps both.
    assert!(daqing().join("charts/allocation.png").exists());
}

#[test]
fn charts_name_closed_groups_the_bands_overlap_and_write_no_caption_twice() {
    let out = daqing();
    // The optimiser leaves 派驻第三园区纪检组 and 派驻第三区属企业纪检组 closed.
    for chart in ["utilisation", "caseload_per_person"] {
        let texts = svg_texts(&out.join(format!("charts/{chart}.svg")));
        assert_eq!(
            texts.iter().filter(|t| *t == "不设立").count(),
            2,
            "{chart}"
        );
    }
    let backlog = svg_texts(&out.join("charts/backlog.svg"));
    assert!(backlog.iter().any(|t| t == "两区间重叠"), "{backlog:?}");
    let allocation = svg_texts(&out.join("charts/allocation.svg"));
    let shares: Vec<&String> = allocation.iter().filter(|t| t.ends_with("%)")).collect();
    assert_eq!(shares.len(), 4, "{allocation:?}");
    assert!(shares.iter().all(|t| !t.contains(" %")), "{shares:?}");
    // No two segments print the same shortened name.
    let mut cut: Vec<&String> = allocation.iter().filter(|t| t.ends_with('…')).collect();
    let all = cut.len();
    cut.sort_unstable();
    cut.dedup();
    assert_eq!(cut.len(), all, "{cut:?}");
    // The chart carries its title; the caption under it says what the title does not.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    for figure in html.split("<figure aria-label=\"").skip(1) {
        let title = &figure[..figure.find('"').unwrap()];
        let caption = figure.split("<figcaption>").nth(1).unwrap();
        let caption = &caption[..caption.find("</figcaption>").unwrap()];
        assert!(!caption.contains(title), "{caption}");
        assert!(caption.starts_with('图'), "{caption}");
        assert!(caption.contains("数据来源："), "{caption}");
    }
    assert_eq!(
        html.matches("<svg").count(),
        html.matches("<figure").count()
    );
}
