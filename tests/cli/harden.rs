//! The hardening pass: inputs at the caps (names, ranges, files, figures), what an interrupt
//! leaves, the planner's comments and `--set` overrides kept by `optimise --write`, and honest
//! messages and exit codes.

use super::{staffplan, with, workdir};

/// Every name a chart draws at the longest length a name may have: `run` draws them all
/// (titles, legends, axis labels, captions) and ends. Before the ellipsis searched from the
/// front, a 20,000-character name took a minute and more; now a name that long is refused.
#[test]
fn names_at_the_cap_are_drawn_and_longer_ones_refused() {
    let dir = workdir("long-names");
    let long = "名".repeat(staffplan::scenario::MAX_TEXT_CHARS);
    let text = with("name = \"Test office\"", &format!("name = \"{long}\""))
        .replace("name = \"纪检监察室\"", &format!("name = \"{long}\""))
        .replace(
            "name = \"派驻一组\"",
            &format!("name = \"x{}\"", &long[3..]),
        );
    std::fs::write(dir.join("s.toml"), &text).unwrap();
    let date = "d".repeat(staffplan::scenario::MAX_TEXT_CHARS);
    let run = staffplan(&dir, &["run", "s.toml", "--out", "pack", "--date", &date]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let longer = with("name = \"Test office\"", &format!("name = \"{long}x\""));
    std::fs::write(dir.join("t.toml"), longer).unwrap();
    let refused = staffplan(&dir, &["check", "t.toml"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains(
            "[scenario], key `name`: the text has 201 characters, more than the 200 a name, id or label may have"
        ),
        "{}",
        refused.stderr
    );
    let date = staffplan(&dir, &["run", "s.toml", "--date", &format!("{date}d")]);
    assert_eq!(date.code, 2);
    assert!(date.stderr.contains("201 characters"), "{}", date.stderr);
}
