//! The game's fonts: egui's own pair, Ubuntu Light for text and Hack for monospace, with two
//! symbol fonts behind them. Ubuntu Light ships whole, so whatever a student types in a Latin,
//! Greek or Cyrillic script renders; Hack and the symbol fonts are cut down to the characters the
//! game draws (`scripts/subset_fonts.py`), which took 0.98 MB off the web build.
//!
//! Chinese needs a CJK face: Noto Sans CJK SC, cut to the characters of the Chinese catalogue
//! and the 3,755 most common characters (GB 2312 level 1, for what students type). It is
//! loaded only when Chinese is chosen; the web build fetches it then, as a file of its own, so
//! no one else downloads it.

use std::sync::{Arc, OnceLock};

use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};

const HACK: &[u8] = include_bytes!("../../assets/fonts/Hack-Regular.subset.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.subset.ttf");
const EMOJI_ICON: &[u8] = include_bytes!("../../assets/fonts/emoji-icon-font.subset.ttf");

/// The characters of Chinese's own name (中文（简体）), which every language's choice shows:
/// 4 KB, always loaded.
const CJK_NAMES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-names.subset.otf");

/// The CJK face's file, in `assets/fonts/` (and `fonts/` beside the web build's page).
pub const CJK_FILE: &str = "NotoSansSC-Regular.subset.otf";

/// The CJK face's bytes, once loaded.
static CJK: OnceLock<&'static [u8]> = OnceLock::new();

/// The CJK face, if it has been loaded.
pub fn cjk() -> Option<&'static [u8]> {
    CJK.get().copied()
}

/// Load the CJK face (on the web: start fetching it; it is ready a moment later). Loading it
/// again does nothing.
pub fn load_cjk() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.subset.otf");
        let _ = CJK.set(BYTES);
    }
    #[cfg(target_arch = "wasm32")]
    fetch_cjk();
}

/// Fetch the CJK face beside the page, once.
#[cfg(target_arch = "wasm32")]
fn fetch_cjk() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use wasm_bindgen::JsCast;
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::SeqCst) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let fetched = async {
            let window = web_sys::window().ok_or("no window")?;
            let url = format!("fonts/{CJK_FILE}");
            let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url))
                .await
                .map_err(|_| "the request failed")?;
            let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
            if !resp.ok() {
                return Err("the server did not send it");
            }
            let buf =
                wasm_bindgen_futures::JsFuture::from(resp.array_buffer().map_err(|_| "no body")?)
                    .await
                    .map_err(|_| "the body could not be read")?;
            Ok::<Vec<u8>, &str>(js_sys::Uint8Array::new(&buf).to_vec())
        }
        .await;
        match fetched {
            Ok(bytes) => {
                let _ = CJK.set(Box::leak(bytes.into_boxed_slice()));
            }
            Err(e) => {
                log::warn!("the Chinese font was not loaded ({e}); Chinese text shows as boxes");
                STARTED.store(false, Ordering::SeqCst);
            }
        }
    });
}

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
    let cjk_face = match cjk() {
        Some(bytes) => {
            add("NotoSansSC", egui::FontData::from_static(bytes));
            "NotoSansSC"
        }
        None => {
            add("NotoSansSC-names", egui::FontData::from_static(CJK_NAMES));
            "NotoSansSC-names"
        }
    };
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
    let family = |names: &[&str]| {
        let mut f: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        // Second, after the family's own face (its Latin is the lab's look).
        f.insert(1, cjk_face.to_owned());
        f
    };
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
