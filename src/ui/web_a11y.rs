//! The screen reader on the web: egui's AccessKit tree mirrored into the page
//! (`crate::a11y_mirror`), the page's actions fed back to egui, and the lab's live
//! announcements: each phase's heading, a failure appearing, the verdict, and the world in
//! words a moment after the design changes. The page's title follows the phase.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, EguiOutput, EguiPostUpdateSet, EguiPreUpdateSet, egui};

use crate::a11y_mirror::Mirror;
use crate::a11y_mirror::dom::DomMirror;
use crate::lab::flow::{Phase, Predictions};
use crate::lab::game::Physics;
use crate::text;

/// How long the design must rest before the world is said again (a slider drag says it once).
const WORLD_SETTLE_S: f32 = 1.0;

/// The page is brought in step at most this often: ten times a second is faster than anyone
/// reads, and the live instruments change a few dozen labels every frame.
const MIRROR_EVERY_MS: f64 = 100.0;

/// The mirror's state and its page half.
struct WebMirror {
    mirror: Mirror,
    dom: DomMirror,
}

pub(super) fn plugin(app: &mut App) {
    let Some(dom) = DomMirror::new("#game", &text::title()) else {
        warn!("architects-audit: no page to mirror the accessibility tree into");
        return;
    };
    app.insert_non_send(WebMirror {
        mirror: Mirror::new(),
        dom,
    })
    .add_systems(
        PreUpdate,
        enable_accesskit.after(EguiPreUpdateSet::InitContexts),
    )
    .add_systems(
        PreUpdate,
        feed_actions
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(
        PostUpdate,
        mirror_tree.after(EguiPostUpdateSet::ProcessOutput),
    )
    .add_systems(Update, (announce_phase, announce_failures, announce_world));
}

fn enable_accesskit(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut ctx in &mut contexts {
        ctx.get_mut().enable_accesskit();
    }
}

/// The page's clicks, focus and values reach egui as AccessKit action requests.
fn feed_actions(mirror: NonSend<WebMirror>, mut inputs: Query<&mut EguiInput>) {
    let requests = mirror.dom.take_actions();
    if requests.is_empty() {
        return;
    }
    for mut input in &mut inputs {
        input.0.events.extend(
            requests
                .iter()
                .cloned()
                .map(egui::Event::AccessKitActionRequest),
        );
    }
}

/// The mirror's cost, summed: ms working out the changes, ms writing them to the page, the
/// changes, the frames and the updates among them.
#[derive(Default)]
struct Cost {
    diff_ms: f64,
    write_ms: f64,
    ops: usize,
    frames: u32,
    updates: u32,
}

/// Each frame's tree update, applied to the page (only what changed).
fn mirror_tree(
    mut mirror: NonSendMut<WebMirror>,
    outputs: Query<&EguiOutput>,
    prefs: Res<crate::lab::prefs::Prefs>,
    mut cost: Local<Cost>,
    mut last: Local<f64>,
) {
    let t0 = now_ms();
    cost.frames += 1;
    if t0 - *last < MIRROR_EVERY_MS {
        return;
    }
    for out in &outputs {
        let Some(update) = &out.platform_output.accesskit_update else {
            continue;
        };
        *last = t0;
        // egui's points are CSS pixels times the UI scale (its zoom factor).
        let zoom = f64::from(prefs.scale);
        let m = &mut *mirror;
        let ops = m.mirror.update(update, zoom);
        let t1 = now_ms();
        m.dom.apply(&ops);
        // The mirror's cost, logged every 60 frames or so (the browser test reads it).
        cost.diff_ms += t1 - t0;
        cost.write_ms += now_ms() - t1;
        cost.ops += ops.len();
        cost.updates += 1;
    }
    if cost.frames >= 60 && cost.updates > 0 {
        let (n, u) = (f64::from(cost.frames), f64::from(cost.updates));
        let total = cost.diff_ms + cost.write_ms;
        info!(
            "architects-audit: a11y mirror {:.3} ms a frame over {} frames, {} nodes \
             ({:.3} ms an update: {:.3} ms working out, {:.3} ms writing, {:.1} changes; \
             {} updates)",
            total / n,
            cost.frames,
            mirror.mirror.len(),
            total / u,
            cost.diff_ms / u,
            cost.write_ms / u,
            cost.ops as f64 / u,
            cost.updates
        );
        *cost = Cost::default();
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A phase's heading, for the page's title and the live region.
fn phase_heading(phase: Phase) -> String {
    match phase {
        Phase::Intro => text::title(),
        Phase::Act1Predict | Phase::Act1Report => text::act1_title(),
        Phase::Act2Brief | Phase::Act2Design | Phase::Act2Reveal => text::act2_title(),
    }
}

/// A new phase is said politely, and the page's title names it; the reveal says the verdict.
fn announce_phase(
    mirror: NonSend<WebMirror>,
    phase: Option<Res<State<Phase>>>,
    physics: Res<Physics>,
    mut said: Local<Option<(Phase, text::Lang)>>,
) {
    let Some(phase) = phase.map(|p| *p.get()) else {
        return;
    };
    let lang = text::current().lang();
    if *said == Some((phase, lang)) {
        return;
    }
    *said = Some((phase, lang));
    let heading = phase_heading(phase);
    crate::platform::web::set_page_title(&if phase == Phase::Intro {
        text::window_title()
    } else {
        format!("{heading} · {}", text::window_title())
    });
    let words = if phase == Phase::Act2Reveal {
        let verdict = if physics.0.system_valid {
            text::feasible_title()
        } else {
            text::fix_title()
        };
        format!("{heading}. {verdict}")
    } else {
        heading
    };
    mirror.dom.announce(&words, false);
}

/// A failure appearing interrupts: its banner's headline, said assertively.
fn announce_failures(
    mirror: NonSend<WebMirror>,
    physics: Res<Physics>,
    preds: Option<Res<Predictions>>,
    mut shown: Local<Vec<crate::physics::Banner>>,
) {
    if !physics.is_changed() && !preds.as_ref().is_some_and(|p| p.is_changed()) {
        return;
    }
    // Before the Act II lock the design is not shown, so neither are its failures.
    let now = if preds.is_some_and(|p| p.act2.is_some()) {
        physics.0.banners.clone()
    } else {
        Vec::new()
    };
    let new: Vec<String> = now
        .iter()
        .filter(|b| !shown.contains(b))
        .map(|b| text::banner_title(*b))
        .collect();
    *shown = now;
    if !new.is_empty() {
        mirror.dom.announce(&new.join(". "), true);
    }
}

/// The world in words, said once the design has rested a moment after a change.
fn announce_world(
    mirror: NonSend<WebMirror>,
    physics: Res<Physics>,
    preds: Option<Res<Predictions>>,
    time: Res<Time>,
    mut due: Local<Option<f32>>,
) {
    let shown = preds.as_ref().is_some_and(|p| p.act2.is_some());
    if physics.is_changed() && shown {
        *due = Some(time.elapsed_secs() + WORLD_SETTLE_S);
    }
    if due.is_some_and(|d| time.elapsed_secs() >= d) {
        *due = None;
        let lines = super::metrics::world_lines(&physics.0, shown);
        mirror.dom.announce(&lines.join(". "), false);
    }
}
