//! The scenario format described as data: every key, its type and what it means.
//!
//! One description serves two purposes, so they cannot drift apart: the check for unknown
//! keys (with a "did you mean" from the keys allowed at that place) and the JSON Schema that
//! `staffplan schema` prints for editors.

use crate::model::OfficeKind;

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
    required("low", Kind::Real, "The least value thought possible."),
    required(
        "likely",
        Kind::Real,
        "The most likely value: every deterministic figure uses it.",
    ),
    required("high", Kind::Real, "The largest value thought possible."),
];

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
}

const fn field(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        doc,
    }
}

pub const LANGUAGES: &[&str] = &["en", "zh"];

const SCENARIO: &[Field] = &[
    required("name", Kind::Str, "Name of the scenario, shown in charts and the report."),
    field(
        "language",
        Kind::Choice(LANGUAGES),
        "Language of chart and report labels: \"en\" (default) or \"zh\".",
    ),
    field("date", Kind::Str, "Date printed in chart captions and the report (e.g. \"2018-01\"); none by default, so that reruns are byte-identical."),
];

const CALENDAR: &[Field] = &[
    field(
        "working_days",
        Kind::Whole,
        "Working days a year (default 250).",
    ),
    field(
        "hours_per_day",
        Kind::Range(&Kind::Real),
        "Working hours a day (default 8).",
    ),
    field(
        "leave_days",
        Kind::Range(&Kind::Whole),
        "Leave and sick days a year (default 10).",
    ),
    field(
        "training_days",
        Kind::Range(&Kind::Whole),
        "Training days a year (default 5).",
    ),
    field(
        "non_case_share",
        Kind::Range(&Kind::Real),
        "Share of the remaining time spent on non-case duties, 0..1 (default 0.15).",
    ),
    field(
        "overtime_hours",
        Kind::Range(&Kind::Real),
        "Most overtime hours a person may work in a year, used by the simulation (default 0).",
    ),
];

const STAFF_TYPE: &[Field] = &[
    field(
        "label",
        Kind::Str,
        "Label of the staff type in tables and charts (default: its id).",
    ),
    field("cost", Kind::Real, "Yearly cost of one person (default 0)."),
    field("attrition", Kind::Real, "Multi-year plan: share of the people of this type leaving a year, 0..1 (default 0)."),
    field("hiring_lag_years", Kind::Whole, "Multi-year plan: whole years from requesting a hire to its arrival (default 0)."),
    field("hires_per_year", Kind::Whole, "Multi-year plan: most hires of this type requested in one year, all offices together (default: no cap)."),
];

const POLICY: &[Field] = &[
    field(
        "quota",
        Kind::Map(&Kind::Whole),
        "Most people of each staff type in total, by staff type id.",
    ),
    field("budget", Kind::Real, "Most total yearly cost of all staff."),
    field(
        "target_utilisation",
        Kind::Real,
        "Planning target utilisation for every office, in (0, 1] (default 0.85).",
    ),
    field(
        "on_time",
        Kind::Real,
        "Share, 0..1, of the items with a deadline that must finish within it (default: no target); a work type's own `on_time` overrides it.",
    ),
    field(
        "keep_staff",
        Kind::Bool,
        "true: no office's headcount of any staff type goes below today's (default false).",
    ),
    field(
        "quota_by_year",
        Kind::Map(&Kind::List(&Kind::Whole)),
        "Multi-year plan: the quota of each staff type in each year, one value per year of [plan] (default: `quota` every year).",
    ),
    field(
        "reallocate",
        Kind::Bool,
        "true (default): approved posts not needed where they are move to offices of the same staff type that need them before any new post is asked for; false: every office's posts stay where they are.",
    ),
];

const OFFICE: &[Field] = &[
    required("id", Kind::Str, "Unique id of the office."),
    required(
        "name",
        Kind::Str,
        "Name of the office, shown in charts and the report.",
    ),
    field(
        "kind",
        Kind::Choice(&OfficeKind::NAMES),
        "Kind of office (default section).",
    ),
    field(
        "staff",
        Kind::Map(&Kind::Whole),
        "Headcount today by staff type id (default: none).",
    ),
    field(
        "leaders",
        Kind::Whole,
        "Of the headcount, leadership posts (default 0).",
    ),
    field(
        "leader_case_share",
        Kind::Range(&Kind::Real),
        "Share of a leader's time on casework, 0..1 (default 0.5).",
    ),
    field(
        "min_staff",
        Kind::Whole,
        "Least headcount the optimiser may give this office.",
    ),
    field(
        "max_staff",
        Kind::Whole,
        "Most headcount the optimiser may give this office.",
    ),
    field(
        "allowed_staff",
        Kind::Ids,
        "Staff type ids this office may employ (default: every type).",
    ),
    field(
        "fixed",
        Kind::Bool,
        "true: the optimiser keeps this office as it is.",
    ),
    field(
        "covers",
        Kind::Ids,
        "Dispatched groups: ids of the units covered today.",
    ),
    field(
        "max_units",
        Kind::Whole,
        "Dispatched groups: most units one group may cover.",
    ),
    field(
        "optional",
        Kind::Bool,
        "true: the optimiser may open this group or leave it out.",
    ),
    field(
        "sanctioned",
        Kind::Map(&Kind::Whole),
        "Posts approved for the office (编制) by staff type id (default: `staff`, no vacancy); a staff type it does not name has no approved posts here (contract, seconded).",
    ),
    field(
        "leader_posts",
        Kind::Whole,
        "Leadership posts approved for the office (领导职数), reported with the request.",
    ),
];

const UNIT: &[Field] = &[
    required("id", Kind::Str, "Unique id of the supervised unit."),
    required("name", Kind::Str, "Name of the unit."),
    field(
        "kind",
        Kind::Str,
        "Free label (e.g. party_committee), used in tables and charts.",
    ),
    field(
        "members",
        Kind::Whole,
        "Party members or staff of the unit.",
    ),
    field(
        "workload",
        Kind::Map(&Kind::Range(&Kind::Real)),
        "Items a year this unit generates, by work type id.",
    ),
    field(
        "eligible",
        Kind::Ids,
        "Ids of the dispatched groups allowed to cover it (default: all).",
    ),
];

const NEXT: &[Field] = &[
    required("work", Kind::Str, "Id of the follow-up work type."),
    required(
        "share",
        Kind::Range(&Kind::Real),
        "Expected follow-up items per finished item, 0..1.",
    ),
];

const WORK: &[Field] = &[
    required("id", Kind::Str, "Unique id of the work type."),
    required("name", Kind::Str, "Name of the work type."),
    required(
        "office",
        Kind::Str,
        "Id of the office that does it, or \"covering_group\": the group covering the generating unit.",
    ),
    field(
        "volume",
        Kind::Range(&Kind::Real),
        "Items a year arriving at the office directly (default 0; office-level work only).",
    ),
    required("hours", Kind::Range(&Kind::Real), "Person-hours per item, all team members together."),
    field("team", Kind::Whole, "People working on one item at the same time (default 1)."),
    field(
        "cv",
        Kind::Range(&Kind::Real),
        "Coefficient of variation of the effort per item (default 0.5; 1 is exponential).",
    ),
    field(
        "deadline_days",
        Kind::Whole,
        "Working days from arrival to completion allowed.",
    ),
    field(
        "next",
        Kind::Tables(NEXT),
        "Chain: each finished item starts `share` items of the next work type.",
    ),
    field(
        "on_time",
        Kind::Real,
        "Share, 0..1, of its items that must finish within `deadline_days` (default: `[policy] on_time`).",
    ),
    field(
        "backlog",
        Kind::Whole,
        "Items open at the start of the simulated period, at its office; covering-group work is spread over the covering groups in proportion to their volume (default 0).",
    ),
    field("growth", Kind::Rate, "Multi-year plan: yearly growth of its items, above −1 (default 0): year t has (1 + growth)^(t−1) times the volume and the units' workload."),
];

const PLAN: &[Field] = &[
    required("years", Kind::Whole, "Years of the multi-year plan, 1..50."),
    field(
        "start",
        Kind::Whole,
        "Label of year 1, e.g. 2018 (default 1).",
    ),
];

/// The top level of a scenario file.
pub const ROOT: &[Field] = &[
    required(
        "scenario",
        Kind::Table(SCENARIO),
        "The scenario's name and language.",
    ),
    field("calendar", Kind::Table(CALENDAR), "The working year."),
    required(
        "staff",
        Kind::Map(&Kind::Table(STAFF_TYPE)),
        "Staff types (at least one), by id: [staff.establishment], [staff.contract], …",
    ),
    field(
        "policy",
        Kind::Table(POLICY),
        "Quotas, budget and the target utilisation.",
    ),
    field(
        "office",
        Kind::Tables(OFFICE),
        "Offices: sections, dispatched groups, patrol groups, centres.",
    ),
    field("unit", Kind::Tables(UNIT), "Supervised units."),
    field("work", Kind::Tables(WORK), "Work types."),
    field(
        "plan",
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
