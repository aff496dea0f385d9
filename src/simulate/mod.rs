//! Monte Carlo simulation of a working year (SPEC §5, §8): the options, the limits and the
//! result as plain structs (their tables live in `export::simulation`; their JSON is their
//! serde form). [`simulate`] checks the request, spreads the runs over threads and
//! summarises them; `engine` simulates one run exactly (event by event), `random` owns the
//! seeded random numbers and `stats` the figures over runs.
//!
//! Reproducibility: run `i` draws only from the ChaCha8 stream `i` under the seed, and the
//! runs are summarised in run order, so the same seed gives byte-identical output on any
//! number of threads. Nothing here prints; progress goes to a callback.

mod engine;
mod event;
mod plan;
mod random;
mod stations;
pub mod stats;
mod steady;
mod summary;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

pub use engine::{Engine, OfficeRun, RunOutcome, WorkRun};
pub use plan::Plan;
pub use random::{draw_rng, run_rng, triangular_quantile, RunRng};
pub use stats::Band;
pub use steady::{Warmup, MAX_AUTO_YEARS};
pub use summary::{MAX_BAND_VALUES, MIN_BAND_RUNS};

use crate::analysis;
use crate::model::Scenario;

/// Most runs in one simulation.
pub const MAX_RUNS: u32 = 100_000;
/// Most working days in one run (400 years of 250 days).
pub const MAX_DAYS: u32 = 100_000;
/// Most items one run is expected to see (arrivals and follow-up work together).
pub const MAX_ITEMS_PER_RUN: f64 = 10_000_000.0;
/// Most items all runs together are expected to see (synthetic 20,000 units × 1,990 groups,
/// 1,000 runs of 500 days: 6.3 × 10⁸ items, 117 s of CPU, release, a busy two-core machine).
pub const MAX_ITEMS: f64 = 1_000_000_000.0;
/// Most office-days all runs together step through (runs × offices × days, warm-up included):
/// the run above is 10⁹ of them beside its items; 10¹⁰ are minutes, not days.
pub const MAX_OFFICE_DAYS: f64 = 10_000_000_000.0;
/// Most people a simulation follows: each is a free or busy member of a team, and each run
/// starts them all afresh, so a plan of a million people (a billion-hour slip in a scenario)
/// would take hours rather than be refused.
pub const MAX_PEOPLE: u64 = 100_000;
/// Most backlog values kept for the chart (runs × sampled days × offices); beyond it the
/// backlog is sampled every few days instead of every day, and when even one value a run is
/// too many, read from the first runs only.
pub const MAX_SERIES_VALUES: u64 = 20_000_000;
/// Most days the backlog chart is read on: it is drawn 1,600 pixels wide, so more points draw
/// nothing more, while each costs a sort over the runs and four numbers of JSON (a run of
/// 25,000 days read daily made 1.5 MB of it). Longer runs are read every few days.
pub const MAX_SERIES_POINTS: u32 = 2_000;
/// Runs simulated between two folds into the figures (at least four per thread).
const RUNS_PER_CHUNK: u32 = 64;
/// `auto` looks at the runs of a warm-up after every so many of them, and gives the warm-up up
/// for a longer one as soon as they show it too short.
const RUNS_PER_LOOK: usize = 64;
/// Most backlog values the kept runs of [`simulate_keeping_on`] may hold (16 MB); beyond it
/// none are kept, and a simulation of more runs simulates them all again.
const MAX_KEPT_VALUES: u64 = 4_000_000;
/// Extra casework a busy person works in overtime, as a share of `hours_per_day` (2 hours of
/// an 8-hour day), while the office has a backlog and the person's cap is not reached.
pub const OVERTIME_SHARE_OF_DAY: f64 = 0.25;

/// What to simulate: SPEC §1 `simulate` flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimOptions {
    /// Simulated years (runs).
    pub runs: u32,
    pub seed: u64,
    /// Working days a run; `None`: the scenario's `working_days`.
    pub days: Option<u32>,
    /// Worker threads; `None`: all cores. The numbers never depend on it.
    pub threads: Option<usize>,
    /// Working days simulated before `days` and not counted (SPEC §13 `--warmup-days`), so
    /// that the counted days start with the queues a running office has.
    pub warmup: Warmup,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            runs: 1000,
            seed: 1,
            days: None,
            threads: None,
            warmup: Warmup::Auto,
        }
    }
}

/// A request the simulation refuses, with how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimulateError {
    #[error("--runs must be at least 1\n  help: ask for --runs 1000 (the default) or any number up to {MAX_RUNS}")]
    NoRuns,
    #[error("--runs {runs} is more than the {MAX_RUNS} runs one simulation may have\n  help: {MAX_RUNS} runs already give the 5–95% band to within a fraction of a percent")]
    TooManyRuns { runs: u32 },
    #[error(
        "--days must be at least 1\n  help: leave --days out to simulate one year of working days"
    )]
    NoDays,
    #[error("--days {days} is more than the {MAX_DAYS} working days one run may cover\n  help: simulate fewer days, or more runs of one year each")]
    TooManyDays { days: u32 },
    #[error("--warmup-days {warmup} and {days} counted days are more than the {MAX_DAYS} working days one run may cover\n  help: leave --warmup-days out (auto: a year, longer while the backlog still moves)")]
    TooLongWarmup { warmup: u32, days: u32 },
    #[error("the scenario has no working days (`working_days = 0`), so no work can be done or arrive\n  help: set `working_days` in [calendar], e.g. 250")]
    NoWorkingDays,
    #[error("--threads must be at least 1\n  help: leave --threads out to use all cores")]
    NoThreads,
    #[error("each run would see about {per_run:.0} items, more than the {MAX_ITEMS_PER_RUN:.0} one run may hold\n  help: simulate fewer --days")]
    TooManyItemsPerRun { per_run: f64 },
    #[error("the organisation to simulate has {people} people, more than the {MAX_PEOPLE} a simulation follows one by one\n  help: the plan or scenario is out of proportion (check hours and volumes for a slip of the decimal point)")]
    TooManyPeople { people: u64 },
    #[error("{runs} runs of about {per_run:.0} items each are {total:.0} items, more than the {MAX_ITEMS:.0} one simulation may take\n  help: ask for fewer --runs or --days")]
    TooManyItems { runs: u32, per_run: f64, total: f64 },
    #[error("{runs} runs of {days} days (warm-up included) over {offices} offices are {total:.0} office-days, more than the {MAX_OFFICE_DAYS:.0} one simulation may step through\n  help: lower --runs (at most {fitting} fit with these days) or --days")]
    TooMuchWork {
        runs: u32,
        days: u32,
        offices: usize,
        total: f64,
        fitting: u32,
    },
    #[error("one run yields {per_run} figures (offices, work types and deadlines), too many to keep even {MIN_BAND_RUNS} runs for the bands within the {MAX_BAND_VALUES} values a simulation may hold\n  help: split the organisation into several scenarios")]
    TooManyValues { per_run: u64 },
    #[error("cannot start {threads} worker threads: {reason}\n  help: ask for fewer --threads")]
    Threads { threads: usize, reason: String },
}

/// Backlog over time at one office for the chart: at the end of each sampled day, the median
/// and the 5th and 95th percentile over the runs of the items open (waiting to start, in
/// progress, or set aside because no team can be fielded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacklogSeries {
    /// Working day at whose end the backlog is read (1-based).
    pub day: Vec<u32>,
    pub p5: Vec<f64>,
    pub median: Vec<f64>,
    pub p95: Vec<f64>,
}

/// The simulated figures of one office over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeSim {
    pub id: String,
    pub name: String,
    pub headcount: u32,
    /// The office's people can serve its load and its backlog does not keep growing over the
    /// counted period (SPEC §13).
    pub stable: bool,
    /// Items a year the backlog grows by where it is unstable; 0 where stable.
    pub backlog_growth_per_year: f64,
    /// Items finished.
    pub done: Band,
    /// Items open at the end (waiting, in progress or never startable).
    pub backlog_end: Band,
    /// Working days from arrival to start, averaged over the items finished in a run.
    pub wait_days: Band,
    /// Working days from arrival to completion, averaged over the items finished in a run.
    pub lead_days: Band,
    /// 90th percentile, within a run, of the lead time of the items finished.
    pub lead_days_p90: Band,
    /// Of the items with a deadline that finished or are still open past it, the share late
    /// (finished after it, or open past it at the end). Undefined without deadline work.
    pub late_share: Band,
    /// Regular casework hours worked ÷ casework hours offered (overtime not included).
    pub utilisation: Band,
    pub overtime_hours_per_person: Band,
    /// The most overtime any one person of the office worked in a run.
    pub overtime_hours_max_person: Band,
    /// Of the items with a deadline that finished or are still open past it, the share that
    /// finished within it (SPEC §8); `None` (JSON `null`) where the office has no deadline
    /// work.
    pub on_time_share: Option<Band>,
    /// Casework hours that people free to work gave to nothing while the office had items
    /// waiting, because no full team was free (the team rule's cost; 0 for one-person work).
    pub team_idle_hours: Band,
    /// The on-time share of each work type with a deadline done here, against its target.
    pub on_time_by_work: Vec<WorkOnTime>,
    /// Some work here needs a bigger team than the office has: it is never started.
    pub never_fielded: bool,
    /// One plain sentence per such work type.
    pub messages: Vec<String>,
    pub backlog: BacklogSeries,
}

/// The on-time share of one work type with a deadline at one office.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkOnTime {
    /// Work type id.
    pub work: String,
    pub name: String,
    pub deadline_days: u32,
    /// The share that must finish in time (`[[work]] on_time`, else `[policy] on_time`).
    pub on_time_target: Option<f64>,
    pub on_time_share: Band,
    /// The 90th-percentile lead time of this work type's items here, in working days.
    pub lead_days_p90: Band,
}

impl WorkOnTime {
    /// Does the mean on-time share miss the target? (`None` without a target or a figure.)
    pub fn misses_target(&self) -> Option<bool> {
        let target = self.on_time_target?;
        self.on_time_share
            .is_defined()
            .then_some(self.on_time_share.mean < target)
    }
}

/// The simulated figures of one work type over the runs, all offices together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkSim {
    pub id: String,
    pub name: String,
    /// Items arrived, external and follow-up.
    pub arrived: Band,
    /// Of those, started by the chain (`next`).
    pub spawned: Band,
    pub done: Band,
}

/// The result of `staffplan simulate`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    pub scenario: String,
    pub runs: u32,
    pub seed: u64,
    /// Working days a run counts.
    pub days: u32,
    /// Working days simulated before those and not counted (0: started empty).
    pub warmup_days: u32,
    /// The backlog chart is read every this many days (1 unless a run has more than
    /// [`MAX_SERIES_POINTS`] days or runs × days is very large).
    pub series_step_days: u32,
    /// The 5–95% bands are read from the first this many runs (all of them unless runs ×
    /// offices is very large); means count every run.
    pub band_runs: u32,
    /// Most overtime hours a person may work in a run (the yearly cap scaled to `days`).
    pub overtime_cap_hours: f64,
    pub offices: Vec<OfficeSim>,
    pub works: Vec<WorkSim>,
}

impl Simulation {
    /// Every "team can never be fielded" sentence, office by office.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.offices
            .iter()
            .flat_map(|o| o.messages.iter().map(String::as_str))
    }
}

/// The warm-up a simulation starts with: the days asked for, or for `auto` a year (less where
/// a year and the counted days would be more than a run may cover).
fn first_warmup(scenario: &Scenario, options: &SimOptions) -> u32 {
    match options.warmup {
        Warmup::Days(days) => days,
        Warmup::Auto => {
            let counted = options.days.unwrap_or(scenario.calendar.working_days);
            scenario
                .calendar
                .working_days
                .min(MAX_DAYS.saturating_sub(counted))
        }
    }
}

/// Working days a run will cover, after checking the request against the limits.
fn checked_days(
    scenario: &Scenario,
    options: &SimOptions,
    warmup: u32,
) -> Result<u32, SimulateError> {
    if options.runs == 0 {
        return Err(SimulateError::NoRuns);
    }
    if options.runs > MAX_RUNS {
        return Err(SimulateError::TooManyRuns { runs: options.runs });
    }
    if options.threads == Some(0) {
        return Err(SimulateError::NoThreads);
    }
    if scenario.calendar.working_days == 0 {
        return Err(SimulateError::NoWorkingDays);
    }
    let days = options.days.unwrap_or(scenario.calendar.working_days);
    if days == 0 {
        return Err(SimulateError::NoDays);
    }
    if days > MAX_DAYS {
        return Err(SimulateError::TooManyDays { days });
    }
    if u64::from(days) + u64::from(warmup) > u64::from(MAX_DAYS) {
        return Err(SimulateError::TooLongWarmup { warmup, days });
    }
    let people: u64 = scenario
        .offices
        .iter()
        .map(|o| u64::from(o.headcount()))
        .sum();
    if people > MAX_PEOPLE {
        return Err(SimulateError::TooManyPeople { people });
    }
    let per_year: f64 = analysis::volumes(scenario, &scenario.coverage())
        .at_office
        .iter()
        .flatten()
        .sum();
    let backlog: f64 = scenario.works.iter().map(|w| f64::from(w.backlog)).sum();
    let simulated = f64::from(days) + f64::from(warmup);
    let per_run = per_year * simulated / f64::from(scenario.calendar.working_days) + backlog;
    if per_run > MAX_ITEMS_PER_RUN {
        return Err(SimulateError::TooManyItemsPerRun { per_run });
    }
    let total = per_run * f64::from(options.runs);
    if total > MAX_ITEMS {
        return Err(SimulateError::TooManyItems {
            runs: options.runs,
            per_run,
            total,
        });
    }
    // Every day of a run steps every office whether or not an item arrives: 2,000 offices
    // over 100,000 days are 2 × 10⁸ office-days a run with hardly an item, so they have a
    // bound of their own, or a long run of a large organisation would take days.
    let office_days_per_run = scenario.offices.len() as f64 * simulated;
    let office_days = office_days_per_run * f64::from(options.runs);
    if office_days > MAX_OFFICE_DAYS {
        return Err(SimulateError::TooMuchWork {
            runs: options.runs,
            days: days.saturating_add(warmup),
            offices: scenario.offices.len(),
            total: office_days,
            fitting: (MAX_OFFICE_DAYS / office_days_per_run.max(1.0))
                .floor()
                .min(f64::from(MAX_RUNS)) as u32,
        });
    }
    Ok(days)
}

/// The run plan for `scenario` under `options` (`auto`: its first warm-up), checked against
/// the limits; with [`Engine`] it replays single runs (benchmarks, tests).
pub fn plan(scenario: &Scenario, options: &SimOptions) -> Result<Plan, SimulateError> {
    plan_with(scenario, options, first_warmup(scenario, options))
}

fn plan_with(
    scenario: &Scenario,
    options: &SimOptions,
    warmup: u32,
) -> Result<Plan, SimulateError> {
    let days = checked_days(scenario, options, warmup)?;
    let plan = Plan::new(scenario, days, warmup, 1);
    // The chart is read from the runs the bands keep, every `step` days so that it fits.
    let kept = summary::bands_fit(&plan).min(u64::from(options.runs));
    let offices = scenario.offices.len().max(1) as u64;
    let values = kept * u64::from(days) * offices;
    let step = values.div_ceil(MAX_SERIES_VALUES).max(1);
    let step = u32::try_from(step)
        .unwrap_or(days)
        .max(days.div_ceil(MAX_SERIES_POINTS))
        .min(days);
    Ok(plan.sampled_every(step))
}

/// A value on cache lines of its own. The engines of two threads sit side by side, and an
/// engine writes its heap's length and its own state at every event: sharing a line with its
/// neighbour's would make each thread's writes evict the other's, which cost a third of the
/// second core (M/M/5 office, 16 runs: 0.86 s of CPU on two threads against 0.65 s on one).
#[derive(Debug)]
#[repr(align(128))]
struct OwnLines<T>(T);

/// A pool of `threads` workers (`None`: one a core), or the number asked for and why the
/// system refused them.
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, (usize, String)> {
    let threads = threads.unwrap_or(0);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| (threads, e.to_string()))
}

/// [`pool`] with its refusal as the simulation's error, for the callers that simulate on it.
pub fn simulation_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, SimulateError> {
    pool(threads).map_err(|(threads, reason)| SimulateError::Threads { threads, reason })
}

/// Simulates `options.runs` years of every office; `progress` is told how many runs have
/// finished (from worker threads, roughly in order; again for each longer warm-up `auto`
/// tries).
pub fn simulate(
    scenario: &Scenario,
    options: &SimOptions,
    progress: &(dyn Fn(u32) + Sync),
) -> Result<Simulation, SimulateError> {
    let pool = simulation_pool(options.threads)?;
    simulate_on(&pool, scenario, options, progress)
}

/// [`simulate`] on a pool the caller built (a pipeline builds one for all its stages);
/// `options.threads` is the pool's business then.
pub fn simulate_on(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &SimOptions,
    progress: &(dyn Fn(u32) + Sync),
) -> Result<Simulation, SimulateError> {
    let (simulation, _) = simulate_from(pool, scenario, options, progress, None, false)?;
    Ok(simulation)
}

/// The runs of a simulation, kept so that a simulation of more runs of the same plan starts
/// from them instead of simulating them again: run *i* draws the same numbers whatever the
/// number of runs, so its outcome is the same in both.
#[derive(Debug, Clone, Default)]
pub struct KeptRuns {
    /// The warm-up the runs were simulated with (`auto`'s choice) and the backlog's sampling.
    warmup: u32,
    sample_step: u32,
    outcomes: Vec<RunOutcome>,
}

impl KeptRuns {
    /// The runs of `plan` among the kept ones, where they were simulated with its warm-up and
    /// sampling; none otherwise.
    fn of(&self, plan: &Plan) -> &[RunOutcome] {
        match self.warmup == plan.warmup_days && self.sample_step == plan.sample_step {
            true => &self.outcomes,
            false => &[],
        }
    }
}

/// [`simulate_on`], keeping every run's outcome for [`simulate_more_on`]; for simulations of
/// a few hundred runs (each run keeps its backlog series).
pub fn simulate_keeping_on(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &SimOptions,
) -> Result<(Simulation, KeptRuns), SimulateError> {
    simulate_from(pool, scenario, options, &|_| {}, None, true)
}

/// [`simulate_on`] of the same scenario as `earlier`, with more runs: the runs `earlier` kept
/// are folded in as they are and only the others simulated, so the figures are those of a
/// fresh simulation. Earlier runs of another warm-up or sampling are simulated again.
pub fn simulate_more_on(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &SimOptions,
    earlier: &KeptRuns,
) -> Result<Simulation, SimulateError> {
    let (simulation, _) = simulate_from(pool, scenario, options, &|_| {}, Some(earlier), false)?;
    Ok(simulation)
}

/// The `auto` warm-up's search, each try a simulation of its own, starting from the runs
/// `earlier` kept where they fit; the runs of the last try are kept when `keep` asks. A try
/// whose runs already show a stable office's backlog still moving after a chunk is given up
/// there for the longer warm-up, rather than simulated to its last run.
fn simulate_from(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &SimOptions,
    progress: &(dyn Fn(u32) + Sync),
    earlier: Option<&KeptRuns>,
    keep: bool,
) -> Result<(Simulation, KeptRuns), SimulateError> {
    let mut warmup = first_warmup(scenario, options);
    let longest = MAX_AUTO_YEARS.saturating_mul(scenario.calendar.working_days);
    let nothing = KeptRuns::default();
    let earlier = earlier.unwrap_or(&nothing);
    let overloads = summary::overloads(scenario);
    loop {
        let plan = plan_with(scenario, options, warmup)?;
        let reused = earlier.of(&plan);
        let reused = &reused[..reused.len().min(options.runs as usize)];
        let longer = warmup.saturating_mul(2);
        let fits =
            longer <= longest && u64::from(longer) + u64::from(plan.days) <= u64::from(MAX_DAYS);
        let may_lengthen = options.warmup == Warmup::Auto && fits && warmup > 0;
        let tried = Try {
            plan: &plan,
            earlier: reused,
            keep,
            overloads: &overloads,
            may_lengthen,
        };
        match simulate_with(pool, scenario, options, &tried, progress)? {
            Tried::Done(simulation, kept) => {
                let kept = KeptRuns {
                    warmup: plan.warmup_days,
                    sample_step: plan.sample_step,
                    outcomes: kept,
                };
                return Ok((simulation, kept));
            }
            Tried::Settling => warmup = longer,
        }
    }
}

/// One try of a warm-up: its run plan, the runs simulated before, and what the try may do.
struct Try<'a> {
    plan: &'a Plan,
    earlier: &'a [RunOutcome],
    /// Keep every run's outcome.
    keep: bool,
    overloads: &'a [Option<f64>],
    /// `auto` may still try a longer warm-up: the try ends as soon as its runs show this one
    /// too short.
    may_lengthen: bool,
}

impl Try<'_> {
    /// Folds runs into `gathered` in run order, and tells whether the warm-up is already seen
    /// to be too short. The runs are looked at every [`RUNS_PER_LOOK`] of them (at the same
    /// runs whatever the thread count, the chunk or the runs kept from before), so that the
    /// warm-up chosen depends on nothing but the seed.
    fn fold(&self, gathered: &mut summary::Gathered<'_>, outcomes: &[RunOutcome]) -> bool {
        let mut rest = outcomes;
        while !rest.is_empty() {
            let to_look = RUNS_PER_LOOK - gathered.runs() % RUNS_PER_LOOK;
            let (piece, after) = rest.split_at(to_look.min(rest.len()));
            gathered.add(piece);
            rest = after;
            if self.may_lengthen
                && gathered.runs() % RUNS_PER_LOOK == 0
                && gathered.settling(self.overloads)
            {
                return true;
            }
        }
        false
    }
}

/// What a try gave: the simulation (with every run's outcome where kept), or the news that
/// the warm-up is too short.
enum Tried {
    Done(Simulation, Vec<RunOutcome>),
    Settling,
}

/// One simulation of the try's plan (a warm-up of its own); the first runs are the try's
/// `earlier`, folded in without simulating them again.
fn simulate_with(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &SimOptions,
    tried: &Try<'_>,
    progress: &(dyn Fn(u32) + Sync),
) -> Result<Tried, SimulateError> {
    let plan = tried.plan;
    let earlier = tried.earlier;
    let band_runs = summary::band_runs(plan, options.runs);
    if band_runs < options.runs.min(MIN_BAND_RUNS) {
        return Err(SimulateError::TooManyValues {
            per_run: summary::values_per_run(plan),
        });
    }
    let mut gathered = summary::Gathered::new(plan, band_runs);
    let values = (plan.points * plan.offices.len()) as u64 * u64::from(options.runs);
    let keep = tried.keep && values <= MAX_KEPT_VALUES;
    let mut kept = Vec::new();
    if tried.fold(&mut gathered, earlier) {
        return Ok(Tried::Settling);
    }
    if keep {
        kept.extend_from_slice(earlier);
    }
    // One engine per worker thread, made by that thread at its first run and kept: its buffers
    // serve every run it simulates, and they come from the memory the allocator keeps for that
    // thread. Made here, on the calling thread, the engines' small buffers (an office's open
    // items, its tallies, its people's slots) lay side by side on cache lines that both threads
    // wrote at every item: two threads then took 1.6 times the CPU of one for the same runs
    // (M/M/5 office, 16 runs of 100,000 days: 0.67 s against 0.43 s; now 0.43 s on both).
    let engine_plan = plan.engine_plan();
    let engines: Vec<OwnLines<Mutex<Option<Engine>>>> = (0..pool.current_num_threads())
        .map(|_| OwnLines(Mutex::new(None)))
        .collect();
    let finished = AtomicU32::new(earlier.len() as u32);
    let seed = options.seed;
    // Runs are simulated a chunk at a time and folded in run order, so that only a chunk's
    // outcomes are ever held and the figures never depend on the thread count.
    let chunk = RUNS_PER_CHUNK.max(4 * engines.len() as u32);
    let mut first = earlier.len() as u32;
    while first < options.runs {
        let last = first.saturating_add(chunk).min(options.runs);
        let outcomes: Vec<RunOutcome> = pool.install(|| {
            (first..last)
                .into_par_iter()
                .map(|run| {
                    let slot = rayon::current_thread_index().unwrap_or(0) % engines.len().max(1);
                    let outcome = match engines.get(slot).map(|e| e.0.lock()) {
                        Some(Ok(mut engine)) => engine
                            .get_or_insert_with(|| Engine::new(engine_plan))
                            .run(seed, run),
                        // A poisoned or missing engine: simulate the run on a fresh one.
                        _ => Engine::new(engine_plan).run(seed, run),
                    };
                    progress(finished.fetch_add(1, Ordering::Relaxed) + 1);
                    plan.per_office(outcome)
                })
                .collect()
        });
        if tried.fold(&mut gathered, &outcomes) {
            return Ok(Tried::Settling);
        }
        if keep {
            kept.extend(outcomes);
        }
        first = last;
    }
    let (simulation, settling) = gathered.summarise(scenario, options, tried.overloads);
    Ok(match tried.may_lengthen && settling {
        true => Tried::Settling,
        false => Tried::Done(simulation, kept),
    })
}
