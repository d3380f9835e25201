//! The store on disk: finding the data folder, checking a store file without touching it,
//! opening it to write or only to read, and moving a damaged file aside whole.
//!
//! - [`check_file`] reads the file once, bounded, under a shared lock (a running game holds
//!   an exclusive one), and reads its values from a private copy ([`super::check`]). The file
//!   is never opened for writing by a check, so a damaged or half-written file keeps its bytes.
//! - A permission error is a permission error ([`FileProblem::Denied`]): nothing is moved or
//!   written.
//! - [`Store::open_or_memory`] (the game) fails closed: a damaged file is moved aside byte for
//!   byte and the game starts on a fresh store with a notice; anything else runs in memory.

use std::collections::HashMap;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::{FILE_NAME, MAX_STORE_BYTES, PkvBackend, SnapshotBackend, StorageMode, Store, fault};

/// The data folder: `dir`, else `ARCHITECTS_AUDIT_DATA_DIR`, else the platform's. An empty
/// folder name is an error, never the current folder.
pub fn data_dir(dir: Option<PathBuf>) -> Result<PathBuf, String> {
    if dir.as_ref().is_some_and(|d| d.as_os_str().is_empty()) {
        return Err("the data folder given is empty; name a folder".into());
    }
    if let Some(d) = dir {
        return Ok(d);
    }
    match std::env::var_os("ARCHITECTS_AUDIT_DATA_DIR") {
        Some(v) if v.is_empty() => {
            Err("ARCHITECTS_AUDIT_DATA_DIR is set but empty; name a folder or unset it".into())
        }
        Some(v) => Ok(PathBuf::from(v)),
        None => directories::ProjectDirs::from("", "mlsysbook", "architects-audit")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| "no data folder could be found for this user".to_string()),
    }
}

/// Why a store file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// Another running game holds it.
    InUse(PathBuf),
    /// Not a store this program can read (damaged, another format, a newer redb, too large).
    Unreadable(PathBuf, String),
    /// This user may not read it (or, to write, may not write it or its folder).
    Denied(PathBuf, String),
    /// No data folder could be named (an empty name, no home folder).
    NoFolder(String),
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
            FileProblem::Denied(p, e) => write!(
                f,
                "permission denied on {} ({e}); nothing was changed",
                p.display()
            ),
            FileProblem::NoFolder(e) => write!(f, "{e}"),
        }
    }
}

/// Read a whole file, refusing one over `limit` bytes (a device or a FIFO is refused too, so
/// `/dev/zero` cannot fill memory). `what` names the file in the error.
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path)
        .map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{what} {} is not a regular file", path.display()));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{what} {} is larger than the limit of {} bytes",
            path.display(),
            limit
        ));
    }
    Ok(bytes)
}

/// Read every value of a store file without changing it. No file: no values.
pub fn check_file(path: &Path) -> Result<HashMap<String, Vec<u8>>, FileProblem> {
    let bad = |e: &dyn std::fmt::Display| FileProblem::Unreadable(path.into(), e.to_string());
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => {
            return Err(FileProblem::Denied(path.into(), e.to_string()));
        }
        Err(e) => return Err(bad(&e)),
    };
    let meta = file.metadata().map_err(|e| bad(&e))?;
    if !meta.is_file() {
        return Err(bad(&"not a regular file"));
    }
    if meta.len() > MAX_STORE_BYTES {
        return Err(bad(&format!(
            "{} bytes, over the limit of {MAX_STORE_BYTES}",
            meta.len()
        )));
    }
    match file.try_lock_shared() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Err(FileProblem::InUse(path.into())),
        Err(std::fs::TryLockError::Error(e)) if e.kind() == ErrorKind::Unsupported => {}
        Err(std::fs::TryLockError::Error(e)) => return Err(bad(&e)),
    }
    let mut bytes = Vec::new();
    (&file)
        .take(MAX_STORE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(&e))?;
    drop(file);
    super::check::read_copy(bytes).map_err(|e| bad(&e))
}

/// Can this user create files in `dir`? (bevy_pkv panics where it cannot.)
fn check_writable(dir: &Path) -> Result<(), FileProblem> {
    std::fs::create_dir_all(dir).map_err(|e| match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            FileProblem::Denied(dir.into(), e.to_string())
        }
        _ => FileProblem::Unreadable(dir.into(), format!("cannot create the data folder: {e}")),
    })?;
    let probe = dir.join(format!(".write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(FileProblem::Denied(dir.into(), e.to_string())),
    }
    let file = dir.join(FILE_NAME);
    match std::fs::OpenOptions::new().write(true).open(&file) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(FileProblem::Denied(file, e.to_string())),
    }
}

/// Create an empty store file whole: built beside it under a temporary name and linked into
/// place once complete, so a process killed while creating it leaves no file rather than a
/// torn one that would not open. Another process that creates it first wins; its file is kept.
fn create_whole(dir: &Path, file: &Path) -> Result<(), FileProblem> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tmp = dir.join(format!(".creating-{}-{stamp}", std::process::id()));
    let fail = |e: &dyn std::fmt::Display| {
        FileProblem::Unreadable(file.into(), format!("cannot create the store: {e}"))
    };
    let made = std::panic::catch_unwind(|| drop(bevy_pkv::PkvStore::new_in_dir(&tmp)))
        .map_err(|_| fail(&"the store library could not create it"))
        .and_then(|()| {
            match std::fs::hard_link(tmp.join(FILE_NAME), file) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
                // A file system without hard links: move it, unless one appeared meanwhile.
                Err(_) if !file.exists() => {
                    std::fs::rename(tmp.join(FILE_NAME), file).map_err(|e| fail(&e))
                }
                Err(_) => Ok(()),
            }
        });
    let _ = std::fs::remove_dir_all(&tmp);
    made
}

impl Store {
    /// Open the store in `dir` (see [`data_dir`]) to read and write. Never panics; a file that
    /// cannot be used is left untouched and the error says why.
    pub fn open_checked(dir: Option<PathBuf>) -> Result<Store, (PathBuf, FileProblem)> {
        let dir = data_dir(dir).map_err(|e| (PathBuf::new(), FileProblem::NoFolder(e)))?;
        let file = dir.join(FILE_NAME);
        let with = |p| (file.clone(), p);
        let raw = check_file(&file).map_err(with)?;
        check_writable(&dir).map_err(with)?;
        if !file.exists() {
            create_whole(&dir, &file).map_err(with)?;
        }
        // The check has shown the file's values read; bevy_pkv can then only fail on a race
        // with another process, which is contained here.
        let pkv = std::panic::catch_unwind(|| bevy_pkv::PkvStore::new_in_dir(&dir))
            .map_err(|_| with(FileProblem::InUse(file.clone())))?;
        let mut store = Store::new(Box::new(PkvBackend { pkv, raw }), StorageMode::Persistent);
        store.file = Some(file);
        Ok(store)
    }

    /// [`Store::open_checked`], the problem in words.
    pub fn open(dir: Option<PathBuf>) -> Result<Store, String> {
        Store::open_checked(dir).map_err(|(_, p)| p.to_string())
    }

    /// A snapshot of the store in `dir`, only to read: the file is never opened for writing
    /// nor created. Writes to the snapshot are refused.
    pub fn open_read_only(dir: Option<PathBuf>) -> Result<Store, String> {
        let dir = data_dir(dir)?;
        let file = dir.join(FILE_NAME);
        let raw = check_file(&file).map_err(|e| e.to_string())?;
        let mut store = Store::snapshot(raw);
        store.file = Some(file);
        Ok(store)
    }

    /// A read-only store over values read by [`check_file`].
    pub fn snapshot(raw: HashMap<String, Vec<u8>>) -> Store {
        Store::new(
            Box::new(SnapshotBackend { raw }),
            StorageMode::MemoryOnly {
                reason: "opened only to read".into(),
            },
        )
    }

    /// The game's store. A damaged file is moved aside whole (listed by `ledger backups`) and
    /// a fresh store opened, with a notice; a store that cannot be opened otherwise (in use,
    /// no permission, no folder) leaves everything as it is and the game runs in memory.
    pub fn open_or_memory(dir: Option<PathBuf>) -> Self {
        match Store::open_checked(dir.clone()) {
            Ok(s) => s,
            Err((file, FileProblem::Unreadable(_, why))) if file.is_file() => {
                match move_aside(&file, &super::now_iso()) {
                    Ok(to) => {
                        let notice = crate::text::message::Message::new("store-moved-aside")
                            .with("why", &why)
                            .with("to", to.display().to_string());
                        match Store::open(dir) {
                            Ok(mut s) => {
                                s.notices.push(notice);
                                s
                            }
                            Err(e) => Store::memory_only(format!(
                                "{notice} The fresh store cannot be opened: {e}"
                            )),
                        }
                    }
                    Err(e) => Store::memory_only(format!(
                        "the progress store {} cannot be read ({why}) and {e}",
                        file.display()
                    )),
                }
            }
            Err((_, p)) => Store::memory_only(p.to_string()),
        }
    }
}

/// Move an unusable store file aside, whole, to a name no other copy has, and return where it
/// went. The bytes are never rewritten (a hard link, then the old name removed; a copy where
/// links are not supported).
pub fn move_aside(file: &Path, stamp: &str) -> Result<PathBuf, String> {
    let safe: String = stamp
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let err = |e: std::io::Error| format!("cannot move {} aside: {e}", file.display());
    for n in 1..1000 {
        let suffix = if n == 1 {
            safe.clone()
        } else {
            format!("{safe}-{n}")
        };
        let to = file.with_extension(format!("redb.unreadable-{suffix}"));
        fault::point();
        match std::fs::hard_link(file, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(_) if !to.exists() => {
                let bytes = std::fs::read(file).map_err(err)?;
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&to)
                    .map_err(err)?;
                std::io::Write::write_all(&mut f, &bytes).map_err(err)?;
                f.sync_all().map_err(err)?;
            }
            Err(e) => return Err(err(e)),
        }
        fault::point();
        std::fs::remove_file(file).map_err(err)?;
        fault::point();
        return Ok(to);
    }
    Err(format!(
        "cannot move {} aside: too many copies already",
        file.display()
    ))
}

/// A store file moved aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    /// The file's name, which `ledger restore` takes.
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

/// The store files moved aside in `dir`, by name.
pub fn asides(dir: &Path) -> Vec<Aside> {
    let prefix = format!("{FILE_NAME}.unreadable-");
    let mut out: Vec<Aside> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let meta = std::fs::symlink_metadata(e.path()).ok()?;
            (name.starts_with(&prefix) && meta.is_file()).then(|| Aside {
                name,
                path: e.path(),
                bytes: meta.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
