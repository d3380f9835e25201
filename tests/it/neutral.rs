//! No data is shown as no data: a dash or "no labs yet" in a neutral colour, never a red 0 %.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::{Design, PhysicsModel, Scenario};
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

/// A design that passes: the demo's.
fn passing() -> Design {
    architects_audit::lab::demo::winning_design()
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
    assert!(!text::none_yet().is_empty());
}

/// The labels the Act II brief reads out, with `ledger` in play.
fn brief_text(ledger: architects_audit::ledger::store::LedgerState) -> String {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: None,
        attempt: None,
    };
    Panels::new(
        Scenario::builtin(),
        Phase::Act2Brief,
        Design::default(),
        PhysicsModel::Systems,
        preds,
    )
    .with_ledger(ledger)
    .labels(1366.0, 2000.0)
}

#[test]
fn the_brief_quotes_only_what_the_ledger_records_and_reads_labels() {
    use architects_audit::ledger::Ledger;
    use architects_audit::ledger::store::LedgerState;
    // No ledger: no made-up P99 from Lab 13.
    let empty = brief_text(LedgerState::from_ledger(Ledger::default()));
    assert!(!empty.contains("your P99 was"), "{empty}");
    assert!(empty.contains("Lab 13 is not in this ledger"), "{empty}");
    // A sample ledger's decisions read as labels, not keys.
    let mut sample = LedgerState::from_ledger(Ledger::default());
    sample.view_sample(Some("memory-wall"));
    assert!(sample.sample.is_some());
    let text = brief_text(sample);
    assert!(text.contains("INT4 compression"), "{text}");
    assert!(text.contains("30 days"), "{text}");
    assert!(
        !text.contains("int4") && !text.contains("30_days"),
        "{text}"
    );
}
