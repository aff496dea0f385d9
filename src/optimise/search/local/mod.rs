//! Local search, for scenarios too large to enumerate: [`heuristic`] builds an allocation
//! (most constrained and largest units first) and improves it by moves, swaps and closing
//! optional groups, through [`heuristic::Loads`], the one state of where the units are;
//! [`improve`] sheds posts by moving just enough units, and descends headcounts one step at a
//! time, each step checked by a bounded packing and, where that is cut short, by [`repair`]
//! of the allocation in hand; [`build`] builds the headcount vectors the descent jumps to.

pub mod build;
pub mod heuristic;
pub mod improve;
pub mod repair;
