//! Problems of a single value: text, reals, rates, shares, whole numbers, ranges.

use crate::scenario::validate::{MAX_GROWTH, MAX_REAL, MAX_TEXT_CHARS, MIN_REAL};

/// One of a range's three figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Low,
    Likely,
    High,
}

impl Bound {
    /// The key that writes it (`low`, `likely`, `high`), in every language.
    pub fn key(self) -> &'static str {
        match self {
            Bound::Low => "low",
            Bound::Likely => "likely",
            Bound::High => "high",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    EmptyText,
    /// A name, id or label longer than [`MAX_TEXT_CHARS`] characters.
    TooLong {
        length: usize,
    },
    /// A control character (its code point) in a name, id or label.
    ControlCharacter {
        code: u32,
    },
    NotFinite {
        key: String,
        found: f64,
    },
    Negative {
        key: String,
        found: f64,
    },
    /// Above [`MAX_REAL`].
    TooLarge {
        key: String,
        found: f64,
    },
    /// Above zero and below [`MIN_REAL`].
    TooSmall {
        key: String,
        found: f64,
    },
    /// A yearly rate at or below −1.
    RateTooLow {
        key: String,
        found: f64,
    },
    /// A yearly rate above [`MAX_GROWTH`].
    RateTooHigh {
        key: String,
        found: f64,
    },
    RangeMissing {
        key: String,
        bound: Bound,
    },
    RangeOutOfOrder {
        key: String,
        low: f64,
        likely: f64,
        high: f64,
    },
    /// A share above 1.
    NotShare {
        key: String,
        found: f64,
    },
    /// A count below zero or not finite.
    NotCount {
        key: String,
        found: f64,
    },
    /// A count with a fraction.
    NotWhole {
        key: String,
        found: f64,
    },
    /// A count above the most its key accepts.
    AboveMost {
        key: String,
        found: f64,
        most: f64,
    },
}

impl Value {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Value::EmptyText => ("the text is empty".into(), "write a name".into()),
            Value::TooLong { length } => (
                format!("the text has {length} characters, more than the {MAX_TEXT_CHARS} a name, id or label may have"),
                "shorten it; a longer description belongs in a comment".into(),
            ),
            Value::ControlCharacter { code } => (
                format!("the text contains the control character U+{code:04X}"),
                "remove it: names, ids and labels are printed in charts and reports as they are".into(),
            ),
            Value::NotFinite { key, found } => (
                format!("`{key}` must be a finite number, found {found}"),
                "write an ordinary number such as 12.5".into(),
            ),
            Value::Negative { key, found } => (
                format!("`{key}` must not be negative, found {found}"),
                "write zero or a positive number".into(),
            ),
            Value::TooLarge { key, found } => (
                format!("`{key}` is {found:e}, above the largest value accepted ({MAX_REAL:e})"),
                "check the unit of the figure; staffplan refuses values this large because sums of them lose precision".into(),
            ),
            Value::TooSmall { key, found } => (
                format!("`{key}` is {found:e}, below the smallest non-zero value accepted ({MIN_REAL:e})"),
                "write 0 if you mean none, or check the unit of the figure".into(),
            ),
            Value::RateTooLow { key, found } => (
                format!("`{key}` is a yearly rate and must lie above −1, found {found}"),
                "write the change a year as a fraction: 0.1 is 10% more a year, -0.05 is 5% less".into(),
            ),
            Value::RateTooHigh { key, found } => (
                format!("`{key}` is {found}, above the largest rate accepted ({MAX_GROWTH}: doubling every year)"),
                "write the change a year as a fraction: 0.1 is 10% more a year".into(),
            ),
            Value::RangeMissing { key, bound } => (
                format!("the range of `{key}` has no `{}`", bound.key()),
                format!("write `{key} = {{ low = …, likely = …, high = … }}`, or one number"),
            ),
            Value::RangeOutOfOrder {
                key,
                low,
                likely,
                high,
            } => (
                format!("the range of `{key}` is out of order: low {low}, likely {likely}, high {high}"),
                "write the figures so that low ≤ likely ≤ high".into(),
            ),
            Value::NotShare { key, found } => (
                format!("`{key}` is a share and must lie in 0..1, found {found}"),
                format!("write a fraction: 15% is {}", 0.15),
            ),
            Value::NotCount { key, found } => (
                format!("`{key}` must be a whole number, zero or more, found {found}"),
                "write a count such as 3".into(),
            ),
            Value::NotWhole { key, found } => (
                format!("`{key}` must be a whole number, found {found}"),
                format!("write {} or {}", found.floor(), found.ceil()),
            ),
            Value::AboveMost { key, found, most } => (
                format!("`{key}` is {found}, above the largest value accepted ({most})"),
                "check the figure".into(),
            ),
        }
    }
}
