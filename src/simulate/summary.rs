//! From runs to figures: each run's outcome is folded, in run order, into one [`Gather`] per
//! figure and into the backlog chart's values, then dropped, so that a simulation holds a
//! bounded number of values however many runs it has (SPEC §5 bands, issue of memory
//! bounds): the mean of a figure counts every run, its 5–95% band the first
//! [`band_runs`] runs that define it, and the chart keeps at most [`MAX_SERIES_VALUES`]
//! backlog values, from those runs.

use super::engine::{OfficeRun, RunOutcome, WorkRun};
use super::plan::Plan;
use super::stats::{self, Gather};
use super::steady::OfficeDrift;
use super::MAX_SERIES_VALUES;
use super::{BacklogSeries, OfficeSim, SimOptions, Simulation, WorkOnTime, WorkSim};
use crate::analysis;
use crate::model::Scenario;

/// Most values the bands of one simulation keep (8 bytes each: 256 MB). A run keeps about
/// eleven values an office plus three a work type, so a simulation of 2,000 offices reads
/// its bands from the first 1,400 runs or so; smaller ones keep every run.
pub const MAX_BAND_VALUES: u64 = 32_000_000;
/// Fewest runs a band is read from when a simulation has more runs than that.
pub const MIN_BAND_RUNS: u32 = 100;

/// Values one run keeps for the bands.
pub fn values_per_run(plan: &Plan) -> u64 {
    OFFICE_FIGURES * plan.offices.len() as u64
        + 2 * plan.pairs.len() as u64
        + 3 * plan.works.len() as u64
}

/// Runs whose values fit in [`MAX_BAND_VALUES`].
pub fn bands_fit(plan: &Plan) -> u64 {
    MAX_BAND_VALUES / values_per_run(plan).max(1)
}

/// Runs whose values the bands and the backlog chart are read from: all of them when they
/// fit in [`MAX_BAND_VALUES`] and [`MAX_SERIES_VALUES`], else as many as fit.
pub fn band_runs(plan: &Plan, runs: u32) -> u32 {
    let chart = MAX_SERIES_VALUES / (plan.offices.len() as u64 * plan.points as u64).max(1);
    let fit = bands_fit(plan).min(chart);
    u32::try_from(fit).unwrap_or(u32::MAX).min(runs)
}

const OFFICE_FIGURES: u64 = 11;

/// One office's figures, gathered run by run.
struct OfficeGather {
    done: Gather,
    backlog_end: Gather,
    wait_days: Gather,
    lead_days: Gather,
    lead_days_p90: Gather,
    late_share: Gather,
    utilisation: Gather,
    overtime_hours_per_person: Gather,
    overtime_hours_max_person: Gather,
    on_time_share: Gather,
    team_idle_hours: Gather,
}

impl OfficeGather {
    fn new(keep: usize) -> OfficeGather {
        let g = || Gather::new(keep);
        OfficeGather {
            done: g(),
            backlog_end: g(),
            wait_days: g(),
            lead_days: g(),
            lead_days_p90: g(),
            late_share: g(),
            utilisation: g(),
            overtime_hours_per_person: g(),
            overtime_hours_max_person: g(),
            on_time_share: g(),
            team_idle_hours: g(),
        }
    }

    fn add(&mut self, run: &OfficeRun) {
        self.done.add(Some(f64::from(run.done)));
        self.backlog_end.add(Some(f64::from(run.backlog_end)));
        self.wait_days.add(run.wait_days);
        self.lead_days.add(run.lead_days);
        self.lead_days_p90.add(run.lead_days_p90);
        self.late_share.add(run.late_share);
        self.utilisation.add(run.utilisation);
        self.overtime_hours_per_person
            .add(Some(run.overtime_hours_per_person));
        self.overtime_hours_max_person
            .add(Some(run.overtime_hours_max_person));
        self.on_time_share.add(run.on_time_share);
        self.team_idle_hours.add(Some(run.team_idle_hours));
    }
}

/// One work type's figures, gathered run by run.
struct WorkGather {
    arrived: Gather,
    spawned: Gather,
    done: Gather,
}

impl WorkGather {
    fn add(&mut self, run: &WorkRun) {
        self.arrived.add(Some(f64::from(run.arrived)));
        self.spawned.add(Some(f64::from(run.spawned)));
        self.done.add(Some(f64::from(run.done)));
    }
}

/// Everything a simulation keeps of its runs so far.
pub struct Gathered<'a> {
    plan: &'a Plan,
    /// Runs whose values the bands and the chart keep: the first `kept` ([`band_runs`]).
    kept: usize,
    /// Runs folded in so far.
    added: usize,
    offices: Vec<OfficeGather>,
    pairs: Vec<Gather>,
    /// Per deadline pair, its 90th-percentile lead time run by run.
    pair_leads: Vec<Gather>,
    works: Vec<WorkGather>,
    /// Backlog values `[office][point][run]`, ready for sorting day by day.
    series: Vec<u32>,
    /// Per office, how its backlog moved in the warm-up and over the counted period.
    drift: Vec<OfficeDrift>,
    /// Per office, the `[[work]] backlog` items added when counting starts.
    backlog_added: Vec<u32>,
}

/// Per office, the items a year its backlog grows by where the offered load is at or above
/// what its people can serve, team rules included (SPEC §13); `None` where they can serve it,
/// the offices whose backlog is expected to settle.
pub fn overloads(scenario: &Scenario) -> Vec<Option<f64>> {
    let volumes = analysis::volumes(scenario, &scenario.coverage());
    (0..scenario.offices.len())
        .map(|o| {
            let capacity = analysis::team_capacity(scenario, &volumes, o);
            analysis::overload_growth(
                volumes.required_hours(scenario, o),
                capacity,
                volumes.items(o),
            )
        })
        .collect()
}

impl<'a> Gathered<'a> {
    /// Gathers runs of `plan`, keeping the values of the first `band_runs` for the bands and
    /// the chart.
    pub fn new(plan: &'a Plan, band_runs: u32) -> Gathered<'a> {
        let keep = band_runs as usize;
        Gathered {
            plan,
            kept: keep,
            added: 0,
            offices: (0..plan.offices.len())
                .map(|_| OfficeGather::new(keep))
                .collect(),
            pairs: (0..plan.pairs.len()).map(|_| Gather::new(keep)).collect(),
            pair_leads: (0..plan.pairs.len()).map(|_| Gather::new(keep)).collect(),
            works: (0..plan.works.len())
                .map(|_| WorkGather {
                    arrived: Gather::new(keep),
                    spawned: Gather::new(keep),
                    done: Gather::new(keep),
                })
                .collect(),
            series: vec![0; plan.offices.len() * plan.points * keep],
            drift: vec![OfficeDrift::default(); plan.offices.len()],
            backlog_added: (0..plan.offices.len())
                .map(|o| plan.backlog_at(o))
                .collect(),
        }
    }

    /// Folds in the next runs, in run order.
    pub fn add(&mut self, outcomes: &[RunOutcome]) {
        // The chart's values are written run-major into day-major rows: a block of runs at a
        // time, so that the rows being written stay in cache.
        const BLOCK: usize = 16;
        let offices = self.plan.offices.len();
        let points = self.plan.points;
        let charted = outcomes.len().min(self.kept.saturating_sub(self.added));
        for (b, block) in outcomes[..charted].chunks(BLOCK).enumerate() {
            let first = self.added + b * BLOCK;
            for o in 0..offices {
                for k in 0..points {
                    let row = (o * points + k) * self.kept + first;
                    for (i, run) in block.iter().enumerate() {
                        if let (Some(cell), Some(&value)) = (
                            self.series.get_mut(row + i),
                            run.series.get(k * offices + o),
                        ) {
                            *cell = value;
                        }
                    }
                }
            }
        }
        for run in outcomes {
            for (gather, office) in self.offices.iter_mut().zip(&run.offices) {
                gather.add(office);
            }
            for ((drift, office), &added) in self
                .drift
                .iter_mut()
                .zip(&run.offices)
                .zip(&self.backlog_added)
            {
                drift.add(office, added);
            }
            for (gather, &pair) in self.pairs.iter_mut().zip(&run.pairs) {
                gather.add(pair);
            }
            for (gather, &lead) in self.pair_leads.iter_mut().zip(&run.pair_leads_p90) {
                gather.add(lead);
            }
            for (gather, work) in self.works.iter_mut().zip(&run.works) {
                gather.add(work);
            }
        }
        self.added += outcomes.len();
    }

    /// Runs folded in so far.
    pub fn runs(&self) -> usize {
        self.added
    }

    /// Whether the runs folded in so far show the mean backlog of an office whose people can
    /// serve its load (`overloads` has no growth for it) still moving at the end of the
    /// warm-up: the question of `--warmup-days auto`, asked after every chunk of runs so that
    /// a warm-up already seen to be too short is not simulated to the end.
    pub fn settling(&self, overloads: &[Option<f64>]) -> bool {
        self.plan.warmup_days > 0
            && self
                .drift
                .iter()
                .zip(overloads)
                .any(|(drift, overload)| overload.is_none() && drift.settling())
    }

    /// The simulation's figures from every run folded in, and whether the mean backlog of an
    /// office whose people can serve its load still moved at the end of the warm-up.
    /// `overloads` is [`overloads`] of the scenario.
    pub fn summarise(
        self,
        scenario: &Scenario,
        options: &SimOptions,
        overloads: &[Option<f64>],
    ) -> (Simulation, bool) {
        let plan = self.plan;
        let volumes = analysis::volumes(scenario, &scenario.coverage());
        let settling = self.settling(overloads);
        let steady: Vec<(bool, f64)> = self
            .drift
            .iter()
            .zip(overloads)
            .enumerate()
            .map(|(o, (drift, &overload))| {
                let items = volumes.items(o);
                let trend = drift.growth_per_year(plan.days, scenario.calendar.working_days, items);
                match trend.or(overload) {
                    Some(growth) => (false, growth),
                    None => (true, 0.0),
                }
            })
            .collect();
        let runs = self.kept.min(self.added);
        let cell_len = plan.points * self.kept;
        let mut pairs: Vec<Option<Gather>> = self.pairs.into_iter().map(Some).collect();
        let mut pair_leads: Vec<Option<Gather>> = self.pair_leads.into_iter().map(Some).collect();
        let offices = scenario
            .offices
            .iter()
            .zip(self.offices)
            .enumerate()
            .map(|(o, (office, g))| {
                let headcount = office.headcount();
                let caseworkers = plan.offices.get(o).map_or(0, |p| p.caseworkers);
                let messages = never_fielded(scenario, &volumes, o, headcount, caseworkers);
                let cells = self.series.get(o * cell_len..(o + 1) * cell_len);
                let backlog = backlog_series(plan, cells.unwrap_or(&[]), runs);
                let deadline_works = plan.deadline_works.get(o).map_or(&[][..], Vec::as_slice);
                OfficeSim {
                    id: office.id.clone(),
                    name: office.name.clone(),
                    headcount,
                    stable: steady.get(o).is_none_or(|s| s.0),
                    backlog_growth_per_year: steady.get(o).map_or(0.0, |s| s.1),
                    done: g.done.band(),
                    backlog_end: g.backlog_end.band(),
                    wait_days: g.wait_days.band(),
                    lead_days: g.lead_days.band(),
                    lead_days_p90: g.lead_days_p90.band(),
                    late_share: g.late_share.band(),
                    utilisation: g.utilisation.band(),
                    overtime_hours_per_person: g.overtime_hours_per_person.band(),
                    overtime_hours_max_person: g.overtime_hours_max_person.band(),
                    on_time_share: (!deadline_works.is_empty()).then(|| g.on_time_share.band()),
                    team_idle_hours: g.team_idle_hours.band(),
                    on_time_by_work: deadline_works
                        .iter()
                        .filter_map(|&(w, pair)| {
                            let work = scenario.works.get(w)?;
                            let gather = pairs.get_mut(pair as usize)?.take()?;
                            let leads = pair_leads.get_mut(pair as usize)?.take()?;
                            Some(WorkOnTime {
                                work: work.id.clone(),
                                name: work.name.clone(),
                                deadline_days: work.deadline_days.unwrap_or(0),
                                on_time_target: scenario.on_time_target(w),
                                on_time_share: gather.band(),
                                lead_days_p90: leads.band(),
                            })
                        })
                        .collect(),
                    never_fielded: !messages.is_empty(),
                    messages,
                    backlog,
                }
            })
            .collect();
        let works = scenario
            .works
            .iter()
            .zip(self.works)
            .map(|(work, g)| WorkSim {
                id: work.id.clone(),
                name: work.name.clone(),
                arrived: g.arrived.band(),
                spawned: g.spawned.band(),
                done: g.done.band(),
            })
            .collect();
        let simulation = Simulation {
            scenario: scenario.name.clone(),
            runs: options.runs,
            seed: options.seed,
            days: plan.days,
            warmup_days: plan.warmup_days,
            series_step_days: plan.sample_step,
            band_runs: u32::try_from(self.kept).unwrap_or(u32::MAX),
            overtime_cap_hours: plan.overtime_cap,
            offices,
            works,
        };
        (simulation, settling)
    }
}

/// One sentence per work type this office can never field a team for.
fn never_fielded(
    scenario: &Scenario,
    volumes: &analysis::Volumes,
    o: usize,
    headcount: u32,
    caseworkers: u32,
) -> Vec<String> {
    let people = |n: u32| {
        if n == 1 {
            "1 person".to_string()
        } else {
            format!("{n} people")
        }
    };
    let people = if caseworkers == headcount {
        people(headcount)
    } else if caseworkers == 0 {
        format!("{}, none with casework time,", people(headcount))
    } else {
        format!("{}, {caseworkers} with casework time,", people(headcount))
    };
    let Some(office) = scenario.offices.get(o) else {
        return Vec::new();
    };
    scenario
        .works
        .iter()
        .enumerate()
        .filter(|&(w, work)| {
            volumes.at_office[w].get(o).is_some_and(|&v| v > 0.0) && work.team.max(1) > caseworkers
        })
        .map(|(_, work)| {
            format!(
                "office {} has {people} but work {} needs a team of {}: it is never \
                 started; its backlog grows by the arrivals",
                office.name, work.name, work.team
            )
        })
        .collect()
}

/// Median and 5–95% band of the backlog on each sampled day, from `[point][run]` values.
fn backlog_series(plan: &Plan, values: &[u32], runs: usize) -> BacklogSeries {
    let mut backlog = BacklogSeries {
        day: Vec::with_capacity(plan.points),
        p5: Vec::with_capacity(plan.points),
        median: Vec::with_capacity(plan.points),
        p95: Vec::with_capacity(plan.points),
    };
    let mut column = Vec::with_capacity(runs);
    for (k, day) in values.chunks(runs.max(1)).enumerate() {
        column.clear();
        column.extend_from_slice(day);
        let (p5, median, p95) = stats::count_quantiles(&mut column);
        backlog.day.push(plan.point_day(k));
        backlog.p5.push(p5);
        backlog.median.push(median);
        backlog.p95.push(p95);
    }
    backlog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_runs_fit_the_value_limit() {
        let text = "[scenario]\nname = \"s\"\n[calendar]\nworking_days = 250\n\
                    [staff.regular]\nlabel = \"r\"\ncost = 1\n"
            .to_string()
            + &(0..2000)
                .map(|i| {
                    format!(
                        "[[office]]\nid = \"o{i}\"\nname = \"o{i}\"\nstaff = {{ regular = 1 }}\n"
                    )
                })
                .collect::<String>();
        let scenario = crate::scenario::parse(&text, "s.toml")
            .map(|p| p.scenario)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let plan = Plan::new(&scenario, 250, 0, 1);
        // 2,000 offices × 11 figures, no work: 22,000 values a run, 32,000,000 ÷ 22,000.
        assert_eq!(values_per_run(&plan), 22_000);
        assert_eq!(bands_fit(&plan), 1454);
        // Read daily, the chart holds 20,000,000 ÷ (2,000 × 250) runs; read once a year,
        // 10,000, and the bands' limit binds.
        assert_eq!(band_runs(&plan, 100_000), 40);
        let plan = plan.sampled_every(250);
        assert_eq!(band_runs(&plan, 100_000), 1454);
        assert_eq!(band_runs(&plan, 1000), 1000);
    }

    #[test]
    fn a_long_run_reads_its_chart_every_few_days() {
        let text = "[scenario]\nname = \"s\"\n[calendar]\nworking_days = 250\n\
                    [staff.regular]\nlabel = \"r\"\ncost = 1\n\
                    [[office]]\nid = \"o\"\nname = \"o\"\nstaff = { regular = 1 }\n";
        let scenario = crate::scenario::parse(text, "s.toml")
            .map(|p| p.scenario)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let plan_of = |days| {
            let options = SimOptions {
                runs: 16,
                days: Some(days),
                ..Default::default()
            };
            crate::simulate::plan(&scenario, &options).unwrap_or_else(|e| panic!("{e:?}"))
        };
        // 2,000 days: read daily. 25,000 days: every ⌈25,000 ÷ 2,000⌉ = 13 days, so
        // ⌈25,000 ÷ 13⌉ = 1,924 points, the last on day 25,000.
        let daily = plan_of(2_000);
        assert_eq!((daily.sample_step, daily.points), (1, 2_000));
        let long = plan_of(25_000);
        assert_eq!((long.sample_step, long.points), (13, 1_924));
        assert_eq!(long.point_day(1_923), 25_000);
    }
}
