//! The formula trace: each checked quantity with its figures substituted, in the catalogue's
//! words.

use serde::Serialize;

/// One line of the formula trace: a checked quantity with its numbers substituted. The words
/// are the catalogue's: message `key` names the law, its `.formula` and `.result` attributes
/// place the figures, which the physics gives formatted and by name.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceLine {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl TraceLine {
    pub fn new(key: &'static str, args: &[(&'static str, String)]) -> Self {
        TraceLine {
            key,
            args: args.to_vec(),
        }
    }

    /// The law, the formula and the result, in `catalogue`'s words.
    pub fn words(&self, catalogue: &crate::text::catalogue::Catalogue) -> [String; 3] {
        worded(catalogue, self.key, ["", "formula", "result"], &self.args)
    }
}

/// Message `key` and its attributes (`""` for the message itself) with `args`, in `catalogue`.
pub(crate) fn worded<const N: usize>(
    catalogue: &crate::text::catalogue::Catalogue,
    key: &str,
    attrs: [&str; N],
    args: &[(&'static str, String)],
) -> [String; N] {
    let args: Vec<(&str, crate::text::catalogue::Arg)> =
        args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
    attrs.map(|a| {
        if a.is_empty() {
            catalogue.get(key, &args)
        } else {
            catalogue.get(&format!("{key}.{a}"), &args)
        }
    })
}

/// The CLI's JSON reads the trace in English, whatever language the game is in.
impl Serialize for TraceLine {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let [law, formula, result] = self.words(crate::text::catalogue::english());
        let mut st = s.serialize_struct("TraceLine", 3)?;
        st.serialize_field("law", &law)?;
        st.serialize_field("formula", &formula)?;
        st.serialize_field("result", &result)?;
        st.end()
    }
}
