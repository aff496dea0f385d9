//! The application layer: what a command that runs more than one stage does, as functions
//! from validated scenarios and options to owned results (plain structs: no format, no
//! language, no IO). `cli` parses the command line into these options and prints; `report`
//! turns an [`Outcome`] into the pack's files.
//!
//! A [`Pipeline`] builds one thread pool and hands it to every stage that works in parallel
//! (the simulations, the service check, the multi-year plan's leavers, the draws), instead of
//! each building its own. Each side of a pack is analysed once here, and the draws of the
//! sensitivity are made once and reused by the check of whether the recommended staffing
//! holds over them. Every stage is seeded, so no figure depends on the threads.

mod optimise;

pub use optimise::{OptimiseRequest, Optimised};

use crate::analysis::{self, Analysis};
use crate::error::Error;
use crate::model::Scenario;
use crate::multiyear::{self, MultiYearPlan};
use crate::sensitivity::{self, Draws, Sensitivity};
use crate::service::{self, Confirmed};
use crate::simulate::{self, SimOptions, SimulateError, Simulation};

/// How far the simulations have got, for a progress bar: told how many runs are coming
/// before they start, then how many have finished (from worker threads), then that they are
/// done.
pub trait Progress: Sync {
    fn begin(&self, runs: u32);
    fn finished(&self, runs: u32);
    fn end(&self);
}

/// No progress shown.
impl Progress for () {
    fn begin(&self, _: u32) {}
    fn finished(&self, _: u32) {}
    fn end(&self) {}
}

/// What `run` needs besides the scenario.
#[derive(Debug, Clone)]
pub struct RunRequest {
    pub sim: SimOptions,
    pub optimise: crate::optimise::Options,
}

impl RunRequest {
    /// The multi-year plan's band has as many runs as the simulation, with its seed.
    fn plan_options(&self) -> multiyear::PlanOptions {
        multiyear::PlanOptions {
            runs: self.sim.runs,
            seed: self.sim.seed,
            threads: self.sim.threads,
        }
    }

    /// The ranges' draws: the default number, with the simulation's seed.
    fn draw_options(&self) -> sensitivity::Options {
        sensitivity::Options {
            seed: self.sim.seed,
            threads: self.sim.threads,
            ..sensitivity::Options::default()
        }
    }
}

/// The two sides of a pack, worked out: what `run` and `compare` return.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Before and after, each analysed once.
    pub analyses: [Analysis; 2],
    pub simulations: [Simulation; 2],
    /// `run`: the recommendation after the service check; its `after` is the second side.
    pub recommendation: Option<Confirmed>,
    /// `run` on a scenario with `[plan]`: the multi-year plan of the scenario as it stands.
    pub plan: Option<MultiYearPlan>,
    /// `run` on a scenario with ranges: the tornado and the draws, of the recommended
    /// organisation.
    pub sensitivity: Option<Sensitivity>,
    /// With ranges: per office, the share of the sensitivity's draws in which the
    /// recommended staffing stays within the target utilisation.
    pub holds: Option<sensitivity::Met>,
}

/// The stages with the one thread pool they share.
#[derive(Debug)]
pub struct Pipeline {
    pool: rayon::ThreadPool,
}

impl Pipeline {
    /// A pipeline on `threads` workers (`None`: one a core).
    pub fn new(threads: Option<usize>) -> Result<Pipeline, Error> {
        let pool = simulate::simulation_pool(threads)?;
        Ok(Pipeline { pool })
    }

    /// `simulate`: one scenario's simulation.
    pub fn simulate(
        &self,
        scenario: &Scenario,
        sim: &SimOptions,
        progress: &dyn Progress,
    ) -> Result<Simulation, Error> {
        progress.begin(sim.runs);
        let result = self.simulated(scenario, sim, progress, 0);
        progress.end();
        Ok(result?)
    }

    /// A simulation whose finished runs are told to `progress` after `done` earlier ones.
    fn simulated(
        &self,
        scenario: &Scenario,
        sim: &SimOptions,
        progress: &dyn Progress,
        done: u32,
    ) -> Result<Simulation, SimulateError> {
        let tell = |n: u32| progress.finished(done.saturating_add(n));
        simulate::simulate_on(&self.pool, scenario, sim, &tell)
    }

    /// `compare`: two scenarios a planner wrote, analysed and simulated with the same options
    /// and seed (one progress bar for both).
    pub fn compare(
        &self,
        before: &Scenario,
        after: &Scenario,
        sim: &SimOptions,
        progress: &dyn Progress,
    ) -> Result<Outcome, Error> {
        progress.begin(sim.runs.saturating_mul(2));
        let first = self.simulated(before, sim, progress, 0);
        let first = first.inspect_err(|_| progress.end())?;
        let second = self.simulated(after, sim, progress, sim.runs);
        progress.end();
        Ok(Outcome {
            analyses: [analysis::analyse(before), analysis::analyse(after)],
            simulations: [first, second?],
            recommendation: None,
            plan: None,
            sensitivity: None,
            holds: None,
        })
    }

    /// `run`: the scenario as it stands and the optimiser's recommendation, confirmed in its
    /// own simulation, with the multi-year plan and the ranges where the scenario has them.
    ///
    /// What needs nothing from the recommendation (today's simulation, the multi-year plan,
    /// the ranges' sensitivity) is worked out on a thread of its own while the optimiser,
    /// which works on one core, searches.
    pub fn run(
        &self,
        scenario: &Scenario,
        request: &RunRequest,
        progress: &dyn Progress,
    ) -> Result<Outcome, Error> {
        let before = analysis::analyse(scenario);
        let beside = || -> Result<_, Error> {
            progress.begin(request.sim.runs);
            let today = self.simulated(scenario, &request.sim, progress, 0);
            progress.end();
            let today = today?;
            let plan = match scenario.plan {
                Some(_) => Some(multiyear::plan_on(
                    &self.pool,
                    scenario,
                    &request.plan_options(),
                )?),
                None => None,
            };
            // Where the scenario gives ranges, the pack says how sure its figures are; the
            // draws are made here, their analyses once the recommendation is known.
            let draws = match scenario.uncertain.is_empty() {
                true => None,
                false => Some(Draws::new(scenario, &request.draw_options())?),
            };
            Ok((today, plan, draws))
        };
        let (planned, beside) = std::thread::scope(|scope| {
            let beside = scope.spawn(beside);
            let planned = crate::optimise::optimise(scenario, &request.optimise)
                .map_err(Error::from)
                .and_then(|recommendation| {
                    // The service check simulates the plan it confirms; that simulation is
                    // the pack's.
                    Ok(service::confirm_on(
                        &self.pool,
                        scenario,
                        recommendation,
                        &request.sim,
                    )?)
                });
            let beside = beside
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (planned, beside)
        });
        let (confirmed, simulated) = planned?;
        let (today, plan, draws) = beside?;
        let proposal = &confirmed.recommendation.after;
        let after = match simulated {
            Some(after) => after,
            None => self.simulate(proposal, &request.sim, progress)?,
        };
        let planned = analysis::analyse(proposal);
        // SPEC §14: how sure the figures are is asked of the organisation the pack recommends
        // (today's leaves out the work nobody does, so an assumption that creates it would
        // show no influence); with how often its staffing holds over the same draws.
        let (found, holds) = match &draws {
            Some(draws) => (
                Some(sensitivity::sensitivity_of(
                    &self.pool, proposal, &planned, draws,
                )?),
                Some(sensitivity::met_share_of(
                    &self.pool, scenario, proposal, draws,
                )?),
            ),
            None => (None, None),
        };
        let mut analyses = [before, planned];
        // SPEC §16: WISN's required and ratio carry the bands of the ranges, on both sides.
        if scenario.uses_wisn() && !scenario.uncertain.is_empty() {
            let options = request.draw_options();
            sensitivity::wisn_bands(scenario, &mut analyses[0], &options)?;
            sensitivity::wisn_bands(proposal, &mut analyses[1], &options)?;
        }
        Ok(Outcome {
            analyses,
            simulations: [today, after],
            plan,
            sensitivity: found,
            holds,
            recommendation: Some(confirmed),
        })
    }
}
