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
