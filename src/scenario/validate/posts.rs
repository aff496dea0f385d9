//! One `[[office]]`'s approved posts (SPEC §14): `sanctioned` by staff type, defaulting to
//! today's staff, and `leader_posts`, each checked against the office's other keys.

use super::{Ids, Validator, MAX_WHOLE};
use crate::scenario::problem::{self, Place};
use crate::scenario::raw;

impl Validator<'_, '_> {
    /// Posts approved for the office by staff type: `sanctioned` where the office gives it (a
    /// type it does not name has none), today's `staff` where it does not.
    pub(super) fn sanctioned(
        &mut self,
        raw: &raw::Office,
        p: &str,
        ids: &Ids<'_>,
        staff: &[u32],
        allowed: &[bool],
    ) -> Vec<u32> {
        let Some(map) = &raw.sanctioned else {
            return staff.to_vec();
        };
        let mut sanctioned = vec![0; ids.staff.len()];
        for (t, n) in &map.get_ref().0 {
            let key = format!("sanctioned.{}", t.get_ref());
            let count = self.whole(&Some(n.clone()), p, &key, 0, MAX_WHOLE);
            let Some(t) = self.resolve(t, ids.staff, p, "sanctioned", super::Named::StaffType)
            else {
                continue;
            };
            sanctioned[t] = count;
            if count > 0 && !allowed.get(t).copied().unwrap_or(true) {
                let problem = problem::Office::PostsNotAllowed {
                    staff: ids.staff[t].to_string(),
                    posts: count,
                };
                self.fail(n.span(), Place::key(p, &key), problem);
            }
        }
        sanctioned
    }

    /// The leadership posts approved for the office (领导职数); a warning where more leaders
    /// are in post than are approved.
    pub(super) fn leader_posts(&mut self, raw: &raw::Office, p: &str, leaders: u32) -> Option<u32> {
        let value = raw.leader_posts.as_ref()?;
        let posts = self.whole(&Some(value.clone()), p, "leader_posts", 0, MAX_WHOLE);
        if leaders > posts {
            self.warning(
                value.span(),
                format!("{p}, key `leader_posts`"),
                format!(
                    "{leaders} leaders are in post (`leaders`) but only {posts} leadership posts are approved"
                ),
                "check `leaders` and `leader_posts`: the request reports the approved leadership posts as given",
                crate::scenario::Warning::LeadersOverPosts { place: p.to_string(), leaders, posts },
            );
        }
        Some(posts)
    }
}
