//! Problems of a work type, its team, its chain of follow-ups, and the checks across tables
//! (coverage of units, teams against `max_staff`, the size of the work).

use crate::scenario::validate::{COVERING_GROUP, MAX_CHAIN_DEPTH, MAX_FTE};

#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    /// Covering-group work with a `volume` of its own: its items come from the units.
    CoveringVolume,
    HoursMissing,
    /// `team = 0`.
    EmptyTeam,
    /// A `cv` above 10.
    CvTooHigh {
        found: f64,
    },
    /// `on_time` given for work without `deadline_days`.
    OnTimeWithoutDeadline,
    OfficeMissing,
    /// A `next` entry without its `share`.
    NextShareMissing,
    /// A `next` entry without its `work`.
    NextWorkMissing,
    /// A staff type in the work's `staff` that its office's `allowed_staff` does not name.
    StaffNotAllowed {
        office: String,
        staff: String,
    },
    /// `staff = []`.
    StaffEmpty,
    /// A unit in the `covers` lists of two groups, `first` and `second`.
    CoveredTwice {
        unit: String,
        first: String,
        second: String,
    },
    /// A unit covered by a group that its `eligible` list does not name.
    CoveredByIneligible {
        unit: String,
        group: String,
    },
    /// `eligible = []` on a unit that generates covering-group work.
    NoEligibleGroup,
    /// Office-level `work` whose `next` names covering-group work `follow`.
    OfficeFeedsGroup {
        work: String,
        follow: String,
    },
    /// The ids of a cycle of `next`, its first repeated at its end.
    Cycle {
        path: Vec<String>,
    },
    /// A chain more than [`MAX_CHAIN_DEPTH`] steps deep.
    ChainTooDeep {
        depth: usize,
    },
    /// A team larger than an office's `max_staff`.
    TeamAboveMaxStaff {
        team: u32,
        office: String,
        max: u32,
    },
    /// An office whose work needs more than [`MAX_FTE`] full-time people: `fte` of them, for
    /// `hours` a year at `year_hours` hours a person.
    TooMuchWork {
        office: String,
        fte: f64,
        hours: f64,
        year_hours: f64,
    },
}

impl Work {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Work::CoveringVolume => (
                "covering-group work arrives from the units a group covers, so it has no direct `volume`".into(),
                "give the items to the units as `workload = { … }`, or name the office that receives them".into(),
            ),
            Work::HoursMissing => (
                "`hours` is missing".into(),
                "add `hours = …`: person-hours per item, all team members together".into(),
            ),
            Work::EmptyTeam => (
                "a team needs at least one person".into(),
                "write `team = 1` or more".into(),
            ),
            Work::CvTooHigh { found } => (
                format!("`cv` is {found}; above 10 the effort distribution is meaningless"),
                "typical values lie between 0.2 and 1.5".into(),
            ),
            Work::OnTimeWithoutDeadline => (
                "`on_time` is the share of items finished within `deadline_days`, but this work has no deadline".into(),
                "add `deadline_days = …` (working days from arrival to completion), or remove `on_time`".into(),
            ),
            Work::OfficeMissing => (
                "`office` is missing: nobody does this work".into(),
                format!("add `office = \"<office id>\"` or `office = \"{COVERING_GROUP}\"`"),
            ),
            Work::NextShareMissing => (
                "`share` is missing".into(),
                "add `share = …`: follow-up items per finished item, 0..1".into(),
            ),
            Work::NextWorkMissing => (
                "`work` is missing".into(),
                "add `work = \"<work type id>\"`".into(),
            ),
            Work::StaffNotAllowed { office, staff } => (
                format!("office \"{office}\" does not allow staff type \"{staff}\", so none of them can do this work there"),
                "add the type to the office's `allowed_staff`, or remove it from the work's `staff`".into(),
            ),
            Work::StaffEmpty => (
                "`staff` is empty: nobody may do this work".into(),
                "name at least one staff type, or remove `staff` to let every type the office allows do it".into(),
            ),
            Work::CoveredTwice {
                unit,
                first,
                second,
            } => (
                format!("unit \"{unit}\" is covered by two groups, \"{first}\" and \"{second}\""),
                "full coverage means exactly one group per unit: remove it from one `covers` list".into(),
            ),
            Work::CoveredByIneligible { unit, group } => (
                format!("unit \"{unit}\" is covered by \"{group}\", which is not in its `eligible` list"),
                "add the group to the unit's `eligible` list or move the unit to an eligible group".into(),
            ),
            Work::NoEligibleGroup => (
                "`eligible = []` lets no group cover the unit, but it generates covering-group work that only a group can do".into(),
                "name the groups that may cover it, or give its workload to office-level work".into(),
            ),
            Work::OfficeFeedsGroup { work, follow } => (
                format!("\"{work}\" is done at an office but feeds \"{follow}\", covering-group work: there is no unit to tell which group gets it"),
                format!("give \"{follow}\" an office, or make \"{work}\" covering-group work too"),
            ),
            Work::Cycle { path } => (
                format!("the work chain has a cycle: {}", path.join(" → ")),
                "a chain must end: remove one of these `next` entries".into(),
            ),
            Work::ChainTooDeep { depth } => (
                format!("the work chain starting here is {depth} steps deep, more than the {MAX_CHAIN_DEPTH} accepted"),
                "merge steps of the chain".into(),
            ),
            Work::TeamAboveMaxStaff { team, office, max } => (
                format!("a team of {team} is needed, but office \"{office}\" may have at most {max} people (`max_staff`)"),
                format!("raise `max_staff` of \"{office}\" to {team} or more, or make the team smaller"),
            ),
            Work::TooMuchWork {
                office,
                fte,
                hours,
                year_hours,
            } => (
                format!("office \"{office}\" would need {fte:.3e} full-time people ({hours:.3e} hours a year at {year_hours:.1} h a person), more than the {MAX_FTE:e} staffplan counts"),
                "check the units: `volume` is items a year, `hours` hours per item, and the calendar's hours a person".into(),
            ),
        }
    }
}
