//! Records: the lists a pupil adds to (ideas, canvas notes, …). Each record has a random id
//! and its own edit stamp, and a deletion leaves a tombstone, so two tabs or a restored
//! backup merge record by record: neither side's new or edited records are lost, and a
//! deleted record does not come back from an older copy.

use super::state::Millis;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A record id: short lowercase letters and digits. New ids are random (never "highest + 1",
/// which two tabs would both mint); ids migrated from older saves are the old numbers.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RecordId(String);

impl RecordId {
    const MAX_LEN: usize = 32;

    /// An id from 64 random bits (base 36, 12 characters or fewer).
    pub fn from_random(mut bits: u64) -> RecordId {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::with_capacity(13);
        // A letter first, so a random id never looks like a migrated number.
        out.push(DIGITS[10 + (bits % 26) as usize]);
        bits /= 26;
        for _ in 0..11 {
            out.push(DIGITS[(bits % 36) as usize]);
            bits /= 36;
        }
        RecordId(String::from_utf8(out).unwrap_or_default())
    }

    pub fn parse(s: &str) -> Option<RecordId> {
        let ok = !s.is_empty()
            && s.len() <= Self::MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        ok.then(|| RecordId(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        RecordId::parse(&s).ok_or_else(|| de::Error::custom(format!("bad record id {s:?}")))
    }
}

/// One record and when it last changed; `value: None` is a tombstone (deleted).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Rec<T> {
    pub at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
}

impl<T: Ord> Rec<T> {
    /// True when `self` should replace `other` in a merge: the later edit wins; at the same
    /// instant a deletion wins, then the greater value, so every merge order agrees.
    fn beats(&self, other: &Rec<T>) -> bool {
        let key = |r: &Rec<T>| (r.at, r.value.is_none());
        match key(self).cmp(&key(other)) {
            std::cmp::Ordering::Equal => self.value > other.value,
            o => o.is_gt(),
        }
    }
}

/// A set of records by id.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Records<T> {
    items: BTreeMap<RecordId, Rec<T>>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records {
            items: BTreeMap::new(),
        }
    }
}

impl<T: Clone + Ord> Records<T> {
    /// Records that are not deleted, in id order.
    pub fn live(&self) -> impl Iterator<Item = (&RecordId, &T)> {
        self.items
            .iter()
            .filter_map(|(id, r)| r.value.as_ref().map(|v| (id, v)))
    }

    pub fn get(&self, id: &RecordId) -> Option<&T> {
        self.items.get(id).and_then(|r| r.value.as_ref())
    }

    pub fn live_count(&self) -> usize {
        self.live().count()
    }

    /// Every entry, tombstones included.
    pub fn entries(&self) -> impl Iterator<Item = (&RecordId, &Rec<T>)> {
        self.items.iter()
    }

    /// Sets a record (or deletes it with `None`); false when nothing changed. A record
    /// deleted once stays deleted: writing it again is a new edit with a newer stamp.
    pub fn put(&mut self, id: RecordId, value: Option<T>, now: Millis) -> bool {
        match self.items.get(&id) {
            Some(r) if r.value == value => false,
            None if value.is_none() => false,
            _ => {
                let at = self.items.get(&id).map_or(now, |r| now.max(r.at + 1));
                self.items.insert(id, Rec { at, value });
                true
            }
        }
    }

    /// The newest stamp of any record, tombstones included.
    pub fn latest(&self) -> Millis {
        self.items.values().map(|r| r.at).max().unwrap_or(0)
    }

    /// Joins two versions: per id, the winning edit (see `Rec::beats`).
    pub fn merge(&self, other: &Records<T>) -> Records<T> {
        let mut out = self.clone();
        for (id, theirs) in &other.items {
            let take = out.items.get(id).is_none_or(|ours| theirs.beats(ours));
            if take {
                out.items.insert(id.clone(), theirs.clone());
            }
        }
        out
    }

    /// Forgets everything stamped at or before `erased_at` (erase everything).
    pub fn retain_after(&mut self, erased_at: Millis) {
        self.items.retain(|_, r| r.at > erased_at);
    }

    pub fn from_entries(items: impl IntoIterator<Item = (RecordId, Rec<T>)>) -> Records<T> {
        Records {
            items: crate::core::sort::to_map(items),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    #[test]
    fn random_ids_are_valid_and_distinct() {
        let a = RecordId::from_random(1);
        let b = RecordId::from_random(u64::MAX);
        assert_ne!(a, b);
        for r in [a, b, RecordId::from_random(0x1234_5678_9abc)] {
            assert_eq!(RecordId::parse(r.as_str()), Some(r.clone()));
            assert!(r.as_str().as_bytes()[0].is_ascii_lowercase());
        }
        for bad in ["", "A", "a b", "x-y", &"a".repeat(33)] {
            assert_eq!(RecordId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn put_stamps_and_skips_unchanged() {
        let mut r = Records::default();
        assert!(r.put(id("a"), Some("x".to_string()), 5));
        assert!(!r.put(id("a"), Some("x".to_string()), 9));
        assert!(!r.put(id("b"), None, 9));
        assert!(r.put(id("a"), None, 7));
        assert_eq!(r.get(&id("a")), None);
        assert_eq!(r.latest(), 7);
        // A clock that went backwards still moves the record forward.
        assert!(r.put(id("a"), Some("y".to_string()), 3));
        assert_eq!(r.entries().next().unwrap().1.at, 8);
    }

    #[test]
    fn deletion_survives_an_older_copy() {
        let mut old = Records::default();
        old.put(id("n1"), Some("note".to_string()), 1);
        let mut now = old.clone();
        now.put(id("n1"), None, 2);
        assert_eq!(old.merge(&now).live_count(), 0);
        assert_eq!(now.merge(&old).live_count(), 0);
    }

    #[test]
    fn same_instant_edits_agree_in_both_orders() {
        let mut a = Records::default();
        let mut b = Records::default();
        a.put(id("x"), Some("a".to_string()), 4);
        b.put(id("x"), Some("b".to_string()), 4);
        assert_eq!(a.merge(&b), b.merge(&a));
        let mut c = Records::default();
        c.put(id("x"), Some("c".to_string()), 3);
        c.put(id("x"), None, 4);
        assert_eq!(a.merge(&c).live_count(), 0, "a deletion wins a tie");
    }
}
