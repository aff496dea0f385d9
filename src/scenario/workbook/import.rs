//! A workbook back into scenario text: the cells are read one at a time (calamine's streaming
//! reader, so a sheet claiming a million rows costs only the cells it really has, up to a
//! bound), each sheet's hidden key paths name its table and columns, and the values are
//! written into a TOML document through [`crate::scenario::write`], each with a
//! `# BOOK.xlsx: SHEET!CELL` comment. The text then goes through the one validator of the
//! format, and every problem found there is placed back in its cell by that comment.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader as _, Xlsx};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value as Edit};

use super::{FIRST_DATA_ROW, ID, NOTES, PARENT, PATH_ROW};
use crate::model::Language;
use crate::scenario::keys::{Field, Kind, ROOT};
use crate::scenario::problem::{Held, Place, Problem, Sheet, Table as Where};
use crate::scenario::write::{commented, with_source};
use crate::scenario::{nearest, Diagnostic, Loaded, Override};

/// Most cells read from one workbook, and the last row read of a sheet: far beyond any
/// organisation, and the bound that keeps a hostile file from taking the memory.
const MAX_CELLS: usize = 1_000_000;
const MAX_ROW: u32 = 100_000;
/// Most bytes a workbook's parts may unpack to, all together.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// The scenario text made from a workbook.
#[derive(Debug, Clone)]
pub struct Imported {
    pub text: String,
}

/// Reads the workbook `bytes` (named `file` in messages) into scenario text, then parses it
/// with `overrides`; every problem is named by its cell.
pub fn import(
    bytes: &[u8],
    file: &str,
    overrides: &[Override],
) -> Result<(Imported, Loaded), Vec<Diagnostic>> {
    let book = read(bytes, file)?;
    let text = build(&book, file)?;
    match crate::scenario::parse_with(&text, file, overrides) {
        Ok(mut loaded) => {
            for w in &mut loaded.warnings {
                place(w, &text, file);
            }
            Ok((Imported { text }, loaded))
        }
        Err(mut errors) => {
            for e in &mut errors {
                place(e, &text, file);
            }
            Err(errors)
        }
    }
}

/// A problem at a cell (or at the workbook, `cell` empty): the cell is named with the file,
/// the place is the workbook.
fn problem(file: &str, cell: &str, sheet: Sheet) -> Diagnostic {
    let file = if cell.is_empty() {
        file.to_string()
    } else {
        format!("{file}: {cell}")
    };
    let place = Place::table(Where::Workbook);
    Diagnostic::error((file, 0, 0), place, Problem::from(sheet))
}

/// The language of a workbook's scenario, for saying its problems: the `language` cell of
/// its `[scenario]` sheet where it has one, else Chinese where its sheets have Chinese names
/// (as `staffplan template --lang zh` names them), else English. An unreadable workbook is
/// English.
pub fn language(bytes: &[u8]) -> Language {
    let Ok(book) = read(bytes, "") else {
        return Language::En;
    };
    let written = book.iter().find_map(|sheet| {
        let (_, col) = sheet
            .cells
            .range((PATH_ROW, 0)..(PATH_ROW + 1, 0))
            .find(|(_, cell)| matches!(cell, Cell::Text(path) if path == "scenario/language"))?
            .0;
        let row = sheet
            .cells
            .keys()
            .find(|(r, c)| *r >= FIRST_DATA_ROW && c == col)?;
        match sheet.cells.get(row)? {
            Cell::Text(language) => Some(language.trim() == "zh"),
            _ => None,
        }
    });
    let zh = written.unwrap_or_else(|| {
        book.iter().any(|sheet| {
            sheet
                .name
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
    });
    if zh {
        Language::Zh
    } else {
        Language::En
    }
}

/// Puts a diagnostic of the imported text at the cell its line came from.
fn place(d: &mut Diagnostic, text: &str, file: &str) {
    if d.file != file || d.line == 0 {
        return;
    }
    let marker = format!("# {file}: ");
    let lines: Vec<&str> = text.lines().collect();
    // A problem at an entry's header belongs to the entry's first cell, on the lines below.
    let found = lines
        .iter()
        .skip(d.line.saturating_sub(1))
        .take(64)
        .find_map(|l| l.rfind(&marker).map(|i| l[i + marker.len()..].trim()));
    if let Some(cell) = found {
        d.file = format!("{file}: {cell}");
        d.line = 0;
        d.column = 0;
    }
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Number(f64),
    Text(String),
    Bool(bool),
    /// A date, an error value or a formula without its value: what it is, for the message.
    Bad(Held),
}

#[derive(Debug)]
struct SheetCells {
    name: String,
    cells: BTreeMap<(u32, u32), Cell>,
    merged: Vec<((u32, u32), (u32, u32))>,
}

/// Every sheet's cells, with the bounds checked.
fn read(bytes: &[u8], file: &str) -> Result<Vec<SheetCells>, Vec<Diagnostic>> {
    let not_a_workbook = |sheet: Sheet| vec![problem(file, "", sheet)];
    let unreadable = |sheet: Option<&str>, why: String| {
        not_a_workbook(Sheet::Unreadable {
            sheet: sheet.map(str::to_string),
            why,
        })
    };
    check_unpacked(bytes).map_err(not_a_workbook)?;
    let mut xlsx: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(None, first_line(&e.to_string())))?;
    let mut out = Vec::new();
    let mut total = 0usize;
    for name in xlsx.sheet_names() {
        let merged = xlsx
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect();
        let mut cells = BTreeMap::new();
        let mut reader = xlsx
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(None, first_line(&e.to_string())))?;
        loop {
            let next = reader
                .next_cell_with_formula()
                .map_err(|e| unreadable(Some(&name), first_line(&e.to_string())))?;
            let Some(record) = next else { break };
            let (row, col) = record.pos;
            if row > MAX_ROW {
                continue;
            }
            total += 1;
            if total > MAX_CELLS {
                return Err(vec![problem(
                    file,
                    &name,
                    Sheet::TooManyCells { most: MAX_CELLS },
                )]);
            }
            let no_value = match &record.value {
                DataRef::Empty => true,
                DataRef::String(s) => s.is_empty(),
                DataRef::SharedString(s) => s.is_empty(),
                _ => false,
            };
            let cell = match record.value {
                _ if no_value && record.formula.is_some() => Cell::Bad(Held::Formula),
                DataRef::Empty => continue,
                DataRef::Int(n) => Cell::Number(n as f64),
                DataRef::Float(x) => Cell::Number(x),
                DataRef::Bool(b) => Cell::Bool(b),
                DataRef::String(s) => Cell::Text(s),
                DataRef::SharedString(s) => Cell::Text(s.to_string()),
                DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => {
                    Cell::Bad(Held::Date)
                }
                DataRef::Error(e) => Cell::Bad(Held::ErrorValue(e.to_string())),
            };
            if matches!(&cell, Cell::Text(t) if t.trim().is_empty()) {
                continue;
            }
            cells.insert((row, col), cell);
        }
        out.push(SheetCells {
            name,
            cells,
            merged,
        });
    }
    Ok(out)
}

/// Refuses a zip whose parts claim to unpack to more than [`MAX_UNPACKED`].
fn check_unpacked(bytes: &[u8]) -> Result<(), Sheet> {
    let unreadable = |e: zip::result::ZipError| Sheet::Unreadable {
        sheet: None,
        why: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut claimed: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(unreadable)?;
        claimed = claimed.saturating_add(part.size());
    }
    if claimed > MAX_UNPACKED {
        return Err(Sheet::Unpacked {
            megabytes: MAX_UNPACKED / 1024 / 1024,
        });
    }
    Ok(())
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}

/// `C12` of a 0-based (row, column).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// One sheet of the layout as found in the workbook: its table and columns by path.
struct Found<'a> {
    sheet: &'a SheetCells,
    fields: &'static [Field],
    /// (column index, path after the table) of each column.
    columns: Vec<(u32, String)>,
}

impl Found<'_> {
    fn at(&self, row: u32, col: u32) -> String {
        format!("{}!{}", self.sheet.name, cell_name(row, col))
    }

    fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .sheet
            .cells
            .keys()
            .filter(|(r, c)| {
                *r >= FIRST_DATA_ROW && self.columns.iter().any(|(col, p)| col == c && p != NOTES)
            })
            .map(|(r, _)| *r)
            .collect();
        rows.dedup();
        rows
    }
}

/// The sheets that name a table of the format in their hidden key row, by table, with their
/// columns; a sheet naming no known table or holding merged cells is an error.
fn tables_of<'a>(
    book: &'a [SheetCells],
    file: &str,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Found<'a>> {
    let mut found: BTreeMap<String, Found<'a>> = BTreeMap::new();
    for sheet in book {
        let mut columns = Vec::new();
        let mut table = None;
        for ((_, col), cell) in sheet.cells.range((PATH_ROW, 0)..(PATH_ROW + 1, 0)) {
            let Cell::Text(path) = cell else { continue };
            let Some((t, p)) = path.rsplit_once('/') else {
                continue;
            };
            table.get_or_insert_with(|| t.to_string());
            columns.push((*col, p.to_string()));
        }
        let Some(table) = table else { continue };
        let Some(fields) = fields_of(&table) else {
            errors.push(problem(
                file,
                &format!("{}!A1", sheet.name),
                Sheet::UnknownTable {
                    table: table.clone(),
                },
            ));
            continue;
        };
        if let Some((_, (first, last))) = sheet
            .merged
            .iter()
            .map(|m| (m, m))
            .find(|(m, _)| m.1 .0 >= FIRST_DATA_ROW || m.0 .0 == PATH_ROW)
        {
            errors.push(problem(
                file,
                &format!(
                    "{}!{}:{}",
                    sheet.name,
                    cell_name(first.0, first.1),
                    cell_name(last.0, last.1)
                ),
                Sheet::MergedCells,
            ));
            continue;
        }
        found.entry(table).or_insert(Found {
            sheet,
            fields,
            columns,
        });
    }
    found
}

/// The scenario text of the sheets.
fn build(book: &[SheetCells], file: &str) -> Result<String, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let found = tables_of(book, file, &mut errors);
    if found.is_empty() && errors.is_empty() {
        errors.push(problem(file, "", Sheet::NoKeyRow));
    }
    let mut doc = DocumentMut::new();
    for field in ROOT {
        let Some(f) = found.get(field.name) else {
            continue;
        };
        match field.kind {
            Kind::Table(_) => {
                let rows = f.rows();
                if let Some(extra) = rows.get(1) {
                    errors.push(problem(
                        file,
                        &f.at(*extra, 0),
                        Sheet::SecondRow {
                            sheet: f.sheet.name.clone(),
                            row: extra + 1,
                        },
                    ));
                }
                if let Some(row) = rows.first() {
                    let mut table = Table::new();
                    fill(&mut table, f, *row, file, &mut errors);
                    doc.insert(field.name, Item::Table(table));
                }
            }
            Kind::Map(_) => {
                let mut map = Table::new();
                map.set_implicit(true);
                for row in f.rows() {
                    let id_col = f.columns.iter().find(|(_, p)| p == ID).map(|(c, _)| *c);
                    let id = id_col.and_then(|c| f.sheet.cells.get(&(row, c)));
                    let Some(Cell::Text(id)) = id else {
                        errors.push(problem(file, &f.at(row, id_col.unwrap_or(0)), Sheet::NoId));
                        continue;
                    };
                    let mut table = Table::new();
                    fill(&mut table, f, row, file, &mut errors);
                    map.insert(id.trim(), Item::Table(table));
                }
                doc.insert(field.name, Item::Table(map));
            }
            Kind::Tables(fields) => {
                let mut array = ArrayOfTables::new();
                for row in f.rows() {
                    let mut table = Table::new();
                    fill(&mut table, f, row, file, &mut errors);
                    array.push(table);
                }
                for nested in fields.iter().filter(|n| matches!(n.kind, Kind::Tables(_))) {
                    let path = format!("{}/{}", field.name, nested.name);
                    if let Some(n) = found.get(&path) {
                        attach(&mut array, n, nested.name, file, &mut errors);
                    }
                }
                doc.insert(field.name, Item::ArrayOfTables(array));
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(format!(
            "# Imported by `staffplan import` from {file}; each value names its cell.\n{doc}"
        ))
    } else {
        Err(errors)
    }
}

/// The keys of the format's table at `path` (`office`, `work/next`).
fn fields_of(path: &str) -> Option<&'static [Field]> {
    let mut fields: &'static [Field] = ROOT;
    for part in path.split('/') {
        let field = fields.iter().find(|f| f.name == part)?;
        fields = match field.kind {
            Kind::Table(inner) | Kind::Tables(inner) => inner,
            Kind::Map(Kind::Table(inner)) => inner,
            _ => return None,
        };
    }
    Some(fields)
}

/// Puts the rows of a nested sheet (`work/next`) into the entries they name.
fn attach(
    entries: &mut ArrayOfTables,
    f: &Found<'_>,
    key: &str,
    file: &str,
    errors: &mut Vec<Diagnostic>,
) {
    let ids: Vec<String> = entries
        .iter()
        .map(|t| t.get("id").and_then(Item::as_str).unwrap_or("").to_string())
        .collect();
    let parent_col = f.columns.iter().find(|(_, p)| p == PARENT).map(|(c, _)| *c);
    for row in f.rows() {
        let parent = parent_col.and_then(|c| f.sheet.cells.get(&(row, c)));
        let at = f.at(row, parent_col.unwrap_or(0));
        let Some(Cell::Text(parent)) = parent else {
            errors.push(problem(file, &at, Sheet::NoParent));
            continue;
        };
        let Some(i) = ids.iter().position(|id| id == parent.trim()) else {
            let known: Vec<&str> = ids.iter().map(String::as_str).collect();
            errors.push(problem(
                file,
                &at,
                Sheet::UnknownParent {
                    id: parent.trim().to_string(),
                    near: nearest(parent.trim(), &known).map(str::to_string),
                    known: ids.clone(),
                },
            ));
            continue;
        };
        let mut table = Table::new();
        fill(&mut table, f, row, file, errors);
        if let Some(entry) = entries.get_mut(i) {
            let array = entry
                .entry(key)
                .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
            if let Some(array) = array.as_array_of_tables_mut() {
                array.push(table);
            }
        }
    }
}

/// The keys of one row, each value with its cell, the notes as comments above their keys.
fn fill(table: &mut Table, f: &Found<'_>, row: u32, file: &str, errors: &mut Vec<Diagnostic>) {
    // (key, map id) → the parts found: low, value, high with their cells.
    type Parts = [Option<(Edit, String)>; 3];
    let mut values: Vec<((String, Option<String>), Parts)> = Vec::new();
    let mut notes: Option<String> = None;
    for (col, path) in &f.columns {
        let Some(cell) = f.sheet.cells.get(&(row, *col)) else {
            continue;
        };
        let at = f.at(row, *col);
        if path == NOTES {
            if let Cell::Text(t) = cell {
                notes = Some(t.clone());
            }
            continue;
        }
        if path == PARENT || path == ID {
            continue;
        }
        let (key, part) = match path.split_once(':') {
            Some((k, "low")) => (k, 0),
            Some((k, "high")) => (k, 2),
            _ => (path.as_str(), 1),
        };
        let (name, id) = match key.split_once('.') {
            Some((n, id)) => (n, Some(id.to_string())),
            None => (key, None),
        };
        let Some(field) = f.fields.iter().find(|x| x.name == name) else {
            continue;
        };
        let kind = scalar(field.kind);
        let value = match convert(cell, kind) {
            Ok(v) => v,
            Err(sheet) => {
                errors.push(problem(file, &at, sheet));
                continue;
            }
        };
        let slot = (name.to_string(), id);
        let i = match values.iter().position(|(k, _)| *k == slot) {
            Some(i) => i,
            None => {
                values.push((slot, [None, None, None]));
                values.len() - 1
            }
        };
        values[i].1[part] = Some((value, at));
    }
    let notes = notes.unwrap_or_default();
    let mut loose: Vec<String> = Vec::new();
    let mut by_key: Vec<(String, String)> = Vec::new();
    // A note goes above its key where the row has a value for it, else above the row's first.
    let has = |k: &str| values.iter().any(|((name, _), _)| name == k);
    for line in notes.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once(':') {
            Some((k, c)) if has(k.trim()) => {
                by_key.push((k.trim().to_string(), c.trim().to_string()));
            }
            _ => loose.push(line.to_string()),
        }
    }
    let mut first = true;
    for ((name, id), parts) in values {
        let mut above: Vec<String> = by_key
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, c)| c.clone())
            .collect();
        by_key.retain(|(k, _)| *k != name);
        if first {
            above.splice(0..0, loose.drain(..));
            first = false;
        }
        let [low, likely, high] = parts;
        let (value, cells) = match (low, likely, high) {
            (None, Some((v, at)), None) => (v, at),
            (low, Some((v, at)), high) => {
                let mut range = toml_edit::InlineTable::new();
                let mut cells = vec![];
                for (k, part) in [("low", low), ("likely", Some((v, at))), ("high", high)] {
                    if let Some((v, at)) = part {
                        range.insert(k, v);
                        cells.push(at);
                    }
                }
                (Edit::InlineTable(range), cells.join(", "))
            }
            (Some((_, at)), None, _) | (None, None, Some((_, at))) => {
                errors.push(problem(file, &at, Sheet::RangeWithoutLikely));
                continue;
            }
            (None, None, None) => continue,
        };
        let value = with_source(value, &format!("{file}: {cells}"));
        match id {
            Some(id) => {
                let map = table.entry(&name).or_insert_with(|| {
                    let mut t = Table::new();
                    t.set_dotted(true);
                    Item::Table(t)
                });
                if let Some(map) = map.as_table_mut() {
                    commented(map, &id, value, &above);
                }
            }
            None => commented(table, &name, value, &above),
        }
    }
}

/// The kind of one value of a key (a range's or a map's inner kind).
fn scalar(kind: Kind) -> Kind {
    match kind {
        Kind::Range(inner) | Kind::Map(inner) => scalar(*inner),
        other => other,
    }
}

/// A cell as a TOML value of `kind`, or what is wrong and how to fix it.
fn convert(cell: &Cell, kind: Kind) -> Result<Edit, Sheet> {
    let number = |cell: &Cell| -> Result<f64, Sheet> {
        match cell {
            Cell::Number(x) => Ok(*x),
            Cell::Text(t) => t
                .trim()
                .parse::<f64>()
                .map_err(|_| Sheet::TextForNumber { text: short(t) }),
            Cell::Bool(_) => Err(Sheet::BoolForNumber),
            Cell::Bad(what) => Err(bad(what)),
        }
    };
    match kind {
        Kind::Real | Kind::Rate | Kind::Whole => {
            let x = number(cell)?;
            Ok(whole_or_real(x))
        }
        Kind::Bool => match cell {
            Cell::Bool(b) => Ok(Edit::from(*b)),
            Cell::Text(t) if ["true", "false"].contains(&t.trim().to_lowercase().as_str()) => {
                Ok(Edit::from(t.trim().eq_ignore_ascii_case("true")))
            }
            Cell::Bad(what) => Err(bad(what)),
            _ => Err(Sheet::NotTrueFalse),
        },
        Kind::Ids => match cell {
            // `[]` is the empty list, which differs from an empty cell (`eligible = []`: no
            // group may cover the unit; no `eligible`: any group).
            Cell::Text(t) if t.trim() == "[]" => Ok(Edit::Array(Array::new())),
            Cell::Text(t) => Ok(Edit::Array(
                t.split([',', '，', ';', '；', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect::<Array>(),
            )),
            Cell::Bad(what) => Err(bad(what)),
            other => Ok(Edit::Array(std::iter::once(text_of(other)).collect())),
        },
        Kind::List(_) => match cell {
            Cell::Text(t) => {
                let mut array = Array::new();
                for part in t
                    .split([',', '，', ';', '；'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    array.push(whole_or_real(number(&Cell::Text(part.to_string()))?));
                }
                Ok(Edit::Array(array))
            }
            other => Ok(Edit::Array(
                std::iter::once(whole_or_real(number(other)?)).collect(),
            )),
        },
        _ => match cell {
            Cell::Bad(what) => Err(bad(what)),
            other => Ok(Edit::from(text_of(other).trim().to_string())),
        },
    }
}

fn bad(held: &Held) -> Sheet {
    Sheet::NoValue { held: held.clone() }
}

/// A number as TOML: an integer where it is whole (counts must be), else a real.
fn whole_or_real(x: f64) -> Edit {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Edit::from(x as i64)
    } else {
        Edit::from(x)
    }
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => format!("{}", *x as i64),
        Cell::Number(x) => x.to_string(),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => b.to_string(),
        Cell::Bad(held) => held.english(),
    }
}

/// At most 40 characters of a text, for a message.
fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}
