//! The map checks itself (after rust-analyzer's `tidy.rs`): each invariant ARCHITECTURE.md
//! states is a test here, read from the source text, so that breaking one fails `cargo test`.
//! Production code only: a file's `#[cfg(test)]` module at its end and the files that are
//! test helpers are not held to the layering.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file below `dir`, as paths relative to it with `/` separators, sorted.
fn rust_files(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(base).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

/// A source file's production text: everything before its test module.
fn production(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("#[cfg(test)]") {
            let rest = &text[at + line.len()..];
            if rest.trim_start().starts_with("mod ") {
                return &text[..at];
            }
        }
        at += line.len();
    }
    text
}

/// Source files that exist only for tests (declared `#[cfg(test)] mod x;`).
fn test_only(file: &str) -> bool {
    matches!(file, "optimise/testing.rs")
}

/// The top-level module a file of `src/` belongs to (`optimise/search/pack.rs` → `optimise`).
fn module_of(file: &str) -> &str {
    let first = file.split('/').next().unwrap_or(file);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Which modules each module may use (`crate::X`). Data flows one way: scenario → model →
/// analysis → optimise / simulate / plan → pipeline → report and chart → cli.
const EDGES: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("queueing", &[]),
    ("scenario", &["model"]),
    ("analysis", &["model", "queueing"]),
    ("benchmark", &["model", "analysis"]),
    ("starter", &["model"]),
    ("synth", &["model", "scenario"]),
    ("request", &["model"]),
    ("optimise", &["model", "analysis", "request"]),
    ("simulate", &["model", "analysis"]),
    ("multiyear", &["model", "analysis", "simulate"]),
    (
        "sensitivity",
        &["model", "analysis", "simulate", "optimise"],
    ),
    (
        "service",
        &["model", "analysis", "queueing", "optimise", "simulate"],
    ),
    (
        "pipeline",
        &[
            "model",
            "analysis",
            "benchmark",
            "multiyear",
            "optimise",
            "sensitivity",
            "service",
            "simulate",
            "error",
        ],
    ),
    ("chart", &["model"]),
    (
        "error",
        &[
            "chart",
            "multiyear",
            "optimise",
            "scenario",
            "sensitivity",
            "service",
            "simulate",
        ],
    ),
    (
        "export",
        &[
            "model",
            "analysis",
            "benchmark",
            "multiyear",
            "optimise",
            "pipeline",
            "request",
            "sensitivity",
            "service",
            "simulate",
        ],
    ),
    (
        "report",
        &[
            "model",
            "analysis",
            "benchmark",
            "chart",
            "error",
            "export",
            "multiyear",
            "optimise",
            "pipeline",
            "queueing",
            "request",
            "scenario",
            "sensitivity",
            "service",
            "simulate",
        ],
    ),
    ("cli", &["*"]),
    ("lib", &["*"]),
    ("main", &["*"]),
];

/// Known breaches, each a place to mend, never to add to (none left: the export's tables take
/// their words as a plain `export::Words` the caller fills).
const EDGE_DEBT: &[(&str, &str)] = &[];

/// Files and functions over the size limits when the check was written: the list may only
/// shrink (a test fails when an entry here is no longer too long, so that it is struck off).
const SIZE_DEBT: &[&str] = &[];

/// Crates with one owner: only files under these prefixes may name them.
const CRATES: &[(&str, &[&str])] = &[
    ("toml", &["scenario/"]),
    ("toml_edit", &["scenario/"]),
    ("calamine", &["scenario/"]),
    ("plotters", &["chart/"]),
    ("png", &["chart/"]),
    ("ab_glyph", &["chart/"]),
    ("plotters_backend", &["chart/"]),
    ("docx_rs", &["report/"]),
    ("rust_xlsxwriter", &["report/"]),
    ("clap", &["cli/"]),
    ("clap_complete", &["cli/"]),
    ("indicatif", &["cli/"]),
    ("ctrlc", &["cli/", "report/files.rs"]),
    ("microlp", &["optimise/search/solver.rs"]),
    ("rand", &["simulate/random.rs", "synth.rs"]),
    ("rand_chacha", &["simulate/random.rs", "synth.rs"]),
];

/// Each `(file, text)` of `src/` in production form.
fn sources() -> Vec<(String, String)> {
    rust_files(&root().join("src"))
        .into_iter()
        .filter(|f| !test_only(f))
        .map(|f| {
            let text = fs::read_to_string(root().join("src").join(&f)).unwrap();
            let text = production(&text).to_string();
            (f, text)
        })
        .collect()
}

/// The identifiers that follow `prefix` in `text` (`crate::` → `model`, `analysis`, …).
fn names_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// Lines that are not comments, so that prose naming a module or a macro is not code.
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn modules_use_only_the_modules_beneath_them() {
    let mut broken = Vec::new();
    for (file, text) in sources() {
        let module = module_of(&file);
        let allowed = EDGES
            .iter()
            .find(|(m, _)| *m == module)
            .unwrap_or_else(|| panic!("src/{file}: module `{module}` has no row in EDGES"))
            .1;
        if allowed == ["*"] {
            continue;
        }
        for used in names_after(&code(&text), "crate::") {
            let debt = EDGE_DEBT.contains(&(file.as_str(), used.as_str()));
            if used != module && !allowed.contains(&used.as_str()) && !debt {
                broken.push(format!("src/{file} uses crate::{used}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "edges the map forbids:\n{}",
        broken.join("\n")
    );
}

#[test]
fn crates_are_named_only_by_their_owners() {
    let mut broken = Vec::new();
    for (file, text) in sources() {
        let text = code(&text);
        let named = names_after(&text, "use ");
        for (krate, owners) in CRATES {
            let path = format!("{krate}::");
            let uses = named.contains(*krate) || !names_after(&text, &path).is_empty();
            if uses && !owners.iter().any(|o| file.starts_with(o)) {
                broken.push(format!("src/{file} names `{krate}`"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "crates outside their owners:\n{}",
        broken.join("\n")
    );
}

#[test]
fn only_cli_prints() {
    let mut broken = Vec::new();
    for (file, text) in sources() {
        if file.starts_with("cli/") {
            continue;
        }
        let text = code(&text);
        for call in [
            "println!",
            "print!",
            "eprintln!",
            "eprint!",
            "stdout()",
            "stderr()",
        ] {
            if contains_call(&text, call) {
                broken.push(format!("src/{file}: {call}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "printing outside cli:\n{}",
        broken.join("\n")
    );
}

/// Whether `text` calls `call` (not as the tail of a longer name: `eprintln!` is not `println!`).
fn contains_call(text: &str, call: &str) -> bool {
    text.match_indices(call).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn only_report_and_cli_touch_files() {
    let mut broken = Vec::new();
    for (file, text) in sources() {
        if file.starts_with("cli/") || file.starts_with("report/") {
            continue;
        }
        let text = code(&text);
        if contains_call(&text, "fs::") || contains_call(&text, "File::") {
            broken.push(format!("src/{file}"));
        }
    }
    assert!(
        broken.is_empty(),
        "file access outside report and cli:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_source_file_is_on_the_map() {
    let map = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let missing: Vec<String> = rust_files(&root().join("src"))
        .into_iter()
        .map(|f| match f.strip_suffix("mod.rs") {
            Some(dir) => dir.to_string(),
            None => f,
        })
        .filter(|name| !map.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names no `path` for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_module_says_what_it_owns() {
    let missing: Vec<String> = rust_files(&root().join("src"))
        .into_iter()
        .filter(|f| {
            let text = fs::read_to_string(root().join("src").join(f)).unwrap();
            !text.trim_start().starts_with("//!")
        })
        .collect();
    assert!(missing.is_empty(), "no `//!` doc:\n{}", missing.join("\n"));
}

#[test]
fn files_and_functions_stay_readable() {
    let mut too_long = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(root().join("src").join(&file)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > 800 {
            too_long.push((format!("src/{file}: file"), lines.len()));
        }
        for (name, length) in long_functions(&lines) {
            too_long.push((format!("src/{file}: fn {name}"), length));
        }
    }
    let new: Vec<String> = too_long
        .iter()
        .filter(|(place, _)| !SIZE_DEBT.contains(&place.as_str()))
        .map(|(place, length)| format!("{place}: {length} lines (files 800, functions 120)"))
        .collect();
    assert!(new.is_empty(), "too long:\n{}", new.join("\n"));
    let mended: Vec<&str> = SIZE_DEBT
        .iter()
        .filter(|debt| !too_long.iter().any(|(place, _)| place == *debt))
        .copied()
        .collect();
    assert!(mended.is_empty(), "strike off SIZE_DEBT: {mended:?}");
}

/// Functions longer than 120 lines: from a `fn` line to the `}` at the same indentation.
fn long_functions(lines: &[&str]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let head = line.trim_start();
        let head = head.strip_prefix("pub(crate) ").unwrap_or(head);
        let head = head.strip_prefix("pub(super) ").unwrap_or(head);
        let head = head.strip_prefix("pub ").unwrap_or(head);
        let head = head.strip_prefix("const ").unwrap_or(head);
        if let Some(rest) = head.strip_prefix("fn ") {
            if !line.trim_end().ends_with(';') {
                let end = (i + 1..lines.len()).find(|&j| {
                    let l = lines[j];
                    l.trim() == "}" && l.len() - l.trim_start().len() == indent
                });
                if let Some(j) = end {
                    if j - i + 1 > 120 {
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        out.push((name, j - i + 1));
                    }
                    i = j;
                }
            }
        }
        i += 1;
    }
    out
}

#[test]
fn every_test_file_is_in_the_one_test_binary() {
    let main = fs::read_to_string(root().join("tests/main.rs")).unwrap();
    let missing: Vec<String> = fs::read_dir(root().join("tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") || p.join("mod.rs").exists())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().to_string();
            (stem != "main" && !main.contains(&format!("mod {stem};"))).then_some(stem)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "tests/main.rs does not declare:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // Each check's reader on a made-up text, so that a reader that finds nothing is noticed.
    assert!(names_after("use crate::analysis::x;", "crate::").contains("analysis"));
    assert!(!names_after("staffplan_crate::x", "crate::").contains("x"));
    assert!(contains_call("    eprintln!(\"x\");", "eprintln!"));
    assert!(!contains_call("    eprintln!(\"x\");", "println!"));
    assert_eq!(
        production("fn a() {}\n#[cfg(test)]\nmod tests {\n}\n"),
        "fn a() {}\n"
    );
    let long: Vec<String> = std::iter::once("fn big() {".to_string())
        .chain((0..120).map(|i| format!("    let x{i} = {i};")))
        .chain(std::iter::once("}".to_string()))
        .collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    assert_eq!(long_functions(&long), vec![("big".to_string(), 122)]);
    assert!(long_functions(&long[..100]).is_empty());
    // A method, indented inside its `impl`, ends at the brace of its own indentation.
    let method: Vec<String> = long.iter().map(|l| format!("    {l}")).collect();
    let method: Vec<&str> = method.iter().map(String::as_str).collect();
    assert_eq!(long_functions(&method), vec![("big".to_string(), 122)]);
}
