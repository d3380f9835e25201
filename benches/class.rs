//! The class report over 10,000 generated ledgers, read from files in a folder: parse, report
//! cards, summary with every student's chapter-16 design, and the HTML page and gradebook CSV
//! written from it. Target: <= 2 s on the course machine.

use architects_audit::cli::{class_cmd, class_csv, class_html};
use criterion::{Criterion, criterion_group, criterion_main};
use rand_core::{Rng, SeedableRng};
use serde_json::json;
use std::hint::black_box;

const STUDENTS: usize = 10_000;

fn pick(rng: &mut rand_pcg::Pcg64Mcg, of: [&'static str; 4]) -> &'static str {
    of[(rng.next_u32() % 4) as usize]
}

/// One generated ledger: a random subset of labs 1-15, and for most students chapter 16.
fn ledger(rng: &mut rand_pcg::Pcg64Mcg) -> serde_json::Value {
    let mut history = Vec::new();
    for ch in 1..=15u32 {
        if !rng.next_u32().is_multiple_of(4) {
            history.push(json!({"chapter": ch, "design": {
                "act1_correct": !rng.next_u32().is_multiple_of(3),
                "constraint_hit": rng.next_u32().is_multiple_of(4),
                "context": pick(rng, ["cloud", "edge", "mobile", "tiny"]),
            }}));
        }
    }
    if !rng.next_u32().is_multiple_of(5) {
        let gpus = 1 + rng.next_u32() % 16;
        let valid = rng.next_u32().is_multiple_of(3);
        let failed: Vec<&str> = if valid {
            Vec::new()
        } else {
            vec![pick(rng, ["p99_slo", "cost_slo", "tiny_sram", "cloud_oom"])]
        };
        history.push(json!({"chapter": 16, "design": {
            "attempt": 1,
            "cloud_hardware": format!("H100x{gpus}"),
            "quantization_strategy": pick(rng, ["fp16", "int8", "int4", "int8"]),
            "serving_strategy": pick(rng, ["static", "dynamic", "continuous", "continuous"]),
            "retraining_cadence_days": 30,
            "fairness_threshold_pct": 10,
            "act1_prediction": pick(rng, ["memory_bw", "queuing", "serial_fraction", "drift"]),
            "act1_correct": rng.next_u32().is_multiple_of(2),
            "act2_prediction": pick(rng, ["cloud_oom", "edge_latency", "mobile_oom", "tiny_oom"]),
            "act2_correct": rng.next_u32().is_multiple_of(2),
            "system_valid": valid,
            "physics_model": "systems",
            "cloud_gpus": gpus,
            "kv_quantization": pick(rng, ["fp16", "int8", "fp16", "int8"]),
            "edge_quantization": pick(rng, ["fp16", "int8", "int4", "int8"]),
            "mobile_quantization": pick(rng, ["int8", "int4", "ternary", "int4"]),
            "tiny_params": f64::from(1 + rng.next_u32() % 100) * 1e4,
            "tiny_quantization": pick(rng, ["int8", "int4", "ternary", "int8"]),
            "failed_checks": failed,
        }}));
    }
    json!({"track": "vol1", "current_chapter": 16, "history": history, "last_updated": "2026-11-20T10:00:00Z"})
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(16);
    for i in 0..STUDENTS {
        let path = dir.path().join(format!("student-{i:05}.json"));
        std::fs::write(path, ledger(&mut rng).to_string()).expect("write a ledger");
    }
    let paths = [dir.path().to_path_buf()];
    let mut g = c.benchmark_group("class");
    g.sample_size(10);
    g.bench_function("report/10000-ledgers", |b| {
        b.iter(|| {
            let (report, _) = class_cmd::report_of(black_box(&paths));
            assert_eq!(report.n_students as usize, STUDENTS);
            let page = class_html::page(&report).expect("the page");
            let csv = class_csv::csv_of(&report).expect("the CSV");
            black_box((report, page, csv))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
