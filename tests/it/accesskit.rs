//! accesskit: the panels' accessibility tree, as a screen reader receives it. The panels run on
//! a bare `egui::Context` with AccessKit enabled (bevy_egui enables it only on a window with a
//! winit adapter), and the test reads `PlatformOutput::accesskit_update`: every control,
//! answer, banner and heading is there with a role and a name.

use std::collections::HashMap;

use architects_audit::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::prefs::Prefs;
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
        let update = full
            .platform_output
            .accesskit_update
            .expect("AccessKit enabled: a tree update every frame");
        nodes = update.nodes.into_iter().collect();
    }
    // A node's name as a screen reader reads it: the labels it is labelled by, then its own
    // label or value (a combo box's own label is its selected value).
    let name = |n: &Node| -> String {
        let by: Vec<&str> = n
            .labelled_by()
            .iter()
            .filter_map(|id| nodes.get(id))
            .filter_map(|l| l.label().or(l.value()))
            .collect();
        let own = n.label().or(n.value()).unwrap_or("");
        format!("{} {own}", by.join(" ")).trim().to_string()
    };
    nodes.values().map(|n| (n.role(), name(n))).collect()
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
    assert_has(&t, Role::Label, text::ACT1_QUESTION);
    for answer in text::ACT1_OPTIONS {
        assert_has(&t, Role::RadioButton, answer);
    }
    assert_has(&t, Role::Button, text::LOCK);
    assert_has(&t, Role::Label, text::ACT1_TITLE);
}

#[test]
fn accesskit_design_controls_and_banners_are_named() {
    let t = tree(Phase::Act2Design, Design::default());
    for slider in [
        text::LABEL_GPUS,
        text::LABEL_CADENCE,
        text::LABEL_FAIRNESS,
        text::LABEL_TINY_PARAMS,
    ] {
        assert_has(&t, Role::Slider, slider);
    }
    for combo in [
        text::LABEL_MODEL,
        text::LABEL_Q_CLOUD,
        text::LABEL_Q_EDGE,
        text::LABEL_Q_MOBILE,
        text::LABEL_KV,
        text::LABEL_TINY_QUANT,
    ] {
        assert_has(&t, Role::ComboBox, combo);
    }
    assert_has(&t, Role::Button, text::FINISH);
    // The default design fails: each banner's title is read out, with its mark.
    let report = physics::evaluate(
        &Scenario::builtin(),
        &Design::default(),
        PhysicsModel::Systems,
    );
    assert!(!report.banners.is_empty());
    for b in &report.banners {
        assert_has(&t, Role::Label, text::banner_title(*b));
    }
    // The world, in words: each tier's status and why.
    for tier in text::TIER_NAMES {
        assert_has(&t, Role::Label, &format!("{tier}:"));
    }
    assert_has(&t, Role::Label, text::TIER_OOM);
}
