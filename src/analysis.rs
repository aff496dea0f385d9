//! The deterministic weighted-caseload analysis (SPEC §3).
//!
//! Volumes follow the work chain in expectation: each work type's items at an office are its
//! external arrivals ([`Scenario::streams_with`]) plus `share ×` the items of every work type
//! that feeds it. Required hours, FTE need, utilisation, caseload per person, posts needed and
//! the gap follow from the volumes, the year value and the headcount. Nothing here does IO or
//! knows about TOML. Each office also gets Erlang C's wait where its work is one person per
//! item (SPEC §8). The tables of the result are in `export::analysis`. The optimiser reuses [`volumes`], [`unit_hours`] and
//! [`least_headcount`] so that its figures are the analysis's figures.

use serde::Serialize;

use crate::model::{Office, Scenario, WorkPlace};
use crate::queueing;

/// Relative tolerance when comparing a utilisation with its target, so that 0.85 computed
/// as 1358.3 / 1598 is not read as just above 0.85.
pub const TOLERANCE: f64 = 1e-9;

// The volumes are a fact of the scenario that validation needs too, so the model owns them.
pub use crate::model::{volumes, Volumes};

/// The work types an office has items of, with their volume and hours.
fn work_loads(scenario: &Scenario, volumes: &Volumes, office: usize) -> Vec<WorkLoad> {
    scenario
        .works
        .iter()
        .enumerate()
        .filter(|&(w, _)| volumes.at_office[w][office] > 0.0)
        .map(|(w, work)| WorkLoad {
            id: work.id.clone(),
            name: work.name.clone(),
            volume: volumes.at_office[w][office],
            hours_per_item: work.hours,
            required_hours: volumes.at_office[w][office] * work.hours,
            team: work.team,
        })
        .collect()
}

/// SPEC §13: where the load `required_hours` is at or above what the office's people can
/// serve (`capacity_hours`, i.e. FTE need ≥ casework persons), the items a year its backlog
/// grows by, λ − μc = items × (1 − C ÷ R); `None` where the people can serve it.
pub fn overload_growth(required_hours: f64, capacity_hours: f64, items: f64) -> Option<f64> {
    (required_hours > 0.0 && required_hours >= capacity_hours)
        .then(|| items * (1.0 - capacity_hours / required_hours))
}

/// Items open at the start of the simulated period (`[[work]] backlog`), `[work][office]`.
/// Office-level work keeps its whole backlog at its office. Covering-group work is spread
/// over the groups in proportion to their volume of it today (follow-up items included); the
/// shares become whole items by the largest remainder: each group gets the whole part of its
/// share, and the items left over go one each to the largest fractional parts, ties to the
/// group listed first, so the counts always add up to the backlog and never depend on
/// anything but the scenario. Covering-group work that no group has any volume of has
/// nowhere to be open, and is left out.
pub fn initial_backlog(scenario: &Scenario) -> Vec<Vec<u32>> {
    let offices = scenario.offices.len();
    let mut at_office = vec![vec![0u32; offices]; scenario.works.len()];
    if scenario.works.iter().all(|w| w.backlog == 0) {
        return at_office;
    }
    let volumes = volumes(scenario, &scenario.coverage());
    for (w, work) in scenario.works.iter().enumerate() {
        if work.backlog == 0 {
            continue;
        }
        match work.place {
            WorkPlace::Office(o) => at_office[w][o] = work.backlog,
            WorkPlace::CoveringGroup => {
                let row = &volumes.at_office[w];
                let total: f64 = row.iter().sum();
                if total <= 0.0 {
                    continue;
                }
                let shares: Vec<f64> = row
                    .iter()
                    .map(|v| f64::from(work.backlog) * v / total)
                    .collect();
                let mut given = 0u32;
                for (o, share) in shares.iter().enumerate() {
                    // floor of a share ≤ backlog, so the cast cannot overflow.
                    at_office[w][o] = share.floor() as u32;
                    given += at_office[w][o];
                }
                let mut by_remainder: Vec<usize> = (0..offices).filter(|&o| row[o] > 0.0).collect();
                by_remainder.sort_by(|&a, &b| {
                    let fraction = |o: usize| shares[o] - shares[o].floor();
                    fraction(b).total_cmp(&fraction(a)).then(a.cmp(&b))
                });
                for &o in by_remainder
                    .iter()
                    .cycle()
                    .take(work.backlog.saturating_sub(given) as usize)
                {
                    at_office[w][o] += 1;
                }
            }
        }
    }
    at_office
}

/// Hours a year that each unit brings to the group covering it: its covering-group workload
/// and the covering-group work that this workload starts down the chain. Independent of which
/// group covers it, which makes group loads linear in the allocation.
pub fn unit_hours(scenario: &Scenario) -> Vec<f64> {
    let per_item = covering_hours_per_item(scenario);
    scenario
        .units
        .iter()
        .map(|unit| {
            unit.workload
                .iter()
                .map(|&(w, rate)| rate * per_item[w])
                .sum()
        })
        .collect()
}

/// For each work type, the covering-group hours that one item of it causes at its group,
/// itself (if covering-group work) and its covering-group descendants included.
fn covering_hours_per_item(scenario: &Scenario) -> Vec<f64> {
    let mut per_item = vec![0.0; scenario.works.len()];
    for &w in scenario.chain_order().iter().rev() {
        let work = &scenario.works[w];
        if work.place != WorkPlace::CoveringGroup {
            continue;
        }
        per_item[w] = work.hours
            + work
                .next
                .iter()
                .map(|&(child, share)| share * per_item[child])
                .sum::<f64>();
    }
    per_item
}

/// The least headcount at which `office`, carrying `required_hours`, stays at or below the
/// `target` utilisation, and which is never below `floor` (team size, `min_staff`); `u32::MAX`
/// where it is larger, as the optimiser's headcounts are (it refuses such a plan by name).
pub fn least_headcount(
    office: &Office,
    required_hours: f64,
    year_value: f64,
    target: f64,
    floor: u32,
) -> u32 {
    u32::try_from(least_posts(
        office,
        required_hours,
        year_value,
        target,
        floor,
    ))
    .unwrap_or(u32::MAX)
}

/// [`least_headcount`] without a ceiling, for the analysis to report: beyond 2⁵³ as exact
/// as a double holds it.
pub fn least_posts(
    office: &Office,
    required_hours: f64,
    year_value: f64,
    target: f64,
    floor: u32,
) -> u64 {
    if required_hours <= 0.0 {
        return u64::from(floor);
    }
    if year_value <= 0.0 || target <= 0.0 {
        return u64::MAX;
    }
    let persons = required_hours / (year_value * target);
    // Closed form of the least value `fits` accepts (the tolerance is relative, so at a
    // trillion persons it is a thousand of them: a guess without it stepped down one at a
    // time), then a step or two down or up for rounding.
    let leaders = f64::from(office.leaders);
    let whole = (persons + leaders * (1.0 - office.leader_case_share)).ceil();
    if !whole.is_finite() {
        return u64::MAX;
    }
    if whole >= 2f64.powi(53) {
        return whole as u64;
    }
    let enough = persons * (1.0 - TOLERANCE);
    let mut guess = (enough + leaders * (1.0 - office.leader_case_share)).ceil();
    // Fewer people than leaders: each counts only for its share of casework.
    if office.leader_case_share > 0.0 {
        let among_leaders = (enough / office.leader_case_share).ceil();
        if among_leaders <= leaders {
            guess = guess.min(among_leaders);
        }
    }
    let fits = |n: u64| office.casework_persons(n) >= enough;
    let floor = u64::from(floor);
    let mut n = (guess.max(0.0) as u64).max(floor);
    while n > floor && fits(n - 1) {
        n -= 1;
    }
    // A step or two at most: `fits` holds from `persons` plus the leaders' share on.
    while !fits(n) {
        n += 1;
    }
    n
}

/// The analysis of one office.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeAnalysis {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// Headcount, all staff types together.
    pub staff: u32,
    /// Headcount by staff type id (a JSON object).
    #[serde(serialize_with = "pairs_as_map")]
    pub staff_by_type: Vec<(String, u32)>,
    pub leaders: u32,
    /// Person-equivalents for casework: staff less the non-case share of leaders.
    pub casework_persons: f64,
    pub capacity_hours: f64,
    pub required_hours: f64,
    pub fte_need: f64,
    /// `R / C`; `None` when the office has work but no capacity.
    pub utilisation: Option<f64>,
    /// Items a year, all work types together.
    pub items: f64,
    pub items_per_person: Option<f64>,
    pub hours_per_person: Option<f64>,
    pub largest_team: u32,
    pub posts_needed: u64,
    pub gap: i64,
    /// The people can serve the load: FTE need below casework persons (SPEC §13).
    pub stable: bool,
    /// Items a year the backlog grows by where unstable (λ − μc); 0 where stable.
    pub backlog_growth_per_year: f64,
    /// Units covered (dispatched groups).
    #[serde(skip)]
    pub covers: usize,
    /// Per work type with items here.
    pub works: Vec<WorkLoad>,
    /// The office as an M/M/c queue, where all its work needs one person (SPEC §8).
    pub erlang_c: Option<ErlangC>,
    /// WISN's figures per staff type (SPEC §16), only where the scenario uses WISN's keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wisn: Vec<Wisn>,
}

/// Erlang C's answer for an office whose work all needs one person: M/M/c with the office's
/// FTE need as the offered load and its whole casework persons as the servers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ErlangC {
    /// Probability that an item has to wait for a free person (1 when the load is at or
    /// above the servers: no steady state).
    pub p_wait: f64,
    /// Mean working days from arrival to start; `None` when the load is at or above the
    /// servers (the queue grows without bound).
    pub mean_wait_days: Option<f64>,
}

/// Erlang C for an office: `None` unless it has items and every work type with items there
/// has `team = 1`. Offered load `a = R ÷ H` (the FTE need), servers `c` = casework persons,
/// fractional allowed (SPEC §13, [`queueing::erlang_c_fractional`]), mean service time
/// `(R ÷ items) ÷ (H ÷ working_days)` days; mean wait `C × service ÷ (c − a)`.
pub fn erlang_c(
    scenario: &Scenario,
    volumes: &Volumes,
    office: usize,
    headcount: u32,
) -> Option<ErlangC> {
    let items = volumes.items(office);
    let all_single = volumes
        .at_office
        .iter()
        .zip(&scenario.works)
        .all(|(row, work)| row[office] <= 0.0 || work.team <= 1);
    let year_value = scenario.calendar.year_value();
    let per_day = scenario.calendar.casework_hours_per_day();
    if items <= 0.0 || !all_single || year_value <= 0.0 || per_day <= 0.0 {
        return None;
    }
    let required = volumes.required_hours(scenario, office);
    let offered_load = required / year_value;
    let persons = scenario.offices.get(office)?.casework_persons(headcount);
    let service_days = required / items / per_day;
    if service_days <= 0.0 {
        return None;
    }
    Some(match queueing::erlang_c_fractional(persons, offered_load) {
        Some(p_wait) => ErlangC {
            p_wait,
            mean_wait_days: Some(p_wait * service_days / (persons - offered_load)),
        },
        None => ErlangC {
            p_wait: 1.0,
            mean_wait_days: None,
        },
    })
}

/// `[(id, n)]` as a JSON object `{ id: n }`, in order.
fn pairs_as_map<S: serde::Serializer>(pairs: &[(String, u32)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// One work type's share of an office's load.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkLoad {
    pub id: String,
    pub name: String,
    pub volume: f64,
    pub hours_per_item: f64,
    pub required_hours: f64,
    pub team: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub staff: u32,
    pub capacity_hours: f64,
    pub required_hours: f64,
    pub fte_need: f64,
    pub utilisation: Option<f64>,
    pub posts_needed: u64,
    pub gap: i64,
    pub cost: f64,
    /// SPEC §14: covering-group hours a year of the units no group covers, the work nobody
    /// does today. Not in `required_hours`, which is the work the offices do.
    pub undone_hours: f64,
    /// Posts that work needs at the target utilisation ([`undone_posts`]).
    pub undone_posts: u64,
    /// `required_hours + undone_hours`: today's whole need, done or not.
    pub required_hours_incl_undone: f64,
    /// `posts_needed + undone_posts`: the need does not grow because a plan takes the work on.
    pub posts_needed_incl_undone: u64,
}

/// Posts the work nobody does needs at the target utilisation, as if whole persons did it
/// with no leaders and no team floor: `⌈hours ÷ (H × target)⌉` (0 without hours). Which group
/// takes the work on, and its team size, is the optimiser's choice, so the plan's posts may
/// differ by a group's floor.
pub fn undone_posts(hours: f64, year_value: f64, target: f64) -> u64 {
    if hours <= 0.0 {
        return 0;
    }
    if year_value <= 0.0 || target <= 0.0 {
        return u64::MAX;
    }
    let persons = hours / (year_value * target);
    // 5.0000000001 persons from rounding is 5 posts, not 6.
    let posts = (persons * (1.0 - TOLERANCE)).ceil();
    if posts.is_finite() && posts < 2f64.powi(53) {
        posts as u64
    } else {
        u64::MAX
    }
}

/// A unit that needs a dispatched group ([`Scenario::needs_group`]) but has none, and the
/// covering-group work it would bring.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UncoveredUnit {
    pub id: String,
    pub name: String,
    /// Covering-group hours a year, follow-up work at the group included ([`unit_hours`]).
    pub required_hours: f64,
    pub fte_need: f64,
}

/// The whole analysis of a scenario as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub scenario: String,
    pub year_value: f64,
    pub target_utilisation: f64,
    pub offices: Vec<OfficeAnalysis>,
    pub total: Total,
    /// Units no group covers, with the work nobody does for them.
    pub uncovered: Vec<UncoveredUnit>,
}

impl Analysis {
    /// Is the office above the target utilisation (past the rounding `TOLERANCE`), or without
    /// the capacity its work needs?
    pub fn over_target(&self, office: &OfficeAnalysis) -> bool {
        let target = self.target_utilisation * (1.0 + TOLERANCE);
        office.required_hours > 0.0 && office.utilisation.is_none_or(|u| u > target)
    }
}

pub fn analyse(scenario: &Scenario) -> Analysis {
    let coverage = scenario.coverage();
    let volumes = volumes(scenario, &coverage);
    let year_value = scenario.calendar.year_value();
    let target = scenario.policy.target_utilisation;
    let ratio = |a: f64, b: f64| if b > 0.0 { Some(a / b) } else { None };

    let offices: Vec<OfficeAnalysis> = scenario
        .offices
        .iter()
        .enumerate()
        .map(|(o, office)| {
            let staff = office.headcount();
            let required_hours = volumes.required_hours(scenario, o);
            let capacity_hours = office_capacity(scenario, &volumes, o);
            let items = volumes.items(o);
            let largest_team = volumes.largest_team(scenario, o);
            // A group the optimiser may leave closed, closed today with no work, needs nobody.
            let closed = office.optional && staff == 0 && required_hours == 0.0;
            let floor = if closed {
                0
            } else {
                largest_team.max(office.min_staff.unwrap_or(0))
            };
            let posts_needed = least_posts(office, required_hours, year_value, target, floor);
            let overload =
                overload_growth(required_hours, team_capacity(scenario, &volumes, o), items);
            let utilisation = if required_hours == 0.0 {
                Some(0.0)
            } else {
                ratio(required_hours, capacity_hours)
            };
            OfficeAnalysis {
                id: office.id.clone(),
                name: office.name.clone(),
                kind: office.kind.as_str(),
                staff,
                staff_by_type: scenario
                    .staff_types
                    .iter()
                    .zip(&office.staff)
                    .map(|(t, &n)| (t.id.clone(), n))
                    .collect(),
                leaders: office.leaders,
                casework_persons: office.casework_persons(staff),
                capacity_hours,
                required_hours,
                fte_need: ratio(required_hours, year_value).unwrap_or(0.0),
                utilisation,
                items,
                items_per_person: ratio(items, f64::from(staff)),
                hours_per_person: ratio(required_hours, f64::from(staff)),
                largest_team,
                posts_needed,
                gap: i64::from(staff)
                    .saturating_sub(i64::try_from(posts_needed).unwrap_or(i64::MAX)),
                stable: overload.is_none(),
                backlog_growth_per_year: overload.unwrap_or(0.0),
                covers: office.covers.len(),
                works: work_loads(scenario, &volumes, o),
                erlang_c: erlang_c(scenario, &volumes, o, staff),
                wisn: wisn_if_asked(scenario, &volumes, o),
            }
        })
        .collect();

    let capacity_hours: f64 = offices.iter().map(|o| o.capacity_hours).sum();
    let required_hours: f64 = offices.iter().map(|o| o.required_hours).sum();
    let uncovered: Vec<UncoveredUnit> = scenario
        .units
        .iter()
        .zip(&coverage)
        .zip(unit_hours(scenario))
        .enumerate()
        .filter(|(u, ((_, group), _))| group.is_none() && scenario.needs_group(*u))
        .map(|(_, pair)| pair)
        .map(|((unit, _), hours)| UncoveredUnit {
            id: unit.id.clone(),
            name: unit.name.clone(),
            required_hours: hours,
            fte_need: ratio(hours, year_value).unwrap_or(0.0),
        })
        .collect();
    let undone_hours: f64 = uncovered.iter().map(|u| u.required_hours).sum();
    let posts_needed = offices
        .iter()
        .fold(0u64, |sum, o| sum.saturating_add(o.posts_needed));
    let undone = undone_posts(undone_hours, year_value, target);
    let total = Total {
        staff: offices.iter().map(|o| o.staff).sum(),
        capacity_hours,
        required_hours,
        fte_need: offices.iter().map(|o| o.fte_need).sum(),
        utilisation: ratio(required_hours, capacity_hours),
        posts_needed,
        gap: offices
            .iter()
            .fold(0i64, |sum, o| sum.saturating_add(o.gap)),
        cost: scenario
            .offices
            .iter()
            .map(|office| scenario.cost(&office.staff))
            .sum(),
        undone_hours,
        undone_posts: undone,
        required_hours_incl_undone: required_hours + undone_hours,
        posts_needed_incl_undone: posts_needed.saturating_add(undone),
    };

    Analysis {
        scenario: scenario.name.clone(),
        year_value,
        target_utilisation: target,
        offices,
        total,
        uncovered,
    }
}

/// SPEC §16: does any staff type have its own calendar, or any work type its own staff types?
/// Then an office's capacity is counted person by person ([`casework_hours_by_person`]).
pub fn counts_by_cadre(scenario: &Scenario) -> bool {
    scenario.staff_types.iter().any(|t| !t.calendar.is_empty())
        || scenario.works.iter().any(|w| w.staff.is_some())
}

/// An office's casework hours a year with its people today: person by person where types
/// have their own calendars or work its own types (SPEC §16), else `[calendar]`'s year value
/// times its casework persons.
fn office_capacity(scenario: &Scenario, volumes: &Volumes, office: usize) -> f64 {
    match scenario.offices.get(office) {
        Some(_) if counts_by_cadre(scenario) => casework_hours_by_person(scenario, volumes, office)
            .iter()
            .sum(),
        Some(o) => o.capacity_hours(o.headcount(), &scenario.calendar),
        None => 0.0,
    }
}

/// SPEC §13, "team rules included": the casework hours a year the office's people can serve
/// when every item needs a team of at least the smallest `team` of the office's work: only
/// whole teams work at once, so the people left over when the headcount is not a multiple of
/// that team (the ones with the fewest hours) serve nothing. Three people whose only work needs
/// two at a time serve as two. Equal to the capacity where some work needs one person.
pub fn team_capacity(scenario: &Scenario, volumes: &Volumes, office: usize) -> f64 {
    let smallest_team = volumes
        .at_office
        .iter()
        .zip(&scenario.works)
        .filter(|(row, _)| row.get(office).is_some_and(|v| *v > 0.0))
        .map(|(_, work)| work.team.max(1))
        .min()
        .unwrap_or(1) as usize;
    if smallest_team <= 1 {
        return office_capacity(scenario, volumes, office);
    }
    let people = casework_hours_by_person(scenario, volumes, office)
        .into_iter()
        .map(|hours| (hours, 1))
        .collect();
    whole_team_hours(people, smallest_team as u32)
}

/// The rule of whole teams (SPEC §13), shared by the analysis and the optimiser: of the
/// people, given as (casework hours, how many have them) in any unit (hours a year, or
/// person-equivalents), only whole teams of `team` work at once, so those left over when the
/// people with hours are not a multiple of `team` (the ones with the fewest hours) serve
/// nothing. The sum of what the rest serve; everything where `team` is 0 or 1.
pub fn whole_team_hours(mut people: Vec<(f64, u64)>, team: u32) -> f64 {
    people.retain(|&(hours, count)| hours > 0.0 && count > 0);
    people.sort_by(|a, b| b.0.total_cmp(&a.0));
    let team = u64::from(team.max(1));
    let mut left = people.iter().map(|p| p.1).sum::<u64>() / team * team;
    let mut served = 0.0;
    for (hours, count) in people {
        let take = count.min(left);
        left -= take;
        // The analysis gives one person a row: `hours × 1`, so its sum is the plain sum.
        served += hours * take as f64;
    }
    served
}

/// [`whole_team_hours`] for `headcount` people of `office` who all keep one calendar, in
/// person-equivalents: each person 1, each leader `leader_case_share` (the optimiser's
/// capacity, which counts one year value). Equal to [`Office::casework_persons`] where
/// `team` is 0 or 1.
pub fn whole_team_persons(office: &Office, headcount: u32, team: u32) -> f64 {
    if team <= 1 {
        return office.casework_persons(headcount);
    }
    let leaders = office.leaders.min(headcount);
    let people = vec![
        (1.0, u64::from(headcount - leaders)),
        (office.leader_case_share, u64::from(leaders)),
    ];
    whole_team_hours(people, team)
}

/// Each person's casework hours a year at `office` (in type order, its leaders the last
/// `leaders`): the year value of the person's type (its own calendar, SPEC §16), a leader's
/// `leader_case_share` of it, and none for a type that may do none of the office's work
/// where it has work. The analysis's capacity is their sum and the simulation's people work
/// at these hours over the working days, so the two count one capacity.
pub fn casework_hours_by_person(scenario: &Scenario, volumes: &Volumes, office: usize) -> Vec<f64> {
    let Some(o) = scenario.offices.get(office) else {
        return Vec::new();
    };
    let works = scenario.works.len();
    let has_work = (0..works).any(|w| volumes.at_office[w][office] > 0.0);
    let headcount = o.headcount();
    let leaders = o.leaders.min(headcount);
    o.staff
        .iter()
        .enumerate()
        .flat_map(|(t, &n)| std::iter::repeat_n(t, n as usize))
        .enumerate()
        .map(|(i, t)| {
            let serves = !has_work
                || (0..works)
                    .any(|w| volumes.at_office[w][office] > 0.0 && scenario.may_do(w, office, t));
            let year = if serves {
                scenario.calendar_of(t).year_value()
            } else {
                0.0
            };
            if i as u32 >= headcount - leaders {
                year * o.leader_case_share
            } else {
                year
            }
        })
        .collect()
}

/// WISN's figures for an office, only for a scenario that uses WISN's keys (SPEC §16), so
/// the caseload scenarios' output is unchanged.
fn wisn_if_asked(scenario: &Scenario, volumes: &Volumes, office: usize) -> Vec<Wisn> {
    if scenario.uses_wisn() {
        wisn(scenario, volumes, office)
    } else {
        Vec::new()
    }
}

/// WISN's reading of a WISN ratio, three bands and no more: below 1 a shortage (fewer staff
/// than the workload requires; the lower the ratio, the greater the workload pressure), 1 in
/// balance, above 1 an excess. The method is the WHO's (*Workload Indicators of Staffing Need:
/// user's manual*, 2010, its last step, "Analyse and interpret WISN results"); the reading is
/// worded as in Burmen et al., Human Resources for Health 15:9 (2017), abstract, "Case
/// presentation": "A ratio of 1.0 indicated optimal staffing, less than 1.0 indicated
/// suboptimal staffing, and more than 1 indicated supra optimal staffing". No numbered
/// sub-bands (such as "below 0.5: very high pressure") could be traced to the manual or to a
/// study whose text was at hand, so staffplan uses none. Equality to 1 is within `TOLERANCE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pressure {
    Shortage,
    Balanced,
    Excess,
}

impl Pressure {
    /// The reading of a ratio `existing ÷ required`.
    pub fn of(ratio: f64) -> Pressure {
        if ratio < 1.0 - TOLERANCE {
            Pressure::Shortage
        } else if ratio > 1.0 + TOLERANCE {
            Pressure::Excess
        } else {
            Pressure::Balanced
        }
    }
}

/// The 5th and 95th percentiles of a WISN figure over the draws of the scenario's ranges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WisnBand {
    pub p5: f64,
    pub p95: f64,
}

/// WISN's figures for one staff type at one office (SPEC §16, after the WHO's user's manual,
/// 2010): available working time `AWT` = (working days − leave − training) × hours a day of
/// the type's calendar; standard workload of a work type = AWT ÷ hours per item; category
/// allowance factor `CAF` = 1 ÷ (1 − non_case_share); individual allowance factor `IAF` =
/// the type's allowance hours at the office ÷ AWT; required = Σ workload ÷ standard workload
/// × CAF + IAF; difference = existing − required; ratio = existing ÷ required.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wisn {
    /// The staff type's id.
    pub staff: String,
    /// Items one person of the type does in a year of available working time, per work type
    /// the type does here (a JSON object by work type id).
    #[serde(serialize_with = "reals_as_map")]
    pub standard_workload: Vec<(String, f64)>,
    pub caf: f64,
    pub iaf: f64,
    pub required: f64,
    pub existing: u32,
    pub difference: f64,
    /// `None` where nothing is required.
    pub ratio: Option<f64>,
    pub pressure: Option<Pressure>,
    /// With ranges (SPEC §9): `required` over the draws.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_band: Option<WisnBand>,
    /// With ranges: `ratio` over the draws.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio_band: Option<WisnBand>,
    /// Workload hours a year that fall to the type here.
    #[serde(skip)]
    pub workload_hours: f64,
}

fn reals_as_map<S: serde::Serializer>(pairs: &[(String, f64)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// The share of work `w` at `office` that falls to each staff type: all of it to the one
/// type that may do it; where several may, in proportion to their headcount today (equal
/// shares where none of them has anyone), because WISN itself counts each cadre's own
/// workload and a shared work type has to be divided somehow to be counted per cadre.
pub fn cadre_shares(scenario: &Scenario, w: usize, office: usize) -> Vec<f64> {
    let types = scenario.staff_types.len();
    let may: Vec<bool> = (0..types).map(|t| scenario.may_do(w, office, t)).collect();
    let staff = scenario.offices.get(office).map(|o| &o.staff);
    let weight = |t: usize| f64::from(staff.and_then(|s| s.get(t).copied()).unwrap_or(0));
    let total: f64 = (0..types).filter(|&t| may[t]).map(weight).sum();
    let count = may.iter().filter(|&&m| m).count() as f64;
    (0..types)
        .map(|t| match (may[t], total > 0.0) {
            (false, _) => 0.0,
            (true, true) => weight(t) / total,
            (true, false) => 1.0 / count,
        })
        .collect()
}

/// WISN's figures of each staff type at `office` that the office allows and that has people,
/// work or an allowance there.
pub fn wisn(scenario: &Scenario, volumes: &Volumes, office: usize) -> Vec<Wisn> {
    let Some(o) = scenario.offices.get(office) else {
        return Vec::new();
    };
    let shares: Vec<Vec<f64>> = (0..scenario.works.len())
        .map(|w| cadre_shares(scenario, w, office))
        .collect();
    scenario
        .staff_types
        .iter()
        .enumerate()
        .filter(|&(t, _)| o.allowed_staff.get(t).copied().unwrap_or(false))
        .filter_map(|(t, ty)| {
            let calendar = scenario.calendar_of(t);
            let awt = calendar.available_hours();
            let per_awt = |hours: f64| {
                if awt > 0.0 {
                    hours / awt
                } else {
                    f64::INFINITY
                }
            };
            let mut standard_workload = Vec::new();
            let mut workload_hours = 0.0;
            for (w, work) in scenario.works.iter().enumerate() {
                let items = volumes.at_office[w][office] * shares[w][t];
                if items > 0.0 {
                    workload_hours += items * work.hours;
                    if work.hours > 0.0 {
                        standard_workload.push((work.id.clone(), awt / work.hours));
                    }
                }
            }
            let allowance: f64 = o
                .allowances
                .iter()
                .filter(|a| a.staff == t)
                .map(|a| a.hours * f64::from(a.persons))
                .sum();
            let existing = o.staff.get(t).copied().unwrap_or(0);
            if existing == 0 && workload_hours <= 0.0 && allowance <= 0.0 {
                return None;
            }
            let caf = 1.0 / (1.0 - calendar.non_case_share);
            let iaf = per_awt(allowance);
            let required = per_awt(workload_hours) * caf + iaf;
            let ratio = (required > 0.0).then(|| f64::from(existing) / required);
            Some(Wisn {
                staff: ty.id.clone(),
                standard_workload,
                caf,
                iaf,
                required,
                existing,
                difference: f64::from(existing) - required,
                ratio,
                pressure: ratio.map(Pressure::of),
                required_band: None,
                ratio_band: None,
                workload_hours,
            })
        })
        .collect()
}
