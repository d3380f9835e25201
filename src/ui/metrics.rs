//! The design's numbers in Act II: the SLO tiles, the analytic and measured metrics, and the
//! failure banners.

use bevy_egui::egui;

use super::{Ctx, c32, widgets};
use crate::{text, theme};

pub fn metrics(ui: &mut egui::Ui, c: &Ctx) {
    let pal = c.pal;
    let r = &c.physics.0;
    let ok = |b: bool| (c32(if b { pal.ok } else { pal.fail }), b);
    ui.heading(text::PANEL_METRICS);
    ui.label(egui::RichText::new(text::latency_note(r.model, &c.scenario.0)).small());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for line in &r.trace {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&line.law).strong().color(c32(pal.info)));
                ui.label(egui::RichText::new(&line.formula).monospace().small());
                ui.label(
                    egui::RichText::new(format!("= {}", line.result))
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
            format!(
                "{} ({} ×{})",
                text::TIER_NAMES[0],
                sc.deployment.cloud_hardware.to_uppercase(),
                r.design.n_h100
            ),
            format!("{:.1} GB", r.cloud_model_gb),
            format!("{:.0} GB", r.cloud_ram_gb),
            r.cloud_p99_ms,
            r.tier_assignments.cloud.clone(),
            r.cloud_oom,
        ),
        (
            format!("{} ({})", text::TIER_NAMES[1], sc.edge().label),
            format!("{:.1} GB", r.edge_model_gb),
            format!("{:.0} GB", r.edge_ram_gb),
            r.edge_p99_ms,
            r.tier_assignments.edge.clone(),
            r.edge_oom,
        ),
        (
            format!("{} ({})", text::TIER_NAMES[2], sc.mobile().label),
            format!("{:.2} GB", r.mobile_model_gb),
            format!("{:.0} GB", r.mobile_ram_gb),
            r.mobile_p99_ms,
            r.tier_assignments.mobile.clone(),
            r.mobile_oom,
        ),
        (
            format!("{} ({})", text::TIER_NAMES[3], sc.tiny().label),
            format!("{:.1} KB", r.tiny_model_kb),
            format!("{:.0} KB", r.tiny_sram_kb),
            r.tiny_p99_ms,
            r.tier_assignments.tiny.clone(),
            r.tiny_oom,
        ),
    ];
    egui::Grid::new("tiers")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in ["Tier", "Model", "RAM", "Latency", "Precision", "Memory"] {
                ui.strong(h);
            }
            ui.end_row();
            for (i, (name, model, ram, lat, q, oom)) in tiers.iter().enumerate() {
                ui.colored_label(c32(theme::tier_color(i)), name);
                ui.label(model);
                ui.label(ram);
                ui.label(text::latency(*lat));
                ui.label(q.to_uppercase());
                ui.colored_label(
                    ok(!oom).0,
                    format!("{} {}", text::mark(!oom), if *oom { "FAIL" } else { "OK" }),
                );
                ui.end_row();
            }
        });
    // SLO tiles.
    let acc = &c.scenario.0.accuracy;
    let slo = &c.scenario.0.slo;
    ui.columns(4, |cols| {
        widgets::status_tile(
            &mut cols[0],
            &text::latency(r.cloud_p99_ms),
            &format!("P99 (SLO < {})", text::slo_ms(&c.scenario.0)),
            ok(r.slo_latency_ok),
        );
        widgets::status_tile(
            &mut cols[1],
            &text::cost(r.cost_per_req_usd, 5),
            &format!("Cost/req (SLO < ${})", text::num(slo.cost_per_req_usd)),
            ok(r.slo_cost_ok),
        );
        widgets::status_tile(
            &mut cols[2],
            &format!("{:.1}%", r.effective_accuracy * 100.0),
            &format!(
                "Accuracy (target > {}%)",
                text::pct(acc.accuracy_tile_target)
            ),
            ok(r.effective_accuracy > acc.accuracy_tile_target),
        );
        widgets::status_tile(
            &mut cols[3],
            &format!("{:.1}%", r.post_drift_accuracy * 100.0),
            &format!("After drift ({} d)", r.design.retrain_cadence_days),
            ok(r.post_drift_accuracy > acc.drift_warning_below),
        );
    });
    if let Some(s) = &r.systems {
        ui.columns(3, |cols| {
            widgets::status_tile(
                &mut cols[0],
                &format!("{:.0} req/s", s.cloud_capacity_rps),
                &format!("Capacity (ρ = {:.2})", s.cloud_utilization.min(99.0)),
                ok(r.slo_tput_ok),
            );
            widgets::status_tile(
                &mut cols[1],
                &format!("{:.3}%", s.availability * 100.0),
                &format!("Availability (SLO {}%)", text::pct(slo.availability)),
                ok(s.availability_ok),
            );
            widgets::tile(
                &mut cols[2],
                &text::latency(s.cloud_p99_e2e_ms),
                "P99 full answer (not checked)",
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
    ui.strong(text::MEASURED_TITLE);
    if m.completed == 0 {
        ui.label(text::MEASURED_WAIT);
        return;
    }
    egui::Grid::new("measured")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(text::MEASURED_SIM);
            ui.strong(text::MEASURED_MODEL);
            ui.end_row();
            ui.label("P99 time to first token");
            ui.label(text::latency(m.ttft_p99_ms));
            ui.label(text::latency(s.cloud_p99_ttft_ms));
            ui.end_row();
            ui.label("P50 time to first token");
            ui.label(text::latency(m.ttft_p50_ms));
            ui.label("—");
            ui.end_row();
            ui.label("P99 full answer");
            ui.label(text::latency(m.e2e_p99_ms));
            ui.label(text::latency(s.cloud_p99_e2e_ms));
            ui.end_row();
            ui.label("Served (req/s)");
            ui.label(format!("{:.0}", m.throughput_rps));
            ui.label(format!(
                "{:.0}",
                c.physics.0.tier_rps[0].min(s.cloud_capacity_rps)
            ));
            ui.end_row();
            ui.label("Waiting for a slot");
            ui.label(format!("{:.1}", m.queue_len));
            ui.label(format!("{:.1}", s.cloud_queue_len));
            ui.end_row();
            ui.label("Rejected (queue full)");
            ui.label(m.rejected.to_string());
            ui.label("—");
            ui.end_row();
        });
    ui.label(
        egui::RichText::new(format!(
            "Little's Law, measured: L = {:.0} requests in the system; λ·W = {:.0}",
            m.little_l, m.little_lambda_w
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
            &format!("{} {}", text::MARK_OK, text::ALL_CLEAR),
        );
    }
    // The course's throughput check is not among its banners: show it, so every failing
    // check has one.
    if r.model == crate::physics::PhysicsModel::CourseDraft && !r.slo_tput_ok {
        widgets::callout(
            ui,
            c32(pal.fail),
            &format!("{} {}", text::MARK_FAIL, text::COURSE_TPUT_TITLE),
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
    ui.label(egui::RichText::new(text::WORLD_IN_WORDS).strong());
    for (name, v) in text::TIER_NAMES.iter().zip(&views) {
        let mark = status_mark(v.status).unwrap_or("");
        ui.label(format!("{name}: {mark} {}", v.line));
    }
}
