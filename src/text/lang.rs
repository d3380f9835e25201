//! The languages the lab speaks, and how each writes a number.
//!
//! English is the source. Spanish and Simplified Chinese are translations; `en-XA` is a
//! pseudo-locale (every word accented and 40 % longer, each message in brackets) that shows on
//! screen where a string skipped the catalogue or a longer translation would be cut off.

use serde::{Deserialize, Serialize};

/// A language of the catalogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en-XA")]
    Pseudo,
}

/// How a language writes a number: its decimal mark, and the mark between groups of three
/// digits (`None`: no grouping, the plain form the CLI's JSON and the formula trace use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: Option<char>,
}

impl NumberStyle {
    /// Digits as Rust writes them: `1234.5`.
    pub const PLAIN: NumberStyle = NumberStyle {
        decimal: '.',
        group: None,
    };
}

impl Lang {
    /// Every language, in the order the preference offers them (the pseudo-locale last; it is
    /// for testing and is offered only from the command line and the URL).
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Zh, Lang::Pseudo];
    /// The languages a student chooses between in the game.
    pub const OFFERED: [Lang; 3] = [Lang::En, Lang::Es, Lang::Zh];

    /// The BCP 47 tag (also the folder of its catalogue in `assets/locales/`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Zh => "zh-CN",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The catalogue's Fluent source. The pseudo-locale is English, transformed as it is read.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => include_str!("../../assets/locales/en/main.ftl"),
            Lang::Es => include_str!("../../assets/locales/es/main.ftl"),
            Lang::Zh => include_str!("../../assets/locales/zh-CN/main.ftl"),
        }
    }

    /// The catalogue key of the language's own name ("Español", "中文"), which every catalogue
    /// writes the same way so a student finds their language whatever is showing.
    pub fn name_key(self) -> &'static str {
        match self {
            Lang::En => "lang-name-en",
            Lang::Es => "lang-name-es",
            Lang::Zh => "lang-name-zh",
            Lang::Pseudo => "lang-name-pseudo",
        }
    }

    /// Whether the language needs the CJK font.
    pub fn needs_cjk(self) -> bool {
        self == Lang::Zh
    }

    /// How the language writes numbers on screen (CLDR): English 1,234.5; Spanish 1.234,5;
    /// Chinese 1,234.5. The pseudo-locale writes them as Spanish does, so a figure formatted
    /// outside the catalogue stands out in it.
    pub fn numbers(self) -> NumberStyle {
        match self {
            Lang::En | Lang::Zh => NumberStyle {
                decimal: '.',
                group: Some(','),
            },
            Lang::Es | Lang::Pseudo => NumberStyle {
                decimal: ',',
                group: Some('.'),
            },
        }
    }

    /// A language from a tag as a student, a browser or an operating system writes it: `es`,
    /// `es-MX`, `zh_CN.UTF-8`, `zh-Hans`, `en-XA`. Case and `-`/`_` do not matter. `None` for
    /// a language the lab does not have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.split(['.', '@']).next().unwrap_or("").trim();
        let lower = tag.to_ascii_lowercase().replace('_', "-");
        if lower == "en-xa" {
            return Some(Lang::Pseudo);
        }
        match lower.split('-').next().unwrap_or("") {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first language of `preferred` (the browser's or the system's list, most wanted
    /// first) that the lab has, else English. The pseudo-locale is never chosen this way.
    pub fn first_of<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .filter_map(Lang::parse)
            .find(|l| *l != Lang::Pseudo)
            .unwrap_or(Lang::En)
    }
}

/// `text` in `style` if the whole of it is a number as Rust formats one (`-1234.5`, `12`,
/// `1.5e-3`); anything else (a path, an id with letters, a range) as it is.
pub fn localise_number(text: &str, style: NumberStyle) -> Option<String> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| all_digits(e.strip_prefix('-').unwrap_or(e)));
    if !all_digits(int) || !frac.is_none_or(all_digits) || !exponent_ok {
        return None;
    }
    let mut out = String::from(sign);
    out.push_str(&group_digits(int, style.group));
    if let Some(f) = frac {
        out.push(style.decimal);
        out.push_str(f);
    }
    if let Some(e) = exponent {
        out.push('e');
        out.push_str(e);
    }
    Some(out)
}

/// `int` (ASCII digits) with `group` between each three from the right.
fn group_digits(int: &str, group: Option<char>) -> String {
    let Some(g) = group else {
        return int.to_owned();
    };
    let n = int.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(g);
        }
        out.push(c);
    }
    out
}

/// `v` with `decimals` places in `style`.
pub fn format_number(v: f64, decimals: usize, style: NumberStyle) -> String {
    let plain = format!("{v:.decimals$}");
    localise_number(&plain, style).unwrap_or(plain)
}

/// The pseudo-locale's form of a piece of English: letters accented (from Latin-1 and
/// Latin Extended-A, which the game's fonts carry), and 40 % longer, as many translations are.
pub fn pseudo(text: &str) -> String {
    const FROM: &str = "aceginorstuyzACEGINORSTUYZ";
    const TO: &str = "áçéĝíñöŕšţüýžÁÇÉĜÍÑÖŔŠŢÜÝŽ";
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let mut extra = (letters * 2).div_ceil(5);
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let accented = FROM
            .find(c)
            .and_then(|i| TO.chars().nth(FROM[..i].chars().count()));
        out.push(accented.unwrap_or(c));
        // Lengthen by doubling vowels, as far as 40 % goes.
        if extra > 0 && "aeiouAEIOU".contains(c) {
            out.push(accented.unwrap_or(c));
            extra -= 1;
        }
    }
    out.extend(std::iter::repeat_n('~', extra));
    out
}
