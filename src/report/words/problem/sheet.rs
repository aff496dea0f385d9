//! [`Sheet`] problems in Chinese.

use crate::scenario::problem::Sheet;

pub(super) fn chinese(problem: &Sheet) -> (String, String) {
    match *problem {}
}
