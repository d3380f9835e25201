//! `class-report`: read a class's exported ledgers from files and folders and summarise them
//! ([`crate::ledger::class`]). One bad file is reported and skipped, never fatal.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::ledger::class::{ClassReport, Student, Unreadable, summarise};
use crate::ledger::{Ledger, parse_value};

/// The students read, and the files (or `.jsonl` lines) that could not be.
#[derive(Debug, Default)]
pub struct Loaded {
    pub students: Vec<Student>,
    pub unreadable: Vec<Unreadable>,
}

/// A ledger from one JSON value: the course's format, or `{"ledger": …}` as the game's
/// `ledger-report` input. A JSON object with no `history` is not a Design Ledger.
pub fn ledger_of(v: &Value) -> Result<Ledger, String> {
    let inner = match v {
        Value::Object(m) if m.contains_key("ledger") => &m["ledger"],
        _ => v,
    };
    if inner
        .as_object()
        .is_some_and(|o| !o.contains_key("history"))
    {
        return Err("no `history` field: not a Design Ledger".into());
    }
    parse_value(inner)
        .map(|p| p.ledger)
        .map_err(|e| e.to_string())
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

/// Read one file's text as ledgers: `.jsonl` one per non-blank line (sources `file:line`),
/// anything else one ledger.
pub fn read_text(source: &str, text: &str, jsonl: bool, into: &mut Loaded) {
    let mut one = |src: String, body: &str| {
        let parsed = serde_json::from_str::<Value>(body)
            .map_err(|e| {
                format!(
                    "not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                )
            })
            .and_then(|v| ledger_of(&v));
        match parsed {
            Ok(l) => into.students.push(Student::new(src, &l)),
            Err(reason) => into.unreadable.push(Unreadable { file: src, reason }),
        }
    };
    if jsonl {
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                one(format!("{source}:{}", i + 1), line);
            }
        }
    } else if text.trim().is_empty() {
        into.unreadable.push(Unreadable {
            file: source.into(),
            reason: "the file is empty".into(),
        });
    } else {
        one(source.into(), text);
    }
}

fn read_file(path: &Path, into: &mut Loaded) {
    let source = path.display().to_string();
    match std::fs::read(path) {
        Err(e) => into.unreadable.push(Unreadable {
            file: source,
            reason: format!("cannot read: {e}"),
        }),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => read_text(&source, &text, is_jsonl(path), into),
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
        if p.is_dir() {
            walk(&p, into);
        } else if is_ledger_file(&p) {
            read_file(&p, into);
        }
    }
}

/// Read ledgers from files and folders (folders recursively: `*.json` holds one ledger,
/// `*.jsonl` one per line). A file named directly is read whatever its extension.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut out = Loaded::default();
    for p in paths {
        if p.is_dir() {
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

/// `class-report`: print the class report as one JSON document on `out`, and write the HTML
/// page when asked. Returns whether any ledger was readable.
pub fn run(
    paths: &[PathBuf],
    html: Option<&Path>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<bool, String> {
    let (report, _) = report_of(paths);
    let io = |e: std::io::Error| e.to_string();
    serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| e.to_string())?;
    writeln!(out).map_err(io)?;
    for u in &report.unreadable {
        writeln!(err, "skipped {}: {}", u.file, u.reason).map_err(io)?;
    }
    if report.n_students == 0 {
        writeln!(err, "error: no readable ledger in {} path(s)", paths.len()).map_err(io)?;
        return Ok(false);
    }
    if let Some(path) = html {
        let page = super::class_html::page(&report)?;
        std::fs::write(path, page).map_err(|e| format!("--html {}: {e}", path.display()))?;
    }
    Ok(true)
}
