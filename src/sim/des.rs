//! A seeded discrete-event simulation of the requests themselves.
//!
//! - Poisson arrivals per tier at the report's rates, routed at random to the cloud's replicas
//!   (random routing keeps each replica's arrivals Poisson, as the analytic model assumes).
//! - The cloud's replicas serve with the design's policy, with step times from the `systems`
//!   model's roofline ([`Engine`]):
//!   - continuous: up to B_max sequences share each iteration; waiting requests are admitted at
//!     iteration boundaries while KV slots are free; an iteration lasts
//!     t_step(B) + prefill work of the requests it admits; a request's first token comes at the
//!     end of its admitting iteration, its last T − 1 iterations later;
//!   - dynamic: an idle replica waits up to the window after its first queued request, takes
//!     up to B_max, prefills them together, then decodes the batch to its end;
//!   - static: each replica fills a batch of fixed size from its own queue and starts it once
//!     the batch is full and the replica free; every sequence is padded to the longest answer
//!     (dynamic batches are padded the same way).
//! - Edge, mobile and TinyML requests take their tier's latency (one device per user: no queue).
//! - Requests to an out-of-memory tier fail. Each replica's queue is bounded; requests beyond
//!   the bound are rejected and counted.
//! - Metrics come from the simulated requests over a rolling window.

use std::collections::VecDeque;

pub use super::events::{Fate, Finished, InFlight, SimEvent};
use crate::physics::queueing::cloud_engine;
use crate::physics::systems::{CloudLoad, cloud_load};
use crate::physics::{Design, Report, Scenario, Serving, Tier};

/// The simulation's random stream: PCG (portable, so one seed gives the same requests on
/// native and on the web).
type Rng = rand_pcg::Pcg64Mcg;

/// An exponential draw with the given rate (inter-arrival times of a Poisson stream).
fn exp(rng: &mut Rng, rate: f64) -> f64 {
    use rand_distr::Distribution;
    rand_distr::Exp::new(rate).map_or(f64::INFINITY, |d| d.sample(rng))
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Req {
    pub(super) id: u64,
    pub(super) arrival: f64,
    pub(super) first_token: Option<f64>,
}

/// One cloud replica.
#[derive(Debug, Clone, Default)]
pub(super) struct Replica {
    pub(super) queue: VecDeque<Req>,
    /// Active sequences in admission order, with the iteration at which each finishes.
    pub(super) active: VecDeque<(Req, u64)>,
    /// Requests admitted in the running iteration (first token at its end).
    pub(super) admitting: Vec<Req>,
    /// Iterations completed.
    pub(super) iter: u64,
    /// End of the running iteration or batch phase; None when idle.
    pub(super) busy_until: Option<f64>,
    /// Dynamic batching: when the gathering window closes.
    pub(super) window_until: Option<f64>,
    /// Request-level batches: the batch in service and its decode start.
    pub(super) batch: Vec<Req>,
}

/// Simulation settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimConfig {
    pub seed: u64,
    /// Rolling window of the metrics, simulated seconds.
    pub window_s: f64,
    /// Keep every cloud TTFT since the start (long measurement runs only: memory grows).
    pub record_all: bool,
    /// Record [`SimEvent`]s for a consumer that drains them every step (the particles).
    pub record_events: bool,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 16,
            window_s: 30.0,
            record_all: false,
            record_events: false,
        }
    }
}

/// The simulation of one design.
#[derive(Debug, Clone)]
pub struct RequestSim {
    pub now: f64,
    pub(super) cfg: SimConfig,
    pub(super) rng: Rng,
    pub(super) next_id: u64,
    /// Next arrival per tier.
    pub(super) next_arrival: [f64; Tier::COUNT],
    pub(super) rates: [f64; Tier::COUNT],
    pub(super) tier_oom: [bool; Tier::COUNT],
    /// Fixed latencies of the device tiers (ttft, e2e), seconds.
    pub(super) device: [(f64, f64); Tier::COUNT],
    pub(super) serving: Serving,
    pub(super) load: CloudLoad,
    pub(super) step_table: Vec<f64>,
    pub(super) prefill_work: f64,
    /// Prefill of a batch of n prompts at once (request-level batching), by n.
    pub(super) prefill_table: Vec<f64>,
    /// Bound on each replica's queue (and on the static router's backlog per replica).
    pub(super) queue_bound: usize,
    pub(super) window_s: f64,
    pub(super) static_batch: usize,
    pub(super) padding: f64,
    pub(super) output_tokens: u64,
    pub(super) replicas: Vec<Replica>,
    /// Device-tier requests in flight, in completion order per tier.
    pub(super) devices: [VecDeque<Req>; Tier::COUNT],
    pub(super) finished: VecDeque<Finished>,
    /// Served cloud requests by arrival (arrival, first token), kept for two observation
    /// windows: what the instruments' P99 is taken over.
    pub(super) served_log: VecDeque<(f64, f64)>,
    /// The same, for the requests that arrived in the first observation window (kept whole).
    pub(super) first_window_log: Vec<(f64, f64)>,
    /// The observation window (the scenario's overload window), seconds.
    pub(super) log_s: f64,
    /// Cloud TTFTs of every request served since the start, when `record_all` is set.
    pub cloud_ttfts: Vec<f64>,
    pub rejected: u64,
    pub failed: u64,
    /// Integrals for Little's check and the queue length (cloud only).
    pub(super) area_in_system: f64,
    pub(super) area_queue: f64,
    pub(super) in_system: usize,
    /// Recent per-window integrals.
    pub(super) window_marks: VecDeque<(f64, f64, f64)>,
    pub(super) events: Vec<SimEvent>,
}

impl RequestSim {
    pub fn new(sc: &Scenario, d: &Design, report: &Report, cfg: SimConfig) -> Self {
        let c = &sc.systems;
        // The plan the report derived; the course's formulas have none, so it is derived here.
        let load = report
            .systems
            .as_ref()
            .map_or_else(|| cloud_load(sc, d), |s| s.cloud_plan.clone());
        let e = cloud_engine(sc, d).with_tp(load.tp);
        let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
        let ctx_avg = s_tok + t_tok / 2.0;
        let s_eff = s_tok * (1.0 - c.prefill_cached_fraction());
        let b_max = load.max_batch.max(1.0) as usize;
        let step_table = (0..=b_max)
            .map(|b| e.decode_step_s(b.max(1) as f64, ctx_avg))
            .collect();
        let ms = 1e-3;
        // Each device's first token and whole answer, in seconds (the cloud is simulated).
        let device = Tier::ALL.map(|t| {
            let f = report.tier(t);
            match t {
                Tier::Cloud => (0.0, 0.0),
                // A TinyML answer is one inference: its first token is its whole answer.
                Tier::Tiny => (f.p99_ms * ms, f.p99_ms * ms),
                Tier::Edge | Tier::Mobile => (f.first_token_ms.unwrap_or(0.0) * ms, f.p99_ms * ms),
            }
        });
        let mut rng = <Rng as rand_core::SeedableRng>::seed_from_u64(cfg.seed);
        let rates = report.tier_rps;
        let next_arrival = std::array::from_fn(|i| {
            if rates[i] > 0.0 {
                exp(&mut rng, rates[i])
            } else {
                f64::INFINITY
            }
        });
        RequestSim {
            now: 0.0,
            cfg,
            rng,
            next_id: 0,
            next_arrival,
            rates,
            // A cloud with no replica serves nothing, whatever its memory.
            tier_oom: Tier::ALL
                .map(|t| report.tier(t).oom || (t == Tier::Cloud && load.replicas == 0)),
            device,
            serving: d.serving,
            step_table,
            prefill_work: e.prefill_work_s(s_eff),
            prefill_table: (0..=b_max)
                .map(|n| e.prefill_s(n.max(1) as f64, s_eff))
                .collect(),
            // What the model says each replica admits: its share of the front end's bound,
            // and no more than it starts within the gateway timeout.
            queue_bound: load.queue_bound_per_replica.max(1.0) as usize,
            window_s: c.dynamic_window_ms * ms,
            static_batch: (c.static_batch.min(load.max_batch.max(1.0))) as usize,
            padding: c.static_padding_factor,
            output_tokens: t_tok.max(1.0) as u64,
            replicas: vec![Replica::default(); load.replicas as usize],
            load,
            devices: Default::default(),
            finished: VecDeque::new(),
            served_log: VecDeque::new(),
            first_window_log: Vec::new(),
            log_s: c.overload_window_s,
            cloud_ttfts: Vec::new(),
            rejected: 0,
            failed: 0,
            area_in_system: 0.0,
            area_queue: 0.0,
            in_system: 0,
            window_marks: VecDeque::new(),
            events: Vec::new(),
        }
    }

    /// Take the events recorded since the last call (empty unless `record_events`).
    pub fn drain_events(&mut self) -> std::vec::Drain<'_, SimEvent> {
        self.events.drain(..)
    }

    pub(super) fn event(&mut self, e: SimEvent) {
        if self.cfg.record_events {
            self.events.push(e);
        }
    }

    /// The analytic model's view of the cloud this simulation runs.
    pub fn cloud(&self) -> &CloudLoad {
        &self.load
    }

    pub(super) fn step_s(&self, b: usize) -> f64 {
        self.step_table[b.min(self.step_table.len() - 1)]
    }

    pub(super) fn finish(&mut self, tier: usize, r: Req, end: f64, fate: Fate) {
        self.event(SimEvent::Finished {
            id: r.id,
            t: end,
            fate,
        });
        let ttft = r.first_token.map_or(f64::NAN, |f| f - r.arrival);
        if tier == 0 && fate == Fate::Served {
            if self.cfg.record_all {
                self.cloud_ttfts.push(ttft);
            }
            let entry = (r.arrival, r.first_token.unwrap_or(end));
            if r.arrival <= self.log_s {
                self.first_window_log.push(entry);
            }
            self.served_log.push_back(entry);
            self.in_system -= 1;
        }
        self.finished.push_back(Finished {
            id: r.id,
            tier,
            arrival: r.arrival,
            ttft,
            e2e: end - r.arrival,
            end,
            fate,
        });
    }

    pub(super) fn queued(&self) -> usize {
        self.replicas.iter().map(|r| r.queue.len()).sum::<usize>()
    }

    /// Advance the simulation by `dt` simulated seconds.
    pub fn advance(&mut self, dt: f64) {
        let target = self.now + dt.max(0.0);
        loop {
            // The next event: an arrival, or a replica finishing its iteration/phase/window.
            let (arr_t, arr_tier) = self
                .next_arrival
                .iter()
                .enumerate()
                .map(|(i, t)| (*t, i))
                .fold((f64::INFINITY, 0), |a, b| if b.0 < a.0 { b } else { a });
            let mut rep_t = f64::INFINITY;
            let mut rep_i = 0;
            for (i, r) in self.replicas.iter().enumerate() {
                for t in [r.busy_until, r.window_until].into_iter().flatten() {
                    if t < rep_t {
                        rep_t = t;
                        rep_i = i;
                    }
                }
            }
            let dev_t = self
                .devices
                .iter()
                .enumerate()
                .filter_map(|(i, q)| q.front().map(|r| (r.arrival + self.device[i].1, i)))
                .fold((f64::INFINITY, 0), |a, b| if b.0 < a.0 { b } else { a });
            let t = arr_t.min(rep_t).min(dev_t.0);
            if t > target {
                break;
            }
            self.integrate(t);
            if t == dev_t.0 {
                let tier = dev_t.1;
                let r = self.devices[tier].pop_front().expect("front exists");
                self.finish(tier, r, t, Fate::Served);
            } else if t == arr_t {
                self.arrive(arr_tier, t);
            } else {
                self.replica_event(rep_i, t);
            }
        }
        self.integrate(target);
        self.trim(target);
    }

    fn integrate(&mut self, t: f64) {
        let dt = t - self.now;
        if dt > 0.0 {
            self.area_in_system += dt * self.in_system as f64;
            self.area_queue += dt * self.queued() as f64;
            self.now = t;
        }
    }

    fn arrive(&mut self, tier: usize, t: f64) {
        self.next_arrival[tier] = t + exp(&mut self.rng, self.rates[tier]);
        let r = Req {
            id: self.next_id,
            arrival: t,
            first_token: None,
        };
        self.next_id += 1;
        self.event(SimEvent::Arrived { id: r.id, tier, t });
        if self.tier_oom[tier] {
            self.failed += 1;
            self.finish(tier, r, t, Fate::Failed);
            return;
        }
        if tier != 0 {
            let mut r = r;
            let first = t + self.device[tier].0;
            r.first_token = Some(first);
            self.event(SimEvent::FirstToken { id: r.id, t: first });
            self.devices[tier].push_back(r);
            return;
        }
        let i = {
            use rand_distr::Distribution;
            rand_distr::Uniform::new(0, self.replicas.len()).map_or(0, |u| u.sample(&mut self.rng))
        };
        if self.replicas[i].queue.len() >= self.queue_bound {
            self.rejected += 1;
            self.finish(0, r, t, Fate::Rejected);
            return;
        }
        self.in_system += 1;
        self.replicas[i].queue.push_back(r);
        if self.replicas[i].busy_until.is_some() {
            return;
        }
        match self.serving {
            Serving::Continuous => self.start_iteration(i, t),
            Serving::Static => self.start_static(i, t),
            Serving::Dynamic => {
                let rep = &mut self.replicas[i];
                if rep.window_until.is_none() {
                    rep.window_until = Some(t + self.window_s);
                }
                if rep.queue.len() >= self.load.max_batch as usize {
                    rep.window_until = Some(t);
                }
            }
        }
    }
}
