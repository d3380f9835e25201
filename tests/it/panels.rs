//! The panels' view model for tests that run the panels on a bare egui context: it owns what
//! a [`Ctx`] borrows, for one phase, design and model.

use architects_audit::lab::flow::{PendingChoice, Phase, Predictions};
use architects_audit::lab::game::{
    ActiveAnswerKey, ActiveModel, ActiveScenario, CurrentDesign, Physics,
};
use architects_audit::ledger::Ledger;
use architects_audit::ledger::store::{ImportPreview, LedgerState};
use architects_audit::physics::{self, Design, PhysicsModel, Scenario};
use architects_audit::theme::Palette;
use architects_audit::ui::{Ctx, ImportDraft, SubmitConfirm};

pub struct Panels {
    pub phase: Phase,
    pub pal: Palette,
    design: CurrentDesign,
    model: ActiveModel,
    physics: Physics,
    scenario: ActiveScenario,
    answer_key: ActiveAnswerKey,
    preds: Predictions,
    ledger: LedgerState,
    pending: PendingChoice,
    draft: ImportDraft,
    pub submit: SubmitConfirm,
    /// The live instruments, if the test shows them.
    pub instruments: Option<architects_audit::sim::Instruments>,
    /// An import's preview, if the test shows one.
    pub preview: Option<ImportPreview>,
}

/// The predictions a student has locked on reaching `phase`: Act I's (memory bandwidth) from
/// its report on, Act II's (TinyML) from its design on.
pub fn locked_by(phase: Phase) -> Predictions {
    use architects_audit::lab::flow::{Act1Choice, Act2Choice};
    Predictions {
        act1: (phase != Phase::Act1Predict && phase != Phase::Intro)
            .then_some(Act1Choice::MemoryBw),
        act2: matches!(phase, Phase::Act2Design | Phase::Act2Reveal).then_some(Act2Choice::TinyOom),
        attempt: None,
    }
}

impl Panels {
    /// `phase` of the built-in scenario's default design under the systems model, with the
    /// predictions locked by then.
    pub fn at(phase: Phase) -> Self {
        Panels::new(
            Scenario::builtin(),
            phase,
            Design::default(),
            PhysicsModel::Systems,
            locked_by(phase),
        )
    }

    /// The same, with the strong sample student's ledger in play.
    pub fn with_sample_ledger(self) -> Self {
        let sample =
            architects_audit::ledger::parse_str(include_str!("../../assets/ledgers/strong.json"))
                .expect("the shipped sample reads")
                .ledger;
        self.with_ledger(LedgerState::from_ledger(sample))
    }

    /// `design` evaluated under `model` in `sc`, with `preds` locked, an empty ledger and
    /// nothing pending, in the default profile.
    pub fn new(
        sc: Scenario,
        phase: Phase,
        design: Design,
        model: PhysicsModel,
        preds: Predictions,
    ) -> Self {
        Panels {
            phase,
            pal: Palette::DEFAULT,
            design: CurrentDesign(design),
            model: ActiveModel(model),
            physics: Physics(physics::evaluate(&sc, &design, model)),
            answer_key: ActiveAnswerKey(physics::answer::answer_key(&sc, model)),
            scenario: ActiveScenario(sc),
            preds,
            ledger: LedgerState::from_ledger(Ledger::default()),
            pending: PendingChoice::default(),
            draft: ImportDraft::default(),
            submit: SubmitConfirm::default(),
            instruments: None,
            preview: None,
        }
    }

    /// The same, in the projector profile's palette or the default's.
    pub fn in_profile(mut self, projector: bool) -> Self {
        self.pal = if projector {
            Palette::PROJECTOR
        } else {
            Palette::DEFAULT
        };
        self
    }

    /// The same, with the live instruments after a minute of requests: 200 first tokens of
    /// 1 to 200 ms in the histogram, and 60 s of strip at P99 80 ms and 1000 req/s.
    pub fn with_a_minute_of_instruments(mut self) -> Self {
        use architects_audit::sim::{Histogram, Instruments, StripPoint};
        let mut live = Instruments::default();
        let mut ttfts: Vec<f64> = (1..=200).map(f64::from).collect();
        live.histogram = Histogram::of(&mut ttfts, 24, 200.0);
        live.strip.extend((0..60).map(|t| StripPoint {
            t: f64::from(t),
            p99_ms: 80.0,
            served_rps: 1000.0,
        }));
        self.instruments = Some(live);
        self
    }

    /// The same, with this ledger in play.
    pub fn with_ledger(mut self, ledger: LedgerState) -> Self {
        self.ledger = ledger;
        self
    }

    pub fn ctx(&mut self) -> Ctx<'_> {
        Ctx {
            phase: self.phase,
            measured: None,
            instruments: self.instruments.as_ref(),
            pal: self.pal,
            design: &self.design,
            model: &self.model,
            physics: &self.physics,
            scenario: &self.scenario,
            answer_key: &self.answer_key,
            preds: &self.preds,
            ledger: &self.ledger,
            preview: self.preview.as_ref(),
            course_file: None,
            draft: &mut self.draft,
            submit: &mut self.submit,
            pending: &self.pending,
            flow: Vec::new(),
            design_msgs: Vec::new(),
            ledger_msgs: Vec::new(),
        }
    }
}

impl Panels {
    /// Lay the panels out three times on a `width` × `height` window in `form` (the last pass
    /// is the settled one), styled by `prefs`, with `setup` run on the context after the style:
    /// the settled pass and its layout.
    pub fn laid_out(
        &mut self,
        prefs: &architects_audit::lab::prefs::Prefs,
        width: f32,
        height: f32,
        form: architects_audit::ui::Form,
        setup: impl Fn(&bevy_egui::egui::Context),
    ) -> (bevy_egui::egui::FullOutput, architects_audit::ui::Layout) {
        use architects_audit::ui::{apply_style, lay_out_as};
        use bevy_egui::egui;
        let mut c = self.ctx();
        let ctx = egui::Context::default();
        apply_style(&ctx, prefs);
        setup(&ctx);
        let mut out = None;
        for _ in 0..3 {
            ctx.begin_pass(egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(width, height),
                )),
                ..Default::default()
            });
            let layout = lay_out_as(&ctx, &mut c, prefs, None, form);
            out = Some((ctx.end_pass(), layout));
        }
        out.expect("three passes")
    }

    /// The settled pass in the default preferences, in the window's own form.
    fn settled(
        &mut self,
        width: f32,
        height: f32,
        setup: impl Fn(&bevy_egui::egui::Context),
    ) -> bevy_egui::egui::FullOutput {
        use architects_audit::ui::Form;
        let prefs = architects_audit::lab::prefs::Prefs::default();
        self.laid_out(&prefs, width, height, Form::of(width, height), setup)
            .0
    }

    /// Every label a screen reader reads, a line each, with AccessKit on.
    pub fn labels(&mut self, width: f32, height: f32) -> String {
        use bevy_egui::egui::accesskit::Role;
        self.settled(width, height, |ctx| ctx.enable_accesskit())
            .platform_output
            .accesskit_update
            .expect("AccessKit on")
            .nodes
            .iter()
            .filter(|(_, n)| n.role() == Role::Label)
            .filter_map(|(_, n)| n.label().or(n.value()).map(str::to_string))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every text drawn in the settled pass with where it is drawn.
    pub fn drawn_at(&mut self, width: f32, height: f32) -> Vec<(String, bevy_egui::egui::Rect)> {
        texts_of(&self.settled(width, height, |_| {}))
    }

    /// Every text drawn in the settled pass, one string per laid-out text (a label, a button,
    /// a chart's tick).
    pub fn drawn(&mut self, width: f32, height: f32) -> Vec<String> {
        self.drawn_with(width, height, |_| {})
    }

    /// The same, with `setup` run on the context first (to open a section as a demo marker
    /// does).
    pub fn drawn_with(
        &mut self,
        width: f32,
        height: f32,
        setup: impl Fn(&bevy_egui::egui::Context),
    ) -> Vec<String> {
        texts_of(&self.settled(width, height, setup))
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }
}

/// Every text a pass drew, with its bounds.
fn texts_of(full: &bevy_egui::egui::FullOutput) -> Vec<(String, bevy_egui::egui::Rect)> {
    use bevy_egui::egui;
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(t) => {
                out.push((t.galley.text().to_owned(), t.visual_bounding_rect()))
            }
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut drawn = Vec::new();
    for s in &full.shapes {
        walk(&s.shape, &mut drawn);
    }
    drawn
}

/// The time controls as the game draws them in a `w` × `h` window in `form`, beside a panel
/// `left` wide, in `prefs`'s style (after `setup`, e.g. AccessKit on): the height they take
/// off the world, and the second pass's output (the first lays the bar out).
pub fn time_controls(
    prefs: &architects_audit::lab::prefs::Prefs,
    (w, h): (f32, f32),
    left: f32,
    form: architects_audit::ui::Form,
    setup: impl Fn(&bevy_egui::egui::Context),
) -> (f32, bevy_egui::egui::FullOutput) {
    use bevy_egui::egui;
    let ctx = egui::Context::default();
    architects_audit::ui::apply_style(&ctx, prefs);
    setup(&ctx);
    let pal = if prefs.projector {
        Palette::PROJECTOR
    } else {
        Palette::DEFAULT
    };
    let mut last = None;
    for _ in 0..2 {
        ctx.begin_pass(egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..Default::default()
        });
        let top = architects_audit::ui::overlays::time_controls(
            &ctx,
            left,
            form,
            &architects_audit::lab::live::TimeControls::default(),
            &architects_audit::world::particles::ParticleClock::default(),
            &pal,
            prefs.touch,
        )
        .1;
        last = Some((top, ctx.end_pass()));
    }
    last.expect("two passes")
}
