//! Ranges, the tornado, the Monte Carlo and the confidence level (SPEC §9) against closed
//! forms worked out here: the triangular distribution's mean (a + b + c)/3 and its quantile
//! function, on one office whose only uncertain figure is the hours of its one work type.
//!
//! The calendar gives 2,000 casework hours a year (250 days of 8 hours), the target is 0.8,
//! and 100 items a year arrive: the FTE need is hours ÷ 20 and the posts needed ⌈hours ÷ 16⌉.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{scenario, CALENDAR};

use staffplan::model::Scenario;
use staffplan::optimise;
use staffplan::sensitivity::{self, Holding, Options};

/// One office of `staff` people, 100 items a year of work whose hours are `hours` (TOML).
fn one_office(hours: &str, staff: u32) -> Scenario {
    scenario(&format!(
        r#"{CALENDAR}
[policy]
target_utilisation = 0.8
[[office]]
id = "desk"
name = "Desk"
staff = {{ regular = {staff} }}
[[work]]
id = "case"
name = "Case"
office = "desk"
volume = 100
hours = {hours}
cv = 0.5
"#
    ))
}

/// The triangular quantile function, written from its definition: the distribution function
/// is (x − a)² / ((b − a)(c − a)) up to the mode c and 1 − (b − x)² / ((b − a)(b − c)) above.
fn triangular_quantile(p: f64, a: f64, c: f64, b: f64) -> f64 {
    if p <= (c - a) / (b - a) {
        a + (p * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - p) * (b - a) * (b - c)).sqrt()
    }
}

/// The triangular density at x.
fn triangular_density(x: f64, a: f64, c: f64, b: f64) -> f64 {
    if x <= c {
        2.0 * (x - a) / ((b - a) * (c - a))
    } else {
        2.0 * (b - x) / ((b - a) * (b - c))
    }
}

const RANGE: &str = "{ low = 100, likely = 160, high = 400 }";
const A: f64 = 100.0;
const C: f64 = 160.0;
const B: f64 = 400.0;

#[test]
fn the_likely_value_is_the_scenario_and_the_range_is_recorded() {
    let s = one_office(RANGE, 10);
    assert_eq!(s.works[0].hours, 160.0);
    assert_eq!(s.uncertain.len(), 1);
    let u = &s.uncertain[0];
    assert_eq!(
        (u.path.as_str(), u.low, u.likely, u.high),
        ("work.case.hours", A, C, B)
    );
}

#[test]
fn a_range_with_low_equal_to_high_changes_nothing() {
    let exact = one_office("160", 10);
    let range = one_office("{ low = 160, likely = 160, high = 160 }", 10);
    assert_eq!(exact, range);
    assert!(range.uncertain.is_empty());
    let result = sensitivity::sensitivity(&range, &Options::default()).unwrap();
    assert!(result.tornado.is_empty());
    // Every draw is the scenario itself: 160 h × 100 ÷ 2,000 h = 8 FTE, 8 ÷ 0.8 = 10 posts.
    let total = result.total;
    assert_eq!([total.fte_need.p5, total.fte_need.p95], [8.0, 8.0]);
    assert_eq!(
        [total.posts_needed.p5, total.posts_needed.p95],
        [10.0, 10.0]
    );
}

#[test]
fn tornado_is_the_organisation_at_low_and_at_high() {
    let s = one_office(RANGE, 10);
    let rows = sensitivity::tornado(&s);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    // 100 items × 100 h ÷ 2,000 h = 5 FTE, ⌈5 ÷ 0.8⌉ = ⌈6.25⌉ = 7 posts; 400 h: 20 FTE, 25 posts.
    assert_eq!((r.fte_need_low, r.fte_need_high), (5.0, 20.0));
    assert_eq!((r.posts_needed_low, r.posts_needed_high), (7, 25));
    assert_eq!((r.low, r.likely, r.high), (A, C, B));
}

#[test]
fn tornado_is_sorted_by_swing() {
    let s = scenario(&format!(
        r#"{CALENDAR}
[[office]]
id = "desk"
name = "Desk"
staff = {{ regular = 10 }}
[[work]]
id = "small"
name = "Small"
office = "desk"
volume = {{ low = 9, likely = 10, high = 12 }}
hours = 10
[[work]]
id = "large"
name = "Large"
office = "desk"
volume = 100
hours = {RANGE}
"#
    ));
    let rows = sensitivity::tornado(&s);
    let inputs: Vec<&str> = rows.iter().map(|r| r.input.as_str()).collect();
    // Swings: small.volume 3 items × 10 h = 30 h; large.hours 300 h × 100 items = 30,000 h.
    assert_eq!(inputs, ["work.large.hours", "work.small.volume"]);
    assert!((rows[1].swing() - 30.0 / 2000.0).abs() < 1e-12);
}

#[test]
fn monte_carlo_mean_and_p90_match_the_triangular_closed_form() {
    let s = one_office(RANGE, 10);
    let draws = 20_000;
    let options = Options {
        draws,
        seed: 7,
        threads: None,
    };
    let result = sensitivity::sensitivity(&s, &options).unwrap();
    let fte = result.total.fte_need;
    let n = f64::from(draws);
    // Mean: (a + b + c) / 3 = 220 h → 11 FTE; its standard error σ/√n with the triangular
    // variance (a² + b² + c² − ab − ac − bc) / 18, in FTE (÷ 20).
    let mean = (A + B + C) / 3.0 / 20.0;
    let sd = ((A * A + B * B + C * C - A * B - A * C - B * C) / 18.0).sqrt() / 20.0;
    assert!(
        (fte.mean - mean).abs() < 4.0 * sd / n.sqrt(),
        "{}",
        fte.mean
    );
    // p90: 400 − √(0.1 × 300 × 240) = 315.15 h → 15.76 FTE; the sample quantile's standard
    // error is √(p(1 − p)/n) ÷ density.
    let x90 = triangular_quantile(0.9, A, C, B);
    let se = (0.9 * 0.1 / n).sqrt() / triangular_density(x90, A, C, B) / 20.0;
    assert!(
        (fte.p90 - x90 / 20.0).abs() < 4.0 * se,
        "{} {}",
        fte.p90,
        x90 / 20.0
    );
    // Posts: ⌈315.15 / 16⌉ = 20, far from the steps at 304 and 320 hours.
    assert_eq!(result.total.posts_needed.p90, (x90 / 16.0).ceil());
    assert_eq!(result.offices[0].posts_needed.p90, 20.0);
    // p5 and p50 the same way.
    for (p, q) in [(0.05, fte.p5), (0.5, fte.p50)] {
        let x = triangular_quantile(p, A, C, B);
        let se = (p * (1.0 - p) / n).sqrt() / triangular_density(x, A, C, B) / 20.0;
        assert!(
            (q - x / 20.0).abs() < 4.0 * se,
            "p{p}: {q} against {}",
            x / 20.0
        );
    }
}

#[test]
fn same_seed_same_bytes_on_one_and_two_threads() {
    let s = one_office(RANGE, 10);
    let json = |threads| {
        let options = Options {
            draws: 3000,
            seed: 11,
            threads: Some(threads),
        };
        serde_json::to_string(&sensitivity::sensitivity(&s, &options).unwrap()).unwrap()
    };
    assert_eq!(json(1), json(2));
    let other = Options {
        draws: 3000,
        seed: 12,
        threads: Some(2),
    };
    let other = serde_json::to_string(&sensitivity::sensitivity(&s, &other).unwrap()).unwrap();
    assert_ne!(json(2), other, "another seed must give other draws");
}

/// Headcount the optimiser gives the one office of `s`.
fn optimised(s: &Scenario) -> u32 {
    let recommendation = optimise::optimise(s, &optimise::Options::default()).unwrap();
    recommendation.after.offices[0].headcount()
}

#[test]
fn a_confidence_level_raises_the_headcount_where_the_closed_form_says() {
    // Hours 150..160..180: at the likely 160 h, 8 FTE and exactly 10 posts. In 90% of the
    // years the hours are at most 180 − √(0.1 × 30 × 20) = 172.25, which needs
    // ⌈172.25 / 16⌉ = 11 posts; in 30% at most 150 + √(0.3 × 30 × 10) = 159.49 h: 10 posts.
    let (a, c, b) = (150.0, 160.0, 180.0);
    let s = one_office("{ low = 150, likely = 160, high = 180 }", 10);
    let options = Options {
        draws: 4000,
        seed: 1,
        threads: None,
    };
    assert_eq!(optimised(&s), 10);
    for (level, posts) in [(0.9, 11), (0.3, 10)] {
        let closed_form = (triangular_quantile(level, a, c, b) / 16.0).ceil() as u32;
        assert_eq!(closed_form, posts);
        let at = sensitivity::at_confidence(&s, level, Holding::Joint, &options).unwrap();
        let recommendation = optimise::optimise(&at, &optimise::Options::default()).unwrap();
        assert_eq!(
            recommendation.after.offices[0].headcount(),
            posts,
            "level {level}"
        );
        let met = sensitivity::met_share(&s, &recommendation.after, &options).unwrap();
        assert!(
            met.offices[0] >= level,
            "level {level}: met in {}",
            met.offices[0]
        );
        assert_eq!(met.all, met.offices[0], "one office: joint is the office");
    }
    // One post fewer than the 90% plan meets the target in fewer than 90% of the draws: the
    // level buys exactly the post it must.
    let mut fewer = s.clone();
    fewer.offices[0].staff = vec![10];
    let met = sensitivity::met_share(&s, &fewer, &options).unwrap();
    assert!(met.offices[0] < 0.9, "{}", met.offices[0]);
}

#[test]
fn a_draw_is_the_scenario_with_the_range_replaced() {
    let s = one_office(RANGE, 10);
    let mut draw = s.clone();
    sensitivity::draw_into(&s, &mut draw, 1, 0);
    let hours = draw.works[0].hours;
    assert!((A..=B).contains(&hours) && hours != C);
    // Only the uncertain figure moved.
    draw.works[0].hours = C;
    assert_eq!(draw, s);
}

/// Four independent offices, each 100 items a year of its own work whose hours are
/// 1500..1600..1800: posts needed = hours ÷ 16, drawn independently office by office.
fn four_offices() -> Scenario {
    let mut text = format!("{CALENDAR}\n[policy]\ntarget_utilisation = 0.8\n");
    for i in 0..4 {
        text.push_str(&format!(
            r#"[[office]]
id = "o{i}"
name = "Office {i}"
staff = {{ regular = 100 }}
[[work]]
id = "w{i}"
name = "Work {i}"
office = "o{i}"
volume = 100
hours = {{ low = 1500, likely = 1600, high = 1800 }}
cv = 0.5
"#
        ));
    }
    scenario(&text)
}

/// Headcounts the optimiser gives `s` at `level`, and how often they hold over the draws.
fn staffed_at(
    s: &Scenario,
    level: f64,
    holding: Holding,
    options: &Options,
) -> (Vec<u32>, sensitivity::Met) {
    let at = sensitivity::at_confidence(s, level, holding, options).unwrap();
    let plan = optimise::optimise(&at, &optimise::Options::default())
        .unwrap()
        .after;
    let met = sensitivity::met_share(s, &plan, options).unwrap();
    (plan.offices.iter().map(|o| o.headcount()).collect(), met)
}

/// The share of the draws in which every office holds against the product of the offices'
/// shares: the offices' draws are independent, so the two agree within Monte Carlo error.
fn assert_independent(met: &sensitivity::Met, draws: f64) {
    let product: f64 = met.offices.iter().product();
    let error = 4.0 * (product * (1.0 - product) / draws).sqrt() + 0.005;
    assert!(
        (met.all - product).abs() <= error,
        "every office at once {} against the product {product} ± {error}",
        met.all
    );
}

#[test]
fn a_joint_confidence_holds_for_every_office_at_once() {
    let s = four_offices();
    let options = Options {
        draws: 4000,
        seed: 3,
        threads: None,
    };
    // Office by office at 0.9: the 90% quantile of the hours is 1800 − √(0.1 × 300 × 200)
    // = 1722.5, ⌈1722.5 ÷ 16⌉ = 108 posts, which hold where the hours are at most 1728: in
    // 1 − 72² ÷ 60000 = 91.36% of the draws each, and all four at once in 0.9136⁴ = 69.7%.
    let (posts, met) = staffed_at(&s, 0.9, Holding::PerOffice, &options);
    assert_eq!(posts, vec![108; 4]);
    for &share in &met.offices {
        assert!((share - 0.9136).abs() < 0.02, "{share}");
    }
    assert!((met.all - 0.9136f64.powi(4)).abs() < 0.03, "{}", met.all);
    assert!(met.all < 0.9);
    assert_independent(&met, 4000.0);
    // Jointly: every office at once in at least 90% of the draws, never fewer posts than
    // office by office. Each office's share must be about 0.9^(1/4) = 97.4%: the hours'
    // 97.4% quantile is 1800 − √(0.026 × 60000) = 1760.5, on the edge of 110 posts (1760 h)
    // and 111, where the draws' own quantile falls either side.
    let (joint, met_joint) = staffed_at(&s, 0.9, Holding::Joint, &options);
    assert!(met_joint.all >= 0.9, "{}", met_joint.all);
    for (j, p) in joint.iter().zip(&posts) {
        assert!(j >= p, "joint {joint:?} against office by office {posts:?}");
    }
    assert!(joint.iter().all(|p| (110..=111).contains(p)), "{joint:?}");
    assert_independent(&met_joint, 4000.0);
}
