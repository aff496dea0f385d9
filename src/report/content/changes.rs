//! What changes and why: each changed office with its binding rules, workload lines and what
//! one more post would buy; and the units a covering group takes over.

use super::super::document::{t, Document, Inline};
use super::super::words::Words;
use super::super::Pack;
use super::service::{on_time_change, service_check};
use super::{label_of, new_table};
use crate::analysis::OfficeAnalysis;
use crate::export::Cell;

pub(super) fn changes(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    // Two organisations side by side: neither is a change of the other (SPEC §14).
    if pack.organisations_apart() {
        return;
    }
    doc.section(w.changes);
    let Some(rec) = pack.recommendation else {
        let mut items = Vec::new();
        for p in pack.office_pairs() {
            let staff = |o: Option<&OfficeAnalysis>| o.map_or(0, |o| o.staff);
            if staff(p.before) != staff(p.after) {
                items.push(vec![t(format!(
                    "{}{}{} → {}",
                    p.name,
                    w.colon,
                    staff(p.before),
                    staff(p.after)
                ))]);
            }
        }
        if items.is_empty() {
            doc.text(w.no_changes);
        }
        doc.bullets(items);
        return;
    };
    if rec.explanations.is_empty() {
        doc.text(w.no_changes);
    }
    let year_value = pack.after.analysis.year_value;
    for e in &rec.explanations {
        doc.heading(
            3,
            (w.change_heading)(
                &e.name,
                e.staff_before,
                e.staff_after,
                e.units_before,
                e.units_after,
            ),
        );
        let rules: Vec<&str> = e.binding.iter().map(|&r| (w.rule)(r)).collect();
        let label = |id: &str| label_of(pack.after.scenario, id).to_string();
        doc.text((w.reason)(&e.reason, &label));
        let office = pack
            .after
            .analysis
            .offices
            .iter()
            .find(|o| o.id == e.office);
        let mut items: Vec<Vec<Inline>> = office
            .map(|o| {
                o.works
                    .iter()
                    .map(|wl| {
                        vec![t((w.work_line)(
                            &wl.name,
                            wl.volume,
                            wl.hours_per_item,
                            year_value,
                            wl.required_hours / year_value.max(f64::MIN_POSITIVE),
                        ))]
                    })
                    .collect()
            })
            .unwrap_or_default();
        items.push(vec![t((w.required_line)(
            e.required_hours,
            e.fte_need,
            &rules.join(w.list_separator),
        ))]);
        // What one more post buys, once for all staff types that buy the same (they differ
        // only in cost); nothing when it would buy nothing.
        let n = f64::from(e.staff_after);
        let per_person = |n: f64| (n > 0.0).then(|| e.required_hours / n);
        let mut groups: Vec<(f64, f64, Vec<&str>, Vec<f64>)> = Vec::new();
        for v in e.one_more_post.iter().filter(|v| v.allowed) {
            let Some(u) = v.utilisation_with_one_more else {
                continue;
            };
            let label = label_of(pack.after.scenario, &v.staff_type);
            let same = |g: &(f64, f64, Vec<&str>, Vec<f64>)| {
                (g.0 - u).abs() < 1e-9 && (g.1 - v.unmet_drop).abs() < 1e-6
            };
            match groups.iter_mut().find(|g| same(g)) {
                Some(g) => {
                    g.2.push(label);
                    g.3.push(v.cost);
                }
                None => groups.push((u, v.unmet_drop, vec![label], vec![v.cost])),
            }
        }
        for (u, drop, labels, costs) in groups {
            let low = costs.iter().copied().fold(f64::INFINITY, f64::min);
            let high = costs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let cost = if (high - low).abs() < 0.5 {
                w.money(low)
            } else {
                format!("{}–{}", w.money(low), w.money(high))
            };
            items.push(vec![t((w.one_more_post)(
                &alternatives(&labels, w),
                &cost,
                per_person(n),
                per_person(n + 1.0).unwrap_or(0.0),
                u,
                drop,
            ))]);
        }
        if let Some(line) = on_time_change(pack, &e.office, w) {
            items.push(vec![t(line)]);
        }
        doc.bullets(items);
    }
    service_check(doc, pack, w);
}

/// "A, B or C" in the report's language.
fn alternatives(items: &[&str], w: &Words) -> String {
    match items.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(w.list_separator), w.or_separator),
        None => String::new(),
    }
}

pub(super) fn allocation(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    if pack.organisations_apart() {
        return;
    }
    let table = pack.allocation_table();
    // Only units that a group covers on either side.
    let rows: Vec<Vec<Cell>> = table
        .rows
        .into_iter()
        .filter(|r| !matches!((r.get(4), r.get(5)), (Some(Cell::Empty), Some(Cell::Empty))))
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.section(w.allocation);
    let [unit, hours] = w.allocation_headers;
    let [before, after] = pack.side_names();
    let mut t = new_table(&[unit, hours, &before, &after]);
    for r in rows {
        let get = |i: usize| r.get(i).cloned().unwrap_or(Cell::Empty);
        t.rows.push(vec![get(1), get(3), get(6), get(7)]);
    }
    doc.table(t);
}
