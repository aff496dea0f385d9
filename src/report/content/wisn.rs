//! WISN's section of the report (SPEC §16), for a scenario with `[scenario] method = "wisn"`:
//! where the method comes from and its formulas, then per office and cadre the available
//! working time, the allowance factors, the staff required and in post, the WISN difference,
//! ratio and workload pressure, today and with the recommended staffing. Every figure is the
//! analysis's own `wisn` figures.

use super::super::document::{strong, Document};
use super::super::words::Words;
use super::super::{Pack, Side};
use super::{label_of, new_table};
use crate::analysis::{Pressure, WisnBand};
use crate::export::{Cell, Table};
use crate::model::Method;

pub(super) fn wisn(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    if pack.before.scenario.method != Method::Wisn {
        return;
    }
    let ww = w.wisn;
    doc.section(ww.title);
    doc.text(ww.intro);
    for o in &pack.before.analysis.offices {
        for row in o
            .wisn
            .iter()
            .filter(|r| r.pressure == Some(Pressure::Shortage))
        {
            let cadre = label_of(pack.before.scenario, &row.staff);
            doc.paragraph(vec![strong((ww.short)(
                &o.name,
                cadre,
                row.required,
                row.existing,
            ))]);
        }
    }
    doc.heading(3, ww.today);
    doc.table(wisn_table(&pack.before, w));
    if pack.recommendation.is_some() {
        doc.heading(3, ww.with_plan);
        doc.table(wisn_table(&pack.after, w));
    }
    doc.text(ww.formulas);
    doc.text(ww.reading);
}

/// `tables.xlsx`'s WISN sheet, for a scenario that uses WISN's keys: per side (today, and with
/// the recommendation), office and cadre the figures of the report's table as numbers, the
/// bands as four numeric columns; then each cadre's standard workload per work type.
pub(crate) fn wisn_sheet(pack: &Pack<'_>, w: &Words) -> Option<Vec<Table>> {
    if !pack.before.scenario.uses_wisn() {
        return None;
    }
    let ww = w.wisn;
    let mut sides = vec![(ww.today, &pack.before)];
    if pack.recommendation.is_some() {
        sides.push((ww.with_plan, &pack.after));
    }
    let mut headers: Vec<&str> = vec![w.side];
    headers.extend(ww.headers);
    headers.extend(ww.band_headers);
    let mut figures = new_table(&headers);
    let mut standard = new_table(&ww.standard_headers);
    let ends = |b: Option<WisnBand>| match b {
        Some(b) => [Cell::Num(b.p5, 2), Cell::Num(b.p95, 2)],
        None => [Cell::Empty, Cell::Empty],
    };
    for (side, data) in sides {
        let scenario = data.scenario;
        for o in &data.analysis.offices {
            for row in &o.wisn {
                let cadre = label_of(scenario, &row.staff);
                let mut cells = vec![Cell::text(side)];
                cells.extend(figure_cells(scenario, &o.name, row, w));
                cells.extend(ends(row.required_band));
                cells.extend(ends(row.ratio_band));
                figures.rows.push(cells);
                if std::ptr::eq(data, &pack.before) {
                    for (work, items) in &row.standard_workload {
                        let name = scenario
                            .works
                            .iter()
                            .find(|x| &x.id == work)
                            .map_or(work.as_str(), |x| x.name.as_str());
                        standard.rows.push(vec![
                            Cell::text(&o.name),
                            Cell::text(cadre),
                            Cell::text(name),
                            Cell::Num(*items, 0),
                        ]);
                    }
                }
            }
        }
    }
    Some(vec![figures, standard])
}

/// The ten figures of one office and cadre, as the report's table has them.
fn figure_cells(
    scenario: &crate::model::Scenario,
    office: &str,
    row: &crate::analysis::Wisn,
    w: &Words,
) -> Vec<Cell> {
    let ww = w.wisn;
    let awt = scenario
        .staff_types
        .iter()
        .position(|t| t.id == row.staff)
        .map_or(0.0, |t| scenario.calendar_of(t).available_hours());
    vec![
        Cell::text(office),
        Cell::text(label_of(scenario, &row.staff)),
        Cell::Num(awt, 0),
        Cell::Num(row.caf, 3),
        Cell::Num(row.iaf, 3),
        Cell::Num(row.required, 2),
        Cell::Int(i64::from(row.existing)),
        Cell::Num(row.difference, 2),
        Cell::opt_num(row.ratio, 2),
        Cell::text(match row.pressure {
            Some(Pressure::Shortage) => ww.shortage,
            Some(Pressure::Balanced) => ww.balanced,
            Some(Pressure::Excess) => ww.excess,
            None => "",
        }),
    ]
}

/// One side's WISN figures, a row per office and cadre.
fn wisn_table(side: &Side<'_>, w: &Words) -> Table {
    let ww = w.wisn;
    let scenario = side.scenario;
    let banded = side
        .analysis
        .offices
        .iter()
        .flat_map(|o| &o.wisn)
        .any(|r| r.required_band.is_some());
    let mut headers: Vec<&str> = ww.headers.to_vec();
    if banded {
        headers.insert(9, ww.ratio_band);
        headers.insert(6, ww.required_band);
    }
    let mut table = new_table(&headers);
    let band = |b: Option<WisnBand>| {
        b.map_or(Cell::Empty, |b| {
            Cell::text(format!("{:.2}–{:.2}", b.p5, b.p95))
        })
    };
    for o in &side.analysis.offices {
        for row in &o.wisn {
            let mut cells = figure_cells(scenario, &o.name, row, w);
            if banded {
                cells.insert(9, band(row.ratio_band));
                cells.insert(6, band(row.required_band));
            }
            table.rows.push(cells);
        }
    }
    table
}
