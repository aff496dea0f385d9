//! [`Work`] problems in Chinese.

use crate::scenario::problem::Work;

pub(super) fn chinese(problem: &Work) -> (String, String) {
    match *problem {}
}
