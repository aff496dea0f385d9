//! The mixed-integer programme of SPEC §4, held as plain data (variables, rows, named
//! handles) so that the same model can be solved by microlp, written in LP format, and
//! checked by hand. Rows are added by `add_*` methods, one per rule.
//!
//! Three shapes of the same programme:
//! - [`Allocation::Free`]: which group covers each unit is decided (binary `x`);
//! - [`Allocation::Fixed`]: the allocation is given, only headcounts are decided (tiny);
//! - [`Allocation::Pooled`]: the units' hours may be split among groups at will, a relaxation
//!   whose optimum is a lower bound on the real one.
//!
//! Goals are lexicographic, so [`Program::solve_goals`] (the search room's `milp`) solves them in
//! stages, each the same programme with one row more per goal held.

use crate::model::Scenario;
use crate::optimise::model::facts::{Facts, Plan};
use crate::optimise::model::stability::Stability;

/// How the allocation of units to groups enters the programme.
#[derive(Debug, Clone, PartialEq)]
pub enum Allocation {
    Free,
    Fixed(Vec<Option<usize>>),
    Pooled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    Le,
    Ge,
    Eq,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Var {
    pub name: String,
    pub lo: f64,
    pub hi: f64,
    pub integer: bool,
}

/// A linear expression: terms over variable indices plus a constant.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lin {
    pub terms: Vec<(usize, f64)>,
    pub constant: f64,
}

impl Lin {
    pub fn constant(c: f64) -> Lin {
        Lin {
            terms: Vec::new(),
            constant: c,
        }
    }

    pub fn add(&mut self, var: usize, coefficient: f64) {
        self.terms.push((var, coefficient));
    }

    pub fn add_lin(&mut self, other: &Lin, factor: f64) {
        self.terms
            .extend(other.terms.iter().map(|&(v, c)| (v, c * factor)));
        self.constant += other.constant * factor;
    }

    pub fn eval(&self, values: &[f64]) -> f64 {
        self.constant
            + self
                .terms
                .iter()
                .map(|&(v, c)| c * values.get(v).copied().unwrap_or(0.0))
                .sum::<f64>()
    }
}

/// One named constraint `lhs (sense) 0`, with the constant folded into the right-hand side
/// when written.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub lhs: Lin,
    pub sense: Sense,
}

/// A linear programme as plain data: variables with bounds and integrality, and named rows.
/// Every model the optimiser solves is one of these ([`Program`] for SPEC §4's programme; the
/// staff mix and the cost bound build theirs directly); the search room's `solver` hands it to the solver and
/// [`super::lp`] writes it in LP format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lp {
    pub vars: Vec<Var>,
    pub rows: Vec<Row>,
}

impl Lp {
    /// Adds a variable; returns its index.
    pub fn var(&mut self, name: String, lo: f64, hi: f64, integer: bool) -> usize {
        self.vars.push(Var {
            name,
            lo,
            hi,
            integer,
        });
        self.vars.len() - 1
    }

    /// Adds the row `lhs (sense) 0`.
    pub fn row(&mut self, name: String, lhs: Lin, sense: Sense) {
        self.rows.push(Row { name, lhs, sense });
    }
}

#[derive(Debug, Clone)]
pub struct Program {
    pub lp: Lp,
    pub allocation: Allocation,
    /// `[office][staff type]` → variable (None: the type is not allowed there).
    staff: Vec<Vec<Option<usize>>>,
    /// Optional group → open variable; other offices are open (constant).
    open: Vec<Option<usize>>,
    /// Unit → (group, variable) for every group it may go to (Free only).
    pub(super) assign: Vec<Vec<(usize, usize)>>,
    /// Group → its share of the units' hours (Pooled only).
    pooled: Vec<Option<usize>>,
    /// Office → unmet hours variable.
    unmet: Vec<usize>,
    /// Office → its unstable hours variable and rows ([`Stability`]).
    pub(super) unstable: Vec<Stability>,
    /// Office × type → |after − today| variable.
    moved: Vec<Vec<Option<usize>>>,
    /// Staff type → posts beyond the quota (only when quotas are relaxed).
    extra: Vec<Option<usize>>,
    /// Office → its load in hours (expression).
    pub(super) load: Vec<Lin>,
    /// Office → casework person-equivalents (expression).
    pub(super) persons: Vec<Lin>,
    pub(super) year_value: f64,
    target: f64,
    /// Quotas and budget lifted: each staff type capped at these totals plus `extra` posts,
    /// for "how many more posts would meet the target".
    caps: Option<Vec<u32>>,
}

impl Program {
    /// Builds the programme of the scenario. `caps` replaces quotas and budget by a cap per
    /// staff type that `extra` variables may exceed.
    pub fn new(facts: &Facts, allocation: Allocation, caps: Option<Vec<u32>>) -> Self {
        let scenario = facts.scenario;
        let offices = scenario.offices.len();
        let types = scenario.staff_types.len();
        let mut p = Program {
            lp: Lp::default(),
            allocation,
            staff: vec![vec![None; types]; offices],
            open: vec![None; offices],
            assign: vec![Vec::new(); scenario.units.len()],
            pooled: vec![None; offices],
            unmet: Vec::with_capacity(offices),
            unstable: Vec::with_capacity(offices),
            moved: vec![vec![None; types]; offices],
            extra: vec![None; types],
            load: Vec::with_capacity(offices),
            persons: Vec::with_capacity(offices),
            year_value: facts.year_value,
            target: facts.target,
            caps,
        };
        p.add_staff_variables(scenario, facts);
        p.add_allocation(scenario, facts);
        p.add_staff_bounds(scenario, facts);
        p.add_unmet(scenario);
        if p.allocation != Allocation::Pooled {
            p.add_stability(scenario, facts);
        }
        p.add_quotas(scenario);
        if p.caps.is_none() {
            p.add_budget(scenario);
        }
        p.add_changes(scenario);
        p.add_cadres(scenario, facts);
        p
    }

    /// SPEC §16: work only some staff types may do needs enough people of those types
    /// ([`super::facts::cadre_floors`]); an optional group needs them only when open.
    fn add_cadres(&mut self, scenario: &Scenario, facts: &Facts) {
        for (o, floors) in facts.cadre_floors.iter().enumerate() {
            let office = &scenario.offices[o];
            if office.fixed {
                continue;
            }
            for (k, (set, floor)) in floors.iter().enumerate() {
                let mut lhs = Lin::default();
                for &t in set {
                    if let Some(v) = self.staff[o][t] {
                        lhs.add(v, 1.0);
                    }
                }
                lhs.add_lin(&self.open_lin(facts, o), -f64::from(*floor));
                self.add_row(format!("cadre_{}_{k}", lp_name(&office.id)), lhs, Sense::Ge);
            }
        }
    }

    pub(super) fn add_var(&mut self, name: String, lo: f64, hi: f64, integer: bool) -> usize {
        self.lp.var(name, lo, hi, integer)
    }

    pub(super) fn add_row(&mut self, name: String, lhs: Lin, sense: Sense) {
        self.lp.row(name, lhs, sense);
    }

    /// Headcount by office and allowed staff type; a fixed office's variables are pinned to
    /// today's staff. Optional groups get an open/closed decision.
    fn add_staff_variables(&mut self, scenario: &Scenario, facts: &Facts) {
        for (o, office) in scenario.offices.iter().enumerate() {
            for (t, staff_type) in scenario.staff_types.iter().enumerate() {
                let today = office.staff.get(t).copied().unwrap_or(0);
                let name = format!("staff_{}_{}", lp_name(&office.id), lp_name(&staff_type.id));
                if office.fixed {
                    let v = f64::from(today);
                    self.staff[o][t] = Some(self.add_var(name, v, v, true));
                } else if office.allowed_staff.get(t).copied().unwrap_or(false) {
                    let hi = f64::from(office.max_staff.unwrap_or(facts.big_m));
                    // keep_staff: no type below today's (clash refuses today above max_staff).
                    let lo = if scenario.policy.keep_staff {
                        f64::from(today).min(hi)
                    } else {
                        0.0
                    };
                    self.staff[o][t] = Some(self.add_var(name, lo, hi, true));
                }
            }
            if office.optional && !office.fixed {
                let name = format!("open_{}", lp_name(&office.id));
                self.open[o] = Some(self.add_var(name, 0.0, 1.0, true));
            }
            let mut persons = self.headcount(o);
            let loss = facts.leader_loss.get(o).copied().unwrap_or(0.0);
            match (self.open[o], office.fixed) {
                (Some(y), _) => persons.add(y, -loss),
                // A fixed office keeps today's capacity, leaders included as they are today.
                (None, true) => {
                    persons = Lin::constant(office.casework_persons(office.headcount()));
                }
                (None, false) => persons.constant -= loss,
            }
            self.persons.push(persons);
        }
    }

    /// Headcount of an office, all types together.
    pub(super) fn headcount(&self, o: usize) -> Lin {
        let mut lin = Lin::default();
        for v in self.staff.get(o).into_iter().flatten().flatten() {
            lin.add(*v, 1.0);
        }
        lin
    }

    /// Open as a linear expression: the variable, or 1 (0 for a closed fixed optional group).
    pub(super) fn open_lin(&self, facts: &Facts, o: usize) -> Lin {
        match self.open.get(o).copied().flatten() {
            Some(y) => Lin {
                terms: vec![(y, 1.0)],
                constant: 0.0,
            },
            None => Lin::constant(if facts.open_today.get(o).copied().unwrap_or(true) {
                1.0
            } else {
                0.0
            }),
        }
    }

    /// Full coverage, eligibility, max_units, and the load of every office.
    fn add_allocation(&mut self, scenario: &Scenario, facts: &Facts) {
        self.load = facts.base_hours.iter().map(|&h| Lin::constant(h)).collect();
        match self.allocation.clone() {
            Allocation::Free => {
                self.add_assignment(scenario, facts);
                self.add_max_units(scenario, facts);
            }
            Allocation::Fixed(coverage) => self.add_fixed_loads(facts, &coverage),
            Allocation::Pooled => self.add_pooled(scenario, facts),
        }
    }

    /// A binary `cover` per unit and group it may go to: each unit covered once, only by an
    /// open group; the units' hours go to the loads.
    fn add_assignment(&mut self, scenario: &Scenario, facts: &Facts) {
        for (u, unit) in scenario.units.iter().enumerate() {
            if !facts.placed.get(u).copied().unwrap_or(true) {
                continue;
            }
            let mut cover = Lin::constant(-1.0);
            for &g in facts.candidates.get(u).into_iter().flatten() {
                let name = format!(
                    "cover_{}_{}",
                    lp_name(&unit.id),
                    lp_name(&scenario.offices[g].id)
                );
                let x = self.add_var(name, 0.0, 1.0, true);
                self.assign[u].push((g, x));
                cover.add(x, 1.0);
                self.load[g].add(x, facts.unit_hours.get(u).copied().unwrap_or(0.0));
                if let Some(y) = self.open[g] {
                    self.add_row(
                        format!(
                            "covered_by_open_{}_{}",
                            lp_name(&unit.id),
                            lp_name(&scenario.offices[g].id)
                        ),
                        Lin {
                            terms: vec![(x, 1.0), (y, -1.0)],
                            constant: 0.0,
                        },
                        Sense::Le,
                    );
                }
            }
            self.add_row(
                format!("full_coverage_{}", lp_name(&unit.id)),
                cover,
                Sense::Eq,
            );
        }
    }

    /// At most `max_units` units at an open group.
    fn add_max_units(&mut self, scenario: &Scenario, facts: &Facts) {
        for &g in &facts.groups {
            let Some(max) = scenario.offices[g].max_units else {
                continue;
            };
            let mut lhs = self.open_lin(facts, g);
            lhs.terms.iter_mut().for_each(|t| t.1 *= -f64::from(max));
            lhs.constant *= -f64::from(max);
            for cover in &self.assign {
                for &(group, x) in cover {
                    if group == g {
                        lhs.add(x, 1.0);
                    }
                }
            }
            self.add_row(
                format!("max_units_{}", lp_name(&scenario.offices[g].id)),
                lhs,
                Sense::Le,
            );
        }
    }

    /// The given allocation's hours in the loads, as constants.
    fn add_fixed_loads(&mut self, facts: &Facts, coverage: &[Option<usize>]) {
        for (u, g) in coverage.iter().enumerate() {
            if let Some(g) = g {
                if let Some(load) = self.load.get_mut(*g) {
                    load.constant += facts.unit_hours.get(u).copied().unwrap_or(0.0);
                }
            }
        }
    }

    /// Each group's share of the units' hours, between the hours only it may take and the
    /// hours it may take at all, the shares adding up to all the hours.
    fn add_pooled(&mut self, scenario: &Scenario, facts: &Facts) {
        let mut total = Lin::constant(-facts.unit_hours.iter().sum::<f64>());
        for &g in &facts.groups {
            let reachable: f64 = facts
                .candidates
                .iter()
                .zip(&facts.unit_hours)
                .filter(|(c, _)| c.contains(&g))
                .map(|(_, h)| h)
                .sum();
            let own: f64 = facts
                .candidates
                .iter()
                .zip(&facts.unit_hours)
                .filter(|(c, _)| c.as_slice() == [g])
                .map(|(_, h)| h)
                .sum();
            let name = format!("pooled_{}", lp_name(&scenario.offices[g].id));
            let l = self.add_var(name, own, reachable.max(own), false);
            self.pooled[g] = Some(l);
            total.add(l, 1.0);
            self.load[g].add(l, 1.0);
            if let Some(y) = self.open[g] {
                self.add_row(
                    format!("pooled_open_{}", lp_name(&scenario.offices[g].id)),
                    Lin {
                        terms: vec![(l, 1.0), (y, -reachable.max(own))],
                        constant: 0.0,
                    },
                    Sense::Le,
                );
            }
        }
        self.add_row("pooled_coverage".into(), total, Sense::Eq);
    }

    /// min_staff, leaders and team size (for open offices with that work), max_staff.
    fn add_staff_bounds(&mut self, scenario: &Scenario, facts: &Facts) {
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            let id = lp_name(&office.id);
            let team = match &self.allocation {
                Allocation::Fixed(coverage) => facts.team_floor(o, coverage),
                _ => facts.base_team_of(o),
            };
            let floor = facts.floor(o, team);
            let open = self.open_lin(facts, o);
            let head = self.headcount(o);
            if floor > 0 {
                let mut lhs = head.clone();
                lhs.add_lin(&open, -f64::from(floor));
                self.add_row(format!("floor_{id}"), lhs, Sense::Ge);
            }
            let max = office.max_staff.unwrap_or(facts.big_m);
            let mut lhs = head.clone();
            lhs.add_lin(&open, -f64::from(max));
            self.add_row(format!("max_staff_{id}"), lhs, Sense::Le);
            if self.allocation == Allocation::Free {
                let covers: Vec<(usize, usize)> = self
                    .assign
                    .iter()
                    .enumerate()
                    .flat_map(|(u, c)| c.iter().map(move |&(g, x)| (u, g, x)))
                    .filter(|&(_, g, _)| g == o)
                    .map(|(u, _, x)| (u, x))
                    .collect();
                for (u, x) in covers {
                    let t = facts.unit_team.get(u).copied().unwrap_or(0);
                    if t > floor {
                        let mut lhs = head.clone();
                        lhs.add(x, -f64::from(t));
                        let unit = lp_name(&scenario.units[u].id);
                        self.add_row(format!("team_{id}_{unit}"), lhs, Sense::Ge);
                    }
                }
            }
        }
    }

    /// `unmet ≥ load − target × H × persons` for every office.
    fn add_unmet(&mut self, scenario: &Scenario) {
        let per_person = self.target * self.year_value;
        for (o, office) in scenario.offices.iter().enumerate() {
            let u = self.add_var(
                format!("unmet_{}", lp_name(&office.id)),
                0.0,
                f64::INFINITY,
                false,
            );
            self.unmet.push(u);
            let mut lhs = self.load[o].clone();
            lhs.add_lin(&self.persons[o].clone(), -per_person);
            lhs.add(u, -1.0);
            self.add_row(format!("unmet_{}", lp_name(&office.id)), lhs, Sense::Le);
        }
    }

    fn add_quotas(&mut self, scenario: &Scenario) {
        for (t, staff_type) in scenario.staff_types.iter().enumerate() {
            let cap = match &self.caps {
                Some(caps) => caps.get(t).copied(),
                None => scenario.policy.quota.get(t).copied().flatten(),
            };
            let Some(cap) = cap else {
                continue;
            };
            let mut lhs = Lin::constant(-f64::from(cap));
            for row in &self.staff {
                if let Some(Some(v)) = row.get(t) {
                    lhs.add(*v, 1.0);
                }
            }
            if self.caps.is_some() {
                let name = format!("extra_{}", lp_name(&staff_type.id));
                let e = self.add_var(name, 0.0, f64::INFINITY, true);
                self.extra[t] = Some(e);
                lhs.add(e, -1.0);
            }
            self.add_row(format!("quota_{}", lp_name(&staff_type.id)), lhs, Sense::Le);
        }
    }

    fn add_budget(&mut self, scenario: &Scenario) {
        if let Some(budget) = scenario.policy.budget {
            let mut lhs = self.cost_lin(scenario);
            lhs.constant -= budget;
            self.add_row("budget".into(), lhs, Sense::Le);
        }
    }

    /// `moved ≥ |staff − today|` per office and type, for the last goal.
    fn add_changes(&mut self, scenario: &Scenario) {
        for (o, office) in scenario.offices.iter().enumerate() {
            if office.fixed {
                continue;
            }
            for t in 0..scenario.staff_types.len() {
                let today = f64::from(office.staff.get(t).copied().unwrap_or(0));
                let s = self.staff[o][t];
                if s.is_none() && today == 0.0 {
                    continue;
                }
                let name = format!(
                    "moved_{}_{}",
                    lp_name(&office.id),
                    lp_name(&scenario.staff_types[t].id)
                );
                // Whole, as the posts it counts are: then the changes goal moves in whole
                // steps, which lets the solver stop once no plan a change better is left.
                let d = self.add_var(name.clone(), 0.0, f64::INFINITY, true);
                self.moved[o][t] = Some(d);
                let mut up = Lin::constant(-today);
                let mut down = Lin::constant(today);
                if let Some(s) = s {
                    up.add(s, 1.0);
                    down.add(s, -1.0);
                }
                up.add(d, -1.0);
                down.add(d, -1.0);
                self.add_row(format!("{name}_up"), up, Sense::Le);
                self.add_row(format!("{name}_down"), down, Sense::Le);
            }
        }
    }

    /// Total yearly cost.
    pub fn cost_lin(&self, scenario: &Scenario) -> Lin {
        let mut lin = Lin::default();
        for row in &self.staff {
            for (t, v) in row.iter().enumerate() {
                if let (Some(v), Some(st)) = (v, scenario.staff_types.get(t)) {
                    lin.add(*v, st.cost);
                }
            }
        }
        lin
    }

    pub fn unmet_lin(&self) -> Lin {
        let mut lin = Lin::default();
        for &u in &self.unmet {
            lin.add(u, 1.0);
        }
        lin
    }

    pub fn unstable_lin(&self) -> Lin {
        let mut lin = Lin::default();
        for office in &self.unstable {
            lin.add(office.unstable, 1.0);
        }
        lin
    }

    pub fn extra_lin(&self) -> Lin {
        let mut lin = Lin::default();
        for e in self.extra.iter().flatten() {
            lin.add(*e, 1.0);
        }
        lin
    }

    /// Units moved away from today's group plus people added or removed.
    pub fn changes_lin(&self, scenario: &Scenario) -> Lin {
        let mut lin = Lin::default();
        for d in self.moved.iter().flatten().flatten() {
            lin.add(*d, 1.0);
        }
        if self.allocation == Allocation::Free {
            for (u, g) in scenario.coverage().iter().enumerate() {
                let Some(g) = g else { continue };
                lin.constant += 1.0;
                if let Some(&(_, x)) = self
                    .assign
                    .get(u)
                    .and_then(|c| c.iter().find(|(h, _)| h == g))
                {
                    lin.add(x, -1.0);
                }
            }
        }
        lin
    }

    /// Rows capping every office's utilisation at `cap`: `load ≤ cap × H × persons`.
    pub fn peak_rows(&self, cap: f64) -> Vec<Row> {
        self.load
            .iter()
            .zip(&self.persons)
            .enumerate()
            .filter(|(_, (load, _))| !load.terms.is_empty() || load.constant > 0.0)
            .map(|(o, (load, persons))| {
                let mut lhs = load.clone();
                lhs.add_lin(persons, -cap * self.year_value);
                Row {
                    name: format!("peak_{o}"),
                    lhs,
                    sense: Sense::Le,
                }
            })
            .collect()
    }

    /// The same programme with every variable continuous: its optimum is a lower bound.
    pub fn relaxed(&self) -> Program {
        let mut copy = self.clone();
        for v in &mut copy.lp.vars {
            v.integer = false;
        }
        copy
    }

    /// The variable values of a plan, as a warm start.
    pub fn values_of(&self, scenario: &Scenario, facts: &Facts, plan: &Plan) -> Vec<f64> {
        let mut values = vec![0.0; self.lp.vars.len()];
        for (o, row) in self.staff.iter().enumerate() {
            for (t, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    values[*v] = f64::from(
                        plan.staff
                            .get(o)
                            .and_then(|s| s.get(t))
                            .copied()
                            .unwrap_or(0),
                    );
                }
            }
            if let Some(y) = self.open[o] {
                values[y] = if plan.open.get(o).copied().unwrap_or(true) {
                    1.0
                } else {
                    0.0
                };
            }
        }
        for (u, cover) in self.assign.iter().enumerate() {
            for &(g, x) in cover {
                values[x] = if plan.coverage.get(u).copied().flatten() == Some(g) {
                    1.0
                } else {
                    0.0
                };
            }
        }
        let loads = facts.loads(&plan.coverage);
        for (o, &u) in self.unmet.iter().enumerate() {
            let n: u32 = plan.staff.get(o).map_or(0, |s| s.iter().sum());
            values[u] = facts.unmet(o, loads.get(o).copied().unwrap_or(0.0), n);
            // Recompute from the rows' own arithmetic, so the hint is feasible to the solver.
            let exact = self.load[o].eval(&values)
                - self.target * self.year_value * self.persons[o].eval(&values);
            values[u] = exact.max(0.0);
        }
        for (o, stability) in self.unstable.iter().enumerate() {
            stability.warm(facts, o, plan, &mut values);
        }
        for (o, row) in self.moved.iter().enumerate() {
            for (t, d) in row.iter().enumerate() {
                if let Some(d) = d {
                    let today = scenario.offices[o].staff.get(t).copied().unwrap_or(0);
                    let after = plan
                        .staff
                        .get(o)
                        .and_then(|s| s.get(t))
                        .copied()
                        .unwrap_or(0);
                    values[*d] = f64::from(today.abs_diff(after));
                }
            }
        }
        values
    }

    /// Reads a plan out of solved values.
    pub fn plan_of(&self, scenario: &Scenario, facts: &Facts, values: &[f64]) -> Plan {
        let value = |v: usize| values.get(v).copied().unwrap_or(0.0);
        let staff = self
            .staff
            .iter()
            .map(|row| {
                row.iter()
                    .map(|v| v.map_or(0, |v| value(v).round().max(0.0) as u32))
                    .collect()
            })
            .collect();
        let open = (0..scenario.offices.len())
            .map(|o| match self.open[o] {
                Some(y) => value(y) > 0.5,
                None => facts.open_today.get(o).copied().unwrap_or(true),
            })
            .collect();
        let coverage = match &self.allocation {
            Allocation::Fixed(coverage) => coverage.clone(),
            Allocation::Pooled => vec![None; scenario.units.len()],
            Allocation::Free => self
                .assign
                .iter()
                .map(|cover| {
                    cover
                        .iter()
                        .max_by(|a, b| value(a.1).total_cmp(&value(b.1)))
                        .map(|&(g, _)| g)
                })
                .collect(),
        };
        Plan {
            staff,
            coverage,
            open,
        }
    }

    /// Posts beyond each quota in a relaxed programme's solution.
    pub fn extra_of(&self, values: &[f64]) -> Vec<u32> {
        self.extra
            .iter()
            .map(|e| {
                e.map_or(0, |e| {
                    values.get(e).copied().unwrap_or(0.0).round().max(0.0) as u32
                })
            })
            .collect()
    }
}

/// An id as an LP-format name: letters, digits and `_` only (other characters become `_`).
pub fn lp_name(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}
