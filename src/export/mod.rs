//! Results as text: one file per output format (`table`, `csv`, `json`) behind the
//! [`Exporter`] trait. Results stay plain structs; each implements [`Exportable`] once, saying
//! what its tables hold and what its JSON is, and every format is derived from that.

mod analysis;
pub mod benchmark;
pub mod csv;
mod json;
pub mod markdown;
mod plan;
pub mod recommendation;
pub mod sensitivity;
mod simulation;
pub mod table;
mod words;

pub use csv::Csv;
pub use json::Json;
pub use table::Text;
pub use words::{
    AnalysisWords, BenchmarkWords, CheckWords, Label, PackWords, PlanTableWords,
    RecommendationWords, SensitivityWords, ServiceWords, SimulationWords, Words,
};

/// One cell of a table. Numbers keep their value so that CSV can write them in full while the
/// terminal table rounds them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with this many decimals in the terminal.
    Num(f64, usize),
    /// A fraction (0.85), shown as a percentage (85.0%) in the terminal.
    Share(f64),
    /// No value (e.g. caseload per person of an office without staff).
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count, however large (the largest `i64` past it, which no real count reaches).
    pub fn count(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub fn opt_num(value: Option<f64>, decimals: usize) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Num(v, decimals))
    }

    pub fn opt_share(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Share)
    }
}

/// A titled table: the unit every format renders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines printed under the table in the terminal (warnings, explanations).
    pub notes: Vec<String>,
}

impl Table {
    pub fn new(title: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            title: title.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }
}

/// A result that can be printed in every format.
pub trait Exportable {
    /// The tables, the main one first (CSV writes only that one), in the words given.
    fn tables(&self, words: &Words) -> Vec<Table>;
    /// The machine-readable form (SPEC §7 field names); its few sentences in the words given,
    /// which the command line makes English.
    fn json(&self, words: &Words) -> serde_json::Value;
}

/// One output format.
pub trait Exporter {
    fn export(&self, item: &dyn Exportable, words: &Words) -> String;
}

/// What goes to standard output (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

impl Format {
    /// Whether the output is for a reader (in the scenario's language) rather than for a
    /// program (column names and sentences as the SPEC gives them).
    pub fn is_for_reader(self) -> bool {
        self == Format::Table
    }

    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Table => Box::new(Text),
            Format::Json => Box::new(Json),
            Format::Csv => Box::new(Csv),
        }
    }
}

/// A value for JSON: non-finite numbers become `null`, since JSON has no infinity, and a
/// negative zero is zero.
pub fn json_number(value: f64) -> serde_json::Value {
    serde_json::Number::from_f64(value + 0.0)
        .map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// A number with a fixed count of decimals, never "-0.0": a value that rounds to zero is
/// zero, whichever side it came from.
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_negative_zero() {
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(-0.06, 1), "-0.1");
        assert_eq!(fixed(12.345, 2), "12.35");
        assert_eq!(json_number(-0.0).to_string(), "0.0");
        assert_eq!(json_number(f64::NAN), serde_json::Value::Null);
    }
}
