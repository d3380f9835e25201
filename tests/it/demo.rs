//! The demo autoplay walks both acts unattended, and its markers reach the states the
//! screenshots need.

use std::time::Duration;

use architects_audit::demo::{Demo, markers};
use architects_audit::flow::Phase;
use architects_audit::game::Physics;
use architects_audit::ledger::store::LedgerState;
use architects_audit::testing::headless_app;
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
    for p in [
        Phase::Intro,
        Phase::Act1Predict,
        Phase::Act1Report,
        Phase::Act2Brief,
        Phase::Act2Design,
        Phase::Act2Reveal,
    ] {
        assert!(seen.contains(&p), "never reached {p:?}");
    }
    assert!(valid_seen, "the demo reaches a valid design");
    let ledger = app.world().resource::<LedgerState>();
    assert!(
        ledger.ledger.latest().contains_key(&16),
        "the demo's submission is saved"
    );
}

#[test]
fn markers_reach_their_states() {
    for (marker, phase, valid) in [
        ("act1-report", Phase::Act1Report, None),
        ("act2-fail", Phase::Act2Design, Some(false)),
        ("act2-pass", Phase::Act2Design, Some(true)),
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
