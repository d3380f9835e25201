//! The Architect's Audit: the ML Systems capstone (Volume I, Lab 16) as a Bevy simulation.
//!
//! The pure cores — [`physics`], [`sim`], [`ledger::format`], [`ledger::analysis`] — import no
//! Bevy and back the command line. [`GamePlugin`] holds every plugin with state (the one list
//! the headless tests run); [`world`] and [`ui`] draw it in the window.

pub mod a11y_mirror;
pub mod cli;
pub mod lab;
pub mod ledger;
pub mod physics;
pub mod platform;
pub mod sim;
pub mod testing;
pub mod text;
pub mod theme;
pub mod ui;
pub mod world;

use lab::{class_view, demo, flow, game, prefs};
#[cfg(target_arch = "wasm32")]
use platform::web;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::WindowResolution;

use ledger::store::{LedgerConfig, StoreChoice};
use physics::{PhysicsModel, Scenario};

/// What the command line hands to the game.
#[derive(Debug, Clone)]
pub struct LaunchOptions {
    pub scenario: Scenario,
    pub model: PhysicsModel,
    /// A ledger file to offer for import at start: (source name, its text).
    pub ledger_import: Option<(String, String)>,
    /// Save a PNG of the window after some frames, then exit (used by scripts/screenshot.sh).
    pub screenshot: Option<PathBuf>,
    /// Demo autoplay, or a jump to a marker of the demo script. Either runs on a store in
    /// memory: the student's own is opened only when they take over from autoplay.
    pub demo: Option<demo::Demo>,
    /// Force the projector profile on or off (None: as remembered).
    pub projector: Option<bool>,
    /// UI scale (None: as remembered).
    pub scale: Option<f32>,
    /// Reduced motion (None: as remembered).
    pub reduced_motion: Option<bool>,
    /// Touch-sized controls (None: a mouse's).
    pub touch: Option<bool>,
    /// The language for this run (None: as chosen in the game, else the system's).
    pub lang: Option<text::Lang>,
    /// The system asks for more contrast: the projector profile until the student chooses.
    pub more_contrast: bool,
    /// Window size in logical pixels (None: 1280x720).
    pub resolution: Option<(u32, u32)>,
    /// The instructor's class view, in place of the lab. It runs on a store in memory.
    pub class: Option<class_view::ClassView>,
}

impl LaunchOptions {
    /// A plain run of `scenario` under `model`: nothing imported, no demo, as remembered.
    pub fn new(scenario: Scenario, model: PhysicsModel) -> Self {
        LaunchOptions {
            scenario,
            model,
            ledger_import: None,
            screenshot: None,
            demo: None,
            projector: None,
            scale: None,
            reduced_motion: None,
            touch: None,
            lang: None,
            more_contrast: false,
            resolution: None,
            class: None,
        }
    }

    /// Which store these options open. The demo, a jump to a marker, a screenshot run and the
    /// class view never open the student's store: they run on one in memory, and autoplay opens
    /// the student's (in `data_dir`, or the default place) only when the student takes over.
    pub fn ledger_config(&self, data_dir: Option<PathBuf>) -> LedgerConfig {
        let scripted = self.demo.is_some() || self.screenshot.is_some() || self.class.is_some();
        let marker_run = self.screenshot.is_some()
            || self.class.is_some()
            || self.demo.as_ref().is_some_and(|d| d.stop_at.is_some());
        let choice = |memory: bool| {
            if memory {
                StoreChoice::Memory
            } else {
                StoreChoice::Platform
            }
        };
        LedgerConfig {
            store: choice(scripted),
            takeover: choice(marker_run),
            data_dir,
            import: self.ledger_import.clone(),
        }
    }
}

/// The game without its window: every plugin that holds state, in one list that the windowed
/// app and the headless tests share. Configuration goes in as resources before the plugins
/// that read it.
pub struct GamePlugin {
    pub opts: LaunchOptions,
    pub ledger: LedgerConfig,
}

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        let o = &self.opts;
        app.insert_resource(game::ActiveScenario(o.scenario.clone()))
            .insert_resource(game::ActiveModel(o.model))
            .insert_resource(self.ledger.clone())
            .insert_resource(prefs::PrefOverrides {
                projector: o.projector,
                scale: o.scale,
                reduced_motion: o.reduced_motion,
                touch: o.touch,
                lang: o.lang,
                more_contrast: o.more_contrast,
            });
        if let Some(d) = &o.demo {
            app.insert_resource(d.clone());
        }
        if let Some(c) = &o.class {
            app.insert_resource(c.clone());
        }
        app.add_plugins((
            game::plugin,
            ledger::store::plugin,
            prefs::plugin,
            theme::plugin,
            flow::plugin,
            demo::plugin,
            lab::live::plugin,
            world::sim_plugin,
            class_view::plugin,
        ));
    }
}

/// Build and run the windowed game: the game plus what draws it.
pub fn run_app(opts: LaunchOptions) {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: text::window_title(),
                    canvas: Some("#game".into()),
                    prevent_default_event_handling: true,
                    resolution: {
                        let (w, h) = opts.resolution.unwrap_or((1280, 720));
                        WindowResolution::new(w, h)
                    },
                    fit_canvas_to_parent: true,
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                meta_check: bevy::asset::AssetMetaCheck::Never,
                ..default()
            }),
    );
    if let Some(path) = &opts.screenshot {
        app.insert_resource(world::ScreenshotRequest {
            path: path.clone(),
            frames: 0,
        });
    }
    let ledger = opts.ledger_config(None);
    // The windowed game speaks the system's language until the student chooses; headless
    // runs (the tests) speak English wherever they run.
    app.insert_resource(prefs::SystemLang(platform::system_lang()));
    app.add_plugins(GamePlugin { opts, ledger });
    app.add_plugins((world::plugin, ui::plugin));
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Last, hide_loading_once);
    app.run();
}

#[cfg(target_arch = "wasm32")]
fn hide_loading_once(mut done: Local<bool>) {
    if !*done {
        *done = true;
        web::hide_loading();
    }
}

/// The web build's entry: options come from the page URL.
#[cfg(target_arch = "wasm32")]
pub fn run_web() {
    let url = web::from_page(&demo::markers());
    run_app(LaunchOptions {
        demo: match &url.goto {
            Some(marker) => Some(demo::Demo::goto(marker)),
            None => url.demo.then(|| demo::Demo::autoplay(1.0)),
        },
        projector: url.projector,
        scale: url.scale,
        // The browser's setting, for this run (a choice in the game is remembered).
        reduced_motion: web::prefers_reduced_motion().then_some(true),
        // A touch screen (a coarse pointer) gets controls a finger can hit.
        touch: web::coarse_pointer().then_some(true),
        lang: url.lang,
        // The browser's `prefers-contrast: more`, until the student chooses a profile.
        more_contrast: web::prefers_more_contrast(),
        class: url
            .class
            .then(|| class_view::ClassView::new(Vec::new(), Vec::new(), false)),
        ..LaunchOptions::new(Scenario::builtin(), url.model.unwrap_or_default())
    });
}
