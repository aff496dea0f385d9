//! The terminal's words (`export::Words`) in each language: the tables every command prints
//! and the lines around them. The English ones are also the CSV's column names and the JSON's
//! sentences, as the SPEC gives them, so they change only with the SPEC.

use super::why;
use crate::analysis::Pressure;
use crate::export::{
    AnalysisWords, BenchmarkWords, CheckWords, PackWords, PlanTableWords, RecommendationWords,
    SensitivityWords, ServiceWords, SimulationWords, Words,
};
use crate::model::{Language, OfficeKind};
use crate::multiyear::CutBy;
use crate::optimise::{Method, Objective, Status, StoppedBy};
use crate::sensitivity::Holding;
use crate::service::Shortfall;

/// The terminal's words in a language.
pub fn terminal(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
    }
}

fn share(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0))
}

const EN: Words = Words {
    id: "id",
    office: "office",
    total: "total",
    before: |t| format!("{t} before"),
    after: |t| format!("{t} after"),
    analysis: AnalysisWords {
        title: |name, h, target| {
            format!("{name} — workload analysis (year value {h:.1} h, target utilisation {target:.0}%)")
        },
        headers: [
            "staff",
            "capacity h",
            "required h",
            "FTE need",
            "utilisation",
            "items/person",
            "hours/person",
            "posts needed",
            "gap",
            "P(wait)",
            "mean wait days",
        ],
        erlang_note: "P(wait), mean wait days: Erlang C (M/M/c) where all the office's work needs one person: offered load = FTE need, servers = whole casework persons",
        uncovered_title: "Units no dispatched group covers (their covering-group work is done by nobody)",
        uncovered_headers: ["unit", "required h", "FTE need"],
        uncovered_note: |n, hours, fte| format!("{n} units, {hours:.1} h a year, {fte:.2} FTE not covered"),
        wisn_title: |name| format!("{name} — WISN (WHO Workload Indicators of Staffing Need)"),
        wisn_headers: [
            "staff type",
            "CAF",
            "IAF",
            "required",
            "required 5–95%",
            "existing",
            "difference",
            "ratio",
            "ratio 5–95%",
            "pressure",
        ],
        pressure: |p| match p {
            Pressure::Shortage => "shortage",
            Pressure::Balanced => "balanced",
            Pressure::Excess => "excess",
        },
        wisn_note: "required = workload ÷ standard workload × CAF + IAF; ratio = existing ÷ required: below 1 fewer staff than the workload requires (WHO WISN user's manual, 2010)",
        undone_headers: ["undone_hours", "posts_needed_incl_undone"],
        undone_note: "undone_hours: the dispatched-group work of units no group covers, done by nobody today; posts_needed_incl_undone: the posts needed with that work counted, as today's need. That work belongs to no office, so only the total row has it.",
    },
    recommendation: RecommendationWords {
        title: |name| format!("{name} — recommended posts per office"),
        headers: [
            "staff before",
            "staff after",
            "change",
            "utilisation before",
            "utilisation after",
            "units before",
            "units after",
        ],
        closed: "closed",
        status: Status::as_str,
        method: Method::as_str,
        objective: |o| match o {
            Objective::UnmetHours => "unmet hours",
            Objective::Cost => "cost",
        },
        status_line: |status, proven, method, seconds, objective, bound, gap| {
            let label = if proven { "status" } else { "status (not proven optimal)" };
            format!("{label}: {status} (method {method}, {seconds:.2} s); bound on {objective} {bound:.1}, gap {gap:.2}%")
        },
        stopped_by_clock: "stopped by the wall clock before the effort --time-limit buys was spent: this machine was slow or busy, and another run may give a different answer",
        stopped_by_effort: |steps| format!("stopped by the effort --time-limit buys ({steps} steps): the same scenario and limit give this answer again"),
        headline: |cb, ca, pb, pa, ub, ua| {
            format!("cost {cb} → {ca}; peak utilisation {pb} → {pa}; unmet hours {ub:.1} → {ua:.1}")
        },
        money: |v, currency| match currency {
            Some(c) if c.chars().any(char::is_alphabetic) => format!("{v:.0} {c}"),
            Some(c) => format!("{c}{v:.0}"),
            None => format!("{v:.0}"),
        },
        allocation_title: "Allocation of units to dispatched groups",
        allocation_headers: ["unit id", "unit", "hours", "group before", "group after"],
        moved: |moved, all| format!("{moved} of {all} units change group"),
        why_title: "Why each office changes",
        why_headers: ["staff", "units", "work driving it", "binding rule", "one more post"],
        work_line: |name, items, hours, h, fte| {
            format!("{name}: {items:.1} items × {hours:.1} h ÷ {h:.0} h = {fte:.2} FTE")
        },
        rule: why::rule_en,
        reason: why::reason_en,
        one_more: |t, drop, u| match u {
            Some(u) if drop > 0.0 => {
                format!("{t}: −{drop:.0} unmet h, utilisation {:.1}%", u * 100.0)
            }
            Some(u) => format!("{t}: utilisation {:.1}%", u * 100.0),
            None => format!("{t}: no work"),
        },
        colon: ": ",
        list: "; ",
        and: ", ",
        extra_title: "Posts beyond the recommendation that would meet the target utilisation",
        extra_headers: ["staff type", "extra posts"],
        extra_cost: |cost| format!("cost of the extra posts: {cost} a year"),
        no_extra_posts: why::no_extra_posts_en,
    },
    service: ServiceWords {
        title: |runs, asked, seed| {
            let runs = if runs < asked {
                format!("{runs} of the {asked} runs asked")
            } else {
                format!("{runs} runs")
            };
            format!("Service check: the plan in its own simulation ({runs}, seed {seed})")
        },
        headers: [
            "posts for service",
            "lowest on-time share before them",
            "lowest on-time share after",
        ],
        cost: |cost, rounds| {
            format!("cost of the posts for service: {cost} a year; {rounds} simulations")
        },
        stopped: |by, runs, rounds, asked| {
            let by = match by {
                StoppedBy::Effort => "effort it buys",
                StoppedBy::Clock => "wall clock",
            };
            let what = if runs == 0 {
                "nothing was simulated, so no on-time target is known to hold; raise --time-limit or lower --runs".to_string()
            } else {
                format!("the figures above rest on {rounds} simulations of {runs} runs, and the plan is not confirmed with all {asked} runs asked")
            };
            format!("--time-limit bounds the search and this check together, and stopped the check (by the {by}) before it simulated all it would: {what}")
        },
        every_target_holds: "every on-time target holds",
        beyond: |posts, cost, met| {
            let then = if met {
                "would meet every target"
            } else {
                "would still not meet every target"
            };
            format!("beyond the quotas and budget: {posts} ({cost} a year) {then}")
        },
        posts: |n, t| format!("{n} {t}"),
        not_met: |office, work, share, target, reason| {
            format!("NOT MET: {office} / {work}: on time {share} against a target of {target} ({reason})")
        },
        shortfall: |s| match s {
            Shortfall::NoRoom => {
                "no post may be added within quotas, budget, max_staff and allowed staff types"
            }
            Shortfall::NoGain => "more posts stopped helping: the deadline is shorter than the work, or the team rule idles people",
            Shortfall::RoundLimit => "the check ran out of rounds",
            Shortfall::TimeLimit => "the time limit stopped the check first",
        },
    },
    simulation: SimulationWords {
        title: |name, runs, days, warmup, seed| {
            let start = if warmup > 0 {
                format!(" after {warmup} days of warm-up")
            } else if days > 0 {
                ", started empty".to_string()
            } else {
                String::new()
            };
            format!("{name} — simulation: {runs} runs of {days} working days{start}, seed {seed} (mean and 5–95% band over runs)")
        },
        headers: ["figure", "mean", "p5", "p95"],
        figures: [
            "items done",
            "backlog at end",
            "wait, working days",
            "lead time, working days",
            "lead time p90, working days",
            "late share",
            "on-time share",
            "utilisation",
            "overtime h/person",
            "team-rule idle h",
        ],
        never_fielded: |_, messages| messages.to_vec(),
        note: "backlog: items waiting, in progress or never startable; wait and lead time: averaged over the items finished in a run; late and on-time share: of the items with a deadline that finished or are open past it; utilisation: regular casework hours worked ÷ offered; team-rule idle h: casework hours of people free while items waited for a full team",
        overtime: |share, cap| format!("overtime: busy people work {share:.0}% of a day extra while their office has items waiting, up to {cap:.0} h each in a run"),
        on_time_title: "On time, per office and work type with a deadline (mean and 5–95% band over runs)",
        on_time_headers: ["work", "deadline days", "target", "mean", "p5", "p95"],
        works_title: "Work types (mean over runs)",
        works_headers: ["work", "arrived", "of which follow-up", "done"],
    },
    plan: PlanTableWords {
        title: |name, runs, seed| format!("{name} — multi-year plan: expected staff, hires and gap (staff − posts needed); staff band over {runs} runs of leavers, seed {seed}"),
        headers: [
            "year",
            "id",
            "name",
            "required_hours",
            "posts_needed",
            "staff_before_hires",
            "hires_requested",
            "hires_arriving",
            "staff",
            "leavers",
            "gap",
            "staff_mean",
            "staff_p5",
            "staff_p95",
            "p_short",
        ],
        hires_of: |t| format!("hires_requested_{t}"),
        first_short: |year| format!("from {year} some office has fewer staff than posts needed"),
        never_short: "every office has its posts needed in every year",
        cut_title: "Requests cut by a quota or hires_per_year",
        cut_headers: [
            "requested in",
            "arrives",
            "office",
            "staff type",
            "rule",
            "wanted",
            "granted",
        ],
        cut_by: CutBy::key,
    },
    sensitivity: SensitivityWords {
        title: |name, draws, seed| {
            format!("{name} — posts needed and FTE need over {draws} draws (seed {seed})")
        },
        headers: [
            "posts likely",
            "posts mean",
            "posts p5",
            "posts p50",
            "posts p90",
            "posts p95",
            "FTE mean",
            "FTE p5",
            "FTE p50",
            "FTE p90",
            "FTE p95",
        ],
        tornado_title: "Tornado — the organisation with one input at its low and at its high value",
        tornado_headers: [
            "input",
            "low",
            "likely",
            "high",
            "FTE need low",
            "FTE need high",
            "posts low",
            "posts high",
        ],
        no_ranges: "the scenario gives no figure as a range { low, likely, high }",
        holding: |h| match h {
            Holding::Joint => "every office at once",
            Holding::PerOffice => "office by office",
        },
        confidence_title: |level, holding, draws, seed, posts, likely, cost, cost_likely, extra| {
            format!("Confidence {level}% ({holding}) over {draws} draws (seed {seed}): {posts} posts against {likely} for the likely values, cost {cost} against {cost_likely} ({extra})")
        },
        confidence_headers: ["posts likely plan", "posts", "target met in", "every office met in"],
    },
    benchmark: BenchmarkWords {
        title: "Peer benchmark: staff, work and the ratios side by side",
        headers: [
            "file",
            "organisation",
            "staff",
            "units",
            "members",
            "required h",
            "FTE need",
            "posts needed",
            "staff/unit",
            "staff/1000 members",
            "hours/person",
            "uncovered units",
        ],
        note: "staff/unit = staff ÷ units; staff/1000 members = staff ÷ party members × 1000; hours/person = required h ÷ staff; – where there is nothing to divide by",
        members_counted: |file, with, all| format!("{file}: members counted for {with} of {all} units"),
        no_shared: "no work type is shared by every organisation (by id or name)",
        work_title: "Items a year per person, work types every organisation has (by id or name)",
    },
    pack: PackWords {
        title: |name, before, after| format!("{name}: {before} → {after}"),
        headers: [
            "staff before",
            "staff after",
            "utilisation before",
            "utilisation after",
            "hours/person before",
            "hours/person after",
        ],
        recommendation: "recommendation",
        wrote: |n, folder| format!("wrote {n} files to {folder}"),
        open_first: |report, headline| format!("open first: {report}\n{headline}"),
        not_done: "not done today",
        closed: "closed",
        headline: |sb, sa, pb, pa, nb, na| {
            format!("staff {sb} → {sa}, posts needed {nb} → {na}, peak utilisation {pb} → {pa}")
        },
    },
    check: CheckWords {
        title: |name| format!("{name}: the scenario is valid"),
        headers: ["item", "value"],
        offices: "offices",
        kind: OfficeKind::as_str,
        staff: "staff",
        units: "units",
        covered: "covered by a group",
        work_types: "work types",
        year_value: "year value (hours)",
        warnings: "warnings",
        starter: |file| format!("wrote a starter scenario to {file}\n  next: staffplan check {file}, then staffplan run {file}"),
        template: |book| format!("wrote {book}\n  next: fill it in, then staffplan import {book} --out SCENARIO.toml (or staffplan run {book})"),
        wrote: |file| format!("wrote {file}"),
        wrote_proposal: |file| format!("wrote the recommendation as a scenario to {file}"),
        error: "error: ",
        progress: "simulating {bar:40} {pos}/{len} runs, {eta} left",
    },
    currency: None,
};

const ZH: Words = Words {
    id: "代码",
    office: "机构",
    total: "合计",
    before: |t| format!("{t}（现状）"),
    after: |t| format!("{t}（方案）"),
    analysis: AnalysisWords {
        title: |name, h, target| {
            format!("{name}——工作量分析（年工作量基准 {h:.1} 小时，目标负荷率 {target:.0}%）")
        },
        headers: [
            "人数",
            "办案能力（小时）",
            "所需工时",
            "所需人力（折算人数）",
            "负荷率",
            "人均件数",
            "人均工时",
            "所需岗位数",
            "缺口",
            "等待概率",
            "平均等待天数",
        ],
        erlang_note: "等待概率、平均等待天数：机构的工作均由一人办理时，按爱尔朗C公式（多服务台排队模型）计算，来件负荷取所需人力，服务台数取可办案的整人数",
        uncovered_title: "未被派驻组覆盖的单位（其派驻组工作无人承担）",
        uncovered_headers: ["单位", "所需工时", "所需人力（折算人数）"],
        uncovered_note: |n, hours, fte| {
            format!("{n} 个单位未被覆盖，每年 {hours:.1} 小时，折合 {fte:.2} 人")
        },
        wisn_title: |name| format!("{name}——按 WISN（世界卫生组织人员配置需求工作量指标法）测算"),
        wisn_headers: [
            "人员类别",
            "类别宽限系数",
            "个人宽限系数",
            "所需人数",
            "所需人数 5–95%",
            "现有人数",
            "WISN 差额",
            "WISN 比率",
            "WISN 比率 5–95%",
            "工作压力",
        ],
        pressure: |p| match p {
            Pressure::Shortage => super::wisn::WISN_ZH.shortage,
            Pressure::Balanced => super::wisn::WISN_ZH.balanced,
            Pressure::Excess => super::wisn::WISN_ZH.excess,
        },
        wisn_note: "所需人数 = 工作量 ÷ 标准工作量 × 类别宽限系数 + 个人宽限系数；WISN 比率 = 现有人数 ÷ 所需人数，小于 1 表示人数少于工作量所需（世界卫生组织《人员配置需求工作量指标：用户手册》，2010 年）",
        undone_headers: ["今日未开展的工时", "所需岗位数（含今日未开展的工作）"],
        undone_note: "今日未开展的工时：未被派驻组覆盖的单位的派驻组工作，目前无人承担；所需岗位数（含今日未开展的工作）：计入这部分工作的所需岗位数，即今日的需要。这部分工作不属于任何机构，因此只计入合计行。",
    },
    recommendation: RecommendationWords {
        title: |name| format!("{name}——各机构建议岗位数"),
        headers: [
            "人数（现状）",
            "人数（方案）",
            "增减",
            "负荷率（现状）",
            "负荷率（方案）",
            "覆盖单位（现状）",
            "覆盖单位（方案）",
        ],
        closed: "撤销",
        status: |s| match s {
            Status::Optimal => "最优解",
            Status::TimeLimit => "达到时间上限时的最好解",
        },
        method: |m| match m {
            Method::Exact => "精确枚举",
            Method::Mip => "混合整数规划",
            Method::Heuristic => "启发式搜索",
            Method::Today => "维持现状",
        },
        objective: |o| match o {
            Objective::UnmetHours => "超出目标的工时",
            Objective::Cost => "费用",
        },
        status_line: |status, proven, method, seconds, objective, bound, gap| {
            let label = if proven { "求解结果" } else { "求解结果（未证明最优）" };
            format!("{label}：{status}（方法：{method}，用时 {seconds:.2} 秒）；{objective}不可能低于 {bound:.1}，与之相差 {gap:.2}%")
        },
        stopped_by_clock: "在 --time-limit 给定的计算量用完之前，因实际时间到限而停止：本机较慢或繁忙，再次运行可能得到不同结果",
        stopped_by_effort: |steps| format!("因 --time-limit 给定的计算量（{steps} 步）用完而停止：同一情景和同一时限会再次得到这一结果"),
        headline: |cb, ca, pb, pa, ub, ua| {
            format!("费用 {cb} → {ca}；最高负荷率 {pb} → {pa}；超出目标的工时 {ub:.1} → {ua:.1}")
        },
        money: super::document::money_zh_in,
        allocation_title: "被监督单位的派驻分配",
        allocation_headers: ["单位代码", "单位", "工时", "派驻组（现状）", "派驻组（方案）"],
        moved: |moved, all| format!("{all} 个单位中有 {moved} 个调整派驻组"),
        why_title: "各机构调整的原因",
        why_headers: ["人数", "覆盖单位", "决定工作量的工作", "起决定作用的规则", "再增加一个岗位"],
        work_line: |name, items, hours, h, fte| {
            format!("{name}：{items:.1} 件 × {hours:.1} 小时 ÷ {h:.0} 小时 = {fte:.2} 人")
        },
        rule: why::rule_zh,
        reason: why::reason_zh,
        one_more: |t, drop, u| match u {
            Some(u) if drop > 0.0 => {
                format!("{t}：超出目标的工时减少 {drop:.0} 小时，负荷率 {:.1}%", u * 100.0)
            }
            Some(u) => format!("{t}：负荷率 {:.1}%", u * 100.0),
            None => format!("{t}：无工作"),
        },
        colon: "：",
        list: "；",
        and: "、",
        extra_title: "为达到目标负荷率在建议方案之外还需增加的岗位",
        extra_headers: ["人员类别", "增加岗位数"],
        extra_cost: |cost| format!("增加岗位的费用：每年 {cost}"),
        no_extra_posts: why::no_extra_posts_zh,
    },
    service: ServiceWords {
        title: |runs, asked, seed| {
            let runs = if runs < asked {
                format!("要求 {asked} 次模拟，实际 {runs} 次")
            } else {
                format!("{runs} 次模拟")
            };
            format!("按期办结校核：用方案自身的模拟检验（{runs}，随机数种子 {seed}）")
        },
        headers: ["为按期办结增加的岗位", "增加前最低按期办结率", "增加后最低按期办结率"],
        cost: |cost, rounds| format!("为按期办结增加岗位的费用：每年 {cost}；共模拟 {rounds} 轮"),
        stopped: |by, runs, rounds, asked| {
            let by = match by {
                StoppedBy::Effort => "求解工作量上限",
                StoppedBy::Clock => "求解时限",
            };
            let what = if runs == 0 {
                "尚未进行任何模拟，无法确认任何按期办结目标；请放宽 --time-limit 或减少 --runs".to_string()
            } else {
                format!("以上数字基于 {rounds} 轮、每轮 {runs} 次的模拟，方案未经全部 {asked} 次模拟确认")
            };
            format!("--time-limit 同时限定方案搜索和本校核；校核在完成全部模拟前因{by}而停止：{what}")
        },
        every_target_holds: "所有按期办结目标均能达到",
        beyond: |posts, cost, met| {
            let then = if met {
                "可达到全部目标"
            } else {
                "仍不能达到全部目标"
            };
            format!("在人员限额和预算之外增加 {posts}（每年 {cost}）{then}")
        },
        posts: |n, t| format!("{n} 名 {t}"),
        not_met: |office, work, share, target, reason| {
            format!("未达到：{office}·{work}：按期办结率 {share}，目标 {target}（{reason}）")
        },
        shortfall: why::shortfall_zh,
    },
    simulation: SimulationWords {
        title: |name, runs, days, warmup, seed| {
            let start = if warmup > 0 {
                format!("，先预热 {warmup} 天")
            } else if days > 0 {
                "，从零积压开始".to_string()
            } else {
                String::new()
            };
            format!("{name}——模拟：{runs} 次，每次 {days} 个工作日{start}，随机数种子 {seed}（各次模拟的均值及5%–95%区间）")
        },
        headers: ["指标", "均值", "第5百分位", "第95百分位"],
        figures: [
            "办结件数",
            "期末积压",
            "等待（工作日）",
            "办理周期（工作日）",
            "办理周期第90百分位（工作日）",
            "超期比例",
            "按期办结率",
            "负荷率",
            "人均加班小时",
            "因组队规则闲置工时",
        ],
        never_fielded: |office, _| vec![(super::words(Language::Zh).never_fielded)(office)],
        note: "积压：等待中、办理中或永远无法开始的件数；等待和办理周期：一次模拟中已办结件的平均值；超期和按期办结比例：有期限且已办结或已过期仍未办结的件数中的比例；负荷率：实际办案工时 ÷ 可用办案工时；因组队规则闲置工时：有案件等待办案组凑齐人员时，空闲人员的办案工时",
        overtime: |share, cap| format!("加班：机构有案件等待时，忙碌人员每天加班 {share:.0}% 个工作日，每次模拟每人最多 {cap:.0} 小时"),
        on_time_title: "按机构及有期限的工作类型统计的按期办结率（各次模拟的均值及5%–95%区间）",
        on_time_headers: ["工作", "期限（天）", "目标", "均值", "第5百分位", "第95百分位"],
        works_title: "工作类型（各次模拟的均值）",
        works_headers: ["工作", "来件", "其中后续工作", "办结"],
    },
    plan: PlanTableWords {
        title: |name, runs, seed| format!("{name}——多年规划：预期人数、招录和缺口（人数 − 所需岗位数）；人数区间按 {runs} 次离职模拟，随机数种子 {seed}"),
        headers: [
            "年份",
            "代码",
            "名称",
            "所需工时",
            "所需岗位数",
            "招录前人数",
            "申请招录",
            "到岗",
            "人数",
            "离职",
            "缺口",
            "人数均值",
            "人数第5百分位",
            "人数第95百分位",
            "缺员概率",
        ],
        hires_of: |t| format!("申请招录：{t}"),
        first_short: |year| format!("自 {year} 年起有机构人数少于所需岗位数"),
        never_short: "各年各机构人数均不少于所需岗位数",
        cut_title: "因人员限额或每年招录上限而削减的招录申请",
        cut_headers: ["申请年份", "到岗年份", "机构", "人员类别", "规则", "申请", "批准"],
        cut_by: |c| match c {
            CutBy::Quota => "人员限额",
            CutBy::HiresPerYear => "每年招录上限",
            CutBy::MaxStaff => "机构人数上限",
            CutBy::Fixed => "机构固定人数",
        },
    },
    sensitivity: SensitivityWords {
        title: |name, draws, seed| {
            format!("{name}——{draws} 次抽样下的所需岗位数和所需人力（随机数种子 {seed}）")
        },
        headers: [
            "岗位数（最可能值）",
            "岗位数均值",
            "岗位数第5百分位",
            "岗位数中位数",
            "岗位数第90百分位",
            "岗位数第95百分位",
            "所需人力均值",
            "所需人力第5百分位",
            "所需人力中位数",
            "所需人力第90百分位",
            "所需人力第95百分位",
        ],
        tornado_title: "龙卷风图数据：每次只把一项输入取低值或高值时的组织",
        tornado_headers: [
            "输入",
            "低值",
            "最可能值",
            "高值",
            "低值时所需人力",
            "高值时所需人力",
            "低值时岗位数",
            "高值时岗位数",
        ],
        no_ranges: "情景中没有以区间（低值、最可能值、高值）给出的数据",
        holding: |h| match h {
            Holding::Joint => "所有机构同时满足",
            Holding::PerOffice => "逐个机构满足",
        },
        confidence_title: |level, holding, draws, seed, posts, likely, cost, cost_likely, extra| {
            format!("置信水平 {level}%（{holding}），{draws} 次抽样（随机数种子 {seed}）：{posts} 个岗位，按最可能值为 {likely} 个；费用 {cost}，按最可能值为 {cost_likely}（{extra}）")
        },
        confidence_headers: ["按最可能值的岗位数", "岗位数", "达到目标的抽样比例", "所有机构都达到的比例"],
    },
    benchmark: BenchmarkWords {
        title: "对标比较：人员、工作量和各项比率",
        headers: [
            "文件",
            "单位名称",
            "人数",
            "被监督单位数",
            "党员人数",
            "所需工时",
            "所需人力（折算人数）",
            "所需岗位数",
            "每单位人数",
            "每千名党员人数",
            "人均工时",
            "未覆盖单位数",
        ],
        note: "每单位人数 = 人数 ÷ 被监督单位数；每千名党员人数 = 人数 ÷ 党员人数 × 1000；人均工时 = 所需工时 ÷ 人数；无分母时记为 –",
        members_counted: |file, with, all| format!("{file}：{all} 个单位中只有 {with} 个统计了党员人数"),
        no_shared: "没有各单位都有的工作类型（按代码或名称匹配）",
        work_title: "各单位都有的工作类型的人均每年件数（按代码或名称匹配）",
    },
    pack: PackWords {
        title: |name, before, after| format!("{name}：{before} → {after}"),
        headers: [
            "人数（现状）",
            "人数（方案）",
            "负荷率（现状）",
            "负荷率（方案）",
            "人均工时（现状）",
            "人均工时（方案）",
        ],
        recommendation: "建议方案",
        wrote: |n, folder| format!("已写入 {n} 个文件：{folder}"),
        open_first: |report, headline| format!("请先打开：{report}\n{headline}"),
        not_done: "今日未开展",
        closed: "不设立",
        headline: |sb, sa, pb, pa, nb, na| {
            format!("人数 {sb} → {sa}，所需岗位数 {nb} → {na}，最高负荷率 {pb} → {pa}")
        },
    },
    check: CheckWords {
        title: |name| format!("{name}：情景文件有效"),
        headers: ["项目", "数值"],
        offices: "机构",
        kind: |k| super::office_kind(k, Language::Zh),
        staff: "人数",
        units: "被监督单位",
        covered: "已由派驻组覆盖",
        work_types: "工作类型",
        year_value: "年工作量基准（小时）",
        warnings: "警告",
        starter: |file| format!("已写入示例情景：{file}\n  下一步：staffplan check {file}，然后 staffplan run {file}"),
        template: |book| format!("已写入 {book}\n  下一步：填写后运行 staffplan import {book} --out SCENARIO.toml（或 staffplan run {book}）"),
        wrote: |file| format!("已写入 {file}"),
        wrote_proposal: |file| format!("已将建议方案写成情景文件：{file}"),
        error: "错误：",
        progress: "正在模拟 {bar:40} {pos}/{len} 次，还需 {eta}",
    },
    currency: None,
};

/// The headline of a pack in one line, in the terminal's words.
pub fn headline(w: &Words, staff: [u32; 2], peak: [Option<f64>; 2], posts: [u64; 2]) -> String {
    (w.pack.headline)(
        staff[0],
        staff[1],
        &share(peak[0]),
        &share(peak[1]),
        posts[0],
        posts[1],
    )
}
