//! The panels' style: the profile (light or dark visuals, larger text on the projector), the
//! UI scale, the focus ring, and touch-sized controls on a touch screen.

use bevy_egui::egui;

use super::fonts;
use crate::lab::prefs::Prefs;

/// The profile (light or dark visuals, larger text on the projector) and the UI scale.
pub fn apply_style(ctx: &egui::Context, prefs: &Prefs) {
    if crate::text::current().lang().needs_cjk() {
        fonts::load_cjk();
    }
    fonts::install(ctx);
    ctx.set_theme(if prefs.projector {
        egui::Theme::Light
    } else {
        egui::Theme::Dark
    });
    ctx.set_zoom_factor(prefs.scale);
    let (projector, touch) = (prefs.projector, prefs.touch);
    ctx.all_styles_mut(|s| {
        if projector {
            s.visuals.override_text_color = Some(egui::Color32::BLACK);
            s.visuals.widgets.noninteractive.bg_stroke.width = 1.5;
            s.visuals.selection.stroke.width = 2.5;
        }
        s.text_styles.iter_mut().for_each(|(k, f)| {
            let grow = if projector { 1.2 } else { 1.0 };
            f.size = grow
                * match k {
                    egui::TextStyle::Heading => 24.0,
                    egui::TextStyle::Small => 12.0,
                    _ => 15.0,
                }
        });
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        // Keyboard focus: egui draws a focused control in its active style, and a focused text
        // box with the selection stroke. Both 2.5 points wide, in the text's own extreme, so
        // Tab's position shows at well over 3:1 against the panel.
        let ring = if s.visuals.dark_mode {
            egui::Color32::WHITE
        } else {
            egui::Color32::BLACK
        };
        s.visuals.widgets.active.bg_stroke = egui::Stroke::new(2.5, ring);
        s.visuals.selection.stroke.width = s.visuals.selection.stroke.width.max(2.5);
        // A collapsing header draws its frame (and so its focus ring) only with this on.
        s.visuals.collapsing_header_frame = true;
        if touch {
            touch_sized(&mut s.spacing);
        }
    });
}

/// The smallest control a finger hits reliably, in points (WCAG 2.5.5; Apple's and Google's
/// guidelines give 44 and 48).
pub const TOUCH_TARGET: f32 = 44.0;

/// Controls a finger can hit: every button, choice, slider and box at least
/// [`TOUCH_TARGET`] tall, with room between them.
fn touch_sized(sp: &mut egui::style::Spacing) {
    sp.interact_size = egui::vec2(TOUCH_TARGET, TOUCH_TARGET);
    sp.button_padding = egui::vec2(12.0, 12.0);
    sp.icon_width = 28.0;
    sp.icon_width_inner = 14.0;
    sp.icon_spacing = 10.0;
    sp.slider_rail_height = 10.0;
    sp.slider_width = 160.0;
    sp.combo_height = 400.0;
    sp.item_spacing = egui::vec2(10.0, 10.0);
}
