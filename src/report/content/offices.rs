//! The offices before and after, the workload arithmetic behind every "required h", and work
//! type by work type when the two sides organise offices differently.

use super::super::document::{t, Document};
use super::super::words::Words;
use super::super::{Pack, Side};
use super::{after_source, new_table};
use crate::analysis::Analysis;
use crate::export::{Cell, Table};

/// "b → a", or one value when both sides agree; "–" for a side without it.
fn arrow(b: Option<String>, a: Option<String>) -> Cell {
    match (b, a) {
        (Some(b), Some(a)) if a == b => Cell::text(b),
        (b, a) => Cell::text(format!(
            "{} → {}",
            b.unwrap_or_else(|| "–".into()),
            a.unwrap_or_else(|| "–".into())
        )),
    }
}

fn fixed(v: Option<f64>, d: usize) -> Option<String> {
    v.map(|v| format!("{v:.d$}"))
}

fn percent(v: Option<f64>) -> Option<String> {
    v.map(|v| format!("{:.1}%", v * 100.0))
}

pub(super) fn offices(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    if pack.organisations_apart() {
        let [a, b] = pack.side_names();
        doc.section(&(w.request.offices_apart)(&a, &b));
    } else {
        doc.section(w.offices);
    }
    let mut table = new_table(&w.office_headers);
    for p in pack.office_pairs() {
        let (b, a) = (p.before, p.after);
        table.rows.push(vec![
            Cell::text(p.name),
            arrow(
                b.map(|o| o.staff.to_string()),
                a.map(|o| o.staff.to_string()),
            ),
            arrow(
                fixed(b.map(|o| o.required_hours), 1),
                fixed(a.map(|o| o.required_hours), 1),
            ),
            arrow(
                fixed(b.map(|o| o.capacity_hours), 1),
                fixed(a.map(|o| o.capacity_hours), 1),
            ),
            arrow(
                percent(b.and_then(|o| o.utilisation)),
                percent(a.and_then(|o| o.utilisation)),
            ),
            arrow(
                fixed(b.and_then(|o| o.items_per_person), 1),
                fixed(a.and_then(|o| o.items_per_person), 1),
            ),
            arrow(
                fixed(b.and_then(|o| o.hours_per_person), 1),
                fixed(a.and_then(|o| o.hours_per_person), 1),
            ),
            arrow(
                b.map(|o| o.posts_needed.to_string()),
                a.map(|o| o.posts_needed.to_string()),
            ),
            arrow(b.map(|o| o.gap.to_string()), a.map(|o| o.gap.to_string())),
        ]);
    }
    doc.table(table);
    doc.text(w.offices_note);

    doc.heading(3, w.workload_detail);
    doc.table(workload_table(
        &pack.after,
        pack.before.analysis.year_value,
        w,
    ));
    doc.paragraph(vec![
        t(format!(
            "{} ",
            (w.workload_note)(!pack.after.scenario.units.is_empty())
        )),
        after_source(pack, w),
        t(w.full_stop),
    ]);
    if !pack.before.analysis.uncovered.is_empty() {
        doc.heading(
            3,
            format!("{}{}", w.uncovered, (w.bracket)(&pack.side_names()[0])),
        );
        let mut table = new_table(&w.uncovered_headers);
        for u in &pack.before.analysis.uncovered {
            table.rows.push(vec![
                Cell::text(&u.name),
                Cell::Num(u.required_hours, 1),
                Cell::Num(u.fte_need, 2),
            ]);
        }
        doc.table(table);
    }
}

/// Volume × hours per work type and office, the arithmetic behind every "required h".
pub(in super::super) fn workload_table(side: &Side<'_>, year_value: f64, w: &Words) -> Table {
    let mut table = new_table(&w.workload_headers);
    for o in &side.analysis.offices {
        for work in &o.works {
            table.rows.push(vec![
                Cell::text(&o.name),
                Cell::text(&work.name),
                Cell::Num(work.volume, 2),
                Cell::Num(work.hours_per_item, 1),
                Cell::Num(work.required_hours, 1),
                Cell::Num(
                    if year_value > 0.0 {
                        work.required_hours / year_value
                    } else {
                        0.0
                    },
                    2,
                ),
            ]);
        }
    }
    table
}

/// One work type on one side: its required hours and the people doing it.
#[derive(Debug, Clone, Copy, Default)]
struct WorkShare {
    required_hours: f64,
    /// Σ over the offices doing it: staff × (this work's hours ÷ the office's hours).
    persons: f64,
}

impl WorkShare {
    fn hours_per_person(self) -> Option<f64> {
        (self.persons > 0.0).then(|| self.required_hours / self.persons)
    }
}

fn work_share(analysis: &Analysis, ids: &[&str]) -> Option<WorkShare> {
    let mut share: Option<WorkShare> = None;
    for o in &analysis.offices {
        for work in o.works.iter().filter(|wl| ids.contains(&wl.id.as_str())) {
            let s = share.get_or_insert_with(WorkShare::default);
            s.required_hours += work.required_hours;
            if o.required_hours > 0.0 {
                s.persons += f64::from(o.staff) * work.required_hours / o.required_hours;
            }
        }
    }
    share
}

/// Whether the two sides organise offices differently (an office id only one side has).
fn reorganised(pack: &Pack<'_>) -> bool {
    pack.office_pairs()
        .iter()
        .any(|p| p.before.is_none() || p.after.is_none())
}

/// Work type by work type, when the offices differ: hours per person doing it before and
/// after. Work is matched by id, else by name.
pub(in super::super) fn work_type_table(pack: &Pack<'_>, w: &Words) -> Option<Table> {
    if pack.recommendation.is_some() || !reorganised(pack) {
        return None;
    }
    let (bs, as_) = (pack.before.scenario, pack.after.scenario);
    let mut table = if pack.organisations_apart() {
        let [b, a] = pack.side_names();
        let headers = (w.work_compare_headers_apart)(&b, &a);
        new_table(&headers.each_ref().map(String::as_str))
    } else {
        new_table(&w.work_compare_headers)
    };
    let mut matched_after = vec![false; as_.works.len()];
    let mut rows: Vec<(String, Option<WorkShare>, Option<WorkShare>)> = Vec::new();
    for work in &bs.works {
        let family = crate::benchmark::family_name(&work.name);
        let free = |i: &usize| !matched_after[*i];
        let one = (0..as_.works.len())
            .filter(free)
            .find(|&i| as_.works[i].id == work.id)
            .or_else(|| {
                (0..as_.works.len())
                    .filter(free)
                    .find(|&i| as_.works[i].name == work.name)
            });
        // The parts a scenario splits the work type into by name count as one (SPEC §14).
        let after: Vec<usize> = match one {
            Some(i) => vec![i],
            None => (0..as_.works.len())
                .filter(free)
                .filter(|&i| crate::benchmark::family_name(&as_.works[i].name) == family)
                .collect(),
        };
        let ids: Vec<&str> = after.iter().map(|&i| as_.works[i].id.as_str()).collect();
        for &i in &after {
            matched_after[i] = true;
        }
        let after_share = work_share(pack.after.analysis, &ids);
        let before_share = work_share(pack.before.analysis, &[work.id.as_str()]);
        rows.push((work.name.clone(), before_share, after_share));
    }
    for (i, work) in as_.works.iter().enumerate() {
        if !matched_after[i] {
            let share = work_share(pack.after.analysis, &[work.id.as_str()]);
            rows.push((work.name.clone(), None, share));
        }
    }
    for (name, b, a) in rows {
        if b.is_none() && a.is_none() {
            continue;
        }
        let cell = |s: Option<WorkShare>, f: &dyn Fn(WorkShare) -> Option<f64>, d| {
            s.and_then(f).map_or(Cell::Empty, |v| Cell::Num(v, d))
        };
        table.rows.push(vec![
            Cell::text(name),
            cell(b, &|s| Some(s.required_hours), 1),
            cell(a, &|s| Some(s.required_hours), 1),
            cell(b, &|s| Some(s.persons), 2),
            cell(a, &|s| Some(s.persons), 2),
            cell(b, &WorkShare::hours_per_person, 1),
            cell(a, &WorkShare::hours_per_person, 1),
        ]);
    }
    Some(table)
}

pub(super) fn work_types(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(table) = work_type_table(pack, w) else {
        return;
    };
    doc.heading(3, w.work_compare);
    doc.text(if pack.organisations_apart() {
        w.work_compare_text_apart
    } else {
        w.work_compare_text
    });
    doc.table(table);
}
