//! `[calendar]`, `[staff.TYPE]` and `[policy]`: the settings every office shares.

use std::ops::Range;

use toml::Spanned;

use super::{Validator, MAX_PLAN_YEARS, MAX_STAFF_TYPES, MAX_WHOLE};
use crate::model::{Calendar, CalendarOverride, Horizon, Input, Method, Policy, StaffType};
use crate::scenario::problem::{Place, Settings};
use crate::scenario::raw::{self, IdMap, S};

impl Validator<'_, '_> {
    pub(super) fn calendar(&mut self, raw: &raw::Calendar) -> Calendar {
        let d = Calendar::default();
        let p = "[calendar]";
        let path = |key: &str| format!("calendar.{key}");
        let days = |key: &'static str, default: u32| {
            move |v: &mut Self, x: &Option<S<f64>>| v.whole(x, p, key, default, 366.0)
        };
        let hours_per_day = |v: &mut Self, x: &Option<S<f64>>| {
            let hours = v.real(x, p, "hours_per_day", d.hours_per_day);
            if hours > 24.0 {
                v.fail(
                    x.as_ref().map_or(0..0, Spanned::span),
                    Place::key(p, "hours_per_day"),
                    Settings::DayAbove24Hours { hours },
                );
            }
            hours
        };
        let calendar = Calendar {
            working_days: self.whole(&raw.working_days, p, "working_days", d.working_days, 366.0),
            hours_per_day: self.uncertain(
                &raw.hours_per_day,
                (p, "hours_per_day", path("hours_per_day")),
                Input::HoursPerDay,
                hours_per_day,
            ),
            leave_days: self.uncertain(
                &raw.leave_days,
                (p, "leave_days", path("leave_days")),
                Input::LeaveDays,
                days("leave_days", d.leave_days),
            ),
            training_days: self.uncertain(
                &raw.training_days,
                (p, "training_days", path("training_days")),
                Input::TrainingDays,
                days("training_days", d.training_days),
            ),
            non_case_share: self.uncertain_share(
                &raw.non_case_share,
                (p, "non_case_share", path("non_case_share")),
                Input::NonCaseShare,
                d.non_case_share,
            ),
            overtime_hours: self.uncertain_real(
                &raw.overtime_hours,
                (p, "overtime_hours", path("overtime_hours")),
                Input::OvertimeHours,
                d.overtime_hours,
            ),
        };
        // The most leave and training any draw may take must still leave working days.
        let most = |v: &Self, input: Input, likely: u32| {
            v.ranges
                .iter()
                .find(|r| r.input == input)
                .map_or(likely, |r| r.high as u32)
        };
        let leave_days = most(self, Input::LeaveDays, calendar.leave_days);
        let training_days = most(self, Input::TrainingDays, calendar.training_days);
        if leave_days + training_days > calendar.working_days {
            let span = raw
                .leave_days
                .as_ref()
                .or(raw.training_days.as_ref())
                .map(Spanned::span)
                .or(raw.working_days.as_ref().map(Spanned::span))
                .unwrap_or(0..0);
            self.fail(
                span,
                Place::key(p, "leave_days"),
                Settings::LeaveAndTrainingAboveWorkingDays {
                    leave_days,
                    training_days,
                    working_days: calendar.working_days,
                },
            );
        }
        let days_fit = leave_days + training_days <= calendar.working_days;
        if days_fit && calendar.year_value() <= 0.0 && calendar.working_days > 0 {
            let span = raw.working_days.as_ref().map_or(0..0, Spanned::span);
            self.fail(span, Place::table(p), Settings::NoCaseworkTime);
        }
        if days_fit && calendar.year_value() > 0.0 {
            self.check_worst_year(raw, &calendar, leave_days, training_days);
        }
        calendar
    }

    /// A range whose end would make the year value zero is refused as the single value is:
    /// the tornado and the draws use each end (a day of 0 hours gave FTE 0 and u64::MAX posts).
    fn check_worst_year(
        &mut self,
        raw: &raw::Calendar,
        calendar: &Calendar,
        leave_days: u32,
        training_days: u32,
    ) {
        let end = |v: &Self, input: Input, high: bool| {
            v.ranges
                .iter()
                .find(|r| r.input == input)
                .map(|r| if high { r.high } else { r.low })
        };
        let low_hours = end(self, Input::HoursPerDay, false);
        let high_share = end(self, Input::NonCaseShare, true);
        let worst = Calendar {
            hours_per_day: low_hours.unwrap_or(calendar.hours_per_day),
            non_case_share: high_share.unwrap_or(calendar.non_case_share),
            leave_days,
            training_days,
            ..calendar.clone()
        };
        if worst.year_value() > 0.0 {
            return;
        }
        let (key, value) = match (low_hours, high_share) {
            (Some(h), _) if h <= 0.0 => ("hours_per_day", &raw.hours_per_day),
            (_, Some(s)) if s >= 1.0 => ("non_case_share", &raw.non_case_share),
            _ => ("leave_days", &raw.leave_days),
        };
        self.fail(
            value.as_ref().map_or(0..0, Spanned::span),
            Place::key("[calendar]", key),
            Settings::NoCaseworkTimeAtRangeEnd { key: key.into() },
        );
    }

    pub(super) fn staff_types(
        &mut self,
        raw: &IdMap<raw::StaffType>,
        span: Range<usize>,
        base: &Calendar,
    ) -> Vec<StaffType> {
        if raw.0.is_empty() {
            self.fail(span.clone(), Place::table("[staff]"), Settings::NoStaffType);
        }
        if raw.0.len() > MAX_STAFF_TYPES {
            self.fail(
                span,
                Place::table("[staff]"),
                Settings::TooManyStaffTypes { count: raw.0.len() },
            );
        }
        raw.0
            .iter()
            .map(|(id, t)| {
                let id = self.printable(id, Place::table("[staff]"));
                let place = format!("[staff.{id}]");
                let t = t.get_ref();
                let label = match &t.label {
                    Some(l) => self.printable(l, Place::key(&place, "label")),
                    None => id.clone(),
                };
                StaffType {
                    cost: self.real(&t.cost, &place, "cost", 0.0),
                    attrition: self.share(&t.attrition, &place, "attrition", 0.0),
                    hiring_lag_years: self.whole(
                        &t.hiring_lag_years,
                        &place,
                        "hiring_lag_years",
                        0,
                        f64::from(MAX_PLAN_YEARS),
                    ),
                    hires_per_year: t.hires_per_year.as_ref().map(|n| {
                        self.whole(&Some(n.clone()), &place, "hires_per_year", 0, MAX_WHOLE)
                    }),
                    id,
                    label,
                    calendar: self.staff_calendar(t, &place, base),
                }
            })
            .collect()
    }

    /// `[staff.TYPE]`'s own working year (SPEC §16): each key checked as `[calendar]`'s, and
    /// the year it makes with `[calendar]` must leave working time.
    fn staff_calendar(
        &mut self,
        raw: &raw::StaffType,
        p: &str,
        base: &Calendar,
    ) -> CalendarOverride {
        let day = |v: &mut Self, x: &Option<S<f64>>, key: &str| {
            x.as_ref()
                .map(|d| v.whole(&Some(d.clone()), p, key, 0, 366.0))
        };
        let hours_per_day = raw.hours_per_day.as_ref().map(|h| {
            let hours = self.real(&Some(h.clone()), p, "hours_per_day", base.hours_per_day);
            if hours > 24.0 {
                self.fail(
                    h.span(),
                    Place::key(p, "hours_per_day"),
                    Settings::DayAbove24Hours { hours },
                );
            }
            hours.min(24.0)
        });
        let own = CalendarOverride {
            working_days: day(self, &raw.working_days, "working_days"),
            hours_per_day,
            leave_days: day(self, &raw.leave_days, "leave_days"),
            training_days: day(self, &raw.training_days, "training_days"),
            non_case_share: raw
                .non_case_share
                .as_ref()
                .map(|s| self.share(&Some(s.clone()), p, "non_case_share", base.non_case_share)),
        };
        let year = own.apply(base);
        let span = [
            &raw.working_days,
            &raw.leave_days,
            &raw.training_days,
            &raw.hours_per_day,
            &raw.non_case_share,
        ]
        .into_iter()
        .find_map(|x| x.as_ref().map(Spanned::span));
        if let (Some(span), false) = (span, year.year_value() > 0.0) {
            self.fail(
                span,
                Place::table(p),
                Settings::StaffYearWithoutWorkingTime {
                    working_days: year.working_days,
                    leave_days: year.leave_days,
                    training_days: year.training_days,
                    hours_per_day: year.hours_per_day,
                    non_case_share: year.non_case_share,
                },
            );
        }
        own
    }

    /// `[scenario] method`: "caseload" (default) or "wisn" (SPEC §16).
    pub(super) fn method(&mut self, header: &raw::Header) -> Method {
        let Some(m) = &header.method else {
            return Method::Caseload;
        };
        match m.get_ref().as_str() {
            "caseload" => Method::Caseload,
            "wisn" => Method::Wisn,
            other => {
                self.fail(
                    m.span(),
                    Place::key("[scenario]", "method"),
                    Settings::UnknownMethod {
                        found: other.into(),
                    },
                );
                Method::Caseload
            }
        }
    }

    /// `[plan]`: the years of the multi-year plan, 1..=[`MAX_PLAN_YEARS`].
    pub(super) fn plan(&mut self, raw: Option<&raw::Plan>, span: Range<usize>) -> Option<Horizon> {
        let raw = raw?;
        let p = "[plan]";
        let Some(years) = &raw.years else {
            if self.mistyped("years", &span) {
                return None;
            }
            self.fail(span, Place::table(p), Settings::PlanYearsMissing);
            return None;
        };
        let n = self.whole(&raw.years, p, "years", 0, MAX_WHOLE);
        if n == 0 || n > MAX_PLAN_YEARS {
            if *years.get_ref() == f64::from(n) {
                self.fail(
                    years.span(),
                    Place::key(p, "years"),
                    Settings::PlanYearsOutOfRange { years: n },
                );
            }
            return None;
        }
        Some(Horizon {
            years: n,
            start: self.whole(&raw.start, p, "start", 1, MAX_WHOLE),
            confidence: self.plan_confidence(raw.confidence.as_ref()),
        })
    }

    /// `[plan] confidence`: a share strictly between 0 and 1 (with people leaving, no number
    /// of hires makes a shortfall impossible).
    fn plan_confidence(&mut self, value: Option<&S<f64>>) -> Option<f64> {
        let value = value?;
        let x = *value.get_ref();
        if x > 0.0 && x < 1.0 {
            return Some(x);
        }
        self.fail(
            value.span(),
            Place::key("[plan]", "confidence"),
            Settings::ConfidenceNotShare { found: x },
        );
        None
    }

    /// A warning for each staff type whose hiring lag leaves no year of the plan for a hire
    /// to arrive in: the plan can never hire it.
    pub(super) fn lags_within(
        &mut self,
        raw: &IdMap<raw::StaffType>,
        types: &[StaffType],
        plan: Option<Horizon>,
    ) {
        let Some(h) = plan else {
            return;
        };
        for ((_, t), ty) in raw.0.iter().zip(types) {
            if ty.hiring_lag_years < h.years {
                continue;
            }
            if let Some(lag) = &t.get_ref().hiring_lag_years {
                self.warning(
                    lag.span(),
                    format!("[staff.{}], key `hiring_lag_years`", ty.id),
                    format!(
                        "a hire of {} requested in the first year arrives after the last year of the {}-year plan, so the plan can never hire one",
                        ty.id, h.years
                    ),
                    "plan more years, or check the lag (whole years from the request to the arrival)",
                    crate::scenario::Warning::HiringLag { staff: ty.id.clone(), years: h.years },
                );
            }
        }
    }

    /// `[policy] quota_by_year`: a known staff type each, whole numbers, one a year at least.
    pub(super) fn quota_by_year(
        &mut self,
        raw: &raw::Policy,
        staff: &[&str],
        plan: Option<Horizon>,
    ) -> Vec<Option<Vec<u32>>> {
        let p = "[policy]";
        let mut by_type = vec![None; staff.len()];
        let Some(map) = &raw.quota_by_year else {
            return by_type;
        };
        for (id, list) in &map.get_ref().0 {
            let key = format!("quota_by_year.{}", id.get_ref());
            let values: Vec<u32> = list
                .get_ref()
                .iter()
                .map(|q| self.whole(&Some(q.clone()), p, &key, 0, MAX_WHOLE))
                .collect();
            let t = self.resolve(id, staff, p, "quota_by_year", super::Named::StaffType);
            match plan {
                None => self.fail(
                    map.span(),
                    Place::key(p, "quota_by_year"),
                    Settings::QuotaByYearWithoutPlan,
                ),
                Some(h) if values.len() < h.years as usize => self.fail(
                    list.span(),
                    Place::key(p, &key),
                    Settings::QuotaByYearTooShort {
                        key: key.clone(),
                        values: values.len(),
                        years: h.years,
                        first: h.start,
                        last: h.label(h.years),
                    },
                ),
                Some(_) => {}
            }
            if let Some(t) = t {
                by_type[t] = Some(values);
            }
            if plan.is_none() {
                break;
            }
        }
        by_type
    }

    pub(super) fn policy(&mut self, raw: &raw::Policy, staff: &[&str]) -> Policy {
        let p = "[policy]";
        let mut quota = vec![None; staff.len()];
        if let Some(map) = &raw.quota {
            for (id, n) in &map.get_ref().0 {
                let key = format!("quota.{}", id.get_ref());
                let value = self.whole(&Some(n.clone()), p, &key, 0, MAX_WHOLE);
                if let Some(t) = self.resolve(id, staff, p, "quota", super::Named::StaffType) {
                    quota[t] = Some(value);
                }
            }
        }
        let target = self.real(&raw.target_utilisation, p, "target_utilisation", 0.85);
        if let Some(value) = &raw.target_utilisation {
            if target <= 0.0 || target > 1.0 {
                self.fail(
                    value.span(),
                    Place::key(p, "target_utilisation"),
                    Settings::TargetUtilisationOutOfRange { found: target },
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
            on_time: raw
                .on_time
                .as_ref()
                .map(|t| self.share(&Some(t.clone()), p, "on_time", 0.0)),
            keep_staff: raw.keep_staff.as_ref().is_some_and(|k| *k.get_ref()),
            quota_by_year: vec![None; staff.len()],
            reallocate: raw.reallocate.as_ref().is_none_or(|r| *r.get_ref()),
        }
    }
}

/// `[scenario] peers`: the peer scenario files as written, each a printable text (SPEC §14);
/// `cli` reads them, relative to the scenario's own file.
pub(super) fn peers(v: &mut Validator<'_, '_>, list: Option<&S<Vec<S<String>>>>) -> Vec<String> {
    list.map_or_else(Vec::new, |list| {
        list.get_ref()
            .iter()
            .map(|p| v.printable(p, Place::key("[scenario]", "peers")))
            .collect()
    })
}

/// `[scenario] date`: printed as written, never the clock's.
pub(super) fn date(v: &mut Validator<'_, '_>, date: Option<&S<String>>) -> Option<String> {
    date.map(|d| v.printable(d, Place::key("[scenario]", "date")))
}

/// `[scenario] currency`: a short code, sign or word shown with every amount.
pub(super) fn currency(v: &mut Validator<'_, '_>, currency: Option<&S<String>>) -> Option<String> {
    let currency = currency?;
    let place = Place::key("[scenario]", "currency");
    let text = v.printable(currency, place.clone());
    let length = text.chars().count();
    if length == 0 || length > Settings::MAX_CURRENCY_CHARS {
        v.fail(
            currency.span(),
            place,
            Settings::CurrencyLength {
                currency: text,
                length,
            },
        );
        return None;
    }
    Some(text)
}
