//! What a run simulates, worked out once from the scenario and the options: the people of
//! each office and their casework rates, the external arrival streams, each work type's team,
//! effort distribution, deadline and follow-ups, the initial backlog, the warm-up and the
//! overtime caps. The engine reads it and never changes it.

use super::random::Effort;
use super::stations::Stations;
use super::OVERTIME_SHARE_OF_DAY;
use crate::model::Scenario;

/// Everything a run needs, worked out once from the scenario and options.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Counted working days (after the warm-up).
    pub days: u32,
    /// Working days simulated first and not counted.
    pub warmup_days: u32,
    pub(super) warmup: f64,
    /// End of the run: warm-up and counted days.
    pub(super) horizon: f64,
    /// Items open at the start: (work, office, items), in work then office order.
    pub(super) backlog: Vec<(usize, usize, u32)>,
    /// Per office, its work types with a deadline and their index in the run's per-pair
    /// on-time tallies.
    pub(crate) deadline_works: Vec<Vec<(usize, u32)>>,
    /// The (office, work) pairs with a deadline, in office then work order.
    pub(crate) pairs: Vec<(usize, usize)>,
    pub(crate) offices: Vec<OfficePlan>,
    pub(super) works: Vec<WorkPlan>,
    /// Casework hours a working day of each person (all offices, office by office).
    pub(super) person_rate: Vec<f64>,
    /// All external arrivals together, items a working day, and the mean gap between two.
    pub(super) arrival_rate: f64,
    pub(super) mean_gap: f64,
    pub(super) streams: Vec<StreamPlan>,
    /// `[work][from office]`: where a follow-up item of that work goes.
    pub(super) follow_up: Vec<Vec<usize>>,
    /// Most overtime hours a person may work in the counted period, and in the warm-up.
    pub(crate) overtime_cap: f64,
    pub(super) warmup_overtime_cap: f64,
    /// Overtime hours a working day of a busy person while the office has a backlog.
    pub(super) overtime_rate: f64,
    /// The backlog is sampled at the end of every `sample_step` days.
    pub(crate) sample_step: u32,
    pub(crate) points: usize,
    /// SPEC §16: where some office's work types are restricted to different sets of staff
    /// types, the plan the engine runs instead, with such an office split into stations.
    pub(crate) stations: Option<Box<Stations>>,
}

#[derive(Debug, Clone)]
pub(crate) struct OfficePlan {
    /// Person indices: non-leaders `first..leaders_from`, leaders `leaders_from..end`.
    pub(super) first: u32,
    pub(super) leaders_from: u32,
    pub(super) end: u32,
    pub(crate) headcount: u32,
    /// People with casework time (a leader with `leader_case_share = 0` has none and never
    /// joins a team).
    pub(crate) caseworkers: u32,
    /// Σ person rates: casework hours a working day.
    pub(super) capacity_per_day: f64,
    /// Some work that can start here needs more than one person. Without it nobody is ever
    /// free while items wait, so the team-rule idle hours are 0 and need no bookkeeping.
    pub(super) teams: bool,
}

#[derive(Debug, Clone)]
pub(super) struct WorkPlan {
    pub(super) team: usize,
    pub(super) effort: Effort,
    pub(super) deadline: Option<f64>,
    pub(super) next: Vec<(usize, f64)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct StreamPlan {
    /// Running total of arrival rates up to and including this stream.
    pub(super) cumulative: f64,
    pub(super) work: usize,
    pub(super) office: usize,
}

/// Every office's people in one numbering (each office's non-leaders, then its leaders) and
/// each person's casework rate in hours a working day: the analysis's hours a year of each
/// person (their type's own calendar, SPEC §16) over the simulated year's working days, so
/// that the simulation offers the analysis's capacity.
fn people(scenario: &Scenario) -> (Vec<OfficePlan>, Vec<f64>) {
    if crate::analysis::counts_by_cadre(scenario) {
        return people_by_cadre(scenario);
    }
    let rate = scenario.calendar.casework_hours_per_day();
    let mut person_rate = Vec::new();
    let offices = scenario
        .offices
        .iter()
        .map(|office| {
            let headcount = office.headcount();
            let leaders = office.leaders.min(headcount);
            let first = person_rate.len() as u32;
            person_rate.extend((0..headcount - leaders).map(|_| rate));
            let leaders_from = person_rate.len() as u32;
            person_rate.extend((0..leaders).map(|_| rate * office.leader_case_share));
            office_plan(&person_rate, first, leaders_from, headcount)
        })
        .collect();
    (offices, person_rate)
}

/// The office whose people are `person_rate[first..]` (the regular staff, then from
/// `leaders_from` its leaders), with its caseworkers and capacity read off their rates.
pub(super) fn office_plan(
    person_rate: &[f64],
    first: u32,
    leaders_from: u32,
    headcount: u32,
) -> OfficePlan {
    let end = person_rate.len() as u32;
    let rates = &person_rate[first as usize..];
    OfficePlan {
        first,
        leaders_from,
        end,
        headcount,
        caseworkers: rates.iter().filter(|&&r| r > 0.0).count() as u32,
        capacity_per_day: rates.iter().sum(),
        teams: false,
    }
}

/// SPEC §16: [`people`] where staff types have their own calendars or work is restricted to
/// some of them, each person at [`crate::analysis::casework_hours_by_person`]'s hours. This
/// is the office as the figures count it; where its work is restricted to different sets of
/// types, the engine runs it as [`Stations`].
fn people_by_cadre(scenario: &Scenario) -> (Vec<OfficePlan>, Vec<f64>) {
    let volumes = crate::analysis::volumes(scenario, &scenario.coverage());
    let working_days = f64::from(scenario.calendar.working_days.max(1));
    let mut person_rate = Vec::new();
    let offices = scenario
        .offices
        .iter()
        .enumerate()
        .map(|(o, office)| {
            let hours = crate::analysis::casework_hours_by_person(scenario, &volumes, o);
            let headcount = hours.len() as u32;
            let leaders = office.leaders.min(headcount);
            let first = person_rate.len() as u32;
            person_rate.extend(hours.iter().map(|h| h / working_days));
            office_plan(&person_rate, first, first + headcount - leaders, headcount)
        })
        .collect();
    (offices, person_rate)
}

impl OfficePlan {
    /// The office's people, leaders last.
    pub(super) fn people(&self) -> std::ops::Range<u32> {
        self.first..self.end
    }
}

impl Plan {
    pub fn new(scenario: &Scenario, days: u32, warmup_days: u32, sample_step: u32) -> Plan {
        let calendar = &scenario.calendar;
        let working_days = f64::from(calendar.working_days.max(1));
        let (offices, person_rate) = people(scenario);
        let works = scenario
            .works
            .iter()
            .map(|work| WorkPlan {
                team: work.team.max(1) as usize,
                effort: Effort::new(work.hours, work.cv),
                deadline: work.deadline_days.map(f64::from),
                next: work.next.clone(),
            })
            .collect();
        let mut cumulative = 0.0;
        let streams = scenario
            .streams()
            .into_iter()
            .map(|stream| {
                cumulative += stream.per_year / working_days;
                StreamPlan {
                    cumulative,
                    work: stream.work,
                    office: stream.office,
                }
            })
            .collect();
        let follow_up = (0..scenario.works.len())
            .map(|w| {
                (0..scenario.offices.len())
                    .map(|o| scenario.follow_up_office(w, o))
                    .collect()
            })
            .collect();
        let overtime_rate = OVERTIME_SHARE_OF_DAY * calendar.hours_per_day;
        let cap_for = |days: u32| {
            if overtime_rate > 0.0 {
                calendar.overtime_hours.max(0.0) * f64::from(days) / working_days
            } else {
                0.0
            }
        };
        let sample_step = sample_step.max(1);
        let initial = crate::analysis::initial_backlog(scenario);
        let mut backlog = Vec::new();
        for (w, row) in initial.iter().enumerate() {
            for (o, &items) in row.iter().enumerate() {
                if items > 0 {
                    backlog.push((w, o, items));
                }
            }
        }
        // Every (office, work) pair where deadline work can be open: it arrives there (as
        // a stream or down the chain) or is open at the start.
        let volumes = crate::analysis::volumes(scenario, &scenario.coverage());
        let mut deadline_works = vec![Vec::new(); scenario.offices.len()];
        let mut pairs = Vec::new();
        let mut offices: Vec<OfficePlan> = offices;
        for (o, list) in deadline_works.iter_mut().enumerate() {
            for (w, work) in scenario.works.iter().enumerate() {
                let comes = volumes.at_office[w][o] > 0.0 || initial[w][o] > 0;
                if work.deadline_days.is_some() && comes {
                    list.push((w, pairs.len() as u32));
                    pairs.push((o, w));
                }
                if work.team > 1 && comes {
                    if let Some(office) = offices.get_mut(o) {
                        office.teams = true;
                    }
                }
            }
        }
        let plan = Plan {
            days,
            warmup_days,
            warmup: f64::from(warmup_days),
            horizon: f64::from(days) + f64::from(warmup_days),
            backlog,
            deadline_works,
            pairs,
            offices,
            works,
            person_rate,
            arrival_rate: cumulative,
            mean_gap: if cumulative > 0.0 {
                1.0 / cumulative
            } else {
                0.0
            },
            streams,
            follow_up,
            overtime_cap: cap_for(days),
            warmup_overtime_cap: cap_for(warmup_days),
            overtime_rate,
            sample_step,
            points: days.div_ceil(sample_step) as usize,
            stations: None,
        };
        let stations = Stations::split(scenario, &plan, &volumes, &initial);
        Plan { stations, ..plan }
    }

    /// The plan the engine runs: the stations where an office is split into them, else this.
    pub(crate) fn engine_plan(&self) -> &Plan {
        self.stations.as_deref().map_or(self, |s| &s.plan)
    }

    /// A run of [`Plan::engine_plan`] as this plan's offices see it.
    pub(crate) fn per_office(&self, run: super::RunOutcome) -> super::RunOutcome {
        match self.stations.as_deref() {
            Some(stations) => stations.merge(&self.offices, run),
            None => run,
        }
    }

    /// `[[work]] backlog` items of an office, all work types together.
    pub(super) fn backlog_at(&self, office: usize) -> u32 {
        self.backlog
            .iter()
            .filter(|&&(_, o, _)| o == office)
            .map(|&(_, _, items)| items)
            .sum()
    }

    /// The same plan with the backlog read every `step` days.
    pub(super) fn sampled_every(mut self, step: u32) -> Plan {
        self.sample_step = step.clamp(1, self.days.max(1));
        self.points = self.days.div_ceil(self.sample_step) as usize;
        if let Some(stations) = self.stations.take() {
            let Stations { plan, office_of } = *stations;
            self.stations = Some(Box::new(Stations {
                plan: plan.sampled_every(step),
                office_of,
            }));
        }
        self
    }

    pub(super) fn overtime(&self) -> bool {
        self.overtime_cap > 0.0
    }

    /// End of the `k`-th sampled day (0-based), in days.
    pub(crate) fn point_day(&self, k: usize) -> u32 {
        (((k as u64 + 1) * u64::from(self.sample_step)).min(u64::from(self.days))) as u32
    }

    /// The index of the (office, work) pair among the deadline pairs, if that work has one.
    #[inline]
    pub(super) fn pair(&self, office: usize, work: usize) -> Option<usize> {
        self.deadline_works
            .get(office)?
            .iter()
            .find(|&&(w, _)| w == work)
            .map(|&(_, pair)| pair as usize)
    }

    /// Can this office ever field a team for this work?
    pub(super) fn fieldable(&self, work: usize, office: usize) -> bool {
        match (self.works.get(work), self.offices.get(office)) {
            (Some(w), Some(o)) => w.team <= o.caseworkers as usize,
            _ => false,
        }
    }
}
