//! The ledger store: persistence, recovery, backups, fallbacks, imports, samples.

use architects_audit::ledger::keep::{self, LEDGER_KEY, LEGACY_KEY};
use architects_audit::ledger::store::{self, ImportMode, ImportPreview, LedgerState, SaveStatus};
use architects_audit::ledger::{Ledger, parse_str};
use architects_audit::platform::storage::{
    KvBackend, MemoryBackend, ReadError, StorageMode, Store,
};
use serde_json::Value;

pub fn store_with(values: &[(&str, &[u8])]) -> Store {
    let mut b = MemoryBackend::default();
    for (k, v) in values {
        b.values.insert(k.to_string(), v.to_vec());
    }
    Store::new(Box::new(b), StorageMode::Persistent)
}

/// A store whose writes all fail (a full disk, a crash mid-write).
struct FailingWrites(MemoryBackend);

impl KvBackend for FailingWrites {
    fn get(&self, key: &str) -> Result<Option<String>, ReadError> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), String> {
        Err("simulated write failure".into())
    }
    fn remove(&mut self, _: &str) -> Result<(), String> {
        Err("simulated write failure".into())
    }
}

pub const LIST: &str = r#"{"track":"cloud","current_chapter":5,"history":[{"chapter":2,"design":{"act1_correct":true,"context":"edge"}},{"chapter":5,"design":{"act1_correct":false}}],"last_updated":"x"}"#;
const KEYED: &str = r#"{"track":"cloud","history":{"2":{"act1_correct":true,"context":"edge"},"5":{"design":{"act1_correct":false}}}}"#;

/// Everything the parser cannot read or would normalise, and keys it does not know.
pub const ODD: &str = r#"{"track":null,"current_chapter":"7","student":{"id":"s-42"},
 "history":[{"chapter":2,"design":{"act1_correct":true},"timestamp":"2026-03-01","grader":{"ok":1}},
            "a stray string", {"chapter":"3","design":null}, {"design":{"x":1}}, {"chapter":-4,"design":{}},
            {"chapter":7,"design":{"act1_correct":false,"constraint_hit":true},"note":"kept"}],
 "last_updated":20260301}"#;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn stored(st: &Store) -> Value {
    let text = st.get(LEDGER_KEY).unwrap().expect("a stored ledger");
    json(&text)["ledger"].clone()
}

#[test]
fn round_trip_through_the_store_in_both_formats() {
    for text in [LIST, KEYED] {
        let mut st = store_with(&[]);
        let mut state = store::load(&mut st);
        let preview = ImportPreview::new("test", text);
        store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap();
        assert_eq!(state.save, SaveStatus::Saved);
        let back = store::load(&mut st);
        assert_eq!(back.ledger.chapters(), vec![2, 5]);
        assert_eq!(back.card, state.card);
        // Stored as the course's list format inside a versioned envelope.
        let raw = json(&st.get(LEDGER_KEY).unwrap().unwrap());
        assert_eq!(raw["schema"], keep::SCHEMA);
        assert!(raw["ledger"]["history"].is_array());
        assert_eq!(raw["ledger"]["history"][0]["chapter"], 2);
    }
}

#[test]
fn nothing_read_is_lost_on_the_way_back_out() {
    // Parse and write: equal as JSON values, unknown keys and unreadable entries included.
    let parsed = parse_str(ODD).unwrap();
    assert_eq!(parsed.ledger.to_value(), json(ODD));
    assert!(!parsed.notes.is_empty(), "the odd input is noted");
    // Through the store: import, load, append, save.
    let mut st = store_with(&[]);
    let mut state = store::load(&mut st);
    let preview = ImportPreview::new("odd", ODD);
    store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap();
    assert_eq!(stored(&st), json(ODD));
    let mut state = store::load(&mut st);
    state
        .ledger
        .append(16, serde_json::Map::new(), "2026-11-26T10:00:00Z");
    store::save(&mut st, &mut state);
    let after = stored(&st);
    let list = after["history"].as_array().unwrap();
    let before = json(ODD)["history"].as_array().unwrap().clone();
    assert_eq!(
        &list[..before.len()],
        &before[..],
        "every stored entry, in order"
    );
    assert_eq!(list.len(), before.len() + 1);
    assert_eq!(after["student"], json(ODD)["student"]);
    assert_eq!(after["track"], Value::Null);
    assert_eq!(after["last_updated"], "2026-11-26T10:00:00Z");
    assert_eq!(after["current_chapter"], 16);
    // A merge keeps the imported ledger's unreadable entries too.
    let mut st = store_with(&[]);
    let mut state = store::load(&mut st);
    store::apply_import(
        &mut st,
        &mut state,
        &ImportPreview::new("l", LIST),
        ImportMode::Replace,
    )
    .unwrap();
    store::apply_import(
        &mut st,
        &mut state,
        &ImportPreview::new("odd", ODD),
        ImportMode::Merge,
    )
    .unwrap();
    let merged = stored(&st);
    let list = merged["history"].as_array().unwrap();
    assert_eq!(list.len(), 2 + before.len());
    assert_eq!(&list[2..], &before[..]);
    assert_eq!(merged["student"], json(ODD)["student"]);
}

#[test]
fn append_sets_last_updated() {
    let mut l = parse_str(LIST).unwrap().ledger;
    l.append(16, serde_json::Map::new(), "2026-11-26T09:30:00Z");
    assert_eq!(l.last_updated, "2026-11-26T09:30:00Z");
    assert_eq!(l.to_value()["last_updated"], "2026-11-26T09:30:00Z");
}

#[test]
fn an_unparsable_stored_ledger_is_pinned_and_never_overwritten() {
    let raw = "{\"schema\": \"architects-audit/ledger/2\", \"ledger\": [ this is not json";
    let mut st = store_with(&[(LEDGER_KEY, raw.as_bytes())]);
    let mut state = store::load(&mut st);
    let problem = state.problem.clone().expect("reported");
    let pins = keep::pins(&st);
    assert_eq!(pins.len(), 1);
    assert_eq!(Some(pins[0].id), problem.pin);
    assert_eq!(pins[0].bytes(), raw.as_bytes());
    // Saving (e.g. finishing Act II) must not replace it.
    state.ledger.append(16, serde_json::Map::new(), "t");
    store::save(&mut st, &mut state);
    assert!(matches!(state.save, SaveStatus::MemoryOnly(_)));
    assert_eq!(st.get(LEDGER_KEY).unwrap().as_deref(), Some(raw));
    // Loading again pins nothing new.
    let _ = store::load(&mut st);
    assert_eq!(keep::pins(&st).len(), 1);
    // Only an explicit fresh start lets the main key be written; the pinned copy stays.
    store::start_afresh(&mut st, &mut state).unwrap();
    store::save(&mut st, &mut state);
    assert_eq!(state.save, SaveStatus::Saved);
    assert_eq!(keep::pins(&st)[0].bytes(), raw.as_bytes());
}

#[test]
fn a_value_that_is_not_text_is_kept_byte_for_byte() {
    let garbage: &[u8] = &[0xff, 0xfe, 0x00, 0x9c, b'{', 0x80];
    let mut st = store_with(&[(LEDGER_KEY, garbage)]);
    let mut state = store::load(&mut st);
    assert!(state.problem.is_some());
    store::start_afresh(&mut st, &mut state).unwrap();
    let preview = ImportPreview::new("l", LIST);
    store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap();
    let again = store::load(&mut st);
    assert!(again.problem.is_none());
    assert_eq!(again.ledger.chapters(), vec![2, 5]);
    assert_eq!(keep::pins(&st)[0].bytes(), garbage);
}

#[test]
fn a_ledger_of_a_newer_schema_is_not_overwritten() {
    let newer = r#"{"schema":"architects-audit/ledger/9","ledger":{}}"#;
    let mut st = store_with(&[(LEDGER_KEY, newer.as_bytes())]);
    let mut state = store::load(&mut st);
    assert!(state.problem.as_ref().unwrap().error.contains("ledger/9"));
    state.ledger.append(16, serde_json::Map::new(), "t");
    store::save(&mut st, &mut state);
    assert_eq!(st.get(LEDGER_KEY).unwrap().as_deref(), Some(newer));
    // Starting afresh backs it up first (it is text, so it goes to the ring as well as the pin).
    store::start_afresh(&mut st, &mut state).unwrap();
    let b = keep::backups(&st);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].value, newer);
    assert!(b[0].reason.contains("afresh"));
    assert_eq!(keep::pins(&st)[0].bytes(), newer.as_bytes());
}

#[test]
fn the_v1_ledger_is_backed_up_and_migrated() {
    let mut st = store_with(&[(LEGACY_KEY, ODD.as_bytes())]);
    let state = store::load(&mut st);
    assert!(state.problem.is_none());
    assert!(!state.events.is_empty(), "the student is told");
    // Migrated losslessly, backed up first, and the old key left as it was.
    assert_eq!(stored(&st), json(ODD));
    let backups = keep::backups(&st);
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].key, LEGACY_KEY);
    assert_eq!(backups[0].value, ODD);
    assert!(backups[0].reason.contains("migration"));
    assert_eq!(st.get(LEGACY_KEY).unwrap().as_deref(), Some(ODD));
    // A second load migrates nothing again.
    let _ = store::load(&mut st);
    assert_eq!(keep::backups(&st).len(), 1);
}

#[test]
fn replace_then_restore_gives_back_the_original() {
    let mut st = store_with(&[]);
    let mut state = store::load(&mut st);
    assert!(keep::backups(&st).is_empty(), "nothing stored: no backup");
    store::apply_import(
        &mut st,
        &mut state,
        &ImportPreview::new("odd", ODD),
        ImportMode::Replace,
    )
    .unwrap();
    let original = stored(&st);
    // A one-click wipe.
    store::apply_import(
        &mut st,
        &mut state,
        &ImportPreview::new("empty", "{}"),
        ImportMode::Replace,
    )
    .unwrap();
    assert_ne!(stored(&st), original);
    let b = keep::backups(&st);
    assert_eq!(
        b.len(),
        1,
        "the second import backed up the first (the first: nothing)"
    );
    store::apply_restore(&mut st, &mut state, b[0].id).unwrap();
    assert_eq!(stored(&st), original);
    assert_eq!(state.ledger.to_value(), original);
    // The restore itself backed up the wiped ledger, so it too can be had back.
    assert_eq!(keep::backups(&st).len(), 2);
}

#[test]
fn the_backup_ring_keeps_the_newest_eight() {
    let mut st = store_with(&[]);
    let mut state = store::load(&mut st);
    for i in 0..12 {
        let text = format!(r#"{{"history":[{{"chapter":{},"design":{{}}}}]}}"#, i + 1);
        store::apply_import(
            &mut st,
            &mut state,
            &ImportPreview::new("i", &text),
            ImportMode::Replace,
        )
        .unwrap();
    }
    let b = keep::backups(&st);
    assert_eq!(b.len(), keep::RING as usize);
    let ids: Vec<u64> = b.iter().map(|b| b.id).collect();
    assert_eq!(ids, (4..=11).rev().collect::<Vec<u64>>(), "newest first");
    // The newest backup holds the ledger before the last import (chapter 11).
    let p = keep::decode(&b[0].key, &b[0].value).unwrap();
    assert_eq!(p.ledger.chapters(), vec![11]);
}

#[test]
fn blocked_storage_falls_back_to_memory_with_a_reason() {
    let mut st = Store::new(
        Box::<MemoryBackend>::default(),
        StorageMode::MemoryOnly {
            reason: "browser storage is blocked".into(),
        },
    );
    let mut state = store::load(&mut st);
    state.ledger.append(16, serde_json::Map::new(), "t");
    store::save(&mut st, &mut state);
    assert_eq!(
        state.save,
        SaveStatus::MemoryOnly("browser storage is blocked".into())
    );
}

#[test]
fn a_store_held_by_a_running_game_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(Some(dir.path().to_path_buf())).unwrap();
    first
        .set(
            LEDGER_KEY,
            &keep::envelope(&parse_str(LIST).unwrap().ledger),
        )
        .unwrap();
    // A second game on the same store while the first holds it.
    let err = Store::open(Some(dir.path().to_path_buf()))
        .err()
        .expect("refused");
    assert!(err.contains("in use"), "{err}");
    let second = Store::open_or_memory(Some(dir.path().to_path_buf()));
    assert!(matches!(second.mode, StorageMode::MemoryOnly { .. }));
    drop(second);
    drop(first);
    // The value written survives reopening.
    let mut again = Store::open(Some(dir.path().to_path_buf())).unwrap();
    let state = store::load(&mut again);
    assert_eq!(state.ledger.chapters(), vec![2, 5]);
}

#[test]
fn import_errors_leave_the_store_unchanged() {
    let mut st = store_with(&[(
        LEDGER_KEY,
        keep::envelope(&parse_str(LIST).unwrap().ledger).as_bytes(),
    )]);
    let mut state = store::load(&mut st);
    let before = state.ledger.clone();
    for bad in ["", "[1,2]", "{\"history\": 3}", "{\"history\": ["] {
        let preview = ImportPreview::new("bad", bad);
        assert!(preview.result.is_err());
        let err =
            store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap_err();
        assert!(!err.is_empty());
    }
    assert_eq!(state.ledger, before);
    assert_eq!(stored(&st), json(LIST));
}

#[test]
fn a_failed_write_keeps_the_previous_ledger() {
    // A write that never completes: the store keeps the old value.
    let mut b = MemoryBackend::default();
    let before = keep::envelope(&parse_str(LIST).unwrap().ledger);
    b.values
        .insert(LEDGER_KEY.into(), before.as_bytes().to_vec());
    let mut st = Store::new(Box::new(FailingWrites(b)), StorageMode::Persistent);
    let mut state = store::load(&mut st);
    state.ledger.append(16, serde_json::Map::new(), "t");
    store::save(&mut st, &mut state);
    assert!(matches!(state.save, SaveStatus::Failed(_)));
    assert_eq!(stored(&st), json(LIST));
}

#[test]
fn merge_keeps_existing_entries_and_the_import_wins_overlaps() {
    let mut st = store_with(&[(
        LEDGER_KEY,
        keep::envelope(&parse_str(LIST).unwrap().ledger).as_bytes(),
    )]);
    let mut state = store::load(&mut st);
    let preview = ImportPreview::new(
        "other",
        r#"{"history":[{"chapter":5,"design":{"act1_correct":true}},{"chapter":9,"design":{}}]}"#,
    );
    store::apply_import(&mut st, &mut state, &preview, ImportMode::Merge).unwrap();
    assert_eq!(state.ledger.chapters(), vec![2, 5, 9]);
    assert_eq!(
        state.card.n_correct, 2,
        "chapter 5 now reads the imported entry"
    );
}

#[test]
fn samples_give_the_cards_they_promise() {
    let card = |n: &str| {
        let mut s = LedgerState::from_ledger(Ledger::default());
        s.view_sample(Some(n));
        s.shown_card().clone()
    };
    let strong = card("strong");
    assert_eq!(strong.n_completed, 15);
    assert!(strong.pct_correct >= 90.0);
    assert!(!strong.is_sparse());
    assert_eq!(card("memory-wall").weakest_invariant, "Memory Wall");
    assert_eq!(card("memory-wall").act1_correct_answer, "memory_bw");
    assert_eq!(card("queuing").weakest_invariant, "Little's Law");
    assert_eq!(card("queuing").act1_correct_answer, "queuing");
    let sparse = card("sparse");
    assert_eq!(sparse.n_completed, 3);
    assert!(sparse.is_sparse());
    let empty = card("empty");
    assert_eq!(
        (
            empty.n_completed,
            empty.weakest_invariant,
            empty.fav_context
        ),
        (0, "Memory Wall", "cloud")
    );
    // Every sample file parses with no notes.
    for (name, text) in store::SAMPLES {
        assert!(
            parse_str(text).unwrap().notes.is_empty() || name == "empty",
            "{name}"
        );
    }
}
