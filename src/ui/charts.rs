//! The panels' charts: the seven invariants as a radar, and the memory–latency map of the tiers.

use bevy_egui::egui::{self, Color32, Pos2, Stroke, Vec2};
use egui_plot::{HLine, Plot, PlotPoints, Points, Polygon, VLine};

use super::widgets::static_chart;
use crate::ledger::ReportCard;
use crate::physics::{MemUnit, Report, Tier};
use crate::theme::{self, Palette};
use crate::ui::c32;

/// The seven invariants as a radar: prediction accuracy (green) vs constraint hits (red).
pub fn radar(ui: &mut egui::Ui, card: &ReportCard, size: f32, pal: &Palette) {
    let names: Vec<String> = card
        .invariant_scores
        .keys()
        .map(|k| crate::text::invariant_name(k))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let rates = |f: fn(&crate::ledger::analysis::InvariantScore) -> f64| -> Vec<f32> {
        card.invariant_scores
            .values()
            .map(|s| f(s) as f32)
            .collect()
    };
    radar_series(
        ui,
        &names,
        &[
            (rates(|s| s.correct_rate), c32(pal.ok)),
            (rates(|s| s.hit_rate), c32(pal.fail)),
        ],
        size,
    );
}

/// A radar of named axes, each series a closed, lightly filled outline of values in 0..1.
pub fn radar_series(ui: &mut egui::Ui, names: &[&str], series: &[(Vec<f32>, Color32)], size: f32) {
    let (resp, painter) = ui.allocate_painter(Vec2::new(size, size * 0.9), egui::Sense::hover());
    let rect = resp.rect;
    let center = rect.center();
    let radius = size * 0.30;
    let n = names.len().max(1);
    let angle =
        |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
    let at = |i: usize, r: f32| center + Vec2::angled(angle(i)) * r;
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let scale = ui.visuals().weak_text_color();
    // The radial scale runs down the gap between the two lowest axes, away from every axis
    // and its name (beside the top axis it ran into the next axis's name on a small chart).
    let gap = Vec2::angled(angle(n / 2) + std::f32::consts::PI / n as f32);
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let pts: Vec<Pos2> = (0..n).map(|i| at(i, radius * ring)).collect();
        painter.add(egui::Shape::closed_line(pts, Stroke::new(1.0, grid)));
        // Values read off as a percentage.
        painter.text(
            center + gap * radius * ring,
            egui::Align2::CENTER_CENTER,
            format!("{:.0} %", ring * 100.0),
            egui::FontId::proportional(10.0),
            scale,
        );
    }
    let text_color = ui.visuals().text_color();
    for (i, name) in names.iter().enumerate() {
        painter.line_segment([center, at(i, radius)], Stroke::new(1.0, grid));
        // Each name grows outward from its axis's end, clear of the scale in the middle.
        let dir = Vec2::angled(angle(i));
        let h = match dir.x {
            x if x > 0.2 => egui::Align::Min,
            x if x < -0.2 => egui::Align::Max,
            _ => egui::Align::Center,
        };
        let v = match dir.y {
            y if y > 0.9 => egui::Align::Min,
            y if y < -0.9 => egui::Align::Max,
            _ => egui::Align::Center,
        };
        painter.text(
            at(i, radius + 10.0),
            egui::Align2([h, v]),
            *name,
            egui::FontId::proportional(13.0),
            text_color,
        );
    }
    for (vals, color) in series {
        let color = *color;
        let pts: Vec<Pos2> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| at(i, radius * v.clamp(0.0, 1.0)))
            .collect();
        // The shape is not convex in general: fill it as a fan of triangles from the centre.
        for (i, p) in pts.iter().enumerate() {
            let q = pts[(i + 1) % pts.len()];
            painter.add(egui::Shape::convex_polygon(
                vec![center, *p, q],
                color.gamma_multiply(0.15),
                Stroke::NONE,
            ));
        }
        // Segment by segment: a closed path through repeated points (several invariants at 0)
        // does not tessellate.
        for (i, p) in pts.iter().enumerate() {
            let q = pts[(i + 1) % pts.len()];
            if *p != q {
                painter.line_segment([*p, q], Stroke::new(2.5, color));
            }
        }
        for p in pts {
            painter.circle_filled(p, 3.5, color);
        }
    }
}

/// Memory (GB) vs latency (ms) on log–log axes, with RAM budgets, the SLO band and OOM marks.
pub fn map(ui: &mut egui::Ui, r: &Report, slo_ms: f64, height: f32, pal: &Palette) {
    // Each tier at its footprint in GB (TinyML's KB of SRAM converted), its latency, whether
    // it fits, and its memory.
    let tiers = Tier::ALL.map(|t| {
        let f = r.tier(t);
        let gb = |v: f64| match f.unit {
            MemUnit::Gb => v,
            MemUnit::Kb => v / (1024.0 * 1024.0),
        };
        (
            crate::text::tier_name(t),
            gb(f.needs),
            f.p99_ms,
            f.oom,
            gb(f.has),
        )
    });
    static_chart(ui, |ui| {
        // No legend inside the plot, where it would cover a tier's point: the key is below.
        Plot::new("map")
            .height(height)
            .x_axis_label(crate::text::tr("map-x-axis"))
            .y_axis_label(crate::text::tr("map-y-axis"))
            .x_axis_formatter(move |m, _| power_of_ten(m.value))
            .y_axis_formatter(move |m, _| power_of_ten(m.value))
            .include_x(-4.0)
            .include_x(3.0)
            .include_y(0.0)
            .include_y(6.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| map_items(plot, &tiers, slo_ms, pal));
    });
    // The key: each tier's colour (the explanation above says what the marks and lines are).
    ui.horizontal_wrapped(|ui| {
        for (i, (name, ..)) in tiers.iter().enumerate() {
            ui.colored_label(c32(theme::tier_color(i)), format!("■ {name}"));
        }
    });
}

fn log(v: f64) -> f64 {
    v.max(1e-6).log10()
}

/// An axis mark at 10^v: whole numbers from 1 up, powers of ten below.
fn power_of_ten(v: f64) -> String {
    let p = 10f64.powf(v);
    if p >= 1.0 {
        crate::text::number(p, 0)
    } else {
        format!("{p:.0e}")
    }
}

/// The SLO zone and line, each tier's memory budget and its point.
fn map_items(
    plot: &mut egui_plot::PlotUi<'_>,
    tiers: &[(String, f64, f64, bool, f64); Tier::COUNT],
    slo_ms: f64,
    pal: &Palette,
) {
    plot.polygon(
        Polygon::new(
            crate::text::tr("map-slo-zone"),
            PlotPoints::new(vec![
                [-4.0, 0.0],
                [3.0, 0.0],
                [3.0, log(slo_ms)],
                [-4.0, log(slo_ms)],
            ]),
        )
        .fill_color(c32(pal.ok).gamma_multiply(0.12))
        .stroke(Stroke::new(1.0, c32(pal.ok))),
    );
    plot.hline(HLine::new(crate::text::slo_line_label(), log(slo_ms)).color(c32(pal.ok)));
    for (i, (name, gb, ms, oom, ram)) in tiers.iter().enumerate() {
        let color = c32(theme::tier_color(i));
        plot.vline(
            VLine::new(crate::text::t!("map-budget", tier = name), log(*ram))
                .color(color)
                .style(egui_plot::LineStyle::dashed_dense()),
        );
        let marker = if *oom {
            egui_plot::MarkerShape::Cross
        } else {
            egui_plot::MarkerShape::Circle
        };
        // A tier that answers nothing sits at the top of the chart.
        let y = if ms.is_finite() { log(*ms) } else { 6.0 };
        plot.points(
            Points::new(name.clone(), vec![[log(*gb), y]])
                .shape(marker)
                .radius(if *oom { 10.0 } else { 8.0 })
                .color(if *oom { c32(pal.fail) } else { color }),
        );
    }
}
