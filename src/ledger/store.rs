//! The ledger's persistence: the only code that knows bevy_pkv (native: redb; web:
//! localStorage).
//!
//! Rules that keep the student's record safe:
//! - one explicit, versioned key, [`LEDGER_KEY`], holding the course's JSON format as text;
//! - a stored value that does not parse is copied, raw, to [`BACKUP_KEY`] and never replaced by
//!   a default: saving stays blocked until the student exports it or chooses to start afresh;
//! - storage that cannot be opened (a locked or unwritable store, blocked web storage) puts
//!   the game in memory-only mode with a visible warning, and never panics;
//! - a save is one atomic write of the whole ledger; a failed write leaves the previous value.

use std::collections::HashMap;

use bevy::prelude::*;
use serde_json::{Map, Value};

use super::format::{Ledger, Parsed, parse_str};
use super::{ReportCard, analyze};

/// The ledger, in the course's JSON format.
pub const LEDGER_KEY: &str = "ledger/v1";
/// A stored ledger that failed to parse, kept byte for byte.
pub const BACKUP_KEY: &str = "ledger/v1/unreadable-backup";
/// Preferences (display profile and scale), apart from the ledger.
pub const PREFS_KEY: &str = "prefs/v1";

/// A key-value store of text.
pub trait KvBackend: Send + Sync + 'static {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
}

/// In memory only: the fallback, and the store of headless tests.
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    pub values: HashMap<String, String>,
    /// Make every write fail (to test that a failed save loses nothing).
    pub fail_writes: bool,
}

impl KvBackend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.values.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.fail_writes {
            return Err("simulated write failure".into());
        }
        self.values.insert(key.into(), value.into());
        Ok(())
    }
}

/// bevy_pkv behind [`KvBackend`].
struct PkvBackend(bevy_pkv::PkvStore);

impl KvBackend for PkvBackend {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        match self.0.get::<String>(key) {
            Ok(s) => Ok(Some(s)),
            Err(bevy_pkv::GetError::NotFound) => Ok(None),
            // Not a string: keep whatever it is, as JSON text, so it can be exported.
            Err(e) => match self.0.get::<Value>(key) {
                Ok(v) => Ok(Some(v.to_string())),
                Err(_) => Err(format!("stored value under `{key}` cannot be read: {e}")),
            },
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_string(key, value).map_err(|e| e.to_string())
    }
}

/// Where progress goes.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageMode {
    Persistent,
    /// Storage could not be opened: progress lives only in this session.
    MemoryOnly {
        reason: String,
    },
}

/// The store resource.
#[derive(Resource)]
pub struct LedgerStore {
    backend: Box<dyn KvBackend>,
    pub mode: StorageMode,
}

impl LedgerStore {
    pub fn new(backend: Box<dyn KvBackend>, mode: StorageMode) -> Self {
        LedgerStore { backend, mode }
    }

    pub fn memory() -> Self {
        LedgerStore::new(Box::<MemoryBackend>::default(), StorageMode::Persistent)
    }

    /// Open the platform store (or the folder in `ARCHITECTS_AUDIT_DATA_DIR`), or fall back to
    /// memory with the reason.
    pub fn open_platform() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let dir = std::env::var_os("ARCHITECTS_AUDIT_DATA_DIR").map(std::path::PathBuf::from);
        #[cfg(target_arch = "wasm32")]
        let dir = None;
        Self::open(dir)
    }

    /// Open the store in `dir` (None: the platform's default place), or fall back to memory.
    pub fn open(dir: Option<std::path::PathBuf>) -> Self {
        match open_pkv(dir) {
            Ok(b) => LedgerStore::new(b, StorageMode::Persistent),
            Err(reason) => LedgerStore::new(
                Box::<MemoryBackend>::default(),
                StorageMode::MemoryOnly { reason },
            ),
        }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.backend.get(key)
    }
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.backend.set(key, value)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn open_pkv(dir: Option<std::path::PathBuf>) -> Result<Box<dyn KvBackend>, String> {
    // bevy_pkv panics when the store is locked or cannot be created: contain it.
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| match &dir {
        Some(d) => bevy_pkv::PkvStore::new_in_dir(d),
        None => bevy_pkv::PkvStore::new("mlsysbook", "architects-audit"),
    });
    std::panic::set_hook(prev);
    match result {
        Ok(store) => Ok(Box::new(PkvBackend(store))),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown error".into());
            Err(format!("the progress store could not be opened ({msg})"))
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn open_pkv(_dir: Option<std::path::PathBuf>) -> Result<Box<dyn KvBackend>, String> {
    // bevy_pkv expects localStorage to exist; check first (blocked in sandboxed iframes and
    // some privacy modes).
    let storage = web_sys::window()
        .ok_or("no browser window")?
        .local_storage()
        .map_err(|_| "browser storage is blocked".to_string())?
        .ok_or("browser storage is unavailable")?;
    storage
        .set_item("architects-audit/probe", "1")
        .map_err(|_| "browser storage is full or blocked".to_string())?;
    let _ = storage.remove_item("architects-audit/probe");
    Ok(Box::new(PkvBackend(bevy_pkv::PkvStore::new(
        "mlsysbook",
        "architects-audit",
    ))))
}

/// A stored ledger that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProblem {
    pub error: String,
    pub raw: String,
    /// Whether the raw copy reached the backup key.
    pub backed_up: bool,
}

/// Outcome of the last save.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SaveStatus {
    #[default]
    NotYet,
    Saved,
    /// Kept in memory only (storage unavailable, or blocked by an unreadable stored ledger).
    MemoryOnly(String),
    Failed(String),
}

/// The ledger in play and its report card.
#[derive(Resource, Debug, Clone)]
pub struct LedgerState {
    pub ledger: Ledger,
    pub card: ReportCard,
    /// Notes from reading the stored ledger.
    pub notes: Vec<String>,
    pub problem: Option<LoadProblem>,
    pub save: SaveStatus,
    /// A sample student picked in Act I: shown instead of the student's own card, never saved
    /// over the student's ledger.
    pub sample: Option<SampleView>,
    /// Where the last export went, or why it failed.
    pub last_export: Option<Result<String, String>>,
}

/// A sample ledger being viewed.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleView {
    pub name: String,
    pub card: ReportCard,
}

impl LedgerState {
    pub fn from_ledger(ledger: Ledger) -> Self {
        let card = analyze(&ledger);
        LedgerState {
            ledger,
            card,
            notes: Vec::new(),
            problem: None,
            save: SaveStatus::NotYet,
            sample: None,
            last_export: None,
        }
    }

    /// The card Act I shows: the sample's, if one is picked, else the student's.
    pub fn shown_card(&self) -> &ReportCard {
        self.sample.as_ref().map_or(&self.card, |s| &s.card)
    }

    pub fn refresh_card(&mut self) {
        self.card = analyze(&self.ledger);
    }

    /// View a sample ledger (None: back to the student's own).
    pub fn view_sample(&mut self, name: Option<&str>) {
        self.sample = name.and_then(|n| {
            sample(n).map(|l| SampleView {
                name: n.to_string(),
                card: analyze(&l),
            })
        });
    }
}

/// Read the stored ledger. An unreadable one is backed up, raw, and reported.
pub fn load(store: &mut LedgerStore) -> LedgerState {
    let raw = match store.get(LEDGER_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return LedgerState::from_ledger(Ledger::default()),
        Err(e) => {
            let mut s = LedgerState::from_ledger(Ledger::default());
            s.problem = Some(LoadProblem {
                error: e,
                raw: String::new(),
                backed_up: false,
            });
            return s;
        }
    };
    match parse_str(&raw) {
        Ok(Parsed { ledger, notes }) => {
            let mut s = LedgerState::from_ledger(ledger);
            s.notes = notes;
            s
        }
        Err(e) => {
            let backed_up = store.set(BACKUP_KEY, &raw).is_ok();
            let mut s = LedgerState::from_ledger(Ledger::default());
            s.problem = Some(LoadProblem {
                error: e.to_string(),
                raw,
                backed_up,
            });
            s
        }
    }
}

/// Write the whole ledger. Never overwrites an unreadable stored ledger.
pub fn save(store: &mut LedgerStore, state: &mut LedgerState) {
    if let StorageMode::MemoryOnly { reason } = &store.mode {
        state.save = SaveStatus::MemoryOnly(reason.clone());
        return;
    }
    if state.problem.is_some() {
        state.save = SaveStatus::MemoryOnly(
            "the stored ledger could not be read; export it or start afresh before saving".into(),
        );
        return;
    }
    state.save = match store.set(LEDGER_KEY, &state.ledger.to_json_pretty()) {
        Ok(()) => SaveStatus::Saved,
        Err(e) => SaveStatus::Failed(e),
    };
}

/// The student chose to start afresh after an unreadable ledger: the raw copy stays under
/// [`BACKUP_KEY`]; the main key may now be written.
pub fn start_afresh(store: &mut LedgerStore, state: &mut LedgerState) -> Result<(), String> {
    if let Some(p) = state.problem.as_ref().filter(|p| !p.backed_up) {
        store.set(BACKUP_KEY, &p.raw)?;
    }
    state.problem = None;
    state.card = analyze(&state.ledger);
    Ok(())
}

/// Display preferences, stored apart from the ledger. Unreadable ones fall back to defaults
/// (they hold nothing the student would miss).
pub fn load_prefs(store: &LedgerStore) -> crate::theme::Prefs {
    store
        .get(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<crate::theme::Prefs>(&t).ok())
        .unwrap_or_default()
        .sanitized()
}

pub fn save_prefs(store: &mut LedgerStore, prefs: &crate::theme::Prefs) {
    if store.mode == StorageMode::Persistent {
        let text = serde_json::to_string(prefs).expect("prefs serialise");
        if let Err(e) = store.set(PREFS_KEY, &text) {
            warn!("display preferences not saved: {e}");
        }
    }
}

/// How an import combines with the ledger in play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// The imported ledger replaces the one in play.
    Replace,
    /// The imported entries are added after the existing ones; where both record a chapter,
    /// the imported entry counts (the last entry wins).
    Merge,
}

/// A previewed import, waiting for confirmation.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub source: String,
    pub result: Result<Parsed, String>,
}

impl ImportPreview {
    pub fn new(source: impl Into<String>, text: &str) -> Self {
        ImportPreview {
            source: source.into(),
            result: parse_str(text).map_err(|e| e.to_string()),
        }
    }
}

/// Apply a confirmed import and save. A preview that failed to parse changes nothing.
pub fn apply_import(
    store: &mut LedgerStore,
    state: &mut LedgerState,
    preview: &ImportPreview,
    mode: ImportMode,
) -> Result<(), String> {
    let parsed = preview.result.as_ref().map_err(|e| e.clone())?;
    if state.problem.is_some() {
        // Never lose an unreadable stored ledger: it must be in the backup first.
        start_afresh(store, state)?;
    }
    let ledger = match mode {
        ImportMode::Replace => parsed.ledger.clone(),
        ImportMode::Merge => {
            let mut l = state.ledger.clone();
            for e in &parsed.ledger.history {
                l.append(e.chapter, e.design.clone());
            }
            l
        }
    };
    state.ledger = ledger;
    state.card = analyze(&state.ledger);
    state.notes = parsed.notes.clone();
    state.sample = None;
    save(store, state);
    Ok(())
}

/// The sample ledgers offered in Act I, by name.
pub const SAMPLES: [(&str, &str); 5] = [
    ("strong", include_str!("../../assets/ledgers/strong.json")),
    (
        "memory-wall",
        include_str!("../../assets/ledgers/memory_wall.json"),
    ),
    ("queuing", include_str!("../../assets/ledgers/queuing.json")),
    ("sparse", include_str!("../../assets/ledgers/sparse.json")),
    ("empty", include_str!("../../assets/ledgers/empty.json")),
];

pub fn sample(name: &str) -> Option<Ledger> {
    SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, text)| parse_str(text).ok())
        .map(|p| p.ledger)
}

/// Build the chapter-16 entry with every key of the course's save cell, plus the model used.
#[allow(clippy::too_many_arguments)]
pub fn chapter16_design(
    report: &crate::physics::Report,
    act1_prediction: &str,
    act1_correct: bool,
    act2_prediction: &str,
    act2_correct: bool,
    card: &ReportCard,
) -> Map<String, Value> {
    let d = &report.design;
    let round = |v: f64, places: i32| {
        let f = 10f64.powi(places);
        (v * f).round() / f
    };
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    put("context", "all".into());
    put("cloud_hardware", format!("H100x{}", d.n_h100).into());
    put("quantization_strategy", d.quant_cloud.as_str().into());
    put("serving_strategy", d.serving.as_str().into());
    put(
        "total_cost_per_req",
        round(report.cost_per_req_usd, 6).into(),
    );
    put("p99_latency_ms", round(report.cloud_p99_ms, 2).into());
    put(
        "tier_assignments",
        serde_json::to_value(&report.tier_assignments).expect("serialisable"),
    );
    put("retraining_cadence_days", d.retrain_cadence_days.into());
    put("fairness_threshold_pct", d.fairness_threshold_pct.into());
    put("act1_prediction", act1_prediction.into());
    put("act1_correct", act1_correct.into());
    put("act2_prediction", act2_prediction.into());
    put("act2_correct", act2_correct.into());
    put(
        "act2_result",
        if report.system_valid {
            "feasible"
        } else {
            "infeasible"
        }
        .into(),
    );
    put(
        "act2_decision",
        format!(
            "H100x{}_{}_{}",
            d.n_h100,
            d.quant_cloud.as_str(),
            d.serving.as_str()
        )
        .into(),
    );
    put("constraint_hit", report.constraint_hit.into());
    put("system_valid", report.system_valid.into());
    put("labs_completed", card.n_completed.into());
    put("pct_correct", round(card.pct_correct, 1).into());
    put("weakest_invariant", card.weakest_invariant.into());
    put("physics_model", report.model.as_str().into());
    m
}

/// The chapter this lab records.
pub const CAPSTONE_CHAPTER: u32 = 16;

/// Which store the plugin opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreChoice {
    /// bevy_pkv at the platform's location (or `ARCHITECTS_AUDIT_DATA_DIR`).
    Platform,
    /// In memory (headless tests).
    Memory,
}

/// What the UI asks of the ledger.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum LedgerMsg {
    /// Parse text for an import preview; nothing changes until confirmed.
    PreviewImport {
        source: String,
        text: String,
    },
    ConfirmImport(ImportMode),
    CancelImport,
    /// Show a sample's card in Act I (None: the student's own).
    ViewSample(Option<String>),
    /// Write the ledger (or the unreadable raw copy) to a file / download.
    Export,
    StartAfresh,
}

/// The ledger plugin: opens the store, loads the ledger, handles [`LedgerMsg`].
pub struct LedgerPlugin {
    pub store: StoreChoice,
    /// A file given on the command line, offered for import at start.
    pub import: Option<(String, String)>,
}

impl Plugin for LedgerPlugin {
    fn build(&self, app: &mut App) {
        let mut store = match self.store {
            StoreChoice::Platform => LedgerStore::open_platform(),
            StoreChoice::Memory => LedgerStore::memory(),
        };
        let mut state = load(&mut store);
        if let StorageMode::MemoryOnly { reason } = &store.mode {
            warn!("progress will not be saved: {reason}");
            state.save = SaveStatus::MemoryOnly(reason.clone());
        }
        if let Some(p) = &state.problem {
            warn!("stored ledger unreadable: {}", p.error);
        }
        info!(
            "architects-audit: ledger loaded, {} entries, chapters {:?}",
            state.ledger.history.len(),
            state.ledger.chapters()
        );
        app.insert_resource(store)
            .insert_resource(state)
            .add_message::<LedgerMsg>()
            .add_systems(Update, handle_ledger_msgs);
        if let Some((source, text)) = &self.import {
            app.insert_resource(ImportPreview::new(source.clone(), text));
        }
    }
}

fn handle_ledger_msgs(
    mut commands: Commands,
    mut msgs: MessageReader<LedgerMsg>,
    mut store: ResMut<LedgerStore>,
    mut state: ResMut<LedgerState>,
    preview: Option<Res<ImportPreview>>,
) {
    for msg in msgs.read() {
        match msg {
            LedgerMsg::PreviewImport { source, text } => {
                commands.insert_resource(ImportPreview::new(source.clone(), text));
            }
            LedgerMsg::ConfirmImport(mode) => {
                if let Some(p) = &preview
                    && apply_import(&mut store, &mut state, p, *mode).is_ok()
                {
                    commands.remove_resource::<ImportPreview>();
                }
            }
            LedgerMsg::CancelImport => commands.remove_resource::<ImportPreview>(),
            LedgerMsg::ViewSample(name) => state.view_sample(name.as_deref()),
            LedgerMsg::Export => {
                let text = match &state.problem {
                    Some(p) if !p.raw.is_empty() => p.raw.clone(),
                    _ => state.ledger.to_json_pretty(),
                };
                state.last_export = Some(export(&text));
            }
            LedgerMsg::StartAfresh => {
                if let Err(e) = start_afresh(&mut store, &mut state) {
                    state.save = SaveStatus::Failed(e);
                }
            }
        }
    }
}

/// Native: write next to the store, in the home folder; returns the path.
#[cfg(not(target_arch = "wasm32"))]
pub fn export(text: &str) -> Result<String, String> {
    let dir = std::env::var_os("ARCHITECTS_AUDIT_EXPORT_DIR")
        .or_else(|| std::env::var_os("HOME"))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let path = dir.join(format!("architects-audit-ledger-{stamp}.json"));
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.display().to_string())
}

/// Web: offer the text as a `.json` download.
#[cfg(target_arch = "wasm32")]
pub fn export(text: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "cannot create the download")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "cannot create the download")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create the download")?
        .dyn_into()
        .map_err(|_| "cannot create the download")?;
    a.set_href(&url);
    a.set_download("architects-audit-ledger.json");
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok("architects-audit-ledger.json (downloaded)".into())
}
