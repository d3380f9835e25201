//! App builders for headless tests: no window, no renderer.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::game::CorePlugin;
use crate::physics::{PhysicsModel, Scenario};

/// A headless app whose ledger plugin is chosen as the game chooses it for `opts`, with the
/// platform store in `data_dir`.
pub fn headless_app_for(opts: &crate::LaunchOptions, data_dir: std::path::PathBuf) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_plugins(CorePlugin {
        scenario: opts.scenario.clone(),
        model: opts.model,
    });
    app.add_plugins(crate::ledger_plugin(opts, Some(data_dir)));
    add_game_plugins(&mut app);
    if let Some(d) = &opts.demo {
        app.insert_resource(d.clone());
    }
    app
}

fn add_game_plugins(app: &mut App) {
    app.add_plugins(crate::flow::plugin);
    app.add_plugins((
        crate::world::particles::ParticleSimPlugin,
        crate::world::TierSimPlugin,
        crate::demo::DemoPlugin,
    ));
}

/// `MinimalPlugins` + `StatesPlugin` + the project's non-rendering plugins.
pub fn headless_app() -> App {
    headless_app_with(Scenario::builtin(), PhysicsModel::Systems)
}

pub fn headless_app_with(scenario: Scenario, model: PhysicsModel) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_plugins(CorePlugin { scenario, model });
    app.add_plugins(crate::ledger::store::LedgerPlugin {
        store: crate::ledger::store::StoreChoice::Memory,
        takeover: crate::ledger::store::StoreChoice::Memory,
        data_dir: None,
        import: None,
    });
    add_game_plugins(&mut app);
    app
}
