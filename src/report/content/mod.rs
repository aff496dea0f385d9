//! What the proposal appendix says, section by section, built once as a [`Document`] that
//! every format renders. Every figure in it is either an input of the scenario (listed in the
//! assumptions) or computed from inputs by a formula the report states, so a reader with only
//! the report and a calculator can redo it. Every word comes from `words/`, in the
//! scenario's language.

use super::document::{code, t, Document, Inline};
use super::words::{document_words, words, Words};
use super::{Pack, CHART_NAMES, TRAJECTORY_CHART, WORK_TYPE_CHART};
use crate::export::Table;
use crate::model::Scenario;

mod assumptions;
mod changes;
mod cover;
mod offices;
mod plan;
mod request;
mod risk;
mod service;
mod simulation;
mod summary;
mod sure;
mod wisn;
use assumptions::assumptions;
pub(super) use assumptions::{calendar_inputs, scenario_work_table, staff_type_table};
use changes::{allocation, changes};
pub use cover::VERSION;
use offices::{offices, work_types};
pub(super) use offices::{work_type_table, workload_table};
pub(super) use plan::plan_total_table;
pub(super) use simulation::simulated;
use simulation::{band, simulation};
use summary::{peer_ratios, summary};
pub use sure::{input_decimals, input_name, interval_table, ranking_table, TORNADO_CHART};
pub(super) use wisn::wisn_sheet;

/// The whole report.
pub fn build(pack: &Pack<'_>) -> Document {
    let scenario = pack.before.scenario;
    let w = &words(scenario.language).in_currency(scenario.currency.as_deref());
    let mut doc = Document::new(
        pack.before.scenario.language,
        format!("{}{}{}", w.report_title, w.colon, pack.before.scenario.name),
        pack.date.clone(),
    );
    doc.figure_sources = cover::figure_sources(pack, w);
    // The result first: the request and the summary, then how the figures were made and the
    // assumptions that move them most; the full sources and the method's detail at the end.
    cover::cover(&mut doc, pack, w);
    request::request(&mut doc, pack, w);
    summary(&mut doc, pack, w);
    wisn::wisn(&mut doc, pack, w);
    peer_ratios(&mut doc, pack, w);
    cover::approach(&mut doc, pack, w);
    offices(&mut doc, pack, w);
    work_types(&mut doc, pack, w);
    changes(&mut doc, pack, w);
    allocation(&mut doc, pack, w);
    simulation(&mut doc, pack, w);
    plan::plan_section(&mut doc, pack, w);
    sure::sure(&mut doc, pack, w);
    charts(&mut doc, pack, w);
    let d = document_words(pack.before.scenario.language);
    doc.appendix((d.appendix)(1, d.sources_title));
    assumptions(&mut doc, pack, w);
    doc.appendix((d.appendix)(2, w.method));
    method(&mut doc, pack, w);
    cover::contents(&mut doc);
    doc
}

/// A table of the report: headers from the words, no title.
fn new_table(headers: &[&str]) -> Table {
    Table::new("", headers)
}

/// The `after` side: its file, or for `run` the optimiser's recommendation, in words.
fn after_source(pack: &Pack<'_>, w: &Words) -> Inline {
    if pack.recommendation.is_some() {
        t(w.recommendation)
    } else {
        code(pack.after.source)
    }
}

/// The `after` side by name: the scenario's file name, or for `run` the recommendation.
fn after_source_name(pack: &Pack<'_>, w: &Words) -> String {
    if pack.recommendation.is_some() {
        w.recommendation.to_string()
    } else {
        cover::file_name(pack.after.source).to_string()
    }
}

/// The label of a staff type id (the id itself if neither side knows it).
fn label_of<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.staff_types
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str())
}

/// The chart titles, in the order of [`CHART_NAMES`].
pub(super) fn chart_titles(w: &Words) -> [&'static str; 4] {
    [
        w.chart_caseload,
        w.chart_utilisation,
        w.chart_backlog,
        w.chart_allocation,
    ]
}

fn charts(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.charts);
    for (name, title) in CHART_NAMES.iter().zip(chart_titles(w)) {
        if *name == super::charts::ALLOCATION_CHART && !super::charts::allocation_shown(pack) {
            continue;
        }
        doc.figure(name, title);
    }
    if work_type_table(pack, w).is_some() {
        doc.figure(WORK_TYPE_CHART, w.chart_work_types);
    }
    if pack.plan.is_some() {
        doc.figure(TRAJECTORY_CHART, w.plan.chart_title);
    }
}

fn method(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let days = pack
        .before
        .simulation
        .map_or(pack.before.scenario.calendar.working_days, |s| s.days);
    let mut items = (w.method_items)(pack.runs, days);
    let bounded = [pack.before.simulation, pack.after.simulation]
        .into_iter()
        .flatten()
        .find(|s| s.band_runs < s.runs || s.series_step_days > 1);
    if let Some(s) = bounded {
        items.push((w.bounded_bands)(s.band_runs, s.runs, s.series_step_days));
    }
    doc.bullets(items.into_iter().map(|s| vec![t(s)]).collect());
}
