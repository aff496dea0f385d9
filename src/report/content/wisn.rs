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
            let awt = scenario
                .staff_types
                .iter()
                .position(|t| t.id == row.staff)
                .map_or(0.0, |t| scenario.calendar_of(t).available_hours());
            let mut cells = vec![
                Cell::text(&o.name),
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
            ];
            if banded {
                cells.insert(9, band(row.ratio_band));
                cells.insert(6, band(row.required_band));
            }
            table.rows.push(cells);
        }
    }
    table
}
