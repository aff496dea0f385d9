//! One `[[work]]` entry: where the work is done, its effort, team and chain.

use std::ops::Range;

use super::{Ids, Validator, COVERING_GROUP, MAX_WHOLE};
use crate::scenario::problem::{self, Place, Table};

use crate::model::{Input, Office, Work, WorkPlace};
use crate::scenario::raw::{self, S};

impl Validator<'_, '_> {
    pub(super) fn work(
        &mut self,
        raw: &S<raw::Work>,
        id: &str,
        index: usize,
        ids: &Ids<'_>,
        offices: &[Office],
    ) -> Work {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[work]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span.clone(), p, "name");
        let resolved = self.place_of_work(raw, span.clone(), p, ids);
        // An unresolved office is already an error, and a scenario with errors is never
        // analysed (see `build`), so the placeholder is only a value to hold the place.
        let place_of_work = resolved.unwrap_or(WorkPlace::Office(0));
        let path = |key: &str| format!("work.{id}.{key}");
        let covering = resolved == Some(WorkPlace::CoveringGroup);
        let volume = self.uncertain(
            &raw.volume,
            (p, "volume", path("volume")),
            Input::Volume { work: index },
            |v, x| {
                let volume = v.real(x, p, "volume", 0.0);
                if let (true, Some(x)) = (covering && volume > 0.0, x) {
                    v.fail(
                        x.span(),
                        Place::key(p, "volume"),
                        problem::Work::CoveringVolume,
                    );
                }
                volume
            },
        );
        let hours = match &raw.hours {
            Some(_) => self.uncertain_real(
                &raw.hours,
                (p, "hours", path("hours")),
                Input::Hours { work: index },
                0.0,
            ),
            None if self.mistyped("hours", &span) => 0.0,
            None => {
                self.fail(span.clone(), Place::table(p), problem::Work::HoursMissing);
                0.0
            }
        };
        let team = self.whole(&raw.team, p, "team", 1, MAX_WHOLE);
        if team == 0 {
            if let Some(t) = &raw.team {
                self.fail(t.span(), Place::key(p, "team"), problem::Work::EmptyTeam);
            }
        }
        let cv = self.uncertain(
            &raw.cv,
            (p, "cv", path("cv")),
            Input::Cv { work: index },
            |v, x| {
                let cv = v.real(x, p, "cv", 0.5);
                if let (true, Some(c)) = (cv > 10.0, x) {
                    v.fail(
                        c.span(),
                        Place::key(p, "cv"),
                        problem::Work::CvTooHigh { found: cv },
                    );
                }
                cv
            },
        );
        let deadline_days = raw
            .deadline_days
            .as_ref()
            .map(|d| self.whole(&Some(d.clone()), p, "deadline_days", 0, 100_000.0));
        let on_time = raw
            .on_time
            .as_ref()
            .map(|t| self.share(&Some(t.clone()), p, "on_time", 0.0));
        if let (Some(t), None) = (&raw.on_time, deadline_days) {
            self.fail(
                t.span(),
                Place::key(p, "on_time"),
                problem::Work::OnTimeWithoutDeadline,
            );
        }
        let backlog = self.whole(&raw.backlog, p, "backlog", 0, MAX_WHOLE);
        let next = self.chain(raw, id, index, p, ids);
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
            on_time,
            backlog,
            growth: self.rate(&raw.growth, p, "growth"),
            staff: self.work_staff(raw, p, ids, resolved, offices),
        }
    }

    /// Where the work is done: an office, the covering group, or `None` after an error.
    fn place_of_work(
        &mut self,
        raw: &raw::Work,
        span: Range<usize>,
        p: &str,
        ids: &Ids<'_>,
    ) -> Option<WorkPlace> {
        match &raw.office {
            None if self.mistyped("office", &span) => None,
            None => {
                self.fail(span, Place::table(p), problem::Work::OfficeMissing);
                None
            }
            Some(o) if o.get_ref() == COVERING_GROUP => Some(WorkPlace::CoveringGroup),
            Some(o) => self
                .resolve(o, ids.offices, p, "office", super::Named::Office)
                .map(WorkPlace::Office),
        }
    }

    /// The `next` entries: the follow-up work types with their shares.
    fn chain(
        &mut self,
        raw: &raw::Work,
        id: &str,
        index: usize,
        p: &str,
        ids: &Ids<'_>,
    ) -> Vec<(usize, f64)> {
        let mut next = Vec::new();
        if let Some(list) = &raw.next {
            for (i, entry) in list.get_ref().iter().enumerate() {
                let ep = Table::ListEntry {
                    table: p.to_string(),
                    list: "next",
                    n: i + 1,
                };
                let e = entry.get_ref();
                let recorded = self.ranges.len();
                let follow = e.work.as_ref().map_or("", |w| w.get_ref().as_str());
                let share = match &e.share {
                    Some(_) => self.uncertain_share(
                        &e.share,
                        (&ep, "share", format!("work.{id}.next.{follow}")),
                        Input::NextShare {
                            work: index,
                            entry: next.len(),
                        },
                        0.0,
                    ),
                    None if self.mistyped("share", &entry.span()) => 0.0,
                    None => {
                        self.fail(
                            entry.span(),
                            Place::table(&ep),
                            problem::Work::NextShareMissing,
                        );
                        0.0
                    }
                };
                match &e.work {
                    Some(w) => match self.resolve(w, ids.works, &ep, "work", super::Named::Work) {
                        Some(w) => next.push((w, share)),
                        None => self.ranges.truncate(recorded),
                    },
                    None => {
                        self.ranges.truncate(recorded);
                        if self.mistyped("work", &entry.span()) {
                            continue;
                        }
                        self.fail(
                            entry.span(),
                            Place::table(&ep),
                            problem::Work::NextWorkMissing,
                        );
                    }
                }
            }
        }
        next
    }

    /// `staff`: the staff types that may do the work (SPEC §16), each known and allowed by
    /// the office that does it; an empty list would leave the work to nobody.
    fn work_staff(
        &mut self,
        raw: &raw::Work,
        p: &str,
        ids: &Ids<'_>,
        place: Option<WorkPlace>,
        offices: &[Office],
    ) -> Option<Vec<bool>> {
        let list = raw.staff.as_ref()?;
        let mut may = vec![false; ids.staff.len()];
        for t in list.get_ref() {
            let Some(i) = self.resolve(t, ids.staff, p, "staff", super::Named::StaffType) else {
                continue;
            };
            may[i] = true;
            let office = match place {
                Some(WorkPlace::Office(o)) => offices.get(o),
                _ => None,
            };
            if let Some(office) =
                office.filter(|o| !o.allowed_staff.get(i).copied().unwrap_or(false))
            {
                self.fail(
                    t.span(),
                    Place::key(p, "staff"),
                    problem::Work::StaffNotAllowed {
                        office: office.id.clone(),
                        staff: ids.staff[i].to_string(),
                    },
                );
            }
        }
        let office = match place {
            Some(WorkPlace::Office(o)) => offices.get(o),
            _ => None,
        };
        let in_post =
            |o: &Office| (0..may.len()).any(|t| may[t] && o.staff.get(t).is_some_and(|&n| n > 0));
        if let Some(o) = office.filter(|o| o.headcount() > 0 && !in_post(o) && may.contains(&true))
        {
            self.warning(
                list.span(),
                format!("{p}, key `staff`"),
                format!("office \"{}\" has nobody today of the staff types that may do this work", o.id),
                "the analysis counts its whole need as a shortage; add people of one of these types to the office's `staff`, or name a type it has",
                crate::scenario::Warning::NobodyMayDo { place: p.to_string(), office: o.id.clone() },
            );
        }
        if list.get_ref().is_empty() {
            self.fail(
                list.span(),
                Place::key(p, "staff"),
                problem::Work::StaffEmpty,
            );
        }
        Some(may)
    }
}
