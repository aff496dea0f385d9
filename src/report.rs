//! The proposal pack: writes report.md, summary.json and the CSV tables of `run` and
//! `compare`, and the one-screen summary of `check`. With `chart`, the only module that
//! writes files; every file is written to a temporary name and renamed, so that an
//! interrupted run never leaves half a file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::analysis::Analysis;
use crate::error::Error;
use crate::export::{csv, Cell, Exportable, Table};
use crate::model::Scenario;

/// What `check` prints: the scenario at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSummary {
    pub name: String,
    pub year_value: f64,
    pub offices: Vec<(String, usize)>,
    pub staff: Vec<(String, String, u32)>,
    pub units: usize,
    pub covered_units: usize,
    pub works: usize,
    pub warnings: usize,
}

impl CheckSummary {
    pub fn new(scenario: &Scenario, warnings: usize) -> CheckSummary {
        let kinds = ["section", "dispatched_group", "patrol_group", "centre"];
        CheckSummary {
            name: scenario.name.clone(),
            year_value: scenario.calendar.year_value(),
            offices: kinds
                .iter()
                .map(|k| {
                    let n = scenario
                        .offices
                        .iter()
                        .filter(|o| o.kind.as_str() == *k)
                        .count();
                    (k.to_string(), n)
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
    fn tables(&self) -> Vec<Table> {
        let mut table = Table::new(
            format!("{}: the scenario is valid", self.name),
            &["item", "value"],
        );
        let mut row = |item: &str, value: Cell| table.rows.push(vec![Cell::text(item), value]);
        let offices: usize = self.offices.iter().map(|(_, n)| n).sum();
        row("offices", Cell::Int(offices as i64));
        for (kind, n) in &self.offices {
            if *n > 0 {
                row(&format!("  {kind}"), Cell::Int(*n as i64));
            }
        }
        let staff: u32 = self.staff.iter().map(|(_, _, n)| n).sum();
        row("staff", Cell::Int(i64::from(staff)));
        for (id, label, n) in &self.staff {
            row(&format!("  {id} ({label})"), Cell::Int(i64::from(*n)));
        }
        row("units", Cell::Int(self.units as i64));
        row("  covered by a group", Cell::Int(self.covered_units as i64));
        row("work types", Cell::Int(self.works as i64));
        row("year value (hours)", Cell::Num(self.year_value, 1));
        row("warnings", Cell::Int(self.warnings as i64));
        vec![table]
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "valid": true,
            "year_value": crate::export::json_number(self.year_value),
            "offices": self.offices.iter().map(|(k, n)| (k.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "staff": self.staff.iter().map(|(id, _, n)| (id.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "units": self.units,
            "covered_units": self.covered_units,
            "work_types": self.works,
            "warnings": self.warnings,
        })
    }
}

/// Writes the files of the proposal pack into `out` and returns their paths.
pub fn write_pack(
    out: &Path,
    scenario: &Scenario,
    analysis: &Analysis,
) -> Result<Vec<PathBuf>, Error> {
    let _ = scenario;
    create_dir(out)?;
    let mut written = Vec::new();
    let offices = analysis.tables().into_iter().next().unwrap_or_default();
    written.push(write_file(
        &out.join("offices.csv"),
        csv::table_csv(&offices).as_bytes(),
    )?);
    let summary = json!({ "analysis": analysis.json() });
    let mut text = serde_json::to_string_pretty(&summary).unwrap_or_default();
    text.push('\n');
    written.push(write_file(&out.join("summary.json"), text.as_bytes())?);
    Ok(written)
}

/// Creates a folder and its parents, with an error that names it.
pub fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })
}

/// Writes a whole file or nothing: the bytes go to a temporary file beside it, which is
/// synced and renamed over the target. On any failure the temporary file is removed.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(error(source));
    }
    Ok(path.to_path_buf())
}
