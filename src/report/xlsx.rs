//! `tables.xlsx`: the pack's tables as a workbook, for a planner who wants to recompute,
//! re-chart or print. It opens with a summary (the run, the request, the headline figures),
//! then one sheet per table, the service levels and the assumptions (`sheets`), and the live
//! calculation (`calculation`). Numbers stay numbers (thousands separators, shares as
//! percentages, years as written, a band as its two ends), the header row is frozen, filtered
//! and printed on every page, columns are sized to their text, every sheet prints on A4 one
//! page wide, and sheet names and headers are in the scenario's language (the CSV files keep
//! the ids). A sheet appears only where the scenario has what it shows. The document date is
//! fixed, so a rerun gives the same bytes.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::content::{
    interval_table, plan_total_table, ranking_table, simulated, work_type_table, workload_table,
};
use super::document::fixed_date;
use super::words::{office_kind, words, Words};
use super::{Header, Pack, When};
use crate::error::Error;
use crate::export::table::cell_display;
use crate::export::{Cell, Table};
use crate::multiyear::MultiYearPlan;
use crate::simulate::Band;
use rust_xlsxwriter::Worksheet;

/// A block of a sheet, top to bottom.
#[derive(Debug)]
pub enum Part {
    /// A line of text across the sheet: a heading in bold, or a sentence of the report.
    Line { text: String, bold: bool },
    /// A table under its header row; `plain` are the columns whose numbers print as written,
    /// with no thousands separator (years: 2018, not "2,018"; line numbers; a figure of the
    /// scenario file as the planner wrote it).
    Table { table: Table, plain: Vec<usize> },
    /// Label and value pairs, no header row (the run's facts, the calendar).
    Facts(Table),
}

impl Part {
    pub fn table(table: Table) -> Part {
        Part::Table {
            table,
            plain: Vec::new(),
        }
    }

    /// A table whose columns `plain` print as written.
    pub fn plain(table: Table, plain: &[usize]) -> Part {
        Part::Table {
            table,
            plain: plain.to_vec(),
        }
    }
}

/// A sheet: its name and what it holds (headers already in the scenario's language).
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub parts: Vec<Part>,
    /// Printed on one page (the summary), however small that makes it.
    pub one_page: bool,
}

impl Sheet {
    fn table(name: &str, table: Table) -> Sheet {
        Sheet {
            name: name.to_string(),
            parts: vec![Part::table(table)],
            one_page: false,
        }
    }
}

/// The sheets of the workbook, in order: the summary first, then the tables, the
/// assumptions and the service levels. A scenario without supervised units has no allocation
/// sheet and no units columns.
pub fn sheets(pack: &Pack<'_>) -> Vec<Sheet> {
    let w = words(pack.before.scenario.language);
    let document = super::content::build(pack);
    let units = super::charts::allocation_shown(pack);
    let mut offices = pack.offices_table_with(&|h| localised(pack, h, w), &|k| {
        office_kind(k, pack.before.scenario.language).to_string()
    });
    if !units {
        // The units columns (before and after) follow id, name, kind, staff and the types.
        let at = 5 + 2 * pack.staff_types().len();
        drop_columns(&mut offices, at..at + 2);
    }
    let mut sheets = vec![
        super::sheets::summary(pack, &document),
        Sheet::table(w.sheet_offices, offices),
        Sheet::table(
            w.sheet_workload,
            workload_table(&pack.after, pack.before.analysis.year_value, w),
        ),
    ];
    if let Some(table) = work_type_table(pack, w) {
        sheets.push(Sheet::table(w.sheet_work_types, table));
    }
    if units {
        sheets.push(Sheet::table(
            w.sheet_allocation,
            pack.allocation_table_with(&|h| localised(pack, h, w)),
        ));
    }
    if let Some(table) = simulation_table(pack, w) {
        sheets.push(Sheet::table(w.sheet_simulation, table));
    }
    sheets.extend(super::sheets::service(pack));
    if let Some(tables) = super::content::wisn_sheet(pack, w) {
        sheets.push(Sheet {
            name: w.wisn.sheet.to_string(),
            parts: tables.into_iter().map(Part::table).collect(),
            one_page: false,
        });
    }
    if let Some(plan) = pack.plan {
        sheets.push(Sheet {
            name: w.plan.title.to_string(),
            parts: vec![Part::plain(plan_sheet(plan, w), &[0])],
            one_page: false,
        });
    }
    if let Some(result) = pack.sensitivity {
        sheets.push(Sheet::table(w.sure.spread_sheet, interval_table(result, w)));
        sheets.push(Sheet::table(
            w.sure.ranking_sheet,
            ranking_table(result, pack.before.scenario, w),
        ));
    }
    sheets.push(super::sheets::assumptions(pack));
    sheets
}

/// Removes the columns `range` from the headers and every row.
fn drop_columns(table: &mut Table, range: std::ops::Range<usize>) {
    fn retain<T>(v: &mut Vec<T>, range: &std::ops::Range<usize>) {
        let mut i = 0;
        v.retain(|_| {
            i += 1;
            !range.contains(&(i - 1))
        });
    }
    retain(&mut table.headers, &range);
    for row in &mut table.rows {
        retain(row, &range);
    }
}

/// The plan's table with its staff band as two numbers, the 5th and the 95th percentile,
/// where the report prints "40–44".
fn plan_sheet(plan: &MultiYearPlan, w: &Words) -> Table {
    let mut table = plan_total_table(plan, w);
    // The band is the one text column of the report's table.
    let Some(band) = table
        .rows
        .first()
        .and_then(|r| r.iter().position(|c| matches!(c, Cell::Text(_))))
    else {
        return table;
    };
    let name = table.headers.get(band).cloned().unwrap_or_default();
    if let Some(h) = table.headers.get_mut(band) {
        *h = (w.with_side)(&name, w.p5);
    }
    table.headers.insert(band + 1, (w.with_side)(&name, w.p95));
    for (row, year) in table.rows.iter_mut().zip(&plan.years) {
        let b = &year.total.staff_band;
        let number = |v: f64| {
            if v.is_finite() {
                Cell::Num(v, 0)
            } else {
                Cell::Empty
            }
        };
        if let Some(cell) = row.get_mut(band) {
            *cell = number(b.p5);
        }
        row.insert(band + 1, number(b.p95));
    }
    table
}

/// A header of the CSV files in the scenario's words: the column's name with the side's,
/// staff types by their labels.
fn localised(pack: &Pack<'_>, header: &Header<'_>, w: &Words) -> String {
    let language = pack.before.scenario.language;
    let [before, after] = pack.side_names();
    let side = |when: When| match when {
        When::Before => before.as_str(),
        When::After => after.as_str(),
    };
    match *header {
        Header::Plain(c) => c.name(language).to_string(),
        Header::Side(c, when) => (w.with_side)(c.name(language), side(when)),
        Header::StaffType(id, when) => (w.with_side)(pack.staff_type_label(id), side(when)),
    }
}

/// Every simulated band as three numbers (mean, 5th and 95th percentile), a row per side
/// and office.
fn simulation_table(pack: &Pack<'_>, w: &Words) -> Option<Table> {
    let sides = simulated(pack, w);
    if sides.is_empty() {
        return None;
    }
    let measures = w.simulation_headers.measures;
    let mut headers = vec![w.side.to_string(), w.simulation_headers.office.to_string()];
    for m in measures {
        for stat in [w.mean, w.p5, w.p95] {
            headers.push((w.with_side)(m, stat));
        }
    }
    let mut table = Table {
        headers,
        ..Table::default()
    };
    for (side, sim) in sides {
        for o in &sim.offices {
            let bands: [(&Band, bool); 8] = [
                (&o.done, false),
                (&o.backlog_end, false),
                (&o.wait_days, false),
                (&o.lead_days, false),
                (&o.lead_days_p90, false),
                (&o.late_share, true),
                (&o.utilisation, true),
                (&o.overtime_hours_per_person, false),
            ];
            let mut row = vec![Cell::text(&side), Cell::text(&o.name)];
            for (band, share) in bands {
                for v in [band.mean, band.p5, band.p95] {
                    row.push(match (v.is_finite(), share) {
                        (false, _) => Cell::Empty,
                        (true, true) => Cell::Share(v),
                        (true, false) => Cell::Num(v, 1),
                    });
                }
            }
            table.rows.push(row);
        }
    }
    Some(table)
}

/// The workbook's bytes.
pub fn render(pack: &Pack<'_>) -> Result<Vec<u8>, Error> {
    let fail = |e: XlsxError| Error::Document {
        file: "tables.xlsx",
        message: e.to_string(),
    };
    build(pack).map_err(fail)
}

/// The number formats of the workbook.
struct Formats {
    header: Format,
    bold: Format,
    sentence: Format,
    integer: Format,
    plain: Format,
    wrapped: Format,
    right: Format,
    decimals: [Format; 4],
    percent: Format,
}

fn build(pack: &Pack<'_>) -> Result<Vec<u8>, XlsxError> {
    let w = words(pack.before.scenario.language);
    let (year, month, day) = fixed_date(pack.date.as_deref());
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!(
            "{}{}{}",
            w.report_title, w.colon, pack.before.scenario.name
        ))
        .set_author("staffplan")
        .set_creation_datetime(&ExcelDateTime::from_ymd(year, month, day)?);
    workbook.set_properties(&properties);
    let formats = Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color("F0F0F0")
            .set_border_bottom(FormatBorder::Thin),
        bold: Format::new().set_bold(),
        sentence: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        integer: Format::new().set_num_format("#,##0"),
        // A year is a label, not a quantity: no thousands separator.
        plain: Format::new().set_num_format("General"),
        wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        right: Format::new().set_align(FormatAlign::Right),
        decimals: [
            Format::new().set_num_format("#,##0"),
            Format::new().set_num_format("#,##0.0"),
            Format::new().set_num_format("#,##0.00"),
            Format::new().set_num_format("#,##0.000"),
        ],
        percent: Format::new().set_num_format("0.0%"),
    };
    for sheet in sheets(pack) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        write_sheet(worksheet, &sheet, &formats)?;
    }
    super::calculation::add(&mut workbook, pack)?;
    workbook.save_to_buffer()
}

/// Each column's width in characters: its widest header or cell, within bounds (long
/// headers wrap rather than widen a numeric column past its numbers).
fn column_widths(sheet: &Sheet) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    let mut see = |c: usize, width: usize| {
        if widths.len() <= c {
            widths.resize(c + 1, 0);
        }
        widths[c] = widths[c].max(width);
    };
    for part in &sheet.parts {
        let (table, headers) = match part {
            Part::Table { table, .. } => (table, true),
            // The facts' values run on across the empty cells to their right.
            Part::Facts(table) => {
                for row in &table.rows {
                    if let Some(label) = row.first() {
                        see(0, cell_display(label).width());
                    }
                }
                continue;
            }
            Part::Line { .. } => continue,
        };
        if headers {
            for (c, h) in table.headers.iter().enumerate() {
                // A header wraps onto up to three lines.
                see(c, h.width().div_ceil(3).max(h.width().min(12)));
            }
        }
        for row in &table.rows {
            for (c, cell) in row.iter().enumerate() {
                see(c, cell_display(cell).width());
            }
        }
    }
    widths.iter().map(|w| (w + 2).clamp(6, 48)).collect()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    let widths = column_widths(sheet);
    let total: usize = widths.iter().sum();
    let last_col = u16::try_from(widths.len().max(1) - 1).unwrap_or(u16::MAX);
    let single = matches!(sheet.parts.as_slice(), [Part::Table { .. }]);
    let mut r: u32 = 0;
    let mut first_header = None;
    for (k, part) in sheet.parts.iter().enumerate() {
        // A blank row before each heading that follows something.
        if k > 0 && matches!(part, Part::Line { bold: true, .. }) {
            r += 1;
        }
        match part {
            Part::Line { text, bold } => {
                let format = if *bold { &f.bold } else { &f.sentence };
                if last_col > 0 && !*bold {
                    ws.merge_range(r, 0, r, last_col, text, format)?;
                    let lines = text.width().div_ceil(total.max(1)).max(1);
                    ws.set_row_height(r, 15.0 * lines as f64)?;
                } else {
                    ws.write_string_with_format(r, 0, text, format)?;
                }
                r += 1;
            }
            Part::Facts(table) => {
                // Text runs on to the right, left-aligned; figures keep their formats.
                let (text, figures): (Vec<_>, Vec<_>) = table
                    .rows
                    .iter()
                    .enumerate()
                    .partition(|(_, row)| matches!(row.get(1), Some(Cell::Text(_))));
                for (i, row) in text {
                    let at = r + u32::try_from(i).unwrap_or(u32::MAX);
                    for (c, cell) in row.iter().enumerate() {
                        let c = u16::try_from(c).unwrap_or(u16::MAX);
                        ws.write_string(at, c, cell_display(cell))?;
                    }
                }
                for (i, row) in figures {
                    let one = Table {
                        rows: vec![row.clone()],
                        ..Table::default()
                    };
                    let at = r + u32::try_from(i).unwrap_or(u32::MAX);
                    write_rows(ws, at, &one, (&[], &widths), f)?;
                }
                r += u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            }
            Part::Table { table, plain } => {
                let mut lines = 1;
                for (c, h) in table.headers.iter().enumerate() {
                    let room = widths.get(c).map_or(1, |w| w.saturating_sub(1).max(1));
                    lines = lines.max(h.width().div_ceil(room));
                    let c = u16::try_from(c).unwrap_or(u16::MAX);
                    ws.write_string_with_format(r, c, h, &f.header)?;
                }
                // A wrapped header needs its row tall enough to show every line.
                ws.set_row_height(r, 15.0 * lines.min(4) as f64)?;
                first_header.get_or_insert(r);
                write_rows(ws, r + 1, table, (plain, &widths), f)?;
                r += 1 + u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            }
        }
    }
    for (c, width) in widths.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(c, *width as f64)?;
    }
    if let (true, Some(Part::Table { table, .. })) = (single, sheet.parts.first()) {
        ws.set_freeze_panes(1, 0)?;
        if !table.rows.is_empty() && !table.headers.is_empty() {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            let last = u16::try_from(table.headers.len() - 1).unwrap_or(u16::MAX);
            ws.autofilter(0, 0, last_row, last)?;
        }
    }
    print_setup(ws, total, if single { first_header } else { None })?;
    if sheet.one_page {
        ws.set_print_fit_to_pages(1, 1);
    }
    Ok(())
}

/// Writes `table`'s rows from row `top`, numbers as numbers in their formats.
fn write_rows(
    ws: &mut Worksheet,
    top: u32,
    table: &Table,
    (plain, widths): (&[usize], &[usize]),
    f: &Formats,
) -> Result<(), XlsxError> {
    for (r, row) in table.rows.iter().enumerate() {
        let r = top + u32::try_from(r).unwrap_or(u32::MAX);
        // A long text wraps in its column; the row is made tall enough for its lines (a
        // spreadsheet program does not measure them when it opens the file).
        let lines = row
            .iter()
            .zip(widths)
            .filter_map(|(cell, w)| match cell {
                Cell::Text(s) if s.width() > 48 => {
                    Some(s.width().div_ceil(w.saturating_sub(2).max(1)))
                }
                _ => None,
            })
            .max();
        if let Some(lines) = lines {
            ws.set_row_height(r, 15.0 * lines as f64)?;
        }
        for (c, cell) in row.iter().enumerate() {
            let year = plain.contains(&c);
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                // A figure written as text ("22.0万元", "2 +1", "–") lines up with the numbers.
                Cell::Text(s)
                    if c > 0
                        && s.starts_with(|ch: char| ch.is_ascii_digit() || "–-−+".contains(ch)) =>
                {
                    ws.write_string_with_format(r, c, s, &f.right)?;
                }
                Cell::Text(s) if s.width() > 48 => {
                    ws.write_string_with_format(r, c, s, &f.wrapped)?;
                }
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Int(n) => {
                    let format = if year { &f.plain } else { &f.integer };
                    ws.write_number_with_format(r, c, *n as f64, format)?;
                }
                Cell::Num(v, d) if v.is_finite() => {
                    let format = if year {
                        &f.plain
                    } else {
                        // Up to three decimals shown; the cell keeps the whole value.
                        &f.decimals[(*d).min(f.decimals.len() - 1)]
                    };
                    ws.write_number_with_format(r, c, *v, format)?;
                }
                Cell::Share(v) if v.is_finite() => {
                    ws.write_number_with_format(r, c, *v, &f.percent)?;
                }
                Cell::Num(..) | Cell::Share(_) => {
                    ws.write_string(r, c, "∞")?;
                }
                Cell::Empty => {}
            }
        }
    }
    Ok(())
}

/// A4, landscape where the columns are wide, as many pages wide as keeps the text readable
/// (one for most sheets), as tall as it takes, the header row on every page, the sheet's
/// name and the page number in the footer.
pub(super) fn print_setup(
    ws: &mut Worksheet,
    width: usize,
    header_row: Option<u32>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if width > 95 {
        ws.set_landscape();
    }
    // About 200 characters of 10-point text fit across a landscape page at 65 %.
    // A sheet of several blocks (no header row to repeat) stays one page wide.
    let pages = match header_row {
        Some(_) => u16::try_from(width.div_ceil(200).max(1)).unwrap_or(1),
        None => 1,
    };
    ws.set_print_fit_to_pages(pages, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&L&A&R&P / &N");
    if let Some(row) = header_row {
        ws.set_repeat_rows(row, row)?;
    }
    if pages > 1 {
        // The first two columns (id and name) on every page across.
        ws.set_repeat_columns(0, 1)?;
    }
    Ok(())
}
