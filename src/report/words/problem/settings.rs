//! [`Settings`] problems in Chinese.

use crate::scenario::problem::Settings;
use crate::scenario::validate::{MAX_PLAN_YEARS, MAX_STAFF_TYPES};

pub(super) fn chinese(problem: &Settings) -> (String, String) {
    match problem {
        Settings::DayAbove24Hours { hours } => (
            format!("一天只有 24 小时，`hours_per_day` 却为 {hours}"),
            "请写每天的工作小时数，如 8".into(),
        ),
        Settings::LeaveAndTrainingAboveWorkingDays {
            leave_days,
            training_days,
            working_days,
        } => (
            format!("休假 {leave_days} 天、培训 {training_days} 天，合计超过 {working_days} 个工作日"),
            "休假和培训天数要从工作日中扣除，请减少".into(),
        ),
        Settings::NoCaseworkTime => (
            "年工作量基准为零：每人每年没有任何可用于办案的时间".into(),
            "请核对 `working_days`、`hours_per_day` 和 `non_case_share`".into(),
        ),
        Settings::NoCaseworkTimeAtRangeEnd { key } => (
            format!("`{key}` 取区间一端的值时，年工作量基准为零：每人每年没有任何可用于办案的时间"),
            "区间两端的值都应留有办案时间，与单个数值的要求相同".into(),
        ),
        Settings::NoStaffType => (
            "情景未设置任何人员类别".into(),
            "请至少设置一类，如 `[staff.establishment]`，并写明 `cost = 180000`".into(),
        ),
        Settings::TooManyStaffTypes { count } => (
            format!("人员类别有 {count} 类，超过允许的 {MAX_STAFF_TYPES} 类"),
            "请把薪酬和用人方式相同的人员类别合并".into(),
        ),
        Settings::StaffYearWithoutWorkingTime {
            working_days,
            leave_days,
            training_days,
            hours_per_day,
            non_case_share,
        } => (
            format!(
                "该人员类别全年没有可用的工作时间：{working_days} 个工作日，扣除休假 {leave_days} 天、培训 {training_days} 天，每天 {hours_per_day} 小时，非办案事务时间占比 {non_case_share}"
            ),
            "休假和培训天数要从工作日中扣除，非办案事务时间占比必须小于 1".into(),
        ),
        Settings::UnknownMethod { found } => (
            format!("未知的测算方法 \"{found}\""),
            "请使用 \"caseload\" 或 \"wisn\"".into(),
        ),
        Settings::PlanYearsMissing => (
            "缺少 `years`".into(),
            format!("请加上 `years = …`，即规划的年数，1 至 {MAX_PLAN_YEARS} 年"),
        ),
        Settings::PlanYearsOutOfRange { years } => (
            format!("`years` 必须在 1 至 {MAX_PLAN_YEARS} 之间，现为 {years}"),
            format!("请规划 1 至 {MAX_PLAN_YEARS} 年，如 `years = 5`"),
        ),
        Settings::ConfidenceNotShare { found } => (
            format!("`confidence` 是比例，必须大于 0 且小于 1，现为 {found}"),
            "请写成如 `confidence = 0.9`，即在 90% 的模拟中，各机构的人数均不少于所需岗位数".into(),
        ),
        Settings::QuotaByYearWithoutPlan => (
            "`quota_by_year` 给出的是多年度规划的逐年人员限额，但情景没有 `[plan]`".into(),
            "请增加 `[plan]` 并写明 `years = …`（及 `start = …`），或用 `quota = { … }` 给出一年的限额".into(),
        ),
        Settings::QuotaByYearTooShort {
            key,
            values,
            years,
            first,
            last,
        } => (
            format!("`{key}` 只有 {values} 个值，而 `[plan]` 有 {years} 年"),
            format!("请每年给出一个限额：{first}年至{last}年，共 {years} 个"),
        ),
        Settings::TargetUtilisationOutOfRange { found } => (
            format!("`target_utilisation` 必须大于 0 且不大于 1，现为 {found}"),
            "请把目标负荷率写成小数，如 0.85".into(),
        ),
        Settings::CurrencyLength { currency, length } => (
            format!("货币 \"{currency}\" 有 {length} 个字符，而货币会印在每个金额旁边"),
            format!(
                "请写 1 至 {} 个字符的代码或符号，如 \"KES\"、\"$\" 或 \"元\"，或删去该键",
                Settings::MAX_CURRENCY_CHARS
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;

    #[test]
    fn every_settings_problem_is_said_in_chinese() {
        for problem in [
            Settings::DayAbove24Hours { hours: 25.0 },
            Settings::LeaveAndTrainingAboveWorkingDays {
                leave_days: 200,
                training_days: 100,
                working_days: 250,
            },
            Settings::NoCaseworkTime,
            Settings::NoCaseworkTimeAtRangeEnd {
                key: "hours_per_day".into(),
            },
            Settings::NoStaffType,
            Settings::TooManyStaffTypes { count: 51 },
            Settings::StaffYearWithoutWorkingTime {
                working_days: 250,
                leave_days: 10,
                training_days: 5,
                hours_per_day: 8.0,
                non_case_share: 1.0,
            },
            Settings::UnknownMethod {
                found: "queue".into(),
            },
            Settings::PlanYearsMissing,
            Settings::PlanYearsOutOfRange { years: 60 },
            Settings::ConfidenceNotShare { found: 1.0 },
            Settings::QuotaByYearWithoutPlan,
            Settings::QuotaByYearTooShort {
                key: "quota_by_year.contract".into(),
                values: 1,
                years: 5,
                first: 2018,
                last: 2022,
            },
            Settings::TargetUtilisationOutOfRange { found: 1.2 },
            Settings::CurrencyLength {
                currency: "Kenyan shillings".into(),
                length: 16,
            },
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Settings::LeaveAndTrainingAboveWorkingDays {
                leave_days: 200,
                training_days: 100,
                working_days: 250,
            }),
            (
                "休假 200 天、培训 100 天，合计超过 250 个工作日".to_string(),
                "休假和培训天数要从工作日中扣除，请减少".to_string()
            )
        );
        assert_eq!(
            chinese(&Settings::QuotaByYearTooShort {
                key: "quota_by_year.contract".into(),
                values: 1,
                years: 5,
                first: 2018,
                last: 2022,
            }),
            (
                "`quota_by_year.contract` 只有 1 个值，而 `[plan]` 有 5 年".to_string(),
                "请每年给出一个限额：2018年至2022年，共 5 个".to_string()
            )
        );
    }
}
