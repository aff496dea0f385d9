//! The tables of an [`Analysis`] (terminal, CSV, report), and its JSON: the struct's own serde
//! form, whose field names are SPEC §7 and §8's.

use super::{Cell, Exportable, Table};
use crate::analysis::{Analysis, Pressure, WisnBand};

impl Exportable for Analysis {
    fn tables(&self) -> Vec<Table> {
        let mut offices = Table::new(
            format!(
                "{} — workload analysis (year value {:.1} h, target utilisation {:.0}%)",
                self.scenario,
                self.year_value,
                self.target_utilisation * 100.0
            ),
            &[
                "id",
                "office",
                "staff",
                "capacity h",
                "required h",
                "FTE need",
                "utilisation",
                "items/person",
                "hours/person",
                "posts needed",
                "gap",
                "P(wait)",
                "mean wait days",
            ],
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
            ]);
        }
        let t = &self.total;
        offices.rows.push(vec![
            Cell::text("total"),
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
        ]);
        if self.offices.iter().any(|o| o.erlang_c.is_some()) {
            offices.notes.push(
                "P(wait), mean wait days: Erlang C (M/M/c) where all the office's work needs one \
             person: offered load = FTE need, servers = whole casework persons"
                    .to_string(),
            );
        }
        let mut tables = vec![offices];
        tables.extend(wisn_table(self));
        if !self.uncovered.is_empty() {
            let mut uncovered = Table::new(
                "Units no dispatched group covers (their covering-group work is done by nobody)",
                &["id", "unit", "required h", "FTE need"],
            );
            for u in &self.uncovered {
                uncovered.rows.push(vec![
                    Cell::text(&u.id),
                    Cell::text(&u.name),
                    Cell::Num(u.required_hours, 1),
                    Cell::Num(u.fte_need, 2),
                ]);
            }
            let hours: f64 = self.uncovered.iter().map(|u| u.required_hours).sum();
            uncovered.notes.push(format!(
                "{} units, {:.1} h a year, {:.2} FTE not covered",
                self.uncovered.len(),
                hours,
                hours / self.year_value.max(f64::MIN_POSITIVE)
            ));
            tables.push(uncovered);
        }
        tables
    }

    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// SPEC §16: WISN's figures per office and staff type, where the scenario uses WISN's keys.
fn wisn_table(analysis: &Analysis) -> Option<Table> {
    if analysis.offices.iter().all(|o| o.wisn.is_empty()) {
        return None;
    }
    let mut table = Table::new(
        format!(
            "{} — WISN (WHO Workload Indicators of Staffing Need)",
            analysis.scenario
        ),
        &[
            "office",
            "staff type",
            "CAF",
            "IAF",
            "required",
            "required 5–95%",
            "existing",
            "difference",
            "ratio",
            "ratio 5–95%",
            "pressure",
        ],
    );
    let band = |b: Option<WisnBand>, decimals: usize| {
        b.map_or(Cell::Empty, |b| {
            Cell::text(format!("{:.d$}–{:.d$}", b.p5, b.p95, d = decimals))
        })
    };
    for o in &analysis.offices {
        for w in &o.wisn {
            table.rows.push(vec![
                Cell::text(&o.id),
                Cell::text(&w.staff),
                Cell::Num(w.caf, 3),
                Cell::Num(w.iaf, 3),
                Cell::Num(w.required, 2),
                band(w.required_band, 2),
                Cell::Int(i64::from(w.existing)),
                Cell::Num(w.difference, 2),
                Cell::opt_num(w.ratio, 2),
                band(w.ratio_band, 2),
                Cell::text(match w.pressure {
                    Some(Pressure::Shortage) => "shortage",
                    Some(Pressure::Balanced) => "balanced",
                    Some(Pressure::Excess) => "excess",
                    None => "",
                }),
            ]);
        }
    }
    table.notes.push(
        "required = workload ÷ standard workload × CAF + IAF; ratio = existing ÷ required: below 1 \
         fewer staff than the workload requires (WHO WISN user's manual, 2010)"
            .to_string(),
    );
    Some(table)
}
