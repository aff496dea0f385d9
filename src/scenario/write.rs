//! Writes a recommendation back as a scenario file: the planner's own text, with the values
//! of `staff`, `covers` (and `leaders` of a group left closed) of each changed office replaced
//! and a comment line above each changed key saying what it was. The planner's comments are
//! decorated, never replaced: the lines above a key and the note at the end of its line stay as
//! they were, so the proposal reads as an edit of their file and its citations survive.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::model::Scenario;

/// The proposal's text: `original` (the text `scenario` was parsed from) edited to organise
/// offices as `after` does. `provenance` says in the header line what produced it (e.g. the
/// optimiser's status), so that this module needs nothing from the stages above it.
pub fn proposal(original: &str, scenario: &Scenario, after: &Scenario, provenance: &str) -> String {
    let header = format!(
        "# Proposal written by `staffplan optimise` ({provenance}): staff and covers changed where marked.\n"
    );
    let Ok(mut doc) = original.parse::<DocumentMut>() else {
        // The file parsed once already; should it not now, keep it untouched and say so.
        return format!("# staffplan could not edit this file; it is unchanged.\n{original}");
    };
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

fn edit_office(table: &mut Table, before: &Scenario, after: &Scenario, o: usize) {
    let (Some(old), Some(new)) = (before.offices.get(o), after.offices.get(o)) else {
        return;
    };
    if old.staff != new.staff {
        let mut staff = InlineTable::new();
        let written: Option<Vec<String>> = table
            .get("staff")
            .and_then(Item::as_inline_table)
            .map(|t| t.iter().map(|(k, _)| k.to_string()).collect());
        for (t, st) in before.staff_types.iter().enumerate() {
            let n = new.staff.get(t).copied().unwrap_or(0);
            let was_written = written.as_ref().is_some_and(|w| w.contains(&st.id));
            if n > 0 || was_written {
                staff.insert(&st.id, Value::from(i64::from(n)));
            }
        }
        let note = format!("was {}", staff_text(before, &old.staff));
        replace(table, "staff", Value::InlineTable(staff), &note);
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
        replace(table, "covers", Value::Array(covers), &note);
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
