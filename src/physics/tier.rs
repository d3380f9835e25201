//! The four deployment tiers as one type: their keys, their devices in the scenario, and each
//! tier's figures in a report. Panels, charts and the world read a tier's figures through
//! [`Report::tier`] instead of naming `cloud_*`, `edge_*`, … fields one by one.

use super::Report;
use super::scenario::{Hardware, Scenario};

/// A deployment tier, in the course's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    Cloud,
    Edge,
    Mobile,
    Tiny,
}

/// How a tier's memory is counted: GB of RAM, or KB of SRAM (TinyML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemUnit {
    Gb,
    Kb,
}

/// One tier's figures in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct TierFigures<'a> {
    /// Memory the tier's model needs, and what the tier has, in `unit`.
    pub needs: f64,
    pub has: f64,
    pub unit: MemUnit,
    pub oom: bool,
    /// P99 latency, ms (for TinyML, where the map draws it).
    pub p99_ms: f64,
    /// Requests a second routed to the tier.
    pub rps: f64,
    /// A batch-1 device's first token, ms (the systems model's edge and mobile).
    pub first_token_ms: Option<f64>,
    /// The precision the tier runs, as the physics states it ("int8", "int8 (100000 params)").
    pub assignment: &'a str,
}

impl Tier {
    pub const ALL: [Tier; Tier::COUNT] = [Tier::Cloud, Tier::Edge, Tier::Mobile, Tier::Tiny];

    /// How many tiers there are: the length of every per-tier array.
    pub const COUNT: usize = 4;

    /// Its place in [`Tier::ALL`] (and in per-tier arrays such as `Report::tier_rps`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The key the course and the ledger use: `cloud`, `edge`, `mobile`, `tiny`.
    pub const fn key(self) -> &'static str {
        match self {
            Tier::Cloud => "cloud",
            Tier::Edge => "edge",
            Tier::Mobile => "mobile",
            Tier::Tiny => "tiny",
        }
    }

    pub fn from_key(key: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.key() == key)
    }
}

impl Scenario {
    /// The device a tier runs on.
    pub fn device(&self, t: Tier) -> &Hardware {
        match t {
            Tier::Cloud => self.cloud(),
            Tier::Edge => self.edge(),
            Tier::Mobile => self.mobile(),
            Tier::Tiny => self.tiny(),
        }
    }
}

impl Report {
    /// A tier's figures.
    pub fn tier(&self, t: Tier) -> TierFigures<'_> {
        let a = &self.tier_assignments;
        let (needs, has, unit, oom, p99_ms, assignment) = match t {
            Tier::Cloud => (
                self.cloud_model_gb,
                self.cloud_ram_gb,
                MemUnit::Gb,
                self.cloud_oom,
                self.cloud_p99_ms,
                &a.cloud,
            ),
            Tier::Edge => (
                self.edge_model_gb,
                self.edge_ram_gb,
                MemUnit::Gb,
                self.edge_oom,
                self.edge_p99_ms,
                &a.edge,
            ),
            Tier::Mobile => (
                self.mobile_model_gb,
                self.mobile_ram_gb,
                MemUnit::Gb,
                self.mobile_oom,
                self.mobile_p99_ms,
                &a.mobile,
            ),
            Tier::Tiny => (
                self.tiny_model_kb,
                self.tiny_sram_kb,
                MemUnit::Kb,
                self.tiny_oom,
                self.tiny_p99_ms,
                &a.tiny,
            ),
        };
        TierFigures {
            needs,
            has,
            unit,
            oom,
            p99_ms,
            rps: self.tier_rps[t.index()],
            first_token_ms: self.systems.as_ref().and_then(|s| match t {
                Tier::Edge => Some(s.edge_ttft_ms),
                Tier::Mobile => Some(s.mobile_ttft_ms),
                Tier::Cloud | Tier::Tiny => None,
            }),
            assignment,
        }
    }
}

impl Hardware {
    /// The device's short name for the world's node: `short_label`, else `label`.
    pub fn short_name(&self) -> &str {
        self.short_label.as_deref().unwrap_or(&self.label)
    }
}
