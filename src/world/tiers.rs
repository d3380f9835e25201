//! The tier nodes: their state follows the physics (headless), and their discs, rings and
//! labels draw it (window only).

use bevy::prelude::*;

use super::{NODE_RADIUS, TIER_POS};
use crate::lab::class_view::ClassView;
use crate::lab::flow::Predictions;
use crate::lab::game::Physics;
use crate::physics::{Report, Tier};
use crate::theme::{ActivePalette, Palette};
use crate::{text, theme};

/// A tier node: 0 cloud, 1 edge, 2 mobile, 3 tiny.
#[derive(Component, Debug, Clone, Copy)]
pub struct TierNode(pub usize);

/// The coloured ring around a node that shows its state.
#[derive(Component, Debug, Clone, Copy)]
pub struct TierRing(pub usize);

/// The tier's current view of the physics (kept on its node entity).
#[derive(Component, Debug, Clone, PartialEq)]
pub struct TierState(pub TierView);

/// Present while a tier fails (out of memory, or a failed SLO), with the reason.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct Failed(pub String);

/// The headless half: node entities whose state follows the physics.
pub fn sim_plugin(app: &mut App) {
    app.add_systems(Startup, spawn_tier_nodes).add_systems(
        Update,
        update_tier_state.after(crate::lab::game::CoreSet::Compute),
    );
}

/// The drawn half: discs and rings (the status lines are drawn by the overlay).
pub fn plugin(app: &mut App) {
    app.add_systems(Update, (dress_tiers, animate_nodes));
}

/// What the nodes show now: the class's answers in the class view, else the physics (neutral
/// until the Act II lock).
fn views_now(
    physics: &Physics,
    preds: Option<Res<Predictions>>,
    class: Option<&ClassView>,
    scenario: &crate::physics::Scenario,
) -> [TierView; Tier::COUNT] {
    match class {
        // A student's design on record: drawn from the same physics as the lab.
        Some(c) if c.drawn(scenario).is_some() => tier_views(&physics.0, true),
        Some(c) => class_views(c.hardest_counts()),
        // Act II physics only once the Act II prediction is locked: the world never gives
        // the answer away.
        None => tier_views(&physics.0, preds.is_some_and(|p| p.act2.is_some())),
    }
}

/// The class view's nodes: each lit by the share of students who named it hardest in Act II
/// (the most named at full strength).
pub fn class_views(counts: [u32; Tier::COUNT]) -> [TierView; Tier::COUNT] {
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let total: u32 = counts.iter().sum();
    std::array::from_fn(|i| TierView {
        status: TierStatus::Class,
        load: counts[i] as f32 / most as f32,
        rps: 0.0,
        line: crate::text::t!("class-named-hardest", count = counts[i], total = total),
    })
}

fn spawn_tier_nodes(mut commands: Commands, physics: Res<Physics>) {
    for (i, v) in tier_views(&physics.0, false).into_iter().enumerate() {
        commands.spawn((
            TierNode(i),
            TierState(v),
            Transform::from_translation(TIER_POS[i].extend(0.5)),
        ));
    }
}

fn update_tier_state(
    mut commands: Commands,
    physics: Res<Physics>,
    preds: Option<Res<Predictions>>,
    class: Option<Res<ClassView>>,
    scenario: Res<crate::lab::game::ActiveScenario>,
    mut nodes: Query<(Entity, &TierNode, &mut TierState, Option<&Failed>)>,
    mut worded_in: Local<Option<crate::text::Lang>>,
) {
    let preds_changed = preds.as_ref().is_some_and(|p| p.is_changed());
    let class_changed = class.as_ref().is_some_and(|c| c.is_changed());
    // Words kept between frames: said again when the language changes.
    let lang_changed = crate::text::language_changed(&mut worded_in);
    if !physics.is_changed() && !preds_changed && !class_changed && !lang_changed {
        return;
    }
    let views = views_now(&physics, preds, class.as_deref(), &scenario.0);
    for (e, n, mut st, failed) in &mut nodes {
        let v = views[n.0].clone();
        match (v.status == TierStatus::Fail, failed) {
            (true, f) if f.map(|f| &f.0) != Some(&v.line) => {
                commands.entity(e).insert(Failed(v.line.clone()));
            }
            (false, Some(_)) => {
                commands.entity(e).remove::<Failed>();
            }
            _ => {}
        }
        st.set_if_neq(TierState(v));
    }
}

/// Give new tier nodes their disc.
fn dress_tiers(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    new: Query<(Entity, &TierNode), Added<TierNode>>,
) {
    for (e, n) in &new {
        commands.entity(e).insert((
            Mesh2d(meshes.add(Circle::new(NODE_RADIUS))),
            MeshMaterial2d(materials.add(theme::tier_color(n.0))),
        ));
    }
}
/// How a tier is doing, for drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierStatus {
    /// Before the Act II lock: nothing about the design is shown.
    Neutral,
    /// The class view: lit by the class's answers, not by a design.
    Class,
    Ok,
    Warm,
    Fail,
}

/// What the world draws for one tier, derived from the report.
#[derive(Debug, Clone, PartialEq)]
pub struct TierView {
    pub status: TierStatus,
    /// 0..1: how hard the tier is working (drives the pulse).
    pub load: f32,
    pub rps: f64,
    pub line: String,
}

/// The four tier views: from the report once Act II is locked (`shown`), neutral before.
pub fn tier_views(r: &Report, shown: bool) -> [TierView; Tier::COUNT] {
    if shown {
        physics_views(r)
    } else {
        std::array::from_fn(|_| TierView {
            status: TierStatus::Neutral,
            load: 0.2,
            rps: 0.0,
            line: text::tier_waiting(),
        })
    }
}

/// Derive the four tier views from a report (pure, tested).
fn physics_views(r: &Report) -> [TierView; Tier::COUNT] {
    Tier::ALL.map(|t| tier_view(r, t))
}

/// Busy when a tier works at 80 % or more of what it has.
fn status(oom: bool, load: f64) -> TierStatus {
    if oom {
        TierStatus::Fail
    } else if load >= 0.8 {
        TierStatus::Warm
    } else {
        TierStatus::Ok
    }
}

fn tier_view(r: &Report, t: Tier) -> TierView {
    let f = r.tier(t);
    let memory = if f.has > 0.0 { f.needs / f.has } else { 1.0 };
    if t == Tier::Cloud {
        // The cloud works as hard as its queue (the systems model), else as full as its memory.
        let load = r.systems.as_ref().map_or(memory, |s| s.cloud_utilization);
        let fail = r.cloud_oom || !r.slo_latency_ok || !r.slo_tput_ok;
        return TierView {
            status: if fail {
                TierStatus::Fail
            } else {
                status(false, load)
            },
            load: load.clamp(0.0, 1.0) as f32,
            rps: f.rps,
            // One line each: the memory is the node's bar.
            line: if f.oom {
                text::tier_oom().to_string()
            } else {
                format!("P99 {}", text::latency(f.p99_ms))
            },
        };
    }
    // A device is judged as the verdict judges it: on its memory. Its first token (where the
    // model has one) and whole answer are told, not marked against the cloud's SLO.
    let line = match (f.oom, f.first_token_ms) {
        (true, _) => text::tier_oom().to_string(),
        (false, Some(first)) => text::t!(
            "device-first-token",
            first = text::latency(first),
            answer = text::latency(f.p99_ms)
        ),
        (false, None) => text::t!("device-answer", answer = text::latency(f.p99_ms)),
    };
    TierView {
        status: status(f.oom, memory),
        load: memory.clamp(0.0, 1.0) as f32,
        rps: f.rps,
        line,
    }
}
/// The mark that tells a tier's status without colour (none while neutral or in the class
/// view).
pub fn status_mark(s: TierStatus) -> Option<&'static str> {
    match s {
        TierStatus::Ok => Some(text::MARK_OK),
        TierStatus::Warm => Some(text::MARK_WARN),
        TierStatus::Fail => Some(text::MARK_FAIL),
        TierStatus::Neutral | TierStatus::Class => None,
    }
}

pub fn status_color(s: TierStatus, p: &Palette) -> Color {
    match s {
        TierStatus::Neutral => p.link,
        TierStatus::Class => p.info,
        TierStatus::Ok => p.ok,
        TierStatus::Warm => p.warn,
        TierStatus::Fail => p.fail,
    }
}

/// How a node moves at time `t`: its scale, its shake and its ring's glow (alpha). Pulsing
/// follows load, a failing tier shakes, rings glow; with reduced motion all three hold still.
/// In the class view the size and the glow tell the share of students, and never move.
pub fn node_motion(status: TierStatus, load: f32, t: f32, reduced: bool) -> (f32, Vec2, f32) {
    if status == TierStatus::Class {
        return (0.8 + 0.4 * load, Vec2::ZERO, 0.1 + 0.9 * load);
    }
    if reduced {
        return (1.0, Vec2::ZERO, 1.0);
    }
    let rate = 1.0 + 4.0 * load;
    let scale = 1.0 + (0.03 + 0.07 * load) * (t * rate).sin();
    let shake = if status == TierStatus::Fail {
        Vec2::new((t * 37.0).sin() * 4.0, (t * 29.0).cos() * 3.0)
    } else {
        Vec2::ZERO
    };
    (scale, shake, 0.75 + 0.25 * (t * 2.0).sin().abs())
}

fn animate_nodes(
    time: Res<Time>,
    prefs: Res<crate::lab::prefs::Prefs>,
    palette: Res<ActivePalette>,
    mut nodes: Query<(&TierNode, &TierState, &mut Transform), Without<TierRing>>,
    mut rings: Query<
        (&TierRing, &mut Transform, &MeshMaterial2d<ColorMaterial>),
        Without<TierNode>,
    >,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let t = time.elapsed_secs();
    let reduced = prefs.reduced_motion;
    // The rings follow their node's state.
    let mut glows: [Option<(TierStatus, f32)>; Tier::COUNT] = [None; Tier::COUNT];
    for (n, st, mut tf) in &mut nodes {
        let v = &st.0;
        let (scale, shake, glow) = node_motion(v.status, v.load, t, reduced);
        glows[n.0] = Some((v.status, glow));
        tf.scale = Vec3::splat(scale);
        tf.translation = (TIER_POS[n.0] + shake).extend(0.5);
    }
    for (r, mut tf, mat) in &mut rings {
        let Some((status, glow)) = glows[r.0] else {
            continue;
        };
        tf.translation = TIER_POS[r.0].extend(0.0);
        if let Some(mut m) = materials.get_mut(&mat.0) {
            m.color = status_color(status, &palette.0).with_alpha(glow);
        }
    }
}
