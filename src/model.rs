//! The validated scenario: every id resolved to an index, every number checked.
//!
//! Everything downstream of `scenario` works on these types and never sees TOML, spans or ids
//! that might not exist. Indices (`usize`) point into the vectors of [`Scenario`]: an office
//! index into `offices`, a unit index into `units`, a work index into `works`, a staff type
//! index into `staff_types`. Per-staff-type figures are vectors indexed by staff type.
//!
//! The model also owns the facts that several stages need in the same form: the year value,
//! the casework capacity of a headcount, the external arrival streams and the work chain
//! order. Analysis, optimisation and simulation all call these rather than recomputing them.

use serde::Serialize;

/// Labels in charts and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Zh,
}

/// The working year, from which the year value follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calendar {
    pub working_days: u32,
    pub hours_per_day: f64,
    pub leave_days: u32,
    pub training_days: u32,
    pub non_case_share: f64,
    /// Most overtime hours a person may work in a year (simulation only).
    pub overtime_hours: f64,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            working_days: 250,
            hours_per_day: 8.0,
            leave_days: 10,
            training_days: 5,
            non_case_share: 0.15,
            overtime_hours: 0.0,
        }
    }
}

impl Calendar {
    /// Days a person is at work: working days less leave and training (validated non-negative).
    pub fn available_days(&self) -> u32 {
        self.working_days
            .saturating_sub(self.leave_days)
            .saturating_sub(self.training_days)
    }

    /// The year value `H`: casework hours one person has in a year.
    pub fn year_value(&self) -> f64 {
        f64::from(self.available_days()) * self.hours_per_day * (1.0 - self.non_case_share)
    }

    /// WISN's available working time: the hours a person is at work in a year, before any
    /// category allowance (`non_case_share`) is taken out.
    pub fn available_hours(&self) -> f64 {
        f64::from(self.available_days()) * self.hours_per_day
    }

    /// Casework hours a full-time person gives on one working day (`H ÷ working_days`), so
    /// that a simulated year offers exactly the capacity of the analysis.
    pub fn casework_hours_per_day(&self) -> f64 {
        if self.working_days == 0 {
            0.0
        } else {
            self.year_value() / f64::from(self.working_days)
        }
    }
}

/// A staff type's own working year where it differs from `[calendar]` (SPEC §16: WISN's
/// available working time per cadre). Only the keys it names differ, so a draw of a
/// `[calendar]` range still reaches every type that does not override that key.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CalendarOverride {
    pub working_days: Option<u32>,
    pub hours_per_day: Option<f64>,
    pub leave_days: Option<u32>,
    pub training_days: Option<u32>,
    pub non_case_share: Option<f64>,
}

impl CalendarOverride {
    /// Does the type keep `[calendar]` as it is?
    pub fn is_empty(&self) -> bool {
        *self == CalendarOverride::default()
    }

    /// `base` with this type's keys in place of its own.
    pub fn apply(&self, base: &Calendar) -> Calendar {
        Calendar {
            working_days: self.working_days.unwrap_or(base.working_days),
            hours_per_day: self.hours_per_day.unwrap_or(base.hours_per_day),
            leave_days: self.leave_days.unwrap_or(base.leave_days),
            training_days: self.training_days.unwrap_or(base.training_days),
            non_case_share: self.non_case_share.unwrap_or(base.non_case_share),
            overtime_hours: base.overtime_hours,
        }
    }
}

/// How the reports speak of the need: staffplan's weighted caseload, or the WHO's Workload
/// Indicators of Staffing Need (SPEC §16). The figures are the same; the words and the
/// tables differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    #[default]
    Caseload,
    Wisn,
}

impl Method {
    pub const NAMES: [&'static str; 2] = ["caseload", "wisn"];
}

/// WISN's individual allowance (SPEC §16): hours a year that `persons` people of one staff
/// type at an office spend on activities outside the workload (a manager's administration).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Allowance {
    /// Staff type index.
    pub staff: usize,
    /// Hours a year, per person.
    pub hours: f64,
    pub persons: u32,
    pub name: String,
}

/// A kind of post (establishment, contract, …) with its yearly cost per person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffType {
    pub id: String,
    pub label: String,
    pub cost: f64,
    /// Share of the people of this type leaving a year (multi-year plan, SPEC §10).
    pub attrition: f64,
    /// Whole years from a hire's request to its arrival (multi-year plan).
    pub hiring_lag_years: u32,
    /// Most hires of this type requested in one year, all offices together; `None`: no cap.
    pub hires_per_year: Option<u32>,
    /// The type's own working year (SPEC §16); empty: `[calendar]`.
    #[serde(skip_serializing_if = "CalendarOverride::is_empty")]
    pub calendar: CalendarOverride,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    /// Most people of each staff type in total (indexed by staff type); `None`: no quota.
    pub quota: Vec<Option<u32>>,
    /// Most total yearly cost.
    pub budget: Option<f64>,
    /// Planning target utilisation for every office, in (0, 1].
    pub target_utilisation: f64,
    /// Share (0..1) of the items with a deadline that must finish within it, for every work
    /// type with a deadline that sets no target of its own; `None`: no service target.
    pub on_time: Option<f64>,
    /// No office's headcount of any staff type may go below today's.
    pub keep_staff: bool,
    /// Quota of each staff type in each year of the multi-year plan (indexed by staff type,
    /// then year − 1; at least `[plan] years` values); `None`: `quota` every year.
    pub quota_by_year: Vec<Option<Vec<u32>>>,
    /// Approved posts not needed where they are move to offices of the same staff type that
    /// need them before any new post is asked for (SPEC §14; default true).
    pub reallocate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    Section,
    DispatchedGroup,
    PatrolGroup,
    Centre,
}

impl OfficeKind {
    /// Every kind, in the order the scenario format lists them: the one list the parser, the
    /// schema and the summaries read.
    pub const ALL: [OfficeKind; 4] = [
        OfficeKind::Section,
        OfficeKind::DispatchedGroup,
        OfficeKind::PatrolGroup,
        OfficeKind::Centre,
    ];

    /// The kinds as a scenario file writes them.
    pub const NAMES: [&'static str; 4] = {
        let mut names = [""; 4];
        let mut i = 0;
        while i < names.len() {
            names[i] = OfficeKind::ALL[i].as_str();
            i += 1;
        }
        names
    };

    /// The kind a scenario file names, if it is one.
    pub fn parse(name: &str) -> Option<OfficeKind> {
        OfficeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            OfficeKind::Section => "section",
            OfficeKind::DispatchedGroup => "dispatched_group",
            OfficeKind::PatrolGroup => "patrol_group",
            OfficeKind::Centre => "centre",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub kind: OfficeKind,
    /// Headcount today by staff type (indexed by staff type).
    pub staff: Vec<u32>,
    /// Of the headcount, leadership posts.
    pub leaders: u32,
    /// Share of a leader's time on casework.
    pub leader_case_share: f64,
    pub min_staff: Option<u32>,
    pub max_staff: Option<u32>,
    /// Staff types this office may employ (indexed by staff type).
    pub allowed_staff: Vec<bool>,
    /// The optimiser keeps this office as it is.
    pub fixed: bool,
    /// Units covered today (dispatched groups), as unit indices.
    pub covers: Vec<usize>,
    /// Most units one group may cover.
    pub max_units: Option<u32>,
    /// The optimiser may open this group or leave it out.
    pub optional: bool,
    /// Posts approved for the office (编制), by staff type (indexed by staff type); today's
    /// staff where the scenario does not say (SPEC §14).
    pub sanctioned: Vec<u32>,
    /// Leadership posts approved for the office (领导职数), where the scenario gives them.
    pub leader_posts: Option<u32>,
    /// WISN's individual allowances (SPEC §16).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<Allowance>,
}

impl Office {
    /// Headcount of all staff types together.
    pub fn headcount(&self) -> u32 {
        self.staff.iter().sum()
    }

    /// Person-equivalents available for casework with `headcount` people, of whom `leaders`
    /// give only `leader_case_share` of their time. Never negative.
    pub fn casework_persons(&self, headcount: impl Into<u64>) -> f64 {
        let headcount = headcount.into();
        let leaders = u64::from(self.leaders).min(headcount);
        headcount as f64 - leaders as f64 * (1.0 - self.leader_case_share)
    }

    /// Casework capacity `C` in hours a year with `headcount` people.
    pub fn capacity_hours(&self, headcount: u32, calendar: &Calendar) -> f64 {
        calendar.year_value() * self.casework_persons(headcount)
    }

    /// Can this office cover supervised units?
    pub fn is_group(&self) -> bool {
        self.kind == OfficeKind::DispatchedGroup
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub members: Option<u32>,
    /// Items a year this unit generates, by work index.
    pub workload: Vec<(usize, f64)>,
    /// Groups allowed to cover it (office indices); `None`: every dispatched group.
    pub eligible: Option<Vec<usize>>,
}

impl Unit {
    /// Does the unit generate covering-group work (items a year above zero)?
    pub fn has_group_work(&self, works: &[Work]) -> bool {
        self.workload.iter().any(|&(w, rate)| {
            rate > 0.0
                && works
                    .get(w)
                    .is_some_and(|w| w.place == WorkPlace::CoveringGroup)
        })
    }

    /// Must a dispatched group cover this unit? Yes where it names eligible groups, or,
    /// without an `eligible` list, where it generates covering-group work. `eligible = []`
    /// says the sections supervise it directly.
    pub fn needs_group(&self, works: &[Work]) -> bool {
        match &self.eligible {
            Some(groups) => !groups.is_empty(),
            None => self.has_group_work(works),
        }
    }

    /// May `office` cover this unit?
    pub fn is_eligible(&self, office: usize) -> bool {
        self.eligible
            .as_ref()
            .is_none_or(|groups| groups.contains(&office))
    }
}

/// Where the items of a work type are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkPlace {
    /// At this office (index).
    Office(usize),
    /// At the dispatched group that covers the generating unit.
    CoveringGroup,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Work {
    pub id: String,
    pub name: String,
    pub place: WorkPlace,
    /// Items a year arriving directly at the office (office-level work only).
    pub volume: f64,
    /// Person-hours per item, all team members together.
    pub hours: f64,
    /// People working on one item at the same time.
    pub team: u32,
    /// Coefficient of variation of the effort.
    pub cv: f64,
    /// Working days from arrival to completion.
    pub deadline_days: Option<u32>,
    /// Follow-up work: each finished item starts `share` items of that work type (expected).
    pub next: Vec<(usize, f64)>,
    /// Share (0..1) of its items that must finish within `deadline_days` (validation allows
    /// it only with a deadline); overrides `[policy] on_time`.
    pub on_time: Option<f64>,
    /// Items open at the start of the simulated period, at its office (covering-group work:
    /// spread over the covering groups, see `analysis::initial_backlog`).
    pub backlog: u32,
    /// Yearly growth rate of its items (> −1): year t has `(1 + growth)^(t−1)` times the
    /// direct volume and the units' workload (multi-year plan, SPEC §10).
    pub growth: f64,
    /// The staff types that may do it (indexed by staff type, SPEC §16); `None`: every
    /// type its office allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<Vec<bool>>,
}

/// A validated scenario. Constructed only by `scenario::load`/`scenario::parse` or by the
/// optimiser changing headcounts and coverage of a validated one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub name: String,
    pub language: Language,
    /// Date a planner set for captions (`[scenario] date`); never the clock's.
    pub date: Option<String>,
    /// Currency of every amount (`[scenario] currency`): `None` writes plain numbers in
    /// English and 元 in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Scenario files of peer organisations as written (`[scenario] peers`), relative to the
    /// scenario's own file; `cli` reads them.
    pub peers: Vec<String>,
    pub calendar: Calendar,
    pub staff_types: Vec<StaffType>,
    pub policy: Policy,
    pub offices: Vec<Office>,
    pub units: Vec<Unit>,
    pub works: Vec<Work>,
    /// The figures given as ranges, in file order; the fields above hold their likely values.
    pub uncertain: Vec<Uncertain>,
    /// The `--set PATH=VALUE` overrides the scenario was read with, as written.
    pub overrides: Vec<String>,
    /// `[plan]`: the years of the multi-year plan; `None`: no plan.
    pub plan: Option<Horizon>,
    /// `[scenario] method` (SPEC §16).
    pub method: Method,
}

/// The years of the multi-year plan (`[plan]`, SPEC §10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Horizon {
    /// Years planned, 1..=50.
    pub years: u32,
    /// The label of year 1 (e.g. 2018).
    pub start: u32,
    /// `confidence` (SPEC §13): the share of runs in which each office must have at least its
    /// posts needed every year; `None`: hires for the expected values.
    pub confidence: Option<f64>,
}

impl Horizon {
    /// The label of year `t` (1-based).
    pub fn label(&self, t: u32) -> u32 {
        self.start.saturating_add(t.saturating_sub(1))
    }
}

/// External arrivals of one work type at one office: items a year that do not come from a
/// chain. Chain-spawned items are added by whoever follows `next` (analysis in expectation,
/// simulation item by item).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stream {
    pub work: usize,
    pub office: usize,
    pub per_year: f64,
}

impl Scenario {
    /// The covering group of each unit today (`None`: uncovered).
    pub fn coverage(&self) -> Vec<Option<usize>> {
        let mut by_unit = vec![None; self.units.len()];
        for (o, office) in self.offices.iter().enumerate() {
            for &u in &office.covers {
                by_unit[u] = Some(o);
            }
        }
        by_unit
    }

    /// Work types in an order where every work type comes after all that feed it via `next`
    /// (validation guarantees there is no cycle).
    pub fn chain_order(&self) -> Vec<usize> {
        let n = self.works.len();
        let mut indegree = vec![0usize; n];
        for w in &self.works {
            for &(child, _) in &w.next {
                indegree[child] += 1;
            }
        }
        let mut ready: Vec<usize> = (0..n).rev().filter(|&w| indegree[w] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(w) = ready.pop() {
            order.push(w);
            for &(child, _) in self.works[w].next.iter().rev() {
                indegree[child] -= 1;
                if indegree[child] == 0 {
                    ready.push(child);
                }
            }
        }
        order
    }

    /// Items a year arriving from outside the chain, per work type and office: the direct
    /// `volume` of office-level work, and the `workload` of units, sent to the office of the
    /// work type or, for covering-group work, to the group covering the unit. Covering-group
    /// workload of an uncovered unit has no office and is left out. Streams of the same work
    /// and office are merged, in work then office order.
    pub fn streams(&self) -> Vec<Stream> {
        self.streams_with(&self.coverage())
    }

    /// [`Scenario::streams`] for a given coverage (unit index → group index).
    pub fn streams_with(&self, coverage: &[Option<usize>]) -> Vec<Stream> {
        let mut per = vec![vec![0.0f64; self.offices.len()]; self.works.len()];
        for (w, work) in self.works.iter().enumerate() {
            if let WorkPlace::Office(o) = work.place {
                per[w][o] += work.volume;
            }
        }
        for (u, unit) in self.units.iter().enumerate() {
            for &(w, rate) in &unit.workload {
                let office = match self.works[w].place {
                    WorkPlace::Office(o) => Some(o),
                    WorkPlace::CoveringGroup => coverage.get(u).copied().flatten(),
                };
                if let Some(o) = office {
                    per[w][o] += rate;
                }
            }
        }
        let mut streams = Vec::new();
        for (w, row) in per.iter().enumerate() {
            for (o, &per_year) in row.iter().enumerate() {
                if per_year > 0.0 {
                    streams.push(Stream {
                        work: w,
                        office: o,
                        per_year,
                    });
                }
            }
        }
        streams
    }

    /// The office where a follow-up item of work `child` goes when an item finishes at
    /// office `from`: the child's own office, or for covering-group work the same group
    /// (validation forbids office-level work feeding covering-group work).
    pub fn follow_up_office(&self, child: usize, from: usize) -> usize {
        match self.works[child].place {
            WorkPlace::Office(o) => o,
            WorkPlace::CoveringGroup => from,
        }
    }

    /// Must a dispatched group cover this unit? See [`Unit::needs_group`].
    pub fn needs_group(&self, unit: usize) -> bool {
        self.units
            .get(unit)
            .is_some_and(|u| u.needs_group(&self.works))
    }

    /// Yearly cost of the cheapest staff type the office may have (∞ where it may have none).
    pub fn cheapest_allowed_cost(&self, office: &Office) -> f64 {
        self.staff_types
            .iter()
            .enumerate()
            .filter(|(t, _)| office.allowed_staff.get(*t).copied().unwrap_or(false))
            .map(|(_, st)| st.cost)
            .fold(f64::INFINITY, f64::min)
    }

    /// Yearly cost of a headcount by staff type.
    pub fn cost(&self, staff: &[u32]) -> f64 {
        staff
            .iter()
            .zip(&self.staff_types)
            .map(|(&n, t)| f64::from(n) * t.cost)
            .sum()
    }

    /// The on-time target of a work type: its own `on_time`, else `[policy] on_time`, and
    /// none without a deadline.
    pub fn on_time_target(&self, work: usize) -> Option<f64> {
        let work = self.works.get(work)?;
        work.deadline_days?;
        work.on_time.or(self.policy.on_time)
    }

    /// The working year of staff type `t`: `[calendar]` with the type's own keys.
    pub fn calendar_of(&self, t: usize) -> Calendar {
        match self.staff_types.get(t) {
            Some(ty) => ty.calendar.apply(&self.calendar),
            None => self.calendar.clone(),
        }
    }

    /// Does the scenario use any of WISN's keys (SPEC §16)? Only then does `analyse` give
    /// the `wisn` figures, so that every other scenario's output stays as it was.
    pub fn uses_wisn(&self) -> bool {
        self.method == Method::Wisn
            || self.staff_types.iter().any(|t| !t.calendar.is_empty())
            || self.offices.iter().any(|o| !o.allowances.is_empty())
            || self.works.iter().any(|w| w.staff.is_some())
    }

    /// May staff type `t` do work `w` at `office`? The work's `staff`, within the types
    /// the office allows.
    pub fn may_do(&self, w: usize, office: usize, t: usize) -> bool {
        let allowed = self
            .offices
            .get(office)
            .and_then(|o| o.allowed_staff.get(t).copied())
            .unwrap_or(false);
        let listed = self
            .works
            .get(w)
            .and_then(|work| work.staff.as_ref())
            .is_none_or(|types| types.get(t).copied().unwrap_or(false));
        allowed && listed
    }

    pub fn office_index(&self, id: &str) -> Option<usize> {
        self.offices.iter().position(|o| o.id == id)
    }

    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == id)
    }

    pub fn work_index(&self, id: &str) -> Option<usize> {
        self.works.iter().position(|w| w.id == id)
    }
}

/// A figure the scenario gives as a range `{ low, likely, high }` (SPEC §9). The scenario's
/// own figure is `likely`; a draw replaces it with another value of the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertain {
    /// The input path (`work.review.hours`), as `--set` and the reports name it.
    pub path: String,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    pub input: Input,
}

/// Where an uncertain figure lives in a [`Scenario`]: indices into its vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    HoursPerDay,
    LeaveDays,
    TrainingDays,
    NonCaseShare,
    OvertimeHours,
    LeaderCaseShare {
        office: usize,
    },
    Volume {
        work: usize,
    },
    Hours {
        work: usize,
    },
    Cv {
        work: usize,
    },
    /// The share of entry `entry` of the work's `next`.
    NextShare {
        work: usize,
        entry: usize,
    },
    /// Entry `entry` of the unit's `workload`.
    Workload {
        unit: usize,
        entry: usize,
    },
}

impl Scenario {
    /// Puts `value` in place of an uncertain figure. A draw is the scenario with every range
    /// set this way, so every stage analyses, optimises and simulates a draw as it does the
    /// scenario itself. Day counts are whole: a drawn value is rounded to the nearest day.
    pub fn set_input(&mut self, input: Input, value: f64) {
        let days = value.round().max(0.0) as u32;
        let calendar = &mut self.calendar;
        match input {
            Input::HoursPerDay => calendar.hours_per_day = value,
            Input::LeaveDays => calendar.leave_days = days,
            Input::TrainingDays => calendar.training_days = days,
            Input::NonCaseShare => calendar.non_case_share = value,
            Input::OvertimeHours => calendar.overtime_hours = value,
            Input::LeaderCaseShare { office } => {
                if let Some(o) = self.offices.get_mut(office) {
                    o.leader_case_share = value;
                }
            }
            Input::Volume { work } | Input::Hours { work } | Input::Cv { work } => {
                if let Some(w) = self.works.get_mut(work) {
                    match input {
                        Input::Volume { .. } => w.volume = value,
                        Input::Hours { .. } => w.hours = value,
                        _ => w.cv = value,
                    }
                }
            }
            Input::NextShare { work, entry } => {
                if let Some(next) = self.works.get_mut(work).and_then(|w| w.next.get_mut(entry)) {
                    next.1 = value;
                }
            }
            Input::Workload { unit, entry } => {
                if let Some(rate) = self
                    .units
                    .get_mut(unit)
                    .and_then(|u| u.workload.get_mut(entry))
                {
                    rate.1 = value;
                }
            }
        }
    }

    /// The scenario with every uncertain figure at its likely value again.
    pub fn at_likely(&self) -> Scenario {
        let mut scenario = self.clone();
        for u in &self.uncertain {
            scenario.set_input(u.input, u.likely);
        }
        scenario
    }
}

/// Expected items a year of each work type at each office. Covering-group work of uncovered
/// units is not done by anyone, so it is not here and starts no follow-up work.
#[derive(Debug, Clone, PartialEq)]
pub struct Volumes {
    /// `[work][office]`: items a year.
    pub at_office: Vec<Vec<f64>>,
}

impl Volumes {
    /// Required hours `R` at an office.
    pub fn required_hours(&self, scenario: &Scenario, office: usize) -> f64 {
        self.at_office
            .iter()
            .zip(&scenario.works)
            .map(|(row, work)| row[office] * work.hours)
            .sum()
    }

    /// Items a year at an office, all work types together.
    pub fn items(&self, office: usize) -> f64 {
        self.at_office.iter().map(|row| row[office]).sum()
    }

    /// The largest team among the work types this office has items of.
    pub fn largest_team(&self, scenario: &Scenario, office: usize) -> u32 {
        self.at_office
            .iter()
            .zip(&scenario.works)
            .filter(|(row, _)| row[office] > 0.0)
            .map(|(_, work)| work.team)
            .max()
            .unwrap_or(0)
    }
}

/// Expected volumes with the given coverage (unit index → group index), following the chain
/// to any depth.
pub fn volumes(scenario: &Scenario, coverage: &[Option<usize>]) -> Volumes {
    let offices = scenario.offices.len();
    let mut at_office = vec![vec![0.0; offices]; scenario.works.len()];
    for stream in scenario.streams_with(coverage) {
        at_office[stream.work][stream.office] += stream.per_year;
    }
    for w in scenario.chain_order() {
        for &(child, share) in &scenario.works[w].next {
            for from in 0..offices {
                let spawned = share * at_office[w][from];
                if spawned > 0.0 {
                    let to = scenario.follow_up_office(child, from);
                    at_office[child][to] += spawned;
                }
            }
        }
    }
    Volumes { at_office }
}
