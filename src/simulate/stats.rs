//! Figures over runs: the mean and the 5th and 95th percentile (a [`Band`]), gathered run by
//! run ([`Gather`]) so that a simulation keeps a bounded number of values whatever its number
//! of runs; the median for the backlog chart, and the 90th percentile of lead times within a
//! run.
//!
//! Percentiles interpolate linearly between order statistics (the common "type 7"
//! definition: the p-quantile of n sorted values sits at position p·(n − 1)), so a band over
//! two runs lies between them rather than jumping to one. Everything here is sequential and
//! in a fixed order, which keeps the output byte-identical whatever the number of threads.

use serde::Serialize;

/// A figure over the runs: its mean and the 5th–95th percentile band. `NaN` (JSON `null`)
/// when no run defines the figure, e.g. the wait at an office that never finished an item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub mean: f64,
    pub p5: f64,
    pub p95: f64,
}

impl Band {
    /// A band over no value at all.
    pub const UNDEFINED: Band = Band {
        mean: f64::NAN,
        p5: f64::NAN,
        p95: f64::NAN,
    };

    /// The band of the given per-run values; runs where the figure is undefined are left out.
    pub fn of(values: impl IntoIterator<Item = Option<f64>>) -> Band {
        let mut gather = Gather::new(usize::MAX);
        for value in values {
            gather.add(value);
        }
        gather.band()
    }

    /// Is any part of the band defined?
    pub fn is_defined(&self) -> bool {
        self.mean.is_finite()
    }
}

/// One figure gathered run by run, in run order: the mean over every run that defines it, and
/// the values of the first `keep` such runs for its 5–95% band. Runs are independent draws of
/// the same year, so the first `keep` of them are a random sample of all, and which runs they
/// are never depends on the thread count.
#[derive(Debug, Clone)]
pub struct Gather {
    sum: f64,
    count: u64,
    keep: usize,
    kept: Vec<f64>,
}

impl Gather {
    pub fn new(keep: usize) -> Gather {
        Gather {
            sum: 0.0,
            count: 0,
            keep,
            kept: Vec::new(),
        }
    }

    /// The next run's value (`None`: the run does not define the figure).
    #[inline]
    pub fn add(&mut self, value: Option<f64>) {
        if let Some(value) = value {
            self.sum += value;
            self.count += 1;
            if self.kept.len() < self.keep {
                self.kept.push(value);
            }
        }
    }

    pub fn band(mut self) -> Band {
        if self.count == 0 {
            return Band::UNDEFINED;
        }
        self.kept.sort_unstable_by(f64::total_cmp);
        Band {
            mean: self.sum / self.count as f64,
            p5: quantile_sorted(&self.kept, 0.05),
            p95: quantile_sorted(&self.kept, 0.95),
        }
    }
}

/// The `p`-quantile (0..1) of values sorted ascending; `NaN` for no values.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
    let below = position.floor();
    let fraction = position - below;
    let i = below as usize;
    let low = sorted.get(i).copied().unwrap_or(f64::NAN);
    match sorted.get(i + 1) {
        Some(&high) if fraction > 0.0 => low + (high - low) * fraction,
        _ => low,
    }
}

/// The `p`-quantile of unsorted non-negative durations given by their bits (`f64::to_bits`),
/// reordering them in place (linear time on average). The bits of non-negative numbers order
/// like the numbers, so the selection compares integers: a run keeps every lead time for its
/// 90th percentile, and this is most of what that costs.
pub fn quantile_of_durations(bits: &mut [u64], p: f64) -> f64 {
    let n = bits.len();
    if n == 0 {
        return f64::NAN;
    }
    let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
    let i = (position.floor() as usize).min(n - 1);
    let fraction = position - i as f64;
    let (_, &mut low, above) = bits.select_nth_unstable(i);
    let low = f64::from_bits(low);
    if fraction > 0.0 {
        // The next order statistic is the least of the values above the i-th.
        if let Some(&high) = above.iter().min() {
            let high = f64::from_bits(high);
            return low + (high - low) * fraction;
        }
    }
    low
}

/// 5th percentile, median and 95th percentile of integer counts (the backlog on one day over
/// the runs), sorting them in place.
pub fn count_quantiles(counts: &mut [u32]) -> (f64, f64, f64) {
    counts.sort_unstable();
    let at = |p: f64| {
        let n = counts.len();
        if n == 0 {
            return f64::NAN;
        }
        let position = p * (n - 1) as f64;
        let i = position.floor() as usize;
        let fraction = position - i as f64;
        let low = counts.get(i).map_or(f64::NAN, |&c| f64::from(c));
        match counts.get(i + 1) {
            Some(&high) if fraction > 0.0 => low + (f64::from(high) - low) * fraction,
            _ => low,
        }
    };
    (at(0.05), at(0.5), at(0.95))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_of_one_to_hundred_one() {
        // 1..=101: mean 51; p5 at position 5 → 6; p95 at position 95 → 96.
        let band = Band::of((1..=101).map(|v| Some(f64::from(v))));
        assert_eq!(band.mean, 51.0);
        assert_eq!(band.p5, 6.0);
        assert_eq!(band.p95, 96.0);
    }

    #[test]
    fn band_interpolates_and_skips_undefined_runs() {
        // Two values 0 and 10: p5 at position 0.05 → 0.5, p95 at 0.95 → 9.5.
        let band = Band::of([Some(10.0), None, Some(0.0)]);
        assert_eq!(band.mean, 5.0);
        assert!((band.p5 - 0.5).abs() < 1e-12);
        assert!((band.p95 - 9.5).abs() < 1e-12);
        assert!(!Band::of([None, None]).is_defined());
    }

    #[test]
    fn gather_takes_the_mean_of_all_runs_and_the_band_of_the_first() {
        // 1..=101 then 1000 × 10: the mean counts all 1101 values, the band only the first
        // 101 (p5 = 6, p95 = 96 as above).
        let mut gather = Gather::new(101);
        for v in (1..=101)
            .map(f64::from)
            .chain(std::iter::repeat_n(1000.0, 10))
        {
            gather.add(Some(v));
        }
        gather.add(None);
        let band = gather.band();
        assert!((band.mean - (5151.0 + 10_000.0) / 111.0).abs() < 1e-9);
        assert_eq!((band.p5, band.p95), (6.0, 96.0));
    }

    #[test]
    fn quantile_of_durations_agrees_with_sorted() {
        let values: Vec<f64> = (0..57).map(|i| f64::from((i * 37) % 57) / 8.0).collect();
        let mut sorted = values.clone();
        sorted.sort_unstable_by(f64::total_cmp);
        for p in [0.0, 0.1, 0.5, 0.9, 0.93, 1.0] {
            let mut bits: Vec<u64> = values.iter().map(|v| v.to_bits()).collect();
            assert_eq!(
                quantile_of_durations(&mut bits, p),
                quantile_sorted(&sorted, p)
            );
        }
        assert!(quantile_of_durations(&mut [], 0.9).is_nan());
    }

    #[test]
    fn count_quantiles_of_a_small_sample() {
        let mut counts = [4, 0, 2, 8, 6];
        // Sorted 0 2 4 6 8: median 4; p5 at 0.2 → 0.4; p95 at 3.8 → 7.6.
        let (p5, median, p95) = count_quantiles(&mut counts);
        assert!((p5 - 0.4).abs() < 1e-12);
        assert_eq!(median, 4.0);
        assert!((p95 - 7.6).abs() < 1e-12);
    }
}
