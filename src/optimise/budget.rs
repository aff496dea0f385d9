//! How the optimiser spends `--time-limit`. The limit is turned into an *effort*: a number of
//! steps of work (a move tried, a packing node, a branch-and-bound node of the solver),
//! [`STEPS_PER_SECOND`] per second of the limit. Each stage asks for a share of the effort
//! *left* when it begins, so a stage that finishes early hands its effort on to the next
//! ones. Steps are counted, not timed, so that the same scenario and `--time-limit` give the
//! same answer byte for byte on any machine and under any load. The wall clock stays as a
//! safety cap: when it passes the limit first (a slow or busy machine), every stage stops
//! and the answer says so ([`StoppedBy::Clock`]); only then may two runs differ.

use std::cell::Cell;
use std::time::{Duration, Instant};

use serde::Serialize;

/// Steps of work a second of `--time-limit` buys. Measured on a busy two-core machine so
/// that the effort, not the clock, ends a time-limited search on ordinary hardware.
pub const STEPS_PER_SECOND: f64 = 3_000_000.0;

/// Steps one branch-and-bound node of the solver counts for, beside its pivots.
pub const STEPS_PER_NODE: u64 = 100;

/// Simplex pivots a branch-and-bound node takes, for the node limit of a solve (each pivot
/// is counted afterwards at a cost in proportion to the programme's size).
pub const PIVOTS_PER_NODE: u64 = 10;

/// The wall-clock cap of a limit: a little short of it, so that the figures worked out after
/// the search, and a solver that notices its time limit a little late, still end within the
/// limit plus half a second.
pub fn safety_cap(limit: Duration) -> Duration {
    limit.saturating_sub((limit / 20).min(Duration::from_millis(400)))
}

/// What cut a search short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StoppedBy {
    /// The effort that `--time-limit` buys was spent: reproducible.
    Effort,
    /// The wall clock passed `--time-limit` before the effort was spent: the answer depends
    /// on the machine's speed.
    Clock,
}

impl StoppedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            StoppedBy::Effort => "effort",
            StoppedBy::Clock => "clock",
        }
    }
}

/// The effort and the clock of one `optimise` call.
#[derive(Debug)]
pub struct Budget {
    started: Instant,
    clock: Instant,
    total: u64,
    used: Cell<u64>,
    stopped: Cell<Option<StoppedBy>>,
}

impl Budget {
    /// A budget for a limit of `limit` from now.
    pub fn new(limit: Duration) -> Budget {
        Budget::with_clock(limit, limit)
    }

    /// The effort of `limit`, with the wall clock capped at `clock` from now.
    pub fn with_clock(limit: Duration, clock: Duration) -> Budget {
        let now = Instant::now();
        let steps = limit.as_secs_f64() * STEPS_PER_SECOND;
        Budget {
            started: now,
            clock: now
                .checked_add(clock)
                .unwrap_or(now + Duration::from_secs(86_400 * 365)),
            total: if steps.is_finite() && steps < u64::MAX as f64 / 4.0 {
                steps as u64
            } else {
                u64::MAX / 4
            },
            used: Cell::new(0),
            stopped: Cell::new(None),
        }
    }

    /// Time since the budget was set.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// What cut a search short, if anything did.
    pub fn stopped_by(&self) -> Option<StoppedBy> {
        self.stopped.get()
    }

    /// Steps spent so far.
    pub fn used(&self) -> u64 {
        self.used.get()
    }

    /// The deadline of a stage that may use `share` (0..=1) of the effort left now.
    pub fn slice(&self, share: f64) -> Deadline<'_> {
        let left = self.total.saturating_sub(self.used.get());
        let mine = (left as f64 * share.clamp(0.0, 1.0)) as u64;
        Deadline {
            budget: self,
            end: self.used.get().saturating_add(mine),
            clock: clock_share(self.clock, share),
        }
    }

    /// The deadline of the whole call: all the effort left.
    pub fn deadline(&self) -> Deadline<'_> {
        self.slice(1.0)
    }

    fn stop(&self, by: StoppedBy) {
        if self.stopped.get() != Some(StoppedBy::Clock) {
            self.stopped.set(Some(by));
        }
    }
}

/// The end of one stage: a number of steps, and a share of the clock left as the safety cap
/// (so that, where the clock binds, later stages still get their share of it).
/// Stages count their work with [`Deadline::spend`] and stop when it says so.
#[derive(Debug, Clone, Copy)]
pub struct Deadline<'b> {
    budget: &'b Budget,
    end: u64,
    clock: Instant,
}

/// How many times its share of the effort a stage may take of the clock left: the clock is
/// the safety cap, so it must not bind before the effort where a step takes somewhat longer
/// than counted, yet leave the later stages time when a stage runs far slower.
pub const CLOCK_SLACK: f64 = 3.0;

/// `share` (times the slack) of the time left until `clock`, from now, and never past it.
fn clock_share(clock: Instant, share: f64) -> Instant {
    let now = Instant::now();
    now + clock
        .saturating_duration_since(now)
        .mul_f64((share * CLOCK_SLACK).clamp(0.0, 1.0))
}

impl<'b> Deadline<'b> {
    /// Counts `work` steps; true when the stage must stop (its effort spent, or the clock
    /// past the limit).
    pub fn spend(&self, work: u64) -> bool {
        let b = self.budget;
        b.used.set(b.used.get().saturating_add(work));
        self.passed()
    }

    /// True when the stage must stop, without counting work.
    pub fn passed(&self) -> bool {
        let b = self.budget;
        if Instant::now() >= self.clock {
            b.stop(StoppedBy::Clock);
            true
        } else if b.used.get() >= self.end {
            b.stop(StoppedBy::Effort);
            true
        } else {
            false
        }
    }

    /// Steps this stage may still spend.
    pub fn steps_left(&self) -> u64 {
        self.end.saturating_sub(self.budget.used.get())
    }

    /// Wall-clock time left until this stage's safety cap.
    pub fn clock_left(&self) -> Duration {
        self.clock.saturating_duration_since(Instant::now())
    }

    /// A deadline within this one with `share` of its steps left.
    pub fn slice(&self, share: f64) -> Deadline<'b> {
        let mine = (self.steps_left() as f64 * share.clamp(0.0, 1.0)) as u64;
        Deadline {
            budget: self.budget,
            end: self.budget.used.get().saturating_add(mine),
            clock: clock_share(self.clock, share),
        }
    }

    /// Records that the wall clock stopped a solver.
    pub fn clock_stopped(&self) {
        self.budget.stop(StoppedBy::Clock);
    }

    /// Records that the effort stopped a solver.
    pub fn effort_stopped(&self) {
        self.budget.stop(StoppedBy::Effort);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_is_a_share_of_the_effort_left() {
        let budget = Budget::new(Duration::from_secs(100));
        let total = (100.0 * STEPS_PER_SECOND) as u64;
        let half = budget.slice(0.5);
        assert_eq!(half.steps_left(), total / 2);
        assert!(!half.spend(total / 4));
        // A quarter spent: half of the three quarters left.
        assert_eq!(budget.slice(0.5).steps_left(), total * 3 / 8);
        assert!(half.spend(total / 4));
        assert_eq!(budget.stopped_by(), Some(StoppedBy::Effort));
        assert_eq!(budget.slice(2.0).steps_left(), total / 2);
    }

    #[test]
    fn a_spent_clock_stops_every_stage_and_says_so() {
        let budget = Budget::new(Duration::ZERO);
        assert!(budget.deadline().passed());
        assert_eq!(budget.stopped_by(), Some(StoppedBy::Clock));
        // The clock, once it has stopped a stage, is what the answer reports.
        budget.deadline().effort_stopped();
        assert_eq!(budget.stopped_by(), Some(StoppedBy::Clock));
        assert_eq!(budget.deadline().clock_left(), Duration::ZERO);
    }
}
