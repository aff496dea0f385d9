//! The summary: headcount, cost, hours and gaps before and after, the optimiser's status and
//! what it could not meet, and the peer ratios a study report quotes.

use super::super::document::{strong, t, Document};
use super::super::words::{ratio_name, SummaryRows, Words};
use super::super::Pack;
use super::{new_table, sure};
use crate::analysis::Analysis;
use crate::export::Cell;
use crate::model::Scenario;

/// Σ max(0, R − target × C) over offices.
fn unmet_hours(analysis: &Analysis) -> f64 {
    analysis
        .offices
        .iter()
        .map(|o| (o.required_hours - analysis.target_utilisation * o.capacity_hours).max(0.0))
        .sum()
}

/// The highest utilisation among the offices with people; offices with work and nobody have
/// none (their work is counted as undone), and are counted beside it.
fn peak(analysis: &Analysis, r: &SummaryRows) -> Cell {
    let peak = analysis
        .offices
        .iter()
        .filter_map(|o| o.utilisation)
        .fold(0.0, f64::max);
    let unstaffed = analysis
        .offices
        .iter()
        .filter(|o| o.utilisation.is_none() && o.required_hours > 0.0)
        .count();
    match unstaffed {
        0 => Cell::Share(peak),
        n => Cell::text((r.peak_unstaffed)(
            &crate::export::table::cell_display(&Cell::Share(peak)),
            n,
        )),
    }
}

pub(super) fn summary(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    doc.section(w.summary);
    let (b, a) = (pack.before.analysis, pack.after.analysis);
    let [before_name, after_name] = pack.side_names();
    let mut table = new_table(&["", &before_name, &after_name]);
    let mut row = |label: &str, before: Cell, after: Cell| {
        table.rows.push(vec![Cell::text(label), before, after])
    };
    let r = &w.summary_rows;
    row(
        r.staff,
        Cell::Int(i64::from(b.total.staff)),
        Cell::Int(i64::from(a.total.staff)),
    );
    for (label, before, after) in staff_type_totals(pack) {
        row(&format!("  {label}"), Cell::Int(before), Cell::Int(after));
    }
    row(
        r.cost,
        Cell::text(w.money(b.total.cost)),
        Cell::text(w.money(a.total.cost)),
    );
    // SPEC §14: the work nobody does today is part of today's need, shown apart, so the
    // need does not grow because the plan takes it on.
    let undone = b.total.undone_hours > 0.0 || a.total.undone_hours > 0.0;
    // Two organisations: neither side is today (SPEC §14).
    let (undone_hours, undone_posts) = if pack.organisations_apart() {
        (r.undone_hours_apart, r.undone_posts_apart)
    } else {
        (r.undone_hours, r.undone_posts)
    };
    row(
        r.required_hours,
        Cell::Num(b.total.required_hours_incl_undone, 1),
        Cell::Num(a.total.required_hours_incl_undone, 1),
    );
    if undone {
        row(
            undone_hours,
            Cell::Num(b.total.undone_hours, 1),
            Cell::Num(a.total.undone_hours, 1),
        );
    }
    let fte = |x: &Analysis| x.total.fte_need + x.total.undone_hours / x.year_value.max(1e-9);
    row(r.fte_need, Cell::Num(fte(b), 2), Cell::Num(fte(a), 2));
    row(
        r.posts_needed,
        Cell::count(b.total.posts_needed_incl_undone),
        Cell::count(a.total.posts_needed_incl_undone),
    );
    if undone {
        row(
            undone_posts,
            Cell::count(b.total.undone_posts),
            Cell::count(a.total.undone_posts),
        );
    }
    let gap = |x: &Analysis| {
        x.total
            .gap
            .saturating_sub(i64::try_from(x.total.undone_posts).unwrap_or(i64::MAX))
    };
    row(r.gap, Cell::Int(gap(b)), Cell::Int(gap(a)));
    row(r.peak_utilisation, peak(b, r), peak(a, r));
    let over = |a: &Analysis| a.offices.iter().filter(|o| a.over_target(o)).count() as i64;
    row(
        r.offices_over_target,
        Cell::Int(over(b)),
        Cell::Int(over(a)),
    );
    row(
        r.unmet_hours,
        Cell::Num(unmet_hours(b), 1),
        Cell::Num(unmet_hours(a), 1),
    );
    let uncovered = |a: &Analysis| a.uncovered.iter().map(|u| u.required_hours).sum::<f64>();
    let units = |a: &Analysis| a.uncovered.len() as i64;
    // Units are a discipline-inspection measure: a court or an audit office has none.
    if has_units(pack) {
        row(r.uncovered_units, Cell::Int(units(b)), Cell::Int(units(a)));
        row(
            r.uncovered_hours,
            Cell::Num(uncovered(b), 1),
            Cell::Num(uncovered(a), 1),
        );
    }
    doc.table(table);
    not_done_today(doc, pack, w);
    scope(doc, pack, w);
    super::plan::plan_result(doc, pack, w);
    super::risk::steady_summary(doc, pack, w);
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
    if let Some(check) = pack.service {
        if !check.met {
            doc.paragraph(vec![strong((w.service_summary)(check.unmet.len()))]);
        }
    }
    if let Some((offices, lowest)) = sure::plan_seldom_holds(pack, w) {
        doc.paragraph(vec![strong((w.sure.holds_summary)(&offices, lowest))]);
    }
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
            (
                pack.staff_type_label(t).to_string(),
                total(pack.before.scenario, t),
                total(pack.after.scenario, t),
            )
        })
        .collect()
}

/// The ratios a study report quotes (`benchmark`): today's organisation and its peers where
/// the scenario names them (SPEC §14), else both sides side by side.
pub(super) fn peer_ratios(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let sides = [&pack.before, &pack.after].map(|s| crate::benchmark::Peer {
        file: s.source,
        scenario: s.scenario,
        analysis: s.analysis,
    });
    let own;
    let (b, names) = match pack.peers {
        Some(peers) => {
            let names: Vec<String> = peers.rows.iter().map(|r| r.name.clone()).collect();
            (peers, names)
        }
        None => {
            own = crate::benchmark::benchmark(&sides);
            (&own, pack.side_names().to_vec())
        }
    };
    if b.rows.len() < 2 {
        return;
    }
    doc.heading(3, w.peer_ratios);
    let mut headers = vec![""];
    headers.extend(names.iter().map(String::as_str));
    let mut table = new_table(&headers);
    let mut row = |label: &str, f: &dyn Fn(&crate::benchmark::Row) -> Cell| {
        let mut cells = vec![Cell::text(label)];
        cells.extend(b.rows.iter().map(f));
        table.rows.push(cells);
    };
    let r = &w.summary_rows;
    // A row only where one side has what it measures: no units, no members, no ratio of them.
    let units = b.rows.iter().any(|x| x.units > 0);
    let members = b.rows.iter().any(|x| x.members.is_some());
    row(r.staff, &|x| Cell::Int(i64::from(x.staff)));
    if units {
        row(w.supervised_units, &|x| Cell::Int(x.units as i64));
    }
    if members {
        row(w.party_members, &|x| {
            x.members.map_or(Cell::Empty, |m| {
                Cell::Int(i64::try_from(m).unwrap_or(i64::MAX))
            })
        });
    }
    // The hours and posts of the summary: the work nobody does counts in the need (§14).
    row(r.required_hours, &|x| {
        Cell::Num(x.required_hours + x.uncovered_hours, 1)
    });
    row(r.fte_need, &|x| Cell::Num(x.fte_need + undone_fte(x), 2));
    row(r.posts_needed, &|x| {
        Cell::count(x.posts_needed.saturating_add(x.undone_posts))
    });
    for ratio in crate::benchmark::Ratio::ALL {
        if b.rows.iter().all(|x| ratio.value(x).is_none()) {
            continue;
        }
        let name = ratio_name(ratio, pack.before.scenario.language);
        row(name, &|x| Cell::opt_num(ratio.value(x), ratio.decimals()));
    }
    if units {
        row(r.uncovered_units, &|x| Cell::Int(x.uncovered_units as i64));
    }
    for (k, shared) in b.shared.iter().enumerate() {
        row(
            &format!("{}{}{}", shared.name, w.colon, w.items_per_person),
            &|x| Cell::opt_num(x.work.get(k).and_then(|w| w.items_per_person), 2),
        );
    }
    doc.table(table);
    doc.text((w.peer_ratios_text)(units, members));
    if pack.peers.is_some() {
        // The planner's note on the peers (which the study names but gives no figures for)
        // comes from the scenario, so the pack never claims a peer it does not show.
        let note = pack
            .annotations
            .iter()
            .find(|a| a.place == "[scenario]" && a.key == "peers");
        if let Some(note) = note {
            doc.text((w.request.peers_note)(&note.comment));
        }
        doc.figure(crate::report::BENCHMARK_CHART, w.peer_title);
    }
}

/// What today's organisation leaves undone, in words: offices that have work but nobody
/// (a multi-year plan's groups before their first hires), then why the need grows.
fn not_done_today(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let empty: Vec<_> = pack
        .before
        .analysis
        .offices
        .iter()
        .filter(|o| o.staff == 0 && o.required_hours > 0.0)
        .collect();
    if !empty.is_empty() && !pack.organisations_apart() {
        let names: Vec<&str> = empty.iter().map(|o| o.name.as_str()).collect();
        doc.text((w.request.empty_offices)(
            &names.join(w.list_separator),
            empty.iter().map(|o| o.required_hours).sum(),
            empty.iter().map(|o| o.posts_needed).sum(),
        ));
    }
    need_grows(doc, pack, w);
}

/// The posts the plan's dispatched groups add to today's need (SPEC §14): the work nobody
/// does today is needed as one lump, ⌈hours ÷ (H × target)⌉, but the groups that take it on
/// each need whole people and at least their largest team. Said only where that accounts
/// for the whole growth of the need.
fn need_grows(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let (b, a) = (pack.before.analysis, pack.after.analysis);
    let undone = b.total.undone_posts;
    let grows = a
        .total
        .posts_needed_incl_undone
        .saturating_sub(b.total.posts_needed_incl_undone);
    if pack.recommendation.is_none() || undone == 0 || grows == 0 {
        return;
    }
    let s = pack.after.scenario;
    let was_undone = |u: &usize| {
        let id = s.units.get(*u).map(|u| u.id.as_str());
        b.uncovered.iter().any(|x| Some(x.id.as_str()) == id)
    };
    let groups: Vec<&str> = s
        .offices
        .iter()
        .filter(|o| o.is_group() && o.covers.iter().any(was_undone))
        .map(|o| o.id.as_str())
        .collect();
    let group_posts: u64 = a
        .offices
        .iter()
        .filter(|o| groups.contains(&o.id.as_str()))
        .map(|o| o.posts_needed)
        .sum();
    let team = s
        .works
        .iter()
        .filter(|x| x.place == crate::model::WorkPlace::CoveringGroup)
        .map(|x| x.team)
        .max()
        .unwrap_or(1);
    if group_posts.saturating_sub(undone) != grows {
        return;
    }
    let n = crate::report::words::NeedGrows {
        before: b.total.posts_needed_incl_undone,
        after: a.total.posts_needed_incl_undone,
        undone,
        groups: groups.len(),
        team,
        group_posts,
    };
    doc.text((w.request.need_grows)(n));
}

/// Whether either side has supervised units (a discipline-inspection organisation).
fn has_units(pack: &Pack<'_>) -> bool {
    !pack.before.scenario.units.is_empty() || !pack.after.scenario.units.is_empty()
}

/// FTE of the work nobody does in a row: its hours at the row's own year value (FTE need ÷
/// required hours), so each organisation uses its own.
fn undone_fte(x: &crate::benchmark::Row) -> f64 {
    match x.required_hours > 0.0 {
        true => x.uncovered_hours * x.fte_need / x.required_hours,
        false => 0.0,
    }
}

/// `compare` of two organisations (SPEC §14): that they are two organisations, the work
/// types only one of them models, and each one's year value.
fn scope(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    if !pack.organisations_apart() {
        return;
    }
    let r = w.request;
    let sides = [&pack.before, &pack.after].map(|s| crate::benchmark::Peer {
        file: s.source,
        scenario: s.scenario,
        analysis: s.analysis,
    });
    let shared = crate::benchmark::benchmark(&sides).shared;
    doc.text((r.both_model)(shared.len()));
    let names = pack.side_names();
    for (k, side) in sides.iter().enumerate() {
        let only: Vec<&str> = side
            .scenario
            .works
            .iter()
            .filter(|work| {
                !shared
                    .iter()
                    .any(|s| s.parts.get(k).is_some_and(|p| p.contains(&work.id)))
            })
            .map(|work| work.name.as_str())
            .collect();
        if !only.is_empty() {
            doc.paragraph(vec![strong((r.only_one_side)(
                &names[k],
                &only.join(w.list_separator),
            ))]);
        }
    }
    doc.text((r.year_values)(
        &names[0],
        pack.before.analysis.year_value,
        &names[1],
        pack.after.analysis.year_value,
    ));
}
