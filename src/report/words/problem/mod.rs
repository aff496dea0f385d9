//! The errors of a scenario file in Chinese, said again from their data
//! ([`crate::scenario::problem`]); their English is the scenario module's own. The file's
//! tables, keys, ids and values are quoted as written.

mod entry;
mod input;
mod office;
mod settings;
mod sheet;
mod value;
mod work;

use crate::scenario::problem::{Place, Problem, Table};

/// What is wrong and how to fix it, in Chinese.
pub fn chinese(problem: &Problem) -> (String, String) {
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
    const NAMES: [&str; 11] = [
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
    ];

    /// A message and its help in Chinese only: outside what is quoted from the file or the
    /// format (`key`, "id", a value), no run of Latin letters but [`NAMES`].
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
                .split(|c: char| !c.is_ascii_alphabetic())
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
