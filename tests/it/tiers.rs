//! Every tier against published measurements, and the overload rules over the control grid in
//! three scenarios: the built-in one, Llama-2-70B at the built-in 1,000 req/s on H100s, and
//! Llama-2-70B on A100s with 512-token answers.

use architects_audit::physics::scenario::BUILTIN_JSON;
use architects_audit::physics::{
    self, Design, N_H100_RANGE, PhysicsModel, Quant, Report, Scenario, Serving,
};
use serde_json::{Value, json};

/// One MLPerf Tiny result on a Cortex-M7 board: INT8, batch 1.
struct TinyPoint {
    what: &'static str,
    board_mhz: f64,
    params: f64,
    macs: f64,
    published_ms: f64,
}

/// MLPerf Tiny closed-division results (median throughput, inverted), with the MAC counts
/// X-CUBE-AI 7.3 gives for the reference models in the STMicroelectronics v1.0 submission.
/// KWS: DS-CNN, 2,665,584 MACs, about 53 K parameters; VWW: MobileNetV1 0.25x, 7,494,744 MACs,
/// about 325 K parameters; AD: the fully connected autoencoder, 265,864 MACs, about 270 K.
const TINY_POINTS: [TinyPoint; 8] = [
    // tiny_results_v1.0, STMicroelectronics, NUCLEO-H7A3ZI-Q at 280 MHz, X-CUBE-AI 7.3.
    TinyPoint {
        what: "KWS, STM32H7A3 280 MHz, X-CUBE-AI 7.3 (v1.0)",
        board_mhz: 280.0,
        params: 53e3,
        macs: 2_665_584.0,
        published_ms: 1e3 / 59.667,
    },
    TinyPoint {
        what: "VWW, STM32H7A3 280 MHz, X-CUBE-AI 7.3 (v1.0)",
        board_mhz: 280.0,
        params: 325e3,
        macs: 7_494_744.0,
        published_ms: 1e3 / 19.722,
    },
    TinyPoint {
        what: "AD, STM32H7A3 280 MHz, X-CUBE-AI 7.3 (v1.0)",
        board_mhz: 280.0,
        params: 270e3,
        macs: 265_864.0,
        published_ms: 1e3 / 547.705,
    },
    // tiny_results_v1.1, Bosch, DISCO-F746NG (STM32F746, Cortex-M7 at 216 MHz), HALE 1.0.
    TinyPoint {
        what: "KWS, STM32F746 216 MHz, Bosch HALE (v1.1)",
        board_mhz: 216.0,
        params: 53e3,
        macs: 2_665_584.0,
        published_ms: 1e3 / 54.293,
    },
    TinyPoint {
        what: "VWW, STM32F746 216 MHz, Bosch HALE (v1.1)",
        board_mhz: 216.0,
        params: 325e3,
        macs: 7_494_744.0,
        published_ms: 1e3 / 17.490,
    },
    TinyPoint {
        what: "AD, STM32F746 216 MHz, Bosch HALE (v1.1)",
        board_mhz: 216.0,
        params: 270e3,
        macs: 265_864.0,
        published_ms: 1e3 / 587.335,
    },
    // tiny_results_v1.1, Bosch, NUCLEO-H7A3ZI at 280 MHz, HALE 1.0.
    TinyPoint {
        what: "KWS, STM32H7A3 280 MHz, Bosch HALE (v1.1)",
        board_mhz: 280.0,
        params: 53e3,
        macs: 2_665_584.0,
        published_ms: 1e3 / 67.956,
    },
    TinyPoint {
        what: "VWW, STM32H7A3 280 MHz, Bosch HALE (v1.1)",
        board_mhz: 280.0,
        params: 325e3,
        macs: 7_494_744.0,
        published_ms: 1e3 / 22.906,
    },
];

/// The built-in scenario with its JSON edited.
fn variant(edit: impl FnOnce(&mut Value)) -> Scenario {
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    edit(&mut doc);
    Scenario::from_json(&doc.to_string()).unwrap()
}

#[test]
fn tinyml_latency_matches_mlperf_tiny_cortex_m7_results_within_35_percent() {
    // Each point runs through the game's report: the scenario's TinyML part at the board's
    // clock, its workload the benchmark's model, the student's size the model's.
    let mut lines = Vec::new();
    let mut worst: f64 = 1.0;
    for p in &TINY_POINTS {
        let sc = variant(|doc| {
            doc["hardware"]["cortex-m7"]["clock_mhz"] = json!(p.board_mhz);
            doc["tiny_workload"]["params"] = json!(p.params);
            doc["tiny_workload"]["macs"] = json!(p.macs);
        });
        let d = Design {
            tiny_params: p.params,
            tiny_quant: Quant::Int8,
            ..Design::default()
        };
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let ratio = r.tiny_p99_ms / p.published_ms;
        worst = if (ratio - 1.0).abs() > (worst - 1.0).abs() {
            ratio
        } else {
            worst
        };
        lines.push(format!(
            "{}: published {:.2} ms, model {:.2} ms, ratio {ratio:.2}",
            p.what, p.published_ms, r.tiny_p99_ms
        ));
    }
    let report = lines.join("\n");
    println!("{report}");
    assert!(
        (0.65..=1.35).contains(&worst),
        "worst ratio {worst:.2}\n{report}"
    );
}

#[test]
fn tinyml_sram_holds_weights_and_the_arena() {
    // X-CUBE-AI puts the DS-CNN's activations in 49,808 bytes; at 53,000 INT8 parameters the
    // model needs 53,000 / 1024 + 48.64 = 100.4 KiB of SRAM.
    let sc = Scenario::builtin();
    let d = Design {
        tiny_params: 53e3,
        tiny_quant: Quant::Int8,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    let want = 53e3 / 1024.0 + 49_808.0 / 1024.0;
    assert!((r.tiny_model_kb - want).abs() < 0.01, "{}", r.tiny_model_kb);
    // 180 K INT8 parameters: 175.8 KiB of weights alone fit in 256 KiB, but not with the
    // arena grown to 48.64 x sqrt(180 / 53) = 89.6 KiB.
    let d = Design {
        tiny_params: 180e3,
        ..d
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    assert!(r.tiny_oom, "{} KiB", r.tiny_model_kb);
}

/// The three scenarios the overload rules are checked in.
fn overload_variants() -> Vec<(&'static str, Scenario)> {
    vec![
        ("built-in", Scenario::builtin()),
        (
            "Llama-2-70B at 1,000 req/s on H100",
            variant(|doc| doc["deployment"]["llm"] = json!("llama-2-70b")),
        ),
        (
            "Llama-2-70B on A100, 512-token answers",
            variant(|doc| {
                doc["deployment"]["llm"] = json!("llama-2-70b");
                doc["deployment"]["cloud_hardware"] = json!("a100");
                doc["workload"]["output_tokens"] = json!(512);
            }),
        ),
    ]
}

/// Every cloud design on the control grid, with its report.
pub fn grid(sc: &Scenario) -> Vec<Report> {
    let mut out = Vec::new();
    for n_h100 in N_H100_RANGE {
        for quant_cloud in Quant::CLOUD_EDGE {
            for kv_quant in Quant::KV {
                for serving in Serving::ALL {
                    let d = Design {
                        n_h100,
                        quant_cloud,
                        kv_quant,
                        serving,
                        ..Design::default()
                    };
                    out.push(physics::evaluate(sc, &d, PhysicsModel::Systems));
                }
            }
        }
    }
    out
}

fn name(r: &Report) -> String {
    let d = &r.design;
    format!(
        "{} GPUs, {} weights, {} KV, {}",
        d.n_h100,
        d.quant_cloud,
        d.kv_quant,
        d.serving.as_str()
    )
}

#[test]
fn a_cloud_that_does_not_fit_serves_nothing_and_never_looks_better() {
    let mut oom_seen = 0;
    for (what, sc) in overload_variants() {
        let reports = grid(&sc);
        for a in reports.iter().filter(|r| r.cloud_oom) {
            oom_seen += 1;
            // No service: no latency, no throughput, no cost per request.
            assert!(a.cloud_p99_ms.is_infinite(), "{what}: {}", name(a));
            assert_eq!(a.cloud_tok_per_sec, 0.0, "{what}: {}", name(a));
            assert!(a.cost_per_req_usd.is_nan(), "{what}: {}", name(a));
            assert!(!a.slo_latency_ok && !a.slo_cost_ok && !a.system_valid);
            // What the student reads.
            use architects_audit::text;
            assert_eq!(text::latency(a.cloud_p99_ms), "no service");
            assert_eq!(text::cost(a.cost_per_req_usd, 5), "no service");
            let json = serde_json::to_value(a).unwrap();
            assert!(json["cloud_p99_ms"].is_null() && json["cost_per_req_usd"].is_null());
            for b in reports.iter().filter(|r| !r.cloud_oom) {
                assert!(
                    b.cloud_p99_ms < a.cloud_p99_ms,
                    "{what}: {} (does not fit) shows P99 {} ms, under {} (fits) at {} ms",
                    name(a),
                    a.cloud_p99_ms,
                    name(b),
                    b.cloud_p99_ms
                );
            }
        }
    }
    assert!(
        oom_seen > 0,
        "the 70B variants include clouds that do not fit"
    );
}

#[test]
fn more_capacity_never_raises_the_queueing_delay_at_equal_gpus_and_strategy() {
    // P99 TTFT = the P99 wait + the design's own service (prefill and iterations). The
    // service is the design's: a bigger batch can take a millisecond longer per step. The
    // queueing delay is what capacity buys, and more never makes it longer.
    use physics::systems::cloud_load;
    let mut pairs = 0;
    for (what, sc) in overload_variants() {
        let loads: Vec<_> = grid(&sc)
            .into_iter()
            .filter(|r| !r.cloud_oom)
            .map(|r| (cloud_load(&sc, &r.design), r))
            .collect();
        for (la, a) in &loads {
            for (lb, b) in &loads {
                let (da, db) = (&a.design, &b.design);
                if da.n_h100 != db.n_h100 || da.serving != db.serving {
                    continue;
                }
                // Request-level batching also waits for the batch in progress: below
                // saturation that wait is the batch's run, service rather than queue.
                let queueing = da.serving == Serving::Continuous
                    || (la.utilization >= 1.0 && lb.utilization >= 1.0);
                if queueing && la.capacity_rps > lb.capacity_rps {
                    pairs += 1;
                    assert!(
                        la.wait_p99_s <= lb.wait_p99_s * (1.0 + 1e-9) + 1e-12,
                        "{what}: {} serves {:.2} req/s and waits {:.3} s at P99, {} serves {:.2} and waits {:.3} s",
                        name(a),
                        la.capacity_rps,
                        la.wait_p99_s,
                        name(b),
                        lb.capacity_rps,
                        lb.wait_p99_s
                    );
                }
            }
        }
    }
    assert!(pairs > 1000, "{pairs} pairs compared");
}

#[test]
fn every_latency_a_serving_design_reports_stays_within_the_named_bound() {
    for (what, sc) in overload_variants() {
        // Loading checks the same bound over the same grid.
        if let Err(e) = sc.check_grid() {
            panic!("{what}: {e}");
        }
        let bound_ms = sc.systems.latency_bound_s * 1e3;
        for r in grid(&sc) {
            let s = r.systems.as_ref().unwrap();
            assert_eq!(s.latency_bound_ms, bound_ms);
            if r.cloud_oom {
                continue;
            }
            for (field, ms) in [
                ("P99 TTFT", s.cloud_p99_ttft_ms),
                ("P99 end to end", s.cloud_p99_e2e_ms),
            ] {
                assert!(
                    ms.is_finite() && ms <= bound_ms,
                    "{what}: {} {field} {ms} ms",
                    name(&r)
                );
            }
            // No request waits in the queue beyond the gateway timeout (request-level
            // strategies also wait for the batch in progress, which is service, not queue).
            if r.design.serving == Serving::Continuous {
                let wait = physics::systems::cloud_load(&sc, &r.design).wait_p99_s;
                assert!(
                    wait <= sc.systems.max_queue_wait_s * (1.0 + 1e-9),
                    "{what}: {} waits {wait} s",
                    name(&r)
                );
            }
        }
    }
}

#[test]
fn a_scenario_whose_latencies_cannot_be_bounded_is_refused_by_name() {
    // A part so slow that one TinyML inference takes hours.
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    doc["hardware"]["cortex-m7"]["clock_mhz"] = json!(1e-6);
    let sc = Scenario::from_json(&doc.to_string()).unwrap();
    let err = sc.check_grid().unwrap_err().0;
    assert!(
        err.contains("tiny_p99_ms") && err.contains("systems.latency_bound_s"),
        "{err}"
    );
}

/// One TensorRT Edge-LLM 0.9.0 result on Jetson Orin NX 16 GB (JetPack 7.2), batch 1, INT4 AWQ:
/// the runtime table of its performance-benchmarks page.
struct EdgePoint {
    model: &'static str,
    prompt: f64,
    prefill_ms: f64,
    decode_tok_s: f64,
}

const ORIN_NX_POINTS: [EdgePoint; 3] = [
    EdgePoint {
        model: "qwen3-1.7b",
        prompt: 61.0,
        prefill_ms: 35.4,
        decode_tok_s: 60.4,
    },
    EdgePoint {
        model: "qwen3-4b",
        prompt: 57.0,
        prefill_ms: 74.9,
        decode_tok_s: 31.6,
    },
    EdgePoint {
        model: "qwen3-8b",
        prompt: 61.0,
        prefill_ms: 127.2,
        decode_tok_s: 19.0,
    },
];

/// The Qwen3 models of those results, from their model cards: parameters, non-embedding
/// parameters (the rest is the embedding, tied to the output head below 8B), layers, heads.
fn with_qwen3(doc: &mut Value) {
    let vocab = 151_936.0;
    for (name, params, non_embedding, layers, hidden, heads, tied) in [
        ("qwen3-1.7b", 1.7e9, 1.4e9, 28.0, 2048.0, 16.0, true),
        ("qwen3-4b", 4.0e9, 3.6e9, 36.0, 2560.0, 32.0, true),
        ("qwen3-8b", 8.2e9, 6.95e9, 36.0, 4096.0, 32.0, false),
    ] {
        let emb: f64 = params - non_embedding;
        doc["models"][name] = json!({
            "label": name, "params": params, "layers": layers, "hidden": hidden,
            "heads": heads, "kv_heads": 8, "head_dim": 128,
            "embedding_params": emb,
            "head_params": if tied { emb } else { vocab * hidden },
        });
    }
}

#[test]
fn edge_int4_matches_tensorrt_edge_llm_on_orin_nx_within_35_percent() {
    use physics::systems::{Attention, RooflineQuery, roofline};
    let sc = variant(with_qwen3);
    let mut lines = Vec::new();
    let mut worst: f64 = 1.0;
    for p in &ORIN_NX_POINTS {
        let r = roofline(
            &sc,
            &RooflineQuery {
                hardware: "orin-nx".into(),
                llm: p.model.into(),
                quant: Quant::Int4,
                kv_quant: Quant::Fp16,
                batch: 1.0,
                tp: 1,
                attention: Attention::Grouped,
                prompt: p.prompt,
                output: 256.0,
                clamp_batch: false,
            },
        )
        .unwrap();
        // Ratios of the model's time to the published time.
        let prefill = r.ttft_ms / p.prefill_ms;
        let decode = p.decode_tok_s / r.decode_tok_per_s;
        for x in [prefill, decode] {
            if (x - 1.0).abs() > (worst - 1.0).abs() {
                worst = x;
            }
        }
        lines.push(format!(
            "{}: prefill {:.1} ms (published {}) ratio {prefill:.2}; decode {:.1} tok/s (published {}) ratio {decode:.2}",
            p.model, r.ttft_ms, p.prefill_ms, r.decode_tok_per_s, p.decode_tok_s
        ));
    }
    let report = lines.join("\n");
    println!("{report}");
    assert!((0.65..=1.35).contains(&worst), "worst {worst:.2}\n{report}");
}

#[test]
fn device_int4_weights_carry_their_scales_and_a_16_bit_head() {
    // The capstone model on the Orin: 5.95 B block weights at 4 bits plus a 16-bit scale per
    // 128, and the 1.05 B embedding and head parameters at 16 bits.
    let sc = Scenario::builtin();
    let d = Design {
        quant_edge: Quant::Int4,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    let s = r.systems.as_ref().unwrap();
    let emb = 2.0 * 128_256.0 * 4096.0;
    let weights_gb = ((7e9 - emb) * (0.5 + 2.0 / 128.0) + emb * 2.0) / 1e9;
    let want = weights_gb + s.device_workspace_gb[0];
    assert!(
        (r.edge_model_gb - want).abs() < 1e-6,
        "{} GB, want {want}",
        r.edge_model_gb
    );
}
