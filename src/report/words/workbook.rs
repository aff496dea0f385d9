//! The words of the scenario workbook of `staffplan template`: sheet names, column headers
//! with their units, and the note row, in English and in Chinese, by the typed key of the
//! format (`scenario::keys::Key`; the words of each key are in `columns.rs`), and the words of
//! the calculation sheet of tables.xlsx.

mod columns;

use crate::model::Language;
use crate::scenario::keys::Key;
use columns::key_words;

/// The workbook's words in one language.
#[derive(Debug)]
pub struct TemplateWords {
    language: Language,
    /// Before the note of a column the format requires.
    pub required: &'static str,
    pub notes: &'static str,
    pub notes_help: &'static str,
    pub id: &'static str,
    pub parent: &'static str,
    /// The `calculation` sheet of tables.xlsx.
    pub calc_sheet: &'static str,
    pub calc_title: &'static str,
    /// Working days, leave days, training days, hours a day, non-case share, target.
    pub calc_inputs: [&'static str; 6],
    pub calc_year_value: &'static str,
    pub calc_work_headers: [&'static str; 5],
    pub calc_office_headers: [&'static str; 11],
}

const EN: TemplateWords = TemplateWords {
    language: Language::En,
    required: "Required. ",
    notes: "Notes and sources",
    notes_help: "Where each figure comes from, one line per key: `hours: time study 2024` or `hours: ASSUMPTION: reason`.",
    id: "Id",
    parent: "Work type",
    calc_sheet: "calculation",
    calc_title: "The weighted-caseload calculation of today's organisation: change a yellow input and the figures follow",
    calc_inputs: [
        "Working days a year",
        "Leave days a year",
        "Training days a year",
        "Hours a day",
        "Non-case share",
        "Target utilisation",
    ],
    calc_year_value: "Year value H (hours)",
    calc_work_headers: ["Office", "Work type", "Items a year", "Hours an item", "Required hours"],
    calc_office_headers: [
        "Office",
        "Name",
        "Staff",
        "Leaders",
        "Leaders' casework share",
        "Least posts (team, minimum)",
        "Required hours R",
        "Capacity C (hours)",
        "FTE need R/H",
        "Utilisation R/C",
        "Posts needed",
    ],
};

const ZH: TemplateWords = TemplateWords {
    language: Language::Zh,
    required: "必填。",
    notes: "说明与出处",
    notes_help:
        "每个数字的出处，每个键一行：`hours: 2024 年工时调查` 或 `hours: ASSUMPTION：理由`。",
    id: "编号",
    parent: "工作类型",
    calc_sheet: "测算",
    calc_title: "现有机构的加权工作量测算：修改黄色输入格，各项结果随之变化",
    calc_inputs: [
        "年工作日（天）",
        "年休假病假（天）",
        "年培训（天）",
        "每日工时（小时）",
        "非办案时间占比",
        "目标负荷率",
    ],
    calc_year_value: "年工作量基准 H（小时）",
    calc_work_headers: [
        "机构",
        "工作类型",
        "年件数",
        "每件工时（小时）",
        "所需工时（小时）",
    ],
    calc_office_headers: [
        "机构",
        "名称",
        "现有人数",
        "领导人数",
        "领导办案时间占比",
        "最少岗位数（每件人数、最少人数）",
        "所需工时 R",
        "办案能力 C（小时）",
        "所需人力 R/H",
        "负荷率 R/C",
        "所需岗位数",
    ],
};

/// The words of the sheets tables.xlsx adds to the report's tables: the summary it opens with,
/// the assumptions and the service levels.
#[derive(Debug)]
pub struct PackSheetWords {
    pub summary_sheet: &'static str,
    pub assumptions_sheet: &'static str,
    pub service_sheet: &'static str,
    /// The facts of the run on the summary sheet: scenario, files compared, seed, runs, date.
    pub facts: [&'static str; 5],
    /// The calendar and the target, above the assumptions' tables.
    pub calendar_heading: &'static str,
    pub staff_types_heading: &'static str,
    pub works_heading: &'static str,
    pub figures_heading: &'static str,
    /// Line, place, key, value, cited or assumed, the planner's note.
    pub figure_headers: [&'static str; 6],
    /// After side and office: work type, on-time share (mean, 5th, 95th percentile), target,
    /// the office's 90th-percentile lead time, deadline, overtime per person, its cap, the
    /// team rule's idle hours.
    pub service_headers: [&'static str; 10],
}

const PACK_EN: PackSheetWords = PackSheetWords {
    summary_sheet: "summary",
    assumptions_sheet: "assumptions",
    service_sheet: "service levels",
    facts: ["Scenario", "Compared", "Seed", "Simulated years", "Date"],
    calendar_heading: "Calendar and target",
    staff_types_heading: "Staff types",
    works_heading: "Work types",
    figures_heading: "Every figure of the scenario file, cited or assumed",
    figure_headers: ["Line", "Where", "Key", "Value", "Cited or assumed", "Note"],
    service_headers: [
        "Work type",
        "On time, mean",
        "On time, 5th percentile",
        "On time, 95th percentile",
        "On-time target",
        "Lead time p90 of the office, days",
        "Deadline, days",
        "Overtime h/person",
        "Overtime cap h/person",
        "Team-rule idle hours",
    ],
};

const PACK_ZH: PackSheetWords = PackSheetWords {
    summary_sheet: "概要",
    assumptions_sheet: "假设",
    service_sheet: "服务水平",
    facts: ["情景", "对比", "随机种子", "模拟年数", "日期"],
    calendar_heading: "工作日历与目标负荷率",
    staff_types_heading: "人员类别",
    works_heading: "工作类型",
    figures_heading: "情景文件中的每个数字：出处或假设",
    figure_headers: ["行", "位置", "参数", "数值", "出处或假设", "说明"],
    service_headers: [
        "工作类型",
        "按期办结率（平均）",
        "按期办结率（第5百分位）",
        "按期办结率（第95百分位）",
        "按期办结率目标",
        "本机构第90百分位办理时长（天）",
        "办理期限（天）",
        "人均加班工时",
        "人均加班上限（工时）",
        "因办案组规则闲置的工时",
    ],
};

/// The words of tables.xlsx's own sheets in `language`.
pub fn pack_sheet_words(language: Language) -> &'static PackSheetWords {
    match language {
        Language::En => &PACK_EN,
        Language::Zh => &PACK_ZH,
    }
}

pub fn template_words(language: Language) -> &'static TemplateWords {
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
    }
}

impl TemplateWords {
    /// The sheet name of a table of the format (`Key::Office`, `Key::Next`).
    pub fn sheet(&self, table: Key) -> &'static str {
        self.header(table)
    }

    /// The header of a key: its name and unit.
    pub fn header(&self, key: Key) -> &'static str {
        let words = key_words(key);
        match self.language {
            Language::En => words.en,
            Language::Zh => words.zh,
        }
    }

    /// The note row's sentence for a key: what to enter, and the default when empty.
    pub fn note(&self, key: Key) -> &'static str {
        let words = key_words(key);
        match self.language {
            Language::En => words.en_note,
            Language::Zh => words.zh_note,
        }
    }

    /// The note of a column the format requires: `required` before the key's sentence.
    pub fn required_note(&self, key: Key) -> String {
        format!("{}{}", self.required, self.note(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::keys::{Field, Kind, RANGE, ROOT};

    /// Every key of the format, walked from the top, with its place for the message.
    fn every_key(fields: &'static [Field], place: &str, out: &mut Vec<(String, Key)>) {
        for f in fields {
            let path = format!("{place}{}", f.name);
            out.push((path.clone(), f.key));
            let mut kind = f.kind;
            while let Kind::Map(inner) | Kind::List(inner) = kind {
                kind = *inner;
            }
            match kind {
                Kind::Table(inner) | Kind::Tables(inner) => {
                    every_key(inner, &format!("{path}."), out)
                }
                Kind::Range(_) => every_key(RANGE, &format!("{path}."), out),
                _ => {}
            }
        }
    }

    #[test]
    fn every_key_has_a_header_and_a_note_in_both_languages() {
        let mut keys = Vec::new();
        every_key(ROOT, "", &mut keys);
        let en = template_words(Language::En);
        let zh = template_words(Language::Zh);
        for (path, key) in &keys {
            assert_eq!(key.name(), path.rsplit('.').next().unwrap(), "{path}");
            for words in [en, zh] {
                assert!(!words.header(*key).trim().is_empty(), "{path}: no header");
                let note = words.note(*key);
                assert!(note.chars().count() >= 4, "{path}: no note");
            }
            // A Chinese committee reads Chinese only: the zh header of a key is not English.
            assert_ne!(
                zh.header(*key),
                en.header(*key),
                "{path}: zh header in English"
            );
            assert_ne!(zh.note(*key), en.note(*key), "{path}: zh note in English");
        }
        // A key used in two places would share its words there: each place has its own.
        let mut distinct: Vec<Key> = keys.iter().map(|(_, k)| *k).collect();
        distinct.sort_by_key(|k| format!("{k:?}"));
        distinct.dedup();
        let ranges = keys.iter().filter(|(p, _)| p.ends_with(".likely")).count();
        assert_eq!(
            distinct.len(),
            keys.len() - 3 * (ranges - 1),
            "a key in two places"
        );
    }
}
