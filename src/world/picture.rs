//! What the world shows of the physics, derived once when the physics changes: each tier's
//! memory bar, the cloud's GPUs as the physics groups them, and the accuracy gauge. Plain
//! data (no Bevy), so the drawing and the tests read the same thing.

use crate::physics::Tier;
use crate::physics::{Report, Scenario, SystemsExtra};

/// One part of a memory bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemPart {
    Weights,
    Kv,
    Workspace,
}

impl MemPart {
    /// The part's name, from the catalogue.
    pub fn name(self) -> String {
        crate::text::tr(match self {
            MemPart::Weights => "mem-weights",
            MemPart::Kv => "mem-kv",
            MemPart::Workspace => "mem-workspace",
        })
    }
}

/// A tier's memory against its RAM (GB) or SRAM (KB).
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBar {
    pub parts: Vec<(MemPart, f64)>,
    pub capacity: f64,
    pub unit: &'static str,
}

impl MemoryBar {
    pub fn used(&self) -> f64 {
        self.parts.iter().map(|(_, v)| v).sum()
    }

    /// What spills past the capacity line (0 when it fits).
    pub fn spill(&self) -> f64 {
        (self.used() - self.capacity).max(0.0)
    }

    /// Used / capacity, as drawn (an empty capacity counts as full).
    pub fn fill(&self) -> f64 {
        if self.capacity > 0.0 {
            self.used() / self.capacity
        } else {
            1.0
        }
    }
}

/// The cloud's GPUs as the physics uses them.
#[derive(Debug, Clone, PartialEq)]
pub struct CloudPicture {
    pub gpus: u32,
    /// GPUs per tensor-parallel group (1: each GPU is its own replica).
    pub tp: u32,
    /// Replicas serving (0 when the model does not fit).
    pub replicas: u32,
    /// Sequences each replica runs per step, and the most it could (0 when not modelled).
    pub batch: f64,
    pub max_batch: f64,
    /// One decode step, ms (0 when not modelled), and whether arithmetic limits it.
    pub step_ms: f64,
    pub compute_bound: bool,
    /// GPUs in one server (an HGX node): a server's GPUs fail together.
    pub per_server: u32,
}

impl CloudPicture {
    /// Each server's GPUs, first and last, when the GPUs fill more than one server.
    pub fn servers(&self) -> Vec<(u32, u32)> {
        let per = self.per_server.max(1);
        if self.gpus <= per {
            return Vec::new();
        }
        (0..self.gpus.div_ceil(per))
            .map(|k| (k * per, ((k + 1) * per).min(self.gpus) - 1))
            .collect()
    }

    /// GPU `i`'s group (replica), for drawing the groups and their all-reduce links.
    pub fn group_of(&self, i: u32) -> u32 {
        i / self.tp.max(1)
    }

    /// How busy a GPU is drawn, 0..1: its replica's batch against the most it holds. GPUs
    /// left over when the group does not divide the count stay dark.
    pub fn light(&self, i: u32) -> f32 {
        if self.group_of(i) >= self.replicas || self.max_batch <= 0.0 {
            return 0.0;
        }
        (self.batch / self.max_batch).clamp(0.0, 1.0) as f32
    }

    /// The tensor-parallel groups serving, as (first chip, last chip); none at TP1.
    pub fn tp_groups(&self) -> Vec<(u32, u32)> {
        let tp = self.tp.max(1);
        if tp == 1 {
            return Vec::new();
        }
        (0..self.replicas.min(self.gpus / tp))
            .map(|g| (g * tp, g * tp + tp - 1))
            .collect()
    }

    /// The all-reduce links drawn between neighbouring chips of each tensor-parallel group.
    pub fn allreduce_links(&self) -> Vec<(u32, u32)> {
        self.tp_groups()
            .into_iter()
            .flat_map(|(first, last)| (first..last).map(|i| (i, i + 1)))
            .collect()
    }
}

/// Accuracy after quantisation and the fairness threshold, and after drift.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccuracyGauge {
    pub effective: f64,
    pub after_drift: f64,
    pub drift_days: u32,
    pub warn_below: f64,
    pub drift_warn_below: f64,
}

/// Everything physical the world shows once the Act II prediction is locked.
#[derive(Debug, Clone, PartialEq)]
pub struct Physical {
    pub memory: [MemoryBar; Tier::COUNT],
    pub cloud: CloudPicture,
    pub accuracy: AccuracyGauge,
}

/// The world's picture of a report: `None` before the Act II lock (nothing to give away).
pub fn picture(r: &Report, sc: &Scenario, shown: bool) -> Option<Physical> {
    shown.then(|| physical(r, sc))
}

fn per_server(sc: &Scenario) -> u32 {
    sc.systems.gpus_per_node.max(1.0) as u32
}

fn physical(r: &Report, sc: &Scenario) -> Physical {
    let (memory, cloud) = match &r.systems {
        Some(s) => (systems_memory(r, sc, s), systems_cloud(r, sc, s)),
        // The course's draft model counts the weights only, with no grouping or batching.
        None => (course_memory(r), course_cloud(r, sc)),
    };
    Physical {
        memory,
        cloud,
        accuracy: AccuracyGauge {
            effective: r.effective_accuracy,
            after_drift: r.post_drift_accuracy,
            drift_days: r.design.retrain_cadence_days,
            warn_below: sc.accuracy.accuracy_warning_below,
            drift_warn_below: sc.accuracy.drift_warning_below,
        },
    }
}

/// A memory bar in GB.
fn gb(parts: Vec<(MemPart, f64)>, capacity: f64) -> MemoryBar {
    MemoryBar {
        parts,
        capacity,
        unit: "GB",
    }
}

/// Each tier's memory by part under the systems model.
fn systems_memory(r: &Report, sc: &Scenario, s: &SystemsExtra) -> [MemoryBar; Tier::COUNT] {
    let [ws_edge, ws_mobile] = s.device_workspace_gb;
    let tiny_reserved = sc.systems.tiny_sram_reserved_kb;
    [
        gb(
            vec![
                (MemPart::Weights, s.cloud_weights_gb),
                (MemPart::Kv, s.kv_cache_gb * s.cloud_replicas.max(1) as f64),
                (MemPart::Workspace, s.cloud_workspace_gb),
            ],
            r.cloud_ram_gb,
        ),
        gb(
            vec![
                (MemPart::Weights, (r.edge_model_gb - ws_edge).max(0.0)),
                (MemPart::Workspace, ws_edge),
            ],
            r.edge_ram_gb,
        ),
        gb(
            vec![
                (MemPart::Weights, (r.mobile_model_gb - ws_mobile).max(0.0)),
                (MemPart::Workspace, ws_mobile),
            ],
            r.mobile_ram_gb,
        ),
        MemoryBar {
            parts: vec![
                (MemPart::Weights, s.tiny_model_kib),
                (MemPart::Workspace, s.tiny_arena_kib + tiny_reserved),
            ],
            capacity: r.tiny_sram_kb,
            unit: "KB",
        },
    ]
}

fn systems_cloud(r: &Report, sc: &Scenario, s: &SystemsExtra) -> CloudPicture {
    CloudPicture {
        gpus: r.design.n_h100,
        tp: s.cloud_tp.max(1),
        replicas: s.cloud_replicas,
        batch: s.cloud_batch,
        max_batch: s.cloud_max_batch,
        step_ms: s.decode_step_ms,
        compute_bound: s.decode_compute_bound,
        per_server: per_server(sc),
    }
}

fn course_memory(r: &Report) -> [MemoryBar; Tier::COUNT] {
    [
        gb(vec![(MemPart::Weights, r.cloud_model_gb)], r.cloud_ram_gb),
        gb(vec![(MemPart::Weights, r.edge_model_gb)], r.edge_ram_gb),
        gb(vec![(MemPart::Weights, r.mobile_model_gb)], r.mobile_ram_gb),
        MemoryBar {
            parts: vec![(MemPart::Weights, r.tiny_model_kb)],
            capacity: r.tiny_sram_kb,
            unit: "KB",
        },
    ]
}

fn course_cloud(r: &Report, sc: &Scenario) -> CloudPicture {
    CloudPicture {
        gpus: r.design.n_h100,
        tp: 1,
        replicas: if r.cloud_oom { 0 } else { r.design.n_h100 },
        batch: 0.0,
        max_batch: 0.0,
        step_ms: 0.0,
        compute_bound: false,
        per_server: per_server(sc),
    }
}
