//! Queueing and capacity of the cloud tier: how the serving strategy batches requests, and
//! the queueing delay in the P99 time to first token.

use super::roofline::{Engine, GB, MS};
use super::scenario::SystemsConsts;
use super::tails::{
    Admission, TAIL, continuous_ttft_p99_s, erlang_c, overload_wait_s, static_fill_p99_s,
    window_wait_p99_s,
};
use super::{Design, Scenario, Serving};

/// The cloud tier under load: the plan (tensor-parallel group, replicas, batch, step) that the
/// report, the worked equations, the world and the request simulation all read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloudLoad {
    pub tp: u32,
    pub replicas: u32,
    pub oom: bool,
    pub max_batch: f64,
    pub batch: f64,
    pub step_s: f64,
    pub prefill_s: f64,
    pub capacity_rps: f64,
    pub utilization: f64,
    pub wait_p99_s: f64,
    pub ttft_p99_s: f64,
    pub e2e_p99_s: f64,
    pub ok_fraction: f64,
    pub kv_gb: f64,
    pub memory_gb: f64,
    /// Mean time waiting before service (for Little's Law: queue = lambda x mean wait).
    pub mean_wait_s: f64,
    pub queue_len: f64,
    /// Requests one replica admits to its queue: its share of the front end's bound, and no
    /// more than it can start within the gateway timeout.
    pub queue_bound_per_replica: f64,
}

/// One serving strategy's answer, per replica.
struct Arm {
    batch: f64,
    step: f64,
    prefill: f64,
    /// Service rate of one replica, requests per second.
    mu_r: f64,
    rho: f64,
    wait: f64,
    ttft: f64,
    /// Decode time from the first token to the last.
    decode_after_first: f64,
    ok: f64,
    mean_wait: f64,
}

/// The cloud's roofline engine for a design: its weight and KV-cache precisions on the
/// scenario's cloud GPU, one GPU (split it with `with_tp`). The one place it is built.
pub fn cloud_engine<'a>(sc: &'a Scenario, d: &Design) -> Engine<'a> {
    Engine::new(sc, sc.cloud(), sc.llm(), d.quant_cloud, d.kv_quant)
}

/// Evaluate the cloud: N GPUs as replicas of the smallest TP group that holds the model.
pub fn cloud_load(sc: &Scenario, d: &Design) -> CloudLoad {
    let c = &sc.systems;
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let ctx_max = s_tok + t_tok;
    let ctx_avg = s_tok + t_tok / 2.0;
    let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
    let tp = tp_group(sc, d, ctx_max);
    let e = cloud_engine(sc, d).with_tp(tp);
    let replicas = d.n_h100 / tp;
    let b_max = e.max_batch(ctx_max);
    if replicas == 0 || b_max < 1.0 {
        let mem = e.weights() / GB + d.n_h100 as f64 * c.workspace_gb;
        // Serves nothing: no capacity, and no latency, since no request is ever answered.
        return CloudLoad {
            tp,
            replicas: 0,
            oom: true,
            memory_gb: mem,
            utilization: overload_rho(),
            wait_p99_s: f64::INFINITY,
            ttft_p99_s: f64::INFINITY,
            e2e_p99_s: f64::INFINITY,
            ..Default::default()
        };
    }
    let r = replicas as f64;
    let load = Load {
        e: &e,
        c,
        r,
        lam_r: lambda / r,
        s_eff: s_tok * (1.0 - c.prefill_cached_fraction()),
        slo_s: sc.slo.p99_ms / MS,
        pad: c.static_padding_factor,
        t_tok,
        ctx_avg,
        b_max,
    };
    let arm = match d.serving {
        Serving::Continuous => load.continuous(),
        Serving::Dynamic => load.dynamic(),
        Serving::Static => load.fixed(),
    };
    let capacity_rps = arm.mu_r * r;
    let kv_gb = arm.batch * ctx_avg * e.kv_bytes_per_token() / GB;
    CloudLoad {
        tp,
        replicas,
        oom: false,
        max_batch: b_max,
        queue_bound_per_replica: load.admit(arm.mu_r).bound_r,
        batch: arm.batch,
        step_s: arm.step,
        prefill_s: arm.prefill,
        capacity_rps,
        utilization: arm.rho,
        wait_p99_s: arm.wait,
        ttft_p99_s: arm.ttft,
        e2e_p99_s: arm.ttft + arm.decode_after_first,
        ok_fraction: arm.ok.clamp(0.0, 1.0),
        mean_wait_s: arm.mean_wait,
        // Little's Law for the whole cloud: requests waiting = admitted rate x mean wait.
        queue_len: lambda.min(capacity_rps) * arm.mean_wait,
        kv_gb,
        memory_gb: r * (e.weights() / GB + kv_gb) + d.n_h100 as f64 * c.workspace_gb,
    }
}

/// Smallest power-of-two TP group (dividing the KV heads) in which one full sequence fits.
fn tp_group(sc: &Scenario, d: &Design, ctx_max: f64) -> u32 {
    let base = cloud_engine(sc, d);
    let mut tp = 1u32;
    while base.with_tp(tp).max_batch(ctx_max) < 1.0 {
        tp *= 2;
        if tp as f64 > sc.llm().kv_heads || tp > d.n_h100 {
            break;
        }
    }
    tp
}

/// One replica's engine and load: what each serving strategy's answer is computed from.
#[derive(Clone, Copy)]
struct Load<'a> {
    e: &'a Engine<'a>,
    c: &'a SystemsConsts,
    /// Replicas.
    r: f64,
    /// Arrival rate at one replica.
    lam_r: f64,
    /// Prompt tokens left after the prefix cache.
    s_eff: f64,
    slo_s: f64,
    pad: f64,
    t_tok: f64,
    ctx_avg: f64,
    b_max: f64,
}

impl Load<'_> {
    /// The front end's queue is shared by the replicas; each holds its share of it, and no
    /// more than it could start within the gateway timeout.
    fn admit(&self, mu_r: f64) -> Admission {
        Admission {
            bound_r: (self.c.queue_bound / self.r)
                .min(self.c.max_queue_wait_s * mu_r)
                .max(1.0),
            window_s: self.c.overload_window_s,
        }
    }

    /// An overloaded replica that serves whole batches (dynamic and static batching): a
    /// backlog drains a full batch per cycle `t_b`, so a request waits the backlog ahead of it
    /// over the service rate, and at least the batch in progress. (P99 wait, share within the
    /// SLO, mean wait.)
    fn batch_backlog(&self, mu_r: f64, t_b: f64) -> (f64, f64, f64) {
        let (w, mean) = overload_wait_s(self.lam_r, mu_r, &self.admit(mu_r));
        (w.max((1.0 - TAIL) * t_b), 0.0, mean + t_b / 2.0)
    }

    fn continuous(&self) -> Arm {
        let Load {
            e,
            c,
            lam_r,
            s_eff,
            slo_s,
            t_tok,
            ctx_avg,
            b_max,
            ..
        } = *self;
        // Iteration-level batching: a request joins at the next iteration if a KV slot is
        // free. Prefill rides along the decode iterations.
        let cap = (1.0 - TAIL) * c.overload_window_s;
        let t_full = e.decode_step_s(b_max, ctx_avg);
        let pf = e.prefill_work_s(s_eff);
        let per_req = pf + t_tok * t_full / b_max;
        let mu_r = 1.0 / per_req;
        let rho = lam_r / mu_r;
        // Admissions run at the arrival rate, or at the service rate once overloaded.
        let lam_in = lam_r.min(mu_r);
        // Each iteration also carries the prefills of the requests that arrived during the
        // one before, so iterations stretch by 1 / (1 - lambda pf), the share of time not
        // spent on prefill.
        let busy_pf = (lam_in * pf).min(0.95);
        // Little's Law for the occupied slots: B = lambda x W, where a sequence lives for
        // T stretched iterations.
        let mut b = 1.0;
        for _ in 0..30 {
            let w = t_tok * e.decode_step_s(b, ctx_avg) / (1.0 - busy_pf);
            b = (lam_in * w).clamp(1.0, b_max);
        }
        let step = e.decode_step_s(b, ctx_avg);
        let base_s = continuous_ttft_p99_s(step, pf, lam_in);
        let adm = self.admit(mu_r);
        let (wait, ok, mean_wait) = if rho < 1.0 {
            // M/M/c with c = slots: the wait for a free slot.
            let cprob = erlang_c(b_max, rho * b_max);
            let gap = mu_r - lam_r;
            let w99 = if cprob > TAIL {
                (cprob / TAIL).ln() / gap
            } else {
                0.0
            };
            let ok = if slo_s > base_s {
                1.0 - cprob * (-(gap) * (slo_s - base_s)).exp()
            } else {
                0.0
            };
            // Never more than the first window from empty allows, nor the queue admits.
            let w99 = if w99 > 0.0 {
                w99.min(window_wait_p99_s(lam_r, mu_r, c))
                    .min(adm.full_wait_s(mu_r))
            } else {
                0.0
            };
            (w99, ok, cprob / gap)
        } else {
            let (w, mean) = overload_wait_s(lam_r, mu_r, &adm);
            (w, 0.0, mean)
        };
        Arm {
            batch: b,
            step,
            prefill: pf,
            mu_r,
            rho,
            wait,
            ttft: wait + base_s.min(cap),
            decode_after_first: (t_tok - 1.0).max(0.0) * step,
            ok,
            mean_wait,
        }
    }

    fn dynamic(&self) -> Arm {
        let Load {
            e,
            c,
            lam_r,
            s_eff,
            slo_s,
            pad,
            t_tok,
            ctx_avg,
            b_max,
            ..
        } = *self;
        // Request-level batching: gather for a window, then run the whole batch to its
        // longest answer (padded, as static batching is).
        let window = c.dynamic_window_ms / MS;
        let cycle = |b: f64| e.prefill_s(b, s_eff) + pad * t_tok * e.decode_step_s(b, ctx_avg);
        let mu_r = b_max / cycle(b_max);
        let rho = lam_r / mu_r;
        let lam_in = lam_r.min(mu_r);
        let mut b = 1.0;
        for _ in 0..30 {
            b = (lam_in * (window + cycle(b))).clamp(1.0, b_max);
        }
        let t_b = cycle(b);
        let pf = e.prefill_s(b, s_eff);
        // A request waits for the window, then for the batch in progress (uniform residual).
        let base_s = window + pf;
        let (wait, ok, mean_wait) = if rho < 1.0 {
            let ok = ((slo_s - base_s) / t_b).clamp(0.0, 1.0);
            ((1.0 - TAIL) * t_b, ok, window + t_b / 2.0)
        } else {
            self.batch_backlog(mu_r, t_b)
        };
        let step = e.decode_step_s(b, ctx_avg);
        Arm {
            batch: b,
            step,
            prefill: pf,
            mu_r,
            rho,
            wait,
            ttft: window + wait + pf,
            decode_after_first: pad * t_tok * step,
            ok,
            mean_wait,
        }
    }

    /// Static batching.
    fn fixed(&self) -> Arm {
        let Load {
            e,
            c,
            lam_r,
            s_eff,
            slo_s,
            pad,
            t_tok,
            ctx_avg,
            b_max,
            ..
        } = *self;
        // Fixed batches: each replica fills a batch from its own queue and starts it once
        // the batch is full and the replica free; every sequence is padded to the longest
        // answer in its batch.
        let bs = c.static_batch.min(b_max);
        let pf = e.prefill_s(bs, s_eff);
        let step = e.decode_step_s(bs, ctx_avg);
        let t_b = pf + pad * t_tok * step;
        let mu_r = bs / t_b;
        let rho = lam_r / mu_r;
        let fill = if lam_r > 0.0 { bs / lam_r } else { 0.0 };
        let fill99 = static_fill_p99_s(bs as usize, lam_r);
        let (wait, ok, mean_wait) = if rho < 1.0 {
            // A full batch may find its replica still running the last one: a G/D/1
            // queue of batches with near-regular arrivals (each gap the sum of bs
            // arrivals, cv² = 1/bs) and constant service. Kingman's approximation: the
            // wait is exponential, P(wait > x) = rho exp(-x / w_mean), with
            // w_mean = rho / (1 - rho) x (cv_a² + cv_s²) / 2 x t_b.
            let w_mean = rho / (1.0 - rho) * (0.5 / bs) * t_b;
            let w_rep = if rho > TAIL && w_mean > 0.0 {
                (w_mean * (rho / TAIL).ln())
                    .min(window_wait_p99_s(lam_r, mu_r, c))
                    .min(self.admit(mu_r).full_wait_s(mu_r))
            } else {
                0.0
            };
            let ok = if fill > 0.0 {
                ((slo_s - pf) / (fill + w_rep)).clamp(0.0, 1.0)
            } else {
                f64::from(slo_s >= pf)
            };
            // The batch starts at max(its fill, the previous start + t_b): a request waits
            // the longer of the fill and the previous batch's wait plus its run.
            (fill99.max(w_rep + t_b), ok, fill / 2.0 + rho * w_mean)
        } else {
            // No waiting to fill: the batches are full.
            self.batch_backlog(mu_r, t_b)
        };
        Arm {
            batch: bs,
            step,
            prefill: pf,
            mu_r,
            rho,
            wait,
            ttft: wait + pf,
            decode_after_first: pad * t_tok * step,
            ok,
            mean_wait,
        }
    }
}

fn overload_rho() -> f64 {
    // An out-of-memory cloud serves nothing: report utilisation as saturated, finite.
    1.0e3
}

impl SystemsConsts {
    /// Fraction of each prompt served from the prefix cache.
    pub fn prefill_cached_fraction(&self) -> f64 {
        self.prefix_cache_hit.clamp(0.0, 1.0)
    }
}
