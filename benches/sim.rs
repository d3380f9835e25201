//! The world's particle systems at 10,000 live particles (target <= 2 ms a frame); one whole
//! headless frame with 10,000+ requests in flight — simulation, particles and their paint,
//! the world's picture and live state, and the overlay laid out on a bare egui context
//! (target <= 2 ms); and one request-simulation step at 1000 req/s with 10,000+ requests in
//! flight (target <= 1 ms).

use std::time::Duration;

use architects_audit::lab::live::LiveSim;
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::sim::{RequestSim, SimConfig};
use architects_audit::testing::headless_app;
use architects_audit::world::particles::{Leg, Outcome, Particle, RequestId, TRAVEL_S};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use criterion::{Criterion, criterion_group, criterion_main};

/// A headless app past the Act II lock (before it, the world draws no request).
fn locked_app() -> App {
    let mut app = headless_app();
    app.insert_resource(architects_audit::lab::flow::Predictions {
        act2: Some(architects_audit::lab::flow::Act2Choice::TinyOom),
        ..Default::default()
    });
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f64(
        1.0 / 60.0,
    )));
    app
}

fn particles(c: &mut Criterion) {
    let mut app = locked_app();
    app.update();
    // 10,000 live particles spread along the links; each iteration re-dates them so they
    // stay in flight (the simulation's own particles come and go on top).
    let world = app.world_mut();
    for i in 0..10_000u64 {
        world.spawn((
            RequestId {
                id: u64::MAX - i,
                arrival: 0.0,
                first_token: None,
                end: None,
            },
            Particle {
                tier: (i % 4) as usize,
                outcome: Outcome::WithinSlo,
                leg: Leg::Travel(0.0),
            },
            Transform::default(),
            Visibility::Visible,
        ));
    }
    let mut q = app.world_mut().query::<&Particle>();
    assert!(q.iter(app.world()).count() >= 10_000);
    c.bench_function("world/update_10k_particles", |b| {
        b.iter(|| {
            let now = app.world().resource::<LiveSim>().sim.now;
            let mut q = app.world_mut().query::<&mut RequestId>();
            for (i, mut r) in q.iter_mut(app.world_mut()).enumerate() {
                r.arrival = now - (i % 97) as f64 / 200.0 * TRAVEL_S as f64;
            }
            app.update();
        })
    });
}

fn headless_frame(c: &mut Criterion) {
    use architects_audit::lab::game::DesignMsg;
    use architects_audit::world::overlay::{self, Projection, Scene};
    use architects_audit::world::{LiveWorld, TierState, TierView, WorldPicture};
    use bevy_egui::egui;
    let mut app = locked_app();
    app.add_plugins(bevy::asset::AssetPlugin::default());
    app.init_asset::<Mesh>();
    app.init_asset::<ColorMaterial>();
    app.add_plugins(architects_audit::world::paint_plugin);
    // Two GPUs: the cloud overloads, its queues fill, and with the device tiers' long answers
    // well over 10,000 requests are in flight.
    app.world_mut()
        .write_message(DesignMsg::Set(physics::Design {
            n_h100: 2,
            ..architects_audit::lab::demo::winning_design()
        }));
    app.update();
    app.world_mut()
        .resource_mut::<architects_audit::lab::live::TimeControls>()
        .speed = 30.0;
    for _ in 0..200 {
        app.update();
    }
    app.world_mut()
        .resource_mut::<architects_audit::lab::live::TimeControls>()
        .speed = 1.0;
    let in_flight = app.world().resource::<LiveSim>().sim.in_flight();
    assert!(in_flight >= 10_000, "in flight: {in_flight}");
    println!("headless frame: {in_flight} requests in flight");
    let ctx = egui::Context::default();
    let at = |v: Vec2| egui::pos2(700.0 + v.x, 400.0 - v.y);
    c.bench_function("world/headless_frame_10k_in_flight", |b| {
        b.iter(|| {
            app.update();
            let world = app.world_mut();
            let mut q = world.query::<(&architects_audit::world::TierNode, &TierState)>();
            let mut views: [TierView; 4] = std::array::from_fn(|_| TierView {
                status: architects_audit::world::TierStatus::Neutral,
                load: 0.0,
                rps: 0.0,
                line: String::new(),
            });
            for (n, s) in q.iter(world) {
                views[n.0] = s.0.clone();
            }
            let pic = world.resource::<WorldPicture>().0.clone();
            let live = world.resource::<LiveWorld>().clone();
            let out = ctx.run_ui(egui::RawInput::default(), |ui| {
                overlay::paint(
                    ui.painter(),
                    &Projection { at: &at, unit: 1.0 },
                    &Scene {
                        views: &views,
                        devices: ["H100 GPUs", "Jetson Orin NX", "Phone NPU", "Cortex-M7"],
                        rates_shown: true,
                        picture: pic.as_ref(),
                        waiting: [live.cloud.waiting, 0, 0, 0],
                        not_drawn: live.not_drawn,
                        batches: &live.cloud.batches,
                        pal: architects_audit::theme::Palette::DEFAULT,
                        t: 0.0,
                        reduced_motion: false,
                        focus: None,
                    },
                );
            });
            out.shapes.len()
        })
    });
}

fn des_step(c: &mut Criterion) {
    // The default design overloads the cloud: its queues fill to the bound, so well over
    // 10,000 requests are in flight.
    let sc = Scenario::builtin();
    let d = Design::default();
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    let mut sim = RequestSim::new(&sc, &d, &r, SimConfig::default());
    sim.advance(60.0);
    assert!(sim.in_flight() >= 10_000, "in flight: {}", sim.in_flight());
    c.bench_function("sim/step_1_60s_1000rps_overloaded", |b| {
        b.iter(|| sim.advance(1.0 / 60.0))
    });
    // The winning design with continuous batching: every iteration of 8 replicas simulated,
    // with particle events recorded and drained as the game does.
    let d = architects_audit::lab::demo::winning_design();
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    let mut sim = RequestSim::new(
        &sc,
        &d,
        &r,
        SimConfig {
            record_events: true,
            ..SimConfig::default()
        },
    );
    sim.advance(60.0);
    println!("winning design: {} requests in flight", sim.in_flight());
    c.bench_function("sim/step_1_60s_1000rps_continuous", |b| {
        b.iter(|| {
            sim.advance(1.0 / 60.0);
            sim.drain_events().count()
        })
    });
}

criterion_group!(benches, particles, headless_frame, des_step);
criterion_main!(benches);
