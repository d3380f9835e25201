//! The chapter-16 record: what a submitted design adds to the student's ledger, with every key
//! of the course's save cell, the physics model used, the attempt it belongs to, and the rest
//! of the design with the checks it failed (read by the class report).

use serde_json::{Map, Value};

use crate::ledger::ReportCard;
use crate::physics::{Report, Scenario};

/// The locked predictions of one attempt, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Locks<'a> {
    /// Counted from 1; "Start over" begins the next.
    pub attempt: u32,
    pub act1_prediction: &'a str,
    /// None when the student has no ledger of labs 1-15 to judge against.
    pub act1_correct: Option<bool>,
    pub act2_prediction: &'a str,
    pub act2_correct: bool,
}

/// Build the chapter-16 entry. `card` is the student's own card (never a sample's); the cloud
/// hardware is named by its scenario key, upper-cased as the course writes it (`H100x8`).
pub fn chapter16_design(
    report: &Report,
    sc: &Scenario,
    locks: &Locks,
    card: &ReportCard,
) -> Map<String, Value> {
    let mut m = course_fields(report, sc, locks, card);
    // The rest of the design, and what failed, for the instructor's class report.
    m.extend(class_fields(report));
    m
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// The fields the course's own chapter 16 writes.
fn course_fields(
    report: &Report,
    sc: &Scenario,
    locks: &Locks,
    card: &ReportCard,
) -> Map<String, Value> {
    let gpu = sc.deployment.cloud_hardware.to_uppercase();
    let d = &report.design;
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    put("context", "all".into());
    put("cloud_hardware", format!("{gpu}x{}", d.n_h100).into());
    put("quantization_strategy", d.quant_cloud.as_str().into());
    put("serving_strategy", d.serving.as_str().into());
    put(
        "total_cost_per_req",
        round(report.cost_per_req_usd, 6).into(),
    );
    put("p99_latency_ms", round(report.cloud_p99_ms, 2).into());
    put(
        "tier_assignments",
        serde_json::to_value(&report.tier_assignments).expect("serialisable"),
    );
    put("retraining_cadence_days", d.retrain_cadence_days.into());
    put("fairness_threshold_pct", d.fairness_threshold_pct.into());
    put("act1_prediction", locks.act1_prediction.into());
    put(
        "act1_correct",
        locks.act1_correct.map_or(Value::Null, Value::Bool),
    );
    put("act2_prediction", locks.act2_prediction.into());
    put("act2_correct", locks.act2_correct.into());
    put(
        "act2_result",
        if report.system_valid {
            "feasible"
        } else {
            "infeasible"
        }
        .into(),
    );
    put(
        "act2_decision",
        format!(
            "{gpu}x{}_{}_{}",
            d.n_h100,
            d.quant_cloud.as_str(),
            d.serving.as_str()
        )
        .into(),
    );
    put("constraint_hit", report.constraint_hit.into());
    put("system_valid", report.system_valid.into());
    put("labs_completed", card.n_completed.into());
    put("pct_correct", round(card.pct_correct, 1).into());
    put("weakest_invariant", card.weakest_invariant.into());
    put("physics_model", report.model.as_str().into());
    put("attempt", locks.attempt.into());
    m
}

/// The design's other choices and the failed checks.
fn class_fields(report: &Report) -> Map<String, Value> {
    let d = &report.design;
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    put("cloud_gpus", d.n_h100.into());
    put("kv_quantization", d.kv_quant.as_str().into());
    put("edge_quantization", d.quant_edge.as_str().into());
    put("mobile_quantization", d.quant_mobile.as_str().into());
    put("tiny_params", d.tiny_params.into());
    put("tiny_quantization", d.tiny_quant.as_str().into());
    put(
        "failed_checks",
        report
            .banners
            .iter()
            .filter(|b| !b.is_warning())
            .map(|b| Value::from(b.as_str()))
            .collect::<Vec<_>>()
            .into(),
    );
    m
}

pub use crate::ledger::history::{
    attempts, counted_attempt, first_attempt_unsubmitted, is_lock, open_lock,
};

/// The chapter-16 entry saved when a prediction is locked: the attempt in progress, its
/// answers so far and the time, so a restart resumes it and the class report can count an
/// attempt that was never submitted.
pub fn lock_record(
    attempt: u32,
    act1: Option<&str>,
    act2: Option<&str>,
    model: crate::physics::PhysicsModel,
    now: &str,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("status".into(), crate::ledger::history::LOCKED.into());
    m.insert("attempt".into(), attempt.into());
    m.insert(
        "act1_prediction".into(),
        act1.map_or(Value::Null, Value::from),
    );
    m.insert(
        "act2_prediction".into(),
        act2.map_or(Value::Null, Value::from),
    );
    m.insert("physics_model".into(), model.as_str().into());
    m.insert("locked_at".into(), now.into());
    m
}
