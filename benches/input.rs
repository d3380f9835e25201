//! Reading the headless commands' input: JSON Lines streams grow linearly with their length.
//! `records/N`: splitting N design lines into records (no physics); `report/N`: the whole
//! `report` command over N lines (one physics report a line). Equal per-line times across N
//! are the linear slope.

use architects_audit::cli;
use architects_audit::physics::{PhysicsModel, Scenario};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn lines(n: usize) -> String {
    let kinds = ["static", "dynamic", "continuous"];
    (0..n)
        .map(|i| {
            format!(
                "{{\"n_h100\": {}, \"serving\": \"{}\", \"quant_cloud\": \"int8\"}}\n",
                i % 16 + 1,
                kinds[i % 3]
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let sc = Scenario::builtin();
    let mut g = c.benchmark_group("records");
    g.sample_size(10);
    for n in [25_000, 50_000, 100_000] {
        let text = lines(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let mut count = 0usize;
                cli::stream_records(text.as_bytes(), |r| {
                    count += usize::from(r.is_ok());
                    Ok(())
                })
                .unwrap();
                black_box(count)
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    for n in [4_000, 16_000] {
        let text = lines(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let (mut out, mut err) = (std::io::sink(), std::io::sink());
                black_box(
                    cli::report(
                        text.as_bytes(),
                        &sc,
                        PhysicsModel::Systems,
                        &mut out,
                        &mut err,
                    )
                    .unwrap(),
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
