//! What a step's read-aloud button reads: the step's own words, for every step type, so a
//! pupil who cannot read yet hears the whole task (young pupils' mode shows the button on
//! every step; anyone may use it).

use super::content::Step;
use super::i18n::{fill, step_kind, t, Key};
use super::markdown::plain_text;
use super::text::{spoken, Lang, Text};

/// The words of `step` in `lang`, as one text of sentences: a read step's body as it stands;
/// else its question (and hint) or — for a step whose task has no question — its title or
/// what kind of step it is, then its options, items, sections, questions or criteria; for a
/// vote, a canvas, a pitch and a self-assessment also what to do.
pub fn step_words(step: &Step, lang: Lang) -> String {
    let text = |t: &Text| t.get(lang).to_string();
    let name = || {
        step.title()
            .map(text)
            .unwrap_or_else(|| t(lang, step_kind(step.type_name())).into())
    };
    let list = |items: &[Text]| -> Vec<String> { items.iter().map(text).collect() };
    let mut parts: Vec<String> = Vec::new();
    match step {
        // Markdown as plain sentences, one a line, exactly as the body reads.
        Step::Read(s) => return plain_text(s.body.get(lang)),
        Step::Prompt(s) => {
            parts.push(text(&s.question));
            parts.extend(s.hint.as_ref().map(text));
        }
        Step::Choice(s) => {
            parts.push(text(&s.question));
            parts.extend(
                s.options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| format!("{}: {}", i + 1, text(&o.text))),
            );
        }
        Step::Brainstorm(s) => {
            parts.push(text(&s.question));
        }
        Step::Sketch(s) => {
            parts.push(text(&s.question));
            parts.extend(s.hint.as_ref().map(text));
        }
        Step::Photo(s) => {
            parts.push(text(&s.question));
            parts.extend(s.hint.as_ref().map(text));
        }
        Step::Voice(s) => {
            parts.push(text(&s.question));
            parts.extend(s.hint.as_ref().map(text));
        }
        Step::Vote(s) => {
            parts.push(name());
            match s.criteria.as_deref().filter(|c| !c.is_empty()) {
                Some(criteria) => {
                    parts.push(t(lang, Key::ReadVoteScores).into());
                    parts.extend(list(criteria));
                }
                None => parts.push(fill(
                    t(lang, Key::ReadVoteDots),
                    &[("n", &s.votes().to_string())],
                )),
            }
        }
        Step::Canvas(_) => {
            parts.push(name());
            parts.push(t(lang, Key::ReadCanvas).into());
        }
        Step::Checklist(s) => {
            parts.push(name());
            parts.extend(list(&s.items));
        }
        Step::RoleModel(s) => {
            parts.push(name());
            parts.extend(s.questions.as_deref().map(list).unwrap_or_default());
        }
        Step::Pitch(s) => {
            parts.push(name());
            parts.push(fill(
                t(lang, Key::ReadPitch),
                &[("n", &s.seconds.to_string())],
            ));
            parts.extend(list(&s.sections));
        }
        Step::Rubric(s) => {
            parts.push(name());
            parts.push(fill(
                t(lang, Key::ReadRubric),
                &[("n", &s.scale().to_string())],
            ));
            for c in &s.criteria {
                parts.push(text(&c.title));
                parts.extend(c.description.as_ref().map(text));
            }
        }
    }
    spoken(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::step::STEP_TYPES;
    use crate::core::content::StepSlot;
    use serde_json::json;

    fn step(v: serde_json::Value) -> Step {
        match serde_json::from_value(v).unwrap() {
            StepSlot::Ready(s) => s,
            StepSlot::Broken(b) => panic!("{}", b.error.message()),
        }
    }

    /// (step, words it must read in Danish, in English). One case per step type.
    fn cases() -> Vec<(serde_json::Value, &'static str, &'static str)> {
        let q = json!({"da": "Hvad tænker du?", "en": "What do you think?"});
        vec![
            (
                json!({"type": "read", "id": "a", "title": "Læs", "body": {"da": "Det **er** sjovt", "en": "It **is** fun"}}),
                "Det er sjovt",
                "It is fun",
            ),
            (
                json!({"type": "prompt", "id": "a", "question": q, "hint": "Skriv kort"}),
                "Hvad tænker du? Skriv kort",
                "What do you think? Skriv kort",
            ),
            (
                json!({"type": "choice", "id": "a", "question": q,
                    "options": [{"da": "Ja", "en": "Yes"}, {"text": {"da": "Nej", "en": "No"}, "image": "media/no.svg"}]}),
                "Hvad tænker du? 1: Ja. 2: Nej",
                "What do you think? 1: Yes. 2: No",
            ),
            (
                json!({"type": "brainstorm", "id": "a", "question": q}),
                "Hvad tænker du?",
                "What do you think?",
            ),
            (
                json!({"type": "vote", "id": "a", "from": "b", "votes": 2}),
                "Afstemning. Giv dine 2 prikker",
                "Vote. Give your 2 dots",
            ),
            (
                json!({"type": "canvas", "id": "a", "canvas": "c", "title": {"da": "Vores lærred", "en": "Our canvas"}}),
                "Vores lærred. Skriv",
                "Our canvas. Write",
            ),
            (
                json!({"type": "checklist", "id": "a", "items": [{"da": "Saks", "en": "Scissors"}, "Lim"]}),
                "Tjekliste. Saks. Lim",
                "Checklist. Scissors. Lim",
            ),
            (
                json!({"type": "role_model", "id": "a", "profile": "p", "questions": [q]}),
                "Rollemodel. Hvad tænker du?",
                "Role model. What do you think?",
            ),
            (
                json!({"type": "pitch", "id": "a", "seconds": 60, "sections": [{"da": "Problemet", "en": "The problem"}]}),
                "60 sekunder",
                "60 seconds",
            ),
            (
                json!({"type": "rubric", "id": "a", "criteria": [{"id": "c", "title": {"da": "Idéen", "en": "The idea"}, "description": "Er den ny?"}]}),
                "fra 1 til 4",
                "from 1 to 4",
            ),
            (
                json!({"type": "sketch", "id": "a", "question": q}),
                "Hvad tænker du?",
                "What do you think?",
            ),
            (
                json!({"type": "photo", "id": "a", "question": q}),
                "Hvad tænker du?",
                "What do you think?",
            ),
            (
                json!({"type": "voice", "id": "a", "question": q}),
                "Hvad tænker du?",
                "What do you think?",
            ),
        ]
    }

    #[test]
    fn every_step_type_has_words_to_read() {
        let cases = cases();
        let types: Vec<&str> = cases
            .iter()
            .map(|(v, _, _)| v["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, STEP_TYPES, "one case per step type, in order");
        for (v, da, en) in cases {
            let s = step(v);
            let (got_da, got_en) = (step_words(&s, Lang::Da), step_words(&s, Lang::En));
            assert!(
                got_da.contains(da),
                "{}: {got_da:?} lacks {da:?}",
                s.type_name()
            );
            assert!(
                got_en.contains(en),
                "{}: {got_en:?} lacks {en:?}",
                s.type_name()
            );
        }
    }

    #[test]
    fn a_read_step_reads_its_body_and_a_question_step_not_its_title() {
        let read = step(
            json!({"type": "read", "id": "a", "title": "Læs dette", "body": "Hej **elever**.\n\n- en\n- to"}),
        );
        assert_eq!(step_words(&read, Lang::Da), "Hej elever.\nen.\nto.\n");
        let prompt =
            step(json!({"type": "prompt", "id": "a", "title": "Tænk", "question": "Hvad?"}));
        assert_eq!(step_words(&prompt, Lang::Da), "Hvad?");
    }

    #[test]
    fn a_rubric_reads_its_criteria_and_a_pitch_its_sections() {
        let rubric = step(json!({"type": "rubric", "id": "a", "scale": 5,
            "criteria": [{"id": "c", "title": "Idéen", "description": "Er den ny?"}, {"id": "d", "title": "Holdet"}]}));
        assert_eq!(
            step_words(&rubric, Lang::Da),
            "Selvevaluering. Giv dit arbejde point fra 1 til 5 for hvert punkt, og skriv gerne en kommentar: Idéen. Er den ny? Holdet"
        );
        let pitch = step(
            json!({"type": "pitch", "id": "a", "seconds": 60, "sections": ["Problemet", "Løsningen"]}),
        );
        assert!(step_words(&pitch, Lang::Da).ends_with("Problemet. Løsningen"));
    }
}
