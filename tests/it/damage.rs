//! The record against a damaged disk, run on the release binary: a kill at every durable step
//! of every write, every single-byte flip of a real store, a read-only store, numbers that
//! must come back exactly, and inputs without end.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use architects_audit::ledger::keep;
use architects_audit::storage::{self, FILE_NAME, Store};
use serde_json::Value;

use crate::store::{LIST, ODD};

const BIN: &str = env!("CARGO_BIN_EXE_architects-audit");

fn run(dir: &Path, args: &[&str], fault: Option<u64>) -> Output {
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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A ledger with `n` entries, each naming its step.
fn ledger_json(n: u32) -> String {
    let history: Vec<Value> = (1..=n)
        .map(|i| serde_json::json!({"chapter": i, "design": {"step": n}}))
        .collect();
    serde_json::json!({"track": "cloud", "current_chapter": n, "history": history}).to_string()
}

/// A store with `backups` backups (each import backs up the one before), in a fresh folder.
fn store_with(backups: u32) -> tempfile::TempDir {
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
fn state(dir: &Path) -> (Value, Vec<(u64, String)>) {
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

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// The backups after an operation that was killed (or finished), against those before it.
/// The old ledger: every backup is there, unchanged. The new one: the old ledger is backed
/// up, and the only backups gone are the oldest the ring of eight had to let go (never the one
/// restored); every other is unchanged.
fn check_backups(
    what: &str,
    finished: bool,
    before: &[(u64, String)],
    after: &[(u64, String)],
    restored: Option<u64>,
) {
    let gone: Vec<u64> = before
        .iter()
        .filter(|b| !after.contains(b))
        .map(|b| b.0)
        .collect();
    if !finished {
        assert!(
            gone.is_empty(),
            "{what}: backups {gone:?} lost or changed before the write"
        );
        return;
    }
    assert!(
        after.iter().any(|b| !before.contains(b)),
        "{what}: the replaced ledger was not backed up"
    );
    let may_go = (before.len() + 1).saturating_sub(keep::RING as usize);
    assert!(gone.len() <= may_go, "{what}: backups {gone:?} lost");
    assert!(
        restored.is_none_or(|r| !gone.contains(&r)),
        "{what}: the restored backup was evicted"
    );
    let kept_min = before
        .iter()
        .filter(|b| !gone.contains(&b.0) && Some(b.0) != restored)
        .map(|b| b.0)
        .min();
    assert!(
        gone.iter().all(|g| kept_min.is_none_or(|k| *g < k)),
        "{what}: evicted {gone:?}, not the oldest"
    );
}

/// Walk a kill through every fault point of `args` on a copy of `template`: after each kill
/// the ledger is the old one or the new one, with its backups as [`check_backups`] says.
fn kill_at_every_step(name: &str, template: &Path, args: &[&str]) -> u64 {
    let (old, before) = state(template);
    let done = tempfile::tempdir().unwrap();
    copy_dir(template, done.path());
    let o = run(done.path(), args, None);
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    let (new, _) = state(done.path());
    assert_ne!(old, new, "{name}: the operation changes the ledger");
    for n in 1.. {
        let d = tempfile::tempdir().unwrap();
        copy_dir(template, d.path());
        let o = run(d.path(), args, Some(n));
        let (now, backups) = state(d.path());
        assert!(
            now == old || now == new,
            "{name}, kill at point {n}: a torn ledger"
        );
        let restored = (args[0] == "restore").then(|| args[1].parse().unwrap());
        let what = format!("{name}, kill at point {n}");
        check_backups(&what, now == new, &before, &backups, restored);
        if o.status.success() {
            assert_eq!(now, new, "{name}: finished");
            return n - 1;
        }
        assert!(n < 100, "{name}: no end to the fault points");
    }
    unreachable!()
}

#[test]
fn a_kill_at_any_step_keeps_the_old_or_new_ledger_and_every_backup() {
    let full = store_with(keep::RING as u32);
    let some = store_with(3);
    let extra = full.path().join("extra.json");
    std::fs::write(&extra, ledger_json(20)).unwrap();
    let extra = extra.to_str().unwrap().to_string();
    let (_, ring) = state(full.path());
    let oldest = ring.iter().map(|b| b.0).min().unwrap().to_string();
    let newest = ring.iter().map(|b| b.0).max().unwrap().to_string();
    let (_, few) = state(some.path());
    let some_oldest = few.iter().map(|b| b.0).min().unwrap().to_string();
    let mut points = 0;
    for (name, template, args) in [
        (
            "import --merge",
            full.path(),
            vec!["import", &extra, "--merge"],
        ),
        (
            "import --replace",
            full.path(),
            vec!["import", &extra, "--replace"],
        ),
        (
            "restore oldest, full ring",
            full.path(),
            vec!["restore", &oldest],
        ),
        (
            "restore newest, full ring",
            full.path(),
            vec!["restore", &newest],
        ),
        (
            "restore, ring not full",
            some.path(),
            vec!["restore", &some_oldest],
        ),
        (
            "import into a short ring",
            some.path(),
            vec!["import", &extra],
        ),
    ] {
        points += kill_at_every_step(name, template, &args);
    }
    eprintln!("fault points reached across the six operations: {points}");
    assert!(points >= 20, "only {points} fault points were reached");
}

/// Run only as a child of the game-save crash test: one game save of a longer ledger.
#[test]
#[ignore = "the child process of the game-save crash test"]
fn crash_child_game_save() {
    let Some(dir) = std::env::var_os("AUDIT_DAMAGE_DIR") else {
        return;
    };
    let mut st = Store::open(Some(dir.into())).unwrap();
    let mut state = architects_audit::ledger::store::load(&mut st);
    let mut d = serde_json::Map::new();
    d.insert("saved".into(), true.into());
    state.ledger.append(16, d, "2026-12-06T00:00:00Z");
    architects_audit::ledger::store::save(&mut st, &mut state);
    assert_eq!(
        state.save,
        architects_audit::ledger::store::SaveStatus::Saved
    );
}

#[test]
fn a_kill_during_a_game_save_keeps_the_old_or_new_ledger() {
    let template = store_with(keep::RING as u32);
    let (old, before) = state(template.path());
    for n in 1.. {
        let d = tempfile::tempdir().unwrap();
        copy_dir(template.path(), d.path());
        let o = Command::new(std::env::current_exe().unwrap())
            .args(["damage::crash_child_game_save", "--exact", "--ignored"])
            .env("AUDIT_DAMAGE_DIR", d.path())
            .env(storage::fault::ENV, n.to_string())
            .output()
            .unwrap();
        let (now, backups) = state(d.path());
        let entries = now["history"].as_array().unwrap().len();
        assert!(now == old || entries == 10, "kill at point {n}: {now}");
        assert_eq!(backups, before, "kill at point {n}: the backups changed");
        if o.status.success() {
            assert_ne!(now, old, "the save was written");
            assert!(n > 2, "the save reached its fault points");
            break;
        }
        assert!(n < 20);
    }
}

/// Every fdatasync of an import, killed for real (strace), where strace is installed.
#[test]
fn a_kill_at_every_fdatasync_keeps_the_old_or_new_ledger() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs strace for this test"
        );
        eprintln!("strace is not installed; the fault-point test covers the same steps");
        return;
    }
    let template = store_with(keep::RING as u32);
    let (old, before) = state(template.path());
    let f = template.path().join("x.json");
    std::fs::write(&f, ledger_json(30)).unwrap();
    let mut kills = 0;
    for op in [&["import", "--merge"][..], &["restore", "1"]] {
        let args = |d: &Path| -> Vec<String> {
            let mut a: Vec<String> = vec![op[0].into()];
            if op[0] == "import" {
                a.push(d.join("x.json").display().to_string());
            }
            a.extend(op[1..].iter().map(|s| s.to_string()));
            a
        };
        let done = tempfile::tempdir().unwrap();
        copy_dir(template.path(), done.path());
        let a = args(done.path());
        let o = run(
            done.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
            None,
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let (new, _) = state(done.path());
        for n in 1.. {
            let d = tempfile::tempdir().unwrap();
            copy_dir(template.path(), d.path());
            let o = Command::new("strace")
                .args([
                    "-f",
                    "-qq",
                    "-o",
                    "/dev/null",
                    "-e",
                    "trace=fdatasync,fsync",
                    "-e",
                ])
                .arg(format!("inject=fdatasync,fsync:signal=KILL:when={n}"))
                .arg(BIN)
                .arg("ledger")
                .args(args(d.path()))
                .arg("--data-dir")
                .arg(d.path())
                .output()
                .unwrap();
            let (now, backups) = state(d.path());
            assert!(now == old || now == new, "{op:?} killed at sync {n}: torn");
            let restored = (op[0] == "restore").then_some(1);
            let what = format!("{op:?} killed at sync {n}");
            check_backups(&what, now == new, &before, &backups, restored);
            if o.status.success() {
                break;
            }
            kills += 1;
            assert!(n < 50, "{op:?}: {}", String::from_utf8_lossy(&o.stderr));
        }
    }
    eprintln!("fdatasync kills: {kills}");
    assert!(kills >= 4, "only {kills} syncs were killed");
}

/// A real store: a ledger and two backups.
fn real_store() -> (tempfile::TempDir, Vec<u8>) {
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

#[test]
fn a_kill_while_a_damaged_store_is_moved_aside_keeps_its_bytes() {
    let (_keep, bytes) = real_store();
    let mut damaged = bytes.clone();
    damaged.truncate(bytes.len() / 2);
    let src = tempfile::tempdir().unwrap();
    let f = src.path().join("mine.json");
    std::fs::write(&f, LIST).unwrap();
    for n in 1.. {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join(FILE_NAME);
        std::fs::write(&file, &damaged).unwrap();
        let o = run(d.path(), &["import", f.to_str().unwrap()], Some(n));
        // The damaged bytes are somewhere, whole: still the store, or a moved-aside copy.
        let at_store = std::fs::read(&file).ok() == Some(damaged.clone());
        let aside = storage::asides(d.path());
        let kept = aside
            .iter()
            .any(|a| std::fs::read(&a.path).unwrap() == damaged);
        assert!(
            at_store || kept,
            "kill at point {n}: the damaged bytes are gone"
        );
        assert!(aside.len() <= 1, "kill at point {n}: {aside:?}");
        if o.status.success() {
            assert!(kept && !at_store, "{}", stderr(&o));
            assert!(n > 3, "the move reached its fault points");
            break;
        }
        assert!(n < 30, "{}", stderr(&o));
    }
}
