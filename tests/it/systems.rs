//! The `systems` model against published measurements, and the properties that make it a game.

use architects_audit::physics::systems::{Attention, RooflineQuery, roofline};
use architects_audit::physics::{self, Banner, Design, PhysicsModel, Quant, Scenario, Serving};
use serde_json::Value;

fn q(
    hw: &str,
    llm: &str,
    quant: Quant,
    batch: f64,
    tp: u32,
    prompt: f64,
    output: f64,
) -> RooflineQuery {
    RooflineQuery {
        hardware: hw.into(),
        llm: llm.into(),
        quant,
        kv_quant: Quant::Fp16,
        batch,
        tp,
        attention: Attention::Grouped,
        prompt,
        output,
        clamp_batch: false,
    }
}

fn within(actual: f64, published: f64, tol: f64) -> bool {
    (actual - published).abs() <= tol * published
}

#[test]
fn h100_batch1_fp16_decode_sits_under_the_roofline() {
    let sc = Scenario::builtin();
    let r = roofline(
        &sc,
        &q("h100", "capstone-7b", Quant::Fp16, 1.0, 1, 512.0, 256.0),
    )
    .unwrap();
    let bound = 3350e9 / (7e9 * 2.0);
    assert!(
        r.decode_tok_per_s <= bound,
        "{} > roofline {bound}",
        r.decode_tok_per_s
    );
    assert!(r.decode_tok_per_s >= 120.0, "{}", r.decode_tok_per_s);
}

/// What a published point measures.
#[derive(Clone, Copy, Debug)]
enum Metric {
    /// Time to first token, ms.
    Ttft,
    /// The whole request, ms.
    E2e,
    /// Output tokens a second over the whole run: batch x output / end-to-end.
    Throughput,
}

/// A point of TensorRT-LLM's H100 tables: FP8 weights and, as their build commands say
/// (`--enable_fp8 --fp8_kv_cache`), an FP8 KV cache. Those releases decoded with one thread
/// block per query head, each reading its KV head: per-query-head attention (docs/physics.md).
/// For the multi-head 7B models this is the same as grouped.
fn trt(llm: &str, batch: f64, tp: u32, prompt: f64, output: f64) -> RooflineQuery {
    RooflineQuery {
        kv_quant: Quant::Int8,
        attention: Attention::PerQueryHead,
        ..q("h100", llm, Quant::Int8, batch, tp, prompt, output)
    }
}

/// Published H100 measurements: (source, query, metric, published value). Throughput is
/// output tokens a second for the whole group; the v0.6.1 table gives it per GPU, so its
/// figures here are multiplied by the TP degree.
fn published() -> Vec<(&'static str, RooflineQuery, Metric, f64)> {
    use Metric::*;
    let trt5 = "TensorRT-LLM performance tables (v0.5.0), H100 FP8";
    let trt6 = "TensorRT-LLM performance tables (v0.6.1), H100 FP8";
    let nemo = "NeMo inference, Llama-2-7B, H100 FP16, 128 in / 20 out";
    let mut points = vec![
        (trt5, trt("llama-2-7b", 1.0, 1, 128.0, 1.0), Ttft, 7.0),
        (trt5, trt("llama-2-7b", 1.0, 1, 2048.0, 1.0), Ttft, 36.0),
        (trt5, trt("llama-2-70b", 1.0, 4, 128.0, 1.0), Ttft, 26.0),
        (trt5, trt("llama-2-70b", 1.0, 4, 2048.0, 1.0), Ttft, 109.0),
        (
            nemo,
            q("h100", "llama-2-7b", Quant::Fp16, 1.0, 1, 128.0, 20.0),
            E2e,
            153.8,
        ),
        (
            nemo,
            q("h100", "llama-2-7b", Quant::Fp16, 8.0, 1, 128.0, 20.0),
            E2e,
            199.2,
        ),
    ];
    // (model, batch, TP, prompt, output, output tok/s)
    let v05 = [
        ("llama-2-7b", 64.0, 1, 128.0, 128.0, 9193.0),
        ("llama-2-7b", 64.0, 1, 128.0, 2048.0, 5367.0),
        ("llama-2-7b", 64.0, 1, 2048.0, 128.0, 2058.0),
        ("llama-2-7b", 32.0, 1, 2048.0, 2048.0, 2230.0),
        ("llama-2-70b", 64.0, 4, 128.0, 128.0, 3317.0),
        ("llama-2-70b", 64.0, 4, 128.0, 2048.0, 2616.0),
        ("llama-2-70b", 64.0, 4, 2048.0, 128.0, 843.0),
        ("llama-2-70b", 64.0, 4, 2048.0, 2048.0, 1583.0),
    ];
    // (model, batch, TP, prompt, output, output tok/s per GPU)
    let v061 = [
        ("llama-2-7b", 768.0, 1, 128.0, 128.0, 19694.0),
        ("llama-2-7b", 112.0, 1, 128.0, 2048.0, 6818.0),
        ("llama-2-7b", 80.0, 1, 2048.0, 128.0, 2244.0),
        ("llama-2-7b", 48.0, 1, 2048.0, 2048.0, 2740.0),
        ("llama-2-70b", 1024.0, 2, 128.0, 128.0, 2657.0),
        ("llama-2-70b", 480.0, 4, 128.0, 2048.0, 1486.0),
    ];
    for (llm, batch, tp, prompt, output, tok_s) in v05 {
        points.push((trt5, trt(llm, batch, tp, prompt, output), Throughput, tok_s));
    }
    for (llm, batch, tp, prompt, output, per_gpu) in v061 {
        let query = trt(llm, batch, tp, prompt, output);
        points.push((trt6, query, Throughput, per_gpu * tp as f64));
    }
    points
}

fn measure(sc: &Scenario, query: &RooflineQuery, m: Metric) -> f64 {
    let r = roofline(sc, query).unwrap();
    match m {
        Metric::Ttft => r.ttft_ms,
        Metric::E2e => r.e2e_ms,
        Metric::Throughput => r.batch * r.output / (r.e2e_ms / 1e3),
    }
}

#[test]
fn published_h100_points_hold_within_35_percent() {
    let sc = Scenario::builtin();
    let mut misses = Vec::new();
    for (source, query, metric, value) in published() {
        let model = measure(&sc, &query, metric);
        println!(
            "{source}: {} {} TP{} batch {} {}/{} {metric:?}: published {value}, model {model:.1}, ratio {:.2}",
            query.llm,
            query.quant,
            query.tp,
            query.batch,
            query.prompt,
            query.output,
            model / value
        );
        if !within(model, value, 0.35) {
            misses.push(format!("{} {metric:?} {model:.1} vs {value}", query.llm));
        }
    }
    assert!(misses.is_empty(), "{misses:?}");
}

#[test]
fn nemo_tp8_speedup_within_35_percent() {
    // NeMo: Llama-2-7B on H100, 128 in / 20 out, batch 1: TP8 is 1.58x faster than TP1.
    let sc = Scenario::builtin();
    let one = measure(
        &sc,
        &q("h100", "llama-2-7b", Quant::Fp16, 1.0, 1, 128.0, 20.0),
        Metric::E2e,
    );
    let eight = measure(
        &sc,
        &q("h100", "llama-2-7b", Quant::Fp16, 1.0, 8, 128.0, 20.0),
        Metric::E2e,
    );
    let speedup = one / eight;
    assert!(within(speedup, 1.58, 0.35), "TP8 speed-up {speedup}");
}

#[test]
fn per_query_head_reads_follow_the_kv_sharing() {
    // Llama-2-7B has a KV head per query head: the kernel reads the cache once either way.
    // Llama-2-70B shares each KV head among 8 query heads: the old kernel reads it 8 times.
    let sc = Scenario::builtin();
    let step = |llm: &str, attention| {
        let query = RooflineQuery {
            attention,
            ..q("h100", llm, Quant::Int8, 64.0, 4, 2048.0, 2048.0)
        };
        roofline(&sc, &query).unwrap().decode_step_ms
    };
    let mha = step("llama-2-7b", Attention::PerQueryHead) / step("llama-2-7b", Attention::Grouped);
    assert!((mha - 1.0).abs() < 1e-12, "{mha}");
    let gqa =
        step("llama-2-70b", Attention::PerQueryHead) / step("llama-2-70b", Attention::Grouped);
    assert!(gqa > 1.5, "{gqa}");
}

#[test]
fn kv_bytes_per_token_are_exact() {
    let sc = Scenario::builtin();
    let l2 = roofline(
        &sc,
        &q("h100", "llama-2-7b", Quant::Fp16, 1.0, 1, 512.0, 256.0),
    )
    .unwrap();
    let l3 = roofline(
        &sc,
        &q("h100", "llama-3-8b", Quant::Fp16, 1.0, 1, 512.0, 256.0),
    )
    .unwrap();
    assert_eq!(l2.kv_bytes_per_token, 512.0 * 1024.0);
    assert_eq!(l3.kv_bytes_per_token, 128.0 * 1024.0);
}

#[test]
fn batching_gain_from_1_to_64_is_realistic() {
    let sc = Scenario::builtin();
    let b1 = roofline(
        &sc,
        &q("h100", "capstone-7b", Quant::Fp16, 1.0, 1, 512.0, 256.0),
    )
    .unwrap();
    let b64 = roofline(
        &sc,
        &q("h100", "capstone-7b", Quant::Fp16, 64.0, 1, 512.0, 256.0),
    )
    .unwrap();
    let gain = b64.decode_tok_per_s / b1.decode_tok_per_s;
    assert!((20.0..=45.0).contains(&gain), "gain {gain}");
}

/// Every design on the control grid, at the extremes of the sliders.
pub fn grid() -> Vec<Design> {
    let mut out = Vec::new();
    for n in physics::N_H100_RANGE {
        for qc in Quant::CLOUD_EDGE {
            for qe in Quant::CLOUD_EDGE {
                for qm in Quant::MOBILE {
                    for serving in Serving::ALL {
                        for kv in Quant::KV {
                            for (cad, fair, tp, tq) in [
                                (1, 0, 5e4, Quant::Int8),
                                (90, 20, 1e7, Quant::Ternary),
                                (30, 10, 1e6, Quant::Int4),
                            ] {
                                out.push(Design {
                                    n_h100: n,
                                    quant_cloud: qc,
                                    quant_edge: qe,
                                    quant_mobile: qm,
                                    serving,
                                    retrain_cadence_days: cad,
                                    fairness_threshold_pct: fair,
                                    tiny_params: tp,
                                    tiny_quant: tq,
                                    kv_quant: kv,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn all_numbers_finite(v: &Value, path: &str) -> Result<(), String> {
    match v {
        Value::Null => Err(format!("{path} is null (NaN?)")),
        Value::Number(n) => {
            if n.as_f64().is_some_and(f64::is_finite) {
                Ok(())
            } else {
                Err(format!("{path} = {n}"))
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| all_numbers_finite(x, &format!("{path}[{i}]"))),
        Value::Object(m) => m
            .iter()
            .try_for_each(|(k, x)| all_numbers_finite(x, &format!("{path}.{k}"))),
        _ => Ok(()),
    }
}

#[test]
fn game_properties_hold_on_the_whole_grid() {
    let sc = Scenario::builtin();
    let default = physics::evaluate(&sc, &Design::default(), PhysicsModel::Systems);
    assert!(!default.system_valid, "the seed's default design must fail");

    let mut valid = 0;
    let mut seen = std::collections::HashSet::new();
    for d in grid() {
        d.validate(&sc).unwrap();
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let v = serde_json::to_value(&r).unwrap();
        all_numbers_finite(&v, "").unwrap_or_else(|e| panic!("{d:?}: {e}"));
        // No latency a student reads exceeds an hour, even far past saturation.
        let s = r.systems.as_ref().unwrap();
        for (name, ms) in [
            ("P99 TTFT", s.cloud_p99_ttft_ms),
            ("P99 end-to-end", s.cloud_p99_e2e_ms),
            ("edge", r.edge_p99_ms),
            ("mobile", r.mobile_p99_ms),
        ] {
            assert!(ms <= 3.6e6, "{d:?}: {name} {ms} ms");
        }
        // A working cloud's cost per request is its price over what it serves.
        if !r.cloud_oom {
            assert!(r.cost_per_req_usd < 1e-3, "{d:?}: ${}", r.cost_per_req_usd);
        }
        if r.system_valid {
            valid += 1;
            assert!(r.banners.iter().all(|b| b.is_warning()), "{:?}", r.banners);
        }
        seen.extend(r.banners.iter().copied());

        // More GPUs never raise P99 TTFT nor lower capacity.
        if d.n_h100 < *physics::N_H100_RANGE.end() {
            let more = Design {
                n_h100: d.n_h100 + 1,
                ..d
            };
            let r2 = physics::evaluate(&sc, &more, PhysicsModel::Systems);
            let (a, b) = (r.systems.as_ref().unwrap(), r2.systems.as_ref().unwrap());
            assert!(
                b.cloud_p99_ttft_ms <= a.cloud_p99_ttft_ms * (1.0 + 1e-12),
                "{d:?}: {} -> {}",
                a.cloud_p99_ttft_ms,
                b.cloud_p99_ttft_ms
            );
            assert!(b.cloud_capacity_rps >= a.cloud_capacity_rps, "{d:?}");
        }
    }
    assert!(valid > 0, "no valid design in the seed's control ranges");
    // The built-in prices never make a request cost $0.001 (see `the_cost_banner_fires_...`).
    for b in Banner::ALL {
        if b != Banner::CloudOom && b != Banner::CostSlo {
            assert!(seen.contains(&b), "no design on the grid raises {b:?}");
        }
    }
}

#[test]
fn cloud_oom_is_reachable_with_a_model_too_big_for_the_gpus() {
    // A 7B model never overflows an 80 GB H100 (as the course itself says); a 70B one does on
    // one GPU at FP16.
    let mut sc = Scenario::builtin();
    sc.deployment.llm = "llama-2-70b".into();
    let d = Design {
        n_h100: 1,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    assert!(r.cloud_oom && r.banners.contains(&Banner::CloudOom));
    let d = Design {
        n_h100: 4,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    assert!(!r.cloud_oom, "two TP2 groups hold 138 GB of weights each");
    let s = r.systems.unwrap();
    assert_eq!((s.cloud_tp, s.cloud_replicas), (2, 2));
}

#[test]
fn lower_weight_precision_never_raises_memory() {
    let sc = Scenario::builtin();
    let order = [Quant::Fp16, Quant::Int8, Quant::Int4, Quant::Ternary];
    for d in grid().into_iter().step_by(7) {
        for w in order.windows(2) {
            let (hi, lo) = (w[0], w[1]);
            if Quant::CLOUD_EDGE.contains(&hi) && Quant::CLOUD_EDGE.contains(&lo) {
                let a = physics::evaluate(
                    &sc,
                    &Design {
                        quant_cloud: hi,
                        quant_edge: hi,
                        ..d
                    },
                    PhysicsModel::Systems,
                );
                let b = physics::evaluate(
                    &sc,
                    &Design {
                        quant_cloud: lo,
                        quant_edge: lo,
                        ..d
                    },
                    PhysicsModel::Systems,
                );
                assert!(b.edge_model_gb <= a.edge_model_gb);
                let (sa, sb) = (a.systems.unwrap(), b.systems.unwrap());
                assert!(
                    sb.cloud_max_batch >= sa.cloud_max_batch,
                    "less weight memory leaves more for KV"
                );
            }
            if Quant::MOBILE.contains(&hi) && Quant::MOBILE.contains(&lo) {
                let a = physics::evaluate(
                    &sc,
                    &Design {
                        quant_mobile: hi,
                        ..d
                    },
                    PhysicsModel::Systems,
                );
                let b = physics::evaluate(
                    &sc,
                    &Design {
                        quant_mobile: lo,
                        ..d
                    },
                    PhysicsModel::Systems,
                );
                assert!(b.mobile_model_gb <= a.mobile_model_gb);
            }
        }
    }
}

#[test]
fn one_gpu_cannot_meet_availability_and_fairness_costs_accuracy() {
    let sc = Scenario::builtin();
    let r = physics::evaluate(
        &sc,
        &Design {
            n_h100: 1,
            ..Design::default()
        },
        PhysicsModel::Systems,
    );
    assert!(!r.systems.as_ref().unwrap().availability_ok);
    let strict = physics::evaluate(
        &sc,
        &Design {
            fairness_threshold_pct: 0,
            ..Design::default()
        },
        PhysicsModel::Systems,
    );
    let loose = physics::evaluate(
        &sc,
        &Design {
            fairness_threshold_pct: 20,
            ..Design::default()
        },
        PhysicsModel::Systems,
    );
    assert!(strict.effective_accuracy < loose.effective_accuracy);
}

#[test]
fn the_tiny_default_overflows_and_a_keyword_spotter_fits() {
    let sc = Scenario::builtin();
    let r = physics::evaluate(&sc, &Design::default(), PhysicsModel::Systems);
    assert!(r.tiny_oom);
    let kws = Design {
        tiny_params: 1e5,
        tiny_quant: Quant::Int8,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &kws, PhysicsModel::Systems);
    assert!(!r.tiny_oom);
    // 100,000 INT8 parameters are 100,000 bytes: 97.65625 KiB of the 256 KiB.
    let kib = r.systems.unwrap().tiny_model_kib;
    assert!((kib - 97.656_25).abs() < 1e-9, "{kib}");
}

#[test]
fn the_report_has_every_course_draft_key_and_the_systems_keys() {
    let sc = Scenario::builtin();
    let cd = serde_json::to_value(physics::evaluate(
        &sc,
        &Design::default(),
        PhysicsModel::CourseDraft,
    ))
    .unwrap();
    let sy = serde_json::to_value(physics::evaluate(
        &sc,
        &Design::default(),
        PhysicsModel::Systems,
    ))
    .unwrap();
    for k in cd.as_object().unwrap().keys() {
        assert!(sy.get(k).is_some(), "systems report lacks {k}");
    }
    for k in [
        "cloud_p99_ttft_ms",
        "cloud_p99_e2e_ms",
        "cloud_capacity_rps",
        "cloud_utilization",
        "cloud_max_batch",
        "decode_step_ms",
        "kv_cache_gb",
        "availability",
        "availability_ok",
        "fairness_accuracy_cost",
        "tiny_params",
        "tiny_model_kib",
        "trace",
    ] {
        assert!(sy.get(k).is_some(), "missing {k}");
    }
    assert!(sy["trace"].as_array().unwrap().len() >= 5);
}

#[test]
fn erlang_c_matches_known_values() {
    use architects_audit::physics::systems::erlang_c;
    // M/M/1: P(wait) = rho.
    assert!((erlang_c(1.0, 0.7) - 0.7).abs() < 1e-12);
    // M/M/2 with a = 1: C = 1/3.
    assert!((erlang_c(2.0, 1.0) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(erlang_c(4.0, 5.0), 1.0);
}

#[test]
fn the_cost_banner_fires_only_when_a_request_really_costs_too_much() {
    let sc = Scenario::builtin();
    let d = Design::default();
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    // The default design is overloaded, but each request it serves costs cents of a cent.
    assert!(r.cost_per_req_usd < 1e-4, "${}", r.cost_per_req_usd);
    assert!(!r.banners.contains(&Banner::CostSlo));
    // A thousandfold GPU price: the same design now costs more than the SLO allows.
    let mut pricey = sc.clone();
    let name = pricey.deployment.cloud_hardware.clone();
    pricey.hardware.get_mut(&name).unwrap().cost_per_hour_usd *= 1000.0;
    let r = physics::evaluate(&pricey, &d, PhysicsModel::Systems);
    assert!(r.cost_per_req_usd > 1e-3, "${}", r.cost_per_req_usd);
    assert!(r.banners.contains(&Banner::CostSlo));
}

#[test]
fn the_tinyml_banner_names_the_sub_models_that_fit() {
    let sc = Scenario::builtin();
    let r = physics::evaluate(&sc, &Design::default(), PhysicsModel::Systems);
    assert!(r.banners.contains(&Banner::TinySram));
    let text = architects_audit::text::banner_detail(Banner::TinySram, &r, &sc);
    // 256 KiB of SRAM holds the weights (p x bytes) and the DS-CNN's arena, 48.64 KiB at its
    // 53,000 parameters and growing with the square root of the size. Solved here by halving.
    let largest = |bytes: f64| {
        let need = |p: f64| p * bytes / 1024.0 + 48.64 * (p / 53_000.0).sqrt();
        let (mut lo, mut hi) = (0.0, 1e8);
        for _ in 0..100 {
            let mid = (lo + hi) / 2.0;
            if need(mid) <= 256.0 {
                lo = mid
            } else {
                hi = mid
            }
        }
        lo
    };
    let ternary = format!("{:.2}M ternary", largest(0.19) / 1e6);
    let int8 = format!("{:.0}K INT8", largest(1.0) / 1e3);
    assert!(text.contains(&ternary), "{ternary}: {text}");
    assert!(text.contains(&int8), "{int8}: {text}");
}

#[test]
fn binomial_availability_matches_values_worked_by_hand() {
    use architects_audit::physics::systems::binomial_availability;
    // Three units up with p = 0.9 each, two needed (1.5 units of demand):
    // P(K>=2) = 3 x 0.9^2 x 0.1 + 0.9^3 = 0.243 + 0.729 = 0.972.
    let a = binomial_availability(3, 0.9, 1.0, 1.5);
    assert!((a - 0.972).abs() < 1e-12, "{a}");
    // Ten replicas of 100 req/s at p = 0.99 for 850 req/s: nine must be up.
    // P(K>=9) = 0.99^10 + 10 x 0.99^9 x 0.01 = 0.904382 + 0.091352 = 0.995734.
    let a = binomial_availability(10, 0.99, 100.0, 850.0);
    assert!((a - 0.995_734).abs() < 1e-6, "{a}");
    // Demand exactly at k units needs k + 1 (strictly more capacity than demand).
    let a = binomial_availability(2, 0.5, 1.0, 1.0);
    assert!((a - 0.25).abs() < 1e-12, "{a}");
    // More demand than every unit can carry.
    assert_eq!(binomial_availability(4, 0.99, 1.0, 4.0), 0.0);
}

#[test]
fn the_accuracy_banner_names_a_fairness_cost_only_where_the_model_has_one() {
    let sc = Scenario::builtin();
    let strict = Design {
        quant_mobile: Quant::Ternary,
        fairness_threshold_pct: 0,
        ..Design::default()
    };
    let sys = physics::evaluate(&sc, &strict, PhysicsModel::Systems);
    assert!(sys.banners.contains(&Banner::AccuracyWarning));
    let text = architects_audit::text::banner_detail(Banner::AccuracyWarning, &sys, &sc);
    assert!(text.contains("fairness threshold costs"), "{text}");
    // The course's formulas give fairness no accuracy cost: the banner must not claim one.
    // (Its built-in threshold, 85 %, is below ternary's 88 %: raise it so the banner shows.)
    let mut strict_sc = sc.clone();
    strict_sc.accuracy.accuracy_warning_below = 0.9;
    let course = physics::evaluate(&strict_sc, &strict, PhysicsModel::CourseDraft);
    assert!(course.banners.contains(&Banner::AccuracyWarning));
    let text = architects_audit::text::banner_detail(Banner::AccuracyWarning, &course, &strict_sc);
    assert!(!text.contains("fairness"), "{text}");
}

#[test]
fn roofline_and_report_agree_on_every_case_both_express() {
    let sc = Scenario::builtin();
    let (prompt, output) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let llm = sc.deployment.llm.clone();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    let rf = |hw: &str, quant: Quant, kv_quant: Quant, batch: f64, tp: u32| {
        roofline(
            &sc,
            &RooflineQuery {
                hardware: hw.into(),
                llm: llm.clone(),
                quant,
                kv_quant,
                batch,
                tp,
                attention: Attention::Grouped,
                prompt,
                output,
                clamp_batch: false,
            },
        )
        .unwrap()
    };
    // Edge and mobile: one user, batch 1, FP16 KV cache.
    for q in Quant::CLOUD_EDGE {
        let d = Design {
            quant_edge: q,
            ..Design::default()
        };
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let s = r.systems.as_ref().unwrap();
        if r.edge_oom {
            // `roofline` refuses a model that does not fit (tested in `cli`).
            continue;
        }
        let x = rf(&sc.deployment.edge_hardware, q, Quant::Fp16, 1.0, 1);
        assert!(
            close(s.edge_ttft_ms, x.ttft_ms),
            "edge {q}: {} vs {}",
            s.edge_ttft_ms,
            x.ttft_ms
        );
        assert!(
            close(r.edge_p99_ms, x.e2e_ms),
            "edge {q}: {} vs {}",
            r.edge_p99_ms,
            x.e2e_ms
        );
        assert!(
            close(r.edge_tok_per_sec, x.decode_tok_per_s),
            "edge {q} tokens/s"
        );
    }
    for q in Quant::MOBILE {
        let d = Design {
            quant_mobile: q,
            ..Design::default()
        };
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let s = r.systems.as_ref().unwrap();
        if r.mobile_oom {
            continue;
        }
        let x = rf(&sc.deployment.mobile_hardware, q, Quant::Fp16, 1.0, 1);
        assert!(close(s.mobile_ttft_ms, x.ttft_ms), "mobile {q}");
        assert!(close(r.mobile_p99_ms, x.e2e_ms), "mobile {q}");
    }
    // Cloud: the decode step at the batch the report runs, and the batch ceiling.
    for d in grid().into_iter().filter(|d| d.quant_edge == Quant::Int8) {
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let s = r.systems.as_ref().unwrap();
        if r.cloud_oom || s.cloud_batch < 1.0 {
            continue;
        }
        let x = rf(
            &sc.deployment.cloud_hardware,
            d.quant_cloud,
            d.kv_quant,
            s.cloud_batch,
            s.cloud_tp,
        );
        assert!(
            close(s.decode_step_ms, x.decode_step_ms),
            "{d:?}: step {} vs {}",
            s.decode_step_ms,
            x.decode_step_ms
        );
        assert_eq!(s.cloud_max_batch, x.max_batch, "{d:?}");
    }
}
