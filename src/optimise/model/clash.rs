//! Finds the hard rules that contradict each other before any solving, so that a refusal names
//! them: a unit no group may take, groups whose `max_units` cannot hold the units only they
//! may take, fixed offices beyond a quota, least staff beyond the quotas or the budget,
//! offices that may employ nobody yet must have staff. Each is a [`Clash`], data whose
//! `Display` is its English sentence (the report's words say it in other languages).

use std::fmt;

use crate::model::Scenario;
use crate::optimise::model::facts::Facts;

/// Two or more hard rules that cannot all be kept, with the offices, units and staff types
/// they name (by id) and the figures that show it.
#[derive(Debug, Clone, PartialEq)]
pub enum Clash {
    /// `keep_staff` against `max_staff`: an office has more people today than its max.
    KeepStaffOverMax {
        office: String,
        today: u32,
        max: u32,
    },
    /// `keep_staff` against `allowed_staff`: an office has `people` of a staff type it is
    /// not allowed.
    KeepStaffNotAllowed {
        office: String,
        people: u32,
        staff_type: String,
    },
    /// `keep_staff` against a quota: more people of the type work in the offices today.
    KeepStaffOverQuota {
        staff_type: String,
        today: u64,
        quota: u32,
    },
    /// `keep_staff` against the budget: today's staff cost more a year.
    KeepStaffOverBudget { today: f64, budget: f64 },
    /// Full coverage against eligibility: no group may take the unit.
    Uncoverable { unit: String, why: Stranded },
    /// A fixed group keeps more units than its `max_units`.
    FixedOverMaxUnits {
        group: String,
        units: usize,
        max: u32,
    },
    /// A fixed group keeps a unit that is not eligible for it.
    FixedIneligible { group: String, unit: String },
    /// Full coverage against `max_units` and eligibility: the units may only go to the
    /// groups, whose `max_units` allow `room` units in all (fewer than the units).
    NoRoom {
        units: Vec<String>,
        groups: Vec<String>,
        room: u64,
    },
    /// An office has more leaders than its `max_staff`.
    LeadersOverMax {
        office: String,
        leaders: u32,
        max: u32,
    },
    /// `allowed_staff` against an office's floor: it must have `least` people (the floor
    /// set by `rule`), but every staff type it may employ has a quota of 0 or none is allowed.
    NoStaffType {
        office: String,
        least: u32,
        rule: FloorRule,
    },
    /// One staff type's quota is below the posts fixed offices keep (`kept`, in `fixed`)
    /// and the least staff of the offices that may employ this type only (`needed`, in
    /// `only`).
    QuotaTooSmall {
        staff_type: String,
        quota: u32,
        fixed: Vec<String>,
        kept: u32,
        only: Vec<Floor>,
        needed: u32,
    },
    /// Every type has a quota, and all together allow fewer people than the offices' least
    /// staff (min_staff, leaders, team sizes, fixed offices) adds up to.
    QuotasTooSmall { quotas: u64, least: u64 },
    /// The budget is below the yearly cost of the least staff the rules require.
    BudgetTooSmall { budget: f64, least: f64 },
    /// The solver found no plan that keeps every rule, though no two of them clash alone.
    AllAtOnce,
}

/// Why no group may take a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Stranded {
    /// The scenario has no dispatched group.
    NoGroups,
    /// The unit's `eligible` list is empty.
    EmptyEligible,
    /// The groups of the unit's `eligible` list (by id) are not dispatched groups or are
    /// fixed and keep only the units they cover today.
    EligibleUnusable { groups: Vec<String> },
    /// Every dispatched group is fixed and keeps only the units it covers today.
    AllFixed,
}

/// The rule that sets an office's least headcount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloorRule {
    TeamSize,
    MinStaff,
    Leaders,
}

/// An office that must have at least `people`, by `rule`.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub office: String,
    pub people: u32,
    pub rule: FloorRule,
}

impl fmt::Display for FloorRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FloorRule::TeamSize => "team size",
            FloorRule::MinStaff => "min_staff",
            FloorRule::Leaders => "leaders",
        })
    }
}

impl fmt::Display for Stranded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stranded::NoGroups => f.write_str("the scenario has no dispatched group"),
            Stranded::EmptyEligible => f.write_str("its `eligible` list is empty"),
            Stranded::EligibleUnusable { groups } => write!(
                f,
                "its `eligible` groups ({}) are not dispatched groups or are `fixed` and keep only the units they cover today",
                quoted(groups)
            ),
            Stranded::AllFixed => f.write_str(
                "every dispatched group is `fixed` and keeps only the units it covers today",
            ),
        }
    }
}

/// Ids in double quotes, joined by commas.
fn quoted(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Clash::KeepStaffOverMax { office, today, max } => write!(
                f,
                "keep_staff vs max_staff: office \"{office}\" has {today} people today, above its max_staff of {max}, and keep_staff forbids it to lose any"
            ),
            Clash::KeepStaffNotAllowed {
                office,
                people,
                staff_type,
            } => write!(
                f,
                "keep_staff vs allowed_staff: office \"{office}\" has {people} {staff_type} today, a type it is not allowed, and keep_staff forbids it to lose them"
            ),
            Clash::KeepStaffOverQuota {
                staff_type,
                today,
                quota,
            } => write!(
                f,
                "keep_staff vs quota: {today} {staff_type} work in the offices today, above the quota of {quota}, and keep_staff forbids any office to lose them"
            ),
            Clash::KeepStaffOverBudget { today, budget } => write!(
                f,
                "keep_staff vs budget: today's staff cost {today} a year, above the budget of {budget}, and keep_staff forbids any office to lose people"
            ),
            Clash::Uncoverable { unit, why } => write!(
                f,
                "full coverage vs eligibility: unit \"{unit}\" cannot be covered: {why}"
            ),
            Clash::FixedOverMaxUnits { group, units, max } => write!(
                f,
                "fixed vs max_units: fixed group \"{group}\" keeps its {units} units but `max_units` is {max}"
            ),
            Clash::FixedIneligible { group, unit } => write!(
                f,
                "fixed vs eligibility: fixed group \"{group}\" keeps unit \"{unit}\", which is not eligible for it"
            ),
            Clash::NoRoom {
                units,
                groups,
                room,
            } => write!(
                f,
                "full coverage vs max_units and eligibility: the {} units {} may only go to groups {}, whose `max_units` allow {room} units in all",
                units.len(),
                quoted(units),
                quoted(groups)
            ),
            Clash::LeadersOverMax {
                office,
                leaders,
                max,
            } => write!(
                f,
                "leaders vs max_staff: office \"{office}\" has {leaders} leaders but `max_staff` is {max}"
            ),
            Clash::NoStaffType {
                office,
                least,
                rule,
            } => write!(
                f,
                "allowed_staff vs {rule}: office \"{office}\" must have at least {least} people, but every staff type it may employ has a quota of 0 or none is allowed"
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
                    parts.push(format!("fixed offices {} keep {kept}", quoted(fixed)));
                }
                if *needed > 0 {
                    let names: Vec<String> = only
                        .iter()
                        .map(|o| format!("\"{}\" ({}, {})", o.office, o.people, o.rule))
                        .collect();
                    parts.push(format!(
                        "offices that may employ only this type need at least {needed}: {}",
                        names.join(", ")
                    ));
                }
                let rule = if *kept > 0 && *needed == 0 {
                    "fixed"
                } else {
                    "min_staff/team size"
                };
                write!(
                    f,
                    "quota vs {rule}: the quota of {quota} \"{staff_type}\" posts is too small: {}",
                    parts.join("; ")
                )
            }
            Clash::QuotasTooSmall { quotas, least } => write!(
                f,
                "quota vs min_staff/team size: the quotas allow {quotas} people in all, but the offices' least staff (min_staff, leaders, team sizes, fixed offices) add up to {least}"
            ),
            Clash::BudgetTooSmall { budget, least } => write!(
                f,
                "budget vs min_staff/team size/fixed: the budget of {budget} is below {least}, the cost of the least staff the rules require (min_staff, leaders, team sizes, fixed offices)"
            ),
            Clash::AllAtOnce => f.write_str(
                "quotas, budget, min_staff, max_staff, team sizes, max_units and eligibility cannot all be kept at once (no single pair of them clashes on its own)",
            ),
        }
    }
}

/// Every clash found, in the order found.
pub fn clashes(facts: &Facts) -> Vec<Clash> {
    let mut found = Vec::new();
    keep_staff_clashes(facts.scenario, &mut found);
    if !found.is_empty() {
        // Every other floor follows from today's staff: these say it first and alone.
        return found;
    }
    coverage_clashes(facts, &mut found);
    staff_clashes(facts, &mut found);
    found
}

/// `[policy] keep_staff` against the rules today's staff already breaks: max_staff, the
/// allowed staff types, the quotas and the budget.
fn keep_staff_clashes(scenario: &Scenario, found: &mut Vec<Clash>) {
    if !scenario.policy.keep_staff {
        return;
    }
    for office in scenario.offices.iter().filter(|o| !o.fixed) {
        let today = office.headcount();
        if let Some(max) = office.max_staff.filter(|&m| today > m) {
            found.push(Clash::KeepStaffOverMax {
                office: office.id.clone(),
                today,
                max,
            });
        }
        for (t, &n) in office.staff.iter().enumerate() {
            if n > 0 && !office.allowed_staff.get(t).copied().unwrap_or(false) {
                found.push(Clash::KeepStaffNotAllowed {
                    office: office.id.clone(),
                    people: n,
                    staff_type: scenario.staff_types[t].id.clone(),
                });
            }
        }
    }
    for (t, staff_type) in scenario.staff_types.iter().enumerate() {
        let today: u64 = scenario
            .offices
            .iter()
            .map(|o| u64::from(o.staff.get(t).copied().unwrap_or(0)))
            .sum();
        if let Some(quota) = scenario.policy.quota.get(t).copied().flatten() {
            if today > u64::from(quota) {
                found.push(Clash::KeepStaffOverQuota {
                    staff_type: staff_type.id.clone(),
                    today,
                    quota,
                });
            }
        }
    }
    if let Some(budget) = scenario.policy.budget {
        let today: f64 = scenario
            .offices
            .iter()
            .map(|o| scenario.cost(&o.staff))
            .sum();
        if today > budget * (1.0 + 1e-9) {
            found.push(Clash::KeepStaffOverBudget { today, budget });
        }
    }
}

fn unit_id(scenario: &Scenario, u: usize) -> String {
    scenario
        .units
        .get(u)
        .map_or_else(String::new, |unit| unit.id.clone())
}

fn office_id(scenario: &Scenario, o: usize) -> String {
    scenario
        .offices
        .get(o)
        .map_or_else(String::new, |office| office.id.clone())
}

fn coverage_clashes(facts: &Facts, found: &mut Vec<Clash>) {
    let scenario = facts.scenario;
    let mut stranded = false;
    for (u, unit) in scenario.units.iter().enumerate() {
        if facts.candidates.get(u).is_some_and(|c| !c.is_empty())
            || !facts.placed.get(u).copied().unwrap_or(true)
        {
            continue;
        }
        stranded = true;
        let why = if facts.groups.is_empty() {
            Stranded::NoGroups
        } else if unit.eligible.as_ref().is_some_and(|e| e.is_empty()) {
            Stranded::EmptyEligible
        } else if let Some(e) = &unit.eligible {
            Stranded::EligibleUnusable {
                groups: e.iter().map(|&g| office_id(scenario, g)).collect(),
            }
        } else {
            Stranded::AllFixed
        };
        found.push(Clash::Uncoverable {
            unit: unit_id(scenario, u),
            why,
        });
    }
    for &g in &facts.groups {
        let office = &scenario.offices[g];
        if office.fixed {
            if let Some(max) = office.max_units {
                if office.covers.len() > max as usize {
                    found.push(Clash::FixedOverMaxUnits {
                        group: office_id(scenario, g),
                        units: office.covers.len(),
                        max,
                    });
                }
            }
            for &u in &office.covers {
                if scenario
                    .units
                    .get(u)
                    .is_some_and(|unit| !unit.is_eligible(g))
                {
                    found.push(Clash::FixedIneligible {
                        group: office_id(scenario, g),
                        unit: unit_id(scenario, u),
                    });
                }
            }
        }
    }
    if stranded || !found.is_empty() {
        return;
    }
    let open: Vec<bool> = (0..scenario.offices.len())
        .map(|o| {
            let office = &scenario.offices[o];
            !office.fixed || facts.open_today.get(o).copied().unwrap_or(true)
        })
        .collect();
    if let Err(units) = matching_or_blocked(scenario, facts, &open) {
        let mut groups: Vec<usize> = units
            .iter()
            .flat_map(|&u| facts.candidates[u].iter().copied())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        let room: u64 = groups
            .iter()
            .map(|&g| u64::from(scenario.offices[g].max_units.unwrap_or(u32::MAX)))
            .sum();
        found.push(Clash::NoRoom {
            units: units.iter().map(|&u| unit_id(scenario, u)).collect(),
            groups: groups.iter().map(|&g| office_id(scenario, g)).collect(),
            room,
        });
    }
}

fn staff_clashes(facts: &Facts, found: &mut Vec<Clash>) {
    let scenario = facts.scenario;
    let must_have = must_have(facts, found);
    for t in 0..scenario.staff_types.len() {
        quota_clash(facts, &must_have, t, found);
    }
    quota_total_clash(scenario, &must_have, found);
    budget_clash(scenario, &must_have, found);
}

/// Least headcount each office must have whatever the allocation: fixed offices their staff,
/// other open offices their floor (min_staff, leaders, teams of their own work). Notes the
/// offices whose leaders exceed `max_staff` or that may employ no usable type.
fn must_have(facts: &Facts, found: &mut Vec<Clash>) -> Vec<(usize, u32)> {
    let scenario = facts.scenario;
    let types = scenario.staff_types.len();
    let mut must_have: Vec<(usize, u32)> = Vec::new();
    for (o, office) in scenario.offices.iter().enumerate() {
        if office.fixed || office.optional {
            continue;
        }
        let team = facts.base_team_of(o);
        let floor = facts.floor(o, team);
        if let Some(max) = office.max_staff {
            if office.leaders > max {
                found.push(Clash::LeadersOverMax {
                    office: office_id(scenario, o),
                    leaders: office.leaders,
                    max,
                });
            }
        }
        if floor == 0 {
            continue;
        }
        let usable = (0..types).any(|t| {
            office.allowed_staff.get(t).copied().unwrap_or(false)
                && !matches!(scenario.policy.quota.get(t), Some(Some(0)))
        });
        if !usable {
            found.push(Clash::NoStaffType {
                office: office_id(scenario, o),
                least: floor,
                rule: floor_rule(facts, o),
            });
        }
        must_have.push((o, floor));
    }
    must_have
}

/// The quota of staff type `t` against the posts that fixed offices keep and the least
/// staff of offices that may employ only this type.
fn quota_clash(facts: &Facts, must_have: &[(usize, u32)], t: usize, found: &mut Vec<Clash>) {
    let scenario = facts.scenario;
    let staff_type = &scenario.staff_types[t];
    let Some(Some(quota)) = scenario.policy.quota.get(t) else {
        return;
    };
    let fixed: Vec<(usize, u32)> = scenario
        .offices
        .iter()
        .enumerate()
        .filter(|(_, office)| office.fixed)
        .map(|(o, office)| (o, office.staff.get(t).copied().unwrap_or(0)))
        .filter(|&(_, n)| n > 0)
        .collect();
    let kept: u32 = fixed.iter().map(|&(_, n)| n).sum();
    // Offices that may employ this type only.
    let only: Vec<(usize, u32)> = must_have
        .iter()
        .copied()
        .filter(|&(o, _)| {
            let allowed = &scenario.offices[o].allowed_staff;
            allowed.get(t).copied().unwrap_or(false) && allowed.iter().filter(|&&a| a).count() == 1
        })
        .collect();
    let needed: u32 = only.iter().map(|&(_, n)| n).sum();
    if kept + needed > *quota {
        found.push(Clash::QuotaTooSmall {
            staff_type: staff_type.id.clone(),
            quota: *quota,
            fixed: fixed.iter().map(|&(o, _)| office_id(scenario, o)).collect(),
            kept,
            only: only
                .iter()
                .map(|&(o, n)| Floor {
                    office: office_id(scenario, o),
                    people: n,
                    rule: floor_rule(facts, o),
                })
                .collect(),
            needed,
        });
    }
}

/// All quotas together against the least staff of every office.
fn quota_total_clash(scenario: &Scenario, must_have: &[(usize, u32)], found: &mut Vec<Clash>) {
    if scenario.policy.quota.iter().all(Option::is_some) && !scenario.policy.quota.is_empty() {
        let quotas: u64 = scenario
            .policy
            .quota
            .iter()
            .flatten()
            .map(|&q| u64::from(q))
            .sum();
        let least: u64 = must_have.iter().map(|&(_, n)| u64::from(n)).sum::<u64>()
            + scenario
                .offices
                .iter()
                .filter(|o| o.fixed)
                .map(|o| u64::from(o.headcount()))
                .sum::<u64>();
        // One type's quota already named says it.
        let named = found
            .iter()
            .any(|f| matches!(f, Clash::QuotaTooSmall { .. }));
        if least > quotas && !named {
            found.push(Clash::QuotasTooSmall { quotas, least });
        }
    }
}

/// The budget against the cost of the least staff the rules require.
fn budget_clash(scenario: &Scenario, must_have: &[(usize, u32)], found: &mut Vec<Clash>) {
    if let Some(budget) = scenario.policy.budget {
        let mut least = 0.0;
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                least += scenario.cost(&office.staff);
            } else if let Some(&(_, n)) = must_have.iter().find(|&&(m, _)| m == o) {
                let cheapest = scenario.cheapest_allowed_cost(office);
                if cheapest.is_finite() {
                    least += f64::from(n) * cheapest;
                }
            }
        }
        if least > budget * (1.0 + 1e-9) {
            found.push(Clash::BudgetTooSmall { budget, least });
        }
    }
}

/// Which rule sets an office's floor.
pub fn floor_rule(facts: &Facts, o: usize) -> FloorRule {
    let scenario = facts.scenario;
    let Some(office) = scenario.offices.get(o) else {
        return FloorRule::MinStaff;
    };
    let team = facts.base_team_of(o);
    let min = office.min_staff.unwrap_or(0);
    if team >= min && team >= office.leaders {
        FloorRule::TeamSize
    } else if min >= office.leaders {
        FloorRule::MinStaff
    } else {
        FloorRule::Leaders
    }
}

/// A feasible allocation respecting eligibility and max_units among `open` groups, if any.
pub fn matching(facts: &Facts, open: &[bool]) -> Option<Vec<Option<usize>>> {
    let scenario = facts.scenario;
    matching_or_blocked(scenario, facts, open).ok()
}

/// Capacitated bipartite matching by augmenting paths. On failure, the units reachable from
/// an unplaceable unit: a set whose groups have too little room (Hall's condition).
fn matching_or_blocked(
    scenario: &Scenario,
    facts: &Facts,
    open: &[bool],
) -> Result<Vec<Option<usize>>, Vec<usize>> {
    let units = scenario.units.len();
    let offices = scenario.offices.len();
    let capacity: Vec<usize> = (0..offices)
        .map(|g| {
            if !open.get(g).copied().unwrap_or(false) {
                0
            } else {
                scenario.offices[g]
                    .max_units
                    .map_or(units, |m| (m as usize).min(units))
            }
        })
        .collect();
    let mut holder: Vec<Vec<usize>> = vec![Vec::new(); offices];
    let mut coverage: Vec<Option<usize>> = vec![None; units];
    // Which search last saw each group and unit (the unit it places): marks that need no
    // clearing, so that 20,000 units do not clear 20,000 lists of marks.
    let mut seen = Seen {
        groups: vec![usize::MAX; offices],
        units: vec![usize::MAX; units],
        by: 0,
    };
    for u in (0..units).filter(|&u| facts.placed.get(u).copied().unwrap_or(true)) {
        seen.by = u;
        if !augment(u, facts, &capacity, &mut holder, &mut coverage, &mut seen) {
            let blocked: Vec<usize> = (0..units).filter(|&v| seen.units[v] == u).collect();
            return Err(blocked);
        }
    }
    Ok(coverage)
}

/// The groups and units one augmenting search has seen: those marked with its unit.
struct Seen {
    groups: Vec<usize>,
    units: Vec<usize>,
    by: usize,
}

fn augment(
    u: usize,
    facts: &Facts,
    capacity: &[usize],
    holder: &mut [Vec<usize>],
    coverage: &mut [Option<usize>],
    seen: &mut Seen,
) -> bool {
    seen.units[u] = seen.by;
    let Some(candidates) = facts.candidates.get(u) else {
        return false;
    };
    // A group with room first: most units are placed without a path through others, which
    // with thousands of groups would each cross most of the pairs.
    let free = candidates
        .iter()
        .copied()
        .find(|&g| seen.groups[g] != seen.by && capacity[g] > 0 && holder[g].len() < capacity[g]);
    if let Some(g) = free {
        seen.groups[g] = seen.by;
        holder[g].push(u);
        coverage[u] = Some(g);
        return true;
    }
    for &g in candidates {
        if seen.groups[g] == seen.by || capacity[g] == 0 {
            continue;
        }
        seen.groups[g] = seen.by;
        if holder[g].len() < capacity[g] {
            holder[g].push(u);
            coverage[u] = Some(g);
            return true;
        }
        let holders = holder[g].clone();
        for v in holders {
            if augment(v, facts, capacity, holder, coverage, seen) {
                holder[g].retain(|&w| w != v);
                holder[g].push(u);
                coverage[u] = Some(g);
                return true;
            }
        }
    }
    false
}
