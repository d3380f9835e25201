//! The egui overlay: a side panel holding the lab's flow, and a HUD footer in Act II. The UI
//! reads resources and sends messages ([`DesignMsg`], [`FlowMsg`], [`LedgerMsg`]); it computes
//! no physics.

mod act1;
mod act2;
mod charts;
mod class;
mod dialogs;
pub mod fonts;
mod hud;
mod instruments;
mod keys;
mod layout;
mod ledger_panel;
mod metrics;
pub mod overlays;
mod preferences;
mod style;
#[cfg(target_arch = "wasm32")]
mod web_a11y;
mod widgets;

pub use class::class_panel;
pub use dialogs::{FrameReadout, ImportDraft, ShortcutsOpen, SubmitConfirm, shortcuts};
pub use keys::flow_keys;
pub use layout::{Form, Layout, action_bar, lay_out, lay_out_as};
pub use style::{TOUCH_TARGET, apply_style};
pub use widgets::static_chart;

use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraOutputMode, ClearColorConfig};
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiOutput, EguiPlugin, EguiPostUpdateSet, EguiPreUpdateSet,
    EguiPrimaryContextPass, PrimaryEguiContext, egui,
};

use crate::lab::class_view::{ClassMsg, ClassView};
use crate::lab::demo::Demo;
use crate::lab::flow::{FlowMsg, PendingChoice, Phase, Predictions};
use crate::lab::game::{
    ActiveAnswerKey, ActiveModel, ActiveScenario, ControlFocused, CurrentDesign, DesignMsg,
    KeyboardBusy, Physics,
};
use crate::lab::live::{LiveSim, TimeControls, TimeMsg};
use crate::lab::prefs::{ActiveLang, Prefs, PrefsMsg};
use crate::ledger::store::{CourseLedgerFile, ImportPreview, LedgerMsg, LedgerState};
use crate::sim::Measured;
use crate::text;
use crate::text::Lang;
use crate::theme::{ActivePalette, Palette};
use crate::world::UiInsets;
use crate::world::particles::ParticleClock;

pub use crate::theme::c32;
pub(crate) use preferences::preferences;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.world_mut()
        .resource_mut::<EguiGlobalSettings>()
        .auto_create_primary_context = false;
    if !app.is_plugin_added::<bevy::diagnostic::FrameTimeDiagnosticsPlugin>() {
        app.add_plugins(bevy::diagnostic::FrameTimeDiagnosticsPlugin::default());
    }
    app.init_resource::<ShortcutsOpen>()
        .init_resource::<FrameReadout>()
        .init_resource::<ImportDraft>()
        .add_systems(Startup, spawn_ui_camera)
        .add_systems(
            PreUpdate,
            fonts::on_new_contexts.before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (style, panels, overlays::frame_readout).chain(),
        )
        .add_systems(
            PostUpdate,
            log_focus.after(EguiPostUpdateSet::ProcessOutput),
        )
        .add_systems(
            Update,
            (
                keys::shortcuts,
                // The class view is not the lab: the flow's keys would move an unseen act.
                flow_keys.run_if(not(resource_exists::<ClassView>)),
            ),
        );
    #[cfg(target_arch = "wasm32")]
    web_a11y::plugin(app);
}

/// egui draws through its own camera over the whole window, so the world camera's viewport
/// can shrink to the space the panels leave.
///
/// The two cameras share one picture (Bevy gives cameras with the same window and settings the
/// same main texture): the world camera clears it and draws the world without copying it to
/// the window, and this one draws egui over the world, then copies the whole picture once.
/// A software renderer pays for every full-window pass; this leaves one clear and one copy.
fn spawn_ui_camera(mut commands: Commands) {
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 1,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::REPLACE),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::None,
            ..default()
        },
        // Multisampling follows the renderer (`world::camera`); the world camera's must match.
        Msaa::Off,
    ));
}

/// Apply the profile (light or dark visuals), the UI scale and the language's fonts when they
/// change, and title the window in the language.
fn style(
    mut contexts: EguiContexts,
    prefs: Res<Prefs>,
    lang: Res<ActiveLang>,
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
    mut applied: Local<Option<(Prefs, Lang, bool)>>,
) -> Result {
    // The catalogue is the process's; only the windowed game (not a headless test's app)
    // switches it.
    if text::current().lang() != lang.0 {
        info!("architects-audit: language {}", lang.0.tag());
    }
    text::catalogue::activate_lang(lang.0);
    if lang.0.needs_cjk() {
        fonts::load_cjk();
    }
    let now = (*prefs, lang.0, fonts::cjk().is_some());
    if *applied == Some(now) {
        return Ok(());
    }
    if now.2 && applied.is_none_or(|a| !a.2) {
        info!("architects-audit: the Chinese font is loaded");
    }
    *applied = Some(now);
    apply_style(contexts.ctx_mut()?, &prefs);
    for mut w in &mut windows {
        w.title = text::window_title();
    }

    Ok(())
}

/// Name the control that Tab (or a click on a text box) just focused, for keyboard users'
/// tools and the browser test. A focusable part with no name would be logged as unnamed, so
/// every Tab is accounted for (the `accesskit` tests keep there being none).
fn log_focus(
    mut contexts: Query<(&mut bevy_egui::EguiContext, &EguiOutput), With<PrimaryEguiContext>>,
    mut last: Local<Option<egui::Id>>,
) {
    for (mut ctx, out) in &mut contexts {
        let focused = ctx.get_mut().memory(|m| m.focused());
        if focused == *last {
            continue;
        }
        *last = focused;
        if focused.is_none() {
            continue;
        }
        let name = out.platform_output.events.iter().find_map(|e| match e {
            egui::output::OutputEvent::FocusGained(info) => info.label.clone(),
            _ => None,
        });
        info!(
            "architects-audit: focus {}",
            name.as_deref().unwrap_or("(unnamed)")
        );
    }
}

/// The panels' view model: everything a panel reads, and the requests it makes. The panels
/// are functions of an `egui::Ui` and this, so they run on a bare `egui::Context` in tests.
pub struct Ctx<'a> {
    pub phase: Phase,
    /// The request simulation's measured metrics (last 30 simulated seconds).
    pub measured: Option<Measured>,
    /// The live instruments: recent first-token histogram and the P99/throughput strip.
    pub instruments: Option<&'a crate::sim::Instruments>,
    pub pal: Palette,
    pub design: &'a CurrentDesign,
    pub model: &'a ActiveModel,
    pub physics: &'a Physics,
    pub scenario: &'a ActiveScenario,
    /// The Act II answer key the model in play earns.
    pub answer_key: &'a ActiveAnswerKey,
    pub preds: &'a Predictions,
    pub ledger: &'a LedgerState,
    pub preview: Option<&'a ImportPreview>,
    /// The course's ledger file on this machine, offered for import.
    pub course_file: Option<&'a std::path::PathBuf>,
    pub draft: &'a mut ImportDraft,
    /// The submit confirmation.
    pub submit: &'a mut SubmitConfirm,
    pub pending: &'a PendingChoice,
    pub flow: Vec<FlowMsg>,
    pub design_msgs: Vec<DesignMsg>,
    pub ledger_msgs: Vec<LedgerMsg>,
}

/// What the panels read.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct UiRead<'w> {
    phase: Res<'w, State<Phase>>,
    design: Res<'w, CurrentDesign>,
    model: Res<'w, ActiveModel>,
    physics: Res<'w, Physics>,
    scenario: Res<'w, ActiveScenario>,
    answer_key: Res<'w, ActiveAnswerKey>,
    preds: Res<'w, Predictions>,
    ledger: Res<'w, LedgerState>,
    preview: Option<Res<'w, ImportPreview>>,
    course_file: Res<'w, CourseLedgerFile>,
    pending: Res<'w, PendingChoice>,
    prefs: Res<'w, Prefs>,
    palette: Res<'w, ActivePalette>,
    demo: Option<Res<'w, Demo>>,
    clock: Res<'w, ParticleClock>,
    time: Option<Res<'w, TimeControls>>,
    live: Option<Res<'w, LiveSim>>,
    class: Option<Res<'w, ClassView>>,
    instruments: Option<Res<'w, crate::lab::live::LiveInstruments>>,
}

/// Where the panels send requests.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct UiWrite<'w> {
    flow: MessageWriter<'w, FlowMsg>,
    design: MessageWriter<'w, DesignMsg>,
    ledger: MessageWriter<'w, LedgerMsg>,
    draft: ResMut<'w, ImportDraft>,
    submit: ResMut<'w, SubmitConfirm>,
    shortcuts_open: ResMut<'w, ShortcutsOpen>,
    insets: ResMut<'w, UiInsets>,
    time: MessageWriter<'w, TimeMsg>,
    prefs: MessageWriter<'w, PrefsMsg>,
    busy: ResMut<'w, KeyboardBusy>,
    focused: ResMut<'w, ControlFocused>,
    class: MessageWriter<'w, ClassMsg>,
}

fn panels(mut contexts: EguiContexts, r: UiRead, mut w: UiWrite) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut c = Ctx {
        phase: *r.phase.get(),
        measured: r.live.as_ref().map(|l| l.measured),
        instruments: r.instruments.as_deref().map(|i| &i.0),
        pal: r.palette.0,
        design: &r.design,
        model: &r.model,
        physics: &r.physics,
        scenario: &r.scenario,
        answer_key: &r.answer_key,
        preds: &r.preds,
        ledger: &r.ledger,
        preview: r.preview.as_deref(),
        course_file: r.course_file.0.as_ref(),
        draft: &mut w.draft,
        submit: &mut w.submit,
        pending: &r.pending,
        flow: Vec::new(),
        design_msgs: Vec::new(),
        ledger_msgs: Vec::new(),
    };
    if let Some(show) = r.demo.as_ref().and_then(|d| d.show) {
        ctx.data_mut(|d| d.insert_temp(egui::Id::new(crate::lab::demo::Show::KEY), show));
    }
    let class = r.class.as_deref();
    let out = lay_out(ctx, &mut c, &r.prefs, class);
    let (left, bottom) = (out.left, out.bottom);
    if let Some(p) = out.prefs {
        w.prefs.write(PrefsMsg::Set(p));
    }
    w.class.write_batch(out.class);

    let tc = r.time.as_deref().copied().unwrap_or_default();
    let mut top = 0.0;
    if class.is_none() {
        let (msgs, height) = overlays::time_controls(
            ctx,
            left,
            out.form,
            &tc,
            &r.clock,
            &r.palette.0,
            r.prefs.touch,
        );
        w.time.write_batch(msgs);
        top = height;
    }
    if let Some(caption) = r.demo.as_ref().and_then(|d| d.caption.clone()) {
        overlays::demo_caption(ctx, left, bottom, &caption, &r.palette.0);
    }
    w.busy.0 = ctx.egui_wants_keyboard_input();
    w.focused.0 = ctx.memory(|m| m.focused().is_some());

    dialogs::shortcuts(ctx, &mut w.shortcuts_open);

    let (flow, design, ledger) = (c.flow, c.design_msgs, c.ledger_msgs);
    // The camera works in logical pixels; egui's points are larger by the UI scale.
    let zoom = ctx.zoom_factor();
    w.insets.set_if_neq(UiInsets {
        left: left * zoom,
        bottom: bottom * zoom,
        top: top * zoom,
    });
    w.flow.write_batch(flow);
    w.design.write_batch(design);
    w.ledger.write_batch(ledger);
    Ok(())
}

/// The side panel's content for the phase in play.
pub fn phase_panel(ui: &mut egui::Ui, c: &mut Ctx) {
    match c.phase {
        Phase::Intro => act1::intro(ui, c),
        Phase::Act1Predict => act1::predict(ui, c),
        Phase::Act1Report => act1::report(ui, c),
        Phase::Act2Brief => act2::brief(ui, c),
        Phase::Act2Design => act2::design(ui, c),
        Phase::Act2Reveal => act2::reveal(ui, c),
    }
}

/// The HUD footer of Act II.
pub fn hud_panel(ui: &mut egui::Ui, c: &Ctx) {
    hud::hud(ui, c);
}

/// Storage problems are shown on every screen until resolved.
pub fn storage_warnings(ui: &mut egui::Ui, c: &mut Ctx) {
    let pal = c.pal;
    use crate::ledger::store::SaveStatus;
    let fail = c32(pal.fail);
    let warn = c32(pal.warn);
    if let SaveStatus::MemoryOnly(reason) | SaveStatus::Failed(reason) = &c.ledger.save {
        widgets::callout(ui, warn, "", &text::t!("memory-only", reason = reason));
    }
    for n in &c.ledger.store_notices {
        widgets::callout(ui, warn, "", &n.worded());
    }
    if c.ledger.problem.is_some() {
        widgets::callout(ui, fail, "", &text::unreadable());
        ui.horizontal_wrapped(|ui| {
            if ui.button(text::export_raw()).clicked() {
                c.ledger_msgs.push(LedgerMsg::Export);
            }
            if ui.button(text::start_afresh()).clicked() {
                c.ledger_msgs.push(LedgerMsg::StartAfresh);
            }
        });
    }
    if let Some(r) = &c.ledger.last_export {
        match r {
            // The web build's export is a download the browser names and keeps.
            Ok(path) if cfg!(target_arch = "wasm32") => {
                ui.label(text::t!("export-downloaded", file = path))
            }
            Ok(path) => ui.label(text::t!("export-done", path = path)),
            Err(e) => ui.colored_label(fail, text::t!("export-failed", error = e)),
        };
    }
}
