//! MathPeek II: the seven invariants as equations, each worked with the numbers of the
//! student's current design, taken from the same report and roofline the game shows, so the
//! worked figures and the equations cannot disagree.

use super::roofline::{Engine, GB, MS};
use super::{PhysicsModel, Report, Scenario, fmt_num as n};

/// One invariant: its name, its equation, and the equation worked for this design.
#[derive(Debug, Clone, PartialEq)]
pub struct Peek {
    pub name: &'static str,
    pub equation: &'static str,
    pub worked: String,
}

/// A latency in ms, or "no service" for a cloud that answers nothing.
fn ms(v: f64) -> String {
    if v.is_finite() {
        format!("{} ms", n(v))
    } else {
        "no service".into()
    }
}

/// The seven invariants, worked for `r` (a report of `sc`).
pub fn math_peek(sc: &Scenario, r: &Report) -> [Peek; 7] {
    let d = &r.design;
    let acc = &sc.accuracy;
    let drift = Peek {
        name: "6. Degradation → retraining cadence",
        equation: "Acc(t) = Acc₀ − λ_drift × t",
        worked: format!(
            "{:.1} % − {} a day × {} days = {:.1} % just before each retrain.",
            r.effective_accuracy * 100.0,
            n(acc.drift_per_day),
            d.retrain_cadence_days,
            r.post_drift_accuracy * 100.0
        ),
    };
    let Some(s) = r.systems.as_ref() else {
        return course_draft(sc, r, drift);
    };
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let ctx = s_tok + t_tok / 2.0;
    let e = Engine::new(sc, sc.cloud(), sc.llm(), d.quant_cloud, d.kv_quant).with_tp(s.cloud_tp);
    let b = s.cloud_batch.max(1.0);
    let (mem, comp) = e.decode_parts(b, ctx);
    // What one step reads: the same bytes the decode step is timed on.
    let bytes = e.weights_read() + b * ctx * e.kv_read_bytes_per_token();
    let flops = 2.0 * sc.llm().params * b;
    let fixed = s.decode_step_ms / MS - mem.max(comp);
    let c = &sc.systems;
    let bw = c.mem_efficiency * sc.cloud().mem_bw_gbs * s.cloud_tp as f64;
    let peak = c.compute_efficiency
        * sc.cloud().tflops_fp16_dense
        * sc.precision.compute_speedup.get(d.quant_cloud)
        * s.cloud_tp as f64;
    let iron = Peek {
        name: "1. Iron Law → cloud latency",
        equation: "T = D / BW + O / R + L",
        worked: format!(
            "One decode step at batch {}: D = {} GB (weights and KV cache) at {} GB/s = {} ms; \
             O = 2 × P × B = {} TFLOP at {} TFLOPS = {} ms; the two overlap, so the larger counts, \
             plus L = {} ms of fixed cost: {} ms a step. The P99 time to first token adds the \
             queue and the prefill: {}.",
            n(b),
            n(bytes / GB),
            n(bw),
            n(mem * MS),
            n(flops / 1e12),
            n(peak),
            n(comp * MS),
            n(fixed * MS),
            n(s.decode_step_ms),
            ms(s.cloud_p99_ttft_ms)
        ),
    };
    let per_replica = e.weights() / GB + s.kv_cache_gb;
    let memory = Peek {
        name: "2. Memory Wall → tier feasibility",
        equation: "weights + KV cache + workspace ≤ RAM",
        worked: format!(
            "Each cloud replica: {} GB of weights + {} GB of KV cache ({} sequences) = {} GB, \
             plus {} GB of workspace per GPU, on {} × {} GB; at most {} sequences fit. TinyML: \
             {} KiB against {} KB of SRAM{}.",
            n(e.weights() / GB),
            n(s.kv_cache_gb),
            n(b),
            n(per_replica),
            n(c.workspace_gb),
            s.cloud_tp,
            n(sc.cloud().ram_gb),
            n(s.cloud_max_batch),
            n(r.tiny_model_kb),
            n(r.tiny_sram_kb),
            if r.tiny_oom { " (out of memory)" } else { "" }
        ),
    };
    let gpus = 8u32;
    let split = e.with_tp(gpus);
    let one = e.with_tp(1).decode_step_s(1.0, ctx);
    let many = split.decode_step_s(1.0, ctx);
    let speedup = one / many;
    let amdahl = Peek {
        name: "3. Amdahl's Law → scaling ceiling",
        equation: "Speed-up(N) = 1 / (S + (1 − S) / N)",
        worked: if speedup >= 1.0 {
            let serial =
                ((1.0 / speedup - 1.0 / gpus as f64) / (1.0 - 1.0 / gpus as f64)).clamp(0.0, 1.0);
            format!(
                "Splitting one copy of the model over {gpus} GPUs takes a batch-1 step from {} ms \
                 to {} ms: {}× where {gpus}× was hoped, so S = {} (fixed per-step costs and \
                 all-reduces). That is why this design runs {} replica(s) of {} GPU(s) each.",
                n(one * MS),
                n(many * MS),
                n(speedup),
                n(serial),
                s.cloud_replicas,
                s.cloud_tp
            )
        } else {
            // A split that slows the step has no serial fraction: say what happened.
            let saved = e.with_tp(1).decode_parts(1.0, ctx).0 - split.decode_parts(1.0, ctx).0;
            format!(
                "Splitting one copy of the model over {gpus} GPUs makes a batch-1 step slower, \
                 {} ms instead of {} ms: reading the weights in parallel saves {} ms, but the two \
                 all-reduces a layer cost {} ms. Amdahl's Law has nothing to divide here: the \
                 split adds more than it parallelises. That is why this design runs {} replica(s) \
                 of {} GPU(s) each.",
                n(many * MS),
                n(one * MS),
                n(saved * MS),
                n(split.allreduce_s(1.0) * MS),
                s.cloud_replicas,
                s.cloud_tp
            )
        },
    };
    // Peak in TFLOPS (1e12 FLOP/s) over bandwidth in GB/s (1e9 B/s): FLOP per byte.
    let ridge = peak * 1e12 / (bw * 1e9);
    let intensity = flops / bytes;
    let roofline = Peek {
        name: "4. Roofline → memory- or compute-bound",
        equation: "AI* = R / BW;  AI(step) = O / D",
        worked: format!(
            "Ridge point {} TFLOPS / {} GB/s = {} FLOP per byte. This step: {} TFLOP / {} GB = {} \
             FLOP per byte, so it is {}.",
            n(peak),
            n(bw),
            n(ridge),
            n(flops / 1e12),
            n(bytes / GB),
            n(intensity),
            // The verdict the report and the world give.
            if s.decode_compute_bound {
                "compute-bound: more FLOPS would help, fewer bytes would not"
            } else {
                "memory-bound: more FLOPS would not help, fewer bytes would"
            }
        ),
    };
    let lambda = r.tier_rps[0];
    let little = Peek {
        name: "5. Little's Law → queues",
        equation: "L = λ × W;  ρ = λ / μ",
        worked: format!(
            "λ = {} req/s to the cloud, μ = {} req/s it can serve: ρ = {}. Waiting: {} req/s × \
             {} s = {} requests. P99 time to first token {} against {} ms.",
            n(lambda),
            n(s.cloud_capacity_rps),
            n(s.cloud_utilization),
            n(lambda.min(s.cloud_capacity_rps)),
            n(s.cloud_queue_len / lambda.min(s.cloud_capacity_rps).max(1e-9)),
            n(s.cloud_queue_len),
            ms(s.cloud_p99_ttft_ms),
            n(sc.slo.p99_ms)
        ),
    };
    let gap = (acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0);
    let fairness = Peek {
        name: "7. Fairness → accuracy",
        equation: "cost = κ × max(0, Δ − threshold)",
        worked: format!(
            "{} × max(0, {} − {}) = {} × {} = {} points of accuracy given up to hold the gap \
             at {} %.",
            n(acc.fairness_cost_per_pct * 100.0),
            n(acc.base_rate_gap_pct),
            d.fairness_threshold_pct,
            n(acc.fairness_cost_per_pct * 100.0),
            n(gap),
            n(s.fairness_accuracy_cost * 100.0),
            d.fairness_threshold_pct
        ),
    };
    debug_assert_eq!(r.model, PhysicsModel::Systems);
    [iron, memory, amdahl, roofline, little, drift, fairness]
}

/// The course's formulas, worked as the course works them.
fn course_draft(sc: &Scenario, r: &Report, drift: Peek) -> [Peek; 7] {
    let d = &r.design;
    let cd = &sc.course_draft;
    let bytes = sc.precision.bytes_per_param.get(d.quant_cloud);
    let mult = cd.throughput_mult.get(d.serving);
    [
        Peek {
            name: "1. Iron Law → cloud latency",
            equation: "T = tokens / (BW × N / (parameters × bytes each) × serving multiplier)",
            worked: format!(
                "{} / ({} GB/s × {} / ({} × {} B) × {}) = {} ms.",
                n(sc.workload.output_tokens),
                n(sc.cloud().mem_bw_gbs),
                d.n_h100,
                n(sc.llm().params),
                n(bytes),
                n(mult),
                n(r.cloud_p99_ms)
            ),
        },
        Peek {
            name: "2. Memory Wall → tier feasibility",
            equation: "model + KV cache ≤ RAM",
            worked: format!(
                "Cloud: {} GB on {} GB. TinyML: {} KB against {} KB of SRAM.",
                n(r.cloud_model_gb),
                n(r.cloud_ram_gb),
                n(r.tiny_model_kb),
                n(r.tiny_sram_kb)
            ),
        },
        Peek {
            name: "3. Amdahl's Law → scaling ceiling",
            equation: "Speed-up(N) = 1 / (S + (1 − S) / N)",
            worked: format!(
                "The course's cloud speed grows linearly with the {} GPUs: it assumes S = 0.",
                d.n_h100
            ),
        },
        Peek {
            name: "4. Roofline → memory- or compute-bound",
            equation: "AI* = R / BW",
            worked: format!(
                "Ridge point {} TFLOPS / {} GB/s = {} FLOP per byte; batch-1 decode does about 2 \
                 FLOP per parameter read: memory-bound.",
                n(sc.cloud().tflops_fp16_dense),
                n(sc.cloud().mem_bw_gbs),
                n(sc.cloud().tflops_fp16_dense * 1e3 / sc.cloud().mem_bw_gbs)
            ),
        },
        Peek {
            name: "5. Little's Law → queues",
            equation: "L = λ × W",
            worked: format!(
                "{} req/s × {} s = {} requests in the system (the course's P99 has no queue).",
                n(r.tier_rps[0]),
                n(r.cloud_p99_ms / MS),
                n(r.tier_rps[0] * r.cloud_p99_ms / MS)
            ),
        },
        drift,
        Peek {
            name: "7. Fairness → accuracy",
            equation: "gap ≤ threshold ⇒ accuracy given up ∝ base-rate difference",
            worked: format!(
                "The course's model leaves accuracy at {:.1} % whatever the threshold ({} %).",
                r.effective_accuracy * 100.0,
                d.fairness_threshold_pct
            ),
        },
    ]
}
