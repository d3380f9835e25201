//! `course-draft`: the seed lab's physics (cell 17) and banner list (cell 19), exactly.
//!
//! Every quirk is kept on purpose, because instructors compare these numbers with the course
//! materials: the KV cache shrinks with weight precision, the TinyML sub-model is fixed at
//! 10M ternary parameters (so it always overflows), the throughput check compares tokens per
//! second with requests times tokens (so it never passes), the cost is computed from demand
//! rather than capacity (so it never fails), and "P99" is a batch-1 response time with no
//! queue. The `systems` model fixes these; see `docs/physics.md`.
//!
//! The arithmetic below follows the seed's expression order so results match to the last bit.

use super::{Banner, Design, PhysicsModel, Report, Scenario, TierAssignments, TraceLine, fmt_num};

const GB: f64 = 1e9;
const MS_PER_S: f64 = 1000.0;
const S_PER_HOUR: f64 = 3600.0;
pub fn evaluate(sc: &Scenario, d: &Design) -> Report {
    let cd = &sc.course_draft;
    let (h100, orin, phone) = (sc.cloud(), sc.edge(), sc.mobile());
    let [
        cloud_model_gb,
        edge_model_gb,
        mobile_model_gb,
        tiny_model_kb,
    ] = footprints(sc, d);
    let tiny_sram_kb = sc.tiny_sram_kb();

    let cloud_ram_gb = d.n_h100 as f64 * h100.ram_gb;
    let cloud_oom = cloud_model_gb > cloud_ram_gb;
    let edge_oom = edge_model_gb > orin.ram_gb;
    let mobile_oom = mobile_model_gb > phone.ram_gb;
    let tiny_oom = tiny_model_kb > tiny_sram_kb;

    let Speeds {
        cloud_tok_per_sec,
        edge_tok_per_sec,
        p99_ms: [cloud_p99_ms, edge_p99_ms, mobile_p99_ms],
    } = speeds(sc, d, mobile_model_gb);
    let rps = sc.slo.requests_per_sec;
    let cloud_rps = rps * sc.traffic.cloud;
    // Quirk: tokens/s compared with requests/s x tokens — unreachable.
    let slo_tput_ok = cloud_tok_per_sec * cd.throughput_mult.get(d.serving)
        >= cloud_rps * sc.workload.output_tokens;
    let cost_per_req_usd = cost_per_req(sc, d);
    let (effective_accuracy, post_drift_accuracy) = accuracy(sc, d);

    let slo_latency_ok = cloud_p99_ms <= sc.slo.p99_ms;
    let slo_cost_ok = cost_per_req_usd <= sc.slo.cost_per_req_usd;
    let fits = !cloud_oom && !edge_oom && !mobile_oom && !tiny_oom;
    let mut r = Report {
        model: PhysicsModel::CourseDraft,
        design: *d,
        cloud_model_gb,
        edge_model_gb,
        mobile_model_gb,
        tiny_model_kb,
        cloud_ram_gb,
        edge_ram_gb: orin.ram_gb,
        mobile_ram_gb: phone.ram_gb,
        tiny_sram_kb,
        cloud_oom,
        edge_oom,
        mobile_oom,
        tiny_oom,
        cloud_tok_per_sec,
        edge_tok_per_sec,
        cloud_p99_ms,
        edge_p99_ms,
        mobile_p99_ms,
        tiny_p99_ms: cd.tiny_map_latency_ms,
        cost_per_req_usd,
        effective_accuracy,
        post_drift_accuracy,
        slo_latency_ok,
        slo_cost_ok,
        slo_tput_ok,
        system_valid: fits && slo_latency_ok && slo_cost_ok && slo_tput_ok,
        // Quirk: the throughput failure is not a "constraint hit" in the seed.
        constraint_hit: !fits || !slo_latency_ok || !slo_cost_ok,
        banners: Vec::new(),
        tier_rps: [
            cloud_rps,
            rps * sc.traffic.edge,
            rps * sc.traffic.mobile,
            rps * sc.traffic.tiny,
        ],
        tier_assignments: assignments(sc, d),
        trace: Vec::new(),
        systems: None,
    };
    r.banners = banners(sc, &r);
    r.trace = trace(sc, d, &r);
    r
}

/// The precision each tier runs, as the seed saves it.
fn assignments(sc: &Scenario, d: &Design) -> TierAssignments {
    TierAssignments {
        cloud: d.quant_cloud.to_string(),
        edge: d.quant_edge.to_string(),
        mobile: d.quant_mobile.to_string(),
        tiny: format!("{} (sub-model)", sc.course_draft.tiny_quant),
    }
}

/// Memory footprints (cloud, edge, mobile in GB; TinyML in the seed's "KB"): weights plus a
/// 2 GB KV cache that (quirk) scales with weight precision.
fn footprints(sc: &Scenario, d: &Design) -> [f64; 4] {
    let (cd, bpp, params) = (
        &sc.course_draft,
        &sc.precision.bytes_per_param,
        sc.llm().params,
    );
    let gb = |q| params * bpp.get(q) / GB + cd.kv_cache_gb_fp16 * cd.kv_scale.get(q);
    [
        gb(d.quant_cloud),
        gb(d.quant_edge),
        gb(d.quant_mobile),
        // The seed's "KB" conversion: params x bytes x 1024 / 1e6.
        cd.tiny_params * bpp.get(cd.tiny_quant) * 1024.0 / 1e6,
    ]
}

struct Speeds {
    cloud_tok_per_sec: f64,
    edge_tok_per_sec: f64,
    /// Cloud, edge, mobile.
    p99_ms: [f64; 3],
}

/// Iron Law, bandwidth-bound decode at batch 1, scaled linearly with GPU count.
fn speeds(sc: &Scenario, d: &Design, mobile_model_gb: f64) -> Speeds {
    let (cd, bpp, params) = (
        &sc.course_draft,
        &sc.precision.bytes_per_param,
        sc.llm().params,
    );
    let (h100, orin, phone) = (sc.cloud(), sc.edge(), sc.mobile());
    let cloud_tok_per_sec =
        (h100.mem_bw_gbs * GB / (params * bpp.get(d.quant_cloud))) * d.n_h100 as f64;
    let edge_tok_per_sec = orin.mem_bw_gbs * GB / (params * bpp.get(d.quant_edge));
    let out = sc.workload.output_tokens;
    let serving_mult = cd.throughput_mult.get(d.serving);
    let mobile_tok = ((phone.ram_gb / mobile_model_gb) * cd.mobile_tok_per_sec_per_ram_ratio)
        .max(cd.mobile_min_tok_per_sec);
    Speeds {
        cloud_tok_per_sec,
        edge_tok_per_sec,
        p99_ms: [
            (out / (cloud_tok_per_sec * serving_mult)) * MS_PER_S,
            (out / (edge_tok_per_sec * cd.edge_serving_mult)) * MS_PER_S,
            (out / mobile_tok) * MS_PER_S,
        ],
    }
}

/// Quirk: cost divides by demand, not capacity — it can never fail.
fn cost_per_req(sc: &Scenario, d: &Design) -> f64 {
    (d.n_h100 as f64 * sc.cloud().cost_per_hour_usd)
        / requests_per_hour(sc).max(sc.course_draft.min_requests_per_hour)
}

fn requests_per_hour(sc: &Scenario) -> f64 {
    sc.slo.requests_per_sec * sc.traffic.cloud * S_PER_HOUR
}

/// Accuracy after quantization, and after drift.
fn accuracy(sc: &Scenario, d: &Design) -> (f64, f64) {
    let drop = &sc.precision.accuracy_drop;
    let max_acc_degradation = drop
        .get(d.quant_cloud)
        .max(drop.get(d.quant_edge))
        .max(drop.get(d.quant_mobile));
    let effective_accuracy = 1.0 - max_acc_degradation;
    let drift_loss = sc.accuracy.drift_per_day * d.retrain_cadence_days as f64;
    (effective_accuracy, effective_accuracy - drift_loss)
}

fn banners(sc: &Scenario, r: &Report) -> Vec<Banner> {
    [
        (r.cloud_oom, Banner::CloudOom),
        (r.edge_oom, Banner::EdgeOom),
        (r.mobile_oom, Banner::MobileOom),
        (r.tiny_oom, Banner::TinySram),
        (!r.slo_latency_ok, Banner::P99Slo),
        (!r.slo_cost_ok, Banner::CostSlo),
        (
            r.effective_accuracy < sc.accuracy.accuracy_warning_below,
            Banner::AccuracyWarning,
        ),
        (
            r.post_drift_accuracy < sc.accuracy.drift_warning_below,
            Banner::DriftWarning,
        ),
    ]
    .into_iter()
    .filter_map(|(cond, b)| cond.then_some(b))
    .collect()
}

fn trace(sc: &Scenario, d: &Design, r: &Report) -> Vec<TraceLine> {
    let out = sc.workload.output_tokens;
    let serving_mult = sc.course_draft.throughput_mult.get(d.serving);
    vec![
        TraceLine::new(
            "trace-course-iron-law",
            &[
                ("tokens", fmt_num(out)),
                ("tok_s", fmt_num(r.cloud_tok_per_sec * serving_mult)),
                ("p99", fmt_num(r.cloud_p99_ms)),
            ],
        ),
        TraceLine::new(
            "trace-course-memory",
            &[
                ("billions", fmt_num(sc.llm().params / GB)),
                (
                    "bytes",
                    fmt_num(sc.precision.bytes_per_param.get(d.quant_cloud)),
                ),
                ("gb", fmt_num(r.cloud_model_gb)),
            ],
        ),
        TraceLine::new(
            "trace-course-cost",
            &[
                ("gpus", d.n_h100.to_string()),
                ("price", fmt_num(sc.cloud().cost_per_hour_usd)),
                ("per_hour", fmt_num(requests_per_hour(sc))),
                ("cost", format!("{:.6}", r.cost_per_req_usd)),
            ],
        ),
    ]
}
