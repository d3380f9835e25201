//! The world: the four tiers as animated nodes fed by a source of users, with links labelled by
//! request rate, and the requests themselves as particles. Every number comes from the
//! [`Physics`](crate::game::Physics) resource and the request simulation.
//!
//! Each child has a headless half (state that follows the physics, in [`sim_plugin`]) and a
//! drawn half (in [`plugin`], added only with a window).

pub mod camera;
pub mod particles;
pub mod tiers;

use bevy::prelude::*;

use crate::text;
use crate::theme::{ActivePalette, Palette};

pub use camera::{ScreenshotRequest, UiInsets, node_pixels};
pub use tiers::{
    Failed, LinkLabel, SourceLabel, TierNode, TierRing, TierState, TierStatus, TierStatusText,
    TierView, tier_views,
};

/// The camera that draws the world (egui has its own).
#[derive(Component, Debug, Clone, Copy)]
pub struct WorldCamera;

/// The world may show Act II physics: only once the Act II prediction is locked, so the
/// world never gives the answer away.
pub fn act2_shown(preds: Option<Res<crate::flow::Predictions>>) -> bool {
    preds.is_some_and(|p| p.act2.is_some())
}

/// Layout of the architecture diagram, in world units.
pub const SOURCE_POS: Vec2 = Vec2::new(-340.0, -20.0);
pub const TIER_POS: [Vec2; 4] = [
    Vec2::new(90.0, 205.0),
    Vec2::new(90.0, 55.0),
    Vec2::new(90.0, -95.0),
    Vec2::new(90.0, -245.0),
];
const NODE_RADIUS: f32 = 46.0;
/// Centre and half-size of the diagram the camera must keep in view (labels included).
const VIEW_CENTER: Vec2 = Vec2::new(60.0, 0.0);
const VIEW_HALF: Vec2 = Vec2::new(500.0, 330.0);

/// The headless halves: tier state and the request simulation.
pub fn sim_plugin(app: &mut App) {
    app.add_plugins((tiers::sim_plugin, particles::sim_plugin));
}

/// The drawn halves (window only).
pub fn plugin(app: &mut App) {
    app.add_plugins((tiers::plugin, camera::plugin))
        .add_systems(Startup, spawn_world)
        .add_systems(Update, (dress_particles, apply_palette));
}

/// Shared meshes and materials whose colours follow the palette.
#[derive(Resource)]
struct WorldAssets {
    particle: Handle<Mesh>,
    ok: Handle<ColorMaterial>,
    late: Handle<ColorMaterial>,
    rejected: Handle<ColorMaterial>,
    link: Handle<ColorMaterial>,
    source: Handle<ColorMaterial>,
    ring_thin: Handle<Mesh>,
    ring_thick: Handle<Mesh>,
}

/// Which palette colour a world label takes.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Text,
    Muted,
}

/// A label's font size before the profile's label scale.
#[derive(Component, Debug, Clone, Copy)]
struct BaseSize(f32);

fn label(text: impl Into<String>, size: f32, ink: Ink) -> impl Bundle {
    (
        Text2d::new(text),
        TextFont::from_font_size(size),
        BaseSize(size),
        ink,
        TextColor(Palette::DEFAULT.text),
    )
}

/// Restyle the world when the profile changes.
#[allow(clippy::type_complexity)]
fn apply_palette(
    palette: Res<ActivePalette>,
    assets: Res<WorldAssets>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut labels: Query<(&Ink, &BaseSize, &mut TextColor, &mut TextFont)>,
    mut rings: Query<&mut Mesh2d, With<TierRing>>,
    mut particles: Query<&mut Transform, With<particles::Particle>>,
) {
    if !palette.is_changed() {
        return;
    }
    let p = palette.0;
    for (h, c) in [
        (&assets.ok, p.ok),
        (&assets.late, p.warn),
        (&assets.rejected, p.fail),
        (&assets.link, p.link),
        (&assets.source, p.text_muted),
    ] {
        if let Some(mut m) = materials.get_mut(h) {
            m.color = c;
        }
    }
    for (ink, base, mut color, mut font) in &mut labels {
        // Status lines are recoloured by update_tier_text, which runs after this.
        color.0 = match ink {
            Ink::Text => p.text,
            Ink::Muted => p.text_muted,
        };
        font.font_size = FontSize::Px(base.0 * p.label_scale);
    }
    let ring = if p.projector {
        &assets.ring_thick
    } else {
        &assets.ring_thin
    };
    for mut m in &mut rings {
        m.0 = ring.clone();
    }
    for mut t in &mut particles {
        t.scale = Vec3::splat(p.weight);
    }
}
/// The outcome a particle is drawn with.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
struct Painted(particles::Outcome);

/// Give new particles their mesh, and repaint any whose outcome changed: a request turns the
/// late colour once its first token passes the SLO, and the rejected colour when refused.
#[allow(clippy::type_complexity)]
fn dress_particles(
    mut commands: Commands,
    assets: Res<WorldAssets>,
    palette: Res<ActivePalette>,
    mut changed: Query<
        (
            Entity,
            &particles::Particle,
            &mut Transform,
            Option<&Painted>,
        ),
        Changed<particles::Particle>,
    >,
) {
    for (e, p, mut t, painted) in &mut changed {
        if painted.map(|x| x.0) == Some(p.outcome) {
            continue;
        }
        let mat = match p.outcome {
            particles::Outcome::WithinSlo => assets.ok.clone(),
            particles::Outcome::Late => assets.late.clone(),
            particles::Outcome::Rejected => assets.rejected.clone(),
        };
        let mut ec = commands.entity(e);
        if painted.is_none() {
            t.scale = Vec3::splat(palette.0.weight);
            ec.insert(Mesh2d(assets.particle.clone()));
        }
        ec.insert((MeshMaterial2d(mat), Painted(p.outcome)));
    }
}
fn spawn_world(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    commands.spawn((Camera2d, WorldCamera));
    let pal = Palette::DEFAULT;
    let assets = WorldAssets {
        particle: meshes.add(Circle::new(5.0)),
        ok: materials.add(pal.ok),
        late: materials.add(pal.warn),
        rejected: materials.add(pal.fail),
        link: materials.add(pal.link),
        source: materials.add(pal.text_muted),
        ring_thin: meshes.add(Annulus::new(NODE_RADIUS + 6.0, NODE_RADIUS + 14.0)),
        ring_thick: meshes.add(Annulus::new(NODE_RADIUS + 5.0, NODE_RADIUS + 22.0)),
    };
    commands.spawn((
        label(text::TITLE, 40.0, Ink::Text),
        bevy::sprite::Anchor::TOP_LEFT,
        Transform::from_xyz(-430.0, 320.0, 1.0),
    ));
    commands.spawn((
        label(text::SUBTITLE, 20.0, Ink::Muted),
        bevy::sprite::Anchor::TOP_LEFT,
        Transform::from_xyz(-430.0, 268.0, 1.0),
    ));
    // The users/source node.
    commands.spawn((
        Mesh2d(meshes.add(Rectangle::new(90.0, 90.0))),
        MeshMaterial2d(assets.source.clone()),
        Transform::from_translation(SOURCE_POS.extend(0.0)),
    ));
    commands.spawn((
        label(text::SOURCE_LABEL, 22.0, Ink::Text),
        Transform::from_translation((SOURCE_POS + Vec2::new(0.0, -80.0)).extend(1.0)),
        SourceLabel,
    ));
    for (i, pos) in TIER_POS.iter().enumerate() {
        // Link from the source to the tier.
        let d = *pos - SOURCE_POS;
        let len = d.length() - NODE_RADIUS - 50.0;
        let mid = SOURCE_POS + d.normalize() * (45.0 + len / 2.0);
        commands.spawn((
            Mesh2d(meshes.add(Rectangle::new(len, 4.0))),
            MeshMaterial2d(assets.link.clone()),
            Transform::from_translation(mid.extend(-1.0))
                .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
        ));
        commands.spawn((
            label("", 20.0, Ink::Muted),
            Transform::from_translation((mid + Vec2::new(0.0, 18.0)).extend(1.0)),
            LinkLabel(i),
        ));
        commands.spawn((
            Mesh2d(assets.ring_thin.clone()),
            // Blended: the ring's glow and the class view's light are its alpha.
            MeshMaterial2d(materials.add(ColorMaterial {
                color: pal.ok,
                alpha_mode: bevy::sprite_render::AlphaMode2d::Blend,
                ..default()
            })),
            Transform::from_translation(pos.extend(0.0)),
            TierRing(i),
        ));
        commands.spawn((
            label(
                format!("{}\n{}", text::TIER_NAMES[i], text::TIER_HARDWARE[i]),
                24.0,
                Ink::Text,
            ),
            bevy::sprite::Anchor::BOTTOM_LEFT,
            Transform::from_translation((*pos + Vec2::new(70.0, -12.0)).extend(1.0)),
        ));
        commands.spawn((
            label("", 22.0, Ink::Muted),
            bevy::sprite::Anchor::TOP_LEFT,
            Transform::from_translation((*pos + Vec2::new(70.0, -16.0)).extend(1.0)),
            TierStatusText(i),
        ));
    }
    commands.insert_resource(assets);
}
