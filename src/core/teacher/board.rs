//! The class board: a lesson's brainstorm done by the whole class on the projector. The
//! teacher's device keeps it as the work item `board:<lesson>`, with the ideas as records
//! under the brainstorm's step id (the pupils' own answer kind) and the dots under
//! `<step>.dots`, so the board merges, backs up and reads like any other work.

use super::handin::{normalise_name, HandIn};
use crate::core::content::{Step, StepSlot};
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Idea, RecordId, WorkRef};
use crate::core::text::Text;
use std::collections::BTreeMap;

/// Dots on one idea stop here (a tally, not a counter anyone should run away with).
pub const MAX_TALLY: u32 = 999;

/// Where the dots of the board of brainstorm step `step` are kept.
pub fn dots_key(step: &str) -> String {
    format!("{step}.dots")
}

/// A brainstorm a class can do on the board, and the vote on it, if the lesson has one.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardStep {
    pub brainstorm: String,
    pub question: Text,
    pub vote: Option<String>,
    pub votes_per_pupil: Option<u32>,
}

/// The brainstorms of a lesson's steps, in order.
pub fn board_steps(steps: &[StepSlot]) -> Vec<BoardStep> {
    let ready: Vec<&Step> = steps.iter().filter_map(StepSlot::ready).collect();
    ready
        .iter()
        .filter_map(|s| match s {
            Step::Brainstorm(b) => {
                let vote = ready.iter().find_map(|v| match v {
                    Step::Vote(v) if v.from == b.id => Some(v),
                    _ => None,
                });
                Some(BoardStep {
                    brainstorm: b.id.to_string(),
                    question: b.question.clone(),
                    vote: vote.map(|v| v.id.to_string()),
                    votes_per_pupil: vote.map(|v| v.votes()),
                })
            }
            _ => None,
        })
        .collect()
}

/// The dots after adding `delta` (negative to take away) to `idea`.
pub fn tally(dots: &BTreeMap<String, u32>, idea: &str, delta: i32) -> BTreeMap<String, u32> {
    let mut dots = dots.clone();
    let now = dots.get(idea).copied().unwrap_or(0);
    let next = (i64::from(now) + i64::from(delta)).clamp(0, i64::from(MAX_TALLY)) as u32;
    if next == 0 {
        dots.remove(idea);
    } else {
        dots.insert(idea.to_string(), next);
    }
    dots
}

pub fn dots_of(answer: Option<&Answer>) -> BTreeMap<String, u32> {
    match answer {
        Some(Answer::Dots { dots }) => dots.clone(),
        _ => BTreeMap::new(),
    }
}

/// The ideas with their dots, most dots first when `by_dots`, else in the order written.
pub fn ranked(
    ideas: Option<&Answer>,
    dots: &BTreeMap<String, u32>,
    by_dots: bool,
) -> Vec<(RecordId, Idea, u32)> {
    let mut list: Vec<(RecordId, Idea, u32)> = ideas_in_order(ideas)
        .into_iter()
        .map(|(id, idea)| {
            let d = dots.get(id.as_str()).copied().unwrap_or(0);
            (id, idea, d)
        })
        .collect();
    if by_dots {
        // Stable: ties keep the order they were written in.
        super::sort_small_by(&mut list, |a, b| b.2.cmp(&a.2));
    }
    list
}

/// The pupils' ideas for brainstorm `step` of `lesson` in the hand-ins, each once (ignoring
/// case and spacing) and leaving out those already on the board, in pupil order.
pub fn ideas_from_handins<'a>(
    handins: impl IntoIterator<Item = &'a HandIn>,
    lesson: &WorkRef,
    step: &str,
    on_board: &[String],
) -> Vec<String> {
    let mut seen: Vec<String> = on_board.iter().map(|t| normalise_name(t)).collect();
    let mut out = Vec::new();
    for h in handins {
        let answer = h.work_on(lesson).and_then(|w| w.answer(step));
        for (_, idea) in ideas_in_order(answer) {
            let text = idea.text.trim().to_string();
            let key = normalise_name(&text);
            if !key.is_empty() && !seen.contains(&key) {
                seen.push(key);
                out.push(text);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::Progress;
    use crate::core::teacher::assignment::Assignment;
    use serde_json::json;

    #[test]
    fn brainstorms_are_found_with_their_votes() {
        let slots: Vec<StepSlot> = serde_json::from_value(json!([
            {"type": "read", "id": "r", "body": "x"},
            {"type": "brainstorm", "id": "b", "question": "Idéer?"},
            {"type": "vote", "id": "v", "from": "b", "votes": 2},
            {"type": "brainstorm", "id": "c", "question": "Flere?"}
        ]))
        .unwrap();
        let found = board_steps(&slots);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].vote.as_deref(), found[0].votes_per_pupil),
            (Some("v"), Some(2))
        );
        assert_eq!(found[1].vote, None);
    }

    #[test]
    fn tallies_stay_between_zero_and_the_cap() {
        let d = tally(&BTreeMap::new(), "a", 1);
        assert_eq!(d["a"], 1);
        assert!(tally(&d, "a", -5).is_empty());
        assert_eq!(tally(&d, "a", 5000)["a"], MAX_TALLY);
    }

    #[test]
    fn ideas_are_ranked_by_dots_ties_in_written_order() {
        let mut p = Progress::default();
        let b = WorkRef::board("x");
        let ids: Vec<RecordId> = (1..=3).map(RecordId::from_random).collect();
        for (n, (id, text)) in ids.iter().zip(["a", "b", "c"]).enumerate() {
            let idea = Idea {
                text: text.into(),
                order: n as i64,
            };
            p.put_record(&b, "s", id.clone(), Some(idea), 1);
        }
        let dots: BTreeMap<String, u32> = [
            (ids[2].to_string(), 3),
            (ids[0].to_string(), 1),
            (ids[1].to_string(), 1),
        ]
        .into();
        let order: Vec<(String, u32)> = ranked(p.answer(&b, "s"), &dots, true)
            .into_iter()
            .map(|(_, i, d)| (i.text, d))
            .collect();
        assert_eq!(
            order,
            [("c".to_string(), 3), ("a".into(), 1), ("b".into(), 1)]
        );
    }

    #[test]
    fn hand_in_ideas_come_once_and_not_twice_onto_the_board() {
        let lesson = WorkRef::lesson("l");
        let a = Assignment {
            id: "x".into(),
            items: vec![lesson.clone()],
            ..Default::default()
        };
        let handin = |texts: &[&str]| {
            let mut p = Progress::default();
            for (n, t) in texts.iter().enumerate() {
                let idea = Idea {
                    text: t.to_string(),
                    order: n as i64,
                };
                p.put_record(
                    &lesson,
                    "b",
                    RecordId::from_random(n as u64 + 1),
                    Some(idea),
                    1,
                );
            }
            HandIn::new(&a, "p", &p, 1, "t")
        };
        let list = [
            handin(&["Flere haner", "Is"]),
            handin(&["flere  haner", "Skygge", " "]),
        ];
        let got = ideas_from_handins(&list, &lesson, "b", &["is".to_string()]);
        assert_eq!(got, ["Flere haner", "Skygge"]);
    }
}
