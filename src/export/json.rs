//! JSON: the result's own machine-readable form, pretty-printed.

use super::{Exportable, Exporter, Words};

#[derive(Debug, Clone, Copy)]
pub struct Json;

impl Exporter for Json {
    fn export(&self, item: &dyn Exportable, words: &Words) -> String {
        let mut text = serde_json::to_string_pretty(&item.json(words)).unwrap_or_default();
        text.push('\n');
        text
    }
}
