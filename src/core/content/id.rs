//! Content ids: `[a-z0-9]+(-[a-z0-9]+)*`, stable keys for files, steps and saved answers.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A validated id. Deserialising checks the pattern, so a bad id is reported where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn new(s: &str) -> Option<Id> {
        is_valid_id(s).then(|| Id(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// True when `s` is lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Id::new(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "`{s}` is not a valid id: use lowercase letters a–z, digits and single hyphens, like `idea-sprint`"
            ))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_pattern() {
        for good in ["a", "idea-sprint", "x1-2b", "007"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "", "-a", "a-", "a--b", "Idea", "æble", "a b", "a_b", "a.json",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
