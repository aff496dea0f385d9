//! Problems of the file as a whole: its syntax, its size, keys the format does not know,
//! `--set` arguments.

use crate::scenario::{MAX_FILE_BYTES, PATHS};

use super::{KnownIds, Named};

#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// The TOML does not parse; `message` is the first line of the TOML library's own
    /// (English) explanation.
    Syntax { message: String },
    /// A key the format does not know in this table; `near` is the allowed key it is likely a
    /// typo of.
    UnknownKey {
        key: String,
        near: Option<String>,
        allowed: Vec<String>,
    },
    /// The file has more than [`MAX_FILE_BYTES`]; `size` where it is known.
    FileTooLarge { size: Option<u64> },
    /// A `--set` value holding a `#`.
    CommentInValue,
    /// A `--set` value that is not TOML; `message` is the first line of the TOML library's
    /// explanation.
    ValueNotToml { message: String },
    /// A `--set` path naming a whole section (`calendar`), not a figure in it.
    SectionNotFigure { section: String },
    /// A `--set` path whose section is not one of the input paths'.
    UnknownPath { near: Option<String> },
    /// A `--set` path that stops at an id: the keys the entry may have after it.
    NoKeyAfterId {
        named: Named,
        id: String,
        keys: Vec<String>,
    },
    /// A `--set` path with an id in quotes that are not closed.
    UnclosedQuote,
    /// A `--set` path naming an id the scenario does not have; `file` names the scenario
    /// where it is known.
    UnknownId {
        named: Named,
        id: String,
        file: Option<String>,
        ids: KnownIds,
    },
    /// No `[[office]]`, `[[unit]]` or `[[work]]` entry has this id.
    NoEntry { named: Named, id: String },
    /// A `--set` path with a key the table does not have; `keys` are the keys it may have.
    UnknownPathKey {
        key: String,
        near: Option<String>,
        keys: Vec<String>,
    },
    /// A `--set` path through a key that the file gives a value other than a table.
    NotTable { key: String },
    /// `work.ID.next.WORK` where the work type has no `next` entry naming WORK; `ids` are
    /// the follow-up work types its `next` entries name.
    NoNextEntry { follow: String, ids: KnownIds },
}

/// `a, b, c`.
fn listed(items: &[String]) -> String {
    items.join(", ")
}

impl Input {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Input::Syntax { message } => (
                message.clone(),
                "fix the TOML syntax at this place (quotes, brackets, `key = value`)".into(),
            ),
            Input::UnknownKey { key, near, allowed } => (
                format!("unknown key `{key}`"),
                match near {
                    Some(near) => format!(
                        "did you mean `{near}`? Keys allowed here: {}",
                        listed(allowed)
                    ),
                    None => format!("remove it; keys allowed here: {}", listed(allowed)),
                },
            ),
            Input::FileTooLarge { size } => {
                let has = size.map_or_else(String::new, |n| format!("{n} bytes, "));
                (
                    format!(
                        "the file has {has}more than the {MAX_FILE_BYTES} bytes a scenario may have"
                    ),
                    "split the organisation into several scenarios".into(),
                )
            }
            Input::CommentInValue => (
                "`#` starts a comment in TOML, and a --set value holds none".into(),
                "remove the comment; text that holds a `#` goes in quotes".into(),
            ),
            Input::ValueNotToml { message } => (
                format!("the value is not TOML: {message}"),
                "write a number (130), a range ({ low = 110, likely = 130, high = 160 }) or a string in quotes".into(),
            ),
            Input::SectionNotFigure { section } => {
                let shape = match section.as_str() {
                    "staff" => "staff.TYPE.KEY",
                    "office" | "unit" | "work" => "SECTION.ID.KEY",
                    _ => "SECTION.KEY",
                };
                (
                    format!("`{section}` is a section, not a figure"),
                    format!(
                        "name a figure in it: {}; input paths: {PATHS}",
                        shape.replace("SECTION", section)
                    ),
                )
            }
            Input::UnknownPath { near } => (
                "unknown input path".to_string(),
                match near {
                    Some(near) => format!("did you mean `{near}.…`? Input paths: {PATHS}"),
                    None => format!("input paths: {PATHS}"),
                },
            ),
            Input::NoKeyAfterId { named, id, keys } => (
                format!(
                    "the path ends at the {} \"{id}\"; it needs a key after the id",
                    named.noun()
                ),
                format!("add `.KEY`; keys here: {}", listed(keys)),
            ),
            Input::UnclosedQuote => (
                "the quoted id has no closing `\"`".to_string(),
                "write the id in double quotes: office.\"a=b\".max_staff=3".to_string(),
            ),
            Input::UnknownId {
                named,
                id,
                file,
                ids,
            } => (
                format!(
                    "no {} \"{id}\" in {}",
                    named.noun(),
                    file.as_deref().unwrap_or("the scenario")
                ),
                ids.english(named.noun()),
            ),
            Input::NoEntry { named, id } => (
                format!("no {} \"{id}\" in the scenario", named.array()),
                KnownIds::default().english(named.array()),
            ),
            Input::UnknownPathKey { key, near, keys } => (
                format!("unknown key `{key}`"),
                match near {
                    Some(near) => format!("did you mean `{near}`? Keys here: {}", listed(keys)),
                    None => format!("keys here: {}", listed(keys)),
                },
            ),
            Input::NotTable { key } => (
                format!("`{key}` is not a table in the scenario file"),
                "fix the file first".to_string(),
            ),
            Input::NoNextEntry { follow, ids } => (
                format!("the work type has no `next` entry for \"{follow}\""),
                if ids.count == 0 {
                    "this work type starts no follow-up work; add a `next` entry in the file first".into()
                } else {
                    ids.english("follow-up work type")
                },
            ),
        }
    }
}
