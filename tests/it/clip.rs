//! clip: nothing in the side panel is cut off. Every phase is laid out (both profiles, UI scale
//! 1 and 2, laptop to 4K sizes) by the game's own layout function on a bare egui context with
//! AccessKit on, and every named node that starts inside the side panel must end inside it:
//! a label, tile, table column or chart wider than the panel is cut off there (the panel
//! scrolls vertically only). The window is laid out tall, so the whole panel is in view:
//! vertical overflow is the scroll area's job and is not checked.

use architects_audit::lab::flow::Phase;
use architects_audit::lab::prefs::Prefs;
use architects_audit::ui::Form;
use bevy_egui::egui;
use egui::accesskit::Role;

use crate::panels::Panels;

/// Laptops, a full-HD projector, 4K, an 800×600 iframe, tablets both ways and a phone.
pub const SIZES: [(f32, f32); 8] = [
    (1280.0, 720.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
    (3840.0, 2160.0),
    (800.0, 600.0),
    (1024.0, 768.0),
    (768.0, 1024.0),
    (390.0, 844.0),
];

/// The nodes cut off at the side panel's right edge, as "role name (x1 > edge)".
pub fn cut_off(
    phase: Phase,
    w: f32,
    h: f32,
    scale: f32,
    projector: bool,
    touch: bool,
) -> Vec<String> {
    let mut panels = Panels::at(phase)
        .with_sample_ledger()
        .in_profile(projector)
        .with_a_minute_of_instruments();
    let prefs = Prefs {
        projector,
        scale,
        touch,
        ..Prefs::default()
    };
    // The window in points: its pixels over the UI scale. Laid out tall as well, so the
    // panel's whole content is in view (vertical overflow is the scroll area's), and the HUD
    // below it. The form is the real window's: a phone or an upright tablet puts the panel
    // below the world.
    let form = Form::of(w / scale, h / scale);
    let (w, h) = (w / scale, (h / scale).max(12_000.0));
    let (full, layout) = panels.laid_out(&prefs, w, h, form, |ctx| {
        ctx.set_zoom_factor(1.0);
        ctx.enable_accesskit();
    });
    let edge = layout.panel.right() as f64;
    let bottom = layout.panel.bottom() as f64;
    let mut out = overlapping_rows(&full.shapes);
    let nodes = full
        .platform_output
        .accesskit_update
        .expect("AccessKit on")
        .nodes;
    out.extend(past_the_edge(nodes, edge, bottom));
    out
}

/// Text drawn over other text: each drawn row of glyphs (where it is visible), against every
/// row of every other text, as "overlaps: A / B".
fn overlapping_rows(shapes: &[egui::epaint::ClippedShape]) -> Vec<String> {
    fn rows(
        shape: &egui::Shape,
        clip: egui::Rect,
        k: usize,
        out: &mut Vec<(usize, String, egui::Rect)>,
    ) {
        match shape {
            egui::Shape::Text(t) => {
                for row in t.galley.rows.iter().filter(|r| !r.glyphs.is_empty()) {
                    // A turned text (a chart's vertical axis title) turns its rows about its
                    // position.
                    let local = row.rect_without_leading_space();
                    let rot = egui::emath::Rot2::from_angle(t.angle);
                    let turned = egui::Rect::from_points(
                        &[
                            local.left_top(),
                            local.right_top(),
                            local.left_bottom(),
                            local.right_bottom(),
                        ]
                        .map(|p| t.pos + rot * p.to_vec2()),
                    );
                    let r = turned.intersect(clip).shrink(0.5);
                    if r.is_positive() {
                        out.push((k, t.galley.text().to_owned(), r));
                    }
                }
            }
            egui::Shape::Vec(v) => v.iter().for_each(|s| rows(s, clip, k, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    for (k, c) in shapes.iter().enumerate() {
        rows(&c.shape, c.clip_rect, k, &mut all);
    }
    let mut out = Vec::new();
    for (i, (ka, a, ra)) in all.iter().enumerate() {
        for (kb, b, rb) in &all[i + 1..] {
            if ka != kb && ra.intersects(*rb) {
                out.push(format!("overlaps: {a:?} / {b:?}"));
            }
        }
    }
    out
}

/// Nodes that start in the panel and end past its right edge.
fn past_the_edge(
    nodes: Vec<(egui::accesskit::NodeId, egui::accesskit::Node)>,
    edge: f64,
    bottom: f64,
) -> Vec<String> {
    nodes
        .into_iter()
        // Containers span what they hold; their content is what is checked.
        .filter(|(_, n)| {
            !matches!(
                n.role(),
                Role::Window
                    | Role::Pane
                    | Role::ScrollView
                    | Role::GenericContainer
                    | Role::Splitter
                    | Role::ScrollBar
            )
        })
        .filter_map(|(_, n)| {
            let b = n.bounds()?;
            let name = n.label().or(n.value()).unwrap_or("").to_string();
            // Above the HUD, and past the panel's right edge.
            (b.y0 < bottom && b.x1 > edge + 0.5)
                .then(|| format!("{:?} {name:?} ({:.0} > {edge:.0})", n.role(), b.x1))
        })
        .collect()
}

#[test]
fn nothing_in_the_side_panel_is_cut_off() {
    // In the language a child run was given (below), else English.
    let lang = architects_audit::text::catalogue::env_lang().unwrap_or_default();
    assert_eq!(architects_audit::text::current().lang(), lang);
    let mut all = Vec::new();
    for phase in Phase::ALL {
        for (w, h) in SIZES {
            for scale in [1.0, 2.0] {
                for projector in [false, true] {
                    // Touch-sized controls on the sizes a touch screen has.
                    for touch in [false, w <= 1366.0] {
                        for c in cut_off(phase, w, h, scale, projector, touch) {
                            all.push(format!(
                                "{phase:?} {w}x{h} scale {scale} projector {projector} touch {touch}: {c}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(all.is_empty(), "{} cut off:\n{}", all.len(), all.join("\n"));
}

/// A translation is longer than English (the pseudo-locale: 40 % longer), or has no spaces to
/// wrap at (Chinese); neither may cut anything off.
#[test]
fn nothing_is_cut_off_in_the_pseudo_locale_or_in_chinese() {
    if std::env::var(architects_audit::text::catalogue::CATALOGUE_ENV).is_ok() {
        return;
    }
    for lang in ["en-XA", "zh-CN"] {
        crate::catalogue::in_child("clip::nothing_in_the_side_panel_is_cut_off", lang);
    }
}

#[test]
fn the_tier_figures_read_parameter_counts_as_people_write_them() {
    use architects_audit::text::{assignment_label, params};
    assert_eq!(params(1e7), "10M");
    assert_eq!(params(1e5), "100K");
    assert_eq!(
        assignment_label("int8 (100000 params)"),
        "INT8 (100K params)"
    );
    assert_eq!(
        assignment_label("ternary (1.000e7 params)"),
        "Ternary (10M params)"
    );
    assert_eq!(assignment_label("fp16"), "FP16");
}
