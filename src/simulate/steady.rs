//! The steady state of SPEC §13: the `--warmup-days` choice, the Welch-type check that tells
//! `auto` whether the runs' mean backlog still moves at the end of the warm-up, and the trend
//! test that finds an office whose backlog keeps growing over the counted period.

use super::engine::OfficeRun;

/// `--warmup-days`: a number of working days, or `auto` (the default, SPEC §13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Warmup {
    /// At least a year (`working_days`), doubled while the mean backlog still moves.
    #[default]
    Auto,
    /// Exactly this many days; 0 is the empty start.
    Days(u32),
}

/// Most years `auto` warms up for. An office close to its capacity can take many years to
/// settle (on Daqing 2017 the confirmed plan's inspection office still gains items after
/// 2,000 days), and every year of warm-up costs as much as the counted one, in every
/// simulation of the service check: two years keep `run` under a second. An office still
/// settling then is reported as growing if its trend is material.
pub const MAX_AUTO_YEARS: u32 = 2;

/// A difference of means is "moving" when it is beyond this many standard errors …
const Z: f64 = 4.0;
/// … and at least this many items, and this share of the level it moves from: with a
/// thousand runs a drift of a tenth of an item is significant but changes no figure.
const MIN_ITEMS: f64 = 1.0;
const MIN_SHARE: f64 = 0.05;
/// Least growth, as a share of the office's items a year, reported as an unstable backlog
/// by the trend test alone.
const MIN_GROWTH_SHARE: f64 = 0.05;

/// Running mean and variance of a per-run difference (Welford).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Drift {
    runs: u32,
    mean: f64,
    m2: f64,
    /// Mean of the level the difference starts from.
    level: f64,
}

impl Drift {
    pub(super) fn add(&mut self, from: f64, to: f64) {
        self.runs += 1;
        let n = f64::from(self.runs);
        let x = to - from;
        let delta = x - self.mean;
        self.mean += delta / n;
        self.m2 += delta * (x - self.mean);
        self.level += (from - self.level) / n;
    }

    pub(super) fn mean(&self) -> f64 {
        self.mean
    }

    /// Is the mean difference beyond the noise of the runs and big enough to matter?
    fn moves(&self, floor: f64) -> bool {
        if self.runs < 2 {
            return false;
        }
        let n = f64::from(self.runs);
        let se = (self.m2 / (n - 1.0) / n).sqrt();
        self.mean.abs() > Z * se && self.mean.abs() >= floor
    }
}

/// What one office's runs say about its steady state.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct OfficeDrift {
    /// Items open half-way through the warm-up → at its end (before `[[work]] backlog`).
    settle: Drift,
    /// Items open when counting starts (backlog added) → at the end.
    counted: Drift,
}

impl OfficeDrift {
    pub(super) fn add(&mut self, run: &OfficeRun, added: u32) {
        self.settle
            .add(f64::from(run.backlog_mid), f64::from(run.backlog_start));
        self.counted.add(
            f64::from(run.backlog_start + added),
            f64::from(run.backlog_end),
        );
    }

    /// Does the mean backlog still move at the end of the warm-up? (Only asked of offices
    /// whose load the people can serve: an overloaded one never settles.)
    pub(super) fn settling(&self) -> bool {
        self.settle
            .moves(MIN_ITEMS.max(MIN_SHARE * self.settle.level.abs()))
    }

    /// Items a year the backlog grows by over the counted period, where the trend test finds
    /// it growing (beyond the noise and by at least a small share of the items a year).
    pub(super) fn growth_per_year(&self, days: u32, working_days: u32, items: f64) -> Option<f64> {
        let per_year = self.counted.mean() * f64::from(working_days) / f64::from(days.max(1));
        let floor = MIN_ITEMS.max(MIN_GROWTH_SHARE * items);
        (self.counted.mean() > 0.0 && self.counted.moves(0.0) && per_year >= floor)
            .then_some(per_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drift_is_the_mean_difference_and_moves_beyond_its_noise() {
        let mut d = Drift::default();
        for (from, to) in [(10.0, 13.0), (10.0, 11.0), (12.0, 14.0), (8.0, 10.0)] {
            d.add(from, to);
        }
        // Differences 3, 1, 2, 2: mean 2, sample variance 2/3, standard error 0.408.
        assert!((d.mean() - 2.0).abs() < 1e-12);
        assert!((d.level - 10.0).abs() < 1e-12);
        assert!(d.moves(1.0), "2 > 4 × 0.408 and 2 ≥ 1");
        assert!(!d.moves(2.5), "below the floor");
        let mut noisy = Drift::default();
        for (from, to) in [(10.0, 16.0), (10.0, 4.0), (10.0, 12.0)] {
            noisy.add(from, to);
        }
        assert!(!noisy.moves(0.0), "mean 0.67 within the noise of ±6");
    }
}
