//! The section every `run` report opens with (SPEC §14): the request in the staffing
//! committee's terms. One table of approved posts, people in post, vacancies, posts needed,
//! posts filled, moved and added, and their cost, per office and staff type; three sentences
//! (what is asked, what it costs, what it buys); the options the tool found beyond the quota,
//! named apart with their cost; and every office the plan makes worse, with why.

use super::super::document::{strong, t, Document, Inline};
use super::super::words::{Buys, Words};
use super::super::Pack;
use super::new_table;
use crate::export::Cell;
use crate::model::Scenario;
use crate::request::{Posts, Request};
use crate::simulate::OfficeSim;

/// The request section; nothing for `compare`, which has no recommendation.
pub(super) fn request(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(rec) = pack.recommendation else {
        return;
    };
    let r = w.request;
    let today = pack.before.scenario;
    doc.section(r.section);
    doc.table(request_table(&rec.request, today, w));
    if let Some(line) = leader_posts(&rec.request, today, w) {
        doc.text(line);
    }
    doc.paragraph(vec![strong(asked(&rec.request, today, w))]);
    let (before, after) = (
        pack.before.analysis.total.cost,
        pack.after.analysis.total.cost,
    );
    let added: f64 = rec
        .request
        .by_type
        .iter()
        .zip(&today.staff_types)
        .map(|(p, t)| f64::from(p.add) * t.cost)
        .sum();
    let [today_name, _] = pack.side_names();
    doc.text((r.costs)(
        &today_name,
        &w.money(after),
        &w.money(before),
        // No change to speak of where the costs are equal to the unit shown.
        &if w.money(after) == w.money(before) {
            String::new()
        } else {
            w.money((after - before).abs())
        },
        after >= before,
        // Nothing to say of new posts where there are none.
        &if added > 0.0 {
            w.money(added)
        } else {
            String::new()
        },
    ));
    doc.text((r.buys)(&buys(pack)));
    if let Some(line) = how_sure(pack, w) {
        doc.paragraph(vec![strong(line)]);
    }
    options(doc, pack, w);
    worse(doc, pack, w);
}

/// The table: one row per office and staff type, then the sums of each staff type. A staff
/// type with no approved posts anywhere (contract, seconded) shows "–" as its approved posts.
fn request_table(request: &Request, s: &Scenario, w: &Words) -> crate::export::Table {
    let mut table = new_table(&w.request.headers);
    let has_posts: Vec<bool> = request.by_type.iter().map(|p| p.sanctioned > 0).collect();
    let row = |office: String, label: &str, p: &Posts, posts: bool| -> Vec<Cell> {
        let moved = i64::from(p.move_in) - i64::from(p.move_out);
        vec![
            Cell::text(office),
            Cell::text(label),
            if posts {
                Cell::Int(i64::from(p.sanctioned))
            } else {
                Cell::text("–")
            },
            Cell::Int(i64::from(p.in_post)),
            Cell::Int(i64::from(p.vacant)),
            Cell::Int(i64::from(p.needed)),
            Cell::Int(i64::from(p.fill)),
            match moved {
                0 => Cell::Int(0),
                m if m > 0 => Cell::text(format!("+{m}")),
                m => Cell::text(format!("−{}", m.unsigned_abs())),
            },
            Cell::Int(i64::from(p.add)),
            Cell::text(w.money(p.cost_per_year)),
        ]
    };
    for line in &request.offices {
        let office = s.offices.get(line.office).map_or("", |o| o.name.as_str());
        let label = type_label(s, line.staff_type);
        let posts = has_posts.get(line.staff_type).copied().unwrap_or(false);
        table
            .rows
            .push(row(office.to_string(), label, &line.posts, posts));
    }
    for (t, p) in request.by_type.iter().enumerate() {
        if p.sanctioned + p.in_post + p.needed == 0 {
            continue;
        }
        let label = type_label(s, t);
        let posts = has_posts.get(t).copied().unwrap_or(false);
        table
            .rows
            .push(row(w.request.subtotal.to_string(), label, p, posts));
    }
    table
}

fn type_label(s: &Scenario, t: usize) -> &str {
    s.staff_types.get(t).map_or("", |t| t.label.as_str())
}

fn office_name(s: &Scenario, o: usize) -> &str {
    s.offices.get(o).map_or("", |o| o.name.as_str())
}

/// The approved leadership posts, where the scenario gives them.
fn leader_posts(request: &Request, s: &Scenario, w: &Words) -> Option<String> {
    if request.leader_posts.is_empty() {
        return None;
    }
    let list: Vec<String> = request
        .leader_posts
        .iter()
        .map(|p| format!("{} {}", office_name(s, p.office), p.posts))
        .collect();
    Some((w.request.leader_posts)(&list.join(w.list_separator)))
}

/// What is asked, staff type by staff type: vacancies filled, posts moved (from → to), posts
/// added, and the approved posts the plan leaves unneeded where they are.
fn asked(request: &Request, s: &Scenario, w: &Words) -> String {
    let r = w.request;
    let parts: Vec<String> = (0..request.by_type.len())
        .filter_map(|t| asked_type(request, s, w, t))
        .collect();
    if parts.is_empty() {
        r.nothing_asked.to_string()
    } else {
        (r.asked)(&parts.join(r.type_separator))
    }
}

/// What is asked of one staff type, if anything.
fn asked_type(request: &Request, s: &Scenario, w: &Words, t: usize) -> Option<String> {
    let r = w.request;
    let p = request.by_type.get(t)?;
    let spare: Vec<(usize, u32)> = request
        .offices
        .iter()
        .filter(|l| l.staff_type == t && !s.offices.get(l.office).is_some_and(|o| o.fixed))
        .map(|l| {
            let unneeded = l.posts.sanctioned.saturating_sub(l.posts.needed);
            (l.office, unneeded.saturating_sub(l.posts.move_out))
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    if p.fill + p.move_in + p.add == 0 && spare.is_empty() {
        return None;
    }
    let moves: Vec<String> = request
        .moves
        .iter()
        .filter(|m| m.staff_type == t)
        .map(|m| (r.move_of)(office_name(s, m.from), office_name(s, m.to), m.posts))
        .collect();
    let mut text = String::new();
    if p.fill + p.move_in + p.add > 0 {
        text = (r.asked_type)(
            type_label(s, t),
            p.fill,
            p.move_in,
            &moves.join(w.list_separator),
            p.add,
            p.sanctioned > 0,
        );
    }
    if !spare.is_empty() {
        let offices: Vec<&str> = spare.iter().map(|&(o, _)| office_name(s, o)).collect();
        let n = spare.iter().map(|&(_, n)| n).sum();
        let unneeded = (r.spare)(n, &offices.join(w.list_separator));
        text = match text.is_empty() {
            true => format!(
                "{}{}",
                (r.asked_type)(type_label(s, t), 0, 0, "", 0, true),
                unneeded
            ),
            false => format!("{text}{}{unneeded}", w.list_separator),
        };
    }
    Some(text)
}

/// What the plan buys: offices brought to the target, on-time targets met, units covered.
fn buys(pack: &Pack<'_>) -> Buys {
    let (b, a) = (pack.before.analysis, pack.after.analysis);
    let over = |x: &crate::analysis::Analysis, id: &str| {
        x.offices
            .iter()
            .find(|o| o.id == id)
            .is_some_and(|o| x.over_target(o))
    };
    let over_before: Vec<&str> = b
        .offices
        .iter()
        .filter(|o| b.over_target(o))
        .map(|o| o.id.as_str())
        .collect();
    let targets = pack.service.map(|check| {
        let targets = pack.after.simulation.map_or(0, |sim| {
            sim.offices
                .iter()
                .flat_map(|o| &o.on_time_by_work)
                .filter(|w| w.on_time_target.is_some())
                .count()
        });
        (targets, targets.saturating_sub(check.unmet.len()))
    });
    Buys {
        over_before: over_before.len(),
        brought: over_before.iter().filter(|id| !over(a, id)).count(),
        over_after: a.offices.iter().filter(|o| a.over_target(o)).count(),
        targets,
        uncovered: (b.uncovered.len(), a.uncovered.len()),
        today: pack.side_names()[0].clone(),
    }
}

/// How sure the figures are, where the scenario has ranges: the share of the draws in which
/// every office of the recommended organisation holds at once, and each office that holds in
/// fewer than half of them.
fn how_sure(pack: &Pack<'_>, w: &Words) -> Option<String> {
    let holds = pack.holds?;
    let r = w.request;
    let weak: Vec<String> = pack
        .after
        .scenario
        .offices
        .iter()
        .zip(&holds.offices)
        .filter(|&(_, &share)| share < 0.5)
        .map(|(office, &share)| (r.office_share)(&office.name, share * 100.0))
        .collect();
    Some((r.how_sure)(holds.all, &weak.join(w.list_separator)))
}

/// The options the tool found beyond the quota, each named with its cost: the posts that
/// meet the target utilisation, and those that meet every on-time target.
fn options(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(rec) = pack.recommendation else {
        return;
    };
    let s = pack.after.scenario;
    let r = w.request;
    let mut items: Vec<Vec<Inline>> = Vec::new();
    if let Some(extra) = &rec.extra_posts_needed {
        let posts = posts_list(s, extra, w);
        if !posts.is_empty() {
            items.push(vec![t((r.option_target)(
                items.len() + 1,
                &posts,
                &w.money(rec.extra_cost),
                rec.unmet_hours,
            ))]);
        }
    }
    if let Some(beyond) = pack.service.and_then(|c| c.beyond_quota.as_ref()) {
        let posts = posts_list(s, &beyond.by_type(), w);
        if !posts.is_empty() {
            items.push(vec![t((r.option_service)(
                items.len() + 1,
                &posts,
                &w.money(beyond.cost),
                beyond.met,
            ))]);
        }
    }
    if !items.is_empty() {
        doc.heading(3, r.options);
        doc.bullets(items);
    }
}

/// "2 more contract, 1 more establishment": posts of each staff type, those with none left out.
fn posts_list(s: &Scenario, by_type: &[u32], w: &Words) -> String {
    by_type
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(t, n)| (w.posts_of)(*n, type_label(s, t)))
        .collect::<Vec<_>>()
        .join(w.list_separator)
}

/// Least rise of the utilisation, in share points, that counts as worse (past rounding).
const UTILISATION_MARGIN: f64 = 0.005;
/// Least fall of the on-time share, in share points, that counts as worse (past the noise of
/// a thousand simulated years).
const ON_TIME_MARGIN: f64 = 0.02;

/// Every office the plan makes worse on utilisation (above the target and higher), on-time
/// share, year-end backlog or overtime, and why: its staff cut, more work, or neither.
fn worse(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let r = w.request;
    let (ba, aa) = (pack.before.analysis, pack.after.analysis);
    let sims = |sim: Option<&crate::simulate::Simulation>, id: &str| -> Option<OfficeSim> {
        sim.and_then(|s| s.offices.iter().find(|o| o.id == id).cloned())
    };
    let mut items: Vec<Vec<Inline>> = Vec::new();
    for after in &aa.offices {
        // An office opened by the plan had nothing to be worse than.
        let Some(before) = ba.offices.iter().find(|o| o.id == after.id && o.staff > 0) else {
            continue;
        };
        let mut what: Vec<String> = Vec::new();
        if let (Some(b), Some(a)) = (before.utilisation, after.utilisation) {
            if aa.over_target(after) && a > b + UTILISATION_MARGIN {
                what.push((r.worse_utilisation)(b * 100.0, a * 100.0));
            }
        }
        let (sb, sa) = (
            sims(pack.before.simulation, &after.id),
            sims(pack.after.simulation, &after.id),
        );
        if let (Some(sb), Some(sa)) = (&sb, &sa) {
            what.extend(simulated_worse(sb, sa, w));
        }
        if what.is_empty() {
            continue;
        }
        let why = if after.staff < before.staff {
            (r.why_cut)(before.staff, after.staff)
        } else if after.required_hours > before.required_hours * 1.01 {
            (r.why_more_work)(before.required_hours, after.required_hours)
        } else {
            r.why_other.to_string()
        };
        items.push(vec![t((r.worse_line)(
            &after.name,
            &what.join(r.separator),
            &why,
        ))]);
    }
    doc.heading(3, r.worse);
    if items.is_empty() {
        doc.text(r.worse_none);
    } else {
        doc.bullets(items);
    }
}

/// The simulated figures of one office that the plan makes worse: on-time share down, the
/// year-end backlog up by more than an item and a quarter, overtime up by more than a
/// working day and a tenth.
fn simulated_worse(b: &OfficeSim, a: &OfficeSim, w: &Words) -> Vec<String> {
    let r = w.request;
    let mut what = Vec::new();
    if let (Some(ob), Some(oa)) = (&b.on_time_share, &a.on_time_share) {
        if oa.mean < ob.mean - ON_TIME_MARGIN {
            what.push((r.worse_on_time)(ob.mean * 100.0, oa.mean * 100.0));
        }
    }
    let (bb, ba) = (b.backlog_end.mean, a.backlog_end.mean);
    if ba > bb + (0.25 * bb).max(1.0) {
        what.push((r.worse_backlog)(
            bb,
            ba,
            b.lead_days_p90.mean,
            a.lead_days_p90.mean,
        ));
    }
    let (ob, oa) = (
        b.overtime_hours_per_person.mean,
        a.overtime_hours_per_person.mean,
    );
    if oa > ob + (0.1 * ob).max(8.0) {
        what.push((r.worse_overtime)(ob, oa));
    }
    what
}
