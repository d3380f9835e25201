//! `systems`: the default physics model. Every equation is derived in `docs/physics.md`.
//!
//! In short:
//! - memory = weights + KV cache (its own precision) + workspace;
//! - a decode step at batch B is a roofline with efficiencies plus fixed and per-sequence
//!   overheads, plus two all-reduces per layer under tensor parallelism;
//! - the cloud's N GPUs are used as replicas of the smallest tensor-parallel group that fits
//!   the model (TP only when a model does not fit on one GPU);
//! - the serving strategy sets how requests are batched, and so both capacity and the queueing
//!   delay in the P99 time to first token (TTFT), the latency the SLO checks;
//! - cost divides the cluster's hourly price by the requests it serves (at most its capacity);
//! - availability is the binomial probability that enough replicas are up to carry the load.

use super::scenario::{Hardware, LlmShape, SystemsConsts};
use super::{
    Banner, Design, PhysicsModel, Quant, Report, Scenario, Serving, SystemsExtra, TierAssignments,
    TraceLine, fmt_num,
};

const GB: f64 = 1e9;
const MS: f64 = 1e3;
const S_PER_HOUR: f64 = 3600.0;
/// The tail the SLO checks.
const TAIL: f64 = 0.01;

/// One accelerator group running one model: the inputs of the roofline.
#[derive(Debug, Clone, Copy)]
pub struct Engine<'a> {
    pub hw: &'a Hardware,
    pub llm: &'a LlmShape,
    pub consts: &'a SystemsConsts,
    /// Bytes per weight.
    pub weight_bytes: f64,
    /// Bytes per KV-cache element.
    pub kv_bytes: f64,
    /// Tensor-core speed-up of the weight precision over FP16.
    pub compute_speedup: f64,
    /// Tensor-parallel degree (GPUs in the group).
    pub tp: u32,
}

/// Whether a step is limited by memory traffic or by arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Memory,
    Compute,
}

impl<'a> Engine<'a> {
    pub fn new(sc: &'a Scenario, hw: &'a Hardware, llm: &'a LlmShape, w: Quant, kv: Quant) -> Self {
        Engine {
            hw,
            llm,
            consts: &sc.systems,
            weight_bytes: sc.precision.bytes_per_param.get(w),
            kv_bytes: sc.precision.bytes_per_param.get(kv),
            compute_speedup: sc.precision.compute_speedup.get(w),
            tp: 1,
        }
    }

    pub fn with_tp(mut self, tp: u32) -> Self {
        self.tp = tp.max(1);
        self
    }

    fn tpf(&self) -> f64 {
        self.tp as f64
    }

    /// Total weight bytes of the model.
    pub fn weights(&self) -> f64 {
        self.llm.params * self.weight_bytes
    }

    /// KV bytes per token: 2 (K and V) x layers x KV heads x head dim x bytes.
    pub fn kv_bytes_per_token(&self) -> f64 {
        2.0 * self.llm.layers * self.llm.kv_heads * self.llm.head_dim * self.kv_bytes
    }

    fn bandwidth(&self) -> f64 {
        self.tpf() * self.consts.mem_efficiency * self.hw.mem_bw_gbs * GB
    }

    fn flops(&self) -> f64 {
        self.tpf()
            * self.consts.compute_efficiency
            * self.hw.tflops_fp16_dense
            * 1e12
            * self.compute_speedup
    }

    /// Bytes of HBM left for the KV cache across the group.
    pub fn kv_budget(&self) -> f64 {
        self.tpf() * (self.hw.ram_gb - self.consts.workspace_gb) * GB - self.weights()
    }

    /// Largest batch whose KV cache (each sequence at full context) fits, capped by the engine.
    pub fn max_batch(&self, ctx_max: f64) -> f64 {
        let b = (self.kv_budget() / (self.kv_bytes_per_token() * ctx_max)).floor();
        b.clamp(0.0, self.consts.max_batch_cap)
    }

    /// Two all-reduces per layer over NVLink (ring: 2(t-1)/t of the activations each way).
    pub fn allreduce_s(&self, tokens: f64) -> f64 {
        if self.tp <= 1 || self.hw.interconnect_gbs <= 0.0 {
            return 0.0;
        }
        let t = self.tpf();
        let bytes = tokens * self.llm.hidden * 2.0;
        2.0 * self.llm.layers
            * (self.consts.allreduce_latency_us * 1e-6
                + 2.0 * (t - 1.0) / t * bytes / (self.hw.interconnect_gbs * GB))
    }

    /// Memory and compute time of one decode step at batch `b`, average context `ctx`.
    pub fn decode_parts(&self, b: f64, ctx: f64) -> (f64, f64) {
        let mem = (self.weights() + b * ctx * self.kv_bytes_per_token()) / self.bandwidth();
        let comp = 2.0 * self.llm.params * b / self.flops();
        (mem, comp)
    }

    /// One decode iteration at batch `b`: roofline + overheads + all-reduce.
    pub fn decode_step_s(&self, b: f64, ctx: f64) -> f64 {
        let (mem, comp) = self.decode_parts(b, ctx);
        mem.max(comp)
            + self.consts.step_overhead_ms / MS
            + self.consts.per_sequence_overhead_ms / MS * b
            + self.allreduce_s(b)
    }

    /// Prefill of `tokens` prompt tokens in one pass (compute-bound for long prompts).
    pub fn prefill_s(&self, tokens: f64) -> f64 {
        let comp = 2.0 * self.llm.params * tokens / self.flops();
        let mem = self.weights() / self.bandwidth();
        comp.max(mem) + self.consts.step_overhead_ms / MS + self.allreduce_s(tokens)
    }

    /// Arithmetic work of prefilling `tokens` when it rides along a decode iteration.
    pub fn prefill_work_s(&self, tokens: f64) -> f64 {
        2.0 * self.llm.params * tokens / self.flops()
    }
}

/// The answer of the `roofline` command.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RooflineReport {
    pub hardware: String,
    pub llm: String,
    pub quant: Quant,
    pub kv_quant: Quant,
    pub batch: f64,
    pub tp: u32,
    pub prompt: f64,
    pub output: f64,
    pub decode_step_ms: f64,
    pub decode_tok_per_s: f64,
    pub ttft_ms: f64,
    pub e2e_ms: f64,
    pub kv_bytes_per_token: f64,
    pub max_batch: f64,
    pub weights_gb: f64,
    pub bound: Bound,
}

/// Parameters of one roofline query.
#[derive(Debug, Clone)]
pub struct RooflineQuery {
    pub hardware: String,
    pub llm: String,
    pub quant: Quant,
    pub kv_quant: Quant,
    pub batch: f64,
    pub tp: u32,
    pub prompt: f64,
    pub output: f64,
}

/// Batch-`B` decode and prefill on `tp` GPUs. The KV cache is read at the average context
/// during generation, prompt + output / 2. TTFT is the batch's prefill (B x prompt tokens).
pub fn roofline(sc: &Scenario, q: &RooflineQuery) -> Result<RooflineReport, String> {
    let hw = sc.hardware_named(&q.hardware).map_err(|e| e.0)?;
    let llm = sc.llm_named(&q.llm).map_err(|e| e.0)?;
    if !(q.batch.is_finite() && q.batch >= 1.0) {
        return Err(format!("--batch must be at least 1, got {}", q.batch));
    }
    if q.tp == 0 {
        return Err("--tp must be at least 1".into());
    }
    if !(q.prompt.is_finite() && q.prompt >= 0.0 && q.output.is_finite() && q.output >= 1.0) {
        return Err("--prompt must be >= 0 and --output >= 1".into());
    }
    let e = Engine::new(sc, hw, llm, q.quant, q.kv_quant).with_tp(q.tp);
    let ctx = q.prompt + q.output / 2.0;
    let step = e.decode_step_s(q.batch, ctx);
    let (mem, comp) = e.decode_parts(q.batch, ctx);
    let ttft = e.prefill_s(q.batch * q.prompt.max(1.0));
    Ok(RooflineReport {
        hardware: q.hardware.clone(),
        llm: q.llm.clone(),
        quant: q.quant,
        kv_quant: q.kv_quant,
        batch: q.batch,
        tp: q.tp,
        prompt: q.prompt,
        output: q.output,
        decode_step_ms: step * MS,
        decode_tok_per_s: q.batch / step,
        ttft_ms: ttft * MS,
        e2e_ms: (ttft + q.output * step) * MS,
        kv_bytes_per_token: e.kv_bytes_per_token(),
        max_batch: e.max_batch(q.prompt + q.output),
        weights_gb: e.weights() / GB,
        bound: if mem >= comp {
            Bound::Memory
        } else {
            Bound::Compute
        },
    })
}

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
    match d.serving {
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
            let (wait, ok) = if rho < 1.0 {
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
                out.mean_wait_s = cprob / gap;
                (w99.min((1.0 - TAIL) * c.overload_window_s), ok)
            } else {
                out.mean_wait_s = overload_wait_s(rho, c) / 2.0;
                (overload_wait_s(rho, c), 0.0)
            };
            out.batch = b;
            out.step_s = step;
            out.prefill_s = pf;
            out.capacity_rps = mu_r * r;
            out.utilization = rho;
            out.wait_p99_s = wait;
            out.ttft_p99_s = wait + base_s;
            out.e2e_p99_s = out.ttft_p99_s + (t_tok - 1.0).max(0.0) * step;
            out.ok_fraction = ok.clamp(0.0, 1.0);
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
            let (wait, ok) = if rho < 1.0 {
                let ok = ((slo_s - base_s) / t_b).clamp(0.0, 1.0);
                out.mean_wait_s = window + t_b / 2.0;
                ((1.0 - TAIL) * t_b, ok)
            } else {
                out.mean_wait_s = overload_wait_s(rho, c) / 2.0 + t_b;
                (overload_wait_s(rho, c) + t_b, 0.0)
            };
            out.batch = b;
            out.step_s = e.decode_step_s(b, ctx_avg);
            out.prefill_s = pf;
            out.capacity_rps = mu_r * r;
            out.utilization = rho;
            out.wait_p99_s = wait;
            out.ttft_p99_s = window + wait + pf;
            out.e2e_p99_s = out.ttft_p99_s + t_tok * out.step_s;
            out.ok_fraction = ok;
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
            let (wait, ok) = if rho < 1.0 {
                let ok = if fill > 0.0 {
                    ((slo_s - pf) / fill).clamp(0.0, 1.0)
                } else {
                    f64::from(slo_s >= pf)
                };
                out.mean_wait_s = fill / 2.0;
                ((1.0 - TAIL) * fill, ok)
            } else {
                out.mean_wait_s = overload_wait_s(rho, c) / 2.0 + fill;
                (overload_wait_s(rho, c) + fill, 0.0)
            };
            out.batch = bs;
            out.step_s = step;
            out.prefill_s = pf;
            out.capacity_rps = mu_r * r;
            out.utilization = rho;
            out.wait_p99_s = wait;
            out.ttft_p99_s = wait + pf;
            out.e2e_p99_s = out.ttft_p99_s + c.static_padding_factor * t_tok * step;
            out.ok_fraction = ok;
        }
    }
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

/// Batch-1 device (edge, mobile): bandwidth-bound decode plus prefill, no queue.
struct Device {
    model_gb: f64,
    oom: bool,
    tok_per_s: f64,
    ttft_s: f64,
    e2e_s: f64,
}

fn device(sc: &Scenario, hw: &Hardware, q: Quant, workspace_gb: f64) -> Device {
    let llm = sc.llm();
    let mut e = Engine::new(sc, hw, llm, q, q);
    // The edge and mobile compute figures are already INT8 TOPS: no extra speed-up.
    e.compute_speedup = 1.0;
    let step = e.weights() / (e.consts.mem_efficiency * hw.mem_bw_gbs * GB)
        + e.consts.step_overhead_ms / MS;
    let ttft = e.prefill_s(sc.workload.prompt_tokens);
    let model_gb = e.weights() / GB + workspace_gb;
    Device {
        model_gb,
        oom: model_gb > hw.ram_gb,
        tok_per_s: 1.0 / step,
        ttft_s: ttft,
        e2e_s: ttft + sc.workload.output_tokens * step,
    }
}

pub fn evaluate(sc: &Scenario, d: &Design) -> Report {
    let c = &sc.systems;
    let cl = cloud_load(sc, d);
    let edge = device(sc, sc.edge(), d.quant_edge, c.edge_workspace_gb);
    let mobile = device(sc, sc.mobile(), d.quant_mobile, c.mobile_workspace_gb);

    // TinyML sub-model: footprint in KiB against SRAM.
    let tiny_bytes = d.tiny_params * sc.precision.bytes_per_param.get(d.tiny_quant);
    let tiny_model_kib = tiny_bytes / 1024.0;
    let tiny_sram_kb = sc.tiny_sram_kb();
    let tiny_oom = tiny_model_kib > tiny_sram_kb - c.tiny_sram_reserved_kb;
    let tiny_hw = sc.tiny();
    let tiny_s = (2.0 * d.tiny_params / (tiny_hw.tflops_fp16_dense * 1e12))
        .max(tiny_bytes / (tiny_hw.mem_bw_gbs * GB));

    let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
    // Cost per request: the provisioned cluster's price over the requests it serves, at most
    // its capacity. A cloud that serves nothing (out of memory) is priced over the documented
    // floor of requests per hour, so the figure stays finite.
    let served = lambda.min(cl.capacity_rps);
    let goodput = served * cl.ok_fraction;
    let cluster_per_hour = d.n_h100 as f64 * sc.cloud().cost_per_hour_usd;
    let cost = cluster_per_hour
        / (served * S_PER_HOUR).max(sc.course_draft.min_requests_per_hour.max(1.0));

    let per_gpu = sc.cloud().availability;
    let replica_up = per_gpu.powi(cl.tp as i32);
    let per_replica_capacity = if cl.replicas > 0 {
        cl.capacity_rps / cl.replicas as f64
    } else {
        0.0
    };
    let availability = if cl.oom {
        0.0
    } else {
        binomial_availability(cl.replicas, replica_up, per_replica_capacity, lambda)
    };
    let availability_ok = availability >= sc.slo.availability;

    let acc = &sc.accuracy;
    let drop = &sc.precision.accuracy_drop;
    let max_drop = drop
        .get(d.quant_cloud)
        .max(drop.get(d.quant_edge))
        .max(drop.get(d.quant_mobile));
    let fairness_cost = acc.fairness_cost_per_pct
        * (acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0);
    let effective_accuracy = 1.0 - max_drop - fairness_cost;
    let post_drift_accuracy =
        effective_accuracy - acc.drift_per_day * d.retrain_cadence_days as f64;

    let slo_latency_ok = !cl.oom && cl.ttft_p99_s * MS <= sc.slo.p99_ms;
    let slo_tput_ok = !cl.oom && cl.utilization < c.utilization_limit;
    let slo_cost_ok = cost <= sc.slo.cost_per_req_usd;

    let mut banners = Vec::new();
    for (cond, b) in [
        (cl.oom, Banner::CloudOom),
        (edge.oom, Banner::EdgeOom),
        (mobile.oom, Banner::MobileOom),
        (tiny_oom, Banner::TinySram),
        (!slo_latency_ok, Banner::P99Slo),
        (!slo_tput_ok, Banner::ThroughputSlo),
        (!slo_cost_ok, Banner::CostSlo),
        (!availability_ok, Banner::AvailabilitySlo),
        (
            effective_accuracy < acc.accuracy_warning_below,
            Banner::AccuracyWarning,
        ),
        (
            post_drift_accuracy < acc.drift_warning_below,
            Banner::DriftWarning,
        ),
    ] {
        if cond {
            banners.push(b);
        }
    }
    let constraint_hit = banners.iter().any(|b| !b.is_warning());
    let system_valid = !constraint_hit;

    let e = Engine::new(sc, sc.cloud(), sc.llm(), d.quant_cloud, d.kv_quant).with_tp(cl.tp);
    let trace = vec![
        TraceLine {
            law: "Memory Wall".into(),
            formula: format!(
                "per replica: {} GB weights + {} GB KV ({} seq x {} tok x {} KiB) + {} GB workspace/GPU",
                fmt_num(e.weights() / GB),
                fmt_num(cl.kv_gb),
                fmt_num(cl.batch),
                fmt_num(sc.workload.prompt_tokens + sc.workload.output_tokens / 2.0),
                fmt_num(e.kv_bytes_per_token() / 1024.0),
                fmt_num(c.workspace_gb)
            ),
            result: format!("max batch {}", fmt_num(cl.max_batch)),
        },
        TraceLine {
            law: "Roofline".into(),
            formula: format!(
                "t_step = max(bytes / ({} x {} GB/s), 2PB / ({} x {} TFLOPS)) + overhead, B = {}",
                c.mem_efficiency,
                fmt_num(sc.cloud().mem_bw_gbs * cl.tp as f64),
                c.compute_efficiency,
                fmt_num(
                    sc.cloud().tflops_fp16_dense
                        * cl.tp as f64
                        * sc.precision.compute_speedup.get(d.quant_cloud)
                ),
                fmt_num(cl.batch)
            ),
            result: format!("{} ms/step", fmt_num(cl.step_s * MS)),
        },
        TraceLine {
            law: "Capacity".into(),
            formula: format!(
                "rho = {} req/s / ({} replicas x TP{}, {} serving) = {} / {}",
                fmt_num(lambda),
                cl.replicas,
                cl.tp,
                d.serving.as_str(),
                fmt_num(lambda),
                fmt_num(cl.capacity_rps)
            ),
            result: format!("rho = {}", fmt_num(cl.utilization)),
        },
        TraceLine {
            law: "Little's Law".into(),
            formula: format!(
                "L = lambda x W_queue = {} req/s x {} s",
                fmt_num(lambda),
                fmt_num(cl.mean_wait_s)
            ),
            result: format!("{} requests waiting", fmt_num(cl.queue_len)),
        },
        TraceLine {
            law: "P99 TTFT".into(),
            formula: format!(
                "queue {} ms + prefill {} ms + iterations {} ms",
                fmt_num(cl.wait_p99_s * MS),
                fmt_num(cl.prefill_s * MS),
                fmt_num((cl.ttft_p99_s - cl.wait_p99_s - cl.prefill_s).max(0.0) * MS)
            ),
            result: format!(
                "{} ms (SLO {} ms)",
                fmt_num(cl.ttft_p99_s * MS),
                fmt_num(sc.slo.p99_ms)
            ),
        },
        TraceLine {
            law: "Cost".into(),
            formula: format!(
                "cost/req = ({} x ${}/h) / ({} req/s served x 3600)",
                d.n_h100,
                fmt_num(sc.cloud().cost_per_hour_usd),
                fmt_num(served)
            ),
            result: format!("${cost:.6}"),
        },
        TraceLine {
            law: "Availability".into(),
            formula: format!(
                "P(enough of {} replicas up), each up {}",
                cl.replicas,
                fmt_num(replica_up)
            ),
            result: format!("{:.5} (need {})", availability, sc.slo.availability),
        },
        TraceLine {
            law: "Fairness".into(),
            formula: format!(
                "kappa x max(0, gap {}% - threshold {}%) = {} x {}",
                fmt_num(acc.base_rate_gap_pct),
                d.fairness_threshold_pct,
                acc.fairness_cost_per_pct,
                fmt_num((acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0))
            ),
            result: format!("{:.1} points of accuracy given up", fairness_cost * 100.0),
        },
        TraceLine {
            law: "Drift".into(),
            formula: format!(
                "{:.1} % - {} x {} days",
                effective_accuracy * 100.0,
                acc.drift_per_day,
                d.retrain_cadence_days
            ),
            result: format!("{:.1} %", post_drift_accuracy * 100.0),
        },
        TraceLine {
            law: "TinyML SRAM".into(),
            formula: format!(
                "{} params x {} B / 1024",
                fmt_num(d.tiny_params),
                sc.precision.bytes_per_param.get(d.tiny_quant)
            ),
            result: format!(
                "{} KiB of {} KB",
                fmt_num(tiny_model_kib),
                fmt_num(tiny_sram_kb)
            ),
        },
    ];

    let rps = sc.slo.requests_per_sec;
    Report {
        model: PhysicsModel::Systems,
        design: *d,
        cloud_model_gb: cl.memory_gb,
        edge_model_gb: edge.model_gb,
        mobile_model_gb: mobile.model_gb,
        tiny_model_kb: tiny_model_kib,
        cloud_ram_gb: d.n_h100 as f64 * sc.cloud().ram_gb,
        edge_ram_gb: sc.edge().ram_gb,
        mobile_ram_gb: sc.mobile().ram_gb,
        tiny_sram_kb,
        cloud_oom: cl.oom,
        edge_oom: edge.oom,
        mobile_oom: mobile.oom,
        tiny_oom,
        cloud_tok_per_sec: cl.capacity_rps * sc.workload.output_tokens,
        edge_tok_per_sec: edge.tok_per_s,
        cloud_p99_ms: cl.ttft_p99_s * MS,
        edge_p99_ms: edge.e2e_s * MS,
        mobile_p99_ms: mobile.e2e_s * MS,
        tiny_p99_ms: tiny_s * MS,
        cost_per_req_usd: cost,
        effective_accuracy,
        post_drift_accuracy,
        slo_latency_ok,
        slo_cost_ok,
        slo_tput_ok,
        system_valid,
        constraint_hit,
        banners,
        tier_rps: [
            lambda,
            rps * sc.traffic.edge,
            rps * sc.traffic.mobile,
            rps * sc.traffic.tiny,
        ],
        tier_assignments: TierAssignments {
            cloud: d.quant_cloud.to_string(),
            edge: d.quant_edge.to_string(),
            mobile: d.quant_mobile.to_string(),
            tiny: format!("{} ({} params)", d.tiny_quant, fmt_num(d.tiny_params)),
        },
        trace,
        systems: Some(SystemsExtra {
            cloud_p99_ttft_ms: cl.ttft_p99_s * MS,
            cloud_p99_e2e_ms: cl.e2e_p99_s * MS,
            cloud_capacity_rps: cl.capacity_rps,
            cloud_utilization: cl.utilization,
            cloud_max_batch: cl.max_batch,
            cloud_batch: cl.batch,
            cloud_tp: cl.tp,
            cloud_replicas: cl.replicas,
            cloud_queue_len: cl.queue_len,
            decode_step_ms: cl.step_s * MS,
            prefill_ms: cl.prefill_s * MS,
            kv_cache_gb: cl.kv_gb,
            kv_bytes_per_token: e.kv_bytes_per_token(),
            availability,
            availability_ok,
            fairness_accuracy_cost: fairness_cost,
            tiny_params: d.tiny_params,
            tiny_model_kib,
            goodput_rps: goodput,
            edge_ttft_ms: edge.ttft_s * MS,
            mobile_ttft_ms: mobile.ttft_s * MS,
        }),
    }
}
