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
//! Nothing read is lost on the way back out ([`Ledger::to_value`]): a skipped history entry is
//! kept verbatim at its place in the list, a stored entry is written back exactly as it was
//! read (unknown keys, a `"3"` chapter, a `null` design), and a known top-level field whose value
//! could not be read (`"track": null`) is written back as it was until the program sets it. A
//! history given as an object is written as a list, in its stored order, each item as
//! `{"chapter": N, ...the stored entry}` or `{"chapter": N, "design": <the stored value>}`; under
//! a key that is not a chapter number, `{"chapter": "<key>", "design": <value>}`.
//!
//! Errors (the whole document is unusable) name the JSON path: empty input, text that is not
//! JSON, a top level that is not an object, a `history` that is neither a list nor an object.

use serde_json::{Map, Value};

use crate::text::message::Message;

/// One history entry: the chapter and what the lab recorded. Two entries are equal when they
/// read the same (chapter, design, other keys), however each was written.
#[derive(Debug, Clone)]
pub struct Entry {
    pub chapter: u32,
    pub design: Map<String, Value>,
    /// Keys on the entry other than `chapter` and `design`, in stored order.
    pub extra: Map<String, Value>,
    /// The entry exactly as stored, written back unchanged (None: made by this program).
    pub stored: Option<Value>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.chapter == other.chapter && self.design == other.design && self.extra == other.extra
    }
}

impl Entry {
    /// A new entry made by this program.
    pub fn new(chapter: u32, design: Map<String, Value>) -> Self {
        Entry {
            chapter,
            design,
            extra: Map::new(),
            stored: None,
        }
    }

    /// The entry as the course's format writes it.
    pub fn to_value(&self) -> Value {
        if let Some(v) = &self.stored {
            return v.clone();
        }
        let mut o = Map::new();
        o.insert("chapter".into(), Value::from(self.chapter));
        o.insert("design".into(), Value::Object(self.design.clone()));
        for (k, v) in &self.extra {
            o.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(o)
    }
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
    /// Known top-level fields whose stored value could not be read, written back as stored
    /// until the program sets the field.
    pub odd: Map<String, Value>,
    /// History entries that could not be read, verbatim, with their index in the stored list.
    pub unread: Vec<(usize, Value)>,
}

/// One item of the history list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item<'a> {
    Entry(&'a Entry),
    /// An entry that could not be read, as stored.
    Unread(&'a Value),
}

/// Why a ledger could not be read, with the JSON path of the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerError {
    pub path: String,
    pub message: Message,
}

impl LedgerError {
    /// The error as one message: the path, then what is wrong there.
    pub fn said(&self) -> Message {
        Message::new("ledger-error-at")
            .with("path", &self.path)
            .with("what", self.message.clone())
    }
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for LedgerError {}

/// A parsed ledger with the notes on anything read by a documented rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub ledger: Ledger,
    pub notes: Vec<Message>,
}

fn err(path: &str, message: Message) -> LedgerError {
    LedgerError {
        path: path.into(),
        message,
    }
}

/// Parse ledger text (the whole file).
pub fn parse_str(text: &str) -> Result<Parsed, LedgerError> {
    if text.trim().is_empty() {
        return Err(err("$", Message::new("ledger-empty")));
    }
    let (text, lone) = super::scan::replace_lone_surrogates(text);
    let v: Value = serde_json::from_str(&text).map_err(|e| {
        err(
            "$",
            Message::new("ledger-not-json")
                .with("line", e.line().to_string())
                .with("column", e.column().to_string())
                .with("detail", e.to_string()),
        )
    })?;
    let mut parsed = parse_value(&v)?;
    if lone > 0 {
        parsed
            .notes
            .push(Message::new("ledger-lone-surrogates").with("count", lone.to_string()));
    }
    for d in super::scan::duplicate_keys(&text) {
        parsed.notes.push(
            Message::new("ledger-duplicate-key")
                .with("path", d.path)
                .with("key", d.key),
        );
    }
    Ok(parsed)
}

/// The largest ledger file read (a whole course's ledger is a few kilobytes).
pub const MAX_LEDGER_BYTES: u64 = 16 << 20;

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

/// What kind of JSON value `v` is, in words ("a number").
fn describe(v: &Value) -> Message {
    Message::new(match v {
        Value::Null => "json-null",
        Value::Bool(_) => "json-boolean",
        Value::Number(_) => "json-number",
        Value::String(_) => "json-string",
        Value::Array(_) => "json-list",
        Value::Object(_) => "json-object",
    })
}

fn design_of(v: Option<&Value>, path: &str, notes: &mut Vec<Message>) -> Map<String, Value> {
    match v {
        Some(Value::Object(m)) => m.clone(),
        None => {
            notes.push(Message::new("ledger-no-design").with("path", path));
            Map::new()
        }
        Some(other) => {
            notes.push(
                Message::new("ledger-design-kind")
                    .with("path", path)
                    .with("kind", describe(other)),
            );
            Map::new()
        }
    }
}

/// Parse an already-decoded JSON value.
pub fn parse_value(v: &Value) -> Result<Parsed, LedgerError> {
    let obj = v.as_object().ok_or_else(|| {
        err(
            "$",
            Message::new("ledger-not-object").with("kind", describe(v)),
        )
    })?;
    let mut notes = Vec::new();
    let mut ledger = top_level(obj, &mut notes);
    match obj.get("history") {
        None | Some(Value::Null) => notes.push(Message::new("ledger-history-missing")),
        Some(Value::Array(items)) => history_list(items, &mut ledger, &mut notes),
        Some(Value::Object(map)) => history_map(map, &mut ledger, &mut notes),
        Some(other) => {
            return Err(err(
                "$.history",
                Message::new("ledger-history-kind").with("kind", describe(other)),
            ));
        }
    }
    Ok(Parsed { ledger, notes })
}

/// The ledger's fields other than its history.
fn top_level(obj: &Map<String, Value>, notes: &mut Vec<Message>) -> Ledger {
    let mut ledger = Ledger::default();
    for (k, val) in obj {
        match k.as_str() {
            "track" => match val {
                Value::String(s) => ledger.track = s.clone(),
                Value::Null => {
                    ledger.odd.insert(k.clone(), val.clone());
                }
                other => {
                    notes.push(Message::new("ledger-track-kind").with("kind", describe(other)));
                    ledger.odd.insert(k.clone(), val.clone());
                }
            },
            "current_chapter" => match chapter_of(val) {
                Some((c, coerced)) => {
                    ledger.current_chapter = c;
                    if coerced {
                        ledger.odd.insert(k.clone(), val.clone());
                    }
                }
                None if val.is_null() => {
                    ledger.odd.insert(k.clone(), val.clone());
                }
                None => {
                    notes.push(Message::new("ledger-chapter-kind").with("kind", describe(val)));
                    ledger.odd.insert(k.clone(), val.clone());
                }
            },
            "last_updated" => match val {
                Value::String(s) => ledger.last_updated = s.clone(),
                Value::Null => {
                    ledger.odd.insert(k.clone(), val.clone());
                }
                other => {
                    ledger.last_updated = other.to_string();
                    ledger.odd.insert(k.clone(), val.clone());
                }
            },
            "history" => {}
            _ => {
                ledger.extra.insert(k.clone(), val.clone());
            }
        }
    }
    ledger
}

/// A history kept as a list of entries.
fn history_list(items: &[Value], ledger: &mut Ledger, notes: &mut Vec<Message>) {
    for (i, item) in items.iter().enumerate() {
        let path = format!("$.history[{i}]");
        let Some(entry) = item.as_object() else {
            notes.push(
                Message::new("ledger-entry-kind")
                    .with("path", &path)
                    .with("kind", describe(item)),
            );
            ledger.unread.push((i, item.clone()));
            continue;
        };
        let Some(ch_val) = entry.get("chapter") else {
            notes.push(Message::new("ledger-chapter-missing").with("path", &path));
            ledger.unread.push((i, item.clone()));
            continue;
        };
        let Some((chapter, coerced)) = chapter_of(ch_val) else {
            notes.push(
                Message::new("ledger-chapter-bad")
                    .with("path", &path)
                    .with("value", ch_val.to_string()),
            );
            ledger.unread.push((i, item.clone()));
            continue;
        };
        if coerced {
            notes.push(
                Message::new("ledger-chapter-read-as")
                    .with("path", &path)
                    .with("value", ch_val.to_string())
                    .with("chapter", chapter.to_string()),
            );
        }
        let design = design_of(entry.get("design"), &format!("{path}.design"), notes);
        let extra = entry
            .iter()
            .filter(|(k, _)| *k != "chapter" && *k != "design")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        ledger.history.push(Entry {
            chapter,
            design,
            extra,
            stored: Some(item.clone()),
        });
    }
}

/// A history kept as an object keyed by chapter.
fn history_map(map: &Map<String, Value>, ledger: &mut Ledger, notes: &mut Vec<Message>) {
    for (i, (key, item)) in map.iter().enumerate() {
        let path = format!("$.history[\"{key}\"]");
        let Some((chapter, _)) = chapter_of(&Value::String(key.clone())) else {
            notes.push(Message::new("ledger-key-not-chapter").with("path", &path));
            let mut kept = Map::new();
            kept.insert("chapter".into(), Value::String(key.clone()));
            kept.insert("design".into(), item.clone());
            ledger.unread.push((i, Value::Object(kept)));
            continue;
        };
        // Either {"design": {...}, ...} (an entry) or the design itself. Written back
        // as a list entry holding exactly what was stored.
        let mut stored = Map::new();
        stored.insert("chapter".into(), Value::from(chapter));
        let (design, extra) = match item {
            Value::Object(m) if m.contains_key("design") => {
                for (k, v) in m {
                    stored.entry(k.clone()).or_insert_with(|| v.clone());
                }
                (
                    design_of(m.get("design"), &format!("{path}.design"), notes),
                    m.iter()
                        .filter(|(k, _)| *k != "chapter" && *k != "design")
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            }
            other => {
                stored.insert("design".into(), other.clone());
                (design_of(Some(other), &path, notes), Map::new())
            }
        };
        ledger.history.push(Entry {
            chapter,
            design,
            extra,
            stored: Some(Value::Object(stored)),
        });
    }
}
