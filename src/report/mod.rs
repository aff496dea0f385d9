//! The proposal pack of `run` and `compare` (SPEC §6, §11): the report (`report.md`,
//! `report.html`, `report.docx`, all rendered from one `document::Document` that `content`
//! builds), `tables.xlsx`, `summary.json`, `offices.csv`, `allocation.csv` and the charts,
//! and the one-screen summary of `check`.
//! With `chart`, the only module that produces files; every file is written to a temporary
//! name and renamed, so that an interrupted run never leaves half a file.
//!
//! A pack compares two sides: for `run`, the scenario as it stands and the optimiser's
//! recommendation; for `compare`, two scenarios a planner wrote. Offices and units are matched
//! by id. Nothing in the pack depends on the clock or the thread count: the same inputs and
//! seed give the same bytes.

mod calculation;
mod charts;
mod check;
mod content;
mod document;
mod docx;
mod files;
mod html;
mod markdown;
mod peers;
mod sheets;
mod template;
pub mod words;
mod xlsx;

use std::path::{Path, PathBuf};

use serde_json::json;

pub use check::CheckSummary;
pub use files::{
    clean_up_on_interrupt, create_dir, write_file, write_files, write_folder, write_new_file,
};
pub use peers::{benchmark_chart, write_benchmark, BENCHMARK_CHART};
pub use template::{render as template, render_sheets as template_sheets};
use words::Column;

use crate::analysis::{Analysis, OfficeAnalysis};
use crate::error::Error;
use crate::export::{csv, json_number, Cell, Exportable, Table};
use crate::model::{OfficeKind, Scenario};
use crate::multiyear::MultiYearPlan;
use crate::optimise::Recommendation;
use crate::pipeline::Outcome;
use crate::scenario::Annotation;
use crate::service::ServiceCheck;
use crate::simulate::Simulation;

/// Which side of the pack a column describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Before,
    After,
}

/// A column of `offices.csv` or `allocation.csv`: a plain column, a column of one side, or a
/// staff type's headcount on one side.
#[derive(Debug, Clone, Copy)]
enum Header<'a> {
    Plain(Column),
    Side(Column, When),
    StaffType(&'a str, When),
}

impl Header<'_> {
    /// The CSV header: the column's id with `_before` or `_after`.
    fn id(&self) -> String {
        let when = |w: When| match w {
            When::Before => "before",
            When::After => "after",
        };
        match *self {
            Header::Plain(c) => c.id().to_string(),
            // SPEC's name: the side comes before "name".
            Header::Side(Column::GroupName, w) => format!("group_{}_name", when(w)),
            Header::Side(c, w) => format!("{}_{}", c.id(), when(w)),
            Header::StaffType(t, w) => format!("{t}_{}", when(w)),
        }
    }
}

/// One side of the comparison.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// How the side is named in tables: the scenario file, or "recommendation".
    pub source: &'a str,
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
    pub simulation: Option<&'a Simulation>,
}

/// Everything the pack shows.
#[derive(Debug, Clone)]
pub struct Pack<'a> {
    pub before: Side<'a>,
    pub after: Side<'a>,
    /// Present for `run`: the optimiser's answer that `after` is the scenario of.
    pub recommendation: Option<&'a Recommendation>,
    /// Present for `run` where the scenario sets on-time targets: the service check.
    pub service: Option<&'a ServiceCheck>,
    /// The planner's comments on the figures of the `before` scenario file.
    pub annotations: &'a [Annotation],
    pub seed: u64,
    pub runs: u32,
    /// The date for captions: `--date`, else the scenario's `date`, else none.
    pub date: Option<String>,
    /// `run` on a scenario with `[plan]`: the multi-year plan of the scenario as it stands.
    pub plan: Option<&'a MultiYearPlan>,
    /// Present where the `before` scenario has ranges (SPEC §9): the tornado and the draws.
    pub sensitivity: Option<&'a crate::sensitivity::Sensitivity>,
    /// With ranges and a recommendation: per office of `after`, the share of the sensitivity's
    /// draws in which the recommended staffing stays within the target utilisation.
    pub holds: Option<&'a crate::sensitivity::Met>,
    /// `run` of a scenario with `[scenario] peers` (SPEC §14): today's organisation and its
    /// peers side by side, today's first.
    pub peers: Option<&'a crate::benchmark::Benchmark>,
}

/// Where the two sides come from and what the pack says around them.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// How each side is named in tables: the scenario file, or "recommendation".
    pub names: [&'a str; 2],
    pub annotations: &'a [Annotation],
    pub seed: u64,
    pub runs: u32,
    pub date: Option<&'a str>,
}

impl<'a> Pack<'a> {
    /// The pack of a pipeline's outcome: `before` is the scenario as read, and the second
    /// side the recommendation's organisation where there is one, else `after`.
    pub fn new(
        sources: Sources<'a>,
        before: &'a Scenario,
        after: Option<&'a Scenario>,
        outcome: &'a Outcome,
    ) -> Option<Pack<'a>> {
        let confirmed = outcome.recommendation.as_ref();
        let after = after.or(confirmed.map(|c| &c.recommendation.after))?;
        let [before_analysis, after_analysis] = &outcome.analyses;
        let [before_simulation, after_simulation] = &outcome.simulations;
        Some(Pack {
            before: Side {
                source: sources.names[0],
                scenario: before,
                analysis: before_analysis,
                simulation: Some(before_simulation),
            },
            after: Side {
                source: sources.names[1],
                scenario: after,
                analysis: after_analysis,
                simulation: Some(after_simulation),
            },
            recommendation: confirmed.map(|c| &c.recommendation),
            service: confirmed.and_then(|c| c.check.as_ref()),
            annotations: sources.annotations,
            seed: sources.seed,
            runs: sources.runs,
            date: sources.date.map(str::to_string),
            plan: outcome.plan.as_ref(),
            sensitivity: outcome.sensitivity.as_ref(),
            holds: outcome.holds.as_ref(),
            peers: None,
        })
    }
}

/// An office on both sides, matched by id.
#[derive(Debug, Clone, Copy)]
struct OfficePair<'a> {
    id: &'a str,
    name: &'a str,
    before: Option<&'a OfficeAnalysis>,
    after: Option<&'a OfficeAnalysis>,
}

impl Pack<'_> {
    /// Whether the recommendation closes the office `id`: an optional group left with no staff,
    /// no units and no work.
    fn closed_after(&self, id: &str) -> bool {
        let s = self.after.scenario;
        let modelled = s.offices.iter().find(|o| o.id == id);
        let analysed = self.after.analysis.offices.iter().find(|o| o.id == id);
        match (modelled, analysed) {
            (Some(o), Some(a)) => {
                o.optional && o.headcount() == 0 && o.covers.is_empty() && a.required_hours <= 0.0
            }
            _ => false,
        }
    }

    /// Does the plan give this office work that nobody does today (SPEC §14)? Its bar of today
    /// is labelled as not done, never read as an idle office at 0.
    fn undone_today(&self, pair: &OfficePair<'_>) -> bool {
        self.recommendation.is_some()
            && self.before.analysis.total.undone_hours > 0.0
            && pair.before.is_none_or(|o| o.required_hours <= 0.0)
            && pair.after.is_some_and(|o| o.required_hours > 0.0)
    }

    /// Offices of `before` in their order, then those only `after` has.
    fn office_pairs(&self) -> Vec<OfficePair<'_>> {
        let find = |a: &'_ Analysis, id: &str| -> Option<usize> {
            a.offices.iter().position(|o| o.id == id)
        };
        let mut pairs: Vec<OfficePair<'_>> = self
            .before
            .analysis
            .offices
            .iter()
            .map(|b| OfficePair {
                id: &b.id,
                name: &b.name,
                before: Some(b),
                after: find(self.after.analysis, &b.id).map(|i| &self.after.analysis.offices[i]),
            })
            .collect();
        for a in &self.after.analysis.offices {
            if find(self.before.analysis, &a.id).is_none() {
                pairs.push(OfficePair {
                    id: &a.id,
                    name: &a.name,
                    before: None,
                    after: Some(a),
                });
            }
        }
        pairs
    }

    /// A staff type's label, from whichever side knows it (the id itself if neither does).
    fn staff_type_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.before
            .scenario
            .staff_types
            .iter()
            .chain(&self.after.scenario.staff_types)
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }

    /// Staff type ids of both sides, `before`'s first.
    fn staff_types(&self) -> Vec<&str> {
        let mut types: Vec<&str> = self
            .before
            .scenario
            .staff_types
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        for t in &self.after.scenario.staff_types {
            if !types.contains(&t.id.as_str()) {
                types.push(&t.id);
            }
        }
        types
    }

    /// `offices.csv`: every office before and after.
    pub fn offices_table(&self) -> Table {
        self.offices_table_with(&|h| h.id(), &|k| k.as_str().to_string())
    }

    /// The columns of `offices.csv`.
    fn offices_headers(&self) -> Vec<Header<'_>> {
        let mut headers = vec![
            Header::Plain(Column::Id),
            Header::Plain(Column::Name),
            Header::Plain(Column::Kind),
            Header::Side(Column::Staff, When::Before),
            Header::Side(Column::Staff, When::After),
        ];
        for t in self.staff_types() {
            headers.push(Header::StaffType(t, When::Before));
            headers.push(Header::StaffType(t, When::After));
        }
        for c in [
            Column::Units,
            Column::RequiredHours,
            Column::CapacityHours,
            Column::FteNeed,
            Column::Utilisation,
            Column::ItemsPerPerson,
            Column::HoursPerPerson,
            Column::PostsNeeded,
            Column::Gap,
        ] {
            headers.push(Header::Side(c, When::Before));
            headers.push(Header::Side(c, When::After));
        }
        headers
    }

    /// The offices table with each header and office kind written by the caller: ids for the
    /// CSV file, the reader's words for the workbook.
    fn offices_table_with(
        &self,
        header: &dyn Fn(&Header<'_>) -> String,
        kind_text: &dyn Fn(OfficeKind) -> String,
    ) -> Table {
        let types = self.staff_types();
        let mut table = Table {
            title: "offices".into(),
            headers: self.offices_headers().iter().map(header).collect(),
            ..Table::default()
        };
        let staff_of = |o: Option<&OfficeAnalysis>, t: &str| -> Cell {
            o.map_or(Cell::Empty, |o| {
                Cell::Int(
                    o.staff_by_type
                        .iter()
                        .find(|(id, _)| id == t)
                        .map_or(0, |(_, n)| i64::from(*n)),
                )
            })
        };
        for pair in self.office_pairs() {
            let (b, a) = (pair.before, pair.after);
            let kind = [self.before.scenario, self.after.scenario]
                .iter()
                .find_map(|s| s.offices.iter().find(|o| o.id == pair.id))
                .map_or(Cell::text(""), |o| Cell::text(kind_text(o.kind)));
            let mut row = vec![
                Cell::text(pair.id),
                Cell::text(pair.name),
                kind,
                b.map_or(Cell::Empty, |o| Cell::Int(i64::from(o.staff))),
                a.map_or(Cell::Empty, |o| Cell::Int(i64::from(o.staff))),
            ];
            for t in &types {
                row.push(staff_of(b, t));
                row.push(staff_of(a, t));
            }
            let both = |f: &dyn Fn(&OfficeAnalysis) -> Cell| {
                [b.map_or(Cell::Empty, f), a.map_or(Cell::Empty, f)]
            };
            row.extend(both(&|o| Cell::Int(o.covers as i64)));
            row.extend(both(&|o| Cell::Num(o.required_hours, 1)));
            row.extend(both(&|o| Cell::Num(o.capacity_hours, 1)));
            row.extend(both(&|o| Cell::Num(o.fte_need, 2)));
            row.extend(both(&|o| Cell::opt_share(o.utilisation)));
            row.extend(both(&|o| Cell::opt_num(o.items_per_person, 1)));
            row.extend(both(&|o| Cell::opt_num(o.hours_per_person, 1)));
            row.extend(both(&|o| Cell::count(o.posts_needed)));
            row.extend(both(&|o| Cell::Int(o.gap)));
            table.rows.push(row);
        }
        table
    }

    /// `allocation.csv`: every unit, its group before and after.
    pub fn allocation_table(&self) -> Table {
        self.allocation_table_with(&|h| h.id())
    }

    /// The allocation table with each header written by the caller.
    fn allocation_table_with(&self, header: &dyn Fn(&Header<'_>) -> String) -> Table {
        let headers: Vec<String> = [
            Header::Plain(Column::UnitId),
            Header::Plain(Column::UnitName),
            Header::Plain(Column::UnitKind),
            Header::Plain(Column::GroupHours),
            Header::Side(Column::Group, When::Before),
            Header::Side(Column::Group, When::After),
            Header::Side(Column::GroupName, When::Before),
            Header::Side(Column::GroupName, When::After),
        ]
        .iter()
        .map(header)
        .collect();
        let mut table = Table {
            title: "allocation".into(),
            headers,
            ..Table::default()
        };
        let hours = crate::analysis::unit_hours(self.before.scenario);
        let group = |s: &Scenario, unit_id: &str| -> Option<(String, String)> {
            let u = s.unit_index(unit_id)?;
            let o = s.coverage().get(u).copied().flatten()?;
            s.offices.get(o).map(|o| (o.id.clone(), o.name.clone()))
        };
        let mut ids: Vec<&str> = self
            .before
            .scenario
            .units
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        for u in &self.after.scenario.units {
            if !ids.contains(&u.id.as_str()) {
                ids.push(&u.id);
            }
        }
        for id in ids {
            let unit = self
                .before
                .scenario
                .units
                .iter()
                .position(|u| u.id == id)
                .map(|i| (&self.before.scenario.units[i], hours.get(i).copied()))
                .or_else(|| {
                    let s = self.after.scenario;
                    s.unit_index(id).map(|i| (&s.units[i], None))
                });
            let Some((unit, hours)) = unit else { continue };
            let before = group(self.before.scenario, id);
            let after = group(self.after.scenario, id);
            let text = |g: &Option<(String, String)>, name: bool| {
                g.as_ref()
                    .map_or(Cell::Empty, |(i, n)| Cell::text(if name { n } else { i }))
            };
            table.rows.push(vec![
                Cell::text(&unit.id),
                Cell::text(&unit.name),
                unit.kind.as_ref().map_or(Cell::Empty, Cell::text),
                hours.map_or(Cell::Empty, |h| Cell::Num(h, 1)),
                text(&before, false),
                text(&after, false),
                text(&before, true),
                text(&after, true),
            ]);
        }
        table
    }

    /// `summary.json`: every figure of the pack, machine-readable.
    pub fn summary(&self) -> serde_json::Value {
        // The JSON's few sentences are the SPEC's, in English whatever the scenario's language.
        let en = words::terminal(crate::model::Language::En);
        let side = |s: &Side<'_>| {
            json!({
                "source": s.source,
                "analysis": s.analysis.json(en),
                "simulate": s.simulation.map(|s| s.json(en)),
            })
        };
        json!({
            "scenario": self.before.scenario.name,
            "seed": self.seed,
            "runs": self.runs,
            "date": self.date,
            "year_value": json_number(self.before.analysis.year_value),
            "before": side(&self.before),
            "after": side(&self.after),
            "optimise": self
                .recommendation
                .map(|r| crate::export::recommendation::json(r, self.service, en)),
            "request": self.recommendation.map(|r| crate::export::recommendation::request_json(&r.request)),
            "plan": self.plan.map(|p| p.json(en)),
            "sensitivity": self.sensitivity.map(|s| s.json(en)),
            "met_share_after": self.holds.map(|holds| {
                self.after
                    .scenario
                    .offices
                    .iter()
                    .zip(&holds.offices)
                    .map(|(o, &share)| (o.id.clone(), json_number(share)))
                    .collect::<serde_json::Map<_, _>>()
            }),
            "met_share_all_after": self.holds.map(|holds| json_number(holds.all)),
            "peers": self.peers.map(|p| p.json(words::terminal(crate::model::Language::En))),
        })
    }
}

impl Exportable for Pack<'_> {
    /// The headline: staff, utilisation and posts needed before and after.
    fn tables(&self, w: &crate::export::Words) -> Vec<Table> {
        let mut headers = vec![w.id, w.office];
        headers.extend(w.pack.headers);
        let mut table = Table::new(
            (w.pack.title)(
                &self.before.scenario.name,
                self.before.source,
                self.after.source,
            ),
            &headers,
        );
        for p in self.office_pairs() {
            let both = |f: &dyn Fn(&OfficeAnalysis) -> Cell| {
                [
                    p.before.map_or(Cell::Empty, f),
                    p.after.map_or(Cell::Empty, f),
                ]
            };
            let mut row = vec![Cell::text(p.id), Cell::text(p.name)];
            row.extend(both(&|o| Cell::Int(i64::from(o.staff))));
            // Work nobody does today and a group the plan closes are said, not shown as 0 %.
            let mut shares = both(&|o| Cell::opt_share(o.utilisation));
            if self.undone_today(&p) {
                shares[0] = Cell::text(w.pack.not_done);
            }
            if self.closed_after(p.id) {
                shares[1] = Cell::text(w.pack.closed);
            }
            row.extend(shares);
            row.extend(both(&|o| Cell::opt_num(o.hours_per_person, 1)));
            table.rows.push(row);
        }
        vec![table]
    }

    fn json(&self, _: &crate::export::Words) -> serde_json::Value {
        self.summary()
    }
}

/// The chart comparing work types, drawn when the two sides organise offices differently.
pub const WORK_TYPE_CHART: &str = "work_types";

/// The chart of the multi-year plan: posts needed against staff, year by year.
pub const TRAJECTORY_CHART: &str = "trajectory";

/// The charts of every pack, in the order they are written.
pub const CHART_NAMES: [&str; 4] = [
    "caseload_per_person",
    "utilisation",
    "backlog",
    "allocation",
];

/// Writes the whole pack into `out` and returns the paths written. Everything is rendered
/// first, then written as one folder: a chart that cannot be drawn, a full disk or an interrupt
/// leaves the old pack as it was.
pub fn write_pack(out: &Path, pack: &Pack<'_>) -> Result<Vec<PathBuf>, Error> {
    let charts = charts::render(pack)?;
    let document = content::build(pack);
    let report = markdown::render(&document);
    let html = html::render(&document, &charts);
    let workbook = xlsx::render(pack)?;
    let word = docx::render(&document, &charts)?;
    let mut summary = serde_json::to_string_pretty(&pack.summary()).unwrap_or_default();
    summary.push('\n');

    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "offices.csv".into(),
            csv_with_bom(&pack.offices_table()).into_bytes(),
        ),
        (
            "allocation.csv".into(),
            csv_with_bom(&pack.allocation_table()).into_bytes(),
        ),
    ];
    for chart in charts {
        files.push((format!("charts/{}.png", chart.name), chart.png));
        files.push((format!("charts/{}.svg", chart.name), chart.svg.into_bytes()));
    }
    if let Some(plan) = pack.plan {
        files.push((
            "plan.csv".into(),
            csv_with_bom(&plan.table(words::terminal(crate::model::Language::En))).into_bytes(),
        ));
    }
    files.push(("summary.json".into(), summary.into_bytes()));
    files.push(("report.md".into(), report.into_bytes()));
    files.push(("report.html".into(), html.into_bytes()));
    files.push(("report.docx".into(), word));
    files.push(("tables.xlsx".into(), workbook));
    write_folder(out, &files)
}

/// A CSV file of the pack: UTF-8 with a byte-order mark, which is how Excel (on a Chinese
/// Windows above all) knows the file is UTF-8 rather than the local code page. CSV on
/// standard output stays without one, for other programs.
fn csv_with_bom(table: &Table) -> String {
    format!("\u{feff}{}", csv::table_csv(table))
}

/// The tornado's inputs named in the scenario's words, in the tornado's order (the terminal
/// shows these; the JSON keeps the input paths).
pub fn tornado_inputs(
    result: &crate::sensitivity::Sensitivity,
    scenario: &Scenario,
) -> Vec<String> {
    let w = words::words(scenario.language);
    result
        .tornado
        .iter()
        .map(|r| match scenario.uncertain.get(r.index) {
            Some(u) => content::input_name(scenario, u.input, w),
            None => r.input.clone(),
        })
        .collect()
}
