//! The world's particle systems at 10,000 live particles (target <= 2 ms a frame), and one
//! request-simulation step at 1000 req/s with 10,000+ requests in flight (target <= 1 ms).

use std::time::Duration;

use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::sim::{RequestSim, SimConfig};
use architects_audit::testing::headless_app;
use architects_audit::world::particles::{Leg, LiveSim, Outcome, Particle, RequestId, TRAVEL_S};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use criterion::{Criterion, criterion_group, criterion_main};

fn particles(c: &mut Criterion) {
    let mut app = headless_app();
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f64(
        1.0 / 60.0,
    )));
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
    let d = architects_audit::demo::winning_design();
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

criterion_group!(benches, particles, des_step);
criterion_main!(benches);
