//! The live instruments of Act II: what the simulated requests measure, drawn as the student
//! moves the controls — a histogram of recent times to first token (P50, P99 and the SLO
//! marked) and a one-minute strip chart of P99 and throughput, with each design change marked.

use bevy_egui::egui;
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints, VLine};

use super::c32;
use super::widgets::static_chart;
use crate::sim::Instruments;
use crate::sim::instruments::{HISTOGRAM_S, STRIP_S};
use crate::text;
use crate::theme::Palette;

const PLOT_HEIGHT: f32 = 130.0;

/// The model's P99 and the window it is stated over, beside the measured one.
pub struct ModelReading {
    pub p99_ms: Option<f64>,
    pub window_s: f64,
}

pub fn instruments(
    ui: &mut egui::Ui,
    i: &Instruments,
    slo_ms: f64,
    model: &ModelReading,
    pal: &Palette,
) {
    super::widgets::header(ui, &text::instruments_title())
        .default_open(true)
        .show(ui, |ui| {
            histogram(ui, i, slo_ms, pal);
            strip(ui, i, slo_ms, model, pal);
        });
}

fn histogram(ui: &mut egui::Ui, i: &Instruments, slo_ms: f64, pal: &Palette) {
    let h = &i.histogram;
    ui.label(text::histogram_caption(
        HISTOGRAM_S,
        h.samples,
        h.p50_ms,
        h.p99_ms,
    ));
    let bars: Vec<Bar> = h
        .bins
        .iter()
        .map(|(x, w, n)| {
            let late = x + w / 2.0 > slo_ms;
            Bar::new(x + w / 2.0, *n as f64)
                .width(*w * 0.9)
                .fill(c32(if late { pal.warn } else { pal.ok }))
        })
        .collect();
    static_chart(ui, |ui| {
        Plot::new("ttft-histogram")
            .height(PLOT_HEIGHT)
            .x_axis_label(text::histogram_x())
            // No title up the side: the caption above counts the requests, and a title there
            // runs into the caption in a longer language.
            .include_x(0.0)
            .include_x(slo_ms * 1.2)
            .include_y(0.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.bar_chart(BarChart::new(text::histogram_bars(), bars));
                if h.samples > 0 {
                    plot.vline(VLine::new("P50", h.p50_ms).color(c32(pal.info)));
                    plot.vline(VLine::new("P99", h.p99_ms).color(c32(pal.text)).width(2.0));
                }
                plot.vline(
                    VLine::new(text::slo_line_label(), slo_ms)
                        .color(c32(pal.fail))
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            });
    });
}

fn strip(ui: &mut egui::Ui, i: &Instruments, slo_ms: f64, model: &ModelReading, pal: &Palette) {
    let Some(last) = i.strip.back() else {
        return;
    };
    ui.label(text::strip_caption(
        model.window_s,
        i.first_window,
        last.p99_ms,
        last.served_rps,
        model.p99_ms,
    ));
    ui.label(egui::RichText::new(text::strip_key()).small());
    let t0 = last.t - STRIP_S;
    // P99 on a log scale, so an overloaded design and a fast one both read.
    let log = |ms: f64| ms.max(0.1).log10();
    let p99: PlotPoints = i
        .strip
        .iter()
        .map(|p| [p.t - last.t, log(p.p99_ms)])
        .collect();
    let max_rps = i.strip.iter().map(|p| p.served_rps).fold(1.0, f64::max);
    // Throughput on the same axes, scaled to 0..4 (10^4 ms) so one plot holds both.
    let scale = 4.0 / max_rps;
    let tput: PlotPoints = i
        .strip
        .iter()
        .map(|p| [p.t - last.t, p.served_rps * scale])
        .collect();
    // Tall enough in lines of text that every decade keeps its tick label (egui_plot drops
    // labels closer than about 20 points), at the projector's larger text too.
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let height = PLOT_HEIGHT.max(9.0 * row);
    static_chart(ui, |ui| {
        Plot::new("p99-strip")
            .height(height)
            .x_axis_label(text::strip_x())
            .y_axis_label(text::strip_y())
            // A mark at every decade: 1 ms, 10 ms, 100 ms, 1 s, 10 s, ...
            .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
            .y_axis_formatter(|m, _| {
                let ms = 10f64.powf(m.value);
                if ms >= 1000.0 {
                    crate::text::t!("unit-s", value = format!("{:.0}", ms / 1000.0))
                } else {
                    crate::text::t!("unit-ms", value = format!("{ms:.0}"))
                }
            })
            .include_x(-STRIP_S)
            .include_x(0.0)
            .include_y(0.0)
            .include_y(4.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.line(
                    Line::new(text::strip_p99(), p99)
                        .color(c32(pal.text))
                        .width(2.0),
                );
                plot.line(
                    Line::new(text::strip_tput(max_rps), tput)
                        .color(c32(pal.info))
                        .width(1.5),
                );
                plot.hline(
                    egui_plot::HLine::new(text::slo_line_label(), log(slo_ms))
                        .color(c32(pal.fail))
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
                for c in i.changes.iter().filter(|c| **c >= t0) {
                    plot.vline(
                        VLine::new(text::strip_change(), c - last.t)
                            .color(c32(pal.text_muted))
                            .style(egui_plot::LineStyle::dotted_dense()),
                    );
                }
            });
    });
}
