//! The words a chart writes beside the labels the report gives it (legend defaults, the
//! caption's field names, the empty-chart note), per language.

use crate::chart;
use crate::model::Language;

/// The chart words in `language`.
pub fn chart_words(language: Language) -> chart::Words {
    match language {
        Language::En => chart::Words {
            before: "Before",
            after: "After",
            capacity: "capacity",
            scenario: "Scenario: ",
            seed: "seed ",
            date: "date ",
            no_data: "No data to show",
            band_note: "line: median · shaded: 5–95 % of runs",
            separator: " · ",
            overlap: "both bands",
            percent_gap: " ",
        },
        Language::Zh => chart::Words {
            before: "现状",
            after: "方案",
            capacity: "可用能力",
            scenario: "情景：",
            seed: "随机种子 ",
            date: "日期 ",
            no_data: "无可显示的数据",
            band_note: "线：中位数 · 阴影：5%–95% 区间",
            separator: " · ",
            overlap: "两区间重叠",
            percent_gap: "",
        },
    }
}

/// The label of a bar for a group the recommendation leaves closed (an optional group with no
/// staff and no units), where a bare 0 would read as a group at rest.
pub fn closed(language: Language) -> &'static str {
    match language {
        Language::En => "closed",
        Language::Zh => "不设立",
    }
}
