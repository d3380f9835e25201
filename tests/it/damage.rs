//! The record against a damaged disk, run on the release binary: every single-byte flip of a
//! real store, a read-only store, numbers that must come back exactly, and inputs without end.
//! The kills are in [`crate::crash`]; the helpers both use are here.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use architects_audit::ledger::keep;
use architects_audit::platform::storage::{self, FILE_NAME, Store};
use serde_json::Value;

use crate::store::{LIST, ODD};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_architects-audit");

pub(crate) fn run(dir: &Path, args: &[&str], fault: Option<u64>) -> Output {
    let mut c = Command::new(BIN);
    c.arg("ledger")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("ARCHITECTS_AUDIT_DATA_DIR")
        .env_remove(storage::fault::ENV);
    if let Some(n) = fault {
        c.env(storage::fault::ENV, n.to_string());
    }
    c.output().unwrap()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A ledger with `n` entries, each naming its step.
pub(crate) fn ledger_json(n: u32) -> String {
    let history: Vec<Value> = (1..=n)
        .map(|i| serde_json::json!({"chapter": i, "design": {"step": n}}))
        .collect();
    serde_json::json!({"track": "cloud", "current_chapter": n, "history": history}).to_string()
}

/// A store with `backups` backups (each import backs up the one before), in a fresh folder.
pub(crate) fn store_with(backups: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=backups + 1 {
        let f = dir.path().join(format!("l{n}.json"));
        std::fs::write(&f, ledger_json(n)).unwrap();
        let o = run(
            dir.path(),
            &["import", f.to_str().unwrap(), "--replace"],
            None,
        );
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::remove_file(f).unwrap();
    }
    dir
}

/// The stored ledger (but for the time a merge stamps on it) and every backup (id → stored
/// text), read as the game reads them.
pub(crate) fn state(dir: &Path) -> (Value, Vec<(u64, String)>) {
    let mut st = Store::open(Some(dir.into())).unwrap();
    let loaded = keep::load(&mut st, "t");
    assert!(loaded.problem.is_none(), "{:?}", loaded.problem);
    let backups = keep::backups(&st)
        .into_iter()
        .map(|b| (b.id, b.value))
        .collect();
    let mut ledger = loaded.ledger.to_value();
    if let Some(m) = ledger.as_object_mut() {
        m.remove("last_updated");
    }
    (ledger, backups)
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// A real store: a ledger and two backups.
pub(crate) fn real_store() -> (tempfile::TempDir, Vec<u8>) {
    let dir = store_with(2);
    let bytes = std::fs::read(dir.path().join(FILE_NAME)).unwrap();
    (dir, bytes)
}

/// `ledger show` on damaged bytes: no panic, no abort, the file never changed, a clear word.
fn show_on(bytes: &[u8], what: &str) -> bool {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join(FILE_NAME);
    std::fs::write(&file, bytes).unwrap();
    let o = run(d.path(), &["show"], None);
    let err = stderr(&o);
    assert!(
        matches!(o.status.code(), Some(0 | 2)),
        "{what}: exit {:?}: {err}",
        o.status
    );
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "{what}: the file changed"
    );
    assert_eq!(
        std::fs::read_dir(d.path()).unwrap().count(),
        1,
        "{what}: files appeared"
    );
    if o.status.code() == Some(2) {
        assert!(err.contains("cannot be read"), "{what}: {err}");
        return false;
    }
    true
}

#[test]
fn no_damaged_byte_panics_or_changes_the_store() {
    let (_keep, bytes) = real_store();
    let mut unreadable = 0;
    for i in 0..720.min(bytes.len()) {
        let mut b = bytes.clone();
        b[i] ^= 0xff;
        unreadable += usize::from(!show_on(&b, &format!("byte {i} flipped")));
    }
    for len in [bytes.len() - 1, bytes.len() / 2, 4096, 512, 1] {
        unreadable += usize::from(!show_on(&bytes[..len], &format!("truncated to {len}")));
    }
    for extra in [1, 4096, 1 << 20] {
        let mut b = bytes.clone();
        b.extend(std::iter::repeat_n(0xa5, extra));
        show_on(&b, &format!("extended by {extra}"));
    }
    eprintln!("damaged stores refused by `show`: {unreadable} (the rest read)");
    assert!(
        unreadable > 20,
        "only {unreadable} damaged stores were refused"
    );
}

#[test]
fn the_game_moves_a_damaged_store_aside_and_starts_fresh_with_a_notice() {
    storage::use_check_child(BIN.into());
    let (_keep, bytes) = real_store();
    let mut moved = 0;
    for i in (0..720.min(bytes.len())).step_by(7) {
        let mut b = bytes.clone();
        b[i] ^= 0xff;
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(FILE_NAME), &b).unwrap();
        let st = Store::open_or_memory(Some(d.path().into()));
        if st.notices.is_empty() {
            continue;
        }
        moved += 1;
        assert!(st.persistent(), "byte {i}: a fresh store");
        drop(st);
        let asides = storage::asides(d.path());
        assert_eq!(asides.len(), 1, "byte {i}");
        assert_eq!(
            std::fs::read(&asides[0].path).unwrap(),
            b,
            "byte {i}: not byte for byte"
        );
        let o = run(d.path(), &["backups"], None);
        let list: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            list.iter().any(|x| x["id"] == asides[0].name.as_str()),
            "byte {i}"
        );
    }
    assert!(moved > 2, "only {moved} damaged stores were moved aside");
}

#[test]
fn the_student_reads_that_the_store_was_moved_aside_on_every_screen() {
    use architects_audit::lab::flow::{Phase, Predictions};
    use architects_audit::physics::{Design, PhysicsModel, Scenario};
    storage::use_check_child(BIN.into());
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join(FILE_NAME), b"this is no store").unwrap();
    let mut st = Store::open_or_memory(Some(d.path().into()));
    let state = architects_audit::ledger::store::load(&mut st);
    for phase in [Phase::Intro, Phase::Act1Report, Phase::Act2Design] {
        let mut panels = crate::panels::Panels::new(
            Scenario::builtin(),
            phase,
            Design::default(),
            PhysicsModel::Systems,
            Predictions::default(),
        )
        .with_ledger(state.clone());
        let mut c = panels.ctx();
        let text = crate::captions::drawn_text(|ui| {
            architects_audit::ui::storage_warnings(ui, &mut c);
        });
        let aside = &storage::asides(d.path())[0];
        assert!(
            text.contains("moved aside") && text.contains(&aside.name),
            "{phase:?}:\n{text}"
        );
    }
}

#[test]
fn reading_commands_never_write_nor_create_a_store() {
    let (dir, bytes) = real_store();
    for args in [&["show"][..], &["export"], &["backups"]] {
        let o = run(dir.path(), args, None);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(
            std::fs::read(dir.path().join(FILE_NAME)).unwrap(),
            bytes,
            "{args:?}"
        );
    }
    let empty = tempfile::tempdir().unwrap();
    let o = run(empty.path(), &["show"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "show created a store"
    );
}

/// Run the binary as a user who may read the store but not write it (root: as nobody).
fn as_reader(dir: &Path, args: &[&str]) -> Output {
    let is_root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    if !is_root {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        std::fs::set_permissions(dir.join(FILE_NAME), std::fs::Permissions::from_mode(0o444))
            .unwrap();
        let o = run(dir, args, None);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        return o;
    }
    let bin_dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = bin_dir.path().join("architects-audit");
    std::fs::copy(BIN, &bin).unwrap();
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&bin)
        .arg("ledger")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env("HOME", "/nonexistent")
        .output()
        .unwrap()
}

#[test]
fn a_merge_into_a_read_only_store_changes_nothing_and_says_why() {
    let (dir, bytes) = real_store();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let f = dir.path().join("mine.json");
    std::fs::write(&f, LIST).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
    let listing = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let files = listing(dir.path());
    for mode in ["--merge", "--replace"] {
        let o = as_reader(dir.path(), &["import", f.to_str().unwrap(), mode]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{mode}: {err}");
        assert!(err.contains("permission denied"), "{mode}: {err}");
        assert!(err.contains("nothing was changed"), "{mode}: {err}");
        assert!(!err.contains("panicked"), "{mode}: {err}");
        assert_eq!(
            std::fs::read(dir.path().join(FILE_NAME)).unwrap(),
            bytes,
            "{mode}"
        );
        assert_eq!(
            listing(dir.path()),
            files,
            "{mode}: files were moved or made"
        );
    }
    // Reading still works.
    let o = as_reader(dir.path(), &["show"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A folder this user cannot write, with no store yet: said plainly, no panic, nothing made.
    let empty = tempfile::tempdir().unwrap();
    std::fs::set_permissions(empty.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = as_reader(empty.path(), &["import", f.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("permission denied") && !err.contains("panicked"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0);
}

#[test]
fn a_moved_aside_store_is_listed_and_restored_when_it_reads() {
    let (dir, _) = real_store();
    let (before, _) = state(dir.path());
    // A readable store that an earlier version moved aside, and a damaged one.
    let good = format!("{FILE_NAME}.unreadable-2026-01-01T00-00-00Z");
    std::fs::copy(dir.path().join(FILE_NAME), dir.path().join(&good)).unwrap();
    let bad = format!("{FILE_NAME}.unreadable-2026-01-02T00-00-00Z");
    std::fs::write(dir.path().join(&bad), b"not a store at all").unwrap();
    let f = dir.path().join("other.json");
    std::fs::write(&f, LIST).unwrap();
    let o = run(
        dir.path(),
        &["import", f.to_str().unwrap(), "--replace"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(dir.path(), &["backups"], None);
    let list: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let entry = |name: &str| list.iter().find(|x| x["id"] == name).cloned();
    assert_eq!(entry(&good).unwrap()["readable"], true, "{list:?}");
    assert_eq!(entry(&bad).unwrap()["readable"], false, "{list:?}");
    let o = run(dir.path(), &["restore", &bad], None);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot be read") && err.contains("stay as they are"),
        "{err}"
    );
    let o = run(dir.path(), &["restore", &good], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let (now, backups) = state(dir.path());
    assert_eq!(now, before, "the moved-aside ledger is back");
    assert!(
        backups.iter().any(|b| b.1.contains("\"chapter\": 5")),
        "LIST was backed up"
    );
    assert_eq!(
        std::fs::read(dir.path().join(&bad)).unwrap(),
        b"not a store at all"
    );
}

#[test]
fn unknown_numbers_and_odd_text_come_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let numbers = [
        "18446744073709551616",
        "99999999999999999999",
        "-0",
        "0.1000000000000000055511151231257827021181583404541015625",
        "1e+400",
        "123456789012345678901234567890.5",
    ];
    let text = format!(
        r#"{{"track":"cloud","history":[{{"chapter":3,"design":{{"a":{},"b":{},"c":{}}},"x":{}}}],"big":{},"tiny":{},"dup":1,"dup":2,"odd":"\ud800 kept"}}"#,
        numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]
    );
    // An exponent is written with its sign (1e400 reads as 1e+400): the same number.
    let text = text.replace("1e+400", "1e400");
    let f = dir.path().join("n.json");
    std::fs::write(&f, &text).unwrap();
    let o = run(
        dir.path(),
        &["import", f.to_str().unwrap(), "--replace"],
        None,
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("`dup` is given more than once"), "{err}");
    assert!(err.contains("surrogate"), "{err}");
    let o = run(dir.path(), &["export"], None);
    let out = String::from_utf8(o.stdout).unwrap();
    for n in numbers {
        assert!(
            out.contains(&format!(": {n}")),
            "{n} did not come back as it was:\n{out}"
        );
    }
    // Once more through the store: the same text.
    let again = dir.path().join("again.json");
    std::fs::write(&again, &out).unwrap();
    run(
        dir.path(),
        &["import", again.to_str().unwrap(), "--replace"],
        None,
    );
    let o = run(dir.path(), &["export"], None);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), out);
}

#[test]
fn endless_and_oversized_inputs_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "ledger",
            "import",
            "/dev/zero",
            "--data-dir",
            dir.path().to_str().unwrap(),
        ],
        vec!["report", "--design", "/dev/zero"],
        vec!["ledger-report", "--ledger", "/dev/zero"],
        vec!["report", "--scenario", "/dev/zero"],
    ];
    for args in cases {
        let o = Command::new(BIN).args(&args).output().unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("/dev/zero") && err.contains("not a regular file"),
            "{args:?}: {err}"
        );
    }
    let big = dir.path().join("big.json");
    let pad = "x".repeat(17 << 20);
    std::fs::write(&big, format!(r#"{{"track":"{pad}"}}"#)).unwrap();
    let o = run(dir.path(), &["import", big.to_str().unwrap()], None);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("big.json") && err.contains("limit"), "{err}");
    assert!(storage::asides(dir.path()).is_empty());
    let o = Command::new(BIN)
        .args(["ledger", "show"])
        .env("ARCHITECTS_AUDIT_DATA_DIR", "")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
}

#[test]
fn two_moves_aside_in_one_second_keep_both_copies() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    std::fs::write(&file, b"first").unwrap();
    let a = storage::move_aside(&file, "2026-12-06T00:00:00Z").unwrap();
    std::fs::write(&file, b"second").unwrap();
    let b = storage::move_aside(&file, "2026-12-06T00:00:00Z").unwrap();
    assert_ne!(a, b);
    assert_eq!(std::fs::read(a).unwrap(), b"first");
    assert_eq!(std::fs::read(b).unwrap(), b"second");
}

#[test]
fn class_report_follows_no_link_and_opens_no_fifo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), ODD).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("again")).unwrap();
    let fifo = dir.path().join("pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = Command::new(BIN)
        .arg("class-report")
        .arg(dir.path())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["n_students"], 1, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert!(err.contains("FIFO"), "{err}");
}
