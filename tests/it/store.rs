//! The ledger store: persistence, recovery, fallbacks, imports, samples.

use architects_audit::ledger::store::{
    self, BACKUP_KEY, ImportMode, ImportPreview, LEDGER_KEY, LedgerState, LedgerStore,
    MemoryBackend, SaveStatus, StorageMode,
};
use architects_audit::ledger::{Ledger, parse_str};

fn store_with(values: &[(&str, &str)], fail_writes: bool) -> LedgerStore {
    let mut b = MemoryBackend {
        fail_writes,
        ..Default::default()
    };
    for (k, v) in values {
        b.values.insert(k.to_string(), v.to_string());
    }
    LedgerStore::new(Box::new(b), StorageMode::Persistent)
}

const LIST: &str = r#"{"track":"cloud","current_chapter":5,"history":[{"chapter":2,"design":{"act1_correct":true,"context":"edge"}},{"chapter":5,"design":{"act1_correct":false}}],"last_updated":"x"}"#;
const KEYED: &str = r#"{"track":"cloud","history":{"2":{"act1_correct":true,"context":"edge"},"5":{"design":{"act1_correct":false}}}}"#;

#[test]
fn round_trip_through_the_store_in_both_formats() {
    for text in [LIST, KEYED] {
        let mut st = store_with(&[], false);
        let mut state = store::load(&mut st);
        let preview = ImportPreview::new("test", text);
        store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap();
        assert_eq!(state.save, SaveStatus::Saved);
        let back = store::load(&mut st);
        assert_eq!(back.ledger.chapters(), vec![2, 5]);
        assert_eq!(back.card, state.card);
        // Stored as the course's list format, readable by the Python labs.
        let raw = st.get(LEDGER_KEY).unwrap().unwrap();
        let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert!(v["history"].is_array());
        assert_eq!(v["history"][0]["chapter"], 2);
    }
}

#[test]
fn a_corrupt_stored_ledger_is_kept_and_never_overwritten() {
    let raw = "{\"history\": [ this is not json";
    let mut st = store_with(&[(LEDGER_KEY, raw)], false);
    let mut state = store::load(&mut st);
    let problem = state.problem.clone().expect("reported");
    assert_eq!(problem.raw, raw);
    assert!(problem.backed_up);
    assert_eq!(st.get(BACKUP_KEY).unwrap().as_deref(), Some(raw));
    // Saving (e.g. finishing Act II) must not replace it.
    state.ledger.append(16, serde_json::Map::new());
    store::save(&mut st, &mut state);
    assert!(matches!(state.save, SaveStatus::MemoryOnly(_)));
    assert_eq!(st.get(LEDGER_KEY).unwrap().as_deref(), Some(raw));
    // Only an explicit fresh start lets the main key be written; the raw copy stays backed up.
    store::start_afresh(&mut st, &mut state).unwrap();
    store::save(&mut st, &mut state);
    assert_eq!(state.save, SaveStatus::Saved);
    assert_eq!(st.get(BACKUP_KEY).unwrap().as_deref(), Some(raw));
}

#[test]
fn blocked_storage_falls_back_to_memory_with_a_reason() {
    let mut st = LedgerStore::new(
        Box::<MemoryBackend>::default(),
        StorageMode::MemoryOnly {
            reason: "browser storage is blocked".into(),
        },
    );
    let mut state = store::load(&mut st);
    state.ledger.append(16, serde_json::Map::new());
    store::save(&mut st, &mut state);
    assert_eq!(
        state.save,
        SaveStatus::MemoryOnly("browser storage is blocked".into())
    );
}

#[test]
fn a_locked_native_store_falls_back_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = LedgerStore::open(Some(dir.path().to_path_buf()));
    assert_eq!(first.mode, StorageMode::Persistent);
    first.set(LEDGER_KEY, LIST).unwrap();
    // A second game on the same store while the first holds it.
    let second = LedgerStore::open(Some(dir.path().to_path_buf()));
    assert!(
        matches!(second.mode, StorageMode::MemoryOnly { .. }),
        "{:?}",
        second.mode
    );
    drop(second);
    drop(first);
    // The value written survives reopening.
    let mut again = LedgerStore::open(Some(dir.path().to_path_buf()));
    let state = store::load(&mut again);
    assert_eq!(state.ledger.chapters(), vec![2, 5]);
}

#[test]
fn import_errors_leave_the_store_unchanged() {
    let mut st = store_with(&[(LEDGER_KEY, LIST)], false);
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
    assert_eq!(st.get(LEDGER_KEY).unwrap().as_deref(), Some(LIST));
}

#[test]
fn a_failed_write_keeps_the_previous_ledger() {
    // A crash mid-save is a write that never completes: the store keeps the old value.
    let mut st = store_with(&[(LEDGER_KEY, LIST)], true);
    let mut state = store::load(&mut st);
    state.ledger.append(16, serde_json::Map::new());
    store::save(&mut st, &mut state);
    assert!(matches!(state.save, SaveStatus::Failed(_)));
    assert_eq!(st.get(LEDGER_KEY).unwrap().as_deref(), Some(LIST));
}

#[test]
fn merge_keeps_existing_entries_and_the_import_wins_overlaps() {
    let mut st = store_with(&[(LEDGER_KEY, LIST)], false);
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
