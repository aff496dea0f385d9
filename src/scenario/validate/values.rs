//! The readers of single values: text and printable names, reals, rates, shares, whole
//! numbers and uncertain ranges, each checked against its bounds with the place and key named.

use toml::Spanned;

use super::raw::{self, S};
use super::{Validator, MAX_GROWTH, MAX_REAL, MAX_TEXT_CHARS, MIN_REAL};
use crate::model::{Input, Uncertain};

impl Validator<'_, '_> {
    pub(super) fn text(&mut self, value: &S<String>, place: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.error(value.span(), place, "the text is empty", "write a name");
        }
        self.printable(value, place)
    }

    /// Text that charts, reports and terminals show as it is: a control character (an escape
    /// sequence, a bell, a line break inside a name) would break an SVG, a Markdown heading or
    /// the terminal, so it is an error. Returns the text trimmed, with any control character
    /// escaped so that later messages about the same entry print safely.
    pub(super) fn printable(&mut self, value: &S<String>, place: &str) -> String {
        let text = value.get_ref().trim();
        let length = text.chars().count();
        if length > MAX_TEXT_CHARS {
            self.error(
                value.span(),
                place,
                format!("the text has {length} characters, more than the {MAX_TEXT_CHARS} a name, id or label may have"),
                "shorten it; a longer description belongs in a comment",
            );
            let head: String = text.chars().take(MAX_TEXT_CHARS).collect();
            return format!("{}…", head.escape_debug());
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            self.error(
                value.span(),
                place,
                format!(
                    "the text contains the control character U+{:04X}",
                    u32::from(c)
                ),
                "remove it: names, ids and labels are printed in charts and reports as they are",
            );
            return text.escape_debug().to_string();
        }
        text.to_string()
    }

    /// A real number, checked: finite, not negative, not absurdly large or small.
    pub(super) fn real(
        &mut self,
        value: &Option<S<f64>>,
        place: &str,
        key: &str,
        default: f64,
    ) -> f64 {
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

    /// A yearly rate: finite, above −1 (a fall of 100% would leave nothing), at most
    /// [`MAX_GROWTH`].
    pub(super) fn rate(&mut self, value: &Option<S<f64>>, place: &str, key: &str) -> f64 {
        let Some(value) = value else {
            return 0.0;
        };
        let x = *value.get_ref();
        let place = format!("{place}, key `{key}`");
        if !x.is_finite() || x <= -1.0 {
            self.error(
                value.span(),
                place,
                format!("`{key}` is a yearly rate and must lie above −1, found {x}"),
                "write the change a year as a fraction: 0.1 is 10% more a year, -0.05 is 5% less",
            );
            0.0
        } else if x > MAX_GROWTH {
            self.error(
                value.span(),
                place,
                format!("`{key}` is {x}, above the largest rate accepted ({MAX_GROWTH}: doubling every year)"),
                "write the change a year as a fraction: 0.1 is 10% more a year",
            );
            0.0
        } else {
            x
        }
    }

    /// A figure that may be a range (SPEC §9): a plain number goes through `check`; each of a
    /// range's `low`, `likely` and `high` goes through `check` too (the key's own limits),
    /// then their order is checked and the range recorded under `path`. Returns the likely
    /// value, which every deterministic figure uses. A range with low = high is a number.
    pub(super) fn uncertain<T: Copy + Into<f64>>(
        &mut self,
        value: &Option<S<raw::Value>>,
        (place, key, path): (&str, &str, String),
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
            ("low", &range.low),
            ("likely", &range.likely),
            ("high", &range.high),
        ];
        let mut figures = [None; 3];
        for (figure, (name, part)) in figures.iter_mut().zip(parts) {
            match part {
                Some(_) => *figure = Some(check(self, part)),
                None if self.mistyped(name, &span) => {}
                None => self.error(
                    span.clone(),
                    format!("{place}, key `{key}`"),
                    format!("the range of `{key}` has no `{name}`"),
                    format!("write `{key} = {{ low = …, likely = …, high = … }}`, or one number"),
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
            self.error(
                span,
                format!("{place}, key `{key}`"),
                format!("the range of `{key}` is out of order: low {l}, likely {m}, high {h}"),
                "write the figures so that low ≤ likely ≤ high",
            );
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
        (place, key, path): (&str, &str, String),
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
        (place, key, path): (&str, &str, String),
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
        place: &str,
        key: &str,
        default: f64,
    ) -> f64 {
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
    pub(super) fn whole(
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
}
