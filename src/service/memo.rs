//! The service check's memo: the simulations it has run, by staffing, and the screening's
//! runs that the confirmation with more runs starts from.

use std::collections::VecDeque;

use super::limit::{items_per_run, Spending};
use super::{CheckLimit, SEARCH_RUNS};
use crate::model::Scenario;
use crate::simulate::{self, SimOptions, SimulateError, Simulation};

/// Simulations this check has run, by staffing. The search comes back to staffings it has
/// simulated (a post tried and taken back; the search beyond the quota starts from the
/// confirmed plan), and within one check the plans differ only in their staffing, quotas and
/// budget, so the same staffing and options give the same figures. A simulation asked with
/// the `auto` warm-up is known under the warm-up it chose too, which is how the search asks
/// for it again. The screening's runs are kept, and the confirmation of the same plan with
/// more runs starts from them (the same seed gives the same first runs).
pub(super) struct Memo<'p> {
    pool: &'p rayon::ThreadPool,
    kept: VecDeque<Known>,
    /// Items simulated against the check's limit.
    pub(super) spending: Spending,
}

/// One simulation the memo keeps.
struct Known {
    staff: Vec<Vec<u32>>,
    /// The options it was asked with, and the same with the warm-up `auto` chose.
    asked: SimOptions,
    chosen: SimOptions,
    simulation: Simulation,
    /// Its runs, where few enough to keep.
    runs: Option<simulate::KeptRuns>,
}

impl Known {
    fn is_of(&self, plan: &Scenario) -> bool {
        self.staff.len() == plan.offices.len()
            && self
                .staff
                .iter()
                .zip(&plan.offices)
                .all(|(s, o)| *s == o.staff)
    }
}

/// Simulations the memo keeps: the last few, which is where the search comes back to.
const MEMO_KEPT: usize = 4;

impl<'p> Memo<'p> {
    pub(super) fn new(pool: &'p rayon::ThreadPool, limit: CheckLimit) -> Memo<'p> {
        Memo {
            pool,
            kept: VecDeque::new(),
            spending: Spending::new(limit),
        }
    }

    pub(super) fn known(&self, plan: &Scenario, options: &SimOptions) -> Option<&Simulation> {
        self.kept
            .iter()
            .find(|k| (k.asked == *options || k.chosen == *options) && k.is_of(plan))
            .map(|k| &k.simulation)
    }

    /// Kept runs of the same plan in the same warm-up and seed, fewer than `options` asks.
    pub(super) fn fewer_runs(
        &self,
        plan: &Scenario,
        options: &SimOptions,
    ) -> Option<&simulate::KeptRuns> {
        self.kept
            .iter()
            .filter(|k| k.chosen.runs < options.runs && k.is_of(plan))
            .filter(|k| {
                *options
                    == SimOptions {
                        runs: options.runs,
                        ..k.chosen.clone()
                    }
            })
            .max_by_key(|k| k.chosen.runs)
            .and_then(|k| k.runs.as_ref())
    }

    /// Whether the limit lets this simulation be had: known, or within what is left.
    pub(super) fn affords(&mut self, plan: &Scenario, options: &SimOptions) -> bool {
        self.known(plan, options).is_some()
            || self
                .spending
                .affords(items_per_run(plan, options) * f64::from(options.runs))
    }

    pub(super) fn simulate(
        &mut self,
        plan: &Scenario,
        options: &SimOptions,
    ) -> Result<Simulation, SimulateError> {
        if let Some(simulation) = self.known(plan, options) {
            return Ok(simulation.clone());
        }
        let staff: Vec<Vec<u32>> = plan.offices.iter().map(|o| o.staff.clone()).collect();
        self.spending
            .spend(items_per_run(plan, options) * f64::from(options.runs));
        let (simulation, runs) = match self.fewer_runs(plan, options) {
            Some(earlier) => (
                simulate::simulate_more_on(self.pool, plan, options, earlier)?,
                None,
            ),
            None if options.runs <= SEARCH_RUNS => {
                let (simulation, runs) = simulate::simulate_keeping_on(self.pool, plan, options)?;
                (simulation, Some(runs))
            }
            None => (
                simulate::simulate_on(self.pool, plan, options, &|_| {})?,
                None,
            ),
        };
        if self.kept.len() >= MEMO_KEPT {
            self.kept.pop_front();
        }
        let chosen = SimOptions {
            warmup: simulate::Warmup::Days(simulation.warmup_days),
            ..options.clone()
        };
        self.kept.push_back(Known {
            staff,
            asked: options.clone(),
            chosen,
            simulation: simulation.clone(),
            runs,
        });
        Ok(simulation)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{desk_text, options};
    use super::*;

    fn desk(staff: u32) -> Scenario {
        let text = desk_text(staff);
        match crate::scenario::parse(&text, "memo.toml") {
            Ok(loaded) => loaded.scenario,
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn the_memo_returns_what_a_new_simulation_would_and_keeps_the_last_few() {
        let pool = simulate::pool(Some(1)).unwrap();
        let mut memo = Memo::new(&pool, CheckLimit::none());
        let three = desk(3);
        // Compared as text: a figure without items is NaN, which equals nothing.
        let text = |s: Simulation| format!("{s:?}");
        let first = text(memo.simulate(&three, &options(20)).unwrap());
        // The same staffing comes back, as after a post tried and taken back.
        assert_eq!(text(memo.simulate(&three, &options(20)).unwrap()), first);
        assert_eq!(memo.kept.len(), 1);
        assert_eq!(
            text(simulate::simulate(&three, &options(20), &|_| {}).unwrap()),
            first
        );
        // Other runs or another staffing are other simulations; more runs of the same plan
        // start from the 20 kept, and come out as a fresh simulation of 30 runs would.
        assert!(memo.fewer_runs(&three, &options(30)).is_some());
        assert!(memo.fewer_runs(&desk(4), &options(30)).is_none());
        let more = text(memo.simulate(&three, &options(30)).unwrap());
        assert_ne!(more, first);
        assert_eq!(
            text(simulate::simulate(&three, &options(30), &|_| {}).unwrap()),
            more
        );
        for staff in 4..=6 {
            memo.simulate(&desk(staff), &options(20)).unwrap();
        }
        assert_eq!(memo.kept.len(), MEMO_KEPT);
        // The oldest went first: three people at 20 runs is no longer kept.
        assert!(!memo
            .kept
            .iter()
            .any(|k| k.staff == vec![vec![3]] && k.asked.runs == 20));
    }

    #[test]
    fn an_auto_warmup_is_known_under_the_warmup_it_chose() {
        let pool = simulate::pool(Some(1)).unwrap();
        let mut memo = Memo::new(&pool, CheckLimit::none());
        let four = desk(4);
        let auto = SimOptions {
            warmup: simulate::Warmup::Auto,
            ..options(20)
        };
        let chosen = memo.simulate(&four, &auto).unwrap();
        // A year of 250 days, or two where the backlog still moved after one.
        assert!([250, 500].contains(&chosen.warmup_days));
        let days = SimOptions {
            warmup: simulate::Warmup::Days(chosen.warmup_days),
            ..options(20)
        };
        assert!(memo.known(&four, &days).is_some());
        let other = SimOptions {
            warmup: simulate::Warmup::Days(chosen.warmup_days + 1),
            ..options(20)
        };
        assert!(memo.known(&four, &other).is_none());
        // More runs in the chosen warm-up start from the kept ones: the same as fresh.
        let more = SimOptions { runs: 30, ..days };
        assert!(memo.fewer_runs(&four, &more).is_some());
        let other_seed = SimOptions {
            seed: 2,
            ..more.clone()
        };
        assert!(memo.fewer_runs(&four, &other_seed).is_none());
        let text = |s: Simulation| format!("{s:?}");
        assert_eq!(
            text(memo.simulate(&four, &more).unwrap()),
            text(simulate::simulate(&four, &more, &|_| {}).unwrap())
        );
    }
}
