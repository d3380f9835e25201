//! `architects-audit ledger …`: the student's stored ledger from the command line, on the same
//! store as the game (backups, moving machines). Never prompts; writes back up first.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::ledger::keep;
use crate::ledger::parse_str;
use crate::storage::{self, FileProblem, Store, now_iso};

/// What to do with the stored ledger.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Show,
    Export { raw: bool },
    Import { file: PathBuf, replace: bool },
    Backups,
    Restore { id: u64 },
}

fn open(data_dir: &Option<PathBuf>) -> Result<Store, String> {
    Store::open(data_dir.clone())
}

/// Refuse to write over an unreadable ledger whose bytes could not be pinned.
fn guard(loaded: &keep::Loaded) -> Result<(), String> {
    match &loaded.problem {
        Some(p) if p.pin.is_none() => Err(format!(
            "the stored ledger cannot be read ({}) and could not be kept aside, so nothing was written",
            p.error
        )),
        _ => Ok(()),
    }
}

/// Run one action; `out` gets the result (JSON or the ledger), `err` what was done.
pub fn run(
    action: Action,
    data_dir: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    match action {
        Action::Show => {
            let mut store = open(&data_dir)?;
            let loaded = keep::load(&mut store, &now_iso());
            let pins = keep::pins(&store);
            let summary = json!({
                "store": store.file.as_ref().map(|p| p.display().to_string()),
                "readable": loaded.problem.is_none(),
                "problem": loaded.problem.as_ref().map(|p| p.error.clone()),
                "entries": loaded.ledger.history.len(),
                "chapters": loaded.ledger.chapters(),
                "attempts": keep::attempts(&loaded.ledger),
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
        Action::Export { raw } => {
            let mut store = open(&data_dir)?;
            let loaded = keep::load(&mut store, &now_iso());
            if raw {
                let pins = keep::pins(&store);
                let pin = loaded
                    .problem
                    .as_ref()
                    .and_then(|p| p.pin)
                    .and_then(|id| pins.iter().find(|p| p.id == id))
                    .or(pins.last())
                    .ok_or("there is no unreadable copy in this store")?;
                out.write_all(&pin.bytes()).map_err(io)?;
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
        Action::Import { file, replace } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let parsed = parse_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let now = now_iso();
            let mut store = match open(&data_dir) {
                Ok(s) => s,
                Err(_) => {
                    // An unreadable store file is moved aside whole, never rewritten.
                    let dir = storage::data_dir(data_dir.clone())?;
                    let path = dir.join(storage::FILE_NAME);
                    match storage::check_file(&path) {
                        Err(FileProblem::Unreadable(..)) => {
                            let to = storage::move_aside(&path, &now)?;
                            writeln!(
                                err,
                                "the store file could not be read; it was moved aside, unchanged, to {}",
                                to.display()
                            )
                            .map_err(io)?;
                            open(&data_dir)?
                        }
                        Err(e) => return Err(e.to_string()),
                        Ok(_) => open(&data_dir)?,
                    }
                }
            };
            let loaded = keep::load(&mut store, &now);
            guard(&loaded)?;
            let mode = if replace { "replace" } else { "merge" };
            let reason = format!("before import ({mode}) from {}", file.display());
            let backed = keep::backup(&mut store, &reason, &now)?;
            let ledger = if replace || loaded.problem.is_some() {
                parsed.ledger
            } else {
                let mut l = loaded.ledger;
                l.merge(&parsed.ledger, &now);
                l
            };
            keep::save(&mut store, &ledger)?;
            if let Some(id) = backed {
                writeln!(err, "backed up the previous ledger as backup {id}").map_err(io)?;
            }
            if loaded.problem.is_some() {
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
                "imported ({mode}): {} entries, chapters {:?}",
                ledger.history.len(),
                ledger.chapters()
            )
            .map_err(io)?;
            Ok(())
        }
        Action::Backups => {
            let store = open(&data_dir)?;
            let list: Vec<Value> = keep::backups(&store)
                .into_iter()
                .map(|b| json!({"id": b.id, "time": b.time, "reason": b.reason}))
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?
            )
            .map_err(io)?;
            Ok(())
        }
        Action::Restore { id } => {
            let mut store = open(&data_dir)?;
            let now = now_iso();
            // Pin an unreadable value before anything is written over it.
            guard(&keep::load(&mut store, &now))?;
            let parsed = keep::restore(&mut store, id, &now)?;
            writeln!(
                err,
                "restored backup {id}: {} entries, chapters {:?} (the ledger it replaced was backed up)",
                parsed.ledger.history.len(),
                parsed.ledger.chapters()
            )
            .map_err(io)?;
            Ok(())
        }
    }
}
