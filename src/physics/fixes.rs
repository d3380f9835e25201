//! The figures a failure banner's fix names: the fewest GPUs on offer that hold the cloud's
//! model, and the largest TinyML model that fits the SRAM.

use super::scenario::Scenario;
use super::{Design, N_H100_RANGE, Quant, Report};

/// The fewest GPUs on offer that hold the cloud's model, the rest of the design unchanged.
pub fn min_gpus_that_fit(r: &Report, sc: &Scenario) -> Option<u32> {
    N_H100_RANGE.into_iter().find(|&n| match r.systems {
        Some(_) => {
            let d = Design {
                n_h100: n,
                ..r.design
            };
            !super::systems::cloud_load(sc, &d).oom
        }
        None => f64::from(n) * sc.cloud().ram_gb >= r.cloud_model_gb,
    })
}

/// The largest TinyML model that fits, in parameters, at ternary and at INT8 precision (weights
/// and the activation arena share the SRAM). `None` under the course's formulas, where the
/// sub-model is fixed.
pub fn tiny_largest_fits(r: &Report, sc: &Scenario) -> Option<(f64, f64)> {
    use super::systems::tiny_max_params;
    r.systems.as_ref().map(|_| {
        (
            tiny_max_params(sc, Quant::Ternary),
            tiny_max_params(sc, Quant::Int8),
        )
    })
}

/// The course's TinyML sub-model (`course_draft.tiny_params` at its precision), sized as the
/// model in play sizes it, in KiB: the reveal compares it with the SRAM.
pub fn course_submodel_kib(r: &Report, sc: &Scenario) -> f64 {
    let cd = &sc.course_draft;
    match r.systems {
        Some(_) => super::systems::tiny_ml(sc, cd.tiny_params, cd.tiny_quant).footprint_kib(),
        None => r.tiny_model_kb,
    }
}
