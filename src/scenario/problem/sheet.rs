//! Problems of A workbook's cell (`staffplan import`, or `run` of a workbook).
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Sheet {}

impl Sheet {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
