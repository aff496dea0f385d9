//! [`Office`] problems in Chinese.

use crate::model::{Language, OfficeKind};
use crate::report::words::office_kind;
use crate::scenario::problem::Office;

/// An office kind as the file writes it, with its Chinese name: `"section"（内设机构）`.
fn kind(kind: OfficeKind) -> String {
    format!(
        "\"{}\"（{}）",
        kind.as_str(),
        office_kind(kind, Language::Zh)
    )
}

pub(super) fn chinese(problem: &Office) -> (String, String) {
    match problem {
        Office::UnknownKind { found, nearest } => {
            let kinds = OfficeKind::ALL.map(kind).join("、");
            (
                format!("未知的机构类型 \"{found}\""),
                match nearest {
                    Some(near) => format!("是否应为 \"{}\"？可用的类型：{kinds}", near.as_str()),
                    None => format!("请使用以下类型之一：{kinds}"),
                },
            )
        }
        Office::LeadersAboveStaff { leaders, staff } => (
            format!("领导 {leaders} 人，但机构在职人数只有 {staff} 人：领导包含在在职人数之内"),
            "请使 `leaders` 不超过本机构的在职人数".into(),
        ),
        Office::MaxStaffBelowMin { min, max } => (
            format!("`max_staff`（{max}）小于 `min_staff`（{min}）"),
            "请提高 `max_staff` 或降低 `min_staff`".into(),
        ),
        Office::CoversNotGroup { kind: k } => (
            format!("只有派驻组才覆盖单位，而本机构的类型是 {}", kind(*k)),
            "请设置 `kind = \"dispatched_group\"`，或删去 `covers`".into(),
        ),
        Office::CoveredTwice { unit } => (
            format!("单位 \"{unit}\" 列了两次"),
            "每个单位只列一次".into(),
        ),
        Office::AllowanceWithoutStaff => (
            "缺少 `staff`：这是哪一类人员的工时？".into(),
            "请加上 `staff = \"<人员类别 id>\"`".into(),
        ),
        Office::AllowanceStaffNotAllowed { staff } => (
            format!("本机构不允许配备人员类别 \"{staff}\""),
            "请把该类别加入本机构的 `allowed_staff`，或改为本机构可以配备的人员类别".into(),
        ),
        Office::AllowanceWithoutHours => (
            "缺少 `hours`".into(),
            "请加上 `hours = …`：这些人员每人每年用于该项活动的小时数".into(),
        ),
        Office::PostsNotAllowed { staff, posts } => (
            format!(
                "为本机构核定了人员类别 \"{staff}\" 的编制 {posts} 个，但其 `allowed_staff` 不含该类别，这些编制永远无法补充人员"
            ),
            format!(
                "请把 \"{staff}\" 加入 `allowed_staff`，或把这些编制核定给可以配备该类人员的机构"
            ),
        ),
        Office::EligibleNotGroup { office } => (
            format!("\"{office}\" 不是派驻组，不能覆盖单位"),
            "只能列出 `kind = \"dispatched_group\"` 的机构".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;

    #[test]
    fn every_office_problem_is_said_in_chinese() {
        for problem in [
            Office::UnknownKind {
                found: "sectoin".into(),
                nearest: Some(OfficeKind::Section),
            },
            Office::UnknownKind {
                found: "bureau".into(),
                nearest: None,
            },
            Office::LeadersAboveStaff {
                leaders: 3,
                staff: 2,
            },
            Office::MaxStaffBelowMin { min: 5, max: 3 },
            Office::CoversNotGroup {
                kind: OfficeKind::Section,
            },
            Office::CoveredTwice {
                unit: "park-1".into(),
            },
            Office::AllowanceWithoutStaff,
            Office::AllowanceStaffNotAllowed {
                staff: "contract".into(),
            },
            Office::AllowanceWithoutHours,
            Office::PostsNotAllowed {
                staff: "contract".into(),
                posts: 2,
            },
            Office::EligibleNotGroup {
                office: "discipline".into(),
            },
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Office::UnknownKind {
                found: "sectoin".into(),
                nearest: Some(OfficeKind::Section),
            }),
            (
                "未知的机构类型 \"sectoin\"".to_string(),
                "是否应为 \"section\"？可用的类型：\"section\"（内设机构）、\"dispatched_group\"（派驻纪检组）、\"patrol_group\"（巡察组）、\"centre\"（中心）".to_string()
            )
        );
        assert_eq!(
            chinese(&Office::EligibleNotGroup {
                office: "discipline".into(),
            }),
            (
                "\"discipline\" 不是派驻组，不能覆盖单位".to_string(),
                "只能列出 `kind = \"dispatched_group\"` 的机构".to_string()
            )
        );
    }

    #[test]
    fn the_english_of_office_problems_is_unchanged() {
        let english = |p: Office| crate::scenario::problem::Problem::from(p).english();
        assert_eq!(
            english(Office::UnknownKind {
                found: "sectoin".into(),
                nearest: Some(OfficeKind::Section),
            })
            .1,
            "did you mean \"section\"? Kinds: section, dispatched_group, patrol_group, centre"
        );
        assert_eq!(
            english(Office::LeadersAboveStaff {
                leaders: 1,
                staff: 0
            })
            .0,
            "1 leader but a headcount of 0: leaders are counted in the staff"
        );
    }
}
