//! A constructive allocation with local search: the warm start of the MIP and the answer for
//! scenarios too large for it.
//!
//! Headcount is not decided here: each group is scored at the least headcount that keeps it
//! at the target (the analysis's `least_headcount`), costed at its cheapest allowed staff
//! type. Quotas and budget are left to the exact staffing step that follows, which is a tiny
//! programme once the allocation is known. Units go, most constrained and largest first, to
//! the group where they add least; then single moves, pairwise swaps and closing optional
//! groups are tried while any of them improves the goals in order.

use std::cmp::Ordering;

use crate::model::Scenario;
use crate::optimise::budget::Deadline;
use crate::optimise::model::clash;
use crate::optimise::model::facts::Facts;
use crate::optimise::model::goals::{self, Score};

/// A group's figures at the least headcount for its load.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GroupValue {
    unmet: f64,
    cost: f64,
    utilisation: f64,
    /// Hours the office may still take at the target with the people of this value.
    room: f64,
}

/// (Unit, group) pairs the construction weighs in a step of effort: a pair is a headcount
/// worked out twice, measured at some 80 ns (32 million pairs of synthetic 20,000 × 1,990 in
/// 2.5 s, release, a busy two-core machine), a quarter of a step's third of a microsecond.
const PAIRS_PER_STEP: u64 = 4;

/// Where the units are: the allocation and open groups with, per office, the load, the
/// number of units and the units of each team size. The heuristic's search and the shedding
/// of posts ([`super::improve`]) both move units through this one state.
#[derive(Debug, Clone)]
pub(super) struct Loads {
    pub coverage: Vec<Option<usize>>,
    pub open: Vec<bool>,
    pub load: Vec<f64>,
    pub count: Vec<u32>,
    /// `[office][team]`: units of that team size covered.
    pub teams: Vec<Vec<u32>>,
}

impl Loads {
    /// Nothing placed: every office at its allocation-independent load.
    pub fn empty(scenario: &Scenario, facts: &Facts, open: Vec<bool>) -> Loads {
        let offices = scenario.offices.len();
        let max_team = scenario.works.iter().map(|w| w.team).max().unwrap_or(0) as usize;
        Loads {
            coverage: vec![None; scenario.units.len()],
            open,
            load: facts.base_hours.clone(),
            count: vec![0; offices],
            teams: vec![vec![0; max_team + 1]; offices],
        }
    }

    /// The units placed as `coverage` says.
    pub fn of(
        scenario: &Scenario,
        facts: &Facts,
        coverage: &[Option<usize>],
        open: &[bool],
    ) -> Loads {
        let mut loads = Loads::empty(scenario, facts, open.to_vec());
        for (u, g) in coverage.iter().enumerate() {
            if let Some(g) = g {
                loads.place(facts, u, *g);
            }
        }
        loads
    }

    pub fn place(&mut self, facts: &Facts, u: usize, g: usize) {
        self.coverage[u] = Some(g);
        self.load[g] += facts.unit_hours[u];
        if let Some(c) = self.teams[g].get_mut(facts.unit_team[u] as usize) {
            *c += 1;
        }
        self.count[g] += 1;
    }

    /// Takes unit `u` out of its group; returns the group.
    pub fn take(&mut self, facts: &Facts, u: usize) -> Option<usize> {
        let g = self.coverage[u].take()?;
        self.load[g] -= facts.unit_hours[u];
        if let Some(c) = self.teams[g].get_mut(facts.unit_team[u] as usize) {
            *c = c.saturating_sub(1);
        }
        self.count[g] = self.count[g].saturating_sub(1);
        Some(g)
    }

    /// The team floor of office `o`: its own work's team (where it has hours) and the largest
    /// team of the units it covers.
    pub fn team(&self, facts: &Facts, o: usize) -> u32 {
        let covered = self
            .teams
            .get(o)
            .and_then(|t| t.iter().rposition(|&c| c > 0))
            .unwrap_or(0) as u32;
        facts.base_team_of(o).max(covered)
    }
}

struct Search<'a> {
    scenario: &'a Scenario,
    facts: &'a Facts<'a>,
    /// Cheapest cost of one person at each office.
    unit_cost: Vec<f64>,
    at: Loads,
    today: Vec<Option<usize>>,
    /// Each group's value at its current load, kept up to date by `place` and `remove`.
    cache: Vec<GroupValue>,
    /// Highest utilisation among offices that are not dispatched groups (constant).
    section_peak: f64,
    section_unmet: f64,
    section_cost: f64,
    /// The three groups of highest utilisation and theirs, so that the peak without the
    /// two groups a move touches takes no pass over every group; valid while `ranked`.
    top: Vec<(usize, f64)>,
    ranked: bool,
    /// Steps of work done outside the counted loops (ranking), for the next count.
    work: u64,
}

impl<'a> Search<'a> {
    fn new(facts: &'a Facts) -> Search<'a> {
        let scenario = facts.scenario;
        let offices = scenario.offices.len();
        let unit_cost = facts.cheapest_post.clone();
        let mut search = Search {
            scenario,
            facts,
            unit_cost,
            at: Loads::empty(scenario, facts, facts.open_today.clone()),
            today: scenario.coverage(),
            cache: Vec::new(),
            section_peak: 0.0,
            section_unmet: 0.0,
            section_cost: 0.0,
            top: Vec::with_capacity(3),
            ranked: false,
            work: 0,
        };
        search.cache = (0..offices)
            .map(|o| search.office_value(o, search.at.load[o], search.team_of(o)))
            .collect();
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.is_group() {
                if office.optional && !office.fixed {
                    search.at.open[o] = true;
                }
                continue;
            }
            let v = search.office_value(o, facts.base_hours[o], facts.base_team_of(o));
            search.section_peak = search.section_peak.max(v.utilisation);
            search.section_unmet += v.unmet;
            search.section_cost += v.cost;
        }
        for g in 0..offices {
            search.refresh(g);
        }
        search
    }

    /// An office's figures at the least headcount for `load` (today's staff if fixed).
    fn office_value(&self, o: usize, load: f64, team: u32) -> GroupValue {
        let Some(office) = self.scenario.offices.get(o) else {
            return GroupValue {
                unmet: 0.0,
                cost: 0.0,
                utilisation: 0.0,
                room: 0.0,
            };
        };
        let facts = self.facts;
        if office.fixed {
            let n = office.headcount();
            return GroupValue {
                unmet: facts.unmet(o, load, n),
                cost: self.scenario.cost(&office.staff),
                utilisation: facts.utilisation(o, load, n),
                room: self.room(o, load, n),
            };
        }
        if !self.at.open.get(o).copied().unwrap_or(true) {
            return GroupValue {
                unmet: load.max(0.0),
                cost: 0.0,
                utilisation: if load > 0.0 { f64::INFINITY } else { 0.0 },
                room: 0.0,
            };
        }
        let n = facts.least_headcount(o, load, team);
        GroupValue {
            unmet: facts.unmet(o, load, n),
            cost: f64::from(n) * self.unit_cost.get(o).copied().unwrap_or(0.0),
            utilisation: facts.utilisation(o, load, n),
            room: self.room(o, load, n),
        }
    }

    /// Hours office `o` with `load` hours may still take at the target with `n` people.
    fn room(&self, o: usize, load: f64, n: u32) -> f64 {
        let facts = self.facts;
        facts.year_value * facts.target * facts.persons(o, n) - load
    }

    fn team_of(&self, o: usize) -> u32 {
        self.at.team(self.facts, o)
    }

    fn group_value(&self, g: usize) -> GroupValue {
        self.cache[g]
    }

    fn refresh(&mut self, g: usize) {
        let v = self.office_value(g, self.at.load[g], self.team_of(g));
        if let Some(slot) = self.cache.get_mut(g) {
            *slot = v;
        }
    }

    fn place(&mut self, u: usize, g: usize) {
        self.at.place(self.facts, u, g);
        self.refresh(g);
        self.ranked = false;
    }

    fn remove(&mut self, u: usize) {
        if let Some(g) = self.at.take(self.facts, u) {
            self.refresh(g);
            self.ranked = false;
        }
    }

    /// Finds the three groups of highest utilisation again, if anything moved since.
    fn rank(&mut self) {
        if self.ranked {
            return;
        }
        self.top.clear();
        for &g in &self.facts.groups {
            let u = self.cache[g].utilisation;
            let at = self.top.iter().position(|&(_, v)| u > v);
            match at {
                Some(i) => {
                    self.top.insert(i, (g, u));
                    self.top.truncate(3);
                }
                None if self.top.len() < 3 => self.top.push((g, u)),
                None => {}
            }
        }
        self.ranked = true;
        self.work += self.facts.groups.len() as u64 / 4 + 1;
    }

    /// Steps of uncounted work since the last call.
    fn take_work(&mut self) -> u64 {
        std::mem::take(&mut self.work)
    }

    fn has_room(&self, g: usize) -> bool {
        self.at.open[g]
            && self.scenario.offices[g]
                .max_units
                .is_none_or(|m| self.at.count[g] < m)
    }

    fn value(&self) -> Score {
        // Its headcounts keep the sure whole-team rule already (`least_headcount`); the
        // staffing programme that follows weighs stability under the allocation found.
        let mut value = Score {
            unmet_hours: self.section_unmet,
            unstable_hours: 0.0,
            cost: self.section_cost,
            peak: self.section_peak,
            changes: 0.0,
        };
        for &g in &self.facts.groups {
            let v = self.group_value(g);
            value.unmet_hours += v.unmet;
            value.cost += v.cost;
            value.peak = value.peak.max(v.utilisation);
        }
        value.changes = self
            .at
            .coverage
            .iter()
            .zip(&self.today)
            .filter(|(a, b)| b.is_some() && a != b)
            .count() as f64;
        value
    }

    /// The value after moving unit `u` to group `to`, computed from the two groups touched.
    fn value_if_moved(&mut self, u: usize, to: usize, current: &Score) -> Score {
        let Some(from) = self.at.coverage[u] else {
            return *current;
        };
        self.rank();
        let before_from = self.group_value(from);
        let before_to = self.group_value(to);
        self.remove(u);
        self.place(u, to);
        let after_from = self.group_value(from);
        let after_to = self.group_value(to);
        let peak = self
            .peak_without(from, to)
            .max(after_from.utilisation)
            .max(after_to.utilisation);
        self.remove(u);
        self.place(u, from);
        // Back as it was: the ranking holds again.
        self.ranked = true;
        let was_home = self.today[u] == Some(from);
        let goes_home = self.today[u] == Some(to);
        Score {
            unmet_hours: current.unmet_hours - before_from.unmet - before_to.unmet
                + after_from.unmet
                + after_to.unmet,
            unstable_hours: 0.0,
            cost: current.cost - before_from.cost - before_to.cost
                + after_from.cost
                + after_to.cost,
            peak,
            changes: current.changes + f64::from(u8::from(was_home))
                - f64::from(u8::from(goes_home)),
        }
    }

    /// The peak of every office but groups `a` and `b`, from the ranking made before they
    /// changed (the other groups are as they were).
    fn peak_without(&self, a: usize, b: usize) -> f64 {
        self.top
            .iter()
            .find(|&&(g, _)| g != a && g != b)
            .map_or(self.section_peak, |&(_, u)| u.max(self.section_peak))
    }

    /// Greedy construction: most constrained, then largest units first. Each
    /// [`PAIRS_PER_STEP`] (unit, group) pairs tried are a step; once the deadline passes, the units left go the cheap way
    /// ([`Search::place_plainly`]), so that the construction ends within the limit however
    /// many pairs there are (20,000 units × 1,990 groups are 32 million pairs, seconds).
    fn construct(&mut self, deadline: Deadline) -> bool {
        let mut order: Vec<usize> = (0..self.scenario.units.len())
            .filter(|&u| self.facts.placed.get(u).copied().unwrap_or(true))
            .collect();
        order.sort_by(|&a, &b| {
            self.facts.candidates[a]
                .len()
                .cmp(&self.facts.candidates[b].len())
                .then(self.facts.unit_hours[b].total_cmp(&self.facts.unit_hours[a]))
                .then(a.cmp(&b))
        });
        let mut hurried = false;
        for u in order {
            let pairs = self.facts.candidates[u].len() as u64;
            hurried = hurried || deadline.spend(pairs.div_ceil(PAIRS_PER_STEP));
            if hurried {
                if !self.place_plainly(u) {
                    return false;
                }
                continue;
            }
            let mut best: Option<(usize, (f64, f64, f64, bool))> = None;
            for &g in &self.facts.candidates[u] {
                if !self.has_room(g) {
                    continue;
                }
                let before = self.group_value(g);
                self.place(u, g);
                let after = self.group_value(g);
                self.remove(u);
                // Least added cost; then the group left with most slack; then today's group.
                let key = (
                    after.unmet - before.unmet,
                    after.cost - before.cost,
                    after.utilisation,
                    self.today[u] != Some(g),
                );
                let better = match &best {
                    None => true,
                    Some((_, k)) => key_less(&key, k),
                };
                if better {
                    best = Some((g, key));
                }
            }
            match best {
                Some((g, _)) => self.place(u, g),
                None => return false,
            }
        }
        true
    }

    /// Places unit `u` without working out a headcount for each of its groups: in the group
    /// whose people at the target have the least room left that still takes its hours (so
    /// that it costs nothing and leaves the large rooms for large units), else in the group
    /// with the most room. A pass over the unit's groups; false when none may take a unit.
    fn place_plainly(&mut self, u: usize) -> bool {
        let hours = self.facts.unit_hours[u];
        // Fitting rooms first (smallest first), then the rest by the most room.
        let key = |room: f64| {
            if room >= hours {
                (0, room)
            } else {
                (1, -room)
            }
        };
        let best = self.facts.candidates[u]
            .iter()
            .copied()
            .filter(|&g| self.has_room(g))
            .min_by(|&a, &b| {
                let (ka, ra) = key(self.cache[a].room);
                let (kb, rb) = key(self.cache[b].room);
                ka.cmp(&kb).then(ra.total_cmp(&rb)).then(a.cmp(&b))
            });
        match best {
            Some(g) => {
                self.place(u, g);
                true
            }
            None => false,
        }
    }

    /// Single moves and swaps while they improve; stops at the deadline.
    fn improve(&mut self, deadline: Deadline) {
        let mut current = self.value();
        loop {
            let mut improved = self.moves(&mut current, deadline);
            let ranking = self.take_work();
            if deadline.spend(ranking + 1) {
                break;
            }
            improved |= self.swaps(&mut current, deadline);
            if !improved || deadline.passed() {
                break;
            }
        }
    }

    /// Moves each unit to the group where the goals gain most, if any; true if one moved.
    fn moves(&mut self, current: &mut Score, deadline: Deadline) -> bool {
        let mut improved = false;
        for u in 0..self.scenario.units.len() {
            // Each (unit, group) pair tried is a step.
            if deadline.spend(self.facts.candidates[u].len() as u64) {
                break;
            }
            let Some(from) = self.at.coverage[u] else {
                continue;
            };
            let mut best: Option<(usize, Score)> = None;
            for i in 0..self.facts.candidates[u].len() {
                let g = self.facts.candidates[u][i];
                if g == from || !self.has_room(g) {
                    continue;
                }
                let v = self.value_if_moved(u, g, current);
                if v.better_than(best.as_ref().map_or(current, |b| &b.1)) {
                    best = Some((g, v));
                }
            }
            if let Some((g, v)) = best {
                self.remove(u);
                self.place(u, g);
                *current = v;
                improved = true;
            }
        }
        improved
    }

    /// Swaps the groups of two units wherever that improves the goals; true if any did.
    fn swaps(&mut self, current: &mut Score, deadline: Deadline) -> bool {
        let units = self.scenario.units.len();
        let mut improved = false;
        for u in 0..units {
            let ranking = self.take_work();
            if deadline.spend((units - u) as u64 + ranking) {
                break;
            }
            for w in (u + 1)..units {
                improved |= self.try_swap(u, w, current);
            }
        }
        improved
    }

    /// Swaps the groups of units `u` and `w` if both may go to the other's group and the
    /// goals improve; true if kept.
    fn try_swap(&mut self, u: usize, w: usize, current: &mut Score) -> bool {
        let (Some(gu), Some(gw)) = (self.at.coverage[u], self.at.coverage[w]) else {
            return false;
        };
        if gu == gw || !self.facts.eligible(u, gw) || !self.facts.eligible(w, gu) {
            return false;
        }
        self.rank();
        let before_u = self.group_value(gu);
        let before_w = self.group_value(gw);
        self.remove(u);
        self.remove(w);
        self.place(u, gw);
        self.place(w, gu);
        let after_u = self.group_value(gu);
        let after_w = self.group_value(gw);
        let home = |x: usize, g: usize| f64::from(u8::from(self.today[x] == Some(g)));
        let v = Score {
            unmet_hours: current.unmet_hours - before_u.unmet - before_w.unmet
                + after_u.unmet
                + after_w.unmet,
            unstable_hours: 0.0,
            cost: current.cost - before_u.cost - before_w.cost + after_u.cost + after_w.cost,
            peak: self
                .peak_without(gu, gw)
                .max(after_u.utilisation)
                .max(after_w.utilisation),
            changes: current.changes + home(u, gu) + home(w, gw) - home(u, gw) - home(w, gu),
        };
        if v.better_than(current) {
            *current = v;
            return true;
        }
        self.remove(u);
        self.remove(w);
        self.place(u, gu);
        self.place(w, gw);
        self.ranked = true;
        false
    }

    /// Tries closing each optional group (its units go to the best other groups); keeps a
    /// closure when the goals improve.
    fn close_groups(&mut self, deadline: Deadline) {
        let optional: Vec<usize> = self
            .facts
            .groups
            .iter()
            .copied()
            .filter(|&g| {
                let office = &self.scenario.offices[g];
                office.optional && !office.fixed && !self.facts.keeps(g)
            })
            .collect();
        for g in optional {
            // Emptying the group and placing its units: a pass over the units and their
            // groups.
            let work = self.at.coverage.len() + self.facts.groups.len() + 1;
            let ranking = self.take_work();
            if deadline.spend(work as u64 + ranking) || !self.at.open[g] {
                continue;
            }
            let saved = (self.at.coverage.clone(), self.at.open.clone());
            let current = self.value();
            let moved: Vec<usize> = (0..self.at.coverage.len())
                .filter(|&u| self.at.coverage[u] == Some(g))
                .collect();
            for &u in &moved {
                self.remove(u);
            }
            self.at.open[g] = false;
            self.refresh(g);
            let mut ok = true;
            for &u in &moved {
                self.work += self.facts.candidates[u].len() as u64;
                let mut best: Option<(usize, f64)> = None;
                for i in 0..self.facts.candidates[u].len() {
                    let h = self.facts.candidates[u][i];
                    if !self.has_room(h) {
                        continue;
                    }
                    // Only group h changes: its change is the change of the whole.
                    let before = self.group_value(h);
                    self.place(u, h);
                    let after = self.group_value(h);
                    self.remove(u);
                    let key = (after.unmet - before.unmet) * 1e12 + (after.cost - before.cost);
                    if best.is_none_or(|b| key < b.1) {
                        best = Some((h, key));
                    }
                }
                match best {
                    Some((h, _)) => self.place(u, h),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                self.improve(deadline);
            }
            if !ok || !self.value().better_than(&current) {
                self.restore(saved.0, saved.1);
            }
        }
    }

    fn restore(&mut self, coverage: Vec<Option<usize>>, open: Vec<bool>) {
        for u in 0..self.at.coverage.len() {
            self.remove(u);
        }
        self.at.open = open;
        for g in 0..self.cache.len() {
            self.refresh(g);
        }
        for (u, g) in coverage.iter().enumerate() {
            if let Some(g) = g {
                self.place(u, *g);
            }
        }
    }
}

fn key_less(a: &(f64, f64, f64, bool), b: &(f64, f64, f64, bool)) -> bool {
    match goals::compare(&[a.0, a.1, a.2], &[b.0, b.1, b.2]) {
        Ordering::Equal => !a.3 && b.3,
        order => order == Ordering::Less,
    }
}

/// A feasible allocation (unit → group) and the open groups, found by construction and local
/// search; `None` when no allocation keeps eligibility and max_units.
pub fn allocate(facts: &Facts, deadline: Deadline) -> Option<(Vec<Option<usize>>, Vec<bool>)> {
    let scenario = facts.scenario;
    let mut search = Search::new(facts);
    if !search.construct(deadline) {
        // The greedy order ran out of room; a matching finds a feasible start.
        let matching = clash::matching(facts, &search.at.open)?;
        search.restore(matching, search.at.open.clone());
    }
    search.improve(deadline);
    search.close_groups(deadline);
    // Optional groups left without units and without work of their own stay closed.
    for &g in &facts.groups {
        let office = &scenario.offices[g];
        if office.optional
            && !office.fixed
            && search.at.count[g] == 0
            && facts.base_hours.get(g).is_some_and(|&h| h <= 0.0)
        {
            search.at.open[g] = false;
        }
    }
    Some((search.at.coverage, search.at.open))
}
