//! The challenge bank: filters on a challenge's card summary (level, format, theme), kept in
//! the URL so a teacher can share a view, like the lesson catalogue's.

use super::content::vocab::ChallengeFormat;
use super::content::{ChallengeSummary, Level};
use super::route::{pct_encode, query_pairs};
use super::text::{slug, Lang, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChallengeFilter {
    pub level: Option<Level>,
    pub format: Option<ChallengeFormat>,
    /// A theme's key ([`theme_key`]); empty for any theme.
    pub theme: String,
}

impl ChallengeFilter {
    /// Reads a query string; unknown keys and values are ignored, never an error.
    pub fn from_query(query: &str) -> ChallengeFilter {
        let mut f = ChallengeFilter::default();
        for (k, v) in query_pairs(query) {
            match k.as_str() {
                "level" => f.level = Level::parse(&v),
                "format" => f.format = ChallengeFormat::parse(&v),
                "theme" => f.theme = slug(&v),
                _ => {}
            }
        }
        f
    }

    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.level {
            parts.push(format!("level={}", l.id()));
        }
        if let Some(f) = self.format {
            parts.push(format!("format={}", f.id()));
        }
        if !self.theme.is_empty() {
            parts.push(format!("theme={}", pct_encode(&self.theme)));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        *self == ChallengeFilter::default()
    }

    pub fn matches(&self, c: &ChallengeSummary) -> bool {
        self.level.is_none_or(|l| c.levels.contains(&l))
            && self.format.is_none_or(|f| c.format == f)
            && (self.theme.is_empty()
                || c.theme.as_ref().is_some_and(|t| theme_key(t) == self.theme))
    }
}

/// A theme's key in URLs: its Danish wording (else its only one) as lowercase ASCII words
/// joined by `-` ("Klima – hvordan kan du gøre en forskel?" → `klima-hvordan-kan-du-goere-en-forskel`),
/// so the same theme written in two challenges filters as one.
pub fn theme_key(theme: &Text) -> String {
    slug(theme.get(Lang::Da))
}

/// The distinct themes of these challenges, by key, in first-seen order.
pub fn themes<'a>(
    summaries: impl IntoIterator<Item = &'a ChallengeSummary>,
) -> Vec<(String, Text)> {
    let mut out: Vec<(String, Text)> = Vec::new();
    for s in summaries {
        if let Some(t) = &s.theme {
            let key = theme_key(t);
            if !key.is_empty() && !out.iter().any(|(k, _)| *k == key) {
                out.push((key, t.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use crate::core::content::Challenge;

    fn summary(json: &str) -> ChallengeSummary {
        ChallengeSummary::from(&parse_json::<Challenge>(json).unwrap())
    }

    const C: &str = r#"{"id":"klima","title":"Klima","format":"edison",
        "levels":["mellemtrin","udskoling"],
        "theme":{"da":"Klima – hvordan kan du gøre en forskel?","en":"Climate"},
        "phases":[{"id":"a","title":"A","steps":[{"type":"read","id":"r","body":"x"}]}]}"#;

    #[test]
    fn filters_match_level_format_and_theme() {
        let c = summary(C);
        let q = |s: &str| ChallengeFilter::from_query(s).matches(&c);
        assert!(q(""));
        assert!(q("level=udskoling&format=edison"));
        assert!(!q("level=videregaaende"));
        assert!(!q("format=spin-in"));
        assert!(q("theme=klima-hvordan-kan-du-goere-en-forskel"));
        assert!(!q("theme=vores-by"));
        assert!(q("level=nonsense&format=nope&x=y"));
    }

    #[test]
    fn filters_survive_the_url() {
        let f = ChallengeFilter {
            level: Some(Level::Mellemtrin),
            format: Some(ChallengeFormat::SpinIn),
            theme: "vores-by-i-fremtiden".into(),
        };
        assert_eq!(ChallengeFilter::from_query(&f.to_query()), f);
        assert_eq!(ChallengeFilter::default().to_query(), "");
    }

    #[test]
    fn theme_keys_are_plain_ascii_words() {
        let key = |s: &str| theme_key(&Text::plain(s));
        assert_eq!(key("Vores by i fremtiden"), "vores-by-i-fremtiden");
        assert_eq!(
            key("  Værdifulde fællesskaber! "),
            "vaerdifulde-faellesskaber"
        );
        assert_eq!(key("Grøn på Åen"), "groen-paa-aaen");
        assert_eq!(key("<script>"), "script");
        assert_eq!(key("–"), "");
        let c = summary(C);
        assert_eq!(themes([&c, &c]).len(), 1);
    }
}
