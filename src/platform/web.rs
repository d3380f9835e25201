//! Options for the web build, read from the page's URL: `?projector=1`, `?scale=1.5`,
//! `?model=course-draft|systems`, `?demo=1`, `?class=1` (the instructor's class view),
//! `?lang=es|zh-CN|en` (the language for this visit). Unknown or bad values are ignored with a warning.

use crate::physics::PhysicsModel;

/// What the URL asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlOptions {
    /// Open the instructor's class view (`?class=1`).
    pub class: bool,
    pub projector: Option<bool>,
    pub scale: Option<f32>,
    pub model: Option<PhysicsModel>,
    pub demo: bool,
    /// Jump to a marker of the demo script and stay there (`?goto=act2-pass`), on a store in
    /// memory, as the desktop's `--goto`: for measuring a screen, never the student's ledger.
    pub goto: Option<String>,
    pub lang: Option<crate::text::Lang>,
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Read the URL's parameters, already split and percent-decoded (the page hands them over
/// through `URLSearchParams`); `markers` are the demo script's, which `goto` may name. Returns
/// the options and one warning per ignored parameter.
pub fn parse_params<K, V>(
    params: impl IntoIterator<Item = (K, V)>,
    markers: &[&str],
) -> (UrlOptions, Vec<String>)
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut o = UrlOptions::default();
    let mut warnings = Vec::new();
    for (k, v) in params {
        let (k, v) = (k.as_ref(), v.as_ref());
        let bad = |w: &mut Vec<String>, what: &str| {
            w.push(format!("ignored URL parameter `{k}={v}`: {what}"));
        };
        match k {
            "projector" => match flag(v) {
                Some(b) => o.projector = Some(b),
                None => bad(&mut warnings, "use 1 or 0"),
            },
            "scale" => match v.parse::<f32>() {
                Ok(s) if (1.0..=2.5).contains(&s) => o.scale = Some(s),
                _ => bad(&mut warnings, "use a number from 1.0 to 2.5"),
            },
            "model" => match PhysicsModel::parse(v) {
                Some(m) => o.model = Some(m),
                None => bad(&mut warnings, "use systems or course-draft"),
            },
            "class" => match flag(v) {
                Some(b) => o.class = b,
                None => bad(&mut warnings, "use 1 or 0"),
            },
            "lang" => match crate::text::Lang::parse(v) {
                Some(l) => o.lang = Some(l),
                None => bad(&mut warnings, "use en, es or zh-CN"),
            },
            "demo" => match flag(v) {
                Some(b) => o.demo = b,
                None => bad(&mut warnings, "use 1 or 0"),
            },
            "goto" => {
                if markers.contains(&v) {
                    o.goto = Some(v.to_string());
                } else {
                    bad(&mut warnings, &format!("use one of {}", markers.join(", ")));
                }
            }
            _ => bad(&mut warnings, "unknown parameter"),
        }
    }
    (o, warnings)
}

/// Read the page URL (web only); `markers` as for [`parse_params`].
#[cfg(target_arch = "wasm32")]
pub fn from_page(markers: &[&str]) -> UrlOptions {
    use wasm_bindgen::JsCast;
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut pairs = Vec::new();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search)
        && let Ok(Some(entries)) = js_sys::try_iter(&params)
    {
        for entry in entries.flatten() {
            let entry: js_sys::Array = entry.unchecked_into();
            let text = |i| entry.get(i).as_string().unwrap_or_default();
            pairs.push((text(0), text(1)));
        }
    }
    let (o, warnings) = parse_params(pairs, markers);
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
    o
}

/// Whether the browser asks for reduced motion (`prefers-reduced-motion: reduce`).
#[cfg(target_arch = "wasm32")]
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Whether the browser asks for more contrast (`prefers-contrast: more`).
#[cfg(target_arch = "wasm32")]
pub fn prefers_more_contrast() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-contrast: more)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page's main pointer is a finger (`pointer: coarse`: a phone, a tablet).
#[cfg(target_arch = "wasm32")]
pub fn coarse_pointer() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Title the page (the tab, and what a screen reader says of the page).
#[cfg(target_arch = "wasm32")]
pub fn set_page_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Hide the page's loading indicator once the first frame is drawn (web only).
#[cfg(target_arch = "wasm32")]
pub fn hide_loading() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        el.remove();
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Files each picker (by input id) has read and not yet handed over.
    static PICKED: std::cell::RefCell<
        std::collections::HashMap<&'static str, Vec<(String, String)>>,
    > = std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The page's hidden file input for a class's ledgers (id `class-files`, several `.json` /
/// `.jsonl` files), made on first use. It stays in the page so tests can drive it; the files
/// it reads are handed over by [`take_picked_files`].
#[cfg(target_arch = "wasm32")]
pub fn class_input() -> Option<web_sys::HtmlInputElement> {
    file_input(CLASS_FILES, true)
}

/// The page's hidden file input for importing a Design Ledger (id `ledger-file`).
#[cfg(target_arch = "wasm32")]
pub fn ledger_input() -> Option<web_sys::HtmlInputElement> {
    file_input(LEDGER_FILE, false)
}

#[cfg(target_arch = "wasm32")]
const CLASS_FILES: &str = "class-files";
#[cfg(target_arch = "wasm32")]
const LEDGER_FILE: &str = "ledger-file";

#[cfg(target_arch = "wasm32")]
fn file_input(id: &'static str, multiple: bool) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let doc = web_sys::window()?.document()?;
    if let Some(el) = doc.get_element_by_id(id) {
        return Some(el.unchecked_into());
    }
    let input: web_sys::HtmlInputElement = doc.create_element("input").ok()?.unchecked_into();
    input.set_type("file");
    input.set_multiple(multiple);
    input.set_accept(".json,.jsonl,application/json");
    input.set_id(id);
    let _ = input.style().set_property("display", "none");
    doc.body()?.append_child(&input).ok()?;
    let for_change = input.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || read_picked(id, &for_change));
    input.set_onchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    Some(input)
}

/// Open the browser's file picker for a class's ledgers.
#[cfg(target_arch = "wasm32")]
pub fn pick_class_files() {
    open_picker(class_input());
}

/// Open the browser's file picker for a Design Ledger to import.
#[cfg(target_arch = "wasm32")]
pub fn pick_ledger_file() {
    open_picker(ledger_input());
}

#[cfg(target_arch = "wasm32")]
fn open_picker(input: Option<web_sys::HtmlInputElement>) {
    if let Some(input) = input {
        input.set_value("");
        input.click();
    }
}

#[cfg(target_arch = "wasm32")]
fn read_picked(id: &'static str, input: &web_sys::HtmlInputElement) {
    use wasm_bindgen::closure::Closure;
    let Some(files) = input.files() else { return };
    let names = js_sys::Array::new();
    let texts = js_sys::Array::new();
    for i in 0..files.length() {
        if let Some(f) = files.get(i) {
            names.push(&f.name().into());
            texts.push(&f.text());
        }
    }
    let done = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::once(move |read| {
        let read = js_sys::Array::from(&read);
        let files = (0..names.length())
            .map(|i| {
                (
                    names.get(i).as_string().unwrap_or_default(),
                    read.get(i).as_string().unwrap_or_default(),
                )
            })
            .collect();
        PICKED.with(|p| {
            p.borrow_mut().insert(id, files);
        });
    });
    let failed = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::once(move |e| {
        web_sys::console::error_2(&"files could not be read:".into(), &e);
    });
    let _ = js_sys::Promise::all(&texts).then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// The class files the picker has read since the last call.
#[cfg(target_arch = "wasm32")]
pub fn take_picked_files() -> Option<Vec<(String, String)>> {
    PICKED.with(|p| p.borrow_mut().remove(CLASS_FILES))
}

/// The ledger file the picker has read since the last call: (name, text).
#[cfg(target_arch = "wasm32")]
pub fn take_picked_ledger() -> Option<(String, String)> {
    PICKED
        .with(|p| p.borrow_mut().remove(LEDGER_FILE))
        .and_then(|files| files.into_iter().next())
}
