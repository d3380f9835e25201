//! Ledger archaeology (the seed's cell 5): the Mental Model Report Card.
//!
//! Semantics kept from the course: the last entry for a chapter wins; only chapters 1-15
//! count; a missing `context` counts as cloud and an unknown one counts nowhere; ties go to
//! the first key in the course's order; with no completed labs the weakest invariant is
//! "Memory Wall" and the favourite context is cloud.
//!
//! `act1_correct` and `constraint_hit` that are not booleans are read as: numbers true when
//! non-zero; strings true for "true", "yes", "y", "1" (any case), false otherwise; null,
//! lists and objects false.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::{Map, Value};

use super::format::Ledger;
pub use super::invariant::Invariant;
use crate::physics::Tier;

/// Labs 1-15 feed the report card.
pub const LAB_CHAPTERS: std::ops::RangeInclusive<u32> = 1..=15;
/// The deployment contexts the course records: the tiers' keys.
pub const CONTEXTS: [&str; Tier::COUNT] = {
    let mut keys = [""; Tier::COUNT];
    let mut i = 0;
    while i < Tier::COUNT {
        keys[i] = Tier::ALL[i].key();
        i += 1;
    }
    keys
};

/// Act I's four answers, keyed as the course saves them, in the course's order.
pub const ACT1_ANSWER_KEYS: [&str; 4] = ["memory_bw", "queuing", "serial_fraction", "drift"];

/// With no ledger data the course defaults to this invariant.
pub const DEFAULT_WEAKEST: Invariant = Invariant::MemoryWall;
/// Rate shown for an invariant with no completed chapter.
pub const NEUTRAL_CORRECT_RATE: f64 = 0.5;
/// Lab 13's P99 when the ledger has none.
pub const DEFAULT_PRIOR_P99_MS: f64 = 250.0;
/// A Lab 13 P99 above this earns a recommendation.
pub const PRIOR_P99_RECOMMEND_ABOVE: f64 = 200.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvariantScore {
    pub correct_rate: f64,
    pub hit_rate: f64,
    pub n: u32,
}

/// A recommendation for Act II from an earlier lab: `[kind, value]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub kind: &'static str,
    pub value: Value,
}

impl Serialize for Recommendation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.kind, &self.value).serialize(s)
    }
}

/// The report card, with the golden file's keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportCard {
    pub n_completed: u32,
    pub n_predictions: u32,
    pub n_correct: u32,
    pub pct_correct: f64,
    pub n_hits: u32,
    pub hit_chapters: Vec<u32>,
    /// In the course's order: cloud, edge, mobile, tiny.
    pub context_counts: IndexMap<&'static str, u32>,
    pub fav_context: &'static str,
    /// In the course's order of invariants.
    pub invariant_scores: IndexMap<&'static str, InvariantScore>,
    pub weakest_invariant: &'static str,
    pub act1_correct_answer: &'static str,
    pub recommendations: Vec<Recommendation>,
}

/// The documented reading of a flag that may not be a boolean.
pub fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => {
            matches!(
                s.trim().to_ascii_lowercase().as_str(),
                "true" | "yes" | "y" | "1"
            )
        }
        _ => false,
    }
}

fn flag(d: &Map<String, Value>, key: &str) -> bool {
    truthy(d.get(key))
}

impl ReportCard {
    pub fn score(&self, invariant: &str) -> Option<&InvariantScore> {
        self.invariant_scores.get(invariant)
    }
    pub fn context_count(&self, ctx: &str) -> u32 {
        self.context_counts.get(ctx).copied().unwrap_or(0)
    }
    /// Fewer than all 15 labs: the card shows the sparse-ledger note.
    pub fn is_sparse(&self) -> bool {
        (self.n_completed as usize) < LAB_CHAPTERS.count()
    }
}

/// Compute the report card of a ledger.
pub fn analyze(ledger: &Ledger) -> ReportCard {
    let data = ledger.latest();
    let completed: Vec<u32> = LAB_CHAPTERS.filter(|c| data.contains_key(c)).collect();
    let n_completed = completed.len() as u32;
    let n_predictions = n_completed;
    let n_correct = completed
        .iter()
        .filter(|c| flag(data[c], "act1_correct"))
        .count() as u32;
    let pct_correct = if n_predictions > 0 {
        n_correct as f64 / n_predictions as f64 * 100.0
    } else {
        0.0
    };
    let hit_chapters: Vec<u32> = completed
        .iter()
        .copied()
        .filter(|c| flag(data[c], "constraint_hit"))
        .collect();
    let n_hits = hit_chapters.len() as u32;

    let context_counts = context_counts(&data, &completed);
    let fav_context = if n_completed > 0 {
        first_max(context_counts.iter().map(|(k, n)| (*k, *n as f64)))
    } else {
        "cloud"
    };
    let invariant_scores = invariant_scores(&data);
    let filled = Invariant::ALL
        .into_iter()
        .zip(invariant_scores.values())
        .filter(|(_, s)| s.n > 0)
        .map(|(inv, s)| (inv, s.correct_rate));
    let weakest = first_min(filled).unwrap_or(DEFAULT_WEAKEST);
    let weakest_invariant = weakest.facts().course_label;
    let act1_correct_answer = weakest.facts().act1_answer;
    ReportCard {
        n_completed,
        n_predictions,
        n_correct,
        pct_correct,
        n_hits,
        hit_chapters,
        context_counts,
        fav_context,
        invariant_scores,
        weakest_invariant,
        act1_correct_answer,
        recommendations: recommendations(&data),
    }
}

/// The latest design of each chapter.
type Latest<'a> = BTreeMap<u32, &'a Map<String, Value>>;

/// Labs done in each deployment context (a lab without one was a cloud lab).
fn context_counts(data: &Latest, completed: &[u32]) -> IndexMap<&'static str, u32> {
    let mut counts: IndexMap<&'static str, u32> = CONTEXTS.iter().map(|c| (*c, 0)).collect();
    for c in completed {
        let ctx = match data[c].get("context") {
            None => Some("cloud"),
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => None,
        };
        if let Some(n) = ctx.and_then(|ctx| counts.get_mut(ctx)) {
            *n += 1;
        }
    }
    counts
}

/// How each invariant fared in the labs that teach it.
fn invariant_scores(data: &Latest) -> IndexMap<&'static str, InvariantScore> {
    Invariant::ALL
        .iter()
        .map(|inv| {
            let facts = inv.facts();
            let done: Vec<u32> = facts
                .chapters
                .iter()
                .copied()
                .filter(|c| data.contains_key(c))
                .collect();
            let score = if done.is_empty() {
                InvariantScore {
                    correct_rate: NEUTRAL_CORRECT_RATE,
                    hit_rate: 0.0,
                    n: 0,
                }
            } else {
                let n = done.len() as f64;
                let correct = done
                    .iter()
                    .filter(|c| flag(data[c], "act1_correct"))
                    .count();
                let hits = done
                    .iter()
                    .filter(|c| flag(data[c], "constraint_hit"))
                    .count();
                InvariantScore {
                    correct_rate: correct as f64 / n,
                    hit_rate: hits as f64 / n,
                    n: done.len() as u32,
                }
            };
            (facts.course_label, score)
        })
        .collect()
}

/// What the earlier labs' decisions recommend for this one.
fn recommendations(data: &Latest) -> Vec<Recommendation> {
    let none = Map::new();
    let ch = |c: u32| data.get(&c).copied().unwrap_or(&none);
    let mut recommendations = Vec::new();
    let prior_compression = ch(10).get("act2_decision");
    if let Some(v) = wanted_decision(prior_compression, ch(10).contains_key("act2_decision")) {
        recommendations.push(Recommendation {
            kind: "compression",
            value: v,
        });
    }
    let prior_p99 = match ch(13).get("act2_result") {
        None => Some(DEFAULT_PRIOR_P99_MS),
        Some(Value::Number(n)) => n.as_f64(),
        Some(_) => None,
    };
    if let Some(p) = prior_p99.filter(|p| *p > PRIOR_P99_RECOMMEND_ABOVE) {
        recommendations.push(Recommendation {
            kind: "p99",
            value: Value::from(p),
        });
    }
    if let Some(v) = wanted_decision(
        ch(14).get("act2_decision"),
        ch(14).contains_key("act2_decision"),
    ) {
        recommendations.push(Recommendation {
            kind: "cadence",
            value: v,
        });
    }
    recommendations
}

/// The course shows a lab 10/14 decision unless it is "none" or "" (a missing one reads "none").
fn wanted_decision(v: Option<&Value>, present: bool) -> Option<Value> {
    if !present {
        return None;
    }
    match v {
        Some(Value::String(s)) if s == "none" || s.is_empty() => None,
        Some(other) => Some(other.clone()),
        None => None,
    }
}

/// The key with the highest value; ties go to the first, as in the course.
fn first_max(items: impl Iterator<Item = (&'static str, f64)>) -> &'static str {
    first_by(items, |v, best| v > best).unwrap_or("cloud")
}

/// The key with the lowest value; ties go to the first.
fn first_min<K>(items: impl Iterator<Item = (K, f64)>) -> Option<K> {
    first_by(items, |v, best| v < best)
}

fn first_by<K>(
    items: impl Iterator<Item = (K, f64)>,
    better: impl Fn(f64, f64) -> bool,
) -> Option<K> {
    items
        .reduce(|best, x| if better(x.1, best.1) { x } else { best })
        .map(|(k, _)| k)
}
