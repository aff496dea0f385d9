//! The tables of a [`MultiYearPlan`] (terminal, CSV, `plan.csv`), and its JSON: the struct's
//! own serde form, whose field names are SPEC §10's. The main table's headers are the JSON
//! field names in the English words, so that `plan.csv` reads like the JSON.

use super::{Cell, Exportable, Table, Words};
use crate::multiyear::{Figures, MultiYearPlan};

impl MultiYearPlan {
    /// One row per year and office, and a `total` row per year.
    pub fn table(&self, w: &Words) -> Table {
        let pw = &w.plan;
        let mut headers: Vec<String> = pw.headers.iter().map(|h| h.to_string()).collect();
        for t in &self.staff_types {
            headers.push((pw.hires_of)(t));
        }
        let mut table = Table {
            title: (pw.title)(&self.scenario, self.runs, self.seed),
            headers,
            ..Table::default()
        };
        let row = |year: u32, id: &str, name: &str, f: &Figures| {
            let mut row = vec![
                Cell::Int(i64::from(year)),
                Cell::text(id),
                Cell::text(name),
                Cell::Num(f.required_hours, 1),
                Cell::count(f.posts_needed),
                Cell::Num(f.staff_before_hires, 2),
                Cell::count(f.hires_requested),
                Cell::count(f.hires_arriving),
                Cell::Num(f.staff, 2),
                Cell::Num(f.leavers, 2),
                Cell::Num(f.gap, 2),
            ];
            for v in [f.staff_band.mean, f.staff_band.p5, f.staff_band.p95] {
                row.push(Cell::Num(v, 1));
            }
            row.push(Cell::Num(f.p_short, 3));
            for (_, n) in &f.hires_requested_by_type {
                row.push(Cell::count(*n));
            }
            row
        };
        for y in &self.years {
            for o in &y.offices {
                table.rows.push(row(y.year, &o.id, &o.name, &o.figures));
            }
            table.rows.push(row(y.year, w.total, "", &y.total));
        }
        table.notes.push(match self.first_short_year {
            Some(year) => (pw.first_short)(year),
            None => pw.never_short.to_string(),
        });
        table
    }
}

impl Exportable for MultiYearPlan {
    fn tables(&self, w: &Words) -> Vec<Table> {
        let mut tables = vec![self.table(w)];
        if !self.binding.is_empty() {
            let mut cut = Table::new(w.plan.cut_title, &w.plan.cut_headers);
            for b in &self.binding {
                cut.rows.push(vec![
                    Cell::Int(i64::from(b.requested_in)),
                    Cell::Int(i64::from(b.arrival)),
                    Cell::text(&b.office),
                    Cell::text(&b.staff_type),
                    Cell::text((w.plan.cut_by)(b.rule)),
                    Cell::count(b.wanted),
                    Cell::count(b.granted),
                ]);
            }
            tables.push(cut);
        }
        tables
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
