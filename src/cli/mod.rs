//! The command line: arguments are parsed by clap, turned into a validated request, handed to
//! the library, and errors mapped to exit codes (0 success, 1 bad scenario or infeasible
//! request, 2 bad command line). The only module that prints.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::FromArgMatches as _;

mod args;
mod sheets;

use crate::error::Error;
use crate::export::Format;
use crate::model::Scenario;
use crate::scenario::{self, Loaded};
use crate::{
    analysis, benchmark, multiyear, optimise, report, sensitivity, service, simulate, starter,
    synth,
};
pub use args::command;
use args::{Args, Command, FormatArg, LangArg, SimArgs};

/// A progress bar on stderr for a long simulation: it appears only after about a second, only
/// when stderr is a terminal, and never with `--quiet`.
struct SimProgress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    enabled: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl SimProgress {
    const DELAY: Duration = Duration::from_secs(1);

    fn new(runs: u32, quiet: bool) -> SimProgress {
        use std::io::IsTerminal as _;
        let bar = indicatif::ProgressBar::hidden();
        bar.set_length(u64::from(runs));
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "simulating {bar:40} {pos}/{len} runs, {eta} left",
        ) {
            bar.set_style(style);
        }
        SimProgress {
            bar,
            started: std::time::Instant::now(),
            enabled: !quiet && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Called from worker threads with the number of runs finished.
    fn update(&self, finished: u32) {
        use std::sync::atomic::Ordering;
        if !self.enabled {
            return;
        }
        if !self.shown.load(Ordering::Relaxed) {
            if self.started.elapsed() < Self::DELAY {
                return;
            }
            if !self.shown.swap(true, Ordering::Relaxed) {
                self.bar
                    .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
        self.bar.set_position(u64::from(finished));
    }

    fn finish(&self) {
        if self.shown.load(std::sync::atomic::Ordering::Relaxed) {
            self.bar.finish_and_clear();
        }
    }
}

/// Parses the command line, runs it and returns the exit code.
pub fn main() -> ExitCode {
    let matches = command().get_matches();
    let args = match Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(error) => error.exit(),
    };
    let reads_no_scenario = matches!(
        args.command,
        Command::Schema | Command::Init { .. } | Command::Completions { .. }
    );
    if reads_no_scenario && !args.set.is_empty() {
        // A bad command line (exit 2), like the ones clap refuses itself.
        command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--set changes a scenario, and this command reads none\n  help: use --set with a command that reads a scenario file, e.g. `staffplan analyse FILE --set work.review.hours=130`",
            )
            .exit();
    }
    report::clean_up_on_interrupt();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            match &error {
                Error::Scenario(_) => eprintln!("{error}"),
                _ => eprintln!("error: {error}"),
            }
            ExitCode::from(error.exit_code())
        }
    }
}

fn run(args: &Args) -> Result<(), Error> {
    let format = match args.format {
        FormatArg::Table => Format::Table,
        FormatArg::Json => Format::Json,
        FormatArg::Csv => Format::Csv,
    };
    match &args.command {
        Command::Schema => {
            let schema = scenario::keys::json_schema();
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            ));
            Ok(())
        }
        Command::Check { file } => {
            let Input { loaded, .. } = load(file, args)?;
            let summary = report::CheckSummary::new(&loaded.scenario, loaded.warnings.len());
            print(&format.exporter().export(&summary));
            Ok(())
        }
        Command::Analyse { file } => {
            let Input { loaded, .. } = load(file, args)?;
            let analysis = analysis::analyse(&loaded.scenario);
            print(&format.exporter().export(&analysis));
            Ok(())
        }
        Command::Optimise {
            file,
            write,
            force,
            time_limit,
            export_lp,
            sim,
            confidence,
            draws,
        } => {
            let Input { text, loaded } = load(file, args)?;
            if let Some(path) = write.as_deref().filter(|p| !force && same_file(p, file)) {
                return Err(Error::WouldOverwrite {
                    path: path.to_path_buf(),
                });
            }
            let options = optimise::Options {
                time_limit: *time_limit,
                ..optimise::Options::default()
            };
            let likely = optimise::optimise(&loaded.scenario, &options)?;
            // With a confidence level the plan staffs the scenario at that level, and the
            // likely-value plan is kept to say what the confidence costs.
            let draw_options = sensitivity::Options {
                draws: draws.draws,
                seed: sim.seed,
                threads: sim.threads,
            };
            let (recommendation, likely) = match confidence {
                None => (likely, None),
                Some(level) => {
                    let at = sensitivity::at_confidence(&loaded.scenario, *level, &draw_options)?;
                    (optimise::optimise(&at, &options)?, Some(likely))
                }
            };
            let (recommendation, _) = service::confirm(recommendation, &sim.options())?;
            let confidence = match (confidence, likely) {
                (Some(level), Some(likely)) => {
                    let met = sensitivity::met_share(
                        &loaded.scenario,
                        &recommendation.after,
                        &draw_options,
                    )?;
                    Some(sensitivity::Confidence::new(
                        *level,
                        &draw_options,
                        &likely.after,
                        &recommendation.after,
                        &met,
                    ))
                }
                _ => None,
            };
            if let Some(path) = export_lp {
                let stages = optimise::write_lp_stages(&loaded.scenario);
                let bytes = stages.iter().map(|s| s.text.len()).sum();
                if let Some(warning) = optimise::lp_size_warning(bytes, stages.len()) {
                    if !args.quiet {
                        eprintln!("{warning}");
                    }
                }
                for stage in stages {
                    let target = if stage.stage.is_empty() {
                        path.clone()
                    } else {
                        path.with_extension(format!("{}.lp", stage.stage))
                    };
                    report::write_file(&target, stage.text.as_bytes())?;
                }
            }
            if let Some(path) = write {
                let proposal = scenario::write::proposal(
                    &text,
                    &loaded.scenario,
                    &recommendation.after,
                    recommendation.status.as_str(),
                );
                report::write_file(path, proposal.as_bytes())?;
                if !args.quiet {
                    eprintln!(
                        "wrote the recommendation as a scenario to {}",
                        path.display()
                    );
                }
            }
            match &confidence {
                Some(confidence) => print(&format.exporter().export(
                    &crate::export::sensitivity::Confident {
                        recommendation: &recommendation,
                        confidence,
                    },
                )),
                None => print(&format.exporter().export(&recommendation)),
            }
            Ok(())
        }
        Command::Sensitivity {
            file,
            draws,
            seed,
            threads,
        } => {
            let Input { loaded, .. } = load(file, args)?;
            let options = sensitivity::Options {
                draws: draws.draws,
                seed: *seed,
                threads: *threads,
            };
            let result = sensitivity::sensitivity(&loaded.scenario, &options)?;
            print(&format.exporter().export(&result));
            Ok(())
        }
        Command::Plan {
            file,
            runs,
            seed,
            threads,
        } => {
            let Input { loaded, .. } = load(file, args)?;
            let options = multiyear::PlanOptions {
                runs: *runs,
                seed: *seed,
                threads: *threads,
            };
            let plan = multiyear::plan(&loaded.scenario, &options)?;
            print(&format.exporter().export(&plan));
            Ok(())
        }
        Command::Benchmark { files } => {
            let inputs = files
                .iter()
                .map(|f| load(f, args))
                .collect::<Result<Vec<_>, _>>()?;
            let analyses: Vec<analysis::Analysis> = inputs
                .iter()
                .map(|i| analysis::analyse(&i.loaded.scenario))
                .collect();
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let peers: Vec<benchmark::Peer<'_>> = inputs
                .iter()
                .zip(&analyses)
                .zip(&names)
                .map(|((input, analysis), file)| benchmark::Peer {
                    file,
                    scenario: &input.loaded.scenario,
                    analysis,
                })
                .collect();
            let result = benchmark::benchmark(&peers);
            let out = args
                .out
                .clone()
                .unwrap_or_else(|| Path::new("output").join("benchmark"));
            let date = inputs.first().and_then(|i| i.loaded.scenario.date.clone());
            let written = report::write_benchmark(&out, &result, date)?;
            if !args.quiet {
                eprintln!("wrote {} files to {}", written.len(), out.display());
            }
            print(&format.exporter().export(&result));
            Ok(())
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command(), "staffplan", &mut script);
            print(&String::from_utf8_lossy(&script));
            Ok(())
        }
        Command::Template { book, lang, from } => {
            sheets::template(book, *lang, from.as_deref(), args)
        }
        Command::Import { book } => sheets::import(book, args),
        Command::Init { file, lang } => {
            let language = match lang {
                LangArg::En => crate::model::Language::En,
                LangArg::Zh => crate::model::Language::Zh,
            };
            report::write_new_file(file, starter::starter(language).as_bytes())?;
            if !args.quiet {
                eprintln!(
                    "wrote a starter scenario to {0}\n  next: staffplan check {0}, then staffplan run {0}",
                    file.display()
                );
            }
            Ok(())
        }
        Command::Synth {
            units,
            groups,
            seed,
        } => {
            print(&synth::scenario(*units, *groups, *seed));
            Ok(())
        }
        Command::Simulate { file, sim } => {
            let Input { loaded, .. } = load(file, args)?;
            let options = sim.options();
            let bar = SimProgress::new(options.runs, args.quiet);
            let result = simulate::simulate(&loaded.scenario, &options, &|n| bar.update(n));
            bar.finish();
            print(&format.exporter().export(&result?));
            Ok(())
        }
        Command::Compare { before, after, sim } => {
            let first = load(before, args)?;
            let second = load(after, args)?;
            let out = args.out.clone().unwrap_or_else(|| {
                Path::new("output").join(format!("{}-vs-{}", stem(before), stem(after)))
            });
            let sims = simulate_both(
                &first.loaded.scenario,
                &second.loaded.scenario,
                sim,
                args.quiet,
            )?;
            let analyses = [
                analysis::analyse(&first.loaded.scenario),
                analysis::analyse(&second.loaded.scenario),
            ];
            let annotations = scenario::annotations(&first.text);
            let (before_name, after_name) =
                (before.display().to_string(), after.display().to_string());
            let pack = report::Pack {
                before: report::Side {
                    source: &before_name,
                    scenario: &first.loaded.scenario,
                    analysis: &analyses[0],
                    simulation: Some(&sims[0]),
                },
                after: report::Side {
                    source: &after_name,
                    scenario: &second.loaded.scenario,
                    analysis: &analyses[1],
                    simulation: Some(&sims[1]),
                },
                recommendation: None,
                annotations: &annotations,
                seed: sim.seed,
                runs: sim.runs,
                date: sim
                    .date
                    .clone()
                    .or_else(|| first.loaded.scenario.date.clone()),
                plan: None,
                sensitivity: None,
                holds: None,
            };
            finish_pack(&out, &pack, format, args.quiet)
        }
        Command::Run {
            file,
            sim,
            time_limit,
        } => {
            let Input { text, loaded } = load(file, args)?;
            let out = output_dir(args.out.as_deref(), file);
            let options = optimise::Options {
                time_limit: *time_limit,
                ..optimise::Options::default()
            };
            // What needs nothing from the recommendation (today's simulation, the multi-year
            // plan, the ranges' sensitivity) is worked out while the optimiser, which works
            // on one core, searches; each is seeded, so its figures do not depend on threads.
            let draw_options = sensitivity::Options {
                seed: sim.seed,
                threads: sim.threads,
                ..sensitivity::Options::default()
            };
            let beside = || -> Result<_, Error> {
                let today = simulate_one(&loaded.scenario, sim, args.quiet)?;
                let plan = match loaded.scenario.plan {
                    Some(_) => Some(multiyear::plan(&loaded.scenario, &sim.plan_options())?),
                    None => None,
                };
                // Where the scenario gives ranges, the pack says how sure its figures are.
                let sensitivity = match loaded.scenario.uncertain.is_empty() {
                    true => None,
                    false => Some(sensitivity::sensitivity(&loaded.scenario, &draw_options)?),
                };
                Ok((today, plan, sensitivity))
            };
            let (planned, beside) = std::thread::scope(|scope| {
                let beside = scope.spawn(beside);
                let planned = optimise::optimise(&loaded.scenario, &options)
                    .map_err(Error::from)
                    .and_then(|recommendation| {
                        // The service check simulates the plan it confirms; that
                        // simulation is the pack's.
                        Ok(service::confirm(recommendation, &sim.options())?)
                    });
                let beside = beside
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (planned, beside)
            });
            let (recommendation, confirmed) = planned?;
            let (today, plan, sensitivity) = beside?;
            let after = match confirmed {
                Some(after) => after,
                None => simulate_one(&recommendation.after, sim, args.quiet)?,
            };
            let sims = [today, after];
            // With ranges: how often the recommended staffing holds over the same draws.
            let holds = if sensitivity.is_some() {
                Some(sensitivity::met_share(
                    &loaded.scenario,
                    &recommendation.after,
                    &draw_options,
                )?)
            } else {
                None
            };
            let analyses = [
                analysis::analyse(&loaded.scenario),
                analysis::analyse(&recommendation.after),
            ];
            let annotations = scenario::annotations(&text);
            let source = file.display().to_string();
            let pack = report::Pack {
                before: report::Side {
                    source: &source,
                    scenario: &loaded.scenario,
                    analysis: &analyses[0],
                    simulation: Some(&sims[0]),
                },
                after: report::Side {
                    source: "recommendation",
                    scenario: &recommendation.after,
                    analysis: &analyses[1],
                    simulation: Some(&sims[1]),
                },
                recommendation: Some(&recommendation),
                annotations: &annotations,
                seed: sim.seed,
                runs: sim.runs,
                date: sim.date.clone().or_else(|| loaded.scenario.date.clone()),
                plan: plan.as_ref(),
                sensitivity: sensitivity.as_ref(),
                holds: holds.as_deref(),
            };
            finish_pack(&out, &pack, format, args.quiet)
        }
    }
}

/// Simulates one scenario, with a progress bar.
fn simulate_one(
    scenario: &Scenario,
    sim: &SimArgs,
    quiet: bool,
) -> Result<simulate::Simulation, Error> {
    let options = sim.options();
    let bar = SimProgress::new(options.runs, quiet);
    let result = simulate::simulate(scenario, &options, &|n| bar.update(n));
    bar.finish();
    Ok(result?)
}

/// Simulates two scenarios with the same options and seed, with one progress bar.
fn simulate_both(
    before: &Scenario,
    after: &Scenario,
    sim: &SimArgs,
    quiet: bool,
) -> Result<[simulate::Simulation; 2], Error> {
    let options = sim.options();
    let bar = SimProgress::new(options.runs.saturating_mul(2), quiet);
    let first = simulate::simulate(before, &options, &|n| bar.update(n));
    let first = first.inspect_err(|_| bar.finish())?;
    let second = simulate::simulate(after, &options, &|n| {
        bar.update(options.runs.saturating_add(n))
    });
    bar.finish();
    Ok([first, second?])
}

/// Writes the pack and prints its headline table.
fn finish_pack(
    out: &Path,
    pack: &report::Pack<'_>,
    format: Format,
    quiet: bool,
) -> Result<(), Error> {
    let written = report::write_pack(out, pack)?;
    if !quiet {
        eprintln!("wrote {} files to {}", written.len(), out.display());
    }
    print(&format.exporter().export(pack));
    Ok(())
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The file name without its extension.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned())
}

/// A scenario file read and validated, with its text (for `--write` and the annotations).
struct Input {
    text: String,
    loaded: Loaded,
}

/// Reads and validates a scenario file (`-`: standard input); warnings go to stderr unless
/// quiet.
fn load(path: &Path, args: &Args) -> Result<Input, Error> {
    let quiet = args.quiet;
    let name = path.display().to_string();
    let bytes = read_limited(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let Some(bytes) = bytes else {
        let size = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        return Err(Error::Scenario(vec![scenario::too_large(&name, size)]));
    };
    if sheets::is_workbook(path, &bytes) {
        return sheets::load_workbook(&bytes, &name, args);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Error::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
            offset: valid.len(),
        }
    })?;
    let loaded = scenario::parse_with(&text, &name, &args.set).map_err(Error::Scenario)?;
    if !quiet {
        for warning in &loaded.warnings {
            eprintln!("{warning}");
        }
    }
    Ok(Input { text, loaded })
}

/// The bytes of a file or of standard input (`-`), or `None` when there are more than a
/// scenario may have: a huge file or an endless device is refused without being read into
/// memory (at most one byte past the limit is read).
fn read_limited(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let limit = scenario::MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)?;
    } else {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.len() >= limit {
            return Ok(None);
        }
        file.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(Some(bytes).filter(|b| b.len() <= scenario::MAX_FILE_BYTES))
}

/// `--out`, else `output/<scenario file stem>/`.
fn output_dir(out: Option<&Path>, scenario: &Path) -> PathBuf {
    out.map_or_else(
        || Path::new("output").join(stem(scenario)),
        Path::to_path_buf,
    )
}

/// Standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
