//! Service levels: a plan that its own simulation confirms (SPEC §8).
//!
//! The optimiser meets the utilisation target, which says nothing about deadlines: an office
//! at 81 % whose reviews need three people at once can still finish too few in time. Where the
//! scenario sets `on_time` targets, [`confirm`] simulates the plan with the command's seed and
//! runs, adds a post where an office misses a target (the cheapest staff type the office may
//! have within the quotas and the budget), and then takes back every added post whose removal
//! keeps every target. Every candidate is simulated with the same seed, so that two plans are
//! compared on the same arrivals and efforts (common random numbers), not on noise.
//!
//! Where the figures say more posts stop helping (a deadline shorter than the work itself, a
//! team that cannot be fielded), or no post may be added, the office and work are reported in
//! [`ServicePlan::unmet`] instead of looping: every office gets a post at most
//! [`MAX_POSTS_PER_OFFICE`] times and the whole search stops after [`MAX_ROUNDS`] simulations,
//! fewer where a simulation is large: the screening simulations together may simulate about
//! [`WORK_PER_RUN_ASKED`] times the work of the runs asked, or [`WORK_FLOOR`] items, whichever
//! is more ([`rounds_for`]), so that the check's work stays in proportion to the command's.
//!
//! Where every work type of an office needs one person per item, the M/M/c response time
//! (`queueing`) gives a first headcount to start from, one post short of what the formula asks
//! (the formula assumes exponential effort, more variable than the scenario's), so the
//! simulation decides the last post.
//!
//! This module sits above `optimise` and `simulate`: it takes a plan as a `Scenario` and
//! returns another, and never imports the solver.

use crate::analysis::{self, Analysis};
use crate::model::Scenario;
mod check;
mod limit;
mod memo;

pub use check::{shares_shown, BeyondQuota, Confirmed, ServiceCheck, ServiceUnmet, Shortfall};
use limit::items_per_run;
pub use limit::{
    rounds_for, CheckLimit, ITEMS_PER_SECOND, SEARCH_SHARE, WORK_FLOOR, WORK_PER_RUN_ASKED,
};
use memo::Memo;

use crate::optimise::Recommendation;
use crate::queueing::Mmc;
use crate::simulate::{self, SimOptions, SimulateError, Simulation};

/// Most simulations one confirmation runs (additions and removals together).
pub const MAX_ROUNDS: u32 = 40;
/// Most posts the search adds to one office.
pub const MAX_POSTS_PER_OFFICE: u32 = 20;
/// Least rise of an office's worst on-time share, in share points, for a post to count as
/// helping; two posts in a row that help less end the search at that office.
pub const MIN_GAIN: f64 = 0.005;

/// The plan after the service check, with the simulation that confirms it.
#[derive(Debug, Clone)]
struct ServicePlan {
    scenario: Scenario,
    simulation: Simulation,
    check: ServiceCheck,
}

/// Whether any work type of the scenario has an on-time target.
pub fn has_targets(scenario: &Scenario) -> bool {
    (0..scenario.works.len()).any(|w| scenario.on_time_target(w).is_some())
}

/// Confirms the recommendation of `scenario` in its own simulation, adding and then removing
/// posts as the module doc says. Returns the recommendation restaffed (its figures and
/// explanations worked out again for the confirmed staffing) with its [`ServiceCheck`], and
/// the simulation of the confirmed plan; without targets, the recommendation as it came and
/// no simulation.
pub fn confirm(
    scenario: &Scenario,
    recommendation: Recommendation,
    options: &SimOptions,
) -> Result<(Confirmed, Option<Simulation>), SimulateError> {
    if !has_targets(&recommendation.after) {
        return Ok((unchecked(recommendation), None));
    }
    let pool = simulate::simulation_pool(options.threads)?;
    confirm_on(&pool, scenario, recommendation, options)
}

/// [`confirm`] on a pool the caller built (a pipeline builds one for all its stages).
pub fn confirm_on(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    recommendation: Recommendation,
    options: &SimOptions,
) -> Result<(Confirmed, Option<Simulation>), SimulateError> {
    confirm_within(pool, scenario, recommendation, options, CheckLimit::none())
}

/// [`confirm_on`] within a limit (`optimise --time-limit`): no simulation is begun that would
/// pass it, and the check says what stopped it and on how many runs its figures rest. Where
/// the limit leaves no room for a single run, nothing is simulated (`runs` 0) and the
/// recommendation comes back as it was.
pub fn confirm_within(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    recommendation: Recommendation,
    options: &SimOptions,
    limit: CheckLimit,
) -> Result<(Confirmed, Option<Simulation>), SimulateError> {
    if !has_targets(&recommendation.after) {
        return Ok((unchecked(recommendation), None));
    }
    let Some(plan) = search(&recommendation.after, options, pool, limit)? else {
        let offices = recommendation.after.offices.len();
        let types = recommendation.after.staff_types.len();
        let check = ServiceCheck {
            met: false,
            unmet: Vec::new(),
            posts: vec![vec![0; types]; offices],
            cost: 0.0,
            on_time_before_service: vec![None; offices],
            on_time_after: vec![None; offices],
            beyond_quota: None,
            rounds: 0,
            runs: 0,
            runs_asked: options.runs,
            seed: options.seed,
            stopped_by: Some(limit.stopped_by()),
        };
        let confirmed = Confirmed {
            recommendation,
            check: Some(check),
        };
        return Ok((confirmed, None));
    };
    let staff = plan
        .scenario
        .offices
        .iter()
        .map(|o| o.staff.clone())
        .collect();
    let confirmed = Confirmed {
        recommendation: recommendation.restaffed(scenario, staff),
        check: Some(plan.check),
    };
    Ok((confirmed, Some(plan.simulation)))
}

/// A recommendation of a scenario without on-time targets: nothing to check.
fn unchecked(recommendation: Recommendation) -> Confirmed {
    Confirmed {
        recommendation,
        check: None,
    }
}

/// Runs of each simulation while the search compares headcounts. The plan it settles on is then
/// simulated with all the command's runs (and posts added again, should the longer simulation
/// show a target missed). Run *i* draws the same numbers whatever the number of runs, so the
/// search's runs are the first runs of the confirming simulation, not other ones.
pub const SEARCH_RUNS: u32 = 200;

/// The search itself, on a plan as a scenario; `None` where the limit leaves no room for a
/// single run of it.
fn search(
    plan: &Scenario,
    options: &SimOptions,
    pool: &rayon::ThreadPool,
    limit: CheckLimit,
) -> Result<Option<ServicePlan>, SimulateError> {
    let mut memo = Memo::new(pool, limit);
    // The screening runs, fewer where the limit affords fewer.
    let fitting = memo.spending.runs_fitting(items_per_run(plan, options));
    let screening = SimOptions {
        runs: options.runs.min(SEARCH_RUNS).min(fitting),
        ..options.clone()
    };
    if screening.runs == 0 {
        return Ok(None);
    }
    let mut search = Search::new(plan, &screening, options.runs, &mut memo)?;
    search.screen()?;
    let before_service = search.worst_shares();
    search.add_until_met()?;
    search.remove_unneeded()?;
    if screening.runs < options.runs {
        search.confirm_with_more_runs(options)?;
    }
    let mut found = search.finish(before_service);
    found.check.runs_asked = options.runs;
    let short_of_room = found
        .check
        .unmet
        .iter()
        .any(|u| u.reason == Shortfall::NoRoom);
    if short_of_room && memo.affords(&found.scenario, &screening) {
        let (beyond, no_gain) = beyond_quota(&found.scenario, &screening, options.runs, &mut memo)?;
        // Where more posts stopped helping even beyond the quotas, the quota is not what
        // stands in the way: the target cannot be met by posts at all.
        for unmet in &mut found.check.unmet {
            if unmet.reason == Shortfall::NoRoom && no_gain.contains(&unmet.office) {
                unmet.reason = Shortfall::NoGain;
            }
        }
        if found
            .check
            .unmet
            .iter()
            .any(|u| u.reason == Shortfall::NoRoom)
        {
            found.check.beyond_quota = Some(beyond);
        }
    }
    found.check.stopped_by = memo.spending.stopped;
    Ok(Some(found))
}

/// The same search from the confirmed plan with the quotas and the budget lifted: how many
/// more posts the on-time targets need than the quotas allow, and the offices (ids) whose
/// targets more posts stopped raising even then.
fn beyond_quota(
    plan: &Scenario,
    options: &SimOptions,
    asked_runs: u32,
    memo: &mut Memo<'_>,
) -> Result<(BeyondQuota, Vec<String>), SimulateError> {
    let mut unlimited = plan.clone();
    unlimited.policy.quota.iter_mut().for_each(|q| *q = None);
    unlimited.policy.budget = None;
    let mut search = Search::new(&unlimited, options, asked_runs, memo)?;
    search.add_until_met()?;
    search.remove_unneeded()?;
    let no_gain: Vec<String> = (0..plan.offices.len())
        .filter(|&o| search.given_up[o] == Some(Shortfall::NoGain))
        .map(|o| plan.offices[o].id.clone())
        .collect();
    let found = search.finish(Vec::new());
    Ok((
        BeyondQuota {
            cost: found.check.cost,
            met: found.check.met,
            posts: found.check.posts,
        },
        no_gain,
    ))
}

struct Search<'a, 'm, 'p> {
    start: &'a Scenario,
    memo: &'m mut Memo<'p>,
    options: SimOptions,
    current: Scenario,
    simulation: Simulation,
    rounds: u32,
    /// [`MAX_ROUNDS`], or fewer where the simulations are large ([`rounds_for`]).
    max_rounds: u32,
    added: Vec<u32>,
    /// Offices the search has stopped adding to, and why.
    given_up: Vec<Option<Shortfall>>,
}

impl<'a, 'm, 'p> Search<'a, 'm, 'p> {
    fn new(
        plan: &'a Scenario,
        options: &SimOptions,
        asked_runs: u32,
        memo: &'m mut Memo<'p>,
    ) -> Result<Search<'a, 'm, 'p>, SimulateError> {
        let simulation = memo.simulate(plan, options)?;
        // Every plan of the search runs in the warm-up `auto` chose for the first (SPEC §13),
        // so that they compare in one steady state and none pays for choosing it again.
        let options = SimOptions {
            warmup: simulate::Warmup::Days(simulation.warmup_days),
            ..options.clone()
        };
        let per_run = items_per_run(plan, &options);
        let max_rounds = rounds_for(
            per_run * f64::from(options.runs),
            per_run * f64::from(asked_runs),
        );
        Ok(Search {
            start: plan,
            memo,
            options,
            current: plan.clone(),
            simulation,
            rounds: 1,
            max_rounds,
            added: vec![0; plan.offices.len()],
            given_up: vec![None; plan.offices.len()],
        })
    }

    /// Simulates the plan as it now stands, one more round.
    fn simulate(&mut self) -> Result<Simulation, SimulateError> {
        self.rounds += 1;
        self.memo.simulate(&self.current, &self.options)
    }

    /// Whether the limit lets one more simulation of the search's runs begin (its cost does not
    /// depend on the staffing).
    fn affords(&mut self) -> bool {
        self.memo.affords(&self.current, &self.options)
    }

    /// The plan the search settled on, simulated with the runs asked (as many as the limit
    /// affords, where more than the screening's), and posts added again should that show a
    /// target missed.
    fn confirm_with_more_runs(&mut self, asked: &SimOptions) -> Result<(), SimulateError> {
        let wanted = SimOptions {
            warmup: self.options.warmup,
            ..asked.clone()
        };
        let fitting = self
            .memo
            .spending
            .runs_fitting(items_per_run(&self.current, &wanted));
        let runs = asked.runs.min(fitting);
        if runs < asked.runs {
            // What stopped the full confirmation, though fewer runs may still fit.
            self.memo.affords(&self.current, &wanted);
        }
        if runs <= self.options.runs {
            return Ok(());
        }
        self.options = SimOptions { runs, ..wanted };
        // Rounds with every run cost as much as the command's simulation each: as many more
        // as the check's work allows, the confirmation among them.
        let per_run = items_per_run(&self.current, &self.options);
        let more = rounds_for(per_run * f64::from(runs), per_run * f64::from(asked.runs));
        self.max_rounds = MAX_ROUNDS.min(self.rounds.saturating_add(more));
        self.simulation = self.simulate()?;
        self.add_until_met()
    }

    /// Raises offices whose work all needs one person to one post short of the M/M/c
    /// headcount, before the first simulation that counts.
    fn screen(&mut self) -> Result<(), SimulateError> {
        // The raised plan must be simulated to count: where the limit forbids it, none.
        if !self.affords() {
            return Ok(());
        }
        let analysis = analysis::analyse(&self.current);
        let mut raised = false;
        for o in 0..self.current.offices.len() {
            let Some(wanted) = screened_persons(&self.current, &analysis, o) else {
                continue;
            };
            let office = &self.current.offices[o];
            let persons = office.casework_persons(office.headcount()).floor() as u32;
            for _ in persons..wanted.saturating_sub(1) {
                if self.added[o] >= MAX_POSTS_PER_OFFICE || !self.add_post(o) {
                    break;
                }
                raised = true;
            }
        }
        if raised {
            // The screened plan is what the search starts from.
            self.simulation = self.simulate()?;
        }
        Ok(())
    }

    /// Adds a post where an office misses a target, one office at a time per round, until
    /// every target holds or no office can be helped.
    fn add_until_met(&mut self) -> Result<(), SimulateError> {
        let mut stalled = vec![0_u32; self.current.offices.len()];
        let mut unhelpful: Vec<Vec<usize>> = vec![Vec::new(); self.current.offices.len()];
        while self.rounds < self.max_rounds {
            let missing: Vec<usize> = (0..self.current.offices.len())
                .filter(|&o| self.given_up[o].is_none() && worst_gap(&self.simulation, o) > 0.0)
                .collect();
            if missing.is_empty() {
                return Ok(());
            }
            if !self.affords() {
                break;
            }
            let mut tried = Vec::new();
            for &o in &missing {
                if self.added[o] >= MAX_POSTS_PER_OFFICE {
                    self.given_up[o] = Some(Shortfall::NoGain);
                    continue;
                }
                match self.cheapest_post(o) {
                    Some(t) => {
                        self.put(o, t, 1);
                        tried.push((o, t, worst_share(&self.simulation, o).unwrap_or(0.0)));
                    }
                    None => self.given_up[o] = Some(Shortfall::NoRoom),
                }
            }
            if tried.is_empty() {
                continue;
            }
            let simulation = self.simulate()?;
            // Posts taken back need a simulation of their own; where the limit forbids it,
            // they stay, and the plan is the one just simulated.
            let may_take_back = self.affords();
            let mut took_back = false;
            for (o, t, before) in tried {
                let after = worst_share(&simulation, o).unwrap_or(0.0);
                if after - before >= MIN_GAIN {
                    stalled[o] = 0;
                    unhelpful[o].clear();
                    continue;
                }
                stalled[o] += 1;
                unhelpful[o].push(t);
                if stalled[o] >= 2 && may_take_back {
                    // Posts that did not help are taken back; the target is reported unmet.
                    for t in std::mem::take(&mut unhelpful[o]) {
                        self.take(o, t, 1);
                    }
                    self.given_up[o] = Some(Shortfall::NoGain);
                    took_back = true;
                }
            }
            // Posts taken back change the plan the last simulation saw.
            self.simulation = if took_back {
                self.simulate()?
            } else {
                simulation
            };
        }
        let why = match self.memo.spending.stopped {
            Some(_) => Shortfall::TimeLimit,
            None => Shortfall::RoundLimit,
        };
        for o in 0..self.current.offices.len() {
            if self.given_up[o].is_none() && worst_gap(&self.simulation, o) > 0.0 {
                self.given_up[o] = Some(why);
            }
        }
        Ok(())
    }

    /// Takes back added posts, the dearest first, wherever every target that holds still
    /// holds without them.
    fn remove_unneeded(&mut self) -> Result<(), SimulateError> {
        let mut order: Vec<usize> = (0..self.current.offices.len())
            .filter(|&o| self.added[o] > 0)
            .collect();
        order.sort_by(|&a, &b| {
            let cost = |o: usize| self.dearest_added(o).map_or(0.0, |t| self.cost_of(t));
            cost(b).total_cmp(&cost(a)).then(a.cmp(&b))
        });
        let holding = |simulation: &Simulation| -> Vec<bool> {
            (0..simulation.offices.len())
                .map(|o| worst_gap(simulation, o) <= 0.0)
                .collect()
        };
        for o in order {
            while self.rounds < self.max_rounds && self.affords() {
                let Some(t) = self.dearest_added(o) else {
                    break;
                };
                let before = holding(&self.simulation);
                self.take(o, t, 1);
                let trial = self.simulate()?;
                let after = holding(&trial);
                if before.iter().zip(&after).all(|(b, a)| !b || *a) {
                    self.simulation = trial;
                } else {
                    self.put(o, t, 1);
                    break;
                }
            }
        }
        Ok(())
    }

    /// Each office's lowest on-time share among its work types with a target.
    fn worst_shares(&self) -> Vec<Option<f64>> {
        (0..self.current.offices.len())
            .map(|o| worst_share(&self.simulation, o))
            .collect()
    }

    fn finish(self, on_time_before_service: Vec<Option<f64>>) -> ServicePlan {
        let posts_for_service: Vec<Vec<u32>> = self
            .current
            .offices
            .iter()
            .zip(&self.start.offices)
            .map(|(now, was)| {
                now.staff
                    .iter()
                    .zip(&was.staff)
                    .map(|(n, w)| n.saturating_sub(*w))
                    .collect()
            })
            .collect();
        let cost = posts_for_service
            .iter()
            .map(|staff| self.current.cost(staff))
            .sum();
        let mut unmet = Vec::new();
        for (o, office) in self.simulation.offices.iter().enumerate() {
            for work in &office.on_time_by_work {
                if work.misses_target() == Some(true) {
                    unmet.push(ServiceUnmet {
                        office: office.id.clone(),
                        work: work.work.clone(),
                        target: work.on_time_target.unwrap_or(0.0),
                        on_time_share: work
                            .on_time_share
                            .is_defined()
                            .then_some(work.on_time_share.mean),
                        reason: self.given_up[o].unwrap_or(Shortfall::RoundLimit),
                    });
                }
            }
        }
        let on_time_after = self.worst_shares();
        ServicePlan {
            check: ServiceCheck {
                met: unmet.is_empty(),
                unmet,
                posts: posts_for_service,
                cost,
                on_time_before_service,
                on_time_after,
                beyond_quota: None,
                rounds: self.rounds,
                runs: self.options.runs,
                runs_asked: self.options.runs,
                seed: self.options.seed,
                stopped_by: None,
            },
            scenario: self.current,
            simulation: self.simulation,
        }
    }

    /// Adds one post of the cheapest type the office may have; false where none may be added.
    fn add_post(&mut self, o: usize) -> bool {
        match self.cheapest_post(o) {
            Some(t) => {
                self.put(o, t, 1);
                true
            }
            None => false,
        }
    }

    fn put(&mut self, o: usize, t: usize, n: u32) {
        if let Some(count) = self.current.offices[o].staff.get_mut(t) {
            *count += n;
            self.added[o] += n;
        }
    }

    fn take(&mut self, o: usize, t: usize, n: u32) {
        if let Some(count) = self.current.offices[o].staff.get_mut(t) {
            *count = count.saturating_sub(n);
            self.added[o] = self.added[o].saturating_sub(n);
        }
    }

    fn cost_of(&self, t: usize) -> f64 {
        self.current.staff_types.get(t).map_or(0.0, |s| s.cost)
    }

    /// The dearest staff type of which the office has more than the plan gave it.
    fn dearest_added(&self, o: usize) -> Option<usize> {
        let (now, was) = (&self.current.offices[o].staff, &self.start.offices[o].staff);
        (0..now.len())
            .filter(|&t| now[t] > was.get(t).copied().unwrap_or(0))
            .max_by(|&a, &b| self.cost_of(a).total_cmp(&self.cost_of(b)).then(b.cmp(&a)))
    }

    /// The cheapest staff type one more of which the office may have: allowed there, within
    /// `max_staff`, the type's quota and the budget; the office must not be `fixed`. Among
    /// types of equal cost, the one the office already has most of, then the first listed.
    fn cheapest_post(&self, o: usize) -> Option<usize> {
        let s = &self.current;
        let office = &s.offices[o];
        if office.fixed || office.max_staff.is_some_and(|m| office.headcount() >= m) {
            return None;
        }
        let total_cost: f64 = s.offices.iter().map(|x| s.cost(&x.staff)).sum();
        (0..s.staff_types.len())
            .filter(|&t| office.allowed_staff.get(t).copied().unwrap_or(false))
            .filter(|&t| match s.policy.quota.get(t).copied().flatten() {
                Some(quota) => s.offices.iter().map(|x| x.staff[t]).sum::<u32>() < quota,
                None => true,
            })
            .filter(|&t| {
                s.policy
                    .budget
                    .is_none_or(|budget| total_cost + self.cost_of(t) <= budget + 1e-6)
            })
            .min_by(|&a, &b| {
                self.cost_of(a)
                    .total_cmp(&self.cost_of(b))
                    .then(office.staff[b].cmp(&office.staff[a]))
                    .then(a.cmp(&b))
            })
    }
}

/// How far the office's worst work type is below its target (0 where every target holds or
/// the office has none).
fn worst_gap(simulation: &Simulation, o: usize) -> f64 {
    simulation.offices.get(o).map_or(0.0, |office| {
        office
            .on_time_by_work
            .iter()
            .filter_map(|w| {
                let target = w.on_time_target?;
                w.on_time_share
                    .is_defined()
                    .then_some(target - w.on_time_share.mean)
            })
            .fold(0.0, f64::max)
    })
}

/// The office's lowest on-time share among its work types with a target (`None` where it has
/// none, or none with a figure).
fn worst_share(simulation: &Simulation, o: usize) -> Option<f64> {
    simulation
        .offices
        .get(o)?
        .on_time_by_work
        .iter()
        .filter(|w| w.on_time_target.is_some() && w.on_time_share.is_defined())
        .map(|w| w.on_time_share.mean)
        .reduce(f64::min)
}

/// The casework persons M/M/c asks for so that each work type of the office with a target
/// finishes within its deadline in the target share: `None` where the formula does not apply
/// (work needing a team, no target, no work) or asks for more than the search may add
/// ([`MAX_POSTS_PER_OFFICE`] beyond today's persons), since Erlang C costs time in proportion
/// to the people and an office needing a hundred million is answered by the simulation alone.
fn screened_persons(scenario: &Scenario, analysis: &Analysis, o: usize) -> Option<u32> {
    let office = analysis.offices.get(o)?;
    let works: Vec<usize> = office
        .works
        .iter()
        .filter(|load| load.volume > 0.0)
        .filter_map(|load| scenario.works.iter().position(|w| w.id == load.id))
        .collect();
    if works.is_empty() || works.iter().any(|&w| scenario.works[w].team != 1) {
        return None;
    }
    let targets: Vec<(f64, f64)> = works
        .iter()
        .filter_map(|&w| {
            let target = scenario.on_time_target(w)?;
            Some((f64::from(scenario.works[w].deadline_days?), target))
        })
        .collect();
    let hours_per_day = scenario.calendar.casework_hours_per_day();
    if targets.is_empty() || office.items <= 0.0 || hours_per_day <= 0.0 {
        return None;
    }
    let days = f64::from(scenario.calendar.working_days.max(1));
    let service_days = office.required_hours / office.items / hours_per_day;
    let persons = office.casework_persons.floor();
    let most = persons + f64::from(MAX_POSTS_PER_OFFICE);
    if office.fte_need.is_nan() || office.fte_need > most {
        return None;
    }
    let least = (office.fte_need.ceil() as u32).max(1);
    (least..=most as u32).find(|&servers| {
        let queue = Mmc {
            servers,
            arrival_rate: office.items / days,
            service_rate: 1.0 / service_days,
        };
        targets.iter().all(|&(deadline, target)| {
            queue
                .probability_done_within(deadline)
                .is_some_and(|p| p >= target)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn desk_text(staff: u32) -> String {
        format!(
            "[scenario]\nname = \"memo\"\n[calendar]\nworking_days = 250\nhours_per_day = 8\n\
             leave_days = 0\ntraining_days = 0\nnon_case_share = 0\n[staff.regular]\n\
             label = \"regular\"\ncost = 1\n[[office]]\nid = \"desk\"\nname = \"desk\"\n\
             staff = {{ regular = {staff} }}\n[[work]]\nid = \"case\"\nname = \"case\"\n\
             office = \"desk\"\nvolume = 600\nhours = 8\ncv = 1\n"
        )
    }

    pub(super) fn options(runs: u32) -> SimOptions {
        SimOptions {
            runs,
            seed: 1,
            days: Some(100),
            threads: Some(1),
            warmup: simulate::Warmup::Days(0),
        }
    }
}
