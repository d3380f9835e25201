//! MathPeek II and the banners: the equations, worked with the design's own numbers, agree
//! with themselves and with the report.

use architects_audit::physics::{self, Banner, Design, PhysicsModel, Quant, Scenario, Serving};
use architects_audit::text;

/// MathPeek II as a student reads it: each invariant's name, equation and worked equation.
struct Worded {
    name: String,
    equation: String,
    worked: String,
}

fn math_peek(sc: &Scenario, r: &physics::Report) -> Vec<Worded> {
    architects_audit::physics::peek::math_peek(sc, r)
        .iter()
        .map(|p| {
            let [name, equation, worked] = p.words();
            Worded {
                name,
                equation,
                worked,
            }
        })
        .collect()
}

/// The numbers in a sentence, in order (English: a comma between groups of three digits).
fn numbers(s: &str) -> Vec<f64> {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let ungrouped: String = (0..chars.len())
        .filter(|&i| {
            let group_mark = chars[i] == ',' && i > 0 && digit(i - 1);
            !(group_mark && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4))
        })
        .map(|i| chars[i])
        .collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in ungrouped.chars().chain(std::iter::once(' ')) {
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

#[test]
fn every_worked_number_recomputes_from_the_scenario_and_the_report() {
    // Each figure of the Roofline, Memory Wall and Amdahl examples, recomputed here from the
    // scenario's constants and the report's fields, in the units the text names.
    let sc = Scenario::builtin();
    let h100 = sc.cloud();
    let (s_tok, t_tok) = (sc.workload.prompt_tokens, sc.workload.output_tokens);
    let (mut slower, mut faster) = (0, 0);
    for d in designs() {
        let r = physics::evaluate(&sc, &d, PhysicsModel::Systems);
        let s = r.systems.as_ref().unwrap();
        let peeks = math_peek(&sc, &r);
        let tp = s.cloud_tp as f64;
        let b = s.cloud_batch.max(1.0);

        // Roofline: peak TFLOPS / bandwidth GB/s = FLOP per byte (x 1e12 / 1e9).
        let peak = sc.systems.compute_efficiency
            * h100.tflops_fp16_dense
            * sc.precision.compute_speedup.get(d.quant_cloud)
            * tp;
        let bw = sc.systems.mem_efficiency * h100.mem_bw_gbs * tp;
        let ridge = peak * 1e3 / bw;
        let tflop = 2.0 * sc.llm().params * b / 1e12;
        let weights = sc.llm().params * sc.precision.bytes_per_param.get(d.quant_cloud);
        let gb = (weights + b * (s_tok + t_tok / 2.0) * s.kv_bytes_per_token) / 1e9;
        let intensity = tflop * 1e12 / (gb * 1e9);
        let text = &peeks[3].worked;
        let v = numbers(text);
        for (i, want) in [peak, bw, ridge, tflop, gb, intensity]
            .into_iter()
            .enumerate()
        {
            assert!(
                close(v[i], want),
                "{d:?} figure {i}: {} vs {want}\n{text}",
                v[i]
            );
        }
        // The verdict is the report's (and so the world's), and the numbers say the same.
        assert_eq!(
            text.contains("compute-bound:"),
            s.decode_compute_bound,
            "{text}"
        );
        assert_eq!(intensity >= ridge, s.decode_compute_bound, "{d:?}: {text}");

        // Memory Wall: weights + KV = per replica; the KV, batch, ceiling and TinyML figures
        // are the report's.
        let text = &peeks[1].worked;
        let v = numbers(text);
        assert!(close(v[0], weights / 1e9), "{text}");
        assert!(close(v[1], s.kv_cache_gb), "{text}");
        assert!(close(v[2], b), "{text}");
        assert!(close(v[0] + v[1], v[3]), "{text}");
        assert!(close(v[7], s.cloud_max_batch), "{text}");
        assert!(close(v[8], r.tiny_model_kb), "{text}");
        assert!(close(v[9], r.tiny_sram_kb), "{text}");

        // Amdahl: a serial fraction only where splitting speeds the step up.
        let text = &peeks[2].worked;
        let v = numbers(text);
        // The numbers: N, the batch of 1, then the figures.
        if text.contains("slower") {
            slower += 1;
            assert!(!text.contains("S ="), "{text}");
            let (after, before, saved, allreduce) = (v[2], v[3], v[4], v[5]);
            assert!(after > before && allreduce > saved, "{text}");
            assert!(close(after - before, allreduce - saved), "{text}");
        } else {
            faster += 1;
            let (n, one, many, speedup, serial) = (v[0], v[2], v[3], v[4], v[6]);
            assert!(close(one / many, speedup), "{text}");
            assert!(
                close(1.0 / (serial + (1.0 - serial) / n), speedup),
                "{text}"
            );
        }
    }
    println!("Amdahl: {slower} slower, {faster} faster");
}
