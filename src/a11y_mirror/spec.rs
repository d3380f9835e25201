//! What the page shows of one AccessKit node: its element, ARIA role, name, state and value.

use bevy_egui::egui::accesskit::{Action, Node, Role, Toggled};

use super::{Bounds, Spec, Tag};

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
