//! The assumptions: the year value and capacity, the staff and work types, every cited or
//! assumed figure of the scenario, and the overridden inputs.

use super::super::document::{strong, t, Document};
use super::super::words::{document_words, template_words, Words};
use super::super::Pack;
use super::{new_table, sure};
use crate::export::{Cell, Table};
use crate::model::{Calendar, Scenario, WorkPlace};
use crate::scenario::keys::{Field, Key, Kind, RANGE, ROOT};
use crate::scenario::{Annotation, TOP_LEVEL};

pub(super) fn assumptions(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let s = pack.before.scenario;
    let c = &s.calendar;
    doc.heading(3, w.year_value);
    let [days, leave, training, hours, non_case] = calendar_inputs(c);
    doc.paragraph(vec![
        t(format!(
            "{}{}{} = ({days} − {leave} − {training}) × {hours} × (1 − {non_case}) = ",
            w.year_value_text, w.colon, w.year_value_formula,
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
    // Names before ids: a reader (on a phone, the first column only) looks for the name.
    doc.table(name_first(staff_type_table(s, w, &|cost| {
        Cell::text(w.money(cost))
    })));
    if let Some(budget) = s.policy.budget {
        doc.text((w.budget)(&w.money(budget)));
    }

    doc.heading(3, w.work_types);
    doc.table(name_first(scenario_work_table(s, w)));

    if !pack.annotations.is_empty() {
        doc.heading(3, w.figures);
        doc.text(w.figures_text);
        let mut figures = new_table(&document_words(s.language).figure_headers);
        for a in pack.annotations {
            let (place, figure) = place_words(s, a, w);
            figures.rows.push(vec![
                Cell::Int(a.line as i64),
                Cell::text(place),
                Cell::text(figure),
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

/// The calendar's inputs of the year value, in the order of its formula: working days, leave
/// days, training days, hours a day, the share of time not on casework. The appendix writes
/// the formula with them, the workbook's assumptions sheet lists them.
pub(in crate::report) fn calendar_inputs(c: &Calendar) -> [f64; 5] {
    [
        f64::from(c.working_days),
        f64::from(c.leave_days),
        f64::from(c.training_days),
        c.hours_per_day,
        c.non_case_share,
    ]
}

/// A table whose first two columns (id, name) are swapped: the name first.
fn name_first(mut table: Table) -> Table {
    for row in std::iter::once(&mut table.headers) {
        if row.len() > 1 {
            row.swap(0, 1);
        }
    }
    for row in &mut table.rows {
        if row.len() > 1 {
            row.swap(0, 1);
        }
    }
    table
}

/// The staff types as the scenario gives them (id, label, cost, quota), for the appendix and
/// the workbook's assumptions sheet alike; `money` writes a cost (text with its currency in a
/// document, a number in a sheet).
pub(in crate::report) fn staff_type_table(
    s: &Scenario,
    w: &Words,
    money: &dyn Fn(f64) -> Cell,
) -> Table {
    let mut table = new_table(&w.staff_type_headers);
    for (i, ty) in s.staff_types.iter().enumerate() {
        let quota = s.policy.quota.get(i).copied().flatten();
        table.rows.push(vec![
            Cell::text(&ty.id),
            Cell::text(&ty.label),
            money(ty.cost),
            quota.map_or(Cell::Empty, |q| Cell::Int(i64::from(q))),
        ]);
    }
    table
}

/// The work types as the scenario gives them (id, name, where, items, hours, team, cv,
/// deadline, follow-up work by name), for the appendix and the workbook's assumptions sheet.
pub(in crate::report) fn scenario_work_table(s: &Scenario, w: &Words) -> Table {
    let mut table = new_table(&w.work_headers);
    for work in &s.works {
        let place = match work.place {
            WorkPlace::Office(o) => s.offices.get(o).map_or("", |o| o.name.as_str()),
            WorkPlace::CoveringGroup => w.covering_group,
        };
        let next: Vec<String> = (work.next.iter())
            .filter_map(|&(child, share)| {
                s.works.get(child).map(|c| format!("{} × {share}", c.name))
            })
            .collect();
        table.rows.push(vec![
            Cell::text(&work.id),
            Cell::text(&work.name),
            Cell::text(place),
            Cell::Num(work.volume, 1),
            Cell::Num(work.hours, 1),
            Cell::Int(i64::from(work.team)),
            Cell::Num(work.cv, 2),
            work.deadline_days
                .map_or(Cell::Empty, |d| Cell::Int(i64::from(d))),
            Cell::text(next.join(w.list_separator)),
        ]);
    }
    table
}

/// Where a commented figure is and what it says, in words: the table and the entry by its
/// name (机构 "纪检监察室"), then the key by its header and the value with ids named
/// (现有人员 (人) 编制 2、聘用 2), not the file's syntax.
pub(super) fn place_words(s: &Scenario, a: &Annotation, w: &Words) -> (String, String) {
    let tw = template_words(s.language);
    let yes_no = document_words(s.language).yes_no;
    let staff = |id: &str| {
        s.staff_types
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.clone())
    };
    let office = |id: &str| {
        s.offices
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
    };
    let work = |id: &str| s.works.iter().find(|k| k.id == id).map(|k| k.name.clone());
    let unit = |id: &str| s.units.iter().find(|u| u.id == id).map(|u| u.name.clone());
    // A value: true and false in words, an id by its name.
    let named = |id: &str| -> String {
        let id = id.trim().trim_matches('"');
        match id {
            "true" => yes_no[0].to_string(),
            "false" => yes_no[1].to_string(),
            _ => staff(id)
                .or_else(|| work(id))
                .or_else(|| office(id))
                .or_else(|| unit(id))
                .unwrap_or_else(|| id.to_string()),
        }
    };
    // An entry of a table by its name, looked up in that table only (a work type and an
    // office may share an id).
    let entry_name = |table: &str, id: &str| -> String {
        let id = id.trim().trim_matches('"');
        let found = match table {
            "office" => office(id),
            "work" => work(id),
            "unit" => unit(id),
            "staff" => staff(id),
            _ => None,
        };
        found.unwrap_or_else(|| id.to_string())
    };
    // The table's name and the fields it holds.
    let (table, entry) = if a.place == TOP_LEVEL {
        (None, String::new())
    } else if let Some(rest) = a.place.strip_prefix("[[") {
        let (name, entry) = rest.split_once("]]").unwrap_or((rest, ""));
        let entry = entry.trim();
        let entry = match entry.strip_prefix('#') {
            Some(n) => n.to_string(),
            None => format!("“{}”", entry_name(name, entry)),
        };
        (ROOT.iter().find(|f| f.name == name), entry)
    } else {
        let inner = a.place.trim_start_matches('[').trim_end_matches(']');
        let (name, entry) = inner.split_once('.').unwrap_or((inner, ""));
        let entry = if entry.is_empty() {
            String::new()
        } else {
            format!("“{}”", entry_name(name, entry))
        };
        (ROOT.iter().find(|f| f.name == name), entry)
    };
    // One entry of a table is named in the singular ("Office “Registry”").
    let entries = document_words(s.language).entries;
    let place = match table {
        None if a.place == TOP_LEVEL => w.top_level.to_string(),
        None => a.place.clone(),
        Some(f) if entry.is_empty() => tw.sheet(f.key).to_string(),
        Some(f) => {
            let table = match f.key {
                Key::Office => entries[0],
                Key::Unit => entries[1],
                Key::Work => entries[2],
                Key::Staff => entries[3],
                key => tw.sheet(key),
            };
            format!("{table} {entry}")
        }
    };
    let fields = table.map_or(&[][..], |f| fields_of(&f.kind));
    // A key by its header, without the note on how to type the value ("(0..1)", "(逗号分隔)").
    let key_header = |key: &str, fields: &[Field]| -> Option<String> {
        let header = fields
            .iter()
            .chain(RANGE)
            .find(|f| f.name == key)
            .map(|f| tw.header(f.key))
            .or((key == "share").then(|| tw.header(Key::Share)))?;
        Some(match header.rsplit_once(" (") {
            Some((name, how)) if ["..", "逗号", "comma"].iter().any(|m| how.contains(m)) => {
                name.to_string()
            }
            _ => header.to_string(),
        })
    };
    let key = key_header(&a.key, fields).unwrap_or_else(|| a.key.clone());
    // The value with its brackets, quotes and `=` turned into a list of named figures.
    let parts: Vec<String> = a
        .value
        .replace(['{', '}', '[', ']'], "")
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            // The follow-up's work type is named by itself: the key says so already.
            Some((k, v)) if k.trim() == "work" => named(v),
            Some((k, v)) => {
                let k = k.trim();
                let k = key_header(k, &[]).unwrap_or_else(|| named(k));
                format!("{k} {}", named(v))
            }
            None if a.key == "office" => entry_name("office", p),
            None => named(p),
        })
        .collect();
    (place, format!("{key} {}", parts.join(w.list_separator)))
}

/// The fields of a table of the format (a map of tables: the inner table's).
fn fields_of(kind: &Kind) -> &'static [Field] {
    match kind {
        Kind::Table(f) | Kind::Tables(f) => f,
        Kind::Map(inner) | Kind::List(inner) | Kind::Range(inner) => fields_of(inner),
        _ => &[],
    }
}
