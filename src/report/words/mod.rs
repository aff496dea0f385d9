//! Every word the pack writes for a reader (report headings, table headers, sentences,
//! statuses, units, chart labels, sheet names and headers), one struct per language. A
//! sentence with figures in it is a function, so that each language orders its words itself.

mod chart;
mod clash;
mod document;
mod failure;
mod money;
mod plan;
mod problem;
mod request;
mod rows;
mod steady;
mod sure;
mod terminal;
mod why;
mod wisn;
mod workbook;

pub use chart::{chart_words, closed};
pub use document::{document_words, money_header, DocumentWords};
pub use failure::failure;
pub use money::thousands;
pub use plan::PlanWords;
use plan::{PLAN_EN, PLAN_ZH};
pub use problem::scenario_diagnostic;
pub use request::NeedGrows;
pub use request::{Buys, RequestWords};
use request::{REQUEST_EN, REQUEST_ZH};
pub use rows::{office_kind, ratio_name, Column, SummaryRows};
use rows::{SUMMARY_EN, SUMMARY_ZH};
pub use steady::SteadyWords;
use steady::{STEADY_EN, STEADY_ZH};
pub use sure::Sure;
use sure::{SURE_EN, SURE_ZH};
pub use terminal::{headline, terminal};
pub use wisn::WisnWords;
use wisn::{WISN_EN, WISN_ZH};
pub use workbook::{pack_sheet_words, template_words, TemplateWords};

use crate::model::Language;
use crate::optimise::{NoExtraPosts, Reason, Rule};
use crate::service::Shortfall;

/// The columns of the simulation's table: the office, then one per measure in the order
/// `content::simulation` writes the bands.
#[derive(Debug, Clone)]
pub struct SimulationHeaders {
    pub office: &'static str,
    pub measures: [&'static str; 8],
}

impl SimulationHeaders {
    /// Every header, the office first.
    pub fn all(&self) -> Vec<&'static str> {
        std::iter::once(self.office).chain(self.measures).collect()
    }
}

/// Names a staff type by its id: its label in a report, the id itself in the JSON.
pub type Label<'a> = dyn Fn(&str) -> String + 'a;

#[derive(Debug, Clone)]
pub struct Words {
    pub report_title: &'static str,
    pub generated: &'static str,
    pub seed: &'static str,
    pub runs: &'static str,
    pub date: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub summary: &'static str,
    pub assumptions: &'static str,
    pub year_value: &'static str,
    pub year_value_text: &'static str,
    pub staff_types: &'static str,
    pub work_types: &'static str,
    pub figures: &'static str,
    pub figures_text: &'static str,
    pub offices: &'static str,
    pub workload_detail: &'static str,
    pub changes: &'static str,
    pub no_changes: &'static str,
    pub allocation: &'static str,
    pub simulation: &'static str,
    pub simulation_text: &'static str,
    pub charts: &'static str,
    pub method: &'static str,
    pub uncovered: &'static str,
    pub chart_caseload: &'static str,
    pub chart_caseload_axis: &'static str,
    pub chart_utilisation: &'static str,
    pub chart_utilisation_axis: &'static str,
    pub target: &'static str,
    pub chart_backlog: &'static str,
    pub chart_backlog_axis: &'static str,
    pub working_day: &'static str,
    pub chart_allocation: &'static str,
    pub chart_allocation_axis: &'static str,
    pub chart_work_types: &'static str,
    pub chart_work_types_axis: &'static str,
    pub items: &'static str,
    pub hours_unit: &'static str,
    pub assumed: &'static str,
    pub source: &'static str,
    /// Rows of the summary table.
    pub summary_rows: SummaryRows,
    pub capacity_text: &'static str,
    pub target_text: &'static str,
    pub overtime_text: &'static str,
    /// The peer benchmark (`benchmark`'s chart, the ratios section of the report).
    pub peer_title: &'static str,
    pub peer_ratios: &'static str,
    /// (whether there are units, whether there are party members): the ratios' formulas.
    pub peer_ratios_text: fn(bool, bool) -> String,
    pub items_per_person: &'static str,
    pub supervised_units: &'static str,
    pub party_members: &'static str,
    pub no_value: &'static str,
    /// Between a name and what is said of it ("Petitions: items a year per person").
    pub colon: &'static str,
    /// The year value formula in this language's words for the calendar keys.
    pub year_value_formula: &'static str,
    /// Ends a sentence that `format!` puts together.
    pub full_stop: &'static str,
    /// Between two sentences of one paragraph.
    pub sentence_gap: &'static str,
    /// Joins the items of a list inside a sentence.
    pub list_separator: &'static str,
    /// Joins alternatives: "establishment or contract".
    pub or_separator: &'static str,
    /// The `after` side of `run`: the optimiser's answer.
    pub recommendation: &'static str,
    pub status_optimal: &'static str,
    pub status_time_limit: &'static str,
    /// The words around the status in "The recommendation is **optimal** (…)."
    pub recommendation_is: fn() -> (&'static str, &'static str),
    pub bound_text: fn(&str) -> String,
    /// "3 编制": a number of posts of a staff type (its label).
    pub posts_of: fn(u32, &str) -> String,
    pub budget: fn(&str) -> String,
    pub staff_type_headers: [&'static str; 4],
    pub work_headers: [&'static str; 9],
    pub covering_group: &'static str,
    pub figure_headers: [&'static str; 5],
    /// Where a key before any table header is.
    pub top_level: &'static str,
    pub office_headers: [&'static str; 9],
    pub offices_note: &'static str,
    pub workload_headers: [&'static str; 6],
    /// (whether the scenario has supervised units): how the items a year are made up.
    pub workload_note: fn(bool) -> &'static str,
    /// A word in brackets after a heading: " (before)", "（现状）".
    pub bracket: fn(&str) -> String,
    pub uncovered_headers: [&'static str; 3],
    pub work_compare: &'static str,
    pub work_compare_text: &'static str,
    pub work_compare_headers: [&'static str; 7],
    /// The same headers and text for two organisations, by their names (SPEC §14).
    pub work_compare_headers_apart: fn(&str, &str) -> [String; 7],
    pub work_compare_text_apart: &'static str,
    /// (office, staff before, after, units before, after).
    pub change_heading: fn(&str, u32, u32, usize, usize) -> String,
    /// A binding rule of the optimiser in this language.
    pub rule: fn(Rule) -> &'static str,
    /// Why an office has its headcount, in a sentence, staff types named by the function.
    pub reason: fn(&Reason, &Label<'_>) -> String,
    /// Why the posts that would meet the target are not known.
    pub no_extra_posts: fn(NoExtraPosts) -> &'static str,
    /// (work, items, hours an item, year value, FTE).
    pub work_line: fn(&str, f64, f64, f64, f64) -> String,
    /// (required hours, FTE, rules).
    pub required_line: fn(f64, f64, &str) -> String,
    /// (staff type, cost, hours per person now, with one more, utilisation with one more,
    /// unmet hours it removes).
    pub one_more_post: fn(&str, &str, Option<f64>, f64, f64, f64) -> String,
    pub allocation_headers: [&'static str; 2],
    /// (side, days, runs).
    pub simulation_heading: fn(&str, u32, u32) -> String,
    pub simulation_headers: SimulationHeaders,
    pub never_fielded: fn(&str) -> String,
    /// (simulated years, working days).
    pub method_items: fn(u32, u32) -> Vec<String>,
    /// (simulated years the bands and the backlog chart are read from, all simulated years,
    /// days between two readings of the backlog): said only when the memory limits bound.
    pub bounded_bands: fn(u32, u32, u32) -> String,
    /// Money in this language's style, in the scenario's currency if it names one.
    money: fn(f64, Option<&str>) -> String,
    /// Sheet names of tables.xlsx.
    pub sheet_offices: &'static str,
    pub sheet_allocation: &'static str,
    pub sheet_simulation: &'static str,
    pub sheet_workload: &'static str,
    pub sheet_work_types: &'static str,
    /// Statistic names of a simulated band.
    pub mean: &'static str,
    pub p5: &'static str,
    pub p95: &'static str,
    pub side: &'static str,
    /// A header qualified by a side or statistic: "utilisation before", "负荷率（现状）".
    pub with_side: fn(&str, &str) -> String,
    /// The service section (SPEC §8): its title, its note and its columns.
    pub service: &'static str,
    pub service_text: &'static str,
    pub service_columns: [&'static str; 7],
    /// What the team-rule idle hours are, after "<office>: <hours> h".
    pub idle_why: &'static str,
    /// "simulated utilisation" and "analysis" in the idle sentence's bracket.
    pub simulated_utilisation: &'static str,
    pub analysis_word: &'static str,
    pub no_target: &'static str,
    pub no_cap: &'static str,
    /// (percent): the idle hours' share of the capacity ("10.7% of its capacity").
    pub of_capacity: fn(f64) -> String,
    /// The end of a sentence.
    pub stop: &'static str,
    /// The service check of `run` (SPEC §8).
    pub service_check: &'static str,
    /// (runs, seed): every target holds.
    pub service_met: fn(u32, u64) -> String,
    /// (runs, seed): some target does not hold; the list follows.
    pub service_not_met: fn(u32, u64) -> String,
    /// (targets missed): the summary's warning.
    pub service_summary: fn(usize) -> String,
    /// (office, posts as "1 编制", cost, worst on-time before, after).
    pub service_posts: fn(&str, &str, &str, Option<f64>, Option<f64>) -> String,
    /// (office, work, on-time share, target, reason).
    pub service_unmet: fn(&str, &str, Option<f64>, f64, &str) -> String,
    /// (posts beyond the quotas as "1 编制", their cost, whether every target then holds).
    pub beyond_quota: fn(&str, &str, bool) -> String,
    /// Why an on-time target is missed.
    pub shortfall: fn(Shortfall) -> &'static str,
    /// (on-time share before, after, target) for a recommended change.
    pub on_time_change: fn(Option<f64>, Option<f64>, Option<f64>) -> String,
    /// The multi-year plan (SPEC §10).
    pub plan: &'static PlanWords,
    /// The ranges of SPEC §9: the section "how sure are these figures" and the tornado.
    pub sure: &'static Sure,
    /// The steady state of SPEC §13: unstable offices, an empty start.
    pub steady: &'static SteadyWords,
    /// The request of SPEC §14, the section every report opens with.
    pub request: &'static RequestWords,
    /// WISN mode (SPEC §16): its section, table and reading of the ratio.
    pub wisn: &'static WisnWords,
    /// `[scenario] currency`, written with every amount; set by [`Words::in_currency`].
    currency: Option<std::borrow::Cow<'static, str>>,
}

impl Words {
    /// Money with separators: `1,800,000` in English, `180.0万元` in Chinese.
    pub fn money(&self, value: f64) -> String {
        (self.money)(value, self.currency.as_deref())
    }

    /// These words with every amount written in `currency` (`[scenario] currency`).
    pub fn in_currency(&self, currency: Option<&str>) -> Words {
        Words {
            currency: currency.map(|c| std::borrow::Cow::Owned(c.to_string())),
            ..self.clone()
        }
    }

    /// A money header with its currency: "cost a year (KES)"; unchanged without one.
    pub fn money_header(&self, header: &str) -> String {
        money_header(header, self.currency.as_deref())
    }
}

const EN: Words = Words {
    report_title: "Staffing proposal: appendix",
    generated: "Generated by staffplan from",
    seed: "seed",
    runs: "simulated years",
    date: "date",
    before: "before",
    after: "after",
    summary: "Summary",
    assumptions: "Assumptions",
    year_value: "Year value",
    year_value_text: "Casework hours one person has in a year",
    staff_types: "Staff types",
    work_types: "Work types",
    figures: "Figures and their sources",
    figures_text: "Every commented figure of the scenario file, with the planner's note: assumed figures are marked as such.",
    offices: "Offices before and after",
    workload_detail: "How the required hours are made up",
    changes: "Recommended changes",
    no_changes: "No office changes.",
    allocation: "Allocation of units to dispatched groups",
    simulation: "Simulation",
    simulation_text: "Mean and, in brackets, the 5th–95th percentile over the simulated years.",
    charts: "Charts",
    method: "Method",
    uncovered: "Units no dispatched group covers",
    chart_caseload: "Caseload per person",
    chart_caseload_axis: "required casework hours per person per year",
    chart_utilisation: "Utilisation",
    chart_utilisation_axis: "utilisation (%)",
    target: "target",
    chart_backlog: "Backlog over the year (median and 5–95% band)",
    chart_backlog_axis: "open items",
    working_day: "working day",
    chart_allocation: "Load of each dispatched group, by unit",
    chart_allocation_axis: "casework hours per year",
    chart_work_types: "Hours per person doing each work type",
    chart_work_types_axis: "required hours a year per person doing the work",
    items: "items",
    hours_unit: "h",
    assumed: "assumed",
    source: "source",
    summary_rows: SUMMARY_EN,
    capacity_text: "Capacity of an office: C = H × (staff − leaders × (1 − leaders' casework share))",
    target_text: "Target utilisation",
    overtime_text: "Overtime cap per person a year",
    peer_title: "Peer benchmark: the ratios side by side",
    peer_ratios: "Ratios side by side",
    peer_ratios_text: |units, members| {
        let mut parts = Vec::new();
        if units {
            parts.push("staff per unit = staff ÷ supervised units");
        }
        if members {
            parts.push("staff per 1,000 members = staff ÷ party members × 1,000");
        }
        parts.push("hours per person = required hours ÷ staff");
        parts.push("items a year per person for the work types both sides have (matched by id or name). – where there is nothing to divide by.");
        let mut text = parts.join("; ");
        if let Some(first) = text.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        text
    },
    items_per_person: "items a year per person",
    supervised_units: "supervised units",
    party_members: "party members",
    no_value: "no data",
    colon: ": ",
    year_value_formula: "H = (working days − leave days − training days) × hours a day × (1 − share of time not on casework)",
    full_stop: ".",
    sentence_gap: " ",
    list_separator: ", ",
    or_separator: " or ",
    recommendation: "the recommendation",
    status_optimal: "optimal",
    status_time_limit: "stopped at the time limit",
    recommendation_is: || ("The recommendation is ", "."),
    bound_text: |b| format!(" (bound on the objective: {b})"),
    posts_of: |n, label| format!("{n} more {label}"),
    budget: |b| format!("Budget: {b} a year."),
    staff_type_headers: ["id", "label", "cost a year", "quota"],
    work_headers: [
        "id",
        "work",
        "done at",
        "direct volume",
        "hours/item",
        "team",
        "cv",
        "deadline (days)",
        "next",
    ],
    covering_group: "covering group",
    figure_headers: ["line", "where", "key = value", "", "note"],
    top_level: "the top level",
    office_headers: [
        "office",
        "staff",
        "required h",
        "capacity h",
        "utilisation",
        "items/person",
        "hours/person",
        "posts needed",
        "gap",
    ],
    offices_note: "utilisation = required h ÷ capacity h; items/person and hours/person divide the office's items and required hours by its staff; posts needed is the least headcount at or below the target, never below the largest team or min_staff.",
    workload_headers: [
        "office",
        "work",
        "items a year",
        "× hours/item",
        "= required h",
        "÷ H = FTE",
    ],
    workload_note: |units| {
        if units {
            "Items a year: the direct volume, plus the workload of the units covered, plus share × the items of the work feeding it (next). Figures for"
        } else {
            "Items a year: the direct volume, plus share × the items of the work feeding it (next). Figures for"
        }
    },
    bracket: |word| format!(" ({word})"),
    uncovered_headers: ["unit", "hours a year", "FTE"],
    work_compare: "Work type by work type",
    work_compare_text: "The two scenarios organise offices differently, so each work type is compared on its own: its required hours, the people doing it (each office's staff × the share of its hours this work takes) and the hours per person doing it.",
    work_compare_headers: [
        "work",
        "required h before",
        "required h after",
        "people before",
        "people after",
        "hours/person before",
        "hours/person after",
    ],
    work_compare_headers_apart: |a, b| {
        [
            "work".to_string(),
            format!("required h, {a}"),
            format!("required h, {b}"),
            format!("people, {a}"),
            format!("people, {b}"),
            format!("hours/person, {a}"),
            format!("hours/person, {b}"),
        ]
    },
    work_compare_text_apart: "The two organisations divide their work into offices differently, so each work type is compared on its own: its required hours, the people doing it (each office's staff × the share of its hours this work takes) and the hours per person doing it.",
    change_heading: |name, sb, sa, ub, ua| {
        if ub == 0 && ua == 0 {
            format!("{name}: staff {sb} → {sa}")
        } else {
            format!("{name}: staff {sb} → {sa}, units {ub} → {ua}")
        }
    },
    rule: why::rule_en,
    reason: why::reason_en,
    no_extra_posts: why::no_extra_posts_en,
    work_line: |name, items, hours, h, fte| {
        format!("{name}: {items:.1} items × {hours:.1} h ÷ {h:.0} h = {fte:.2} FTE")
    },
    required_line: |hours, fte, rules| format!("required {hours:.1} h = {fte:.2} FTE; binding rules: {rules}"),
    one_more_post: |label, cost, now, with, u, drop| {
        let from = now.map_or(String::new(), |n| format!(" from {n:.0} h"));
        let unmet = if drop > 0.05 {
            format!(", and remove {drop:.1} of the hours above the target")
        } else {
            String::new()
        };
        format!("One more {label} post ({cost} a year) would bring casework per person{from} to {with:.0} h and utilisation to {:.1}%{unmet}.", u * 100.0)
    },
    allocation_headers: ["unit", "group hours a year"],
    simulation_heading: |side, days, runs| format!("{side} ({days} days × {runs} runs)"),
    simulation_headers: SimulationHeaders {
        office: "office",
        measures: [
            "done",
            "backlog at end",
            "wait (days)",
            "lead time (days)",
            "lead time p90",
            "late",
            "utilisation",
            "overtime h/person",
        ],
    },
    never_fielded: |office| format!("{office} cannot field the team some of its work needs: that work is never started and its backlog grows by the arrivals."),
    method_items: |runs, days| vec![
        "Workload (weighted caseload): required hours R = Σ items a year × hours per item; FTE need = R ÷ H; utilisation = R ÷ C.".to_string(),
        "Optimisation: headcount per office and staff type and the group of every unit, under quotas, budget, min/max staff, team sizes and full coverage; goals in order: every office at or below the target (else the fewest unmet hours), the least cost, the lowest peak utilisation, the fewest changes.".to_string(),
        format!("Simulation: {runs} simulated years of {days} working days; Poisson arrivals, Gamma-distributed effort with the work type's coefficient of variation, first come first served, an item starts only when its whole team is free; follow-up work starts with probability share; overtime while a backlog exists, up to the yearly cap."),
    ],
    bounded_bands: |kept, runs, step| format!("To keep memory bounded, the 5–95% bands and the backlog chart are read from the first {kept} of the {runs} simulated years (the means count all of them), and the backlog every {step} working days."),
    money: document::money_en_in,
    sheet_offices: "offices",
    sheet_allocation: "allocation",
    sheet_simulation: "simulation",
    sheet_workload: "required hours",
    sheet_work_types: "work types",
    mean: "mean",
    p5: "5th percentile",
    p95: "95th percentile",
    side: "side",
    with_side: |label, side| format!("{label} {side}"),
    service: "Service levels",
    service_text: "Per office and work type with a deadline: the share of items finished within it against the target, the 90th-percentile lead time against the deadline, overtime against the cap, and the casework hours left idle by the team rule; beside them Erlang C's probability of waiting and mean wait where all the office's work needs one person (M/M/c, an analytic check).",
    service_columns: [
        "office",
        "work",
        "on time (target)",
        "lead time p90 (deadline), days",
        "overtime h/person (cap)",
        "team-rule idle h",
        "Erlang C: P(wait), mean wait days",
    ],
    idle_why: "of casework time were idle while items waited, because the work needs several people at once and fewer were free; the analysis counts these hours as capacity, which is one reason the simulated utilisation sits below it (overtime, counted apart, and work left open at the end are the others)",
    simulated_utilisation: "simulated utilisation",
    analysis_word: "analysis",
    no_target: "no target",
    no_cap: "no cap",
    of_capacity: |share| format!("{share:.1}% of its capacity"),
    stop: ".",
    service_check: "Service check: the plan in its own simulation",
    service_met: |runs, seed| format!("Every on-time target holds in the plan's own simulation ({runs} simulated years, seed {seed})."),
    service_not_met: |runs, seed| format!("The plan does NOT meet every on-time target in its own simulation ({runs} simulated years, seed {seed}). Do not present it as meeting them:"),
    service_summary: |n| format!("Warning: {n} on-time target{} not met in the plan's own simulation (see the service check under the recommended changes).", if n == 1 { " is" } else { "s are" }),
    service_posts: |office, posts, cost, before, after| {
        let share = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
        format!("{office}: {posts} added for the on-time target ({cost} a year); its lowest on-time share goes from {} to {}.", share(before), share(after))
    },
    service_unmet: |office, work, share, target, reason| {
        let (share, target) = crate::service::shares_shown(share, target);
        format!("{office}, {work}: {share} on time against a target of {target} — {reason}.")
    },
    beyond_quota: |posts, cost, met| {
        if met {
            format!("With {posts} beyond the quotas and the budget ({cost} a year), every on-time target would hold.")
        } else {
            format!("Even {posts} beyond the quotas and the budget ({cost} a year) would not meet every on-time target: other limits stand in the way too.")
        }
    },
    shortfall: why::shortfall_en,
    on_time_change: |before, after, target| {
        let share = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
        let target = target.map_or(String::new(), |t| format!(" (target {:.0}%)", t * 100.0));
        format!("On time: {} today, {} with the recommendation{target}.", share(before), share(after))
    },
    plan: &PLAN_EN,
    sure: &SURE_EN,
    steady: &STEADY_EN,
    request: &REQUEST_EN,
    wisn: &WISN_EN,
    currency: None,
};

const ZH: Words = Words {
    report_title: "人员配置方案附件",
    generated: "由 staffplan 根据以下文件生成：",
    seed: "随机种子",
    runs: "模拟年数",
    date: "日期",
    before: "现状",
    after: "方案",
    summary: "概要",
    assumptions: "假设与参数",
    year_value: "年工作量基准",
    year_value_text: "每人每年可用于办案的小时数",
    staff_types: "人员类别",
    work_types: "工作类型",
    figures: "数据及其来源",
    figures_text: "情景文件中所有带注释的数据及作者的说明；假设数据均已标明。",
    offices: "各机构现状与方案对比",
    workload_detail: "所需工时的构成",
    changes: "建议调整",
    no_changes: "各机构无调整。",
    allocation: "被监督单位的派驻分配",
    simulation: "模拟结果",
    simulation_text: "均值，括号内为各模拟年份的第5至第95百分位数。",
    charts: "图表",
    method: "方法说明",
    uncovered: "未被派驻组覆盖的单位",
    chart_caseload: "人均工作量",
    chart_caseload_axis: "人均每年所需办案工时",
    chart_utilisation: "工作负荷率",
    chart_utilisation_axis: "负荷率（%）",
    target: "目标",
    chart_backlog: "全年积压（中位数及5–95%区间）",
    chart_backlog_axis: "未办结件数",
    working_day: "工作日",
    chart_allocation: "各派驻组工作量（按单位）",
    chart_allocation_axis: "每年办案工时",
    chart_work_types: "各类工作承担人员的人均工时",
    chart_work_types_axis: "承担该工作人员的人均每年所需工时",
    items: "件",
    hours_unit: "小时",
    assumed: "假设",
    source: "来源",
    summary_rows: SUMMARY_ZH,
    capacity_text: "机构办案能力：C = H × （人数 − 领导职数 × （1 − 领导办案时间占比））",
    target_text: "目标负荷率",
    overtime_text: "每人每年加班上限",
    peer_title: "对标比较：各项比率",
    peer_ratios: "对标比率",
    peer_ratios_text: |units, members| {
        let mut parts = Vec::new();
        if units {
            parts.push("每单位人数 = 人数 ÷ 被监督单位数");
        }
        if members {
            parts.push("每千名党员人数 = 人数 ÷ 党员人数 × 1000");
        }
        parts.push("人均工时 = 所需工时 ÷ 人数");
        parts.push("双方都有的工作类型（按编号或名称匹配）列出人均每年件数。无分母时记为 –。");
        parts.join("；")
    },
    items_per_person: "人均每年件数",
    supervised_units: "被监督单位数",
    party_members: "党员人数",
    no_value: "无数据",
    colon: "：",
    year_value_formula: "H = （工作日 − 休假天数 − 培训天数） × 每日工时 × （1 − 非办案时间占比）",
    full_stop: "。",
    sentence_gap: "",
    list_separator: "、",
    or_separator: "或",
    recommendation: "推荐方案",
    status_optimal: "最优解",
    status_time_limit: "达到时间上限时的最好解",
    recommendation_is: || ("推荐方案为", "。"),
    bound_text: |b| format!("（经计算，任何方案都不可能优于 {b}）"),
    posts_of: |n, label| format!("{n}名{label}"),
    budget: |b| format!("预算：每年{b}。"),
    staff_type_headers: ["代码", "类别", "每人每年费用", "限额"],
    work_headers: [
        "代码",
        "工作",
        "承担机构",
        "直接件数",
        "每件工时",
        "办案组人数",
        "变异系数",
        "时限（天）",
        "后续工作",
    ],
    covering_group: "覆盖该单位的派驻组",
    figure_headers: ["行", "位置", "参数 = 数值", "", "说明"],
    top_level: "文件开头",
    office_headers: [
        "机构",
        "人数",
        "所需工时",
        "办案能力（工时）",
        "负荷率",
        "人均件数",
        "人均工时",
        "所需岗位数",
        "缺口",
    ],
    offices_note: "负荷率 = 所需工时 ÷ 办案能力；人均件数和人均工时为机构的件数和所需工时除以人数；所需岗位数为使负荷率不超过目标的最少人数，且不少于最大办案组人数和最少人数。",
    workload_headers: [
        "机构",
        "工作",
        "每年件数",
        "× 每件工时",
        "= 所需工时",
        "÷ H = 所需人力",
    ],
    workload_note: |units| {
        if units {
            "每年件数：直接件数，加上所覆盖单位的工作量，再加上前序工作件数 × 转入比例。数据来自"
        } else {
            "每年件数：直接件数，再加上前序工作件数 × 转入比例。数据来自"
        }
    },
    bracket: |word| format!("（{word}）"),
    uncovered_headers: ["单位", "每年工时", "所需人力"],
    work_compare: "按工作类型对比",
    work_compare_text: "两个方案的机构设置不同，因此逐项对比每类工作：所需工时、承担该工作的人数（各机构人数 × 该工作占机构工时的比例）以及承担该工作的人均工时。",
    work_compare_headers: [
        "工作",
        "所需工时（现状）",
        "所需工时（方案）",
        "人数（现状）",
        "人数（方案）",
        "人均工时（现状）",
        "人均工时（方案）",
    ],
    work_compare_headers_apart: |a, b| {
        [
            "工作".to_string(),
            format!("所需工时（{a}）"),
            format!("所需工时（{b}）"),
            format!("人数（{a}）"),
            format!("人数（{b}）"),
            format!("人均工时（{a}）"),
            format!("人均工时（{b}）"),
        ]
    },
    work_compare_text_apart: "两个单位的机构设置不同，因此逐项对比每类工作：所需工时、承担该工作的人数（各机构人数 × 该工作占机构工时的比例）以及承担该工作的人均工时。",
    change_heading: |name, sb, sa, ub, ua| {
        if ub == 0 && ua == 0 {
            format!("{name}：人数 {sb} → {sa}")
        } else {
            format!("{name}：人数 {sb} → {sa}，覆盖单位 {ub} → {ua}")
        }
    },
    rule: why::rule_zh,
    reason: why::reason_zh,
    no_extra_posts: why::no_extra_posts_zh,
    work_line: |name, items, hours, h, fte| {
        format!("{name}：{items:.1} 件 × {hours:.1} 小时 ÷ {h:.0} 小时 = {fte:.2} 人")
    },
    required_line: |hours, fte, rules| format!("所需 {hours:.1} 小时 = {fte:.2} 人；起决定作用的规则：{rules}"),
    one_more_post: |label, cost, now, with, u, drop| {
        let from = now.map_or(String::new(), |n| format!("由 {n:.0} 小时"));
        let unmet = if drop > 0.05 {
            format!("，超出目标负荷的工时减少 {drop:.1} 小时")
        } else {
            String::new()
        };
        format!("再增加1名{label}人员（每年{cost}）：人均办案工时{from}降至 {with:.0} 小时，负荷率降至 {:.1}%{unmet}。", u * 100.0)
    },
    allocation_headers: ["单位", "派驻组每年工时"],
    simulation_heading: |side, days, runs| format!("{side}（{days} 个工作日 × {runs} 次模拟）"),
    simulation_headers: SimulationHeaders {
        office: "机构",
        measures: [
            "办结件数",
            "年末积压",
            "等待（天）",
            "办理周期（天）",
            "办理周期第90百分位",
            "超时比例",
            "负荷率",
            "人均加班小时",
        ],
    },
    never_fielded: |office| format!("{office}的人数不足以组成某些工作所需的办案组：这些工作始终无法开始，积压随来件不断增加。"),
    method_items: |runs, days| vec![
        "工作量（加权案件量法）：所需工时 R = Σ 每年件数 × 每件工时；所需人力 = R ÷ H；负荷率 = R ÷ C。".to_string(),
        "优化：在人员限额、预算、最少/最多人数、办案组人数和全覆盖的约束下，确定各机构各类人员人数及每个单位由哪个派驻组覆盖；目标依次为：各机构负荷率不超过目标（否则超出目标的工时最少）、费用最低、最高负荷率最低、调整最少。".to_string(),
        format!("模拟：{runs} 个模拟年份，每年 {days} 个工作日；来件服从泊松分布，每件工时服从伽马分布（变异系数按工作类型），先到先办，办案组人员全部空闲时才开始办理；后续工作按转入比例产生；有积压时加班，不超过每年加班上限。"),
    ],
    bounded_bands: |kept, runs, step| format!("为控制内存，5%–95% 区间和积压图取自 {runs} 个模拟年份中的前 {kept} 个（均值按全部模拟年份计算），积压每 {step} 个工作日读取一次。"),
    money: document::money_zh_in,
    sheet_offices: "各机构",
    sheet_allocation: "派驻分配",
    sheet_simulation: "模拟结果",
    sheet_workload: "所需工时构成",
    sheet_work_types: "按工作类型对比",
    mean: "均值",
    p5: "第5百分位",
    p95: "第95百分位",
    side: "对比项",
    with_side: |label, side| format!("{label}({side})"),
    service: "服务水平",
    service_text: "按机构及有办理期限的工作类型：期限内办结的比例与目标对比，第90百分位办理时长与期限对比，加班时长与上限对比，以及因须多人同时办案而闲置的办案工时；并列出工作均为单人办理的机构按爱尔朗C公式（多服务台排队模型）计算的等待概率和平均等待天数，作为解析校核。",
    service_columns: [
        "机构",
        "工作类型",
        "按期办结率（目标）",
        "第90百分位办理时长（期限），天",
        "人均加班小时（上限）",
        "因组队规则闲置工时",
        "爱尔朗C公式：等待概率，平均等待天数",
    ],
    idle_why: "办案工时在有案件等待时处于闲置：这些工作须多人同时办理，而空闲人数不足以组成办案组；分析把这些工时计为办案能力，这是模拟负荷率低于分析结果的原因之一（另外的原因是单独统计的加班和期末未办结的工作）",
    simulated_utilisation: "模拟负荷率",
    analysis_word: "分析",
    no_target: "无目标",
    no_cap: "无上限",
    of_capacity: |share| format!("占其办案能力{share:.1}%"),
    stop: "。",
    service_check: "按期办结校核：用方案自身的模拟检验",
    service_met: |runs, seed| format!("在方案自身的模拟中（{runs} 次模拟，随机种子 {seed}），所有按期办结目标均能达到。"),
    service_not_met: |runs, seed| format!("在方案自身的模拟中（{runs} 次模拟，随机种子 {seed}），方案未能达到全部按期办结目标，不应表述为已达到："),
    service_summary: |n| format!("注意：在方案自身的模拟中有 {n} 项按期办结目标未能达到（见“建议调整”中的按期办结校核）。"),
    service_posts: |office, posts, cost, before, after| {
        let share = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
        format!("{office}：为达到按期办结目标增加 {posts}（每年{cost}），最低按期办结率由 {} 升至 {}。", share(before), share(after))
    },
    service_unmet: |office, work, share, target, reason| {
        let (share, target) = crate::service::shares_shown(share, target);
        format!("{office}·{work}：按期办结率 {share}，目标 {target}。原因：{reason}。")
    },
    beyond_quota: |posts, cost, met| {
        if met {
            format!("若在人员限额和预算之外再增加 {posts}（每年{cost}），所有按期办结目标均可达到。")
        } else {
            format!("即使在人员限额和预算之外再增加 {posts}（每年{cost}），仍不能达到全部按期办结目标：还有其他限制。")
        }
    },
    shortfall: why::shortfall_zh,
    on_time_change: |before, after, target| {
        let share = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
        let target = target.map_or(String::new(), |t| format!("（目标 {:.0}%）", t * 100.0));
        format!("按期办结率：现状 {}，按建议方案 {}{target}。", share(before), share(after))
    },
    plan: &PLAN_ZH,
    sure: &SURE_ZH,
    steady: &STEADY_ZH,
    request: &REQUEST_ZH,
    wisn: &WISN_ZH,
    currency: None,
};

pub fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
    }
}
