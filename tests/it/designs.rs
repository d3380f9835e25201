//! The class report's designs over a hand-made class (`tests/fixtures/designs`, see its
//! README), every number worked out by hand:
//!
//! | file (read order) | labs | first attempt | design |
//! | --- | --- | --- | --- |
//! | Zoë, Núñez.json | none | drift (not judged), cloud_oom (right) | 12 GPUs int8/int8 continuous, edge int8, mobile int4, TinyML 100K int8: passed |
//! | ana.json | 2, 13 | memory_bw (wrong), cloud_oom (right) | the same: passed |
//! | ben.json | 5 | queuing (right), tiny_oom (wrong) | 2 GPUs fp16/fp16 static, TinyML 10M ternary: failed tiny_sram and p99_slo; a second attempt passed |
//! | chen.json | 3 | none | none |
//! | eve.json | none | tiny_oom (right) | the notebook's keys only (8 GPUs, fp16, dynamic): failed, what is not recorded |

use std::path::PathBuf;

use architects_audit::cli::{class_cmd, class_csv};
use architects_audit::ledger::class::ClassReport;
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/designs")
}

fn class() -> ClassReport {
    class_cmd::report_of(&[fixtures()]).0
}

fn json_of(r: &ClassReport) -> Value {
    serde_json::to_value(r).unwrap()
}

#[test]
fn each_choice_is_counted_over_the_first_attempts_with_not_recorded_kept_apart() {
    let v = json_of(&class());
    let d = &v["chapter16"]["designs"];
    assert_eq!(
        d["recorded"], 4,
        "Zoë, ana, ben, eve; chen has no chapter 16"
    );
    assert_eq!(d["passed"], 2);
    // Ben's second attempt (12 GPUs) does not count: his first had 2.
    assert_eq!(
        d["choices"],
        json!({
            "cloud_gpus": {"2": 1, "8": 1, "12": 2},
            "weights": {"fp16": 2, "int8": 2},
            "kv_cache": {"fp16": 1, "int8": 2, "not recorded": 1},
            "serving": {"static": 1, "dynamic": 1, "continuous": 2},
            "edge_weights": {"int8": 3, "not recorded": 1},
            "mobile_weights": {"int4": 3, "not recorded": 1},
            "tiny_params": {"100000": 2, "10000000": 1, "not recorded": 1},
            "tiny_precision": {"int8": 2, "ternary": 1, "not recorded": 1},
        })
    );
    // In the order shown, not only the counts.
    let gpus: Vec<&String> = d["choices"]["cloud_gpus"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(gpus, ["2", "8", "12"]);
}

#[test]
fn failures_are_counted_per_check_with_the_strategy_of_those_who_failed() {
    let v = json_of(&class());
    let f = &v["chapter16"]["designs"]["failed"];
    // Ben failed two checks, both on static batching; Eve's record does not say what failed.
    assert_eq!(
        f["tiny_sram"],
        json!({"students": 1, "by_serving": {"static": 1}})
    );
    assert_eq!(
        f["p99_slo"],
        json!({"students": 1, "by_serving": {"static": 1}})
    );
    for quiet in [
        "cloud_oom",
        "edge_oom",
        "mobile_oom",
        "throughput_slo",
        "cost_slo",
        "availability_slo",
    ] {
        assert_eq!(
            f[quiet],
            json!({"students": 0, "by_serving": {}}),
            "{quiet}"
        );
    }
    assert!(
        f.get("drift_warning").is_none(),
        "warnings do not fail a design"
    );
    assert_eq!(v["chapter16"]["designs"]["failures_not_recorded"], 1);
}

#[test]
fn passing_designs_are_grouped_into_distinct_solutions() {
    let v = json_of(&class());
    assert_eq!(
        v["chapter16"]["designs"]["passing"],
        json!([{
            "design": {
                "cloud_gpus": "12",
                "weights": "int8",
                "kv_cache": "int8",
                "serving": "continuous",
                "edge_weights": "int8",
                "mobile_weights": "int4",
                "tiny_params": "100000",
                "tiny_precision": "int8",
            },
            "students": 2,
        }])
    );
}

#[test]
fn the_weakest_invariant_says_how_many_students_it_counts() {
    let r = class();
    assert_eq!(r.n_students, 5);
    assert_eq!(r.weakest_counted, 3, "ana, ben and chen have labs 1–15");
    assert_eq!(r.weakest_invariant.values().sum::<u32>(), 3);
}

#[test]
fn each_students_row_is_anonymous_unless_names_are_asked_for() {
    let v = json_of(&class());
    let rows = v["students"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[2]["student"], "Student 3");
    assert_eq!(rows[2]["attempts"], 2);
    assert_eq!(rows[2]["design"]["cloud_gpus"], 2);
    assert_eq!(rows[2]["design"]["failed"], json!(["tiny_sram", "p99_slo"]));
    assert_eq!(rows[3]["design"], Value::Null, "chen has no chapter 16");
    assert_eq!(rows[4]["design"]["cloud_gpus"], 8, "read from `H100x8`");
    assert_eq!(rows[4]["design"]["failed"], Value::Null, "not recorded");
    let text = v.to_string();
    for name in ["ana", "ben", "chen", "Zoë", "eve.json"] {
        assert!(!text.contains(name), "{name} named in the anonymous JSON");
    }
    let (r, students) = class_cmd::report_of(&[fixtures()]);
    let named = json_of(&r.with_names(&students));
    assert!(
        named["students"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("Zoë, Núñez.json")
    );
}

const HEADER: &str = "student,labs_completed,act1_answer,act1_correct,act2_answer,act2_correct,design_passed,attempts,last_updated\r\n";

#[test]
fn the_gradebook_csv_is_byte_for_byte_as_worked_by_hand() {
    let csv = String::from_utf8(class_csv::csv_of(&class()).unwrap()).unwrap();
    let expected = HEADER.to_string()
        + "Student 1,0,D · Distribution drift,,A · Cloud (memory),yes,yes,1,2026-12-02T10:00:00Z\r\n"
        + "Student 2,2,A · Memory bandwidth,no,A · Cloud (memory),yes,yes,1,2026-11-30T09:00:00Z\r\n"
        + "Student 3,1,B · Queueing,yes,D · TinyML (SRAM),no,no,2,2026-12-01T17:45:10Z\r\n"
        + "Student 4,1,,,,,,0,2026-11-28T08:00:00Z\r\n"
        // A cell a spreadsheet would run as a formula stays text.
        + "Student 5,0,,,D · TinyML (SRAM),yes,no,1,'=1+1\r\n";
    assert_eq!(csv, expected);
}

#[test]
fn with_names_the_csv_quotes_a_file_name_with_a_comma_and_keeps_its_letters() {
    let (r, students) = class_cmd::report_of(&[fixtures()]);
    let csv = String::from_utf8(class_csv::csv_of(&r.with_names(&students)).unwrap()).unwrap();
    let dir = fixtures().display().to_string();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "student,file,labs_completed,act1_answer,act1_correct,act2_answer,act2_correct,design_passed,attempts,last_updated"
    );
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "Student 1,\"{dir}/Zoë, Núñez.json\",0,D · Distribution drift,,A · Cloud (memory),yes,yes,1,2026-12-02T10:00:00Z"
        )
    );
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "Student 2,{dir}/ana.json,2,A · Memory bandwidth,no,A · Cloud (memory),yes,yes,1,2026-11-30T09:00:00Z"
        )
    );
}

#[test]
fn class_report_writes_the_csv_beside_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grades.csv");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = class_cmd::run(
        &[fixtures()],
        class_cmd::Outputs {
            csv: Some(&path),
            ..Default::default()
        },
        &mut out,
        &mut err,
    )
    .unwrap();
    assert!(ok);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with(HEADER));
    assert_eq!(
        written.matches("\r\n").count(),
        6,
        "a header and five students"
    );
}
