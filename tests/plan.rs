//! The multi-year plan (SPEC §10) held to hand calculations: the stock-and-flow rules with a
//! hiring lag of 0 and of 1, growth of units' workload as well as direct volume, a quota path
//! and a hiring cap that bind, the Monte Carlo of leavers against the expected plan within its
//! binomial noise, and the same numbers on 1 and 2 threads.
//!
//! Every scenario uses the 8-hour calendar of `common` (H = 250 × 8 = 2000 hours) and a
//! target utilisation of 1, so that posts needed = ⌈required hours ÷ 2000⌉.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::multiyear::{self, MultiYearPlan, PlanOptions};

fn plan_of(staff_keys: &str, rest: &str, runs: u32) -> MultiYearPlan {
    let text = format!("{CALENDAR}{staff_keys}\n[policy]\ntarget_utilisation = 1\n{rest}");
    let options = PlanOptions {
        runs,
        seed: 1,
        threads: Some(1),
    };
    multiyear::plan(&scenario(&text), &options).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// (posts needed, staff before hires, requested, arriving, staff, leavers, gap) of office 0.
type Row = (u64, f64, u64, u64, f64, f64, f64);

fn assert_rows(plan: &MultiYearPlan, expected: &[Row]) {
    assert_eq!(plan.years.len(), expected.len());
    for (y, e) in plan.years.iter().zip(expected) {
        let f = &y.offices[0].figures;
        let got = (
            f.posts_needed,
            f.staff_before_hires,
            f.hires_requested,
            f.hires_arriving,
            f.staff,
            f.leavers,
            f.gap,
        );
        assert!(
            got.0 == e.0
                && close(got.1, e.1)
                && got.2 == e.2
                && got.3 == e.3
                && close(got.4, e.4)
                && close(got.5, e.5)
                && close(got.6, e.6),
            "year {}: {got:?}, expected {e:?}",
            y.year
        );
        // One office: the total is the office.
        assert_eq!(y.total.posts_needed, f.posts_needed);
        assert!(close(y.total.staff, f.staff));
    }
}

/// 300 items of 10 hours growing by half a year: 3000, 4500, 6750 hours → 2, 3, 4 posts.
const GROWING: &str = r#"
[plan]
years = 3
start = 2018

[[office]]
id = "a"
name = "A"
staff = { regular = 2 }

[[work]]
id = "w"
name = "W"
office = "a"
volume = 300
hours = 10
growth = 0.5
"#;

#[test]
fn lag_0_hires_arrive_the_year_they_are_requested() {
    let plan = plan_of("attrition = 0.2\nhiring_lag_years = 0", GROWING, 10);
    // 2018: 2 today, ⌈2 − 2⌉ = 0 hires; 0.2 × 2 = 0.4 leave.
    // 2019: 2 − 0.4 = 1.6 before hires, ⌈3 − 1.6⌉ = 2 hires, staff 3.6, 0.72 leave, gap 0.6.
    // 2020: 3.6 − 0.72 = 2.88, ⌈4 − 2.88⌉ = 2 hires, staff 4.88, 0.976 leave, gap 0.88.
    assert_rows(
        &plan,
        &[
            (2, 2.0, 0, 0, 2.0, 0.4, 0.0),
            (3, 1.6, 2, 2, 3.6, 0.72, 0.6),
            (4, 2.88, 2, 2, 4.88, 0.976, 0.88),
        ],
    );
    assert_eq!(
        plan.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2018, 2019, 2020]
    );
    let required: Vec<f64> = plan
        .years
        .iter()
        .map(|y| y.offices[0].figures.required_hours)
        .collect();
    assert!(close(required[0], 3000.0) && close(required[1], 4500.0) && close(required[2], 6750.0));
    assert_eq!(plan.first_short_year, None);
    assert!(plan.binding.is_empty());
}

#[test]
fn lag_1_hires_are_requested_a_year_ahead_and_none_after_the_last_year() {
    let plan = plan_of("attrition = 0.2\nhiring_lag_years = 1", GROWING, 10);
    // 2018: requested for 2019: ⌈3 − 2 × 0.8⌉ = ⌈1.4⌉ = 2; nothing arrives in 2018.
    // 2019: 1.6 + 2 = 3.6; requested for 2020: ⌈4 − 3.6 × 0.8⌉ = ⌈1.12⌉ = 2.
    // 2020: 2.88 + 2 = 4.88; a request now would arrive in 2021, after the plan: none.
    assert_rows(
        &plan,
        &[
            (2, 2.0, 2, 0, 2.0, 0.4, 0.0),
            (3, 1.6, 2, 2, 3.6, 0.72, 0.6),
            (4, 2.88, 0, 2, 4.88, 0.976, 0.88),
        ],
    );
}

#[test]
fn lag_1_cannot_cover_the_first_year() {
    let plan = plan_of(
        "attrition = 0.2\nhiring_lag_years = 1",
        &GROWING.replace("staff = { regular = 2 }", "staff = { regular = 1 }"),
        10,
    );
    // 2018: 1 against 2 posts: gap −1, and nothing can arrive before 2019.
    // 2018 requests ⌈3 − 0.8⌉ = 3 for 2019: staff 3.8; 2019 requests ⌈4 − 3.04⌉ = 1 for 2020.
    assert_rows(
        &plan,
        &[
            (2, 1.0, 3, 0, 1.0, 0.2, -1.0),
            (3, 0.8, 1, 3, 3.8, 0.76, 0.8),
            (4, 3.04, 0, 1, 4.04, 0.808, 0.04),
        ],
    );
    assert_eq!(plan.first_short_year, Some(2018));
}

#[test]
fn growth_applies_to_units_workload_as_well_as_direct_volume() {
    let plan = plan_of(
        "",
        r#"
[plan]
years = 3

[[office]]
id = "group"
name = "G"
kind = "dispatched_group"
staff = { regular = 3 }
covers = ["u"]

[[office]]
id = "section"
name = "S"
staff = { regular = 1 }

[[unit]]
id = "u"
name = "U"
workload = { supervision = 100, petition = 10 }

[[work]]
id = "supervision"
name = "Supervision"
office = "covering_group"
hours = 20
growth = 0.1

[[work]]
id = "petition"
name = "Petition"
office = "section"
volume = 20
hours = 5
growth = -0.5
"#,
        10,
    );
    // The group: 100 × 1.1^(t−1) items of 20 h from the unit = 2000, 2200, 2420 h.
    // The section: (20 direct + 10 from the unit) × 0.5^(t−1) items of 5 h = 150, 75, 37.5 h.
    let hours: Vec<(f64, f64)> = plan
        .years
        .iter()
        .map(|y| {
            (
                y.offices[0].figures.required_hours,
                y.offices[1].figures.required_hours,
            )
        })
        .collect();
    let expected = [(2000.0, 150.0), (2200.0, 75.0), (2420.0, 37.5)];
    for (got, want) in hours.iter().zip(expected) {
        assert!(
            close(got.0, want.0) && close(got.1, want.1),
            "{got:?} vs {want:?}"
        );
    }
    // 2420 h → ⌈1.21⌉ = 2 posts; the group keeps its 3 and nothing is hired.
    assert_eq!(plan.years[2].offices[0].figures.posts_needed, 2);
    assert_eq!(plan.years[2].total.hires_requested, 0);
    assert!(close(plan.years[2].total.required_hours, 2457.5));

    // The year's organisation itself: the unit's workload and the direct volume grown.
    let base = scenario(&format!(
        "{CALENDAR}\n[[office]]\nid = \"s\"\nname = \"S\"\n[[unit]]\nid = \"u\"\nname = \"U\"\nworkload = {{ w = 10 }}\n[[work]]\nid = \"w\"\nname = \"W\"\noffice = \"s\"\nvolume = 20\nhours = 1\ngrowth = 0.1\n"
    ));
    let year3 = multiyear::year_scenario(&base, 3);
    assert!(close(year3.works[0].volume, 20.0 * 1.21));
    assert!(close(year3.units[0].workload[0].1, 10.0 * 1.21));
    assert_eq!(multiyear::year_scenario(&base, 1), base);
}

#[test]
fn a_quota_path_and_a_hiring_cap_bind() {
    // `regular` (cost 1) is the cheapest; `dear` (cost 2) may be hired two a year.
    // 400 items of 10 h doubling: 4000, 8000, 16000 h → 2, 4, 8 posts.
    let plan = plan_of(
        "[staff.dear]\ncost = 2\nhires_per_year = 2",
        r#"
[plan]
years = 3
start = 2018

[[office]]
id = "a"
name = "A"
staff = { regular = 2 }

[[work]]
id = "w"
name = "W"
office = "a"
volume = 400
hours = 10
growth = 1
"#
        .replace("[plan]", "quota_by_year = { regular = [2, 3, 3] }\n[plan]")
        .as_str(),
        10,
    );
    // 2019: 2 wanted; the quota of 3 regular leaves room for 1, the other is dear.
    // 2020: 4 wanted; no regular room, and the cap gives 2 dear: 6 staff against 8 posts.
    let by_type = |t: usize| -> Vec<(String, u64)> {
        plan.years[t].offices[0]
            .figures
            .hires_requested_by_type
            .clone()
    };
    assert_eq!(by_type(0), [("regular".into(), 0), ("dear".into(), 0)]);
    assert_eq!(by_type(1), [("regular".into(), 1), ("dear".into(), 1)]);
    assert_eq!(by_type(2), [("regular".into(), 0), ("dear".into(), 2)]);
    assert_rows(
        &plan,
        &[
            (2, 2.0, 0, 0, 2.0, 0.0, 0.0),
            (4, 2.0, 2, 2, 4.0, 0.0, 0.0),
            (8, 4.0, 2, 2, 6.0, 0.0, -2.0),
        ],
    );
    assert_eq!(plan.first_short_year, Some(2020));
    let cut: Vec<(u32, &str, &str, u64, u64)> = plan
        .binding
        .iter()
        .map(|b| {
            (
                b.arrival,
                b.staff_type.as_str(),
                b.rule.key(),
                b.wanted,
                b.granted,
            )
        })
        .collect();
    // The 2019 cut of `regular` is covered by `dear`, so only 2020's cuts explain a shortfall.
    assert_eq!(
        cut,
        [
            (2020, "regular", "quota", 4, 0),
            (2020, "dear", "hires_per_year", 4, 2),
        ]
    );
}

/// 20 people, a fifth leaving a year, 4000 items of 10 h = 40,000 h = 20 posts every year.
const STEADY: &str = r#"
[plan]
years = 5

[[office]]
id = "a"
name = "A"
staff = { regular = 20 }

[[work]]
id = "w"
name = "W"
office = "a"
volume = 4000
hours = 10
"#;

#[test]
fn monte_carlo_mean_of_staff_matches_the_expected_plan_within_its_noise() {
    let runs = 4000;
    let plan = plan_of("attrition = 0.2", STEADY, runs);
    // Expected: 20 a year; 4 leave and 4 are hired each year from the second.
    for y in &plan.years {
        let f = &y.offices[0].figures;
        assert!(close(f.staff, 20.0), "{}: {}", y.year, f.staff);
        assert_eq!(f.hires_arriving, if y.index == 1 { 0 } else { 4 });
    }
    // In a run, the people of a cohort of n (today's, or the hires of year a) still there in
    // year b are Binomial(n, 0.8^(b−a)); cohorts are independent, so the staff of year b has
    // variance Σ n p (1 − p), and the mean over the runs has that ÷ runs. Allow 4 standard
    // errors (a chance of about 6 in 100,000 per year to fail by noise; the seed is fixed).
    for y in &plan.years {
        let b = y.index as i32;
        let mut variance = 0.0;
        for earlier in &plan.years[..y.index as usize] {
            let n = if earlier.index == 1 {
                20.0
            } else {
                earlier.offices[0].figures.hires_arriving as f64
            };
            let p = 0.8f64.powi(b - earlier.index as i32);
            variance += n * p * (1.0 - p);
        }
        let standard_error = (variance / f64::from(runs)).sqrt();
        let band = y.offices[0].figures.staff_band;
        assert!(
            (band.mean - 20.0).abs() <= 4.0 * standard_error,
            "year {b}: mean {} against 20 ± {}",
            band.mean,
            4.0 * standard_error
        );
        assert_eq!(band, y.total.staff_band);
        if b > 1 {
            // Nobody has left by year 1; afterwards the band is wide.
            assert!(band.p5 < 20.0 && band.p95 > 20.0, "{band:?}");
        } else {
            assert_eq!((band.p5, band.mean, band.p95), (20.0, 20.0, 20.0));
        }
    }
    // The bound is not empty: year 5's standard error is about 0.043 people.
    let last = &plan.years[4];
    assert!(last.offices[0].figures.staff_band.mean != 20.0);
}

#[test]
fn same_numbers_on_one_and_two_threads_and_the_seed_matters() {
    let text = format!("{CALENDAR}attrition = 0.2\n[policy]\ntarget_utilisation = 1\n{STEADY}");
    let s = scenario(&text);
    let run = |threads: usize, seed: u64| {
        let options = PlanOptions {
            runs: 300,
            seed,
            threads: Some(threads),
        };
        serde_json::to_string(&multiyear::plan(&s, &options).unwrap()).unwrap()
    };
    assert_eq!(run(1, 7), run(2, 7));
    assert_ne!(run(1, 7), run(1, 8));
}

#[test]
fn a_scenario_without_plan_is_refused() {
    let s = scenario(&format!(
        "{CALENDAR}\n[[office]]\nid = \"a\"\nname = \"A\"\n"
    ));
    let error = multiyear::plan(&s, &PlanOptions::default()).unwrap_err();
    assert!(error.to_string().contains("add `[plan]` with `years = 5`"));
}

#[test]
fn a_dearer_type_with_a_longer_lag_waits_for_the_cheaper_one() {
    // `regular` (cost 1) arrives the year it is requested, `dear` (cost 2) a year later. In
    // 2018 only `dear` could be requested for 2019, but `regular` can still be requested in
    // 2019 for 2019: so nothing is requested in 2018, and 2019's hire is `regular`.
    let plan = plan_of(
        "hiring_lag_years = 0\n[staff.dear]\ncost = 2\nhiring_lag_years = 1",
        GROWING,
        10,
    );
    let requested: Vec<Vec<(String, u64)>> = plan
        .years
        .iter()
        .map(|y| y.total.hires_requested_by_type.clone())
        .collect();
    assert_eq!(
        requested,
        [
            vec![("regular".into(), 0), ("dear".into(), 0)],
            vec![("regular".into(), 1), ("dear".into(), 0)],
            vec![("regular".into(), 1), ("dear".into(), 0)],
        ]
    );
    // No attrition: 2, 3, 4 staff against 2, 3, 4 posts.
    assert_rows(
        &plan,
        &[
            (2, 2.0, 0, 0, 2.0, 0.0, 0.0),
            (3, 2.0, 1, 1, 3.0, 0.0, 0.0),
            (4, 3.0, 1, 1, 4.0, 0.0, 0.0),
        ],
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, .. proptest::prelude::ProptestConfig::default() })]

    /// Any mix of attrition, lags, caps, quota paths and growth keeps the rules: the stock
    /// identities hold every year, no year's requests of a type pass its cap, nothing is
    /// requested for after the last year, and no figure is negative or not finite.
    #[test]
    fn the_rules_hold_for_any_plan(
        years in 1u32..8,
        attrition in (0.0f64..0.6, 0.0f64..0.6),
        lag in (0u32..3, 0u32..3),
        cap in (0u32..4, 0u32..4),
        quota in proptest::collection::vec(0u32..12, 8),
        growth in -0.5f64..0.8,
        staff in (0u32..6, 0u32..6),
        volume in 0.0f64..2000.0,
    ) {
        let quota: Vec<String> = quota.iter().map(u32::to_string).collect();
        let text = format!(
            "{CALENDAR}attrition = {}\nhiring_lag_years = {}\nhires_per_year = {}\n\
             [staff.dear]\ncost = 2\nattrition = {}\nhiring_lag_years = {}\nhires_per_year = {}\n\
             [policy]\nquota_by_year = {{ regular = [{}] }}\n[plan]\nyears = {years}\n\
             [[office]]\nid = \"a\"\nname = \"A\"\nstaff = {{ regular = {}, dear = {} }}\n\
             [[office]]\nid = \"b\"\nname = \"B\"\nallowed_staff = [\"dear\"]\n\
             [[work]]\nid = \"w\"\nname = \"W\"\noffice = \"a\"\nvolume = {volume}\nhours = 10\ngrowth = {growth}\n\
             [[work]]\nid = \"v\"\nname = \"V\"\noffice = \"b\"\nvolume = {volume}\nhours = 3\ngrowth = {growth}\n",
            attrition.0, lag.0, cap.0, attrition.1, lag.1, cap.1, quota.join(", "), staff.0, staff.1,
        );
        let plan = multiyear::plan(&scenario(&text), &PlanOptions { runs: 20, seed: 1, threads: Some(1) }).unwrap();
        let caps = [u64::from(cap.0), u64::from(cap.1)];
        let lags = [lag.0, lag.1];
        for (t, y) in plan.years.iter().enumerate() {
            for (k, (_, n)) in y.total.hires_requested_by_type.iter().enumerate() {
                proptest::prop_assert!(*n <= caps[k]);
                if *n > 0 {
                    proptest::prop_assert!(t as u32 + lags[k] < years);
                }
            }
            for (o, office) in y.offices.iter().enumerate() {
                let f = &office.figures;
                proptest::prop_assert!(close(f.staff, f.staff_before_hires + f.hires_arriving as f64));
                proptest::prop_assert!(close(f.gap, f.staff - f.posts_needed as f64));
                proptest::prop_assert!(f.staff_before_hires >= 0.0 && f.leavers >= 0.0);
                proptest::prop_assert!(f.staff_band.p5 <= f.staff_band.p95);
                if let Some(next) = plan.years.get(t + 1) {
                    let b = next.offices[o].figures.staff_before_hires;
                    proptest::prop_assert!(close(b, f.staff - f.leavers));
                }
            }
        }
    }
}

#[test]
fn without_quota_by_year_the_quota_holds_every_year() {
    // `quota = { regular = 3 }`: 2 → 3 posts in 2019 is one hire, 4 posts in 2020 none.
    let plan = plan_of(
        "",
        &GROWING.replace("[plan]", "quota = { regular = 3 }\n[plan]"),
        10,
    );
    assert_rows(
        &plan,
        &[
            (2, 2.0, 0, 0, 2.0, 0.0, 0.0),
            (3, 2.0, 1, 1, 3.0, 0.0, 0.0),
            (4, 3.0, 0, 0, 3.0, 0.0, -1.0),
        ],
    );
    let cut: Vec<(u32, &str, u64, u64)> = plan
        .binding
        .iter()
        .map(|b| (b.arrival, b.rule.key(), b.wanted, b.granted))
        .collect();
    assert_eq!(cut, [(2020, "quota", 1, 0)]);
}

/// The README's figures for the shipped Daqing 2018–2022 scenario (seed 1, 1,000 runs).
#[test]
fn daqing_2018_2022_figures_of_the_readme() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/daqing-2018-2022.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let plan = multiyear::plan(&scenario(&text), &PlanOptions::default()).unwrap();
    let totals: Vec<(u32, u64, String, String)> = plan
        .years
        .iter()
        .map(|y| {
            let t = &y.total;
            (
                y.year,
                t.posts_needed,
                format!("{:.1}", t.staff),
                format!(
                    "{:.0}–{:.0} {:+.1}",
                    t.staff_band.p5, t.staff_band.p95, t.gap
                ),
            )
        })
        .collect();
    let expected = [
        (2018, 33, "32.0", "32–32 -1.0"),
        (2019, 33, "35.3", "33–37 +2.3"),
        (2020, 38, "36.5", "34–39 -1.5"),
        (2021, 41, "38.6", "35–42 -2.4"),
        (2022, 43, "38.7", "35–42 -4.3"),
    ];
    for (got, want) in totals.iter().zip(expected) {
        assert_eq!((got.0, got.1, got.2.as_str(), got.3.as_str()), want);
    }
    // Today's 20 people: the discipline-inspection office's 2 establishment hires arrive a
    // year late, so the plan is short from its first year.
    assert_eq!(plan.first_short_year, Some(2018));
    // The discipline-inspection office: ⌈5883.4 ÷ 1278.4 + 0.5⌉ = 6 posts in 2018 (today's
    // volumes), ten in 2022.
    let inspection = |t: usize| &plan.years[t].offices[1];
    assert_eq!(inspection(0).id, "inspection");
    assert_eq!(inspection(0).figures.posts_needed, 6);
    assert!((inspection(0).figures.required_hours - 5883.4).abs() < 0.1);
    assert_eq!(inspection(4).figures.posts_needed, 10);
    // Within the quotas: from 20 people, 8 establishment hires, 10 contract and the 8
    // seconded posts of the four new groups in 2018.
    let requested: Vec<Vec<u64>> = plan
        .years
        .iter()
        .map(|y| {
            y.total
                .hires_requested_by_type
                .iter()
                .map(|(_, n)| *n)
                .collect()
        })
        .collect();
    assert_eq!(
        requested,
        [[3, 4, 8], [2, 2, 0], [2, 1, 0], [1, 2, 0], [0, 1, 0]]
    );

    // With the establishment and seconded quotas lifted from 2019, the groups grow with
    // their work (12 seconded hires in all); in 2022 the second enterprise group needs 4
    // posts against its max_staff of 3, which once took a seconded hire beyond it (issue 24).
    let open = text
        .replace(
            "establishment = [17, 17, 17, 17, 17]",
            "establishment = [17, 99, 99, 99, 99]",
        )
        .replace(
            "seconded = [8, 8, 8, 8, 8]",
            "seconded = [8, 99, 99, 99, 99]",
        );
    assert_ne!(open, text);
    let plan = multiyear::plan(&scenario(&open), &PlanOptions::default()).unwrap();
    assert_eq!(plan.first_short_year, Some(2018));
    let capped: Vec<(&str, &str, multiyear::CutBy)> = plan
        .binding
        .iter()
        .map(|b| (b.office.as_str(), b.staff_type.as_str(), b.rule))
        .collect();
    assert_eq!(
        capped,
        [
            ("audit", "contract", multiyear::CutBy::Quota),
            ("group-ent-2", "seconded", multiyear::CutBy::MaxStaff),
        ]
    );
    let mut by_type = [0u64; 3];
    for y in &plan.years {
        for (k, (_, n)) in y.total.hires_requested_by_type.iter().enumerate() {
            by_type[k] += n;
        }
    }
    assert_eq!(by_type, [8, 10, 12]);
}

#[test]
fn a_monte_carlo_beyond_its_limit_is_refused_not_run() {
    // 1,000,000 people for 50 years are 5 × 10⁷ person-years a run: 21 runs pass 10⁹.
    let s = scenario(&format!(
        "{CALENDAR}attrition = 0.1\n[plan]\nyears = 50\n[[office]]\nid = \"a\"\nname = \"A\"\nstaff = {{ regular = 1000000 }}\n"
    ));
    let options = |runs| PlanOptions {
        runs,
        seed: 1,
        threads: Some(1),
    };
    let error = multiyear::plan(&s, &options(21)).unwrap_err();
    assert_eq!(
        error,
        multiyear::PlanError::TooManyPersonYears {
            runs: 21,
            per_run: 5e7
        }
    );
    assert!(error
        .to_string()
        .starts_with("--runs 21 × about 50000000 person-years a run are more than the 1e9"));
}
