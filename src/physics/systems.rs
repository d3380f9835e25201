//! `systems`: the default physics model. Every equation is derived in `docs/physics.md`.
//!
//! In short:
//! - memory = weights + KV cache (its own precision) + workspace;
//! - a decode step at batch B is a roofline with efficiencies plus fixed and per-sequence
//!   overheads, plus two all-reduces per layer under tensor parallelism;
//! - the cloud's N GPUs are used as replicas of the smallest tensor-parallel group that fits
//!   the model (TP only when a model does not fit on one GPU);
//! - the serving strategy sets how requests are batched, and so both capacity and the queueing
//!   delay in the P99 time to first token (TTFT), the latency the SLO checks;
//! - cost divides the cluster's hourly price by the requests it serves (at most its capacity);
//! - availability is the probability that enough replicas are up to carry the load, over the
//!   states of the servers (8 GPUs each) and of their GPUs.

use super::roofline::{GB, MS};
use super::{
    Design, PhysicsModel, Report, Scenario, SystemsExtra, TierAssignments, TraceLine, fmt_num,
};

use super::figures::Parts;
pub use super::figures::node_availability;
pub use super::queueing::{CloudLoad, cloud_load};
pub use super::roofline::{Attention, Bound, Engine, RooflineQuery, RooflineReport, roofline};
pub use super::tails::{binomial_availability, erlang_c};
pub use super::tiny::{TinyMl, tiny_max_params, tiny_ml, tiny_ml_on};

/// Evaluate a design under the systems model.
pub fn evaluate(sc: &Scenario, d: &Design) -> Report {
    let p = Parts::new(sc, d);
    let trace = trace(sc, d, &p);
    report(sc, d, p, trace)
}

/// The formula trace: every equation with the design's figures in it.
fn trace(sc: &Scenario, d: &Design, p: &Parts<'_>) -> Vec<TraceLine> {
    let mut lines = serving_trace(sc, d, p);
    lines.extend(slo_trace(sc, d, p));
    lines.extend(accuracy_and_tiny_trace(sc, d, p));
    lines
}

/// The cloud's memory, decode step, capacity and queue.
fn serving_trace(sc: &Scenario, d: &Design, p: &Parts<'_>) -> Vec<TraceLine> {
    let (cl, c, lambda, f) = (&p.cl, &sc.systems, p.lambda, fmt_num);
    let e = &p.engine;
    vec![
        TraceLine::new(
            "trace-memory",
            &[
                ("weights", f(e.weights() / GB)),
                ("kv", f(cl.kv_gb)),
                ("seq", f(cl.batch)),
                (
                    "tok",
                    f(sc.workload.prompt_tokens + sc.workload.output_tokens / 2.0),
                ),
                ("kib", f(e.kv_bytes_per_token() / 1024.0)),
                ("workspace", f(c.workspace_gb)),
                ("max_batch", f(cl.max_batch)),
            ],
        ),
        TraceLine::new(
            "trace-roofline",
            &[
                ("mem_eff", c.mem_efficiency.to_string()),
                ("bw", f(sc.cloud().mem_bw_gbs * cl.tp as f64)),
                ("compute_eff", c.compute_efficiency.to_string()),
                (
                    "tflops",
                    f(sc.cloud().tflops_fp16_dense
                        * cl.tp as f64
                        * sc.precision.compute_speedup.get(d.quant_cloud)),
                ),
                ("batch", f(cl.batch)),
                ("step", f(cl.step_s * MS)),
            ],
        ),
        TraceLine::new(
            "trace-capacity",
            &[
                ("lambda", f(lambda)),
                ("replicas", cl.replicas.to_string()),
                ("tp", cl.tp.to_string()),
                ("serving", d.serving.as_str().to_owned()),
                ("capacity", f(cl.capacity_rps)),
                ("rho", f(cl.utilization)),
            ],
        ),
        TraceLine::new(
            "trace-little",
            &[
                ("lambda", f(lambda)),
                ("wait", f(cl.mean_wait_s)),
                ("queue", f(cl.queue_len)),
            ],
        ),
    ]
}

/// The cloud's time to first token, cost and availability.
fn slo_trace(sc: &Scenario, d: &Design, p: &Parts<'_>) -> Vec<TraceLine> {
    let (cl, c, f) = (&p.cl, &sc.systems, fmt_num);
    let (served, cost, replica_up, availability) = (p.served, p.cost, p.replica_up, p.availability);
    vec![
        if cl.oom {
            TraceLine::new("trace-ttft-none", &[])
        } else {
            TraceLine::new(
                "trace-ttft",
                &[
                    ("queue", f(cl.wait_p99_s * MS)),
                    ("prefill", f(cl.prefill_s * MS)),
                    (
                        "iterations",
                        f((cl.ttft_p99_s - cl.wait_p99_s - cl.prefill_s).max(0.0) * MS),
                    ),
                    ("ttft", f(cl.ttft_p99_s * MS)),
                    ("slo", f(sc.slo.p99_ms)),
                ],
            )
        },
        TraceLine::new(
            if cl.oom {
                "trace-cost-none"
            } else {
                "trace-cost-served"
            },
            &[
                ("gpus", d.n_h100.to_string()),
                ("price", f(sc.cloud().cost_per_hour_usd)),
                ("served", f(served)),
                ("cost", format!("{cost:.6}")),
            ],
        ),
        TraceLine::new(
            "trace-availability",
            &[
                ("replicas", cl.replicas.to_string()),
                ("replica_up", f(replica_up)),
                (
                    "servers",
                    d.n_h100
                        .div_ceil(c.gpus_per_node.max(1.0) as u32)
                        .to_string(),
                ),
                ("server_up", c.node_availability.to_string()),
                ("availability", format!("{availability:.5}")),
                ("need", sc.slo.availability.to_string()),
            ],
        ),
    ]
}

/// Fairness, drift and the TinyML device.
fn accuracy_and_tiny_trace(sc: &Scenario, d: &Design, p: &Parts<'_>) -> Vec<TraceLine> {
    let (acc, tiny, f) = (&sc.accuracy, &p.tiny, fmt_num);
    let (tiny_sram_kb, tiny_s) = (p.tiny_sram_kb, p.tiny.latency_s);
    let (effective_accuracy, post_drift_accuracy, fairness_cost) =
        (p.effective_accuracy, p.post_drift_accuracy, p.fairness_cost);
    vec![
        TraceLine::new(
            "trace-fairness",
            &[
                ("gap", f(acc.base_rate_gap_pct)),
                ("threshold", d.fairness_threshold_pct.to_string()),
                ("kappa", acc.fairness_cost_per_pct.to_string()),
                (
                    "over",
                    f((acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0)),
                ),
                ("points", format!("{:.1}", fairness_cost * 100.0)),
            ],
        ),
        TraceLine::new(
            "trace-drift",
            &[
                ("accuracy", format!("{:.1}", effective_accuracy * 100.0)),
                ("per_day", acc.drift_per_day.to_string()),
                ("days", d.retrain_cadence_days.to_string()),
                ("after", format!("{:.1}", post_drift_accuracy * 100.0)),
            ],
        ),
        TraceLine::new(
            "trace-tiny-sram",
            &[
                ("params", f(d.tiny_params)),
                (
                    "bytes",
                    sc.precision.bytes_per_param.get(d.tiny_quant).to_string(),
                ),
                ("arena", f(tiny.arena_kib)),
                ("footprint", f(tiny.footprint_kib())),
                ("sram", f(tiny_sram_kb)),
            ],
        ),
        TraceLine::new(
            "trace-tiny-latency",
            &[
                ("macs", f(tiny.macs)),
                ("per_cycle", f(sc.tiny().int8_macs_per_cycle.unwrap_or(0.0))),
                ("mhz", f(sc.tiny().clock_mhz.unwrap_or(0.0))),
                ("ms", f(tiny_s * MS)),
            ],
        ),
    ]
}

/// The report the UI, the CLI and the goldens read.
fn report(sc: &Scenario, d: &Design, p: Parts<'_>, trace: Vec<TraceLine>) -> Report {
    let rps = sc.slo.requests_per_sec;
    let banners = p.banners(sc);
    let constraint_hit = banners.iter().any(|b| !b.is_warning());
    let (cl, edge, mobile, tiny) = (&p.cl, &p.edge, &p.mobile, &p.tiny);
    Report {
        model: PhysicsModel::Systems,
        design: *d,
        cloud_model_gb: cl.memory_gb,
        edge_model_gb: edge.model_gb,
        mobile_model_gb: mobile.model_gb,
        tiny_model_kb: tiny.footprint_kib(),
        cloud_ram_gb: d.n_h100 as f64 * sc.cloud().ram_gb,
        edge_ram_gb: sc.edge().ram_gb,
        mobile_ram_gb: sc.mobile().ram_gb,
        tiny_sram_kb: p.tiny_sram_kb,
        cloud_oom: cl.oom,
        edge_oom: edge.oom,
        mobile_oom: mobile.oom,
        tiny_oom: p.tiny_oom,
        cloud_tok_per_sec: cl.capacity_rps * sc.workload.output_tokens,
        edge_tok_per_sec: edge.tok_per_s,
        cloud_p99_ms: cl.ttft_p99_s * MS,
        edge_p99_ms: edge.e2e_s * MS,
        mobile_p99_ms: mobile.e2e_s * MS,
        tiny_p99_ms: tiny.latency_s * MS,
        cost_per_req_usd: p.cost,
        effective_accuracy: p.effective_accuracy,
        post_drift_accuracy: p.post_drift_accuracy,
        slo_latency_ok: p.slo_latency_ok,
        slo_cost_ok: p.slo_cost_ok,
        slo_tput_ok: p.slo_tput_ok,
        system_valid: !constraint_hit,
        constraint_hit,
        banners,
        tier_rps: [
            p.lambda,
            rps * sc.traffic.edge,
            rps * sc.traffic.mobile,
            rps * sc.traffic.tiny,
        ],
        tier_assignments: TierAssignments {
            cloud: d.quant_cloud.to_string(),
            edge: d.quant_edge.to_string(),
            mobile: d.quant_mobile.to_string(),
            tiny: format!("{} ({} params)", d.tiny_quant, fmt_num(d.tiny_params)),
        },
        trace,
        systems: Some(systems_extra(sc, d, &p)),
    }
}

/// The systems model's own figures: the cloud's plan and the parts of each equation.
fn systems_extra(sc: &Scenario, d: &Design, p: &Parts<'_>) -> SystemsExtra {
    let (cl, c, tiny) = (&p.cl, &sc.systems, &p.tiny);
    let e = &p.engine;
    SystemsExtra {
        cloud_plan: cl.clone(),
        cloud_p99_ttft_ms: cl.ttft_p99_s * MS,
        cloud_p99_e2e_ms: cl.e2e_p99_s * MS,
        cloud_capacity_rps: cl.capacity_rps,
        cloud_utilization: cl.utilization,
        cloud_max_batch: cl.max_batch,
        cloud_batch: cl.batch,
        cloud_tp: cl.tp,
        cloud_replicas: cl.replicas,
        cloud_queue_len: cl.queue_len,
        decode_step_ms: cl.step_s * MS,
        prefill_ms: cl.prefill_s * MS,
        kv_cache_gb: cl.kv_gb,
        kv_bytes_per_token: e.kv_bytes_per_token(),
        cloud_weights_gb: cl.replicas.max(1) as f64 * e.weights() / GB,
        cloud_workspace_gb: d.n_h100 as f64 * c.workspace_gb,
        decode_compute_bound: {
            let ctx_avg = sc.workload.prompt_tokens + sc.workload.output_tokens / 2.0;
            let (mem, comp) = e.decode_parts(cl.batch.max(1.0), ctx_avg);
            comp > mem
        },
        device_workspace_gb: [c.edge_workspace_gb, c.mobile_workspace_gb],
        availability: p.availability,
        availability_ok: p.availability_ok(sc),
        fairness_accuracy_cost: p.fairness_cost,
        tiny_params: d.tiny_params,
        tiny_model_kib: tiny.weights_kib,
        tiny_arena_kib: tiny.arena_kib,
        tiny_macs: tiny.macs,
        latency_bound_ms: c.latency_bound_s * MS,
        cloud_queue_bound_per_replica: cl.queue_bound_per_replica,
        goodput_rps: p.served * cl.ok_fraction,
        edge_ttft_ms: p.edge.ttft_s * MS,
        mobile_ttft_ms: p.mobile.ttft_s * MS,
    }
}
