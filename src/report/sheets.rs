//! The sheets of `tables.xlsx` that are no table of the CSV files: the summary it opens with
//! (the run's facts, the request and the headline figures, as the report states them), the
//! assumptions (calendar, staff types, work types and every cited or assumed figure, each
//! value a number where it is one) and the service levels (on time, lead time, overtime per
//! side, office and work type, as numbers rather than the report's "mean (p5–p95)" text).

use super::content::{calendar_inputs, scenario_work_table, staff_type_table};
use super::document::{Block, Document, Inline};
use super::words::{money_header, pack_sheet_words, template_words, words, Words};
use super::xlsx::{Part, Sheet};
use super::Pack;
use crate::export::{Cell, Table};
use crate::model::Scenario;
use crate::simulate::Band;

/// The blocks of the report's section titled `title` ("N. title"), up to the next section.
fn section<'d>(doc: &'d Document, title: &str) -> &'d [Block] {
    let is_section = |b: &Block, t: Option<&str>| match b {
        Block::Heading { level: 2, text } => t.is_none_or(|t| {
            text.split_once(". ")
                .is_some_and(|(n, rest)| rest == t && n.chars().all(|c| c.is_ascii_digit()))
        }),
        _ => false,
    };
    let Some(start) = doc.blocks.iter().position(|b| is_section(b, Some(title))) else {
        return &[];
    };
    let rest = &doc.blocks[start + 1..];
    let end = rest
        .iter()
        .position(|b| is_section(b, None))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Strong(s) | Inline::Code(s) => s.as_str(),
        })
        .collect()
}

/// The first table and every paragraph of a section, in order, as parts of a sheet.
fn section_parts(doc: &Document, title: &str, heading: &str) -> Vec<Part> {
    let blocks = section(doc, title);
    if blocks.is_empty() {
        return Vec::new();
    }
    let mut parts = vec![Part::Line {
        text: heading.to_string(),
        bold: true,
    }];
    let mut tables = 0;
    for block in blocks {
        match block {
            Block::Table(table) if tables == 0 => {
                tables += 1;
                parts.push(Part::table(table.clone()));
            }
            Block::Paragraph(inlines) if tables > 0 => parts.push(Part::Line {
                text: plain(inlines),
                bold: false,
            }),
            _ => {}
        }
    }
    parts
}

/// The summary sheet: the run's facts, then the request (for `run`) and the headline table
/// with the sentences that follow them in the report.
pub(super) fn summary(pack: &Pack<'_>, doc: &Document) -> Sheet {
    let w = words(pack.before.scenario.language);
    let s = pack_sheet_words(pack.before.scenario.language);
    let mut facts = Table {
        headers: vec![String::new(), String::new()],
        ..Table::default()
    };
    // The files by name, as the report's cover gives them: the path as typed is the machine's.
    let name = |source: &'_ str| -> String {
        std::path::Path::new(source)
            .file_name()
            .map_or(source.to_string(), |n| n.to_string_lossy().into_owned())
    };
    let compared = if pack.recommendation.is_some() {
        format!("{} → {}", name(pack.before.source), w.recommendation)
    } else {
        format!("{} → {}", name(pack.before.source), name(pack.after.source))
    };
    let mut row = |label: &str, value: Cell| facts.rows.push(vec![Cell::text(label), value]);
    row(s.facts[0], Cell::text(&pack.before.scenario.name));
    row(s.facts[1], Cell::text(compared));
    row(s.facts[2], Cell::text(pack.seed.to_string()));
    row(s.facts[3], Cell::text(pack.runs.to_string()));
    if let Some(date) = &pack.date {
        row(s.facts[4], Cell::text(date));
    }
    let mut parts = vec![
        Part::Line {
            text: doc.title.clone(),
            bold: true,
        },
        Part::Facts(facts),
    ];
    parts.extend(section_parts(doc, w.request.section, w.request.section));
    parts.extend(section_parts(doc, w.summary, w.summary));
    Sheet {
        name: s.summary_sheet.to_string(),
        parts,
        one_page: true,
    }
}

/// A value of the scenario file as a number where it is one.
fn value_cell(value: &str) -> Cell {
    match value.trim().replace('_', "").parse::<f64>() {
        Ok(v) if v.is_finite() => Cell::Num(v, 6),
        _ => Cell::text(value),
    }
}

/// The assumptions sheet: the calendar and target, the staff and work types, and every figure
/// of the scenario file with its source or the word that it is assumed.
pub(super) fn assumptions(pack: &Pack<'_>) -> Sheet {
    let scenario = pack.before.scenario;
    let language = scenario.language;
    let (w, s, t) = (
        words(language),
        pack_sheet_words(language),
        template_words(language),
    );
    let c = &scenario.calendar;
    let mut calendar = Table {
        headers: vec![String::new(), String::new()],
        ..Table::default()
    };
    for (label, value) in t.calc_inputs.iter().zip(calendar_inputs(c)) {
        calendar
            .rows
            .push(vec![Cell::text(*label), Cell::Num(value, 2)]);
    }
    calendar.rows.push(vec![
        Cell::text(t.calc_inputs[5]),
        Cell::Share(scenario.policy.target_utilisation),
    ]);
    calendar.rows.push(vec![
        Cell::text(t.calc_year_value),
        Cell::Num(c.year_value(), 1),
    ]);
    let mut parts = vec![
        Part::Line {
            text: s.calendar_heading.to_string(),
            bold: true,
        },
        Part::Facts(calendar),
        Part::Line {
            text: s.staff_types_heading.to_string(),
            bold: true,
        },
        Part::table(staff_types(scenario, w)),
        Part::Line {
            text: s.works_heading.to_string(),
            bold: true,
        },
        Part::table(scenario_work_table(scenario, w)),
    ];
    if !pack.annotations.is_empty() {
        let mut figures = Table {
            headers: s.figure_headers.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        };
        for a in pack.annotations {
            let place = if a.place == crate::scenario::TOP_LEVEL {
                w.top_level.to_string()
            } else {
                a.place.clone()
            };
            figures.rows.push(vec![
                Cell::Int(i64::try_from(a.line).unwrap_or(i64::MAX)),
                Cell::text(place),
                Cell::text(&a.key),
                value_cell(&a.value),
                Cell::text(if a.is_assumption() {
                    w.assumed
                } else {
                    w.source
                }),
                Cell::text(&a.comment),
            ]);
        }
        parts.push(Part::Line {
            text: s.figures_heading.to_string(),
            bold: true,
        });
        parts.push(Part::plain(figures, &[0, 3]));
    }
    Sheet {
        name: s.assumptions_sheet.to_string(),
        parts,
        one_page: false,
    }
}

/// The staff types of the appendix, costs as numbers under a header with the currency.
fn staff_types(scenario: &Scenario, w: &Words) -> Table {
    let mut table = staff_type_table(scenario, w, &|cost| Cell::Num(cost, 0));
    if let Some(header) = table.headers.get_mut(2) {
        *header = money_header(header, scenario.currency.as_deref());
    }
    table
}

/// The service sheet: per side, office and work type with a deadline, the on-time share and
/// its band, the target, lead time, overtime and the team rule's idle hours, as numbers.
/// Nothing where neither side was simulated.
pub(super) fn service(pack: &Pack<'_>) -> Option<Sheet> {
    let language = pack.before.scenario.language;
    let (w, s) = (words(language), pack_sheet_words(language));
    let sides = super::content::simulated(pack, w);
    if sides.is_empty() {
        return None;
    }
    let mut headers = vec![w.side.to_string(), w.simulation_headers.office.to_string()];
    headers.extend(s.service_headers.iter().map(|h| h.to_string()));
    let mut table = Table {
        headers,
        ..Table::default()
    };
    let number = |b: &Band, d: usize| {
        if b.mean.is_finite() {
            Cell::Num(b.mean, d)
        } else {
            Cell::Empty
        }
    };
    let share = |v: f64| {
        if v.is_finite() {
            Cell::Share(v)
        } else {
            Cell::Empty
        }
    };
    for (side, sim) in sides {
        let cap = if sim.overtime_cap_hours > 0.0 {
            Cell::Num(sim.overtime_cap_hours, 0)
        } else {
            Cell::Empty
        };
        for o in &sim.offices {
            let rest = [
                number(&o.lead_days_p90, 1),
                Cell::Empty,
                number(&o.overtime_hours_per_person, 1),
                cap.clone(),
                number(&o.team_idle_hours, 0),
            ];
            if o.on_time_by_work.is_empty() {
                let mut row = vec![Cell::text(side.as_str()), Cell::text(&o.name)];
                row.extend([
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
                row.extend(rest.iter().cloned());
                table.rows.push(row);
            }
            for work in &o.on_time_by_work {
                let b = &work.on_time_share;
                let mut row = vec![
                    Cell::text(side.as_str()),
                    Cell::text(&o.name),
                    Cell::text(&work.name),
                ];
                row.extend([share(b.mean), share(b.p5), share(b.p95)]);
                row.push(work.on_time_target.map_or(Cell::Empty, Cell::Share));
                let mut rest = rest.clone();
                rest[1] = Cell::Int(i64::from(work.deadline_days));
                row.extend(rest);
                table.rows.push(row);
            }
        }
    }
    Some(Sheet {
        name: s.service_sheet.to_string(),
        parts: vec![Part::table(table)],
        one_page: false,
    })
}
