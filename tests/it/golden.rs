//! Every golden line of the seed's formulas must match: numbers to 1e-9 relative, the rest
//! exactly.

use architects_audit::ledger;
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use serde_json::Value;

const PHYSICS: &str = include_str!("../golden/course_draft_physics.jsonl");
const LEDGERS: &str = include_str!("../golden/ledger_reports.jsonl");

/// Compare `actual` with `expected` for every key of `expected`. Returns mismatches.
pub fn diff(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            let tol = 1e-9 * e.abs().max(a.abs());
            if (e - a).abs() > tol && !(e == 0.0 && a == 0.0) {
                out.push(format!("{path}: expected {e}, got {a}"));
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => diff(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
            // The course's order matters for these maps (ties go to the first key).
            if path.ends_with("context_counts") || path.ends_with("invariant_scores") {
                let (ek, ak): (Vec<_>, Vec<_>) = (e.keys().collect(), a.keys().collect());
                if ek != ak {
                    out.push(format!("{path}: key order {ak:?}, expected {ek:?}"));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: length {} vs {}", a.len(), e.len()));
            } else {
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    diff(ev, av, &format!("{path}[{i}]"), out);
                }
            }
        }
        (e, a) => {
            if e != a {
                out.push(format!("{path}: expected {e}, got {a}"));
            }
        }
    }
}

#[test]
fn course_draft_matches_every_golden_line() {
    let sc = Scenario::builtin();
    let mut lines = 0;
    let mut failures = Vec::new();
    for (i, line) in PHYSICS.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        let d: Design = serde_json::from_value(v["design"].clone()).unwrap();
        d.validate(&sc).unwrap();
        let r = physics::evaluate(&sc, &d, PhysicsModel::CourseDraft);
        let actual = serde_json::to_value(&r).unwrap();
        let mut out = Vec::new();
        diff(&v["expected"], &actual, "", &mut out);
        if !out.is_empty() {
            failures.push(format!("line {}: {}", i + 1, out.join("; ")));
        }
        lines += 1;
    }
    assert_eq!(lines, 648);
    assert!(
        failures.is_empty(),
        "{} mismatches, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
}

#[test]
fn ledger_report_matches_every_golden_line() {
    let mut lines = 0;
    let mut failures = Vec::new();
    for (i, line) in LEDGERS.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        let parsed = ledger::parse_value(&v["ledger"]).unwrap();
        let card = ledger::analyze(&parsed.ledger);
        let actual = serde_json::to_value(&card).unwrap();
        let mut out = Vec::new();
        diff(&v["expected"], &actual, "", &mut out);
        if !out.is_empty() {
            failures.push(format!("line {}: {}", i + 1, out.join("; ")));
        }
        lines += 1;
    }
    assert_eq!(lines, 400);
    assert!(
        failures.is_empty(),
        "{} mismatches, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
}

#[test]
fn the_diff_itself_catches_a_wrong_number_and_a_wrong_flag() {
    let e: Value = serde_json::json!({"a": 1.0, "b": true, "c": ["x"]});
    let mut out = Vec::new();
    diff(
        &e,
        &serde_json::json!({"a": 1.0 + 1e-6, "b": false, "c": ["y"]}),
        "",
        &mut out,
    );
    assert_eq!(out.len(), 3, "{out:?}");
    let mut ok = Vec::new();
    diff(
        &e,
        &serde_json::json!({"a": 1.0 + 1e-12, "b": true, "c": ["x"], "extra": 1}),
        "",
        &mut ok,
    );
    assert!(ok.is_empty(), "{ok:?}");
}

#[test]
fn course_draft_keeps_the_seed_quirks() {
    // The model itself, over every design the controls offer (not only the golden lines): no
    // design is ever valid, TinyML always overflows, and the cost SLO never fails.
    let sc = Scenario::builtin();
    let mut n = 0;
    for d in crate::systems::grid() {
        let r = physics::evaluate(&sc, &d, PhysicsModel::CourseDraft);
        assert!(!r.system_valid, "course-draft passed {d:?}");
        assert!(r.tiny_oom, "course-draft fitted TinyML for {d:?}");
        assert!(r.slo_cost_ok, "course-draft failed the cost SLO for {d:?}");
        n += 1;
    }
    assert!(n > 1000, "only {n} designs");
}
