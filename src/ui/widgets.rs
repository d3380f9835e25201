//! Drawing helpers: the radar chart, the memory–latency map, tiles and callouts.

use bevy_egui::egui::{self, Color32, Pos2, Stroke, Vec2};
use egui_plot::{HLine, Legend, Plot, PlotPoints, Points, Polygon, VLine};

use crate::ledger::ReportCard;
use crate::physics::Report;
use crate::theme::{self, Palette};
use crate::ui::c32;

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
    answers: &[T],
    labels: &[&str],
    pending: Option<T>,
    hint: &str,
) -> Option<T> {
    let mut picked = None;
    for (opt, label) in answers.iter().zip(labels) {
        let answer = ui.radio(pending == Some(*opt), *label);
        focus_ring(ui, &answer);
        if answer.clicked() {
            picked = Some(*opt);
        }
    }
    ui.label(egui::RichText::new(hint).small());
    picked
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

/// The seven invariants as a radar: prediction accuracy (green) vs constraint hits (red).
pub fn radar(ui: &mut egui::Ui, card: &ReportCard, size: f32, pal: &Palette) {
    let names: Vec<&str> = card.invariant_scores.keys().copied().collect();
    let rates = |f: fn(&crate::ledger::analysis::InvariantScore) -> f64| -> Vec<f32> {
        card.invariant_scores
            .values()
            .map(|s| f(s) as f32)
            .collect()
    };
    radar_series(
        ui,
        &names,
        &[
            (rates(|s| s.correct_rate), c32(pal.ok)),
            (rates(|s| s.hit_rate), c32(pal.fail)),
        ],
        size,
    );
}

/// A radar of named axes, each series a closed, lightly filled outline of values in 0..1.
pub fn radar_series(ui: &mut egui::Ui, names: &[&str], series: &[(Vec<f32>, Color32)], size: f32) {
    let (resp, painter) = ui.allocate_painter(Vec2::new(size, size * 0.9), egui::Sense::hover());
    let rect = resp.rect;
    let center = rect.center();
    let radius = size * 0.30;
    let n = names.len().max(1);
    let angle =
        |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
    let at = |i: usize, r: f32| center + Vec2::angled(angle(i)) * r;
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let scale = ui.visuals().weak_text_color();
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let pts: Vec<Pos2> = (0..n).map(|i| at(i, radius * ring)).collect();
        painter.add(egui::Shape::closed_line(pts, Stroke::new(1.0, grid)));
        // The radial scale, beside the first axis: values read off as a percentage.
        painter.text(
            at(0, radius * ring) + Vec2::new(4.0, 0.0),
            egui::Align2::LEFT_CENTER,
            format!("{:.0} %", ring * 100.0),
            egui::FontId::proportional(10.0),
            scale,
        );
    }
    let text_color = ui.visuals().text_color();
    for (i, name) in names.iter().enumerate() {
        painter.line_segment([center, at(i, radius)], Stroke::new(1.0, grid));
        let p = at(i, radius + 22.0);
        painter.text(
            p,
            egui::Align2::CENTER_CENTER,
            *name,
            egui::FontId::proportional(13.0),
            text_color,
        );
    }
    for (vals, color) in series {
        let color = *color;
        let pts: Vec<Pos2> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| at(i, radius * v.clamp(0.0, 1.0)))
            .collect();
        // The shape is not convex in general: fill it as a fan of triangles from the centre.
        for (i, p) in pts.iter().enumerate() {
            let q = pts[(i + 1) % pts.len()];
            painter.add(egui::Shape::convex_polygon(
                vec![center, *p, q],
                color.gamma_multiply(0.15),
                Stroke::NONE,
            ));
        }
        // Segment by segment: a closed path through repeated points (several invariants at 0)
        // does not tessellate.
        for (i, p) in pts.iter().enumerate() {
            let q = pts[(i + 1) % pts.len()];
            if *p != q {
                painter.line_segment([*p, q], Stroke::new(2.5, color));
            }
        }
        for p in pts {
            painter.circle_filled(p, 3.5, color);
        }
    }
}

/// Memory (GB) vs latency (ms) on log–log axes, with RAM budgets, the SLO band and OOM marks.
pub fn map(ui: &mut egui::Ui, r: &Report, slo_ms: f64, height: f32, pal: &Palette) {
    let tiers = [
        (
            "Cloud",
            r.cloud_model_gb,
            r.cloud_p99_ms,
            r.cloud_oom,
            r.cloud_ram_gb,
        ),
        (
            "Edge",
            r.edge_model_gb,
            r.edge_p99_ms,
            r.edge_oom,
            r.edge_ram_gb,
        ),
        (
            "Mobile",
            r.mobile_model_gb,
            r.mobile_p99_ms,
            r.mobile_oom,
            r.mobile_ram_gb,
        ),
        (
            "TinyML",
            r.tiny_model_kb / (1024.0 * 1024.0),
            r.tiny_p99_ms,
            r.tiny_oom,
            r.tiny_sram_kb / (1024.0 * 1024.0),
        ),
    ];
    let log = |v: f64| v.max(1e-6).log10();
    let fmt_pow = |v: f64| {
        let p = 10f64.powf(v);
        if p >= 1.0 {
            format!("{p:.0}")
        } else {
            format!("{p:.0e}")
        }
    };
    static_chart(ui, |ui| {
        Plot::new("map")
            .height(height)
            .legend(Legend::default())
            .x_axis_label("Memory footprint (GB, log)")
            .y_axis_label("Latency (ms, log)")
            .x_axis_formatter(move |m, _| fmt_pow(m.value))
            .y_axis_formatter(move |m, _| fmt_pow(m.value))
            .include_x(-4.0)
            .include_x(3.0)
            .include_y(0.0)
            .include_y(6.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.polygon(
                    Polygon::new(
                        "SLO zone",
                        PlotPoints::new(vec![
                            [-4.0, 0.0],
                            [3.0, 0.0],
                            [3.0, log(slo_ms)],
                            [-4.0, log(slo_ms)],
                        ]),
                    )
                    .fill_color(c32(pal.ok).gamma_multiply(0.12))
                    .stroke(Stroke::new(1.0, c32(pal.ok))),
                );
                plot.hline(HLine::new("P99 SLO", log(slo_ms)).color(c32(pal.ok)));
                for (i, (name, gb, ms, oom, ram)) in tiers.iter().enumerate() {
                    let color = c32(theme::tier_color(i));
                    plot.vline(
                        VLine::new(format!("{name} budget"), log(*ram))
                            .color(color)
                            .style(egui_plot::LineStyle::dashed_dense()),
                    );
                    let marker = if *oom {
                        egui_plot::MarkerShape::Cross
                    } else {
                        egui_plot::MarkerShape::Circle
                    };
                    // A tier that answers nothing sits at the top of the chart.
                    let y = if ms.is_finite() { log(*ms) } else { 6.0 };
                    plot.points(
                        Points::new(*name, vec![[log(*gb), y]])
                            .shape(marker)
                            .radius(if *oom { 10.0 } else { 8.0 })
                            .color(if *oom { c32(pal.fail) } else { color }),
                    );
                }
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
pub fn reading_list(ui: &mut egui::Ui, reading: &[crate::physics::scenario::Reading]) {
    for r in reading {
        ui.horizontal_wrapped(|ui| {
            // A selectable text publishes itself as a label; a link must read as a link.
            ui.style_mut().interaction.selectable_labels = false;
            ui.label("•");
            let link = ui.add(
                egui::Hyperlink::from_label_and_url(egui::RichText::new(&r.title).strong(), &r.url)
                    .open_in_new_tab(true),
            );
            focus_ring(ui, &link);
            link.on_hover_text(&r.url);
        });
        ui.add(egui::Label::new(&r.why).wrap());
        ui.add_space(2.0);
    }
    ui.label(egui::RichText::new(crate::text::reading_note()).small());
}

/// A screenshot at a demo marker asked to show this.
pub fn showing(ui: &egui::Ui, show: crate::demo::Show) -> bool {
    ui.ctx()
        .data(|d| d.get_temp::<crate::demo::Show>(egui::Id::new(crate::demo::Show::KEY)))
        == Some(show)
}
