//! How much the service check may simulate where `optimise --time-limit` bounds it. As the
//! optimiser's search counts steps, the check counts *items*: every simulation costs its runs
//! times the items a run simulates (arrivals over the warm-up and the counted days, the
//! backlog, and a step of every office each day), known before it starts and the same whatever
//! the staffing. A second of the limit buys [`ITEMS_PER_SECOND`], so that the same scenario,
//! seed and limit give the same check on any machine and thread count; the wall clock stays
//! as a safety cap, and then the check says so. A simulation that would pass the limit is not
//! begun: the check stops with what it had (`ServiceCheck::stopped_by`).

use std::time::{Duration, Instant};

use crate::analysis;
use crate::model::Scenario;
use crate::optimise::{self, StoppedBy};
use crate::simulate::{SimOptions, Warmup};

/// Items a second of the limit buys, measured on one core of a busy two-core machine with the
/// shipped scenarios and synthetic ones (release build), so that the effort, not the clock,
/// ends a bounded check on ordinary hardware whatever the thread count.
pub const ITEMS_PER_SECOND: f64 = 700_000.0;

/// Items a day's step of one office counts for beside its arrivals.
const ITEMS_PER_OFFICE_DAY: f64 = 0.5;

/// Share of `--time-limit` the optimiser's search has where the scenario sets on-time targets:
/// the service check has what the search leaves of the limit.
pub const SEARCH_SHARE: f64 = 0.5;

/// The screening simulations of one search may simulate this many times the items of the runs
/// asked (a confirmation with every run is one more)...
pub const WORK_PER_RUN_ASKED: f64 = 4.0;
/// ...or this many items (`limit::items_per_run`), whichever is more: about a minute on a busy
/// two-core machine, and more than the shipped scenarios' checks take.
pub const WORK_FLOOR: f64 = 1e8;
/// The fewest rounds a search is left however large its simulations: the first simulation
/// and one with posts added.
const LEAST_ROUNDS: u32 = 2;

/// The rounds a search may take where each simulates `per_round` items and the command asked
/// for runs of `asked` items in all.
pub fn rounds_for(per_round: f64, asked: f64) -> u32 {
    let work = (WORK_PER_RUN_ASKED * asked).max(WORK_FLOOR);
    if per_round <= 0.0 {
        return super::MAX_ROUNDS;
    }
    let rounds = (work / per_round).floor().min(f64::from(super::MAX_ROUNDS)) as u32;
    rounds.max(LEAST_ROUNDS)
}

/// The items and the clock a service check may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckLimit {
    items: f64,
    clock: Option<Instant>,
}

impl CheckLimit {
    /// No limit: `run`, whose service check simulates the pack's plan with every run asked.
    pub fn none() -> CheckLimit {
        CheckLimit {
            items: f64::INFINITY,
            clock: None,
        }
    }

    /// What a limit of `limit` leaves the check after a search that counted `steps`, with the
    /// clock capped at `clock` from `started`.
    pub fn after(limit: Duration, steps: u64, started: Instant, clock: Duration) -> CheckLimit {
        let seconds = limit.as_secs_f64() - steps as f64 / optimise::STEPS_PER_SECOND;
        CheckLimit {
            items: seconds.max(0.0) * ITEMS_PER_SECOND,
            clock: started.checked_add(clock),
        }
    }
}

impl CheckLimit {
    /// What stops a check that has not begun: the clock where it has passed, else the effort.
    pub fn stopped_by(&self) -> StoppedBy {
        match self.clock {
            Some(c) if Instant::now() >= c => StoppedBy::Clock,
            _ => StoppedBy::Effort,
        }
    }
}

/// The check's account: items spent against its limit, and what stopped it.
#[derive(Debug)]
pub(super) struct Spending {
    limit: CheckLimit,
    spent: f64,
    pub(super) stopped: Option<StoppedBy>,
}

impl Spending {
    pub(super) fn new(limit: CheckLimit) -> Spending {
        Spending {
            limit,
            spent: 0.0,
            stopped: None,
        }
    }

    /// Whether a simulation of `cost` items may begin; where not, records what stopped it.
    pub(super) fn affords(&mut self, cost: f64) -> bool {
        if self.limit.clock.is_some_and(|c| Instant::now() >= c) {
            self.stopped = Some(StoppedBy::Clock);
            false
        } else if self.spent + cost > self.limit.items {
            self.stopped.get_or_insert(StoppedBy::Effort);
            false
        } else {
            true
        }
    }

    pub(super) fn spend(&mut self, cost: f64) {
        self.spent += cost;
    }

    /// The most runs of `per_run` items each that what is left affords (`u32::MAX` unbounded).
    pub(super) fn runs_fitting(&self, per_run: f64) -> u32 {
        let left = (self.limit.items - self.spent).max(0.0);
        if per_run <= 0.0 || left.is_infinite() {
            return u32::MAX;
        }
        (left / per_run).floor().min(f64::from(u32::MAX)) as u32
    }
}

/// Items one run of `plan` simulates under `options` (for `auto`, with a year of warm-up, the
/// first it tries).
pub(super) fn items_per_run(plan: &Scenario, options: &SimOptions) -> f64 {
    let working_days = f64::from(plan.calendar.working_days.max(1));
    let days = options.days.map_or(working_days, f64::from);
    let warmup = match options.warmup {
        Warmup::Days(d) => f64::from(d),
        Warmup::Auto => working_days,
    };
    let per_year: f64 = analysis::volumes(plan, &plan.coverage())
        .at_office
        .iter()
        .flatten()
        .sum();
    let backlog: f64 = plan.works.iter().map(|w| f64::from(w.backlog)).sum();
    let offices = plan.offices.len() as f64;
    (per_year / working_days + offices * ITEMS_PER_OFFICE_DAY) * (days + warmup) + backlog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_left_after_the_search_buys_items_and_stops_what_would_pass_it() {
        let steps = (0.5 * optimise::STEPS_PER_SECOND) as u64;
        let limit = CheckLimit::after(
            Duration::from_secs(2),
            steps,
            Instant::now(),
            Duration::from_secs(3600),
        );
        // 2 s less the search's 0.5 s: 1.5 s of items.
        let mut spending = Spending::new(limit);
        assert_eq!(
            spending.runs_fitting(ITEMS_PER_SECOND / 100.0),
            150,
            "1.5 s at a hundredth of a second a run"
        );
        assert!(spending.affords(ITEMS_PER_SECOND));
        spending.spend(ITEMS_PER_SECOND);
        assert!(!spending.affords(ITEMS_PER_SECOND));
        assert_eq!(spending.stopped, Some(StoppedBy::Effort));
        assert!(spending.affords(ITEMS_PER_SECOND / 2.0));
    }

    #[test]
    fn a_passed_clock_stops_the_check_and_says_so() {
        let mut spending = Spending::new(CheckLimit::after(
            Duration::from_secs(100),
            0,
            Instant::now(),
            Duration::ZERO,
        ));
        assert!(!spending.affords(1.0));
        assert_eq!(spending.stopped, Some(StoppedBy::Clock));
        let mut free = Spending::new(CheckLimit::none());
        assert!(free.affords(1e30));
        assert_eq!(free.runs_fitting(1.0), u32::MAX);
    }

    /// Issue 24, item 8: within a limit the check begins no simulation it cannot afford, stops
    /// at the same place on one thread and two, and says what stopped it. An effort of 250 runs
    /// pays for the screening's 200 and leaves too little for a second screening round or for
    /// the 1,000 runs asked.
    #[test]
    fn a_limited_check_stops_where_its_effort_ends_on_any_thread_count() {
        let text = format!(
            "{}deadline_days = 5\non_time = 0.9\n",
            super::super::tests::desk_text(3)
        );
        let plan = match crate::scenario::parse(&text, "memo.toml") {
            Ok(loaded) => loaded.scenario,
            Err(e) => panic!("{e:?}"),
        };
        let recommendation = optimise::optimise(&plan, &optimise::Options::default()).unwrap();
        let asked = super::super::tests::options(1000);
        let per_run = items_per_run(&plan, &asked);
        let seconds = 250.5 * per_run / ITEMS_PER_SECOND;
        let check_on = |threads: usize| {
            let pool = crate::simulate::pool(Some(threads)).unwrap();
            let limit = CheckLimit::after(
                Duration::from_secs_f64(seconds),
                0,
                Instant::now(),
                Duration::from_secs(3600),
            );
            let (confirmed, _) =
                super::super::confirm_within(&pool, &plan, recommendation.clone(), &asked, limit)
                    .unwrap();
            confirmed.check.unwrap()
        };
        let one = check_on(1);
        assert_eq!((one.runs, one.runs_asked, one.rounds), (200, 1000, 1));
        assert_eq!(one.stopped_by, Some(StoppedBy::Effort));
        assert_eq!(one.met(), Some(one.met));
        assert_eq!(check_on(2), one);
        // No room for a single run: nothing simulated, nothing claimed.
        let pool = crate::simulate::pool(Some(1)).unwrap();
        let none = CheckLimit::after(Duration::ZERO, 0, Instant::now(), Duration::from_secs(3600));
        let (confirmed, simulation) =
            super::super::confirm_within(&pool, &plan, recommendation.clone(), &asked, none)
                .unwrap();
        let check = confirmed.check.unwrap();
        assert!(simulation.is_none());
        assert_eq!((check.runs, check.rounds, check.met()), (0, 0, None));
        assert_eq!(confirmed.recommendation.after, recommendation.after);
    }

    /// The rounds a search may take: 40 for the shipped scenarios' sizes; where a round is
    /// large, four times the runs asked or 10⁸ items in all, and never fewer than two.
    #[test]
    fn large_rounds_are_fewer() {
        assert_eq!(rounds_for(1e6, 1e7), super::super::MAX_ROUNDS);
        assert_eq!(rounds_for(1e8, 5e8), 20);
        assert_eq!(rounds_for(1e8, 1e7), 2);
        assert_eq!(rounds_for(3e7, 1e6), 3);
        assert_eq!(rounds_for(0.0, 0.0), super::super::MAX_ROUNDS);
    }
}
