//! Overtime in a run (SPEC §5): the pace of an item while its office has items waiting, each
//! person's overtime spent up to the cap, and the item's end moved when the pace changes.

use super::{crew, Engine};

impl Engine<'_> {
    /// Brings a slot's effort and its people's overtime up to time `t`.
    pub(super) fn advance(&mut self, slot: u32, t: f64) {
        let overtime_rate = self.plan.overtime_rate;
        let Some(s) = self.slots.get_mut(slot as usize) else {
            return;
        };
        let dt = t - s.last;
        if dt <= 0.0 {
            return;
        }
        s.remaining = (s.remaining - s.rate * dt).max(0.0);
        if s.overtime {
            for m in crew(&self.next_member, slot, s.team) {
                let left = &mut self.overtime_left[m as usize];
                if *left > 0.0 {
                    let used = (overtime_rate * dt).min(*left);
                    *left -= used;
                    self.overtime_used[m as usize] += used;
                }
            }
        }
        s.last = t;
    }

    /// The pace of a slot given whether its office is in overtime now.
    pub(super) fn pace(&self, slot: u32, overtime: bool) -> (bool, f64) {
        let Some(s) = self.slots.get(slot as usize) else {
            return (false, 0.0);
        };
        if !overtime {
            return (false, s.regular_rate);
        }
        let working = crew(&self.next_member, slot, s.team)
            .filter(|&m| self.overtime_left[m as usize] > 0.0)
            .count();
        (
            working > 0,
            s.regular_rate + self.plan.overtime_rate * working as f64,
        )
    }

    /// Re-paces the office's items when it goes into or out of overtime (overtime only).
    /// Items started meanwhile were paced for the state before; a person reaching the cap has
    /// an event of their own.
    #[inline(always)]
    pub(super) fn refresh(&mut self, office: usize, t: f64) {
        // The test is inlined at every arrival and completion; the office changes state far
        // less often than that.
        let Some(desk) = self.desks.get(office) else {
            return;
        };
        let overtime = !desk.queue.is_empty();
        if overtime != desk.overtime_on {
            self.repace(office, overtime, t);
        }
    }

    /// The office goes into (`overtime`) or out of overtime at `t`: every item in progress
    /// there takes its new pace.
    #[inline(never)]
    fn repace(&mut self, office: usize, overtime: bool, t: f64) {
        self.desks[office].overtime_on = overtime;
        for i in 0..self.desks[office].active.len() {
            let slot = self.desks[office].active[i];
            let (on, rate) = self.pace(slot, overtime);
            let Some(s) = self.slots.get(slot as usize) else {
                continue;
            };
            if on != s.overtime || rate != s.rate {
                self.advance(slot, t);
                let s = &mut self.slots[slot as usize];
                s.overtime = on;
                s.rate = rate;
                self.schedule(slot, t);
            }
        }
    }

    pub(super) fn overtime_ran_out(&mut self, slot: u32, t: f64) {
        self.advance(slot, t);
        let cap = self.plan.overtime_cap;
        if let Some(s) = self.slots.get(slot as usize) {
            let rate = self.plan.overtime_rate;
            for m in crew(&self.next_member, slot, s.team) {
                // Rounding leaves a crumb of overtime; it is spent. So is a crumb too small to
                // move the clock (t + crumb == t), which would otherwise be rescheduled at the
                // same moment for ever.
                let left = &mut self.overtime_left[m as usize];
                if *left <= cap * 1e-9 || t + *left / rate <= t {
                    self.overtime_used[m as usize] += *left;
                    *left = 0.0;
                }
            }
            let overtime = self.desks[s.office].overtime_on;
            let (on, rate) = self.pace(slot, overtime);
            let s = &mut self.slots[slot as usize];
            s.overtime = on;
            s.rate = rate;
            self.schedule(slot, t);
        }
    }
}
