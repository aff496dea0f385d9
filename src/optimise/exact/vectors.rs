//! Headcount vectors of the dispatched groups: every vector in order of a lower bound on its
//! cost (the enumeration), and vectors built greedily from a shortfall measure (the descent).

use std::collections::HashSet;

use super::model::Model;
use super::CONFINED_SETS;

/// Most headcount vectors tried before the exact path gives way to the general one.
const MAX_VECTORS: usize = 200_000;
/// Most headcounts held in the list of vectors (vectors × groups): 16 MB.
const MAX_VECTOR_ENTRIES: usize = 4_000_000;

/// A cheaper neighbour of a headcount vector: saving, group lowered to a headcount, and a
/// group raised to a headcount.
type Neighbour = (f64, usize, u32, Option<(usize, u32)>);

/// Units confined to a set of groups: by team size, their hours and number.
pub(crate) struct Confined {
    pub(crate) groups: Vec<usize>,
    pub(crate) levels: Vec<(u32, f64, u32)>,
}

impl Model<'_> {
    /// Every headcount vector (sorted within classes), cheapest lower bound first.
    pub(crate) fn vectors(&self) -> Option<Vec<(Vec<u32>, f64)>> {
        let classes = self
            .groups
            .iter()
            .map(|g| g.class)
            .max()
            .map_or(0, |c| c + 1);
        let mut class_of: Vec<Vec<usize>> = vec![Vec::new(); classes];
        for (g, group) in self.groups.iter().enumerate() {
            class_of[group.class].push(g);
        }
        // How many vectors there are, counted before any is listed: C(n + k − 1, k) sorted
        // headcounts of k interchangeable groups with n options each, multiplied over the
        // classes. Too many, and the enumeration gives way at once.
        let mut count = 1.0f64;
        for members in &class_of {
            let n = members.first().map_or(0, |&g| self.groups[g].options.len()) as f64;
            for i in 1..=members.len() {
                count *= (n - 1.0 + i as f64) / i as f64;
                if count > MAX_VECTORS as f64 {
                    return None;
                }
            }
        }
        if count * self.groups.len() as f64 > MAX_VECTOR_ENTRIES as f64 {
            return None;
        }
        let mut per_class: Vec<Vec<Vec<u32>>> = Vec::with_capacity(classes);
        let mut total = 1usize;
        for members in &class_of {
            let Some(&first) = members.first() else {
                continue;
            };
            let options = self.groups[first].options.clone();
            let mut combos = Vec::new();
            // Listing a class's headcounts takes about a step for every four listed: the
            // listing stops where the effort left could not pay for more.
            let affordable = usize::try_from(self.deadline.steps_left().saturating_mul(4))
                .unwrap_or(usize::MAX)
                .min(MAX_VECTOR_ENTRIES);
            let cap = Cap {
                vectors: MAX_VECTORS,
                entries: affordable,
            };
            multisets(&options, members.len(), &mut Vec::new(), &mut combos, cap);
            let listed = combos.len().saturating_mul(members.len());
            if self.deadline.spend(listed as u64 / 4 + 1) || cap.reached(&combos, members.len()) {
                return None;
            }
            total = total.saturating_mul(combos.len().max(1));
            if total > MAX_VECTORS || total.saturating_mul(self.groups.len()) > MAX_VECTOR_ENTRIES {
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
            // Building a vector and its bound: about a step per group.
            if self.deadline.spend(self.groups.len() as u64 + 1) {
                return None;
            }
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

    /// How far headcounts `n` fall short of what an allocation into them needs, roughly: for
    /// every team size, and for every distinct set of groups that some unit is limited to,
    /// the hours (and number) of the units confined there beyond the room (and `max_units`)
    /// of those groups with enough people, a group's room capped at `max_units` average
    /// units. A guide for building headcounts, not a proof of anything.
    /// Steps one [`Model::shortfall`] costs: its loops over the groups and the sets.
    pub(crate) fn shortfall_steps(&self, confined: &[Confined]) -> u64 {
        let sets: usize = confined
            .iter()
            .map(|c| c.groups.len() * c.levels.len())
            .sum();
        // A step is about a quarter of a microsecond of work; these loops are tight.
        ((self.groups.len() + sets) / 64 + 1) as u64
    }

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

    /// The distinct sets of groups units are confined to (all groups among them), each with
    /// the hours and number, by team size, of the units whose candidates lie within it.
    /// At most `limit` sets, the largest first; the rest are left out (the test is then
    /// weaker, never wrong).
    pub(crate) fn confined(&self, limit: usize) -> Vec<Confined> {
        let everyone: Vec<usize> = (0..self.groups.len()).collect();
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        seen.insert(everyone.clone());
        let mut sets: Vec<Vec<usize>> = vec![everyone];
        for &u in &self.order {
            if sets.len() >= limit {
                break;
            }
            let mut set = self.candidates[u].clone();
            set.sort_unstable();
            if seen.insert(set.clone()) {
                sets.push(set);
            }
        }
        let mut member = vec![false; self.groups.len()];
        sets.into_iter()
            .map(|groups| {
                member.iter_mut().for_each(|m| *m = false);
                for &g in &groups {
                    member[g] = true;
                }
                let all = groups.len() == self.groups.len();
                let member = &member;
                let levels = self
                    .teams
                    .iter()
                    .map(|&t| {
                        let inside = self.order.iter().filter(|&&u| {
                            self.facts.unit_team[u] >= t
                                && (all || self.candidates[u].iter().all(|&g| member[g]))
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

/// How many sequences [`multisets`] may list: vectors, and values in all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cap {
    pub(crate) vectors: usize,
    pub(crate) entries: usize,
}

impl Cap {
    /// Has the listing `out` of sequences of length `k` passed the cap?
    pub(crate) fn reached(&self, out: &[Vec<u32>], k: usize) -> bool {
        out.len() > self.vectors || out.len().saturating_mul(k) > self.entries
    }
}

/// Every non-increasing sequence of `k` values from `options`, until the cap is passed.
pub(crate) fn multisets(
    options: &[u32],
    k: usize,
    prefix: &mut Vec<u32>,
    out: &mut Vec<Vec<u32>>,
    cap: Cap,
) {
    if prefix.len() == k {
        out.push(prefix.clone());
        return;
    }
    for (i, &v) in options.iter().enumerate().rev() {
        if prefix.last().is_some_and(|&last| v > last) {
            continue;
        }
        prefix.push(v);
        multisets(&options[..=i], k, prefix, out, cap);
        prefix.pop();
        if cap.reached(out, k) {
            return;
        }
    }
}
