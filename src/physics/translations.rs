//! The scenario's student-facing text in other languages: its devices' and models' names, its
//! runtimes', and its reading list. A scenario file may carry, per language tag, a translation
//! of each English text:
//!
//! ```json
//! "translations": { "es": { "Smartphone NPU (Apple A17 Pro)": "NPU de smartphone (Apple A17 Pro)" } }
//! ```
//!
//! A text without one reads in English. Keys are the English texts themselves, so a translation
//! cannot drift from the field it translates: one that names no text of the scenario is refused.

use super::scenario::{Scenario, ScenarioError};
use crate::text::lang::Lang;

impl Scenario {
    /// `english`, one of the scenario's texts, in the active language (English if the scenario
    /// has no translation of it).
    pub fn say<'a>(&'a self, english: &'a str) -> &'a str {
        self.say_in(crate::text::catalogue::current().lang(), english)
    }

    /// `english`, one of the scenario's texts, in `lang`.
    pub fn say_in<'a>(&'a self, lang: Lang, english: &'a str) -> &'a str {
        self.translations
            .0
            .get(lang.tag())
            .and_then(|t| t.get(english))
            .map_or(english, String::as_str)
    }

    /// Every text of the scenario a student reads, in English.
    pub fn student_texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for h in self.hardware.values() {
            out.push(h.label.as_str());
            out.extend(h.short_label.as_deref());
            out.extend(h.runtime.as_ref().map(|r| r.label.as_str()));
        }
        out.extend(self.models.values().map(|m| m.label.as_str()));
        out.push(self.tiny_workload.label.as_str());
        for r in &self.reading {
            out.extend([r.title.as_str(), r.why.as_str()]);
        }
        out
    }

    /// Each language is one the lab speaks, written as the lab writes it, and each translation
    /// translates a text of this scenario into something.
    pub(super) fn check_translations(&self) -> Result<(), ScenarioError> {
        let texts = self.student_texts();
        for (tag, table) in &self.translations.0 {
            let field = format!("scenario field `translations.{tag}`");
            match Lang::parse(tag) {
                Some(l) if l.tag() == tag && l != Lang::En && l != Lang::Pseudo => {}
                _ => {
                    return Err(ScenarioError(format!(
                        "{field}: not a language to translate into; use es or zh-CN"
                    )));
                }
            }
            for (english, said) in table {
                if !texts.contains(&english.as_str()) {
                    return Err(ScenarioError(format!(
                        "{field}: \"{english}\" is not a text of this scenario (a device's, model's or runtime's label, or a reading's title or reason)"
                    )));
                }
                if said.trim().is_empty() {
                    return Err(ScenarioError(format!(
                        "{field}: the translation of \"{english}\" is empty"
                    )));
                }
            }
        }
        Ok(())
    }
}
