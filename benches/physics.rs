//! One physics report, each model. Target: <= 50 us for `systems` on the course machine.

use architects_audit::physics::{self, Design, PhysicsModel, Quant, Scenario, Serving};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let sc = Scenario::builtin();
    // The course's default (overloaded: the first-window tail), a winning design, and one past
    // saturation on every strategy's slowest path (static batches waiting for their replica).
    let designs = [
        Design::default(),
        architects_audit::lab::demo::winning_design(),
        Design {
            n_h100: 8,
            quant_cloud: Quant::Int8,
            kv_quant: Quant::Int8,
            serving: Serving::Static,
            ..Design::default()
        },
    ];
    for model in PhysicsModel::ALL {
        for (name, d) in ["default", "winning", "static-8"].iter().zip(&designs) {
            c.bench_function(&format!("report/{}/{name}", model.as_str()), |b| {
                b.iter(|| black_box(physics::evaluate(&sc, black_box(d), model)))
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
