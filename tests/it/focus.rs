//! Keyboard focus is visible: Tab moves through the panels' controls, and each focused control
//! is drawn with a ring at least 2 points wide with 3:1 contrast against the panel behind it
//! (WCAG 2.2's focus appearance), in both profiles.

use architects_audit::lab::flow::{Act1Choice, Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{Design, PhysicsModel, Scenario};
use architects_audit::ui::{apply_style, lay_out};
use bevy_egui::egui;

use crate::panels::Panels;

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: egui::Color32) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

fn contrast(a: egui::Color32, b: egui::Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The strokes drawn around `target`: (width, colour) of every outlined rectangle that covers
/// most of it, and, on a one-line control, of every shape centred inside it (a slider's knob).
fn outlines(shape: &egui::Shape, target: egui::Rect, out: &mut Vec<(f32, egui::Color32)>) {
    let covers = |r: egui::Rect| {
        let i = r.expand(1.0).intersect(target);
        i.is_positive() && i.area() >= 0.8 * target.area()
    };
    let knob = |p: egui::Pos2| target.height() <= 40.0 && target.expand(2.0).contains(p);
    match shape {
        egui::Shape::Vec(v) => v.iter().for_each(|s| outlines(s, target, out)),
        // A slider's knob, round or square: the ring is around the part that moves.
        egui::Shape::Rect(r) if covers(r.rect) || knob(r.rect.center()) => {
            out.push((r.stroke.width, r.stroke.color))
        }
        egui::Shape::Circle(c) if knob(c.center) => out.push((c.stroke.width, c.stroke.color)),
        _ => {}
    }
}

/// For each of `presses` Tab presses in `phase`: the focused control's rectangle and the
/// strongest ring drawn around it, as (width, contrast against the panel).
fn rings(phase: Phase, prefs: Prefs, presses: usize) -> Vec<(egui::Rect, f32, f64)> {
    let preds = Predictions {
        act1: (phase == Phase::Act2Design).then_some(Act1Choice::MemoryBw),
        act2: None,
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        phase,
        Design::default(),
        PhysicsModel::Systems,
        preds,
    );
    let mut c = panels.ctx();
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let mut frame = |events: Vec<egui::Event>| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            events,
            ..Default::default()
        };
        ctx.begin_pass(input);
        lay_out(&ctx, &mut c, &prefs, None);
        ctx.end_pass()
    };
    frame(vec![]);
    frame(vec![]);
    let tab = egui::Event::Key {
        key: egui::Key::Tab,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let panel = ctx.global_style().visuals.panel_fill;
    let mut found = Vec::new();
    for _ in 0..presses {
        frame(vec![tab.clone()]);
        let full = frame(vec![]);
        let Some(id) = ctx.memory(|m| m.focused()) else {
            continue;
        };
        let Some(rect) = ctx.read_response(id).map(|r| r.rect) else {
            continue;
        };
        let mut strokes = Vec::new();
        for s in &full.shapes {
            outlines(&s.shape, rect, &mut strokes);
        }
        let best = strokes
            .iter()
            .filter(|(w, _)| *w > 0.0)
            .map(|(w, col)| (*w, contrast(*col, panel)))
            .fold((0.0f32, 0.0f64), |a, b| {
                if b.0 * b.1 as f32 > a.0 * a.1 as f32 {
                    b
                } else {
                    a
                }
            });
        found.push((rect, best.0, best.1));
    }
    found
}

#[test]
fn every_focused_control_shows_a_ring_in_both_profiles() {
    for projector in [false, true] {
        let prefs = Prefs {
            projector,
            ..Prefs::default()
        };
        for phase in [Phase::Act1Predict, Phase::Act2Design] {
            let found = rings(phase, prefs, 12);
            assert!(
                found.len() >= 6,
                "{phase:?}: Tab reached {} controls",
                found.len()
            );
            for (rect, width, contrast) in found {
                assert!(
                    width >= 2.0 && contrast >= 3.0,
                    "{phase:?} projector={projector}: the control at {rect:?} has a ring {width} wide at {contrast:.2}:1"
                );
            }
        }
    }
}

/// The charts are kept off the Tab order by a disabled scope, which must not fade them: a
/// chart drawn through `static_chart` paints the same shapes, in the same colours, as the
/// plain chart.
#[test]
fn a_static_chart_draws_as_the_plain_chart_does() {
    use architects_audit::ui::static_chart;
    let draw = |wrapped: bool| {
        let ctx = egui::Context::default();
        apply_style(&ctx, &Prefs::default());
        let mut shapes = Vec::new();
        for _ in 0..2 {
            ctx.begin_pass(egui::RawInput::default());
            let mut root = egui::Ui::new(ctx.clone(), "root".into(), egui::UiBuilder::new());
            egui::CentralPanel::default().show(&mut root, |ui| {
                let plot = |ui: &mut egui::Ui| {
                    egui_plot::Plot::new("chart")
                        .height(200.0)
                        .x_axis_label("x")
                        .y_axis_label("y")
                        .show(ui, |p| {
                            p.line(egui_plot::Line::new("line", vec![[0.0, 0.0], [1.0, 2.0]]))
                        })
                };
                if wrapped {
                    static_chart(ui, plot);
                } else {
                    plot(ui);
                }
            });
            shapes = ctx.end_pass().shapes;
        }
        format!("{:?}", shapes.iter().map(|s| &s.shape).collect::<Vec<_>>())
    };
    let (plain, chart) = (draw(false), draw(true));
    assert!(
        plain.contains("Path") && plain.contains("Text"),
        "the chart draws: {plain}"
    );
    assert_eq!(plain, chart);
}
