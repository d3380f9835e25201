//! Writing a ledger back out, losslessly, and changing it: merge, append, and the latest
//! design of each chapter. Pure: no Bevy.

use serde_json::{Map, Value};

use super::format::{Entry, Item, Ledger};

impl Ledger {
    /// The course format (history as a list), with everything read kept: unknown fields,
    /// unreadable entries at their place, and odd values of known fields.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        let known = |k: &str, v: Value| self.odd.get(k).cloned().unwrap_or(v);
        m.insert(
            "track".into(),
            known("track", Value::String(self.track.clone())),
        );
        m.insert(
            "current_chapter".into(),
            known("current_chapter", Value::from(self.current_chapter)),
        );
        let list = self
            .items()
            .into_iter()
            .map(|it| match it {
                Item::Entry(e) => e.to_value(),
                Item::Unread(v) => v.clone(),
            })
            .collect();
        m.insert("history".into(), Value::Array(list));
        m.insert(
            "last_updated".into(),
            known("last_updated", Value::String(self.last_updated.clone())),
        );
        for (k, v) in &self.extra {
            m.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(m)
    }

    /// The history list in stored order: readable entries and unreadable ones at their place.
    pub fn items(&self) -> Vec<Item<'_>> {
        let mut list = Vec::with_capacity(self.history.len() + self.unread.len());
        let mut unread = self.unread.iter().peekable();
        let mut entries = self.history.iter();
        loop {
            if let Some((_, v)) = unread.next_if(|(at, _)| *at <= list.len()) {
                list.push(Item::Unread(v));
            } else if let Some(e) = entries.next() {
                list.push(Item::Entry(e));
            } else if let Some((_, v)) = unread.next() {
                list.push(Item::Unread(v));
            } else {
                break;
            }
        }
        list
    }

    /// Add another ledger's history after this one's (readable and unreadable entries alike,
    /// verbatim), and its unknown top-level fields that this one lacks.
    pub fn merge(&mut self, other: &Ledger, now: &str) {
        for item in other.items() {
            match item {
                Item::Entry(e) => self.push_entry(e.clone(), now),
                Item::Unread(v) => {
                    let at = self.history.len() + self.unread.len();
                    self.unread.push((at, v.clone()));
                }
            }
        }
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).expect("a JSON value always serialises")
    }

    /// Append an entry made now (`now`: an ISO 8601 time); the newest entry for a chapter wins,
    /// as in the course's ledger. Sets `current_chapter` and `last_updated`.
    pub fn append(&mut self, chapter: u32, design: Map<String, Value>, now: &str) {
        self.push_entry(Entry::new(chapter, design), now);
    }

    /// Append an entry as it is (a merge keeps imported entries verbatim).
    pub fn push_entry(&mut self, entry: Entry, now: &str) {
        self.current_chapter = self.current_chapter.max(entry.chapter);
        self.history.push(entry);
        self.last_updated = now.to_string();
        self.odd.remove("current_chapter");
        self.odd.remove("last_updated");
    }

    /// Chapter -> design, the last entry winning.
    pub fn latest(&self) -> std::collections::BTreeMap<u32, &Map<String, Value>> {
        let mut out = std::collections::BTreeMap::new();
        for e in &self.history {
            out.insert(e.chapter, &e.design);
        }
        out
    }

    /// Distinct chapters recorded.
    pub fn chapters(&self) -> Vec<u32> {
        self.latest().keys().copied().collect()
    }
}

/// The chapter this lab records.
pub const CAPSTONE_CHAPTER: u32 = 16;

/// The attempt a chapter-16 entry belongs to (entries made before attempts were recorded
/// count as the first).
fn attempt_of(e: &Entry) -> u32 {
    e.design
        .get("attempt")
        .and_then(Value::as_u64)
        .map_or(1, |a| a as u32)
}

fn capstone_entries(ledger: &Ledger) -> impl Iterator<Item = &Entry> {
    ledger
        .history
        .iter()
        .filter(|e| e.chapter == CAPSTONE_CHAPTER)
}

/// Whether a chapter-16 entry records locked predictions of an attempt in progress (saved at
/// lock time), rather than a submitted design.
pub fn is_lock(design: &Map<String, Value>) -> bool {
    design.get("status").and_then(Value::as_str) == Some(LOCKED)
}

/// The `status` of a chapter-16 lock entry.
pub const LOCKED: &str = "locked";

/// The attempt in progress: the last lock entry of the highest attempt, when that attempt has
/// no submitted entry. A restart resumes it.
pub fn open_lock(ledger: &Ledger) -> Option<&Map<String, Value>> {
    let last = capstone_entries(ledger).map(attempt_of).max()?;
    let of_last: Vec<&Entry> = capstone_entries(ledger)
        .filter(|e| attempt_of(e) == last)
        .collect();
    if of_last.iter().any(|e| !is_lock(&e.design)) {
        return None;
    }
    of_last.last().map(|e| &e.design)
}

/// Whether the first attempt was locked but never submitted: it is the one that counts, and
/// it has no design.
pub fn first_attempt_unsubmitted(ledger: &Ledger) -> bool {
    let Some(first) = capstone_entries(ledger).map(attempt_of).min() else {
        return false;
    };
    capstone_entries(ledger)
        .filter(|e| attempt_of(e) == first)
        .all(|e| is_lock(&e.design))
}

/// The attempts recorded in chapter 16, in stored order.
pub fn attempts(ledger: &Ledger) -> Vec<u32> {
    let mut seen = Vec::new();
    for a in capstone_entries(ledger).map(attempt_of) {
        if !seen.contains(&a) {
            seen.push(a);
        }
    }
    seen
}

/// The counted (first) attempt's predictions as recorded in the ledger: the earliest
/// chapter-16 entry of the lowest attempt number.
pub fn counted_attempt(ledger: &Ledger) -> Option<&Map<String, Value>> {
    // The first attempt counts, locked or submitted; a lock is not a design, so a first
    // attempt never submitted has none.
    let first = capstone_entries(ledger).map(attempt_of).min()?;
    capstone_entries(ledger)
        .filter(|e| attempt_of(e) == first)
        .find(|e| !is_lock(&e.design))
        .map(|e| &e.design)
}
