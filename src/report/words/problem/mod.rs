//! The errors and warnings of a scenario file for the terminal: in Chinese said again from
//! their data ([`crate::scenario::problem`], [`crate::scenario::Warning`]); their English is
//! the scenario module's own. The file's tables, keys, ids and values are quoted as written.

mod entry;
mod input;
mod office;
mod settings;
mod sheet;
mod value;
mod work;

use crate::model::Language;
use crate::scenario::problem::{KnownIds, Named, Place, Problem, Table};

/// A warning or error of the scenario file for a terminal in `language`: in English as the
/// scenario module wrote it; in Chinese said again from its data (the file, line, tables, keys
/// and ids stay as they are). A diagnostic without data (an error found before the file's
/// language could be known) stays English.
pub fn scenario_diagnostic(language: Language, d: &crate::scenario::Diagnostic) -> String {
    let said = match (language, &d.said, &d.problem) {
        (Language::Zh, Some(said), _) => ("警告", warning_zh(said)),
        (Language::Zh, None, Some((at, problem))) => {
            let (message, help) = chinese(problem);
            ("错误", (place(at), message, help))
        }
        _ => return d.to_string(),
    };
    let (severity, (place, message, help)) = said;
    let at = if d.line == 0 {
        d.file.clone()
    } else {
        format!("{}:{}:{}", d.file, d.line, d.column)
    };
    format!("{severity}：{at}：{place}：{message}\n  提示：{help}")
}

/// Every diagnostic of a scenario that has errors, and the count of its errors, for a
/// terminal in `language`.
pub(in crate::report::words) fn scenario_errors(
    language: Language,
    diagnostics: &[crate::scenario::Diagnostic],
) -> String {
    if language == Language::En {
        return crate::scenario::english(diagnostics);
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| scenario_diagnostic(language, d))
        .collect();
    out.push(format!("发现 {errors} 个错误；未写出任何文件"));
    out.join("\n")
}

/// (place, what, what to do) of a warning in Chinese.
fn warning_zh(said: &crate::scenario::Warning) -> (String, String, String) {
    use crate::scenario::Warning;
    match said {
        Warning::SetAgain { path, value } => (
            format!("输入路径 {path}"),
            format!("后面又设置了一次，以最后的值 {value} 为准，此处的值不用"),
            "每个路径只设置一次".to_string(),
        ),
        Warning::NobodyMayDo { place, office } => (
            format!("{place} 的承担人员类别"),
            format!("机构 \"{office}\" 目前没有可承担此项工作的任何一类人员"),
            "分析将把其全部所需工时计为缺口；请为该机构增加其中一类人员，或改为该机构已有的人员类别".to_string(),
        ),
        Warning::Uncovered { units } => {
            const SHOWN: usize = 8;
            let mut shown = units.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("、");
            if units.len() > SHOWN {
                shown.push_str(&format!("……（另有 {} 个）", units.len() - SHOWN));
            }
            (
                "[[unit]]".to_string(),
                format!("{} 个单位没有派驻组覆盖：{shown}", units.len()),
                "这些单位的派驻组工作无人承担；请把它们列入某个派驻组的覆盖单位，或由 staffplan optimise 分配".to_string(),
            )
        }
        Warning::TeamTooBig {
            work,
            office,
            people,
            team,
        } => (
            format!("[[work]] \"{work}\" 的办案组人数"),
            format!("机构 \"{office}\" 目前只有 {people} 人，少于此项工作所需的 {team} 人办案组，无法开展此项工作"),
            "staffplan optimise 会把该机构人数增至办案组人数".to_string(),
        ),
        Warning::LeadersOverPosts {
            place,
            leaders,
            posts,
        } => (
            format!("{place} 的领导职数"),
            format!("在职领导 {leaders} 人，但核定领导职数只有 {posts} 个"),
            "请核对在职领导人数和领导职数：申请部分按所给的核定领导职数报告".to_string(),
        ),
        Warning::MaxUnits {
            place,
            covered,
            max,
        } => (
            format!("{place} 的覆盖单位上限"),
            format!("该派驻组目前覆盖 {covered} 个单位，多于上限 {max} 个"),
            "优化将把部分单位调给其他派驻组；如要保留，请提高覆盖单位上限".to_string(),
        ),
        Warning::HiringLag { staff, years } => (
            format!("[staff.{staff}] 的招录到岗滞后年数"),
            format!("第一年申请招录的 {staff} 人员要在 {years} 年规划期结束之后才能到岗，规划期内无法招到"),
            "请延长规划年数，或核对滞后年数（从申请到到岗的整年数）".to_string(),
        ),
    }
}

/// What is wrong and how to fix it, in Chinese.
fn chinese(problem: &Problem) -> (String, String) {
    match problem {
        Problem::Value(p) => value::chinese(p),
        Problem::Entry(p) => entry::chinese(p),
        Problem::Settings(p) => settings::chinese(p),
        Problem::Office(p) => office::chinese(p),
        Problem::Work(p) => work::chinese(p),
        Problem::Input(p) => input::chinese(p),
        Problem::Sheet(p) => sheet::chinese(p),
    }
}

/// One of a [`Named`] of entry, in Chinese.
fn noun(kind: Named) -> &'static str {
    match kind {
        Named::StaffType => "人员类别",
        Named::Office => "机构",
        Named::Unit => "单位",
        Named::Work => "工作类型",
    }
}

/// Ids as written, each in double quotes, joined by the Chinese list mark: `"a"、"b"`.
pub(in crate::report::words) fn in_quotes(ids: &[impl AsRef<str>]) -> String {
    marked(ids, '"')
}

/// Keys (or ids the English writes so) each in backticks, joined by the Chinese list mark.
pub(in crate::report::words) fn in_backticks(keys: &[impl AsRef<str>]) -> String {
    marked(keys, '`')
}

fn marked(items: &[impl AsRef<str>], mark: char) -> String {
    items
        .iter()
        .map(|item| format!("{mark}{}{mark}", item.as_ref()))
        .collect::<Vec<_>>()
        .join("、")
}

/// The help for an unknown id, in Chinese: the nearest known one if any, and the known ones
/// (`noun`: 机构).
fn known_ids(ids: &KnownIds, noun: &str) -> String {
    let mut listed = in_quotes(&ids.shown);
    if ids.count > ids.shown.len() {
        listed.push_str(&format!("……（共 {} 个）", ids.count));
    }
    match &ids.nearest {
        Some(near) => format!("是否应为 \"{near}\"？现有的{noun}：{listed}"),
        None if ids.count == 0 => format!("文件中还没有任何{noun}，请先定义"),
        None => format!("请使用以下{noun}之一：{listed}"),
    }
}

/// Where the problem is, in Chinese.
pub fn place(place: &Place) -> String {
    let table = match &place.table {
        Table::Written(table) => table.clone(),
        Table::Root => String::new(),
        Table::TopLevel => "顶层".to_string(),
        Table::File => "文件".to_string(),
        Table::Syntax => "TOML 语法".to_string(),
        Table::SetPath(path) => format!("输入路径 `{path}`"),
        Table::RangeOf(key) => format!("`{key}` 的区间"),
        Table::NextEntry(n) => format!("`next` 第 {n} 项"),
        Table::ListEntry { table, list, n } => format!("{table} 的 `{list}` 第 {n} 项"),
        Table::VolumeAndHours(table) => format!("{table}，键 `volume` 和 `hours`"),
        Table::Workbook => "工作簿".to_string(),
    };
    match (&place.table, &place.key) {
        (Table::Root, Some(key)) => format!("键 `{key}`"),
        (_, Some(key)) => format!("{table}，键 `{key}`"),
        (_, None) => table,
    }
}

#[cfg(test)]
pub(super) mod tests {
    /// Words a Chinese message may hold in Latin letters: names of things, not English.
    const NAMES: [&str; 12] = [
        "TOML",
        "staffplan",
        "UTF",
        "xlsx",
        "id",
        "inf",
        "NaN",
        "Excel",
        "WPS",
        "LibreOffice",
        "MB",
        "DIR",
    ];

    /// A message and its help in Chinese only: outside what is quoted from the file or the
    /// format (`key`, "id", a value), a command's flags (`--runs`) and paths, no run of Latin
    /// letters but [`NAMES`].
    pub(in crate::report::words) fn assert_chinese(said: &(String, String)) {
        for text in [&said.0, &said.1] {
            let mut bare = String::new();
            let mut quoted: Option<char> = None;
            for c in text.chars() {
                match quoted {
                    Some(end) if c == end => quoted = None,
                    Some(_) => {}
                    None if c == '`' || c == '"' => quoted = Some(c),
                    None => bare.push(c),
                }
            }
            let english: Vec<&str> = bare
                .split(|c: char| c.is_whitespace() || !c.is_ascii())
                .filter(|t| !t.starts_with("--") && !t.contains('/') && !t.contains('.'))
                .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| w.len() > 1 && !NAMES.contains(w))
                .collect();
            assert!(english.is_empty(), "English {english:?} in {text:?}");
            assert!(
                text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "no Chinese in {text:?}"
            );
        }
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;
    use crate::scenario::{Diagnostic, Severity, Warning};

    fn uncovered(n: usize) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            file: "a.toml".into(),
            line: 3,
            column: 1,
            place: "[[unit]]".into(),
            message: "English".into(),
            help: Some("English help".into()),
            said: Some(Warning::Uncovered {
                units: (1..=n).map(|i| format!("u{i}")).collect(),
            }),
            problem: None,
        }
    }

    #[test]
    fn a_chinese_scenario_hears_its_warnings_in_chinese() {
        assert_eq!(
            scenario_diagnostic(Language::Zh, &uncovered(10)),
            "警告：a.toml:3:1：[[unit]]：10 个单位没有派驻组覆盖：u1、u2、u3、u4、u5、u6、u7、u8……（另有 2 个）\n  提示：这些单位的派驻组工作无人承担；请把它们列入某个派驻组的覆盖单位，或由 staffplan optimise 分配"
        );
        let english = scenario_diagnostic(Language::En, &uncovered(2));
        assert!(
            english.starts_with("warning: a.toml:3:1: [[unit]]: English"),
            "{english}"
        );
    }
}
