//! Finds the hard rules that contradict each other before any solving, so that a refusal names
//! them in plain words: a unit no group may take, groups whose `max_units` cannot hold the
//! units only they may take, fixed offices beyond a quota, least staff beyond the quotas or the
//! budget, offices that may employ nobody yet must have staff.

use crate::model::Scenario;
use crate::optimise::model::facts::Facts;

/// Every clash found, each a sentence naming the rules.
pub fn clashes(facts: &Facts) -> Vec<String> {
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
fn keep_staff_clashes(scenario: &Scenario, found: &mut Vec<String>) {
    if !scenario.policy.keep_staff {
        return;
    }
    for office in scenario.offices.iter().filter(|o| !o.fixed) {
        let today = office.headcount();
        if let Some(max) = office.max_staff.filter(|&m| today > m) {
            found.push(format!(
                "keep_staff vs max_staff: office \"{}\" has {today} people today, above its max_staff of {max}, and keep_staff forbids it to lose any",
                office.id
            ));
        }
        for (t, &n) in office.staff.iter().enumerate() {
            if n > 0 && !office.allowed_staff.get(t).copied().unwrap_or(false) {
                found.push(format!(
                    "keep_staff vs allowed_staff: office \"{}\" has {n} {} today, a type it is not allowed, and keep_staff forbids it to lose them",
                    office.id, scenario.staff_types[t].id
                ));
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
                found.push(format!(
                    "keep_staff vs quota: {today} {} work in the offices today, above the quota of {quota}, and keep_staff forbids any office to lose them",
                    staff_type.id
                ));
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
            found.push(format!(
                "keep_staff vs budget: today's staff cost {today} a year, above the budget of {budget}, and keep_staff forbids any office to lose people"
            ));
        }
    }
}

fn unit_name(scenario: &Scenario, u: usize) -> String {
    scenario
        .units
        .get(u)
        .map_or_else(String::new, |unit| format!("\"{}\"", unit.id))
}

fn office_name(scenario: &Scenario, o: usize) -> String {
    scenario
        .offices
        .get(o)
        .map_or_else(String::new, |office| format!("\"{}\"", office.id))
}

fn coverage_clashes(facts: &Facts, found: &mut Vec<String>) {
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
            "the scenario has no dispatched group".to_string()
        } else if unit.eligible.as_ref().is_some_and(|e| e.is_empty()) {
            "its `eligible` list is empty".to_string()
        } else if let Some(e) = &unit.eligible {
            let names: Vec<String> = e.iter().map(|&g| office_name(scenario, g)).collect();
            format!(
                "its `eligible` groups ({}) are not dispatched groups or are `fixed` and keep only the units they cover today",
                names.join(", ")
            )
        } else {
            "every dispatched group is `fixed` and keeps only the units it covers today".to_string()
        };
        found.push(format!(
            "full coverage vs eligibility: unit {} cannot be covered: {why}",
            unit_name(scenario, u)
        ));
    }
    for &g in &facts.groups {
        let office = &scenario.offices[g];
        if office.fixed {
            if let Some(max) = office.max_units {
                if office.covers.len() > max as usize {
                    found.push(format!(
                        "fixed vs max_units: fixed group {} keeps its {} units but `max_units` is {max}",
                        office_name(scenario, g),
                        office.covers.len()
                    ));
                }
            }
            for &u in &office.covers {
                if scenario
                    .units
                    .get(u)
                    .is_some_and(|unit| !unit.is_eligible(g))
                {
                    found.push(format!(
                        "fixed vs eligibility: fixed group {} keeps unit {}, which is not eligible for it",
                        office_name(scenario, g),
                        unit_name(scenario, u)
                    ));
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
        let names: Vec<String> = units.iter().map(|&u| unit_name(scenario, u)).collect();
        let group_names: Vec<String> = groups.iter().map(|&g| office_name(scenario, g)).collect();
        found.push(format!(
            "full coverage vs max_units and eligibility: the {} units {} may only go to groups {}, whose `max_units` allow {room} units in all",
            units.len(),
            names.join(", "),
            group_names.join(", ")
        ));
    }
}

fn staff_clashes(facts: &Facts, found: &mut Vec<String>) {
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
fn must_have(facts: &Facts, found: &mut Vec<String>) -> Vec<(usize, u32)> {
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
                found.push(format!(
                    "leaders vs max_staff: office {} has {} leaders but `max_staff` is {max}",
                    office_name(scenario, o),
                    office.leaders
                ));
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
            found.push(format!(
                "allowed_staff vs {}: office {} must have at least {floor} people, but every staff type it may employ has a quota of 0 or none is allowed",
                floor_rule(facts, o),
                office_name(scenario, o)
            ));
        }
        must_have.push((o, floor));
    }
    must_have
}

/// The quota of staff type `t` against the posts that fixed offices keep and the least
/// staff of offices that may employ only this type.
fn quota_clash(facts: &Facts, must_have: &[(usize, u32)], t: usize, found: &mut Vec<String>) {
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
    let fixed_total: u32 = fixed.iter().map(|&(_, n)| n).sum();
    // Offices that may employ this type only.
    let only: Vec<(usize, u32)> = must_have
        .iter()
        .copied()
        .filter(|&(o, _)| {
            let allowed = &scenario.offices[o].allowed_staff;
            allowed.get(t).copied().unwrap_or(false) && allowed.iter().filter(|&&a| a).count() == 1
        })
        .collect();
    let only_total: u32 = only.iter().map(|&(_, n)| n).sum();
    if fixed_total + only_total > *quota {
        let mut parts = Vec::new();
        if fixed_total > 0 {
            let names: Vec<String> = fixed
                .iter()
                .map(|&(o, _)| office_name(scenario, o))
                .collect();
            parts.push(format!(
                "fixed offices {} keep {fixed_total}",
                names.join(", ")
            ));
        }
        if only_total > 0 {
            let names: Vec<String> = only
                .iter()
                .map(|&(o, n)| {
                    format!(
                        "{} ({n}, {})",
                        office_name(scenario, o),
                        floor_rule(facts, o)
                    )
                })
                .collect();
            parts.push(format!(
                "offices that may employ only this type need at least {only_total}: {}",
                names.join(", ")
            ));
        }
        let rule = if fixed_total > 0 && only_total == 0 {
            "fixed"
        } else {
            "min_staff/team size"
        };
        found.push(format!(
            "quota vs {rule}: the quota of {quota} \"{}\" posts is too small: {}",
            staff_type.id,
            parts.join("; ")
        ));
    }
}

/// All quotas together against the least staff of every office.
fn quota_total_clash(scenario: &Scenario, must_have: &[(usize, u32)], found: &mut Vec<String>) {
    if scenario.policy.quota.iter().all(Option::is_some) && !scenario.policy.quota.is_empty() {
        let quota_total: u64 = scenario
            .policy
            .quota
            .iter()
            .flatten()
            .map(|&q| u64::from(q))
            .sum();
        let need: u64 = must_have.iter().map(|&(_, n)| u64::from(n)).sum::<u64>()
            + scenario
                .offices
                .iter()
                .filter(|o| o.fixed)
                .map(|o| u64::from(o.headcount()))
                .sum::<u64>();
        if need > quota_total && found.iter().all(|f| !f.starts_with("quota")) {
            found.push(format!(
                "quota vs min_staff/team size: the quotas allow {quota_total} people in all, but the offices' least staff (min_staff, leaders, team sizes, fixed offices) add up to {need}"
            ));
        }
    }
}

/// The budget against the cost of the least staff the rules require.
fn budget_clash(scenario: &Scenario, must_have: &[(usize, u32)], found: &mut Vec<String>) {
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
            found.push(format!(
                "budget vs min_staff/team size/fixed: the budget of {budget} is below {least}, the cost of the least staff the rules require (min_staff, leaders, team sizes, fixed offices)"
            ));
        }
    }
}

/// Which rule sets an office's floor, in words.
pub fn floor_rule(facts: &Facts, o: usize) -> &'static str {
    let scenario = facts.scenario;
    let Some(office) = scenario.offices.get(o) else {
        return "min_staff";
    };
    let team = facts.base_team_of(o);
    let min = office.min_staff.unwrap_or(0);
    if team >= min && team >= office.leaders {
        "team size"
    } else if min >= office.leaders {
        "min_staff"
    } else {
        "leaders"
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
