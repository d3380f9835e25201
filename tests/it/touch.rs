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

/// The time controls' buttons on a 390 × 844 touch phone, as (name, bounds).
fn phone_time_buttons() -> Vec<(String, egui::accesskit::Rect)> {
    let prefs = Prefs {
        touch: true,
        ..Prefs::default()
    };
    let (_, out) = crate::panels::time_controls(&prefs, (390.0, 844.0), 0.0, Form::Tall, |ctx| {
        ctx.enable_accesskit()
    });
    out.platform_output
        .accesskit_update
        .expect("AccessKit on")
        .nodes
        .into_iter()
        .filter(|(_, n)| n.role() == Role::Button)
        .filter_map(|(_, n)| Some((n.label().unwrap_or("").to_string(), n.bounds()?)))
        .collect()
}

/// On a phone the time controls' five buttons are each a finger wide and tall, and keep to
/// one row (a second row of buttons takes a finger's height from the world), in the language
/// the run was given.
#[test]
fn a_phones_time_controls_are_finger_sized_on_one_row() {
    let buttons = phone_time_buttons();
    assert_eq!(buttons.len(), 5, "{buttons:?}");
    let small: Vec<_> = buttons
        .iter()
        .filter(|(_, b)| b.width().min(b.height()) < f64::from(TOUCH_TARGET) - 0.5)
        .collect();
    assert!(small.is_empty(), "smaller than a finger: {small:?}");
    let rows: std::collections::BTreeSet<i64> =
        buttons.iter().map(|(_, b)| b.y0.round() as i64).collect();
    assert_eq!(
        rows.len(),
        1,
        "the buttons take {} rows: {buttons:?}",
        rows.len()
    );
}

#[test]
fn a_phones_time_controls_in_spanish_and_chinese() {
    if std::env::var(architects_audit::text::catalogue::CATALOGUE_ENV).is_ok() {
        return;
    }
    for lang in ["es", "zh-CN"] {
        crate::catalogue::in_child(
            "touch::a_phones_time_controls_are_finger_sized_on_one_row",
            lang,
        );
    }
}
