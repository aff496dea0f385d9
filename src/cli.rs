//! The command line: arguments are parsed by clap, turned into a validated request, handed to
//! the library, and errors mapped to exit codes (0 success, 1 bad scenario or infeasible
//! request, 2 bad command line). The only module that prints.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::export::Format;
use crate::model::Scenario;
use crate::scenario::{self, Loaded};
use crate::{
    analysis, benchmark, multiyear, optimise, report, sensitivity, service, simulate, starter,
    synth,
};

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

    /// Replace a figure of the scenario: PATH=VALUE, VALUE a TOML number, string or range
    /// (e.g. --set work.review.hours=130); repeatable. Listed among the report's assumptions.
    #[arg(long = "set", global = true, value_name = "PATH=VALUE")]
    set: Vec<scenario::Override>,
}

/// The language of `init`'s starter scenario.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Zh,
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
        /// Write the recommendation as a new scenario file (the planner's comments are kept).
        #[arg(long, value_name = "PROPOSAL.toml")]
        write: Option<PathBuf>,
        /// Let --write replace the scenario file it reads.
        #[arg(long, requires = "write")]
        force: bool,
        /// Stop the solver after this many seconds and report the best answer and bound.
        #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
        time_limit: Duration,
        /// Write the optimisation model in LP format (and the lower bound's programmes beside
        /// it, as FILE-stem.pooled.lp and FILE-stem.bound.lp).
        #[arg(long, value_name = "FILE")]
        export_lp: Option<PathBuf>,
        /// How the recommendation is simulated against service targets (SPEC §8).
        #[command(flatten)]
        sim: SimArgs,
        /// Staff every office to meet the target in at least this share of the draws of the
        /// scenario's ranges (0..1, e.g. 0.9); the draws use --seed.
        #[arg(long, value_name = "P", value_parser = confidence)]
        confidence: Option<f64>,
        #[command(flatten)]
        draws: DrawArgs,
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
        #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
        time_limit: Duration,
    },
    /// The multi-year plan: posts needed, staff, leavers and hires year by year (`[plan]`).
    Plan {
        file: PathBuf,
        /// Monte Carlo runs of the leavers (the band on staff).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=i64::from(simulate::MAX_RUNS)))]
        runs: u32,
        /// Seed of the random generator; the same seed gives the same numbers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Threads (default: all cores). The results do not depend on it.
        #[arg(long, value_parser = threads)]
        threads: Option<usize>,
    },
    /// How sure the figures are: the tornado of the ranges and their Monte Carlo.
    Sensitivity {
        file: PathBuf,
        #[command(flatten)]
        draws: DrawArgs,
        /// Seed of the draws; the same seed gives the same numbers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Threads (default: all cores). The results do not depend on it.
        #[arg(long, value_parser = threads)]
        threads: Option<usize>,
    },
    /// Several organisations side by side: staff, work and the ratios a study report quotes.
    Benchmark {
        /// Two or more scenario files; the first one's language labels the chart.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
    },
    /// Write a commented starter scenario that runs as it is; never overwrites a file.
    Init {
        /// The scenario file to create.
        file: PathBuf,
        /// The language of its comments, names and report.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Print the JSON Schema of the scenario format, for editors.
    Schema,
    /// Print the shell completion script of staffplan (see the README to install it).
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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
struct DrawArgs {
    /// Draws of the uncertain inputs (their ranges).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=i64::from(sensitivity::MAX_DRAWS)))]
    draws: u32,
}

#[derive(Debug, Clone, clap::Args)]
struct SimArgs {
    /// Number of simulated years.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=i64::from(simulate::MAX_RUNS)))]
    runs: u32,
    /// Seed of the random generator; the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Working days to simulate (default: the scenario's working_days).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(simulate::MAX_DAYS)))]
    days: Option<u32>,
    /// Threads (default: all cores). The results do not depend on it.
    #[arg(long, value_parser = threads)]
    threads: Option<usize>,
    /// Working days simulated first and not counted, so that counting starts with the
    /// queues of a running office.
    #[arg(long, value_name = "N", default_value_t = 0)]
    warmup_days: u32,
    /// Date printed in captions (default: the scenario's `date`, else none).
    #[arg(long, value_parser = printable)]
    date: Option<String>,
}

impl SimArgs {
    /// The multi-year plan of `run`: its band has as many runs as the simulation.
    fn plan_options(&self) -> multiyear::PlanOptions {
        multiyear::PlanOptions {
            runs: self.runs,
            seed: self.seed,
            threads: self.threads,
        }
    }

    fn options(&self) -> simulate::SimOptions {
        simulate::SimOptions {
            runs: self.runs,
            seed: self.seed,
            days: self.days,
            threads: self.threads,
            warmup_days: self.warmup_days,
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

/// What `staffplan --help` tells a new user first.
const NEW_USER: &str = "New to staffplan? Start from a commented scenario that runs as it is:
  staffplan init my-scenario.toml        (--lang zh: Chinese comments, names and report)
  staffplan run my-scenario.toml";

/// The example lines of each command's `--help`.
const EXAMPLES: &[(&str, &str)] = &[
    ("check", "staffplan check scenarios/daqing-2017.toml"),
    (
        "analyse",
        "staffplan analyse scenarios/daqing-2017.toml --format csv > offices.csv",
    ),
    (
        "optimise",
        "staffplan optimise scenarios/daqing-2017.toml --write proposal.toml",
    ),
    (
        "simulate",
        "staffplan simulate scenarios/daqing-2017.toml --runs 1000 --seed 1",
    ),
    (
        "compare",
        "staffplan compare scenarios/daqing-2017.toml scenarios/daqing-proposal.toml",
    ),
    ("run", "staffplan run scenarios/daqing-2017.toml --out pack"),
    (
        "plan",
        "staffplan plan scenarios/daqing-2018-2022.toml --runs 1000 --seed 1",
    ),
    (
        "sensitivity",
        "staffplan sensitivity scenarios/daqing-2017.toml --draws 1000 --seed 1\n  staffplan analyse scenarios/daqing-2017.toml --set work.review.hours=130",
    ),
    (
        "benchmark",
        "staffplan benchmark scenarios/daqing-2017.toml scenarios/daqing-proposal.toml scenarios/chengdu-2016.toml",
    ),
    (
        "init",
        "staffplan init my-scenario.toml\n  staffplan init 我的情景.toml --lang zh",
    ),
    ("schema", "staffplan schema > staffplan.schema.json"),
    (
        "completions",
        "staffplan completions bash > ~/.local/share/bash-completion/completions/staffplan",
    ),
    ("synth", "staffplan synth --units 200 --groups 20 > big.toml"),
];

/// The command line as clap sees it, with an example in every command's help and the pointer
/// to `init` in the main help. Completions are generated from it too.
pub fn command() -> clap::Command {
    let mut command = Args::command().after_help(NEW_USER);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        if let Some((_, example)) = EXAMPLES.iter().find(|(n, _)| *n == name) {
            let heading = if example.contains('\n') {
                "Examples"
            } else {
                "Example"
            };
            command =
                command.mut_subcommand(name, |c| c.after_help(format!("{heading}:\n  {example}")));
        }
    }
    command
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
            let recommendation = optimise::optimise(&loaded.scenario, &options)?;
            // The service check simulates the plan it confirms; that simulation is the pack's.
            let (recommendation, confirmed) = service::confirm(recommendation, &sim.options())?;
            let sims = match confirmed {
                Some(after) => [simulate_one(&loaded.scenario, sim, args.quiet)?, after],
                None => simulate_both(&loaded.scenario, &recommendation.after, sim, args.quiet)?,
            };
            let analyses = [
                analysis::analyse(&loaded.scenario),
                analysis::analyse(&recommendation.after),
            ];
            let annotations = scenario::annotations(&text);
            let source = file.display().to_string();
            let plan = match loaded.scenario.plan {
                Some(_) => Some(multiyear::plan(&loaded.scenario, &sim.plan_options())?),
                None => None,
            };
            // Where the scenario gives ranges, the pack says how sure its figures are.
            let sensitivity = match loaded.scenario.uncertain.is_empty() {
                true => None,
                false => Some(sensitivity::sensitivity(
                    &loaded.scenario,
                    &sensitivity::Options {
                        seed: sim.seed,
                        threads: sim.threads,
                        ..sensitivity::Options::default()
                    },
                )?),
            };
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

/// `--time-limit`: a positive, finite number of seconds (clap reports anything else, exit 2).
fn seconds(value: &str) -> Result<Duration, String> {
    let refuse = || format!("{value} is not a positive number of seconds (e.g. --time-limit 30)");
    let secs: f64 = value.trim().parse().map_err(|_| refuse())?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(refuse());
    }
    Duration::try_from_secs_f64(secs).map_err(|_| refuse())
}

/// `--date`: text without control characters, since it is printed in charts and reports.
fn printable(value: &str) -> Result<String, String> {
    match value.chars().find(|c| c.is_control()) {
        Some(c) => Err(format!(
            "the text contains the control character U+{:04X}",
            u32::from(c)
        )),
        None => Ok(value.to_string()),
    }
}

/// `--confidence`: a share above 0 and at most 1.
fn confidence(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(p) if p > 0.0 && p <= 1.0 => Ok(p),
        _ => Err(format!(
            "{value} is not a share above 0 and at most 1 (e.g. --confidence 0.9)"
        )),
    }
}

/// Most threads `--threads` may ask for: more only adds the cost of starting them.
const MAX_THREADS: usize = 256;

/// `--threads`: 1 to [`MAX_THREADS`].
fn threads(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!(
            "{value} is not a number of threads from 1 to {MAX_THREADS}"
        )),
    }
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
