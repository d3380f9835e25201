//! The ledger in play, and what changes it: load (with recovery), save, import (merge or
//! replace), restore, a fresh start, and the sample ledgers. The ledger plugin
//! ([`super::store`]) and the `ledger` command both go through these functions.
//!
//! Rules that keep the student's record safe (see [`super::keep`] for the keys):
//! - a stored value that cannot be read is pinned byte for byte and never replaced by a
//!   default: saving stays blocked until the student exports it or chooses to start afresh;
//! - "Start afresh", import and restore back up what is stored before they write;
//! - storage that cannot be opened (a locked, unreadable or unwritable store, blocked web
//!   storage) puts the game in memory-only mode with a visible warning, and never panics;
//! - the demo and screenshot runs use a store in memory and never open the student's;
//! - samples are view-only: nothing saved comes from a sample.

use bevy::prelude::Resource;

use super::format::{Ledger, Parsed, parse_str};
use super::keep::{self, Problem};
use super::{ReportCard, analyze};
use crate::platform::storage::{StorageMode, Store, now_iso};
use crate::text::message::Message;

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
    pub notes: Vec<Message>,
    /// What loading did to the store (a migration, a pinned copy).
    pub events: Vec<Message>,
    /// What opening the store did that the student must see (a damaged file moved aside),
    /// shown on every screen of the session.
    pub store_notices: Vec<Message>,
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
    /// The chapters the sample records.
    pub chapters: Vec<u32>,
}

impl LedgerState {
    pub fn from_ledger(ledger: Ledger) -> Self {
        let card = analyze(&ledger);
        LedgerState {
            ledger,
            card,
            notes: Vec::new(),
            events: Vec::new(),
            store_notices: Vec::new(),
            backups: Vec::new(),
            problem: None,
            save: SaveStatus::NotYet,
            sample: None,
            last_export: None,
        }
    }

    /// The chapters of the ledger Act I shows (the sample's, if one is picked).
    pub fn shown_chapters(&self) -> Vec<u32> {
        self.sample
            .as_ref()
            .map_or_else(|| self.ledger.chapters(), |s| s.chapters.clone())
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
                chapters: l.chapters(),
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
    s.store_notices = store.notices.clone();
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
    pub result: Result<Parsed, Message>,
}

impl ImportPreview {
    pub fn new(source: impl Into<String>, text: &str) -> Self {
        ImportPreview {
            source: source.into(),
            result: parse_str(text).map_err(|e| e.said()),
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
    let parsed = preview.result.as_ref().map_err(ToString::to_string)?;
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
