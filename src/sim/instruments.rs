//! The live instruments' data: a histogram of recent times to first token with its P50 and
//! P99, and a strip chart of P99 and throughput over the last minute. Kept across designs, so
//! a control change is seen settling; each change is marked on the strip.

use std::collections::VecDeque;

use super::des::RequestSim;
use super::metrics::percentile;

/// Simulated seconds the histogram covers.
pub const HISTOGRAM_S: f64 = 10.0;
/// Simulated seconds the strip chart keeps.
pub const STRIP_S: f64 = 60.0;

/// One point of the strip chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StripPoint {
    /// Simulated seconds since the instruments started (continues across designs).
    pub t: f64,
    pub p99_ms: f64,
    pub served_rps: f64,
}

/// The histogram of recent cloud times to first token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    /// (bin start, bin width, count), in ms.
    pub bins: Vec<(f64, f64, usize)>,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub samples: usize,
}

impl Histogram {
    /// Equal-width bins from 0 to the largest sample (at least to `span_ms`).
    pub fn of(ttfts_ms: &mut [f64], n_bins: usize, span_ms: f64) -> Self {
        if ttfts_ms.is_empty() || n_bins == 0 {
            return Histogram::default();
        }
        let max = ttfts_ms.iter().copied().fold(span_ms, f64::max);
        let width = max / n_bins as f64;
        let mut counts = vec![0usize; n_bins];
        for v in ttfts_ms.iter() {
            let i = ((v / width) as usize).min(n_bins - 1);
            counts[i] += 1;
        }
        Histogram {
            bins: counts
                .into_iter()
                .enumerate()
                .map(|(i, c)| (i as f64 * width, width, c))
                .collect(),
            p50_ms: percentile(ttfts_ms, 0.50),
            p99_ms: percentile(ttfts_ms, 0.99),
            samples: ttfts_ms.len(),
        }
    }
}

/// The instruments' state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Instruments {
    pub histogram: Histogram,
    pub strip: VecDeque<StripPoint>,
    /// Strip times at which the design changed.
    pub changes: VecDeque<f64>,
    /// Strip time of the running simulation's start.
    offset: f64,
    /// The strip's P99 is over the first window after the change (an overloaded design), not
    /// the last.
    pub first_window: bool,
}

impl Instruments {
    /// The strip's clock now.
    pub fn clock(&self, sim: &RequestSim) -> f64 {
        self.offset + sim.now
    }

    /// A new design (a new simulation) starts now: mark it on the strip.
    pub fn restart(&mut self, old_sim_now: f64) {
        self.offset += old_sim_now;
        self.changes.push_back(self.offset);
    }

    /// Take the simulation's recent requests into the histogram and the strip.
    pub fn record(&mut self, sim: &RequestSim, slo_ms: f64) {
        let mut recent: Vec<f64> = sim
            .recent_ttfts(HISTOGRAM_S)
            .into_iter()
            .map(|s| s * 1e3)
            .collect();
        self.histogram = Histogram::of(&mut recent, 24, 2.0 * slo_ms);
        let w = sim.window_reading();
        self.first_window = w.first_window;
        let t = self.clock(sim);
        self.strip.push_back(StripPoint {
            t,
            p99_ms: w.p99_s * 1e3,
            served_rps: w.first_tokens_per_s,
        });
        while self.strip.front().is_some_and(|p| p.t < t - STRIP_S) {
            self.strip.pop_front();
        }
        while self.changes.front().is_some_and(|c| *c < t - STRIP_S) {
            self.changes.pop_front();
        }
    }
}
