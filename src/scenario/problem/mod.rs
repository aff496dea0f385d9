//! The errors of a scenario file as data: where each is ([`Place`]) and what it is
//! ([`Problem`]), without the words a terminal says them in.
//!
//! The scenario module writes every [`Diagnostic`](super::Diagnostic) in English from these
//! (the `english` of each kind of problem, here, beside its data); a terminal in another
//! language says them again from the data (`report::words::problem`). The tables, keys, ids and
//! values of the file are quoted as written, whatever the language.

use std::fmt;

mod entry;
mod input;
mod office;
mod settings;
mod sheet;
mod value;
mod work;

pub use entry::{Entry, Named};
pub use input::Input;
pub use office::Office;
pub use settings::Settings;
pub use sheet::{Held, Sheet};
pub use value::{Bound, Value};
pub use work::Work;

/// Where a problem is: a table of the file (or a place that has no table), and the key in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub table: Table,
    pub key: Option<String>,
}

/// The part of a [`Place`] before its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Table {
    /// As the file writes it: `[calendar]`, `[[office]] "audit"`, `[[unit]] #3`, `--set`.
    Written(String),
    /// A key of the file's top level named alone (`key `office``).
    Root,
    /// The top level, where unknown keys are looked for.
    TopLevel,
    /// The whole file (too large).
    File,
    /// The TOML syntax of the file.
    Syntax,
    /// A `--set` path (`input path `[[work]].x.volume``).
    SetPath(String),
    /// The `{ low, likely, high }` table of an uncertain figure.
    RangeOf(String),
    /// The n-th (1-based) entry of a work type's `next` list, named alone.
    NextEntry(usize),
    /// The n-th (1-based) entry of a list of tables inside a table: `[[work]] "x", `next`
    /// entry #2`.
    ListEntry {
        table: String,
        list: &'static str,
        n: usize,
    },
    /// The `volume` and `hours` keys together of a table as the file writes it.
    VolumeAndHours(String),
    /// A workbook, its cell named with the file (`book.xlsx: 工作!C12`).
    Workbook,
}

impl Place {
    /// A table: as the file writes it (from a `&str`) or a place the tool names ([`Table`]).
    pub fn table(table: impl Into<Table>) -> Place {
        Place {
            table: table.into(),
            key: None,
        }
    }

    /// A key of a table, the table given as for [`Place::table`].
    pub fn key(table: impl Into<Table>, key: &str) -> Place {
        Place {
            table: table.into(),
            key: Some(key.to_string()),
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Table::Written(table) => f.write_str(table),
            Table::Root => Ok(()),
            Table::TopLevel => f.write_str("the top level"),
            Table::File => f.write_str("file"),
            Table::Syntax => f.write_str("TOML syntax"),
            Table::SetPath(path) => write!(f, "input path `{path}`"),
            Table::RangeOf(key) => write!(f, "the range of `{key}`"),
            Table::NextEntry(n) => write!(f, "`next` entry #{n}"),
            Table::ListEntry { table, list, n } => write!(f, "{table}, `{list}` entry #{n}"),
            Table::VolumeAndHours(table) => write!(f, "{table}, keys `volume` and `hours`"),
            Table::Workbook => f.write_str("workbook"),
        }
    }
}

impl From<&str> for Table {
    fn from(table: &str) -> Table {
        Table::Written(table.to_string())
    }
}

impl From<&String> for Table {
    fn from(table: &String) -> Table {
        Table::Written(table.clone())
    }
}

impl From<&Table> for Table {
    fn from(table: &Table) -> Table {
        table.clone()
    }
}

/// In English, as every diagnostic has always named its place.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.table, &self.key) {
            (Table::Root, Some(key)) => write!(f, "key `{key}`"),
            (table, Some(key)) => write!(f, "{table}, key `{key}`"),
            (table, None) => write!(f, "{table}"),
        }
    }
}

/// How many known ids the help for an unknown one lists.
const SHOWN_IDS: usize = 12;

/// The ids an unknown one was looked for among, for the help: the nearest (a likely typo),
/// the first [`SHOWN_IDS`] and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownIds {
    pub nearest: Option<String>,
    pub shown: Vec<String>,
    pub count: usize,
}

impl KnownIds {
    /// `known` (empty ids left out) as the help for `id` names them.
    pub fn of(id: &str, known: &[&str]) -> KnownIds {
        let known: Vec<&str> = known.iter().copied().filter(|k| !k.is_empty()).collect();
        KnownIds {
            nearest: super::nearest(id, &known).map(str::to_string),
            shown: known
                .iter()
                .take(SHOWN_IDS)
                .map(|k| k.to_string())
                .collect(),
            count: known.len(),
        }
    }

    /// The help, in English: the nearest id if any, and the known ones (`what`: "office").
    pub fn english(&self, what: &str) -> String {
        let listed = if self.count <= self.shown.len() {
            self.shown.join(", ")
        } else {
            format!("{}, … ({} in all)", self.shown.join(", "), self.count)
        };
        match &self.nearest {
            Some(near) => format!("did you mean \"{near}\"? The {what}s are: {listed}"),
            None if self.count == 0 => format!("declare the {what} first; there is none"),
            None => format!("use one of the {what}s: {listed}"),
        }
    }
}

/// What is wrong, grouped by the part of the scenario module that finds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A single value out of its bounds or of the wrong form.
    Value(Value),
    /// An entry of an array of tables, an id, a reference or a key missing.
    Entry(Entry),
    /// `[calendar]`, `[staff]`, `[policy]`, `[plan]`, and `[scenario]` beyond its name and language.
    Settings(Settings),
    /// An office, its posts, or a unit.
    Office(Office),
    /// A work type, its chain, and what no single table shows.
    Work(Work),
    /// The file as a whole: its syntax, unknown keys, `--set`.
    Input(Input),
    /// A workbook's cell.
    Sheet(Sheet),
}

impl Problem {
    /// What is wrong and how to fix it, in English.
    pub fn english(&self) -> (String, String) {
        match self {
            Problem::Value(p) => p.english(),
            Problem::Entry(p) => p.english(),
            Problem::Settings(p) => p.english(),
            Problem::Office(p) => p.english(),
            Problem::Work(p) => p.english(),
            Problem::Input(p) => p.english(),
            Problem::Sheet(p) => p.english(),
        }
    }
}

macro_rules! from_kind {
    ($($kind:ident),*) => {$(
        impl From<$kind> for Problem {
            fn from(problem: $kind) -> Problem {
                Problem::$kind(problem)
            }
        }
    )*};
}

from_kind!(Value, Entry, Settings, Office, Work, Input, Sheet);
