//! The student's record in the running game: only their own work is saved, locks are final
//! for an attempt, and nothing shows the Act II answer before its lock.

use architects_audit::lab::flow::{self, Act1Choice, Act2Choice, FlowMsg, Phase, Predictions};
use architects_audit::lab::game::DesignMsg;
use architects_audit::ledger::store::{ImportMode, LedgerMsg, LedgerState, SAMPLES};
use architects_audit::testing::headless_app;
use architects_audit::world::particles::Particle;
use architects_audit::world::{Failed, TierState, TierStatus};
use bevy::prelude::*;

fn phase(app: &App) -> Phase {
    *app.world().resource::<State<Phase>>().get()
}

fn send(app: &mut App, m: FlowMsg) {
    app.world_mut().write_message(m);
    app.update();
    app.update();
}

fn ledger_msg(app: &mut App, m: LedgerMsg) {
    app.world_mut().write_message(m);
    app.update();
    app.update();
}

/// Give the student a ledger of their own: the "queuing" sample's text, imported.
fn own_queuing_ledger(app: &mut App) {
    let text = SAMPLES.iter().find(|(n, _)| *n == "queuing").unwrap().1;
    ledger_msg(
        app,
        LedgerMsg::PreviewImport {
            source: "mine".into(),
            text: text.into(),
        },
    );
    ledger_msg(app, LedgerMsg::ConfirmImport(ImportMode::Replace));
    assert_eq!(
        app.world().resource::<LedgerState>().card.weakest_invariant,
        "Little's Law"
    );
}

fn play(app: &mut App, a1: Act1Choice, a2: Act2Choice) {
    send(app, FlowMsg::Begin);
    send(app, FlowMsg::LockAct1(a1));
    send(app, FlowMsg::ToAct2);
    send(app, FlowMsg::LockAct2(a2));
    send(app, FlowMsg::Finish);
    assert_eq!(phase(app), Phase::Act2Reveal);
}

/// The submitted chapter-16 designs (the locks of each attempt aside).
fn sixteens(app: &App) -> Vec<serde_json::Map<String, serde_json::Value>> {
    app.world()
        .resource::<LedgerState>()
        .ledger
        .history
        .iter()
        .filter(|e| e.chapter == 16 && !architects_audit::lab::record::is_lock(&e.design))
        .map(|e| e.design.clone())
        .collect()
}

#[test]
fn viewing_a_sample_then_submitting_saves_the_students_own_card() {
    let mut app = headless_app();
    own_queuing_ledger(&mut app);
    let own = app.world().resource::<LedgerState>().card.clone();
    // The memory-wall sample on screen: its answer is memory_bw.
    ledger_msg(&mut app, LedgerMsg::ViewSample(Some("memory-wall".into())));
    play(&mut app, Act1Choice::MemoryBw, Act2Choice::TinyOom);
    let d = &sixteens(&app)[0];
    assert_eq!(d["labs_completed"], own.n_completed);
    assert_eq!(d["weakest_invariant"], "Little's Law");
    assert_eq!(
        d["act1_correct"], false,
        "judged against the student's own ledger"
    );
    assert_eq!(d["pct_correct"], (own.pct_correct * 10.0).round() / 10.0);
}

#[test]
fn start_over_cannot_change_the_counted_predictions() {
    let mut app = headless_app();
    own_queuing_ledger(&mut app);
    // The answer the model in play earns, and one that is wrong.
    let right2 = app
        .world()
        .resource::<architects_audit::lab::game::ActiveAnswerKey>()
        .0
        .answer();
    let a2 = Act2Choice::ALL
        .into_iter()
        .find(|c| c.key() == right2)
        .unwrap();
    let wrong2 = Act2Choice::ALL.into_iter().find(|c| *c != a2).unwrap();
    // First attempt: both wrong.
    play(&mut app, Act1Choice::Drift, wrong2);
    send(&mut app, FlowMsg::NewRun);
    assert_eq!(phase(&app), Phase::Intro);
    // Second attempt, knowing the answers.
    play(&mut app, Act1Choice::Queuing, a2);
    send(&mut app, FlowMsg::NewRun);
    play(&mut app, Act1Choice::Queuing, a2);
    let entries = sixteens(&app);
    assert_eq!(entries.len(), 3, "the ledger keeps every attempt");
    assert_eq!(entries[0]["attempt"], 1);
    assert_eq!(entries[1]["attempt"], 2);
    assert_eq!(entries[2]["attempt"], 3);
    assert_eq!(entries[1]["act1_correct"], true);
    let counted = flow::counted(
        app.world().resource::<Predictions>(),
        app.world().resource::<LedgerState>(),
        app.world()
            .resource::<architects_audit::lab::game::ActiveAnswerKey>(),
        phase(&app),
    );
    assert_eq!(
        counted.act1_correct,
        Some(false),
        "the first attempt counts"
    );
    assert_eq!(counted.act2_correct, Some(false));
}

#[test]
fn the_hud_hides_act2_correctness_until_the_reveal() {
    let mut app = headless_app();
    send(&mut app, FlowMsg::Begin);
    send(&mut app, FlowMsg::LockAct1(Act1Choice::MemoryBw));
    send(&mut app, FlowMsg::ToAct2);
    send(&mut app, FlowMsg::LockAct2(Act2Choice::TinyOom));
    let counted = |app: &App| {
        flow::counted(
            app.world().resource::<Predictions>(),
            app.world().resource::<LedgerState>(),
            app.world()
                .resource::<architects_audit::lab::game::ActiveAnswerKey>(),
            phase(app),
        )
    };
    assert_eq!(phase(&app), Phase::Act2Design);
    assert!(!counted(&app).act2_revealed);
    send(&mut app, FlowMsg::Finish);
    assert!(counted(&app).act2_revealed);
}

fn tier_states(app: &mut App) -> Vec<(TierState, bool)> {
    let mut q = app.world_mut().query::<(&TierState, Option<&Failed>)>();
    q.iter(app.world())
        .map(|(s, f)| (s.clone(), f.is_some()))
        .collect()
}

fn particles(app: &mut App) -> usize {
    let mut q = app.world_mut().query::<&Particle>();
    q.iter(app.world()).count()
}

#[test]
fn no_act2_physics_in_the_world_before_the_lock() {
    use std::time::Duration;
    let mut app = headless_app();
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        Duration::from_millis(50),
    ));
    let check_neutral = |app: &mut App, when: &str| {
        for _ in 0..40 {
            app.update();
        }
        let states = tier_states(app);
        assert_eq!(states.len(), 4);
        for (s, failed) in &states {
            assert_eq!(s.0.status, TierStatus::Neutral, "{when}: {:?}", s.0);
            assert!(!failed, "{when}");
            assert!(
                !s.0.line.chars().any(|c| c.is_ascii_digit()),
                "{when}: {}",
                s.0.line
            );
        }
        assert_eq!(particles(app), 0, "{when}: requests drawn");
    };
    check_neutral(&mut app, "intro");
    send(&mut app, FlowMsg::Begin);
    send(&mut app, FlowMsg::LockAct1(Act1Choice::MemoryBw));
    check_neutral(&mut app, "act I report");
    send(&mut app, FlowMsg::ToAct2);
    // A design change before the lock shows nothing either.
    app.world_mut()
        .write_message(DesignMsg::Set(architects_audit::lab::demo::winning_design()));
    check_neutral(&mut app, "act II brief");
    app.world_mut().write_message(DesignMsg::Reset);
    send(&mut app, FlowMsg::LockAct2(Act2Choice::TinyOom));
    for _ in 0..40 {
        app.update();
    }
    let states = tier_states(&mut app);
    assert!(
        states.iter().any(|(_, failed)| *failed),
        "the default design fails once shown"
    );
    assert!(
        states
            .iter()
            .all(|(s, _)| s.0.status != TierStatus::Neutral)
    );
    assert!(particles(&mut app) > 0, "requests flow once shown");
}
