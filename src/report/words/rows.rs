//! Row and column names the report and the workbook pick one by one: each is a named field or
//! an exhaustive match, never an index into a list of words.

use crate::benchmark::Ratio;
use crate::model::{Language, OfficeKind};

/// The rows of the summary table (and of the peer ratios that repeat some of them).
#[derive(Debug, Clone)]
pub struct SummaryRows {
    pub staff: &'static str,
    pub cost: &'static str,
    pub required_hours: &'static str,
    pub fte_need: &'static str,
    pub posts_needed: &'static str,
    pub gap: &'static str,
    pub peak_utilisation: &'static str,
    /// The peak among the staffed offices (already a percentage) where some offices have work
    /// and nobody to do it, and how many: their utilisation has no value.
    pub peak_unstaffed: fn(&str, usize) -> String,
    pub unmet_hours: &'static str,
    pub uncovered_units: &'static str,
    pub uncovered_hours: &'static str,
    /// Sub-rows of the required hours and posts needed: the part for work nobody does today.
    pub undone_hours: &'static str,
    pub undone_posts: &'static str,
    pub offices_over_target: &'static str,
    /// The undone sub-rows when the two sides are two organisations, neither of them today.
    pub undone_hours_apart: &'static str,
    pub undone_posts_apart: &'static str,
}

pub(super) const SUMMARY_EN: SummaryRows = SummaryRows {
    staff: "staff",
    cost: "yearly cost",
    required_hours: "required hours",
    fte_need: "FTE need",
    posts_needed: "posts needed",
    gap: "gap (staff − posts needed)",
    peak_utilisation: "peak utilisation",
    peak_unstaffed: |peak, n| match n {
        1 => format!("{peak}; 1 office has work and nobody"),
        _ => format!("{peak}; {n} offices have work and nobody"),
    },
    unmet_hours: "unmet hours above target",
    uncovered_units: "units no group covers",
    uncovered_hours: "hours nobody does (uncovered units)",
    undone_hours: "  of which not done today (units no group covers)",
    undone_posts: "  of which for work not done today",
    offices_over_target: "offices above target",
    undone_hours_apart: "  of which not done (units no group covers)",
    undone_posts_apart: "  of which for work not done",
};

pub(super) const SUMMARY_ZH: SummaryRows = SummaryRows {
    staff: "人数",
    cost: "年度人员费用",
    required_hours: "所需工时",
    fte_need: "所需人力（折算人数）",
    posts_needed: "所需岗位数",
    gap: "缺口（现有人数 − 所需岗位数）",
    peak_utilisation: "最高负荷率",
    peak_unstaffed: |peak, n| format!("{peak}；另有{n}个机构有工作无人"),
    unmet_hours: "超出目标的工时",
    uncovered_units: "未覆盖单位数",
    uncovered_hours: "无人承担的工时（未覆盖单位）",
    undone_hours: "  其中今日未开展的工作（未覆盖单位）",
    undone_posts: "  其中今日未开展的工作所需",
    offices_over_target: "超过目标负荷率的机构数",
    undone_hours_apart: "  其中未开展的工作（未覆盖单位）",
    undone_posts_apart: "  其中未开展的工作所需",
};

/// The name of a peer ratio (SPEC §12).
pub fn ratio_name(ratio: Ratio, language: Language) -> &'static str {
    match (language, ratio) {
        (Language::En, Ratio::StaffPerUnit) => "staff per supervised unit",
        (Language::En, Ratio::StaffPer1000Members) => "staff per 1,000 party members",
        (Language::En, Ratio::HoursPerPerson) => "required hours per person",
        (Language::Zh, Ratio::StaffPerUnit) => "每个被监督单位的人数",
        (Language::Zh, Ratio::StaffPer1000Members) => "每千名党员的人数",
        (Language::Zh, Ratio::HoursPerPerson) => "人均所需工时",
    }
}

/// An office kind as a reader says it.
pub fn office_kind(kind: OfficeKind, language: Language) -> &'static str {
    match (language, kind) {
        (Language::En, OfficeKind::Section) => "section",
        (Language::En, OfficeKind::DispatchedGroup) => "dispatched group",
        (Language::En, OfficeKind::PatrolGroup) => "patrol group",
        (Language::En, OfficeKind::Centre) => "centre",
        (Language::Zh, OfficeKind::Section) => "内设机构",
        (Language::Zh, OfficeKind::DispatchedGroup) => "派驻纪检组",
        (Language::Zh, OfficeKind::PatrolGroup) => "巡察组",
        (Language::Zh, OfficeKind::Centre) => "中心",
    }
}

/// A column of `offices.csv` and `allocation.csv`: its id in the CSV file, its name in the
/// workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Name,
    Kind,
    Staff,
    Units,
    RequiredHours,
    CapacityHours,
    FteNeed,
    Utilisation,
    ItemsPerPerson,
    HoursPerPerson,
    PostsNeeded,
    Gap,
    UnitId,
    UnitName,
    UnitKind,
    GroupHours,
    Group,
    GroupName,
}

impl Column {
    /// The CSV header (SPEC: CSV keeps ids).
    pub fn id(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Kind => "kind",
            Column::Staff => "staff",
            Column::Units => "units",
            Column::RequiredHours => "required_hours",
            Column::CapacityHours => "capacity_hours",
            Column::FteNeed => "fte_need",
            Column::Utilisation => "utilisation",
            Column::ItemsPerPerson => "items_per_person",
            Column::HoursPerPerson => "hours_per_person",
            Column::PostsNeeded => "posts_needed",
            Column::Gap => "gap",
            Column::UnitId => "unit_id",
            Column::UnitName => "unit_name",
            Column::UnitKind => "unit_kind",
            Column::GroupHours => "group_hours",
            Column::Group => "group",
            Column::GroupName => "group_name",
        }
    }

    /// The header a reader sees.
    pub fn name(self, language: Language) -> &'static str {
        match language {
            Language::En => match self {
                Column::Id => "id",
                Column::Name => "name",
                Column::Kind => "kind",
                Column::Staff => "staff",
                Column::Units => "units",
                Column::RequiredHours => "required hours",
                Column::CapacityHours => "capacity hours",
                Column::FteNeed => "FTE need",
                Column::Utilisation => "utilisation",
                Column::ItemsPerPerson => "items per person",
                Column::HoursPerPerson => "hours per person",
                Column::PostsNeeded => "posts needed",
                Column::Gap => "gap",
                Column::UnitId => "unit id",
                Column::UnitName => "unit",
                Column::UnitKind => "unit kind",
                Column::GroupHours => "group hours a year",
                Column::Group => "group",
                Column::GroupName => "group name",
            },
            Language::Zh => match self {
                Column::Id => "代码",
                Column::Name => "名称",
                Column::Kind => "类型",
                Column::Staff => "人数",
                Column::Units => "覆盖单位数",
                Column::RequiredHours => "所需工时",
                Column::CapacityHours => "办案能力（工时）",
                Column::FteNeed => "所需人力",
                Column::Utilisation => "负荷率",
                Column::ItemsPerPerson => "人均件数",
                Column::HoursPerPerson => "人均工时",
                Column::PostsNeeded => "所需岗位数",
                Column::Gap => "缺口",
                Column::UnitId => "单位代码",
                Column::UnitName => "单位",
                Column::UnitKind => "单位类型",
                Column::GroupHours => "派驻组每年工时",
                Column::Group => "派驻组代码",
                Column::GroupName => "派驻组",
            },
        }
    }
}
