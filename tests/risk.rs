//! The risk of falling short in the multi-year plan (SPEC §13): `p_short` from the runs
//! against the exact distribution of the staff, worked out here by convolving binomials, for
//! hiring lags 0, 1 and 2; and `[plan] confidence`, whose hires leave an exact chance of being
//! short of at most 1 − P in every year a hire can reach.
//!
//! One office of 20 people, 15 % of whom leave at the end of each year; 400 items of 100 hours
//! growing by 5 % a year on the 2,000-hour calendar at target 1: posts needed 20, 21, 23, 24,
//! 25 (⌈40000 × 1.05^(t−1) ÷ 2000⌉).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::multiyear::{self, MultiYearPlan, PlanOptions};

const STAY: f64 = 0.85;
const RUNS: u32 = 20_000;

fn plan(lag: u32, confidence: Option<f64>, runs: u32) -> MultiYearPlan {
    let confidence = confidence.map_or(String::new(), |p| format!("confidence = {p}"));
    let text = format!(
        r#"{CALENDAR}attrition = 0.15
hiring_lag_years = {lag}
[policy]
target_utilisation = 1
[plan]
years = 5
start = 2018
{confidence}
[[office]]
id = "a"
name = "A"
staff = {{ regular = 20 }}
[[work]]
id = "w"
name = "W"
office = "a"
volume = 400
hours = 100
growth = 0.05
"#
    );
    let options = PlanOptions {
        runs,
        seed: 5,
        threads: None,
    };
    multiyear::plan(&scenario(&text), &options).unwrap()
}

/// Binomial(n, q) as a vector over 0..=n, each term n!/(i!(n−i)!) qⁱ (1−q)ⁿ⁻ⁱ.
fn binomial(n: u64, q: f64) -> Vec<f64> {
    (0..=n)
        .map(|i| {
            let choose: f64 = (0..i).map(|j| (n - j) as f64 / (j + 1) as f64).product();
            choose * q.powi(i as i32) * (1.0 - q).powi((n - i) as i32)
        })
        .collect()
}

fn convolve(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut c = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            c[i + j] += x * y;
        }
    }
    c
}

/// The exact P(staff < posts needed) of each year: today's 20 and each year's arrivals are
/// cohorts, each person still there t − y year ends later with probability 0.85^(t−y).
fn exact_short(plan: &MultiYearPlan, arriving: &[u64]) -> Vec<f64> {
    (0..plan.years.len())
        .map(|t| {
            let mut staff = binomial(20, STAY.powi(t as i32));
            for (y, &n) in arriving.iter().enumerate().take(t + 1) {
                staff = convolve(&staff, &binomial(n, STAY.powi((t - y) as i32)));
            }
            let posts = plan.years[t].offices[0].figures.posts_needed as usize;
            staff.iter().take(posts).sum()
        })
        .collect()
}

fn arrivals(plan: &MultiYearPlan) -> Vec<u64> {
    plan.years
        .iter()
        .map(|y| y.offices[0].figures.hires_arriving)
        .collect()
}

#[test]
fn p_short_is_the_exact_binomial_chance_for_lags_0_1_and_2() {
    for lag in 0..=2 {
        let plan = plan(lag, None, RUNS);
        let posts: Vec<u64> = plan
            .years
            .iter()
            .map(|y| y.offices[0].figures.posts_needed)
            .collect();
        assert_eq!(posts, vec![20, 21, 23, 24, 25]);
        let exact = exact_short(&plan, &arrivals(&plan));
        for (year, p) in plan.years.iter().zip(&exact) {
            let got = year.offices[0].figures.p_short;
            let error = 4.0 * (p * (1.0 - p) / f64::from(RUNS)).sqrt() + 1e-9;
            assert!(
                (got - p).abs() <= error,
                "lag {lag}, {}: p_short {got} against the exact {p} ± {error}",
                year.year
            );
            // One office: some office short is that office short.
            assert_eq!(year.total.p_short, got);
        }
        // Gap 0 in expectation is still a real chance of being short: the expected plan's
        // last year, lag or not, is short in a quarter of the outcomes or more.
        assert!(exact[4] > 0.25, "lag {lag}: {exact:?}");
    }
}

#[test]
fn with_confidence_the_exact_chance_of_being_short_is_at_most_one_minus_p() {
    for lag in 0..=2usize {
        let expected = plan(lag as u32, None, 10);
        let confident = plan(lag as u32, Some(0.9), 10);
        assert_eq!(confident.confidence, Some(0.9));
        let arriving = arrivals(&confident);
        let exact = exact_short(&confident, &arriving);
        for (t, p) in exact.iter().enumerate() {
            // Before the first hire can arrive the office has what it has.
            if t >= lag {
                assert!(*p <= 0.1 + 1e-12, "lag {lag}, year {t}: {exact:?}");
            }
        }
        assert!(
            arriving.iter().sum::<u64>() > arrivals(&expected).iter().sum::<u64>(),
            "lag {lag}: confidence must cost hires"
        );
        // The hires are the least that do it: one fewer in the last year and that year is
        // short in more than 10 % of the outcomes.
        let mut fewer = arriving.clone();
        fewer[4] -= 1;
        let short = exact_short(&confident, &fewer);
        assert!(short[4] > 0.1, "lag {lag}: {short:?}");
    }
}
