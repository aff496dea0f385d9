//! The multi-year plan's section of the report (SPEC §10): the staff types' attrition, lag and
//! caps, the whole organisation year by year, the recruitment each year must request (by
//! staff type, with the year it arrives), the year the plan stops keeping up and why (a quota
//! or cap that cuts a request, else the hiring lag), and the gap office by office.

use super::super::document::{t, Document};
use super::super::words::Words;
use super::super::Pack;
use super::{label_of, new_table};
use crate::export::{Cell, Table};
use crate::model::Scenario;
use crate::multiyear::{CutBy, MultiYearPlan};

/// The whole organisation year by year (also the workbook's sheet).
pub(in super::super) fn plan_total_table(plan: &MultiYearPlan, w: &Words) -> Table {
    let mut table = new_table(&w.plan.total_headers);
    for y in &plan.years {
        let f = &y.total;
        let band = &f.staff_band;
        table.rows.push(vec![
            Cell::Int(i64::from(y.year)),
            Cell::count(f.posts_needed),
            Cell::Num(f.staff_before_hires, 1),
            Cell::Int(i64::try_from(f.hires_requested).unwrap_or(i64::MAX)),
            Cell::Int(i64::try_from(f.hires_arriving).unwrap_or(i64::MAX)),
            Cell::Num(f.staff, 1),
            Cell::text(format!("{:.0}–{:.0}", band.p5, band.p95)),
            Cell::Num(f.leavers, 1),
            Cell::Num(f.gap, 1),
            Cell::Share(f.p_short),
        ]);
    }
    table
}

pub(super) fn plan_section(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(plan) = pack.plan else {
        return;
    };
    let pw = w.plan;
    let s = pack.before.scenario;
    let (Some(first), Some(last)) = (plan.years.first(), plan.years.last()) else {
        return;
    };
    doc.section(pw.title);
    doc.text((pw.intro)(first.year, last.year, plan.runs, plan.seed));

    doc.table(staff_type_table(plan, s, w));

    doc.heading(3, pw.total_heading);
    doc.table(plan_total_table(plan, w));

    doc.heading(3, pw.request_heading);
    let mut lines = Vec::new();
    for y in &plan.years {
        let items: Vec<String> = y
            .total
            .hires_requested_by_type
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| {
                let lag = s
                    .staff_types
                    .iter()
                    .find(|ty| &ty.id == id)
                    .map_or(0, |ty| ty.hiring_lag_years);
                (pw.request_item)(*n, label_of(s, id), plan.label(y.index + lag))
            })
            .collect();
        // Shortfalls counted by office: another office's surplus does not do their work.
        let short: f64 = y.offices.iter().map(|o| (-o.figures.gap).max(0.0)).sum();
        lines.push(vec![t(if items.is_empty() && short > 0.05 {
            (pw.no_request_short)(y.year, short, y.total.gap)
        } else if items.is_empty() {
            (pw.no_request)(y.year)
        } else {
            (pw.request_line)(y.year, &items.join(w.list_separator))
        })]);
    }
    doc.bullets(lines);

    match plan.first_short_year {
        None => doc.text((pw.keeps_up)(last.year)),
        Some(year) => {
            let short: Vec<&str> = plan
                .years
                .iter()
                .find(|y| y.year == year)
                .map(|y| {
                    y.offices
                        .iter()
                        .filter(|o| o.figures.gap < -1e-9)
                        .map(|o| o.name.as_str())
                        .collect()
                })
                .unwrap_or_default();
            doc.text((pw.short)(
                year,
                &short.join(w.list_separator),
                people_short(last),
                last.year,
                last.total.gap,
            ));
            if plan.binding.is_empty() {
                doc.text(pw.lag_cause);
            }
        }
    }
    super::risk::plan_risk(doc, plan, w);
    cut_sentences(doc, plan, s, w);

    doc.heading(3, pw.office_heading);
    doc.text(pw.office_text);
    let years: Vec<String> = plan.years.iter().map(|y| y.year.to_string()).collect();
    let mut headers: Vec<&str> = vec![pw.office];
    headers.extend(years.iter().map(String::as_str));
    let mut table = new_table(&headers);
    for (o, office) in s.offices.iter().enumerate() {
        let mut row = vec![Cell::text(&office.name)];
        row.extend(plan.years.iter().map(|y| {
            y.offices
                .get(o)
                .map_or(Cell::Empty, |x| Cell::Num(x.figures.gap, 1))
        }));
        table.rows.push(row);
    }
    doc.table(table);
}

/// The staff types' attrition, lag, hiring cap and quota, as the plan reads them.
fn staff_type_table(plan: &MultiYearPlan, s: &Scenario, w: &Words) -> Table {
    let pw = w.plan;
    let mut types = new_table(&pw.staff_headers);
    for (k, ty) in s.staff_types.iter().enumerate() {
        let quota = match &s.policy.quota_by_year[k] {
            Some(q) => q
                .iter()
                .take(plan.years.len())
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(w.list_separator),
            None => s.policy.quota[k].map_or(String::new(), |q| q.to_string()),
        };
        types.rows.push(vec![
            Cell::text(&ty.label),
            Cell::Share(ty.attrition),
            Cell::Int(i64::from(ty.hiring_lag_years)),
            ty.hires_per_year
                .map_or(Cell::text(pw.no_cap), |n| Cell::Int(i64::from(n))),
            Cell::text(quota),
        ]);
    }
    types
}

/// One sentence per arrival year, staff type and rule that cut the hires, over all offices,
/// year by year.
fn cut_sentences(doc: &mut Document, plan: &MultiYearPlan, s: &Scenario, w: &Words) {
    let pw = w.plan;
    let mut cuts: Vec<(u32, usize, &str, CutBy)> = Vec::new();
    for b in &plan.binding {
        let k = plan
            .staff_types
            .iter()
            .position(|t| *t == b.staff_type)
            .unwrap_or(0);
        if !cuts
            .iter()
            .any(|c| (c.0, c.1, c.3) == (b.arrival, k, b.rule))
        {
            cuts.push((b.arrival, k, &b.staff_type, b.rule));
        }
    }
    cuts.sort_by_key(|c| (c.0, c.1));
    for (arrival, _, staff_type, rule) in cuts {
        let (wanted, granted) = plan
            .binding
            .iter()
            .filter(|x| x.arrival == arrival && x.staff_type == staff_type && x.rule == rule)
            .fold((0, 0), |(w, g), x| (w + x.wanted, g + x.granted));
        doc.text((pw.binds)(
            arrival,
            label_of(s, staff_type),
            (pw.cut_by)(rule),
            wanted,
            granted,
        ));
    }
}

/// People short in a year, office by office: another office's surplus does not do their work.
fn people_short(year: &crate::multiyear::Year) -> f64 {
    year.offices.iter().map(|o| (-o.figures.gap).max(0.0)).sum()
}

/// The summary's sentence of the plan's result, where the pack has a multi-year plan.
pub(super) fn plan_result(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(plan) = pack.plan else {
        return;
    };
    let (Some(first), Some(last)) = (plan.years.first(), plan.years.last()) else {
        return;
    };
    doc.paragraph(vec![super::super::document::strong((w.plan.result)(
        first.year,
        last.year,
        plan.first_short_year,
        people_short(last),
        last.total.gap,
    ))]);
}
