//! A sentence said now and worded later: a catalogue message id with its named arguments.
//!
//! The layers below the panels (the ledger's reader and its store) say what happened with a
//! [`Message`]; the panels word it in the active language. `Display` and `Serialize` word it
//! in English, for the command line's output and its JSON, and for log lines, which stay
//! English in every language.

use serde::Serialize;

use super::catalogue::{Arg, Catalogue, english};

/// A catalogue message id and its named arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Part)>,
}

/// One argument: text given as it is (a path, a key, a figure already formatted, or a detail
/// from the operating system), a number a plural form depends on, or another message worded in
/// the same language.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Number(f64),
    Said(Message),
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// The same message with argument `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Part>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `catalogue`'s words.
    pub fn words(&self, catalogue: &Catalogue) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, part)| {
                let arg = match part {
                    Part::Text(s) => Arg::Text(s.clone()),
                    Part::Number(n) => Arg::Number(*n),
                    Part::Said(m) => Arg::Text(m.words(catalogue)),
                };
                (*name, arg)
            })
            .collect();
        catalogue.get(self.key, &args)
    }

    /// The message in the active catalogue's words.
    pub fn worded(&self) -> String {
        self.words(&super::catalogue::current())
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(english()))
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl From<String> for Part {
    fn from(s: String) -> Self {
        Part::Text(s)
    }
}

impl From<&str> for Part {
    fn from(s: &str) -> Self {
        Part::Text(s.to_owned())
    }
}

impl From<&String> for Part {
    fn from(s: &String) -> Self {
        Part::Text(s.clone())
    }
}

impl From<Message> for Part {
    fn from(m: Message) -> Self {
        Part::Said(m)
    }
}

impl From<usize> for Part {
    fn from(n: usize) -> Self {
        Part::Number(n as f64)
    }
}

impl From<u64> for Part {
    fn from(n: u64) -> Self {
        Part::Number(n as f64)
    }
}
