//! [`Settings`] problems in Chinese.

use crate::scenario::problem::Settings;

pub(super) fn chinese(problem: &Settings) -> (String, String) {
    match *problem {}
}
