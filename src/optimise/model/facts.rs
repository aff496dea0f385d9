//! The figures every part of the optimiser shares, computed once from the scenario: the fixed
//! load of each office, the hours each unit brings to its group, team floors, the groups a
//! unit may go to, and how a plan (headcounts and allocation) is scored against the goals.
//!
//! Loads are linear in the allocation: under full coverage an office's load is a constant
//! `base_hours` plus, for a dispatched group, the `unit_hours` of the units it covers. The
//! scoring here is the single definition of the goals that the MIP, the heuristic and the
//! tests agree on.

use crate::analysis;
use crate::model::{Scenario, WorkPlace};
use crate::optimise::model::goals::{self, Score};

/// A candidate organisation: headcount by office and staff type, and which group covers each
/// unit (`None` only for scenarios without units to place).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// `[office][staff type]`.
    pub staff: Vec<Vec<u32>>,
    /// Unit index → covering group.
    pub coverage: Vec<Option<usize>>,
    /// Office index → open (non-optional offices are always open).
    pub open: Vec<bool>,
}

impl Plan {
    /// People of each of `types` staff types in all offices together.
    pub fn per_type(&self, types: usize) -> Vec<u64> {
        let mut total = vec![0u64; types];
        for staff in &self.staff {
            for (slot, &n) in total.iter_mut().zip(staff) {
                *slot += u64::from(n);
            }
        }
        total
    }
}

/// Per-scenario constants of the optimisation, with the scenario they are about.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub scenario: &'a Scenario,
    pub year_value: f64,
    pub target: f64,
    /// Hours a year at each office that do not depend on the allocation.
    pub base_hours: Vec<f64>,
    /// Hours a year each unit brings to whichever group covers it.
    pub unit_hours: Vec<f64>,
    /// Largest team among the work each unit brings to its group (0: none).
    pub unit_team: Vec<u32>,
    /// Largest team among the allocation-independent work of each office.
    base_team: Vec<u32>,
    /// Smallest team among the work each unit brings to its group (0: none), and among the
    /// allocation-independent work of each office: the whole-team rule of SPEC §13.
    pub unit_whole: Vec<u32>,
    base_whole: Vec<u32>,
    /// The whole-team rule of each office whatever the allocation ([`sure_whole_team`]).
    sure_whole: Vec<u32>,
    /// Person-equivalents each office loses to leadership, `leaders × (1 − leader_case_share)`.
    pub leader_loss: Vec<f64>,
    /// Groups each unit may go to (open, dispatched, eligible; a fixed group only keeps its
    /// own units); empty for a unit that needs no group.
    pub candidates: Vec<Vec<usize>>,
    /// Units each office may take (the candidates turned round), so that a group's units are
    /// found without scanning every unit's list.
    pub reach: Vec<Vec<usize>>,
    /// Must a group cover the unit ([`Scenario::needs_group`])? Units that need none (the
    /// sections supervise them) are left out of the allocation.
    pub placed: Vec<bool>,
    /// Dispatched groups.
    pub groups: Vec<usize>,
    /// Office open today (optional groups with staff or units).
    pub open_today: Vec<bool>,
    /// Largest headcount any office may need: a safe upper bound for the model.
    pub big_m: u32,
    /// Yearly cost of the cheapest post each office may fill: an allowed staff type whose
    /// quota is not zero (infinite where there is none).
    pub cheapest_post: Vec<f64>,
    /// SPEC §16: per office, sets of staff types with the least people of them its restricted
    /// work needs ([`cadre_floors`]).
    pub cadre_floors: Vec<Vec<(Vec<usize>, u32)>>,
}

impl<'a> Facts<'a> {
    pub fn new(scenario: &'a Scenario) -> Facts<'a> {
        let unit_hours = analysis::unit_hours(scenario);
        let groups: Vec<usize> = (0..scenario.offices.len())
            .filter(|&o| scenario.offices[o].is_group())
            .collect();
        let placed: Vec<bool> = (0..scenario.units.len())
            .map(|u| scenario.needs_group(u))
            .collect();
        let candidates = candidates(scenario, &groups, &placed);
        let mut reach: Vec<Vec<usize>> = vec![Vec::new(); scenario.offices.len()];
        for (u, list) in candidates.iter().enumerate() {
            for &g in list {
                if let Some(units) = reach.get_mut(g) {
                    units.push(u);
                }
            }
        }
        // Any full coverage gives the same allocation-independent loads; use the first
        // candidate of each unit and take the unit hours back out of its group.
        let reference: Vec<Option<usize>> = candidates.iter().map(|c| c.first().copied()).collect();
        let volumes = analysis::volumes(scenario, &reference);
        let mut base_hours: Vec<f64> = (0..scenario.offices.len())
            .map(|o| volumes.required_hours(scenario, o))
            .collect();
        for (u, g) in reference.iter().enumerate() {
            if let (Some(g), Some(h)) = (g, unit_hours.get(u)) {
                base_hours[*g] -= h;
            }
        }
        for h in &mut base_hours {
            if h.abs() < 1e-9 {
                *h = 0.0;
            }
        }
        let base_team = own_teams(scenario, &volumes, u32::max);
        let base_whole = own_teams(scenario, &volumes, |a, b| smallest_team(a, b.max(1)));
        let unit_team = unit_teams(scenario, u32::max);
        let unit_whole = unit_teams(scenario, |a, b| smallest_team(a, b.max(1)));
        let sure_whole: Vec<u32> = (0..scenario.offices.len())
            .map(|o| {
                let own = (base_hours[o] > 0.0).then_some(base_whole[o]);
                let units = reach[o].iter().map(|&u| unit_whole[u]).filter(|&t| t > 0);
                sure_whole_team(own.into_iter().chain(units))
            })
            .collect();
        let leader_loss = scenario
            .offices
            .iter()
            .map(|o| f64::from(o.leaders) * (1.0 - o.leader_case_share))
            .collect();
        let open_today = scenario
            .offices
            .iter()
            .map(|o| !o.optional || o.headcount() > 0 || !o.covers.is_empty())
            .collect();
        let year_value = scenario.calendar.year_value();
        let target = scenario.policy.target_utilisation;
        let total_hours: f64 = base_hours.iter().sum::<f64>() + unit_hours.iter().sum::<f64>();
        let per_person = (year_value * target).max(1e-9);
        let floors: u64 = scenario
            .offices
            .iter()
            .map(|o| {
                u64::from(o.min_staff.unwrap_or(0).max(o.leaders).max(o.headcount()))
                    + u64::from(o.leaders)
            })
            .sum::<u64>()
            + u64::from(unit_team_max(scenario));
        let big = (total_hours / per_person).ceil().min(1e6) as u64 + floors + 10;
        let big_m = u32::try_from(big.min(1_000_000)).unwrap_or(1_000_000);
        let cheapest_post = cheapest_posts(scenario);
        Facts {
            cadre_floors: cadre_floors(scenario),
            scenario,
            cheapest_post,
            year_value,
            target,
            base_hours,
            unit_hours,
            unit_team,
            base_team,
            unit_whole,
            base_whole,
            sure_whole,
            leader_loss,
            candidates,
            reach,
            placed,
            groups,
            open_today,
            big_m,
        }
    }

    /// Hours a year at every office under an allocation.
    pub fn loads(&self, coverage: &[Option<usize>]) -> Vec<f64> {
        let mut loads = self.base_hours.clone();
        for (u, g) in coverage.iter().enumerate() {
            if let (Some(g), Some(h)) = (g, self.unit_hours.get(u)) {
                if let Some(load) = loads.get_mut(*g) {
                    *load += h;
                }
            }
        }
        loads
    }

    /// Casework person-equivalents of `n` people at office `o`, as the analysis counts them.
    pub fn persons(&self, o: usize, n: u32) -> f64 {
        let scenario = self.scenario;
        scenario
            .offices
            .get(o)
            .map_or(0.0, |office| office.casework_persons(n))
    }

    /// Utilisation of an office with `load` hours and `n` people (0 without work, infinite
    /// with work and no capacity).
    pub fn utilisation(&self, o: usize, load: f64, n: u32) -> f64 {
        if load <= 0.0 {
            return 0.0;
        }
        let capacity = self.year_value * self.persons(o, n);
        if capacity <= 0.0 {
            f64::INFINITY
        } else {
            load / capacity
        }
    }

    /// Unmet hours of an office with `load` hours and `n` people ([`goals::unmet_hours`]).
    pub fn unmet(&self, o: usize, load: f64, n: u32) -> f64 {
        let capacity = self.year_value * self.persons(o, n);
        goals::unmet_hours(load, self.target, capacity)
    }

    /// The whole-team rule of office `o` under an allocation (SPEC §13): the smallest team of
    /// the work it has, where every work type there needs two or more (1 or 0: no rule).
    pub fn whole_team(&self, o: usize, coverage: &[Option<usize>]) -> u32 {
        let own = if self.base_hours.get(o).is_some_and(|&h| h > 0.0) {
            self.base_whole.get(o).copied().unwrap_or(0)
        } else {
            0
        };
        coverage
            .iter()
            .zip(&self.unit_whole)
            .filter(|(g, _)| **g == Some(o))
            .map(|(_, &t)| t)
            .fold(own, smallest_team)
    }

    /// The smallest team of office `o`'s own work, where it has hours (`None`: no rule
    /// of its own).
    pub fn own_whole_team(&self, o: usize) -> Option<u32> {
        let has_hours = self.base_hours.get(o).is_some_and(|&h| h > 0.0);
        let team = self.base_whole.get(o).copied().unwrap_or(0);
        (has_hours && team > 0).then_some(team)
    }

    /// The whole-team rule of office `o` whatever the allocation: exact for a section and a
    /// group whose work all needs the same team; 1 (none) where it depends on the units
    /// covered, which never counts fewer people serving than the real rule.
    pub fn sure_whole_team(&self, o: usize) -> u32 {
        self.sure_whole.get(o).copied().unwrap_or(0)
    }

    /// Unstable hours of office `o` with `load` hours, `n` people and whole teams of `team`
    /// ([`goals::unstable_hours`] of [`analysis::whole_team_persons`], the analysis's rule).
    pub fn unstable(&self, o: usize, load: f64, n: u32, team: u32) -> f64 {
        let Some(office) = self.scenario.offices.get(o) else {
            return 0.0;
        };
        let served = self.year_value * analysis::whole_team_persons(office, n, team);
        goals::unstable_hours(load, served)
    }

    /// The largest team of an office's allocation-independent work, which counts only where
    /// that work has hours.
    pub fn base_team_of(&self, o: usize) -> u32 {
        if self.base_hours.get(o).is_some_and(|&h| h > 0.0) {
            self.base_team.get(o).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// The team floor of an office under an allocation: the largest team of its work.
    pub fn team_floor(&self, o: usize, coverage: &[Option<usize>]) -> u32 {
        let base = self.base_team_of(o);
        coverage
            .iter()
            .zip(&self.unit_team)
            .filter(|(g, _)| **g == Some(o))
            .map(|(_, &t)| t)
            .fold(base, u32::max)
    }

    /// Everything that keeps an open office from going lower: min_staff, leaders, team.
    pub fn floor(&self, o: usize, team: u32) -> u32 {
        let scenario = self.scenario;
        scenario.offices.get(o).map_or(0, |office| {
            let kept = if scenario.policy.keep_staff {
                office.headcount()
            } else {
                0
            };
            office
                .min_staff
                .unwrap_or(0)
                .max(office.leaders)
                .max(team)
                .max(kept)
        })
    }

    /// Yearly cost of the fixed offices, which no plan changes.
    pub fn fixed_cost(&self) -> f64 {
        let scenario = self.scenario;
        scenario
            .offices
            .iter()
            .filter(|o| o.fixed)
            .map(|o| scenario.cost(&o.staff))
            .sum()
    }

    /// The least headcount of open office `o` carrying `load` hours, with units of a team of
    /// `team` among them: the analysis's least headcount against the target (so that its
    /// figures are the analysis's), never below the office's floor (min_staff, leaders, the
    /// team where there are hours, today's under keep_staff), capped at `max_staff` (but not
    /// below the floor) and at [`Facts::big_m`]. Where the cap binds the office is left with
    /// unmet hours ([`Facts::unmet`]). The one answer to "how many people at this load" for
    /// every part of the optimiser.
    pub fn least_headcount(&self, o: usize, load: f64, team: u32) -> u32 {
        let Some(office) = self.scenario.offices.get(o) else {
            return 0;
        };
        let team = if load > 0.0 { team } else { 0 };
        let floor = self.floor(o, team);
        let mut n = analysis::least_headcount(office, load, self.year_value, self.target, floor);
        let mut cap = self.big_m;
        if let Some(max) = office.max_staff {
            cap = cap.min(max.max(floor));
        }
        // Whole teams (SPEC §13): people left over from them serve nothing, so the target's
        // headcount may be unstable; a step or a team more makes it stable.
        let whole = self.sure_whole_team(o);
        while n < cap && self.unstable(o, load, n, whole) > 0.0 {
            n += 1;
        }
        n.min(cap)
    }

    /// `[policy] keep_staff` holds this office at today's people of each type: it may not
    /// lose any, nor close.
    pub fn keeps(&self, o: usize) -> bool {
        self.scenario.policy.keep_staff
            && self
                .scenario
                .offices
                .get(o)
                .is_some_and(|office| office.headcount() > 0)
    }

    /// Units moved to another group than today's plus people added or removed per staff type.
    pub fn changes(&self, plan: &Plan) -> f64 {
        let scenario = self.scenario;
        let today = scenario.coverage();
        let moved = today
            .iter()
            .zip(&plan.coverage)
            .filter(|(before, after)| before.is_some() && before != after)
            .count();
        let people: u32 = scenario
            .offices
            .iter()
            .zip(&plan.staff)
            .map(|(office, after)| {
                office
                    .staff
                    .iter()
                    .zip(after)
                    .map(|(&b, &a)| b.abs_diff(a))
                    .sum::<u32>()
            })
            .sum();
        moved as f64 + f64::from(people)
    }

    /// The plan's value on every goal.
    pub fn score(&self, plan: &Plan) -> Score {
        let scenario = self.scenario;
        let loads = self.loads(&plan.coverage);
        let mut unmet = 0.0;
        let mut unstable = 0.0;
        let mut peak: f64 = 0.0;
        for (o, staff) in plan.staff.iter().enumerate() {
            let n: u32 = staff.iter().sum();
            let load = loads.get(o).copied().unwrap_or(0.0);
            unmet += self.unmet(o, load, n);
            unstable += self.unstable(o, load, n, self.whole_team(o, &plan.coverage));
            peak = peak.max(self.utilisation(o, load, n));
        }
        let cost = plan.staff.iter().map(|s| scenario.cost(s)).sum();
        Score {
            unmet_hours: unmet,
            unstable_hours: unstable,
            cost,
            peak,
            changes: self.changes(plan),
        }
    }

    /// May unit `u` go to group `g`? (Each unit's candidates are in office order.)
    pub fn eligible(&self, u: usize, g: usize) -> bool {
        self.candidates
            .get(u)
            .is_some_and(|c| c.binary_search(&g).is_ok())
    }

    /// Does the plan keep every hard rule (eligibility and open groups, allowed types, fixed
    /// offices, keep_staff, floors, max_staff, max_units, quotas, budget)?
    pub fn keeps_rules(&self, plan: &Plan) -> bool {
        let scenario = self.scenario;
        for (u, g) in plan.coverage.iter().enumerate() {
            let ok = match g {
                Some(g) => self.eligible(u, *g) && plan.open.get(*g).copied().unwrap_or(false),
                None => !self.placed.get(u).copied().unwrap_or(true),
            };
            if !ok {
                return false;
            }
        }
        for (o, office) in scenario.offices.iter().enumerate() {
            // A plan without a row for every office is not checked further (as before).
            let Some(staff) = plan.staff.get(o) else {
                return true;
            };
            let n: u32 = staff.iter().sum();
            let open = plan.open.get(o).copied().unwrap_or(true);
            for (t, &s) in staff.iter().enumerate() {
                if s > 0 && !office.allowed_staff.get(t).copied().unwrap_or(false) && !office.fixed
                {
                    return false;
                }
            }
            if office.fixed && *staff != office.staff {
                return false;
            }
            if scenario.policy.keep_staff
                && office
                    .staff
                    .iter()
                    .enumerate()
                    .any(|(t, &today)| staff.get(t).copied().unwrap_or(0) < today)
            {
                return false;
            }
            if !open {
                if n > 0 || plan.coverage.contains(&Some(o)) {
                    return false;
                }
                continue;
            }
            let team = self.team_floor(o, &plan.coverage);
            if !office.fixed && n < self.floor(o, team) {
                return false;
            }
            if !office.fixed && office.max_staff.is_some_and(|m| n > m) {
                return false;
            }
            let short_of_cadre = |(set, floor): &(Vec<usize>, u32)| {
                set.iter()
                    .map(|&t| staff.get(t).copied().unwrap_or(0))
                    .sum::<u32>()
                    < *floor
            };
            let floors = self.cadre_floors.get(o).map_or(&[][..], Vec::as_slice);
            if !office.fixed && floors.iter().any(short_of_cadre) {
                return false;
            }
            if let Some(max) = office.max_units {
                let units = plan.coverage.iter().filter(|g| **g == Some(o)).count();
                if units > max as usize {
                    return false;
                }
            }
        }
        for (t, &n) in plan.per_type(scenario.staff_types.len()).iter().enumerate() {
            if let Some(Some(q)) = scenario.policy.quota.get(t) {
                if n > u64::from(*q) {
                    return false;
                }
            }
        }
        if let Some(budget) = scenario.policy.budget {
            let cost: f64 = plan.staff.iter().map(|s| scenario.cost(s)).sum();
            if cost > budget * (1.0 + 1e-9) {
                return false;
            }
        }
        true
    }
}

/// The whole-team rule an office is under whatever units it covers, from the smallest teams
/// of its own work (where it has hours) and of each unit it may take: that team where they
/// all agree (0: no work), else 1. Where they differ the rule depends on the allocation, and
/// is not even monotone (three people serve as two under teams of two, as three under teams
/// of three), so only "no rule" is sure never to count fewer people serving than the real one.
fn sure_whole_team(teams: impl Iterator<Item = u32>) -> u32 {
    let mut sure = 0;
    for t in teams {
        sure = match sure {
            0 => t,
            s if s == t => s,
            _ => 1,
        };
    }
    sure
}

/// The smaller of two whole-team rules, 0 standing for "no work" (so it yields to the
/// other); a work type of one person (1) ends any rule.
fn smallest_team(a: u32, b: u32) -> u32 {
    match (a, b) {
        (0, t) | (t, 0) => t,
        (a, b) => a.min(b),
    }
}

fn unit_team_max(scenario: &Scenario) -> u32 {
    scenario.works.iter().map(|w| w.team).max().unwrap_or(0)
}

/// Groups each unit may go to: none for a unit that needs no group, its own for a unit a
/// fixed group covers today, else every eligible group that is not fixed.
fn candidates(scenario: &Scenario, groups: &[usize], placed: &[bool]) -> Vec<Vec<usize>> {
    let fixed_owner: Vec<Option<usize>> = scenario
        .coverage()
        .iter()
        .map(|g| g.filter(|&g| scenario.offices[g].fixed))
        .collect();
    scenario
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| match fixed_owner[u] {
            _ if !placed[u] => Vec::new(),
            Some(g) => vec![g],
            None => groups
                .iter()
                .copied()
                .filter(|&g| unit.is_eligible(g) && !scenario.offices[g].fixed)
                .collect(),
        })
        .collect()
}

/// The teams among the allocation-independent work of each office (placed there, with
/// volume), folded by `pick` from 0 as in [`unit_teams`].
fn own_teams(
    scenario: &Scenario,
    volumes: &analysis::Volumes,
    pick: fn(u32, u32) -> u32,
) -> Vec<u32> {
    (0..scenario.offices.len())
        .map(|o| {
            scenario
                .works
                .iter()
                .enumerate()
                .filter(|(w, work)| {
                    work.place == WorkPlace::Office(o) && volumes.at_office[*w][o] > 0.0
                })
                .fold(0, |team, (_, work)| pick(team, work.team))
        })
        .collect()
}

/// The teams among the covering-group work each unit brings (following the work chain),
/// folded by `pick` from 0 (the largest: `u32::max`; the smallest: [`smallest_team`]).
fn unit_teams(scenario: &Scenario, pick: fn(u32, u32) -> u32) -> Vec<u32> {
    scenario
        .units
        .iter()
        .map(|unit| {
            let mut stack: Vec<usize> = unit
                .workload
                .iter()
                .filter(|&&(_, rate)| rate > 0.0)
                .map(|&(w, _)| w)
                .collect();
            let mut seen = vec![false; scenario.works.len()];
            let mut team = 0;
            while let Some(w) = stack.pop() {
                if seen[w] || scenario.works[w].place != WorkPlace::CoveringGroup {
                    continue;
                }
                seen[w] = true;
                team = pick(team, scenario.works[w].team);
                stack.extend(
                    scenario.works[w]
                        .next
                        .iter()
                        .filter(|&&(_, share)| share > 0.0)
                        .map(|&(c, _)| c),
                );
            }
            team
        })
        .collect()
}

/// Yearly cost of the cheapest post each office may fill (infinite where there is none).
fn cheapest_posts(scenario: &Scenario) -> Vec<f64> {
    scenario
        .offices
        .iter()
        .map(|office| {
            scenario
                .staff_types
                .iter()
                .enumerate()
                .filter(|(t, _)| office.allowed_staff.get(*t).copied().unwrap_or(false))
                .filter(|(t, _)| !matches!(scenario.policy.quota.get(*t), Some(Some(0))))
                .map(|(_, st)| st.cost)
                .fold(f64::INFINITY, f64::min)
        })
        .collect()
}

/// SPEC §16: for each office, the sets of staff types that alone may do some of its work
/// (`[[work]] staff`), each with the least people of those types that its work needs: the
/// hours of every work type only they may do, over the target utilisation of the shortest
/// year among them. Office-level work only (a group's share of covering-group work depends on
/// the allocation); empty where no work is restricted, so other scenarios are untouched.
pub fn cadre_floors(scenario: &Scenario) -> Vec<Vec<(Vec<usize>, u32)>> {
    let volumes = analysis::volumes(scenario, &scenario.coverage());
    let target = scenario.policy.target_utilisation;
    (0..scenario.offices.len())
        .map(|o| {
            let may = |w: usize| -> Vec<usize> {
                (0..scenario.staff_types.len())
                    .filter(|&t| scenario.may_do(w, o, t))
                    .collect()
            };
            let restricted: Vec<usize> = scenario
                .works
                .iter()
                .enumerate()
                .filter(|(w, work)| {
                    work.staff.is_some()
                        && work.place == WorkPlace::Office(o)
                        && volumes.at_office[*w][o] * work.hours > 0.0
                })
                .map(|(w, _)| w)
                .collect();
            let mut sets: Vec<Vec<usize>> = restricted.iter().map(|&w| may(w)).collect();
            sets.sort();
            sets.dedup();
            sets.into_iter()
                .filter(|set| !set.is_empty())
                .map(|set| {
                    let hours: f64 = restricted
                        .iter()
                        .filter(|&&w| may(w).iter().all(|t| set.contains(t)))
                        .map(|&w| volumes.at_office[w][o] * scenario.works[w].hours)
                        .sum();
                    let year = set
                        .iter()
                        .map(|&t| scenario.calendar_of(t).year_value())
                        .fold(f64::INFINITY, f64::min);
                    let persons = hours / (year * target).max(1e-9);
                    let floor = (persons * (1.0 - analysis::TOLERANCE)).ceil().min(1e6) as u32;
                    (set, floor)
                })
                .collect()
        })
        .collect()
}
