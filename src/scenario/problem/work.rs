//! Problems of A work type, its team, its chain of follow-ups, and the checks across tables (coverage, teams against `max_staff`, the size of the work).
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Work {}

impl Work {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
