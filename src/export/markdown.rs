//! Markdown tables, for the report: the terminal's rounding, pipes escaped.

use super::table::cell_display;
use super::Table;

/// One table as a GitHub-flavoured Markdown table (no title, no notes).
pub fn table_markdown(table: &Table) -> String {
    let escape = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        table
            .headers
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!(
        "|{}\n",
        table
            .headers
            .iter()
            .enumerate()
            .map(|(c, _)| {
                let numeric = table.rows.iter().any(|r| {
                    matches!(
                        r.get(c),
                        Some(super::Cell::Int(_) | super::Cell::Num(..) | super::Cell::Share(_))
                    )
                });
                if numeric {
                    " ---: |"
                } else {
                    " --- |"
                }
            })
            .collect::<String>()
    ));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| escape(&cell_display(c))).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
