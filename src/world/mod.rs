//! The world: the four tiers as animated nodes fed by a source of users, with links labelled by
//! request rate, and the requests themselves as particles. Once the Act II prediction is
//! locked, each invariant has a counterpart here: memory bars (Memory Wall), the cloud's GPUs
//! lit by their batch with the step's bound (Iron Law, Roofline), the queue at the entrance
//! (Little's Law), late and rejected requests (P99), all-reduce links (Amdahl) and the
//! accuracy gauge (drift and fairness). Every number comes from the
//! [`Physics`](crate::lab::game::Physics) resource and the request simulation, never from the UI.
//!
//! Each child has a headless half (state that follows the physics, in [`sim_plugin`]) and a
//! drawn half (in [`plugin`], added only with a window). Text is drawn with egui
//! ([`overlay`]), the same text stack as the panels.

mod bars;
pub mod camera;
mod chips;
mod labels;
pub mod overlay;
mod paint;
pub mod particles;
pub mod picture;
mod scene;
pub mod tiers;

use bevy::prelude::*;

use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::lab::class_view::ClassView;
use crate::lab::flow::Predictions;
use crate::lab::game::{ActiveScenario, Physics};
use crate::physics::Tier;
use crate::sim::CloudNow;
use crate::theme::{ActivePalette, Palette};

pub use camera::{ScreenshotRequest, UiInsets, node_pixels};
use paint::WorldAssets;
pub use paint::paint_plugin;
pub use picture::{Physical, picture};
pub use scene::{fit_unit, project};
pub use tiers::{Failed, TierNode, TierRing, TierState, TierStatus, TierView, tier_views};

/// The camera that draws the world (egui has its own).
#[derive(Component, Debug, Clone, Copy)]
pub struct WorldCamera;

/// The world draws the physics: in the lab once the Act II prediction is locked; in the class
/// view while a student whose whole design is on record is selected.
pub fn shows_physics(
    preds: Option<&crate::lab::flow::Predictions>,
    class: Option<&ClassView>,
    scenario: &crate::physics::Scenario,
) -> bool {
    match class {
        Some(c) => c.drawn(scenario).is_some(),
        None => preds.is_some_and(|p| p.act2.is_some()),
    }
}

/// [`shows_physics`] as a run condition.
pub fn physics_shown(
    preds: Option<Res<crate::lab::flow::Predictions>>,
    class: Option<Res<ClassView>>,
    scenario: Res<ActiveScenario>,
) -> bool {
    shows_physics(preds.as_deref(), class.as_deref(), &scenario.0)
}

/// Layout of the architecture diagram, in world units.
pub const SOURCE_POS: Vec2 = Vec2::new(-250.0, -20.0);
pub const TIER_POS: [Vec2; Tier::COUNT] = [
    Vec2::new(90.0, 247.5),
    Vec2::new(90.0, 82.5),
    Vec2::new(90.0, -82.5),
    Vec2::new(90.0, -247.5),
];
const NODE_RADIUS: f32 = 46.0;
/// Centre and half-size of the diagram the camera must keep in view (labels included).
const VIEW_CENTER: Vec2 = Vec2::new(190.0, 0.0);
const VIEW_HALF: Vec2 = Vec2::new(545.0, 345.0);

/// What the world shows of the physics: `None` until the Act II lock and in the class view.
/// Derived when the physics, the predictions or the class view change, not every frame.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct WorldPicture(pub Option<Physical>);

/// The simulation as the world shows it this frame: the cloud's queue and batches, and the
/// queued requests the drawn line leaves out.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct LiveWorld {
    pub cloud: CloudNow,
    pub not_drawn: [usize; Tier::COUNT],
}

/// The headless halves: tier state, the world's picture and the request simulation.
pub fn sim_plugin(app: &mut App) {
    app.init_resource::<WorldPicture>()
        .init_resource::<LiveWorld>()
        .add_plugins((tiers::sim_plugin, particles::sim_plugin))
        .add_systems(
            Update,
            (
                update_picture.after(crate::lab::game::CoreSet::Compute),
                update_live.after(particles::sync_particles),
            ),
        );
}

/// The drawn halves (window only).
pub fn plugin(app: &mut App) {
    app.add_plugins((tiers::plugin, camera::plugin, paint_plugin))
        .add_systems(Startup, spawn_world.after(paint::make_assets))
        .add_systems(Update, paint::apply_palette)
        .add_systems(EguiPrimaryContextPass, draw_overlay);
}

fn update_picture(
    physics: Res<Physics>,
    scenario: Res<ActiveScenario>,
    preds: Option<Res<Predictions>>,
    class: Option<Res<ClassView>>,
    mut pic: ResMut<WorldPicture>,
    mut worded_in: Local<Option<crate::text::Lang>>,
) {
    let preds_changed = preds.as_ref().is_some_and(|p| p.is_changed());
    let class_changed = class.as_ref().is_some_and(|c| c.is_changed());
    // Words kept between frames: said again when the language changes.
    let lang_changed = crate::text::language_changed(&mut worded_in);
    if !physics.is_changed()
        && !scenario.is_changed()
        && !preds_changed
        && !class_changed
        && !lang_changed
    {
        return;
    }
    let shown = shows_physics(preds.as_deref(), class.as_deref(), &scenario.0);
    pic.set_if_neq(WorldPicture(picture(&physics.0, &scenario.0, shown)));
}

fn update_live(
    live: Option<Res<crate::lab::live::LiveSim>>,
    clock: Res<particles::ParticleClock>,
    preds: Option<Res<Predictions>>,
    class: Option<Res<ClassView>>,
    scenario: Res<ActiveScenario>,
    mut out: ResMut<LiveWorld>,
) {
    let next = match live {
        Some(l) if shows_physics(preds.as_deref(), class.as_deref(), &scenario.0) => {
            let cloud = l.sim.cloud_now();
            let drawn = clock.queued_drawn[0] as f64 * clock.requests_per_particle.max(1.0);
            let not_drawn = [cloud.waiting.saturating_sub(drawn as usize), 0, 0, 0];
            LiveWorld { cloud, not_drawn }
        }
        _ => LiveWorld::default(),
    };
    out.set_if_neq(next);
}

/// Draw the world's text and instruments with egui, over the part of the window the panels
/// leave to the world.
#[allow(clippy::too_many_arguments)]
fn draw_overlay(
    mut contexts: EguiContexts,
    camera: Single<(&Camera, &GlobalTransform), With<WorldCamera>>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
    insets: Res<UiInsets>,
    palette: Res<ActivePalette>,
    pic: Res<WorldPicture>,
    live: Res<LiveWorld>,
    prefs: Res<crate::lab::prefs::Prefs>,
    time: Res<Time>,
    nodes: Query<(&TierNode, &TierState)>,
    class: Option<Res<ClassView>>,
    preds: Option<Res<Predictions>>,
    scenario: Res<ActiveScenario>,
    mut readout_open: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (cam, cam_tf) = *camera;
    // Logical pixels to egui points.
    let k = window.scale_factor() / ctx.pixels_per_point();
    let at = |v: Vec2| {
        let p = cam
            .world_to_viewport(cam_tf, v.extend(0.0))
            .unwrap_or(Vec2::ZERO);
        egui::pos2(p.x * k, p.y * k)
    };
    let unit = (at(Vec2::X).x - at(Vec2::ZERO).x).abs();
    let screen = ctx.viewport_rect();
    let world = egui::Rect::from_min_max(
        egui::pos2(
            screen.left() + insets.left * k,
            screen.top() + insets.top * k,
        ),
        egui::pos2(screen.right(), screen.bottom() - insets.bottom * k),
    );
    let painter = ctx
        .layer_painter(egui::LayerId::new(
            egui::Order::Background,
            egui::Id::new("world"),
        ))
        .with_clip_rect(world);
    let mut views: [TierView; Tier::COUNT] = std::array::from_fn(|_| TierView {
        status: TierStatus::Neutral,
        load: 0.0,
        rps: 0.0,
        line: String::new(),
    });
    for (n, st) in &nodes {
        views[n.0] = st.0.clone();
    }
    let waiting = [live.cloud.waiting, 0, 0, 0];
    let focus = labels::readout_focus(ctx, world);
    let placed = overlay::paint(
        &painter,
        &overlay::Projection { at: &at, unit },
        &overlay::Scene {
            views: &views,
            devices: Tier::ALL.map(|t| scenario.0.say(scenario.0.device(t).short_name())),
            rates_shown: shows_physics(preds.as_deref(), class.as_deref(), &scenario.0),
            picture: pic.0.as_ref(),
            waiting,
            not_drawn: live.not_drawn,
            batches: &live.cloud.batches,
            pal: palette.0,
            t: time.elapsed_secs(),
            reduced_motion: prefs.reduced_motion,
            focus,
        },
    );
    if placed.readout.is_some() && !*readout_open {
        info!("architects-audit: world readout opened");
    }
    *readout_open = placed.readout.is_some();
    Ok(())
}

fn spawn_world(
    mut commands: Commands,
    assets: Res<WorldAssets>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    // Multisampling follows the renderer (`camera::fit_multisampling`). The world reaches the
    // window through the egui camera's picture (`ui::spawn_ui_camera`), not a copy of its own.
    commands.spawn((
        Camera2d,
        WorldCamera,
        Msaa::Off,
        Camera {
            output_mode: bevy::camera::CameraOutputMode::Skip,
            ..default()
        },
    ));
    let pal = Palette::DEFAULT;
    // The users/source node.
    commands.spawn((
        Mesh2d(meshes.add(Rectangle::new(scene::SOURCE_SIZE, scene::SOURCE_SIZE))),
        MeshMaterial2d(assets.source.clone()),
        Transform::from_translation(SOURCE_POS.extend(0.0)),
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
    }
}
