//! What the world's overlay draws from, and where: the scene read from the world's resources,
//! and the projection from world units to egui points.

use bevy::math::Vec2;
use bevy_egui::egui::{Pos2, Rect};

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
    pub(super) fn rect(&self, top_left: Vec2, size: Vec2) -> Rect {
        Rect::from_two_pos(
            self.p(top_left),
            self.p(top_left + Vec2::new(size.x, -size.y)),
        )
    }
}

/// The instruments' text size, world units before the profile's label scale.
pub(super) const SMALL: f32 = 17.0;
