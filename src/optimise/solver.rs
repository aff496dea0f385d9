//! The one file that names good_lp: it turns a programme held as data ([`Lp`]) into a
//! good_lp model, solves it with the solver the build selected (microlp, or HiGHS with the
//! `highs` feature), and reads the values back. Everything else builds [`Lp`] data.

use std::time::Duration;

use good_lp::{
    variable, Expression, ProblemVariables, ResolutionError, Solution, SolutionStatus, SolverModel,
    Variable, WithInitialSolution, WithTimeLimit,
};

use super::program::{Failure, Lin, Lp, Row, Sense, Solved};

#[cfg(feature = "highs")]
use good_lp::highs as solver;
#[cfg(not(feature = "highs"))]
use good_lp::microlp as solver;

/// Minimises `objective` under the rows of `lp` and `extra` rows.
pub fn solve(
    lp: &Lp,
    objective: &Lin,
    extra: &[Row],
    warm: Option<&[f64]>,
    time: Duration,
) -> Result<Solved, Failure> {
    let mut problem = ProblemVariables::new();
    let handles: Vec<Variable> = lp
        .vars
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut def = variable().min(v.lo);
            if v.hi.is_finite() {
                def = def.max(v.hi);
            }
            if v.integer {
                def = def.integer();
            }
            if let Some(value) = warm.and_then(|w| w.get(i)) {
                def = def.initial(*value);
            }
            problem.add(def)
        })
        .collect();
    let expression = |lin: &Lin| -> Expression {
        let mut e = Expression::from(lin.constant);
        for &(v, c) in &lin.terms {
            if let Some(h) = handles.get(v) {
                e.add_mul(c, *h);
            }
        }
        e
    };
    let mut model = problem.minimise(expression(objective)).using(solver);
    for row in lp.rows.iter().chain(extra) {
        let e = expression(&row.lhs);
        let constraint = match row.sense {
            Sense::Le => e.leq(0.0),
            Sense::Ge => e.geq(0.0),
            Sense::Eq => e.eq(0.0),
        };
        model.add_constraint(constraint);
    }
    if let Some(w) = warm {
        let hint: Vec<(Variable, f64)> = handles.iter().copied().zip(w.iter().copied()).collect();
        model = model.with_initial_solution(hint);
    }
    let model = model.with_time_limit(time.as_secs_f64().max(0.01));
    let result = model.solve();
    match result {
        Ok(solution) => {
            let proven = matches!(solution.status(), SolutionStatus::Optimal);
            Ok(Solved {
                values: handles.iter().map(|h| solution.value(*h)).collect(),
                proven,
            })
        }
        Err(ResolutionError::Infeasible) => Err(Failure::Infeasible),
        Err(ResolutionError::Other(message)) if message.contains("Time limit") => {
            Err(Failure::NoAnswerInTime)
        }
        Err(error) => Err(Failure::Solver(error.to_string())),
    }
}
