//! The optimiser's answer as plain data: the recommendation, each office and unit before and
//! after, how the answer was found, and its JSON form (SPEC §7 field names). The tables of it
//! are built in `export`. The recommended organisation is a valid [`Scenario`], built here
//! from the chosen plan, so that "after" is analysed by the same code as "before".

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::budget::StoppedBy;
use super::explain::Explanation;
use super::facts::{Facts, Plan};
use super::goals::{self, Objective};
use crate::analysis::Analysis;
use crate::model::Scenario;

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

    /// One sentence for the tables and the report.
    pub fn sentence(self) -> &'static str {
        match self {
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

/// The optimiser's answer. Serialises itself as the JSON of SPEC §7 (`staff_types`, `after`
/// and `seconds` are not part of it; `stopped_by` and `effort_steps` are added; staff counts are keyed by staff type).
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
    /// How the answer was found.
    pub method: Method,
    /// What cut an unproven search short: the effort `--time-limit` buys (the answer is
    /// reproducible), or the wall clock (it depends on the machine); `None` when optimal.
    pub stopped_by: Option<StoppedBy>,
    /// Steps of work the search spent (see `optimise::budget`): the same for the same
    /// scenario and `--time-limit` unless the clock stopped it.
    pub effort_steps: u64,
    pub seconds: f64,
    /// The service check of the plan in its own simulation (SPEC §8); `None` where the
    /// scenario sets no `on_time` target.
    pub service: Option<ServiceCheck>,
}

/// What the plan's own simulation says about its on-time targets, and the posts added for
/// them. Filled in by `service::confirm`; the optimiser itself only meets the utilisation
/// target.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceCheck {
    /// Every target holds in the confirmed plan.
    pub met: bool,
    pub unmet: Vec<ServiceUnmet>,
    /// Posts added for service, by office and staff type (beyond those the utilisation
    /// target needs).
    pub posts: Vec<Vec<u32>>,
    /// Yearly cost of those posts.
    pub cost: f64,
    /// By office: the lowest on-time share among its work types with a target (mean over the
    /// runs), in the plan before the service posts and in the confirmed plan.
    pub on_time_before_service: Vec<Option<f64>>,
    pub on_time_after: Vec<Option<f64>>,
    /// Where quotas or the budget left no room (`Shortfall::NoRoom`): the posts beyond them,
    /// by office and staff type, with which the same search meets those targets, and whether
    /// it does; `None` where nothing was short of room.
    pub beyond_quota: Option<BeyondQuota>,
    /// Simulations run by the check; the runs and seed of each.
    pub rounds: u32,
    pub runs: u32,
    pub seed: u64,
}

/// What the on-time targets would need beyond the quotas and the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct BeyondQuota {
    /// Posts beyond the confirmed plan, by office and staff type.
    pub posts: Vec<Vec<u32>>,
    /// Yearly cost of those posts.
    pub cost: f64,
    /// Whether every target then holds (`false` where other limits, such as `max_staff` or a
    /// deadline shorter than the work, stand in the way too).
    pub met: bool,
}

impl BeyondQuota {
    /// The posts of each staff type, all offices together.
    pub fn by_type(&self) -> Vec<u32> {
        let mut total: Vec<u32> = Vec::new();
        for office in &self.posts {
            total.resize(total.len().max(office.len()), 0);
            for (sum, n) in total.iter_mut().zip(office) {
                *sum += n;
            }
        }
        total
    }
}

/// One work type of one office that misses its target in the confirmed plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceUnmet {
    /// Office id.
    pub office: String,
    /// Work type id.
    pub work: String,
    pub target: f64,
    /// Mean over the runs; `None` where no item with a deadline finished or fell due.
    pub on_time_share: Option<f64>,
    pub reason: Shortfall,
}

/// Why a target is still missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shortfall {
    /// No staff type may be added: quotas, budget, `max_staff`, `allowed_staff` or `fixed`.
    NoRoom,
    /// More posts stopped raising the on-time share (the deadline is shorter than the work
    /// itself, or the team rule keeps people idle).
    NoGain,
    /// The check ran out of rounds before the office met its target.
    RoundLimit,
}

impl Recommendation {
    /// The recommendation with `after` as its organisation (the same offices, units and
    /// allocation, other headcounts): every figure of the after side worked out again.
    pub fn restaffed(mut self, after: Scenario) -> Recommendation {
        let after_analysis = crate::analysis::analyse(&after);
        let target = after_analysis.target_utilisation;
        for ((office, changed), a) in self
            .offices
            .iter_mut()
            .zip(&after.offices)
            .zip(&after_analysis.offices)
        {
            office.staff_after = changed.staff.clone();
            office.utilisation_after = a.utilisation;
            office.required_hours_after = a.required_hours;
            office.unmet_hours_after =
                goals::unmet_hours(a.required_hours, target, a.capacity_hours);
        }
        for e in &mut self.explanations {
            if let Some(changed) = after.offices.iter().find(|o| o.id == e.office) {
                e.staff_after = changed.headcount();
            }
        }
        self.cost_after = after_analysis.total.cost;
        self.peak_utilisation_after = peak(&after_analysis);
        self.unmet_hours = unmet(&after_analysis);
        self.after = after;
        self
    }
}

impl Serialize for Recommendation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let types = &self.staff_types;
        let mut s = serializer.serialize_struct("Recommendation", 21)?;
        s.serialize_field("scenario", &self.scenario)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("method", &self.method)?;
        s.serialize_field("stopped_by", &self.stopped_by)?;
        s.serialize_field("effort_steps", &self.effort_steps)?;
        s.serialize_field("objective", &self.objective)?;
        s.serialize_field("objective_bound", &self.objective_bound)?;
        s.serialize_field("gap", &self.gap)?;
        s.serialize_field("cost_before", &self.cost_before)?;
        s.serialize_field("cost_after", &self.cost_after)?;
        s.serialize_field("peak_utilisation_before", &self.peak_utilisation_before)?;
        s.serialize_field("peak_utilisation_after", &self.peak_utilisation_after)?;
        s.serialize_field("unmet_hours_before", &self.unmet_hours_before)?;
        s.serialize_field("unmet_hours", &self.unmet_hours)?;
        let extra = self.extra_posts_needed.as_deref().map(|p| ByType(types, p));
        s.serialize_field("extra_posts_needed", &extra)?;
        s.serialize_field("extra_posts_missing", &self.extra_posts_missing)?;
        s.serialize_field("extra_cost", &self.extra_cost)?;
        let service = self.service.as_ref();
        s.serialize_field("service_met", &service.map(|c| c.met))?;
        s.serialize_field("service_unmet", &service.map_or(&[][..], |c| &c.unmet[..]))?;
        s.serialize_field("cost_for_service", &service.map_or(0.0, |c| c.cost))?;
        let beyond = service.and_then(|c| c.beyond_quota.as_ref());
        s.serialize_field(
            "service_posts_beyond_quota",
            &beyond.map(|b| {
                serde_json::json!({
                    "posts": ByType(types, &b.by_type()),
                    "cost": b.cost,
                    "met": b.met,
                })
            }),
        )?;
        let offices: Vec<OfficeJson> = self
            .offices
            .iter()
            .enumerate()
            .map(|(o, office)| OfficeJson {
                types,
                office,
                for_service: service.and_then(|c| c.posts.get(o)).map(Vec::as_slice),
                on_time_after: service.and_then(|c| c.on_time_after.get(o).copied().flatten()),
            })
            .collect();
        s.serialize_field("offices", &offices)?;
        s.serialize_field("allocation", &self.allocation)?;
        s.serialize_field("explanations", &self.explanations)?;
        s.end()
    }
}

/// Counts by staff type, as a JSON object keyed by the staff type's id.
struct ByType<'a>(&'a [String], &'a [u32]);

impl Serialize for ByType<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len().min(self.1.len())))?;
        for (t, n) in self.0.iter().zip(self.1) {
            map.serialize_entry(t, n)?;
        }
        map.end()
    }
}

/// One office in the JSON: its staff keyed by staff type.
struct OfficeJson<'a> {
    types: &'a [String],
    office: &'a OfficeResult,
    /// Posts added for service, by staff type (none without a service check).
    for_service: Option<&'a [u32]>,
    on_time_after: Option<f64>,
}

impl Serialize for OfficeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (o, types) = (self.office, self.types);
        let mut s = serializer.serialize_struct("Office", 15)?;
        s.serialize_field("id", &o.id)?;
        s.serialize_field("name", &o.name)?;
        s.serialize_field("staff_before", &ByType(types, &o.staff_before))?;
        s.serialize_field("staff_after", &ByType(types, &o.staff_after))?;
        s.serialize_field("required_hours_before", &o.required_hours_before)?;
        s.serialize_field("required_hours_after", &o.required_hours_after)?;
        s.serialize_field("utilisation_before", &o.utilisation_before)?;
        s.serialize_field("utilisation_after", &o.utilisation_after)?;
        s.serialize_field("unmet_hours", &o.unmet_hours_after)?;
        s.serialize_field("covers_before", &o.covers_before)?;
        s.serialize_field("covers_after", &o.covers_after)?;
        s.serialize_field("open", &o.open)?;
        let for_service = self.for_service.unwrap_or(&[]);
        s.serialize_field("posts_for_service", &for_service.iter().sum::<u32>())?;
        s.serialize_field("posts_for_service_by_type", &ByType(types, for_service))?;
        s.serialize_field("on_time_share_after", &self.on_time_after)?;
        s.end()
    }
}

/// The recommended organisation as a scenario: headcounts and coverage changed, closed
/// groups without staff, leaders or units.
pub(super) fn after_scenario(scenario: &Scenario, plan: &Plan) -> Scenario {
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

pub(super) fn office_results(
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

pub(super) fn allocation(facts: &Facts, plan: &Plan) -> Vec<UnitMove> {
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
pub(super) fn peak(analysis: &Analysis) -> Option<f64> {
    analysis
        .offices
        .iter()
        .try_fold(0.0f64, |peak, o| o.utilisation.map(|u| peak.max(u)))
}

/// Unmet hours of an analysed organisation, office by office ([`goals::unmet_hours`]).
pub(super) fn unmet(analysis: &Analysis) -> f64 {
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
