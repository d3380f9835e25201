//! touch: on a touch screen every control a finger presses is at least 44 points tall
//! ([`TOUCH_TARGET`]). Every phase is laid out, with the ledger's sample and the instruments,
//! on a phone, a tablet both ways and a laptop, with AccessKit on; each pressable node's bounds
//! are measured.

use architects_audit::lab::flow::Phase;
use architects_audit::lab::prefs::Prefs;
use architects_audit::ui::{Form, TOUCH_TARGET};
use bevy_egui::egui;
use egui::accesskit::Role;

use crate::panels::Panels;

/// The controls under `touch`, as "role name (height)", that are shorter than a finger.
fn short_controls(phase: Phase, w: f32, h: f32, touch: bool) -> Vec<String> {
    let mut panels = Panels::at(phase)
        .with_sample_ledger()
        .with_a_minute_of_instruments();
    let prefs = Prefs {
        touch,
        ..Prefs::default()
    };
    let (full, _) = panels.laid_out(&prefs, w, h, Form::of(w, h), |ctx| ctx.enable_accesskit());
    full.platform_output
        .accesskit_update
        .expect("AccessKit on")
        .nodes
        .into_iter()
        .filter(|(_, n)| {
            matches!(
                n.role(),
                Role::Button
                    | Role::CheckBox
                    | Role::RadioButton
                    | Role::Slider
                    | Role::ComboBox
                    | Role::SpinButton
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::Link
                    | Role::Tab
            )
        })
        .filter_map(|(_, n)| {
            let b = n.bounds()?;
            let tall = b.y1 - b.y0;
            let name = n.label().or(n.value()).unwrap_or("").to_string();
            (tall < f64::from(TOUCH_TARGET) - 0.5)
                .then(|| format!("{:?} {name:?} ({tall:.0})", n.role()))
        })
        .collect()
}

#[test]
fn on_a_touch_screen_every_control_is_a_finger_tall() {
    let mut all = Vec::new();
    for phase in Phase::ALL {
        for (w, h) in [
            (390.0, 844.0),
            (768.0, 1024.0),
            (1024.0, 768.0),
            (1366.0, 768.0),
        ] {
            for s in short_controls(phase, w, h, true) {
                all.push(format!("{phase:?} {w}x{h}: {s}"));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} controls too small for a finger:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_check_sees_a_mouse_sized_control() {
    assert!(
        !short_controls(Phase::Act2Design, 1366.0, 768.0, false).is_empty(),
        "a mouse's controls are smaller than a finger"
    );
}
