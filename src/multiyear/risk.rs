//! The risk of falling short (SPEC §13): the exact distribution of an office's staff in a
//! year under binomial leavers, and the staff it can count on at a confidence level.
//!
//! Every cohort (today's people of a staff type, or the hires of a type arriving in a year)
//! is a binomial: each of its people is still there `a − y` year ends after arriving with
//! probability `(1 − attrition)^(a − y)`, independently of everyone else. The office's staff
//! is their sum, whose distribution is the convolution of the cohorts'. Tails below
//! [`NEGLIGIBLE`] are cut so that a large office costs its spread, not its size squared.

use crate::model::{Office, StaffType};

/// Probabilities below this are dropped from a distribution's tails.
const NEGLIGIBLE: f64 = 1e-16;

/// A distribution on whole numbers: `p[i]` is the probability of `offset + i`.
#[derive(Debug, Clone, PartialEq)]
struct Pmf {
    offset: u64,
    p: Vec<f64>,
}

impl Pmf {
    fn certain(value: u64) -> Pmf {
        Pmf {
            offset: value,
            p: vec![1.0],
        }
    }

    /// Binomial(n, q), its negligible tails cut.
    fn binomial(n: u64, q: f64) -> Pmf {
        if q >= 1.0 || n == 0 {
            return Pmf::certain(n);
        }
        if q <= 0.0 {
            return Pmf::certain(0);
        }
        let (ln_q, ln_r) = (q.ln(), (1.0 - q).ln());
        let mut ln_choose = 0.0;
        let p = (0..=n)
            .map(|i| {
                let ln = ln_choose + i as f64 * ln_q + (n - i) as f64 * ln_r;
                ln_choose += ((n - i) as f64).ln() - ((i + 1) as f64).ln();
                ln.exp()
            })
            .collect();
        Pmf { offset: 0, p }.trimmed()
    }

    fn trimmed(mut self) -> Pmf {
        let first = self.p.iter().position(|&x| x > NEGLIGIBLE).unwrap_or(0);
        let last = self.p.iter().rposition(|&x| x > NEGLIGIBLE).unwrap_or(0);
        self.p = self.p[first..=last.max(first)].to_vec();
        self.offset += first as u64;
        self
    }

    /// The distribution of the sum of two independent variables.
    fn plus(&self, other: &Pmf) -> Pmf {
        let mut p = vec![0.0; self.p.len() + other.p.len() - 1];
        for (i, &a) in self.p.iter().enumerate() {
            for (j, &b) in other.p.iter().enumerate() {
                p[i + j] += a * b;
            }
        }
        Pmf {
            offset: self.offset + other.offset,
            p,
        }
        .trimmed()
    }

    /// The largest m with P(X ≥ m) ≥ level.
    fn at_least(&self, level: f64) -> u64 {
        let mut tail = 0.0;
        for (i, &x) in self.p.iter().enumerate().rev() {
            tail += x;
            if tail >= level - 1e-12 {
                return self.offset + i as u64;
            }
        }
        self.offset
    }
}

/// The staff an office can count on in year `a` (0-based) in at least `level` of the
/// outcomes: the largest m with P(staff ≥ m) ≥ level, given today's staff and the hires
/// arriving (`arriving[type][year]`) up to that year.
pub fn staff_at_least(
    office: &Office,
    types: &[StaffType],
    arriving: &[Vec<u64>],
    a: usize,
    level: f64,
) -> u64 {
    let mut sum = Pmf::certain(0);
    for (k, ty) in types.iter().enumerate() {
        let stay = 1.0 - ty.attrition;
        let cohorts = std::iter::once((0, u64::from(office.staff[k])))
            .chain((0..=a).map(|y| (y, arriving[k][y])));
        for (y, n) in cohorts {
            if n > 0 {
                let q = stay.powi(i32::try_from(a - y).unwrap_or(i32::MAX));
                sum = sum.plus(&Pmf::binomial(n, q));
            }
        }
    }
    sum.at_least(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_and_sum_by_hand() {
        // Binomial(2, 0.5): 1/4, 1/2, 1/4; plus a certain 3.
        let b = Pmf::binomial(2, 0.5);
        assert_eq!(b.offset, 0);
        for (x, want) in b.p.iter().zip([0.25, 0.5, 0.25]) {
            assert!((x - want).abs() < 1e-15);
        }
        let s = b.plus(&Pmf::certain(3));
        assert_eq!(s.offset, 3);
        // P(X ≥ 4) = 3/4, P(X ≥ 5) = 1/4.
        assert_eq!(s.at_least(0.75), 4);
        assert_eq!(s.at_least(0.76), 3);
        assert_eq!(s.at_least(0.25), 5);
        // Two Binomial(1, 0.5) make Binomial(2, 0.5).
        let two = Pmf::binomial(1, 0.5).plus(&Pmf::binomial(1, 0.5));
        assert_eq!(two, b);
    }
}
