//! Writes a recommendation back as a scenario file: the planner's own text, with the values
//! of `staff`, `covers` (and `leaders` of a group left closed) of each changed office replaced
//! and a comment line above each changed key saying what it was. The planner's comments are
//! decorated, never replaced: the lines above a key and the note at the end of its line stay as
//! they were, so the proposal reads as an edit of their file and its citations survive.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use super::set::{effective, locate, Override, Target};
use crate::model::Scenario;

/// The first line of a proposal; a proposal written again over itself keeps one.
const HEADER: &str = "# Proposal written by `staffplan optimise`";

/// The proposal's text: `original` (the text `scenario` was parsed from, with `overrides`)
/// edited to organise offices as `after` does, each override written in at its place.
/// `provenance` says in the header line what produced it (e.g. the optimiser's status), so
/// that this module needs nothing from the stages above it.
pub fn proposal(
    original: &str,
    scenario: &Scenario,
    after: &Scenario,
    provenance: &str,
    overrides: &[Override],
) -> String {
    let header = format!("{HEADER} ({provenance}): staff and covers changed where marked.\n");
    // A proposal written over an earlier one replaces its header line.
    let mut original = original;
    while original.starts_with(HEADER) {
        original = original.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let Ok(mut doc) = original.parse::<DocumentMut>() else {
        // The file parsed once already; should it not now, keep it untouched and say so.
        return format!("# staffplan could not edit this file; it is unchanged.\n{original}");
    };
    write_overrides(&mut doc, scenario, overrides);
    if let Some(Item::ArrayOfTables(offices)) = doc.get_mut("office") {
        for table in offices.iter_mut() {
            let Some(id) = table.get("id").and_then(Item::as_str).map(str::to_string) else {
                continue;
            };
            let (Some(o), Some(_)) = (scenario.office_index(&id), after.office_index(&id)) else {
                continue;
            };
            edit_office(table, scenario, after, o);
        }
    }
    format!("{header}{doc}")
}

/// Writes each override that counts into the document at its place, a note above it with
/// the file's value, so that the proposal reads as the scenario that was planned.
fn write_overrides(doc: &mut DocumentMut, scenario: &Scenario, overrides: &[Override]) {
    let ids = |section: &str| -> Vec<String> {
        match section {
            "staff" => scenario.staff_types.iter().map(|t| t.id.clone()).collect(),
            "office" => scenario.offices.iter().map(|o| o.id.clone()).collect(),
            "unit" => scenario.units.iter().map(|u| u.id.clone()).collect(),
            _ => scenario.works.iter().map(|w| w.id.clone()).collect(),
        }
    };
    for o in effective(overrides) {
        // The overrides were applied when the scenario was read, so each has its place.
        let Ok(target) = locate(&o.path, &ids, "") else {
            continue;
        };
        let value = o
            .value
            .parse::<Value>()
            .unwrap_or_else(|_| Value::from(o.value.as_str()));
        let set = format!("set by --set {}={}", o.path, o.value);
        match target {
            Target::Key { tables, key } => {
                let mut steps = tables;
                steps.push(key);
                set_path(doc.as_table_mut(), &steps, value, &set, true);
            }
            Target::Entry {
                array,
                id,
                mut tables,
                key,
            } => {
                if let Some(entry) = entry_table(doc, array, &id) {
                    tables.push(key);
                    set_path(entry, &tables, value, &set, false);
                }
            }
            Target::Next { work, follow } => {
                if let Some(entry) = entry_table(doc, "work", &work) {
                    set_next_share(entry, &follow, value, &set);
                }
            }
        }
    }
}

/// The `[[array]]` table with this id.
fn entry_table<'d>(doc: &'d mut DocumentMut, array: &str, id: &str) -> Option<&'d mut Table> {
    doc.get_mut(array)?
        .as_array_of_tables_mut()?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// The note above a key whose value an override replaced.
fn was(old: Option<&Value>, set: &str) -> String {
    match old {
        Some(old) => format!("was {}; {set}", old.to_string().trim()),
        None => format!("not in the file; {set}"),
    }
}

/// Sets the key `steps` lead to below `table`. The note goes above the key in `table` where
/// the path enters an inline table (a comment cannot stand inside one); a table the file
/// lacks is made: a section at the `top`, inline below it.
fn set_path(table: &mut Table, steps: &[String], value: Value, set: &str, top: bool) {
    let Some((first, rest)) = steps.split_first() else {
        return;
    };
    if rest.is_empty() {
        let note = was(table.get(first).and_then(Item::as_value), set);
        replace(table, first, value, &note);
        return;
    }
    if table.get(first).is_none() {
        if top {
            table.insert(first, Item::Table(Table::new()));
        } else {
            table.insert(first, Item::Value(Value::InlineTable(InlineTable::new())));
        }
    }
    match table.get_mut(first) {
        Some(Item::Table(sub)) => set_path(sub, rest, value, set, false),
        Some(Item::Value(Value::InlineTable(inline))) => {
            let old = set_inline(inline, rest, value);
            note_above(table, first, &was(old.as_ref(), set));
        }
        _ => {}
    }
}

/// Sets the key `steps` lead to inside an inline table; returns the value it replaced.
fn set_inline(table: &mut InlineTable, steps: &[String], mut value: Value) -> Option<Value> {
    let (first, rest) = steps.split_first()?;
    if rest.is_empty() {
        let old = table.get(first).cloned();
        if let Some(old) = &old {
            *value.decor_mut() = old.decor().clone();
        }
        table.insert(first, value);
        return old;
    }
    if table.get(first).is_none() {
        table.insert(first, Value::InlineTable(InlineTable::new()));
    }
    match table.get_mut(first) {
        Some(Value::InlineTable(sub)) => set_inline(sub, rest, value),
        _ => None,
    }
}

/// `work.ID.next.WORK`: the share of the `next` entry naming WORK.
fn set_next_share(entry: &mut Table, follow: &str, value: Value, set: &str) {
    let names = |t: &dyn toml_edit::TableLike| t.get("work").and_then(Item::as_str) == Some(follow);
    match entry.get_mut("next") {
        Some(Item::Value(Value::Array(next))) => {
            let inline = next
                .iter_mut()
                .filter_map(Value::as_inline_table_mut)
                .find(|t| names(&**t));
            if let Some(inline) = inline {
                let old = set_inline(inline, &["share".to_string()], value);
                note_above(entry, "next", &was(old.as_ref(), set));
            }
        }
        Some(Item::ArrayOfTables(next)) => {
            if let Some(t) = next.iter_mut().find(|t| names(&**t)) {
                let note = was(t.get("share").and_then(Item::as_value), set);
                replace(t, "share", value, &note);
            }
        }
        _ => {}
    }
}

fn edit_office(table: &mut Table, before: &Scenario, after: &Scenario, o: usize) {
    let (Some(old), Some(new)) = (before.offices.get(o), after.offices.get(o)) else {
        return;
    };
    if old.staff != new.staff {
        let mut staff = InlineTable::new();
        let written: Option<Vec<String>> = table.get("staff").and_then(|item| match item {
            Item::Table(t) => Some(t.iter().map(|(k, _)| k.to_string()).collect()),
            _ => item
                .as_inline_table()
                .map(|t| t.iter().map(|(k, _)| k.to_string()).collect()),
        });
        for (t, st) in before.staff_types.iter().enumerate() {
            let n = new.staff.get(t).copied().unwrap_or(0);
            let was_written = written.as_ref().is_some_and(|w| w.contains(&st.id));
            if n > 0 || was_written {
                staff.insert(&st.id, Value::from(i64::from(n)));
            }
        }
        let note = format!("was {}", staff_text(before, &old.staff));
        match table.get_mut("staff") {
            // Staff written as dotted keys or as an `[office.staff]` table: each figure is set
            // in its own place, so the comments beside them stay.
            Some(Item::Table(written)) => {
                set_each(written, &staff);
                let comment = format!("# staffplan: {note}\n");
                if written.is_dotted() {
                    // The first line of the dotted keys carries the note above it.
                    let first = written.iter().next().map(|(k, _)| k.to_string());
                    if let Some(mut key) = first.and_then(|k| written.key_mut(&k)) {
                        let above = key.leaf_decor().prefix().and_then(|p| p.as_str());
                        let above = above.unwrap_or("").to_string();
                        key.leaf_decor_mut().set_prefix(format!("{above}{comment}"));
                    }
                } else {
                    let above = written.decor().prefix().and_then(|p| p.as_str());
                    let above = above.unwrap_or("").to_string();
                    written.decor_mut().set_prefix(format!("{above}{comment}"));
                }
            }
            _ => replace(table, "staff", Value::InlineTable(staff), &note),
        }
    }
    if old.covers != new.covers && (old.is_group() || !new.covers.is_empty()) {
        let mut covers = Array::new();
        for &u in &new.covers {
            if let Some(unit) = after.units.get(u) {
                covers.push(unit.id.as_str());
            }
        }
        let added = new
            .covers
            .iter()
            .filter(|u| !old.covers.contains(u))
            .count();
        let removed = old
            .covers
            .iter()
            .filter(|u| !new.covers.contains(u))
            .count();
        let note = format!(
            "{added} unit(s) added, {removed} moved away (was {} units)",
            old.covers.len()
        );
        match table.get_mut("covers").and_then(Item::as_array_mut) {
            // A list written over several lines keeps its comments: kept units stay in place.
            Some(written) if written.to_string().contains('#') => {
                set_list(written, &covers);
                note_above(table, "covers", &note);
            }
            _ => replace(table, "covers", Value::Array(covers), &note),
        }
    }
    // Approved posts default to the staff: where the file does not name them, the proposal
    // keeps today's approvals (SPEC §14), which only the committee changes.
    if old.staff != new.staff && table.get("sanctioned").is_none() {
        let mut posts = InlineTable::new();
        for (t, st) in before.staff_types.iter().enumerate() {
            let n = old.sanctioned.get(t).copied().unwrap_or(0);
            if n > 0 {
                posts.insert(&st.id, Value::from(i64::from(n)));
            }
        }
        let note = "approved posts as today's staff, until the request is granted";
        replace(table, "sanctioned", Value::InlineTable(posts), note);
    }
    if old.leaders != new.leaders {
        let note = format!("was {}; the group is left closed", old.leaders);
        replace(table, "leaders", Value::from(i64::from(new.leaders)), &note);
    }
}

/// Sets `key` to `value` and says so in a comment line above the key. An existing key keeps
/// its place, the comment lines above it and the note at the end of its line; a new key is
/// added at the end of the table with the comment above it.
fn replace(table: &mut Table, key: &str, mut value: Value, note: &str) {
    let comment = format!("# staffplan: {note}\n");
    if let Some((mut k, item)) = table.get_key_value_mut(key) {
        if let Some(old) = item.as_value() {
            *value.decor_mut() = old.decor().clone();
        }
        *item = Item::Value(value);
        let above = k
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("");
        let indent: String = above
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let prefix = format!("{above}{comment}{indent}");
        k.leaf_decor_mut().set_prefix(prefix);
        return;
    }
    table.insert(key, Item::Value(value));
    if let Some(mut k) = table.key_mut(key) {
        k.leaf_decor_mut().set_prefix(comment);
    }
}

/// Sets each figure of `staff` in `written` (a dotted-key or sub-table `staff`), keeping each
/// key's place and the comments beside it.
fn set_each(written: &mut Table, staff: &InlineTable) {
    for (id, value) in staff.iter() {
        match written.get_mut(id) {
            Some(Item::Value(old)) => {
                if old.as_integer() != value.as_integer() {
                    let decor = old.decor().clone();
                    *old = value.clone();
                    *old.decor_mut() = decor;
                }
            }
            _ => {
                written.insert(id, Item::Value(value.clone()));
            }
        }
    }
}

/// Makes `written` list the ids of `new`: kept entries stay with their comments, an entry
/// moved away leaves its comments to the next one, new ids go at the end.
fn set_list(written: &mut Array, new: &Array) {
    let wanted: Vec<&str> = new.iter().filter_map(Value::as_str).collect();
    let mut carried = String::new();
    let mut i = 0;
    while i < written.len() {
        let id = written
            .get(i)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let prefix = written
            .get(i)
            .and_then(|v| v.decor().prefix())
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        if wanted.contains(&id.as_str()) {
            if let Some(v) = written.get_mut(i) {
                v.decor_mut().set_prefix(format!("{carried}{prefix}"));
            }
            carried.clear();
            i += 1;
        } else {
            carried.push_str(prefix.trim_end_matches([' ', '\t']));
            written.remove(i);
        }
    }
    let present: Vec<String> = written
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    for id in wanted {
        if !present.iter().any(|p| p == id) {
            written.push(id);
            if let Some(v) = written.get_mut(written.len() - 1) {
                v.decor_mut().set_prefix(format!("{carried}\n  "));
            }
            carried.clear();
        }
    }
    if !carried.is_empty() {
        let trailing = written.trailing().as_str().unwrap_or("").to_string();
        written.set_trailing(format!("{carried}{trailing}"));
    }
}

/// A comment line above `key`, keeping the lines already there.
fn note_above(table: &mut Table, key: &str, note: &str) {
    if let Some(mut k) = table.key_mut(key) {
        let above = k
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        k.leaf_decor_mut()
            .set_prefix(format!("{above}# staffplan: {note}\n"));
    }
}

fn staff_text(scenario: &Scenario, staff: &[u32]) -> String {
    let parts: Vec<String> = scenario
        .staff_types
        .iter()
        .zip(staff)
        .filter(|(_, &n)| n > 0)
        .map(|(t, n)| format!("{} {n}", t.id))
        .collect();
    if parts.is_empty() {
        "no staff".into()
    } else {
        parts.join(", ")
    }
}

/// `value` with a trailing comment naming where it came from (`# BOOK.xlsx: SHEET!CELL`).
pub(crate) fn with_source(mut value: Value, source: &str) -> Value {
    value.decor_mut().set_suffix(format!("  # {source}"));
    value
}

/// Sets `key` to `value` with the planner's comment lines above it, as a scenario file carries
/// its citations: the same shape [`replace`] gives its notes.
pub(crate) fn commented(table: &mut Table, key: &str, value: Value, above: &[String]) {
    table.insert(key, Item::Value(value));
    if above.is_empty() {
        return;
    }
    let prefix: String = above
        .iter()
        .flat_map(|c| c.lines())
        .map(|line| format!("# {line}\n"))
        .collect();
    if let Some(mut k) = table.key_mut(key) {
        k.leaf_decor_mut().set_prefix(prefix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit moved away leaves its comments to the next entry; a new one goes at the end.
    #[test]
    fn a_long_list_keeps_its_comments_when_units_move() {
        let mut doc: DocumentMut = "covers = [\n  \"u1\",  # the first unit\n  # the second follows\n  \"u2\",\n  \"u3\",\n]\n"
            .parse()
            .unwrap();
        let written = doc.get_mut("covers").and_then(Item::as_array_mut).unwrap();
        let new: Array = ["u1", "u3", "u4"].into_iter().collect();
        set_list(written, &new);
        let text = doc.to_string();
        assert!(text.contains("# the first unit"), "{text}");
        assert!(text.contains("# the second follows"), "{text}");
        let again: toml::Table = text.parse().unwrap();
        let ids: Vec<&str> = again["covers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(toml::Value::as_str)
            .collect();
        assert_eq!(ids, ["u1", "u3", "u4"]);
    }
}
