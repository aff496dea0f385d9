//! The model room: what the optimisation problem *is*, with no search in it. [`facts`] works
//! out once what every part shares (loads linear in the allocation, team floors, the groups
//! each unit may go to, the least headcount of an office at a load) and checks and scores a
//! plan; [`goals`] is the one definition of the goals and their order; [`clash`] names
//! contradictory rules before anything is solved, and [`clash::matching`] finds an allocation
//! that keeps eligibility and `max_units`; [`program`] is SPEC §4's programme as data (`Lp`,
//! `Program`), [`stability`] its rows for SPEC §13's whole teams, and [`lp`] writes any of it in LP format; [`headcounts`] is the problem seen as
//! one headcount per dispatched group (the view the enumeration, the descent, the packing and
//! the cost bound share).
//!
//! Nothing here solves or searches: a programme is handed to a solver by the search room's
//! `solver`, so the model can be written out (`--export-lp`) exactly as it is solved. The
//! model's lazy parts (the confined sets of [`headcounts`]) count their work on the call's
//! `budget`, which is why that sits beside both rooms, not inside the search.

pub mod clash;
pub mod facts;
pub mod goals;
pub mod headcounts;
pub mod lp;
pub mod program;
pub mod stability;
