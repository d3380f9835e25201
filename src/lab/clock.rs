//! The time controls (PhET-style): pause, one step, and the speed of simulated time.

use bevy::prelude::*;

/// PhET-style time controls.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct TimeControls {
    pub paused: bool,
    /// Simulated seconds per real second.
    pub speed: f32,
    /// Advance one frame while paused.
    pub step: bool,
}

impl Default for TimeControls {
    fn default() -> Self {
        TimeControls {
            paused: false,
            speed: 1.0,
            step: false,
        }
    }
}

impl TimeControls {
    /// The speeds on offer, with their names' catalogue keys.
    pub const SPEEDS: [(f32, &'static str); 3] = [
        (0.25, "speed-slow"),
        (1.0, "speed-normal"),
        (4.0, "speed-fast"),
    ];
}

/// Simulated seconds this frame, after the time controls.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct SimDelta(pub f32);

/// One step while paused advances one 60 Hz frame.
const STEP_S: f32 = 1.0 / 60.0;

/// What the time controls ask (the panels and the keyboard send it).
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum TimeMsg {
    TogglePause,
    /// One frame forward while paused.
    Step,
    /// Simulated seconds per real second.
    Speed(f32),
}

pub(crate) fn apply_time_msgs(mut msgs: MessageReader<TimeMsg>, mut tc: ResMut<TimeControls>) {
    for m in msgs.read() {
        match *m {
            TimeMsg::TogglePause => tc.paused = !tc.paused,
            TimeMsg::Step => tc.step = tc.paused,
            TimeMsg::Speed(s) => tc.speed = s,
        }
    }
}

pub(crate) fn advance_clock(
    time: Res<Time>,
    mut tc: ResMut<TimeControls>,
    mut dt: ResMut<SimDelta>,
) {
    dt.0 = if !tc.paused {
        time.delta_secs() * tc.speed
    } else if tc.step {
        tc.step = false;
        STEP_S * tc.speed
    } else {
        0.0
    };
}
