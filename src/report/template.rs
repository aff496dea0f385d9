//! The scenario workbook of `staffplan template` (SPEC §15): the sheets that
//! `scenario::workbook` lays out, written with rust_xlsxwriter in the scenario's language:
//! the hidden key-path row the import reads, headers with units, an explanation row, the
//! values, dropdown lists for choices and for ids, the header rows frozen. The document date
//! is fixed, so the same scenario gives the same bytes.

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::words::{template_words, TemplateWords};
use crate::error::Error;
use crate::model::Language;
use crate::scenario::keys::{Key, Kind};
use crate::scenario::workbook::{
    self, Column, Part, Sheet, Value, FIRST_DATA_ROW, HEADER_ROW, NOTE_ROW, PATH_ROW,
};

/// Rows below the data that keep the dropdown lists, for entries the planner adds.
const ROOM: u32 = 500;

/// The workbook of the scenario `text` (one that parsed), in `language`.
pub fn render(text: &str, language: Language) -> Result<Vec<u8>, Error> {
    render_sheets(&workbook::sheets(text), language)
}

/// The workbook of laid-out sheets (the tests change a cell to see the import's message).
pub fn render_sheets(sheets: &[Sheet], language: Language) -> Result<Vec<u8>, Error> {
    build(sheets, language).map_err(|e| Error::Document {
        file: "the template workbook",
        message: e.to_string(),
    })
}

fn build(sheets: &[Sheet], language: Language) -> Result<Vec<u8>, XlsxError> {
    let w = template_words(language);
    let mut book = Workbook::new();
    let properties = DocProperties::new()
        .set_author("staffplan")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(&properties);
    for sheet in sheets {
        let worksheet = book.add_worksheet();
        worksheet.set_name(w.sheet(sheet.key))?;
        write_sheet(worksheet, sheet, sheets, w)?;
    }
    book.save_to_buffer()
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    all: &[Sheet],
    w: &TemplateWords,
) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("DDEBF7")
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let note = Format::new()
        .set_align(FormatAlign::Top)
        .set_italic()
        .set_text_wrap()
        .set_font_color("595959")
        .set_background_color("F2F2F2");
    let wrap = Format::new().set_text_wrap();
    let last = FIRST_DATA_ROW + sheet.rows.len() as u32 + ROOM;
    // Lines of the tallest header and note, for row heights: a spreadsheet does not grow a
    // row to its wrapped text by itself, and the note sentences take two to four lines.
    let (mut header_lines, mut note_lines) = (1, 1);
    for (c, column) in sheet.columns.iter().enumerate() {
        let c16 = c as u16;
        ws.write_string(PATH_ROW, c16, sheet.path(c))?;
        let (title, explain) = titles(sheet, column, w);
        ws.write_string_with_format(HEADER_ROW, c16, &title, &header)?;
        ws.write_string_with_format(NOTE_ROW, c16, &explain, &note)?;
        let mut width = title.width().max(explain.width().div_ceil(3)).clamp(8, 30);
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = FIRST_DATA_ROW + r as u32;
            match row.get(c) {
                Some(Value::Number(x)) => {
                    ws.write_number(r, c16, *x)?;
                }
                Some(Value::Text(t)) => {
                    ws.write_string_with_format(r, c16, t, &wrap)?;
                    let longest = t.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
                    width = width.max(longest.min(60));
                }
                Some(Value::Bool(b)) => {
                    ws.write_boolean(r, c16, *b)?;
                }
                Some(Value::Empty) | None => {}
            }
        }
        ws.set_column_width(c16, width as f64 + 2.0)?;
        header_lines = header_lines.max(title.width().div_ceil(width));
        note_lines = note_lines.max(wrapped_lines(&explain, width));
        if let Some(list) = dropdown(sheet, c, all, w)? {
            ws.add_data_validation(FIRST_DATA_ROW, c16, last, c16, &list)?;
        }
    }
    ws.set_row_height(HEADER_ROW, 15.0 * header_lines as f64)?;
    ws.set_row_height(NOTE_ROW, 15.0 * note_lines as f64)?;
    ws.set_row_hidden(PATH_ROW)?;
    ws.set_freeze_panes(FIRST_DATA_ROW, 0)?;
    // Printed on A4 across, each sheet one page wide, so that a committee can file it.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Lines `text` takes in a column `width` characters wide, wrapped at spaces (a Chinese
/// character counts two).
fn wrapped_lines(text: &str, width: usize) -> usize {
    text.lines()
        .map(|line| line.width().div_ceil(width.max(1)).max(1))
        .sum::<usize>()
        + usize::from(text.width() > width)
}

/// A column's header and its note: what to enter, the default when empty.
fn titles(sheet: &Sheet, column: &Column, w: &TemplateWords) -> (String, String) {
    match column {
        Column::Key {
            key,
            id,
            part,
            required,
            ..
        } => {
            let mut title = w.header(*key).to_string();
            if let Some(id) = id {
                title = format!("{title}: {id}");
            }
            let part = match part {
                Part::Low => Some(Key::Low),
                Part::High => Some(Key::High),
                Part::Value if is_range(sheet, column) => Some(Key::Likely),
                Part::Value => None,
            };
            if let Some(part) = part {
                title = format!("{title} ({})", w.header(part));
            }
            // The low and high columns say what a range's bounds are; the likely column
            // carries the key's own sentence.
            let note = match (part, required) {
                (Some(bound @ (Key::Low | Key::High)), _) => w.note(bound).to_string(),
                (_, true) => w.required_note(*key),
                (_, false) => w.note(*key).to_string(),
            };
            (title, note)
        }
        Column::Id => (w.id.to_string(), w.required_note(sheet.key)),
        Column::Parent => (w.parent.to_string(), w.required_note(sheet.key)),
        Column::Notes => (w.notes.to_string(), w.notes_help.to_string()),
    }
}

/// Is the column the likely value of a range (its low column stands beside it)?
fn is_range(sheet: &Sheet, column: &Column) -> bool {
    let Column::Key { key, id, .. } = column else {
        return false;
    };
    sheet.columns.iter().any(
        |c| matches!(c, Column::Key { key: k, id: i, part: Part::Low, .. } if k == key && i == id),
    )
}

/// The dropdown list of a column: the values of a choice, or the ids of the table it refers
/// to, read from that sheet's id column so that entries added there appear in it.
fn dropdown(
    sheet: &Sheet,
    c: usize,
    all: &[Sheet],
    w: &TemplateWords,
) -> Result<Option<DataValidation>, XlsxError> {
    if let Some(Column::Key {
        kind: Kind::Choice(values),
        ..
    }) = sheet.columns.get(c)
    {
        return DataValidation::new().allow_list_strings(values).map(Some);
    }
    let Some(target) = sheet.ids_from(c) else {
        return Ok(None);
    };
    let Some(other) = all.iter().find(|s| s.key == target) else {
        return Ok(None);
    };
    let Some(id_col) = other.id_column() else {
        return Ok(None);
    };
    let letter = column_letter(id_col as u32);
    let last = FIRST_DATA_ROW + other.rows.len() as u32 + ROOM;
    let formula = format!(
        "='{}'!${letter}${}:${letter}${}",
        w.sheet(target),
        FIRST_DATA_ROW + 1,
        last + 1
    );
    // A work type's office may also be the group covering the unit, which no sheet lists;
    // the list warns rather than refuses, so that value can still be typed.
    Ok(Some(
        DataValidation::new()
            .allow_list_formula(Formula::new(formula))
            .set_error_style(rust_xlsxwriter::DataValidationErrorStyle::Warning),
    ))
}

fn column_letter(col: u32) -> String {
    let name = workbook::cell_name(0, col);
    name.trim_end_matches('1').to_string()
}
