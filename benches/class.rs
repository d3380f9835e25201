//! The class report over 10,000 generated ledgers, read from files in a folder: parse, report
//! cards, summary. Target: <= 2 s on the course machine.

use architects_audit::cli::class_cmd;
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
        history.push(json!({"chapter": 16, "design": {
            "attempt": 1,
            "act1_prediction": pick(rng, ["memory_bw", "queuing", "serial_fraction", "drift"]),
            "act1_correct": rng.next_u32().is_multiple_of(2),
            "act2_prediction": pick(rng, ["cloud_oom", "edge_latency", "mobile_oom", "tiny_oom"]),
            "act2_correct": rng.next_u32().is_multiple_of(2),
            "system_valid": rng.next_u32().is_multiple_of(3),
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
            black_box(report)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
