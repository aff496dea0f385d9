//! The headcount model of a scenario whose offices can all meet the target: each dispatched
//! group with the headcounts it may have and its class of interchangeable groups, the
//! sections at their least headcounts, the units to place in search order, the sets of groups
//! that eligibility confines units to, and the quick necessary check that headcounts may fit
//! ([`Model::may_fit`]). The enumeration, the descent, the packing and the cost bound all
//! read the problem through it.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::analysis::TOLERANCE;
use crate::model::Scenario;
use crate::optimise::budget::Deadline;
use crate::optimise::model::facts::{Facts, Plan};

/// Most distinct candidate sets of units whose confinement the bound and the headcount
/// builder look at.
pub(crate) const CONFINED_SETS: usize = 500;

/// The rules of one group, as the packing sees them.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) office: usize,
    pub(crate) class: usize,
    pub(crate) base: f64,
    pub(crate) max_units: u32,
    /// Headcounts it may have (0: closed).
    pub(crate) options: Vec<u32>,
    pub(crate) cheapest: f64,
}

pub(crate) struct Model<'a> {
    pub(crate) scenario: &'a Scenario,
    pub(crate) facts: &'a Facts<'a>,
    pub(crate) groups: Vec<Group>,
    /// Office → position in `groups`.
    pub(crate) slot: Vec<Option<usize>>,
    /// Units to place, hardest first.
    pub(crate) order: Vec<usize>,
    /// Unit → group positions it may go to.
    pub(crate) candidates: Vec<Vec<usize>>,
    /// Headcount of each section (fixed or least).
    pub(crate) sections: Vec<(usize, u32)>,
    pub(crate) section_peak: f64,
    pub(crate) deadline: Deadline<'a>,
    /// Team sizes of the units to place, smallest first (0 always among them).
    pub(crate) teams: Vec<u32>,
    /// The sets of groups units are confined to, once [`Model::may_fit`] needs them.
    confined_sets: OnceCell<Vec<Confined>>,
}

impl<'a> Model<'a> {
    pub(crate) fn new(facts: &'a Facts<'a>, deadline: Deadline<'a>) -> Option<Model<'a>> {
        let scenario = facts.scenario;
        if scenario
            .staff_types
            .iter()
            .any(|t| !(t.cost > 0.0 && t.cost.is_finite()))
        {
            return None;
        }
        let mut sections = Vec::new();
        let mut section_peak: f64 = 0.0;
        let mut slot = vec![None; scenario.offices.len()];
        let mut groups: Vec<Group> = Vec::new();
        for (o, office) in scenario.offices.iter().enumerate() {
            if !office.is_group() {
                let n = section_headcount(facts, o)?;
                let base = facts.base_hours.get(o).copied().unwrap_or(0.0);
                section_peak = section_peak.max(facts.utilisation(o, base, n));
                sections.push((o, n));
                continue;
            }
            slot[o] = Some(groups.len());
            groups.push(group(facts, o)?);
        }
        classify(facts, &mut groups);
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
            confined_sets: OnceCell::new(),
        })
    }

    /// Hours `n` people at group `g` carry at the target.
    pub(crate) fn capacity(&self, g: usize, n: u32) -> f64 {
        if n == 0 {
            return 0.0;
        }
        let o = self.groups[g].office;
        let persons = self.facts.persons(o, n);
        persons * self.facts.year_value * self.facts.target / (1.0 - TOLERANCE)
    }

    /// Capacity hours at full utilisation (the denominator of utilisation).
    pub(crate) fn capacity_hours(&self, g: usize, n: u32) -> f64 {
        if n == 0 {
            return 0.0;
        }
        let o = self.groups[g].office;
        self.facts.persons(o, n) * self.facts.year_value
    }

    /// Quick necessary conditions: every group's own work within what its people carry,
    /// and, for every team size, within all groups and within each set of groups that
    /// eligibility confines some units to, room for the hours and the number of the units
    /// confined there whose work needs that team, in the set's groups with that many people.
    /// (A unit whose every candidate is closed or too small fails here at once, where the
    /// packing would first try every placement of the units before it.)
    pub(crate) fn may_fit(&self, n: &[u32]) -> bool {
        for (g, group) in self.groups.iter().enumerate() {
            if group.base > self.capacity(g, n[g]) {
                return false;
            }
        }
        self.confined_sets().iter().all(|set| {
            set.levels.iter().all(|&(t, hours, units)| {
                let mut room = 0.0;
                let mut slots = 0u64;
                for &g in &set.groups {
                    if n[g] > 0 && n[g] >= t {
                        room += self.capacity(g, n[g]) - self.groups[g].base;
                        slots += u64::from(self.groups[g].max_units);
                    }
                }
                hours <= room * (1.0 + 1e-12) + 1e-9 && slots >= u64::from(units)
            })
        })
    }

    /// The sets of groups [`Model::may_fit`] checks, worked out at its first call.
    pub(crate) fn confined_sets(&self) -> &[Confined] {
        self.confined_sets
            .get_or_init(|| self.confined(CONFINED_SETS))
    }

    /// Steps one [`Model::may_fit`] costs.
    pub(crate) fn fit_steps(&self) -> u64 {
        self.shortfall_steps(self.confined_sets())
    }

    /// Posts of each staff type held by fixed offices, and the quotas left for the rest.
    pub(crate) fn quota_left(&self) -> Vec<Option<f64>> {
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
    pub(crate) fn headcounts(&self, n: &[u32]) -> Vec<u32> {
        let mut heads = vec![0u32; self.scenario.offices.len()];
        for &(o, k) in &self.sections {
            heads[o] = k;
        }
        for (g, group) in self.groups.iter().enumerate() {
            heads[group.office] = n[g];
        }
        heads
    }

    /// People added or removed at each group, types aside: a lower bound on people changed.
    pub(crate) fn head_changes(&self, n: &[u32]) -> f64 {
        self.groups
            .iter()
            .zip(n)
            .map(|(g, &k)| f64::from(self.scenario.offices[g.office].headcount().abs_diff(k)))
            .sum()
    }

    /// How many classes of interchangeable groups there are.
    pub(crate) fn class_count(&self) -> usize {
        self.groups
            .iter()
            .map(|g| g.class)
            .max()
            .map_or(0, |c| c + 1)
    }

    pub(crate) fn plan(
        &self,
        n: &[u32],
        coverage: Vec<Option<usize>>,
        staff: Vec<Vec<u32>>,
    ) -> Plan {
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

/// The headcount of a section: today's if fixed, else the least for its load. `None` outside
/// the exact path's assumptions (an optional section, or one that cannot meet the target).
fn section_headcount(facts: &Facts, o: usize) -> Option<u32> {
    let office = &facts.scenario.offices[o];
    if office.optional && !office.fixed {
        return None;
    }
    let base = facts.base_hours.get(o).copied().unwrap_or(0.0);
    let n = if office.fixed {
        office.headcount()
    } else {
        let n = facts.least_headcount(o, base, facts.base_team_of(o));
        if office.max_staff.is_some_and(|m| n > m) || n >= facts.big_m {
            return None;
        }
        n
    };
    (facts.unmet(o, base, n) <= 0.0).then_some(n)
}

/// A dispatched group with the headcounts it may have: from the least for its own work to
/// the least for every unit it may take (and 0 for an optional group without work of its
/// own). `None` for a fixed group or one without such headcounts.
fn group(facts: &Facts, o: usize) -> Option<Group> {
    let scenario = facts.scenario;
    let office = &scenario.offices[o];
    if office.fixed {
        return None;
    }
    let base = facts.base_hours.get(o).copied().unwrap_or(0.0);
    let base_team = facts.base_team_of(o);
    let reachable = facts.reach.get(o).map_or(&[][..], Vec::as_slice);
    let reach: f64 = base
        + reachable
            .iter()
            .map(|&u| facts.unit_hours.get(u).copied().unwrap_or(0.0))
            .sum::<f64>();
    let top_team = reachable
        .iter()
        .map(|&u| facts.unit_team.get(u).copied().unwrap_or(0))
        .fold(base_team, u32::max);
    let lo = facts.least_headcount(o, base, base_team);
    let mut hi = facts.least_headcount(o, reach, top_team);
    if let Some(max) = office.max_staff {
        hi = hi.min(max);
    }
    // Its own work alone needs more than max_staff allows: the cap left it short.
    if lo > hi || hi >= facts.big_m || facts.unmet(o, base, lo) > 0.0 {
        return None;
    }
    let mut options: Vec<u32> = (lo..=hi).collect();
    if office.optional && base <= 0.0 && lo > 0 {
        options.insert(0, 0);
    }
    Some(Group {
        office: o,
        class: 0,
        base,
        max_units: office.max_units.unwrap_or(u32::MAX),
        options,
        cheapest: facts.cheapest_post.get(o).copied().unwrap_or(f64::INFINITY),
    })
}

/// Classes: groups alike in every rule and in the units they may take are interchangeable.
/// Keys are hashed, so that thousands of groups with thousands of units each are classed in
/// time linear in the (unit, group) pairs.
fn classify(facts: &Facts, groups: &mut [Group]) {
    let scenario = facts.scenario;
    let mut classes: HashMap<(String, &[usize]), usize> = HashMap::new();
    for g in groups {
        let office = &scenario.offices[g.office];
        let reach = facts.reach.get(g.office).map_or(&[][..], Vec::as_slice);
        let rules = format!(
            "{}|{}|{:?}|{:?}|{:?}|{}|{}|{}|{:?}|{:?}|{}",
            office.leaders,
            office.leader_case_share.to_bits(),
            office.min_staff,
            office.max_staff,
            office.allowed_staff,
            g.max_units,
            office.optional,
            g.base.to_bits(),
            // The options run from one headcount to another (and 0 where the group may
            // close): their ends and length say which.
            g.options.first(),
            g.options.last(),
            g.options.len(),
        );
        let next = classes.len();
        g.class = *classes.entry((rules, reach)).or_insert(next);
    }
}

/// Units confined to a set of groups: by team size, their hours and number.
pub(crate) struct Confined {
    pub(crate) groups: Vec<usize>,
    pub(crate) levels: Vec<(u32, f64, u32)>,
}

impl Model<'_> {
    /// Steps one [`Model::shortfall`] costs: its loops over the groups and the sets.
    pub(crate) fn shortfall_steps(&self, confined: &[Confined]) -> u64 {
        let sets: usize = confined
            .iter()
            .map(|c| c.groups.len() * c.levels.len())
            .sum();
        // A step is about a quarter of a microsecond of work; these loops are tight.
        ((self.groups.len() + sets) / 64 + 1) as u64
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
        // Units share few distinct candidate sets: each is checked against a set once, not
        // once for every unit (20,000 units against 500 sets took most of a second).
        let mut kinds: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut kind_sets: Vec<Vec<usize>> = Vec::new();
        let kind_of: Vec<usize> = self
            .order
            .iter()
            .map(|&u| {
                let mut set = self.candidates[u].clone();
                set.sort_unstable();
                *kinds.entry(set).or_insert_with_key(|set| {
                    kind_sets.push(set.clone());
                    kind_sets.len() - 1
                })
            })
            .collect();
        let mut member = vec![false; self.groups.len()];
        sets.into_iter()
            .map(|groups| {
                member.iter_mut().for_each(|m| *m = false);
                for &g in &groups {
                    member[g] = true;
                }
                let all = groups.len() == self.groups.len();
                let within: Vec<bool> = kind_sets
                    .iter()
                    .map(|set| all || set.iter().all(|&g| member[g]))
                    .collect();
                let levels = self
                    .teams
                    .iter()
                    .map(|&t| {
                        let inside =
                            self.order.iter().zip(&kind_of).filter(|&(&u, &kind)| {
                                self.facts.unit_team[u] >= t && within[kind]
                            });
                        let hours = inside.clone().map(|(&u, _)| self.facts.unit_hours[u]).sum();
                        (t, hours, inside.count() as u32)
                    })
                    .filter(|&(_, _, units)| units > 0)
                    .collect();
                Confined { groups, levels }
            })
            .collect()
    }
}
