//! Local offers (content v1.1): `lessons/local.json`, which a municipality or school edits
//! to show its own startup café, advisers, events, competitions and mentors, by level.
//! One file at a fixed path, not listed in `index.json`; a folder without it is fine.

use super::vocab::{Level, OfferKind};
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

/// The file name of the local offers inside the content folder.
pub const LOCAL_FILE: &str = "local.json";
/// Its schema file.
pub const LOCAL_SCHEMA_FILE: &str = "local.schema.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalOffers {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The municipality, town or school the offers are for.
    pub place: Text,
    /// Rich text above the offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// True while the file is the shipped example a deployer should replace (the page says so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    pub offers: Vec<Offer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub kind: OfferKind,
    pub title: Text,
    /// Rich text.
    pub description: Text,
    /// Who the offer is for.
    pub levels: Vec<Level>,
    /// Where to read more or sign up: an `https://` address.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^https://[^/?#\s.][^/?#\s]*([/?#]\S*)?$"))
    )]
    pub link: String,
    /// How to get in touch, as plain text (a name of a service, opening hours…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
    /// When it happens (a date, "every Tuesday", "each spring").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Text>,
}

/// True for a link the app may show: `https://` and a host, no spaces or control characters.
pub fn is_https_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('.')
        && link
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>')
}

impl LocalOffers {
    /// The offers for `level` (all of them for `None`), in file order, each with its
    /// position in the file (a stable key).
    pub fn for_level(&self, level: Option<Level>) -> impl Iterator<Item = (usize, &Offer)> {
        self.offers
            .iter()
            .enumerate()
            .filter(move |(_, o)| level.is_none_or(|l| o.levels.contains(&l)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;

    #[test]
    fn offers_for_a_level_keep_their_place_in_the_file() {
        let local: LocalOffers = parse_json(
            r#"{"place":"Aalborg","offers":[
                {"kind":"event","title":"A","description":"a","levels":["udskoling"],"link":"https://a.dk"},
                {"kind":"mentors","title":"B","description":"b","levels":["indskoling"],"link":"https://b.dk"},
                {"kind":"other","title":"C","description":"c","levels":["indskoling","udskoling"],"link":"https://c.dk"}]}"#,
        )
        .unwrap();
        let at = |level| local.for_level(level).map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(at(None), [0, 1, 2]);
        assert_eq!(at(Some(Level::Indskoling)), [1, 2]);
        assert_eq!(at(Some(Level::Videregaaende)), Vec::<usize>::new());
    }

    #[test]
    fn only_https_links_with_a_host_pass() {
        for good in [
            "https://example.org",
            "https://example.org/startup-cafe?x=1#a",
            "https://kommune.example/erhverv/",
        ] {
            assert!(is_https_link(good), "{good}");
        }
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "https://a b",
            "//example.org",
            "HTTPS://example.org",
            "https://x\"onclick",
            "mailto:a@b.dk",
        ] {
            assert!(!is_https_link(bad), "{bad}");
        }
    }
}
