//! No data is shown as no data: a dash or "no labs yet" in a neutral colour, never a red 0 %.

use architects_audit::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::physics::{Design, PhysicsModel, Quant, Scenario, Serving};
use architects_audit::prefs::Prefs;
use architects_audit::text;
use architects_audit::theme::Palette;
use architects_audit::ui::{apply_style, c32 as c32_of, lay_out};
use bevy_egui::egui;

use crate::panels::Panels;

/// Every colour the pass drew, as the GPU would get it (tessellated vertices).
fn drawn_colours(phase: Phase, design: Design, pal: Palette) -> Vec<egui::Color32> {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: Some(Act2Choice::TinyOom),
        attempt: None,
    };
    let mut panels = Panels::new(
        Scenario::builtin(),
        phase,
        design,
        PhysicsModel::Systems,
        preds,
    );
    panels.pal = pal;
    let mut c = panels.ctx();
    let ctx = egui::Context::default();
    let prefs = Prefs::default();
    apply_style(&ctx, &prefs);
    let mut out = Vec::new();
    for _ in 0..2 {
        ctx.begin_pass(egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1366.0, 768.0),
            )),
            ..Default::default()
        });
        lay_out(&ctx, &mut c, &prefs, None);
        let full = ctx.end_pass();
        out = ctx
            .tessellate(full.shapes, full.pixels_per_point)
            .into_iter()
            .filter_map(|p| match p.primitive {
                egui::epaint::Primitive::Mesh(m) => Some(m.vertices),
                _ => None,
            })
            .flatten()
            .map(|v| v.color)
            .collect();
    }
    out
}

fn passing() -> Design {
    Design {
        n_h100: 12,
        quant_cloud: Quant::Int8,
        kv_quant: Quant::Int8,
        serving: Serving::Continuous,
        tiny_params: 1e5,
        tiny_quant: Quant::Int8,
        ..Design::default()
    }
}

#[test]
fn an_empty_ledger_draws_no_red() {
    // The report card (Act I) and the HUD over a passing design (Act II): with no labs,
    // nothing is red. A passing design is all green, so red could only come from the ledger.
    for pal in [Palette::DEFAULT, Palette::PROJECTOR] {
        let red = c32_of(pal.fail);
        for phase in [Phase::Act1Report, Phase::Act2Design] {
            let colours = drawn_colours(phase, passing(), pal);
            assert!(!colours.is_empty());
            let n = colours.iter().filter(|c| **c == red).count();
            assert_eq!(n, 0, "{phase:?}: {n} red vertices with an empty ledger");
        }
    }
    // The check sees red where there is red: a failing design's banners.
    let red = c32_of(Palette::DEFAULT.fail);
    let colours = drawn_colours(Phase::Act2Design, Design::default(), Palette::DEFAULT);
    assert!(colours.contains(&red), "the check cannot see red");
    assert!(!text::NONE_YET.is_empty());
}
