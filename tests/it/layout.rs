//! The layout fits every common screen: at each window size and UI scale, in both profiles,
//! each phase's primary action is drawn inside the window, laid out by the game's own layout
//! function on a bare egui context. Sizes: 1280x720 to 3840x2160 at UI scale 1 and 2.

use architects_audit::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::physics::{Design, PhysicsModel, Scenario};
use architects_audit::prefs::Prefs;
use architects_audit::text;
use architects_audit::theme::Palette;
use architects_audit::ui::{apply_style, lay_out};
use bevy_egui::egui;

use crate::panels::Panels;

const SIZES: [(f32, f32); 6] = [
    (1280.0, 720.0),
    (1366.0, 768.0),
    (1600.0, 900.0),
    (1920.0, 1080.0),
    (2560.0, 1440.0),
    (3840.0, 2160.0),
];

/// The phase's primary action, as its label reads.
fn primary(phase: Phase) -> &'static str {
    match phase {
        Phase::Intro => text::BEGIN,
        Phase::Act1Predict | Phase::Act2Brief => text::LOCK,
        Phase::Act1Report => text::TO_ACT2,
        Phase::Act2Design => text::FINISH,
        Phase::Act2Reveal => text::NEW_RUN,
    }
}

/// Where the label `want` is drawn, laying the window out at `w` x `h` physical pixels.
fn action_rect(
    phase: Phase,
    w: f32,
    h: f32,
    scale: f32,
    projector: bool,
    want: &str,
) -> Option<egui::Rect> {
    let act2_locked = matches!(phase, Phase::Act2Design | Phase::Act2Reveal);
    let preds = Predictions {
        act1: (phase != Phase::Act1Predict && phase != Phase::Intro)
            .then_some(Act1Choice::MemoryBw),
        act2: act2_locked.then_some(Act2Choice::TinyOom),
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        phase,
        Design::default(),
        PhysicsModel::Systems,
        preds,
    );
    panels.pal = if projector {
        Palette::PROJECTOR
    } else {
        Palette::DEFAULT
    };
    let mut c = panels.ctx();
    let prefs = Prefs {
        projector,
        scale,
        ..Prefs::default()
    };
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    // The window is given in points already (its pixels over the UI scale).
    ctx.set_zoom_factor(1.0);
    let mut found = None;
    // A few frames: the first lays out, the later ones draw with the sizes found.
    for _ in 0..3 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..Default::default()
        };
        found = None;
        // As the game does: one pass, the layout built on the context.
        ctx.begin_pass(input);
        lay_out(&ctx, &mut c, &prefs, None);
        let full = ctx.end_pass();
        for s in &full.shapes {
            find(&s.shape, want, &mut found);
        }
    }
    found
}

fn find(shape: &egui::Shape, want: &str, out: &mut Option<egui::Rect>) {
    match shape {
        egui::Shape::Text(t) if t.galley.text() == want => {
            *out = Some(t.galley.rect.translate(t.pos.to_vec2()));
        }
        egui::Shape::Vec(v) => v.iter().for_each(|s| find(s, want, out)),
        _ => {}
    }
}

#[test]
fn every_phase_primary_action_is_inside_the_window_at_every_size() {
    let mut failures = Vec::new();
    for phase in Phase::ALL {
        for (w, h) in SIZES {
            for scale in [1.0, 2.0] {
                for projector in [false, true] {
                    // egui lays out in points: the window's pixels over the zoom.
                    let (lw, lh) = (w / scale, h / scale);
                    // Below 1366 x 768 points the panel may scroll, but the pinned action
                    // bar keeps the primary action on screen at every size.
                    let want = primary(phase);
                    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(lw, lh));
                    match action_rect(phase, lw, lh, scale, projector, want) {
                        Some(r) if window.contains_rect(r) => {}
                        other => failures.push(format!(
                            "{phase:?} at {w}x{h} scale {scale} projector {projector}: `{want}` at {other:?}"
                        )),
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
