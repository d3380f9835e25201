//! The instructor's class view: the class radar and distributions, and each student in turn,
//! anonymised. A function of `(&mut egui::Ui, &ClassView)`, so it draws on a bare context.

use bevy_egui::egui;

use super::{c32, charts};
use crate::lab::class_view::{ClassMsg, ClassView};
use crate::ledger::class::{Answers, ClassReport, Spread};
use crate::ledger::designs::{CHOICES, StudentDesign};
use crate::physics::Scenario;
use crate::text;
use crate::theme::{self, Palette};

/// A horizontal bar of `frac` of its width (nothing drawn at 0), then the count in text.
fn bar(ui: &mut egui::Ui, frac: f32, count: u32, color: egui::Color32) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(220.0, 16.0), egui::Sense::hover());
        let p = ui.painter();
        p.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
        p.rect_stroke(
            rect,
            3.0,
            egui::Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.4)),
            egui::StrokeKind::Inside,
        );
        if frac > 0.0 {
            let mut fill = rect;
            fill.set_width(rect.width() * frac.clamp(0.0, 1.0));
            p.rect_filled(fill, 3.0, color);
        }
        ui.label(egui::RichText::new(count.to_string()).strong());
    });
}

fn bars(ui: &mut egui::Ui, rows: &[(String, u32)], total: u32, color: egui::Color32) {
    let total = total.max(1);
    egui::Grid::new(ui.next_auto_id())
        .num_columns(2)
        .striped(false)
        .show(ui, |ui| {
            for (name, n) in rows {
                ui.label(name);
                bar(ui, *n as f32 / total as f32, *n, color);
                ui.end_row();
            }
        });
}

fn answers(ui: &mut egui::Ui, title: &str, a: &Answers, submitted: u32, color: egui::Color32) {
    ui.label(
        egui::RichText::new(text::t!(
            "class-judged-right",
            title = title,
            correct = a.correct,
            judged = a.judged
        ))
        .strong(),
    );
    let rows: Vec<(String, u32)> = a
        .chosen
        .iter()
        .map(|(k, n)| (text::answer_label(k).to_string(), *n))
        .collect();
    bars(ui, &rows, submitted, color);
}

/// The class summary.
fn summary(ui: &mut egui::Ui, v: &ClassView, pal: &Palette, size: f32) {
    let r = &v.report;
    class_radar(ui, r, pal, size);

    ui.separator();
    ui.heading(text::class_weakest());
    let weakest: Vec<(String, u32)> = r
        .weakest_invariant
        .iter()
        .map(|(k, n)| (text::invariant_name(k), *n))
        .collect();
    ui.label(egui::RichText::new(text::class_counted(r.weakest_counted, r.n_students)).small());
    bars(ui, &weakest, r.weakest_counted, c32(pal.warn));

    ui.separator();
    ui.heading(text::class_labs());
    let labs: Vec<(String, u32)> = r
        .labs_completed
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (text::t!("class-labs-bar", labs = k), *n))
        .collect();
    bars(ui, &labs, r.n_students, c32(pal.info));
    chapter16(ui, r, pal);
}

/// The class's accuracy per invariant: lower quartile, mean and upper quartile.
fn class_radar(ui: &mut egui::Ui, r: &ClassReport, pal: &Palette, size: f32) {
    ui.heading(text::class_radar());
    let names: Vec<String> = r
        .invariants
        .iter()
        .map(|(n, c)| {
            if c.students == 0 {
                text::t!("invariant-no-labs", name = text::invariant_name(n))
            } else {
                text::invariant_name(n)
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let series = |f: fn(&Spread) -> f64| -> Vec<f32> {
        r.invariants
            .values()
            .map(|c| c.accuracy.as_ref().map_or(0.0, |s| f(s) as f32))
            .collect()
    };
    charts::radar_series(
        ui,
        &names,
        &[
            (series(|s| s.q1), c32(pal.info)),
            (series(|s| s.mean), c32(pal.ok)),
            (series(|s| s.q3), c32(pal.info)),
        ],
        size,
    );
    ui.add(egui::Label::new(egui::RichText::new(text::class_radar_key()).small()).wrap());
}

/// Chapter 16: submissions, both acts' answers, and the tier the class found hardest.
fn chapter16(ui: &mut egui::Ui, r: &ClassReport, pal: &Palette) {
    let c = &r.chapter16;
    ui.heading(text::class_ch16());
    ui.label(text::t!(
        "class-ch16-counts",
        submitted = c.submitted,
        valid = c.valid_designs,
        unsubmitted = c.locked_unsubmitted
    ));
    answers(
        ui,
        &text::tr("act1-short"),
        &c.act1,
        c.submitted,
        c32(pal.info),
    );
    answers(
        ui,
        &text::tr("act2-short"),
        &c.act2,
        c.submitted,
        c32(pal.info),
    );
    ui.label(egui::RichText::new(text::class_hardest()).strong());
    let tiers: Vec<(String, u32)> = c
        .hardest_tier
        .iter()
        .map(|(k, n)| (text::tier_label(k), *n))
        .collect();
    egui::Grid::new("hardest").num_columns(2).show(ui, |ui| {
        for (i, (name, n)) in tiers.iter().enumerate() {
            ui.label(
                egui::RichText::new(name)
                    .color(c32(theme::tier_color(i)))
                    .strong(),
            );
            bar(
                ui,
                *n as f32 / c.submitted.max(1) as f32,
                *n,
                c32(theme::tier_color(i)),
            );
            ui.end_row();
        }
    });
}

/// One student, anonymised unless names were asked for.
fn student(ui: &mut egui::Ui, v: &ClassView, i: usize, sc: &Scenario, pal: &Palette, size: f32) {
    let Some(s) = v.students.get(i) else { return };
    ui.heading(text::t!(
        "class-student-of",
        student = v.student_label(i),
        students = v.students.len()
    ));
    let card = &s.card;
    if card.n_completed > 0 {
        ui.label(text::t!(
            "class-student-card",
            labs = card.n_completed,
            correct = format!("{:.0}", card.pct_correct),
            weakest = text::invariant_name(card.weakest_invariant)
        ));
        charts::radar(ui, card, size, pal);
    } else {
        // No labs: nothing to draw, and no made-up 50 %.
        ui.label(egui::RichText::new(text::no_labs_yet()).color(c32(pal.text_muted)));
    }
    ui.separator();
    ui.heading(text::class_ch16());
    match &s.capstone {
        None => {
            ui.label(text::class_no_ch16());
        }
        Some(c) => {
            let judged = |j: Option<bool>| {
                text::tr(match j {
                    Some(true) => "judged-right",
                    Some(false) => "judged-wrong",
                    None => "judged-not",
                })
            };
            fn answer(a: &Option<String>) -> String {
                a.as_deref()
                    .map_or_else(|| text::tr("answer-none"), text::answer_label)
            }
            ui.label(text::class_act(
                1,
                &answer(&c.act1_prediction),
                &judged(c.act1_correct),
            ));
            ui.label(text::class_act(
                2,
                &answer(&c.act2_prediction),
                &judged(c.act2_correct),
            ));
            ui.label(text::tr(if c.system_valid {
                "class-design-valid"
            } else {
                "class-design-invalid"
            }));
            design(ui, v, &c.design, sc, pal);
        }
    }
}

/// A student's design: each choice, what failed, and whether the world draws it.
fn design(ui: &mut egui::Ui, v: &ClassView, d: &StudentDesign, sc: &Scenario, pal: &Palette) {
    use crate::text::choice_value_label as value_label;
    ui.label(egui::RichText::new(text::class_design()).strong());
    egui::Grid::new("student-design")
        .num_columns(2)
        .show(ui, |ui| {
            for ((key, value), (_, name)) in d.choices().into_iter().zip(CHOICES) {
                ui.label(text::tr(name));
                ui.label(value_label(key, &value));
                ui.end_row();
            }
            ui.label(text::class_failed());
            ui.colored_label(
                c32(if d.passed { pal.ok } else { pal.fail }),
                text::failed_label(d),
            );
            ui.end_row();
        });
    match v.drawn(sc).map(|(_, m)| m) {
        Some(m) => ui.label(format!(
            "{} {}",
            text::class_drawn(),
            crate::text::model_label(m)
        )),
        None => {
            ui.add(egui::Label::new(egui::RichText::new(text::class_not_drawn()).small()).wrap())
        }
    };
}

/// The class panel. Returns what the instructor asked for.
pub fn class_panel(
    ui: &mut egui::Ui,
    v: &ClassView,
    sc: &Scenario,
    pal: &Palette,
) -> Vec<ClassMsg> {
    let mut out = Vec::new();
    ui.heading(egui::RichText::new(text::class_title()).size(28.0).strong());
    let r = &v.report;
    ui.label(text::t!(
        "class-students-skipped",
        students = r.n_students,
        skipped = r.unreadable.len()
    ));
    if v.show_names {
        for u in &r.unreadable {
            ui.colored_label(c32(pal.warn), format!("{}: {}", u.file, u.reason));
        }
    } else if !r.unreadable.is_empty() && !cfg!(target_arch = "wasm32") {
        ui.label(egui::RichText::new(text::class_names_hidden()).small());
    }
    if cfg!(target_arch = "wasm32") && ui.button(text::class_open()).clicked() {
        out.push(ClassMsg::Pick);
    }
    if v.students.is_empty() {
        ui.add(egui::Label::new(text::class_none()).wrap());
        return out;
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(text::class_prev()).clicked() {
            out.push(ClassMsg::Previous);
        }
        if ui
            .selectable_label(v.selected.is_none(), text::class_summary())
            .clicked()
        {
            out.push(ClassMsg::Summary);
        }
        if ui.button(text::class_next()).clicked() {
            out.push(ClassMsg::Next);
        }
    });
    ui.label(egui::RichText::new(text::class_keys()).small());
    ui.separator();
    let size = ui.available_width().min(460.0);
    match v.selected {
        None => summary(ui, v, pal, size),
        Some(i) => student(ui, v, i, sc, pal, size),
    }
    out
}
