//! Recommends posts per office and staff type and the allocation of units to dispatched
//! groups (SPEC §4). The only module that imports good_lp.
//!
//! The way through: [`clash`] refuses contradictory rules by name before anything is solved.
//! Where every office can be kept at the target, [`exact`] enumerates group headcounts and
//! packs units into them, proving all four goals (the shipped scenarios take well under a
//! second). Otherwise, or when that is too large: [`heuristic`] finds a good allocation
//! quickly, [`exact`]'s shedding and descent lower its headcounts, a tiny programme
//! ([`program`] with the allocation fixed) staffs it exactly under quotas and budget; where
//! the scenario is small enough the full programme (allocation free) is solved from that
//! start, goal by goal, and proves optimality. Larger scenarios keep the heuristic's answer
//! with a lower bound: [`exact::cost_bound`], a small integer programme over group posts with
//! one capacity row for each set of groups that eligibility confines some units to, and
//! open/closed choices for optional groups (its LP relaxation when the integer version runs
//! out of time), else the pooled relaxation of the whole programme. The answer comes back as
//! a [`Recommendation`] whose `after` is a valid scenario, so that the analysis of it
//! reproduces every figure here.

mod clash;
mod exact;
mod explain;
mod facts;
mod heuristic;
mod lp;
mod program;

use std::time::{Duration, Instant};

use serde_json::json;

use crate::analysis::{self, Analysis};
use crate::export::{json_number, Cell, Exportable, Table};
use crate::model::Scenario;
pub use explain::{Explanation, PostValue};
use facts::{Facts, Plan};
use program::{Allocation, Failure, Program, Row, Sense};

/// How the optimiser may spend its time.
#[derive(Debug, Clone)]
pub struct Options {
    /// Stop searching after this long and report the best answer with its bound.
    pub time_limit: Duration,
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
            exact_pairs: 600,
            enumerate: true,
        }
    }
}

/// Why no recommendation could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimiseError {
    #[error("the rules of this scenario contradict each other, so nothing can be recommended:\n{}\n  help: relax one of the rules named above (raise a quota, max_staff, max_units or the budget; widen `eligible`; unfix an office) and run again", bullets(.clashes))]
    Infeasible { clashes: Vec<String> },
    #[error("no answer that keeps every rule was found within the time limit of {seconds} s\n  help: raise --time-limit")]
    NoAnswer { seconds: f64 },
    #[error("the solver failed: {0}\n  help: run again with --export-lp FILE and check the model with another solver")]
    Solver(String),
}

fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|c| format!("  - {c}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Proven optimal, or the best answer found before a time or size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Optimal,
    TimeLimit,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::TimeLimit => "time_limit",
        }
    }
}

/// Which goal `objective_bound` bounds: unmet hours when the target cannot be met, else cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    UnmetHours,
    Cost,
}

/// One office before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeResult {
    pub id: String,
    pub name: String,
    /// By staff type (indexed like `Scenario::staff_types`).
    pub staff_before: Vec<u32>,
    pub staff_after: Vec<u32>,
    pub required_hours_before: f64,
    pub required_hours_after: f64,
    /// `None`: work but no capacity.
    pub utilisation_before: Option<f64>,
    pub utilisation_after: Option<f64>,
    pub covers_before: Vec<String>,
    pub covers_after: Vec<String>,
    pub unmet_hours_after: f64,
    pub open: bool,
}

/// One unit's group before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitMove {
    pub id: String,
    pub name: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub hours: f64,
}

/// The optimiser's answer.
#[derive(Debug, Clone)]
pub struct Recommendation {
    pub scenario: String,
    pub staff_types: Vec<String>,
    pub status: Status,
    pub objective: Objective,
    /// A proven lower bound on the objective (equal to its value when optimal).
    pub objective_bound: f64,
    /// `(value − bound) / value` of the objective (0 when optimal).
    pub gap: f64,
    pub cost_before: f64,
    pub cost_after: f64,
    pub peak_utilisation_before: Option<f64>,
    pub peak_utilisation_after: Option<f64>,
    pub unmet_hours_before: f64,
    pub unmet_hours: f64,
    /// Posts of each staff type beyond the recommendation's that would bring unmet hours to
    /// zero (zeros when the target is met); `None` when no number of posts would (max_staff).
    pub extra_posts_needed: Option<Vec<u32>>,
    /// Cost a year of those extra posts.
    pub extra_cost: f64,
    pub offices: Vec<OfficeResult>,
    pub allocation: Vec<UnitMove>,
    pub explanations: Vec<Explanation>,
    /// The recommended organisation as a valid scenario.
    pub after: Scenario,
    /// How the answer was found: "exact" (enumeration and packing, [`exact`]), "mip" (whole
    /// programme) or "heuristic".
    pub method: &'static str,
    pub seconds: f64,
}

/// Recommends headcounts and allocation for the scenario.
pub fn optimise(scenario: &Scenario, options: &Options) -> Result<Recommendation, OptimiseError> {
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let facts = Facts::new(scenario);
    let clashes = clash::clashes(scenario, &facts);
    if !clashes.is_empty() {
        return Err(OptimiseError::Infeasible { clashes });
    }
    let seconds = options.time_limit.as_secs_f64();
    let failed = |failure: Failure| {
        match failure {
        Failure::Infeasible => OptimiseError::Infeasible {
            clashes: vec![
                "quotas, budget, min_staff, max_staff, team sizes, max_units and eligibility cannot all be kept at once (no single pair of them clashes on its own)".into(),
            ],
        },
        Failure::NoAnswerInTime => OptimiseError::NoAnswer { seconds },
        Failure::Solver(message) => OptimiseError::Solver(message),
    }
    };

    // Where the target can be met, enumeration and packing prove all four goals quickly;
    // an unproven answer of theirs competes with the general way's below.
    let exact_found = if options.enumerate {
        exact::solve(scenario, &facts, started + options.time_limit / 2)
    } else {
        None
    };
    let mut exact_plan = None;
    if let Some(found) = exact_found {
        if found.proven {
            return Ok(finish(
                scenario,
                &facts,
                found.plan,
                Status::Optimal,
                None,
                "exact",
                started,
                deadline,
            ));
        }
        exact_plan = Some(found.plan);
    }

    // The heuristic gets at most half the time; the staffing step and the exact programme
    // share the rest.
    let heuristic_deadline = started + options.time_limit * 3 / 10;
    let (mut coverage, mut open) = heuristic::allocate(scenario, &facts, heuristic_deadline)
        .ok_or_else(|| failed(Failure::Infeasible))?;
    exact::shed_posts(
        scenario,
        &facts,
        &mut coverage,
        &mut open,
        started + options.time_limit / 2,
    );
    exact::descend(
        scenario,
        &facts,
        &mut coverage,
        &mut open,
        started + options.time_limit * 6 / 10,
    );
    let today = Plan {
        staff: scenario
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
            .collect(),
        coverage: coverage.clone(),
        open,
    };
    let staffing = Program::new(scenario, &facts, Allocation::Fixed(coverage), None);
    let mut outcome = staffing
        .solve_goals(scenario, &facts, &today, deadline)
        .map_err(failed)?;
    // The bound of the pooled relaxation, before the exact programme takes the rest of the time.
    let heuristic_score = facts.score(scenario, &outcome.plan);
    let closed_form = if heuristic_score.unmet_hours > 0.0 {
        None
    } else {
        exact::cost_bound(scenario, &facts)
    };
    // The closed-form bound (posts pooled over groups) is at least as strong as the pooled
    // programme's LP relaxation and costs nothing; the pooled programme is for the rest.
    let early_bound = match closed_form {
        Some(bound) => Some(bound),
        None => pooled_bound(
            scenario,
            &facts,
            objective_of(&heuristic_score).0,
            heuristic_score.unmet_hours,
            deadline,
        ),
    };
    let pairs: usize = facts.candidates.iter().map(Vec::len).sum();
    let mut method = "heuristic";
    let mut proven = false;
    let mut primary_proven = false;
    if pairs <= options.exact_pairs {
        let full = Program::new(scenario, &facts, Allocation::Free, None);
        if let Ok(exact) = full.solve_goals(scenario, &facts, &outcome.plan, deadline) {
            method = "mip";
            proven = exact.proven;
            primary_proven = exact.primary_proven;
            outcome = exact;
        }
    }
    let mut plan = outcome.plan;
    if let Some(candidate) = exact_plan {
        if facts
            .score(scenario, &candidate)
            .better_than(&facts.score(scenario, &plan))
        {
            plan = candidate;
            method = "exact";
            proven = false;
        }
    }
    // Today's organisation, where it keeps every hard rule, is a candidate too: an answer cut
    // short by the time limit must never recommend something worse than what exists.
    let as_is = Plan {
        staff: scenario.offices.iter().map(|o| o.staff.clone()).collect(),
        coverage: scenario.coverage(),
        open: facts.open_today.clone(),
    };
    if facts.violation(scenario, &as_is).is_none()
        && facts
            .score(scenario, &as_is)
            .better_than(&facts.score(scenario, &plan))
    {
        plan = as_is;
        method = "today";
        proven = false;
    }
    let score = facts.score(scenario, &plan);
    let (objective, value) = objective_of(&score);
    // The early bound is for the heuristic's objective; it stays valid when the exact
    // programme keeps that objective (it never raises unmet hours).
    let same_objective = objective_of(&heuristic_score).0 == objective;
    let bound = if primary_proven {
        value
    } else if same_objective {
        early_bound.unwrap_or(0.0).min(value)
    } else {
        0.0
    };
    Ok(finish(
        scenario,
        &facts,
        plan,
        if proven {
            Status::Optimal
        } else {
            Status::TimeLimit
        },
        Some(bound),
        method,
        started,
        deadline,
    ))
}

/// The goal a bound is about and the plan's value on it: unmet hours while there are any,
/// else cost.
fn objective_of(score: &facts::Score) -> (Objective, f64) {
    if score.unmet_hours > 0.0 {
        (Objective::UnmetHours, score.unmet_hours)
    } else {
        (Objective::Cost, score.cost)
    }
}

/// The recommendation for a plan: figures before and after, explanations, extra posts.
/// `bound` is the proven bound on the objective (`None`: the plan's own value, proven).
#[allow(clippy::too_many_arguments)]
fn finish(
    scenario: &Scenario,
    facts: &Facts,
    plan: Plan,
    status: Status,
    bound: Option<f64>,
    method: &'static str,
    started: Instant,
    deadline: Instant,
) -> Recommendation {
    let facts = facts.clone();
    let score = facts.score(scenario, &plan);
    let (objective, value) = objective_of(&score);
    let bound = bound.unwrap_or(value);
    let gap = if value > 0.0 {
        ((value - bound) / value).max(0.0)
    } else {
        0.0
    };
    let (extra_posts_needed, extra_cost) = if score.unmet_hours > 0.0 {
        extra_posts(scenario, &facts, &plan, deadline)
    } else {
        (Some(vec![0; scenario.staff_types.len()]), 0.0)
    };
    let after = after_scenario(scenario, &plan);
    let before_analysis = analysis::analyse(scenario);
    let after_analysis = analysis::analyse(&after);
    let explanations = explain::explain(scenario, &facts, &plan, &after_analysis);
    Recommendation {
        scenario: scenario.name.clone(),
        staff_types: scenario.staff_types.iter().map(|t| t.id.clone()).collect(),
        status,
        objective,
        objective_bound: bound,
        gap,
        cost_before: before_analysis.total.cost,
        cost_after: after_analysis.total.cost,
        peak_utilisation_before: peak(&before_analysis),
        peak_utilisation_after: peak(&after_analysis),
        unmet_hours_before: unmet(&before_analysis),
        unmet_hours: score.unmet_hours,
        extra_posts_needed,
        extra_cost,
        offices: office_results(scenario, &after, &before_analysis, &after_analysis, &plan),
        allocation: allocation(scenario, &facts, &plan),
        explanations,
        after,
        method,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The whole programme written in LP format, to check the model with another solver.
pub fn write_lp(scenario: &Scenario) -> String {
    let facts = Facts::new(scenario);
    let program = Program::new(scenario, &facts, Allocation::Free, None);
    lp::write(scenario, &program)
}

/// Highest utilisation of any office (`None`: an office has work and no capacity).
fn peak(analysis: &Analysis) -> Option<f64> {
    analysis
        .offices
        .iter()
        .try_fold(0.0f64, |peak, o| o.utilisation.map(|u| peak.max(u)))
}

fn unmet(analysis: &Analysis) -> f64 {
    let target = analysis.target_utilisation;
    analysis
        .offices
        .iter()
        .map(|o| (o.required_hours - target * o.capacity_hours).max(0.0))
        .filter(|&u| u > analysis::TOLERANCE)
        .fold(0.0, |sum, u| sum + u)
}

/// Lower bound on the objective from the pooled relaxation (units' hours split at will).
fn pooled_bound(
    scenario: &Scenario,
    facts: &Facts,
    objective: Objective,
    unmet_hours: f64,
    deadline: Instant,
) -> Option<f64> {
    let pooled = Program::new(scenario, facts, Allocation::Pooled, None);
    // A bounded share of the time for the integer relaxation; else its LP relaxation.
    let share = deadline
        .saturating_duration_since(Instant::now())
        .mul_f64(0.15)
        .max(Duration::from_millis(200));
    bound_of(scenario, &pooled, objective, unmet_hours, share)
        .or_else(|| bound_of(scenario, &pooled.relaxed(), objective, unmet_hours, share))
}

fn bound_of(
    scenario: &Scenario,
    pooled: &Program,
    objective: Objective,
    unmet_hours: f64,
    time: Duration,
) -> Option<f64> {
    let started = Instant::now();
    let left = || {
        time.saturating_sub(started.elapsed())
            .max(Duration::from_millis(50))
    };
    let value_of = |lin: &program::Lin, values: &[f64]| -> f64 {
        lin.terms
            .iter()
            .map(|&(v, c)| c * values.get(v).copied().unwrap_or(0.0))
            .sum::<f64>()
            + lin.constant
    };
    let least_unmet = if unmet_hours > 0.0 {
        let solved = pooled.solve(&pooled.unmet_lin(), &[], None, left()).ok()?;
        if !solved.proven {
            return None;
        }
        let least = value_of(&pooled.unmet_lin(), &solved.values).max(0.0);
        if objective == Objective::UnmetHours {
            return Some(least);
        }
        least
    } else {
        0.0
    };
    let mut held = pooled.unmet_lin();
    held.constant -= least_unmet + 1e-6 * least_unmet.max(1.0);
    let rows = [Row {
        name: "goal_unmet".into(),
        lhs: held,
        sense: Sense::Le,
    }];
    let cost = pooled.cost_lin(scenario);
    let solved = pooled.solve(&cost, &rows, None, left()).ok()?;
    if !solved.proven {
        return None;
    }
    // Costs are whole multiples of the cheapest post only when every post costs the same; a
    // small tolerance keeps float noise from lifting the bound above a true optimum.
    Some(value_of(&cost, &solved.values) * (1.0 - 1e-9))
}

/// Posts of each type beyond the plan's that meet the target with this allocation, and
/// their yearly cost. `None` when no number of posts would (max_staff caps an office).
fn extra_posts(
    scenario: &Scenario,
    facts: &Facts,
    plan: &Plan,
    deadline: Instant,
) -> (Option<Vec<u32>>, f64) {
    let types = scenario.staff_types.len();
    let caps: Vec<u32> = (0..types)
        .map(|t| {
            plan.staff
                .iter()
                .map(|s| s.get(t).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let mut open_plan = plan.clone();
    // A closed optional group with work of its own would open; keep the plan's groups.
    open_plan.open = plan.open.clone();
    let relaxed = Program::new(
        scenario,
        facts,
        Allocation::Fixed(plan.coverage.clone()),
        Some(caps),
    );
    let met = Row {
        name: "target_met".into(),
        lhs: relaxed.unmet_lin(),
        sense: Sense::Le,
    };
    let left = deadline
        .saturating_duration_since(Instant::now())
        .max(Duration::from_millis(500));
    let Ok(solved) = relaxed.solve(&relaxed.extra_lin(), std::slice::from_ref(&met), None, left)
    else {
        return (None, 0.0);
    };
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
    let cheapest = relaxed
        .solve(
            &relaxed.cost_lin(scenario),
            &rows,
            Some(&solved.values),
            left,
        )
        .map(|s| relaxed.extra_of(&s.values))
        .unwrap_or(extra);
    let cost = cheapest
        .iter()
        .zip(&scenario.staff_types)
        .map(|(&n, t)| f64::from(n) * t.cost)
        .sum();
    (Some(cheapest), cost)
}

/// The recommended organisation as a scenario: headcounts and coverage changed, closed
/// groups without staff, leaders or units.
fn after_scenario(scenario: &Scenario, plan: &Plan) -> Scenario {
    let mut after = scenario.clone();
    for (o, office) in after.offices.iter_mut().enumerate() {
        if let Some(staff) = plan.staff.get(o) {
            office.staff = staff.clone();
        }
        if office.is_group() && !office.fixed {
            office.covers = plan
                .coverage
                .iter()
                .enumerate()
                .filter(|(_, g)| **g == Some(o))
                .map(|(u, _)| u)
                .collect();
        }
        if !plan.open.get(o).copied().unwrap_or(true) {
            office.leaders = 0;
            office.covers.clear();
        }
        office.leaders = office.leaders.min(office.headcount());
    }
    after
}

fn office_results(
    scenario: &Scenario,
    after: &Scenario,
    before: &Analysis,
    after_analysis: &Analysis,
    plan: &Plan,
) -> Vec<OfficeResult> {
    let ids = |s: &Scenario, covers: &[usize]| -> Vec<String> {
        covers
            .iter()
            .filter_map(|&u| s.units.get(u).map(|unit| unit.id.clone()))
            .collect()
    };
    let target = after_analysis.target_utilisation;
    scenario
        .offices
        .iter()
        .zip(&after.offices)
        .zip(before.offices.iter().zip(&after_analysis.offices))
        .enumerate()
        .map(|(o, ((office, changed), (b, a)))| OfficeResult {
            id: office.id.clone(),
            name: office.name.clone(),
            staff_before: office.staff.clone(),
            staff_after: changed.staff.clone(),
            required_hours_before: b.required_hours,
            required_hours_after: a.required_hours,
            utilisation_before: b.utilisation,
            utilisation_after: a.utilisation,
            covers_before: ids(scenario, &office.covers),
            covers_after: ids(after, &changed.covers),
            unmet_hours_after: {
                let u = a.required_hours - target * a.capacity_hours;
                if u > analysis::TOLERANCE * a.required_hours.max(1.0) {
                    u
                } else {
                    0.0
                }
            },
            open: plan.open.get(o).copied().unwrap_or(true),
        })
        .collect()
}

fn allocation(scenario: &Scenario, facts: &Facts, plan: &Plan) -> Vec<UnitMove> {
    let today = scenario.coverage();
    let name = |g: Option<usize>| {
        g.and_then(|g| scenario.offices.get(g))
            .map(|o| o.id.clone())
    };
    scenario
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| UnitMove {
            id: unit.id.clone(),
            name: unit.name.clone(),
            before: name(today.get(u).copied().flatten()),
            after: name(plan.coverage.get(u).copied().flatten()),
            hours: facts.unit_hours.get(u).copied().unwrap_or(0.0),
        })
        .collect()
}

impl Recommendation {
    fn type_map(&self, values: &[u32]) -> serde_json::Map<String, serde_json::Value> {
        self.staff_types
            .iter()
            .zip(values)
            .map(|(t, n)| (t.clone(), json!(n)))
            .collect()
    }
}

impl Exportable for Recommendation {
    fn tables(&self) -> Vec<Table> {
        let mut headers: Vec<String> = vec!["id".into(), "office".into()];
        for t in &self.staff_types {
            headers.push(format!("{t} before"));
            headers.push(format!("{t} after"));
        }
        for h in [
            "staff before",
            "staff after",
            "change",
            "utilisation before",
            "utilisation after",
            "units before",
            "units after",
        ] {
            headers.push(h.into());
        }
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut offices = Table::new(
            format!("{} — recommended posts per office", self.scenario),
            &header_refs,
        );
        for o in &self.offices {
            let mut row = vec![Cell::text(&o.id), Cell::text(&o.name)];
            for (b, a) in o.staff_before.iter().zip(&o.staff_after) {
                row.push(Cell::Int(i64::from(*b)));
                row.push(Cell::Int(i64::from(*a)));
            }
            let before: u32 = o.staff_before.iter().sum();
            let after: u32 = o.staff_after.iter().sum();
            row.push(Cell::Int(i64::from(before)));
            row.push(Cell::Int(i64::from(after)));
            row.push(Cell::Int(i64::from(after) - i64::from(before)));
            row.push(Cell::opt_share(o.utilisation_before));
            row.push(Cell::opt_share(o.utilisation_after));
            row.push(Cell::Int(o.covers_before.len() as i64));
            row.push(if o.open {
                Cell::Int(o.covers_after.len() as i64)
            } else {
                Cell::text("closed")
            });
            offices.rows.push(row);
        }
        let share = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0));
        offices.notes.push(format!(
            "{}: {} (method {}, {:.2} s); bound on {} {:.1}, gap {:.2}%",
            match self.status {
                Status::Optimal => "status",
                Status::TimeLimit => "status (not proven optimal)",
            },
            self.status.as_str(),
            self.method,
            self.seconds,
            match self.objective {
                Objective::UnmetHours => "unmet hours",
                Objective::Cost => "cost",
            },
            self.objective_bound,
            self.gap * 100.0
        ));
        offices.notes.push(format!(
            "cost {:.0} → {:.0}; peak utilisation {} → {}; unmet hours {:.1} → {:.1}",
            self.cost_before,
            self.cost_after,
            share(self.peak_utilisation_before),
            share(self.peak_utilisation_after),
            self.unmet_hours_before,
            self.unmet_hours
        ));
        let mut allocation = Table::new(
            "Allocation of units to dispatched groups",
            &["unit id", "unit", "hours", "group before", "group after"],
        );
        for m in &self.allocation {
            allocation.rows.push(vec![
                Cell::text(&m.id),
                Cell::text(&m.name),
                Cell::Num(m.hours, 1),
                m.before.clone().map_or(Cell::Empty, Cell::Text),
                m.after.clone().map_or(Cell::Empty, Cell::Text),
            ]);
        }
        let moved = self
            .allocation
            .iter()
            .filter(|m| m.before != m.after)
            .count();
        allocation.notes.push(format!(
            "{moved} of {} units change group",
            self.allocation.len()
        ));
        let mut tables = vec![offices, allocation];
        tables.push(explain::table(&self.explanations));
        if self.unmet_hours > 0.0 {
            let mut extra = Table::new(
                "Posts beyond the recommendation that would meet the target utilisation",
                &["staff type", "extra posts"],
            );
            match &self.extra_posts_needed {
                Some(posts) => {
                    for (t, n) in self.staff_types.iter().zip(posts) {
                        extra
                            .rows
                            .push(vec![Cell::text(t), Cell::Int(i64::from(*n))]);
                    }
                    extra.notes.push(format!(
                        "cost of the extra posts: {:.0} a year",
                        self.extra_cost
                    ));
                }
                None => extra.notes.push(
                    "no number of posts meets the target: max_staff caps an office below its need"
                        .into(),
                ),
            }
            tables.push(extra);
        }
        tables
    }

    fn json(&self) -> serde_json::Value {
        let offices: Vec<serde_json::Value> = self
            .offices
            .iter()
            .map(|o| {
                json!({
                    "id": o.id,
                    "name": o.name,
                    "staff_before": self.type_map(&o.staff_before),
                    "staff_after": self.type_map(&o.staff_after),
                    "required_hours_before": json_number(o.required_hours_before),
                    "required_hours_after": json_number(o.required_hours_after),
                    "utilisation_before": o.utilisation_before.map(json_number),
                    "utilisation_after": o.utilisation_after.map(json_number),
                    "unmet_hours": json_number(o.unmet_hours_after),
                    "covers_before": o.covers_before,
                    "covers_after": o.covers_after,
                    "open": o.open,
                })
            })
            .collect();
        let allocation: Vec<serde_json::Value> = self
            .allocation
            .iter()
            .map(|m| {
                json!({
                    "id": m.id,
                    "name": m.name,
                    "hours": json_number(m.hours),
                    "before": m.before,
                    "after": m.after,
                })
            })
            .collect();
        json!({
            "scenario": self.scenario,
            "status": self.status.as_str(),
            "method": self.method,
            "objective": match self.objective {
                Objective::UnmetHours => "unmet_hours",
                Objective::Cost => "cost",
            },
            "objective_bound": json_number(self.objective_bound),
            "gap": json_number(self.gap),
            "cost_before": json_number(self.cost_before),
            "cost_after": json_number(self.cost_after),
            "peak_utilisation_before": self.peak_utilisation_before.map(json_number),
            "peak_utilisation_after": self.peak_utilisation_after.map(json_number),
            "unmet_hours_before": json_number(self.unmet_hours_before),
            "unmet_hours": json_number(self.unmet_hours),
            "extra_posts_needed": self.extra_posts_needed.as_ref().map(|p| self.type_map(p)),
            "extra_cost": json_number(self.extra_cost),
            "offices": offices,
            "allocation": allocation,
            "explanations": self.explanations.iter().map(explain::json).collect::<Vec<_>>(),
        })
    }
}
