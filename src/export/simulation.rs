//! The tables of a [`Simulation`] (terminal, CSV, report), and its JSON: the struct's own
//! serde form, whose field names are SPEC §5, §7 and §8's.

use super::{Cell, Exportable, Table};
use crate::simulate::{Band, Simulation, OVERTIME_SHARE_OF_DAY};

/// Mean, p5 and p95 cells of a figure, empty where undefined.
fn band_cells(band: &Band, share: bool, decimals: usize) -> [Cell; 3] {
    [band.mean, band.p5, band.p95].map(|v| {
        if !v.is_finite() {
            Cell::Empty
        } else if share {
            Cell::Share(v)
        } else {
            Cell::Num(v, decimals)
        }
    })
}

impl Exportable for Simulation {
    fn tables(&self) -> Vec<Table> {
        let warmup = if self.warmup_days > 0 {
            format!(" after {} days of warm-up", self.warmup_days)
        } else if self.days > 0 {
            ", started empty".to_string()
        } else {
            String::new()
        };
        let mut offices = Table::new(
            format!(
                "{} — simulation: {} runs of {} working days{warmup}, seed {} (mean and 5–95% band over runs)",
                self.scenario, self.runs, self.days, self.seed
            ),
            &["id", "office", "figure", "mean", "p5", "p95"],
        );
        for o in &self.offices {
            let on_time = o.on_time_share.unwrap_or(Band::UNDEFINED);
            let figures: [(&str, &Band, bool, usize); 10] = [
                ("items done", &o.done, false, 1),
                ("backlog at end", &o.backlog_end, false, 1),
                ("wait, working days", &o.wait_days, false, 1),
                ("lead time, working days", &o.lead_days, false, 1),
                ("lead time p90, working days", &o.lead_days_p90, false, 1),
                ("late share", &o.late_share, true, 0),
                ("on-time share", &on_time, true, 0),
                ("utilisation", &o.utilisation, true, 0),
                ("overtime h/person", &o.overtime_hours_per_person, false, 1),
                ("team-rule idle h", &o.team_idle_hours, false, 1),
            ];
            for (label, band, share, decimals) in figures {
                let mut row = vec![Cell::text(&o.id), Cell::text(&o.name), Cell::text(label)];
                row.extend(band_cells(band, share, decimals));
                offices.rows.push(row);
            }
        }
        offices.notes.extend(self.messages().map(String::from));
        offices.notes.push(
            "backlog: items waiting, in progress or never startable; wait and lead time: averaged \
             over the items finished in a run; late and on-time share: of the items with a \
             deadline that finished or are open past it; utilisation: regular casework hours \
             worked ÷ offered; team-rule idle h: casework hours of people free while items waited \
             for a full team"
                .to_string(),
        );
        if self.overtime_cap_hours > 0.0 {
            offices.notes.push(format!(
                "overtime: busy people work {:.0}% of a day extra while their office has items \
                 waiting, up to {:.0} h each in a run",
                OVERTIME_SHARE_OF_DAY * 100.0,
                self.overtime_cap_hours
            ));
        }

        let mut tables = vec![offices];
        let mut service = Table::new(
            "On time, per office and work type with a deadline (mean and 5–95% band over runs)",
            &[
                "id",
                "office",
                "work",
                "deadline days",
                "target",
                "mean",
                "p5",
                "p95",
            ],
        );
        for o in &self.offices {
            for w in &o.on_time_by_work {
                let mut row = vec![
                    Cell::text(&o.id),
                    Cell::text(&o.name),
                    Cell::text(&w.name),
                    Cell::Int(i64::from(w.deadline_days)),
                    Cell::opt_share(w.on_time_target),
                ];
                row.extend(band_cells(&w.on_time_share, true, 0));
                service.rows.push(row);
            }
        }
        if !service.rows.is_empty() {
            tables.push(service);
        }

        let mut works = Table::new(
            "Work types (mean over runs)",
            &["id", "work", "arrived", "of which follow-up", "done"],
        );
        for w in &self.works {
            works.rows.push(vec![
                Cell::text(&w.id),
                Cell::text(&w.name),
                Cell::Num(w.arrived.mean, 1),
                Cell::Num(w.spawned.mean, 1),
                Cell::Num(w.done.mean, 1),
            ]);
        }
        tables.push(works);
        tables
    }

    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
