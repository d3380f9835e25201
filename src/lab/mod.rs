//! The lab itself: the game's state and its messages (`game`), the phases and predictions
//! (`flow`), what is saved to the ledger (`record`), the demo autoplay, the student's
//! preferences and the instructor's class view.

pub mod class_view;
pub mod clock;
pub mod demo;
pub mod flow;
pub mod game;
pub mod live;
pub mod prefs;
pub mod record;
