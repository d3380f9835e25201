//! accesskit: the panels' accessibility tree, as a screen reader receives it. The panels run on
//! a bare `egui::Context` with AccessKit enabled (bevy_egui enables it only on a window with a
//! winit adapter), and the test reads `PlatformOutput::accesskit_update`: every control,
//! answer, banner and heading is there with a role and a name, and so is every stop Tab reaches.

use std::collections::HashMap;

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::text;
use architects_audit::ui::{apply_style, lay_out};
use bevy_egui::egui;

use crate::panels::Panels;
use egui::accesskit::{Node, NodeId, Role};

/// (role, name) of every node the panels publish in `phase`, with `pending` chosen.
fn tree(phase: Phase, design: Design) -> Vec<(Role, String)> {
    let preds = Predictions {
        act1: matches!(phase, Phase::Act2Design | Phase::Act2Brief).then_some(Act1Choice::MemoryBw),
        act2: (phase == Phase::Act2Design).then_some(Act2Choice::TinyOom),
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        phase,
        design,
        PhysicsModel::Systems,
        preds,
    );
    let mut c = panels.ctx();
    let prefs = Prefs::default();
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    ctx.enable_accesskit();
    let mut nodes: HashMap<NodeId, Node> = HashMap::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            // Tall, so nothing is scrolled out of the tree.
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1920.0, 6000.0),
            )),
            ..Default::default()
        };
        ctx.begin_pass(input);
        lay_out(&ctx, &mut c, &prefs, None);
        let full = ctx.end_pass();
        nodes = nodes_of(full);
    }
    nodes
        .values()
        .map(|n| (n.role(), name_of(n, &nodes)))
        .collect()
}

fn has(tree: &[(Role, String)], role: Role, name: &str) -> bool {
    tree.iter().any(|(r, n)| *r == role && n.contains(name))
}

fn assert_has(tree: &[(Role, String)], role: Role, name: &str) {
    assert!(
        has(tree, role, name),
        "no {role:?} named {name:?} in the tree; named nodes: {:?}",
        tree.iter()
            .filter(|(_, n)| !n.is_empty())
            .collect::<Vec<_>>()
    );
}

#[test]
fn accesskit_act1_question_answers_and_lock_are_named() {
    let t = tree(Phase::Act1Predict, Design::default());
    assert_has(&t, Role::Label, &text::act1_question());
    for answer in text::act1_options() {
        assert_has(&t, Role::RadioButton, &answer);
    }
    assert_has(&t, Role::Button, &text::lock());
    assert_has(&t, Role::Heading, &text::act1_title());
}

#[test]
fn accesskit_design_controls_and_banners_are_named() {
    let t = tree(Phase::Act2Design, Design::default());
    for slider in [
        text::label_gpus(),
        text::label_cadence(),
        text::label_fairness(),
        text::label_tiny_params(),
    ] {
        assert_has(&t, Role::Slider, &slider);
    }
    for combo in [
        text::label_model(),
        text::label_q_cloud(),
        text::label_q_edge(),
        text::label_q_mobile(),
        text::label_kv(),
        text::label_tiny_quant(),
    ] {
        assert_has(&t, Role::ComboBox, &combo);
    }
    assert_has(&t, Role::Button, &text::finish());
    // The default design fails: each banner's title is read out, with its mark.
    let report = physics::evaluate(
        &Scenario::builtin(),
        &Design::default(),
        PhysicsModel::Systems,
    );
    assert!(!report.banners.is_empty());
    for b in &report.banners {
        assert_has(&t, Role::Label, &text::banner_title(*b));
    }
    // The world, in words: each tier's status and why.
    for tier in architects_audit::physics::Tier::ALL.map(text::tier_name) {
        assert_has(&t, Role::Label, &format!("{tier}:"));
    }
    assert_has(&t, Role::Label, &text::tier_oom());
}

/// One key press on the panels of `phase` at 1366x768, with what followed it.
#[derive(Debug)]
struct Press {
    /// The focused control: its id, rectangle, role and name as the screen reader has them.
    focus: Option<(egui::Id, egui::Rect, Option<Role>, String)>,
    /// The side panel's width, in points.
    panel: f32,
}

/// Press each of `keys` in turn (a frame for the press, one after), on the panels of `phase`
/// with AccessKit on.
fn press_keys(phase: Phase, keys: &[egui::Key]) -> Vec<Press> {
    let preds = Predictions {
        act1: (phase != Phase::Act1Predict).then_some(Act1Choice::MemoryBw),
        act2: None,
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        phase,
        Design::default(),
        PhysicsModel::Systems,
        preds,
    );
    panels = panels.with_a_minute_of_instruments();
    let mut c = panels.ctx();
    let prefs = Prefs::default();
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    ctx.enable_accesskit();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1366.0, 768.0));
    let mut frame = |events: Vec<egui::Event>| {
        ctx.begin_pass(egui::RawInput {
            screen_rect: Some(screen),
            events,
            ..Default::default()
        });
        let layout = lay_out(&ctx, &mut c, &prefs, None);
        (ctx.end_pass(), layout.left)
    };
    frame(vec![]);
    frame(vec![]);
    let mut out = Vec::new();
    for key in keys {
        frame(vec![egui::Event::Key {
            key: *key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }]);
        let (full, panel) = frame(vec![]);
        let nodes = nodes_of(full);
        let focus = ctx.memory(|m| m.focused()).map(|id| {
            let node = nodes.get(&id.accesskit_id());
            let name = node.map(|n| name_of(n, &nodes)).unwrap_or_default();
            let rect = ctx
                .read_response(id)
                .map_or(egui::Rect::NOTHING, |r| r.rect);
            (id, rect, node.map(|n| n.role()), name)
        });
        out.push(Press { focus, panel });
    }
    out
}

/// The accessibility tree a pass published, by node.
fn nodes_of(full: egui::FullOutput) -> HashMap<NodeId, Node> {
    full.platform_output
        .accesskit_update
        .expect("AccessKit enabled: a tree update every frame")
        .nodes
        .into_iter()
        .collect()
}

/// A node's name as a screen reader reads it: the labels it is labelled by, then its own label
/// or value.
fn name_of(n: &Node, nodes: &HashMap<NodeId, Node>) -> String {
    let by: Vec<&str> = n
        .labelled_by()
        .iter()
        .filter_map(|l| nodes.get(l))
        .filter_map(|l| l.label().or(l.value()))
        .collect();
    format!("{} {}", by.join(" "), n.label().or(n.value()).unwrap_or(""))
        .trim()
        .to_string()
}

/// The controls Tab reaches once around the panels of `phase`, in order.
fn tab_stops(phase: Phase) -> Vec<(egui::Id, egui::Rect, Option<Role>, String)> {
    let mut seen = std::collections::HashSet::new();
    press_keys(phase, &[egui::Key::Tab; 60])
        .into_iter()
        .filter_map(|p| p.focus)
        .take_while(|f| seen.insert(f.0))
        .collect()
}

#[test]
fn accesskit_every_tab_stop_is_named() {
    for phase in [Phase::Act1Predict, Phase::Act1Report, Phase::Act2Design] {
        let stops = tab_stops(phase);
        let unnamed: Vec<_> = stops.iter().filter(|s| s.3.is_empty()).collect();
        assert!(
            stops.len() >= 3 && unnamed.is_empty(),
            "{phase:?}: Tab lands on {} of {} stops with no name: {unnamed:?}",
            unnamed.len(),
            stops.len()
        );
    }
}

#[test]
fn accesskit_the_side_panel_edge_is_a_splitter_the_arrows_move() {
    let stops = tab_stops(Phase::Act1Predict);
    let at = stops
        .iter()
        .position(|s| s.3 == text::panel_edge())
        .expect("Tab reaches the side panel's edge");
    assert_eq!(stops[at].2, Some(Role::Splitter));
    let mut keys = vec![egui::Key::Tab; at + 1];
    keys.extend([
        egui::Key::ArrowRight,
        egui::Key::ArrowRight,
        egui::Key::ArrowLeft,
    ]);
    let p = press_keys(Phase::Act1Predict, &keys);
    let edge = stops[at].0;
    let before = p[at].panel;
    let widths: Vec<f32> = p[at + 1..].iter().map(|p| p.panel - before).collect();
    assert!(
        p[at..]
            .iter()
            .all(|p| p.focus.as_ref().map(|f| f.0) == Some(edge)),
        "the arrows keep focus on the edge"
    );
    for (got, want) in widths.iter().zip([40.0, 80.0, 40.0]) {
        assert!(
            (got - want).abs() < 1.0,
            "widths after the arrows: {widths:?}"
        );
    }
}

#[test]
fn accesskit_the_gpu_slider_spans_the_models_own_range() {
    for (model, top) in [
        (PhysicsModel::Systems, 16.0),
        (PhysicsModel::CourseDraft, 8.0),
    ] {
        let preds = Predictions {
            act1: Some(Act1Choice::MemoryBw),
            act2: Some(Act2Choice::TinyOom),
            attempt: None,
        };
        let mut panels = Panels::new(
            Scenario::builtin(),
            Phase::Act2Design,
            Design::default(),
            model,
            preds,
        );
        let mut c = panels.ctx();
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        let mut max = None;
        for _ in 0..2 {
            ctx.begin_pass(egui::RawInput::default());
            lay_out(&ctx, &mut c, &Prefs::default(), None);
            let nodes = nodes_of(ctx.end_pass());
            max = nodes
                .values()
                .find(|n| {
                    n.role() == Role::Slider && name_of(n, &nodes).contains(&text::label_gpus())
                })
                .and_then(|n| n.max_numeric_value());
        }
        assert_eq!(max, Some(top), "{model:?}");
    }
}
