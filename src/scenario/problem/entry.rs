//! Problems of an entry of an array of tables, an id, a reference to another entry, a key
//! missing, and of a section that cannot be read.

use super::KnownIds;

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Declared as `[staff.<id>]`.
    StaffType,
    Office,
    /// A supervised unit, `[[unit]]`.
    Unit,
    /// A work type, `[[work]]`.
    Work,
}

impl Named {
    /// The array of tables (or the table) that declares them, in every language: `office` of
    /// `[[office]]`, `staff` of `[staff.<id>]`.
    pub fn array(self) -> &'static str {
        match self {
            Named::StaffType => "staff",
            Named::Office => "office",
            Named::Unit => "unit",
            Named::Work => "work",
        }
    }

    /// One of them in English, as a reference to them is said: "staff type", "work type".
    pub fn noun(self) -> &'static str {
        match self {
            Named::StaffType => "staff type",
            Named::Office => "office",
            Named::Unit => "unit",
            Named::Work => "work type",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// `[scenario]` has no `name`.
    NoName,
    /// `[scenario] language` is neither "en" nor "zh".
    UnknownLanguage {
        found: String,
    },
    /// A value of the wrong type: the first line of the TOML library's message, as it wrote it
    /// ("invalid type: string \"x\", expected f64").
    WrongType {
        library: String,
    },
    /// `office`, `unit` or `work` written other than as an array of tables.
    NotArrayOfTables {
        kind: Named,
    },
    /// More entries than the most accepted.
    TooMany {
        kind: Named,
        count: usize,
        most: usize,
    },
    /// An entry without `id`.
    NoId {
        kind: Named,
        /// The entry's number in its array, from 1.
        number: usize,
    },
    EmptyId,
    DuplicateId {
        kind: Named,
        id: String,
        /// The line of the file where the id is first used.
        first_line: usize,
    },
    /// A reference to an id that no entry declares.
    UnknownId {
        kind: Named,
        id: String,
        /// The declared ids of that kind.
        ids: KnownIds,
    },
    /// A key the entry or table must have.
    MissingKey {
        key: String,
    },
}

impl Entry {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Entry::NoName => (
                "the scenario has no name".into(),
                "add `[scenario]` with `name = \"…\"` at the top of the file".into(),
            ),
            Entry::UnknownLanguage { found } => (
                format!("unknown language \"{found}\""),
                "use \"en\" or \"zh\"".into(),
            ),
            Entry::WrongType { library } => (
                plain_type_error(library),
                "give the value the type the format expects (see `staffplan schema`)".into(),
            ),
            Entry::NotArrayOfTables { kind } => {
                let name = kind.array();
                (
                    format!("`{name}` must be an array of tables"),
                    format!("write each entry as a `[[{name}]]` table"),
                )
            }
            Entry::TooMany { kind, count, most } => (
                format!(
                    "{count} entries of [[{}]], more than the {most} accepted",
                    kind.array()
                ),
                "split the organisation into several scenarios".into(),
            ),
            Entry::NoId { kind, number } => {
                let name = kind.array();
                (
                    format!("[[{name}]] #{number} has no `id`"),
                    format!("add `id = \"…\"`, unique among the {name}s"),
                )
            }
            Entry::EmptyId => (
                "the id is empty".into(),
                "write an id such as \"audit\"".into(),
            ),
            Entry::DuplicateId {
                kind,
                id,
                first_line,
            } => {
                let name = kind.array();
                (
                    format!("duplicate {name} id \"{id}\" (first used on line {first_line})"),
                    format!("give every {name} its own id"),
                )
            }
            Entry::UnknownId { kind, id, ids } => (
                format!("unknown {} \"{id}\"", kind.noun()),
                ids.english(kind.noun()),
            ),
            Entry::MissingKey { key } => {
                (format!("`{key}` is missing"), format!("add `{key} = …`"))
            }
        }
    }
}

/// serde's wording in a planner's words: "expected f64" becomes "expected a number".
fn plain_type_error(message: &str) -> String {
    message
        .replace(
            "invalid type: map, expected f64",
            "wrong type: table, expected a number (this key takes no range)",
        )
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected an array `[…]`")
        .replace("expected a map", "expected a table `{ … }`")
        .replace("invalid type: ", "wrong type: ")
}
