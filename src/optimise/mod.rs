//! Recommends posts per office and staff type and the allocation of units to dispatched
//! groups (SPEC §4). The only module that builds optimisation models; the search room's
//! `solver` is the one file that hands them to a solver crate.
//!
//! Two rooms. [`model`] says what the problem is (facts, goals, clashes and matching, the
//! programme as data and its LP writer, the headcount model) and searches nothing;
//! [`search`] holds the strategies (the exact enumeration, local search, the MILP goal by
//! goal), none importing another, and what they share (the solver, the packing, the
//! bounds). [`budget`] sits beside both: the model's lazy parts count their work on it too.
//! This file is the way through, and [`explain`] and [`recommendation`] the result.
//!
//! The way through: `model::clash` refuses contradictory rules by name before anything is
//! solved. Where every office can be kept at the target, `search::exact` enumerates group
//! headcounts and packs units into them, proving every goal (the shipped scenarios take
//! well under a second). Otherwise, or when that is too large or cut short: local search
//! finds an allocation, sheds posts and descends headcounts, the MILP with the allocation
//! fixed staffs it exactly under quotas and budget; where the scenario is small enough the
//! whole programme (allocation free) is solved from that start, goal by goal, and proves
//! optimality. Larger scenarios keep the local search's answer with a lower bound from
//! `search::bound`. Today's organisation is the floor of every answer. Every stage gets a
//! share of the effort left in the one [`Budget`]. The answer comes back as a
//! [`Recommendation`] whose `after` is a valid scenario, so that the analysis of it
//! reproduces every figure here.
//!
//! Which stage gives the final answer (the last to improve its plan, not only its label),
//! counted over the six shipped scenarios and synthetic 20×4, 40×8, 50×10, 60×10, 100×20,
//! 200×20, 300×30 and 1,000×50 at the default limit and 200×1,990, 500×1,990, 2,000×100 and
//! 20,000×50 at 3 s: the enumeration 6 (2 shipped); the local search's allocation staffed
//! by the MILP with the allocation fixed 4 (shipped; labelled `mip` because the whole
//! programme then proves it, its own plan never better); construction and moves 2; the
//! shedding 3; the descent's jump 1 (3 before the repair); its steps 2 (0 before the
//! repair); closing optional groups improves 4 but is never the last; today's organisation
//! 0, and the enumeration's unproven answer 0 here and in 48 more runs at limits of
//! 0.01–1 s, so that one is no longer kept.

mod budget;
mod explain;
mod model;
mod recommendation;
mod search;
#[cfg(test)]
mod testing;

use std::time::Duration;

use crate::analysis;
use crate::model::Scenario;
pub use budget::{safety_cap, StoppedBy, STEPS_PER_SECOND};
use budget::{Budget, Deadline};
pub use explain::{Explanation, PostValue, Reason, Rule, WorkLine};
pub use model::clash::{Clash, Floor, FloorRule, Stranded};
// The result types' files name the model room's facts and goals as `super::facts` and
// `super::goals`.
use facts::{Facts, Plan};
pub use goals::Objective;
use goals::{objective_of, Score};
use model::program::{Allocation, Program, Row, Sense};
use model::{clash, lp};
use model::{facts, goals};
pub use recommendation::{Method, NoExtraPosts, OfficeResult, Recommendation, Status, UnitMove};
use search::solver::{self, Failure};
use search::{
    bound, exact,
    local::{heuristic, improve},
    milp,
};

/// How the optimiser may spend its time.
#[derive(Debug, Clone)]
pub struct Options {
    /// Stop searching after the effort this buys (see [`budget`]: steps of work, so that
    /// the answer is the same on any machine) and report the best answer with its bound.
    pub time_limit: Duration,
    /// The wall-clock safety cap; `None`: the time limit. (Tests lift it so that the effort
    /// binds even in a slow debug build.)
    pub clock: Option<Duration>,
    /// Largest number of (unit, eligible group) pairs for which the whole programme is
    /// solved exactly; above it the heuristic's allocation is kept.
    pub exact_pairs: usize,
    /// Try the enumeration path ([`exact`]) first; off, only the general way runs (for
    /// checking one against the other).
    pub enumerate: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            time_limit: Duration::from_secs(30),
            clock: None,
            exact_pairs: 600,
            enumerate: true,
        }
    }
}

/// Why no recommendation could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimiseError {
    #[error("the rules of this scenario contradict each other, so nothing can be recommended:\n{}\n  help: relax one of the rules named above (raise a quota, max_staff, max_units or the budget; widen `eligible`; unfix an office) and run again", bullets(.clashes))]
    Infeasible { clashes: Vec<Clash> },
    #[error("no answer that keeps every rule was found within the time limit of {seconds} s\n  help: raise --time-limit")]
    NoAnswer { seconds: f64 },
    #[error("the solver failed: {0}\n  help: run again with --export-lp FILE and check the model with another solver")]
    Solver(String),
}

fn bullets(items: &[Clash]) -> String {
    items
        .iter()
        .map(|c| format!("  - {c}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Recommends headcounts and allocation for the scenario.
pub fn optimise(scenario: &Scenario, options: &Options) -> Result<Recommendation, OptimiseError> {
    let budget = Budget::with_clock(
        options.time_limit,
        options
            .clock
            .unwrap_or_else(|| safety_cap(options.time_limit)),
    );
    let facts = Facts::new(scenario);
    let clashes = clash::clashes(&facts);
    if !clashes.is_empty() {
        return Err(OptimiseError::Infeasible { clashes });
    }
    // Where the target can be met, enumeration and packing prove every goal quickly.
    // The enumeration staffs headcounts with the cheapest mix and may close groups; under
    // keep_staff the programmes, which hold every type at today's, answer instead.
    // Its model copies every (unit, group) pair before it counts a step: where the pairs
    // alone are more than its share of the effort, it is not begun.
    let pairs: usize = facts.candidates.iter().map(Vec::len).sum();
    let exact_share = budget.slice(0.5);
    let found = if options.enumerate
        && !scenario.policy.keep_staff
        && (pairs as u64) <= exact_share.steps_left()
    {
        exact::solve(&facts, exact_share)
    } else {
        None
    };
    if let Some(plan) = found {
        let answer = Answer {
            plan,
            method: Method::Exact,
            status: Status::Optimal,
            bound: None,
        };
        return Ok(finish(&facts, answer, &budget));
    }
    // The search leaves a tenth of the effort for the posts that would meet the target.
    let general = general_way(&facts, options, budget.slice(0.9))
        .map_err(|failure| failed(failure, options.time_limit.as_secs_f64()))?;
    let answer = choose(&facts, general);
    Ok(finish(&facts, answer, &budget))
}

/// The error for a solver failure of the general way.
fn failed(failure: Failure, seconds: f64) -> OptimiseError {
    match failure {
        Failure::Infeasible => OptimiseError::Infeasible {
            clashes: vec![Clash::AllAtOnce],
        },
        Failure::NoAnswerInTime => OptimiseError::NoAnswer { seconds },
        Failure::Solver(message) => OptimiseError::Solver(message),
    }
}

/// A plan and how it was found, before the figures are worked out.
struct Answer {
    plan: Plan,
    method: Method,
    status: Status,
    /// The proven bound on the objective (`None`: the plan's own value, proven).
    bound: Option<f64>,
}

/// What the general way found: its best plan, how, what it proved, and the bound found
/// early for the heuristic's objective.
struct General {
    plan: Plan,
    method: Method,
    proven: bool,
    /// Unmet hours and cost proven optimal.
    primary_proven: bool,
    heuristic_score: Score,
    early_bound: Option<f64>,
    /// The whole programme's proven bound on cost (see [`program::Outcome::cost_bound`]).
    cost_bound: Option<f64>,
}

/// Heuristic, shedding and descent, exact staffing, the early bound, and the whole programme
/// where the scenario is small enough.
fn general_way<'a>(
    facts: &'a Facts<'a>,
    options: &Options,
    budget: Deadline<'a>,
) -> Result<General, Failure> {
    let scenario = facts.scenario;
    let pairs: usize = facts.candidates.iter().map(Vec::len).sum();
    let whole_programme = pairs <= options.exact_pairs;
    let start = improved_start(facts, budget).ok_or(Failure::Infeasible)?;
    // The staffing turns the allocation into posts: without it the answer is today's staff,
    // so it has half of what the allocation left, whatever that overran.
    let outcome = if budget.passed() && facts.keeps_rules(&start) {
        // Nothing left to solve with: the start, which keeps every rule, is the answer.
        milp::Outcome {
            plan: start,
            proven: false,
            primary_proven: false,
            cost_bound: None,
        }
    } else {
        let staffing = Program::new(facts, Allocation::Fixed(start.coverage.clone()), None);
        staffing.solve_goals(scenario, facts, &start, budget.slice(0.5))?
    };
    let heuristic_score = facts.score(&outcome.plan);
    // The bound has the rest, or a share of it where the whole programme follows.
    let share = if whole_programme { 0.3 } else { 1.0 };
    let early_bound = early_bound(facts, &heuristic_score, budget.slice(share));
    let mut general = General {
        plan: outcome.plan,
        method: Method::Heuristic,
        proven: false,
        primary_proven: false,
        heuristic_score,
        early_bound,
        cost_bound: None,
    };
    if whole_programme {
        let full = Program::new(facts, Allocation::Free, None);
        if let Ok(exact) = full.solve_goals(scenario, facts, &general.plan, budget) {
            general.method = Method::Mip;
            general.proven = exact.proven;
            general.primary_proven = exact.primary_proven;
            general.cost_bound = exact.cost_bound;
            general.plan = exact.plan;
        }
    }
    Ok(general)
}

/// The heuristic's allocation with posts shed and headcounts lowered, staffed as today where
/// its groups are open: the start of the staffing programme. `None`: no allocation keeps
/// eligibility and `max_units`.
fn improved_start<'a>(facts: &'a Facts<'a>, budget: Deadline<'a>) -> Option<Plan> {
    let scenario = facts.scenario;
    // A quarter for the allocation, some for the shedding, and most of the rest for the
    // descent, which is where large scenarios gain most; the staffing and the bound keep
    // at least two fifths.
    let (mut coverage, mut open) = heuristic::allocate(facts, budget.slice(0.25))?;
    improve::shed_posts(facts, &mut coverage, &mut open, budget.slice(0.15));
    improve::descend(facts, &mut coverage, &mut open, budget.slice(0.3));
    let today: Vec<Vec<u32>> = scenario
        .offices
        .iter()
        .zip(&open)
        .map(|(office, &open)| {
            if open {
                office.staff.clone()
            } else {
                vec![0; office.staff.len()]
            }
        })
        .collect();
    // Each office at the least headcount for its load, of the cheapest types the quotas
    // leave: where that keeps every rule the staffing programme starts at (or near) its
    // optimum, instead of at the first plan that meets the target, which may cost far more
    // and take the search its whole effort to improve.
    let least = Plan {
        staff: least_staff(facts, &coverage, &open),
        coverage: coverage.clone(),
        open: open.clone(),
    };
    if facts.keeps_rules(&least) {
        return Some(least);
    }
    Some(Plan {
        staff: today,
        coverage,
        open,
    })
}

/// Staff `[office][type]` at each open office's least headcount for its load under this
/// allocation (today's where fixed; at least today's of each type under keep_staff), the
/// posts filled with the cheapest allowed type that its quota still has room for.
fn least_staff(facts: &Facts, coverage: &[Option<usize>], open: &[bool]) -> Vec<Vec<u32>> {
    let scenario = facts.scenario;
    let types = scenario.staff_types.len();
    let loads = facts.loads(coverage);
    let mut room: Vec<u64> = (0..types)
        .map(|t| {
            scenario
                .policy
                .quota
                .get(t)
                .copied()
                .flatten()
                .map_or(u64::MAX, u64::from)
        })
        .collect();
    let mut by_cost: Vec<usize> = (0..types).collect();
    by_cost.sort_by(|&a, &b| {
        scenario.staff_types[a]
            .cost
            .total_cmp(&scenario.staff_types[b].cost)
            .then(a.cmp(&b))
    });
    // The largest team among the units each office covers, in one pass.
    let mut covered_team = vec![0u32; scenario.offices.len()];
    for (g, &t) in coverage.iter().zip(&facts.unit_team) {
        if let Some(slot) = g.and_then(|g| covered_team.get_mut(g)) {
            *slot = (*slot).max(t);
        }
    }
    let mut staff = vec![vec![0u32; types]; scenario.offices.len()];
    // Fixed offices and the posts keep_staff holds come first from the quotas.
    for (o, office) in scenario.offices.iter().enumerate() {
        if office.fixed || (facts.keeps(o) && open.get(o).copied().unwrap_or(true)) {
            for (t, &n) in office.staff.iter().enumerate() {
                staff[o][t] = n;
                room[t] = room[t].saturating_sub(u64::from(n));
            }
        }
    }
    for (o, office) in scenario.offices.iter().enumerate() {
        if office.fixed || !open.get(o).copied().unwrap_or(true) {
            continue;
        }
        let load = loads.get(o).copied().unwrap_or(0.0);
        let n = facts.least_headcount(o, load, facts.base_team_of(o).max(covered_team[o]));
        let mut missing = n.saturating_sub(staff[o].iter().sum());
        for &t in &by_cost {
            if missing == 0 {
                break;
            }
            if !office.allowed_staff.get(t).copied().unwrap_or(false) {
                continue;
            }
            let take = missing.min(u32::try_from(room[t]).unwrap_or(u32::MAX));
            staff[o][t] += take;
            room[t] -= u64::from(take);
            missing -= take;
        }
    }
    staff
}

/// A lower bound on the heuristic's objective: the eligibility-aware bound on cost where the
/// target is met (at least as strong as the pooled programme's LP relaxation), else the
/// pooled relaxation.
fn early_bound<'a>(
    facts: &'a Facts<'a>,
    heuristic_score: &Score,
    budget: Deadline<'a>,
) -> Option<f64> {
    // Nothing left: no programme is built (for 30 million pairs, seconds).
    if budget.passed() {
        return None;
    }
    let closed_form = if heuristic_score.unmet_hours > 0.0 {
        None
    } else {
        bound::cost_bound(facts, budget.slice(0.6))
    };
    closed_form.or_else(|| {
        bound::pooled_bound(
            facts,
            objective_of(heuristic_score).0,
            heuristic_score.unmet_hours,
            budget,
        )
    })
}

/// The better of the general way's plan and today's organisation where it keeps every hard
/// rule (an answer cut short by the time limit must never recommend something worse than
/// what exists), with its status and bound.
fn choose(facts: &Facts, general: General) -> Answer {
    let scenario = facts.scenario;
    let mut plan = general.plan;
    let mut method = general.method;
    let mut proven = general.proven;
    let mut better = |candidate: Plan, how: Method, plan: &mut Plan| {
        if facts.score(&candidate).better_than(&facts.score(plan)) {
            *plan = candidate;
            method = how;
            proven = false;
        }
    };
    let as_is = Plan {
        staff: scenario.offices.iter().map(|o| o.staff.clone()).collect(),
        coverage: scenario.coverage(),
        open: facts.open_today.clone(),
    };
    if facts.keeps_rules(&as_is) {
        better(as_is, Method::Today, &mut plan);
    }
    let (objective, value) = objective_of(&facts.score(&plan));
    // The early bound is for the heuristic's objective; it stays valid when the exact
    // programme keeps that objective (it never raises unmet hours).
    let same_objective = objective_of(&general.heuristic_score).0 == objective;
    let early = if same_objective {
        general.early_bound.unwrap_or(0.0)
    } else {
        0.0
    };
    // The whole programme's branch and bound, cut short in its cost stage with unmet hours
    // proven least, bounds the least cost too.
    let searched = match general.cost_bound {
        Some(b) if objective == Objective::Cost => b,
        _ => 0.0,
    };
    let bound = if general.primary_proven {
        value
    } else {
        early.max(searched).min(value)
    };
    // An answer at its bound is proven whatever stopped the search: none can be better.
    // The bounds know nothing of whole teams: with an office left unstable, a dearer plan
    // might be stable, so only the search's own proof counts.
    let stable = facts.score(&plan).unstable_hours <= 0.0;
    let at_bound = stable && bound >= value - 1e-8 * value.abs().max(1.0);
    Answer {
        plan,
        method,
        status: if proven || at_bound {
            Status::Optimal
        } else {
            Status::TimeLimit
        },
        bound: Some(bound),
    }
}

/// The recommendation for an answer: figures before and after, explanations, extra posts.
fn finish(facts: &Facts, answer: Answer, budget: &Budget) -> Recommendation {
    let scenario = facts.scenario;
    let plan = answer.plan;
    let score = facts.score(&plan);
    let (objective, value) = objective_of(&score);
    let bound = answer.bound.unwrap_or(value);
    let gap = if value > 0.0 {
        ((value - bound) / value).max(0.0)
    } else {
        0.0
    };
    let (extra_posts_needed, extra_posts_missing, extra_cost) = if score.unmet_hours > 0.0 {
        match extra_posts(facts, &plan, budget) {
            Ok((posts, cost)) => (Some(posts), None, cost),
            Err(why) => (None, Some(why), 0.0),
        }
    } else {
        (Some(vec![0; scenario.staff_types.len()]), None, 0.0)
    };
    let found = recommendation::Found {
        status: answer.status,
        method: answer.method,
        objective,
        objective_bound: bound,
        gap,
        extra_posts_needed,
        extra_posts_missing,
        extra_cost,
        stopped_by: match answer.status {
            Status::Optimal => None,
            Status::TimeLimit => budget.stopped_by(),
        },
        effort_steps: budget.used(),
        seconds: budget.elapsed().as_secs_f64(),
    };
    Recommendation::new(facts, &plan, found)
}

/// The whole programme written in LP format, to check the model with another solver.
pub fn write_lp(scenario: &Scenario) -> String {
    let facts = Facts::new(scenario);
    let program = Program::new(&facts, Allocation::Free, None);
    lp::write(scenario, &program)
}

/// One programme the optimiser solves, in LP format.
#[derive(Debug, Clone, PartialEq)]
pub struct LpStage {
    /// What it is: `""` for the whole programme (`--export-lp FILE` writes it to FILE),
    /// `"pooled"` and `"bound"` for the programmes of the lower bound (written beside it as
    /// `FILE-stem.pooled.lp`, `FILE-stem.bound.lp`).
    pub stage: &'static str,
    pub text: String,
}

/// Above this many bytes `--export-lp` warns before it writes (64 MiB: a programme other
/// solvers read in seconds is far smaller; 500 units × 1,990 groups write some 177 MB).
pub const LP_WARN_BYTES: usize = 64 << 20;

/// The warning `--export-lp` gives before writing `bytes` in `files` files, where that is
/// more than [`LP_WARN_BYTES`].
pub fn lp_size_warning(bytes: usize, files: usize) -> Option<String> {
    (bytes > LP_WARN_BYTES).then(|| {
        format!(
            "warning: --export-lp writes {:.0} MB in {files} files: the whole programme has a variable for every (unit, eligible group) pair\n  help: narrow `eligible` or export a smaller part of the organisation if another solver is to read it",
            bytes as f64 / 1e6
        )
    })
}

/// The stages [`write_lp_stages`] may give beside the whole programme.
pub const LP_COMPANIONS: [&str; 2] = ["pooled", "bound"];

/// Every programme whose shape does not depend on what an earlier stage found: the whole
/// programme (its goals solved in stages by adding one row per goal held), the pooled
/// relaxation, and the eligibility-aware cost bound where the target can be met. The staffing
/// programme of the heuristic's allocation and the staff mixes of the enumeration are this
/// programme with the allocation, or the headcounts, fixed.
pub fn write_lp_stages(scenario: &Scenario) -> Vec<LpStage> {
    let facts = Facts::new(scenario);
    let mut stages = vec![LpStage {
        stage: "",
        text: write_lp(scenario),
    }];
    let pooled = Program::new(&facts, Allocation::Pooled, None);
    let mut text = lp::write(scenario, &pooled);
    text.insert_str(
        text.find('\n').map_or(0, |i| i + 1),
        "\\ The pooled relaxation: units' hours split among the groups they may go to at will.\n\\ Its optimum (unmet hours first, then cost) is a lower bound on the whole programme's.\n",
    );
    stages.push(LpStage {
        stage: "pooled",
        text,
    });
    if let Some((programme, cost)) = bound::cost_bound_lp(&facts) {
        let comments = [
            "The eligibility-aware bound on cost where every office can meet the target: group",
            "posts pooled per set of groups that eligibility confines units to, whole posts,",
            "optional groups open or closed, and the places max_units leaves the units in the",
            "groups with the team they need. Its optimum is a lower bound on the least cost.",
        ];
        stages.push(LpStage {
            stage: "bound",
            text: lp::write_with(scenario, &comments, &programme, &cost),
        });
    }
    stages
}

/// Posts of each type beyond the plan's that meet the target with this allocation, and
/// their yearly cost; else why they are not known: no number of posts would (max_staff caps
/// an office), or the time limit or the solver stopped the computation (a time-out must
/// never read as a cap that does not exist).
fn extra_posts(
    facts: &Facts,
    plan: &Plan,
    budget: &Budget,
) -> Result<(Vec<u32>, f64), NoExtraPosts> {
    let scenario = facts.scenario;
    let types = scenario.staff_types.len();
    let caps: Vec<u32> = plan
        .per_type(types)
        .into_iter()
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .collect();
    let relaxed = Program::new(facts, Allocation::Fixed(plan.coverage.clone()), Some(caps));
    let met = Row {
        name: "target_met".into(),
        lhs: relaxed.unmet_lin(),
        sense: Sense::Le,
    };
    // What the search left (a tenth at least): no floor, so the time limit holds.
    let left = budget.deadline();
    let solved = solver::solve(
        &relaxed.lp,
        &relaxed.extra_lin(),
        std::slice::from_ref(&met),
        None,
        &left,
    )
    .map_err(|failure| match failure {
        Failure::Infeasible => cap_of(facts, plan),
        Failure::NoAnswerInTime => NoExtraPosts::TimeLimit,
        Failure::Solver(_) => NoExtraPosts::Solver,
    })?;
    let extra = relaxed.extra_of(&solved.values);
    // Among the ways to add that many posts, the cheapest.
    let mut fewest = relaxed.extra_lin();
    let total: u32 = extra.iter().sum();
    fewest.constant -= f64::from(total) + 0.5;
    let rows = [
        met,
        Row {
            name: "fewest_extra".into(),
            lhs: fewest,
            sense: Sense::Le,
        },
    ];
    let cheapest = solver::solve(
        &relaxed.lp,
        &relaxed.cost_lin(scenario),
        &rows,
        Some(&solved.values),
        &left,
    )
    .map(|s| relaxed.extra_of(&s.values))
    .unwrap_or(extra);
    let cost = cheapest
        .iter()
        .zip(&scenario.staff_types)
        .map(|(&n, t)| f64::from(n) * t.cost)
        .sum();
    Ok((cheapest, cost))
}

/// Why no number of posts meets the target with the plan's allocation, found among the
/// offices left with unmet hours: one would need more people than any office may have, one
/// is capped by max_staff, one is fixed; else the staff types it may have hold it back.
fn cap_of(facts: &Facts, plan: &Plan) -> NoExtraPosts {
    let scenario = facts.scenario;
    let loads = facts.loads(&plan.coverage);
    let short: Vec<usize> = (0..scenario.offices.len())
        .filter(|&o| {
            let n: u32 = plan.staff.get(o).map_or(0, |s| s.iter().sum());
            facts.unmet(o, loads.get(o).copied().unwrap_or(0.0), n) > 0.0
        })
        .collect();
    let too_many = short.iter().any(|&o| {
        let office = &scenario.offices[o];
        let load = loads.get(o).copied().unwrap_or(0.0);
        let need = analysis::least_headcount(office, load, facts.year_value, facts.target, 0);
        need >= facts.big_m
    });
    if too_many {
        NoExtraPosts::TooMany
    } else if short
        .iter()
        .any(|&o| scenario.offices[o].max_staff.is_some())
    {
        NoExtraPosts::MaxStaff
    } else if short.iter().any(|&o| scenario.offices[o].fixed) {
        NoExtraPosts::Fixed
    } else {
        NoExtraPosts::StaffTypes
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::budget::Budget;
    use super::facts::{Facts, Plan};
    use super::{extra_posts, NoExtraPosts};
    use crate::model::Scenario;

    /// Two sections of 4,000 and 5,000 hours a year with one post each and a quota of 2:
    /// at the target a person carries H × 0.85 = 1,358.3 hours, so they need ⌈2.94⌉ = 3 and
    /// ⌈3.68⌉ = 4 posts, 5 more than today's 2.
    fn short_of_posts(max_staff: &str) -> Scenario {
        let text = format!(
            "[scenario]\nname = \"two sections\"\n[staff.a]\ncost = 100\n[policy]\nquota = {{ a = 2 }}\n\
             [[office]]\nid = \"a\"\nname = \"a\"\nstaff = {{ a = 1 }}\n{max_staff}\n\
             [[office]]\nid = \"b\"\nname = \"b\"\nstaff = {{ a = 1 }}\n\
             [[work]]\nid = \"wa\"\nname = \"wa\"\noffice = \"a\"\nvolume = 40\nhours = 100\n\
             [[work]]\nid = \"wb\"\nname = \"wb\"\noffice = \"b\"\nvolume = 50\nhours = 100\n"
        );
        match crate::scenario::parse(&text, "two.toml") {
            Ok(loaded) => loaded.scenario,
            Err(diagnostics) => panic!("test scenario does not parse: {diagnostics:?}"),
        }
    }

    fn today(scenario: &Scenario, facts: &Facts) -> Plan {
        Plan {
            staff: scenario.offices.iter().map(|o| o.staff.clone()).collect(),
            coverage: scenario.coverage(),
            open: facts.open_today.clone(),
        }
    }

    #[test]
    fn extra_posts_are_worked_out_by_hand() {
        let scenario = short_of_posts("");
        let facts = Facts::new(&scenario);
        let plan = today(&scenario, &facts);
        let budget = Budget::new(Duration::from_secs(10));
        assert_eq!(extra_posts(&facts, &plan, &budget), Ok((vec![5], 500.0)));
    }

    /// A time-out is a time-out: it once read "max_staff caps an office below its need" in
    /// a scenario without max_staff (issue 11, item 5).
    #[test]
    fn a_spent_time_limit_is_not_reported_as_a_max_staff_cap() {
        let scenario = short_of_posts("");
        let facts = Facts::new(&scenario);
        let plan = today(&scenario, &facts);
        let spent = Budget::new(Duration::ZERO);
        assert_eq!(
            extra_posts(&facts, &plan, &spent),
            Err(NoExtraPosts::TimeLimit)
        );
    }

    /// max_staff = 2 keeps office a below its 3 posts: no number of posts meets the target.
    #[test]
    fn a_max_staff_cap_is_reported_as_one() {
        let scenario = short_of_posts("max_staff = 2");
        let facts = Facts::new(&scenario);
        let plan = today(&scenario, &facts);
        let budget = Budget::new(Duration::from_secs(10));
        assert_eq!(
            extra_posts(&facts, &plan, &budget),
            Err(NoExtraPosts::MaxStaff)
        );
    }
}

#[cfg(test)]
mod export_size {
    use super::{lp_size_warning, LP_WARN_BYTES};

    /// Issue 11, item 10: 500 units × 5,000 groups once wrote 400 MB without a word.
    #[test]
    fn a_large_lp_export_is_announced_with_its_size() {
        assert_eq!(
            lp_size_warning(400_000_000, 3).as_deref(),
            Some(
                "warning: --export-lp writes 400 MB in 3 files: the whole programme has a variable for every (unit, eligible group) pair\n  help: narrow `eligible` or export a smaller part of the organisation if another solver is to read it"
            )
        );
        assert_eq!(lp_size_warning(LP_WARN_BYTES, 3), None);
        assert!(lp_size_warning(LP_WARN_BYTES + 1, 3).is_some());
    }
}
