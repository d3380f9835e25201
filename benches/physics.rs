//! One physics report, each model. Target: <= 50 us for `systems` on the course machine.

use architects_audit::physics::{self, Design, PhysicsModel, Quant, Scenario, Serving};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let sc = Scenario::builtin();
    let designs = [
        Design::default(),
        Design {
            n_h100: 8,
            quant_cloud: Quant::Int8,
            kv_quant: Quant::Int8,
            serving: Serving::Continuous,
            ..Design::default()
        },
    ];
    for model in PhysicsModel::ALL {
        for (name, d) in ["default", "winning"].iter().zip(&designs) {
            c.bench_function(&format!("report/{}/{name}", model.as_str()), |b| {
                b.iter(|| black_box(physics::evaluate(&sc, black_box(d), model)))
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
