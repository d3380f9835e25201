//! The string catalogue: every sentence a student or instructor reads is a Fluent message in
//! `assets/locales/<lang>/main.ftl`, looked up by id. Sentences take named arguments, so another
//! language can put them in its own order; numbers arrive already formatted, except where a
//! message chooses a plural form by them.
//!
//! One catalogue is active for the whole process. A test can start the process with
//! `ARCHITECTS_AUDIT_CATALOGUE=marked`, which wraps every message in [`MARKS`]: text on screen that is
//! not wrapped did not come from the catalogue.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English source catalogue, built into the binary (the web build reads no files).
pub const ENGLISH: &str = include_str!("../../assets/locales/en/main.ftl");

/// The environment variable that selects the marked catalogue (tests only).
pub const CATALOGUE_ENV: &str = "ARCHITECTS_AUDIT_CATALOGUE";

/// The marks around every message of the marked catalogue.
/// (Written as escapes: the marks are never drawn for a student, so the fonts need not have them.)
pub const MARKS: (char, char) = ('\u{27E6}', '\u{27E7}');

/// A message argument: text (numbers the caller has formatted) or a number a plural form
/// depends on.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

/// One language's messages.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    marked: bool,
}

impl Catalogue {
    /// A catalogue from Fluent source. Errors name the line of each entry Fluent could not read.
    pub fn parse(lang: &str, source: &str) -> Result<Self, String> {
        let id: unic_langid::LanguageIdentifier = lang
            .parse()
            .map_err(|e| format!("language tag {lang:?}: {e}"))?;
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    let line = source[..e.pos.start.min(source.len())].lines().count();
                    format!("line {line}: {:?}", e.kind)
                })
                .collect();
            format!("the {lang} catalogue: {}", lines.join("; "))
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks would draw as boxes in the game's fonts.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|e| format!("the {lang} catalogue: {e:?}"))?;
        Ok(Self {
            bundle,
            marked: false,
        })
    }

    /// The English source catalogue.
    pub fn source() -> Self {
        match Self::parse("en", ENGLISH) {
            Ok(c) => c,
            // The catalogue is part of the binary and a test parses it; this is unreachable in a
            // tested build.
            Err(e) => panic!("{e}"),
        }
    }

    /// This catalogue with every message wrapped in [`MARKS`].
    pub fn marked(mut self) -> Self {
        self.marked = true;
        self
    }

    /// Whether the catalogue has a message (`id`) or an attribute (`id.attr`).
    pub fn has(&self, key: &str) -> bool {
        let (id, attr) = split(key);
        match (self.bundle.get_message(id), attr) {
            (Some(m), Some(a)) => m.get_attribute(a).is_some(),
            (Some(m), None) => m.value().is_some(),
            (None, _) => false,
        }
    }

    /// The message `id` (or its attribute, `id.attr`) with its arguments. A missing message reads
    /// as its id, so it shows on screen and in the catalogue test.
    pub fn get(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let (id, attr) = split(key);
        let Some(message) = self.bundle.get_message(id) else {
            return key.to_owned();
        };
        let pattern = match attr {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return key.to_owned();
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Text(s) => fa.set(*name, FluentValue::from(s.as_str())),
                    Arg::Number(n) => fa.set(*name, FluentValue::from(*n)),
                }
            }
            fa
        });
        let mut errors = Vec::new();
        let text: Cow<str> = self
            .bundle
            .format_pattern(pattern, fluent_args.as_ref(), &mut errors);
        if self.marked {
            format!("{}{text}{}", MARKS.0, MARKS.1)
        } else {
            text.into_owned()
        }
    }
}

fn split(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    }
}

/// The English catalogue, for what stays English in every language: the CLI's JSON.
pub fn english() -> &'static Catalogue {
    static ENGLISH_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    ENGLISH_CATALOGUE.get_or_init(Catalogue::source)
}

fn active() -> &'static RwLock<Arc<Catalogue>> {
    static ACTIVE: OnceLock<RwLock<Arc<Catalogue>>> = OnceLock::new();
    ACTIVE.get_or_init(|| {
        let english = Catalogue::source();
        let marked = std::env::var(CATALOGUE_ENV).is_ok_and(|v| v == "marked");
        RwLock::new(Arc::new(if marked { english.marked() } else { english }))
    })
}

/// The active catalogue.
pub fn current() -> Arc<Catalogue> {
    match active().read() {
        Ok(c) => Arc::clone(&c),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// Make `catalogue` the active one; every string drawn after this comes from it.
pub fn activate(catalogue: Catalogue) {
    let mut slot = match active().write() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    *slot = Arc::new(catalogue);
}

/// The message `key` from the active catalogue.
pub fn tr(key: &str) -> String {
    current().get(key, &[])
}

/// The message `key` with named arguments.
pub fn tr_args(key: &str, args: &[(&str, Arg)]) -> String {
    current().get(key, args)
}
