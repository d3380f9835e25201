//! The store on disk: unreadable values and files, the `ledger` command, crash consistency.

use std::path::Path;
use std::process::Command;

use architects_audit::ledger::Ledger;
use architects_audit::ledger::keep::{self, LEDGER_KEY};
use architects_audit::ledger::store::{self, ImportMode, ImportPreview};
use architects_audit::platform::storage::{FILE_NAME, StorageMode, Store};
use serde_json::Value;

use crate::store::{LIST, ODD};

const TABLE: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("redb");

fn ledger_cmd(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_architects-audit"))
        .arg("ledger")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("ARCHITECTS_AUDIT_DATA_DIR")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Plant raw bytes under a key, as a foreign or broken writer would.
fn plant(dir: &Path, key: &str, bytes: &[u8]) {
    let db = redb::Database::create(dir.join(FILE_NAME)).unwrap();
    let w = db.begin_write().unwrap();
    {
        let mut t = w.open_table(TABLE).unwrap();
        t.insert(key, bytes).unwrap();
    }
    w.commit().unwrap();
}

const GARBAGE: &[u8] = &[0xc1, 0xff, 0x00, 0x13, 0x37, b'n', b'o', 0xd9];

#[test]
fn garbage_bytes_survive_a_fresh_start_an_import_and_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    plant(dir.path(), LEDGER_KEY, GARBAGE);
    {
        let mut st = Store::open(Some(dir.path().into())).unwrap();
        let mut state = store::load(&mut st);
        assert!(state.problem.is_some(), "the garbage is reported");
        store::start_afresh(&mut st, &mut state).unwrap();
        let preview = ImportPreview::new("list", LIST);
        store::apply_import(&mut st, &mut state, &preview, ImportMode::Replace).unwrap();
    }
    // A restart reads the imported ledger; the garbage is still kept, byte for byte.
    {
        let mut st = Store::open(Some(dir.path().into())).unwrap();
        let state = store::load(&mut st);
        assert!(state.problem.is_none());
        assert_eq!(state.ledger.chapters(), vec![2, 5]);
        assert_eq!(keep::pins(&st)[0].bytes(), GARBAGE);
    }
    let (code, out, err) = ledger_cmd(dir.path(), &["export", "--raw"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, GARBAGE);
}

#[test]
fn an_unreadable_value_is_reported_by_show_and_exported_raw() {
    let dir = tempfile::tempdir().unwrap();
    plant(dir.path(), LEDGER_KEY, GARBAGE);
    let (code, out, err) = ledger_cmd(dir.path(), &["show"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["readable"], false);
    assert!(err.contains("cannot be read"), "{err}");
    let (code, _, err) = ledger_cmd(dir.path(), &["export"]);
    assert_ne!(code, 0);
    assert!(err.contains("--raw"), "{err}");
    let (code, out, _) = ledger_cmd(dir.path(), &["export", "--raw"]);
    assert_eq!((code, out.as_slice()), (0, GARBAGE));
}

#[test]
fn an_unreadable_store_file_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&file, &junk).unwrap();
    for args in [&["show"][..], &["export"], &["backups"], &["restore", "1"]] {
        let (code, _, err) = ledger_cmd(dir.path(), args);
        assert_ne!(code, 0, "{args:?}");
        assert!(err.contains("cannot be read"), "{args:?}: {err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            junk,
            "{args:?} left the file"
        );
    }
    // The game moves it aside whole and starts on a fresh store, saying so.
    let st = Store::open_or_memory(Some(dir.path().into()));
    assert!(matches!(st.mode, StorageMode::Persistent));
    assert!(
        st.notices[0].to_string().contains("moved aside"),
        "{:?}",
        st.notices
    );
    drop(st);
    let aside = architects_audit::platform::storage::asides(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0].path).unwrap(), junk);
    // An import moves an unreadable file aside whole too, then writes a new store.
    std::fs::write(&file, &junk).unwrap();
    let import = dir.path().join("mine.json");
    std::fs::write(&import, LIST).unwrap();
    let (code, _, err) = ledger_cmd(
        dir.path(),
        &["import", import.to_str().unwrap(), "--replace"],
    );
    assert_eq!(code, 0, "{err}");
    let aside = architects_audit::platform::storage::asides(dir.path());
    assert_eq!(aside.len(), 2, "{err}");
    for a in &aside {
        assert_eq!(std::fs::read(&a.path).unwrap(), junk);
    }
    let (code, out, _) = ledger_cmd(dir.path(), &["export"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v, serde_json::from_str::<Value>(LIST).unwrap());
}

#[test]
fn the_ledger_command_imports_lists_backups_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, ODD).unwrap();
    std::fs::write(&b, "{}").unwrap();
    let (code, _, err) = ledger_cmd(dir.path(), &["import", a.to_str().unwrap(), "--replace"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = ledger_cmd(dir.path(), &["import", b.to_str().unwrap(), "--replace"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("backup"), "{err}");
    let (_, out, _) = ledger_cmd(dir.path(), &["backups"]);
    let list: Vec<Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(list.len(), 1, "the first import had nothing to back up");
    assert!(list[0]["reason"].as_str().unwrap().contains("replace"));
    assert!(list[0]["time"].as_str().unwrap().ends_with('Z'));
    let id = list[0]["id"].as_u64().unwrap().to_string();
    let (code, _, err) = ledger_cmd(dir.path(), &["restore", &id]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = ledger_cmd(dir.path(), &["export"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v, serde_json::from_str::<Value>(ODD).unwrap());
    let (_, out, _) = ledger_cmd(dir.path(), &["show"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["backups"], 2);
    assert_eq!(v["chapters"], serde_json::json!([2, 3, 7]));
    // Bad input names what is wrong and changes nothing.
    let (code, _, err) = ledger_cmd(dir.path(), &["restore", "999"]);
    assert_ne!(code, 0);
    assert!(err.contains("999"), "{err}");
    let (code, _, err) = ledger_cmd(dir.path(), &["import", "/nonexistent/x.json"]);
    assert_ne!(code, 0);
    assert!(err.contains("x.json"), "{err}");
    let (_, out, _) = ledger_cmd(dir.path(), &["export"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v, serde_json::from_str::<Value>(ODD).unwrap());
}

/// The ledger the crash child writes at step `n`: n entries.
fn nth_ledger(n: u64) -> Ledger {
    let mut l = Ledger::default();
    for i in 0..n {
        let mut d = serde_json::Map::new();
        d.insert("step".into(), n.into());
        l.append((i % 15 + 1) as u32, d, "2026-11-26T00:00:00Z");
    }
    l
}

/// This test binary again, running only the ignored test `test` on the store in `dir` (named by
/// the environment variable `env`), quiet; the caller kills it.
fn child_on(test: &str, env: &str, dir: &std::path::Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--ignored", "--test-threads=1"])
        .env(env, dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// The next of a xorshift stream: when each kill lands.
fn next(seed: u64) -> u64 {
    let mut s = seed;
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    s
}

/// Run only as the crash test's child: saves ever-longer ledgers until killed.
#[test]
#[ignore = "the child process of the crash-consistency test"]
fn crash_child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os("AUDIT_CRASH_DIR") else {
        return;
    };
    let mut st = Store::open(Some(dir.into())).unwrap();
    let start = match keep::load(&mut st, "t").ledger.history.len() as u64 {
        0 => 1,
        n => n + 1,
    };
    for n in start.. {
        keep::save(&mut st, &nth_ledger(n % 200)).unwrap();
    }
}

#[test]
fn a_killed_save_leaves_the_previous_or_the_new_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut saw_progress = 0;
    for kill in 0..120 {
        let mut child = child_on(
            "storefile::crash_child_saves_in_a_loop",
            "AUDIT_CRASH_DIR",
            dir.path(),
        );
        seed = next(seed);
        std::thread::sleep(std::time::Duration::from_millis(5 + seed % 60));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut st = Store::open(Some(dir.path().into()))
            .unwrap_or_else(|e| panic!("kill {kill}: the store does not reopen: {e}"));
        let loaded = keep::load(&mut st, "t");
        assert!(
            loaded.problem.is_none(),
            "kill {kill}: {:?}",
            loaded.problem
        );
        let n = loaded.ledger.history.len() as u64;
        if n > 0 {
            saw_progress += 1;
            assert_eq!(
                loaded.ledger.to_value(),
                nth_ledger(n).to_value(),
                "kill {kill}: a torn ledger"
            );
        }
        // Reopening must not read back an empty ledger once one was written.
        if saw_progress > 0 {
            assert!(
                st.get(LEDGER_KEY).unwrap().is_some(),
                "kill {kill}: the ledger vanished"
            );
        }
    }
    assert!(
        saw_progress > 50,
        "the child rarely got to save ({saw_progress})"
    );
}

/// Run only as the creation test's child: opens (so creates) a store, then waits to be killed.
#[test]
#[ignore = "the child process of the store-creation test"]
fn create_child_opens_a_store() {
    let Some(dir) = std::env::var_os("AUDIT_CREATE_DIR") else {
        return;
    };
    let _st = Store::open(Some(dir.into())).unwrap();
    std::thread::sleep(std::time::Duration::from_secs(10));
}

#[test]
fn a_store_killed_while_it_is_created_opens_afterwards() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut created = 0;
    for kill in 0..60 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = child_on(
            "storefile::create_child_opens_a_store",
            "AUDIT_CREATE_DIR",
            dir.path(),
        );
        // Kill it around the time it creates the store: a few milliseconds after it starts.
        seed = next(seed);
        let mut waited = 0;
        while !dir.path().join(FILE_NAME).exists() && waited < 400 {
            std::thread::sleep(std::time::Duration::from_micros(250));
            waited += 1;
        }
        std::thread::sleep(std::time::Duration::from_micros(seed % 3000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        created += usize::from(dir.path().join(FILE_NAME).exists());
        Store::open(Some(dir.path().into()))
            .unwrap_or_else(|e| panic!("kill {kill}: the store does not reopen: {e}"));
    }
    assert!(
        created > 10,
        "the child rarely got to create the store ({created})"
    );
}
