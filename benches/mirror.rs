//! The web accessibility mirror's pure half, a frame: egui sends its whole AccessKit tree every
//! frame, and the mirror works out what the page must change. A tree the size of the Act II
//! design screen (344 nodes; the browser test measured 343): unchanged, and with some labels
//! changed (the live instruments' figures). Target: well under the 1 ms a frame the whole
//! mirror (with its page writes) may take in the browser.

use architects_audit::a11y_mirror::Mirror;
use bevy_egui::egui::accesskit::{Action, Node, NodeId, Rect, Role, Tree, TreeId, TreeUpdate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const NODES: u64 = 344;

/// A root with 7 containers of 48 widgets: labels, buttons, sliders, radio buttons.
fn frame(changed: u64) -> TreeUpdate {
    let mut nodes = Vec::new();
    let containers: Vec<u64> = (0..7).map(|c| 2 + c * 49).collect();
    let mut root = Node::new(Role::Window);
    root.set_children(containers.iter().map(|c| NodeId(*c)).collect::<Vec<_>>());
    nodes.push((NodeId(1), root));
    for &c in &containers {
        let kids: Vec<u64> = (1..=48).map(|k| c + k).collect();
        let mut n = Node::new(Role::GenericContainer);
        n.set_bounds(Rect::new(
            0.0,
            c as f64 * 10.0,
            560.0,
            c as f64 * 10.0 + 480.0,
        ));
        n.set_children(kids.iter().map(|k| NodeId(*k)).collect::<Vec<_>>());
        nodes.push((NodeId(c), n));
        for k in kids {
            let mut w = match k % 4 {
                0 => Node::new(Role::Button),
                1 => {
                    let mut s = Node::new(Role::Slider);
                    s.set_min_numeric_value(1.0);
                    s.set_max_numeric_value(16.0);
                    s.set_numeric_value(2.0);
                    s
                }
                2 => Node::new(Role::RadioButton),
                _ => Node::new(Role::Label),
            };
            w.set_bounds(Rect::new(
                8.0,
                k as f64 * 10.0,
                500.0,
                k as f64 * 10.0 + 18.0,
            ));
            w.add_action(Action::Focus);
            let figure = if k < changed {
                format!(" {}", k * 7)
            } else {
                String::new()
            };
            w.set_label(format!("Widget {k}: a name of ordinary length{figure}"));
            nodes.push((NodeId(k), w));
        }
    }
    assert_eq!(nodes.len() as u64, NODES);
    TreeUpdate {
        nodes,
        tree: Some(Tree::new(NodeId(1))),
        tree_id: TreeId::ROOT,
        focus: NodeId(1),
    }
}

fn bench(c: &mut Criterion) {
    let (same, changed) = (frame(0), frame(8));
    let mut m = Mirror::new();
    m.update(&same, 1.0);
    c.bench_function("mirror/344-nodes/unchanged", |b| {
        b.iter(|| black_box(m.update(black_box(&same), 1.0)))
    });
    c.bench_function("mirror/344-nodes/labels-change", |b| {
        b.iter(|| {
            black_box(m.update(black_box(&changed), 1.0));
            black_box(m.update(black_box(&same), 1.0))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
