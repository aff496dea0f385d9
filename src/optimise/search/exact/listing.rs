//! The enumeration's headcount vectors of the dispatched groups: every vector in order of a
//! lower bound on its cost, listed as the enumeration asks for them.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::optimise::budget::Deadline;
use crate::optimise::model::headcounts::Model;

/// Most headcount vectors tried before the exact path gives way to the general one.
const MAX_VECTORS: usize = 200_000;
/// Most headcounts held in the queue of vectors (vectors × groups): 16 MB.
const MAX_VECTOR_ENTRIES: usize = 4_000_000;
/// Above this many groups the listing is begun only where every vector fits under
/// [`MAX_VECTORS`]: each listed vector builds a child per group, a pass over the groups each.
const LAZY_GROUPS: usize = 64;
/// Where there are more vectors than [`MAX_VECTORS`] in all, the share of the exact path's
/// effort the search for the least cost may take: where the least cost lies beyond the
/// first few thousand vectors, the general way does better with the effort.
const MANY_SHARE: f64 = 0.2;

impl Model<'_> {
    /// Every headcount vector (sorted within classes), cheapest lower bound first, listed
    /// lazily ([`Cheapest`]); `None` where there are too many groups for the listing to pay.
    pub(crate) fn vectors(&self) -> Option<Cheapest<'_, '_>> {
        Cheapest::new(self)
    }
}

/// Headcount vectors, sorted within classes, in order of a lower bound on their cost (the
/// sections at their least headcounts and every group post at its group's cheapest), listed
/// lazily so that only the vectors up to the least cost are ever built: there may be
/// billions in all (8 headcounts in each of 10 groups: 10⁹), but the least cost is found
/// among the first few thousand.
///
/// The vectors form a tree: a vector's parent lowers the last group (in the listing's order
/// of groups) that is above its least headcount by one option. Raising a headcount never
/// lowers the bound, so taking the tree best first from the vector of least headcounts lists
/// every vector once, cheapest first. A vector sorted within its classes has a sorted parent,
/// so unsorted children are dropped with their whole subtree. Ties come in the order of the
/// groups' classes, the last class first, each class's headcounts from the highest.
pub(crate) struct Cheapest<'m, 'a> {
    model: &'m Model<'a>,
    /// More vectors than [`MAX_VECTORS`] in all: the listing has [`MANY_SHARE`] of the
    /// effort, and what it cannot prove it leaves to the general way.
    pub(crate) many: bool,
    deadline: Deadline<'a>,
    /// Listing position → group: the classes from the last, each class's groups in order.
    group_at: Vec<usize>,
    /// Group → listing position.
    position: Vec<usize>,
    /// Is the group at a listing position in the class of the one before it?
    same_class: Vec<bool>,
    section_bound: f64,
    heap: BinaryHeap<Node>,
    listed: usize,
    /// A cap or the deadline ended the listing before every vector up to where it was asked
    /// for had been listed: what was found among them is not proven least.
    pub(crate) cut_short: bool,
}

/// One vector of the tree: its bound, headcounts by listing position, and the position of
/// its last raised group (its children raise that one or a later one).
struct Node {
    bound: f64,
    heads: Vec<u32>,
    last: usize,
}

impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Node {}

impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Node {
    /// The heap's top is the least bound and, among equal bounds, the highest headcounts in
    /// listing order.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .bound
            .total_cmp(&self.bound)
            .then_with(|| self.heads.cmp(&other.heads))
    }
}

impl<'m, 'a> Cheapest<'m, 'a> {
    fn new(model: &'m Model<'a>) -> Option<Cheapest<'m, 'a>> {
        let groups = model.groups.len();
        let classes = model.class_count();
        let mut class_of: Vec<Vec<usize>> = vec![Vec::new(); classes];
        for (g, group) in model.groups.iter().enumerate() {
            class_of[group.class].push(g);
        }
        // How many vectors there are: C(n + k − 1, k) sorted headcounts of k interchangeable
        // groups with n options each, multiplied over the classes.
        let mut count = 1.0f64;
        for members in &class_of {
            let n = members
                .first()
                .map_or(0, |&g| model.groups[g].options.len()) as f64;
            for i in 1..=members.len() {
                count *= (n - 1.0 + i as f64) / i as f64;
            }
        }
        let many = count > MAX_VECTORS as f64;
        // A listed vector builds one child per group, each a pass over the groups: with
        // many groups and many vectors, the listing cannot pay for itself.
        if many && groups > LAZY_GROUPS {
            return None;
        }
        let group_at: Vec<usize> = class_of.iter().rev().flatten().copied().collect();
        let mut position = vec![0; groups];
        for (p, &g) in group_at.iter().enumerate() {
            position[g] = p;
        }
        let same_class = (0..groups)
            .map(|p| {
                p > 0 && model.groups[group_at[p - 1]].class == model.groups[group_at[p]].class
            })
            .collect();
        let mut cheapest = Cheapest {
            model,
            many,
            deadline: if many {
                model.deadline.slice(MANY_SHARE)
            } else {
                model.deadline
            },
            group_at,
            position,
            same_class,
            section_bound: section_bound(model),
            heap: BinaryHeap::new(),
            listed: 0,
            cut_short: false,
        };
        let least: Vec<u32> = cheapest
            .group_at
            .iter()
            .map(|&g| model.groups[g].options.first().copied().unwrap_or(0))
            .collect();
        if model.groups.iter().any(|g| g.options.is_empty()) {
            return Some(cheapest);
        }
        cheapest.push(least, 0);
        Some(cheapest)
    }

    /// The bound of headcounts `heads` (by listing position), summed in group order.
    fn bound(&self, heads: &[u32]) -> f64 {
        self.section_bound
            + self
                .model
                .groups
                .iter()
                .enumerate()
                .map(|(g, group)| f64::from(heads[self.position[g]]) * group.cheapest)
                .sum::<f64>()
    }

    /// Queues a vector whose bound is finite; false when a cap or the deadline ends the
    /// listing.
    fn push(&mut self, heads: Vec<u32>, last: usize) -> bool {
        let groups = self.model.groups.len();
        // Building a vector and its bound: about a step per group.
        if self.deadline.spend(groups as u64 + 1)
            || (self.heap.len() + 1).saturating_mul(groups.max(1)) > MAX_VECTOR_ENTRIES
        {
            self.cut_short = true;
            return false;
        }
        let bound = self.bound(&heads);
        if bound.is_finite() {
            self.heap.push(Node { bound, heads, last });
        }
        true
    }
}

impl Iterator for Cheapest<'_, '_> {
    type Item = (Vec<u32>, f64);

    fn next(&mut self) -> Option<(Vec<u32>, f64)> {
        if self.cut_short {
            return None;
        }
        if self.listed >= MAX_VECTORS {
            self.cut_short = !self.heap.is_empty();
            return None;
        }
        let node = self.heap.pop()?;
        self.listed += 1;
        for p in node.last..node.heads.len() {
            let options = &self.model.groups[self.group_at[p]].options;
            let at = options.partition_point(|&k| k <= node.heads[p]);
            let Some(&raised) = options.get(at) else {
                continue;
            };
            // Within a class, headcounts never rise from one group to the next.
            if self.same_class[p] && raised > node.heads[p - 1] {
                continue;
            }
            let mut heads = node.heads.clone();
            heads[p] = raised;
            if !self.push(heads, p) {
                return None;
            }
        }
        let mut n = vec![0u32; node.heads.len()];
        for (p, &k) in node.heads.iter().enumerate() {
            n[self.group_at[p]] = k;
        }
        Some((n, node.bound))
    }
}

/// The sections' part of the bound: fixed sections at their cost, the others at their least
/// headcount of their cheapest allowed type.
fn section_bound(model: &Model) -> f64 {
    model
        .sections
        .iter()
        .map(|&(o, n)| {
            let office = &model.scenario.offices[o];
            if office.fixed {
                model.scenario.cost(&office.staff)
            } else {
                f64::from(n) * model.scenario.cheapest_allowed_cost(office)
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::optimise::budget::Budget;
    use crate::optimise::model::facts::Facts;
    use crate::optimise::model::headcounts::Model;
    use crate::optimise::search::pack::{Mode, Pack};
    use crate::optimise::testing::{random_small, small};

    /// Every vector of the groups' options, sorted within classes, by a plain product.
    fn every_vector(model: &Model) -> Vec<Vec<u32>> {
        let mut all: Vec<Vec<u32>> = vec![Vec::new()];
        for group in &model.groups {
            all = all
                .into_iter()
                .flat_map(|v| {
                    group.options.iter().map(move |&k| {
                        let mut next = v.clone();
                        next.push(k);
                        next
                    })
                })
                .collect();
        }
        all.retain(|n| {
            (0..n.len()).all(|b| {
                (0..b).all(|a| model.groups[a].class != model.groups[b].class || n[a] >= n[b])
            })
        });
        all
    }

    /// The lazy listing gives every sorted vector once, by bound: against the plain product
    /// of the options on the small scenario, whose g1 and g2 are alike (one class) and whose
    /// g3 may close.
    #[test]
    fn the_listing_gives_every_sorted_vector_once_cheapest_first() {
        for volumes in [[10, 6, 5, 3], [3, 3, 3, 14], [20, 20, 20, 20]] {
            let scenario = small(volumes);
            let facts = Facts::new(&scenario);
            let budget = Budget::new(Duration::from_secs(10));
            let model = Model::new(&facts, budget.deadline()).expect("a model");
            assert_eq!(model.groups[0].class, model.groups[1].class);
            let listed: Vec<(Vec<u32>, f64)> = model.vectors().expect("a listing").collect();
            let mut expected = every_vector(&model);
            assert!(expected.len() > 3, "{volumes:?}");
            for pair in listed.windows(2) {
                assert!(pair[0].1 <= pair[1].1, "{volumes:?}: out of order");
            }
            // Each post costs 100: the bound is 100 × the group posts.
            for (n, bound) in &listed {
                assert_eq!(*bound, 100.0 * f64::from(n.iter().sum::<u32>()));
            }
            let mut got: Vec<Vec<u32>> = listed.into_iter().map(|(n, _)| n).collect();
            got.sort();
            expected.sort();
            assert_eq!(got, expected, "{volumes:?}");
        }
    }

    /// The fit check is a necessary condition: it never refuses headcounts the packing (an
    /// exhaustive search on five units) fits, and it refuses some it does not.
    #[test]
    fn the_fit_check_never_refuses_headcounts_that_fit() {
        let mut refused = 0;
        for seed in 1..=40 {
            let scenario = random_small(seed);
            let facts = Facts::new(&scenario);
            let budget = Budget::new(Duration::from_secs(10));
            let Some(model) = Model::new(&facts, budget.deadline()) else {
                continue;
            };
            for n in every_vector(&model) {
                let mut pack = Pack::new(&model, &n, Mode::Fit, f64::INFINITY);
                let fits = pack.run();
                assert!(!pack.stopped, "seed {seed}");
                if fits {
                    assert!(model.may_fit(&n), "seed {seed}: {n:?} fits but is refused");
                } else if !model.may_fit(&n) {
                    refused += 1;
                }
            }
        }
        assert!(refused > 100, "only {refused} refused");
    }

    /// By hand: u1, of 2,000 hours, may go to g1 or g3 only; one person carries H × 0.85 ≈
    /// 1,358 h. With g1 and g2 at one person each and g3 closed, the 2,300 hours fit the two
    /// people in all (which is all the check once looked at), but u1 fits neither g1 nor
    /// the closed g3.
    #[test]
    fn a_unit_whose_groups_cannot_take_it_is_refused_at_once() {
        let mut scenario = small([20, 1, 1, 1]);
        let (g1, g3) = (0, 2);
        assert_eq!(scenario.offices[g3].id, "g3");
        scenario.units[0].eligible = Some(vec![g1, g3]);
        let facts = Facts::new(&scenario);
        let budget = Budget::new(Duration::from_secs(10));
        let model = Model::new(&facts, budget.deadline()).expect("a model");
        assert!(!model.may_fit(&[1, 1, 0]));
        assert!(model.may_fit(&[2, 1, 0]));
        assert!(model.may_fit(&[1, 1, 2]));
    }
}
