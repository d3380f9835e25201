//! The string catalogue (`assets/locales/en/main.ftl`) is the one source of what a student or
//! instructor reads. Drawn with a catalogue that wraps every message in marks, the panels of
//! every phase (with MathPeek II, the instruments and the metrics open), the dialogs, the time
//! controls, the world's overlay, the class view and the class report page show no word outside
//! the marks, apart from the scenario's own names (hardware, models: data, not sentences).

use std::collections::BTreeSet;
use std::process::Command;

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::ledger::store::LedgerState;
use architects_audit::physics::{Design, PhysicsModel, Scenario};
use architects_audit::text::catalogue::{CATALOGUE_ENV, Catalogue, ENGLISH, MARKS};

use crate::panels::Panels;

/// The words of `drawn` that lie outside every pair of marks (marks nest: a message's argument
/// can be another message).
fn unmarked_words(drawn: &str) -> Vec<String> {
    words_outside(drawn, MARKS)
}

/// The words of `drawn` outside every pair of `marks`.
fn words_outside(drawn: &str, marks: (char, char)) -> Vec<String> {
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in drawn.chars() {
        if c == marks.0 {
            depth += 1;
            outside.push(' ');
        } else if c == marks.1 {
            depth = depth.saturating_sub(1);
            outside.push(' ');
        } else if depth == 0 {
            outside.push(c);
        }
    }
    outside
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect()
}

/// The words of the scenario's own names and reading list: its devices' and models' labels (and
/// short labels), and
/// each reading's title and reason (scenario text, not the game's; its sources are not drawn).
fn scenario_words(sc: &Scenario) -> BTreeSet<String> {
    fn words(s: &str, out: &mut BTreeSet<String>) {
        out.extend(
            s.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
    }
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    match (k.as_str(), x) {
                        ("label" | "short_label", serde_json::Value::String(s)) => words(s, out),
                        ("sources", _) => {}
                        _ => walk(x, out),
                    }
                }
            }
            _ => {}
        }
    }
    let doc: serde_json::Value = serde_json::to_value(sc).expect("a scenario serialises");
    let mut out = BTreeSet::new();
    walk(&doc, &mut out);
    for r in &sc.reading {
        words(&r.title, &mut out);
        words(&r.why, &mut out);
    }
    out
}

/// Every text the panels draw, for each phase, model, design and ledger, with the live
/// instruments and the submit dialog open.
fn panels_drawn() -> Vec<(String, String)> {
    let sample =
        architects_audit::ledger::parse_str(include_str!("../../assets/ledgers/strong.json"))
            .unwrap()
            .ledger;
    let mut out = Vec::new();
    for model in PhysicsModel::ALL {
        for design in [
            Design::default(),
            architects_audit::lab::demo::winning_design(),
        ] {
            for phase in Phase::ALL {
                for ledger in [false, true] {
                    let preds = Predictions {
                        act1: (phase != Phase::Act1Predict && phase != Phase::Intro)
                            .then_some(Act1Choice::MemoryBw),
                        act2: matches!(phase, Phase::Act2Design | Phase::Act2Reveal)
                            .then_some(Act2Choice::TinyOom),
                        attempt: None,
                    };
                    let mut p = Panels::new(Scenario::builtin(), phase, design, model, preds)
                        .with_a_minute_of_instruments();
                    if ledger {
                        p = p.with_ledger(LedgerState::from_ledger(sample.clone()));
                    }
                    p.submit.open = phase == Phase::Act2Design;
                    let at = format!("{model:?} {phase:?} ledger {ledger}");
                    out.extend(p.drawn(1920.0, 3000.0).into_iter().map(|t| (at.clone(), t)));
                }
            }
        }
    }
    out
}

/// The reveal with each demo section open (MathPeek II, the instruments, the metrics), the
/// shortcuts dialog, the time controls and the class view.
fn sections_drawn() -> Vec<(String, String)> {
    use architects_audit::lab::demo::Show;
    use architects_audit::lab::live::TimeControls;
    use architects_audit::ui::{Form, ShortcutsOpen, class_panel, overlays, shortcuts};
    use architects_audit::world::particles::ParticleClock;
    use bevy_egui::egui;
    let mut out = Vec::new();
    for model in PhysicsModel::ALL {
        for show in [Show::Peek, Show::Instruments, Show::Metrics] {
            let preds = Predictions {
                act1: Some(Act1Choice::MemoryBw),
                act2: Some(Act2Choice::TinyOom),
                attempt: None,
            };
            let mut p = Panels::new(
                Scenario::builtin(),
                Phase::Act2Reveal,
                Design::default(),
                model,
                preds,
            )
            .with_a_minute_of_instruments();
            let at = format!("{model:?} reveal {show:?}");
            let drawn = p.drawn_with(1920.0, 6000.0, |ctx| {
                ctx.data_mut(|d| d.insert_temp(egui::Id::new(Show::KEY), show));
            });
            out.extend(drawn.into_iter().map(|t| (at.clone(), t)));
        }
    }
    let dialogs = crate::captions::drawn_texts(|ui| {
        shortcuts(ui.ctx(), &mut ShortcutsOpen(true));
        let tc = TimeControls::default();
        for (form, touch) in [(Form::Wide, false), (Form::Tall, true)] {
            let _ = overlays::time_controls(
                ui.ctx(),
                0.0,
                form,
                &tc,
                &ParticleClock::default(),
                &architects_audit::theme::Palette::DEFAULT,
                touch,
            );
        }
    });
    out.extend(dialogs.into_iter().map(|t| ("dialogs".to_owned(), t)));
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/designs");
    let loaded = architects_audit::cli::class_cmd::load(&[dir]);
    for (names, selected) in [(false, None), (true, Some(0)), (false, Some(1))] {
        let mut view = architects_audit::lab::class_view::ClassView::new(
            loaded.students.clone(),
            loaded.unreadable.clone(),
            names,
        );
        view.selected = selected;
        let texts = crate::captions::drawn_texts(|ui| {
            class_panel(
                ui,
                &view,
                &Scenario::builtin(),
                &architects_audit::theme::Palette::DEFAULT,
            );
        });
        out.extend(
            texts
                .into_iter()
                .map(|t| (format!("class {selected:?}"), t)),
        );
    }
    out
}

/// The class report page's text (its style sheet and markup removed), for both fixture classes.
fn page_drawn() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for class in ["class", "designs"] {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(class);
        let (report, _) = architects_audit::cli::class_cmd::report_of(&[dir]);
        let html = architects_audit::cli::class_html::page(&report).unwrap();
        let body = html.split("</style>").nth(1).unwrap_or(&html);
        let mut text = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push('\n');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text.replace("&amp;", "&").replace("&quot;", "\"");
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| (format!("page {class}"), l.to_owned())),
        );
    }
    out
}

/// The overlay's text for the default design and the winning one, after the Act II lock.
fn world_drawn() -> Vec<(String, String)> {
    use architects_audit::world::LiveWorld;
    let mut out = Vec::new();
    for design in [
        Design::default(),
        architects_audit::lab::demo::winning_design(),
    ] {
        let mut app = crate::instruments::app_with(Scenario::builtin(), true);
        let picture = crate::instruments::set(&mut app, design);
        for _ in 0..60 {
            app.update();
        }
        let views = crate::instruments::views(&mut app);
        let live = app.world().resource::<LiveWorld>().clone();
        let texts = crate::instruments::drawn_texts(&picture, &views, live);
        out.extend(texts.into_iter().map(|t| ("world".to_owned(), t)));
    }
    out
}

/// Ledgers with every oddity the reader notes and every error it gives: a track and a chapter
/// of the wrong kinds, an entry that is not an object, one with no chapter, a chapter that is
/// not a number, one read from a string, a design that is not an object, one missing; a key
/// that is not a chapter, a key given twice, a lone surrogate; no history; and a top level that
/// is not an object, text that is not JSON, a history of the wrong kind, nothing at all.
const ODD_LEDGERS: [&str; 7] = [
    r#"{"track": 3, "current_chapter": [], "history": [1, {"design": {}}, {"chapter": "x"},
        {"chapter": "4", "design": 5}, {"chapter": 2}]}"#,
    r#"{"history": {"x": {}, "3": {"n": 1, "n": 2, "s": "\ud800"}}}"#,
    "{}",
    "[1, 2]",
    "{",
    r#"{"history": 3}"#,
    "",
];

/// The ledger's messages as Act I's first screen draws them: a damaged ledger's notes, the events of
/// loading a store (a migration, an unreadable value kept), a damaged store file moved aside,
/// a save that could not happen, an export's result, and an import's preview (its notes, a
/// ledger that cannot be read, a file that cannot be read).
fn ledger_messages_drawn() -> Vec<(String, String)> {
    use architects_audit::ledger::keep::{LEDGER_KEY, LEGACY_KEY};
    use architects_audit::ledger::parse_str;
    use architects_audit::ledger::store::{ImportPreview, SaveStatus, load};
    use architects_audit::platform::storage::{self, FILE_NAME, Store};
    let notes: usize = ODD_LEDGERS
        .iter()
        .filter_map(|l| parse_str(l).ok())
        .map(|p| p.notes.len())
        .sum();
    assert!(notes >= 12, "{notes} notes");
    let mut legacy = Store::memory();
    legacy.set(LEGACY_KEY, ODD_LEDGERS[0]).unwrap();
    let mut damaged = Store::memory();
    damaged.set(LEDGER_KEY, "{ not a ledger").unwrap();
    storage::use_check_child(crate::damage::BIN.into());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE_NAME), vec![0x5a; 4096]).unwrap();
    let moved = Store::open_or_memory(Some(dir.path().into()));
    assert!(
        !moved.notices.is_empty(),
        "the damaged store file was moved aside"
    );
    let previews = ODD_LEDGERS.map(|l| ImportPreview::new("a.json", l));
    let mut out = Vec::new();
    for (i, preview) in previews.into_iter().enumerate() {
        let mut state = load(if i == 0 { &mut legacy } else { &mut damaged });
        assert!(!state.events.is_empty(), "loading said what it did");
        state.store_notices = moved.notices.clone();
        state.save = SaveStatus::MemoryOnly("42".into());
        state.last_export = Some(if i == 0 {
            Ok("/x/y.json".into())
        } else {
            Err("42".into())
        });
        let mut p = Panels::new(
            Scenario::builtin(),
            Phase::Act1Predict,
            Design::default(),
            PhysicsModel::Systems,
            Predictions::default(),
        )
        .with_ledger(state);
        p.preview = Some(preview);
        let at = format!("ledger messages {i}");
        let drawn = p.drawn(1920.0, 6000.0);
        out.extend(drawn.into_iter().map(|t| (at.clone(), t)));
    }
    out
}

/// The body of a child run: in a process whose catalogue is the marked one, or the
/// pseudo-locale's (each message in brackets). No word may be drawn outside the marks.
fn check_marked(marks: (char, char)) {
    let begin = architects_audit::text::begin();
    assert!(
        begin.starts_with(marks.0) && begin.ends_with(marks.1),
        "this process's catalogue does not mark its messages with {marks:?}: {begin:?}"
    );
    let data = scenario_words(&Scenario::builtin());
    // In the pseudo-locale, an English word inside the brackets is a message drawn untransformed
    // (or an argument that should have been one). Data drawn as it is may hold English words:
    // file paths (left out below), the JSON paths of the ledger's notes (`$.history`), a file's
    // name (`a.json`), the details of an I/O or JSON error (from the system and the parser),
    // and a code point (U+FFFD).
    const DATA: [&str; 10] = [
        "history", "json", "error", "invalid", "data", "while", "object", "line", "column", "FFFD",
    ];
    let english: BTreeSet<String> = if marks == MARKS {
        BTreeSet::new()
    } else {
        ENGLISH
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 4 && !DATA.contains(w))
            .map(str::to_owned)
            .collect()
    };
    let mut stray: BTreeSet<String> = BTreeSet::new();
    let all = panels_drawn()
        .into_iter()
        .chain(sections_drawn())
        .chain(page_drawn())
        .chain(world_drawn())
        .chain(ledger_messages_drawn());
    for (at, text) in all {
        let words: Vec<String> = words_outside(&text, marks)
            .into_iter()
            .chain(
                text.split_whitespace()
                    // A file path is data, whatever words its folders are named with.
                    .filter(|token| !token.contains('/'))
                    .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
                    .filter(|w| english.contains(*w))
                    .map(str::to_owned),
            )
            .filter(|w| !data.contains(w))
            .collect();
        if !words.is_empty() {
            stray.insert(format!("{at}: {text:?} ({})", words.join(" ")));
        }
    }
    assert!(
        stray.is_empty(),
        "{} texts drawn outside the catalogue:\n{}",
        stray.len(),
        stray.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// Run the test `name` again in a child process whose catalogue is `catalogue` (the
/// catalogue is the process's, and tests run side by side).
pub fn in_child(name: &str, catalogue: &str) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CATALOGUE_ENV, catalogue)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_drawn_text_comes_from_the_catalogue() {
    match std::env::var(CATALOGUE_ENV).as_deref() {
        Ok("marked") => check_marked(MARKS),
        Ok(_) => {}
        Err(_) => in_child(
            "catalogue::every_drawn_text_comes_from_the_catalogue",
            "marked",
        ),
    }
}

#[test]
fn the_pseudo_locale_draws_no_english() {
    match std::env::var(CATALOGUE_ENV).as_deref() {
        Ok("en-XA") => check_marked(('[', ']')),
        Ok(_) => {}
        Err(_) => in_child("catalogue::the_pseudo_locale_draws_no_english", "en-XA"),
    }
}

#[test]
fn the_check_sees_a_word_outside_the_marks() {
    let (a, b) = MARKS;
    assert!(unmarked_words(&format!("{a}Cloud {a}P99{b} 12 ms{b}")).is_empty());
    assert_eq!(unmarked_words(&format!("{a}P99{b} 12 ms")), ["ms"]);
    assert_eq!(unmarked_words(&format!("Design: {a}valid{b}")), ["Design"]);
}

#[test]
fn the_english_catalogue_parses_and_marks() {
    let en = Catalogue::parse("en", ENGLISH).unwrap();
    assert_eq!(en.get("unit-ms", &[("value", "12".into())]), "12 ms");
    let marked = Catalogue::parse("en", ENGLISH).unwrap().marked();
    assert_eq!(
        marked.get("unit-ms", &[("value", "12".into())]),
        format!("{}12 ms{}", MARKS.0, MARKS.1)
    );
    let err = Catalogue::parse("en", "ok = fine\nbroken = { $\n")
        .err()
        .unwrap();
    assert!(err.contains("line 2"), "{err}");
}

/// The ids of the English catalogue's messages.
fn english_ids() -> Vec<String> {
    ENGLISH
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[test]
fn every_message_is_used_and_every_key_the_code_names_exists() {
    let src: String = crate::shape::sources(&crate::shape::src())
        .into_values()
        .collect();
    let ids = english_ids();
    assert!(ids.len() > 300, "read {} ids", ids.len());
    // A message is used when the code names it, or builds its id from a family's prefix
    // (`format!("demo-captions-{}", …)`, `format!("invariant-{}", …)`).
    let unused: Vec<&String> = ids
        .iter()
        .filter(|id| {
            let family = id
                .match_indices('-')
                .any(|(at, _)| src.contains(&format!("\"{}-{{", &id[..at])));
            !src.contains(&format!("\"{id}\"")) && !family
        })
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    // Every key the code passes straight to the catalogue exists.
    let en = Catalogue::parse("en", ENGLISH).unwrap();
    let mut missing = Vec::new();
    for call in ["tr(\"", "t!(\"", "t!(\n"] {
        for (at, _) in src.match_indices(call) {
            // A call of the catalogue's own `tr` or `t!`, not of `str(` or `assert!(`.
            let before = src[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = src[at + call.len()..].trim_start();
            // A key given by a variable or an expression is checked where it is drawn.
            let Some(rest) = rest
                .strip_prefix('"')
                .or(call.ends_with('"').then_some(rest))
            else {
                continue;
            };
            let key: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
                .collect();
            if !key.is_empty() && !en.has(&key) {
                missing.push(key);
            }
        }
    }
    assert!(missing.is_empty(), "keys the catalogue lacks: {missing:?}");
}

#[test]
fn every_invariant_has_its_name_equation_card_and_synthesis() {
    use architects_audit::ledger::invariant::Invariant;
    let en = Catalogue::parse("en", ENGLISH).unwrap();
    for i in Invariant::ALL {
        let key = format!("invariant-{}", i.facts().id);
        for attr in ["", ".heading", ".equation", ".note", ".synthesis"] {
            assert!(en.has(&format!("{key}{attr}")), "{key}{attr} missing");
        }
        assert_eq!(
            Invariant::from_course_label(i.facts().course_label),
            Some(i)
        );
    }
}
