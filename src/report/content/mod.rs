//! What the proposal appendix says, section by section, built once as a [`Document`] that
//! every format renders. Every figure in it is either an input of the scenario (listed in the
//! assumptions) or computed from inputs by a formula the report states, so a reader with only
//! the report and a calculator can redo it. Every word comes from `words/`, in the
//! scenario's language.

use super::document::{code, strong, t, Document, Inline};
use super::words::{words, Words};
use super::{Pack, Side, CHART_NAMES, TRAJECTORY_CHART, WORK_TYPE_CHART};
use crate::analysis::{Analysis, OfficeAnalysis};
use crate::export::{Cell, Table};
use crate::model::{Language, Scenario, WorkPlace};
use crate::simulate::{Band, Simulation};

mod plan;
mod request;
mod risk;
mod service;
pub(super) use plan::plan_total_table;
mod sure;
use service::{on_time_change, service, service_check};
pub use sure::{input_decimals, input_name, interval_table, ranking_table, TORNADO_CHART};

/// The whole report.
pub fn build(pack: &Pack<'_>) -> Document {
    let w = words(pack.before.scenario.language);
    let mut doc = Document::new(
        pack.before.scenario.language,
        format!("{}: {}", w.report_title, pack.before.scenario.name),
        pack.date.clone(),
    );
    header(&mut doc, pack, w);
    request::request(&mut doc, pack, w);
    summary(&mut doc, pack, w);
    peer_ratios(&mut doc, pack, w);
    assumptions(&mut doc, pack, w);
    offices(&mut doc, pack, w);
    work_types(&mut doc, pack, w);
    changes(&mut doc, pack, w);
    allocation(&mut doc, pack, w);
    simulation(&mut doc, pack, w);
    plan::plan_section(&mut doc, pack, w);
    sure::sure(&mut doc, pack, w);
    charts(&mut doc, pack, w);
    method(&mut doc, pack, w);
    doc
}

/// A table of the report: headers from the words, no title.
fn new_table(headers: &[&str]) -> Table {
    Table::new("", headers)
}

fn header(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let mut line = vec![t(format!("{} ", w.generated)), code(pack.before.source)];
    if pack.after.source != pack.before.source {
        line.push(t(" → "));
        line.push(after_source(pack, w));
    }
    let mut rest = format!(" · {} {} · {} {}", w.seed, pack.seed, w.runs, pack.runs);
    if let Some(date) = &pack.date {
        rest.push_str(&format!(" · {} {date}", w.date));
    }
    line.push(t(rest));
    doc.paragraph(line);
}

/// The `after` side: its file, or for `run` the optimiser's recommendation, in words.
fn after_source(pack: &Pack<'_>, w: &Words) -> Inline {
    if pack.recommendation.is_some() {
        t(w.recommendation)
    } else {
        code(pack.after.source)
    }
}

/// Σ max(0, R − target × C) over offices.
fn unmet_hours(analysis: &Analysis) -> f64 {
    analysis
        .offices
        .iter()
        .map(|o| (o.required_hours - analysis.target_utilisation * o.capacity_hours).max(0.0))
        .sum()
}

fn peak(analysis: &Analysis) -> Cell {
    let mut peak: Option<f64> = Some(0.0);
    for o in &analysis.offices {
        match (o.utilisation, o.required_hours > 0.0) {
            (Some(u), _) => peak = peak.map(|p| p.max(u)),
            (None, true) => peak = None,
            (None, false) => {}
        }
    }
    peak.map_or(Cell::text("∞"), Cell::Share)
}

fn summary(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.summary);
    let (b, a) = (pack.before.analysis, pack.after.analysis);
    let mut table = new_table(&["", w.before, w.after]);
    let mut row = |label: &str, before: Cell, after: Cell| {
        table.rows.push(vec![Cell::text(label), before, after])
    };
    let r = &w.summary_rows;
    row(
        r[0],
        Cell::Int(i64::from(b.total.staff)),
        Cell::Int(i64::from(a.total.staff)),
    );
    for (label, before, after) in staff_type_totals(pack) {
        row(&format!("  {label}"), Cell::Int(before), Cell::Int(after));
    }
    row(
        r[1],
        Cell::text(w.money(b.total.cost)),
        Cell::text(w.money(a.total.cost)),
    );
    row(
        r[2],
        Cell::Num(b.total.required_hours, 1),
        Cell::Num(a.total.required_hours, 1),
    );
    row(
        r[3],
        Cell::Num(b.total.fte_need, 2),
        Cell::Num(a.total.fte_need, 2),
    );
    row(
        r[4],
        Cell::count(b.total.posts_needed),
        Cell::count(a.total.posts_needed),
    );
    row(r[5], Cell::Int(b.total.gap), Cell::Int(a.total.gap));
    row(r[6], peak(b), peak(a));
    let over = |a: &Analysis| a.offices.iter().filter(|o| a.over_target(o)).count() as i64;
    row(r[10], Cell::Int(over(b)), Cell::Int(over(a)));
    row(
        r[7],
        Cell::Num(unmet_hours(b), 1),
        Cell::Num(unmet_hours(a), 1),
    );
    let uncovered = |a: &Analysis| a.uncovered.iter().map(|u| u.required_hours).sum::<f64>();
    let units = |a: &Analysis| a.uncovered.len() as i64;
    row(r[8], Cell::Int(units(b)), Cell::Int(units(a)));
    row(r[9], Cell::Num(uncovered(b), 1), Cell::Num(uncovered(a), 1));
    doc.table(table);
    risk::steady_summary(doc, pack, w);
    let Some(rec) = pack.recommendation else {
        return;
    };
    let status = match rec.status {
        crate::optimise::Status::Optimal => w.status_optimal,
        crate::optimise::Status::TimeLimit => w.status_time_limit,
    };
    let bound = match rec.objective {
        crate::optimise::Objective::Cost => w.money(rec.objective_bound),
        crate::optimise::Objective::UnmetHours => {
            format!("{:.1} {}", rec.objective_bound, w.hours_unit)
        }
    };
    let (before, after) = (w.recommendation_is)();
    doc.paragraph(vec![
        t(before),
        strong(status),
        t((w.bound_text)(&bound)),
        t(after),
    ]);
    if let Some(extra) = &rec.extra_posts_needed {
        let parts: Vec<String> = rec
            .staff_types
            .iter()
            .zip(extra)
            .filter(|(_, n)| **n > 0)
            .map(|(t, n)| (w.posts_of)(*n, label_of(pack.after.scenario, t)))
            .collect();
        if !parts.is_empty() {
            doc.text((w.extra_posts)(
                rec.unmet_hours,
                &parts.join(w.list_separator),
                &w.money(rec.extra_cost),
            ));
        }
    }
    if let Some(check) = pack.service {
        if !check.met {
            doc.paragraph(vec![strong((w.service_summary)(check.unmet.len()))]);
        }
    }
    if let Some((offices, lowest)) = sure::plan_seldom_holds(pack, w) {
        doc.paragraph(vec![strong((w.sure.holds_summary)(&offices, lowest))]);
    }
}

/// The label of a staff type id (the id itself if neither side knows it).
fn label_of<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.staff_types
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str())
}

/// (staff type label, before, after) headcounts.
fn staff_type_totals(pack: &Pack<'_>) -> Vec<(String, i64, i64)> {
    let total = |s: &Scenario, id: &str| -> i64 {
        s.staff_types
            .iter()
            .position(|t| t.id == id)
            .map_or(0, |t| s.offices.iter().map(|o| i64::from(o.staff[t])).sum())
    };
    pack.staff_types()
        .into_iter()
        .map(|t| {
            let label = pack
                .before
                .scenario
                .staff_types
                .iter()
                .chain(&pack.after.scenario.staff_types)
                .find(|s| s.id == t)
                .map_or(t, |s| s.label.as_str());
            (
                label.to_string(),
                total(pack.before.scenario, t),
                total(pack.after.scenario, t),
            )
        })
        .collect()
}

/// The ratios a study report quotes (`benchmark`), both sides side by side.
fn peer_ratios(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let peers = [&pack.before, &pack.after].map(|s| crate::benchmark::Peer {
        file: s.source,
        scenario: s.scenario,
        analysis: s.analysis,
    });
    let b = crate::benchmark::benchmark(&peers);
    let [Some(before), Some(after)] = [b.rows.first(), b.rows.get(1)] else {
        return;
    };
    doc.heading(3, w.peer_ratios);
    let mut table = new_table(&["", w.before, w.after]);
    let mut row = |label: &str, f: &dyn Fn(&crate::benchmark::Row) -> Cell| {
        table
            .rows
            .push(vec![Cell::text(label), f(before), f(after)]);
    };
    let r = &w.summary_rows;
    row(r[0], &|x| Cell::Int(i64::from(x.staff)));
    row(w.supervised_units, &|x| Cell::Int(x.units as i64));
    row(w.party_members, &|x| {
        x.members.map_or(Cell::Empty, |m| {
            Cell::Int(i64::try_from(m).unwrap_or(i64::MAX))
        })
    });
    row(r[2], &|x| Cell::Num(x.required_hours, 1));
    row(r[3], &|x| Cell::Num(x.fte_need, 2));
    row(r[4], &|x| Cell::count(x.posts_needed));
    for (ratio, name) in crate::benchmark::Ratio::ALL.iter().zip(w.ratio_names) {
        row(name, &|x| Cell::opt_num(ratio.value(x), ratio.decimals()));
    }
    row(r[8], &|x| Cell::Int(x.uncovered_units as i64));
    for (k, shared) in b.shared.iter().enumerate() {
        row(
            &format!("{}{}{}", shared.name, w.colon, w.items_per_person),
            &|x| Cell::opt_num(x.work.get(k).and_then(|w| w.items_per_person), 2),
        );
    }
    doc.table(table);
    doc.text(w.peer_ratios_text);
}

fn assumptions(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let s = pack.before.scenario;
    let c = &s.calendar;
    doc.section(w.assumptions);
    doc.heading(3, w.year_value);
    doc.paragraph(vec![
        t(format!(
            "{}: {} = ({} − {} − {}) × {} × (1 − {}) = ",
            w.year_value_text,
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
            "{}{}{}{}: ",
            w.capacity_text, w.full_stop, w.sentence_gap, w.target_text
        )),
        strong(format!("{:.0}%", s.policy.target_utilisation * 100.0)),
        t(format!(
            "{}{}{}: {} {}{}",
            w.full_stop,
            w.sentence_gap,
            w.overtime_text,
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
            .map(|&(child, share)| format!("{} × {share}", s.works[child].id))
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

fn offices(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.offices);
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
        t(format!("{} ", w.workload_note)),
        after_source(pack, w),
        t(w.full_stop),
    ]);
    if !pack.before.analysis.uncovered.is_empty() {
        doc.heading(3, format!("{} ({})", w.uncovered, w.before));
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
pub(super) fn workload_table(side: &Side<'_>, year_value: f64, w: &Words) -> Table {
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

fn work_share(analysis: &Analysis, id: &str) -> Option<WorkShare> {
    let mut share: Option<WorkShare> = None;
    for o in &analysis.offices {
        for work in o.works.iter().filter(|wl| wl.id == id) {
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
pub(super) fn work_type_table(pack: &Pack<'_>, w: &Words) -> Option<Table> {
    if pack.recommendation.is_some() || !reorganised(pack) {
        return None;
    }
    let (bs, as_) = (pack.before.scenario, pack.after.scenario);
    let mut table = new_table(&w.work_compare_headers);
    let mut matched_after = vec![false; as_.works.len()];
    let mut rows: Vec<(String, Option<WorkShare>, Option<WorkShare>)> = Vec::new();
    for work in &bs.works {
        let after = as_
            .works
            .iter()
            .position(|x| x.id == work.id)
            .or_else(|| as_.works.iter().position(|x| x.name == work.name));
        let after_share = after.and_then(|i| {
            matched_after[i] = true;
            work_share(pack.after.analysis, &as_.works[i].id)
        });
        let before_share = work_share(pack.before.analysis, &work.id);
        rows.push((work.name.clone(), before_share, after_share));
    }
    for (i, work) in as_.works.iter().enumerate() {
        if !matched_after[i] {
            let share = work_share(pack.after.analysis, &work.id);
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

fn work_types(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(table) = work_type_table(pack, w) else {
        return;
    };
    doc.heading(3, w.work_compare);
    doc.text(w.work_compare_text);
    doc.table(table);
}

fn changes(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.changes);
    let Some(rec) = pack.recommendation else {
        let mut items = Vec::new();
        for p in pack.office_pairs() {
            let staff = |o: Option<&OfficeAnalysis>| o.map_or(0, |o| o.staff);
            if staff(p.before) != staff(p.after) {
                items.push(vec![t(format!(
                    "{}: {} → {}",
                    p.name,
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

fn allocation(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
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
    let mut t = new_table(&[unit, hours, w.before, w.after]);
    for r in rows {
        let get = |i: usize| r.get(i).cloned().unwrap_or(Cell::Empty);
        t.rows.push(vec![get(1), get(3), get(6), get(7)]);
    }
    doc.table(t);
}

fn band(b: &Band, decimals: usize, percent: bool) -> String {
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
pub(super) fn simulated<'a>(pack: &'a Pack<'_>, w: &'a Words) -> Vec<(&'a str, &'a Simulation)> {
    [
        (w.before, pack.before.simulation),
        (w.after, pack.after.simulation),
    ]
    .into_iter()
    .filter_map(|(n, s)| s.map(|s| (n, s)))
    .collect()
}

fn simulation(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let sides = simulated(pack, w);
    if sides.is_empty() {
        return;
    }
    doc.section(w.simulation);
    doc.text(w.simulation_text);
    for (name, sim) in sides {
        doc.heading(3, (w.simulation_heading)(name, sim.days, sim.runs));
        let mut table = new_table(&w.simulation_headers);
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
    for (name, sim, side) in [
        (w.before, pack.before.simulation, &pack.before),
        (w.after, pack.after.simulation, &pack.after),
    ] {
        if let Some(sim) = sim {
            service(doc, name, sim, side, w);
        }
    }
}

/// The chart titles, in the order of [`CHART_NAMES`].
pub(super) fn chart_titles(w: &Words) -> [&'static str; 4] {
    [
        w.chart_caseload,
        w.chart_utilisation,
        w.chart_backlog,
        w.chart_allocation,
    ]
}

fn charts(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.charts);
    for (name, title) in CHART_NAMES.iter().zip(chart_titles(w)) {
        doc.figure(name, title);
    }
    if work_type_table(pack, w).is_some() {
        doc.figure(WORK_TYPE_CHART, w.chart_work_types);
    }
    if pack.plan.is_some() {
        doc.figure(TRAJECTORY_CHART, w.plan.chart_title);
    }
}

fn method(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.method);
    let days = pack
        .before
        .simulation
        .map_or(pack.before.scenario.calendar.working_days, |s| s.days);
    let mut items = (w.method_items)(pack.runs, days);
    let bounded = [pack.before.simulation, pack.after.simulation]
        .into_iter()
        .flatten()
        .find(|s| s.band_runs < s.runs || s.series_step_days > 1);
    if let Some(s) = bounded {
        items.push((w.bounded_bands)(s.band_runs, s.runs, s.series_step_days));
    }
    doc.bullets(items.into_iter().map(|s| vec![t(s)]).collect());
}
