//! The multi-year plan of SPEC §10: growing work, people leaving, hires that arrive late.
//!
//! A stock-and-flow model per office and staff type, in expected values: fractional people in
//! the stocks, whole people in the hires. Year t's posts needed come from the analysis of year
//! t's organisation, the scenario with every work type's volume and units' workload grown by
//! `(1 + growth)^(t−1)` ([`year_scenario`], then [`analysis::analyse`]): the caseload method
//! is the analysis's, not a second one. Each year, office by office in file order, hires are
//! requested to cover the posts needed of the year they arrive in, of the cheapest staff type
//! the office may have whose `hires_per_year` and quota (of the arrival year) leave room, the
//! next cheapest for the rest ([`flows`]). A seeded Monte Carlo of leavers (each person leaves
//! with probability `attrition` at the end of each year, with the plan's hires) gives the band
//! on staff ([`leavers`]) and the share of runs short of the posts needed. With `[plan]
//! confidence` the hires are sized on the exact distribution of the staff ([`risk`]), not
//! its expected value (SPEC §13). Nothing here does IO; the tables are in `export::plan`.

mod flows;
mod leavers;
mod risk;

use serde::Serialize;

use crate::analysis;
use crate::model::{Horizon, Scenario};
use crate::simulate::{Band, MAX_RUNS};

pub use leavers::{MAX_BAND_VALUES, MAX_PERSON_YEARS};

/// What to run: `staffplan plan` flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanOptions {
    /// Monte Carlo runs of the leavers.
    pub runs: u32,
    pub seed: u64,
    /// Worker threads; `None`: all cores. The numbers never depend on it.
    pub threads: Option<usize>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            runs: 1000,
            seed: 1,
            threads: None,
        }
    }
}

/// A plan the tool refuses, with how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("the scenario has no `[plan]`, so there are no years to plan\n  help: add `[plan]` with `years = 5` (and `start = 2018`, the label of year 1)")]
    NoPlan,
    #[error("--runs must be between 1 and {MAX_RUNS}, found {runs}\n  help: ask for --runs 1000 (the default)")]
    Runs { runs: u32 },
    #[error("--threads must be at least 1\n  help: leave --threads out to use all cores")]
    NoThreads,
    #[error("--runs {runs} × about {per_run:.0} person-years a run are more than the {MAX_PERSON_YEARS:e} person-years the Monte Carlo of leavers follows one by one\n  help: ask for fewer --runs, or check the scenario for a slip of the decimal point (hours, volumes, growth)")]
    TooManyPersonYears { runs: u32, per_run: f64 },
    #[error("--runs {runs} × {offices} offices × {years} years are more than the {MAX_BAND_VALUES} staff figures the bands keep\n  help: ask for fewer --runs")]
    TooManyValues {
        runs: u32,
        offices: usize,
        years: u32,
    },
    #[error("cannot start {threads} worker threads: {reason}\n  help: ask for fewer --threads")]
    Threads { threads: usize, reason: String },
}

/// The figures of one office (or of all together) in one year, SPEC §10 field names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub required_hours: f64,
    pub posts_needed: u64,
    pub staff_before_hires: f64,
    pub hires_requested: u64,
    pub hires_arriving: u64,
    pub staff: f64,
    pub leavers: f64,
    /// `staff − posts_needed`: negative where the office is short.
    pub gap: f64,
    /// Staff over the Monte Carlo runs.
    pub staff_band: Band,
    /// Share of the runs with fewer staff than posts needed (the total: some office short).
    pub p_short: f64,
    /// Hires requested this year by staff type id (a JSON object).
    #[serde(serialize_with = "pairs_as_map")]
    pub hires_requested_by_type: Vec<(String, u64)>,
    /// Hires arriving this year by staff type id.
    #[serde(serialize_with = "pairs_as_map")]
    pub hires_arriving_by_type: Vec<(String, u64)>,
}

/// One office in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeYear {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// One year of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Year {
    /// Its label: `[plan] start` + index − 1.
    pub year: u32,
    /// 1-based.
    pub index: u32,
    pub offices: Vec<OfficeYear>,
    pub total: Figures,
}

/// The rule that cut a request (JSON: the key's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CutBy {
    /// That year's quota of the type.
    Quota,
    /// `hires_per_year`.
    HiresPerYear,
    /// The office's `max_staff`.
    MaxStaff,
    /// The office is `fixed`: it takes no hires.
    Fixed,
}

impl CutBy {
    /// The scenario key of the rule, as the JSON names it.
    pub fn key(self) -> &'static str {
        match self {
            CutBy::Quota => "quota",
            CutBy::HiresPerYear => "hires_per_year",
            CutBy::MaxStaff => "max_staff",
            CutBy::Fixed => "fixed",
        }
    }
}

/// Why a request was cut: a rule that left fewer hires than the posts needed asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// Label of the year the request was made.
    pub requested_in: u32,
    /// Label of the year the hires would arrive.
    pub arrival: u32,
    pub office: String,
    pub staff_type: String,
    pub rule: CutBy,
    /// Hires the posts needed asked of this type, and hires granted.
    pub wanted: u64,
    pub granted: u64,
}

/// The result of `staffplan plan`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MultiYearPlan {
    pub scenario: String,
    pub runs: u32,
    pub seed: u64,
    pub start: u32,
    /// `[plan] confidence`: hires requested so that each office has its posts needed in at
    /// least this share of the outcomes; `None`: for the expected values.
    pub confidence: Option<f64>,
    /// Staff type ids, in the scenario's order (the keys of the `_by_type` maps).
    pub staff_types: Vec<String>,
    pub years: Vec<Year>,
    /// Requests cut by a quota or `hires_per_year` where the office is short in the year the
    /// hires would have arrived, in the order made.
    pub binding: Vec<Binding>,
    /// The first year in which some office has fewer staff than posts needed, if any.
    pub first_short_year: Option<u32>,
}

impl MultiYearPlan {
    /// Label of year `t` (1-based).
    pub fn label(&self, t: u32) -> u32 {
        self.start.saturating_add(t.saturating_sub(1))
    }
}

/// Year `t`'s organisation (1-based): every work type's direct volume and every unit's
/// workload of it times `(1 + growth)^(t−1)`; follow-up work grows with the work feeding it.
pub fn year_scenario(scenario: &Scenario, t: u32) -> Scenario {
    let mut year = scenario.clone();
    let exponent = i32::try_from(t.saturating_sub(1)).unwrap_or(i32::MAX);
    let factors: Vec<f64> = scenario
        .works
        .iter()
        .map(|w| (1.0 + w.growth).powi(exponent))
        .collect();
    for (work, factor) in year.works.iter_mut().zip(&factors) {
        work.volume *= factor;
    }
    for unit in &mut year.units {
        for (w, rate) in &mut unit.workload {
            *rate *= factors.get(*w).copied().unwrap_or(1.0);
        }
    }
    year
}

/// Required hours and posts needed per office in each year (`[year][office]`), from the
/// analysis of each year's organisation.
fn needs(scenario: &Scenario, years: u32) -> Vec<Vec<(f64, u64)>> {
    (1..=years)
        .map(|t| {
            analysis::analyse(&year_scenario(scenario, t))
                .offices
                .iter()
                .map(|o| (o.required_hours, o.posts_needed))
                .collect()
        })
        .collect()
}

/// Where a gap counts as a shortfall: fractional stocks are sums of products.
const SHORT: f64 = 1e-9;

/// The multi-year plan of a scenario with `[plan]`.
pub fn plan(scenario: &Scenario, options: &PlanOptions) -> Result<MultiYearPlan, PlanError> {
    plan_with(scenario, options, None)
}

/// [`plan`] on a pool the caller built (a pipeline builds one for all its stages).
pub fn plan_on(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    options: &PlanOptions,
) -> Result<MultiYearPlan, PlanError> {
    plan_with(scenario, options, Some(pool))
}

fn plan_with(
    scenario: &Scenario,
    options: &PlanOptions,
    pool: Option<&rayon::ThreadPool>,
) -> Result<MultiYearPlan, PlanError> {
    let horizon: Horizon = scenario.plan.ok_or(PlanError::NoPlan)?;
    if options.runs == 0 || options.runs > MAX_RUNS {
        return Err(PlanError::Runs { runs: options.runs });
    }
    if options.threads == Some(0) {
        return Err(PlanError::NoThreads);
    }
    let years = horizon.years;
    let needs = needs(scenario, years);
    let flows = flows::expected(scenario, &needs, horizon);
    let bands = leavers::bands(scenario, &flows, &needs, options, pool)?;

    let types: Vec<String> = scenario.staff_types.iter().map(|t| t.id.clone()).collect();
    let by_type = |counts: &[u64]| -> Vec<(String, u64)> {
        types.iter().cloned().zip(counts.iter().copied()).collect()
    };
    let mut out_years = Vec::with_capacity(years as usize);
    let mut first_short_year = None;
    for (t, year_needs) in needs.iter().enumerate() {
        let mut offices = Vec::with_capacity(scenario.offices.len());
        let mut total = Figures {
            required_hours: 0.0,
            posts_needed: 0,
            staff_before_hires: 0.0,
            hires_requested: 0,
            hires_arriving: 0,
            staff: 0.0,
            leavers: 0.0,
            gap: 0.0,
            staff_band: bands.total[t],
            p_short: bands.p_short_total[t],
            hires_requested_by_type: Vec::new(),
            hires_arriving_by_type: Vec::new(),
        };
        let mut requested_total = vec![0u64; types.len()];
        let mut arriving_total = vec![0u64; types.len()];
        for (o, office) in scenario.offices.iter().enumerate() {
            let f = &flows.offices[o];
            let (required_hours, posts) = year_needs[o];
            let requested: Vec<u64> = (0..types.len()).map(|k| f.requested[k][t]).collect();
            let arriving: Vec<u64> = (0..types.len()).map(|k| f.arriving[k][t]).collect();
            let figures = Figures {
                required_hours,
                posts_needed: posts,
                staff_before_hires: f.before_hires[t],
                hires_requested: requested.iter().sum(),
                hires_arriving: arriving.iter().sum(),
                staff: f.staff[t],
                leavers: f.leavers[t],
                gap: f.staff[t] - posts as f64,
                staff_band: bands.offices[o][t],
                p_short: bands.p_short[o][t],
                hires_requested_by_type: by_type(&requested),
                hires_arriving_by_type: by_type(&arriving),
            };
            if figures.gap < -SHORT && first_short_year.is_none() {
                first_short_year = Some(horizon.label(t as u32 + 1));
            }
            total.required_hours += figures.required_hours;
            total.posts_needed += figures.posts_needed;
            total.staff_before_hires += figures.staff_before_hires;
            total.hires_requested += figures.hires_requested;
            total.hires_arriving += figures.hires_arriving;
            total.staff += figures.staff;
            total.leavers += figures.leavers;
            for k in 0..types.len() {
                requested_total[k] += requested[k];
                arriving_total[k] += arriving[k];
            }
            offices.push(OfficeYear {
                id: office.id.clone(),
                name: office.name.clone(),
                figures,
            });
        }
        total.gap = total.staff - total.posts_needed as f64;
        total.hires_requested_by_type = by_type(&requested_total);
        total.hires_arriving_by_type = by_type(&arriving_total);
        out_years.push(Year {
            year: horizon.label(t as u32 + 1),
            index: t as u32 + 1,
            offices,
            total,
        });
    }
    let binding = binding(scenario, &flows, &needs, horizon);
    Ok(MultiYearPlan {
        scenario: scenario.name.clone(),
        runs: options.runs,
        seed: options.seed,
        start: horizon.start,
        confidence: horizon.confidence,
        staff_types: types,
        years: out_years,
        binding,
        first_short_year,
    })
}

/// The cut requests that explain a shortfall: only where the office is still short in the
/// year the hires would have arrived (a dearer type's request cut by its quota may be covered
/// by a cheaper type whose lag is shorter).
fn binding(
    scenario: &Scenario,
    flows: &flows::Flows,
    needs: &[Vec<(f64, u64)>],
    horizon: Horizon,
) -> Vec<Binding> {
    flows
        .binding
        .iter()
        .filter(|b| {
            let a = b.arrival as usize - 1;
            flows.offices[b.office].staff[a] < needs[a][b.office].1 as f64 - SHORT
        })
        .map(|b| Binding {
            requested_in: horizon.label(b.requested_in),
            arrival: horizon.label(b.arrival),
            office: scenario.offices[b.office].id.clone(),
            staff_type: scenario.staff_types[b.staff_type].id.clone(),
            rule: b.rule,
            wanted: b.wanted,
            granted: b.granted,
        })
        .collect()
}

/// `[(id, n)]` as a JSON object `{ id: n }`, in order.
fn pairs_as_map<S: serde::Serializer>(pairs: &[(String, u64)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}
