//! App builders for headless tests: no window, no renderer, and the game's own plugin list.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::ledger::store::LedgerConfig;
use crate::physics::{PhysicsModel, Scenario};
use crate::{GamePlugin, LaunchOptions};

/// A headless app with the store the game chooses for `opts`, the platform one in `data_dir`.
pub fn headless_app_for(opts: &LaunchOptions, data_dir: std::path::PathBuf) -> App {
    let ledger = opts.ledger_config(Some(data_dir));
    build(GamePlugin {
        opts: opts.clone(),
        ledger,
    })
}

/// `MinimalPlugins` + `StatesPlugin` + the game, on a store in memory.
pub fn headless_app() -> App {
    headless_app_with(Scenario::builtin(), PhysicsModel::Systems)
}

pub fn headless_app_with(scenario: Scenario, model: PhysicsModel) -> App {
    build(GamePlugin {
        opts: LaunchOptions::new(scenario, model),
        ledger: LedgerConfig::default(),
    })
}

fn build(game: GamePlugin) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, game));
    app
}
