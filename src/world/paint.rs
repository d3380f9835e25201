//! The particles' paint and the world's shared meshes and materials, whose colours follow the
//! palette.

use bevy::prelude::*;

use super::{NODE_RADIUS, TierRing, particles, scene};
use crate::theme::{ActivePalette, Palette};

/// The particles' paint: shared meshes and materials, and the system that gives each particle
/// the material of its outcome. Needs only the mesh and material assets, so a headless test
/// can run it and read the colour a particle is drawn with.
pub fn paint_plugin(app: &mut App) {
    app.add_systems(Startup, make_assets)
        .add_systems(Update, dress_particles.after(particles::sync_particles));
}

/// Shared meshes and materials whose colours follow the palette.
#[derive(Resource)]
pub(super) struct WorldAssets {
    /// One shape per outcome (on time, late, rejected), so the shape tells it too.
    pub(super) shapes: [Handle<Mesh>; 3],
    pub(super) ok: Handle<ColorMaterial>,
    pub(super) late: Handle<ColorMaterial>,
    pub(super) rejected: Handle<ColorMaterial>,
    pub(super) link: Handle<ColorMaterial>,
    pub(super) source: Handle<ColorMaterial>,
    pub(super) ring_thin: Handle<Mesh>,
    pub(super) ring_thick: Handle<Mesh>,
}

/// Restyle the world when the profile changes.
#[allow(clippy::type_complexity)]
pub(super) fn apply_palette(
    palette: Res<ActivePalette>,
    assets: Res<WorldAssets>,
    mut materials: ResMut<Assets<ColorMaterial>>,
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
        let (mat, shape) = match p.outcome {
            particles::Outcome::WithinSlo => (&assets.ok, &assets.shapes[0]),
            particles::Outcome::Late => (&assets.late, &assets.shapes[1]),
            particles::Outcome::Rejected => (&assets.rejected, &assets.shapes[2]),
        };
        if painted.is_none() {
            t.scale = Vec3::splat(palette.0.weight);
        }
        let mut ec = commands.entity(e);
        ec.insert(Mesh2d(shape.clone()));
        ec.insert((MeshMaterial2d(mat.clone()), Painted(p.outcome)));
    }
}
/// Sides of a particle's dot. A software renderer pays for every triangle of the ~900 dots in
/// flight: measured with `scripts/fps.sh act2-pass` at 1366×768 under llvmpipe, Bevy's default
/// 32 sides drew 26–27 frames a second, 10 sides 30–32. At the size a dot is drawn (10–20
/// pixels across) ten sides still read as round.
const PARTICLE_SIDES: u32 = 10;

pub(super) fn make_assets(
    mut commands: Commands,
    palette: Option<Res<ActivePalette>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let pal = palette.map_or(Palette::DEFAULT, |p| p.0);
    commands.insert_resource(WorldAssets {
        shapes: [
            meshes.add(Circle::new(5.0).mesh().resolution(PARTICLE_SIDES)),
            meshes.add(Rhombus::new(13.0, 13.0)),
            meshes.add(Triangle2d::new(
                Vec2::new(-6.5, 4.0),
                Vec2::new(6.5, 4.0),
                Vec2::new(0.0, -7.0),
            )),
        ],
        ok: materials.add(pal.ok),
        late: materials.add(pal.warn),
        rejected: materials.add(pal.fail),
        link: materials.add(pal.link),
        source: materials.add(pal.text_muted),
        ring_thin: meshes.add(Annulus::new(NODE_RADIUS + 6.0, scene::ring_outer(false))),
        ring_thick: meshes.add(Annulus::new(NODE_RADIUS + 5.0, scene::ring_outer(true))),
    });
}
