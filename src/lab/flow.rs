//! The lab's flow as a state machine. Prediction locks are states: the report card exists only
//! in `Act1Report` and later, which can be reached only through `LockAct1`; the design
//! instruments exist only from `Act2Design`, reached only through `LockAct2`.
//!
//! Intro → Act1Predict → Act1Report → Act2Brief → Act2Design ⇄ Act2Reveal

use bevy::prelude::*;

use crate::lab::game::{ActiveAnswerKey, ActiveScenario, Physics};
use crate::lab::record::{self, Locks};
use crate::ledger::store::{self, CAPSTONE_CHAPTER, LedgerState};
use crate::platform::storage::{Store, now_iso};

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Phase {
    #[default]
    Intro,
    Act1Predict,
    Act1Report,
    Act2Brief,
    Act2Design,
    Act2Reveal,
}

impl Phase {
    /// Every phase, in the order the lab plays them.
    pub const ALL: [Phase; 6] = [
        Phase::Intro,
        Phase::Act1Predict,
        Phase::Act1Report,
        Phase::Act2Brief,
        Phase::Act2Design,
        Phase::Act2Reveal,
    ];
    /// The design instruments (and the HUD) are live.
    pub fn instruments_open(self) -> bool {
        matches!(self, Phase::Act2Design | Phase::Act2Reveal)
    }
    /// The report card may be shown.
    pub fn report_open(self) -> bool {
        !matches!(self, Phase::Intro | Phase::Act1Predict)
    }
}

/// Act I's four answers, keyed as the course saves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act1Choice {
    MemoryBw,
    Queuing,
    SerialFraction,
    Drift,
}

impl Act1Choice {
    pub const ALL: [Act1Choice; 4] = [
        Act1Choice::MemoryBw,
        Act1Choice::Queuing,
        Act1Choice::SerialFraction,
        Act1Choice::Drift,
    ];
    pub fn key(self) -> &'static str {
        crate::ledger::analysis::ACT1_ANSWER_KEYS[self.index()]
    }
    pub fn index(self) -> usize {
        Act1Choice::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// Act II's four answers, keyed as the course saves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act2Choice {
    CloudOom,
    EdgeLatency,
    MobileOom,
    TinyOom,
}

impl Act2Choice {
    pub const ALL: [Act2Choice; 4] = [
        Act2Choice::CloudOom,
        Act2Choice::EdgeLatency,
        Act2Choice::MobileOom,
        Act2Choice::TinyOom,
    ];
    /// The answer's key in the ledger and in `course_draft.act2_correct_answer`.
    pub fn key(self) -> &'static str {
        crate::physics::validate::ACT2_ANSWER_KEYS[self.index()]
    }
    pub fn index(self) -> usize {
        Act2Choice::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// The locked predictions of this run (attempt). Locks are final for the attempt; "Start over"
/// begins a new attempt, and the ledger keeps every one.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Predictions {
    pub act1: Option<Act1Choice>,
    pub act2: Option<Act2Choice>,
    /// The attempt number, given at the first lock of this run.
    pub attempt: Option<u32>,
}

impl Predictions {
    /// Judged against the student's own ledger, whatever sample is on screen; None when they
    /// have no ledger of labs 1-15 (or no lock yet).
    pub fn act1_correct(&self, ledger: &LedgerState) -> Option<bool> {
        let card = ledger.own_card()?;
        self.act1.map(|c| c.key() == card.act1_correct_answer)
    }
    /// Judged against the answer key the model in play earns.
    pub fn act2_correct(&self, key: &ActiveAnswerKey) -> Option<bool> {
        self.act2.map(|c| c.key() == key.0.answer())
    }
}

/// The submit confirmation: open after the student asks to submit, until they confirm or
/// go back to the design.
#[derive(Resource, Debug, Default)]
pub struct SubmitConfirm {
    pub open: bool,
}

/// What the student (or the demo, or a test) asks of the flow.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum FlowMsg {
    Begin,
    /// Choose an Act I answer (not yet locked).
    Pick1(Act1Choice),
    LockAct1(Act1Choice),
    ToAct2,
    /// Choose an Act II answer (not yet locked).
    Pick2(Act2Choice),
    LockAct2(Act2Choice),
    /// Submit the design: reveal, and append chapter 16 to the ledger.
    Finish,
    /// From the reveal back to the design.
    Replay,
    /// A new attempt: back to the introduction with no locks. Earlier attempts stay in the
    /// ledger, and the first one is what counts.
    NewRun,
}

/// The predictions that count: the first attempt's, as recorded in the ledger, or this run's
/// while the first attempt is still under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub act1_correct: Option<bool>,
    pub act2_correct: Option<bool>,
    /// The Act II answer has been revealed to the student (a submitted attempt, or the reveal
    /// on screen); until then its correctness stays hidden.
    pub act2_revealed: bool,
}

pub fn counted(
    preds: &Predictions,
    ledger: &LedgerState,
    key: &ActiveAnswerKey,
    phase: Phase,
) -> Counted {
    match record::counted_attempt(&ledger.ledger) {
        Some(d) => Counted {
            act1_correct: d.get("act1_correct").and_then(serde_json::Value::as_bool),
            act2_correct: d.get("act2_correct").and_then(serde_json::Value::as_bool),
            act2_revealed: true,
        },
        None => Counted {
            act1_correct: preds.act1_correct(ledger),
            act2_correct: preds.act2_correct(key),
            act2_revealed: phase == Phase::Act2Reveal,
        },
    }
}

/// Answers chosen but not yet locked (shared by the panels and the keyboard shortcuts).
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct PendingChoice {
    pub act1: Option<Act1Choice>,
    pub act2: Option<Act2Choice>,
}

pub fn plugin(app: &mut App) {
    app.init_state::<Phase>()
        .init_resource::<Predictions>()
        .init_resource::<PendingChoice>()
        .init_resource::<SubmitConfirm>()
        .add_message::<FlowMsg>()
        .add_systems(
            Startup,
            resume_attempt.run_if(resource_exists::<LedgerState>),
        )
        .add_systems(
            Update,
            handle_flow.after(crate::lab::game::CoreSet::Compute),
        )
        .add_systems(Update, log_phase.run_if(state_changed::<Phase>))
        .add_systems(Last, log_first_frame);
}

/// A log line on every phase change (the browser test reads these).
fn log_phase(phase: Res<State<Phase>>) {
    info!("architects-audit: phase {:?}", phase.get());
}

fn log_first_frame(mut done: Local<bool>) {
    if !*done {
        *done = true;
        info!("architects-audit: first frame");
    }
}

/// This run's attempt number, given at its first lock: the next after those recorded.
fn this_attempt(preds: &mut Predictions, ledger: &LedgerState) -> u32 {
    *preds.attempt.get_or_insert_with(|| {
        record::attempts(&ledger.ledger)
            .into_iter()
            .max()
            .unwrap_or(0)
            + 1
    })
}

/// A lock is on record when it is made: the attempt in progress, with its answers so far and
/// the time, in the student's own store (a demo's store is in memory).
fn record_lock(
    preds: &mut Predictions,
    ledger: &mut LedgerState,
    store_res: &mut Store,
    model: crate::physics::PhysicsModel,
) {
    let attempt = this_attempt(preds, ledger);
    let now = now_iso();
    let entry = record::lock_record(
        attempt,
        preds.act1.map(|c| c.key()),
        preds.act2.map(|c| c.key()),
        model,
        &now,
    );
    ledger.ledger.append(CAPSTONE_CHAPTER, entry, &now);
    store::save(store_res, ledger);
}

/// At start, an attempt locked but not submitted resumes where its locks left it.
fn resume_attempt(
    ledger: Res<LedgerState>,
    mut preds: ResMut<Predictions>,
    mut next: ResMut<NextState<Phase>>,
) {
    let Some(lock) = record::open_lock(&ledger.ledger) else {
        return;
    };
    let key = |k: &str| {
        lock.get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    let act1 =
        key("act1_prediction").and_then(|k| Act1Choice::ALL.into_iter().find(|c| c.key() == k));
    let act2 =
        key("act2_prediction").and_then(|k| Act2Choice::ALL.into_iter().find(|c| c.key() == k));
    let Some(act1) = act1 else { return };
    *preds = Predictions {
        act1: Some(act1),
        act2,
        attempt: lock
            .get("attempt")
            .and_then(serde_json::Value::as_u64)
            .map(|a| a as u32),
    };
    info!("architects-audit: resumed attempt {:?}", preds.attempt);
    next.set(if act2.is_some() {
        Phase::Act2Design
    } else {
        Phase::Act1Report
    });
}

#[allow(clippy::too_many_arguments)]
fn handle_flow(
    mut msgs: MessageReader<FlowMsg>,
    phase: Res<State<Phase>>,
    mut next: ResMut<NextState<Phase>>,
    mut preds: ResMut<Predictions>,
    mut pending: ResMut<PendingChoice>,
    (physics, scenario, key): (Res<Physics>, Res<ActiveScenario>, Res<ActiveAnswerKey>),
    mut ledger: ResMut<LedgerState>,
    mut store_res: ResMut<Store>,
) {
    // Messages are applied against the phase they were sent in; one transition per frame.
    let mut current = *phase.get();
    for msg in msgs.read() {
        let target = match (*msg, current) {
            (FlowMsg::Begin, Phase::Intro) => Some(Phase::Act1Predict),
            (FlowMsg::Pick1(c), Phase::Act1Predict) if preds.act1.is_none() => {
                info!("architects-audit: picked {c:?}");
                pending.act1 = Some(c);
                None
            }
            (FlowMsg::Pick2(c), Phase::Act2Brief) if preds.act2.is_none() => {
                info!("architects-audit: picked {c:?}");
                pending.act2 = Some(c);
                None
            }
            (FlowMsg::LockAct1(c), Phase::Act1Predict) if preds.act1.is_none() => {
                preds.act1 = Some(c);
                record_lock(&mut preds, &mut ledger, &mut store_res, physics.0.model);
                Some(Phase::Act1Report)
            }
            (FlowMsg::ToAct2, Phase::Act1Report) => Some(Phase::Act2Brief),
            (FlowMsg::LockAct2(c), Phase::Act2Brief) if preds.act2.is_none() => {
                preds.act2 = Some(c);
                record_lock(&mut preds, &mut ledger, &mut store_res, physics.0.model);
                Some(Phase::Act2Design)
            }
            (FlowMsg::Finish, Phase::Act2Design) => {
                let attempt = this_attempt(&mut preds, &ledger);
                let locks = Locks {
                    attempt,
                    act1_prediction: preds.act1.map_or("none", |c| c.key()),
                    act1_correct: preds.act1_correct(&ledger),
                    act2_prediction: preds.act2.map_or("none", |c| c.key()),
                    act2_correct: preds.act2_correct(&key).unwrap_or(false),
                };
                // The student's own card: a sample on screen is never saved as theirs.
                let design =
                    record::chapter16_design(&physics.0, &scenario.0, &locks, &ledger.card);
                ledger.ledger.append(CAPSTONE_CHAPTER, design, &now_iso());
                ledger.refresh_card();
                store::save(&mut store_res, &mut ledger);
                Some(Phase::Act2Reveal)
            }
            (FlowMsg::Replay, Phase::Act2Reveal) => Some(Phase::Act2Design),
            (FlowMsg::NewRun, _) => {
                *preds = Predictions::default();
                *pending = PendingChoice::default();
                Some(Phase::Intro)
            }
            _ => None,
        };
        if let Some(t) = target {
            current = t;
            next.set(t);
        }
    }
}
