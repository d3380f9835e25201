//! Keeping the ledger in the store: loading, saving, a ring of backups, pinned copies of
//! unreadable values, migration and restore. Used by the game's ledger plugin and by the
//! `ledger` command alike; no Bevy systems here.
//!
//! Keys (all in the one store file):
//! - [`LEDGER_KEY`]: `{"schema": SCHEMA, "ledger": <the course's Design Ledger JSON>}`;
//! - [`LEGACY_KEY`]: the course JSON as earlier versions stored it; read once, backed up and
//!   migrated, and never written again;
//! - `ledger/backup/0` … `ledger/backup/8`: a ring of [`RING`] backups, each
//!   `{"id", "time", "reason", "key", "value"}`, in [`RING`] + 1 slots. A backup goes into a
//!   free slot before the write it protects, and the oldest is evicted only after that write
//!   (never the one being restored), so a kill at any point keeps every earlier backup;
//! - `ledger/unreadable/N`: a stored value that could not be read, pinned byte for byte (hex),
//!   outside the ring; written once and never replaced.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::format::{Ledger, Parsed, parse_value};
use crate::platform::storage::{ReadError, Store, from_hex, hex};
use crate::text::message::Message;

/// The ledger, in a versioned envelope.
pub const LEDGER_KEY: &str = "ledger/v2";
/// Where earlier versions kept the ledger (the course format, no envelope).
pub const LEGACY_KEY: &str = "ledger/v1";
/// Where earlier versions copied a ledger they could not read.
pub const LEGACY_BACKUP_KEY: &str = "ledger/v1/unreadable-backup";
/// The schema named inside the stored value.
pub const SCHEMA: &str = "architects-audit/ledger/2";
/// Backups kept in the ring.
pub const RING: u64 = 8;
/// Slots the ring uses: one spare, so a backup is written before anything is evicted.
const SLOTS: u64 = RING + 1;

fn slot_key(slot: u64) -> String {
    format!("ledger/backup/{slot}")
}

fn pin_key(n: u32) -> String {
    format!("ledger/unreadable/{n}")
}

/// One backup of a stored ledger value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub id: u64,
    pub time: String,
    pub reason: String,
    /// The key the value was stored under.
    pub key: String,
    /// The stored text, verbatim.
    pub value: String,
}

/// A stored value that could not be read, kept byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub id: u32,
    pub time: String,
    pub key: String,
    pub error: String,
    pub hex: String,
}

impl Pin {
    pub fn bytes(&self) -> Vec<u8> {
        from_hex(&self.hex).unwrap_or_default()
    }
}

/// The stored ledger could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub error: String,
    /// The pinned copy of the unreadable value (None: the pin could not be written, so the
    /// main key must not be written either).
    pub pin: Option<u32>,
    /// The unreadable value's bytes, as stored.
    pub raw: Vec<u8>,
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub ledger: Ledger,
    pub notes: Vec<Message>,
    pub problem: Option<Problem>,
    /// What loading did to the store (a migration, a pin), for the student to read.
    pub events: Vec<Message>,
}

/// The envelope around a ledger, as stored.
pub fn envelope(ledger: &Ledger) -> String {
    let mut m = Map::new();
    m.insert("schema".into(), SCHEMA.into());
    m.insert("ledger".into(), ledger.to_value());
    serde_json::to_string_pretty(&Value::Object(m)).expect("a JSON value always serialises")
}

/// Read a stored value of `key` (the envelope, or the course format for the legacy key).
pub fn decode(key: &str, text: &str) -> Result<Parsed, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    if key == LEGACY_KEY {
        return parse_value(&v).map_err(|e| e.to_string());
    }
    match v.get("schema").and_then(Value::as_str) {
        Some(SCHEMA) => {}
        Some(other) => {
            return Err(format!(
                "stored by a newer or unknown version (schema `{other}`); kept as it is"
            ));
        }
        None => return Err("no schema in the stored value".into()),
    }
    let inner = v.get("ledger").ok_or("no ledger in the stored value")?;
    parse_value(inner).map_err(|e| e.to_string())
}

/// Pinned unreadable values, oldest first.
pub fn pins(store: &Store) -> Vec<Pin> {
    let mut out = Vec::new();
    for n in 0.. {
        match store.get(&pin_key(n)) {
            Ok(Some(t)) => {
                if let Ok(p) = serde_json::from_str::<Pin>(&t) {
                    out.push(p);
                }
            }
            _ => break,
        }
    }
    out
}

/// Pin an unreadable value (once: the same bytes pinned before are not pinned again).
pub fn pin(
    store: &mut Store,
    key: &str,
    error: &str,
    raw: &[u8],
    now: &str,
) -> Result<u32, String> {
    let h = hex(raw);
    let existing = pins(store);
    if let Some(p) = existing.iter().find(|p| p.hex == h && p.key == key) {
        return Ok(p.id);
    }
    let id = existing.len() as u32;
    let p = Pin {
        id,
        time: now.into(),
        key: key.into(),
        error: error.into(),
        hex: h,
    };
    let text = serde_json::to_string(&p).expect("a pin serialises");
    store.set(&pin_key(id), &text)?;
    Ok(id)
}

/// Backups with their slots, newest first.
fn slotted(store: &Store) -> Vec<(u64, Backup)> {
    let mut out: Vec<(u64, Backup)> = (0..SLOTS)
        .filter_map(|s| Some((s, store.get(&slot_key(s)).ok().flatten()?)))
        .filter_map(|(s, t)| Some((s, serde_json::from_str(&t).ok()?)))
        .collect();
    out.sort_by_key(|(_, b)| std::cmp::Reverse(b.id));
    out
}

/// Backups, newest first.
pub fn backups(store: &Store) -> Vec<Backup> {
    slotted(store).into_iter().map(|(_, b)| b).collect()
}

/// Evict the oldest backups, never `keep`, until at most `max` remain.
fn trim(store: &mut Store, max: u64, keep: Option<u64>) -> Result<(), String> {
    let all = slotted(store);
    let mut over = all.len().saturating_sub(max as usize);
    for (slot, b) in all.iter().rev() {
        if over == 0 {
            break;
        }
        if Some(b.id) != keep {
            store.remove(&slot_key(*slot))?;
            over -= 1;
        }
    }
    Ok(())
}

/// Back up what is stored under `key` now, if it is readable text, into a free slot (nothing
/// is evicted: [`save`] does that after the write the backup protects). Nothing stored: no
/// backup.
pub fn backup_key(
    store: &mut Store,
    key: &str,
    reason: &str,
    now: &str,
) -> Result<Option<u64>, String> {
    backup_keeping(store, key, reason, now, None)
}

fn backup_keeping(
    store: &mut Store,
    key: &str,
    reason: &str,
    now: &str,
    keep: Option<u64>,
) -> Result<Option<u64>, String> {
    let value = match store.get(key) {
        Ok(Some(v)) => v,
        Ok(None) => return Ok(None),
        // Unreadable values are pinned, not ringed.
        Err(ReadError::Unreadable { .. }) => return Ok(None),
        Err(ReadError::Failed(e)) => return Err(e),
    };
    // An operation killed before its eviction left the spare slot taken: evict now, so there
    // is a free slot again (never the backup being restored).
    trim(store, RING, keep)?;
    let taken = slotted(store);
    let id = taken.first().map_or(1, |(_, b)| b.id + 1);
    let slot = (0..SLOTS)
        .find(|s| taken.iter().all(|(t, _)| t != s))
        .ok_or("no free backup slot")?;
    let b = Backup {
        id,
        time: now.into(),
        reason: reason.into(),
        key: key.into(),
        value,
    };
    store.set(
        &slot_key(slot),
        &serde_json::to_string(&b).expect("a backup serialises"),
    )?;
    Ok(Some(id))
}

/// Back up the stored ledger.
pub fn backup(store: &mut Store, reason: &str, now: &str) -> Result<Option<u64>, String> {
    backup_key(store, LEDGER_KEY, reason, now)
}

/// Write the ledger (one atomic write of the whole value), then evict backups past the ring.
pub fn save(store: &mut Store, ledger: &Ledger) -> Result<(), String> {
    store.set(LEDGER_KEY, &envelope(ledger))?;
    trim(store, RING, None)
}

/// Back up, then write: for a replacement the student asked for.
pub fn replace(store: &mut Store, ledger: &Ledger, reason: &str, now: &str) -> Result<(), String> {
    backup(store, reason, now)?;
    save(store, ledger)
}

/// Restore a backup (backing up what is stored first). Returns the restored ledger. The
/// backup restored is never evicted by its own restore.
pub fn restore(store: &mut Store, id: u64, now: &str) -> Result<Parsed, String> {
    let b = backups(store)
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| format!("no backup with id {id}; `ledger backups` lists them"))?;
    let parsed = decode(&b.key, &b.value).map_err(|e| format!("backup {id}: {e}"))?;
    backup_keeping(
        store,
        LEDGER_KEY,
        &format!("before restoring backup {id}"),
        now,
        Some(id),
    )?;
    store.set(LEDGER_KEY, &envelope(&parsed.ledger))?;
    trim(store, RING, Some(id))?;
    Ok(parsed)
}

/// Read the stored ledger. An unreadable value is pinned and reported (never replaced by a
/// default); a ledger stored by an earlier version is backed up and migrated.
pub fn load(store: &mut Store, now: &str) -> Loaded {
    let mut out = Loaded::default();
    let (key, found) = match store.get(LEDGER_KEY) {
        Ok(None) => (LEGACY_KEY, store.get(LEGACY_KEY)),
        other => (LEDGER_KEY, other),
    };
    let problem = |store: &mut Store, error: String, raw: &[u8], out: &mut Loaded| {
        let pin = pin(store, key, &error, raw, now).ok();
        if let Some(id) = pin {
            out.events
                .push(Message::new("ledger-event-pinned").with("id", id.to_string()));
        }
        out.problem = Some(Problem {
            error,
            pin,
            raw: raw.to_vec(),
        });
    };
    match found {
        Ok(None) => {}
        Ok(Some(text)) => match decode(key, &text) {
            Ok(p) => {
                out.ledger = p.ledger;
                out.notes = p.notes;
                if key == LEGACY_KEY {
                    let migrated =
                        backup_key(store, LEGACY_KEY, "before migration to ledger/2", now)
                            .and_then(|_| save(store, &out.ledger));
                    match migrated {
                        Ok(()) => out.events.push(Message::new("ledger-event-migrated")),
                        Err(e) => out
                            .events
                            .push(Message::new("ledger-event-migration-failed").with("detail", e)),
                    }
                }
            }
            Err(e) => problem(store, e, text.as_bytes(), &mut out),
        },
        Err(ReadError::Unreadable { error, raw }) => problem(store, error, &raw, &mut out),
        Err(ReadError::Failed(e)) => {
            out.problem = Some(Problem {
                error: e,
                pin: None,
                raw: Vec::new(),
            })
        }
    }
    // A copy an earlier version kept aside is pinned too, so it can be listed and exported.
    if let Ok(Some(old)) = store.get(LEGACY_BACKUP_KEY)
        && !old.is_empty()
    {
        let _ = pin(
            store,
            LEGACY_BACKUP_KEY,
            "kept aside by an earlier version",
            old.as_bytes(),
            now,
        );
    }
    out
}

pub use super::history::CAPSTONE_CHAPTER;
