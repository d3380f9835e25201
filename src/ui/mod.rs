//! The egui overlay: a side panel holding the lab's flow, and a HUD footer in Act II. The UI
//! reads resources and sends messages ([`DesignMsg`], [`FlowMsg`], [`LedgerMsg`]); it computes
//! no physics.

mod act1;
mod act2;
mod hud;
mod widgets;

use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraOutputMode, ClearColorConfig};
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};

use crate::flow::{FlowMsg, Phase, Predictions};
use crate::ledger::store::{ImportPreview, LedgerMsg, LedgerState};
use crate::sim::{ActiveModel, ActiveScenario, CurrentDesign, DesignMsg, Physics};
use crate::text;
use crate::world::UiInsets;
use crate::world::particles::{ParticleClock, TimeControls};

pub(crate) fn c32(c: Color) -> egui::Color32 {
    let s = c.to_srgba();
    egui::Color32::from_rgb(
        (s.red * 255.0).round() as u8,
        (s.green * 255.0).round() as u8,
        (s.blue * 255.0).round() as u8,
    )
}

/// Whether the keyboard shortcuts dialog is open.
#[derive(Resource, Debug, Default)]
pub struct ShortcutsOpen(pub bool);

/// Text the student is typing into the import box.
#[derive(Resource, Debug, Default)]
pub struct ImportDraft {
    pub open: bool,
    pub text: String,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.world_mut()
        .resource_mut::<EguiGlobalSettings>()
        .auto_create_primary_context = false;
    app.init_resource::<ShortcutsOpen>()
        .init_resource::<ImportDraft>()
        .add_systems(Startup, (spawn_ui_camera, style))
        .add_systems(EguiPrimaryContextPass, panels)
        .add_systems(Update, shortcuts);
}

/// egui draws through its own camera over the whole window, so the world camera's viewport
/// can shrink to the space the panels leave.
fn spawn_ui_camera(mut commands: Commands) {
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 1,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
    ));
}

fn style(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    ctx.all_styles_mut(|s| {
        s.text_styles.iter_mut().for_each(|(k, f)| {
            f.size = match k {
                egui::TextStyle::Heading => 24.0,
                egui::TextStyle::Small => 12.0,
                _ => 15.0,
            }
        });
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
    });
    Ok(())
}

fn shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    phase: Res<State<Phase>>,
    mut design: MessageWriter<DesignMsg>,
    mut open: ResMut<ShortcutsOpen>,
    mut contexts: EguiContexts,
) {
    let typing = contexts
        .ctx_mut()
        .map(|c| c.egui_wants_keyboard_input())
        .unwrap_or(false);
    if typing {
        return;
    }
    if keys.just_pressed(KeyCode::KeyR) && phase.get().instruments_open() {
        design.write(DesignMsg::Reset);
    }
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    if keys.just_pressed(KeyCode::F1) || (shift && keys.just_pressed(KeyCode::Slash)) {
        open.0 = !open.0;
    }
    if keys.just_pressed(KeyCode::Escape) {
        open.0 = false;
    }
}

/// Everything a panel needs to read, and where it sends requests.
pub(crate) struct Ctx<'a> {
    pub phase: Phase,
    pub design: &'a CurrentDesign,
    pub model: &'a ActiveModel,
    pub physics: &'a Physics,
    pub scenario: &'a ActiveScenario,
    pub preds: &'a Predictions,
    pub ledger: &'a LedgerState,
    pub preview: Option<&'a ImportPreview>,
    pub draft: &'a mut ImportDraft,
    pub flow: Vec<FlowMsg>,
    pub design_msgs: Vec<DesignMsg>,
    pub ledger_msgs: Vec<LedgerMsg>,
}

#[allow(clippy::too_many_arguments)]
fn panels(
    mut contexts: EguiContexts,
    phase: Res<State<Phase>>,
    design: Res<CurrentDesign>,
    model: Res<ActiveModel>,
    physics: Res<Physics>,
    scenario: Res<ActiveScenario>,
    preds: Res<Predictions>,
    ledger: Res<LedgerState>,
    preview: Option<Res<ImportPreview>>,
    mut draft: ResMut<ImportDraft>,
    mut shortcuts_open: ResMut<ShortcutsOpen>,
    mut flow_out: MessageWriter<FlowMsg>,
    mut design_out: MessageWriter<DesignMsg>,
    mut ledger_out: MessageWriter<LedgerMsg>,
    mut insets: ResMut<UiInsets>,
    (mut time, clock): (ResMut<TimeControls>, Res<ParticleClock>),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let mut c = Ctx {
        phase: *phase.get(),
        design: &design,
        model: &model,
        physics: &physics,
        scenario: &scenario,
        preds: &preds,
        ledger: &ledger,
        preview: preview.as_deref(),
        draft: &mut draft,
        flow: Vec::new(),
        design_msgs: Vec::new(),
        ledger_msgs: Vec::new(),
    };

    let bottom = if c.phase.instruments_open() {
        egui::Panel::bottom("hud")
            .show(&mut root, |ui| hud::hud(ui, &c))
            .response
            .rect
            .height()
    } else {
        0.0
    };
    let width = (ctx.viewport_rect().width() * 0.42).clamp(360.0, 760.0);
    let left = egui::Panel::left("lab")
        .default_size(width)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    storage_warnings(ui, &mut c);
                    match c.phase {
                        Phase::Intro => act1::intro(ui, &mut c),
                        Phase::Act1Predict => act1::predict(ui, &mut c),
                        Phase::Act1Report => act1::report(ui, &mut c),
                        Phase::Act2Brief => act2::brief(ui, &mut c),
                        Phase::Act2Design => act2::design(ui, &mut c),
                        Phase::Act2Reveal => act2::reveal(ui, &mut c),
                    }
                });
        })
        .response
        .rect
        .width();

    time_controls(ctx, left, &mut time, &clock);

    if shortcuts_open.0 {
        egui::Window::new("Keyboard shortcuts")
            .collapsible(false)
            .open(&mut shortcuts_open.0)
            .show(ctx, |ui| {
                for (k, what) in text::SHORTCUTS {
                    ui.horizontal(|ui| {
                        ui.monospace(format!("{k:>10}"));
                        ui.label(what);
                    });
                }
            });
    }

    insets.set_if_neq(UiInsets { left, bottom });
    flow_out.write_batch(c.flow);
    design_out.write_batch(c.design_msgs);
    ledger_out.write_batch(c.ledger_msgs);
    Ok(())
}

/// PhET-style time controls over the world.
fn time_controls(ctx: &egui::Context, left: f32, tc: &mut TimeControls, clock: &ParticleClock) {
    egui::Area::new("time_controls".into())
        .fixed_pos(egui::pos2(left + 12.0, 10.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let label = if tc.paused { text::PLAY } else { text::PAUSE };
                    if ui.button(label).clicked() {
                        tc.paused = !tc.paused;
                    }
                    if ui.add_enabled(tc.paused, egui::Button::new(text::STEP)).clicked() {
                        tc.step = true;
                    }
                    for (speed, name) in TimeControls::SPEEDS {
                        if ui.selectable_label(tc.speed == speed, name).clicked() {
                            tc.speed = speed;
                        }
                    }
                    ui.colored_label(c32(crate::theme::OK), text::DOT_OK);
                    ui.colored_label(c32(crate::theme::WARN), text::DOT_LATE);
                    ui.colored_label(c32(crate::theme::FAIL), text::DOT_REJECTED);
                    ui.label(
                        egui::RichText::new(format!(
                            "1 dot = {:.0} request(s)",
                            clock.requests_per_particle
                        ))
                        .small(),
                    );
                });
            });
        });
}

/// Storage problems are shown on every screen until resolved.
fn storage_warnings(ui: &mut egui::Ui, c: &mut Ctx) {
    use crate::ledger::store::SaveStatus;
    let fail = c32(crate::theme::FAIL);
    let warn = c32(crate::theme::WARN);
    if let SaveStatus::MemoryOnly(reason) | SaveStatus::Failed(reason) = &c.ledger.save {
        widgets::callout(ui, warn, "", &format!("{}{reason}", text::MEMORY_ONLY));
    }
    if c.ledger.problem.is_some() {
        widgets::callout(ui, fail, "", text::UNREADABLE);
        ui.horizontal_wrapped(|ui| {
            if ui.button(text::EXPORT_RAW).clicked() {
                c.ledger_msgs.push(LedgerMsg::Export);
            }
            if ui.button(text::START_AFRESH).clicked() {
                c.ledger_msgs.push(LedgerMsg::StartAfresh);
            }
        });
    }
    if let Some(r) = &c.ledger.last_export {
        match r {
            Ok(path) => ui.label(format!("Exported to {path}")),
            Err(e) => ui.colored_label(fail, format!("Export failed: {e}")),
        };
    }
}
