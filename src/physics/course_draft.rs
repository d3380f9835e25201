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
    let bpp = &sc.precision.bytes_per_param;
    let llm_params = sc.llm().params;
    let (h100, orin, phone) = (sc.cloud(), sc.edge(), sc.mobile());
    let n = d.n_h100 as f64;
    let (qc, qe, qm) = (d.quant_cloud, d.quant_edge, d.quant_mobile);

    // Memory footprints: weights plus a 2 GB KV cache that (quirk) scales with weight precision.
    let cloud_model_gb = llm_params * bpp.get(qc) / GB + cd.kv_cache_gb_fp16 * cd.kv_scale.get(qc);
    let edge_model_gb = llm_params * bpp.get(qe) / GB + cd.kv_cache_gb_fp16 * cd.kv_scale.get(qe);
    let mobile_model_gb = llm_params * bpp.get(qm) / GB + cd.kv_cache_gb_fp16 * cd.kv_scale.get(qm);
    // The seed's "KB" conversion: params x bytes x 1024 / 1e6.
    let tiny_model_kb = cd.tiny_params * bpp.get(cd.tiny_quant) * 1024.0 / 1e6;
    let tiny_sram_kb = sc.tiny_sram_kb();

    let cloud_ram_gb = n * h100.ram_gb;
    let cloud_oom = cloud_model_gb > cloud_ram_gb;
    let edge_oom = edge_model_gb > orin.ram_gb;
    let mobile_oom = mobile_model_gb > phone.ram_gb;
    let tiny_oom = tiny_model_kb > tiny_sram_kb;

    // Iron Law, bandwidth-bound decode at batch 1, scaled linearly with GPU count.
    let cloud_tok_per_sec = (h100.mem_bw_gbs * GB / (llm_params * bpp.get(qc))) * n;
    let edge_tok_per_sec = orin.mem_bw_gbs * GB / (llm_params * bpp.get(qe));
    let out = sc.workload.output_tokens;
    let serving_mult = cd.throughput_mult.get(d.serving);
    let cloud_p99_ms = (out / (cloud_tok_per_sec * serving_mult)) * MS_PER_S;
    let edge_p99_ms = (out / (edge_tok_per_sec * cd.edge_serving_mult)) * MS_PER_S;
    let mobile_tok = ((phone.ram_gb / mobile_model_gb) * cd.mobile_tok_per_sec_per_ram_ratio)
        .max(cd.mobile_min_tok_per_sec);
    let mobile_p99_ms = (out / mobile_tok) * MS_PER_S;

    let rps = sc.slo.requests_per_sec;
    let cloud_rps = rps * sc.traffic.cloud;
    let edge_rps = rps * sc.traffic.edge;
    let mobile_rps = rps * sc.traffic.mobile;
    let tiny_rps = rps * sc.traffic.tiny;
    // Quirk: tokens/s compared with requests/s x tokens — unreachable.
    let cloud_can_handle = cloud_tok_per_sec * serving_mult >= cloud_rps * out;

    // Quirk: cost divides by demand, not capacity — it can never fail.
    let req_per_hr = cloud_rps * S_PER_HOUR;
    let cost_per_req_usd = (n * h100.cost_per_hour_usd) / req_per_hr.max(cd.min_requests_per_hour);

    let drop = &sc.precision.accuracy_drop;
    let max_acc_degradation = drop.get(qc).max(drop.get(qe)).max(drop.get(qm));
    let effective_accuracy = 1.0 - max_acc_degradation;
    let drift_loss = sc.accuracy.drift_per_day * d.retrain_cadence_days as f64;
    let post_drift_accuracy = effective_accuracy - drift_loss;

    let slo_latency_ok = cloud_p99_ms <= sc.slo.p99_ms;
    let slo_cost_ok = cost_per_req_usd <= sc.slo.cost_per_req_usd;
    let slo_tput_ok = cloud_can_handle;
    let system_valid = !cloud_oom
        && !edge_oom
        && !mobile_oom
        && !tiny_oom
        && slo_latency_ok
        && slo_cost_ok
        && slo_tput_ok;
    // Quirk: the throughput failure is not a "constraint hit" in the seed.
    let constraint_hit =
        cloud_oom || edge_oom || mobile_oom || tiny_oom || !slo_latency_ok || !slo_cost_ok;

    let mut banners = Vec::new();
    for (cond, b) in [
        (cloud_oom, Banner::CloudOom),
        (edge_oom, Banner::EdgeOom),
        (mobile_oom, Banner::MobileOom),
        (tiny_oom, Banner::TinySram),
        (!slo_latency_ok, Banner::P99Slo),
        (!slo_cost_ok, Banner::CostSlo),
        (
            effective_accuracy < sc.accuracy.accuracy_warning_below,
            Banner::AccuracyWarning,
        ),
        (
            post_drift_accuracy < sc.accuracy.drift_warning_below,
            Banner::DriftWarning,
        ),
    ] {
        if cond {
            banners.push(b);
        }
    }

    let trace = vec![
        TraceLine::new(
            "trace-course-iron-law",
            &[
                ("tokens", fmt_num(out)),
                ("tok_s", fmt_num(cloud_tok_per_sec * serving_mult)),
                ("p99", fmt_num(cloud_p99_ms)),
            ],
        ),
        TraceLine::new(
            "trace-course-memory",
            &[
                ("billions", fmt_num(llm_params / GB)),
                ("bytes", fmt_num(bpp.get(qc))),
                ("gb", fmt_num(cloud_model_gb)),
            ],
        ),
        TraceLine::new(
            "trace-course-cost",
            &[
                ("gpus", d.n_h100.to_string()),
                ("price", fmt_num(h100.cost_per_hour_usd)),
                ("per_hour", fmt_num(req_per_hr)),
                ("cost", format!("{cost_per_req_usd:.6}")),
            ],
        ),
    ];

    Report {
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
        system_valid,
        constraint_hit,
        banners,
        tier_rps: [cloud_rps, edge_rps, mobile_rps, tiny_rps],
        tier_assignments: TierAssignments {
            cloud: qc.to_string(),
            edge: qe.to_string(),
            mobile: qm.to_string(),
            tiny: format!("{} (sub-model)", cd.tiny_quant),
        },
        trace,
        systems: None,
    }
}
