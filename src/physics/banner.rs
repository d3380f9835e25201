//! The failure banners and warnings, in the order the seed shows them.

use serde::{Deserialize, Serialize};

/// A failure banner (or warning), in the order the seed shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Banner {
    CloudOom,
    EdgeOom,
    MobileOom,
    TinySram,
    P99Slo,
    ThroughputSlo,
    CostSlo,
    AvailabilitySlo,
    AccuracyWarning,
    DriftWarning,
}

impl Banner {
    pub const ALL: [Banner; 10] = [
        Banner::CloudOom,
        Banner::EdgeOom,
        Banner::MobileOom,
        Banner::TinySram,
        Banner::P99Slo,
        Banner::ThroughputSlo,
        Banner::CostSlo,
        Banner::AvailabilitySlo,
        Banner::AccuracyWarning,
        Banner::DriftWarning,
    ];
    /// Warnings do not make the design invalid.
    pub fn is_warning(self) -> bool {
        matches!(self, Banner::AccuracyWarning | Banner::DriftWarning)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Banner::CloudOom => "cloud_oom",
            Banner::EdgeOom => "edge_oom",
            Banner::MobileOom => "mobile_oom",
            Banner::TinySram => "tiny_sram",
            Banner::P99Slo => "p99_slo",
            Banner::ThroughputSlo => "throughput_slo",
            Banner::CostSlo => "cost_slo",
            Banner::AvailabilitySlo => "availability_slo",
            Banner::AccuracyWarning => "accuracy_warning",
            Banner::DriftWarning => "drift_warning",
        }
    }
}
