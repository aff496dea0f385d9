//! No input makes staffplan panic: random and mutated scenario texts go through parsing,
//! validation and analysis, and must come out as a scenario or as diagnostics.
//! The long fuzzing campaign lives in `fuzz/`; this is the quick guard in every test run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use staffplan::analysis::analyse;
use staffplan::scenario::parse;

use crate::tokens::TOKENS;

const SEED_TEXT: &str = include_str!("cli_base.toml");

fn check(text: &str) {
    if let Ok(loaded) = parse(text, "fuzz.toml") {
        let analysis = analyse(&loaded.scenario);
        for office in &analysis.offices {
            assert!(office.required_hours.is_finite());
            assert!(office.capacity_hours.is_finite());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn mutated_scenarios_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..TOKENS.len(), 0u8..3), 1..6)
    ) {
        let mut text = SEED_TEXT.to_string();
        for (at, token, op) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match op {
                0 => text.insert_str(i, TOKENS[token]),
                1 => {
                    let mut end = (i + 8).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(i..end, TOKENS[token]);
                }
                _ => {
                    let mut end = (i + 16).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(i..end, "");
                }
            }
        }
        check(&text);
    }
}

/// Inputs the fuzzing campaign found (`tests/regressions/`), each once a panic or a hang, now
/// run through the whole path.
#[test]
fn fuzz_regressions_run_to_completion() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(loaded) = parse(&text, "regression.toml") else {
            continue;
        };
        analyse(&loaded.scenario);
        let options = staffplan::optimise::Options {
            time_limit: std::time::Duration::from_millis(500),
            ..staffplan::optimise::Options::default()
        };
        let recommendation = staffplan::optimise::optimise(&loaded.scenario, &options);
        let sim = staffplan::simulate::SimOptions {
            runs: 3,
            seed: 1,
            days: Some(20),
            threads: Some(1),
            warmup: staffplan::simulate::Warmup::Days(0),
        };
        staffplan::simulate::simulate(&loaded.scenario, &sim, &|_| {}).unwrap();
        if let Ok(recommendation) = recommendation {
            // Ends, whatever it answers: a plan out of proportion is refused, not simulated.
            let _ = staffplan::service::confirm(&loaded.scenario, recommendation, &sim);
        }
        count += 1;
    }
    assert!(count >= 1, "no regression scenario ran");
}
