//! Problems of the settings every office shares: `[scenario]`, `[calendar]`, `[staff]`,
//! `[policy]`, `[plan]`.

use crate::scenario::validate::{MAX_PLAN_YEARS, MAX_STAFF_TYPES};

#[derive(Debug, Clone, PartialEq)]
pub enum Settings {
    /// `hours_per_day` (of `[calendar]` or of a `[staff.TYPE]`) above the 24 hours of a day.
    DayAbove24Hours {
        hours: f64,
    },
    /// The most leave and training days any draw may take exceed the working days.
    LeaveAndTrainingAboveWorkingDays {
        leave_days: u32,
        training_days: u32,
        working_days: u32,
    },
    /// `[calendar]` leaves nobody any hour for casework: the year value is zero.
    NoCaseworkTime,
    /// At an end of the range of `key` the year value is zero.
    NoCaseworkTimeAtRangeEnd {
        key: String,
    },
    NoStaffType,
    /// More staff types than [`MAX_STAFF_TYPES`].
    TooManyStaffTypes {
        count: usize,
    },
    /// A `[staff.TYPE]`'s own year, with `[calendar]`, leaves no working time.
    StaffYearWithoutWorkingTime {
        working_days: u32,
        leave_days: u32,
        training_days: u32,
        hours_per_day: f64,
        non_case_share: f64,
    },
    /// `[scenario] method` neither "caseload" nor "wisn".
    UnknownMethod {
        found: String,
    },
    /// `[plan]` without `years`.
    PlanYearsMissing,
    /// `[plan] years` 0 or above [`MAX_PLAN_YEARS`].
    PlanYearsOutOfRange {
        years: u32,
    },
    /// `[plan] confidence` not strictly between 0 and 1.
    ConfidenceNotShare {
        found: f64,
    },
    /// `[policy] quota_by_year` in a scenario without `[plan]`.
    QuotaByYearWithoutPlan,
    /// A staff type's `quota_by_year` list (`key`, e.g. `quota_by_year.contract`) shorter
    /// than the plan: `values` quotas for `years` years, labelled `first` to `last`.
    QuotaByYearTooShort {
        key: String,
        values: usize,
        years: u32,
        first: u32,
        last: u32,
    },
    /// `[policy] target_utilisation` outside (0, 1].
    TargetUtilisationOutOfRange {
        found: f64,
    },
    /// `[scenario] currency` empty or longer than [`Settings::MAX_CURRENCY_CHARS`] characters.
    CurrencyLength {
        currency: String,
        length: usize,
    },
}

impl Settings {
    /// Longest currency, in characters: a code ("KES"), a sign ("$") or a word ("美元")
    /// printed beside every amount, not a sentence.
    pub const MAX_CURRENCY_CHARS: usize = 6;

    pub(super) fn english(&self) -> (String, String) {
        match self {
            Settings::DayAbove24Hours { hours } => (
                format!("a day has 24 hours, `hours_per_day` is {hours}"),
                "write the working hours of one day, such as 8".into(),
            ),
            Settings::LeaveAndTrainingAboveWorkingDays {
                leave_days,
                training_days,
                working_days,
            } => (
                format!("leave ({leave_days}) and training ({training_days}) days exceed the {working_days} working days"),
                "leave and training are taken out of the working days: make them fewer".into(),
            ),
            Settings::NoCaseworkTime => (
                "the year value is zero: nobody has any time for casework".into(),
                "check working_days, hours_per_day and non_case_share".into(),
            ),
            Settings::NoCaseworkTimeAtRangeEnd { key } => (
                format!("at an end of the range of `{key}` the year value is zero: nobody would have any time for casework"),
                "give each end of the range a value that leaves time for casework, as a single value must".into(),
            ),
            Settings::NoStaffType => (
                "the scenario declares no staff type".into(),
                "add at least one, e.g. `[staff.establishment]` with `cost = 180000`".into(),
            ),
            Settings::TooManyStaffTypes { count } => (
                format!("{count} staff types, more than the {MAX_STAFF_TYPES} accepted"),
                "merge staff types that are paid and employed alike".into(),
            ),
            Settings::StaffYearWithoutWorkingTime {
                working_days,
                leave_days,
                training_days,
                hours_per_day,
                non_case_share,
            } => (
                format!(
                    "this staff type's year leaves no working time: {working_days} working days less {leave_days} leave and {training_days} training days, {hours_per_day} hours a day, {non_case_share} on support activities"
                ),
                "leave and training are taken out of the working days, and the share of support activities must stay below 1".into(),
            ),
            Settings::UnknownMethod { found } => (
                format!("unknown method \"{found}\""),
                "use \"caseload\" or \"wisn\"".into(),
            ),
            Settings::PlanYearsMissing => (
                "`years` is missing".into(),
                format!("add `years = …`: how many years to plan, 1 to {MAX_PLAN_YEARS}"),
            ),
            Settings::PlanYearsOutOfRange { years } => (
                format!("`years` must lie in 1..{MAX_PLAN_YEARS}, found {years}"),
                format!("plan 1 to {MAX_PLAN_YEARS} years, e.g. `years = 5`"),
            ),
            Settings::ConfidenceNotShare { found } => (
                format!("`confidence` is a share above 0 and below 1, found {found}"),
                "write e.g. `confidence = 0.9`: each office has at least its posts needed in 90% of the runs".into(),
            ),
            Settings::QuotaByYearWithoutPlan => (
                "`quota_by_year` gives quotas for the years of a multi-year plan, but the scenario has no `[plan]`".into(),
                "add `[plan]` with `years = …` (and `start = …`), or use `quota = { … }` for one year".into(),
            ),
            Settings::QuotaByYearTooShort {
                key,
                values,
                years,
                first,
                last,
            } => (
                format!(
                    "`{key}` has {values} value{} but [plan] has {years} years",
                    if *values == 1 { "" } else { "s" },
                ),
                format!("give one quota a year, years {first} to {last}"),
            ),
            Settings::TargetUtilisationOutOfRange { found } => (
                format!("`target_utilisation` must lie in (0, 1], found {found}"),
                "write the planning target as a fraction, such as 0.85".into(),
            ),
            Settings::CurrencyLength { currency, length } => (
                format!("the currency \"{currency}\" has {length} characters; it is printed beside every amount"),
                format!("write a code or sign of 1 to {} characters, such as \"KES\", \"$\" or \"元\", or remove the key", Settings::MAX_CURRENCY_CHARS),
            ),
        }
    }
}
