//! SPEC §16: an office whose work types are restricted to different sets of staff types runs
//! as several stations, each with its own queue and people, so that restricted work is only
//! ever done by people of its types; the runs' figures are then added back up per office.
//!
//! The split: an office's work types with the same set of types in post that may do them
//! form one station (its people share them, first come first served); each type serves the
//! station with the fewest types among those whose work it may do (the most restricted work
//! needs it most). A station left with nobody gives its work to a station all of whose people
//! may do it, if there is one; otherwise its work waits with nobody to do it, as the
//! restriction says. Types that may do none of the office's work are counted at its first
//! station with no casework time, as in the office's figures. An office of one station, and a
//! scenario with no `[[work]] staff`, run exactly as before.

use super::engine::{OfficeRun, RunOutcome};
use super::plan::{office_plan, OfficePlan, Plan};
use crate::model::Scenario;
use crate::model::Volumes;

/// The engine's plan with split offices, and each station's office.
#[derive(Debug, Clone)]
pub(crate) struct Stations {
    pub(super) plan: Plan,
    pub(super) office_of: Vec<usize>,
}

/// Work types served together and the staff types serving them.
#[derive(Debug, Clone, PartialEq)]
struct Station {
    works: Vec<usize>,
    types: Vec<usize>,
    /// The types in post that may do this station's work.
    set: Vec<usize>,
}

/// The stations of office `o`; `comes(w)`: work `w` arrives or is open there.
fn stations_at(scenario: &Scenario, o: usize, comes: &dyn Fn(usize) -> bool) -> Vec<Station> {
    let Some(office) = scenario.offices.get(o) else {
        return Vec::new();
    };
    let in_post = |t: usize| office.staff.get(t).copied().unwrap_or(0) > 0;
    let types = scenario.staff_types.len();
    let mut stations: Vec<Station> = Vec::new();
    for w in (0..scenario.works.len()).filter(|&w| comes(w)) {
        let set: Vec<usize> = (0..types)
            .filter(|&t| in_post(t) && scenario.may_do(w, o, t))
            .collect();
        match stations.iter_mut().find(|s| s.set == set) {
            Some(station) => station.works.push(w),
            None => stations.push(Station {
                works: vec![w],
                types: Vec::new(),
                set,
            }),
        }
    }
    for t in (0..types).filter(|&t| in_post(t)) {
        let most_restricted = stations
            .iter()
            .enumerate()
            .filter(|(_, s)| s.set.contains(&t))
            .min_by_key(|(k, s)| (s.set.len(), *k))
            .map(|(k, _)| k);
        if let Some(k) = most_restricted {
            stations[k].types.push(t);
        }
    }
    // A station with nobody hands its work to one whose people may all do it.
    let mut k = 0;
    while k < stations.len() {
        let host = stations.iter().position(|h| {
            !h.types.is_empty() && h.types.iter().all(|t| stations[k].set.contains(t))
        });
        match host {
            Some(h) if stations[k].types.is_empty() && h != k => {
                let orphan = stations.remove(k);
                let h = if h > k { h - 1 } else { h };
                stations[h].works.extend(orphan.works);
                stations[h].works.sort_unstable();
            }
            _ => k += 1,
        }
    }
    stations
}

impl Stations {
    /// The stations' plan for `plan`'s scenario, or `None` where no office needs more than one.
    pub(super) fn split(
        scenario: &Scenario,
        plan: &Plan,
        volumes: &Volumes,
        initial: &[Vec<u32>],
    ) -> Option<Box<Stations>> {
        if scenario.works.iter().all(|w| w.staff.is_none()) {
            return None;
        }
        let per_office: Vec<Vec<Station>> = (0..scenario.offices.len())
            .map(|o| {
                let comes = |w: usize| {
                    volumes.at_office[w][o] > 0.0
                        || initial
                            .get(w)
                            .and_then(|r| r.get(o))
                            .is_some_and(|&n| n > 0)
                };
                stations_at(scenario, o, &comes)
            })
            .collect();
        if per_office.iter().all(|s| s.len() <= 1) {
            return None;
        }
        let works = scenario.works.len();
        let working_days = f64::from(scenario.calendar.working_days.max(1));
        let mut station_of = vec![vec![0usize; works]; scenario.offices.len()];
        let mut office_of = Vec::new();
        let mut offices: Vec<OfficePlan> = Vec::new();
        let mut person_rate: Vec<f64> = Vec::new();
        for (o, (office, stations)) in scenario.offices.iter().zip(&per_office).enumerate() {
            // The office's people in type order, its leaders the last `leaders` of them, with
            // the analysis's hours of each.
            let hours = crate::analysis::casework_hours_by_person(scenario, volumes, o);
            let headcount = office.headcount();
            let leaders = office.leaders.min(headcount);
            let people: Vec<(usize, bool, f64)> = office
                .staff
                .iter()
                .enumerate()
                .flat_map(|(t, &n)| std::iter::repeat_n(t, n as usize))
                .zip(&hours)
                .enumerate()
                .map(|(i, (t, &h))| (t, i as u32 >= headcount - leaders, h))
                .collect();
            let served: Vec<usize> = stations.iter().flat_map(|s| s.types.clone()).collect();
            let first_station = offices.len();
            station_of[o].fill(first_station);
            for k in 0..stations.len().max(1) {
                let station = stations.get(k);
                let serves = |t: usize| station.is_none_or(|s| s.types.contains(&t));
                let mine = |t: usize| serves(t) || (k == 0 && !served.contains(&t));
                let rate = |t: usize, h: f64| if serves(t) { h / working_days } else { 0.0 };
                let first = person_rate.len() as u32;
                let of = |leader: bool| {
                    people
                        .iter()
                        .filter(move |&&(t, l, _)| l == leader && mine(t))
                        .map(|&(t, _, h)| rate(t, h))
                };
                person_rate.extend(of(false));
                let leaders_from = person_rate.len() as u32;
                person_rate.extend(of(true));
                let count = person_rate.len() as u32 - first;
                offices.push(office_plan(&person_rate, first, leaders_from, count));
                for &w in station.map_or(&[][..], |s| s.works.as_slice()) {
                    station_of[o][w] = offices.len() - 1;
                }
                office_of.push(o);
            }
        }
        Some(Box::new(Stations {
            plan: rebuilt(
                scenario,
                plan,
                offices,
                person_rate,
                &station_of,
                &office_of,
            ),
            office_of,
        }))
    }

    /// One run's figures per station added up to the offices of `offices` (the office plan's).
    pub(super) fn merge(&self, offices: &[OfficePlan], run: RunOutcome) -> RunOutcome {
        let stations = self.office_of.len().max(1);
        let points = run.series.len() / stations;
        let mut series = vec![0u32; points * offices.len()];
        for k in 0..points {
            for (s, &o) in self.office_of.iter().enumerate() {
                if let (Some(cell), Some(&n)) = (
                    series.get_mut(k * offices.len() + o),
                    run.series.get(k * stations + s),
                ) {
                    *cell += n;
                }
            }
        }
        let merged = (0..offices.len())
            .map(|o| {
                let parts: Vec<(&OfficeRun, &OfficePlan)> = self
                    .office_of
                    .iter()
                    .enumerate()
                    .filter(|&(_, &of)| of == o)
                    .filter_map(|(s, _)| Some((run.offices.get(s)?, self.plan.offices.get(s)?)))
                    .collect();
                merge_office(&parts)
            })
            .collect();
        RunOutcome {
            offices: merged,
            series,
            ..run
        }
    }
}

/// `plan` with the stations as its offices: people, streams, chains, backlog and deadline
/// pairs (the pairs stay the office's, each reached from the one station doing that work).
fn rebuilt(
    scenario: &Scenario,
    plan: &Plan,
    offices: Vec<OfficePlan>,
    person_rate: Vec<f64>,
    station_of: &[Vec<usize>],
    office_of: &[usize],
) -> Plan {
    let at = |o: usize, w: usize| station_of.get(o).and_then(|r| r.get(w)).copied();
    let mut offices = offices;
    let mut deadline_works = vec![Vec::new(); offices.len()];
    for (o, list) in plan.deadline_works.iter().enumerate() {
        for &(w, pair) in list {
            if let Some(list) = at(o, w).and_then(|s| deadline_works.get_mut(s)) {
                list.push((w, pair));
            }
        }
    }
    for (o, office) in plan.offices.iter().enumerate() {
        if office.teams {
            for (w, work) in scenario.works.iter().enumerate() {
                if let Some(station) = at(o, w).and_then(|s| offices.get_mut(s)) {
                    station.teams |= work.team > 1;
                }
            }
        }
    }
    let streams = plan
        .streams
        .iter()
        .map(|s| super::plan::StreamPlan {
            office: at(s.office, s.work).unwrap_or(s.office),
            ..*s
        })
        .collect();
    let follow_up = plan
        .follow_up
        .iter()
        .enumerate()
        .map(|(w, to)| {
            office_of
                .iter()
                .map(|&o| {
                    let office = to.get(o).copied().unwrap_or(o);
                    at(office, w).unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let backlog = plan
        .backlog
        .iter()
        .map(|&(w, o, items)| (w, at(o, w).unwrap_or(0), items))
        .collect();
    Plan {
        offices,
        person_rate,
        deadline_works,
        streams,
        follow_up,
        backlog,
        stations: None,
        ..plan.clone()
    }
}

/// An office's run from its stations': counts added, means weighted by the items finished,
/// shares by the items with a deadline, utilisation by capacity, overtime by headcount. The
/// 90th-percentile lead time is the largest station's, an upper bound of the office's (at it
/// every station has 90% of its items finished in time).
fn merge_office(parts: &[(&OfficeRun, &OfficePlan)]) -> OfficeRun {
    let sum = |f: &dyn Fn(&OfficeRun) -> f64| parts.iter().map(|(r, _)| f(r)).sum::<f64>();
    let done: u32 = parts.iter().map(|(r, _)| r.done).sum();
    let deadline_items: u32 = parts.iter().map(|(r, _)| r.deadline_items).sum();
    let per_done = |f: &dyn Fn(&OfficeRun) -> Option<f64>| {
        (done > 0).then(|| sum(&|r| f(r).unwrap_or(0.0) * f64::from(r.done)) / f64::from(done))
    };
    let per_due = |f: &dyn Fn(&OfficeRun) -> Option<f64>| {
        (deadline_items > 0).then(|| {
            sum(&|r| f(r).unwrap_or(0.0) * f64::from(r.deadline_items)) / f64::from(deadline_items)
        })
    };
    let capacity: f64 = parts.iter().map(|(_, p)| p.capacity_per_day).sum();
    let worked: f64 = parts
        .iter()
        .map(|(r, p)| r.utilisation.unwrap_or(0.0) * p.capacity_per_day)
        .sum();
    let headcount: u32 = parts.iter().map(|(_, p)| p.headcount).sum();
    let overtime: f64 = parts
        .iter()
        .map(|(r, p)| r.overtime_hours_per_person * f64::from(p.headcount))
        .sum();
    let largest = |f: &dyn Fn(&OfficeRun) -> Option<f64>| {
        parts.iter().filter_map(|(r, _)| f(r)).reduce(f64::max)
    };
    OfficeRun {
        done,
        backlog_end: parts.iter().map(|(r, _)| r.backlog_end).sum(),
        backlog_start: parts.iter().map(|(r, _)| r.backlog_start).sum(),
        backlog_mid: parts.iter().map(|(r, _)| r.backlog_mid).sum(),
        wait_days: per_done(&|r| r.wait_days),
        lead_days: per_done(&|r| r.lead_days),
        lead_days_p90: largest(&|r| r.lead_days_p90),
        late_share: per_due(&|r| r.late_share),
        on_time_share: per_due(&|r| r.on_time_share),
        deadline_items,
        team_idle_hours: sum(&|r| r.team_idle_hours),
        utilisation: (capacity > 0.0).then(|| worked / capacity),
        overtime_hours_per_person: if headcount > 0 {
            overtime / f64::from(headcount)
        } else {
            0.0
        },
        overtime_hours_max_person: largest(&|r| Some(r.overtime_hours_max_person)).unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clinic with doctors and nurses and one work type per `(id, staff)` entry.
    fn clinic(works: &[(&str, &str)]) -> Scenario {
        let mut text = String::from(
            "[scenario]\nname = \"s\"\n[calendar]\nworking_days = 250\nhours_per_day = 8\n\
             [staff.doctor]\n[staff.nurse]\n[[office]]\nid = \"c\"\nname = \"c\"\n\
             staff = { doctor = 2, nurse = 3 }\n",
        );
        for (id, staff) in works {
            text.push_str(&format!(
                "[[work]]\nid = \"{id}\"\nname = \"{id}\"\noffice = \"c\"\nvolume = 100\n\
                 hours = 1\nstaff = {staff}\n"
            ));
        }
        match crate::scenario::parse(&text, "t.toml") {
            Ok(loaded) => loaded.scenario,
            Err(errors) => panic!("{errors:?}"),
        }
    }

    fn split(works: &[(&str, &str)]) -> Vec<(Vec<usize>, Vec<usize>)> {
        let scenario = clinic(works);
        stations_at(&scenario, 0, &|_| true)
            .into_iter()
            .map(|s| (s.works, s.types))
            .collect()
    }

    #[test]
    fn each_cadre_serves_the_most_restricted_work_it_may_do() {
        // Doctors alone may consult; dressing anyone may do: doctors keep to consulting.
        let nested = split(&[("a", r#"["doctor"]"#), ("b", r#"["doctor", "nurse"]"#)]);
        assert_eq!(nested, vec![(vec![0], vec![0]), (vec![1], vec![1])]);
        // Two work types with the same set share its people.
        let shared = split(&[("a", r#"["doctor"]"#), ("b", r#"["doctor"]"#)]);
        assert_eq!(shared, vec![(vec![0, 1], vec![0])]);
        // Work both may do, when each has its own: it goes to the first station whose
        // people may all do it rather than wait for nobody.
        let orphan = split(&[
            ("a", r#"["doctor"]"#),
            ("b", r#"["nurse"]"#),
            ("c", r#"["doctor", "nurse"]"#),
        ]);
        assert_eq!(orphan, vec![(vec![0, 2], vec![0]), (vec![1], vec![1])]);
    }
}
