//! The one file that names a solver crate: it turns a programme held as data ([`Lp`]) into
//! microlp's model, solves it and reads the values back. Everything else builds [`Lp`] data.
//! microlp is called directly because only there can a solve be limited by a number of
//! branch-and-bound nodes: the effort of [`Deadline`], which gives the same answer on any
//! machine, where a time limit does not. A HiGHS build was dropped: compiling HiGHS took
//! longer than the whole CI budget, so it could not be kept working.

use crate::optimise::budget::{Deadline, PIVOTS_PER_NODE, STEPS_PER_NODE};
use crate::optimise::model::program::{Lin, Lp, Row, Sense};

/// Why a solve gave no plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Infeasible,
    /// The time limit passed before any feasible answer.
    NoAnswerInTime,
    Solver(String),
}

/// A solved stage.
#[derive(Debug, Clone)]
pub struct Solved {
    pub values: Vec<f64>,
    pub proven: bool,
    /// The solver's best proven lower bound on the objective, where it reports one.
    pub bound: Option<f64>,
}

/// Minimises `objective` under the rows of `lp` and `extra` rows, from the `warm` values if
/// given, within the effort of `deadline` (its clock as the safety cap).
pub fn solve(
    lp: &Lp,
    objective: &Lin,
    extra: &[Row],
    warm: Option<&[f64]>,
    deadline: &Deadline,
) -> Result<Solved, Failure> {
    use microlp::{SolveOptions, SolveOutcome, TerminationReason};

    if let Some(failure) = spent(deadline) {
        return Err(failure);
    }
    // A pivot costs about the square of the number of rows: measured, a pivot took 8 µs
    // with 374 rows, 50 µs with 676 and 118 µs with 1,217 (release, a busy two-core
    // machine), about rows² / 3,300 steps. A node takes some ten pivots.
    let rows = (lp.rows.len() + extra.len()) as u64;
    let per_pivot = rows.saturating_mul(rows) / 3_300 + 1;
    // The root relaxation is solved whatever the node limit, in about a pivot for every
    // other row: a solve the effort left cannot pay for is not begun.
    let root = (rows / 2).saturating_mul(per_pivot);
    if deadline.steps_left() < root {
        deadline.effort_stopped();
        return Err(Failure::NoAnswerInTime);
    }
    let (problem, handles) = microlp_problem(lp, objective, extra)?;
    let mut options = SolveOptions::default();
    // Where the objective moves in whole steps, a plan is optimal once nothing left in the
    // tree can beat it by a step: the search may stop there instead of closing the last
    // fraction of a step, the tail where a branch and bound spends most of its nodes. The
    // relative gap is set from the start's value; whether the stop is a proof is checked
    // below on the answer itself.
    let step = objective_step(lp, objective);
    // The solver's objective leaves out the constant, and so does its gap.
    let start_value = warm.map(|w| objective.eval(w) - objective.constant);
    if let (Some(step), Some(value)) = (step, start_value) {
        if value.is_finite() && value.abs() > step {
            options.mip_gap = 0.999 * step / value.abs();
        }
    }
    // microlp looks at its clock every thousand pivots or so: it is asked to stop a little
    // early so that it stops within the stage's cap.
    options.time_limit = Some(deadline.clock_left().mul_f64(0.95));
    let per_node = STEPS_PER_NODE + PIVOTS_PER_NODE * per_pivot;
    let node_limit = deadline.steps_left() / per_node;
    options.node_limit = Some(node_limit);
    let cold = options.clone();
    options.warm_start = warm.map(|w| handles.iter().copied().zip(w.iter().copied()).collect());
    let first = problem.solve_with(options);
    // microlp can stumble on a start it was given ("singular matrix"); the same programme
    // from no start is the same question, so it is asked again that way.
    let second = match first {
        Err(microlp::Error::InternalError(_)) if warm.is_some() => {
            deadline.spend(node_limit.saturating_mul(per_node) / 4);
            problem.solve_with(cold)
        }
        other => other,
    };
    let outcome = match second {
        Ok(outcome) => outcome,
        Err(microlp::Error::Infeasible) => return Err(Failure::Infeasible),
        Err(error) => {
            // What the failed solve spent is not known: its whole allowance is counted.
            deadline.spend(node_limit.saturating_mul(per_node));
            return Err(Failure::Solver(error.to_string()));
        }
    };
    let stats = outcome.stats();
    // The bound is on the solver's objective, which leaves out the constant.
    let bound = stats
        .best_bound
        .filter(|b| b.is_finite())
        .map(|b| b + objective.constant);
    deadline.spend(
        stats
            .nodes_solved
            .saturating_mul(STEPS_PER_NODE)
            .saturating_add(stats.lp_iterations.saturating_mul(per_pivot)),
    );
    let reason = outcome.termination_reason();
    match reason {
        TerminationReason::TimeLimit => deadline.clock_stopped(),
        TerminationReason::NodeLimit => deadline.effort_stopped(),
        _ => {}
    }
    match outcome {
        SolveOutcome::Solution(solution) => {
            let values: Vec<f64> = handles.iter().map(|&h| solution.var_value_raw(h)).collect();
            let value = objective.eval(&values);
            // A stop on the gap proves the answer when no plan a whole step better is left.
            let within_a_step = step
                .zip(bound)
                .is_some_and(|(step, bound)| no_step_better(value, bound, step));
            let proven = reason == TerminationReason::ProvenOptimal
                || (reason == TerminationReason::MipGap && within_a_step);
            Ok(Solved {
                values,
                proven,
                bound: if proven { Some(value) } else { bound },
            })
        }
        SolveOutcome::Interrupted(_) => Err(Failure::NoAnswerInTime),
    }
}

/// The programme `lp` with `objective` and the `extra` rows as microlp's problem, with the
/// handle of each variable.
fn microlp_problem(
    lp: &Lp,
    objective: &Lin,
    extra: &[Row],
) -> Result<(microlp::Problem, Vec<microlp::Variable>), Failure> {
    use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem};

    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let mut coefficient = vec![0.0; lp.vars.len()];
    for &(v, c) in &objective.terms {
        if let Some(slot) = coefficient.get_mut(v) {
            *slot += c;
        }
    }
    let mut handles = Vec::with_capacity(lp.vars.len());
    for (v, c) in lp.vars.iter().zip(&coefficient) {
        let handle = if v.integer {
            let lo = whole(v.lo.ceil()).ok_or_else(out_of_range)?;
            let hi = if v.hi.is_finite() {
                whole(v.hi.floor()).ok_or_else(out_of_range)?
            } else {
                i32::MAX
            };
            if lo > hi {
                return Err(Failure::Infeasible);
            }
            problem.add_integer_var(*c, (lo, hi))
        } else {
            problem.add_var(*c, (v.lo, v.hi))
        };
        handles.push(handle);
    }
    for row in lp.rows.iter().chain(extra) {
        let mut expr = LinearExpr::empty();
        for &(v, c) in &row.lhs.terms {
            if let Some(&h) = handles.get(v) {
                expr.add(h, c);
            }
        }
        let op = match row.sense {
            Sense::Le => ComparisonOp::Le,
            Sense::Ge => ComparisonOp::Ge,
            Sense::Eq => ComparisonOp::Eq,
        };
        problem.add_constraint(expr, op, -row.lhs.constant);
    }
    Ok((problem, handles))
}

/// The step in which the objective moves: the greatest common divisor of its coefficients,
/// where every term is a whole-number variable with a whole coefficient; `None` otherwise.
fn objective_step(lp: &Lp, objective: &Lin) -> Option<f64> {
    let mut step: u64 = 0;
    for &(v, c) in &objective.terms {
        let whole = lp.vars.get(v).is_some_and(|var| var.integer);
        if !whole || c.fract() != 0.0 || c.abs() >= 2f64.powi(53) {
            return None;
        }
        step = gcd(step, c.abs() as u64);
    }
    (step > 0).then_some(step as f64)
}

/// No plan a whole `step` better than `value` is left when the bound is less than a step
/// below it (with room for the solver's float noise, far smaller than a step).
fn no_step_better(value: f64, bound: f64, step: f64) -> bool {
    value - bound < step * 0.999
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A whole bound as the solver's integer, if it fits.
fn whole(v: f64) -> Option<i32> {
    (f64::from(i32::MIN)..=f64::from(i32::MAX))
        .contains(&v)
        .then_some(v as i32)
}

fn out_of_range() -> Failure {
    Failure::Solver("a whole-number bound outside the solver's range".into())
}

/// The failure of a solve that has nothing left to run on, recorded as what stopped it.
fn spent(deadline: &Deadline) -> Option<Failure> {
    if deadline.clock_left().is_zero() {
        deadline.clock_stopped();
        Some(Failure::NoAnswerInTime)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lp(integer: &[bool]) -> Lp {
        let mut lp = Lp::default();
        for (i, &whole) in integer.iter().enumerate() {
            lp.var(format!("x{i}"), 0.0, 10.0, whole);
        }
        lp
    }

    fn lin(terms: &[(usize, f64)]) -> Lin {
        Lin {
            terms: terms.to_vec(),
            constant: 7.0,
        }
    }

    #[test]
    fn the_objective_moves_in_the_greatest_common_divisor_of_whole_costs() {
        let whole = lp(&[true, true, false]);
        // Posts at 110,000 and 60,000 a year: any two plans differ by a multiple of 10,000.
        assert_eq!(
            objective_step(&whole, &lin(&[(0, 110_000.0), (1, 60_000.0)])),
            Some(10_000.0)
        );
        assert_eq!(
            objective_step(&whole, &lin(&[(0, -3.0), (1, 1.0)])),
            Some(1.0)
        );
        // A continuous variable, or a cost with cents, moves by any amount.
        assert_eq!(objective_step(&whole, &lin(&[(0, 1.0), (2, 1.0)])), None);
        assert_eq!(objective_step(&whole, &lin(&[(0, 1.5)])), None);
        assert_eq!(objective_step(&whole, &lin(&[])), None);
    }

    #[test]
    fn only_a_bound_less_than_a_step_below_proves_the_answer() {
        assert!(no_step_better(390_000.0, 385_000.0, 10_000.0));
        // A plan at 380,000 may still exist.
        assert!(!no_step_better(390_000.0, 380_000.0, 10_000.0));
        assert!(!no_step_better(5.0, 4.0, 1.0));
        assert!(no_step_better(5.0, 4.5, 1.0));
    }

    #[test]
    fn a_stop_within_a_step_of_the_bound_is_the_proven_optimum() {
        // min 60,000 a + 110,000 b with a + 2b ≥ 7, from a = 7 (420,000): the optimum is
        // a = 1, b = 3 (390,000), the relaxation's b = 3.5 gives 385,000, less than a step
        // of 10,000 below it, so the search may stop on the gap with a proof.
        let mut lp = lp(&[true, true]);
        let mut cover = Lin::constant(-7.0);
        cover.add(0, 1.0);
        cover.add(1, 2.0);
        lp.row("cover".into(), cover, Sense::Ge);
        let objective = Lin {
            terms: vec![(0, 60_000.0), (1, 110_000.0)],
            constant: 0.0,
        };
        let budget = crate::optimise::budget::Budget::with_clock(
            std::time::Duration::from_secs(5),
            std::time::Duration::from_secs(5),
        );
        let solved = solve(&lp, &objective, &[], Some(&[7.0, 0.0]), &budget.slice(1.0)).unwrap();
        assert!(solved.proven);
        assert_eq!(objective.eval(&solved.values), 390_000.0);
        assert_eq!(solved.bound, Some(390_000.0));
    }
}
