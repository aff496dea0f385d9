//! The peer benchmark (SPEC §12): several organisations set side by side on the ratios a study
//! report quotes — staff per supervised unit, staff per 1,000 party members, required hours per
//! person — and on items a year per person of the work types they share.
//!
//! It owns the figures and their definitions, nothing else: the analyses come from
//! [`crate::analysis`] (so every total here is the analysis's total), the tables from
//! `export::benchmark`, the chart and the files from `report`. No IO.
//!
//! A ratio without a denominator (no units, no member counts, no staff) is `None`, written as
//! `null` in JSON and left empty in CSV: a missing figure is never shown as a zero.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::model::{Language, Scenario};

/// Most organisations one benchmark sets side by side: each adds a bar to every panel of the
/// chart, which must stay a page (2,600 files once took 3.8 GB).
pub const MAX_PEERS: usize = 20;

/// One organisation to compare: the file it came from, the scenario and its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Peer<'a> {
    /// How the organisation is named in tables: its scenario file as given.
    pub file: &'a str,
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
}

/// The benchmark of several organisations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    /// The language of the first organisation: the one the chart and report speak.
    pub language: Language,
    /// One row per organisation, in the order given.
    pub rows: Vec<Row>,
    /// The work types every organisation has, in the first organisation's order.
    pub shared: Vec<SharedWork>,
}

/// A work type every organisation has, matched by id, else by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedWork {
    /// Its id in the first organisation, the key of the `items_per_person` columns.
    pub id: String,
    /// Its name in the first organisation.
    pub name: String,
    /// Its id in each organisation, in row order (the first of them where several match).
    pub ids: Vec<String>,
    /// Every id counted as this work type in each organisation, in row order: one, or the
    /// parts a scenario splits it into by name ("纪律审查(第一纪检监察室)", … for "纪律审查").
    pub parts: Vec<Vec<String>>,
}

/// A work type's name without a trailing qualifier in brackets: "纪律审查(第一纪检监察室)" is
/// a part of "纪律审查", "review (office 2)" of "review". The scenario says which work types
/// are one by naming them so.
pub fn family_name(name: &str) -> &str {
    let name = name.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let (Some(start), true) = (name.rfind(open), name.ends_with(close)) {
            let head = name[..start].trim();
            if !head.is_empty() {
                return head;
            }
        }
    }
    name
}

/// One organisation's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub file: String,
    pub name: String,
    /// Headcount, all offices and staff types together.
    pub staff: u32,
    /// Supervised units (`[[unit]]` entries).
    pub units: usize,
    /// Party members of the units that state `members`; `None` when no unit does.
    pub members: Option<u64>,
    /// How many units state `members` (the rest count for nothing in `members`).
    pub units_with_members: usize,
    /// Required hours of all offices (work of uncovered units is not in it: nobody does it).
    pub required_hours: f64,
    pub fte_need: f64,
    pub posts_needed: u64,
    /// `staff ÷ units`.
    pub staff_per_unit: Option<f64>,
    /// `staff ÷ members × 1000`.
    pub staff_per_1000_members: Option<f64>,
    /// `required_hours ÷ staff`.
    pub hours_per_person: Option<f64>,
    /// Units that need a dispatched group and have none.
    pub uncovered_units: usize,
    /// Covering-group hours a year of those units, which nobody does.
    pub uncovered_hours: f64,
    /// Posts that work needs (SPEC §14, the analysis's `undone_posts`).
    pub undone_posts: u64,
    /// Per shared work type, in [`Benchmark::shared`] order.
    pub work: Vec<WorkRatio>,
}

/// Items a year of one shared work type in one organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkRatio {
    /// The work type's id in this organisation.
    pub id: String,
    /// Items a year done at all its offices, follow-up work included.
    pub items: f64,
    /// `items ÷ staff`.
    pub items_per_person: Option<f64>,
}

/// The ratios drawn and reported side by side, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratio {
    StaffPerUnit,
    StaffPer1000Members,
    HoursPerPerson,
}

impl Ratio {
    pub const ALL: [Ratio; 3] = [
        Ratio::StaffPerUnit,
        Ratio::StaffPer1000Members,
        Ratio::HoursPerPerson,
    ];

    /// The JSON and CSV field name.
    pub fn key(self) -> &'static str {
        match self {
            Ratio::StaffPerUnit => "staff_per_unit",
            Ratio::StaffPer1000Members => "staff_per_1000_members",
            Ratio::HoursPerPerson => "hours_per_person",
        }
    }

    pub fn value(self, row: &Row) -> Option<f64> {
        match self {
            Ratio::StaffPerUnit => row.staff_per_unit,
            Ratio::StaffPer1000Members => row.staff_per_1000_members,
            Ratio::HoursPerPerson => row.hours_per_person,
        }
    }

    /// Decimals a reader needs: hours are large, the other ratios small.
    pub fn decimals(self) -> usize {
        match self {
            Ratio::HoursPerPerson => 1,
            Ratio::StaffPerUnit | Ratio::StaffPer1000Members => 2,
        }
    }
}

/// `a ÷ b`, or `None` when there is nothing to divide by.
fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// Sets the organisations side by side. An empty list gives an empty benchmark.
pub fn benchmark(peers: &[Peer<'_>]) -> Benchmark {
    let shared = shared_work(peers);
    let rows = peers
        .iter()
        .enumerate()
        .map(|(p, peer)| {
            let total = &peer.analysis.total;
            let staff = f64::from(total.staff);
            let units = peer.scenario.units.len();
            let stated: Vec<u64> = peer
                .scenario
                .units
                .iter()
                .filter_map(|u| u.members.map(u64::from))
                .collect();
            let members = (!stated.is_empty()).then(|| stated.iter().sum::<u64>());
            Row {
                file: peer.file.to_string(),
                name: peer.scenario.name.clone(),
                staff: total.staff,
                units,
                members,
                units_with_members: stated.len(),
                required_hours: total.required_hours,
                fte_need: total.fte_need,
                posts_needed: total.posts_needed,
                staff_per_unit: ratio(staff, units as f64),
                staff_per_1000_members: members
                    .and_then(|m| ratio(staff, m as f64))
                    .map(|r| r * 1000.0),
                hours_per_person: ratio(total.required_hours, staff),
                uncovered_units: peer.analysis.uncovered.len(),
                undone_posts: peer.analysis.total.undone_posts,
                uncovered_hours: peer
                    .analysis
                    .uncovered
                    .iter()
                    .map(|u| u.required_hours)
                    .sum(),
                work: shared
                    .iter()
                    .map(|s| {
                        let id = s.ids.get(p).cloned().unwrap_or_default();
                        let items = s.parts.get(p).map_or(0.0, |ids| {
                            ids.iter().map(|i| items_of(peer.analysis, i)).sum()
                        });
                        WorkRatio {
                            items_per_person: ratio(items, staff),
                            items,
                            id,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Benchmark {
        language: peers.first().map_or(Language::En, |p| p.scenario.language),
        rows,
        shared,
    }
}

/// Items a year of work type `id` over every office of an analysis.
fn items_of(analysis: &Analysis, id: &str) -> f64 {
    analysis
        .offices
        .iter()
        .flat_map(|o| &o.works)
        .filter(|w| w.id == id)
        .map(|w| w.volume)
        .sum()
}

/// The first organisation's work types that every other one has: the same id, else the same
/// name, else every work type whose name is the same once a bracketed qualifier is left out
/// ([`family_name`]). A work type of another organisation is matched at most once.
fn shared_work(peers: &[Peer<'_>]) -> Vec<SharedWork> {
    let Some(first) = peers.first() else {
        return Vec::new();
    };
    let mut taken: Vec<Vec<bool>> = peers
        .iter()
        .map(|p| vec![false; p.scenario.works.len()])
        .collect();
    let mut shared = Vec::new();
    for work in &first.scenario.works {
        let name = work.name.trim();
        let family = family_name(name);
        let matches: Option<Vec<Vec<usize>>> = peers
            .iter()
            .zip(&taken)
            .map(|(peer, taken)| {
                let works = &peer.scenario.works;
                let free = |i: &usize| !taken[*i];
                let one = (0..works.len())
                    .filter(free)
                    .find(|&i| works[i].id == work.id)
                    .or_else(|| {
                        (0..works.len())
                            .filter(free)
                            .find(|&i| works[i].name.trim() == name)
                    });
                match one {
                    Some(i) => Some(vec![i]),
                    None => {
                        let parts: Vec<usize> = (0..works.len())
                            .filter(free)
                            .filter(|&i| family_name(&works[i].name) == family)
                            .collect();
                        (!parts.is_empty()).then_some(parts)
                    }
                }
            })
            .collect();
        let Some(matches) = matches else { continue };
        for (taken, parts) in taken.iter_mut().zip(&matches) {
            for &i in parts {
                taken[i] = true;
            }
        }
        let ids_of = |peer: &Peer<'_>, parts: &[usize]| -> Vec<String> {
            parts
                .iter()
                .map(|&i| peer.scenario.works[i].id.clone())
                .collect()
        };
        let parts: Vec<Vec<String>> = peers
            .iter()
            .zip(&matches)
            .map(|(peer, parts)| ids_of(peer, parts))
            .collect();
        shared.push(SharedWork {
            id: work.id.clone(),
            name: work.name.clone(),
            ids: parts
                .iter()
                .map(|p| p.first().cloned().unwrap_or_default())
                .collect(),
            parts,
        });
    }
    shared
}
