//! One `[[office]]` entry: kind, headcount by staff type, leaders, bounds and covers.

use super::{Ids, Validator, MAX_WHOLE};
use crate::model::{Allowance, Input, Office, OfficeKind};
use crate::scenario::nearest;
use crate::scenario::problem::{self, Place, Table};
use crate::scenario::raw::{self, S};

impl Validator<'_, '_> {
    pub(super) fn office(
        &mut self,
        raw: &S<raw::Office>,
        id: &str,
        index: usize,
        ids: &Ids<'_>,
    ) -> Office {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[office]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span, p, "name");
        let kind = self.office_kind(&raw.kind, p);
        let (staff, staff_known) = self.headcount(raw, p, ids);
        let leaders = self.leaders(raw, p, staff.iter().sum(), staff_known);
        let leader_case_share = self.uncertain_share(
            &raw.leader_case_share,
            (
                p,
                "leader_case_share",
                format!("office.{id}.leader_case_share"),
            ),
            Input::LeaderCaseShare { office: index },
            0.5,
        );
        let (min_staff, max_staff) = self.staff_bounds(raw, p);
        let allowed_staff = match &raw.allowed_staff {
            None => vec![true; ids.staff.len()],
            Some(list) => {
                let mut allowed = vec![false; ids.staff.len()];
                for t in list.get_ref() {
                    if let Some(t) =
                        self.resolve(t, ids.staff, p, "allowed_staff", super::Named::StaffType)
                    {
                        allowed[t] = true;
                    }
                }
                allowed
            }
        };
        let covers = self.covers(raw, p, kind, ids);
        let max_units = self.max_units(raw, p, covers.len());
        let sanctioned = self.sanctioned(raw, p, ids, &staff, &allowed_staff);
        let leader_posts = self.leader_posts(raw, p, leaders);
        let allowances = self.allowances(raw, p, ids, &allowed_staff);
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
            sanctioned,
            leader_posts,
            allowances,
        }
    }

    fn office_kind(&mut self, kind: &Option<S<String>>, p: &str) -> OfficeKind {
        let Some(k) = kind else {
            return OfficeKind::Section;
        };
        if let Some(kind) = OfficeKind::parse(k.get_ref()) {
            return kind;
        }
        let problem = problem::Office::UnknownKind {
            found: k.get_ref().clone(),
            nearest: nearest(k.get_ref(), &OfficeKind::NAMES).and_then(OfficeKind::parse),
        };
        self.fail(k.span(), Place::key(p, "kind"), problem);
        OfficeKind::Section
    }

    /// Headcount by staff type, and whether every staff type named was known (a leaders check
    /// against a headcount with unknown types in it would only echo that error).
    fn headcount(&mut self, raw: &raw::Office, p: &str, ids: &Ids<'_>) -> (Vec<u32>, bool) {
        let mut staff = vec![0; ids.staff.len()];
        let mut staff_known = true;
        if let Some(map) = &raw.staff {
            for (t, n) in &map.get_ref().0 {
                let key = format!("staff.{}", t.get_ref());
                let count = self.whole(&Some(n.clone()), p, &key, 0, MAX_WHOLE);
                match self.resolve(t, ids.staff, p, "staff", super::Named::StaffType) {
                    Some(t) => staff[t] = count,
                    None => staff_known = false,
                }
            }
        }
        (staff, staff_known)
    }

    fn leaders(&mut self, raw: &raw::Office, p: &str, headcount: u32, staff_known: bool) -> u32 {
        let leaders = self.whole(&raw.leaders, p, "leaders", 0, MAX_WHOLE);
        // An optional group not yet opened may name its future leadership posts.
        let unopened = raw.optional.as_ref().is_some_and(|o| *o.get_ref()) && headcount == 0;
        if let (true, true, false, Some(l)) =
            (staff_known, leaders > headcount, unopened, &raw.leaders)
        {
            let problem = problem::Office::LeadersAboveStaff {
                leaders,
                staff: headcount,
            };
            self.fail(l.span(), Place::key(p, "leaders"), problem);
        }
        leaders
    }

    fn staff_bounds(&mut self, raw: &raw::Office, p: &str) -> (Option<u32>, Option<u32>) {
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
                let problem = problem::Office::MaxStaffBelowMin { min, max };
                self.fail(v.span(), Place::key(p, "max_staff"), problem);
            }
        }
        (min_staff, max_staff)
    }

    fn covers(
        &mut self,
        raw: &raw::Office,
        p: &str,
        kind: OfficeKind,
        ids: &Ids<'_>,
    ) -> Vec<usize> {
        let mut covers = Vec::new();
        let Some(list) = &raw.covers else {
            return covers;
        };
        if kind != OfficeKind::DispatchedGroup && !list.get_ref().is_empty() {
            let problem = problem::Office::CoversNotGroup { kind };
            self.fail(list.span(), Place::key(p, "covers"), problem);
        }
        for u in list.get_ref() {
            let Some(u) = self.resolve(u, ids.units, p, "covers", super::Named::Unit) else {
                continue;
            };
            if covers.contains(&u) {
                let unit = ids.units[u].clone();
                let problem = problem::Office::CoveredTwice { unit };
                self.fail(list.span(), Place::key(p, "covers"), problem);
            } else {
                covers.push(u);
            }
        }
        covers
    }

    fn max_units(&mut self, raw: &raw::Office, p: &str, covered: usize) -> Option<u32> {
        let max_units = raw
            .max_units
            .as_ref()
            .map(|v| self.whole(&Some(v.clone()), p, "max_units", 0, MAX_WHOLE));
        if let (Some(max), Some(v)) = (max_units, &raw.max_units) {
            if covered > max as usize {
                self.warning(
                    v.span(),
                    format!("{p}, key `max_units`"),
                    format!(
                        "the group covers {covered} units today, more than `max_units` = {max}"
                    ),
                    "the optimiser will move units to other groups; raise max_units to keep them",
                    crate::scenario::Warning::MaxUnits {
                        place: p.to_string(),
                        covered,
                        max,
                    },
                );
            }
        }
        max_units
    }

    /// WISN's individual allowances (SPEC §16): a known staff type the office allows, hours a
    /// year not negative, whole persons.
    fn allowances(
        &mut self,
        raw: &raw::Office,
        p: &str,
        ids: &Ids<'_>,
        allowed: &[bool],
    ) -> Vec<Allowance> {
        let mut allowances = Vec::new();
        let Some(list) = &raw.allowances else {
            return allowances;
        };
        for (i, entry) in list.get_ref().iter().enumerate() {
            let ep = Table::ListEntry {
                table: p.to_string(),
                list: "allowances",
                n: i + 1,
            };
            let a = entry.get_ref();
            let Some(staff) = &a.staff else {
                let problem = problem::Office::AllowanceWithoutStaff;
                self.fail(entry.span(), Place::table(&ep), problem);
                continue;
            };
            let Some(t) = self.resolve(staff, ids.staff, &ep, "staff", super::Named::StaffType)
            else {
                continue;
            };
            if !allowed.get(t).copied().unwrap_or(false) {
                let staff_type = ids.staff[t].to_string();
                let problem = problem::Office::AllowanceStaffNotAllowed { staff: staff_type };
                self.fail(staff.span(), Place::key(&ep, "staff"), problem);
            }
            if a.hours.is_none() {
                let problem = problem::Office::AllowanceWithoutHours;
                self.fail(entry.span(), Place::table(&ep), problem);
            }
            let name = match &a.name {
                Some(n) => self.printable(n, Place::key(&ep, "name")),
                None => String::new(),
            };
            allowances.push(Allowance {
                staff: t,
                hours: self.real(&a.hours, &ep, "hours", 0.0),
                persons: self.whole(&a.persons, &ep, "persons", 1, MAX_WHOLE),
                name,
            });
        }
        allowances
    }
}
