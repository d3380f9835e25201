//! The Design Ledger: the student's record across the course.
//!
//! - [`format`]: the course's JSON format, parsed robustly;
//! - [`analysis`]: the Mental Model Report Card (the seed's cell 5);
//! - [`class`]: the class report, many students' cards summarised;
//! - [`designs`]: the class report's chapter-16 designs: choices, failures, passing groups;
//! - [`keep`]: the ledger in the store: envelope, backups, pinned unreadable copies, migration;
//! - [`store`]: the ledger plugin.

pub mod analysis;
pub mod class;
pub mod designs;
pub mod format;
pub mod history;
pub mod invariant;
pub mod keep;
pub mod scan;
pub mod spread;
pub mod state;

/// Read a ledger file, bounded by [`format::MAX_LEDGER_BYTES`] (a clear error names the file
/// and the limit).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_ledger_file(path: &std::path::Path) -> Result<String, String> {
    let bytes =
        crate::platform::storage::read_bounded(path, format::MAX_LEDGER_BYTES, "the ledger file")?;
    String::from_utf8(bytes)
        .map_err(|e| format!("the ledger file {} is not UTF-8 text: {e}", path.display()))
}

/// On the web, files come from the browser's picker, never from a path.
#[cfg(target_arch = "wasm32")]
pub fn read_ledger_file(path: &std::path::Path) -> Result<String, String> {
    Err(format!(
        "{}: files are picked in the browser",
        path.display()
    ))
}

pub use analysis::{ReportCard, analyze};
pub use format::{Ledger, LedgerError, Parsed, parse_str, parse_value};
pub mod store;
