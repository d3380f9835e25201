//! The cloud's GPUs in the world's overlay: one chip each, lit by its replica's batch,
//! outlined by tensor-parallel group with its all-reduce traffic, framed by server once they
//! fill more than one, and labelled with the step and what fills the memory.

use bevy::math::Vec2;
use bevy_egui::egui::{self, Align2, FontId, Pos2, Stroke};

use std::rc::Rc;

use super::labels::{Caption, Figure, Placer};
use super::picture::{CloudPicture, MemoryBar};
use super::scene::{Projection, SMALL, Scene};
use crate::text;
use crate::theme;
use crate::theme::c32;

/// The cloud's chips: top-left corner, chip size and gap, chips per row.
const CHIPS_AT: Vec2 = Vec2::new(410.0, 248.0);
const CHIP: Vec2 = Vec2::new(30.0, 22.0);
const CHIP_GAP: f32 = 8.0;
const CHIPS_PER_ROW: u32 = 4;

/// Where chip `i` sits (top-left, world units): chips run four to a row.
fn chip_at(i: u32) -> Vec2 {
    let (col, row) = (i % CHIPS_PER_ROW, i / CHIPS_PER_ROW);
    CHIPS_AT
        + Vec2::new(
            col as f32 * (CHIP.x + CHIP_GAP),
            -(row as f32) * (CHIP.y + CHIP_GAP),
        )
}

/// The chips as one figure with their caption above; the step and memory below them, and the
/// servers' names beside them, follow the figure.
pub(super) fn chips<'p>(
    proj: &'p Projection,
    c: &'p CloudPicture,
    memory: &MemoryBar,
    s: &'p Scene,
    placer: &mut Placer<'p>,
    about: egui::Rect,
) {
    let servers = server_frames(proj, c);
    let drawn = (0..c.gpus.max(1))
        .map(|i| proj.rect(chip_at(i), CHIP))
        .chain(servers.iter().map(|f| f.expand(s.pal.weight)))
        .reduce(|a, b| a.union(b))
        .expect("one chip")
        .expand(4.0 * proj.unit);
    let frames = servers.clone();
    let draw = move |painter: &egui::Painter| {
        gpus(painter, proj, c, s);
        groups_and_servers(painter, proj, c, s, &frames);
        allreduce(painter, proj, c, s);
    };
    let about = about.union(drawn);
    let font = FontId::proportional(proj.text(SMALL, &s.pal));
    let muted = c32(s.pal.text_muted);
    placer.add(Caption {
        id: Some("chips"),
        figure: Some(Figure {
            rect: drawn,
            draw: Rc::new(draw),
        }),
        ..Caption::text(
            text::chips_label(c.gpus, c.tp, c.replicas),
            font.clone(),
            muted,
            vec![(drawn.left_top(), Align2::LEFT_BOTTOM)],
            2,
            about,
        )
    });
    let follow = |text, spot, align, rank| Caption {
        follows: Some("chips"),
        ..Caption::text(text, font.clone(), muted, vec![(spot, align)], rank, about)
    };
    placer.add(follow(
        below(c, memory),
        drawn.left_bottom(),
        Align2::LEFT_TOP,
        3,
    ));
    for (k, frame) in servers.iter().enumerate() {
        let spot = Pos2::new(drawn.right() + 4.0 * proj.unit, frame.top());
        placer.add(follow(text::server_label(k), spot, Align2::LEFT_TOP, 4));
    }
}

/// One chip per GPU, lit by its replica's batch.
fn gpus(painter: &egui::Painter, proj: &Projection, c: &CloudPicture, s: &Scene) {
    let pal = &s.pal;
    let cloud = theme::tier_color(0);
    for i in 0..c.gpus {
        let group = c.group_of(i);
        // The live batch when the simulation runs it, else the model's.
        let light = match s.batches.get(group as usize) {
            Some(b) if c.max_batch > 0.0 && group < c.replicas => {
                (*b as f64 / c.max_batch).clamp(0.0, 1.0) as f32
            }
            _ => c.light(i),
        };
        let r = proj.rect(chip_at(i), CHIP);
        painter.rect_filled(
            r,
            3.0 * proj.unit,
            c32(cloud).gamma_multiply(0.15 + 0.85 * light),
        );
        painter.rect_stroke(
            r,
            3.0 * proj.unit,
            Stroke::new(1.5 * pal.weight, c32(cloud)),
            egui::StrokeKind::Inside,
        );
    }
}

/// Each server's frame, once the GPUs fill more than one (a server's GPUs fail together,
/// which availability counts).
fn server_frames(proj: &Projection, c: &CloudPicture) -> Vec<egui::Rect> {
    c.servers()
        .into_iter()
        .map(|(first, last)| {
            let row_end = (first + CHIPS_PER_ROW - 1).min(last);
            [first, row_end, last]
                .into_iter()
                .map(|i| proj.rect(chip_at(i), CHIP))
                .reduce(|a, b| a.union(b))
                .expect("three chips")
                .expand(2.5 * proj.unit)
        })
        .collect()
}

/// Tensor-parallel groups (an outline round each) and servers (a frame round each).
fn groups_and_servers(
    painter: &egui::Painter,
    proj: &Projection,
    c: &CloudPicture,
    s: &Scene,
    servers: &[egui::Rect],
) {
    let pal = &s.pal;
    for (first, last) in c.tp_groups() {
        let a = proj.rect(chip_at(first), CHIP);
        let b = proj.rect(chip_at(last), CHIP);
        painter.rect_stroke(
            a.union(b).expand(3.0 * proj.unit),
            5.0 * proj.unit,
            Stroke::new(1.5 * pal.weight, c32(pal.info)),
            egui::StrokeKind::Outside,
        );
    }
    for frame in servers {
        painter.rect_stroke(
            *frame,
            6.0 * proj.unit,
            Stroke::new(1.0 * pal.weight, c32(pal.text_muted)),
            egui::StrokeKind::Outside,
        );
    }
}

/// The all-reduce traffic between neighbouring chips of a group.
fn allreduce(painter: &egui::Painter, proj: &Projection, c: &CloudPicture, s: &Scene) {
    let pal = &s.pal;
    for (i, j) in c.allreduce_links() {
        let (p, q) = (proj.rect(chip_at(i), CHIP), proj.rect(chip_at(j), CHIP));
        let (from, to) = if chip_at(i).y == chip_at(j).y {
            (p.right_center(), q.left_center())
        } else {
            (p.center_bottom(), q.center_top())
        };
        painter.line_segment([from, to], Stroke::new(2.0 * pal.weight, c32(pal.info)));
        let f = if s.reduced_motion {
            0.5
        } else {
            (s.t * 1.5).fract()
        };
        painter.circle_filled(
            from.lerp(to, f),
            2.5 * proj.unit * pal.weight,
            c32(pal.info),
        );
    }
}

/// The step and what fills the cloud's memory, for under the chips.
fn below(c: &CloudPicture, memory: &MemoryBar) -> String {
    let mut lines = Vec::new();
    if c.step_ms > 0.0 {
        lines.push(text::step_label(
            c.batch,
            c.max_batch,
            c.step_ms,
            c.compute_bound,
        ));
    }
    // What fills the cloud's memory bar, in the bar's colours' order.
    let names: Vec<String> = memory.parts.iter().map(|(p, _)| p.name()).collect();
    let parts: Vec<(&str, f64)> = names
        .iter()
        .zip(&memory.parts)
        .map(|(n, (_, v))| (n.as_str(), *v))
        .collect();
    lines.push(text::memory_parts(&parts, memory.unit));
    lines.join("\n")
}
