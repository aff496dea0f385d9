//! The search room: the strategies that find plans, and what they share.
//!
//! Strategies (none imports another; each reads the problem through the model room):
//! - [`exact`]: where every office can meet the target, enumerates group headcounts cheapest
//!   first and packs units into them, proving every goal;
//! - [`local`]: a constructive allocation with moves, swaps and closures, then the shedding
//!   of posts and the descent of headcounts, for scenarios too large to enumerate;
//! - [`milp`]: SPEC §4's programme solved goal by goal by a node-limited branch and bound,
//!   with the allocation fixed (the staffing of a local search's allocation) or free (the
//!   whole programme, where small enough to prove).
//!
//! Shared infrastructure, used by the strategies and never using one:
//! - [`solver`], the one file that names a solver crate (every programme, the bound's and
//!   the staff mix's included, is solved through it);
//! - [`pack`], the branch and bound that packs units into given headcounts (the enumeration
//!   proves with it, the descent checks its steps with it);
//! - [`bound`], the lower bounds an unproven answer is measured against. They sit here, not
//!   in the model room, because they solve programmes under the call's effort like any
//!   search does; they are not a strategy because they never produce a plan.
//!
//! Which stage gives the final answer over the shipped and synthetic scenarios, and why each
//! stage stays, is counted in the notes of the top-level module.

pub mod bound;
pub mod exact;
pub mod local;
pub mod milp;
pub mod pack;
pub mod solver;
