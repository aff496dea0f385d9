//! `report.md`: the proposal appendix. Every figure in it is either an input of the scenario
//! (listed in the assumptions) or computed from inputs by a formula the report states, so a
//! reader with only the report and a calculator can redo it.

use std::fmt::Write as _;

use super::words::{words, Words};
use super::{Pack, Side, CHART_NAMES};
use crate::analysis::Analysis;
use crate::export::markdown::table_markdown;
use crate::export::{Cell, Table};
use crate::model::{Scenario, WorkPlace};
use crate::simulate::{Band, Simulation};

/// The whole report.
pub fn report(pack: &Pack<'_>) -> String {
    let w = words(pack.before.scenario.language);
    let mut out = String::new();
    header(&mut out, pack, w);
    summary(&mut out, pack, w);
    peer_ratios(&mut out, pack, w);
    assumptions(&mut out, pack, w);
    offices(&mut out, pack, w);
    changes(&mut out, pack, w);
    allocation(&mut out, pack, w);
    simulation(&mut out, pack, w);
    charts(&mut out, w);
    method(&mut out, pack, w);
    out
}

fn header(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let _ = writeln!(out, "# {}: {}\n", w.report_title, pack.before.scenario.name);
    let mut line = format!("{} `{}`", w.generated, pack.before.source);
    if pack.after.source != pack.before.source {
        let _ = write!(line, " → `{}`", pack.after.source);
    }
    let _ = write!(
        line,
        " · {} {} · {} {}",
        w.seed, pack.seed, w.runs, pack.runs
    );
    if let Some(date) = &pack.date {
        let _ = write!(line, " · {} {date}", w.date);
    }
    let _ = writeln!(out, "{line}\n");
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

fn uncovered_units(a: &Analysis) -> i64 {
    a.uncovered.len() as i64
}

fn summary(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let _ = writeln!(out, "## 1. {}\n", w.summary);
    let (b, a) = (pack.before.analysis, pack.after.analysis);
    let mut table = Table::new("", &["", w.before, w.after]);
    let mut row = |label: &str, before: Cell, after: Cell| {
        table.rows.push(vec![Cell::text(label), before, after])
    };
    let r = &w.summary_rows;
    row(
        r[0],
        Cell::Int(i64::from(b.total.staff)),
        Cell::Int(i64::from(a.total.staff)),
    );
    for (t, before, after) in staff_type_totals(pack) {
        row(&format!("  {t}"), Cell::Int(before), Cell::Int(after));
    }
    row(r[1], Cell::Num(b.total.cost, 0), Cell::Num(a.total.cost, 0));
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
        Cell::Int(i64::from(b.total.posts_needed)),
        Cell::Int(i64::from(a.total.posts_needed)),
    );
    row(r[5], Cell::Int(b.total.gap), Cell::Int(a.total.gap));
    row(r[6], peak(b), peak(a));
    let over = |a: &Analysis| {
        let target = a.target_utilisation * (1.0 + crate::analysis::TOLERANCE);
        a.offices
            .iter()
            .filter(|o| o.utilisation.is_none_or(|u| u > target) && o.required_hours > 0.0)
            .count() as i64
    };
    row(r[10], Cell::Int(over(b)), Cell::Int(over(a)));
    row(
        r[7],
        Cell::Num(unmet_hours(b), 1),
        Cell::Num(unmet_hours(a), 1),
    );
    let uncovered = |a: &Analysis| a.uncovered.iter().map(|u| u.required_hours).sum::<f64>();
    row(
        r[8],
        Cell::Int(uncovered_units(b)),
        Cell::Int(uncovered_units(a)),
    );
    row(r[9], Cell::Num(uncovered(b), 1), Cell::Num(uncovered(a), 1));
    out.push_str(&table_markdown(&table));
    out.push('\n');
    if let Some(rec) = pack.recommendation {
        let _ = writeln!(
            out,
            "The recommendation is **{}** (bound on the objective: {:.1}).",
            rec.status.as_str(),
            rec.objective_bound
        );
        if let Some(extra) = &rec.extra_posts_needed {
            let parts: Vec<String> = rec
                .staff_types
                .iter()
                .zip(extra)
                .filter(|(_, n)| **n > 0)
                .map(|(t, n)| format!("{n} {t}"))
                .collect();
            if !parts.is_empty() {
                let _ = writeln!(
                    out,
                    "Quotas or budget leave {:.1} hours a year above the target; **{}** more posts would meet it (cost {:.0} a year).",
                    rec.unmet_hours,
                    parts.join(", "),
                    rec.extra_cost
                );
            }
        }
        out.push('\n');
    }
}

/// (staff type, before, after) headcounts.
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
                t.to_string(),
                total(pack.before.scenario, t),
                total(pack.after.scenario, t),
            )
        })
        .collect()
}

/// The peer benchmark's ratios of the two sides (staff per unit, per 1,000 members, hours per
/// person, items per person of the work types both have), as `staffplan benchmark` gives them.
fn peer_ratios(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let peers = [&pack.before, &pack.after].map(|s| crate::benchmark::Peer {
        file: s.source,
        scenario: s.scenario,
        analysis: s.analysis,
    });
    let b = crate::benchmark::benchmark(&peers);
    let [Some(before), Some(after)] = [b.rows.first(), b.rows.get(1)] else {
        return;
    };
    let _ = writeln!(out, "### {}\n", w.peer_ratios);
    let mut table = Table::new("", &["", w.before, w.after]);
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
    row(r[4], &|x| Cell::Int(i64::from(x.posts_needed)));
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
    out.push_str(&table_markdown(&table));
    let _ = writeln!(out, "\n{}\n", w.peer_ratios_text);
}

fn assumptions(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let s = pack.before.scenario;
    let c = &s.calendar;
    let _ = writeln!(out, "## 2. {}\n", w.assumptions);
    let _ = writeln!(out, "### {}\n", w.year_value);
    let _ = writeln!(
        out,
        "{}: H = (working_days − leave_days − training_days) × hours_per_day × (1 − non_case_share) = ({} − {} − {}) × {} × (1 − {}) = **{:.1} h**.\n",
        w.year_value_text,
        c.working_days,
        c.leave_days,
        c.training_days,
        c.hours_per_day,
        c.non_case_share,
        c.year_value()
    );
    let _ = writeln!(
        out,
        "{}. {}: **{:.0}%**. {}: {} h.\n",
        w.capacity_text,
        w.target_text,
        s.policy.target_utilisation * 100.0,
        w.overtime_text,
        c.overtime_hours
    );

    let _ = writeln!(out, "### {}\n", w.staff_types);
    let mut types = Table::new("", &["id", "label", "cost a year", "quota"]);
    for (t, ty) in s.staff_types.iter().enumerate() {
        types.rows.push(vec![
            Cell::text(&ty.id),
            Cell::text(&ty.label),
            Cell::Num(ty.cost, 0),
            s.policy.quota[t].map_or(Cell::Empty, |q| Cell::Int(i64::from(q))),
        ]);
    }
    out.push_str(&table_markdown(&types));
    if let Some(budget) = s.policy.budget {
        let _ = writeln!(out, "\nBudget: {budget:.0} a year.");
    }
    out.push('\n');

    let _ = writeln!(out, "### {}\n", w.work_types);
    let mut works = Table::new(
        "",
        &[
            "id",
            "work",
            "done at",
            "direct volume",
            "hours/item",
            "team",
            "cv",
            "deadline (days)",
            "next",
        ],
    );
    for work in &s.works {
        let place = match work.place {
            WorkPlace::Office(o) => s.offices[o].name.clone(),
            WorkPlace::CoveringGroup => "covering group".to_string(),
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
    out.push_str(&table_markdown(&works));
    out.push('\n');

    if !pack.annotations.is_empty() {
        let _ = writeln!(out, "### {}\n\n{}\n", w.figures, w.figures_text);
        let mut figures = Table::new("", &["line", "where", "key = value", "", "note"]);
        for a in pack.annotations {
            figures.rows.push(vec![
                Cell::Int(a.line as i64),
                Cell::text(&a.place),
                Cell::text(format!("`{} = {}`", a.key, a.value)),
                Cell::text(if a.is_assumption() {
                    w.assumed
                } else {
                    w.source
                }),
                Cell::text(&a.comment),
            ]);
        }
        out.push_str(&table_markdown(&figures));
        out.push('\n');
    }
}

fn offices(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let _ = writeln!(out, "## 3. {}\n", w.offices);
    let mut table = Table::new(
        "",
        &[
            "office",
            "staff",
            "required h",
            "capacity h",
            "utilisation",
            "items/person",
            "hours/person",
            "posts needed",
            "gap",
        ],
    );
    let arrow = |b: Option<String>, a: Option<String>| -> Cell {
        match (b, a) {
            (Some(b), Some(a)) if a == b => Cell::text(b),
            (b, a) => Cell::text(format!(
                "{} → {}",
                b.unwrap_or_else(|| "–".into()),
                a.unwrap_or_else(|| "–".into())
            )),
        }
    };
    let fmt = |v: Option<f64>, d: usize| v.map(|v| format!("{v:.d$}"));
    let pct = |v: Option<f64>| v.map(|v| format!("{:.1}%", v * 100.0));
    for p in pack.office_pairs() {
        let (b, a) = (p.before, p.after);
        table.rows.push(vec![
            Cell::text(p.name),
            arrow(
                b.map(|o| o.staff.to_string()),
                a.map(|o| o.staff.to_string()),
            ),
            arrow(
                fmt(b.map(|o| o.required_hours), 1),
                fmt(a.map(|o| o.required_hours), 1),
            ),
            arrow(
                fmt(b.map(|o| o.capacity_hours), 1),
                fmt(a.map(|o| o.capacity_hours), 1),
            ),
            arrow(
                pct(b.and_then(|o| o.utilisation)),
                pct(a.and_then(|o| o.utilisation)),
            ),
            arrow(
                fmt(b.and_then(|o| o.items_per_person), 1),
                fmt(a.and_then(|o| o.items_per_person), 1),
            ),
            arrow(
                fmt(b.and_then(|o| o.hours_per_person), 1),
                fmt(a.and_then(|o| o.hours_per_person), 1),
            ),
            arrow(
                b.map(|o| o.posts_needed.to_string()),
                a.map(|o| o.posts_needed.to_string()),
            ),
            arrow(b.map(|o| o.gap.to_string()), a.map(|o| o.gap.to_string())),
        ]);
    }
    out.push_str(&table_markdown(&table));
    let _ = writeln!(
        out,
        "\nutilisation = required h ÷ capacity h; items/person and hours/person divide the office's items and required hours by its staff; posts needed is the least headcount at or below the target, never below the largest team or `min_staff`.\n"
    );

    let _ = writeln!(out, "### {}\n", w.workload_detail);
    workload_detail(out, &pack.after, pack.before.analysis.year_value);
    if !pack.before.analysis.uncovered.is_empty() {
        let _ = writeln!(out, "### {} ({})\n", w.uncovered, w.before);
        let mut t = Table::new("", &["unit", "hours a year", "FTE"]);
        for u in &pack.before.analysis.uncovered {
            t.rows.push(vec![
                Cell::text(&u.name),
                Cell::Num(u.required_hours, 1),
                Cell::Num(u.fte_need, 2),
            ]);
        }
        out.push_str(&table_markdown(&t));
        out.push('\n');
    }
}

/// Volume × hours per work type and office, the arithmetic behind every "required h".
fn workload_detail(out: &mut String, side: &Side<'_>, year_value: f64) {
    let mut t = Table::new(
        "",
        &[
            "office",
            "work",
            "items a year",
            "× hours/item",
            "= required h",
            "÷ H = FTE",
        ],
    );
    for o in &side.analysis.offices {
        for work in &o.works {
            t.rows.push(vec![
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
    out.push_str(&table_markdown(&t));
    let _ = writeln!(
        out,
        "\nItems a year: the direct volume, plus the workload of the units covered, plus share × the items of the work feeding it (`next`). Figures for `{}`.\n",
        side.source
    );
}

fn changes(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let _ = writeln!(out, "## 4. {}\n", w.changes);
    let Some(rec) = pack.recommendation else {
        let mut any = false;
        for p in pack.office_pairs() {
            let staff = |o: Option<&crate::analysis::OfficeAnalysis>| o.map_or(0, |o| o.staff);
            if staff(p.before) != staff(p.after) {
                let _ = writeln!(
                    out,
                    "- {}: {} → {}",
                    p.name,
                    staff(p.before),
                    staff(p.after)
                );
                any = true;
            }
        }
        if !any {
            let _ = writeln!(out, "{}", w.no_changes);
        }
        out.push('\n');
        return;
    };
    if rec.explanations.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_changes);
    }
    for e in &rec.explanations {
        let _ = writeln!(
            out,
            "### {}: staff {} → {}, units {} → {}\n",
            e.name, e.staff_before, e.staff_after, e.units_before, e.units_after
        );
        let _ = writeln!(out, "{}\n", e.reason);
        for line in &e.work {
            let _ = writeln!(out, "- {line}");
        }
        let _ = writeln!(
            out,
            "- required {:.1} h = {:.2} FTE; binding rules: {}",
            e.required_hours,
            e.fte_need,
            e.binding.join(", ")
        );
        for v in e.one_more_post.iter().filter(|v| v.allowed) {
            let utilisation = v.utilisation_with_one_more.map_or(String::new(), |u| {
                format!(", utilisation {:.1}%", u * 100.0)
            });
            let _ = writeln!(
                out,
                "- one more {} post (cost {:.0}): unmet hours −{:.1}{utilisation}",
                v.staff_type, v.cost, v.unmet_drop
            );
        }
        out.push('\n');
    }
}

fn allocation(out: &mut String, pack: &Pack<'_>, w: &Words) {
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
    let _ = writeln!(out, "## 5. {}\n", w.allocation);
    let mut t = Table::new("", &["unit", "group hours a year", w.before, w.after]);
    for r in rows {
        let get = |i: usize| r.get(i).cloned().unwrap_or(Cell::Empty);
        t.rows.push(vec![get(1), get(3), get(6), get(7)]);
    }
    out.push_str(&table_markdown(&t));
    out.push('\n');
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

fn simulation(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let sides: Vec<(&str, &Simulation, &Side<'_>)> = [
        (w.before, pack.before.simulation, &pack.before),
        (w.after, pack.after.simulation, &pack.after),
    ]
    .into_iter()
    .filter_map(|(n, s, side)| s.map(|s| (n, s, side)))
    .collect();
    if sides.is_empty() {
        return;
    }
    let _ = writeln!(out, "## 6. {}\n\n{}\n", w.simulation, w.simulation_text);
    for &(name, sim, _) in &sides {
        let _ = writeln!(out, "### {name} ({} days × {} runs)\n", sim.days, sim.runs);
        let mut t = Table::new(
            "",
            &[
                "office",
                "done",
                "backlog at end",
                "wait (days)",
                "lead time (days)",
                "lead time p90",
                "late",
                "utilisation",
                "overtime h/person",
            ],
        );
        for o in &sim.offices {
            t.rows.push(vec![
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
        out.push_str(&table_markdown(&t));
        for message in sim.messages() {
            let _ = writeln!(out, "\n> {message}");
        }
        out.push('\n');
    }
    for &(name, sim, side) in &sides {
        service(out, name, sim, side, w);
    }
}

/// The service section of one side (SPEC §8): on time against target, lead time against
/// deadline, overtime against cap, team-rule idle hours and Erlang C, per office and work
/// type with a deadline, and why the team rule keeps simulated utilisation below the analysis.
fn service(out: &mut String, name: &str, sim: &Simulation, side: &Side<'_>, w: &Words) {
    let _ = writeln!(out, "### {} ({name})\n\n{}\n", w.service, w.service_text);
    let mut t = Table::new("", &w.service_columns);
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
        let mut row = |work: &str, on_time: String, lead: String| {
            t.rows.push(vec![
                Cell::text(&o.name),
                Cell::text(work),
                Cell::text(on_time),
                Cell::text(lead),
                Cell::text(&overtime),
                Cell::text(&idle_hours),
                Cell::text(&erlang),
            ]);
        };
        if o.on_time_by_work.is_empty() {
            row("–", "–".into(), band(&o.lead_days_p90, 1, false));
        }
        for work in &o.on_time_by_work {
            let target = work
                .on_time_target
                .map_or(w.no_target.to_string(), |x| format!("{:.0}%", x * 100.0));
            row(
                &work.name,
                format!("{} / {target}", band(&work.on_time_share, 1, true)),
                format!(
                    "{} / {}",
                    band(&o.lead_days_p90, 1, false),
                    work.deadline_days
                ),
            );
        }
        let analysed_utilisation = analysed.and_then(|a| a.utilisation);
        if let Some(ana) = analysed_utilisation {
            let simulated = o.utilisation.mean;
            if o.team_idle_hours.mean >= 0.5 && simulated.is_finite() && simulated < ana {
                let capacity = analysed.map_or(0.0, |a| a.capacity_hours) * f64::from(sim.days)
                    / f64::from(side.scenario.calendar.working_days.max(1));
                let share = if capacity > 0.0 {
                    format!(
                        " ({}{:.1}%{})",
                        w.of_capacity[0],
                        o.team_idle_hours.mean / capacity * 100.0,
                        w.of_capacity[1]
                    )
                } else {
                    String::new()
                };
                idle.push(format!(
                    "- {}: {:.0} {}{share} {} ({} {:.1}%, {} {:.1}%){}",
                    o.name,
                    o.team_idle_hours.mean,
                    w.hours_unit,
                    w.idle_why,
                    w.simulated_utilisation,
                    simulated * 100.0,
                    w.analysis_word,
                    ana * 100.0,
                    w.stop
                ));
            }
        }
    }
    out.push_str(&table_markdown(&t));
    if !idle.is_empty() {
        out.push('\n');
        for line in idle {
            let _ = writeln!(out, "{line}");
        }
    }
    out.push('\n');
}

fn charts(out: &mut String, w: &Words) {
    let _ = writeln!(out, "## 7. {}\n", w.charts);
    let titles = [
        w.chart_caseload,
        w.chart_utilisation,
        w.chart_backlog,
        w.chart_allocation,
    ];
    for (name, title) in CHART_NAMES.iter().zip(titles) {
        let _ = writeln!(
            out,
            "![{title}](charts/{name}.png)\n\n[SVG](charts/{name}.svg)\n"
        );
    }
}

fn method(out: &mut String, pack: &Pack<'_>, w: &Words) {
    let _ = writeln!(out, "## 8. {}\n", w.method);
    let _ = writeln!(
        out,
        "- Workload (weighted caseload): required hours R = Σ items a year × hours per item; FTE need = R ÷ H; utilisation = R ÷ C.\n\
         - Optimisation: headcount per office and staff type and the group of every unit, under quotas, budget, min/max staff, team sizes and full coverage; goals in order: every office at or below the target (else the fewest unmet hours), the least cost, the lowest peak utilisation, the fewest changes.\n\
         - Simulation: {} simulated years of {} working days; Poisson arrivals, Gamma-distributed effort with the work type's coefficient of variation, first come first served, an item starts only when its whole team is free; follow-up work starts with probability `share`; overtime while a backlog exists, up to the yearly cap.\n",
        pack.runs,
        pack.before.simulation.map_or(pack.before.scenario.calendar.working_days, |s| s.days)
    );
}
