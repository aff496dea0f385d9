//! The four charts of the pack, built from the results and drawn by `chart`.

use super::words::{chart_words, words};
use super::{Pack, CHART_NAMES, TRAJECTORY_CHART, WORK_TYPE_CHART};
use crate::chart::{self, BandChart, BandPanel, BeforeAfter, Caption, Chart, Stacked, Target};
use crate::error::Error;
use crate::export::Cell;
use crate::simulate::Simulation;
use rayon::prelude::*;

/// Most offices shown in the backlog chart: the ones with the largest backlog.
const BACKLOG_PANELS: usize = 6;

/// A chart of the pack drawn in both formats.
#[derive(Debug)]
pub struct Rendered {
    pub name: &'static str,
    pub png: Vec<u8>,
    pub svg: String,
}

/// Every chart, in the order of [`CHART_NAMES`].
pub fn render(pack: &Pack<'_>) -> Result<Vec<Rendered>, Error> {
    let chart_words = chart_words(pack.before.scenario.language);
    let caption = Caption {
        scenario: pack.before.scenario.name.clone(),
        seed: Some(pack.seed),
        date: pack.date.clone(),
    };
    let charts = [
        caseload(pack),
        utilisation(pack),
        backlog(pack),
        allocation(pack),
    ];
    let work_types = work_types(pack).map(|chart| (WORK_TYPE_CHART, chart));
    let trajectory = trajectory(pack).map(|chart| (TRAJECTORY_CHART, chart));
    let tornado = tornado(pack).map(|chart| (super::content::TORNADO_CHART, chart));
    let peers = pack
        .peers
        .map(|b| (super::BENCHMARK_CHART, super::benchmark_chart(b)));
    let charts: Vec<(&'static str, Chart)> = CHART_NAMES
        .iter()
        .copied()
        .zip(charts)
        .filter(|(name, _)| *name != ALLOCATION_CHART || allocation_shown(pack))
        .chain(work_types)
        .chain(trajectory)
        .chain(tornado)
        .chain(peers)
        .collect();
    // Drawing and compressing a chart is pure and takes a good part of a `run`: the charts
    // are drawn side by side, and collected in their order, so the pack is the same bytes.
    charts
        .into_par_iter()
        .map(|(name, chart)| {
            let fail = |source: chart::ChartError| Error::Chart {
                name: name.to_string(),
                source,
            };
            let png = chart::png(&chart, &caption, &chart_words).map_err(fail)?;
            let svg = chart::svg(&chart, &caption, &chart_words).map_err(fail)?;
            Ok(Rendered { name, png, svg })
        })
        .collect()
}

/// The name of the dispatched groups' chart in [`CHART_NAMES`].
pub(super) const ALLOCATION_CHART: &str = "allocation";

/// Whether the pack has units to allocate: a scenario without supervised units (a court) has
/// no dispatched-group chart or sheet, rather than an empty one.
pub(super) fn allocation_shown(pack: &Pack<'_>) -> bool {
    !pack.before.scenario.units.is_empty() || !pack.after.scenario.units.is_empty()
}

/// The tornado of the scenario's ranges (SPEC §9): the organisation's FTE need with each
/// input at its low and at its high value, inputs named in the scenario's words.
fn tornado(pack: &Pack<'_>) -> Option<Chart> {
    let result = pack.sensitivity?;
    let scenario = pack.before.scenario;
    let w = words(scenario.language);
    let figure = |v: f64| chart::style::number(v, super::content::input_decimals(v));
    let mut rows: Vec<chart::TornadoRow> = result
        .tornado
        .iter()
        .filter_map(|r| {
            let u = scenario.uncertain.get(r.index)?;
            Some(chart::TornadoRow {
                name: super::content::input_name(scenario, u.input, w),
                at_low: r.fte_need_low,
                at_high: r.fte_need_high,
                low_label: figure(r.low),
                high_label: figure(r.high),
            })
        })
        .collect();
    let likely = result.likely.fte_need.mean;
    if rows.len() > chart::TORNADO_ROWS {
        // The chart stays a page whatever the number of ranges: the inputs that move the
        // answer most, then one row with the swings of the rest added on each side (the
        // report's table ranks them all).
        let rest = rows.split_off(chart::TORNADO_ROWS - 1);
        let (down, up) = rest.iter().fold((0.0, 0.0), |(down, up), r| {
            let (a, b) = (r.at_low - likely, r.at_high - likely);
            (down + a.min(b).min(0.0), up + a.max(b).max(0.0))
        });
        rows.push(chart::TornadoRow {
            name: (w.sure.others)(rest.len()),
            at_low: likely + down,
            at_high: likely + up,
            low_label: String::new(),
            high_label: String::new(),
        });
    }
    Some(Chart::Tornado(chart::Tornado {
        title: w.sure.chart.to_string(),
        value_label: w.sure.chart_axis.to_string(),
        likely,
        low_name: w.sure.at_low.to_string(),
        high_name: w.sure.at_high.to_string(),
        likely_name: (w.sure.at_likely)(likely),
        rows,
    }))
}

/// Hours per person doing each work type, before and after, when the two sides organise
/// offices differently (the table of `content::work_type_table`).
fn work_types(pack: &Pack<'_>) -> Option<Chart> {
    let w = words(pack.before.scenario.language);
    let table = super::content::work_type_table(pack, w)?;
    let value = |row: &[Cell], c: usize| match row.get(c) {
        Some(Cell::Num(v, _)) if v.is_finite() => Some(*v),
        _ => None,
    };
    let label = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.0} {}", w.hours_unit));
    Some(Chart::BeforeAfter(BeforeAfter {
        title: w.chart_work_types.to_string(),
        value_label: w.chart_work_types_axis.to_string(),
        categories: table
            .rows
            .iter()
            .map(|r| match r.first() {
                Some(Cell::Text(name)) => name.clone(),
                _ => String::new(),
            })
            .collect(),
        before: table
            .rows
            .iter()
            .map(|r| value(r, 5).unwrap_or(0.0))
            .collect(),
        after: table
            .rows
            .iter()
            .map(|r| value(r, 6).unwrap_or(0.0))
            .collect(),
        before_labels: table.rows.iter().map(|r| label(value(r, 5))).collect(),
        after_labels: table.rows.iter().map(|r| label(value(r, 6))).collect(),
        target: None,
        series_names: Some(series_names(pack)),
    }))
}

fn series_names(pack: &Pack<'_>) -> [String; 2] {
    pack.side_names()
}

/// The after side's bar labels, "closed" for the offices the recommendation closes.
fn after_labels(
    pack: &Pack<'_>,
    pairs: &[super::OfficePair<'_>],
    label: &dyn Fn(Option<&crate::analysis::OfficeAnalysis>) -> String,
) -> Vec<String> {
    let closed = super::words::closed(pack.before.scenario.language);
    pairs
        .iter()
        .map(|p| {
            if pack.closed_after(p.id) {
                closed.to_string()
            } else {
                label(p.after)
            }
        })
        .collect()
}

fn caseload(pack: &Pack<'_>) -> Chart {
    let w = words(pack.before.scenario.language);
    let pairs = pack.office_pairs();
    let hours = |o: Option<&crate::analysis::OfficeAnalysis>| {
        o.and_then(|o| o.hours_per_person).unwrap_or(0.0)
    };
    let label = |o: Option<&crate::analysis::OfficeAnalysis>| match o {
        Some(o) => match (o.hours_per_person, o.items_per_person) {
            (Some(h), Some(i)) => format!("{h:.0} {} · {i:.1} {}", w.hours_unit, w.items),
            _ if o.required_hours > 0.0 => format!("{:.0} {} / 0", o.required_hours, w.hours_unit),
            _ => String::new(),
        },
        None => String::new(),
    };
    Chart::BeforeAfter(BeforeAfter {
        title: w.chart_caseload.to_string(),
        value_label: w.chart_caseload_axis.to_string(),
        categories: pairs.iter().map(|p| p.name.to_string()).collect(),
        before: pairs.iter().map(|p| hours(p.before)).collect(),
        after: pairs.iter().map(|p| hours(p.after)).collect(),
        before_labels: pairs
            .iter()
            .map(|p| today_label(pack, p, label(p.before)))
            .collect(),
        after_labels: after_labels(pack, &pairs, &label),
        target: None,
        series_names: Some(series_names(pack)),
    })
}

/// Today's label of an office's bar: "not done today" where the plan takes on its work.
fn today_label(pack: &Pack<'_>, pair: &super::OfficePair<'_>, label: String) -> String {
    if pack.undone_today(pair) {
        words(pack.before.scenario.language)
            .request
            .not_done
            .to_string()
    } else {
        label
    }
}

fn utilisation(pack: &Pack<'_>) -> Chart {
    let w = words(pack.before.scenario.language);
    let pairs = pack.office_pairs();
    // An office with work and no staff is drawn at the edge of the scale and labelled.
    let cap = 300.0;
    let value = |o: Option<&crate::analysis::OfficeAnalysis>| match o {
        Some(o) => o
            .utilisation
            .map_or(if o.required_hours > 0.0 { cap } else { 0.0 }, |u| {
                (u * 100.0).min(cap)
            }),
        None => 0.0,
    };
    let label = |o: Option<&crate::analysis::OfficeAnalysis>| match o {
        Some(o) => match o.utilisation {
            Some(u) => format!("{:.0}%", u * 100.0),
            None if o.required_hours > 0.0 => "∞".to_string(),
            None => String::new(),
        },
        None => String::new(),
    };
    let target = pack.before.scenario.policy.target_utilisation * 100.0;
    Chart::BeforeAfter(BeforeAfter {
        title: w.chart_utilisation.to_string(),
        value_label: w.chart_utilisation_axis.to_string(),
        categories: pairs.iter().map(|p| p.name.to_string()).collect(),
        before: pairs.iter().map(|p| value(p.before)).collect(),
        after: pairs.iter().map(|p| value(p.after)).collect(),
        before_labels: pairs
            .iter()
            .map(|p| today_label(pack, p, label(p.before)))
            .collect(),
        after_labels: after_labels(pack, &pairs, &label),
        target: Some(Target {
            value: target,
            label: format!("{} {target:.0}%", w.target),
        }),
        series_names: Some(series_names(pack)),
    })
}

/// Median and band of the backlog of the offices with the largest backlog at the year end,
/// before and after, one panel each.
fn backlog(pack: &Pack<'_>) -> Chart {
    let w = words(pack.before.scenario.language);
    let [before_name, after_name] = series_names(pack);
    let (Some(before), after) = (pack.before.simulation, pack.after.simulation) else {
        return Chart::Band(BandChart {
            title: w.chart_backlog.to_string(),
            x_label: w.working_day.to_string(),
            y_label: w.chart_backlog_axis.to_string(),
            ..BandChart::default()
        });
    };
    let x: Vec<f64> = before
        .offices
        .first()
        .map(|o| o.backlog.day.iter().map(|&d| f64::from(d)).collect())
        .unwrap_or_default();
    let peak = |s: &Simulation, id: &str| {
        s.offices
            .iter()
            .find(|o| o.id == id)
            .map_or(0.0, |o| o.backlog.p95.iter().copied().fold(0.0, f64::max))
    };
    let mut ids: Vec<(&str, &str, f64)> = Vec::new();
    for o in before
        .offices
        .iter()
        .chain(after.iter().flat_map(|a| a.offices.iter()))
    {
        if ids.iter().any(|(id, _, _)| *id == o.id) {
            continue;
        }
        let p = peak(before, &o.id).max(after.map_or(0.0, |a| peak(a, &o.id)));
        if p > 0.0 {
            ids.push((o.id.as_str(), o.name.as_str(), p));
        }
    }
    ids.sort_by(|a, b| b.2.total_cmp(&a.2));
    ids.truncate(BACKLOG_PANELS);
    let band = |s: &Simulation, id: &str, name: &str| {
        s.offices.iter().find(|o| o.id == id).and_then(|o| {
            // Both sides must share the x axis; a run of other length is left out.
            (o.backlog.day.len() == x.len()).then(|| chart::Band {
                name: name.to_string(),
                median: o.backlog.median.clone(),
                p5: o.backlog.p5.clone(),
                p95: o.backlog.p95.clone(),
            })
        })
    };
    let pairs = pack.office_pairs();
    let panels = ids
        .iter()
        .map(|(id, name, _)| {
            // A flat 0 today is work nobody does, not an office keeping up: today's band is
            // left out and the title says so.
            let undone = pairs.iter().any(|p| p.id == *id && pack.undone_today(p));
            BandPanel {
                title: match undone {
                    true => (w.request.not_done_panel)(name),
                    false => name.to_string(),
                },
                bands: [
                    (!undone).then(|| band(before, id, &before_name)).flatten(),
                    after.and_then(|a| band(a, id, &after_name)),
                ]
                .into_iter()
                .flatten()
                .collect(),
            }
        })
        .collect();
    Chart::Band(BandChart {
        title: w.chart_backlog.to_string(),
        x_label: w.working_day.to_string(),
        y_label: w.chart_backlog_axis.to_string(),
        x,
        panels,
        ..BandChart::default()
    })
}

/// Posts needed against expected staff with its 5–95 % band, year by year, for the whole
/// organisation (offices share one scale in a band chart, so the report's table gives them).
fn trajectory(pack: &Pack<'_>) -> Option<Chart> {
    let plan = pack.plan?;
    let w = words(pack.before.scenario.language).plan;
    let posts: Vec<f64> = plan
        .years
        .iter()
        .map(|y| y.total.posts_needed as f64)
        .collect();
    let band = |f: &dyn Fn(&crate::simulate::Band) -> f64| -> Vec<f64> {
        plan.years
            .iter()
            .map(|y| {
                let v = f(&y.total.staff_band);
                if v.is_finite() {
                    v.max(0.0)
                } else {
                    y.total.staff.max(0.0)
                }
            })
            .collect()
    };
    Some(Chart::Band(BandChart {
        title: w.chart_title.to_string(),
        x_label: w.year.to_string(),
        y_label: w.chart_axis.to_string(),
        x: plan.years.iter().map(|y| f64::from(y.year)).collect(),
        panels: vec![BandPanel {
            title: String::new(),
            bands: vec![
                chart::Band {
                    name: w.posts_series.to_string(),
                    median: posts.clone(),
                    p5: posts.clone(),
                    p95: posts,
                },
                chart::Band {
                    name: w.staff_series.to_string(),
                    median: plan.years.iter().map(|y| y.total.staff.max(0.0)).collect(),
                    p5: band(&|b| b.p5),
                    p95: band(&|b| b.p95),
                },
            ],
        }],
        years: true,
        note: Some(w.chart_note.to_string()),
    }))
}

/// The load of each dispatched group of the `after` side, stacked by unit, with capacity.
fn allocation(pack: &Pack<'_>) -> Chart {
    let w = words(pack.before.scenario.language);
    let s = pack.after.scenario;
    let hours = crate::analysis::unit_hours(s);
    let groups: Vec<usize> = (0..s.offices.len())
        .filter(|&o| {
            s.offices[o].is_group()
                && (!s.offices[o].covers.is_empty() || s.offices[o].headcount() > 0)
        })
        .collect();
    // Units named "高新区第一园区党委", "高新区第二园区党委", … would all read "高新区…" in a
    // narrow segment: the part every name shares is left out.
    let names: Vec<&str> = groups
        .iter()
        .flat_map(|&o| {
            s.offices[o]
                .covers
                .iter()
                .map(|&u| s.units[u].name.as_str())
        })
        .collect();
    let prefix = common_prefix(&names);
    Chart::Stacked(Stacked {
        title: w.chart_allocation.to_string(),
        value_label: w.chart_allocation_axis.to_string(),
        groups: groups.iter().map(|&o| s.offices[o].name.clone()).collect(),
        segments: groups
            .iter()
            .map(|&o| {
                s.offices[o]
                    .covers
                    .iter()
                    .map(|&u| {
                        let name = s.units[u].name.chars().skip(prefix).collect();
                        (name, hours.get(u).copied().unwrap_or(0.0))
                    })
                    .collect()
            })
            .collect(),
        capacity: Some(
            groups
                .iter()
                .map(|&o| s.offices[o].capacity_hours(s.offices[o].headcount(), &s.calendar))
                .collect(),
        ),
    })
}

/// Characters every name starts with, as long as each name keeps at least two of its own.
fn common_prefix(names: &[&str]) -> usize {
    let (Some(first), true) = (names.first(), names.len() >= 2) else {
        return 0;
    };
    let shared = names[1..]
        .iter()
        .map(|name| {
            first
                .chars()
                .zip(name.chars())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .min()
        .unwrap_or(0);
    let shortest = names.iter().map(|s| s.chars().count()).min().unwrap_or(0);
    shared.min(shortest.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::common_prefix;

    #[test]
    fn common_prefix_leaves_each_name_two_characters() {
        assert_eq!(
            common_prefix(&["高新区第一园区党委", "高新区第二园区党委"]),
            4
        );
        assert_eq!(common_prefix(&["高新区", "高新区热力"]), 1);
        assert_eq!(common_prefix(&["A", "B"]), 0);
        assert_eq!(common_prefix(&["only one"]), 0);
        assert_eq!(common_prefix(&[]), 0);
    }
}
