//! The second stage: raw sections to the validated [`Scenario`], ids resolved to indices.
//!
//! Each section is deserialized on its own, and each entry of an array of tables on its own,
//! so that one mistyped value does not hide the errors after it. Checks never stop at the
//! first problem; a section that cannot be read is skipped and reported.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::raw::{self, IdMap, S};
use super::{nearest, Sink};
use crate::model::{
    Calendar, Language, Office, OfficeKind, Policy, Scenario, StaffType, Unit, Work, WorkPlace,
};

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

/// The word for covering-group work in `[[work]] office`.
pub const COVERING_GROUP: &str = "covering_group";

pub(super) fn build(root: Spanned<DeTable<'_>>, sink: &mut Sink<'_>) -> Option<Scenario> {
    let root_span = root.span();
    let mut root = root.into_inner();
    let mut v = Validator {
        sink,
        unit_spans: Vec::new(),
        covers_spans: Vec::new(),
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
    let offices: Vec<S<raw::Office>> = v.entries(take("office"), "office");
    v.covers_spans = offices
        .iter()
        .map(|o| o.get_ref().covers.as_ref().map_or(o.span(), Spanned::span))
        .collect();
    let units: Vec<S<raw::Unit>> = v.entries(take("unit"), "unit");
    v.unit_spans = units.iter().map(Spanned::span).collect();
    let works: Vec<S<raw::Work>> = v.entries(take("work"), "work");

    let name = match &header.name {
        Some(name) => v.text(name, "[scenario], key `name`"),
        None => {
            v.error(
                root_span.start..root_span.start,
                "[scenario], key `name`",
                "the scenario has no name",
                "add `[scenario]` with `name = \"…\"` at the top of the file",
            );
            String::new()
        }
    };
    let language = match &header.language {
        None => Language::En,
        Some(l) => match l.get_ref().as_str() {
            "en" => Language::En,
            "zh" => Language::Zh,
            other => {
                v.error(
                    l.span(),
                    "[scenario], key `language`",
                    format!("unknown language \"{other}\""),
                    "use \"en\" or \"zh\"",
                );
                Language::En
            }
        },
    };
    let calendar = v.calendar(&calendar);

    let staff_types = v.staff_types(&staff, staff_span);
    let staff_ids: Vec<&str> = staff_types.iter().map(|t| t.id.as_str()).collect();
    let policy = v.policy(&policy, &staff_ids);

    let office_ids = v.ids(&offices, "office", |o| &o.id, MAX_OFFICES);
    let unit_ids = v.ids(&units, "unit", |u| &u.id, MAX_UNITS);
    let work_ids = v.ids(&works, "work", |w| &w.id, MAX_WORKS);
    let ids = Ids {
        staff: &staff_ids,
        offices: &office_ids,
        units: &unit_ids,
        works: &work_ids,
    };

    let mut offices: Vec<Office> = offices
        .iter()
        .zip(&office_ids)
        .map(|(o, id)| v.office(o, id, &ids))
        .collect();
    let units: Vec<Unit> = units
        .iter()
        .zip(&unit_ids)
        .map(|(u, id)| v.unit(u, id, &ids, &offices))
        .collect();
    let raw_works = works;
    let works: Vec<Work> = raw_works
        .iter()
        .zip(&work_ids)
        .map(|(w, id)| v.work(w, id, &ids))
        .collect();

    v.check_coverage(&mut offices, &units, &works);
    let scenario = Scenario {
        name,
        language,
        date: header.date.map(|d| d.into_inner()),
        calendar,
        staff_types,
        policy,
        offices,
        units,
        works,
    };
    v.check_chain(&scenario, &raw_works);
    v.check_teams(&scenario, &raw_works);
    Some(scenario)
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
}

impl Validator<'_, '_> {
    fn error(
        &mut self,
        span: Range<usize>,
        place: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.sink
            .error(span, place.into(), message.into(), Some(help.into()));
    }

    fn warning(
        &mut self,
        span: Range<usize>,
        place: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.sink
            .warning(span, place.into(), message.into(), Some(help.into()));
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
            leaf_keys(&value, "", &mut leaves);
            let error = match T::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(parsed) => return Some(parsed),
                Err(error) => error,
            };
            let span = error.span().unwrap_or(value.span());
            // The innermost key whose value holds the error names the culprit.
            let key = leaves
                .iter()
                .filter(|(_, s)| s.start <= span.start && span.end <= s.end)
                .min_by_key(|(_, s)| s.end - s.start)
                .map(|(k, _)| k.clone());
            let at = match &key {
                Some(key) => format!("{place}, key `{key}`"),
                None => place.to_string(),
            };
            self.error(
                span,
                at,
                plain_type_error(error.message()),
                "give the value the type the format expects (see `staffplan schema`)",
            );
            let top = key.as_deref().and_then(|k| k.split('.').next());
            let removed = match (top, value.get_mut()) {
                (Some(top), DeValue::Table(table)) => table.remove(top).is_some(),
                _ => false,
            };
            if !removed {
                return None;
            }
        }
    }

    /// Deserializes each entry of an array of tables on its own.
    fn entries<T: for<'de> Deserialize<'de>>(
        &mut self,
        value: Option<Spanned<DeValue<'_>>>,
        name: &str,
    ) -> Vec<S<T>> {
        let Some(value) = value else {
            return Vec::new();
        };
        let span = value.span();
        let DeValue::Array(array) = value.into_inner() else {
            self.error(
                span,
                format!("key `{name}`"),
                format!("`{name}` must be an array of tables"),
                format!("write each entry as a `[[{name}]]` table"),
            );
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

    fn text(&mut self, value: &S<String>, place: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.error(value.span(), place, "the text is empty", "write a name");
        }
        text.to_string()
    }

    /// A real number, checked: finite, not negative, not absurdly large or small.
    fn real(&mut self, value: &Option<S<f64>>, place: &str, key: &str, default: f64) -> f64 {
        let Some(value) = value else {
            return default;
        };
        let x = *value.get_ref();
        let place = format!("{place}, key `{key}`");
        if !x.is_finite() {
            self.error(
                value.span(),
                place,
                format!("`{key}` must be a finite number, found {x}"),
                "write an ordinary number such as 12.5",
            );
            default
        } else if x < 0.0 {
            self.error(
                value.span(),
                place,
                format!("`{key}` must not be negative, found {x}"),
                "write zero or a positive number",
            );
            default
        } else if x > MAX_REAL {
            self.error(
                value.span(),
                place,
                format!("`{key}` is {x:e}, above the largest value accepted ({MAX_REAL:e})"),
                "check the unit of the figure; staffplan refuses values this large because sums of them lose precision",
            );
            default
        } else if x > 0.0 && x < MIN_REAL {
            self.error(
                value.span(),
                place,
                format!(
                    "`{key}` is {x:e}, below the smallest non-zero value accepted ({MIN_REAL:e})"
                ),
                "write 0 if you mean none, or check the unit of the figure",
            );
            default
        } else {
            x
        }
    }

    /// A real number that is a share, 0..=1.
    fn share(&mut self, value: &Option<S<f64>>, place: &str, key: &str, default: f64) -> f64 {
        let x = self.real(value, place, key, default);
        if x > 1.0 {
            if let Some(value) = value {
                self.error(
                    value.span(),
                    format!("{place}, key `{key}`"),
                    format!("`{key}` is a share and must lie in 0..1, found {x}"),
                    format!("write a fraction: 15% is {}", 0.15),
                );
            }
            return default;
        }
        x
    }

    /// A whole number, checked: not negative, no fraction, at most `max`.
    fn whole(
        &mut self,
        value: &Option<S<f64>>,
        place: &str,
        key: &str,
        default: u32,
        max: f64,
    ) -> u32 {
        let Some(value) = value else {
            return default;
        };
        let x = *value.get_ref();
        let place = format!("{place}, key `{key}`");
        if !x.is_finite() || x < 0.0 {
            self.error(
                value.span(),
                place,
                format!("`{key}` must be a whole number, zero or more, found {x}"),
                "write a count such as 3",
            );
            default
        } else if x.fract() != 0.0 {
            self.error(
                value.span(),
                place,
                format!("`{key}` must be a whole number, found {x}"),
                format!("write {} or {}", x.floor(), x.ceil()),
            );
            default
        } else if x > max {
            self.error(
                value.span(),
                place,
                format!("`{key}` is {x}, above the largest value accepted ({max})"),
                "check the figure",
            );
            default
        } else {
            x as u32
        }
    }

    fn calendar(&mut self, raw: &raw::Calendar) -> Calendar {
        let d = Calendar::default();
        let p = "[calendar]";
        let calendar = Calendar {
            working_days: self.whole(&raw.working_days, p, "working_days", d.working_days, 366.0),
            hours_per_day: self.real(&raw.hours_per_day, p, "hours_per_day", d.hours_per_day),
            leave_days: self.whole(&raw.leave_days, p, "leave_days", d.leave_days, 366.0),
            training_days: self.whole(
                &raw.training_days,
                p,
                "training_days",
                d.training_days,
                366.0,
            ),
            non_case_share: self.share(&raw.non_case_share, p, "non_case_share", d.non_case_share),
            overtime_hours: self.real(&raw.overtime_hours, p, "overtime_hours", d.overtime_hours),
        };
        if calendar.hours_per_day > 24.0 {
            let span = raw.hours_per_day.as_ref().map_or(0..0, Spanned::span);
            self.error(
                span,
                "[calendar], key `hours_per_day`",
                format!(
                    "a day has 24 hours, `hours_per_day` is {}",
                    calendar.hours_per_day
                ),
                "write the working hours of one day, such as 8",
            );
        }
        if calendar.leave_days + calendar.training_days > calendar.working_days {
            let span = raw
                .leave_days
                .as_ref()
                .or(raw.training_days.as_ref())
                .or(raw.working_days.as_ref())
                .map_or(0..0, Spanned::span);
            self.error(
                span,
                "[calendar], key `leave_days`",
                format!(
                    "leave ({}) and training ({}) days exceed the {} working days",
                    calendar.leave_days, calendar.training_days, calendar.working_days
                ),
                "leave and training are taken out of the working days: make them fewer",
            );
        }
        let days_fit = calendar.leave_days + calendar.training_days <= calendar.working_days;
        if days_fit && calendar.year_value() <= 0.0 && calendar.working_days > 0 {
            let span = raw.working_days.as_ref().map_or(0..0, Spanned::span);
            self.error(
                span,
                "[calendar]",
                "the year value is zero: nobody has any time for casework",
                "check working_days, hours_per_day and non_case_share",
            );
        }
        calendar
    }

    fn staff_types(&mut self, raw: &IdMap<raw::StaffType>, span: Range<usize>) -> Vec<StaffType> {
        if raw.0.is_empty() {
            self.error(
                span.clone(),
                "[staff]",
                "the scenario declares no staff type",
                "add at least one, e.g. `[staff.establishment]` with `cost = 180000`",
            );
        }
        if raw.0.len() > MAX_STAFF_TYPES {
            self.error(
                span,
                "[staff]",
                format!(
                    "{} staff types, more than the {MAX_STAFF_TYPES} accepted",
                    raw.0.len()
                ),
                "merge staff types that are paid and employed alike",
            );
        }
        raw.0
            .iter()
            .map(|(id, t)| {
                let place = format!("[staff.{}]", id.get_ref());
                let t = t.get_ref();
                StaffType {
                    id: id.get_ref().clone(),
                    label: t
                        .label
                        .as_ref()
                        .map_or_else(|| id.get_ref().clone(), |l| l.get_ref().clone()),
                    cost: self.real(&t.cost, &place, "cost", 0.0),
                }
            })
            .collect()
    }

    fn policy(&mut self, raw: &raw::Policy, staff: &[&str]) -> Policy {
        let p = "[policy]";
        let mut quota = vec![None; staff.len()];
        if let Some(map) = &raw.quota {
            for (id, n) in &map.get_ref().0 {
                let key = format!("quota.{}", id.get_ref());
                let value = self.whole(&Some(n.clone()), p, &key, 0, MAX_WHOLE);
                if let Some(t) = self.resolve(id, staff, p, "quota", "staff type") {
                    quota[t] = Some(value);
                }
            }
        }
        let target = self.real(&raw.target_utilisation, p, "target_utilisation", 0.85);
        if let Some(value) = &raw.target_utilisation {
            if target <= 0.0 || target > 1.0 {
                self.error(
                    value.span(),
                    "[policy], key `target_utilisation`",
                    format!("`target_utilisation` must lie in (0, 1], found {target}"),
                    "write the planning target as a fraction, such as 0.85",
                );
            }
        }
        Policy {
            quota,
            budget: raw
                .budget
                .as_ref()
                .map(|b| self.real(&Some(b.clone()), p, "budget", 0.0)),
            target_utilisation: if target > 0.0 && target <= 1.0 {
                target
            } else {
                0.85
            },
        }
    }

    /// Checks the ids of one array of tables: present, not empty, unique. Returns them in order
    /// (an empty string where missing, so that indices stay aligned).
    fn ids<T>(
        &mut self,
        entries: &[S<T>],
        name: &str,
        id: impl Fn(&T) -> &Option<S<String>>,
        max: usize,
    ) -> Vec<String> {
        if entries.len() > max {
            if let Some(first) = entries.first() {
                self.error(
                    first.span(),
                    format!("[[{name}]]"),
                    format!(
                        "{} entries of [[{name}]], more than the {max} accepted",
                        entries.len()
                    ),
                    "split the organisation into several scenarios",
                );
            }
        }
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        entries
            .iter()
            .enumerate()
            .map(|(i, entry)| match id(entry.get_ref()) {
                None => {
                    self.error(
                        entry.span(),
                        format!("[[{name}]] #{}", i + 1),
                        format!("[[{name}]] #{} has no `id`", i + 1),
                        format!("add `id = \"…\"`, unique among the {name}s"),
                    );
                    String::new()
                }
                Some(value) => {
                    let text = value.get_ref().trim().to_string();
                    let place = format!("[[{name}]] \"{text}\", key `id`");
                    if text.is_empty() {
                        self.error(
                            value.span(),
                            place,
                            "the id is empty",
                            "write an id such as \"audit\"",
                        );
                    } else if let Some(first) = seen.get(&text) {
                        let (line, _) = super::line_column(self.sink.text, first.start);
                        self.error(
                            value.span(),
                            place,
                            format!("duplicate {name} id \"{text}\" (first used on line {line})"),
                            format!("give every {name} its own id"),
                        );
                    } else {
                        seen.insert(text.clone(), value.span());
                    }
                    text
                }
            })
            .collect()
    }

    /// Resolves an id against a list, reporting an unknown one with the nearest known id.
    fn resolve(
        &mut self,
        id: &S<String>,
        known: &[impl AsRef<str>],
        place: &str,
        key: &str,
        what: &str,
    ) -> Option<usize> {
        let name = id.get_ref();
        if let Some(i) = known.iter().position(|k| k.as_ref() == name) {
            return Some(i);
        }
        let known: Vec<&str> = known
            .iter()
            .map(AsRef::as_ref)
            .filter(|k| !k.is_empty())
            .collect();
        let listed = if known.len() <= 12 {
            known.join(", ")
        } else {
            format!("{}, … ({} in all)", known[..12].join(", "), known.len())
        };
        let help = match nearest(name, &known) {
            Some(near) => format!("did you mean \"{near}\"? The {what}s are: {listed}"),
            None if known.is_empty() => format!("declare the {what} first; there is none"),
            None => format!("use one of the {what}s: {listed}"),
        };
        self.error(
            id.span(),
            format!("{place}, key `{key}`"),
            format!("unknown {what} \"{name}\""),
            help,
        );
        None
    }

    fn office(&mut self, raw: &S<raw::Office>, id: &str, ids: &Ids<'_>) -> Office {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[office]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span.clone(), p, "name");
        let kind = match &raw.kind {
            None => OfficeKind::Section,
            Some(k) => match k.get_ref().as_str() {
                "section" => OfficeKind::Section,
                "dispatched_group" => OfficeKind::DispatchedGroup,
                "patrol_group" => OfficeKind::PatrolGroup,
                "centre" => OfficeKind::Centre,
                other => {
                    let help = match nearest(other, super::keys::OFFICE_KINDS) {
                        Some(near) => format!(
                            "did you mean \"{near}\"? Kinds: {}",
                            super::keys::OFFICE_KINDS.join(", ")
                        ),
                        None => format!("use one of: {}", super::keys::OFFICE_KINDS.join(", ")),
                    };
                    self.error(
                        k.span(),
                        format!("{p}, key `kind`"),
                        format!("unknown office kind \"{other}\""),
                        help,
                    );
                    OfficeKind::Section
                }
            },
        };
        let mut staff = vec![0; ids.staff.len()];
        let mut staff_known = true;
        if let Some(map) = &raw.staff {
            for (t, n) in &map.get_ref().0 {
                let key = format!("staff.{}", t.get_ref());
                let count = self.whole(&Some(n.clone()), p, &key, 0, MAX_WHOLE);
                match self.resolve(t, ids.staff, p, "staff", "staff type") {
                    Some(t) => staff[t] = count,
                    None => staff_known = false,
                }
            }
        }
        let headcount: u32 = staff.iter().sum();
        let leaders = self.whole(&raw.leaders, p, "leaders", 0, MAX_WHOLE);
        // An optional group not yet opened may name its future leadership posts.
        let unopened = raw.optional.as_ref().is_some_and(|o| *o.get_ref()) && headcount == 0;
        if staff_known && leaders > headcount && !unopened {
            if let Some(l) = &raw.leaders {
                self.error(
                    l.span(),
                    format!("{p}, key `leaders`"),
                    format!(
                        "{} but a headcount of {headcount}: leaders are counted in the staff",
                        if leaders == 1 {
                            "1 leader".to_string()
                        } else {
                            format!("{leaders} leaders")
                        }
                    ),
                    "make `leaders` at most the staff of the office",
                );
            }
        }
        let leader_case_share = self.share(&raw.leader_case_share, p, "leader_case_share", 0.5);
        let min_staff = raw
            .min_staff
            .as_ref()
            .map(|v| self.whole(&Some(v.clone()), p, "min_staff", 0, MAX_WHOLE));
        let max_staff = raw
            .max_staff
            .as_ref()
            .map(|v| self.whole(&Some(v.clone()), p, "max_staff", 0, MAX_WHOLE));
        if let (Some(min), Some(max), Some(v)) = (min_staff, max_staff, &raw.max_staff) {
            if min > max {
                self.error(
                    v.span(),
                    format!("{p}, key `max_staff`"),
                    format!("`max_staff` ({max}) is below `min_staff` ({min})"),
                    "raise max_staff or lower min_staff",
                );
            }
        }
        let allowed_staff = match &raw.allowed_staff {
            None => vec![true; ids.staff.len()],
            Some(list) => {
                let mut allowed = vec![false; ids.staff.len()];
                for t in list.get_ref() {
                    if let Some(t) = self.resolve(t, ids.staff, p, "allowed_staff", "staff type") {
                        allowed[t] = true;
                    }
                }
                allowed
            }
        };
        let mut covers = Vec::new();
        if let Some(list) = &raw.covers {
            if kind != OfficeKind::DispatchedGroup && !list.get_ref().is_empty() {
                self.error(
                    list.span(),
                    format!("{p}, key `covers`"),
                    format!(
                        "only dispatched groups cover units, and this office is a {}",
                        kind.as_str()
                    ),
                    "set `kind = \"dispatched_group\"` or remove `covers`",
                );
            }
            for u in list.get_ref() {
                if let Some(u) = self.resolve(u, ids.units, p, "covers", "unit") {
                    if covers.contains(&u) {
                        self.error(
                            list.span(),
                            format!("{p}, key `covers`"),
                            format!("unit \"{}\" is listed twice", ids.units[u]),
                            "list each unit once",
                        );
                    } else {
                        covers.push(u);
                    }
                }
            }
        }
        let max_units = raw
            .max_units
            .as_ref()
            .map(|v| self.whole(&Some(v.clone()), p, "max_units", 0, MAX_WHOLE));
        if let (Some(max), Some(v)) = (max_units, &raw.max_units) {
            if covers.len() > max as usize {
                self.warning(
                    v.span(),
                    format!("{p}, key `max_units`"),
                    format!(
                        "the group covers {} units today, more than `max_units` = {max}",
                        covers.len()
                    ),
                    "the optimiser will move units to other groups; raise max_units to keep them",
                );
            }
        }
        Office {
            id: id.to_string(),
            name,
            kind,
            staff,
            leaders,
            leader_case_share,
            min_staff,
            max_staff,
            allowed_staff,
            fixed: raw.fixed.as_ref().is_some_and(|f| *f.get_ref()),
            covers,
            max_units,
            optional: raw.optional.as_ref().is_some_and(|f| *f.get_ref()),
        }
    }

    fn required_text(
        &mut self,
        value: &Option<S<String>>,
        span: Range<usize>,
        place: &str,
        key: &str,
    ) -> String {
        match value {
            Some(value) => self.text(value, &format!("{place}, key `{key}`")),
            None => {
                self.error(
                    span,
                    place,
                    format!("`{key}` is missing"),
                    format!("add `{key} = …`"),
                );
                String::new()
            }
        }
    }

    fn unit(&mut self, raw: &S<raw::Unit>, id: &str, ids: &Ids<'_>, offices: &[Office]) -> Unit {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[unit]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span, p, "name");
        let mut workload = Vec::new();
        if let Some(map) = &raw.workload {
            for (w, rate) in &map.get_ref().0 {
                let key = format!("workload.{}", w.get_ref());
                let rate = self.real(&Some(rate.clone()), p, &key, 0.0);
                if let Some(w) = self.resolve(w, ids.works, p, "workload", "work type") {
                    workload.push((w, rate));
                }
            }
        }
        let eligible = raw.eligible.as_ref().and_then(|list| {
            let mut groups = Vec::new();
            // After a wrong entry the list means nothing; dropping it avoids errors that only
            // repeat this one.
            let mut sound = true;
            for g in list.get_ref() {
                let Some(o) = self.resolve(g, ids.offices, p, "eligible", "office") else {
                    sound = false;
                    continue;
                };
                {
                    if offices.get(o).is_some_and(|office| !office.is_group()) {
                        sound = false;
                        self.error(
                            g.span(),
                            format!("{p}, key `eligible`"),
                            format!(
                                "\"{}\" is not a dispatched group, so it cannot cover units",
                                ids.offices[o]
                            ),
                            "list only offices with `kind = \"dispatched_group\"`",
                        );
                    } else if !groups.contains(&o) {
                        groups.push(o);
                    }
                }
            }
            sound.then_some(groups)
        });
        Unit {
            id: id.to_string(),
            name,
            kind: raw.kind.as_ref().map(|k| k.get_ref().clone()),
            members: raw
                .members
                .as_ref()
                .map(|m| self.whole(&Some(m.clone()), p, "members", 0, MAX_WHOLE * 100.0)),
            workload,
            eligible,
        }
    }

    fn work(&mut self, raw: &S<raw::Work>, id: &str, ids: &Ids<'_>) -> Work {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[work]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span.clone(), p, "name");
        let resolved = match &raw.office {
            None => {
                self.error(
                    span.clone(),
                    p,
                    "`office` is missing: nobody does this work",
                    format!("add `office = \"<office id>\"` or `office = \"{COVERING_GROUP}\"`"),
                );
                None
            }
            Some(o) if o.get_ref() == COVERING_GROUP => Some(WorkPlace::CoveringGroup),
            Some(o) => self
                .resolve(o, ids.offices, p, "office", "office")
                .map(WorkPlace::Office),
        };
        // An unresolved office is already an error; the placeholder is never used.
        let place_of_work = resolved.unwrap_or(WorkPlace::Office(0));
        let volume = self.real(&raw.volume, p, "volume", 0.0);
        if resolved == Some(WorkPlace::CoveringGroup) && volume > 0.0 {
            if let Some(v) = &raw.volume {
                self.error(
                    v.span(),
                    format!("{p}, key `volume`"),
                    "covering-group work arrives from the units a group covers, so it has no direct `volume`",
                    "give the items to the units as `workload = { … }`, or name the office that receives them",
                );
            }
        }
        let hours = match &raw.hours {
            Some(_) => self.real(&raw.hours, p, "hours", 0.0),
            None => {
                self.error(
                    span.clone(),
                    p,
                    "`hours` is missing",
                    "add `hours = …`: person-hours per item, all team members together",
                );
                0.0
            }
        };
        let team = self.whole(&raw.team, p, "team", 1, MAX_WHOLE);
        if team == 0 {
            if let Some(t) = &raw.team {
                self.error(
                    t.span(),
                    format!("{p}, key `team`"),
                    "a team needs at least one person",
                    "write `team = 1` or more",
                );
            }
        }
        let cv = self.real(&raw.cv, p, "cv", 0.5);
        if cv > 10.0 {
            if let Some(c) = &raw.cv {
                self.error(
                    c.span(),
                    format!("{p}, key `cv`"),
                    format!("`cv` is {cv}; above 10 the effort distribution is meaningless"),
                    "typical values lie between 0.2 and 1.5",
                );
            }
        }
        let deadline_days = raw
            .deadline_days
            .as_ref()
            .map(|d| self.whole(&Some(d.clone()), p, "deadline_days", 0, 100_000.0));
        let mut next = Vec::new();
        if let Some(list) = &raw.next {
            for (i, entry) in list.get_ref().iter().enumerate() {
                let ep = format!("{p}, `next` entry #{}", i + 1);
                let e = entry.get_ref();
                let share = match &e.share {
                    Some(_) => self.share(&e.share, &ep, "share", 0.0),
                    None => {
                        self.error(
                            entry.span(),
                            ep.as_str(),
                            "`share` is missing",
                            "add `share = …`: follow-up items per finished item, 0..1",
                        );
                        0.0
                    }
                };
                match &e.work {
                    Some(w) => {
                        if let Some(w) = self.resolve(w, ids.works, &ep, "work", "work type") {
                            next.push((w, share));
                        }
                    }
                    None => self.error(
                        entry.span(),
                        ep.as_str(),
                        "`work` is missing",
                        "add `work = \"<work type id>\"`",
                    ),
                }
            }
        }
        Work {
            id: id.to_string(),
            name,
            place: place_of_work,
            volume,
            hours,
            team: team.max(1),
            cv,
            deadline_days,
            next,
        }
    }

    /// A unit covered by two groups is an error; units no group covers are a warning.
    fn check_coverage(&mut self, offices: &mut [Office], units: &[Unit], works: &[Work]) {
        let mut by_unit: Vec<Option<usize>> = vec![None; units.len()];
        for o in 0..offices.len() {
            let mut kept = Vec::new();
            for &u in &offices[o].covers {
                match by_unit[u] {
                    Some(first) => {
                        let span = self.covers_spans.get(o).cloned().unwrap_or(0..0);
                        self.error(
                            span,
                            format!("[[office]] \"{}\", key `covers`", offices[o].id),
                            format!(
                                "unit \"{}\" is covered by two groups, \"{}\" and \"{}\"",
                                units[u].id, offices[first].id, offices[o].id
                            ),
                            "full coverage means exactly one group per unit: remove it from one `covers` list",
                        );
                    }
                    None => {
                        by_unit[u] = Some(o);
                        kept.push(u);
                        if !units[u].is_eligible(o) {
                            let span = self.covers_spans.get(o).cloned().unwrap_or(0..0);
                            self.error(
                                span,
                                format!("[[office]] \"{}\", key `covers`", offices[o].id),
                                format!("unit \"{}\" is covered by \"{}\", which is not in its `eligible` list", units[u].id, offices[o].id),
                                "add the group to the unit's `eligible` list or move the unit to an eligible group",
                            );
                        }
                    }
                }
            }
            offices[o].covers = kept;
        }
        for (u, unit) in units.iter().enumerate() {
            if unit.eligible.as_ref().is_some_and(Vec::is_empty) && unit.has_group_work(works) {
                let span = self.sink_span_of_unit(u);
                self.error(
                    span,
                    format!("[[unit]] \"{}\", key `eligible`", unit.id),
                    "`eligible = []` lets no group cover the unit, but it generates covering-group work that only a group can do",
                    "name the groups that may cover it, or give its workload to office-level work",
                );
            }
        }
        let uncovered: Vec<&str> = units
            .iter()
            .zip(&by_unit)
            .filter(|(u, g)| g.is_none() && u.needs_group(works))
            .map(|(u, _)| u.id.as_str())
            .collect();
        if let Some(first) = uncovered.first() {
            let first_index = units.iter().position(|u| u.id == *first).unwrap_or(0);
            let span = self.sink_span_of_unit(first_index);
            let shown = if uncovered.len() <= 8 {
                uncovered.join(", ")
            } else {
                format!(
                    "{}, … ({} more)",
                    uncovered[..8].join(", "),
                    uncovered.len() - 8
                )
            };
            self.warning(
                span,
                "[[unit]]",
                format!(
                    "{} unit{} covered by no dispatched group: {shown}",
                    uncovered.len(),
                    if uncovered.len() == 1 { " is" } else { "s are" }
                ),
                "their covering-group work is done by nobody; add them to a group's `covers`, or let `staffplan optimise` allocate them",
            );
        }
    }

    fn sink_span_of_unit(&self, unit: usize) -> Range<usize> {
        self.unit_spans.get(unit).cloned().unwrap_or(0..0)
    }

    /// A cycle in `next`, too deep a chain, and covering-group work fed by office-level work
    /// are errors.
    fn check_chain(&mut self, scenario: &Scenario, raw_works: &[S<raw::Work>]) {
        let works = &scenario.works;
        let span_of = |w: usize| {
            raw_works.get(w).map_or(0..0, |r| {
                r.get_ref().next.as_ref().map_or(r.span(), Spanned::span)
            })
        };
        for (w, work) in works.iter().enumerate() {
            for &(child, _) in &work.next {
                if matches!(work.place, WorkPlace::Office(_))
                    && works[child].place == WorkPlace::CoveringGroup
                {
                    self.error(
                        span_of(w),
                        format!("[[work]] \"{}\", key `next`", work.id),
                        format!(
                            "\"{}\" is done at an office but feeds \"{}\", covering-group work: there is no unit to tell which group gets it",
                            work.id, works[child].id
                        ),
                        format!("give \"{}\" an office, or make \"{}\" covering-group work too", works[child].id, work.id),
                    );
                }
            }
        }
        // Depth-first search with colours finds one cycle per strongly connected knot.
        let n = works.len();
        let mut colour = vec![0u8; n];
        let mut depth = vec![0usize; n];
        let mut reported = false;
        for start in 0..n {
            if colour[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            colour[start] = 1;
            while let Some(&mut (w, ref mut i)) = stack.last_mut() {
                if let Some(&(child, _)) = works[w].next.get(*i) {
                    *i += 1;
                    match colour[child] {
                        0 => {
                            colour[child] = 1;
                            stack.push((child, 0));
                        }
                        1 if !reported => {
                            let from = stack.iter().position(|&(x, _)| x == child).unwrap_or(0);
                            let mut path: Vec<&str> = stack[from..]
                                .iter()
                                .map(|&(x, _)| works[x].id.as_str())
                                .collect();
                            path.push(works[child].id.as_str());
                            self.error(
                                span_of(w),
                                format!("[[work]] \"{}\", key `next`", works[w].id),
                                format!("the work chain has a cycle: {}", path.join(" → ")),
                                "a chain must end: remove one of these `next` entries",
                            );
                            reported = true;
                        }
                        _ => {}
                    }
                } else {
                    colour[w] = 2;
                    depth[w] = 1 + works[w]
                        .next
                        .iter()
                        .map(|&(c, _)| depth[c])
                        .max()
                        .unwrap_or(0);
                    stack.pop();
                }
            }
        }
        if !reported {
            if let Some(w) = (0..n).find(|&w| depth[w] > MAX_CHAIN_DEPTH) {
                self.error(
                    span_of(w),
                    format!("[[work]] \"{}\", key `next`", works[w].id),
                    format!("the work chain starting here is {} steps deep, more than the {MAX_CHAIN_DEPTH} accepted", depth[w]),
                    "merge steps of the chain",
                );
            }
        }
    }

    /// An office that cannot field a team is an error; one staffed below its team today is
    /// a warning.
    fn check_teams(&mut self, scenario: &Scenario, raw_works: &[S<raw::Work>]) {
        let volumes = crate::analysis::volumes(scenario, &scenario.coverage());
        for (w, work) in scenario.works.iter().enumerate() {
            let span = raw_works.get(w).map_or(0..0, |r| {
                r.get_ref().team.as_ref().map_or(r.span(), Spanned::span)
            });
            let offices: Vec<usize> = match work.place {
                WorkPlace::Office(o) => vec![o],
                WorkPlace::CoveringGroup => (0..scenario.offices.len())
                    .filter(|&o| scenario.offices[o].is_group())
                    .filter(|&o| {
                        volumes.at_office[w][o] > 0.0
                            || scenario.units.iter().any(|u| {
                                u.workload.iter().any(|&(uw, rate)| uw == w && rate > 0.0)
                                    && u.eligible.as_ref().is_some_and(|e| e.contains(&o))
                            })
                    })
                    .collect(),
            };
            for o in offices {
                let office = &scenario.offices[o];
                if let Some(max) = office.max_staff {
                    if work.team > max {
                        self.error(
                            span.clone(),
                            format!("[[work]] \"{}\", key `team`", work.id),
                            format!(
                                "a team of {} is needed, but office \"{}\" may have at most {max} people (`max_staff`)",
                                work.team, office.id
                            ),
                            format!("raise `max_staff` of \"{}\" to {} or more, or make the team smaller", office.id, work.team),
                        );
                        continue;
                    }
                }
                if volumes.at_office[w][o] > 0.0 && office.headcount() < work.team {
                    self.warning(
                        span.clone(),
                        format!("[[work]] \"{}\", key `team`", work.id),
                        format!(
                            "office \"{}\" has {} today, fewer than the team of {} this work needs: it cannot start it",
                            office.id,
                            people(office.headcount()),
                            work.team
                        ),
                        "staffplan optimise raises the office to the team size",
                    );
                }
            }
        }
    }
}

fn people(n: u32) -> String {
    match n {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    }
}

/// Every key below a value with the span of its value, dotted from the value (`staff.contract`).
fn leaf_keys(value: &Spanned<DeValue<'_>>, prefix: &str, out: &mut Vec<(String, Range<usize>)>) {
    match value.get_ref() {
        DeValue::Table(table) => {
            for (key, child) in table {
                let name = if prefix.is_empty() {
                    key.get_ref().to_string()
                } else {
                    format!("{prefix}.{}", key.get_ref())
                };
                out.push((name.clone(), child.span()));
                leaf_keys(child, &name, out);
            }
        }
        DeValue::Array(array) => {
            for child in array {
                leaf_keys(child, prefix, out);
            }
        }
        _ => {}
    }
}

/// serde's wording in a planner's words: "expected f64" becomes "expected a number".
fn plain_type_error(message: &str) -> String {
    super::first_line(message)
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected an array `[…]`")
        .replace("expected a map", "expected a table `{ … }`")
        .replace("invalid type: ", "wrong type: ")
}
