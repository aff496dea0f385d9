//! `report.docx`: the [`Document`] as a Word file a planner can paste into a proposal: A4,
//! the title in Word's Title style and sections in Heading 1 and Heading 2 (so the navigation
//! pane and a table of contents find them), real Word tables, the charts embedded as PNG at
//! the width of the text, and fonts set for both scripts (a Latin font and an East-Asian font
//! that Word and WPS have on a Chinese Windows), so Chinese never falls back to boxes.
//! Document dates are fixed and zip entries carry no time, so a rerun gives the same bytes.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrPAGE, InstrText, InstrToC,
    LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Shading, SpecialIndentType, Style,
    StyleType, Tab, TabLeaderType, TabValueType, Table as WordTable, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

use unicode_width::UnicodeWidthStr;

use super::charts::Rendered;
use super::content::VERSION;
use super::document::{is_numeric, Block, Document, Inline};
use super::words::document_words;
use crate::error::Error;
use crate::export::table::cell_display;
use crate::export::{Cell, Table};
use crate::model::Language;

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// 2 cm margins.
const MARGIN: i32 = 1_134;
/// The width of the text: where charts and tables go.
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN as u32;
/// A table cell's left and right margins: 1.5 mm, 1 mm in a table set smaller to fit.
const CELL_MARGIN: usize = 85;

fn cell_margin(size: usize) -> usize {
    if size < TABLE_SIZES[0] {
        57
    } else {
        CELL_MARGIN
    }
}
/// The text sizes (half-points) a table tries, largest first, until its columns fit.
const TABLE_SIZES: [usize; 3] = [18, 16, 14];
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
            .updated_at(&date)
            .header(page_header(doc))
            .footer(page_footer(doc)),
    );
    let mut pictures = 0;
    let mut sections = 0;
    for (at, block) in doc.blocks.iter().enumerate() {
        docx = match block {
            Block::Heading { level, text } => {
                let style = match level {
                    0 | 1 => "Title",
                    2 => "Heading1",
                    3 => "Heading2",
                    _ => "Heading3",
                };
                if *level == 2 {
                    sections += 1;
                }
                // The cover and the contents have the first page; the first section starts
                // the second, and the appendices a page of their own.
                let new_page = (*level == 2 && sections == 1) || doc.appendix_at == Some(at);
                docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .page_break_before(new_page)
                        .add_run(Run::new().add_text(text)),
                )
            }
            Block::Paragraph(inlines) => docx.add_paragraph(paragraph(inlines)),
            Block::Bullets(items) if is_contents(doc, at) => contents(docx, items, doc.language),
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
            // The chart carries its title; the caption says what the title does not.
            Block::Figure { name, .. } => {
                let Some(chart) = charts.iter().find(|c| c.name == *name) else {
                    continue;
                };
                pictures += 1;
                let docx = docx.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .keep_next(true)
                        .add_run(Run::new().add_image(picture(&chart.png, pictures))),
                );
                match doc.figure_caption(pictures, name) {
                    Some(caption) => docx.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().italic().size(18).add_text(caption)),
                    ),
                    None => docx,
                }
            }
            Block::Note(text) => docx.add_paragraph(
                Paragraph::new()
                    .indent(Some(360), None, None, None)
                    .add_run(Run::new().italic().add_text(text)),
            ),
        };
    }
    let mut xml = docx.build();
    xml.document = finish_document(&xml.document, doc.language);
    xml.styles = tag_languages(&xml.styles, doc.language, "</w:rPr></w:rPrDefault>");
    xml.doc_props.core = core_properties(doc, &date).into_bytes();
    xml.settings = update_fields_on_open(&xml.settings);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| Error::Document {
        file: "report.docx",
        message: e.to_string(),
    })?;
    Ok(bytes.into_inner())
}

/// Whether the list at `at` is the contents, which follow their bold title (`content::cover`).
pub(super) fn is_contents(doc: &Document, at: usize) -> bool {
    let title = document_words(doc.language).contents;
    at.checked_sub(1)
        .and_then(|before| doc.blocks.get(before))
        .is_some_and(|b| *b == Block::Paragraph(vec![Inline::Strong(title.to_string())]))
}

/// The contents as a Word field (`TOC \o "1-3" \h`) holding the section headings as they
/// are, so that the file reads right before any update; the field is marked dirty and the
/// settings ask Word to update fields on opening, which adds the page numbers.
fn contents(docx: Docx, items: &[Vec<Inline>], language: Language) -> Docx {
    let d = document_words(language);
    let entry = || {
        Paragraph::new().add_tab(
            Tab::new()
                .val(TabValueType::Right)
                .leader(TabLeaderType::Dot)
                .pos(TEXT_WIDTH as usize),
        )
    };
    let field = InstrToC::new().heading_styles_range(1, 3).hyperlink();
    let mut docx = docx;
    for (i, item) in items.iter().enumerate() {
        let mut p = entry();
        if i == 0 {
            p = p.add_run(
                Run::new()
                    .add_field_char(FieldCharType::Begin, true)
                    .add_instr_text(InstrText::TOC(field.clone()))
                    .add_field_char(FieldCharType::Separate, false),
            );
        }
        for run in runs(item) {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(p);
    }
    // The hint is part of the field's result, so Word's update replaces it.
    docx.add_paragraph(
        Paragraph::new()
            .add_run(Run::new().italic().size(18).add_text(d.contents_update))
            .add_run(Run::new().add_field_char(FieldCharType::End, false)),
    )
}

/// The settings part, asking Word to update the fields (the contents' page numbers) on
/// opening.
fn update_fields_on_open(settings: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(settings);
    let update = "<w:updateFields w:val=\"true\" />";
    // The schema puts it before `compat`.
    match text.find("<w:compat>") {
        Some(at) => format!("{}{update}{}", &text[..at], &text[at..]),
        None => text.replacen("</w:settings>", &format!("{update}</w:settings>"), 1),
    }
    .into_bytes()
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

/// A Word table: a shaded bold header row that Word repeats on every page, numbers
/// right-aligned, rows kept whole, and columns as wide as their content needs (see
/// [`column_widths`]), in 9 points, or smaller where a wide table needs it.
fn word_table(table: &Table) -> WordTable {
    let (size, grid) = column_widths(table);
    let cell = |text: &str, right: bool, header: bool, width: usize| {
        // A figure with its band ("4619.8 (4497.8–4724.2)") that does not fit on one line
        // puts the band on the second, whole, rather than breaking it at its dash.
        let columns = width.saturating_sub(2 * cell_margin(size)) / twips_per_column(size);
        let lines: Vec<&str> = match text.split_once(" (") {
            Some((mean, _)) if !header && text.width() > columns => {
                vec![mean, &text[mean.len() + 1..]]
            }
            _ => vec![text],
        };
        let mut run = Run::new().size(size);
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        if header {
            run = run.bold();
        }
        // The header row stays on the page of the first row under it.
        let mut p = Paragraph::new().keep_next(header).add_run(run);
        if right {
            p = p.align(AlignmentType::Right);
        }
        let mut c = TableCell::new().add_paragraph(p);
        if header {
            c = c.shading(Shading::new().fill("F0F0F0"));
        }
        c
    };
    let width_of = |c: usize| grid.get(c).copied().unwrap_or(0);
    let mut rows = vec![TableRow::new(
        table
            .headers
            .iter()
            .enumerate()
            .map(|(c, h)| cell(h, false, true, width_of(c)).width(width_of(c), WidthType::Dxa))
            .collect(),
    )
    .cant_split()];
    for row in &table.rows {
        let word_row = TableRow::new(
            row.iter()
                .enumerate()
                .map(|(c, v)| {
                    let text = cell_display(v);
                    cell(&text, is_numeric(v), false, width_of(c))
                        .width(width_of(c), WidthType::Dxa)
                })
                .collect(),
        )
        .cant_split();
        // A row left empty is for writing in (the sign-off): room for a signature.
        let blank = row
            .iter()
            .all(|v| matches!(v, Cell::Text(t) if t.is_empty()));
        rows.push(if blank {
            word_row.row_height(560.0)
        } else {
            word_row
        });
    }
    let width = grid.iter().sum::<usize>();
    // A table wider than the text reaches equally into both margins.
    let overhang = width.saturating_sub(TEXT_WIDTH as usize) / 2;
    WordTable::new(rows)
        .set_grid(grid)
        .width(width, WidthType::Dxa)
        .indent(-i32::try_from(overhang).unwrap_or(0))
        .margins(TableCellMargins::new().margin(0, cell_margin(size), 0, cell_margin(size)))
        .layout(TableLayoutType::Fixed)
}

/// Twentieths of a point one column of text (a digit or a Latin letter; a Chinese character
/// is two) takes at `size` half-points, bold header text included: Calibri's digits are half
/// an em wide, but where Calibri is missing (LibreOffice on Linux) its stand-in's are 0.64 em.
pub fn twips_per_column(size: usize) -> usize {
    size * 13 / 2
}

/// The widest piece of a cell that must not break across lines, in columns: a number whole
/// ("300", "0.15", "2018"), a short text whole ("假设", "before → after"), else its longest
/// word, where Chinese may break after any four characters.
fn unbreakable(text: &str, number: bool) -> usize {
    let width = text.width();
    if number || width <= 12 || (text.contains('→') && width <= 28) {
        return width;
    }
    text.split_whitespace()
        .map(|word| {
            let w = word.width();
            if w > word.chars().count() {
                w.min(8)
            } else {
                w.min(20)
            }
        })
        .max()
        .unwrap_or(0)
}

/// The text size of a table and its column widths in twips. Each column is at least as wide
/// as its widest unbreakable piece, so numbers, years and short words never break inside
/// themselves; the rest of the text width goes to the columns whose text would wrap, in
/// proportion to what they lack. A table whose pieces do not fit in 9 points tries 8 and 7,
/// and at the last reaches into the page margins rather than break a number.
fn column_widths(table: &Table) -> (usize, Vec<usize>) {
    let columns = table.headers.len();
    // A header wraps between its words, never inside one; bold text is a fifth wider.
    let mut least: Vec<usize> = table
        .headers
        .iter()
        .map(|h| {
            let word = h
                .split_whitespace()
                .map(|word| {
                    let w = word.width();
                    if w > word.chars().count() {
                        w.min(8)
                    } else {
                        w.min(12)
                    }
                })
                .max()
                .unwrap_or(0);
            (word * 6).div_ceil(5)
        })
        .collect();
    let mut want: Vec<usize> = table.headers.iter().map(|h| h.width().min(16)).collect();
    // How much text a column holds beyond one line: a column of long notes gets more of the
    // spare width than a column of names.
    let mut longest = want.clone();
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            let text = cell_display(cell);
            // An amount written as text ("1,440,000 EUR", its space a no-break one) is as
            // unbreakable as a number; a band or a change ("4 → 5") may still wrap.
            let number =
                !matches!(cell, Cell::Text(_)) || (is_numeric(cell) && !text.contains(' '));
            least[c] = least[c].max(unbreakable(&text, number));
            want[c] = want[c].max(text.width().min(40));
            longest[c] = longest[c].max(text.width().min(160));
        }
    }
    let want: Vec<usize> = want.iter().zip(&least).map(|(w, l)| (*w).max(*l)).collect();
    let avail = TEXT_WIDTH as usize;
    let twips = |cols: &[usize], size: usize| -> Vec<usize> {
        cols.iter()
            .map(|c| c.max(&1) * twips_per_column(size) + 2 * cell_margin(size) + 30)
            .collect()
    };
    let size = TABLE_SIZES
        .into_iter()
        .find(|&size| twips(&least, size).iter().sum::<usize>() <= avail)
        .unwrap_or(TABLE_SIZES[TABLE_SIZES.len() - 1]);
    let least = twips(&least, size);
    let want = twips(&want, size);
    let (sum_least, sum_want) = (least.iter().sum::<usize>(), want.iter().sum::<usize>());
    if sum_least >= avail {
        // Past the text width: as narrow as the pieces allow, reaching into the margins.
        return (size, least);
    }
    if sum_want <= avail {
        // Everything fits on one line: spread the spare width in proportion.
        return (size, want.iter().map(|w| w * avail / sum_want).collect());
    }
    let longest = twips(&longest, size);
    let lack: Vec<usize> = longest
        .iter()
        .zip(&least)
        .map(|(w, l)| w.saturating_sub(*l))
        .collect();
    let sum_lack = lack.iter().sum::<usize>().max(1);
    let spare = avail - sum_least;
    (
        size,
        least
            .iter()
            .zip(&lack)
            .map(|(l, k)| l + spare * k / sum_lack)
            .collect(),
    )
}

/// The page header: the document's title, small and grey, on every page.
fn page_header(doc: &Document) -> Header {
    Header::new().add_paragraph(
        Paragraph::new().align(AlignmentType::Right).add_run(
            Run::new()
                .size(16)
                .color("666666")
                .add_text(doc.title.as_str()),
        ),
    )
}

/// The page footer: "第 N 页" / "Page N", N a PAGE field that Word and LibreOffice fill.
fn page_footer(doc: &Document) -> Footer {
    let d = document_words(doc.language);
    let run = || Run::new().size(16);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run().add_text(d.page_before))
            .add_run(run().add_field_char(FieldCharType::Begin, false))
            .add_run(run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
            .add_run(run().add_field_char(FieldCharType::Separate, false))
            .add_run(run().add_text("1"))
            .add_run(run().add_field_char(FieldCharType::End, false))
            .add_run(run().add_text(d.page_after)),
    )
}

/// The document part, finished where the Word library has no setting: every table's first
/// row repeats on each page (`tblHeader`), and every run says its language.
fn finish_document(xml: &[u8], language: Language) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let mut out = String::with_capacity(text.len() + 4096);
    for (i, part) in text.split("<w:tbl>").enumerate() {
        if i > 0 {
            out.push_str("<w:tbl>");
            // The header row is the table's first row; its properties hold `cantSplit`.
            out.push_str(&part.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1));
        } else {
            out.push_str(part);
        }
    }
    tag_languages(out.as_bytes(), language, "</w:rPr>")
}

/// `<w:lang>` before every `close` (of the runs' `<w:rPr>`, or of the document's defaults),
/// last in the properties as the schema orders them:
/// Chinese is `zh-CN` so that LibreOffice and Word pick the Simplified Chinese forms of a
/// CJK font (without it LibreOffice falls back to the Japanese ones), and Latin text is in
/// the document's language.
fn tag_languages(xml: &[u8], language: Language, close: &str) -> Vec<u8> {
    // Latin runs (numbers, ids) keep Latin line breaking in both languages: tagged zh-CN,
    // LibreOffice breaks "359.0" after its point.
    let _ = language;
    let tag = "<w:lang w:val=\"en-GB\" w:eastAsia=\"zh-CN\" />";
    let text = String::from_utf8_lossy(xml);
    let tagged = text
        .replace(close, &format!("{tag}{close}"))
        .replace("<w:rPr />", &format!("<w:rPr>{tag}</w:rPr>"));
    tagged.into_bytes()
}

/// `docProps/core.xml`: the title, the tool and its version as the maker, the language, and
/// the report's date as the day it was made, so reruns give the same bytes.
fn core_properties(doc: &Document, date: &str) -> String {
    let maker = format!("staffplan {VERSION}");
    let language = match doc.language {
        Language::En => "en-GB",
        Language::Zh => "zh-CN",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{maker}</dc:creator>\
         <cp:lastModifiedBy>{maker}</cp:lastModifiedBy><dc:language>{language}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         <cp:revision>1</cp:revision></cp:coreProperties>",
        title = super::html::escape(&doc.title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_their_numbers_and_notes_get_the_spare_width() {
        let mut table = Table::new("", &["行", "假设", "cv", "说明"]);
        for _ in 0..3 {
            table.rows.push(vec![
                Cell::Int(300),
                Cell::text("假设"),
                Cell::Num(0.15, 2),
                Cell::text("假设：全年约92件，为成都186件（报告 二）的一半，按每件所需工时折算为所需人力，并按照目标负荷率取整"),
            ]);
        }
        let (size, grid) = column_widths(&table);
        assert_eq!(size, 18);
        // The text width, less what rounding down loses.
        let total = grid.iter().sum::<usize>();
        assert!((TEXT_WIDTH as usize - 4..=TEXT_WIDTH as usize).contains(&total));
        let fits = |columns: usize| columns * twips_per_column(size) + 2 * cell_margin(size);
        assert!(grid[0] >= fits(3), "\"300\" breaks: {grid:?}");
        assert!(grid[1] >= fits(4), "\"假设\" breaks: {grid:?}");
        assert!(grid[2] >= fits(4), "\"0.15\" breaks: {grid:?}");
        assert!(grid[3] > grid[0] + grid[1] + grid[2], "{grid:?}");
        assert_eq!(unbreakable("5264.0 → 6768.0", false), 15);
        assert_eq!(
            unbreakable("81.4% (70.3–90.1) and more words here", false),
            11
        );
    }

    #[test]
    fn an_amount_with_its_currency_keeps_one_line() {
        // The court's request table, where "1,440,000 EUR" broke at its space.
        let headers = crate::report::words::words(Language::En).request.headers;
        let mut table = Table::new("", &headers);
        for _ in 0..3 {
            let mut row = vec![
                Cell::text("Family and Juvenile Division"),
                Cell::text("Enforcement officer"),
            ];
            row.extend((0..7).map(|_| Cell::Int(12)));
            row.push(Cell::text("1,440,000\u{a0}EUR"));
            table.rows.push(row);
        }
        let (size, grid) = column_widths(&table);
        let fits = |columns: usize| columns * twips_per_column(size) + 2 * cell_margin(size);
        assert!(grid[9] >= fits(13), "the amount breaks: {grid:?}");
    }

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
