//! The errors a user can meet, each saying how to fix the problem, and their exit codes.

use std::path::PathBuf;

use crate::scenario::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The scenario has errors; all of them are listed.
    #[error("{}", render_diagnostics(.0))]
    Scenario(Vec<Diagnostic>),

    #[error("cannot read {}: {source}\n  help: check that the file exists and that you may read it", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}:{line}:{column}: the file is not UTF-8 text (first bad byte at offset {offset})\n  help: save the scenario as UTF-8", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        offset: usize,
    },

    #[error("cannot write {}: {source}\n  help: choose an output folder you may write to (--out DIR) and check the disk has room", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A new file (`init`) could not be created.
    #[error("cannot create {}: {source}\n  help: check that the folder exists and that you may write to it", path.display())]
    WriteNew {
        path: PathBuf,
        source: std::io::Error,
    },

    /// `--write` names the scenario being read.
    #[error("--write {} is the scenario file being read\n  help: write the proposal to a new file (e.g. --write proposal.toml), or add --force to replace this one (its comments are kept)", path.display())]
    WouldOverwrite { path: PathBuf },

    /// `init` or `template` was asked to write over a file that exists.
    #[error("{} already exists; staffplan never writes a new scenario or template over a file\n  help: give another file name, or move the existing file away first", path.display())]
    Exists { path: PathBuf },

    /// The optimiser could not recommend anything (contradictory rules, no answer in time).
    #[error("{0}")]
    Optimise(#[from] crate::optimise::OptimiseError),

    /// A simulation request refused (limits, no runs, no working days).
    #[error(transparent)]
    Simulate(#[from] crate::simulate::SimulateError),

    /// A multi-year plan refused (no `[plan]`, limits).
    #[error(transparent)]
    Plan(#[from] crate::multiyear::PlanError),
    /// A sensitivity request refused (draws beyond the limits).
    #[error(transparent)]
    Sensitivity(#[from] crate::sensitivity::SensitivityError),

    /// A chart could not be drawn (a renderer failure, not a problem of the scenario).
    #[error("cannot draw the {name} chart: {source}\n  help: this is a fault of staffplan, not of the scenario; please report it with the scenario file")]
    Chart {
        name: String,
        source: crate::chart::ChartError,
    },

    /// A document of the pack (report.docx, tables.xlsx) could not be put together.
    #[error("cannot put together {file}: {message}\n  help: this is a fault of staffplan, not of the scenario; please report it with the scenario file")]
    Document { file: &'static str, message: String },
}

impl Error {
    /// 1 for a bad scenario or an infeasible request; 2 for a bad command line, which clap
    /// refuses itself except where a flag is checked against the scenario (`--warmup-days`
    /// with the scenario's working days).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Simulate(crate::simulate::SimulateError::TooLongWarmup { .. }) => 2,
            // Too much work for one simulation: --runs and --days are what make it so.
            Error::Simulate(
                crate::simulate::SimulateError::TooManyItems { .. }
                | crate::simulate::SimulateError::TooMuchWork { .. },
            ) => 2,
            _ => 1,
        }
    }
}

fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    crate::scenario::english(diagnostics)
}
