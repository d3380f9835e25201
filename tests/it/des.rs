//! The request simulation against the analytic model, and its bounds.

use architects_audit::physics::{self, Design, PhysicsModel, Quant, Scenario, Serving};
use architects_audit::sim::Fate;
use architects_audit::sim::{RequestSim, SimConfig};

fn scenario_at(rps: f64) -> Scenario {
    let mut sc = Scenario::builtin();
    sc.slo.requests_per_sec = rps;
    sc
}

fn continuous(n: u32, q: Quant, kv: Quant) -> Design {
    Design {
        n_h100: n,
        quant_cloud: q,
        kv_quant: kv,
        serving: Serving::Continuous,
        ..Design::default()
    }
}

/// Run long with a fixed seed and return (simulated P99 TTFT, analytic P99 TTFT, rho), ms.
fn compare(sc: &Scenario, d: &Design, seconds: f64) -> (f64, f64, f64) {
    let r = physics::evaluate(sc, d, PhysicsModel::Systems);
    let s = r.systems.as_ref().unwrap();
    let mut sim = RequestSim::new(
        sc,
        d,
        &r,
        SimConfig {
            record_all: true,
            ..SimConfig::default()
        },
    );
    // Warm up, then measure.
    sim.advance(20.0);
    sim.cloud_ttfts.clear();
    let dt = 1.0 / 60.0;
    let steps = (seconds / dt) as usize;
    for _ in 0..steps {
        sim.advance(dt);
    }
    let mut v = std::mem::take(&mut sim.cloud_ttfts);
    assert!(v.len() > 10_000, "enough requests measured: {}", v.len());
    let p99 = architects_audit::sim::percentile(&mut v, 0.99) * 1e3;
    (p99, s.cloud_p99_ttft_ms, s.cloud_utilization)
}

#[test]
fn simulated_p99_ttft_agrees_with_the_analytic_model() {
    let cases = [
        (600.0, continuous(8, Quant::Int8, Quant::Int8)), // near the game's winning design
        (400.0, continuous(8, Quant::Int8, Quant::Fp16)),
        (300.0, continuous(6, Quant::Fp16, Quant::Int8)),
        (150.0, continuous(2, Quant::Int8, Quant::Int8)),
        (900.0, continuous(8, Quant::Int8, Quant::Int8)),
    ];
    let mut checked = 0;
    for (rps, d) in cases {
        let sc = scenario_at(rps);
        let (sim, analytic, rho) = compare(&sc, &d, 120.0);
        println!(
            "{rps} req/s {d:?}: rho {rho:.2}, simulated P99 TTFT {sim:.2} ms, analytic {analytic:.2} ms"
        );
        if rho <= 0.8 {
            assert!(
                (sim - analytic).abs() <= 0.15 * analytic,
                "rho {rho:.2}: simulated {sim:.2} ms vs analytic {analytic:.2} ms"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "at least three designs at rho <= 0.8 ({checked})"
    );
}

#[test]
fn in_flight_and_memory_stay_bounded_under_overload() {
    // One simulated hour at maximum load on the course's default design (overloaded).
    let sc = Scenario::builtin();
    let d = Design::default();
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    let cfg = SimConfig::default();
    let mut sim = RequestSim::new(&sc, &d, &r, cfg);
    let bound = sc.systems.queue_bound as usize * sim.cloud().replicas as usize
        + sim.cloud().max_batch as usize * sim.cloud().replicas as usize
        // Device tiers: rate x latency, with room for Poisson noise.
        + ((r.tier_rps[1] * r.edge_p99_ms + r.tier_rps[2] * r.mobile_p99_ms + r.tier_rps[3] * r.tiny_p99_ms) / 1e3 * 1.2) as usize
        + 200;
    let mut peak = 0;
    for _ in 0..3600 {
        sim.advance(1.0);
        peak = peak.max(sim.in_flight());
        assert!(
            sim.finished().count() < 1000 * 40,
            "the rolling window stays bounded"
        );
    }
    assert!(peak <= bound, "peak in flight {peak} > bound {bound}");
    assert!(
        sim.rejected > 0,
        "an overloaded cloud rejects beyond the queue bound"
    );
    let m = sim.measured();
    assert!(m.rejected > 0);
    assert!(
        m.ttft_p99_ms > 1000.0,
        "overload shows in the measured tail: {m:?}"
    );
}

#[test]
fn the_requests_drawn_in_flight_agree_with_the_requests_finished() {
    // Little's law across two separate records of the simulation: L sampled from the requests
    // it reports in flight (what the world draws), and lambda and W from the requests it
    // reports finished. A request lost from a queue, or one drawn after it left, breaks it.
    let sc = scenario_at(600.0);
    let d = continuous(8, Quant::Int8, Quant::Int8);
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    // Keep a minute of finished requests: the window sampled, and the time its last ones take.
    let cfg = SimConfig {
        window_s: 60.0,
        ..SimConfig::default()
    };
    let window = 30.0;
    let mut sim = RequestSim::new(&sc, &d, &r, cfg);
    let dt = 1.0 / 60.0;
    for _ in 0..(30.0 / dt) as usize {
        sim.advance(dt);
    }
    // Sample the cloud's requests in flight over the next window.
    let start = sim.now;
    let (mut sum, mut samples) = (0.0, 0);
    for _ in 0..(window / dt) as usize {
        sim.advance(dt);
        let mut n = 0;
        sim.for_each_in_flight(|f| n += usize::from(f.tier == 0));
        sum += n as f64;
        samples += 1;
    }
    let l = sum / samples as f64;
    // Let the requests that arrived in the window finish, then count them.
    sim.advance(10.0);
    let end = start + window;
    let served: Vec<_> = sim
        .finished()
        .filter(|f| f.tier == 0 && f.fate == Fate::Served && f.arrival >= start && f.arrival < end)
        .collect();
    let lambda = served.len() as f64 / window;
    let w = served.iter().map(|f| f.e2e).sum::<f64>() / served.len() as f64;
    // The cloud carries 60 % of the 600 req/s.
    assert!((340.0..380.0).contains(&lambda), "lambda {lambda}");
    let rel = (l - lambda * w).abs() / (lambda * w);
    assert!(
        rel < 0.05,
        "L = {l:.1} drawn vs lambda W = {:.1}",
        lambda * w
    );
}

#[test]
fn out_of_memory_tiers_fail_their_requests_and_runs_are_reproducible() {
    let sc = Scenario::builtin();
    let d = Design {
        quant_edge: Quant::Fp16,
        ..Design::default()
    };
    let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
    assert!(r.edge_oom && r.tiny_oom);
    let run = || {
        let mut sim = RequestSim::new(&sc, &d, &r, SimConfig::default());
        sim.advance(5.0);
        (sim.failed, sim.measured().completed)
    };
    let (failed, completed) = run();
    // Edge (250/s) and TinyML (10/s) fail for 5 s: about 1300 requests.
    assert!((1100..1500).contains(&failed), "{failed}");
    assert_eq!(
        run(),
        (failed, completed),
        "the same seed gives the same run"
    );
}

#[test]
fn every_policy_serves_requests() {
    for serving in [Serving::Static, Serving::Dynamic, Serving::Continuous] {
        let sc = scenario_at(300.0);
        let d = Design {
            n_h100: 8,
            quant_cloud: Quant::Int8,
            serving,
            ..Design::default()
        };
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let mut sim = RequestSim::new(&sc, &d, &r, SimConfig::default());
        for _ in 0..30 * 60 {
            sim.advance(1.0 / 60.0);
        }
        let m = sim.measured();
        assert!(m.completed > 1000, "{serving:?}: {m:?}");
        assert!(
            m.ttft_p99_ms > 0.0 && m.e2e_p99_ms >= m.ttft_p99_ms,
            "{serving:?}: {m:?}"
        );
        if serving != Serving::Continuous {
            assert!(
                m.ttft_p99_ms > 100.0,
                "{serving:?} batching cannot meet 100 ms: {m:?}"
            );
        }
    }
}

/// The built-in scenario with its load scaled so that `d` runs the cloud at utilisation `rho`.
fn at_utilisation(d: &Design, rho: f64) -> Scenario {
    let sc = Scenario::builtin();
    let r = physics::evaluate(&sc, d, PhysicsModel::Systems);
    scenario_at(sc.slo.requests_per_sec * rho / r.systems.unwrap().cloud_utilization)
}

/// The worst relative disagreement between simulated and analytic P99 over every strategy,
/// each design and each load; `measure` gives (simulated ms, analytic ms, utilisation).
fn worst_disagreement(
    designs: &[(u32, Quant, Quant)],
    loads: &[f64],
    measure: impl Fn(&Scenario, &Design) -> (f64, f64, f64),
) -> f64 {
    let mut worst: f64 = 0.0;
    let mut lines = Vec::new();
    for serving in Serving::ALL {
        for &(n, q, kv) in designs {
            let d = Design {
                serving,
                ..continuous(n, q, kv)
            };
            for &rho in loads {
                let sc = at_utilisation(&d, rho);
                let (sim, analytic, measured_rho) = measure(&sc, &d);
                let err = (sim - analytic) / analytic;
                worst = worst.max(err.abs());
                lines.push(format!(
                    "{serving:?} {n}x{q:?}/{kv:?} rho {measured_rho:.2}: simulated {sim:.1} ms, analytic {analytic:.1} ms ({:+.0} %)",
                    err * 100.0
                ));
            }
        }
    }
    println!("{}", lines.join("\n"));
    worst
}

#[test]
fn every_strategy_agrees_with_its_simulation_at_three_loads() {
    let designs = [
        (16, Quant::Int8, Quant::Int8), // a winning cloud
        (12, Quant::Int8, Quant::Fp16), // a winning cloud
        (4, Quant::Fp16, Quant::Fp16),
        (2, Quant::Int4, Quant::Int8),
    ];
    let worst = worst_disagreement(&designs, &[0.3, 0.6, 0.85], |sc, d| {
        let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
        compare(sc, d, (15_000.0 / lambda).max(150.0))
    });
    assert!(worst <= 0.15, "worst disagreement {:.0} %", worst * 100.0);
}

/// The P99 time to first token of the cloud requests that arrive in the first window from an
/// empty system and are served, simulated; with the analytic figure and utilisation.
fn first_window(sc: &Scenario, d: &Design) -> (f64, f64, f64) {
    let r = physics::evaluate(sc, d, PhysicsModel::Systems);
    let s = r.systems.as_ref().unwrap();
    let window = sc.systems.overload_window_s;
    let mut sim = RequestSim::new(
        sc,
        d,
        &r,
        SimConfig {
            window_s: 1e9,
            ..SimConfig::default()
        },
    );
    // Long enough for the last request admitted in the window to get its first token.
    let drain = sc.systems.queue_bound / (s.cloud_capacity_rps / s.cloud_replicas as f64);
    sim.advance(window + drain + 30.0);
    let mut v: Vec<f64> = sim
        .finished()
        .filter(|f| f.tier == 0 && f.fate == Fate::Served && f.arrival < window)
        .map(|f| f.ttft)
        .collect();
    assert!(v.len() > 1000, "{d:?}: {} served", v.len());
    let p99 = architects_audit::sim::percentile(&mut v, 0.99) * 1e3;
    (p99, s.cloud_p99_ttft_ms, s.cloud_utilization)
}

#[test]
fn overloaded_p99_is_the_first_windows_and_the_simulation_agrees() {
    let designs = [
        (16, Quant::Int8, Quant::Int8),
        (4, Quant::Fp16, Quant::Fp16),
        (2, Quant::Int4, Quant::Int8),
    ];
    let worst = worst_disagreement(&designs, &[1.2, 2.0, 4.0], |sc, d| {
        let (sim, analytic, rho) = first_window(sc, d);
        assert!(analytic <= 3.6e6, "under an hour");
        (sim, analytic, rho)
    });
    assert!(worst <= 0.25, "worst disagreement {:.0} %", worst * 100.0);
}

#[test]
fn static_batches_near_saturation_wait_for_their_replica() {
    // At utilisation 0.95 a full batch often finds its replica still busy: the tail is that
    // wait plus the run, not the fill. Held to the overload band, since it is near saturation.
    for (n, q, kv) in [
        (16, Quant::Int8, Quant::Int8),
        (12, Quant::Int8, Quant::Fp16),
        (4, Quant::Fp16, Quant::Fp16),
        (2, Quant::Int4, Quant::Int8),
    ] {
        let d = Design {
            serving: Serving::Static,
            ..continuous(n, q, kv)
        };
        let sc = at_utilisation(&d, 0.95);
        let lambda = sc.slo.requests_per_sec * sc.traffic.cloud;
        let (sim, analytic, rho) = compare(&sc, &d, (15_000.0 / lambda).max(150.0));
        println!("{n}x{q:?}/{kv:?} rho {rho:.2}: simulated {sim:.0} ms, analytic {analytic:.0} ms");
        assert!(
            (sim - analytic).abs() <= 0.25 * analytic,
            "{n}x{q:?}/{kv:?}: simulated {sim:.0} ms vs analytic {analytic:.0} ms"
        );
    }
}

/// The live instruments' strip, run headless on `d` for `seconds` from an empty system: its
/// last P99 (ms) and first-token rate.
fn strip_after(sc: &Scenario, d: &Design, seconds: f64) -> (f64, f64) {
    use architects_audit::sim::Instruments;
    let r = physics::evaluate(sc, d, PhysicsModel::Systems);
    let mut sim = RequestSim::new(sc, d, &r, SimConfig::default());
    let mut inst = Instruments::default();
    let mut t = 0.0;
    while t < seconds {
        sim.advance(0.5);
        t += 0.5;
        inst.record(&sim, sc.slo.p99_ms);
    }
    let last = inst.strip.back().expect("a point");
    (last.p99_ms, last.served_rps)
}

#[test]
fn the_strip_measures_what_the_model_states_for_every_strategy() {
    // The default design (request-level batching, overloaded), a passing design, and one
    // design per strategy: after two observation windows the strip's P99 is the model's
    // within 25 %.
    let sc = Scenario::builtin();
    let at = |n, q, kv, serving| Design {
        n_h100: n,
        quant_cloud: q,
        kv_quant: kv,
        serving,
        ..Design::default()
    };
    let designs = [
        Design::default(),
        at(12, Quant::Int8, Quant::Int8, Serving::Continuous),
        at(12, Quant::Int8, Quant::Int8, Serving::Static),
        at(12, Quant::Int8, Quant::Int8, Serving::Dynamic),
        at(8, Quant::Int8, Quant::Int8, Serving::Continuous),
    ];
    let window = sc.systems.overload_window_s;
    for d in designs {
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let model = r.systems.as_ref().unwrap().cloud_p99_ttft_ms;
        let (sim, rps) = strip_after(&sc, &d, 2.0 * window + 30.0);
        println!(
            "{} GPUs {:?} {:?}: strip P99 {sim:.1} ms, model {model:.1} ms, first tokens {rps:.0}/s",
            d.n_h100, d.quant_cloud, d.serving
        );
        assert!(rps > 0.0, "{d:?}: the strip reads no first tokens");
        assert!(
            (sim - model).abs() <= 0.25 * model,
            "{d:?}: strip P99 {sim:.1} ms vs model {model:.1} ms"
        );
    }
}
