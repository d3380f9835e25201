//! The scenario: every constant the physics uses, loaded from JSON with a source note for each.
//!
//! The built-in scenario is `assets/scenarios/capstone.json`, compiled into the binary so the
//! app and the command line work without an assets folder (and on the web).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Quant, Serving};

/// The JSON text of the built-in scenario.
pub const BUILTIN_JSON: &str = include_str!("../../assets/scenarios/capstone.json");
/// The largest scenario file read (the built-in one is a few kilobytes).
pub const MAX_SCENARIO_BYTES: u64 = 4 << 20;

pub use super::parts::{DeviceRuntime, Reading, Sources, TinyWorkload, Translations};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Hardware {
    pub label: String,
    /// A short name for the world's tier node ("Jetson Orin NX"); the label when absent.
    #[serde(default)]
    pub short_label: Option<String>,
    pub mem_bw_gbs: f64,
    /// Dense FP16 tensor throughput (TOPS for the edge and mobile accelerators).
    pub tflops_fp16_dense: f64,
    pub ram_gb: f64,
    #[serde(default)]
    pub sram_kb: Option<f64>,
    #[serde(default)]
    pub cost_per_hour_usd: f64,
    /// GPU-to-GPU bandwidth (NVLink), GB/s.
    #[serde(default)]
    pub interconnect_gbs: f64,
    /// Fraction of time one unit is up.
    #[serde(default = "one")]
    pub availability: f64,
    /// Core clock, MHz (the TinyML part: its latency is counted in cycles).
    #[serde(default)]
    pub clock_mhz: Option<f64>,
    /// INT8 multiply-accumulates the part's neural-network kernels complete per clock cycle,
    /// as measured on whole models (the TinyML part).
    #[serde(default)]
    pub int8_macs_per_cycle: Option<f64>,
    /// The inference runtime a device ships with (edge and mobile parts): its efficiencies
    /// and weight format. Without one, the `systems` constants and plain bytes per weight.
    #[serde(default)]
    pub runtime: Option<DeviceRuntime>,
    #[serde(default)]
    pub sources: Sources,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LlmShape {
    pub label: String,
    pub params: f64,
    pub layers: f64,
    pub hidden: f64,
    pub heads: f64,
    pub kv_heads: f64,
    pub head_dim: f64,
    /// Parameters outside the transformer blocks: token embedding and output head (one
    /// matrix when tied). Device runtimes keep them at 16 bits.
    #[serde(default)]
    pub embedding_params: f64,
    /// Parameters of the output head, read at every decoded token.
    #[serde(default)]
    pub head_params: f64,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    pub cloud_hardware: String,
    pub edge_hardware: String,
    pub mobile_hardware: String,
    pub tiny_hardware: String,
    pub llm: String,
    #[serde(default)]
    pub sources: Sources,
}

/// A value for each precision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PerQuant {
    pub fp16: f64,
    pub int8: f64,
    pub int4: f64,
    pub ternary: f64,
}

impl PerQuant {
    pub fn get(&self, q: Quant) -> f64 {
        match q {
            Quant::Fp16 => self.fp16,
            Quant::Int8 => self.int8,
            Quant::Int4 => self.int4,
            Quant::Ternary => self.ternary,
        }
    }
}

/// A value for each serving strategy.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PerServing {
    #[serde(rename = "static")]
    pub static_: f64,
    pub dynamic: f64,
    pub continuous: f64,
}

impl PerServing {
    pub fn get(&self, s: Serving) -> f64 {
        match s {
            Serving::Static => self.static_,
            Serving::Dynamic => self.dynamic,
            Serving::Continuous => self.continuous,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Precision {
    pub bytes_per_param: PerQuant,
    pub accuracy_drop: PerQuant,
    pub compute_speedup: PerQuant,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    pub prompt_tokens: f64,
    pub output_tokens: f64,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Slo {
    pub p99_ms: f64,
    pub cost_per_req_usd: f64,
    pub requests_per_sec: f64,
    pub availability: f64,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Traffic {
    pub cloud: f64,
    pub edge: f64,
    pub mobile: f64,
    pub tiny: f64,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Accuracy {
    pub drift_per_day: f64,
    pub accuracy_warning_below: f64,
    pub drift_warning_below: f64,
    pub accuracy_tile_target: f64,
    pub base_rate_gap_pct: f64,
    pub fairness_cost_per_pct: f64,
    #[serde(default)]
    pub sources: Sources,
}

/// Constants only the seed-exact `course-draft` model uses.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CourseDraft {
    pub kv_cache_gb_fp16: f64,
    pub kv_scale: PerQuant,
    pub throughput_mult: PerServing,
    pub edge_serving_mult: f64,
    pub mobile_tok_per_sec_per_ram_ratio: f64,
    pub mobile_min_tok_per_sec: f64,
    pub tiny_params: f64,
    pub tiny_quant: Quant,
    pub tiny_map_latency_ms: f64,
    pub min_requests_per_hour: f64,
    pub act2_correct_answer: String,
    #[serde(default)]
    pub sources: Sources,
}

/// Constants of the `systems` model (see docs/physics.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SystemsConsts {
    pub mem_efficiency: f64,
    pub compute_efficiency: f64,
    pub step_overhead_ms: f64,
    pub per_sequence_overhead_ms: f64,
    pub workspace_gb: f64,
    /// Latency of one step of a ring all-reduce (2(t-1) steps over t GPUs), microseconds.
    pub allreduce_step_latency_us: f64,
    /// Achieved fraction of dense tensor-core peak in prefill (prompt) passes.
    pub prefill_efficiency: f64,
    /// Fixed cost per layer of one prefill pass, milliseconds.
    pub prefill_layer_overhead_ms: f64,
    pub max_batch_cap: f64,
    pub dynamic_window_ms: f64,
    pub static_batch: f64,
    pub static_padding_factor: f64,
    pub utilization_limit: f64,
    pub edge_workspace_gb: f64,
    pub mobile_workspace_gb: f64,
    pub prefix_cache_hit: f64,
    pub tiny_sram_reserved_kb: f64,
    pub tiny_params_min: f64,
    pub tiny_params_max: f64,
    pub overload_window_s: f64,
    /// Requests one replica holds waiting; beyond it, arrivals are rejected.
    pub queue_bound: f64,
    /// The longest a request may wait in the cloud's queue: the front end refuses a request
    /// it could not start within this time (a gateway timeout), seconds.
    pub max_queue_wait_s: f64,
    /// Every latency a serving design reports stays within this; a scenario in which one
    /// would not is refused when it loads, seconds.
    pub latency_bound_s: f64,
    /// GPUs in one server (HGX node); a node's failure takes all of its GPUs down.
    pub gpus_per_node: f64,
    /// Fraction of time one node (its host, power and switches) is up.
    pub node_availability: f64,
    #[serde(default)]
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub hardware: BTreeMap<String, Hardware>,
    pub models: BTreeMap<String, LlmShape>,
    pub deployment: Deployment,
    pub precision: Precision,
    pub workload: Workload,
    pub slo: Slo,
    pub traffic: Traffic,
    pub accuracy: Accuracy,
    pub course_draft: CourseDraft,
    pub systems: SystemsConsts,
    pub tiny_workload: TinyWorkload,
    /// The textbook chapters the lab builds on, shown before Act I. Optional: a scenario
    /// without one shows none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reading: Vec<Reading>,
    /// The student-facing text of the scenario in other languages (see `translations.rs`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
    /// What loading noticed but did not refuse: fields no model uses any more.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// Hardware fields of earlier scenario files that no model reads. A file that still carries
/// them loads, with a warning for each.
pub const REMOVED_HARDWARE_FIELDS: [&str; 3] = ["tier", "tdp_w", "tflops_fp16_sparse"];

/// Take the removed fields out of the JSON, with one warning per field found.
fn strip_removed(v: &mut serde_json::Value) -> Vec<String> {
    let mut warnings = Vec::new();
    if let Some(hw) = v.get_mut("hardware").and_then(|h| h.as_object_mut()) {
        for (name, h) in hw.iter_mut() {
            let Some(h) = h.as_object_mut() else { continue };
            for f in REMOVED_HARDWARE_FIELDS {
                if h.remove(f).is_some() {
                    warnings.push(format!(
                        "scenario field `hardware.{name}.{f}` is no longer used and was ignored"
                    ));
                }
                if let Some(src) = h.get_mut("sources").and_then(|s| s.as_object_mut()) {
                    src.remove(f);
                }
            }
        }
    }
    warnings
}

/// Why a scenario could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError(pub String);

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// The built-in capstone scenario.
    pub fn builtin() -> Scenario {
        Scenario::from_json(BUILTIN_JSON).expect("the built-in scenario is valid (tested)")
    }

    /// Parse and validate a scenario. Errors name the JSON path of the bad field.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let mut value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| ScenarioError(format!("scenario is not valid JSON: {e}")))?;
        let warnings = strip_removed(&mut value);
        let mut s: Scenario = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            ScenarioError(format!("scenario field `{path}`: {}", e.inner()))
        })?;
        s.warnings = warnings;
        s.validate()?;
        Ok(s)
    }

    /// Read a scenario file (at most [`MAX_SCENARIO_BYTES`]) and validate it.
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        use std::io::Read;
        let cannot = |e: &dyn std::fmt::Display| {
            ScenarioError(format!("cannot read scenario {}: {e}", path.display()))
        };
        let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
        if !file.metadata().map_err(|e| cannot(&e))?.is_file() {
            return Err(cannot(&"not a regular file"));
        }
        let mut text = String::new();
        file.take(MAX_SCENARIO_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| cannot(&e))?;
        if text.len() as u64 > MAX_SCENARIO_BYTES {
            return Err(cannot(&format!(
                "larger than the limit of {MAX_SCENARIO_BYTES} bytes"
            )));
        }
        let s = Scenario::from_json(&text)
            .map_err(|e| ScenarioError(format!("{}: {}", path.display(), e.0)))?;
        s.check_grid()
            .map_err(|e| ScenarioError(format!("{}: {}", path.display(), e.0)))?;
        Ok(s)
    }

    pub fn cloud(&self) -> &Hardware {
        &self.hardware[&self.deployment.cloud_hardware]
    }
    pub fn edge(&self) -> &Hardware {
        &self.hardware[&self.deployment.edge_hardware]
    }
    pub fn mobile(&self) -> &Hardware {
        &self.hardware[&self.deployment.mobile_hardware]
    }
    pub fn tiny(&self) -> &Hardware {
        &self.hardware[&self.deployment.tiny_hardware]
    }
    pub fn llm(&self) -> &LlmShape {
        &self.models[&self.deployment.llm]
    }

    /// SRAM of the TinyML tier in KB (falls back to its RAM figure).
    pub fn tiny_sram_kb(&self) -> f64 {
        let t = self.tiny();
        t.sram_kb.unwrap_or(t.ram_gb * 1024.0 * 1024.0)
    }
}
