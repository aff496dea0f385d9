//! `--set PATH=VALUE`: a figure of the scenario replaced from the command line (SPEC §9).
//!
//! An override is put into the parsed TOML document before validation, so that its value is
//! checked exactly as the file's would be (ranges included). Its text is appended to the text
//! the diagnostics read, after the file, so that a problem in it is reported at its place in
//! the argument (`--set work.review.hours=-3:1:23`), not at a line of the file.

use std::borrow::Cow;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::keys::{self, Field, Kind};
use super::problem::{Input, KnownIds, Named, Place, Table};
use super::{nearest, Sink};

/// One `--set PATH=VALUE` of the command line, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub path: String,
    pub value: String,
}

impl std::str::FromStr for Override {
    type Err = String;

    /// `PATH=VALUE`; without `=` it is a command-line error. The first `=` outside double
    /// quotes ends the path, so that an id holding `=` is written quoted
    /// (`office."a=b".max_staff=3`).
    fn from_str(text: &str) -> Result<Override, String> {
        let mut quoted = false;
        let equals = text.char_indices().find_map(|(i, c)| {
            match c {
                '"' => quoted = !quoted,
                '=' if !quoted => return Some(i),
                _ => {}
            }
            None
        });
        match equals.map(|i| (&text[..i], &text[i + 1..])) {
            Some((path, value)) if !path.trim().is_empty() => Ok(Override {
                path: path.trim().to_string(),
                value: value.trim().to_string(),
            }),
            _ if text.matches('"').count() % 2 == 1 => Err(format!(
                "`{text}` has a `\"` that is not closed: an id in quotes ends with a quote (e.g. --set office.\"a=b\".max_staff=3)"
            )),
            _ => Err(format!(
                "`{text}` is not PATH=VALUE (e.g. --set work.review.hours=130)"
            )),
        }
    }
}

impl std::fmt::Display for Override {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = {}", self.path, self.value)
    }
}

/// The input paths, for messages.
pub const PATHS: &str = "calendar.KEY, policy.KEY, policy.quota.TYPE, staff.TYPE.KEY, \
                         office.ID.KEY, unit.ID.KEY, unit.ID.workload.WORK, work.ID.KEY, \
                         work.ID.next.WORK";

/// The overrides that count: of several with the same path, the last. In their order.
pub fn effective(overrides: &[Override]) -> Vec<&Override> {
    overrides
        .iter()
        .enumerate()
        .filter(|(i, o)| !overrides[i + 1..].iter().any(|later| later.path == o.path))
        .map(|(_, o)| o)
        .collect()
}

/// The text the diagnostics read: the file, then each override on a line of its own. Returns
/// it with the span of each override's argument (`PATH=VALUE`) in it.
pub(super) fn combined(text: &str, overrides: &[Override]) -> (String, Vec<Range<usize>>) {
    let mut all = String::with_capacity(text.len() + 64 * overrides.len());
    all.push_str(text);
    let mut spans = Vec::with_capacity(overrides.len());
    for o in overrides {
        all.push('\n');
        let start = all.len();
        all.push_str(&o.path);
        all.push('=');
        all.push_str(&o.value);
        spans.push(start..all.len());
    }
    (all, spans)
}

/// Puts each override into the document; an unknown path or a value that is not TOML is
/// reported and that override skipped.
pub(super) fn apply<'i>(
    root: &mut DeTable<'i>,
    all: &'i str,
    overrides: &[Override],
    spans: &[Range<usize>],
    sink: &mut Sink<'_>,
) {
    for (i, (o, span)) in overrides.iter().zip(spans).enumerate() {
        let path_span = span.start..span.start + o.path.len();
        if let Some(later) = overrides[i + 1..].iter().find(|l| l.path == o.path) {
            sink.warning(
                path_span,
                format!("input path `{}`", o.path),
                format!(
                    "set again later; the last value, {}, counts and this one is ignored",
                    later.value
                ),
                Some("give each path once".into()),
                super::Warning::SetAgain {
                    path: o.path.clone(),
                    value: later.value.clone(),
                },
            );
            continue;
        }
        let value_start = path_span.end + 1;
        let Some(value) = value(&all[value_start..span.end], value_start, sink) else {
            continue;
        };
        if let Err(problem) = place(root, &o.path, path_span.clone(), value, sink.file) {
            sink.fail(
                path_span,
                Place::table(Table::SetPath(o.path.clone())),
                problem.into(),
            );
        }
    }
}

/// The VALUE of an override as TOML, with spans in the combined text. A bare word that is not
/// TOML (`--set scenario.language=zh`) is taken as a string, to spare the shell's quotes.
fn value<'i>(text: &'i str, at: usize, sink: &mut Sink<'_>) -> Option<Spanned<DeValue<'i>>> {
    match DeValue::parse(text) {
        Ok(value) => Some(shifted(value, at)),
        Err(_) if text.contains('#') => {
            let hash = at + text.find('#').unwrap_or(0);
            sink.fail(
                hash..hash + 1,
                Place::table("--set"),
                Input::CommentInValue.into(),
            );
            None
        }
        Err(_) if !text.is_empty() && !text.contains(['"', '\'', '{', '}', '[', ']', '=']) => Some(
            Spanned::new(at..at + text.len(), DeValue::String(Cow::Borrowed(text))),
        ),
        Err(error) => {
            let span = error.span().map_or(at..at, |s| s.start + at..s.end + at);
            sink.fail(
                span,
                Place::table("--set"),
                Input::ValueNotToml {
                    message: super::first_line(error.message()),
                }
                .into(),
            );
            None
        }
    }
}

/// A value with every span moved by `by` bytes.
fn shifted(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(
            table
                .into_iter()
                .map(|(k, v)| {
                    let ks = k.span();
                    (
                        Spanned::new(ks.start + by..ks.end + by, k.into_inner()),
                        shifted(v, by),
                    )
                })
                .collect(),
        ),
        DeValue::Array(array) => {
            DeValue::Array(array.into_iter().map(|v| shifted(v, by)).collect())
        }
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, inner)
}

/// Where a path points, its ids resolved against the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A key of a table reached from the top through `tables` (`["calendar"]`,
    /// `["policy", "quota"]`, `["staff", "clerk"]`).
    Key { tables: Vec<String>, key: String },
    /// A key of the `[[array]]` entry with this id, inside its tables `tables` (`workload`).
    Entry {
        array: &'static str,
        id: String,
        tables: Vec<String>,
        key: String,
    },
    /// The share of the `next` entry of work type `work` that names `follow`.
    Next { work: String, follow: String },
}

/// Resolves a path. `ids` gives the staff types (`"staff"`) or the ids of the `[[office]]`,
/// `[[unit]]` or `[[work]]` entries; `file` names the scenario in messages.
pub(crate) fn locate(
    path: &str,
    ids: &dyn Fn(&str) -> Vec<String>,
    file: &str,
) -> Result<Target, Input> {
    let (section, rest) = path.split_once('.').unwrap_or((path, ""));
    let sections = [
        "scenario", "calendar", "policy", "staff", "office", "unit", "work",
    ];
    if rest.is_empty() && sections.contains(&section) {
        return Err(Input::SectionNotFigure {
            section: section.to_string(),
        });
    }
    let fields = |name: &str| match keys::ROOT.iter().find(|f| f.name == name).map(|f| f.kind) {
        Some(Kind::Table(fields) | Kind::Tables(fields)) => fields,
        Some(Kind::Map(Kind::Table(fields))) => fields,
        _ => &[],
    };
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match section {
        "scenario" | "calendar" | "policy" => {
            if let (true, Some(("quota", t))) = (section == "policy", rest.split_once('.')) {
                return Ok(Target::Key {
                    tables: owned(&["policy", "quota"]),
                    key: t.to_string(),
                });
            }
            let key = known_key(rest, fields(section))?;
            Ok(Target::Key {
                tables: vec![section.to_string()],
                key: key.to_string(),
            })
        }
        "staff" => {
            let types = ids("staff");
            let (id, key) = split_id(rest, &types, (Named::StaffType, file), fields("staff"))?;
            let key = known_key(key, fields("staff"))?;
            Ok(Target::Key {
                tables: vec!["staff".to_string(), id],
                key: key.to_string(),
            })
        }
        "office" | "unit" | "work" => {
            let known = ids(section);
            let array = match section {
                "office" => "office",
                "unit" => "unit",
                _ => "work",
            };
            let (id, key) = split_id(rest, &known, (what(section), file), fields(section))?;
            match (section, key.split_once('.')) {
                ("unit", Some(("workload", w))) => Ok(Target::Entry {
                    array,
                    id,
                    tables: owned(&["workload"]),
                    key: w.to_string(),
                }),
                ("work", Some(("next", w))) => Ok(Target::Next {
                    work: id,
                    follow: w.to_string(),
                }),
                _ => Ok(Target::Entry {
                    array,
                    id,
                    tables: Vec::new(),
                    key: known_key(key, fields(section))?.to_string(),
                }),
            }
        }
        _ => Err(Input::UnknownPath {
            near: nearest(section, &sections).map(str::to_string),
        }),
    }
}

/// Finds the table and key a path names and puts the value there, creating the section or
/// the `workload`/`quota` table where the file has none.
fn place<'i>(
    root: &mut DeTable<'i>,
    path: &str,
    at: Range<usize>,
    value: Spanned<DeValue<'i>>,
    file: &str,
) -> Result<(), Input> {
    let target = {
        let root = &*root;
        let ids = |section: &str| -> Vec<String> {
            match (section, root.get(section).map(Spanned::get_ref)) {
                ("staff", Some(DeValue::Table(staff))) => {
                    staff.keys().map(|k| k.get_ref().to_string()).collect()
                }
                (_, Some(DeValue::Array(entries))) => {
                    entries.iter().filter_map(|e| id_of(e.get_ref())).collect()
                }
                _ => Vec::new(),
            }
        };
        locate(path, &ids, file)?
    };
    match target {
        Target::Key { tables, key } => {
            let mut table = root;
            for name in &tables {
                table = table_at(table, name, at.clone())?;
            }
            put(table, &key, at, value)
        }
        Target::Entry {
            array,
            id,
            tables,
            key,
        } => {
            let mut table = entry(root, array, &id)?;
            for name in &tables {
                table = table_at(table, name, at.clone())?;
            }
            put(table, &key, at, value)
        }
        Target::Next { work, follow } => next_share(entry(root, "work", &work)?, &follow, value),
    }
}

/// The `[[array]]` entry with this id.
fn entry<'t, 'i>(
    root: &'t mut DeTable<'i>,
    array: &str,
    id: &str,
) -> Result<&'t mut DeTable<'i>, Input> {
    let entries = match root.get_mut(array).map(Spanned::get_mut) {
        Some(DeValue::Array(entries)) => entries,
        _ => return Err(no_entry(what(array), id)),
    };
    match entries
        .iter_mut()
        .map(Spanned::get_mut)
        .find(|e| id_of(e).as_deref() == Some(id))
    {
        Some(DeValue::Table(entry)) => Ok(entry),
        _ => Err(no_entry(what(array), id)),
    }
}

fn what(section: &str) -> Named {
    match section {
        "office" => Named::Office,
        "unit" => Named::Unit,
        _ => Named::Work,
    }
}

/// No entry of that kind with this id.
fn no_entry(named: Named, id: &str) -> Input {
    Input::NoEntry {
        named,
        id: id.to_string(),
    }
}

/// The id of an `[[office]]`, `[[unit]]` or `[[work]]` entry.
fn id_of(entry: &DeValue<'_>) -> Option<String> {
    match entry {
        DeValue::Table(t) => t
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .map(str::to_string),
        _ => None,
    }
}

/// Splits `ID.KEY`, where the id may itself contain dots: the longest known id followed by a
/// dot wins; an id in double quotes is taken as it is (`"a=b".max_staff`). An unknown id is
/// reported with the nearest known one; a known id with no key after it, with the keys.
fn split_id<'p>(
    rest: &'p str,
    known: &[String],
    (what, file): (Named, &str),
    keys: &[Field],
) -> Result<(String, &'p str), Input> {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let no_key = |id: &str| Input::NoKeyAfterId {
        named: what,
        id: id.to_string(),
        keys: keys
            .iter()
            .map(|f| f.name)
            .filter(|n| *n != "id")
            .map(str::to_string)
            .collect(),
    };
    if let Some(quoted) = rest.strip_prefix('"') {
        let Some(end) = quoted.find('"') else {
            return Err(Input::UnclosedQuote);
        };
        let (id, after) = (&quoted[..end], &quoted[end + 1..]);
        if !known.contains(&id) {
            return Err(unknown_id(id, &known, (what, file)));
        }
        return match after.strip_prefix('.') {
            Some(key) if !key.is_empty() => Ok((id.to_string(), key)),
            _ => Err(no_key(id)),
        };
    }
    let found = known
        .iter()
        .filter(|id| {
            rest.len() > id.len() + 1 && rest.starts_with(*id) && rest.as_bytes()[id.len()] == b'.'
        })
        .max_by_key(|id| id.len());
    match found {
        Some(id) => Ok((id.to_string(), &rest[id.len() + 1..])),
        None if known.contains(&rest.trim_end_matches('.')) => {
            Err(no_key(rest.trim_end_matches('.')))
        }
        None => Err(unknown_id(
            rest.split('.').next().unwrap_or(rest),
            &known,
            (what, file),
        )),
    }
}

/// No entry with this id; `file` names the scenario where it is known.
fn unknown_id(id: &str, known: &[&str], (what, file): (Named, &str)) -> Input {
    Input::UnknownId {
        named: what,
        id: id.to_string(),
        file: (!file.is_empty()).then(|| file.to_string()),
        ids: KnownIds::of(id, known),
    }
}

/// A key the format allows in that table (and not `id`, which names the entry).
fn known_key<'k>(key: &'k str, fields: &[Field]) -> Result<&'k str, Input> {
    if fields.iter().any(|f| f.name == key && f.name != "id") {
        return Ok(key);
    }
    let names: Vec<&str> = fields
        .iter()
        .map(|f| f.name)
        .filter(|n| *n != "id")
        .collect();
    Err(Input::UnknownPathKey {
        key: key.to_string(),
        near: nearest(key, &names).map(str::to_string),
        keys: names.iter().map(|n| n.to_string()).collect(),
    })
}

/// The table under `key`, created (empty) where the document has none; a problem where the
/// file gives that key a value that is not a table (reported by validation as well).
fn table_at<'t, 'i>(
    table: &'t mut DeTable<'i>,
    key: &str,
    at: Range<usize>,
) -> Result<&'t mut DeTable<'i>, Input> {
    let slot = table
        .entry(Spanned::new(at.clone(), Cow::Owned(key.to_string())))
        .or_insert_with(|| Spanned::new(at, DeValue::Table(DeTable::new())));
    match slot.get_mut() {
        DeValue::Table(t) => Ok(t),
        _ => Err(Input::NotTable {
            key: key.to_string(),
        }),
    }
}

fn put<'i>(
    table: &mut DeTable<'i>,
    key: &str,
    at: Range<usize>,
    value: Spanned<DeValue<'i>>,
) -> Result<(), Input> {
    table.insert(Spanned::new(at, Cow::Owned(key.to_string())), value);
    Ok(())
}

/// `work.ID.next.WORK`: the share of the `next` entry that names WORK.
fn next_share<'i>(
    entry: &mut DeTable<'i>,
    work: &str,
    value: Spanned<DeValue<'i>>,
) -> Result<(), Input> {
    let mut named = Vec::new();
    if let Some(DeValue::Array(next)) = entry.get_mut("next").map(Spanned::get_mut) {
        for item in next.iter_mut() {
            if let DeValue::Table(t) = item.get_mut() {
                let follow = t
                    .get("work")
                    .and_then(|w| w.get_ref().as_str())
                    .map(str::to_string);
                if follow.as_deref() == Some(work) {
                    let at = value.span();
                    t.insert(Spanned::new(at, Cow::Borrowed("share")), value);
                    return Ok(());
                }
                named.extend(follow);
            }
        }
    }
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    Err(Input::NoNextEntry {
        follow: work.to_string(),
        ids: KnownIds::of(work, &named),
    })
}
