//! The world: the four tiers as animated nodes fed by a source of users, with links labelled by
//! request rate. Every number comes from the [`Physics`] resource.

pub mod particles;

use std::path::PathBuf;

use bevy::camera::Viewport;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::PrimaryWindow;

use crate::physics::Report;
use crate::sim::Physics;
use crate::{text, theme};

/// The camera that draws the world (egui has its own).
#[derive(Component, Debug, Clone, Copy)]
pub struct WorldCamera;

/// A tier node: 0 cloud, 1 edge, 2 mobile, 3 tiny.
#[derive(Component, Debug, Clone, Copy)]
pub struct TierNode(pub usize);

/// The coloured ring around a node that shows its state.
#[derive(Component, Debug, Clone, Copy)]
pub struct TierRing(pub usize);

/// The status line under a node.
#[derive(Component, Debug, Clone, Copy)]
pub struct TierStatusText(pub usize);

/// The request-rate label on a link.
#[derive(Component, Debug, Clone, Copy)]
pub struct LinkLabel(pub usize);

/// How a tier is doing, for drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierStatus {
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

/// Derive the four tier views from a report (pure, tested).
pub fn tier_views(r: &Report) -> [TierView; 4] {
    let mem = |used: f64, cap: f64| if cap > 0.0 { used / cap } else { 1.0 };
    let cloud_load = r
        .systems
        .as_ref()
        .map_or(mem(r.cloud_model_gb, r.cloud_ram_gb), |s| {
            s.cloud_utilization
        });
    let status = |oom: bool, load: f64| {
        if oom {
            TierStatus::Fail
        } else if load >= 0.8 {
            TierStatus::Warm
        } else {
            TierStatus::Ok
        }
    };
    let cloud_fail = r.cloud_oom || !r.slo_latency_ok || !r.slo_tput_ok;
    let cloud_line = if r.cloud_oom {
        format!("OOM {:.0}/{:.0} GB", r.cloud_model_gb, r.cloud_ram_gb)
    } else {
        format!("P99 {:.0} ms", r.cloud_p99_ms)
    };
    let dev = |oom: bool, used: f64, cap: f64, p99: f64| {
        if oom {
            format!("OOM {used:.1}/{cap:.0} GB")
        } else {
            format!("{used:.1}/{cap:.0} GB · {:.1} s", p99 / 1000.0)
        }
    };
    [
        TierView {
            status: if cloud_fail {
                TierStatus::Fail
            } else {
                status(false, cloud_load)
            },
            load: cloud_load.clamp(0.0, 1.0) as f32,
            rps: r.tier_rps[0],
            line: cloud_line,
        },
        TierView {
            status: status(r.edge_oom, mem(r.edge_model_gb, r.edge_ram_gb)),
            load: mem(r.edge_model_gb, r.edge_ram_gb).clamp(0.0, 1.0) as f32,
            rps: r.tier_rps[1],
            line: dev(r.edge_oom, r.edge_model_gb, r.edge_ram_gb, r.edge_p99_ms),
        },
        TierView {
            status: status(r.mobile_oom, mem(r.mobile_model_gb, r.mobile_ram_gb)),
            load: mem(r.mobile_model_gb, r.mobile_ram_gb).clamp(0.0, 1.0) as f32,
            rps: r.tier_rps[2],
            line: dev(
                r.mobile_oom,
                r.mobile_model_gb,
                r.mobile_ram_gb,
                r.mobile_p99_ms,
            ),
        },
        TierView {
            status: status(r.tiny_oom, mem(r.tiny_model_kb, r.tiny_sram_kb)),
            load: mem(r.tiny_model_kb, r.tiny_sram_kb).clamp(0.0, 1.0) as f32,
            rps: r.tier_rps[3],
            line: if r.tiny_oom {
                format!(
                    "SRAM {:.0}/{:.0} KB · not in use",
                    r.tiny_model_kb, r.tiny_sram_kb
                )
            } else {
                format!("{:.0}/{:.0} KB SRAM", r.tiny_model_kb, r.tiny_sram_kb)
            },
        },
    ]
}

/// Screen space the egui panels take (logical pixels), so the camera fits the rest.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct UiInsets {
    pub left: f32,
    pub bottom: f32,
}

/// Ask for a PNG of the window after a few frames, then exit.
#[derive(Resource, Debug, Clone)]
pub struct ScreenshotRequest {
    pub path: PathBuf,
    pub frames: u32,
}

/// Layout of the architecture diagram, in world units.
pub const SOURCE_POS: Vec2 = Vec2::new(-330.0, 0.0);
pub const TIER_POS: [Vec2; 4] = [
    Vec2::new(170.0, 225.0),
    Vec2::new(170.0, 75.0),
    Vec2::new(170.0, -75.0),
    Vec2::new(170.0, -225.0),
];
const NODE_RADIUS: f32 = 46.0;
/// Half-size of the diagram the camera must keep in view.
const VIEW_HALF: Vec2 = Vec2::new(560.0, 320.0);

/// Shared mesh and materials for particles, one material per outcome.
#[derive(Resource)]
struct ParticleAssets {
    mesh: Handle<Mesh>,
    ok: Handle<ColorMaterial>,
    late: Handle<ColorMaterial>,
    rejected: Handle<ColorMaterial>,
}

fn dress_particles(
    mut commands: Commands,
    assets: Res<ParticleAssets>,
    new: Query<(Entity, &particles::Particle), Added<particles::Particle>>,
) {
    for (e, p) in &new {
        let mat = match p.outcome {
            particles::Outcome::WithinSlo => assets.ok.clone(),
            particles::Outcome::Late => assets.late.clone(),
            particles::Outcome::Rejected => assets.rejected.clone(),
        };
        commands
            .entity(e)
            .insert((Mesh2d(assets.mesh.clone()), MeshMaterial2d(mat)));
    }
}

fn time_keys(keys: Res<ButtonInput<KeyCode>>, mut tc: ResMut<particles::TimeControls>) {
    if keys.just_pressed(KeyCode::Space) {
        tc.paused = !tc.paused;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(particles::ParticleSimPlugin);
    app.init_resource::<UiInsets>()
        .add_systems(Startup, spawn_world)
        .add_systems(Update, (dress_particles, time_keys))
        .add_systems(
            Update,
            (
                update_tier_text,
                animate_nodes,
                fit_camera,
                take_screenshot.run_if(resource_exists::<ScreenshotRequest>),
            ),
        );
}

fn spawn_world(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    commands.spawn((Camera2d, WorldCamera));
    commands.insert_resource(ParticleAssets {
        mesh: meshes.add(Circle::new(5.0)),
        ok: materials.add(theme::OK),
        late: materials.add(theme::WARN),
        rejected: materials.add(theme::FAIL),
    });
    let title_font = TextFont::from_font_size(40.0);
    commands.spawn((
        Text2d::new(text::TITLE),
        title_font,
        TextColor(theme::TEXT),
        Transform::from_xyz(-110.0, 300.0, 1.0),
    ));
    commands.spawn((
        Text2d::new(text::SUBTITLE),
        TextFont::from_font_size(20.0),
        TextColor(theme::TEXT_MUTED),
        Transform::from_xyz(-110.0, 262.0, 1.0),
    ));
    // The users/source node.
    commands.spawn((
        Mesh2d(meshes.add(Rectangle::new(90.0, 90.0))),
        MeshMaterial2d(materials.add(theme::TEXT_MUTED)),
        Transform::from_translation(SOURCE_POS.extend(0.0)),
    ));
    commands.spawn((
        Text2d::new(text::SOURCE_LABEL),
        TextFont::from_font_size(22.0),
        TextColor(theme::TEXT),
        Transform::from_translation((SOURCE_POS + Vec2::new(0.0, -72.0)).extend(1.0)),
    ));
    let circle = meshes.add(Circle::new(NODE_RADIUS));
    let ring = meshes.add(Annulus::new(NODE_RADIUS + 6.0, NODE_RADIUS + 14.0));
    for (i, pos) in TIER_POS.iter().enumerate() {
        // Link from the source to the tier.
        let d = *pos - SOURCE_POS;
        let len = d.length() - NODE_RADIUS - 50.0;
        let mid = SOURCE_POS + d.normalize() * (45.0 + len / 2.0);
        commands.spawn((
            Mesh2d(meshes.add(Rectangle::new(len, 4.0))),
            MeshMaterial2d(materials.add(theme::LINK)),
            Transform::from_translation(mid.extend(-1.0))
                .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
        ));
        commands.spawn((
            Text2d::new(""),
            TextFont::from_font_size(20.0),
            TextColor(theme::TEXT_MUTED),
            Transform::from_translation((mid + Vec2::new(0.0, 18.0)).extend(1.0)),
            LinkLabel(i),
        ));
        commands.spawn((
            Mesh2d(ring.clone()),
            MeshMaterial2d(materials.add(theme::OK)),
            Transform::from_translation(pos.extend(0.0)),
            TierRing(i),
        ));
        commands.spawn((
            Mesh2d(circle.clone()),
            MeshMaterial2d(materials.add(theme::tier_color(i))),
            Transform::from_translation(pos.extend(0.5)),
            TierNode(i),
        ));
        commands.spawn((
            Text2d::new(format!(
                "{}\n{}",
                text::TIER_NAMES[i],
                text::TIER_HARDWARE[i]
            )),
            TextFont::from_font_size(24.0),
            TextColor(theme::TEXT),
            bevy::sprite::Anchor::CENTER_LEFT,
            Transform::from_translation((*pos + Vec2::new(70.0, 14.0)).extend(1.0)),
        ));
        commands.spawn((
            Text2d::new(""),
            TextFont::from_font_size(22.0),
            TextColor(theme::TEXT_MUTED),
            bevy::sprite::Anchor::CENTER_LEFT,
            Transform::from_translation((*pos + Vec2::new(70.0, -30.0)).extend(1.0)),
            TierStatusText(i),
        ));
    }
}

fn status_color(s: TierStatus) -> Color {
    match s {
        TierStatus::Ok => theme::OK,
        TierStatus::Warm => theme::WARN,
        TierStatus::Fail => theme::FAIL,
    }
}

fn update_tier_text(
    physics: Res<Physics>,
    mut status: Query<(&TierStatusText, &mut Text2d, &mut TextColor), Without<LinkLabel>>,
    mut links: Query<(&LinkLabel, &mut Text2d), Without<TierStatusText>>,
) {
    if !physics.is_changed() {
        return;
    }
    let views = tier_views(&physics.0);
    for (t, mut text, mut color) in &mut status {
        let v = &views[t.0];
        text.0 = v.line.clone();
        color.0 = status_color(v.status);
    }
    for (l, mut text) in &mut links {
        text.0 = format!("{:.0} req/s", views[l.0].rps);
    }
}

fn animate_nodes(
    time: Res<Time>,
    physics: Res<Physics>,
    mut nodes: Query<(&TierNode, &mut Transform), Without<TierRing>>,
    mut rings: Query<
        (&TierRing, &mut Transform, &MeshMaterial2d<ColorMaterial>),
        Without<TierNode>,
    >,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let views = tier_views(&physics.0);
    let t = time.elapsed_secs();
    for (n, mut tf) in &mut nodes {
        let v = &views[n.0];
        // Pulse rate and depth follow load.
        let rate = 1.0 + 4.0 * v.load;
        let s = 1.0 + (0.03 + 0.07 * v.load) * (t * rate).sin();
        tf.scale = Vec3::splat(s);
        let shake = if v.status == TierStatus::Fail {
            Vec2::new((t * 37.0).sin() * 4.0, (t * 29.0).cos() * 3.0)
        } else {
            Vec2::ZERO
        };
        tf.translation = (TIER_POS[n.0] + shake).extend(0.5);
    }
    for (r, mut tf, mat) in &mut rings {
        let v = &views[r.0];
        tf.translation = TIER_POS[r.0].extend(0.0);
        if let Some(mut m) = materials.get_mut(&mat.0) {
            let glow = 0.75 + 0.25 * (t * 2.0).sin().abs();
            m.color = status_color(v.status).with_alpha(glow);
        }
    }
}

/// Keep the diagram in the part of the window the panels leave free.
fn fit_camera(
    insets: Res<UiInsets>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<(&mut Camera, &mut Projection), With<WorldCamera>>,
) {
    let sf = window.scale_factor();
    let (w, h) = (window.physical_width(), window.physical_height());
    let left = ((insets.left * sf) as u32).min(w.saturating_sub(1));
    let bottom = ((insets.bottom * sf) as u32).min(h.saturating_sub(1));
    let size = UVec2::new(w - left, h - bottom).max(UVec2::ONE);
    let (cam, proj) = &mut *camera;
    let vp = Viewport {
        physical_position: UVec2::new(left, 0),
        physical_size: size,
        ..default()
    };
    if cam
        .viewport
        .as_ref()
        .map(|v| (v.physical_position, v.physical_size))
        != Some((vp.physical_position, vp.physical_size))
    {
        cam.viewport = Some(vp);
    }
    if let Projection::Orthographic(o) = &mut **proj {
        let logical = size.as_vec2() / sf;
        let scale = (VIEW_HALF.x * 2.0 / logical.x).max(VIEW_HALF.y * 2.0 / logical.y);
        if (o.scale - scale).abs() > 1e-3 {
            o.scale = scale;
        }
    }
}

fn take_screenshot(
    mut commands: Commands,
    mut req: ResMut<ScreenshotRequest>,
    mut exit: MessageWriter<AppExit>,
) {
    req.frames += 1;
    if req.frames == 90 {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(req.path.clone()));
    }
    if req.frames == 150 {
        exit.write(AppExit::Success);
    }
}
