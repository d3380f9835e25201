//! The world's instruments that are bars: each tier's memory against its capacity, and the
//! accuracy gauge. Each is a figure placed with its caption ([`super::labels`]).

use std::rc::Rc;

use bevy::math::Vec2;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Stroke};

use super::labels::{Caption, Figure, Placer};
use super::picture::{AccuracyGauge, MemPart, MemoryBar};
use super::scene::{Projection, SMALL, TITLE_X};
use crate::text;
use crate::theme::{Palette, c32};

/// Memory bar size, world units.
const BAR_SIZE: Vec2 = Vec2::new(220.0, 12.0);
/// How far past the capacity line a spill is drawn, at most (fraction of the bar).
const SPILL_MAX: f32 = 0.35;
/// The accuracy gauge: top-left corner and size; its scale runs from GAUGE_MIN to 100 %.
const GAUGE_AT: Vec2 = Vec2::new(TITLE_X, -290.0);
const GAUGE_SIZE: Vec2 = Vec2::new(230.0, 14.0);
const GAUGE_MIN: f64 = 0.7;

/// A memory bar with its top-left corner at `top` (on screen), and its caption under it.
#[allow(clippy::too_many_arguments)]
pub(super) fn memory_bar<'a>(
    proj: &Projection,
    top: Pos2,
    bar: &'a MemoryBar,
    pal: &Palette,
    placer: &mut Placer<'a>,
    about: egui::Rect,
) {
    let u = proj.unit;
    let pal = *pal;
    let scale = if bar.capacity > 0.0 {
        BAR_SIZE.x as f64 / bar.capacity
    } else {
        0.0
    };
    let part_rect = move |x: f32, w: f32| {
        egui::Rect::from_min_size(
            top + egui::vec2(x * u, 0.0),
            egui::vec2(w * u, BAR_SIZE.y * u),
        )
    };
    let limit = BAR_SIZE.x * (1.0 + SPILL_MAX);
    let parts: Vec<(MemPart, f32)> = {
        let mut x = 0.0f32;
        bar.parts
            .iter()
            .map(|(part, v)| {
                let w = ((v * scale) as f32).min(limit - x).max(0.0);
                x += w;
                (*part, w)
            })
            .collect()
    };
    let end = parts.iter().map(|(_, w)| w).sum::<f32>();
    let frame = part_rect(0.0, BAR_SIZE.x);
    let drawn = part_rect(0.0, end.max(BAR_SIZE.x)).expand2(egui::vec2(0.0, 6.0 * u));
    let draw = move |painter: &egui::Painter| {
        let stroke = Stroke::new(1.5 * pal.weight, c32(pal.text_muted));
        painter.rect_stroke(frame, 0.0, stroke, egui::StrokeKind::Outside);
        let mut x = 0.0;
        for (part, w) in &parts {
            painter.rect_filled(part_rect(x, *w), 0.0, part_color(*part, &pal));
            x += w;
        }
        if end > BAR_SIZE.x {
            spill(painter, part_rect(BAR_SIZE.x, end - BAR_SIZE.x), u, &pal);
        }
        // The capacity line.
        painter.line_segment(
            [
                Pos2::new(frame.right(), frame.top() - 6.0 * u),
                Pos2::new(frame.right(), frame.bottom() + 6.0 * u),
            ],
            Stroke::new(2.0 * pal.weight, c32(pal.text)),
        );
    };
    let colour = if bar.spill() > 0.0 {
        pal.fail
    } else {
        pal.text_muted
    };
    placer.add(Caption {
        figure: Some(Figure {
            rect: drawn,
            draw: Rc::new(draw),
        }),
        ..Caption::text(
            text::memory_bar(bar.used(), bar.capacity, bar.unit, bar.spill() > 0.0),
            FontId::proportional(proj.text(SMALL, &pal)),
            c32(colour),
            vec![(
                frame.left_bottom() + egui::vec2(0.0, 7.0 * u),
                Align2::LEFT_TOP,
            )],
            2,
            about.union(drawn),
        )
    });
}

/// The part of a bar past its capacity line: the failure colour, with a hatch.
fn spill(painter: &egui::Painter, r: egui::Rect, u: f32, pal: &Palette) {
    painter.rect_filled(r, 0.0, c32(pal.fail));
    let step = 6.0 * u;
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

/// The colour of a memory part (the same in the legend and the bars).
pub fn part_color(p: MemPart, pal: &Palette) -> Color32 {
    match p {
        MemPart::Weights => c32(pal.text),
        MemPart::Kv => c32(pal.info),
        MemPart::Workspace => c32(pal.link),
    }
}

pub(super) fn gauge(proj: &Projection, g: &AccuracyGauge, pal: &Palette, placer: &mut Placer<'_>) {
    let font = FontId::proportional(proj.text(SMALL, pal));
    let x_of = |a: f64| ((a - GAUGE_MIN) / (1.0 - GAUGE_MIN)).clamp(0.0, 1.0) as f32 * GAUGE_SIZE.x;
    let frame = proj.rect(GAUGE_AT, GAUGE_SIZE);
    let colour = if g.after_drift < g.drift_warn_below || g.effective < g.warn_below {
        pal.fail
    } else {
        pal.ok
    };
    let fill = proj.rect(GAUGE_AT, Vec2::new(x_of(g.after_drift), GAUGE_SIZE.y));
    // Before drift: a marker where the accuracy starts; the warning line.
    let marks = [
        (x_of(g.effective), c32(pal.text), 2.5),
        (x_of(g.drift_warn_below), c32(pal.warn), 2.0),
    ]
    .map(|(x, c, w)| {
        let at = GAUGE_AT + Vec2::new(x, 5.0);
        let line = [proj.p(at), proj.p(at - Vec2::new(0.0, GAUGE_SIZE.y + 10.0))];
        (line, Stroke::new(w * pal.weight, c))
    });
    let pal = *pal;
    let draw = move |painter: &egui::Painter| {
        painter.rect_stroke(
            frame,
            0.0,
            Stroke::new(1.5 * pal.weight, c32(pal.text_muted)),
            egui::StrokeKind::Outside,
        );
        painter.rect_filled(fill, 0.0, c32(colour));
        for (line, stroke) in marks {
            painter.line_segment(line, stroke);
        }
    };
    let drawn = frame.expand(5.0 * proj.unit);
    let about = drawn.union(proj.source());
    placer.add(Caption {
        id: Some("gauge"),
        figure: Some(Figure {
            rect: drawn,
            draw: Rc::new(draw),
        }),
        ..Caption::text(
            text::accuracy_gauge(g.effective, g.after_drift, g.drift_days),
            font.clone(),
            c32(pal.text),
            vec![(drawn.left_top(), Align2::LEFT_BOTTOM)],
            2,
            about,
        )
    });
    placer.add(Caption {
        follows: Some("gauge"),
        ..Caption::text(
            text::gauge_scale(GAUGE_MIN, g.drift_warn_below),
            font,
            c32(pal.text_muted),
            vec![(drawn.left_bottom(), Align2::LEFT_TOP)],
            4,
            about,
        )
    });
}
