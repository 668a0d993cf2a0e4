//! The VØL chart (Ved / Ønsker at vide / Lært — Know / Want to know / Learned) that grows
//! through a project. Each column is a list of short notes, kept as idea records in the
//! project's own work under a key no content step id can take, so notes from a team's two
//! devices merge one by one.

use crate::core::i18n::Key;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Millis, RecordId, Work};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VolColumn {
    /// V: what we know.
    Know,
    /// Ø: what we want to know.
    Want,
    /// L: what we learned.
    Learned,
}

impl VolColumn {
    pub const ALL: [VolColumn; 3] = [VolColumn::Know, VolColumn::Want, VolColumn::Learned];

    /// The answer key of the column in the project's work.
    pub fn key(self) -> &'static str {
        match self {
            VolColumn::Know => "_vol-v",
            VolColumn::Want => "_vol-o",
            VolColumn::Learned => "_vol-l",
        }
    }

    /// A short id for element ids and tests.
    pub fn id(self) -> &'static str {
        match self {
            VolColumn::Know => "v",
            VolColumn::Want => "o",
            VolColumn::Learned => "l",
        }
    }

    pub fn title(self) -> Key {
        match self {
            VolColumn::Know => Key::VolKnow,
            VolColumn::Want => Key::VolWant,
            VolColumn::Learned => Key::VolLearned,
        }
    }
}

/// One note of the chart with the time it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolNote {
    pub id: RecordId,
    pub text: String,
    /// When it was added (new notes are ordered by it).
    pub added: Millis,
}

/// The notes of one column, oldest first.
pub fn notes(work: Option<&Work>, column: VolColumn) -> Vec<VolNote> {
    notes_in(work.and_then(|w| w.answer(column.key())))
}

/// The notes of a column's answer, oldest first.
pub fn notes_in(answer: Option<&Answer>) -> Vec<VolNote> {
    ideas_in_order(answer)
        .into_iter()
        .filter(|(_, i)| !i.text.trim().is_empty())
        .map(|(id, i)| VolNote {
            id,
            text: i.text,
            added: i.order,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::merge::merge;
    use crate::core::progress::{Idea, Progress, WorkRef};

    #[test]
    fn notes_from_two_devices_merge_one_by_one() {
        let r = WorkRef::project("p");
        let note = |t: &str, at| {
            Some(Idea {
                text: t.into(),
                order: at,
            })
        };
        let mut a = Progress::default();
        a.put_record(
            &r,
            VolColumn::Know.key(),
            RecordId::from_random(1),
            note("Gangene er ens", 1),
            1,
        );
        let mut b = a.clone();
        a.put_record(
            &r,
            VolColumn::Want.key(),
            RecordId::from_random(2),
            note("Hvad hjælper?", 2),
            2,
        );
        b.put_record(
            &r,
            VolColumn::Want.key(),
            RecordId::from_random(3),
            note("Hvem bor der?", 3),
            3,
        );
        b.put_record(
            &r,
            VolColumn::Learned.key(),
            RecordId::from_random(4),
            note("   ", 4),
            4,
        );
        let m = merge(&a, &b);
        let texts = |c| {
            notes(m.work(&r), c)
                .into_iter()
                .map(|n| (n.text, n.added))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(VolColumn::Know), [("Gangene er ens".to_string(), 1)]);
        assert_eq!(
            texts(VolColumn::Want),
            [
                ("Hvad hjælper?".to_string(), 2),
                ("Hvem bor der?".to_string(), 3)
            ]
        );
        assert!(
            texts(VolColumn::Learned).is_empty(),
            "blank notes are not notes"
        );
        for c in VolColumn::ALL {
            assert!(
                c.key().starts_with('_'),
                "no content step id can take the key"
            );
        }
    }
}
