//! Checks across sections, once every entry is read: coverage of units by groups, the work
//! chain, and whether each office can field its teams.

use std::ops::Range;

use toml::Spanned;

use super::{Validator, MAX_CHAIN_DEPTH, MAX_FTE};
use crate::model::{Office, Scenario, Unit, Work, WorkPlace};
use crate::scenario::problem::{self, Place, Table};
use crate::scenario::raw::{self, S};

impl Validator<'_, '_> {
    /// A unit covered by two groups is an error; units no group covers are a warning.
    pub(super) fn check_coverage(
        &mut self,
        offices: &mut [Office],
        units: &[Unit],
        works: &[Work],
    ) {
        let mut by_unit: Vec<Option<usize>> = vec![None; units.len()];
        for o in 0..offices.len() {
            let mut kept = Vec::new();
            for &u in &offices[o].covers {
                match by_unit[u] {
                    Some(first) => {
                        let span = self.covers_spans.get(o).cloned().unwrap_or(0..0);
                        self.fail(
                            span,
                            Place::key(&format!("[[office]] \"{}\"", offices[o].id), "covers"),
                            problem::Work::CoveredTwice {
                                unit: units[u].id.clone(),
                                first: offices[first].id.clone(),
                                second: offices[o].id.clone(),
                            },
                        );
                    }
                    None => {
                        by_unit[u] = Some(o);
                        kept.push(u);
                        if !units[u].is_eligible(o) {
                            let span = self.covers_spans.get(o).cloned().unwrap_or(0..0);
                            self.fail(
                                span,
                                Place::key(&format!("[[office]] \"{}\"", offices[o].id), "covers"),
                                problem::Work::CoveredByIneligible {
                                    unit: units[u].id.clone(),
                                    group: offices[o].id.clone(),
                                },
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
                self.fail(
                    span,
                    Place::key(&format!("[[unit]] \"{}\"", unit.id), "eligible"),
                    problem::Work::NoEligibleGroup,
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
                crate::scenario::Warning::Uncovered {
                    units: uncovered.iter().map(|u| u.to_string()).collect(),
                },
            );
        }
    }

    fn sink_span_of_unit(&self, unit: usize) -> Range<usize> {
        self.unit_spans.get(unit).cloned().unwrap_or(0..0)
    }

    /// A cycle in `next`, too deep a chain, and covering-group work fed by office-level work
    /// are errors.
    pub(super) fn check_chain(&mut self, scenario: &Scenario, raw_works: &[S<raw::Work>]) {
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
                    self.fail(
                        span_of(w),
                        Place::key(&format!("[[work]] \"{}\"", work.id), "next"),
                        problem::Work::OfficeFeedsGroup {
                            work: work.id.clone(),
                            follow: works[child].id.clone(),
                        },
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
                            let mut path: Vec<String> = stack[from..]
                                .iter()
                                .map(|&(x, _)| works[x].id.clone())
                                .collect();
                            path.push(works[child].id.clone());
                            self.fail(
                                span_of(w),
                                Place::key(&format!("[[work]] \"{}\"", works[w].id), "next"),
                                problem::Work::Cycle { path },
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
                self.fail(
                    span_of(w),
                    Place::key(&format!("[[work]] \"{}\"", works[w].id), "next"),
                    problem::Work::ChainTooDeep { depth: depth[w] },
                );
            }
        }
    }

    /// An office that cannot field a team is an error; one staffed below its team today is
    /// a warning.
    pub(super) fn check_teams(&mut self, scenario: &Scenario, raw_works: &[S<raw::Work>]) {
        let volumes = crate::model::volumes(scenario, &scenario.coverage());
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
                        self.fail(
                            span.clone(),
                            Place::key(&format!("[[work]] \"{}\"", work.id), "team"),
                            problem::Work::TeamAboveMaxStaff {
                                team: work.team,
                                office: office.id.clone(),
                                max,
                            },
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
                        crate::scenario::Warning::TeamTooBig {
                            work: work.id.clone(),
                            office: office.id.clone(),
                            people: office.headcount(),
                            team: work.team,
                        },
                    );
                }
            }
        }
    }
}

impl Validator<'_, '_> {
    /// An office whose work would need more than [`MAX_FTE`] full-time people is refused at
    /// the work type that brings it most hours: beyond it posts are no longer counted exactly
    /// in 64 bits (1e12 items of 1e12 hours gave u64::MAX posts and a plan total that wrapped).
    pub(super) fn check_size(&mut self, scenario: &Scenario, raw_works: &[S<raw::Work>]) {
        let volumes = crate::model::volumes(scenario, &scenario.coverage());
        let year_value = scenario.calendar.year_value();
        for (o, office) in scenario.offices.iter().enumerate() {
            // The analysis's FTE need, from the model's facts (validation runs before it).
            let required = volumes.required_hours(scenario, o);
            let fte_need = if year_value > 0.0 {
                required / year_value
            } else {
                0.0
            };
            if fte_need <= MAX_FTE {
                continue;
            }
            let hours = |w: usize| {
                volumes
                    .at_office
                    .get(w)
                    .and_then(|v| v.get(o))
                    .copied()
                    .unwrap_or(0.0)
                    * scenario.works[w].hours
            };
            let worst = (0..scenario.works.len()).max_by(|&a, &b| hours(a).total_cmp(&hours(b)));
            let (span, place) = match worst {
                Some(w) => (
                    raw_works.get(w).map_or(0..0, Spanned::span),
                    Place::table(Table::VolumeAndHours(format!(
                        "[[work]] \"{}\"",
                        scenario.works[w].id
                    ))),
                ),
                None => (0..0, Place::table(&format!("[[office]] \"{}\"", office.id))),
            };
            self.fail(
                span,
                place,
                problem::Work::TooMuchWork {
                    office: office.id.clone(),
                    fte: fte_need,
                    hours: required,
                    year_hours: year_value,
                },
            );
        }
    }
}

fn people(n: u32) -> String {
    match n {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    }
}
