//! Problems of entry of an array of tables, an id, a reference to another entry, a key missing.
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {}

impl Entry {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
