//! The systems model's figures for one design, before they are laid out as a report and a
//! formula trace: the cloud under load, the batch-1 devices, TinyML, cost, availability and
//! accuracy. The equations are derived in `docs/physics.md`.

use super::queueing::{CloudLoad, cloud_load};
use super::roofline::{Engine, GB, MS};
use super::scenario::Hardware;
use super::tails::binomial_availability;
use super::tiny::{TinyMl, tiny_ml};
use super::{Banner, Design, Quant, Scenario};

const S_PER_HOUR: f64 = 3600.0;

/// Batch-1 device (edge, mobile): bandwidth-bound decode plus prefill, no queue.
pub struct Device {
    pub model_gb: f64,
    pub oom: bool,
    pub tok_per_s: f64,
    pub ttft_s: f64,
    pub e2e_s: f64,
}

fn device(sc: &Scenario, hw: &Hardware, q: Quant, workspace_gb: f64) -> Device {
    // The same engine as the `roofline` command: batch 1, the KV cache at FP16 (the default of
    // on-device runtimes such as llama.cpp), read at the average context.
    let e = Engine::new(sc, hw, sc.llm(), q, Quant::Fp16);
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let step = e.decode_step_s(1.0, s_tok + t_tok / 2.0);
    let ttft = e.prefill_s(1.0, s_tok.max(1.0));
    let model_gb = e.weights() / GB + workspace_gb;
    Device {
        model_gb,
        oom: model_gb > hw.ram_gb,
        tok_per_s: 1.0 / step,
        ttft_s: ttft,
        e2e_s: ttft + t_tok * step,
    }
}

/// Every figure `evaluate` derives, before it is laid out as a report and a trace.
pub struct Parts<'a> {
    pub cl: CloudLoad,
    /// The cloud's engine, split over its tensor-parallel group.
    pub engine: Engine<'a>,
    pub edge: Device,
    pub mobile: Device,
    pub tiny: TinyMl,
    pub tiny_sram_kb: f64,
    pub tiny_oom: bool,
    pub lambda: f64,
    pub served: f64,
    pub cost: f64,
    pub replica_up: f64,
    pub availability: f64,
    pub effective_accuracy: f64,
    pub post_drift_accuracy: f64,
    pub fairness_cost: f64,
    pub slo_latency_ok: bool,
    pub slo_tput_ok: bool,
    pub slo_cost_ok: bool,
}

impl<'a> Parts<'a> {
    pub fn new(sc: &'a Scenario, d: &Design) -> Self {
        let c = &sc.systems;
        let cl = cloud_load(sc, d);
        // TinyML: weights plus the activation arena in SRAM; latency counted in cycles.
        let tiny = tiny_ml(sc, d.tiny_params, d.tiny_quant);
        let tiny_sram_kb = sc.tiny_sram_kb();
        let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
        // Cost per request: the provisioned cluster's price over the requests it serves, at
        // most its capacity. A cloud that serves nothing (out of memory) has no cost per
        // request (JSON null); otherwise the served requests are floored at the documented
        // requests per hour, so the figure stays finite.
        let served = lambda.min(cl.capacity_rps);
        let cluster_per_hour = d.n_h100 as f64 * sc.cloud().cost_per_hour_usd;
        let cost = if cl.oom {
            f64::NAN
        } else {
            cluster_per_hour
                / (served * S_PER_HOUR).max(sc.course_draft.min_requests_per_hour.max(1.0))
        };
        let replica_up = sc.cloud().availability.powi(cl.tp as i32);
        let availability = cloud_availability(sc, d, &cl, replica_up, lambda);
        let (effective_accuracy, post_drift_accuracy, fairness_cost) = accuracy(sc, d);
        Parts {
            edge: device(sc, sc.edge(), d.quant_edge, c.edge_workspace_gb),
            mobile: device(sc, sc.mobile(), d.quant_mobile, c.mobile_workspace_gb),
            tiny_oom: tiny.footprint_kib() > tiny_sram_kb - c.tiny_sram_reserved_kb,
            tiny,
            tiny_sram_kb,
            lambda,
            served,
            replica_up,
            availability,
            effective_accuracy,
            post_drift_accuracy,
            fairness_cost,
            slo_latency_ok: !cl.oom && cl.ttft_p99_s * MS <= sc.slo.p99_ms,
            slo_tput_ok: !cl.oom && cl.utilization < c.utilization_limit,
            slo_cost_ok: !cl.oom && cost <= sc.slo.cost_per_req_usd,
            cost,
            engine: super::queueing::cloud_engine(sc, d).with_tp(cl.tp),
            cl,
        }
    }

    pub fn availability_ok(&self, sc: &Scenario) -> bool {
        self.availability >= sc.slo.availability
    }

    pub fn banners(&self, sc: &Scenario) -> Vec<Banner> {
        let (cl, acc) = (&self.cl, &sc.accuracy);
        [
            (cl.oom, Banner::CloudOom),
            (self.edge.oom, Banner::EdgeOom),
            (self.mobile.oom, Banner::MobileOom),
            (self.tiny_oom, Banner::TinySram),
            // A cloud out of memory serves nothing: its own banner says so, and the latency,
            // throughput and cost it does not have are not banners of their own.
            (!cl.oom && !self.slo_latency_ok, Banner::P99Slo),
            (!cl.oom && !self.slo_tput_ok, Banner::ThroughputSlo),
            (!cl.oom && !self.slo_cost_ok, Banner::CostSlo),
            (!self.availability_ok(sc), Banner::AvailabilitySlo),
            (
                self.effective_accuracy < acc.accuracy_warning_below,
                Banner::AccuracyWarning,
            ),
            (
                self.post_drift_accuracy < acc.drift_warning_below,
                Banner::DriftWarning,
            ),
        ]
        .into_iter()
        .filter_map(|(cond, b)| cond.then_some(b))
        .collect()
    }
}

/// The probability that enough replicas are up to carry the load (0 for a cloud out of memory).
fn cloud_availability(
    sc: &Scenario,
    d: &Design,
    cl: &CloudLoad,
    replica_up: f64,
    lambda: f64,
) -> f64 {
    if cl.oom {
        return 0.0;
    }
    let per_replica_capacity = if cl.replicas > 0 {
        cl.capacity_rps / cl.replicas as f64
    } else {
        0.0
    };
    node_availability(sc, d.n_h100, cl.tp, |reps| {
        binomial_availability(reps, replica_up, per_replica_capacity, lambda)
    })
}

/// Accuracy after quantization and the fairness threshold, the same after drift, and the
/// fairness threshold's cost in accuracy.
fn accuracy(sc: &Scenario, d: &Design) -> (f64, f64, f64) {
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
    (effective_accuracy, post_drift_accuracy, fairness_cost)
}

/// Availability over the servers' states: the GPUs sit in servers of `gpus_per_node`, each up
/// with `node_availability`, and a server's failure takes all of its replicas down. For every
/// set of servers up, `carried(replicas on them)` is the probability that enough of those
/// replicas are up to carry the load.
pub fn node_availability(sc: &Scenario, n_gpus: u32, tp: u32, carried: impl Fn(u32) -> f64) -> f64 {
    let per_node = (sc.systems.gpus_per_node.max(1.0) as u32).max(tp);
    let tp = tp.max(1);
    let nodes: Vec<u32> = (0..n_gpus.div_ceil(per_node))
        .map(|i| (n_gpus - i * per_node).min(per_node) / tp)
        .collect();
    let a = sc.systems.node_availability.clamp(0.0, 1.0);
    let n = nodes.len().min(16);
    (0u32..1 << n)
        .map(|up| {
            let (mut p, mut reps) = (1.0, 0);
            for (i, r) in nodes.iter().take(n).enumerate() {
                if up & (1 << i) != 0 {
                    p *= a;
                    reps += r;
                } else {
                    p *= 1.0 - a;
                }
            }
            if p == 0.0 { 0.0 } else { p * carried(reps) }
        })
        .sum::<f64>()
        .clamp(0.0, 1.0)
}
