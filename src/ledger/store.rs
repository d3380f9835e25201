//! The ledger plugin: opens the student's [`Store`] (or one in memory), loads the ledger
//! through [`super::state`], and handles the panel's requests (import, export, samples,
//! backups, a fresh start).

use bevy::prelude::*;

use super::keep;
pub use super::state::*;
use crate::platform::storage::{StorageMode, Store};
use crate::text::message::Message;

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
    /// Read a ledger file for an import preview (the course's `~/.mlsys/ledger.json`).
    PreviewFile(std::path::PathBuf),
}

/// The course's own ledger file on this machine, if there is one (looked for once, at start).
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct CourseLedgerFile(pub Option<std::path::PathBuf>);

impl CourseLedgerFile {
    /// `~/.mlsys/ledger.json`, where the course's notebooks keep the ledger (native only).
    pub fn find() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(home) = std::env::var_os("HOME") {
            let path = std::path::Path::new(&home).join(".mlsys/ledger.json");
            if path.is_file() {
                return CourseLedgerFile(Some(path));
            }
        }
        CourseLedgerFile(None)
    }
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
        .insert_resource(CourseLedgerFile::find())
        .add_message::<LedgerMsg>()
        .add_systems(Update, handle_ledger_msgs);
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Startup, || {
        crate::platform::web::ledger_input();
    })
    .add_systems(Update, picked_ledger.before(handle_ledger_msgs));
    if let Some((source, text)) = &cfg.import {
        app.insert_resource(ImportPreview::new(source.clone(), text));
    }
}

/// A ledger file the browser's picker has read, handed over as a preview.
#[cfg(target_arch = "wasm32")]
fn picked_ledger(mut out: MessageWriter<LedgerMsg>) {
    if let Some((source, text)) = crate::platform::web::take_picked_ledger() {
        out.write(LedgerMsg::PreviewImport { source, text });
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
                commands.insert_resource(preview_import(source, text));
            }
            LedgerMsg::ConfirmImport(mode) => {
                if let Some(p) = &preview
                    && confirm_import(&mut store, &mut state, p, *mode)
                {
                    commands.remove_resource::<ImportPreview>();
                }
            }
            LedgerMsg::CancelImport => commands.remove_resource::<ImportPreview>(),
            LedgerMsg::ViewSample(name) => state.view_sample(name.as_deref()),
            LedgerMsg::Export => export_ledger(&store, &mut state),
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
            LedgerMsg::PreviewFile(path) => commands.insert_resource(preview_file(path)),
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

/// An import's preview from pasted text, logged.
fn preview_import(source: &str, text: &str) -> ImportPreview {
    let preview = ImportPreview::new(source.to_owned(), text);
    match &preview.result {
        Ok(p) => info!(
            "architects-audit: import preview from {source}: {} entries",
            p.ledger.history.len()
        ),
        Err(e) => info!("architects-audit: import preview from {source}: {e}"),
    }
    preview
}

/// Apply the previewed import; on failure nothing changes and the save status says why.
/// True when it was applied.
fn confirm_import(
    store: &mut Store,
    state: &mut LedgerState,
    p: &ImportPreview,
    mode: ImportMode,
) -> bool {
    match apply_import(store, state, p, mode) {
        Ok(backup) => {
            info!(
                "architects-audit: import applied ({}) from {}: {} entries, backup {}",
                mode.as_str(),
                p.source,
                state.ledger.history.len(),
                backup.map_or("none".into(), |id| id.to_string())
            );
            true
        }
        // Nothing was changed; say why (the preview stays open).
        Err(e) => {
            state.save = SaveStatus::Failed(format!("import not applied: {e}"));
            false
        }
    }
}

/// Export the ledger, or the unreadable copy of it the store keeps.
fn export_ledger(store: &Store, state: &mut LedgerState) {
    let pinned = state
        .problem
        .as_ref()
        .and_then(|p| p.pin)
        .and_then(|id| keep::pins(store).into_iter().find(|p| p.id == id));
    state.last_export = Some(match pinned {
        Some(p) => export(&p.bytes(), "unreadable"),
        None => export(state.ledger.to_json_pretty().as_bytes(), "ledger"),
    });
}

/// An import's preview from a file.
fn preview_file(path: &std::path::Path) -> ImportPreview {
    let source = path.display().to_string();
    match super::read_ledger_file(path) {
        Ok(text) => ImportPreview::new(source, &text),
        Err(e) => ImportPreview {
            source,
            result: Err(Message::new("import-file-unreadable").with("detail", e)),
        },
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
    Ok(name)
}
