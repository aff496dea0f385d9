//! The starter scenarios of `staffplan init`: one small organisation (two sections, a
//! dispatched group covering three units, a petition → lead → review chain, a quota) with every
//! key explained in a comment, in English or in Chinese. The texts live in `assets/init/` so
//! that they read and diff as the TOML files they are; tests hold them to `check` and `run`.
//! `init --template wisn` writes a health centre in WHO WISN's terms instead.
//! The example rows of `staffplan template` (one row a sheet, every figure marked as an
//! example) live beside them in `assets/template/`.

use crate::model::Language;

const EN: &str = include_str!("../assets/init/en.toml");
const ZH: &str = include_str!("../assets/init/zh.toml");
const WISN_EN: &str = include_str!("../assets/init/wisn-en.toml");
const WISN_ZH: &str = include_str!("../assets/init/wisn-zh.toml");
const TEMPLATE_EN: &str = include_str!("../assets/template/en.toml");
const TEMPLATE_ZH: &str = include_str!("../assets/template/zh.toml");

/// The starter scenario's text in `language` (comments, names and report language alike).
pub fn starter(language: Language) -> &'static str {
    match language {
        Language::En => EN,
        Language::Zh => ZH,
    }
}

/// The WISN starter of `staffplan init --template wisn` (SPEC §16): a health centre whose
/// doctors and nurses have their own calendars, an individual allowance, and work only one
/// cadre may do, counted in WISN's terms.
pub fn wisn_starter(language: Language) -> &'static str {
    match language {
        Language::En => WISN_EN,
        Language::Zh => WISN_ZH,
    }
}

/// The scenario of `staffplan template`'s example rows in `language`: one entry a table, a
/// valid scenario on its own, so that the untouched template imports and runs.
pub fn template_example(language: Language) -> &'static str {
    match language {
        Language::En => TEMPLATE_EN,
        Language::Zh => TEMPLATE_ZH,
    }
}
