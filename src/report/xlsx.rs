//! `tables.xlsx`: the pack's tables as a workbook, one sheet per table, for a planner who
//! wants to recompute or re-chart. Numbers stay numbers (with thousands separators, shares as
//! percentages), the header row is frozen and filtered, columns are sized to their text, and
//! sheet names and headers are in the scenario's language (the CSV files keep the ids).
//! The document date is fixed, so a rerun gives the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
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
use crate::simulate::Band;

/// A sheet: its name and its table (headers already in the scenario's language).
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub table: Table,
}

/// The sheets of the workbook, in order.
pub fn sheets(pack: &Pack<'_>) -> Vec<Sheet> {
    let w = words(pack.before.scenario.language);
    let mut sheets = vec![
        Sheet {
            name: w.sheet_offices.to_string(),
            table: pack.offices_table_with(&|h| localised(pack, h, w), &|k| {
                office_kind(k, pack.before.scenario.language).to_string()
            }),
        },
        Sheet {
            name: w.sheet_workload.to_string(),
            table: workload_table(&pack.after, pack.before.analysis.year_value, w),
        },
    ];
    if let Some(table) = work_type_table(pack, w) {
        sheets.push(Sheet {
            name: w.sheet_work_types.to_string(),
            table,
        });
    }
    sheets.push(Sheet {
        name: w.sheet_allocation.to_string(),
        table: pack.allocation_table_with(&|h| localised(pack, h, w)),
    });
    if let Some(table) = simulation_table(pack, w) {
        sheets.push(Sheet {
            name: w.sheet_simulation.to_string(),
            table,
        });
    }
    if let Some(plan) = pack.plan {
        sheets.push(Sheet {
            name: w.plan.title.to_string(),
            table: plan_total_table(plan, w),
        });
    }
    if let Some(result) = pack.sensitivity {
        sheets.push(Sheet {
            name: w.sure.spread_sheet.to_string(),
            table: interval_table(result, w),
        });
        sheets.push(Sheet {
            name: w.sure.ranking_sheet.to_string(),
            table: ranking_table(result, pack.before.scenario, w),
        });
    }
    sheets
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

fn build(pack: &Pack<'_>) -> Result<Vec<u8>, XlsxError> {
    let w = words(pack.before.scenario.language);
    let (year, month, day) = fixed_date(pack.date.as_deref());
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("{}: {}", w.report_title, pack.before.scenario.name))
        .set_author("staffplan")
        .set_creation_datetime(&ExcelDateTime::from_ymd(year, month, day)?);
    workbook.set_properties(&properties);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("F0F0F0")
        .set_border_bottom(FormatBorder::Thin);
    let integer = Format::new().set_num_format("#,##0");
    let decimals = [
        Format::new().set_num_format("#,##0"),
        Format::new().set_num_format("#,##0.0"),
        Format::new().set_num_format("#,##0.00"),
        Format::new().set_num_format("#,##0.000"),
    ];
    let percent = Format::new().set_num_format("0.0%");
    for sheet in sheets(pack) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        let table = &sheet.table;
        let mut widths: Vec<usize> = table.headers.iter().map(|h| h.width()).collect();
        for (c, h) in table.headers.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            worksheet.write_string_with_format(0, c, h, &header)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                if let Some(width) = widths.get_mut(c) {
                    *width = (*width).max(cell_display(cell).width());
                }
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    Cell::Text(s) => {
                        worksheet.write_string(r, c, s)?;
                    }
                    Cell::Int(n) => {
                        worksheet.write_number_with_format(r, c, *n as f64, &integer)?;
                    }
                    Cell::Num(v, d) if v.is_finite() => {
                        let format = &decimals[(*d).min(decimals.len() - 1)];
                        worksheet.write_number_with_format(r, c, *v, format)?;
                    }
                    Cell::Share(v) if v.is_finite() => {
                        worksheet.write_number_with_format(r, c, *v, &percent)?;
                    }
                    Cell::Num(..) | Cell::Share(_) => {
                        worksheet.write_string(r, c, "∞")?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        for (c, width) in widths.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            // Long headers wrap rather than widen a numeric column past its numbers.
            let width = (*width + 2).clamp(6, 48);
            worksheet.set_column_width(c, width as f64)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        if !table.rows.is_empty() && !table.headers.is_empty() {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            let last_col = u16::try_from(table.headers.len() - 1).unwrap_or(u16::MAX);
            worksheet.autofilter(0, 0, last_row, last_col)?;
        }
    }
    super::calculation::add(&mut workbook, pack)?;
    workbook.save_to_buffer()
}
