//! The TinyML tier: a named always-on workload (parameters, MACs, activation arena), scaled to
//! the student's size and precision, on a microcontroller whose latency is counted in cycles.
//! See `docs/physics.md`, "TinyML".

use super::Quant;
use super::roofline::GB;
use super::scenario::{Hardware, Scenario, TinyWorkload};

impl TinyWorkload {
    /// MACs of one inference of the family's member with `params` parameters.
    pub fn macs_at(&self, params: f64) -> f64 {
        self.macs * params / self.params
    }
    /// Activation arena, KiB, of the member with `params` parameters.
    pub fn arena_kib_at(&self, params: f64) -> f64 {
        self.arena_kib * (params / self.params).sqrt()
    }
}

/// The TinyML tier running its workload at one size and precision.
#[derive(Debug, Clone, Copy)]
pub struct TinyMl {
    /// Weights, KiB.
    pub weights_kib: f64,
    /// Peak activation memory (the runtime's arena), KiB.
    pub arena_kib: f64,
    /// Multiply-accumulates of one inference.
    pub macs: f64,
    /// One inference: MACs / (MACs per cycle x clock), and never less than reading the
    /// weights once at the part's bandwidth.
    pub latency_s: f64,
}

impl TinyMl {
    /// SRAM the model needs: weights and arena.
    pub fn footprint_kib(&self) -> f64 {
        self.weights_kib + self.arena_kib
    }
}

/// The scenario's TinyML workload, scaled to `params` parameters at precision `q`, on the
/// TinyML part.
pub fn tiny_ml(sc: &Scenario, params: f64, q: Quant) -> TinyMl {
    tiny_ml_on(sc, sc.tiny(), params, q)
}

/// [`tiny_ml`] on a given part (a published board, in the tests).
pub fn tiny_ml_on(sc: &Scenario, hw: &Hardware, params: f64, q: Quant) -> TinyMl {
    let w = &sc.tiny_workload;
    let bytes = params * sc.precision.bytes_per_param.get(q);
    let macs = w.macs_at(params);
    let per_s = hw.int8_macs_per_cycle.unwrap_or(0.0) * hw.clock_mhz.unwrap_or(0.0) * 1e6;
    let compute = if per_s > 0.0 {
        macs / per_s
    } else {
        f64::INFINITY
    };
    TinyMl {
        weights_kib: bytes / 1024.0,
        arena_kib: w.arena_kib_at(params),
        macs,
        latency_s: compute.max(bytes / (hw.mem_bw_gbs * GB)),
    }
}

/// The most parameters of the TinyML workload that fit its SRAM at precision `q`.
pub fn tiny_max_params(sc: &Scenario, q: Quant) -> f64 {
    let room = sc.tiny_sram_kb() - sc.systems.tiny_sram_reserved_kb;
    let fits = |p: f64| tiny_ml(sc, p, q).footprint_kib() <= room;
    let (mut lo, mut hi) = (0.0, 1.0);
    while fits(hi) && hi < 1e13 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}
