//! The `systems` game: serving strategies in order, more than one way to win, and wins that
//! survive every constant moved by 10 %.

use architects_audit::physics::{self, Design, PhysicsModel, Quant, Scenario, Serving};

/// The other stages as the issue of record fixes them: edge INT8, mobile INT4, 30 days, 10 %,
/// and a 100K-parameter INT8 TinyML model.
fn design(n: u32, weights: Quant, kv: Quant, serving: Serving) -> Design {
    Design {
        n_h100: n,
        quant_cloud: weights,
        kv_quant: kv,
        serving,
        quant_edge: Quant::Int8,
        quant_mobile: Quant::Int4,
        retrain_cadence_days: 30,
        fairness_threshold_pct: 10,
        tiny_params: 1e5,
        tiny_quant: Quant::Int8,
    }
}

/// Every cloud configuration the controls offer.
fn clouds() -> impl Iterator<Item = Design> {
    physics::N_H100_RANGE.flat_map(|n| {
        Quant::CLOUD_EDGE.into_iter().flat_map(move |w| {
            Quant::KV
                .into_iter()
                .flat_map(move |kv| Serving::ALL.into_iter().map(move |s| design(n, w, kv, s)))
        })
    })
}

fn winners(sc: &Scenario) -> Vec<Design> {
    clouds()
        .filter(|d| physics::evaluate(sc, d, PhysicsModel::Systems).system_valid)
        .collect()
}

#[test]
fn strategies_are_ordered_in_capacity_and_in_p99() {
    let mut compared = 0;
    for rps in [30.0, 100.0, 300.0, 1000.0] {
        let mut sc = Scenario::builtin();
        sc.slo.requests_per_sec = rps;
        for d in clouds().filter(|d| d.serving == Serving::Static) {
            let [st, dy, co] = Serving::ALL.map(|serving| {
                let r = physics::evaluate(&sc, &Design { serving, ..d }, PhysicsModel::Systems);
                r.systems.unwrap()
            });
            let what = format!(
                "{} x {} weights, {} KV",
                d.n_h100, d.quant_cloud, d.kv_quant
            );
            assert!(
                st.cloud_capacity_rps <= dy.cloud_capacity_rps
                    && dy.cloud_capacity_rps <= co.cloud_capacity_rps,
                "{what}: capacity {} / {} / {}",
                st.cloud_capacity_rps,
                dy.cloud_capacity_rps,
                co.cloud_capacity_rps
            );
            if [&st, &dy, &co].iter().all(|s| s.cloud_utilization < 1.0) {
                compared += 1;
                assert!(
                    st.cloud_p99_ttft_ms >= dy.cloud_p99_ttft_ms
                        && dy.cloud_p99_ttft_ms >= co.cloud_p99_ttft_ms,
                    "{what} at {rps} req/s: P99 {} / {} / {} ms",
                    st.cloud_p99_ttft_ms,
                    dy.cloud_p99_ttft_ms,
                    co.cloud_p99_ttft_ms
                );
            }
        }
    }
    assert!(
        compared > 100,
        "only {compared} loads had no strategy overloaded"
    );
}

#[test]
fn at_least_three_cloud_configurations_win_and_the_default_fails() {
    let sc = Scenario::builtin();
    let win = winners(&sc);
    for d in &win {
        println!(
            "wins: {} GPUs, {} weights, {} KV, {}",
            d.n_h100,
            d.quant_cloud,
            d.kv_quant,
            d.serving.as_str()
        );
    }
    assert!(win.len() >= 3, "{} winning configurations", win.len());
    assert!(!physics::evaluate(&sc, &Design::default(), PhysicsModel::Systems).system_valid);
}

#[test]
fn every_systems_constant_moved_ten_percent_leaves_a_win() {
    let base = serde_json::to_value(Scenario::builtin()).unwrap();
    let fields: Vec<String> = base["systems"]
        .as_object()
        .unwrap()
        .iter()
        // The TinyML sub-model's range is the control's, not a constant of the physics.
        .filter(|(k, v)| v.is_number() && !k.starts_with("tiny_params_"))
        .map(|(k, _)| k.clone())
        .collect();
    assert!(fields.len() >= 20, "{fields:?}");
    let mut lost = Vec::new();
    for field in &fields {
        for factor in [0.9, 1.1] {
            let mut doc = base.clone();
            let v = doc["systems"][field].as_f64().unwrap();
            // A probability moves by its complement: 10 % more or less downtime.
            let moved = if field == "node_availability" {
                1.0 - (1.0 - v) * factor
            } else {
                v * factor
            };
            doc["systems"][field] = serde_json::json!(moved);
            let sc = Scenario::from_json(&doc.to_string())
                .unwrap_or_else(|e| panic!("{field} x {factor}: {e}"));
            let n = winners(&sc).len();
            if n == 0 {
                lost.push(format!("{field} x {factor}"));
            }
        }
    }
    assert!(lost.is_empty(), "no winning design left: {lost:?}");
}

#[test]
fn the_quiet_hours_variant_prices_a_day_sized_cluster_over_the_cost_slo() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/scenarios/capstone-quiet-hours.json");
    let quiet = Scenario::load(&path).unwrap();
    // The variant is the built-in scenario at a twentieth of a percent of its load.
    let mut same = quiet.clone();
    let builtin = Scenario::builtin();
    same.name = builtin.name.clone();
    same.description = builtin.description.clone();
    same.slo.requests_per_sec = builtin.slo.requests_per_sec;
    same.slo.sources = builtin.slo.sources.clone();
    assert_eq!(same, builtin, "only the load differs");

    let day = design(16, Quant::Int8, Quant::Int8, Serving::Continuous);
    assert!(physics::evaluate(&builtin, &day, PhysicsModel::Systems).system_valid);
    let night = physics::evaluate(&quiet, &day, PhysicsModel::Systems);
    // 16 GPUs at $3/h serve 12 req/s: $48 / 43,200 requests.
    assert!(night.cost_per_req_usd > 1e-3, "${}", night.cost_per_req_usd);
    assert!(night.banners.contains(&physics::Banner::CostSlo));
    // Two GPUs carry the night's load within the cost SLO.
    let small = design(2, Quant::Int8, Quant::Int8, Serving::Continuous);
    let r = physics::evaluate(&quiet, &small, PhysicsModel::Systems);
    assert!(
        !r.banners.contains(&physics::Banner::CostSlo),
        "${}",
        r.cost_per_req_usd
    );
}

#[test]
fn kv_precision_decides_a_cloud_near_the_winning_designs() {
    // The Memory Wall in the cloud: at 12 GPUs with INT8 weights, every decode step reads each
    // running sequence's KV cache, and halving its bytes is what makes the load fit.
    let sc = Scenario::builtin();
    let eval = |kv| {
        physics::evaluate(
            &sc,
            &design(12, Quant::Int8, kv, Serving::Continuous),
            PhysicsModel::Systems,
        )
    };
    let (fp16, int8) = (eval(Quant::Fp16), eval(Quant::Int8));
    let cap = |r: &physics::Report| r.systems.as_ref().unwrap().cloud_capacity_rps;
    assert!(
        cap(&int8) > 1.15 * cap(&fp16),
        "{} vs {}",
        cap(&int8),
        cap(&fp16)
    );
    assert!(int8.system_valid && !fp16.system_valid);
}
