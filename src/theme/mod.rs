//! Colours and sizes of both display profiles: the default (dark) and the projector profile
//! (light background, high contrast, thicker lines, larger particles and labels).

pub mod colour;

use bevy::prelude::*;

use crate::lab::prefs::Prefs;
use crate::physics::Tier;

/// The tier colours: Cloud, Edge, Mobile, TinyML. The course's style guide (#6366F1, #CB202D,
/// #CC5500, #008F45), each moved the least that keeps the four apart (CIEDE2000 ΔE ≥ 10) for
/// a viewer with protanopia, deuteranopia or tritanopia, on both profiles' backgrounds (the
/// `colour_vision` tests).
pub const TIER_HEX: [&str; Tier::COUNT] = ["#7161FF", "#A22C2B", "#C9580A", "#019159"];

/// A Bevy colour as egui draws it (the panels and the world's overlay both paint with egui).
pub fn c32(c: Color) -> bevy_egui::egui::Color32 {
    let s = c.to_srgba();
    bevy_egui::egui::Color32::from_rgb(
        (s.red * 255.0).round() as u8,
        (s.green * 255.0).round() as u8,
        (s.blue * 255.0).round() as u8,
    )
}

pub fn tier_color(i: usize) -> Color {
    Srgba::hex(TIER_HEX[i]).map_or(Color::WHITE, Color::from)
}

/// A colour profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub projector: bool,
    pub background: Color,
    pub text: Color,
    pub text_muted: Color,
    pub ok: Color,
    pub warn: Color,
    pub fail: Color,
    pub info: Color,
    pub link: Color,
    /// Multiplies line widths, ring widths and particle sizes.
    pub weight: f32,
    /// Multiplies world label sizes.
    pub label_scale: f32,
}

impl Palette {
    pub const DEFAULT: Palette = Palette {
        projector: false,
        background: Color::srgb(0.06, 0.09, 0.16),
        text: Color::srgb(0.97, 0.98, 0.99),
        text_muted: Color::srgb(0.62, 0.68, 0.76),
        // ok / warn / fail stay ΔE ≥ 10 apart, and from the background, under each
        // colour-vision deficiency (the `colour_vision` tests); each also has a mark.
        ok: Color::srgb(0.229, 0.939, 0.607),
        warn: Color::srgb(1.0, 0.774, 0.148),
        fail: Color::srgb(0.938, 0.432, 0.434),
        info: Color::srgb(0.38, 0.65, 0.98),
        link: Color::srgb(0.28, 0.33, 0.41),
        weight: 1.0,
        label_scale: 1.0,
    };
    /// The course's colour for a prediction accuracy: green from 70 %, amber from 45 %.
    pub fn accuracy_color(&self, pct: f64) -> Color {
        if pct >= 70.0 {
            self.ok
        } else if pct >= 45.0 {
            self.warn
        } else {
            self.fail
        }
    }

    pub const PROJECTOR: Palette = Palette {
        projector: true,
        background: Color::srgb(1.0, 1.0, 1.0),
        text: Color::srgb(0.0, 0.0, 0.0),
        text_muted: Color::srgb(0.15, 0.18, 0.24),
        ok: Color::srgb(0.0, 0.50, 0.326),
        warn: Color::srgb(0.78, 0.323, 0.0),
        fail: Color::srgb(0.675, 0.0, 0.084),
        info: Color::srgb(0.05, 0.25, 0.75),
        link: Color::srgb(0.35, 0.38, 0.45),
        weight: 1.8,
        label_scale: 1.25,
    };
}

/// The palette in use, derived from [`Prefs`].
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct ActivePalette(pub Palette);

/// The palette of a profile.
pub fn palette(prefs: &Prefs) -> Palette {
    if prefs.projector {
        Palette::PROJECTOR
    } else {
        Palette::DEFAULT
    }
}

pub fn plugin(app: &mut App) {
    let pal = palette(&Prefs::default());
    app.insert_resource(ActivePalette(pal))
        .insert_resource(ClearColor(pal.background))
        .add_systems(
            Update,
            apply_prefs
                .run_if(resource_changed::<Prefs>)
                .after(crate::lab::prefs::PrefsSet),
        );
}

/// Keep the palette and the clear colour in step with the profile.
fn apply_prefs(
    prefs: Res<Prefs>,
    mut active: ResMut<ActivePalette>,
    mut clear: ResMut<ClearColor>,
) {
    let pal = palette(&prefs);
    active.set_if_neq(ActivePalette(pal));
    if clear.0 != pal.background {
        clear.0 = pal.background;
    }
}
