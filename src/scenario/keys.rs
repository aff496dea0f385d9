//! The scenario format described as data: every key, its type and what it means.
//!
//! One description serves two purposes, so they cannot drift apart: the check for unknown
//! keys (with a "did you mean" from the keys allowed at that place) and the JSON Schema that
//! `staffplan schema` prints for editors.

use crate::model::{Method, OfficeKind};

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Str,
    /// A real number; an integer literal is accepted.
    Real,
    /// A yearly rate: a real number above −1 (`[[work]] growth`).
    Rate,
    /// A whole number, zero or more.
    Whole,
    Bool,
    /// A string out of a fixed list.
    Choice(&'static [&'static str]),
    /// An array of ids.
    Ids,
    /// A table with these keys.
    Table(&'static [Field]),
    /// An array of tables with these keys (`[[office]]`, `next = [{ … }]`).
    Tables(&'static [Field]),
    /// A table whose keys are ids (of staff types, work types) and whose values are of the
    /// inner kind.
    Map(&'static Kind),
    /// An array of values of the inner kind (`quota_by_year = { TYPE = [17, 17, …] }`).
    List(&'static Kind),
    /// A number of the inner kind, or a range `{ low, likely, high }` of them (SPEC §9).
    Range(&'static Kind),
}

/// The keys of a range.
pub const RANGE: &[Field] = &[
    required(Key::Low, Kind::Real, "The least value thought possible."),
    required(
        Key::Likely,
        Kind::Real,
        "The most likely value: every deterministic figure uses it.",
    ),
    required(Key::High, Kind::Real, "The largest value thought possible."),
];

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key's name in the file: always `key.name()`.
    pub name: &'static str,
    pub key: Key,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
}

const fn field(key: Key, kind: Kind, doc: &'static str) -> Field {
    Field {
        name: key.name(),
        key,
        kind,
        required: false,
        doc,
    }
}

const fn required(key: Key, kind: Kind, doc: &'static str) -> Field {
    Field {
        name: key.name(),
        key,
        kind,
        required: true,
        doc,
    }
}

/// Every key of the format, so that each has its words (`report::words`) by an exhaustive
/// match: a key added to a table below needs its variant here, its name in [`Key::name`], and
/// its header and note in `report/words/workbook/columns.rs`; the compiler names each place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    // range
    Low,
    Likely,
    High,
    // scenario
    ScenarioName,
    Language,
    Date,
    Method,
    Peers,
    Currency,
    // calendar
    WorkingDays,
    HoursPerDay,
    LeaveDays,
    TrainingDays,
    NonCaseShare,
    OvertimeHours,
    // staff_type
    Label,
    Cost,
    Attrition,
    HiringLagYears,
    HiresPerYear,
    StaffWorkingDays,
    StaffHoursPerDay,
    StaffLeaveDays,
    StaffTrainingDays,
    StaffNonCaseShare,
    // policy
    Quota,
    Budget,
    TargetUtilisation,
    PolicyOnTime,
    KeepStaff,
    QuotaByYear,
    Reallocate,
    // office
    OfficeId,
    OfficeName,
    OfficeKind,
    OfficeStaff,
    Leaders,
    LeaderCaseShare,
    MinStaff,
    MaxStaff,
    AllowedStaff,
    Fixed,
    Covers,
    MaxUnits,
    Optional,
    Sanctioned,
    LeaderPosts,
    Allowances,
    // allowance
    AllowanceStaff,
    AllowanceHours,
    Persons,
    AllowanceName,
    // unit
    UnitId,
    UnitName,
    UnitKind,
    Members,
    Workload,
    Eligible,
    // next
    NextWork,
    Share,
    // work
    WorkId,
    WorkName,
    WorkOffice,
    Volume,
    Hours,
    Team,
    Cv,
    DeadlineDays,
    Next,
    WorkOnTime,
    Backlog,
    Growth,
    WorkStaff,
    // plan
    Years,
    Start,
    Confidence,
    // root
    Scenario,
    Calendar,
    Staff,
    Policy,
    Office,
    Unit,
    Work,
    Plan,
}

impl Key {
    /// The key's name in the TOML file.
    pub const fn name(self) -> &'static str {
        match self {
            Key::Low => "low",
            Key::Likely => "likely",
            Key::High => "high",
            Key::ScenarioName => "name",
            Key::Language => "language",
            Key::Date => "date",
            Key::Method => "method",
            Key::Peers => "peers",
            Key::Currency => "currency",
            Key::WorkingDays => "working_days",
            Key::HoursPerDay => "hours_per_day",
            Key::LeaveDays => "leave_days",
            Key::TrainingDays => "training_days",
            Key::NonCaseShare => "non_case_share",
            Key::OvertimeHours => "overtime_hours",
            Key::Label => "label",
            Key::Cost => "cost",
            Key::Attrition => "attrition",
            Key::HiringLagYears => "hiring_lag_years",
            Key::HiresPerYear => "hires_per_year",
            Key::StaffWorkingDays => "working_days",
            Key::StaffHoursPerDay => "hours_per_day",
            Key::StaffLeaveDays => "leave_days",
            Key::StaffTrainingDays => "training_days",
            Key::StaffNonCaseShare => "non_case_share",
            Key::Quota => "quota",
            Key::Budget => "budget",
            Key::TargetUtilisation => "target_utilisation",
            Key::PolicyOnTime => "on_time",
            Key::KeepStaff => "keep_staff",
            Key::QuotaByYear => "quota_by_year",
            Key::Reallocate => "reallocate",
            Key::OfficeId => "id",
            Key::OfficeName => "name",
            Key::OfficeKind => "kind",
            Key::OfficeStaff => "staff",
            Key::Leaders => "leaders",
            Key::LeaderCaseShare => "leader_case_share",
            Key::MinStaff => "min_staff",
            Key::MaxStaff => "max_staff",
            Key::AllowedStaff => "allowed_staff",
            Key::Fixed => "fixed",
            Key::Covers => "covers",
            Key::MaxUnits => "max_units",
            Key::Optional => "optional",
            Key::Sanctioned => "sanctioned",
            Key::LeaderPosts => "leader_posts",
            Key::Allowances => "allowances",
            Key::AllowanceStaff => "staff",
            Key::AllowanceHours => "hours",
            Key::Persons => "persons",
            Key::AllowanceName => "name",
            Key::UnitId => "id",
            Key::UnitName => "name",
            Key::UnitKind => "kind",
            Key::Members => "members",
            Key::Workload => "workload",
            Key::Eligible => "eligible",
            Key::NextWork => "work",
            Key::Share => "share",
            Key::WorkId => "id",
            Key::WorkName => "name",
            Key::WorkOffice => "office",
            Key::Volume => "volume",
            Key::Hours => "hours",
            Key::Team => "team",
            Key::Cv => "cv",
            Key::DeadlineDays => "deadline_days",
            Key::Next => "next",
            Key::WorkOnTime => "on_time",
            Key::Backlog => "backlog",
            Key::Growth => "growth",
            Key::WorkStaff => "staff",
            Key::Years => "years",
            Key::Start => "start",
            Key::Confidence => "confidence",
            Key::Scenario => "scenario",
            Key::Calendar => "calendar",
            Key::Staff => "staff",
            Key::Policy => "policy",
            Key::Office => "office",
            Key::Unit => "unit",
            Key::Work => "work",
            Key::Plan => "plan",
        }
    }
}

pub const LANGUAGES: &[&str] = &["en", "zh"];

const SCENARIO: &[Field] = &[
    required(Key::ScenarioName, Kind::Str, "Name of the scenario, shown in charts and the report."),
    field(
        Key::Language,
        Kind::Choice(LANGUAGES),
        "Language of chart and report labels: \"en\" (default) or \"zh\".",
    ),
    field(Key::Date, Kind::Str, "Date printed in chart captions and the report (e.g. \"2018-01\"); none by default, so that reruns are byte-identical."),
    field(
        Key::Method,
        Kind::Choice(&Method::NAMES),
        "How the reports speak of the need: \"caseload\" (default) or \"wisn\", the WHO's Workload Indicators of Staffing Need (SPEC §16).",
    ),
    field(Key::Peers, Kind::Ids, "Scenario files of peer organisations, relative to this file (SPEC §14): `run` adds the peer comparison (§12's ratios and chart) to the pack."),
    field(
        Key::Currency,
        Kind::Str,
        "Currency of every amount (`cost`, `budget`), shown with each: a code such as \"KES\" or a sign such as \"$\". Default: none in English (plain numbers), 元 in Chinese (amounts in 万元).",
    ),
];

const CALENDAR: &[Field] = &[
    field(
        Key::WorkingDays,
        Kind::Whole,
        "Working days a year (default 250).",
    ),
    field(
        Key::HoursPerDay,
        Kind::Range(&Kind::Real),
        "Working hours a day (default 8).",
    ),
    field(
        Key::LeaveDays,
        Kind::Range(&Kind::Whole),
        "Leave and sick days a year (default 10).",
    ),
    field(
        Key::TrainingDays,
        Kind::Range(&Kind::Whole),
        "Training days a year (default 5).",
    ),
    field(
        Key::NonCaseShare,
        Kind::Range(&Kind::Real),
        "Share of the remaining time spent on non-case duties, 0..1 (default 0.15).",
    ),
    field(
        Key::OvertimeHours,
        Kind::Range(&Kind::Real),
        "Most overtime hours a person may work in a year, used by the simulation (default 0).",
    ),
];

const STAFF_TYPE: &[Field] = &[
    field(
        Key::Label,
        Kind::Str,
        "Label of the staff type in tables and charts (default: its id).",
    ),
    field(Key::Cost, Kind::Real, "Yearly cost of one person (default 0)."),
    field(Key::Attrition, Kind::Real, "Multi-year plan: share of the people of this type leaving a year, 0..1 (default 0)."),
    field(Key::HiringLagYears, Kind::Whole, "Multi-year plan: whole years from requesting a hire to its arrival (default 0)."),
    field(Key::HiresPerYear, Kind::Whole, "Multi-year plan: most hires of this type requested in one year, all offices together (default: no cap)."),
    field(Key::StaffWorkingDays, Kind::Whole, "WISN: this type's own working days a year (default: [calendar])."),
    field(Key::StaffHoursPerDay, Kind::Real, "WISN: this type's own working hours a day (default: [calendar])."),
    field(Key::StaffLeaveDays, Kind::Whole, "WISN: this type's own leave and sick days a year (default: [calendar])."),
    field(Key::StaffTrainingDays, Kind::Whole, "WISN: this type's own training days a year (default: [calendar])."),
    field(Key::StaffNonCaseShare, Kind::Real, "WISN: this type's share of time on support activities, WISN's category allowance, 0..1 (default: [calendar])."),
];

const POLICY: &[Field] = &[
    field(
        Key::Quota,
        Kind::Map(&Kind::Whole),
        "Most people of each staff type in total, by staff type id.",
    ),
    field(Key::Budget, Kind::Real, "Most total yearly cost of all staff."),
    field(
        Key::TargetUtilisation,
        Kind::Real,
        "Planning target utilisation for every office, in (0, 1] (default 0.85).",
    ),
    field(
        Key::PolicyOnTime,
        Kind::Real,
        "Share, 0..1, of the items with a deadline that must finish within it (default: no target); a work type's own `on_time` overrides it.",
    ),
    field(
        Key::KeepStaff,
        Kind::Bool,
        "true: no office's headcount of any staff type goes below today's (default false).",
    ),
    field(
        Key::QuotaByYear,
        Kind::Map(&Kind::List(&Kind::Whole)),
        "Multi-year plan: the quota of each staff type in each year, one value per year of [plan] (default: `quota` every year).",
    ),
    field(
        Key::Reallocate,
        Kind::Bool,
        "true (default): approved posts not needed where they are move to offices of the same staff type that need them before any new post is asked for; false: every office's posts stay where they are.",
    ),
];

const OFFICE: &[Field] = &[
    required(Key::OfficeId, Kind::Str, "Unique id of the office."),
    required(
        Key::OfficeName,
        Kind::Str,
        "Name of the office, shown in charts and the report.",
    ),
    field(
        Key::OfficeKind,
        Kind::Choice(&OfficeKind::NAMES),
        "Kind of office (default section).",
    ),
    field(
        Key::OfficeStaff,
        Kind::Map(&Kind::Whole),
        "Headcount today by staff type id (default: none).",
    ),
    field(
        Key::Leaders,
        Kind::Whole,
        "Of the headcount, leadership posts (default 0).",
    ),
    field(
        Key::LeaderCaseShare,
        Kind::Range(&Kind::Real),
        "Share of a leader's time on casework, 0..1 (default 0.5).",
    ),
    field(
        Key::MinStaff,
        Kind::Whole,
        "Least headcount the optimiser may give this office.",
    ),
    field(
        Key::MaxStaff,
        Kind::Whole,
        "Most headcount the optimiser may give this office.",
    ),
    field(
        Key::AllowedStaff,
        Kind::Ids,
        "Staff type ids this office may employ (default: every type).",
    ),
    field(
        Key::Fixed,
        Kind::Bool,
        "true: the optimiser keeps this office as it is.",
    ),
    field(
        Key::Covers,
        Kind::Ids,
        "Dispatched groups: ids of the units covered today.",
    ),
    field(
        Key::MaxUnits,
        Kind::Whole,
        "Dispatched groups: most units one group may cover.",
    ),
    field(
        Key::Optional,
        Kind::Bool,
        "true: the optimiser may open this group or leave it out.",
    ),
    field(
        Key::Sanctioned,
        Kind::Map(&Kind::Whole),
        "Posts approved for the office (编制) by staff type id (default: `staff`, no vacancy); a staff type it does not name has no approved posts here (contract, seconded).",
    ),
    field(
        Key::LeaderPosts,
        Kind::Whole,
        "Leadership posts approved for the office (领导职数), reported with the request.",
    ),
    field(
        Key::Allowances,
        Kind::Tables(ALLOWANCE),
        "WISN's individual allowances: time some staff of a type spend on activities outside the workload.",
    ),
];

const ALLOWANCE: &[Field] = &[
    required(
        Key::AllowanceStaff,
        Kind::Str,
        "Id of the staff type whose people spend the time.",
    ),
    required(Key::AllowanceHours, Kind::Real, "Hours a year, per person."),
    field(
        Key::Persons,
        Kind::Whole,
        "How many people of the type spend them (default 1).",
    ),
    field(
        Key::AllowanceName,
        Kind::Str,
        "What the time is spent on (e.g. \"clinic management\").",
    ),
];

const UNIT: &[Field] = &[
    required(Key::UnitId, Kind::Str, "Unique id of the supervised unit."),
    required(Key::UnitName, Kind::Str, "Name of the unit."),
    field(
        Key::UnitKind,
        Kind::Str,
        "Free label (e.g. party_committee), used in tables and charts.",
    ),
    field(
        Key::Members,
        Kind::Whole,
        "Party members or staff of the unit.",
    ),
    field(
        Key::Workload,
        Kind::Map(&Kind::Range(&Kind::Real)),
        "Items a year this unit generates, by work type id.",
    ),
    field(
        Key::Eligible,
        Kind::Ids,
        "Ids of the dispatched groups allowed to cover it (default: all).",
    ),
];

const NEXT: &[Field] = &[
    required(Key::NextWork, Kind::Str, "Id of the follow-up work type."),
    required(
        Key::Share,
        Kind::Range(&Kind::Real),
        "Expected follow-up items per finished item, 0..1.",
    ),
];

const WORK: &[Field] = &[
    required(Key::WorkId, Kind::Str, "Unique id of the work type."),
    required(Key::WorkName, Kind::Str, "Name of the work type."),
    required(
        Key::WorkOffice,
        Kind::Str,
        "Id of the office that does it, or \"covering_group\": the group covering the generating unit.",
    ),
    field(
        Key::Volume,
        Kind::Range(&Kind::Real),
        "Items a year arriving at the office directly (default 0; office-level work only).",
    ),
    required(Key::Hours, Kind::Range(&Kind::Real), "Person-hours per item, all team members together."),
    field(Key::Team, Kind::Whole, "People working on one item at the same time (default 1)."),
    field(
        Key::Cv,
        Kind::Range(&Kind::Real),
        "Coefficient of variation of the effort per item (default 0.5; 1 is exponential).",
    ),
    field(
        Key::DeadlineDays,
        Kind::Whole,
        "Working days from arrival to completion allowed.",
    ),
    field(
        Key::Next,
        Kind::Tables(NEXT),
        "Chain: each finished item starts `share` items of the next work type.",
    ),
    field(
        Key::WorkOnTime,
        Kind::Real,
        "Share, 0..1, of its items that must finish within `deadline_days` (default: `[policy] on_time`).",
    ),
    field(
        Key::Backlog,
        Kind::Whole,
        "Items open at the start of the simulated period, at its office; covering-group work is spread over the covering groups in proportion to their volume (default 0).",
    ),
    field(Key::Growth, Kind::Rate, "Multi-year plan: yearly growth of its items, above −1 (default 0): year t has (1 + growth)^(t−1) times the volume and the units' workload."),
    field(Key::WorkStaff, Kind::Ids, "WISN: the staff type ids that may do this work (default: every type its office allows)."),
];

const PLAN: &[Field] = &[
    required(
        Key::Years,
        Kind::Whole,
        "Years of the multi-year plan, 1..50.",
    ),
    field(
        Key::Start,
        Kind::Whole,
        "Label of year 1, e.g. 2018 (default 1).",
    ),
    field(
        Key::Confidence,
        Kind::Real,
        "Share, above 0 and below 1, of the runs in which every office must have at least its posts needed each year: hires are requested for that share under binomial leavers and the lags (default: the expected values).",
    ),
];

/// The top level of a scenario file.
pub const ROOT: &[Field] = &[
    required(
        Key::Scenario,
        Kind::Table(SCENARIO),
        "The scenario's name and language.",
    ),
    field(Key::Calendar, Kind::Table(CALENDAR), "The working year."),
    required(
        Key::Staff,
        Kind::Map(&Kind::Table(STAFF_TYPE)),
        "Staff types (at least one), by id: [staff.establishment], [staff.contract], …",
    ),
    field(
        Key::Policy,
        Kind::Table(POLICY),
        "Quotas, budget and the target utilisation.",
    ),
    field(
        Key::Office,
        Kind::Tables(OFFICE),
        "Offices: sections, dispatched groups, patrol groups, centres.",
    ),
    field(Key::Unit, Kind::Tables(UNIT), "Supervised units."),
    field(Key::Work, Kind::Tables(WORK), "Work types."),
    field(
        Key::Plan,
        Kind::Table(PLAN),
        "The multi-year plan: `staffplan plan`.",
    ),
];

/// The JSON Schema (draft 2020-12) of the scenario format.
pub fn json_schema() -> serde_json::Value {
    let mut schema = table_schema(ROOT);
    if let serde_json::Value::Object(map) = &mut schema {
        map.insert(
            "$schema".into(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
        map.insert("title".into(), "staffplan scenario".into());
        map.insert(
            "description".into(),
            "An organisation's offices, staff, supervised units and work, for staffplan.".into(),
        );
    }
    schema
}

fn table_schema(fields: &[Field]) -> serde_json::Value {
    let properties: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|f| {
            let mut value = kind_schema(f.kind);
            if let serde_json::Value::Object(map) = &mut value {
                map.insert("description".into(), f.doc.into());
            }
            (f.name.to_string(), value)
        })
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    serde_json::json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn kind_schema(kind: Kind) -> serde_json::Value {
    use serde_json::json;
    match kind {
        Kind::Str => json!({ "type": "string" }),
        Kind::Real => json!({ "type": "number", "minimum": 0 }),
        Kind::Rate => json!({ "type": "number", "exclusiveMinimum": -1 }),
        Kind::Whole => json!({ "type": "integer", "minimum": 0 }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Choice(values) => json!({ "type": "string", "enum": values }),
        Kind::Ids => json!({ "type": "array", "items": { "type": "string" } }),
        Kind::Table(fields) => table_schema(fields),
        Kind::Tables(fields) => json!({ "type": "array", "items": table_schema(fields) }),
        Kind::Map(inner) => json!({
            "type": "object",
            "additionalProperties": kind_schema(*inner),
        }),
        Kind::List(inner) => json!({ "type": "array", "items": kind_schema(*inner) }),
        Kind::Range(inner) => json!({ "oneOf": [kind_schema(*inner), table_schema(RANGE)] }),
    }
}
