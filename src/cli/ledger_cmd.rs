//! `architects-audit ledger …`: the student's stored ledger from the command line, on the same
//! store as the game (backups, moving machines). Never prompts; writes back up first.
//!
//! `show`, `export` and `backups` open a read-only snapshot: they never change the store's
//! bytes, nor create one. `import` and `restore` open it to write; a damaged store file is
//! moved aside whole first (import only), and a permission error changes nothing.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::ledger::keep;
use crate::ledger::parse_str;
use crate::ledger::store::{self, ImportMode, ImportPreview, SaveStatus};
use crate::platform::storage::{self, FileProblem, Store, now_iso};

/// What to do with the stored ledger.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Show,
    Export {
        raw: bool,
    },
    Import {
        file: PathBuf,
        replace: bool,
    },
    Backups,
    /// A backup's id, or the name of a store file moved aside (as `backups` lists them).
    Restore {
        id: String,
    },
}

fn open(data_dir: &Option<PathBuf>) -> Result<Store, String> {
    Store::open(data_dir.clone())
}

fn open_read_only(data_dir: &Option<PathBuf>) -> Result<Store, String> {
    Store::open_read_only(data_dir.clone())
}

/// The store to write to, a damaged file moved aside (whole) first.
fn open_to_write(data_dir: &Option<PathBuf>, err: &mut dyn Write) -> Result<Store, String> {
    match Store::open_checked(data_dir.clone()) {
        Ok(s) => Ok(s),
        Err((path, FileProblem::Unreadable(_, why))) if path.is_file() => {
            let to = storage::move_aside(&path, &now_iso())?;
            writeln!(
                err,
                "the store file could not be read ({why}); it was moved aside, unchanged, to {}",
                to.display()
            )
            .map_err(|e| e.to_string())?;
            open(data_dir)
        }
        Err(_) => open(data_dir),
    }
}

/// Restore the ledger of a store file moved aside, if it can be read.
fn restore_aside(
    data_dir: &Option<PathBuf>,
    name: &str,
    err: &mut dyn Write,
) -> Result<(), String> {
    let dir = storage::data_dir(data_dir.clone())?;
    let aside = storage::asides(&dir)
        .into_iter()
        .find(|a| a.name == name)
        .ok_or_else(|| {
            format!("no backup or moved-aside store named `{name}`; `ledger backups` lists them")
        })?;
    let raw = storage::check_file(&aside.path).map_err(|e| match e {
        FileProblem::Unreadable(_, why) => format!(
            "the moved-aside store {name} cannot be read ({why}); its bytes stay as they are"
        ),
        other => other.to_string(),
    })?;
    let mut snap = Store::snapshot(raw);
    if !matches!(snap.get(keep::LEDGER_KEY), Ok(Some(_)) | Err(_))
        && !matches!(snap.get(keep::LEGACY_KEY), Ok(Some(_)) | Err(_))
    {
        return Err(format!("the moved-aside store {name} holds no ledger"));
    }
    let loaded = keep::load(&mut snap, &now_iso());
    if let Some(p) = loaded.problem {
        return Err(format!(
            "the moved-aside store {name}: its ledger cannot be read ({})",
            p.error
        ));
    }
    let parsed = loaded;
    let mut store = open(data_dir)?;
    let mut state = store::load(&mut store);
    if state.problem.is_some() {
        store::start_afresh(&mut store, &mut state)?;
    }
    keep::replace(
        &mut store,
        &parsed.ledger,
        &format!("before restoring the moved-aside store {name}"),
        &now_iso(),
    )?;
    writeln!(
        err,
        "restored the ledger of {name}: {} entries, chapters {:?} (the ledger it replaced was backed up)",
        parsed.ledger.history.len(),
        parsed.ledger.chapters()
    )
    .map_err(|e| e.to_string())
}

/// Run one action; `out` gets the result (JSON or the ledger), `err` what was done.
pub fn run(
    action: Action,
    data_dir: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let d = &data_dir;
    match action {
        Action::Show => show(d, out, err),
        Action::Export { raw } => export(d, out, raw),
        Action::Import { file, replace } => import(d, err, &file, replace),
        Action::Backups => backups(d, out),
        Action::Restore { id } => restore(d, err, &id),
    }
}

/// `ledger show`: what the store holds, as JSON, and what could not be read.
fn show(
    data_dir: &Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let mut store = open_read_only(data_dir)?;
    let loaded = keep::load(&mut store, &now_iso());
    let pins = keep::pins(&store);
    let summary = json!({
        "store": store.file.as_ref().map(|p| p.display().to_string()),
        "readable": loaded.problem.is_none(),
        "problem": loaded.problem.as_ref().map(|p| p.error.clone()),
        "entries": loaded.ledger.history.len(),
        "chapters": loaded.ledger.chapters(),
        "attempts": crate::lab::record::attempts(&loaded.ledger),
        "last_updated": loaded.ledger.last_updated,
        "backups": keep::backups(&store).len(),
        "unreadable_copies": pins.len(),
        "notes": loaded.notes,
    });
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?
    )
    .map_err(io)?;
    for e in &loaded.events {
        writeln!(err, "{e}").map_err(io)?;
    }
    if let Some(p) = &loaded.problem {
        writeln!(
            err,
            "the stored ledger cannot be read ({}); `ledger export --raw` writes its bytes",
            p.error
        )
        .map_err(io)?;
    }
    Ok(())
}

/// `ledger export [--raw]`: the ledger as JSON, or an unreadable copy's bytes.
fn export(data_dir: &Option<PathBuf>, out: &mut dyn Write, raw: bool) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let mut store = open_read_only(data_dir)?;
    let loaded = keep::load(&mut store, &now_iso());
    if raw {
        let bytes = match &loaded.problem {
            Some(p) => p.raw.clone(),
            None => keep::pins(&store)
                .last()
                .map(keep::Pin::bytes)
                .ok_or("there is no unreadable copy in this store")?,
        };
        out.write_all(&bytes).map_err(io)?;
        return Ok(());
    }
    if let Some(p) = &loaded.problem {
        return Err(format!(
            "the stored ledger cannot be read ({}); `ledger export --raw` writes its bytes",
            p.error
        ));
    }
    writeln!(out, "{}", loaded.ledger.to_json_pretty()).map_err(io)?;
    Ok(())
}

/// `ledger import FILE [--replace]`: the game's import path, from the command line.
fn import(
    data_dir: &Option<PathBuf>,
    err: &mut dyn Write,
    file: &std::path::Path,
    replace: bool,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let text = crate::ledger::read_ledger_file(file)?;
    let parsed = parse_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut store = open_to_write(data_dir, err)?;
    // The same path as the game's import: the stored ledger is loaded (an unreadable
    // one pinned), backed up, then replaced or merged into.
    let mut state = store::load(&mut store);
    let unreadable = state.problem.is_some();
    let mode = if replace {
        ImportMode::Replace
    } else {
        ImportMode::Merge
    };
    let preview = ImportPreview {
        source: file.display().to_string(),
        result: Ok(parsed.clone()),
    };
    let backed = store::apply_import(&mut store, &mut state, &preview, mode)?;
    if let SaveStatus::Failed(e) | SaveStatus::MemoryOnly(e) = &state.save {
        return Err(format!("the import was not saved: {e}"));
    }
    if let Some(id) = backed {
        writeln!(err, "backed up the previous ledger as backup {id}").map_err(io)?;
    }
    if unreadable {
        writeln!(
            err,
            "the stored ledger could not be read; its bytes stay kept (`ledger export --raw`)"
        )
        .map_err(io)?;
    }
    for n in &parsed.notes {
        writeln!(err, "note: {n}").map_err(io)?;
    }
    writeln!(
        err,
        "imported ({}): {} entries, chapters {:?}",
        mode.as_str(),
        state.ledger.history.len(),
        state.ledger.chapters()
    )
    .map_err(io)?;
    Ok(())
}

/// `ledger backups`: the backups and the store files moved aside.
fn backups(data_dir: &Option<PathBuf>, out: &mut dyn Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let store = open_read_only(data_dir)?;
    let mut list: Vec<Value> = keep::backups(&store)
        .into_iter()
        .map(|b| json!({"id": b.id, "time": b.time, "reason": b.reason}))
        .collect();
    let dir = storage::data_dir(data_dir.clone())?;
    list.extend(storage::asides(&dir).into_iter().map(|a| {
        json!({
            "id": a.name,
            "reason": "a store file that could not be read, moved aside unchanged",
            "bytes": a.bytes,
            "readable": storage::check_file(&a.path).is_ok(),
        })
    }));
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?
    )
    .map_err(io)?;
    Ok(())
}

/// `ledger restore ID`: a backup, or a store file moved aside, back in place.
fn restore(data_dir: &Option<PathBuf>, err: &mut dyn Write, id: &str) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let Ok(id) = id.parse::<u64>() else {
        return restore_aside(data_dir, id, err);
    };
    let mut store = open(data_dir)?;
    // Loading pins an unreadable value before anything is written over it.
    let mut state = store::load(&mut store);
    store::apply_restore(&mut store, &mut state, id)?;
    writeln!(
        err,
        "restored backup {id}: {} entries, chapters {:?} (the ledger it replaced was backed up)",
        state.ledger.history.len(),
        state.ledger.chapters()
    )
    .map_err(io)?;
    Ok(())
}
