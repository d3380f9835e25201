//! `class-report`: read a class's exported ledgers from files and folders and summarise them
//! ([`crate::ledger::class`]). One bad file is reported and skipped, never fatal.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ledger::class::{ClassReport, Student, Unreadable, read_text, summarise};

/// The students read, and the files (or `.jsonl` lines) that could not be.
#[derive(Debug, Default)]
pub struct Loaded {
    pub students: Vec<Student>,
    pub unreadable: Vec<Unreadable>,
}

fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

fn is_ledger_file(p: &Path) -> bool {
    is_jsonl(p)
        || p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The largest `.jsonl` file of a class read (one ledger a line); a `.json` file holds one
/// ledger, bounded by [`crate::ledger::format::MAX_LEDGER_BYTES`].
pub const MAX_CLASS_FILE_BYTES: u64 = 1 << 30;

fn skip(into: &mut Loaded, path: &Path, reason: &str) {
    into.unreadable.push(Unreadable {
        file: path.display().to_string(),
        reason: reason.into(),
    });
}

fn read_file(path: &Path, into: &mut Loaded) {
    let source = path.display().to_string();
    let limit = if is_jsonl(path) {
        MAX_CLASS_FILE_BYTES
    } else {
        crate::ledger::format::MAX_LEDGER_BYTES
    };
    match crate::platform::storage::read_bounded(path, limit, "the file") {
        Err(e) => into.unreadable.push(Unreadable {
            file: source,
            reason: e,
        }),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => read_text(
                &source,
                &text,
                is_jsonl(path),
                &mut into.students,
                &mut into.unreadable,
            ),
            Err(_) => into.unreadable.push(Unreadable {
                file: source,
                reason: "not UTF-8 text".into(),
            }),
        },
    }
}

fn walk(dir: &Path, into: &mut Loaded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            into.unreadable.push(Unreadable {
                file: dir.display().to_string(),
                reason: format!("cannot list the folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // Links are not followed inside a folder (a link back into it would count its
        // students again, or never end); FIFOs and devices are never opened.
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            skip(into, &p, "cannot read its metadata");
            continue;
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            if p.is_dir() || is_ledger_file(&p) {
                skip(into, &p, "a symbolic link inside a folder; not followed");
            }
        } else if kind.is_dir() {
            walk(&p, into);
        } else if !kind.is_file() {
            if is_ledger_file(&p) {
                skip(
                    into,
                    &p,
                    "not a regular file (a FIFO, socket or device); not opened",
                );
            }
        } else if is_ledger_file(&p) {
            read_file(&p, into);
        }
    }
}

/// Read ledgers from files and folders (folders recursively: `*.json` holds one ledger,
/// `*.jsonl` one per line). A file named directly is read whatever its extension.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut out = Loaded::default();
    let mut seen = Vec::new();
    for p in paths {
        if p.is_dir() {
            // A folder named twice (or inside another named) is read once.
            let canon = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if seen.iter().any(|s: &PathBuf| canon.starts_with(s)) {
                skip(
                    &mut out,
                    p,
                    "already read (named twice, or inside another folder named)",
                );
                continue;
            }
            seen.push(canon);
            walk(p, &mut out);
        } else {
            read_file(p, &mut out);
        }
    }
    out
}

/// Summarise the ledgers under `paths`.
pub fn report_of(paths: &[PathBuf]) -> (ClassReport, Vec<Student>) {
    let loaded = load(paths);
    let report = summarise(&loaded.students, loaded.unreadable);
    (report, loaded.students)
}

/// What `class-report` writes beside its JSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outputs<'a> {
    /// The HTML page (charts inline, no script, no links, no file names).
    pub html: Option<&'a Path>,
    /// The gradebook CSV, one row per student.
    pub csv: Option<&'a Path>,
    /// Name each student's file in the JSON and the CSV.
    pub show_names: bool,
}

/// `class-report`: print the class report as one JSON document on `out`, and write the HTML
/// page and the CSV when asked. Returns whether any ledger was readable.
pub fn run(
    paths: &[PathBuf],
    files: Outputs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<bool, String> {
    let (report, students) = report_of(paths);
    let report = if files.show_names {
        report.with_names(&students)
    } else {
        report
    };
    let io = |e: std::io::Error| e.to_string();
    // The files first: if one cannot be written, the command fails before printing anything.
    if report.n_students > 0 {
        if let Some(path) = files.html {
            let page = super::class_html::page(&report)?;
            std::fs::write(path, page).map_err(|e| format!("--html {}: {e}", path.display()))?;
        }
        if let Some(path) = files.csv {
            let csv = super::class_csv::csv_of(&report)?;
            std::fs::write(path, csv).map_err(|e| format!("--csv {}: {e}", path.display()))?;
        }
    }
    serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| e.to_string())?;
    writeln!(out).map_err(io)?;
    for u in &report.unreadable {
        writeln!(err, "skipped {}: {}", u.file, u.reason).map_err(io)?;
    }
    if report.n_students == 0 {
        writeln!(err, "error: no readable ledger in {} path(s)", paths.len()).map_err(io)?;
        return Ok(false);
    }
    Ok(true)
}

/// The class view's data, when `--class` was given: an error when nothing was readable.
pub fn class_view(
    paths: &[PathBuf],
    show_names: bool,
) -> Result<Option<crate::lab::class_view::ClassView>, String> {
    if paths.is_empty() {
        return Ok(None);
    }
    let loaded = load(paths);
    for u in &loaded.unreadable {
        eprintln!("skipped {}: {}", u.file, u.reason);
    }
    if loaded.students.is_empty() {
        return Err(format!(
            "--class: no readable ledger in {} path(s)",
            paths.len()
        ));
    }
    Ok(Some(crate::lab::class_view::ClassView::new(
        loaded.students,
        loaded.unreadable,
        show_names,
    )))
}

/// `class-report` as the command line runs it: the exit code says whether every input read.
pub fn report_command(paths: &[PathBuf], files: Outputs) -> Result<std::process::ExitCode, String> {
    let ok = run(
        paths,
        files,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(if ok {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}
