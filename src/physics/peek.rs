//! MathPeek II: the seven invariants as equations, each worked with the numbers of the
//! student's current design, taken from the same report and roofline the game shows, so the
//! worked figures and the equations cannot disagree.

use super::roofline::{Engine, GB, MS};
use super::{PhysicsModel, Report, Scenario, SystemsExtra, fmt_num as n};
use crate::ledger::invariant::Invariant;

/// One invariant: catalogue message `key` names it, its `.equation` and `.worked` attributes
/// give the equation and the equation worked with `args`, this design's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Peek {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Peek {
    fn new(key: &'static str, args: &[(&'static str, String)]) -> Self {
        Peek {
            key,
            args: args.to_vec(),
        }
    }

    /// The name, the equation and the worked equation, in the active catalogue's words.
    pub fn words(&self) -> [String; 3] {
        super::worded(
            &crate::text::catalogue::current(),
            self.key,
            ["", "equation", "worked"],
            &self.args,
        )
    }
}

/// A latency in ms, or `none` for a cloud that answers nothing (the message says so).
fn ms(v: f64) -> String {
    if v.is_finite() { n(v) } else { "none".into() }
}

/// The invariants, worked for `r` (a report of `sc`), in [`Invariant::ALL`]'s order.
pub fn math_peek(sc: &Scenario, r: &Report) -> [Peek; Invariant::COUNT] {
    let d = &r.design;
    let acc = &sc.accuracy;
    let drift = Peek::new(
        "peek-drift",
        &[
            ("accuracy", format!("{:.1}", r.effective_accuracy * 100.0)),
            ("per_day", n(acc.drift_per_day)),
            ("days", d.retrain_cadence_days.to_string()),
            ("after", format!("{:.1}", r.post_drift_accuracy * 100.0)),
        ],
    );
    let Some(s) = r.systems.as_ref() else {
        return course_draft(sc, r, drift);
    };
    debug_assert_eq!(r.model, PhysicsModel::Systems);
    let st = Step::of(sc, r, s);
    [
        st.iron(s),
        memory(sc, r, s, &st.e),
        amdahl(s, &st),
        st.roofline(s),
        little(sc, r, s),
        drift,
        fairness(sc, r, s),
    ]
}

/// One decode step of the cloud's plan: the engine, the batch, the average context and what
/// the step reads and computes.
struct Step<'a> {
    e: Engine<'a>,
    b: f64,
    ctx: f64,
    mem: f64,
    comp: f64,
    bytes: f64,
    flops: f64,
    /// Effective bandwidth (GB/s) and compute peak (TFLOPS) of the TP group.
    bw: f64,
    peak: f64,
}

impl<'a> Step<'a> {
    fn of(sc: &'a Scenario, r: &Report, s: &SystemsExtra) -> Self {
        let d = &r.design;
        let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
        let ctx = s_tok + t_tok / 2.0;
        let e = super::queueing::cloud_engine(sc, d).with_tp(s.cloud_plan.tp);
        let b = s.cloud_batch.max(1.0);
        let (mem, comp) = e.decode_parts(b, ctx);
        // What one step reads: the same bytes the decode step is timed on.
        let bytes = e.weights_read() + b * ctx * e.kv_read_bytes_per_token();
        let flops = 2.0 * sc.llm().params * b;
        let c = &sc.systems;
        let bw = c.mem_efficiency * sc.cloud().mem_bw_gbs * s.cloud_tp as f64;
        let peak = c.compute_efficiency
            * sc.cloud().tflops_fp16_dense
            * sc.precision.compute_speedup.get(d.quant_cloud)
            * s.cloud_tp as f64;
        Step {
            e,
            b,
            ctx,
            mem,
            comp,
            bytes,
            flops,
            bw,
            peak,
        }
    }

    fn iron(&self, s: &SystemsExtra) -> Peek {
        let Step {
            b,
            mem,
            comp,
            bytes,
            flops,
            bw,
            peak,
            ..
        } = *self;
        let fixed = s.decode_step_ms / MS - mem.max(comp);
        Peek::new(
            "peek-iron",
            &[
                ("batch", n(b)),
                ("gb", n(bytes / GB)),
                ("bw", n(bw)),
                ("mem_ms", n(mem * MS)),
                ("tflop", n(flops / 1e12)),
                ("peak", n(peak)),
                ("comp_ms", n(comp * MS)),
                ("fixed_ms", n(fixed * MS)),
                ("step_ms", n(s.decode_step_ms)),
                ("ttft", ms(s.cloud_p99_ttft_ms)),
            ],
        )
    }

    fn roofline(&self, s: &SystemsExtra) -> Peek {
        let Step {
            bytes,
            flops,
            bw,
            peak,
            ..
        } = *self;
        // Peak in TFLOPS (1e12 FLOP/s) over bandwidth in GB/s (1e9 B/s): FLOP per byte.
        let ridge = peak * 1e12 / (bw * 1e9);
        let intensity = flops / bytes;
        Peek::new(
            "peek-roofline",
            &[
                ("peak", n(peak)),
                ("bw", n(bw)),
                ("ridge", n(ridge)),
                ("tflop", n(flops / 1e12)),
                ("gb", n(bytes / GB)),
                ("intensity", n(intensity)),
                // The verdict the report and the world give.
                (
                    "bound",
                    if s.decode_compute_bound {
                        "compute"
                    } else {
                        "memory"
                    }
                    .to_owned(),
                ),
            ],
        )
    }
}

fn memory(sc: &Scenario, r: &Report, s: &SystemsExtra, e: &Engine) -> Peek {
    let (b, c) = (s.cloud_batch.max(1.0), &sc.systems);
    let per_replica = e.weights() / GB + s.kv_cache_gb;
    Peek::new(
        "peek-memory",
        &[
            ("weights", n(e.weights() / GB)),
            ("kv", n(s.kv_cache_gb)),
            ("batch", n(b)),
            ("replica", n(per_replica)),
            ("workspace", n(c.workspace_gb)),
            ("tp", s.cloud_tp.to_string()),
            ("ram", n(sc.cloud().ram_gb)),
            ("max_batch", n(s.cloud_max_batch)),
            ("tiny", n(r.tiny_model_kb)),
            ("sram", n(r.tiny_sram_kb)),
            ("oom", if r.tiny_oom { "yes" } else { "no" }.to_owned()),
        ],
    )
}

fn amdahl(s: &SystemsExtra, st: &Step) -> Peek {
    let (e, ctx) = (&st.e, st.ctx);
    let gpus = 8u32;
    let split = e.with_tp(gpus);
    let one = e.with_tp(1).decode_step_s(1.0, ctx);
    let many = split.decode_step_s(1.0, ctx);
    let speedup = one / many;
    let runs = [
        ("gpus", gpus.to_string()),
        ("one", n(one * MS)),
        ("many", n(many * MS)),
        ("replicas", s.cloud_replicas.to_string()),
        ("tp", s.cloud_tp.to_string()),
    ];
    if speedup >= 1.0 {
        let serial =
            ((1.0 / speedup - 1.0 / gpus as f64) / (1.0 - 1.0 / gpus as f64)).clamp(0.0, 1.0);
        let mut args = runs.to_vec();
        args.extend([("speedup", n(speedup)), ("serial", n(serial))]);
        Peek::new("peek-amdahl", &args)
    } else {
        // A split that slows the step has no serial fraction: say what happened.
        let saved = e.with_tp(1).decode_parts(1.0, ctx).0 - split.decode_parts(1.0, ctx).0;
        let mut args = runs.to_vec();
        args.extend([
            ("saved", n(saved * MS)),
            ("allreduce", n(split.allreduce_s(1.0) * MS)),
        ]);
        Peek::new("peek-amdahl-slower", &args)
    }
}

fn little(sc: &Scenario, r: &Report, s: &SystemsExtra) -> Peek {
    let lambda = r.tier_rps[0];
    Peek::new(
        "peek-little",
        &[
            ("lambda", n(lambda)),
            ("mu", n(s.cloud_capacity_rps)),
            ("rho", n(s.cloud_utilization)),
            ("served", n(lambda.min(s.cloud_capacity_rps))),
            (
                "wait",
                n(s.cloud_queue_len / lambda.min(s.cloud_capacity_rps).max(1e-9)),
            ),
            ("queue", n(s.cloud_queue_len)),
            ("ttft", ms(s.cloud_p99_ttft_ms)),
            ("slo", n(sc.slo.p99_ms)),
        ],
    )
}

fn fairness(sc: &Scenario, r: &Report, s: &SystemsExtra) -> Peek {
    let (d, acc) = (&r.design, &sc.accuracy);
    let gap = (acc.base_rate_gap_pct - d.fairness_threshold_pct as f64).max(0.0);
    Peek::new(
        "peek-fairness",
        &[
            ("kappa", n(acc.fairness_cost_per_pct * 100.0)),
            ("gap", n(acc.base_rate_gap_pct)),
            ("threshold", d.fairness_threshold_pct.to_string()),
            ("over", n(gap)),
            ("points", n(s.fairness_accuracy_cost * 100.0)),
        ],
    )
}

/// The course's formulas, worked as the course works them.
fn course_draft(sc: &Scenario, r: &Report, drift: Peek) -> [Peek; Invariant::COUNT] {
    let d = &r.design;
    let cd = &sc.course_draft;
    let bytes = sc.precision.bytes_per_param.get(d.quant_cloud);
    let mult = cd.throughput_mult.get(d.serving);
    [
        Peek::new(
            "peek-course-iron",
            &[
                ("tokens", n(sc.workload.output_tokens)),
                ("bw", n(sc.cloud().mem_bw_gbs)),
                ("gpus", d.n_h100.to_string()),
                ("params", n(sc.llm().params)),
                ("bytes", n(bytes)),
                ("mult", n(mult)),
                ("p99", n(r.cloud_p99_ms)),
            ],
        ),
        Peek::new(
            "peek-course-memory",
            &[
                ("cloud", n(r.cloud_model_gb)),
                ("ram", n(r.cloud_ram_gb)),
                ("tiny", n(r.tiny_model_kb)),
                ("sram", n(r.tiny_sram_kb)),
            ],
        ),
        Peek::new("peek-course-amdahl", &[("gpus", d.n_h100.to_string())]),
        Peek::new(
            "peek-course-roofline",
            &[
                ("peak", n(sc.cloud().tflops_fp16_dense)),
                ("bw", n(sc.cloud().mem_bw_gbs)),
                (
                    "ridge",
                    n(sc.cloud().tflops_fp16_dense * 1e3 / sc.cloud().mem_bw_gbs),
                ),
            ],
        ),
        Peek::new(
            "peek-course-little",
            &[
                ("rps", n(r.tier_rps[0])),
                ("seconds", n(r.cloud_p99_ms / MS)),
                ("requests", n(r.tier_rps[0] * r.cloud_p99_ms / MS)),
            ],
        ),
        drift,
        Peek::new(
            "peek-course-fairness",
            &[
                ("accuracy", format!("{:.1}", r.effective_accuracy * 100.0)),
                ("threshold", d.fairness_threshold_pct.to_string()),
            ],
        ),
    ]
}
