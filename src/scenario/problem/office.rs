//! Problems of office, the posts approved for it, a unit and who may cover it.
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Office {}

impl Office {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
