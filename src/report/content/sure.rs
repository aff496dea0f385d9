//! "How sure are these figures" (SPEC §9): the posts needed per office as intervals over the
//! draws of the scenario's ranges, and the assumptions ranked by how much they move the
//! answer, each named in the scenario's own words.

use super::super::document::{code, Document};
use super::super::words::Words;
use super::super::Pack;
use super::new_table;
use crate::export::{Cell, Table};
use crate::model::{Input, Scenario};
use crate::sensitivity::Sensitivity;

/// The name of the chart file of the tornado.
pub const TORNADO_CHART: &str = "tornado";

/// An uncertain input named in the scenario's language: the office, work type or unit by its
/// name, and what the figure is.
pub fn input_name(scenario: &Scenario, input: Input, w: &Words) -> String {
    let s = w.sure;
    let work = |i: usize| scenario.works.get(i).map_or("", |w| w.name.as_str());
    match input {
        Input::HoursPerDay => s.hours_per_day.to_string(),
        Input::LeaveDays => s.leave_days.to_string(),
        Input::TrainingDays => s.training_days.to_string(),
        Input::NonCaseShare => s.non_case_share.to_string(),
        Input::OvertimeHours => s.overtime_hours.to_string(),
        Input::LeaderCaseShare { office } => {
            let name = scenario.offices.get(office).map_or("", |o| o.name.as_str());
            format!("{name}{}{}", s.between, s.leader_share)
        }
        Input::Volume { work: i } => format!("{}{}{}", work(i), s.between, s.volume),
        Input::Hours { work: i } => format!("{}{}{}", work(i), s.between, s.hours),
        Input::Cv { work: i } => format!("{}{}{}", work(i), s.between, s.cv),
        Input::NextShare { work: i, entry } => {
            let child = scenario
                .works
                .get(i)
                .and_then(|w| w.next.get(entry))
                .map_or("", |&(c, _)| work(c));
            format!(
                "{}{}{child}{}{}",
                work(i),
                s.next_then,
                s.between,
                s.next_share
            )
        }
        Input::Workload { unit, entry } => {
            let u = scenario.units.get(unit);
            let name = u.map_or("", |u| u.name.as_str());
            let of = u
                .and_then(|u| u.workload.get(entry))
                .map_or("", |&(w, _)| work(w));
            format!("{name}{}{of}{}", s.between, s.items_a_year)
        }
    }
}

/// Decimals to print an input's value with: none for a whole number, else enough to show a
/// share (0.15) or an hour (7.5).
pub fn input_decimals(value: f64) -> usize {
    if value.fract() == 0.0 {
        0
    } else if value.abs() < 1.0 {
        2
    } else {
        1
    }
}

/// The section, where the pack has a sensitivity (a scenario with ranges).
pub(super) fn sure(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(result) = pack.sensitivity else {
        return;
    };
    let s = w.sure;
    let scenario = pack.before.scenario;
    doc.section(s.section);
    doc.text((s.intro)(
        scenario.uncertain.len(),
        result.draws,
        result.seed,
    ));
    if pack.recommendation.is_some() {
        doc.text(w.request.sure_of_plan);
    }

    doc.heading(3, s.intervals);
    doc.table(interval_table(result, w));
    doc.heading(3, s.ranking);
    doc.text(s.ranking_text);
    doc.table(ranking_table(result, scenario, w));
    doc.figure(TORNADO_CHART, s.chart);
    if let Some(holds) = pack.holds {
        doc.heading(3, s.holds);
        doc.text((s.holds_text)(
            result.draws,
            scenario.policy.target_utilisation,
        ));
        doc.text((s.holds_all)(holds.all));
        let mut table = new_table(&s.holds_headers);
        for (office, share) in pack.after.scenario.offices.iter().zip(&holds.offices) {
            table.rows.push(vec![
                Cell::text(&office.name),
                Cell::Int(i64::from(office.headcount())),
                Cell::Share(*share),
            ]);
        }
        doc.table(table);
    }
}

/// The offices that the recommended plan keeps within the target at the likely values but
/// in fewer than half of the draws, and the lowest share among them (`None`: none). An office
/// already above the target at the likely values is said so by the summary's own figures.
pub(super) fn plan_seldom_holds(pack: &Pack<'_>, w: &Words) -> Option<(String, f64)> {
    let holds = pack.holds?;
    let analysis = pack.after.analysis;
    let weak: Vec<(&str, f64)> = analysis
        .offices
        .iter()
        .zip(&holds.offices)
        .filter(|&(office, &share)| share < 0.5 && !analysis.over_target(office))
        .map(|(office, &share)| (office.name.as_str(), share))
        .collect();
    let lowest = weak.iter().map(|&(_, s)| s).reduce(f64::min)?;
    let names: Vec<&str> = weak.iter().map(|&(n, _)| n).collect();
    Some((names.join(w.list_separator), lowest))
}

/// Posts needed per office and in total: the likely value and the spread over the draws.
pub fn interval_table(result: &Sensitivity, w: &Words) -> Table {
    let s = w.sure;
    let mut table = new_table(&s.interval_headers);
    let mut row = |name: &str, likely: f64, q: &crate::sensitivity::Quantiles| {
        let mut cells = vec![Cell::text(name), Cell::Num(likely, 0)];
        cells.extend([q.mean, q.p5, q.p50, q.p90, q.p95].map(|v| Cell::Num(v, 1)));
        table.rows.push(cells);
    };
    for o in &result.offices {
        row(&o.name, o.posts_needed_likely as f64, &o.posts_needed);
    }
    row(
        s.total,
        result.likely.posts_needed.mean,
        &result.total.posts_needed,
    );
    table
}

/// The tornado as a table: each input at its low and at its high value, inputs named in the
/// scenario's words, the one that moves the answer most first.
pub fn ranking_table(result: &Sensitivity, scenario: &Scenario, w: &Words) -> Table {
    let mut ranking = new_table(&w.sure.ranking_headers);
    for r in &result.tornado {
        let Some(u) = scenario.uncertain.get(r.index) else {
            continue;
        };
        ranking.rows.push(vec![
            Cell::text(input_name(scenario, u.input, w)),
            Cell::Num(r.low, input_decimals(r.low)),
            Cell::Num(r.likely, input_decimals(r.likely)),
            Cell::Num(r.high, input_decimals(r.high)),
            Cell::Num(r.fte_need_low, 2),
            Cell::Num(r.fte_need_high, 2),
            Cell::count(r.posts_needed_low),
            Cell::count(r.posts_needed_high),
        ]);
    }
    ranking
}

/// The `--set` overrides, among the assumptions.
pub(super) fn overrides(doc: &mut Document, scenario: &Scenario, w: &Words) {
    if scenario.overrides.is_empty() {
        return;
    }
    doc.heading(3, w.sure.overrides);
    doc.text(w.sure.overrides_text);
    doc.bullets(
        scenario
            .overrides
            .iter()
            .map(|o| vec![code(o.clone())])
            .collect(),
    );
}
