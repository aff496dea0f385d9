//! [`Input`] problems in Chinese.

use crate::scenario::problem::Input;

pub(super) fn chinese(problem: &Input) -> (String, String) {
    match *problem {}
}
