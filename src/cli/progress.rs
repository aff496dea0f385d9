//! The simulation's progress bar on stderr: the [`Progress`] the pipeline reports to.

use std::sync::Mutex;
use std::time::Duration;

use crate::model::Language;
use crate::pipeline::Progress;

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

    fn new(runs: u32, quiet: bool, template: &str) -> SimProgress {
        use std::io::IsTerminal as _;
        let bar = indicatif::ProgressBar::hidden();
        bar.set_length(u64::from(runs));
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
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

/// The bar of the simulation under way, if any: a new bar for each simulation the pipeline
/// begins.
pub(super) struct Bars {
    quiet: bool,
    /// The bar's words, in the scenario's language.
    template: &'static str,
    current: Mutex<Option<SimProgress>>,
}

impl Bars {
    pub(super) fn new(quiet: bool, language: Language) -> Bars {
        Bars {
            quiet,
            template: crate::report::words::terminal(language).check.progress,
            current: Mutex::new(None),
        }
    }
}

impl Progress for Bars {
    fn begin(&self, runs: u32) {
        if let Ok(mut current) = self.current.lock() {
            *current = Some(SimProgress::new(runs, self.quiet, self.template));
        }
    }

    fn finished(&self, runs: u32) {
        if let Ok(current) = self.current.lock() {
            if let Some(bar) = current.as_ref() {
                bar.update(runs);
            }
        }
    }

    fn end(&self) {
        let bar = self.current.lock().ok().and_then(|mut c| c.take());
        if let Some(bar) = bar {
            bar.finish();
        }
    }
}
