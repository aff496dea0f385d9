//! What a run yields (per office, per work type, per deadline pair, and the backlog series),
//! and how the engine's state at the end of a run becomes it: the items still open past their
//! deadline, the hours of the items in progress, the shares and means.

use super::Engine;
use crate::simulate::stats::quantile_of_durations;

/// What one run yields for one office.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeRun {
    pub done: u32,
    /// Items waiting, in progress or set aside at the end.
    pub backlog_end: u32,
    /// Items open when counting starts, `[[work]] backlog` included.
    pub backlog_start: u32,
    /// Items open half-way through the warm-up (0 without one).
    pub backlog_mid: u32,
    /// Mean over the items finished, in working days (`None`: none finished).
    pub wait_days: Option<f64>,
    pub lead_days: Option<f64>,
    pub lead_days_p90: Option<f64>,
    /// Late items (finished late, or still open past their deadline) over the items with a
    /// deadline that finished or are open past it; `None`: no such item.
    pub late_share: Option<f64>,
    /// The complement: finished within the deadline over the same items.
    pub on_time_share: Option<f64>,
    /// Those items' number, the base of both shares (to add stations' shares up, SPEC §16).
    pub deadline_items: u32,
    /// Casework hours that people free to work gave to nothing while items waited at the
    /// office for a full team.
    pub team_idle_hours: f64,
    /// Regular casework hours worked ÷ casework hours offered; `None`: no capacity.
    pub utilisation: Option<f64>,
    /// Overtime hours over the headcount (0 without people).
    pub overtime_hours_per_person: f64,
    /// The most overtime any one person of the office worked.
    pub overtime_hours_max_person: f64,
}

/// What one run yields for one work type, all offices together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WorkRun {
    /// Items that arrived: external and spawned by the chain.
    pub arrived: u32,
    /// Of those, spawned by a finished item's `next`.
    pub spawned: u32,
    pub done: u32,
}

/// One run's results.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOutcome {
    pub offices: Vec<OfficeRun>,
    pub works: Vec<WorkRun>,
    /// On-time share of each (office, work) pair with a deadline ([`Plan`]'s pairs), `None`
    /// where no item of it finished or is open past the deadline.
    pub pairs: Vec<Option<f64>>,
    /// 90th-percentile lead time of each deadline pair's finished items, `None` where none.
    pub pair_leads_p90: Vec<Option<f64>>,
    /// Backlog at the end of each sampled day: `points × offices`, point-major.
    pub series: Vec<u32>,
}

impl Engine<'_> {
    pub(super) fn finish_run(&mut self) -> RunOutcome {
        let plan = self.plan;
        let horizon = plan.horizon;
        self.sample_until(f64::MAX);
        let mut offices = Vec::with_capacity(plan.offices.len());
        // Items open past their deadline at the end, per (office, work) pair.
        let mut open_late_pair = vec![0u32; plan.pairs.len()];
        for (o, office) in plan.offices.iter().enumerate() {
            self.idle_tick(o, horizon);
            let mut open_late = 0u32;
            let mut count_late = |work: usize, arrival: f64| {
                let deadline = plan.works.get(work).and_then(|w| w.deadline);
                if deadline.is_some_and(|d| horizon - arrival > d) {
                    open_late += 1;
                    if let Some(n) = plan.pair(o, work).and_then(|p| open_late_pair.get_mut(p)) {
                        *n += 1;
                    }
                }
            };
            for slot in office.people() {
                if !self.in_progress(slot) {
                    continue;
                }
                if plan.overtime() {
                    self.advance(slot, horizon);
                }
                let s = &self.slots[slot as usize];
                self.desks[o].tally.regular_hours += s.regular_rate * (horizon - s.counted_from);
                count_late(s.work, s.arrival);
            }
            let desk = &mut self.desks[o];
            for item in desk.queue.iter().chain(&desk.parked) {
                count_late(item.work, item.arrival);
            }

            let tally = &desk.tally;
            let done = f64::from(tally.done);
            let per_item = |sum: f64| (tally.done > 0).then(|| sum / done);
            let lead_days_p90 =
                (tally.done > 0).then(|| quantile_of_durations(&mut desk.leads, 0.9));
            let late_base = tally.due + open_late;
            let capacity = office.capacity_per_day * (horizon - plan.warmup);
            let people = office.first as usize..office.end as usize;
            let overtime: f64 = self.overtime_used[people.clone()].iter().sum();
            let overtime_max = self.overtime_used[people]
                .iter()
                .copied()
                .fold(0.0, f64::max);
            offices.push(OfficeRun {
                done: tally.done,
                backlog_end: self.open[o],
                backlog_start: self.open_start[o],
                backlog_mid: self.open_mid[o],
                wait_days: per_item(tally.wait_sum),
                lead_days: per_item(tally.lead_sum),
                lead_days_p90,
                late_share: (late_base > 0)
                    .then(|| f64::from(tally.late + open_late) / f64::from(late_base)),
                on_time_share: (late_base > 0)
                    .then(|| f64::from(tally.due - tally.late) / f64::from(late_base)),
                deadline_items: late_base,
                team_idle_hours: tally.team_idle_hours,
                utilisation: (capacity > 0.0).then(|| tally.regular_hours / capacity),
                overtime_hours_per_person: if office.headcount > 0 {
                    overtime / f64::from(office.headcount)
                } else {
                    0.0
                },
                overtime_hours_max_person: overtime_max,
            });
        }
        let pairs = self
            .dues
            .iter()
            .zip(&open_late_pair)
            .map(|(due, &open_late)| {
                let base = due.due + open_late;
                (base > 0).then(|| f64::from(due.due - due.late) / f64::from(base))
            })
            .collect();
        let pair_leads_p90 = self
            .pair_leads
            .iter_mut()
            .map(|leads| (!leads.is_empty()).then(|| quantile_of_durations(leads, 0.9)))
            .collect();
        RunOutcome {
            offices,
            works: self.works.clone(),
            pairs,
            pair_leads_p90,
            series: std::mem::take(&mut self.series),
        }
    }
}
