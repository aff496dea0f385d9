//! The planner's comments on the figures of a scenario, for the report.
//!
//! Scenario files cite the source of every figure and mark every assumed one in comments:
//! `ASSUMPTION:` in English, `假设:` (or `假设：` with the full-width colon) in Chinese, so
//! that a Chinese scenario's notes, which the report quotes verbatim, can be all Chinese. TOML parsers drop comments, so this module reads them from the text
//! itself: a comment block directly above a key (no blank line between) or a comment at the end
//! of the key's line belongs to that key. The report lists them so that a reader who only has
//! the report can see where each number came from.

use serde::Serialize;

/// The place of a key before any table header.
pub const TOP_LEVEL: &str = "the top level";

/// A commented key of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    /// 1-based line of the key.
    pub line: usize,
    /// The table the key is in: `[calendar]`, `[[office]] "audit"`, …
    pub place: String,
    pub key: String,
    /// The value as written (first line of it).
    pub value: String,
    /// The comment, lines joined with spaces, without the `#`.
    pub comment: String,
}

impl Annotation {
    /// Does the comment mark the figure as assumed rather than taken from a source? The
    /// Chinese marker needs its colon, so that prose mentioning 假设 is not taken for one.
    pub fn is_assumption(&self) -> bool {
        ["ASSUMPTION", "假设:", "假设："]
            .iter()
            .any(|marker| self.comment.contains(marker))
    }
}

/// Every key with a comment, in file order.
pub fn annotations(text: &str) -> Vec<Annotation> {
    let mut out: Vec<Annotation> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut place = String::from(TOP_LEVEL);
    // The array-of-tables entry being read, to name it by its id once the id is seen.
    let mut entry: Option<(String, usize)> = None;
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut entry_start = 0;

    for (i, raw_line) in text.lines().enumerate() {
        let line = raw_line.trim();
        if line.is_empty() {
            pending.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            pending.push(comment.trim().to_string());
            continue;
        }
        let (code, trailing) = split_comment(line);
        let code = code.trim();
        let mut comment = std::mem::take(&mut pending);
        // An imported workbook's `# BOOK.xlsx: SHEET!CELL` says where a value was read, not
        // why it holds: it stays in the file but is no note on the figure.
        if let Some(trailing) = trailing.filter(|t| !super::workbook::is_cell_source(t)) {
            comment.push(trailing);
        }
        if let Some(name) = code.strip_prefix("[[").and_then(|s| s.strip_suffix("]]")) {
            let name = name.trim().to_string();
            let n = counts.entry(name.clone()).or_insert(0);
            *n += 1;
            place = format!("[[{name}]] #{n}");
            entry = Some((name, *n));
            entry_start = out.len();
        } else if let Some(name) = code.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            place = format!("[{}]", name.trim());
            entry = None;
        } else if let Some((key, value)) = code.split_once('=') {
            let key = key.trim().trim_matches('"').to_string();
            let value = value.trim().to_string();
            if key == "id" {
                if let Some((name, _)) = &entry {
                    // Name the entry, and the annotations already taken in it, by its id.
                    place = format!("[[{name}]] \"{}\"", value.trim_matches('"'));
                    for a in &mut out[entry_start..] {
                        a.place = place.clone();
                    }
                }
            }
            if !comment.is_empty() {
                out.push(Annotation {
                    line: i + 1,
                    place: place.clone(),
                    key,
                    value,
                    comment: join_wrapped(&comment),
                });
            }
        }
    }
    out
}

/// The lines of a comment as one text: a space where a line wrapped between words, none where
/// it wrapped inside Chinese ("对口" + "市纪委" is "对口市纪委", not "对口 市纪委").
fn join_wrapped(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        let wrapped_in_chinese =
            text.chars().next_back().is_some_and(is_cjk) && line.chars().next().is_some_and(is_cjk);
        if !text.is_empty() && !wrapped_in_chinese {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// A Chinese character or Chinese punctuation (full-width forms included).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// Splits `code # comment` at the first `#` outside a string.
fn split_comment(line: &str) -> (&str, Option<String>) {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') => return (&line[..i], Some(line[i + 1..].trim().to_string())),
            _ => {}
        }
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrapped_inside_chinese_join_without_a_space() {
        let text = "[[office]]\n# 对口\n# 市纪委, see\n# the note\nname = \"x\"\n";
        let a = annotations(text);
        assert_eq!(a[0].comment, "对口市纪委, see the note");
        let lines = [
            "派驻组（".to_string(),
            "两个）".to_string(),
            "staff".to_string(),
        ];
        assert_eq!(join_wrapped(&lines), "派驻组（两个） staff");
    }

    #[test]
    fn comments_belong_to_the_key_below_or_on_the_line() {
        let text = "[calendar]\n# ASSUMPTION: ten days\n# of leave\nleave_days = 10\n\n# lone\n\nhours_per_day = 8 # 报告 \"8小时\" # x\n[[office]]\n# the audit bureau\nname = \"审计局\"\nid = \"audit\"\nstaff = { a = 1 } # today\n";
        let a = annotations(text);
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].place, "[calendar]");
        assert_eq!(a[0].key, "leave_days");
        assert_eq!(a[0].line, 4);
        assert_eq!(a[0].comment, "ASSUMPTION: ten days of leave");
        assert!(a[0].is_assumption());
        assert_eq!(a[1].key, "hours_per_day");
        assert_eq!(a[1].comment, "报告 \"8小时\" # x");
        assert!(!a[1].is_assumption());
        assert_eq!(a[2].place, "[[office]] \"audit\"");
        assert_eq!(a[2].key, "name");
        assert_eq!(a[3].value, "{ a = 1 }");
    }

    #[test]
    fn the_chinese_assumption_marker_needs_its_colon() {
        let note = |comment: &str| Annotation {
            line: 1,
            place: TOP_LEVEL.to_string(),
            key: "k".into(),
            value: "1".into(),
            comment: comment.into(),
        };
        assert!(note("假设:每年休假10天").is_assumption());
        assert!(note("报告 三.4 \"3人以上\";假设：另有1人").is_assumption());
        assert!(!note("报告 三.4:\"在上述假设基础上\"").is_assumption());
        assert!(!note("报告 三.4:\"须同时3人以上\"").is_assumption());
    }
}
