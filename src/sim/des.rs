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
//!   - static: a global router fills batches of fixed size and hands each full batch to a free
//!     replica; every sequence is padded to the longest answer.
//! - Edge, mobile and TinyML requests take their tier's latency (one device per user: no queue).
//! - Requests to an out-of-memory tier fail. Each replica's queue is bounded; requests beyond
//!   the bound are rejected and counted.
//! - Metrics come from the simulated requests over a rolling window.

use std::collections::VecDeque;

use crate::physics::systems::{CloudLoad, Engine, cloud_load};
use crate::physics::{Design, Report, Scenario, Serving};

/// The simulation's random stream: PCG (portable, so one seed gives the same requests on
/// native and on the web).
type Rng = rand_pcg::Pcg64Mcg;

/// An exponential draw with the given rate (inter-arrival times of a Poisson stream).
fn exp(rng: &mut Rng, rate: f64) -> f64 {
    use rand_distr::Distribution;
    rand_distr::Exp::new(rate).map_or(f64::INFINITY, |d| d.sample(rng))
}

/// How a finished request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Served,
    /// The tier is out of memory.
    Failed,
    /// The queue was full.
    Rejected,
}

/// A request still in the system (for drawing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InFlight {
    pub id: u64,
    pub tier: usize,
    pub arrival: f64,
    /// Time of its first token, once known.
    pub first_token: Option<f64>,
    /// Time it finishes, once known.
    pub done: Option<f64>,
}

/// What happened to a request, for drawing (recorded when events are on).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SimEvent {
    Arrived { id: u64, tier: usize, t: f64 },
    FirstToken { id: u64, t: f64 },
    Finished { id: u64, t: f64, fate: Fate },
}

/// A finished request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finished {
    pub id: u64,
    pub tier: usize,
    pub arrival: f64,
    pub ttft: f64,
    pub e2e: f64,
    pub end: f64,
    pub fate: Fate,
}

#[derive(Debug, Clone, Copy)]
struct Req {
    id: u64,
    arrival: f64,
    first_token: Option<f64>,
}

/// One cloud replica.
#[derive(Debug, Clone, Default)]
struct Replica {
    queue: VecDeque<Req>,
    /// Active sequences in admission order, with the iteration at which each finishes.
    active: VecDeque<(Req, u64)>,
    /// Requests admitted in the running iteration (first token at its end).
    admitting: Vec<Req>,
    /// Iterations completed.
    iter: u64,
    /// End of the running iteration or batch phase; None when idle.
    busy_until: Option<f64>,
    /// Dynamic batching: when the gathering window closes.
    window_until: Option<f64>,
    /// Request-level batches: the batch in service and its decode start.
    batch: Vec<Req>,
}

/// Simulation settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimConfig {
    pub seed: u64,
    /// Bound on each replica's queue (and on the static router's backlog).
    pub queue_bound: usize,
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
            queue_bound: 4096,
            window_s: 30.0,
            record_all: false,
            record_events: false,
        }
    }
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

/// The simulation of one design.
#[derive(Debug, Clone)]
pub struct RequestSim {
    pub now: f64,
    cfg: SimConfig,
    rng: Rng,
    next_id: u64,
    /// Next arrival per tier.
    next_arrival: [f64; 4],
    rates: [f64; 4],
    tier_oom: [bool; 4],
    /// Fixed latencies of the device tiers (ttft, e2e), seconds.
    device: [(f64, f64); 4],
    serving: Serving,
    load: CloudLoad,
    step_table: Vec<f64>,
    prefill_work: f64,
    prefill_fixed: f64,
    window_s: f64,
    static_batch: usize,
    padding: f64,
    output_tokens: u64,
    replicas: Vec<Replica>,
    /// Static batching: the batch being filled, and full batches waiting for a replica.
    filling: Vec<Req>,
    full: VecDeque<Vec<Req>>,
    /// Device-tier requests in flight, in completion order per tier.
    devices: [VecDeque<Req>; 4],
    finished: VecDeque<Finished>,
    /// Cloud TTFTs of every request served since the start, when `record_all` is set.
    pub cloud_ttfts: Vec<f64>,
    pub rejected: u64,
    pub failed: u64,
    /// Integrals for Little's check and the queue length (cloud only).
    area_in_system: f64,
    area_queue: f64,
    in_system: usize,
    /// Recent per-window integrals.
    window_marks: VecDeque<(f64, f64, f64)>,
    events: Vec<SimEvent>,
}

impl RequestSim {
    pub fn new(sc: &Scenario, d: &Design, report: &Report, cfg: SimConfig) -> Self {
        let c = &sc.systems;
        let load = cloud_load(sc, d);
        let e = Engine::new(sc, sc.cloud(), sc.llm(), d.quant_cloud, d.kv_quant).with_tp(load.tp);
        let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
        let ctx_avg = s_tok + t_tok / 2.0;
        let s_eff = s_tok * (1.0 - c.prefill_cached_fraction());
        let b_max = load.max_batch.max(1.0) as usize;
        let step_table = (0..=b_max)
            .map(|b| e.decode_step_s(b.max(1) as f64, ctx_avg))
            .collect();
        let ms = 1e-3;
        let device = [
            (0.0, 0.0),
            (
                report.systems.as_ref().map_or(0.0, |s| s.edge_ttft_ms) * ms,
                report.edge_p99_ms * ms,
            ),
            (
                report.systems.as_ref().map_or(0.0, |s| s.mobile_ttft_ms) * ms,
                report.mobile_p99_ms * ms,
            ),
            (report.tiny_p99_ms * ms, report.tiny_p99_ms * ms),
        ];
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
            tier_oom: [
                report.cloud_oom || load.replicas == 0,
                report.edge_oom,
                report.mobile_oom,
                report.tiny_oom,
            ],
            device,
            serving: d.serving,
            step_table,
            prefill_work: e.prefill_work_s(s_eff),
            prefill_fixed: e.prefill_s(0.0),
            window_s: c.dynamic_window_ms * ms,
            static_batch: (c.static_batch.min(load.max_batch.max(1.0))) as usize,
            padding: c.static_padding_factor,
            output_tokens: t_tok.max(1.0) as u64,
            replicas: vec![Replica::default(); load.replicas as usize],
            load,
            filling: Vec::new(),
            full: VecDeque::new(),
            devices: Default::default(),
            finished: VecDeque::new(),
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

    fn event(&mut self, e: SimEvent) {
        if self.cfg.record_events {
            self.events.push(e);
        }
    }

    /// The analytic model's view of the cloud this simulation runs.
    pub fn cloud(&self) -> &CloudLoad {
        &self.load
    }

    fn step_s(&self, b: usize) -> f64 {
        self.step_table[b.min(self.step_table.len() - 1)]
    }

    fn finish(&mut self, tier: usize, r: Req, end: f64, fate: Fate) {
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

    fn queued(&self) -> usize {
        self.replicas.iter().map(|r| r.queue.len()).sum::<usize>()
            + self.filling.len()
            + self.full.iter().map(Vec::len).sum::<usize>()
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
        match self.serving {
            Serving::Static => {
                if self.queued() >= self.cfg.queue_bound * self.replicas.len().max(1) {
                    self.rejected += 1;
                    self.finish(0, r, t, Fate::Rejected);
                    return;
                }
                self.in_system += 1;
                self.filling.push(r);
                if self.filling.len() >= self.static_batch {
                    let batch = std::mem::take(&mut self.filling);
                    self.full.push_back(batch);
                    self.dispatch_static(t);
                }
            }
            _ => {
                let i = {
                    use rand_distr::Distribution;
                    rand_distr::Uniform::new(0, self.replicas.len())
                        .map_or(0, |u| u.sample(&mut self.rng))
                };
                if self.replicas[i].queue.len() >= self.cfg.queue_bound {
                    self.rejected += 1;
                    self.finish(0, r, t, Fate::Rejected);
                    return;
                }
                self.in_system += 1;
                self.replicas[i].queue.push_back(r);
                let idle = self.replicas[i].busy_until.is_none();
                if idle {
                    match self.serving {
                        Serving::Continuous => self.start_iteration(i, t),
                        _ => {
                            if self.replicas[i].window_until.is_none() {
                                self.replicas[i].window_until = Some(t + self.window_s);
                            }
                            if self.replicas[i].queue.len() >= self.load.max_batch as usize {
                                self.replicas[i].window_until = Some(t);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Continuous batching: admit what fits and run one iteration.
    fn start_iteration(&mut self, i: usize, t: f64) {
        let b_max = self.load.max_batch as usize;
        let rep = &mut self.replicas[i];
        let mut admitted = 0;
        while rep.active.len() + rep.admitting.len() < b_max {
            let Some(r) = rep.queue.pop_front() else {
                break;
            };
            rep.admitting.push(r);
            admitted += 1;
        }
        let b = rep.active.len() + rep.admitting.len();
        if b == 0 {
            rep.busy_until = None;
            return;
        }
        let dur =
            self.step_table[b.min(self.step_table.len() - 1)] + self.prefill_work * admitted as f64;
        self.replicas[i].busy_until = Some(t + dur);
    }

    fn replica_event(&mut self, i: usize, t: f64) {
        match self.serving {
            Serving::Continuous => {
                let out_tokens = self.output_tokens;
                let rep = &mut self.replicas[i];
                rep.busy_until = None;
                rep.iter += 1;
                let it = rep.iter;
                // Sequences admitted in this iteration get their first token now.
                let admitting = std::mem::take(&mut rep.admitting);
                let mut firsts = Vec::with_capacity(admitting.len());
                for mut r in admitting {
                    r.first_token = Some(t);
                    firsts.push(r.id);
                    rep.active.push_back((r, it + out_tokens - 1));
                }
                let mut done = Vec::new();
                while rep.active.front().is_some_and(|(_, f)| *f <= it) {
                    done.push(rep.active.pop_front().expect("front exists").0);
                }
                for id in firsts {
                    self.event(SimEvent::FirstToken { id, t });
                }
                for r in done {
                    self.finish(0, r, t, Fate::Served);
                }
                self.start_iteration(i, t);
            }
            Serving::Dynamic => {
                let rep = &mut self.replicas[i];
                if rep.window_until.is_some_and(|w| w <= t) && rep.busy_until.is_none() {
                    // The window closed: take a batch, prefill it.
                    rep.window_until = None;
                    let n = rep.queue.len().min(self.load.max_batch as usize);
                    let batch: Vec<Req> = rep.queue.drain(..n).collect();
                    let decode_steps = self.output_tokens.saturating_sub(1) as f64;
                    self.start_batch(i, batch, t, decode_steps);
                } else if rep.busy_until.is_some_and(|b| b <= t) {
                    rep.busy_until = None;
                    let batch = std::mem::take(&mut rep.batch);
                    let more = !rep.queue.is_empty();
                    for r in batch {
                        self.finish(0, r, t, Fate::Served);
                    }
                    if more {
                        let full = self.replicas[i].queue.len() >= self.load.max_batch as usize;
                        let first_wait = self.replicas[i].queue.front().map_or(t, |r| r.arrival);
                        let close = if full {
                            t
                        } else {
                            (first_wait + self.window_s).max(t)
                        };
                        self.replicas[i].window_until = Some(close);
                    }
                }
            }
            Serving::Static => {
                let rep = &mut self.replicas[i];
                rep.busy_until = None;
                let batch = std::mem::take(&mut rep.batch);
                for r in batch {
                    self.finish(0, r, t, Fate::Served);
                }
                self.dispatch_static(t);
            }
        }
    }

    /// Static batching: hand full batches to free replicas.
    fn dispatch_static(&mut self, t: f64) {
        while !self.full.is_empty() {
            let Some(i) = self.replicas.iter().position(|r| r.busy_until.is_none()) else {
                return;
            };
            let batch = self.full.pop_front().expect("non-empty");
            let decode_steps = self.padding * self.output_tokens as f64;
            self.start_batch(i, batch, t, decode_steps);
        }
    }

    /// Request-level batching: prefill the batch together (its first tokens come at the end of
    /// the prefill), then run `decode_steps` decode iterations at the batch's size.
    fn start_batch(&mut self, i: usize, batch: Vec<Req>, t: f64, decode_steps: f64) {
        let n = batch.len();
        let first = t + self.prefill_fixed + self.prefill_work * n as f64;
        let end = first + decode_steps * self.step_s(n);
        for r in &batch {
            self.event(SimEvent::FirstToken { id: r.id, t: first });
        }
        let rep = &mut self.replicas[i];
        rep.batch = batch
            .into_iter()
            .map(|mut r| {
                r.first_token = Some(first);
                r
            })
            .collect();
        rep.busy_until = Some(end);
    }

    /// Drop finished requests that left the window.
    fn trim(&mut self, now: f64) {
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
        self.filling.iter().for_each(|r| f(mk(0, r, None)));
        self.full.iter().flatten().for_each(|r| f(mk(0, r, None)));
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
