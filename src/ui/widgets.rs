//! Drawing helpers: tiles, callouts, sliders, headers and the reading list.

use bevy_egui::egui::{self, Color32, Stroke};

/// A callout box: a coloured left bar and wrapped text.
pub fn callout(ui: &mut egui::Ui, color: Color32, title: &str, body: &str) {
    callout_with(ui, color, title, |ui| {
        ui.add(egui::Label::new(body).wrap());
    });
}

/// A callout whose body is drawn by `body` (links, lists).
pub fn callout_with(
    ui: &mut egui::Ui,
    color: Color32,
    title: &str,
    body: impl FnOnce(&mut egui::Ui),
) {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.12))
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.6)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !title.is_empty() {
                ui.label(egui::RichText::new(title).strong().color(color));
            }
            body(ui);
        });
}

/// A prediction question's answers as radio buttons, with the hint under them. Returns the
/// answer picked this frame. The lock is in the side panel's pinned action bar.
pub fn prediction<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    question: &str,
    answers: &[T],
    labels: &[&str],
    pending: Option<T>,
    hint: &str,
) -> Option<T> {
    ui.strong(question);
    let mut picked = None;
    // The answers are one radio group, named by the question.
    ui.scope(|ui| {
        semantic(ui, egui::accesskit::Role::RadioGroup, question);
        for (opt, label) in answers.iter().zip(labels) {
            let answer = ui.radio(pending == Some(*opt), *label);
            focus_ring(ui, &answer);
            if answer.clicked() {
                picked = Some(*opt);
            }
        }
    });
    ui.label(egui::RichText::new(hint).small());
    picked
}

/// Give `ui`'s own accessibility node a role and a name: a landmark (the lab's panel, the
/// HUD, the world in words) or a group (a question's answers).
pub fn semantic(ui: &egui::Ui, role: egui::accesskit::Role, name: &str) {
    // Its place on screen too, so assistive technology can show the region it names.
    let r = ui.max_rect();
    let bounds = egui::accesskit::Rect::new(
        r.min.x as f64,
        r.min.y as f64,
        r.max.x as f64,
        r.max.y as f64,
    );
    ui.ctx().accesskit_node_builder(ui.unique_id(), |n| {
        n.set_role(role);
        n.set_label(name);
        n.set_bounds(bounds);
    });
}

/// A phase's heading: drawn large, and a level-1 heading to a screen reader.
pub fn phase_heading(ui: &mut egui::Ui, text: impl Into<egui::RichText>) -> egui::Response {
    let r = ui.heading(text);
    ui.ctx().accesskit_node_builder(r.id, |n| {
        n.set_role(egui::accesskit::Role::Heading);
        n.set_level(1);
    });
    r
}

/// A focus ring around the whole of a control whose own focus mark is only its icon (radio
/// buttons and checkboxes), so Tab's position shows on the answer, not on a small dot.
pub fn focus_ring(ui: &egui::Ui, control: &egui::Response) {
    if control.has_focus() {
        ui.painter().rect_stroke(
            control.rect.expand(2.0),
            3.0,
            ui.visuals().widgets.active.bg_stroke,
            egui::StrokeKind::Outside,
        );
    }
}

/// The lock button: enabled once an answer is chosen. Returns the answer locked this frame.
pub fn lock<T: Copy>(ui: &mut egui::Ui, pending: Option<T>) -> Option<T> {
    let button = egui::Button::new(egui::RichText::new(crate::text::lock()).size(18.0));
    let clicked = ui.add_enabled(pending.is_some(), button).clicked();
    pending.filter(|_| clicked)
}

/// In a wrapping row: start a new row unless `text` (plus `margin`) fits whole on this one, so
/// an item never breaks inside.
pub fn keep_whole(ui: &mut egui::Ui, text: &str, font: &egui::FontId, margin: f32) {
    let width = ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE)
            .size()
            .x
    }) + margin;
    if width > ui.available_size_before_wrap().x {
        ui.end_row();
    }
}

/// A collapsing header whose title wraps to the panel's width (egui's own never wraps, and a
/// long title in large text would widen the panel). Its id is the title's, as egui's.
pub fn header(ui: &egui::Ui, title: &str) -> egui::CollapsingHeader {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let s = ui.spacing();
    let width = (ui.available_width() - s.indent - 2.0 * s.button_padding.x).max(40.0);
    let galley = ui.fonts_mut(|f| f.layout(title.to_string(), font, Color32::PLACEHOLDER, width));
    egui::CollapsingHeader::new(egui::WidgetText::from(galley)).id_salt(title)
}

/// A slider with its label after it while both fit the panel, else with the label above it
/// (named by it for a screen reader), so a long label never widens the panel.
pub fn slider(ui: &mut egui::Ui, slider: egui::Slider, label: &str) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.fonts_mut(|f| {
        f.layout_no_wrap(label.to_string(), font, Color32::WHITE)
            .size()
            .x
    });
    let s = ui.spacing();
    // The rail, the value box beside it, and the gaps.
    let need = s.slider_width + s.interact_size.x + 3.0 * s.item_spacing.x + text;
    if need <= ui.available_width() {
        ui.add(slider.text(label))
    } else {
        let name = ui.label(label);
        ui.add(slider).labelled_by(name.id)
    }
}

/// A big number with a caption, coloured and marked by whether it passes.
pub fn status_tile(ui: &mut egui::Ui, value: &str, caption: &str, (color, ok): (Color32, bool)) {
    tile(
        ui,
        &format!("{} {value}", crate::text::mark(ok)),
        caption,
        color,
    );
}

/// Tiles side by side while they fit, the rest on the next line.
pub fn tiles(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
        add(ui);
    });
}

const TILE_MARGIN: f32 = 8.0;

/// A big number with a caption.
pub fn tile(ui: &mut egui::Ui, value: &str, caption: &str, color: Color32) {
    // In a flow of tiles, start a new row unless this one fits whole (a frame is placed before
    // its size is known, so the flow cannot wrap it by itself).
    if ui.layout().main_wrap {
        let width = |text: &str, font: egui::FontId| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(text.to_string(), font, Color32::WHITE)
                    .size()
                    .x
            })
        };
        let small = egui::TextStyle::Small.resolve(ui.style());
        let w = width(value, egui::FontId::proportional(22.0)).max(width(caption, small));
        if w + 2.0 * TILE_MARGIN + 2.0 > ui.available_size_before_wrap().x {
            ui.end_row();
        }
    }
    egui::Frame::new()
        .fill(color.gamma_multiply(0.10))
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.5)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(TILE_MARGIN as i8))
        .show(ui, |ui| {
            // As wide as its text: tiles flow side by side and wrap (see [`tiles`]).
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(egui::RichText::new(value).size(22.0).strong().color(color))
                        .extend(),
                );
                ui.add(egui::Label::new(egui::RichText::new(caption).small()).extend());
            });
        });
}

/// Show a chart to read, not to operate. egui_plot makes the plot and each axis a drag
/// handle, and so a Tab stop with nothing to say; a disabled scope keeps the keyboard off them.
/// It is drawn at full strength, not faded as disabled controls are.
pub fn static_chart<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.scope(|ui| {
        ui.visuals_mut().disabled_alpha = 1.0;
        ui.disable();
        add(ui)
    })
    .inner
}

/// The scenario's reading list: each chapter by title, a link to its public page (a new tab
/// on the web, the browser natively), and what to read it for.
pub fn reading_list(ui: &mut egui::Ui, sc: &crate::physics::Scenario) {
    for r in &sc.reading {
        ui.horizontal_wrapped(|ui| {
            // A selectable text publishes itself as a label; a link must read as a link.
            ui.style_mut().interaction.selectable_labels = false;
            ui.label("•");
            let link = ui.add(
                egui::Hyperlink::from_label_and_url(
                    egui::RichText::new(sc.say(&r.title)).strong(),
                    &r.url,
                )
                .open_in_new_tab(true),
            );
            focus_ring(ui, &link);
            link.on_hover_text(&r.url);
        });
        ui.add(egui::Label::new(sc.say(&r.why)).wrap());
        ui.add_space(2.0);
    }
    ui.label(egui::RichText::new(crate::text::reading_note()).small());
}

/// A screenshot at a demo marker asked to show this.
pub fn showing(ui: &egui::Ui, show: crate::lab::demo::Show) -> bool {
    ui.ctx()
        .data(|d| d.get_temp::<crate::lab::demo::Show>(egui::Id::new(crate::lab::demo::Show::KEY)))
        == Some(show)
}
