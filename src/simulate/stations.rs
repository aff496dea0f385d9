//! SPEC §16: an office whose work types are restricted to different sets of staff types runs
//! as several stations, each with its own first-come-first-served queue and people, so that
//! restricted work is only ever done by people of its types; the runs' figures are then added
//! back up per office.
//!
//! The split: the staff types in post that may do the same of the office's work types form
//! one station, whose people share all that work. Work that the types of several stations may
//! do is divided between them as the analysis divides it between cadres (in proportion to
//! their headcount, [`crate::analysis::cadre_shares`]): each arrival goes to one of them with
//! that probability, which splits its Poisson stream exactly; its follow-ups go to the station
//! with the largest share, its open backlog by the shares (largest remainder). Work no type in
//! post may do waits at a station of nobody, as the restriction says. Types that may do none
//! of the office's work sit at its first station with no casework time, as the office's
//! figures count them. An office of one station, and a scenario with no `[[work]] staff`, run
//! exactly as before.

use super::engine::{OfficeRun, RunOutcome};
use super::plan::{office_plan, OfficePlan, Plan, StreamPlan};
use crate::model::Scenario;
use crate::model::Volumes;

/// The engine's plan with split offices, and each station's office.
#[derive(Debug, Clone)]
pub(crate) struct Stations {
    pub(super) plan: Plan,
    pub(super) office_of: Vec<usize>,
}

/// Staff types that may do the same work, and that work with the share of it they take.
#[derive(Debug, Clone, PartialEq)]
struct Station {
    types: Vec<usize>,
    works: Vec<(usize, f64)>,
}

/// The stations of office `o`; `comes(w)`: work `w` arrives or is open there.
fn stations_at(scenario: &Scenario, o: usize, comes: &dyn Fn(usize) -> bool) -> Vec<Station> {
    let Some(office) = scenario.offices.get(o) else {
        return Vec::new();
    };
    let coming: Vec<usize> = (0..scenario.works.len()).filter(|&w| comes(w)).collect();
    let mut groups: Vec<(Vec<bool>, Station)> = Vec::new();
    for (t, _) in office.staff.iter().enumerate().filter(|&(_, &n)| n > 0) {
        let may: Vec<bool> = coming.iter().map(|&w| scenario.may_do(w, o, t)).collect();
        if !may.contains(&true) {
            continue;
        }
        match groups.iter_mut().find(|(m, _)| *m == may) {
            Some((_, station)) => station.types.push(t),
            None => groups.push((
                may,
                Station {
                    types: vec![t],
                    works: Vec::new(),
                },
            )),
        }
    }
    let mut stations: Vec<Station> = groups.into_iter().map(|(_, s)| s).collect();
    let mut nobody = Station {
        types: Vec::new(),
        works: Vec::new(),
    };
    for &w in &coming {
        let shares = crate::analysis::cadre_shares(scenario, w, o);
        let mut placed = false;
        for station in &mut stations {
            let share: f64 = station.types.iter().filter_map(|&t| shares.get(t)).sum();
            if share > 0.0 {
                station.works.push((w, share));
                placed = true;
            }
        }
        if !placed {
            nobody.works.push((w, 1.0));
        }
    }
    if !nobody.works.is_empty() {
        stations.push(nobody);
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
        let working_days = f64::from(scenario.calendar.working_days.max(1));
        // `[office][work]`: the stations that take the work there, with their shares.
        let mut route = vec![vec![Vec::new(); scenario.works.len()]; scenario.offices.len()];
        let mut first_station = Vec::new();
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
            first_station.push(offices.len());
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
                for &(w, share) in station.map_or(&[][..], |s| s.works.as_slice()) {
                    route[o][w].push((offices.len() - 1, share));
                }
                office_of.push(o);
            }
        }
        let routes = Routes {
            route,
            first_station,
        };
        Some(Box::new(Stations {
            plan: rebuilt(scenario, plan, offices, person_rate, &routes, &office_of),
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

/// Where each office's work goes among the stations.
struct Routes {
    /// `[office][work]`: the stations taking it, with their shares (adding up to 1).
    route: Vec<Vec<Vec<(usize, f64)>>>,
    first_station: Vec<usize>,
}

impl Routes {
    /// The stations taking work `w` at office `o`: its own, else the office's first.
    fn of(&self, o: usize, w: usize) -> Vec<(usize, f64)> {
        match self.route.get(o).and_then(|r| r.get(w)) {
            Some(list) if !list.is_empty() => list.clone(),
            _ => vec![(self.first_station.get(o).copied().unwrap_or(0), 1.0)],
        }
    }

    /// The one station of the largest share (the first at a tie).
    fn main(&self, o: usize, w: usize) -> usize {
        self.of(o, w)
            .into_iter()
            .fold((0, f64::NEG_INFINITY), |best, (s, share)| {
                if share > best.1 {
                    (s, share)
                } else {
                    best
                }
            })
            .0
    }
}

/// `items` divided by `shares` in whole items: each its whole part, the rest one each to the
/// largest fractional parts (the first at a tie).
fn by_largest_remainder(items: u32, shares: &[(usize, f64)]) -> Vec<(usize, u32)> {
    let exact: Vec<f64> = shares.iter().map(|&(_, s)| f64::from(items) * s).collect();
    let mut whole: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let mut left = items.saturating_sub(whole.iter().sum());
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    for &i in order.iter().cycle().take(shares.len() * 2) {
        if left == 0 {
            break;
        }
        whole[i] += 1;
        left -= 1;
    }
    shares.iter().map(|&(s, _)| s).zip(whole).collect()
}

/// `plan` with the stations as its offices: people, streams (each split by the stations'
/// shares), chains, backlog and deadline pairs (the pairs stay the office's: each is reached
/// from every station doing that work there).
fn rebuilt(
    scenario: &Scenario,
    plan: &Plan,
    offices: Vec<OfficePlan>,
    person_rate: Vec<f64>,
    routes: &Routes,
    office_of: &[usize],
) -> Plan {
    let mut offices = offices;
    let mut deadline_works = vec![Vec::new(); offices.len()];
    for (o, list) in plan.deadline_works.iter().enumerate() {
        for &(w, pair) in list {
            for (s, _) in routes.of(o, w) {
                if let Some(list) = deadline_works.get_mut(s) {
                    list.push((w, pair));
                }
            }
        }
    }
    for (o, _) in plan.offices.iter().enumerate().filter(|(_, p)| p.teams) {
        for (w, _) in scenario
            .works
            .iter()
            .enumerate()
            .filter(|(_, x)| x.team > 1)
        {
            for (s, _) in routes.of(o, w) {
                if let Some(station) = offices.get_mut(s) {
                    station.teams = true;
                }
            }
        }
    }
    let mut cumulative = 0.0;
    let mut before = 0.0;
    let mut streams = Vec::new();
    for s in &plan.streams {
        let rate = s.cumulative - before;
        before = s.cumulative;
        for (station, share) in routes.of(s.office, s.work) {
            cumulative += rate * share;
            streams.push(StreamPlan {
                cumulative,
                work: s.work,
                office: station,
            });
        }
    }
    let follow_up = plan
        .follow_up
        .iter()
        .enumerate()
        .map(|(w, to)| {
            office_of
                .iter()
                .map(|&o| routes.main(to.get(o).copied().unwrap_or(o), w))
                .collect()
        })
        .collect();
    let backlog = plan
        .backlog
        .iter()
        .flat_map(|&(w, o, items)| {
            by_largest_remainder(items, &routes.of(o, w))
                .into_iter()
                .filter(|&(_, n)| n > 0)
                .map(move |(s, n)| (w, s, n))
        })
        .collect();
    Plan {
        offices,
        person_rate,
        deadline_works,
        streams,
        arrival_rate: cumulative,
        mean_gap: if cumulative > 0.0 {
            1.0 / cumulative
        } else {
            0.0
        },
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
             [staff.doctor]\n[staff.nurse]\n[staff.clerk]\n[[office]]\nid = \"c\"\nname = \"c\"\n\
             staff = { doctor = 2, nurse = 6, clerk = 0 }\n",
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

    /// Each station's staff types and its work with shares.
    type Split = Vec<(Vec<usize>, Vec<(usize, f64)>)>;

    fn split(works: &[(&str, &str)]) -> Split {
        let scenario = clinic(works);
        stations_at(&scenario, 0, &|_| true)
            .into_iter()
            .map(|s| (s.types, s.works))
            .collect()
    }

    #[test]
    fn each_cadre_keeps_to_its_work_and_shares_what_several_may_do_by_headcount() {
        // Doctors alone consult, nurses alone dress, rounds anyone does: two stations, the
        // rounds split 2 : 6 by headcount as the analysis splits them.
        let three = split(&[
            ("consult", r#"["doctor"]"#),
            ("dress", r#"["nurse"]"#),
            ("rounds", r#"["doctor", "nurse"]"#),
        ]);
        assert_eq!(
            three,
            vec![
                (vec![0], vec![(0, 1.0), (2, 0.25)]),
                (vec![1], vec![(1, 1.0), (2, 0.75)])
            ]
        );
        // Types that may do the same work share one station and all of it.
        let same = split(&[
            ("a", r#"["doctor", "nurse"]"#),
            ("b", r#"["doctor", "nurse"]"#),
        ]);
        assert_eq!(same, vec![(vec![0, 1], vec![(0, 1.0), (1, 1.0)])]);
        // Work only clerks may do, with no clerk in post, waits at a station of nobody.
        let nobody = split(&[("a", r#"["doctor"]"#), ("file", r#"["clerk"]"#)]);
        assert_eq!(
            nobody,
            vec![(vec![0], vec![(0, 1.0)]), (vec![], vec![(1, 1.0)])]
        );
    }

    #[test]
    fn backlog_is_divided_by_the_largest_remainder() {
        let shares = [(3, 0.25), (4, 0.75)];
        assert_eq!(by_largest_remainder(10, &shares), vec![(3, 3), (4, 7)]);
        assert_eq!(by_largest_remainder(1, &shares), vec![(3, 0), (4, 1)]);
        assert_eq!(by_largest_remainder(0, &shares), vec![(3, 0), (4, 0)]);
    }
}
