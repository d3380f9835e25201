//! Every number a student reads comes from the scenario: the panels, drawn on a bare egui
//! context with a variant scenario (other SLOs, hardware, drift and windows), show its figures
//! and none of the built-in ones.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::physics::scenario::BUILTIN_JSON;
use architects_audit::physics::{Design, PhysicsModel, Scenario, Serving};
use architects_audit::ui::{hud_panel, phase_panel};
use bevy_egui::egui;

use crate::panels::Panels;
use serde_json::{Value, json};

fn variant() -> Scenario {
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    doc["slo"]["p99_ms"] = json!(250);
    doc["slo"]["cost_per_req_usd"] = json!(0.0004);
    doc["slo"]["availability"] = json!(0.995);
    doc["systems"]["dynamic_window_ms"] = json!(35);
    doc["accuracy"]["drift_per_day"] = json!(0.002);
    doc["accuracy"]["accuracy_tile_target"] = json!(0.8);
    doc["hardware"]["cortex-m7"]["sram_kb"] = json!(512);
    doc["hardware"]["h100"]["availability"] = json!(0.98);
    doc["workload"]["output_tokens"] = json!(128);
    Scenario::from_json(&doc.to_string()).unwrap()
}

/// All the text one frame of a panel draws.
fn drawn(sc: &Scenario, phase: Phase, design: Design, model: PhysicsModel) -> String {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: (phase != Phase::Act2Brief).then_some(Act2Choice::TinyOom),
        attempt: None,
    };
    let mut panels = Panels::new(sc.clone(), phase, design, model, preds);
    let mut c = panels.ctx();
    drawn_text(|ui| {
        phase_panel(ui, &mut c);
        hud_panel(ui, &c);
    })
}

/// All the text a panel draws on a bare egui context, 1200 points wide and tall enough for
/// everything. Two frames: the first lays out, the second draws with the sizes it found.
pub fn drawn_text(panel: impl FnMut(&mut egui::Ui)) -> String {
    let mut out = String::new();
    for t in drawn_texts(panel) {
        out.push_str(&t);
        out.push('\n');
    }
    out
}

/// The same, one string per text drawn (a label, a caption of several lines).
pub fn drawn_texts(mut panel: impl FnMut(&mut egui::Ui)) -> Vec<String> {
    let ctx = egui::Context::default();
    architects_audit::ui::fonts::install(&ctx);
    let mut out = Vec::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1200.0, 20000.0),
            )),
            ..Default::default()
        };
        out.clear();
        let full = ctx.run_ui(input, &mut panel);
        for s in full.shapes {
            collect(&s.shape, &mut out);
        }
    }
    out
}

fn collect(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
        _ => {}
    }
}

fn has(text: &str, want: &str) {
    assert!(text.contains(want), "missing {want:?} in:\n{text}");
}

fn lacks(text: &str, unwanted: &str) {
    assert!(
        !text.contains(unwanted),
        "the built-in figure {unwanted:?} shows with a variant scenario:\n{text}"
    );
}

#[test]
fn the_design_panel_reads_its_numbers_from_the_scenario() {
    let sc = variant();
    let design = Design {
        serving: Serving::Dynamic,
        ..Design::default()
    };
    let text = drawn(&sc, Phase::Act2Design, design, PhysicsModel::Systems);
    has(&text, "P99 (SLO < 250 ms)");
    has(&text, "Cost/req (SLO < $0.0004)");
    has(&text, "Availability (SLO 99.5%)");
    has(&text, "Accuracy (target > 80%)");
    has(&text, "gather for 35 ms");
    has(&text, "128-token answer");
    for unwanted in ["100 ms", "$0.001", "99.9%", "> 90%", "20 ms", "256-token"] {
        lacks(&text, unwanted);
    }
}

#[test]
fn the_brief_and_the_banners_read_the_scenario() {
    let sc = variant();
    let brief = drawn(
        &sc,
        Phase::Act2Brief,
        Design::default(),
        PhysicsModel::Systems,
    );
    has(&brief, "under 250 ms");
    has(&brief, "512 KB of SRAM");
    lacks(&brief, "256 KB");
    lacks(&brief, "100 ms");

    // The default design fails the latency SLO and the TinyML SRAM: their banners name the
    // scenario's figures.
    let design = drawn(
        &sc,
        Phase::Act2Design,
        Design::default(),
        PhysicsModel::Systems,
    );
    has(&design, "against the 250 ms SLO");
    has(&design, "512 KB of SRAM");
    lacks(&design, "99.5 % of the time");

    let intro = drawn(&sc, Phase::Intro, Design::default(), PhysicsModel::Systems);
    has(&intro, "P99 < 250 ms · < $0.0004 per request");
    lacks(&intro, "$0.001");
}

#[test]
fn the_reveal_synthesis_uses_the_scenarios_drift() {
    // The synthesis sits in a closed section of the reveal; its text is built from the scenario.
    let text: Vec<String> = architects_audit::text::synthesis(&variant())
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let text = text.join("\n");
    has(&text, "about 0.002 a day");
    has(&text, "30 days costs 6 points, 90 days 18");
    lacks(&text, "0.001 a day");
}

#[test]
fn the_shortcuts_dialog_names_every_key_the_game_binds() {
    // Every `KeyCode::X` in the sources, as the dialog names it (modifiers aside).
    let name = |k: &str| -> Option<String> {
        Some(match k {
            "ShiftLeft" | "ShiftRight" => return None,
            "NumpadEnter" => "Enter".into(),
            "Escape" => "Esc".into(),
            "Slash" => "?".into(),
            "ArrowLeft" => "Left".into(),
            "ArrowRight" => "Right".into(),
            "KeyA" | "KeyB" | "KeyC" | "KeyD" => "A–D".into(),
            k => k.strip_prefix("Key").unwrap_or(k).into(),
        })
    };
    let mut bound = std::collections::BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&p).unwrap();
                for part in src.split("KeyCode::").skip(1) {
                    let k: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
                    if let Some(n) = name(&k) {
                        bound.insert(n);
                    }
                }
            }
        }
    }
    assert!(bound.len() >= 10, "{bound:?}");
    let keys: Vec<String> = architects_audit::text::shortcuts()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let listed = |n: &str| {
        keys.iter().any(|k| {
            k.split([',', '/', ' '])
                .map(str::trim)
                .any(|part| part == n)
        })
    };
    let missing: Vec<_> = bound.iter().filter(|n| !listed(n)).collect();
    assert!(
        missing.is_empty(),
        "keys bound but not in the dialog: {missing:?}"
    );
}
