//! The idea funnel: a brainstorm, then a dot vote or a criteria matrix, then one chosen idea
//! that the team carries into every later step — shown at the top, and editable there.

use super::PROP_IDEA;
use crate::core::content::step::VoteStep;
use crate::core::content::{Challenge, Step};
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, RecordId, Work};

/// An idea with what the vote gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub id: RecordId,
    pub text: String,
    /// Dots, or the sum of the scores on every criterion.
    pub score: u32,
}

/// The funnel's vote: the first vote step of the challenge.
pub fn vote_step(challenge: &Challenge) -> Option<&VoteStep> {
    challenge.steps().find_map(|s| match s.ready() {
        Some(Step::Vote(v)) => Some(v),
        _ => None,
    })
}

/// The ideas of the vote's brainstorm, most votes first (ties keep the brainstorm's order).
pub fn ranking(work: Option<&Work>, vote: &VoteStep) -> Vec<Ranked> {
    let ideas = ideas_in_order(work.and_then(|w| w.answer(vote.from.as_str())));
    let answer = work.and_then(|w| w.answer(vote.id.as_str()));
    let mut ranked: Vec<Ranked> = ideas
        .into_iter()
        .filter(|(_, i)| !i.text.trim().is_empty())
        .map(|(id, idea)| {
            let score = match answer {
                Some(Answer::Dots { dots }) => dots.get(id.as_str()).copied().unwrap_or(0),
                Some(Answer::Scores { scores }) => scores
                    .get(id.as_str())
                    .map(|row| row.iter().map(|&s| u32::from(s)).sum())
                    .unwrap_or(0),
                _ => 0,
            };
            Ranked {
                id,
                text: idea.text.trim().to_string(),
                score,
            }
        })
        .collect();
    // A stable sort keeps the brainstorm's order among equals.
    crate::core::sort::sort_by_key(&mut ranked, |r| std::cmp::Reverse(r.score));
    ranked
}

/// The idea a team works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChosenIdea {
    /// The team chose (and perhaps reworded) it.
    Chosen(String),
    /// Not chosen yet, but this idea leads the vote.
    Leading(String),
    /// No idea yet.
    None,
}

impl ChosenIdea {
    pub fn text(&self) -> Option<&str> {
        match self {
            ChosenIdea::Chosen(t) | ChosenIdea::Leading(t) => Some(t),
            ChosenIdea::None => None,
        }
    }
}

pub fn chosen_idea(challenge: &Challenge, work: Option<&Work>) -> ChosenIdea {
    if let Some(idea) = work
        .and_then(|w| w.prop(PROP_IDEA))
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        return ChosenIdea::Chosen(idea.to_string());
    }
    let leading = vote_step(challenge)
        .map(|v| ranking(work, v))
        .and_then(|r| r.into_iter().next())
        .filter(|r| r.score > 0);
    match leading {
        Some(r) => ChosenIdea::Leading(r.text),
        None => ChosenIdea::None,
    }
}

/// Whether step `step` comes after the funnel's vote, where the chosen idea is shown at the
/// top. Challenges without a vote show it nowhere.
pub fn shows_idea(challenge: &Challenge, step: &str) -> bool {
    let Some(vote) = vote_step(challenge) else {
        return false;
    };
    let position = |id: &str| challenge.steps().position(|s| s.id() == Some(id));
    matches!((position(vote.id.as_str()), position(step)), (Some(v), Some(s)) if s > v)
}

#[cfg(test)]
mod tests {
    use super::super::tests::challenge;
    use super::*;
    use crate::core::progress::{Idea, Progress, WorkRef};
    use std::collections::BTreeMap;

    fn with_ideas(texts: &[&str]) -> (Progress, WorkRef, Vec<RecordId>) {
        let mut p = Progress::default();
        let r = WorkRef::project("p");
        let ids: Vec<RecordId> = (0..texts.len() as u64).map(RecordId::from_random).collect();
        for (i, (id, t)) in ids.iter().zip(texts).enumerate() {
            let idea = Idea {
                text: t.to_string(),
                order: i as i64,
            };
            p.put_record(&r, "ideer", id.clone(), Some(idea), 1);
        }
        (p, r, ids)
    }

    #[test]
    fn dots_rank_the_ideas_and_the_leader_is_carried_until_one_is_chosen() {
        let c = challenge();
        let (mut p, r, ids) = with_ideas(&["Cykelsti", "  ", "Bænke", "Træer"]);
        assert_eq!(chosen_idea(&c, p.work(&r)), ChosenIdea::None);
        let dots: BTreeMap<String, u32> = [
            (ids[2].to_string(), 2),
            (ids[3].to_string(), 2),
            (ids[0].to_string(), 1),
        ]
        .into();
        p.set_answer(&r, "stem", Answer::Dots { dots }, 2);
        let ranked: Vec<(String, u32)> = ranking(p.work(&r), vote_step(&c).unwrap())
            .into_iter()
            .map(|x| (x.text, x.score))
            .collect();
        assert_eq!(
            ranked,
            [
                ("Bænke".into(), 2),
                ("Træer".into(), 2),
                ("Cykelsti".into(), 1)
            ],
            "most dots first, ties in brainstorm order, blank ideas left out"
        );
        assert_eq!(
            chosen_idea(&c, p.work(&r)),
            ChosenIdea::Leading("Bænke".into())
        );
        p.set_prop(&r, PROP_IDEA, "Bænke med tag, der samler regnvand", 3);
        assert_eq!(
            chosen_idea(&c, p.work(&r)).text(),
            Some("Bænke med tag, der samler regnvand")
        );
    }

    #[test]
    fn a_criteria_matrix_ranks_by_the_sum_of_scores() {
        let c = challenge();
        let (mut p, r, ids) = with_ideas(&["A", "B"]);
        let scores: BTreeMap<String, Vec<u8>> = [
            (ids[0].to_string(), vec![2, 2]),
            (ids[1].to_string(), vec![5, 1]),
        ]
        .into();
        p.set_answer(&r, "stem", Answer::Scores { scores }, 2);
        let top = &ranking(p.work(&r), vote_step(&c).unwrap())[0];
        assert_eq!((top.text.as_str(), top.score), ("B", 6));
    }

    #[test]
    fn the_idea_shows_on_every_step_after_the_vote() {
        let c = challenge();
        let shown: Vec<&str> = c
            .steps()
            .filter_map(|s| s.id())
            .filter(|s| shows_idea(&c, s))
            .collect();
        assert_eq!(shown, ["ide", "prototype", "pitch"]);
        assert!(!shows_idea(&c, "nowhere"));
    }
}
