//! The lab in the student's language: every catalogue has every message of the English source
//! (no more, no fewer), with the same attributes and the same placeholders, and each language
//! writes numbers its own way. (The pseudo-locale's run of every phase is in `catalogue`, and
//! its and Chinese's clip runs are in `clip`.)

use std::collections::{BTreeMap, BTreeSet};

use architects_audit::text::Lang;
use architects_audit::text::catalogue::{Arg, Catalogue, english};
use architects_audit::text::lang::{NumberStyle, format_number, localise_number, pseudo};

/// A catalogue's messages: id → attribute ("" for the value) → the placeholders it names.
fn messages(source: &str) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let (mut id, mut attr) = (String::new(), String::new());
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            let (k, v) = line.split_once('=').expect("an entry is `id = value`");
            (id, attr) = (k.trim().to_owned(), String::new());
            v
        } else if let Some(rest) = line.trim_start().strip_prefix('.') {
            let (k, v) = rest
                .split_once('=')
                .expect("an attribute is `.name = value`");
            attr = k.trim().to_owned();
            v
        } else {
            line
        };
        let slot = out
            .entry(id.clone())
            .or_default()
            .entry(attr.clone())
            .or_default();
        for piece in text.split('$').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                slot.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_message_with_englishs_placeholders() {
    let source = messages(Lang::En.source());
    assert!(source.len() > 500, "the English catalogue was read");
    for lang in [Lang::Es, Lang::Zh] {
        let translation = messages(lang.source());
        let missing: Vec<_> = source
            .keys()
            .filter(|k| !translation.contains_key(*k))
            .collect();
        let extra: Vec<_> = translation
            .keys()
            .filter(|k| !source.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has messages English has not: {extra:?}"
        );
        for (id, attrs) in &source {
            assert_eq!(
                attrs, &translation[id],
                "{lang:?} {id}: attributes and placeholders differ from English's"
            );
        }
    }
}

#[test]
fn the_placeholder_check_sees_a_renamed_argument() {
    let en = messages("a = { $gpus } GPUs\nb = x\n    .y = { $z }\n");
    let es = messages("a = { $gpu } GPU\nb = x\n    .y = { $z }\n");
    assert_ne!(en["a"], es["a"]);
    assert_eq!(en["b"], es["b"]);
}

#[test]
fn every_catalogue_parses_and_says_every_message_in_its_language() {
    for lang in Lang::ALL {
        let c = Catalogue::for_lang(lang);
        assert_eq!(c.lang(), lang);
        for id in messages(Lang::En.source()).keys() {
            assert!(c.has(id), "{lang:?} has no {id}");
        }
    }
    let say = |lang| Catalogue::for_lang(lang).get("begin", &[]);
    assert_eq!(say(Lang::En), "Begin Act I");
    assert_eq!(say(Lang::Es), "Empezar el Acto I");
    assert_eq!(say(Lang::Zh), "开始第一幕");
    let pseudo = say(Lang::Pseudo);
    assert!(pseudo.starts_with('[') && pseudo.ends_with(']'), "{pseudo}");
    assert!(!pseudo.contains("Begin"), "{pseudo}");
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    let unit = |lang, v: &str| Catalogue::for_lang(lang).get("unit-ms", &[("value", v.into())]);
    assert_eq!(unit(Lang::En, "1000.5"), "1,000.5 ms");
    assert_eq!(unit(Lang::Es, "1000.5"), "1.000,5 ms");
    assert_eq!(unit(Lang::Zh, "1000.5"), "1,000.5 ms");
    assert_eq!(unit(Lang::Es, "-0.25"), "-0,25 ms");
    assert_eq!(unit(Lang::Es, "1.5e-3"), "1,5e-3 ms");
    // The CLI's JSON and the formula trace's English: plain digits.
    assert_eq!(
        english().get("unit-ms", &[("value", "1000.5".into())]),
        "1000.5 ms"
    );
    // Text that is not a number stays as it is.
    assert_eq!(unit(Lang::Es, "1–15"), "1–15 ms");
    assert_eq!(unit(Lang::Es, "v1.2"), "v1.2 ms");
    // Numbers Fluent formats for a plural form follow the language too.
    let replicas = |lang| {
        Catalogue::for_lang(lang).get(
            "chips-replicas",
            &[
                ("gpus", Arg::Number(1200.0)),
                ("replicas", Arg::Number(1.0)),
            ],
        )
    };
    assert_eq!(replicas(Lang::En), "1,200 GPUs = 1 replica");
    assert_eq!(replicas(Lang::Es), "1.200 GPU = 1 réplica");
    // Identifiers are not quantities.
    let pinned =
        Catalogue::for_lang(Lang::Es).get("ledger-event-pinned", &[("id", "1733500000".into())]);
    assert!(pinned.ends_with("1733500000"), "{pinned}");
    assert_eq!(
        format_number(1234567.891, 2, Lang::Es.numbers()),
        "1.234.567,89"
    );
    assert_eq!(format_number(999.0, 0, Lang::En.numbers()), "999");
    assert_eq!(
        localise_number("12", NumberStyle::PLAIN).as_deref(),
        Some("12")
    );
    assert_eq!(localise_number("1,000", Lang::En.numbers()), None);
}

#[test]
fn the_pseudo_locale_is_accented_and_forty_percent_longer() {
    let english = "Lock my prediction";
    let p = pseudo(english);
    assert!(!p.contains("Lock") && !p.contains("prediction"), "{p}");
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic() || *c == '~').count();
    let en = letters(english);
    assert!(letters(&p) * 10 >= en * 14, "{p}: not 40 % longer");
}

#[test]
fn a_language_is_read_from_the_tags_browsers_and_systems_write() {
    assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
    assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::Zh));
    assert_eq!(Lang::parse("EN-xa"), Some(Lang::Pseudo));
    assert_eq!(Lang::parse("fr-FR"), None);
    assert_eq!(Lang::parse("C"), None);
    assert_eq!(Lang::first_of(["fr-FR", "es-ES", "en"]), Lang::Es);
    assert_eq!(Lang::first_of(["fr-FR", "de"]), Lang::En);
    assert_eq!(Lang::first_of(["en-XA", "zh-CN"]), Lang::Zh);
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
    }
}

/// Words the world keeps between frames (each tier's line) are said again in a new language
/// as soon as it is chosen, not when the design next changes.
#[test]
fn a_switch_of_language_rewords_the_world_at_once() {
    use architects_audit::text::catalogue::{CATALOGUE_ENV, activate_lang};
    use architects_audit::world::{TierNode, TierState};
    if std::env::var(CATALOGUE_ENV).is_err() {
        // The catalogue is the process's: switch it in a child process of its own.
        crate::catalogue::in_child(
            "languages::a_switch_of_language_rewords_the_world_at_once",
            "en",
        );
        return;
    }
    let mut app = architects_audit::testing::headless_app();
    let lines = |app: &mut bevy::prelude::App| -> Vec<String> {
        let mut q = app.world_mut().query::<(&TierNode, &TierState)>();
        q.iter(app.world()).map(|(_, s)| s.0.line.clone()).collect()
    };
    for _ in 0..3 {
        app.update();
    }
    assert!(
        lines(&mut app).iter().all(|l| l == "awaiting your design"),
        "{:?}",
        lines(&mut app)
    );
    activate_lang(Lang::Es);
    app.update();
    assert!(
        lines(&mut app).iter().all(|l| l == "esperando tu diseño"),
        "{:?}",
        lines(&mut app)
    );
}
