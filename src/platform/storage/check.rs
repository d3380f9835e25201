//! Reading a store file's values from a private copy of its bytes, never from the file itself.
//!
//! redb asserts (panics) or aborts on some damaged files, and repairs a file it opens after an
//! unclean shutdown by writing to it. So the bytes are read once, bounded, and handed to redb
//! in memory ([`CopyBackend`]): whatever redb repairs, it repairs in that copy, and a panic or
//! an abort cannot reach the student's file. Where the program can start itself again (the
//! game's binary, after [`use_check_child`]), the copy is read in a child process, so even an
//! abort (a damaged length that asks for terabytes) only ends the child; elsewhere it is read in
//! this process under `catch_unwind`.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::sync::{OnceLock, RwLock};
use std::time::{Duration, Instant};

use redb::{ReadableDatabase, ReadableTable, StorageBackend, TableDefinition};

use super::{from_hex, hex};

/// bevy_pkv's one table.
const TABLE: TableDefinition<&str, &[u8]> = TableDefinition::new("redb");

/// Set in a child process started to read a copy given on its standard input.
pub const CHECK_ENV: &str = "ARCHITECTS_AUDIT_CHECK_STORE";

/// How long a child may take to read a copy before it is taken as damaged.
const CHILD_TIMEOUT: Duration = Duration::from_secs(60);

static CHILD_EXE: OnceLock<PathBuf> = OnceLock::new();

/// Read store copies in a child process running `exe` (which must call [`run_check_child`]
/// first thing in `main`).
pub fn use_check_child(exe: PathBuf) {
    let _ = CHILD_EXE.set(exe);
}

/// A store's bytes in memory, for redb. Reads past the end and growth past a bound are errors
/// (never an allocation a damaged header asks for).
#[derive(Debug)]
struct CopyBackend {
    bytes: RwLock<Vec<u8>>,
    limit: u64,
}

fn poisoned() -> std::io::Error {
    std::io::Error::other("the copy's lock was poisoned")
}

impl StorageBackend for CopyBackend {
    fn len(&self) -> Result<u64, std::io::Error> {
        Ok(self.bytes.read().map_err(|_| poisoned())?.len() as u64)
    }
    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), std::io::Error> {
        let b = self.bytes.read().map_err(|_| poisoned())?;
        let start = usize::try_from(offset).map_err(std::io::Error::other)?;
        let end = start
            .checked_add(out.len())
            .filter(|e| *e <= b.len())
            .ok_or_else(|| std::io::Error::other("read past the end of the store"))?;
        out.copy_from_slice(&b[start..end]);
        Ok(())
    }
    fn set_len(&self, len: u64) -> Result<(), std::io::Error> {
        if len > self.limit {
            return Err(std::io::Error::other(format!(
                "the store would grow to {len} bytes"
            )));
        }
        let mut b = self.bytes.write().map_err(|_| poisoned())?;
        b.resize(len as usize, 0);
        Ok(())
    }
    fn sync_data(&self) -> Result<(), std::io::Error> {
        Ok(())
    }
    fn write(&self, offset: u64, data: &[u8]) -> Result<(), std::io::Error> {
        let mut b = self.bytes.write().map_err(|_| poisoned())?;
        let start = usize::try_from(offset).map_err(std::io::Error::other)?;
        let end = start
            .checked_add(data.len())
            .filter(|e| *e <= b.len())
            .ok_or_else(|| std::io::Error::other("write past the end of the store"))?;
        b[start..end].copy_from_slice(data);
        Ok(())
    }
}

/// Every value in a copy of a store file, by key. An empty copy is an empty store.
fn read_copy_here(bytes: Vec<u8>) -> Result<HashMap<String, Vec<u8>>, String> {
    let mut raw = HashMap::new();
    if bytes.is_empty() {
        return Ok(raw);
    }
    let limit = (bytes.len() as u64).saturating_mul(2).max(1 << 20);
    let backend = CopyBackend {
        bytes: RwLock::new(bytes),
        limit,
    };
    let db = redb::Database::builder()
        .create_with_backend(backend)
        .map_err(|e| e.to_string())?;
    let txn = db.begin_read().map_err(|e| e.to_string())?;
    let table = match txn.open_table(TABLE) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(raw),
        Err(e) => return Err(e.to_string()),
    };
    for row in table.iter().map_err(|e| e.to_string())? {
        let (k, v) = row.map_err(|e| e.to_string())?;
        raw.insert(k.value().to_string(), v.value().to_vec());
    }
    Ok(raw)
}

/// Read a copy in this process; a panic inside redb is an error, not a crash.
fn read_copy_guarded(bytes: Vec<u8>) -> Result<HashMap<String, Vec<u8>>, String> {
    std::panic::catch_unwind(move || read_copy_here(bytes))
        .unwrap_or_else(|_| Err("reading it crashed the store library".into()))
}

/// Every value in a copy of a store file: in a child process when one is set up, else here.
pub(super) fn read_copy(bytes: Vec<u8>) -> Result<HashMap<String, Vec<u8>>, String> {
    match CHILD_EXE.get() {
        Some(exe) => read_copy_in_child(exe, bytes),
        None => read_copy_guarded(bytes),
    }
}

fn read_copy_in_child(
    exe: &std::path::Path,
    bytes: Vec<u8>,
) -> Result<HashMap<String, Vec<u8>>, String> {
    let mut child = Command::new(exe)
        .env(CHECK_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {} to check it: {e}", exe.display()))?;
    let mut stdin = child.stdin.take().ok_or("no pipe to the check")?;
    let feeder = std::thread::spawn(move || stdin.write_all(&bytes));
    let mut stdout = child.stdout.take().ok_or("no pipe from the check")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let mut stderr = child.stderr.take().ok_or("no pipe from the check")?;
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let t0 = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if t0.elapsed() > CHILD_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "reading it did not finish in {} s",
                    CHILD_TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("the check failed: {e}")),
        }
    };
    let _ = feeder.join();
    let out = reader.join().ok().and_then(Result::ok).unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let why = err.lines().last().unwrap_or("").trim().to_string();
        return Err(if status.code() == Some(3) && !why.is_empty() {
            why
        } else {
            format!("reading it crashed the store library ({status})")
        });
    }
    let map: HashMap<String, String> =
        serde_json::from_str(&out).map_err(|e| format!("the check's answer was garbled: {e}"))?;
    map.into_iter()
        .map(|(k, v)| {
            from_hex(&v)
                .map(|b| (k, b))
                .ok_or("garbled hex".to_string())
        })
        .collect()
}

/// Call first thing in `main`. In a child started by [`read_copy_in_child`]: read the copy on
/// standard input, print its values as JSON (hex), and say the process is done. Otherwise
/// (`None`): this program's store copies are read in children running this executable.
pub fn run_check_child() -> Option<ExitCode> {
    if std::env::var_os(CHECK_ENV).is_none() {
        if let Ok(exe) = std::env::current_exe() {
            use_check_child(exe);
        }
        return None;
    }
    // A panic in redb is the answer "damaged", not a message for the student's terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let mut bytes = Vec::new();
    let limit = super::MAX_STORE_BYTES;
    if let Err(e) = std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
    {
        eprintln!("cannot read the copy: {e}");
        return Some(ExitCode::from(3));
    }
    match read_copy_here(bytes) {
        Ok(raw) => {
            let map: HashMap<String, String> = raw.into_iter().map(|(k, v)| (k, hex(&v))).collect();
            match serde_json::to_string(&map) {
                Ok(s) => {
                    print!("{s}");
                    Some(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("{e}");
                    Some(ExitCode::from(3))
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            Some(ExitCode::from(3))
        }
    }
}
