//! `architects-audit ledger …`: the student's stored ledger from the command line, on the same
//! store as the game (backups, moving machines). Never prompts; writes back up first.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::ledger::keep;
use crate::ledger::parse_str;
use crate::ledger::store::{self, ImportMode, ImportPreview, SaveStatus};
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
                "attempts": crate::record::attempts(&loaded.ledger),
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
    }
}
