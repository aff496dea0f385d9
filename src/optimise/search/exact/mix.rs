//! The staff mix of given headcounts: the cheapest under quotas and budget (a transportation
//! problem, whose LP optimum is whole), or the fewest people changed at a given cost.

use crate::model::Scenario;
use crate::optimise::model::facts::cadre_floors;
use crate::optimise::model::headcounts::Model;
use crate::optimise::model::program::{lp_name, Lin, Lp, Row, Sense};
use crate::optimise::search::solver;

impl Model<'_> {
    /// Least yearly cost of staffing headcounts `n` under quotas and budget (`None`: no mix
    /// keeps them). A transportation problem, so the LP optimum is whole.
    pub(crate) fn staff_cost(&self, n: &[u32]) -> Option<f64> {
        let heads = self.headcounts(n);
        let (cost, _, _) = self.mix(&heads, None)?;
        let total = cost + self.facts.fixed_cost();
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
    /// people changed at a cost at most the given one (integer). Returns the objective's
    /// value, the mix `[office][type]` and whether the solve proved it.
    pub(crate) fn mix(
        &self,
        heads: &[u32],
        changes_at: Option<f64>,
    ) -> Option<(f64, Vec<Vec<u32>>, bool)> {
        let scenario = self.scenario;
        let mix = Mix::new(scenario, heads, changes_at.is_some())?;
        let mut lp = mix.lp;
        for (t, left) in self.quota_left().iter().enumerate() {
            if let Some(left) = left {
                let mut lhs = Lin::constant(-left);
                for v in mix.vars.iter().filter_map(|row| row[t]) {
                    lhs.add(v, 1.0);
                }
                let name = format!("quota_{}", lp_name(&scenario.staff_types[t].id));
                lp.row(name, lhs, Sense::Le);
            }
        }
        if let Some(at) = changes_at {
            let fixed = self.facts.fixed_cost();
            let mut lhs = mix.cost.clone();
            lhs.constant -= at - fixed + 1e-6 * at.max(1.0);
            lp.row("cost_held".into(), lhs, Sense::Le);
        }
        lp.rows.extend(mix.change_rows);
        let objective = if changes_at.is_some() {
            let mut moved = Lin::default();
            for &d in &mix.moved {
                moved.add(d, 1.0);
            }
            moved
        } else {
            mix.cost
        };
        let solution = solver::solve(&lp, &objective, &[], None, &self.deadline).ok()?;
        let value_of = |v: usize| solution.values.get(v).copied().unwrap_or(0.0);
        let staff: Vec<Vec<u32>> = mix
            .vars
            .iter()
            .enumerate()
            .map(|(o, row)| {
                if scenario.offices[o].fixed {
                    return scenario.offices[o].staff.clone();
                }
                row.iter()
                    .map(|v| v.map_or(0, |v| value_of(v).round().max(0.0) as u32))
                    .collect()
            })
            .collect();
        let value = if changes_at.is_some() {
            mix.moved.iter().map(|&d| value_of(d)).sum::<f64>().round()
        } else {
            staff.iter().map(|s| scenario.cost(s)).sum::<f64>() - self.facts.fixed_cost()
        };
        Some((value, staff, solution.proven))
    }

    /// The mix of least people changed at cost at most `cost`: (mix, changes, proven).
    pub(crate) fn fewest_people(&self, n: &[u32], cost: f64) -> Option<(Vec<Vec<u32>>, f64, bool)> {
        let heads = self.headcounts(n);
        let (changes, mix, proven) = self.mix(&heads, Some(cost))?;
        // The integer solve must keep every head exactly; anything else is not an answer.
        let ok = mix
            .iter()
            .zip(&heads)
            .enumerate()
            .all(|(o, (s, &h))| self.scenario.offices[o].fixed || s.iter().sum::<u32>() == h);
        ok.then_some((mix, changes, proven))
    }
}

/// The staff-mix programme before quotas and the held cost: a variable per office and allowed
/// type (whole when changes are counted), each office's heads exactly, and the change rows.
struct Mix {
    lp: Lp,
    /// `[office][type]` → variable.
    vars: Vec<Vec<Option<usize>>>,
    /// People changed per office and type (changes counted only).
    moved: Vec<usize>,
    /// `moved ≥ |staff − today|`, added after the quotas.
    change_rows: Vec<Row>,
    cost: Lin,
}

impl Mix {
    /// `None` when an office with heads may employ no type.
    fn new(scenario: &Scenario, heads: &[u32], changes: bool) -> Option<Mix> {
        let types = scenario.staff_types.len();
        let mut lp = Lp::default();
        let mut vars: Vec<Vec<Option<usize>>> = vec![vec![None; types]; scenario.offices.len()];
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            for (t, slot) in vars[o].iter_mut().enumerate() {
                if office.allowed_staff.get(t).copied().unwrap_or(false) && heads[o] > 0 {
                    let name = format!(
                        "staff_{}_{}",
                        lp_name(&office.id),
                        lp_name(&scenario.staff_types[t].id)
                    );
                    *slot = Some(lp.var(name, 0.0, f64::from(heads[o]), changes));
                }
            }
        }
        let mut moved = Vec::new();
        let mut change_rows = Vec::new();
        if changes {
            for (o, office) in scenario.offices.iter().enumerate() {
                if office.fixed {
                    continue;
                }
                for (t, var) in vars[o].iter().enumerate() {
                    let today = f64::from(office.staff.get(t).copied().unwrap_or(0));
                    let name = format!(
                        "moved_{}_{}",
                        lp_name(&office.id),
                        lp_name(&scenario.staff_types[t].id)
                    );
                    let d = lp.var(name.clone(), 0.0, f64::INFINITY, false);
                    moved.push(d);
                    let mut up = Lin::constant(-today);
                    let mut down = Lin::constant(today);
                    if let Some(s) = var {
                        up.add(*s, 1.0);
                        down.add(*s, -1.0);
                    }
                    up.add(d, -1.0);
                    down.add(d, -1.0);
                    change_rows.push(Row {
                        name: format!("{name}_up"),
                        lhs: up,
                        sense: Sense::Le,
                    });
                    change_rows.push(Row {
                        name: format!("{name}_down"),
                        lhs: down,
                        sense: Sense::Le,
                    });
                }
            }
        }
        let mut cost = Lin::default();
        for row in &vars {
            for (t, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    cost.add(*v, scenario.staff_types[t].cost);
                }
            }
        }
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            if vars[o].iter().all(Option::is_none) && heads[o] > 0 {
                return None;
            }
            let mut lhs = Lin::constant(-f64::from(heads[o]));
            for v in vars[o].iter().flatten() {
                lhs.add(*v, 1.0);
            }
            lp.row(format!("heads_{}", lp_name(&office.id)), lhs, Sense::Eq);
        }
        // SPEC §16: work only some staff types may do needs enough people of those types.
        for (o, floors) in cadre_floors(scenario).iter().enumerate() {
            if scenario.offices[o].fixed || heads[o] == 0 {
                continue;
            }
            for (k, (set, floor)) in floors.iter().enumerate() {
                let mut lhs = Lin::constant(-f64::from(*floor));
                for &t in set {
                    if let Some(v) = vars[o][t] {
                        lhs.add(v, 1.0);
                    }
                }
                let name = format!("cadre_{}_{k}", lp_name(&scenario.offices[o].id));
                lp.row(name, lhs, Sense::Ge);
            }
        }
        Some(Mix {
            lp,
            vars,
            moved,
            change_rows,
            cost,
        })
    }
}
