//! A pupil's answer as readable text, given the step it answers: what a recalled answer,
//! a project book or a teacher's overview shows. Never HTML: the app renders these parts
//! as text nodes.

use super::content::{CanvasTemplate, Step};
use super::media::Clip;
use super::progress::answer::{ideas_in_order, notes_in_block, Idea};
use super::progress::{Answer, RecordId};
use super::text::Lang;

/// An answer made readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recap {
    /// One free text.
    Text(String),
    /// A drawing, photos or recordings, with the pupil's text (content v1.1): the view
    /// shows them; plain text (`project::entry::recap_text`) says what there is.
    Media {
        /// What there is, in words: "En tegning · 2 fotos".
        summary: String,
        text: String,
        /// The photos, in the order they were taken: views that can show pictures show them.
        photos: Vec<Clip>,
        /// The recordings, likewise: views that can play them do.
        recordings: Vec<Clip>,
    },
    /// Items in order: ideas, chosen options, ticked items.
    List(Vec<String>),
    /// Labelled parts: a pitch by section, answers by question, notes by block, votes by idea.
    Labelled(Vec<(String, String)>),
    /// A canvas whose notes carry photos: the notes' words by block, and the photos in the
    /// order they were taken (a note's photo may be all it holds). A canvas without photos
    /// is [`Recap::Labelled`].
    Notes {
        parts: Vec<(String, String)>,
        photos: Vec<Clip>,
        /// The photos in words, for views without pictures: "2 fotos".
        summary: String,
    },
    /// Nothing the pupil did yet.
    Empty,
}

impl Recap {
    /// The photos the answer holds (a photo step's, or those on a canvas's notes), for the
    /// views that show pictures next to the words.
    pub fn photos(&self) -> &[Clip] {
        match self {
            Recap::Media { photos, .. } | Recap::Notes { photos, .. } => photos,
            _ => &[],
        }
    }

    /// The recordings the answer holds, for the views that can play them.
    pub fn recordings(&self) -> &[Clip] {
        match self {
            Recap::Media { recordings, .. } => recordings,
            _ => &[],
        }
    }
}

/// What a recap may need from outside the step: the ideas a vote is about, and the canvas
/// template whose block names label the notes.
#[derive(Default)]
pub struct RecapContext<'a> {
    pub ideas: Vec<(RecordId, Idea)>,
    pub canvas: Option<&'a CanvasTemplate>,
}

pub fn recap(step: &Step, answer: Option<&Answer>, ctx: &RecapContext, lang: Lang) -> Recap {
    let Some(answer) = answer.filter(|a| a.is_meaningful()) else {
        return Recap::Empty;
    };
    let text = |t: &crate::core::text::Text| t.get(lang).to_string();
    match (step, answer) {
        (_, Answer::Text { text }) => Recap::Text(text.trim().to_string()),
        (
            _,
            Answer::Media {
                text,
                strokes,
                clips,
            },
        ) => {
            use crate::core::media::{clip::clips_of, ClipKind};
            Recap::Media {
                summary: media_summary(
                    lang,
                    strokes.iter().any(|s| !s.is_empty()),
                    clips_of(clips, ClipKind::Photo).len(),
                    clips_of(clips, ClipKind::Voice).len(),
                ),
                text: text.trim().to_string(),
                photos: clips_of(clips, ClipKind::Photo),
                recordings: clips_of(clips, ClipKind::Voice),
            }
        }
        (Step::Choice(c), Answer::Choice { selected }) => Recap::List(
            selected
                .iter()
                .filter_map(|&i| c.options.get(i).map(|o| text(&o.text)))
                .collect(),
        ),
        (Step::Checklist(c), Answer::Checklist { checked }) => Recap::List(
            checked
                .iter()
                .filter_map(|&i| c.items.get(i).map(text))
                .collect(),
        ),
        (_, Answer::Ideas { .. }) => Recap::List(
            ideas_in_order(Some(answer))
                .into_iter()
                .map(|(_, i)| i.text)
                .filter(|t| !t.trim().is_empty())
                .collect(),
        ),
        (_, Answer::Dots { dots }) => Recap::Labelled(
            by_idea(&ctx.ideas, |id| dots.get(id).copied().filter(|&d| d > 0))
                .map(|(idea, d)| (idea, dots_text(d)))
                .collect(),
        ),
        (_, Answer::Scores { scores }) => Recap::Labelled(
            by_idea(&ctx.ideas, |id| scores.get(id))
                .map(|(idea, row)| (idea, row.iter().map(|&s| s as u32).sum::<u32>().to_string()))
                .collect(),
        ),
        (Step::RoleModel(r), Answer::Reflections { answers }) => {
            let questions = r.questions.clone().unwrap_or_default();
            labelled(answers.iter().enumerate().map(|(i, a)| {
                let q = questions
                    .get(i)
                    .map(text)
                    .unwrap_or_else(|| format!("{}", i + 1));
                (q, a.clone())
            }))
        }
        (Step::Pitch(p), Answer::Pitch { sections, .. }) => {
            labelled(sections.iter().enumerate().map(|(i, s)| {
                let title = p.sections.get(i).map(text).unwrap_or_default();
                (title, s.clone())
            }))
        }
        (Step::Rubric(r), Answer::Rubric { ratings }) => {
            labelled(r.criteria.iter().filter_map(|c| {
                let rating = ratings.get(c.id.as_str())?;
                let score = rating
                    .score
                    .map(|s| format!("{s}/{}", r.scale()))
                    .unwrap_or_default();
                let value = [score, rating.comment.trim().to_string()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" – ");
                Some((text(&c.title), value))
            }))
        }
        (_, Answer::Canvas { .. }) => {
            let blocks: Vec<(String, String)> = match ctx.canvas {
                Some(t) => t
                    .blocks
                    .iter()
                    .map(|b| (b.id.to_string(), text(&b.title)))
                    .collect(),
                None => block_ids(answer)
                    .into_iter()
                    .map(|b| (b.clone(), b))
                    .collect(),
            };
            let parts = filled(blocks.into_iter().map(|(id, title)| {
                let notes: Vec<String> = notes_in_block(Some(answer), &id)
                    .into_iter()
                    .map(|(_, n)| n.text)
                    .filter(|t| !t.trim().is_empty())
                    .collect();
                (title, notes.join(" · "))
            }));
            let photos = crate::core::media::backup::photos_in(answer);
            if photos.is_empty() {
                return labelled(parts.into_iter());
            }
            let summary = media_summary(lang, false, photos.len(), 0);
            Recap::Notes {
                parts,
                photos,
                summary,
            }
        }
        // An answer of another kind than the step takes (the step changed in the content).
        _ => Recap::Empty,
    }
}

/// A drawing, photos and recordings in words: "En tegning · 2 fotos · 1 lydoptagelse".
pub fn media_summary(lang: Lang, drawing: bool, photos: usize, recordings: usize) -> String {
    let da = lang == Lang::Da;
    let mut parts = Vec::new();
    if drawing {
        parts.push(if da { "En tegning" } else { "A drawing" }.to_string());
    }
    match (photos, da) {
        (0, _) => {}
        (1, true) => parts.push("1 foto".into()),
        (n, true) => parts.push(format!("{n} fotos")),
        (1, false) => parts.push("1 photo".into()),
        (n, false) => parts.push(format!("{n} photos")),
    }
    match (recordings, da) {
        (0, _) => {}
        (1, true) => parts.push("1 lydoptagelse".into()),
        (n, true) => parts.push(format!("{n} lydoptagelser")),
        (1, false) => parts.push("1 recording".into()),
        (n, false) => parts.push(format!("{n} recordings")),
    }
    parts.join(" · ")
}

/// Dots as dots, up to a handful; more as a number (a hostile hand-in may claim billions).
fn dots_text(d: u32) -> String {
    if d <= 10 {
        "●".repeat(d as usize)
    } else {
        format!("{d} ●")
    }
}

fn by_idea<'a, T>(
    ideas: &'a [(RecordId, Idea)],
    value: impl Fn(&str) -> Option<T> + 'a,
) -> impl Iterator<Item = (String, T)> + 'a {
    ideas
        .iter()
        .filter_map(move |(id, idea)| Some((idea.text.clone(), value(id.as_str())?)))
}

/// Labelled parts, leaving out the empty ones.
/// Labelled parts as `label: value`, joined by `between` (a line break in an entry, a bar
/// in a spreadsheet cell).
pub fn parts_text(parts: &[(String, String)], between: &str) -> String {
    parts
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join(between)
}

/// The parts with something in them.
fn filled(parts: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    parts.filter(|(_, v)| !v.trim().is_empty()).collect()
}

fn labelled(parts: impl Iterator<Item = (String, String)>) -> Recap {
    let parts = filled(parts);
    if parts.is_empty() {
        Recap::Empty
    } else {
        Recap::Labelled(parts)
    }
}

fn block_ids(answer: &Answer) -> Vec<String> {
    let mut ids: Vec<String> = match answer {
        Answer::Canvas { notes } => notes.live().map(|(_, n)| n.block.clone()).collect(),
        _ => vec![],
    };
    crate::core::sort::sort(&mut ids);
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::StepSlot;
    use crate::core::progress::{Progress, WorkRef};
    use serde_json::json;

    fn step(v: serde_json::Value) -> Step {
        match serde_json::from_value::<StepSlot>(v).unwrap() {
            StepSlot::Ready(s) => s,
            StepSlot::Broken(b) => panic!("{b:?}"),
        }
    }

    #[test]
    fn text_choice_and_ideas_read_as_the_pupil_wrote_them() {
        let prompt = step(json!({"type": "prompt", "id": "p", "question": "q"}));
        let a = Answer::Text {
            text: " Kø ved vandhanen ".into(),
        };
        assert_eq!(
            recap(&prompt, Some(&a), &Default::default(), Lang::Da),
            Recap::Text("Kø ved vandhanen".into())
        );
        let choice = step(json!({"type": "choice", "id": "c", "question": "q",
            "options": [{"da": "Ja", "en": "Yes"}, "Nej"]}));
        let a = Answer::Choice {
            selected: [0].into(),
        };
        assert_eq!(
            recap(&choice, Some(&a), &Default::default(), Lang::En),
            Recap::List(vec!["Yes".into()])
        );
        let mut p = Progress::default();
        let l = WorkRef::lesson("x");
        for (n, t) in ["is", "sol"].iter().enumerate() {
            let idea = Idea {
                text: t.to_string(),
                order: n as i64,
            };
            p.put_record(&l, "b", RecordId::from_random(n as u64), Some(idea), 1);
        }
        let brainstorm = step(json!({"type": "brainstorm", "id": "b", "question": "q"}));
        assert_eq!(
            recap(
                &brainstorm,
                p.answer(&l, "b"),
                &Default::default(),
                Lang::Da
            ),
            Recap::List(vec!["is".into(), "sol".into()])
        );
    }

    #[test]
    fn empty_or_mismatched_answers_are_empty() {
        let prompt = step(json!({"type": "prompt", "id": "p", "question": "q"}));
        let blank = Answer::Text { text: "  ".into() };
        assert_eq!(
            recap(&prompt, Some(&blank), &Default::default(), Lang::Da),
            Recap::Empty
        );
        assert_eq!(
            recap(&prompt, None, &Default::default(), Lang::Da),
            Recap::Empty
        );
        let choice =
            step(json!({"type": "choice", "id": "c", "question": "q", "options": ["a", "b"]}));
        let wrong = Answer::Checklist {
            checked: [0].into(),
        };
        assert_eq!(
            recap(&choice, Some(&wrong), &Default::default(), Lang::Da),
            Recap::Empty
        );
    }

    #[test]
    fn pitch_sections_are_labelled_and_empty_ones_left_out() {
        let pitch = step(json!({"type": "pitch", "id": "p", "seconds": 60,
            "sections": ["Problem", "Løsning", "Spørgsmål"]}));
        let a = Answer::Pitch {
            sections: vec!["Tørst".into(), "".into(), "Hjælp os".into()],
            rehearsals: 1,
        };
        assert_eq!(
            recap(&pitch, Some(&a), &Default::default(), Lang::Da),
            Recap::Labelled(vec![
                ("Problem".into(), "Tørst".into()),
                ("Spørgsmål".into(), "Hjælp os".into())
            ])
        );
    }

    #[test]
    fn a_canvas_reads_as_its_notes_by_block_with_their_photos_when_it_has_any() {
        use crate::core::progress::{Note, Records};
        let canvas = step(json!({"type": "canvas", "id": "c", "canvas": "lean"}));
        let photo = |n: u64| Clip {
            id: format!("m{n:016x}"),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes: 1000,
            width: 10,
            height: 10,
            ms: 0,
            at: n as i64,
        };
        let note = |block: &str, text: &str, photo: Option<Clip>| Note {
            block: block.into(),
            text: text.into(),
            photo,
            ..Default::default()
        };
        let mut notes = Records::default();
        notes.put(
            RecordId::from_random(1),
            Some(note("problem", "Kø", None)),
            1,
        );
        let words = Answer::Canvas {
            notes: notes.clone(),
        };
        assert_eq!(
            recap(&canvas, Some(&words), &Default::default(), Lang::Da),
            Recap::Labelled(vec![("problem".into(), "Kø".into())]),
            "no photos: labelled parts, as before"
        );
        // A note may be only its photo; the photos come in the order they were taken.
        notes.put(
            RecordId::from_random(2),
            Some(note("idea", "", Some(photo(9)))),
            2,
        );
        notes.put(
            RecordId::from_random(3),
            Some(note("idea", "Model", Some(photo(4)))),
            3,
        );
        let with = Answer::Canvas { notes };
        assert_eq!(
            recap(&canvas, Some(&with), &Default::default(), Lang::Da),
            Recap::Notes {
                parts: vec![
                    ("idea".into(), "Model".into()),
                    ("problem".into(), "Kø".into())
                ],
                photos: vec![photo(4), photo(9)],
                summary: "2 fotos".into(),
            }
        );
        let recapped = recap(&canvas, Some(&with), &Default::default(), Lang::Da);
        assert_eq!(
            recapped.photos(),
            [photo(4), photo(9)],
            "for the views with pictures"
        );
        assert!(recapped.recordings().is_empty());
        let words_only = recap(&canvas, Some(&words), &Default::default(), Lang::Da);
        assert!(words_only.photos().is_empty());
        let mut only = Records::default();
        only.put(
            RecordId::from_random(5),
            Some(note("idea", " ", Some(photo(1)))),
            1,
        );
        match recap(
            &canvas,
            Some(&Answer::Canvas { notes: only }),
            &Default::default(),
            Lang::En,
        ) {
            Recap::Notes {
                parts,
                photos,
                summary,
            } => {
                assert!(parts.is_empty());
                assert_eq!(photos, vec![photo(1)]);
                assert_eq!(summary, "1 photo");
            }
            other => panic!("a photo-only canvas is not empty: {other:?}"),
        }
    }
}
