//! The class report as a gradebook file (`class-report --csv`): one row per student, a header
//! row, RFC 4180 quoting and CRLF line ends, UTF-8. Anonymous ("Student N") unless the
//! instructor asks for names, which adds a `file` column.

use crate::ledger::class::ClassReport;

/// The columns, in order (`file` only with names).
pub const COLUMNS: [&str; 9] = [
    "student",
    "labs_completed",
    "act1_answer",
    "act1_correct",
    "act2_answer",
    "act2_correct",
    "design_passed",
    "attempts",
    "last_updated",
];

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

/// A spreadsheet reads a cell that starts with `=`, `+`, `-` or `@` as a formula. A ledger's
/// text is the student's: such a cell gets a leading apostrophe, so it stays text.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The CSV file's bytes.
pub fn csv_of(r: &ClassReport) -> Result<Vec<u8>, String> {
    let names = r.students.iter().any(|s| s.file.is_some());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if names {
        header.insert(1, "file");
    }
    let err = |e: csv::Error| format!("cannot write the CSV: {e}");
    w.write_record(&header).map_err(err)?;
    for s in &r.students {
        let answer = |a: &Option<String>| {
            a.as_deref()
                .map_or(String::new(), |k| cell(&crate::text::answer_label(k)))
        };
        let mut row = vec![
            s.student.clone(),
            s.labs_completed.to_string(),
            answer(&s.act1_answer),
            yes_no(s.act1_correct),
            answer(&s.act2_answer),
            yes_no(s.act2_correct),
            yes_no(s.design.as_ref().map(|d| d.passed)),
            s.attempts.to_string(),
            cell(&s.last_updated),
        ];
        if names {
            row.insert(1, cell(s.file.as_deref().unwrap_or_default()));
        }
        w.write_record(&row).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| format!("cannot write the CSV: {e}"))
}
