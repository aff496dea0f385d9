//! Scenarios as workbooks (SPEC §15): the layout of the sheets, the values of a scenario laid
//! out in it (for `staffplan template`, which the report module writes) and the import of a
//! workbook back into scenario text (`staffplan import`, and every command given a `.xlsx`).
//!
//! The layout follows [`super::keys::ROOT`], so every key of the format has its column and a
//! key added to the format gets one without a change here. Each sheet holds one table of the
//! format: a row per entry (`[[office]]`, `[staff.ID]`) or a single row (`[calendar]`); a
//! table nested in an entry (`next`) gets a sheet of its own whose first column names the
//! entry. A map of numbers (`staff = { establishment = 2 }`) becomes a column per id, a range
//! three columns (low, likely, high). Row 1 of every sheet, hidden, holds each column's key
//! path, so that the import does not depend on the words of the headers (row 2) or of the
//! explanations (row 3); data start on row 4. The planner's comments travel in a notes column,
//! one `key: comment` line each, so that a scenario's citations survive the round trip.

mod import;

use toml::Value as Toml;

pub use import::{cell_name, import, language, Imported};

use super::annotations::annotations;
use super::keys::{Field, Key, Kind, ROOT};

/// Row (0-based) of the hidden key paths; the headers and explanations follow, then data.
pub const PATH_ROW: u32 = 0;
pub const HEADER_ROW: u32 = 1;
pub const NOTE_ROW: u32 = 2;
pub const FIRST_DATA_ROW: u32 = 3;

/// The key path of the notes column of every sheet.
pub const NOTES: &str = "#notes";
/// The key path of the column naming the entry a nested table's row belongs to.
pub const PARENT: &str = "^";
/// The key path of the id column of a table of tables by id (`[staff.ID]`).
pub const ID: &str = "@id";

/// Which part of a value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The value itself, or the likely value of a range.
    Value,
    Low,
    High,
}

/// What a column holds.
#[derive(Debug, Clone)]
pub enum Column {
    /// A key of the table: `key` (of the format), `id` where the key is a map (a column per
    /// staff type or work type), the part of a range, the kind of one value, and whether the
    /// format requires the key.
    Key {
        key: Key,
        id: Option<String>,
        part: Part,
        kind: Kind,
        required: bool,
    },
    /// The id of the entry (`[staff.ID]`).
    Id,
    /// The id of the entry a nested row belongs to (`next` rows name their work type).
    Parent,
    /// The planner's comments on the row's keys.
    Notes,
}

impl Column {
    /// The hidden key path: `field[.id][:low|:high]`, `@id`, `^` or `#notes`.
    pub fn path(&self) -> String {
        match self {
            Column::Key { key, id, part, .. } => {
                let mut path = key.name().to_string();
                if let Some(id) = id {
                    path = format!("{path}.{id}");
                }
                match part {
                    Part::Value => path,
                    Part::Low => format!("{path}:low"),
                    Part::High => format!("{path}:high"),
                }
            }
            Column::Id => ID.into(),
            Column::Parent => PARENT.into(),
            Column::Notes => NOTES.into(),
        }
    }
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
}

/// One sheet: the table of the format it holds (`calendar`, `office`, `work/next`), its
/// columns, rows, and for columns that name an id the table whose ids they take.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The table's path in the format: `calendar`, `staff`, `office`, `work/next`.
    pub table: String,
    /// The key of the table (`Key::Next` for `work/next`), which names the sheet.
    pub key: Key,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// The table whose ids column `c` takes, for a dropdown list: the offices for a work
    /// type's office, the work types for a `next` row's work types.
    pub fn ids_from(&self, c: usize) -> Option<Key> {
        match (self.key, self.columns.get(c)?) {
            (Key::Next, Column::Parent)
            | (
                _,
                Column::Key {
                    key: Key::NextWork, ..
                },
            ) => Some(Key::Work),
            (
                _,
                Column::Key {
                    key: Key::WorkOffice,
                    ..
                },
            ) => Some(Key::Office),
            _ => None,
        }
    }

    /// The hidden path of column `c`: the table, a slash, the column's path.
    pub fn path(&self, c: usize) -> String {
        self.columns
            .get(c)
            .map_or_else(String::new, |col| format!("{}/{}", self.table, col.path()))
    }

    /// The column holding the entries' ids, where the table has one.
    pub fn id_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| {
            matches!(
                c,
                Column::Id
                    | Column::Key {
                        key: Key::OfficeId | Key::UnitId | Key::WorkId,
                        ..
                    }
            )
        })
    }
}

/// Is `comment` the source the import writes after a value, `BOOK.xlsx: SHEET!C4` (a range's
/// cells separated by commas)? Sheet names cannot hold a colon, so the last `: ` ends the file
/// name.
pub fn is_cell_source(comment: &str) -> bool {
    let Some((file, cells)) = comment.rsplit_once(": ") else {
        return false;
    };
    let cell = |c: &str| {
        let letters = c.trim_end_matches(|ch: char| ch.is_ascii_digit());
        letters.len() < c.len()
            && !letters.is_empty()
            && letters.chars().all(|ch| ch.is_ascii_uppercase())
    };
    !file.is_empty()
        && cells.split(", ").all(|part| {
            part.rsplit_once('!')
                .is_some_and(|(sheet, at)| !sheet.is_empty() && cell(at))
        })
}

/// Every sheet of the layout with `text`'s values (a scenario that parsed), comments in the
/// notes columns. Map columns are made for the ids the scenario uses.
pub fn sheets(text: &str) -> Vec<Sheet> {
    let root: toml::Table = text.parse().unwrap_or_default();
    let notes = annotations(text);
    let mut out = Vec::new();
    for field in ROOT {
        let value = root.get(field.name);
        match field.kind {
            Kind::Table(fields) => {
                let entries: Vec<(Option<String>, &toml::Table)> = value
                    .and_then(Toml::as_table)
                    .map(|t| vec![(None, t)])
                    .unwrap_or_default();
                let place = |_: &(Option<String>, &toml::Table)| format!("[{}]", field.name);
                out.extend(table_sheets(field, fields, false, &entries, &notes, place));
            }
            Kind::Map(Kind::Table(fields)) => {
                let entries: Vec<(Option<String>, &toml::Table)> = value
                    .and_then(Toml::as_table)
                    .map(|t| {
                        t.iter()
                            .filter_map(|(k, v)| Some((Some(k.clone()), v.as_table()?)))
                            .collect()
                    })
                    .unwrap_or_default();
                let name = field.name;
                let place = move |e: &(Option<String>, &toml::Table)| {
                    format!("[{name}.{}]", e.0.as_deref().unwrap_or(""))
                };
                out.extend(table_sheets(field, fields, true, &entries, &notes, place));
            }
            Kind::Tables(fields) => {
                let entries: Vec<(Option<String>, &toml::Table)> = value
                    .and_then(Toml::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| Some((None, v.as_table()?)))
                            .collect()
                    })
                    .unwrap_or_default();
                let name = field.name;
                let place = move |e: &(Option<String>, &toml::Table)| {
                    let id = e.1.get("id").and_then(Toml::as_str).unwrap_or("");
                    format!("[[{name}]] \"{id}\"")
                };
                out.extend(table_sheets(field, fields, false, &entries, &notes, place));
            }
            _ => {}
        }
    }
    out
}

/// The sheet of one table of the format and the sheets of the tables nested in its entries.
fn table_sheets(
    table: &Field,
    fields: &'static [Field],
    by_id: bool,
    entries: &[(Option<String>, &toml::Table)],
    notes: &[super::Annotation],
    place: impl Fn(&(Option<String>, &toml::Table)) -> String,
) -> Vec<Sheet> {
    let mut columns = Vec::new();
    if by_id {
        columns.push(Column::Id);
    }
    let mut nested = Vec::new();
    for field in fields {
        match field.kind {
            Kind::Tables(inner) => nested.push((field, inner)),
            Kind::Map(inner) => {
                let mut ids: Vec<String> = Vec::new();
                for (_, entry) in entries {
                    if let Some(map) = entry.get(field.name).and_then(Toml::as_table) {
                        for id in map.keys() {
                            if !ids.contains(id) {
                                ids.push(id.clone());
                            }
                        }
                    }
                }
                for id in ids {
                    push_key(&mut columns, field, Some(id), *inner);
                }
            }
            kind => push_key(&mut columns, field, None, kind),
        }
    }
    columns.push(Column::Notes);
    let mut rows = Vec::new();
    let mut nested_rows: Vec<Vec<(String, &toml::Table)>> = vec![Vec::new(); nested.len()];
    for entry in entries {
        let entry_place = place(entry);
        let row = columns
            .iter()
            .map(|c| cell(c, entry, notes, &entry_place))
            .collect();
        rows.push(row);
        let parent = entry.1.get("id").and_then(Toml::as_str).unwrap_or("");
        for (n, (name, _)) in nested.iter().enumerate() {
            if let Some(items) = entry.1.get(name.name).and_then(Toml::as_array) {
                for item in items.iter().filter_map(Toml::as_table) {
                    nested_rows[n].push((parent.to_string(), item));
                }
            }
        }
    }
    let mut out = vec![Sheet {
        table: table.name.to_string(),
        key: table.key,
        columns,
        rows,
    }];
    for ((nest, inner), items) in nested.into_iter().zip(nested_rows) {
        let mut columns = vec![Column::Parent];
        for field in inner {
            push_key(&mut columns, field, None, field.kind);
        }
        columns.push(Column::Notes);
        let rows = items
            .iter()
            .map(|(parent, item)| {
                columns
                    .iter()
                    .map(|c| match c {
                        Column::Parent => Value::Text(parent.clone()),
                        c => cell(c, &(None, item), &[], ""),
                    })
                    .collect()
            })
            .collect();
        out.push(Sheet {
            table: format!("{}/{}", table.name, nest.name),
            key: nest.key,
            columns,
            rows,
        });
    }
    out
}

fn push_key(columns: &mut Vec<Column>, field: &Field, id: Option<String>, kind: Kind) {
    // Only the likely value of a required range is required: low and high may stay empty.
    if let Kind::Range(inner) = kind {
        for part in [Part::Low, Part::Value, Part::High] {
            columns.push(Column::Key {
                key: field.key,
                id: id.clone(),
                part,
                kind: *inner,
                required: field.required && part == Part::Value,
            });
        }
    } else {
        columns.push(Column::Key {
            key: field.key,
            id,
            part: Part::Value,
            kind,
            required: field.required,
        });
    }
}

/// The value of column `c` in `entry`; for the notes column, the comments on the entry's keys.
fn cell(
    c: &Column,
    entry: &(Option<String>, &toml::Table),
    notes: &[super::Annotation],
    place: &str,
) -> Value {
    match c {
        Column::Id => Value::Text(entry.0.clone().unwrap_or_default()),
        Column::Parent => Value::Empty,
        Column::Notes => {
            let lines: Vec<String> = notes
                .iter()
                .filter(|a| a.place == place)
                .map(|a| format!("{}: {}", a.key, a.comment))
                .collect();
            if lines.is_empty() {
                Value::Empty
            } else {
                Value::Text(lines.join("\n"))
            }
        }
        Column::Key { key, id, part, .. } => {
            let mut value = entry.1.get(key.name());
            if let Some(id) = id {
                value = value.and_then(|v| v.get(id.as_str()));
            }
            let Some(value) = value else {
                return Value::Empty;
            };
            let value = match (value.as_table(), part) {
                (Some(range), Part::Value) => range.get("likely"),
                (Some(range), Part::Low) => range.get("low"),
                (Some(range), Part::High) => range.get("high"),
                (None, Part::Value) => Some(value),
                (None, _) => None,
            };
            value.map_or(Value::Empty, plain)
        }
    }
}

/// A TOML value as a cell: numbers as numbers, lists as comma-separated text, the empty list
/// as `[]` (an empty cell is a key left out, which may mean otherwise).
fn plain(value: &Toml) -> Value {
    match value {
        Toml::Array(items) if items.is_empty() => Value::Text("[]".into()),
        Toml::Integer(n) => Value::Number(*n as f64),
        Toml::Float(x) => Value::Number(*x),
        Toml::Boolean(b) => Value::Bool(*b),
        Toml::String(s) => Value::Text(s.clone()),
        Toml::Array(items) => Value::Text(
            items
                .iter()
                .map(|v| match v {
                    Toml::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Value::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cell_source_is_told_from_a_planner_note() {
        assert!(is_cell_source("book.xlsx: 工作!C12"));
        assert!(is_cell_source("my: book.xlsx: Work!C4, Work!D4, Work!E4"));
        assert!(!is_cell_source("annual report 2024: p. 12"));
        assert!(!is_cell_source("ASSUMPTION: see Work!C4 below"));
        assert!(!is_cell_source("book.xlsx: Work!4"));
        let text = "[calendar]\n# ASSUMPTION: ten days\nleave_days = 10  # b.xlsx: Calendar!D4\nhours_per_day = 8  # b.xlsx: Calendar!B4, Calendar!C4\n";
        let notes = annotations(text);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].comment, "ASSUMPTION: ten days");
    }
}
