//! Parts of a scenario that describe one kind of thing each: the TinyML workload, a device's
//! LLM runtime, the reading list and the translations of the scenario's text. Data only; the physics that uses them lives in `tiny` and `roofline`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Source notes, keyed by the field they document.
pub type Sources = BTreeMap<String, String>;

/// A device's LLM runtime as it ships: what fraction of the part it reaches, and how it
/// stores weights. Only the linear layers of the transformer blocks are quantized; the token
/// embedding and output head stay at 16 bits, and INT4 weights carry a 16-bit scale per group.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeviceRuntime {
    pub label: String,
    /// Achieved fraction of the memory bandwidth in batch-1 decode.
    pub mem_efficiency: f64,
    /// Achieved fraction of the dense FP16 peak in prefill.
    pub prefill_efficiency: f64,
    /// Weights per INT4 quantization group (one 16-bit scale each).
    pub int4_group_size: f64,
    #[serde(default)]
    pub sources: Sources,
}

/// The TinyML tier's workload: a named always-on model, with the work one inference does.
/// The student's size control scales this family: MACs in proportion to the parameters (a
/// network widened or narrowed), the activation arena with their square root (activations grow
/// with the width, weights with its square).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TinyWorkload {
    pub label: String,
    /// Parameters of the reference model.
    pub params: f64,
    /// Multiply-accumulates of one inference of the reference model.
    pub macs: f64,
    /// Peak activation memory (the runtime's arena) of the reference model, KiB.
    pub arena_kib: f64,
    #[serde(default)]
    pub sources: Sources,
}

/// One entry of the lab's reading list: a textbook chapter the lab builds on, by title, with
/// what to read it for and its public page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub title: String,
    /// What the chapter gives the student for this lab, one sentence.
    pub why: String,
    /// The chapter's public page (`https://` only).
    pub url: String,
}

/// Language tag → English text → its translation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Translations(pub BTreeMap<String, BTreeMap<String, String>>);

impl Translations {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
