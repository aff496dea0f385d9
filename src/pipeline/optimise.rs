//! `optimise`, at the likely values or at a confidence level: the recommendation confirmed in
//! its own simulation and, at a level, what the level costs against the likely-value plan,
//! with the draws made once for the scenario the level asks for and for the check of how
//! often the plan meets the target over them.

use std::time::Instant;

use super::Pipeline;
use crate::error::Error;
use crate::model::Scenario;
use crate::optimise::{self, Recommendation};
use crate::sensitivity::{self, Confidence, Draws};
use crate::service::{self, CheckLimit, Confirmed};
use crate::simulate::SimOptions;

/// What `optimise` needs besides the scenario.
#[derive(Debug, Clone)]
pub struct OptimiseRequest {
    pub optimise: optimise::Options,
    /// The service check's simulation.
    pub sim: SimOptions,
    /// Staff the scenario so that every office at once (or each office, by `holding`) meets
    /// the target in at least this share of the draws; `None`: at the likely values.
    pub confidence: Option<f64>,
    pub holding: sensitivity::Holding,
    pub draws: sensitivity::Options,
}

/// The answer of `optimise`.
#[derive(Debug, Clone)]
pub struct Optimised {
    pub confirmed: Confirmed,
    /// At a confidence level: what it costs, and how often each office meets the target.
    pub confidence: Option<Confidence>,
}

impl Pipeline {
    /// `optimise`: the recommendation, confirmed in its own simulation; at a confidence level
    /// the plan staffs the scenario at that level, and the likely-value plan is kept to say
    /// what the level costs.
    pub fn optimise(
        &self,
        scenario: &Scenario,
        request: &OptimiseRequest,
    ) -> Result<Optimised, Error> {
        let started = Instant::now();
        let search = search_options(scenario, &request.optimise);
        let likely = optimise::optimise(scenario, &search)?;
        let Some(level) = request.confidence else {
            let limit = check_limit(&request.optimise, &likely, started);
            let confirmed = self.confirm(scenario, likely, &request.sim, limit)?;
            return Ok(Optimised {
                confirmed,
                confidence: None,
            });
        };
        let draws = Draws::new(scenario, &request.draws)?;
        let at =
            sensitivity::at_confidence_of(&self.pool, scenario, level, request.holding, &draws)?;
        let started = Instant::now();
        let planned = optimise::optimise(&at, &search_options(&at, &request.optimise))?;
        let limit = check_limit(&request.optimise, &planned, started);
        let confirmed = self.confirm(&at, planned, &request.sim, limit)?;
        let plan = &confirmed.recommendation.after;
        let met = sensitivity::met_share_of(&self.pool, scenario, plan, &draws)?;
        let confidence = Confidence::new(
            (level, request.holding),
            &request.draws,
            &likely.after,
            plan,
            &met,
        );
        Ok(Optimised {
            confirmed,
            confidence: Some(confidence),
        })
    }

    /// The service check of a recommendation of `scenario` within `limit`, its simulation
    /// dropped.
    fn confirm(
        &self,
        scenario: &Scenario,
        recommendation: Recommendation,
        sim: &SimOptions,
        limit: CheckLimit,
    ) -> Result<Confirmed, Error> {
        let (confirmed, _) =
            service::confirm_within(&self.pool, scenario, recommendation, sim, limit)?;
        Ok(confirmed)
    }
}

/// The search's share of the time limit: all of it, or where the scenario sets on-time
/// targets [`service::SEARCH_SHARE`] of it, so that the limit bounds the service check too.
fn search_options(scenario: &Scenario, options: &optimise::Options) -> optimise::Options {
    if !service::has_targets(scenario) {
        return options.clone();
    }
    optimise::Options {
        time_limit: options.time_limit.mul_f64(service::SEARCH_SHARE),
        clock: options.clock.map(|c| c.mul_f64(service::SEARCH_SHARE)),
        ..options.clone()
    }
}

/// What the limit leaves the service check after the search that began at `started`: the
/// effort the search did not count, and the clock up to the limit's safety cap.
fn check_limit(
    options: &optimise::Options,
    searched: &Recommendation,
    started: Instant,
) -> CheckLimit {
    let clock = options
        .clock
        .unwrap_or_else(|| optimise::safety_cap(options.time_limit));
    CheckLimit::after(options.time_limit, searched.effort_steps, started, clock)
}
