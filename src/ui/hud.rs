//! The HUD footer of Act II.

use bevy_egui::egui;

use super::{Ctx, c32};
use crate::ledger::store::SaveStatus;
use crate::text;

pub fn hud(ui: &mut egui::Ui, c: &Ctx) {
    draw(ui, &items(c), c32(c.pal.text_muted));
}

/// The HUD's items: each one's name, value and colour; first the student's record.
fn items(c: &Ctx) -> Vec<(String, String, egui::Color32)> {
    let pal = c.pal;
    // The student's own record, whatever sample Act I showed.
    let card = &c.ledger.card;
    let counted = crate::lab::flow::counted(c.preds, c.ledger, c.answer_key, c.phase);
    let good = |b: bool| c32(if b { pal.ok } else { pal.fail });
    let muted = c32(pal.text_muted);
    let mut items: Vec<(String, String, egui::Color32)> = Vec::new();
    {
        let mut item = |k: &str, v: String, color: egui::Color32| {
            items.push((k.to_owned(), v, color));
        };
        item(
            &text::hud_labs(),
            format!(
                "{}/{}",
                card.n_completed,
                crate::ledger::analysis::LAB_CHAPTERS.count()
            ),
            c32(pal.text),
        );
        // No labs: a dash in a neutral colour, never a red 0 %.
        if card.n_predictions > 0 {
            let pc = pal.accuracy_color(card.pct_correct);
            item(
                &text::hud_acc(),
                text::t!("percent", value = format!("{:.0}", card.pct_correct)),
                c32(pc),
            );
        } else {
            item(&text::hud_acc(), text::none_yet(), muted);
        }
        if card.n_completed > 0 {
            item(
                &text::hud_weakest(),
                text::invariant_name(card.weakest_invariant),
                c32(pal.warn),
            );
        } else {
            item(&text::hud_weakest(), text::none_yet(), muted);
        }
        let a1 = counted.act1_correct;
        item(
            &text::hud_act1(),
            match a1 {
                Some(true) => text::tr("hud-correct"),
                Some(false) => text::tr("hud-incorrect"),
                None => text::none_yet(),
            },
            a1.map_or(muted, good),
        );
        // Hidden until the reveal: the HUD must not give the answer away.
        let a2 = counted.act2_correct.filter(|_| counted.act2_revealed);
        item(
            &text::hud_act2(),
            match a2 {
                Some(true) => text::tr("hud-correct"),
                Some(false) => text::tr("hud-incorrect"),
                None if counted.act2_correct.is_some() => text::hud_locked(),
                None => text::none_yet(),
            },
            match a2 {
                Some(b) => good(b),
                None => muted,
            },
        );
    }
    items.extend(design_items(c));
    items
}

/// The design's items: P99, cost, the verdict, and whether the ledger holds chapter 16.
fn design_items(c: &Ctx) -> Vec<(String, String, egui::Color32)> {
    let pal = c.pal;
    let r = &c.physics.0;
    // A checked figure: its mark and value, in the colour of the check.
    let checked = |name: String, ok: bool, value: String| {
        let colour = c32(if ok { pal.ok } else { pal.fail });
        (name, format!("{} {value}", text::mark(ok)), colour)
    };
    let verdict = if r.system_valid {
        "hud-valid"
    } else {
        "hud-infeasible"
    };
    let (ledger, colour) = match &c.ledger.save {
        SaveStatus::Saved => (text::tr("hud-saved"), pal.ok),
        SaveStatus::NotYet => (text::tr("hud-not-saved"), pal.text_muted),
        SaveStatus::MemoryOnly(_) => (text::tr("hud-memory-only"), pal.warn),
        SaveStatus::Failed(_) => (text::tr("hud-save-failed"), pal.fail),
    };
    vec![
        checked(
            text::hud_p99(),
            r.slo_latency_ok,
            text::latency(r.cloud_p99_ms),
        ),
        checked(
            text::hud_cost(),
            r.slo_cost_ok,
            text::cost(r.cost_per_req_usd, 5),
        ),
        checked(text::hud_system(), r.system_valid, text::tr(verdict)),
        (text::hud_ledger(), ledger, c32(colour)),
    ]
}

/// The HUD's row: its title, then each item's name and value after a separator. The title
/// gives way when the row would not fit on one line (a laptop in the projector profile).
fn draw(ui: &mut egui::Ui, items: &[(String, String, egui::Color32)], muted: egui::Color32) {
    let small = egui::TextStyle::Small.resolve(ui.style());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width = |t: &str, font: &egui::FontId| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let gap = ui.spacing().item_spacing.x;
    let title = text::tr("hud-lab");
    // Each item: a separator and its two labels, with the spacing between them.
    let row: f32 = items
        .iter()
        .map(|(k, v, _)| width(k, &small) + width(v, &body) + 4.0 * gap + 1.0)
        .sum();
    let show_title = row + width(&title, &body) + gap <= ui.available_width();
    ui.horizontal_wrapped(|ui| {
        if show_title {
            ui.strong(title);
        }
        for (i, (k, v, color)) in items.iter().enumerate() {
            if show_title || i > 0 {
                ui.separator();
            }
            ui.label(egui::RichText::new(k).color(muted).small());
            ui.label(egui::RichText::new(v).color(*color).strong());
        }
    });
}
