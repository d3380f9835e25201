//! The roofline of one accelerator group running one model: weights and KV-cache bytes, a
//! decode step at batch B (memory or compute bound, with overheads and tensor-parallel
//! all-reduces), and prefill. The `systems` model and the `roofline` command share it.

use super::scenario::{Hardware, LlmShape, SystemsConsts};
use super::{Quant, Scenario};

pub(super) const GB: f64 = 1e9;
pub(super) const MS: f64 = 1e3;

/// One accelerator group running one model: the inputs of the roofline.
#[derive(Debug, Clone, Copy)]
pub struct Engine<'a> {
    pub hw: &'a Hardware,
    pub llm: &'a LlmShape,
    pub consts: &'a SystemsConsts,
    /// Bytes per weight.
    pub weight_bytes: f64,
    /// Bytes per KV-cache element.
    pub kv_bytes: f64,
    /// Tensor-core speed-up of the weight precision over FP16.
    pub compute_speedup: f64,
    /// Tensor-parallel degree (GPUs in the group).
    pub tp: u32,
    /// How the generation kernel reads a grouped KV cache.
    pub attention: Attention,
    /// Achieved fractions of bandwidth (decode) and of the FP16 peak (large GEMMs, prefill).
    pub mem_efficiency: f64,
    pub compute_efficiency: f64,
    pub prefill_efficiency: f64,
    /// Bytes per weight of the embedding and output head (a device runtime keeps them at 16
    /// bits; otherwise the weight precision's).
    pub embedding_bytes: f64,
    /// A device runtime reads only the blocks and the output head each step; otherwise every
    /// weight is counted as read.
    pub reads_head_only: bool,
}

/// How a decode step's attention kernel reads the KV cache of a grouped-query model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attention {
    /// Each KV head is read once for its whole group of query heads, as XQA and paged
    /// attention do. The game's model.
    #[default]
    Grouped,
    /// Each KV head is read once per query head that shares it: a generation kernel with one
    /// thread block per query head. For figures measured on TensorRT-LLM before its
    /// grouped-query kernels (see docs/physics.md).
    PerQueryHead,
}

impl Attention {
    pub const NAMES: &'static str = "grouped, per-query-head";

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "grouped" => Some(Attention::Grouped),
            "per-query-head" => Some(Attention::PerQueryHead),
            _ => None,
        }
    }
}

/// Whether a step is limited by memory traffic or by arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Memory,
    Compute,
}

impl<'a> Engine<'a> {
    pub fn new(sc: &'a Scenario, hw: &'a Hardware, llm: &'a LlmShape, w: Quant, kv: Quant) -> Self {
        let c = &sc.systems;
        let bytes = sc.precision.bytes_per_param.get(w);
        let mut e = Engine {
            hw,
            llm,
            consts: c,
            weight_bytes: bytes,
            kv_bytes: sc.precision.bytes_per_param.get(kv),
            compute_speedup: sc.precision.compute_speedup.get(w),
            tp: 1,
            attention: Attention::Grouped,
            mem_efficiency: c.mem_efficiency,
            compute_efficiency: c.compute_efficiency,
            prefill_efficiency: c.prefill_efficiency,
            embedding_bytes: bytes,
            reads_head_only: false,
        };
        if let Some(rt) = &hw.runtime {
            e.mem_efficiency = rt.mem_efficiency;
            e.prefill_efficiency = rt.prefill_efficiency;
            e.embedding_bytes = sc.precision.bytes_per_param.fp16;
            e.reads_head_only = true;
            if w == Quant::Int4 {
                // One 16-bit scale per group of weights.
                e.weight_bytes += 2.0 / rt.int4_group_size;
            }
        }
        e
    }

    pub fn with_attention(mut self, attention: Attention) -> Self {
        self.attention = attention;
        self
    }

    /// KV-cache bytes a decode step reads per token of context: the cache once, or, with
    /// per-query-head attention, once per query head sharing each KV head.
    pub fn kv_read_bytes_per_token(&self) -> f64 {
        let reads = match self.attention {
            Attention::Grouped => 1.0,
            Attention::PerQueryHead => (self.llm.heads / self.llm.kv_heads).max(1.0),
        };
        self.kv_bytes_per_token() * reads
    }

    pub fn with_tp(mut self, tp: u32) -> Self {
        self.tp = tp.max(1);
        self
    }

    fn tpf(&self) -> f64 {
        self.tp as f64
    }

    /// Total weight bytes of the model: the transformer blocks at the weight format, the
    /// embedding and output head at theirs.
    pub fn weights(&self) -> f64 {
        let emb = self.llm.embedding_params.clamp(0.0, self.llm.params);
        (self.llm.params - emb) * self.weight_bytes + emb * self.embedding_bytes
    }

    /// Weight bytes read for one decode step or prefill pass: a device runtime reads the
    /// blocks and the output head (the embedding is a lookup of one row a token).
    pub fn weights_read(&self) -> f64 {
        if !self.reads_head_only {
            return self.weights();
        }
        let emb = self.llm.embedding_params.clamp(0.0, self.llm.params);
        let head = self.llm.head_params.clamp(0.0, emb);
        (self.llm.params - emb) * self.weight_bytes + head * self.embedding_bytes
    }

    /// KV bytes per token: 2 (K and V) x layers x KV heads x head dim x bytes.
    pub fn kv_bytes_per_token(&self) -> f64 {
        2.0 * self.llm.layers * self.llm.kv_heads * self.llm.head_dim * self.kv_bytes
    }

    fn bandwidth(&self) -> f64 {
        self.tpf() * self.mem_efficiency * self.hw.mem_bw_gbs * GB
    }

    fn flops(&self) -> f64 {
        self.tpf()
            * self.compute_efficiency
            * self.hw.tflops_fp16_dense
            * 1e12
            * self.compute_speedup
    }

    /// Bytes of HBM left for the KV cache across the group.
    pub fn kv_budget(&self) -> f64 {
        self.tpf() * (self.hw.ram_gb - self.consts.workspace_gb) * GB - self.weights()
    }

    /// Largest batch whose KV cache (each sequence at full context) fits, capped by the engine.
    pub fn max_batch(&self, ctx_max: f64) -> f64 {
        self.batch_in_memory(ctx_max).min(self.consts.max_batch_cap)
    }

    /// Largest batch whose KV cache (each sequence at full context) fits in memory.
    pub fn batch_in_memory(&self, ctx_max: f64) -> f64 {
        (self.kv_budget() / (self.kv_bytes_per_token() * ctx_max))
            .floor()
            .max(0.0)
    }

    /// Two all-reduces per layer over NVLink, each a ring of 2(t-1) steps: every step pays a
    /// latency, and 2(t-1)/t of the activations cross each link one way.
    pub fn allreduce_s(&self, tokens: f64) -> f64 {
        if self.tp <= 1 || self.hw.interconnect_gbs <= 0.0 {
            return 0.0;
        }
        let t = self.tpf();
        let bytes = tokens * self.llm.hidden * 2.0;
        2.0 * self.llm.layers
            * (2.0 * (t - 1.0) * self.consts.allreduce_step_latency_us * 1e-6
                + 2.0 * (t - 1.0) / t * bytes / (self.hw.interconnect_gbs * GB))
    }

    /// Memory and compute time of one decode step at batch `b`, average context `ctx`.
    pub fn decode_parts(&self, b: f64, ctx: f64) -> (f64, f64) {
        let mem =
            (self.weights_read() + b * ctx * self.kv_read_bytes_per_token()) / self.bandwidth();
        let comp = 2.0 * self.llm.params * b / self.flops();
        (mem, comp)
    }

    /// One decode iteration at batch `b`: roofline + overheads + all-reduce.
    pub fn decode_step_s(&self, b: f64, ctx: f64) -> f64 {
        let (mem, comp) = self.decode_parts(b, ctx);
        mem.max(comp)
            + self.consts.step_overhead_ms / MS
            + self.consts.per_sequence_overhead_ms / MS * b
            + self.allreduce_s(b)
    }

    /// Prefill of `seqs` prompts of `tokens` tokens each in one pass: the weight GEMMs at the
    /// prefill efficiency, causal attention (2 L n² h FLOPs a sequence, at the FP16 rate), a
    /// fixed cost per layer, and the all-reduces. Short prompts are bound by reading the
    /// weights once.
    pub fn prefill_s(&self, seqs: f64, tokens: f64) -> f64 {
        let comp = seqs * self.prefill_work_s(tokens);
        let mem = self.weights_read() / self.bandwidth();
        comp.max(mem)
            + self.llm.layers * self.consts.prefill_layer_overhead_ms / MS
            + self.allreduce_s(seqs * tokens)
    }

    /// Arithmetic work of prefilling one prompt of `tokens` tokens, alone or riding along a
    /// decode iteration.
    pub fn prefill_work_s(&self, tokens: f64) -> f64 {
        let peak = self.tpf() * self.prefill_efficiency * self.hw.tflops_fp16_dense * 1e12;
        let gemm = 2.0 * self.llm.params * tokens / (peak * self.compute_speedup);
        let attention = 2.0 * self.llm.layers * tokens * tokens * self.llm.hidden / peak;
        gemm + attention
    }
}

/// The answer of the `roofline` command.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RooflineReport {
    pub hardware: String,
    pub llm: String,
    pub quant: Quant,
    pub kv_quant: Quant,
    pub batch: f64,
    /// The batch asked for; above `batch` only when `--clamp-batch` lowered it to what fits.
    pub requested_batch: f64,
    /// The batch was lowered to the most sequences that fit in memory.
    pub batch_clamped: bool,
    pub tp: u32,
    pub attention: Attention,
    pub prompt: f64,
    pub output: f64,
    pub decode_step_ms: f64,
    pub decode_tok_per_s: f64,
    pub ttft_ms: f64,
    pub e2e_ms: f64,
    pub kv_bytes_per_token: f64,
    pub max_batch: f64,
    pub weights_gb: f64,
    pub bound: Bound,
}

/// Parameters of one roofline query.
#[derive(Debug, Clone)]
pub struct RooflineQuery {
    pub hardware: String,
    pub llm: String,
    pub quant: Quant,
    pub kv_quant: Quant,
    pub batch: f64,
    pub tp: u32,
    pub attention: Attention,
    pub prompt: f64,
    pub output: f64,
    /// Lower a batch that does not fit in memory to the most that does, instead of refusing it.
    pub clamp_batch: bool,
}

/// The most sequences of the query's length that fit. A GPU keeps the scenario's workspace
/// free; an edge or mobile device keeps its own, which already holds one sequence's KV cache
/// (as the report's memory check counts it).
fn batch_that_fits(sc: &Scenario, q: &RooflineQuery, e: &Engine) -> f64 {
    let c = &sc.systems;
    let device_workspace = if q.hardware == sc.deployment.edge_hardware {
        Some(c.edge_workspace_gb)
    } else if q.hardware == sc.deployment.mobile_hardware {
        Some(c.mobile_workspace_gb)
    } else {
        None
    };
    match device_workspace {
        Some(ws) => {
            let room = e.tpf() * e.hw.ram_gb * GB - ws * GB - e.weights();
            if room < 0.0 {
                0.0
            } else {
                1.0 + (room / (e.kv_bytes_per_token() * (q.prompt + q.output))).floor()
            }
        }
        None => e.batch_in_memory(q.prompt + q.output),
    }
}

/// Batch-`B` decode and prefill on `tp` GPUs. The KV cache is read at the average context
/// during generation, prompt + output / 2. TTFT is the batch's prefill (B prompts at once).
pub fn roofline(sc: &Scenario, q: &RooflineQuery) -> Result<RooflineReport, String> {
    let hw = sc.hardware_named(&q.hardware).map_err(|e| e.0)?;
    let llm = sc.llm_named(&q.llm).map_err(|e| e.0)?;
    if !(q.batch.is_finite() && q.batch >= 1.0) {
        return Err(format!("--batch must be at least 1, got {}", q.batch));
    }
    if q.tp == 0 {
        return Err("--tp must be at least 1".into());
    }
    if !(q.prompt.is_finite() && q.prompt >= 0.0 && q.output.is_finite() && q.output >= 1.0) {
        return Err("--prompt must be >= 0 and --output >= 1".into());
    }
    let e = Engine::new(sc, hw, llm, q.quant, q.kv_quant)
        .with_tp(q.tp)
        .with_attention(q.attention);
    // Every sequence of the batch holds its KV cache at full context.
    let fit = batch_that_fits(sc, q, &e);
    let batch = if q.batch <= fit {
        q.batch
    } else if fit < 1.0 {
        return Err(format!(
            "{} does not fit on {} x {} with one sequence of {} tokens: its weights take {:.1} GB; raise --tp or lower --quant",
            q.llm,
            q.tp,
            q.hardware,
            q.prompt + q.output,
            e.weights() / GB
        ));
    } else if q.clamp_batch {
        fit
    } else {
        return Err(format!(
            "--batch {} does not fit: at most {fit} sequences of {} tokens fit in the memory of {} x {} beside the weights; lower --batch, or pass --clamp-batch to run at {fit}",
            q.batch,
            q.prompt + q.output,
            q.tp,
            q.hardware
        ));
    };
    let ctx = q.prompt + q.output / 2.0;
    let step = e.decode_step_s(batch, ctx);
    let (mem, comp) = e.decode_parts(batch, ctx);
    let ttft = e.prefill_s(batch, q.prompt.max(1.0));
    Ok(RooflineReport {
        hardware: q.hardware.clone(),
        llm: q.llm.clone(),
        quant: q.quant,
        kv_quant: q.kv_quant,
        batch,
        requested_batch: q.batch,
        batch_clamped: batch < q.batch,
        tp: q.tp,
        attention: q.attention,
        prompt: q.prompt,
        output: q.output,
        decode_step_ms: step * MS,
        decode_tok_per_s: batch / step,
        ttft_ms: ttft * MS,
        e2e_ms: (ttft + q.output * step) * MS,
        kv_bytes_per_token: e.kv_bytes_per_token(),
        max_batch: e.max_batch(q.prompt + q.output),
        weights_gb: e.weights() / GB,
        bound: if mem >= comp {
            Bound::Memory
        } else {
            Bound::Compute
        },
    })
}
