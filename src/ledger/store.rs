//! The ledger plugin: loads the student's ledger from the [`Store`], keeps it safe, and
//! handles the panel's requests (import, export, samples, backups, a fresh start).
//!
//! Rules that keep the student's record safe (see [`super::keep`] for the keys):
//! - a stored value that cannot be read is pinned byte for byte and never replaced by a
//!   default: saving stays blocked until the student exports it or chooses to start afresh;
//! - "Start afresh", import and restore back up what is stored before they write;
//! - storage that cannot be opened (a locked, unreadable or unwritable store, blocked web
//!   storage) puts the game in memory-only mode with a visible warning, and never panics;
//! - the demo and screenshot runs use a store in memory and never open the student's;
//! - samples are view-only: nothing saved comes from a sample.

use bevy::prelude::*;

use super::format::{Ledger, Parsed, parse_str};
use super::keep::{self, Problem};
use super::{ReportCard, analyze};
use crate::storage::{StorageMode, Store, now_iso};

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
    /// What loading did to the store (a migration, a pinned copy).
    pub events: Vec<String>,
    /// The backups in the store, newest first (id, time, reason).
    pub backups: Vec<(u64, String, String)>,
    pub problem: Option<Problem>,
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
            events: Vec::new(),
            backups: Vec::new(),
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

    /// The student's own card, if they have a ledger of labs 1-15 to judge against.
    pub fn own_card(&self) -> Option<&ReportCard> {
        (self.card.n_completed > 0).then_some(&self.card)
    }

    pub fn refresh_backups(&mut self, store: &Store) {
        self.backups = keep::backups(store)
            .into_iter()
            .map(|b| (b.id, b.time, b.reason))
            .collect();
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

/// Read the stored ledger (see [`keep::load`]).
pub fn load(store: &mut Store) -> LedgerState {
    let loaded = keep::load(store, &now_iso());
    let mut s = LedgerState::from_ledger(loaded.ledger);
    s.notes = loaded.notes;
    s.events = loaded.events;
    s.problem = loaded.problem;
    s.refresh_backups(store);
    if let StorageMode::MemoryOnly { reason } = &store.mode {
        s.save = SaveStatus::MemoryOnly(reason.clone());
    }
    s
}

/// Write the whole ledger. Never overwrites an unreadable stored ledger.
pub fn save(store: &mut Store, state: &mut LedgerState) {
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
    state.save = match keep::save(store, &state.ledger) {
        Ok(()) => SaveStatus::Saved,
        Err(e) => SaveStatus::Failed(e),
    };
}

/// The student chose to start afresh after an unreadable ledger. Its bytes stay pinned; the
/// main key may now be written. Refused when the pin could not be written.
/// Returns the id of the backup taken, if any.
pub fn start_afresh(store: &mut Store, state: &mut LedgerState) -> Result<Option<u64>, String> {
    let mut backed = None;
    if let Some(p) = &state.problem {
        if p.pin.is_none() && store.persistent() {
            return Err("the unreadable ledger could not be kept, so it is not replaced".into());
        }
        backed = keep::backup(store, "before starting afresh", &now_iso())?;
    }
    state.problem = None;
    state.card = analyze(&state.ledger);
    Ok(backed)
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

impl ImportMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportMode::Replace => "replace",
            ImportMode::Merge => "merge",
        }
    }
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

/// Apply a confirmed import and save, backing up what is stored first; returns the id of the
/// backup taken, if any. A preview that failed to parse changes nothing. The game's panel and
/// the `ledger import` command both come here.
pub fn apply_import(
    store: &mut Store,
    state: &mut LedgerState,
    preview: &ImportPreview,
    mode: ImportMode,
) -> Result<Option<u64>, String> {
    let parsed = preview.result.as_ref().map_err(|e| e.clone())?;
    let backed = if state.problem.is_some() {
        // Never lose an unreadable stored ledger: it must be pinned first.
        start_afresh(store, state)?
    } else if store.persistent() {
        keep::backup(
            store,
            &format!("before import ({}) from {}", mode.as_str(), preview.source),
            &now_iso(),
        )?
    } else {
        None
    };
    let ledger = match mode {
        ImportMode::Replace => parsed.ledger.clone(),
        ImportMode::Merge => {
            let mut l = state.ledger.clone();
            l.merge(&parsed.ledger, &now_iso());
            l
        }
    };
    state.ledger = ledger;
    state.card = analyze(&state.ledger);
    state.notes = parsed.notes.clone();
    state.sample = None;
    save(store, state);
    Ok(backed)
}

/// Restore a backup the student picked (what is stored is backed up first).
/// The game's panel and the `ledger restore` command both come here.
pub fn apply_restore(store: &mut Store, state: &mut LedgerState, id: u64) -> Result<(), String> {
    if state.problem.is_some() {
        start_afresh(store, state)?;
    }
    let parsed = keep::restore(store, id, &now_iso())?;
    state.ledger = parsed.ledger;
    state.notes = parsed.notes;
    state.card = analyze(&state.ledger);
    state.save = SaveStatus::Saved;
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

pub use keep::CAPSTONE_CHAPTER;

/// Which store the plugin opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreChoice {
    /// bevy_pkv at the platform's location (or `ARCHITECTS_AUDIT_DATA_DIR`).
    Platform,
    /// In memory (headless tests, the demo, screenshot runs): the student's store is never
    /// opened.
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
    /// Restore the backup with this id.
    Restore(u64),
    /// Leave the in-memory store (the demo) for the student's own, and load it.
    OpenStudentStore,
}

/// The store a demo hands over to when the student takes control, and its data folder.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct TakeoverStore(pub StoreChoice, pub Option<std::path::PathBuf>);

/// Which store the ledger plugin opens, and what it offers at start. The parent inserts it
/// before adding [`plugin`] (a store in memory otherwise).
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct LedgerConfig {
    pub store: StoreChoice,
    /// The store opened when the student takes over from the demo.
    pub takeover: StoreChoice,
    /// The data folder of the platform store (None: `ARCHITECTS_AUDIT_DATA_DIR` or the
    /// platform's own).
    pub data_dir: Option<std::path::PathBuf>,
    /// A file given on the command line, offered for import at start.
    pub import: Option<(String, String)>,
}

impl Default for LedgerConfig {
    fn default() -> Self {
        LedgerConfig {
            store: StoreChoice::Memory,
            takeover: StoreChoice::Memory,
            data_dir: None,
            import: None,
        }
    }
}

/// The ledger plugin: opens the store, loads the ledger, handles [`LedgerMsg`].
pub fn plugin(app: &mut App) {
    let cfg = app
        .world_mut()
        .get_resource_or_init::<LedgerConfig>()
        .clone();
    let mut store = match cfg.store {
        StoreChoice::Platform => Store::open_or_memory(cfg.data_dir.clone()),
        StoreChoice::Memory => Store::memory(),
    };
    let state = load_logged(&mut store);
    app.insert_resource(store)
        .insert_resource(state)
        .insert_resource(TakeoverStore(cfg.takeover, cfg.data_dir.clone()))
        .add_message::<LedgerMsg>()
        .add_systems(Update, handle_ledger_msgs);
    if let Some((source, text)) = &cfg.import {
        app.insert_resource(ImportPreview::new(source.clone(), text));
    }
}

fn load_logged(store: &mut Store) -> LedgerState {
    let state = load(store);
    if let StorageMode::MemoryOnly { reason } = &store.mode {
        warn!("progress will not be saved: {reason}");
    }
    if let Some(p) = &state.problem {
        warn!("stored ledger unreadable: {}", p.error);
    }
    for e in &state.events {
        info!("ledger: {e}");
    }
    info!(
        "architects-audit: ledger loaded, {} entries, chapters {:?}",
        state.ledger.history.len(),
        state.ledger.chapters()
    );
    state
}

fn handle_ledger_msgs(
    mut commands: Commands,
    mut msgs: MessageReader<LedgerMsg>,
    mut store: ResMut<Store>,
    mut state: ResMut<LedgerState>,
    preview: Option<Res<ImportPreview>>,
    takeover: Res<TakeoverStore>,
) {
    for msg in msgs.read() {
        match msg {
            LedgerMsg::PreviewImport { source, text } => {
                commands.insert_resource(ImportPreview::new(source.clone(), text));
            }
            LedgerMsg::ConfirmImport(mode) => {
                if let Some(p) = &preview {
                    match apply_import(&mut store, &mut state, p, *mode) {
                        Ok(_) => commands.remove_resource::<ImportPreview>(),
                        // Nothing was changed; say why (the preview stays open).
                        Err(e) => {
                            state.save = SaveStatus::Failed(format!("import not applied: {e}"))
                        }
                    }
                }
            }
            LedgerMsg::CancelImport => commands.remove_resource::<ImportPreview>(),
            LedgerMsg::ViewSample(name) => state.view_sample(name.as_deref()),
            LedgerMsg::Export => {
                let pinned = state
                    .problem
                    .as_ref()
                    .and_then(|p| p.pin)
                    .and_then(|id| keep::pins(&store).into_iter().find(|p| p.id == id));
                state.last_export = Some(match pinned {
                    Some(p) => export(&p.bytes(), "unreadable"),
                    None => export(state.ledger.to_json_pretty().as_bytes(), "ledger"),
                });
            }
            LedgerMsg::StartAfresh => {
                if let Err(e) = start_afresh(&mut store, &mut state) {
                    state.save = SaveStatus::Failed(e);
                }
            }
            LedgerMsg::Restore(id) => {
                if let Err(e) = apply_restore(&mut store, &mut state, *id) {
                    state.save = SaveStatus::Failed(e);
                }
            }
            LedgerMsg::OpenStudentStore => {
                *store = match takeover.0 {
                    StoreChoice::Platform => Store::open_or_memory(takeover.1.clone()),
                    StoreChoice::Memory => Store::memory(),
                };
                *state = load_logged(&mut store);
            }
        }
        // Imports, restores and fresh starts take backups; the list follows.
        if matches!(
            msg,
            LedgerMsg::ConfirmImport(_) | LedgerMsg::StartAfresh | LedgerMsg::Restore(_)
        ) {
            state.refresh_backups(&store);
        }
    }
}

/// Native: write to the home folder (or `ARCHITECTS_AUDIT_EXPORT_DIR`); returns the path.
#[cfg(not(target_arch = "wasm32"))]
pub fn export(bytes: &[u8], what: &str) -> Result<String, String> {
    let dir = std::env::var_os("ARCHITECTS_AUDIT_EXPORT_DIR")
        .or_else(|| std::env::var_os("HOME"))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let ext = if what == "ledger" { "json" } else { "bin" };
    let path = dir.join(format!("architects-audit-{what}-{stamp}.{ext}"));
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.display().to_string())
}

/// Web: offer the bytes as a download.
#[cfg(target_arch = "wasm32")]
pub fn export(bytes: &[u8], what: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| "cannot create the download")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "cannot create the download")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create the download")?
        .dyn_into()
        .map_err(|_| "cannot create the download")?;
    a.set_href(&url);
    let name = if what == "ledger" {
        "architects-audit-ledger.json".to_string()
    } else {
        format!("architects-audit-{what}.bin")
    };
    a.set_download(&name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(format!("{name} (downloaded)"))
}
