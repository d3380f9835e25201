//! An AccessKit-to-DOM mirror for egui on the web: what the browser's accessibility tree should
//! hold for each node of egui's AccessKit tree, kept in step incrementally.
//!
//! egui builds an AccessKit tree on every platform, but a browser sees only a `<canvas>`. The
//! mirror gives each AccessKit node a transparent element over the canvas, at the node's
//! bounds, with its ARIA role, name, description, state and value; sliders and text fields are
//! real `<input>` elements. This half is pure (no DOM, no game): [`Mirror::update`] turns each
//! `TreeUpdate` into the few [`DomOp`]s that change the page, comparing every node with what
//! the page already shows, so an unchanged frame writes nothing. `dom.rs` (web only) applies
//! the operations and turns the page's clicks, focus and input back into AccessKit
//! `ActionRequest`s for egui.

#[cfg(target_arch = "wasm32")]
pub mod dom;
mod spec;

pub use spec::spec_of;

use std::collections::{HashMap, HashSet};

use bevy_egui::egui::accesskit::{Node, NodeId, TreeUpdate};

/// The element a node becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Div,
    Button,
    /// `<input type="range">`
    Range,
    /// `<input type="text">`
    Text,
    /// `<textarea>`
    TextArea,
}

/// A node's bounds, in CSS pixels from the top-left of the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Everything the page shows of one node.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub tag: Tag,
    /// ARIA attributes (`role`, `aria-*`) and, for a range, `min`/`max`/`step`/`value`.
    pub attrs: Vec<(&'static str, String)>,
    /// Text content, for a node whose name is its text (a label, a heading, a button).
    pub text: Option<String>,
    pub bounds: Option<Bounds>,
    /// Whether the element takes part in Tab order (a focusable node).
    pub focusable: bool,
}

/// One change to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum DomOp {
    /// Make an element for `id` (not yet placed).
    Create { id: NodeId, tag: Tag },
    /// Show `spec` on `id`'s element.
    Set { id: NodeId, spec: Spec },
    /// Put `children`, in order, inside `parent`'s element (`None`: the mirror's root).
    Place {
        parent: Option<NodeId>,
        children: Vec<NodeId>,
    },
    /// Take `id`'s element out of the page.
    Remove { id: NodeId },
    /// egui's focus moved to `id`.
    Focus { id: NodeId },
}

struct Shown {
    /// The node as last shown, and its parent's bounds then: an equal node under a parent
    /// that has not moved shows the same (most nodes, most frames), without working it out.
    node: Node,
    origin: Option<Bounds>,
    spec: Spec,
    children: Vec<NodeId>,
}

/// What the page shows, node by node.
#[derive(Default)]
pub struct Mirror {
    shown: HashMap<NodeId, Shown>,
    root: Option<NodeId>,
    focus: Option<NodeId>,
}

impl Mirror {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many nodes the page shows.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// The operations that bring the page in step with `update`. `scale` turns AccessKit's
    /// coordinates (egui points) into CSS pixels (egui's zoom factor).
    pub fn update(&mut self, update: &TreeUpdate, scale: f64) -> Vec<DomOp> {
        let mut ops = Vec::new();
        let root_changed =
            update.tree.as_ref().map(|t| t.root) != self.root && update.tree.is_some();
        if let Some(tree) = &update.tree {
            self.root = Some(tree.root);
        }
        let bounds: HashMap<NodeId, Option<Bounds>> = update
            .nodes
            .iter()
            .map(|(id, n)| (*id, n.bounds().map(|r| scaled(r, scale))))
            .collect();
        let parents = parent_map(&update.nodes);
        for (id, node) in &update.nodes {
            // Positions are the frame of the nearest ancestor with bounds: elements nest as
            // the nodes do, and one without bounds sits at its parent's corner.
            let origin = self.origin_of(*id, &parents, &bounds);
            if self
                .shown
                .get(id)
                .is_some_and(|s| s.node == *node && s.origin == origin)
            {
                continue;
            }
            let spec = spec_of(node, bounds[id], origin);
            match self.shown.get_mut(id) {
                Some(s) if s.spec.tag == spec.tag => {
                    s.node = node.clone();
                    s.origin = origin;
                    if s.spec != spec {
                        s.spec = spec.clone();
                        ops.push(DomOp::Set { id: *id, spec });
                    }
                }
                other => {
                    if other.is_some() {
                        ops.push(DomOp::Remove { id: *id });
                    }
                    ops.push(DomOp::Create {
                        id: *id,
                        tag: spec.tag,
                    });
                    ops.push(DomOp::Set {
                        id: *id,
                        spec: spec.clone(),
                    });
                    self.shown.insert(
                        *id,
                        Shown {
                            node: node.clone(),
                            origin,
                            spec,
                            children: Vec::new(),
                        },
                    );
                }
            }
        }
        let placed = ops.len();
        self.place_children(update, root_changed, &mut ops);
        // Only a change of children can leave a node unreachable.
        if ops[placed..]
            .iter()
            .any(|o| matches!(o, DomOp::Place { .. }))
        {
            self.remove_unreachable(&mut ops);
        }
        if self.focus != Some(update.focus) {
            self.focus = Some(update.focus);
            ops.push(DomOp::Focus { id: update.focus });
        }
        ops
    }

    fn bounds_of(&self, id: NodeId) -> Option<Bounds> {
        self.shown.get(&id).and_then(|s| s.spec.bounds)
    }

    /// The bounds of `id`'s nearest ancestor that has them: from this update where it has the
    /// node, else from the page.
    fn origin_of(
        &self,
        id: NodeId,
        parents: &HashMap<NodeId, NodeId>,
        bounds: &HashMap<NodeId, Option<Bounds>>,
    ) -> Option<Bounds> {
        let mut at = id;
        // A tree is shallow; the bound only guards against a malformed one.
        for _ in 0..256 {
            let parent = parents.get(&at).copied().or_else(|| {
                self.shown
                    .iter()
                    .find(|(_, s)| s.children.contains(&at))
                    .map(|(p, _)| *p)
            })?;
            let found = match bounds.get(&parent) {
                Some(b) => *b,
                None => self.bounds_of(parent),
            };
            if found.is_some() {
                return found;
            }
            at = parent;
        }
        None
    }

    /// Reorder a node's children where they changed (and put the root in the page).
    fn place_children(&mut self, update: &TreeUpdate, root_changed: bool, ops: &mut Vec<DomOp>) {
        if root_changed && let Some(root) = self.root {
            ops.push(DomOp::Place {
                parent: None,
                children: vec![root],
            });
        }
        for (id, node) in &update.nodes {
            let s = self.shown.get_mut(id).expect("every updated node is shown");
            // (A node just made has no children in the page yet: any it has differ.)
            if s.children.as_slice() != node.children() {
                s.children = node.children().to_vec();
                ops.push(DomOp::Place {
                    parent: Some(*id),
                    children: s.children.clone(),
                });
            }
        }
    }

    /// Nodes no longer reachable from the root leave the page.
    fn remove_unreachable(&mut self, ops: &mut Vec<DomOp>) {
        let Some(root) = self.root else { return };
        let mut reachable = HashSet::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if reachable.insert(id)
                && let Some(s) = self.shown.get(&id)
            {
                stack.extend(s.children.iter().copied());
            }
        }
        let gone: Vec<NodeId> = self
            .shown
            .keys()
            .filter(|id| !reachable.contains(id))
            .copied()
            .collect();
        for id in gone {
            self.shown.remove(&id);
            ops.push(DomOp::Remove { id });
        }
    }
}

/// CSS pixels, whole: a node that moves by a fraction of a pixel keeps its element where it is.
fn scaled(r: bevy_egui::egui::accesskit::Rect, scale: f64) -> Bounds {
    Bounds {
        x: (r.x0 * scale).round(),
        y: (r.y0 * scale).round(),
        w: ((r.x1 - r.x0).max(0.0) * scale).round(),
        h: ((r.y1 - r.y0).max(0.0) * scale).round(),
    }
}

fn parent_map(nodes: &[(NodeId, Node)]) -> HashMap<NodeId, NodeId> {
    let mut out = HashMap::new();
    for (id, n) in nodes {
        for c in n.children() {
            out.insert(*c, *id);
        }
    }
    out
}
