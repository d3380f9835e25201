//! The course's Design Ledger JSON format, read robustly.
//!
//! `{"track", "current_chapter", "history": [{"chapter": N, "design": {...}}], "last_updated"}`,
//! or the variant where `history` is an object keyed by chapter number.
//!
//! Readings where the Python lab would crash or guess (each is reported as a note naming the
//! JSON path, so an import preview can show it):
//! - `design: null` or a design that is not an object reads as an empty design (the lab was
//!   opened but nothing recorded);
//! - a chapter given as an integral float (`3.0`) or a numeric string (`"3"`) reads as that
//!   integer; any other chapter (missing, negative, fractional, not a number) skips the entry;
//! - a history entry that is not an object is skipped;
//! - unknown fields are kept untouched and written back on export; missing top-level fields
//!   take defaults (`track` "", `current_chapter` 0, `history` empty, `last_updated` "").
//!
//! Errors (the whole document is unusable) name the JSON path: empty input, text that is not
//! JSON, a top level that is not an object, a `history` that is neither a list nor an object.

use serde_json::{Map, Value};

/// One history entry: the chapter and what the lab recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub chapter: u32,
    pub design: Map<String, Value>,
}

/// A parsed ledger. Entries keep their order; for a chapter, the last entry wins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ledger {
    pub track: String,
    pub current_chapter: u32,
    pub history: Vec<Entry>,
    pub last_updated: String,
    /// Top-level fields this program does not know, kept for export.
    pub extra: Map<String, Value>,
}

/// Why a ledger could not be read, with the JSON path of the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for LedgerError {}

/// A parsed ledger with the notes on anything read by a documented rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub ledger: Ledger,
    pub notes: Vec<String>,
}

fn err(path: &str, message: impl Into<String>) -> LedgerError {
    LedgerError {
        path: path.into(),
        message: message.into(),
    }
}

/// Parse ledger text (the whole file).
pub fn parse_str(text: &str) -> Result<Parsed, LedgerError> {
    if text.trim().is_empty() {
        return Err(err("$", "the ledger is empty"));
    }
    let v: Value = serde_json::from_str(text).map_err(|e| {
        err(
            "$",
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    parse_value(&v)
}

/// Read a chapter number by the documented rules.
fn chapter_of(v: &Value) -> Option<(u32, bool)> {
    match v {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u32::try_from(u).ok().map(|c| (c, false))
            } else {
                let f = n.as_f64()?;
                (f.fract() == 0.0 && f >= 0.0 && f <= u32::MAX as f64).then_some((f as u32, true))
            }
        }
        Value::String(s) => s.trim().parse::<u32>().ok().map(|c| (c, true)),
        _ => None,
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn design_of(v: Option<&Value>, path: &str, notes: &mut Vec<String>) -> Map<String, Value> {
    match v {
        Some(Value::Object(m)) => m.clone(),
        None => {
            notes.push(format!("{path}: no design; read as empty"));
            Map::new()
        }
        Some(other) => {
            notes.push(format!(
                "{path}: design is {}; read as empty",
                describe(other)
            ));
            Map::new()
        }
    }
}

/// Parse an already-decoded JSON value.
pub fn parse_value(v: &Value) -> Result<Parsed, LedgerError> {
    let obj = v.as_object().ok_or_else(|| {
        err(
            "$",
            format!("a ledger is a JSON object, found {}", describe(v)),
        )
    })?;
    let mut notes = Vec::new();
    let mut ledger = Ledger::default();
    for (k, val) in obj {
        match k.as_str() {
            "track" => match val {
                Value::String(s) => ledger.track = s.clone(),
                Value::Null => {}
                other => {
                    notes.push(format!("$.track is {}; ignored", describe(other)));
                }
            },
            "current_chapter" => match chapter_of(val) {
                Some((c, _)) => ledger.current_chapter = c,
                None if val.is_null() => {}
                None => notes.push(format!("$.current_chapter is {}; read as 0", describe(val))),
            },
            "last_updated" => match val {
                Value::String(s) => ledger.last_updated = s.clone(),
                Value::Null => {}
                other => ledger.last_updated = other.to_string(),
            },
            "history" => {}
            _ => {
                ledger.extra.insert(k.clone(), val.clone());
            }
        }
    }
    match obj.get("history") {
        None | Some(Value::Null) => notes.push("$.history is missing; read as empty".into()),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let path = format!("$.history[{i}]");
                let Some(entry) = item.as_object() else {
                    notes.push(format!(
                        "{path} is {}, not an object; skipped",
                        describe(item)
                    ));
                    continue;
                };
                let Some(ch_val) = entry.get("chapter") else {
                    notes.push(format!("{path}.chapter is missing; skipped"));
                    continue;
                };
                let Some((chapter, coerced)) = chapter_of(ch_val) else {
                    notes.push(format!(
                        "{path}.chapter {ch_val} is not a chapter number; skipped"
                    ));
                    continue;
                };
                if coerced {
                    notes.push(format!("{path}.chapter {ch_val} read as {chapter}"));
                }
                let design = design_of(entry.get("design"), &format!("{path}.design"), &mut notes);
                ledger.history.push(Entry { chapter, design });
            }
        }
        Some(Value::Object(map)) => {
            for (key, item) in map {
                let path = format!("$.history[\"{key}\"]");
                let Some((chapter, _)) = chapter_of(&Value::String(key.clone())) else {
                    notes.push(format!("{path}: key is not a chapter number; skipped"));
                    continue;
                };
                // Either {"design": {...}} (an entry) or the design itself.
                let design = match item {
                    Value::Object(m) if m.contains_key("design") => {
                        design_of(m.get("design"), &format!("{path}.design"), &mut notes)
                    }
                    other => design_of(Some(other), &path, &mut notes),
                };
                ledger.history.push(Entry { chapter, design });
            }
        }
        Some(other) => {
            return Err(err(
                "$.history",
                format!(
                    "history must be a list or an object keyed by chapter, found {}",
                    describe(other)
                ),
            ));
        }
    }
    Ok(Parsed { ledger, notes })
}

impl Ledger {
    /// The course format (history as a list), with unknown top-level fields kept.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("track".into(), Value::String(self.track.clone()));
        m.insert("current_chapter".into(), Value::from(self.current_chapter));
        m.insert(
            "history".into(),
            Value::Array(
                self.history
                    .iter()
                    .map(|e| {
                        let mut o = Map::new();
                        o.insert("chapter".into(), Value::from(e.chapter));
                        o.insert("design".into(), Value::Object(e.design.clone()));
                        Value::Object(o)
                    })
                    .collect(),
            ),
        );
        m.insert(
            "last_updated".into(),
            Value::String(self.last_updated.clone()),
        );
        for (k, v) in &self.extra {
            m.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(m)
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).expect("a JSON value always serialises")
    }

    /// Append an entry; the newest entry for a chapter wins, as in the course's ledger.
    pub fn append(&mut self, chapter: u32, design: Map<String, Value>) {
        self.history.push(Entry { chapter, design });
        self.current_chapter = self.current_chapter.max(chapter);
    }

    /// Chapter -> design, the last entry winning.
    pub fn latest(&self) -> std::collections::BTreeMap<u32, &Map<String, Value>> {
        let mut out = std::collections::BTreeMap::new();
        for e in &self.history {
            out.insert(e.chapter, &e.design);
        }
        out
    }

    /// Distinct chapters recorded.
    pub fn chapters(&self) -> Vec<u32> {
        self.latest().keys().copied().collect()
    }
}
