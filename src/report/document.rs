//! The report as a document: headings, paragraphs, bullet lists, tables, figures and notes,
//! built once from the [`Pack`](super::Pack) by `content` and rendered by `markdown`
//! (report.md), `html` (report.html) and `docx` (report.docx). No renderer decides what the
//! report says, and no content is written twice.
//!
//! Adding a section to the report:
//!
//! 1. write `fn my_section(doc: &mut Document, pack: &Pack<'_>, w: &Words)` in `content.rs`
//!    and call it from `content::build` where the section belongs;
//! 2. in it, push blocks: `doc.heading(2, ...)`, `doc.paragraph(...)` (or `doc.text(...)` for
//!    plain text), `doc.bullets(...)`, `doc.table(Table)`, `doc.note(...)`; tables are
//!    [`export::Table`](crate::export::Table) with [`Cell`](crate::export::Cell)s, so a number
//!    keeps its value and every renderer formats it the same way;
//! 3. every word the section writes goes into `words/`, in both languages (the language
//!    tests in `tests/pack.rs` fail on an English word in a Chinese report).
//!
//! Section numbers are counted by [`Document::section`], so a new section never renumbers
//! the others by hand. Renderers need no change for a new section.

use crate::export::{Cell, Table};
use crate::model::Language;

/// A run of text inside a paragraph, list item or heading.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    /// The figure a sentence is about (bold).
    Strong(String),
    /// A file name, key or formula symbol as written (monospace).
    Code(String),
}

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is the title; sections are level 2, their parts level 3.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Table(Table),
    /// A chart of the pack: `charts/<name>.png` and `.svg`, with its title.
    Figure {
        name: &'static str,
        title: String,
    },
    /// A warning or remark set apart from the text.
    Note(String),
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub language: Language,
    /// The title (also the first heading).
    pub title: String,
    /// A fixed date for the document's metadata (docx, xlsx): the pack's date, if any.
    pub date: Option<String>,
    pub blocks: Vec<Block>,
    /// The block the appendices start at, where a printed document turns the page.
    pub appendix_at: Option<usize>,
    /// What each figure's caption adds to the chart's own title (files, runs, date), by the
    /// chart's name.
    pub figure_sources: Vec<(&'static str, String)>,
    sections: u32,
}

impl Document {
    pub fn new(language: Language, title: impl Into<String>, date: Option<String>) -> Document {
        let title = title.into();
        Document {
            language,
            blocks: vec![Block::Heading {
                level: 1,
                text: title.clone(),
            }],
            title,
            date,
            appendix_at: None,
            figure_sources: Vec::new(),
            sections: 0,
        }
    }

    /// A numbered section heading ("2. Assumptions").
    pub fn section(&mut self, title: &str) {
        self.sections += 1;
        let text = format!("{}. {title}", self.sections);
        self.heading(2, text);
    }

    /// An appendix heading ("附录一　数据来源与假设"): unnumbered, on a new page in print.
    pub fn appendix(&mut self, text: impl Into<String>) {
        if self.appendix_at.is_none() {
            self.appendix_at = Some(self.blocks.len());
        }
        self.heading(2, text);
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, inlines: Vec<Inline>) {
        self.blocks.push(Block::Paragraph(inlines));
    }

    /// A paragraph of plain text.
    pub fn text(&mut self, text: impl Into<String>) {
        self.paragraph(vec![Inline::Text(text.into())]);
    }

    pub fn bullets(&mut self, items: Vec<Vec<Inline>>) {
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// The caption of figure `n` (from 1), the chart `name`: what it adds to the chart's own
    /// title, which the caption does not repeat; `None` where nothing is known of the chart.
    pub fn figure_caption(&self, n: usize, name: &str) -> Option<String> {
        let (_, source) = self
            .figure_sources
            .iter()
            .find(|(chart, _)| *chart == name)?;
        let words = crate::report::words::document_words(self.language);
        Some((words.figure_caption)(n, source))
    }

    pub fn figure(&mut self, name: &'static str, title: impl Into<String>) {
        self.blocks.push(Block::Figure {
            name,
            title: title.into(),
        });
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note(text.into()));
    }

    /// The day the document files (docx, xlsx) say they were made: the pack's date ("2018",
    /// "2018-01" or "2018-01-15"), else 2000-01-01; never the clock, so reruns are
    /// byte-identical.
    pub fn fixed_date(&self) -> (u16, u8, u8) {
        fixed_date(self.date.as_deref())
    }
}

/// See [`Document::fixed_date`].
pub fn fixed_date(date: Option<&str>) -> (u16, u8, u8) {
    let parsed = date.and_then(|d| {
        let parts: Vec<u32> = d
            .split(['-', '/', '.'])
            .map(|p| p.trim().parse::<u32>().ok())
            .collect::<Option<Vec<u32>>>()?;
        let year = u16::try_from(*parts.first()?).ok()?;
        let month = u8::try_from(parts.get(1).copied().unwrap_or(1)).ok()?;
        let day = u8::try_from(parts.get(2).copied().unwrap_or(1)).ok()?;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        ((1900..=9999).contains(&year) && (1..=12).contains(&month) && (1..=days).contains(&day))
            .then_some((year, month, day))
    });
    parsed.unwrap_or((2000, 1, 1))
}

/// Is a cell a figure, to be aligned right like the other numbers: a number, or a text that
/// is only figures (money such as "180.0万元" or "1,800,000", a band "81.4% (70.3–90.1)",
/// a change "4 → 5").
pub fn is_numeric(cell: &Cell) -> bool {
    match cell {
        Cell::Text(text) => {
            let text = text.trim();
            if text == "–" {
                // No figure, in a column of figures.
                return true;
            }
            // An amount's currency (`[scenario] currency`): "万元", a code after, a sign before.
            let body = text.strip_suffix("万元").unwrap_or(text);
            let body = body
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .trim_end();
            let body = body.trim_start_matches(['$', '€', '£', '¥']);
            body.chars().any(|c| c.is_ascii_digit())
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || " .,%+-−–→()/×".contains(c))
        }
        _ => true,
    }
}

/// Shorthands for inline runs.
pub fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

pub fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_written_as_text_count_as_numbers() {
        for figure in [
            "180.0万元",
            "1,800,000",
            "120,000\u{a0}EUR",
            "$1,800,000",
            "81.4% (70.3–90.1)",
            "4 → 5",
            "−1",
            "+1",
        ] {
            assert!(is_numeric(&Cell::text(figure)), "{figure}");
        }
        assert!(is_numeric(&Cell::text("–")));
        for words in ["纪检监察室", "", "group-1", "2 名编制", "EUR"] {
            assert!(!is_numeric(&Cell::text(words)), "{words}");
        }
        assert!(is_numeric(&Cell::Int(3)));
    }

    #[test]
    fn document_dates_come_from_the_pack_never_the_clock() {
        assert_eq!(fixed_date(Some("2018-01")), (2018, 1, 1));
        assert_eq!(fixed_date(Some("2018-01-15")), (2018, 1, 15));
        assert_eq!(fixed_date(Some("2018")), (2018, 1, 1));
        assert_eq!(fixed_date(Some("January 2018")), (2000, 1, 1));
        assert_eq!(fixed_date(Some("2018-13")), (2000, 1, 1));
        assert_eq!(fixed_date(Some("2018-01-31")), (2018, 1, 31));
        assert_eq!(fixed_date(Some("2018-02-29")), (2000, 1, 1));
        assert_eq!(fixed_date(Some("2020-02-29")), (2020, 2, 29));
        assert_eq!(fixed_date(None), (2000, 1, 1));
    }
}
