//! The service-level parts of the report (SPEC §8): per side, on time against target, lead
//! time against deadline, overtime against cap, team-rule idle hours and Erlang C; per
//! recommended change, what it does to the on-time share; and the service check of `run`,
//! which says plainly every target the plan still misses.

use super::super::document::{strong, t, Document};
use super::super::words::{document_words, Words};
use super::super::{Pack, Side};
use super::{band, new_table};
use crate::analysis::OfficeAnalysis;
use crate::export::Cell;
use crate::simulate::{OfficeSim, Simulation};

/// The service section of one side (SPEC §8): on time against target, lead time against
/// deadline, overtime against cap, team-rule idle hours and Erlang C, per office and work
/// type with a deadline, and why the team rule keeps simulated utilisation below the analysis.
pub(super) fn service(
    doc: &mut Document,
    name: &str,
    sim: &Simulation,
    side: &Side<'_>,
    why_said: &mut bool,
    w: &Words,
) {
    doc.heading(3, format!("{}{}", w.service, (w.bracket)(name)));
    let d = document_words(side.scenario.language);
    // Erlang C applies only where every work of an office needs one person; a column of
    // dashes says nothing, so it goes where no office has the figure.
    let erlang_any = sim.offices.iter().any(|o| {
        side.analysis
            .offices
            .iter()
            .any(|a| a.id == o.id && a.erlang_c.is_some())
    });
    doc.text(if erlang_any {
        format!("{}{}", d.service_text, d.service_erlang)
    } else {
        d.service_text.to_string()
    });
    let columns = if erlang_any {
        &w.service_columns[..]
    } else {
        &w.service_columns[..w.service_columns.len() - 1]
    };
    let mut table = new_table(columns);
    let cap = if sim.overtime_cap_hours > 0.0 {
        format!("{:.0}", sim.overtime_cap_hours)
    } else {
        w.no_cap.to_string()
    };
    let mut idle = Vec::new();
    for o in &sim.offices {
        let analysed = side.analysis.offices.iter().find(|a| a.id == o.id);
        let erlang = analysed
            .and_then(|a| a.erlang_c)
            .map_or("–".to_string(), |e| {
                let wait = e
                    .mean_wait_days
                    .map_or("–".to_string(), |d| format!("{d:.2}"));
                format!("{:.1}%, {wait}", e.p_wait * 100.0)
            });
        let overtime = format!("{} / {cap}", band(&o.overtime_hours_per_person, 1, false));
        let idle_hours = band(&o.team_idle_hours, 0, false);
        // The office's own figures (overtime, idle hours, Erlang C) on its first row only.
        let mut first = true;
        let mut row = |work: &str, on_time: String, lead: String| {
            let office = |text: &str| Cell::text(if first { text } else { "" });
            let mut cells = vec![
                Cell::text(&o.name),
                Cell::text(work),
                Cell::text(on_time),
                Cell::text(lead),
                office(&overtime),
                office(&idle_hours),
            ];
            if erlang_any {
                cells.push(office(&erlang));
            }
            table.rows.push(cells);
            first = false;
        };
        if o.on_time_by_work.is_empty() {
            row("–", "–".into(), band(&o.lead_days_p90, 1, false));
        }
        for work in &o.on_time_by_work {
            let target = work
                .on_time_target
                .map_or(w.no_target.to_string(), |x| format!("{:.0}%", x * 100.0));
            // Each work type's own lead time: the office's p90 mixes short and long work.
            let lead = &work.lead_days_p90;
            row(
                &work.name,
                format!("{} / {target}", band(&work.on_time_share, 1, true)),
                format!("{} / {}", band(lead, 1, false), work.deadline_days),
            );
        }
        if let Some(line) = idle_line(o, analysed, sim, side) {
            idle.push(vec![t(line)]);
        }
    }
    doc.table(table);
    if !idle.is_empty() {
        // Why the two utilisations differ is said once in the document; each side lists its
        // offices' figures.
        if !*why_said {
            doc.text(document_words(side.scenario.language).utilisation_why);
            *why_said = true;
        }
        doc.bullets(idle);
    }
}

/// The hours the team rule left idle in an office and its two utilisations, where the
/// simulated one sits below the analysis: one line, or none.
fn idle_line(
    o: &OfficeSim,
    analysed: Option<&OfficeAnalysis>,
    sim: &Simulation,
    side: &Side<'_>,
) -> Option<String> {
    let ana = analysed.and_then(|a| a.utilisation)?;
    let simulated = o.utilisation.mean;
    if o.team_idle_hours.mean < 0.5 || !simulated.is_finite() || simulated >= ana {
        return None;
    }
    let capacity = analysed.map_or(0.0, |a| a.capacity_hours) * f64::from(sim.days)
        / f64::from(side.scenario.calendar.working_days.max(1));
    let share = (capacity > 0.0).then(|| o.team_idle_hours.mean / capacity * 100.0);
    Some((document_words(side.scenario.language).idle_office)(
        &o.name,
        o.team_idle_hours.mean,
        share,
        simulated * 100.0,
        ana * 100.0,
    ))
}

/// What a recommended change does to the office's on-time share (today's simulation against
/// the recommendation's), where the office has deadline work.
pub(super) fn on_time_change(pack: &Pack<'_>, office: &str, w: &Words) -> Option<String> {
    let share = |side: &Side<'_>| {
        side.simulation?
            .offices
            .iter()
            .find(|o| o.id == office)?
            .on_time_share
            .filter(|b| b.is_defined())
            .map(|b| b.mean)
    };
    let (before, after) = (share(&pack.before), share(&pack.after));
    if before.is_none() && after.is_none() {
        return None;
    }
    let o = pack.after.scenario.office_index(office)?;
    let target = (0..pack.after.scenario.works.len())
        .filter(|&k| {
            pack.after.analysis.offices[o]
                .works
                .iter()
                .any(|l| l.id == pack.after.scenario.works[k].id)
        })
        .filter_map(|k| pack.after.scenario.on_time_target(k))
        .reduce(f64::max);
    Some((w.on_time_change)(before, after, target))
}

/// The service check (SPEC §8): the posts added for on-time targets, what they cost and do,
/// and, said plainly, every target the plan still misses.
pub(super) fn service_check(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let Some(check) = pack.service else {
        return;
    };
    let s = pack.after.scenario;
    doc.heading(3, w.service_check);
    let mut items = Vec::new();
    for (o, posts) in check.posts.iter().enumerate() {
        if posts.iter().all(|&n| n == 0) {
            continue;
        }
        let named: Vec<String> = posts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(t, &n)| (w.posts_of)(n, &s.staff_types[t].label))
            .collect();
        items.push(vec![t((w.service_posts)(
            &s.offices[o].name,
            &named.join(w.list_separator),
            &w.money(s.cost(posts)),
            check.on_time_before_service.get(o).copied().flatten(),
            check.on_time_after.get(o).copied().flatten(),
        ))]);
    }
    if check.met {
        doc.text((w.service_met)(check.runs, check.seed));
    } else {
        doc.paragraph(vec![strong((w.service_not_met)(check.runs, check.seed))]);
        for unmet in &check.unmet {
            let office = s
                .office_index(&unmet.office)
                .map_or(unmet.office.as_str(), |o| s.offices[o].name.as_str());
            let work = s
                .works
                .iter()
                .find(|k| k.id == unmet.work)
                .map_or(unmet.work.as_str(), |k| k.name.as_str());
            let reason = (w.shortfall)(unmet.reason);
            items.push(vec![t((w.service_unmet)(
                office,
                work,
                unmet.on_time_share,
                unmet.target,
                reason,
            ))]);
        }
    }
    if let Some(beyond) = &check.beyond_quota {
        let total = beyond.by_type();
        let named: Vec<String> = total
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(t, &n)| (w.posts_of)(n, &s.staff_types[t].label))
            .collect();
        if !named.is_empty() {
            items.push(vec![strong((w.beyond_quota)(
                &named.join(w.list_separator),
                &w.money(beyond.cost),
                beyond.met,
            ))]);
        }
    }
    if !items.is_empty() {
        doc.bullets(items);
    }
}
