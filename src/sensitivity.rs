//! How sure the figures are (SPEC §9): the one-at-a-time tornado, the Monte Carlo over every
//! range together, and the scenario a confidence level asks the optimiser to staff.
//!
//! A draw is the scenario itself with its uncertain figures replaced
//! ([`Scenario::set_input`]), analysed by [`analysis::analyse`]: there is no second way of
//! computing a figure. Draw *i* takes its numbers from ChaCha stream *i* of the seed
//! ([`simulate::draw_rng`]), one word per uncertain input in file order, so the same seed gives
//! the same draws whatever the number of threads. No IO: the tables are in `export`, the
//! chart and the report section in `report`.

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{self, Analysis};
use crate::model::{Scenario, WorkPlace};
use crate::simulate;
use crate::simulate::stats::quantile_sorted;

/// Most draws one request may have.
pub const MAX_DRAWS: u32 = 100_000;
/// Most figures kept over the draws (draws × the offices and units they are kept for): ten
/// million numbers, 160 MB, so that a large scenario cannot take the machine's memory.
pub const MAX_FIGURES: u64 = 10_000_000;

/// A sensitivity request refused.
#[derive(Debug, thiserror::Error)]
pub enum SensitivityError {
    #[error("--draws must be at least 1\n  help: ask for --draws 1000 (the default)")]
    NoDraws,
    #[error("{draws} draws of {per_draw} figures each are more than the {MAX_FIGURES} figures one request may keep\n  help: ask for fewer --draws (1,000 give the 5–95% interval to within a few percent)")]
    TooMany { draws: u32, per_draw: u64 },
    #[error("cannot start {threads} worker threads: {reason}\n  help: ask for fewer --threads")]
    Threads { threads: usize, reason: String },
}

/// What to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub draws: u32,
    pub seed: u64,
    /// Worker threads (default: all cores); the results do not depend on it.
    pub threads: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            draws: 1000,
            seed: 1,
            threads: None,
        }
    }
}

/// Mean and quantiles of a figure over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
}

impl Quantiles {
    /// Of the values, which are sorted in place.
    pub fn of(values: &mut [f64]) -> Quantiles {
        values.sort_by(f64::total_cmp);
        // The sum rounds: the mean of a thousand equal draws can land an ulp beside them, and
        // so outside its own [p5, p95]. It lies between the least and the greatest draw.
        let mean = match (values.first(), values.last()) {
            (Some(&least), Some(&greatest)) => {
                (values.iter().sum::<f64>() / values.len() as f64).clamp(least, greatest)
            }
            _ => f64::NAN,
        };
        let q = |p| quantile_sorted(values, p);
        Quantiles {
            mean,
            p5: q(0.05),
            p50: q(0.5),
            p90: q(0.9),
            p95: q(0.95),
        }
    }
}

/// One bar of the tornado: the organisation's figures with one input at its low and at its
/// high value, every other at its likely value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoRow {
    /// The input path (`work.review.hours`).
    pub input: String,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    pub fte_need_low: f64,
    pub fte_need_high: f64,
    pub posts_needed_low: u64,
    pub posts_needed_high: u64,
    /// Index into the scenario's `uncertain` list, to name the input in the scenario's words.
    #[serde(skip)]
    pub index: usize,
}

impl TornadoRow {
    /// How far the input moves the FTE need: the tornado's order.
    pub fn swing(&self) -> f64 {
        (self.fte_need_high - self.fte_need_low).abs()
    }
}

/// The spread of one office's figures over the draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeSpread {
    pub id: String,
    #[serde(skip)]
    pub name: String,
    pub fte_need: Quantiles,
    pub posts_needed: Quantiles,
    /// Posts needed at the likely values.
    pub posts_needed_likely: u64,
}

/// The spread of the organisation's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    pub fte_need: Quantiles,
    pub posts_needed: Quantiles,
}

/// The answer of `staffplan sensitivity` (SPEC §9 field names).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    #[serde(skip)]
    pub scenario: String,
    pub draws: u32,
    pub seed: u64,
    /// The figures at the likely values.
    #[serde(skip)]
    pub likely: Spread,
    pub tornado: Vec<TornadoRow>,
    pub offices: Vec<OfficeSpread>,
    pub total: Spread,
}

/// The tornado and the Monte Carlo of a scenario.
pub fn sensitivity(
    scenario: &Scenario,
    options: &Options,
) -> Result<Sensitivity, SensitivityError> {
    let pool = pool(options)?;
    let draws = Draws::new(scenario, options)?;
    sensitivity_of(&pool, scenario, &analysis::analyse(scenario), &draws)
}

/// [`sensitivity`] over draws already made, on the caller's pool, with the analysis of the
/// scenario at its likely values.
pub fn sensitivity_of(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    likely: &Analysis,
    drawn: &Draws,
) -> Result<Sensitivity, SensitivityError> {
    // Per draw: each office's FTE need and posts needed, then the totals'.
    let draws = draw_analyses(pool, scenario, drawn, |a| {
        let mut figures: Vec<(f64, f64)> = a
            .offices
            .iter()
            .map(|o| (o.fte_need, o.posts_needed as f64))
            .collect();
        figures.push((a.total.fte_need, a.total.posts_needed as f64));
        figures
    })?;
    let spread = |i: usize| Spread {
        fte_need: Quantiles::of(&mut draws.iter().map(|d| d[i].0).collect::<Vec<_>>()),
        posts_needed: Quantiles::of(&mut draws.iter().map(|d| d[i].1).collect::<Vec<_>>()),
    };
    let offices = likely
        .offices
        .iter()
        .enumerate()
        .map(|(o, office)| {
            let Spread {
                fte_need,
                posts_needed,
            } = spread(o);
            OfficeSpread {
                id: office.id.clone(),
                name: office.name.clone(),
                fte_need,
                posts_needed,
                posts_needed_likely: office.posts_needed,
            }
        })
        .collect();
    let point = |value: f64| Quantiles {
        mean: value,
        p5: value,
        p50: value,
        p90: value,
        p95: value,
    };
    Ok(Sensitivity {
        scenario: scenario.name.clone(),
        draws: drawn.options.draws,
        seed: drawn.options.seed,
        likely: Spread {
            fte_need: point(likely.total.fte_need),
            posts_needed: point(likely.total.posts_needed as f64),
        },
        tornado: tornado(scenario),
        offices,
        total: spread(likely.offices.len()),
    })
}

/// Each uncertain input at its low and at its high value, the rest at likely; sorted by the
/// swing of the FTE need, largest first (file order among equals).
pub fn tornado(scenario: &Scenario) -> Vec<TornadoRow> {
    let mut draw = scenario.clone();
    let mut rows: Vec<TornadoRow> = scenario
        .uncertain
        .iter()
        .enumerate()
        .map(|(index, u)| {
            draw.set_input(u.input, u.low);
            let low = analysis::analyse(&draw).total;
            draw.set_input(u.input, u.high);
            let high = analysis::analyse(&draw).total;
            draw.set_input(u.input, u.likely);
            TornadoRow {
                input: u.path.clone(),
                low: u.low,
                likely: u.likely,
                high: u.high,
                fte_need_low: low.fte_need,
                fte_need_high: high.fte_need,
                posts_needed_low: low.posts_needed,
                posts_needed_high: high.posts_needed,
                index,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    rows
}

/// Draw `draw` of the scenario: each uncertain input from its triangular distribution, one
/// word each, in file order.
pub fn draw_into(scenario: &Scenario, into: &mut Scenario, seed: u64, draw: u32) {
    for (u, value) in scenario
        .uncertain
        .iter()
        .zip(drawn_values(scenario, seed, draw))
    {
        into.set_input(u.input, value);
    }
}

/// The values of draw `draw`, one per uncertain input in file order.
fn drawn_values(scenario: &Scenario, seed: u64, draw: u32) -> impl Iterator<Item = f64> + '_ {
    let mut rng = simulate::draw_rng(seed, draw);
    scenario
        .uncertain
        .iter()
        .map(move |u| rng.triangular(u.low, u.likely, u.high))
}

/// The draws of a request, made once: the value of every uncertain input in every draw, so
/// that the sensitivity, the confidence level and the check of whether a plan holds all see
/// the same numbers without drawing them again.
#[derive(Debug, Clone, PartialEq)]
pub struct Draws {
    pub options: Options,
    /// Draw by draw, one value per uncertain input in file order.
    values: Vec<f64>,
    inputs: usize,
}

impl Draws {
    /// Draws `options.draws` values of every uncertain input, refusing a request whose draws
    /// would not fit the memory limit.
    pub fn new(scenario: &Scenario, options: &Options) -> Result<Draws, SensitivityError> {
        check_size(options, scenario.uncertain.len() as u64)?;
        let values = (0..options.draws)
            .flat_map(|i| drawn_values(scenario, options.seed, i))
            .collect();
        Ok(Draws {
            options: *options,
            values,
            inputs: scenario.uncertain.len(),
        })
    }

    /// Puts draw `i`'s values into `into` (a copy of `scenario`, staffed as it may be).
    fn apply(&self, scenario: &Scenario, into: &mut Scenario, i: u32) {
        let start = i as usize * self.inputs;
        let values = self.values.get(start..start + self.inputs).unwrap_or(&[]);
        for (u, &value) in scenario.uncertain.iter().zip(values) {
            into.set_input(u.input, value);
        }
    }
}

/// Refuses no draws, or more than [`MAX_FIGURES`] figures kept over them.
fn check_size(options: &Options, per_draw: u64) -> Result<(), SensitivityError> {
    if options.draws == 0 {
        return Err(SensitivityError::NoDraws);
    }
    if u64::from(options.draws) * per_draw > MAX_FIGURES {
        return Err(SensitivityError::TooMany {
            draws: options.draws,
            per_draw,
        });
    }
    Ok(())
}

/// A pool of `options.threads` workers.
fn pool(options: &Options) -> Result<rayon::ThreadPool, SensitivityError> {
    simulate::pool(options.threads)
        .map_err(|(threads, reason)| SensitivityError::Threads { threads, reason })
}

/// `figures` of the analysis of every draw, in draw order.
fn draw_analyses<T: Send>(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    draws: &Draws,
    figures: impl Fn(&Analysis) -> T + Sync,
) -> Result<Vec<T>, SensitivityError> {
    // Two figures an office, and the totals, are kept per draw.
    let per_draw = 2 * (scenario.offices.len() as u64 + 1);
    draw_scenarios(pool, scenario, draws, per_draw, |draw| {
        figures(&analysis::analyse(draw))
    })
}

/// The `p` order statistic of values: the least value that at least `p` of them do not
/// exceed (the ⌈p·n⌉-th smallest).
pub fn at_least_share(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let k = (p * values.len() as f64).ceil().max(1.0) as usize;
    values
        .get(k.min(values.len()).saturating_sub(1))
        .copied()
        .unwrap_or(f64::NAN)
}

/// How a confidence level holds (SPEC §13): for the organisation, every office at once in at
/// least the level's share of the draws, or office by office (`--per-office`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holding {
    #[default]
    Joint,
    PerOffice,
}

impl Holding {
    /// `--per-office` given or not.
    pub fn of(per_office: bool) -> Holding {
        if per_office {
            Holding::PerOffice
        } else {
            Holding::Joint
        }
    }
}

/// The scenario whose likely figures ask the optimiser for headcounts that meet the target
/// in at least `level` of the draws (SPEC §9 and §13, `optimise --confidence`).
///
/// An office meets the target utilisation `t` with `n` people (leaders `L`, casework share
/// `s`) in a draw where `n − L(1 − s) ≥ R / (H t)`, i.e. where `n ≥ y = R/(H t) + L(1 − s)`.
/// So the least headcount met in at least `level` of the draws is ⌈the `level` order
/// statistic of `y`⌉, and an office whose load does not depend on the allocation gets exactly
/// that when its work's hours are scaled to make `y` at likely values equal that order
/// statistic. A dispatched group's load is the sum of the units it covers, which the optimiser
/// chooses: each unit's hours are scaled to their own order statistic, which is exact
/// where the units' hours rise and fall together (the same work's hours) and errs on the safe
/// side otherwise. [`Holding::Joint`] takes every office and unit to the same order statistic
/// k, the least k at or above ⌈level·n⌉ for which at least `level` of the draws have every
/// office's and unit's figure at or below its own k-th: the plan then holds for every office
/// at once in at least `level` of the draws. The caller checks the plan against the draws
/// ([`met_share`]).
pub fn at_confidence(
    scenario: &Scenario,
    level: f64,
    holding: Holding,
    options: &Options,
) -> Result<Scenario, SensitivityError> {
    let pool = pool(options)?;
    at_confidence_of(
        &pool,
        scenario,
        level,
        holding,
        &Draws::new(scenario, options)?,
    )
}

/// [`at_confidence`] over draws already made, on the caller's pool.
pub fn at_confidence_of(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    level: f64,
    holding: Holding,
    draws: &Draws,
) -> Result<Scenario, SensitivityError> {
    let target = scenario.policy.target_utilisation;
    let coverage = scenario.coverage();
    let kept = (scenario.offices.len() + scenario.units.len()) as u64;
    // Per draw: each office's `y`, then each unit's FTE.
    let per_draw = draw_scenarios(pool, scenario, draws, kept, |draw| {
        let year = draw.calendar.year_value();
        let volumes = analysis::volumes(draw, &coverage);
        let mut figures: Vec<f64> = draw
            .offices
            .iter()
            .enumerate()
            .map(|(o, office)| {
                volumes.required_hours(draw, o) / (year * target)
                    + f64::from(office.leaders) * (1.0 - office.leader_case_share)
            })
            .collect();
        figures.extend(analysis::unit_hours(draw).into_iter().map(|h| h / year));
        figures
    })?;
    let offices = scenario.offices.len();
    // Which figures the joint level holds together: groups take their load from the units.
    let counted: Vec<usize> = (0..kept as usize)
        .filter(|&i| i >= offices || !scenario.offices[i].is_group())
        .collect();
    let k = order_statistic(&per_draw, &counted, level, holding);
    let kth = |i: usize| {
        let mut column: Vec<f64> = per_draw.iter().map(|d| d[i]).collect();
        column.sort_by(f64::total_cmp);
        column.get(k.saturating_sub(1)).copied().unwrap_or(f64::NAN)
    };
    let mut confident = scenario.clone();
    let year = scenario.calendar.year_value();
    // The units first: their workload also feeds office work down the chain, which the
    // offices' scaling below then takes as it is.
    let likely_units = analysis::unit_hours(scenario);
    for (u, &likely) in likely_units.iter().enumerate() {
        let wanted = kth(offices + u) * year;
        if likely > 0.0 && wanted.is_finite() {
            for entry in &mut confident.units[u].workload {
                entry.1 *= wanted / likely;
            }
        }
    }
    let volumes = analysis::volumes(&confident, &coverage);
    let mut factor = vec![1.0; offices];
    for (o, office) in scenario.offices.iter().enumerate() {
        if office.is_group() {
            continue;
        }
        let own = volumes.required_hours(&confident, o);
        let leaders = f64::from(office.leaders) * (1.0 - office.leader_case_share);
        let wanted = (kth(o) - leaders).max(0.0) * year * target;
        if own > 0.0 && wanted.is_finite() {
            factor[o] = wanted / own;
        }
    }
    for work in &mut confident.works {
        if let WorkPlace::Office(o) = work.place {
            work.hours *= factor[o];
        }
    }
    Ok(confident)
}

/// The order statistic (1-based, of the draws) every figure is staffed to: ⌈level·n⌉ office
/// by office; jointly the least k from there whose k-th values of the `counted` figures are
/// all at or above their draw's values in at least `level` of the draws.
fn order_statistic(
    per_draw: &[Vec<f64>],
    counted: &[usize],
    level: f64,
    holding: Holding,
) -> usize {
    let n = per_draw.len();
    let first = ((level * n as f64).ceil() as usize).clamp(1, n.max(1));
    if holding == Holding::PerOffice || n == 0 {
        return first;
    }
    let sorted: Vec<Vec<f64>> = counted
        .iter()
        .map(|&i| {
            let mut column: Vec<f64> = per_draw.iter().map(|d| d[i]).collect();
            column.sort_by(f64::total_cmp);
            column
        })
        .collect();
    let holds = |k: usize| {
        let within = per_draw
            .iter()
            .filter(|d| {
                counted
                    .iter()
                    .zip(&sorted)
                    .all(|(&i, column)| d[i] <= column[k - 1])
            })
            .count();
        within >= first
    };
    // The share within grows with k, and every draw is within at k = n: bisect.
    let (mut low, mut high) = (first, n);
    while low < high {
        let mid = (low + high) / 2;
        if holds(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    low
}

/// How often a plan keeps the offices at or below the target utilisation over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Met {
    /// Office by office, in the scenario's order.
    pub offices: Vec<f64>,
    /// Every office at once (`met_share_all`).
    pub all: f64,
}

/// For each office, the share of the draws in which `plan` (the headcounts and coverage of a
/// recommendation for `scenario`) keeps it at or below the target utilisation, and the share
/// in which it keeps every office there at once.
pub fn met_share(
    scenario: &Scenario,
    plan: &Scenario,
    options: &Options,
) -> Result<Met, SensitivityError> {
    let pool = pool(options)?;
    met_share_of(&pool, scenario, plan, &Draws::new(scenario, options)?)
}

/// [`met_share`] over draws already made (those of the sensitivity or the confidence level),
/// on the caller's pool.
pub fn met_share_of(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    plan: &Scenario,
    draws: &Draws,
) -> Result<Met, SensitivityError> {
    let mut staffed = scenario.clone();
    for (office, planned) in staffed.offices.iter_mut().zip(&plan.offices) {
        office.staff.clone_from(&planned.staff);
        office.covers.clone_from(&planned.covers);
    }
    let target = scenario.policy.target_utilisation;
    let met = draw_analyses(pool, &staffed, draws, |a| {
        a.offices
            .iter()
            .map(|o| o.required_hours == 0.0 || o.utilisation.is_some_and(|u| u <= target + 1e-9))
            .collect::<Vec<bool>>()
    })?;
    let draws = met.len().max(1) as f64;
    Ok(Met {
        offices: (0..scenario.offices.len())
            .map(|o| met.iter().filter(|m| m[o]).count() as f64 / draws)
            .collect(),
        all: met.iter().filter(|m| m.iter().all(|&x| x)).count() as f64 / draws,
    })
}

/// `figures` of every draw, in draw order, on the pool; `per_draw` is how many numbers are
/// kept from each, for the memory limit.
fn draw_scenarios<T: Send>(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    draws: &Draws,
    per_draw: u64,
    figures: impl Fn(&Scenario) -> T + Sync,
) -> Result<Vec<T>, SensitivityError> {
    check_size(&draws.options, per_draw)?;
    Ok(pool.install(|| {
        (0..draws.options.draws)
            .into_par_iter()
            .map_init(
                || scenario.clone(),
                |draw, i| {
                    draws.apply(scenario, draw, i);
                    figures(draw)
                },
            )
            .collect()
    }))
}

/// What a confidence level costs: the plan that meets the target in at least `level` of the
/// draws against the plan for the likely values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confidence {
    pub level: f64,
    pub draws: u32,
    pub seed: u64,
    pub cost_likely_plan: f64,
    pub cost_after: f64,
    pub extra_cost: f64,
    pub posts_likely_plan: u32,
    pub posts_after: u32,
    /// Joint (every office at once) or office by office.
    pub holding: Holding,
    /// Share of the draws in which the plan keeps every office at or below the target at once.
    pub met_share_all: f64,
    pub offices: Vec<OfficeConfidence>,
}

/// One office under a confidence level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeConfidence {
    pub id: String,
    #[serde(skip)]
    pub name: String,
    pub posts_likely_plan: u32,
    pub posts_after: u32,
    /// Share of the draws in which the plan keeps the office at or below the target.
    pub met_share: f64,
}

impl Confidence {
    /// Compares the plan at `level` with the likely-value plan; `met` from [`met_share`].
    pub fn new(
        (level, holding): (f64, Holding),
        options: &Options,
        likely_plan: &Scenario,
        plan: &Scenario,
        met: &Met,
    ) -> Confidence {
        let staff = |s: &Scenario| s.offices.iter().map(|o| o.headcount()).sum::<u32>();
        let cost = |s: &Scenario| s.offices.iter().map(|o| s.cost(&o.staff)).sum::<f64>();
        Confidence {
            level,
            draws: options.draws,
            seed: options.seed,
            cost_likely_plan: cost(likely_plan),
            cost_after: cost(plan),
            extra_cost: cost(plan) - cost(likely_plan),
            posts_likely_plan: staff(likely_plan),
            posts_after: staff(plan),
            holding,
            met_share_all: met.all,
            offices: plan
                .offices
                .iter()
                .zip(&likely_plan.offices)
                .zip(&met.offices)
                .map(|((o, l), &met_share)| OfficeConfidence {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    posts_likely_plan: l.headcount(),
                    posts_after: o.headcount(),
                    met_share,
                })
                .collect(),
        }
    }
}

/// SPEC §16: WISN's `required` and `ratio` of every office and staff type over the draws of
/// the scenario's ranges, as 5th and 95th percentiles put into `analysis` (the analysis of
/// `scenario` at its likely values). A draw in which a staff type has no row (its work drawn
/// to nothing) counts as nothing required and no ratio. Nothing changes without ranges or
/// WISN figures.
pub fn wisn_bands(
    scenario: &Scenario,
    analysis: &mut Analysis,
    options: &Options,
) -> Result<(), SensitivityError> {
    let rows: Vec<(usize, String)> = analysis
        .offices
        .iter()
        .enumerate()
        .flat_map(|(o, office)| office.wisn.iter().map(move |w| (o, w.staff.clone())))
        .collect();
    if scenario.uncertain.is_empty() || rows.is_empty() {
        return Ok(());
    }
    let pool = pool(options)?;
    let draws = Draws::new(scenario, options)?;
    let per_draw = 2 * rows.len() as u64;
    let figures = draw_scenarios(&pool, scenario, &draws, per_draw, |draw| {
        let volumes = analysis::volumes(draw, &draw.coverage());
        let by_office: Vec<Vec<analysis::Wisn>> = (0..draw.offices.len())
            .map(|o| analysis::wisn(draw, &volumes, o))
            .collect();
        rows.iter()
            .map(|(o, staff)| {
                by_office
                    .get(*o)
                    .and_then(|ws| ws.iter().find(|w| &w.staff == staff))
                    .map_or((0.0, None), |w| (w.required, w.ratio))
            })
            .collect::<Vec<_>>()
    })?;
    let band = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        (!values.is_empty()).then(|| analysis::WisnBand {
            p5: quantile_sorted(&values, 0.05),
            p95: quantile_sorted(&values, 0.95),
        })
    };
    for (k, (o, staff)) in rows.iter().enumerate() {
        let required = figures.iter().map(|d| d[k].0).collect();
        let ratios = figures.iter().filter_map(|d| d[k].1).collect();
        if let Some(w) = analysis
            .offices
            .get_mut(*o)
            .and_then(|office| office.wisn.iter_mut().find(|w| &w.staff == staff))
        {
            w.required_band = band(required);
            w.ratio_band = band(ratios);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Quantiles;

    /// 0.1 added a thousand times is not 100: the mean of equal draws is the draw itself.
    #[test]
    fn the_mean_of_equal_draws_is_the_draw() {
        let mut values = vec![0.1; 1000];
        assert_ne!(values.iter().sum::<f64>() / 1000.0, 0.1);
        let q = Quantiles::of(&mut values);
        assert_eq!((q.mean, q.p5, q.p95), (0.1, 0.1, 0.1));
        let mut spread = vec![1.0, 2.0, 6.0];
        assert_eq!(Quantiles::of(&mut spread).mean, 3.0);
    }
}
