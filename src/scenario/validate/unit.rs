//! One `[[unit]]` entry: the units supervised and the work they generate.

use super::{Ids, Validator, MAX_WHOLE};
use crate::model::{Input, Office, Unit};
use crate::scenario::problem::{self, Place};
use crate::scenario::raw::{self, S};

impl Validator<'_, '_> {
    pub(super) fn unit(
        &mut self,
        raw: &S<raw::Unit>,
        id: &str,
        index: usize,
        ids: &Ids<'_>,
        offices: &[Office],
    ) -> Unit {
        let span = raw.span();
        let raw = raw.get_ref();
        let place = format!("[[unit]] \"{id}\"");
        let p = place.as_str();
        let name = self.required_text(&raw.name, span, p, "name");
        let mut workload = Vec::new();
        if let Some(map) = &raw.workload {
            for (w, rate) in &map.get_ref().0 {
                let key = format!("workload.{}", w.get_ref());
                let input = Input::Workload {
                    unit: index,
                    entry: workload.len(),
                };
                let path = format!("unit.{id}.{key}");
                let recorded = self.ranges.len();
                let rate = self.uncertain_real(&Some(rate.clone()), (p, &key, path), input, 0.0);
                match self.resolve(w, ids.works, p, "workload", super::Named::Work) {
                    Some(w) => workload.push((w, rate)),
                    None => self.ranges.truncate(recorded),
                }
            }
        }
        let eligible = raw.eligible.as_ref().and_then(|list| {
            let mut groups = Vec::new();
            // After a wrong entry the list means nothing; dropping it avoids errors that only
            // repeat this one.
            let mut sound = true;
            for g in list.get_ref() {
                let Some(o) = self.resolve(g, ids.offices, p, "eligible", super::Named::Office)
                else {
                    sound = false;
                    continue;
                };
                {
                    if offices.get(o).is_some_and(|office| !office.is_group()) {
                        sound = false;
                        let problem = problem::Office::EligibleNotGroup {
                            office: ids.offices[o].clone(),
                        };
                        self.fail(g.span(), Place::key(p, "eligible"), problem);
                    } else if !groups.contains(&o) {
                        groups.push(o);
                    }
                }
            }
            sound.then_some(groups)
        });
        Unit {
            id: id.to_string(),
            name,
            kind: raw
                .kind
                .as_ref()
                .map(|k| self.printable(k, Place::key(p, "kind"))),
            members: raw
                .members
                .as_ref()
                .map(|m| self.whole(&Some(m.clone()), p, "members", 0, MAX_WHOLE * 100.0)),
            workload,
            eligible,
        }
    }
}
