//! The words of the optimiser's and the service check's reasons, one exhaustive function per
//! language for each typed reason: the binding rules, why an office has its headcount, why
//! the posts that would meet the target are not known, and why an on-time target is missed.
//! The same content in both languages; the English is also the JSON's. Staff types are named
//! by `label` (their label in a report, their id in the JSON).

use super::Label;
use crate::optimise::{NoExtraPosts, Reason, Rule};
use crate::service::Shortfall;

pub(super) fn rule_en(rule: Rule) -> &'static str {
    match rule {
        Rule::TargetUtilisation => "target utilisation",
        Rule::TeamSize => "team size",
        Rule::WholeTeams => "whole teams",
        Rule::MinStaff => "min_staff",
        Rule::Leaders => "leaders",
        Rule::Quota => "quota",
        Rule::Budget => "budget",
        Rule::MaxStaff => "max_staff",
        Rule::Eligibility => "eligibility",
        Rule::MaxUnits => "max_units",
        Rule::Fixed => "fixed",
        Rule::Optional => "optional",
        Rule::HeadcountLimit => "headcount limit",
    }
}

pub(super) fn rule_zh(rule: Rule) -> &'static str {
    match rule {
        Rule::TargetUtilisation => "目标负荷率",
        Rule::TeamSize => "办案组人数",
        Rule::WholeTeams => "整组办案",
        Rule::MinStaff => "最少人数",
        Rule::Leaders => "领导职数",
        Rule::Quota => "人员限额",
        Rule::Budget => "预算",
        Rule::MaxStaff => "最多人数",
        Rule::Eligibility => "可派驻范围",
        Rule::MaxUnits => "最多覆盖单位数",
        Rule::Fixed => "机构固定不变",
        Rule::Optional => "可选派驻组暂不设立",
        Rule::HeadcountLimit => "单个机构人数上限",
    }
}

pub(super) fn reason_en(reason: &Reason, label: &Label<'_>) -> String {
    match reason {
        Reason::Fixed => "the office is fixed and keeps its staff and units".into(),
        Reason::Closed => "this optional group is left closed: its units are covered by other groups at less cost".into(),
        Reason::Workload { hours, staff, target } => format!(
            "{hours:.0} hours a year need {staff} people to stay at or below {:.0}% utilisation",
            target * 100.0
        ),
        Reason::HeadcountLimit => "the office would need more than 1,000,000 people, the most staffplan gives an office; check hours and volumes for a slip of the decimal point".into(),
        Reason::MaxStaff { staff, need } => format!(
            "max_staff caps the office at {staff}; it would need {need} to stay at the target"
        ),
        Reason::Quota { types, need, unmet } => format!(
            "the quota of {} is used up; the office would need {need} to stay at the target and is left {unmet:.0} hours a year short",
            types.iter().map(|t| label(t)).collect::<Vec<_>>().join(" and ")
        ),
        Reason::Budget { need, unmet } => format!(
            "the budget is used up; the office would need {need} to stay at the target and is left {unmet:.0} hours a year short"
        ),
        Reason::Elsewhere { need } => format!(
            "the posts go where they remove more unmet hours; the office would need {need}"
        ),
        Reason::Team { team, need } => {
            format!("its work needs teams of {team}; the workload alone would need {need}")
        }
        Reason::WholeTeams { team, need, staff } => format!(
            "every item needs a team of {team} at once and people left over from whole teams serve nothing: {need} people would meet the target utilisation, but their whole teams could not keep up with the work (the backlog would grow); {staff} can"
        ),
        Reason::WholeTeamsShort {
            team,
            need,
            staff,
            rule,
        } => format!(
            "every item needs a team of {team} at once and people left over from whole teams serve nothing: whole teams would keep up with the work at {need} people, but the {} leaves the office at {staff}, so its backlog keeps growing",
            rule_en(*rule)
        ),
        Reason::MinStaff { min, need } => {
            format!("min_staff is {min}; the workload alone would need {need}")
        }
        Reason::Leaders { leaders, need } => {
            format!("it keeps its {leaders} leaders; the workload alone would need {need}")
        }
        Reason::AtTarget { staff } => {
            format!("{staff} people keep it at or below the target utilisation")
        }
    }
}

pub(super) fn reason_zh(reason: &Reason, label: &Label<'_>) -> String {
    match reason {
        Reason::Fixed => "该机构固定不变，人员和覆盖单位保持现状。".into(),
        Reason::Closed => "该可选派驻组暂不设立：其覆盖单位由其他派驻组承担，成本更低。".into(),
        Reason::Workload { hours, staff, target } => format!(
            "每年 {hours:.0} 小时工作量需要 {staff} 人，负荷率才能不超过 {:.0}%。",
            target * 100.0
        ),
        Reason::HeadcountLimit => "该机构所需人数超过 1,000,000 人，即 staffplan 给单个机构的上限；请检查工时和件数是否错了小数点。".into(),
        Reason::MaxStaff { staff, need } => format!(
            "最多人数将该机构限定为 {staff} 人；要达到目标负荷率需要 {need} 人。"
        ),
        Reason::Quota { types, need, unmet } => format!(
            "{} 的人员限额已用完；该机构要达到目标负荷率需要 {need} 人，每年仍缺 {unmet:.0} 小时。",
            types.iter().map(|t| label(t)).collect::<Vec<_>>().join("、")
        ),
        Reason::Budget { need, unmet } => format!(
            "预算已用完；该机构要达到目标负荷率需要 {need} 人，每年仍缺 {unmet:.0} 小时。"
        ),
        Reason::Elsewhere { need } => format!(
            "岗位优先配给能减少更多超负荷工时的机构；该机构需要 {need} 人。"
        ),
        Reason::Team { team, need } => {
            format!("其工作须由 {team} 人组成办案组；仅按工作量需要 {need} 人。")
        }
        Reason::WholeTeams { team, need, staff } => format!(
            "每件工作须由 {team} 人同时办理，凑不成整组的人员无法办案：{need} 人可达到目标负荷率，但整组办案能力跟不上工作量（积案将持续增加）；{staff} 人才能跟上。"
        ),
        Reason::WholeTeamsShort {
            team,
            need,
            staff,
            rule,
        } => format!(
            "每件工作须由 {team} 人同时办理，凑不成整组的人员无法办案：{need} 人才能整组跟上工作量，但受{}所限只有 {staff} 人，积案将持续增加。",
            rule_zh(*rule)
        ),
        Reason::MinStaff { min, need } => {
            format!("最少人数为 {min}；仅按工作量需要 {need} 人。")
        }
        Reason::Leaders { leaders, need } => {
            format!("保留 {leaders} 名领导职数；仅按工作量需要 {need} 人。")
        }
        Reason::AtTarget { staff } => format!("{staff} 人可使负荷率不超过目标。"),
    }
}

pub(super) fn no_extra_posts_en(why: NoExtraPosts) -> &'static str {
    match why {
        NoExtraPosts::MaxStaff => {
            "no number of posts meets the target: max_staff caps an office below its need"
        }
        NoExtraPosts::TooMany => {
            "no number of posts meets the target: an office would need more than 1,000,000 people, the most staffplan gives an office; check hours and volumes for a slip of the decimal point"
        }
        NoExtraPosts::Fixed => {
            "no number of posts meets the target: a fixed office keeps today's staff below its need; unfix it to let its posts change"
        }
        NoExtraPosts::StaffTypes => {
            "no number of posts meets the target with this allocation: the staff types an office may have cap it below its need"
        }
        NoExtraPosts::TimeLimit => {
            "the time limit stopped the search before the posts that would meet the target were worked out; raise --time-limit to get them"
        }
        NoExtraPosts::Solver => {
            "the solver failed to work out the posts that would meet the target; run again with --export-lp FILE and check the model with another solver"
        }
    }
}

pub(super) fn no_extra_posts_zh(why: NoExtraPosts) -> &'static str {
    match why {
        NoExtraPosts::MaxStaff => "增加多少岗位都达不到目标负荷率：最多人数把某机构限定在所需人数之下",
        NoExtraPosts::TooMany => "增加多少岗位都达不到目标负荷率：某机构所需人数超过 staffplan 给单个机构的上限 1,000,000 人；请检查工时和件数是否错了小数点",
        NoExtraPosts::Fixed => "增加多少岗位都达不到目标负荷率：某固定机构保持现有人员，低于所需；取消固定后其岗位才能调整",
        NoExtraPosts::StaffTypes => "按此分配增加多少岗位都达不到目标负荷率：机构允许的人员类别把它限定在所需人数之下",
        NoExtraPosts::TimeLimit => "求解时限已到，尚未算出达到目标所需的岗位；请提高 --time-limit",
        NoExtraPosts::Solver => "求解器未能算出达到目标所需的岗位；请加 --export-lp FILE 重新运行，并用其他求解器检查模型",
    }
}

pub(super) fn shortfall_en(why: Shortfall) -> &'static str {
    match why {
        Shortfall::NoRoom => "no post may be added within the quotas, the budget, max_staff and the staff types the office may have",
        Shortfall::NoGain => "more posts stopped raising the share: the deadline is shorter than the work itself, or the team rule keeps people idle",
        Shortfall::RoundLimit => "the check ran out of rounds",
        Shortfall::TimeLimit => "the time limit stopped the check first",
    }
}

pub(super) fn shortfall_zh(why: Shortfall) -> &'static str {
    match why {
        Shortfall::NoRoom => "在人员限额、预算、人数上限和允许的人员类别内已无法再增加岗位",
        Shortfall::NoGain => {
            "再增加人员已不能提高按期办结率：期限短于工作本身所需时间，或因须多人同时办案而有人闲置"
        }
        Shortfall::RoundLimit => "校核达到轮次上限",
        Shortfall::TimeLimit => "求解时限先到，校核已停止",
    }
}
