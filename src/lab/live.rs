//! The live request simulation: it runs headless at the time controls' rate with the design's
//! physics, restarts when the design changes, and feeds the live instruments. The world draws
//! its requests as particles ([`crate::world::particles`]); the panels show what it measured.

use bevy::prelude::*;

pub use super::clock::{SimDelta, TimeControls, TimeMsg};
use super::clock::{advance_clock, apply_time_msgs};
use crate::lab::game::{ActiveScenario, CurrentDesign, Physics};
use crate::sim::{Instruments, Measured, RequestSim, SimConfig};

/// Metrics refresh period, simulated seconds.
const METRICS_EVERY_S: f64 = 0.5;

/// The live simulation's systems: the clock, a restart on a new design, and one step.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct LiveSet;

/// The simulation behind the particles.
#[derive(Resource)]
pub struct LiveSim {
    pub sim: RequestSim,
    /// Latest measured metrics (refreshed every half simulated second).
    pub measured: Measured,
    since_metrics: f64,
    /// Counts the simulations started, so what draws one knows when a new one replaces it.
    pub generation: u64,
}

/// The live instruments (histogram and strip chart), kept across designs.
#[derive(Resource, Debug, Clone, Default)]
pub struct LiveInstruments(pub Instruments);

pub fn plugin(app: &mut App) {
    app.init_resource::<TimeControls>()
        .init_resource::<SimDelta>()
        .init_resource::<LiveInstruments>()
        .add_message::<TimeMsg>()
        .add_systems(
            Update,
            (apply_time_msgs, advance_clock, rebuild_sim, run_sim)
                .chain()
                .in_set(LiveSet)
                .after(crate::lab::game::CoreSet::Compute),
        );
}

/// A new design starts a new simulation.
fn rebuild_sim(
    mut commands: Commands,
    physics: Res<Physics>,
    scenario: Res<ActiveScenario>,
    design: Res<CurrentDesign>,
    live: Option<Res<LiveSim>>,
    mut instruments: ResMut<LiveInstruments>,
) {
    if live.is_some() && !physics.is_changed() {
        return;
    }
    if let Some(old) = &live {
        instruments.0.restart(old.sim.now);
    }
    let sim = RequestSim::new(
        &scenario.0,
        &design.0,
        &physics.0,
        SimConfig {
            record_events: true,
            ..SimConfig::default()
        },
    );
    commands.insert_resource(LiveSim {
        sim,
        measured: Measured::default(),
        since_metrics: 0.0,
        generation: live.map_or(0, |l| l.generation + 1),
    });
}

fn run_sim(
    dt: Res<SimDelta>,
    live: Option<ResMut<LiveSim>>,
    scenario: Res<ActiveScenario>,
    mut instruments: ResMut<LiveInstruments>,
) {
    let Some(mut live) = live else {
        return;
    };
    if dt.0 <= 0.0 {
        return;
    }
    let dt = dt.0 as f64;
    live.sim.advance(dt);
    live.since_metrics += dt;
    if live.since_metrics >= METRICS_EVERY_S {
        live.since_metrics = 0.0;
        live.measured = live.sim.measured();
        instruments.0.record(&live.sim, scenario.0.slo.p99_ms);
    }
}
