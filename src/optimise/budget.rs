//! How the optimiser spends `--time-limit`. One deadline is fixed when the call starts; each
//! stage asks for a share of the time *left* when it begins, so a stage that finishes early
//! hands its time on to the next ones, and no stage (the lower bound included) can run past
//! the one deadline by more than the small floor a solver needs to answer at all.

use std::time::{Duration, Instant};

/// The time left until the one deadline of an `optimise` call.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    started: Instant,
    deadline: Instant,
}

impl Budget {
    /// A budget of `limit` from now.
    pub fn new(limit: Duration) -> Budget {
        let now = Instant::now();
        Budget {
            started: now,
            deadline: now
                .checked_add(limit)
                .unwrap_or(now + Duration::from_secs(86_400 * 365)),
        }
    }

    /// Time since the budget was set.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// When everything must be done.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Time left until the deadline (zero once it has passed).
    pub fn left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// The deadline of a stage that may use `share` (0..=1) of the time left now.
    pub fn slice(&self, share: f64) -> Instant {
        Instant::now() + self.left().mul_f64(share.clamp(0.0, 1.0))
    }

    /// `share` of the time left now, but never less than `floor`: for a solver call, which
    /// needs a moment to answer even when the time is up.
    pub fn share(&self, share: f64, floor: Duration) -> Duration {
        self.left().mul_f64(share.clamp(0.0, 1.0)).max(floor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_is_a_share_of_the_time_left_and_never_past_the_deadline() {
        let budget = Budget::new(Duration::from_secs(100));
        let half = budget.slice(0.5);
        let whole = budget.slice(2.0);
        assert!(half <= budget.deadline());
        assert!(whole <= budget.deadline());
        let half_left = half.saturating_duration_since(Instant::now());
        assert!(half_left <= Duration::from_secs(50), "{half_left:?}");
        assert!(half_left >= Duration::from_secs(49), "{half_left:?}");
    }

    #[test]
    fn a_spent_budget_has_nothing_left_but_a_solver_keeps_its_floor() {
        let budget = Budget::new(Duration::ZERO);
        assert_eq!(budget.left(), Duration::ZERO);
        assert!(budget.slice(0.5) >= budget.deadline());
        assert_eq!(
            budget.share(0.5, Duration::from_millis(50)),
            Duration::from_millis(50)
        );
    }
}
