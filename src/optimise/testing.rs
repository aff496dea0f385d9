//! Small scenarios for the optimiser's unit tests: three dispatched groups (the third
//! optional) and four units whose only work is 100 hours of supervision per item, so that a
//! unit brings `100 × volume` hours to its group. With the default calendar one person
//! carries `H × 0.85` hours at the target.

use crate::model::Scenario;

/// Three groups and four units with these volumes of the one work; today g1 covers u1, g2
/// covers u2 and the optional g3 covers u3 and u4, one post each.
pub fn small(volumes: [u32; 4]) -> Scenario {
    let mut text = String::from(
        "[scenario]\nname = \"small\"\n\n[staff.a]\ncost = 100\n\n\
         [[office]]\nid = \"g1\"\nname = \"group 1\"\nkind = \"dispatched_group\"\nstaff = { a = 1 }\ncovers = [\"u1\"]\n\n\
         [[office]]\nid = \"g2\"\nname = \"group 2\"\nkind = \"dispatched_group\"\nstaff = { a = 1 }\ncovers = [\"u2\"]\n\n\
         [[office]]\nid = \"g3\"\nname = \"group 3\"\nkind = \"dispatched_group\"\noptional = true\nstaff = { a = 1 }\ncovers = [\"u3\", \"u4\"]\n\n",
    );
    for (u, volume) in volumes.iter().enumerate() {
        text.push_str(&format!(
            "[[unit]]\nid = \"u{n}\"\nname = \"unit {n}\"\nworkload = {{ w = {volume} }}\n\n",
            n = u + 1
        ));
    }
    text.push_str(
        "[[work]]\nid = \"w\"\nname = \"supervision\"\noffice = \"covering_group\"\nhours = 100\n",
    );
    match crate::scenario::parse(&text, "small.toml") {
        Ok(loaded) => loaded.scenario,
        Err(diagnostics) => panic!("test scenario does not parse: {diagnostics:?}"),
    }
}
