//! What the library tests of the simulation and the service check share: a scenario parsed
//! from text (a test's scenario is valid, so a failure is the test's own fault) and a calendar
//! of exactly 8 casework hours a working day, so that an item of 8 hours is one person-day
//! and rates read directly in items a day.

use staffplan::model::Scenario;

pub fn scenario(toml: &str) -> Scenario {
    staffplan::scenario::parse(toml, "test.toml")
        .unwrap_or_else(|errors| {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}", messages.join("\n"))
        })
        .scenario
}

/// 250 working days of 8 casework hours (no leave, training or non-case time), one staff
/// type `regular` costing 1.
pub const CALENDAR: &str = r#"
[scenario]
name = "test"
[calendar]
working_days = 250
hours_per_day = 8
leave_days = 0
training_days = 0
non_case_share = 0
[staff.regular]
label = "regular"
cost = 1
"#;
