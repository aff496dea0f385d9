//! The exact path for scenarios whose target utilisation can be met: it proves every goal
//! by enumerating headcounts and packing units, instead of asking the MIP solver to search
//! the allocation.
//!
//! Why this is exact. When every office can be at or below the target, each office in a
//! least-cost answer has exactly the least headcount for its load: one person fewer would
//! still keep every rule and cost less (every post costs something). Sections' loads do not
//! depend on the allocation, so their headcounts are known. What remains is a headcount `N_g`
//! per dispatched group: an allocation fits `N` when every group's load stays within what
//! `N_g` people carry at the target (and teams, `max_units`, eligibility hold); the cost of
//! `N` is the cheapest mix of staff types under quotas (a transportation problem, whose LP
//! optimum is whole). So
//! - goal 2: the least cost over the `N` that some allocation fits (headcount vectors taken
//!   in order of a lower bound on their cost, listed best first as they are needed, so that
//!   only those up to the least cost are built among billions; groups alike in every rule
//!   are interchangeable, so only sorted vectors within such a class are tried; vectors that
//!   leave some set of units nowhere to go, by hours, `max_units` or team, are refused before
//!   any packing);
//! - goal 3: with cost held, headcounts are those `N` exactly (fewer people would cost less),
//!   so the lowest peak is a branch-and-bound over allocations into each least-cost `N`;
//! - goal 4: over the orderings of those `N` within classes, the fewest units moved (again a
//!   branch-and-bound) plus the fewest people changed (a small integer programme).
//!
//! Every search has a node limit and the deadline; an answer found past either is returned
//! unproven. Scenarios outside these assumptions (unmet hours, free posts, fixed or optional
//! sections, fixed groups, an office left unstable by its whole teams) return `None` and go
//! the general way. Whole teams (SPEC §13) are in every least headcount ([`Facts`]' own), so
//! a stable answer is the least-cost one among stable answers.

mod listing;
mod mix;

use crate::optimise::budget::Deadline;
use crate::optimise::model::facts::{Facts, Plan};
use crate::optimise::model::headcounts::Model;
use crate::optimise::search::pack::{Mode, Pack};

/// Most nodes of a packing that looks for any allocation into headcounts where there are
/// too many vectors to list in all: one that runs out leaves the scenario to the general way.
const MANY_FIT_NODES: u64 = 200_000;
/// Most orderings of the least-cost headcounts tried for the fewest changes.
const MAX_ORDERINGS: usize = 5_000;

/// Group headcounts, allocation (unit → office) and staff `[office][type]`.
type Answer = (Vec<u32>, Vec<Option<usize>>, Vec<Vec<u32>>);

/// Group headcounts with a figure (their cost, or a lower bound on their peak).
type Valued = Vec<(Vec<u32>, f64)>;

/// Searches the exact way: the plan proven best on every goal; `None` when the scenario
/// is outside its assumptions or the search was cut short before it proved every goal.
///
/// An answer cut short is not returned: over the shipped scenarios, twelve synthetic shapes
/// at the default limit and 48 runs at limits of 0.01 to 1 s, none was ever better than the
/// general way's, which then answers instead.
pub fn solve<'a>(facts: &'a Facts<'a>, deadline: Deadline<'a>) -> Option<Plan> {
    let model = Model::new(facts, deadline)?;
    let mut proven = true;
    // Goal 1 is zero here.
    let (best_cost, cheapest) = least_cost(&model, &mut proven)?;
    let (best_peak, found, peaks) = lowest_peak(&model, &cheapest, &mut proven);
    if !found {
        return None;
    }
    let (n, coverage, staff) = fewest_changes(&model, &peaks, best_cost, best_peak, &mut proven)?;
    let plan = model.plan(&n, coverage, staff);
    // Its headcounts keep each office's whole-team rule where the allocation cannot change
    // it; where the allocation leaves a group unstable (SPEC §13), the general way, whose
    // programme weighs stability, answers instead.
    let stable = facts.score(&plan).unstable_hours <= 0.0;
    (proven && stable && facts.keeps_rules(&plan)).then_some(plan)
}

/// Goal 2: the least cost of a headcount vector some allocation fits, and every vector at
/// that cost. `None` when none was found.
fn least_cost(model: &Model, proven: &mut bool) -> Option<(f64, Valued)> {
    let mut vectors = model.vectors()?;
    let mut best_cost = f64::INFINITY;
    let mut cheapest: Valued = Vec::new();
    let many = vectors.many;
    for (n, bound) in vectors.by_ref() {
        if bound > best_cost * (1.0 + 1e-9) {
            break;
        }
        // One vector: a fit check and a staff mix, about a step per group.
        if model
            .deadline
            .spend(model.groups.len() as u64 + model.fit_steps())
        {
            *proven = false;
            break;
        }
        if !model.may_fit(&n) {
            continue;
        }
        let Some(cost) = model.staff_cost(&n) else {
            continue;
        };
        if cost > best_cost * (1.0 + 1e-9) {
            continue;
        }
        let mut pack = Pack::new(model, &n, Mode::Fit, f64::INFINITY);
        if many {
            pack.node_limit = MANY_FIT_NODES;
        }
        let fits = pack.run();
        if pack.stopped && many {
            return None;
        }
        *proven &= !pack.stopped;
        if fits {
            if cost < best_cost * (1.0 - 1e-9) {
                cheapest.clear();
                best_cost = cost;
            }
            cheapest.push((n, cost));
        }
    }
    *proven &= !vectors.cut_short;
    if many && !*proven {
        return None;
    }
    (!cheapest.is_empty()).then_some((best_cost, cheapest))
}

/// Goal 3: the lowest peak over allocations into least-cost headcounts, whether an
/// allocation reaches it, and each vector's lower bound on the peak.
fn lowest_peak(
    model: &Model,
    cheapest: &[(Vec<u32>, f64)],
    proven: &mut bool,
) -> (f64, bool, Valued) {
    let mut best_peak = f64::INFINITY;
    let mut found = false;
    let mut peaks: Valued = Vec::new();
    for (n, _) in cheapest {
        let mut pack = Pack::new(model, n, Mode::Peak, best_peak);
        if pack.run() {
            best_peak = pack.best_peak;
            found = true;
        }
        *proven &= !pack.stopped;
        peaks.push((n.clone(), pack.static_bound));
    }
    (best_peak, found, peaks)
}

/// Goal 4: fewest changes over every ordering, within classes, of least-cost headcounts
/// that reach the lowest peak.
fn fewest_changes(
    model: &Model,
    peaks: &[(Vec<u32>, f64)],
    best_cost: f64,
    best_peak: f64,
    proven: &mut bool,
) -> Option<Answer> {
    let mut best_changes = f64::INFINITY;
    let mut answer: Option<Answer> = None;
    for (bound, ordered) in orderings_by_bound(model, peaks, best_peak, proven) {
        if bound >= best_changes {
            break;
        }
        if model.deadline.spend(model.order.len() as u64 + 1) {
            *proven = false;
            break;
        }
        let Some((staff, people, people_proven)) = model.fewest_people(&ordered, best_cost) else {
            continue;
        };
        *proven &= people_proven;
        let mut pack = Pack::new(model, &ordered, Mode::Moves, best_peak);
        if people + pack.must_move(0) as f64 >= best_changes {
            continue;
        }
        if best_changes.is_finite() {
            pack.best_moves = (best_changes - people).ceil() as i64;
        }
        if pack.run() {
            let total = people + pack.best_moves as f64;
            if total < best_changes {
                best_changes = total;
                answer = Some((ordered.clone(), pack.best_coverage.clone(), staff));
            }
        }
        *proven &= !pack.stopped;
    }
    answer
}

/// The orderings of the headcounts that may reach the lowest peak, by a quick lower bound on
/// their changes (headcount changes ignoring types, units whose group today cannot take
/// them), so that a good answer comes early and the rest are cut off.
fn orderings_by_bound(
    model: &Model,
    peaks: &[(Vec<u32>, f64)],
    best_peak: f64,
    proven: &mut bool,
) -> Vec<(f64, Vec<u32>)> {
    let mut queue: Vec<(f64, Vec<u32>)> = Vec::new();
    for (n, bound) in peaks {
        if *bound > best_peak * (1.0 + 1e-9) {
            continue;
        }
        let orderings = model.orderings(n);
        // `orderings` stops past the limit; then not every ordering is tried.
        if orderings.len() > MAX_ORDERINGS {
            *proven = false;
        }
        for ordered in orderings {
            if queue.len() > MAX_ORDERINGS {
                *proven = false;
                break;
            }
            let pack = Pack::new(model, &ordered, Mode::Moves, best_peak);
            let bound = model.head_changes(&ordered) + pack.must_move(0) as f64;
            queue.push((bound, ordered));
        }
    }
    queue.sort_by(|a, b| a.0.total_cmp(&b.0));
    queue
}

impl Model<'_> {
    /// Every distinct ordering of `n` within each class.
    pub(crate) fn orderings(&self, n: &[u32]) -> Vec<Vec<u32>> {
        let mut out = vec![n.to_vec()];
        let classes = self.class_count();
        for c in 0..classes {
            let members: Vec<usize> = (0..self.groups.len())
                .filter(|&g| self.groups[g].class == c)
                .collect();
            let mut values: Vec<u32> = members.iter().map(|&g| n[g]).collect();
            values.sort_unstable();
            let mut perms = Vec::new();
            loop {
                perms.push(values.clone());
                if perms.len() > MAX_ORDERINGS || !next_permutation(&mut values) {
                    break;
                }
            }
            let mut next = Vec::new();
            for base in &out {
                for p in &perms {
                    let mut v = base.clone();
                    for (&g, &k) in members.iter().zip(p) {
                        v[g] = k;
                    }
                    next.push(v);
                    if next.len() > MAX_ORDERINGS {
                        return next;
                    }
                }
            }
            out = next;
        }
        out
    }
}

pub(crate) fn next_permutation(values: &mut [u32]) -> bool {
    let Some(i) = (1..values.len()).rev().find(|&i| values[i - 1] < values[i]) else {
        return false;
    };
    let pivot = i - 1;
    let Some(j) = (i..values.len()).rev().find(|&j| values[j] > values[pivot]) else {
        return false;
    };
    values.swap(pivot, j);
    values[i..].reverse();
    true
}
