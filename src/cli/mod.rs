//! The headless commands: `report`, `ledger-report`, `class-report` and `roofline`. Pure I/O over the physics
//! and ledger cores; nothing here opens a window.

use std::io::{BufRead, Read, Write};

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

/// The largest single JSON document read (a pretty-printed design or ledger).
pub const MAX_DOCUMENT_BYTES: u64 = 64 << 20;
/// The longest line of a JSON Lines stream.
pub const MAX_LINE_BYTES: u64 = 16 << 20;

/// Split input into JSON values: JSON Lines, or one (possibly pretty-printed) document.
/// Each value comes with the line it starts on. Linear in the input's length.
pub fn json_records(text: &str) -> Vec<Result<(usize, Value), InputError>> {
    json_records_from(text, 1)
}

fn json_records_from(text: &str, first_line: usize) -> Vec<Result<(usize, Value), InputError>> {
    let mut out = Vec::new();
    // Lines counted so far, up to `counted` bytes: each record's line is counted from the
    // last one's, so the whole input is scanned once.
    let (mut counted, mut line) = (0usize, first_line);
    let mut line_of = |offset: usize| {
        let offset = offset.min(text.len());
        line += text.as_bytes()[counted..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted = offset;
        line
    };
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
                    line: e.line() + first_line - 1,
                    message: format!("not valid JSON: {e}"),
                }));
                break;
            }
        }
    }
    out
}

/// One line of a stream, at most [`MAX_LINE_BYTES`] long. `Ok(None)` at the end.
fn read_line(input: &mut dyn std::io::BufRead, line: usize) -> Result<Option<String>, InputError> {
    let mut buf = Vec::new();
    let n = input
        .take(MAX_LINE_BYTES + 1)
        .read_until(b'\n', &mut buf)
        .map_err(|e| InputError {
            line,
            message: format!("cannot read: {e}"),
        })?;
    if n == 0 {
        return Ok(None);
    }
    if buf.len() as u64 > MAX_LINE_BYTES {
        return Err(InputError {
            line,
            message: format!("the line is longer than the limit of {MAX_LINE_BYTES} bytes"),
        });
    }
    String::from_utf8(buf).map(Some).map_err(|e| InputError {
        line,
        message: format!("not UTF-8 text: {e}"),
    })
}

/// The records of a stream, read as they come: JSON Lines a line at a time (each line
/// bounded), or, when the first line does not hold whole values, one document (bounded by
/// [`MAX_DOCUMENT_BYTES`]). Stops after the first error.
pub fn stream_records(
    mut input: impl std::io::BufRead,
    mut each: impl FnMut(Result<(usize, Value), InputError>) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let mut line = 0;
    let mut seen = 0;
    // The first line with something on it decides the form.
    let first = loop {
        line += 1;
        match read_line(&mut input, line) {
            Ok(None) => return Ok(0),
            Ok(Some(l)) if l.trim().is_empty() => continue,
            Ok(Some(l)) => break l,
            Err(e) => {
                each(Err(e))?;
                return Ok(1);
            }
        }
    };
    let whole = |l: &str| json_records_from(l, 0).iter().all(Result::is_ok);
    if !whole(&first) {
        let mut text = first;
        let limit = MAX_DOCUMENT_BYTES.saturating_sub(text.len() as u64);
        let mut rest = Vec::new();
        input.take(limit + 1).read_to_end(&mut rest)?;
        if rest.len() as u64 > limit {
            each(Err(InputError {
                line,
                message: format!(
                    "the document is larger than the limit of {MAX_DOCUMENT_BYTES} bytes (JSON Lines are read a line at a time, without a total limit)"
                ),
            }))?;
            return Ok(1);
        }
        match String::from_utf8(rest) {
            Ok(rest) => text.push_str(&rest),
            Err(e) => {
                each(Err(InputError {
                    line,
                    message: format!("not UTF-8 text: {e}"),
                }))?;
                return Ok(1);
            }
        }
        for r in json_records_from(&text, line) {
            seen += 1;
            each(r)?;
        }
        return Ok(seen);
    }
    let mut next = Some(first);
    loop {
        if let Some(l) = next.take() {
            for r in json_records_from(&l, line) {
                seen += 1;
                let stop = r.is_err();
                each(r)?;
                if stop {
                    return Ok(seen);
                }
            }
        }
        line += 1;
        match read_line(&mut input, line) {
            Ok(None) => return Ok(seen),
            Ok(Some(l)) => next = Some(l),
            Err(e) => {
                each(Err(e))?;
                return Ok(seen + 1);
            }
        }
    }
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

/// Answer each JSON record of `input` with one JSON line on `out`, or an error line on `err`.
/// Returns the number of bad records (1 when there is none at all).
fn each_record(
    input: impl std::io::BufRead,
    empty: &str,
    out: &mut impl Write,
    err: &mut impl Write,
    mut answer: impl FnMut(usize, Value) -> Result<Value, InputError>,
) -> std::io::Result<usize> {
    let mut bad = 0;
    let seen = stream_records(input, |rec| {
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
        Ok(())
    })?;
    if seen == 0 {
        writeln!(err, "error: {empty}")?;
        return Ok(1);
    }
    Ok(bad)
}

/// `report`: one JSON report a line for each design. Returns the number of bad records.
pub fn report(
    text: impl std::io::BufRead,
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
    text: impl std::io::BufRead,
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
            card["notes"] = p.notes.iter().map(ToString::to_string).collect();
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

/// A file, or standard input for `-`, to be read as a stream. A file that is not a regular
/// file (a device, a FIFO) is refused, so `/dev/zero` cannot be read without end.
pub fn open_input(path: &str) -> Result<Box<dyn std::io::BufRead>, String> {
    if path == "-" {
        return Ok(Box::new(std::io::BufReader::new(std::io::stdin())));
    }
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let meta = f
        .metadata()
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("cannot read {path}: not a regular file"));
    }
    Ok(Box::new(std::io::BufReader::new(f)))
}

#[cfg(not(target_arch = "wasm32"))]
pub mod class_cmd;
#[cfg(not(target_arch = "wasm32"))]
pub mod class_csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod class_designs_html;
#[cfg(not(target_arch = "wasm32"))]
pub mod class_html;
#[cfg(not(target_arch = "wasm32"))]
pub mod ledger_cmd;
pub mod simulate;

/// The `roofline` command's answer, pretty-printed JSON.
pub fn roofline_json(
    sc: &Scenario,
    q: &crate::physics::systems::RooflineQuery,
) -> Result<String, String> {
    let r = crate::physics::systems::roofline(sc, q)?;
    serde_json::to_string_pretty(&r).map_err(|e| e.to_string())
}

/// The scenario `--scenario` names (its warnings to standard error), or the built-in one.
pub fn load_scenario(path: &Option<std::path::PathBuf>) -> Result<Scenario, String> {
    match path {
        Some(p) => {
            let s = Scenario::load(p).map_err(|e| e.to_string())?;
            for w in &s.warnings {
                eprintln!("warning: {}: {w}", p.display());
            }
            Ok(s)
        }
        None => Ok(Scenario::builtin()),
    }
}

// ── Command-line argument values ────────────────────────────────────────────

fn parse_in(s: &str, range: std::ops::RangeInclusive<f32>) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "{v} is outside {}..={}",
            range.start(),
            range.end()
        ))
    }
}

/// `--demo-speed`: 0.25 to 4.
pub fn parse_speed(s: &str) -> Result<f32, String> {
    parse_in(s, 0.25..=4.0)
}

/// `--resolution WIDTHxHEIGHT`, each 320 to 7680.
pub fn parse_resolution(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once('x')
        .ok_or_else(|| format!("`{s}` is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let p = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=7680).contains(n))
    };
    match (p(w), p(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("`{s}`: width and height must be 320 to 7680")),
    }
}

/// `--lang`: a language the lab has (en, es, zh-CN; en-XA is the pseudo-locale).
pub fn parse_lang(s: &str) -> Result<crate::text::Lang, String> {
    crate::text::Lang::parse(s).ok_or_else(|| {
        format!("`{s}`: the lab speaks en (English), es (Spanish), zh-CN (Simplified Chinese) and en-XA (pseudo-locale)")
    })
}

/// `--scale`: 1 to 2.5.
pub fn parse_scale(s: &str) -> Result<f32, String> {
    parse_in(s, 1.0..=2.5)
}
