//! The non-rendering core of the game: the design, the chosen physics model and the physics
//! report as resources, and the messages that change them. Runs headless.

use bevy::prelude::*;

use crate::physics::{self, Design, PhysicsModel, Report, Scenario};

/// The scenario in play.
#[derive(Resource, Debug, Clone)]
pub struct ActiveScenario(pub Scenario);

impl Default for ActiveScenario {
    fn default() -> Self {
        ActiveScenario(Scenario::builtin())
    }
}

/// The student's current design.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct CurrentDesign(pub Design);

/// The physics model in use.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActiveModel(pub PhysicsModel);

/// The physics report for the current design: the single source of numbers for the world
/// and the panels.
#[derive(Resource, Debug, Clone)]
pub struct Physics(pub Report);

/// The Act II answer key under the model and scenario in play (recomputed when either
/// changes): the hardest tier, earned from the model.
#[derive(Resource, Debug, Clone)]
pub struct ActiveAnswerKey(pub physics::answer::AnswerKey);

/// Egui has keyboard focus (the student is typing): world shortcuts stay quiet. The panels
/// report it each frame.
#[derive(Resource, Debug, Default)]
pub struct KeyboardBusy(pub bool);

/// A control has keyboard focus (reached with Tab). Enter and Space press it, so the game's own
/// Enter and Space keys stand aside; the UI reports it each frame.
#[derive(Resource, Debug, Default)]
pub struct ControlFocused(pub bool);

/// What the UI (or a test, or the demo) asks of the design.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum DesignMsg {
    /// Replace the design (the UI edits a copy and sends it back).
    Set(Design),
    /// Switch the physics model.
    SetModel(PhysicsModel),
    /// Reset All: the design back to the seed's defaults. Never touches the ledger.
    Reset,
}

/// Ordering of the core systems within `Update`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum CoreSet {
    /// Apply design messages.
    Apply,
    /// Recompute the physics.
    Compute,
}

/// The core: the design, the physics model and the report, and the systems that keep
/// [`Physics`] current. The scenario and the model in play are the parent's to insert (the
/// built-in scenario and `systems` otherwise).
pub fn plugin(app: &mut App) {
    app.init_resource::<ActiveScenario>()
        .init_resource::<ActiveModel>()
        .init_resource::<KeyboardBusy>()
        .init_resource::<ControlFocused>();
    let design = Design::default();
    let world = app.world();
    let report = physics::evaluate(
        &world.resource::<ActiveScenario>().0,
        &design,
        world.resource::<ActiveModel>().0,
    );
    let key = physics::answer::answer_key(
        &world.resource::<ActiveScenario>().0,
        world.resource::<ActiveModel>().0,
    );
    app.insert_resource(CurrentDesign(design))
        .insert_resource(Physics(report))
        .insert_resource(ActiveAnswerKey(key))
        .add_message::<DesignMsg>()
        .configure_sets(Update, (CoreSet::Apply, CoreSet::Compute).chain())
        .add_systems(Update, apply_design_messages.in_set(CoreSet::Apply))
        .add_systems(
            Update,
            recompute_physics.in_set(CoreSet::Compute).run_if(
                resource_changed::<CurrentDesign>.or_eager(resource_changed::<ActiveModel>),
            ),
        )
        .add_systems(
            Update,
            recompute_answer_key.in_set(CoreSet::Compute).run_if(
                resource_changed::<ActiveModel>.or_eager(resource_changed::<ActiveScenario>),
            ),
        );
}

/// The answer key for the model and scenario in play.
fn recompute_answer_key(
    scenario: Res<ActiveScenario>,
    model: Res<ActiveModel>,
    mut key: ResMut<ActiveAnswerKey>,
) {
    if key.0.model != model.0 || scenario.is_changed() {
        key.0 = physics::answer::answer_key(&scenario.0, model.0);
    }
}

fn apply_design_messages(
    mut msgs: MessageReader<DesignMsg>,
    scenario: Res<ActiveScenario>,
    mut design: ResMut<CurrentDesign>,
    mut model: ResMut<ActiveModel>,
) {
    for msg in msgs.read() {
        match msg {
            DesignMsg::Set(d) => {
                // The UI only offers valid values; anything else is refused, not clamped.
                match d.validate(&scenario.0) {
                    Ok(()) => {
                        design.set_if_neq(CurrentDesign(*d));
                    }
                    Err(e) => warn!("design refused: {e}"),
                }
            }
            DesignMsg::SetModel(m) => {
                model.set_if_neq(ActiveModel(*m));
                // The course's formulas come with the course's GPU slider (1–8): a larger
                // cluster is brought within it, in view on the slider.
                let n = design.0.n_h100.min(*m.gpu_range().end());
                if n != design.0.n_h100 {
                    design.0.n_h100 = n;
                }
            }
            DesignMsg::Reset => {
                design.set_if_neq(CurrentDesign(Design::default()));
            }
        }
    }
}

/// Recompute the report in the same frame as the change (runs after [`CoreSet::Apply`]).
pub fn recompute_physics(
    scenario: Res<ActiveScenario>,
    design: Res<CurrentDesign>,
    model: Res<ActiveModel>,
    mut physics: ResMut<Physics>,
) {
    physics.0 = physics::evaluate(&scenario.0, &design.0, model.0);
}
