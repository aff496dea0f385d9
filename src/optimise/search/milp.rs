//! The goals of a [`Program`] solved in order (they are lexicographic): fewest unmet hours,
//! then fewest unstable hours (whole teams, SPEC §13) with unmet hours held, then least cost
//! with both held, then the lowest peak utilisation by stepping a
//! utilisation cap down (linear for a fixed cap), then fewest changes. Each stage starts from
//! the best plan so far and keeps it unless the solver finds a plan that scores better on
//! the exact figures ([`Facts::score`]), so the answer is never worse than a rule-keeping
//! start.

use crate::model::Scenario;
use crate::optimise::budget::Deadline;
use crate::optimise::model::facts::{Facts, Plan};
use crate::optimise::model::goals::Score;
use crate::optimise::model::program::{Lin, Program, Row, Sense};
use crate::optimise::search::solver::{self, Failure};

/// The result of the staged solve.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub plan: Plan,
    /// Every stage proved optimal.
    pub proven: bool,
    /// The goals up to cost (unmet hours, unstable hours, cost) proved optimal.
    pub primary_proven: bool,
    /// A proven lower bound on the cost where unmet hours were proven least: the branch
    /// and bound's bound when the cost stage ran out of effort.
    pub cost_bound: Option<f64>,
}

impl Program {
    /// Solves the goals in order, starting from `start` (a plan that may break rules, e.g.
    /// today's staff; the heuristic's when it keeps them), within the effort of `deadline`.
    pub fn solve_goals(
        &self,
        scenario: &Scenario,
        facts: &Facts,
        start: &Plan,
        deadline: Deadline,
    ) -> Result<Outcome, Failure> {
        let mut staged = Staged::new(self, scenario, facts, start, deadline);
        if !staged.valid || staged.score.unmet_hours > 0.0 {
            staged.stage(&self.unmet_lin(), &[]);
            if !facts.keeps_rules(&staged.best) {
                return Err(staged.failure);
            }
        }
        if staged.score.unstable_hours > 0.0 {
            staged.stage(&self.unstable_lin(), &[staged.unmet_row()]);
        }
        let held = [staged.unmet_row(), staged.unstable_row()];
        let unmet_proven = staged.proven;
        staged.bound = None;
        staged.stage(&self.cost_lin(scenario), &held);
        let primary_proven = unmet_proven && staged.proven;
        // Float noise of the solver must not lift the bound above a true optimum.
        let cost_bound = staged
            .bound
            .filter(|_| unmet_proven)
            .map(|b| b - tolerance(b) * 10.0);
        staged.lower_peak();
        let mut rows = vec![staged.unmet_row(), staged.unstable_row(), staged.cost_row()];
        if staged.score.peak.is_finite() {
            rows.extend(self.peak_rows(staged.score.peak * (1.0 + 1e-9) + 1e-12));
        }
        staged.stage(&self.changes_lin(scenario), &rows);
        Ok(Outcome {
            plan: staged.best,
            proven: staged.proven,
            primary_proven,
            cost_bound,
        })
    }
}

/// The state of the staged solve: the best plan so far, its score, whether every stage so
/// far was proven, and the last failure.
struct Staged<'p, 's, 'b> {
    program: &'p Program,
    scenario: &'s Scenario,
    facts: &'p Facts<'s>,
    best: Plan,
    score: Score,
    /// The start keeps every rule.
    valid: bool,
    proven: bool,
    failure: Failure,
    /// The solver's bound from the last stage solved.
    bound: Option<f64>,
    deadline: Deadline<'b>,
    /// Most effort for one step of the peak's descent.
    step_steps: u64,
}

impl<'p, 's, 'b> Staged<'p, 's, 'b> {
    fn new(
        program: &'p Program,
        scenario: &'s Scenario,
        facts: &'p Facts<'s>,
        start: &Plan,
        deadline: Deadline<'b>,
    ) -> Self {
        let valid = facts.keeps_rules(start);
        let score = if valid {
            facts.score(start)
        } else {
            Score::worst()
        };
        let step_steps = deadline.steps_left() / 10;
        Staged {
            program,
            scenario,
            facts,
            best: start.clone(),
            score,
            valid,
            proven: true,
            failure: Failure::Infeasible,
            bound: None,
            deadline,
            step_steps,
        }
    }

    /// Minimises `objective` under `rows` from the best plan; keeps the answer if better.
    fn stage(&mut self, objective: &Lin, rows: &[Row]) {
        if self.deadline.passed() {
            self.proven = false;
            self.failure = Failure::NoAnswerInTime;
            return;
        }
        let program = self.program;
        let warm = program.values_of(self.scenario, self.facts, &self.best);
        match solver::solve(&program.lp, objective, rows, Some(&warm), &self.deadline) {
            Ok(solved) => {
                self.proven &= solved.proven;
                self.bound = solved.bound;
                let plan = program.plan_of(self.scenario, self.facts, &solved.values);
                let mut taken = false;
                if self.facts.keeps_rules(&plan) {
                    let candidate = self.facts.score(&plan);
                    if candidate.better_than(&self.score) {
                        self.best = plan;
                        self.score = candidate;
                        taken = true;
                    }
                }
                // The proof is of the solver's answer: where that is left for a plan the
                // programme values worse (a group's whole teams left out of it, say), it
                // proves nothing about the plan kept.
                let found = objective.eval(&solved.values);
                let kept =
                    objective.eval(&program.values_of(self.scenario, self.facts, &self.best));
                if !taken && found < kept - tolerance(kept) {
                    self.proven = false;
                }
            }
            Err(error) => {
                self.proven = false;
                self.failure = error;
            }
        }
    }

    /// Unmet hours held at the best plan's (within a small tolerance).
    fn unmet_row(&self) -> Row {
        let u = self.score.unmet_hours;
        let mut lhs = self.program.unmet_lin();
        lhs.constant -= u + tolerance(u);
        Row {
            name: "goal_unmet".into(),
            lhs,
            sense: Sense::Le,
        }
    }

    /// Unstable hours held at the best plan's (within a small tolerance).
    fn unstable_row(&self) -> Row {
        let u = self.score.unstable_hours;
        let mut lhs = self.program.unstable_lin();
        lhs.constant -= u + tolerance(u);
        Row {
            name: "goal_unstable".into(),
            lhs,
            sense: Sense::Le,
        }
    }

    /// Cost held at the best plan's (within a small tolerance).
    fn cost_row(&self) -> Row {
        let c = self.score.cost;
        let mut lhs = self.program.cost_lin(self.scenario);
        lhs.constant -= c + tolerance(c);
        Row {
            name: "goal_cost".into(),
            lhs,
            sense: Sense::Le,
        }
    }

    /// Peak: ask for any plan strictly below the best peak so far (keeping unmet hours and
    /// cost); each answer lowers the peak to its own exact value, and "infeasible" proves
    /// the last one optimal. Proving infeasibility is quick for the solver; searching a
    /// mid-point cap (bisection) was not, so the search only ever steps down.
    fn lower_peak(&mut self) {
        let mut high = self.score.peak;
        if !(high.is_finite() && high > 0.0) {
            return;
        }
        loop {
            if self.deadline.passed() {
                self.proven = false;
                return;
            }
            let mut rows = vec![self.unmet_row(), self.unstable_row(), self.cost_row()];
            rows.extend(self.program.peak_rows(high * (1.0 - 1e-6)));
            let warm = self
                .program
                .values_of(self.scenario, self.facts, &self.best);
            // The last step (proving nothing lower exists) can take the solver long; it
            // gets a bounded share of the effort, and the answer is marked unproven.
            let share = self.step_steps as f64 / self.deadline.steps_left().max(1) as f64;
            let cap = self.deadline.slice(share.min(1.0));
            match solver::solve(&self.program.lp, &Lin::default(), &rows, Some(&warm), &cap) {
                Ok(solved) => {
                    let plan = self
                        .program
                        .plan_of(self.scenario, self.facts, &solved.values);
                    let candidate = self.facts.score(&plan);
                    if self.facts.keeps_rules(&plan) && candidate.peak < high {
                        high = candidate.peak;
                        if candidate.better_than(&self.score) {
                            self.best = plan;
                            self.score = candidate;
                        }
                    } else {
                        // Rounding put the answer above the cap: no progress to be had.
                        self.proven = false;
                        return;
                    }
                }
                Err(Failure::Infeasible) => return,
                Err(_) => {
                    self.proven = false;
                    return;
                }
            }
        }
    }
}

/// How far a held goal may move: float noise of the solver, not a real change.
fn tolerance(v: f64) -> f64 {
    1e-6 * v.abs().max(1.0)
}
