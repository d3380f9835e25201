//! The Architect's Audit: the ML Systems capstone (Volume I, Lab 16) as a Bevy simulation.
//!
//! The pure cores — [`physics`], [`ledger`] — import no Bevy and back the command line.
//! [`game`] holds the non-rendering plugin (resources, messages, systems) that headless tests
//! drive; [`world`] and [`ui`] draw it.

pub mod cli;
pub mod demo;
pub mod flow;
pub mod game;
pub mod ledger;
pub mod physics;
pub mod record;
pub mod sim;
pub mod storage;
pub mod testing;
pub mod text;
pub mod theme;
pub mod ui;
pub mod web;
pub mod world;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::WindowResolution;

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
    /// Window size in logical pixels (None: 1280x720).
    pub resolution: Option<(u32, u32)>,
}

/// The ledger plugin for these options. The demo, a jump to a marker and a screenshot run
/// never open the student's store: they run on one in memory, and autoplay opens the
/// student's (in `data_dir`, or the default place) only when the student takes over.
pub fn ledger_plugin(
    opts: &LaunchOptions,
    data_dir: Option<PathBuf>,
) -> ledger::store::LedgerPlugin {
    use ledger::store::StoreChoice;
    let scripted = opts.demo.is_some() || opts.screenshot.is_some();
    let marker_run =
        opts.screenshot.is_some() || opts.demo.as_ref().is_some_and(|d| d.stop_at.is_some());
    ledger::store::LedgerPlugin {
        store: if scripted {
            StoreChoice::Memory
        } else {
            StoreChoice::Platform
        },
        takeover: if marker_run {
            StoreChoice::Memory
        } else {
            StoreChoice::Platform
        },
        data_dir,
        import: opts.ledger_import.clone(),
    }
}

/// Build and run the windowed game.
pub fn run_app(opts: LaunchOptions) {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: text::WINDOW_TITLE.into(),
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
    let ledger = ledger_plugin(&opts, None);
    app.add_plugins(game::CorePlugin {
        scenario: opts.scenario,
        model: opts.model,
    });
    app.add_plugins(ledger);
    app.add_plugins((flow::plugin, demo::DemoPlugin));
    app.add_plugins(theme::ThemePlugin {
        projector: opts.projector,
        scale: opts.scale,
    });
    app.add_plugins((world::plugin, ui::plugin));
    if let Some(d) = opts.demo {
        app.insert_resource(d);
    }
    if let Some(path) = opts.screenshot {
        app.insert_resource(world::ScreenshotRequest { path, frames: 0 });
    }
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
    let url = web::from_page();
    run_app(LaunchOptions {
        scenario: Scenario::builtin(),
        model: url.model.unwrap_or_default(),
        ledger_import: None,
        screenshot: None,
        demo: url.demo.then(|| demo::Demo::autoplay(1.0)),
        projector: url.projector,
        scale: url.scale,
        resolution: None,
    });
}
