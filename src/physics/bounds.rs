//! What makes an accepted scenario safe to play: every constant that sizes a loop or a number
//! below a ceiling, and every design on the control grid answered with finite numbers. A
//! scenario that passes [`super::scenario::Scenario::load`] can be played from end to end.
//!
//! The ceilings are teaching fixtures, set far above any real part (an H100 has 80 GB and
//! 3.35 TB/s; the largest published dense models have under 10^13 parameters) and far below
//! what breaks the arithmetic.

use super::scenario::{Scenario, ScenarioError};
use super::{Design, N_H100_RANGE, PhysicsModel, Quant, Serving};

impl Scenario {
    /// Each field a ceiling guards, with its value and the ceiling.
    fn ceilings(&self) -> Vec<(String, f64, f64)> {
        let mut v = self.part_ceilings();
        v.extend(self.model_ceilings());
        v
    }

    /// Ceilings of the hardware, the TinyML workload and the LLMs.
    fn part_ceilings(&self) -> Vec<(String, f64, f64)> {
        let mut v: Vec<(String, f64, f64)> = Vec::new();
        for (name, h) in &self.hardware {
            let f = |x: &str| format!("hardware.{name}.{x}");
            v.push((f("mem_bw_gbs"), h.mem_bw_gbs, 1e6));
            v.push((f("tflops_fp16_dense"), h.tflops_fp16_dense, 1e6));
            v.push((f("ram_gb"), h.ram_gb, 1e5));
            v.push((f("sram_kb"), h.sram_kb.unwrap_or(0.0), 1e7));
            v.push((f("cost_per_hour_usd"), h.cost_per_hour_usd, 1e6));
            v.push((f("interconnect_gbs"), h.interconnect_gbs, 1e6));
            v.push((f("clock_mhz"), h.clock_mhz.unwrap_or(0.0), 1e5));
            v.push((
                f("int8_macs_per_cycle"),
                h.int8_macs_per_cycle.unwrap_or(0.0),
                1e4,
            ));
            if let Some(rt) = &h.runtime {
                v.push((f("runtime.int4_group_size"), rt.int4_group_size, 1e6));
            }
        }
        let tw = &self.tiny_workload;
        v.push(("tiny_workload.params".into(), tw.params, 1e10));
        v.push(("tiny_workload.macs".into(), tw.macs, 1e13));
        v.push(("tiny_workload.arena_kib".into(), tw.arena_kib, 1e7));
        for (name, m) in &self.models {
            let f = |x: &str| format!("models.{name}.{x}");
            v.push((f("params"), m.params, 1e13));
            v.push((f("layers"), m.layers, 1e4));
            v.push((f("hidden"), m.hidden, 1e6));
            v.push((f("heads"), m.heads, 1e4));
            v.push((f("kv_heads"), m.kv_heads, 1e4));
            v.push((f("head_dim"), m.head_dim, 1e5));
        }
        v
    }

    /// Ceilings of the precision tables, workload, SLOs and both models' constants.
    fn model_ceilings(&self) -> Vec<(String, f64, f64)> {
        let mut v: Vec<(String, f64, f64)> = Vec::new();
        for q in Quant::ALL {
            let k = q.as_str();
            let p = &self.precision;
            v.push((
                format!("precision.bytes_per_param.{k}"),
                p.bytes_per_param.get(q),
                8.0,
            ));
            v.push((
                format!("precision.compute_speedup.{k}"),
                p.compute_speedup.get(q),
                100.0,
            ));
        }
        let w = &self.workload;
        v.push(("workload.prompt_tokens".into(), w.prompt_tokens, 1e6));
        v.push(("workload.output_tokens".into(), w.output_tokens, 1e6));
        let slo = &self.slo;
        v.push(("slo.p99_ms".into(), slo.p99_ms, 1e7));
        v.push(("slo.cost_per_req_usd".into(), slo.cost_per_req_usd, 1e6));
        v.push(("slo.requests_per_sec".into(), slo.requests_per_sec, 1e5));
        v.extend(self.systems_ceilings());
        v.extend(self.course_draft_ceilings());
        v
    }

    /// Ceilings of the systems model's constants.
    fn systems_ceilings(&self) -> Vec<(String, f64, f64)> {
        let mut v: Vec<(String, f64, f64)> = Vec::new();
        let s = &self.systems;
        for (x, val, max) in [
            ("max_batch_cap", s.max_batch_cap, 4096.0),
            ("static_batch", s.static_batch, 4096.0),
            ("queue_bound", s.queue_bound, 1e6),
            ("gpus_per_node", s.gpus_per_node, 64.0),
            ("static_padding_factor", s.static_padding_factor, 100.0),
            ("overload_window_s", s.overload_window_s, 86_400.0),
            ("max_queue_wait_s", s.max_queue_wait_s, 86_400.0),
            ("latency_bound_s", s.latency_bound_s, 1e7),
            ("step_overhead_ms", s.step_overhead_ms, 1e4),
            ("per_sequence_overhead_ms", s.per_sequence_overhead_ms, 1e4),
            ("workspace_gb", s.workspace_gb, 1e5),
            (
                "allreduce_step_latency_us",
                s.allreduce_step_latency_us,
                1e7,
            ),
            (
                "prefill_layer_overhead_ms",
                s.prefill_layer_overhead_ms,
                1e4,
            ),
            ("dynamic_window_ms", s.dynamic_window_ms, 1e5),
            ("edge_workspace_gb", s.edge_workspace_gb, 1e5),
            ("mobile_workspace_gb", s.mobile_workspace_gb, 1e5),
            ("tiny_sram_reserved_kb", s.tiny_sram_reserved_kb, 1e7),
            ("tiny_params_max", s.tiny_params_max, 1e10),
        ] {
            v.push((format!("systems.{x}"), val, max));
        }
        v
    }

    /// Ceilings of the course draft model's constants.
    fn course_draft_ceilings(&self) -> Vec<(String, f64, f64)> {
        let mut v: Vec<(String, f64, f64)> = Vec::new();
        let cd = &self.course_draft;
        for (x, val, max) in [
            ("kv_cache_gb_fp16", cd.kv_cache_gb_fp16, 1e5),
            ("edge_serving_mult", cd.edge_serving_mult, 1e6),
            (
                "mobile_tok_per_sec_per_ram_ratio",
                cd.mobile_tok_per_sec_per_ram_ratio,
                1e6,
            ),
            ("mobile_min_tok_per_sec", cd.mobile_min_tok_per_sec, 1e6),
            ("tiny_params", cd.tiny_params, 1e10),
            ("tiny_map_latency_ms", cd.tiny_map_latency_ms, 1e7),
            ("min_requests_per_hour", cd.min_requests_per_hour, 1e12),
        ] {
            v.push((format!("course_draft.{x}"), val, max));
        }
        for q in Quant::ALL {
            v.push((
                format!("course_draft.kv_scale.{}", q.as_str()),
                cd.kv_scale.get(q),
                1e3,
            ));
        }
        for sv in Serving::ALL {
            let m = cd.throughput_mult.get(sv);
            v.push((
                format!("course_draft.throughput_mult.{}", sv.as_str()),
                m,
                1e6,
            ));
        }
        v
    }

    /// Every guarded field under its ceiling; the error names the first that is not.
    pub(super) fn check_ceilings(&self) -> Result<(), ScenarioError> {
        for (path, v, max) in self.ceilings() {
            if v > max {
                return Err(ScenarioError(format!(
                    "scenario field `{path}`: must be at most {max}, got {v}"
                )));
            }
        }
        Ok(())
    }

    /// Every design on the control grid (cloud GPUs, weight and KV precision, serving, and
    /// the TinyML size at both ends), under both models, answered with finite numbers. The
    /// error names the first design that is not, and the field.
    pub fn check_grid(&self) -> Result<(), ScenarioError> {
        let tiny = [self.systems.tiny_params_min, self.systems.tiny_params_max];
        for model in [PhysicsModel::Systems, PhysicsModel::CourseDraft] {
            for n_h100 in N_H100_RANGE {
                for quant_cloud in Quant::CLOUD_EDGE {
                    for kv_quant in Quant::KV {
                        for serving in Serving::ALL {
                            for tiny_params in tiny {
                                let d = Design {
                                    n_h100,
                                    quant_cloud,
                                    kv_quant,
                                    serving,
                                    tiny_params,
                                    ..Design::default()
                                };
                                if d.validate(self).is_err() {
                                    continue;
                                }
                                let r = super::evaluate(self, &d, model);
                                let v = serde_json::to_value(&r).map_err(|e| {
                                    ScenarioError(format!("a report cannot be written: {e}"))
                                })?;
                                let design = || {
                                    format!(
                                        "the design {} GPUs, {quant_cloud} weights, {kv_quant} KV cache, {} serving, TinyML {tiny_params} parameters, under the {} model",
                                        n_h100,
                                        serving.as_str(),
                                        model.as_str()
                                    )
                                };
                                // A cloud out of memory serves nothing: its latencies and cost
                                // per request are undefined (null), and only those.
                                let undefined: &[&str] = if r.cloud_oom && r.systems.is_some() {
                                    &NO_SERVICE_FIELDS
                                } else {
                                    &[]
                                };
                                if let Some(field) = first_null(&v, "", undefined) {
                                    return Err(ScenarioError(format!(
                                        "this scenario gives no finite `{field}` for {}; a constant is out of range",
                                        design()
                                    )));
                                }
                                if let Some((field, ms)) = over_bound(&r) {
                                    return Err(ScenarioError(format!(
                                        "this scenario gives `{field}` = {:.0} s for {}, over its latency bound of {:.0} s (`systems.latency_bound_s`); a constant is out of range",
                                        ms / 1e3,
                                        design(),
                                        self.systems.latency_bound_s
                                    )));
                                }
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// The report fields a cloud that serves nothing leaves undefined.
pub const NO_SERVICE_FIELDS: [&str; 4] = [
    "cloud_p99_ms",
    "cost_per_req_usd",
    "cloud_p99_ttft_ms",
    "cloud_p99_e2e_ms",
];

/// The first latency of a `systems` report over its bound: the cloud's when it serves, each
/// device's when its model fits.
pub fn over_bound(r: &super::Report) -> Option<(&'static str, f64)> {
    let s = r.systems.as_ref()?;
    let mut latencies = vec![
        ("edge_p99_ms", r.edge_p99_ms, r.edge_oom),
        ("mobile_p99_ms", r.mobile_p99_ms, r.mobile_oom),
        ("tiny_p99_ms", r.tiny_p99_ms, r.tiny_oom),
    ];
    latencies.extend([
        ("cloud_p99_ms", r.cloud_p99_ms, r.cloud_oom),
        ("cloud_p99_e2e_ms", s.cloud_p99_e2e_ms, r.cloud_oom),
    ]);
    latencies
        .into_iter()
        .find(|&(_, ms, oom)| !oom && ms > s.latency_bound_ms)
        .map(|(f, ms, _)| (f, ms))
}

/// The path of the first null (a number that was not finite) in a report, `allowed` aside.
fn first_null(v: &serde_json::Value, path: &str, allowed: &[&str]) -> Option<String> {
    match v {
        serde_json::Value::Null => {
            let p = path.trim_start_matches('.');
            (!allowed.contains(&p)).then(|| p.to_string())
        }
        serde_json::Value::Object(m) => m
            .iter()
            .find_map(|(k, x)| first_null(x, &format!("{path}.{k}"), allowed)),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| first_null(x, &format!("{path}[{i}]"), allowed)),
        _ => None,
    }
}
