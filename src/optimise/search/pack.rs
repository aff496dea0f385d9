//! The packing search: branch and bound over units into groups with fixed headcounts, for any
//! allocation that fits, the lowest peak, or the fewest units moved.

use std::collections::{HashMap, HashSet};

use crate::optimise::model::headcounts::Model;

/// Most search nodes of one packing search.
const NODE_LIMIT: u64 = 3_000_000;
/// Most failed states remembered by one packing search.
const MEMO_LIMIT: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Any allocation that fits.
    Fit,
    /// The lowest peak utilisation.
    Peak,
    /// The fewest units moved from today's group, with the peak held.
    Moves,
}

/// Branch and bound over units, in the model's order, into groups with fixed headcounts.
pub(crate) struct Pack<'m, 'a> {
    pub(crate) model: &'m Model<'a>,
    pub(crate) mode: Mode,
    /// Most hours each group may carry.
    pub(crate) limit: Vec<f64>,
    /// Capacity hours (utilisation denominator).
    pub(crate) denominator: Vec<f64>,
    pub(crate) heads: Vec<u32>,
    pub(crate) load: Vec<f64>,
    pub(crate) count: Vec<u32>,
    pub(crate) coverage: Vec<Option<usize>>,
    /// Hours and number of the units not yet placed, by position and team level.
    pub(crate) rest: Vec<Vec<(f64, u32)>>,
    /// Lower bound on the peak of any allocation into these headcounts.
    pub(crate) static_bound: f64,
    pub(crate) best_peak: f64,
    pub(crate) best_moves: i64,
    pub(crate) best_coverage: Vec<Option<usize>>,
    pub(crate) nodes: u64,
    pub(crate) node_limit: u64,
    pub(crate) stopped: bool,
    /// Answers found so far (a subtree that adds none has failed).
    pub(crate) found: u64,
    /// States (position, groups as interchangeable loads) from which no better answer
    /// exists; the incumbent only tightens, so a failure stays a failure.
    pub(crate) failed: HashSet<Vec<u64>>,
    /// Moves mode: states (position, each group's units and load) from which no answer with
    /// fewer changes was found, with the fewest moves so far at which that was tried.
    pub(crate) failed_moves: HashMap<Vec<u64>, i64>,
    /// Unit → position of today's group.
    pub(crate) today: Vec<Option<usize>>,
    /// Group → (position in the order, hours, team) of the units it covers today, smallest
    /// first.
    pub(crate) home: Vec<Vec<(usize, f64, u32)>>,
}

impl<'m, 'a> Pack<'m, 'a> {
    pub(crate) fn new(model: &'m Model<'a>, n: &[u32], mode: Mode, peak: f64) -> Pack<'m, 'a> {
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
        let today: Vec<Option<usize>> = model
            .scenario
            .coverage()
            .iter()
            .map(|g| g.and_then(|g| model.slot.get(g).copied().flatten()))
            .collect();
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
    pub(crate) fn must_move(&self, i: usize) -> i64 {
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

    pub(crate) fn utilisation(&self, g: usize, load: f64) -> f64 {
        if load <= 0.0 {
            0.0
        } else if self.denominator[g] <= 0.0 {
            f64::INFINITY
        } else {
            load / self.denominator[g]
        }
    }

    /// Runs the search; true when an allocation was found (better than the incumbent given).
    pub(crate) fn run(&mut self) -> bool {
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
    pub(crate) fn done(&self) -> bool {
        self.stopped
            || match self.mode {
                Mode::Fit => !self.best_coverage.is_empty(),
                Mode::Peak => self.best_peak <= self.static_bound * (1.0 + 1e-12),
                Mode::Moves => self.best_moves == 0,
            }
    }

    pub(crate) fn branch(&mut self, i: usize, peak: f64, moves: i64) {
        self.nodes += 1;
        if self.nodes % 4096 == 0 && self.model.deadline.spend(4096) {
            self.stopped = true;
        }
        if self.nodes > self.node_limit {
            self.stopped = true;
        }
        if self.done() {
            return;
        }
        let Some(&u) = self.model.order.get(i) else {
            self.leaf(peak, moves);
            return;
        };
        if !self.room_holds_the_rest(i) {
            return;
        }
        let key = (self.mode != Mode::Moves).then(|| self.key(i));
        if key.as_ref().is_some_and(|k| self.failed.contains(k)) {
            return;
        }
        let moves_key = (self.mode == Mode::Moves).then(|| self.moves_key(i));
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
        for (g, util) in self.choices(u) {
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
            self.remember_failure(key, moves_key, moves);
        }
    }

    /// Every unit placed: keeps the allocation if it beats the incumbent.
    fn leaf(&mut self, peak: f64, moves: i64) {
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
    }

    /// Room left must hold the hours left: for every team size, the hours and number of the
    /// units from position `i` on that need it, in the groups with that many people.
    fn room_holds_the_rest(&self, i: usize) -> bool {
        let cap_of = |g: usize| -> f64 {
            match self.mode {
                Mode::Peak if self.best_peak.is_finite() => {
                    self.limit[g].min(self.best_peak * self.denominator[g])
                }
                _ => self.limit[g],
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
                    room += (cap_of(g) - self.load[g]).max(0.0);
                    slots +=
                        u64::from(self.model.groups[g].max_units.saturating_sub(self.count[g]));
                }
            }
            if hours > room * (1.0 + 1e-12) + 1e-9 || u64::from(units) > slots {
                return false;
            }
        }
        true
    }

    /// Groups alike in every rule are interchangeable, so a state is the position and the
    /// sorted (class, people, units, load) of the groups; loads to a micro-hour.
    fn key(&self, i: usize) -> Vec<u64> {
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
    }

    /// In moves mode groups are not interchangeable (units have a home): the position and
    /// each group's units and load.
    fn moves_key(&self, i: usize) -> Vec<u64> {
        let mut key = Vec::with_capacity(1 + 2 * self.load.len());
        key.push(i as u64);
        for g in 0..self.load.len() {
            key.push(u64::from(self.count[g]));
            key.push((self.load[g] * 1e6).round().max(0.0) as u64);
        }
        key
    }

    /// The groups unit `u` may go to now with the utilisation it would leave, best first
    /// (home first in moves mode); one of each set of alike groups in the same state.
    fn choices(&self, u: usize) -> Vec<(usize, f64)> {
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
        choices
    }

    /// No better answer below this state: remembered, since the incumbent only tightens.
    fn remember_failure(&mut self, key: Option<Vec<u64>>, moves_key: Option<Vec<u64>>, moves: i64) {
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Mode, Pack};
    use crate::optimise::budget::Budget;
    use crate::optimise::model::facts::Facts;
    use crate::optimise::model::headcounts::Model;
    use crate::optimise::testing::small;

    /// Units of 1,000, 600, 500 and 300 hours; one person carries H × 0.85 ≈ 1,358 hours.
    #[test]
    fn packing_finds_an_allocation_exactly_when_one_fits() {
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let model =
            Model::new(&facts, budget.deadline()).expect("inside the exact path's assumptions");
        let fits = |n: [u32; 3]| Pack::new(&model, &n, Mode::Fit, f64::INFINITY).run();
        // 1,000 + 300 and 600 + 500 each fit one person.
        assert!(fits([1, 1, 0]));
        assert!(fits([0, 0, 2]));
        // 2,400 hours do not fit one person.
        assert!(!fits([1, 0, 0]));
        assert!(!fits([0, 1, 0]));
    }

    #[test]
    fn packing_finds_the_lowest_peak_by_hand() {
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let model =
            Model::new(&facts, budget.deadline()).expect("inside the exact path's assumptions");
        let mut pack = Pack::new(&model, &[1, 1, 0], Mode::Peak, f64::INFINITY);
        assert!(pack.run());
        // Into one person each, the only splits that fit are {1,000, 300} and {600, 500}:
        // the peak is 1,300 h over one person's year.
        let peak = 1300.0 / facts.year_value;
        assert!((pack.best_peak - peak).abs() < 1e-12, "{}", pack.best_peak);
        let g = |u: usize| pack.best_coverage[u];
        assert_eq!(g(0), g(3), "1,000 h and 300 h share a group");
        assert_eq!(g(1), g(2), "600 h and 500 h share a group");
        assert_ne!(g(0), g(1));
        assert!(!pack.stopped);
    }
}
