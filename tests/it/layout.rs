//! The layout fits every common screen: at each window size and UI scale, in both profiles,
//! each phase's primary action is drawn inside the window, laid out by the game's own layout
//! function on a bare egui context. Sizes: 1280x720 to 3840x2160 at UI scale 1 and 2.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{Design, PhysicsModel, Scenario};
use architects_audit::text;
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
fn primary(phase: Phase) -> String {
    match phase {
        Phase::Intro => text::begin(),
        Phase::Act1Predict | Phase::Act2Brief => text::lock(),
        Phase::Act1Report => text::to_act2(),
        Phase::Act2Design => text::finish(),
        Phase::Act2Reveal => text::new_run(),
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
    panels = panels.in_profile(projector);
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
                    match action_rect(phase, lw, lh, scale, projector, &want) {
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

/// Every text the panels paint at `w` x `h`, in the Act II design phase with a minute of the
/// live instruments.
fn act2_texts_with_instruments(w: f32, h: f32, projector: bool) -> Vec<String> {
    act2_layout(w, h, projector).0
}

/// Act II's design phase with the live instruments laid out on a `w` × `h` window: every text
/// drawn, and the HUD footer's height.
fn act2_layout(w: f32, h: f32, projector: bool) -> (Vec<String>, f32) {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: Some(Act2Choice::TinyOom),
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        Phase::Act2Design,
        Design::default(),
        PhysicsModel::Systems,
        preds,
    );
    panels = panels.in_profile(projector);
    panels = panels.with_a_minute_of_instruments();
    let mut c = panels.ctx();
    let prefs = Prefs {
        projector,
        ..Prefs::default()
    };
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    ctx.set_zoom_factor(1.0);
    let mut texts = Vec::new();
    let mut hud = 0.0;
    for _ in 0..3 {
        ctx.begin_pass(egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..Default::default()
        });
        hud = lay_out(&ctx, &mut c, &prefs, None).bottom;
        texts.clear();
        for s in &ctx.end_pass().shapes {
            all_texts(&s.shape, &mut texts);
        }
    }
    (texts, hud)
}

#[test]
fn the_hud_is_one_line_on_laptops_in_both_profiles() {
    // A 4K window holds the whole row; at laptop sizes the HUD must be no taller (the title
    // gives way before any item wraps to a second line).
    for projector in [false, true] {
        let one_line = act2_layout(3840.0, 2160.0, projector).1;
        for (w, h) in [(1280.0, 720.0), (1366.0, 768.0), (1920.0, 1080.0)] {
            let hud = act2_layout(w, h, projector).1;
            assert!(
                hud <= one_line + 0.5,
                "{w}x{h} projector {projector}: the HUD is {hud} high, one line is {one_line}"
            );
        }
    }
}

fn all_texts(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
        egui::Shape::Vec(v) => v.iter().for_each(|s| all_texts(s, out)),
        _ => {}
    }
}

#[test]
fn the_p99_strip_labels_every_decade_in_both_profiles() {
    // The strip spans 1 ms to 10 s on a log scale; each decade's tick carries its label, or
    // the student cannot read how late an overloaded design is.
    for projector in [false, true] {
        // Tall, so the whole panel is drawn without scrolling.
        let texts = act2_texts_with_instruments(1366.0, 4000.0, projector);
        for tick in ["1 ms", "10 ms", "100 ms", "1 s", "10 s"] {
            assert!(
                texts.iter().any(|t| t == tick),
                "projector {projector}: the strip has no `{tick}` tick label"
            );
        }
    }
}

/// The memory–latency map keeps its data clear: no legend is drawn inside the plot (where it
/// covered the cloud's point), and the key of tier colours lies below the plot's x axis.
#[test]
fn the_map_has_no_legend_over_its_data_and_its_key_is_below_it() {
    use architects_audit::physics::Tier;
    let series: Vec<String> = std::iter::once(text::tr("map-slo-zone"))
        .chain(
            Tier::ALL.map(|t| text::tr_args("map-budget", &[("tier", text::tier_name(t).into())])),
        )
        .collect();
    for (w, h) in [(1280.0f32, 720.0f32), (1366.0, 768.0), (1920.0, 1080.0)] {
        for projector in [false, true] {
            let mut p = Panels::at(Phase::Act2Design).in_profile(projector);
            let at = format!("{w}x{h} projector {projector}");
            let drawn = p.drawn_at(w, h.max(4000.0));
            let axis = drawn
                .iter()
                .find(|(t, _)| *t == text::tr("map-x-axis"))
                .unwrap_or_else(|| panic!("{at}: the map is drawn"))
                .1;
            for s in &series {
                assert!(
                    drawn.iter().all(|(t, _)| t != s),
                    "{at}: a legend entry {s:?} is drawn"
                );
            }
            for t in Tier::ALL {
                let key = format!("■ {}", text::tier_name(t));
                let (_, r) = drawn
                    .iter()
                    .find(|(d, _)| *d == key)
                    .unwrap_or_else(|| panic!("{at}: the key names {key:?}"));
                assert!(
                    r.min.y >= axis.max.y,
                    "{at}: {key:?} at {r:?}, axis at {axis:?}"
                );
            }
        }
    }
}

/// A phone and a tablet held upright show the world above the panel (it was not shown, or was
/// a sliver at the right edge); a landscape window keeps the panel beside the world.
#[test]
fn a_tall_window_shows_the_world_above_the_panel() {
    use architects_audit::ui::Form;
    // Each size with whether it is tall (a phone, an upright tablet) or wide.
    for (w, h, tall) in [
        (390.0f32, 844.0f32, true),
        (768.0, 1024.0, true),
        (1366.0, 768.0, false),
        (800.0, 600.0, false),
    ] {
        for phase in Phase::ALL {
            let (_, l) =
                Panels::at(phase).laid_out(&Prefs::default(), w, h, Form::of(w, h), |_| {});
            let at = format!("{phase:?} {w}x{h}");
            // The world is what the panels leave: the window less `left` and `bottom`.
            let world = (w - l.left, h - l.bottom);
            if tall {
                assert_eq!(
                    l.left, 0.0,
                    "{at}: the panel is below the world, not beside it"
                );
                assert!(world.1 >= 0.25 * h, "{at}: the world is {world:?}");
                assert!(
                    l.panel.top() >= world.1 - 1.0,
                    "{at}: the panel {:?}",
                    l.panel
                );
            } else {
                assert!(
                    l.left > 0.0 && world.0 >= 0.5 * w - 1.0,
                    "{at}: the world is {world:?}"
                );
            }
        }
    }
}
