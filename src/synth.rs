//! Synthetic scenarios of a given size (units × dispatched groups), written as TOML text so
//! that benchmarks exercise parsing too. The shape follows the Daqing scenario: three
//! sections with office-level casework, dispatched groups with one leader each, units whose
//! petitions and conduct checks go to their covering group, a share of units eligible for a
//! few groups only, some optional groups, and today's coverage leaving a third uncovered.
//! The same seed gives the same text.

use std::fmt::Write as _;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A scenario with `units` supervised units and `groups` dispatched groups.
pub fn scenario(units: usize, groups: usize, seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let groups = groups.max(1);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Synthetic scenario: {units} units, {groups} dispatched groups, seed {seed}.\n"
    );
    let _ = writeln!(
        out,
        "[scenario]\nname = \"synthetic {units}x{groups} (seed {seed})\"\n"
    );
    out.push_str("[staff.establishment]\nlabel = \"编制\"\ncost = 180000\n\n");
    out.push_str("[staff.contract]\nlabel = \"聘用\"\ncost = 96000\n\n");
    // Roomy quotas: the benchmark is about allocation, not scarcity.
    let roomy = 10 + 4 * groups + units / 2;
    let _ = writeln!(
        out,
        "[policy]\nquota = {{ establishment = {roomy}, contract = {roomy} }}\ntarget_utilisation = 0.85\n"
    );
    for (id, name) in [
        ("discipline", "纪检监察室"),
        ("hearing", "审理室"),
        ("audit", "审计中心"),
    ] {
        let _ = writeln!(
            out,
            "[[office]]\nid = \"{id}\"\nname = \"{name}\"\nstaff = {{ establishment = 3, contract = 1 }}\nleaders = 1\n"
        );
    }
    let per_group = units.div_ceil(groups);
    let max_units = per_group + per_group / 2 + 2;
    let covered_today = units * 2 / 3;
    let mut covers: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for u in 0..covered_today {
        covers[u % groups].push(u);
    }
    // Units eligible for a few groups only; a unit covered today keeps its group among them.
    let mut eligible: Vec<Option<Vec<usize>>> = vec![None; units];
    for (u, slot) in eligible.iter_mut().enumerate() {
        if groups > 3 && rng.random_bool(0.2) {
            let mut set: Vec<usize> = Vec::new();
            if u < covered_today {
                set.push(u % groups);
            }
            while set.len() < 3 {
                let g = rng.random_range(0..groups);
                if !set.contains(&g) {
                    set.push(g);
                }
            }
            set.sort_unstable();
            *slot = Some(set);
        }
    }
    for (g, covered) in covers.iter().enumerate() {
        let ids: Vec<String> = covered.iter().map(|u| format!("\"u{}\"", u + 1)).collect();
        let optional = g % 5 == 4;
        let _ = writeln!(
            out,
            "[[office]]\nid = \"g{}\"\nname = \"派驻纪检组 {}\"\nkind = \"dispatched_group\"\nstaff = {{ establishment = 1, contract = 1 }}\nleaders = 1\nmax_units = {max_units}\noptional = {optional}\ncovers = [{}]\n",
            g + 1,
            g + 1,
            ids.join(", ")
        );
    }
    let scale = 1.0 + units as f64 / 400.0;
    let _ = writeln!(
        out,
        "[[work]]\nid = \"review\"\nname = \"纪律审查\"\noffice = \"discipline\"\nvolume = {:.1}\nhours = 120\nteam = 3\nnext = [{{ work = \"hearing\", share = 0.6 }}]\n",
        12.0 * scale
    );
    out.push_str("[[work]]\nid = \"hearing\"\nname = \"案件审理\"\noffice = \"hearing\"\nhours = 30\nteam = 2\n\n");
    let _ = writeln!(
        out,
        "[[work]]\nid = \"audit\"\nname = \"审计\"\noffice = \"audit\"\nvolume = {:.1}\nhours = 160\nteam = 3\n",
        15.0 * scale
    );
    out.push_str("[[work]]\nid = \"petition\"\nname = \"信访举报\"\noffice = \"covering_group\"\nhours = 6\n\n");
    out.push_str("[[work]]\nid = \"conduct_check\"\nname = \"作风检查\"\noffice = \"covering_group\"\nhours = 20\nteam = 2\nnext = [{ work = \"review\", share = 0.05 }]\n\n");
    for (u, eligible) in eligible.iter().enumerate() {
        let petition: f64 = rng.random_range(2.0..20.0);
        let conduct: f64 = rng.random_range(0.5..8.0);
        let _ = write!(
            out,
            "[[unit]]\nid = \"u{}\"\nname = \"单位 {}\"\nworkload = {{ petition = {petition:.1}, conduct_check = {conduct:.1} }}\n",
            u + 1,
            u + 1
        );
        if let Some(set) = eligible {
            let ids: Vec<String> = set.iter().map(|g| format!("\"g{}\"", g + 1)).collect();
            let _ = writeln!(out, "eligible = [{}]", ids.join(", "));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_has_the_size_asked_for() {
        let text = scenario(40, 6, 3);
        let loaded = crate::scenario::parse(&text, "synth.toml").unwrap();
        assert_eq!(loaded.scenario.units.len(), 40);
        let groups = loaded
            .scenario
            .offices
            .iter()
            .filter(|o| o.is_group())
            .count();
        assert_eq!(groups, 6);
        assert_eq!(text, scenario(40, 6, 3));
        assert_ne!(text, scenario(40, 6, 4));
    }
}
