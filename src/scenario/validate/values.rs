//! The readers of single values: text and printable names, reals, rates, shares, whole
//! numbers and uncertain ranges, each checked against its bounds with the place and key named.

use toml::Spanned;

use super::raw::{self, S};
use super::{Validator, MAX_GROWTH, MAX_REAL, MAX_TEXT_CHARS, MIN_REAL};
use crate::model::{Input, Uncertain};
use crate::scenario::problem::{Bound, Place, Table, Value};

impl Validator<'_, '_> {
    pub(super) fn text(&mut self, value: &S<String>, place: Place) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.fail(value.span(), place.clone(), Value::EmptyText);
        }
        self.printable(value, place)
    }

    /// Text that charts, reports and terminals show as it is: a control character (an escape
    /// sequence, a bell, a line break inside a name) would break an SVG, a Markdown heading or
    /// the terminal, so it is an error. Returns the text trimmed, with any control character
    /// escaped so that later messages about the same entry print safely.
    pub(super) fn printable(&mut self, value: &S<String>, place: Place) -> String {
        let text = value.get_ref().trim();
        let length = text.chars().count();
        if length > MAX_TEXT_CHARS {
            self.fail(value.span(), place, Value::TooLong { length });
            let head: String = text.chars().take(MAX_TEXT_CHARS).collect();
            return format!("{}…", head.escape_debug());
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            let code = u32::from(c);
            self.fail(value.span(), place, Value::ControlCharacter { code });
            return text.escape_debug().to_string();
        }
        text.to_string()
    }

    /// A real number, checked: finite, not negative, not absurdly large or small.
    pub(super) fn real(
        &mut self,
        value: &Option<S<f64>>,
        place: impl Into<Table> + Copy,
        key: &str,
        default: f64,
    ) -> f64 {
        let Some(value) = value else {
            return default;
        };
        let found = *value.get_ref();
        let problem = if !found.is_finite() {
            Value::NotFinite {
                key: key.into(),
                found,
            }
        } else if found < 0.0 {
            Value::Negative {
                key: key.into(),
                found,
            }
        } else if found > MAX_REAL {
            Value::TooLarge {
                key: key.into(),
                found,
            }
        } else if found > 0.0 && found < MIN_REAL {
            Value::TooSmall {
                key: key.into(),
                found,
            }
        } else {
            return found;
        };
        self.fail(value.span(), Place::key(place, key), problem);
        default
    }

    /// A yearly rate: finite, above −1 (a fall of 100% would leave nothing), at most
    /// [`MAX_GROWTH`].
    pub(super) fn rate(
        &mut self,
        value: &Option<S<f64>>,
        place: impl Into<Table> + Copy,
        key: &str,
    ) -> f64 {
        let Some(value) = value else {
            return 0.0;
        };
        let found = *value.get_ref();
        let problem = if !found.is_finite() || found <= -1.0 {
            Value::RateTooLow {
                key: key.into(),
                found,
            }
        } else if found > MAX_GROWTH {
            Value::RateTooHigh {
                key: key.into(),
                found,
            }
        } else {
            return found;
        };
        self.fail(value.span(), Place::key(place, key), problem);
        0.0
    }

    /// A figure that may be a range (SPEC §9): a plain number goes through `check`; each of a
    /// range's `low`, `likely` and `high` goes through `check` too (the key's own limits),
    /// then their order is checked and the range recorded under `path`. Returns the likely
    /// value, which every deterministic figure uses. A range with low = high is a number.
    pub(super) fn uncertain<T: Copy + Into<f64>>(
        &mut self,
        value: &Option<S<raw::Value>>,
        (place, key, path): (impl Into<Table> + Copy, &str, String),
        input: Input,
        check: impl Fn(&mut Self, &Option<S<f64>>) -> T,
    ) -> T {
        let range = match value.as_ref().map(|v| (v.span(), v.get_ref())) {
            None => return check(self, &None),
            Some((span, raw::Value::Exact(x))) => {
                return check(self, &Some(Spanned::new(span, *x)));
            }
            Some((span, raw::Value::Range(range))) => (span, range),
        };
        let (span, range) = range;
        let errors = self.sink.diagnostics.len();
        let parts = [
            (Bound::Low, &range.low),
            (Bound::Likely, &range.likely),
            (Bound::High, &range.high),
        ];
        let mut figures = [None; 3];
        for (figure, (bound, part)) in figures.iter_mut().zip(parts) {
            match part {
                Some(_) => *figure = Some(check(self, part)),
                None if self.mistyped(bound.key(), &span) => {}
                None => self.fail(
                    span.clone(),
                    Place::key(place, key),
                    Value::RangeMissing {
                        key: key.into(),
                        bound,
                    },
                ),
            }
        }
        let [Some(low), Some(likely), Some(high)] = figures else {
            return figures[1].unwrap_or_else(|| check(self, &None));
        };
        if self.sink.diagnostics.len() > errors {
            return likely;
        }
        let (l, m, h) = (low.into(), likely.into(), high.into());
        if l > m || m > h {
            let problem = Value::RangeOutOfOrder {
                key: key.into(),
                low: l,
                likely: m,
                high: h,
            };
            self.fail(span, Place::key(place, key), problem);
        } else if l < h {
            self.ranges.push(Uncertain {
                path,
                low: l,
                likely: m,
                high: h,
                input,
            });
        }
        likely
    }

    /// A real number that may be a range, checked by [`Validator::real`].
    pub(super) fn uncertain_real(
        &mut self,
        value: &Option<S<raw::Value>>,
        (place, key, path): (impl Into<Table> + Copy, &str, String),
        input: Input,
        default: f64,
    ) -> f64 {
        self.uncertain(value, (place, key, path), input, |v, x| {
            v.real(x, place, key, default)
        })
    }

    /// A share that may be a range, checked by [`Validator::share`].
    pub(super) fn uncertain_share(
        &mut self,
        value: &Option<S<raw::Value>>,
        (place, key, path): (impl Into<Table> + Copy, &str, String),
        input: Input,
        default: f64,
    ) -> f64 {
        self.uncertain(value, (place, key, path), input, |v, x| {
            v.share(x, place, key, default)
        })
    }

    /// A real number that is a share, 0..=1.
    pub(super) fn share(
        &mut self,
        value: &Option<S<f64>>,
        place: impl Into<Table> + Copy,
        key: &str,
        default: f64,
    ) -> f64 {
        let found = self.real(value, place, key, default);
        if found > 1.0 {
            if let Some(value) = value {
                let problem = Value::NotShare {
                    key: key.into(),
                    found,
                };
                self.fail(value.span(), Place::key(place, key), problem);
            }
            return default;
        }
        found
    }

    /// A whole number, checked: not negative, no fraction, at most `max`.
    pub(super) fn whole(
        &mut self,
        value: &Option<S<f64>>,
        place: impl Into<Table> + Copy,
        key: &str,
        default: u32,
        max: f64,
    ) -> u32 {
        let Some(value) = value else {
            return default;
        };
        let found = *value.get_ref();
        let at = Place::key(place, key);
        let key = key.to_string();
        let problem = if !found.is_finite() || found < 0.0 {
            Value::NotCount { key, found }
        } else if found.fract() != 0.0 {
            Value::NotWhole { key, found }
        } else if found > max {
            Value::AboveMost {
                key,
                found,
                most: max,
            }
        } else {
            return found as u32;
        };
        self.fail(value.span(), at, problem);
        default
    }
}
