//! The introduction and Act I: prediction lock, report card, radar, reveal, MathPeek.

use bevy_egui::egui;

use super::{Ctx, c32, charts, widgets};
use crate::lab::flow::{Act1Choice, FlowMsg};
use crate::ledger::analysis::ReportCard;
use crate::ledger::analysis::{CONTEXTS, LAB_CHAPTERS};
use crate::physics::Tier;
use crate::theme::Palette;
use crate::{text, theme};

fn heading(ui: &mut egui::Ui, s: &str) {
    ui.add_space(4.0);
    widgets::phase_heading(ui, s);
}

pub fn intro(ui: &mut egui::Ui, c: &mut Ctx) {
    let pal = c.pal;
    ui.label(egui::RichText::new(text::intro_kicker()).small());
    widgets::phase_heading(ui, egui::RichText::new(text::title()).size(32.0).strong());
    ui.add(egui::Label::new(text::intro_pitch()).wrap());
    ui.add_space(6.0);
    for a in text::intro_acts() {
        ui.label(egui::RichText::new(a).strong());
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        for t in Tier::ALL {
            let item = format!(
                "● {}",
                text::t!(
                    "intro-tier",
                    tier = text::tier_name(t),
                    device = c.scenario.0.say(c.scenario.0.device(t).short_name())
                )
            );
            widgets::keep_whole(ui, &item, &font, 0.0);
            let colour = c32(theme::tier_color(t.index()));
            ui.add(egui::Label::new(egui::RichText::new(item).color(colour)).extend());
        }
    });
    ui.horizontal_wrapped(|ui| {
        let slo = text::slo_line(&c.scenario.0);
        let font = egui::TextStyle::Small.resolve(ui.style());
        for b in text::intro_badges()
            .iter()
            .map(String::as_str)
            .chain([slo.as_str()])
        {
            widgets::keep_whole(ui, b, &font, 18.0);
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, ui.visuals().weak_text_color()))
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(8, 3))
                .show(ui, |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(b).small()).extend())
                });
        }
    });
    let sc = &c.scenario.0;
    if !sc.reading.is_empty() {
        widgets::callout_with(ui, c32(pal.info), &text::reading_title(), |ui| {
            widgets::reading_list(ui, sc)
        });
    }
}

fn message(ui: &mut egui::Ui, from: &str, body: &str) {
    widgets::callout(ui, c32(theme::tier_color(0)), from, body);
}

/// Pick whose ledger Act I reads: the student's own, a sample, or an import.
pub fn predict(ui: &mut egui::Ui, c: &mut Ctx) {
    heading(ui, &text::act1_title());
    message(ui, &text::act1_from(), &text::act1_message());
    ui.add(egui::Label::new(text::act1_context()).wrap());
    ui.separator();
    super::ledger_panel::ledger_source(ui, c);
    ui.separator();
    let picked = widgets::prediction(
        ui,
        &text::act1_question(),
        &Act1Choice::ALL,
        &text::act1_options().each_ref().map(String::as_str),
        c.pending.act1,
        &text::lock_hint(),
    );
    c.flow.extend(picked.map(FlowMsg::Pick1));
}

pub fn report(ui: &mut egui::Ui, c: &mut Ctx) {
    let pal = c.pal;
    heading(ui, &text::act1_title());
    let Some(choice) = c.preds.act1 else {
        return;
    };
    ui.label(format!(
        "{}: {}",
        text::locked(),
        text::act1_options()[choice.index()]
    ));
    ui.separator();
    let card = c.ledger.shown_card();
    if let Some(s) = &c.ledger.sample {
        ui.label(text::t!(
            "reading-sample",
            sample = text::sample_label(&s.name)
        ));
    }
    ui.strong(text::card_title());
    card_tiles(ui, card, &pal);
    card_contexts(ui, card);
    card_diagnosis(ui, card, &pal);
    ui.separator();
    ui.strong(text::radar_title());
    ui.add(egui::Label::new(egui::RichText::new(text::radar_explain()).small()).wrap());
    let size = ui.available_width().min(440.0);
    charts::radar(ui, card, size, &pal);
    ui.horizontal(|ui| {
        ui.colored_label(c32(pal.ok), format!("■ {}", text::radar_accuracy()));
        ui.colored_label(c32(pal.fail), format!("■ {}", text::radar_hits()));
    });
    ui.separator();
    verdict(ui, card, choice, &pal);
}

/// The report card's three tiles: labs done, prediction accuracy, constraint hits.
fn card_tiles(ui: &mut egui::Ui, card: &ReportCard, pal: &Palette) {
    // No labs, no predictions: a dash in a neutral colour, never a red 0 %.
    let labs = card.n_completed > 0;
    let neutral = pal.text_muted;
    let pct_color = if card.n_predictions > 0 {
        pal.accuracy_color(card.pct_correct)
    } else {
        neutral
    };
    let hit_color = if !labs {
        neutral
    } else if card.n_hits > 4 {
        pal.fail
    } else if card.n_hits > 1 {
        pal.warn
    } else {
        pal.ok
    };
    widgets::tiles(ui, |ui| {
        widgets::tile(
            ui,
            &format!("{}/{}", card.n_completed, LAB_CHAPTERS.count()),
            &text::card_labs(),
            c32(pal.info),
        );
        if card.n_predictions > 0 {
            widgets::tile(
                ui,
                &format!("{:.0}%", card.pct_correct),
                &format!(
                    "{} ({}/{})",
                    text::card_accuracy(),
                    card.n_correct,
                    card.n_predictions
                ),
                c32(pct_color),
            );
        } else {
            widgets::tile(
                ui,
                &text::none_yet(),
                &format!("{} ({})", text::card_accuracy(), text::no_labs_yet()),
                c32(pct_color),
            );
        }
        widgets::tile(
            ui,
            &if labs {
                card.n_hits.to_string()
            } else {
                text::none_yet().to_string()
            },
            &text::card_hits(),
            c32(hit_color),
        );
    });
}

/// How many labs were done in each deployment context.
fn card_contexts(ui: &mut egui::Ui, card: &ReportCard) {
    ui.strong(text::card_contexts());
    for (i, ctx) in CONTEXTS.iter().enumerate() {
        let n = card.context_count(ctx);
        let frac = n as f32 / card.n_completed.max(1) as f32;
        ui.horizontal(|ui| {
            ui.add_sized([150.0, 18.0], egui::Label::new(text::context_label(ctx)));
            ui.add(
                egui::ProgressBar::new(frac)
                    .fill(c32(theme::tier_color(i)))
                    .text(n.to_string())
                    .desired_width(ui.available_width().min(260.0)),
            );
        });
    }
}

/// The weakest invariant, where the constraints were hit, and the favourite context.
fn card_diagnosis(ui: &mut egui::Ui, card: &ReportCard, pal: &Palette) {
    let labs = card.n_completed > 0;
    let neutral = pal.text_muted;
    ui.strong(text::card_diagnosis());
    let (hits, hits_color) = if !labs {
        (text::no_labs_yet().to_string(), neutral)
    } else if card.hit_chapters.is_empty() {
        (text::no_failures().to_string(), pal.ok)
    } else {
        let at: Vec<_> = card
            .hit_chapters
            .iter()
            .map(|c| text::t!("lab-number", lab = format!("{c:02}")))
            .collect();
        (at.join(", "), pal.fail)
    };
    let (weakest, weakest_color) = if labs {
        (text::invariant_name(card.weakest_invariant), pal.warn)
    } else {
        (text::no_labs_yet(), neutral)
    };
    let (favourite, favourite_color) = if labs {
        (text::context_label(card.fav_context).to_owned(), pal.info)
    } else {
        (text::no_labs_yet(), neutral)
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", text::card_weakest()));
        ui.colored_label(c32(weakest_color), weakest);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", text::card_failures_at()));
        ui.colored_label(c32(hits_color), hits);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", text::card_favourite()));
        ui.colored_label(c32(favourite_color), favourite);
    });
    if card.is_sparse() {
        widgets::callout(ui, c32(pal.warn), "", &text::card_sparse());
    }
}

/// The reveal: the locked answer judged against the ledger, and the invariants' equations.
fn verdict(ui: &mut egui::Ui, card: &ReportCard, choice: Act1Choice, pal: &Palette) {
    let labs = card.n_completed > 0;
    let correct = choice.key() == card.act1_correct_answer;
    let diagnosis = if card.n_completed > 0 {
        text::t!(
            "diagnosis",
            labs = card.n_completed,
            weakest = text::invariant_name(card.weakest_invariant),
            hits = card.n_hits,
            correct = format!("{:.0}", card.pct_correct)
        )
    } else {
        text::sparse_reading().to_string()
    };
    // With no labs there is nothing to judge the prediction against (the HUD shows "—").
    let (color, title) = match (labs, correct) {
        (false, _) => (pal.info, text::not_judged()),
        (true, true) => (pal.ok, text::confirmed()),
        (true, false) => (pal.warn, text::different()),
    };
    widgets::callout(
        ui,
        c32(color),
        &title,
        &format!("{}\n\n{}", text::act1_explain()[choice.index()], diagnosis),
    );
    widgets::header(ui, &text::mathpeek_act1()).show(ui, |ui| {
        for (name, eq, note) in text::invariant_equations() {
            ui.strong(name);
            ui.monospace(eq);
            ui.add(egui::Label::new(egui::RichText::new(note).small()).wrap());
        }
    });
}
