//! The repair of an allocation into headcounts it does not yet fit: the descent's second
//! check of a step, where the packing from scratch was cut short by its node limit.
//!
//! Why it is needed: a step of the descent takes one post from a group, and a bounded
//! packing ([`crate::optimise::search::pack`]) looks for an allocation into the new
//! headcounts from nothing. With a thousand units and the posts' capacity within a few dozen
//! hours of all the hours (synthetic 1,000 units × 50 groups: 132 group posts carry them),
//! that depth-first search spends its 21,000 nodes deep in one corner of the tree and gives
//! up on headcounts that do fit, so the descent stopped a post above the optimum. The
//! allocation in hand already fits every group but the one that lost a post: moving or
//! swapping a few units, each move lowering the hours above what the groups carry, finds the
//! allocation where one exists in almost every case. It proves nothing when it fails (the
//! step is simply not taken), and every allocation it returns keeps eligibility, teams and
//! `max_units` and fits every group.

use crate::optimise::budget::Deadline;
use crate::optimise::model::headcounts::Model;

/// Moves and swaps tried per unit to place, at most, before the repair gives up: it ends
/// within a small multiple of one pass over the units.
const ROUNDS_PER_UNIT: usize = 10;

/// An allocation into group headcounts `n`, built from `coverage` (unit → office, fitting
/// other headcounts), or `None` where the moves and swaps get stuck or the deadline passes.
pub fn repair(
    model: &Model,
    n: &[u32],
    coverage: &[Option<usize>],
    deadline: Deadline,
) -> Option<Vec<Option<usize>>> {
    let mut state = Repair::new(model, n, coverage)?;
    for _ in 0..ROUNDS_PER_UNIT * model.order.len() + 1 {
        let (g, excess) = state.most_over()?;
        if excess <= 0.0 {
            let mut out = coverage.to_vec();
            for &u in &model.order {
                out[u] = state.at[u].map(|g| model.groups[g].office);
            }
            return Some(out);
        }
        let (action, tried) = state.best_action(g, excess);
        // Each move and each swap looked at is a step.
        if deadline.spend(tried + 1) {
            return None;
        }
        let (u, h, back) = action?;
        state.put(u, h);
        if let Some(v) = back {
            state.put(v, g);
        }
    }
    None
}

/// Where the units are, by group position, with each group's hours and units.
struct Repair<'m, 'a> {
    model: &'m Model<'a>,
    n: &'m [u32],
    /// Hours each group carries at its headcount in `n`.
    limit: Vec<f64>,
    load: Vec<f64>,
    members: Vec<Vec<usize>>,
    /// Unit → group position.
    at: Vec<Option<usize>>,
}

/// A move of a unit to a group, and the unit that comes back in a swap.
type Action = (usize, usize, Option<usize>);

impl<'m, 'a> Repair<'m, 'a> {
    /// The units where `coverage` has them, those their group may no longer take (closed, or
    /// too few people for their team) placed where they fit best; `None` where one fits
    /// nowhere.
    fn new(model: &'m Model<'a>, n: &'m [u32], coverage: &[Option<usize>]) -> Option<Self> {
        let groups = model.groups.len();
        let mut state = Repair {
            model,
            n,
            limit: (0..groups).map(|g| model.capacity(g, n[g])).collect(),
            load: model.groups.iter().map(|g| g.base).collect(),
            members: vec![Vec::new(); groups],
            at: vec![None; coverage.len()],
        };
        let mut homeless = Vec::new();
        for &u in &model.order {
            let g = coverage
                .get(u)
                .copied()
                .flatten()
                .and_then(|o| model.slot.get(o).copied().flatten())?;
            if state.may(u, g) {
                state.put(u, g);
            } else {
                homeless.push(u);
            }
        }
        for u in homeless {
            let h = state.best_fit(u)?;
            state.put(u, h);
        }
        Some(state)
    }

    /// May group `h` take unit `u` (eligible, open, people enough for its team)?
    fn may(&self, u: usize, h: usize) -> bool {
        let facts = self.model.facts;
        self.n[h] > 0 && self.n[h] >= facts.unit_team[u] && self.model.candidates[u].contains(&h)
    }

    fn has_room(&self, h: usize) -> bool {
        (self.members[h].len() as u64) < u64::from(self.model.groups[h].max_units)
    }

    /// The group with most hours above what it carries, and those hours.
    fn most_over(&self) -> Option<(usize, f64)> {
        (0..self.load.len())
            .map(|g| (g, (self.load[g] - self.limit[g]).max(0.0)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// The group that may take `u` and is left with least room, else the least overloaded.
    fn best_fit(&self, u: usize) -> Option<usize> {
        let hours = self.model.facts.unit_hours[u];
        let left = |h: usize| self.limit[h] - self.load[h] - hours;
        // Fitting groups first (least room left), then the others (least excess).
        let key = |h: usize| (left(h) < 0.0, left(h).abs());
        self.model.candidates[u]
            .iter()
            .copied()
            .filter(|&h| self.may(u, h) && self.has_room(h))
            .min_by(|&a, &b| {
                let (ka, kb) = (key(a), key(b));
                ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
            })
    }

    /// Moves unit `u` (from wherever it is) to group `h`.
    fn put(&mut self, u: usize, h: usize) {
        let hours = self.model.facts.unit_hours[u];
        if let Some(g) = self.at[u] {
            self.members[g].retain(|&x| x != u);
            self.load[g] -= hours;
        }
        self.members[h].push(u);
        self.load[h] += hours;
        self.at[u] = Some(h);
    }

    /// The move of a unit out of group `g`, or its swap with a smaller unit of another group,
    /// that lowers `g`'s `excess` most without taking any group above what it carries; with
    /// the number of moves and swaps looked at.
    fn best_action(&self, g: usize, excess: f64) -> (Option<Action>, u64) {
        let facts = self.model.facts;
        let mut best: Option<(f64, Action)> = None;
        let mut tried = 0u64;
        let mut consider = |gain: f64, action: Action| {
            if best.is_none_or(|b| gain > b.0) {
                best = Some((gain, action));
            }
        };
        for &u in &self.members[g] {
            let hu = facts.unit_hours[u];
            for &h in &self.model.candidates[u] {
                if h == g || !self.may(u, h) {
                    continue;
                }
                tried += 1;
                if self.has_room(h) && self.load[h] + hu <= self.limit[h] {
                    consider(hu.min(excess), (u, h, None));
                }
                for &v in &self.members[h] {
                    tried += 1;
                    let hv = facts.unit_hours[v];
                    if hv < hu && self.load[h] - hv + hu <= self.limit[h] && self.may(v, g) {
                        consider((hu - hv).min(excess), (u, h, Some(v)));
                    }
                }
            }
        }
        (best.map(|b| b.1), tried)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::repair;
    use crate::optimise::budget::Budget;
    use crate::optimise::model::facts::Facts;
    use crate::optimise::model::headcounts::Model;
    use crate::optimise::testing::small;

    /// Units of 1,000, 600, 500 and 300 hours; one person carries H × 0.85 ≈ 1,358 hours.
    fn check(from: [Option<usize>; 4], n: [u32; 3]) -> Option<Vec<Option<usize>>> {
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let model = Model::new(&facts, budget.deadline()).expect("a model");
        repair(&model, &n, &from, budget.deadline())
    }

    /// g3 closes: its 500 h go where they leave least room (g2: 1,100 h), its 300 h then
    /// fit only g1 (1,300 h).
    #[test]
    fn the_units_of_a_closed_group_go_where_they_fit_best() {
        let from = [Some(0), Some(1), Some(2), Some(2)];
        assert_eq!(
            check(from, [1, 1, 0]),
            Some(vec![Some(0), Some(1), Some(1), Some(0)])
        );
    }

    /// g1 holds 1,000 + 600 h, 242 h above one person; moving either unit to g2 (800 h)
    /// overloads it, but swapping the 1,000 h with g2's 500 h leaves 1,100 and 1,300 h.
    #[test]
    fn a_swap_clears_what_no_move_can() {
        let from = [Some(0), Some(0), Some(1), Some(1)];
        assert_eq!(
            check(from, [1, 1, 0]),
            Some(vec![Some(1), Some(0), Some(0), Some(1)])
        );
    }

    /// One person carries 1,358 h of the 2,400: no move or swap helps, and the repair says
    /// so instead of returning an overloaded group.
    #[test]
    fn headcounts_that_cannot_carry_the_hours_are_not_repaired() {
        let from = [Some(0), Some(1), Some(2), Some(2)];
        assert_eq!(check(from, [1, 0, 0]), None);
    }
}
