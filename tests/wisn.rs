//! WISN mode (SPEC §16) against the published Kenya example (Burmen et al., Human Resources for
//! Health 15:9, 2017) and hand calculations: the keys, their validation, WISN's figures per
//! office and staff type, and the bands of the ranges.

use staffplan::analysis::{analyse, Analysis, Pressure, Wisn};
use staffplan::scenario::{parse, Diagnostic};

fn analysis_of(text: &str) -> Analysis {
    analyse(&crate::common::scenario(text))
}

fn errors_of(text: &str) -> Vec<Diagnostic> {
    match parse(text, "test.toml") {
        Ok(_) => panic!("the scenario should have been refused"),
        Err(errors) => errors.into_iter().filter(Diagnostic::is_error).collect(),
    }
}

fn row<'a>(analysis: &'a Analysis, office: &str, staff: &str) -> &'a Wisn {
    analysis
        .offices
        .iter()
        .find(|o| o.id == office)
        .and_then(|o| o.wisn.iter().find(|w| w.staff == staff))
        .unwrap_or_else(|| panic!("no WISN row for {office}/{staff}"))
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

/// Two decimals, as the paper prints its figures.
fn published(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The Kenya clinic with the paper's Table 3 figures: 234 days of consultation − 55 days of
/// holidays, annual and sick leave = 179 days × 8 h = 1,432 h of available working time;
/// 100,000 consultations of 15 minutes = 25,000 h = 17.46 clinicians. `{share}` and
/// `{allowance}` add the category and the individual allowance.
fn kenya(share: &str, allowance: &str) -> String {
    format!(
        r#"
[scenario]
name = "Kenya"
method = "wisn"
[calendar]
working_days = 234
hours_per_day = 8
leave_days = 55
training_days = 0
non_case_share = {share}
[staff.clinician]
[[office]]
id = "clinic"
name = "HIV clinic"
staff = {{ clinician = 12 }}
{allowance}
[[work]]
id = "consultation"
name = "Consultation"
office = "clinic"
staff = ["clinician"]
volume = 100000
hours = 0.25
"#
    )
}

/// Table 3's category allowance: 10 of the 179 days of available working time.
fn cas() -> String {
    (10.0_f64 / 179.0).to_string()
}

/// One third of 1,432 hours, the clinic manager's administration (the paper's abstract).
/// A scenario named `name` with doctors and nurses on one calendar of exactly 8 casework
/// hours a working day (250 days), so that rates read in items a day; `rest` its offices and
/// work.
fn doctors_and_nurses(name: &str, rest: &str) -> String {
    format!(
        "[scenario]\nname = \"{name}\"\n[calendar]\nworking_days = 250\nhours_per_day = 8\n\
         leave_days = 0\ntraining_days = 0\nnon_case_share = 0\n[staff.doctor]\n[staff.nurse]\n{rest}"
    )
}

const MANAGER: &str = r#"allowances = [{ staff = "clinician", hours = 477.3333333333333, persons = 1, name = "management" }]"#;

#[test]
fn kenya_baseline_is_the_published_17_46() {
    let analysis = analysis_of(&kenya("0", ""));
    let w = row(&analysis, "clinic", "clinician");
    // Standard workload: 1,432 h ÷ 0.25 h = 5,728 consultations a clinician a year.
    assert_eq!(
        w.standard_workload,
        vec![("consultation".to_string(), 5728.0)]
    );
    close(w.caf, 1.0);
    close(w.iaf, 0.0);
    // Table 3: 3,125 days of workload ÷ 179 days.
    close(w.required, 3125.0 / 179.0);
    assert_eq!(published(w.required), 17.46);
    assert_eq!(w.existing, 12);
    close(w.difference, 12.0 - 3125.0 / 179.0);
    close(w.ratio.unwrap(), 12.0 * 179.0 / 3125.0);
    assert_eq!(w.pressure, Some(Pressure::Shortage));
}

#[test]
fn kenya_with_the_category_allowance_is_the_published_18_49() {
    let analysis = analysis_of(&kenya(&cas(), ""));
    let w = row(&analysis, "clinic", "clinician");
    // CAF = 1 ÷ (1 − 10/179) = 179/169; required = 3,125/179 × 179/169 = 3,125/169.
    close(w.caf, 179.0 / 169.0);
    close(w.required, 3125.0 / 169.0);
    assert_eq!(published(w.required), 18.49);
    // The caseload analysis counts the same need: its year value is AWT × (1 − CAS).
    close(analysis.offices[0].fte_need, w.required);
}

#[test]
fn kenya_with_a_third_of_a_year_of_individual_allowance_is_18_82() {
    let analysis = analysis_of(&kenya(&cas(), MANAGER));
    let w = row(&analysis, "clinic", "clinician");
    // IAF = 477.33 h ÷ 1,432 h.
    close(w.iaf, 1.0 / 3.0);
    close(w.required, 3125.0 / 169.0 + 1.0 / 3.0);
    assert_eq!(published(w.required), 18.82);
    close(w.ratio.unwrap(), 12.0 / w.required);
}

#[test]
fn the_shipped_kenya_scenario_gives_18_82() {
    let text = std::fs::read_to_string("scenarios/kenya-hiv-clinic-wisn.toml").unwrap();
    let analysis = analysis_of(&text);
    let w = row(&analysis, "hiv-clinic", "clinician");
    assert_eq!(published(w.required), 18.82);
    assert_eq!(published(w.ratio.unwrap()), 0.64);
}

/// Doctors keep `[calendar]` (235 days × 8 h = 1,880 h, CAF 1 ÷ 0.85); nurses work 6 hours a
/// day (235 × 6 = 1,410 h). Ward rounds (1,880 h) may be done by both; `{dressing}` says who
/// may do the dressings (1,410 h).
fn two_cadres(dressing: &str) -> String {
    format!(
        r#"
[scenario]
name = "Two cadres"
[staff.doctor]
[staff.nurse]
hours_per_day = 6
[[office]]
id = "ward"
name = "Ward"
staff = {{ doctor = 2, nurse = 2 }}
[[work]]
id = "rounds"
name = "Ward rounds"
office = "ward"
volume = 1000
hours = 1.88
[[work]]
id = "dressing"
name = "Dressings"
office = "ward"
volume = 100
hours = 14.1
{dressing}
"#
    )
}

#[test]
fn restricting_work_to_one_cadre_moves_the_need_by_hand_calculation() {
    // Shared: each type does half of each (equal headcounts): 940 + 705 = 1,645 h each.
    let shared = analysis_of(&two_cadres(""));
    close(
        row(&shared, "ward", "doctor").required,
        1645.0 / 1880.0 / 0.85,
    );
    close(
        row(&shared, "ward", "nurse").required,
        1645.0 / 1410.0 / 0.85,
    );
    close(
        row(&shared, "ward", "doctor").standard_workload[1].1,
        1880.0 / 14.1,
    );

    // Dressings to nurses only: doctors 940 h, nurses 940 + 1,410 = 2,350 h.
    let nurses = analysis_of(&two_cadres(r#"staff = ["nurse"]"#));
    let doctor = row(&nurses, "ward", "doctor");
    let nurse = row(&nurses, "ward", "nurse");
    close(doctor.required, 0.5 / 0.85);
    close(nurse.required, 2350.0 / 1410.0 / 0.85);
    // The doctors no longer do dressings, so have no standard workload for them.
    assert_eq!(doctor.standard_workload.len(), 1);
    assert_eq!(doctor.pressure, Some(Pressure::Excess));
    // Two nurses against 1.96 required: just above balance.
    close(nurse.ratio.unwrap(), 2.0 / (2350.0 / 1410.0 / 0.85));
    assert_eq!(nurse.pressure, Some(Pressure::Excess));
    // The whole need grows: the dressings go to the cadre with the shorter year.
    let total = |a: &Analysis| a.offices[0].wisn.iter().map(|w| w.required).sum::<f64>();
    close(total(&shared), (1645.0 / 1880.0 + 1645.0 / 1410.0) / 0.85);
    close(total(&nurses), (0.5 + 2350.0 / 1410.0) / 0.85);
    assert!(total(&nurses) > total(&shared));

    // Dressings to doctors only: doctors 2,350 h, nurses 940 h; the need shrinks.
    let doctors = analysis_of(&two_cadres(r#"staff = ["doctor"]"#));
    close(row(&doctors, "ward", "doctor").required, 1.25 / 0.85);
    close(
        row(&doctors, "ward", "nurse").required,
        940.0 / 1410.0 / 0.85,
    );
    assert!(total(&doctors) < total(&shared));
}

#[test]
fn a_scenario_without_wisn_keys_has_no_wisn_figures() {
    let text = two_cadres("").replace("hours_per_day = 6\n", "");
    let analysis = analysis_of(&text);
    assert!(analysis.offices.iter().all(|o| o.wisn.is_empty()));
    let json = serde_json::to_string(&analysis).unwrap();
    assert!(!json.contains("wisn"), "{json}");
}

#[test]
fn pressure_reads_the_ratio_as_the_manual_does() {
    // Three bands, as Burmen et al. 2017 word WISN's reading: below 1, at 1, above 1; no
    // numbered sub-bands, so a ratio of 0.3 reads as 0.99 does.
    assert_eq!(Pressure::of(0.64), Pressure::Shortage);
    assert_eq!(Pressure::of(0.3), Pressure::Shortage);
    assert_eq!(Pressure::of(0.99), Pressure::Shortage);
    assert_eq!(Pressure::of(1.0), Pressure::Balanced);
    // 12 ÷ 12 computed through a division is 1 within rounding, and reads as balanced.
    assert_eq!(
        Pressure::of(12.0 / (12.0 * (1.0 + 1e-12))),
        Pressure::Balanced
    );
    assert_eq!(Pressure::of(1.01), Pressure::Excess);
    assert_eq!(Pressure::of(1.2), Pressure::Excess);
    let json = serde_json::to_string(&[Pressure::Shortage, Pressure::Balanced, Pressure::Excess]);
    assert_eq!(json.unwrap(), r#"["shortage","balanced","excess"]"#);
}

#[test]
fn wisn_keys_are_validated_with_place_and_fix() {
    let bad_type =
        errors_of(&kenya("0", "").replace(r#"staff = ["clinician"]"#, r#"staff = ["clinican"]"#));
    assert_eq!(bad_type.len(), 1, "{bad_type:?}");
    assert!(bad_type[0]
        .message
        .contains("unknown staff type \"clinican\""));
    assert!(bad_type[0].place.contains("key `staff`"));
    assert!(bad_type[0].line > 0);

    let not_allowed = errors_of(&two_cadres(r#"staff = ["nurse"]"#).replace(
        "staff = { doctor = 2, nurse = 2 }",
        "staff = { doctor = 2 }\nallowed_staff = [\"doctor\"]",
    ));
    assert_eq!(not_allowed.len(), 1, "{not_allowed:?}");
    assert!(not_allowed[0]
        .message
        .contains("does not allow staff type \"nurse\""));
    assert!(not_allowed[0]
        .help
        .as_deref()
        .unwrap()
        .contains("allowed_staff"));

    let negative = errors_of(&kenya("0", &MANAGER.replace("477.3", "-477.3")));
    assert_eq!(negative.len(), 1, "{negative:?}");
    assert!(negative[0].message.contains("`hours` must not be negative"));
    assert!(negative[0].place.contains("`allowances` entry #1"));

    let unknown_allowance = errors_of(&kenya("0", &MANAGER.replace("\"clinician\"", "\"nurse\"")));
    assert!(unknown_allowance[0]
        .message
        .contains("unknown staff type \"nurse\""));

    let method = errors_of(&kenya("0", "").replace("\"wisn\"", "\"wsin\""));
    assert!(method[0].message.contains("unknown method \"wsin\""));

    let short_year = errors_of(&two_cadres("").replace("hours_per_day = 6", "leave_days = 245"));
    assert!(short_year[0].message.contains("leaves no working time"));
}

#[test]
fn ranges_give_required_and_ratio_bands() {
    let text = kenya("0", "").replace(
        "volume = 100000",
        "volume = { low = 80000, likely = 100000, high = 120000 }",
    );
    let loaded = parse(&text, "test.toml").unwrap();
    let mut analysis = analyse(&loaded.scenario);
    let options = staffplan::sensitivity::Options {
        draws: 401,
        seed: 1,
        threads: Some(1),
    };
    staffplan::sensitivity::wisn_bands(&loaded.scenario, &mut analysis, &options).unwrap();
    let w = row(&analysis, "clinic", "clinician");
    let required = w.required_band.unwrap();
    let ratio = w.ratio_band.unwrap();
    // The need is linear in the volume: its band lies inside 80,000..120,000 ÷ 5,728 and
    // around the likely 17.46; the ratio's band is 12 ÷ the need's, ends swapped.
    assert!(80000.0 / 5728.0 < required.p5 && required.p5 < 17.46);
    assert!(17.46 < required.p95 && required.p95 < 120000.0 / 5728.0);
    close(ratio.p5, 12.0 / required.p95);
    close(ratio.p95, 12.0 / required.p5);
    // The same seed on two threads gives the same band.
    let mut again = analyse(&loaded.scenario);
    let two = staffplan::sensitivity::Options {
        threads: Some(2),
        ..options
    };
    staffplan::sensitivity::wisn_bands(&loaded.scenario, &mut again, &two).unwrap();
    assert_eq!(
        row(&again, "clinic", "clinician").required_band,
        w.required_band
    );
}

/// A ward whose rounds anyone may do and whose `{b}` hours of procedures only doctors may
/// (`{restricted}`); doctors cost 10, nurses 1; the default calendar's 1,598 h at 85%.
fn ward_for_the_optimiser(a: f64, b: f64, restricted: &str) -> String {
    format!(
        r#"
[scenario]
name = "Ward"
[staff.doctor]
cost = 10
[staff.nurse]
cost = 1
[[office]]
id = "ward"
name = "Ward"
staff = {{ nurse = 1 }}
[[work]]
id = "rounds"
name = "Rounds"
office = "ward"
volume = {a}
hours = 1
[[work]]
id = "procedures"
name = "Procedures"
office = "ward"
volume = {b}
hours = 1
{restricted}
"#
    )
}

/// The cheapest (doctors, nurses) that carry every hour at the target, and the restricted
/// hours on doctors alone where `restricted`: every pair up to 8 people of each type.
fn cheapest_by_exhaustive_search(a: f64, b: f64, restricted: bool) -> (u32, u32) {
    let per_person = 0.85 * 1598.0;
    let mut best: Option<(u32, (u32, u32))> = None;
    for d in 0..=8u32 {
        for n in 0..=8u32 {
            let carries = f64::from(d + n) * per_person >= a + b;
            let doctors_carry = !restricted || f64::from(d) * per_person >= b;
            let cost = 10 * d + n;
            if carries && doctors_carry && best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, (d, n)));
            }
        }
    }
    best.unwrap().1
}

#[test]
fn the_optimiser_staffs_restricted_work_with_its_cadre_as_exhaustive_search_does() {
    let options = staffplan::optimise::Options {
        time_limit: std::time::Duration::from_secs(20),
        clock: Some(std::time::Duration::from_secs(600)),
        ..staffplan::optimise::Options::default()
    };
    for (a, b) in [
        (2700.0, 1300.0),
        (1000.0, 3000.0),
        (500.0, 200.0),
        (4000.0, 1400.0),
    ] {
        for restricted in [false, true] {
            let staff = if restricted {
                r#"staff = ["doctor"]"#
            } else {
                ""
            };
            let text = ward_for_the_optimiser(a, b, staff);
            let scenario = parse(&text, "test.toml").unwrap().scenario;
            let rec = staffplan::optimise::optimise(&scenario, &options).unwrap();
            let (d, n) = cheapest_by_exhaustive_search(a, b, restricted);
            assert_eq!(
                rec.offices[0].staff_after,
                vec![d, n],
                "rounds {a} h, procedures {b} h, restricted {restricted}"
            );
        }
    }
    // By hand: 4,000 h need 3 people (4,000 ÷ 1,358.3 = 2.94); nurses only unrestricted,
    // one doctor and two nurses when 1,300 h are the doctors'.
    assert_eq!(cheapest_by_exhaustive_search(2700.0, 1300.0, false), (0, 3));
    assert_eq!(cheapest_by_exhaustive_search(2700.0, 1300.0, true), (1, 2));
}

/// Two doctors and two nurses; every item (one person-day on average, exponential, 1.4 a
/// day) only doctors may do: M/M/2 at ρ = 0.7, as if the nurses were not there.
#[test]
fn the_simulation_serves_restricted_work_with_its_cadre_alone_as_m_m_c() {
    use staffplan::queueing::Mmc;
    use staffplan::simulate::{self, SimOptions, Warmup};
    let text = doctors_and_nurses(
        "restricted desk",
        r#"[[office]]
id = "desk"
name = "desk"
staff = { doctor = 2, nurse = 2 }
[[work]]
id = "case"
name = "case"
office = "desk"
volume = 350
hours = 8
cv = 1
staff = ["doctor"]
"#,
    );
    let scenario = parse(&text, "test.toml").unwrap().scenario;
    let options = SimOptions {
        runs: 16,
        seed: 5,
        days: Some(20_000),
        threads: Some(2),
        warmup: Warmup::Days(0),
    };
    let sim = simulate::simulate(&scenario, &options, &|_| {}).unwrap();
    let desk = &sim.offices[0];
    let two_doctors = Mmc {
        servers: 2,
        arrival_rate: 1.4,
        service_rate: 1.0,
    };
    let everyone = Mmc {
        servers: 4,
        ..two_doctors
    };
    let want = two_doctors.mean_wait().unwrap();
    // By hand: Erlang C for c = 2, a = 1.4 is a²/(2 − a) ÷ (1 + a + a²/(2 − a)) = 0.5765, the
    // mean wait C ÷ (cμ − λ) = 0.5765 ÷ 0.6 = 0.961 days; with all four people it would be
    // about 0.04 days.
    assert!((want - 0.5765 / 0.6).abs() < 1e-3, "{want}");
    assert!(everyone.mean_wait().unwrap() < 0.05);
    let got = desk.wait_days.mean;
    assert!(
        (got / want - 1.0).abs() < 0.05,
        "mean wait {got:.4} days against M/M/2's {want:.4}"
    );
    // Only the doctors' time is the office's capacity for this work: 1.4 ÷ 2 = 0.7.
    assert!(
        (desk.utilisation.mean - 0.7).abs() < 0.02,
        "{}",
        desk.utilisation.mean
    );
}

#[test]
fn the_wisn_starters_are_valid_and_count_both_cadres() {
    use staffplan::model::Language;
    for language in [Language::En, Language::Zh] {
        let loaded = parse(staffplan::starter::wisn_starter(language), "wisn.toml").unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let analysis = analyse(&loaded.scenario);
        // Doctors: 9,000 × 0.25 h + 15,000 × 0.1 h × 2/6 = 2,750 h ÷ 1,800 h × 1/0.9 + 360/1,800.
        close(
            row(&analysis, "outpatients", "doctor").required,
            2750.0 / 1800.0 / 0.9 + 0.2,
        );
        // Nurses: AWT (250 − 25 − 5) × 8 = 1,760 h; 12,000 × 0.3333 h + 1,000 h.
        close(
            row(&analysis, "outpatients", "nurse").required,
            (12000.0 * 0.3333 + 1000.0) / 1760.0 / 0.85,
        );
    }
}

#[test]
fn restricted_work_with_nobody_of_its_cadres_in_post_is_a_warning() {
    let text = two_cadres(r#"staff = ["nurse"]"#).replace(
        "staff = { doctor = 2, nurse = 2 }",
        "staff = { doctor = 2 }",
    );
    let loaded = parse(&text, "test.toml").unwrap();
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0]
        .message
        .contains("has nobody today of the staff types that may do this work"));
    // WISN counts the nurses' dressings (1,410 h) as a shortage; the rounds, shared by
    // headcount today, fall to the two doctors alone (1,880 h).
    let analysis = analyse(&loaded.scenario);
    let nurse = row(&analysis, "ward", "nurse");
    close(nurse.required, 1410.0 / 1410.0 / 0.85);
    assert_eq!(nurse.existing, 0);
    assert_eq!(nurse.ratio, Some(0.0));
    assert_eq!(nurse.pressure, Some(Pressure::Shortage));
    close(row(&analysis, "ward", "doctor").required, 1.0 / 0.85);
}

/// `run` on the Kenya scenario with a range on the consultations: the report has WISN's
/// section in its words, with the bands of required and ratio, today and with the plan.
#[test]
fn the_pack_of_a_wisn_scenario_speaks_wisn() {
    let dir = std::env::temp_dir().join(format!("staffplan-wisn-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("scenarios/kenya-hiv-clinic-wisn.toml")
        .unwrap()
        .replace(
            "\nvolume = 100000\n",
            "\nvolume = { low = 90000, likely = 100000, high = 110000 }\n",
        );
    std::fs::write(dir.join("kenya.toml"), text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_staffplan"))
        .args([
            "run",
            "kenya.toml",
            "--runs",
            "10",
            "--out",
            "pack",
            "--quiet",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(dir.join("pack/report.md")).unwrap();
    assert!(report.contains(". Staffing need by WISN\n"), "{report}");
    assert!(report.contains("the workload requires 18.82 Clinician"));
    // Today: 12 in post against 18.82, the ratio 0.64; the bands lie around them.
    let today = report
        .lines()
        .find(|l| l.contains("| 1432 |") && l.contains("| 12 |"))
        .unwrap();
    assert!(
        today.contains("| 18.82 | 17.") && today.contains("| 12 | -6.82 | 0.64 | 0."),
        "{today}"
    );
    assert!(today.ends_with("| shortage |"), "{today}");
    assert!(report.contains("| Required, 5–95% |"));
    assert!(report.contains("A WISN ratio of 1 means"));
    // tables.xlsx has a `wisn` sheet: the same figures as numbers, the bands as numbers, and
    // the standard workload of 1,432 h ÷ 0.25 h = 5,728 consultations.
    let xlsx = dir.join("pack/tables.xlsx");
    let unzip = |entry: &str| {
        use std::io::Read;
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
        let mut text = String::new();
        archive
            .by_name(entry)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = unzip("xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|t| t.split('"').next().unwrap())
        .collect();
    let at = names
        .iter()
        .position(|&n| n == "wisn")
        .expect("a wisn sheet");
    let sheet = unzip(&format!("xl/worksheets/sheet{}.xml", at + 1));
    let values: Vec<f64> = sheet
        .split("<v>")
        .skip(1)
        .filter_map(|v| v.split("</v>").next()?.parse().ok())
        .collect();
    let has = |x: f64, tolerance: f64| values.iter().any(|v| (v - x).abs() < tolerance);
    assert!(has(3125.0 / 169.0 + 1.0 / 3.0, 1e-3), "{values:?}");
    assert!(has(1432.0, 1e-9) && has(5728.0, 1e-9) && has(179.0 / 169.0, 1e-6));
    assert!(has(12.0 - 3125.0 / 169.0 - 1.0 / 3.0, 1e-3));
    // The band's ends are numbers around the likely need.
    assert!(values.iter().any(|&v| v > 17.0 && v < 18.8));
    let strings = unzip("xl/sharedStrings.xml");
    for word in [
        "Workload pressure",
        "Required, 5%",
        "Standard workload (items a year)",
    ] {
        assert!(strings.contains(word), "{word}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// P(T > t) of the time in an M/M/c system (service rate 1, FCFS) with Erlang C `c_wait` and
/// `theta` = c − λ: no wait with 1 − C, else an Exp(θ) wait before the Exp(1) service.
fn mmc_sojourn_tail(c_wait: f64, theta: f64, t: f64) -> f64 {
    (1.0 - c_wait) * (-t).exp() + c_wait * (theta * (-t).exp() - (-theta * t).exp()) / (theta - 1.0)
}

/// The `q` quantile of the time in system, by bisection on the tail.
fn mmc_sojourn_quantile(c_wait: f64, theta: f64, q: f64) -> f64 {
    let (mut low, mut high) = (0.0_f64, 200.0_f64);
    for _ in 0..200 {
        let mid = (low + high) / 2.0;
        if mmc_sojourn_tail(c_wait, theta, mid) > 1.0 - q {
            low = mid;
        } else {
            high = mid;
        }
    }
    low
}

/// One office, two cadres, each with work only it may do: the simulation runs it as two
/// stations, so each work type waits as its own M/M/c queue (doctors M/M/2 at a = 1.4, nurses
/// M/M/3 at a = 2.1), not as one pool of five people.
#[test]
fn restricted_work_of_two_cadres_runs_as_two_independent_m_m_c_queues() {
    use staffplan::queueing::Mmc;
    use staffplan::simulate::{self, SimOptions, Warmup};
    let text = doctors_and_nurses(
        "two stations",
        r#"[[office]]
id = "clinic"
name = "clinic"
staff = { doctor = 2, nurse = 3 }
[[work]]
id = "consult"
name = "consultation"
office = "clinic"
volume = 350
hours = 8
cv = 1
deadline_days = 50
staff = ["doctor"]
[[work]]
id = "dress"
name = "dressing"
office = "clinic"
volume = 525
hours = 8
cv = 1
deadline_days = 50
staff = ["nurse"]
"#,
    );
    let scenario = parse(&text, "test.toml").unwrap().scenario;
    let options = SimOptions {
        runs: 16,
        seed: 7,
        days: Some(20_000),
        threads: Some(2),
        warmup: Warmup::Days(200),
    };
    let sim = simulate::simulate(&scenario, &options, &|_| {}).unwrap();
    let clinic = &sim.offices[0];
    let doctors = Mmc {
        servers: 2,
        arrival_rate: 1.4,
        service_rate: 1.0,
    };
    let nurses = Mmc {
        servers: 3,
        arrival_rate: 2.1,
        service_rate: 1.0,
    };
    // By hand, Erlang C: c = 2, a = 1.4: C = 0.9800/1.7000 = 0.5765, Wq = C/0.6 = 0.961 days;
    // c = 3, a = 2.1: Σ a^k/k! (k < 3) = 5.305, a³/3! × 3/0.9 = 5.145, C = 5.145/10.45 =
    // 0.4923, Wq = C/0.9 = 0.547 days.
    let (c_doctors, c_nurses) = (
        staffplan::queueing::erlang_c(2, 1.4).unwrap(),
        staffplan::queueing::erlang_c(3, 2.1).unwrap(),
    );
    assert!((c_doctors - 0.5765).abs() < 1e-3, "{c_doctors}");
    assert!((c_nurses - 0.4923).abs() < 1e-3, "{c_nurses}");
    let (w_doctors, w_nurses) = (doctors.mean_wait().unwrap(), nurses.mean_wait().unwrap());
    assert!((w_doctors - 0.961).abs() < 1e-3 && (w_nurses - 0.547).abs() < 1e-3);
    // The office's mean wait is the two queues' weighted by their items: (1.4 × 0.961 + 2.1
    // × 0.547) ÷ 3.5 = 0.713 days; five people in one pool (M/M/5, a = 3.5) would wait
    // C ÷ 1.5 = 0.378 ÷ 1.5 = 0.252 days.
    let want = (1.4 * w_doctors + 2.1 * w_nurses) / 3.5;
    let pooled = Mmc {
        servers: 5,
        arrival_rate: 3.5,
        service_rate: 1.0,
    };
    assert!((pooled.mean_wait().unwrap() - 0.252).abs() < 1e-3);
    let got = clinic.wait_days.mean;
    assert!(
        (got / want - 1.0).abs() < 0.05,
        "mean wait {got:.4} days against the two queues' {want:.4}"
    );
    // Each work type's 90th-percentile time in the system is its own queue's.
    for (work, c_wait, theta) in [("consult", c_doctors, 0.6), ("dress", c_nurses, 0.9)] {
        let p90 = clinic
            .on_time_by_work
            .iter()
            .find(|w| w.work == work)
            .unwrap()
            .lead_days_p90
            .mean;
        let want = mmc_sojourn_quantile(c_wait, theta, 0.9);
        assert!(
            (p90 / want - 1.0).abs() < 0.05,
            "{work}: p90 {p90:.3} days against M/M/c's {want:.3}"
        );
    }
    // Both cadres are busy 70% of their time: 3.5 days of work a day on 5 people.
    assert!(
        (clinic.utilisation.mean - 0.7).abs() < 0.02,
        "{}",
        clinic.utilisation.mean
    );
    assert_eq!(clinic.headcount, 5);
}

/// The office's capacity and utilisation count each person at their type's own year, and
/// nothing for a type that may do none of the office's work; the simulation offers the same
/// capacity (one piece of code gives both each person's hours).
#[test]
fn per_type_calendars_feed_the_office_capacity_of_analysis_and_simulation() {
    use staffplan::simulate::{self, SimOptions, Warmup};
    // Year values: doctors 235 × 8 × 0.85 = 1,598 h, nurses 235 × 6 × 0.85 = 1,198.5 h.
    let shared = analysis_of(&two_cadres(""));
    let ward = &shared.offices[0];
    close(ward.required_hours, 1880.0 + 1410.0);
    close(ward.capacity_hours, 2.0 * 1598.0 + 2.0 * 1198.5);
    close(ward.utilisation.unwrap(), 3290.0 / 5593.0);
    assert!(ward.stable);

    // Everything to the doctors: the nurses add no capacity here, and 3,290 h on 3,196 h
    // is more than the doctors can serve.
    let text = two_cadres(r#"staff = ["doctor"]"#)
        .replace("hours = 1.88\n", "hours = 1.88\nstaff = [\"doctor\"]\n");
    let doctors = analysis_of(&text);
    let ward = &doctors.offices[0];
    close(ward.capacity_hours, 2.0 * 1598.0);
    close(ward.utilisation.unwrap(), 3290.0 / 3196.0);
    assert!(!ward.stable);
    close(
        ward.backlog_growth_per_year,
        1100.0 * (1.0 - 3196.0 / 3290.0),
    );

    // The simulation's utilisation is the analysis's, at the types' own rates.
    let scenario = parse(&two_cadres(""), "test.toml").unwrap().scenario;
    let options = SimOptions {
        runs: 8,
        seed: 3,
        days: Some(4_000),
        threads: Some(2),
        warmup: Warmup::Days(100),
    };
    let sim = simulate::simulate(&scenario, &options, &|_| {}).unwrap();
    let got = sim.offices[0].utilisation.mean;
    assert!((got - 3290.0 / 5593.0).abs() < 0.015, "{got}");
}

/// Work both cadres may do is divided between their stations by headcount: with 2 doctors and
/// 2 nurses, half the rounds go to each, so each station is M/M/2 at a = 1.0 + 0.4 = 1.4, and
/// every work type, the rounds included, waits as that queue does (Wq = 0.961 days).
#[test]
fn shared_work_is_divided_between_the_cadres_stations_by_headcount() {
    use staffplan::simulate::{self, SimOptions, Warmup};
    let mut text = doctors_and_nurses(
        "split",
        "[[office]]\nid = \"c\"\nname = \"c\"\nstaff = { doctor = 2, nurse = 2 }\n",
    );
    for (id, volume, staff) in [
        ("consult", 250, r#"["doctor"]"#),
        ("dress", 250, r#"["nurse"]"#),
        ("rounds", 200, r#"["doctor", "nurse"]"#),
    ] {
        text.push_str(&format!(
            "[[work]]\nid = \"{id}\"\nname = \"{id}\"\noffice = \"c\"\nvolume = {volume}\n\
             hours = 8\ncv = 1\ndeadline_days = 50\nstaff = {staff}\n"
        ));
    }
    let scenario = parse(&text, "test.toml").unwrap().scenario;
    let options = SimOptions {
        runs: 16,
        seed: 11,
        days: Some(20_000),
        threads: Some(2),
        warmup: Warmup::Days(200),
    };
    let sim = simulate::simulate(&scenario, &options, &|_| {}).unwrap();
    let office = &sim.offices[0];
    let c_wait = staffplan::queueing::erlang_c(2, 1.4).unwrap();
    let want = c_wait / 0.6;
    let got = office.wait_days.mean;
    assert!((got / want - 1.0).abs() < 0.05, "{got} against {want}");
    let p90 = mmc_sojourn_quantile(c_wait, 0.6, 0.9);
    for work in &office.on_time_by_work {
        let got = work.lead_days_p90.mean;
        assert!(
            (got / p90 - 1.0).abs() < 0.05,
            "{}: {got} against {p90}",
            work.work
        );
    }
    assert!((office.utilisation.mean - 0.7).abs() < 0.02);
}
