//! The web build's URL options.

use architects_audit::physics::PhysicsModel;
use architects_audit::platform::web::parse_params;

#[test]
fn url_options_are_read_and_bad_ones_ignored_with_a_warning() {
    let markers = architects_audit::lab::demo::markers();
    let (o, w) = parse_params(
        [
            ("projector", "1"),
            ("scale", "1.5"),
            ("model", "course-draft"),
            ("demo", "1"),
            ("lang", "zh-CN"),
            ("goto", "act2-pass"),
        ],
        &markers,
    );
    assert_eq!(o.goto.as_deref(), Some("act2-pass"));
    assert_eq!(o.lang, Some(architects_audit::text::Lang::Zh));
    assert_eq!(o.projector, Some(true));
    assert_eq!(o.scale, Some(1.5));
    assert_eq!(o.model, Some(PhysicsModel::CourseDraft));
    assert!(o.demo);
    assert!(w.is_empty());

    let (o, w) = parse_params(
        [
            ("projector", "maybe"),
            ("scale", "9"),
            ("model", "magic"),
            ("colour", "red"),
            ("demo", ""),
            ("lang", "klingon"),
            ("goto", "the-end"),
        ],
        &markers,
    );
    assert_eq!(o, Default::default());
    assert_eq!(w.len(), 7, "{w:?}");
    assert!(
        w.iter()
            .any(|m| m.contains("goto=the-end") && m.contains("act2-pass"))
    );
    assert!(
        w.iter()
            .any(|m| m.contains("lang=klingon") && m.contains("zh-CN"))
    );
    assert!(w.iter().any(|m| m.contains("scale=9")));
    assert!(
        w.iter()
            .any(|m| m.contains("colour=red") && m.contains("unknown"))
    );
    assert_eq!(
        parse_params(Vec::<(&str, &str)>::new(), &markers).1.len(),
        0
    );
}
