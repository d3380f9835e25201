//! What the class built: each student's first-attempt design in chapter 16 as recorded, the
//! class's distribution of each choice, the checks that failed (and the serving strategy of
//! those who failed them), and the passing designs grouped into distinct solutions. Pure: no
//! Bevy, no files.
//!
//! Records written before the game stored the whole design hold only the course's keys: the
//! cloud's GPUs are then read from `cloud_hardware` (`H100x12`), and what they do not hold is
//! "not recorded" (`None`), never guessed.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::physics::{Banner, Design, Quant, Serving};

/// One first-attempt design, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentDesign {
    pub cloud_gpus: Option<u32>,
    pub weights: Option<String>,
    pub kv_cache: Option<String>,
    pub serving: Option<String>,
    pub edge_weights: Option<String>,
    pub mobile_weights: Option<String>,
    pub tiny_params: Option<f64>,
    pub tiny_precision: Option<String>,
    pub cadence_days: Option<u32>,
    pub fairness_pct: Option<u32>,
    pub passed: bool,
    /// The checks it failed, in the course's order of banners. None: the record predates the
    /// list (an older game, or the course's notebook).
    pub failed: Option<Vec<String>>,
    /// The physics model it was judged under.
    pub physics_model: Option<String>,
}

/// The choices a design is made of: (key in the JSON, the catalogue key of its name), in the
/// order the student makes them.
pub const CHOICES: [(&str, &str); 8] = [
    ("cloud_gpus", "choice-name-cloud-gpus"),
    ("weights", "choice-name-weights"),
    ("kv_cache", "choice-name-kv-cache"),
    ("serving", "choice-name-serving"),
    ("edge_weights", "choice-name-edge-weights"),
    ("mobile_weights", "choice-name-mobile-weights"),
    ("tiny_params", "choice-name-tiny-params"),
    ("tiny_precision", "choice-name-tiny-precision"),
];

/// The checks a design can fail (warnings do not fail it), in the course's order.
pub fn checks() -> impl Iterator<Item = Banner> {
    Banner::ALL.into_iter().filter(|b| !b.is_warning())
}

/// A design from a chapter-16 record.
pub fn design_of(d: &Map<String, Value>) -> StudentDesign {
    let text = |k: &str| d.get(k).and_then(Value::as_str).map(str::to_string);
    let whole = |k: &str| {
        d.get(k)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    };
    let gpus = d
        .get("cloud_gpus")
        .and_then(Value::as_u64)
        .or_else(|| {
            // `H100x12`: the count after the last `x`.
            text("cloud_hardware")?
                .rsplit_once('x')
                .and_then(|(_, n)| n.parse().ok())
        })
        .and_then(|n| u32::try_from(n).ok());
    let failed = d.get("failed_checks").and_then(Value::as_array).map(|a| {
        let listed: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
        checks()
            .map(Banner::as_str)
            .filter(|c| listed.contains(c))
            .map(str::to_string)
            .collect()
    });
    StudentDesign {
        cloud_gpus: gpus,
        weights: text("quantization_strategy"),
        kv_cache: text("kv_quantization"),
        serving: text("serving_strategy"),
        edge_weights: text("edge_quantization"),
        mobile_weights: text("mobile_quantization"),
        tiny_params: d
            .get("tiny_params")
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite()),
        tiny_precision: text("tiny_quantization"),
        cadence_days: whole("retraining_cadence_days"),
        fairness_pct: whole("fairness_threshold_pct"),
        passed: super::analysis::truthy(d.get("system_valid")),
        failed,
        physics_model: text("physics_model"),
    }
}

impl StudentDesign {
    /// The value of one choice, as the JSON keys it (None: not recorded).
    pub fn choice(&self, key: &str) -> Option<String> {
        match key {
            "cloud_gpus" => self.cloud_gpus.map(|n| n.to_string()),
            "weights" => self.weights.clone(),
            "kv_cache" => self.kv_cache.clone(),
            "serving" => self.serving.clone(),
            "edge_weights" => self.edge_weights.clone(),
            "mobile_weights" => self.mobile_weights.clone(),
            "tiny_params" => self.tiny_params.map(|p| format!("{p:.0}")),
            "tiny_precision" => self.tiny_precision.clone(),
            _ => None,
        }
    }

    /// The design itself, when the record holds all of it (None for an older record: the
    /// world never draws a guessed design).
    pub fn to_design(&self) -> Option<Design> {
        let quant = |q: &Option<String>| {
            let q = q.as_deref()?;
            Quant::ALL.into_iter().find(|x| x.as_str() == q)
        };
        let serving = self.serving.as_deref()?;
        Some(Design {
            n_h100: self.cloud_gpus?,
            quant_cloud: quant(&self.weights)?,
            quant_edge: quant(&self.edge_weights)?,
            quant_mobile: quant(&self.mobile_weights)?,
            serving: Serving::ALL.into_iter().find(|x| x.as_str() == serving)?,
            retrain_cadence_days: self.cadence_days?,
            fairness_threshold_pct: self.fairness_pct?,
            tiny_params: self.tiny_params?,
            tiny_quant: quant(&self.tiny_precision)?,
            kv_quant: quant(&self.kv_cache)?,
        })
    }

    /// Every choice, keyed as [`CHOICES`]; "not recorded" where the record has none.
    pub fn choices(&self) -> IndexMap<&'static str, String> {
        CHOICES
            .iter()
            .map(|(k, _)| (*k, self.choice(k).unwrap_or_else(|| NOT_RECORDED.into())))
            .collect()
    }
}

/// A choice's value where the record has none.
pub const NOT_RECORDED: &str = "not recorded";

/// The order values of a choice are listed in: numbers by size, precisions and strategies in
/// the course's order, anything else after them.
fn rank(v: &str) -> (u8, f64, String) {
    if let Ok(n) = v.parse::<f64>() {
        return (0, n, String::new());
    }
    let known = Quant::ALL
        .iter()
        .map(|q| q.as_str())
        .chain(Serving::ALL.iter().map(|s| s.as_str()))
        .position(|k| k == v);
    match known {
        Some(i) => (1, i as f64, String::new()),
        None if v == NOT_RECORDED => (3, 0.0, String::new()),
        None => (2, 0.0, v.to_string()),
    }
}

/// Students who failed one check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    pub students: u32,
    /// Of those, how many ran each serving strategy (the strategies any of them ran).
    pub by_serving: IndexMap<String, u32>,
}

/// One distinct passing design and how many students reached it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassingGroup {
    pub design: IndexMap<&'static str, String>,
    pub students: u32,
}

/// The class's first-attempt designs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignsClass {
    /// First attempts submitted with a design.
    pub recorded: u32,
    pub passed: u32,
    /// For each choice (keyed as [`CHOICES`]), students per value.
    pub choices: IndexMap<&'static str, IndexMap<String, u32>>,
    /// For each check (every one, failed or not), the students whose design failed it.
    pub failed: IndexMap<&'static str, Failure>,
    /// Failing designs whose record does not list what failed.
    pub failures_not_recorded: u32,
    /// The distinct passing designs, most students first.
    pub passing: Vec<PassingGroup>,
}

/// Summarise the designs of the first attempts.
pub fn summarise<'a>(designs: impl IntoIterator<Item = &'a StudentDesign>) -> DesignsClass {
    let mut out = DesignsClass {
        recorded: 0,
        passed: 0,
        choices: CHOICES.iter().map(|(k, _)| (*k, IndexMap::new())).collect(),
        failed: checks()
            .map(|b| {
                (
                    b.as_str(),
                    Failure {
                        students: 0,
                        by_serving: IndexMap::new(),
                    },
                )
            })
            .collect(),
        failures_not_recorded: 0,
        passing: Vec::new(),
    };
    // Distinct passing designs, by their choices' values, in the order first reached.
    let mut groups: IndexMap<Vec<String>, u32> = IndexMap::new();
    for d in designs {
        out.recorded += 1;
        let choices = d.choices();
        for (k, v) in &choices {
            *out.choices[*k].entry(v.clone()).or_insert(0) += 1;
        }
        if d.passed {
            out.passed += 1;
            *groups.entry(choices.into_values().collect()).or_insert(0) += 1;
            continue;
        }
        let Some(failed) = &d.failed else {
            out.failures_not_recorded += 1;
            continue;
        };
        for c in failed {
            if let Some(f) = out.failed.get_mut(c.as_str()) {
                f.students += 1;
                let serving = d.serving.clone().unwrap_or_else(|| NOT_RECORDED.into());
                *f.by_serving.entry(serving).or_insert(0) += 1;
            }
        }
    }
    for values in out.choices.values_mut() {
        values.sort_by(|a, _, b, _| rank(a).partial_cmp(&rank(b)).expect("finite ranks"));
    }
    for f in out.failed.values_mut() {
        f.by_serving
            .sort_by(|a, _, b, _| rank(a).partial_cmp(&rank(b)).expect("finite ranks"));
    }
    out.passing = groups
        .into_iter()
        .map(|(values, students)| PassingGroup {
            design: CHOICES.iter().map(|(k, _)| *k).zip(values).collect(),
            students,
        })
        .collect();
    // Most students first; equal counts keep the order they were first reached in.
    out.passing.sort_by_key(|g| std::cmp::Reverse(g.students));
    out
}
