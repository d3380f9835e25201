//! Options for the web build, read from the page's URL: `?projector=1`, `?scale=1.5`,
//! `?model=course-draft|systems`, `?demo=1`. Unknown or bad values are ignored with a warning.

use crate::physics::PhysicsModel;

/// What the URL asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlOptions {
    pub projector: Option<bool>,
    pub scale: Option<f32>,
    pub model: Option<PhysicsModel>,
    pub demo: bool,
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Read the URL's parameters, already split and percent-decoded (the page hands them over
/// through `URLSearchParams`). Returns the options and one warning per ignored parameter.
pub fn parse_params<K, V>(params: impl IntoIterator<Item = (K, V)>) -> (UrlOptions, Vec<String>)
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
            "demo" => match flag(v) {
                Some(b) => o.demo = b,
                None => bad(&mut warnings, "use 1 or 0"),
            },
            _ => bad(&mut warnings, "unknown parameter"),
        }
    }
    (o, warnings)
}

/// Read the page URL (web only).
#[cfg(target_arch = "wasm32")]
pub fn from_page() -> UrlOptions {
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
    let (o, warnings) = parse_params(pairs);
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
    o
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
