//! The Display section: the profile, reduced motion, the UI scale and the language.

use bevy_egui::egui;

use super::widgets;
use crate::lab::prefs::Prefs;
use crate::text::{self, Lang};

/// Display preferences: profile and scale. Returns the new ones if the student changed them.
pub(crate) fn preferences(ui: &mut egui::Ui, prefs: &Prefs) -> Option<Prefs> {
    let mut changed = None;
    widgets::header(ui, &text::preferences()).show(ui, |ui| {
        let mut p = *prefs;
        for (on, label) in [
            (&mut p.projector, text::projector()),
            (&mut p.reduced_motion, text::reduced_motion()),
        ] {
            let box_ = ui.checkbox(on, label);
            widgets::focus_ring(ui, &box_);
        }
        widgets::slider(
            ui,
            egui::Slider::new(&mut p.scale, Prefs::SCALE_RANGE)
                .step_by(0.25)
                .custom_formatter(|v, _| text::number(v, 2))
                .custom_parser(text::parse_number),
            &text::ui_scale(),
        );
        language_choice(ui, &mut p);
        if p != *prefs {
            changed = Some(p);
        }
    });
    changed
}

/// The language: each by its own name, so a student finds theirs whatever is showing.
fn language_choice(ui: &mut egui::Ui, p: &mut Prefs) {
    let active = text::current().lang();
    ui.label(text::tr("language"));
    ui.horizontal_wrapped(|ui| {
        for lang in Lang::OFFERED {
            let chip = ui.selectable_label(active == lang, text::tr(lang.name_key()));
            widgets::focus_ring(ui, &chip);
            if chip.clicked() && active != lang {
                p.lang = Some(lang);
            }
        }
    });
}
