//! Colours and sizes of both display profiles: the default (dark) and the projector profile
//! (light background, high contrast, thicker lines, larger particles and labels).

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// The tier colours of the course's style guide: Cloud, Edge, Mobile, TinyML.
pub const TIER_HEX: [&str; 4] = ["#6366f1", "#CB202D", "#CC5500", "#008F45"];

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
        ok: Color::srgb(0.29, 0.87, 0.50),
        warn: Color::srgb(0.98, 0.75, 0.14),
        fail: Color::srgb(0.97, 0.44, 0.44),
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
        ok: Color::srgb(0.0, 0.50, 0.20),
        warn: Color::srgb(0.70, 0.33, 0.0),
        fail: Color::srgb(0.80, 0.0, 0.08),
        info: Color::srgb(0.05, 0.25, 0.75),
        link: Color::srgb(0.35, 0.38, 0.45),
        weight: 1.8,
        label_scale: 1.25,
    };
}

/// The display preferences, remembered apart from the ledger.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub projector: bool,
    /// UI scale, 1.0 to 2.5.
    pub scale: f32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            projector: false,
            scale: 1.0,
        }
    }
}

impl Prefs {
    pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=2.5;
    pub fn palette(&self) -> Palette {
        if self.projector {
            Palette::PROJECTOR
        } else {
            Palette::DEFAULT
        }
    }
    /// Clamp to the offered range (a hand-edited store can hold anything).
    pub fn sanitized(self) -> Prefs {
        Prefs {
            projector: self.projector,
            scale: if self.scale.is_finite() {
                self.scale
                    .clamp(*Self::SCALE_RANGE.start(), *Self::SCALE_RANGE.end())
            } else {
                1.0
            },
        }
    }
}

/// The palette in use, derived from [`Prefs`].
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct ActivePalette(pub Palette);

/// Load prefs from the store (and command-line overrides), keep the palette in step, save
/// changes, and toggle the profile with P.
pub struct ThemePlugin {
    pub projector: Option<bool>,
    pub scale: Option<f32>,
}

impl Plugin for ThemePlugin {
    fn build(&self, app: &mut App) {
        let stored = app
            .world()
            .get_resource::<crate::storage::Store>()
            .map(crate::ledger::store::load_prefs)
            .unwrap_or_default();
        let prefs = Prefs {
            projector: self.projector.unwrap_or(stored.projector),
            scale: self.scale.unwrap_or(stored.scale),
        }
        .sanitized();
        app.insert_resource(prefs)
            .insert_resource(ActivePalette(prefs.palette()))
            .insert_resource(ClearColor(prefs.palette().background))
            .add_systems(Update, (toggle_profile, apply_prefs).chain());
    }
}

fn toggle_profile(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut prefs: ResMut<Prefs>,
    typing: Option<Res<crate::ui::KeyboardBusy>>,
) {
    if typing.is_some_and(|t| t.0) {
        return;
    }
    if keys.is_some_and(|k| k.just_pressed(KeyCode::KeyP)) {
        prefs.projector = !prefs.projector;
    }
}

fn apply_prefs(
    prefs: Res<Prefs>,
    mut palette: ResMut<ActivePalette>,
    mut clear: ResMut<ClearColor>,
    store: Option<ResMut<crate::storage::Store>>,
) {
    if !prefs.is_changed() || prefs.is_added() {
        return;
    }
    palette.set_if_neq(ActivePalette(prefs.palette()));
    clear.0 = prefs.palette().background;
    if let Some(mut store) = store {
        crate::ledger::store::save_prefs(&mut store, &prefs);
    }
}
