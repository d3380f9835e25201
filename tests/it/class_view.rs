//! The instructor's class view in the game: it never writes to a store, names no student
//! unless asked, steps through students, and lights the tier nodes by the class's answers.

use std::path::PathBuf;

use architects_audit::cli::class_cmd;
use architects_audit::lab::class_view::{ClassMsg, ClassView};
use architects_audit::ledger::{keep, parse_str};
use architects_audit::physics::{PhysicsModel, Scenario};
use architects_audit::platform::storage::Store;
use architects_audit::testing::headless_app_for;
use architects_audit::theme::Palette;
use architects_audit::ui::class_panel;
use architects_audit::world::{TierNode, TierState};
use bevy::prelude::*;

fn class(show_names: bool) -> ClassView {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/class");
    let loaded = class_cmd::load(&[dir]);
    ClassView::new(loaded.students, loaded.unreadable, show_names)
}

fn options(view: ClassView) -> architects_audit::LaunchOptions {
    architects_audit::LaunchOptions {
        class: Some(view),
        ..architects_audit::LaunchOptions::new(Scenario::builtin(), PhysicsModel::Systems)
    }
}

/// All the text the class panel draws.
fn drawn(v: &ClassView) -> String {
    crate::captions::drawn_text(|ui| {
        class_panel(ui, v, &Scenario::builtin(), &Palette::PROJECTOR);
    })
}

#[test]
fn the_class_view_never_opens_the_store() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut st = Store::open(Some(dir.path().into())).unwrap();
        keep::save(&mut st, &parse_str(crate::store::LIST).unwrap().ledger).unwrap();
    }
    let file = dir
        .path()
        .join(architects_audit::platform::storage::FILE_NAME);
    let before = std::fs::read(&file).unwrap();
    let mut app = headless_app_for(&options(class(false)), dir.path().into());
    for msg in [
        ClassMsg::Next,
        ClassMsg::Next,
        ClassMsg::Previous,
        ClassMsg::Summary,
    ] {
        app.world_mut().write_message(msg);
        app.update();
    }
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the store file is untouched"
    );
    drop(Store::open(Some(dir.path().into())).expect("the class view does not hold the store"));
}

#[test]
fn stepping_goes_through_students_and_back_to_the_class() {
    let mut app = headless_app_for(&options(class(false)), tempfile::tempdir().unwrap().keep());
    let selected = |app: &App| app.world().resource::<ClassView>().selected;
    let step = |app: &mut App, m: ClassMsg| {
        app.world_mut().write_message(m);
        app.update();
    };
    app.update();
    assert_eq!(selected(&app), None, "the class summary first");
    step(&mut app, ClassMsg::Next);
    assert_eq!(selected(&app), Some(0));
    step(&mut app, ClassMsg::Previous);
    assert_eq!(selected(&app), Some(4), "wraps to the last of five");
    step(&mut app, ClassMsg::Next);
    assert_eq!(selected(&app), Some(0));
    step(&mut app, ClassMsg::Summary);
    assert_eq!(selected(&app), None);
}

#[test]
fn tier_nodes_are_lit_by_the_tier_students_named_hardest() {
    // First attempts: tiny_oom twice, cloud_oom once (the cloud_oom of a second attempt does
    // not count): TinyML full, the cloud half, edge and mobile dark.
    let mut app = headless_app_for(&options(class(false)), tempfile::tempdir().unwrap().keep());
    for _ in 0..3 {
        app.update();
    }
    let mut load = [f32::NAN; 4];
    let mut q = app.world_mut().query::<(&TierNode, &TierState)>();
    for (n, st) in q.iter(app.world()) {
        load[n.0] = st.0.load;
    }
    assert_eq!(load, [0.5, 0.0, 0.0, 1.0]);
    let mut q = app.world_mut().query::<(&TierNode, &TierState)>();
    let tiny = q
        .iter(app.world())
        .find(|(n, _)| n.0 == 3)
        .map(|(_, s)| s.0.line.clone())
        .unwrap();
    assert_eq!(tiny, "2 of 3 named it hardest");
}

#[test]
fn students_are_anonymous_unless_names_are_asked_for() {
    let mut v = class(false);
    v.selected = Some(0);
    let text = drawn(&v);
    assert!(text.contains("Student 1 of 5"), "{text}");
    for name in ["alice", "carol", "dan", "class-b", "broken"] {
        assert!(
            !text.contains(name),
            "{name} shown without --show-names:\n{text}"
        );
    }
    let mut named = class(true);
    named.selected = Some(0);
    let text = drawn(&named);
    assert!(text.contains("alice.json"), "{text}");
    assert!(
        text.contains("broken.json"),
        "unreadable files listed with names"
    );
}

#[test]
fn the_summary_shows_the_class_figures() {
    let text = drawn(&class(false));
    assert!(text.contains("5 students"), "{text}");
    assert!(
        text.contains("3 submitted · 2 reached a valid design"),
        "{text}"
    );
    assert!(text.contains("Act II: 2 of 3 judged right"), "{text}");
    assert!(text.contains("Amdahl (no labs)"), "{text}");
}

#[test]
fn files_picked_on_the_web_replace_the_class() {
    // The web's picker hands the files' text over as a message; `.jsonl` by its name.
    let mut app = headless_app_for(
        &options(ClassView::new(Vec::new(), Vec::new(), false)),
        tempfile::tempdir().unwrap().keep(),
    );
    app.update();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/class");
    let files: Vec<(String, String)> = ["alice.json", "broken.json", "section-b/class-b.jsonl"]
        .iter()
        .map(|f| (f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap()))
        .collect();
    app.world_mut().write_message(ClassMsg::Load(files));
    app.update();
    let v = app.world().resource::<ClassView>();
    assert_eq!(v.report.n_students, 3, "alice and two readable lines");
    let bad: Vec<&str> = v
        .report
        .unreadable
        .iter()
        .map(|u| u.file.as_str())
        .collect();
    assert_eq!(bad, ["broken.json", "section-b/class-b.jsonl:3"]);
}

#[test]
fn arrow_keys_step_through_the_students() {
    let mut app = headless_app_for(&options(class(false)), tempfile::tempdir().unwrap().keep());
    app.init_resource::<ButtonInput<KeyCode>>();
    app.update();
    let press = |app: &mut App, k: KeyCode| {
        let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        keys.release_all();
        keys.clear();
        keys.press(k);
        app.update();
    };
    press(&mut app, KeyCode::ArrowRight);
    press(&mut app, KeyCode::ArrowRight);
    assert_eq!(app.world().resource::<ClassView>().selected, Some(1));
    press(&mut app, KeyCode::ArrowLeft);
    assert_eq!(app.world().resource::<ClassView>().selected, Some(0));
    press(&mut app, KeyCode::Home);
    assert_eq!(app.world().resource::<ClassView>().selected, None);
    // A focused control (the UI scale slider, the side panel's edge) keeps the arrows.
    app.world_mut()
        .resource_mut::<architects_audit::lab::game::ControlFocused>()
        .0 = true;
    press(&mut app, KeyCode::ArrowRight);
    assert_eq!(app.world().resource::<ClassView>().selected, None);
}

/// The class of `tests/fixtures/designs` (read order: Zoë, ana, ben, chen, eve).
fn designs_class() -> ClassView {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/designs");
    let loaded = class_cmd::load(&[dir]);
    ClassView::new(loaded.students, loaded.unreadable, false)
}

fn node_views(app: &mut App) -> [architects_audit::world::TierView; 4] {
    let mut q = app.world_mut().query::<(&TierNode, &TierState)>();
    let mut out: Vec<_> = q
        .iter(app.world())
        .map(|(n, s)| (n.0, s.0.clone()))
        .collect();
    out.sort_by_key(|(i, _)| *i);
    std::array::from_fn(|i| out[i].1.clone())
}

#[test]
fn stepping_to_a_student_draws_their_design_from_the_same_physics() {
    use architects_audit::lab::game::{CurrentDesign, Physics};
    use architects_audit::physics::{Design, Quant, Serving, evaluate};
    use architects_audit::world::{TierStatus, WorldPicture, tier_views};
    let dir = tempfile::tempdir().unwrap();
    {
        let mut st = Store::open(Some(dir.path().into())).unwrap();
        keep::save(&mut st, &parse_str(crate::store::LIST).unwrap().ledger).unwrap();
    }
    let file = dir
        .path()
        .join(architects_audit::platform::storage::FILE_NAME);
    let before = std::fs::read(&file).unwrap();
    let mut app = headless_app_for(&options(designs_class()), dir.path().into());
    let step = |app: &mut App, m: ClassMsg| {
        app.world_mut().write_message(m);
        for _ in 0..3 {
            app.update();
        }
    };
    step(&mut app, ClassMsg::Summary);
    assert!(
        node_views(&mut app)
            .iter()
            .all(|v| v.status == TierStatus::Class),
        "the class summary lights the nodes by the class's answers"
    );
    // Student 3 (ben): 2 GPUs, FP16 weights and KV, static batches, a 10M ternary TinyML.
    for _ in 0..3 {
        step(&mut app, ClassMsg::Next);
    }
    let ben = Design {
        n_h100: 2,
        quant_cloud: Quant::Fp16,
        kv_quant: Quant::Fp16,
        serving: Serving::Static,
        quant_edge: Quant::Int8,
        quant_mobile: Quant::Int4,
        tiny_params: 10e6,
        tiny_quant: Quant::Ternary,
        retrain_cadence_days: 30,
        fairness_threshold_pct: 10,
    };
    assert_eq!(app.world().resource::<CurrentDesign>().0, ben);
    let views = node_views(&mut app);
    assert_eq!(
        views[3].status,
        TierStatus::Fail,
        "his TinyML overflows its SRAM"
    );
    assert_eq!(
        views[0].status,
        TierStatus::Fail,
        "his cloud misses the P99 SLO"
    );
    // Student 1 (Zoë): the passing design, drawn as the lab draws it.
    step(&mut app, ClassMsg::Summary);
    step(&mut app, ClassMsg::Next);
    let d = app.world().resource::<CurrentDesign>().0;
    assert_eq!(
        (d.n_h100, d.serving, d.tiny_params),
        (12, Serving::Continuous, 1e5)
    );
    let expected = evaluate(&Scenario::builtin(), &d, PhysicsModel::Systems);
    assert_eq!(app.world().resource::<Physics>().0, expected);
    assert_eq!(node_views(&mut app), tier_views(&expected, true));
    assert!(app.world().resource::<WorldPicture>().0.is_some());
    // Student 4 (chen) has no chapter 16, and Student 5's record (eve) holds only the
    // notebook's keys: the class's view again, never a guessed design.
    for _ in 0..3 {
        step(&mut app, ClassMsg::Next);
    }
    assert!(
        node_views(&mut app)
            .iter()
            .all(|v| v.status == TierStatus::Class)
    );
    step(&mut app, ClassMsg::Next);
    assert!(
        node_views(&mut app)
            .iter()
            .all(|v| v.status == TierStatus::Class)
    );
    assert_eq!(app.world().resource::<WorldPicture>().0, None);
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
}

#[test]
fn a_students_panel_shows_their_design_and_what_failed_in_labels() {
    let mut v = designs_class();
    v.selected = Some(2);
    let text = drawn(&v);
    for want in [
        "2 × H100",
        "static batches",
        "Ternary",
        "10M",
        "TinyML SRAM overflow; P99 latency SLO missed",
        "The world draws this design",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
    // Eve has no labs and an old record: no made-up radar, and no drawn design.
    v.selected = Some(4);
    let text = drawn(&v);
    assert!(text.contains("no labs yet"), "{text}");
    assert!(!text.contains("% of predictions right"), "{text}");
    assert!(text.contains("does not hold the whole design"), "{text}");
}

#[test]
fn the_summary_names_tiers_and_says_whom_the_weakest_chart_counts() {
    let text = drawn(&designs_class());
    assert!(
        text.contains("Counted 3 of 5 students (the others have no labs 1–15)."),
        "{text}"
    );
    assert!(text.contains("TinyML"), "{text}");
    assert!(
        !text.lines().any(|l| l.trim() == "tiny"),
        "a raw key:\n{text}"
    );
}
