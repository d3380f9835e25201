//! Request particles: they leave the users' node for each tier at that tier's request rate
//! (from the [`Physics`] resource), queue at a node as Little's Law says (L = λW from the
//! resource), and are coloured by outcome. No rate or latency is written here: the only
//! constants are drawing choices (travel time on screen, the particle cap).
//!
//! The simulation half ([`ParticleSimPlugin`]) runs headless; the drawing half gives each new
//! particle a mesh and a material when a renderer is present.

use bevy::prelude::*;

use crate::game::Physics;
use crate::physics::Report;

use super::{SOURCE_POS, TIER_POS};

/// Seconds a particle takes to cross a link on screen at normal speed.
pub const TRAVEL_S: f32 = 1.2;
/// At most this many particles live at once; above it each particle stands for several
/// requests (see [`ParticleClock::requests_per_particle`]).
pub const MAX_PARTICLES: usize = 3000;
/// At most this many particles queue visibly at one node.
pub const MAX_QUEUE_DRAWN: usize = 40;

/// PhET-style time controls.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct TimeControls {
    pub paused: bool,
    /// Simulated seconds per real second.
    pub speed: f32,
    /// Advance one frame while paused.
    pub step: bool,
}

impl Default for TimeControls {
    fn default() -> Self {
        TimeControls {
            paused: false,
            speed: 1.0,
            step: false,
        }
    }
}

impl TimeControls {
    pub const SPEEDS: [(f32, &'static str); 3] = [(0.25, "Slow"), (1.0, "Normal"), (4.0, "Fast")];
}

/// How a request ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    WithinSlo,
    Late,
    Rejected,
}

/// Where a particle is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leg {
    /// Travelling along its link, 0..1.
    Travel(f32),
    /// Waiting in the node's queue for this many more simulated seconds.
    Queued(f32),
}

#[derive(Component, Debug, Clone, Copy)]
pub struct Particle {
    pub tier: usize,
    pub outcome: Outcome,
    pub leg: Leg,
}

/// Spawning state: fractional particles owed per tier, the sampling factor, a seeded RNG.
#[derive(Resource, Debug, Clone)]
pub struct ParticleClock {
    pub owed: [f64; 4],
    pub spawned: [u64; 4],
    /// Requests each particle stands for (1 unless the cap forces sampling).
    pub requests_per_particle: f64,
    rng: u64,
}

impl Default for ParticleClock {
    fn default() -> Self {
        ParticleClock {
            owed: [0.0; 4],
            spawned: [0; 4],
            requests_per_particle: 1.0,
            rng: 0x9E37_79B9_7F4A_7C15,
        }
    }
}

impl ParticleClock {
    /// xorshift64*: deterministic, good enough for colours.
    pub fn next_f64(&mut self) -> f64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What the particles need from the report, per tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierFlow {
    pub rps: f64,
    /// Probability a request is answered within the SLO / late / rejected.
    pub p_ok: f64,
    pub p_late: f64,
    /// Requests waiting (Little's Law), and their mean wait in seconds.
    pub queue_len: f64,
    pub wait_s: f64,
}

/// Derive the particle flows from a report (pure, tested).
pub fn tier_flows(r: &Report) -> [TierFlow; 4] {
    let cloud = match &r.systems {
        Some(s) => {
            let served = if s.cloud_utilization > 0.0 {
                (1.0 / s.cloud_utilization).min(1.0)
            } else {
                1.0
            };
            let served = if r.cloud_oom { 0.0 } else { served };
            let ok = if served > 0.0 {
                (s.goodput_rps / r.tier_rps[0].max(1e-9)).clamp(0.0, served)
            } else {
                0.0
            };
            TierFlow {
                rps: r.tier_rps[0],
                p_ok: ok,
                p_late: (served - ok).max(0.0),
                queue_len: s.cloud_queue_len,
                wait_s: if r.tier_rps[0] > 0.0 {
                    s.cloud_queue_len / r.tier_rps[0]
                } else {
                    0.0
                },
            }
        }
        None => TierFlow {
            rps: r.tier_rps[0],
            p_ok: if r.cloud_oom {
                0.0
            } else if r.slo_latency_ok {
                1.0
            } else {
                0.0
            },
            p_late: if r.cloud_oom || r.slo_latency_ok {
                0.0
            } else {
                1.0
            },
            queue_len: 0.0,
            wait_s: 0.0,
        },
    };
    let device = |rps: f64, oom: bool| TierFlow {
        rps,
        p_ok: if oom { 0.0 } else { 1.0 },
        p_late: 0.0,
        queue_len: 0.0,
        wait_s: 0.0,
    };
    [
        cloud,
        device(r.tier_rps[1], r.edge_oom),
        device(r.tier_rps[2], r.mobile_oom),
        device(r.tier_rps[3], r.tiny_oom),
    ]
}

/// The headless half: spawning, moving, queueing, despawning.
pub struct ParticleSimPlugin;

impl Plugin for ParticleSimPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<TimeControls>()
            .init_resource::<ParticleClock>()
            .init_resource::<SimDelta>()
            .add_systems(
                Update,
                (advance_clock, spawn_particles, move_particles)
                    .chain()
                    .after(crate::game::CoreSet::Compute),
            );
    }
}

/// Simulated seconds this frame, after the time controls.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct SimDelta(pub f32);

/// One step while paused advances one 60 Hz frame.
const STEP_S: f32 = 1.0 / 60.0;

fn advance_clock(time: Res<Time>, mut tc: ResMut<TimeControls>, mut dt: ResMut<SimDelta>) {
    dt.0 = if !tc.paused {
        time.delta_secs() * tc.speed
    } else if tc.step {
        tc.step = false;
        STEP_S * tc.speed
    } else {
        0.0
    };
}

pub fn spawn_particles(
    mut commands: Commands,
    dt: Res<SimDelta>,
    mut clock: ResMut<ParticleClock>,
    physics: Res<Physics>,
    live: Query<(), With<Particle>>,
) {
    let dt = dt.0 as f64;
    if dt <= 0.0 {
        return;
    }
    let flows = tier_flows(&physics.0);
    let total: f64 = flows.iter().map(|f| f.rps).sum();
    // Live particles ≈ rate x time on screen; sample when that would pass the cap.
    let on_screen = total * TRAVEL_S as f64;
    clock.requests_per_particle = (on_screen / MAX_PARTICLES as f64 * 1.25).max(1.0);
    let mut count = live.iter().count();
    for (tier, f) in flows.iter().enumerate() {
        clock.owed[tier] += f.rps * dt / clock.requests_per_particle;
        while clock.owed[tier] >= 1.0 {
            clock.owed[tier] -= 1.0;
            clock.spawned[tier] += 1;
            if count >= MAX_PARTICLES {
                continue;
            }
            let u = clock.next_f64();
            let outcome = if u < f.p_ok {
                Outcome::WithinSlo
            } else if u < f.p_ok + f.p_late {
                Outcome::Late
            } else {
                Outcome::Rejected
            };
            commands.spawn((
                Particle {
                    tier,
                    outcome,
                    leg: Leg::Travel(0.0),
                },
                Transform::from_translation(SOURCE_POS.extend(2.0)),
            ));
            count += 1;
        }
    }
}

pub fn move_particles(
    mut commands: Commands,
    dt: Res<SimDelta>,
    physics: Res<Physics>,
    clock: Res<ParticleClock>,
    mut q: Query<(Entity, &mut Particle, &mut Transform)>,
) {
    let dt = dt.0;
    if dt <= 0.0 {
        return;
    }
    let flows = tier_flows(&physics.0);
    // Visible queue per tier: Little's Law's L, in particles, capped for drawing.
    let target: [usize; 4] = std::array::from_fn(|i| {
        ((flows[i].queue_len / clock.requests_per_particle).round() as usize).min(MAX_QUEUE_DRAWN)
    });
    let mut queued = [0usize; 4];
    for (_, p, _) in &q {
        if let Leg::Queued(_) = p.leg {
            queued[p.tier] += 1;
        }
    }
    for (e, mut p, mut tf) in &mut q {
        let tier = p.tier;
        let start = SOURCE_POS;
        let end = TIER_POS[tier] - (TIER_POS[tier] - SOURCE_POS).normalize() * 60.0;
        match p.leg {
            Leg::Travel(s) => {
                let s = s + dt / TRAVEL_S;
                if s < 1.0 {
                    p.leg = Leg::Travel(s);
                    tf.translation = start.lerp(end, s).extend(2.0);
                } else if p.outcome != Outcome::Rejected
                    && queued[tier] < target[tier]
                    && flows[tier].wait_s > 0.0
                {
                    let slot = queued[tier];
                    queued[tier] += 1;
                    p.leg = Leg::Queued(flows[tier].wait_s as f32);
                    let back = (TIER_POS[tier] - SOURCE_POS).normalize();
                    tf.translation = (end - back * (slot as f32 * 9.0)).extend(2.0);
                } else {
                    commands.entity(e).despawn();
                }
            }
            Leg::Queued(w) => {
                let w = w - dt;
                if w > 0.0 {
                    p.leg = Leg::Queued(w);
                } else {
                    commands.entity(e).despawn();
                }
            }
        }
    }
}
