//! The tables of a [`Sensitivity`] (the spread per office first, which CSV writes, then the
//! tornado), and its JSON: the struct's own serde form, whose field names are SPEC §9's.

use super::{Cell, Exportable, Table};
use crate::sensitivity::{Confidence, Holding, Quantiles, Sensitivity};
use crate::service::Confirmed;

impl Exportable for Sensitivity {
    fn tables(&self) -> Vec<Table> {
        let mut spread = Table::new(
            format!(
                "{} — posts needed and FTE need over {} draws (seed {})",
                self.scenario, self.draws, self.seed
            ),
            &[
                "id",
                "office",
                "posts likely",
                "posts mean",
                "posts p5",
                "posts p50",
                "posts p90",
                "posts p95",
                "FTE mean",
                "FTE p5",
                "FTE p50",
                "FTE p90",
                "FTE p95",
            ],
        );
        let row = |id: &str, name: &str, likely: f64, posts: &Quantiles, fte: &Quantiles| {
            let mut cells = vec![Cell::text(id), Cell::text(name), Cell::Num(likely, 0)];
            for (q, decimals) in [(posts, 1), (fte, 2)] {
                cells.extend([q.mean, q.p5, q.p50, q.p90, q.p95].map(|v| Cell::Num(v, decimals)));
            }
            cells
        };
        for o in &self.offices {
            spread.rows.push(row(
                &o.id,
                &o.name,
                o.posts_needed_likely as f64,
                &o.posts_needed,
                &o.fte_need,
            ));
        }
        spread.rows.push(row(
            "total",
            "",
            self.likely.posts_needed.mean,
            &self.total.posts_needed,
            &self.total.fte_need,
        ));
        let mut tornado = Table::new(
            "Tornado — the organisation with one input at its low and at its high value",
            &[
                "input",
                "low",
                "likely",
                "high",
                "FTE need low",
                "FTE need high",
                "posts low",
                "posts high",
            ],
        );
        for r in &self.tornado {
            tornado.rows.push(vec![
                Cell::text(&r.input),
                Cell::Num(r.low, 2),
                Cell::Num(r.likely, 2),
                Cell::Num(r.high, 2),
                Cell::Num(r.fte_need_low, 2),
                Cell::Num(r.fte_need_high, 2),
                Cell::count(r.posts_needed_low),
                Cell::count(r.posts_needed_high),
            ]);
        }
        if self.tornado.is_empty() {
            tornado
                .notes
                .push("the scenario gives no figure as a range { low, likely, high }".into());
        }
        vec![spread, tornado]
    }

    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// `optimise --confidence`: the recommendation, and what the confidence costs.
#[derive(Debug)]
pub struct Confident<'a> {
    pub recommendation: &'a Confirmed,
    pub confidence: &'a Confidence,
}

impl Exportable for Confident<'_> {
    fn tables(&self) -> Vec<Table> {
        let c = self.confidence;
        let mut table = Table::new(
            format!(
                "Confidence {}% ({}) over {} draws (seed {}): {} posts against {} for the likely values, cost {:.0} against {:.0} ({:+.0})",
                // 0.999 is 99.9%, not the 100% a whole number would round it to.
                (c.level * 1e4).round() / 1e2,
                match c.holding {
                    Holding::Joint => "every office at once",
                    Holding::PerOffice => "office by office",
                },
                c.draws,
                c.seed,
                c.posts_after,
                c.posts_likely_plan,
                c.cost_after,
                c.cost_likely_plan,
                c.extra_cost
            ),
            &[
                "id",
                "office",
                "posts likely plan",
                "posts",
                "target met in",
                "every office met in",
            ],
        );
        for o in &c.offices {
            table.rows.push(vec![
                Cell::text(&o.id),
                Cell::text(&o.name),
                Cell::Int(i64::from(o.posts_likely_plan)),
                Cell::Int(i64::from(o.posts_after)),
                Cell::Share(o.met_share),
                Cell::Share(c.met_share_all),
            ]);
        }
        let mut tables = self.recommendation.tables();
        tables.push(table);
        tables
    }

    fn json(&self) -> serde_json::Value {
        let mut json = self.recommendation.json();
        if let serde_json::Value::Object(map) = &mut json {
            map.insert(
                "confidence".into(),
                serde_json::to_value(self.confidence).unwrap_or_default(),
            );
        }
        json
    }
}
