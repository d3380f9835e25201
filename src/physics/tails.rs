//! The tails the cloud's queueing model uses: Erlang C, the binomial availability, the
//! first window of an overloaded queue, and the 99th percentiles of each serving strategy's
//! own waits.

use super::scenario::SystemsConsts;

/// What one replica's queue admits.
pub struct Admission {
    /// Requests it holds waiting.
    pub bound_r: f64,
    /// The observation window from an empty system, seconds.
    pub window_s: f64,
}

impl Admission {
    /// The wait of a request that finds the queue full, at service rate `mu_r`.
    pub fn full_wait_s(&self, mu_r: f64) -> f64 {
        if mu_r > 0.0 {
            self.bound_r / mu_r
        } else {
            f64::INFINITY
        }
    }
}

/// The tail the SLO checks.
pub const TAIL: f64 = 0.01;

/// Erlang C: probability an arrival waits in an M/M/c queue with offered load `a` erlangs.
pub fn erlang_c(c: f64, a: f64) -> f64 {
    if a <= 0.0 {
        return 0.0;
    }
    if a >= c {
        return 1.0;
    }
    // Erlang B by its stable recurrence, then C from B.
    let mut b = 1.0;
    let n = c as u64;
    for k in 1..=n {
        b = a * b / (k as f64 + a * b);
    }
    let rho = a / c;
    (b / (1.0 - rho * (1.0 - b))).clamp(0.0, 1.0)
}

/// Probability that the units up can carry the demand, when each of `n` independent units is
/// up with probability `p` and carries `per_unit`: P(k × per_unit > demand), k ~ Binomial(n, p).
pub fn binomial_availability(n: u32, p: f64, per_unit: f64, demand: f64) -> f64 {
    use statrs::distribution::{Binomial, DiscreteCDF};
    if demand < 0.0 {
        return 1.0;
    }
    if per_unit <= 0.0 || demand.is_nan() {
        return 0.0;
    }
    // k units carry the demand when k > demand / per_unit, i.e. k > floor(demand / per_unit).
    let most_that_fail = (demand / per_unit).floor();
    if most_that_fail >= n as f64 {
        return 0.0;
    }
    match Binomial::new(p.clamp(0.0, 1.0), u64::from(n)) {
        Ok(d) => d.sf(most_that_fail as u64).clamp(0.0, 1.0),
        Err(_) => 0.0,
    }
}

/// P(M_t > x) for the running maximum M_t of a Brownian motion with drift `d` and variance
/// `var` per unit time (the backlog of a queue started empty): Φc((x - d t) / s) +
/// e^(2 d x / var) Φc((x + d t) / s), s = sqrt(var t).
fn backlog_sf(x: f64, t: f64, d: f64, var: f64) -> f64 {
    use statrs::function::erf::erfc;
    let sd = (var * t).sqrt();
    if sd <= 0.0 {
        return f64::from(d * t > x);
    }
    let phi_c = |z: f64| 0.5 * erfc(z / std::f64::consts::SQRT_2);
    let (z1, z2, a) = ((x - d * t) / sd, (x + d * t) / sd, 2.0 * d * x / var);
    // e^a Φc(z2), in logs once Φc underflows: Φc(z) ≈ φ(z) / z for large z.
    let second = if z2 < 8.0 {
        a.min(700.0).exp() * phi_c(z2)
    } else {
        (a - z2 * z2 / 2.0).exp() / (z2 * (2.0 * std::f64::consts::PI).sqrt())
    };
    (phi_c(z1) + second).clamp(0.0, 1.0)
}

/// The 99th-percentile wait, over one observation window from an empty system, of requests
/// arriving at `lam_r` a second to a replica serving `mu_r`.
///
/// In the heavy-traffic (diffusion) limit the backlog of a queue started empty at time t is the
/// running maximum of its netput: arrivals minus service, drift lam_r - mu_r, variance lam_r
/// per second (Poisson arrivals, near-constant service). A request arriving at t waits
/// backlog / mu_r; arrivals are spread evenly over the window. This holds on either side of
/// saturation: below it, the backlog settles before the window ends; above it, it grows by
/// lam_r - mu_r a second.
pub fn window_wait_p99_s(lam_r: f64, mu_r: f64, c: &SystemsConsts) -> f64 {
    window_backlog_p99_s(lam_r, mu_r, c.overload_window_s)
}

/// [`window_wait_p99_s`] over a window of `window` seconds.
fn window_backlog_p99_s(lam_r: f64, mu_r: f64, window: f64) -> f64 {
    const POINTS: usize = 16;
    if mu_r <= 0.0 {
        return window;
    }
    if lam_r <= 0.0 {
        return 0.0;
    }
    let d = lam_r - mu_r;
    let tail = |backlog: f64| {
        (0..POINTS)
            .map(|i| backlog_sf(backlog, (i as f64 + 0.5) / POINTS as f64 * window, d, lam_r))
            .sum::<f64>()
            / POINTS as f64
    };
    let top = d.max(0.0) * window + 6.0 * (lam_r * window).sqrt();
    tail_quantile(tail, top, 32) / mu_r
}

/// The 99th-percentile wait of the requests served during the first observation window from
/// an empty system, when a replica's arrivals (`lam_r`) outrun its service (`mu_r`).
///
/// The backlog grows at lam_r - mu_r, so a request arriving at time t waits
/// (lam_r - mu_r) t / mu_r, until the backlog reaches what the queue admits; from then on the
/// replica refuses what it cannot hold, and every request it admits waits bound / mu_r.
/// Returns (P99 wait, mean wait) of the served requests.
pub fn overload_wait_s(lam_r: f64, mu_r: f64, adm: &Admission) -> (f64, f64) {
    let window = adm.window_s;
    if mu_r <= 0.0 {
        return (f64::INFINITY, f64::INFINITY);
    }
    let bound = adm.bound_r;
    let growth = (lam_r - mu_r).max(0.0);
    let full_wait = adm.full_wait_s(mu_r);
    let t_full = if growth > 0.0 {
        bound / growth
    } else {
        f64::INFINITY
    };
    if t_full >= window {
        // The bound is never reached: the backlog grows over the window.
        let top = growth * window / mu_r;
        return (
            window_backlog_p99_s(lam_r, mu_r, window).min(full_wait),
            top / 2.0,
        );
    }
    // Served: lam_r t_full requests with waits uniform in [0, full_wait], then
    // mu_r (window - t_full) at full_wait.
    let rising = lam_r * t_full;
    let at_bound = mu_r * (window - t_full);
    let share = at_bound / (rising + at_bound);
    let p99 = if share >= TAIL {
        full_wait
    } else {
        (1.0 - TAIL) / (1.0 - share) * full_wait
    };
    (p99, (1.0 - share) * full_wait / 2.0 + share * full_wait)
}

/// The 99th percentile of the wait for a static batch to fill: the request in position k of a
/// batch of `bs` waits for the bs - k arrivals after it, an Erlang(bs - k, lambda) time.
pub fn static_fill_p99_s(bs: usize, lambda: f64) -> f64 {
    if bs <= 1 || lambda <= 0.0 {
        return 0.0;
    }
    // P(wait > x) over the positions: P(Erlang(k) > x) = e^(-y) sum_{j<k} y^j / j!, y = lambda x,
    // so the mean over k = 0..bs-1 is e^(-y) sum_j (bs - 1 - j) y^j / j! / bs.
    let tail = |x: f64| {
        let y = lambda * x;
        let (mut term, mut sum) = ((-y).exp(), 0.0);
        for j in 0..bs - 1 {
            sum += (bs - 1 - j) as f64 * term;
            term *= y / (j + 1) as f64;
        }
        sum / bs as f64
    };
    tail_quantile(tail, 10.0 * bs as f64 / lambda, 50)
}

/// The smallest x in [0, top] with `tail(x)` <= TAIL (tail decreasing), by `steps` bisections.
fn tail_quantile(tail: impl Fn(f64) -> f64, top: f64, steps: u32) -> f64 {
    let (mut lo, mut hi) = (0.0, top);
    for _ in 0..steps {
        let mid = 0.5 * (lo + hi);
        if tail(mid) > TAIL {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// Continuous batching: the 99th-percentile time from a request's arrival to its first token,
/// with a free slot, for one replica admitting `lam` requests a second.
///
/// A request waits for the running iteration to end, and its prefill rides along the next,
/// which ends with its first token. Each iteration carries the prefills of the requests that
/// arrived during the one before: X' = step + pf x Poisson(lam X), a chain whose stationary
/// mean is m = step / (1 - lam pf) and variance v = pf² lam m / (1 - (lam pf)²). Taking X as
/// Gamma-distributed with those moments, an arrival lands in a length-biased iteration
/// Xb ~ Gamma(k + 1, v / m), k = m² / v, and waits
///   U Xb (the rest of it, U uniform) + step + pf (1 + Poisson(lam Xb)) (its own).
/// The 99th percentile of the random part comes from a Gamma fitted to its mean and variance
/// (Wilson-Hilferty quantile).
pub fn continuous_ttft_p99_s(step: f64, pf: f64, lam: f64) -> f64 {
    const Z99: f64 = 2.326;
    let busy = (lam * pf).min(0.95);
    let m = step / (1.0 - busy);
    let v = pf * pf * lam * m / (1.0 - busy * busy);
    let fixed = step + pf;
    if v <= 0.0 || m <= 0.0 {
        // No prefills in the way: the rest of a constant iteration, then one's own.
        return (1.0 - TAIL) * m + fixed;
    }
    let theta = v / m;
    let k = m / theta;
    let (exb, vxb) = ((k + 1.0) * theta, (k + 1.0) * theta * theta);
    let a = busy;
    let mean = exb * (0.5 + a);
    let var = (vxb + exb * exb) * (1.0 / 3.0 + a + a * a) - mean * mean + pf * pf * lam * exb;
    let (shape, scale) = (mean * mean / var, var / mean);
    let w = 1.0 / (9.0 * shape);
    fixed + shape * scale * (1.0 - w + Z99 * w.sqrt()).powi(3)
}
