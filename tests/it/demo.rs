//! The demo autoplay walks both acts unattended, and its markers reach the states the
//! screenshots need.

use std::time::Duration;

use architects_audit::lab::demo::{Demo, markers};
use architects_audit::lab::flow::Phase;
use architects_audit::lab::flow::Predictions;
use architects_audit::lab::game::Physics;
use architects_audit::ledger::keep;
use architects_audit::ledger::parse_str;
use architects_audit::ledger::store::LedgerState;
use architects_audit::platform::storage::Store;
use architects_audit::testing::{headless_app, headless_app_for};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

#[test]
fn the_demo_plays_both_acts_and_loops() {
    let mut app = headless_app();
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    app.insert_resource(Demo::autoplay(4.0));
    let mut seen = std::collections::HashSet::new();
    let mut valid_seen = false;
    for _ in 0..2000 {
        app.update();
        seen.insert(*app.world().resource::<State<Phase>>().get());
        valid_seen |= app.world().resource::<Physics>().0.system_valid;
        if app.world().resource::<Demo>().loops >= 1 {
            break;
        }
    }
    assert!(app.world().resource::<Demo>().loops >= 1, "the demo loops");
    for p in Phase::ALL {
        assert!(seen.contains(&p), "never reached {p:?}");
    }
    assert!(valid_seen, "the demo reaches a valid design");
}

fn demo_options() -> architects_audit::LaunchOptions {
    architects_audit::LaunchOptions {
        scenario: architects_audit::physics::Scenario::builtin(),
        model: Default::default(),
        ledger_import: None,
        screenshot: None,
        demo: Some(Demo::autoplay(4.0)),
        projector: None,
        scale: None,
        reduced_motion: None,
        touch: None,
        lang: None,
        more_contrast: false,
        resolution: None,
        class: None,
    }
}

#[test]
fn a_demo_run_leaves_the_students_store_unopened() {
    // The student's store, with a ledger of their own in it.
    let dir = tempfile::tempdir().unwrap();
    {
        let mut st = Store::open(Some(dir.path().into())).unwrap();
        keep::save(&mut st, &parse_str(crate::store::LIST).unwrap().ledger).unwrap();
    }
    let file = dir
        .path()
        .join(architects_audit::platform::storage::FILE_NAME);
    let before = std::fs::read(&file).unwrap();
    let mut app = headless_app_for(&demo_options(), dir.path().into());
    app.init_resource::<ButtonInput<KeyCode>>();
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    for _ in 0..2000 {
        app.update();
        if app.world().resource::<Demo>().loops >= 1 {
            break;
        }
    }
    assert!(app.world().resource::<Demo>().loops >= 1, "the demo looped");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the store file is untouched"
    );
    // The store is not even held: another program can open it while the demo runs.
    drop(Store::open(Some(dir.path().into())).expect("the demo does not hold the store"));
    // Taking over opens the student's own store, and a fresh attempt begins.
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::KeyX);
    for _ in 0..3 {
        app.update();
    }
    assert!(app.world().get_resource::<Demo>().is_none());
    assert_eq!(*app.world().resource::<State<Phase>>().get(), Phase::Intro);
    assert_eq!(
        *app.world().resource::<Predictions>(),
        Predictions::default()
    );
    let ledger = app.world().resource::<LedgerState>();
    assert_eq!(
        ledger.ledger.chapters(),
        vec![2, 5],
        "the student's own ledger"
    );
    assert!(ledger.sample.is_none());
}

#[test]
fn markers_reach_their_states() {
    for (marker, phase, valid) in [
        ("intro", Phase::Intro, None),
        ("act1-lock", Phase::Act1Predict, None),
        ("act1-report", Phase::Act1Report, None),
        ("act2-brief", Phase::Act2Brief, None),
        ("act2-fail", Phase::Act2Design, Some(false)),
        ("act2-pass", Phase::Act2Design, Some(true)),
        ("act2-submit", Phase::Act2Design, Some(true)),
        ("act2-reveal", Phase::Act2Reveal, Some(true)),
    ] {
        assert!(markers().contains(&marker));
        let mut app = headless_app();
        app.insert_resource(Demo::goto(marker));
        for _ in 0..200 {
            app.update();
            if app.world().resource::<Demo>().reached {
                break;
            }
        }
        app.update();
        assert!(app.world().resource::<Demo>().reached, "{marker}");
        assert_eq!(
            *app.world().resource::<State<Phase>>().get(),
            phase,
            "{marker}"
        );
        if let Some(v) = valid {
            assert_eq!(
                app.world().resource::<Physics>().0.system_valid,
                v,
                "{marker}"
            );
        }
    }
}

#[test]
fn any_key_hands_control_back() {
    let mut app = headless_app();
    app.init_resource::<ButtonInput<KeyCode>>();
    app.insert_resource(Demo::autoplay(1.0));
    app.update();
    assert!(app.world().get_resource::<Demo>().is_some());
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::KeyX);
    app.update();
    assert!(app.world().get_resource::<Demo>().is_none());
}
