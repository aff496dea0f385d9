//! Reading a scenario: the only module that knows TOML.
//!
//! [`parse`] turns the text of a scenario file into a validated [`Scenario`] in three steps:
//! the TOML document with spans (syntax errors), a walk of every key against [`keys::ROOT`]
//! (unknown keys), then each section deserialized on its own into the [`raw`] structs and
//! checked by [`validate`]. Every problem found on the way becomes a [`Diagnostic`] with the
//! file, line, column, key, what is wrong and how to fix it; all of them are reported, not
//! only the first. [`annotations`] reads the planner's comments on the figures (sources and
//! assumptions) for the report.

mod annotations;
pub mod keys;
pub mod problem;
mod raw;
mod set;
pub(crate) mod validate;
pub mod workbook;
pub mod write;

use std::fmt;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub use annotations::{annotations, Annotation, TOP_LEVEL};
pub use set::{effective, Override, PATHS};
pub use validate::MAX_TEXT_CHARS;

use crate::model::Scenario;
use keys::{Field, Kind};
pub use problem::{Place, Problem, Table};

/// Most bytes a scenario file may have.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a scenario file, at a place, with a fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Where in the scenario: `[calendar]`, `[[office]] "audit"`, … and the key.
    pub place: String,
    pub message: String,
    pub help: Option<String>,
    /// A warning as data, for a terminal that says it in the scenario's language; the
    /// fields above hold its English.
    pub said: Option<Warning>,
    /// An error as data, likewise: where it is and what it is.
    pub problem: Option<(Place, Problem)>,
}

/// The warnings of a scenario file as data: what each is about, without words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A `--set` path given again later: (path, the later value, which counts).
    SetAgain { path: String, value: String },
    /// The office that does a work type (at `[[work]] "id"`) has nobody of the types that
    /// may do it.
    NobodyMayDo { place: String, office: String },
    /// Units that need a group and have none (ids in file order).
    Uncovered { units: Vec<String> },
    /// An office with fewer people today than a work type's team.
    TeamTooBig {
        work: String,
        office: String,
        people: u32,
        team: u32,
    },
    /// More leaders in post than leadership posts approved, at `[[office]] "id"`.
    LeadersOverPosts {
        place: String,
        leaders: u32,
        posts: u32,
    },
    /// A group covering more units today than its `max_units`, at `[[office]] "id"`.
    MaxUnits {
        place: String,
        covered: usize,
        max: u32,
    },
    /// A staff type whose hiring lag reaches past the plan's last year.
    HiringLag { staff: String, years: u32 },
}

impl Diagnostic {
    /// An error at `(file, line, column)` (line 0: a workbook's cell, named in `file`), its
    /// English from the problem.
    pub fn error(
        (file, line, column): (String, usize, usize),
        place: Place,
        problem: Problem,
    ) -> Self {
        let (message, help) = problem.english();
        Diagnostic {
            severity: Severity::Error,
            file,
            line,
            column,
            place: place.to_string(),
            message,
            help: Some(help),
            said: None,
            problem: Some((place, problem)),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Quoted text from the file may hold control characters; the terminal gets them escaped.
        let safe = |text: &str| -> String {
            if text.chars().any(char::is_control) {
                text.chars()
                    .map(|c| {
                        if c.is_control() {
                            c.escape_debug().to_string()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect()
            } else {
                text.to_string()
            }
        };
        // A workbook's cell is named in `file` (`book.xlsx: 工作!C12`), without line or column.
        if self.line == 0 {
            write!(
                f,
                "{severity}: {}: {}: {}",
                safe(&self.file),
                safe(&self.place),
                safe(&self.message)
            )?;
        } else {
            write!(
                f,
                "{severity}: {}:{}:{}: {}: {}",
                safe(&self.file),
                self.line,
                self.column,
                safe(&self.place),
                safe(&self.message)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", safe(help))?;
        }
        Ok(())
    }
}

/// Every diagnostic of a scenario that has errors, in English, and the count of its errors.
pub fn english(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    out.push(format!(
        "{errors} error{} found; nothing was written",
        if errors == 1 { "" } else { "s" }
    ));
    out.join("\n")
}

/// A validated scenario with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates the text of a scenario file. `file` names it in messages. On failure
/// every error found is returned.
pub fn parse(text: &str, file: &str) -> Result<Loaded, Vec<Diagnostic>> {
    parse_with(text, file, &[])
}

/// [`parse`] with `--set` overrides put in before validation, so that their values are checked
/// as the file's are; a problem in one is reported at its place in the argument.
pub fn parse_with(
    text: &str,
    file: &str,
    overrides: &[Override],
) -> Result<Loaded, Vec<Diagnostic>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(file, Some(text.len() as u64))]);
    }
    let (all, spans) = set::combined(text, overrides);
    let mut sink = Sink::new(&all, file);
    sink.overrides = spans.clone();
    let text = &all[..text.len()];
    let mut root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            sink.fail(
                span,
                Place::table(Table::Syntax),
                problem::Input::Syntax {
                    message: first_line(error.message()),
                }
                .into(),
            );
            return Err(sink.diagnostics);
        }
    };
    set::apply(root.get_mut(), &all, overrides, &spans, &mut sink);
    check_keys(root.get_ref(), keys::ROOT, &Table::TopLevel, &mut sink);
    let scenario = validate::build(root, &mut sink).map(|mut scenario| {
        scenario.overrides = effective(overrides)
            .into_iter()
            .map(ToString::to_string)
            .collect();
        scenario
    });
    let (errors, warnings): (Vec<_>, Vec<_>) =
        sink.diagnostics.into_iter().partition(Diagnostic::is_error);
    match scenario {
        Some(scenario) if errors.is_empty() => Ok(Loaded { scenario, warnings }),
        // Warnings that follow from an error (a unit uncovered because a `covers` id was
        // mistyped) would only confuse; they come back once the errors are fixed.
        _ => Err(errors),
    }
}

/// The language a scenario's text asks for (`[scenario] language`), for saying its errors:
/// read from the TOML where it parses, else from a line `language = "zh"` (a file with a
/// syntax error elsewhere still has its language); English when neither tells.
pub fn language_of(text: &str) -> crate::model::Language {
    use crate::model::Language;
    let zh = match DeTable::parse(text) {
        Ok(root) => {
            root.get_ref()
                .get("scenario")
                .and_then(|scenario| match scenario.get_ref() {
                    DeValue::Table(table) => table.get("language")?.get_ref().as_str(),
                    _ => None,
                })
                == Some("zh")
        }
        Err(_) => text.lines().any(|line| {
            let mut words = line.split('=').map(str::trim);
            words.next() == Some("language")
                && words
                    .next()
                    .is_some_and(|v| v.trim_start_matches(['"', '\'']).starts_with("zh"))
        }),
    };
    if zh {
        Language::Zh
    } else {
        Language::En
    }
}

/// The error for a file above [`MAX_FILE_BYTES`]; `size` where it is known (a pipe is refused
/// after reading one byte more than the limit, without knowing how much more there was).
pub fn too_large(file: &str, size: Option<u64>) -> Diagnostic {
    let problem = Problem::from(problem::Input::FileTooLarge { size });
    Diagnostic::error((file.to_string(), 1, 1), Place::table(Table::File), problem)
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

/// Collects diagnostics and turns byte spans into lines and columns.
struct Sink<'a> {
    text: &'a str,
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
    /// Where each line starts, found once: thousands of errors in a large file must not each
    /// count lines from the top.
    line_starts: Vec<usize>,
    /// The last position turned into a column, to go on from on the same line.
    last: (usize, usize),
    /// Where each `--set` argument stands in `text`, after the file.
    overrides: Vec<std::ops::Range<usize>>,
}

impl<'a> Sink<'a> {
    /// Has an error been found so far?
    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn new(text: &'a str, file: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Sink {
            text,
            file,
            diagnostics: Vec::new(),
            line_starts,
            last: (0, 1),
            overrides: Vec::new(),
        }
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let (from, column) = if self.last.0 >= start && self.last.0 <= offset {
            self.last
        } else {
            (start, 1)
        };
        let column = column + self.text[from..offset].chars().count();
        self.last = (offset, column);
        (line, column)
    }

    /// The file (or `--set` argument), line and column of a span: a problem in a `--set` value
    /// is placed in the argument, column by column.
    fn locate(&mut self, span: &std::ops::Range<usize>) -> (String, usize, usize) {
        let argument = self
            .overrides
            .iter()
            .find(|r| r.contains(&span.start) || r.end == span.start);
        match argument {
            Some(r) => (
                format!("--set {}", &self.text[r.clone()]),
                1,
                self.text[r.start..span.start].chars().count() + 1,
            ),
            None => {
                let (line, column) = self.line_column(span.start);
                (self.file.to_string(), line, column)
            }
        }
    }

    /// An error from its data: the English of the diagnostic is the problem's.
    fn fail(&mut self, span: std::ops::Range<usize>, place: Place, problem: Problem) {
        let (file, line, column) = self.locate(&span);
        let error = Diagnostic::error((file, line, column), place, problem);
        self.diagnostics.push(error);
    }

    fn warning(
        &mut self,
        span: std::ops::Range<usize>,
        place: String,
        message: String,
        help: Option<String>,
        said: Warning,
    ) {
        let (file, line, column) = self.locate(&span);
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            file,
            line,
            column,
            place,
            message,
            help,
            said: Some(said),
            problem: None,
        });
    }
}

/// Reports every key that the format does not know, with the nearest known key.
fn check_keys(table: &DeTable<'_>, fields: &[Field], place: &Table, sink: &mut Sink<'_>) {
    for (key, value) in table {
        let name: &str = key.get_ref();
        let Some(field) = fields.iter().find(|f| f.name == name) else {
            let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
            sink.fail(
                key.span(),
                Place::key(place, name),
                problem::Input::UnknownKey {
                    key: name.to_string(),
                    near: nearest(name, &known).map(str::to_string),
                    allowed: known.iter().map(|k| k.to_string()).collect(),
                }
                .into(),
            );
            continue;
        };
        check_value(value, field.kind, name, sink);
    }
}

fn check_value(value: &Spanned<DeValue<'_>>, kind: Kind, name: &str, sink: &mut Sink<'_>) {
    match (kind, value.get_ref()) {
        (Kind::Table(fields), DeValue::Table(table)) => {
            check_keys(table, fields, &Table::Written(format!("[{name}]")), sink);
        }
        (Kind::Tables(fields), DeValue::Array(array)) => {
            for (i, item) in array.iter().enumerate() {
                if let DeValue::Table(table) = item.get_ref() {
                    let entry = entry_table(name, i, table);
                    check_keys(table, fields, &entry, sink);
                }
            }
        }
        (Kind::Range(_), DeValue::Table(table)) => {
            check_keys(table, keys::RANGE, &Table::RangeOf(name.to_string()), sink);
        }
        (Kind::Map(inner), DeValue::Table(table)) => {
            for (key, value) in table {
                let key_name: &str = key.get_ref();
                let child = if let Kind::Table(_) | Kind::Range(_) = inner {
                    format!("{name}.{key_name}")
                } else {
                    key_name.to_string()
                };
                check_value(value, *inner, &child, sink);
            }
        }
        // Type mismatches are reported by the raw stage, with the type expected.
        _ => {}
    }
}

/// How an entry of an array of tables is named in messages: `[[office]] "audit"` when it
/// has an id, else `[[office]] #3`; a `next` entry by its number.
fn entry_name(array: &str, index: usize, table: &DeTable<'_>) -> String {
    entry_table(array, index, table).to_string()
}

/// [`entry_name`] as the table of a [`Place`].
fn entry_table(array: &str, index: usize, table: &DeTable<'_>) -> Table {
    let id = table
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string));
    match (array, id) {
        ("next", _) => Table::NextEntry(index + 1),
        (_, Some(id)) => Table::Written(format!("[[{array}]] \"{id}\"")),
        (_, None) => Table::Written(format!("[[{array}]] #{}", index + 1)),
    }
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = name.chars().count();
    let limit = (length / 3).max(2);
    // A name far longer than any id is a slip of the paste, not a typo: comparing it letter by
    // letter with every candidate would take quadratic time for no suggestion.
    if length > MAX_SUGGESTED_LENGTH {
        return None;
    }
    candidates
        .iter()
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .filter_map(|c| edit_distance_within(name, c, limit).map(|d| (d, *c)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Longest name for which a "did you mean" is looked for.
const MAX_SUGGESTED_LENGTH: usize = 200;

/// The edit distance of `a` and `b` if it is at most `limit`; stops as soon as every way of
/// going on is already past it.
fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
        if row.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= limit)
}
