//! The one-screen summary that `check` prints.

use serde_json::json;

use crate::export::{Cell, Exportable, Table, Words};
use crate::model::{OfficeKind, Scenario};

/// What `check` prints: the scenario at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSummary {
    pub name: String,
    pub year_value: f64,
    pub offices: Vec<(OfficeKind, usize)>,
    pub staff: Vec<(String, String, u32)>,
    pub units: usize,
    pub covered_units: usize,
    pub works: usize,
    pub warnings: usize,
}

impl CheckSummary {
    pub fn new(scenario: &Scenario, warnings: usize) -> CheckSummary {
        CheckSummary {
            name: scenario.name.clone(),
            year_value: scenario.calendar.year_value(),
            offices: OfficeKind::ALL
                .iter()
                .map(|&k| {
                    let n = scenario.offices.iter().filter(|o| o.kind == k).count();
                    (k, n)
                })
                .collect(),
            staff: scenario
                .staff_types
                .iter()
                .enumerate()
                .map(|(t, ty)| {
                    let n = scenario.offices.iter().map(|o| o.staff[t]).sum();
                    (ty.id.clone(), ty.label.clone(), n)
                })
                .collect(),
            units: scenario.units.len(),
            covered_units: scenario.coverage().iter().flatten().count(),
            works: scenario.works.len(),
            warnings,
        }
    }
}

impl Exportable for CheckSummary {
    fn tables(&self, w: &Words) -> Vec<Table> {
        let c = &w.check;
        let mut table = Table::new((c.title)(&self.name), &c.headers);
        let mut row = |item: &str, value: Cell| table.rows.push(vec![Cell::text(item), value]);
        let offices: usize = self.offices.iter().map(|(_, n)| n).sum();
        row(c.offices, Cell::Int(offices as i64));
        for (kind, n) in &self.offices {
            if *n > 0 {
                row(&format!("  {}", (c.kind)(*kind)), Cell::Int(*n as i64));
            }
        }
        let staff: u32 = self.staff.iter().map(|(_, _, n)| n).sum();
        row(c.staff, Cell::Int(i64::from(staff)));
        for (id, label, n) in &self.staff {
            row(&format!("  {id} ({label})"), Cell::Int(i64::from(*n)));
        }
        row(c.units, Cell::Int(self.units as i64));
        row(
            &format!("  {}", c.covered),
            Cell::Int(self.covered_units as i64),
        );
        row(c.work_types, Cell::Int(self.works as i64));
        row(c.year_value, Cell::Num(self.year_value, 1));
        row(c.warnings, Cell::Int(self.warnings as i64));
        vec![table]
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        json!({
            "name": self.name,
            "valid": true,
            "year_value": crate::export::json_number(self.year_value),
            "offices": self.offices.iter().map(|(k, n)| (k.as_str().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "staff": self.staff.iter().map(|(id, _, n)| (id.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "units": self.units,
            "covered_units": self.covered_units,
            "work_types": self.works,
            "warnings": self.warnings,
        })
    }
}
