//! The exact path for scenarios whose target utilisation can be met: it proves all four goals
//! by enumerating headcounts and packing units, instead of asking the MIP solver to search
//! the allocation.
//!
//! Why this is exact. When every office can be at or below the target, each office in a
//! least-cost answer has exactly the least headcount for its load: one person fewer would
//! still keep every rule and cost less (every post costs something). Sections' loads do not
//! depend on the allocation, so their headcounts are known. What remains is a headcount `N_g`
//! per dispatched group: an allocation fits `N` when every group's load stays within what
//! `N_g` people carry at the target (and teams, `max_units`, eligibility hold); the cost of
//! `N` is the cheapest mix of staff types under quotas (a transportation problem, whose LP
//! optimum is whole). So
//! - goal 2: the least cost over the `N` that some allocation fits (headcount vectors taken
//!   in order of a lower bound on their cost; groups alike in every rule are interchangeable,
//!   so only sorted vectors within such a class are tried);
//! - goal 3: with cost held, headcounts are those `N` exactly (fewer people would cost less),
//!   so the lowest peak is a branch-and-bound over allocations into each least-cost `N`;
//! - goal 4: over the orderings of those `N` within classes, the fewest units moved (again a
//!   branch-and-bound) plus the fewest people changed (a small integer programme).
//!
//! Every search has a node limit and the deadline; an answer found past either is returned
//! unproven. Scenarios outside these assumptions (unmet hours, free posts, fixed or optional
//! sections, fixed groups) return `None` and go the general way.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use good_lp::{
    variable, Expression, ProblemVariables, Solution, SolutionStatus, SolverModel, Variable,
    WithTimeLimit,
};

use super::facts::{Facts, Plan};
use crate::analysis::{least_headcount, TOLERANCE};
use crate::model::Scenario;

#[cfg(feature = "highs")]
use good_lp::highs as solver;
#[cfg(not(feature = "highs"))]
use good_lp::microlp as solver;

/// Most headcount vectors tried before the exact path gives way to the general one.
const MAX_VECTORS: usize = 200_000;
/// Most orderings of the least-cost headcounts tried for the fewest changes.
const MAX_ORDERINGS: usize = 5_000;
/// Most search nodes of one packing search.
const NODE_LIMIT: u64 = 3_000_000;
/// Most distinct candidate sets of units whose confinement the bound and the headcount
/// builder look at.
const CONFINED_SETS: usize = 500;
/// Most failed states remembered by one packing search.
const MEMO_LIMIT: usize = 1_000_000;

/// The exact path's answer and whether every goal was proven.
#[derive(Debug, Clone)]
pub struct Found {
    pub plan: Plan,
    pub proven: bool,
}

/// Group headcounts, allocation (unit → office) and staff `[office][type]`.
type Answer = (Vec<u32>, Vec<Option<usize>>, Vec<Vec<u32>>);

/// The rules of one group, as the packing sees them.
#[derive(Debug, Clone)]
struct Group {
    office: usize,
    class: usize,
    base: f64,
    max_units: u32,
    /// Headcounts it may have (0: closed).
    options: Vec<u32>,
    cheapest: f64,
}

struct Model<'a> {
    scenario: &'a Scenario,
    facts: &'a Facts,
    groups: Vec<Group>,
    /// Office → position in `groups`.
    slot: Vec<Option<usize>>,
    /// Units to place, hardest first.
    order: Vec<usize>,
    /// Unit → group positions it may go to.
    candidates: Vec<Vec<usize>>,
    /// Headcount of each section (fixed or least).
    sections: Vec<(usize, u32)>,
    section_peak: f64,
    deadline: Instant,
    /// Team sizes of the units to place, smallest first (0 always among them).
    teams: Vec<u32>,
}

/// Searches the exact way; `None` when the scenario is outside its assumptions or no
/// least-cost headcounts were found before the deadline.
pub fn solve(scenario: &Scenario, facts: &Facts, deadline: Instant) -> Option<Found> {
    let model = Model::new(scenario, facts, deadline)?;
    let mut proven = true;

    // Goal 2 (goal 1 is zero here): the least cost of a headcount vector some allocation fits.
    let vectors = model.vectors()?;
    let mut best_cost = f64::INFINITY;
    let mut cheapest: Vec<(Vec<u32>, f64)> = Vec::new();
    for (n, bound) in vectors {
        if bound > best_cost * (1.0 + 1e-9) {
            break;
        }
        if Instant::now() >= model.deadline {
            proven = false;
            break;
        }
        if !model.may_fit(&n) {
            continue;
        }
        let Some(cost) = model.staff_cost(&n) else {
            continue;
        };
        if cost > best_cost * (1.0 + 1e-9) {
            continue;
        }
        let mut pack = Pack::new(&model, &n, Mode::Fit, f64::INFINITY);
        let fits = pack.run();
        proven &= !pack.stopped;
        if fits {
            if cost < best_cost * (1.0 - 1e-9) {
                cheapest.clear();
                best_cost = cost;
            }
            cheapest.push((n, cost));
        }
    }
    if cheapest.is_empty() {
        return None;
    }

    // Goal 3: the lowest peak over allocations into least-cost headcounts.
    let mut best_peak = f64::INFINITY;
    let mut best: Option<(Vec<u32>, Vec<Option<usize>>)> = None;
    let mut peaks: Vec<(Vec<u32>, f64)> = Vec::new();
    for (n, _) in &cheapest {
        let mut pack = Pack::new(&model, n, Mode::Peak, best_peak);
        if pack.run() {
            best_peak = pack.best_peak;
            best = Some((n.clone(), pack.best_coverage.clone()));
        }
        proven &= !pack.stopped;
        peaks.push((n.clone(), pack.static_bound));
    }
    let (n_best, coverage_best) = best?;

    // Goal 4: fewest changes over every ordering, within classes, of least-cost headcounts
    // that reach the lowest peak.
    let mut best_changes = f64::INFINITY;
    let mut answer: Option<Answer> = None;
    // Orderings by a quick lower bound (headcount changes ignoring types, units whose group
    // today cannot take them), so that a good answer comes early and the rest are cut off.
    let mut queue: Vec<(f64, Vec<u32>)> = Vec::new();
    for (n, bound) in &peaks {
        if *bound > best_peak * (1.0 + 1e-9) {
            continue;
        }
        let orderings = model.orderings(n);
        // `orderings` stops past the limit; then not every ordering is tried.
        if orderings.len() > MAX_ORDERINGS {
            proven = false;
        }
        for ordered in orderings {
            if queue.len() > MAX_ORDERINGS {
                proven = false;
                break;
            }
            let pack = Pack::new(&model, &ordered, Mode::Moves, best_peak);
            let bound = model.head_changes(&ordered) + pack.must_move(0) as f64;
            queue.push((bound, ordered));
        }
    }
    queue.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (bound, ordered) in queue {
        if bound >= best_changes {
            break;
        }
        if Instant::now() >= model.deadline {
            proven = false;
            break;
        }
        let Some((staff, people, people_proven)) = model.fewest_people(&ordered, best_cost) else {
            continue;
        };
        proven &= people_proven;
        let mut pack = Pack::new(&model, &ordered, Mode::Moves, best_peak);
        if people + pack.must_move(0) as f64 >= best_changes {
            continue;
        }
        if best_changes.is_finite() {
            pack.best_moves = (best_changes - people).ceil() as i64;
        }
        if pack.run() {
            let total = people + pack.best_moves as f64;
            if total < best_changes {
                best_changes = total;
                answer = Some((ordered.clone(), pack.best_coverage.clone(), staff));
            }
        }
        proven &= !pack.stopped;
    }
    let (n, coverage, staff) = match answer {
        Some(a) => a,
        None => {
            proven = false;
            let staff = model.fewest_people(&n_best, best_cost)?.0;
            (n_best, coverage_best, staff)
        }
    };
    let plan = model.plan(&n, coverage, staff);
    if facts.violation(scenario, &plan).is_some() {
        return None;
    }
    Some(Found { plan, proven })
}

impl<'a> Model<'a> {
    fn new(scenario: &'a Scenario, facts: &'a Facts, deadline: Instant) -> Option<Model<'a>> {
        if scenario
            .staff_types
            .iter()
            .any(|t| !(t.cost > 0.0 && t.cost.is_finite()))
        {
            return None;
        }
        let h = facts.year_value;
        let target = facts.target;
        let mut sections = Vec::new();
        let mut section_peak: f64 = 0.0;
        let mut slot = vec![None; scenario.offices.len()];
        let mut groups: Vec<Group> = Vec::new();
        let cheapest =
            |o: usize| -> f64 { facts.cheapest_post.get(o).copied().unwrap_or(f64::INFINITY) };
        for (o, office) in scenario.offices.iter().enumerate() {
            let base = facts.base_hours.get(o).copied().unwrap_or(0.0);
            let base_team = if base > 0.0 {
                facts.base_team.get(o).copied().unwrap_or(0)
            } else {
                0
            };
            if !office.is_group() {
                if office.optional && !office.fixed {
                    return None;
                }
                let n = if office.fixed {
                    office.headcount()
                } else {
                    let floor = facts.floor(scenario, o, base_team);
                    let n = least_headcount(office, base, h, target, floor);
                    if office.max_staff.is_some_and(|m| n > m) || n >= facts.big_m {
                        return None;
                    }
                    n
                };
                if facts.unmet(scenario, o, base, n) > 0.0 {
                    return None;
                }
                section_peak = section_peak.max(facts.utilisation(scenario, o, base, n));
                sections.push((o, n));
                continue;
            }
            if office.fixed {
                return None;
            }
            let reachable: Vec<usize> = (0..scenario.units.len())
                .filter(|&u| facts.candidates.get(u).is_some_and(|c| c.contains(&o)))
                .collect();
            let reach: f64 = base
                + reachable
                    .iter()
                    .map(|&u| facts.unit_hours.get(u).copied().unwrap_or(0.0))
                    .sum::<f64>();
            let top_team = reachable
                .iter()
                .map(|&u| facts.unit_team.get(u).copied().unwrap_or(0))
                .fold(base_team, u32::max);
            let lo = least_headcount(office, base, h, target, facts.floor(scenario, o, base_team));
            let mut hi =
                least_headcount(office, reach, h, target, facts.floor(scenario, o, top_team));
            if let Some(max) = office.max_staff {
                hi = hi.min(max);
            }
            if lo > hi || hi >= facts.big_m {
                return None;
            }
            let mut options: Vec<u32> = (lo..=hi).collect();
            if office.optional && base <= 0.0 && lo > 0 {
                options.insert(0, 0);
            }
            slot[o] = Some(groups.len());
            groups.push(Group {
                office: o,
                class: 0,
                base,
                max_units: office.max_units.unwrap_or(u32::MAX),
                options,
                cheapest: cheapest(o),
            });
        }
        // Classes: groups alike in every rule and in the units they may take.
        let mut keys: Vec<String> = Vec::new();
        for g in &mut groups {
            let office = &scenario.offices[g.office];
            let reach: Vec<usize> = (0..scenario.units.len())
                .filter(|&u| {
                    facts
                        .candidates
                        .get(u)
                        .is_some_and(|c| c.contains(&g.office))
                })
                .collect();
            let key = format!(
                "{}|{}|{:?}|{:?}|{:?}|{}|{}|{}|{:?}|{:?}",
                office.leaders,
                office.leader_case_share.to_bits(),
                office.min_staff,
                office.max_staff,
                office.allowed_staff,
                g.max_units,
                office.optional,
                g.base.to_bits(),
                g.options,
                reach
            );
            g.class = match keys.iter().position(|k| *k == key) {
                Some(c) => c,
                None => {
                    keys.push(key);
                    keys.len() - 1
                }
            };
        }
        let candidates: Vec<Vec<usize>> = facts
            .candidates
            .iter()
            .map(|c| {
                c.iter()
                    .filter_map(|&o| slot.get(o).copied().flatten())
                    .collect()
            })
            .collect();
        let mut order: Vec<usize> = (0..scenario.units.len())
            .filter(|&u| facts.placed.get(u).copied().unwrap_or(false))
            .collect();
        order.sort_by(|&a, &b| {
            facts.unit_hours[b]
                .total_cmp(&facts.unit_hours[a])
                .then(candidates[a].len().cmp(&candidates[b].len()))
                .then(a.cmp(&b))
        });
        let mut teams: Vec<u32> = order.iter().map(|&u| facts.unit_team[u]).collect();
        teams.push(0);
        teams.sort_unstable();
        teams.dedup();
        Some(Model {
            teams,
            scenario,
            facts,
            groups,
            slot,
            order,
            candidates,
            sections,
            section_peak,
            deadline,
        })
    }

    /// Hours `n` people at group `g` carry at the target.
    fn capacity(&self, g: usize, n: u32) -> f64 {
        if n == 0 {
            return 0.0;
        }
        let o = self.groups[g].office;
        let persons = self.facts.persons(self.scenario, o, n);
        persons * self.facts.year_value * self.facts.target / (1.0 - TOLERANCE)
    }

    /// Capacity hours at full utilisation (the denominator of utilisation).
    fn capacity_hours(&self, g: usize, n: u32) -> f64 {
        if n == 0 {
            return 0.0;
        }
        let o = self.groups[g].office;
        self.facts.persons(self.scenario, o, n) * self.facts.year_value
    }

    /// Every headcount vector (sorted within classes), cheapest lower bound first.
    fn vectors(&self) -> Option<Vec<(Vec<u32>, f64)>> {
        let classes = self
            .groups
            .iter()
            .map(|g| g.class)
            .max()
            .map_or(0, |c| c + 1);
        let mut per_class: Vec<Vec<Vec<u32>>> = Vec::with_capacity(classes);
        let mut total = 1usize;
        for c in 0..classes {
            let members: Vec<usize> = (0..self.groups.len())
                .filter(|&g| self.groups[g].class == c)
                .collect();
            let options = self.groups[members[0]].options.clone();
            let mut combos = Vec::new();
            multisets(&options, members.len(), &mut Vec::new(), &mut combos);
            total = total.saturating_mul(combos.len().max(1));
            if total > MAX_VECTORS {
                return None;
            }
            per_class.push(combos);
        }
        let section_bound: f64 = self
            .sections
            .iter()
            .map(|&(o, n)| {
                let office = &self.scenario.offices[o];
                if office.fixed {
                    self.scenario.cost(&office.staff)
                } else {
                    let c = self
                        .scenario
                        .staff_types
                        .iter()
                        .enumerate()
                        .filter(|(t, _)| office.allowed_staff.get(*t).copied().unwrap_or(false))
                        .map(|(_, st)| st.cost)
                        .fold(f64::INFINITY, f64::min);
                    f64::from(n) * c
                }
            })
            .sum();
        let mut out: Vec<(Vec<u32>, f64)> = Vec::with_capacity(total);
        let mut index = vec![0usize; classes];
        loop {
            let mut n = vec![0u32; self.groups.len()];
            let mut used = vec![0usize; classes];
            for (g, group) in self.groups.iter().enumerate() {
                let c = group.class;
                n[g] = per_class[c][index[c]][used[c]];
                used[c] += 1;
            }
            let bound = section_bound
                + self
                    .groups
                    .iter()
                    .zip(&n)
                    .map(|(g, &k)| f64::from(k) * g.cheapest)
                    .sum::<f64>();
            if bound.is_finite() {
                out.push((n, bound));
            }
            // Next combination (odometer over classes).
            let mut c = 0;
            loop {
                if c == classes {
                    out.sort_by(|a, b| a.1.total_cmp(&b.1));
                    return Some(out);
                }
                index[c] += 1;
                if index[c] < per_class[c].len() {
                    break;
                }
                index[c] = 0;
                c += 1;
            }
        }
    }

    /// Quick necessary conditions: for every team size, room for the hours and the number
    /// of the units whose work needs that team, in the groups with that many people.
    fn may_fit(&self, n: &[u32]) -> bool {
        for (g, group) in self.groups.iter().enumerate() {
            if group.base > self.capacity(g, n[g]) {
                return false;
            }
        }
        self.teams.iter().all(|&t| {
            let mut room = 0.0;
            let mut slots = 0u64;
            for (g, group) in self.groups.iter().enumerate() {
                if n[g] > 0 && n[g] >= t {
                    room += self.capacity(g, n[g]) - group.base;
                    slots += u64::from(group.max_units);
                }
            }
            let needing = self.order.iter().filter(|&&u| self.facts.unit_team[u] >= t);
            let hours: f64 = needing.clone().map(|&u| self.facts.unit_hours[u]).sum();
            hours <= room * (1.0 + 1e-12) + 1e-9 && slots >= needing.count() as u64
        })
    }

    /// How far headcounts `n` fall short of what an allocation into them needs, roughly: for
    /// every team size, and for every distinct set of groups that some unit is limited to,
    /// the hours (and number) of the units confined there beyond the room (and `max_units`)
    /// of those groups with enough people, a group's room capped at `max_units` average
    /// units. A guide for building headcounts, not a proof of anything.
    fn shortfall(&self, n: &[u32], confined: &[Confined]) -> f64 {
        let mut short = 0.0;
        for (g, group) in self.groups.iter().enumerate() {
            short += (group.base - self.capacity(g, n[g])).max(0.0);
        }
        for set in confined {
            for &(t, hours, units) in &set.levels {
                let mut room = 0.0;
                let mut slots = 0u64;
                // `max_units` units of average size are about the most a group takes: a
                // guide for building headcounts (this is not used for the bound).
                let typical = hours / f64::from(units.max(1));
                for &g in &set.groups {
                    if n[g] > 0 && n[g] >= t {
                        let most = f64::from(self.groups[g].max_units) * typical;
                        room += (self.capacity(g, n[g]) - self.groups[g].base)
                            .max(0.0)
                            .min(most);
                        slots += u64::from(self.groups[g].max_units);
                    }
                }
                short += (hours - room * (1.0 + 1e-12) - 1e-9).max(0.0);
                // A missing slot counts as the hours of an average unit.
                let missing = u64::from(units).saturating_sub(slots) as f64;
                short += missing * hours / f64::from(units.max(1));
            }
        }
        short
    }

    /// The distinct sets of groups units are confined to (all groups among them), each with
    /// the hours and number, by team size, of the units whose candidates lie within it.
    /// At most `limit` sets, the largest first; the rest are left out (the test is then
    /// weaker, never wrong).
    fn confined(&self, limit: usize) -> Vec<Confined> {
        let mut sets: Vec<Vec<usize>> = vec![(0..self.groups.len()).collect()];
        for &u in &self.order {
            let mut set = self.candidates[u].clone();
            set.sort_unstable();
            if !sets.contains(&set) {
                sets.push(set);
            }
            if sets.len() >= limit {
                break;
            }
        }
        sets.into_iter()
            .map(|groups| {
                let levels = self
                    .teams
                    .iter()
                    .map(|&t| {
                        let inside = self.order.iter().filter(|&&u| {
                            self.facts.unit_team[u] >= t
                                && self.candidates[u].iter().all(|g| groups.contains(g))
                        });
                        let hours = inside.clone().map(|&u| self.facts.unit_hours[u]).sum();
                        (t, hours, inside.count() as u32)
                    })
                    .filter(|&(_, _, units)| units > 0)
                    .collect();
                Confined { groups, levels }
            })
            .collect()
    }

    /// Headcount vectors built greedily from every group's least: each step raises the group
    /// (to any of its options) that closes most of the shortfall per unit of cost, ties to the
    /// group more units may go to. The first vector returned is the first without shortfall;
    /// each next one has one more step (slack for the packing). At most `count` vectors.
    fn cheapest_vectors(&self, price: &[f64], count: usize) -> Vec<Vec<u32>> {
        let confined = self.confined(CONFINED_SETS);
        let reach: Vec<usize> = (0..self.groups.len())
            .map(|g| self.candidates.iter().filter(|c| c.contains(&g)).count())
            .collect();
        let mut n: Vec<u32> = self
            .groups
            .iter()
            .map(|g| g.options.iter().copied().min().unwrap_or(0))
            .collect();
        let mut out = Vec::new();
        let mut short = self.shortfall(&n, &confined);
        let steps = self.groups.iter().map(|g| g.options.len()).sum::<usize>();
        for _ in 0..=steps {
            if short <= 0.0 {
                out.push(n.clone());
                break;
            }
            // (gain per cost, reach, cost, group, headcount)
            let mut best: Option<(f64, usize, f64, usize, u32)> = None;
            for (g, group) in self.groups.iter().enumerate() {
                for &k in group.options.iter().filter(|&&k| k > n[g]) {
                    let cost = f64::from(k - n[g]) * price[group.office];
                    if !(cost > 0.0 && cost.is_finite()) {
                        continue;
                    }
                    let mut next = n.clone();
                    next[g] = k;
                    let gain = if short > 0.0 {
                        (short - self.shortfall(&next, &confined)) / cost
                    } else {
                        1.0 / cost
                    };
                    let better = best.is_none_or(|(b, r, c, _, _)| {
                        let scale = gain.abs().max(b.abs()).max(1e-300);
                        if (gain - b).abs() > 1e-9 * scale {
                            gain > b
                        } else if reach[g] != r {
                            reach[g] > r
                        } else {
                            cost < c
                        }
                    });
                    if better {
                        best = Some((gain, reach[g], cost, g, k));
                    }
                }
            }
            let Some((gain, _, _, g, k)) = best else {
                break;
            };
            if short > 0.0 && gain <= 0.0 {
                break;
            }
            n[g] = k;
            short = self.shortfall(&n, &confined);
        }
        // The greedy overshoots where one late step made an earlier one needless; lower
        // what the necessary conditions allow. Then the same with a post more at a time, in
        // the groups most units may go to, as slack for the packing.
        let Some(mut first) = out.pop() else {
            return Vec::new();
        };
        self.trim(&mut first, price, &confined);
        let mut roomy: Vec<usize> = (0..self.groups.len())
            .filter(|&g| first[g] > 0 && self.groups[g].options.contains(&(first[g] + 1)))
            .collect();
        roomy.sort_by(|&a, &b| reach[b].cmp(&reach[a]).then(first[a].cmp(&first[b])));
        let mut next = first.clone();
        out.push(first);
        for &g in roomy.iter().take(count.saturating_sub(1)) {
            next[g] += 1;
            out.push(next.clone());
        }
        out
    }

    /// Lowers headcounts `n` (kept without shortfall) while a cheaper neighbour exists: one
    /// group lowered to any of its options, or one lowered and another raised for less than
    /// that saves; the largest saving first.
    fn trim(&self, n: &mut [u32], price: &[f64], confined: &[Confined]) {
        let groups = self.groups.len();
        let mut rounds = 0;
        loop {
            rounds += 1;
            if rounds > 10 * groups + 10 || Instant::now() >= self.deadline {
                return;
            }
            let mut best: Option<Neighbour> = None;
            for a in 0..groups {
                let group = &self.groups[a];
                for &k in group.options.iter().filter(|&&k| k < n[a]) {
                    let saving = f64::from(n[a] - k) * price[group.office];
                    if best.as_ref().is_some_and(|b| b.0 >= saving) {
                        continue;
                    }
                    let mut next = n.to_vec();
                    next[a] = k;
                    if self.shortfall(&next, confined) <= 0.0 {
                        best = Some((saving, a, k, None));
                        continue;
                    }
                    for b in (0..groups).filter(|&b| b != a) {
                        let other = &self.groups[b];
                        for &m in other.options.iter().filter(|&&m| m > n[b]) {
                            let net = saving - f64::from(m - n[b]) * price[other.office];
                            if net <= 1e-9 * saving || best.as_ref().is_some_and(|x| x.0 >= net) {
                                continue;
                            }
                            let mut both = next.clone();
                            both[b] = m;
                            if self.shortfall(&both, confined) <= 0.0 {
                                best = Some((net, a, k, Some((b, m))));
                            }
                        }
                    }
                }
            }
            let Some((_, a, k, raise)) = best else {
                return;
            };
            n[a] = k;
            if let Some((b, m)) = raise {
                n[b] = m;
            }
        }
    }

    /// Posts of each staff type held by fixed offices, and the quotas left for the rest.
    fn quota_left(&self) -> Vec<Option<f64>> {
        self.scenario
            .staff_types
            .iter()
            .enumerate()
            .map(|(t, _)| {
                self.scenario
                    .policy
                    .quota
                    .get(t)
                    .copied()
                    .flatten()
                    .map(|q| {
                        let fixed: u32 = self
                            .scenario
                            .offices
                            .iter()
                            .filter(|o| o.fixed)
                            .map(|o| o.staff.get(t).copied().unwrap_or(0))
                            .sum();
                        f64::from(q) - f64::from(fixed)
                    })
            })
            .collect()
    }

    /// Headcount of every office under group headcounts `n`.
    fn headcounts(&self, n: &[u32]) -> Vec<u32> {
        let mut heads = vec![0u32; self.scenario.offices.len()];
        for &(o, k) in &self.sections {
            heads[o] = k;
        }
        for (g, group) in self.groups.iter().enumerate() {
            heads[group.office] = n[g];
        }
        heads
    }

    /// Least yearly cost of staffing headcounts `n` under quotas and budget (`None`: no mix
    /// keeps them). A transportation problem, so the LP optimum is whole.
    fn staff_cost(&self, n: &[u32]) -> Option<f64> {
        let heads = self.headcounts(n);
        let (cost, _) = self.mix(&heads, None)?;
        let fixed: f64 = self
            .scenario
            .offices
            .iter()
            .filter(|o| o.fixed)
            .map(|o| self.scenario.cost(&o.staff))
            .sum();
        let total = cost + fixed;
        if self
            .scenario
            .policy
            .budget
            .is_some_and(|b| total > b * (1.0 + 1e-9))
        {
            return None;
        }
        Some(total)
    }

    /// Staff mix for headcounts `heads`: least cost (`changes_at = None`, LP), or fewest
    /// people changed at a cost at most the given one (integer). Returns (objective, mix,
    /// proven) as (value, `[office][type]`) with proven folded into `Some`.
    fn mix(&self, heads: &[u32], changes_at: Option<f64>) -> Option<(f64, Vec<Vec<u32>>)> {
        self.mix_proven(heads, changes_at).map(|(v, m, _)| (v, m))
    }

    fn mix_proven(
        &self,
        heads: &[u32],
        changes_at: Option<f64>,
    ) -> Option<(f64, Vec<Vec<u32>>, bool)> {
        let scenario = self.scenario;
        let types = scenario.staff_types.len();
        let mut problem = ProblemVariables::new();
        let mut vars: Vec<Vec<Option<Variable>>> = vec![vec![None; types]; scenario.offices.len()];
        let mut moved: Vec<Variable> = Vec::new();
        let integer = changes_at.is_some();
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            for (t, slot) in vars[o].iter_mut().enumerate() {
                if office.allowed_staff.get(t).copied().unwrap_or(false) && heads[o] > 0 {
                    let mut def = variable().min(0.0).max(f64::from(heads[o]));
                    if integer {
                        def = def.integer();
                    }
                    *slot = Some(problem.add(def));
                }
            }
        }
        let cost_of = |vars: &Vec<Vec<Option<Variable>>>| -> Expression {
            let mut e = Expression::from(0.0);
            for row in vars {
                for (t, v) in row.iter().enumerate() {
                    if let Some(v) = v {
                        e.add_mul(scenario.staff_types[t].cost, *v);
                    }
                }
            }
            e
        };
        let mut rows = Vec::new();
        if let Some(_at) = changes_at {
            for (o, office) in scenario.offices.iter().enumerate() {
                if office.fixed {
                    continue;
                }
                for (t, var) in vars[o].iter().enumerate() {
                    let today = f64::from(office.staff.get(t).copied().unwrap_or(0));
                    let d = problem.add(variable().min(0.0));
                    moved.push(d);
                    let s: Expression = var.map_or(Expression::from(0.0), Expression::from);
                    rows.push((s.clone() - today - d).leq(0.0));
                    rows.push((today - s - d).leq(0.0));
                }
            }
        }
        let objective = if changes_at.is_some() {
            moved.iter().fold(Expression::from(0.0), |e, d| e + *d)
        } else {
            cost_of(&vars)
        };
        let mut model = problem.minimise(objective).using(solver);
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            let sum = vars[o]
                .iter()
                .flatten()
                .fold(Expression::from(0.0), |e, v| e + *v);
            if vars[o].iter().all(Option::is_none) && heads[o] > 0 {
                return None;
            }
            model.add_constraint(sum.eq(f64::from(heads[o])));
        }
        for (t, left) in self.quota_left().iter().enumerate() {
            if let Some(left) = left {
                let sum = vars
                    .iter()
                    .filter_map(|row| row[t])
                    .fold(Expression::from(0.0), |e, v| e + v);
                model.add_constraint(sum.leq(*left));
            }
        }
        if let Some(at) = changes_at {
            let fixed: f64 = scenario
                .offices
                .iter()
                .filter(|o| o.fixed)
                .map(|o| scenario.cost(&o.staff))
                .sum();
            model.add_constraint(cost_of(&vars).leq(at - fixed + 1e-6 * at.max(1.0)));
        }
        for row in rows {
            model.add_constraint(row);
        }
        let left = self
            .deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(50));
        let solution = model.with_time_limit(left.as_secs_f64()).solve().ok()?;
        let proven = matches!(solution.status(), SolutionStatus::Optimal);
        let mix: Vec<Vec<u32>> = vars
            .iter()
            .enumerate()
            .map(|(o, row)| {
                if scenario.offices[o].fixed {
                    return scenario.offices[o].staff.clone();
                }
                row.iter()
                    .map(|v| v.map_or(0, |v| solution.value(v).round().max(0.0) as u32))
                    .collect()
            })
            .collect();
        let value = if changes_at.is_some() {
            moved
                .iter()
                .map(|d| solution.value(*d))
                .sum::<f64>()
                .round()
        } else {
            mix.iter().map(|s| scenario.cost(s)).sum::<f64>()
                - scenario
                    .offices
                    .iter()
                    .filter(|o| o.fixed)
                    .map(|o| scenario.cost(&o.staff))
                    .sum::<f64>()
        };
        Some((value, mix, proven))
    }

    /// The mix of least people changed at cost at most `cost`: (mix, changes, proven).
    fn fewest_people(&self, n: &[u32], cost: f64) -> Option<(Vec<Vec<u32>>, f64, bool)> {
        let heads = self.headcounts(n);
        let (changes, mix, proven) = self.mix_proven(&heads, Some(cost))?;
        // The integer solve must keep every head exactly; anything else is not an answer.
        let ok = mix
            .iter()
            .zip(&heads)
            .enumerate()
            .all(|(o, (s, &h))| self.scenario.offices[o].fixed || s.iter().sum::<u32>() == h);
        ok.then_some((mix, changes, proven))
    }

    /// People added or removed at each group, types aside: a lower bound on people changed.
    fn head_changes(&self, n: &[u32]) -> f64 {
        self.groups
            .iter()
            .zip(n)
            .map(|(g, &k)| f64::from(self.scenario.offices[g.office].headcount().abs_diff(k)))
            .sum()
    }

    /// Every distinct ordering of `n` within each class.
    fn orderings(&self, n: &[u32]) -> Vec<Vec<u32>> {
        let mut out = vec![n.to_vec()];
        let classes = self
            .groups
            .iter()
            .map(|g| g.class)
            .max()
            .map_or(0, |c| c + 1);
        for c in 0..classes {
            let members: Vec<usize> = (0..self.groups.len())
                .filter(|&g| self.groups[g].class == c)
                .collect();
            let mut values: Vec<u32> = members.iter().map(|&g| n[g]).collect();
            values.sort_unstable();
            let mut perms = Vec::new();
            loop {
                perms.push(values.clone());
                if perms.len() > MAX_ORDERINGS || !next_permutation(&mut values) {
                    break;
                }
            }
            let mut next = Vec::new();
            for base in &out {
                for p in &perms {
                    let mut v = base.clone();
                    for (&g, &k) in members.iter().zip(p) {
                        v[g] = k;
                    }
                    next.push(v);
                    if next.len() > MAX_ORDERINGS {
                        return next;
                    }
                }
            }
            out = next;
        }
        out
    }

    fn plan(&self, n: &[u32], coverage: Vec<Option<usize>>, staff: Vec<Vec<u32>>) -> Plan {
        let open = self
            .scenario
            .offices
            .iter()
            .enumerate()
            .map(|(o, office)| match self.slot[o] {
                Some(g) if office.optional => n[g] > 0,
                _ => self.facts.open_today.get(o).copied().unwrap_or(true) || !office.optional,
            })
            .collect();
        Plan {
            staff,
            coverage,
            open,
        }
    }
}

/// A cheaper neighbour of a headcount vector: saving, group lowered to a headcount, and a
/// group raised to a headcount.
type Neighbour = (f64, usize, u32, Option<(usize, u32)>);

/// One group's part of a capacity row: office, α on its head, and (its `open`, coefficient)
/// for a group that may close.
type Coefficient = (usize, f64, Option<(Variable, f64)>);

/// Units confined to a set of groups: by team size, their hours and number.
struct Confined {
    groups: Vec<usize>,
    levels: Vec<(u32, f64, u32)>,
}

/// Every non-increasing sequence of `k` values from `options`.
fn multisets(options: &[u32], k: usize, prefix: &mut Vec<u32>, out: &mut Vec<Vec<u32>>) {
    if prefix.len() == k {
        out.push(prefix.clone());
        return;
    }
    for (i, &v) in options.iter().enumerate().rev() {
        if prefix.last().is_some_and(|&last| v > last) {
            continue;
        }
        prefix.push(v);
        multisets(&options[..=i], k, prefix, out);
        prefix.pop();
        if out.len() > MAX_VECTORS {
            return;
        }
    }
}

fn next_permutation(values: &mut [u32]) -> bool {
    let Some(i) = (1..values.len()).rev().find(|&i| values[i - 1] < values[i]) else {
        return false;
    };
    let pivot = i - 1;
    let Some(j) = (i..values.len()).rev().find(|&j| values[j] > values[pivot]) else {
        return false;
    };
    values.swap(pivot, j);
    values[i..].reverse();
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Any allocation that fits.
    Fit,
    /// The lowest peak utilisation.
    Peak,
    /// The fewest units moved from today's group, with the peak held.
    Moves,
}

/// Branch and bound over units, in the model's order, into groups with fixed headcounts.
struct Pack<'m, 'a> {
    model: &'m Model<'a>,
    mode: Mode,
    /// Most hours each group may carry.
    limit: Vec<f64>,
    /// Capacity hours (utilisation denominator).
    denominator: Vec<f64>,
    heads: Vec<u32>,
    load: Vec<f64>,
    count: Vec<u32>,
    coverage: Vec<Option<usize>>,
    /// Hours and number of the units not yet placed, by position and team level.
    rest: Vec<Vec<(f64, u32)>>,
    /// Lower bound on the peak of any allocation into these headcounts.
    static_bound: f64,
    best_peak: f64,
    best_moves: i64,
    best_coverage: Vec<Option<usize>>,
    nodes: u64,
    node_limit: u64,
    stopped: bool,
    /// Answers found so far (a subtree that adds none has failed).
    found: u64,
    /// States (position, groups as interchangeable loads) from which no better answer
    /// exists; the incumbent only tightens, so a failure stays a failure.
    failed: HashSet<Vec<u64>>,
    /// Moves mode: states (position, each group's units and load) from which no answer with
    /// fewer changes was found, with the fewest moves so far at which that was tried.
    failed_moves: HashMap<Vec<u64>, i64>,
    /// Unit → position of today's group.
    today: Vec<Option<usize>>,
    /// Group → (position in the order, hours, team) of the units it covers today, smallest
    /// first.
    home: Vec<Vec<(usize, f64, u32)>>,
}

impl<'m, 'a> Pack<'m, 'a> {
    fn new(model: &'m Model<'a>, n: &[u32], mode: Mode, peak: f64) -> Pack<'m, 'a> {
        let groups = model.groups.len();
        let denominator: Vec<f64> = (0..groups).map(|g| model.capacity_hours(g, n[g])).collect();
        let limit: Vec<f64> = (0..groups)
            .map(|g| {
                let cap = model.capacity(g, n[g]);
                if mode == Mode::Moves && peak.is_finite() {
                    cap.min(peak * denominator[g] * (1.0 + 1e-9))
                } else {
                    cap
                }
            })
            .collect();
        let levels = model.teams.len();
        // rest[i][l]: hours and number of the units from position i on whose team is at
        // least teams[l].
        let mut rest = vec![vec![(0.0, 0u32); levels]; model.order.len() + 1];
        for i in (0..model.order.len()).rev() {
            let u = model.order[i];
            let team = model.facts.unit_team[u];
            let next = rest[i + 1].clone();
            for ((slot, &(h, c)), &level) in rest[i].iter_mut().zip(&next).zip(&model.teams) {
                *slot = if team >= level {
                    (h + model.facts.unit_hours[u], c + 1)
                } else {
                    (h, c)
                };
            }
        }
        let all: f64 = rest[0][0].0 + model.groups.iter().map(|g| g.base).sum::<f64>();
        let room: f64 = denominator.iter().sum();
        let static_bound = if room > 0.0 {
            model.section_peak.max(all / room)
        } else {
            model.section_peak
        };
        let today = model
            .scenario
            .coverage()
            .iter()
            .map(|g| g.and_then(|g| model.slot.get(g).copied().flatten()))
            .collect();
        let today: Vec<Option<usize>> = today;
        let mut home: Vec<Vec<(usize, f64, u32)>> = vec![Vec::new(); groups];
        for (position, &u) in model.order.iter().enumerate() {
            if let Some(h) = today.get(u).copied().flatten() {
                home[h].push((
                    position,
                    model.facts.unit_hours[u],
                    model.facts.unit_team[u],
                ));
            }
        }
        for units in &mut home {
            units.sort_by(|a, b| a.1.total_cmp(&b.1));
        }
        Pack {
            model,
            mode,
            limit,
            denominator,
            heads: n.to_vec(),
            load: model.groups.iter().map(|g| g.base).collect(),
            count: vec![0; groups],
            coverage: vec![None; model.scenario.units.len()],
            rest,
            static_bound,
            best_peak: peak,
            best_moves: i64::MAX,
            best_coverage: Vec::new(),
            nodes: 0,
            node_limit: NODE_LIMIT,
            stopped: false,
            found: 0,
            failed: HashSet::new(),
            failed_moves: HashMap::new(),
            home,
            today,
        }
    }

    /// Units from position `i` on that cannot all stay in their group of today: for each
    /// group, those beyond the most of them (smallest first) that its room and `max_units`
    /// still hold.
    fn must_move(&self, i: usize) -> i64 {
        let mut must = 0;
        for (h, units) in self.home.iter().enumerate() {
            let mut room = self.limit[h] - self.load[h];
            let mut slots = self.model.groups[h].max_units.saturating_sub(self.count[h]);
            for &(position, hours, team) in units {
                if position < i {
                    continue;
                }
                if slots > 0 && hours <= room && self.heads[h] >= team && self.heads[h] > 0 {
                    room -= hours;
                    slots -= 1;
                } else {
                    must += 1;
                }
            }
        }
        must
    }

    fn utilisation(&self, g: usize, load: f64) -> f64 {
        if load <= 0.0 {
            0.0
        } else if self.denominator[g] <= 0.0 {
            f64::INFINITY
        } else {
            load / self.denominator[g]
        }
    }

    /// Runs the search; true when an allocation was found (better than the incumbent given).
    fn run(&mut self) -> bool {
        if self.mode == Mode::Peak && self.static_bound >= self.best_peak * (1.0 - 1e-12) {
            return false;
        }
        let peak = (0..self.load.len())
            .map(|g| self.utilisation(g, self.load[g]))
            .fold(self.model.section_peak, f64::max);
        let found_before = !self.best_coverage.is_empty();
        self.branch(0, peak, 0);
        !self.best_coverage.is_empty() && !found_before
    }

    /// Is the search over (answer found in Fit mode, bound reached, or a limit passed)?
    fn done(&self) -> bool {
        self.stopped
            || match self.mode {
                Mode::Fit => !self.best_coverage.is_empty(),
                Mode::Peak => self.best_peak <= self.static_bound * (1.0 + 1e-12),
                Mode::Moves => self.best_moves == 0,
            }
    }

    fn branch(&mut self, i: usize, peak: f64, moves: i64) {
        self.nodes += 1;
        if self.nodes % 4096 == 0 && Instant::now() >= self.model.deadline {
            self.stopped = true;
        }
        if self.nodes > self.node_limit {
            self.stopped = true;
        }
        if self.done() {
            return;
        }
        let Some(&u) = self.model.order.get(i) else {
            let better = match self.mode {
                Mode::Fit => true,
                Mode::Peak => peak < self.best_peak,
                Mode::Moves => moves < self.best_moves,
            };
            if !better {
                return;
            }
            match self.mode {
                Mode::Fit => {}
                Mode::Peak => self.best_peak = peak,
                Mode::Moves => self.best_moves = moves,
            }
            self.best_coverage = self.coverage.clone();
            self.found += 1;
            return;
        };
        // Room left must hold the hours left.
        let cap_of = |s: &Self, g: usize| -> f64 {
            match s.mode {
                Mode::Peak if s.best_peak.is_finite() => {
                    s.limit[g].min(s.best_peak * s.denominator[g])
                }
                _ => s.limit[g],
            }
        };
        for (l, &t) in self.model.teams.iter().enumerate() {
            let (hours, units) = self.rest[i][l];
            if units == 0 {
                continue;
            }
            let mut room = 0.0;
            let mut slots = 0u64;
            for g in 0..self.load.len() {
                if self.heads[g] > 0 && self.heads[g] >= t {
                    room += (cap_of(self, g) - self.load[g]).max(0.0);
                    slots +=
                        u64::from(self.model.groups[g].max_units.saturating_sub(self.count[g]));
                }
            }
            if hours > room * (1.0 + 1e-12) + 1e-9 || u64::from(units) > slots {
                return;
            }
        }
        // Groups alike in every rule are interchangeable, so a state is the position and the
        // sorted (class, people, units, load) of the groups; loads to a micro-hour.
        let key = (self.mode != Mode::Moves).then(|| {
            let mut groups: Vec<[u64; 4]> = (0..self.load.len())
                .map(|g| {
                    [
                        self.model.groups[g].class as u64,
                        u64::from(self.heads[g]),
                        u64::from(self.count[g]),
                        (self.load[g] * 1e6).round().max(0.0) as u64,
                    ]
                })
                .collect();
            groups.sort_unstable();
            let mut key = Vec::with_capacity(1 + 4 * groups.len());
            key.push(i as u64);
            key.extend(groups.iter().flatten());
            key
        });
        if key.as_ref().is_some_and(|k| self.failed.contains(k)) {
            return;
        }
        let moves_key = (self.mode == Mode::Moves).then(|| {
            let mut key = Vec::with_capacity(1 + 2 * self.load.len());
            key.push(i as u64);
            for g in 0..self.load.len() {
                key.push(u64::from(self.count[g]));
                key.push((self.load[g] * 1e6).round().max(0.0) as u64);
            }
            key
        });
        if self.mode == Mode::Moves {
            if moves_key
                .as_ref()
                .and_then(|k| self.failed_moves.get(k))
                .is_some_and(|&m| moves >= m)
            {
                return;
            }
            if moves + self.must_move(i) >= self.best_moves {
                return;
            }
        }
        let found_before = self.found;
        let hours = self.model.facts.unit_hours[u];
        let team = self.model.facts.unit_team[u];
        let mut choices: Vec<(usize, f64)> = Vec::new();
        for &g in &self.model.candidates[u] {
            if self.heads[g] == 0
                || self.heads[g] < team
                || self.count[g] >= self.model.groups[g].max_units
            {
                continue;
            }
            let load = self.load[g] + hours;
            if load > self.limit[g] {
                continue;
            }
            let util = self.utilisation(g, load);
            if self.mode == Mode::Peak && util >= self.best_peak * (1.0 - 1e-12) {
                continue;
            }
            if self.mode != Mode::Moves {
                // Alike groups in the same state give the same subtrees.
                let same = choices.iter().any(|&(h, _)| {
                    self.model.groups[h].class == self.model.groups[g].class
                        && self.heads[h] == self.heads[g]
                        && self.count[h] == self.count[g]
                        && self.load[h] == self.load[g]
                });
                if same {
                    continue;
                }
            }
            choices.push((g, util));
        }
        match self.mode {
            Mode::Moves => {
                let home = self.today.get(u).copied().flatten();
                choices.sort_by(|a, b| {
                    (Some(b.0) == home)
                        .cmp(&(Some(a.0) == home))
                        .then(a.1.total_cmp(&b.1))
                });
            }
            _ => choices.sort_by(|a, b| a.1.total_cmp(&b.1)),
        }
        for (g, util) in choices {
            let moved = i64::from(self.today.get(u).copied().flatten().is_some_and(|h| h != g));
            // The incumbent may have improved since the choices were listed.
            if self.mode == Mode::Moves && moves + moved >= self.best_moves {
                continue;
            }
            if self.mode == Mode::Peak && util >= self.best_peak * (1.0 - 1e-12) {
                continue;
            }
            self.load[g] += hours;
            self.count[g] += 1;
            self.coverage[u] = Some(self.model.groups[g].office);
            self.branch(i + 1, peak.max(util), moves + moved);
            self.coverage[u] = None;
            self.count[g] -= 1;
            self.load[g] -= hours;
            if self.done() {
                return;
            }
        }
        if self.found == found_before && !self.stopped {
            if let Some(key) = key {
                if self.failed.len() < MEMO_LIMIT {
                    self.failed.insert(key);
                }
            }
            if let Some(key) = moves_key {
                if self.failed_moves.len() < MEMO_LIMIT {
                    let entry = self.failed_moves.entry(key).or_insert(moves);
                    *entry = (*entry).min(moves);
                }
            }
        }
    }
}

/// A lower bound on the least cost when the target can be met everywhere: sections at their
/// least headcounts, groups' hours pooled (split at will) so that only the posts of the
/// groups they may go to must carry them (all groups, and each distinct set of groups that
/// eligibility confines some units to), with whole posts and groups open or closed, the
/// cheapest mix of staff types under quotas. `None` outside the exact path's assumptions.
pub fn cost_bound(scenario: &Scenario, facts: &Facts) -> Option<f64> {
    let model = Model::new(scenario, facts, Instant::now() + Duration::from_secs(5))?;
    // Whether a group that may close is open is a yes or no in every answer, so the
    // programme with those whole is a relaxation still, and a much tighter one; its LP
    // relaxation where that is not solved in time.
    bound_programme(scenario, facts, &model, true, 3.0)
        .or_else(|| bound_programme(scenario, facts, &model, false, 5.0))
}

fn bound_programme(
    scenario: &Scenario,
    facts: &Facts,
    model: &Model,
    whole: bool,
    seconds: f64,
) -> Option<f64> {
    let per_person = facts.year_value * facts.target;
    let hours: f64 = model
        .order
        .iter()
        .map(|&u| facts.unit_hours[u])
        .sum::<f64>()
        + model.groups.iter().map(|g| g.base).sum::<f64>();
    // Every person carries at most `per_person` hours; open non-optional groups lose their
    // leaders' time for sure.
    let loss: f64 = model
        .groups
        .iter()
        .filter(|g| !g.options.contains(&0))
        .map(|g| facts.leader_loss.get(g.office).copied().unwrap_or(0.0))
        .sum();
    let least_posts = (hours / per_person * (1.0 - TOLERANCE) + loss - 1e-9)
        .ceil()
        .max(0.0);
    let types = scenario.staff_types.len();
    let mut problem = ProblemVariables::new();
    let mut vars: Vec<Vec<Option<Variable>>> = vec![vec![None; types]; scenario.offices.len()];
    for (o, office) in scenario.offices.iter().enumerate() {
        if office.fixed {
            continue;
        }
        for (t, slot) in vars[o].iter_mut().enumerate() {
            if office.allowed_staff.get(t).copied().unwrap_or(false) {
                *slot = Some(problem.add(variable().min(0.0)));
            }
        }
    }
    // Whether each group that may close is open (a group that may not has none).
    let opened: Vec<Option<Variable>> = model
        .groups
        .iter()
        .map(|g| {
            g.options.contains(&0).then(|| {
                let mut def = variable().min(0.0).max(1.0);
                if whole {
                    def = def.integer();
                }
                problem.add(def)
            })
        })
        .collect();
    // All group posts together: whole in every answer.
    let posts = problem.add(if whole {
        variable().min(0.0).integer()
    } else {
        variable().min(0.0)
    });
    let mut cost = Expression::from(0.0);
    for row in &vars {
        for (t, v) in row.iter().enumerate() {
            if let Some(v) = v {
                cost.add_mul(scenario.staff_types[t].cost, *v);
            }
        }
    }
    let mut lp = problem.minimise(cost).using(solver);
    let head = |o: usize| {
        vars[o]
            .iter()
            .flatten()
            .fold(Expression::from(0.0), |e, v| e + *v)
    };
    for &(o, n) in &model.sections {
        if !scenario.offices[o].fixed {
            lp.add_constraint(head(o).eq(f64::from(n)));
        }
    }
    let mut all_groups = Expression::from(0.0);
    for (position, g) in model.groups.iter().enumerate() {
        let lo = g
            .options
            .iter()
            .copied()
            .filter(|&n| n > 0)
            .min()
            .unwrap_or(0);
        let hi = g.options.iter().copied().max().unwrap_or(0);
        let least = if g.options.contains(&0) { 0 } else { lo };
        lp.add_constraint(head(g.office).geq(f64::from(least)));
        lp.add_constraint(head(g.office).leq(f64::from(hi)));
        if let Some(open) = opened.get(position).copied().flatten() {
            lp.add_constraint((head(g.office) - f64::from(hi) * open).leq(0.0));
            lp.add_constraint((head(g.office) - f64::from(lo) * open).geq(0.0));
        }
        all_groups += head(g.office);
    }
    lp.add_constraint((all_groups.clone() - posts).eq(0.0));
    lp.add_constraint(all_groups.geq(least_posts));
    // For each team size t, the units whose work needs t people go to groups with at least
    // t. A group g at headcount N carries persons(N) × per_person hours of them when N ≥ t,
    // else none; that is at most β_g + α_g (N − lo_g), with lo_g its least headcount, β_g its
    // persons at lo_g when lo_g ≥ t (else 0) and α_g the largest persons(N) / (N − lo_g)
    // beyond. So Σ_g β_g + α_g (N_g − lo_g) ≥ hours_t / per_person. When every α_g is
    // the same, heads are whole, and the row is rounded up.
    //
    // The same holds within any set S of groups for the units whose candidates all lie in
    // S (eligibility confines them there), so each distinct candidate set gives such rows
    // too. And one group of S at least must reach a headcount that may take them (team,
    // open), the others staying at their least: a cut on Σ_{g∈S} N_g.
    let everyone: Vec<usize> = (0..model.groups.len()).collect();
    let mut levels: Vec<(Vec<usize>, u32, f64)> = model
        .teams
        .iter()
        .map(|&t| {
            let needing = model
                .order
                .iter()
                .filter(|&&u| facts.unit_team[u] >= t)
                .map(|&u| facts.unit_hours[u])
                .sum::<f64>()
                + model.groups.iter().map(|g| g.base).sum::<f64>();
            (everyone.clone(), t, needing)
        })
        .collect();
    for set in model.confined(CONFINED_SETS).into_iter().skip(1) {
        for &(t, hours, _) in &set.levels {
            levels.push((set.groups.clone(), t, hours));
        }
    }
    for (members, t, needing) in levels {
        let need = needing / per_person * (1.0 - TOLERANCE);
        let mut fixed_part = 0.0;
        let mut terms: Vec<(usize, f64, u32)> = Vec::new();
        if members.len() < model.groups.len() && needing > 0.0 {
            let least = |g: &Group| {
                if g.options.contains(&0) {
                    0
                } else {
                    g.options.iter().copied().min().unwrap_or(0)
                }
            };
            let lows: u32 = members.iter().map(|&g| least(&model.groups[g])).sum();
            let cut = members
                .iter()
                .filter_map(|&g| {
                    let group = &model.groups[g];
                    group
                        .options
                        .iter()
                        .copied()
                        .filter(|&k| {
                            k > 0 && k >= t && facts.persons(scenario, group.office, k) > 0.0
                        })
                        .min()
                        .map(|k| k + lows - least(group))
                })
                .min();
            if let Some(cut) = cut {
                let sum = members.iter().fold(Expression::from(0.0), |e, &g| {
                    e + head(model.groups[g].office)
                });
                lp.add_constraint(sum.geq(f64::from(cut)));
            }
        }
        for g in members.iter().map(|&g| &model.groups[g]) {
            let closable = g.options.contains(&0);
            let lo = if closable {
                0
            } else {
                g.options.iter().copied().min().unwrap_or(0)
            };
            let hi = g.options.iter().copied().max().unwrap_or(0);
            let persons = |n: u32| facts.persons(scenario, g.office, n);
            let (beta, alpha) = if lo >= t && lo > 0 {
                (persons(lo), 1.0)
            } else {
                let alpha = (t.max(lo + 1)..=hi)
                    .map(|n| persons(n) / f64::from(n - lo))
                    .fold(0.0, f64::max);
                (0.0, alpha)
            };
            fixed_part += beta;
            if alpha > 0.0 {
                terms.push((g.office, alpha, lo));
            }
        }
        let rest = need - fixed_part;
        if rest <= 0.0 {
            continue;
        }
        // The row as it is, and a whole-headcount cut: with every α_g raised to the largest
        // the row stays valid, and Σ (N_g − lo_g) is whole, so its right side rounds up.
        let largest = terms.iter().map(|x| x.1).fold(0.0, f64::max);
        let mut row = Expression::from(0.0);
        let mut whole = Expression::from(0.0);
        let mut lows = 0.0;
        for &(o, alpha, lo) in &terms {
            row.add_mul(alpha, head(o));
            row -= alpha * f64::from(lo);
            whole += head(o);
            lows += f64::from(lo);
        }
        lp.add_constraint(row.geq(rest));
        // A group that may close carries nothing closed and, open, at most β'_g + α'_g
        // (N_g − lo'_g) with lo'_g its least open headcount: the same row with the open
        // groups' leaders and teams counted, which the row above cannot see (it spreads
        // them over every headcount from 0).
        let mut sharp = Expression::from(0.0);
        let mut sharp_fixed = 0.0;
        // (α on the head, coefficient on `open` or None) of each group, for the rounding.
        let mut coefficients: Vec<Coefficient> = Vec::new();
        for &g in &members {
            let group = &model.groups[g];
            let persons = |n: u32| {
                if n >= t {
                    facts.persons(scenario, group.office, n)
                } else {
                    0.0
                }
            };
            match opened.get(g).copied().flatten() {
                Some(open) => {
                    let Some(lo) = group.options.iter().copied().filter(|&k| k > 0).min() else {
                        continue;
                    };
                    let hi = group.options.iter().copied().max().unwrap_or(lo);
                    let beta = persons(lo);
                    let alpha = (lo + 1..=hi)
                        .map(|n| (persons(n) - beta) / f64::from(n - lo))
                        .fold(0.0, f64::max);
                    sharp.add_mul(alpha, head(group.office));
                    sharp.add_mul(beta - alpha * f64::from(lo), open);
                    coefficients.push((
                        group.office,
                        alpha,
                        Some((open, beta - alpha * f64::from(lo))),
                    ));
                }
                None => {
                    let lo = group.options.iter().copied().min().unwrap_or(0);
                    let hi = group.options.iter().copied().max().unwrap_or(lo);
                    let beta = persons(lo);
                    let alpha = (lo + 1..=hi)
                        .map(|n| (persons(n) - beta) / f64::from(n - lo))
                        .fold(0.0, f64::max);
                    sharp.add_mul(alpha, head(group.office));
                    sharp_fixed += beta - alpha * f64::from(lo);
                    coefficients.push((group.office, alpha, None));
                }
            }
        }
        lp.add_constraint(sharp.geq(need - sharp_fixed));
        // Its rounding (a Chvátal–Gomory cut): heads and `open` are whole and not negative,
        // so dividing by the largest α and rounding every coefficient and the right side up
        // keeps the row valid, and makes whole posts count where the LP would split them.
        let top = coefficients.iter().map(|c| c.1).fold(0.0, f64::max);
        if top > 0.0 {
            let up = |x: f64| (x / top - 1e-9).ceil();
            let mut rounded = Expression::from(0.0);
            for &(o, alpha, open) in &coefficients {
                rounded.add_mul(up(alpha), head(o));
                if let Some((open, c)) = open {
                    rounded.add_mul(up(c), open);
                }
            }
            lp.add_constraint(rounded.geq(up(need - sharp_fixed)));
        }
        if largest > 0.0 {
            lp.add_constraint(whole.geq((rest / largest - 1e-9).ceil() + lows));
        }
    }
    let solution = lp.with_time_limit(seconds).solve().ok()?;
    if !matches!(solution.status(), SolutionStatus::Optimal) {
        return None;
    }
    let fixed: f64 = scenario
        .offices
        .iter()
        .filter(|o| o.fixed)
        .map(|o| scenario.cost(&o.staff))
        .sum();
    let value: f64 = vars
        .iter()
        .flat_map(|row| row.iter().enumerate())
        .filter_map(|(t, v)| v.map(|v| scenario.staff_types[t].cost * solution.value(v)))
        .sum();
    // Float noise of the LP must not lift the bound above a true optimum.
    Some((value + fixed) * (1.0 - 1e-9))
}

/// Lowers the cost of an allocation one group at a time: closes an optional group, or takes
/// one post from a group, by moving just enough of its units to other groups, each to where it
/// adds least (nothing where there is room). Keeps a change when the groups' cost (least
/// headcounts at their cheapest staff type) falls. Keeps eligibility, teams and `max_units`.
/// For scenarios too large for the exact search, after the heuristic's local search, which
/// moves one unit at a time and so cannot see these.
pub fn shed_posts(
    scenario: &Scenario,
    facts: &Facts,
    coverage: &mut [Option<usize>],
    open: &mut [bool],
    deadline: Instant,
) {
    let mut state = Shed::new(scenario, facts, coverage, open);
    let mut improved = true;
    while improved && Instant::now() < deadline {
        improved = false;
        for &g in &facts.groups {
            if Instant::now() >= deadline {
                break;
            }
            let office = &scenario.offices[g];
            if office.fixed || !state.open[g] {
                continue;
            }
            let closable = office.optional && facts.base_hours.get(g).is_some_and(|&h| h <= 0.0);
            let n = state.heads(g);
            let mut attempts = Vec::new();
            if closable {
                attempts.push(0);
            }
            if n > 1 && n > facts.floor(scenario, g, 0) && state.count[g] > 0 {
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
    coverage.copy_from_slice(&state.coverage);
    open.copy_from_slice(&state.open);
}

#[derive(Clone)]
struct Shed<'a> {
    scenario: &'a Scenario,
    facts: &'a Facts,
    coverage: Vec<Option<usize>>,
    open: Vec<bool>,
    load: Vec<f64>,
    count: Vec<u32>,
    /// `[office][team]`: units of that team size covered.
    teams: Vec<Vec<u32>>,
    /// Cheapest post at each office.
    price: Vec<f64>,
}

impl<'a> Shed<'a> {
    fn new(
        scenario: &'a Scenario,
        facts: &'a Facts,
        coverage: &[Option<usize>],
        open: &[bool],
    ) -> Shed<'a> {
        let offices = scenario.offices.len();
        let top = facts.unit_team.iter().copied().max().unwrap_or(0) as usize;
        let mut teams = vec![vec![0u32; top + 1]; offices];
        let mut count = vec![0u32; offices];
        for (u, g) in coverage.iter().enumerate() {
            if let Some(g) = g {
                count[*g] += 1;
                teams[*g][facts.unit_team[u] as usize] += 1;
            }
        }
        let price = facts.cheapest_post.clone();
        Shed {
            scenario,
            facts,
            coverage: coverage.to_vec(),
            open: open.to_vec(),
            load: facts.loads(coverage),
            count,
            teams,
            price,
        }
    }

    fn heads_at(&self, o: usize, load: f64, team: u32) -> u32 {
        if !self.open[o] {
            return 0;
        }
        let facts = self.facts;
        let base_team = if facts.base_hours.get(o).is_some_and(|&h| h > 0.0) {
            facts.base_team.get(o).copied().unwrap_or(0)
        } else {
            0
        };
        let covered = self.teams[o].iter().rposition(|&c| c > 0).unwrap_or(0) as u32;
        let team = if load > 0.0 {
            base_team.max(covered).max(team)
        } else {
            0
        };
        least_headcount(
            &self.scenario.offices[o],
            load,
            facts.year_value,
            facts.target,
            facts.floor(self.scenario, o, team),
        )
    }

    fn heads(&self, o: usize) -> u32 {
        self.heads_at(o, self.load[o], 0)
    }

    fn cost(&self) -> f64 {
        self.facts
            .groups
            .iter()
            .map(|&g| f64::from(self.heads(g)) * self.price[g])
            .sum()
    }

    fn fits(&self, o: usize, heads: u32, load: f64) -> bool {
        let capacity =
            self.facts.persons(self.scenario, o, heads) * self.facts.year_value * self.facts.target;
        load <= capacity / (1.0 - TOLERANCE)
    }

    fn take(&mut self, u: usize) {
        if let Some(g) = self.coverage[u].take() {
            self.load[g] -= self.facts.unit_hours[u];
            self.count[g] -= 1;
            self.teams[g][self.facts.unit_team[u] as usize] -= 1;
        }
    }

    fn put(&mut self, u: usize, g: usize) {
        self.coverage[u] = Some(g);
        self.load[g] += self.facts.unit_hours[u];
        self.count[g] += 1;
        self.teams[g][self.facts.unit_team[u] as usize] += 1;
    }

    /// Moves units out of `g` until `goal` people carry it (0: closed), each to the group
    /// where it adds least; keeps the result when the cost falls.
    fn shed(&mut self, g: usize, goal: u32) -> bool {
        let saved = self.clone();
        let before = self.cost();
        if goal == 0 {
            self.open[g] = false;
        }
        let mut mine: Vec<usize> = (0..self.coverage.len())
            .filter(|&u| self.coverage[u] == Some(g))
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
        while ok && !self.fits(g, goal, self.load[g]) {
            // The smallest unit that clears the excess alone, else the largest.
            let excess = self.load[g]
                - self.facts.persons(self.scenario, g, goal)
                    * self.facts.year_value
                    * self.facts.target;
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
            if h == from || !self.open[h] {
                continue;
            }
            if self.scenario.offices[h]
                .max_units
                .is_some_and(|m| self.count[h] >= m)
            {
                continue;
            }
            let now = self.heads(h);
            let then = self.heads_at(h, self.load[h] + hours, team);
            if self.scenario.offices[h].max_staff.is_some_and(|m| then > m) {
                continue;
            }
            let added = f64::from(then - now.min(then)) * self.price[h];
            let room = self.facts.persons(self.scenario, h, then)
                * self.facts.year_value
                * self.facts.target
                - self.load[h]
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
pub fn descend(
    scenario: &Scenario,
    facts: &Facts,
    coverage: &mut [Option<usize>],
    open: &mut [bool],
    deadline: Instant,
) {
    let Some(mut model) = Model::new(scenario, facts, deadline) else {
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
    let shed = Shed::new(scenario, facts, coverage, open);
    let mut n: Vec<u32> = model.groups.iter().map(|g| shed.heads(g.office)).collect();
    if n.iter()
        .zip(&model.groups)
        .any(|(k, g)| !g.options.contains(k))
    {
        return;
    }
    let price = shed.price.clone();
    let mut current = coverage.to_vec();
    // One post at a time cannot reach headcounts that differ from these in several groups at
    // once (close one group, raise two others, lower a fourth); build them afresh instead.
    let cost_of = |n: &[u32]| -> f64 {
        model
            .groups
            .iter()
            .zip(n)
            .map(|(g, &k)| f64::from(k) * price[g.office])
            .sum()
    };
    for next in model.cheapest_vectors(&price, 6) {
        if Instant::now() >= deadline {
            break;
        }
        let now = cost_of(&n);
        if cost_of(&next) >= now - 1e-9 * now.max(1.0) {
            break;
        }
        let mut pack = Pack::new(&model, &next, Mode::Fit, f64::INFINITY);
        pack.node_limit = 20 * model.order.len() as u64 + 1000;
        if pack.run() {
            n = next;
            current = pack.best_coverage.clone();
            break;
        }
    }
    let mut improved = true;
    while improved && Instant::now() < deadline {
        improved = false;
        // Steps that save money, largest saving first.
        let mut steps: Vec<(f64, Vec<u32>)> = Vec::new();
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
                let mut next = n.clone();
                next[g] = k;
                steps.push((saving, next.clone()));
                if k == 0 || n[g] - k > 1 {
                    for (h, other) in model.groups.iter().enumerate() {
                        let raise = price[other.office];
                        if h != g
                            && next[h] > 0
                            && other.options.contains(&(next[h] + 1))
                            && raise < saving
                        {
                            let mut with = next.clone();
                            with[h] += 1;
                            steps.push((saving - raise, with));
                        }
                    }
                }
            }
        }
        steps.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, next) in steps {
            if Instant::now() >= deadline {
                break;
            }
            if !model.may_fit(&next) {
                continue;
            }
            let mut pack = Pack::new(&model, &next, Mode::Fit, f64::INFINITY);
            pack.node_limit = 20 * model.order.len() as u64 + 1000;
            if pack.run() {
                n = next;
                current = pack.best_coverage.clone();
                improved = true;
                break;
            }
        }
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
