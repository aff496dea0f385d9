//! The proposal pack (SPEC §6) through the real binary: every file written, charts that
//! decode at the stated size with the Chinese names in them, snapshots of the report and the
//! tables, and byte-identical reruns whatever the thread count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: &[&str] = &[
    "report.md",
    "report.html",
    "tables.xlsx",
    "summary.json",
    "offices.csv",
    "allocation.csv",
    "charts/caseload_per_person.png",
    "charts/caseload_per_person.svg",
    "charts/utilisation.png",
    "charts/utilisation.svg",
    "charts/backlog.png",
    "charts/backlog.svg",
    "charts/allocation.png",
    "charts/allocation.svg",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("pack")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs staffplan from the repository root, so scenario paths read as in the README.
fn staffplan(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "staffplan {args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

fn compare_daqing(out: &Path, threads: &str) {
    staffplan(&[
        "compare",
        "scenarios/daqing-2017.toml",
        "scenarios/daqing-proposal.toml",
        "--runs",
        "40",
        "--seed",
        "7",
        "--threads",
        threads,
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
}

fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    (info.width, info.height)
}

#[test]
fn compare_writes_every_file_of_the_pack() {
    let out = out_dir("compare-files");
    compare_daqing(&out, "2");
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    for chart in [
        "caseload_per_person",
        "utilisation",
        "backlog",
        "allocation",
    ] {
        let (w, h) = png_size(&out.join(format!("charts/{chart}.png")));
        assert!(w >= 1600 && h >= 900, "{chart}.png is {w}×{h}");
    }
    let svg = std::fs::read_to_string(out.join("charts/caseload_per_person.svg")).unwrap();
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    for name in [
        "纪工委纪检监察室",
        "审计局",
        "基建工程审计中心",
        "派驻第一园区纪检组",
    ] {
        assert!(svg.contains(name), "the SVG lacks {name}");
        assert!(report.contains(name), "the report lacks {name}");
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["runs"], 40);
    assert_eq!(summary["before"]["analysis"]["total"]["staff"], 20);
    assert_eq!(summary["after"]["analysis"]["total"]["staff"], 40);
}

#[test]
fn snapshots_of_the_report_and_tables() {
    let out = out_dir("compare-snapshots");
    compare_daqing(&out, "2");
    for file in ["report.md", "offices.csv", "allocation.csv"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        insta::assert_snapshot!(format!("daqing-compare-{file}"), text);
    }
}

#[test]
fn rerun_is_byte_identical_whatever_the_threads() {
    let (one, two) = (out_dir("rerun-1"), out_dir("rerun-2"));
    compare_daqing(&one, "1");
    compare_daqing(&two, "2");
    for file in FILES {
        let a = std::fs::read(one.join(file)).unwrap();
        let b = std::fs::read(two.join(file)).unwrap();
        assert!(a == b, "{file} differs between 1 and 2 threads");
    }
}

#[test]
fn run_is_byte_identical_whatever_the_threads() {
    let (one, two) = (out_dir("run-threads-1"), out_dir("run-threads-2"));
    for (out, threads) in [(&one, "1"), (&two, "2")] {
        staffplan(&[
            "run",
            "scenarios/daqing-2017.toml",
            "--runs",
            "30",
            "--threads",
            threads,
            "--quiet",
            "--out",
            out.to_str().unwrap(),
        ]);
    }
    for file in FILES {
        let a = std::fs::read(one.join(file)).unwrap();
        let b = std::fs::read(two.join(file)).unwrap();
        assert!(a == b, "{file} differs between 1 and 2 threads");
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(one.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["optimise"]["status"], "optimal");
}

#[test]
fn run_on_every_shipped_scenario_writes_the_pack() {
    let scenarios = root().join("scenarios");
    let mut names: Vec<String> = std::fs::read_dir(&scenarios)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        let out = out_dir(&format!("run-{name}"));
        let file = format!("scenarios/{name}");
        staffplan(&[
            "run",
            &file,
            "--runs",
            "20",
            "--quiet",
            "--out",
            out.to_str().unwrap(),
        ]);
        for f in FILES {
            assert!(out.join(f).is_file(), "{name}: {f} missing");
        }
        let report = std::fs::read_to_string(out.join("report.md")).unwrap();
        let text = std::fs::read_to_string(scenarios.join(&name)).unwrap();
        let loaded = staffplan::scenario::parse(&text, &name).unwrap();
        for office in &loaded.scenario.offices {
            assert!(
                report.contains(&office.name),
                "{name}: the report lacks {}",
                office.name
            );
        }
    }
}
