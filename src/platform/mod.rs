//! What differs between the desktop and the browser: the progress store (`storage`: redb on
//! the desktop, localStorage on the web) and the page (`web`: URL options, the loading
//! indicator, file input).

pub mod storage;
pub mod web;

use crate::text::Lang;

/// The system's language, if the lab has it, else English: the operating system's preferred
/// languages on the desktop, `navigator.languages` in the browser.
pub fn system_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        let langs: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Lang::first_of(langs.iter().map(String::as_str))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let langs: Vec<String> = sys_locale::get_locales().collect();
        Lang::first_of(langs.iter().map(String::as_str))
    }
}
