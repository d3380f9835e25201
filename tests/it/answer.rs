//! The Act II answer key is earned from the model: the tier with the fewest ways to pass.

use architects_audit::lab::flow::{Act1Choice, Act2Choice, Phase, Predictions};
use architects_audit::physics::answer::answer_key;
use architects_audit::physics::{self, Banner, Design, PhysicsModel, Scenario};

use crate::panels::Panels;

#[test]
fn under_systems_the_cloud_has_the_fewest_ways_to_pass() {
    let sc = Scenario::builtin();
    // Counted here: cloud designs with none of the cloud's own failures.
    let reports = crate::tiers::grid(&sc);
    let total = reports.len() as u32;
    let passing = reports
        .iter()
        .filter(|r| {
            !r.banners.iter().any(|b| {
                matches!(
                    b,
                    Banner::CloudOom
                        | Banner::P99Slo
                        | Banner::ThroughputSlo
                        | Banner::CostSlo
                        | Banner::AvailabilitySlo
                )
            })
        })
        .count() as u32;
    let key = answer_key(&sc, PhysicsModel::Systems);
    assert_eq!((passing, total), (19, 288), "docs/physics.md's count");
    let cloud = key.share("cloud");
    assert_eq!((cloud.passing, cloud.total), (passing, total));
    // Every other tier passes a larger share.
    for t in ["edge", "mobile", "tiny"] {
        let s = key.share(t);
        assert!(
            f64::from(s.passing) / f64::from(s.total) > f64::from(passing) / f64::from(total),
            "{t}: {s:?}"
        );
    }
    assert_eq!(key.hardest, "cloud");
    assert_eq!(key.answer(), Act2Choice::CloudOom.key());
}

#[test]
fn under_the_course_draft_the_answer_is_the_notebooks_tinyml() {
    let sc = Scenario::builtin();
    let key = answer_key(&sc, PhysicsModel::CourseDraft);
    // The course's 10M ternary sub-model never fits: its one design fails.
    assert_eq!(key.share("tiny").passing, 0);
    assert_eq!(key.hardest, "tiny");
    assert_eq!(key.answer(), sc.course_draft.act2_correct_answer);
    // The course's GPU range is 1-8.
    assert_eq!(key.share("cloud").total, 8 * 3 * 2 * 3);
}

/// The labels the reveal reads out under `model`, with `act2` locked.
fn reveal_text(model: PhysicsModel, act2: Act2Choice) -> String {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: Some(act2),
        attempt: None,
    };
    Panels::new(
        Scenario::builtin(),
        Phase::Act2Reveal,
        Design::default(),
        model,
        preds,
    )
    .labels(1366.0, 3000.0)
}

#[test]
fn the_reveal_names_the_tier_its_evidence_shows_and_marks_it_correct() {
    let sc = Scenario::builtin();
    for (model, right, tier) in [
        (PhysicsModel::Systems, Act2Choice::CloudOom, "Cloud"),
        (PhysicsModel::CourseDraft, Act2Choice::TinyOom, "TinyML"),
    ] {
        let key = answer_key(&sc, model);
        let text = reveal_text(model, right);
        assert!(
            text.contains(&format!("the hardest tier is {tier}")),
            "{model:?}: {text}"
        );
        let cloud = key.share("cloud");
        assert!(
            text.contains(&format!(
                "Cloud: {} of {} configurations",
                cloud.passing, cloud.total
            )),
            "{text}"
        );
        assert!(text.contains("Correct."), "{model:?}: {text}");
        let wrong = Act2Choice::ALL.into_iter().find(|c| *c != right).unwrap();
        let text = reveal_text(model, wrong);
        assert!(text.contains("Reassessing."), "{model:?}: {text}");
    }
}

#[test]
fn parameter_counts_read_and_parse_as_people_write_them() {
    use architects_audit::text::{params, parse_params};
    assert_eq!(params(10e6), "10M");
    assert_eq!(params(1e5), "100K");
    assert_eq!(params(53_000.0), "53K");
    assert_eq!(params(1.5e6), "1.5M");
    assert_eq!(parse_params("10M"), Some(10e6));
    assert_eq!(parse_params(" 250k "), Some(250e3));
    assert_eq!(parse_params("120000"), Some(120e3));
    assert_eq!(parse_params("ten"), None);
}

/// The labels the panels of `phase` read out under `model`, for the default design.
fn panel_text(model: PhysicsModel, phase: Phase) -> String {
    let preds = Predictions {
        act1: Some(Act1Choice::MemoryBw),
        act2: (phase != Phase::Act2Brief).then_some(Act2Choice::TinyOom),
        attempt: None,
    };
    Panels::new(Scenario::builtin(), phase, Design::default(), model, preds).labels(1366.0, 4000.0)
}

#[test]
fn the_course_draft_says_what_it_is_and_shows_every_failing_check() {
    use architects_audit::text;
    let sc = Scenario::builtin();
    let r = physics::evaluate(&sc, &Design::default(), PhysicsModel::CourseDraft);
    assert!(!r.slo_tput_ok && !r.banners.contains(&Banner::ThroughputSlo));
    let design = panel_text(PhysicsModel::CourseDraft, Phase::Act2Design);
    // The hidden throughput check has its banner, with the course's numbers.
    assert!(design.contains(&text::course_tput_title()), "{design}");
    assert!(
        design.contains(&text::course_tput_detail(&r, &sc)),
        "{design}"
    );
    // Switching says what it does; the brief says no design can pass.
    assert!(design.contains("1–8"), "{design}");
    let brief = panel_text(PhysicsModel::CourseDraft, Phase::Act2Brief);
    assert!(brief.contains("No design can pass"), "{brief}");
    // The TinyML banner does not send the student to a control this model lacks.
    let tiny = text::banner_detail(Banner::TinySram, &r, &sc);
    assert!(tiny.contains("fixed") && !tiny.contains("100K-parameter keyword spotter fits"));
    // And none of it under systems.
    let systems = panel_text(PhysicsModel::Systems, Phase::Act2Design);
    assert!(!systems.contains(&text::course_tput_title()) && !systems.contains("1–8"));
}

#[test]
fn the_demo_captions_tell_the_truth_under_each_model() {
    use architects_audit::lab::demo::Demo;
    use architects_audit::lab::game::Physics;
    use architects_audit::text::demo_captions;
    for model in PhysicsModel::ALL {
        let mut app = architects_audit::testing::headless_app_with(Scenario::builtin(), model);
        app.insert_resource(Demo::goto("act2-pass"));
        let mut last = None;
        for _ in 0..200 {
            app.update();
            let demo = app.world().resource::<Demo>();
            if demo.reached {
                break;
            }
            last = demo.caption.clone().or(last);
        }
        let valid = app.world().resource::<Physics>().0.system_valid;
        let claims_pass = last == Some(demo_captions()[8].clone());
        assert_eq!(claims_pass, valid, "{model:?}: {last:?}, valid {valid}");
        assert!(last.is_some());
    }
}

#[test]
fn the_clouds_explanation_follows_the_scenarios_model() {
    use architects_audit::text::act2_explain;
    let sc = Scenario::builtin();
    let key = answer_key(&sc, PhysicsModel::Systems);
    // 14 GB of FP16 weights and 4 GB of workspace fit one 80 GB H100.
    assert!(act2_explain(0, &sc, &key, 0.0).contains("not its problem"));
    // 138 GB of a 70B model's FP16 weights do not.
    let mut big = sc.clone();
    big.deployment.llm = "llama-2-70b".into();
    let text = act2_explain(0, &big, &key, 0.0);
    assert!(
        text.contains("cannot hold") && text.contains("Llama-2-70B"),
        "{text}"
    );
}

#[test]
fn each_invariant_names_one_act1_answer_and_each_answer_is_named() {
    use architects_audit::ledger::analysis::ACT1_ANSWER_KEYS;
    use architects_audit::ledger::invariant::Invariant;
    for i in Invariant::ALL {
        assert!(
            ACT1_ANSWER_KEYS.contains(&i.facts().act1_answer),
            "{i:?} names {}, not an Act I answer",
            i.facts().act1_answer
        );
    }
    for a in ACT1_ANSWER_KEYS {
        assert!(
            Invariant::ALL.iter().any(|i| i.facts().act1_answer == a),
            "no invariant makes {a} right"
        );
    }
}
