//! One simulated run: an exact event-driven simulation of every office together.
//!
//! Time is continuous, in working days of regular casework time (day `d` is `[d − 1, d)`), and
//! only moments where something happens are visited: the next external arrival (one number)
//! and the end of each item in progress (a binary heap). Nothing ticks per minute or per day; the
//! backlog chart reads the state at the end of each sampled day between two events.
//!
//! The rules (SPEC §5), and how open points are decided here:
//! - External arrivals are one Poisson process of rate `Σ per_year / working_days` a day; each
//!   arrival belongs to a stream with probability proportional to its rate (the same as one
//!   Poisson process per stream, with one pending event instead of many).
//! - An item's effort is drawn when it arrives (Gamma, mean `hours`, the work's cv).
//! - Each office serves its queue first come, first served: the head of the queue starts as
//!   soon as `team` of the office's people are free at the same time, and nothing behind it
//!   may overtake it. One exception, so that one impossible item does not stop an office for
//!   ever: work whose team is larger than the office's people with casework time can never
//!   start, and is set aside on arrival (it counts in the backlog and, past its deadline, as
//!   late). A leader with `leader_case_share = 0` has no casework time and never joins a team.
//! - People are servers with a rate in casework hours a working day: `H ÷ working_days`, a
//!   leader `leader_case_share` of that. A team's rates add up, so an item of effort `E`
//!   lasts `E ÷ Σ rates` days (`E ÷ (team × rate)` without leaders), and the year offers
//!   exactly the capacity of the analysis. A starting item takes free non-leaders first,
//!   leaders only when needed, so leaders' part-time casework is the reserve.
//! - Chains: when an item finishes, each `next` entry starts one item of that work with
//!   probability `share`, arriving at once at `Scenario::follow_up_office`.
//! - Overtime (when the year cap is positive): while an office has items waiting to start,
//!   each of its busy people works [`OVERTIME_SHARE_OF_DAY`] of a working day extra on their
//!   item, until their own overtime for the simulated period reaches the cap (scaled by
//!   `days ÷ working_days`). Idle people (waiting for a full team) do no overtime. A change of
//!   pace moves the item's end, so the old end event is left in the heap with a stale version
//!   number and ignored when it comes up. Overtime hours are casework: utilisation counts
//!   regular hours only, so an office in overtime shows the work it did in overtime as
//!   overtime hours, not as utilisation above 100%.
//! - Initial backlog (SPEC §8): the items open at the start arrive at time 0, in work then
//!   office order, before the first external arrival; they are not counted as arrivals.
//! - Warm-up: the run lasts warm-up + counted days; at the end of the warm-up every figure
//!   restarts (items done, lead times, deadlines, regular and idle hours, overtime and its
//!   cap, the work counts) while the state carries on, and the backlog is sampled only on
//!   counted days. An item in progress at that moment counts its regular hours from there.
//! - Team-rule idle hours: while an office's queue is not empty, its free people's casework
//!   rates are summed over time (first come, first served, so they are free because the head
//!   of the queue needs more of them). Offices whose work all needs one person skip this.

use std::collections::VecDeque;

mod outcome;
mod overtime;

use super::event::{Agenda, Event, What, VERSION_MASK};
use super::plan::Plan;
use super::random::{chain_rng, run_rng, RunRng};

pub use outcome::{OfficeRun, RunOutcome, WorkRun};

#[derive(Debug, Clone, Copy)]
struct Waiting {
    work: usize,
    /// The work's team, kept with the item since the head of a queue is looked at whenever
    /// people are freed.
    team: usize,
    arrival: f64,
    effort: f64,
}

/// An item in progress, or nothing (`team` 0). Each person has a slot, used while they head
/// a team (the first of its people taken): a person heads at most one item at a time, so the
/// slots need no allocating, and an office's items in progress are its people's taken slots.
#[derive(Debug, Clone, Default)]
struct Slot {
    work: usize,
    office: usize,
    arrival: f64,
    start: f64,
    /// Regular hours count from here: the start, or the end of the warm-up.
    counted_from: f64,
    /// Effort left, person-hours, as of `last`.
    remaining: f64,
    last: f64,
    /// Σ rates of the team without overtime, and the pace now (with overtime).
    regular_rate: f64,
    rate: f64,
    overtime: bool,
    version: u32,
    /// Where the slot sits in its office's `active` list (with overtime only).
    active_at: u32,
    /// How many people work on it (0: the slot is free): the slot's own person and the
    /// people after it in `Engine::next_member` ([`crew`]).
    team: u32,
}

#[derive(Debug, Clone, Default)]
struct Tally {
    done: u32,
    wait_sum: f64,
    lead_sum: f64,
    due: u32,
    late: u32,
    regular_hours: f64,
    team_idle_hours: f64,
    /// When `team_idle_hours` was last brought up to date.
    idle_since: f64,
}

/// Items with a deadline of one (office, work) pair: finished, and finished late.
#[derive(Debug, Clone, Copy, Default)]
struct Due {
    due: u32,
    late: u32,
}

/// One office's part of a run's state, kept together so that an event touches one place.
#[derive(Debug, Clone, Default)]
struct Desk {
    queue: VecDeque<Waiting>,
    /// Work that can never be fielded, set aside on arrival.
    parked: Vec<Waiting>,
    free_regular: Vec<u32>,
    free_leader: Vec<u32>,
    /// The slots in progress here, kept only where there is overtime: an office going into or
    /// out of overtime re-paces them, which happens often, while most of its people may be
    /// free. (Elsewhere they are found among the office's people's slots, at the end of the
    /// warm-up and of the run.)
    active: Vec<u32>,
    /// In overtime (items waiting) as of the last change; items in progress here are paced
    /// accordingly.
    overtime_on: bool,
    tally: Tally,
    /// Lead times of the items finished, as bits, for their 90th percentile
    /// ([`quantile_of_durations`](crate::simulate::stats::quantile_of_durations)).
    leads: Vec<u64>,
}

impl Desk {
    /// Takes a free person for a starting item: non-leaders first, leaders only when needed,
    /// so that leaders' part-time casework is the reserve.
    #[inline(always)]
    fn take_person(&mut self) -> Option<u32> {
        self.free_regular.pop().or_else(|| self.free_leader.pop())
    }
}

/// The state of a run, kept between runs so that its buffers are reused.
#[derive(Debug)]
pub struct Engine<'a> {
    plan: &'a Plan,
    heap: Agenda,
    /// Each office's queue, people and tallies.
    desks: Vec<Desk>,
    overtime_left: Vec<f64>,
    overtime_used: Vec<f64>,
    /// One per person: see [`Slot`].
    slots: Vec<Slot>,
    /// For each person at work, the next person of their team: a team is a chain through its
    /// people from the slot's own, one number a person rather than a list a slot, since a
    /// team is taken and given back at every item.
    next_member: Vec<u32>,
    /// Items open at each office (apart from the desks: the backlog chart copies it whole).
    open: Vec<u32>,
    /// `open` half-way through the warm-up and when counting starts.
    open_mid: Vec<u32>,
    open_start: Vec<u32>,
    dues: Vec<Due>,
    /// `[work × offices + office]`: the index of the pair in `dues`, or `NO_PAIR` (the plan's
    /// `pair` as a table, read at every finished item with a deadline).
    pair_of: Vec<u32>,
    /// Lead times of the items finished per deadline pair, for each work type's own 90th
    /// percentile (an office's p90 mixes its work types).
    pair_leads: Vec<Vec<u64>>,
    works: Vec<WorkRun>,
    series: Vec<u32>,
    next_point: usize,
    /// End of the next sampled day (∞ when all are taken).
    next_sample: f64,
    /// The event being handled is still at the top of the heap.
    top_in_hand: bool,
}

/// The people of the team of slot `slot` (`team` of them), from `Engine::next_member`.
#[inline]
fn crew(next_member: &[u32], slot: u32, team: u32) -> Crew<'_> {
    Crew {
        next_member,
        person: slot,
        left: team,
    }
}

/// See [`crew`]: the link after the last person is never read, so a team of one costs no
/// lookup.
struct Crew<'a> {
    next_member: &'a [u32],
    person: u32,
    left: u32,
}

impl Iterator for Crew<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let person = self.person;
        if self.left > 0 {
            self.person = self
                .next_member
                .get(person as usize)
                .copied()
                .unwrap_or(person);
        }
        Some(person)
    }
}

/// No deadline pair: see `Engine::pair_of`.
const NO_PAIR: u32 = u32::MAX;

fn pair_table(plan: &Plan) -> Vec<u32> {
    let offices = plan.offices.len();
    let mut table = vec![NO_PAIR; plan.works.len() * offices];
    for (office, list) in plan.deadline_works.iter().enumerate() {
        for &(work, pair) in list {
            if let Some(cell) = table.get_mut(work * offices + office) {
                *cell = pair;
            }
        }
    }
    table
}

impl<'a> Engine<'a> {
    pub fn new(plan: &'a Plan) -> Engine<'a> {
        let offices = plan.offices.len();
        let people = plan.person_rate.len();
        Engine {
            plan,
            heap: Agenda::default(),
            desks: vec![Desk::default(); offices],
            overtime_left: vec![0.0; people],
            overtime_used: vec![0.0; people],
            slots: vec![Slot::default(); people],
            next_member: vec![0; people],
            open: vec![0; offices],
            open_mid: vec![0; offices],
            open_start: vec![0; offices],
            dues: vec![Due::default(); plan.pairs.len()],
            pair_of: pair_table(plan),
            pair_leads: vec![Vec::new(); plan.pairs.len()],
            works: vec![WorkRun::default(); plan.works.len()],
            series: Vec::new(),
            next_point: 0,
            next_sample: 0.0,
            top_in_hand: false,
        }
    }

    fn reset(&mut self) {
        self.heap.clear();
        for (o, office) in self.plan.offices.iter().enumerate() {
            self.desks[o].queue.clear();
            let desk = &mut self.desks[o];
            desk.parked.clear();
            desk.active.clear();
            // Popped from the back: the lowest-numbered free person is taken first.
            let rates = &self.plan.person_rate;
            let works = |p: &u32| rates.get(*p as usize).is_some_and(|&r| r > 0.0);
            desk.free_regular.clear();
            desk.free_regular
                .extend((office.first..office.leaders_from).rev().filter(works));
            desk.free_leader.clear();
            desk.free_leader
                .extend((office.leaders_from..office.end).rev().filter(works));
            desk.tally = Tally::default();
            desk.leads.clear();
            self.open[o] = 0;
        }
        self.open_mid.fill(0);
        self.open_start.fill(0);
        self.dues.fill(Due::default());
        self.pair_leads.iter_mut().for_each(Vec::clear);
        self.overtime_left.fill(if self.plan.warmup_days > 0 {
            self.plan.warmup_overtime_cap
        } else {
            self.plan.overtime_cap
        });
        self.overtime_used.fill(0.0);
        for desk in &mut self.desks {
            desk.overtime_on = false;
        }
        for slot in &mut self.slots {
            slot.team = 0;
        }
        self.works.fill(WorkRun::default());
        self.series.clear();
        self.series
            .reserve(self.plan.points * self.plan.offices.len());
        self.next_point = 0;
        self.next_sample = self.sample_day(0);
    }

    fn sample_day(&self, k: usize) -> f64 {
        if k < self.plan.points {
            self.plan.warmup + f64::from(self.plan.point_day(k))
        } else {
            f64::INFINITY
        }
    }

    /// Schedules an event. The first one made while handling an event takes that event's
    /// place at the top of the heap (one sift instead of a pop and a push). Inlined: at each
    /// caller the kind of event is known and its packing folds away (5 % of the instructions
    /// of the M/M/5 bench went to the call).
    #[inline(always)]
    fn push(&mut self, time: f64, what: What) {
        if time < self.plan.horizon {
            let event = Event::new(time, what);
            if self.top_in_hand {
                self.top_in_hand = false;
                if self.heap.first().is_some() {
                    self.heap.replace_first(event);
                    return;
                }
            }
            self.heap.push(event);
        }
    }

    /// Simulates run `run` under `seed`.
    pub fn run(&mut self, seed: u64, run: u32) -> RunOutcome {
        self.reset();
        let mut rng = run_rng(seed, run);
        let mut chain = chain_rng(seed, run);
        let plan = self.plan;
        if plan.warmup > 0.0 {
            self.push(plan.warmup / 2.0, What::WarmupMid);
            self.push(plan.warmup, What::WarmupEnd);
        } else {
            self.add_backlog(0.0, &mut rng);
        }
        // There is always exactly one next external arrival, so it is kept beside the heap
        // rather than in it: half the heap operations of a run. It goes first at a tie with
        // any heap event, which keeps the order (and the numbers) it had in the heap.
        let mut next_arrival = if plan.arrival_rate > 0.0 {
            self.arrival_time(rng.exp1() * plan.mean_gap)
        } else {
            f64::INFINITY
        };
        loop {
            let top = self.heap.first();
            if top.is_none_or(|e| next_arrival <= e.time()) {
                if next_arrival == f64::INFINITY {
                    break;
                }
                let t = next_arrival;
                if t >= self.next_sample {
                    self.sample_until(t);
                }
                let (work, office) = self.pick_stream(&mut rng);
                if let Some(w) = self.works.get_mut(work) {
                    w.arrived += 1;
                }
                self.arrive(work, office, t, &mut rng);
                next_arrival = self.arrival_time(t + rng.exp1() * plan.mean_gap);
            } else if let Some(event) = top {
                self.top_in_hand = true;
                self.handle(event, &mut rng, &mut chain);
                if self.top_in_hand {
                    self.top_in_hand = false;
                    self.heap.pop_first();
                }
            }
        }
        self.finish_run()
    }

    /// An arrival at `time`, or never if that is past the end of the run.
    #[inline]
    fn arrival_time(&self, time: f64) -> f64 {
        if time < self.plan.horizon {
            time
        } else {
            f64::INFINITY
        }
    }

    /// `[[work]] backlog` arrives when counting starts (SPEC §13): at 0, or at the end of the
    /// warm-up on top of the queues the office has built up by then.
    fn add_backlog(&mut self, t: f64, rng: &mut RunRng) {
        for &(work, office, items) in &self.plan.backlog {
            for _ in 0..items {
                self.arrive(work, office, t, rng);
            }
        }
        self.open_start.copy_from_slice(&self.open);
    }

    /// Handles a heap event: `rng` is the run's stream (efforts of arrivals), `chain` the
    /// follow-ups'.
    fn handle(&mut self, event: Event, rng: &mut RunRng, chain: &mut RunRng) {
        let t = event.time();
        if t >= self.next_sample {
            self.sample_until(t);
        }
        match event.what() {
            What::WarmupMid => self.open_mid.copy_from_slice(&self.open),
            What::WarmupEnd => {
                self.end_warmup(t);
                self.add_backlog(t, rng);
            }
            What::Finish {
                slot,
                version,
                completes,
            } => {
                let current = self
                    .slots
                    .get(slot as usize)
                    .is_some_and(|s| s.version & VERSION_MASK == version);
                if !current {
                    return;
                }
                if completes {
                    self.complete(slot, t, chain);
                } else {
                    self.overtime_ran_out(slot, t);
                }
            }
        }
    }

    fn pick_stream(&self, rng: &mut RunRng) -> (usize, usize) {
        let streams = &self.plan.streams;
        let chosen = if streams.len() <= 1 {
            0
        } else {
            let u = rng.uniform() * self.plan.arrival_rate;
            streams
                .partition_point(|s| s.cumulative <= u)
                .min(streams.len() - 1)
        };
        streams.get(chosen).map_or((0, 0), |s| (s.work, s.office))
    }

    /// Records the backlog at the end of every sampled day before `t`.
    fn sample_until(&mut self, t: f64) {
        while self.next_sample <= t {
            self.series.extend_from_slice(&self.open);
            self.next_point += 1;
            self.next_sample = self.sample_day(self.next_point);
        }
    }

    #[inline(always)]
    fn arrive(&mut self, work: usize, office: usize, t: f64, rng: &mut RunRng) {
        let Some(plan_work) = self.plan.works.get(work) else {
            return;
        };
        let effort = plan_work.effort.draw(rng);
        let Some(open) = self.open.get_mut(office) else {
            return;
        };
        *open += 1;
        let team = plan_work.team;
        let item = Waiting {
            work,
            team,
            arrival: t,
            effort,
        };
        if !self.plan.fieldable(work, office) {
            self.desks[office].parked.push(item);
            return;
        }
        self.idle_tick(office, t);
        let desk = &mut self.desks[office];
        if desk.queue.is_empty() && desk.free_regular.len() + desk.free_leader.len() >= item.team {
            // The item would be the head of an empty queue and its team is free: it starts
            // at once, without the round trip through the queue.
            self.start(office, item, t);
        } else {
            // Nothing can start: the queue's head could not start with the people free now
            // (every change that frees people starts what it can), or the queue was empty and
            // this item's team is not free.
            desk.queue.push_back(item);
        }
        if self.plan.overtime() {
            self.refresh(office, t);
        }
    }

    /// Starts items from the head of the office's queue while a full team is free.
    #[inline(always)]
    fn try_start(&mut self, office: usize, t: f64) {
        let Some(desk) = self.desks.get_mut(office) else {
            return;
        };
        let mut free = desk.free_regular.len() + desk.free_leader.len();
        while let Some(&head) = self.desks[office].queue.front() {
            if free < head.team {
                break;
            }
            self.desks[office].queue.pop_front();
            self.start(office, head, t);
            free -= head.team;
        }
    }

    #[inline(always)]
    fn start(&mut self, office: usize, item: Waiting, t: f64) {
        let Some(desk) = self.desks.get_mut(office) else {
            return;
        };
        // The first person taken heads the team: the item runs in their slot.
        let Some(slot) = desk.take_person() else {
            return;
        };
        let Some(s) = self.slots.get_mut(slot as usize) else {
            return;
        };
        let rate_of = |person: u32| self.plan.person_rate.get(person as usize).unwrap_or(&0.0);
        let mut rate = *rate_of(slot);
        let mut crew = 1;
        let mut last = slot;
        while crew < item.team {
            let Some(person) = desk.take_person() else {
                break;
            };
            rate += rate_of(person);
            if let Some(link) = self.next_member.get_mut(last as usize) {
                *link = person;
            }
            last = person;
            crew += 1;
        }
        s.team = crew as u32;
        s.work = item.work;
        s.office = office;
        s.arrival = item.arrival;
        s.start = t;
        s.counted_from = t;
        s.remaining = item.effort;
        s.last = t;
        s.regular_rate = rate;
        s.rate = rate;
        s.overtime = false;
        if self.plan.overtime() {
            s.active_at = desk.active.len() as u32;
            desk.active.push(slot);
        }
        if desk.overtime_on {
            let (on, rate) = self.pace(slot, true);
            let s = &mut self.slots[slot as usize];
            s.overtime = on;
            s.rate = rate;
        }
        self.schedule(slot, t);
    }

    /// Puts the next event of a slot in the heap: its end at the current pace, or earlier the
    /// moment one of its people reaches the overtime cap.
    #[inline(always)]
    fn schedule(&mut self, slot: u32, t: f64) {
        let overtime_rate = self.plan.overtime_rate;
        let Some(s) = self.slots.get_mut(slot as usize) else {
            return;
        };
        s.version = s.version.wrapping_add(1);
        let mut next = if s.rate > 0.0 {
            t + s.remaining / s.rate
        } else {
            f64::INFINITY
        };
        let mut completes = true;
        if s.overtime {
            for m in crew(&self.next_member, slot, s.team) {
                let left = self.overtime_left[m as usize];
                if left > 0.0 {
                    let runs_out = t + left / overtime_rate;
                    if runs_out < next {
                        next = runs_out;
                        completes = false;
                    }
                }
            }
        }
        let version = s.version;
        self.push(
            next,
            What::Finish {
                slot,
                version,
                completes,
            },
        );
    }

    /// Brings an office's team-rule idle hours up to `t`: people free while items wait
    /// (which, first come first served, means the head of the queue needs more people than
    /// are free). Called before anything changes the office's queue or free people.
    #[inline(always)]
    fn idle_tick(&mut self, office: usize, t: f64) {
        // Checked here, inlined at every call, so that offices without teams (the common
        // case) pay one test and no call.
        if self.plan.offices.get(office).is_some_and(|o| o.teams) {
            self.team_idle_tick(office, t);
        }
    }

    fn team_idle_tick(&mut self, office: usize, t: f64) {
        let Some(desk) = self.desks.get_mut(office) else {
            return;
        };
        let tally = &mut desk.tally;
        if !desk.queue.is_empty() {
            let free = &desk.free_regular;
            let leaders = &desk.free_leader;
            if !free.is_empty() || !leaders.is_empty() {
                let rates = &self.plan.person_rate;
                let hours: f64 = free
                    .iter()
                    .chain(leaders)
                    .map(|&p| rates.get(p as usize).copied().unwrap_or(0.0))
                    .sum();
                tally.team_idle_hours += hours * (t - tally.idle_since);
            }
        }
        tally.idle_since = t;
    }

    /// Slot `slot` has an item in progress.
    #[inline]
    fn in_progress(&self, slot: u32) -> bool {
        self.slots.get(slot as usize).is_some_and(|s| s.team > 0)
    }

    /// The warm-up is over: what happened so far is forgotten except the state (items open
    /// and in progress, people busy), and the overtime cap starts afresh for the counted days.
    fn end_warmup(&mut self, t: f64) {
        let plan = self.plan;
        for (o, office) in plan.offices.iter().enumerate() {
            for slot in office.people() {
                if !self.in_progress(slot) {
                    continue;
                }
                if plan.overtime() {
                    self.advance(slot, t);
                }
                if let Some(s) = self.slots.get_mut(slot as usize) {
                    s.counted_from = t;
                }
            }
            self.desks[o].tally = Tally {
                idle_since: t,
                ..Tally::default()
            };
            self.desks[o].leads.clear();
        }
        self.dues.fill(Due::default());
        self.pair_leads.iter_mut().for_each(Vec::clear);
        self.works.fill(WorkRun::default());
        self.overtime_used.fill(0.0);
        if plan.overtime() {
            self.overtime_left.fill(plan.overtime_cap);
            for (o, office) in plan.offices.iter().enumerate() {
                for slot in office.people() {
                    if !self.in_progress(slot) {
                        continue;
                    }
                    let (on, rate) = self.pace(slot, self.desks[o].overtime_on);
                    if let Some(s) = self.slots.get_mut(slot as usize) {
                        s.overtime = on;
                        s.rate = rate;
                    }
                    self.schedule(slot, t);
                }
            }
        }
    }

    fn complete(&mut self, slot: u32, t: f64, rng: &mut RunRng) {
        if self.plan.overtime() {
            self.advance(slot, t);
        }
        let Some(office) = self.slots.get(slot as usize).map(|s| s.office) else {
            return;
        };
        self.idle_tick(office, t);
        let (Some(s), Some(desk)) = (
            self.slots.get_mut(slot as usize),
            self.desks.get_mut(office),
        ) else {
            return;
        };
        s.version = s.version.wrapping_add(1);
        let work = s.work;
        let lead = t - s.arrival;
        let tally = &mut desk.tally;
        tally.done += 1;
        tally.wait_sum += s.start - s.arrival;
        tally.lead_sum += lead;
        tally.regular_hours += s.regular_rate * (t - s.counted_from);
        if let Some(deadline) = self.plan.works.get(work).and_then(|w| w.deadline) {
            let late = lead > deadline;
            tally.due += 1;
            tally.late += u32::from(late);
            let pair = self.pair_of.get(work * self.plan.offices.len() + office);
            if let Some(p) = pair.map(|&p| p as usize) {
                if let Some(due) = self.dues.get_mut(p) {
                    due.due += 1;
                    due.late += u32::from(late);
                }
                if let Some(leads) = self.pair_leads.get_mut(p) {
                    leads.push(lead.to_bits());
                }
            }
        }
        desk.leads.push(lead.to_bits());
        if let Some(w) = self.works.get_mut(work) {
            w.done += 1;
        }
        self.open[office] -= 1;
        let leaders_from = self.plan.offices[office].leaders_from;
        for m in crew(&self.next_member, slot, s.team) {
            if m < leaders_from {
                desk.free_regular.push(m);
            } else {
                desk.free_leader.push(m);
            }
        }
        s.team = 0;
        if self.plan.overtime() {
            let at = s.active_at as usize;
            if desk.active.get(at) == Some(&slot) {
                desk.active.swap_remove(at);
                if let Some(&moved) = desk.active.get(at) {
                    if let Some(m) = self.slots.get_mut(moved as usize) {
                        m.active_at = at as u32;
                    }
                }
            }
        }

        let plan = self.plan;
        if let Some(w) = plan.works.get(work) {
            for &(child, share) in &w.next {
                if rng.uniform() < share {
                    let to = plan
                        .follow_up
                        .get(child)
                        .and_then(|row| row.get(office))
                        .copied()
                        .unwrap_or(office);
                    if let Some(c) = self.works.get_mut(child) {
                        c.spawned += 1;
                        c.arrived += 1;
                    }
                    // Arriving may start it at once, before the queue here moves on: the
                    // follow-up office has its own queue, and at this office it joins the end.
                    self.arrive(child, to, t, rng);
                }
            }
        }
        if !self.desks[office].queue.is_empty() {
            self.try_start(office, t);
        }
        if plan.overtime() {
            self.refresh(office, t);
        }
    }
}
