//! MathPeek II and the banners: the equations, worked with the design's own numbers, agree
//! with themselves and with the report.

use architects_audit::physics::peek::math_peek;
use architects_audit::physics::{self, Banner, Design, PhysicsModel, Quant, Scenario, Serving};
use architects_audit::text;

/// The numbers in a sentence, in order.
fn numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in s.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() || (ch == '.' && !cur.is_empty()) || (ch == 'e' && !cur.is_empty()) {
            cur.push(ch);
        } else {
            let t = cur.trim_end_matches(['.', 'e']);
            if let Ok(v) = t.parse::<f64>() {
                out.push(v);
            }
            cur.clear();
        }
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.01 * b.abs().max(1e-9) + 0.051
}

fn designs() -> Vec<Design> {
    let mut v = vec![Design::default()];
    for (n, q, kv, s, cad, fair) in [
        (12, Quant::Int8, Quant::Int8, Serving::Continuous, 30, 10),
        (4, Quant::Fp16, Quant::Fp16, Serving::Static, 90, 0),
        (16, Quant::Int4, Quant::Int8, Serving::Dynamic, 7, 20),
        (1, Quant::Int8, Quant::Fp16, Serving::Continuous, 60, 3),
    ] {
        v.push(Design {
            n_h100: n,
            quant_cloud: q,
            kv_quant: kv,
            serving: s,
            retrain_cadence_days: cad,
            fairness_threshold_pct: fair,
            ..Design::default()
        });
    }
    v
}

#[test]
fn mathpeek_shows_seven_equations_worked_with_the_designs_numbers() {
    let sc = Scenario::builtin();
    for model in PhysicsModel::ALL {
        for d in designs() {
            let r = physics::evaluate(&sc, &d, model);
            let peeks = math_peek(&sc, &r);
            for p in &peeks {
                assert!(
                    p.equation.contains('=') || p.equation.contains('≤'),
                    "{model:?} {}: {}",
                    p.name,
                    p.equation
                );
                assert!(!numbers(&p.worked).is_empty(), "{}: {}", p.name, p.worked);
            }
            // Degradation: a − b × c = d.
            let v = numbers(&peeks[5].worked);
            assert!(
                close(v[0] - v[1] * 100.0 * v[2], v[3]),
                "{}",
                peeks[5].worked
            );
            assert!(
                close(v[3], r.post_drift_accuracy * 100.0),
                "{}",
                peeks[5].worked
            );
            if model == PhysicsModel::Systems {
                let s = r.systems.as_ref().unwrap();
                // Fairness: k × max(0, gap − threshold) = k × x = cost (the 0 of max(0, ...)
                // is the second number).
                let v = numbers(&peeks[6].worked);
                assert!(
                    close(v[0] * (v[2] - v[3]).max(0.0), v[6]),
                    "{}",
                    peeks[6].worked
                );
                assert!(close(v[6], s.fairness_accuracy_cost * 100.0));
                // Iron Law: the larger of D/BW and O/R, plus L, is the step the report uses.
                let v = numbers(&peeks[0].worked);
                let (d_gb, bw, mem, o, r_tf, comp, l, step) =
                    (v[1], v[2], v[3], v[5], v[6], v[7], v[8], v[9]);
                assert!(close(d_gb / bw * 1e3, mem), "{}", peeks[0].worked);
                assert!(close(o / r_tf * 1e3, comp), "{}", peeks[0].worked);
                assert!(close(mem.max(comp) + l, step), "{}", peeks[0].worked);
                assert!(close(step, s.decode_step_ms), "{}", peeks[0].worked);
                // Little: rho = lambda / mu.
                let v = numbers(&peeks[4].worked);
                assert!(close(v[0] / v[1], v[2]), "{}", peeks[4].worked);
            } else {
                // The course's Iron Law: tokens / (BW × N / (P × bytes) × mult), in ms.
                let v = numbers(&peeks[0].worked);
                let t = v[0] / (v[1] * 1e9 * v[2] / (v[3] * v[4]) * v[5]) * 1e3;
                assert!(close(t, v[6]), "{}", peeks[0].worked);
                assert!(close(v[6], r.cloud_p99_ms), "{}", peeks[0].worked);
            }
        }
    }
}

#[test]
fn the_banners_keep_the_courses_formulas() {
    let sc = Scenario::builtin();
    let d = Design {
        retrain_cadence_days: 90,
        quant_mobile: Quant::Ternary,
        ..Design::default()
    };
    for model in PhysicsModel::ALL {
        let r = physics::evaluate(&sc, &d, model);
        let p99 = text::banner_detail(Banner::P99Slo, &r, &sc);
        if model == PhysicsModel::Systems {
            assert!(p99.contains("T = D/BW + O/R + L"), "{p99}");
        }
        assert!(r.banners.contains(&Banner::DriftWarning), "{:?}", r.banners);
        let drift = text::banner_detail(Banner::DriftWarning, &r, &sc);
        assert!(drift.contains("Acc(t) = Acc₀ − λ·t"), "{drift}");
    }
    // A 70B model on one GPU: the banner names the fewest GPUs that hold it.
    let mut big = Scenario::builtin();
    big.deployment.llm = "llama-2-70b".into();
    for model in PhysicsModel::ALL {
        let one = Design {
            n_h100: 1,
            ..Design::default()
        };
        let r = physics::evaluate(&big, &one, model);
        if !r.cloud_oom {
            continue;
        }
        let oom = text::banner_detail(Banner::CloudOom, &r, &big);
        let after = oom
            .split("at least")
            .nth(1)
            .unwrap_or_else(|| panic!("{oom}"));
        let n = numbers(after)[0];
        assert!(oom.contains("at least"), "{oom}");
        let fits = |k: u32| !physics::evaluate(&big, &Design { n_h100: k, ..one }, model).cloud_oom;
        assert!(fits(n as u32) && !fits(n as u32 - 1), "{model:?}: {oom}");
    }
}
