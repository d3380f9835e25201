//! The design's numbers in Act II: the SLO tiles, the analytic and measured metrics, and the
//! failure banners.

use bevy_egui::egui;

use super::{Ctx, c32, widgets};
use crate::physics::{MemUnit, Tier};
use crate::text::t;
use crate::{text, theme};

/// A size in GB with `places` decimals.
fn gb(v: f64, places: usize) -> String {
    t!("unit-gb", value = format!("{v:.places$}"))
}

/// One tier's figures: its name and device, memory needed and held, latency, precision, and
/// whether it fits.
fn tier_figures(ui: &mut egui::Ui, c: &Ctx, t: Tier) {
    let (r, sc) = (&c.physics.0, &c.scenario.0);
    let f = r.tier(t);
    let name = match t {
        Tier::Cloud => t!(
            "tier-hardware-count",
            tier = text::tier_name(t),
            hardware = sc.deployment.cloud_hardware.to_uppercase(),
            gpus = r.design.n_h100.to_string()
        ),
        _ => t!(
            "tier-with-device",
            tier = text::tier_name(t),
            device = sc.say(&sc.device(t).label)
        ),
    };
    // Decimals as each tier's sizes need them: a device with a few GB (a phone) needs
    // hundredths; tens of GB, and the KB of a microcontroller's SRAM, read in tenths.
    let places = if f.unit == MemUnit::Gb && f.has < 10.0 {
        2
    } else {
        1
    };
    let size = |v: f64, places: usize| match f.unit {
        MemUnit::Gb => gb(v, places),
        MemUnit::Kb => t!("unit-kb", value = format!("{v:.places$}")),
    };
    ui.horizontal_wrapped(|ui| {
        let colour = c32(theme::tier_color(t.index()));
        ui.label(egui::RichText::new(name).color(colour).strong());
        for (k, v) in [
            ("figure-model", size(f.needs, places)),
            ("figure-ram", size(f.has, 0)),
            ("figure-latency", text::latency(f.p99_ms)),
            ("figure-precision", text::assignment_label(f.assignment)),
        ] {
            ui.label(t!(k, value = v));
        }
        let verdict = text::tr(if f.oom { "tier-fail" } else { "tier-ok" });
        let pal = c.pal;
        let colour = c32(if f.oom { pal.fail } else { pal.ok });
        ui.colored_label(colour, format!("{} {verdict}", text::mark(!f.oom)));
    });
}

/// A percentage with `places` decimals, the sign against the number ("97.5%").
fn percent(v: f64, places: usize) -> String {
    t!("percent", value = format!("{v:.places$}"))
}

pub fn metrics(ui: &mut egui::Ui, c: &Ctx) {
    let r = &c.physics.0;
    ui.heading(text::panel_metrics());
    ui.label(egui::RichText::new(text::latency_note(r.model, &c.scenario.0)).small());
    trace(ui, c);
    if widgets::showing(ui, crate::lab::demo::Show::Metrics) {
        ui.scroll_to_cursor(Some(egui::Align::Min));
    }
    // One block per tier, its figures flowing onto as many lines as the panel needs: nothing
    // is cut off at laptop widths or in the projector's larger text.
    for t in Tier::ALL {
        tier_figures(ui, c, t);
    }
    slo_tiles(ui, c);
}

/// The formula trace: each law, its formula with the figures, and the result.
fn trace(ui: &mut egui::Ui, c: &Ctx) {
    let (pal, r) = (c.pal, &c.physics.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let catalogue = text::current();
        for line in &r.trace {
            let [law, formula, result] = line.words(&catalogue);
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(law).strong().color(c32(pal.info)));
                ui.label(egui::RichText::new(formula).monospace().small());
                ui.label(
                    egui::RichText::new(format!("= {result}"))
                        .monospace()
                        .strong(),
                );
            });
        }
    });
}

/// The SLO tiles, each green when met and red when not.
fn slo_tiles(ui: &mut egui::Ui, c: &Ctx) {
    let (pal, r) = (c.pal, &c.physics.0);
    let ok = |b: bool| (c32(if b { pal.ok } else { pal.fail }), b);
    let acc = &c.scenario.0.accuracy;
    let slo = &c.scenario.0.slo;
    widgets::tiles(ui, |ui| {
        widgets::status_tile(
            ui,
            &text::latency(r.cloud_p99_ms),
            &t!("tile-p99", slo = text::slo_ms(&c.scenario.0)),
            ok(r.slo_latency_ok),
        );
        widgets::status_tile(
            ui,
            &text::cost(r.cost_per_req_usd, 5),
            &t!("tile-cost", slo = text::num(slo.cost_per_req_usd)),
            ok(r.slo_cost_ok),
        );
        widgets::status_tile(
            ui,
            &percent(r.effective_accuracy * 100.0, 1),
            &t!(
                "tile-accuracy",
                target = text::pct(acc.accuracy_tile_target)
            ),
            ok(r.effective_accuracy > acc.accuracy_tile_target),
        );
        widgets::status_tile(
            ui,
            &percent(r.post_drift_accuracy * 100.0, 1),
            &t!(
                "tile-after-drift",
                days = r.design.retrain_cadence_days.to_string()
            ),
            ok(r.post_drift_accuracy > acc.drift_warning_below),
        );
    });
    if let Some(s) = &r.systems {
        widgets::tiles(ui, |ui| {
            widgets::status_tile(
                ui,
                &t!("unit-req-s", value = format!("{:.0}", s.cloud_capacity_rps)),
                &t!(
                    "tile-capacity",
                    rho = format!("{:.2}", s.cloud_utilization.min(99.0))
                ),
                ok(r.slo_tput_ok),
            );
            widgets::status_tile(
                ui,
                &percent(s.availability * 100.0, 3),
                &t!("tile-availability", slo = text::pct(slo.availability)),
                ok(s.availability_ok),
            );
            widgets::tile(
                ui,
                &text::latency(s.cloud_p99_e2e_ms),
                &text::tr("tile-p99-full"),
                c32(pal.text_muted),
            );
        });
    }
}

/// The simulated requests' own figures beside the model's.
pub fn measured(ui: &mut egui::Ui, c: &Ctx) {
    let (Some(m), Some(s)) = (c.measured, c.physics.0.systems.as_ref()) else {
        return;
    };
    ui.strong(text::measured_title());
    if m.completed == 0 {
        ui.label(text::measured_wait());
        return;
    }
    // One line per quantity, simulated beside the model, wrapping to the panel's width.
    let rows = [
        (
            "measured-p99-ttft",
            text::latency(m.ttft_p99_ms),
            text::latency(s.cloud_p99_ttft_ms),
        ),
        (
            "measured-p50-ttft",
            text::latency(m.ttft_p50_ms),
            text::none_yet(),
        ),
        (
            "measured-p99-full",
            text::latency(m.e2e_p99_ms),
            text::latency(s.cloud_p99_e2e_ms),
        ),
        (
            "measured-served",
            format!("{:.0}", m.throughput_rps),
            format!("{:.0}", c.physics.0.tier_rps[0].min(s.cloud_capacity_rps)),
        ),
        (
            "measured-waiting",
            format!("{:.1}", m.queue_len),
            format!("{:.1}", s.cloud_queue_len),
        ),
        (
            "measured-rejected",
            m.rejected.to_string(),
            text::none_yet(),
        ),
    ];
    for (name, sim, model) in rows {
        ui.horizontal_wrapped(|ui| {
            ui.strong(text::tr(name));
            ui.label(t!("measured-sim-value", value = sim));
            ui.label(t!("measured-model-value", value = model));
        });
    }
    ui.label(
        egui::RichText::new(t!(
            "little-measured",
            l = format!("{:.0}", m.little_l),
            lw = format!("{:.0}", m.little_lambda_w)
        ))
        .small(),
    );
}

pub fn banners(ui: &mut egui::Ui, c: &Ctx) {
    let pal = c.pal;
    let r = &c.physics.0;
    if r.banners.is_empty() && r.system_valid {
        widgets::callout(
            ui,
            c32(pal.ok),
            "",
            &format!("{} {}", text::MARK_OK, text::all_clear()),
        );
    }
    // The course's throughput check is not among its banners: show it, so every failing
    // check has one.
    if r.model == crate::physics::PhysicsModel::CourseDraft && !r.slo_tput_ok {
        widgets::callout(
            ui,
            c32(pal.fail),
            &format!("{} {}", text::MARK_FAIL, text::course_tput_title()),
            &text::course_tput_detail(r, &c.scenario.0),
        );
    }
    for b in &r.banners {
        let (color, mark) = if b.is_warning() {
            (pal.warn, text::MARK_WARN)
        } else {
            (pal.fail, text::MARK_FAIL)
        };
        widgets::callout(
            ui,
            c32(color),
            &format!("{mark} {}", text::banner_title(*b)),
            &text::banner_detail(*b, r, &c.scenario.0),
        );
    }
}

/// The world's state in words, for everyone and for assistive technology: each tier's status,
/// its mark, and why.
pub fn world_in_words(ui: &mut egui::Ui, c: &Ctx) {
    ui.scope(|ui| {
        super::widgets::semantic(ui, egui::accesskit::Role::Region, &text::world_in_words());
        ui.label(egui::RichText::new(text::world_in_words()).strong());
        for line in world_lines(&c.physics.0, c.preds.act2.is_some()) {
            ui.label(line);
        }
    });
}

/// Each tier's line of the world in words (also what a screen reader hears after a change).
pub fn world_lines(r: &crate::physics::Report, shown: bool) -> Vec<String> {
    use crate::world::tiers::{status_mark, tier_views};
    let views = tier_views(r, shown);
    Tier::ALL
        .into_iter()
        .zip(&views)
        .map(|(t, v)| {
            t!(
                "world-in-words-line",
                tier = text::tier_name(t),
                mark = status_mark(v.status).unwrap_or(""),
                line = &v.line
            )
        })
        .collect()
}
