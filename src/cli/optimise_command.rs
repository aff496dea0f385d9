//! `optimise` on the command line: the request from its flags, the recommendation printed,
//! and the files of `--write` and `--export-lp`.

use std::path::{Path, PathBuf};

use super::args::{Args, DrawArgs, SimArgs};
use super::input::{load, Input};
use super::{same_file, show};
use crate::error::Error;
use crate::export::Format;
use crate::model::Scenario;
use crate::pipeline::{OptimiseRequest, Pipeline};
use crate::{optimise, report, scenario, sensitivity};

/// The draws of `optimise --confidence`, with the simulation's seed and threads.
pub(super) fn draw_options(draws: &DrawArgs, sim: &SimArgs) -> sensitivity::Options {
    sensitivity::Options {
        draws: draws.draws,
        seed: sim.seed,
        threads: sim.threads,
    }
}

/// The files `optimise` may write besides its output.
pub(super) struct OptimiseOutputs<'a> {
    pub(super) write: Option<&'a Path>,
    pub(super) force: bool,
    pub(super) export_lp: Option<&'a Path>,
}

/// `optimise`: the recommendation (at a confidence level, with what it costs), the proposal
/// scenario of `--write` and the programmes of `--export-lp`.
pub(super) fn optimise_command(
    args: &Args,
    format: Format,
    file: &Path,
    request: &OptimiseRequest,
    outputs: &OptimiseOutputs<'_>,
) -> Result<(), Error> {
    let Input { text, loaded } = load(file, args)?;
    let replaces_input = |p: &&Path| !outputs.force && same_file(p, file);
    if let Some(path) = outputs.write.filter(replaces_input) {
        return Err(Error::WouldOverwrite {
            path: path.to_path_buf(),
        });
    }
    let pipeline = Pipeline::new(request.sim.threads)?;
    let optimised = pipeline.optimise(&loaded.scenario, request)?;
    let recommendation = &optimised.confirmed.recommendation;
    if let Some(path) = outputs.export_lp {
        export_lp(&loaded.scenario, path, args.quiet)?;
    }
    if let Some(path) = outputs.write {
        let proposal = scenario::write::proposal(
            &text,
            &loaded.scenario,
            &recommendation.after,
            recommendation.status.as_str(),
            &args.set,
        );
        report::write_file(path, proposal.as_bytes())?;
        if !args.quiet {
            let w = report::words::terminal(loaded.scenario.language);
            eprintln!("{}", (w.check.wrote_proposal)(&path.display().to_string()));
        }
    }
    let language = loaded.scenario.language;
    let currency = loaded.scenario.currency.as_deref();
    match &optimised.confidence {
        Some(confidence) => show(
            format,
            &crate::export::sensitivity::Confident {
                recommendation: &optimised.confirmed,
                confidence,
            },
            language,
            currency,
        ),
        None => show(format, &optimised.confirmed, language, currency),
    }
    Ok(())
}

/// `--export-lp FILE`: every programme the optimiser solves, in LP format, beside FILE.
fn export_lp(scenario: &Scenario, path: &Path, quiet: bool) -> Result<(), Error> {
    let stages = optimise::write_lp_stages(scenario);
    let bytes = stages.iter().map(|s| s.text.len()).sum();
    if let Some(warning) = optimise::lp_size_warning(bytes, stages.len()) {
        if !quiet {
            eprintln!("{warning}");
        }
    }
    // One set: an earlier export's companion this one lacks goes with it.
    let companion = |stage: &str| path.with_extension(format!("{stage}.lp"));
    let files: Vec<(PathBuf, &[u8])> = stages
        .iter()
        .map(|s| match s.stage {
            "" => (path.to_path_buf(), s.text.as_bytes()),
            stage => (companion(stage), s.text.as_bytes()),
        })
        .collect();
    let stale: Vec<PathBuf> = optimise::LP_COMPANIONS
        .iter()
        .filter(|c| !stages.iter().any(|s| s.stage == **c))
        .map(|c| companion(c))
        .collect();
    report::write_files(&files, &stale)?;
    Ok(())
}
