//! A fault-injection point for the crash tests: with `ARCHITECTS_AUDIT_FAULT_AT=N` in the
//! environment, the process aborts (no destructor runs, no file is closed cleanly, as under
//! `kill -9`) at the N-th point it reaches. Points sit before and after every write to the
//! store (each one atomic commit) and every rename of a store file, so a test that walks N
//! from 1 up kills an operation between each pair of its durable steps. Without the variable
//! a point costs one relaxed atomic load.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The environment variable read once, at the first point.
pub const ENV: &str = "ARCHITECTS_AUDIT_FAULT_AT";

static AT: OnceLock<Option<u64>> = OnceLock::new();
static REACHED: AtomicU64 = AtomicU64::new(0);

/// A point between two durable steps.
pub fn point() {
    let at = *AT.get_or_init(|| std::env::var(ENV).ok().and_then(|v| v.parse().ok()));
    if let Some(at) = at {
        let n = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
        if n == at {
            eprintln!("{ENV}: aborting at point {n}");
            std::process::abort();
        }
    }
}

/// How many points this process has reached (while injection is on).
pub fn reached() -> u64 {
    REACHED.load(Ordering::SeqCst)
}
