//! The tables of an [`Analysis`] (terminal, CSV, report), and its JSON: the struct's own serde
//! form, whose field names are SPEC §7 and §8's.

use super::{Cell, Exportable, Table, Words};
use crate::analysis::{Analysis, WisnBand};

impl Exportable for Analysis {
    fn tables(&self, w: &Words) -> Vec<Table> {
        let a = &w.analysis;
        let mut headers = vec![w.id, w.office];
        headers.extend(a.headers);
        headers.extend(a.undone_headers);
        let mut offices = Table::new(
            (a.title)(
                &self.scenario,
                self.year_value,
                self.target_utilisation * 100.0,
            ),
            &headers,
        );
        for o in &self.offices {
            offices.rows.push(vec![
                Cell::text(&o.id),
                Cell::text(&o.name),
                Cell::Int(i64::from(o.staff)),
                Cell::Num(o.capacity_hours, 1),
                Cell::Num(o.required_hours, 1),
                Cell::Num(o.fte_need, 2),
                Cell::opt_share(o.utilisation),
                Cell::opt_num(o.items_per_person, 1),
                Cell::opt_num(o.hours_per_person, 1),
                Cell::count(o.posts_needed),
                Cell::Int(o.gap),
                o.erlang_c.map_or(Cell::Empty, |e| Cell::Share(e.p_wait)),
                Cell::opt_num(o.erlang_c.and_then(|e| e.mean_wait_days), 2),
                // The undone work belongs to no office (SPEC §14): the total row has it.
                Cell::Empty,
                Cell::Empty,
            ]);
        }
        let t = &self.total;
        offices.rows.push(vec![
            Cell::text(w.total),
            Cell::Empty,
            Cell::Int(i64::from(t.staff)),
            Cell::Num(t.capacity_hours, 1),
            Cell::Num(t.required_hours, 1),
            Cell::Num(t.fte_need, 2),
            Cell::opt_share(t.utilisation),
            Cell::Empty,
            Cell::Empty,
            Cell::count(t.posts_needed),
            Cell::Int(t.gap),
            Cell::Empty,
            Cell::Empty,
            Cell::Num(t.undone_hours, 1),
            Cell::count(t.posts_needed_incl_undone),
        ]);
        if self.offices.iter().any(|o| o.erlang_c.is_some()) {
            offices.notes.push(a.erlang_note.to_string());
        }
        if t.undone_hours > 0.0 {
            offices.notes.push(a.undone_note.to_string());
        }
        let mut tables = vec![offices];
        tables.extend(wisn_table(self, w));
        if !self.uncovered.is_empty() {
            let mut headers = vec![w.id];
            headers.extend(a.uncovered_headers);
            let mut uncovered = Table::new(a.uncovered_title, &headers);
            for u in &self.uncovered {
                uncovered.rows.push(vec![
                    Cell::text(&u.id),
                    Cell::text(&u.name),
                    Cell::Num(u.required_hours, 1),
                    Cell::Num(u.fte_need, 2),
                ]);
            }
            let hours: f64 = self.uncovered.iter().map(|u| u.required_hours).sum();
            uncovered.notes.push((a.uncovered_note)(
                self.uncovered.len(),
                hours,
                hours / self.year_value.max(f64::MIN_POSITIVE),
            ));
            tables.push(uncovered);
        }
        tables
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// SPEC §16: WISN's figures per office and staff type, where the scenario uses WISN's keys.
fn wisn_table(analysis: &Analysis, w: &Words) -> Option<Table> {
    if analysis.offices.iter().all(|o| o.wisn.is_empty()) {
        return None;
    }
    let a = &w.analysis;
    let mut headers = vec![w.office];
    headers.extend(a.wisn_headers);
    let mut table = Table::new((a.wisn_title)(&analysis.scenario), &headers);
    let band = |b: Option<WisnBand>, decimals: usize| {
        b.map_or(Cell::Empty, |b| {
            Cell::text(format!("{:.d$}–{:.d$}", b.p5, b.p95, d = decimals))
        })
    };
    for o in &analysis.offices {
        for c in &o.wisn {
            table.rows.push(vec![
                Cell::text(&o.id),
                Cell::text(&c.staff),
                Cell::Num(c.caf, 3),
                Cell::Num(c.iaf, 3),
                Cell::Num(c.required, 2),
                band(c.required_band, 2),
                Cell::Int(i64::from(c.existing)),
                Cell::Num(c.difference, 2),
                Cell::opt_num(c.ratio, 2),
                band(c.ratio_band, 2),
                Cell::text(c.pressure.map_or("", a.pressure)),
            ]);
        }
    }
    table.notes.push(a.wisn_note.to_string());
    Some(table)
}
