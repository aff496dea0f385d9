//! Programmes in LP format (the CPLEX text format most solvers read), so that anyone can
//! check a model with another solver. For the whole programme the objective written is the
//! first goal that matters in practice, least cost with a heavy weight on unmet hours; the
//! comment at the top says how the staged goals relate to it. The bound's programmes are
//! written with their own objective and a comment saying what their optimum bounds.

use std::fmt::Write as _;

use crate::model::Scenario;
use crate::optimise::model::program::{Lin, Lp, Program, Sense};

/// Weight of one unmet hour against one unit of money in the written objective: large enough
/// that no saving outweighs an unmet hour in realistic scenarios.
const UNMET_WEIGHT: f64 = 1e6;

/// The whole programme (or the pooled relaxation) with the combined objective.
pub fn write(scenario: &Scenario, program: &Program) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\\ staffplan optimisation model of \"{}\"",
        scenario.name.replace('\n', " ")
    );
    let _ = writeln!(
        out,
        "\\ Goals in order: unmet hours, unstable hours, cost, peak utilisation, changes. staffplan"
    );
    let _ = writeln!(
        out,
        "\\ solves them in stages; this file combines the first three as cost + {UNMET_WEIGHT:e} x\n\\ (unmet hours + unstable hours)."
    );
    let mut objective = program.cost_lin(scenario);
    objective.add_lin(&program.unmet_lin(), UNMET_WEIGHT);
    objective.add_lin(&program.unstable_lin(), UNMET_WEIGHT);
    out.push_str(&body(&program.lp, &objective));
    out
}

/// Any programme with its objective, under comment lines saying what it is.
pub fn write_with(scenario: &Scenario, comments: &[&str], program: &Lp, objective: &Lin) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\\ staffplan optimisation model of \"{}\"",
        scenario.name.replace('\n', " ")
    );
    for line in comments {
        let _ = writeln!(out, "\\ {line}");
    }
    out.push_str(&body(program, objective));
    out
}

/// A programme and its objective (minimised) in LP format, from `Minimize` to `End`.
pub fn body(program: &Lp, objective: &Lin) -> String {
    let mut out = String::new();
    out.push_str("Minimize\n obj: ");
    out.push_str(&terms(program, objective));
    out.push_str("\nSubject To\n");
    for row in &program.rows {
        let op = match row.sense {
            Sense::Le => "<=",
            Sense::Ge => ">=",
            Sense::Eq => "=",
        };
        let _ = writeln!(
            out,
            " {}: {} {op} {}",
            row.name,
            terms(program, &row.lhs),
            number(-row.lhs.constant)
        );
    }
    out.push_str("Bounds\n");
    for var in &program.vars {
        if var.hi.is_finite() {
            let _ = writeln!(
                out,
                " {} <= {} <= {}",
                number(var.lo),
                var.name,
                number(var.hi)
            );
        } else {
            let _ = writeln!(out, " {} >= {}", var.name, number(var.lo));
        }
    }
    let integers: Vec<&str> = program
        .vars
        .iter()
        .filter(|v| v.integer)
        .map(|v| v.name.as_str())
        .collect();
    if !integers.is_empty() {
        out.push_str("General\n");
        for chunk in integers.chunks(8) {
            let _ = writeln!(out, " {}", chunk.join(" "));
        }
    }
    out.push_str("End\n");
    out
}

/// The variable terms of an expression, merged per variable, `0` when there are none.
fn terms(program: &Lp, lin: &Lin) -> String {
    let mut merged: Vec<(usize, f64)> = Vec::new();
    for &(v, c) in &lin.terms {
        match merged.iter_mut().find(|(w, _)| *w == v) {
            Some(entry) => entry.1 += c,
            None => merged.push((v, c)),
        }
    }
    let mut text = String::new();
    for (v, c) in merged.into_iter().filter(|(_, c)| *c != 0.0) {
        let Some(var) = program.vars.get(v) else {
            continue;
        };
        let sign = if c < 0.0 { "-" } else { "+" };
        if text.is_empty() {
            if c < 0.0 {
                text.push_str("- ");
            }
        } else {
            let _ = write!(text, " {sign} ");
        }
        let _ = write!(text, "{} {}", number(c.abs()), var.name);
    }
    if text.is_empty() {
        text.push_str("0 ");
        text.push_str(program.vars.first().map_or("", |v| v.name.as_str()));
    }
    text
}

fn number(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
