//! `report.docx`: the [`Document`] as a Word file a planner can paste into a proposal: A4,
//! the title in Word's Title style and sections in Heading 1 and Heading 2 (so the navigation
//! pane and a table of contents find them), real Word tables, the charts embedded as PNG at
//! the width of the text, and fonts set for both scripts (a Latin font and an East-Asian font
//! that Word and WPS have on a Chinese Windows), so Chinese never falls back to boxes.
//! Document dates are fixed and zip entries carry no time, so a rerun gives the same bytes.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Shading,
    SpecialIndentType, Style, StyleType, Table as WordTable, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use unicode_width::UnicodeWidthStr;

use super::charts::Rendered;
use super::document::{Block, Document, Inline};
use crate::error::Error;
use crate::export::table::cell_display;
use crate::export::{Cell, Table};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// 2 cm margins.
const MARGIN: i32 = 1_134;
/// The width of the text: where charts and tables go.
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN as u32;
/// English Metric Units in a twentieth of a point.
const EMU_PER_TWIP: u32 = 635;

/// The Latin and East-Asian fonts of the body and the headings.
pub const LATIN_FONT: &str = "Calibri";
pub const EAST_ASIAN_FONT: &str = "SimSun";
pub const EAST_ASIAN_HEADING_FONT: &str = "Microsoft YaHei";
const CODE_FONT: &str = "Consolas";

fn fonts(east_asian: &str) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .east_asia(east_asian)
}

/// Word's built-in heading styles (the ids Word and WPS recognise), sizes in half-points.
fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .fonts(fonts(EAST_ASIAN_HEADING_FONT))
            .line_spacing(LineSpacing::new().before(280).after(120))
            .outline_lvl(level)
    };
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(36)
            .fonts(fonts(EAST_ASIAN_HEADING_FONT)),
    )
    .add_style(heading("Heading1", "heading 1", 30, 0))
    .add_style(heading("Heading2", "heading 2", 26, 1))
    .add_style(heading("Heading3", "heading 3", 22, 2))
}

/// The Word file's bytes; `charts` are the pack's charts, embedded as PNG.
pub fn render(doc: &Document, charts: &[Rendered]) -> Result<Vec<u8>, Error> {
    let (year, month, day) = doc.fixed_date();
    let date = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
    let mut docx = styles(
        Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            )
            .default_fonts(fonts(EAST_ASIAN_FONT))
            .default_size(21)
            .created_at(&date)
            .updated_at(&date),
    );
    let mut pictures = 0;
    for block in &doc.blocks {
        docx = match block {
            Block::Heading { level, text } => {
                let style = match level {
                    0 | 1 => "Title",
                    2 => "Heading1",
                    3 => "Heading2",
                    _ => "Heading3",
                };
                docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(text)),
                )
            }
            Block::Paragraph(inlines) => docx.add_paragraph(paragraph(inlines)),
            Block::Bullets(items) => items.iter().fold(docx, |docx, item| {
                let mut p = Paragraph::new()
                    .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None)
                    .add_run(Run::new().add_text("• "));
                for run in runs(item) {
                    p = p.add_run(run);
                }
                docx.add_paragraph(p)
            }),
            Block::Table(table) => docx
                .add_table(word_table(table))
                .add_paragraph(Paragraph::new()),
            // The chart carries its title: a caption under it would say it twice.
            Block::Figure { name, .. } => {
                let Some(chart) = charts.iter().find(|c| c.name == *name) else {
                    continue;
                };
                pictures += 1;
                docx.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_image(picture(&chart.png, pictures))),
                )
            }
            Block::Note(text) => docx.add_paragraph(
                Paragraph::new()
                    .indent(Some(360), None, None, None)
                    .add_run(Run::new().italic().add_text(text)),
            ),
        };
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| Error::Document {
        file: "report.docx",
        message: e.to_string(),
    })?;
    Ok(bytes.into_inner())
}

/// A chart at the width of the text, its height in proportion. The id is fixed by its
/// place, so that reruns give the same file.
fn picture(png: &[u8], n: usize) -> Pic {
    let (width, height) = png_size(png).unwrap_or((1600, 900));
    let emu_width = TEXT_WIDTH * EMU_PER_TWIP;
    let emu_height =
        (f64::from(emu_width) * f64::from(height) / f64::from(width.max(1))).round() as u32;
    Pic::new_with_dimensions(png.to_vec(), width, height)
        .id(format!("rIdImage{n}"))
        .size(emu_width, emu_height)
}

/// Width and height from a PNG's header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| -> Option<u32> {
        let bytes: [u8; 4] = png.get(at..at + 4)?.try_into().ok()?;
        Some(u32::from_be_bytes(bytes))
    };
    png.starts_with(&[137, 80, 78, 71, 13, 10, 26, 10])
        .then(|| Some((word(16)?, word(20)?)))
        .flatten()
}

fn runs(inlines: &[Inline]) -> Vec<Run> {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => Run::new().add_text(s),
            Inline::Strong(s) => Run::new().bold().add_text(s),
            Inline::Code(s) => Run::new()
                .fonts(RunFonts::new().ascii(CODE_FONT).hi_ansi(CODE_FONT))
                .add_text(s),
        })
        .collect()
}

fn paragraph(inlines: &[Inline]) -> Paragraph {
    runs(inlines)
        .into_iter()
        .fold(Paragraph::new(), |p, run| p.add_run(run))
}

/// A Word table across the text width: a shaded bold header row, numbers right-aligned,
/// 9-point text.
fn word_table(table: &Table) -> WordTable {
    let size = 18;
    let cell = |text: &str, right: bool, header: bool| {
        let mut run = Run::new().size(size).add_text(text);
        if header {
            run = run.bold();
        }
        let mut p = Paragraph::new().add_run(run);
        if right {
            p = p.align(AlignmentType::Right);
        }
        let mut c = TableCell::new().add_paragraph(p);
        if header {
            c = c.shading(Shading::new().fill("F0F0F0"));
        }
        c
    };
    // Column widths in proportion to their longest text, so a column of notes gets the room
    // and a column of small numbers does not.
    let mut longest: Vec<usize> = table.headers.iter().map(|h| h.width().min(12)).collect();
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate() {
            if let Some(l) = longest.get_mut(c) {
                *l = (*l).max(cell_display(cell).width());
            }
        }
    }
    // Two more for the cell's margins.
    let weights: Vec<usize> = longest.iter().map(|l| (*l).clamp(2, 40) + 2).collect();
    let total = weights.iter().sum::<usize>().max(1);
    let grid: Vec<usize> = weights
        .iter()
        .map(|w| TEXT_WIDTH as usize * w / total)
        .collect();
    let width_of = |c: usize| grid.get(c).copied().unwrap_or(0);
    let mut rows = vec![TableRow::new(
        table
            .headers
            .iter()
            .enumerate()
            .map(|(c, h)| cell(h, false, true).width(width_of(c), WidthType::Dxa))
            .collect(),
    )
    .cant_split()];
    for row in &table.rows {
        rows.push(
            TableRow::new(
                row.iter()
                    .enumerate()
                    .map(|(c, v)| {
                        cell(&cell_display(v), !matches!(v, Cell::Text(_)), false)
                            .width(width_of(c), WidthType::Dxa)
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    WordTable::new(rows)
        .set_grid(grid.clone())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_reads_the_header() {
        let mut png = vec![137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13];
        png.extend(b"IHDR");
        png.extend(1600u32.to_be_bytes());
        png.extend(900u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1600, 900)));
        assert_eq!(png_size(b"not a png"), None);
    }
}
