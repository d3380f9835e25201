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
        // A reading-list link opens a web page and nothing else.
        (
            "/reading/0/url",
            json!("javascript:alert(1)"),
            "reading[0].url",
        ),
        ("/reading/1/url", json!("http://"), "reading[1].url"),
        ("/reading/2/title", json!(" "), "reading[2].title"),
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

/// JSON pointers of every number in the built-in scenario.
fn numeric_fields(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Number(_) => out.push(at),
        Value::Object(m) => {
            for (k, x) in m {
                numeric_fields(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                numeric_fields(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Load a scenario file as `--scenario` does: refused with a field named, or every design on
/// the grid's corners answered with finite numbers.
fn load_is_safe(pointer: &str, value: f64) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.json");
    std::fs::write(&f, with(pointer, json!(value))).unwrap();
    match Scenario::load(&f) {
        Err(e) => assert!(
            e.0.contains("scenario field")
                || e.0.contains("finite")
                || e.0.contains("latency bound"),
            "{pointer} = {value}: {}",
            e.0
        ),
        Ok(sc) => {
            for model in PhysicsModel::ALL {
                for n_h100 in [1, 8, 16] {
                    for serving in physics::Serving::ALL {
                        let d = Design {
                            n_h100,
                            serving,
                            ..Design::default()
                        };
                        let r = physics::evaluate(&sc, &d, model);
                        for (name, x) in [
                            ("cloud_p99_ms", r.cloud_p99_ms),
                            ("edge_p99_ms", r.edge_p99_ms),
                            ("mobile_p99_ms", r.mobile_p99_ms),
                            ("tiny_p99_ms", r.tiny_p99_ms),
                            ("cost_per_req_usd", r.cost_per_req_usd),
                            ("cloud_tok_per_sec", r.cloud_tok_per_sec),
                            ("post_drift_accuracy", r.post_drift_accuracy),
                            ("cloud_model_gb", r.cloud_model_gb),
                        ] {
                            // A cloud out of memory serves nothing: it has no latency and no
                            // cost per request, and says so.
                            if r.cloud_oom
                                && model == PhysicsModel::Systems
                                && ["cloud_p99_ms", "cost_per_req_usd"].contains(&name)
                            {
                                assert!(!x.is_finite(), "{name} of a cloud that serves nothing");
                                continue;
                            }
                            assert!(
                                x.is_finite(),
                                "{pointer} = {value} was accepted, but {name} is {x} ({model:?}, {n_h100} GPUs, {serving:?})"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_files_that_crashed_or_hung_are_refused_by_field() {
    for (pointer, v, field) in [
        (
            "/precision/bytes_per_param/fp16",
            1e308,
            "precision.bytes_per_param.fp16",
        ),
        ("/systems/max_batch_cap", 1e15, "systems.max_batch_cap"),
        ("/systems/static_batch", 1e12, "systems.static_batch"),
        ("/hardware/h100/ram_gb", 1e9, "hardware.h100.ram_gb"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("s.json");
        std::fs::write(&f, with(pointer, json!(v))).unwrap();
        let Err(e) = Scenario::load(&f).map(|_| ()) else {
            panic!("{pointer} = {v} was accepted");
        };
        let e = e.0;
        assert!(e.contains(field) && e.contains("at most"), "{e}");
    }
}

#[test]
fn every_field_of_a_scenario_at_an_extreme_loads_safely_or_is_refused() {
    let doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let mut fields = Vec::new();
    numeric_fields(&doc, String::new(), &mut fields);
    assert!(fields.len() > 80, "{} fields", fields.len());
    let extremes = [1e308, 1e15, 1e9, 3e4, -1.0, 0.0, 1e-9, 5e-324];
    for (i, f) in fields.iter().enumerate() {
        // Every field, at two extremes each (which two turns with the field).
        load_is_safe(f, extremes[i % extremes.len()]);
        load_is_safe(f, extremes[(i * 3 + 1) % extremes.len()]);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn any_field_at_any_magnitude_loads_safely_or_is_refused(
        i in 0usize..10_000,
        mantissa in -9.99f64..9.99,
        exp in -320i32..308,
    ) {
        let doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        let mut fields = Vec::new();
        numeric_fields(&doc, String::new(), &mut fields);
        let v = mantissa * 10f64.powi(exp);
        if v.is_finite() {
            load_is_safe(&fields[i % fields.len()], v);
        }
    }
}

#[test]
fn the_scenarios_text_reads_in_the_students_language_or_in_english() {
    use architects_audit::text::Lang;
    let sc = Scenario::builtin();
    let npu = &sc.mobile().label;
    assert_eq!(
        sc.say_in(Lang::Es, npu),
        "NPU de smartphone (Apple A17 Pro)"
    );
    assert_eq!(sc.say_in(Lang::Zh, npu), "智能手机 NPU（Apple A17 Pro）");
    assert_eq!(sc.say_in(Lang::En, npu), npu);
    // A text without a translation falls back to English.
    let h100 = &sc.cloud().label;
    assert_eq!(sc.say_in(Lang::Zh, h100), h100);
    // Every translation translates a text the scenario has (checked at load), and the built-in
    // one translates every reading.
    for lang in [Lang::Es, Lang::Zh] {
        for r in &sc.reading {
            assert_ne!(sc.say_in(lang, &r.why), r.why, "{lang:?}: {}", r.why);
        }
    }
}

#[test]
fn a_bad_translation_is_refused_naming_it() {
    for (value, said) in [
        (
            serde_json::json!({"fr": {"Phone NPU": "NPU du téléphone"}}),
            "`translations.fr`: not a language to translate into",
        ),
        (
            serde_json::json!({"es": {"Phone NPUs": "NPU"}}),
            "\"Phone NPUs\" is not a text of this scenario",
        ),
        (
            serde_json::json!({"es": {"Phone NPU": " "}}),
            "the translation of \"Phone NPU\" is empty",
        ),
        (
            serde_json::json!({"es": {"Phone NPU": 3}}),
            "`translations.es.Phone NPU`",
        ),
    ] {
        let err = Scenario::from_json(&with("/translations", value)).unwrap_err();
        assert!(err.0.contains(said), "{err}");
    }
}
