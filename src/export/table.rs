//! Aligned text tables for the terminal. Widths count display columns, so Chinese names
//! (two columns a character) line up with Latin ones.

use unicode_width::UnicodeWidthStr;

use super::{Cell, Exportable, Exporter, Table, Words};

#[derive(Debug, Clone, Copy)]
pub struct Text;

impl Exporter for Text {
    fn export(&self, item: &dyn Exportable, words: &Words) -> String {
        let tables = item.tables(words);
        let mut out = String::new();
        for (i, table) in tables.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&render(table));
        }
        out
    }
}

/// A cell as the terminal shows it.
pub fn cell_display(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        // Adding 0.0 turns −0 into 0, so a sum that cancels out never prints as "-0.0".
        Cell::Num(v, decimals) if v.is_finite() => super::fixed(*v, *decimals),
        Cell::Num(..) => "∞".to_string(),
        Cell::Share(v) if v.is_finite() => format!("{}%", super::fixed(v * 100.0, 1)),
        Cell::Share(_) => "∞".to_string(),
        Cell::Empty => "–".to_string(),
    }
}

/// One table with its title, header rule and notes.
pub fn render(table: &Table) -> String {
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(cell_display).collect())
        .collect();
    let columns = table.headers.len();
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (c, text) in row.iter().enumerate().take(columns) {
            widths[c] = widths[c].max(text.width());
        }
    }
    let right: Vec<bool> = (0..columns)
        .map(|c| {
            table
                .rows
                .iter()
                .any(|row| !matches!(row.get(c), Some(Cell::Text(_)) | None))
        })
        .collect();

    let mut out = String::new();
    if !table.title.is_empty() {
        out.push_str(&table.title);
        out.push('\n');
    }
    let line = |out: &mut String, texts: &[String]| {
        let mut text = String::new();
        for (c, width) in widths.iter().enumerate() {
            let cell = texts.get(c).map_or("", String::as_str);
            let pad = width.saturating_sub(cell.width());
            if c > 0 {
                text.push_str("  ");
            }
            if right[c] {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut out, &table.headers);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(&mut out, &rule);
    for row in &cells {
        line(&mut out, row);
    }
    for note in &table.notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}
