//! Demo autoplay: the lab plays itself with captions — predictions, a walk from the course's
//! default design through failures to a valid design — then loops. Any key or click hands
//! control back. The same script, run to a marker, drives the screenshot tests. A demo runs on
//! a store in memory, so nothing it does reaches a student's ledger.

use bevy::prelude::*;

use crate::lab::flow::{Act1Choice, Act2Choice, FlowMsg};
use crate::lab::game::DesignMsg;
use crate::ledger::store::LedgerMsg;
use crate::physics::{Design, Quant, Serving};
use crate::text;

/// One thing the demo does.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Flow(FlowMsg),
    Edit(DesignMsg),
    Ledger(LedgerMsg),
    /// A caption of the demo, by its place in [`text::demo_captions`].
    Caption(usize),
    /// A named point in the script (for screenshots).
    Mark(&'static str),
    /// Ask to submit: the confirmation opens, as the button and Enter open it.
    AskSubmit,
}

/// A valid design under `systems`, reached step by step in the script.
pub fn winning_design() -> Design {
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

/// The script: (seconds to wait before the command at normal speed, command).
pub fn script() -> Vec<(f32, Cmd)> {
    let d0 = Design::default();
    let continuous = Design {
        serving: Serving::Continuous,
        ..d0
    };
    let more_gpus = Design {
        n_h100: 12,
        ..continuous
    };
    let int8 = Design {
        quant_cloud: Quant::Int8,
        ..more_gpus
    };
    let kv8 = Design {
        kv_quant: Quant::Int8,
        ..int8
    };
    use Cmd::*;
    vec![
        (0.0, Caption(0)),
        (0.5, Mark("intro")),
        (3.5, Flow(FlowMsg::Begin)),
        (0.5, Caption(1)),
        (
            3.0,
            Ledger(LedgerMsg::ViewSample(Some("memory-wall".into()))),
        ),
        (1.5, Flow(FlowMsg::Pick1(Act1Choice::MemoryBw))),
        (0.0, Mark("act1-lock")),
        (1.5, Flow(FlowMsg::LockAct1(Act1Choice::MemoryBw))),
        (0.5, Caption(2)),
        (0.5, Mark("act1-report")),
        (6.0, Flow(FlowMsg::ToAct2)),
        (0.5, Caption(3)),
        (2.0, Flow(FlowMsg::Pick2(Act2Choice::TinyOom))),
        (0.0, Mark("act2-brief")),
        (2.0, Flow(FlowMsg::LockAct2(Act2Choice::TinyOom))),
        (0.5, Caption(4)),
        (0.5, Mark("act2-fail")),
        (5.0, Edit(DesignMsg::Set(continuous))),
        (0.5, Caption(5)),
        (4.0, Edit(DesignMsg::Set(more_gpus))),
        (0.5, Caption(6)),
        (4.0, Edit(DesignMsg::Set(int8))),
        (4.0, Edit(DesignMsg::Set(kv8))),
        (0.5, Caption(7)),
        (4.0, Edit(DesignMsg::Set(winning_design()))),
        (0.5, Caption(8)),
        (0.5, Mark("act2-pass")),
        (4.0, AskSubmit),
        (0.0, Mark("act2-submit")),
        (2.5, Flow(FlowMsg::Finish)),
        (0.5, Caption(9)),
        (0.5, Mark("act2-reveal")),
        (8.0, Edit(DesignMsg::Reset)),
        (0.0, Ledger(LedgerMsg::ViewSample(None))),
        (0.0, Flow(FlowMsg::NewRun)),
    ]
}

/// What a screenshot at a marker also shows, beyond what the script did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The reveal's worked examples (MathPeek II) open.
    Peek,
    /// The side panel scrolled to the live instruments.
    Instruments,
    /// The student's own (empty) ledger: the script's sample ledger is not opened.
    OwnLedger,
    /// The side panel scrolled to the design's metrics (tier figures and tiles).
    Metrics,
}

impl Show {
    pub const NAMES: [&str; 4] = ["peek", "instruments", "own-ledger", "metrics"];

    pub fn parse(s: &str) -> Option<Show> {
        match s {
            "peek" => Some(Show::Peek),
            "instruments" => Some(Show::Instruments),
            "own-ledger" => Some(Show::OwnLedger),
            "metrics" => Some(Show::Metrics),
            _ => None,
        }
    }

    /// The egui memory key the panels read it from.
    pub const KEY: &str = "demo-show";
}

/// A running demo.
#[derive(Resource, Debug, Clone)]
pub struct Demo {
    pub script: Vec<(f32, Cmd)>,
    pub next: usize,
    pub wait: f32,
    /// Script seconds per real second.
    pub speed: f32,
    pub caption: Option<String>,
    /// Stop at this marker instead of looping (screenshots, tests).
    pub stop_at: Option<String>,
    /// The marker was reached.
    pub reached: bool,
    /// Completed loops.
    pub loops: u32,
    /// What the screenshot at the marker also shows.
    pub show: Option<Show>,
}

impl Demo {
    pub fn autoplay(speed: f32) -> Self {
        Demo {
            script: script(),
            next: 0,
            wait: 0.0,
            speed: speed.max(0.05),
            caption: None,
            stop_at: None,
            reached: false,
            loops: 0,
            show: None,
        }
    }

    /// Run the script as fast as the flow allows (one command a frame), up to `marker`.
    pub fn goto(marker: &str) -> Self {
        Demo {
            stop_at: Some(marker.to_string()),
            ..Demo::autoplay(1.0)
        }
    }

    /// `--goto MARKER [--show WHAT]`: an unknown marker or view is an error naming the known.
    pub fn goto_named(marker: &str, show: Option<&str>) -> Result<Self, String> {
        let known = markers();
        if !known.contains(&marker) {
            return Err(format!(
                "unknown --goto `{marker}`; known: {}",
                known.join(", ")
            ));
        }
        match show {
            None => Ok(Demo::goto(marker)),
            Some(s) => Show::parse(s)
                .map(|w| Demo::goto_showing(marker, w))
                .ok_or_else(|| format!("unknown --show `{s}`; known: {}", Show::NAMES.join(", "))),
        }
    }

    /// The same, also showing `show`.
    pub fn goto_showing(marker: &str, show: Show) -> Self {
        let mut d = Demo::goto(marker);
        if show == Show::OwnLedger {
            d.script
                .retain(|(_, c)| !matches!(c, Cmd::Ledger(LedgerMsg::ViewSample(Some(_)))));
        }
        d.show = Some(show);
        d
    }
}

/// Names of the script's markers.
pub fn markers() -> Vec<&'static str> {
    script()
        .into_iter()
        .filter_map(|(_, c)| match c {
            Cmd::Mark(m) => Some(m),
            _ => None,
        })
        .collect()
}

/// Autoplay, when the parent inserted a [`Demo`].
pub fn plugin(app: &mut App) {
    // Each system checks for the demo itself: hand_back may remove it between the two.
    app.add_systems(
        Update,
        (
            hand_back.run_if(resource_exists::<Demo>),
            run_demo.run_if(resource_exists::<Demo>),
        )
            .chain()
            .before(crate::lab::game::CoreSet::Apply),
    );
}

/// Any key or click ends autoplay (not a marker run): the student's own store is opened and
/// a fresh attempt begins from the introduction.
fn hand_back(
    mut commands: Commands,
    demo: Res<Demo>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mouse: Option<Res<ButtonInput<MouseButton>>>,
    mut flow: MessageWriter<FlowMsg>,
    mut design: MessageWriter<DesignMsg>,
    mut ledger: MessageWriter<LedgerMsg>,
) {
    if demo.stop_at.is_some() {
        return;
    }
    let key = keys.is_some_and(|k| k.get_just_pressed().next().is_some());
    let click = mouse.is_some_and(|m| m.get_just_pressed().next().is_some());
    if key || click {
        commands.remove_resource::<Demo>();
        ledger.write(LedgerMsg::OpenStudentStore);
        design.write(DesignMsg::Reset);
        flow.write(FlowMsg::NewRun);
    }
}

fn run_demo(
    time: Res<Time>,
    mut demo: ResMut<Demo>,
    mut flow: MessageWriter<FlowMsg>,
    mut design: MessageWriter<DesignMsg>,
    mut ledger: MessageWriter<LedgerMsg>,
    (submit, model): (
        Option<ResMut<crate::lab::flow::SubmitConfirm>>,
        Option<Res<crate::lab::game::ActiveModel>>,
    ),
) {
    if demo.reached {
        return;
    }
    // One command a frame at most: a flow transition lands at the start of the next frame,
    // before the next command.
    demo.wait -= time.delta_secs() * demo.speed;
    if demo.wait > 0.0 {
        return;
    }
    if demo.next >= demo.script.len() {
        demo.next = 0;
        demo.loops += 1;
    }
    let (_, cmd) = demo.script[demo.next].clone();
    demo.next += 1;
    // A jump to a marker runs one command a frame, whatever the clock says.
    if let Some((delay, _)) = demo
        .script
        .get(demo.next)
        .filter(|_| demo.stop_at.is_none())
    {
        demo.wait = *delay;
    }
    match cmd {
        Cmd::Flow(m) => {
            flow.write(m);
        }
        Cmd::Edit(m) => {
            design.write(m);
        }
        Cmd::Ledger(m) => {
            ledger.write(m);
        }
        Cmd::Caption(c) => {
            // The captions tell the story of the model in play.
            let m = model.map_or(crate::physics::PhysicsModel::Systems, |m| m.0);
            demo.caption = Some(text::demo_caption(c, m));
        }
        Cmd::AskSubmit => {
            if let Some(mut s) = submit {
                s.open = true;
            }
        }
        Cmd::Mark(m) => {
            if demo.stop_at.as_deref() == Some(m) {
                demo.reached = true;
                demo.caption = None;
            }
        }
    }
}
