//! Submitting the graded attempt asks first: the button and Enter open a confirmation that
//! says whether the design passes and what fails; only its Submit submits.

use std::collections::HashMap;

use architects_audit::lab::flow::{Act1Choice, Act2Choice, FlowMsg, Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::text;
use architects_audit::ui::{apply_style, lay_out};
use bevy_egui::egui;
use egui::accesskit::{Node, NodeId, Role};

use crate::panels::Panels;

/// The Act II design panels at 1366x768, driven frame by frame with pointer clicks.
struct Screen {
    panels: Panels,
    ctx: egui::Context,
    nodes: HashMap<NodeId, Node>,
    flow: Vec<FlowMsg>,
}

impl Screen {
    fn new(design: Design) -> Self {
        let preds = Predictions {
            act1: Some(Act1Choice::MemoryBw),
            act2: Some(Act2Choice::TinyOom),
            attempt: None,
        };
        let panels = Panels::new(
            Scenario::builtin(),
            Phase::Act2Design,
            design,
            PhysicsModel::Systems,
            preds,
        );
        let ctx = egui::Context::default();
        apply_style(&ctx, &Prefs::default());
        ctx.enable_accesskit();
        let mut s = Screen {
            panels,
            ctx,
            nodes: HashMap::new(),
            flow: Vec::new(),
        };
        s.frame(vec![]);
        s.frame(vec![]);
        s
    }

    fn frame(&mut self, events: Vec<egui::Event>) {
        let mut c = self.panels.ctx();
        self.ctx.begin_pass(egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1366.0, 768.0),
            )),
            events,
            ..Default::default()
        });
        lay_out(&self.ctx, &mut c, &Prefs::default(), None);
        self.flow.append(&mut c.flow);
        let full = self.ctx.end_pass();
        self.nodes = full
            .platform_output
            .accesskit_update
            .expect("AccessKit on")
            .nodes
            .into_iter()
            .collect();
    }

    /// Whether a node with this role and label is on screen.
    fn has(&self, role: Role, label: &str) -> bool {
        self.nodes
            .values()
            .any(|n| n.role() == role && n.label().or(n.value()).is_some_and(|l| l.contains(label)))
    }

    /// Click the button labelled `label`.
    fn click(&mut self, label: &str) {
        let b = self
            .nodes
            .values()
            .find(|n| n.role() == Role::Button && n.label().or(n.value()) == Some(label))
            .and_then(|n| n.bounds())
            .unwrap_or_else(|| panic!("no button {label}"));
        let at = egui::pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32);
        let button = |pressed| egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        self.frame(vec![egui::Event::PointerMoved(at)]);
        self.frame(vec![button(true)]);
        self.frame(vec![button(false)]);
        self.frame(vec![]);
    }

    fn submitted(&self) -> bool {
        self.flow.contains(&FlowMsg::Finish)
    }
}

#[test]
fn submit_asks_first_and_only_its_confirmation_submits() {
    // The default design fails: the confirmation names what fails.
    let d = Design::default();
    let report = physics::evaluate(&Scenario::builtin(), &d, PhysicsModel::Systems);
    let mut s = Screen::new(d);
    assert!(!s.has(Role::Label, &text::submit_fails()));
    s.click(&text::finish());
    assert!(!s.submitted(), "one click submitted the graded attempt");
    assert!(s.panels.submit.open);
    assert!(s.has(Role::Label, &text::submit_fails()));
    for b in report.banners.iter().filter(|b| !b.is_warning()) {
        assert!(
            s.has(Role::Label, &text::banner_title(*b)),
            "{b:?} not listed"
        );
    }
    // Keep designing: closed, nothing submitted.
    s.click(&text::submit_cancel());
    assert!(!s.submitted() && !s.panels.submit.open);
    // Ask again, and confirm.
    s.click(&text::finish());
    s.click(&text::submit_confirm());
    assert_eq!(
        s.flow.iter().filter(|m| **m == FlowMsg::Finish).count(),
        1,
        "{:?}",
        s.flow
    );
    assert!(!s.panels.submit.open);
}

#[test]
fn a_second_enter_goes_back_rather_than_submitting() {
    let mut s = Screen::new(Design::default());
    // Enter in the world opens the confirmation (the game's key system does this).
    s.panels.submit.open = true;
    s.frame(vec![]);
    s.frame(vec![]);
    let enter = |pressed| egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    s.frame(vec![enter(true)]);
    s.frame(vec![enter(false)]);
    s.frame(vec![]);
    assert!(!s.submitted(), "Enter, Enter submitted");
    assert!(
        !s.panels.submit.open,
        "Enter on the focused Keep designing closes it"
    );
}

#[test]
fn a_passing_design_says_it_passes() {
    let d = Design {
        n_h100: 12,
        quant_cloud: physics::Quant::Int8,
        kv_quant: physics::Quant::Int8,
        serving: physics::Serving::Continuous,
        quant_edge: physics::Quant::Int8,
        tiny_params: 1e5,
        tiny_quant: physics::Quant::Int8,
        ..Design::default()
    };
    assert!(physics::evaluate(&Scenario::builtin(), &d, PhysicsModel::Systems).system_valid);
    let mut s = Screen::new(d);
    s.click(&text::finish());
    assert!(s.has(Role::Label, &text::submit_passes()));
    assert!(!s.has(Role::Label, &text::submit_fails()));
}

#[test]
fn tab_then_enter_confirms_from_the_keyboard() {
    let mut s = Screen::new(Design::default());
    s.panels.submit.open = true;
    s.frame(vec![]);
    s.frame(vec![]);
    let key = |key, pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    // Focus starts on Keep designing; Tab moves it to Submit, and Enter presses it.
    s.frame(vec![key(egui::Key::Tab, true)]);
    s.frame(vec![key(egui::Key::Tab, false)]);
    s.frame(vec![key(egui::Key::Enter, true)]);
    s.frame(vec![key(egui::Key::Enter, false)]);
    s.frame(vec![]);
    assert!(s.submitted(), "Tab, Enter did not submit");
    assert!(!s.panels.submit.open);
}
