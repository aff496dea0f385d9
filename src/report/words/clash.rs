//! The optimiser's refusal for the terminal ([`OptimiseError`]): in English as the optimiser
//! says it, in Chinese said again from its data, each [`Clash`] of contradictory rules a
//! bullet. The format's keys stay as written, in backticks; ids in double quotes.

use crate::optimise::{Clash, Floor, FloorRule, OptimiseError, Stranded};

/// Why no recommendation could be made, in Chinese: (what is wrong, what to do).
pub(super) fn refusal_zh(error: &OptimiseError) -> (String, String) {
    match error {
        OptimiseError::Infeasible { clashes } => {
            let bullets: Vec<String> = clashes
                .iter()
                .map(|c| format!("  - {}", clash_zh(c)))
                .collect();
            (
                format!(
                    "本情景的规则相互矛盾，无法给出推荐方案：\n{}",
                    bullets.join("\n")
                ),
                "请放宽上面列出的其中一条规则（提高人员限额、`max_staff`、`max_units` 或预算；扩大 `eligible` 列表；取消某机构的 `fixed`），然后重新运行".into(),
            )
        }
        OptimiseError::NoAnswer { seconds } => (
            format!("在 {seconds} 秒的时间上限内，没有找到满足所有规则的方案"),
            "请提高 `--time-limit`".into(),
        ),
        OptimiseError::Solver(message) => (
            format!("求解器出错：\"{message}\""),
            "请加上 `--export-lp` 把模型写入文件后重新运行，并用其他求解器检查该模型".into(),
        ),
    }
}

/// The rule that sets an office's least headcount, in Chinese.
fn floor_zh(rule: FloorRule) -> &'static str {
    match rule {
        FloorRule::TeamSize => "办案组人数",
        FloorRule::MinStaff => "`min_staff`",
        FloorRule::Leaders => "领导职数",
    }
}

/// A word set among Chinese characters: a key in backticks gets a space either side.
fn spaced(word: &str) -> String {
    if word.starts_with('`') {
        format!(" {word} ")
    } else {
        word.to_string()
    }
}

/// One clash of rules in Chinese.
fn clash_zh(clash: &Clash) -> String {
    match clash {
        Clash::KeepStaffOverMax { office, today, max } => format!(
            "`keep_staff` 与 `max_staff` 矛盾：机构 \"{office}\" 目前有 {today} 人，多于其 `max_staff`（{max} 人），而 `keep_staff` 不允许该机构减少任何人员"
        ),
        Clash::KeepStaffNotAllowed {
            office,
            people,
            staff_type,
        } => format!(
            "`keep_staff` 与 `allowed_staff` 矛盾：机构 \"{office}\" 目前有 {people} 名 \"{staff_type}\" 人员，而该机构不允许有这一人员类别，`keep_staff` 又不允许其减少这些人员"
        ),
        Clash::KeepStaffOverQuota {
            staff_type,
            today,
            quota,
        } => format!(
            "`keep_staff` 与人员限额矛盾：各机构目前共有 {today} 名 \"{staff_type}\" 人员，多于限额 {quota} 名，而 `keep_staff` 不允许任何机构减少这些人员"
        ),
        Clash::KeepStaffOverBudget { today, budget } => format!(
            "`keep_staff` 与预算矛盾：现有人员每年费用 {today}，超过预算 {budget}，而 `keep_staff` 不允许任何机构减少人员"
        ),
        Clash::Uncoverable { unit, why } => {
            let why = match why {
                Stranded::NoGroups => "情景中没有派驻组".to_string(),
                Stranded::EmptyEligible => "其 `eligible` 列表为空".to_string(),
                Stranded::EligibleUnusable { groups } => format!(
                    "其 `eligible` 列表中的 {} 不是派驻组，或是 `fixed` 派驻组，只保留目前覆盖的单位",
                    super::problem::in_quotes(groups)
                ),
                Stranded::AllFixed => "所有派驻组都是 `fixed`，只保留目前覆盖的单位".to_string(),
            };
            format!("全覆盖与 `eligible` 矛盾：单位 \"{unit}\" 无法由任何派驻组覆盖，因为{why}")
        }
        Clash::FixedOverMaxUnits { group, units, max } => format!(
            "`fixed` 与 `max_units` 矛盾：`fixed` 派驻组 \"{group}\" 保留其 {units} 个覆盖单位，但其 `max_units` 为 {max}"
        ),
        Clash::FixedIneligible { group, unit } => format!(
            "`fixed` 与 `eligible` 矛盾：`fixed` 派驻组 \"{group}\" 保留单位 \"{unit}\"，但该派驻组不在该单位的 `eligible` 列表中"
        ),
        Clash::NoRoom {
            units,
            groups,
            room,
        } => format!(
            "全覆盖与 `max_units` 及 `eligible` 矛盾：{} 个单位 {} 只能由派驻组 {} 覆盖，而这些派驻组的 `max_units` 合计只允许覆盖 {room} 个单位",
            units.len(),
            super::problem::in_quotes(units),
            super::problem::in_quotes(groups)
        ),
        Clash::LeadersOverMax {
            office,
            leaders,
            max,
        } => format!(
            "领导职数与 `max_staff` 矛盾：机构 \"{office}\" 有 {leaders} 名领导，但其 `max_staff` 为 {max}"
        ),
        Clash::NoStaffType {
            office,
            least,
            rule,
        } => format!(
            "`allowed_staff` 与{}矛盾：机构 \"{office}\" 至少须有 {least} 人，但其可有的人员类别限额都是 0，或没有允许的人员类别",
            spaced(floor_zh(*rule))
        ),
        Clash::QuotaTooSmall {
            staff_type,
            quota,
            fixed,
            kept,
            only,
            needed,
        } => {
            let mut parts = Vec::new();
            if *kept > 0 {
                parts.push(format!(
                    "`fixed` 机构 {} 保留 {kept} 个编制",
                    super::problem::in_quotes(fixed)
                ));
            }
            if *needed > 0 {
                let names: Vec<String> = only
                    .iter()
                    .map(|Floor { office, people, rule }| {
                        format!("\"{office}\"（{people} 人，{}）", floor_zh(*rule))
                    })
                    .collect();
                parts.push(format!(
                    "只能有这一类人员的机构至少需要 {needed} 人：{}",
                    names.join("、")
                ));
            }
            let rule = if *kept > 0 && *needed == 0 {
                " `fixed` "
            } else {
                " `min_staff` 及办案组人数"
            };
            format!(
                "人员限额与{rule}矛盾：\"{staff_type}\" 的限额为 {quota} 个编制，不够：{}",
                parts.join("；")
            )
        }
        Clash::QuotasTooSmall { quotas, least } => format!(
            "人员限额与 `min_staff` 及办案组人数矛盾：各类人员限额合计只允许 {quotas} 人，但各机构的最少人数（`min_staff`、领导职数、办案组人数、`fixed` 机构）合计为 {least} 人"
        ),
        Clash::BudgetTooSmall { budget, least } => format!(
            "预算与 `min_staff`、办案组人数及 `fixed` 矛盾：预算 {budget} 低于规则要求的最少人员（`min_staff`、领导职数、办案组人数、`fixed` 机构）每年的费用 {least}"
        ),
        Clash::AllAtOnce => "人员限额、预算、`min_staff`、`max_staff`、办案组人数、`max_units` 和 `eligible` 无法同时满足（其中任何两条单独并不矛盾）".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::report::words::problem::tests::assert_chinese;

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    /// One of every kind of clash, and every reason a unit may be stranded.
    fn every_clash() -> Vec<Clash> {
        let stranded = [
            Stranded::NoGroups,
            Stranded::EmptyEligible,
            Stranded::EligibleUnusable {
                groups: ids(&["g1", "g2"]),
            },
            Stranded::AllFixed,
        ];
        let mut all: Vec<Clash> = stranded
            .into_iter()
            .map(|why| Clash::Uncoverable {
                unit: "u1".into(),
                why,
            })
            .collect();
        all.extend([
            Clash::KeepStaffOverMax {
                office: "a".into(),
                today: 3,
                max: 2,
            },
            Clash::KeepStaffNotAllowed {
                office: "a".into(),
                people: 2,
                staff_type: "contract".into(),
            },
            Clash::KeepStaffOverQuota {
                staff_type: "establishment".into(),
                today: 9,
                quota: 8,
            },
            Clash::KeepStaffOverBudget {
                today: 400.0,
                budget: 150.0,
            },
            Clash::FixedOverMaxUnits {
                group: "g1".into(),
                units: 3,
                max: 2,
            },
            Clash::FixedIneligible {
                group: "g1".into(),
                unit: "u1".into(),
            },
            Clash::NoRoom {
                units: ids(&["u1", "u2"]),
                groups: ids(&["g1"]),
                room: 1,
            },
            Clash::LeadersOverMax {
                office: "a".into(),
                leaders: 3,
                max: 2,
            },
            Clash::QuotasTooSmall {
                quotas: 4,
                least: 5,
            },
            Clash::BudgetTooSmall {
                budget: 150.0,
                least: 360000.0,
            },
            Clash::AllAtOnce,
        ]);
        for rule in [FloorRule::TeamSize, FloorRule::MinStaff, FloorRule::Leaders] {
            all.push(Clash::NoStaffType {
                office: "a".into(),
                least: 2,
                rule,
            });
            all.push(Clash::QuotaTooSmall {
                staff_type: "establishment".into(),
                quota: 4,
                fixed: ids(&["s"]),
                kept: 3,
                only: vec![Floor {
                    office: "a".into(),
                    people: 2,
                    rule,
                }],
                needed: 2,
            });
        }
        all.push(Clash::QuotaTooSmall {
            staff_type: "establishment".into(),
            quota: 2,
            fixed: ids(&["s", "t"]),
            kept: 3,
            only: Vec::new(),
            needed: 0,
        });
        all
    }

    /// The refusal's message and its help, apart.
    fn said(error: &OptimiseError) -> (String, String) {
        refusal_zh(error)
    }

    /// The whole of what a Chinese terminal prints for the refusal.
    fn printed(language: Language, error: &OptimiseError) -> String {
        crate::report::words::failure(language, &crate::error::Error::Optimise(error.clone()))
    }

    #[test]
    fn every_clash_is_said_in_chinese() {
        for clash in every_clash() {
            assert_chinese(&(
                clash_zh(&clash),
                said(&OptimiseError::Infeasible {
                    clashes: vec![clash],
                })
                .1,
            ));
        }
    }

    #[test]
    fn every_refusal_is_said_in_chinese() {
        for error in [
            OptimiseError::Infeasible {
                clashes: every_clash(),
            },
            OptimiseError::NoAnswer { seconds: 2.5 },
            OptimiseError::Solver("the problem is unbounded".into()),
        ] {
            assert_chinese(&said(&error));
            let text = printed(Language::Zh, &error);
            let half = text.chars().find(|c| ":;,()".contains(*c));
            assert_eq!(half, None, "half-width punctuation in {text:?}");
        }
    }

    #[test]
    fn a_refusal_in_chinese_names_each_clash_as_a_bullet() {
        let error = OptimiseError::Infeasible {
            clashes: vec![
                Clash::KeepStaffOverMax {
                    office: "a".into(),
                    today: 3,
                    max: 2,
                },
                Clash::KeepStaffOverBudget {
                    today: 400.0,
                    budget: 150.0,
                },
            ],
        };
        assert_eq!(
            printed(Language::Zh, &error),
            "错误：本情景的规则相互矛盾，无法给出推荐方案：\n  \
             - `keep_staff` 与 `max_staff` 矛盾：机构 \"a\" 目前有 3 人，多于其 `max_staff`（2 人），而 `keep_staff` 不允许该机构减少任何人员\n  \
             - `keep_staff` 与预算矛盾：现有人员每年费用 400，超过预算 150，而 `keep_staff` 不允许任何机构减少人员\n  \
             提示：请放宽上面列出的其中一条规则（提高人员限额、`max_staff`、`max_units` 或预算；扩大 `eligible` 列表；取消某机构的 `fixed`），然后重新运行"
        );
    }

    #[test]
    fn english_is_the_optimisers_own() {
        let error = OptimiseError::Infeasible {
            clashes: vec![Clash::QuotaTooSmall {
                staff_type: "establishment".into(),
                quota: 4,
                fixed: Vec::new(),
                kept: 0,
                only: vec![
                    Floor {
                        office: "a".into(),
                        people: 3,
                        rule: FloorRule::MinStaff,
                    },
                    Floor {
                        office: "b".into(),
                        people: 2,
                        rule: FloorRule::MinStaff,
                    },
                ],
                needed: 5,
            }],
        };
        assert_eq!(printed(Language::En, &error), format!("error: {error}"));
        assert_eq!(
            error.to_string(),
            "the rules of this scenario contradict each other, so nothing can be recommended:\n  \
             - quota vs min_staff/team size: the quota of 4 \"establishment\" posts is too small: offices that may employ only this type need at least 5: \"a\" (3, min_staff), \"b\" (2, min_staff)\n  \
             help: relax one of the rules named above (raise a quota, max_staff, max_units or the budget; widen `eligible`; unfix an office) and run again"
        );
    }
}
