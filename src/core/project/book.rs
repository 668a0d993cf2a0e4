//! The project book: everything a team did, phase by phase in the challenge's order, each
//! piece with the date it was last changed — and the VØL chart, the chosen idea, the pitch
//! rehearsals and the entry's status. The app renders it on screen and for print.

use super::entry::recap_of;
use super::funnel::{chosen_idea, ChosenIdea};
use super::vol::{notes, VolColumn, VolNote};
use super::{members, started, team_name, PROP_ENTRY_FINAL, PROP_IDEA};
use crate::core::content::{CanvasTemplate, Challenge, Step};
use crate::core::media::{backup::photos_in, Clip};
use crate::core::progress::{Answer, Millis, Work};
use crate::core::recap::Recap;
use crate::core::text::{Lang, Text};

#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub team: String,
    pub members: Vec<String>,
    pub started: Option<Millis>,
    pub idea: ChosenIdea,
    /// When the idea was chosen or last reworded.
    pub idea_at: Option<Millis>,
    pub phases: Vec<BookPhase>,
    pub vol: Vec<(VolColumn, Vec<VolNote>)>,
    pub rehearsals: u32,
    pub entry_final: Option<Millis>,
    /// The newest change to anything in the project.
    pub updated: Option<Millis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BookPhase {
    pub title: Text,
    pub minutes: Option<u32>,
    /// What the team did in this phase; empty when nothing yet.
    pub items: Vec<BookItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BookItem {
    pub step: String,
    /// The step's title or question.
    pub title: Text,
    pub recap: Recap,
    /// The answer's photos (a photo step's, or those on a canvas's notes).
    pub photos: Vec<Clip>,
    /// When the answer was last changed.
    pub at: Millis,
}

pub fn book(
    challenge: &Challenge,
    work: Option<&Work>,
    canvas: &dyn Fn(&str) -> Option<CanvasTemplate>,
    lang: Lang,
) -> Book {
    let phases = challenge
        .phases
        .iter()
        .map(|phase| BookPhase {
            title: phase.title.clone(),
            minutes: phase.minutes,
            items: phase
                .steps
                .iter()
                .filter_map(|s| s.ready())
                .filter(|s| !matches!(s, Step::Read(_)))
                .filter_map(|s| {
                    let stamped = work?.answers.get(s.id().as_str())?;
                    let recap = recap_of(s, work, canvas, lang);
                    (recap != Recap::Empty).then(|| BookItem {
                        step: s.id().to_string(),
                        title: s
                            .label()
                            .cloned()
                            .unwrap_or_else(|| Text::plain(s.id().as_str())),
                        recap,
                        photos: photos_in(&stamped.value),
                        at: stamped.updated,
                    })
                })
                .collect(),
        })
        .collect();
    let rehearsals = work
        .map(|w| {
            w.answers
                .values()
                .map(|a| match &a.value {
                    Answer::Pitch { rehearsals, .. } => *rehearsals,
                    _ => 0,
                })
                .sum()
        })
        .unwrap_or(0);
    Book {
        team: team_name(work),
        members: members(work),
        started: started(work),
        idea: chosen_idea(challenge, work),
        idea_at: work
            .and_then(|w| w.props.get(PROP_IDEA))
            .filter(|p| !p.value.trim().is_empty())
            .map(|p| p.updated),
        phases,
        vol: VolColumn::ALL
            .into_iter()
            .map(|c| (c, notes(work, c)))
            .collect(),
        rehearsals,
        entry_final: work
            .and_then(|w| w.prop(PROP_ENTRY_FINAL))
            .and_then(|v| v.parse().ok()),
        updated: work.map(|w| w.updated),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{challenge, text};
    use super::super::{start_project, ChallengeSource};
    use super::*;
    use crate::core::progress::{Idea, Progress, RecordId, WorkRef};

    #[test]
    fn the_book_holds_what_was_done_phase_by_phase_with_dates() {
        let c = challenge();
        let mut p = Progress::default();
        let r = WorkRef::project("b");
        start_project(
            &mut p,
            &r,
            &ChallengeSource::Content("by".into()),
            "Lynet",
            &["Ida".into()],
            100,
        );
        p.set_answer(&r, "problem", text("Trafik"), 200);
        p.put_record(
            &r,
            "ideer",
            RecordId::from_random(1),
            Some(Idea {
                text: "Bump".into(),
                order: 1,
            }),
            300,
        );
        p.set_answer(&r, "prototype", text("  "), 350);
        p.set_answer(
            &r,
            "pitch",
            Answer::Pitch {
                sections: vec!["Farligt".into()],
                rehearsals: 3,
            },
            400,
        );
        p.put_record(
            &r,
            VolColumn::Know.key(),
            RecordId::from_random(2),
            Some(Idea {
                text: "Biler kører hurtigt".into(),
                order: 150,
            }),
            150,
        );
        let b = book(&c, p.work(&r), &|_| None, Lang::Da);
        assert_eq!((b.team.as_str(), b.started), ("Lynet", Some(100)));
        let done: Vec<Vec<(&str, Millis)>> = b
            .phases
            .iter()
            .map(|ph| ph.items.iter().map(|i| (i.step.as_str(), i.at)).collect())
            .collect();
        assert_eq!(
            done,
            [
                vec![("problem", 200)],
                vec![("ideer", 300)],
                vec![("pitch", 400)]
            ],
            "in the challenge's order, blank answers and read steps left out"
        );
        assert_eq!(b.phases[0].minutes, Some(90));
        assert_eq!(b.rehearsals, 3);
        assert_eq!(b.vol[0].1[0].text, "Biler kører hurtigt");
        assert_eq!(b.idea, ChosenIdea::None);
        assert_eq!(b.updated, Some(400));
    }
}
