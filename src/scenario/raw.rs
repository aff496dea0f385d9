//! The first stage: the scenario as written, with the byte span of every value, before any id
//! is resolved or any number checked. Every field is optional here so that a missing key is
//! reported by validation with its place, not by serde as the first and only error.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

/// A table whose keys are ids, in file order, keys and values with their spans.
#[derive(Debug, Clone, Default)]
pub struct IdMap<T>(pub Vec<(S<String>, S<T>)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for MapVisitor<T> {
            type Value = IdMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of ids")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(IdMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

/// A number, or where SPEC §9 allows it a range `{ low, likely, high }`.
#[derive(Debug, Clone)]
pub enum Value {
    Exact(f64),
    Range(Range),
}

/// The three figures of a range, each with its span; a missing one is reported by validation.
#[derive(Debug, Clone, Deserialize)]
pub struct Range {
    pub low: Option<S<f64>>,
    pub likely: Option<S<f64>>,
    pub high: Option<S<f64>>,
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            // The same words as a plain number's, so that messages about numbers read alike.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
                Ok(Value::Exact(x))
            }
            fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<Value, E> {
                Ok(Value::Exact(x as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<Value, E> {
                Ok(Value::Exact(x as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
                Range::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Value::Range)
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct Header {
    pub name: Option<S<String>>,
    pub language: Option<S<String>>,
    pub date: Option<S<String>>,
    pub currency: Option<S<String>>,
    pub method: Option<S<String>>,
    pub peers: Option<S<Vec<S<String>>>>,
}

#[derive(Debug, Deserialize, Default)]
pub struct Calendar {
    pub working_days: Option<S<f64>>,
    pub hours_per_day: Option<S<Value>>,
    pub leave_days: Option<S<Value>>,
    pub training_days: Option<S<Value>>,
    pub non_case_share: Option<S<Value>>,
    pub overtime_hours: Option<S<Value>>,
}

#[derive(Debug, Deserialize, Default)]
pub struct StaffType {
    pub label: Option<S<String>>,
    pub cost: Option<S<f64>>,
    pub attrition: Option<S<f64>>,
    pub hiring_lag_years: Option<S<f64>>,
    pub hires_per_year: Option<S<f64>>,
    pub working_days: Option<S<f64>>,
    pub hours_per_day: Option<S<f64>>,
    pub leave_days: Option<S<f64>>,
    pub training_days: Option<S<f64>>,
    pub non_case_share: Option<S<f64>>,
}

#[derive(Debug, Deserialize, Default)]
pub struct Policy {
    pub quota: Option<S<IdMap<f64>>>,
    pub budget: Option<S<f64>>,
    pub target_utilisation: Option<S<f64>>,
    pub on_time: Option<S<f64>>,
    pub keep_staff: Option<S<bool>>,
    pub reallocate: Option<S<bool>>,
    pub quota_by_year: Option<S<IdMap<Vec<S<f64>>>>>,
}

#[derive(Debug, Deserialize)]
pub struct Office {
    pub id: Option<S<String>>,
    pub name: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub staff: Option<S<IdMap<f64>>>,
    pub leaders: Option<S<f64>>,
    pub leader_case_share: Option<S<Value>>,
    pub min_staff: Option<S<f64>>,
    pub max_staff: Option<S<f64>>,
    pub allowed_staff: Option<S<Vec<S<String>>>>,
    pub fixed: Option<S<bool>>,
    pub covers: Option<S<Vec<S<String>>>>,
    pub max_units: Option<S<f64>>,
    pub optional: Option<S<bool>>,
    pub sanctioned: Option<S<IdMap<f64>>>,
    pub leader_posts: Option<S<f64>>,
    pub allowances: Option<S<Vec<S<Allowance>>>>,
}

#[derive(Debug, Deserialize)]
pub struct Allowance {
    pub staff: Option<S<String>>,
    pub hours: Option<S<f64>>,
    pub persons: Option<S<f64>>,
    pub name: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
pub struct Unit {
    pub id: Option<S<String>>,
    pub name: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub members: Option<S<f64>>,
    pub workload: Option<S<IdMap<Value>>>,
    pub eligible: Option<S<Vec<S<String>>>>,
}

#[derive(Debug, Deserialize)]
pub struct Next {
    pub work: Option<S<String>>,
    pub share: Option<S<Value>>,
}

#[derive(Debug, Deserialize)]
pub struct Work {
    pub id: Option<S<String>>,
    pub name: Option<S<String>>,
    pub office: Option<S<String>>,
    pub volume: Option<S<Value>>,
    pub hours: Option<S<Value>>,
    pub team: Option<S<f64>>,
    pub cv: Option<S<Value>>,
    pub deadline_days: Option<S<f64>>,
    pub next: Option<S<Vec<S<Next>>>>,
    pub on_time: Option<S<f64>>,
    pub backlog: Option<S<f64>>,
    pub growth: Option<S<f64>>,
    pub staff: Option<S<Vec<S<String>>>>,
}

#[derive(Debug, Deserialize, Default)]
pub struct Plan {
    pub years: Option<S<f64>>,
    pub start: Option<S<f64>>,
    pub confidence: Option<S<f64>>,
}
