//! The world as an instrument: each invariant's counterpart in the world follows the control
//! that moves it, from the physics and the simulation (headless), and the overlay draws it.

use std::time::Duration;

use architects_audit::lab::demo::winning_design;
use architects_audit::lab::flow::{Act2Choice, Predictions};
use architects_audit::lab::game::DesignMsg;
use architects_audit::lab::live::TimeControls;
use architects_audit::physics::{Design, PhysicsModel, Quant, Scenario, Serving};
use architects_audit::sim::Histogram;
use architects_audit::theme::Palette;
use architects_audit::world::overlay::{self, Projection, Scene};
use architects_audit::world::particles::{Leg, Outcome, Particle};
use architects_audit::world::picture::MemPart;
use architects_audit::world::{LiveWorld, Physical, TierState, TierView, WorldPicture};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_egui::egui;

pub(crate) fn app_with(sc: Scenario, locked: bool) -> App {
    let mut app = architects_audit::testing::headless_app_with(sc, PhysicsModel::Systems);
    if locked {
        app.insert_resource(Predictions {
            act2: Some(Act2Choice::TinyOom),
            ..Default::default()
        });
    }
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        1.0 / 30.0,
    )));
    app.update();
    app
}

pub(crate) fn set(app: &mut App, d: Design) -> Physical {
    app.world_mut().write_message(DesignMsg::Set(d));
    app.update();
    app.update();
    picture(app)
}

fn picture(app: &App) -> Physical {
    app.world()
        .resource::<WorldPicture>()
        .0
        .clone()
        .expect("shown after the lock")
}

fn part(p: &Physical, tier: usize, which: MemPart) -> f64 {
    p.memory[tier]
        .parts
        .iter()
        .find(|(k, _)| *k == which)
        .map_or(0.0, |(_, v)| *v)
}

#[test]
fn before_the_act2_lock_the_world_shows_no_physics() {
    let mut app = app_with(Scenario::builtin(), false);
    for _ in 0..60 {
        app.update();
    }
    assert_eq!(app.world().resource::<WorldPicture>().0, None);
    assert_eq!(*app.world().resource::<LiveWorld>(), LiveWorld::default());
    // The same app once locked shows it.
    app.insert_resource(Predictions {
        act2: Some(Act2Choice::TinyOom),
        ..Default::default()
    });
    app.update();
    assert!(app.world().resource::<WorldPicture>().0.is_some());
}

#[test]
fn kv_precision_and_gpu_count_move_the_memory_bars() {
    let mut app = app_with(Scenario::builtin(), true);
    let win = winning_design();
    let int8 = set(&mut app, win);
    let fp16 = set(
        &mut app,
        Design {
            kv_quant: Quant::Fp16,
            ..win
        },
    );
    // Memory Wall: FP16 KV holds twice the bytes per token.
    let (kv8, kv16) = (part(&int8, 0, MemPart::Kv), part(&fp16, 0, MemPart::Kv));
    assert!(
        kv8 > 0.0 && kv16 > 1.5 * kv8,
        "KV {kv8} GB at INT8, {kv16} GB at FP16"
    );
    // Fewer GPUs: less memory in the bar, fewer chips, each replica's batch larger.
    let four = set(&mut app, Design { n_h100: 4, ..win });
    assert!(four.memory[0].capacity < int8.memory[0].capacity);
    assert!(part(&four, 0, MemPart::Weights) < part(&int8, 0, MemPart::Weights));
    assert_eq!((four.cloud.gpus, int8.cloud.gpus), (4, 12));
    // Past one 8-GPU server, the chips are framed by server: 8 and 4.
    assert_eq!(int8.cloud.servers(), vec![(0, 7), (8, 11)]);
    assert!(four.cloud.servers().is_empty(), "one server needs no frame");
    assert!(four.cloud.light(0) > int8.cloud.light(0), "{four:?}");
    assert!(int8.cloud.step_ms > 0.0);
}

#[test]
fn an_oom_spills_past_the_line() {
    let mut app = app_with(Scenario::builtin(), true);
    let win = winning_design();
    let fits = set(&mut app, win);
    let oom = set(
        &mut app,
        Design {
            quant_edge: Quant::Fp16,
            ..win
        },
    );
    assert_eq!(fits.memory[1].spill(), 0.0);
    assert!(oom.memory[1].spill() > 0.0, "{:?}", oom.memory[1]);
    // TinyML at the course's default size overflows its SRAM.
    let tiny = set(&mut app, Design::default());
    assert!(tiny.memory[3].spill() > 0.0 && fits.memory[3].spill() == 0.0);
    // The overlay says so beside the edge's bar.
    let drawn = drawn(&oom, &views(&mut app), LiveWorld::default());
    assert!(drawn.contains("OOM:"), "{drawn}");
    assert!(!self::drawn(&fits, &views(&mut app), LiveWorld::default()).contains("OOM:"));
}

#[test]
fn overload_grows_the_queue() {
    let mut app = app_with(Scenario::builtin(), true);
    let run = |app: &mut App, d: Design| {
        app.world_mut().write_message(DesignMsg::Set(d));
        app.world_mut().resource_mut::<TimeControls>().speed = 2.0;
        for _ in 0..300 {
            app.update();
        }
        app.world().resource::<LiveWorld>().clone()
    };
    let calm = run(&mut app, winning_design());
    let overloaded = run(
        &mut app,
        Design {
            n_h100: 2,
            ..winning_design()
        },
    );
    assert!(
        overloaded.cloud.waiting > 1000 && calm.cloud.waiting < 100,
        "waiting: {} overloaded, {} calm",
        overloaded.cloud.waiting,
        calm.cloud.waiting
    );
    // The drawn line holds a few; the label counts the rest.
    assert!(overloaded.not_drawn[0] > 0 && calm.not_drawn[0] == 0);
    assert_eq!(overloaded.cloud.batches.len(), 2);
}

#[test]
fn tensor_parallel_groups_draw_their_all_reduce() {
    let mut sc = Scenario::builtin();
    sc.deployment.llm = "llama-2-70b".into();
    let mut app = app_with(sc, true);
    let d = Design {
        quant_cloud: Quant::Fp16,
        ..winning_design()
    };
    let tp = set(&mut app, d);
    assert!(tp.cloud.tp > 1, "{:?}", tp.cloud);
    assert_eq!(
        tp.cloud.allreduce_links().len() as u32,
        tp.cloud.replicas * (tp.cloud.tp - 1)
    );
    let mut app = app_with(Scenario::builtin(), true);
    let one = set(&mut app, d);
    assert_eq!(one.cloud.tp, 1);
    assert!(one.cloud.allreduce_links().is_empty());
}

#[test]
fn the_accuracy_gauge_follows_cadence_and_fairness() {
    let mut app = app_with(Scenario::builtin(), true);
    let win = winning_design();
    let base = set(&mut app, win).accuracy;
    let slow = set(
        &mut app,
        Design {
            retrain_cadence_days: 90,
            ..win
        },
    )
    .accuracy;
    assert!(slow.after_drift < base.after_drift && slow.effective == base.effective);
    let strict = set(
        &mut app,
        Design {
            fairness_threshold_pct: 2,
            ..win
        },
    )
    .accuracy;
    assert!(strict.effective < base.effective, "{strict:?} vs {base:?}");
}

#[test]
fn late_requests_are_drawn_late_and_rejected_ones_drop() {
    // The particles' paint runs headless on the mesh and material assets: the colour read
    // back is the colour drawn.
    let mut app = architects_audit::testing::headless_app();
    app.add_plugins(bevy::asset::AssetPlugin::default());
    app.init_asset::<Mesh>();
    app.init_asset::<ColorMaterial>();
    app.add_plugins(architects_audit::world::paint_plugin);
    app.insert_resource(Predictions {
        act2: Some(Act2Choice::TinyOom),
        ..Default::default()
    });
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        1.0 / 30.0,
    )));
    // Overloaded, with a short queue bound... the default design overflows TinyML too, so its
    // requests fail.
    app.world_mut().write_message(DesignMsg::Set(Design {
        n_h100: 2,
        serving: Serving::Continuous,
        ..Design::default()
    }));
    let pal = Palette::DEFAULT;
    let (mut late, mut rejected, mut dropped) = (0, 0, 0);
    let mut late_tiers = std::collections::BTreeSet::new();
    // The shapes each outcome is drawn with (the cue that is not colour).
    let mut shapes: std::collections::HashMap<String, std::collections::HashSet<AssetId<Mesh>>> =
        Default::default();
    for frame in 0..400 {
        app.update();
        if frame < 100 || frame % 20 != 0 {
            continue;
        }
        let mut q = app.world_mut().query::<(
            &Particle,
            &Transform,
            &MeshMaterial2d<ColorMaterial>,
            &Mesh2d,
        )>();
        let seen: Vec<(Particle, Vec3, Color)> = q
            .iter(app.world())
            .map(|(p, t, m, mesh)| {
                shapes
                    .entry(format!("{:?}", p.outcome))
                    .or_default()
                    .insert(mesh.0.id());
                let colour = app
                    .world()
                    .resource::<Assets<ColorMaterial>>()
                    .get(&m.0)
                    .unwrap()
                    .color;
                (*p, t.translation, colour)
            })
            .collect();
        for (p, at, colour) in seen {
            let want = match p.outcome {
                Outcome::WithinSlo => pal.ok,
                Outcome::Late => pal.warn,
                Outcome::Rejected => pal.fail,
            };
            // A frame behind at most: the paint follows the outcome set this frame.
            if p.outcome == Outcome::Late {
                late_tiers.insert(p.tier);
            }
            if colour == want {
                late += usize::from(p.outcome == Outcome::Late);
                rejected += usize::from(p.outcome == Outcome::Rejected);
            }
            if p.outcome == Outcome::Rejected && p.leg == Leg::Leaving {
                let entrance = architects_audit::world::TIER_POS[p.tier]
                    - (architects_audit::world::TIER_POS[p.tier]
                        - architects_audit::world::SOURCE_POS)
                        .normalize()
                        * 60.0;
                dropped += usize::from(at.y < entrance.y - 1.0);
            }
        }
    }
    assert!(late > 50, "{late} particles drawn in the late colour");
    assert!(
        rejected > 5,
        "{rejected} particles drawn in the rejected colour"
    );
    assert!(dropped > 0, "no rejected particle dropped");
    // Each tier drawn late is not marked ok, and says why: its line gives a first token (the
    // cloud's P99 is one) that comes after the SLO.
    let slo_ms = Scenario::builtin().slo.p99_ms;
    let v = views(&mut app);
    // Only the cloud's requests are judged against the latency SLO, as in the verdict: edge and
    // mobile first tokens (hundreds of milliseconds) are never drawn late.
    assert_eq!(
        late_tiers,
        std::iter::once(0).collect(),
        "late on tiers {late_tiers:?}"
    );
    for t in late_tiers {
        let line = &v[t].line;
        let first = ["first token ", "P99 "]
            .iter()
            .find_map(|k| line.split_once(k).map(|(_, rest)| rest))
            .and_then(|rest| {
                let mut w = rest.split_whitespace();
                let n: f64 = w.next()?.parse().ok()?;
                Some(if w.next()? == "s" { n * 1e3 } else { n })
            });
        assert_ne!(
            v[t].status,
            architects_audit::world::TierStatus::Ok,
            "tier {t} is drawn late but marked ok"
        );
        assert!(
            first.is_some_and(|ms| ms > slo_ms),
            "tier {t} is drawn late, but its line {line:?} names no first token after the \
             {slo_ms} ms SLO"
        );
    }
    // One shape per outcome, none shared: shape tells the outcome without colour.
    assert_eq!(shapes.len(), 3, "{shapes:?}");
    let all: Vec<&AssetId<Mesh>> = shapes.values().flatten().collect();
    let distinct: std::collections::HashSet<_> = all.iter().collect();
    assert!(
        shapes.values().all(|s| s.len() == 1) && distinct.len() == 3,
        "{shapes:?}"
    );
}

#[test]
fn the_histogram_counts_every_sample_and_marks_its_percentiles() {
    let mut v: Vec<f64> = (1..=200).map(|i| i as f64).collect();
    let h = Histogram::of(&mut v, 10, 100.0);
    assert_eq!(h.bins.iter().map(|b| b.2).sum::<usize>(), 200);
    assert_eq!((h.p50_ms, h.p99_ms, h.samples), (100.0, 198.0, 200));
    // The bins span to the largest sample: the last holds 180..=200, both edges included.
    assert_eq!(h.bins[9].2, 21);
    assert!((h.bins[9].0 - 180.0).abs() < 1e-9);
}

#[test]
fn the_strip_marks_each_design_change_and_keeps_a_minute() {
    let mut app = app_with(Scenario::builtin(), true);
    app.world_mut().resource_mut::<TimeControls>().speed = 4.0;
    for _ in 0..300 {
        app.update();
    }
    app.world_mut()
        .write_message(DesignMsg::Set(winning_design()));
    for _ in 0..300 {
        app.update();
    }
    let i = app
        .world()
        .resource::<architects_audit::lab::live::LiveInstruments>()
        .0
        .clone();
    let (first, last) = (i.strip.front().unwrap().t, i.strip.back().unwrap().t);
    assert!(
        last - first <= 60.0 + 1e-9 && last - first > 55.0,
        "{first}..{last}"
    );
    assert_eq!(i.changes.len(), 1, "{:?}", i.changes);
    // The winning design settles under the SLO; the default's overload did not.
    let before = i
        .strip
        .iter()
        .filter(|p| p.t < i.changes[0])
        .map(|p| p.p99_ms);
    let after: Vec<f64> = i.strip.iter().rev().take(10).map(|p| p.p99_ms).collect();
    assert!(before.fold(0.0, f64::max) > 1000.0);
    assert!(after.iter().all(|p| *p < 100.0), "{after:?}");
    assert!(i.histogram.samples > 0 && i.histogram.p99_ms < 100.0);
}

pub(crate) fn views(app: &mut App) -> [TierView; 4] {
    let mut q = app
        .world_mut()
        .query::<(&architects_audit::world::TierNode, &TierState)>();
    let mut v: Vec<(usize, TierView)> = q
        .iter(app.world())
        .map(|(n, s)| (n.0, s.0.clone()))
        .collect();
    v.sort_by_key(|(i, _)| *i);
    std::array::from_fn(|i| v[i].1.clone())
}

/// The overlay's text for a picture, painted on a bare egui context, one string per text.
pub(crate) fn drawn_texts(p: &Physical, views: &[TierView; 4], live: LiveWorld) -> Vec<String> {
    let sc = Scenario::builtin();
    let devices = architects_audit::physics::Tier::ALL.map(|t| sc.device(t).short_name());
    crate::captions::drawn_texts(|ui| {
        let at = |v: Vec2| egui::pos2(600.0 + v.x, 400.0 - v.y);
        overlay::paint(
            ui.painter(),
            &Projection { at: &at, unit: 1.0 },
            &Scene {
                views,
                devices,
                rates_shown: true,
                picture: Some(p),
                waiting: [live.cloud.waiting, 0, 0, 0],
                not_drawn: live.not_drawn,
                batches: &live.cloud.batches,
                pal: Palette::DEFAULT,
                t: 0.0,
                reduced_motion: true,
                focus: None,
            },
        );
    })
}

/// The same, joined a line each.
fn drawn(p: &Physical, views: &[TierView; 4], live: LiveWorld) -> String {
    drawn_texts(p, views, live).join("\n")
}
