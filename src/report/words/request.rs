//! The words of the request (SPEC §14), the section every report opens with: the table of
//! approved posts, the three sentences (what is asked, what it costs, what it buys), the
//! options beyond the quota and what the plan makes worse, in each language. In Chinese 编制
//! names approved establishment posts only; the need is 所需岗位数.

/// What the request buys, for its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Buys {
    /// Offices over the target utilisation today, and of them those within it in the plan.
    pub over_before: usize,
    pub brought: usize,
    /// Offices over the target in the plan.
    pub over_after: usize,
    /// On-time targets in the plan's own simulation, and of them those met; `None` without
    /// targets.
    pub targets: Option<(usize, usize)>,
    /// Units no group covers, today and in the plan.
    pub uncovered: (usize, usize),
    /// How the pack names today's side ("today", or a multi-year plan's start).
    pub today: String,
}

/// Why the need grows from today to the plan although the work does not: the work nobody does
/// today, needed as one lump, is split among dispatched groups that each need whole people
/// and at least their team.
#[derive(Debug, Clone, Copy)]
pub struct NeedGrows {
    /// Posts needed, the undone work counted, today and with the plan.
    pub before: u64,
    pub after: u64,
    /// Posts the undone work needs as one lump today.
    pub undone: u64,
    /// The groups of the plan that take it on, their largest team and their posts needed.
    pub groups: usize,
    pub team: u32,
    pub group_posts: u64,
}

/// The words of the request (SPEC §14).
#[derive(Debug)]
pub struct RequestWords {
    pub section: &'static str,
    /// Office, staff type, approved, in post, vacant, needed, fill, move, add, cost a year.
    pub headers: [&'static str; 10],
    /// The first cell of the rows of the sums of each staff type.
    pub subtotal: &'static str,
    /// What is asked of one staff type: (label, vacant posts filled, approved posts moved
    /// with where from and to, posts added, whether the type has approved posts (编制), so
    /// that its new posts are new approved posts).
    pub asked_type: fn(&str, u32, u32, &str, u32, bool) -> String,
    /// After a staff type's part: (approved posts the plan no longer needs, where).
    pub spare: fn(u32, &str) -> String,
    /// Between the staff types of what is asked.
    pub type_separator: &'static str,
    /// One move: (from, to, posts).
    pub move_of: fn(&str, &str, u32) -> String,
    /// The sentence of what is asked: (the staff types' parts).
    pub asked: fn(&str) -> String,
    pub nothing_asked: &'static str,
    /// (how the pack names today's side, cost a year of the plan, today's cost, the change
    /// without its sign or empty where the two are equal, whether it is a rise, the cost a
    /// year of the new posts: empty where no post is new).
    pub costs: fn(&str, &str, &str, &str, bool, &str) -> String,
    pub buys: fn(&Buys) -> String,
    /// (offices with their approved leadership posts).
    pub leader_posts: fn(&str) -> String,
    pub options: &'static str,
    /// (option number, posts, cost a year, hours over the target without them).
    pub option_target: fn(usize, &str, &str, f64) -> String,
    /// (option number, posts, cost a year, whether every on-time target then holds).
    pub option_service: fn(usize, &str, &str, bool) -> String,
    pub worse: &'static str,
    pub worse_none: &'static str,
    /// (office, what is worse, why).
    pub worse_line: fn(&str, &str, &str) -> String,
    /// Utilisation before, after (percent).
    pub worse_utilisation: fn(f64, f64) -> String,
    /// On-time share before, after (percent).
    pub worse_on_time: fn(f64, f64) -> String,
    /// Year-end backlog before, after; p90 lead time before, after (days).
    pub worse_backlog: fn(f64, f64, f64, f64) -> String,
    /// Overtime hours a person before, after.
    pub worse_overtime: fn(f64, f64) -> String,
    /// Why: staff cut (before, after).
    pub why_cut: fn(u32, u32) -> String,
    /// Why: more work (required hours before, after).
    pub why_more_work: fn(f64, f64) -> String,
    pub why_other: &'static str,
    /// Between the figures of one office.
    pub separator: &'static str,
    /// A bar of today's side whose work nobody does today (SPEC §14): drawn as not done,
    /// never as 0.
    pub not_done: &'static str,
    /// A backlog panel of an office whose work nobody does today (its name).
    pub not_done_panel: fn(&str) -> String,
    /// The first page's fourth sentence, how sure the figures are: (share of the draws in
    /// which every office of the plan holds at once, the offices within the target in fewer
    /// than half of the draws with their shares, "" if none).
    pub how_sure: fn(f64, &str) -> String,
    /// One office and its share of the draws (percent).
    pub office_share: fn(&str, f64) -> String,
    /// `compare` of two organisations: (side's name, the work types only it models).
    pub only_one_side: fn(&str, &str) -> String,
    /// `compare` of two organisations: (first name, its year value, second name, its year
    /// value), each side's capacity at its own.
    pub year_values: fn(&str, f64, &str, f64) -> String,
    /// `compare` of two organisations: the title of the offices section (the two names).
    pub offices_apart: fn(&str, &str) -> String,
    /// (the scenario's comment on its `peers`): the planner's note under the peer table.
    pub peers_note: fn(&str) -> String,
    /// The summary's sentence on the posts the dispatched groups' team floor adds.
    pub need_grows: fn(NeedGrows) -> String,
    /// (the offices with work but nobody today, their hours a year, their posts needed).
    pub empty_offices: fn(&str, f64, u64) -> String,
    /// `compare` of two organisations: the work types both model.
    pub both_model: fn(usize) -> String,
    /// The uncertainty section's note that its figures are the recommended organisation's.
    pub sure_of_plan: &'static str,
}

fn asked_type_en(
    label: &str,
    fill: u32,
    moved: u32,
    moves: &str,
    add: u32,
    approved: bool,
) -> String {
    let mut parts = Vec::new();
    if fill > 0 {
        parts.push(format!("fill {fill} vacant approved post{}", plural(fill)));
    }
    if moved > 0 {
        parts.push(format!(
            "move {moved} approved post{} between offices ({moves})",
            plural(moved)
        ));
    }
    if add > 0 {
        let kind = if approved { "approved " } else { "" };
        parts.push(format!("add {add} new {kind}post{}", plural(add)));
    }
    format!("{label}: {}", parts.join(", "))
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The offices over the target before and what the plan does with them, in plain words: "of
/// the 3 offices over the target utilisation (before), the plan brings none within the target".
fn over_target_en(b: &Buys) -> String {
    let (n, brought, after) = (b.over_before, b.brought, b.over_after);
    // Offices within the target before that the plan puts over it.
    let new = after.saturating_sub(n - brought);
    let offices = if n == 1 { "office" } else { "offices" };
    let head = format!("{n} {offices} over the target utilisation ({})", b.today);
    let others = |k: usize| {
        if k == 1 {
            "1 other".to_string()
        } else {
            format!("{k} others")
        }
    };
    if n == 0 {
        format!(
            "no office over the target utilisation ({}), but the plan puts {} over it",
            b.today, after
        )
    } else if brought == n {
        let all = if n == 1 {
            String::new()
        } else {
            "all ".to_string()
        };
        let but = if new > 0 {
            format!(", but puts {} over it", others(new))
        } else {
            String::new()
        };
        format!("the plan brings {all}the {head} within the target{but}")
    } else {
        let some = if brought == 0 {
            "none".to_string()
        } else {
            brought.to_string()
        };
        let and = if new > 0 {
            format!(", and puts {} over it", others(new))
        } else {
            String::new()
        };
        format!("of the {head}, the plan brings {some} within the target{and}")
    }
}

/// The Chinese twin of [`over_target_en`].
fn over_target_zh(b: &Buys) -> String {
    let (n, brought, after) = (b.over_before, b.brought, b.over_after);
    let new = after.saturating_sub(n - brought);
    let more = if new > 0 {
        format!("，但另有{new}个机构在方案中超过目标")
    } else {
        String::new()
    };
    if n == 0 {
        format!(
            "{}各机构负荷率均不超过目标，但方案中有{after}个机构超过目标",
            b.today
        )
    } else if brought == n {
        format!(
            "{}超过目标负荷率的{n}个机构在方案中全部降至目标以内{more}",
            b.today
        )
    } else if brought == 0 {
        format!(
            "{}超过目标负荷率的{n}个机构，方案未使其中任何一个降至目标以内{more}",
            b.today
        )
    } else {
        format!(
            "{}超过目标负荷率的{n}个机构中，方案使{brought}个降至目标以内{more}",
            b.today
        )
    }
}

fn buys_en(b: &Buys) -> String {
    let mut parts = vec![match (b.over_before, b.over_after) {
        (0, 0) => format!(
            "every office within the target utilisation, {} and in the plan",
            b.today
        ),
        _ => over_target_en(b),
    }];
    if let Some((targets, met)) = b.targets {
        parts.push(format!(
            "{met} of {targets} on-time targets met in the plan's own simulation"
        ));
    }
    // Said only where some unit is left uncovered on either side (a court has no units).
    if b.uncovered != (0, 0) {
        parts.push(format!(
            "units no group covers: {} → {}",
            b.uncovered.0, b.uncovered.1
        ));
    }
    format!("What it buys: {}.", parts.join("; "))
}

fn asked_type_zh(
    label: &str,
    fill: u32,
    moved: u32,
    moves: &str,
    add: u32,
    approved: bool,
) -> String {
    let mut parts = Vec::new();
    if fill > 0 {
        parts.push(format!("补充空编{fill}个"));
    }
    if moved > 0 {
        parts.push(format!("在机构间调剂{moved}个（{moves}）"));
    }
    if add > 0 {
        let kind = if approved { "编制" } else { "岗位" };
        parts.push(format!("新增{kind}{add}个"));
    }
    format!("{label}{}", parts.join("，"))
}

fn buys_zh(b: &Buys) -> String {
    let mut parts = vec![match (b.over_before, b.over_after) {
        (0, 0) => format!("{}和方案中各机构负荷率均不超过目标", b.today),
        _ => over_target_zh(b),
    }];
    if let Some((targets, met)) = b.targets {
        parts.push(format!(
            "在方案自身的模拟中{targets}项按期办结目标达到{met}项"
        ));
    }
    if b.uncovered != (0, 0) {
        parts.push(format!(
            "未覆盖单位由{}个变为{}个",
            b.uncovered.0, b.uncovered.1
        ));
    }
    format!("成效：{}。", parts.join("；"))
}

pub(super) const REQUEST_EN: RequestWords = RequestWords {
    section: "The request",
    headers: [
        "Office",
        "Staff type",
        "Approved posts",
        "In post",
        "Vacant",
        "Posts needed",
        "Fill",
        "Move",
        "Add",
        "Cost a year",
    ],
    subtotal: "Total",
    asked_type: asked_type_en,
    type_separator: "; ",
    spare: |n, offices| format!("{n} approved post{} no longer needed ({offices})", plural(n)),
    move_of: |from, to, n| format!("{from} → {to}: {n}"),
    asked: |parts| format!("What is asked: {parts}."),
    nothing_asked: "What is asked: nothing; the recommendation keeps within today's approved posts and people.",
    costs: |today, after, before, change, more, added| {
        let way = if more { "more" } else { "less" };
        let added = if added.is_empty() { String::new() } else { format!("; the new posts cost {added} a year of it") };
        if change.is_empty() {
            return format!("What it costs: {after} a year for the recommended organisation, the same as {today}{added}.");
        }
        format!("What it costs: {after} a year for the recommended organisation, {change} {way} than {before} ({today}){added}.")
    },
    buys: buys_en,
    leader_posts: |list| format!("Approved leadership posts: {list}."),
    options: "Options beyond the quota (not part of the request)",
    option_target: |n, posts, cost, unmet| {
        format!("Option {n}: {posts} posts beyond the quota, {cost} a year: every office within the target utilisation (without them {unmet:.1} hours a year stay above it).")
    },
    option_service: |n, posts, cost, met| {
        if met {
            format!("Option {n}: {posts} posts beyond the quota, {cost} a year: every on-time target met in the plan's own simulation.")
        } else {
            format!("Option {n}: {posts} posts beyond the quota, {cost} a year: still not every on-time target met; other limits bind.")
        }
    },
    worse: "What the plan makes worse",
    worse_none: "No office is worse in the plan on utilisation, on-time share, year-end backlog or overtime.",
    worse_line: |office, what, why| format!("{office}: {what}; {why}."),
    worse_utilisation: |b, a| format!("utilisation {b:.1}% → {a:.1}%"),
    worse_on_time: |b, a| format!("on-time share {b:.1}% → {a:.1}%"),
    worse_backlog: |b, a, pb, pa| {
        format!("year-end backlog {b:.1} → {a:.1} items, p90 lead time {pb:.1} → {pa:.1} days")
    },
    worse_overtime: |b, a| format!("overtime {b:.0} → {a:.0} hours a person a year"),
    why_cut: |b, a| format!("its staff goes {b} → {a}"),
    why_more_work: |b, a| format!("its work grows from {b:.0} to {a:.0} hours a year"),
    why_other: "its staff and work do not change: the effect of other offices' changes along the work chain",
    separator: ", ",
    not_done: "not done today",
    not_done_panel: |name| format!("{name} (not done today)"),
    offices_apart: |a, b| format!("The offices of {a} and of {b}"),
    peers_note: |note| format!("The scenario notes: {note}"),
    empty_offices: |names, hours, posts| {
        format!("Today {names} have nobody: their {hours:.1} hours a year are done by nobody today and need {posts} posts; the required hours and posts needed above count them.")
    },
    need_grows: |n| {
        format!(
            "The posts needed grow from {} to {} although the work does not: today the work nobody does needs {} posts as one lump; the plan gives it to {} dispatched groups, and a group needs whole people and no fewer than its team of {} (a group smaller than its team cannot take up a case), so they need {} posts, {} more.",
            n.before, n.after, n.undone, n.groups, n.team, n.group_posts, n.group_posts.saturating_sub(n.undone)
        )
    },
    only_one_side: |side, works| format!("Only {side} models: {works}; the other side's figures leave this work out, which is a difference of scope, not of staffing."),
    year_values: |a, ha, b, hb| format!("Each organisation is worked out at its own year value: {a} {ha:.0} hours a person, {b} {hb:.0} hours a person."),
    both_model: |n| format!("Two organisations side by side, not a plan and its change: {n} work types are modelled by both (matched by id, by name, or by the name a scenario's parts share, such as \"review (office 1)\" for \"review\")."),
    how_sure: |all, weak| {
        let all = all * 100.0;
        if weak.is_empty() {
            format!("How sure: over the ranges of the assumptions, the recommended organisation keeps every office within the target utilisation at once in {all:.0}% of the draws.")
        } else {
            format!("How sure: over the ranges of the assumptions, the recommended organisation keeps every office within the target utilisation at once in only {all:.0}% of the draws; within it in fewer than half of the draws: {weak}. The plan holds only if the likely values are right.")
        }
    },
    office_share: |office, share| format!("{office} {share:.0}%"),
    sure_of_plan: "The figures of this section are those of the recommended organisation (the second side of the pack), so that the work the plan takes on, which nobody does today, has its share in them.",
};

pub(super) const REQUEST_ZH: RequestWords = RequestWords {
    section: "申请事项",
    headers: [
        "机构",
        "人员类别",
        "核定编制",
        "现有人数",
        "空编",
        "所需岗位数",
        "补编",
        "调剂",
        "新增岗位",
        "年度费用",
    ],
    subtotal: "合计",
    asked_type: asked_type_zh,
    type_separator: "；",
    spare: |n, offices| format!("不再需要的编制{n}个（{offices}）"),
    move_of: |from, to, n| format!("{from} → {to} {n}个"),
    asked: |parts| format!("申请：{parts}。"),
    nothing_asked: "申请：无；推荐方案不超出现有核定编制和现有人员。",
    costs: |today, after, before, change, more, added| {
        let way = if more { "增加" } else { "减少" };
        let added = if added.is_empty() { String::new() } else { format!("；其中新增岗位每年{added}") };
        if change.is_empty() {
            return format!("费用：推荐方案年度人员费用{after}，与{today}相同{added}。");
        }
        format!("费用：推荐方案年度人员费用{after}，比{today}{before}{way}{change}{added}。")
    },
    buys: buys_zh,
    leader_posts: |list| format!("核定领导职数：{list}。"),
    options: "限额以外的备选方案（不属于本次申请）",
    option_target: |n, posts, cost, unmet| {
        format!("备选方案{n}：在限额之外再增加{posts}，每年{cost}：各机构负荷率均不超过目标（否则每年仍有{unmet:.1}小时超出目标负荷）。")
    },
    option_service: |n, posts, cost, met| {
        if met {
            format!("备选方案{n}：在限额之外再增加{posts}，每年{cost}：在方案自身的模拟中所有按期办结目标均可达到。")
        } else {
            format!("备选方案{n}：在限额之外再增加{posts}，每年{cost}：仍不能达到全部按期办结目标，还有其他限制。")
        }
    },
    worse: "方案使之变差的机构",
    worse_none: "在负荷率、按期办结比例、年末积压和加班方面，方案没有使任何机构变差。",
    worse_line: |office, what, why| format!("{office}：{what}；原因：{why}。"),
    worse_utilisation: |b, a| format!("负荷率 {b:.1}% → {a:.1}%"),
    worse_on_time: |b, a| format!("按期办结比例 {b:.1}% → {a:.1}%"),
    worse_backlog: |b, a, pb, pa| {
        format!("年末积压 {b:.1} → {a:.1} 件，90%分位办结周期 {pb:.1} → {pa:.1} 天")
    },
    worse_overtime: |b, a| format!("人均年加班 {b:.0} → {a:.0} 小时"),
    why_cut: |b, a| format!("人数由{b}人减为{a}人"),
    why_more_work: |b, a| format!("工作量由每年{b:.0}小时增至{a:.0}小时"),
    why_other: "本机构人数和工作量未变，系工作链条上其他机构调整的影响",
    separator: "，",
    not_done: "今日未开展",
    not_done_panel: |name| format!("{name}（今日未开展）"),
    offices_apart: |a, b| format!("{a}与{b}的机构"),
    peers_note: |note| format!("情景文件注明：{note}"),
    empty_offices: |names, hours, posts| {
        format!("现状中{names}尚无人员：其每年{hours:.1}小时的工作今日无人承担，需{posts}个岗位；上表的所需工时和所需岗位数已计入这些工作。")
    },
    need_grows: |n| {
        format!(
            "所需岗位数由{}增至{}，而工作量并未增加：今日无人承担的工作按工时合计需{}个岗位；方案把这些工作交给{}个派驻组，每组须按整人配备，且不少于其办案组的{}人（人数少于办案组人数的派驻组无法开展工作），共需{}个岗位，多出{}个。",
            n.before, n.after, n.undone, n.groups, n.team, n.group_posts, n.group_posts.saturating_sub(n.undone)
        )
    },
    only_one_side: |side, works| {
        format!("只有{side}模拟的工作：{works}；另一方的数字不含这些工作，这是统计范围的不同，而不是人员配置的不同。")
    },
    year_values: |a, ha, b, hb| {
        format!(
            "两个单位各按自己的年工作量基准计算：{a}每人每年{ha:.0}小时，{b}每人每年{hb:.0}小时。"
        )
    },
    both_model: |n| {
        format!("以下是两个单位的对比，而不是一个方案及其调整：双方都模拟的工作类型有{n}类（按编号、名称或共同的名称匹配，如\"纪律审查（第一纪检监察室）\"归入\"纪律审查\"）。")
    },
    how_sure: |all, weak| {
        let all = all * 100.0;
        if weak.is_empty() {
            format!("把握：在各项假设的区间内抽样，推荐方案在{all:.0}%的抽样中所有机构同时不超过目标负荷率。")
        } else {
            format!("把握：在各项假设的区间内抽样，推荐方案只在{all:.0}%的抽样中所有机构同时不超过目标负荷率；不到一半的抽样达到目标的机构：{weak}。只有最可能值准确时方案才成立。")
        }
    },
    office_share: |office, share| format!("{office} {share:.0}%"),
    sure_of_plan:
        "本节数字均为推荐方案（本报告的第二列）的数字，因此方案承担的、目前无人承担的工作也计入其中。",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn buys(over_before: usize, brought: usize, over_after: usize) -> Buys {
        Buys {
            over_before,
            brought,
            over_after,
            targets: None,
            uncovered: (0, 0),
            today: "before".to_string(),
        }
    }

    #[test]
    fn an_unchanged_cost_and_no_new_post_are_not_spelled_out_as_zeros() {
        assert_eq!(
            (REQUEST_EN.costs)("before", "1,000", "1,000", "", true, ""),
            "What it costs: 1,000 a year for the recommended organisation, the same as before."
        );
        assert_eq!(
            (REQUEST_ZH.costs)("现状", "380.0万元", "380.0万元", "", true, ""),
            "费用：推荐方案年度人员费用380.0万元，与现状相同。"
        );
        assert_eq!(
            (REQUEST_EN.costs)("before", "1,100", "1,000", "100", true, "100"),
            "What it costs: 1,100 a year for the recommended organisation, 100 more than 1,000 (before); the new posts cost 100 a year of it."
        );
    }

    #[test]
    fn the_offices_over_the_target_read_as_plain_words() {
        assert_eq!(
            over_target_en(&buys(3, 0, 3)),
            "of the 3 offices over the target utilisation (before), the plan brings none within the target"
        );
        assert_eq!(
            over_target_en(&buys(3, 3, 1)),
            "the plan brings all the 3 offices over the target utilisation (before) within the target, but puts 1 other over it"
        );
        assert_eq!(
            over_target_en(&buys(1, 1, 0)),
            "the plan brings the 1 office over the target utilisation (before) within the target"
        );
        assert_eq!(
            over_target_en(&buys(4, 2, 3)),
            "of the 4 offices over the target utilisation (before), the plan brings 2 within the target, and puts 1 other over it"
        );
        assert_eq!(
            over_target_zh(&buys(3, 0, 3)),
            "before超过目标负荷率的3个机构，方案未使其中任何一个降至目标以内"
        );
        assert_eq!(
            over_target_zh(&buys(4, 2, 3)),
            "before超过目标负荷率的4个机构中，方案使2个降至目标以内，但另有1个机构在方案中超过目标"
        );
    }
}
