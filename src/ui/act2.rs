//! Act II: the brief and its prediction lock, the five design stages with live physics, and
//! the reveal with reflection and takeaways.

use bevy_egui::egui;

use crate::lab::demo::Show;

use super::instruments;
use super::{Ctx, c32, charts, metrics, widgets};
use crate::lab::flow::{Act2Choice, FlowMsg};
use crate::lab::game::DesignMsg;
use crate::physics::{self, Design, PhysicsModel, Quant, Report, Scenario, Serving};
use crate::theme::Palette;
use crate::{text, theme};

pub fn brief(ui: &mut egui::Ui, c: &mut Ctx) {
    let pal = c.pal;
    widgets::phase_heading(ui, text::act2_title());
    let slo = &c.scenario.0.slo;
    let brief = text::t!(
        "act2-brief",
        billions = format!("{:.0}", c.scenario.0.llm().params / 1e9),
        p99 = slo.p99_ms.to_string(),
        cost = slo.cost_per_req_usd.to_string(),
        rps = format!("{:.0}", slo.requests_per_sec),
        availability = format!("{:.1}", slo.availability * 100.0)
    );
    widgets::callout(ui, c32(theme::tier_color(0)), &text::act2_from(), &brief);
    if c.model.0 == PhysicsModel::CourseDraft {
        widgets::callout(
            ui,
            c32(pal.warn),
            "",
            &text::course_draft_note(&c.scenario.0),
        );
    }
    let recs = recommendations(c);
    if !recs.is_empty() {
        widgets::callout(
            ui,
            c32(pal.info),
            &text::act2_recs_title(),
            &recs.join("\n"),
        );
    }
    ui.add(egui::Label::new(text::act2_stages_intro()).wrap());
    ui.separator();
    let options = text::act2_options(&c.scenario.0);
    let labels: Vec<&str> = options.iter().map(String::as_str).collect();
    let picked = widgets::prediction(
        ui,
        &text::act2_question(),
        &Act2Choice::ALL,
        &labels,
        c.pending.act2,
        &text::act2_lock_hint(),
    );
    c.flow.extend(picked.map(FlowMsg::Pick2));
}

/// Lines from labs 10, 13 and 14 of the ledger in play. A lab's value is quoted only when the
/// ledger records that lab; values read as labels ("INT4", "30 days"), never as keys.
fn recommendations(c: &Ctx) -> Vec<String> {
    let chapters = c.ledger.shown_chapters();
    c.ledger
        .shown_card()
        .recommendations
        .iter()
        .map(|r| {
            let v = text::decision_label(&r.value);
            match r.kind {
                "compression" => text::brief_compression(&v),
                "p99" if chapters.contains(&13) => text::brief_p99(
                    r.value.as_f64().unwrap_or(0.0),
                    &text::slo_ms(&c.scenario.0),
                ),
                "p99" => text::brief_p99_missing(&text::slo_ms(&c.scenario.0)),
                _ => text::brief_cadence(&r.value),
            }
        })
        .collect()
}

fn quant_combo(
    ui: &mut egui::Ui,
    sc: &Scenario,
    id: &str,
    label: &str,
    value: &mut Quant,
    options: &[Quant],
) {
    // Beside its label when both fit, else under it; never wider than the panel.
    let row = |ui: &mut egui::Ui| {
        let name = ui.add_sized([LABEL_W, 20.0], egui::Label::new(label));
        egui::ComboBox::from_id_salt(id)
            .selected_text(text::quant_label(*value, sc))
            .width(COMBO_W.min(ui.available_width() - 2.0 * COMBO_ICON))
            .truncate()
            .show_ui(ui, |ui| {
                for q in options {
                    ui.selectable_value(value, *q, text::quant_label(*q, sc));
                }
            })
            // A screen reader names the box by the label beside it.
            .response
            .labelled_by(name.id);
    };
    if ui.available_width() >= LABEL_W + COMBO_W + COMBO_ICON + ui.spacing().item_spacing.x {
        ui.horizontal(row);
    } else {
        ui.vertical(row);
    }
}

/// A design control's label column, a choice box's width and its arrow, in points.
const LABEL_W: f32 = 150.0;
const COMBO_W: f32 = 240.0;
const COMBO_ICON: f32 = 24.0;

fn controls(ui: &mut egui::Ui, c: &mut Ctx) {
    let mut d = c.design.0;
    let m = model_choice(ui, c);
    let sc = &c.scenario.0;
    ui.strong(text::stage_1());
    widgets::slider(
        ui,
        egui::Slider::new(&mut d.n_h100, c.model.0.gpu_range()),
        &text::label_gpus(),
    );
    ui.strong(text::stage_2());
    quantization(ui, sc, &mut d, m);
    ui.strong(text::stage_3());
    for s in Serving::ALL {
        let choice = ui.radio_value(&mut d.serving, s, text::serving_label(s, m, sc));
        widgets::focus_ring(ui, &choice);
    }
    ui.strong(text::stage_4());
    widgets::slider(
        ui,
        egui::Slider::new(&mut d.retrain_cadence_days, physics::CADENCE_RANGE),
        &text::label_cadence(),
    );
    ui.strong(text::stage_5());
    widgets::slider(
        ui,
        egui::Slider::new(&mut d.fairness_threshold_pct, physics::FAIRNESS_RANGE),
        &text::label_fairness(),
    );
    if m == PhysicsModel::Systems {
        tiny(ui, sc, &mut d);
    }
    if ui.button(text::reset_all()).clicked() {
        c.design_msgs.push(DesignMsg::Reset);
    } else if d != c.design.0 {
        c.design_msgs.push(DesignMsg::Set(d));
    }
    if m != c.model.0 {
        c.design_msgs.push(DesignMsg::SetModel(m));
    }
}

/// The physics model's choice, with what the course's formulas mean under it.
fn model_choice(ui: &mut egui::Ui, c: &Ctx) -> PhysicsModel {
    let mut m = c.model.0;
    let row = |ui: &mut egui::Ui| {
        let name = ui.label(text::label_model());
        egui::ComboBox::from_id_salt("model")
            .selected_text(text::model_label(m))
            .width(COMBO_W.min(ui.available_width() - 2.0 * COMBO_ICON))
            .truncate()
            .show_ui(ui, |ui| {
                for pm in PhysicsModel::ALL {
                    ui.selectable_value(&mut m, pm, text::model_label(pm));
                }
            })
            .response
            .labelled_by(name.id);
    };
    if ui.available_width() >= LABEL_W + COMBO_W + COMBO_ICON + ui.spacing().item_spacing.x {
        ui.horizontal(row);
    } else {
        ui.vertical(row);
    }
    // Say what the course's formulas mean before the student designs under them.
    if c.model.0 == PhysicsModel::CourseDraft {
        ui.add(
            egui::Label::new(
                egui::RichText::new(text::course_draft_note(&c.scenario.0))
                    .small()
                    .color(c32(c.pal.warn)),
            )
            .wrap(),
        );
    }
    m
}

/// Stage 2: each tier's weight precision, and the KV cache's under the systems model.
fn quantization(ui: &mut egui::Ui, sc: &Scenario, d: &mut Design, m: PhysicsModel) {
    quant_combo(
        ui,
        sc,
        "qc",
        &text::label_q_cloud(),
        &mut d.quant_cloud,
        &Quant::CLOUD_EDGE,
    );
    quant_combo(
        ui,
        sc,
        "qe",
        &text::label_q_edge(),
        &mut d.quant_edge,
        &Quant::CLOUD_EDGE,
    );
    quant_combo(
        ui,
        sc,
        "qm",
        &text::label_q_mobile(),
        &mut d.quant_mobile,
        &Quant::MOBILE,
    );
    if m == PhysicsModel::Systems {
        quant_combo(ui, sc, "kv", &text::label_kv(), &mut d.kv_quant, &Quant::KV);
    }
}

/// The TinyML model's size and precision (the systems model).
fn tiny(ui: &mut egui::Ui, sc: &Scenario, d: &mut Design) {
    ui.strong(text::stage_tiny());
    let s = &sc.systems;
    widgets::slider(
        ui,
        egui::Slider::new(&mut d.tiny_params, s.tiny_params_min..=s.tiny_params_max)
            .logarithmic(true)
            .custom_formatter(|v, _| text::params(v))
            .custom_parser(text::parse_params),
        &text::label_tiny_params(),
    );
    quant_combo(
        ui,
        sc,
        "tq",
        &text::label_tiny_quant(),
        &mut d.tiny_quant,
        &Quant::TINY,
    );
}

pub fn design(ui: &mut egui::Ui, c: &mut Ctx) {
    widgets::phase_heading(ui, text::act2_title());
    if let Some(p) = c.preds.act2 {
        ui.label(text::t!(
            "locked-answer",
            answer = &text::act2_options(&c.scenario.0)[p.index()]
        ));
    }
    controls(ui, c);
    ui.separator();
    metrics::banners(ui, c);
    metrics::world_in_words(ui, c);
    if let Some(i) = c.instruments {
        let model = instruments::ModelReading {
            // The simulation runs the systems model's cloud; the course's P99 is another quantity.
            p99_ms: c.physics.0.systems.as_ref().map(|s| s.cloud_p99_ttft_ms),
            window_s: c.scenario.0.systems.overload_window_s,
        };
        let at = ui.cursor().min;
        instruments::instruments(ui, i, c.scenario.0.slo.p99_ms, &model, &c.pal);
        if widgets::showing(ui, Show::Instruments) {
            ui.scroll_to_rect(
                egui::Rect::from_min_max(at, ui.cursor().min),
                Some(egui::Align::Min),
            );
        }
    }
    metrics::metrics(ui, c);
    metrics::measured(ui, c);
    ui.separator();
    ui.strong(text::map_title());
    ui.add(egui::Label::new(egui::RichText::new(text::map_explain()).small()).wrap());
    charts::map(ui, &c.physics.0, c.scenario.0.slo.p99_ms, 260.0, &c.pal);
}

pub fn reveal(ui: &mut egui::Ui, c: &mut Ctx) {
    let pal = c.pal;
    widgets::phase_heading(ui, text::act2_title());
    let r = &c.physics.0;
    if let Some(p) = c.preds.act2 {
        verdict(ui, c, p);
    }
    mathpeek(ui, c);
    ui.separator();
    if r.system_valid {
        feasible(ui, r, &pal);
    } else {
        let steps = text::fix_steps()
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1))
            .collect::<Vec<_>>()
            .join("\n");
        widgets::callout(
            ui,
            c32(pal.warn),
            &text::fix_title(),
            &format!("{steps}\n\n{}", text::fix_footer()),
        );
    }
    ui.separator();
    ui.heading(text::takeaways_title());
    for t in text::takeaways() {
        widgets::callout(ui, c32(pal.info), "", &t);
    }
}

/// The locked Act II answer judged: the evidence first, in the student's terms; then what the
/// chosen tier was like.
fn verdict(ui: &mut egui::Ui, c: &Ctx, p: Act2Choice) {
    let (pal, r) = (c.pal, &c.physics.0);
    let correct = c.preds.act2_correct(c.answer_key).unwrap_or(false);
    // The course's sub-model, as the model in play sizes it.
    let submodel_kib = physics::fixes::course_submodel_kib(r, &c.scenario.0);
    widgets::callout(
        ui,
        c32(if correct { pal.ok } else { pal.warn }),
        &if correct {
            text::correct()
        } else {
            text::reassess()
        },
        &format!(
            "{}\n\n{}",
            text::answer_evidence(&c.answer_key.0),
            text::act2_explain(p.index(), &c.scenario.0, &c.answer_key.0, submodel_kib)
        ),
    );
}

/// MathPeek II: the seven invariants' equations with this design's figures.
fn mathpeek(ui: &mut egui::Ui, c: &Ctx) {
    let r = &c.physics.0;
    let open = widgets::showing(ui, Show::Peek);
    widgets::header(ui, &text::mathpeek_act2())
        .default_open(open)
        .show(ui, |ui| {
            for (peek, (_, note)) in physics::peek::math_peek(&c.scenario.0, r)
                .into_iter()
                .zip(text::synthesis(&c.scenario.0))
            {
                let [name, equation, worked] = peek.words();
                ui.strong(name);
                ui.monospace(equation);
                ui.add(egui::Label::new(worked).wrap());
                ui.add(egui::Label::new(egui::RichText::new(note).small()).wrap());
            }
        });
}

/// A design that meets every constraint, summed up.
fn feasible(ui: &mut egui::Ui, r: &Report, pal: &Palette) {
    let d = &r.design;
    let summary = text::t!(
        "feasible-summary",
        gpus = d.n_h100.to_string(),
        cloud = text::quant_name(d.quant_cloud),
        serving = text::serving_name(d.serving),
        edge = text::quant_name(d.quant_edge),
        mobile = text::quant_name(d.quant_mobile),
        tiny = text::assignment_label(&r.tier_assignments.tiny),
        days = d.retrain_cadence_days.to_string(),
        p99 = text::latency(r.cloud_p99_ms),
        cost = text::cost(r.cost_per_req_usd, 6),
        accuracy = format!("{:.1}", r.effective_accuracy * 100.0),
        next = text::feasible_next()
    );
    widgets::callout(ui, c32(pal.ok), &text::feasible_title(), &summary);
}
