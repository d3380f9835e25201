//! Scenario validation: every constant within its range, every name known, and the default
//! design inside the ranges the scenario allows. Errors name the field.

use super::scenario::{Hardware, LlmShape, Scenario, ScenarioError};
use super::{Quant, Serving};

impl Scenario {
    pub(super) fn validate(&self) -> Result<(), ScenarioError> {
        let d = &self.deployment;
        for (field, name) in [
            ("deployment.cloud_hardware", &d.cloud_hardware),
            ("deployment.edge_hardware", &d.edge_hardware),
            ("deployment.mobile_hardware", &d.mobile_hardware),
            ("deployment.tiny_hardware", &d.tiny_hardware),
        ] {
            self.hardware_named(name)
                .map_err(|e| ScenarioError(format!("scenario field `{field}`: {}", e.0)))?;
        }
        self.llm_named(&d.llm)
            .map_err(|e| ScenarioError(format!("scenario field `deployment.llm`: {}", e.0)))?;
        let mut c = Checks::default();
        self.check_hardware(&mut c);
        self.check_tiny_and_reading(&mut c);
        self.check_models(&mut c);
        self.check_precision_and_slo(&mut c);
        self.check_accuracy(&mut c);
        self.check_course_draft(&mut c);
        self.check_systems(&mut c);
        if let Some(e) = c.first {
            return Err(e);
        }
        self.check_translations()?;
        self.check_ceilings()?;
        // Every control starts somewhere the scenario allows.
        super::Design::default()
            .validate(self)
            .map_err(|e| ScenarioError(format!("the default design does not fit: {e}")))
    }

    pub fn hardware_named(&self, name: &str) -> Result<&Hardware, ScenarioError> {
        self.hardware.get(name).ok_or_else(|| {
            ScenarioError(format!(
                "unknown hardware `{name}`; known: {}",
                self.hardware.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })
    }

    pub fn llm_named(&self, name: &str) -> Result<&LlmShape, ScenarioError> {
        self.models.get(name).ok_or_else(|| {
            ScenarioError(format!(
                "unknown model `{name}`; known: {}",
                self.models.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })
    }

    /// Every hardware part's figures.
    fn check_hardware(&self, c: &mut Checks) {
        for (name, h) in &self.hardware {
            let f = |x: &str| format!("hardware.{name}.{x}");
            c.positive(f("mem_bw_gbs"), h.mem_bw_gbs);
            c.positive(f("tflops_fp16_dense"), h.tflops_fp16_dense);
            c.positive(f("ram_gb"), h.ram_gb);
            if let Some(kb) = h.sram_kb {
                c.positive(f("sram_kb"), kb);
            }
            c.at_least(f("cost_per_hour_usd"), h.cost_per_hour_usd, 0.0);
            c.at_least(f("interconnect_gbs"), h.interconnect_gbs, 0.0);
            c.fraction(f("availability"), h.availability, false, true);
            if let Some(mhz) = h.clock_mhz {
                c.positive(f("clock_mhz"), mhz);
            }
            if let Some(m) = h.int8_macs_per_cycle {
                c.positive(f("int8_macs_per_cycle"), m);
            }
            if let Some(rt) = &h.runtime {
                c.fraction(f("runtime.mem_efficiency"), rt.mem_efficiency, false, true);
                c.fraction(
                    f("runtime.prefill_efficiency"),
                    rt.prefill_efficiency,
                    false,
                    true,
                );
                c.at_least(f("runtime.int4_group_size"), rt.int4_group_size, 1.0);
            }
        }
    }

    /// The TinyML part's clock and workload, and the reading list.
    fn check_tiny_and_reading(&self, c: &mut Checks) {
        // The TinyML tier's latency counts cycles: its part needs a clock and a MAC rate.
        let tiny = &self.deployment.tiny_hardware;
        let th = &self.hardware[tiny];
        if th.clock_mhz.is_none() {
            c.fail(
                format!("hardware.{tiny}.clock_mhz"),
                "missing: the TinyML tier's part needs its clock (MHz)".into(),
            );
        }
        if th.int8_macs_per_cycle.is_none() {
            c.fail(
                format!("hardware.{tiny}.int8_macs_per_cycle"),
                "missing: the TinyML tier's part needs its measured INT8 MACs per cycle".into(),
            );
        }
        let tw = &self.tiny_workload;
        c.positive("tiny_workload.params".into(), tw.params);
        c.positive("tiny_workload.macs".into(), tw.macs);
        c.at_least("tiny_workload.arena_kib".into(), tw.arena_kib, 0.0);
        for (i, r) in self.reading.iter().enumerate() {
            // A link a student follows opens a web page and nothing else.
            if !r.url.starts_with("https://") || r.url.chars().any(char::is_whitespace) {
                c.fail(
                    format!("reading[{i}].url"),
                    format!("`{}` is not an https:// address", r.url),
                );
            }
            if r.title.trim().is_empty() {
                c.fail(format!("reading[{i}].title"), "empty".into());
            }
        }
    }

    /// Every model's shape.
    fn check_models(&self, c: &mut Checks) {
        for (name, m) in &self.models {
            for (x, v) in [
                ("params", m.params),
                ("layers", m.layers),
                ("hidden", m.hidden),
                ("heads", m.heads),
                ("kv_heads", m.kv_heads),
                ("head_dim", m.head_dim),
            ] {
                c.positive(format!("models.{name}.{x}"), v);
            }
            c.at_most(format!("models.{name}.kv_heads"), m.kv_heads, m.heads);
            c.at_least(
                format!("models.{name}.embedding_params"),
                m.embedding_params,
                0.0,
            );
            c.at_most(
                format!("models.{name}.embedding_params"),
                m.embedding_params,
                m.params,
            );
            c.at_least(format!("models.{name}.head_params"), m.head_params, 0.0);
            c.at_most(
                format!("models.{name}.head_params"),
                m.head_params,
                m.embedding_params,
            );
        }
    }

    /// Precision tables, workload, SLOs and traffic shares.
    fn check_precision_and_slo(&self, c: &mut Checks) {
        let pr = &self.precision;
        for q in Quant::ALL {
            let k = q.as_str();
            c.positive(
                format!("precision.bytes_per_param.{k}"),
                pr.bytes_per_param.get(q),
            );
            c.positive(
                format!("precision.compute_speedup.{k}"),
                pr.compute_speedup.get(q),
            );
            c.fraction(
                format!("precision.accuracy_drop.{k}"),
                pr.accuracy_drop.get(q),
                true,
                false,
            );
        }
        c.positive("workload.prompt_tokens".into(), self.workload.prompt_tokens);
        c.positive("workload.output_tokens".into(), self.workload.output_tokens);
        let slo = &self.slo;
        c.positive("slo.p99_ms".into(), slo.p99_ms);
        c.positive("slo.cost_per_req_usd".into(), slo.cost_per_req_usd);
        c.positive("slo.requests_per_sec".into(), slo.requests_per_sec);
        c.fraction("slo.availability".into(), slo.availability, false, false);
        let t = &self.traffic;
        for (x, v) in [
            ("cloud", t.cloud),
            ("edge", t.edge),
            ("mobile", t.mobile),
            ("tiny", t.tiny),
        ] {
            c.fraction(format!("traffic.{x}"), v, true, true);
        }
        let share = t.cloud + t.edge + t.mobile + t.tiny;
        if (share - 1.0).abs() > 1e-6 {
            c.fail(
                "traffic".into(),
                format!("shares must sum to 1, got {share}"),
            );
        }
    }

    /// Accuracy, fairness and drift.
    fn check_accuracy(&self, c: &mut Checks) {
        let a = &self.accuracy;
        c.fraction("accuracy.drift_per_day".into(), a.drift_per_day, true, true);
        for (x, v) in [
            ("accuracy_warning_below", a.accuracy_warning_below),
            ("drift_warning_below", a.drift_warning_below),
            ("accuracy_tile_target", a.accuracy_tile_target),
        ] {
            c.fraction(format!("accuracy.{x}"), v, true, true);
        }
        c.at_least(
            "accuracy.base_rate_gap_pct".into(),
            a.base_rate_gap_pct,
            0.0,
        );
        c.at_least(
            "accuracy.fairness_cost_per_pct".into(),
            a.fairness_cost_per_pct,
            0.0,
        );
    }

    /// The course draft model's constants.
    fn check_course_draft(&self, c: &mut Checks) {
        let cd = &self.course_draft;
        c.positive("course_draft.kv_cache_gb_fp16".into(), cd.kv_cache_gb_fp16);
        for q in Quant::ALL {
            c.positive(
                format!("course_draft.kv_scale.{}", q.as_str()),
                cd.kv_scale.get(q),
            );
        }
        for sv in Serving::ALL {
            c.positive(
                format!("course_draft.throughput_mult.{}", sv.as_str()),
                cd.throughput_mult.get(sv),
            );
        }
        c.positive(
            "course_draft.edge_serving_mult".into(),
            cd.edge_serving_mult,
        );
        c.positive(
            "course_draft.mobile_tok_per_sec_per_ram_ratio".into(),
            cd.mobile_tok_per_sec_per_ram_ratio,
        );
        c.at_least(
            "course_draft.mobile_min_tok_per_sec".into(),
            cd.mobile_min_tok_per_sec,
            0.0,
        );
        c.positive("course_draft.tiny_params".into(), cd.tiny_params);
        c.at_least(
            "course_draft.tiny_map_latency_ms".into(),
            cd.tiny_map_latency_ms,
            0.0,
        );
        c.positive(
            "course_draft.min_requests_per_hour".into(),
            cd.min_requests_per_hour,
        );
        if !ACT2_ANSWER_KEYS.contains(&cd.act2_correct_answer.as_str()) {
            c.fail(
                "course_draft.act2_correct_answer".into(),
                format!(
                    "`{}` is not an answer; use one of {}",
                    cd.act2_correct_answer,
                    ACT2_ANSWER_KEYS.join(", ")
                ),
            );
        }
    }

    /// The systems model's constants.
    fn check_systems(&self, c: &mut Checks) {
        let s = &self.systems;
        c.fraction(
            "systems.mem_efficiency".into(),
            s.mem_efficiency,
            false,
            true,
        );
        c.fraction(
            "systems.compute_efficiency".into(),
            s.compute_efficiency,
            false,
            true,
        );
        for (x, v) in [
            ("step_overhead_ms", s.step_overhead_ms),
            ("per_sequence_overhead_ms", s.per_sequence_overhead_ms),
            ("workspace_gb", s.workspace_gb),
            ("allreduce_step_latency_us", s.allreduce_step_latency_us),
            ("prefill_layer_overhead_ms", s.prefill_layer_overhead_ms),
            ("dynamic_window_ms", s.dynamic_window_ms),
            ("edge_workspace_gb", s.edge_workspace_gb),
            ("mobile_workspace_gb", s.mobile_workspace_gb),
            ("tiny_sram_reserved_kb", s.tiny_sram_reserved_kb),
        ] {
            c.at_least(format!("systems.{x}"), v, 0.0);
        }
        c.fraction(
            "systems.prefill_efficiency".into(),
            s.prefill_efficiency,
            false,
            true,
        );
        c.at_least("systems.max_batch_cap".into(), s.max_batch_cap, 1.0);
        c.at_least("systems.queue_bound".into(), s.queue_bound, 1.0);
        c.at_least("systems.gpus_per_node".into(), s.gpus_per_node, 1.0);
        c.fraction(
            "systems.node_availability".into(),
            s.node_availability,
            false,
            true,
        );
        c.at_least("systems.static_batch".into(), s.static_batch, 1.0);
        c.at_least(
            "systems.static_padding_factor".into(),
            s.static_padding_factor,
            1.0,
        );
        c.fraction(
            "systems.utilization_limit".into(),
            s.utilization_limit,
            false,
            true,
        );
        c.fraction(
            "systems.prefix_cache_hit".into(),
            s.prefix_cache_hit,
            true,
            false,
        );
        c.positive("systems.tiny_params_min".into(), s.tiny_params_min);
        c.at_least(
            "systems.tiny_params_max".into(),
            s.tiny_params_max,
            s.tiny_params_min,
        );
        c.positive("systems.overload_window_s".into(), s.overload_window_s);
        c.positive("systems.max_queue_wait_s".into(), s.max_queue_wait_s);
        c.at_least(
            "systems.latency_bound_s".into(),
            s.latency_bound_s,
            s.max_queue_wait_s,
        );
    }
}

/// The keys an Act II answer may have (`course_draft.act2_correct_answer` names one).
pub const ACT2_ANSWER_KEYS: [&str; 4] = ["cloud_oom", "edge_latency", "mobile_oom", "tiny_oom"];

/// Collects the first failed check, naming the field.
#[derive(Default)]
struct Checks {
    first: Option<ScenarioError>,
}

impl Checks {
    fn fail(&mut self, path: String, what: String) {
        if self.first.is_none() {
            self.first = Some(ScenarioError(format!("scenario field `{path}`: {what}")));
        }
    }
    fn positive(&mut self, path: String, v: f64) {
        if !(v.is_finite() && v > 0.0) {
            self.fail(path, format!("must be a positive number, got {v}"));
        }
    }
    fn at_least(&mut self, path: String, v: f64, lo: f64) {
        if !(v.is_finite() && v >= lo) {
            self.fail(path, format!("must be a number of at least {lo}, got {v}"));
        }
    }
    fn at_most(&mut self, path: String, v: f64, hi: f64) {
        if v.is_nan() || v > hi {
            self.fail(path, format!("must be at most {hi}, got {v}"));
        }
    }
    /// A fraction in [0, 1]; the ends included as asked.
    fn fraction(&mut self, path: String, v: f64, zero: bool, one: bool) {
        let ok = v.is_finite()
            && (if zero { v >= 0.0 } else { v > 0.0 })
            && (if one { v <= 1.0 } else { v < 1.0 });
        if !ok {
            let (l, r) = (if zero { "[" } else { "(" }, if one { "]" } else { ")" });
            self.fail(path, format!("must lie in {l}0, 1{r}, got {v}"));
        }
    }
}
