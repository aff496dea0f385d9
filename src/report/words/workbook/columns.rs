//! The header (with its unit) and the note row's sentence (what to enter, allowed values, the
//! default when the cell is empty) of every key of the scenario format, in English and in
//! Chinese. The match is exhaustive over `scenario::keys::Key`, so a key added to the format
//! does not compile until it has its words here. For a table's key (`Key::Office`) the header
//! is the sheet's name and the sentence says what one row holds.

use crate::scenario::keys::Key;

/// The words of one key.
pub(super) struct KeyWords {
    pub en: &'static str,
    pub en_note: &'static str,
    pub zh: &'static str,
    pub zh_note: &'static str,
}

const fn w(
    en: &'static str,
    en_note: &'static str,
    zh: &'static str,
    zh_note: &'static str,
) -> KeyWords {
    KeyWords {
        en,
        en_note,
        zh,
        zh_note,
    }
}

pub(super) const fn key_words(key: Key) -> KeyWords {
    match key {
        Key::Low => LOW,
        Key::Likely => LIKELY,
        Key::High => HIGH,
        Key::ScenarioName => SCENARIO_NAME,
        Key::Language => LANGUAGE,
        Key::Date => DATE,
        Key::Method => METHOD,
        Key::Peers => PEERS,
        Key::Currency => CURRENCY,
        Key::WorkingDays => WORKING_DAYS,
        Key::HoursPerDay => HOURS_PER_DAY,
        Key::LeaveDays => LEAVE_DAYS,
        Key::TrainingDays => TRAINING_DAYS,
        Key::NonCaseShare => NON_CASE_SHARE,
        Key::OvertimeHours => OVERTIME_HOURS,
        Key::Label => LABEL,
        Key::Cost => COST,
        Key::Attrition => ATTRITION,
        Key::HiringLagYears => HIRING_LAG_YEARS,
        Key::HiresPerYear => HIRES_PER_YEAR,
        Key::StaffWorkingDays => STAFF_WORKING_DAYS,
        Key::StaffHoursPerDay => STAFF_HOURS_PER_DAY,
        Key::StaffLeaveDays => STAFF_LEAVE_DAYS,
        Key::StaffTrainingDays => STAFF_TRAINING_DAYS,
        Key::StaffNonCaseShare => STAFF_NON_CASE_SHARE,
        Key::Quota => QUOTA,
        Key::Budget => BUDGET,
        Key::TargetUtilisation => TARGET_UTILISATION,
        Key::PolicyOnTime => POLICY_ON_TIME,
        Key::KeepStaff => KEEP_STAFF,
        Key::QuotaByYear => QUOTA_BY_YEAR,
        Key::Reallocate => REALLOCATE,
        Key::OfficeId => OFFICE_ID,
        Key::OfficeName => OFFICE_NAME,
        Key::OfficeKind => OFFICE_KIND,
        Key::OfficeStaff => OFFICE_STAFF,
        Key::Leaders => LEADERS,
        Key::LeaderCaseShare => LEADER_CASE_SHARE,
        Key::MinStaff => MIN_STAFF,
        Key::MaxStaff => MAX_STAFF,
        Key::AllowedStaff => ALLOWED_STAFF,
        Key::Fixed => FIXED,
        Key::Covers => COVERS,
        Key::MaxUnits => MAX_UNITS,
        Key::Optional => OPTIONAL,
        Key::Sanctioned => SANCTIONED,
        Key::LeaderPosts => LEADER_POSTS,
        Key::Allowances => ALLOWANCES,
        Key::AllowanceStaff => ALLOWANCE_STAFF,
        Key::AllowanceHours => ALLOWANCE_HOURS,
        Key::Persons => PERSONS,
        Key::AllowanceName => ALLOWANCE_NAME,
        Key::UnitId => UNIT_ID,
        Key::UnitName => UNIT_NAME,
        Key::UnitKind => UNIT_KIND,
        Key::Members => MEMBERS,
        Key::Workload => WORKLOAD,
        Key::Eligible => ELIGIBLE,
        Key::NextWork => NEXT_WORK,
        Key::Share => SHARE,
        Key::WorkId => WORK_ID,
        Key::WorkName => WORK_NAME,
        Key::WorkOffice => WORK_OFFICE,
        Key::Volume => VOLUME,
        Key::Hours => HOURS,
        Key::Team => TEAM,
        Key::Cv => CV,
        Key::DeadlineDays => DEADLINE_DAYS,
        Key::WorkOnTime => WORK_ON_TIME,
        Key::Backlog => BACKLOG,
        Key::Growth => GROWTH,
        Key::WorkStaff => WORK_STAFF,
        Key::Years => YEARS,
        Key::Start => START,
        Key::Confidence => CONFIDENCE,
        Key::Scenario => SCENARIO,
        Key::Calendar => CALENDAR,
        Key::Staff => STAFF,
        Key::Policy => POLICY,
        Key::Office => OFFICE,
        Key::Unit => UNIT,
        Key::Work => WORK,
        Key::Next => NEXT,
        Key::Plan => PLAN,
    }
}

const LOW: KeyWords = w(
    "low",
    "The least value thought possible; empty if the figure is certain.",
    "最低",
    "可能的最小值；数字确定时留空。",
);

const LIKELY: KeyWords = w(
    "likely",
    "The most likely value; every fixed figure uses it.",
    "最可能",
    "最可能的值；所有确定性测算都用它。",
);

const HIGH: KeyWords = w(
    "high",
    "The largest value thought possible; empty if the figure is certain.",
    "最高",
    "可能的最大值；数字确定时留空。",
);

const SCENARIO_NAME: KeyWords = w(
    "Name",
    "Organisation and year described; it titles every table and chart.",
    "名称",
    "所描述的单位和年份，作为各表格和图表的标题。",
);

const LANGUAGE: KeyWords = w(
    "Language (en/zh)",
    "Language of the report: en or zh. Empty: en.",
    "语言（en/zh）",
    "报告语言：zh 或 en。留空为 en。",
);

const DATE: KeyWords = w(
    "Date",
    "Date printed under the charts, e.g. 2025-06. Empty: none.",
    "日期",
    "印在图表下方的日期，如 2025-06。留空则不印。",
);

const PEERS: KeyWords = w(
    "Peers",
    "Scenario files of peer organisations, relative to this file, separated by commas; the pack compares them. Empty: none.",
    "对标单位",
    "对标单位的情景文件（相对于本文件的路径），以逗号分隔；报告将与之对比。留空则不对比。",
);

const CURRENCY: KeyWords = w(
    "Currency",
    "Currency of costs and the budget, shown with every amount, e.g. KES or $. Empty: none (plain numbers).",
    "货币",
    "成本和预算的货币，随每个金额显示，如 元、美元。留空为 元（金额以万元计）。",
);

const WORKING_DAYS: KeyWords = w(
    "Working days a year",
    "Whole days a year on duty, before leave and training. Empty: 250.",
    "年工作日（天）",
    "每年的工作日数（未扣休假和培训），整数。留空为 250。",
);

const HOURS_PER_DAY: KeyWords = w(
    "Hours a day",
    "Working hours in a day. Empty: 8.",
    "每日工时（小时）",
    "每天的工作小时数。留空为 8。",
);

const LEAVE_DAYS: KeyWords = w(
    "Leave days a year",
    "Days of leave and sick leave a person a year. Empty: 10.",
    "年休假病假（天）",
    "每人每年的休假和病假天数。留空为 10。",
);

const TRAINING_DAYS: KeyWords = w(
    "Training days a year",
    "Days of training a person a year. Empty: 5.",
    "年培训（天）",
    "每人每年的培训天数。留空为 5。",
);

const NON_CASE_SHARE: KeyWords = w(
    "Non-case share (0..1)",
    "Share of the remaining time on duties other than casework, e.g. 0.15. Empty: 0.15.",
    "非办案时间占比（0..1）",
    "其余时间中用于非办案事务的比例，如 0.15。留空为 0.15。",
);

const OVERTIME_HOURS: KeyWords = w(
    "Most overtime a year (hours)",
    "Most overtime hours one person may work in a year; used by the simulation. Empty: 0.",
    "年加班上限（小时）",
    "每人每年最多加班小时数，仅用于模拟。留空为 0。",
);

const LABEL: KeyWords = w(
    "Label",
    "Name of the staff type in the report. Empty: its id.",
    "名称",
    "人员类别在报告中的名称。留空则用编号。",
);

const COST: KeyWords = w(
    "Cost a person a year",
    "Pay and on-costs of one person a year, in your currency. Empty: 0.",
    "每人年费用（元）",
    "每人每年的工资及附加费用。留空为 0。",
);

const ATTRITION: KeyWords = w(
    "Leaving a year (0..1)",
    "Multi-year plan: share of these people leaving each year, e.g. 0.05. Empty: 0.",
    "年流失率（0..1）",
    "多年规划：每年离开的人员比例，如 0.05。留空为 0。",
);

const HIRING_LAG_YEARS: KeyWords = w(
    "Hiring lag (years)",
    "Multi-year plan: whole years from asking for a hire to its arrival. Empty: 0.",
    "招录周期（年）",
    "多年规划：从申请招录到人员到岗的整年数。留空为 0。",
);

const HIRES_PER_YEAR: KeyWords = w(
    "Most hires a year",
    "Multi-year plan: most hires of this type in one year, all offices together. Empty: no cap.",
    "年招录上限（人）",
    "多年规划：该类别每年最多招录人数（全部机构合计）。留空则不设上限。",
);

const QUOTA: KeyWords = w(
    "Quota (people)",
    "Most people of this staff type in total; the optimiser keeps within it. Empty: no quota.",
    "限额（人）",
    "该类别人员总数上限，优化时不超过。留空则不设限额。",
);

const BUDGET: KeyWords = w(
    "Budget a year",
    "Most total yearly cost of all staff, in your currency. Empty: no budget.",
    "年度预算（元）",
    "全部人员每年费用总额上限。留空则不设预算。",
);

const TARGET_UTILISATION: KeyWords = w(
    "Target utilisation (0..1)",
    "Load every office is planned to at most, above 0 and at most 1. Empty: 0.85.",
    "目标负荷率（0..1）",
    "各机构规划负荷率上限，大于 0 且不超过 1。留空为 0.85。",
);

const POLICY_ON_TIME: KeyWords = w(
    "On-time share (0..1)",
    "Share of items with a deadline that must finish within it, e.g. 0.9. Empty: no target.",
    "按期办结比例（0..1）",
    "有办理期限的事项须按期办结的比例，如 0.9。留空则不设目标。",
);

const REALLOCATE: KeyWords = w(
    "Move idle approved posts first",
    "TRUE: approved posts an office does not need move to offices that need them before any new post is asked for. Empty: TRUE.",
    "先调剂空余编制",
    "TRUE：先把不需要的核定编制调剂给需要的机构，再申请新增编制。留空为 TRUE。",
);

const KEEP_STAFF: KeyWords = w(
    "Keep today's staff",
    "TRUE: no office loses people of any type. Empty: FALSE.",
    "不减现有人员",
    "TRUE：任何机构各类人员都不减少。留空为 FALSE。",
);

const QUOTA_BY_YEAR: KeyWords = w(
    "Quota by year (people, comma-separated)",
    "Multi-year plan: one quota per plan year, e.g. 9, 9, 10. Empty: the quota every year.",
    "分年度限额（人，逗号分隔）",
    "多年规划：每个规划年度一个限额，如 9, 9, 10。留空则每年用限额。",
);

const OFFICE_ID: KeyWords = w(
    "Id",
    "Short unique id, e.g. petitions; the Work sheet names the office by it.",
    "编号",
    "简短唯一的编号，如 petitions；工作表用它指明承办机构。",
);

const OFFICE_NAME: KeyWords = w(
    "Name",
    "Name of the office in the report.",
    "名称",
    "机构在报告中的名称。",
);

const OFFICE_KIND: KeyWords = w(
        "Kind",
        "section, dispatched_group, patrol_group or centre. Empty: section.",
        "类型",
        "section（部门）、dispatched_group（派驻组）、patrol_group（巡察组）或 centre（中心）。留空为 section。",
    );

const OFFICE_STAFF: KeyWords = w(
    "Staff today (people)",
    "People of this staff type in the office today. Empty: none.",
    "现有人员（人）",
    "该机构现有该类别人数。留空为 0。",
);

const LEADERS: KeyWords = w(
    "Leaders (people)",
    "Of the staff, how many lead the office. Empty: 0.",
    "领导（人）",
    "现有人员中的领导职数。留空为 0。",
);

const LEADER_CASE_SHARE: KeyWords = w(
    "Leaders' casework share (0..1)",
    "Share of a leader's time spent on casework. Empty: 0.5.",
    "领导办案时间占比（0..1）",
    "领导用于办案的时间比例。留空为 0.5。",
);

const MIN_STAFF: KeyWords = w(
    "Least staff (people)",
    "Fewest people the optimiser may give the office. Empty: no bound.",
    "最少人数（人）",
    "优化时该机构的最少人数。留空则不限。",
);

const MAX_STAFF: KeyWords = w(
    "Most staff (people)",
    "Most people the optimiser may give the office. Empty: no bound.",
    "最多人数（人）",
    "优化时该机构的最多人数。留空则不限。",
);

const ALLOWED_STAFF: KeyWords = w(
    "Allowed staff types (comma-separated)",
    "Staff type ids the office may have, e.g. establishment. Empty: every type.",
    "可配人员类别（逗号分隔）",
    "该机构可配的人员类别编号，如 establishment。留空则各类均可。",
);

const FIXED: KeyWords = w(
    "Fixed",
    "TRUE: the optimiser leaves the office as it is. Empty: FALSE.",
    "保持不变",
    "TRUE：优化时该机构保持现状。留空为 FALSE。",
);

const COVERS: KeyWords = w(
    "Units covered today (comma-separated)",
    "Dispatched groups: ids of the units on the Units sheet the group covers. Empty: none.",
    "目前覆盖单位（逗号分隔）",
    "派驻组：目前覆盖的监督单位编号（见监督单位表）。留空为无。",
);

const MAX_UNITS: KeyWords = w(
    "Most units",
    "Dispatched groups: most units one group may cover. Empty: no bound.",
    "最多覆盖单位数",
    "派驻组：一个组最多覆盖的单位数。留空则不限。",
);

const SANCTIONED: KeyWords = w(
    "Approved posts",
    "Posts approved for the office, one column per staff type (whole number). All empty: the staff in post; a type left empty beside a filled one has no approved posts.",
    "核定编制",
    "该机构核定的编制数，每类人员一列（整数）。全部留空时按现有人数；填写了其他类别而本类留空的，本类无编制。",
);

const LEADER_POSTS: KeyWords = w(
    "Leadership posts approved",
    "Leadership posts (whole number), reported beside the leaders in post. Empty: not reported.",
    "核定领导职数",
    "核定的领导职数（整数），与现任领导人数对照列出。留空则不列。",
);

const OPTIONAL: KeyWords = w(
    "Optional",
    "TRUE: the optimiser may open this group or leave it out. Empty: FALSE.",
    "可选",
    "TRUE：优化时可设立或撤销该组。留空为 FALSE。",
);

const UNIT_ID: KeyWords = w(
    "Id",
    "Short unique id, e.g. unit-a; the Offices sheet's covered units name it.",
    "编号",
    "简短唯一的编号，如 unit-a；机构表的覆盖单位用它。",
);

const UNIT_NAME: KeyWords = w(
    "Name",
    "Name of the supervised unit in the report.",
    "名称",
    "监督单位在报告中的名称。",
);

const UNIT_KIND: KeyWords = w(
    "Kind",
    "A free label, e.g. department or enterprise. Empty: none.",
    "类别",
    "自由填写的类别，如 部门、企业。留空为无。",
);

const MEMBERS: KeyWords = w(
    "Members (people)",
    "Party members or staff of the unit; used by benchmark. Empty: unknown.",
    "党员人数（人）",
    "该单位党员或职工人数，用于对标。留空为未知。",
);

const WORKLOAD: KeyWords = w(
    "Items a year",
    "Items of this work type the unit gives rise to in a year. Empty: 0.",
    "年件数",
    "该单位每年产生的该类工作件数。留空为 0。",
);

const ELIGIBLE: KeyWords = w(
    "Eligible groups (comma-separated)",
    "Ids of the dispatched groups allowed to cover the unit; [] for none. Empty: every group.",
    "可覆盖的派驻组（逗号分隔）",
    "可以覆盖该单位的派驻组编号；填 [] 表示均不可。留空则各组均可。",
);

const NEXT_WORK: KeyWords = w(
    "Follow-up work type",
    "Id of the work type that a finished item starts, from the Work sheet.",
    "后续工作类型",
    "办结后引发的工作类型编号（见工作表）。",
);

const SHARE: KeyWords = w(
    "Follow-ups per item (0..1)",
    "Follow-up items started by one finished item, e.g. 0.2.",
    "每件引发后续件数（0..1）",
    "每办结一件引发的后续件数，如 0.2。",
);

const WORK_ID: KeyWords = w(
    "Id",
    "Short unique id, e.g. petition; units' items and follow-ups name it.",
    "编号",
    "简短唯一的编号，如 petition；单位年件数和后续工作用它。",
);

const WORK_NAME: KeyWords = w(
    "Name",
    "Name of the work type in the report.",
    "名称",
    "工作类型在报告中的名称。",
);

const WORK_OFFICE: KeyWords = w(
    "Office",
    "Id of the office that does it, or covering_group: the group covering the unit.",
    "承办机构",
    "承办机构编号，或 covering_group：由覆盖该单位的派驻组承办。",
);

const VOLUME: KeyWords = w(
    "Items a year",
    "Items a year arriving at the office directly, besides the units' items. Empty: 0.",
    "年件数",
    "每年直接到达该机构的件数（不含各单位产生的）。留空为 0。",
);

const HOURS: KeyWords = w(
    "Hours an item (person-hours)",
    "Person-hours one item takes, all team members together.",
    "每件工时（人·小时）",
    "办理一件所需的人·小时（全组合计）。",
);

const TEAM: KeyWords = w(
    "Team (people)",
    "People working on one item at the same time. Empty: 1.",
    "每件人数（人）",
    "同时办理一件的人数。留空为 1。",
);

const CV: KeyWords = w(
    "Effort variation (cv)",
    "How much the hours vary from item to item: 0 none, 1 very much. Empty: 0.5.",
    "工时变异系数",
    "各件工时的离散程度：0 为不变，1 为很大。留空为 0.5。",
);

const DEADLINE_DAYS: KeyWords = w(
    "Deadline (working days)",
    "Working days allowed from arrival to completion. Empty: no deadline.",
    "办理期限（工作日）",
    "从收到到办结允许的工作日数。留空则无期限。",
);

const WORK_ON_TIME: KeyWords = w(
    "On-time share (0..1)",
    "Share of its items that must finish within the deadline. Empty: the policy's.",
    "按期办结比例（0..1）",
    "须在期限内办结的比例。留空则用政策表的比例。",
);

const BACKLOG: KeyWords = w(
    "Open items at the start",
    "Items already open when the simulated period starts. Empty: 0.",
    "期初积压（件）",
    "模拟开始时已积压的件数。留空为 0。",
);

const GROWTH: KeyWords = w(
    "Growth a year (rate)",
    "Multi-year plan: yearly growth of its items, e.g. 0.03 for 3 %; above −1. Empty: 0.",
    "年增长率",
    "多年规划：件数每年增长率，如 0.03 即 3%，须大于 −1。留空为 0。",
);

const YEARS: KeyWords = w(
    "Years",
    "Years of the multi-year plan, 1 to 50. Leave the row empty for no plan.",
    "年数",
    "多年规划的年数，1 至 50。不做规划则整行留空。",
);

const START: KeyWords = w(
    "First year",
    "Label of the plan's first year, e.g. 2026. Empty: 1.",
    "起始年份",
    "规划第一年的年份，如 2026。留空为 1。",
);

const CONFIDENCE: KeyWords = w(
    "Confidence",
    "Share above 0 and below 1: hires are sized so that every office has at least its posts needed each year in this share of the runs. Empty: expected values.",
    "把握度",
    "大于 0、小于 1 的比例：招录人数使各科室每年在该比例的模拟中不少于所需岗位数。留空按期望值。",
);

const SCENARIO: KeyWords = w(
    "Scenario",
    "One row: the scenario's name and language.",
    "情景",
    "一行：情景名称和语言。",
);

const CALENDAR: KeyWords = w(
    "Calendar",
    "One row: the working year.",
    "工作日历",
    "一行：工作年度。",
);

const STAFF: KeyWords = w(
    "Staff types",
    "Short id of the staff type, e.g. establishment; other sheets head a column with it.",
    "人员类别",
    "人员类别的简短编号，如 establishment；其他表以它为列名。",
);

const POLICY: KeyWords = w(
    "Policy",
    "One row: quotas, budget and targets.",
    "政策",
    "一行：限额、预算和目标。",
);

const OFFICE: KeyWords = w(
    "Offices",
    "One row per section, dispatched group, patrol group or centre.",
    "机构",
    "每个部门、派驻组、巡察组或中心一行。",
);

const UNIT: KeyWords = w(
    "Units",
    "One row per supervised unit.",
    "监督单位",
    "每个监督单位一行。",
);

const WORK: KeyWords = w(
    "Work",
    "One row per work type.",
    "工作",
    "每种工作类型一行。",
);

const NEXT: KeyWords = w(
    "Follow-up work",
    "Id of the work type whose finished items start the follow-up, from the Work sheet.",
    "后续工作",
    "办结后引发后续工作的工作类型编号（见工作表）。",
);

const PLAN: KeyWords = w(
    "Plan",
    "One row for a multi-year plan; empty for none.",
    "多年规划",
    "做多年规划则填一行；否则留空。",
);

const METHOD: KeyWords = w(
    "Method (caseload/wisn)",
    "How the report speaks of the need: caseload, or wisn for the WHO's Workload Indicators of Staffing Need. Empty: caseload.",
    "测算方法（caseload/wisn）",
    "报告表述需求的方法：caseload（加权案件量）或 wisn（世卫组织人员配置需求工作量指标法）。留空为 caseload。",
);

const ALLOWANCES: KeyWords = w(
    "Individual allowances",
    "One row per individual allowance (WISN): time some staff of a type at the office spend outside the workload.",
    "个人宽限",
    "每行一项个人宽限（WISN）：本部门某类人员中部分人员用于工作量以外活动的时间。",
);

const ALLOWANCE_STAFF: KeyWords = w(
    "Staff type",
    "Id of the staff type whose people spend the time.",
    "人员类别",
    "花费该时间的人员类别标识。",
);

const ALLOWANCE_HOURS: KeyWords = w(
    "Hours a year per person",
    "Hours a year each of these people spends on it (≥ 0).",
    "每人每年小时数",
    "其中每人每年用于该活动的小时数（≥ 0）。",
);

const PERSONS: KeyWords = w(
    "Persons",
    "How many people of the type spend the time (whole number). Empty: 1.",
    "人数",
    "花费该时间的人数（整数）。留空为 1。",
);

const ALLOWANCE_NAME: KeyWords = w(
    "Activity",
    "What the time is spent on, e.g. clinic management. Empty: none.",
    "活动",
    "时间用于何种活动，如门诊管理。留空则不写。",
);

const WORK_STAFF: KeyWords = w(
    "Staff types who may do it",
    "WISN: ids of the staff types that may do this work, comma-separated. Empty: every type its office allows.",
    "可承担的人员类别",
    "WISN：可承担此项工作的人员类别标识，以逗号分隔。留空为本部门允许的所有类别。",
);

const STAFF_WORKING_DAYS: KeyWords = w(
    "Own working days a year",
    "WISN: this staff type's working days a year (whole number). Empty: the calendar's.",
    "本类工作日/年",
    "WISN：本类人员每年工作日数（整数）。留空则用工作年历的数值。",
);

const STAFF_HOURS_PER_DAY: KeyWords = w(
    "Own hours a day",
    "WISN: this staff type's working hours a day (up to 24). Empty: the calendar's.",
    "本类每日小时数",
    "WISN：本类人员每日工作小时数（不超过 24）。留空则用工作年历的数值。",
);

const STAFF_LEAVE_DAYS: KeyWords = w(
    "Own leave days a year",
    "WISN: this staff type's leave and sick days a year (whole number). Empty: the calendar's.",
    "本类休假天数/年",
    "WISN：本类人员每年休假及病假天数（整数）。留空则用工作年历的数值。",
);

const STAFF_TRAINING_DAYS: KeyWords = w(
    "Own training days a year",
    "WISN: this staff type's training days a year (whole number). Empty: the calendar's.",
    "本类培训天数/年",
    "WISN：本类人员每年培训天数（整数）。留空则用工作年历的数值。",
);

const STAFF_NON_CASE_SHARE: KeyWords = w(
    "Own share on support activities",
    "WISN's category allowance: this staff type's share of time on support activities, 0..1. Empty: the calendar's.",
    "本类支持性活动时间比例",
    "WISN 的类别宽限：本类人员用于支持性活动的时间比例，0 至 1。留空则用工作年历的数值。",
);
