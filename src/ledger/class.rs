//! The class report: many students' ledgers summarised for the instructor's debrief.
//!
//! Built from each student's own Mental Model Report Card ([`analyze`]), never from a second
//! reading of the ledger, plus the first attempt of chapter 16 ([`counted_attempt`]). Pure: no
//! Bevy, no files (the command line and the game read the files).
//!
//! Rules:
//! - an invariant's accuracy and constraint-hit rate are summarised over the students with at
//!   least one lab on that invariant (the card's `n` > 0); quartiles by linear interpolation
//!   between order statistics (position p·(n−1), as numpy's default);
//! - a student's weakest invariant is counted only when they completed at least one of labs
//!   1–15 (with none, the card falls back to a default that says nothing about them);
//! - chapter 16 counts the first attempt only; an Act I answer is judged only when the
//!   student had labs to judge it against (`act1_correct` not null);
//! - the tier a student expected to be hardest is the tier of their Act II answer.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::{Map, Value};

use super::analysis::{
    ACT1_ANSWER_KEYS, CONTEXTS, Invariant, LAB_CHAPTERS, ReportCard, analyze, truthy,
};
use super::designs::{DesignsClass, StudentDesign, design_of};
use super::format::{Ledger, parse_value};
use super::history::{attempts, counted_attempt, first_attempt_unsubmitted};
pub use super::spread::{Spread, quantile};
use crate::physics::validate::ACT2_ANSWER_KEYS;

/// One student, as the class report sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    /// Where the ledger came from (a file name, or `file:line` in a `.jsonl`). Shown only
    /// when the instructor asks for names.
    pub source: String,
    pub card: ReportCard,
    pub capstone: Option<Capstone>,
    /// The first attempt was locked but never submitted.
    pub unsubmitted: bool,
    /// Chapter-16 attempts recorded (locked or submitted).
    pub attempts: u32,
    /// The ledger's `last_updated`, as written.
    pub last_updated: String,
}

/// The first attempt of chapter 16, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capstone {
    pub act1_prediction: Option<String>,
    pub act1_correct: Option<bool>,
    pub act2_prediction: Option<String>,
    pub act2_correct: Option<bool>,
    pub system_valid: bool,
    pub design: StudentDesign,
}

impl Student {
    pub fn new(source: impl Into<String>, ledger: &Ledger) -> Self {
        Student {
            source: source.into(),
            card: analyze(ledger),
            capstone: counted_attempt(ledger).map(capstone_of),
            unsubmitted: first_attempt_unsubmitted(ledger),
            attempts: attempts(ledger).len() as u32,
            last_updated: ledger.last_updated.clone(),
        }
    }

    /// The tier this student expected to be hardest (their Act II answer's tier).
    pub fn hardest_tier(&self) -> Option<&'static str> {
        self.capstone
            .as_ref()
            .and_then(|c| c.act2_prediction.as_deref())
            .and_then(tier_of_answer)
    }
}

fn capstone_of(d: &Map<String, Value>) -> Capstone {
    let text = |k: &str| d.get(k).and_then(Value::as_str).map(str::to_string);
    let judged = |k: &str| match d.get(k) {
        None | Some(Value::Null) => None,
        v => Some(truthy(v)),
    };
    Capstone {
        act1_prediction: text("act1_prediction").filter(|s| s != "none"),
        act1_correct: judged("act1_correct"),
        act2_prediction: text("act2_prediction").filter(|s| s != "none"),
        act2_correct: judged("act2_correct"),
        system_valid: truthy(d.get("system_valid")),
        design: design_of(d),
    }
}

/// The tier an Act II answer names: `cloud_oom` is the cloud, `edge_latency` the edge.
pub fn tier_of_answer(answer: &str) -> Option<&'static str> {
    let head = answer.split('_').next()?;
    CONTEXTS.iter().copied().find(|c| *c == head)
}

/// The class on one invariant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvariantClass {
    /// Students with at least one lab on this invariant.
    pub students: u32,
    /// Fraction of their predictions that were right (None: no student has a lab on it).
    pub accuracy: Option<Spread>,
    /// Fraction of their labs that hit a constraint.
    pub hit_rate: Option<Spread>,
}

/// How often each answer was chosen, and how many of the judged ones were right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answers {
    pub chosen: IndexMap<String, u32>,
    /// Answers that could be judged (Act I needs labs 1–15 to judge against).
    pub judged: u32,
    pub correct: u32,
}

/// Chapter 16, first attempts only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapstoneClass {
    pub submitted: u32,
    /// Students whose first attempt was locked but never submitted.
    pub locked_unsubmitted: u32,
    pub act1: Answers,
    pub act2: Answers,
    pub valid_designs: u32,
    /// Students per tier named hardest in Act II, in the course's order of tiers.
    pub hardest_tier: IndexMap<&'static str, u32>,
    /// What the first attempts built.
    pub designs: DesignsClass,
}

/// One student's line of the report: anonymous unless the instructor asks for names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    /// "Student N", in the order the files were read.
    pub student: String,
    /// The file it came from: only with `--show-names` (file names often carry names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub labs_completed: u32,
    pub act1_answer: Option<String>,
    pub act1_correct: Option<bool>,
    pub act2_answer: Option<String>,
    pub act2_correct: Option<bool>,
    /// The first attempt's design; None with no submitted first attempt.
    pub design: Option<StudentDesign>,
    pub attempts: u32,
    pub last_updated: String,
}

impl StudentRow {
    pub fn of(i: usize, s: &Student, show_names: bool) -> Self {
        let c = s.capstone.as_ref();
        StudentRow {
            student: format!("Student {}", i + 1),
            file: show_names.then(|| s.source.clone()),
            labs_completed: s.card.n_completed,
            act1_answer: c.and_then(|c| c.act1_prediction.clone()),
            act1_correct: c.and_then(|c| c.act1_correct),
            act2_answer: c.and_then(|c| c.act2_prediction.clone()),
            act2_correct: c.and_then(|c| c.act2_correct),
            design: c.map(|c| c.design.clone()),
            attempts: s.attempts,
            last_updated: s.last_updated.clone(),
        }
    }
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unreadable {
    pub file: String,
    pub reason: String,
}

/// The class report, as `class-report` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub n_students: u32,
    pub unreadable: Vec<Unreadable>,
    /// In the course's order of invariants.
    pub invariants: IndexMap<&'static str, InvariantClass>,
    /// Students for whom each invariant is the weakest (students with no lab 1–15 are not
    /// counted).
    pub weakest_invariant: IndexMap<&'static str, u32>,
    /// Students counted in `weakest_invariant`: those with at least one lab 1–15.
    pub weakest_counted: u32,
    /// Students by number of labs 1–15 completed, from 0 to 15.
    pub labs_completed: IndexMap<String, u32>,
    pub labs_completed_spread: Option<Spread>,
    pub chapter16: CapstoneClass,
    /// One line per student, anonymous ([`ClassReport::with_names`] adds the files).
    pub students: Vec<StudentRow>,
}

impl ClassReport {
    /// The same report with each student's file named (the instructor asked for names).
    pub fn with_names(mut self, students: &[Student]) -> Self {
        for (row, s) in self.students.iter_mut().zip(students) {
            row.file = Some(s.source.clone());
        }
        self
    }
}

fn tally(chosen: &mut IndexMap<String, u32>, key: Option<&str>) {
    if let Some(k) = key {
        *chosen.entry(k.to_string()).or_insert(0) += 1;
    }
}

/// Summarise a class. Every Act I and Act II answer is listed, chosen or not, in the
/// course's order.
pub fn summarise(students: &[Student], unreadable: Vec<Unreadable>) -> ClassReport {
    let invariants = invariant_classes(students);
    let mut weakest: IndexMap<&'static str, u32> = Invariant::ALL
        .iter()
        .map(|i| (i.facts().course_label, 0))
        .collect();
    let mut weakest_counted = 0;
    for s in students.iter().filter(|s| s.card.n_completed > 0) {
        weakest_counted += 1;
        if let Some(n) = weakest.get_mut(s.card.weakest_invariant) {
            *n += 1;
        }
    }
    let mut labs: IndexMap<String, u32> = (0..=LAB_CHAPTERS.count())
        .map(|n| (n.to_string(), 0))
        .collect();
    for s in students {
        *labs.entry(s.card.n_completed.to_string()).or_insert(0) += 1;
    }
    let done: Vec<f64> = students.iter().map(|s| s.card.n_completed as f64).collect();
    ClassReport {
        n_students: students.len() as u32,
        unreadable,
        invariants,
        weakest_invariant: weakest,
        weakest_counted,
        labs_completed: labs,
        labs_completed_spread: Spread::of(&done),
        chapter16: capstone_class(students),
        students: students
            .iter()
            .enumerate()
            .map(|(i, s)| StudentRow::of(i, s, false))
            .collect(),
    }
}

/// Each invariant across the class: how many students have labs in it, their accuracy and
/// their hit rate.
fn invariant_classes(students: &[Student]) -> IndexMap<&'static str, InvariantClass> {
    Invariant::ALL
        .iter()
        .map(|inv| {
            let name = inv.facts().course_label;
            let scores: Vec<_> = students
                .iter()
                .filter_map(|s| s.card.score(name))
                .filter(|s| s.n > 0)
                .collect();
            let acc: Vec<f64> = scores.iter().map(|s| s.correct_rate).collect();
            let hit: Vec<f64> = scores.iter().map(|s| s.hit_rate).collect();
            (
                name,
                InvariantClass {
                    students: scores.len() as u32,
                    accuracy: Spread::of(&acc),
                    hit_rate: Spread::of(&hit),
                },
            )
        })
        .collect()
}

/// Chapter 16 across the class: submissions, both acts' answers, valid designs, the hardest
/// tier and the designs.
fn capstone_class(students: &[Student]) -> CapstoneClass {
    let answers = |keys: &[&str]| Answers {
        chosen: keys.iter().map(|k| (k.to_string(), 0)).collect(),
        judged: 0,
        correct: 0,
    };
    let mut ch16 = CapstoneClass {
        submitted: 0,
        locked_unsubmitted: 0,
        act1: answers(&ACT1_ANSWER_KEYS),
        act2: answers(&ACT2_ANSWER_KEYS),
        valid_designs: 0,
        hardest_tier: CONTEXTS.iter().map(|c| (*c, 0)).collect(),
        designs: super::designs::summarise(
            students
                .iter()
                .filter_map(|s| s.capstone.as_ref().map(|c| &c.design)),
        ),
    };
    for s in students {
        ch16.locked_unsubmitted += u32::from(s.unsubmitted);
        let Some(c) = &s.capstone else { continue };
        ch16.submitted += 1;
        tally(&mut ch16.act1.chosen, c.act1_prediction.as_deref());
        tally(&mut ch16.act2.chosen, c.act2_prediction.as_deref());
        for (a, judged) in [
            (&mut ch16.act1, c.act1_correct),
            (&mut ch16.act2, c.act2_correct),
        ] {
            if let Some(right) = judged {
                a.judged += 1;
                a.correct += u32::from(right);
            }
        }
        ch16.valid_designs += u32::from(c.system_valid);
        if let Some(t) = s.hardest_tier() {
            *ch16.hardest_tier.entry(t).or_insert(0) += 1;
        }
    }
    ch16
}

/// A ledger from one JSON value: the course's format, or `{"ledger": …}` as the game's
/// `ledger-report` input. A JSON object with no `history` is not a Design Ledger.
pub fn ledger_of(v: &Value) -> Result<Ledger, String> {
    let inner = match v {
        Value::Object(m) if m.contains_key("ledger") => &m["ledger"],
        _ => v,
    };
    if inner
        .as_object()
        .is_some_and(|o| !o.contains_key("history"))
    {
        return Err("no `history` field: not a Design Ledger".into());
    }
    parse_value(inner)
        .map(|p| p.ledger)
        .map_err(|e| e.to_string())
}

/// Read one file's text as students: `.jsonl` one ledger per non-blank line (sources
/// `file:line`), anything else one ledger. What cannot be read is listed with the reason.
pub fn read_text(
    source: &str,
    text: &str,
    jsonl: bool,
    students: &mut Vec<Student>,
    unreadable: &mut Vec<Unreadable>,
) {
    let mut one = |src: String, body: &str| {
        let parsed = serde_json::from_str::<Value>(body)
            .map_err(|e| {
                format!(
                    "not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                )
            })
            .and_then(|v| ledger_of(&v));
        match parsed {
            Ok(l) => students.push(Student::new(src, &l)),
            Err(reason) => unreadable.push(Unreadable { file: src, reason }),
        }
    };
    if jsonl {
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                one(format!("{source}:{}", i + 1), line);
            }
        }
    } else if text.trim().is_empty() {
        unreadable.push(Unreadable {
            file: source.into(),
            reason: "the file is empty".into(),
        });
    } else {
        one(source.into(), text);
    }
}
