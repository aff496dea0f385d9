//! The band on staff: a seeded Monte Carlo of leavers. Each run follows the plan's hires
//! (whole people, as requested) and lets each person leave at the end of each year with the
//! probability `attrition` of their staff type. Run `i` draws only from ChaCha8 stream `i`
//! of the seed (the simulation's `run_rng`), people in a fixed order (office, staff type,
//! year), and the runs are summarised in run order, so the same seed gives the same bytes on
//! any number of threads.

use rayon::prelude::*;

use super::flows::Flows;
use super::{PlanError, PlanOptions};
use crate::model::Scenario;
use crate::simulate::{self, run_rng, Band};

/// Most person-years all runs together may follow (a draw each): about a minute of work.
pub const MAX_PERSON_YEARS: f64 = 1e9;
/// Most staff figures kept for the bands (runs × offices × years).
pub const MAX_BAND_VALUES: u64 = 20_000_000;

/// Staff bands per office and year (`[office][year]`) and of all offices together, and the
/// share of the runs short of the posts needed (SPEC §13 `p_short`).
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    pub offices: Vec<Vec<Band>>,
    pub total: Vec<Band>,
    /// `[office][year]`: runs with fewer staff than posts needed.
    pub p_short: Vec<Vec<f64>>,
    /// `[year]`: runs with some office short.
    pub p_short_total: Vec<f64>,
}

/// The bands and shortfalls over `options.runs` runs; `needs[year][office]` holds each
/// year's posts needed (the second of each pair).
pub fn bands(
    scenario: &Scenario,
    flows: &Flows,
    needs: &[Vec<(f64, u64)>],
    options: &PlanOptions,
    pool: Option<&rayon::ThreadPool>,
) -> Result<Bands, PlanError> {
    let years = needs.len() as u32;
    let years = years as usize;
    let offices = scenario.offices.len();
    let runs = options.runs;
    // Person-years of one run with nobody leaving: the most draws a run can make.
    let per_run: f64 = scenario
        .offices
        .iter()
        .zip(&flows.offices)
        .map(|(office, f)| {
            let mut people = f64::from(office.headcount());
            let mut sum = 0.0;
            for t in 0..years {
                people += f.arriving.iter().map(|row| row[t] as f64).sum::<f64>();
                sum += people;
            }
            sum
        })
        .sum();
    if per_run * f64::from(runs) > MAX_PERSON_YEARS {
        return Err(PlanError::TooManyPersonYears { runs, per_run });
    }
    if u64::from(runs) * (offices as u64) * (years as u64) > MAX_BAND_VALUES {
        return Err(PlanError::TooManyValues {
            runs,
            offices,
            years: years as u32,
        });
    }
    let own;
    let pool = match pool {
        Some(pool) => pool,
        None => {
            own = simulate::pool(options.threads)
                .map_err(|(threads, reason)| PlanError::Threads { threads, reason })?;
            &own
        }
    };
    let seed = options.seed;
    let outcomes: Vec<Vec<u32>> = pool.install(|| {
        (0..runs)
            .into_par_iter()
            .map(|run| one_run(scenario, flows, years, seed, run))
            .collect()
    });
    let band = |cell: usize| Band::of(outcomes.iter().map(|r| Some(f64::from(r[cell]))));
    let short = |r: &[u32], o: usize, t: usize| u64::from(r[o * years + t]) < needs[t][o].1;
    let share = |count: usize| count as f64 / f64::from(runs);
    Ok(Bands {
        p_short: (0..offices)
            .map(|o| {
                (0..years)
                    .map(|t| share(outcomes.iter().filter(|r| short(r, o, t)).count()))
                    .collect()
            })
            .collect(),
        p_short_total: (0..years)
            .map(|t| {
                share(
                    outcomes
                        .iter()
                        .filter(|r| (0..offices).any(|o| short(r, o, t)))
                        .count(),
                )
            })
            .collect(),
        offices: (0..offices)
            .map(|o| (0..years).map(|t| band(o * years + t)).collect())
            .collect(),
        total: (0..years)
            .map(|t| {
                Band::of(
                    outcomes
                        .iter()
                        .map(|r| Some((0..offices).map(|o| f64::from(r[o * years + t])).sum())),
                )
            })
            .collect(),
    })
}

/// Staff of each office in each year of one run (`[office × years + year]`).
fn one_run(scenario: &Scenario, flows: &Flows, years: usize, seed: u64, run: u32) -> Vec<u32> {
    let mut rng = run_rng(seed, run);
    let mut staff = vec![0u32; scenario.offices.len() * years];
    for (o, (office, f)) in scenario.offices.iter().zip(&flows.offices).enumerate() {
        for (k, ty) in scenario.staff_types.iter().enumerate() {
            let mut people = office.staff[k];
            for t in 0..years {
                let arriving = u32::try_from(f.arriving[k][t]).unwrap_or(u32::MAX);
                people = people.saturating_add(arriving);
                staff[o * years + t] = staff[o * years + t].saturating_add(people);
                if ty.attrition > 0.0 {
                    let leavers = (0..people).filter(|_| rng.uniform() < ty.attrition).count();
                    people -= leavers as u32;
                }
            }
        }
    }
    staff
}
