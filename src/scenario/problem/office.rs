//! Problems of an office, the posts approved for it, a unit and who may cover it.

use crate::model::OfficeKind;

#[derive(Debug, Clone, PartialEq)]
pub enum Office {
    /// `kind` names no office kind; the known kind nearest to it, if one is near.
    UnknownKind {
        found: String,
        nearest: Option<OfficeKind>,
    },
    /// More leaders than the office's headcount, which counts them.
    LeadersAboveStaff {
        leaders: u32,
        staff: u32,
    },
    MaxStaffBelowMin {
        min: u32,
        max: u32,
    },
    /// A `covers` list in an office that is not a dispatched group.
    CoversNotGroup {
        kind: OfficeKind,
    },
    /// A unit (its id) listed twice in `covers`.
    CoveredTwice {
        unit: String,
    },
    /// An `allowances` entry without `staff`.
    AllowanceWithoutStaff,
    /// An `allowances` entry for a staff type (its id) the office's `allowed_staff` leaves out.
    AllowanceStaffNotAllowed {
        staff: String,
    },
    /// An `allowances` entry without `hours`.
    AllowanceWithoutHours,
    /// Posts approved (`sanctioned`) for a staff type (its id) the office's `allowed_staff`
    /// leaves out.
    PostsNotAllowed {
        staff: String,
        posts: u32,
    },
    /// A unit's `eligible` names an office (its id) that is not a dispatched group.
    EligibleNotGroup {
        office: String,
    },
}

impl Office {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Office::UnknownKind { found, nearest } => {
                let names = OfficeKind::NAMES.join(", ");
                (
                    format!("unknown office kind \"{found}\""),
                    match nearest {
                        Some(near) => {
                            format!("did you mean \"{}\"? Kinds: {names}", near.as_str())
                        }
                        None => format!("use one of: {names}"),
                    },
                )
            }
            Office::LeadersAboveStaff { leaders, staff } => {
                let who = if *leaders == 1 {
                    "1 leader".to_string()
                } else {
                    format!("{leaders} leaders")
                };
                (
                    format!("{who} but a headcount of {staff}: leaders are counted in the staff"),
                    "make `leaders` at most the staff of the office".into(),
                )
            }
            Office::MaxStaffBelowMin { min, max } => (
                format!("`max_staff` ({max}) is below `min_staff` ({min})"),
                "raise max_staff or lower min_staff".into(),
            ),
            Office::CoversNotGroup { kind } => (
                format!(
                    "only dispatched groups cover units, and this office is a {}",
                    kind.as_str()
                ),
                "set `kind = \"dispatched_group\"` or remove `covers`".into(),
            ),
            Office::CoveredTwice { unit } => (
                format!("unit \"{unit}\" is listed twice"),
                "list each unit once".into(),
            ),
            Office::AllowanceWithoutStaff => (
                "`staff` is missing: whose time is it?".into(),
                "add `staff = \"<staff type id>\"`".into(),
            ),
            Office::AllowanceStaffNotAllowed { staff } => (
                format!("the office does not allow staff type \"{staff}\""),
                "add it to the office's `allowed_staff`, or name a type the office may employ"
                    .into(),
            ),
            Office::AllowanceWithoutHours => (
                "`hours` is missing".into(),
                "add `hours = …`: hours a year each of these people spends on the activity".into(),
            ),
            Office::PostsNotAllowed { staff, posts } => (
                format!(
                    "{posts} posts of staff type \"{staff}\" are approved for an office whose `allowed_staff` does not include that type, so they could never be filled"
                ),
                format!(
                    "add \"{staff}\" to `allowed_staff`, or approve the posts for an office that may employ that type"
                ),
            ),
            Office::EligibleNotGroup { office } => (
                format!("\"{office}\" is not a dispatched group, so it cannot cover units"),
                "list only offices with `kind = \"dispatched_group\"`".into(),
            ),
        }
    }
}
