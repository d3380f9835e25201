//! The two-act flow, walked headlessly through messages.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, FlowMsg, Phase, Predictions};
use architects_audit::lab::game::{DesignMsg, Physics};
use architects_audit::ledger::store::LedgerState;
use architects_audit::physics::Banner;
use architects_audit::testing::headless_app;
use bevy::prelude::*;

fn phase(app: &App) -> Phase {
    *app.world().resource::<State<Phase>>().get()
}

fn send(app: &mut App, m: FlowMsg) {
    app.world_mut().write_message(m);
    // The state change lands on the next frame.
    app.update();
    app.update();
}

use architects_audit::lab::demo::winning_design;

#[test]
fn act1_cannot_reveal_before_the_lock_and_the_lock_holds() {
    let mut app = headless_app();
    app.update();
    assert_eq!(phase(&app), Phase::Intro);
    send(&mut app, FlowMsg::ToAct2);
    assert_eq!(phase(&app), Phase::Intro, "no skipping ahead");
    send(&mut app, FlowMsg::Begin);
    assert_eq!(phase(&app), Phase::Act1Predict);
    assert!(!phase(&app).report_open());
    send(&mut app, FlowMsg::ToAct2);
    assert_eq!(
        phase(&app),
        Phase::Act1Predict,
        "the report needs a locked prediction"
    );
    send(&mut app, FlowMsg::LockAct1(Act1Choice::Queuing));
    assert_eq!(phase(&app), Phase::Act1Report);
    assert!(phase(&app).report_open());
    send(&mut app, FlowMsg::LockAct1(Act1Choice::Drift));
    assert_eq!(
        app.world().resource::<Predictions>().act1,
        Some(Act1Choice::Queuing)
    );
}

#[test]
fn act2_instruments_are_hidden_until_its_lock() {
    let mut app = headless_app();
    for m in [
        FlowMsg::Begin,
        FlowMsg::LockAct1(Act1Choice::MemoryBw),
        FlowMsg::ToAct2,
    ] {
        send(&mut app, m);
    }
    assert_eq!(phase(&app), Phase::Act2Brief);
    assert!(!phase(&app).instruments_open());
    send(&mut app, FlowMsg::Finish);
    assert_eq!(
        phase(&app),
        Phase::Act2Brief,
        "cannot submit before predicting"
    );
    send(&mut app, FlowMsg::LockAct2(Act2Choice::TinyOom));
    assert_eq!(phase(&app), Phase::Act2Design);
    assert!(phase(&app).instruments_open());
}

#[test]
fn banners_and_the_all_clear_follow_the_design() {
    let mut app = headless_app();
    app.update();
    let r = &app.world().resource::<Physics>().0;
    assert!(r.banners.contains(&Banner::TinySram) && r.banners.contains(&Banner::P99Slo));
    app.world_mut()
        .write_message(DesignMsg::Set(winning_design()));
    app.update();
    let r = &app.world().resource::<Physics>().0;
    assert!(r.system_valid && r.banners.is_empty(), "{:?}", r.banners);
}

#[test]
fn the_whole_flow_saves_chapter_16_with_every_key_and_replays_append() {
    let mut app = headless_app();
    for m in [
        FlowMsg::Begin,
        FlowMsg::LockAct1(Act1Choice::MemoryBw),
        FlowMsg::ToAct2,
        // Under `systems` the cloud has the fewest ways to pass (the answer key).
        FlowMsg::LockAct2(Act2Choice::CloudOom),
    ] {
        send(&mut app, m);
    }
    app.world_mut()
        .write_message(DesignMsg::Set(winning_design()));
    send(&mut app, FlowMsg::Finish);
    assert_eq!(phase(&app), Phase::Act2Reveal);
    let ledger = app.world().resource::<LedgerState>();
    let entry = &ledger.ledger.history.last().unwrap();
    assert_eq!(entry.chapter, 16);
    for k in [
        "context",
        "cloud_hardware",
        "quantization_strategy",
        "serving_strategy",
        "total_cost_per_req",
        "p99_latency_ms",
        "tier_assignments",
        "retraining_cadence_days",
        "fairness_threshold_pct",
        "act1_prediction",
        "act1_correct",
        "act2_prediction",
        "act2_correct",
        "act2_result",
        "act2_decision",
        "constraint_hit",
        "system_valid",
        "labs_completed",
        "pct_correct",
        "weakest_invariant",
        "physics_model",
    ] {
        assert!(entry.design.contains_key(k), "chapter 16 lacks {k}");
    }
    assert_eq!(entry.design["context"], "all");
    assert_eq!(entry.design["cloud_hardware"], "H100x12");
    assert_eq!(entry.design["act2_result"], "feasible");
    assert_eq!(entry.design["act2_correct"], true);
    // A student with no ledger of labs 1-15 has nothing to be judged against.
    assert_eq!(entry.design["act1_correct"], serde_json::Value::Null);
    assert_eq!(entry.design["attempt"], 1);
    assert_eq!(entry.design["physics_model"], "systems");
    assert_eq!(
        ledger.save,
        architects_audit::ledger::store::SaveStatus::Saved
    );

    send(&mut app, FlowMsg::Replay);
    assert_eq!(phase(&app), Phase::Act2Design);
    app.world_mut().write_message(DesignMsg::Reset);
    send(&mut app, FlowMsg::Finish);
    let ledger = app.world().resource::<LedgerState>();
    let sixteens: Vec<_> = ledger
        .ledger
        .history
        .iter()
        .filter(|e| e.chapter == 16 && !architects_audit::lab::record::is_lock(&e.design))
        .collect();
    assert_eq!(sixteens.len(), 2, "a replay appends a new entry");
    assert_eq!(
        ledger.ledger.latest()[&16]["act2_result"],
        "infeasible",
        "the last entry wins"
    );

    assert!(
        sixteens.iter().all(|e| e.design["attempt"] == 1),
        "a replay is the same attempt"
    );
    assert!(!ledger.ledger.last_updated.is_empty());
}

/// The headless app with the flow's keys read from a keyboard the test presses.
fn keyboard_app() -> App {
    use architects_audit::lab::game::KeyboardBusy;
    use architects_audit::ui::flow_keys;
    let mut app = headless_app();
    app.init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<KeyboardBusy>()
        .add_systems(
            Update,
            flow_keys.before(architects_audit::lab::game::CoreSet::Apply),
        );
    app
}

/// Press and release `k`, a frame each.
fn press(app: &mut App, k: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(k);
    app.update();
    let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    input.release(k);
    input.clear();
    app.update();
}

#[test]
fn the_flow_can_be_played_from_the_keyboard() {
    let mut app = keyboard_app();
    app.update();
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act1Predict);
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act1Predict, "Enter alone does not lock");
    press(&mut app, KeyCode::KeyB);
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act1Report);
    assert_eq!(
        app.world().resource::<Predictions>().act1,
        Some(Act1Choice::Queuing)
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act2Brief);
    press(&mut app, KeyCode::KeyD);
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act2Design);
    // Enter asks first: the confirmation opens, and nothing is submitted.
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act2Design, "Enter submitted on its own");
    assert!(
        app.world()
            .resource::<architects_audit::ui::SubmitConfirm>()
            .open
    );
    // Its Submit (tested in `submit`) sends Finish.
    send(&mut app, FlowMsg::Finish);
    assert_eq!(phase(&app), Phase::Act2Reveal);

    // A letter and Enter in the same frame (a slow frame in a browser) still lock.
    send(&mut app, FlowMsg::NewRun);
    press(&mut app, KeyCode::Enter);
    let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    input.press(KeyCode::KeyC);
    input.press(KeyCode::Enter);
    app.update();
    app.update();
    assert_eq!(phase(&app), Phase::Act1Report);
    assert_eq!(
        app.world().resource::<Predictions>().act1,
        Some(Act1Choice::SerialFraction)
    );
}

#[test]
fn enter_on_a_focused_control_presses_only_that_control() {
    // Tab puts keyboard focus on a control; Enter then presses it (egui), and the flow's own
    // Enter must not act too, or one key would both confirm an import and lock an answer.
    use architects_audit::lab::game::ControlFocused;
    let mut app = keyboard_app();
    app.update();
    app.world_mut().resource_mut::<ControlFocused>().0 = true;
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        phase(&app),
        Phase::Intro,
        "Enter went to the focused control"
    );
    app.world_mut().resource_mut::<ControlFocused>().0 = false;
    press(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), Phase::Act1Predict);
}

#[test]
fn chapter_16_records_the_submitted_design_and_its_physics() {
    use architects_audit::physics::scenario::BUILTIN_JSON;
    use architects_audit::physics::{Quant, Scenario, Serving};
    // A scenario whose cloud is the A100: the record names the scenario's hardware.
    let mut doc: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    doc["deployment"]["cloud_hardware"] = "a100".into();
    let sc = Scenario::from_json(&doc.to_string()).unwrap();
    let mut app = architects_audit::testing::headless_app_with(
        sc,
        architects_audit::physics::PhysicsModel::Systems,
    );
    for m in [
        FlowMsg::Begin,
        FlowMsg::LockAct1(Act1Choice::Drift),
        FlowMsg::ToAct2,
        FlowMsg::LockAct2(Act2Choice::EdgeLatency),
    ] {
        send(&mut app, m);
    }
    let design = architects_audit::physics::Design {
        n_h100: 6,
        quant_cloud: Quant::Int4,
        serving: Serving::Dynamic,
        retrain_cadence_days: 45,
        fairness_threshold_pct: 4,
        ..architects_audit::physics::Design::default()
    };
    app.world_mut().write_message(DesignMsg::Set(design));
    send(&mut app, FlowMsg::Finish);
    let report = app.world().resource::<Physics>().0.clone();
    assert_eq!(report.design, design, "the design was applied");
    let ledger = app.world().resource::<LedgerState>();
    let d = &ledger.ledger.history.last().unwrap().design;
    assert_eq!(d["cloud_hardware"], "A100x6");
    assert_eq!(d["act2_decision"], "A100x6_int4_dynamic");
    assert_eq!(d["quantization_strategy"], "int4");
    assert_eq!(d["serving_strategy"], "dynamic");
    assert_eq!(d["retraining_cadence_days"], 45);
    assert_eq!(d["fairness_threshold_pct"], 4);
    assert_eq!(d["act1_prediction"], "drift");
    assert_eq!(d["act2_prediction"], "edge_latency");
    // The edge is not the tier with the fewest ways to pass: an Edge prediction is wrong.
    assert_eq!(d["act2_correct"], false);
    // The numbers are the report's, to the places the course keeps.
    let close = |k: &str, v: f64, tol: f64| {
        let got = d[k].as_f64().unwrap_or(f64::NAN);
        assert!((got - v).abs() <= tol, "{k}: recorded {got}, report {v}");
    };
    close("p99_latency_ms", report.cloud_p99_ms, 0.005);
    close("total_cost_per_req", report.cost_per_req_usd, 5e-7);
    assert_eq!(d["system_valid"], report.system_valid);
    assert_eq!(d["constraint_hit"], report.constraint_hit);
    assert_eq!(
        d["act2_result"],
        if report.system_valid {
            "feasible"
        } else {
            "infeasible"
        }
    );
    assert_eq!(
        d["tier_assignments"],
        serde_json::to_value(&report.tier_assignments).unwrap()
    );
    assert_eq!(d["labs_completed"], 0);
    assert_eq!(d["physics_model"], "systems");
}
