//! The world's text and instruments, drawn with egui over the world camera's view: titles,
//! tier names and status lines, request rates on the links, and — once the Act II prediction
//! is locked — each tier's memory bar, the cloud's GPUs grouped as the physics runs them (lit
//! by their batch, with all-reduce links inside a tensor-parallel group and the step's
//! memory- or compute-bound tag), the cloud's queue count and the accuracy gauge.
//!
//! [`paint`] is a function of an `egui::Painter` and plain data, so a test can run it on a
//! bare `egui::Context` and read what it drew.

use bevy::math::Vec2;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2};

pub use super::bars::part_color;
pub use super::labels::{Caption, Hidden, MIN_TEXT, Placed, Placer, readout};
pub use super::scene::{Projection, Scene};
use super::scene::{SMALL, TITLE_X};
use super::tiers::{TierStatus, status_color, status_mark};
use super::{SOURCE_POS, TIER_POS};
use crate::physics::Tier;
use crate::text;
use crate::theme::Palette;
use crate::theme::c32;

/// Paint the world's text and instruments. Text is never smaller than [`MIN_TEXT`] points
/// (times the profile's label scale); a caption with no room joins its part's readout, shown
/// when `s.focus` is on that part. Returns where the captions went.
pub fn paint(painter: &egui::Painter, proj: &Projection, s: &Scene) -> Placed {
    let pal = &s.pal;
    let mut placer = Placer::default();
    keep_off(&mut placer, proj, pal);
    let size = |base: f32| FontId::proportional(proj.text(base, pal));
    let (ink, muted) = (c32(pal.text), c32(pal.text_muted));
    titles(painter, proj, pal, &mut placer);
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
    let source = proj.source();
    let under = source.center_bottom() + egui::vec2(0.0, 13.0 * proj.unit);
    let spots = vec![
        (under, Align2::CENTER_TOP),
        (under + egui::vec2(20.0 * proj.unit, 0.0), Align2::RIGHT_TOP),
        (
            source.left_center() - egui::vec2(6.0, 0.0),
            Align2::RIGHT_CENTER,
        ),
    ];
    placer.add(Caption::text(users, size(22.0), ink, spots, 2, source));
    for i in 0..s.views.len() {
        tier_labels(painter, proj, s, i, &mut placer);
    }
    if let Some(phys) = s.picture {
        let cloud = proj.node(0);
        super::chips::chips(proj, &phys.cloud, &phys.memory[0], s, &mut placer, cloud);
        super::bars::gauge(proj, &phys.accuracy, pal, &mut placer);
    }
    let bounds = painter.clip_rect();
    let mut placed = placer.place(painter, bounds, false);
    if placed.hidden.iter().any(|h| h.about.is_positive()) {
        // Some captions went to readouts: say how to open them, first of all. (A title left
        // out has none: the panel has it.)
        let inset = bounds.shrink2(egui::vec2(6.0, 4.0));
        let spots = vec![
            (inset.left_bottom(), Align2::LEFT_BOTTOM),
            (inset.left_top(), Align2::LEFT_TOP),
            (inset.right_bottom(), Align2::RIGHT_BOTTOM),
            (inset.right_top(), Align2::RIGHT_TOP),
        ];
        let hint = text::tr("world-readout-hint");
        placer.add(Caption::text(
            hint,
            size(SMALL),
            muted,
            spots,
            0,
            egui::Rect::NOTHING,
        ));
    }
    placed = placer.place(painter, bounds, true);
    if let Some(at) = s.focus {
        // Above everything, and free to reach past the world when the world is a strip.
        let screen = painter.ctx().viewport_rect();
        let top = painter
            .clone()
            .with_layer_id(egui::LayerId::new(
                egui::Order::Tooltip,
                egui::Id::new("world-readout"),
            ))
            .with_clip_rect(screen);
        placed.readout = readout(&top, &placed.hidden, at, screen, c32(pal.background), muted);
    }
    placed
}

/// The lab's title, and its subtitle with it.
fn titles(painter: &egui::Painter, proj: &Projection, pal: &Palette, placer: &mut Placer<'_>) {
    let size = |base: f32| FontId::proportional(proj.text(base, pal));
    let (ink, muted) = (c32(pal.text), c32(pal.text_muted));
    let corner = proj.p(Vec2::new(TITLE_X, 340.0));
    let title = painter
        .layout_no_wrap(text::title(), size(34.0), ink)
        .size();
    for (t, base, c, spot, rank) in [
        (text::title(), 34.0, ink, corner, 5),
        (
            text::subtitle(),
            20.0,
            muted,
            corner + egui::vec2(0.0, title.y),
            6,
        ),
    ] {
        // The subtitle under the title, or after it on its line.
        let beside = corner + egui::vec2(title.x + 12.0, title.y * 0.85);
        let mut spots = vec![(spot, Align2::LEFT_TOP)];
        if rank == 6 {
            spots.push((beside, Align2::LEFT_BOTTOM));
        }
        // The subtitle only with the title.
        let (id, follows) = if rank == 6 {
            (None, Some("title"))
        } else {
            (Some("title"), None)
        };
        placer.add(Caption {
            id,
            follows,
            ..Caption::text(t, size(base), c, spots, rank, egui::Rect::NOTHING)
        });
    }
}

/// What the captions keep off: the nodes and the users, and the request streams.
fn keep_off(placer: &mut Placer<'_>, proj: &Projection, pal: &Palette) {
    let ring = super::scene::ring_outer(pal.projector);
    for pos in TIER_POS {
        placer.marks.push(proj.around(pos, ring));
        let end = super::particles::entrance(pos);
        // A particle's half-size, and the rejected ones dropping from the line's end.
        let w = 8.0 * pal.weight * proj.unit;
        placer.streams.push((proj.p(SOURCE_POS), proj.p(end), w));
        let drop = end - Vec2::new(0.0, super::particles::DROP);
        placer.streams.push((proj.p(end), proj.p(drop), w));
    }
    placer.marks.push(proj.source());
}

/// A tier's name and device, its status line, its request rate, its queue, and (after the
/// Act II lock) its memory bar under the status line.
fn tier_labels<'p>(
    painter: &egui::Painter,
    proj: &Projection,
    s: &'p Scene,
    i: usize,
    placer: &mut Placer<'p>,
) {
    let pal = &s.pal;
    let size = |base: f32| FontId::proportional(proj.text(base, pal));
    let (ink, muted) = (c32(pal.text), c32(pal.text_muted));
    let v = &s.views[i];
    let pos = TIER_POS[i];
    let about = proj.node(i);
    let x = proj.p(pos + Vec2::new(70.0, 0.0)).x;
    let centre = proj.p(pos).y;
    let mut put = |text: String, font: FontId, color, spots, rank| {
        placer.add(Caption::text(text, font, color, spots, rank, about))
    };
    put(
        format!("{}\n{}", text::tier_name(Tier::ALL[i]), s.devices[i]),
        size(24.0),
        ink,
        vec![(Pos2::new(x, centre + 12.0 * proj.unit), Align2::LEFT_BOTTOM)],
        0,
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
    let line_top = centre + 16.0 * proj.unit;
    let line_h = painter
        .layout_no_wrap(line.clone(), size(20.0), status)
        .size()
        .y;
    put(
        line,
        size(20.0),
        status,
        vec![(Pos2::new(x, line_top), Align2::LEFT_TOP)],
        1,
    );
    if s.rates_shown {
        let rate = text::t!("unit-req-s", value = format!("{:.0}", v.rps));
        put(
            rate.clone(),
            size(18.0),
            muted,
            rate_spots(painter, proj, s, i, &rate),
            3,
        );
    }
    if s.waiting[i] > 0 {
        let entrance = super::particles::entrance(pos);
        let spots = [(-14.0, 4.0), (-8.0, 14.0), (-8.0, 40.0), (-60.0, 70.0)]
            .map(|(dx, up)| (proj.p(entrance + Vec2::new(dx, up)), Align2::RIGHT_BOTTOM))
            .to_vec();
        put(
            text::queue_label(s.waiting[i], s.not_drawn[i]),
            size(16.0),
            c32(pal.warn),
            spots,
            1,
        );
    }
    if let Some(bar) = s.picture.map(|p| &p.memory[i]) {
        // Clear of the status line by the capacity line's overhang.
        let top = Pos2::new(x, line_top + line_h + 8.0 * proj.unit);
        super::bars::memory_bar(proj, top, bar, pal, placer, about);
    }
}

/// Where a link's rate may go: beside the link, clear of its stream by the stream's width and
/// the rise of the link under the text; on the outer side first (above a link that rises,
/// below one that falls), at points along the link from its middle out.
fn rate_spots(
    painter: &egui::Painter,
    proj: &Projection,
    s: &Scene,
    i: usize,
    rate: &str,
) -> Vec<(Pos2, Align2)> {
    let font = FontId::proportional(proj.text(18.0, &s.pal));
    let half = painter
        .layout_no_wrap(rate.to_owned(), font, Color32::WHITE)
        .size()
        .x
        / 2.0;
    let end = super::particles::entrance(TIER_POS[i]);
    let d = end - SOURCE_POS;
    let rise = (d.y / d.x).abs() * half / proj.unit;
    let side = if d.y >= 0.0 { 1.0 } else { -1.0 };
    let mut spots = Vec::new();
    for sign in [side, -side] {
        for at in [0.55, 0.7, 0.4, 0.85] {
            let up = 8.0 * s.pal.weight + 6.0 + rise;
            let p = proj.p(SOURCE_POS + d * at + Vec2::new(0.0, sign * up));
            let align = if sign > 0.0 {
                Align2::CENTER_BOTTOM
            } else {
                Align2::CENTER_TOP
            };
            spots.push((p, align));
        }
    }
    spots
}
