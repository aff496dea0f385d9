//! CSV (RFC 4180) of the main table, numbers in full so that spreadsheets recompute exactly.

use super::{Cell, Exportable, Exporter, Table, Words};

#[derive(Debug, Clone, Copy)]
pub struct Csv;

impl Exporter for Csv {
    fn export(&self, item: &dyn Exportable, words: &Words) -> String {
        item.tables(words)
            .first()
            .map(table_csv)
            .unwrap_or_default()
    }
}

/// One table as CSV text.
pub fn table_csv(table: &Table) -> String {
    let mut out = String::new();
    write_record(&mut out, table.headers.iter().map(String::as_str));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        write_record(&mut out, cells.iter().map(String::as_str));
    }
    out
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num(v, _) | Cell::Share(v) => number(*v),
        Cell::Empty => String::new(),
    }
}

/// Shortest text that reads back as the same value, rounded to 1e-9 to hide float noise such
/// as 0.30000000000000004.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e9).round() / 1e9;
    let text = if rounded.abs() < 1e15 {
        format!("{rounded}")
    } else {
        format!("{value}")
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

fn write_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}
