//! The side dialogs: the keyboard shortcuts and the submit confirmation, with the state that
//! keeps them open from frame to frame.

use bevy::prelude::Resource;
use bevy_egui::egui;

use super::Ctx;
use crate::lab::flow::FlowMsg;
pub use crate::lab::flow::SubmitConfirm;
use crate::text;

/// Whether the keyboard shortcuts dialog is open.
#[derive(Resource, Debug, Default)]
pub struct ShortcutsOpen(pub bool);

/// Whether the frame-rate readout (F3) is shown.
#[derive(Resource, Debug, Default)]
pub struct FrameReadout(pub bool);

/// Text the student is typing into the import box.
#[derive(Resource, Debug, Default)]
pub struct ImportDraft {
    pub open: bool,
    pub text: String,
}

/// The keyboard shortcuts dialog, while it is open.
pub fn shortcuts(ctx: &egui::Context, open: &mut ShortcutsOpen) {
    if open.0 {
        egui::Window::new(text::tr("shortcuts-title"))
            .collapsible(false)
            .open(&mut open.0)
            .show(ctx, |ui| {
                for (k, what) in text::shortcuts() {
                    ui.horizontal(|ui| {
                        ui.monospace(format!("{k:>10}"));
                        ui.label(what);
                    });
                }
                // The last row clear of the frame's edge.
                ui.add_space(ui.spacing().item_spacing.y * 2.0);
            });
    }
}

/// The submit confirmation: what the design passes or fails, then Submit or Keep designing.
/// Focus starts on Keep designing, so a second Enter goes back rather than submitting; the
/// student tabs to Submit to confirm. Escape or a click outside goes back.
pub(super) fn submit(ctx: &egui::Context, c: &mut Ctx) {
    let r = &c.physics.0;
    let modal = egui::Modal::new(egui::Id::new("submit-confirm")).show(ctx, |ui| {
        // Inside a phone's width too.
        ui.set_max_width(420f32.min(ctx.viewport_rect().width() - 48.0).max(160.0));
        ui.heading(text::submit_title());
        let failing: Vec<_> = r.banners.iter().filter(|b| !b.is_warning()).collect();
        if failing.is_empty() {
            ui.label(text::submit_passes());
        } else {
            ui.label(text::submit_fails());
            for b in failing {
                ui.label(format!("• {}", text::banner_title(*b)));
            }
        }
        ui.add_space(6.0);
        ui.label(text::submit_note());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let cancel = ui.button(text::submit_cancel());
            let confirm = ui.button(text::submit_confirm());
            if ui.memory(|m| m.focused().is_none()) {
                cancel.request_focus();
            }
            (confirm.clicked(), cancel.clicked())
        })
        .inner
    });
    let (confirm, cancel) = modal.inner;
    if confirm {
        c.submit.open = false;
        c.flow.push(FlowMsg::Finish);
    } else if cancel || modal.should_close() {
        c.submit.open = false;
    }
}
