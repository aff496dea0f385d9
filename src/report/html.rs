//! `report.html`: the [`Document`] as one self-contained page. The stylesheet and the SVG
//! charts are inline and nothing is fetched, so the file can be mailed or opened offline; the
//! page sets `lang`, reads on a phone (tables scroll sideways inside their box) and has an A4
//! print stylesheet, so that "print to PDF" in a browser gives the appendix.

use super::charts::Rendered;
use super::document::{is_numeric, Block, Document, Inline};
use crate::export::table::cell_display;
use crate::export::Table;
use crate::model::Language;

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif;
  line-height: 1.55; color: #222; background: #fff; margin: 0 auto; padding: 1rem; max-width: 64rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p, li { overflow-wrap: anywhere; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
.table { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; width: max-content; max-width: none; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; vertical-align: top; max-width: 26em; }
th { background: #f0f0f0; text-align: left; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.n:has(.band) { white-space: normal; }
.band { white-space: nowrap; }
td:empty { height: 2.2rem; min-width: 6rem; }
figure { margin: 1rem 0; overflow-x: auto; -webkit-overflow-scrolling: touch; }
figure svg { width: 100%; min-width: 40rem; height: auto; display: block; }
figcaption { font-size: 0.9rem; color: #555; margin-top: 0.3rem; }
blockquote { margin: 0.5rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid #d55e00; background: #fdf3ec; }
/* On a wide screen a wide table may use the room right of the text column before it scrolls. */
@media screen and (min-width: 66rem) {
  .table { margin-right: calc((64rem - 100vw) / 2 + 1rem); }
  table { width: auto; }
}
@media (max-width: 40rem) {
  body { padding: 0.6rem; font-size: 0.95rem; }
  h1 { font-size: 1.3rem; }
  table { font-size: 0.8rem; }
}
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  h2.appendix { break-before: page; page-break-before: always; }
  .table, figure { overflow: visible; }
  figure svg { min-width: 0; }
  table { font-size: 8pt; width: 100%; max-width: 100%; }
  thead { display: table-header-group; }
  th, td { max-width: none; }
  /* A row's name keeps a readable width; figures wrap between a mean and its band. */
  td:first-child { min-width: 6em; }
  /* Two Chinese characters (假设) or a short number never break in a narrow column. */
  th, td { min-width: 3em; }
  td.n { white-space: normal; }
  tr, figure, blockquote { break-inside: avoid; page-break-inside: avoid; }
  code { background: none; }
  a { color: inherit; text-decoration: none; }
}
";

/// The whole report as one HTML page; `charts` are the pack's charts, whose SVG goes inline.
pub fn render(doc: &Document, charts: &[Rendered]) -> String {
    let lang = match doc.language {
        Language::En => "en",
        Language::Zh => "zh-CN",
    };
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&doc.title)
    ));
    let mut figures = 0;
    let mut sections = 0;
    for (at, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                // The appendices start a new page in print.
                let class = if doc.appendix_at == Some(at) {
                    " class=\"appendix\""
                } else {
                    ""
                };
                // Sections are numbered as the contents list them, so that it links to them.
                let id = if level == 2 {
                    sections += 1;
                    format!(" id=\"section-{sections}\"")
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "<h{level}{id}{class}>{}</h{level}>\n",
                    escape(text)
                ));
            }
            Block::Paragraph(inlines) => {
                out.push_str(&format!("<p>{}</p>\n", inline(inlines)));
            }
            Block::Bullets(items) if super::docx::is_contents(doc, at) => {
                out.push_str("<ul class=\"contents\">\n");
                for (k, item) in items.iter().enumerate() {
                    out.push_str(&format!(
                        "<li><a href=\"#section-{}\">{}</a></li>\n",
                        k + 1,
                        inline(item)
                    ));
                }
                out.push_str("</ul>\n");
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inline(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => out.push_str(&table_html(table)),
            Block::Figure { name, title } => {
                let svg = charts
                    .iter()
                    .find(|c| c.name == *name)
                    .map_or("", |c| svg_element(&c.svg));
                figures += 1;
                // The chart carries its title; the caption says what the title does not.
                let caption = doc
                    .figure_caption(figures, name)
                    .map_or(String::new(), |c| {
                        format!("<figcaption>{}</figcaption>\n", escape(&c))
                    });
                out.push_str(&format!(
                    "<figure aria-label=\"{}\">\n{svg}\n{caption}</figure>\n",
                    escape(title)
                ));
            }
            Block::Note(text) => {
                out.push_str(&format!("<blockquote>{}</blockquote>\n", escape(text)));
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The `<svg>` element of an SVG file, without an XML declaration before it.
fn svg_element(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |i| svg[i..].trim_end())
}

fn table_html(table: &Table) -> String {
    let mut out = String::from("<div class=\"table\"><table>\n<thead><tr>");
    for h in &table.headers {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let class = if is_numeric(cell) { " class=\"n\"" } else { "" };
            // Leading spaces indent a row under the one above (staff types under staff);
            // HTML would collapse them.
            let text = cell_display(cell);
            let body = text.trim_start_matches(' ');
            let indent = "\u{a0}".repeat(text.len() - body.len());
            // A figure with its band may wrap before the band, never inside it.
            let body = match body.split_once(" (") {
                Some((mean, band)) if !class.is_empty() => format!(
                    "{} <span class=\"band\">({}</span>",
                    escape(mean),
                    escape(band)
                ),
                _ => escape(body),
            };
            out.push_str(&format!("<td{class}>{indent}{body}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    out
}

fn inline(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => escape(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", escape(s)),
            Inline::Code(s) => format!("<code>{}</code>", escape(s)),
        })
        .collect()
}

/// Text as HTML: the five characters with a meaning escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
