//! The design's numbers in Act II: the SLO tiles, the analytic and measured metrics, and the
//! failure banners.

use bevy_egui::egui;

use super::{Ctx, c32, widgets};
use crate::text::t;
use crate::{text, theme};

/// A size in GB with `places` decimals.
fn gb(v: f64, places: usize) -> String {
    t!("unit-gb", value = format!("{v:.places$}"))
}

/// A tier's name with its device ("Edge (Jetson Orin NX)").
fn device(tier: usize, label: &str) -> String {
    t!(
        "tier-with-device",
        tier = &text::tier_names()[tier],
        device = label
    )
}

/// A percentage with `places` decimals, the sign against the number ("97.5%").
fn percent(v: f64, places: usize) -> String {
    t!("percent", value = format!("{v:.places$}"))
}

pub fn metrics(ui: &mut egui::Ui, c: &Ctx) {
    let pal = c.pal;
    let r = &c.physics.0;
    let ok = |b: bool| (c32(if b { pal.ok } else { pal.fail }), b);
    ui.heading(text::panel_metrics());
    ui.label(egui::RichText::new(text::latency_note(r.model, &c.scenario.0)).small());
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
    // The four-tier grid.
    let sc = &c.scenario.0;
    let tiers = [
        (
            t!(
                "tier-hardware-count",
                tier = &text::tier_names()[0],
                hardware = sc.deployment.cloud_hardware.to_uppercase(),
                gpus = r.design.n_h100.to_string()
            ),
            gb(r.cloud_model_gb, 1),
            gb(r.cloud_ram_gb, 0),
            r.cloud_p99_ms,
            r.tier_assignments.cloud.clone(),
            r.cloud_oom,
        ),
        (
            device(1, &sc.edge().label),
            gb(r.edge_model_gb, 1),
            gb(r.edge_ram_gb, 0),
            r.edge_p99_ms,
            r.tier_assignments.edge.clone(),
            r.edge_oom,
        ),
        (
            device(2, &sc.mobile().label),
            gb(r.mobile_model_gb, 2),
            gb(r.mobile_ram_gb, 0),
            r.mobile_p99_ms,
            r.tier_assignments.mobile.clone(),
            r.mobile_oom,
        ),
        (
            device(3, &sc.tiny().label),
            t!("unit-kb", value = format!("{:.1}", r.tiny_model_kb)),
            t!("unit-kb", value = format!("{:.0}", r.tiny_sram_kb)),
            r.tiny_p99_ms,
            r.tier_assignments.tiny.clone(),
            r.tiny_oom,
        ),
    ];
    if widgets::showing(ui, crate::demo::Show::Metrics) {
        ui.scroll_to_cursor(Some(egui::Align::Min));
    }
    // One block per tier, its figures flowing onto as many lines as the panel needs: nothing
    // is cut off at laptop widths or in the projector's larger text.
    for (i, (name, model, ram, lat, q, oom)) in tiers.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(name)
                    .color(c32(theme::tier_color(i)))
                    .strong(),
            );
            for (k, v) in [
                ("figure-model", model.clone()),
                ("figure-ram", ram.clone()),
                ("figure-latency", text::latency(*lat)),
                ("figure-precision", text::assignment_label(q)),
            ] {
                ui.label(t!(k, value = v));
            }
            let verdict = text::tr(if *oom { "tier-fail" } else { "tier-ok" });
            ui.colored_label(ok(!oom).0, format!("{} {verdict}", text::mark(!oom)));
        });
    }
    // SLO tiles.
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
    use crate::world::tiers::{status_mark, tier_views};
    let views = tier_views(&c.physics.0, c.preds.act2.is_some());
    ui.label(egui::RichText::new(text::world_in_words()).strong());
    for (name, v) in text::tier_names().iter().zip(&views) {
        let mark = status_mark(v.status).unwrap_or("");
        ui.label(t!(
            "world-in-words-line",
            tier = name,
            mark = mark,
            line = &v.line
        ));
    }
}
