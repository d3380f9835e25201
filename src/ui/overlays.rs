//! Overlays on the world: the time controls with the particle legend, the demo's caption and
//! the frame-rate readout (F3).

use bevy::prelude::{Res, Result};
use bevy_egui::egui;

use super::{Form, c32};
use crate::lab::live::{TimeControls, TimeMsg};
use crate::text;
use crate::theme::Palette;
use crate::world::particles::ParticleClock;

/// PhET-style time controls over the world.
pub fn time_controls(
    ctx: &egui::Context,
    left: f32,
    form: Form,
    tc: &TimeControls,
    clock: &ParticleClock,
    pal: &Palette,
    touch: bool,
) -> (Vec<TimeMsg>, f32) {
    let mut out = Vec::new();
    if form == Form::Tall {
        // A tall window's world is too small to float the bar over: the bar takes the top.
        let mut root = egui::Ui::new(
            ctx.clone(),
            "time_root".into(),
            egui::UiBuilder::new()
                .layer_id(egui::LayerId::background())
                .max_rect(ctx.viewport_rect()),
        );
        let top = egui::Panel::top("time_controls")
            .show(&mut root, |ui| {
                time_bar(ui, tc, clock, pal, touch, &mut out)
            })
            .response
            .rect
            .height();
        return (out, top);
    }
    // Kept over the world: on a narrow window (an 800x600 iframe) the bar wraps to two rows
    // rather than sliding over the panel.
    let width = (ctx.viewport_rect().width() - left - 36.0).max(160.0);
    let bar = egui::Area::new("time_controls".into())
        .fixed_pos(egui::pos2(left + 12.0, 10.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(width);
                time_bar(ui, tc, clock, pal, touch, &mut out);
            });
        });
    // The world starts under the bar, so the bar covers none of it.
    (
        out,
        bar.response.rect.bottom() + 4.0 - ctx.viewport_rect().top(),
    )
}

/// Pause, step, the speeds, and the key to the requests' colours and shapes.
fn time_bar(
    ui: &mut egui::Ui,
    tc: &TimeControls,
    clock: &ParticleClock,
    pal: &Palette,
    touch: bool,
    out: &mut Vec<TimeMsg>,
) {
    ui.horizontal_wrapped(|ui| {
        // On a touch screen every button is at least a finger wide as well as tall (a one-
        // character speed in Chinese too), with narrower sides so that a phone's five keep to
        // one row in every language.
        let min = if touch {
            ui.spacing_mut().button_padding.x = 9.0;
            egui::Vec2::splat(crate::ui::TOUCH_TARGET)
        } else {
            egui::Vec2::ZERO
        };
        let label = if tc.paused {
            text::play(touch)
        } else {
            text::pause(touch)
        };
        if ui.add(egui::Button::new(label).min_size(min)).clicked() {
            out.push(TimeMsg::TogglePause);
        }
        if ui
            .add_enabled(tc.paused, egui::Button::new(text::step()).min_size(min))
            .clicked()
        {
            out.push(TimeMsg::Step);
        }
        for (speed, name) in TimeControls::SPEEDS {
            let button = egui::Button::selectable(tc.speed == speed, crate::text::tr(name));
            if ui.add(button.min_size(min)).clicked() {
                out.push(TimeMsg::Speed(speed));
            }
        }
        if !touch {
            legend(ui, clock, pal);
        }
    });
    // On a touch screen a row holding a button is a finger tall; the key's rows, which hold
    // none, keep to the text's height (a phone's bar: 103 points, not 157).
    if touch {
        ui.scope(|ui| {
            ui.spacing_mut().interact_size.y = ui.text_style_height(&egui::TextStyle::Body);
            ui.horizontal_wrapped(|ui| legend(ui, clock, pal));
        });
    }
}

/// The key to the requests' colours and shapes, and how many requests a dot stands for.
fn legend(ui: &mut egui::Ui, clock: &ParticleClock, pal: &Palette) {
    // Shape and colour both tell the outcome. Each shape and its name are one label, so a
    // row never ends between them, and a longer translation moves an item down, never splits it.
    for ((glyph, name), colour) in text::outcomes().iter().zip([pal.ok, pal.warn, pal.fail]) {
        let mut job = egui::text::LayoutJob::default();
        for part in [
            egui::RichText::new(*glyph).monospace(),
            egui::RichText::new(format!(" {name}")),
        ] {
            part.color(c32(colour)).append_to(
                &mut job,
                ui.style(),
                egui::FontSelection::Default,
                egui::Align::Center,
            );
        }
        ui.add(egui::Label::new(job).extend());
    }
    ui.add(
        egui::Label::new(
            egui::RichText::new(crate::text::t!(
                "dot-scale",
                requests = clock.requests_per_particle.round()
            ))
            .small(),
        )
        .extend(),
    );
}

/// The demo's caption, over the bottom of the world.
pub fn demo_caption(ctx: &egui::Context, left: f32, bottom: f32, caption: &str, pal: &Palette) {
    let rect = ctx.viewport_rect();
    let width = (rect.width() - left - 40.0).max(200.0);
    egui::Area::new("demo_caption".into())
        .fixed_pos(egui::pos2(left + 20.0, rect.bottom() - bottom - 90.0))
        .show(ctx, |ui| {
            ui.set_max_width(width);
            egui::Frame::popup(ui.style())
                .fill(c32(pal.background).gamma_multiply(0.92))
                .show(ui, |ui| {
                    ui.label(
                        egui::RichText::new(caption)
                            .size(20.0)
                            .strong()
                            .color(c32(pal.text)),
                    );
                });
        });
}

/// The frame-rate readout (F3): frames a second and the mean frame time, from Bevy's frame-time
/// diagnostics, in the world's bottom-right corner above the HUD.
pub fn frame_readout(
    mut contexts: bevy_egui::EguiContexts,
    shown: Res<super::FrameReadout>,
    diagnostics: Res<bevy::diagnostic::DiagnosticsStore>,
    insets: Res<crate::world::UiInsets>,
    palette: Res<crate::theme::ActivePalette>,
) -> Result {
    if !shown.0 {
        return Ok(());
    }
    use bevy::diagnostic::FrameTimeDiagnosticsPlugin as F;
    let value = |path| {
        diagnostics
            .get(path)
            .and_then(bevy::diagnostic::Diagnostic::smoothed)
    };
    let line = crate::text::frame_readout(value(&F::FPS), value(&F::FRAME_TIME));
    let ctx = contexts.ctx_mut()?;
    let bottom = insets.bottom / ctx.zoom_factor();
    egui::Area::new("frame_readout".into())
        .anchor(
            egui::Align2::RIGHT_BOTTOM,
            egui::vec2(-12.0, -(bottom + 12.0)),
        )
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(line)
                            .monospace()
                            .color(c32(palette.0.text)),
                    )
                    .extend(),
                );
            });
        });
    Ok(())
}
