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
use super::scenario::Hardware;
use super::{
    Banner, Design, PhysicsModel, Quant, Report, Scenario, SystemsExtra, TierAssignments,
    TraceLine, fmt_num,
};

pub use super::queueing::{CloudLoad, cloud_load};
pub use super::roofline::{Attention, Bound, Engine, RooflineQuery, RooflineReport, roofline};
pub use super::tails::{binomial_availability, erlang_c};
pub use super::tiny::{TinyMl, tiny_max_params, tiny_ml, tiny_ml_on};

const S_PER_HOUR: f64 = 3600.0;

/// Batch-1 device (edge, mobile): bandwidth-bound decode plus prefill, no queue.
struct Device {
    model_gb: f64,
    oom: bool,
    tok_per_s: f64,
    ttft_s: f64,
    e2e_s: f64,
}

fn device(sc: &Scenario, hw: &Hardware, q: Quant, workspace_gb: f64) -> Device {
    // The same engine as the `roofline` command: batch 1, the KV cache at FP16 (the default of
    // on-device runtimes such as llama.cpp), read at the average context.
    let e = Engine::new(sc, hw, sc.llm(), q, Quant::Fp16);
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let step = e.decode_step_s(1.0, s_tok + t_tok / 2.0);
    let ttft = e.prefill_s(1.0, s_tok.max(1.0));
    let model_gb = e.weights() / GB + workspace_gb;
    Device {
        model_gb,
        oom: model_gb > hw.ram_gb,
        tok_per_s: 1.0 / step,
        ttft_s: ttft,
        e2e_s: ttft + t_tok * step,
    }
}

/// Availability over the servers' states: the GPUs sit in servers of `gpus_per_node`, each up
/// with `node_availability`, and a server's failure takes all of its replicas down. For every
/// set of servers up, `carried(replicas on them)` is the probability that enough of those
/// replicas are up to carry the load.
pub fn node_availability(sc: &Scenario, n_gpus: u32, tp: u32, carried: impl Fn(u32) -> f64) -> f64 {
    let per_node = (sc.systems.gpus_per_node.max(1.0) as u32).max(tp);
    let tp = tp.max(1);
    let nodes: Vec<u32> = (0..n_gpus.div_ceil(per_node))
        .map(|i| (n_gpus - i * per_node).min(per_node) / tp)
        .collect();
    let a = sc.systems.node_availability.clamp(0.0, 1.0);
    let n = nodes.len().min(16);
    (0u32..1 << n)
        .map(|up| {
            let (mut p, mut reps) = (1.0, 0);
            for (i, r) in nodes.iter().take(n).enumerate() {
                if up & (1 << i) != 0 {
                    p *= a;
                    reps += r;
                } else {
                    p *= 1.0 - a;
                }
            }
            if p == 0.0 { 0.0 } else { p * carried(reps) }
        })
        .sum::<f64>()
        .clamp(0.0, 1.0)
}

pub fn evaluate(sc: &Scenario, d: &Design) -> Report {
    let c = &sc.systems;
    let cl = cloud_load(sc, d);
    let edge = device(sc, sc.edge(), d.quant_edge, c.edge_workspace_gb);
    let mobile = device(sc, sc.mobile(), d.quant_mobile, c.mobile_workspace_gb);

    // TinyML: weights plus the activation arena in SRAM; latency counted in cycles.
    let tiny = tiny_ml(sc, d.tiny_params, d.tiny_quant);
    let tiny_model_kib = tiny.weights_kib;
    let tiny_sram_kb = sc.tiny_sram_kb();
    let tiny_oom = tiny.footprint_kib() > tiny_sram_kb - c.tiny_sram_reserved_kb;
    let tiny_s = tiny.latency_s;

    let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
    // Cost per request: the provisioned cluster's price over the requests it serves, at most
    // its capacity. A cloud that serves nothing (out of memory) is priced over the documented
    // floor of requests per hour, so the figure stays finite.
    let served = lambda.min(cl.capacity_rps);
    let goodput = served * cl.ok_fraction;
    let cluster_per_hour = d.n_h100 as f64 * sc.cloud().cost_per_hour_usd;
    // A cloud that serves nothing has no cost per request (JSON null).
    let cost = if cl.oom {
        f64::NAN
    } else {
        cluster_per_hour / (served * S_PER_HOUR).max(sc.course_draft.min_requests_per_hour.max(1.0))
    };

    let per_gpu = sc.cloud().availability;
    let replica_up = per_gpu.powi(cl.tp as i32);
    let per_replica_capacity = if cl.replicas > 0 {
        cl.capacity_rps / cl.replicas as f64
    } else {
        0.0
    };
    let availability = if cl.oom {
        0.0
    } else {
        node_availability(sc, d.n_h100, cl.tp, |reps| {
            binomial_availability(reps, replica_up, per_replica_capacity, lambda)
        })
    };
    let availability_ok = availability >= sc.slo.availability;

    let acc = &sc.accuracy;
    let drop = &sc.precision.accuracy_drop;
    let max_drop = drop
        .get(d.quant_cloud)
        .max(drop.get(d.quant_edge))
        .max(drop.get(d.quant_mobile));
    let fairness_cost = acc.fairness_cost_per_pct
        * (acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0);
    let effective_accuracy = 1.0 - max_drop - fairness_cost;
    let post_drift_accuracy =
        effective_accuracy - acc.drift_per_day * d.retrain_cadence_days as f64;

    let slo_latency_ok = !cl.oom && cl.ttft_p99_s * MS <= sc.slo.p99_ms;
    let slo_tput_ok = !cl.oom && cl.utilization < c.utilization_limit;
    let slo_cost_ok = !cl.oom && cost <= sc.slo.cost_per_req_usd;

    let mut banners = Vec::new();
    for (cond, b) in [
        (cl.oom, Banner::CloudOom),
        (edge.oom, Banner::EdgeOom),
        (mobile.oom, Banner::MobileOom),
        (tiny_oom, Banner::TinySram),
        // A cloud out of memory serves nothing: its own banner says so, and the latency,
        // throughput and cost it does not have are not banners of their own.
        (!cl.oom && !slo_latency_ok, Banner::P99Slo),
        (!cl.oom && !slo_tput_ok, Banner::ThroughputSlo),
        (!cl.oom && !slo_cost_ok, Banner::CostSlo),
        (!availability_ok, Banner::AvailabilitySlo),
        (
            effective_accuracy < acc.accuracy_warning_below,
            Banner::AccuracyWarning,
        ),
        (
            post_drift_accuracy < acc.drift_warning_below,
            Banner::DriftWarning,
        ),
    ] {
        if cond {
            banners.push(b);
        }
    }
    let constraint_hit = banners.iter().any(|b| !b.is_warning());
    let system_valid = !constraint_hit;

    let e = super::queueing::cloud_engine(sc, d).with_tp(cl.tp);
    let f = fmt_num;
    let trace = vec![
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
    ];

    let rps = sc.slo.requests_per_sec;
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
        tiny_sram_kb,
        cloud_oom: cl.oom,
        edge_oom: edge.oom,
        mobile_oom: mobile.oom,
        tiny_oom,
        cloud_tok_per_sec: cl.capacity_rps * sc.workload.output_tokens,
        edge_tok_per_sec: edge.tok_per_s,
        cloud_p99_ms: cl.ttft_p99_s * MS,
        edge_p99_ms: edge.e2e_s * MS,
        mobile_p99_ms: mobile.e2e_s * MS,
        tiny_p99_ms: tiny_s * MS,
        cost_per_req_usd: cost,
        effective_accuracy,
        post_drift_accuracy,
        slo_latency_ok,
        slo_cost_ok,
        slo_tput_ok,
        system_valid,
        constraint_hit,
        banners,
        tier_rps: [
            lambda,
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
        systems: Some(SystemsExtra {
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
            availability,
            availability_ok,
            fairness_accuracy_cost: fairness_cost,
            tiny_params: d.tiny_params,
            tiny_model_kib,
            tiny_arena_kib: tiny.arena_kib,
            tiny_macs: tiny.macs,
            latency_bound_ms: c.latency_bound_s * MS,
            cloud_queue_bound_per_replica: cl.queue_bound_per_replica,
            goodput_rps: goodput,
            edge_ttft_ms: edge.ttft_s * MS,
            mobile_ttft_ms: mobile.ttft_s * MS,
        }),
    }
}
