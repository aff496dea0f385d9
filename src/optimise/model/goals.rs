//! The goals of SPEC §4 in one place: unmet hours, unstable hours (SPEC §13's stability with
//! team rules, right after the target), cost, peak utilisation and changes, compared
//! lexicographically. Everything that decides whether one plan beats another (the
//! heuristic's moves, the staged programme, the choice among the ways' answers) and every
//! figure of unmet hours (per office, before and after) goes through here, so they cannot
//! drift apart.

use std::cmp::Ordering;

use crate::analysis::TOLERANCE;

/// Relative tolerance under which two values of a goal count as equal, so that float noise in
/// one goal does not hide a real difference in the next.
const CLOSE: f64 = 1e-9;

/// A plan's value on each goal, in the order they count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub unmet_hours: f64,
    /// Hours by which offices' load reaches what their whole teams serve ([`unstable_hours`]).
    pub unstable_hours: f64,
    pub cost: f64,
    pub peak: f64,
    pub changes: f64,
}

impl Score {
    /// Worse than any plan: the score of a plan that breaks a rule.
    pub fn worst() -> Score {
        Score {
            unmet_hours: f64::INFINITY,
            unstable_hours: f64::INFINITY,
            cost: f64::INFINITY,
            peak: f64::INFINITY,
            changes: f64::INFINITY,
        }
    }

    /// Strictly better on the goals in order ([`compare`]).
    pub fn better_than(&self, other: &Score) -> bool {
        let goals = |s: &Score| [s.unmet_hours, s.unstable_hours, s.cost, s.peak, s.changes];
        compare(&goals(self), &goals(other)) == Ordering::Less
    }
}

/// Lexicographic comparison of goal values, the first goal first: values within [`CLOSE`]
/// (relative, at least absolute) of each other are equal; a finite value beats an infinite
/// one; two infinite values are equal.
pub fn compare(a: &[f64], b: &[f64]) -> Ordering {
    for (&x, &y) in a.iter().zip(b) {
        match (x.is_finite(), y.is_finite()) {
            (false, false) => continue,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (true, true) => {}
        }
        let scale = x.abs().max(y.abs()).max(1.0);
        if x < y - CLOSE * scale {
            return Ordering::Less;
        }
        if x > y + CLOSE * scale {
            return Ordering::Greater;
        }
    }
    Ordering::Equal
}

/// Unmet hours of one office: `max(0, R − target × C)`, where a shortfall within the
/// analysis tolerance of the required hours is float noise and counts as none.
pub fn unmet_hours(required: f64, target: f64, capacity_hours: f64) -> f64 {
    let unmet = required - target * capacity_hours;
    if unmet > TOLERANCE * required.max(1.0) {
        unmet
    } else {
        0.0
    }
}

/// Hours a year of room an office must keep beyond its load to count as stable: SPEC §13's
/// rule is strict (a load equal to what the people serve is unstable), and a programme's rows
/// are not, so the margin stands in for "strictly", small beside any office's load.
pub const STABLE_MARGIN: f64 = 0.01;

/// Unstable hours of one office (SPEC §13, team rules included): `max(0, R + margin − W)`
/// where `W` is what its whole teams serve in hours a year; none without work.
pub fn unstable_hours(required: f64, whole_team_hours: f64) -> f64 {
    if required <= 0.0 {
        return 0.0;
    }
    (required + STABLE_MARGIN - whole_team_hours).max(0.0)
}

/// Which goal a lower bound is about: unmet hours when the target cannot be met, else cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    UnmetHours,
    Cost,
}

/// The goal a bound is about and the plan's value on it: unmet hours while there are any,
/// else cost.
pub fn objective_of(score: &Score) -> (Objective, f64) {
    if score.unmet_hours > 0.0 {
        (Objective::UnmetHours, score.unmet_hours)
    } else {
        (Objective::Cost, score.cost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(unmet_hours: f64, cost: f64, peak: f64, changes: f64) -> Score {
        Score {
            unmet_hours,
            unstable_hours: 0.0,
            cost,
            peak,
            changes,
        }
    }

    #[test]
    fn goals_count_in_order_and_noise_does_not() {
        let a = score(0.0, 100.0, 0.9, 5.0);
        assert!(a.better_than(&score(1.0, 50.0, 0.1, 0.0)));
        assert!(a.better_than(&score(0.0, 101.0, 0.1, 0.0)));
        assert!(a.better_than(&score(0.0, 100.0, 0.91, 0.0)));
        assert!(a.better_than(&score(0.0, 100.0, 0.9, 6.0)));
        // 1e-12 of the cost apart is noise: the next goal decides.
        assert!(score(0.0, 100.0 + 1e-10, 0.5, 0.0).better_than(&a));
        assert!(!a.better_than(&a));
    }

    #[test]
    fn stability_counts_after_the_target_and_before_cost() {
        let stable = score(0.0, 240.0, 0.6, 0.0);
        let unstable = Score {
            unstable_hours: 800.0,
            ..score(0.0, 180.0, 0.8, 0.0)
        };
        assert!(stable.better_than(&unstable));
        assert!(unstable.better_than(&score(1.0, 300.0, 0.5, 0.0)));
        // 4,800 h against the 4,000 h one team of two serves, with the margin; none without
        // work, and none with room to spare.
        assert!((unstable_hours(4800.0, 4000.0) - (800.0 + STABLE_MARGIN)).abs() < 1e-9);
        assert!(unstable_hours(4000.0, 4000.0) > 0.0);
        assert_eq!(unstable_hours(0.0, 0.0), 0.0);
        assert_eq!(unstable_hours(4800.0, 8000.0), 0.0);
    }

    #[test]
    fn finite_beats_infinite_and_two_infinities_tie() {
        assert!(score(0.0, 1.0, 2.0, 0.0).better_than(&score(0.0, 1.0, f64::INFINITY, 0.0)));
        assert!(score(0.0, 1.0, f64::INFINITY, 0.0).better_than(&score(
            0.0,
            1.0,
            f64::INFINITY,
            1.0
        )));
        assert!(Score::worst() == Score::worst());
        assert!(!Score::worst().better_than(&Score::worst()));
    }

    #[test]
    fn unmet_hours_are_the_shortfall_beyond_the_target_and_noise_is_none() {
        // 1,000 h required, 1,000 h capacity at target 0.85: 150 h unmet.
        assert!((unmet_hours(1000.0, 0.85, 1000.0) - 150.0).abs() < 1e-9);
        assert_eq!(unmet_hours(800.0, 0.85, 1000.0), 0.0);
        // 1e-10 h over on 1,000 h is float noise.
        assert_eq!(unmet_hours(850.0 + 1e-10, 0.85, 1000.0), 0.0);
    }
}
