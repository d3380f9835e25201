//! The instructor's class view: a class's ledgers summarised on the projector, students
//! stepped through anonymised as "Student 1…N".
//!
//! The view runs on a store in memory ([`crate::LaunchOptions::ledger_config`]): nothing it
//! does reaches any student's stored ledger. File names are shown only when the instructor
//! asks (`--show-names`), since they often carry a student's name.

use bevy::prelude::*;

use crate::lab::game::{ActiveModel, ActiveScenario, CoreSet, CurrentDesign};
use crate::ledger::class::{ClassReport, Student, Unreadable, read_text, summarise};
use crate::physics::Tier;
use crate::physics::{Design, PhysicsModel, Scenario};

/// The class on screen.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ClassView {
    pub report: ClassReport,
    pub students: Vec<Student>,
    pub show_names: bool,
    /// None: the class summary; Some(i): student i + 1.
    pub selected: Option<usize>,
}

impl ClassView {
    pub fn new(students: Vec<Student>, unreadable: Vec<Unreadable>, show_names: bool) -> Self {
        ClassView {
            report: summarise(&students, unreadable),
            students,
            show_names,
            selected: None,
        }
    }

    /// A class from files' text: `(name, text)`, `.jsonl` names holding one ledger a line.
    pub fn from_texts(files: &[(String, String)], show_names: bool) -> Self {
        let mut students = Vec::new();
        let mut unreadable = Vec::new();
        for (name, text) in files {
            let jsonl = name.to_ascii_lowercase().ends_with(".jsonl");
            read_text(name, text, jsonl, &mut students, &mut unreadable);
        }
        ClassView::new(students, unreadable, show_names)
    }

    /// How a student is named on screen: "Student 3", with the file only when asked for.
    pub fn student_label(&self, i: usize) -> String {
        let anon = crate::text::t!("class-student", number = i + 1);
        match self.students.get(i) {
            Some(s) if self.show_names => {
                crate::text::t!("class-student-named", student = anon, source = &s.source)
            }
            _ => anon,
        }
    }

    /// The design the world draws: the selected student's first attempt, under the physics
    /// model it was judged by, when the record holds the whole design and it is valid in the
    /// scenario in play. None on the class summary.
    pub fn drawn(&self, scenario: &Scenario) -> Option<(Design, PhysicsModel)> {
        let c = self.students.get(self.selected?)?.capstone.as_ref()?;
        let design = c.design.to_design()?;
        let model = c
            .design
            .physics_model
            .as_deref()
            .and_then(PhysicsModel::parse)
            .unwrap_or_default();
        design.validate(scenario).ok()?;
        model
            .gpu_range()
            .contains(&design.n_h100)
            .then_some((design, model))
    }

    /// Students per tier named hardest in Act II: cloud, edge, mobile, tiny.
    pub fn hardest_counts(&self) -> [u32; Tier::COUNT] {
        let h = &self.report.chapter16.hardest_tier;
        crate::ledger::analysis::CONTEXTS.map(|c| h.get(c).copied().unwrap_or(0))
    }
}

/// What the class panel asks for.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum ClassMsg {
    /// Back to the class summary.
    Summary,
    Next,
    Previous,
    /// Open the browser's file picker (web only).
    Pick,
    /// Files picked on the web: (name, text).
    Load(Vec<(String, String)>),
}

pub fn plugin(app: &mut App) {
    app.add_message::<ClassMsg>().add_systems(
        Update,
        (
            class_keys.run_if(resource_exists::<ClassView>),
            apply_class_msgs,
            draw_selected
                .run_if(resource_exists_and_changed::<ClassView>)
                .in_set(CoreSet::Apply),
        )
            .chain(),
    );
    #[cfg(target_arch = "wasm32")]
    app.add_systems(
        Startup,
        (|| {
            crate::platform::web::class_input();
        })
        .run_if(resource_exists::<ClassView>),
    )
    .add_systems(Update, picked_files.before(apply_class_msgs));
}

/// Left and right arrows step through the students; Home goes back to the class. A focused
/// control (a slider, the side panel's edge) keeps the arrows for itself.
fn class_keys(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    busy: Res<crate::lab::game::KeyboardBusy>,
    focused: Res<crate::lab::game::ControlFocused>,
    mut out: MessageWriter<ClassMsg>,
) {
    let Some(keys) = keys else { return };
    if busy.0 || focused.0 {
        return;
    }
    for (key, msg) in [
        (KeyCode::ArrowRight, ClassMsg::Next),
        (KeyCode::ArrowLeft, ClassMsg::Previous),
        (KeyCode::Home, ClassMsg::Summary),
    ] {
        if keys.just_pressed(key) {
            out.write(msg);
        }
    }
}

fn apply_class_msgs(
    mut commands: Commands,
    mut msgs: MessageReader<ClassMsg>,
    view: Option<ResMut<ClassView>>,
) {
    let mut view = view;
    for m in msgs.read() {
        match (m, view.as_deref_mut()) {
            (ClassMsg::Load(files), v) => {
                let show = v.as_ref().is_some_and(|v| v.show_names);
                let view = ClassView::from_texts(files, show);
                info!(
                    "class view: {} students, {} unreadable",
                    view.report.n_students,
                    view.report.unreadable.len()
                );
                commands.insert_resource(view);
            }
            (ClassMsg::Pick, _) => {
                #[cfg(target_arch = "wasm32")]
                crate::platform::web::pick_class_files();
            }
            (ClassMsg::Summary, Some(v)) => v.selected = None,
            (ClassMsg::Next, Some(v)) if !v.students.is_empty() => {
                v.selected = Some(v.selected.map_or(0, |i| (i + 1) % v.students.len()));
            }
            (ClassMsg::Previous, Some(v)) if !v.students.is_empty() => {
                let n = v.students.len();
                v.selected = Some(v.selected.map_or(n - 1, |i| (i + n - 1) % n));
            }
            _ => {}
        }
    }
}

/// Stepping to a student puts their design, under their model, into the physics the world
/// draws. The class view runs on a store in memory: nothing here is saved.
fn draw_selected(
    view: Res<ClassView>,
    scenario: Res<ActiveScenario>,
    mut design: ResMut<CurrentDesign>,
    mut model: ResMut<ActiveModel>,
) {
    if let Some((d, m)) = view.drawn(&scenario.0) {
        design.set_if_neq(CurrentDesign(d));
        model.set_if_neq(ActiveModel(m));
    }
}

/// Files the browser's picker has read, handed over as a [`ClassMsg::Load`].
#[cfg(target_arch = "wasm32")]
fn picked_files(mut out: MessageWriter<ClassMsg>) {
    if let Some(files) = crate::platform::web::take_picked_files() {
        out.write(ClassMsg::Load(files));
    }
}
