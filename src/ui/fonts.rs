//! The game's fonts: egui's own pair, Ubuntu Light for text and Hack for monospace, with two
//! symbol fonts behind them. Ubuntu Light ships whole, so whatever a student types in a Latin,
//! Greek or Cyrillic script renders; Hack and the symbol fonts are cut down to the characters the
//! game draws (`scripts/subset_fonts.py`), which took 0.98 MB off the web build.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};

const HACK: &[u8] = include_bytes!("../../assets/fonts/Hack-Regular.subset.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.subset.ttf");
const EMOJI_ICON: &[u8] = include_bytes!("../../assets/fonts/emoji-icon-font.subset.ttf");

/// The font set: egui's default families and tweaks, with Hack last in the proportional family
/// too, for the arrows and shapes Ubuntu Light lacks (→, ⇒, ●, ◆ …).
pub fn definitions() -> egui::FontDefinitions {
    let mut defs = egui::FontDefinitions::empty();
    let mut add = |name: &str, data: egui::FontData| {
        defs.font_data.insert(name.to_owned(), Arc::new(data));
    };
    add(
        "Ubuntu-Light",
        egui::FontData::from_static(epaint_default_fonts::UBUNTU_LIGHT),
    );
    add("Hack", egui::FontData::from_static(HACK));
    add(
        "NotoEmoji-Regular",
        egui::FontData::from_static(NOTO_EMOJI).tweak(egui::FontTweak {
            scale: 0.81,
            ..default()
        }),
    );
    add(
        "emoji-icon-font",
        egui::FontData::from_static(EMOJI_ICON).tweak(egui::FontTweak {
            scale: 0.90,
            ..default()
        }),
    );
    let family = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    defs.families.insert(
        egui::FontFamily::Monospace,
        family(&[
            "Hack",
            "Ubuntu-Light",
            "NotoEmoji-Regular",
            "emoji-icon-font",
        ]),
    );
    defs.families.insert(
        egui::FontFamily::Proportional,
        family(&[
            "Ubuntu-Light",
            "NotoEmoji-Regular",
            "emoji-icon-font",
            "Hack",
        ]),
    );
    defs
}

/// Give a context the game's fonts. They take effect from its next pass.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Fonts for every new egui context before its first pass begins, so no frame is drawn without
/// them.
pub(super) fn on_new_contexts(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut ctx in &mut contexts {
        install(ctx.get_mut());
    }
}
