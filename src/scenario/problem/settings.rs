//! Problems of The settings tables: `[scenario]`, `[calendar]`, `[staff]`, `[optimise]`, `[service]`, `[plan]`.
//!
//! (To be filled in: one variant per kind of problem, with the data its words need.)

#[derive(Debug, Clone, PartialEq)]
pub enum Settings {}

impl Settings {
    pub(super) fn english(&self) -> (String, String) {
        match *self {}
    }
}
