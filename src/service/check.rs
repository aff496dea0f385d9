//! The service check's result (SPEC §8): what the plan's own simulation says about its
//! on-time targets, the posts added for them, and what they would need beyond the quotas.
//! Plain data; its tables and JSON are in `export/recommendation.rs`, its report section in
//! `report/content/service.rs`.

use serde::Serialize;

use crate::optimise::{Recommendation, StoppedBy};

/// The recommendation after the service check: restaffed through the optimiser's one
/// constructor (so its figures and explanations describe the confirmed staffing), with the
/// check itself where the scenario sets `on_time` targets.
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub recommendation: Recommendation,
    /// `None` where the scenario sets no `on_time` target.
    pub check: Option<ServiceCheck>,
}

/// What the plan's own simulation says about its on-time targets, and the posts added for
/// them (`confirm`); the optimiser itself only meets the utilisation target.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceCheck {
    /// Every target holds in the confirmed plan.
    pub met: bool,
    pub unmet: Vec<ServiceUnmet>,
    /// Posts added for service, by office and staff type (beyond those the utilisation
    /// target needs).
    pub posts: Vec<Vec<u32>>,
    /// Yearly cost of those posts.
    pub cost: f64,
    /// By office: the lowest on-time share among its work types with a target (mean over the
    /// runs), in the plan before the service posts and in the confirmed plan.
    pub on_time_before_service: Vec<Option<f64>>,
    pub on_time_after: Vec<Option<f64>>,
    /// Where quotas or the budget left no room (`Shortfall::NoRoom`): the posts beyond them,
    /// by office and staff type, with which the same search meets those targets, and whether
    /// it does; `None` where nothing was short of room.
    pub beyond_quota: Option<BeyondQuota>,
    /// Simulations run by the check; the runs and seed of the one its figures come from.
    pub rounds: u32,
    pub runs: u32,
    /// The runs asked for (`--runs`): more than `runs` where the time limit stopped the check
    /// before it could simulate them all.
    pub runs_asked: u32,
    pub seed: u64,
    /// What stopped the check short of what it would have simulated (`optimise --time-limit`
    /// bounds it): `None` where nothing did.
    pub stopped_by: Option<StoppedBy>,
}

impl ServiceCheck {
    /// Whether every target holds; `None` where the limit left no room to simulate at all.
    pub fn met(&self) -> Option<bool> {
        (self.runs > 0).then_some(self.met)
    }
}

/// What the on-time targets would need beyond the quotas and the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct BeyondQuota {
    /// Posts beyond the confirmed plan, by office and staff type.
    pub posts: Vec<Vec<u32>>,
    /// Yearly cost of those posts.
    pub cost: f64,
    /// Whether every target then holds (`false` where other limits, such as `max_staff` or a
    /// deadline shorter than the work, stand in the way too).
    pub met: bool,
}

impl BeyondQuota {
    /// The posts of each staff type, all offices together.
    pub fn by_type(&self) -> Vec<u32> {
        let mut total: Vec<u32> = Vec::new();
        for office in &self.posts {
            total.resize(total.len().max(office.len()), 0);
            for (sum, n) in total.iter_mut().zip(office) {
                *sum += n;
            }
        }
        total
    }
}

/// One work type of one office that misses its target in the confirmed plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceUnmet {
    /// Office id.
    pub office: String,
    /// Work type id.
    pub work: String,
    pub target: f64,
    /// Mean over the runs; `None` where no item with a deadline finished or fell due.
    pub on_time_share: Option<f64>,
    pub reason: Shortfall,
}

/// Why a target is still missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shortfall {
    /// No staff type may be added: quotas, budget, `max_staff`, `allowed_staff` or `fixed`.
    NoRoom,
    /// More posts stopped raising the on-time share (the deadline is shorter than the work
    /// itself, or the team rule keeps people idle).
    NoGain,
    /// The check ran out of rounds before the office met its target.
    RoundLimit,
    /// `optimise --time-limit` stopped the check before the office met its target.
    TimeLimit,
}

/// A share and its target as percentages, with as many decimals (1 to 4) as it takes to show
/// a share below its target as below it: "99.989%" against "100.000%", never "100.0%" against
/// "100.0%". `–` where there is no share.
pub fn shares_shown(share: Option<f64>, target: f64) -> (String, String) {
    let decimals = share.map_or(1, |s| {
        (1..=4)
            .find(|&d| {
                let scale = 10f64.powi(d);
                s >= target || (s * 100.0 * scale).round() < (target * 100.0 * scale).round()
            })
            .unwrap_or(4) as usize
    });
    (
        share.map_or("–".to_string(), |s| {
            format!("{:.*}%", decimals, s * 100.0)
        }),
        format!("{:.*}%", decimals, target * 100.0),
    )
}

#[cfg(test)]
mod tests {
    use super::shares_shown;

    #[test]
    fn a_share_below_its_target_shows_below_it() {
        assert_eq!(
            shares_shown(Some(0.99989), 1.0),
            ("99.99%".to_string(), "100.00%".to_string())
        );
        assert_eq!(
            shares_shown(Some(0.85), 0.9),
            ("85.0%".to_string(), "90.0%".to_string())
        );
        assert_eq!(
            shares_shown(None, 0.9),
            ("–".to_string(), "90.0%".to_string())
        );
    }
}
