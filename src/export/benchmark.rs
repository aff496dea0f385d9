//! The peer benchmark as tables and JSON: the terminal's two tables (the ratios, then items per
//! person of the shared work types), SPEC §12's JSON, and the one wide table of `benchmark.csv`
//! whose headers are the JSON field names.

use serde_json::json;

use super::{json_number, Cell, Exportable, Table, Words};
use crate::benchmark::{Benchmark, Ratio, Row};

/// The figures of one row, in the order of both the terminal table and the CSV file.
fn figures(row: &Row) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Int(i64::from(row.staff)),
        Cell::Int(row.units as i64),
        row.members.map_or(Cell::Empty, |m| {
            Cell::Int(i64::try_from(m).unwrap_or(i64::MAX))
        }),
        Cell::Num(row.required_hours, 1),
        Cell::Num(row.fte_need, 2),
        Cell::count(row.posts_needed),
    ];
    for ratio in Ratio::ALL {
        cells.push(Cell::opt_num(ratio.value(row), ratio.decimals()));
    }
    cells.push(Cell::Int(row.uncovered_units as i64));
    cells
}

/// `benchmark.csv`: one row per organisation, every figure, headers as in the JSON.
pub fn csv_table(benchmark: &Benchmark) -> Table {
    let mut headers = vec![
        "file",
        "name",
        "staff",
        "units",
        "members",
        "required_hours",
        "fte_need",
        "posts_needed",
    ];
    headers.extend(Ratio::ALL.map(Ratio::key));
    headers.extend(["uncovered_units", "units_with_members", "uncovered_hours"]);
    let mut table = Table::new("benchmark", &headers);
    for s in &benchmark.shared {
        table.headers.push(format!("items_per_person.{}", s.id));
    }
    for row in &benchmark.rows {
        let mut cells = vec![Cell::text(&row.file), Cell::text(&row.name)];
        cells.extend(figures(row));
        cells.push(Cell::Int(row.units_with_members as i64));
        cells.push(Cell::Num(row.uncovered_hours, 1));
        for w in &row.work {
            cells.push(Cell::opt_num(w.items_per_person, 2));
        }
        table.rows.push(cells);
    }
    table
}

impl Exportable for Benchmark {
    fn tables(&self, w: &Words) -> Vec<Table> {
        let bw = &w.benchmark;
        let mut ratios = Table::new(bw.title, &bw.headers);
        for row in &self.rows {
            let mut cells = vec![Cell::text(&row.file), Cell::text(&row.name)];
            cells.extend(figures(row));
            ratios.rows.push(cells);
        }
        ratios.notes.push(bw.note.to_string());
        for row in self.rows.iter().filter(|r| r.members.is_some()) {
            if row.units_with_members < row.units {
                ratios.notes.push((bw.members_counted)(
                    &row.file,
                    row.units_with_members,
                    row.units,
                ));
            }
        }
        let mut tables = vec![ratios];
        if self.shared.is_empty() {
            if let Some(first) = tables.first_mut() {
                first.notes.push(bw.no_shared.into());
            }
            return tables;
        }
        let mut headers: Vec<String> = vec![bw.headers[0].into()];
        headers.extend(self.shared.iter().map(|s| format!("{} ({})", s.name, s.id)));
        let mut work = Table {
            title: bw.work_title.into(),
            headers,
            ..Table::default()
        };
        for row in &self.rows {
            let mut cells = vec![Cell::text(&row.file)];
            cells.extend(
                row.work
                    .iter()
                    .map(|w| Cell::opt_num(w.items_per_person, 2)),
            );
            work.rows.push(cells);
        }
        tables.push(work);
        tables
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        let scenarios: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|row| {
                let opt = |v: Option<f64>| v.map_or(serde_json::Value::Null, json_number);
                let work: Vec<serde_json::Value> = self
                    .shared
                    .iter()
                    .zip(&row.work)
                    .map(|(s, w)| {
                        json!({
                            "work": s.id,
                            "id": w.id,
                            "items": json_number(w.items),
                            "items_per_person": opt(w.items_per_person),
                        })
                    })
                    .collect();
                json!({
                    "file": row.file,
                    "name": row.name,
                    "staff": row.staff,
                    "units": row.units,
                    "members": row.members,
                    "required_hours": json_number(row.required_hours),
                    "fte_need": json_number(row.fte_need),
                    "posts_needed": row.posts_needed,
                    "staff_per_unit": opt(row.staff_per_unit),
                    "staff_per_1000_members": opt(row.staff_per_1000_members),
                    "hours_per_person": opt(row.hours_per_person),
                    "uncovered_units": row.uncovered_units,
                    "units_with_members": row.units_with_members,
                    "uncovered_hours": json_number(row.uncovered_hours),
                    "undone_posts": row.undone_posts,
                    "work": work,
                })
            })
            .collect();
        json!({
            "scenarios": scenarios,
            "shared_work": self.shared,
        })
    }
}
