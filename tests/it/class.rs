//! The class report over hand-made ledgers (`tests/fixtures/class`), every aggregate worked out
//! by hand below.
//!
//! The class:
//! - alice.json: labs 2 (right), 5 (wrong, hit), 13 (wrong, hit); chapter 16 twice: attempt 1
//!   (queuing, judged right; tiny_oom, right; valid), then attempt 2 (memory_bw; cloud_oom;
//!   not valid), which must not count;
//! - section-b/class-b.jsonl line 1: labs 5 and 8 (right), 15 (wrong); chapter 16 (memory_bw,
//!   wrong; cloud_oom, wrong; not valid);
//! - line 2: a sparse ledger, lab 7 only (right, hit), no chapter 16;
//! - line 3: not JSON (unreadable);
//! - section-b/carol.json: labs 2 (wrong), 5 (right, hit), 8 (right); no chapter 16;
//! - dan.json: chapter 16 only (drift, not judged: no labs; tiny_oom, right; valid);
//! - broken.json: truncated JSON (unreadable); README.txt: not a ledger file, ignored.

use std::path::PathBuf;

use architects_audit::cli::class_cmd;
use architects_audit::ledger::class::{ClassReport, Spread, quantile};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/class")
}

fn class() -> ClassReport {
    class_cmd::report_of(&[fixtures()]).0
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn spread_is(s: Option<&Spread>, mean: f64, q1: f64, median: f64, q3: f64, what: &str) {
    let s = s.unwrap_or_else(|| panic!("{what}: no spread"));
    assert!(
        close(s.mean, mean) && close(s.q1, q1) && close(s.median, median) && close(s.q3, q3),
        "{what}: {s:?}, expected mean {mean} q1 {q1} median {median} q3 {q3}"
    );
}

#[test]
fn quartiles_interpolate_linearly_between_order_statistics() {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = 1.75, 2.5, 3.25.
    let v = [1.0, 2.0, 3.0, 4.0];
    assert!(close(quantile(&v, 0.25), 1.75));
    assert!(close(quantile(&v, 0.5), 2.5));
    assert!(close(quantile(&v, 0.75), 3.25));
    assert!(close(quantile(&[7.0], 0.25), 7.0));
    // Unsorted input is sorted first.
    spread_is(
        Spread::of(&[4.0, 1.0, 3.0, 2.0]).as_ref(),
        2.5,
        1.75,
        2.5,
        3.25,
        "spread",
    );
}

#[test]
fn students_and_unreadable_files_are_counted() {
    let r = class();
    assert_eq!(
        r.n_students, 5,
        "alice, two readable jsonl lines, carol, dan"
    );
    let files: Vec<String> = r
        .unreadable
        .iter()
        .map(|u| {
            PathBuf::from(&u.file)
                .strip_prefix(fixtures())
                .map_or(u.file.clone(), |p| p.display().to_string())
        })
        .collect();
    assert_eq!(files, ["broken.json", "section-b/class-b.jsonl:3"]);
    assert!(r.unreadable.iter().all(|u| u.reason.contains("JSON")));
}

#[test]
fn invariant_accuracy_and_hit_rate_spread_over_students_with_a_lab() {
    let r = class();
    let inv = |n: &str| &r.invariants[n];
    // Iron Law (lab 2): alice right, carol wrong.
    assert_eq!(inv("Iron Law").students, 2);
    spread_is(
        inv("Iron Law").accuracy.as_ref(),
        0.5,
        0.25,
        0.5,
        0.75,
        "Iron Law accuracy",
    );
    spread_is(
        inv("Iron Law").hit_rate.as_ref(),
        0.0,
        0.0,
        0.0,
        0.0,
        "Iron Law hits",
    );
    // Memory Wall (labs 5, 8): alice 0/1 right, 1/1 hit; jsonl line 1 2/2 right, 0 hit;
    // carol 2/2 right, 1/2 hit. Accuracy [0, 1, 1]; hits [1, 0, 0.5].
    assert_eq!(inv("Memory Wall").students, 3);
    spread_is(
        inv("Memory Wall").accuracy.as_ref(),
        2.0 / 3.0,
        0.5,
        1.0,
        1.0,
        "Memory Wall accuracy",
    );
    spread_is(
        inv("Memory Wall").hit_rate.as_ref(),
        0.5,
        0.25,
        0.5,
        0.75,
        "Memory Wall hits",
    );
    // Roofline (labs 7, 11): only the sparse ledger, right and hit.
    assert_eq!(inv("Roofline").students, 1);
    spread_is(
        inv("Roofline").hit_rate.as_ref(),
        1.0,
        1.0,
        1.0,
        1.0,
        "Roofline hits",
    );
    // Little's Law: alice, wrong and hit. Fairness: jsonl line 1, wrong.
    spread_is(
        inv("Little's Law").accuracy.as_ref(),
        0.0,
        0.0,
        0.0,
        0.0,
        "Little's Law",
    );
    spread_is(
        inv("Fairness").accuracy.as_ref(),
        0.0,
        0.0,
        0.0,
        0.0,
        "Fairness",
    );
    // No student has a lab on Amdahl or Drift: no spread, not a made-up 50 %.
    for n in ["Amdahl", "Drift"] {
        assert_eq!(inv(n).students, 0, "{n}");
        assert!(
            inv(n).accuracy.is_none() && inv(n).hit_rate.is_none(),
            "{n}"
        );
    }
}

#[test]
fn weakest_invariants_and_labs_completed() {
    let r = class();
    let weakest: Vec<(&str, u32)> = r.weakest_invariant.iter().map(|(k, v)| (*k, *v)).collect();
    // alice: Memory Wall (0, tied with Little's Law, first in order); jsonl line 1: Fairness;
    // sparse: Roofline; carol: Iron Law (0 < 1). Dan completed no lab: not counted.
    assert_eq!(
        weakest,
        [
            ("Iron Law", 1),
            ("Memory Wall", 1),
            ("Amdahl", 0),
            ("Roofline", 1),
            ("Little's Law", 0),
            ("Drift", 0),
            ("Fairness", 1),
        ]
    );
    // Labs completed: dan 0, sparse 1, alice, jsonl line 1 and carol 3.
    let labs: Vec<(&str, u32)> = r
        .labs_completed
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(labs, [("0", 1), ("1", 1), ("3", 3)]);
    assert_eq!(r.labs_completed.len(), 16, "0 to 15, zeros included");
    spread_is(
        r.labs_completed_spread.as_ref(),
        2.0,
        1.0,
        3.0,
        3.0,
        "labs completed",
    );
}

#[test]
fn chapter_16_counts_first_attempts_only() {
    let r = class();
    let c = &r.chapter16;
    assert_eq!(c.submitted, 3, "alice, jsonl line 1, dan");
    let chosen = |m: &indexmap::IndexMap<String, u32>| -> Vec<(String, u32)> {
        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
    };
    assert_eq!(
        chosen(&c.act1.chosen),
        [
            ("memory_bw".into(), 1),
            ("queuing".into(), 1),
            ("serial_fraction".into(), 0),
            ("drift".into(), 1)
        ]
    );
    assert_eq!(
        (c.act1.judged, c.act1.correct),
        (2, 1),
        "dan's is not judged"
    );
    assert_eq!(
        chosen(&c.act2.chosen),
        [
            ("cloud_oom".into(), 1),
            ("edge_latency".into(), 0),
            ("mobile_oom".into(), 0),
            ("tiny_oom".into(), 2)
        ]
    );
    assert_eq!((c.act2.judged, c.act2.correct), (3, 2));
    assert_eq!(c.valid_designs, 2);
    let tiers: Vec<(&str, u32)> = c.hardest_tier.iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(
        tiers,
        [("cloud", 1), ("edge", 0), ("mobile", 0), ("tiny", 2)]
    );
}

#[test]
fn json_names_files_only_when_unreadable_and_nothing_readable_fails() {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let ok = class_cmd::run(&[fixtures()], Default::default(), &mut out, &mut err).unwrap();
    assert!(ok);
    let text = String::from_utf8(out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).expect("one JSON document");
    assert_eq!(v["n_students"], 5);
    for name in ["alice", "carol", "dan"] {
        assert!(!text.contains(name), "{name} named in the JSON");
    }
    assert!(text.contains("broken.json"));

    let mut out = Vec::new();
    let ok = class_cmd::run(
        &[
            fixtures().join("broken.json"),
            fixtures().join("missing.json"),
        ],
        Default::default(),
        &mut out,
        &mut err,
    )
    .unwrap();
    assert!(!ok, "nothing readable is a failure");
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["n_students"], 0);
    assert_eq!(v["unreadable"].as_array().unwrap().len(), 2);
    assert!(
        v["unreadable"][1]["reason"]
            .as_str()
            .unwrap()
            .contains("cannot read")
    );
}

#[test]
fn html_page_is_self_contained_and_holds_the_class() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("class.html");
    let mut out = Vec::new();
    let mut err = Vec::new();
    assert!(
        class_cmd::run(
            &[fixtures()],
            class_cmd::Outputs {
                html: Some(&html),
                ..Default::default()
            },
            &mut out,
            &mut err
        )
        .unwrap()
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<strong id=\"n-students\">5</strong>"));
    for inv in architects_audit::ledger::analysis::Invariant::ALL {
        let name = inv.facts().course_label;
        let escaped = name.replace('\'', "&#39;");
        assert!(
            page.contains(name) || page.contains(&escaped),
            "{name} missing"
        );
    }
    assert!(page.matches("<svg").count() >= 3, "radar and two charts");
    // The radar reads off a 0-100 % scale: four rings, a quarter each, as its title says.
    assert!(page.contains("rings at 25, 50, 75, 100 %"), "radar scale");
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script");
    let urls: Vec<&str> = lower
        .match_indices("http")
        .map(|(i, _)| &page[i..(i + 30).min(page.len())])
        .filter(|s| !s.starts_with("http://www.w3.org/"))
        .collect();
    assert!(urls.is_empty(), "URLs other than SVG namespaces: {urls:?}");
    for name in ["alice", "carol", "broken.json"] {
        assert!(!page.contains(name), "{name} named in the page");
    }
}

/// The class report page follows `--lang`: its words, its numbers and its `lang` attribute;
/// its CSV, like the CLI's JSON, stays English.
#[test]
fn the_class_report_page_speaks_the_language_it_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let page = |lang: Option<&str>| {
        let html = dir
            .path()
            .join(format!("class-{}.html", lang.unwrap_or("default")));
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_architects-audit"));
        cmd.arg("class-report")
            .arg(fixtures())
            .arg("--html")
            .arg(&html);
        if let Some(l) = lang {
            cmd.args(["--lang", l]);
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(&html).unwrap()
    };
    let english = page(None);
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("<h1>Class report</h1>"));
    let spanish = page(Some("es"));
    assert!(spanish.contains("<html lang=\"es\">"));
    assert!(
        spanish.contains("<h1>Informe de clase</h1>"),
        "Spanish heading"
    );
    assert!(!spanish.contains("Class report"));
    let chinese = page(Some("zh-CN"));
    assert!(chinese.contains("<html lang=\"zh-CN\">"));
    assert!(chinese.contains("<h1>班级报告</h1>"));
    // A language the lab does not speak is refused, naming the ones it does.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_architects-audit"))
        .args(["class-report", "--lang", "fr"])
        .arg(fixtures())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("`fr`") && err.contains("es (Spanish)"),
        "{err}"
    );
}
