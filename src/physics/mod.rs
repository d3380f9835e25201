//! The physics of the capstone: pure Rust, no Bevy.
//!
//! Two models sit behind [`evaluate`]:
//! - [`PhysicsModel::CourseDraft`], the seed lab's formulas exactly (cell 17 and cell 19);
//! - [`PhysicsModel::Systems`], the default: a roofline, queueing and availability model
//!   (see `docs/physics.md`).

pub mod answer;
mod banner;
mod bounds;
pub mod course_draft;
pub mod figures;
pub mod fixes;
pub mod parts;
pub mod peek;
pub mod queueing;
pub mod roofline;
pub mod scenario;
pub mod systems;
pub mod tails;
pub mod tier;
pub mod tiny;
mod trace;
pub mod translations;
pub mod validate;

use serde::{Deserialize, Serialize};

pub use banner::Banner;
pub use scenario::Scenario;
pub use tier::{MemUnit, Tier, TierFigures};
pub use trace::TraceLine;
pub(crate) use trace::worded;

/// A numeric precision for weights (and, in `systems`, for the KV cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Quant {
    Fp16,
    Int8,
    Int4,
    Ternary,
}

impl Quant {
    pub const ALL: [Quant; 4] = [Quant::Fp16, Quant::Int8, Quant::Int4, Quant::Ternary];
    /// The options the seed offers for the cloud and the edge.
    pub const CLOUD_EDGE: [Quant; 3] = [Quant::Fp16, Quant::Int8, Quant::Int4];
    /// The options the seed offers for mobile.
    pub const MOBILE: [Quant; 3] = [Quant::Int8, Quant::Int4, Quant::Ternary];
    /// TinyML sub-model precisions.
    pub const TINY: [Quant; 3] = [Quant::Int8, Quant::Int4, Quant::Ternary];
    /// KV-cache precisions.
    pub const KV: [Quant; 2] = [Quant::Fp16, Quant::Int8];

    pub fn as_str(self) -> &'static str {
        match self {
            Quant::Fp16 => "fp16",
            Quant::Int8 => "int8",
            Quant::Int4 => "int4",
            Quant::Ternary => "ternary",
        }
    }

    pub fn parse(s: &str) -> Option<Quant> {
        Quant::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

impl std::fmt::Display for Quant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Cloud serving strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Serving {
    Static,
    Dynamic,
    Continuous,
}

impl Serving {
    pub const ALL: [Serving; 3] = [Serving::Static, Serving::Dynamic, Serving::Continuous];
    pub fn as_str(self) -> &'static str {
        match self {
            Serving::Static => "static",
            Serving::Dynamic => "dynamic",
            Serving::Continuous => "continuous",
        }
    }
}

/// Which physics model computes the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum PhysicsModel {
    /// The seed lab's formulas, exactly (quirks included).
    CourseDraft,
    /// The credible, winnable default.
    #[default]
    Systems,
}

impl PhysicsModel {
    pub const ALL: [PhysicsModel; 2] = [PhysicsModel::Systems, PhysicsModel::CourseDraft];
    pub fn as_str(self) -> &'static str {
        match self {
            PhysicsModel::CourseDraft => "course-draft",
            PhysicsModel::Systems => "systems",
        }
    }
    pub fn parse(s: &str) -> Option<PhysicsModel> {
        PhysicsModel::ALL.into_iter().find(|m| m.as_str() == s)
    }
    /// The GPU slider's range: the seed's 1–8 for its own formulas, two servers for `systems`.
    pub fn gpu_range(self) -> std::ops::RangeInclusive<u32> {
        match self {
            PhysicsModel::CourseDraft => *N_H100_RANGE.start()..=8,
            PhysicsModel::Systems => N_H100_RANGE,
        }
    }
}

/// The student's design: the seed's five stages plus the `systems` model's extra controls.
/// Missing fields take the seed's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Design {
    pub n_h100: u32,
    pub quant_cloud: Quant,
    pub quant_edge: Quant,
    pub quant_mobile: Quant,
    pub serving: Serving,
    pub retrain_cadence_days: u32,
    pub fairness_threshold_pct: u32,
    /// TinyML sub-model parameter count (`systems` only; course-draft fixes 10M).
    pub tiny_params: f64,
    /// TinyML sub-model precision (`systems` only; course-draft fixes ternary).
    pub tiny_quant: Quant,
    /// KV-cache precision on the cloud (`systems` only).
    pub kv_quant: Quant,
}

impl Default for Design {
    fn default() -> Self {
        Design {
            n_h100: 2,
            quant_cloud: Quant::Fp16,
            quant_edge: Quant::Int8,
            quant_mobile: Quant::Int4,
            serving: Serving::Dynamic,
            retrain_cadence_days: 30,
            fairness_threshold_pct: 10,
            tiny_params: 10e6,
            tiny_quant: Quant::Ternary,
            kv_quant: Quant::Fp16,
        }
    }
}

/// Control ranges (the seed's sliders).
/// Up to two 8-GPU servers.
pub const N_H100_RANGE: std::ops::RangeInclusive<u32> = 1..=16;
pub const CADENCE_RANGE: std::ops::RangeInclusive<u32> = 1..=90;
pub const FAIRNESS_RANGE: std::ops::RangeInclusive<u32> = 0..=20;

impl Design {
    /// Check every field against the seed's option lists and ranges. The error names the field.
    pub fn validate(&self, scenario: &Scenario) -> Result<(), String> {
        fn one_of(field: &str, q: Quant, allowed: &[Quant]) -> Result<(), String> {
            if allowed.contains(&q) {
                Ok(())
            } else {
                Err(format!(
                    "field `{field}`: `{q}` is not offered here; choose one of {}",
                    allowed
                        .iter()
                        .map(|q| q.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }
        }
        fn in_range(field: &str, v: u32, r: std::ops::RangeInclusive<u32>) -> Result<(), String> {
            if r.contains(&v) {
                Ok(())
            } else {
                Err(format!(
                    "field `{field}`: {v} is outside {}..={}",
                    r.start(),
                    r.end()
                ))
            }
        }
        in_range("n_h100", self.n_h100, N_H100_RANGE)?;
        in_range(
            "retrain_cadence_days",
            self.retrain_cadence_days,
            CADENCE_RANGE,
        )?;
        in_range(
            "fairness_threshold_pct",
            self.fairness_threshold_pct,
            FAIRNESS_RANGE,
        )?;
        one_of("quant_cloud", self.quant_cloud, &Quant::CLOUD_EDGE)?;
        one_of("quant_edge", self.quant_edge, &Quant::CLOUD_EDGE)?;
        one_of("quant_mobile", self.quant_mobile, &Quant::MOBILE)?;
        one_of("tiny_quant", self.tiny_quant, &Quant::TINY)?;
        one_of("kv_quant", self.kv_quant, &Quant::KV)?;
        let (lo, hi) = (
            scenario.systems.tiny_params_min,
            scenario.systems.tiny_params_max,
        );
        if !(self.tiny_params.is_finite() && self.tiny_params >= lo && self.tiny_params <= hi) {
            return Err(format!(
                "field `tiny_params`: {} is outside {lo}..={hi}",
                self.tiny_params
            ));
        }
        Ok(())
    }
}

/// Quantities only the `systems` model computes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SystemsExtra {
    pub cloud_p99_ttft_ms: f64,
    pub cloud_p99_e2e_ms: f64,
    pub cloud_capacity_rps: f64,
    pub cloud_utilization: f64,
    pub cloud_max_batch: f64,
    pub cloud_batch: f64,
    pub cloud_tp: u32,
    pub cloud_replicas: u32,
    pub cloud_queue_len: f64,
    pub decode_step_ms: f64,
    pub prefill_ms: f64,
    pub kv_cache_gb: f64,
    pub kv_bytes_per_token: f64,
    /// The cloud's memory, split for the world's memory bars: weights over all replicas, and
    /// the workspace over all GPUs (with `kv_cache_gb` per replica, they sum to
    /// `cloud_model_gb`).
    #[serde(default)]
    pub cloud_weights_gb: f64,
    #[serde(default)]
    pub cloud_workspace_gb: f64,
    /// The running decode step is limited by arithmetic, not memory traffic.
    #[serde(default)]
    pub decode_compute_bound: bool,
    /// Workspace of the edge and mobile devices (the rest of their memory is weights).
    #[serde(default)]
    pub device_workspace_gb: [f64; 2],
    pub availability: f64,
    pub availability_ok: bool,
    pub fairness_accuracy_cost: f64,
    pub tiny_params: f64,
    /// TinyML weights, KiB (`tiny_model_kb` adds the activation arena).
    pub tiny_model_kib: f64,
    /// TinyML activation arena (KiB) and multiply-accumulates of one inference.
    #[serde(default)]
    pub tiny_arena_kib: f64,
    #[serde(default)]
    pub tiny_macs: f64,
    /// Every latency of a design that serves stays within this (`systems.latency_bound_s`).
    #[serde(default)]
    pub latency_bound_ms: f64,
    /// Requests one cloud replica admits to its queue.
    #[serde(default)]
    pub cloud_queue_bound_per_replica: f64,
    pub goodput_rps: f64,
    pub edge_ttft_ms: f64,
    pub mobile_ttft_ms: f64,
    /// The cloud's plan as the physics derived it, for the worked equations and the request
    /// simulation to read (not part of the CLI's JSON).
    #[serde(skip)]
    pub cloud_plan: queueing::CloudLoad,
}

/// Everything the physics says about one design. Field names are the seed's variable names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub model: PhysicsModel,
    pub design: Design,
    pub cloud_model_gb: f64,
    pub edge_model_gb: f64,
    pub mobile_model_gb: f64,
    pub tiny_model_kb: f64,
    pub cloud_ram_gb: f64,
    pub edge_ram_gb: f64,
    pub mobile_ram_gb: f64,
    pub tiny_sram_kb: f64,
    pub cloud_oom: bool,
    pub edge_oom: bool,
    pub mobile_oom: bool,
    pub tiny_oom: bool,
    pub cloud_tok_per_sec: f64,
    pub edge_tok_per_sec: f64,
    pub cloud_p99_ms: f64,
    pub edge_p99_ms: f64,
    pub mobile_p99_ms: f64,
    /// Where the TinyML tier is drawn on the latency axis of the map.
    pub tiny_p99_ms: f64,
    pub cost_per_req_usd: f64,
    pub effective_accuracy: f64,
    pub post_drift_accuracy: f64,
    pub slo_latency_ok: bool,
    pub slo_cost_ok: bool,
    pub slo_tput_ok: bool,
    pub system_valid: bool,
    pub constraint_hit: bool,
    pub banners: Vec<Banner>,
    /// Requests per second routed to cloud, edge, mobile and tiny.
    pub tier_rps: [f64; Tier::COUNT],
    pub tier_assignments: TierAssignments,
    pub trace: Vec<TraceLine>,
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub systems: Option<SystemsExtra>,
}

/// The precision each tier runs (saved to the ledger as the seed does).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierAssignments {
    pub cloud: String,
    pub edge: String,
    pub mobile: String,
    pub tiny: String,
}

/// Compute the report for a design under the chosen model.
pub fn evaluate(scenario: &Scenario, design: &Design, model: PhysicsModel) -> Report {
    match model {
        PhysicsModel::CourseDraft => course_draft::evaluate(scenario, design),
        PhysicsModel::Systems => systems::evaluate(scenario, design),
    }
}

/// Format a float for the formula trace.
pub(crate) fn fmt_num(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        "0".into()
    } else if a >= 1e6 {
        format!("{v:.3e}")
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else if a >= 1e-3 {
        format!("{v:.4}")
    } else {
        format!("{v:.3e}")
    }
}
