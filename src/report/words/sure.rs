//! The words of the uncertain inputs (SPEC §9): the section "how sure are these figures"
//! and the tornado, in each language.

/// The words of the uncertain inputs (SPEC §9).
#[derive(Debug)]
pub struct Sure {
    pub section: &'static str,
    /// (ranges, draws, seed).
    pub intro: fn(usize, u32, u64) -> String,
    pub intervals: &'static str,
    pub interval_headers: [&'static str; 7],
    pub total: &'static str,
    pub ranking: &'static str,
    pub ranking_text: &'static str,
    pub ranking_headers: [&'static str; 8],
    /// The workbook's sheets of the spread and of the tornado (at most 31 characters, no
    /// `: \\ / ? * [ ]`).
    pub spread_sheet: &'static str,
    pub ranking_sheet: &'static str,
    pub chart: &'static str,
    pub chart_axis: &'static str,
    pub at_low: &'static str,
    pub at_high: &'static str,
    /// (the FTE need with every input at likely).
    pub at_likely: fn(f64) -> String,
    /// The tornado's last row where it shows only the inputs that move the answer most:
    /// (how many inputs the row sums).
    pub others: fn(usize) -> String,
    /// Calendar inputs.
    pub hours_per_day: &'static str,
    pub leave_days: &'static str,
    pub training_days: &'static str,
    pub non_case_share: &'static str,
    pub overtime_hours: &'static str,
    /// After an office's name: its leaders' casework share.
    pub leader_share: &'static str,
    /// After a work type's name: its figures.
    pub volume: &'static str,
    pub hours: &'static str,
    pub cv: &'static str,
    /// Between a work type and its follow-up work (`next_then`), and after them: the share.
    pub next_then: &'static str,
    pub next_share: &'static str,
    /// Between a name and what is said of it (`between`); after a unit and a work type: items
    /// a year.
    pub between: &'static str,
    pub items_a_year: &'static str,
    /// Figures set on the command line (`--set`), in the assumptions.
    pub overrides: &'static str,
    pub overrides_text: &'static str,
    /// Whether the recommended staffing holds over the draws: heading, (draws, target) text,
    /// table headers.
    pub holds: &'static str,
    pub holds_text: fn(u32, f64) -> String,
    pub holds_headers: [&'static str; 3],
    /// The share of the draws in which every office holds at once (`met_share_all`).
    pub holds_all: fn(f64) -> String,
    /// In the summary, where some office meets the target in fewer than half of the draws:
    /// (those offices, the lowest share).
    pub holds_summary: fn(&str, f64) -> String,
}

pub(super) const SURE_EN: Sure = Sure {
    section: "How sure are these figures",
    intro: |n, draws, seed| format!("The scenario gives {n} figure{} as a range (low, likely, high); every other figure of this report uses the likely values. Below are the posts needed per office over {draws} draws in which every range takes a value from its triangular distribution at once (seed {seed}), and the assumptions ranked by how much they move the answer: measure the first ones first.", if n == 1 { "" } else { "s" }),
    intervals: "Posts needed: likely value and spread over the draws",
    interval_headers: ["Office", "Likely", "Mean", "5%", "50%", "90%", "95%"],
    total: "Total",
    ranking: "Assumptions ranked by how much they move the answer",
    ranking_text: "Each input at its low and at its high value, every other at its likely value; figures for the whole organisation.",
    ranking_headers: ["Input", "Low", "Likely", "High", "FTE need at low", "FTE need at high", "Posts at low", "Posts at high"],
    spread_sheet: "posts needed spread",
    ranking_sheet: "assumptions ranked",
    chart: "Which assumptions move the answer",
    chart_axis: "FTE need of the whole organisation",
    at_low: "input at its low value",
    at_high: "input at its high value",
    at_likely: |v| format!("every input at its likely value: {v:.1}"),
    others: |n| format!("the other {n} inputs, their swings added"),
    hours_per_day: "hours a working day",
    leave_days: "leave days a year",
    training_days: "training days a year",
    non_case_share: "share of time on non-case duties",
    overtime_hours: "most overtime hours a year",
    leader_share: "leaders' share of time on casework",
    volume: "items a year",
    hours: "hours per item",
    cv: "variation of the effort",
    next_then: " → ",
    next_share: "follow-up share",
    between: ": ",
    items_a_year: "items a year",
    overrides: "Figures set on the command line",
    overrides_text: "These figures replace those of the scenario file:",
    holds: "Does the recommended staffing hold over the ranges",
    holds_text: |draws, target| format!("The recommendation is staffed for the likely values. Over the same {draws} draws, the share of them in which each office of the recommended plan stays at or below the target utilisation ({:.0}%). An office already above the target at the likely values (where the quota leaves no post to add) is within it only in the draws that lower its work.", target * 100.0),
    holds_headers: ["Office", "Staff (recommended)", "Draws within the target"],
    holds_all: |all| format!("Every office at once stays within the target in {:.0}% of the draws: that, not any one office's share, is how sure the organisation can be.", all * 100.0),
    holds_summary: |offices, lowest| format!("Under the ranges of the scenario's assumptions the recommended staffing keeps {offices} within the target utilisation in fewer than half of the draws (in {:.0}% at the lowest): the recommendation holds only if the likely values are right. `staffplan optimise --confidence 0.9` staffs for 90% of the draws.", lowest * 100.0),
};

pub(super) const SURE_ZH: Sure = Sure {
    section: "这些数字有多可靠",
    intro: |n, draws, seed| {
        format!("情景中有{n}个数值以区间（低值、最可能值、高值）给出；本报告其余各处均采用最可能值。下面给出各机构所需岗位数在{draws}次抽样中的分布（每次抽样中所有区间同时按三角分布取值，随机种子{seed}），以及按对结论影响大小排列的各项假设：影响最大的应当最先核实。")
    },
    intervals: "所需岗位数：最可能值及抽样分布",
    interval_headers: ["机构", "最可能值", "均值", "5%", "50%", "90%", "95%"],
    total: "合计",
    ranking: "按对结论影响大小排列的假设",
    ranking_text: "每次只让一项取其低值或高值，其余均取最可能值；数字为全机构合计。",
    ranking_headers: [
        "输入",
        "低值",
        "最可能值",
        "高值",
        "取低值时所需人力",
        "取高值时所需人力",
        "取低值时岗位数",
        "取高值时岗位数",
    ],
    spread_sheet: "所需岗位数分布",
    ranking_sheet: "假设影响排序",
    chart: "哪些假设影响结论",
    chart_axis: "全机构所需人力（折算人数）",
    at_low: "该项取低值",
    at_high: "该项取高值",
    at_likely: |v| format!("各项均取最可能值：{v:.1}"),
    others: |n| format!("其余{n}项（影响相加）"),
    hours_per_day: "每日工作小时",
    leave_days: "每年休假天数",
    training_days: "每年培训天数",
    non_case_share: "非办案事务时间占比",
    overtime_hours: "每人每年加班上限小时",
    leader_share: "领导办案时间占比",
    volume: "年件数",
    hours: "每件工时",
    cv: "工时变异系数",
    next_then: " → ",
    next_share: "转入比例",
    between: "：",
    items_a_year: "年件数",
    overrides: "命令行设定的数值",
    overrides_text: "以下数值取代情景文件中的数值：",
    holds: "建议方案在各项假设的区间内是否成立",
    holds_text: |draws, target| {
        format!("建议方案按最可能值配置。在同样的{draws}次抽样中，建议方案下各机构负荷率不超过目标负荷率（{:.0}%）的抽样所占比例。按最可能值已超过目标的机构（人员限额已无岗位可增），只在其工作量偏低的抽样中达到目标。", target * 100.0)
    },
    holds_headers: ["机构", "建议人数", "达到目标的抽样比例"],
    holds_all: |all| {
        format!("所有机构同时达到目标的抽样占{:.0}%：整个机构能有多大把握，看的是这一比例，而不是某一个机构的比例。", all * 100.0)
    },
    holds_summary: |offices, lowest| {
        format!("在情景各项假设的区间内，建议方案只在不到一半的抽样中使{offices}的负荷率不超过目标（最低的只有{:.0}%）：只有最可能值准确时建议才成立。可将置信水平设为0.9重新优化，使配置在90%的抽样中达到目标。", lowest * 100.0)
    },
};
