//! Display preferences: remembered in the student's store under their own key, restored on the
//! next start, never written by a command-line override alone, and never part of the ledger.

use architects_audit::LaunchOptions;
use architects_audit::lab::prefs::{PREFS_KEY, Prefs, PrefsMsg};
use architects_audit::physics::{PhysicsModel, Scenario};
use architects_audit::platform::storage::Store;
use architects_audit::testing::headless_app_for;
use bevy::prelude::*;

fn options() -> LaunchOptions {
    LaunchOptions::new(Scenario::builtin(), PhysicsModel::Systems)
}

fn prefs(app: &App) -> Prefs {
    *app.world().resource::<Prefs>()
}

fn stored(app: &App) -> Option<String> {
    app.world()
        .resource::<Store>()
        .get(PREFS_KEY)
        .ok()
        .flatten()
}

#[test]
fn preferences_persist_across_starts_on_their_own_key() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = headless_app_for(&options(), dir.path().into());
        app.update();
        assert_eq!(prefs(&app), Prefs::default());
        assert_eq!(stored(&app), None, "nothing is written before a change");
        app.world_mut().write_message(PrefsMsg::Set(Prefs {
            projector: true,
            scale: 1.75,
            reduced_motion: true,
            touch: false,
            lang: None,
        }));
        app.update();
        assert!(stored(&app).is_some(), "a change is saved");
        let ledger_keys = app
            .world()
            .resource::<Store>()
            .get(architects_audit::ledger::keep::LEDGER_KEY)
            .ok()
            .flatten();
        assert_eq!(ledger_keys, None, "preferences never touch the ledger");
    }
    // The next start reads them back, and the palette follows.
    let mut app = headless_app_for(&options(), dir.path().into());
    app.update();
    assert_eq!(
        prefs(&app),
        Prefs {
            projector: true,
            scale: 1.75,
            reduced_motion: true,
            touch: false,
            lang: None,
        }
    );
    assert!(
        app.world()
            .resource::<architects_audit::theme::ActivePalette>()
            .0
            .projector
    );
}

#[test]
fn an_override_is_for_one_run_and_a_bad_value_is_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let opts = LaunchOptions {
        projector: Some(true),
        scale: Some(9.0),
        reduced_motion: Some(true),
        ..options()
    };
    {
        let mut app = headless_app_for(&opts, dir.path().into());
        for _ in 0..3 {
            app.update();
        }
        assert_eq!(
            prefs(&app),
            Prefs {
                projector: true,
                scale: 2.5,
                reduced_motion: true,
                touch: false,
                lang: None,
            }
        );
        assert_eq!(stored(&app), None, "an override alone is not remembered");
    }
    let mut app = headless_app_for(&options(), dir.path().into());
    app.update();
    assert_eq!(prefs(&app), Prefs::default());
    // P toggles the profile, and that is the student's choice: it is remembered.
    app.init_resource::<ButtonInput<KeyCode>>();
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::KeyP);
    app.update();
    assert!(prefs(&app).projector);
    assert!(stored(&app).is_some_and(|t| t.contains("true")));
}

fn active_lang(app: &App) -> architects_audit::text::Lang {
    app.world()
        .resource::<architects_audit::lab::prefs::ActiveLang>()
        .0
}

#[test]
fn the_language_follows_the_system_until_chosen_then_is_remembered() {
    use architects_audit::lab::prefs::SystemLang;
    use architects_audit::text::Lang;
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = headless_app_for(&options(), dir.path().into());
        app.insert_resource(SystemLang(Lang::Zh));
        app.update();
        assert_eq!(active_lang(&app), Lang::Zh, "nothing chosen: the system's");
        let chosen = Prefs {
            lang: Some(Lang::Es),
            ..prefs(&app)
        };
        app.world_mut().write_message(PrefsMsg::Set(chosen));
        app.update();
        assert_eq!(active_lang(&app), Lang::Es, "a choice takes effect at once");
        assert!(stored(&app).unwrap().contains("\"es\""));
    }
    // Remembered over the system's on the next start; `--lang` overrides it for one run only.
    {
        let mut app = headless_app_for(&options(), dir.path().into());
        app.insert_resource(SystemLang(Lang::Zh));
        app.update();
        assert_eq!(active_lang(&app), Lang::Es);
    }
    let once = LaunchOptions {
        lang: Some(Lang::Zh),
        ..options()
    };
    let mut app = headless_app_for(&once, dir.path().into());
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(active_lang(&app), Lang::Zh);
    assert!(
        stored(&app).unwrap().contains("\"es\""),
        "an override alone is not remembered"
    );
}

#[test]
fn a_language_this_build_lacks_keeps_the_other_preferences() {
    let mut store = Store::memory();
    store
        .set(
            PREFS_KEY,
            r#"{"projector":true,"scale":1.5,"reduced_motion":false,"lang":"fr"}"#,
        )
        .unwrap();
    let p = architects_audit::lab::prefs::load(&store);
    assert!(p.projector);
    assert_eq!(p.scale, 1.5);
    assert_eq!(p.lang, None);
}

/// A browser that asks for more contrast gets the projector profile (light, high contrast,
/// larger) until the student chooses their own preferences; then theirs hold.
#[test]
fn more_contrast_from_the_system_is_the_projector_profile_until_the_student_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let contrast = LaunchOptions {
        more_contrast: true,
        ..options()
    };
    {
        let mut app = headless_app_for(&contrast, dir.path().into());
        app.update();
        assert!(
            prefs(&app).projector,
            "no choice yet: the system's contrast"
        );
        assert_eq!(
            stored(&app),
            None,
            "the system's wish is not written as a choice"
        );
        let chosen = Prefs {
            projector: false,
            ..prefs(&app)
        };
        app.world_mut().write_message(PrefsMsg::Set(chosen));
        app.update();
    }
    let mut app = headless_app_for(&contrast, dir.path().into());
    app.update();
    assert!(!prefs(&app).projector, "the student's choice holds");
}
