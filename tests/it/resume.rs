//! A lock is on record when it is made: the attempt in progress is saved in the student's own
//! store at lock time, a restart resumes it, and the class report counts a first attempt that
//! was locked but never submitted as unsubmitted.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, FlowMsg, Phase, Predictions};
use architects_audit::lab::record;
use architects_audit::ledger::Ledger;
use architects_audit::ledger::class::{Student, summarise};
use architects_audit::ledger::store::LedgerState;
use architects_audit::physics::{PhysicsModel, Scenario};
use architects_audit::testing::headless_app_for;
use bevy::prelude::*;

/// The game on a store in `dir`, started.
fn app_on(dir: &std::path::Path) -> App {
    let opts = architects_audit::LaunchOptions::new(Scenario::builtin(), PhysicsModel::Systems);
    let mut app = headless_app_for(&opts, dir.into());
    app.update();
    app.update();
    app
}

fn send(app: &mut App, m: FlowMsg) {
    app.world_mut().write_message(m);
    app.update();
    app.update();
}

fn phase(app: &App) -> Phase {
    *app.world().resource::<State<Phase>>().get()
}

fn ledger(app: &App) -> Ledger {
    app.world().resource::<LedgerState>().ledger.clone()
}

#[test]
fn a_lock_survives_a_restart_and_the_attempt_resumes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = app_on(dir.path());
        send(&mut app, FlowMsg::Begin);
        send(&mut app, FlowMsg::LockAct1(Act1Choice::Queuing));
        assert_eq!(phase(&app), Phase::Act1Report);
        // On record now, before any submit: with the answer and the time.
        let l = ledger(&app);
        let lock = record::open_lock(&l).expect("the lock is in the ledger");
        assert_eq!(lock["act1_prediction"], "queuing");
        assert!(lock["locked_at"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            record::counted_attempt(&l).is_none(),
            "a lock is not a design"
        );
    }
    // Restart: the attempt resumes where its lock left it, and cannot be locked again.
    {
        let mut app = app_on(dir.path());
        assert_eq!(phase(&app), Phase::Act1Report, "resumed");
        let preds = app.world().resource::<Predictions>().clone();
        assert_eq!(preds.act1, Some(Act1Choice::Queuing));
        assert_eq!(preds.attempt, Some(1));
        send(&mut app, FlowMsg::ToAct2);
        send(&mut app, FlowMsg::LockAct2(Act2Choice::CloudOom));
        assert_eq!(phase(&app), Phase::Act2Design);
    }
    // A second restart resumes the design stage with both locks; submitting records it.
    let dir_path = dir.path().to_path_buf();
    let mut app = app_on(&dir_path);
    assert_eq!(phase(&app), Phase::Act2Design, "resumed at the design");
    let preds = app.world().resource::<Predictions>().clone();
    assert_eq!(preds.act2, Some(Act2Choice::CloudOom));
    send(&mut app, FlowMsg::Finish);
    assert_eq!(phase(&app), Phase::Act2Reveal);
    let l = ledger(&app);
    let counted = record::counted_attempt(&l).expect("submitted");
    assert_eq!(counted["attempt"], 1);
    assert_eq!(counted["act1_prediction"], "queuing");
    assert_eq!(counted["act2_prediction"], "cloud_oom");
    assert!(record::open_lock(&l).is_none(), "nothing left to resume");
    drop(app);
    // And a restart after submitting starts at the introduction.
    let app = app_on(&dir_path);
    assert_eq!(phase(&app), Phase::Intro);
}

#[test]
fn the_class_report_counts_a_locked_first_attempt_as_unsubmitted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(dir.path());
    send(&mut app, FlowMsg::Begin);
    send(&mut app, FlowMsg::LockAct1(Act1Choice::MemoryBw));
    let locked = ledger(&app);
    drop(app);
    let r = summarise(
        &[
            Student::new("locked.json", &locked),
            Student::new("none.json", &Ledger::default()),
        ],
        Vec::new(),
    );
    assert_eq!(r.chapter16.submitted, 0);
    assert_eq!(r.chapter16.locked_unsubmitted, 1);
}

#[test]
fn the_demo_writes_nothing_to_the_students_store() {
    use architects_audit::lab::demo::Demo;
    let dir = tempfile::tempdir().unwrap();
    {
        let opts = architects_audit::LaunchOptions {
            demo: Some(Demo::goto("act2-reveal")),
            ..architects_audit::LaunchOptions::new(Scenario::builtin(), PhysicsModel::Systems)
        };
        let mut app = headless_app_for(&opts, dir.path().into());
        for _ in 0..300 {
            app.update();
        }
    }
    // The student's own store, opened afterwards: no lock, no entry.
    let app = app_on(dir.path());
    assert!(ledger(&app).history.is_empty());
    assert_eq!(phase(&app), Phase::Intro);
}
