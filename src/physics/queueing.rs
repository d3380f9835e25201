//! Queueing and capacity of the cloud tier: how the serving strategy batches requests, the
//! queueing delay in the P99 time to first token, and the tails (Erlang C, Poisson and
//! binomial) the model uses.

use super::roofline::{Engine, GB, MS};
use super::scenario::SystemsConsts;
use super::{Design, Scenario, Serving};

/// The tail the SLO checks.
const TAIL: f64 = 0.01;

/// Erlang C: probability an arrival waits in an M/M/c queue with offered load `a` erlangs.
pub fn erlang_c(c: f64, a: f64) -> f64 {
    if a <= 0.0 {
        return 0.0;
    }
    if a >= c {
        return 1.0;
    }
    // Erlang B by its stable recurrence, then C from B.
    let mut b = 1.0;
    let n = c as u64;
    for k in 1..=n {
        b = a * b / (k as f64 + a * b);
    }
    let rho = a / c;
    (b / (1.0 - rho * (1.0 - b))).clamp(0.0, 1.0)
}

/// The smallest n with P(Poisson(mean) <= n) >= q.
pub fn poisson_quantile(mean: f64, q: f64) -> f64 {
    use statrs::distribution::{DiscreteCDF, Poisson};
    match Poisson::new(mean) {
        Ok(d) if q.is_finite() => d.inverse_cdf(q.clamp(0.0, 1.0)) as f64,
        _ => 0.0,
    }
}

/// Probability that the units up can carry the demand, when each of `n` independent units is
/// up with probability `p` and carries `per_unit`: P(k × per_unit > demand), k ~ Binomial(n, p).
pub fn binomial_availability(n: u32, p: f64, per_unit: f64, demand: f64) -> f64 {
    use statrs::distribution::{Binomial, DiscreteCDF};
    if demand < 0.0 {
        return 1.0;
    }
    if per_unit <= 0.0 || demand.is_nan() {
        return 0.0;
    }
    // k units carry the demand when k > demand / per_unit, i.e. k > floor(demand / per_unit).
    let most_that_fail = (demand / per_unit).floor();
    if most_that_fail >= n as f64 {
        return 0.0;
    }
    match Binomial::new(p.clamp(0.0, 1.0), u64::from(n)) {
        Ok(d) => d.sf(most_that_fail as u64).clamp(0.0, 1.0),
        Err(_) => 0.0,
    }
}

/// The cloud tier under load.
#[derive(Debug, Clone, Default)]
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
}

/// Queueing delay at the 99th percentile once demand meets or passes capacity: over an
/// observation window W the backlog grows at (rho - 1) per unit time. At least the window
/// itself, so the figure never drops as load crosses 1.
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

fn overload_wait_s(rho: f64, c: &SystemsConsts) -> f64 {
    (1.0 - TAIL) * c.overload_window_s * rho.max(1.0)
}

/// Evaluate the cloud: N GPUs as replicas of the smallest TP group that holds the model.
pub fn cloud_load(sc: &Scenario, d: &Design) -> CloudLoad {
    let c = &sc.systems;
    let hw = sc.cloud();
    let llm = sc.llm();
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let ctx_max = s_tok + t_tok;
    let ctx_avg = s_tok + t_tok / 2.0;
    let base = Engine::new(sc, hw, llm, d.quant_cloud, d.kv_quant);
    let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;

    // Smallest power-of-two TP group (dividing the KV heads) in which one full sequence fits.
    let mut tp = 1u32;
    while base.with_tp(tp).max_batch(ctx_max) < 1.0 {
        tp *= 2;
        if tp as f64 > llm.kv_heads || tp > d.n_h100 {
            break;
        }
    }
    let e = base.with_tp(tp);
    let replicas = d.n_h100 / tp;
    let b_max = e.max_batch(ctx_max);
    if replicas == 0 || b_max < 1.0 {
        let mem = e.weights() / GB + d.n_h100 as f64 * c.workspace_gb;
        return CloudLoad {
            tp,
            replicas: 0,
            oom: true,
            memory_gb: mem,
            utilization: overload_rho(),
            wait_p99_s: overload_wait_s(overload_rho(), c),
            ttft_p99_s: overload_wait_s(overload_rho(), c),
            e2e_p99_s: overload_wait_s(overload_rho(), c),
            ..Default::default()
        };
    }
    let r = replicas as f64;
    let lam_r = lambda / r;
    let s_eff = s_tok * (1.0 - c.prefill_cached_fraction());
    let slo_s = sc.slo.p99_ms / MS;

    let mut out = CloudLoad {
        tp,
        replicas,
        max_batch: b_max,
        ..Default::default()
    };
    let arm = match d.serving {
        Serving::Continuous => {
            // Iteration-level batching: a request joins at the next iteration if a KV slot is
            // free. Prefill rides along the decode iterations.
            let t_full = e.decode_step_s(b_max, ctx_avg);
            let per_req = e.prefill_work_s(s_eff) + t_tok * t_full / b_max;
            let mu_r = 1.0 / per_req;
            let rho = lam_r / mu_r;
            // Little's Law for the occupied slots: L = lambda x W, W = generation time.
            let mut b = 1.0;
            for _ in 0..30 {
                let w = e.prefill_s(s_eff) + t_tok * e.decode_step_s(b, ctx_avg);
                b = (lam_r * w).clamp(1.0, b_max);
            }
            let step = e.decode_step_s(b, ctx_avg);
            // A request is admitted at the next iteration boundary and its prefill rides along
            // the admitting iteration, which ends with its first token. Iterations also carry
            // the prefills of the requests that arrived during the previous one: a mean
            // iteration lasts L = step / (1 - lambda_r x pf). A long iteration lets more
            // requests in, which lengthens the next: the 99th-percentile iteration solves
            // X99 = step + pf x Q99(Poisson(lambda_r x X99)). The 99th-percentile request waits
            // out nearly all of such an iteration, then its own, with the mean number of
            // co-admissions.
            let pf = e.prefill_work_s(s_eff);
            let busy_pf = (lam_r * pf).min(0.95);
            let iter_mean = step / (1.0 - busy_pf);
            let n_mean = lam_r * iter_mean;
            // Bounded by the observation window: near saturation the fixed point grows
            // without limit, and no iteration outlasts the window the P99 is taken over.
            let cap = (1.0 - TAIL) * c.overload_window_s;
            let mut iter99 = iter_mean.min(cap);
            for _ in 0..20 {
                let next = (step + pf * poisson_quantile(lam_r * iter99, 1.0 - TAIL)).min(cap);
                if (next - iter99).abs() < 1e-9 {
                    break;
                }
                iter99 = next.max(iter99);
            }
            let base_s = (1.0 - TAIL) * iter99 + step + pf * (1.0 + n_mean);
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
                (w99.min((1.0 - TAIL) * c.overload_window_s), ok, cprob / gap)
            } else {
                let w = overload_wait_s(rho, c);
                (w, 0.0, w / 2.0)
            };
            Arm {
                batch: b,
                step,
                prefill: pf,
                mu_r,
                rho,
                wait,
                ttft: wait + base_s,
                decode_after_first: (t_tok - 1.0).max(0.0) * step,
                ok,
                mean_wait,
            }
        }
        Serving::Dynamic => {
            // Request-level batching: gather for a window, then run the whole batch to the end.
            let window = c.dynamic_window_ms / MS;
            let cycle = |b: f64| e.prefill_s(b * s_eff) + t_tok * e.decode_step_s(b, ctx_avg);
            let mu_r = b_max / cycle(b_max);
            let rho = lam_r / mu_r;
            let mut b = 1.0;
            for _ in 0..30 {
                b = (lam_r * (window + cycle(b))).clamp(1.0, b_max);
            }
            let t_b = cycle(b);
            let pf = e.prefill_s(b * s_eff);
            // A request waits for the window, then for the batch in progress (uniform residual).
            let base_s = window + pf;
            let (wait, ok, mean_wait) = if rho < 1.0 {
                let ok = ((slo_s - base_s) / t_b).clamp(0.0, 1.0);
                ((1.0 - TAIL) * t_b, ok, window + t_b / 2.0)
            } else {
                let w = overload_wait_s(rho, c);
                (w + t_b, 0.0, w / 2.0 + t_b)
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
                decode_after_first: t_tok * step,
                ok,
                mean_wait,
            }
        }
        Serving::Static => {
            // Fixed batches: the router fills one batch at a time, and every sequence is
            // padded to the longest answer in its batch.
            let bs = c.static_batch.min(b_max);
            let pf = e.prefill_s(bs * s_eff);
            let step = e.decode_step_s(bs, ctx_avg);
            let t_b = pf + c.static_padding_factor * t_tok * step;
            let mu_r = bs / t_b;
            let rho = lam_r / mu_r;
            let fill = if lambda > 0.0 { bs / lambda } else { 0.0 };
            let (wait, ok, mean_wait) = if rho < 1.0 {
                let ok = if fill > 0.0 {
                    ((slo_s - pf) / fill).clamp(0.0, 1.0)
                } else {
                    f64::from(slo_s >= pf)
                };
                ((1.0 - TAIL) * fill, ok, fill / 2.0)
            } else {
                let w = overload_wait_s(rho, c);
                (w + fill, 0.0, w / 2.0 + fill)
            };
            Arm {
                batch: bs,
                step,
                prefill: pf,
                mu_r,
                rho,
                wait,
                ttft: wait + pf,
                decode_after_first: c.static_padding_factor * t_tok * step,
                ok,
                mean_wait,
            }
        }
    };
    out.batch = arm.batch;
    out.step_s = arm.step;
    out.prefill_s = arm.prefill;
    out.capacity_rps = arm.mu_r * r;
    out.utilization = arm.rho;
    out.wait_p99_s = arm.wait;
    out.ttft_p99_s = arm.ttft;
    out.e2e_p99_s = arm.ttft + arm.decode_after_first;
    out.ok_fraction = arm.ok.clamp(0.0, 1.0);
    out.mean_wait_s = arm.mean_wait;
    // Little's Law for the whole cloud: requests in the system = arrival rate x time in system.
    out.queue_len = lambda * out.mean_wait_s;
    out.kv_gb = out.batch * ctx_avg * e.kv_bytes_per_token() / GB;
    out.memory_gb = r * (e.weights() / GB + out.kv_gb) + d.n_h100 as f64 * c.workspace_gb;
    out
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
