//! The Design Ledger: the student's record across the course.
//!
//! - [`format`]: the course's JSON format, parsed robustly;
//! - [`analysis`]: the Mental Model Report Card (the seed's cell 5);
//! - [`class`]: the class report, many students' cards summarised;
//! - [`keep`]: the ledger in the store: envelope, backups, pinned unreadable copies, migration;
//! - [`store`]: the ledger plugin.

pub mod analysis;
pub mod class;
pub mod format;
pub mod history;
pub mod keep;
pub mod state;

pub use analysis::{ReportCard, analyze};
pub use format::{Ledger, LedgerError, Parsed, parse_str, parse_value};
pub mod store;
