//! The world: the four tiers as animated nodes fed by a source of users, with links labelled by
//! request rate. Every number comes from the [`Physics`] resource.

pub mod particles;

use std::path::PathBuf;

use bevy::camera::Viewport;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::PrimaryWindow;

use crate::game::Physics;
use crate::physics::Report;
use crate::theme::{ActivePalette, Palette};
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

/// The users' label, with the total request rate.
#[derive(Component, Debug, Clone, Copy)]
pub struct SourceLabel;

/// The request-rate label on a link.
#[derive(Component, Debug, Clone, Copy)]
pub struct LinkLabel(pub usize);

/// The tier's current view of the physics (kept on its node entity).
#[derive(Component, Debug, Clone, PartialEq)]
pub struct TierState(pub TierView);

/// Present while a tier fails (out of memory, or a failed SLO), with the reason.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct Failed(pub String);

/// The headless half of the tiers: node entities whose state follows the physics.
pub struct TierSimPlugin;

impl Plugin for TierSimPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, spawn_tier_nodes).add_systems(
            Update,
            update_tier_state.after(crate::game::CoreSet::Compute),
        );
    }
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
    preds: Option<Res<crate::flow::Predictions>>,
    mut nodes: Query<(Entity, &TierNode, &mut TierState, Option<&Failed>)>,
) {
    let preds_changed = preds.as_ref().is_some_and(|p| p.is_changed());
    if !physics.is_changed() && !preds_changed {
        return;
    }
    let views = tier_views(&physics.0, act2_shown(preds));
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

/// The world may show Act II physics: only once the Act II prediction is locked, so the
/// world never gives the answer away.
pub fn act2_shown(preds: Option<Res<crate::flow::Predictions>>) -> bool {
    preds.is_some_and(|p| p.act2.is_some())
}

/// The four tier views: from the report once Act II is locked (`shown`), neutral before.
pub fn tier_views(r: &Report, shown: bool) -> [TierView; 4] {
    if shown {
        physics_views(r)
    } else {
        std::array::from_fn(|_| TierView {
            status: TierStatus::Neutral,
            load: 0.2,
            rps: 0.0,
            line: text::TIER_WAITING.into(),
        })
    }
}

/// Derive the four tier views from a report (pure, tested).
fn physics_views(r: &Report) -> [TierView; 4] {
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
        format!(
            "OOM {:.0}/{:.0} GB\nnot in use",
            r.cloud_model_gb, r.cloud_ram_gb
        )
    } else {
        format!("P99 {}", text::latency(r.cloud_p99_ms))
    };
    let dev = |oom: bool, used: f64, cap: f64, p99: f64| {
        if oom {
            format!("OOM {used:.1}/{cap:.0} GB\nnot in use")
        } else {
            format!("{used:.1}/{cap:.0} GB, {}", text::latency(p99))
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
                    "{:.0}/{:.0} KB SRAM\nnot in use",
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

fn time_keys(keys: Res<ButtonInput<KeyCode>>, mut tc: ResMut<particles::TimeControls>) {
    if keys.just_pressed(KeyCode::Space) {
        tc.paused = !tc.paused;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((particles::ParticleSimPlugin, TierSimPlugin));
    app.init_resource::<UiInsets>()
        .add_systems(Startup, spawn_world)
        .add_systems(Update, (dress_particles, dress_tiers, time_keys))
        .add_systems(
            Update,
            (
                (apply_palette, update_tier_text).chain(),
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
            MeshMaterial2d(materials.add(pal.ok)),
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

fn status_color(s: TierStatus, p: &Palette) -> Color {
    match s {
        TierStatus::Neutral => p.link,
        TierStatus::Ok => p.ok,
        TierStatus::Warm => p.warn,
        TierStatus::Fail => p.fail,
    }
}

#[allow(clippy::type_complexity)]
fn update_tier_text(
    physics: Res<Physics>,
    preds: Option<Res<crate::flow::Predictions>>,
    palette: Res<ActivePalette>,
    mut status: Query<(&TierStatusText, &mut Text2d, &mut TextColor), Without<LinkLabel>>,
    mut links: Query<(&LinkLabel, &mut Text2d), Without<TierStatusText>>,
    mut source: Query<
        &mut Text2d,
        (
            With<SourceLabel>,
            Without<LinkLabel>,
            Without<TierStatusText>,
        ),
    >,
) {
    let preds_changed = preds.as_ref().is_some_and(|p| p.is_changed());
    if !physics.is_changed() && !palette.is_changed() && !preds_changed {
        return;
    }
    let shown = act2_shown(preds);
    let views = tier_views(&physics.0, shown);
    for (t, mut text, mut color) in &mut status {
        let v = &views[t.0];
        text.0 = v.line.clone();
        color.0 = match v.status {
            TierStatus::Neutral => palette.0.text_muted,
            s => status_color(s, &palette.0),
        };
    }
    for (l, mut text) in &mut links {
        text.0 = if shown {
            format!("{:.0} req/s", views[l.0].rps)
        } else {
            String::new()
        };
    }
    let total: f64 = physics.0.tier_rps.iter().sum();
    for mut text in &mut source {
        text.0 = if shown {
            format!("{}\n{total:.0} req/s", text::SOURCE_LABEL)
        } else {
            text::SOURCE_LABEL.to_string()
        };
    }
}

fn animate_nodes(
    time: Res<Time>,
    physics: Res<Physics>,
    preds: Option<Res<crate::flow::Predictions>>,
    palette: Res<ActivePalette>,
    mut nodes: Query<(&TierNode, &TierState, &mut Transform), Without<TierRing>>,
    mut rings: Query<
        (&TierRing, &mut Transform, &MeshMaterial2d<ColorMaterial>),
        Without<TierNode>,
    >,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let views = tier_views(&physics.0, act2_shown(preds));
    let t = time.elapsed_secs();
    for (n, st, mut tf) in &mut nodes {
        let v = &st.0;
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
            m.color = status_color(v.status, &palette.0).with_alpha(glow);
        }
    }
}

/// Keep the diagram in the part of the window the panels leave free.
fn fit_camera(
    insets: Res<UiInsets>,
    palette: Res<ActivePalette>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<(&mut Camera, &mut Projection, &mut Transform), With<WorldCamera>>,
) {
    let sf = window.scale_factor();
    let (w, h) = (window.physical_width(), window.physical_height());
    let left = ((insets.left * sf) as u32).min(w.saturating_sub(1));
    let bottom = ((insets.bottom * sf) as u32).min(h.saturating_sub(1));
    let size = UVec2::new(w - left, h - bottom).max(UVec2::ONE);
    let (cam, proj, tf) = &mut *camera;
    if tf.translation.truncate() != VIEW_CENTER {
        tf.translation = VIEW_CENTER.extend(tf.translation.z);
    }
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
        // Larger labels in the projector profile need a little more room.
        let half = VIEW_HALF * (1.0 + (palette.0.label_scale - 1.0) * 0.6);
        let scale = (half.x * 2.0 / logical.x).max(half.y * 2.0 / logical.y);
        if (o.scale - scale).abs() > 1e-3 {
            o.scale = scale;
        }
    }
}

/// Where each tier node's centre lands in the window, in physical pixels.
pub fn node_pixels(camera: &Camera, cam_tf: &GlobalTransform, scale_factor: f32) -> Vec<[f32; 2]> {
    TIER_POS
        .iter()
        .filter_map(|p| camera.world_to_viewport(cam_tf, p.extend(0.0)).ok())
        .map(|v| [v.x * scale_factor, v.y * scale_factor])
        .collect()
}

fn take_screenshot(
    mut commands: Commands,
    mut req: ResMut<ScreenshotRequest>,
    demo: Option<Res<crate::demo::Demo>>,
    camera: Single<(&Camera, &GlobalTransform), With<WorldCamera>>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut exit: MessageWriter<AppExit>,
) {
    // With a demo jump, wait until the marker is reached.
    if demo.is_some_and(|d| d.stop_at.is_some() && !d.reached) {
        return;
    }
    req.frames += 1;
    if req.frames == 90 {
        // A sidecar tells the checker where the nodes are.
        let (cam, tf) = *camera;
        let nodes = node_pixels(cam, tf, window.scale_factor());
        let sidecar = serde_json::json!({ "tier_nodes": nodes, "tier_colors": theme::TIER_HEX });
        let path = req.path.with_extension("json");
        if let Err(e) = std::fs::write(&path, sidecar.to_string()) {
            warn!("cannot write {}: {e}", path.display());
        }
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(req.path.clone()));
    }
    if req.frames == 150 {
        exit.write(AppExit::Success);
    }
}
