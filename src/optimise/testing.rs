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

/// A small random scenario for checks against exhaustive search: three groups (the third
/// optional) with `max_units` of 2 or 3, five units of random hours, some needing a team of
/// 2 and some confined to g1 or g3. A plain generator (not the simulation's random numbers)
/// so that the cases do not change with them.
pub fn random_small(seed: u64) -> Scenario {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut draw = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut text = String::from(
        "[scenario]\nname = \"random\"\n\n[staff.a]\ncost = 100\n\n[[work]]\nid = \"w\"\nname = \"supervision\"\noffice = \"covering_group\"\nhours = 100\n\n\
         [[work]]\nid = \"pair\"\nname = \"paired work\"\noffice = \"covering_group\"\nhours = 100\nteam = 2\n\n",
    );
    for g in 1..=3 {
        text.push_str(&format!(
            "[[office]]\nid = \"g{g}\"\nname = \"group {g}\"\nkind = \"dispatched_group\"\nstaff = {{ a = 1 }}\nmax_units = {}\noptional = {}\n\n",
            2 + draw(2),
            g == 3
        ));
    }
    for u in 1..=5 {
        let work = if draw(3) == 0 { "pair" } else { "w" };
        text.push_str(&format!(
            "[[unit]]\nid = \"u{u}\"\nname = \"unit {u}\"\nworkload = {{ {work} = {} }}\n",
            1 + draw(12)
        ));
        if draw(3) == 0 {
            text.push_str("eligible = [\"g1\", \"g3\"]\n");
        }
        text.push('\n');
    }
    match crate::scenario::parse(&text, "random.toml") {
        Ok(loaded) => loaded.scenario,
        Err(diagnostics) => panic!("test scenario does not parse: {diagnostics:?}"),
    }
}
