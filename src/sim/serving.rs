//! How the cloud's replicas batch and serve under each strategy: continuous iterations, dynamic
//! windows and static batches, as events of the request simulation.

use super::des::{Fate, Req, RequestSim, SimEvent};
use crate::physics::Serving;

impl RequestSim {
    /// Continuous batching: admit what fits and run one iteration.
    pub(super) fn start_iteration(&mut self, i: usize, t: f64) {
        let b_max = self.load.max_batch as usize;
        let rep = &mut self.replicas[i];
        let mut admitted = 0;
        while rep.active.len() + rep.admitting.len() < b_max {
            let Some(r) = rep.queue.pop_front() else {
                break;
            };
            rep.admitting.push(r);
            admitted += 1;
        }
        let b = rep.active.len() + rep.admitting.len();
        if b == 0 {
            rep.busy_until = None;
            return;
        }
        let dur =
            self.step_table[b.min(self.step_table.len() - 1)] + self.prefill_work * admitted as f64;
        self.replicas[i].busy_until = Some(t + dur);
    }

    pub(super) fn replica_event(&mut self, i: usize, t: f64) {
        match self.serving {
            Serving::Continuous => {
                let out_tokens = self.output_tokens;
                let rep = &mut self.replicas[i];
                rep.busy_until = None;
                rep.iter += 1;
                let it = rep.iter;
                // Sequences admitted in this iteration get their first token now.
                let admitting = std::mem::take(&mut rep.admitting);
                let mut firsts = Vec::with_capacity(admitting.len());
                for mut r in admitting {
                    r.first_token = Some(t);
                    firsts.push(r.id);
                    rep.active.push_back((r, it + out_tokens - 1));
                }
                let mut done = Vec::new();
                while rep.active.front().is_some_and(|(_, f)| *f <= it) {
                    done.push(rep.active.pop_front().expect("front exists").0);
                }
                for id in firsts {
                    self.event(SimEvent::FirstToken { id, t });
                }
                for r in done {
                    self.finish(0, r, t, Fate::Served);
                }
                self.start_iteration(i, t);
            }
            Serving::Dynamic => {
                let rep = &mut self.replicas[i];
                if rep.window_until.is_some_and(|w| w <= t) && rep.busy_until.is_none() {
                    // The window closed: take a batch, prefill it.
                    rep.window_until = None;
                    let n = rep.queue.len().min(self.load.max_batch as usize);
                    let batch: Vec<Req> = rep.queue.drain(..n).collect();
                    let decode_steps = self.padding * self.output_tokens as f64;
                    self.start_batch(i, batch, t, decode_steps);
                } else if rep.busy_until.is_some_and(|b| b <= t) {
                    rep.busy_until = None;
                    let batch = std::mem::take(&mut rep.batch);
                    let more = !rep.queue.is_empty();
                    for r in batch {
                        self.finish(0, r, t, Fate::Served);
                    }
                    if more {
                        let full = self.replicas[i].queue.len() >= self.load.max_batch as usize;
                        let first_wait = self.replicas[i].queue.front().map_or(t, |r| r.arrival);
                        let close = if full {
                            t
                        } else {
                            (first_wait + self.window_s).max(t)
                        };
                        self.replicas[i].window_until = Some(close);
                    }
                }
            }
            Serving::Static => {
                let rep = &mut self.replicas[i];
                rep.busy_until = None;
                let batch = std::mem::take(&mut rep.batch);
                for r in batch {
                    self.finish(0, r, t, Fate::Served);
                }
                self.start_static(i, t);
            }
        }
    }

    /// Static batching: an idle replica starts a batch once its queue holds a full one.
    pub(super) fn start_static(&mut self, i: usize, t: f64) {
        let bs = self.static_batch;
        if self.replicas[i].busy_until.is_some() || self.replicas[i].queue.len() < bs {
            return;
        }
        let batch: Vec<Req> = self.replicas[i].queue.drain(..bs).collect();
        let decode_steps = self.padding * self.output_tokens as f64;
        self.start_batch(i, batch, t, decode_steps);
    }

    /// Request-level batching: prefill the batch together (its first tokens come at the end of
    /// the prefill), then run `decode_steps` decode iterations at the batch's size (both
    /// request-level strategies pad every answer to the longest in its batch).
    pub(super) fn start_batch(&mut self, i: usize, batch: Vec<Req>, t: f64, decode_steps: f64) {
        let n = batch.len();
        let first = t + self.prefill_table[n.min(self.prefill_table.len() - 1)];
        let end = first + decode_steps * self.step_s(n);
        for r in &batch {
            self.event(SimEvent::FirstToken { id: r.id, t: first });
        }
        let rep = &mut self.replicas[i];
        rep.batch = batch
            .into_iter()
            .map(|mut r| {
                r.first_token = Some(first);
                r
            })
            .collect();
        rep.busy_until = Some(end);
    }
}
