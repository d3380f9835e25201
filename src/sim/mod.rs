//! The request simulation: pure Rust, seeded, no Bevy. [`des::RequestSim`] simulates every
//! request; the game steps it at the time-speed control's rate and draws its requests as
//! particles, and shows its measured P99 beside the analytic one.

pub mod des;
pub mod events;
pub mod instruments;
pub mod metrics;
mod serving;

pub use des::{Fate, Finished, InFlight, RequestSim, SimConfig, SimEvent};
pub use instruments::{Histogram, Instruments, StripPoint};
pub use metrics::{CloudNow, Measured, WindowReading, percentile};
