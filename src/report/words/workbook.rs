//! The words of the scenario workbook of `staffplan template`: sheet names, column headers
//! with their units, and the explanation row, in English and in Chinese. A key is named by
//! its table and field of the format (`scenario::keys`); a key the format gains later and
//! this file does not know yet is headed by its own name, never left out.

use crate::model::Language;
use crate::scenario::keys::Kind;

/// The workbook's words in one language.
#[derive(Debug)]
pub struct TemplateWords {
    language: Language,
    pub low: &'static str,
    pub likely: &'static str,
    pub high: &'static str,
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
    low: "low",
    likely: "likely",
    high: "high",
    notes: "Notes and sources",
    notes_help: "one line per key: `key: source or ASSUMPTION: reason`",
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
    low: "最低",
    likely: "最可能",
    high: "最高",
    notes: "说明与出处",
    notes_help: "每个键一行:`键: 出处` 或 `键: 假设:理由`",
    id: "编号",
    parent: "工作类型",
    calc_sheet: "测算",
    calc_title: "现有机构的加权工作量测算:修改黄色输入格,各项结果随之变化",
    calc_inputs: [
        "年工作日 (天)",
        "年休假病假 (天)",
        "年培训 (天)",
        "每日工时 (小时)",
        "非办案时间占比",
        "目标负荷率",
    ],
    calc_year_value: "年工作量基准 H (小时)",
    calc_work_headers: [
        "机构",
        "工作类型",
        "年件数",
        "每件工时 (小时)",
        "所需工时 (小时)",
    ],
    calc_office_headers: [
        "机构",
        "名称",
        "现有人数",
        "领导人数",
        "领导办案时间占比",
        "最少岗位数 (每件人数、最少人数)",
        "所需工时 R",
        "办案能力 C (小时)",
        "所需人力 R/H",
        "负荷率 R/C",
        "所需岗位数",
    ],
};

pub fn template_words(language: Language) -> &'static TemplateWords {
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
    }
}

impl TemplateWords {
    /// The sheet name of a table of the format (`calendar`, `work/next`).
    pub fn sheet(&self, table: &str) -> String {
        let zh = self.language == Language::Zh;
        let name = match (table, zh) {
            ("scenario", false) => "Scenario",
            ("scenario", true) => "情景",
            ("calendar", false) => "Calendar",
            ("calendar", true) => "工作日历",
            ("staff", false) => "Staff types",
            ("staff", true) => "人员类别",
            ("policy", false) => "Policy",
            ("policy", true) => "政策",
            ("office", false) => "Offices",
            ("office", true) => "机构",
            ("unit", false) => "Units",
            ("unit", true) => "监督单位",
            ("work", false) => "Work",
            ("work", true) => "工作",
            ("work/next", false) => "Follow-up work",
            ("work/next", true) => "后续工作",
            ("plan", false) => "Plan",
            ("plan", true) => "多年规划",
            (other, _) => other,
        };
        name.to_string()
    }

    /// The header of a key: its name and unit.
    pub fn key(&self, table: &str, field: &str) -> String {
        let (en, zh) = match (table, field) {
            ("scenario", "name") => ("Name", "名称"),
            ("scenario", "language") => ("Language (en/zh)", "语言 (en/zh)"),
            ("scenario", "date") => ("Date", "日期"),
            ("calendar", "working_days") => ("Working days a year", "年工作日 (天)"),
            ("calendar", "hours_per_day") => ("Hours a day", "每日工时 (小时)"),
            ("calendar", "leave_days") => ("Leave days a year", "年休假病假 (天)"),
            ("calendar", "training_days") => ("Training days a year", "年培训 (天)"),
            ("calendar", "non_case_share") => ("Non-case share (0..1)", "非办案时间占比 (0..1)"),
            ("calendar", "overtime_hours") => ("Most overtime a year (hours)", "年加班上限 (小时)"),
            ("staff", "label") => ("Label", "名称"),
            ("staff", "cost") => ("Cost a person a year", "每人年费用 (元)"),
            ("staff", "attrition") => ("Leaving a year (0..1)", "年流失率 (0..1)"),
            ("staff", "hiring_lag_years") => ("Hiring lag (years)", "招录周期 (年)"),
            ("staff", "hires_per_year") => ("Most hires a year", "年招录上限 (人)"),
            ("policy", "quota") => ("Quota (people)", "限额 (人)"),
            ("policy", "budget") => ("Budget a year", "年度预算 (元)"),
            ("policy", "target_utilisation") => ("Target utilisation (0..1)", "目标负荷率 (0..1)"),
            ("policy", "on_time") => ("On-time share (0..1)", "按期办结比例 (0..1)"),
            ("policy", "keep_staff") => ("Keep today's staff", "不减现有人员"),
            ("policy", "quota_by_year") => (
                "Quota by year (people, comma-separated)",
                "分年度限额 (人,逗号分隔)",
            ),
            ("office" | "unit" | "work", "id") => ("Id", "编号"),
            ("office" | "unit" | "work", "name") => ("Name", "名称"),
            ("office", "kind") => ("Kind", "类型"),
            ("unit", "kind") => ("Kind", "类别"),
            ("office", "staff") => ("Staff today (people)", "现有人员 (人)"),
            ("office", "leaders") => ("Leaders (people)", "领导 (人)"),
            ("office", "leader_case_share") => {
                ("Leaders' casework share (0..1)", "领导办案时间占比 (0..1)")
            }
            ("office", "min_staff") => ("Least staff (people)", "最少人数 (人)"),
            ("office", "max_staff") => ("Most staff (people)", "最多人数 (人)"),
            ("office", "allowed_staff") => (
                "Allowed staff types (comma-separated)",
                "可配人员类别 (逗号分隔)",
            ),
            ("office", "fixed") => ("Fixed", "保持不变"),
            ("office", "covers") => (
                "Units covered today (comma-separated)",
                "目前覆盖单位 (逗号分隔)",
            ),
            ("office", "max_units") => ("Most units", "最多覆盖单位数"),
            ("office", "optional") => ("Optional", "可选"),
            ("office", "sanctioned") => ("Approved posts", "核定编制 (个)"),
            ("office", "leader_posts") => ("Leadership posts approved", "核定领导职数 (个)"),
            ("policy", "reallocate") => ("Move idle approved posts first", "先调剂空余编制"),
            ("unit", "members") => ("Members (people)", "党员人数 (人)"),
            ("unit", "workload") => ("Items a year", "年件数"),
            ("unit", "eligible") => (
                "Eligible groups (comma-separated)",
                "可覆盖的派驻组 (逗号分隔)",
            ),
            ("work", "office") => ("Office", "承办机构"),
            ("work", "volume") => ("Items a year", "年件数"),
            ("work", "hours") => ("Hours an item (person-hours)", "每件工时 (人·小时)"),
            ("work", "team") => ("Team (people)", "每件人数 (人)"),
            ("work", "cv") => ("Effort variation (cv)", "工时变异系数"),
            ("work", "deadline_days") => ("Deadline (working days)", "办理期限 (工作日)"),
            ("work", "on_time") => ("On-time share (0..1)", "按期办结比例 (0..1)"),
            ("work", "backlog") => ("Open items at the start", "期初积压 (件)"),
            ("work", "growth") => ("Growth a year (rate)", "年增长率"),
            ("work/next", "work") => ("Follow-up work type", "后续工作类型"),
            ("work/next", "share") => ("Follow-ups per item (0..1)", "每件引发后续件数 (0..1)"),
            ("plan", "years") => ("Years", "年数"),
            ("plan", "start") => ("First year", "起始年份"),
            _ => (field, field),
        };
        (if self.language == Language::Zh {
            zh
        } else {
            en
        })
        .to_string()
    }

    /// The explanation row's text for a column of `kind`.
    pub fn kind(&self, kind: Kind, required: bool) -> String {
        let zh = self.language == Language::Zh;
        let what = match (kind, zh) {
            (Kind::Whole, false) => "whole number",
            (Kind::Whole, true) => "整数",
            (Kind::Real, false) => "number",
            (Kind::Real, true) => "数值",
            (Kind::Rate, false) => "rate above −1",
            (Kind::Rate, true) => "大于 −1 的比率",
            (Kind::Bool, false) => "TRUE or FALSE",
            (Kind::Bool, true) => "TRUE 或 FALSE",
            (Kind::Choice(_), false) => "from the list",
            (Kind::Choice(_), true) => "从列表中选择",
            (Kind::Ids | Kind::List(_), false) => "comma-separated",
            (Kind::Ids | Kind::List(_), true) => "用逗号分隔",
            (_, false) => "text",
            (_, true) => "文字",
        };
        match (required, zh) {
            (true, false) => format!("{what}, required"),
            (true, true) => format!("{what},必填"),
            (false, _) => what.to_string(),
        }
    }
}
