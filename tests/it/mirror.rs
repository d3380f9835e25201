//! The web build's accessibility mirror (`a11y_mirror`), its pure half: what the page holds for
//! each node of egui's AccessKit tree, and that each frame changes only what changed. The
//! panels' own tree is mirrored too: the Act I question is a radio group of four named answers,
//! the lock a button, the design's sliders ranges with their values.

use architects_audit::a11y_mirror::{DomOp, Mirror, Spec, Tag, spec_of};
use architects_audit::lab::flow::Phase;
use architects_audit::lab::prefs::Prefs;
use architects_audit::ui::Form;
use bevy_egui::egui::accesskit::{Action, Node, NodeId, Role, Toggled, Tree, TreeId, TreeUpdate};

use crate::panels::Panels;

fn tree(nodes: Vec<(u64, Node)>, focus: u64) -> TreeUpdate {
    TreeUpdate {
        nodes: nodes.into_iter().map(|(i, n)| (NodeId(i), n)).collect(),
        tree: Some(Tree::new(NodeId(1))),
        tree_id: TreeId::ROOT,
        focus: NodeId(focus),
    }
}

fn node(role: Role, label: Option<&str>, children: &[u64]) -> Node {
    let mut n = Node::new(role);
    if let Some(l) = label {
        n.set_label(l);
    }
    n.set_children(children.iter().map(|c| NodeId(*c)).collect::<Vec<_>>());
    n
}

fn window(label: &str) -> Vec<(u64, Node)> {
    let mut radio = node(Role::RadioButton, Some("A) Memory bandwidth"), &[]);
    radio.set_toggled(Toggled::True);
    radio.add_action(Action::Focus);
    radio.add_action(Action::Click);
    let mut slider = node(Role::Slider, Some("H100 GPUs"), &[]);
    slider.set_min_numeric_value(1.0);
    slider.set_max_numeric_value(16.0);
    slider.set_numeric_value_step(1.0);
    slider.set_numeric_value(2.0);
    vec![
        (1, node(Role::Window, None, &[2, 5, 6])),
        (2, node(Role::RadioGroup, Some("Which invariant?"), &[3, 4])),
        (3, radio),
        (4, node(Role::RadioButton, Some("B) Queueing"), &[])),
        (5, node(Role::Button, Some(label), &[])),
        (6, slider),
    ]
}

fn spec(ops: &[DomOp], id: u64) -> &Spec {
    ops.iter()
        .find_map(|o| match o {
            DomOp::Set { id: i, spec } if *i == NodeId(id) => Some(spec),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no spec for node {id}"))
}

fn attr<'a>(s: &'a Spec, name: &str) -> Option<&'a str> {
    s.attrs
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_tree_becomes_elements_with_roles_names_states_and_values() {
    let mut m = Mirror::new();
    let ops = m.update(&tree(window("Lock my prediction"), 3), 1.0);
    assert_eq!(m.len(), 6);
    assert_eq!(attr(spec(&ops, 2), "role"), Some("radiogroup"));
    assert_eq!(attr(spec(&ops, 2), "aria-label"), Some("Which invariant?"));
    let radio = spec(&ops, 3);
    assert_eq!(
        (attr(radio, "role"), attr(radio, "aria-checked")),
        (Some("radio"), Some("true"))
    );
    assert_eq!(radio.text.as_deref(), Some("A) Memory bandwidth"));
    assert!(radio.focusable);
    let lock = spec(&ops, 5);
    assert_eq!(
        (lock.tag, lock.text.as_deref()),
        (Tag::Button, Some("Lock my prediction"))
    );
    let gpus = spec(&ops, 6);
    assert_eq!(gpus.tag, Tag::Range);
    assert_eq!(
        ["min", "max", "step", "value", "aria-label"].map(|a| attr(gpus, a)),
        [
            Some("1"),
            Some("16"),
            Some("1"),
            Some("2"),
            Some("H100 GPUs")
        ]
    );
    assert!(ops.contains(&DomOp::Place {
        parent: None,
        children: vec![NodeId(1)]
    }));
    assert!(ops.contains(&DomOp::Place {
        parent: Some(NodeId(2)),
        children: vec![NodeId(3), NodeId(4)]
    }));
    assert!(ops.contains(&DomOp::Focus { id: NodeId(3) }));
}

#[test]
fn an_unchanged_frame_writes_nothing_and_a_change_writes_only_itself() {
    let mut m = Mirror::new();
    m.update(&tree(window("Lock my prediction"), 3), 1.0);
    // egui sends the whole tree every frame: the same tree again changes nothing.
    assert_eq!(
        m.update(&tree(window("Lock my prediction"), 3), 1.0),
        vec![]
    );
    let ops = m.update(&tree(window("Prediction locked"), 3), 1.0);
    assert_eq!(ops.len(), 1, "{ops:?}");
    assert_eq!(spec(&ops, 5).text.as_deref(), Some("Prediction locked"));
    // A node dropped from its parent leaves the page; the parent is reordered.
    let mut nodes = window("Prediction locked");
    nodes[0].1 = node(Role::Window, None, &[2, 5]);
    nodes.retain(|(i, _)| *i != 6);
    let ops = m.update(&tree(nodes, 5), 1.0);
    assert!(ops.contains(&DomOp::Remove { id: NodeId(6) }), "{ops:?}");
    assert!(ops.contains(&DomOp::Focus { id: NodeId(5) }));
    assert_eq!(m.len(), 5);
}

#[test]
fn elements_sit_at_their_bounds_in_their_parents_frame() {
    let mut parent = node(Role::GenericContainer, None, &[2]);
    parent.set_bounds(bevy_egui::egui::accesskit::Rect::new(
        10.0, 20.0, 410.0, 220.0,
    ));
    let mut child = node(Role::Button, Some("Begin"), &[]);
    child.set_bounds(bevy_egui::egui::accesskit::Rect::new(
        16.0, 30.0, 116.0, 50.0,
    ));
    let mut m = Mirror::new();
    let ops = m.update(&tree(vec![(1, parent), (2, child)], 1), 1.5);
    let b = spec(&ops, 2).bounds.unwrap();
    // UI scale 1.5: CSS pixels are points × 1.5 (whole), measured from the parent's corner.
    assert_eq!((b.x, b.y, b.w, b.h), (9.0, 15.0, 150.0, 30.0));
}

#[test]
fn an_element_under_a_container_without_bounds_is_placed_from_the_nearest_one_with_them() {
    // A landmark with bounds, a layout container without, and a button inside: the
    // container's element sits at the landmark's corner, so the button is measured from there
    // (the landmark's offset counted once).
    let mut landmark = node(Role::Main, Some("Lab"), &[3]);
    landmark.set_bounds(bevy_egui::egui::accesskit::Rect::new(
        0.0, 340.0, 390.0, 844.0,
    ));
    let mut button = node(Role::Button, Some("Begin"), &[]);
    button.set_bounds(bevy_egui::egui::accesskit::Rect::new(
        16.0, 795.0, 125.0, 840.0,
    ));
    let nodes = vec![
        (1, node(Role::Window, None, &[2])),
        (2, landmark),
        (3, node(Role::GenericContainer, None, &[4])),
        (4, button),
    ];
    let mut m = Mirror::new();
    let ops = m.update(&tree(nodes, 1), 1.0);
    let b = spec(&ops, 4).bounds.unwrap();
    assert_eq!(
        (b.x, b.y),
        (16.0, 455.0),
        "the landmark's offset counted once"
    );
}

/// The lab's own tree at a phase, as the web build mirrors it.
fn mirrored(phase: Phase) -> Vec<(NodeId, Spec)> {
    let mut panels = Panels::at(phase).with_sample_ledger();
    let (full, _) = panels.laid_out(&Prefs::default(), 1366.0, 768.0, Form::Wide, |ctx| {
        ctx.enable_accesskit();
    });
    let update = full.platform_output.accesskit_update.expect("AccessKit on");
    let _ = spec_of;
    let mut m = Mirror::new();
    m.update(&update, 1.0)
        .into_iter()
        .filter_map(|o| match o {
            DomOp::Set { id, spec } => Some((id, spec)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_act_one_question_is_a_radio_group_of_four_named_answers_with_a_lock_button() {
    let specs = mirrored(Phase::Act1Predict);
    let group = specs
        .iter()
        .find(|(_, s)| attr(s, "role") == Some("radiogroup"))
        .expect("a radio group");
    assert!(
        attr(&group.1, "aria-label")
            .unwrap()
            .contains("underestimate"),
        "{group:?}"
    );
    let radios: Vec<&Spec> = specs
        .iter()
        .filter(|(_, s)| attr(s, "role") == Some("radio"))
        .map(|(_, s)| s)
        .collect();
    assert_eq!(radios.len(), 4);
    let mut names: Vec<&str> = radios
        .iter()
        .map(|r| r.text.as_deref().or(attr(r, "aria-label")).unwrap_or(""))
        .collect();
    names.sort_unstable();
    for (name, letter) in names.iter().zip(["A)", "B)", "C)", "D)"]) {
        assert!(name.starts_with(letter), "{name}");
    }
    assert!(radios.iter().all(|r| attr(r, "aria-checked").is_some()));
    assert!(
        specs
            .iter()
            .any(|(_, s)| s.tag == Tag::Button && s.text.as_deref() == Some("Lock my prediction")),
        "the lock button"
    );
    assert!(
        specs
            .iter()
            .any(|(_, s)| attr(s, "role") == Some("heading") && attr(s, "aria-level") == Some("1")),
        "the phase's heading"
    );
    assert!(
        specs.iter().any(|(_, s)| attr(s, "role") == Some("main")),
        "the panel's landmark"
    );
}

#[test]
fn the_design_controls_are_ranges_with_names_and_values() {
    let specs = mirrored(Phase::Act2Design);
    let ranges: Vec<&Spec> = specs
        .iter()
        .filter(|(_, s)| s.tag == Tag::Range)
        .map(|(_, s)| s)
        .collect();
    let gpus = ranges
        .iter()
        .find(|s| attr(s, "aria-label") == Some("H100 GPUs"))
        .expect("the GPU slider");
    assert_eq!(attr(gpus, "value"), Some("2"));
    assert!(ranges.len() >= 4, "{} sliders", ranges.len());
    assert!(
        specs.iter().any(|(_, s)| attr(s, "role") == Some("region")),
        "the world in words"
    );
    assert!(
        specs
            .iter()
            .any(|(_, s)| attr(s, "role") == Some("contentinfo")),
        "the HUD"
    );
}
