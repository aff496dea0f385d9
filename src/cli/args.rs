//! The command line as clap sees it: the commands, their flags, the checks of single flag
//! values (exit 2 when one fails), and the example in every command's help.

use std::path::PathBuf;
use std::time::Duration;

use clap::{CommandFactory as _, Parser, Subcommand, ValueEnum};

use crate::{benchmark, scenario, sensitivity, simulate};

#[derive(Debug, Parser)]
#[command(
    name = "staffplan",
    version,
    about = "How many people an organisation needs, where, and what happens without them.",
    long_about = "staffplan reads an organisation described in a TOML scenario, analyses its workload \
                  with the weighted-caseload method, recommends posts and the allocation of units to \
                  dispatched groups, simulates the year many times and writes a proposal pack."
)]
pub(super) struct Args {
    #[command(subcommand)]
    pub(super) command: Command,

    /// What goes to standard output.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Table)]
    pub(super) format: FormatArg,

    /// Output folder for files (default: output/<scenario file stem>/).
    #[arg(long, global = true, value_name = "DIR")]
    pub(super) out: Option<PathBuf>,

    /// Print nothing but errors: no warnings, no progress.
    #[arg(long, short, global = true)]
    pub(super) quiet: bool,

    /// Replace a figure of the scenario: PATH=VALUE, VALUE a TOML number, string or range
    /// (e.g. --set work.review.hours=130); repeatable. Listed among the report's assumptions.
    #[arg(long = "set", global = true, value_name = "PATH=VALUE")]
    pub(super) set: Vec<scenario::Override>,
}

/// The language of `init`'s starter scenario.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum LangArg {
    En,
    Zh,
}

/// Which starter `init` writes: the general one, or a health facility in WISN's terms.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum StarterArg {
    Wisn,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum FormatArg {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
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
        /// Staff so that every office at once meets the target in at least this share of the
        /// draws of the scenario's ranges (0..1, e.g. 0.9); the draws use --seed.
        #[arg(long, value_name = "P", value_parser = confidence)]
        confidence: Option<f64>,
        /// With --confidence: each office on its own meets the target in that share of the
        /// draws (not every office at once).
        #[arg(long, requires = "confidence")]
        per_office: bool,
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
        /// Two to 20 scenario files; the first one's language labels the chart.
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
        /// `wisn`: a health facility counted with the WHO's Workload Indicators of Staffing
        /// Need (cadres, their calendars, allowances, work only some cadres may do).
        #[arg(long, value_enum)]
        template: Option<StarterArg>,
    },
    /// Write a workbook to fill in: one sheet per table of the scenario format, empty but for
    /// an example, or holding a scenario's figures; never overwrites a file.
    Template {
        /// The workbook to create (.xlsx).
        book: PathBuf,
        /// The language of its sheet names and headers (default: the scenario's, else en).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The scenario whose figures and notes fill it (TOML or .xlsx).
        #[arg(long, value_name = "SCENARIO")]
        from: Option<PathBuf>,
    },
    /// Turn a filled workbook into a scenario file, each value with the cell it came from
    /// (to standard output, or the file given with --out).
    Import {
        /// The workbook (.xlsx).
        book: PathBuf,
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
pub(super) struct DrawArgs {
    /// Draws of the uncertain inputs (their ranges).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=i64::from(sensitivity::MAX_DRAWS)))]
    pub(super) draws: u32,
}

#[derive(Debug, Clone, clap::Args)]
pub(super) struct SimArgs {
    /// Number of simulated years.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=i64::from(simulate::MAX_RUNS)))]
    pub(super) runs: u32,
    /// Seed of the random generator; the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    pub(super) seed: u64,
    /// Working days to simulate (default: the scenario's working_days).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(simulate::MAX_DAYS)))]
    pub(super) days: Option<u32>,
    /// Threads (default: all cores). The results do not depend on it.
    #[arg(long, value_parser = threads)]
    pub(super) threads: Option<usize>,
    /// Working days simulated first and not counted, so that counting starts with the
    /// queues of a running office: a number (0: start empty) or auto (a year, longer while
    /// the backlog still moves).
    #[arg(long, value_name = "N|auto", default_value = "auto", value_parser = warmup)]
    pub(super) warmup_days: simulate::Warmup,
    /// Date printed in captions (default: the scenario's `date`, else none); at most 200
    /// characters.
    #[arg(long, value_parser = printable)]
    pub(super) date: Option<String>,
}

impl SimArgs {
    pub(super) fn options(&self) -> simulate::SimOptions {
        simulate::SimOptions {
            runs: self.runs,
            seed: self.seed,
            days: self.days,
            threads: self.threads,
            warmup: self.warmup_days,
        }
    }
}

/// What clap cannot check one flag at a time: the message of a bad command line (exit 2).
pub(super) fn usage_problem(args: &Args) -> Option<String> {
    let reads_no_scenario = matches!(
        args.command,
        Command::Schema | Command::Init { .. } | Command::Completions { .. }
    );
    if reads_no_scenario && !args.set.is_empty() {
        return Some("--set changes a scenario, and this command reads none\n  help: use --set with a command that reads a scenario file, e.g. `staffplan analyse FILE --set work.review.hours=130`".into());
    }
    let stdin = |path: &PathBuf| path.as_os_str() == "-";
    match &args.command {
        Command::Init { file, .. } if stdin(file) => {
            return Some("init writes a new scenario file and `-` is no file name\n  help: name the file, e.g. `staffplan init my-scenario.toml`".into());
        }
        Command::Compare { before, after, .. } if stdin(before) && stdin(after) => {
            return Some("compare cannot read both scenarios from standard input (`-` twice)\n  help: give at least one of them as a file".into());
        }
        _ => {}
    }
    if let Command::Benchmark { files } = &args.command {
        if files.len() > benchmark::MAX_PEERS {
            return Some(format!(
                "benchmark takes at most {} scenario files, found {}\n  help: compare the organisations in groups of {} or fewer",
                benchmark::MAX_PEERS,
                files.len(),
                benchmark::MAX_PEERS
            ));
        }
    }
    None
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
    (
        "template",
        "staffplan template daqing.xlsx --from scenarios/daqing-2017.toml\n  staffplan template 新情景.xlsx --lang zh",
    ),
    (
        "import",
        "staffplan import daqing.xlsx --out daqing.toml\n  staffplan analyse daqing.xlsx",
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
    let length = value.chars().count();
    if length > scenario::MAX_TEXT_CHARS {
        return Err(format!(
            "the text has {length} characters, more than the {} a date may have",
            scenario::MAX_TEXT_CHARS
        ));
    }
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

/// `--warmup-days N|auto`.
fn warmup(value: &str) -> Result<simulate::Warmup, String> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("auto") {
        return Ok(simulate::Warmup::Auto);
    }
    match value.parse::<u32>() {
        Ok(n) if n <= simulate::MAX_DAYS => Ok(simulate::Warmup::Days(n)),
        _ => Err(format!(
            "{value} is neither auto nor a number of working days from 0 to {}",
            simulate::MAX_DAYS
        )),
    }
}
