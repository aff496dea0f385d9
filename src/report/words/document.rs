//! The words of the document around the figures: the cover (what the file is, who made it
//! and with what, the seed said in words, the sign-off), the contents, the page header and
//! footer of the Word file, the plain paragraph of method and the key assumptions near the
//! top, the appendix of sources, and the one paragraph on why the simulated utilisation sits
//! below the analysed one, in each language.

use crate::model::Language;

/// The document's words in `language`.
pub fn document_words(language: Language) -> &'static DocumentWords {
    match language {
        Language::En => &DOCUMENT_EN,
        Language::Zh => &DOCUMENT_ZH,
    }
}

/// The document's words.
#[derive(Debug)]
pub struct DocumentWords {
    /// (scenario files, by file name): what the pack was made from.
    pub made_from: fn(&str) -> String,
    /// (date): the report's date.
    pub dated: fn(&str) -> String,
    /// (tool version): the tool that wrote the document.
    pub made_with: fn(&str) -> String,
    /// (seed, simulated years): the seed said in words.
    pub seed_said: fn(u64, u32) -> String,
    /// The sign-off rows a reader fills in by hand.
    pub sign_off: [&'static str; 3],
    pub contents: &'static str,
    /// Before and after the page number in the footer.
    pub page_before: &'static str,
    pub page_after: &'static str,
    /// The section with the plain paragraph of method and the key assumptions.
    pub approach: &'static str,
    /// (year value in hours, target utilisation in %, simulated years, working days).
    pub approach_text: fn(f64, f64, u32, u32) -> String,
    pub key_assumptions: &'static str,
    /// (share of the required hours in %): how the short list is chosen.
    pub key_assumptions_text: fn(f64) -> String,
    /// (input, low, likely, high, posts needed at low, at high).
    pub ranked: fn(&str, &str, &str, &str, u64, u64) -> String,
    /// (work type, share of the required hours in %): after an assumed figure of a work type.
    pub share_of_hours: fn(&str, f64) -> String,
    /// Where no figure is marked as assumed and nothing is ranked.
    pub no_key_assumptions: &'static str,
    /// (appendix number from 1, title): an appendix heading.
    pub appendix: fn(usize, &str) -> String,
    pub sources_title: &'static str,
    /// Joins a place and its figure in the sources table.
    pub place_gap: &'static str,
    /// Between a name and what follows it.
    pub colon: &'static str,
    /// Around an aside.
    pub aside: [&'static str; 2],
    /// The sources table's columns: line, place, figure, source or assumed, note.
    pub figure_headers: [&'static str; 5],
    /// One entry of the offices, units, work types and staff types (the sources table).
    pub entries: [&'static str; 4],
    /// A true and a false value of the scenario, in words.
    pub yes_no: [&'static str; 2],
    /// What the service table shows; the second sentence where some office has Erlang C.
    pub service_text: &'static str,
    pub service_erlang: &'static str,
    /// Where the analysed and the simulated utilisation of an office meet: why they differ.
    pub utilisation_why: &'static str,
    /// (office, idle hours, share of capacity in %, simulated utilisation %, analysed %).
    pub idle_office: fn(&str, f64, Option<f64>, f64, f64) -> String,
    /// (figure number from 1, what the caption adds to the chart's own title): a caption.
    pub figure_caption: fn(usize, &str) -> String,
    /// (scenario files by name, simulated years for a simulated chart, date): what a
    /// figure's caption adds to the title the chart carries.
    pub figure_source: fn(&str, Option<u32>, Option<&str>) -> String,
    /// The table of contents' field, before Word fills it (and its page numbers) in.
    pub contents_update: &'static str,
}

const DOCUMENT_EN: DocumentWords = DocumentWords {
    made_from: |files| format!("Scenario: {files}"),
    dated: |date| format!("Date: {date}"),
    made_with: |version| format!("Made with staffplan {version}"),
    seed_said: |seed, runs| {
        format!("Random seed {seed}: the starting point of the simulation's random numbers over {runs} simulated years; the same seed gives the same figures, to the digit, on every rerun.")
    },
    sign_off: ["Prepared by", "Reviewed by", "Date"],
    contents: "Contents",
    page_before: "Page ",
    page_after: "",
    approach: "How the figures were made",
    approach_text: |year_value, target, runs, days| {
        format!("Each office's required hours are its items a year times the hours an item takes (weighted caseload); one person offers {year_value:.1} casework hours a year, and an office is overloaded above {target:.0}% of its casework hours. The optimiser then finds the cheapest staffing that keeps every office within that, and {runs} simulated years of {days} working days check the lead times and backlogs it gives. Every figure is either a figure of the scenario file (all listed, with their sources, in the appendix) or computed from them by a formula the report states.")
    },
    key_assumptions: "Key assumptions",
    key_assumptions_text: |share| {
        format!("The assumed figures that move the answer most: those the sensitivity ranks highest, and every assumed figure of a work type with more than {share:.0}% of the required hours. The full list of figures and sources is in the appendix.")
    },
    ranked: |input, low, likely, high, posts_low, posts_high| {
        format!("{input}: {likely} (range {low} to {high}), which moves the posts needed from {posts_low} to {posts_high}")
    },
    share_of_hours: |_, share| format!("{share:.0}% of the required hours"),
    no_key_assumptions: "No figure of the scenario is marked as assumed.",
    appendix: |n, title| {
        let letter = ["A", "B", "C", "D"].get(n.wrapping_sub(1)).unwrap_or(&"");
        format!("Appendix {letter}. {title}")
    },
    sources_title: "Sources and assumptions",
    place_gap: " · ",
    colon: ": ",
    figure_headers: ["line", "where", "figure", "", "note"],
    entries: ["Office", "Unit", "Work type", "Staff type"],
    yes_no: ["yes", "no"],
    service_text: "Per office and work type with a deadline: the share of items finished within it against the target, and the work type's own 90th-percentile lead time against its deadline; per office, once, the overtime a person works against the cap and the casework hours left idle by the team rule.",
    service_erlang: " Beside them, where all the office's work needs one person, Erlang C's probability of waiting and mean wait (M/M/c, an analytic check).",
    aside: [" (", ")"],
    utilisation_why: "Why the simulated utilisation sits below the analysed one: the analysis counts every casework hour as capacity, while in the simulation an item needing a team waits until enough people are free together, so hours go idle while items wait; overtime is counted apart, and work still open at the year's end is not counted as done. Per office:",
    idle_office: |office, hours, share, simulated, analysed| {
        let share = share.map_or(String::new(), |s| format!(" ({s:.1}% of its capacity)"));
        format!("{office}: {hours:.0} hours idle{share}; simulated utilisation {simulated:.1}%, analysed {analysed:.1}%.")
    },
    figure_caption: |n, source| format!("Figure {n}. {source}"),
    figure_source: |files, runs, date| {
        let date = date.map_or(String::new(), |d| format!("; {d}"));
        match runs {
            Some(runs) => format!("Source: {files}; {runs} simulated years{date}."),
            None => format!("Source: {files}{date}."),
        }
    },
    contents_update: "Right-click and update the field to fill in the page numbers.",
};

const DOCUMENT_ZH: DocumentWords = DocumentWords {
    made_from: |files| format!("情景文件：{files}"),
    dated: |date| format!("日期：{date}"),
    made_with: |version| format!("由 staffplan {version} 生成"),
    seed_said: |seed, runs| {
        format!("随机数种子 {seed}：{runs} 个模拟年度所用随机数的起点；用同一种子重算，结果逐位相同。")
    },
    sign_off: ["编制单位", "审核", "日期"],
    contents: "目录",
    page_before: "第 ",
    page_after: " 页",
    approach: "测算方法概述",
    approach_text: |year_value, target, runs, days| {
        format!("各机构所需工时等于每年件数乘以每件工时（加权案件量法）；每人每年可用于办案的时间为 {year_value:.1} 小时，负荷率超过 {target:.0}% 即为超负荷。在此基础上求出使各机构都不超负荷的费用最低的人员配置，再以 {runs} 个模拟年度（每年 {days} 个工作日）检验其办理时长和积压。报告中的每个数字，或是情景文件中的数据（全部列于附录，注明来源），或是按报告写明的公式由这些数据算出。")
    },
    key_assumptions: "主要假设",
    key_assumptions_text: |share| {
        format!("对结果影响最大的假设数据：敏感性分析排在前面的数据，以及所需工时占比超过 {share:.0}% 的工作类型中标为假设的数据。全部数据及其来源见附录。")
    },
    ranked: |input, low, likely, high, posts_low, posts_high| {
        format!("{input}：取 {likely}（范围 {low} 至 {high}），所需岗位数随之在 {posts_low} 至 {posts_high} 之间")
    },
    share_of_hours: |_, share| format!("占所需工时 {share:.0}%"),
    no_key_assumptions: "情景文件中没有标为假设的数据。",
    appendix: |n, title| {
        let number = ["一", "二", "三", "四"].get(n.wrapping_sub(1)).unwrap_or(&"");
        format!("附录{number}　{title}")
    },
    sources_title: "数据来源与假设",
    place_gap: " · ",
    colon: "：",
    figure_headers: ["行", "位置", "数据", "", "说明"],
    entries: ["机构", "单位", "工作", "人员类别"],
    yes_no: ["是", "否"],
    service_text: "按机构及有办理期限的工作类型：期限内办结的比例与目标对比，该类工作自身的第90百分位办理时长与期限对比；每个机构列一次人均加班时长与上限对比，以及因须多人同时办案而闲置的办案工时。",
    service_erlang: "工作均为单人办理的机构，另列按爱尔朗C公式（多服务台排队模型）计算的等待概率和平均等待天数，作为解析校核。",
    aside: ["（", "）"],
    utilisation_why: "模拟负荷率为何低于分析结果：分析把全部办案工时都计为办案能力，而在模拟中，须多人办理的案件要等到足够人数同时空闲才能开始，其间的工时处于闲置；加班单独统计，年末仍未办结的工作也不计为已完成。各机构如下：",
    idle_office: |office, hours, share, simulated, analysed| {
        let share = share.map_or(String::new(), |s| format!("（占其办案能力 {s:.1}%）"));
        format!("{office}：闲置 {hours:.0} 小时{share}；模拟负荷率 {simulated:.1}%，分析 {analysed:.1}%。")
    },
    figure_caption: |n, source| format!("图{n}　{source}"),
    figure_source: |files, runs, date| {
        let date = date.map_or(String::new(), |d| format!("；{d}"));
        match runs {
            Some(runs) => format!("数据来源：{files}；模拟{runs}个年度{date}。"),
            None => format!("数据来源：{files}{date}。"),
        }
    },
    contents_update: "右键单击并更新域，即可填入页码。",
};

/// A money header with its currency in the language's brackets, or as it is without one.
pub fn money_header(header: &str, currency: Option<&str>) -> String {
    match currency {
        Some(c) if c.is_ascii() => format!("{header} ({c})"),
        Some(c) => format!("{header}（{c}）"),
        None => header.to_string(),
    }
}

/// An amount in English: a code after a space ("1,800,000 KES"), a sign before ("$1,800,000").
/// The space does not break, so a narrow table cell keeps the amount on one line.
pub(super) fn money_en_in(value: f64, currency: Option<&str>) -> String {
    let number = super::thousands(value, 0);
    match currency {
        Some(c) if c.chars().any(char::is_alphabetic) => format!("{number}\u{a0}{c}"),
        Some(c) => format!("{c}{number}"),
        None => number,
    }
}

/// An amount in Chinese, in ten thousands of the currency (元 unless the scenario names one):
/// "180.0万元", "180.0万美元", "180.0万 USD".
pub(super) fn money_zh_in(value: f64, currency: Option<&str>) -> String {
    let number = super::thousands(value / 10_000.0, 1);
    match currency {
        Some(c) if c.is_ascii() => format!("{number}万\u{a0}{c}"),
        Some(c) => format!("{number}万{c}"),
        None => format!("{number}万元"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::words;
    use crate::model::Language;

    #[test]
    fn money_is_written_in_the_scenarios_currency() {
        let en = words(Language::En);
        assert_eq!(
            en.in_currency(Some("EUR")).money(120_000.0),
            "120,000\u{a0}EUR"
        );
        assert_eq!(en.in_currency(Some("$")).money(1_800_000.0), "$1,800,000");
        assert_eq!(en.in_currency(None).money(110_000.0), "110,000");
        let zh = words(Language::Zh);
        assert_eq!(
            zh.in_currency(Some("美元")).money(1_800_000.0),
            "180.0万美元"
        );
        assert_eq!(zh.in_currency(Some("元")).money(1_800_000.0), "180.0万元");
        assert_eq!(
            zh.in_currency(Some("USD")).money(120_000.0),
            "12.0万\u{a0}USD"
        );
        assert_eq!(
            en.in_currency(Some("KES")).money_header("cost a year"),
            "cost a year (KES)"
        );
        assert_eq!(
            zh.in_currency(Some("美元")).money_header("费用"),
            "费用（美元）"
        );
    }
}
