//! The simulation: each simulated side's bands per office and its service check.

use super::super::document::Document;
use super::super::words::Words;
use super::super::Pack;
use super::new_table;
use super::service::service;
use crate::export::Cell;
use crate::model::Language;
use crate::simulate::{Band, Simulation};

pub(super) fn band(b: &Band, decimals: usize, percent: bool) -> String {
    if !b.mean.is_finite() {
        return "–".into();
    }
    let k = if percent { 100.0 } else { 1.0 };
    let unit = if percent { "%" } else { "" };
    format!(
        "{:.decimals$}{unit} ({:.decimals$}–{:.decimals$})",
        b.mean * k,
        b.p5 * k,
        b.p95 * k
    )
}

/// The simulated sides, named.
pub(in super::super) fn simulated<'a>(
    pack: &'a Pack<'_>,
    _: &Words,
) -> Vec<(String, &'a Simulation)> {
    let [before, after] = pack.side_names();
    [
        (before, pack.before.simulation),
        (after, pack.after.simulation),
    ]
    .into_iter()
    .filter_map(|(n, s)| s.map(|s| (n, s)))
    .collect()
}

pub(super) fn simulation(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let sides = simulated(pack, w);
    if sides.is_empty() {
        return;
    }
    doc.section(w.simulation);
    doc.text(w.simulation_text);
    for (name, sim) in sides {
        doc.heading(3, (w.simulation_heading)(&name, sim.days, sim.runs));
        let mut table = new_table(&w.simulation_headers.all());
        for o in &sim.offices {
            table.rows.push(vec![
                Cell::text(&o.name),
                Cell::text(band(&o.done, 1, false)),
                Cell::text(band(&o.backlog_end, 1, false)),
                Cell::text(band(&o.wait_days, 1, false)),
                Cell::text(band(&o.lead_days, 1, false)),
                Cell::text(band(&o.lead_days_p90, 1, false)),
                Cell::text(band(&o.late_share, 1, true)),
                Cell::text(band(&o.utilisation, 1, true)),
                Cell::text(band(&o.overtime_hours_per_person, 1, false)),
            ]);
        }
        doc.table(table);
        for o in sim.offices.iter().filter(|o| o.never_fielded) {
            match pack.before.scenario.language {
                // The simulation says which work in English; other languages say it plainly.
                Language::En => o.messages.iter().for_each(|m| doc.note(m.clone())),
                Language::Zh => doc.note((w.never_fielded)(&o.name)),
            }
        }
    }
    let [before, after] = pack.side_names();
    let mut why_said = false;
    for (name, sim, side) in [
        (before, pack.before.simulation, &pack.before),
        (after, pack.after.simulation, &pack.after),
    ] {
        if let Some(sim) = sim {
            service(doc, &name, sim, side, &mut why_said, w);
        }
    }
}
