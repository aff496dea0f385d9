//! Improvement steps for scenarios too large for the exact search, run after the heuristic's
//! local search (which moves one unit at a time and so cannot see these): [`shed_posts`]
//! empties a group or takes a post from it by moving just enough units, and [`descend`]
//! lowers group headcounts step by step, each step proven feasible by a bounded packing
//! search.

use super::heuristic::Loads;
use super::repair::repair;
use crate::analysis::TOLERANCE;
use crate::model::Scenario;
use crate::optimise::budget::Deadline;
use crate::optimise::model::facts::Facts;
use crate::optimise::model::headcounts::{Group, Model};
use crate::optimise::search::pack::{Mode, Pack};

/// Lowers the cost of an allocation one group at a time: closes an optional group, or takes
/// one post from a group, by moving just enough of its units to other groups, each to where it
/// adds least (nothing where there is room). Keeps a change when the groups' cost (least
/// headcounts at their cheapest staff type) falls. Keeps eligibility, teams and `max_units`.
/// For scenarios too large for the exact search, after the heuristic's local search, which
/// moves one unit at a time and so cannot see these.
pub fn shed_posts(
    facts: &Facts,
    coverage: &mut [Option<usize>],
    open: &mut [bool],
    deadline: Deadline,
) {
    let scenario = facts.scenario;
    let mut state = Shed::new(facts, coverage, open);
    let mut improved = true;
    // Shedding a post of one group tries its units in the other groups: about a step per
    // unit.
    let work = coverage.len() as u64 + 1;
    while improved && !deadline.passed() {
        improved = false;
        for &g in &facts.groups {
            if deadline.spend(work) {
                break;
            }
            let office = &scenario.offices[g];
            if office.fixed || !state.at.open[g] {
                continue;
            }
            let closable = office.optional
                && !facts.keeps(g)
                && facts.base_hours.get(g).is_some_and(|&h| h <= 0.0);
            let n = state.heads(g);
            let mut attempts = Vec::new();
            if closable {
                attempts.push(0);
            }
            if n > 1 && n > facts.floor(g, 0) && state.at.count[g] > 0 {
                attempts.push(n - 1);
            }
            for goal in attempts {
                if state.shed(g, goal) {
                    improved = true;
                    break;
                }
            }
        }
    }
    coverage.copy_from_slice(&state.at.coverage);
    open.copy_from_slice(&state.at.open);
}

/// The shedding's view: where the units are (the heuristic's [`Loads`]) and the cheapest
/// post of each office.
#[derive(Clone)]
struct Shed<'a> {
    scenario: &'a Scenario,
    facts: &'a Facts<'a>,
    at: Loads,
    /// Cheapest post at each office.
    price: Vec<f64>,
}

impl<'a> Shed<'a> {
    fn new(facts: &'a Facts<'a>, coverage: &[Option<usize>], open: &[bool]) -> Shed<'a> {
        let scenario = facts.scenario;
        Shed {
            scenario,
            facts,
            at: Loads::of(scenario, facts, coverage, open),
            price: facts.cheapest_post.clone(),
        }
    }

    /// Least headcount of office `o` with `load` hours and a unit of team `team` more.
    fn heads_at(&self, o: usize, load: f64, team: u32) -> u32 {
        if !self.at.open[o] {
            return 0;
        }
        let facts = self.facts;
        facts.least_headcount(o, load, self.at.team(facts, o).max(team))
    }

    fn heads(&self, o: usize) -> u32 {
        self.heads_at(o, self.at.load[o], 0)
    }

    fn cost(&self) -> f64 {
        self.facts
            .groups
            .iter()
            .map(|&g| f64::from(self.heads(g)) * self.price[g])
            .sum()
    }

    fn fits(&self, o: usize, heads: u32, load: f64) -> bool {
        let capacity = self.facts.persons(o, heads) * self.facts.year_value * self.facts.target;
        load <= capacity / (1.0 - TOLERANCE)
    }

    fn take(&mut self, u: usize) {
        self.at.take(self.facts, u);
    }

    fn put(&mut self, u: usize, g: usize) {
        self.at.place(self.facts, u, g);
    }

    /// Moves units out of `g` until `goal` people carry it (0: closed), each to the group
    /// where it adds least; keeps the result when the cost falls.
    fn shed(&mut self, g: usize, goal: u32) -> bool {
        let saved = self.clone();
        let before = self.cost();
        if goal == 0 {
            self.at.open[g] = false;
        }
        let mut mine: Vec<usize> = (0..self.at.coverage.len())
            .filter(|&u| self.at.coverage[u] == Some(g))
            .collect();
        mine.sort_by(|&a, &b| self.facts.unit_hours[b].total_cmp(&self.facts.unit_hours[a]));
        // Units whose team needs more than `goal` people leave first.
        let (must, may): (Vec<usize>, Vec<usize>) = mine
            .into_iter()
            .partition(|&u| goal == 0 || self.facts.unit_team[u] > goal);
        let mut ok = true;
        for u in must {
            self.take(u);
            ok &= self.place(u, g);
        }
        let mut may = may;
        while ok && !self.fits(g, goal, self.at.load[g]) {
            // The smallest unit that clears the excess alone, else the largest.
            let excess = self.at.load[g]
                - self.facts.persons(g, goal) * self.facts.year_value * self.facts.target;
            let pick = may
                .iter()
                .enumerate()
                .filter(|(_, &u)| self.facts.unit_hours[u] >= excess)
                .min_by(|a, b| self.facts.unit_hours[*a.1].total_cmp(&self.facts.unit_hours[*b.1]))
                .map(|(i, _)| i)
                .or(if may.is_empty() { None } else { Some(0) });
            let Some(i) = pick else {
                ok = false;
                break;
            };
            let u = may.remove(i);
            self.take(u);
            ok &= self.place(u, g);
        }
        if ok && self.cost() < before - 1e-9 * before.max(1.0) {
            true
        } else {
            *self = saved;
            false
        }
    }

    /// Puts unit `u` (taken from `from`) where it adds least to the cost, best fit first.
    fn place(&mut self, u: usize, from: usize) -> bool {
        let hours = self.facts.unit_hours[u];
        let team = self.facts.unit_team[u];
        let mut best: Option<(usize, f64, f64)> = None;
        for &h in &self.facts.candidates[u] {
            if h == from || !self.at.open[h] {
                continue;
            }
            if self.scenario.offices[h]
                .max_units
                .is_some_and(|m| self.at.count[h] >= m)
            {
                continue;
            }
            let now = self.heads(h);
            let then = self.heads_at(h, self.at.load[h] + hours, team);
            // Where max_staff caps the headcount short of the load, the unit does not fit.
            let capped = self.scenario.offices[h].max_staff.is_some_and(|m| {
                then > m || self.facts.unmet(h, self.at.load[h] + hours, then) > 0.0
            });
            if capped {
                continue;
            }
            let added = f64::from(then - now.min(then)) * self.price[h];
            let room = self.facts.persons(h, then) * self.facts.year_value * self.facts.target
                - self.at.load[h]
                - hours;
            let better = best.is_none_or(|(_, a, r)| added < a || (added == a && room < r));
            if better {
                best = Some((h, added, room));
            }
        }
        match best {
            Some((h, _, _)) => {
                self.put(u, h);
                true
            }
            None => false,
        }
    }
}

/// For scenarios too large to enumerate: starting from an allocation, lowers group
/// headcounts one step at a time (a post fewer, or an optional group closed, possibly with a
/// post more elsewhere), each step accepted when a bounded packing search finds an
/// allocation into the new headcounts. Returns the better allocation and open groups, or
/// `None` when the scenario is outside the exact path's assumptions.
pub fn descend<'a>(
    facts: &'a Facts<'a>,
    coverage: &mut [Option<usize>],
    open: &mut [bool],
    deadline: Deadline<'a>,
) {
    let scenario = facts.scenario;
    // Nothing left: not even the model is built (for 30 million pairs, a second).
    if deadline.passed() {
        return;
    }
    let Some(mut model) = Model::new(facts, deadline) else {
        return;
    };
    // Here the search stops at its first answer within a small node limit, so the units
    // with fewest groups to go to go first, while those groups still have room.
    let candidates = model.candidates.clone();
    let hours = &facts.unit_hours;
    model.order.sort_by(|&a, &b| {
        candidates[a]
            .len()
            .cmp(&candidates[b].len())
            .then(hours[b].total_cmp(&hours[a]))
            .then(a.cmp(&b))
    });
    let shed = Shed::new(facts, coverage, open);
    let mut n: Vec<u32> = model.groups.iter().map(|g| shed.heads(g.office)).collect();
    // A group max_staff leaves short of its load is outside the model's assumptions.
    let short = |(k, g): (&u32, &Group)| {
        !g.options.contains(k) || facts.unmet(g.office, shed.at.load[g.office], *k) > 0.0
    };
    if n.iter().zip(&model.groups).any(short) {
        return;
    }
    let price = shed.price;
    let mut current = coverage.to_vec();
    if let Some((next, packed)) = jump(&model, &n, &price, deadline) {
        n = next;
        current = packed;
    }
    while !deadline.passed() {
        let Some((next, packed)) = step(&model, &n, &price, &current, deadline) else {
            break;
        };
        n = next;
        current = packed;
    }
    for (g, group) in model.groups.iter().enumerate() {
        if let Some(slot) = open.get_mut(group.office) {
            let office = &scenario.offices[group.office];
            *slot = !office.optional || n[g] > 0;
        }
    }
    if current.len() == coverage.len() {
        coverage.copy_from_slice(&current);
    }
}

/// Yearly cost of group headcounts `n` at each group's cheapest post.
fn cost_of(model: &Model, price: &[f64], n: &[u32]) -> f64 {
    model
        .groups
        .iter()
        .zip(n)
        .map(|(g, &k)| f64::from(k) * price[g.office])
        .sum()
}

/// A bounded packing search for any allocation into headcounts `n`.
fn pack_into(model: &Model, n: &[u32]) -> Option<Vec<Option<usize>>> {
    bounded_pack(model, n).0
}

/// [`pack_into`], and whether its node limit cut it short (it then proved nothing).
fn bounded_pack(model: &Model, n: &[u32]) -> (Option<Vec<Option<usize>>>, bool) {
    let mut pack = Pack::new(model, n, Mode::Fit, f64::INFINITY);
    pack.node_limit = 20 * model.order.len() as u64 + 1000;
    let found = pack.run();
    (found.then(|| pack.best_coverage.clone()), pack.stopped)
}

/// One post at a time cannot reach headcounts that differ from `n` in several groups at once
/// (close one group, raise two others, lower a fourth); the cheapest headcounts built afresh
/// can, where one of them is cheaper and an allocation into it is found.
fn jump(
    model: &Model,
    n: &[u32],
    price: &[f64],
    deadline: Deadline,
) -> Option<(Vec<u32>, Vec<Option<usize>>)> {
    for next in model.cheapest_vectors(price, 6) {
        if deadline.spend(model.groups.len() as u64 + 1) {
            return None;
        }
        let now = cost_of(model, price, n);
        if cost_of(model, price, &next) >= now - 1e-9 * now.max(1.0) {
            return None;
        }
        if let Some(packed) = pack_into(model, &next) {
            return Some((next, packed));
        }
    }
    None
}

/// The first step, largest saving first, that a packing search finds an allocation for:
/// a post fewer in one group, or an optional group closed, possibly with a post more
/// elsewhere. Where the packing from scratch is cut short by its node limit, the allocation
/// in hand (`current`, into `n`) is repaired into the step's headcounts ([`repair`]).
fn step(
    model: &Model,
    n: &[u32],
    price: &[f64],
    current: &[Option<usize>],
    deadline: Deadline,
) -> Option<(Vec<u32>, Vec<Option<usize>>)> {
    // Listing the steps looks at every group and its cheapest raises.
    if deadline.spend(model.groups.len() as u64 * (RAISES as u64 + 1)) {
        return None;
    }
    for (_, g, k, raise) in steps(model, n, price) {
        if deadline.spend(model.groups.len() as u64 + 1) {
            return None;
        }
        let mut next = n.to_vec();
        next[g] = k;
        if let Some(h) = raise {
            next[h] += 1;
        }
        if !model.may_fit(&next) {
            continue;
        }
        let (packed, cut_short) = bounded_pack(model, &next);
        let packed = match packed {
            Some(packed) => Some(packed),
            // A packing that ran out of nodes did not rule the step out.
            None if cut_short => repair(model, &next, current, deadline),
            None => None,
        };
        if let Some(packed) = packed {
            return Some((next, packed));
        }
    }
    None
}

/// Most groups, cheapest post first, that a step closing a group (or taking several posts
/// from it) tries to raise by a post: with thousands of groups every pair would be millions
/// of steps, and the cheapest raises save most.
const RAISES: usize = 32;

/// A step from headcounts `n`: its saving, the group lowered and to what, and the group
/// raised by a post, if any.
type Step = (f64, usize, u32, Option<usize>);

/// Steps that save money from headcounts `n`, largest saving first.
fn steps(model: &Model, n: &[u32], price: &[f64]) -> Vec<Step> {
    let mut by_price: Vec<usize> = (0..model.groups.len()).collect();
    by_price.sort_by(|&a, &b| {
        price[model.groups[a].office]
            .total_cmp(&price[model.groups[b].office])
            .then(a.cmp(&b))
    });
    let mut steps: Vec<Step> = Vec::new();
    for (g, group) in model.groups.iter().enumerate() {
        let lower: Vec<u32> = group
            .options
            .iter()
            .copied()
            .filter(|&k| k < n[g])
            .filter(|&k| k == 0 || k + 1 == n[g])
            .collect();
        for k in lower {
            let saving = f64::from(n[g] - k) * price[group.office];
            steps.push((saving, g, k, None));
            if k == 0 || n[g] - k > 1 {
                let raises = by_price
                    .iter()
                    .copied()
                    .filter(|&h| {
                        let other = &model.groups[h];
                        h != g
                            && n[h] > 0
                            // Options run without a gap from the least open headcount.
                            && other.options.last().is_some_and(|&most| n[h] < most)
                            && price[other.office] < saving
                    })
                    .take(RAISES);
                for h in raises {
                    steps.push((saving - price[model.groups[h].office], g, k, Some(h)));
                }
            }
        }
    }
    steps.sort_by(|a, b| b.0.total_cmp(&a.0));
    steps
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::shed_posts;
    use crate::optimise::budget::Budget;
    use crate::optimise::model::facts::Facts;
    use crate::optimise::testing::small;

    /// Today g1 has 1,000 h, g2 600 h and the optional g3 500 + 300 h: one post each.
    /// Closing g3 sends 500 h to g2 (1,100 h, still one post) and 300 h to g1 (1,300 h,
    /// still one post, ≤ H × 0.85 ≈ 1,358 h): a post saved.
    #[test]
    fn shedding_closes_an_optional_group_whose_units_fit_elsewhere() {
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let mut coverage = scenario.coverage();
        let mut open = vec![true; 3];
        let budget = Budget::new(Duration::from_secs(10));
        shed_posts(&facts, &mut coverage, &mut open, budget.deadline());
        assert_eq!(open, [true, true, false]);
        assert_eq!(coverage, [Some(0), Some(1), Some(1), Some(0)]);
    }

    /// 1,300 h at g1 and at g2 and 800 h at g3: 3,400 h need three posts (two carry about
    /// 2,716 h), and g3's units fit nowhere else without a post more: nothing changes.
    #[test]
    fn shedding_keeps_an_allocation_it_cannot_make_cheaper() {
        let scenario = small([13, 13, 5, 3]);
        let facts = Facts::new(&scenario);
        let today = scenario.coverage();
        let mut coverage = today.clone();
        let mut open = vec![true; 3];
        let budget = Budget::new(Duration::from_secs(10));
        shed_posts(&facts, &mut coverage, &mut open, budget.deadline());
        assert_eq!(open, [true, true, true]);
        assert_eq!(coverage, today);
    }
}
