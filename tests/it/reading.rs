//! reading: the scenario's reading list before Act I. Each chapter is a link, by title, to the
//! page the scenario names, opened in a new tab; a scenario without a list shows none.

use std::collections::HashMap;

use architects_audit::lab::flow::{Phase, Predictions};
use architects_audit::lab::prefs::Prefs;
use architects_audit::physics::scenario::Reading;
use architects_audit::physics::{Design, PhysicsModel, Scenario};
use architects_audit::text;
use architects_audit::ui::{apply_style, lay_out};
use bevy_egui::egui;
use egui::accesskit::{Node, NodeId, Role};

use crate::panels::Panels;

/// The intro's panels over `frames` passes; each pass gets its own input events. Returns each
/// pass's output.
fn intro(sc: Scenario, frames: Vec<Vec<egui::Event>>) -> Vec<egui::FullOutput> {
    let mut panels = Panels::new(
        sc,
        Phase::Intro,
        Design::default(),
        PhysicsModel::Systems,
        Predictions::default(),
    );
    let mut c = panels.ctx();
    let prefs = Prefs::default();
    let ctx = egui::Context::default();
    apply_style(&ctx, &prefs);
    ctx.enable_accesskit();
    let mut out = Vec::new();
    for events in frames {
        ctx.begin_pass(egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1366.0, 4000.0),
            )),
            events,
            ..Default::default()
        });
        lay_out(&ctx, &mut c, &prefs, None);
        out.push(ctx.end_pass());
    }
    out
}

/// The accessibility tree a pass published, by node.
fn nodes(full: &egui::FullOutput) -> HashMap<NodeId, Node> {
    full.platform_output
        .accesskit_update
        .clone()
        .expect("AccessKit on")
        .nodes
        .into_iter()
        .collect()
}

fn links(full: &egui::FullOutput) -> Vec<(String, egui::Pos2)> {
    nodes(full)
        .values()
        .filter(|n| n.role() == Role::Link)
        .map(|n| {
            let b = n.bounds().expect("a link has bounds");
            let centre = egui::pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32);
            (n.label().unwrap_or_default().to_string(), centre)
        })
        .collect()
}

fn scenario_with(reading: Vec<Reading>) -> Scenario {
    let mut sc = Scenario::builtin();
    sc.reading = reading;
    sc
}

#[test]
fn each_chapter_of_the_reading_list_is_a_link_that_opens_its_page_in_a_new_tab() {
    let reading = vec![
        Reading {
            title: "Chapter one, the first".into(),
            why: "For the first reason.".into(),
            url: "https://example.org/one.html".into(),
        },
        Reading {
            title: "Chapter two, the second".into(),
            why: "For the second reason.".into(),
            url: "https://example.org/two.html#part".into(),
        },
    ];
    let settle = intro(scenario_with(reading.clone()), vec![vec![], vec![]]);
    let found = links(&settle[1]);
    for r in &reading {
        let Some((_, at)) = found.iter().find(|(name, _)| name == &r.title) else {
            panic!("no link named {:?}; links: {found:?}", r.title);
        };
        // Click it: move, press, release.
        let click = vec![
            vec![egui::Event::PointerMoved(*at)],
            vec![egui::Event::PointerButton {
                pos: *at,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            }],
            vec![egui::Event::PointerButton {
                pos: *at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
            vec![],
        ];
        let mut frames = vec![vec![], vec![]];
        frames.extend(click);
        let opened: Vec<egui::OutputCommand> = intro(scenario_with(reading.clone()), frames)
            .into_iter()
            .flat_map(|f| f.platform_output.commands)
            .filter(|c| matches!(c, egui::OutputCommand::OpenUrl(_)))
            .collect();
        assert_eq!(
            opened,
            vec![egui::OutputCommand::OpenUrl(egui::OpenUrl {
                url: r.url.clone(),
                new_tab: true,
            })],
            "clicking {:?}",
            r.title
        );
    }
}

#[test]
fn a_scenario_without_a_reading_list_shows_no_links_and_no_heading() {
    let full = intro(scenario_with(Vec::new()), vec![vec![], vec![]]);
    assert_eq!(links(&full[1]), Vec::new());
    let labels: Vec<String> = nodes(&full[1])
        .values()
        .filter_map(|n| n.label().map(str::to_string))
        .collect();
    assert!(
        !labels.iter().any(|l| l.contains(&text::reading_title())),
        "an empty list still draws its heading"
    );
}

#[test]
fn the_shipped_scenarios_reading_list_names_the_conclusion_chapter() {
    let sc = Scenario::builtin();
    let full = intro(sc.clone(), vec![vec![], vec![]]);
    let names: Vec<String> = links(&full[1]).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names.len(),
        sc.reading.len(),
        "every entry of the shipped list is drawn as a link: {names:?}"
    );
    assert!(
        sc.reading.iter().any(|r| r.title.starts_with("Conclusion")),
        "the notebook cites the conclusion chapter's synthesis and design philosophy"
    );
}
