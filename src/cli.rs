//! The command line: arguments are parsed by clap, turned into a validated request, handed to
//! the library, and errors mapped to exit codes (0 success, 1 bad scenario or infeasible
//! request, 2 bad command line). The only module that prints.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::export::Format;
use crate::model::Scenario;
use crate::scenario::{self, Loaded};
use crate::{analysis, optimise, report, simulate, synth};

#[derive(Debug, Parser)]
#[command(
    name = "staffplan",
    version,
    about = "How many people an organisation needs, where, and what happens without them.",
    long_about = "staffplan reads an organisation described in a TOML scenario, analyses its workload \
                  with the weighted-caseload method, recommends posts and the allocation of units to \
                  dispatched groups, simulates the year many times and writes a proposal pack."
)]
pub struct Args {
    #[command(subcommand)]
    command: Command,

    /// What goes to standard output.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,

    /// Output folder for files (default: output/<scenario file stem>/).
    #[arg(long, global = true, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Print nothing but errors: no warnings, no progress.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse and validate a scenario; print a one-screen summary.
    Check { file: PathBuf },
    /// Weighted-caseload analysis of the scenario as it stands.
    #[command(alias = "analyze")]
    Analyse { file: PathBuf },
    /// Recommend posts per office and the allocation of units to groups.
    #[command(alias = "optimize")]
    Optimise {
        file: PathBuf,
        /// Write the recommendation as a new scenario file.
        #[arg(long, value_name = "PROPOSAL.toml")]
        write: Option<PathBuf>,
        /// Stop the solver after this many seconds and report the best answer and bound.
        #[arg(long, value_name = "SECS", default_value_t = 30.0)]
        time_limit: f64,
        /// Write the optimisation model in LP format (and the lower bound's programmes beside
        /// it, as FILE-stem.pooled.lp and FILE-stem.bound.lp).
        #[arg(long, value_name = "FILE")]
        export_lp: Option<PathBuf>,
    },
    /// Monte Carlo simulation of the year.
    Simulate {
        file: PathBuf,
        #[command(flatten)]
        sim: SimArgs,
    },
    /// Two scenarios side by side: analysis, simulation and charts of both.
    Compare {
        before: PathBuf,
        after: PathBuf,
        #[command(flatten)]
        sim: SimArgs,
    },
    /// The main job: check, analyse, optimise, simulate, and write the proposal pack.
    Run {
        file: PathBuf,
        #[command(flatten)]
        sim: SimArgs,
        /// Stop the solver after this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 30.0)]
        time_limit: f64,
    },
    /// Print the JSON Schema of the scenario format, for editors.
    Schema,
    /// Print a synthetic scenario of a given size (for benchmarks of the optimiser).
    #[command(hide = true)]
    Synth {
        #[arg(long, default_value_t = 200)]
        units: usize,
        #[arg(long, default_value_t = 20)]
        groups: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Clone, clap::Args)]
struct SimArgs {
    /// Number of simulated years.
    #[arg(long, default_value_t = 1000)]
    runs: u32,
    /// Seed of the random generator; the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Working days to simulate (default: the scenario's working_days).
    #[arg(long)]
    days: Option<u32>,
    /// Threads (default: all cores). The results do not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// Date printed in captions (default: the scenario's `date`, else none).
    #[arg(long)]
    date: Option<String>,
}

impl SimArgs {
    fn options(&self) -> simulate::SimOptions {
        simulate::SimOptions {
            runs: self.runs,
            seed: self.seed,
            days: self.days,
            threads: self.threads,
        }
    }
}

/// A progress bar on stderr for a long simulation: it appears only after about a second, only
/// when stderr is a terminal, and never with `--quiet`.
struct SimProgress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    enabled: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl SimProgress {
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);

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
    let args = Args::parse();
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
            let Input { loaded, .. } = load(file, args.quiet)?;
            let summary = report::CheckSummary::new(&loaded.scenario, loaded.warnings.len());
            print(&format.exporter().export(&summary));
            Ok(())
        }
        Command::Analyse { file } => {
            let Input { loaded, .. } = load(file, args.quiet)?;
            let analysis = analysis::analyse(&loaded.scenario);
            print(&format.exporter().export(&analysis));
            Ok(())
        }
        Command::Optimise {
            file,
            write,
            time_limit,
            export_lp,
        } => {
            let Input { text, loaded } = load(file, args.quiet)?;
            let time_limit = seconds(*time_limit)?;
            if let Some(path) = export_lp {
                for stage in optimise::write_lp_stages(&loaded.scenario) {
                    let target = if stage.stage.is_empty() {
                        path.clone()
                    } else {
                        path.with_extension(format!("{}.lp", stage.stage))
                    };
                    report::write_file(&target, stage.text.as_bytes())?;
                }
            }
            let options = optimise::Options {
                time_limit,
                ..optimise::Options::default()
            };
            let recommendation = optimise::optimise(&loaded.scenario, &options)?;
            if let Some(path) = write {
                let proposal = scenario::write::proposal(&text, &loaded.scenario, &recommendation);
                report::write_file(path, proposal.as_bytes())?;
                if !args.quiet {
                    eprintln!(
                        "wrote the recommendation as a scenario to {}",
                        path.display()
                    );
                }
            }
            print(&format.exporter().export(&recommendation));
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
            let Input { loaded, .. } = load(file, args.quiet)?;
            let options = sim.options();
            let bar = SimProgress::new(options.runs, args.quiet);
            let result = simulate::simulate(&loaded.scenario, &options, &|n| bar.update(n));
            bar.finish();
            print(&format.exporter().export(&result?));
            Ok(())
        }
        Command::Compare { before, after, sim } => {
            let first = load(before, args.quiet)?;
            let second = load(after, args.quiet)?;
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
            };
            finish_pack(&out, &pack, format, args.quiet)
        }
        Command::Run {
            file,
            sim,
            time_limit,
        } => {
            let Input { text, loaded } = load(file, args.quiet)?;
            let out = output_dir(args.out.as_deref(), file);
            let options = optimise::Options {
                time_limit: seconds(*time_limit)?,
                ..optimise::Options::default()
            };
            let recommendation = optimise::optimise(&loaded.scenario, &options)?;
            let sims = simulate_both(&loaded.scenario, &recommendation.after, sim, args.quiet)?;
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
            };
            finish_pack(&out, &pack, format, args.quiet)
        }
    }
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

/// `--time-limit` as a duration.
fn seconds(value: f64) -> Result<std::time::Duration, Error> {
    std::time::Duration::try_from_secs_f64(value).map_err(|_| {
        Error::Infeasible(format!(
            "--time-limit {value} is not a number of seconds\n  help: give a positive number, e.g. --time-limit 30"
        ))
    })
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

/// Reads and validates a scenario file; warnings go to stderr unless quiet.
fn load(path: &Path, quiet: bool) -> Result<Input, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let loaded = scenario::parse(&text, &path.display().to_string()).map_err(Error::Scenario)?;
    if !quiet {
        for warning in &loaded.warnings {
            eprintln!("{warning}");
        }
    }
    Ok(Input { text, loaded })
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
