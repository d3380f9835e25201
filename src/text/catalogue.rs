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

use super::lang::{Lang, NumberStyle, localise_number};

/// The English source catalogue, built into the binary (the web build reads no files).
pub const ENGLISH: &str = include_str!("../../assets/locales/en/main.ftl");

/// The environment variable that selects the process's first catalogue (tests and the
/// screenshot script): `marked`, a language tag (`es`, `zh-CN`, `en-XA`), or `marked:<tag>`.
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

/// Arguments given as text that are identifiers, not quantities: written as they are in every
/// language, never grouped or given another decimal mark.
const VERBATIM: [&str; 6] = ["id", "line", "column", "path", "key", "chapter"];

/// One language's messages.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    marked: bool,
    lang: Lang,
    numbers: NumberStyle,
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
            lang: Lang::parse(lang).unwrap_or_default(),
            numbers: NumberStyle::PLAIN,
        })
    }

    /// The catalogue of `lang`, writing numbers as it does. The pseudo-locale is English with
    /// every text accented and lengthened, and every message in brackets.
    pub fn for_lang(lang: Lang) -> Self {
        let mut c = match Self::parse(lang.tag(), lang.source()) {
            Ok(c) => c,
            // The catalogues are part of the binary and a test parses each; unreachable in a
            // tested build.
            Err(e) => panic!("{e}"),
        };
        c.lang = lang;
        c.numbers = lang.numbers();
        c.bundle.set_formatter(Some(match c.numbers.decimal {
            ',' => number_comma,
            _ => number_point,
        }));
        if lang == Lang::Pseudo {
            c.bundle.set_transform(Some(pseudo_text));
        }
        c
    }

    /// The catalogue's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How the catalogue writes numbers.
    pub fn numbers(&self) -> NumberStyle {
        self.numbers
    }

    /// The English source catalogue, writing numbers plainly (`1234.5`): the CLI's JSON and
    /// log lines.
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
                    Arg::Text(s) if !VERBATIM.contains(name) => {
                        match localise_number(s, self.numbers) {
                            Some(n) => fa.set(*name, FluentValue::from(n)),
                            None => fa.set(*name, FluentValue::from(s.as_str())),
                        }
                    }
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
        let text = if self.lang == Lang::Pseudo {
            Cow::Owned(format!("[{text}]"))
        } else {
            text
        };
        if self.marked {
            format!("{}{text}{}", MARKS.0, MARKS.1)
        } else {
            text.into_owned()
        }
    }
}

/// A number Fluent formats (one a plural form depends on) in a locale writing `1,234.5`.
fn number_point<M>(v: &FluentValue, _: &M) -> Option<String> {
    fluent_number(v, Lang::En.numbers())
}

/// … and in one writing `1.234,5`.
fn number_comma<M>(v: &FluentValue, _: &M) -> Option<String> {
    fluent_number(v, Lang::Es.numbers())
}

fn fluent_number(v: &FluentValue, style: NumberStyle) -> Option<String> {
    match v {
        FluentValue::Number(n) => localise_number(&n.as_string(), style),
        _ => None,
    }
}

fn pseudo_text(s: &str) -> Cow<'_, str> {
    Cow::Owned(super::lang::pseudo(s))
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
        let chosen = std::env::var(CATALOGUE_ENV).unwrap_or_default();
        let (marked, tag) = match chosen.strip_prefix("marked") {
            Some(rest) => (true, rest.trim_start_matches(':')),
            None => (false, chosen.as_str()),
        };
        let first = Catalogue::for_lang(Lang::parse(tag).unwrap_or_default());
        RwLock::new(Arc::new(if marked { first.marked() } else { first }))
    })
}

/// The active catalogue.
pub fn current() -> Arc<Catalogue> {
    match active().read() {
        Ok(c) => Arc::clone(&c),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// The language the process's catalogue was fixed to from outside ([`CATALOGUE_ENV`]), if any:
/// then a preference does not change it.
pub fn env_lang() -> Option<Lang> {
    let chosen = std::env::var(CATALOGUE_ENV).ok()?;
    Lang::parse(
        chosen
            .strip_prefix("marked")
            .unwrap_or(&chosen)
            .trim_start_matches(':'),
    )
}

/// Make `lang`'s catalogue the active one (keeping the marks if the process has them).
pub fn activate_lang(lang: Lang) {
    if current().lang() == lang {
        return;
    }
    let marked = current().marked;
    let c = Catalogue::for_lang(lang);
    activate(if marked { c.marked() } else { c });
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
