//! What the report says about risk that expected values hide (SPEC §13): each office whose
//! backlog keeps growing, named in the summary; a simulation that started empty; and the
//! multi-year plan's chance of being short where the expected gap is closed.

use super::super::document::{strong, t, Document};
use super::super::words::Words;
use super::super::{Pack, Side};
use crate::multiyear::MultiYearPlan;

/// Below this a chance of being short is not worth a sentence.
const WORTH_SAYING: f64 = 0.005;

/// The summary's sentences: each unstable office of each side, one sentence each, then
/// whether the simulation started empty.
pub(super) fn steady_summary(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let sw = w.steady;
    let after_when = if pack.recommendation.is_some() {
        sw.with_plan.to_string()
    } else {
        (sw.in_file)(pack.after.source)
    };
    // Two organisations are named by their names, neither of them today (SPEC §14).
    let [before_when, after_when] = if pack.organisations_apart() {
        pack.side_names()
    } else {
        [sw.today.to_string(), after_when]
    };
    for (side, when) in [(&pack.before, before_when), (&pack.after, after_when)] {
        for (office, growth) in unstable(side) {
            doc.paragraph(vec![strong((sw.unstable)(&when, &office, growth))]);
        }
    }
    let empty = [&pack.before, &pack.after]
        .iter()
        .find_map(|s| s.simulation.filter(|sim| sim.warmup_days == 0));
    if let Some(sim) = empty {
        doc.paragraph(vec![t((sw.started_empty)(sim.days))]);
    }
}

/// The offices of a side whose backlog keeps growing, with its growth a year: the
/// simulation's verdict where there is one, else the analysis's. An office with work and
/// nobody in it is left out: the summary says once that its work is done by nobody.
fn unstable(side: &Side<'_>) -> Vec<(String, f64)> {
    // Both lists follow the scenario's offices, so an office's analysis is at its index.
    let staffed = |o: usize| side.analysis.offices.get(o).is_some_and(|a| a.staff > 0);
    match side.simulation {
        Some(sim) => sim
            .offices
            .iter()
            .enumerate()
            .filter(|&(o, office)| !office.stable && staffed(o))
            .map(|(_, office)| (office.name.clone(), office.backlog_growth_per_year))
            .collect(),
        None => side
            .analysis
            .offices
            .iter()
            .filter(|o| !o.stable && o.staff > 0)
            .map(|o| (o.name.clone(), o.backlog_growth_per_year))
            .collect(),
    }
}

/// The plan section's sentences on risk: how the hires were sized under `[plan] confidence`,
/// and where the expected plan hides it most: the office and year whose expected gap is not
/// short but whose chance of being short is the highest (a shortfall in expectation is said
/// by the plan's own sentences).
pub(super) fn plan_risk(doc: &mut Document, plan: &MultiYearPlan, w: &Words) {
    if let Some(level) = plan.confidence {
        doc.text((w.plan.confident)(level));
    }
    let worst = plan
        .years
        .iter()
        .flat_map(|y| y.offices.iter().map(move |o| (y.year, o)))
        .filter(|(_, o)| o.figures.gap >= -1e-9 && o.figures.p_short >= WORTH_SAYING)
        .reduce(|a, b| {
            if b.1.figures.p_short > a.1.figures.p_short {
                b
            } else {
                a
            }
        });
    if let Some((year, office)) = worst {
        let f = &office.figures;
        doc.text((w.plan.risk)(&office.name, f.gap, f.p_short, year));
    }
}
