//! `simulate`: the live request simulation, headless, beside the model. For each design it
//! runs the simulation the world draws from an empty system, reads it as the Act II
//! instruments do, and prints the simulated P99 and first-token rate with the model's, over
//! the window both are stated for. How an instructor, or a test, checks one against the other.

use std::io::Write;

use serde_json::json;

use super::{design_from_value, each_record};
use crate::physics::{self, PhysicsModel, Scenario};
use crate::sim::{Instruments, RequestSim, SimConfig};

/// Seconds between the instruments' readings (as in the game).
const READ_EVERY_S: f64 = 0.5;

/// Simulate each design for `seconds` (default two observation windows and a half) with
/// `seed`; one JSON line each. Returns the number of bad records.
pub fn run(
    text: impl std::io::BufRead,
    sc: &Scenario,
    seconds: Option<f64>,
    seed: u64,
    out: &mut impl Write,
) -> Result<usize, String> {
    let window = sc.systems.overload_window_s;
    let seconds = seconds.unwrap_or(2.5 * window);
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0) {
        return Err(format!(
            "--seconds must be more than 0 and at most 86400, got {seconds}"
        ));
    }
    let mut err = std::io::stderr().lock();
    each_record(text, "no design given", out, &mut err, |line, v| {
        let d = design_from_value(&v, sc).map_err(|message| super::InputError { line, message })?;
        let r = physics::evaluate(sc, &d, PhysicsModel::Systems);
        let s = r.systems.as_ref().expect("the systems model's report");
        let mut sim = RequestSim::new(
            sc,
            &d,
            &r,
            SimConfig {
                seed,
                ..SimConfig::default()
            },
        );
        let mut inst = Instruments::default();
        let mut t = 0.0;
        while t < seconds {
            let dt = READ_EVERY_S.min(seconds - t);
            sim.advance(dt);
            t += dt;
            inst.record(&sim, sc.slo.p99_ms);
        }
        let last = inst.strip.back().copied();
        Ok(json!({
            "design": d,
            "seconds": seconds,
            "seed": seed,
            "window_s": window,
            "window": if inst.first_window { "first window from empty" } else { "last window (steady state)" },
            "sim_p99_ms": last.map(|p| p.p99_ms),
            "sim_served_rps": last.map(|p| p.served_rps),
            "model_p99_ms": s.cloud_p99_ttft_ms,
            "model_served_rps": if r.cloud_oom { 0.0 } else { r.tier_rps[0].min(s.cloud_capacity_rps) },
        }))
    })
    .map_err(|e| e.to_string())
}
