//! The words of the multi-year plan (SPEC §10): its report section, its chart and its sheet,
//! in each language.

use crate::multiyear::CutBy;

/// The words of the multi-year plan: its report section, its chart and its sheet.
#[derive(Debug)]
pub struct PlanWords {
    pub title: &'static str,
    /// (first year, last year, runs, seed).
    pub intro: fn(u32, u32, u32, u64) -> String,
    pub staff_headers: [&'static str; 5],
    pub no_cap: &'static str,
    pub total_heading: &'static str,
    pub total_headers: [&'static str; 10],
    pub request_heading: &'static str,
    /// (hires, staff type label, year they arrive).
    pub request_item: fn(u64, &str, u32) -> String,
    /// (year, the items).
    pub request_line: fn(u32, &str) -> String,
    pub no_request: fn(u32) -> String,
    /// (year, people short that year in the offices short, the whole gap): no hire requested in a year that is short, because
    /// the quota or the cap on hires leaves no room (the sentences below say which).
    pub no_request_short: fn(u32, f64, f64) -> String,
    /// The summary's sentence of the plan's result: (first year, last year, first short
    /// year or none, people short in the offices short in the last year, the whole
    /// organisation's gap in the last year).
    pub result: fn(u32, u32, Option<u32>, f64, f64) -> String,
    /// (last year): every office keeps up.
    pub keeps_up: fn(u32) -> String,
    /// (first short year, offices short that year, people short in the offices short in the
    /// last year, last year, the whole organisation's gap in the last year: surpluses of
    /// other offices net in, which cannot stand in for the people short).
    pub short: fn(u32, &str, f64, u32, f64) -> String,
    /// (arrival year, staff type label, rule, hires wanted, granted).
    pub binds: fn(u32, &str, &str, u64, u64) -> String,
    /// The rule that cut a request.
    pub cut_by: fn(CutBy) -> &'static str,
    /// Short without a binding rule: the hiring lag.
    pub lag_cause: &'static str,
    pub office_heading: &'static str,
    pub office_text: &'static str,
    pub office: &'static str,
    pub chart_title: &'static str,
    pub chart_axis: &'static str,
    pub year: &'static str,
    /// The trajectory chart's series.
    pub posts_series: &'static str,
    pub staff_series: &'static str,
    pub chart_note: &'static str,
    /// (office, its expected gap, its chance of being short, the year): the office and year
    /// where the expected plan is not short and the chance of being short is the highest
    /// (SPEC §13).
    pub risk: fn(&str, f64, f64, u32) -> String,
    /// (`[plan] confidence`): how the hires were sized.
    pub confident: fn(f64) -> String,
}

pub(super) const PLAN_EN: PlanWords = PlanWords {
    title: "Multi-year plan",
    intro: |first, last, runs, seed| format!("Year by year from {first} to {last}: the posts the analysis of each year's work needs (volumes grown by each work type's growth), the staff expected before hires, the hires that arrive, the people expected to leave, and the gap (staff − posts needed). Stocks are expected values, so they may hold fractions of a person; hires are whole people. The band on staff is the 5th–95th percentile over {runs} runs in which each person leaves with the probability of their staff type (seed {seed})."),
    staff_headers: ["staff type", "leaving a year", "hiring lag (years)", "most hires a year", "quota by year"],
    no_cap: "no cap",
    total_heading: "The whole organisation, year by year",
    total_headers: ["year", "posts needed", "staff before hires", "hires requested", "hires arriving", "staff", "staff 5–95%", "leavers", "gap", "chance some office is short"],
    request_heading: "Recruitment each year must request",
    request_item: |n, label, arrival| format!("{n} {label} (arriving {arrival})"),
    request_line: |year, items| format!("{year}: request {items}."),
    no_request: |year| format!("{year}: no request."),
    keeps_up: |last| format!("With these requests every office has the posts it needs in every year up to {last}."),
    short: |year, offices, short, last, gap| format!("The plan stops keeping up in {year}: {offices} have fewer staff than posts needed; in {last} the offices short lack {short:.1} people in all (the whole organisation's gap, {gap:.1}, nets the surplus of other offices, which cannot do their work)."),
    no_request_short: |year, short, gap| format!("{year}: no request, although the offices short lack {short:.1} people (whole gap {gap:.1}): the quota or the cap on hires leaves no room (see below)."),
    result: |first, last, short, lack, gap| match short {
        None => format!("Multi-year plan {first}–{last}: with the requests of the plan section every office has the posts it needs in every year."),
        Some(year) => format!("Multi-year plan {first}–{last}: the organisation stops keeping up in {year}; in {last} the offices short lack {lack:.1} people (whole organisation's gap {gap:.1})."),
    },
    binds: |year, label, rule, wanted, granted| format!("For {year}, the {rule} of {label} allows {granted} of the {wanted} hires the posts needed ask."),
    cut_by: |rule| match rule {
        CutBy::Quota => "quota",
        CutBy::HiresPerYear => "cap on hires a year",
        CutBy::MaxStaff => "max_staff of an office",
        CutBy::Fixed => "fixed staffing of an office",
    },
    lag_cause: "No quota or cap cuts a request: the shortfall is the hiring lag (hires requested now arrive later).",
    office_heading: "Gap by office (staff − posts needed)",
    office_text: "Expected staff less posts needed, office by office; a negative figure is a shortfall.",
    office: "office",
    chart_title: "Posts needed and staff, year by year",
    chart_axis: "people",
    year: "year",
    posts_series: "posts needed",
    staff_series: "staff",
    chart_note: "staff: expected, shaded 5–95 % of runs of leavers",
    risk: |office, gap, p, year| format!("{office}: gap {gap:.1} in {year}, but a {:.0} % chance of being short that year: people leave by chance, not on average, and a plan for the expected leavers is short whenever more leave.", p * 100.0),
    confident: |level| format!("Hires are requested so that each office has at least its posts needed in {:.0} % of the outcomes of leavers, in every year a hire can still reach (`[plan] confidence`); the expected staff is therefore above the posts needed.", level * 100.0),
};

pub(super) const PLAN_ZH: PlanWords = PlanWords {
    title: "多年度人员规划",
    intro: |first, last, runs, seed| {
        format!("{first}年至{last}年逐年测算：按各年工作量（各类工作按其年增长率增长）分析所需岗位数，招录到岗前的预计在岗人数，到岗的招录人员，预计离职人数，以及缺口（在岗人数 − 所需岗位数）。在岗人数为期望值，可含小数；招录人数为整数。在岗人数的区间是{runs}次模拟（随机种子 {seed}）的第5至第95百分位数，每次模拟中每人按其人员类别的离职率离职。")
    },
    staff_headers: [
        "人员类别",
        "年离职率",
        "招录周期（年）",
        "每年招录上限",
        "逐年人员限额",
    ],
    no_cap: "不限",
    total_heading: "全机构逐年情况",
    total_headers: [
        "年份",
        "所需岗位数",
        "招录到岗前在岗人数",
        "申请招录人数",
        "到岗人数",
        "在岗人数",
        "在岗人数 5%–95%",
        "离职人数",
        "缺口",
        "有机构缺员的概率",
    ],
    request_heading: "每年须申请招录的人员",
    request_item: |n, label, arrival| format!("{label}{n}人（{arrival}年到岗）"),
    request_line: |year, items| format!("{year}年：申请招录{items}。"),
    no_request: |year| format!("{year}年：无须申请招录。"),
    keeps_up: |last| format!("按上述申请招录，至{last}年各机构每年的在岗人数均不少于所需岗位数。"),
    short: |year, offices, short, last, gap| {
        format!("自{year}年起人员跟不上需要：{offices}的在岗人数少于所需岗位数；至{last}年各缺员机构共缺{short:.1}人（全机构合计缺口为{gap:.1}人，其中计入了其他机构的富余，但富余人员不能替代缺员机构的工作）。")
    },
    no_request_short: |year, short, gap| {
        format!("{year}年：各缺员机构共缺{short:.1}人（全机构合计缺口{gap:.1}人），但人员限额或每年招录上限已无余地，未能申请招录（见下文）。")
    },
    result: |first, last, short, lack, gap| {
        match short {
        None => format!("多年度规划（{first}—{last}年）：按规划一节的申请招录，各机构每年的在岗人数均不少于所需岗位数。"),
        Some(year) => format!("多年度规划（{first}—{last}年）：自{year}年起人员跟不上需要；至{last}年各缺员机构共缺{lack:.1}人（全机构合计缺口{gap:.1}人）。"),
    }
    },
    binds: |year, label, rule, wanted, granted| {
        format!("{year}年{label}的{rule}只允许到岗{granted}人，而所需岗位数要求{wanted}人。")
    },
    cut_by: |rule| match rule {
        CutBy::Quota => "限额",
        CutBy::HiresPerYear => "每年招录上限",
        CutBy::MaxStaff => "机构人数上限",
        CutBy::Fixed => "机构固定人数",
    },
    lag_cause: "没有人员限额或招录上限削减申请：缺口来自招录周期（现在申请的人员要以后才能到岗）。",
    office_heading: "各机构缺口（在岗人数 − 所需岗位数）",
    office_text: "各机构预计在岗人数减所需岗位数；负数为缺员。",
    office: "机构",
    chart_title: "所需岗位数与在岗人数（逐年）",
    chart_axis: "人数",
    year: "年份",
    posts_series: "所需岗位数",
    staff_series: "在岗人数",
    chart_note: "在岗人数：期望值，阴影为离职模拟的 5%–95%",
    risk: |office, gap, p, year| {
        format!("{office}：{year}年预计缺口为{gap:.1}，但仍有{:.0}%的可能缺员：人员离职是随机的，不会恰好等于平均数；按平均离职人数招录，离职多于平均时就会缺员。", p * 100.0)
    },
    confident: |level| {
        format!("招录人数按各机构在{:.0}%的离职情形下在岗人数不少于所需岗位数确定（凡招录人员还来得及到岗的年份）；因此预计在岗人数高于所需岗位数。", level * 100.0)
    },
};
