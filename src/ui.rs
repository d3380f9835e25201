//! The egui overlay: the design controls and the live physics panel. The UI reads resources
//! and sends [`DesignMsg`]s; it computes no physics.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::physics::{PhysicsModel, Quant, Serving};
use crate::sim::{ActiveModel, ActiveScenario, CurrentDesign, DesignMsg, Physics};
use crate::text;
use crate::world::UiInsets;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(EguiPrimaryContextPass, panels)
        .add_systems(Update, reset_shortcut);
}

fn reset_shortcut(
    keys: Res<ButtonInput<KeyCode>>,
    mut out: MessageWriter<DesignMsg>,
    mut contexts: EguiContexts,
) {
    let typing = contexts
        .ctx_mut()
        .map(|c| c.egui_wants_keyboard_input())
        .unwrap_or(false);
    if !typing && keys.just_pressed(KeyCode::KeyR) {
        out.write(DesignMsg::Reset);
    }
}

fn quant_combo(ui: &mut egui::Ui, id: &str, label: &str, value: &mut Quant, options: &[Quant]) {
    ui.horizontal(|ui| {
        ui.label(label);
        egui::ComboBox::from_id_salt(id)
            .selected_text(value.as_str().to_uppercase())
            .show_ui(ui, |ui| {
                for q in options {
                    ui.selectable_value(value, *q, q.as_str().to_uppercase());
                }
            });
    });
}

fn color32(c: Color) -> egui::Color32 {
    let s = c.to_srgba();
    egui::Color32::from_rgb(
        (s.red * 255.0) as u8,
        (s.green * 255.0) as u8,
        (s.blue * 255.0) as u8,
    )
}

#[allow(clippy::too_many_arguments)]
fn panels(
    mut contexts: EguiContexts,
    design: Res<CurrentDesign>,
    model: Res<ActiveModel>,
    physics: Res<Physics>,
    scenario: Res<ActiveScenario>,
    mut out: MessageWriter<DesignMsg>,
    mut insets: ResMut<UiInsets>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let r = &physics.0;
    let mut d = design.0;
    let mut m = model.0;
    let ok = color32(crate::theme::OK);
    let fail = color32(crate::theme::FAIL);
    let warn = color32(crate::theme::WARN);

    let bottom = egui::Panel::bottom("hud")
        .show(&mut root, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong("LAB 16 · CAPSTONE");
                ui.separator();
                ui.label("P99");
                ui.colored_label(
                    if r.slo_latency_ok { ok } else { fail },
                    format!("{:.1} ms", r.cloud_p99_ms),
                );
                ui.separator();
                ui.label("Cost");
                ui.colored_label(
                    if r.slo_cost_ok { ok } else { fail },
                    format!("${:.6}/req", r.cost_per_req_usd),
                );
                ui.separator();
                ui.label("System");
                ui.colored_label(
                    if r.system_valid { ok } else { fail },
                    if r.system_valid {
                        "VALID"
                    } else {
                        "INFEASIBLE"
                    },
                );
            });
        })
        .response
        .rect
        .height();

    let left = egui::Panel::left("design")
        .default_size(380.0)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(text::PANEL_DESIGN);
                ui.horizontal(|ui| {
                    ui.label(text::LABEL_MODEL);
                    egui::ComboBox::from_id_salt("model")
                        .selected_text(text::model_label(m))
                        .show_ui(ui, |ui| {
                            for pm in PhysicsModel::ALL {
                                ui.selectable_value(&mut m, pm, text::model_label(pm));
                            }
                        });
                });
                ui.separator();
                ui.strong(text::STAGE_1);
                ui.add(
                    egui::Slider::new(&mut d.n_h100, crate::physics::N_H100_RANGE)
                        .text(text::LABEL_GPUS),
                );
                ui.strong(text::STAGE_2);
                quant_combo(
                    ui,
                    "qc",
                    text::LABEL_Q_CLOUD,
                    &mut d.quant_cloud,
                    &Quant::CLOUD_EDGE,
                );
                quant_combo(
                    ui,
                    "qe",
                    text::LABEL_Q_EDGE,
                    &mut d.quant_edge,
                    &Quant::CLOUD_EDGE,
                );
                quant_combo(
                    ui,
                    "qm",
                    text::LABEL_Q_MOBILE,
                    &mut d.quant_mobile,
                    &Quant::MOBILE,
                );
                if m == PhysicsModel::Systems {
                    quant_combo(ui, "kv", text::LABEL_KV, &mut d.kv_quant, &Quant::KV);
                }
                ui.strong(text::STAGE_3);
                for s in Serving::ALL {
                    ui.radio_value(&mut d.serving, s, text::serving_label(s));
                }
                ui.strong(text::STAGE_4);
                ui.add(
                    egui::Slider::new(&mut d.retrain_cadence_days, crate::physics::CADENCE_RANGE)
                        .text(text::LABEL_CADENCE),
                );
                ui.strong(text::STAGE_5);
                ui.add(
                    egui::Slider::new(
                        &mut d.fairness_threshold_pct,
                        crate::physics::FAIRNESS_RANGE,
                    )
                    .text(text::LABEL_FAIRNESS),
                );
                if m == PhysicsModel::Systems {
                    ui.strong(text::STAGE_TINY);
                    let s = &scenario.0.systems;
                    ui.add(
                        egui::Slider::new(
                            &mut d.tiny_params,
                            s.tiny_params_min..=s.tiny_params_max,
                        )
                        .logarithmic(true)
                        .text(text::LABEL_TINY_PARAMS),
                    );
                    quant_combo(
                        ui,
                        "tq",
                        text::LABEL_TINY_QUANT,
                        &mut d.tiny_quant,
                        &Quant::TINY,
                    );
                }
                if ui.button(text::RESET_ALL).clicked() {
                    out.write(DesignMsg::Reset);
                }
                ui.separator();
                ui.heading(text::PANEL_METRICS);
                egui::Grid::new("trace").striped(true).show(ui, |ui| {
                    for line in &r.trace {
                        ui.strong(&line.law);
                        ui.vertical(|ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&line.formula).monospace())
                                    .wrap(),
                            );
                            ui.label(egui::RichText::new(&line.result).strong());
                        });
                        ui.end_row();
                    }
                });
                ui.separator();
                if r.banners.is_empty() {
                    ui.colored_label(ok, text::ALL_CLEAR);
                }
                for b in &r.banners {
                    let c = if b.is_warning() { warn } else { fail };
                    ui.colored_label(c, format!("■ {}", text::banner_title(*b)));
                }
            });
        })
        .response
        .rect
        .width();

    insets.set_if_neq(UiInsets { left, bottom });
    if d != design.0 {
        out.write(DesignMsg::Set(d));
    }
    if m != model.0 {
        out.write(DesignMsg::SetModel(m));
    }
    Ok(())
}
