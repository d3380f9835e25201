//! Request particles: each particle is a request of the request simulation
//! ([`crate::sim::RequestSim`]), which runs at the time-speed control's rate with the tier
//! rates of the [`Physics`] resource. A request is drawn from its arrival: it crosses its link,
//! waits in line at the node while the simulation has it queued (so the line is the
//! simulation's own queue — Little's Law made visible), and leaves when the simulation finishes
//! it, coloured by outcome (first token within the SLO, late, or rejected/failed).
//!
//! Above [`MAX_PARTICLES`], one particle stands for several requests: only requests whose id
//! is a multiple of [`ParticleClock::requests_per_particle`] are drawn (documented sampling,
//! shown in the legend). No rate or latency is written here: the only constants are drawing
//! choices (travel time on screen, the caps).

use std::collections::HashMap;

use bevy::prelude::*;

use super::{SOURCE_POS, TIER_POS};
use crate::lab::game::{ActiveScenario, Physics};
use crate::lab::live::LiveSim;
use crate::physics::Tier;
use crate::sim::{Fate, SimEvent};

/// Simulated seconds a particle takes to cross its link (drawing only).
pub const TRAVEL_S: f32 = 0.6;
/// At most this many particles live at once.
pub const MAX_PARTICLES: usize = 3000;
/// At most this many particles wait visibly in one node's line.
pub const MAX_QUEUE_DRAWN: usize = 40;
/// Simulated seconds a finished request lingers at its node (drawing only).
const EXIT_S: f64 = 0.25;
/// How far a rejected request drops as it leaves, world units (drawing only).
pub const DROP: f32 = 40.0;

/// How a request ends (or is heading to end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    WithinSlo,
    Late,
    Rejected,
}

/// Where a particle is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leg {
    /// Crossing its link, 0..1.
    Travel(f32),
    /// Waiting in the node's line at this slot.
    Queued(usize),
    /// Finished: shown at the node until it fades.
    Leaving,
}

#[derive(Component, Debug, Clone, Copy)]
pub struct Particle {
    pub tier: usize,
    pub outcome: Outcome,
    pub leg: Leg,
}

/// The request a particle draws, as the simulation reported it.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct RequestId {
    pub id: u64,
    pub arrival: f64,
    pub first_token: Option<f64>,
    pub end: Option<(f64, Fate)>,
}

/// Particle bookkeeping: sampling factor and counts.
#[derive(Resource, Debug, Clone, Default)]
pub struct ParticleClock {
    /// Particles spawned per tier since the simulation started.
    pub spawned: [u64; Tier::COUNT],
    /// Requests each particle stands for (1 unless the cap forces sampling).
    pub requests_per_particle: f64,
    /// Particles waiting in each node's drawn line this frame.
    pub queued_drawn: [usize; Tier::COUNT],
    /// Drawn requests by id, for the simulation's events.
    seen: HashMap<u64, Entity>,
    /// The simulation these particles draw ([`LiveSim::generation`]).
    generation: Option<u64>,
}

/// The headless half of the particles: they follow the live simulation ([`crate::lab::live`]).
pub fn sim_plugin(app: &mut App) {
    app.init_resource::<ParticleClock>().add_systems(
        Update,
        (
            restart_particles,
            sync_particles.run_if(crate::world::physics_shown),
            clear_particles.run_if(not(crate::world::physics_shown)),
        )
            .chain()
            .after(crate::lab::live::LiveSet),
    );
}

/// Before the Act II lock no request is drawn: their colours would give the answer away.
fn clear_particles(mut commands: Commands, particles: Query<Entity, With<Particle>>) {
    for e in &particles {
        commands.entity(e).despawn();
    }
}

/// A new simulation (a new design) clears the particles of the old one and sets how many
/// requests each particle stands for.
fn restart_particles(
    mut commands: Commands,
    live: Option<Res<LiveSim>>,
    physics: Res<Physics>,
    mut clock: ResMut<ParticleClock>,
    particles: Query<Entity, With<Particle>>,
) {
    let Some(live) = live else {
        return;
    };
    if clock.generation == Some(live.generation) {
        return;
    }
    for e in &particles {
        commands.entity(e).despawn();
    }
    let total: f64 = physics.0.tier_rps.iter().sum();
    *clock = ParticleClock {
        requests_per_particle: ((total * (TRAVEL_S as f64 + EXIT_S)) / MAX_PARTICLES as f64 * 2.0)
            .ceil()
            .max(1.0),
        generation: Some(live.generation),
        ..default()
    };
}

/// Colour of a request by its first-token time against the SLO.
fn outcome_of(ttft: Option<f64>, now: f64, arrival: f64, slo_s: f64) -> Outcome {
    match ttft {
        Some(t) if t - arrival <= slo_s => Outcome::WithinSlo,
        Some(_) => Outcome::Late,
        None if now - arrival > slo_s => Outcome::Late,
        None => Outcome::WithinSlo,
    }
}

/// Events for one drawn request in this frame: its first token, its end.
/// Events for one drawn request in this frame: its first token, its end.
type Later = (Option<f64>, Option<(f64, Fate)>);

/// This frame's events, sorted: the sampled requests that arrived (with any later events of
/// theirs already applied), and the later events of requests already drawn.
fn sort_events(
    events: impl IntoIterator<Item = SimEvent>,
    k: u64,
    clock: &ParticleClock,
) -> (Vec<(usize, RequestId)>, HashMap<Entity, Later>) {
    let mut updates: HashMap<Entity, Later> = HashMap::new();
    let mut fresh: Vec<(usize, RequestId)> = Vec::new();
    let mut fresh_index: HashMap<u64, usize> = HashMap::new();
    for ev in events {
        match ev {
            SimEvent::Arrived { id, tier, t } => {
                if id % k == 0 && clock.seen.len() + fresh.len() < MAX_PARTICLES {
                    fresh_index.insert(id, fresh.len());
                    fresh.push((
                        tier,
                        RequestId {
                            id,
                            arrival: t,
                            first_token: None,
                            end: None,
                        },
                    ));
                }
            }
            SimEvent::FirstToken { id, t } => {
                if let Some(i) = fresh_index.get(&id) {
                    fresh[*i].1.first_token = Some(t);
                } else if let Some(e) = clock.seen.get(&id) {
                    updates.entry(*e).or_default().0 = Some(t);
                }
            }
            SimEvent::Finished { id, t, fate } => {
                if let Some(i) = fresh_index.get(&id) {
                    fresh[*i].1.end = Some((t, fate));
                } else if let Some(e) = clock.seen.get(&id) {
                    updates.entry(*e).or_default().1 = Some((t, fate));
                }
            }
        }
    }
    (fresh, updates)
}

/// Spawn particles for new (sampled) requests from the simulation's events, move them, and
/// despawn them once finished and shown.
pub fn sync_particles(
    mut commands: Commands,
    live: Option<ResMut<LiveSim>>,
    scenario: Res<ActiveScenario>,
    mut clock: ResMut<ParticleClock>,
    mut q: Query<(
        Entity,
        &mut RequestId,
        &mut Particle,
        &mut Transform,
        &mut Visibility,
    )>,
) {
    let Some(mut live) = live else {
        return;
    };
    let now = live.sim.now;
    let slo_s = scenario.0.slo.p99_ms / 1e3;
    let k = clock.requests_per_particle.max(1.0) as u64;
    // Apply the simulation's events: new particles, first tokens, ends. Requests that arrived
    // in this batch collect their later events before they are spawned.
    let (fresh, updates) = sort_events(live.sim.drain_events(), k, &clock);
    for (tier, req) in fresh {
        let e = commands
            .spawn((
                req,
                Particle {
                    tier,
                    outcome: Outcome::WithinSlo,
                    leg: Leg::Travel(0.0),
                },
                Transform::from_translation(SOURCE_POS.extend(2.0)),
                Visibility::Visible,
            ))
            .id();
        clock.seen.insert(req.id, e);
        clock.spawned[tier] += 1;
    }
    // Move the particles (new ones appear next frame, once spawned).
    let mut queued = [0usize; Tier::COUNT];
    for (e, mut req, mut p, mut tf, mut vis) in &mut q {
        if let Some((first, end)) = updates.get(&e) {
            if first.is_some() {
                req.first_token = *first;
            }
            if end.is_some() {
                req.end = *end;
            }
        }
        match place(&req, &mut p, now, slo_s, &mut queued) {
            Some(pos) => {
                tf.translation = pos.extend(2.0);
                vis.set_if_neq(Visibility::Inherited);
            }
            None => {
                commands.entity(e).despawn();
                clock.seen.remove(&req.id);
            }
        }
    }
    clock.queued_drawn = queued;
}

/// Where a tier's line of waiting requests starts: the stream's end, short of the node.
pub fn entrance(tier_pos: Vec2) -> Vec2 {
    tier_pos - (tier_pos - SOURCE_POS).normalize() * 60.0
}

/// Where a particle is drawn at `now`, its outcome and leg updated; `None` once it has gone
/// (or waits beyond the drawn line).
fn place(
    req: &RequestId,
    p: &mut Particle,
    now: f64,
    slo_s: f64,
    queued: &mut [usize; Tier::COUNT],
) -> Option<Vec2> {
    let tier = p.tier;
    // The nodes show the simulation delayed by the travel time: a particle reaches its
    // node at the simulated moment its request arrived, waits in line until its first
    // token, shows its outcome briefly, and goes (the rest of its generation is not drawn).
    // Requests waiting beyond the drawn line are not kept as particles.
    let view = now - TRAVEL_S as f64;
    let first = req.first_token.filter(|t| *t <= view);
    let ended = req.end.filter(|(t, _)| *t <= view);
    p.outcome = match req.end {
        Some((_, Fate::Rejected | Fate::Failed)) => Outcome::Rejected,
        _ if view < req.arrival => Outcome::WithinSlo,
        // The latency SLO is the cloud's, as in the verdict: a device's requests are judged
        // on whether the device can serve them at all (its memory), never drawn late.
        _ if tier != 0 => Outcome::WithinSlo,
        _ => outcome_of(first, view, req.arrival, slo_s),
    };
    let s = ((now - req.arrival) / TRAVEL_S as f64) as f32;
    let left_at = first.or(ended.map(|(t, _)| t)).map(|t| t.max(req.arrival));
    if left_at.is_some_and(|t| view > t + EXIT_S) {
        return None;
    }
    p.leg = if s < 1.0 {
        Leg::Travel(s.max(0.0))
    } else if left_at.is_some() {
        Leg::Leaving
    } else if queued[tier] < MAX_QUEUE_DRAWN {
        queued[tier] += 1;
        Leg::Queued(queued[tier] - 1)
    } else {
        return None;
    };
    let end = entrance(TIER_POS[tier]);
    Some(match p.leg {
        Leg::Travel(s) => SOURCE_POS.lerp(end, s),
        Leg::Queued(slot) => {
            let back = (TIER_POS[tier] - SOURCE_POS).normalize();
            end - back * (slot as f32 * 9.0)
        }
        // A rejected or failed request drops out of the line as it goes.
        Leg::Leaving if p.outcome == Outcome::Rejected => {
            let gone = left_at.map_or(0.0, |t| ((view - t) / EXIT_S).clamp(0.0, 1.0));
            end - Vec2::new(0.0, DROP * gone as f32)
        }
        Leg::Leaving => end,
    })
}
