//! [`Entry`] problems in Chinese.

use crate::scenario::problem::Entry;

pub(super) fn chinese(problem: &Entry) -> (String, String) {
    match *problem {}
}
