//! The entries of a run's event heap: an item's end (or a person running out of overtime)
//! and the end of the warm-up, packed so that one integer comparison orders two of them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    /// The end of the warm-up: figures are counted from here. (External arrivals are not
    /// heap events: see `Engine::run`.)
    WarmupEnd,
    /// Half-way through the warm-up: the backlog is read there, so that the check of
    /// `--warmup-days auto` can tell whether it still moves.
    WarmupMid,
    /// The scheduled end of a slot's item (`completes`), or the moment one of its people runs
    /// out of overtime; ignored if the slot's version (31 bits) moved on.
    Finish {
        slot: u32,
        version: u32,
        completes: bool,
    },
}

pub(super) const VERSION_MASK: u32 = 0x7fff_ffff;

/// A heap entry packed into two words, since heap operations are most of an event's cost:
/// the time (non-negative, so its bits order like the number) inverted so that the max-heap
/// pops the earliest, then the event. Ties are broken by the packed event, which is fixed by
/// the run's history, so the order never depends on anything but the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Event {
    /// The inverted time in the high 64 bits, the packed event in the low ones: one integer
    /// comparison orders two events.
    bits: u128,
}

impl Event {
    #[inline]
    pub(super) fn new(time: f64, what: What) -> Event {
        // `+ 0.0` turns −0 (from −ln 1) into +0, whose bits order correctly.
        let key = u64::MAX - (time + 0.0).to_bits();
        let tag = match what {
            What::WarmupEnd => u64::MAX,
            What::WarmupMid => u64::MAX - 1,
            What::Finish {
                slot,
                version,
                completes,
            } => {
                (u64::from(slot) << 32)
                    | (u64::from(version & VERSION_MASK) << 1)
                    | u64::from(completes)
            }
        };
        Event {
            bits: (u128::from(key) << 64) | u128::from(tag),
        }
    }

    #[inline]
    pub(super) fn time(self) -> f64 {
        f64::from_bits(u64::MAX - (self.bits >> 64) as u64)
    }

    #[inline]
    pub(super) fn what(self) -> What {
        let tag = self.bits as u64;
        if tag == u64::MAX {
            What::WarmupEnd
        } else if tag == u64::MAX - 1 {
            What::WarmupMid
        } else {
            What::Finish {
                slot: (tag >> 32) as u32,
                version: ((tag >> 1) as u32) & VERSION_MASK,
                completes: tag & 1 == 1,
            }
        }
    }
}

/// Up to this many pending events, [`Agenda::replace_first`] sifts down from the top.
const SMALL_AGENDA: usize = 16;

/// The run's pending events, earliest first: a binary heap of [`Event`]s written out rather than
/// `std`'s, so that its few operations inline into the engine's loop (a run does two of them per
/// item on a heap of about as many entries as people at work) and replacing the top, the
/// common case of an event that schedules the next, is one sift.
#[derive(Debug, Clone, Default)]
pub(super) struct Agenda {
    events: Vec<Event>,
}

impl Agenda {
    #[inline]
    pub(super) fn clear(&mut self) {
        self.events.clear();
    }

    /// The earliest event.
    #[inline]
    pub(super) fn first(&self) -> Option<Event> {
        self.events.first().copied()
    }

    #[inline]
    pub(super) fn push(&mut self, event: Event) {
        let at = self.events.len();
        self.events.push(event);
        self.sift_up(at, event);
    }

    /// Puts `event` in the earliest one's place (there must be one). On a small agenda (one
    /// office's few people at work) `event` goes down while a child is earlier, two comparisons
    /// a level and seldom far; on a large one (many offices, and the stale ends that overtime
    /// leaves) the hole at the top goes down to the bottom by the earlier child, one comparison
    /// a level, and `event` rises from there: a new end lies after most pending ones.
    #[inline]
    pub(super) fn replace_first(&mut self, event: Event) {
        let len = self.events.len();
        if len <= SMALL_AGENDA {
            let mut at = 0;
            loop {
                let left = 2 * at + 1;
                if left >= len {
                    break;
                }
                let right = left + 1;
                let child = if right < len && self.events[right] > self.events[left] {
                    right
                } else {
                    left
                };
                let below = self.events[child];
                if below <= event {
                    break;
                }
                self.events[at] = below;
                at = child;
            }
            if let Some(cell) = self.events.get_mut(at) {
                *cell = event;
            }
            return;
        }
        let mut hole = 0;
        let mut child = 1;
        while child + 1 < len {
            child += usize::from(self.events[child] <= self.events[child + 1]);
            self.events[hole] = self.events[child];
            hole = child;
            child = 2 * hole + 1;
        }
        if child + 1 == len {
            self.events[hole] = self.events[child];
            hole = child;
        }
        self.sift_up(hole, event);
    }

    /// Fills the hole at `at` with `event`, moving it up past the later events above it.
    #[inline]
    fn sift_up(&mut self, mut at: usize, event: Event) {
        while at > 0 {
            let parent = (at - 1) / 2;
            let above = self.events[parent];
            if above >= event {
                break;
            }
            self.events[at] = above;
            at = parent;
        }
        if let Some(cell) = self.events.get_mut(at) {
            *cell = event;
        }
    }

    /// Takes the earliest event away.
    #[inline]
    pub(super) fn pop_first(&mut self) {
        if let Some(last) = self.events.pop() {
            if !self.events.is_empty() {
                self.replace_first(last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The agenda gives its events back in the order of a sort, whatever the order they came
    /// in and however they left.
    #[test]
    fn agenda_orders_like_a_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut agenda = Agenda::default();
        let mut kept: Vec<Event> = Vec::new();
        let mut out = Vec::new();
        let mut expected = Vec::new();
        for step in 0..5_000u32 {
            let event = Event::new(
                (next() % 1_000) as f64 / 8.0,
                What::Finish {
                    slot: step % 7,
                    version: step,
                    completes: step % 3 == 0,
                },
            );
            match next() % 4 {
                0 | 1 => {
                    agenda.push(event);
                    kept.push(event);
                }
                2 if !kept.is_empty() => {
                    kept.sort_unstable();
                    expected.push(kept.pop());
                    out.push(agenda.first());
                    agenda.replace_first(event);
                    kept.push(event);
                }
                _ => {
                    kept.sort_unstable();
                    expected.push(kept.pop());
                    out.push(agenda.first());
                    agenda.pop_first();
                }
            }
        }
        while let Some(event) = agenda.first() {
            out.push(Some(event));
            agenda.pop_first();
        }
        kept.sort_unstable();
        expected.extend(kept.into_iter().rev().map(Some));
        assert_eq!(out, expected);
        assert!(out.len() > 2_000);
    }
}
