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

use std::collections::{HashMap, HashSet};

use bevy_egui::egui::accesskit::{Action, Node, NodeId, Role, Toggled, TreeUpdate};

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
            // Positions are the parent's frame: elements nest as the nodes do.
            let origin = parents.get(id).and_then(|p| {
                bounds
                    .get(p)
                    .copied()
                    .flatten()
                    .or_else(|| self.bounds_of(*p))
            });
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

fn scaled(r: bevy_egui::egui::accesskit::Rect, scale: f64) -> Bounds {
    Bounds {
        x: r.x0 * scale,
        y: r.y0 * scale,
        w: (r.x1 - r.x0).max(0.0) * scale,
        h: (r.y1 - r.y0).max(0.0) * scale,
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

/// The element, role and state a node shows. `origin` is the parent's bounds (elements are
/// placed in their parent's frame).
pub fn spec_of(node: &Node, bounds: Option<Bounds>, origin: Option<Bounds>) -> Spec {
    let role = node.role();
    // egui gives a label's text as its value; its name is that text.
    let text_is_value = matches!(role, Role::Label | Role::Heading) && node.label().is_none();
    let name = node
        .label()
        .or(if text_is_value { node.value() } else { None })
        .map(str::to_owned);
    let (tag, aria_role) = element_of(role);
    let mut attrs: Vec<(&'static str, String)> = Vec::new();
    if let Some(r) = aria_role {
        attrs.push(("role", r.to_owned()));
    }
    // A node whose name is its own text shows it; a control whose text lives in its children,
    // or an input, is named by `aria-label`.
    let names_itself = matches!(
        role,
        Role::Label | Role::Heading | Role::Button | Role::Link
    ) || (tag == Tag::Div && node.children().is_empty());
    let text = match (&name, names_itself, tag) {
        (Some(n), true, Tag::Div | Tag::Button) => Some(n.clone()),
        _ => None,
    };
    if let (Some(n), None) = (&name, &text) {
        attrs.push(("aria-label", n.clone()));
    }
    state_attrs(node, role, tag, text_is_value, &mut attrs);
    let bounds = bounds.map(|b| match origin {
        Some(o) => Bounds {
            x: b.x - o.x,
            y: b.y - o.y,
            ..b
        },
        None => b,
    });
    Spec {
        tag,
        attrs,
        text,
        bounds,
        focusable: node.supports_action(Action::Focus),
    }
}

/// The element and ARIA role of an AccessKit role.
fn element_of(role: Role) -> (Tag, Option<&'static str>) {
    match role {
        Role::Button | Role::DefaultButton => (Tag::Button, None),
        Role::Slider | Role::SpinButton => (Tag::Range, None),
        Role::TextInput | Role::SearchInput => (Tag::Text, None),
        Role::MultilineTextInput => (Tag::TextArea, None),
        Role::CheckBox => (Tag::Div, Some("checkbox")),
        Role::Switch => (Tag::Div, Some("switch")),
        Role::RadioButton => (Tag::Div, Some("radio")),
        Role::RadioGroup => (Tag::Div, Some("radiogroup")),
        Role::ComboBox => (Tag::Div, Some("combobox")),
        Role::ListBox => (Tag::Div, Some("listbox")),
        Role::ListBoxOption | Role::MenuItem => (Tag::Div, Some("option")),
        Role::Link => (Tag::Div, Some("link")),
        Role::Heading => (Tag::Div, Some("heading")),
        Role::Window | Role::Dialog => (Tag::Div, Some("dialog")),
        Role::AlertDialog => (Tag::Div, Some("alertdialog")),
        Role::Alert => (Tag::Div, Some("alert")),
        Role::Status => (Tag::Div, Some("status")),
        Role::Image => (Tag::Div, Some("img")),
        Role::ProgressIndicator => (Tag::Div, Some("progressbar")),
        Role::ScrollBar => (Tag::Div, Some("scrollbar")),
        Role::Splitter => (Tag::Div, Some("separator")),
        Role::Tab => (Tag::Div, Some("tab")),
        Role::TabList => (Tag::Div, Some("tablist")),
        Role::Group => (Tag::Div, Some("group")),
        Role::Main => (Tag::Div, Some("main")),
        Role::Region => (Tag::Div, Some("region")),
        Role::ContentInfo => (Tag::Div, Some("contentinfo")),
        Role::Complementary => (Tag::Div, Some("complementary")),
        Role::Navigation => (Tag::Div, Some("navigation")),
        _ => (Tag::Div, None),
    }
}

/// Checked, selected, disabled, expanded, heading level, and a range's value.
fn state_attrs(
    node: &Node,
    role: Role,
    tag: Tag,
    text_is_value: bool,
    attrs: &mut Vec<(&'static str, String)>,
) {
    if let Some(t) = node.toggled() {
        let v = match t {
            Toggled::True => "true",
            Toggled::False => "false",
            Toggled::Mixed => "mixed",
        };
        let name = if role == Role::Switch || tag == Tag::Button {
            "aria-pressed"
        } else {
            "aria-checked"
        };
        attrs.push((name, v.to_owned()));
    }
    if let Some(s) = node.is_selected() {
        attrs.push(("aria-selected", s.to_string()));
    }
    if node.is_disabled() {
        attrs.push(("aria-disabled", "true".to_owned()));
    }
    if let Some(e) = node.is_expanded() {
        attrs.push(("aria-expanded", e.to_string()));
    }
    if role == Role::Heading {
        let level = node.level().unwrap_or(2).clamp(1, 6);
        attrs.push(("aria-level", level.to_string()));
    }
    if let Some(d) = node.description() {
        attrs.push(("aria-description", d.to_owned()));
    }
    match tag {
        Tag::Range => {
            let (min, max) = (
                node.min_numeric_value().unwrap_or(0.0),
                node.max_numeric_value().unwrap_or(100.0),
            );
            attrs.push(("min", min.to_string()));
            attrs.push(("max", max.to_string()));
            let step = node.numeric_value_step().unwrap_or((max - min) / 100.0);
            attrs.push((
                "step",
                if step > 0.0 {
                    step.to_string()
                } else {
                    "any".into()
                },
            ));
            attrs.push(("value", node.numeric_value().unwrap_or(min).to_string()));
            if let Some(v) = node.value() {
                attrs.push(("aria-valuetext", v.to_owned()));
            }
        }
        Tag::Text | Tag::TextArea => {
            attrs.push(("value", node.value().unwrap_or("").to_owned()));
        }
        Tag::Div | Tag::Button if !text_is_value => {
            if let Some(v) = node.value() {
                attrs.push(("aria-valuetext", v.to_owned()));
            }
        }
        Tag::Div | Tag::Button => {}
    }
}
