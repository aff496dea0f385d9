//! [`Office`] problems in Chinese.

use crate::scenario::problem::Office;

pub(super) fn chinese(problem: &Office) -> (String, String) {
    match *problem {}
}
