//! The headless commands: `report`, `ledger-report`, `class-report` and `roofline`. Pure I/O over the physics
//! and ledger cores; nothing here opens a window.

use std::io::{Read, Write};

use serde_json::Value;

use crate::ledger;
use crate::physics::systems::Attention;
use crate::physics::{self, Design, PhysicsModel, Quant, Scenario};

/// A problem with one input record, located by line.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Split input into JSON values: JSON Lines, or one (possibly pretty-printed) document.
/// Each value comes with the line it starts on.
pub fn json_records(text: &str) -> Vec<Result<(usize, Value), InputError>> {
    let mut out = Vec::new();
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        // Skip whitespace to find where the next value starts.
        let start = stream.byte_offset();
        let rest = &text[start..];
        let skipped = rest.len() - rest.trim_start().len();
        match stream.next() {
            None => break,
            Some(Ok(v)) => out.push(Ok((line_of(start + skipped), v))),
            Some(Err(e)) => {
                out.push(Err(InputError {
                    line: e.line(),
                    message: format!("not valid JSON: {e}"),
                }));
                break;
            }
        }
    }
    out
}

/// Read a design from a record: either the design object or `{"design": {...}, ...}`.
pub fn design_from_value(v: &Value, scenario: &Scenario) -> Result<Design, String> {
    let obj = match v {
        Value::Object(m) => match m.get("design") {
            Some(inner) => inner,
            None => v,
        },
        other => {
            return Err(format!(
                "a design is a JSON object, found `{}`",
                truncate(&other.to_string())
            ));
        }
    };
    if !obj.is_object() {
        return Err("field `design`: must be a JSON object".into());
    }
    let design: Design = serde_path_to_error::deserialize(obj).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("field `{path}`: {}", e.inner())
        }
    })?;
    design.validate(scenario)?;
    Ok(design)
}

fn truncate(s: &str) -> String {
    if s.len() > 60 {
        format!(
            "{}...",
            &s[..s.char_indices().nth(57).map_or(s.len(), |(i, _)| i)]
        )
    } else {
        s.to_string()
    }
}

/// Answer each JSON record of `text` with one JSON line on `out`, or an error line on `err`.
/// Returns the number of bad records (1 when there is none at all).
fn each_record(
    text: &str,
    empty: &str,
    out: &mut impl Write,
    err: &mut impl Write,
    mut answer: impl FnMut(usize, Value) -> Result<Value, InputError>,
) -> std::io::Result<usize> {
    let records = json_records(text);
    if records.is_empty() {
        writeln!(err, "error: {empty}")?;
        return Ok(1);
    }
    let mut bad = 0;
    for rec in records {
        match rec.and_then(|(line, v)| answer(line, v)) {
            Ok(v) => {
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
            Err(e) => {
                bad += 1;
                writeln!(err, "error: {e}")?;
            }
        }
    }
    Ok(bad)
}

/// `report`: one JSON report a line for each design. Returns the number of bad records.
pub fn report(
    text: &str,
    scenario: &Scenario,
    model: PhysicsModel,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<usize> {
    let empty = "no design given (expected JSON Lines or one JSON object)";
    each_record(text, empty, out, err, |line, v| {
        let d = design_from_value(&v, scenario).map_err(|message| InputError { line, message })?;
        let r = physics::evaluate(scenario, &d, model);
        Ok(serde_json::to_value(&r).expect("reports serialise"))
    })
}

/// `ledger-report`: the report card for each ledger. Returns the number of bad records.
pub fn ledger_report(
    text: &str,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<usize> {
    each_record(text, "the ledger input is empty", out, err, |line, v| {
        let inner = match &v {
            Value::Object(m) if m.contains_key("ledger") => &m["ledger"],
            _ => &v,
        };
        let p = ledger::parse_value(inner).map_err(|e| InputError {
            line,
            message: e.to_string(),
        })?;
        let mut card = serde_json::to_value(ledger::analyze(&p.ledger)).expect("cards serialise");
        if !p.notes.is_empty() {
            card["notes"] = Value::from(p.notes);
        }
        Ok(card)
    })
}

/// A command-line value, or an error naming what is known.
pub fn parse_model(s: &str) -> Result<PhysicsModel, String> {
    PhysicsModel::parse(s)
        .ok_or_else(|| format!("unknown model `{s}`; known: systems, course-draft"))
}

/// A command-line value, or an error naming what is known.
pub fn parse_attention(s: &str) -> Result<Attention, String> {
    Attention::parse(s)
        .ok_or_else(|| format!("unknown attention `{s}`; known: {}", Attention::NAMES))
}

/// A command-line value, or an error naming what is known.
pub fn parse_quant(s: &str) -> Result<Quant, String> {
    Quant::parse(s)
        .ok_or_else(|| format!("unknown precision `{s}`; known: fp16, int8, int4, ternary"))
}

/// Read a file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .lock()
            .read_to_string(&mut s)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod class_cmd;
#[cfg(not(target_arch = "wasm32"))]
pub mod class_html;
#[cfg(not(target_arch = "wasm32"))]
pub mod ledger_cmd;
