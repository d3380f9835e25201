//! The shipped fonts draw every character the game's text uses. The symbol fonts and Hack are cut
//! down to a list (`scripts/subset_fonts.py`); a new arrow or icon in a caption, a banner or a
//! scenario would otherwise show as an empty box.

use std::path::Path;

use architects_audit::ui::fonts;
use bevy_egui::egui;

/// Every character in the game's sources and assets, ASCII included, and in every catalogue but
/// Chinese's (which the CJK face, loaded for Chinese, draws).
fn used_characters() -> Vec<char> {
    fn walk(dir: &Path, out: &mut Vec<char>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("rs" | "json" | "txt" | "ftl")
            ) && !path
                .components()
                .any(|c| c.as_os_str() == "fonts" || c.as_os_str() == "zh-CN")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                out.extend(without_chinese(&path, text).chars());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut chars = Vec::new();
    walk(&root.join("src"), &mut chars);
    walk(&root.join("assets"), &mut chars);
    chars.retain(|c| !c.is_control());
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// A scenario file's text without its Chinese translations (the CJK face draws those).
fn without_chinese(path: &Path, text: String) -> String {
    if path.extension().is_some_and(|e| e == "json")
        && let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&text)
        && let Some(t) = v.get_mut("translations").and_then(|t| t.as_object_mut())
    {
        t.remove("zh-CN");
        return v.to_string();
    }
    text
}

/// Whether any font of `family`, in the game's font set, maps `c` to a glyph.
fn family_has(defs: &egui::FontDefinitions, family: &egui::FontFamily, c: char) -> bool {
    use skrifa::MetadataProvider;
    defs.families[family].iter().any(|name| {
        let data = &defs.font_data[name];
        let font = skrifa::FontRef::from_index(&data.font, data.index).unwrap();
        font.charmap().map(c).is_some()
    })
}

#[test]
fn shipped_fonts_draw_every_character_the_game_uses() {
    let defs = fonts::definitions();
    let used = used_characters();
    assert!(
        used.contains(&'⚠') && used.contains(&'λ'),
        "the scan found the game's text"
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let missing: String = used
            .iter()
            .filter(|&&c| !family_has(&defs, &family, c))
            .collect();
        assert!(missing.is_empty(), "{family:?} lacks {missing:?}");
    }
}

#[test]
fn with_chinese_chosen_every_character_of_its_catalogue_draws() {
    let scenario = architects_audit::physics::Scenario::builtin();
    let chinese: String = include_str!("../../assets/locales/zh-CN/main.ftl")
        .chars()
        .chain(
            scenario.translations.0["zh-CN"]
                .values()
                .flat_map(|s| s.chars()),
        )
        .collect();
    assert!(
        !family_has(&fonts::definitions(), &egui::FontFamily::Proportional, '账'),
        "the CJK face is not loaded before Chinese is chosen"
    );
    fonts::load_cjk();
    let defs = fonts::definitions();
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let missing: String = chinese
            .chars()
            .filter(|c| !c.is_control() && !family_has(&defs, &family, *c))
            .collect();
        assert!(missing.is_empty(), "{family:?} lacks {missing:?}");
    }
    // What a student types: common words beyond the catalogue's.
    let missing = lacking(&defs, "我觉得瓶颈在于带宽，下次先看屋顶线模型。");
    assert!(missing.is_empty(), "{missing:?}");
}

/// The characters of `words` the text face (with its fallbacks) cannot draw.
fn lacking(defs: &egui::FontDefinitions, words: &str) -> String {
    words
        .chars()
        .filter(|&c| !family_has(defs, &egui::FontFamily::Proportional, c))
        .collect()
}

#[test]
fn students_own_words_render_in_the_text_face() {
    // Ubuntu Light ships whole: accented Latin, Greek and Cyrillic a student may type.
    let missing = lacking(
        &fonts::definitions(),
        "Zoë Ångström, Łódź, ñandú, Straße, Ελένη, Дмитрий",
    );
    assert!(missing.is_empty(), "{missing:?}");
}
