//! The files of `benchmark`: `benchmark.csv` and `charts/benchmark.png|svg`, the ratios of
//! several organisations side by side, in the first organisation's language. All files are
//! rendered first and then written as one folder through [`super::write_folder`], so a chart
//! that cannot be drawn, a full disk or an interrupt leaves no file behind and an earlier
//! benchmark as it was.

use std::path::{Path, PathBuf};

use super::words::{chart_words, ratio_name, words};
use super::{write_folder, Pack};
use crate::benchmark::{Benchmark, Ratio};
use crate::chart::{self, Caption, Chart, Panel, Panels};
use crate::error::Error;
use crate::export::{benchmark as tables, csv};

/// The name of the chart files in `charts/`.
pub const BENCHMARK_CHART: &str = "benchmark";

/// Most shared work types the chart gives a panel (the first in the first organisation's
/// order; `benchmark.csv` has them all): with the ratios, six rows of two panels.
const SHARED_PANELS: usize = 9;

/// One panel per ratio, then one per shared work type (items a year per person); one bar per
/// organisation in each, labelled in the first organisation's language.
pub fn benchmark_chart(benchmark: &Benchmark) -> Chart {
    let w = words(benchmark.language);
    let mut panels: Vec<Panel> = Ratio::ALL
        .iter()
        .map(|&ratio| Panel {
            title: ratio_name(ratio, benchmark.language).to_string(),
            values: benchmark.rows.iter().map(|r| ratio.value(r)).collect(),
            decimals: ratio.decimals(),
        })
        .collect();
    for (k, shared) in benchmark.shared.iter().enumerate().take(SHARED_PANELS) {
        panels.push(Panel {
            title: format!("{}{}{}", shared.name, w.colon, w.items_per_person),
            values: benchmark
                .rows
                .iter()
                .map(|r| r.work.get(k).and_then(|w| w.items_per_person))
                .collect(),
            decimals: 2,
        });
    }
    Chart::Panels(Panels {
        title: w.peer_title.to_string(),
        series: benchmark
            .rows
            .iter()
            .map(|r| {
                // Two organisations of the same name are told apart by their files.
                if benchmark.rows.iter().filter(|o| o.name == r.name).count() > 1 {
                    format!("{} ({})", r.name, r.file)
                } else {
                    r.name.clone()
                }
            })
            .collect(),
        panels,
        missing: w.no_value.to_string(),
    })
}

/// Writes `benchmark.csv` and `charts/benchmark.png|svg` into `out`; returns the paths.
/// `date` is the caption's date (the first scenario's, never the clock's).
pub fn write_benchmark(
    out: &Path,
    benchmark: &Benchmark,
    date: Option<String>,
) -> Result<Vec<PathBuf>, Error> {
    let chart = benchmark_chart(benchmark);
    let caption = Caption {
        scenario: benchmark
            .rows
            .iter()
            .map(|r| r.file.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        seed: None,
        date,
    };
    let fail = |source: chart::ChartError| Error::Chart {
        name: BENCHMARK_CHART.to_string(),
        source,
    };
    let png = chart::png(&chart, &caption, &chart_words(benchmark.language)).map_err(fail)?;
    let svg = chart::svg(&chart, &caption, &chart_words(benchmark.language)).map_err(fail)?;
    let table = csv::table_csv(&tables::csv_table(benchmark));

    write_folder(
        out,
        &[
            ("benchmark.csv".into(), table.into_bytes()),
            (format!("charts/{BENCHMARK_CHART}.png"), png),
            (format!("charts/{BENCHMARK_CHART}.svg"), svg.into_bytes()),
        ],
    )
}

impl Pack<'_> {
    /// How the pack names its two sides (SPEC §14): two organisations that share no office
    /// by their names (never today and the plan); else today and the plan (a multi-year
    /// plan's year 1 is today's staff, SPEC §10).
    pub(super) fn side_names(&self) -> [String; 2] {
        let w = words(self.before.scenario.language);
        if self.organisations_apart() {
            let [b, a] = [&self.before, &self.after];
            if b.scenario.name == a.scenario.name {
                return [b.source, a.source].map(|f| format!("{} ({f})", b.scenario.name));
            }
            return [b.scenario.name.clone(), a.scenario.name.clone()];
        }
        [w.before.to_string(), w.after.to_string()]
    }

    /// `compare` of two organisations: the sides share no office id, or both supervise units
    /// and share none (two organisations may both call an office "general"; one
    /// organisation's two plans supervise the same units).
    pub(super) fn organisations_apart(&self) -> bool {
        let (b, a) = (self.before.scenario, self.after.scenario);
        let offices = b
            .offices
            .iter()
            .any(|o| a.offices.iter().any(|x| x.id == o.id));
        let units = b.units.iter().any(|u| a.units.iter().any(|x| x.id == u.id));
        let both_units = !b.units.is_empty() && !a.units.is_empty();
        self.recommendation.is_none() && (!offices || (both_units && !units))
    }
}
