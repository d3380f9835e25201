//! The world's headless half: tier node state and request particles.

use std::time::Duration;

use architects_audit::lab::flow::{Act2Choice, Predictions};
use architects_audit::lab::game::{DesignMsg, Physics};
use architects_audit::physics::{Design, Quant};

/// A headless app past the Act II lock, where the world shows the physics.
fn headless_app() -> App {
    let mut app = architects_audit::testing::headless_app();
    app.insert_resource(Predictions {
        act2: Some(Act2Choice::TinyOom),
        ..Default::default()
    });
    app
}
use architects_audit::lab::live::{LiveSim, TimeControls};
use architects_audit::world::particles::{
    Leg, MAX_PARTICLES, MAX_QUEUE_DRAWN, Outcome, Particle, ParticleClock, RequestId,
};
use architects_audit::world::{Failed, TierNode};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

fn fixed_step(app: &mut App, dt: f32) {
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        dt,
    )));
}

#[test]
fn spawn_rates_follow_the_physics_rates() {
    let mut app = headless_app();
    fixed_step(&mut app, 1.0 / 60.0);
    app.update();
    let before = app.world().resource::<ParticleClock>().spawned;
    let frames = 600; // 10 simulated seconds
    for _ in 0..frames {
        app.update();
    }
    assert_dots_count_arrivals(&app, before, frames as f64 / 60.0);
}

/// Poisson arrivals, one particle per k requests: the particles spawned per tier since
/// `before` lie within 4 standard deviations of the physics rates over `seconds`.
fn assert_dots_count_arrivals(app: &App, before: [u64; 4], seconds: f64) {
    let clock = app.world().resource::<ParticleClock>();
    let rates = app.world().resource::<Physics>().0.tier_rps;
    let k = clock.requests_per_particle;
    for tier in 0..4 {
        let particles = (clock.spawned[tier] - before[tier]) as f64;
        let expected = rates[tier] * seconds / k;
        let tol = 4.0 * expected.sqrt() + 2.0;
        assert!(
            (particles - expected).abs() <= tol,
            "tier {tier}: {particles} dots vs {expected:.0} expected at 1 per {k} requests"
        );
    }
}

#[test]
fn time_controls_pause_step_and_speed() {
    let mut app = headless_app();
    fixed_step(&mut app, 1.0 / 60.0);
    app.update();
    app.world_mut().resource_mut::<TimeControls>().paused = true;
    let a = app.world().resource::<ParticleClock>().spawned;
    for _ in 0..30 {
        app.update();
    }
    assert_eq!(
        app.world().resource::<ParticleClock>().spawned,
        a,
        "paused: nothing moves"
    );
    app.world_mut().resource_mut::<TimeControls>().step = true;
    app.update();
    let b = app.world().resource::<ParticleClock>().spawned;
    assert!(b[0] > a[0], "a step advances one frame");
    assert!(!app.world().resource::<TimeControls>().step);
    // Fast runs four times as many requests per real second.
    let mut tc = app.world_mut().resource_mut::<TimeControls>();
    tc.paused = false;
    tc.speed = 4.0;
    for _ in 0..60 {
        app.update();
    }
    let c = app.world().resource::<ParticleClock>().spawned;
    let per = app
        .world()
        .resource::<ParticleClock>()
        .requests_per_particle;
    let cloud = (c[0] - b[0]) as f64 * per;
    assert!((cloud - 600.0 * 4.0).abs() < 600.0 * 4.0 * 0.1, "{cloud}");
}

#[test]
fn an_oom_tier_gets_its_failure_state() {
    let mut app = headless_app();
    app.update();
    app.update();
    let failing = |app: &mut App| {
        let mut q = app.world_mut().query::<(&TierNode, Option<&Failed>)>();
        let mut v: Vec<(usize, Option<String>)> = q
            .iter(app.world())
            .map(|(n, f)| (n.0, f.map(|f| f.0.clone())))
            .collect();
        v.sort();
        v
    };
    // The default design: TinyML overflows its SRAM and the cloud is overloaded.
    let v = failing(&mut app);
    assert!(
        v[3].1.as_deref().is_some_and(|r| r.contains("not in use")),
        "{v:?}"
    );
    assert!(v[0].1.is_some());
    assert!(v[1].1.is_none() && v[2].1.is_none());
    // FP16 at the edge overflows the Orin.
    app.world_mut().write_message(DesignMsg::Set(Design {
        quant_edge: Quant::Fp16,
        ..Design::default()
    }));
    app.update();
    app.update();
    let v = failing(&mut app);
    assert_eq!(
        v[1].1.as_deref(),
        Some(architects_audit::text::tier_oom().as_str()),
        "{v:?}"
    );
}

#[test]
fn the_legend_stays_true_when_queues_fill() {
    // "1 dot = k requests": under overload the cloud's queues hold thousands of requests for
    // minutes. Every k-th request must still be drawn, so the dots keep counting the
    // arrivals, and the number drawn stays within the particle budget.
    let mut app = headless_app();
    fixed_step(&mut app, 1.0 / 30.0);
    app.world_mut().resource_mut::<TimeControls>().speed = 4.0;
    app.update();
    let before = app.world().resource::<ParticleClock>().spawned;
    let start = app.world().resource::<LiveSim>().sim.now;
    let mut peak = 0;
    // 3,000 frames at 4x: over six simulated minutes of the default design's overload.
    for i in 0..3000 {
        app.update();
        if i % 100 == 0 {
            let mut q = app.world_mut().query::<&Particle>();
            peak = peak.max(q.iter(app.world()).count());
        }
    }
    assert!(peak <= MAX_PARTICLES, "{peak} particles");
    let seconds = app.world().resource::<LiveSim>().sim.now - start;
    assert_dots_count_arrivals(&app, before, seconds);
}

#[test]
fn particles_are_the_simulated_requests_and_queue_as_the_simulation_does() {
    let count_queued = |app: &mut App, tier: usize| {
        let mut q = app.world_mut().query::<&Particle>();
        q.iter(app.world())
            .filter(|p| p.tier == tier && matches!(p.leg, Leg::Queued(_)))
            .count()
    };
    // Overloaded default design: the cloud's line fills; its particles turn late.
    let mut app = headless_app();
    fixed_step(&mut app, 1.0 / 60.0);
    for _ in 0..600 {
        app.update();
    }
    assert_eq!(count_queued(&mut app, 0), MAX_QUEUE_DRAWN);
    let late = {
        let mut q = app.world_mut().query::<&Particle>();
        q.iter(app.world())
            .filter(|p| p.tier == 0 && p.outcome == Outcome::Late)
            .count()
    };
    assert!(late > 0);
    // Every particle stands for a request the simulation knows.
    let ids: Vec<u64> = {
        let mut q = app.world_mut().query::<&RequestId>();
        q.iter(app.world()).map(|r| r.id).collect()
    };
    let live = app.world().resource::<LiveSim>();
    let mut known = std::collections::HashSet::new();
    live.sim.for_each_in_flight(|r| {
        known.insert(r.id);
    });
    known.extend(live.sim.finished().map(|f| f.id));
    assert!(!ids.is_empty() && ids.iter().all(|id| known.contains(id)));

    // The winning design: the line is only the requests waiting for their first token
    // (Little's Law: about lambda x TTFT, a handful), and the rejected TinyML dots are gone.
    app.world_mut()
        .write_message(DesignMsg::Set(architects_audit::lab::demo::winning_design()));
    for _ in 0..600 {
        app.update();
    }
    let r = app.world().resource::<Physics>().0.clone();
    let little = r.tier_rps[0] * r.systems.as_ref().unwrap().cloud_p99_ttft_ms / 1e3;
    let line = count_queued(&mut app, 0);
    assert!(
        (line as f64) <= 2.0 * little + 4.0 && line < MAX_QUEUE_DRAWN / 2,
        "{line} vs {little:.1}"
    );
    let rejected = {
        let mut q = app.world_mut().query::<&Particle>();
        q.iter(app.world())
            .filter(|p| p.outcome == Outcome::Rejected)
            .count()
    };
    assert_eq!(rejected, 0);
}

#[test]
fn reduced_motion_holds_the_nodes_still_and_the_default_moves_them() {
    use architects_audit::world::tiers::{TierStatus, node_motion};
    for status in [TierStatus::Ok, TierStatus::Warm, TierStatus::Fail] {
        let at = |t: f32, reduced: bool| node_motion(status, 0.9, t, reduced);
        let times: Vec<f32> = (0..120).map(|i| i as f32 * 0.037).collect();
        let still = at(0.0, true);
        assert!(
            times.iter().all(|t| at(*t, true) == still),
            "{status:?} moves with reduced motion"
        );
        assert_eq!(still.1, bevy::math::Vec2::ZERO, "{status:?} shakes");
        // Without it the node pulses and the ring glows (a failing one also shakes).
        assert!(
            times.iter().any(|t| at(*t, false).0 != at(0.0, false).0),
            "{status:?} never pulses"
        );
        assert!(times.iter().any(|t| at(*t, false).2 != at(0.0, false).2));
        if status == TierStatus::Fail {
            assert!(
                times
                    .iter()
                    .any(|t| at(*t, false).1 != bevy::math::Vec2::ZERO)
            );
        }
    }
}
