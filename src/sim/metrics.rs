//! What the request simulation measures over its rolling window: percentiles of time to first
//! token and end to end, throughput, rejections, and the queue.

use std::collections::VecDeque;

use super::des::{Fate, Finished, InFlight, Req, RequestSim};

/// The cloud's queue and batches at one instant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloudNow {
    pub waiting: usize,
    pub batches: Vec<usize>,
}

/// Measured metrics over the rolling window.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measured {
    pub completed: usize,
    pub ttft_p50_ms: f64,
    pub ttft_p99_ms: f64,
    pub e2e_p50_ms: f64,
    pub e2e_p99_ms: f64,
    pub throughput_rps: f64,
    pub rejected: u64,
    pub failed: u64,
    /// Time-averaged number of cloud requests waiting for admission.
    pub queue_len: f64,
    /// Little's check for the cloud: mean number in the system (measured) vs λ·W.
    pub little_l: f64,
    pub little_lambda_w: f64,
}

/// What the instruments read from the simulation, as the model states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowReading {
    /// P99 time to first token, seconds.
    pub p99_s: f64,
    /// First tokens a second over the last window.
    pub first_tokens_per_s: f64,
    /// Measured over the first window from empty (an overloaded design), not the last.
    pub first_window: bool,
}

impl RequestSim {
    /// Drop finished requests that left the window.
    pub(super) fn trim(&mut self, now: f64) {
        while self
            .served_log
            .front()
            .is_some_and(|(a, _)| *a < now - 2.0 * self.log_s)
        {
            self.served_log.pop_front();
        }
        let cutoff = now - self.cfg.window_s;
        while self.finished.front().is_some_and(|f| f.end < cutoff) {
            self.finished.pop_front();
        }
        self.window_marks
            .push_back((now, self.area_in_system, self.area_queue));
        while self
            .window_marks
            .front()
            .is_some_and(|(t, _, _)| *t < cutoff)
            && self.window_marks.len() > 1
        {
            self.window_marks.pop_front();
        }
    }

    /// Requests in the system right now (cloud queued and active, and device tiers).
    pub fn in_flight(&self) -> usize {
        self.in_system + self.devices.iter().map(VecDeque::len).sum::<usize>()
    }

    /// The cloud right now: requests waiting for a batch (each replica's queue), and the
    /// batch each replica runs.
    pub fn cloud_now(&self) -> CloudNow {
        let waiting = self.replicas.iter().map(|r| r.queue.len()).sum::<usize>();
        let batches = self
            .replicas
            .iter()
            .map(|r| r.active.len() + r.admitting.len() + r.batch.len())
            .collect();
        CloudNow { waiting, batches }
    }

    /// Cloud requests served within the last `span_s` simulated seconds: their times to first
    /// token, seconds.
    pub fn recent_ttfts(&self, span_s: f64) -> Vec<f64> {
        let since = self.now - span_s;
        self.finished
            .iter()
            .rev()
            .take_while(|f| f.end >= since)
            .filter(|f| f.tier == 0 && f.fate == Fate::Served)
            .map(|f| f.ttft)
            .collect()
    }

    /// The quantity the model states, measured over the window the model states it for: the
    /// P99 time to first token of the cloud requests that arrived in the observation window
    /// (the scenario's overload window), one still waiting counted at its wait so far. An
    /// overloaded design is measured as the model states it, over the first window from
    /// empty; a stable one over the last window, its steady state.
    pub fn window_reading(&self) -> WindowReading {
        let now = self.now;
        let first_window = self.load.utilization >= 1.0;
        let (since, until) = if first_window {
            (0.0, self.log_s)
        } else {
            (now - self.log_s, now)
        };
        let inside = |a: f64| a >= since && a <= until;
        let mut waits = Vec::new();
        let log: Vec<(f64, f64)> = if first_window {
            self.first_window_log.clone()
        } else {
            self.served_log.iter().copied().collect()
        };
        for (a, f) in &log {
            if inside(*a) {
                waits.push(f - a);
            }
        }
        let mut firsts = 0usize;
        let recent = now - self.log_s;
        for (_, f) in &self.served_log {
            firsts += usize::from(*f >= recent);
        }
        self.for_each_in_flight(|r| {
            if r.tier != 0 {
                return;
            }
            // A first token scheduled for later has not come yet.
            let first = r.first_token.filter(|f| *f <= now);
            if inside(r.arrival) {
                waits.push(first.unwrap_or(now) - r.arrival);
            }
            firsts += usize::from(first.is_some_and(|f| f >= recent));
        });
        WindowReading {
            p99_s: percentile(&mut waits, 0.99),
            first_tokens_per_s: firsts as f64 / self.log_s.min(now).max(1e-9),
            first_window,
        }
    }

    /// Visit every request in flight (for drawing).
    pub fn for_each_in_flight(&self, mut f: impl FnMut(InFlight)) {
        let mk = |tier: usize, r: &Req, done: Option<f64>| InFlight {
            id: r.id,
            tier,
            arrival: r.arrival,
            first_token: r.first_token,
            done,
        };
        for rep in &self.replicas {
            rep.queue.iter().for_each(|r| f(mk(0, r, None)));
            rep.admitting.iter().for_each(|r| f(mk(0, r, None)));
            rep.active.iter().for_each(|(r, _)| f(mk(0, r, None)));
            rep.batch.iter().for_each(|r| f(mk(0, r, rep.busy_until)));
        }
        for (tier, q) in self.devices.iter().enumerate() {
            let e2e = self.device[tier].1;
            q.iter().for_each(|r| f(mk(tier, r, Some(r.arrival + e2e))));
        }
    }

    /// Requests finished within the window, oldest first.
    pub fn finished(&self) -> impl DoubleEndedIterator<Item = &Finished> {
        self.finished.iter()
    }

    /// Metrics of the cloud over the rolling window.
    pub fn measured(&self) -> Measured {
        let mut ttft: Vec<f64> = Vec::new();
        let mut e2e: Vec<f64> = Vec::new();
        let mut rejected = 0;
        let mut failed = 0;
        let mut served = 0;
        for f in self.finished.iter().filter(|f| f.tier == 0) {
            match f.fate {
                Fate::Served => {
                    served += 1;
                    ttft.push(f.ttft);
                    e2e.push(f.e2e);
                }
                Fate::Rejected => rejected += 1,
                Fate::Failed => failed += 1,
            }
        }
        let (t0, a0, q0) = self
            .window_marks
            .front()
            .copied()
            .unwrap_or((0.0, 0.0, 0.0));
        let span = (self.now - t0).max(1e-9);
        let little_l = (self.area_in_system - a0) / span;
        let queue_len = (self.area_queue - q0) / span;
        let throughput = served as f64 / span.min(self.cfg.window_s).max(1e-9);
        let mean_w = if e2e.is_empty() {
            0.0
        } else {
            e2e.iter().sum::<f64>() / e2e.len() as f64
        };
        Measured {
            completed: served,
            ttft_p50_ms: percentile(&mut ttft, 0.50) * 1e3,
            ttft_p99_ms: percentile(&mut ttft, 0.99) * 1e3,
            e2e_p50_ms: percentile(&mut e2e, 0.50) * 1e3,
            e2e_p99_ms: percentile(&mut e2e, 0.99) * 1e3,
            throughput_rps: throughput,
            rejected,
            failed,
            queue_len,
            little_l,
            little_lambda_w: throughput * mean_w,
        }
    }
}

/// The q-th quantile (nearest rank) of `v`; 0 for an empty slice.
pub fn percentile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let k = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    let (_, x, _) = v.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    *x
}
