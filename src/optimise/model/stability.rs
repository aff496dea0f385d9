//! SPEC §13's stability with team rules in the programme, its second goal: an office's load
//! against what its whole teams serve. The rule is the analysis's
//! ([`crate::analysis::whole_team_persons`]), written as rows.

use crate::model::Scenario;
use crate::optimise::model::facts::Facts;
use crate::optimise::model::goals;
use crate::optimise::model::program::{lp_name, Allocation, Lin, Program, Sense};

/// One office's stability in the programme: its unstable hours variable, the left-hand
/// sides of its rows without it (`unstable ≥` each), and its whole teams variable with the
/// team where every work type there needs two or more.
#[derive(Debug, Clone)]
pub struct Stability {
    pub unstable: usize,
    pub rows: Vec<Lin>,
    pub teams: Option<(usize, u32)>,
}

impl Program {
    /// SPEC §13 with team rules, the second goal: `unstable ≥ load + margin − H × W`, where
    /// `W`, what whole teams serve in person-equivalents, is `persons` without a team rule;
    /// with a team `t`, `teams` whole teams (`t × teams ≤` the people with casework hours)
    /// and `W = min(t × teams, persons − s × headcount + s × t × teams)` (leaders, at a
    /// share `s`, are the ones left over first), as [`crate::analysis::whole_team_persons`] counts.
    /// Where the allocation is free, a group takes the loosest rule it may be under.
    pub(super) fn add_stability(&mut self, scenario: &Scenario, facts: &Facts) {
        for (o, office) in scenario.offices.iter().enumerate() {
            let id = lp_name(&office.id);
            let v = self.add_var(format!("unstable_{id}"), 0.0, f64::INFINITY, false);
            let team = match &self.allocation {
                Allocation::Fixed(coverage) => facts.whole_team(o, coverage),
                _ => facts.loosest_whole_team(o),
            };
            let mut load = self.load[o].clone();
            // The margin only where the office surely has work (none is stable).
            if load.constant > 0.0 {
                load.constant += goals::STABLE_MARGIN;
            }
            let year = self.year_value;
            let persons = self.persons[o].clone();
            let mut lhs = Vec::new();
            let mut teams = None;
            if team <= 1 {
                let mut row = load.clone();
                row.add_lin(&persons, -year);
                lhs.push(row);
            } else {
                let t = f64::from(team);
                let hi = (f64::from(office.max_staff.unwrap_or(facts.big_m)) / t).floor();
                let k = self.add_var(format!("teams_{id}"), 0.0, hi, true);
                teams = Some((k, team));
                let share = office.leader_case_share;
                // People with casework hours: leaders too, unless their share is nothing.
                let mut people = self.headcount(o);
                if share <= 0.0 && office.leaders > 0 {
                    people.add_lin(&self.open_lin(facts, o), -f64::from(office.leaders));
                }
                let mut whole = Lin::constant(0.0);
                whole.add(k, t);
                whole.add_lin(&people, -1.0);
                self.add_row(format!("whole_teams_{id}"), whole, Sense::Le);
                let mut row = load.clone();
                row.add(k, -year * t);
                lhs.push(row);
                if office.leaders > 0 && share > 0.0 && share < 1.0 {
                    // persons − s × headcount, written out so that no variable is named
                    // twice in a row: (1 − s) × headcount − leader loss × open.
                    let loss = facts.leader_loss.get(o).copied().unwrap_or(0.0);
                    let mut row = load.clone();
                    row.add_lin(&self.headcount(o), -year * (1.0 - share));
                    row.add_lin(&self.open_lin(facts, o), year * loss);
                    row.add(k, -year * share * t);
                    lhs.push(row);
                }
            }
            for (i, row) in lhs.iter().enumerate() {
                let mut row = row.clone();
                row.add(v, -1.0);
                self.add_row(format!("stable_{id}_{i}"), row, Sense::Le);
            }
            self.unstable.push(Stability {
                unstable: v,
                rows: lhs,
                teams,
            });
        }
    }
}
