//! Problems of The file as a whole: its syntax, its size, keys the format does not know, `--set` arguments.
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Input {}

impl Input {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
