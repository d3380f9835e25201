//! Display preferences (the projector profile, the UI scale, reduced motion and the language),
//! remembered in the store under their own key, apart from the ledger. The command line (and,
//! on the web, the browser's `prefers-reduced-motion` and `?lang=`) may override them for one
//! run. With no language chosen, the lab speaks the system's (the browser's) if it has it.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::lab::game::KeyboardBusy;
use crate::platform::storage::Store;
use crate::text::Lang;

/// The store key of the preferences.
pub const PREFS_KEY: &str = "prefs/v1";

/// The display preferences, remembered apart from the ledger.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub projector: bool,
    /// UI scale, 1.0 to 2.5.
    pub scale: f32,
    /// No pulsing, shaking or glow (the request particles still move: they are data).
    pub reduced_motion: bool,
    /// Touch-sized controls (a touch screen's coarse pointer). The device's, for each run:
    /// never remembered.
    #[serde(skip)]
    pub touch: bool,
    /// The language the student chose (None: the system's). A language this build does not
    /// have reads as none, keeping the other preferences.
    #[serde(deserialize_with = "lenient_lang")]
    pub lang: Option<Lang>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            projector: false,
            scale: 1.0,
            reduced_motion: false,
            touch: false,
            lang: None,
        }
    }
}

fn lenient_lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(v.as_str().and_then(Lang::parse))
}

impl Prefs {
    pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=2.5;
    /// Clamp to the offered range (a hand-edited store can hold anything).
    pub fn sanitized(self) -> Prefs {
        Prefs {
            projector: self.projector,
            reduced_motion: self.reduced_motion,
            touch: self.touch,
            lang: self.lang,
            scale: if self.scale.is_finite() {
                self.scale
                    .clamp(*Self::SCALE_RANGE.start(), *Self::SCALE_RANGE.end())
            } else {
                1.0
            },
        }
    }
}

/// Command-line choices for this run (None: as remembered). They are not saved unless the
/// student changes a preference.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct PrefOverrides {
    pub projector: Option<bool>,
    pub scale: Option<f32>,
    pub reduced_motion: Option<bool>,
    pub touch: Option<bool>,
    pub lang: Option<Lang>,
    /// The system asks for more contrast (the browser's `prefers-contrast: more`): the
    /// projector profile, until the student has chosen their own preferences.
    pub more_contrast: bool,
}

/// The language of the system (the browser's list on the web), read once at start: what the
/// lab speaks until the student chooses.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct SystemLang(pub Lang);

/// The language the lab speaks now: the student's choice, else the system's.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct ActiveLang(pub Lang);

/// What the panels ask of the preferences.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum PrefsMsg {
    Set(Prefs),
    ToggleProjector,
}

/// The preferences systems; readers of [`Prefs`] run after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct PrefsSet;

/// The preferences as last stored (or loaded), so only a change is written.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
struct Stored(Prefs);

pub fn plugin(app: &mut App) {
    app.init_resource::<Prefs>()
        .init_resource::<PrefOverrides>()
        .init_resource::<Stored>()
        .init_resource::<SystemLang>()
        .init_resource::<ActiveLang>()
        .add_message::<PrefsMsg>()
        .add_systems(PreStartup, (load_into_game, follow_language).chain())
        .add_systems(
            Update,
            (toggle_key, apply_msgs, save_changes, follow_language)
                .chain()
                .in_set(PrefsSet),
        );
}

/// Unreadable preferences fall back to the defaults: they hold nothing the student would miss.
pub fn load(store: &Store) -> Prefs {
    store
        .get(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Prefs>(&t).ok())
        .unwrap_or_default()
        .sanitized()
}

pub fn save(store: &mut Store, prefs: &Prefs) -> Result<(), String> {
    if !store.persistent() {
        return Ok(());
    }
    let text = serde_json::to_string(prefs).map_err(|e| e.to_string())?;
    store.set(PREFS_KEY, &text).map_err(|e| e.to_string())
}

fn load_into_game(
    store: Option<Res<Store>>,
    overrides: Res<PrefOverrides>,
    mut prefs: ResMut<Prefs>,
    mut stored: ResMut<Stored>,
) {
    let chosen = store
        .as_ref()
        .is_some_and(|s| s.get(PREFS_KEY).ok().flatten().is_some());
    let remembered = store.map(|s| load(&s)).unwrap_or_default();
    let projector = if chosen {
        remembered.projector
    } else {
        remembered.projector || overrides.more_contrast
    };
    let p = Prefs {
        projector: overrides.projector.unwrap_or(projector),
        scale: overrides.scale.unwrap_or(remembered.scale),
        reduced_motion: overrides
            .reduced_motion
            .unwrap_or(remembered.reduced_motion),
        touch: overrides.touch.unwrap_or(false),
        lang: overrides.lang.or(remembered.lang),
    }
    .sanitized();
    if p.touch {
        info!("architects-audit: touch-sized controls");
    }
    prefs.set_if_neq(p);
    // An override is for this run: it is written only if the student changes something.
    stored.0 = p;
}

/// P switches the projector profile (not while the student types).
fn toggle_key(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    typing: Option<Res<KeyboardBusy>>,
    mut msgs: MessageWriter<PrefsMsg>,
) {
    if typing.is_some_and(|t| t.0) {
        return;
    }
    if keys.is_some_and(|k| k.just_pressed(KeyCode::KeyP)) {
        msgs.write(PrefsMsg::ToggleProjector);
    }
}

fn apply_msgs(mut msgs: MessageReader<PrefsMsg>, mut prefs: ResMut<Prefs>) {
    for m in msgs.read() {
        let next = match *m {
            PrefsMsg::Set(p) => p.sanitized(),
            PrefsMsg::ToggleProjector => Prefs {
                projector: !prefs.projector,
                ..*prefs
            },
        };
        prefs.set_if_neq(next);
    }
}

/// The language in force: the student's choice, else the system's. (The panels make its
/// catalogue the active one as they draw, so a switch shows on the next frame.) A process whose
/// catalogue was fixed from outside (a test, a screenshot) keeps it.
fn follow_language(prefs: Res<Prefs>, system: Res<SystemLang>, mut active: ResMut<ActiveLang>) {
    let lang = crate::text::catalogue::env_lang()
        .or(prefs.lang)
        .unwrap_or(system.0);
    active.set_if_neq(ActiveLang(lang));
}

fn save_changes(prefs: Res<Prefs>, mut stored: ResMut<Stored>, store: Option<ResMut<Store>>) {
    if stored.0 == *prefs {
        return;
    }
    stored.0 = *prefs;
    if let Some(mut store) = store
        && let Err(e) = save(&mut store, &prefs)
    {
        warn!("display preferences not saved: {e}");
    }
}
