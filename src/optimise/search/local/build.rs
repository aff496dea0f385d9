//! Headcount vectors built greedily for the descent ([`super::improve::descend`]): from every
//! group's least headcount, raised where a shortfall measure says units have no room, then
//! trimmed while a cheaper neighbour keeps the measure at zero. A guide, not a proof: each
//! vector the descent takes is checked by a packing.

use crate::optimise::model::headcounts::{Confined, Model, CONFINED_SETS};

/// A cheaper neighbour of a headcount vector: saving, group lowered to a headcount, and a
/// group raised to a headcount.
type Neighbour = (f64, usize, u32, Option<(usize, u32)>);

impl Model<'_> {
    /// How far headcounts `n` fall short of what an allocation into them needs, roughly: for
    /// every team size, and for every distinct set of groups that some unit is limited to,
    /// the hours (and number) of the units confined there beyond the room (and `max_units`)
    /// of those groups with enough people, a group's room capped at `max_units` average
    /// units. A guide for building headcounts, not a proof of anything.
    pub(crate) fn shortfall(&self, n: &[u32], confined: &[Confined]) -> f64 {
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

    /// Headcount vectors built greedily from every group's least: each step raises the group
    /// (to any of its options) that closes most of the shortfall per unit of cost, ties to the
    /// group more units may go to. The first vector returned is the first without shortfall;
    /// each next one has one more step (slack for the packing). At most `count` vectors.
    pub(crate) fn cheapest_vectors(&self, price: &[f64], count: usize) -> Vec<Vec<u32>> {
        let confined = self.confined(CONFINED_SETS);
        let reach: Vec<usize> = self
            .groups
            .iter()
            .map(|g| self.facts.reach.get(g.office).map_or(0, Vec::len))
            .collect();
        let mut n: Vec<u32> = self
            .groups
            .iter()
            .map(|g| g.options.iter().copied().min().unwrap_or(0))
            .collect();
        let mut out = Vec::new();
        let mut short = self.shortfall(&n, &confined);
        let eval = self.shortfall_steps(&confined);
        // Shortfalls worked out since the effort was last counted.
        let mut calls = 0u64;
        let steps = self.groups.iter().map(|g| g.options.len()).sum::<usize>();
        for _ in 0..=steps {
            if short <= 0.0 {
                out.push(n.clone());
                break;
            }
            // A group's options can run into the hundreds of thousands (a unit of huge
            // hours), and so can the steps: the deadline ends the building unfinished.
            if self
                .deadline
                .spend(self.groups.len() as u64 + (calls + 1) * eval)
            {
                return Vec::new();
            }
            calls = 0;
            // (gain per cost, reach, cost, group, headcount)
            let mut best: Option<(f64, usize, f64, usize, u32)> = None;
            for (g, group) in self.groups.iter().enumerate() {
                for &k in group.options.iter().filter(|&&k| k > n[g]) {
                    // Counted every few hundred shortfalls, across groups: one pass over
                    // thousands of groups is itself long.
                    if calls >= 256 {
                        if self.deadline.spend(calls * eval) {
                            return Vec::new();
                        }
                        calls = 0;
                    }
                    let cost = f64::from(k - n[g]) * price[group.office];
                    if !(cost > 0.0 && cost.is_finite()) {
                        continue;
                    }
                    let mut next = n.clone();
                    next[g] = k;
                    calls += 1;
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
    pub(crate) fn trim(&self, n: &mut [u32], price: &[f64], confined: &[Confined]) {
        let groups = self.groups.len();
        let eval = self.shortfall_steps(confined);
        // Shortfalls worked out since the effort was last counted.
        let mut calls = 0u64;
        let mut rounds = 0;
        loop {
            rounds += 1;
            if rounds > 10 * groups + 10 || self.deadline.spend(groups as u64) {
                return;
            }
            let mut best: Option<Neighbour> = None;
            for a in 0..groups {
                let group = &self.groups[a];
                for &k in group.options.iter().filter(|&&k| k < n[a]) {
                    // Unfinished rounds leave `n` as it was: without shortfall.
                    if self.deadline.spend((calls + 1) * eval) {
                        return;
                    }
                    calls = 0;
                    let saving = f64::from(n[a] - k) * price[group.office];
                    if best.as_ref().is_some_and(|b| b.0 >= saving) {
                        continue;
                    }
                    let mut next = n.to_vec();
                    next[a] = k;
                    calls += 1;
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
                            if calls >= 256 {
                                if self.deadline.spend(calls * eval) {
                                    return;
                                }
                                calls = 0;
                            }
                            let mut both = next.clone();
                            both[b] = m;
                            calls += 1;
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
}
