//! SPEC §13's stability with team rules in the programme, its second goal: an office's load
//! against what its whole teams serve. The rule is the analysis's
//! ([`crate::analysis::whole_team_persons`]), written as rows.
//!
//! A section's rule is fixed by its own work. A dispatched group's is the smallest team of
//! its own work and of the units it covers; where those all need the same team the rule is
//! that team whatever the allocation, and where they differ the programme with the
//! allocation free chooses it with the units: a binary per candidate team `t` says whether
//! the group covers a unit needing `t` or fewer (its own work counts as covered), the
//! smallest such `t` is the rule, and the rows of every other team are lifted out of the way
//! by the most hours the group could carry.

use crate::model::Scenario;
use crate::optimise::model::facts::{Facts, Plan};
use crate::optimise::model::goals;
use crate::optimise::model::program::{lp_name, Allocation, Lin, Program, Sense};

/// One office's stability in the programme: its unstable hours variable, the left-hand
/// sides of its rows without it (`unstable ≥` each), its whole teams variable per team that
/// may be its rule, and (free allocation, a group whose units need different teams) the
/// binary per team saying whether it covers work needing that team or fewer.
#[derive(Debug, Clone)]
pub struct Stability {
    pub unstable: usize,
    pub rows: Vec<Lin>,
    pub teams: Vec<(usize, u32)>,
    pub levels: Vec<(usize, u32)>,
}

impl Stability {
    /// The warm-start values of a plan: as many whole teams as its people make, each level
    /// as its coverage sets it, and the unstable hours its rows then give.
    pub(super) fn warm(&self, facts: &Facts, o: usize, plan: &Plan, values: &mut [f64]) {
        let scenario = facts.scenario;
        let n: u32 = plan.staff.get(o).map_or(0, |s| s.iter().sum());
        let office = &scenario.offices[o];
        let leaders = office.leaders.min(n);
        let people = if office.leader_case_share > 0.0 {
            n
        } else {
            n - leaders
        };
        for &(k, team) in &self.teams {
            values[k] = f64::from(people / team.max(1));
        }
        let rule = facts.whole_team(o, &plan.coverage);
        for &(a, team) in &self.levels {
            values[a] = if rule > 0 && rule <= team { 1.0 } else { 0.0 };
        }
        let worst = self
            .rows
            .iter()
            .map(|row| row.eval(values))
            .fold(0.0, f64::max);
        values[self.unstable] = worst;
    }
}

impl Program {
    /// SPEC §13 with team rules, the second goal: `unstable ≥ load + margin − H × W`, where
    /// `W`, what whole teams serve in person-equivalents, is `persons` without a team rule;
    /// with a team `t`, `teams` whole teams (`t × teams ≤` the people with casework hours)
    /// and `W = min(t × teams, persons − s × headcount + s × t × teams)` (leaders, at a
    /// share `s`, are the ones left over first), as [`crate::analysis::whole_team_persons`]
    /// counts.
    pub(super) fn add_stability(&mut self, scenario: &Scenario, facts: &Facts) {
        for (o, office) in scenario.offices.iter().enumerate() {
            let id = lp_name(&office.id);
            let v = self.add_var(format!("unstable_{id}"), 0.0, f64::INFINITY, false);
            let mut load = self.load[o].clone();
            // The margin only where the office surely has work (none is stable).
            if load.constant > 0.0 {
                load.constant += goals::STABLE_MARGIN;
            }
            let mut stability = Stability {
                unstable: v,
                rows: Vec::new(),
                teams: Vec::new(),
                levels: Vec::new(),
            };
            let rules = match &self.allocation {
                Allocation::Fixed(coverage) => vec![(None, facts.whole_team(o, coverage))],
                _ => self.rule_levels(facts, o, &mut stability),
            };
            // The most the rows of a team that is not the rule may be lifted by.
            let most = load.constant.max(0.0)
                + load.terms.iter().map(|t| t.1.max(0.0)).sum::<f64>()
                + goals::STABLE_MARGIN;
            for (j, (chosen, team)) in rules.into_iter().enumerate() {
                for mut row in self.rows_of_team(facts, o, &load, team, j, &mut stability) {
                    if let Some(chosen) = &chosen {
                        // Out of the way unless this team is the rule: − most × (1 − chosen).
                        row.add_lin(chosen, most);
                        row.constant -= most;
                    }
                    stability.rows.push(row);
                }
            }
            for (i, row) in stability.rows.iter().enumerate() {
                let mut row = row.clone();
                row.add(v, -1.0);
                self.add_row(format!("stable_{id}_{i}"), row, Sense::Le);
            }
            self.unstable.push(stability);
        }
    }

    /// The teams that may be office `o`'s rule, each with the expression that is 1 where it
    /// is (`None`: always). One team where the allocation cannot change it; for a group whose
    /// own work and units need different teams, a binary `a_t` per team `t`: at least each
    /// `cover` of a unit needing `t` or fewer, at most their sum (1 where its own work does),
    /// and team `t` the rule where `a_t − a_(t before) = 1`.
    fn rule_levels(
        &mut self,
        facts: &Facts,
        o: usize,
        stability: &mut Stability,
    ) -> Vec<(Option<Lin>, u32)> {
        let own = facts.own_whole_team(o);
        let covers: Vec<(usize, u32)> = self
            .assign
            .iter()
            .enumerate()
            .flat_map(|(u, c)| c.iter().map(move |&(g, x)| (u, g, x)))
            .filter(|&(_, g, _)| g == o)
            .map(|(u, _, x)| (x, facts.unit_whole.get(u).copied().unwrap_or(0)))
            .filter(|&(_, t)| t > 0)
            .collect();
        let mut teams: Vec<u32> = own.into_iter().chain(covers.iter().map(|c| c.1)).collect();
        teams.sort_unstable();
        teams.dedup();
        if teams.len() <= 1 {
            return vec![(None, teams.first().copied().unwrap_or(0))];
        }
        let id = lp_name(&facts.scenario.offices[o].id);
        let mut rules = Vec::new();
        let mut before = Lin::default();
        for &team in &teams {
            let level = if own.is_some_and(|t| t <= team) {
                Lin::constant(1.0)
            } else {
                let a = self.add_var(format!("team_rule_{id}_{team}"), 0.0, 1.0, true);
                stability.levels.push((a, team));
                let mut most = Lin::default();
                most.add(a, -1.0);
                let mut some = Lin::default();
                some.add(a, -(covers.len() as f64));
                for &(x, _) in covers.iter().filter(|c| c.1 <= team) {
                    most.add(x, 1.0);
                    some.add(x, 1.0);
                }
                self.add_row(format!("team_rule_{id}_{team}_some"), some, Sense::Le);
                self.add_row(format!("team_rule_{id}_{team}_only"), most, Sense::Ge);
                Lin {
                    terms: vec![(a, 1.0)],
                    constant: 0.0,
                }
            };
            let mut chosen = level.clone();
            chosen.add_lin(&before, -1.0);
            rules.push((Some(chosen), team));
            before = level;
        }
        rules
    }

    /// The rows `unstable ≥` each of office `o` under whole teams of `team` (the `j`-th
    /// that may be its rule), without the unstable hours.
    fn rows_of_team(
        &mut self,
        facts: &Facts,
        o: usize,
        load: &Lin,
        team: u32,
        j: usize,
        stability: &mut Stability,
    ) -> Vec<Lin> {
        let office = &facts.scenario.offices[o];
        let year = self.year_value;
        if team <= 1 {
            let mut row = load.clone();
            row.add_lin(&self.persons[o].clone(), -year);
            return vec![row];
        }
        let id = lp_name(&office.id);
        let t = f64::from(team);
        let hi = (f64::from(office.max_staff.unwrap_or(facts.big_m)) / t).floor();
        let name = if j == 0 {
            format!("teams_{id}")
        } else {
            format!("teams_{id}_{team}")
        };
        let k = self.add_var(name.clone(), 0.0, hi, true);
        stability.teams.push((k, team));
        let share = office.leader_case_share;
        // People with casework hours: leaders too, unless their share is nothing.
        let mut people = self.headcount(o);
        if share <= 0.0 && office.leaders > 0 {
            people.add_lin(&self.open_lin(facts, o), -f64::from(office.leaders));
        }
        let mut whole = Lin::constant(0.0);
        whole.add(k, t);
        whole.add_lin(&people, -1.0);
        self.add_row(format!("whole_{name}"), whole, Sense::Le);
        let mut row = load.clone();
        row.add(k, -year * t);
        let mut rows = vec![row];
        if office.leaders > 0 && share > 0.0 && share < 1.0 {
            // persons − s × headcount, written out so that no variable is named twice in a
            // row: (1 − s) × headcount − leader loss × open.
            let loss = facts.leader_loss.get(o).copied().unwrap_or(0.0);
            let mut row = load.clone();
            row.add_lin(&self.headcount(o), -year * (1.0 - share));
            row.add_lin(&self.open_lin(facts, o), year * loss);
            row.add(k, -year * share * t);
            rows.push(row);
        }
        rows
    }
}
