//! The assumptions: the year value and capacity, the staff and work types, every cited or
//! assumed figure of the scenario, and the overridden inputs.

use super::super::document::{strong, t, Document};
use super::super::words::Words;
use super::super::Pack;
use super::{new_table, sure};
use crate::export::Cell;
use crate::model::WorkPlace;

pub(super) fn assumptions(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let s = pack.before.scenario;
    let c = &s.calendar;
    doc.section(w.assumptions);
    doc.heading(3, w.year_value);
    doc.paragraph(vec![
        t(format!(
            "{}{}{} = ({} − {} − {}) × {} × (1 − {}) = ",
            w.year_value_text,
            w.colon,
            w.year_value_formula,
            c.working_days,
            c.leave_days,
            c.training_days,
            c.hours_per_day,
            c.non_case_share,
        )),
        strong(format!("{:.1} {}", c.year_value(), w.hours_unit)),
        t(w.full_stop),
    ]);
    doc.paragraph(vec![
        t(format!(
            "{}{}{}{}{}",
            w.capacity_text, w.full_stop, w.sentence_gap, w.target_text, w.colon
        )),
        strong(format!("{:.0}%", s.policy.target_utilisation * 100.0)),
        t(format!(
            "{}{}{}{}{} {}{}",
            w.full_stop,
            w.sentence_gap,
            w.overtime_text,
            w.colon,
            c.overtime_hours,
            w.hours_unit,
            w.full_stop
        )),
    ]);

    doc.heading(3, w.staff_types);
    let mut types = new_table(&w.staff_type_headers);
    for (i, ty) in s.staff_types.iter().enumerate() {
        types.rows.push(vec![
            Cell::text(&ty.id),
            Cell::text(&ty.label),
            Cell::text(w.money(ty.cost)),
            s.policy.quota[i].map_or(Cell::Empty, |q| Cell::Int(i64::from(q))),
        ]);
    }
    doc.table(types);
    if let Some(budget) = s.policy.budget {
        doc.text((w.budget)(&w.money(budget)));
    }

    doc.heading(3, w.work_types);
    let mut works = new_table(&w.work_headers);
    for work in &s.works {
        let place = match work.place {
            WorkPlace::Office(o) => s.offices[o].name.clone(),
            WorkPlace::CoveringGroup => w.covering_group.to_string(),
        };
        let next: Vec<String> = work
            .next
            .iter()
            .map(|&(child, share)| format!("{} × {share}", s.works[child].name))
            .collect();
        works.rows.push(vec![
            Cell::text(&work.id),
            Cell::text(&work.name),
            Cell::text(place),
            Cell::Num(work.volume, 1),
            Cell::Num(work.hours, 1),
            Cell::Int(i64::from(work.team)),
            Cell::Num(work.cv, 2),
            work.deadline_days
                .map_or(Cell::Empty, |d| Cell::Int(i64::from(d))),
            Cell::text(next.join(", ")),
        ]);
    }
    doc.table(works);

    if !pack.annotations.is_empty() {
        doc.heading(3, w.figures);
        doc.text(w.figures_text);
        let mut figures = new_table(&w.figure_headers);
        for a in pack.annotations {
            let place = if a.place == crate::scenario::TOP_LEVEL {
                w.top_level.to_string()
            } else {
                a.place.clone()
            };
            figures.rows.push(vec![
                Cell::Int(a.line as i64),
                Cell::text(place),
                Cell::text(format!("{} = {}", a.key, a.value)),
                Cell::text(if a.is_assumption() {
                    w.assumed
                } else {
                    w.source
                }),
                Cell::text(&a.comment),
            ]);
        }
        doc.table(figures);
    }
    sure::overrides(doc, s, w);
}
