//! Colours and sizes, one place for both profiles.

use bevy::prelude::*;

/// The tier colours of the course's style guide.
pub const TIER_HEX: [&str; 4] = ["#6366f1", "#CB202D", "#CC5500", "#008F45"];

pub fn tier_color(i: usize) -> Color {
    let h = TIER_HEX[i].trim_start_matches('#');
    let p = |s: &str| u8::from_str_radix(s, 16).unwrap_or(0);
    Color::srgb_u8(p(&h[0..2]), p(&h[2..4]), p(&h[4..6]))
}

pub const BACKGROUND: Color = Color::srgb(0.06, 0.09, 0.16);
pub const TEXT: Color = Color::srgb(0.97, 0.98, 0.99);
pub const TEXT_MUTED: Color = Color::srgb(0.58, 0.64, 0.72);
pub const OK: Color = Color::srgb(0.29, 0.87, 0.50);
pub const WARN: Color = Color::srgb(0.98, 0.75, 0.14);
pub const FAIL: Color = Color::srgb(0.97, 0.44, 0.44);
pub const LINK: Color = Color::srgb(0.28, 0.33, 0.41);
/// Informational accents (the course's blue line).
pub const LINK_BRIGHT: Color = Color::srgb(0.38, 0.65, 0.98);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(BACKGROUND));
}
