//! Storage: the only code that knows bevy_pkv (natively redb, on the web localStorage). It gets
//! and sets text by key, fallibly, and never panics.
//!
//! - A value that cannot be read as text comes back as [`ReadError::Unreadable`] with its raw
//!   bytes: natively read from the redb file itself (bevy_pkv has no raw read), on the web the
//!   localStorage string.
//! - Natively the redb file is checked with redb before bevy_pkv opens it: a file that is not a
//!   store, or one held by a running game, is reported and never touched.
//! - The store is one file; everything the game keeps lives in it under explicit keys.

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::Resource;

/// A value could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The value exists but is not text: its bytes as stored.
    Unreadable { error: String, raw: Vec<u8> },
    /// The store itself failed.
    Failed(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Unreadable { error, raw } => {
                write!(f, "unreadable value ({} bytes): {error}", raw.len())
            }
            ReadError::Failed(e) => write!(f, "{e}"),
        }
    }
}

/// A key-value store of text.
pub trait KvBackend: Send + Sync + 'static {
    fn get(&self, key: &str) -> Result<Option<String>, ReadError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
}

/// In memory only: the fallback, the demo's store, and the store of headless tests. Holds
/// bytes, so a test can plant a value that is not text.
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    pub values: HashMap<String, Vec<u8>>,
}

impl KvBackend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        match self.values.get(key) {
            None => Ok(None),
            Some(b) => String::from_utf8(b.clone())
                .map(Some)
                .map_err(|e| ReadError::Unreadable {
                    error: e.to_string(),
                    raw: b.clone(),
                }),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.values.insert(key.into(), value.as_bytes().to_vec());
        Ok(())
    }
}

/// bevy_pkv behind [`KvBackend`], with the raw bytes read before it opened.
struct PkvBackend {
    pkv: bevy_pkv::PkvStore,
    #[cfg(not(target_arch = "wasm32"))]
    raw: HashMap<String, Vec<u8>>,
}

impl KvBackend for PkvBackend {
    fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        match self.pkv.get::<String>(key) {
            Ok(s) => Ok(Some(s)),
            Err(bevy_pkv::GetError::NotFound) => Ok(None),
            #[cfg(not(target_arch = "wasm32"))]
            Err(bevy_pkv::GetError::MessagePack(e)) => Err(ReadError::Unreadable {
                error: format!("not a text value: {e}"),
                raw: self.raw.get(key).cloned().unwrap_or_default(),
            }),
            #[cfg(target_arch = "wasm32")]
            Err(bevy_pkv::GetError::Json(e)) => Err(ReadError::Unreadable {
                error: format!("not a text value: {e}"),
                raw: web_raw(key).unwrap_or_default(),
            }),
            Err(e) => Err(ReadError::Failed(format!("cannot read `{key}`: {e}"))),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.pkv
            .set_string(key, value)
            .map_err(|e| format!("cannot write `{key}`: {e}"))
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

/// The store resource: the student's progress and preferences.
#[derive(Resource)]
pub struct Store {
    backend: Box<dyn KvBackend>,
    pub mode: StorageMode,
    /// The store's file, when it has one.
    pub file: Option<PathBuf>,
}

impl Store {
    pub fn new(backend: Box<dyn KvBackend>, mode: StorageMode) -> Self {
        Store {
            backend,
            mode,
            file: None,
        }
    }

    /// A store that keeps everything in memory and says it persists (tests, the demo).
    pub fn memory() -> Self {
        Store::new(Box::<MemoryBackend>::default(), StorageMode::Persistent)
    }

    /// The student's store, or memory with the reason it could not be opened.
    pub fn open_or_memory(dir: Option<PathBuf>) -> Self {
        match Store::open(dir) {
            Ok(s) => s,
            Err(reason) => Store::new(
                Box::<MemoryBackend>::default(),
                StorageMode::MemoryOnly { reason },
            ),
        }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        self.backend.get(key)
    }
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.backend.set(key, value)
    }
    pub fn persistent(&self) -> bool {
        self.mode == StorageMode::Persistent
    }
}

/// The file bevy_pkv keeps in the data folder.
pub const FILE_NAME: &str = "bevy_pkv.redb";

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use redb::{ReadableDatabase, ReadableTable, TableDefinition};

    /// bevy_pkv's one table.
    const TABLE: TableDefinition<&str, &[u8]> = TableDefinition::new("redb");

    /// The data folder: `dir`, else `ARCHITECTS_AUDIT_DATA_DIR`, else the platform's.
    pub fn data_dir(dir: Option<PathBuf>) -> Result<PathBuf, String> {
        dir.or_else(|| std::env::var_os("ARCHITECTS_AUDIT_DATA_DIR").map(PathBuf::from))
            .or_else(|| {
                directories::ProjectDirs::from("", "mlsysbook", "architects-audit")
                    .map(|d| d.data_dir().to_path_buf())
            })
            .ok_or_else(|| "no data folder could be found for this user".to_string())
    }

    /// Why a store file cannot be used.
    #[derive(Debug, Clone, PartialEq)]
    pub enum FileProblem {
        /// Another running game holds it.
        InUse(PathBuf),
        /// Not a store this program can read (garbage, another format, a newer redb).
        Unreadable(PathBuf, String),
    }

    impl std::fmt::Display for FileProblem {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match self {
                FileProblem::InUse(p) => write!(
                    f,
                    "the progress store {} is in use by another running copy of the game; close it and try again",
                    p.display()
                ),
                FileProblem::Unreadable(p, e) => write!(
                    f,
                    "the progress store {} cannot be read ({e}); it has been left as it is",
                    p.display()
                ),
            }
        }
    }

    /// Open the file with redb alone, read every value's bytes, and close it again.
    pub fn check_file(path: &std::path::Path) -> Result<HashMap<String, Vec<u8>>, FileProblem> {
        let mut raw = HashMap::new();
        if !path.exists() {
            return Ok(raw);
        }
        let bad = |e: &dyn std::fmt::Display| FileProblem::Unreadable(path.into(), e.to_string());
        let db = redb::Database::open(path).map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => FileProblem::InUse(path.into()),
            other => bad(&other),
        })?;
        let txn = db.begin_read().map_err(|e| bad(&e))?;
        let table = match txn.open_table(TABLE) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(raw),
            Err(e) => return Err(bad(&e)),
        };
        for row in table.iter().map_err(|e| bad(&e))? {
            let (k, v) = row.map_err(|e| bad(&e))?;
            raw.insert(k.value().to_string(), v.value().to_vec());
        }
        Ok(raw)
    }

    impl Store {
        /// Open the store in `dir` (see [`data_dir`]). Never panics; a file that cannot be used
        /// is left untouched and the error says why.
        pub fn open(dir: Option<PathBuf>) -> Result<Store, String> {
            let dir = data_dir(dir)?;
            let file = dir.join(FILE_NAME);
            let raw = check_file(&file).map_err(|e| e.to_string())?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create the data folder {}: {e}", dir.display()))?;
            // check_file has shown the file opens; bevy_pkv can then only fail on a race with
            // another process, which is contained here.
            let pkv = std::panic::catch_unwind(|| bevy_pkv::PkvStore::new_in_dir(&dir)).map_err(
                |_| format!("the progress store {} could not be opened", file.display()),
            )?;
            let mut store = Store::new(Box::new(PkvBackend { pkv, raw }), StorageMode::Persistent);
            store.file = Some(file);
            Ok(store)
        }
    }

    /// Move an unusable store file aside, whole, and return where it went.
    pub fn move_aside(file: &std::path::Path, stamp: &str) -> Result<PathBuf, String> {
        let safe: String = stamp
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let to = file.with_extension(format!("redb.unreadable-{safe}"));
        std::fs::rename(file, &to)
            .map_err(|e| format!("cannot move {} aside: {e}", file.display()))?;
        Ok(to)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{FileProblem, check_file, data_dir, move_aside};

#[cfg(target_arch = "wasm32")]
const WEB_PREFIX: &str = "mlsysbook.architects-audit";

#[cfg(target_arch = "wasm32")]
fn web_raw(key: &str) -> Option<Vec<u8>> {
    let s = web_sys::window()?.local_storage().ok()??;
    s.get_item(&format!("{WEB_PREFIX}{key}"))
        .ok()?
        .map(String::into_bytes)
}

#[cfg(target_arch = "wasm32")]
impl Store {
    /// Open browser storage; bevy_pkv expects localStorage to exist, so check first (it is
    /// blocked in sandboxed iframes and some privacy modes).
    pub fn open(_dir: Option<PathBuf>) -> Result<Store, String> {
        let storage = web_sys::window()
            .ok_or("no browser window")?
            .local_storage()
            .map_err(|_| "browser storage is blocked".to_string())?
            .ok_or("browser storage is unavailable")?;
        storage
            .set_item("architects-audit/probe", "1")
            .map_err(|_| "browser storage is full or blocked".to_string())?;
        let _ = storage.remove_item("architects-audit/probe");
        let pkv = bevy_pkv::PkvStore::new("mlsysbook", "architects-audit");
        Ok(Store::new(
            Box::new(PkvBackend { pkv }),
            StorageMode::Persistent,
        ))
    }
}

/// The time now, ISO 8601 in UTC to the second.
pub fn now_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let s: String = js_sys::Date::new_0().to_iso_string().into();
        s.split('.').next().unwrap_or_default().to_string() + "Z"
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        iso_from_unix(secs)
    }
}

/// Seconds since 1970 as ISO 8601 UTC (days-to-civil, proleptic Gregorian).
pub fn iso_from_unix(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
