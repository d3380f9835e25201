//! Keyboard access: the flow (Enter, A–D) and the shortcuts (Space, R, F1 or ?, Escape). Keys
//! become messages, or open the submit confirmation (the UI's own); nothing here changes
//! another plugin's resource.

use bevy::prelude::*;

use super::ShortcutsOpen;
use crate::lab::flow::{Act1Choice, Act2Choice, FlowMsg, PendingChoice, Phase, Predictions};
use crate::lab::game::{ControlFocused, DesignMsg, KeyboardBusy};
use crate::lab::live::TimeMsg;

/// Keyboard access to the flow: Enter moves on (or locks the chosen answer), A–D choose.
pub fn flow_keys(
    keys: Res<ButtonInput<KeyCode>>,
    phase: Res<State<Phase>>,
    (busy, focused): (Res<KeyboardBusy>, Res<ControlFocused>),
    preds: Res<Predictions>,
    pending: Res<PendingChoice>,
    mut flow: MessageWriter<FlowMsg>,
    mut submit: ResMut<super::SubmitConfirm>,
) {
    if busy.0 {
        return;
    }
    let letter = [KeyCode::KeyA, KeyCode::KeyB, KeyCode::KeyC, KeyCode::KeyD]
        .iter()
        .position(|k| keys.just_pressed(*k));
    // Enter on a focused control presses that control, and only that.
    let enter = !focused.0
        && (keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter));
    // A letter and Enter may land in the same (slow) frame: the pick goes first, then the lock.
    match phase.get() {
        Phase::Intro if enter => {
            flow.write(FlowMsg::Begin);
        }
        Phase::Act1Predict if preds.act1.is_none() => {
            let (pick, lock) = pick_and_lock(&Act1Choice::ALL, letter, enter, pending.act1);
            flow.write_batch(
                pick.map(FlowMsg::Pick1)
                    .into_iter()
                    .chain(lock.map(FlowMsg::LockAct1)),
            );
        }
        Phase::Act1Report if enter => {
            flow.write(FlowMsg::ToAct2);
        }
        // Enter asks first; only the confirmation's Submit submits.
        Phase::Act2Design if enter => {
            if !submit.open {
                info!("architects-audit: submit asks first");
            }
            submit.open = true;
        }
        Phase::Act2Brief if preds.act2.is_none() => {
            let (pick, lock) = pick_and_lock(&Act2Choice::ALL, letter, enter, pending.act2);
            flow.write_batch(
                pick.map(FlowMsg::Pick2)
                    .into_iter()
                    .chain(lock.map(FlowMsg::LockAct2)),
            );
        }
        _ => {}
    }
}

/// A prediction question's keys: a letter picks an answer, Enter locks the one picked (in
/// this frame or before).
fn pick_and_lock<T: Copy>(
    answers: &[T],
    letter: Option<usize>,
    enter: bool,
    pending: Option<T>,
) -> (Option<T>, Option<T>) {
    let pick = letter.and_then(|i| answers.get(i).copied());
    (pick, pick.or(pending).filter(|_| enter))
}

pub fn shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    phase: Res<State<Phase>>,
    mut design: MessageWriter<DesignMsg>,
    (mut open, mut readout): (ResMut<ShortcutsOpen>, ResMut<super::FrameReadout>),
    (busy, focused): (Res<KeyboardBusy>, Res<ControlFocused>),
    mut time: MessageWriter<TimeMsg>,
    mut ledger: MessageWriter<crate::ledger::store::LedgerMsg>,
) {
    if busy.0 {
        return;
    }
    if keys.just_pressed(KeyCode::F3) {
        readout.0 = !readout.0;
    }
    if keys.just_pressed(KeyCode::KeyE) {
        ledger.write(crate::ledger::store::LedgerMsg::Export);
    }
    if keys.just_pressed(KeyCode::Space) && !focused.0 {
        time.write(TimeMsg::TogglePause);
    }
    if keys.just_pressed(KeyCode::KeyR) && phase.get().instruments_open() {
        design.write(DesignMsg::Reset);
    }
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    if keys.just_pressed(KeyCode::F1) || (shift && keys.just_pressed(KeyCode::Slash)) {
        open.0 = !open.0;
    }
    if keys.just_pressed(KeyCode::Escape) {
        open.0 = false;
    }
}
