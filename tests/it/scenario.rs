//! Scenario validation: each bad constant is refused with an error naming its field, and a file
//! that still carries a removed field loads with a warning.

use architects_audit::physics::scenario::BUILTIN_JSON;
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use serde_json::{Value, json};

/// The built-in scenario with one value replaced (a JSON pointer into it).
fn with(pointer: &str, v: Value) -> String {
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    *doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} is not in the scenario")) = v;
    doc.to_string()
}

#[test]
fn each_bad_constant_is_refused_naming_its_field() {
    let cases: &[(&str, Value, &str)] = &[
        // Negative: an iteration could last no time, and the simulation would never advance.
        (
            "/systems/step_overhead_ms",
            json!(-1.0),
            "systems.step_overhead_ms",
        ),
        // Zero: the cost per request would divide by zero.
        (
            "/course_draft/min_requests_per_hour",
            json!(0.0),
            "course_draft.min_requests_per_hour",
        ),
        // Shares that do not add up to the whole.
        ("/traffic/cloud", json!(0.7), "traffic"),
        ("/traffic/edge", json!(-0.1), "traffic.edge"),
        ("/slo/availability", json!(1.0), "slo.availability"),
        ("/slo/p99_ms", json!(0.0), "slo.p99_ms"),
        (
            "/slo/cost_per_req_usd",
            json!(-0.001),
            "slo.cost_per_req_usd",
        ),
        (
            "/hardware/h100/availability",
            json!(0.0),
            "hardware.h100.availability",
        ),
        (
            "/hardware/h100/cost_per_hour_usd",
            json!(-3.0),
            "hardware.h100.cost_per_hour_usd",
        ),
        (
            "/hardware/cortex-m7/sram_kb",
            json!(0.0),
            "hardware.cortex-m7.sram_kb",
        ),
        (
            "/models/capstone-7b/kv_heads",
            json!(64),
            "models.capstone-7b.kv_heads",
        ),
        (
            "/precision/accuracy_drop/int4",
            json!(1.5),
            "precision.accuracy_drop.int4",
        ),
        (
            "/precision/compute_speedup/int8",
            json!(0),
            "precision.compute_speedup.int8",
        ),
        (
            "/accuracy/drift_per_day",
            json!(-0.01),
            "accuracy.drift_per_day",
        ),
        (
            "/accuracy/accuracy_tile_target",
            json!(90),
            "accuracy.accuracy_tile_target",
        ),
        (
            "/systems/utilization_limit",
            json!(1.2),
            "systems.utilization_limit",
        ),
        (
            "/systems/static_padding_factor",
            json!(0.5),
            "systems.static_padding_factor",
        ),
        ("/systems/max_batch_cap", json!(0), "systems.max_batch_cap"),
        (
            "/systems/prefix_cache_hit",
            json!(1.0),
            "systems.prefix_cache_hit",
        ),
        (
            "/systems/dynamic_window_ms",
            json!(-5),
            "systems.dynamic_window_ms",
        ),
        (
            "/systems/tiny_params_max",
            json!(1000),
            "systems.tiny_params_max",
        ),
        (
            "/course_draft/act2_correct_answer",
            json!("edge_oom"),
            "course_draft.act2_correct_answer",
        ),
        (
            "/course_draft/kv_scale/int8",
            json!(0),
            "course_draft.kv_scale.int8",
        ),
        (
            "/workload/output_tokens",
            json!(0),
            "workload.output_tokens",
        ),
    ];
    for (pointer, bad, field) in cases {
        let err = Scenario::from_json(&with(pointer, bad.clone()))
            .expect_err(&format!("{pointer} = {bad} was accepted"))
            .to_string();
        assert!(
            err.contains(&format!("`{field}`")),
            "{pointer} = {bad}: the error does not name `{field}`: {err}"
        );
    }
}

#[test]
fn a_default_design_outside_the_scenarios_ranges_is_refused() {
    // The default design's TinyML model below the scenario's smallest.
    let text = with("/systems/tiny_params_min", json!(20_000_000));
    let text = {
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["systems"]["tiny_params_max"] = json!(50_000_000);
        doc.to_string()
    };
    assert!(Design::default().tiny_params < 20_000_000.0);
    let err = Scenario::from_json(&text).unwrap_err().to_string();
    assert!(err.contains("default design"), "{err}");
    assert!(err.contains("tiny_params"), "{err}");
}

#[test]
fn a_removed_field_loads_with_a_warning() {
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    doc["hardware"]["h100"]["tdp_w"] = json!(700);
    doc["hardware"]["orin-nx"]["tier"] = json!("edge");
    let sc = Scenario::from_json(&doc.to_string()).expect("a removed field is not fatal");
    assert_eq!(sc.warnings.len(), 2, "{:?}", sc.warnings);
    assert!(
        sc.warnings
            .iter()
            .any(|w| w.contains("hardware.h100.tdp_w"))
    );
    assert!(
        sc.warnings
            .iter()
            .any(|w| w.contains("hardware.orin-nx.tier"))
    );
    // Still strict about fields that never existed.
    doc["hardware"]["h100"]["tdp_watts"] = json!(700);
    let err = Scenario::from_json(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("tdp_watts"), "{err}");
    assert!(Scenario::builtin().warnings.is_empty());
}

#[test]
fn every_valid_scenario_evaluates_to_finite_numbers() {
    // The smallest values each check allows still give a report without NaN.
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    doc["systems"]["step_overhead_ms"] = json!(0.0);
    doc["systems"]["per_sequence_overhead_ms"] = json!(0.0);
    doc["systems"]["dynamic_window_ms"] = json!(0.0);
    doc["course_draft"]["min_requests_per_hour"] = json!(1e-9);
    let sc = Scenario::from_json(&doc.to_string()).unwrap();
    for model in PhysicsModel::ALL {
        let r = physics::evaluate(&sc, &Design::default(), model);
        assert!(r.cost_per_req_usd.is_finite(), "{model:?}");
        assert!(r.cloud_p99_ms.is_finite(), "{model:?}");
    }
}
