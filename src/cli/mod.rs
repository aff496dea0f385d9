//! The command line: arguments are parsed by clap, turned into a validated request, handed to
//! the library, and errors mapped to exit codes (0 success, 1 bad scenario or infeasible
//! request, 2 bad command line). The only module that prints.
//!
//! As in ripgrep, `run` only dispatches: one small function per command turns its arguments
//! into the library's options, calls the library (`pipeline` where a command runs more than
//! one stage), has `report` write the files and prints the result.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::FromArgMatches as _;

mod args;
mod input;
mod optimise_command;
mod progress;
mod sheets;

use crate::error::Error;
use crate::export::{Exportable, Format, Words};
use crate::model::Language;
use crate::pipeline::{OptimiseRequest, Pipeline, RunRequest};
use crate::{analysis, benchmark, multiyear, optimise, report, scenario, sensitivity, starter};
pub use args::command;
use args::{Args, Command, FormatArg, LangArg, SimArgs, StarterArg};
use input::{load, Input};
use optimise_command::{draw_options, optimise_command, OptimiseOutputs};
use progress::Bars;

/// Parses the command line, runs it and returns the exit code.
pub fn main() -> ExitCode {
    let matches = command().get_matches();
    let args = match Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(error) => error.exit(),
    };
    if let Some(problem) = args::usage_problem(&args) {
        // A bad command line (exit 2), like the ones clap refuses itself.
        command()
            .error(clap::error::ErrorKind::ArgumentConflict, problem)
            .exit();
    }
    report::clean_up_on_interrupt(|written| {
        if written {
            eprintln!("interrupted: the files already written are whole; nothing else was written");
        } else {
            eprintln!("interrupted: nothing was written");
        }
    });
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // In the scenario's language where one was read.
            eprintln!(
                "{}",
                report::words::failure(input::terminal_language(), &error)
            );
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
            show_of(format, &summary, &loaded.scenario);
            Ok(())
        }
        Command::Analyse { file } => analyse_command(args, file, format),
        Command::Optimise {
            file,
            write,
            force,
            time_limit,
            export_lp,
            sim,
            confidence,
            per_office,
            draws,
        } => {
            let request = OptimiseRequest {
                optimise: optimise_options(*time_limit),
                sim: sim.options(),
                confidence: *confidence,
                holding: sensitivity::Holding::of(*per_office),
                draws: draw_options(draws, sim),
            };
            let outputs = OptimiseOutputs {
                write: write.as_deref(),
                force: *force,
                export_lp: export_lp.as_deref(),
            };
            optimise_command(args, format, file, &request, &outputs)
        }
        Command::Sensitivity {
            file,
            draws,
            seed,
            threads,
        } => {
            let options = sensitivity::Options {
                draws: draws.draws,
                seed: *seed,
                threads: *threads,
            };
            sensitivity_command(args, format, file, &options)
        }
        Command::Plan {
            file,
            runs,
            seed,
            threads,
        } => {
            let options = multiyear::PlanOptions {
                runs: *runs,
                seed: *seed,
                threads: *threads,
            };
            plan_command(args, format, file, &options)
        }
        Command::Benchmark { files } => benchmark_command(args, format, files),
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
        Command::Init {
            file,
            lang,
            template,
        } => init_command(args, file, *lang, *template),
        Command::Synth {
            units,
            groups,
            seed,
        } => {
            print(&crate::synth::scenario(*units, *groups, *seed));
            Ok(())
        }
        Command::Simulate { file, sim } => {
            let Input { loaded, .. } = load(file, args)?;
            let pipeline = Pipeline::new(sim.threads)?;
            let bars = Bars::new(args.quiet, loaded.scenario.language);
            let result = pipeline.simulate(&loaded.scenario, &sim.options(), &bars)?;
            show_of(format, &result, &loaded.scenario);
            Ok(())
        }
        Command::Compare { before, after, sim } => {
            compare_command(args, format, [before, after], sim)
        }
        Command::Run {
            file,
            sim,
            time_limit,
        } => run_command(args, format, file, sim, *time_limit),
    }
}

/// `sensitivity`: the ranges' draws and the tornado.
fn sensitivity_command(
    args: &Args,
    format: Format,
    file: &Path,
    options: &sensitivity::Options,
) -> Result<(), Error> {
    let Input { loaded, .. } = load(file, args)?;
    let result = sensitivity::sensitivity(&loaded.scenario, options)?;
    let named = crate::export::sensitivity::Named {
        inputs: report::tornado_inputs(&result, &loaded.scenario),
        sensitivity: &result,
    };
    show_of(format, &named, &loaded.scenario);
    Ok(())
}

/// `plan`: the multi-year plan.
fn plan_command(
    args: &Args,
    format: Format,
    file: &Path,
    options: &multiyear::PlanOptions,
) -> Result<(), Error> {
    let Input { loaded, .. } = load(file, args)?;
    let plan = multiyear::plan(&loaded.scenario, options)?;
    show_of(format, &plan, &loaded.scenario);
    Ok(())
}

/// The optimiser's options of `--time-limit`.
fn optimise_options(time_limit: Duration) -> optimise::Options {
    optimise::Options {
        time_limit,
        ..optimise::Options::default()
    }
}

/// `benchmark`: several organisations side by side; the chart and tables written, the table
/// printed.
fn benchmark_command(args: &Args, format: Format, files: &[PathBuf]) -> Result<(), Error> {
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
    let language = inputs
        .first()
        .map_or(Language::En, |i| i.loaded.scenario.language);
    if !args.quiet {
        let w = report::words::terminal(language);
        eprintln!(
            "{}",
            (w.pack.wrote)(written.len(), &out.display().to_string())
        );
    }
    let currency = inputs
        .first()
        .and_then(|i| i.loaded.scenario.currency.as_deref());
    show(format, &result, language, currency);
    Ok(())
}

/// `analyse`: the analysis as it stands; WISN's required and ratio carry the bands of the
/// scenario's ranges (SPEC §16).
fn analyse_command(args: &Args, file: &Path, format: Format) -> Result<(), Error> {
    let Input { loaded, .. } = load(file, args)?;
    let mut analysis = analysis::analyse(&loaded.scenario);
    let options = sensitivity::Options::default();
    sensitivity::wisn_bands(&loaded.scenario, &mut analysis, &options)?;
    show_of(format, &analysis, &loaded.scenario);
    Ok(())
}

/// `init`: a starter scenario, never replacing a file.
fn init_command(
    args: &Args,
    file: &Path,
    lang: LangArg,
    template: Option<StarterArg>,
) -> Result<(), Error> {
    let language = match lang {
        LangArg::En => Language::En,
        LangArg::Zh => Language::Zh,
    };
    // A file already there is refused in the language asked for.
    input::set_terminal_language(language);
    let text = match template {
        None => starter::starter(language),
        Some(StarterArg::Wisn) => starter::wisn_starter(language),
    };
    report::write_new_file(file, text.as_bytes())?;
    if !args.quiet {
        let w = report::words::terminal(language);
        eprintln!("{}", (w.check.starter)(&file.display().to_string()));
    }
    Ok(())
}

/// `compare`: two scenarios a planner wrote, as a pack.
fn compare_command(
    args: &Args,
    format: Format,
    files: [&PathBuf; 2],
    sim: &SimArgs,
) -> Result<(), Error> {
    let [before, after] = files;
    let first = load(before, args)?;
    let second = load(after, args)?;
    let out = args.out.clone().unwrap_or_else(|| {
        Path::new("output").join(format!("{}-vs-{}", stem(before), stem(after)))
    });
    let pipeline = Pipeline::new(sim.threads)?;
    let (a, b) = (&first.loaded.scenario, &second.loaded.scenario);
    let bars = Bars::new(args.quiet, a.language);
    let outcome = pipeline.compare(a, b, &sim.options(), &bars)?;
    let annotations = scenario::annotations(&first.text);
    let names = [before.display().to_string(), after.display().to_string()];
    let sources = report::Sources {
        names: [&names[0], &names[1]],
        annotations: &annotations,
        seed: sim.seed,
        runs: sim.runs,
        date: sim.date.as_deref().or(a.date.as_deref()),
    };
    let pack = report::Pack::new(sources, a, Some(b), &outcome);
    finish_pack(&out, pack.as_ref(), format, args.quiet)
}

/// `run`: the scenario, its recommendation, their simulations (and the multi-year plan and
/// the ranges where the scenario has them), as a pack.
fn run_command(
    args: &Args,
    format: Format,
    file: &Path,
    sim: &SimArgs,
    time_limit: Duration,
) -> Result<(), Error> {
    let Input { text, loaded } = load(file, args)?;
    let out = output_dir(args.out.as_deref(), file);
    let request = RunRequest {
        sim: sim.options(),
        optimise: optimise_options(time_limit),
    };
    let pipeline = Pipeline::new(sim.threads)?;
    let scenario = &loaded.scenario;
    let source = file.display().to_string();
    // Read before the long part, so that a missing peer stops the run at once.
    let compared = peer_benchmark(file, &source, scenario, args.quiet)?;
    let outcome = pipeline.run(
        scenario,
        &request,
        &Bars::new(args.quiet, scenario.language),
    )?;
    let annotations = scenario::annotations(&text);
    let recommendation = report::words::terminal(scenario.language)
        .pack
        .recommendation;
    let sources = report::Sources {
        names: [&source, recommendation],
        annotations: &annotations,
        seed: sim.seed,
        runs: sim.runs,
        date: sim.date.as_deref().or(scenario.date.as_deref()),
    };
    let pack = report::Pack::new(sources, scenario, None, &outcome).map(|mut pack| {
        pack.peers = compared.as_ref();
        pack
    });
    finish_pack(&out, pack.as_ref(), format, args.quiet)
}

/// SPEC §14: today's organisation and the peers the scenario names (`[scenario] peers`), side
/// by side; `None` without peers.
fn peer_benchmark(
    file: &Path,
    source: &str,
    scenario: &crate::model::Scenario,
    quiet: bool,
) -> Result<Option<benchmark::Benchmark>, Error> {
    let peers = input::load_peers(file, &scenario.peers, quiet)?;
    if peers.is_empty() {
        return Ok(None);
    }
    let today = analysis::analyse(scenario);
    let analyses: Vec<analysis::Analysis> = peers
        .iter()
        .map(|(_, p)| analysis::analyse(&p.scenario))
        .collect();
    let mut rows = vec![benchmark::Peer {
        file: source,
        scenario,
        analysis: &today,
    }];
    rows.extend(
        peers
            .iter()
            .zip(&analyses)
            .map(|((file, p), analysis)| benchmark::Peer {
                file,
                scenario: &p.scenario,
                analysis,
            }),
    );
    Ok(Some(benchmark::benchmark(&rows)))
}

/// Writes the pack and prints its headline table; on stderr, the folder, the report to open
/// first and the headline in one line.
fn finish_pack(
    out: &Path,
    pack: Option<&report::Pack<'_>>,
    format: Format,
    quiet: bool,
) -> Result<(), Error> {
    // A pack always has its second side: `compare` reads it, `run` recommends it.
    let Some(pack) = pack else {
        return Ok(());
    };
    let written = report::write_pack(out, pack)?;
    let language = pack.before.scenario.language;
    if !quiet {
        let w = report::words::terminal(language);
        eprintln!(
            "{}",
            (w.pack.wrote)(written.len(), &out.display().to_string())
        );
        let first = ["report.html", "report.docx"]
            .iter()
            .map(|name| out.join(name))
            .find(|path| written.contains(path));
        if let Some(first) = first {
            let (before, after) = (pack.before.analysis, pack.after.analysis);
            let peak = |a: &analysis::Analysis| {
                a.offices
                    .iter()
                    .filter_map(|o| o.utilisation)
                    .fold(None, |m: Option<f64>, u| Some(m.map_or(u, |m| m.max(u))))
            };
            let headline = report::words::headline(
                w,
                [before.total.staff, after.total.staff],
                [peak(before), peak(after)],
                // Today's need counts the work nobody does (SPEC §14), as the summary does.
                [
                    before.total.posts_needed_incl_undone,
                    after.total.posts_needed_incl_undone,
                ],
            );
            eprintln!(
                "{}",
                (w.pack.open_first)(&first.display().to_string(), &headline)
            );
        }
    }
    show_of(format, pack, pack.before.scenario);
    Ok(())
}

/// A result on standard output: a table in the scenario's language; CSV and JSON in the
/// SPEC's names, whatever the language.
fn show(format: Format, item: &dyn Exportable, language: Language, currency: Option<&str>) {
    let words = words(format, language);
    match currency.filter(|_| format.is_for_reader()) {
        // A table carries the scenario's currency with its amounts; CSV and JSON plain numbers.
        Some(currency) => {
            let words = Words {
                currency: Some(currency.to_string()),
                ..words.clone()
            };
            print(&format.exporter().export(item, &words));
        }
        None => print(&format.exporter().export(item, words)),
    }
}

/// A result of `scenario` on standard output, in its language and currency.
fn show_of(format: Format, item: &dyn Exportable, scenario: &crate::model::Scenario) {
    show(
        format,
        item,
        scenario.language,
        scenario.currency.as_deref(),
    );
}

/// The words of an output format for a scenario in `language`.
fn words(format: Format, language: Language) -> &'static Words {
    if format.is_for_reader() {
        report::words::terminal(language)
    } else {
        report::words::terminal(Language::En)
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
    if path.as_os_str() == "-" {
        // A scenario read from standard input: `output/stdin/`, not a folder named `-`.
        return "stdin".into();
    }
    path.file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned())
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
