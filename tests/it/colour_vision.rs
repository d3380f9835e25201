//! colour_vision: every set of status colours, the particle outcome colours and the tier
//! colours stay distinguishable under simulated protanopia, deuteranopia and tritanopia at
//! full severity (Machado 2009), with CIEDE2000 ΔE ≥ 10 between any two colours of a set and
//! between each and the background it is drawn on, in both profiles.

use architects_audit::theme::colour::{Vision, ciede2000, closest_pair, seen};
use architects_audit::theme::{self, Palette};
use bevy::color::Color;

const MIN_DELTA_E: f64 = 10.0;

fn rgb(c: Color) -> [f64; 3] {
    let s = c.to_srgba();
    [s.red as f64, s.green as f64, s.blue as f64]
}

fn assert_apart(what: &str, colours: &[Color], background: Color) {
    let cs: Vec<[f64; 3]> = colours.iter().map(|c| rgb(*c)).collect();
    let (d, vision, i, j) = closest_pair(&cs, rgb(background));
    assert!(
        d >= MIN_DELTA_E,
        "{what}: colour {i} and {} are ΔE {d:.1} apart under {vision:?}",
        j.map_or("the background".to_string(), |j| format!("colour {j}"))
    );
}

#[test]
fn colour_vision_status_and_particle_colours_stay_apart_in_both_profiles() {
    for pal in [Palette::DEFAULT, Palette::PROJECTOR] {
        let name = if pal.projector {
            "projector"
        } else {
            "default"
        };
        // ok / warn / fail: the rings, the banners, the tiles and the particles' outcomes
        // (on time, late, rejected) are drawn in these on the background.
        assert_apart(
            &format!("{name} status"),
            &[pal.ok, pal.warn, pal.fail],
            pal.background,
        );
    }
}

#[test]
fn colour_vision_tier_colours_stay_apart_on_both_backgrounds() {
    let tiers: Vec<Color> = (0..4).map(theme::tier_color).collect();
    for pal in [Palette::DEFAULT, Palette::PROJECTOR] {
        assert_apart("tier colours", &tiers, pal.background);
    }
}

#[test]
fn colour_vision_model_matches_published_figures() {
    // CIEDE2000 against Sharma, Wu and Dalal (2005), table 1 (pairs 1, 7 and 17).
    for (a, b, want) in [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
    ] {
        let d = ciede2000(a, b);
        assert!((d - want).abs() < 1e-4, "{d} vs {want}");
    }
    // Pure red and pure green, which a deuteranope confuses and anyone else does not.
    let (red, green) = ([1.0, 0.0, 0.0], [0.0, 1.0, 0.0]);
    let apart = |v| ciede2000(seen(red, v), seen(green, v));
    assert!(apart(Vision::Normal) > 50.0);
    assert!(apart(Vision::Deuteranopia) < apart(Vision::Normal) / 2.0);
    // White stays white: the matrices' rows sum to one.
    for v in Vision::ALL {
        let w = seen([1.0, 1.0, 1.0], v);
        assert!(
            (w[0] - 100.0).abs() < 0.1 && w[1].abs() < 0.5 && w[2].abs() < 0.5,
            "{v:?} {w:?}"
        );
    }
}
