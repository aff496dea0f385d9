//! [`Work`] problems in Chinese.

use crate::scenario::problem::Work;
use crate::scenario::validate::{COVERING_GROUP, MAX_CHAIN_DEPTH, MAX_FTE};

pub(super) fn chinese(problem: &Work) -> (String, String) {
    match problem {
        Work::CoveringVolume => (
            "派驻组工作的件数来自派驻组所覆盖的单位，不能直接写 `volume`".into(),
            "请把件数写在各单位的 `workload = { … }` 中，或写明承接这些件数的机构".into(),
        ),
        Work::HoursMissing => (
            "缺少 `hours`".into(),
            "请添加 `hours = …`：每件所需工时，按办案组全体人员合计".into(),
        ),
        Work::EmptyTeam => (
            "办案组至少需要 1 人".into(),
            "请写 `team = 1` 或更大的数".into(),
        ),
        Work::CvTooHigh { found } => (
            format!("`cv`（变异系数）为 {found}；大于 10 时每件工时的分布已失去意义"),
            "常见取值在 0.2 至 1.5 之间".into(),
        ),
        Work::OnTimeWithoutDeadline => (
            "`on_time` 是在 `deadline_days` 内办结的比例，但此项工作没有办理期限".into(),
            "请添加 `deadline_days = …`（从收到到办结的工作日数），或删除 `on_time`".into(),
        ),
        Work::OfficeMissing => (
            "缺少 `office`：此项工作无人承担".into(),
            format!("请添加 `office = \"<机构标识>\"`；派驻组工作请写 `office = \"{COVERING_GROUP}\"`"),
        ),
        Work::NextShareMissing => (
            "缺少 `share`".into(),
            "请添加 `share = …`：每办结一件产生的后续工作件数，在 0 到 1 之间".into(),
        ),
        Work::NextWorkMissing => (
            "缺少 `work`".into(),
            "请添加 `work = \"<工作类型标识>\"`".into(),
        ),
        Work::StaffNotAllowed { office, staff } => (
            format!("机构 \"{office}\" 不允许配备人员类别 \"{staff}\"，该类人员无法在该机构承担此项工作"),
            "请把该人员类别加入该机构的 `allowed_staff`，或从此项工作的 `staff` 中删除".into(),
        ),
        Work::StaffEmpty => (
            "`staff` 为空：此项工作无人可以承担".into(),
            "请至少写一个人员类别；或删除 `staff`，由该机构允许的各类人员承担".into(),
        ),
        Work::CoveredTwice {
            unit,
            first,
            second,
        } => (
            format!("单位 \"{unit}\" 同时由 \"{first}\" 和 \"{second}\" 两个派驻组覆盖"),
            "全覆盖要求每个单位恰好由一个派驻组覆盖：请从其中一个 `covers` 列表中删除该单位".into(),
        ),
        Work::CoveredByIneligible { unit, group } => (
            format!("单位 \"{unit}\" 由 \"{group}\" 覆盖，但该派驻组不在该单位的 `eligible` 列表中"),
            "请把该派驻组加入该单位的 `eligible` 列表，或把该单位调给可覆盖它的派驻组".into(),
        ),
        Work::NoEligibleGroup => (
            "`eligible = []` 使任何派驻组都不能覆盖该单位，但该单位产生只能由派驻组承担的派驻组工作".into(),
            "请写明可覆盖该单位的派驻组，或把其工作量改为由机构承担的工作".into(),
        ),
        Work::OfficeFeedsGroup { work, follow } => (
            format!("\"{work}\" 由机构承担，其后续工作 \"{follow}\" 却是派驻组工作：没有对应的单位，无法确定由哪个派驻组承接"),
            format!("请为 \"{follow}\" 指定机构，或把 \"{work}\" 也改为派驻组工作"),
        ),
        Work::Cycle { path } => {
            let path: Vec<String> = path.iter().map(|id| format!("\"{id}\"")).collect();
            (
                format!("工作链条出现循环：{}", path.join(" → ")),
                "工作链条必须有终点：请删除其中一项 `next`".into(),
            )
        }
        Work::ChainTooDeep { depth } => (
            format!("从此处开始的工作链条有 {depth} 步，超过允许的 {MAX_CHAIN_DEPTH} 步"),
            "请合并链条中的若干步骤".into(),
        ),
        Work::TeamAboveMaxStaff { team, office, max } => (
            format!("此项工作需要 {team} 人的办案组，但机构 \"{office}\" 最多只能有 {max} 人（`max_staff`）"),
            format!("请把 \"{office}\" 的 `max_staff` 提高到 {team} 或以上，或减少办案组人数"),
        ),
        Work::TooMuchWork {
            office,
            fte,
            hours,
            year_hours,
        } => (
            format!("机构 \"{office}\" 将需要 {fte:.3e} 名全职人员（每年 {hours:.3e} 小时，每人每年 {year_hours:.1} 小时），超过 staffplan 所能计算的 {MAX_FTE:e} 人"),
            "请核对计量单位：`volume` 为每年件数，`hours` 为每件工时，`[calendar]` 给出每人每年的工时".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;

    #[test]
    fn every_work_problem_is_said_in_chinese() {
        let id = |s: &str| s.to_string();
        for problem in [
            Work::CoveringVolume,
            Work::HoursMissing,
            Work::EmptyTeam,
            Work::CvTooHigh { found: 12.0 },
            Work::OnTimeWithoutDeadline,
            Work::OfficeMissing,
            Work::NextShareMissing,
            Work::NextWorkMissing,
            Work::StaffNotAllowed {
                office: id("audit"),
                staff: id("clerk"),
            },
            Work::StaffEmpty,
            Work::CoveredTwice {
                unit: id("u1"),
                first: id("north"),
                second: id("south"),
            },
            Work::CoveredByIneligible {
                unit: id("u1"),
                group: id("north"),
            },
            Work::NoEligibleGroup,
            Work::OfficeFeedsGroup {
                work: id("review"),
                follow: id("visit"),
            },
            Work::Cycle {
                path: vec![id("review"), id("hearing"), id("review")],
            },
            Work::ChainTooDeep { depth: 51 },
            Work::TeamAboveMaxStaff {
                team: 5,
                office: id("audit"),
                max: 3,
            },
            Work::TooMuchWork {
                office: id("discipline"),
                fte: 6.258e20,
                hours: 1e24,
                year_hours: 1598.0,
            },
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Work::TeamAboveMaxStaff {
                team: 5,
                office: id("audit"),
                max: 3,
            }),
            (
                "此项工作需要 5 人的办案组，但机构 \"audit\" 最多只能有 3 人（`max_staff`）"
                    .to_string(),
                "请把 \"audit\" 的 `max_staff` 提高到 5 或以上，或减少办案组人数".to_string()
            )
        );
        assert_eq!(
            chinese(&Work::Cycle {
                path: vec![id("review"), id("hearing"), id("review")],
            }),
            (
                "工作链条出现循环：\"review\" → \"hearing\" → \"review\"".to_string(),
                "工作链条必须有终点：请删除其中一项 `next`".to_string()
            )
        );
    }

    #[test]
    fn the_size_of_the_work_keeps_its_figures() {
        let (message, _) = chinese(&Work::TooMuchWork {
            office: "discipline".into(),
            fte: 6.258e20,
            hours: 1e24,
            year_hours: 1598.0,
        });
        assert_eq!(
            message,
            "机构 \"discipline\" 将需要 6.258e20 名全职人员（每年 1.000e24 小时，每人每年 1598.0 小时），超过 staffplan 所能计算的 1e12 人"
        );
    }
}
