//! The starter scenarios of `staffplan init`: one small organisation (two sections, a
//! dispatched group covering three units, a petition → lead → review chain, a quota) with every
//! key explained in a comment, in English or in Chinese. The texts live in `assets/init/` so
//! that they read and diff as the TOML files they are; tests hold them to `check` and `run`.

use crate::model::Language;

const EN: &str = include_str!("../assets/init/en.toml");
const ZH: &str = include_str!("../assets/init/zh.toml");

/// The starter scenario's text in `language` (comments, names and report language alike).
pub fn starter(language: Language) -> &'static str {
    match language {
        Language::En => EN,
        Language::Zh => ZH,
    }
}
