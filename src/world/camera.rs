//! The world camera: it keeps the diagram in the space the panels leave, takes the screenshot
//! of a screenshot run, and switches full screen.

use std::path::PathBuf;

use bevy::camera::Viewport;
use bevy::prelude::*;
use bevy::render::renderer::RenderAdapterInfo;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::PrimaryWindow;

use super::{TIER_POS, VIEW_CENTER, WorldCamera};
use crate::lab::game::KeyboardBusy;
use crate::theme::{self, ActivePalette};

/// Screen space the egui panels take (logical pixels), so the camera fits the rest.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct UiInsets {
    pub left: f32,
    pub bottom: f32,
    /// A tall window's time controls, across the top.
    pub top: f32,
}

/// Ask for a PNG of the window after a few frames, then exit.
#[derive(Resource, Debug, Clone)]
pub struct ScreenshotRequest {
    pub path: PathBuf,
    pub frames: u32,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<UiInsets>().add_systems(
        Update,
        (
            fit_camera,
            fit_multisampling.run_if(resource_exists::<RenderAdapterInfo>),
            toggle_fullscreen,
            take_screenshot.run_if(resource_exists::<ScreenshotRequest>),
        ),
    );
}

/// Multisampling smooths the world's circles on a graphics card, and halves the frame rate of
/// a software renderer (llvmpipe, SwiftShader: what a school laptop without a GPU driver, or a
/// browser that blocklists its GPU, falls back to), where it is turned off. Measured with
/// `scripts/fps.sh` at 1366×768 under llvmpipe, a passing Act II: 12.6 frames a second with
/// four samples, 25.2 without. The two cameras share the window, so they always match; both
/// start without it.
fn fit_multisampling(info: Res<RenderAdapterInfo>, mut cameras: Query<&mut Msaa, With<Camera>>) {
    let want = if info.device_type == wgpu_types::DeviceType::Cpu {
        Msaa::Off
    } else {
        Msaa::Sample4
    };
    for mut msaa in &mut cameras {
        if *msaa != want {
            *msaa = want;
        }
    }
}

/// F11 switches between a window and full screen.
fn toggle_fullscreen(
    keys: Res<ButtonInput<KeyCode>>,
    busy: Res<KeyboardBusy>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
) {
    use bevy::window::{MonitorSelection, WindowMode};
    if busy.0 || !keys.just_pressed(KeyCode::F11) {
        return;
    }
    window.mode = match window.mode {
        WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
        _ => WindowMode::Windowed,
    };
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
    let top = ((insets.top * sf) as u32).min(h.saturating_sub(bottom + 1));
    let size = UVec2::new(w - left, h - bottom - top).max(UVec2::ONE);
    let (cam, proj, tf) = &mut *camera;
    if tf.translation.truncate() != VIEW_CENTER {
        tf.translation = VIEW_CENTER.extend(tf.translation.z);
    }
    let vp = Viewport {
        physical_position: UVec2::new(left, top),
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
        let scale = 1.0 / super::fit_unit(logical.x, logical.y, palette.0.label_scale);
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
    demo: Option<Res<crate::lab::demo::Demo>>,
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
