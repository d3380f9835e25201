//! What the request simulation reports about single requests: how each ended, those still in
//! flight, and the events the world draws.

/// How a finished request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Served,
    /// The tier is out of memory.
    Failed,
    /// The queue was full.
    Rejected,
}

/// A request still in the system (for drawing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InFlight {
    pub id: u64,
    pub tier: usize,
    pub arrival: f64,
    /// Time of its first token, once known.
    pub first_token: Option<f64>,
    /// Time it finishes, once known.
    pub done: Option<f64>,
}

/// What happened to a request, for drawing (recorded when events are on).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SimEvent {
    Arrived { id: u64, tier: usize, t: f64 },
    FirstToken { id: u64, t: f64 },
    Finished { id: u64, t: f64, fate: Fate },
}

/// A finished request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finished {
    pub id: u64,
    pub tier: usize,
    pub arrival: f64,
    pub ttft: f64,
    pub e2e: f64,
    pub end: f64,
    pub fate: Fate,
}
