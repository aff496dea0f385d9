//! What the document says about itself before any figure: the cover (the scenario files by
//! name, the date, the tool and its version, the seed said in words, the sign-off a reader
//! fills in), the contents, and near the top the one plain paragraph of method with the short
//! list of the assumptions that move the answer most.

use std::path::Path;

use super::super::document::{strong, t, Block, Document};
use super::super::words::{document_words, Words};
use super::super::{Pack, BENCHMARK_CHART};
use super::assumptions::place_words;
use super::sure::{input_decimals, input_name};
use super::{after_source_name, new_table};
use crate::export::Cell;

/// The version the documents name as their maker.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A work type whose assumed figures are key when it has more than this share of the hours.
const KEY_SHARE_OF_HOURS: f64 = 0.10;
/// The inputs of the tornado listed among the key assumptions.
const KEY_RANKED: usize = 3;

/// A scenario file by its name only: the path as given on the command line is the machine's.
pub(super) fn file_name(source: &str) -> &str {
    Path::new(source)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(source)
}

/// What each figure's caption says beside the chart's title, by chart: the files, the
/// simulated years for the backlog (the chart read off the year's simulation), the date;
/// the peers' chart adds the peers' files. The
/// peers' chart has no caption: its figures come from other files, which it names itself.
pub(super) fn figure_sources(pack: &Pack<'_>, w: &Words) -> Vec<(&'static str, String)> {
    let d = document_words(pack.before.scenario.language);
    let files = scenario_files(pack, w);
    let date = pack.date.as_deref();
    let [caseload, utilisation, backlog, allocation] = super::super::CHART_NAMES;
    let analysed = [
        caseload,
        utilisation,
        allocation,
        super::super::WORK_TYPE_CHART,
        super::super::TRAJECTORY_CHART,
        super::TORNADO_CHART,
    ];
    let peers: Vec<&str> = (pack.before.scenario.peers.iter())
        .map(|p| file_name(p))
        .collect();
    let with_peers = format!(
        "{}{}{}",
        file_name(pack.before.source),
        w.list_separator,
        peers.join(w.list_separator)
    );
    let mut sources: Vec<(&'static str, String)> = (analysed.into_iter())
        .map(|name| (name, (d.figure_source)(&files, None, date)))
        .collect();
    sources.push((backlog, (d.figure_source)(&files, Some(pack.runs), date)));
    sources.push((BENCHMARK_CHART, (d.figure_source)(&with_peers, None, date)));
    sources
}

/// The scenario files by name, before → after when they differ.
fn scenario_files(pack: &Pack<'_>, w: &Words) -> String {
    let mut files = file_name(pack.before.source).to_string();
    if pack.after.source != pack.before.source {
        files.push_str(" → ");
        files.push_str(&after_source_name(pack, w));
    }
    files
}

pub(super) fn cover(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let d = document_words(pack.before.scenario.language);
    doc.text((d.made_from)(&scenario_files(pack, w)));
    if let Some(date) = &pack.date {
        doc.text((d.dated)(date));
    }
    doc.text((d.made_with)(VERSION));
    doc.text((d.seed_said)(pack.seed, pack.runs));
    let mut sign_off = new_table(&d.sign_off);
    sign_off
        .rows
        .push(vec![Cell::text(""), Cell::text(""), Cell::text("")]);
    doc.table(sign_off);
}

/// The contents: every section heading, inserted after the cover (before the first section).
pub(super) fn contents(doc: &mut Document) {
    let d = document_words(doc.language);
    let sections: Vec<Vec<super::super::document::Inline>> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 2, text } => Some(vec![t(text.clone())]),
            _ => None,
        })
        .collect();
    let Some(first) = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, .. }))
    else {
        return;
    };
    // The contents go in before the appendices, which move down by two blocks.
    if let Some(at) = doc.appendix_at.as_mut() {
        *at += 2;
    }
    doc.blocks.splice(
        first..first,
        [
            Block::Paragraph(vec![strong(d.contents)]),
            Block::Bullets(sections),
        ],
    );
}

/// One plain paragraph of method, and the short list of key assumptions.
pub(super) fn approach(doc: &mut Document, pack: &Pack<'_>, w: &Words) {
    let s = pack.before.scenario;
    let d = document_words(s.language);
    doc.section(d.approach);
    let days = pack
        .before
        .simulation
        .map_or(s.calendar.working_days, |sim| sim.days);
    doc.text((d.approach_text)(
        s.calendar.year_value(),
        s.policy.target_utilisation * 100.0,
        pack.runs,
        days,
    ));
    doc.heading(3, d.key_assumptions);
    doc.text((d.key_assumptions_text)(KEY_SHARE_OF_HOURS * 100.0));
    let mut items = Vec::new();
    if let Some(result) = pack.sensitivity {
        for r in result.tornado.iter().take(KEY_RANKED) {
            let Some(u) = s.uncertain.get(r.index) else {
                continue;
            };
            let n = |v: f64| format!("{v:.*}", input_decimals(v));
            items.push(vec![t((d.ranked)(
                &input_name(s, u.input, w),
                &n(r.low),
                &n(r.likely),
                &n(r.high),
                r.posts_needed_low,
                r.posts_needed_high,
            ))]);
        }
    }
    // One line per place (the calendar, a work type) with every assumed figure of it; the
    // planner's notes on them are in the appendix.
    let total = pack.before.analysis.total.required_hours;
    let mut places: Vec<(&str, Vec<String>)> = Vec::new();
    for a in pack.annotations.iter().filter(|a| a.is_assumption()) {
        let share = work_share(pack, &a.place, total);
        let everywhere = a.place == "[calendar]";
        if !everywhere && share.is_none_or(|(_, x)| x <= KEY_SHARE_OF_HOURS) {
            continue;
        }
        let (_, figure) = place_words(s, a, w);
        match places.iter_mut().find(|(p, _)| *p == a.place) {
            Some((_, figures)) => figures.push(figure),
            None => places.push((a.place.as_str(), vec![figure])),
        }
    }
    for (place, figures) in places {
        let Some(first) = pack.annotations.iter().find(|a| a.place == place) else {
            continue;
        };
        let (named, _) = place_words(s, first, w);
        let mut line = vec![strong(named)];
        if let Some((work, x)) = work_share(pack, place, total) {
            line.push(t(format!(
                "{}{}{}",
                d.aside[0],
                (d.share_of_hours)(work, x * 100.0),
                d.aside[1]
            )));
        }
        line.push(t(format!("{}{}", d.colon, figures.join(w.list_separator))));
        items.push(line);
    }
    if items.is_empty() {
        doc.text(d.no_key_assumptions);
    }
    doc.bullets(items);
}

/// The work type an annotation's place names, with its share of the required hours today.
fn work_share<'a>(pack: &'a Pack<'_>, place: &str, total: f64) -> Option<(&'a str, f64)> {
    let id = place
        .strip_prefix("[[work]] \"")
        .and_then(|p| p.strip_suffix('"'))?;
    let work = pack.before.scenario.works.iter().find(|k| k.id == id)?;
    let hours: f64 = pack
        .before
        .analysis
        .offices
        .iter()
        .flat_map(|o| &o.works)
        .filter(|l| l.id == id)
        .map(|l| l.required_hours)
        .sum();
    (total > 0.0).then_some((work.name.as_str(), hours / total))
}
