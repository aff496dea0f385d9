//! The explanation a planner can put in a proposal, for each office whose staff, units or
//! opening change: the work that drives it (volume × hours ÷ year value), the rule that binds
//! its headcount, and what one more post of each staff type would buy there. Typed data
//! only: `report/words/` says it in each language (and in English for the JSON).

use super::facts::{Facts, Plan};
use crate::analysis::{least_headcount, Analysis, OfficeAnalysis};
use crate::model::{Office, Scenario};

/// One line per work type of an office: volume × hours ÷ year value = FTE.
fn work_lines(facts: &Facts, analysis: &OfficeAnalysis) -> Vec<WorkLine> {
    analysis
        .works
        .iter()
        .map(|w| WorkLine {
            name: w.name.clone(),
            volume: w.volume,
            hours_per_item: w.hours_per_item,
            year_value: facts.year_value,
            fte: w.required_hours / facts.year_value.max(f64::MIN_POSITIVE),
        })
        .collect()
}

/// The work a work type brings an office: volume × hours ÷ year value = FTE.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkLine {
    pub name: String,
    pub volume: f64,
    pub hours_per_item: f64,
    pub year_value: f64,
    pub fte: f64,
}

/// A rule that sets an office's headcount (JSON: its name in `binding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Rule {
    #[serde(rename = "target utilisation")]
    TargetUtilisation,
    #[serde(rename = "team size")]
    TeamSize,
    #[serde(rename = "whole teams")]
    WholeTeams,
    #[serde(rename = "min_staff")]
    MinStaff,
    #[serde(rename = "leaders")]
    Leaders,
    #[serde(rename = "quota")]
    Quota,
    #[serde(rename = "budget")]
    Budget,
    #[serde(rename = "max_staff")]
    MaxStaff,
    #[serde(rename = "eligibility")]
    Eligibility,
    #[serde(rename = "max_units")]
    MaxUnits,
    #[serde(rename = "fixed")]
    Fixed,
    #[serde(rename = "optional")]
    Optional,
    #[serde(rename = "headcount limit")]
    HeadcountLimit,
}

/// Why an office has the headcount it has, with the figures a sentence quotes.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The office is fixed and keeps its staff and units.
    Fixed,
    /// An optional group left closed: others cover its units at less cost.
    Closed,
    /// `hours` a year need `staff` people to stay at or below `target`.
    Workload { hours: f64, staff: u32, target: f64 },
    /// The need is past the most staffplan gives an office.
    HeadcountLimit,
    /// max_staff caps the office at `staff`; it would need `need`.
    MaxStaff { staff: u32, need: u32 },
    /// The quota of these staff types (ids) is used up.
    Quota {
        types: Vec<String>,
        need: u32,
        unmet: f64,
    },
    /// The budget is used up.
    Budget { need: u32, unmet: f64 },
    /// The posts remove more unmet hours elsewhere.
    Elsewhere { need: u32 },
    /// Its work needs teams of `team`.
    Team { team: u32, need: u32 },
    /// Every work type there needs a team of at least `team` and only whole teams serve
    /// (SPEC §13): `need` people meet the target, but their whole teams would not keep up
    /// with the work; `staff` do.
    WholeTeams { team: u32, need: u32, staff: u32 },
    /// Whole teams of `team` would need `need` people, but `rule` (a quota, the budget,
    /// max_staff) leaves the office at `staff`, short of them: it stays unstable (SPEC §13).
    WholeTeamsShort {
        team: u32,
        need: u32,
        staff: u32,
        rule: Rule,
    },
    /// min_staff is `min`.
    MinStaff { min: u32, need: u32 },
    /// It keeps its `leaders` leaders.
    Leaders { leaders: u32, need: u32 },
    /// `staff` people keep it at or below the target.
    AtTarget { staff: u32 },
}

/// What one more post of each staff type would do at office `o` with `load` hours and `n`
/// people (`unmet` of them unmet now).
fn one_more_post(
    facts: &Facts,
    o: usize,
    open: bool,
    load: f64,
    n: u32,
    unmet: f64,
) -> Vec<PostValue> {
    let scenario = facts.scenario;
    let office = &scenario.offices[o];
    scenario
        .staff_types
        .iter()
        .enumerate()
        .map(|(t, st)| {
            let allowed =
                open && !office.fixed && office.allowed_staff.get(t).copied().unwrap_or(false);
            PostValue {
                staff_type: st.id.clone(),
                allowed,
                unmet_drop: if allowed {
                    unmet - facts.unmet(o, load, n + 1)
                } else {
                    0.0
                },
                utilisation_with_one_more: if allowed {
                    let u = facts.utilisation(o, load, n + 1);
                    u.is_finite().then_some(u)
                } else {
                    None
                },
                cost: st.cost,
            }
        })
        .collect()
}

/// What one more post of a staff type would do at an office.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PostValue {
    pub staff_type: String,
    /// The office may employ this type (and is not fixed).
    pub allowed: bool,
    /// Unmet hours a year that one more post would remove.
    pub unmet_drop: f64,
    /// The office's utilisation with one more post.
    pub utilisation_with_one_more: Option<f64>,
    pub cost: f64,
}

/// Why an office looks as recommended.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub office: String,
    pub name: String,
    pub staff_before: u32,
    pub staff_after: u32,
    pub units_before: usize,
    pub units_after: usize,
    /// One line per work type.
    pub work: Vec<WorkLine>,
    pub required_hours: f64,
    pub fte_need: f64,
    /// The rules that set the headcount, the deciding one first.
    pub binding: Vec<Rule>,
    /// The deciding rule with its figures.
    pub reason: Reason,
    pub one_more_post: Vec<PostValue>,
}

pub fn explain(facts: &Facts, plan: &Plan, after: &Analysis) -> Vec<Explanation> {
    let scenario = facts.scenario;
    let loads = facts.loads(&plan.coverage);
    let per_type: Vec<u32> = (0..scenario.staff_types.len())
        .map(|t| {
            plan.staff
                .iter()
                .map(|s| s.get(t).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let cost: f64 = plan.staff.iter().map(|s| scenario.cost(s)).sum();
    let mut out = Vec::new();
    for (o, office) in scenario.offices.iter().enumerate() {
        let (Some(staff), Some(analysis)) = (plan.staff.get(o), after.offices.get(o)) else {
            continue;
        };
        let n: u32 = staff.iter().sum();
        let units_after = plan.coverage.iter().filter(|g| **g == Some(o)).count();
        let open = plan.open.get(o).copied().unwrap_or(true);
        let opened_or_closed = open != facts.open_today.get(o).copied().unwrap_or(true);
        let covered_today: Vec<usize> = office.covers.clone();
        let covers_changed = {
            let after: Vec<usize> = (0..plan.coverage.len())
                .filter(|&u| plan.coverage[u] == Some(o))
                .collect();
            after != covered_today
        };
        if *staff == office.staff && !covers_changed && !opened_or_closed {
            continue;
        }
        let load = loads.get(o).copied().unwrap_or(0.0);
        let team = facts.team_floor(o, &plan.coverage);
        let whole = facts.whole_team(o, &plan.coverage);
        let unmet = facts.unmet(o, load, n);
        let (binding, reason) = if office.fixed {
            (vec![Rule::Fixed], Reason::Fixed)
        } else if !open {
            (vec![Rule::Optional], Reason::Closed)
        } else {
            binding_rules(
                scenario,
                facts,
                o,
                load,
                n,
                (team, whole),
                unmet,
                &per_type,
                cost,
                units_after,
            )
        };
        let work = work_lines(facts, analysis);
        let one_more_post = one_more_post(facts, o, open, load, n, unmet);
        out.push(Explanation {
            office: office.id.clone(),
            name: office.name.clone(),
            staff_before: office.headcount(),
            staff_after: n,
            units_before: covered_today.len(),
            units_after,
            work,
            required_hours: load,
            fte_need: load / facts.year_value.max(f64::MIN_POSITIVE),
            binding,
            reason,
            one_more_post,
        });
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn binding_rules(
    scenario: &Scenario,
    facts: &Facts,
    o: usize,
    load: f64,
    n: u32,
    (team, whole): (u32, u32),
    unmet: f64,
    per_type: &[u32],
    cost: f64,
    units_after: usize,
) -> (Vec<Rule>, Reason) {
    let office = &scenario.offices[o];
    let need = least_headcount(office, load, facts.year_value, facts.target, 0);
    // One person fewer would keep the target and every floor but leave the office unstable.
    let whole_teams_set_it = n > need
        && whole > 1
        && n > facts.floor(o, team)
        && facts.unmet(o, load, n - 1) <= 0.0
        && facts.unstable(o, load, n - 1, whole) > 0.0;
    let short_of_whole_teams = whole > 1 && facts.unstable(o, load, n, whole) > 0.0;
    let (rule, reason) = if unmet > 0.0 {
        why_short(facts, o, n, need, unmet, per_type, cost)
    } else if short_of_whole_teams {
        // The least headcount whose whole teams keep up (a team or two above today's).
        let stable_need = (n..n.saturating_add(2 * whole + 2))
            .find(|&m| facts.unstable(o, load, m, whole) <= 0.0)
            .unwrap_or(n.saturating_add(whole));
        let (rule, _) = why_short(facts, o, n, stable_need, 0.0, per_type, cost);
        let reason = Reason::WholeTeamsShort {
            team: whole,
            need: stable_need,
            staff: n,
            rule,
        };
        (rule, reason)
    } else if whole_teams_set_it {
        let reason = Reason::WholeTeams {
            team: whole,
            need,
            staff: n,
        };
        (Rule::WholeTeams, reason)
    } else if n > need {
        why_more(office, n, need, team)
    } else {
        (
            Rule::TargetUtilisation,
            Reason::Workload {
                hours: load,
                staff: n,
                target: facts.target,
            },
        )
    };
    let mut rules = vec![rule];
    if office.is_group() {
        let units = facts
            .candidates
            .iter()
            .filter(|c| c.as_slice() == [o])
            .count();
        if units > 0 {
            rules.push(Rule::Eligibility);
        }
        if office
            .max_units
            .is_some_and(|max| units_after >= max as usize)
        {
            rules.push(Rule::MaxUnits);
        }
    }
    (rules, reason)
}

/// Why an office is left short of the target: max_staff, a quota or the budget used up, or
/// posts that remove more unmet hours elsewhere.
fn why_short(
    facts: &Facts,
    o: usize,
    n: u32,
    need: u32,
    unmet: f64,
    per_type: &[u32],
    cost: f64,
) -> (Rule, Reason) {
    let scenario = facts.scenario;
    let office = &scenario.offices[o];
    let quota_full: Vec<String> = scenario
        .staff_types
        .iter()
        .enumerate()
        .filter(|(t, _)| office.allowed_staff.get(*t).copied().unwrap_or(false))
        .filter(|(t, _)| {
            matches!(scenario.policy.quota.get(*t), Some(Some(q)) if per_type.get(*t).copied().unwrap_or(0) >= *q)
        })
        .map(|(_, st)| st.id.clone())
        .collect();
    let cheapest = scenario.cheapest_allowed_cost(office);
    let budget_full = scenario
        .policy
        .budget
        .is_some_and(|b| cost + cheapest > b * (1.0 + 1e-9));
    if need >= facts.big_m {
        // The need is past the most the model gives an office (`Facts::big_m`); the figure
        // itself may have saturated, so it is not quoted.
        (Rule::HeadcountLimit, Reason::HeadcountLimit)
    } else if office.max_staff == Some(n) {
        (Rule::MaxStaff, Reason::MaxStaff { staff: n, need })
    } else if !quota_full.is_empty() {
        let types = quota_full;
        (Rule::Quota, Reason::Quota { types, need, unmet })
    } else if budget_full {
        (Rule::Budget, Reason::Budget { need, unmet })
    } else {
        (Rule::Quota, Reason::Elsewhere { need })
    }
}

/// Why an office has more people than its workload needs: teams, min_staff or leaders.
fn why_more(office: &Office, n: u32, need: u32, team: u32) -> (Rule, Reason) {
    let min = office.min_staff.unwrap_or(0);
    if team >= n && team > 0 {
        (Rule::TeamSize, Reason::Team { team, need })
    } else if min >= n {
        (Rule::MinStaff, Reason::MinStaff { min, need })
    } else if office.leaders >= n {
        let leaders = office.leaders;
        (Rule::Leaders, Reason::Leaders { leaders, need })
    } else {
        (Rule::TargetUtilisation, Reason::AtTarget { staff: n })
    }
}
