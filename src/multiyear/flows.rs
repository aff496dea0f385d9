//! The expected-value stock and flow of SPEC §10, per office and staff type: `staff` =
//! `staff_before_hires` + `hires_arriving`, `leavers` = attrition × `staff`, next year's
//! `staff_before_hires` = `staff` − `leavers`; hires requested in year t arrive in year
//! t + lag, ⌈posts needed − staff expected⌉ of the arrival year (its staff before hires and the
//! hires already due), at least 0, capped by `hires_per_year`, the arrival year's quota and
//! the office's `max_staff` (its expected staff stays within it from the arrival on); a
//! `fixed` office requests nothing; nothing is requested that would arrive after the last
//! year. With `[plan] confidence` the
//! staff expected is replaced by the staff the office has in at least that share of the
//! outcomes ([`super::risk`]).
//!
//! Offices request in file order, each year; within an office, staff types cheapest first
//! (ties in the scenario's order), each for what the cheaper ones leave. Where staff types
//! have different lags, a dearer type is not requested for a year that a cheaper type with a
//! shorter lag can still be requested for within its quota and cap.

use super::CutBy;
use crate::model::{Horizon, Office, Scenario, StaffType};

/// Most hires one request may ask for: a posts-needed figure beyond it comes from a scenario
/// out of proportion, and the Monte Carlo refuses what follows.
const MAX_REQUEST: f64 = 1_000_000.0;

/// One office's flows over the years (index 0 is year 1).
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeFlows {
    pub before_hires: Vec<f64>,
    pub staff: Vec<f64>,
    pub leavers: Vec<f64>,
    /// `[staff type][year]`: hires requested in that year.
    pub requested: Vec<Vec<u64>>,
    /// `[staff type][year]`: hires arriving in that year.
    pub arriving: Vec<Vec<u64>>,
}

/// A request cut by a rule (years 1-based, indices into the scenario).
#[derive(Debug, Clone, PartialEq)]
pub struct RawBinding {
    pub requested_in: u32,
    pub arrival: u32,
    pub office: usize,
    pub staff_type: usize,
    pub rule: CutBy,
    pub wanted: u64,
    pub granted: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flows {
    pub offices: Vec<OfficeFlows>,
    pub binding: Vec<RawBinding>,
}

/// The stock of one staff type at one office over the years: (before hires, staff, leavers).
fn stock(today: f64, attrition: f64, arriving: &[u64]) -> [Vec<f64>; 3] {
    let mut before = Vec::with_capacity(arriving.len());
    let mut staff = Vec::with_capacity(arriving.len());
    let mut leavers = Vec::with_capacity(arriving.len());
    let mut b = today;
    for &a in arriving {
        let s = b + a as f64;
        let l = attrition * s;
        before.push(b);
        staff.push(s);
        leavers.push(l);
        b = s - l;
    }
    [before, staff, leavers]
}

/// The expected plan, given each year's posts needed per office (`needs[year][office]`, the
/// second of each pair).
pub fn expected(scenario: &Scenario, needs: &[Vec<(f64, u64)>], horizon: Horizon) -> Flows {
    let years = horizon.years as usize;
    let types = &scenario.staff_types;
    let offices = &scenario.offices;
    let order = cheapest_first(types);
    let quota = |k: usize, a: usize| -> Option<u32> {
        match &scenario.policy.quota_by_year[k] {
            Some(by_year) => by_year.get(a).copied(),
            None => scenario.policy.quota[k],
        }
    };
    let mut arriving = vec![vec![vec![0u64; years]; types.len()]; offices.len()];
    let mut requested = arriving.clone();
    // Expected staff of each type at each office, and of each type in all, every year.
    let (mut staff, mut total) = staff_without_hires(scenario, years);
    let mut binding = Vec::new();
    // `t` is the year of the request; it reads the years after it (the arrival `a`) too.
    #[allow(clippy::needless_range_loop)]
    for t in 0..years {
        let mut cap_left: Vec<Option<u64>> = types
            .iter()
            .map(|k| k.hires_per_year.map(u64::from))
            .collect();
        for (o, office) in offices.iter().enumerate() {
            for (i, &k) in order.iter().enumerate() {
                if !office.allowed_staff[k] {
                    continue;
                }
                let lag = types[k].hiring_lag_years as usize;
                let a = t + lag;
                if a >= years {
                    continue;
                }
                let expected = counted_staff(scenario, horizon, o, (&staff[o], &arriving[o]), a);
                let posts = needs[a][o].1 as f64;
                let mut need = (posts - expected - super::SHORT)
                    .ceil()
                    .clamp(0.0, MAX_REQUEST) as u64;
                // A cheaper type with a shorter lag can still be requested for year `a` in a
                // later year: the dearer type takes only what that one's quota and cap leave.
                for &cheaper in &order[..i] {
                    if need == 0 {
                        break;
                    }
                    if !office.allowed_staff[cheaper]
                        || types[cheaper].hiring_lag_years as usize >= lag
                    {
                        continue;
                    }
                    let room = quota(cheaper, a).map_or(u64::MAX, |q| {
                        (f64::from(q) - total[cheaper][a] + super::SHORT)
                            .floor()
                            .max(0.0) as u64
                    });
                    let cap = types[cheaper].hires_per_year.map_or(u64::MAX, u64::from);
                    need = need.saturating_sub(room.min(cap));
                }
                if need == 0 {
                    continue;
                }
                let quota_room = quota(k, a)
                    .map(|q| (f64::from(q) - total[k][a] + super::SHORT).floor().max(0.0) as u64);
                let office_cut = office_room(office, &staff[o], types[k].attrition, a);
                let (granted, rule) = tightest(
                    need,
                    &[
                        (cap_left[k], CutBy::HiresPerYear),
                        (quota_room, CutBy::Quota),
                        (
                            office_cut.map(|c| c.0),
                            office_cut.map_or(CutBy::MaxStaff, |c| c.1),
                        ),
                    ],
                );
                if let Some(rule) = rule {
                    binding.push(RawBinding {
                        requested_in: t as u32 + 1,
                        arrival: a as u32 + 1,
                        office: o,
                        staff_type: k,
                        rule,
                        wanted: need,
                        granted,
                    });
                }
                // A fixed office is short for every type alike: one cut says so.
                if rule == Some(CutBy::Fixed) {
                    break;
                }
                if granted == 0 {
                    continue;
                }
                arriving[o][k][a] += granted;
                requested[o][k][t] += granted;
                if let Some(left) = &mut cap_left[k] {
                    *left -= granted;
                }
                let [_, new, _] = stock(
                    f64::from(office.staff[k]),
                    types[k].attrition,
                    &arriving[o][k],
                );
                for (y, (old, new)) in staff[o][k].iter().zip(&new).enumerate() {
                    total[k][y] += new - old;
                }
                staff[o][k] = new;
            }
        }
    }
    let flows = offices
        .iter()
        .enumerate()
        .map(|(o, office)| office_flows(scenario, office, &requested[o], &arriving[o]))
        .collect();
    Flows {
        offices: flows,
        binding,
    }
}

/// The hires `need` leaves the tightest of these rooms (in order, the later on a tie), and
/// the rule that cut them, if any did.
fn tightest(need: u64, rooms: &[(Option<u64>, CutBy)]) -> (u64, Option<CutBy>) {
    let mut granted = need;
    let mut rule = None;
    for &(room, cut) in rooms {
        if let Some(room) = room.filter(|&room| room < granted) {
            granted = room;
            rule = Some(cut);
        }
    }
    (granted, rule)
}

/// Hires of a type with this attrition the office may still take in year `a` (0-based), and
/// the rule that limits them: none where it is `fixed` (the planner keeps it as it is), else
/// as many as keep its expected staff (`[type][year]`) within `max_staff` in year `a` and
/// every later year, where the hires have left at the type's attrition. `None`: no limit.
fn office_room(
    office: &Office,
    staff: &[Vec<f64>],
    attrition: f64,
    a: usize,
) -> Option<(u64, CutBy)> {
    if office.fixed {
        return Some((0, CutBy::Fixed));
    }
    let most = f64::from(office.max_staff?);
    let years = staff.first().map_or(0, Vec::len);
    let mut staying = 1.0;
    let mut room = u64::MAX;
    for y in a..years {
        let expected: f64 = staff.iter().map(|row| row[y]).sum();
        if staying > 0.0 {
            let fits = ((most - expected + super::SHORT) / staying)
                .floor()
                .max(0.0);
            room = room.min(fits.min(MAX_REQUEST) as u64);
        }
        staying *= 1.0 - attrition;
    }
    Some((room, CutBy::MaxStaff))
}

/// The staff office `o` counts on in year `a` (0-based), from its stocks (`[type][year]`,
/// expected) and arrivals (`[type][year]`): the expected staff, or with `[plan] confidence`
/// the staff it has in at least that share of the outcomes (SPEC §13).
fn counted_staff(
    scenario: &Scenario,
    horizon: Horizon,
    o: usize,
    (staff, arriving): (&[Vec<f64>], &[Vec<u64>]),
    a: usize,
) -> f64 {
    match horizon.confidence {
        Some(level) => {
            let office = &scenario.offices[o];
            super::risk::staff_at_least(office, &scenario.staff_types, arriving, a, level) as f64
        }
        None => staff.iter().map(|row| row[a]).sum(),
    }
}

/// Staff types cheapest first; ties in the scenario's order.
fn cheapest_first(types: &[StaffType]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..types.len()).collect();
    order.sort_by(|&a, &b| types[a].cost.total_cmp(&types[b].cost).then(a.cmp(&b)));
    order
}

/// Expected staff of each type at each office every year with no hire (`[office][type][year]`),
/// and of each type in all (`[type][year]`).
#[allow(clippy::type_complexity)]
fn staff_without_hires(scenario: &Scenario, years: usize) -> (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>) {
    let types = &scenario.staff_types;
    let none = vec![0u64; years];
    let staff: Vec<Vec<Vec<f64>>> = scenario
        .offices
        .iter()
        .map(|o| {
            (0..types.len())
                .map(|k| {
                    let [_, s, _] = stock(f64::from(o.staff[k]), types[k].attrition, &none);
                    s
                })
                .collect()
        })
        .collect();
    let mut total = vec![vec![0.0; years]; types.len()];
    for office in &staff {
        for (k, row) in office.iter().enumerate() {
            for (t, s) in row.iter().enumerate() {
                total[k][t] += s;
            }
        }
    }
    (staff, total)
}

/// One office's stocks and flows, all types together, from its requests and arrivals.
fn office_flows(
    scenario: &Scenario,
    office: &Office,
    requested: &[Vec<u64>],
    arriving: &[Vec<u64>],
) -> OfficeFlows {
    let years = arriving.first().map_or(0, Vec::len);
    let mut f = OfficeFlows {
        before_hires: vec![0.0; years],
        staff: vec![0.0; years],
        leavers: vec![0.0; years],
        requested: requested.to_vec(),
        arriving: arriving.to_vec(),
    };
    for (k, ty) in scenario.staff_types.iter().enumerate() {
        let [b, s, l] = stock(f64::from(office.staff[k]), ty.attrition, &arriving[k]);
        for t in 0..years {
            f.before_hires[t] += b[t];
            f.staff[t] += s[t];
            f.leavers[t] += l[t];
        }
    }
    f
}
