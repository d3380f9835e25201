//! Every string a student reads, in one place (ready for translation).

pub const WINDOW_TITLE: &str = "The Architect's Audit — ML Systems Lab 16";
pub const TITLE: &str = "The Architect's Audit";
pub const SUBTITLE: &str = "Volume I · Lab 16 · Capstone";
pub const SOURCE_LABEL: &str = "Users · 1000 req/s";

pub const TIER_NAMES: [&str; 4] = ["Cloud", "Edge", "Mobile", "TinyML"];
pub const TIER_HARDWARE: [&str; 4] = ["H100 GPUs", "Jetson Orin NX", "Phone NPU", "Cortex-M7"];

pub const PANEL_DESIGN: &str = "Design";
pub const PANEL_METRICS: &str = "Live physics";
pub const STAGE_1: &str = "Stage 1 — Cloud hardware";
pub const STAGE_2: &str = "Stage 2 — Quantisation";
pub const STAGE_3: &str = "Stage 3 — Serving strategy";
pub const STAGE_4: &str = "Stage 4 — Retraining cadence";
pub const STAGE_5: &str = "Stage 5 — Fairness threshold";
pub const STAGE_TINY: &str = "TinyML sub-model";
pub const LABEL_GPUS: &str = "H100 GPUs";
pub const LABEL_Q_CLOUD: &str = "Cloud weights";
pub const LABEL_Q_EDGE: &str = "Edge weights";
pub const LABEL_Q_MOBILE: &str = "Mobile weights";
pub const LABEL_KV: &str = "Cloud KV cache";
pub const LABEL_CADENCE: &str = "Days between retrains";
pub const LABEL_FAIRNESS: &str = "Max approval gap between groups (%)";
pub const LABEL_TINY_PARAMS: &str = "Parameters";
pub const LABEL_TINY_QUANT: &str = "Precision";
pub const LABEL_MODEL: &str = "Physics model";
pub const RESET_ALL: &str = "Reset all (R)";
pub const ALL_CLEAR: &str =
    "All constraints met. This design fits in memory on every tier and meets every SLO.";

/// Short description of each serving strategy.
pub fn serving_label(s: crate::physics::Serving) -> &'static str {
    use crate::physics::Serving::*;
    match s {
        Static => "Static batches — fixed size, wait to fill, pad to the longest",
        Dynamic => "Dynamic batches — gather for a short window, run to completion",
        Continuous => "Continuous batching — join and leave at every decode step",
    }
}

pub fn model_label(m: crate::physics::PhysicsModel) -> &'static str {
    use crate::physics::PhysicsModel::*;
    match m {
        Systems => "Systems (roofline + queueing, default)",
        CourseDraft => "Course draft (the course's original formulas)",
    }
}

/// One-line banner headline for each failure or warning.
pub fn banner_title(b: crate::physics::Banner) -> &'static str {
    use crate::physics::Banner::*;
    match b {
        CloudOom => "Cloud out of memory",
        EdgeOom => "Edge out of memory",
        MobileOom => "Mobile out of memory",
        TinySram => "TinyML SRAM overflow",
        P99Slo => "P99 latency SLO missed",
        ThroughputSlo => "Cloud overloaded",
        CostSlo => "Cost SLO missed",
        AvailabilitySlo => "Availability SLO missed",
        AccuracyWarning => "Accuracy warning",
        DriftWarning => "Drift warning",
    }
}
