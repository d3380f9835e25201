//! App builders for headless tests: no window, no renderer.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::game::CorePlugin;
use crate::physics::{PhysicsModel, Scenario};

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
        import: None,
    });
    app.add_plugins(crate::flow::plugin);
    app.add_plugins((
        crate::world::particles::ParticleSimPlugin,
        crate::world::TierSimPlugin,
        crate::demo::DemoPlugin,
    ));
    app
}
