//! Languages and bilingual text: the `Text` value of the content format.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The two languages of the app. Danish is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 tag for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The voice language asked of the browser's speech synthesis.
    pub fn speech_tag(self) -> &'static str {
        match self {
            Lang::Da => "da-DK",
            Lang::En => "en-GB",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}

/// Lowercase ASCII words joined by `-` (æ → ae, ø → oe, å → aa), at most 80 characters:
/// for keys in URLs and file names made from names people typed.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let mapped: &str = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(80).collect();
    out.trim_end_matches('-').to_string()
}

/// A text in content: one string for every language, or `{"da": …, "en": …}` with at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Localized {
        da: Option<String>,
        en: Option<String>,
    },
}

impl Text {
    /// The text in `lang`, falling back to Danish, then English.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized { da, en } => {
                let wanted = match lang {
                    Lang::Da => da,
                    Lang::En => en,
                };
                wanted
                    .as_deref()
                    .or(da.as_deref())
                    .or(en.as_deref())
                    .unwrap_or("")
            }
        }
    }

    /// Both language versions, for searching.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        let (a, b) = match self {
            Text::Plain(s) => (Some(s.as_str()), None),
            Text::Localized { da, en } => (da.as_deref(), en.as_deref()),
        };
        a.into_iter().chain(b)
    }

    pub fn plain(s: &str) -> Text {
        Text::Plain(s.to_string())
    }

    /// A text in both languages.
    pub fn da_en(da: &str, en: &str) -> Text {
        Text::Localized {
            da: Some(da.to_string()),
            en: Some(en.to_string()),
        }
    }

    /// The same text with `f` applied to every language version.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        match self {
            Text::Plain(s) => Text::Plain(f(s)),
            Text::Localized { da, en } => Text::Localized {
                da: da.as_deref().map(&f),
                en: en.as_deref().map(&f),
            },
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Localized { da, en } => {
                let mut map = s.serialize_map(None)?;
                if let Some(da) = da {
                    map.serialize_entry("da", da)?;
                }
                if let Some(en) = en {
                    map.serialize_entry("en", en)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text: a string or {\"da\": \"…\", \"en\": \"…\"}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::Plain(v.to_string()))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let (mut da, mut en) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "da" => &mut da,
                "en" => &mut en,
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown language `{other}` in a text, expected `da` or `en`"
                    )))
                }
            };
            if slot.is_some() {
                return Err(de::Error::custom(format!("duplicate language `{key}`")));
            }
            *slot = Some(map.next_value::<String>()?);
        }
        if da.is_none() && en.is_none() {
            return Err(de::Error::custom(
                "a text needs at least one of `da` and `en`",
            ));
        }
        Ok(Text::Localized { da, en })
    }
}

/// A piece of plain text that may hold web addresses: the addresses become links when
/// shown (an attribution's licence link), everything else stays text. Never HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link(String),
}

/// Splits `text` into text and `http(s)://` addresses. Punctuation that ends a sentence is
/// not part of an address.
pub fn link_segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("https://").or_else(|| rest.find("http://")) {
        plain.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '»', '”']);
        if url.len() > "https://".len() {
            if !plain.is_empty() {
                out.push(Segment::Text(std::mem::take(&mut plain)));
            }
            out.push(Segment::Link(url.to_string()));
        } else {
            plain.push_str(url);
        }
        rest = &tail[url.len()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Segment::Text(plain));
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A string shown in every language, or {\"da\": …, \"en\": …} with at least one. Rich-text fields allow a small Markdown subset; HTML is shown as text.",
            "anyOf": [
                {"type": "string"},
                {"type": "object",
                 "properties": {"da": {"type": "string"}, "en": {"type": "string"}},
                 "additionalProperties": false, "minProperties": 1}
            ]
        })
    }
}

/// Parts read aloud one after another, each ending as a sentence: a full stop is added only
/// where a part does not already end with one (so a question is not read as "right?.").
pub fn spoken(parts: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let ended = out.ends_with(['.', '?', '!', ':', '…']);
            out.push_str(if ended { " " } else { ". " });
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spoken_parts_end_as_sentences_once() {
        let parts = [
            "Which one is right?",
            "1: Wrong A",
            "2: Right B.",
            " ",
            "Done",
        ];
        assert_eq!(
            spoken(parts.map(String::from)),
            "Which one is right? 1: Wrong A. 2: Right B. Done"
        );
    }

    fn parse(json: &str) -> Result<Text, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn text_falls_back_to_danish_then_english() {
        let cases = [
            (r#""hej""#, Lang::En, "hej"),
            (r#"{"da":"hej","en":"hi"}"#, Lang::En, "hi"),
            (r#"{"da":"hej","en":"hi"}"#, Lang::Da, "hej"),
            (r#"{"da":"hej"}"#, Lang::En, "hej"),
            (r#"{"en":"hi"}"#, Lang::Da, "hi"),
        ];
        for (json, lang, want) in cases {
            assert_eq!(parse(json).unwrap().get(lang), want, "{json}");
        }
    }

    #[test]
    fn text_rejects_empty_foreign_and_wrong_types() {
        for bad in [
            r#"{}"#,
            r#"{"de":"x"}"#,
            "3",
            "null",
            r#"["a"]"#,
            r#"{"da":1}"#,
        ] {
            assert!(parse(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn addresses_in_text_become_links_and_nothing_else() {
        use Segment::*;
        let cases: Vec<(&str, Vec<Segment>)> = vec![
            ("", vec![]),
            ("no links", vec![Text("no links".into())]),
            (
                "CC BY-SA 3.0 – https://creativecommons.org/licenses/by-sa/3.0/. Done",
                vec![
                    Text("CC BY-SA 3.0 – ".into()),
                    Link("https://creativecommons.org/licenses/by-sa/3.0/".into()),
                    Text(". Done".into()),
                ],
            ),
            (
                "(http://a.dk)",
                vec![
                    Text("(".into()),
                    Link("http://a.dk".into()),
                    Text(")".into()),
                ],
            ),
            ("https:// alone", vec![Text("https:// alone".into())]),
            (
                "<b>https://x.dk/<i></b>",
                vec![Text("<b>".into()), Link("https://x.dk/<i></b>".into())],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(link_segments(text), want, "{text}");
        }
    }

    #[test]
    fn text_round_trips() {
        for json in [r#""x""#, r#"{"da":"a","en":"b"}"#, r#"{"en":"b"}"#] {
            let t = parse(json).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), json);
        }
    }
}
