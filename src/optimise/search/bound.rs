//! Every lower bound the optimiser reports for an unproven answer. [`cost_bound`]: where the
//! target can be met everywhere, a small integer programme over group posts with one capacity
//! row for each set of groups that eligibility confines some units to, one row of places
//! (`max_units` in each group with the team the units need) for each such set, and
//! open/closed choices for optional groups (its LP relaxation when the integer version runs
//! out of time). [`pooled_bound`]: the pooled relaxation of the whole programme (units' hours split
//! among groups at will), for the rest.

use std::collections::HashMap;

use crate::analysis::TOLERANCE;
use crate::model::Scenario;
use crate::optimise::budget::{Budget, Deadline};
use crate::optimise::model::facts::Facts;
use crate::optimise::model::goals::Objective;
use crate::optimise::model::headcounts::{Group, Model, CONFINED_SETS};
use crate::optimise::model::program::{lp_name, Allocation, Lin, Lp, Program, Row, Sense};
use crate::optimise::search::solver;

/// One group's part of a capacity row: office, α on its head, and (its `open`, coefficient)
/// for a group that may close.
type Coefficient = (usize, f64, Option<(usize, f64)>);

/// One level of the bound: the groups, the team size, the hours and the number of the units
/// confined to those groups whose work needs that team.
type Level = (Vec<usize>, u32, f64, u32);

/// A lower bound on the least cost when the target can be met everywhere: sections at their
/// least headcounts, groups' hours pooled (split at will) so that only the posts of the
/// groups they may go to must carry them (all groups, and each distinct set of groups that
/// eligibility confines some units to), with whole posts and groups open or closed, the
/// cheapest mix of staff types under quotas. `None` outside the exact path's assumptions.
pub fn cost_bound(facts: &Facts, deadline: Deadline) -> Option<f64> {
    let scenario = facts.scenario;
    let model = Model::new(facts, deadline)?;
    // Whether a group that may close is open is a yes or no in every answer, so the
    // programme with those whole is a relaxation still, and a much tighter one; its LP
    // relaxation where that is not solved in time.
    bound_programme(scenario, facts, &model, true, &deadline.slice(0.6))
        .or_else(|| bound_programme(scenario, facts, &model, false, &deadline))
        .or_else(|| Some(counted_bound(facts, &model)))
}

/// The bound without a programme, for scenarios whose programme the effort cannot pay for:
/// every section at its least headcount of its cheapest allowed type, and the least number
/// of group posts that carry every group hour at the target (leaders of groups that cannot
/// close counted), each at the cheapest post of any group.
fn counted_bound(facts: &Facts, model: &Model) -> f64 {
    let scenario = facts.scenario;
    let sections: f64 = model
        .sections
        .iter()
        .filter(|&&(o, _)| !scenario.offices[o].fixed)
        .map(|&(o, n)| {
            let office = &scenario.offices[o];
            let cheapest = scenario.cheapest_allowed_cost(office);
            if cheapest.is_finite() {
                f64::from(n) * cheapest
            } else {
                0.0
            }
        })
        .sum();
    let post = model
        .groups
        .iter()
        .map(|g| g.cheapest)
        .fold(f64::INFINITY, f64::min);
    let programme = CostBound::posts_only(facts, model);
    let groups = if post.is_finite() {
        programme.least_posts() * post
    } else {
        0.0
    };
    (sections + groups + facts.fixed_cost()) * (1.0 - 1e-9)
}

fn bound_programme(
    scenario: &Scenario,
    facts: &Facts,
    model: &Model,
    whole: bool,
    deadline: &Deadline,
) -> Option<f64> {
    let programme = CostBound::new(facts, model, whole);
    let solved = solver::solve(&programme.lp, &programme.cost, &[], None, deadline).ok()?;
    if !solved.proven {
        return None;
    }
    let value: f64 = programme
        .staff
        .iter()
        .flat_map(|row| row.iter().enumerate())
        .filter_map(|(t, v)| {
            v.map(|v| scenario.staff_types[t].cost * solved.values.get(v).copied().unwrap_or(0.0))
        })
        .sum();
    // Float noise of the LP must not lift the bound above a true optimum.
    Some((value + facts.fixed_cost()) * (1.0 - 1e-9))
}

/// The programme of [`cost_bound`] as data, for `--export-lp`: `None` outside the exact
/// path's assumptions.
pub fn cost_bound_lp(facts: &Facts) -> Option<(Lp, Lin)> {
    // Building the programme searches nothing: no effort or clock applies.
    let budget = Budget::new(std::time::Duration::MAX);
    let model = Model::new(facts, budget.deadline())?;
    let programme = CostBound::new(facts, &model, true);
    Some((programme.lp, programme.cost))
}

/// The bound's programme: posts by office and staff type, `open` for each group that may
/// close, all group posts together, and the capacity rows.
struct CostBound<'m, 'a> {
    scenario: &'a Scenario,
    facts: &'a Facts<'a>,
    model: &'m Model<'a>,
    lp: Lp,
    /// `[office][type]` → variable.
    staff: Vec<Vec<Option<usize>>>,
    /// Group position → its `open` variable, for a group that may close.
    opened: Vec<Option<usize>>,
    cost: Lin,
    per_person: f64,
    /// (group position, team) → the variable of [`CostBound::reaches`].
    reached: HashMap<(usize, u32), usize>,
}

impl<'m, 'a> CostBound<'m, 'a> {
    /// The programme's figures without its variables and rows: enough for
    /// [`CostBound::least_posts`].
    fn posts_only(facts: &'a Facts<'a>, model: &'m Model<'a>) -> CostBound<'m, 'a> {
        CostBound {
            scenario: facts.scenario,
            facts,
            model,
            lp: Lp::default(),
            staff: Vec::new(),
            opened: Vec::new(),
            cost: Lin::default(),
            per_person: facts.year_value * facts.target,
            reached: HashMap::new(),
        }
    }

    fn new(facts: &'a Facts<'a>, model: &'m Model<'a>, whole: bool) -> CostBound<'m, 'a> {
        let scenario = facts.scenario;
        let mut lp = Lp::default();
        let types = scenario.staff_types.len();
        let mut staff: Vec<Vec<Option<usize>>> = vec![vec![None; types]; scenario.offices.len()];
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            for (t, slot) in staff[o].iter_mut().enumerate() {
                if office.allowed_staff.get(t).copied().unwrap_or(false) {
                    let name = format!(
                        "staff_{}_{}",
                        lp_name(&office.id),
                        lp_name(&scenario.staff_types[t].id)
                    );
                    *slot = Some(lp.var(name, 0.0, f64::INFINITY, false));
                }
            }
        }
        // Whether each group that may close is open (a group that may not has none).
        let opened: Vec<Option<usize>> = model
            .groups
            .iter()
            .map(|g| {
                g.options.contains(&0).then(|| {
                    let name = format!("open_{}", lp_name(&scenario.offices[g.office].id));
                    lp.var(name, 0.0, 1.0, whole)
                })
            })
            .collect();
        let mut cost = Lin::default();
        for row in &staff {
            for (t, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    cost.add(*v, scenario.staff_types[t].cost);
                }
            }
        }
        let mut programme = CostBound {
            scenario,
            facts,
            model,
            lp,
            staff,
            opened,
            cost,
            per_person: facts.year_value * facts.target,
            reached: HashMap::new(),
        };
        // All group posts together: whole in every answer.
        let posts = programme
            .lp
            .var("group_posts".into(), 0.0, f64::INFINITY, whole);
        programme.add_headcounts(posts);
        for (members, t, needing, units) in programme.levels() {
            programme.add_level(&members, t, needing);
            programme.add_slots(&members, t, units, whole);
        }
        programme
    }

    /// The units of a level need places: at most `max_units` in each group of the set that
    /// has the people their team needs. With y_g whole (1 where group g has at least k_g,
    /// its least headcount that may take them), N_g ≥ lo_g + (k_g − lo_g) y_g and
    /// Σ_g min(max_units_g, units) y_g ≥ units; rounded (a Chvátal–Gomory cut),
    /// Σ_g y_g ≥ ⌈units ÷ the largest coefficient⌉. This is what the hours cannot see where
    /// groups are capped by units, not by people: 50 units at `max_units = 9` need 6 groups
    /// of a team of two, however few hours they bring.
    fn add_slots(&mut self, members: &[usize], t: u32, units: u32, whole: bool) {
        let (facts, model) = (self.facts, self.model);
        if units == 0 || members.iter().all(|&g| model.groups[g].max_units >= units) {
            return;
        }
        // Work of a team of t needs t people, and any hours need one: a unit of no hours
        // and no team may sit in a group of nobody, so then the count of all units says
        // nothing.
        if t == 0 && model.order.iter().any(|&u| facts.unit_hours[u] <= 0.0) {
            return;
        }
        let name = format!("slots_{}_{t}", self.lp.rows.len());
        let mut row = Lin::default();
        let mut count = Lin::default();
        let mut largest = 0u32;
        for &g in members {
            let slots = model.groups[g].max_units.min(units);
            if let Some(y) = self.reaches(g, t, whole) {
                row.add(y, f64::from(slots));
                count.add(y, 1.0);
                largest = largest.max(slots);
            }
        }
        // No group that may take them: the scenario's other rows already say so.
        if largest == 0 {
            return;
        }
        row.constant -= f64::from(units);
        self.row(format!("{name}_places"), row, Sense::Ge);
        count.constant -= f64::from(units.div_ceil(largest));
        self.row(format!("{name}_groups"), count, Sense::Ge);
    }

    /// The variable y (whole where `whole`) that says group `g` may take units of team `t`
    /// with hours: it has at least its least headcount at or above t and above 0 (and is
    /// open), with the rows that tie it to the head and to `open`; `None` where no headcount
    /// of the group reaches it.
    fn reaches(&mut self, g: usize, t: u32, whole: bool) -> Option<usize> {
        if let Some(&y) = self.reached.get(&(g, t)) {
            return Some(y);
        }
        let group = &self.model.groups[g];
        let k = group.options.iter().copied().find(|&k| k > 0 && k >= t)?;
        let least = group.options.iter().copied().min().unwrap_or(0);
        let id = lp_name(&self.scenario.offices[group.office].id);
        let y = self.lp.var(format!("reach_{id}_{t}"), 0.0, 1.0, whole);
        let mut head = self.head(group.office);
        head.add(y, -f64::from(k - least));
        head.constant -= f64::from(least);
        self.row(format!("reach_{id}_{t}"), head, Sense::Ge);
        if let Some(open) = self.opened.get(g).copied().flatten() {
            let mut within = Lin::default();
            within.add(y, 1.0);
            within.add(open, -1.0);
            self.row(format!("reach_open_{id}_{t}"), within, Sense::Le);
        }
        self.reached.insert((g, t), y);
        Some(y)
    }

    /// Headcount of an office, all types together.
    fn head(&self, o: usize) -> Lin {
        let mut lin = Lin::default();
        for v in self.staff[o].iter().flatten() {
            lin.add(*v, 1.0);
        }
        lin
    }

    fn row(&mut self, name: String, lhs: Lin, sense: Sense) {
        self.lp.row(name, lhs, sense);
    }

    /// Sections at their headcounts, each group within its options (0 or its open range
    /// for a group that may close), and the least number of group posts for all the hours.
    fn add_headcounts(&mut self, posts: usize) {
        let (scenario, model) = (self.scenario, self.model);
        for &(o, n) in &model.sections {
            if !scenario.offices[o].fixed {
                let mut lhs = self.head(o);
                lhs.constant -= f64::from(n);
                self.row(
                    format!("section_{}", lp_name(&scenario.offices[o].id)),
                    lhs,
                    Sense::Eq,
                );
            }
        }
        let mut all_groups = Lin::default();
        for (position, g) in model.groups.iter().enumerate() {
            let id = lp_name(&scenario.offices[g.office].id);
            let lo = g
                .options
                .iter()
                .copied()
                .filter(|&n| n > 0)
                .min()
                .unwrap_or(0);
            let hi = g.options.iter().copied().max().unwrap_or(0);
            let least = if g.options.contains(&0) { 0 } else { lo };
            let head = self.head(g.office);
            let with = |constant: f64| {
                let mut lhs = head.clone();
                lhs.constant -= constant;
                lhs
            };
            self.row(format!("least_{id}"), with(f64::from(least)), Sense::Ge);
            self.row(format!("most_{id}"), with(f64::from(hi)), Sense::Le);
            if let Some(open) = self.opened.get(position).copied().flatten() {
                let mut closed = head.clone();
                closed.add(open, -f64::from(hi));
                self.row(format!("closed_{id}"), closed, Sense::Le);
                let mut opened = head.clone();
                opened.add(open, -f64::from(lo));
                self.row(format!("opened_{id}"), opened, Sense::Ge);
            }
            all_groups.add_lin(&head, 1.0);
        }
        let mut together = all_groups.clone();
        together.add(posts, -1.0);
        self.row("group_posts".into(), together, Sense::Eq);
        all_groups.constant -= self.least_posts();
        self.row("least_group_posts".into(), all_groups, Sense::Ge);
    }

    /// Every person carries at most `per_person` hours; open non-optional groups lose their
    /// leaders' time for sure.
    fn least_posts(&self) -> f64 {
        let (facts, model) = (self.facts, self.model);
        let hours: f64 = model
            .order
            .iter()
            .map(|&u| facts.unit_hours[u])
            .sum::<f64>()
            + model.groups.iter().map(|g| g.base).sum::<f64>();
        let loss: f64 = model
            .groups
            .iter()
            .filter(|g| !g.options.contains(&0))
            .map(|g| facts.leader_loss.get(g.office).copied().unwrap_or(0.0))
            .sum();
        (hours / self.per_person * (1.0 - TOLERANCE) + loss - 1e-9)
            .ceil()
            .max(0.0)
    }

    /// The (groups, team size, hours, units) of every capacity row: for each team size t, the units
    /// whose work needs t people go to groups with at least t. A group g at headcount N
    /// carries persons(N) × per_person hours of them when N ≥ t, else none; that is at most
    /// β_g + α_g (N − lo_g), with lo_g its least headcount, β_g its persons at lo_g when
    /// lo_g ≥ t (else 0) and α_g the largest persons(N) / (N − lo_g) beyond. So Σ_g β_g +
    /// α_g (N_g − lo_g) ≥ hours_t / per_person. When every α_g is the same, heads are
    /// whole, and the row is rounded up.
    ///
    /// The same holds within any set S of groups for the units whose candidates all lie in
    /// S (eligibility confines them there), so each distinct candidate set gives such rows
    /// too. And one group of S at least must reach a headcount that may take them (team,
    /// open), the others staying at their least: a cut on Σ_{g∈S} N_g.
    fn levels(&self) -> Vec<Level> {
        let (facts, model) = (self.facts, self.model);
        let everyone: Vec<usize> = (0..model.groups.len()).collect();
        let mut levels: Vec<Level> = model
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
                let units = model
                    .order
                    .iter()
                    .filter(|&&u| facts.unit_team[u] >= t)
                    .count();
                let units = u32::try_from(units).unwrap_or(u32::MAX);
                (everyone.clone(), t, needing, units)
            })
            .collect();
        for set in model.confined(CONFINED_SETS).into_iter().skip(1) {
            for &(t, hours, units) in &set.levels {
                levels.push((set.groups.clone(), t, hours, units));
            }
        }
        levels
    }

    /// The rows of one level: the cut on the members' posts, the capacity row, its sharper
    /// form with `open` and its rounding, and the whole-headcount cut.
    fn add_level(&mut self, members: &[usize], t: u32, needing: f64) {
        let name = format!("level_{}_{t}", self.lp.rows.len());
        let need = needing / self.per_person * (1.0 - TOLERANCE);
        if members.len() < self.model.groups.len() && needing > 0.0 {
            self.add_reach_cut(&name, members, t);
        }
        let (fixed_part, terms) = self.capacity_terms(members, t);
        let rest = need - fixed_part;
        if rest <= 0.0 {
            return;
        }
        // The row as it is, and a whole-headcount cut: with every α_g raised to the largest
        // the row stays valid, and Σ (N_g − lo_g) is whole, so its right side rounds up.
        let largest = terms.iter().map(|x| x.1).fold(0.0, f64::max);
        let mut row = Lin::default();
        let mut whole = Lin::default();
        let mut lows = 0.0;
        for &(o, alpha, lo) in &terms {
            let head = self.head(o);
            row.add_lin(&head, alpha);
            row.constant -= alpha * f64::from(lo);
            whole.add_lin(&head, 1.0);
            lows += f64::from(lo);
        }
        row.constant -= rest;
        self.row(format!("{name}_capacity"), row, Sense::Ge);
        self.add_sharp(&name, members, t, need);
        if largest > 0.0 {
            whole.constant -= (rest / largest - 1e-9).ceil() + lows;
            self.row(format!("{name}_whole"), whole, Sense::Ge);
        }
    }

    /// One group of `members` at least must reach a headcount that may take units of team
    /// `t`, the others staying at their least.
    fn add_reach_cut(&mut self, name: &str, members: &[usize], t: u32) {
        let (facts, model) = (self.facts, self.model);
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
                    .filter(|&k| k > 0 && k >= t && facts.persons(group.office, k) > 0.0)
                    .min()
                    .map(|k| k + lows - least(group))
            })
            .min();
        if let Some(cut) = cut {
            let mut sum = Lin::default();
            for &g in members {
                sum.add_lin(&self.head(model.groups[g].office), 1.0);
            }
            sum.constant -= f64::from(cut);
            self.row(format!("{name}_reach"), sum, Sense::Ge);
        }
    }

    /// β summed over the members and each member's (office, α, lo).
    fn capacity_terms(&self, members: &[usize], t: u32) -> (f64, Vec<(usize, f64, u32)>) {
        let facts = self.facts;
        let mut fixed_part = 0.0;
        let mut terms = Vec::new();
        for g in members.iter().map(|&g| &self.model.groups[g]) {
            let closable = g.options.contains(&0);
            let lo = if closable {
                0
            } else {
                g.options.iter().copied().min().unwrap_or(0)
            };
            let hi = g.options.iter().copied().max().unwrap_or(0);
            let persons = |n: u32| facts.persons(g.office, n);
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
        (fixed_part, terms)
    }

    /// A group that may close carries nothing closed and, open, at most β'_g + α'_g
    /// (N_g − lo'_g) with lo'_g its least open headcount: the capacity row with the open
    /// groups' leaders and teams counted, which the plain row cannot see (it spreads them
    /// over every headcount from 0). And its rounding (a Chvátal–Gomory cut): heads and
    /// `open` are whole and not negative, so dividing by the largest α and rounding every
    /// coefficient and the right side up keeps the row valid, and makes whole posts count
    /// where the LP would split them.
    fn add_sharp(&mut self, name: &str, members: &[usize], t: u32, need: f64) {
        let (facts, model) = (self.facts, self.model);
        let mut sharp = Lin::default();
        let mut sharp_fixed = 0.0;
        // (α on the head, coefficient on `open` or None) of each group, for the rounding.
        let mut coefficients: Vec<Coefficient> = Vec::new();
        for &g in members {
            let group = &model.groups[g];
            let persons = |n: u32| {
                if n >= t {
                    facts.persons(group.office, n)
                } else {
                    0.0
                }
            };
            let open = self.opened.get(g).copied().flatten();
            let least = match open {
                Some(_) => group.options.iter().copied().filter(|&k| k > 0).min(),
                None => Some(group.options.iter().copied().min().unwrap_or(0)),
            };
            let Some(lo) = least else {
                continue;
            };
            let hi = group.options.iter().copied().max().unwrap_or(lo);
            let beta = persons(lo);
            let alpha = (lo + 1..=hi)
                .map(|n| (persons(n) - beta) / f64::from(n - lo))
                .fold(0.0, f64::max);
            sharp.add_lin(&self.head(group.office), alpha);
            match open {
                Some(open) => {
                    sharp.add(open, beta - alpha * f64::from(lo));
                    coefficients.push((
                        group.office,
                        alpha,
                        Some((open, beta - alpha * f64::from(lo))),
                    ));
                }
                None => {
                    sharp_fixed += beta - alpha * f64::from(lo);
                    coefficients.push((group.office, alpha, None));
                }
            }
        }
        sharp.constant -= need - sharp_fixed;
        self.row(format!("{name}_sharp"), sharp, Sense::Ge);
        let top = coefficients.iter().map(|c| c.1).fold(0.0, f64::max);
        if top > 0.0 {
            let up = |x: f64| (x / top - 1e-9).ceil();
            let mut rounded = Lin::default();
            for &(o, alpha, open) in &coefficients {
                rounded.add_lin(&self.head(o), up(alpha));
                if let Some((open, c)) = open {
                    rounded.add(open, up(c));
                }
            }
            rounded.constant -= up(need - sharp_fixed);
            self.row(format!("{name}_rounded"), rounded, Sense::Ge);
        }
    }
}

/// Lower bound on the objective from the pooled relaxation (units' hours split at will).
pub fn pooled_bound(
    facts: &Facts,
    objective: Objective,
    unmet_hours: f64,
    budget: Deadline,
) -> Option<f64> {
    let scenario = facts.scenario;
    let pooled = Program::new(facts, Allocation::Pooled, None);
    // A bounded share of the effort for the integer relaxation; else its LP relaxation.
    let share = budget.slice(0.15);
    bound_of(scenario, &pooled, objective, unmet_hours, &share)
        .or_else(|| bound_of(scenario, &pooled.relaxed(), objective, unmet_hours, &share))
}

fn bound_of(
    scenario: &Scenario,
    pooled: &Program,
    objective: Objective,
    unmet_hours: f64,
    deadline: &Deadline,
) -> Option<f64> {
    let least_unmet = if unmet_hours > 0.0 {
        let solved = solver::solve(&pooled.lp, &pooled.unmet_lin(), &[], None, deadline).ok()?;
        if !solved.proven {
            return None;
        }
        let least = pooled.unmet_lin().eval(&solved.values).max(0.0);
        if objective == Objective::UnmetHours {
            return Some(least);
        }
        least
    } else {
        0.0
    };
    let mut held = pooled.unmet_lin();
    held.constant -= least_unmet + 1e-6 * least_unmet.max(1.0);
    let rows = [Row {
        name: "goal_unmet".into(),
        lhs: held,
        sense: Sense::Le,
    }];
    let cost = pooled.cost_lin(scenario);
    let solved = solver::solve(&pooled.lp, &cost, &rows, None, deadline).ok()?;
    if !solved.proven {
        return None;
    }
    // Costs are whole multiples of the cheapest post only when every post costs the same; a
    // small tolerance keeps float noise from lifting the bound above a true optimum.
    Some(cost.eval(&solved.values) * (1.0 - 1e-9))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::optimise::budget::Budget;

    use super::{cost_bound, counted_bound};
    use crate::analysis::least_headcount;
    use crate::model::Scenario;
    use crate::optimise::model::facts::Facts;
    use crate::optimise::model::headcounts::Model;
    use crate::optimise::testing::{random_small, small};

    /// The least cost over every allocation of the units to the three groups that keeps
    /// eligibility and `max_units`, each group at the least headcount for its load and teams
    /// (the optional one closed when empty); posts cost 100.
    fn exhaustive(scenario: &Scenario, facts: &Facts) -> f64 {
        let units = scenario.units.len();
        let mut best = f64::INFINITY;
        'allocations: for code in 0..3usize.pow(units as u32) {
            let coverage: Vec<Option<usize>> = (0..units)
                .map(|u| Some(code / 3usize.pow(u as u32) % 3))
                .collect();
            let mut count = [0u32; 3];
            for (u, g) in coverage.iter().enumerate() {
                let g = g.unwrap_or(0);
                count[g] += 1;
                if !facts.candidates[u].contains(&g)
                    || scenario.offices[g].max_units.is_some_and(|m| count[g] > m)
                {
                    continue 'allocations;
                }
            }
            let loads = facts.loads(&coverage);
            let posts: u32 = (0..3)
                .map(|g| {
                    let office = &scenario.offices[g];
                    let team = facts.team_floor(g, &coverage);
                    let floor = facts.floor(g, team);
                    least_headcount(office, loads[g], facts.year_value, facts.target, floor)
                })
                .sum();
            best = best.min(f64::from(posts) * 100.0);
        }
        best
    }

    /// Four units of 100 hours each fit one person's 1,358, but at most two go to a group:
    /// two groups must have a person, 200 in all (the hours alone say 100).
    #[test]
    fn cost_bound_counts_the_places_units_need() {
        let mut scenario = small([1, 1, 1, 1]);
        for office in &mut scenario.offices {
            office.max_units = Some(2);
        }
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let bound = cost_bound(&facts, budget.deadline()).expect("a bound");
        assert_eq!(exhaustive(&scenario, &facts), 200.0);
        assert!((bound - 200.0).abs() < 1e-6, "{bound}");
        let model = Model::new(&facts, budget.deadline()).expect("a model");
        assert!((counted_bound(&facts, &model) - 100.0).abs() < 1e-6);
        // Units of no hours that must still be placed (`eligible` given) may sit in a group
        // of nobody: nothing to pay, and the places must not say otherwise.
        let mut idle = small([0, 0, 0, 0]);
        for office in &mut idle.offices {
            office.max_units = Some(2);
        }
        for unit in &mut idle.units {
            unit.eligible = Some(vec![0, 1, 2]);
        }
        let facts = Facts::new(&idle);
        assert_eq!(exhaustive(&idle, &facts), 0.0);
        let bound = cost_bound(&facts, budget.deadline()).expect("a bound");
        assert!(bound.abs() < 1e-6, "{bound}");
    }

    /// Random small cases with `max_units` of 2 or 3, teams of two and units confined to two
    /// groups: the bound never exceeds the least cost, and it meets it in most.
    #[test]
    fn cost_bound_with_places_never_exceeds_the_exhaustive_optimum() {
        let mut met = 0;
        let mut compared = 0;
        for seed in 1..=40 {
            let scenario = random_small(seed);
            let facts = Facts::new(&scenario);
            let budget = Budget::new(Duration::from_secs(10));
            let optimum = exhaustive(&scenario, &facts);
            let Some(bound) = cost_bound(&facts, budget.deadline()) else {
                continue;
            };
            if !optimum.is_finite() {
                continue;
            }
            compared += 1;
            assert!(
                bound <= optimum,
                "seed {seed}: bound {bound} above {optimum}"
            );
            if bound > optimum - 1e-6 {
                met += 1;
            }
        }
        assert!(compared >= 30, "only {compared} compared");
        assert!(
            met * 2 > compared,
            "the bound met the optimum in {met} of {compared}"
        );
    }

    #[test]
    fn cost_bound_never_exceeds_the_exhaustive_optimum() {
        for volumes in [
            [10, 6, 5, 3],
            [7, 7, 7, 7],
            [12, 2, 9, 4],
            [3, 3, 3, 14],
            [1, 1, 1, 1],
        ] {
            let scenario = small(volumes);
            let facts = Facts::new(&scenario);
            let budget = Budget::new(Duration::from_secs(10));
            let bound = cost_bound(&facts, budget.deadline()).expect("a bound");
            let optimum = exhaustive(&scenario, &facts);
            assert!(
                bound <= optimum,
                "{volumes:?}: bound {bound} above {optimum}"
            );
            assert!(bound > 0.0, "{volumes:?}");
        }
    }

    /// The bound without a programme (for scenarios too large to solve one) is a bound too,
    /// and where the posts pool it is the optimum: 2,400 hours need ⌈2,400 ÷ (H × 0.85)⌉ = 2
    /// posts of 100.
    #[test]
    fn counted_bound_never_exceeds_the_exhaustive_optimum() {
        for volumes in [[10, 6, 5, 3], [7, 7, 7, 7], [12, 2, 9, 4], [3, 3, 3, 14]] {
            let scenario = small(volumes);
            let facts = Facts::new(&scenario);
            let budget = Budget::new(Duration::from_secs(10));
            let model = Model::new(&facts, budget.deadline()).expect("a model");
            let bound = counted_bound(&facts, &model);
            let optimum = exhaustive(&scenario, &facts);
            assert!(bound <= optimum, "{volumes:?}: {bound} above {optimum}");
        }
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let model = Model::new(&facts, budget.deadline()).expect("a model");
        assert!((counted_bound(&facts, &model) - 200.0).abs() < 1e-6);
    }

    /// 2,400 hours need at least ⌈2,400 ÷ (H × 0.85)⌉ = 2 posts of 100, and 2 are enough.
    #[test]
    fn cost_bound_meets_the_optimum_where_the_posts_pool() {
        let scenario = small([10, 6, 5, 3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let bound = cost_bound(&facts, budget.deadline()).expect("a bound");
        assert!((bound - 200.0).abs() < 1e-6, "{bound}");
        assert_eq!(exhaustive(&scenario, &facts), 200.0);
    }
}
