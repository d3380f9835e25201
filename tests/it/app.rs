//! Headless app tests: the core plugin through `app.update()`.

use architects_audit::lab::game::{ActiveModel, CurrentDesign, DesignMsg, Physics};
use architects_audit::physics::{Design, PhysicsModel, Quant, Serving};
use architects_audit::testing::headless_app;

#[test]
fn a_design_message_updates_the_physics_in_the_same_frame() {
    let mut app = headless_app();
    app.update();
    let before = app.world().resource::<Physics>().0.clone();
    assert_eq!(before.design, Design::default());
    let d = Design {
        n_h100: 8,
        quant_cloud: Quant::Int8,
        serving: Serving::Continuous,
        ..Design::default()
    };
    app.world_mut().write_message(DesignMsg::Set(d));
    app.update();
    let after = &app.world().resource::<Physics>().0;
    assert_eq!(after.design, d);
    // The whole report is the new design's, in this very frame (no stale field).
    let fresh = architects_audit::physics::evaluate(
        &architects_audit::physics::Scenario::builtin(),
        &d,
        PhysicsModel::Systems,
    );
    assert_eq!(after, &fresh);
    // (Eight GPUs with INT8 weights and continuous batching wait far less than two at FP16.)
    assert!(after.cloud_p99_ms < before.cloud_p99_ms / 2.0);
}

#[test]
fn reset_restores_the_defaults_and_model_switch_recomputes() {
    let mut app = headless_app();
    app.world_mut().write_message(DesignMsg::Set(Design {
        n_h100: 5,
        ..Design::default()
    }));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0.n_h100, 5);
    app.world_mut().write_message(DesignMsg::Reset);
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0, Design::default());

    app.world_mut()
        .write_message(DesignMsg::SetModel(PhysicsModel::CourseDraft));
    app.update();
    assert_eq!(
        app.world().resource::<ActiveModel>().0,
        PhysicsModel::CourseDraft
    );
    assert_eq!(
        app.world().resource::<Physics>().0.model,
        PhysicsModel::CourseDraft
    );
}

#[test]
fn the_course_model_brings_the_cluster_within_its_own_slider() {
    let mut app = headless_app();
    let twelve = Design {
        n_h100: 12,
        ..Design::default()
    };
    app.world_mut().write_message(DesignMsg::Set(twelve));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0.n_h100, 12);
    // The seed's slider stops at 8 GPUs; its formulas are checked up to there.
    app.world_mut()
        .write_message(DesignMsg::SetModel(PhysicsModel::CourseDraft));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0.n_h100, 8);
    assert_eq!(app.world().resource::<Physics>().0.design.n_h100, 8);
    // Back on `systems`, the cluster stays as it is: nothing grows by itself.
    app.world_mut()
        .write_message(DesignMsg::SetModel(PhysicsModel::Systems));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0.n_h100, 8);
}

#[test]
fn an_invalid_design_is_refused() {
    let mut app = headless_app();
    app.world_mut().write_message(DesignMsg::Set(Design {
        n_h100: 0,
        ..Design::default()
    }));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().0.n_h100, 2);
}
