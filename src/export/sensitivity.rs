//! The tables of a [`Sensitivity`] (the spread per office first, which CSV writes, then the
//! tornado), and its JSON: the struct's own serde form, whose field names are SPEC §9's.

use super::{Cell, Exportable, Table, Words};
use crate::sensitivity::{Confidence, Quantiles, Sensitivity};
use crate::service::Confirmed;

impl Exportable for Sensitivity {
    fn tables(&self, w: &Words) -> Vec<Table> {
        self.tables_named(w, None)
    }

    fn json(&self, _: &Words) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// A sensitivity whose tornado inputs the terminal names in the scenario's words (the JSON
/// keeps the input paths).
#[derive(Debug)]
pub struct Named<'a> {
    pub sensitivity: &'a Sensitivity,
    /// One name per tornado row, in its order.
    pub inputs: Vec<String>,
}

impl Exportable for Named<'_> {
    fn tables(&self, w: &Words) -> Vec<Table> {
        self.sensitivity.tables_named(w, Some(&self.inputs))
    }

    fn json(&self, w: &Words) -> serde_json::Value {
        self.sensitivity.json(w)
    }
}

impl Sensitivity {
    /// The spread and the tornado, its inputs named by `inputs` where given.
    fn tables_named(&self, w: &Words, inputs: Option<&[String]>) -> Vec<Table> {
        let sw = &w.sensitivity;
        let mut headers = vec![w.id, w.office];
        headers.extend(sw.headers);
        let mut spread = Table::new((sw.title)(&self.scenario, self.draws, self.seed), &headers);
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
            w.total,
            "",
            self.likely.posts_needed.mean,
            &self.total.posts_needed,
            &self.total.fte_need,
        ));
        let mut tornado = Table::new(sw.tornado_title, &sw.tornado_headers);
        for (i, r) in self.tornado.iter().enumerate() {
            let input = inputs.and_then(|n| n.get(i)).unwrap_or(&r.input);
            tornado.rows.push(vec![
                Cell::text(input),
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
            tornado.notes.push(sw.no_ranges.into());
        }
        vec![spread, tornado]
    }
}

/// `optimise --confidence`: the recommendation, and what the confidence costs.
#[derive(Debug)]
pub struct Confident<'a> {
    pub recommendation: &'a Confirmed,
    pub confidence: &'a Confidence,
}

impl Exportable for Confident<'_> {
    fn tables(&self, w: &Words) -> Vec<Table> {
        let c = self.confidence;
        let sw = &w.sensitivity;
        let mut headers = vec![w.id, w.office];
        headers.extend(sw.confidence_headers);
        let mut table = Table::new(
            (sw.confidence_title)(
                // 0.999 is 99.9%, not the 100% a whole number would round it to.
                (c.level * 1e4).round() / 1e2,
                (sw.holding)(c.holding),
                c.draws,
                c.seed,
                c.posts_after,
                c.posts_likely_plan,
                &w.money(c.cost_after),
                &w.money(c.cost_likely_plan),
                &signed(w.money(c.extra_cost), c.extra_cost),
            ),
            &headers,
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
        let mut tables = self.recommendation.tables(w);
        tables.push(table);
        tables
    }

    fn json(&self, w: &Words) -> serde_json::Value {
        let mut json = self.recommendation.json(w);
        if let serde_json::Value::Object(map) = &mut json {
            map.insert(
                "confidence".into(),
                serde_json::to_value(self.confidence).unwrap_or_default(),
            );
        }
        json
    }
}

/// An amount with its sign ("+110,000"), as a difference reads.
fn signed(text: String, value: f64) -> String {
    if value >= 0.0 && !text.starts_with('+') {
        format!("+{text}")
    } else {
        text
    }
}
