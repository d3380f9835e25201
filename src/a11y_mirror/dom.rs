//! The mirror in the page (web only): one transparent element per AccessKit node, over the
//! canvas at the node's bounds, and the page's clicks, focus, key presses and input values
//! turned back into AccessKit action requests. Plus two live regions, polite and assertive.
//!
//! The elements take no pointer events, so a mouse still reaches the canvas; a screen reader,
//! a keyboard in the mirror (Tab, Enter, Space, the arrows on a slider) and a magnifier
//! following focus reach the elements.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use bevy_egui::egui::accesskit::{Action, ActionData, ActionRequest, NodeId, TreeId};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, HtmlElement, HtmlInputElement};

use super::{DomOp, Spec, Tag};

/// Styles every mirrored element shares: placed by its bounds, invisible, not in the way.
const ELEMENT_STYLE: &str = "position:absolute;margin:0;padding:0;border:0;opacity:0;\
    overflow:hidden;white-space:nowrap;pointer-events:none;font-size:12px;";

/// A live region off screen (read aloud, never seen).
const LIVE_STYLE: &str = "position:absolute;width:1px;height:1px;overflow:hidden;\
    clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;";

type Queue = Rc<RefCell<Vec<ActionRequest>>>;

/// An element's event handler, kept alive as long as the element.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// The mirror's elements in the page.
pub struct DomMirror {
    document: Document,
    root: HtmlElement,
    elements: HashMap<NodeId, (HtmlElement, Tag)>,
    /// What each element shows now, so a change writes only its difference.
    applied: HashMap<NodeId, Spec>,
    texts: HashMap<NodeId, web_sys::Text>,
    listeners: HashMap<NodeId, Vec<Listener>>,
    actions: Queue,
    polite: HtmlElement,
    assertive: HtmlElement,
}

fn request(action: Action, id: NodeId, data: Option<ActionData>) -> ActionRequest {
    ActionRequest {
        action,
        target_tree: TreeId::ROOT,
        target_node: id,
        data,
    }
}

impl DomMirror {
    /// A mirror over the canvas `canvas_selector` (it is placed in the canvas's parent), with
    /// its live regions. `None` outside a page.
    pub fn new(canvas_selector: &str, label: &str) -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let canvas: HtmlElement = document
            .query_selector(canvas_selector)
            .ok()??
            .dyn_into()
            .ok()?;
        let parent = canvas.parent_element()?;
        let root: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
        root.set_id("a11y-mirror");
        root.set_attribute("role", "region").ok()?;
        root.set_attribute("aria-label", label).ok()?;
        root.set_attribute(
            "style",
            "position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;\
             overflow:hidden;",
        )
        .ok()?;
        parent.append_child(&root).ok()?;
        let live = |politeness: &str, role: &str| -> Option<HtmlElement> {
            let el: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
            el.set_attribute("aria-live", politeness).ok()?;
            el.set_attribute("role", role).ok()?;
            el.set_attribute("style", LIVE_STYLE).ok()?;
            el.set_id(&format!("a11y-live-{politeness}"));
            parent.append_child(&el).ok()?;
            Some(el)
        };
        let polite = live("polite", "status")?;
        let assertive = live("assertive", "alert")?;
        Some(DomMirror {
            document,
            root,
            elements: HashMap::new(),
            applied: HashMap::new(),
            texts: HashMap::new(),
            listeners: HashMap::new(),
            actions: Rc::new(RefCell::new(Vec::new())),
            polite,
            assertive,
        })
    }

    /// The action requests the page made since the last call.
    pub fn take_actions(&self) -> Vec<ActionRequest> {
        std::mem::take(&mut self.actions.borrow_mut())
    }

    /// Say `text` through the live region: assertive interrupts (a failure appearing), polite
    /// waits (everything else).
    pub fn announce(&self, text: &str, assertive: bool) {
        let region = if assertive {
            &self.assertive
        } else {
            &self.polite
        };
        // A new text node each time, so the same words said twice are said twice.
        region.set_text_content(None);
        if let Ok(t) = self.document.create_element("p") {
            t.set_text_content(Some(text));
            let _ = region.append_child(&t);
        }
    }

    /// Apply the operations of one tree update.
    pub fn apply(&mut self, ops: &[DomOp]) {
        for op in ops {
            match op {
                DomOp::Create { id, tag } => self.create(*id, *tag),
                DomOp::Set { id, spec } => self.set(*id, spec),
                DomOp::Place { parent, children } => self.place(*parent, children),
                DomOp::Remove { id } => self.remove(*id),
                DomOp::Focus { id } => self.follow_focus(*id),
            }
        }
    }

    fn create(&mut self, id: NodeId, tag: Tag) {
        let name = match tag {
            Tag::Div => "div",
            Tag::Button => "button",
            Tag::Range | Tag::Text => "input",
            Tag::TextArea => "textarea",
        };
        let Some(el) = self
            .document
            .create_element(name)
            .ok()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        if tag == Tag::Range || tag == Tag::Text {
            let kind = if tag == Tag::Range { "range" } else { "text" };
            let _ = el.set_attribute("type", kind);
        }
        let _ = el.set_attribute("data-node", &id.0.to_string());
        self.listen(id, tag, &el);
        self.elements.insert(id, (el, tag));
    }

    /// Clicks, focus, keys and input on the element become action requests.
    fn listen(&mut self, id: NodeId, tag: Tag, el: &HtmlElement) {
        let mut keep = Vec::new();
        let mut on = |event: &str, f: Box<dyn FnMut(web_sys::Event)>| {
            let c = Closure::wrap(f);
            let _ = el.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
            keep.push(c);
        };
        let q = self.actions.clone();
        on(
            "click",
            Box::new(move |_| q.borrow_mut().push(request(Action::Click, id, None))),
        );
        let q = self.actions.clone();
        on(
            "focus",
            Box::new(move |_| q.borrow_mut().push(request(Action::Focus, id, None))),
        );
        if tag == Tag::Div {
            // A div that stands for a radio button or a checkbox is pressed with Space or Enter.
            let q = self.actions.clone();
            on(
                "keydown",
                Box::new(move |e| {
                    if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>()
                        && (k.key() == " " || k.key() == "Enter")
                    {
                        e.prevent_default();
                        q.borrow_mut().push(request(Action::Click, id, None));
                    }
                }),
            );
        }
        if tag == Tag::Range {
            let q = self.actions.clone();
            on(
                "input",
                Box::new(move |e| {
                    if let Some(input) = e
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    {
                        let v = input.value_as_number();
                        if v.is_finite() {
                            q.borrow_mut().push(request(
                                Action::SetValue,
                                id,
                                Some(ActionData::NumericValue(v)),
                            ));
                        }
                    }
                }),
            );
        }
        self.listeners.insert(id, keep);
    }

    /// Show `spec` on `id`'s element, writing only what differs from what it shows.
    fn set(&mut self, id: NodeId, spec: &Spec) {
        let Some((el, tag)) = self.elements.get(&id) else {
            return;
        };
        let (el, tag) = (el.clone(), *tag);
        let old = self.applied.remove(&id);
        let old_attrs: &[(&'static str, String)] = old.as_ref().map_or(&[], |o| &o.attrs);
        if old.as_ref().is_none_or(|o| o.bounds != spec.bounds) {
            let mut style = String::from(ELEMENT_STYLE);
            if let Some(b) = spec.bounds {
                style.push_str(&format!(
                    "left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px;",
                    b.x, b.y, b.w, b.h
                ));
            }
            let _ = el.set_attribute("style", &style);
        }
        // Attributes this spec no longer has go.
        for (k, _) in old_attrs {
            if !spec.attrs.iter().any(|(n, _)| n == k) {
                let _ = el.remove_attribute(k);
            }
        }
        for (k, v) in &spec.attrs {
            if *k == "value" {
                // The live value, not the default: an input the student is moving keeps in step.
                if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                    if input.value() != *v {
                        input.set_value(v);
                    }
                } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    area.set_value(v);
                }
            } else if !old_attrs.iter().any(|(n, w)| n == k && w == v) {
                let _ = el.set_attribute(k, v);
            }
        }
        let tabbable = spec.focusable || tag != Tag::Div;
        if old.as_ref().is_none_or(|o| o.focusable != spec.focusable) {
            if tabbable {
                el.set_tab_index(0);
            } else {
                let _ = el.remove_attribute("tabindex");
            }
        }
        if matches!(tag, Tag::Div | Tag::Button) && old.as_ref().is_none_or(|o| o.text != spec.text)
        {
            self.set_text(id, spec.text.as_deref());
        }
        self.applied.insert(id, spec.clone());
    }

    /// The element's own text, as its first child (its children's elements follow it).
    fn set_text(&mut self, id: NodeId, text: Option<&str>) {
        let Some((el, _)) = self.elements.get(&id) else {
            return;
        };
        match (self.texts.get(&id), text) {
            (Some(t), Some(s)) => {
                if t.data() != s {
                    t.set_data(s);
                }
            }
            (Some(t), None) => {
                let _ = el.remove_child(t);
                self.texts.remove(&id);
            }
            (None, Some(s)) => {
                let t = self.document.create_text_node(s);
                let _ = el.insert_before(&t, el.first_child().as_ref());
                self.texts.insert(id, t);
            }
            (None, None) => {}
        }
    }

    fn place(&mut self, parent: Option<NodeId>, children: &[NodeId]) {
        let parent_el = match parent {
            None => self.root.clone(),
            Some(p) => match self.elements.get(&p) {
                Some((el, _)) => el.clone(),
                None => return,
            },
        };
        // Walk the children in order, moving only those not already where they belong (after
        // the element's own text, then each child after the one before it).
        let mut at: Option<web_sys::Node> = parent.and_then(|p| self.texts.get(&p)).map(|t| {
            let n: &web_sys::Node = t.as_ref();
            n.clone()
        });
        for c in children {
            let Some((el, _)) = self.elements.get(c) else {
                continue;
            };
            let node: &web_sys::Node = el.as_ref();
            let expected = match &at {
                Some(prev) => prev.next_sibling(),
                None => parent_el.first_child(),
            };
            if expected.as_ref() != Some(node) {
                let _ = parent_el.insert_before(node, expected.as_ref());
            }
            at = Some(node.clone());
        }
    }

    fn remove(&mut self, id: NodeId) {
        if let Some((el, _)) = self.elements.remove(&id) {
            el.remove();
        }
        self.applied.remove(&id);
        self.texts.remove(&id);
        self.listeners.remove(&id);
    }

    /// egui's focus moved: when the student is in the mirror, the page's focus follows.
    fn follow_focus(&self, id: NodeId) {
        let in_mirror = self
            .document
            .active_element()
            .is_some_and(|a| self.root.contains(Some(&a)));
        if in_mirror
            && let Some((el, _)) = self.elements.get(&id)
            && self.document.active_element().as_ref() != Some(el.as_ref())
        {
            let _ = el.focus();
        }
    }
}
