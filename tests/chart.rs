//! The chart module from outside: every chart renders to a PNG of the stated size and to an
//! SVG with its names as text, Chinese renders as Chinese (not as the font's missing-glyph
//! box), reruns are byte-identical and bad or empty inputs never panic.
//!
//! To look at the sample charts: `STAFFPLAN_CHART_SAMPLES=some/dir cargo test --test chart
//! -- --ignored write_samples`.

// Helpers outside #[test] functions unwrap too: a failure there is a test failure.
#![allow(clippy::unwrap_used)]

use staffplan::chart::{
    png, svg, Band, BandChart, BandPanel, BeforeAfter, Caption, Chart, ChartError, Stacked, Target,
    Tornado, TornadoRow,
};
use staffplan::model::Language;
use staffplan::report::words::chart_words;

const OFFICES: [&str; 8] = [
    "综合室",
    "党风政风监督室",
    "纪检监察室",
    "案件审理室",
    "审计局综合科",
    "审计中心",
    "第一派驻纪检组",
    "第二派驻纪检组",
];

fn caption() -> Caption {
    Caption {
        scenario: "daqing-2017 大庆高新区".into(),
        seed: Some(20180115),
        date: Some("2018-01-15".into()),
    }
}

fn caseload() -> Chart {
    let before = [610.0, 1480.0, 2150.0, 1320.0, 990.0, 2380.0, 0.0, 0.0];
    let after = [610.0, 1110.0, 1290.0, 1060.0, 990.0, 1430.0, 1210.0, 1180.0];
    let items = |hours: &[f64]| -> Vec<String> {
        hours
            .iter()
            .map(|h| format!("{h:.0} 小时 · {:.1} 件", h / 96.0))
            .collect()
    };
    Chart::BeforeAfter(BeforeAfter {
        title: "人均工作量（现状与方案）".into(),
        value_label: "每人每年办案工时（小时）".into(),
        categories: OFFICES.iter().map(|s| s.to_string()).collect(),
        before_labels: items(&before),
        after_labels: items(&after),
        before: before.to_vec(),
        after: after.to_vec(),
        target: Some(Target {
            value: 1496.0,
            label: "年度工作值 1 496 小时".into(),
        }),
        series_names: None,
    })
}

fn utilisation() -> Chart {
    let before = vec![41.0, 99.0, 144.0, 88.0, 66.0, 159.0, 0.0, 0.0];
    let after = vec![41.0, 74.0, 86.0, 71.0, 66.0, 96.0, 81.0, 79.0];
    Chart::BeforeAfter(BeforeAfter {
        title: "Utilisation of casework capacity".into(),
        value_label: "utilisation (% of casework hours)".into(),
        categories: OFFICES.iter().map(|s| s.to_string()).collect(),
        before_labels: before.iter().map(|v| format!("{v:.0} %")).collect(),
        after_labels: after.iter().map(|v| format!("{v:.0} %")).collect(),
        before,
        after,
        target: Some(Target {
            value: 85.0,
            label: "target 85 %".into(),
        }),
        series_names: Some(["today".into(), "proposal".into()]),
    })
}

fn backlog(panels: usize) -> Chart {
    let days: Vec<f64> = (0..=50).map(|w| f64::from(w) * 5.0).collect();
    let series = |name: &str, growth: f64, spread: f64| Band {
        name: name.into(),
        median: days.iter().map(|d| growth * d).collect(),
        p5: days.iter().map(|d| (growth - spread) * d).collect(),
        p95: days.iter().map(|d| (growth + spread) * d).collect(),
    };
    Chart::Band(BandChart {
        title: "积压案件（中位数与 5%–95% 区间）".into(),
        x_label: "工作日".into(),
        y_label: "积压（件）".into(),
        panels: OFFICES
            .iter()
            .take(panels)
            .enumerate()
            .map(|(i, office)| BandPanel {
                title: office.to_string(),
                bands: vec![
                    series("现状", 0.05 * (i as f64 + 1.0), 0.02),
                    series("方案", 0.004 * (i as f64 + 1.0), 0.003),
                ],
            })
            .collect(),
        x: days,
        ..BandChart::default()
    })
}

fn allocation() -> Chart {
    let units = |names: &[&str], load: f64| -> Vec<(String, f64)> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), load * (1.0 + 0.3 * i as f64)))
            .collect()
    };
    Chart::Stacked(Stacked {
        title: "派驻纪检组的工作量（按被监督单位）".into(),
        value_label: "每年工时（小时）".into(),
        groups: vec![
            "第一派驻纪检组".into(),
            "第二派驻纪检组".into(),
            "第三派驻纪检组".into(),
        ],
        segments: vec![
            units(&["经济发展局", "财政局", "建设局", "规划局"], 260.0),
            units(&["社会事业局", "教育局", "卫生局"], 330.0),
            units(
                &[
                    "高新区第一党委",
                    "高新区第二党委",
                    "创业中心",
                    "投资公司",
                    "物业公司",
                ],
                120.0,
            ),
        ],
        capacity: Some(vec![2992.0, 2992.0, 2992.0]),
    })
}

fn tornado() -> Chart {
    let row = |name: &str, at_low: f64, at_high: f64, low: &str, high: &str| TornadoRow {
        name: name.into(),
        at_low,
        at_high,
        low_label: low.into(),
        high_label: high.into(),
    };
    Chart::Tornado(Tornado {
        title: "哪些假设影响结论".into(),
        value_label: "全机构所需人力(FTE)".into(),
        likely: 18.8,
        low_name: "该项取低值".into(),
        high_name: "该项取高值".into(),
        likely_name: "各项均取最可能值:18.8".into(),
        rows: vec![
            row("纪律审查:每件工时", 17.9, 20.7, "160", "400"),
            row("非办案事务时间占比", 17.7, 20.1, "0.15", "0.25"),
            row("信访举报受理:每件工时", 18.8, 19.0, "3", "6"),
        ],
    })
}

fn all_charts() -> Vec<(&'static str, Chart)> {
    vec![
        ("caseload_per_person", caseload()),
        ("utilisation", utilisation()),
        ("backlog", backlog(6)),
        ("allocation", allocation()),
        ("tornado", tornado()),
    ]
}

#[test]
fn tornado_names_every_input_and_refuses_a_figure_that_is_not_finite() {
    let text = svg(&tornado(), &caption(), &chart_words(Language::Zh)).unwrap();
    for name in [
        "纪律审查:每件工时",
        "非办案事务时间占比",
        "各项均取最可能值:18.8",
    ] {
        assert!(text.contains(name), "{name}");
    }
    let Chart::Tornado(mut bad) = tornado() else {
        unreachable!()
    };
    bad.rows[1].at_high = f64::NAN;
    assert!(matches!(
        png(&Chart::Tornado(bad), &caption(), &chart_words(Language::Zh)),
        Err(ChartError::Input { .. })
    ));
}

/// Width, height and RGB pixels of a PNG.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
fn every_chart_renders_a_png_of_the_stated_size() {
    for (name, chart) in all_charts() {
        let bytes = png(&chart, &caption(), &chart_words(Language::Zh)).unwrap();
        let (w, h, pixels) = decode(&bytes);
        assert_eq!((w, h), chart.size(), "{name}");
        assert!(w >= 1600 && h >= 900, "{name}: {w}×{h}");
        // Not a blank canvas: a fair share of the pixels is coloured or dark.
        let inked = pixels
            .chunks(3)
            .filter(|p| p.iter().any(|c| *c < 200))
            .count();
        assert!(
            inked > (w * h / 50) as usize,
            "{name}: only {inked} inked pixels"
        );
    }
}

#[test]
fn svg_carries_the_chinese_names_as_text() {
    for (name, chart) in all_charts() {
        let text = svg(&chart, &caption(), &chart_words(Language::Zh)).unwrap();
        assert!(text.starts_with("<svg"), "{name}");
        assert!(text.contains(r#"width="1600""#), "{name}");
        assert!(text.contains("<text"), "{name}");
        assert!(text.contains("daqing-2017 大庆高新区"), "{name}: caption");
        assert!(text.contains("随机种子 20180115"), "{name}: seed");
        assert!(text.contains("2018-01-15"), "{name}: date");
        assert!(text.contains(chart.title()), "{name}: title");
    }
    let text = svg(&caseload(), &caption(), &chart_words(Language::Zh)).unwrap();
    for office in OFFICES {
        assert!(text.contains(&format!("{office}\n</text>")), "{office}");
    }
    let text = svg(&allocation(), &caption(), &chart_words(Language::Zh)).unwrap();
    assert!(text.contains("第三派驻纪检组"));
    assert!(text.contains("财政局"));
}

/// A one-row chart whose only category is `name`.
fn one_row(name: &str) -> Chart {
    Chart::BeforeAfter(BeforeAfter {
        title: "t".into(),
        value_label: "h".into(),
        categories: vec![name.into()],
        before: vec![1.0],
        after: vec![2.0],
        ..BeforeAfter::default()
    })
}

/// Dark pixels in the strip left of the plot, where the category name is drawn.
fn name_strip(chart: &Chart) -> Vec<u8> {
    let (w, _, pixels) =
        decode(&png(chart, &Caption::default(), &chart_words(Language::Zh)).unwrap());
    let row_bytes = 3 * w as usize;
    pixels
        .chunks(row_bytes)
        .skip(150)
        .take(600)
        .flat_map(|row| row[..3 * 200].chunks(3).map(|p| u8::from(p[0] < 128)))
        .collect()
}

#[test]
fn chinese_glyphs_are_drawn_not_missing_glyph_boxes() {
    // A font without CJK would draw every Chinese character as the same .notdef box, so two
    // different names of equal length would give the same pixels; here they must differ.
    let jijian = name_strip(&one_row("纪检"));
    let shenji = name_strip(&one_row("审计"));
    let missing = name_strip(&one_row("\u{10FFFD}\u{10FFFD}"));
    let ink = |strip: &[u8]| strip.iter().filter(|p| **p == 1).count();
    assert!(
        ink(&jijian) > 150,
        "the name left too little ink: {}",
        ink(&jijian)
    );
    assert!(ink(&shenji) > 150);
    assert_ne!(jijian, shenji, "two Chinese names drew the same pixels");
    assert_ne!(jijian, missing, "a Chinese name drew like a missing glyph");
    // Latin letters come from the same font.
    assert!(ink(&name_strip(&one_row("Audit"))) > 100);
}

#[test]
fn reruns_are_byte_identical() {
    for (name, chart) in all_charts() {
        let a = png(&chart, &caption(), &chart_words(Language::En)).unwrap();
        let b = png(&chart, &caption(), &chart_words(Language::En)).unwrap();
        assert!(a == b, "{name}: PNG differs between runs");
        let a = svg(&chart, &caption(), &chart_words(Language::En)).unwrap();
        let b = svg(&chart, &caption(), &chart_words(Language::En)).unwrap();
        assert_eq!(a, b, "{name}: SVG differs between runs");
    }
}

#[test]
fn the_caption_says_only_what_the_caller_gave() {
    let bare = Caption {
        scenario: "demo".into(),
        seed: None,
        date: None,
    };
    let text = svg(&utilisation(), &bare, &chart_words(Language::En)).unwrap();
    assert!(text.contains("Scenario: demo\n</text>"));
    assert!(!text.contains("seed"));
    let text = svg(&utilisation(), &caption(), &chart_words(Language::En)).unwrap();
    assert!(text.contains("seed 20180115"));
    assert!(text.contains("date 2018-01-15"));
}

#[test]
fn empty_charts_say_so_and_still_render() {
    let empty = [
        Chart::BeforeAfter(BeforeAfter {
            title: "no offices".into(),
            ..BeforeAfter::default()
        }),
        Chart::Stacked(Stacked {
            title: "no dispatched groups".into(),
            ..Stacked::default()
        }),
        Chart::Band(BandChart::default()),
        Chart::Band(BandChart {
            x: vec![0.0, 1.0],
            panels: vec![BandPanel::default()],
            ..BandChart::default()
        }),
    ];
    for chart in &empty {
        let (w, h, _) = decode(&png(chart, &caption(), &chart_words(Language::En)).unwrap());
        assert_eq!((w, h), (1600, 900));
        assert!(svg(chart, &caption(), &chart_words(Language::En))
            .unwrap()
            .contains("No data to show"));
        assert!(svg(chart, &caption(), &chart_words(Language::Zh))
            .unwrap()
            .contains("无可显示的数据"));
    }
}

#[test]
fn degenerate_inputs_render_without_panic() {
    let charts = [
        // All zero: the axis still has a length.
        Chart::BeforeAfter(BeforeAfter {
            categories: vec!["a".into(), "b".into()],
            before: vec![0.0, 0.0],
            after: vec![0.0, 0.0],
            ..BeforeAfter::default()
        }),
        // A group with no units, and zero capacity.
        Chart::Stacked(Stacked {
            groups: vec!["g1".into(), "g2".into()],
            segments: vec![vec![], vec![("u".into(), 0.0)]],
            capacity: Some(vec![0.0, 0.0]),
            ..Stacked::default()
        }),
        // One point in time.
        Chart::Band(BandChart {
            x: vec![3.0],
            panels: vec![BandPanel {
                title: String::new(),
                bands: vec![Band {
                    name: "x".into(),
                    median: vec![0.0],
                    p5: vec![0.0],
                    p95: vec![0.0],
                }],
            }],
            ..BandChart::default()
        }),
        // A huge value next to tiny ones, and an enormous name.
        Chart::BeforeAfter(BeforeAfter {
            categories: vec!["名".repeat(300), "b".into()],
            before: vec![1e12, 1e-9],
            after: vec![0.0, 3.0],
            ..BeforeAfter::default()
        }),
    ];
    for chart in &charts {
        let (w, h, _) = decode(&png(chart, &caption(), &chart_words(Language::En)).unwrap());
        assert_eq!((w, h), chart.size());
        svg(chart, &caption(), &chart_words(Language::En)).unwrap();
    }
}

fn forty_offices() -> Chart {
    let names: Vec<String> = (1..=40)
        .map(|i| format!("第{i}派驻纪检组（综合派驻：经济发展局、财政局）"))
        .collect();
    Chart::BeforeAfter(BeforeAfter {
        title: "40 offices".into(),
        value_label: "hours per person".into(),
        before: (1..=40).map(|i| f64::from(i) * 50.0).collect(),
        after: (1..=40).map(|i| f64::from(i) * 40.0).collect(),
        categories: names,
        ..BeforeAfter::default()
    })
}

#[test]
fn forty_offices_grow_the_canvas_and_keep_every_name() {
    let chart = forty_offices();
    let (w, h) = chart.size();
    assert_eq!(w, 1600);
    // 40 rows of at least 60 pixels, plus the frame.
    assert!(h >= 40 * 60, "{h}");
    let (pw, ph, _) = decode(&png(&chart, &caption(), &chart_words(Language::Zh)).unwrap());
    assert_eq!((pw, ph), (w, h));
    let text = svg(&chart, &caption(), &chart_words(Language::Zh)).unwrap();
    for i in [1, 17, 40] {
        assert!(text.contains(&format!("第{i}派驻纪检组")), "{i}");
    }
    // Bar labels default to the values.
    assert!(text.contains(">\n2 000\n</text>") || text.contains("2 000\n</text>"));
}

#[test]
fn inconsistent_inputs_are_clear_errors() {
    let short = Chart::BeforeAfter(BeforeAfter {
        title: "short".into(),
        categories: vec!["a".into(), "b".into()],
        before: vec![1.0],
        after: vec![1.0, 2.0],
        ..BeforeAfter::default()
    });
    let error = png(&short, &caption(), &chart_words(Language::En)).unwrap_err();
    assert!(matches!(error, ChartError::Input { .. }));
    assert!(error
        .to_string()
        .contains("before has 1 values but there are 2 rows"));

    let not_a_number = Chart::Stacked(Stacked {
        title: "nan".into(),
        groups: vec!["g".into()],
        segments: vec![vec![("u".into(), f64::NAN)]],
        ..Stacked::default()
    });
    let error = svg(&not_a_number, &caption(), &chart_words(Language::En)).unwrap_err();
    assert!(
        error.to_string().contains("loads of g[0] is NaN"),
        "{error}"
    );

    let backwards = Chart::Band(BandChart {
        title: "time runs backwards".into(),
        x: vec![2.0, 1.0],
        ..BandChart::default()
    });
    assert!(png(&backwards, &caption(), &chart_words(Language::En)).is_err());

    let negative = Chart::BeforeAfter(BeforeAfter {
        categories: vec!["a".into()],
        before: vec![-1.0],
        after: vec![1.0],
        ..BeforeAfter::default()
    });
    assert!(png(&negative, &caption(), &chart_words(Language::En)).is_err());
}

/// Writes every sample chart as PNG and SVG into $STAFFPLAN_CHART_SAMPLES, to look at.
#[test]
#[ignore = "writes files for a person to look at; see the module doc"]
fn write_samples() {
    let dir = std::path::PathBuf::from(std::env::var("STAFFPLAN_CHART_SAMPLES").unwrap());
    std::fs::create_dir_all(&dir).unwrap();
    let mut charts = all_charts();
    charts.push(("backlog_one_panel", backlog(1)));
    charts.push(("backlog_eight_panels", backlog(8)));
    charts.push(("forty_offices", forty_offices()));
    for (name, chart) in charts {
        for language in [Language::Zh, Language::En] {
            let suffix = if language == Language::Zh { "zh" } else { "en" };
            std::fs::write(
                dir.join(format!("{name}.{suffix}.png")),
                png(&chart, &caption(), &chart_words(language)).unwrap(),
            )
            .unwrap();
            std::fs::write(
                dir.join(format!("{name}.{suffix}.svg")),
                svg(&chart, &caption(), &chart_words(language)).unwrap(),
            )
            .unwrap();
        }
    }
}
