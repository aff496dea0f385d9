//! The tables of a [`Simulation`] (terminal, CSV, report), and its JSON: the struct's own
//! serde form, whose field names are SPEC §5, §7 and §8's.

use super::{Cell, Exportable, Table, Words};
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
    fn tables(&self, w: &Words) -> Vec<Table> {
        let sw = &w.simulation;
        let mut headers = vec![w.id, w.office];
        headers.extend(sw.headers);
        let mut offices = Table::new(
            (sw.title)(
                &self.scenario,
                self.runs,
                self.days,
                self.warmup_days,
                self.seed,
            ),
            &headers,
        );
        for o in &self.offices {
            let on_time = o.on_time_share.unwrap_or(Band::UNDEFINED);
            let bands: [(&Band, bool, usize); 10] = [
                (&o.done, false, 1),
                (&o.backlog_end, false, 1),
                (&o.wait_days, false, 1),
                (&o.lead_days, false, 1),
                (&o.lead_days_p90, false, 1),
                (&o.late_share, true, 0),
                (&on_time, true, 0),
                (&o.utilisation, true, 0),
                (&o.overtime_hours_per_person, false, 1),
                (&o.team_idle_hours, false, 1),
            ];
            let figures = sw
                .figures
                .iter()
                .zip(bands)
                .map(|(l, (b, s, d))| (*l, b, s, d));
            for (label, band, share, decimals) in figures {
                let mut row = vec![Cell::text(&o.id), Cell::text(&o.name), Cell::text(label)];
                row.extend(band_cells(band, share, decimals));
                offices.rows.push(row);
            }
        }
        for o in &self.offices {
            if !o.messages.is_empty() {
                offices
                    .notes
                    .extend((sw.never_fielded)(&o.name, &o.messages));
            }
        }
        offices.notes.push(sw.note.to_string());
        if self.overtime_cap_hours > 0.0 {
            offices.notes.push((sw.overtime)(
                OVERTIME_SHARE_OF_DAY * 100.0,
                self.overtime_cap_hours,
            ));
        }

        let mut tables = vec![offices];
        let mut headers = vec![w.id, w.office];
        headers.extend(sw.on_time_headers);
        let mut service = Table::new(sw.on_time_title, &headers);
        for o in &self.offices {
            for work in &o.on_time_by_work {
                let mut row = vec![
                    Cell::text(&o.id),
                    Cell::text(&o.name),
                    Cell::text(&work.name),
                    Cell::Int(i64::from(work.deadline_days)),
                    Cell::opt_share(work.on_time_target),
                ];
                row.extend(band_cells(&work.on_time_share, true, 0));
                service.rows.push(row);
            }
        }
        if !service.rows.is_empty() {
            tables.push(service);
        }

        let mut headers = vec![w.id];
        headers.extend(sw.works_headers);
        let mut works = Table::new(sw.works_title, &headers);
        for work in &self.works {
            works.rows.push(vec![
                Cell::text(&work.id),
                Cell::text(&work.name),
                Cell::Num(work.arrived.mean, 1),
                Cell::Num(work.spawned.mean, 1),
                Cell::Num(work.done.mean, 1),
            ]);
        }
        tables.push(works);
        tables
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
