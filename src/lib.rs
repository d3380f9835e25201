//! The Architect's Audit: the ML Systems capstone (Volume I, Lab 16) as a Bevy simulation.
//!
//! The pure cores — [`physics`], [`ledger`] — import no Bevy and back the command line.
//! [`sim`] holds the non-rendering plugin (resources, messages, systems) that headless tests
//! drive; [`world`] and [`ui`] draw it.

pub mod cli;
pub mod flow;
pub mod ledger;
pub mod physics;
pub mod sim;
pub mod testing;
pub mod text;
pub mod theme;
pub mod ui;
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
}

/// Build and run the windowed game.
pub fn run_app(opts: LaunchOptions) {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: text::WINDOW_TITLE.into(),
                    resolution: WindowResolution::new(1280, 720),
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
    app.add_plugins(sim::CorePlugin {
        scenario: opts.scenario,
        model: opts.model,
    });
    app.add_plugins(ledger::store::LedgerPlugin {
        store: ledger::store::StoreChoice::Platform,
        import: opts.ledger_import,
    });
    app.add_plugins(flow::plugin);
    app.add_plugins((theme::plugin, world::plugin, ui::plugin));
    if let Some(path) = opts.screenshot {
        app.insert_resource(world::ScreenshotRequest { path, frames: 0 });
    }
    app.run();
}
