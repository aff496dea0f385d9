//! The `calculation` sheet of `tables.xlsx` (zh `测算`, SPEC §15): the weighted-caseload
//! arithmetic of today's organisation as live formulas over input cells of the same sheet, so
//! that a reviewer who changes an hour figure in Excel, WPS or LibreOffice sees the year value,
//! required hours, FTE need, utilisation and posts needed move. Each formula carries the
//! analysis's own figure as its cached value, which the tests hold to `analyse`; a program
//! that recalculates gets the same numbers (README: how to check it with LibreOffice).

use rust_xlsxwriter::{Format, FormatBorder, Formula, Workbook, XlsxError};

use super::words::template_words;
use super::Pack;
use crate::analysis::TOLERANCE;

/// Rows (0-based) of the calendar's inputs and the year value, in column B.
const WORKING_DAYS: u32 = 2;
const YEAR_VALUE: u32 = 8;
/// First row of the work table (its header), below the calendar.
const WORK_HEADER: u32 = 10;

/// Adds the sheet to `book`.
pub fn add(book: &mut Workbook, pack: &Pack<'_>) -> Result<(), XlsxError> {
    let scenario = pack.before.scenario;
    let analysis = pack.before.analysis;
    let w = template_words(scenario.language);
    let ws = book.add_worksheet();
    ws.set_name(w.calc_sheet)?;
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("F0F0F0")
        .set_border_bottom(FormatBorder::Thin);
    let input = Format::new().set_background_color("FFF2CC");
    let number = Format::new().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    ws.write_string_with_format(0, 0, w.calc_title, &bold)?;
    let c = &scenario.calendar;
    let inputs = [
        f64::from(c.working_days),
        f64::from(c.leave_days),
        f64::from(c.training_days),
        c.hours_per_day,
        c.non_case_share,
        scenario.policy.target_utilisation,
    ];
    for (i, (label, value)) in w.calc_inputs.iter().zip(inputs).enumerate() {
        let r = WORKING_DAYS + i as u32;
        ws.write_string(r, 0, *label)?;
        ws.write_number_with_format(r, 1, value, &input)?;
    }
    ws.write_string_with_format(YEAR_VALUE, 0, w.calc_year_value, &bold)?;
    let year = Formula::new("=(B3-B4-B5)*B6*(1-B7)").set_result(analysis.year_value.to_string());
    ws.write_formula_with_format(YEAR_VALUE, 1, year, &number)?;

    // The work at each office: volume and hours per item are inputs, hours their product.
    for (col, title) in w.calc_work_headers.iter().enumerate() {
        ws.write_string_with_format(WORK_HEADER, col as u16, *title, &header)?;
    }
    let mut r = WORK_HEADER + 1;
    for office in &analysis.offices {
        for work in &office.works {
            ws.write_string(r, 0, &office.id)?;
            ws.write_string(r, 1, &work.name)?;
            ws.write_number_with_format(r, 2, work.volume, &input)?;
            ws.write_number_with_format(r, 3, work.hours_per_item, &input)?;
            let hours = Formula::new(format!("=C{0}*D{0}", r + 1))
                .set_result((work.volume * work.hours_per_item).to_string());
            ws.write_formula_with_format(r, 4, hours, &number)?;
            r += 1;
        }
    }
    let works = (WORK_HEADER + 2, r.max(WORK_HEADER + 2));

    // Each office: its figures from the work table and the calendar.
    let top = r + 2;
    for (col, title) in w.calc_office_headers.iter().enumerate() {
        ws.write_string_with_format(top, col as u16, *title, &header)?;
    }
    let target = format!("$B${}", WORKING_DAYS + 6);
    for (i, (office, model)) in analysis.offices.iter().zip(&scenario.offices).enumerate() {
        let r = top + 1 + i as u32;
        let n = r + 1;
        let closed = model.optional && office.staff == 0 && office.required_hours == 0.0;
        let floor = if closed {
            0
        } else {
            office.largest_team.max(model.min_staff.unwrap_or(0))
        };
        ws.write_string(r, 0, &office.id)?;
        ws.write_string(r, 1, &office.name)?;
        ws.write_number_with_format(r, 2, f64::from(office.staff), &input)?;
        ws.write_number_with_format(r, 3, f64::from(office.leaders), &input)?;
        ws.write_number_with_format(r, 4, model.leader_case_share, &input)?;
        ws.write_number_with_format(r, 5, f64::from(floor), &input)?;
        let formulas = [
            (
                format!(
                    "=SUMIF($A${}:$A${},A{n},$E${}:$E${})",
                    works.0, works.1, works.0, works.1
                ),
                office.required_hours,
                &number,
            ),
            (
                format!("=$B${}*(C{n}-MIN(C{n},D{n})*(1-E{n}))", YEAR_VALUE + 1),
                office.capacity_hours,
                &number,
            ),
            (
                format!("=G{n}/$B${}", YEAR_VALUE + 1),
                office.fte_need,
                &number,
            ),
            (
                format!("=IF(G{n}=0,0,G{n}/H{n})"),
                office.utilisation.unwrap_or(0.0),
                &percent,
            ),
            (
                posts_formula(n, &target),
                office.posts_needed as f64,
                &number,
            ),
        ];
        for (k, (formula, value, format)) in formulas.into_iter().enumerate() {
            let formula = Formula::new(formula).set_result(value.to_string());
            ws.write_formula_with_format(r, 6 + k as u16, formula, format)?;
        }
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 28)?;
    for col in 2..11 {
        ws.set_column_width(col, 14)?;
    }
    // 22 + 28 + 9 × 14 characters: landscape, one page wide.
    super::xlsx::print_setup(ws, 176, None)
}

/// Posts needed in row `n`: the least headcount, not below the floor in F, whose casework
/// persons carry the required hours at the target: p = G / (H × target), less the rounding
/// tolerance of the analysis; where p fits within the leaders' casework (p ≤ leaders × share)
/// the headcount is ⌈p ÷ share⌉, else ⌈p + leaders × (1 − share)⌉.
fn posts_formula(n: u32, target: &str) -> String {
    let p = format!("(G{n}/($B${}*{target})*(1-{TOLERANCE:E}))", YEAR_VALUE + 1);
    format!(
        "=IF(G{n}<=0,F{n},MAX(F{n},IF({p}<=D{n}*E{n},ROUNDUP({p}/E{n},0),ROUNDUP({p}+D{n}*(1-E{n}),0))))"
    )
}
