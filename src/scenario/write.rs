//! Writes a recommendation back as a scenario file: the planner's own text, with `staff`,
//! `covers` (and `leaders` of a group left closed) of each changed office replaced and a
//! comment on each changed line saying what it was. Everything else, comments included,
//! stays as the planner wrote it, so the proposal reads as an edit of their file.

use toml_edit::{value, Array, DocumentMut, InlineTable, Item, Table, Value};

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
        let mut v = Value::InlineTable(staff);
        v.decor_mut().set_suffix(format!(
            "  # staffplan: was {}",
            staff_text(before, &old.staff)
        ));
        table.insert("staff", Item::Value(v));
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
        let mut v = Value::Array(covers);
        v.decor_mut().set_suffix(format!(
            "  # staffplan: {added} unit(s) added, {removed} moved away (was {} units)",
            old.covers.len()
        ));
        table.insert("covers", Item::Value(v));
    }
    if old.leaders != new.leaders {
        let mut v = value(i64::from(new.leaders));
        if let Some(v) = v.as_value_mut() {
            v.decor_mut().set_suffix(format!(
                "  # staffplan: was {}; the group is left closed",
                old.leaders
            ));
        }
        table.insert("leaders", v);
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
