//! The optimiser's answer as plain data: the recommendation, each office and unit before and
//! after, and how the answer was found. Its tables and JSON are built in `export`. The one
//! constructor, [`Recommendation::new`], works every figure out from the chosen plan, and
//! the recommended organisation is a valid [`Scenario`] built here from it, so that "after"
//! is analysed by the same code as "before".

use serde::Serialize;

use super::budget::StoppedBy;
use super::explain::{self, Explanation};
use super::facts::{Facts, Plan};
use super::goals::{self, Objective};
use crate::analysis::Analysis;
use crate::model::Scenario;
use crate::request::Request;

/// Proven optimal, or the best answer found before a time or size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// How the answer was found (JSON `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Enumeration of group headcounts and packing of units ([`super::exact`]).
    Exact,
    /// The whole mixed-integer programme, goal by goal ([`super::program`]).
    Mip,
    /// The heuristic allocation, improved and staffed exactly, not proven optimal.
    Heuristic,
    /// Today's organisation: it keeps every rule and nothing found in time beat it.
    Today,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Mip => "mip",
            Method::Heuristic => "heuristic",
            Method::Today => "today",
        }
    }
}

/// Why the posts that would meet the target are not given (JSON `extra_posts_missing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoExtraPosts {
    /// No number of posts meets the target with this allocation: max_staff, the allowed
    /// staff types or a fixed office caps an office below its need.
    MaxStaff,
    /// An office would need more people than the most staffplan gives one office
    /// (1,000,000): a slip of the decimal point, usually.
    TooMany,
    /// A fixed office keeps today's staff below its need.
    Fixed,
    /// The rules on staff types (allowed types, quotas held) cap an office below its need.
    StaffTypes,
    /// The time limit stopped the search before the posts were worked out.
    TimeLimit,
    /// The solver failed on the programme of the extra posts.
    Solver,
}

impl NoExtraPosts {
    pub fn as_str(self) -> &'static str {
        match self {
            NoExtraPosts::MaxStaff => "max_staff",
            NoExtraPosts::TooMany => "too_many",
            NoExtraPosts::Fixed => "fixed",
            NoExtraPosts::StaffTypes => "staff_types",
            NoExtraPosts::TimeLimit => "time_limit",
            NoExtraPosts::Solver => "solver",
        }
    }
}

/// So that a method compares with its JSON name: `rec.method == "exact"`.
impl PartialEq<&str> for Method {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitMove {
    pub id: String,
    pub name: String,
    pub hours: f64,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The optimiser's answer. Its JSON (SPEC §7) is derived in `export/recommendation.rs`.
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
    /// zero (zeros when the target is met); `None` when they are not known, for the reason
    /// in `extra_posts_missing`.
    pub extra_posts_needed: Option<Vec<u32>>,
    /// Why `extra_posts_needed` is `None` (no number of posts would, or the time limit or
    /// the solver stopped the computation); `None` when the posts are given.
    pub extra_posts_missing: Option<NoExtraPosts>,
    /// Cost a year of those extra posts.
    pub extra_cost: f64,
    pub offices: Vec<OfficeResult>,
    pub allocation: Vec<UnitMove>,
    pub explanations: Vec<Explanation>,
    /// The recommended organisation as a valid scenario.
    pub after: Scenario,
    /// What the recommendation asks of the staffing committee (SPEC §14).
    pub request: Request,
    /// How the answer was found.
    pub method: Method,
    /// What cut an unproven search short: the effort `--time-limit` buys (the answer is
    /// reproducible), or the wall clock (it depends on the machine); `None` when optimal.
    pub stopped_by: Option<StoppedBy>,
    /// Steps of work the search spent (see `optimise::budget`): the same for the same
    /// scenario and `--time-limit` unless the clock stopped it.
    pub effort_steps: u64,
    pub seconds: f64,
}

/// What the search says of its answer, apart from the figures of the plan itself: kept as
/// it is when the plan is restaffed.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub status: Status,
    pub method: Method,
    pub objective: Objective,
    pub objective_bound: f64,
    pub gap: f64,
    pub extra_posts_needed: Option<Vec<u32>>,
    pub extra_posts_missing: Option<NoExtraPosts>,
    pub extra_cost: f64,
    pub stopped_by: Option<StoppedBy>,
    pub effort_steps: u64,
    pub seconds: f64,
}

impl Recommendation {
    /// The one constructor: the recommendation of `plan` for the scenario of `facts`, with
    /// every figure before and after, the allocation and the explanations worked out from
    /// the plan, and what the search found as it is.
    pub(super) fn new(facts: &Facts, plan: &Plan, found: Found) -> Recommendation {
        let scenario = facts.scenario;
        let after = after_scenario(scenario, plan);
        let before_analysis = crate::analysis::analyse(scenario);
        let after_analysis = crate::analysis::analyse(&after);
        Recommendation {
            scenario: scenario.name.clone(),
            staff_types: scenario.staff_types.iter().map(|t| t.id.clone()).collect(),
            status: found.status,
            objective: found.objective,
            objective_bound: found.objective_bound,
            gap: found.gap,
            cost_before: before_analysis.total.cost,
            cost_after: after_analysis.total.cost,
            peak_utilisation_before: peak(&before_analysis),
            peak_utilisation_after: peak(&after_analysis),
            unmet_hours_before: unmet(&before_analysis),
            unmet_hours: facts.score(plan).unmet_hours,
            extra_posts_needed: found.extra_posts_needed,
            extra_posts_missing: found.extra_posts_missing,
            extra_cost: found.extra_cost,
            offices: office_results(scenario, &after, &before_analysis, &after_analysis, plan),
            allocation: allocation(facts, plan),
            explanations: explain::explain(facts, plan, &after_analysis),
            request: Request::new(scenario, &after),
            after,
            method: found.method,
            stopped_by: found.stopped_by,
            effort_steps: found.effort_steps,
            seconds: found.seconds,
        }
    }

    /// The recommendation for `scenario` (the one it was made for) with other headcounts,
    /// `staff[office][staff type]`, and the same offices, units and allocation: rebuilt by
    /// [`Recommendation::new`], so that the explanations follow the new staffing too.
    pub fn restaffed(self, scenario: &Scenario, staff: Vec<Vec<u32>>) -> Recommendation {
        let facts = Facts::new(scenario);
        let plan = Plan {
            staff,
            coverage: self.after.coverage(),
            open: self.offices.iter().map(|o| o.open).collect(),
        };
        let found = Found {
            status: self.status,
            method: self.method,
            objective: self.objective,
            objective_bound: self.objective_bound,
            gap: self.gap,
            extra_posts_needed: self.extra_posts_needed,
            extra_posts_missing: self.extra_posts_missing,
            extra_cost: self.extra_cost,
            stopped_by: self.stopped_by,
            effort_steps: self.effort_steps,
            seconds: self.seconds,
        };
        Recommendation::new(&facts, &plan, found)
    }
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
            unmet_hours_after: goals::unmet_hours(a.required_hours, target, a.capacity_hours),
            open: plan.open.get(o).copied().unwrap_or(true),
        })
        .collect()
}

fn allocation(facts: &Facts, plan: &Plan) -> Vec<UnitMove> {
    let scenario = facts.scenario;
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

/// Highest utilisation of any office (`None`: an office has work and no capacity).
fn peak(analysis: &Analysis) -> Option<f64> {
    analysis
        .offices
        .iter()
        .try_fold(0.0f64, |peak, o| o.utilisation.map(|u| peak.max(u)))
}

/// Unmet hours of an analysed organisation, office by office ([`goals::unmet_hours`]).
fn unmet(analysis: &Analysis) -> f64 {
    let target = analysis.target_utilisation;
    analysis
        .offices
        .iter()
        .map(|o| goals::unmet_hours(o.required_hours, target, o.capacity_hours))
        .fold(0.0, |sum, u| sum + u)
}

#[cfg(test)]
mod tests {
    use super::Method;

    #[test]
    fn methods_serialise_as_their_names() {
        for (method, name) in [
            (Method::Exact, "exact"),
            (Method::Mip, "mip"),
            (Method::Heuristic, "heuristic"),
            (Method::Today, "today"),
        ] {
            assert_eq!(
                serde_json::to_value(method).ok(),
                Some(serde_json::json!(name))
            );
            assert_eq!(method, name);
            assert_eq!(method.to_string(), name);
        }
    }
}
