//! The request in the staffing committee's terms (SPEC §14): from today's organisation, the
//! posts approved for each office (编制) and the recommendation, what is asked of the
//! committee, per office and staff type: vacant approved posts to fill, approved posts to move
//! between offices, and posts beyond the approved ones.
//!
//! For one office and staff type, with `S` approved posts, `P` people in post and `N` people
//! the recommendation needs:
//!
//! - `vacant = max(0, S − P)`; `fill = min(vacant, max(0, N − P))`: the office's own vacant
//!   posts the plan fills.
//! - The office holds `max(S, P)` posts (people in post beyond the approved posts, such as
//!   contract staff, who have no 编制, hold their places too). It lacks
//!   `max(0, N − max(S, P))` of them, which come first from approved posts moved in
//!   (`move_in`, where `[policy] reallocate` allows) and then from new posts (`add`).
//! - It can give `max(0, S − N)` approved posts it does not need: first the vacant posts the
//!   plan leaves empty, then posts the plan frees by moving people out. A fixed office gives
//!   none: the optimiser keeps it as it is, approvals included.
//!
//! So `fill + move_in + add = max(0, N − P)` (every person the plan brings in sits on a post),
//! `move_in + add = max(0, N − max(S, P))`, `move_out ≤ max(0, S − N)`, no office both gives
//! and receives, and the posts moved in of a type equal those moved out. Posts move only
//! between offices of the same staff type: an establishment post never becomes a contract one.
//! Plain data, no IO; the words are in `report`.

use serde::Serialize;

use crate::model::Scenario;

/// One office and staff type of the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostLine {
    /// The office's index in the scenario.
    #[serde(skip)]
    pub office: usize,
    /// The staff type's index in the scenario.
    #[serde(skip)]
    pub staff_type: usize,
    /// The office's id.
    pub id: String,
    /// The staff type's id.
    #[serde(rename = "type")]
    pub type_id: String,
    #[serde(flatten)]
    pub posts: Posts,
}

/// The figures of a line, and their sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Posts {
    /// Approved posts (编制).
    pub sanctioned: u32,
    /// People in post today.
    pub in_post: u32,
    /// `max(0, sanctioned − in_post)`.
    pub vacant: u32,
    /// People the recommendation gives the office (所需岗位数).
    pub needed: u32,
    /// Vacant approved posts of this office the plan fills.
    pub fill: u32,
    /// Approved posts moved here from other offices.
    pub move_in: u32,
    /// Approved posts moved from here to other offices.
    pub move_out: u32,
    /// Posts beyond the approved ones.
    pub add: u32,
    /// `needed` at the staff type's yearly cost.
    pub cost_per_year: f64,
}

impl Posts {
    fn plus(mut self, other: &Posts) -> Posts {
        self.sanctioned += other.sanctioned;
        self.in_post += other.in_post;
        self.vacant += other.vacant;
        self.needed += other.needed;
        self.fill += other.fill;
        self.move_in += other.move_in;
        self.move_out += other.move_out;
        self.add += other.add;
        self.cost_per_year += other.cost_per_year;
        self
    }

    /// Approved posts once the request is granted: `sanctioned + move_in − move_out + add`.
    pub fn approved_after(&self) -> u32 {
        (self.sanctioned + self.move_in + self.add).saturating_sub(self.move_out)
    }

    /// People the plan brings in: `fill + move_in + add`.
    pub fn arriving(&self) -> u32 {
        self.fill + self.move_in + self.add
    }
}

/// Approved posts of one staff type moved from one office to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub staff_type: usize,
    pub from: usize,
    pub to: usize,
    pub posts: u32,
}

/// The one ask (JSON `request`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Request {
    /// Every office and staff type with approved posts, people in post or people needed, in
    /// the order of offices and then staff types.
    pub offices: Vec<PostLine>,
    pub total: Posts,
    /// Yearly cost of the people needed less that of the people in post: what granting the
    /// request adds to the wage bill (negative where the plan saves).
    pub added_cost_per_year: f64,
    /// The sums of each staff type (indexed by staff type).
    #[serde(skip)]
    pub by_type: Vec<Posts>,
    /// The moves, in the order they were made.
    #[serde(skip)]
    pub moves: Vec<Move>,
    /// Leadership posts approved (领导职数), where the scenario gives them, in office order:
    /// JSON `leader_posts`, `{ office id: n }` (SPEC §14), empty where no office gives them.
    #[serde(serialize_with = "leader_posts_as_map")]
    pub leader_posts: Vec<LeaderPosts>,
}

/// An office's approved leadership posts: the report finds the office by its index, the
/// JSON names it by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderPosts {
    pub office: usize,
    pub id: String,
    pub posts: u32,
}

/// The leadership posts as a JSON object `{ id: n }`, in office order.
fn leader_posts_as_map<S: serde::Serializer>(
    posts: &[LeaderPosts],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(posts.iter().map(|p| (&p.id, p.posts)))
}

/// One office and staff type while the request is worked out.
#[derive(Debug, Clone, Copy)]
struct Slot {
    sanctioned: u32,
    in_post: u32,
    needed: u32,
    fixed: bool,
}

impl Slot {
    /// Posts the office lacks beyond those it holds.
    fn lacking(&self) -> u32 {
        self.needed
            .saturating_sub(self.sanctioned.max(self.in_post))
    }

    /// Vacant approved posts the plan leaves empty.
    fn idle(&self) -> u32 {
        if self.fixed {
            return 0;
        }
        self.sanctioned
            .saturating_sub(self.needed.max(self.in_post))
    }

    /// Approved posts the plan frees by giving the office fewer people than it has.
    fn freed(&self) -> u32 {
        if self.fixed {
            return 0;
        }
        self.sanctioned
            .min(self.in_post)
            .saturating_sub(self.needed)
    }
}

impl Request {
    /// The request that takes `today` to `plan`, the recommended organisation (the same
    /// offices and staff types as `today`, other headcounts).
    pub fn new(today: &Scenario, plan: &Scenario) -> Request {
        let types = today.staff_types.len();
        let mut offices = Vec::new();
        let mut moves = Vec::new();
        for t in 0..types {
            let slots: Vec<Slot> = today
                .offices
                .iter()
                .enumerate()
                .map(|(o, office)| Slot {
                    sanctioned: office.sanctioned.get(t).copied().unwrap_or(0),
                    in_post: office.staff.get(t).copied().unwrap_or(0),
                    needed: plan
                        .offices
                        .get(o)
                        .and_then(|p| p.staff.get(t))
                        .copied()
                        .unwrap_or(0),
                    fixed: office.fixed,
                })
                .collect();
            let moved = match today.policy.reallocate {
                true => reallocate(&slots, t),
                false => Vec::new(),
            };
            let cost = today.staff_types.get(t).map_or(0.0, |s| s.cost);
            for (o, slot) in slots.iter().enumerate() {
                if slot.sanctioned == 0 && slot.in_post == 0 && slot.needed == 0 {
                    continue;
                }
                let move_in = moved.iter().filter(|m| m.to == o).map(|m| m.posts).sum();
                let move_out = moved.iter().filter(|m| m.from == o).map(|m| m.posts).sum();
                let vacant = slot.sanctioned.saturating_sub(slot.in_post);
                offices.push(PostLine {
                    office: o,
                    staff_type: t,
                    id: today.offices[o].id.clone(),
                    type_id: today.staff_types[t].id.clone(),
                    posts: Posts {
                        sanctioned: slot.sanctioned,
                        in_post: slot.in_post,
                        vacant,
                        needed: slot.needed,
                        fill: vacant.min(slot.needed.saturating_sub(slot.in_post)),
                        move_in,
                        move_out,
                        add: slot.lacking().saturating_sub(move_in),
                        cost_per_year: f64::from(slot.needed) * cost,
                    },
                });
            }
            moves.extend(moved);
        }
        offices.sort_by_key(|l| (l.office, l.staff_type));
        let mut by_type = vec![Posts::default(); types];
        for line in &offices {
            by_type[line.staff_type] = by_type[line.staff_type].plus(&line.posts);
        }
        let total = by_type.iter().fold(Posts::default(), |sum, p| sum.plus(p));
        let added_cost_per_year = offices
            .iter()
            .map(|l| {
                let cost = today.staff_types[l.staff_type].cost;
                (f64::from(l.posts.needed) - f64::from(l.posts.in_post)) * cost
            })
            .sum::<f64>()
            + 0.0;
        let leader_posts = today
            .offices
            .iter()
            .enumerate()
            .filter_map(|(office, o)| {
                o.leader_posts.map(|posts| LeaderPosts {
                    office,
                    id: o.id.clone(),
                    posts,
                })
            })
            .collect();
        Request {
            offices,
            total,
            added_cost_per_year,
            by_type,
            moves,
            leader_posts,
        }
    }

    /// The lines of one office, in the order of staff types.
    pub fn lines_of(&self, office: usize) -> impl Iterator<Item = &PostLine> {
        self.offices.iter().filter(move |l| l.office == office)
    }
}

/// The moves of one staff type: each office that lacks posts, in office order, takes first
/// the idle approved posts of other offices (in office order), then those the plan frees.
fn reallocate(slots: &[Slot], staff_type: usize) -> Vec<Move> {
    let mut lacking: Vec<u32> = slots.iter().map(Slot::lacking).collect();
    let mut moves: Vec<Move> = Vec::new();
    let sources: [fn(&Slot) -> u32; 2] = [Slot::idle, Slot::freed];
    for source in sources {
        for (from, slot) in slots.iter().enumerate() {
            let mut spare = source(slot);
            for (to, lack) in lacking.iter_mut().enumerate() {
                if spare == 0 {
                    break;
                }
                let posts = spare.min(*lack);
                if posts == 0 || to == from {
                    continue;
                }
                *lack -= posts;
                spare -= posts;
                match moves.iter_mut().find(|m| m.from == from && m.to == to) {
                    Some(m) => m.posts += posts,
                    None => moves.push(Move {
                        staff_type,
                        from,
                        to,
                        posts,
                    }),
                }
            }
        }
    }
    moves
}
