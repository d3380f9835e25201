//! The Act II answer key, earned from the model: the hardest tier is the one with the fewest
//! ways to pass, the smallest share of its reachable designs in which it meets its own
//! constraints (`docs/answer-key.md` says why this framing).
//!
//! Each tier is judged on its own controls, the rest of the design at the defaults, and on its
//! own constraints only (the banners that name it):
//! - cloud: GPUs × weight precision × KV precision × serving strategy, on the model's GPU range;
//!   it fails on being out of memory or missing its P99, throughput, cost or availability SLO;
//! - edge and mobile: their weight precisions; they fail on memory;
//! - TinyML: sizes on the slider (1-2-5 steps, and its ends) × precisions; it fails on SRAM.
//!   A model whose TinyML tier ignores those controls (`course-draft`: the course's fixed
//!   sub-model) has one design there.

use indexmap::IndexMap;
use serde::Serialize;

use super::{Banner, Design, PhysicsModel, Quant, Report, Scenario, Serving, Tier};

/// How many of a tier's designs meet its own constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    pub passing: u32,
    pub total: u32,
}

impl Share {
    fn fraction(self) -> f64 {
        f64::from(self.passing) / f64::from(self.total.max(1))
    }
}

/// The answer key under one model and scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerKey {
    pub model: PhysicsModel,
    /// The tier with the smallest share of passing designs (ties: the first in [`Tier::ALL`]), by its key.
    pub hardest: &'static str,
    pub tiers: IndexMap<&'static str, Share>,
}

impl AnswerKey {
    /// The Act II answer the key marks correct (`cloud_oom`, `edge_latency`, `mobile_oom` or
    /// `tiny_oom`: the course's keys, one a tier).
    pub fn answer(&self) -> &'static str {
        let i = Tier::from_key(self.hardest).unwrap_or(Tier::Tiny).index();
        super::validate::ACT2_ANSWER_KEYS[i]
    }

    pub fn share(&self, tier: &str) -> Share {
        self.tiers.get(tier).copied().unwrap_or(Share {
            passing: 0,
            total: 0,
        })
    }
}

/// The banners that are a tier's own constraints.
fn fails(r: &Report, tier: Tier) -> bool {
    use Banner::*;
    r.banners.iter().any(|b| match tier {
        Tier::Cloud => matches!(
            b,
            CloudOom | P99Slo | ThroughputSlo | CostSlo | AvailabilitySlo
        ),
        Tier::Edge => *b == EdgeOom,
        Tier::Mobile => *b == MobileOom,
        Tier::Tiny => *b == TinySram,
    })
}

/// The TinyML sizes judged: the slider's ends and the 1-2-5 steps between them.
pub fn tiny_sizes(sc: &Scenario) -> Vec<f64> {
    let (lo, hi) = (sc.systems.tiny_params_min, sc.systems.tiny_params_max);
    let mut v = vec![lo];
    let mut decade = 10f64.powf(lo.log10().floor());
    while decade <= hi {
        for m in [1.0, 2.0, 5.0] {
            let x = m * decade;
            if x > lo && x < hi {
                v.push(x);
            }
        }
        decade *= 10.0;
    }
    v.push(hi);
    v
}

/// The answer key of `model` in `sc`.
pub fn answer_key(sc: &Scenario, model: PhysicsModel) -> AnswerKey {
    let tiers: IndexMap<&'static str, Share> = Tier::ALL
        .into_iter()
        .map(|t| {
            let mut s = Share {
                passing: 0,
                total: 0,
            };
            for d in designs(sc, model, t)
                .into_iter()
                .filter(|d| d.validate(sc).is_ok())
            {
                s.total += 1;
                if !fails(&super::evaluate(sc, &d, model), t) {
                    s.passing += 1;
                }
            }
            (t.key(), s)
        })
        .collect();
    let hardest = Tier::ALL
        .into_iter()
        .map(Tier::key)
        .fold(None::<&'static str>, |best, t| match best {
            Some(b) if tiers[b].fraction() <= tiers[t].fraction() => Some(b),
            _ => Some(t),
        })
        .unwrap_or("tiny");
    AnswerKey {
        model,
        hardest,
        tiers,
    }
}

/// The designs that judge tier `t`: its own choices on the control grid, the rest default.
fn designs(sc: &Scenario, model: PhysicsModel, t: Tier) -> Vec<Design> {
    let base = Design::default();
    match t {
        Tier::Cloud => {
            let mut cloud = Vec::new();
            for n_h100 in model.gpu_range() {
                for quant_cloud in Quant::CLOUD_EDGE {
                    for kv_quant in Quant::KV {
                        for serving in Serving::ALL {
                            cloud.push(Design {
                                n_h100,
                                quant_cloud,
                                kv_quant,
                                serving,
                                ..base
                            });
                        }
                    }
                }
            }
            cloud
        }
        Tier::Edge => Quant::CLOUD_EDGE
            .map(|q| Design {
                quant_edge: q,
                ..base
            })
            .to_vec(),
        Tier::Mobile => Quant::MOBILE
            .iter()
            .map(|&q| Design {
                quant_mobile: q,
                ..base
            })
            .collect(),
        // The course's TinyML tier is its fixed sub-model: one design.
        Tier::Tiny if model == PhysicsModel::CourseDraft => vec![base],
        Tier::Tiny => tiny_sizes(sc)
            .into_iter()
            .flat_map(|tiny_params| {
                Quant::TINY.into_iter().map(move |tiny_quant| Design {
                    tiny_params,
                    tiny_quant,
                    ..base
                })
            })
            .collect(),
    }
}
