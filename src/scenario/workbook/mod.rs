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

pub use import::{cell_name, import, Imported};

use super::annotations::annotations;
use super::keys::{Field, Kind, ROOT};

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
    /// A key of the table: `field` (of the format), `id` where the key is a map (a column per
    /// staff type or work type), the part of a range, and the kind of one value.
    Key {
        field: &'static str,
        id: Option<String>,
        part: Part,
        kind: Kind,
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
            Column::Key {
                field, id, part, ..
            } => {
                let mut path = (*field).to_string();
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
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// The table whose ids column `c` takes, for a dropdown list: `office` for a work type's
    /// office, `work` for a `next` row's work types.
    pub fn ids_from(&self, c: usize) -> Option<&'static str> {
        match (self.table.as_str(), self.columns.get(c)?) {
            ("work/next", Column::Parent) => Some("work"),
            ("work/next", Column::Key { field: "work", .. }) => Some("work"),
            (
                "work",
                Column::Key {
                    field: "office", ..
                },
            ) => Some("office"),
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
        self.columns
            .iter()
            .position(|c| matches!(c, Column::Id | Column::Key { field: "id", .. }))
    }
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
                out.extend(table_sheets(
                    field.name, fields, false, &entries, &notes, place,
                ));
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
                out.extend(table_sheets(
                    field.name, fields, true, &entries, &notes, place,
                ));
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
                out.extend(table_sheets(
                    field.name, fields, false, &entries, &notes, place,
                ));
            }
            _ => {}
        }
    }
    out
}

/// The sheet of one table of the format and the sheets of the tables nested in its entries.
fn table_sheets(
    table: &str,
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
            Kind::Tables(inner) => nested.push((field.name, inner)),
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
                    push_key(&mut columns, field.name, Some(id), *inner);
                }
            }
            kind => push_key(&mut columns, field.name, None, kind),
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
            if let Some(items) = entry.1.get(*name).and_then(Toml::as_array) {
                for item in items.iter().filter_map(Toml::as_table) {
                    nested_rows[n].push((parent.to_string(), item));
                }
            }
        }
    }
    let mut out = vec![Sheet {
        table: table.to_string(),
        columns,
        rows,
    }];
    for ((name, inner), items) in nested.into_iter().zip(nested_rows) {
        let mut columns = vec![Column::Parent];
        for field in inner {
            push_key(&mut columns, field.name, None, field.kind);
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
            table: format!("{table}/{name}"),
            columns,
            rows,
        });
    }
    out
}

fn push_key(columns: &mut Vec<Column>, field: &'static str, id: Option<String>, kind: Kind) {
    if let Kind::Range(inner) = kind {
        for part in [Part::Low, Part::Value, Part::High] {
            columns.push(Column::Key {
                field,
                id: id.clone(),
                part,
                kind: *inner,
            });
        }
    } else {
        columns.push(Column::Key {
            field,
            id,
            part: Part::Value,
            kind,
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
        Column::Key {
            field, id, part, ..
        } => {
            let mut value = entry.1.get(*field);
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

/// A TOML value as a cell: numbers as numbers, lists as comma-separated text.
fn plain(value: &Toml) -> Value {
    match value {
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
