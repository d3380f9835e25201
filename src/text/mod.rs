//! Every string a student reads, by name: each function reads its sentence from the catalogue
//! (`catalogue`, Fluent), with the figures it needs as named arguments.

pub mod catalogue;
pub mod lang;
pub mod message;

pub use catalogue::{Arg, current, tr, tr_args};
pub use lang::Lang;

/// `v` with `decimals` places, as the active language writes numbers (for figures drawn
/// outside a sentence: slider values, chart axes).
pub fn number(v: f64, decimals: usize) -> String {
    lang::format_number(v, decimals, current().numbers())
}

/// Whether the active language differs from `worded_in`, the one something was last worded in
/// (which becomes the active one): what keeps words between frames says them again on a switch.
pub fn language_changed(worded_in: &mut Option<Lang>) -> bool {
    let lang = current().lang();
    worded_in.replace(lang) != Some(lang)
}

/// A number formatted plainly (`1234.5`) as the active language writes it; other text as it is.
pub fn local(plain: String) -> String {
    lang::localise_number(&plain, current().numbers()).unwrap_or(plain)
}

/// A number as a student types it in the active language (`1,25` in Spanish), or plainly.
pub fn parse_number(s: &str) -> Option<f64> {
    let n = current().numbers();
    let s: String = s
        .trim()
        .chars()
        .filter(|c| Some(*c) != n.group)
        .map(|c| if c == n.decimal { '.' } else { c })
        .collect();
    s.parse().ok()
}

/// A catalogue message with named arguments: `t!(KEY, name = value, …)`, KEY a literal id.
macro_rules! t {
    ($key:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::text::tr_args($key, &[$((stringify!($name), $crate::text::Arg::from($val))),*])
    };
}
pub(crate) use t;

use crate::ledger::invariant::Invariant;
use crate::physics::{PhysicsModel, Quant, Scenario, Serving, Tier};

/// A tier node's line before the Act II lock.
pub fn tier_waiting() -> String {
    tr("tier-waiting")
}
/// A tier whose model does not fit its memory.
pub fn tier_oom() -> String {
    tr("tier-oom")
}

/// The HUD's Act II answer before the reveal.
pub fn hud_locked() -> String {
    tr("hud-locked")
}

/// The ledger panel's record section.
pub fn reading_notes() -> String {
    tr("reading-notes")
}
pub fn backups() -> String {
    tr("backups")
}
pub fn backups_explain() -> String {
    tr("backups-explain")
}
pub fn restore() -> String {
    tr("restore")
}

pub fn window_title() -> String {
    tr("window-title")
}
pub fn title() -> String {
    tr("title")
}
pub fn subtitle() -> String {
    tr("subtitle")
}
pub fn source_label() -> String {
    tr("source-label")
}

/// A tier's name: Cloud, Edge, Mobile, TinyML.
pub fn tier_name(t: Tier) -> String {
    tr(&format!("tier-{}", t.key()))
}

pub fn panel_metrics() -> String {
    tr("panel-metrics")
}
pub fn stage_1() -> String {
    tr("stage-1")
}
pub fn stage_2() -> String {
    tr("stage-2")
}
pub fn stage_3() -> String {
    tr("stage-3")
}
pub fn stage_4() -> String {
    tr("stage-4")
}
pub fn stage_5() -> String {
    tr("stage-5")
}
pub fn stage_tiny() -> String {
    tr("stage-tiny")
}
pub fn label_gpus() -> String {
    tr("label-gpus")
}
pub fn label_q_cloud() -> String {
    tr("label-q-cloud")
}
pub fn label_q_edge() -> String {
    tr("label-q-edge")
}
pub fn label_q_mobile() -> String {
    tr("label-q-mobile")
}
pub fn label_kv() -> String {
    tr("label-kv")
}
pub fn label_cadence() -> String {
    tr("label-cadence")
}
pub fn label_fairness() -> String {
    tr("label-fairness")
}
pub fn label_tiny_params() -> String {
    tr("label-tiny-params")
}
pub fn label_tiny_quant() -> String {
    tr("label-tiny-quant")
}
pub fn label_model() -> String {
    tr("label-model")
}
pub fn import_course_file() -> String {
    tr("import-course-file")
}
pub fn reset_all() -> String {
    tr("reset-all")
}
pub fn all_clear() -> String {
    tr("all-clear")
}

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
        format!("{}M", local(num(n / 1e6)))
    } else if n >= 1e3 {
        format!("{}K", local(num(n / 1e3)))
    } else {
        local(num(n))
    }
}

/// A tier's assignment as the physics states it ("int8", "int8 (100000 params)") as a student
/// reads it: "INT8", "INT8 (100K params)".
pub fn assignment_label(a: &str) -> String {
    let (q, rest) = a.split_once(' ').unwrap_or((a, ""));
    let name = Quant::parse(q).map_or_else(|| q.to_uppercase(), quant_name);
    match rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(" params)"))
        .and_then(|n| n.parse::<f64>().ok())
    {
        Some(n) => t!("assignment-params", quant = name, params = params(n)),
        None if rest.is_empty() => name,
        None => format!("{name} {rest}"),
    }
}

/// A parameter count as typed: "100K", "1.5M", "250000".
pub fn parse_params(s: &str) -> Option<f64> {
    let s = s.trim();
    let (digits, scale) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1e3),
        'm' | 'M' => (&s[..s.len() - 1], 1e6),
        _ => (s, 1.0),
    };
    parse_number(digits).map(|v| v * scale)
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
        (CourseDraft, Static) => t!("serving-course-static", peak = peak),
        (CourseDraft, Dynamic) => t!("serving-course-dynamic", peak = peak),
        (CourseDraft, Continuous) => t!("serving-course-continuous", peak = peak),
        (Systems, Static) => tr("serving-systems-static"),
        (Systems, Dynamic) => t!(
            "serving-systems-dynamic",
            window = num(sc.systems.dynamic_window_ms)
        ),
        (Systems, Continuous) => tr("serving-systems-continuous"),
    }
}

/// A precision with what it costs.
pub fn quant_label(q: Quant, sc: &Scenario) -> String {
    let p = &sc.precision;
    let bytes = p.bytes_per_param.get(q);
    let drop = p.accuracy_drop.get(q);
    let cost = if drop == 0.0 {
        tr("quant-full-accuracy")
    } else {
        t!("quant-accuracy-drop", drop = pct(drop))
    };
    t!(
        "quant-label",
        name = quant_name(q),
        bytes = num(bytes),
        // "byte" up to one byte a parameter (0.5 byte/param), "bytes" above.
        unit = if bytes > 1.0 { "many" } else { "one" },
        cost = cost
    )
}

/// A serving strategy's name in a sentence ("continuous serving").
pub fn serving_name(s: Serving) -> String {
    tr(match s {
        Serving::Static => "serving-static",
        Serving::Dynamic => "serving-dynamic",
        Serving::Continuous => "serving-continuous",
    })
}

/// A precision's name: FP16, INT8, INT4, Ternary.
pub fn quant_name(q: Quant) -> String {
    tr(match q {
        Quant::Fp16 => "quant-fp16",
        Quant::Int8 => "quant-int8",
        Quant::Int4 => "quant-int4",
        Quant::Ternary => "quant-ternary",
    })
}

/// Which latency the SLO checks, and why.
pub fn latency_note(m: PhysicsModel, sc: &Scenario) -> String {
    let tokens = num(sc.workload.output_tokens);
    match m {
        PhysicsModel::Systems => t!("latency-note-systems", tokens = tokens, slo = slo_ms(sc)),
        PhysicsModel::CourseDraft => t!("latency-note-course", tokens = tokens),
    }
}

/// The latency SLO, as a student reads it ("100 ms").
pub fn slo_ms(sc: &Scenario) -> String {
    t!("unit-ms", value = num(sc.slo.p99_ms))
}

/// The SLOs in one line.
pub fn slo_line(sc: &Scenario) -> String {
    t!(
        "slo-line",
        slo = slo_ms(sc),
        cost = num(sc.slo.cost_per_req_usd)
    )
}

/// The Act II answers, with the scenario's figures.
pub fn act2_options(sc: &Scenario) -> [String; 4] {
    [
        t!("act2-option-a", cloud = sc.say(&sc.cloud().label)),
        t!(
            "act2-option-b",
            edge = sc.say(&sc.edge().label),
            slo = slo_ms(sc)
        ),
        t!("act2-option-c", gb = num(sc.mobile().ram_gb)),
        t!("act2-option-d", kb = num(sc.tiny_sram_kb())),
    ]
}

/// The degradation line of the synthesis, with the scenario's drift.
pub fn degradation_note(sc: &Scenario) -> String {
    let d = sc.accuracy.drift_per_day;
    t!(
        "degradation-note",
        per_day = num(d),
        month = num(d * 30.0 * 100.0),
        quarter = num(d * 90.0 * 100.0)
    )
}

pub fn model_label(m: crate::physics::PhysicsModel) -> String {
    use crate::physics::PhysicsModel::*;
    tr(match m {
        Systems => "model-systems",
        CourseDraft => "model-course-draft",
    })
}

/// One-line banner headline for each failure or warning.
pub fn banner_title(b: crate::physics::Banner) -> String {
    use crate::physics::Banner::*;
    tr(match b {
        CloudOom => "banner-cloud-oom",
        EdgeOom => "banner-edge-oom",
        MobileOom => "banner-mobile-oom",
        TinySram => "banner-tiny-sram",
        P99Slo => "banner-p99",
        ThroughputSlo => "banner-throughput",
        CostSlo => "banner-cost",
        AvailabilitySlo => "banner-availability",
        AccuracyWarning => "banner-accuracy",
        DriftWarning => "banner-drift",
    })
}

// ── Intro ───────────────────────────────────────────────────────────────────
pub fn intro_kicker() -> String {
    tr("intro-kicker")
}
pub fn intro_pitch() -> String {
    tr("intro-pitch")
}
pub fn intro_acts() -> [String; 3] {
    ["intro-acts-1", "intro-acts-2", "intro-acts-3"].map(tr)
}
/// The introduction's badges ([`slo_line`] follows them).
pub fn intro_badges() -> [String; 5] {
    [
        "intro-badges-1",
        "intro-badges-2",
        "intro-badges-3",
        "intro-badges-4",
        "intro-badges-5",
    ]
    .map(tr)
}
pub fn reading_title() -> String {
    tr("reading-title")
}
pub fn reading_note() -> String {
    tr("reading-note")
}
pub fn begin() -> String {
    tr("begin")
}

// ── Act I ───────────────────────────────────────────────────────────────────
pub fn act1_title() -> String {
    tr("act1-title")
}
pub fn act1_from() -> String {
    tr("act1-from")
}
pub fn act1_message() -> String {
    tr("act1-message")
}
pub fn act1_context() -> String {
    tr("act1-context")
}
pub fn act1_question() -> String {
    tr("act1-question")
}
pub fn act1_options() -> [String; 4] {
    [
        "act1-options-1",
        "act1-options-2",
        "act1-options-3",
        "act1-options-4",
    ]
    .map(tr)
}
pub fn lock() -> String {
    tr("lock")
}
pub fn lock_hint() -> String {
    tr("lock-hint")
}
pub fn locked() -> String {
    tr("locked")
}
pub fn card_title() -> String {
    tr("card-title")
}
pub fn card_labs() -> String {
    tr("card-labs")
}
pub fn card_accuracy() -> String {
    tr("card-accuracy")
}
pub fn card_hits() -> String {
    tr("card-hits")
}
pub fn card_contexts() -> String {
    tr("card-contexts")
}
pub fn card_diagnosis() -> String {
    tr("card-diagnosis")
}
pub fn card_weakest() -> String {
    tr("card-weakest")
}
pub fn card_failures_at() -> String {
    tr("card-failures-at")
}
pub fn card_favourite() -> String {
    tr("card-favourite")
}
pub fn card_sparse() -> String {
    tr("card-sparse")
}
pub fn radar_title() -> String {
    tr("radar-title")
}
pub fn radar_explain() -> String {
    tr("radar-explain")
}
pub fn radar_accuracy() -> String {
    tr("radar-accuracy")
}
pub fn radar_hits() -> String {
    tr("radar-hits")
}
pub fn confirmed() -> String {
    tr("confirmed")
}
pub fn different() -> String {
    tr("different")
}
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
    t!("brief-compression", choice = choice)
}

pub fn brief_p99(ms: f64, slo: &str) -> String {
    t!("brief-p99", ms = format!("{ms:.0}"), slo = slo)
}

pub fn brief_p99_missing(slo: &str) -> String {
    t!("brief-p99-missing", slo = slo)
}

/// Lab 14's recorded cadence: the course's `30_days` and `psi_triggered` in words, anything
/// else as a label.
pub fn brief_cadence(recorded: &serde_json::Value) -> String {
    let s = recorded.as_str().unwrap_or("");
    let days = s.strip_suffix("_days").and_then(|d| d.parse::<u32>().ok());
    let cadence = match (days, s) {
        (Some(d), _) => t!("cadence-days", days = d),
        (None, "psi_triggered") => tr("cadence-psi"),
        _ => decision_label(recorded),
    };
    t!("brief-cadence", cadence = cadence)
}

/// The course's throughput check, which its banners leave out: what it asks and why it fails.
pub fn course_tput_title() -> String {
    tr("course-tput-title")
}

pub fn course_tput_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    let mult = sc.course_draft.throughput_mult.get(r.design.serving);
    let out = sc.workload.output_tokens;
    t!(
        "course-tput-detail",
        tok_s = num(r.cloud_tok_per_sec),
        mult = num(mult),
        rps = num(r.tier_rps[0]),
        tokens = num(out),
        supply = num(r.cloud_tok_per_sec * mult),
        demand = num(r.tier_rps[0] * out)
    )
}

/// What choosing the course's formulas means, said before the student designs.
pub fn course_draft_note(sc: &Scenario) -> String {
    t!(
        "course-draft-note",
        params = params(sc.course_draft.tiny_params),
        quant = quant_name(sc.course_draft.tiny_quant),
        kb = num(sc.tiny_sram_kb())
    )
}

/// What a figure shows when there is nothing to compute it from.
pub fn none_yet() -> String {
    tr("none-yet")
}
pub fn no_labs_yet() -> String {
    tr("no-labs-yet")
}
pub fn no_failures() -> String {
    tr("no-failures")
}
pub fn not_judged() -> String {
    tr("not-judged")
}
/// Explanations of the four Act I options, in option order.
pub fn act1_explain() -> [String; 4] {
    [
        "act1-explain-1",
        "act1-explain-2",
        "act1-explain-3",
        "act1-explain-4",
    ]
    .map(tr)
}
pub fn sparse_reading() -> String {
    tr("sparse-reading")
}
pub fn mathpeek_act1() -> String {
    tr("mathpeek-act1")
}
pub fn invariant_equations() -> [(String, String, String); Invariant::COUNT] {
    Invariant::ALL.map(|i| {
        let key = invariant_key(i);
        (
            tr(&format!("{key}.heading")),
            tr(&format!("{key}.equation")),
            tr(&format!("{key}.note")),
        )
    })
}

/// An invariant's catalogue message: its name, with its equation card and synthesis as
/// attributes.
fn invariant_key(i: Invariant) -> String {
    format!("invariant-{}", i.facts().id)
}
pub fn to_act2() -> String {
    tr("to-act2")
}

// ── Act II ──────────────────────────────────────────────────────────────────
pub fn act2_title() -> String {
    tr("act2-title")
}
pub fn act2_from() -> String {
    tr("act2-from")
}
pub fn act2_recs_title() -> String {
    tr("act2-recs-title")
}
pub fn act2_stages_intro() -> String {
    tr("act2-stages-intro")
}
pub fn act2_question() -> String {
    tr("act2-question")
}
pub fn act2_lock_hint() -> String {
    tr("act2-lock-hint")
}
pub fn finish() -> String {
    tr("finish")
}
pub fn submit_title() -> String {
    tr("submit-title")
}
pub fn submit_confirm() -> String {
    tr("submit-confirm")
}
pub fn submit_cancel() -> String {
    tr("submit-cancel")
}
pub fn submit_passes() -> String {
    tr("submit-passes")
}
pub fn submit_fails() -> String {
    tr("submit-fails")
}
pub fn submit_note() -> String {
    tr("submit-note")
}
pub fn replay() -> String {
    tr("replay")
}
pub fn new_run() -> String {
    tr("new-run")
}
pub fn map_title() -> String {
    tr("map-title")
}
pub fn map_explain() -> String {
    tr("map-explain")
}
pub fn correct() -> String {
    tr("correct")
}
pub fn reassess() -> String {
    tr("reassess")
}
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
            let fits = fp16_gb + sc.systems.workspace_gb <= sc.cloud().ram_gb;
            let memory = t!(
                if fits {
                    "act2-explain-cloud-fits"
                } else {
                    "act2-explain-cloud-splits"
                },
                gpu = sc.say(&sc.cloud().label),
                model = sc.say(&sc.llm().label)
            );
            t!(
                "act2-explain-cloud",
                memory = memory,
                rps = num(sc.slo.requests_per_sec * sc.traffic.cloud),
                slo = slo_ms(sc)
            )
        }
        1 => t!(
            "act2-explain-edge",
            passing = key.share("edge").passing,
            total = key.share("edge").total,
            device = sc.say(&sc.edge().label)
        ),
        2 => t!(
            "act2-explain-mobile",
            passing = key.share("mobile").passing,
            total = key.share("mobile").total,
            gb = num(sc.mobile().ram_gb)
        ),
        _ => {
            let wall = t!(
                "act2-explain-tiny-wall",
                params = params(cd.tiny_params),
                quant = quant_name(cd.tiny_quant),
                kib = format!("{course_kib:.0}"),
                times = format!("{:.0}", course_kib / sc.tiny_sram_kb()),
                kb = num(sc.tiny_sram_kb())
            );
            if key.model == crate::physics::PhysicsModel::CourseDraft {
                t!("act2-explain-tiny-course", wall = wall)
            } else {
                let kws = &sc.tiny_workload;
                t!(
                    "act2-explain-tiny-systems",
                    wall = wall,
                    family = sc.say(&kws.label),
                    params = params(kws.params)
                )
            }
        }
    }
}

/// A tier's name from its key (`cloud`, `edge`, `mobile`, `tiny`); an unknown key as given.
pub fn tier_label(key: &str) -> String {
    Tier::from_key(key).map_or_else(|| key.to_owned(), tier_name)
}

/// The answer key's evidence: each tier's passing share, and the hardest tier.
pub fn answer_evidence(key: &crate::physics::answer::AnswerKey) -> String {
    let s = |t: &str| key.share(t);
    let h = s(key.hardest);
    t!(
        "answer-evidence",
        model = model_short(key.model),
        hardest = tier_label(key.hardest),
        passing = h.passing,
        total = h.total,
        cloud = s("cloud").passing,
        cloud_total = s("cloud").total,
        edge = s("edge").passing,
        edge_total = s("edge").total,
        mobile = s("mobile").passing,
        mobile_total = s("mobile").total,
        tiny = s("tiny").passing,
        tiny_total = s("tiny").total
    )
}

/// A physics model's short name in a sentence ("under the systems physics").
pub fn model_short(m: PhysicsModel) -> String {
    tr(match m {
        PhysicsModel::Systems => "model-short-systems",
        PhysicsModel::CourseDraft => "model-short-course-draft",
    })
}
pub fn mathpeek_act2() -> String {
    tr("mathpeek-act2")
}
pub fn feasible_title() -> String {
    tr("feasible-title")
}
pub fn feasible_next() -> String {
    tr("feasible-next")
}
pub fn fix_title() -> String {
    tr("fix-title")
}
pub fn fix_steps() -> [String; 5] {
    [
        "fix-steps-1",
        "fix-steps-2",
        "fix-steps-3",
        "fix-steps-4",
        "fix-steps-5",
    ]
    .map(tr)
}
pub fn fix_footer() -> String {
    tr("fix-footer")
}
/// The synthesis, with the scenario's figures.
pub fn synthesis(sc: &Scenario) -> Vec<(String, String)> {
    Invariant::ALL
        .iter()
        .map(|i| {
            let key = invariant_key(*i);
            // Degradation's body comes from the scenario's drift.
            let body = format!("{key}.synthesis-body");
            let body = if current().has(&body) {
                tr(&body)
            } else {
                degradation_note(sc)
            };
            (tr(&format!("{key}.synthesis")), body)
        })
        .collect()
}

pub fn takeaways_title() -> String {
    tr("takeaways-title")
}
pub fn takeaways() -> [String; 2] {
    ["takeaways-1", "takeaways-2"].map(tr)
}

// ── HUD and ledger ──────────────────────────────────────────────────────────
pub fn hud_labs() -> String {
    tr("hud-labs")
}
pub fn hud_acc() -> String {
    tr("hud-acc")
}
pub fn hud_weakest() -> String {
    tr("hud-weakest")
}
pub fn hud_act1() -> String {
    tr("hud-act1")
}
pub fn hud_act2() -> String {
    tr("hud-act2")
}
pub fn hud_p99() -> String {
    tr("hud-p99")
}
pub fn hud_cost() -> String {
    tr("hud-cost")
}
pub fn hud_system() -> String {
    tr("hud-system")
}
pub fn hud_ledger() -> String {
    tr("hud-ledger")
}
pub fn unreadable() -> String {
    tr("unreadable")
}
pub fn export_raw() -> String {
    tr("export-raw")
}
pub fn start_afresh() -> String {
    tr("start-afresh")
}
pub fn ledger_section() -> String {
    tr("ledger-section")
}
pub fn use_mine() -> String {
    tr("use-mine")
}
pub fn samples_label() -> String {
    tr("samples-label")
}
pub fn import() -> String {
    tr("import")
}
pub fn import_paste() -> String {
    tr("import-paste")
}
pub fn import_preview() -> String {
    tr("import-preview")
}
pub fn import_replace() -> String {
    tr("import-replace")
}
pub fn import_merge() -> String {
    tr("import-merge")
}
pub fn import_merge_explain() -> String {
    tr("import-merge-explain")
}
pub fn cancel() -> String {
    tr("cancel")
}
pub fn export() -> String {
    tr("export")
}
pub fn import_file() -> String {
    tr("import-file")
}

/// Labels of the sample ledgers.
pub fn sample_label(name: &str) -> String {
    tr(match name {
        "strong" => "sample-strong",
        "memory-wall" => "sample-memory-wall",
        "queuing" => "sample-queuing",
        "sparse" => "sample-sparse",
        _ => "sample-empty",
    })
}

/// Display name of a context key.
pub fn context_label(ctx: &str) -> String {
    tr(match ctx {
        "edge" => "context-edge",
        "mobile" => "context-mobile",
        "tiny" => "context-tiny",
        _ => "context-cloud",
    })
}

/// A latency for display: milliseconds, or seconds when large.
pub fn latency(ms: f64) -> String {
    if !ms.is_finite() {
        no_service()
    } else if ms >= 10_000.0 {
        t!("unit-s", value = format!("{:.0}", ms / 1000.0))
    } else if ms >= 1000.0 {
        t!("unit-s", value = format!("{:.1}", ms / 1000.0))
    } else {
        t!("unit-ms", value = format!("{ms:.1}"))
    }
}

/// What a cloud that serves nothing shows for its latency and its cost per request.
pub fn no_service() -> String {
    tr("no-service")
}

/// A cost per request in dollars to `places` decimals, or "no service" when none is served.
pub fn cost(usd: f64, places: usize) -> String {
    if usd.is_finite() {
        t!("unit-usd", value = format!("{usd:.places$}"))
    } else {
        no_service()
    }
}

/// The banner's explanation, with the report's numbers.
pub fn banner_detail(
    b: crate::physics::Banner,
    r: &crate::physics::Report,
    sc: &Scenario,
) -> String {
    use crate::physics::Banner::*;
    let sys = r.systems.as_ref();
    match b {
        CloudOom => cloud_oom_detail(r, sc),
        EdgeOom => edge_oom_detail(r, sc),
        MobileOom => t!(
            "banner-mobile-oom-detail",
            needs = format!("{:.2}", r.mobile_model_gb),
            has = format!("{:.0}", r.mobile_ram_gb)
        ),
        TinySram => tiny_sram_detail(r, sc),
        P99Slo => p99_detail(r, sc),
        ThroughputSlo => match sys {
            Some(s) => t!(
                "banner-throughput-detail",
                capacity = format!("{:.0}", s.cloud_capacity_rps),
                load = format!("{:.0}", r.tier_rps[0]),
                util = utilization(s)
            ),
            None => tr("banner-throughput-detail-course"),
        },
        CostSlo => t!(
            "banner-cost-detail",
            cost = format!("{:.6}", r.cost_per_req_usd),
            slo = num(sc.slo.cost_per_req_usd)
        ),
        AvailabilitySlo => availability_detail(r, sc),
        AccuracyWarning => accuracy_detail(r, sc),
        DriftWarning => t!(
            "banner-drift-detail",
            days = r.design.retrain_cadence_days.to_string(),
            after = format!("{:.1}", r.post_drift_accuracy * 100.0),
            before = format!("{:.1}", r.effective_accuracy * 100.0),
            per_day = num(sc.accuracy.drift_per_day)
        ),
    }
}

/// The cloud's utilization as a whole percentage (an overload shows as at most 9999 %).
fn utilization(s: &crate::physics::SystemsExtra) -> String {
    format!("{:.0}", s.cloud_utilization.min(99.99) * 100.0)
}

fn cloud_oom_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    t!(
        "banner-cloud-oom-detail",
        needs = format!("{:.1}", r.cloud_model_gb),
        gpus = r.design.n_h100,
        device = sc.say(&sc.cloud().label),
        offer = format!("{:.0}", r.cloud_ram_gb),
        fix = match crate::physics::fixes::min_gpus_that_fit(r, sc) {
            Some(n) => t!("banner-cloud-oom-fewest", gpus = n),
            None => tr("banner-cloud-oom-none"),
        }
    )
}

fn edge_oom_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    t!(
        "banner-edge-oom-detail",
        device = sc.say(&sc.edge().label),
        needs = format!("{:.1}", r.edge_model_gb),
        has = format!("{:.0}", r.edge_ram_gb),
        int8 = format!(
            "{:.1}",
            sc.llm().params * sc.precision.bytes_per_param.int8 / 1e9
        ),
        int4 = format!(
            "{:.1}",
            sc.llm().params * sc.precision.bytes_per_param.int4 / 1e9
        )
    )
}

fn p99_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    match r.systems.as_ref() {
        Some(s) => t!(
            "banner-p99-detail-systems",
            p99 = latency(s.cloud_p99_ttft_ms),
            slo = slo_ms(sc),
            util = utilization(s),
            step = num(s.decode_step_ms),
            bound = tr(if s.decode_compute_bound {
                "banner-p99-compute-bound"
            } else {
                "banner-p99-memory-bound"
            })
        ),
        None => t!(
            "banner-p99-detail-course",
            p99 = latency(r.cloud_p99_ms),
            slo = slo_ms(sc)
        ),
    }
}

fn availability_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    match r.systems.as_ref() {
        Some(s) => t!(
            "banner-availability-detail",
            gpu = pct(sc.cloud().availability),
            per_node = num(sc.systems.gpus_per_node),
            node = pct(sc.systems.node_availability),
            fits = format!("{:.3}", s.availability * 100.0),
            slo = pct(sc.slo.availability)
        ),
        None => String::new(),
    }
}

fn accuracy_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    let sys = r.systems.as_ref();
    t!(
        "banner-accuracy-detail",
        accuracy = format!("{:.1}", r.effective_accuracy * 100.0),
        ternary = pct(sc.precision.accuracy_drop.ternary),
        // Only the systems model prices fairness in accuracy.
        fairness = match sys {
            Some(s) if s.fairness_accuracy_cost > 0.0 => t!(
                "banner-accuracy-fairness",
                points = format!("{:.1}", s.fairness_accuracy_cost * 100.0)
            ),
            _ => String::new(),
        }
    )
}

/// The TinyML banner: what the sub-model needs, and the largest model that fits.
fn tiny_sram_detail(r: &crate::physics::Report, sc: &Scenario) -> String {
    let Some((ternary, int8)) = crate::physics::fixes::tiny_largest_fits(r, sc) else {
        // The course's formulas fix the sub-model: there is no control to change it.
        return t!(
            "banner-tiny-sram-detail-course",
            params = params(sc.course_draft.tiny_params),
            quant = quant_name(sc.course_draft.tiny_quant),
            needs = format!("{:.1}", r.tiny_model_kb),
            device = sc.say(&sc.tiny().label),
            has = format!("{:.0}", r.tiny_sram_kb)
        );
    };
    t!(
        "banner-tiny-sram-detail",
        needs = format!("{:.1}", r.tiny_model_kb),
        device = sc.say(&sc.tiny().label),
        has = format!("{:.0}", r.tiny_sram_kb),
        ternary = format!("{:.2}", ternary / 1e6),
        ternary_bytes = num(sc.precision.bytes_per_param.ternary),
        int8 = format!("{:.0}", int8 / 1e3)
    )
}

/// The keyboard shortcuts dialog.
pub fn shortcuts() -> [(String, String); 14] {
    [
        "shortcuts-1",
        "shortcuts-2",
        "shortcuts-3",
        "shortcuts-4",
        "shortcuts-5",
        "shortcuts-6",
        "shortcuts-7",
        "shortcuts-8",
        "shortcuts-9",
        "shortcuts-10",
        "shortcuts-11",
        "shortcuts-12",
        "shortcuts-13",
        "shortcuts-14",
    ]
    .map(|key| (tr(key), tr(&format!("{key}.action"))))
}
/// The play and pause button's words; a touch screen's leave out the key (Space), which a
/// phone or tablet has none of, so the time controls keep to fewer rows.
pub fn play(touch: bool) -> String {
    tr(if touch { "play-touch" } else { "play" })
}
pub fn pause(touch: bool) -> String {
    tr(if touch { "pause-touch" } else { "pause" })
}
pub fn step() -> String {
    tr("step")
}
/// The particles' outcomes in the legend: each shape as drawn (a monospace glyph: egui's
/// proportional font lacks them) and its name. On time, late, rejected.
pub fn outcomes() -> [(&'static str, String); 3] {
    [
        ("●", "outcomes-1"),
        ("◆", "outcomes-2"),
        ("▼", "outcomes-3"),
    ]
    .map(|(mark, key)| (mark, tr(key)))
}

/// Captions of the demo autoplay, in script order.
pub fn demo_captions() -> [String; 10] {
    [
        "demo-captions-1",
        "demo-captions-2",
        "demo-captions-3",
        "demo-captions-4",
        "demo-captions-5",
        "demo-captions-6",
        "demo-captions-7",
        "demo-captions-8",
        "demo-captions-9",
        "demo-captions-10",
    ]
    .map(tr)
}
/// The demo's captions where the course's formulas tell another story (by index in
/// [`demo_captions()`]): its GPU slider stops at 8, and no design passes under it.
/// The demo's captions that the course-draft model tells differently, by place.
const DEMO_CAPTIONS_COURSE_DRAFT: [usize; 4] = [5, 6, 7, 8];

/// Demo caption `i` as the model in play has it.
pub fn demo_caption(i: usize, model: PhysicsModel) -> String {
    if model == PhysicsModel::CourseDraft && DEMO_CAPTIONS_COURSE_DRAFT.contains(&i) {
        tr(&format!("demo-captions-course-draft-{}", i + 1))
    } else {
        tr(&format!("demo-captions-{}", i + 1))
    }
}

pub fn preferences() -> String {
    tr("preferences")
}
/// The side panel's edge, as a screen reader names it.
pub fn panel_edge() -> String {
    tr("panel-edge")
}
pub fn reduced_motion() -> String {
    tr("reduced-motion")
}
pub fn projector() -> String {
    tr("projector")
}
pub fn ui_scale() -> String {
    tr("ui-scale")
}
pub fn measured_title() -> String {
    tr("measured-title")
}
pub fn measured_wait() -> String {
    tr("measured-wait")
}

// The instructor's class view.
pub fn class_title() -> String {
    tr("class-title")
}
pub fn class_none() -> String {
    tr("class-none")
}
pub fn class_open() -> String {
    tr("class-open")
}
pub fn class_summary() -> String {
    tr("class-summary")
}
pub fn class_keys() -> String {
    tr("class-keys")
}
pub fn class_prev() -> String {
    tr("class-prev")
}
pub fn class_next() -> String {
    tr("class-next")
}
pub fn class_radar() -> String {
    tr("class-radar")
}
pub fn class_radar_key() -> String {
    tr("class-radar-key")
}
pub fn class_weakest() -> String {
    tr("class-weakest")
}
pub fn class_labs() -> String {
    tr("class-labs")
}
pub fn class_ch16() -> String {
    tr("class-ch16")
}
pub fn class_hardest() -> String {
    tr("class-hardest")
}
pub fn class_no_ch16() -> String {
    tr("class-no-ch16")
}
pub fn class_design() -> String {
    tr("class-design")
}
pub fn class_drawn() -> String {
    tr("class-drawn")
}
pub fn class_not_drawn() -> String {
    tr("class-not-drawn")
}
pub fn class_failed() -> String {
    tr("class-failed")
}
pub fn class_passing() -> String {
    tr("class-passing")
}

/// How a value of a recorded design's choice reads (class report and class view): labels,
/// never the JSON's keys.
pub fn choice_value_label(choice: &str, v: &str) -> String {
    if v == crate::ledger::designs::NOT_RECORDED {
        return tr("choice-not-recorded");
    }
    match (choice, v) {
        ("serving", "static") => tr("choice-static"),
        ("serving", "dynamic") => tr("choice-dynamic"),
        ("serving", "continuous") => tr("choice-continuous"),
        ("tiny_params", p) => p.parse::<f64>().map_or_else(|_| p.to_string(), params),
        ("cloud_gpus", n) => t!("choice-gpus", gpus = n),
        (_, q) => Quant::parse(q).map_or_else(|| q.to_uppercase(), quant_name),
    }
}

/// A check's name on the page (its banner's title).
pub fn check_label(key: &str) -> String {
    crate::ledger::designs::checks()
        .find(|b| b.as_str() == key)
        .map_or_else(|| key.to_string(), banner_title)
}

/// The F3 readout: "60 fps · 16.7 ms a frame" (smoothed), or dashes until measured.
pub fn frame_readout(fps: Option<f64>, frame_ms: Option<f64>) -> String {
    let dash = || none_yet();
    t!(
        "frame-readout",
        fps = fps.map_or_else(dash, |f| format!("{f:.0}")),
        ms = frame_ms.map_or_else(dash, |ms| format!("{ms:.1}"))
    )
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
        None if !d.passed => tr("choice-not-recorded"),
        _ => none_yet(),
    }
}

/// "Counted 3 of 5 students (the others have no labs 1–15)."
pub fn class_counted(counted: u32, n: u32) -> String {
    if counted < n {
        t!("class-counted-some", counted = counted, students = n)
    } else {
        t!("class-counted-all", students = n)
    }
}
pub fn class_names_hidden() -> String {
    tr("class-names-hidden")
}

/// A short label for a recorded Act I or Act II answer key.
/// An invariant's name as the course records it ("Iron Law", "Little's Law") in the student's
/// language; a name the course does not use, as given.
pub fn invariant_name(course_label: &str) -> String {
    Invariant::from_course_label(course_label)
        .map_or_else(|| course_label.to_owned(), |i| tr(&invariant_key(i)))
}

/// A student's answer in act 1 or 2 in the class view, and whether it was right.
pub fn class_act(act: u8, answer: &str, judged: &str) -> String {
    t!(
        if act == 1 { "class-act1" } else { "class-act2" },
        answer = answer,
        judged = judged
    )
}

pub fn answer_label(key: &str) -> String {
    let id = match key {
        "memory_bw" => "answer-memory-bw",
        "queuing" => "answer-queuing",
        "serial_fraction" => "answer-serial-fraction",
        "drift" => "answer-drift",
        "cloud_oom" => "answer-cloud-oom",
        "edge_latency" => "answer-edge-latency",
        "mobile_oom" => "answer-mobile-oom",
        "tiny_oom" => "answer-tiny-oom",
        other => return other.to_owned(),
    };
    tr(id)
}

/// The count of cloud requests waiting at the tier's entrance, and how many the drawn line
/// leaves out.
pub fn queue_label(waiting: usize, not_drawn: usize) -> String {
    if not_drawn > 0 {
        t!("queue-hidden", waiting = waiting, hidden = not_drawn)
    } else {
        t!("queue", waiting = waiting)
    }
}

/// A memory bar's caption: used of capacity, and what spills.
pub fn memory_bar(used: f64, capacity: f64, unit: &str, spills: bool) -> String {
    let bar = t!(
        "memory-bar",
        used = mem_num(used),
        capacity = mem_num(capacity),
        unit = unit
    );
    if spills {
        t!(
            "memory-bar-over",
            bar = bar,
            over = mem_num(used - capacity),
            unit = unit
        )
    } else {
        bar
    }
}

/// The parts of a memory bar, in its order.
pub fn memory_parts(parts: &[(&str, f64)], unit: &str) -> String {
    let list: Vec<String> = parts
        .iter()
        .map(|(k, v)| t!("memory-part", part = *k, amount = mem_num(*v)))
        .collect();
    // Two to a line, so the caption stays narrow.
    let lines: Vec<String> = list.chunks(2).map(|c| c.join(" · ")).collect();
    t!("memory-parts", unit = unit, parts = lines.join("\n"))
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
        (0, _) => t!("chips-none", gpus = gpus),
        (_, 1) => t!("chips-replicas", gpus = gpus, replicas = replicas),
        _ => t!("chips-tp", gpus = gpus, replicas = replicas, tp = tp),
    }
}

/// A server's frame round its chips.
pub fn server_label(k: usize) -> String {
    t!("server", number = k + 1)
}

/// The decode step as the physics runs it.
pub fn step_label(batch: f64, max_batch: f64, step_ms: f64, compute_bound: bool) -> String {
    t!(
        "step-label",
        batch = format!("{batch:.0}"),
        max = format!("{max_batch:.0}"),
        step = format!("{step_ms:.1}"),
        bound = tr(if compute_bound {
            "compute-bound"
        } else {
            "memory-bound"
        })
    )
}

/// The accuracy gauge's caption.
pub fn accuracy_gauge(effective: f64, after_drift: f64, days: u32) -> String {
    t!(
        "accuracy-gauge",
        accuracy = format!("{:.1}", effective * 100.0),
        after = format!("{:.1}", after_drift * 100.0),
        days = days
    )
}

/// The accuracy gauge's scale.
pub fn gauge_scale(min: f64, warn: f64) -> String {
    t!(
        "gauge-scale",
        min = format!("{:.0}", min * 100.0),
        warn = format!("{:.0}", warn * 100.0)
    )
}

pub fn instruments_title() -> String {
    tr("instruments-title")
}
pub fn histogram_x() -> String {
    tr("histogram-x")
}
pub fn histogram_bars() -> String {
    tr("histogram-bars")
}
pub fn slo_line_label() -> String {
    tr("slo-line-label")
}
pub fn histogram_key() -> String {
    tr("histogram-key")
}
pub fn strip_key() -> String {
    tr("strip-key")
}
pub fn strip_x() -> String {
    tr("strip-x")
}
pub fn strip_p99() -> String {
    tr("strip-p99")
}
pub fn strip_change() -> String {
    tr("strip-change")
}

pub fn histogram_caption(span_s: f64, n: usize, p50: f64, p99: f64) -> String {
    let span = format!("{span_s:.0}");
    if n == 0 {
        t!("histogram-empty", span = span)
    } else {
        t!(
            "histogram-caption",
            span = span,
            requests = n,
            p50 = latency(p50),
            p99 = latency(p99)
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
    let window = format!("{window_s:.0}");
    let model = model_p99.map_or(String::new(), |m| t!("strip-model", p99 = latency(m)));
    let which = if first_window {
        t!("strip-first-window", window = window)
    } else {
        t!("strip-steady", window = window)
    };
    t!(
        "strip-caption",
        which = which,
        p99 = latency(p99),
        model = model,
        rps = format!("{rps:.0}")
    )
}

pub fn strip_y() -> String {
    tr("strip-y")
}

/// The strip's throughput line, scaled so its peak sits at the top.
pub fn strip_tput(max_rps: f64) -> String {
    t!("strip-tput", max = format!("{max_rps:.0}"))
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
pub fn world_in_words() -> String {
    tr("world-in-words")
}
