//! What the world's overlay draws from, and where: the scene read from the world's resources,
//! and the projection from world units to egui points.

use bevy::math::Vec2;
use bevy_egui::egui::{self, Pos2, Rect};

use super::picture::Physical;
use super::tiers::TierView;
use crate::physics::Tier;
use crate::theme::Palette;

/// Everything the overlay draws, read from the world's resources.
pub struct Scene<'a> {
    pub views: &'a [TierView; Tier::COUNT],
    /// Each tier's device, as the scenario names it for the world ([`Hardware::short_name`]).
    ///
    /// [`Hardware::short_name`]: crate::physics::scenario::Hardware::short_name
    pub devices: [&'a str; Tier::COUNT],
    /// Request rates are shown (after the Act II lock, outside the class view).
    pub rates_shown: bool,
    pub picture: Option<&'a Physical>,
    /// Cloud requests waiting now, and those beyond the drawn line.
    pub waiting: [usize; Tier::COUNT],
    pub not_drawn: [usize; Tier::COUNT],
    /// Requests in the cloud's running batches, one entry per replica.
    pub batches: &'a [usize],
    pub pal: Palette,
    /// Seconds, for the all-reduce traffic's motion (held still with reduced motion).
    pub t: f32,
    pub reduced_motion: bool,
    /// Where the student points, or last tapped, in the world: that part's readout opens.
    pub focus: Option<Pos2>,
}

/// Where the world's points land on screen: `at` maps world units to egui points, `unit` is
/// points per world unit.
pub struct Projection<'a> {
    pub at: &'a dyn Fn(Vec2) -> Pos2,
    pub unit: f32,
}

impl Projection<'_> {
    pub(super) fn p(&self, v: Vec2) -> Pos2 {
        (self.at)(v)
    }
    /// A text size in points: `base` world units at the profile's label scale. The text
    /// grows past the drawing when the world is small: the instruments' size ([`SMALL`]) is
    /// never under [`MIN_TEXT`](super::labels::MIN_TEXT) points, the others keep their
    /// proportion to it, and nothing is under it.
    pub fn text(&self, base: f32, pal: &Palette) -> f32 {
        let min = super::labels::MIN_TEXT;
        (base * self.unit.max(min / SMALL)).max(min) * pal.label_scale
    }
    /// The square round a circle of `radius` at `centre`.
    pub(super) fn around(&self, centre: Vec2, radius: f32) -> Rect {
        self.rect(
            centre + Vec2::new(-radius, radius),
            Vec2::splat(2.0 * radius),
        )
    }
    /// A tier's node with its status ring (the thin one: what its readout answers to).
    pub(super) fn node(&self, tier: usize) -> Rect {
        self.around(super::TIER_POS[tier], ring_outer(false))
    }
    /// The users box.
    pub(super) fn source(&self) -> Rect {
        self.around(super::SOURCE_POS, SOURCE_SIZE / 2.0)
    }
    pub(super) fn rect(&self, top_left: Vec2, size: Vec2) -> Rect {
        Rect::from_two_pos(
            self.p(top_left),
            self.p(top_left + Vec2::new(size.x, -size.y)),
        )
    }
}

/// The users box's side.
pub(super) const SOURCE_SIZE: f32 = 90.0;

/// The outer radius of a tier's status ring: thicker in the projector profile.
pub(super) fn ring_outer(projector: bool) -> f32 {
    super::NODE_RADIUS + if projector { 22.0 } else { 14.0 }
}

/// The left edge of the title and the gauge, world units.
pub(super) const TITLE_X: f32 = -340.0;

/// The instruments' text size, world units before the profile's label scale.
pub(super) const SMALL: f32 = 17.0;

/// Logical pixels per world unit when the world has `width` × `height` logical pixels: the
/// whole diagram in view, a little more room in a profile with larger labels.
pub fn fit_unit(width: f32, height: f32, label_scale: f32) -> f32 {
    let half = super::VIEW_HALF * (1.0 + (label_scale - 1.0) * 0.6);
    (width / (half.x * 2.0)).min(height / (half.y * 2.0))
}

/// Where a world point lands in a world area `area` (any screen unit, y down).
pub fn project(area: egui::Rect, label_scale: f32, v: Vec2) -> egui::Pos2 {
    let unit = fit_unit(area.width(), area.height(), label_scale);
    let d = (v - super::VIEW_CENTER) * unit;
    area.center() + egui::vec2(d.x, -d.y)
}
