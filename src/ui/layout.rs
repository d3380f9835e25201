//! The window's layout: the HUD footer, the side panel with its pinned action bar, and the
//! panel's scrolling content. A function of an `egui::Context`, so a headless test can lay it
//! out at any window size and check where the primary action lands.

use bevy_egui::egui;

use super::{Ctx, class, hud, phase_panel, preferences, storage_warnings};
use crate::lab::class_view::{ClassMsg, ClassView};
use crate::lab::flow::{FlowMsg, Phase};
use crate::lab::prefs::Prefs;
use crate::text;

/// How the window is shared between the lab's panel and the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A landscape window: the panel at the left, the world beside it.
    Wide,
    /// A portrait or narrow window (a phone, a tablet held upright): the world above, the
    /// panel below it.
    Tall,
}

impl Form {
    /// The lab panel's id in this form: each form keeps its own size when a window turns.
    fn panel_id(self) -> &'static str {
        match self {
            Form::Wide => "lab",
            Form::Tall => "lab-below",
        }
    }

    /// The form of a window `width` × `height` points.
    pub fn of(width: f32, height: f32) -> Form {
        if height > width || width < 600.0 {
            Form::Tall
        } else {
            Form::Wide
        }
    }
}

/// What one layout pass drew and asked for.
#[derive(Debug)]
pub struct Layout {
    /// The space the panels take from the world, in points: at the left (the side panel of a
    /// wide window) and at the bottom (the HUD footer, and a tall window's panel).
    pub left: f32,
    pub bottom: f32,
    /// The lab panel's rectangle.
    pub panel: egui::Rect,
    pub form: Form,
    /// New preferences, if the student changed them.
    pub prefs: Option<Prefs>,
    pub class: Vec<ClassMsg>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            left: 0.0,
            bottom: 0.0,
            panel: egui::Rect::NOTHING,
            form: Form::Wide,
            prefs: None,
            class: Vec::new(),
        }
    }
}

/// The phase's primary action, pinned under the side panel's scrolling content so it is on
/// screen at every window size.
pub fn action_bar(ui: &mut egui::Ui, c: &mut Ctx) {
    let big = |s: &str| egui::RichText::new(s).size(18.0);
    match c.phase {
        Phase::Act1Predict => {
            let locked = super::widgets::lock(ui, c.pending.act1);
            c.flow.extend(locked.map(FlowMsg::LockAct1));
        }
        Phase::Act2Brief => {
            let locked = super::widgets::lock(ui, c.pending.act2);
            c.flow.extend(locked.map(FlowMsg::LockAct2));
        }
        Phase::Intro => {
            if ui.button(big(&text::begin())).clicked() {
                c.flow.push(FlowMsg::Begin);
            }
        }
        Phase::Act1Report => {
            if ui.button(big(&text::to_act2())).clicked() {
                c.flow.push(FlowMsg::ToAct2);
            }
        }
        Phase::Act2Design => {
            // Submitting records the graded attempt: it asks first.
            if ui.button(big(&text::finish())).clicked() {
                c.submit.open = true;
            }
        }
        Phase::Act2Reveal => {
            ui.horizontal_wrapped(|ui| {
                if ui.button(text::replay()).clicked() {
                    c.flow.push(FlowMsg::Replay);
                }
                if ui.button(text::new_run()).clicked() {
                    c.flow.push(FlowMsg::NewRun);
                }
            });
        }
    }
}

/// Lay out the HUD footer (Act II) and the lab panel: preferences, then the class view or the
/// storage warnings and the phase's content, scrolling above the pinned action bar. The panel
/// is at the left of a wide window and below the world in a tall one.
pub fn lay_out(
    ctx: &egui::Context,
    c: &mut Ctx,
    prefs: &Prefs,
    class_view: Option<&ClassView>,
) -> Layout {
    let window = ctx.viewport_rect();
    lay_out_as(
        ctx,
        c,
        prefs,
        class_view,
        Form::of(window.width(), window.height()),
    )
}

/// [`lay_out`] in the given form (a test lays out a tall window to see a whole panel, in the
/// form of the window it stands for).
pub fn lay_out_as(
    ctx: &egui::Context,
    c: &mut Ctx,
    prefs: &Prefs,
    class_view: Option<&ClassView>,
    form: Form,
) -> Layout {
    let mut out = Layout {
        form,
        ..Layout::default()
    };
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    out.bottom = if class_view.is_none() && c.phase.instruments_open() {
        egui::Panel::bottom("hud")
            .show(&mut root, |ui| {
                super::widgets::semantic(
                    ui,
                    egui::accesskit::Role::ContentInfo,
                    &text::tr("hud-lab"),
                );
                hud::hud(ui, c)
            })
            .response
            .rect
            .height()
    } else {
        0.0
    };
    let panel = lab_panel(form, ctx.viewport_rect(), out.bottom);
    out.panel = panel
        .resizable(true)
        .show(&mut root, |ui| {
            super::widgets::semantic(ui, egui::accesskit::Role::Main, &text::title());
            if class_view.is_none() {
                egui::Panel::bottom("action").show(ui, |ui| {
                    ui.add_space(4.0);
                    action_bar(ui, c);
                });
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // The panel scrolls only vertically: every text wraps to its width.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                    out.prefs = preferences(ui, prefs);
                    if let Some(v) = class_view {
                        out.class = class::class_panel(ui, v, &c.scenario.0, &c.pal);
                        return;
                    }
                    storage_warnings(ui, c);
                    phase_panel(ui, c);
                });
        })
        .response
        .rect;
    match form {
        Form::Wide => out.left = out.panel.width(),
        Form::Tall => out.bottom += out.panel.height(),
    }
    side_panel_edge(ctx, form);
    if c.phase == Phase::Act2Design && c.submit.open && class_view.is_none() {
        super::dialogs::submit(ctx, c);
    } else {
        c.submit.open = false;
    }
    out
}

/// The lab panel of a window of `form`, its HUD `hud` points tall.
fn lab_panel(form: Form, window: egui::Rect, hud: f32) -> egui::Panel {
    match form {
        Form::Wide => {
            // Never wider than the window: on a narrow one the panel takes all of it.
            let width = (window.width() * 0.42)
                .clamp(360.0, 760.0)
                .min(window.width());
            egui::Panel::left(Form::Wide.panel_id())
                .default_size(width)
                // The world keeps at least half the window.
                .max_size((window.width() * 0.5).max(360.0).min(window.width()))
        }
        // The world above (with the time controls over it) keeps 40 % of the window at the
        // least, with the HUD taken from the panel's share.
        Form::Tall => egui::Panel::bottom(Form::Tall.panel_id())
            .default_size(window.height() * 0.6 - hud)
            .min_size(window.height() * 0.3)
            .max_size(window.height() * 0.6 - hud),
    }
}

/// The side panel's edge, which egui makes a Tab stop for its drag handle: named for a screen
/// reader (a splitter) and moved with the Left and Right arrows while it has focus.
fn side_panel_edge(ctx: &egui::Context, form: Form) {
    let panel = egui::Id::new(form.panel_id());
    // egui's id for a panel's resize handle.
    let Some(edge) = ctx.read_response(panel.with("__resize")) else {
        return;
    };
    edge.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::ResizeHandle, true, text::panel_edge())
    });
    if !edge.has_focus() {
        return;
    }
    // Keep the arrows for this control, as a slider does, instead of moving focus.
    ctx.memory_mut(|m| {
        m.set_focus_lock_filter(
            edge.id,
            egui::EventFilter {
                horizontal_arrows: form == Form::Wide,
                vertical_arrows: form == Form::Tall,
                ..Default::default()
            },
        )
    });
    let (more, less) = match form {
        Form::Wide => (egui::Key::ArrowRight, egui::Key::ArrowLeft),
        Form::Tall => (egui::Key::ArrowUp, egui::Key::ArrowDown),
    };
    let step =
        ctx.input(|i| (i.key_pressed(more) as i8 - i.key_pressed(less) as i8) as f32) * PANEL_STEP;
    if step != 0.0
        && let Some(mut state) = egui::containers::panel::PanelState::load(ctx, panel)
    {
        // The panel clamps this to its size range when it next lays out.
        match form {
            Form::Wide => state.outer_rect.max.x += step,
            Form::Tall => state.outer_rect.min.y -= step,
        }
        ctx.data_mut(|d| d.insert_persisted(panel, state));
    }
}

/// How far one arrow press moves the side panel's edge, in points.
const PANEL_STEP: f32 = 40.0;
