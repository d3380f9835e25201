//! Storage: the only code that knows bevy_pkv (natively redb, on the web localStorage). It gets
//! and sets text by key, fallibly, and never panics.
//!
//! - A value that cannot be read as text comes back as [`ReadError::Unreadable`] with its raw
//!   bytes: natively read from the redb file itself (bevy_pkv has no raw read), on the web the
//!   localStorage string.
//! - Natively the redb file is checked before bevy_pkv opens it, on a private copy in memory
//!   (in a child process where one can be started), so a damaged file can neither crash the
//!   program nor be changed by redb's repair: see [`native`]. A file held by a running game, or
//!   one this user may not read or write, is reported and never touched.
//! - Commands that only read open a snapshot ([`Store::open_read_only`]) and never write.
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
    /// Remove a key (nothing stored: nothing to do).
    fn remove(&mut self, key: &str) -> Result<(), String>;
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
    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.values.remove(key);
        Ok(())
    }
}

/// A snapshot of a store file's values as stored (bevy_pkv's MessagePack), opened only to
/// read: every write is refused.
#[derive(Debug, Default, Clone)]
pub struct SnapshotBackend {
    pub raw: HashMap<String, Vec<u8>>,
}

/// The text of a MessagePack string (how bevy_pkv stores text), or None.
pub fn msgpack_str(bytes: &[u8]) -> Option<&str> {
    let (&tag, rest) = bytes.split_first()?;
    let (len, rest) = match tag {
        0xa0..=0xbf => (usize::from(tag & 0x1f), rest),
        0xd9 => (usize::from(*rest.first()?), rest.get(1..)?),
        0xda => (
            usize::from(u16::from_be_bytes(rest.get(..2)?.try_into().ok()?)),
            rest.get(2..)?,
        ),
        0xdb => (
            u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize,
            rest.get(4..)?,
        ),
        _ => return None,
    };
    (rest.len() == len)
        .then(|| std::str::from_utf8(rest).ok())
        .flatten()
}

impl KvBackend for SnapshotBackend {
    fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        match self.raw.get(key) {
            None => Ok(None),
            Some(b) => {
                msgpack_str(b)
                    .map(|s| Some(s.to_string()))
                    .ok_or_else(|| ReadError::Unreadable {
                        error: "not a text value".into(),
                        raw: b.clone(),
                    })
            }
        }
    }
    fn set(&mut self, key: &str, _: &str) -> Result<(), String> {
        Err(format!(
            "cannot write `{key}`: the store was opened only to read"
        ))
    }
    fn remove(&mut self, key: &str) -> Result<(), String> {
        Err(format!(
            "cannot remove `{key}`: the store was opened only to read"
        ))
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
    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.pkv
            .remove(key)
            .map_err(|e| format!("cannot remove `{key}`: {e}"))
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
    /// What opening the store did that the student should know (a damaged file moved aside).
    pub notices: Vec<crate::text::message::Message>,
}

impl Store {
    pub fn new(backend: Box<dyn KvBackend>, mode: StorageMode) -> Self {
        Store {
            backend,
            mode,
            file: None,
            notices: Vec::new(),
        }
    }

    /// A store that keeps everything in memory and says it persists (tests, the demo).
    pub fn memory() -> Self {
        Store::new(Box::<MemoryBackend>::default(), StorageMode::Persistent)
    }

    /// A store in memory that says why progress will not be saved.
    pub fn memory_only(reason: String) -> Self {
        Store::new(
            Box::<MemoryBackend>::default(),
            StorageMode::MemoryOnly { reason },
        )
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        self.backend.get(key)
    }
    /// Write one value (one atomic commit).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        fault::point();
        let r = self.backend.set(key, value);
        fault::point();
        r
    }
    /// Remove one value (one atomic commit).
    pub fn remove(&mut self, key: &str) -> Result<(), String> {
        fault::point();
        let r = self.backend.remove(key);
        fault::point();
        r
    }
    pub fn persistent(&self) -> bool {
        self.mode == StorageMode::Persistent
    }
}

/// Bytes as lower-case hex (how pinned values and the store check's answers carry raw bytes
/// as text).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of [`hex`] text, or None when it is not hex.
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// The file bevy_pkv keeps in the data folder.
pub const FILE_NAME: &str = "bevy_pkv.redb";

/// The largest store file read (a ledger is kilobytes; eight backups of the largest ledger an
/// import accepts fit many times over).
pub const MAX_STORE_BYTES: u64 = 256 << 20;

#[cfg(not(target_arch = "wasm32"))]
mod check;
pub mod fault;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{CHECK_ENV, run_check_child, use_check_child};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{Aside, FileProblem, asides, check_file, data_dir, move_aside, read_bounded};

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

    /// Browser storage, or memory with the reason it could not be opened.
    pub fn open_or_memory(dir: Option<PathBuf>) -> Self {
        Store::open(dir).unwrap_or_else(Store::memory_only)
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
