//! Every string a student reads, in one place (ready for translation).

use crate::physics::{PhysicsModel, Quant, Scenario, Serving};

/// A tier node's line before the Act II lock.
pub const TIER_WAITING: &str = "awaiting your design";
/// A tier whose model does not fit its memory.
pub const TIER_OOM: &str = "out of memory · not in use";

/// The HUD's Act II answer before the reveal.
pub const HUD_LOCKED: &str = "locked";

/// The ledger panel's record section.
pub const READING_NOTES: &str = "How your ledger was read";
pub const BACKUPS: &str = "Backups";
pub const BACKUPS_EXPLAIN: &str = "A copy is kept before every import, restore or fresh start. Restoring one keeps a copy of what is there now, so nothing is lost.";
pub const RESTORE: &str = "Restore";

pub const WINDOW_TITLE: &str = "The Architect's Audit — ML Systems Lab 16";
pub const TITLE: &str = "The Architect's Audit";
pub const SUBTITLE: &str = "Volume I, Lab 16 (capstone)";
pub const SOURCE_LABEL: &str = "Users";

pub const TIER_NAMES: [&str; 4] = ["Cloud", "Edge", "Mobile", "TinyML"];
pub const TIER_HARDWARE: [&str; 4] = ["H100 GPUs", "Jetson Orin NX", "Phone NPU", "Cortex-M7"];

pub const PANEL_METRICS: &str = "Live physics";
pub const STAGE_1: &str = "Stage 1 — Cloud hardware";
pub const STAGE_2: &str = "Stage 2 — Quantisation";
pub const STAGE_3: &str = "Stage 3 — Serving strategy";
pub const STAGE_4: &str = "Stage 4 — Retraining cadence";
pub const STAGE_5: &str = "Stage 5 — Fairness threshold";
pub const STAGE_TINY: &str = "TinyML sub-model";
pub const LABEL_GPUS: &str = "H100 GPUs";
pub const LABEL_Q_CLOUD: &str = "Cloud weights";
pub const LABEL_Q_EDGE: &str = "Edge weights";
pub const LABEL_Q_MOBILE: &str = "Mobile weights";
pub const LABEL_KV: &str = "Cloud KV cache";
pub const LABEL_CADENCE: &str = "Days between retrains";
pub const LABEL_FAIRNESS: &str = "Max approval gap between groups (%)";
pub const LABEL_TINY_PARAMS: &str = "Parameters";
pub const LABEL_TINY_QUANT: &str = "Precision";
pub const LABEL_MODEL: &str = "Physics model";
pub const IMPORT_COURSE_FILE: &str = "Import ~/.mlsys/ledger.json";
pub const RESET_ALL: &str = "Reset all (R)";
pub const ALL_CLEAR: &str = "All constraints met. Every tier fits in memory, and the cloud meets \
every SLO. (The latency SLO is the cloud's: edge, mobile and TinyML requests are judged on \
whether their device can serve them, and the world draws them the same way.)";

/// A number as a student reads it: three significant digits below 1, up to three decimals
/// above, no trailing zeros.
pub fn num(v: f64) -> String {
    let places = if v.abs() > 0.0 && v.abs() < 1.0 {
        (2 - v.abs().log10().floor() as i32).clamp(3, 12) as usize
    } else {
        3
    };
    let s = format!("{v:.places$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// A parameter count as people write it: 53K, 100K, 1.5M, 10M.
pub fn params(n: f64) -> String {
    if n >= 1e6 {
        format!("{}M", num(n / 1e6))
    } else if n >= 1e3 {
        format!("{}K", num(n / 1e3))
    } else {
        num(n)
    }
}

/// A tier's assignment as the physics states it ("int8", "int8 (100000 params)") as a student
/// reads it: "INT8", "INT8 (100K params)".
pub fn assignment_label(a: &str) -> String {
    let (q, rest) = a.split_once(' ').unwrap_or((a, ""));
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(" params)"))
        .and_then(|n| n.parse::<f64>().ok())
        .map_or_else(|| rest.to_string(), |n| format!("({} params)", params(n)));
    format!("{} {rest}", q.to_uppercase())
        .trim_end()
        .to_string()
}

/// A parameter count as typed: "100K", "1.5M", "250000".
pub fn parse_params(s: &str) -> Option<f64> {
    let s = s.trim();
    let (digits, scale) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1e3),
        'm' | 'M' => (&s[..s.len() - 1], 1e6),
        _ => (s, 1.0),
    };
    digits.trim().parse::<f64>().ok().map(|v| v * scale)
}

/// A fraction (0.999) as a percentage (99.9).
pub fn pct(fraction: f64) -> String {
    num(fraction * 100.0)
}

/// Short description of each serving strategy, as each model treats it.
pub fn serving_label(s: Serving, m: PhysicsModel, sc: &Scenario) -> String {
    use PhysicsModel::*;
    use Serving::*;
    let peak = pct(sc.course_draft.throughput_mult.get(s));
    match (m, s) {
        (CourseDraft, Static) => format!("Static batch — simplest, {peak} % of peak throughput"),
        (CourseDraft, Dynamic) => format!("Dynamic batch — moderate complexity, {peak} % of peak"),
        (CourseDraft, Continuous) => {
            format!("Continuous batching — {peak} % of peak, built for LLMs")
        }
        (Systems, Static) => {
            "Static batches — fixed size, wait to fill, pad to the longest answer".into()
        }
        (Systems, Dynamic) => format!(
            "Dynamic batches — gather for {} ms, then run the batch to its end",
            num(sc.systems.dynamic_window_ms)
        ),
        (Systems, Continuous) => {
            "Continuous batching — requests join and leave at every decode step".into()
        }
    }
}

/// A precision with what it costs.
pub fn quant_label(q: Quant, sc: &Scenario) -> String {
    let p = &sc.precision;
    let bytes = p.bytes_per_param.get(q);
    let drop = p.accuracy_drop.get(q);
    let cost = if drop == 0.0 {
        "full accuracy".to_string()
    } else {
        format!("−{} % accuracy", pct(drop))
    };
    let unit = if bytes > 1.0 { "bytes" } else { "byte" };
    let name = match q {
        Quant::Fp16 => "FP16",
        Quant::Int8 => "INT8",
        Quant::Int4 => "INT4",
        Quant::Ternary => "Ternary",
    };
    format!("{name} — {} {unit}/param, {cost}", num(bytes))
}

/// Which latency the SLO checks, and why.
pub fn latency_note(m: PhysicsModel, sc: &Scenario) -> String {
    let tokens = num(sc.workload.output_tokens);
    match m {
        PhysicsModel::Systems => format!(
            "P99 here is the time to the first token under the full load, queueing included: a \
             {tokens}-token answer cannot finish in {}, so the SLO checks how fast answers start.",
            slo_ms(sc)
        ),
        PhysicsModel::CourseDraft => format!(
            "Course draft: P99 is the time for a whole {tokens}-token answer at batch 1, with no \
             queue — the course's original formula."
        ),
    }
}

/// The latency SLO, as a student reads it ("100 ms").
pub fn slo_ms(sc: &Scenario) -> String {
    format!("{} ms", num(sc.slo.p99_ms))
}

/// The SLOs in one line.
pub fn slo_line(sc: &Scenario) -> String {
    format!(
        "P99 < {} · < ${} per request",
        slo_ms(sc),
        num(sc.slo.cost_per_req_usd)
    )
}

/// The Act II answers, with the scenario's figures.
pub fn act2_options(sc: &Scenario) -> [String; 4] {
    let gb = |h: &crate::physics::scenario::Hardware| num(h.ram_gb);
    [
        format!(
            "A) Cloud — the model won't fit in {} memory at FP16",
            sc.cloud().label
        ),
        format!(
            "B) Edge — a {} can't keep P99 under {} at scale",
            sc.edge().label,
            slo_ms(sc)
        ),
        format!(
            "C) Mobile — a 7B model fits in {} GB at no precision",
            gb(sc.mobile())
        ),
        format!(
            "D) TinyML — not even ternary weights fit in {} KB of SRAM",
            num(sc.tiny_sram_kb())
        ),
    ]
}

/// The degradation line of the synthesis, with the scenario's drift.
pub fn degradation_note(sc: &Scenario) -> String {
    let d = sc.accuracy.drift_per_day;
    format!(
        "Accuracy falls about {} a day between retrains: 30 days costs {} points, 90 days {}.",
        num(d),
        num(d * 30.0 * 100.0),
        num(d * 90.0 * 100.0)
    )
}

pub fn model_label(m: crate::physics::PhysicsModel) -> &'static str {
    use crate::physics::PhysicsModel::*;
    match m {
        Systems => "Systems (roofline + queueing, default)",
        CourseDraft => "Course draft (the course's original formulas)",
    }
}

/// One-line banner headline for each failure or warning.
pub fn banner_title(b: crate::physics::Banner) -> &'static str {
    use crate::physics::Banner::*;
    match b {
        CloudOom => "Cloud out of memory",
        EdgeOom => "Edge out of memory",
        MobileOom => "Mobile out of memory",
        TinySram => "TinyML SRAM overflow",
        P99Slo => "P99 latency SLO missed",
        ThroughputSlo => "Cloud overloaded",
        CostSlo => "Cost SLO missed",
        AvailabilitySlo => "Availability SLO missed",
        AccuracyWarning => "Accuracy warning",
        DriftWarning => "Drift warning",
    }
}

// ── Intro ───────────────────────────────────────────────────────────────────
pub const INTRO_KICKER: &str = "Machine Learning Systems · Volume I · Lab 16 · Capstone";
pub const INTRO_PITCH: &str = "Fifteen labs taught you seven invariants, one at a time. This \
capstone uses all of them at once. First your Design Ledger shows what your intuition really \
looks like; then you deploy a 7B-parameter language model across four very different machines \
and find out which laws bite.";
pub const INTRO_ACTS: [&str; 3] = [
    "Act I — Design Ledger archaeology · 12–15 min",
    "Act II — Full-stack design challenge · 20–25 min",
    "About 35–40 minutes in all · every tier active",
];
/// The introduction's badges ([`slo_line`] follows them).
pub const INTRO_BADGES: [&str; 5] = [
    "Iron Law  T = D/BW + O/R + L",
    "Amdahl  speed-up = 1 / (s + (1 − s)/N)",
    "Roofline ridge point",
    "Little's Law  L = λW",
    "Every tier can run out of memory",
];
pub const READING_TITLE: &str = "Before you start";
pub const READING_NOTE: &str = "Links open the textbook's public pages in your browser.";
pub const BEGIN: &str = "Begin Act I";

// ── Act I ───────────────────────────────────────────────────────────────────
pub const ACT1_TITLE: &str = "Act I — Design Ledger archaeology";
pub const ACT1_FROM: &str = "Message from the Chief Architect";
pub const ACT1_MESSAGE: &str = "\"Before you lead the 7B rollout, show me you know your own \
blind spots. Across fifteen labs, which physical law did your gut get wrong most often? Check \
your record, not your memory. Good architects know exactly where their intuition fails.\"";
pub const ACT1_CONTEXT: &str = "Every prediction you made and every constraint you tripped in \
Labs 01–15 is in your Design Ledger. Patterns in it show which invariants your intuition \
undervalues. Commit to your own diagnosis before you look at the summary.";
pub const ACT1_QUESTION: &str =
    "Looking back at Labs 01–15, which invariant did you underestimate most consistently?";
pub const ACT1_OPTIONS: [&str; 4] = [
    "A) Memory bandwidth — bandwidth, not compute, was the bottleneck more often than I expected (Iron Law, Roofline)",
    "B) Queueing — I underestimated how far P99 pulls away from the mean at high utilisation (Little's Law, P99)",
    "C) Serial fraction — I expected more from parallelism than it gave (Amdahl's Law, benchmarking)",
    "D) Distribution drift — production data moved away from training data faster than I thought (PSI, MLOps)",
];
pub const LOCK: &str = "Lock my prediction";
pub const LOCK_HINT: &str = "Choose an answer, then lock it (the button at the foot of this panel) to open the ledger summary. A locked prediction cannot be changed.";
pub const LOCKED: &str = "Prediction locked";
pub const CARD_TITLE: &str = "Mental Model Report Card — Labs 01–15";
pub const CARD_LABS: &str = "Labs completed";
pub const CARD_ACCURACY: &str = "Predictions correct";
pub const CARD_HITS: &str = "Constraint failures triggered";
pub const CARD_CONTEXTS: &str = "Deployment contexts";
pub const CARD_DIAGNOSIS: &str = "Diagnosis";
pub const CARD_WEAKEST: &str = "Weakest invariant";
pub const CARD_FAILURES_AT: &str = "Constraint failures at";
pub const CARD_FAVOURITE: &str = "Favourite context";
pub const CARD_SPARSE: &str = "Fewer than 15 labs are recorded, so some figures fall back to \
neutral estimates (50 % for an invariant with no lab). Complete the missing labs for a full \
report.";
pub const RADAR_TITLE: &str = "The seven invariants, 0–100 %";
pub const RADAR_EXPLAIN: &str = "Green: how often your prediction was right for each \
invariant. Red: how often you tripped its failure state. A high red value means the physics \
surprised you: your mental model underrated how hard that invariant bites.";
pub const RADAR_ACCURACY: &str = "Prediction accuracy (%)";
pub const RADAR_HITS: &str = "Constraint hit rate (%)";
pub const CONFIRMED: &str = "Confirmed.";
pub const DIFFERENT: &str = "Different reading.";
/// A decision recorded in the ledger, as a label: a precision key as its name ("int4" is
/// "INT4"), an underscored key in words ("30_days" is "30 days").
pub fn decision_label(v: &serde_json::Value) -> String {
    match v.as_str() {
        Some(s) => match Quant::parse(s) {
            Some(q) => q.as_str().to_uppercase(),
            None => s.replace('_', " "),
        },
        None => v.to_string(),
    }
}

pub fn brief_compression(choice: &str) -> String {
    format!(
        "• Lab 10: you chose {choice} compression — worth weighing for the edge and mobile tiers."
    )
}

pub fn brief_p99(ms: f64, slo: &str) -> String {
    format!(
        "• Lab 13: your P99 was {ms:.0} ms at your chosen load — this lab's {slo} SLO is much tighter."
    )
}

pub fn brief_p99_missing(slo: &str) -> String {
    format!(
        "• Lab 13 is not in this ledger, so there is no P99 of yours to set against this lab's {slo} SLO."
    )
}

pub fn brief_cadence(cadence: &str) -> String {
    format!(
        "• Lab 14: your retraining cadence was {cadence} — here four tiers drift at different rates."
    )
}

/// The course's throughput check, which its banners leave out: what it asks and why it fails.
pub const COURSE_TPUT_TITLE: &str = "Throughput check failed (the course's hidden check)";

pub fn course_tput_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    let mult = sc.course_draft.throughput_mult.get(r.design.serving);
    let out = sc.workload.output_tokens;
    format!(
        "The course's formula compares tokens a second with requests a second times tokens: \
         {} tok/s × {} ≥ {} req/s × {} tokens, that is {} ≥ {}. It fails on every design, so \
         no design passes under the course's formulas; its banners do not show it.",
        num(r.cloud_tok_per_sec),
        num(mult),
        num(r.tier_rps[0]),
        num(out),
        num(r.cloud_tok_per_sec * mult),
        num(r.tier_rps[0] * out)
    )
}

/// What choosing the course's formulas means, said before the student designs.
pub fn course_draft_note(sc: &Scenario) -> String {
    format!(
        "Course draft: the notebook's formulas, kept exactly. Its GPU slider runs 1–8, so a larger \
         cluster is brought down to 8 when you switch. No design can pass under them: the TinyML \
         sub-model is fixed at {} {} parameters and never fits {} KB, and the throughput check \
         asks for more tokens a second than 8 GPUs give. Choose it to see the course's numbers, \
         not to win.",
        params(sc.course_draft.tiny_params),
        sc.course_draft.tiny_quant.as_str(),
        num(sc.tiny_sram_kb())
    )
}

/// What a figure shows when there is nothing to compute it from.
pub const NONE_YET: &str = "—";
pub const NO_LABS_YET: &str = "no labs yet";
pub const NO_FAILURES: &str = "none";
pub const NOT_JUDGED: &str = "Not judged yet.";
/// Explanations of the four Act I options, in option order.
pub const ACT1_EXPLAIN: [&str; 4] = [
    "Memory bandwidth (Iron Law, Roofline) is the classic blind spot of engineers raised on \
operation counts. Peak FLOPS grow far faster than memory bandwidth, so a model that looks \
compute-bound on paper is usually bandwidth-bound in practice: every forward pass streams the \
weights from HBM to the cores. In T = D/BW + O/R + L, once D/BW dominates, more compute buys \
nothing.",
    "Queueing (Little's Law, P99) hides until it hurts. The mean latency looks fine while the \
tail explodes: near 80 % utilisation an M/M/1 queue's P99 is several times its mean. The trap \
is tuning the dashboard average while the SLO, which is a percentile, quietly fails. L = λW \
says exactly when the queue, not the model, becomes the bottleneck.",
    "The serial fraction (Amdahl's Law) is underestimated because more GPUs feel like \
proportionally more speed. A 5 % serial part caps the speed-up at 20× however many GPUs you \
add, and data loading, synchronisation and pre-processing add serial work that makes the cap \
arrive sooner than expected.",
    "Distribution drift (PSI, MLOps) is counter-intuitive because nothing in the code changes — \
the world does. Static benchmarks give no feel for how fast production data moves away from \
the training set. The population stability index can measure it, but without monitoring the \
decay is silent, as in Lab 03's silent-degradation scenario.",
];
pub const LEDGER_READING: &str = "Your ledger says";
pub const SPARSE_READING: &str = "Your Design Ledger is sparse, so the analysis falls back to \
the blind spot most common across students: the Memory Wall and the Roofline. Complete earlier \
labs for a personal reading.";
pub const MATHPEEK_ACT1: &str = "The seven invariants of Volume I — the equations";
pub const INVARIANT_EQUATIONS: [(&str, &str, &str); 7] = [
    (
        "1. Iron Law (memory bandwidth)",
        "T_total = D / BW + O / R + L",
        "D bytes moved, BW bandwidth, O operations, R operations per second, L fixed latency.",
    ),
    (
        "2. Memory Wall (footprint)",
        "Memory = params × bytes/param + KV cache + activations",
        "FP16 2 bytes per parameter, INT8 1, INT4 0.5.",
    ),
    (
        "3. Amdahl's Law (parallel ceiling)",
        "Speed-up = 1 / (S + (1 − S) / N)",
        "S serial fraction, N parallel units; the ceiling is 1/S whatever N is.",
    ),
    (
        "4. Roofline (performance ceiling)",
        "Performance = min(peak FLOPS, intensity × BW)",
        "Ridge point AI* = peak FLOPS / BW; below it a kernel is memory-bound.",
    ),
    (
        "5. Little's Law (queue depth)",
        "L = λ × W",
        "L requests in the system, λ arrival rate, W time in the system; as utilisation → 1, W → ∞.",
    ),
    (
        "6. Degradation (drift)",
        "Accuracy(t) = Accuracy₀ − λ × PSI(t)",
        "PSI population stability index, λ sensitivity.",
    ),
    (
        "7. Fairness–accuracy (Chouldechova 2017)",
        "base rates differ ⇒ DP ∩ EO ∩ CA = ∅",
        "No classifier has demographic parity, equalised odds and calibration at once.",
    ),
];
pub const TO_ACT2: &str = "On to Act II";

// ── Act II ──────────────────────────────────────────────────────────────────
pub const ACT2_TITLE: &str = "Act II — Full-stack design challenge";
pub const ACT2_FROM: &str = "System brief from the Lead Architect";
pub const ACT2_RECS_TITLE: &str = "From your earlier labs";
pub const ACT2_STAGES_INTRO: &str = "Work through the five stages. Each one brings an \
invariant into play, and the diagram updates as you go. Trip at least one failure state, then \
fix it.";
pub const ACT2_QUESTION: &str =
    "Before you configure anything: which tier will be the hardest constraint to satisfy?";
pub const ACT2_LOCK_HINT: &str =
    "Lock a prediction (the button at the foot of this panel) to unlock the design instruments.";
pub const FINISH: &str = "Submit this design";
pub const SUBMIT_TITLE: &str = "Submit this design?";
pub const SUBMIT_CONFIRM: &str = "Submit";
pub const SUBMIT_CANCEL: &str = "Keep designing";
pub const SUBMIT_PASSES: &str = "It meets every constraint.";
pub const SUBMIT_FAILS: &str = "It does not meet every constraint. What fails:";
pub const SUBMIT_NOTE: &str = "Your first submitted attempt is the one your instructor's class \
     report counts. Tab to Submit and press Enter, or press Escape to keep designing.";
pub const REPLAY: &str = "Back to the design (a new submission is saved as a new entry)";
pub const NEW_RUN: &str = "Start over from the introduction";
pub const MAP_TITLE: &str = "Memory vs latency, every tier";
pub const MAP_EXPLAIN: &str = "Each tier sits at its memory footprint (x) and latency (y), both \
logarithmic. Dashed lines are the tiers' memory budgets; a cross marks a tier out of memory. \
The green band is the P99 SLO.";
pub const CORRECT: &str = "Correct.";
pub const REASSESS: &str = "Reassessing.";
/// What each Act II answer's tier was like, whichever tier the model makes hardest.
/// `course_kib` is the SRAM the course's sub-model needs under the model in play.
pub fn act2_explain(
    i: usize,
    sc: &Scenario,
    key: &crate::physics::answer::AnswerKey,
    course_kib: f64,
) -> String {
    let cd = &sc.course_draft;
    match i {
        0 => {
            // Whether one GPU holds the model's FP16 weights beside its workspace.
            let fp16_gb = sc.llm().params * sc.precision.bytes_per_param.fp16 / 1e9;
            let memory = if fp16_gb + sc.systems.workspace_gb <= sc.cloud().ram_gb {
                format!(
                    "The cloud's memory is not its problem: one {} holds the {} even at FP16.",
                    sc.cloud().label,
                    sc.llm().label
                )
            } else {
                format!(
                    "The cloud's memory is a problem only until the model is split: one {} cannot \
                     hold the {} at FP16, a tensor-parallel group can.",
                    sc.cloud().label,
                    sc.llm().label
                )
            };
            format!(
                "{memory} Its constraints are latency, capacity, cost and availability under load: \
                 carrying {} requests a second with a first token within {} takes many GPUs, the \
                 right precisions and continuous batching, and the KV cache, not the weights, is \
                 what fills each GPU and what each decode step reads.",
                num(sc.slo.requests_per_sec * sc.traffic.cloud),
                slo_ms(sc)
            )
        }
        1 => format!(
            "The edge is slow but not stuck: its answers take seconds, yet the verdict judges \
             the cloud's SLO, and the edge's own constraint, memory, is met by {} of its {} \
             precisions on the {}.",
            key.share("edge").passing,
            key.share("edge").total,
            sc.edge().label
        ),
        2 => format!(
            "Mobile memory has an engineering answer: {} of its {} precisions fit the phone's {} \
             GB.",
            key.share("mobile").passing,
            key.share("mobile").total,
            num(sc.mobile().ram_gb)
        ),
        _ => {
            let wall = format!(
                "The course's {}-parameter {} sub-model needs {:.0} KiB of SRAM, about {:.0}× the \
                 {} KB the Cortex-M7 has: no precision fixes that, so for that model 256 KB is a \
                 wall.",
                params(cd.tiny_params),
                cd.tiny_quant.as_str(),
                course_kib,
                course_kib / sc.tiny_sram_kb(),
                num(sc.tiny_sram_kb())
            );
            if key.model == crate::physics::PhysicsModel::CourseDraft {
                format!(
                    "{wall} Under the course's formulas the sub-model is fixed: nothing in this \
                     lab makes it fit."
                )
            } else {
                let kws = &sc.tiny_workload;
                format!(
                    "{wall} The size control replaces it with a member of another family, the {} \
                     ({} parameters at its reference size), which fits: a different model, not \
                     the same one turned down.",
                    kws.label,
                    params(kws.params)
                )
            }
        }
    }
}

/// A tier's name from its key (`cloud`, `edge`, `mobile`, `tiny`); an unknown key as given.
pub fn tier_label(key: &str) -> &str {
    crate::ledger::analysis::CONTEXTS
        .iter()
        .position(|c| *c == key)
        .map_or(key, |i| TIER_NAMES[i])
}

/// The answer key's evidence: each tier's passing share, and the hardest tier.
pub fn answer_evidence(key: &crate::physics::answer::AnswerKey) -> String {
    let tier_name = tier_label;
    let s = |t: &str| key.share(t);
    let h = s(key.hardest);
    format!(
        "Under the {} physics the hardest tier is {}: it meets its own constraints in {} of {} \
         of its designs, the smallest share. Cloud: {} of {} configurations (GPUs, weight and KV \
         precision, serving). Edge: {} of {} precisions. Mobile: {} of {} precisions. TinyML: {} \
         of {} size and precision choices.",
        key.model.as_str(),
        tier_name(key.hardest),
        h.passing,
        h.total,
        s("cloud").passing,
        s("cloud").total,
        s("edge").passing,
        s("edge").total,
        s("mobile").passing,
        s("mobile").total,
        s("tiny").passing,
        s("tiny").total
    )
}
pub const MATHPEEK_ACT2: &str = "How the seven invariants meet in this scenario";
/// How the invariants meet; an empty body is filled from the scenario ([`synthesis`]).
const SYNTHESIS: [(&str, &str); 7] = [
    (
        "Iron Law → cloud latency",
        "Each decode step streams the weights and the KV cache from HBM: t_step ≈ bytes / (η · BW). Fewer bytes per parameter and a smaller KV cache mean faster steps.",
    ),
    (
        "Memory Wall → tier feasibility",
        "A tier works only if weights + KV cache + runtime fit its RAM. On the cloud, what is left after the weights sets the largest batch.",
    ),
    (
        "Amdahl → scaling ceiling",
        "Splitting one model over GPUs (tensor parallelism) speeds up only the bandwidth-bound part; fixed per-step costs and all-reduces are the serial fraction. Replicas scale capacity instead.",
    ),
    (
        "Roofline → memory- or compute-bound",
        "Decode at small batch sits far below the ridge point: memory-bound. Prefill of a long prompt is compute-bound. Batching moves decode toward the ridge.",
    ),
    (
        "Little's Law → queues",
        "Requests in flight = arrival rate × time in system. As utilisation nears 1 the wait for a slot grows without bound, and P99 leaves the mean behind.",
    ),
    ("Degradation → retraining cadence", ""),
    (
        "Fairness → accuracy",
        "Holding the approval gap between groups below its base-rate value costs accuracy, and the tighter the threshold the more it costs.",
    ),
];
pub const FEASIBLE_TITLE: &str = "This design is feasible.";
pub const FEASIBLE_NEXT: &str = "It meets every hard constraint. In production you would next \
set per-tier monitoring cadences and alert thresholds, plan an A/B rollout, and decide how \
traffic falls back when a lower tier is overloaded.";
pub const FIX_TITLE: &str = "Some constraints are violated — the usual fix sequence:";
pub const FIX_STEPS: [&str; 5] = [
    "Edge or mobile out of memory? Lower that tier's weight precision (INT8 or INT4).",
    "P99 or overload? Switch to continuous batching first, then add GPUs and shrink bytes per step (INT8 weights, INT8 KV cache).",
    "Cost? A request costs the GPUs' hourly price over the requests they serve: provision fewer or cheaper GPUs for the load.",
    "Availability? One GPU failing must not take the load beyond what the rest can carry: keep a spare.",
    "TinyML SRAM? Replace the LLM sub-model with a purpose-built keyword spotter of about 100K parameters.",
];
pub const FIX_FOOTER: &str =
    "Every fix traces back to one of the seven invariants. Nothing is free.";
/// The synthesis, with the scenario's figures.
pub fn synthesis(sc: &Scenario) -> Vec<(&'static str, String)> {
    SYNTHESIS
        .iter()
        .map(|(name, body)| {
            let body = if body.is_empty() {
                degradation_note(sc)
            } else {
                body.to_string()
            };
            (*name, body)
        })
        .collect()
}

pub const TAKEAWAYS_TITLE: &str = "Key takeaways";
pub const TAKEAWAYS: [&str; 2] = [
    "1. Tier boundaries are physics, not software settings. No hyperparameter moves one model \
across all four tiers: the Cortex-M7's 256 KB of SRAM and a phone's 5 W thermal budget do not \
move. Thermodynamics, memory physics and signal latency draw the lines, not framework versions \
or quantisation schemes. The architect's first job is knowing which limits can be negotiated \
and which are walls.",
    "2. All seven invariants act at once in production. The Iron Law sets cloud latency, Amdahl \
caps GPU scaling, the Memory Wall decides which tier can host which model, Little's Law \
predicts the P99 blow-up at high load, degradation sets the retraining cadence, and \
Chouldechova bounds the fairness–accuracy trade. You cannot optimise one in isolation: every \
control moves several constraints. The skill is reasoning about those interactions at system \
scale, not reciting formulas.",
];

// ── HUD and ledger ──────────────────────────────────────────────────────────
pub const HUD_LABS: &str = "LABS";
pub const HUD_ACC: &str = "PREDICTION ACC";
pub const HUD_WEAKEST: &str = "WEAKEST";
pub const HUD_ACT1: &str = "ACT I";
pub const HUD_ACT2: &str = "ACT II";
pub const HUD_P99: &str = "P99";
pub const HUD_COST: &str = "COST";
pub const HUD_SYSTEM: &str = "SYSTEM";
pub const HUD_LEDGER: &str = "LEDGER";
pub const MEMORY_ONLY: &str = "Progress will not be saved: ";
pub const UNREADABLE: &str = "Your stored Design Ledger could not be read. It has not been \
changed or replaced: a raw copy is kept. Export it to keep it, or start a new ledger.";
pub const EXPORT_RAW: &str = "Export the unreadable copy";
pub const START_AFRESH: &str = "Start a new ledger (the copy stays in the backup)";
pub const LEDGER_SECTION: &str = "Design Ledger";
pub const USE_MINE: &str = "My ledger";
pub const SAMPLES_LABEL: &str = "…or try a sample student";
pub const IMPORT: &str = "Import a ledger…";
pub const IMPORT_PASTE: &str = "Paste ledger JSON here";
pub const IMPORT_PREVIEW: &str = "Preview";
pub const IMPORT_REPLACE: &str = "Replace my ledger";
pub const IMPORT_MERGE: &str = "Merge into my ledger";
pub const IMPORT_MERGE_EXPLAIN: &str = "Merge keeps your entries and adds the imported ones \
after them; where both record a chapter, the imported entry counts.";
pub const CANCEL: &str = "Cancel";
pub const EXPORT: &str = "Export my ledger (E)";
pub const IMPORT_FILE: &str = "Import from a file…";

/// Labels of the sample ledgers.
pub fn sample_label(name: &str) -> &'static str {
    match name {
        "strong" => "A strong student",
        "memory-wall" => "Memory-wall blind spot",
        "queuing" => "Queueing blind spot",
        "sparse" => "A sparse record (3 labs)",
        _ => "An empty ledger",
    }
}

/// Display name of a context key.
pub fn context_label(ctx: &str) -> &'static str {
    match ctx {
        "edge" => "Edge (Jetson Orin)",
        "mobile" => "Mobile (phone NPU)",
        "tiny" => "TinyML (Cortex-M7)",
        _ => "Cloud (H100)",
    }
}

/// A latency for display: milliseconds, or seconds when large.
pub fn latency(ms: f64) -> String {
    if !ms.is_finite() {
        NO_SERVICE.into()
    } else if ms >= 10_000.0 {
        format!("{:.0} s", ms / 1000.0)
    } else if ms >= 1000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{ms:.1} ms")
    }
}

/// What a cloud that serves nothing shows for its latency and its cost per request.
pub const NO_SERVICE: &str = "no service";

/// A cost per request in dollars to `places` decimals, or "no service" when none is served.
pub fn cost(usd: f64, places: usize) -> String {
    if usd.is_finite() {
        format!("${usd:.places$}")
    } else {
        NO_SERVICE.into()
    }
}

/// The fewest GPUs on offer that hold the cloud's model, the rest of the design unchanged.
fn min_gpus_that_fit(r: &crate::physics::Report, sc: &Scenario) -> Option<u32> {
    use crate::physics::{N_H100_RANGE, systems::cloud_load};
    N_H100_RANGE.into_iter().find(|&n| match r.systems {
        Some(_) => {
            let d = crate::physics::Design {
                n_h100: n,
                ..r.design
            };
            !cloud_load(sc, &d).oom
        }
        None => n as f64 * sc.cloud().ram_gb >= r.cloud_model_gb,
    })
}

/// The banner's explanation, with the report's numbers.
pub fn banner_detail(
    b: crate::physics::Banner,
    r: &crate::physics::Report,
    sc: &Scenario,
) -> String {
    use crate::physics::Banner::*;
    let sys = r.systems.as_ref();
    let slo = &sc.slo;
    match b {
        CloudOom => format!(
            "The cloud needs {:.1} GB but {} × {} offer {:.0} GB. {} Or use INT8 weights.",
            r.cloud_model_gb,
            r.design.n_h100,
            sc.cloud().label,
            r.cloud_ram_gb,
            match min_gpus_that_fit(r, sc) {
                Some(n) => format!("It needs at least {n} GPUs."),
                None => "No number of GPUs on offer holds it.".into(),
            }
        ),
        EdgeOom => format!(
            "The {} needs {:.1} GB of its {:.0} GB. Quantise the edge to INT8 (about {:.1} GB of weights) or INT4 (about {:.1} GB).",
            sc.edge().label,
            r.edge_model_gb,
            r.edge_ram_gb,
            sc.llm().params * sc.precision.bytes_per_param.int8 / 1e9,
            sc.llm().params * sc.precision.bytes_per_param.int4 / 1e9
        ),
        MobileOom => format!(
            "The phone needs {:.2} GB of its {:.0} GB. Use INT4 or ternary weights on mobile.",
            r.mobile_model_gb, r.mobile_ram_gb
        ),
        TinySram => {
            use crate::physics::systems::tiny_max_params;
            let (ternary, int8, what) = match sys {
                // Weights and the activation arena share the SRAM.
                Some(_) => (
                    tiny_max_params(sc, Quant::Ternary),
                    tiny_max_params(sc, Quant::Int8),
                    "weights and activations",
                ),
                None => (
                    r.tiny_sram_kb * 1024.0 / sc.precision.bytes_per_param.ternary,
                    r.tiny_sram_kb * 1024.0 / sc.precision.bytes_per_param.int8,
                    "weights",
                ),
            };
            if sys.is_none() {
                // The course's formulas fix the sub-model: there is no control to change it.
                return format!(
                    "The course's TinyML sub-model ({} parameters, {}) needs {:.1} KB; the {} has \
                     {:.0} KB of SRAM. Under the course's formulas the sub-model is fixed, so no \
                     control here makes it fit. Under the systems model a size control replaces \
                     it with a smaller keyword spotter.",
                    params(sc.course_draft.tiny_params),
                    sc.course_draft.tiny_quant.as_str(),
                    r.tiny_model_kb,
                    sc.tiny().label,
                    r.tiny_sram_kb
                );
            }
            format!(
                "The TinyML sub-model needs {:.1} KB ({what}); the {} has {:.0} KB of SRAM. No precision fixes this: \
                 use a purpose-built model under about {:.2}M ternary ({} byte each) or {:.0}K INT8 parameters — a 100K-parameter keyword spotter fits.",
                r.tiny_model_kb,
                sc.tiny().label,
                r.tiny_sram_kb,
                ternary / 1e6,
                num(sc.precision.bytes_per_param.ternary),
                int8 / 1e3
            )
        }
        P99Slo => match sys {
            Some(s) => format!(
                "P99 time to first token is {} against the {} SLO (queue wait, prefill and one decode step, at {:.0} % utilisation). \
                 Iron Law, T = D/BW + O/R + L: each decode step takes {} ms, {}. \
                 Use continuous batching, add GPUs, or move fewer bytes per step (INT8 weights and KV cache).",
                latency(s.cloud_p99_ttft_ms),
                slo_ms(sc),
                s.cloud_utilization.min(99.99) * 100.0,
                num(s.decode_step_ms),
                if s.decode_compute_bound {
                    "most of it O/R, the arithmetic"
                } else {
                    "most of it D/BW, moving the weights and KV cache from HBM"
                }
            ),
            None => format!(
                "Cloud P99 is {} against the {} SLO. Decode is bandwidth-bound (Iron Law): every token reads the weights from HBM. \
                 Add GPUs, switch to continuous batching, or use fewer bytes per parameter.",
                latency(r.cloud_p99_ms),
                slo_ms(sc)
            ),
        },
        ThroughputSlo => match sys {
            Some(s) => format!(
                "The cloud can serve {:.0} req/s but must carry {:.0}: utilisation {:.0} %. Queues grow without bound near 100 %. \
                 Add GPUs, batch continuously, or cut bytes per step.",
                s.cloud_capacity_rps,
                r.tier_rps[0],
                s.cloud_utilization.min(99.99) * 100.0
            ),
            None => "The cloud cannot produce the tokens its share of traffic asks for.".into(),
        },
        CostSlo => format!(
            "Each request costs ${:.6}: the GPUs' hourly price over the requests they serve, above the ${} SLO. \
             Provision fewer or cheaper GPUs for this load.",
            r.cost_per_req_usd,
            num(slo.cost_per_req_usd)
        ),
        AvailabilitySlo => match sys {
            Some(s) => format!(
                "With each GPU up {} % of the time and each {}-GPU server {} %, the load fits only {:.3} % of the time (SLO {} %). \
                 Keep enough spare capacity that losing a GPU does not overload the rest; past one server, losing a whole server must not either.",
                pct(sc.cloud().availability),
                num(sc.systems.gpus_per_node),
                pct(sc.systems.node_availability),
                s.availability * 100.0,
                pct(slo.availability)
            ),
            None => String::new(),
        },
        AccuracyWarning => format!(
            "Effective accuracy is {:.1} % before drift. Ternary weights cost about {} points{}: fine for a trigger \
             model, not for the answers. Route precision-sensitive requests to the cloud.",
            r.effective_accuracy * 100.0,
            pct(sc.precision.accuracy_drop.ternary),
            // Only the systems model prices fairness in accuracy.
            match sys {
                Some(s) if s.fairness_accuracy_cost > 0.0 => format!(
                    " and this fairness threshold costs {:.1} more",
                    s.fairness_accuracy_cost * 100.0
                ),
                _ => String::new(),
            }
        ),
        DriftWarning => format!(
            "Retraining every {} days lets accuracy decay to {:.1} %: Acc(t) = Acc₀ − λ·t = {:.1} % − {} × {} days. \
             Retrain more often, or trigger retraining from PSI monitoring.",
            r.design.retrain_cadence_days,
            r.post_drift_accuracy * 100.0,
            r.effective_accuracy * 100.0,
            num(sc.accuracy.drift_per_day),
            r.design.retrain_cadence_days
        ),
    }
}

/// The keyboard shortcuts dialog.
pub const SHORTCUTS: [(&str, &str); 14] = [
    (
        "Enter",
        "Begin / lock the chosen answer / move on / submit the design",
    ),
    ("A–D", "Choose an answer in a prediction lock"),
    ("Space", "Pause or play the request flow"),
    ("Tab", "Move focus to the next control (Shift+Tab: back)"),
    ("Space/Enter", "Operate the focused control"),
    (
        "Arrows",
        "Change the focused slider; on the side panel's edge, its width",
    ),
    (
        "R",
        "Reset all design controls (Act II; the ledger is kept)",
    ),
    ("P", "Projector profile on or off"),
    ("E", "Export my ledger (a download on the web)"),
    ("F1 or ?", "Show or hide this list"),
    ("F3", "Frame rate and frame time"),
    ("F11", "Full screen"),
    ("Esc", "Close this list"),
    (
        "Left, Right, Home",
        "Class view: previous / next student; back to the class",
    ),
];
pub const PLAY: &str = "▶ Play (Space)";
pub const PAUSE: &str = "⏸ Pause (Space)";
pub const STEP: &str = "Step";
/// The particles' outcomes in the legend: each shape as drawn (a monospace glyph: egui's
/// proportional font lacks them) and its name. On time, late, rejected.
pub const OUTCOMES: [(&str, &str); 3] = [
    ("●", "on time"),
    ("◆", "late (cloud SLO)"),
    ("▼", "rejected"),
];

/// Captions of the demo autoplay, in script order.
pub const DEMO_CAPTIONS: [&str; 10] = [
    "Demo — The Architect's Audit. Press any key or click to take over.",
    "Act I: before seeing the ledger, the student commits to a diagnosis.",
    "The report card: this student's predictions failed most on the Memory Wall.",
    "Act II: predict which tier will be hardest before touching the controls.",
    "The course's default design: 2 GPUs, FP16, dynamic batching. Queues explode and TinyML overflows.",
    "Continuous batching: requests join at every decode step. Better, but 2 GPUs are overloaded.",
    "Twelve GPUs in two servers: closer, but FP16 weights and KV cache still move too many bytes per step.",
    "INT8 weights and an INT8 KV cache: the cloud carries its load, with GPUs to spare if one fails.",
    "A 100K-parameter keyword spotter fits the 256 KB SRAM. All constraints are met.",
    "Submitted: the design is saved to the Design Ledger as chapter 16.",
];
/// The demo's captions where the course's formulas tell another story (by index in
/// [`DEMO_CAPTIONS`]): its GPU slider stops at 8, and no design passes under it.
const DEMO_CAPTIONS_COURSE_DRAFT: [(usize, &str); 4] = [
    (
        5,
        "Continuous batching: the course's formula counts 100 % of peak throughput instead of 80 %.",
    ),
    (
        6,
        "The course's GPU slider stops at 8: the design is held there, and its P99 drops as GPUs are added.",
    ),
    (
        7,
        "INT8 weights halve the bytes each token reads; the course shrinks its KV cache with them.",
    ),
    (
        8,
        "Under the course's formulas no design passes: the TinyML sub-model is fixed and never fits, and the throughput check is out of reach.",
    ),
];

/// A demo caption as the model in play has it.
pub fn demo_caption(caption: &'static str, model: PhysicsModel) -> &'static str {
    let i = DEMO_CAPTIONS.iter().position(|c| *c == caption);
    match (model, i) {
        (PhysicsModel::CourseDraft, Some(i)) => DEMO_CAPTIONS_COURSE_DRAFT
            .iter()
            .find(|(j, _)| *j == i)
            .map_or(caption, |(_, c)| c),
        _ => caption,
    }
}

pub const PREFERENCES: &str = "Display";
/// The side panel's edge, as a screen reader names it.
pub const PANEL_EDGE: &str = "Side panel width (Left and Right arrows)";
pub const REDUCED_MOTION: &str = "Reduce motion: no pulsing, shaking or glow (requests still move)";
pub const PROJECTOR: &str = "Projector profile (P): light, high contrast, larger";
pub const UI_SCALE: &str = "UI scale";
pub const MEASURED_TITLE: &str = "The simulated requests (last 30 s) beside the model";
pub const MEASURED_WAIT: &str = "Gathering requests…";
pub const MEASURED_SIM: &str = "Simulated";
pub const MEASURED_MODEL: &str = "Model";

// The instructor's class view.
pub const CLASS_TITLE: &str = "Class view";
pub const CLASS_NONE: &str = "No ledger is loaded yet. Each student exports their Design Ledger \
(Export my ledger in the game, or `architects-audit ledger export`); open the files here together.";
pub const CLASS_OPEN: &str = "Open ledgers…";
pub const CLASS_SUMMARY: &str = "Class";
pub const CLASS_KEYS: &str =
    "Keys: the Left and Right arrows step through the students; Home returns to the class.";
pub const CLASS_PREV: &str = "◀ Previous";
pub const CLASS_NEXT: &str = "Next ▶";
pub const CLASS_RADAR: &str = "How often the class predicted right, per invariant";
pub const CLASS_RADAR_KEY: &str = "Green: the class mean. Blue: the first and third quartiles \
(the middle half of the class lies between them). An axis marked \"no labs\" has no \
student with a lab on it.";
pub const CLASS_WEAKEST: &str = "Weakest invariant (students)";
pub const CLASS_LABS: &str = "Labs 1–15 completed (students)";
pub const CLASS_CH16: &str = "Chapter 16, first attempts";
pub const CLASS_HARDEST: &str = "Tier expected to be hardest (Act II)";
pub const CLASS_NO_CH16: &str = "No chapter 16 in this ledger.";
pub const CLASS_DESIGN: &str = "Their design (first attempt)";
pub const CLASS_DRAWN: &str = "The world draws this design, under the physics it was judged by:";
pub const CLASS_NOT_DRAWN: &str = "This record does not hold the whole design (an older save), so \
the world shows the class.";
pub const CLASS_FAILED: &str = "Failed";
pub const CLASS_PASSING: &str = "Passing designs";

/// How a value of a recorded design's choice reads (class report and class view): labels,
/// never the JSON's keys.
pub fn choice_value_label(choice: &str, v: &str) -> String {
    if v == crate::ledger::designs::NOT_RECORDED {
        return v.into();
    }
    match (choice, v) {
        ("serving", "static") => "static batches".into(),
        ("serving", "dynamic") => "dynamic batches".into(),
        ("serving", "continuous") => "continuous batching".into(),
        ("tiny_params", p) => p.parse::<f64>().map_or_else(|_| p.to_string(), params),
        ("cloud_gpus", n) => format!("{n} × H100"),
        (_, "ternary") => "Ternary".into(),
        (_, q) => q.to_uppercase(),
    }
}

/// A check's name on the page (its banner's title).
pub fn check_label(key: &str) -> String {
    crate::ledger::designs::checks()
        .find(|b| b.as_str() == key)
        .map_or_else(|| key.to_string(), |b| banner_title(b).into())
}

/// The F3 readout: "60 fps · 16.7 ms a frame" (smoothed), or dashes until measured.
pub fn frame_readout(fps: Option<f64>, frame_ms: Option<f64>) -> String {
    match (fps, frame_ms) {
        (Some(f), Some(ms)) => format!("{f:.0} fps · {ms:.1} ms a frame"),
        _ => "— fps · — ms a frame".into(),
    }
}

/// The checks a recorded design failed, by name: "—" when none (or it passed), "not recorded"
/// when its record predates the list.
pub fn failed_label(d: &crate::ledger::designs::StudentDesign) -> String {
    match &d.failed {
        Some(f) if !f.is_empty() => f
            .iter()
            .map(|c| check_label(c))
            .collect::<Vec<_>>()
            .join("; "),
        None if !d.passed => crate::ledger::designs::NOT_RECORDED.into(),
        _ => "—".into(),
    }
}

/// "Counted 3 of 5 students (the others have no labs 1–15)."
pub fn class_counted(counted: u32, n: u32) -> String {
    if counted < n {
        format!("Counted {counted} of {n} students (the others have no labs 1–15).")
    } else {
        format!("Counted all {n} students.")
    }
}
pub const CLASS_NAMES_HIDDEN: &str = "File names are hidden (start with --show-names to see them).";

/// A short label for a recorded Act I or Act II answer key.
pub fn answer_label(key: &str) -> &str {
    match key {
        "memory_bw" => "A · Memory bandwidth",
        "queuing" => "B · Queueing",
        "serial_fraction" => "C · Serial fraction",
        "drift" => "D · Distribution drift",
        "cloud_oom" => "A · Cloud (memory)",
        "edge_latency" => "B · Edge (latency)",
        "mobile_oom" => "C · Mobile (memory)",
        "tiny_oom" => "D · TinyML (SRAM)",
        other => other,
    }
}

/// The count of cloud requests waiting at the tier's entrance, and how many the drawn line
/// leaves out.
pub fn queue_label(waiting: usize, not_drawn: usize) -> String {
    if not_drawn > 0 {
        format!("{waiting} waiting (+{not_drawn} not drawn)")
    } else {
        format!("{waiting} waiting")
    }
}

/// A memory bar's caption: used of capacity, and what spills.
pub fn memory_bar(used: f64, capacity: f64, unit: &str, spills: bool) -> String {
    let mut s = format!("memory {} / {} {unit}", mem_num(used), mem_num(capacity));
    if spills {
        s += &format!(" · OOM: {} {unit} over", mem_num(used - capacity));
    }
    s
}

/// The parts of a memory bar, in its order.
pub fn memory_parts(parts: &[(&str, f64)], unit: &str) -> String {
    let list: Vec<String> = parts
        .iter()
        .map(|(k, v)| format!("{k} {}", mem_num(*v)))
        .collect();
    // Two to a line, so the caption stays narrow.
    let lines: Vec<String> = list.chunks(2).map(|c| c.join(" · ")).collect();
    format!("memory ({unit}): {}", lines.join("\n"))
}

fn mem_num(v: f64) -> String {
    if v >= 10.0 || v == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The cloud's chips: how many GPUs, grouped how.
pub fn chips_label(gpus: u32, tp: u32, replicas: u32) -> String {
    match (replicas, tp) {
        (0, _) => format!("{gpus} GPU(s): the model does not fit"),
        (_, 1) => format!("{gpus} GPU(s) = {replicas} replica(s)"),
        _ => format!("{gpus} GPUs = {replicas} × TP{tp} (all-reduce each layer)"),
    }
}

/// A server's frame round its chips.
pub fn server_label(k: usize) -> String {
    format!("server {}", k + 1)
}

/// The decode step as the physics runs it.
pub fn step_label(batch: f64, max_batch: f64, step_ms: f64, compute_bound: bool) -> String {
    format!(
        "batch {batch:.0} of {max_batch:.0} per replica\nstep {step_ms:.1} ms · {}",
        if compute_bound {
            "compute-bound"
        } else {
            "memory-bound"
        }
    )
}

/// The accuracy gauge's caption.
pub fn accuracy_gauge(effective: f64, after_drift: f64, days: u32) -> String {
    format!(
        "accuracy {:.1} %, {:.1} % after {days} days of drift",
        effective * 100.0,
        after_drift * 100.0
    )
}

/// The accuracy gauge's scale.
pub fn gauge_scale(min: f64, warn: f64) -> String {
    format!(
        "{:.0}–100 % · drift warning below {:.0} %",
        min * 100.0,
        warn * 100.0
    )
}

pub const INSTRUMENTS_TITLE: &str = "Live instruments (the simulated requests)";
pub const HISTOGRAM_X: &str = "time to first token (ms)";
pub const HISTOGRAM_Y: &str = "requests";
pub const HISTOGRAM_BARS: &str = "requests (late ones amber)";
pub const SLO_LINE: &str = "P99 SLO";
pub const HISTOGRAM_KEY: &str = "Bars: requests by time to first token (amber past the SLO). Lines: P50 (blue), P99 (solid), \
     the SLO (dashed red).";
pub const STRIP_KEY: &str = "Solid: P99 (log scale, left axis). Blue: requests served, scaled to \
     its peak. Dashed red: the SLO. Dotted: a design change.";
pub const STRIP_X: &str = "seconds ago";
pub const STRIP_P99: &str = "P99 time to first token";
pub const STRIP_CHANGE: &str = "design changed";

pub fn histogram_caption(span_s: f64, n: usize, p50: f64, p99: f64) -> String {
    if n == 0 {
        format!("No cloud request answered in the last {span_s:.0} s yet.")
    } else {
        format!(
            "Last {span_s:.0} s: {n} cloud requests · P50 {} · P99 {}",
            latency(p50),
            latency(p99)
        )
    }
}

/// The strip's reading: the quantity the model states, measured over the same window.
pub fn strip_caption(
    window_s: f64,
    first_window: bool,
    p99: f64,
    rps: f64,
    model_p99: Option<f64>,
) -> String {
    let model = model_p99.map_or(String::new(), |m| format!(" · model {}", latency(m)));
    let which = if first_window {
        format!(
            "that arrived in the first {window_s:.0} s after the change (overloaded: from an empty queue)"
        )
    } else {
        format!("of the last {window_s:.0} s (steady state)")
    };
    format!(
        "P99 time to first token of the requests {which}, one still waiting counted at its wait \
         so far: {}{model} · first tokens {rps:.0} a second",
        latency(p99)
    )
}

pub const STRIP_Y: &str = "P99 (log scale)";

/// The strip's throughput line, scaled so its peak sits at the top.
pub fn strip_tput(max_rps: f64) -> String {
    format!("served req/s (top = {max_rps:.0})")
}

/// The marks that say a status without colour (egui's default fonts carry all three).
pub const MARK_OK: &str = "✔";
pub const MARK_WARN: &str = "⚠";
pub const MARK_FAIL: &str = "✖";

/// A pass or fail mark.
pub fn mark(ok: bool) -> &'static str {
    if ok { MARK_OK } else { MARK_FAIL }
}

/// The heading of the world's state in words (the design panel).
pub const WORLD_IN_WORDS: &str = "The world, tier by tier";
