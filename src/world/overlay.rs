//! The world's text and instruments, drawn with egui over the world camera's view: titles,
//! tier names and status lines, request rates on the links, and — once the Act II prediction
//! is locked — each tier's memory bar, the cloud's GPUs grouped as the physics runs them (lit
//! by their batch, with all-reduce links inside a tensor-parallel group and the step's
//! memory- or compute-bound tag), the cloud's queue count and the accuracy gauge.
//!
//! [`paint`] is a function of an `egui::Painter` and plain data, so a test can run it on a
//! bare `egui::Context` and read what it drew.

use bevy::math::Vec2;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Stroke};

use super::picture::{AccuracyGauge, MemPart, MemoryBar};
use super::scene::SMALL;
pub use super::scene::{Projection, Scene};
use super::tiers::{TierStatus, status_color, status_mark};
use super::{NODE_RADIUS, SOURCE_POS, TIER_POS};
use crate::physics::Tier;
use crate::text;
use crate::theme::Palette;
use crate::theme::c32;

/// Memory bar geometry, world units from the node's centre.
const BAR_AT: Vec2 = Vec2::new(70.0, -48.0);
const BAR_SIZE: Vec2 = Vec2::new(220.0, 12.0);
/// How far past the capacity line a spill is drawn, at most (fraction of the bar).
const SPILL_MAX: f32 = 0.35;
/// The accuracy gauge: top-left corner and size; its scale runs from GAUGE_MIN to 100 %.
const GAUGE_AT: Vec2 = Vec2::new(-430.0, -200.0);
const GAUGE_SIZE: Vec2 = Vec2::new(230.0, 14.0);
const GAUGE_MIN: f64 = 0.7;

/// Paint the world's text and instruments.
pub fn paint(painter: &egui::Painter, proj: &Projection, s: &Scene) {
    let pal = &s.pal;
    let size = |base: f32| FontId::proportional(base * pal.label_scale * proj.unit);
    let (ink, muted) = (c32(pal.text), c32(pal.text_muted));
    painter.text(
        proj.p(Vec2::new(-430.0, 320.0)),
        Align2::LEFT_TOP,
        text::title(),
        size(40.0),
        ink,
    );
    painter.text(
        proj.p(Vec2::new(-430.0, 268.0)),
        Align2::LEFT_TOP,
        text::subtitle(),
        size(20.0),
        muted,
    );
    let total: f64 = s.views.iter().map(|v| v.rps).sum();
    let users = if s.rates_shown {
        format!(
            "{}\n{}",
            text::source_label(),
            text::t!("unit-req-s", value = format!("{total:.0}"))
        )
    } else {
        text::source_label().to_string()
    };
    painter.text(
        proj.p(SOURCE_POS + Vec2::new(0.0, -58.0)),
        Align2::CENTER_TOP,
        users,
        size(22.0),
        ink,
    );
    for i in 0..s.views.len() {
        tier_labels(painter, proj, s, i);
    }
    if let Some(phys) = s.picture {
        for (i, bar) in phys.memory.iter().enumerate() {
            memory_bar(painter, proj, TIER_POS[i] + BAR_AT, bar, pal);
        }
        super::chips::chips(painter, proj, &phys.cloud, &phys.memory[0], s);
        gauge(painter, proj, &phys.accuracy, pal);
    }
}

/// A tier's name and device, its status line, its request rate and its queue.
fn tier_labels(painter: &egui::Painter, proj: &Projection, s: &Scene, i: usize) {
    let pal = &s.pal;
    let size = |base: f32| FontId::proportional(base * pal.label_scale * proj.unit);
    let (ink, muted) = (c32(pal.text), c32(pal.text_muted));
    let v = &s.views[i];
    let pos = TIER_POS[i];
    painter.text(
        proj.p(pos + Vec2::new(70.0, -12.0)),
        Align2::LEFT_BOTTOM,
        format!("{}\n{}", text::tier_name(Tier::ALL[i]), s.devices[i]),
        size(24.0),
        ink,
    );
    let status = match v.status {
        TierStatus::Neutral => muted,
        st => c32(status_color(st, pal)),
    };
    // The status in a mark as well as a colour.
    let line = match status_mark(v.status) {
        Some(m) => format!("{m} {}", v.line),
        None => v.line.clone(),
    };
    painter.text(
        proj.p(pos + Vec2::new(70.0, -16.0)),
        Align2::LEFT_TOP,
        line,
        size(20.0),
        status,
    );
    let d = pos - SOURCE_POS;
    let mid = SOURCE_POS + d.normalize() * (45.0 + (d.length() - NODE_RADIUS - 50.0) / 2.0);
    if s.rates_shown {
        painter.text(
            proj.p(mid + Vec2::new(0.0, 18.0)),
            Align2::CENTER_BOTTOM,
            text::t!("unit-req-s", value = format!("{:.0}", v.rps)),
            size(18.0),
            muted,
        );
    }
    if s.waiting[i] > 0 {
        let entrance = pos - d.normalize() * 60.0;
        painter.text(
            proj.p(entrance + Vec2::new(-8.0, 14.0)),
            Align2::RIGHT_BOTTOM,
            text::queue_label(s.waiting[i], s.not_drawn[i]),
            size(16.0),
            c32(pal.warn),
        );
    }
}

fn memory_bar(
    painter: &egui::Painter,
    proj: &Projection,
    at: Vec2,
    bar: &MemoryBar,
    pal: &Palette,
) {
    let font = FontId::proportional(SMALL * pal.label_scale * proj.unit);
    let scale = if bar.capacity > 0.0 {
        BAR_SIZE.x as f64 / bar.capacity
    } else {
        0.0
    };
    let stroke = Stroke::new(1.5 * pal.weight, c32(pal.text_muted));
    painter.rect_stroke(
        proj.rect(at, BAR_SIZE),
        0.0,
        stroke,
        egui::StrokeKind::Outside,
    );
    let mut x = 0.0f32;
    let limit = BAR_SIZE.x * (1.0 + SPILL_MAX);
    for (part, v) in &bar.parts {
        let w = ((v * scale) as f32).min(limit - x).max(0.0);
        painter.rect_filled(
            proj.rect(at + Vec2::new(x, 0.0), Vec2::new(w, BAR_SIZE.y)),
            0.0,
            part_color(*part, pal),
        );
        x += w;
    }
    if bar.spill() > 0.0 {
        // The part past the line is the spill: redrawn in the failure colour, with a hatch.
        let from = at + Vec2::new(BAR_SIZE.x, 0.0);
        let w = x - BAR_SIZE.x;
        let r = proj.rect(from, Vec2::new(w, BAR_SIZE.y));
        painter.rect_filled(r, 0.0, c32(pal.fail));
        let step = 6.0 * proj.unit;
        let mut hx = r.left();
        while hx < r.right() {
            painter.line_segment(
                [
                    Pos2::new(hx, r.bottom()),
                    Pos2::new((hx + step).min(r.right()), r.top()),
                ],
                Stroke::new(1.0, c32(pal.background)),
            );
            hx += step;
        }
    }
    // The capacity line.
    let top = at + Vec2::new(BAR_SIZE.x, 6.0);
    painter.line_segment(
        [proj.p(top), proj.p(top - Vec2::new(0.0, BAR_SIZE.y + 12.0))],
        Stroke::new(2.0 * pal.weight, c32(pal.text)),
    );
    painter.text(
        proj.p(at + Vec2::new(0.0, -BAR_SIZE.y - 3.0)),
        Align2::LEFT_TOP,
        text::memory_bar(bar.used(), bar.capacity, bar.unit, bar.spill() > 0.0),
        font,
        c32(if bar.spill() > 0.0 {
            pal.fail
        } else {
            pal.text_muted
        }),
    );
}

/// The colour of a memory part (the same in the legend and the bars).
pub fn part_color(p: MemPart, pal: &Palette) -> Color32 {
    match p {
        MemPart::Weights => c32(pal.text),
        MemPart::Kv => c32(pal.info),
        MemPart::Workspace => c32(pal.link),
    }
}

fn gauge(painter: &egui::Painter, proj: &Projection, g: &AccuracyGauge, pal: &Palette) {
    let font = FontId::proportional(SMALL * pal.label_scale * proj.unit);
    let x_of = |a: f64| ((a - GAUGE_MIN) / (1.0 - GAUGE_MIN)).clamp(0.0, 1.0) as f32 * GAUGE_SIZE.x;
    painter.text(
        proj.p(GAUGE_AT + Vec2::new(0.0, 4.0)),
        Align2::LEFT_BOTTOM,
        text::accuracy_gauge(g.effective, g.after_drift, g.drift_days),
        font.clone(),
        c32(pal.text),
    );
    painter.rect_stroke(
        proj.rect(GAUGE_AT, GAUGE_SIZE),
        0.0,
        Stroke::new(1.5 * pal.weight, c32(pal.text_muted)),
        egui::StrokeKind::Outside,
    );
    let colour = if g.after_drift < g.drift_warn_below || g.effective < g.warn_below {
        pal.fail
    } else {
        pal.ok
    };
    painter.rect_filled(
        proj.rect(GAUGE_AT, Vec2::new(x_of(g.after_drift), GAUGE_SIZE.y)),
        0.0,
        c32(colour),
    );
    // Before drift: a marker where the accuracy starts; the warning line.
    let mark = |a: f64, c: Color32, w: f32| {
        let x = GAUGE_AT + Vec2::new(x_of(a), 5.0);
        painter.line_segment(
            [proj.p(x), proj.p(x - Vec2::new(0.0, GAUGE_SIZE.y + 10.0))],
            Stroke::new(w * pal.weight, c),
        );
    };
    mark(g.effective, c32(pal.text), 2.5);
    mark(g.drift_warn_below, c32(pal.warn), 2.0);
    painter.text(
        proj.p(GAUGE_AT - Vec2::new(0.0, GAUGE_SIZE.y + 4.0)),
        Align2::LEFT_TOP,
        text::gauge_scale(GAUGE_MIN, g.drift_warn_below),
        font,
        c32(pal.text_muted),
    );
}
