//! What a JSON parser passes over in silence, found in the text itself: keys given twice in one
//! object (a parser keeps the last), and lone UTF-16 surrogate escapes (`"\ud800"`, as Python's
//! `json` writes an unpaired surrogate), which no Rust string can hold.
//!
//! Runs on text that is JSON, or nearly: it only tracks strings, objects and arrays.

/// A key given more than once in one object: the JSON path of the object and the key.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    pub path: String,
    pub key: String,
}

enum Frame {
    /// An object: its path, the keys seen, and whether the next string is a key.
    Object {
        path: String,
        keys: Vec<String>,
        expect_key: bool,
        last_key: String,
    },
    /// An array: its path and the index of the current item.
    Array { path: String, index: usize },
}

fn child_path(stack: &[Frame]) -> String {
    match stack.last() {
        None => "$".into(),
        Some(Frame::Object { path, last_key, .. }) => format!("{path}.{last_key}"),
        Some(Frame::Array { path, index }) => format!("{path}[{index}]"),
    }
}

/// Read one string token starting after its opening quote; returns its raw text and the
/// index after the closing quote.
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Keys given twice in one object, in the order found.
pub fn duplicate_keys(text: &str) -> Vec<Duplicate> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i + 1);
                if let Some(Frame::Object {
                    path,
                    keys,
                    expect_key: expect @ true,
                    last_key,
                }) = stack.last_mut()
                {
                    let key: String = serde_json::from_str(&text[i..end])
                        .unwrap_or_else(|_| text[i + 1..end.saturating_sub(1)].to_string());
                    if keys.contains(&key) {
                        out.push(Duplicate {
                            path: path.clone(),
                            key: key.clone(),
                        });
                    } else {
                        keys.push(key.clone());
                    }
                    *last_key = key;
                    *expect = false;
                }
                i = end;
                continue;
            }
            b'{' => {
                let path = child_path(&stack);
                stack.push(Frame::Object {
                    path,
                    keys: Vec::new(),
                    expect_key: true,
                    last_key: String::new(),
                });
            }
            b'[' => {
                let path = child_path(&stack);
                stack.push(Frame::Array { path, index: 0 });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    out
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let s = std::str::from_utf8(b.get(at..at + 4)?).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The text with every lone surrogate escape inside a string replaced by `\ufffd`, and how
/// many were replaced (0: the text is returned as it was).
pub fn replace_lone_surrogates(text: &str) -> (std::borrow::Cow<'_, str>, usize) {
    if !text.contains("\\u") {
        return (text.into(), 0);
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut copied = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                if b.get(i + 1) == Some(&b'u')
                    && let Some(cp) = hex4(b, i + 2)
                {
                    let high = (0xd800..0xdc00).contains(&cp);
                    let low = (0xdc00..0xe000).contains(&cp);
                    let paired = high
                        && b.get(i + 6) == Some(&b'\\')
                        && b.get(i + 7) == Some(&b'u')
                        && hex4(b, i + 8).is_some_and(|n| (0xdc00..0xe000).contains(&n));
                    if paired {
                        i += 12;
                        continue;
                    }
                    if high || low {
                        out.push_str(&text[copied..i]);
                        out.push_str("\\ufffd");
                        copied = i + 6;
                        count += 1;
                    }
                    i += 6;
                    continue;
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if count == 0 {
        return (text.into(), 0);
    }
    out.push_str(&text[copied..]);
    (out.into(), count)
}
