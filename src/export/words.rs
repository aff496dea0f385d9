//! The words of the terminal's tables, as one plain struct the caller fills: the export module
//! knows no language. `report::words::terminal` gives one per language; the command line
//! passes the scenario's for tables and the English one for CSV and JSON, whose column names
//! and sentences are the SPEC's.

use crate::analysis::Pressure;
use crate::model::OfficeKind;
use crate::multiyear::CutBy;
use crate::optimise::{Method, NoExtraPosts, Objective, Reason, Rule, Status, StoppedBy};
use crate::sensitivity::Holding;
use crate::service::Shortfall;

/// Names a staff type by its id inside a sentence.
pub type Label<'a> = dyn Fn(&str) -> String + 'a;

/// Every word a terminal table, its title or its notes uses.
#[derive(Debug, Clone)]
pub struct Words {
    /// The first column of most tables (ids stay as they are; only the header is a word).
    pub id: &'static str,
    pub office: &'static str,
    /// The label of a total row.
    pub total: &'static str,
    /// A header qualified by a side: "lead before", "lead(现状)".
    pub before: fn(&str) -> String,
    pub after: fn(&str) -> String,
    pub analysis: AnalysisWords,
    pub recommendation: RecommendationWords,
    pub service: ServiceWords,
    pub simulation: SimulationWords,
    pub plan: PlanTableWords,
    pub sensitivity: SensitivityWords,
    pub benchmark: BenchmarkWords,
    pub pack: PackWords,
    pub check: CheckWords,
    /// `[scenario] currency`, written with every amount of a table; none in CSV and JSON.
    pub currency: Option<String>,
}

impl Words {
    /// An amount in the table's language and the scenario's currency.
    pub fn money(&self, value: f64) -> String {
        (self.recommendation.money)(value, self.currency.as_deref())
    }
}

/// `analyse`.
#[derive(Debug, Clone)]
pub struct AnalysisWords {
    /// (scenario, year value, target utilisation in percent).
    pub title: fn(&str, f64, f64) -> String,
    /// After "id" and "office".
    pub headers: [&'static str; 11],
    pub erlang_note: &'static str,
    pub uncovered_title: &'static str,
    /// After "id".
    pub uncovered_headers: [&'static str; 3],
    /// (units, hours a year, FTE).
    pub uncovered_note: fn(usize, f64, f64) -> String,
    /// SPEC §16: (scenario) the WISN table's title.
    pub wisn_title: fn(&str) -> String,
    /// After "office": staff type, CAF, IAF, required and its band, existing, difference,
    /// ratio and its band, pressure.
    pub wisn_headers: [&'static str; 10],
    pub pressure: fn(Pressure) -> &'static str,
    pub wisn_note: &'static str,
    /// After the other columns: the work nobody does today and the posts needed with it
    /// (SPEC §14; in English the JSON names `undone_hours`, `posts_needed_incl_undone`).
    pub undone_headers: [&'static str; 2],
    /// Under the table where some work is not done today.
    pub undone_note: &'static str,
}

/// `optimise`: the recommendation's tables.
#[derive(Debug, Clone)]
pub struct RecommendationWords {
    pub title: fn(&str) -> String,
    /// After the staff types' columns: staff, change, utilisation and units before and after.
    pub headers: [&'static str; 7],
    pub closed: &'static str,
    pub status: fn(Status) -> &'static str,
    pub method: fn(Method) -> &'static str,
    pub objective: fn(Objective) -> &'static str,
    /// (status, whether proven, method, seconds, objective, bound, gap in percent).
    pub status_line: fn(&str, bool, &str, f64, &str, f64, f64) -> String,
    pub stopped_by_clock: &'static str,
    pub stopped_by_effort: fn(u64) -> String,
    /// (cost before, after, peak utilisation before, after, unmet hours before, after).
    pub headline: fn(&str, &str, &str, &str, f64, f64) -> String,
    /// Money in the scenario's style.
    pub money: fn(f64, Option<&str>) -> String,
    pub allocation_title: &'static str,
    pub allocation_headers: [&'static str; 5],
    /// (units that change group, all units).
    pub moved: fn(usize, usize) -> String,
    pub why_title: &'static str,
    /// After "id" and "office".
    pub why_headers: [&'static str; 5],
    /// (work, items, hours an item, year value, FTE).
    pub work_line: fn(&str, f64, f64, f64, f64) -> String,
    pub rule: fn(Rule) -> &'static str,
    pub reason: fn(&Reason, &Label<'_>) -> String,
    /// (staff type, unmet hours one more post removes, utilisation with it).
    pub one_more: fn(&str, f64, Option<f64>) -> String,
    pub colon: &'static str,
    /// Between the sentences of one cell ("; ").
    pub list: &'static str,
    /// Between the items of a short list (", ").
    pub and: &'static str,
    pub extra_title: &'static str,
    pub extra_headers: [&'static str; 2],
    pub extra_cost: fn(&str) -> String,
    pub no_extra_posts: fn(NoExtraPosts) -> &'static str,
}

/// The service check under the recommendation.
#[derive(Debug, Clone)]
pub struct ServiceWords {
    /// (runs, runs asked, seed).
    pub title: fn(u32, u32, u64) -> String,
    /// After "id" and "office".
    pub headers: [&'static str; 3],
    /// (cost, simulations).
    pub cost: fn(&str, u32) -> String,
    /// (what stopped the check, runs, simulations, runs asked): `--time-limit` stopped it.
    pub stopped: fn(StoppedBy, u32, u32, u32) -> String,
    pub every_target_holds: &'static str,
    /// (posts, e.g. "1 lead", cost, whether every target would then hold).
    pub beyond: fn(&str, &str, bool) -> String,
    /// (count, staff type).
    pub posts: fn(u32, &str) -> String,
    /// (office, work, on-time share, target, reason).
    pub not_met: fn(&str, &str, &str, &str, &str) -> String,
    pub shortfall: fn(Shortfall) -> &'static str,
}

/// `simulate`.
#[derive(Debug, Clone)]
pub struct SimulationWords {
    /// (scenario, runs, days, warm-up days, seed).
    pub title: fn(&str, u32, u32, u32, u64) -> String,
    /// After "id" and "office": figure, mean, p5, p95.
    pub headers: [&'static str; 4],
    pub figures: [&'static str; 10],
    /// (office name, the simulation's own sentences) for an office that cannot field a team.
    pub never_fielded: fn(&str, &[String]) -> Vec<String>,
    pub note: &'static str,
    /// (share of a day in percent, cap in hours).
    pub overtime: fn(f64, f64) -> String,
    pub on_time_title: &'static str,
    /// After "id" and "office".
    pub on_time_headers: [&'static str; 6],
    pub works_title: &'static str,
    /// After "id".
    pub works_headers: [&'static str; 4],
}

/// `plan`.
#[derive(Debug, Clone)]
pub struct PlanTableWords {
    /// (scenario, runs, seed).
    pub title: fn(&str, u32, u64) -> String,
    pub headers: [&'static str; 15],
    /// The hires requested of one staff type.
    pub hires_of: fn(&str) -> String,
    pub first_short: fn(u32) -> String,
    pub never_short: &'static str,
    pub cut_title: &'static str,
    pub cut_headers: [&'static str; 7],
    pub cut_by: fn(CutBy) -> &'static str,
}

/// `sensitivity` and `optimise --confidence`.
#[derive(Debug, Clone)]
pub struct SensitivityWords {
    /// (scenario, draws, seed).
    pub title: fn(&str, u32, u64) -> String,
    /// After "id" and "office".
    pub headers: [&'static str; 11],
    pub tornado_title: &'static str,
    pub tornado_headers: [&'static str; 8],
    pub no_ranges: &'static str,
    pub holding: fn(Holding) -> &'static str,
    /// (level in percent, holding, draws, seed, posts, posts of the likely plan, cost, cost
    /// of the likely plan, extra cost).
    #[allow(clippy::type_complexity)]
    pub confidence_title: fn(f64, &str, u32, u64, u32, u32, &str, &str, &str) -> String,
    /// After "id" and "office".
    pub confidence_headers: [&'static str; 4],
}

/// `benchmark`.
#[derive(Debug, Clone)]
pub struct BenchmarkWords {
    pub title: &'static str,
    pub headers: [&'static str; 12],
    pub note: &'static str,
    /// (file, units with members, units).
    pub members_counted: fn(&str, usize, usize) -> String,
    pub no_shared: &'static str,
    pub work_title: &'static str,
}

/// `run` and `compare`: the headline table and the lines around the pack.
#[derive(Debug, Clone)]
pub struct PackWords {
    /// (scenario name, before, after).
    pub title: fn(&str, &str, &str) -> String,
    /// After "id" and "office".
    pub headers: [&'static str; 6],
    /// How `run` names its second side.
    pub recommendation: &'static str,
    /// (files, folder).
    pub wrote: fn(usize, &str) -> String,
    /// (the report to open first, the headline in one line).
    pub open_first: fn(&str, &str) -> String,
    /// (staff before, after, peak utilisation before, after, posts needed before, after).
    pub headline: fn(u32, u32, &str, &str, u64, u64) -> String,
    /// Today's utilisation of an office whose work nobody does today (SPEC §14).
    pub not_done: &'static str,
    /// The utilisation after of a group the plan closes.
    pub closed: &'static str,
}

/// `check` and the lines the other commands print around their files.
#[derive(Debug, Clone)]
pub struct CheckWords {
    pub title: fn(&str) -> String,
    pub headers: [&'static str; 2],
    pub offices: &'static str,
    pub kind: fn(OfficeKind) -> &'static str,
    pub staff: &'static str,
    pub units: &'static str,
    pub covered: &'static str,
    pub work_types: &'static str,
    pub year_value: &'static str,
    pub warnings: &'static str,
    /// The path of a starter scenario.
    pub starter: fn(&str) -> String,
    /// The path of a workbook to fill in.
    pub template: fn(&str) -> String,
    pub wrote: fn(&str) -> String,
    pub wrote_proposal: fn(&str) -> String,
    pub error: &'static str,
    pub progress: &'static str,
}
