//! world_text: the world's text is readable at every size a student has. The world's overlay is
//! painted, as the game paints it, into the part of the window the panels and the time
//! controls leave, at every size of the clip test, in both profiles and at UI scale 1 and 2,
//! for a passing and a failing design with a queue at the cloud. Every text it draws must be
//! at least 11 points, inside the world, clear of every other text, of the request streams and
//! of the nodes. At laptop sizes and larger nothing may be left out; elsewhere what is left out
//! must be in its part's readout.

use architects_audit::lab::demo::winning_design;
use architects_audit::lab::flow::Phase;
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{Design, PhysicsModel, Scenario, Tier, evaluate};
use architects_audit::theme::Palette;
use architects_audit::ui::{Form, TOUCH_TARGET};
use architects_audit::world::overlay::{self, Placed, Projection, Scene};
use architects_audit::world::particles::entrance;
use architects_audit::world::{SOURCE_POS, TIER_POS, fit_unit, picture, project, tier_views};
use bevy::math::Vec2;
use bevy_egui::egui::{self, Pos2, Rect};

use crate::clip::SIZES;
use crate::panels::Panels;

/// One text the world drew: its text, rectangle and size in points.
#[derive(Debug)]
struct Text {
    text: String,
    rect: Rect,
    size: f32,
}

/// What one frame of the world drew at a window size, and where the world was.
struct Frame {
    texts: Vec<Text>,
    placed: Placed,
    world: Rect,
    unit: f32,
}

/// The world's rectangle, in points, as the game lays the window out: the panel, the HUD and
/// the time controls taken away.
fn world_rect(prefs: &Prefs, w: f32, h: f32) -> Rect {
    let form = Form::of(w, h);
    let mut panels = Panels::at(Phase::Act2Design).in_profile(prefs.projector);
    let (_, layout) = panels.laid_out(prefs, w, h, form, |ctx| ctx.set_zoom_factor(1.0));
    let (top, _) = crate::panels::time_controls(prefs, (w, h), layout.left, form, |_| ());
    Rect::from_min_max(Pos2::new(layout.left, top), Pos2::new(w, h - layout.bottom))
}

/// Paint the world for `design` in a window of `w` × `h` pixels at UI `scale`, with the
/// pointer (or a tap) at `focus`, a world point.
fn frame(
    design: &Design,
    w: f32,
    h: f32,
    scale: f32,
    projector: bool,
    focus: Option<Vec2>,
) -> Frame {
    let prefs = Prefs {
        projector,
        scale,
        touch: w <= 1366.0,
        ..Prefs::default()
    };
    let (w, h) = (w / scale, h / scale);
    let world = world_rect(&prefs, w, h);
    let pal = if projector {
        Palette::PROJECTOR
    } else {
        Palette::DEFAULT
    };
    let sc = Scenario::builtin();
    let report = evaluate(&sc, design, PhysicsModel::Systems);
    let views = tier_views(&report, true);
    let phys = picture(&report, &sc, true).expect("shown");
    let at = |v: Vec2| project(world, pal.label_scale, v);
    let unit = fit_unit(world.width(), world.height(), pal.label_scale);
    let ctx = egui::Context::default();
    architects_audit::ui::fonts::install(&ctx);
    let mut placed = Placed::default();
    let mut shapes = Vec::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(w, h))),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            let painter = ui
                .ctx()
                .layer_painter(egui::LayerId::background())
                .with_clip_rect(world);
            placed = overlay::paint(
                &painter,
                &Projection { at: &at, unit },
                &Scene {
                    views: &views,
                    devices: Tier::ALL.map(|t| sc.device(t).short_name()),
                    rates_shown: true,
                    picture: Some(&phys),
                    waiting: [1582, 0, 0, 0],
                    not_drawn: [1200, 0, 0, 0],
                    batches: &[],
                    pal,
                    t: 0.0,
                    reduced_motion: true,
                    focus: focus.map(at),
                },
            );
        });
        shapes = out.shapes;
    }
    let mut texts = Vec::new();
    for s in shapes {
        collect(&s.shape, &mut texts);
    }
    Frame {
        texts,
        placed,
        world,
        unit,
    }
}

fn collect(shape: &egui::Shape, out: &mut Vec<Text>) {
    match shape {
        egui::Shape::Text(t) => out.push(Text {
            text: t.galley.text().to_owned(),
            rect: t.visual_bounding_rect(),
            size: t
                .galley
                .job
                .sections
                .iter()
                .map(|s| s.format.font_id.size)
                .fold(f32::INFINITY, f32::min),
        }),
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
        _ => {}
    }
}

/// Whether the segment `a`–`b` comes within `r`, sampled finely.
fn touches(a: Pos2, b: Pos2, r: Rect) -> bool {
    (0..=400).any(|k| r.contains(a.lerp(b, k as f32 / 400.0)))
}

/// What is wrong with one frame's text.
fn faults(f: &Frame, pal: &Palette) -> Vec<String> {
    let mut out = Vec::new();
    let p = |v: Vec2| project(f.world, pal.label_scale, v);
    // A request is drawn 13 world units across at most (the late rhombus), times the weight.
    let half = 6.5 * pal.weight * f.unit;
    // The node and its status ring.
    let ring = (46.0 + if pal.projector { 22.0 } else { 14.0 }) * f.unit;
    for (k, t) in f.texts.iter().enumerate() {
        let r = t.rect.shrink(0.5);
        let name = &t.text;
        if t.size < 11.0 {
            out.push(format!("{name:?} is {:.1} points", t.size));
        }
        if !f.world.expand(0.5).contains_rect(t.rect) {
            out.push(format!(
                "{name:?} leaves the world: {:?} not in {:?}",
                t.rect, f.world
            ));
        }
        for o in &f.texts[k + 1..] {
            if o.rect.shrink(0.5).intersects(r) {
                out.push(format!("{name:?} overlaps {:?}", o.text));
            }
        }
        for (i, tier) in TIER_POS.iter().enumerate() {
            if touches(p(SOURCE_POS), p(entrance(*tier)), r.expand(half)) {
                out.push(format!("{name:?} crosses the stream to {:?}", Tier::ALL[i]));
            }
            let c = p(*tier);
            let nearest = r.clamp(c);
            if nearest.distance(c) < ring {
                out.push(format!("{name:?} covers the {:?} node", Tier::ALL[i]));
            }
        }
    }
    out
}

/// Whether a caption is one of each tier's name, status line and memory, or the cloud's queue.
fn must_show(design: &Design, text: &str) -> bool {
    let sc = Scenario::builtin();
    let report = evaluate(&sc, design, PhysicsModel::Systems);
    let views = tier_views(&report, true);
    text.contains("waiting")
        || text.starts_with("memory ")
        || views.iter().any(|v| text.contains(&v.line))
        || Tier::ALL
            .iter()
            .any(|t| text.contains(sc.device(*t).short_name()))
}

fn failing() -> Design {
    Design::default()
}

#[test]
fn the_worlds_text_is_readable_and_clear_at_every_size() {
    let mut all = Vec::new();
    for (w, h) in SIZES {
        for scale in [1.0, 2.0] {
            for projector in [false, true] {
                let pal = if projector {
                    Palette::PROJECTOR
                } else {
                    Palette::DEFAULT
                };
                for (name, design) in [("pass", winning_design()), ("fail", failing())] {
                    let f = frame(&design, w, h, scale, projector, None);
                    for fault in faults(&f, &pal) {
                        all.push(format!(
                            "{name} {w}x{h} scale {scale} projector {projector}: {fault}"
                        ));
                    }
                    // A laptop's world or larger shows everything at the student's own scale;
                    // in the projector profile, at least each tier's name, status and memory
                    // and the cloud's queue.
                    let laptop = w >= 1280.0 && h >= 720.0 && scale == 1.0;
                    let left: Vec<_> = f
                        .placed
                        .hidden
                        .iter()
                        .map(|c| &c.text)
                        .filter(|t| !projector || must_show(&design, t))
                        .collect();
                    if laptop && !left.is_empty() {
                        all.push(format!(
                            "{name} {w}x{h} projector {projector}: left out {left:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

#[test]
fn what_the_world_leaves_out_is_in_the_readout_of_its_part() {
    // A phone: the world is a strip over the panel, and leaves captions out.
    let (w, h) = (390.0, 844.0);
    let design = failing();
    let plain = frame(&design, w, h, 1.0, false, None);
    assert!(
        !plain.placed.hidden.is_empty(),
        "a phone's world leaves nothing out?"
    );
    let shown = |f: &Frame, text: &str| f.texts.iter().any(|t| t.text == text);
    // How to open a readout is said.
    let hint = architects_audit::text::tr("world-readout-hint");
    assert!(shown(&plain, &hint), "no hint among {:?}", plain.texts);
    for (i, tier) in TIER_POS.iter().enumerate() {
        let left_out: Vec<String> = plain
            .placed
            .hidden
            .iter()
            .filter(|c| c.about.contains(project(plain.world, 1.0, *tier)))
            .map(|c| c.text.clone())
            .collect();
        // Pointing at (or tapping) the node shows each of them.
        let pointed = frame(&design, w, h, 1.0, false, Some(*tier));
        for text in &left_out {
            assert!(
                shown(&pointed, text),
                "{:?}: {text:?} is in no readout",
                Tier::ALL[i]
            );
            assert!(!shown(&plain, text), "{text:?} drawn while left out");
        }
    }
    // Every tier's status line reaches the student one way or the other.
    let report = evaluate(&Scenario::builtin(), &design, PhysicsModel::Systems);
    for (i, v) in tier_views(&report, true).iter().enumerate() {
        let pointed = frame(&design, w, h, 1.0, false, Some(TIER_POS[i]));
        assert!(
            pointed.texts.iter().any(|t| t.text.contains(&v.line)),
            "{:?}'s status {:?} is neither drawn nor in its readout",
            Tier::ALL[i],
            v.line
        );
    }
}

#[test]
fn on_a_phone_the_time_controls_leave_the_world_room() {
    // On a phone the world is the shortest part of the screen, under the time controls. They
    // took three finger-tall rows (157 points): the buttons, the key, and the dot's worth on a
    // row of its own. The buttons need a finger's height; the key's words do not.
    let prefs = Prefs {
        touch: true,
        ..Prefs::default()
    };
    let top = world_rect(&prefs, 390.0, 844.0).top();
    assert!(
        top < 3.0 * TOUCH_TARGET,
        "the time controls take {top} points of the phone's height"
    );
}
