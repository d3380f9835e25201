//! Kills mid-write, on the release binary: at every durable step (the storage layer's fault
//! points) and at every fdatasync (strace) of imports, restores, a game save and a move aside.
//! After each, the ledger is the old one or the new one, and the backups are as they must be.

use std::path::Path;
use std::process::Command;

use architects_audit::ledger::keep;
use architects_audit::platform::storage::{self, FILE_NAME, Store};

use crate::damage::{BIN, copy_dir, ledger_json, real_store, run, state, stderr, store_with};
use crate::store::LIST;

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
            .args(["crash::crash_child_game_save", "--exact", "--ignored"])
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
