//! The peer benchmark's figures against hand calculations (SPEC §12): totals, the three ratios,
//! nulls where a ratio has no denominator, and items per person of the work types the
//! organisations share, matched by id or by name.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use staffplan::analysis::analyse;
use staffplan::benchmark::{benchmark, Benchmark, Peer};
use staffplan::export::Exportable;
use staffplan::scenario::parse;

/// Calendar defaults (H = 1598). Volumes: petition 100 direct + 5 from unit u3 = 105, lead
/// 0.5 × 105 = 52.5, supervision 10 + 20 = 30 at group g1. Required hours:
/// 105 × 4 + 52.5 × 10 + 30 × 6 = 420 + 525 + 180 = 1125. Staff 4 + 2 = 6; units 3; members
/// 300 + 100 = 400 (u3 states none).
const ZONE: &str = include_str!("fixtures/zone.toml");

/// No units, no members. Its petition work has another id but the same name ("Petition");
/// its lead work the same id but another name. Volumes: 60 complaints, 0.25 × 60 = 15 leads;
/// required hours 60 × 4 + 15 × 10 = 390; staff 3.
const OFFICE: &str = include_str!("fixtures/office.toml");

/// Nobody on staff: every ratio over staff is null.
const NOBODY: &str = r#"
[scenario]
name = "Nobody"
[staff.clerk]
cost = 50000
[[office]]
id = "office"
name = "Office"
[[work]]
id = "petition"
name = "Petition"
office = "office"
volume = 10
hours = 2
"#;

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

fn bench(texts: &[(&str, &str)]) -> Benchmark {
    let scenarios: Vec<_> = texts
        .iter()
        .map(|(file, text)| parse(text, file).unwrap().scenario)
        .collect();
    let analyses: Vec<_> = scenarios.iter().map(analyse).collect();
    let peers: Vec<Peer<'_>> = texts
        .iter()
        .zip(&scenarios)
        .zip(&analyses)
        .map(|(((file, _), scenario), analysis)| Peer {
            file,
            scenario,
            analysis,
        })
        .collect();
    benchmark(&peers)
}

#[test]
fn ratios_by_hand() {
    let b = bench(&[("zone.toml", ZONE), ("office.toml", OFFICE)]);
    let zone = &b.rows[0];
    assert_eq!(zone.file, "zone.toml");
    assert_eq!(zone.name, "Zone");
    assert_eq!(zone.staff, 6);
    assert_eq!(zone.units, 3);
    assert_eq!(zone.members, Some(400));
    assert_eq!(zone.units_with_members, 2);
    close(zone.required_hours, 1125.0);
    close(zone.fte_need, 1125.0 / 1598.0);
    // Section: 945 h ÷ (1598 × 0.85) = 0.70 → 1 post; group: 180 h → 1 post.
    assert_eq!(zone.posts_needed, 2);
    close(zone.staff_per_unit.unwrap(), 6.0 / 3.0);
    close(zone.staff_per_1000_members.unwrap(), 6.0 / 400.0 * 1000.0);
    close(zone.hours_per_person.unwrap(), 1125.0 / 6.0);
    assert_eq!(zone.uncovered_units, 0);

    let office = &b.rows[1];
    assert_eq!(office.staff, 3);
    assert_eq!(office.units, 0);
    close(office.required_hours, 390.0);
    assert_eq!(office.staff_per_unit, None);
    assert_eq!(office.members, None);
    assert_eq!(office.staff_per_1000_members, None);
    close(office.hours_per_person.unwrap(), 130.0);
}

#[test]
fn shared_work_is_matched_by_id_or_name() {
    let b = bench(&[("zone.toml", ZONE), ("office.toml", OFFICE)]);
    let ids: Vec<(&str, &[String])> = b
        .shared
        .iter()
        .map(|s| (s.id.as_str(), s.ids.as_slice()))
        .collect();
    assert_eq!(
        ids,
        vec![
            (
                "petition",
                &["petition".to_string(), "complaints".to_string()][..]
            ),
            ("lead", &["lead".to_string(), "lead".to_string()][..]),
        ]
    );
    // Zone: 105 petitions and 52.5 leads over 6 people; Office: 60 and 15 over 3.
    let per = |row: usize, k: usize| b.rows[row].work[k].items_per_person.unwrap();
    close(per(0, 0), 105.0 / 6.0);
    close(per(0, 1), 52.5 / 6.0);
    close(per(1, 0), 20.0);
    close(per(1, 1), 5.0);
    close(b.rows[1].work[0].items, 60.0);
}

#[test]
fn nobody_on_staff_gives_nulls_in_json() {
    let b = bench(&[("nobody.toml", NOBODY), ("office.toml", OFFICE)]);
    let json = b.json(staffplan::report::words::terminal(
        staffplan::model::Language::En,
    ));
    let nobody = &json["scenarios"][0];
    assert_eq!(nobody["file"], "nobody.toml");
    assert_eq!(nobody["staff"], 0);
    assert_eq!(nobody["units"], 0);
    assert!(nobody["members"].is_null());
    assert!(nobody["staff_per_unit"].is_null());
    assert!(nobody["staff_per_1000_members"].is_null());
    assert!(nobody["hours_per_person"].is_null());
    assert_eq!(nobody["required_hours"], 20.0);
    // Petition is shared (by name with "complaints"); nobody does its 10 items per person.
    assert_eq!(nobody["work"][0]["work"], "petition");
    assert_eq!(nobody["work"][0]["items"], 10.0);
    assert!(nobody["work"][0]["items_per_person"].is_null());
    assert_eq!(json["scenarios"][1]["hours_per_person"], 130.0);
}

#[test]
fn uncovered_units_are_counted_with_their_hours() {
    // Group g1 covers nothing: units u1 and u2 bring 30 × 6 = 180 hours that nobody does.
    let text = ZONE.replace("covers = [\"u1\", \"u2\"]\n", "");
    let b = bench(&[("zone.toml", &text), ("office.toml", OFFICE)]);
    assert_eq!(b.rows[0].uncovered_units, 2);
    close(b.rows[0].uncovered_hours, 180.0);
    close(b.rows[0].required_hours, 945.0);
    close(b.rows[0].work[0].items, 105.0);
}

mod chart {
    use staffplan::chart::{png, svg, Caption, Chart, ChartError, Panel, Panels};
    use staffplan::model::Language;
    use staffplan::report::benchmark_chart;
    use staffplan::report::words::chart_words;

    fn caption() -> Caption {
        Caption {
            scenario: "zone.toml, office.toml".into(),
            seed: None,
            date: None,
        }
    }

    fn panels(series: usize) -> Chart {
        Chart::Panels(Panels {
            title: "Peers".into(),
            series: (0..series)
                .map(|i| format!("第{i}个组织 organisation"))
                .collect(),
            panels: vec![
                Panel {
                    title: "staff per unit".into(),
                    values: (0..series).map(|i| Some(i as f64 * 0.5)).collect(),
                    decimals: 2,
                },
                Panel {
                    title: "staff per 1,000 members".into(),
                    values: (0..series).map(|_| None).collect(),
                    decimals: 2,
                },
                Panel {
                    title: "hours per person".into(),
                    values: (0..series).map(|i| Some(800.0 + i as f64)).collect(),
                    decimals: 1,
                },
            ],
            missing: "no data".into(),
        })
    }

    #[test]
    fn the_benchmark_chart_has_a_panel_per_ratio_and_shared_work() {
        let b = super::bench(&[("zone.toml", super::ZONE), ("office.toml", super::OFFICE)]);
        let Chart::Panels(chart) = benchmark_chart(&b) else {
            panic!("the benchmark chart is small multiples");
        };
        let titles: Vec<&str> = chart.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "staff per supervised unit",
                "staff per 1,000 party members",
                "required hours per person",
                "Petition: items a year per person",
                "Lead: items a year per person",
            ]
        );
        assert_eq!(chart.series, ["Zone", "Office"]);
        assert_eq!(chart.panels[0].values, [Some(2.0), None]);
        assert_eq!(chart.panels[4].values, [Some(8.75), Some(5.0)]);
    }

    #[test]
    fn panels_render_at_their_size_and_identically_twice() {
        for series in [1, 3, 12] {
            let chart = panels(series);
            let first = png(&chart, &caption(), &chart_words(Language::Zh)).unwrap();
            assert_eq!(
                first,
                png(&chart, &caption(), &chart_words(Language::Zh)).unwrap()
            );
            let decoder = ::png::Decoder::new(std::io::Cursor::new(&first));
            let info = decoder.read_info().unwrap();
            let (w, h) = chart.size();
            assert_eq!((info.info().width, info.info().height), (w, h));
            let text = svg(&chart, &caption(), &chart_words(Language::Zh)).unwrap();
            assert_eq!(text.matches("\nno data\n").count(), series);
        }
        // Six more bars in each of two rows of panels (46 pixels each), and twelve legend
        // entries that wrap onto three rows of four instead of two (40 pixels a row).
        assert_eq!(panels(12).size().1, panels(6).size().1 + 2 * 6 * 46 + 40);
    }

    /// Writes the twelve-organisation chart to look at: `STAFFPLAN_CHART_SAMPLES=dir cargo test
    /// --test benchmark -- --ignored write_sample`.
    #[test]
    #[ignore = "writes a file for a person to look at"]
    fn write_sample() {
        let dir = std::path::PathBuf::from(std::env::var("STAFFPLAN_CHART_SAMPLES").unwrap());
        std::fs::create_dir_all(&dir).unwrap();
        let chart = png(&panels(12), &caption(), &chart_words(Language::Zh)).unwrap();
        std::fs::write(dir.join("panels-12.png"), chart).unwrap();
    }

    #[test]
    fn bad_panels_are_clear_errors_and_empty_ones_say_so() {
        let Chart::Panels(mut short) = panels(2) else {
            unreachable!()
        };
        short.panels[0].values.pop();
        let error = png(
            &Chart::Panels(short),
            &caption(),
            &chart_words(Language::En),
        )
        .unwrap_err();
        assert!(matches!(error, ChartError::Input { .. }));
        assert!(error
            .to_string()
            .contains("panel \"staff per unit\" has 1 values but there are 2 series"));
        let Chart::Panels(mut negative) = panels(2) else {
            unreachable!()
        };
        negative.panels[2].values[1] = Some(-1.0);
        assert!(svg(
            &Chart::Panels(negative),
            &caption(),
            &chart_words(Language::En)
        )
        .is_err());
        let empty = Chart::Panels(Panels::default());
        assert!(svg(&empty, &caption(), &chart_words(Language::En))
            .unwrap()
            .contains("No data to show"));
    }
}

/// "纪律审查(一室)" and "纪律审查(二室)" are parts of "纪律审查": 10 + 5 items over 3 people.
#[test]
fn parts_of_a_work_type_are_matched_by_their_family_name() {
    let whole = r#"
[scenario]
name = "Whole"
[staff.est]
cost = 1
[[office]]
id = "a"
name = "A"
staff = { est = 2 }
[[work]]
id = "review"
name = "纪律审查"
office = "a"
volume = 8
hours = 10
"#;
    let parts = r#"
[scenario]
name = "Parts"
[staff.est]
cost = 1
[[office]]
id = "b"
name = "B"
staff = { est = 3 }
[[work]]
id = "review_1"
name = "纪律审查(一室)"
office = "b"
volume = 10
hours = 10
[[work]]
id = "review_2"
name = "纪律审查（二室）"
office = "b"
volume = 5
hours = 10
[[work]]
id = "patrol"
name = "巡察(一组)"
office = "b"
volume = 1
hours = 10
"#;
    let b = bench(&[("whole.toml", whole), ("parts.toml", parts)]);
    assert_eq!(b.shared.len(), 1, "巡察 is only the second's");
    assert_eq!(b.shared[0].parts[1], ["review_1", "review_2"]);
    close(b.rows[1].work[0].items, 15.0);
    close(b.rows[1].work[0].items_per_person.unwrap(), 5.0);
    close(b.rows[0].work[0].items_per_person.unwrap(), 4.0);
    assert_eq!(
        staffplan::benchmark::family_name("纪律审查(第一纪检监察室)"),
        "纪律审查"
    );
    assert_eq!(
        staffplan::benchmark::family_name("review (office 2)"),
        "review"
    );
    assert_eq!(
        staffplan::benchmark::family_name("(only brackets)"),
        "(only brackets)"
    );
}
