//! The optimiser's recommendation as tables: posts per office before and after (the main
//! table), the allocation of units, why each office changes, and the posts that would meet
//! the target where it is not met; and its JSON, derived field by field with the service
//! check folded in.

use serde::Serialize;

use super::{Cell, Exportable, Table, Words};
use crate::optimise::{
    Explanation, Method, NoExtraPosts, Objective, OfficeResult, PostValue, Recommendation, Rule,
    Status, StoppedBy, UnitMove, WorkLine,
};
use crate::request::Request;
use crate::service::{Confirmed, ServiceCheck, ServiceUnmet};

/// The tables of a recommendation and of its service check, the main one first.
pub fn tables(rec: &Recommendation, check: Option<&ServiceCheck>, w: &Words) -> Vec<Table> {
    let mut tables = vec![
        offices(rec, w),
        allocation(rec, w),
        explanations(&rec.explanations, w),
    ];
    if rec.unmet_hours > 0.0 {
        tables.push(extra_posts(rec, w));
    }
    if let Some(check) = check {
        tables.push(service(rec, check, w));
    }
    tables
}

/// Why each office changes: the work driving it, the binding rule, one more post.
fn explanations(explanations: &[Explanation], w: &Words) -> Table {
    let rw = &w.recommendation;
    let mut headers = vec![w.id, w.office];
    headers.extend(rw.why_headers);
    let mut table = Table::new(rw.why_title, &headers);
    for e in explanations {
        let posts: Vec<String> = e
            .one_more_post
            .iter()
            .filter(|p| p.allowed)
            .map(|p| (rw.one_more)(&p.staff_type, p.unmet_drop, p.utilisation_with_one_more))
            .collect();
        table.rows.push(vec![
            Cell::text(&e.office),
            Cell::text(&e.name),
            Cell::text(format!("{} → {}", e.staff_before, e.staff_after)),
            Cell::text(format!("{} → {}", e.units_before, e.units_after)),
            Cell::text(work_lines(w, &e.work).join(rw.list)),
            Cell::text(format!(
                "{}{}{}",
                rules(w, &e.binding).join(rw.and),
                rw.colon,
                (rw.reason)(&e.reason, &|id| id.to_string())
            )),
            Cell::text(posts.join(rw.list)),
        ]);
    }
    table
}

/// The main table: posts of each staff type per office before and after, with the status,
/// bound and headline figures under it.
fn offices(rec: &Recommendation, w: &Words) -> Table {
    let rw = &w.recommendation;
    let mut headers: Vec<String> = vec![w.id.into(), w.office.into()];
    for t in &rec.staff_types {
        headers.push((w.before)(t));
        headers.push((w.after)(t));
    }
    headers.extend(rw.headers.iter().map(|h| h.to_string()));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut offices = Table::new((rw.title)(&rec.scenario), &header_refs);
    for o in &rec.offices {
        let mut row = vec![Cell::text(&o.id), Cell::text(&o.name)];
        for (b, a) in o.staff_before.iter().zip(&o.staff_after) {
            row.push(Cell::Int(i64::from(*b)));
            row.push(Cell::Int(i64::from(*a)));
        }
        let before: u32 = o.staff_before.iter().sum();
        let after: u32 = o.staff_after.iter().sum();
        row.push(Cell::Int(i64::from(before)));
        row.push(Cell::Int(i64::from(after)));
        row.push(Cell::Int(i64::from(after) - i64::from(before)));
        row.push(Cell::opt_share(o.utilisation_before));
        row.push(Cell::opt_share(o.utilisation_after));
        row.push(Cell::Int(o.covers_before.len() as i64));
        row.push(if o.open {
            Cell::Int(o.covers_after.len() as i64)
        } else {
            Cell::text(rw.closed)
        });
        offices.rows.push(row);
    }
    let share = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0));
    offices.notes.push((rw.status_line)(
        (rw.status)(rec.status),
        rec.status == Status::Optimal,
        (rw.method)(rec.method),
        rec.seconds,
        (rw.objective)(rec.objective),
        rec.objective_bound,
        rec.gap * 100.0,
    ));
    match rec.stopped_by {
        Some(StoppedBy::Clock) => offices.notes.push(rw.stopped_by_clock.into()),
        Some(StoppedBy::Effort) => offices.notes.push((rw.stopped_by_effort)(rec.effort_steps)),
        None => {}
    }
    offices.notes.push((rw.headline)(
        &w.money(rec.cost_before),
        &w.money(rec.cost_after),
        &share(rec.peak_utilisation_before),
        &share(rec.peak_utilisation_after),
        rec.unmet_hours_before,
        rec.unmet_hours,
    ));
    offices
}

/// The service check: posts added for on-time targets per office and the on-time share they
/// give, with every target still missed under it.
fn service(rec: &Recommendation, check: &ServiceCheck, w: &Words) -> Table {
    let sw = &w.service;
    let mut headers = vec![w.id, w.office];
    headers.extend(sw.headers);
    let mut table = Table::new(
        (sw.title)(check.runs, check.runs_asked, check.seed),
        &headers,
    );
    for (o, office) in rec.offices.iter().enumerate() {
        let before = check.on_time_before_service.get(o).copied().flatten();
        let after = check.on_time_after.get(o).copied().flatten();
        let posts: u32 = check.posts.get(o).map_or(0, |p| p.iter().sum());
        if before.is_none() && after.is_none() && posts == 0 {
            continue;
        }
        table.rows.push(vec![
            Cell::text(&office.id),
            Cell::text(&office.name),
            Cell::Int(i64::from(posts)),
            Cell::opt_share(before),
            Cell::opt_share(after),
        ]);
    }
    table
        .notes
        .push((sw.cost)(&w.money(check.cost), check.rounds));
    if let Some(by) = check.stopped_by {
        table
            .notes
            .push((sw.stopped)(by, check.runs, check.rounds, check.runs_asked));
    }
    if check.met {
        table.notes.push(sw.every_target_holds.into());
    }
    if let Some(beyond) = &check.beyond_quota {
        let total = beyond.by_type();
        let posts: Vec<String> = rec
            .staff_types
            .iter()
            .zip(&total)
            .filter(|(_, &n)| n > 0)
            .map(|(t, &n)| (sw.posts)(n, t))
            .collect();
        table.notes.push((sw.beyond)(
            &posts.join(w.recommendation.and),
            &w.money(beyond.cost),
            beyond.met,
        ));
    }
    for u in &check.unmet {
        let (share, target) = crate::service::shares_shown(u.on_time_share, u.target);
        table.notes.push((sw.not_met)(
            &u.office,
            &u.work,
            &share,
            &target,
            (sw.shortfall)(u.reason),
        ));
    }
    table
}

/// Which group covers each unit before and after.
fn allocation(rec: &Recommendation, w: &Words) -> Table {
    let rw = &w.recommendation;
    let mut allocation = Table::new(rw.allocation_title, &rw.allocation_headers);
    for m in &rec.allocation {
        allocation.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::Num(m.hours, 1),
            m.before.clone().map_or(Cell::Empty, Cell::Text),
            m.after.clone().map_or(Cell::Empty, Cell::Text),
        ]);
    }
    let moved = rec
        .allocation
        .iter()
        .filter(|m| m.before != m.after)
        .count();
    allocation
        .notes
        .push((rw.moved)(moved, rec.allocation.len()));
    allocation
}

/// Posts beyond the recommendation that would meet the target (where it is not met).
fn extra_posts(rec: &Recommendation, w: &Words) -> Table {
    let rw = &w.recommendation;
    let mut extra = Table::new(rw.extra_title, &rw.extra_headers);
    match &rec.extra_posts_needed {
        Some(posts) => {
            for (t, n) in rec.staff_types.iter().zip(posts) {
                extra
                    .rows
                    .push(vec![Cell::text(t), Cell::Int(i64::from(*n))]);
            }
            extra.notes.push((rw.extra_cost)(&w.money(rec.extra_cost)));
        }
        None => extra.notes.push(
            (rw.no_extra_posts)(rec.extra_posts_missing.unwrap_or(NoExtraPosts::MaxStaff)).into(),
        ),
    }
    extra
}

/// A recommendation before any service check (the optimiser's answer as it stands).
impl Exportable for Recommendation {
    fn tables(&self, w: &Words) -> Vec<Table> {
        tables(self, None, w)
    }

    fn json(&self, w: &Words) -> serde_json::Value {
        json(self, None, w)
    }
}

/// The recommendation with its service check: the tables above, and the JSON below.
impl Exportable for Confirmed {
    fn tables(&self, w: &Words) -> Vec<Table> {
        tables(&self.recommendation, self.check.as_ref(), w)
    }

    fn json(&self, w: &Words) -> serde_json::Value {
        json(&self.recommendation, self.check.as_ref(), w)
    }
}

/// The JSON of a recommendation and its service check (SPEC §7).
pub fn json(rec: &Recommendation, check: Option<&ServiceCheck>, w: &Words) -> serde_json::Value {
    serde_json::to_value(RecommendationJson::new(rec, check, w)).unwrap_or(serde_json::Value::Null)
}

/// The JSON of the request alone (SPEC §14), as `run` puts it at the top level of its output.
pub fn request_json(request: &Request) -> serde_json::Value {
    serde_json::to_value(request).unwrap_or(serde_json::Value::Null)
}

/// The JSON of a recommendation, field by field in its order (SPEC §7: staff counts keyed by
/// staff type; `stopped_by` and `effort_steps` added; the service check's fields folded in).
#[derive(Serialize)]
struct RecommendationJson<'a> {
    scenario: &'a str,
    status: Status,
    method: Method,
    stopped_by: Option<StoppedBy>,
    effort_steps: u64,
    objective: Objective,
    objective_bound: f64,
    gap: f64,
    cost_before: f64,
    cost_after: f64,
    peak_utilisation_before: Option<f64>,
    peak_utilisation_after: Option<f64>,
    unmet_hours_before: f64,
    unmet_hours: f64,
    extra_posts_needed: Option<ByType<'a>>,
    extra_posts_missing: Option<NoExtraPosts>,
    extra_cost: f64,
    service_met: Option<bool>,
    /// What stopped the service check short (`optimise --time-limit` bounds it), and the runs
    /// its figures rest on.
    service_stopped_by: Option<StoppedBy>,
    service_runs: Option<u32>,
    service_unmet: &'a [ServiceUnmet],
    cost_for_service: f64,
    service_posts_beyond_quota: Option<BeyondJson<'a>>,
    offices: Vec<OfficeJson<'a>>,
    allocation: &'a [UnitMove],
    explanations: Vec<ExplanationJson<'a>>,
    /// SPEC §14: the one ask, in the committee's terms.
    request: &'a Request,
}

impl<'a> RecommendationJson<'a> {
    fn new(
        rec: &'a Recommendation,
        check: Option<&'a ServiceCheck>,
        w: &Words,
    ) -> RecommendationJson<'a> {
        let types = &rec.staff_types;
        RecommendationJson {
            scenario: &rec.scenario,
            status: rec.status,
            method: rec.method,
            stopped_by: rec.stopped_by,
            effort_steps: rec.effort_steps,
            objective: rec.objective,
            objective_bound: rec.objective_bound,
            gap: rec.gap,
            cost_before: rec.cost_before,
            cost_after: rec.cost_after,
            peak_utilisation_before: rec.peak_utilisation_before,
            peak_utilisation_after: rec.peak_utilisation_after,
            unmet_hours_before: rec.unmet_hours_before,
            unmet_hours: rec.unmet_hours,
            extra_posts_needed: rec.extra_posts_needed.as_deref().map(|p| ByType(types, p)),
            extra_posts_missing: rec.extra_posts_missing,
            extra_cost: rec.extra_cost,
            service_met: check.and_then(ServiceCheck::met),
            service_stopped_by: check.and_then(|c| c.stopped_by),
            service_runs: check.map(|c| c.runs),
            service_unmet: check.map_or(&[][..], |c| &c.unmet[..]),
            cost_for_service: check.map_or(0.0, |c| c.cost),
            service_posts_beyond_quota: check.and_then(|c| c.beyond_quota.as_ref()).map(|b| {
                BeyondJson {
                    posts: ByTypeOwned(types, b.by_type()),
                    cost: b.cost,
                    met: b.met,
                }
            }),
            offices: rec
                .offices
                .iter()
                .enumerate()
                .map(|(o, office)| OfficeJson::new(types, office, check, o))
                .collect(),
            allocation: &rec.allocation,
            explanations: rec
                .explanations
                .iter()
                .map(|e| ExplanationJson::new(e, w))
                .collect(),
            request: &rec.request,
        }
    }
}

/// Counts by staff type, as a JSON object keyed by the staff type's id.
struct ByType<'a>(&'a [String], &'a [u32]);

impl Serialize for ByType<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().zip(self.1))
    }
}

/// [`ByType`] of counts worked out for the JSON.
struct ByTypeOwned<'a>(&'a [String], Vec<u32>);

impl Serialize for ByTypeOwned<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ByType(self.0, &self.1).serialize(serializer)
    }
}

/// What the on-time targets would need beyond the quotas and the budget, all offices together.
#[derive(Serialize)]
struct BeyondJson<'a> {
    posts: ByTypeOwned<'a>,
    cost: f64,
    met: bool,
}

/// One office in the JSON: its staff keyed by staff type, with the posts added for service.
#[derive(Serialize)]
struct OfficeJson<'a> {
    id: &'a str,
    name: &'a str,
    staff_before: ByType<'a>,
    staff_after: ByType<'a>,
    required_hours_before: f64,
    required_hours_after: f64,
    utilisation_before: Option<f64>,
    utilisation_after: Option<f64>,
    unmet_hours: f64,
    covers_before: &'a [String],
    covers_after: &'a [String],
    open: bool,
    posts_for_service: u32,
    posts_for_service_by_type: ByType<'a>,
    on_time_share_after: Option<f64>,
}

impl<'a> OfficeJson<'a> {
    fn new(
        types: &'a [String],
        o: &'a OfficeResult,
        check: Option<&'a ServiceCheck>,
        index: usize,
    ) -> OfficeJson<'a> {
        let for_service = check
            .and_then(|c| c.posts.get(index))
            .map_or(&[][..], Vec::as_slice);
        OfficeJson {
            id: &o.id,
            name: &o.name,
            staff_before: ByType(types, &o.staff_before),
            staff_after: ByType(types, &o.staff_after),
            required_hours_before: o.required_hours_before,
            required_hours_after: o.required_hours_after,
            utilisation_before: o.utilisation_before,
            utilisation_after: o.utilisation_after,
            unmet_hours: o.unmet_hours_after,
            covers_before: &o.covers_before,
            covers_after: &o.covers_after,
            open: o.open,
            posts_for_service: for_service.iter().sum(),
            posts_for_service_by_type: ByType(types, for_service),
            on_time_share_after: check.and_then(|c| c.on_time_after.get(index).copied().flatten()),
        }
    }
}

/// Each work line in words: "review: 36.0 items × 120.0 h ÷ 1598 h = 2.70 FTE".
fn work_lines(w: &Words, lines: &[WorkLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            (w.recommendation.work_line)(&l.name, l.volume, l.hours_per_item, l.year_value, l.fte)
        })
        .collect()
}

/// The binding rules in words.
fn rules(w: &Words, rules: &[Rule]) -> Vec<&'static str> {
    rules.iter().map(|&r| (w.recommendation.rule)(r)).collect()
}

/// Why an office looks as recommended, in the JSON: the work lines and the reason as
/// sentences in the words given (English, from the command line), the rules by name.
#[derive(Serialize)]
struct ExplanationJson<'a> {
    office: &'a str,
    name: &'a str,
    staff_before: u32,
    staff_after: u32,
    units_before: usize,
    units_after: usize,
    work: Vec<String>,
    required_hours: f64,
    fte_need: f64,
    binding: &'a [Rule],
    reason: String,
    one_more_post: &'a [PostValue],
}

impl<'a> ExplanationJson<'a> {
    fn new(e: &'a Explanation, w: &Words) -> ExplanationJson<'a> {
        ExplanationJson {
            office: &e.office,
            name: &e.name,
            staff_before: e.staff_before,
            staff_after: e.staff_after,
            units_before: e.units_before,
            units_after: e.units_after,
            work: work_lines(w, &e.work),
            required_hours: e.required_hours,
            fte_need: e.fte_need,
            binding: &e.binding,
            reason: (w.recommendation.reason)(&e.reason, &|id| id.to_string()),
            one_more_post: &e.one_more_post,
        }
    }
}
