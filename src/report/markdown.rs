//! `report.md`: the [`Document`] as GitHub-flavoured Markdown, charts linked from `charts/`.

use super::document::{Block, Document, Inline};
use crate::export::markdown::table_markdown;

/// The whole report as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let mut figures = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(text);
                out.push('\n');
            }
            Block::Paragraph(inlines) => {
                out.push_str(&inline(inlines));
                out.push('\n');
            }
            Block::Bullets(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&inline(item));
                    out.push('\n');
                }
            }
            Block::Table(table) => out.push_str(&table_markdown(table)),
            Block::Figure { name, title } => {
                figures += 1;
                out.push_str(&format!(
                    "![{title}](charts/{name}.png)\n\n[SVG](charts/{name}.svg)\n"
                ));
                if let Some(caption) = doc.figure_caption(figures, name) {
                    out.push_str(&format!("\n*{caption}*\n"));
                }
            }
            Block::Note(text) => {
                out.push_str("> ");
                out.push_str(text);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

fn inline(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => s.clone(),
            Inline::Strong(s) => format!("**{s}**"),
            Inline::Code(s) => format!("`{s}`"),
        })
        .collect()
}
