//! The second stage: raw sections to the validated [`Scenario`], ids resolved to indices.
//!
//! Each section is deserialized on its own, and each entry of an array of tables on its own,
//! so that one mistyped value does not hide the errors after it. Checks never stop at the
//! first problem; a section that cannot be read is skipped and reported.

mod cross;
mod office;
mod posts;
mod settings;
mod unit;
mod values;
mod work;

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::problem::{Entry, KnownIds, Named, Place, Problem, Table};
use super::raw::{self, IdMap, S};
use super::Sink;
use crate::model::{Language, Office, Scenario, Uncertain, Unit, Work};

/// Largest real number accepted anywhere; beyond it sums and products lose meaning.
pub const MAX_REAL: f64 = 1e12;
/// Smallest non-zero real number accepted; below it a value is a typo, not a quantity.
pub const MIN_REAL: f64 = 1e-6;
/// Largest whole number accepted for headcounts, quotas and counts.
pub const MAX_WHOLE: f64 = 1_000_000.0;
pub const MAX_OFFICES: usize = 2_000;
pub const MAX_UNITS: usize = 20_000;
pub const MAX_WORKS: usize = 1_000;
pub const MAX_STAFF_TYPES: usize = 50;
pub const MAX_CHAIN_DEPTH: usize = 50;
/// Most full-time people an office's work may need: posts counted from it stay exact in 64
/// bits, and so does their sum over every office.
pub const MAX_FTE: f64 = 1e12;
/// Longest name, id, label or date, in characters: a title, a legend entry or a table cell,
/// never a pasted document.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most years of a multi-year plan (`[plan] years`), and the longest hiring lag.
pub const MAX_PLAN_YEARS: u32 = 50;
/// Largest yearly growth of a work type's items (`[[work]] growth`): doubling every year for
/// fifty years is already far past any staffing question.
pub const MAX_GROWTH: f64 = 1.0;

/// The word for covering-group work in `[[work]] office`.
pub const COVERING_GROUP: &str = "covering_group";

pub(super) fn build(root: Spanned<DeTable<'_>>, sink: &mut Sink<'_>) -> Option<Scenario> {
    let root_span = root.span();
    let mut root = root.into_inner();
    let mut v = Validator {
        sink,
        unit_spans: Vec::new(),
        covers_spans: Vec::new(),
        ranges: Vec::new(),
        mistyped: Vec::new(),
    };
    let mut take = |key: &str| root.remove(key);

    let header: raw::Header = v
        .section(take("scenario"), "[scenario]")
        .unwrap_or_default();
    let calendar: raw::Calendar = v
        .section(take("calendar"), "[calendar]")
        .unwrap_or_default();
    let staff_value = take("staff");
    let staff_span = staff_value.as_ref().map_or(0..0, Spanned::span);
    let staff: IdMap<raw::StaffType> = v.section(staff_value, "[staff]").unwrap_or_default();
    let policy: raw::Policy = v.section(take("policy"), "[policy]").unwrap_or_default();
    let plan_value = take("plan");
    let plan_span = plan_value.as_ref().map_or(0..0, Spanned::span);
    let plan: Option<raw::Plan> = v.section(plan_value, "[plan]");
    let offices: Vec<S<raw::Office>> = v.entries(take("office"), Named::Office);
    v.covers_spans = offices
        .iter()
        .map(|o| o.get_ref().covers.as_ref().map_or(o.span(), Spanned::span))
        .collect();
    let units: Vec<S<raw::Unit>> = v.entries(take("unit"), Named::Unit);
    v.unit_spans = units.iter().map(Spanned::span).collect();
    let works: Vec<S<raw::Work>> = v.entries(take("work"), Named::Work);

    let (name, language) = v.header(&header, root_span.start);
    let calendar = v.calendar(&calendar);

    let staff_types = v.staff_types(&staff, staff_span, &calendar);
    let staff_ids: Vec<&str> = staff_types.iter().map(|t| t.id.as_str()).collect();
    let horizon = v.plan(plan.as_ref(), plan_span);
    v.lags_within(&staff, &staff_types, horizon);
    let mut policy_model = v.policy(&policy, &staff_ids);
    policy_model.quota_by_year = v.quota_by_year(&policy, &staff_ids, horizon);
    let policy = policy_model;

    let office_ids = v.ids(&offices, Named::Office, |o| &o.id, MAX_OFFICES);
    let unit_ids = v.ids(&units, Named::Unit, |u| &u.id, MAX_UNITS);
    let work_ids = v.ids(&works, Named::Work, |w| &w.id, MAX_WORKS);
    let ids = Ids {
        staff: &staff_ids,
        offices: &office_ids,
        units: &unit_ids,
        works: &work_ids,
    };

    let mut offices: Vec<Office> = offices
        .iter()
        .zip(&office_ids)
        .enumerate()
        .map(|(i, (o, id))| v.office(o, id, i, &ids))
        .collect();
    let units: Vec<Unit> = units
        .iter()
        .zip(&unit_ids)
        .enumerate()
        .map(|(i, (u, id))| v.unit(u, id, i, &ids, &offices))
        .collect();
    let raw_works = works;
    let works: Vec<Work> = raw_works
        .iter()
        .zip(&work_ids)
        .enumerate()
        .map(|(i, (w, id))| v.work(w, id, i, &ids, &offices))
        .collect();

    v.check_coverage(&mut offices, &units, &works);
    let scenario = Scenario {
        name,
        language,
        date: settings::date(&mut v, header.date.as_ref()),
        currency: settings::currency(&mut v, header.currency.as_ref()),
        peers: settings::peers(&mut v, header.peers.as_ref()),
        calendar,
        staff_types,
        policy,
        offices,
        units,
        works,
        plan: horizon,
        uncertain: std::mem::take(&mut v.ranges),
        overrides: Vec::new(),
        method: v.method(&header),
    };
    v.check_chain(&scenario, &raw_works);
    // The team check analyses the scenario, which needs every reference resolved: after an
    // error, a work type whose office was not found stands at a placeholder office, which
    // need not exist (a file whose `[[office]]` tables are all misspelled has none).
    if !v.sink.has_errors() {
        v.check_teams(&scenario, &raw_works);
        v.check_size(&scenario, &raw_works);
    }
    Some(scenario)
}

impl Validator<'_, '_> {
    /// The `[scenario]` table's name (required) and language (en or zh).
    fn header(&mut self, header: &raw::Header, at: usize) -> (String, Language) {
        let name = match &header.name {
            Some(name) => self.text(name, Place::key("[scenario]", "name")),
            None => {
                self.fail(at..at, Place::key("[scenario]", "name"), Entry::NoName);
                String::new()
            }
        };
        let language = match &header.language {
            None => Language::En,
            Some(l) => match l.get_ref().as_str() {
                "en" => Language::En,
                "zh" => Language::Zh,
                other => {
                    let found = other.to_string();
                    let place = Place::key("[scenario]", "language");
                    self.fail(l.span(), place, Entry::UnknownLanguage { found });
                    Language::En
                }
            },
        };
        (name, language)
    }
}

struct Ids<'a> {
    staff: &'a [&'a str],
    offices: &'a [String],
    units: &'a [String],
    works: &'a [String],
}

struct Validator<'s, 'a> {
    sink: &'s mut Sink<'a>,
    /// Where each `[[unit]]` stands, for messages about coverage.
    unit_spans: Vec<Range<usize>>,
    /// Where each office's `covers` list stands.
    covers_spans: Vec<Range<usize>>,
    /// The figures given as ranges so far.
    ranges: Vec<Uncertain>,
    /// Keys dropped for holding a value of the wrong type, with the span of their table.
    mistyped: Vec<(String, Range<usize>)>,
}

impl Validator<'_, '_> {
    /// Reports an error: where it is and what it is, as data (its English is the problem's).
    fn fail(&mut self, span: Range<usize>, place: Place, problem: impl Into<Problem>) {
        self.sink.fail(span, place, problem.into());
    }

    fn warning(
        &mut self,
        span: Range<usize>,
        place: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
        said: crate::scenario::Warning,
    ) {
        let (place, message, help) = (place.into(), message.into(), Some(help.into()));
        self.sink.warning(span, place, message, help, said);
    }

    /// Deserializes one section; a type error is reported and the section skipped.
    fn section<T: for<'de> Deserialize<'de>>(
        &mut self,
        value: Option<Spanned<DeValue<'_>>>,
        place: &str,
    ) -> Option<T> {
        let mut value = value?;
        // Each failed attempt reports the culprit key and drops it, so that every mistyped
        // value of a section is reported and the rest of the section still counts.
        loop {
            let mut leaves = Vec::new();
            leaf_keys(&value, &mut Vec::new(), &mut leaves);
            let error = match T::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(parsed) => return Some(parsed),
                Err(error) => error,
            };
            let span = error.span().unwrap_or(value.span());
            // The innermost key whose value holds the error names the culprit.
            let culprit = leaves
                .iter()
                .filter(|leaf| leaf.span.start <= span.start && span.end <= leaf.span.end)
                .min_by_key(|leaf| leaf.span.end - leaf.span.start);
            let at = match culprit {
                Some(leaf) => Place::key(place, &leaf.dotted()),
                None => Place::table(place),
            };
            let library = super::first_line(error.message());
            self.fail(span, at, Entry::WrongType { library });
            // Only the mistyped key goes, and it is remembered: its entry, its staff type and
            // the keys beside it still count, and "`hours` is missing" does not follow
            // "`hours`: expected a number".
            let leaf = culprit?;
            if !remove_leaf(&mut value, &leaf.steps) {
                return None;
            }
            if let Some(Step::Key(key)) = leaf.steps.last() {
                self.mistyped.push((key.clone(), leaf.table.clone()));
            }
        }
    }

    /// Was `key` dropped from the table at `table` for holding the wrong type? Its absence is
    /// then no second error.
    fn mistyped(&self, key: &str, table: &Range<usize>) -> bool {
        self.mistyped.iter().any(|(k, s)| k == key && s == table)
    }

    /// Deserializes each entry of an array of tables on its own.
    fn entries<T: for<'de> Deserialize<'de>>(
        &mut self,
        value: Option<Spanned<DeValue<'_>>>,
        kind: Named,
    ) -> Vec<S<T>> {
        let Some(value) = value else {
            return Vec::new();
        };
        let span = value.span();
        let name = kind.array();
        let DeValue::Array(array) = value.into_inner() else {
            let place = Place::key(Table::Root, name);
            self.fail(span, place, Entry::NotArrayOfTables { kind });
            return Vec::new();
        };
        let mut entries = Vec::new();
        for (i, item) in array.into_iter().enumerate() {
            let span = item.span();
            let place = match item.get_ref() {
                DeValue::Table(table) => super::entry_name(name, i, table),
                _ => format!("[[{name}]] #{}", i + 1),
            };
            if let Some(parsed) = self.section::<T>(Some(item), &place) {
                entries.push(Spanned::new(span, parsed));
            }
        }
        entries
    }

    /// Checks the ids of one array of tables: present, not empty, unique. Returns them in order
    /// (an empty string where missing, so that indices stay aligned).
    fn ids<T>(
        &mut self,
        entries: &[S<T>],
        kind: Named,
        id: impl Fn(&T) -> &Option<S<String>>,
        max: usize,
    ) -> Vec<String> {
        let name = kind.array();
        if entries.len() > max {
            if let Some(first) = entries.first() {
                let count = entries.len();
                let problem = Entry::TooMany {
                    kind,
                    count,
                    most: max,
                };
                self.fail(first.span(), Place::table(&format!("[[{name}]]")), problem);
            }
        }
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        entries
            .iter()
            .enumerate()
            .map(|(i, entry)| match id(entry.get_ref()) {
                None if self.mistyped("id", &entry.span()) => String::new(),
                None => {
                    let number = i + 1;
                    let place = Place::table(&format!("[[{name}]] #{number}"));
                    self.fail(entry.span(), place, Entry::NoId { kind, number });
                    String::new()
                }
                Some(value) => {
                    let text =
                        self.printable(value, Place::key(&format!("[[{name}]] #{}", i + 1), "id"));
                    let place = Place::key(&format!("[[{name}]] \"{text}\""), "id");
                    if text.is_empty() {
                        self.fail(value.span(), place, Entry::EmptyId);
                    } else if let Some(first) = seen.get(&text) {
                        let first_line = self.sink.line_of(first.start);
                        let problem = Entry::DuplicateId {
                            kind,
                            id: text.clone(),
                            first_line,
                        };
                        self.fail(value.span(), place, problem);
                    } else {
                        seen.insert(text.clone(), value.span());
                    }
                    text
                }
            })
            .collect()
    }

    /// Resolves an id of a `kind` against a list, reporting an unknown one with the nearest
    /// known id.
    fn resolve(
        &mut self,
        id: &S<String>,
        known: &[impl AsRef<str>],
        place: impl Into<Table> + Copy,
        key: &str,
        kind: Named,
    ) -> Option<usize> {
        let name = id.get_ref();
        if let Some(i) = known.iter().position(|k| k.as_ref() == name) {
            return Some(i);
        }
        let known: Vec<&str> = known.iter().map(AsRef::as_ref).collect();
        let problem = Entry::UnknownId {
            kind,
            id: name.clone(),
            ids: KnownIds::of(name, &known),
        };
        self.fail(id.span(), Place::key(place, key), problem);
        None
    }

    fn required_text(
        &mut self,
        value: &Option<S<String>>,
        span: Range<usize>,
        place: impl Into<Table> + Copy,
        key: &str,
    ) -> String {
        match value {
            Some(value) => self.text(value, Place::key(place, key)),
            None if self.mistyped(key, &span) => String::new(),
            None => {
                let key = key.to_string();
                self.fail(span, Place::table(place), Entry::MissingKey { key });
                String::new()
            }
        }
    }
}

/// One step down a TOML value: a key of a table or a position in an array.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// A key below a section, with the span of its value and of the table that holds it.
struct Leaf {
    steps: Vec<Step>,
    span: Range<usize>,
    table: Range<usize>,
}

impl Leaf {
    /// The key as a planner writes it, dotted from the section (`staff.contract`); positions
    /// in arrays are not written.
    fn dotted(&self) -> String {
        let keys: Vec<&str> = self
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Key(k) => Some(k.as_str()),
                Step::Index(_) => None,
            })
            .collect();
        keys.join(".")
    }
}

/// Every key below a value with the span of its value.
fn leaf_keys(value: &Spanned<DeValue<'_>>, steps: &mut Vec<Step>, out: &mut Vec<Leaf>) {
    match value.get_ref() {
        DeValue::Table(table) => {
            for (key, child) in table {
                steps.push(Step::Key(key.get_ref().to_string()));
                out.push(Leaf {
                    steps: steps.clone(),
                    span: child.span(),
                    table: value.span(),
                });
                leaf_keys(child, steps, out);
                steps.pop();
            }
        }
        DeValue::Array(array) => {
            for (i, child) in array.iter().enumerate() {
                steps.push(Step::Index(i));
                leaf_keys(child, steps, out);
                steps.pop();
            }
        }
        _ => {}
    }
}

/// Removes the key `steps` lead to; false if there is none (the value itself is the culprit).
fn remove_leaf(value: &mut Spanned<DeValue<'_>>, steps: &[Step]) -> bool {
    let Some((last, above)) = steps.split_last() else {
        return false;
    };
    let mut here = value.get_mut();
    for step in above {
        let next = match (step, here) {
            (Step::Key(k), DeValue::Table(t)) => t.get_mut(k.as_str()),
            (Step::Index(i), DeValue::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        let Some(next) = next else {
            return false;
        };
        here = next.get_mut();
    }
    match (last, here) {
        (Step::Key(k), DeValue::Table(t)) => t.remove(k.as_str()).is_some(),
        _ => false,
    }
}
