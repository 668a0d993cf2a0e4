//! The competition entry: a one-page summary built from the answers the challenge's `entry`
//! lists (or, for a challenge without one, its written answers and pitch), with the team,
//! the chosen idea, every part editable before the entry is made final, and the team's
//! self-assessment against the judges' criteria. Warnings name empty and thin parts. Exports
//! as JSON and Markdown.

use super::funnel::chosen_idea;
use super::{iso_date, members, team_name, CRITERIA_KEY, ENTRY_PROP_PREFIX, PROP_ENTRY_FINAL};
use crate::core::content::{CanvasTemplate, Challenge, Step};
use crate::core::i18n::{fill, t, Key};
use crate::core::media::backup::photos_in;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Millis, Work};
use crate::core::recap::{parts_text, recap, Recap, RecapContext};
use crate::core::text::{slug, Lang};
use serde::Serialize;

/// The scale of the self-assessment.
pub const ENTRY_SCALE: u8 = 4;
/// A part with fewer words is thin.
pub const THIN_WORDS: usize = 12;
/// A part longer than this is printed small on the poster.
pub const LONG_CHARS: usize = 700;
pub const ENTRY_FORMAT: &str = "spire-entry";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub challenge_id: String,
    pub challenge: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub team: String,
    pub members: Vec<String>,
    /// The idea the team chose (or the one leading the vote).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idea: Option<String>,
    pub sections: Vec<EntrySection>,
    pub criteria: Vec<Assessment>,
    /// The project's photos, at most [`ENTRY_PHOTOS`], in the challenge's order: pictures
    /// on the poster; in the JSON, references to the photos a project file carries (by id);
    /// in the Markdown, a line each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<EntryPhoto>,
    /// When the team made the entry final.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_at: Option<Millis>,
    pub lang: Lang,
}

/// One part of the entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntrySection {
    /// The step the text comes from.
    pub step: String,
    pub title: String,
    pub text: String,
    /// True when the team rewrote it for the entry (else it is their answer).
    pub edited: bool,
}

/// A photo of the project on the entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryPhoto {
    /// The step the photo answers.
    pub step: String,
    /// That step's title or question.
    pub title: String,
    /// Its number among the step's photos, and how many the step has.
    pub n: usize,
    pub of: usize,
    /// The photo's id in the project file's `media` and on the device.
    pub id: String,
    pub mime: String,
    #[serde(skip_serializing_if = "is_zero")]
    pub width: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub height: u32,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl EntryPhoto {
    /// The text alternative: "Foto 1 af 3 til: Fotos af prototypen".
    pub fn alt(&self, lang: Lang) -> String {
        photo_alt(lang, self.n, self.of, &self.title)
    }
}

/// "Foto 1 af 3 til: <question>", the text alternative of a photo wherever it is shown.
pub fn photo_alt(lang: Lang, n: usize, of: usize, question: &str) -> String {
    fill(
        t(lang, Key::PhotoAlt),
        &[
            ("n", &n.to_string()),
            ("m", &of.to_string()),
            ("question", question),
        ],
    )
}

/// The most photos a poster shows (it is one page); the project book shows them all.
pub const ENTRY_PHOTOS: usize = 4;

/// The project's photos in the challenge's order, each with its step and number.
pub fn project_photos(challenge: &Challenge, work: Option<&Work>, lang: Lang) -> Vec<EntryPhoto> {
    let Some(work) = work else {
        return vec![];
    };
    challenge
        .steps()
        .filter_map(|s| s.ready())
        .filter_map(|s| {
            let photos = photos_in(work.answer(s.id().as_str())?);
            let title = s
                .label()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_else(|| s.id().to_string());
            let of = photos.len();
            let step = s.id().to_string();
            Some(
                photos
                    .into_iter()
                    .enumerate()
                    .map(move |(i, c)| EntryPhoto {
                        step: step.clone(),
                        title: title.clone(),
                        n: i + 1,
                        of,
                        id: c.id,
                        mime: c.mime,
                        width: c.width,
                        height: c.height,
                    }),
            )
        })
        .flatten()
        .collect()
}

/// The team's own assessment on one of the judges' criteria.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub id: String,
    pub title: String,
    /// What the judges look for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub looks_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    pub scale: u8,
    pub comment: String,
}

/// The steps whose answers make up the entry, with their titles: the challenge's `entry`,
/// else (a challenge written without one) every prompt and pitch, in order.
pub fn entry_sources(challenge: &Challenge, lang: Lang) -> Vec<(String, String)> {
    if !challenge.entry.is_empty() {
        return challenge
            .entry
            .iter()
            .map(|e| (e.from.to_string(), e.title.get(lang).to_string()))
            .collect();
    }
    challenge
        .steps()
        .filter_map(|s| s.ready())
        .filter(|s| matches!(s, Step::Prompt(_) | Step::Pitch(_)))
        .map(|s| {
            let title = s.label().map(|t| t.get(lang).to_string());
            (
                s.id().to_string(),
                title.unwrap_or_else(|| s.id().to_string()),
            )
        })
        .collect()
}

/// A recap as plain text: lists as bullet lines, labelled parts as `label: value` lines.
pub fn recap_text(r: &Recap) -> String {
    match r {
        Recap::Text(t) => t.clone(),
        Recap::List(items) => items
            .iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Recap::Labelled(parts) => parts_text(parts, "\n"),
        // The notes' words, then what else there is ("2 fotos"), as for other media.
        Recap::Notes { parts, summary, .. } => [parts_text(parts, "\n"), summary.clone()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        // The entry is text: the pupil's words, then what else there is ("En tegning").
        Recap::Media { summary, text, .. } => [text.as_str(), summary.as_str()]
            .iter()
            .filter(|s| !s.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n"),
        Recap::Empty => String::new(),
    }
}

/// The readable answer of step `step` in `work` (votes read their brainstorm's ideas; a
/// canvas needs its template from `canvas`).
pub fn answer_text(
    challenge: &Challenge,
    work: Option<&Work>,
    step: &str,
    canvas: &dyn Fn(&str) -> Option<CanvasTemplate>,
    lang: Lang,
) -> String {
    let Some(s) = challenge.step(step) else {
        return String::new();
    };
    recap_text(&recap_of(s, work, canvas, lang))
}

/// Any step's answer in a work, made readable.
pub fn recap_of(
    step: &Step,
    work: Option<&Work>,
    canvas: &dyn Fn(&str) -> Option<CanvasTemplate>,
    lang: Lang,
) -> Recap {
    let answer = work.and_then(|w| w.answer(step.id().as_str()));
    let template = match step {
        Step::Canvas(c) => canvas(c.canvas.as_str()),
        _ => None,
    };
    let ideas = match step {
        Step::Vote(v) => ideas_in_order(work.and_then(|w| w.answer(v.from.as_str()))),
        _ => vec![],
    };
    let ctx = RecapContext {
        ideas,
        canvas: template.as_ref(),
    };
    recap(step, answer, &ctx, lang)
}

/// Builds the entry from the project's work.
pub fn build_entry(
    challenge: &Challenge,
    work: Option<&Work>,
    canvas: &dyn Fn(&str) -> Option<CanvasTemplate>,
    lang: Lang,
) -> Entry {
    let sections = entry_sources(challenge, lang)
        .into_iter()
        .map(|(step, title)| {
            let own = work
                .and_then(|w| w.prop(&format!("{ENTRY_PROP_PREFIX}{step}")))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from);
            let edited = own.is_some();
            let text = own.unwrap_or_else(|| answer_text(challenge, work, &step, canvas, lang));
            EntrySection {
                step,
                title,
                text,
                edited,
            }
        })
        .collect();
    let ratings = match work.and_then(|w| w.answer(CRITERIA_KEY)) {
        Some(Answer::Rubric { ratings }) => ratings.clone(),
        _ => Default::default(),
    };
    let criteria = challenge
        .criteria
        .iter()
        .map(|c| {
            let rating = ratings.get(c.id.as_str());
            Assessment {
                id: c.id.to_string(),
                title: c.title.get(lang).to_string(),
                looks_for: c.description.as_ref().map(|d| d.get(lang).to_string()),
                score: rating
                    .and_then(|r| r.score)
                    .map(|s| s.clamp(1, ENTRY_SCALE)),
                scale: ENTRY_SCALE,
                comment: rating
                    .map(|r| r.comment.trim().to_string())
                    .unwrap_or_default(),
            }
        })
        .collect();
    Entry {
        challenge_id: challenge.id.to_string(),
        challenge: challenge.title.get(lang).to_string(),
        host: challenge
            .host
            .as_ref()
            .map(|h| h.name.get(lang).to_string()),
        theme: challenge.theme.as_ref().map(|t| t.get(lang).to_string()),
        team: team_name(work),
        members: members(work),
        idea: chosen_idea(challenge, work).text().map(String::from),
        sections,
        criteria,
        photos: {
            let mut photos = project_photos(challenge, work, lang);
            photos.truncate(ENTRY_PHOTOS);
            photos
        },
        final_at: work
            .and_then(|w| w.prop(PROP_ENTRY_FINAL))
            .and_then(|v| v.parse().ok()),
        lang,
    }
}

/// Something the team should look at before the entry is final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryWarning {
    NoTeamName,
    NoMembers,
    NoIdea,
    /// A part with no text (`step`, `title`).
    Empty {
        step: String,
        title: String,
    },
    /// A part with fewer than [`THIN_WORDS`] words.
    Thin {
        step: String,
        title: String,
        words: usize,
    },
    /// A part so long that the poster prints it small.
    Long {
        step: String,
        title: String,
    },
    /// A criterion the team has not assessed itself on.
    NotAssessed {
        title: String,
    },
}

impl EntryWarning {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EntryWarning::NoTeamName => t(lang, Key::EntryWarnNoTeam).to_string(),
            EntryWarning::NoMembers => t(lang, Key::EntryWarnNoMembers).to_string(),
            EntryWarning::NoIdea => t(lang, Key::EntryWarnNoIdea).to_string(),
            EntryWarning::Empty { title, .. } => {
                fill(t(lang, Key::EntryWarnEmpty), &[("part", title)])
            }
            EntryWarning::Thin { title, words, .. } => fill(
                t(lang, Key::EntryWarnThin),
                &[("part", title), ("n", &words.to_string())],
            ),
            EntryWarning::Long { title, .. } => {
                fill(t(lang, Key::EntryWarnLong), &[("part", title)])
            }
            EntryWarning::NotAssessed { title } => {
                fill(t(lang, Key::EntryWarnNotAssessed), &[("criterion", title)])
            }
        }
    }

    /// The entry part the warning is about.
    pub fn step(&self) -> Option<&str> {
        match self {
            EntryWarning::Empty { step, .. }
            | EntryWarning::Thin { step, .. }
            | EntryWarning::Long { step, .. } => Some(step),
            _ => None,
        }
    }
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

pub fn warnings(entry: &Entry) -> Vec<EntryWarning> {
    let mut out = Vec::new();
    if entry.team.trim().is_empty() {
        out.push(EntryWarning::NoTeamName);
    }
    if entry.members.is_empty() {
        out.push(EntryWarning::NoMembers);
    }
    if entry.idea.as_deref().is_none_or(|i| i.trim().is_empty()) {
        out.push(EntryWarning::NoIdea);
    }
    for s in &entry.sections {
        let (step, title) = (s.step.clone(), s.title.clone());
        let words = word_count(&s.text);
        if words == 0 {
            out.push(EntryWarning::Empty { step, title });
        } else if words < THIN_WORDS {
            out.push(EntryWarning::Thin { step, title, words });
        } else if s.text.chars().count() > LONG_CHARS {
            out.push(EntryWarning::Long { step, title });
        }
    }
    for c in &entry.criteria {
        if c.score.is_none() {
            out.push(EntryWarning::NotAssessed {
                title: c.title.clone(),
            });
        }
    }
    out
}

/// Pupils' text in Markdown: kept as written, but never read as HTML or as a heading.
fn md_text(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            if line.trim_start().starts_with('#') {
                format!("\\{}", line.trim_start())
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

/// The entry as a Markdown document.
pub fn to_markdown(entry: &Entry) -> String {
    let lang = entry.lang;
    let l = |k| t(lang, k);
    let mut out = format!("# {}\n\n", md_text(&entry.challenge));
    let mut facts = vec![
        format!("**{}:** {}", l(Key::EntryTeam), md_text(&entry.team)),
        format!(
            "**{}:** {}",
            l(Key::EntryMembers),
            md_text(&entry.members.join(", "))
        ),
    ];
    if let Some(h) = &entry.host {
        facts.push(format!("**{}:** {}", l(Key::ChallengeHost), md_text(h)));
    }
    if let Some(th) = &entry.theme {
        facts.push(format!("**{}:** {}", l(Key::ChallengeTheme), md_text(th)));
    }
    if let Some(at) = entry.final_at {
        facts.push(format!("**{}:** {}", l(Key::EntryFinalOn), iso_date(at)));
    }
    out.push_str(&facts.join("  \n"));
    out.push_str("\n\n");
    if let Some(idea) = &entry.idea {
        out.push_str(&format!("## {}\n\n{}\n\n", l(Key::OurIdea), md_text(idea)));
    }
    for s in &entry.sections {
        out.push_str(&format!("## {}\n\n", md_text(&s.title)));
        if s.text.trim().is_empty() {
            out.push_str(&format!("*{}*\n\n", l(Key::EntryNothingYet)));
        } else {
            out.push_str(&format!("{}\n\n", md_text(&s.text)));
        }
    }
    if !entry.photos.is_empty() {
        // The pictures are not in a text file: say so, and where they are.
        out.push_str(&format!(
            "## {}\n\n*{}*\n\n",
            l(Key::EntryPhotos),
            l(Key::EntryPhotosNote)
        ));
        for p in &entry.photos {
            out.push_str(&format!("- {}\n", md_text(&p.alt(lang))));
        }
        out.push('\n');
    }
    if !entry.criteria.is_empty() {
        out.push_str(&format!("## {}\n\n", l(Key::EntrySelfAssessment)));
        for c in &entry.criteria {
            let score = c
                .score
                .map(|s| format!("{s}/{}", c.scale))
                .unwrap_or_else(|| "–".into());
            out.push_str(&format!("- **{}:** {score}", md_text(&c.title)));
            if !c.comment.is_empty() {
                out.push_str(&format!(" – {}", md_text(&c.comment).replace("  \n", " ")));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct EntryEnvelope<'a> {
    format: &'static str,
    version: u32,
    exported_at: Millis,
    app_version: &'a str,
    entry: &'a Entry,
}

/// The entry as a JSON file.
pub fn to_json(entry: &Entry, now: Millis, app_version: &str) -> String {
    serde_json::to_string_pretty(&EntryEnvelope {
        format: ENTRY_FORMAT,
        version: 1,
        exported_at: now,
        app_version,
        entry,
    })
    .unwrap_or_default()
}

/// A file name for the entry: `spire-entry-<team>.<ext>`.
pub fn file_name(entry: &Entry, ext: &str) -> String {
    let team = slug(&entry.team);
    if team.is_empty() {
        format!("spire-entry.{ext}")
    } else {
        format!("spire-entry-{team}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{challenge, text};
    use super::super::{start_project, ChallengeSource, PROP_IDEA};
    use super::*;
    use crate::core::progress::{Progress, Rating, WorkRef};

    fn no_canvas(_: &str) -> Option<CanvasTemplate> {
        None
    }

    fn team() -> (Progress, WorkRef) {
        let mut p = Progress::default();
        let r = WorkRef::project("p1");
        let members = ["Ida".to_string(), "Omar".to_string()];
        start_project(
            &mut p,
            &r,
            &ChallengeSource::Content("by".into()),
            "Lynet",
            &members,
            1,
        );
        (p, r)
    }

    const LONG_ENOUGH: &str =
        "Bilerne kører for stærkt forbi skolen om morgenen, og mange børn tør ikke cykle selv.";

    #[test]
    fn the_entry_is_built_from_the_answers_the_challenge_lists() {
        let c = challenge();
        let (mut p, r) = team();
        p.set_answer(&r, "problem", text(LONG_ENOUGH), 2);
        p.set_answer(
            &r,
            "pitch",
            Answer::Pitch {
                sections: vec!["Farlig vej".into(), "".into(), "Hjælp os".into()],
                rehearsals: 2,
            },
            3,
        );
        p.set_prop(&r, PROP_IDEA, "Blinkende fodgængerfelt", 4);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        assert_eq!(e.team, "Lynet");
        assert_eq!(e.members, ["Ida", "Omar"]);
        assert_eq!(e.challenge, "Vores by");
        assert_eq!(e.host.as_deref(), Some("Kommunen (fiktiv)"));
        assert_eq!(e.idea.as_deref(), Some("Blinkende fodgængerfelt"));
        let parts: Vec<(&str, &str)> = e
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            parts,
            [
                ("Problemet", LONG_ENOUGH),
                ("Prototypen", ""),
                ("Pitch", "Problem: Farlig vej\nSpørgsmål: Hjælp os"),
            ]
        );
        let en = build_entry(&c, p.work(&r), &no_canvas, Lang::En);
        assert_eq!(en.sections[0].title, "The problem");
        assert_eq!(en.criteria[0].looks_for.as_deref(), Some("Is it new?"));
    }

    #[test]
    fn the_projects_photos_are_on_the_entry_and_named_in_its_exports() {
        use crate::core::media::Clip;
        let c = challenge();
        let (mut p, r) = team();
        let photo = |i: u64| Clip {
            id: format!("m{i:016x}"),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes: 10,
            width: 160,
            height: 120,
            at: i as i64,
            ..Clip::default()
        };
        let media = |clips| Answer::Media {
            text: LONG_ENOUGH.into(),
            strokes: vec![],
            clips,
        };
        p.set_answer(&r, "problem", media(vec![photo(1)]), 2);
        p.set_answer(&r, "prototype", media((2..=6).map(photo).collect()), 2);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        // At most four on the one-page poster, in the challenge's order.
        let names: Vec<String> = e.photos.iter().map(|p| p.alt(Lang::Da)).collect();
        assert_eq!(
            names,
            [
                "Foto 1 af 1 til: Hvilket problem?",
                "Foto 1 af 5 til: Prototypen?",
                "Foto 2 af 5 til: Prototypen?",
                "Foto 3 af 5 til: Prototypen?",
            ]
        );
        assert_eq!(project_photos(&c, p.work(&r), Lang::Da).len(), 6);
        // The Markdown says the pictures are not in it, and names each.
        let md = to_markdown(&e);
        assert!(md.contains("## Fotos"), "{md}");
        assert!(md.contains(t(Lang::Da, Key::EntryPhotosNote)), "{md}");
        assert!(md.contains("- Foto 2 af 5 til: Prototypen?"), "{md}");
        // The JSON refers to them by the ids a project file carries them under.
        let json: serde_json::Value = serde_json::from_str(&to_json(&e, 1, "t")).unwrap();
        let photos = json["entry"]["photos"].as_array().unwrap();
        assert_eq!(photos.len(), 4);
        assert_eq!(photos[1]["id"], "m0000000000000002");
        assert_eq!(photos[1]["width"], 160);
        // No photos: no section, no field.
        let (q, r2) = team();
        let plain = build_entry(&c, q.work(&r2), &no_canvas, Lang::En);
        assert!(!to_markdown(&plain).contains("Photos"));
        assert!(!to_json(&plain, 1, "t").contains("photos"));
    }

    #[test]
    fn edits_for_the_entry_replace_the_answer_until_cleared() {
        let c = challenge();
        let (mut p, r) = team();
        p.set_answer(&r, "problem", text("Trafik"), 2);
        p.set_prop(&r, "entry:problem", "Trafikken ved skolen er farlig", 3);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        assert_eq!(e.sections[0].text, "Trafikken ved skolen er farlig");
        assert!(e.sections[0].edited);
        p.set_prop(&r, "entry:problem", "  ", 4);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        assert_eq!(
            (e.sections[0].text.as_str(), e.sections[0].edited),
            ("Trafik", false)
        );
    }

    #[test]
    fn warnings_name_empty_thin_and_long_parts_and_missing_assessments() {
        let c = challenge();
        let (mut p, r) = team();
        p.set_answer(&r, "problem", text("Trafik ved skolen"), 2);
        p.set_answer(
            &r,
            "prototype",
            text(&"Vi byggede en model af pap. ".repeat(40)),
            2,
        );
        let mut ratings = std::collections::BTreeMap::new();
        ratings.insert(
            "idea".to_string(),
            Rating {
                score: Some(3),
                comment: "Ny".into(),
            },
        );
        p.set_answer(&r, CRITERIA_KEY, Answer::Rubric { ratings }, 3);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        let w = warnings(&e);
        assert_eq!(
            w,
            [
                EntryWarning::NoIdea,
                EntryWarning::Thin {
                    step: "problem".into(),
                    title: "Problemet".into(),
                    words: 3
                },
                EntryWarning::Long {
                    step: "prototype".into(),
                    title: "Prototypen".into()
                },
                EntryWarning::Empty {
                    step: "pitch".into(),
                    title: "Pitch".into()
                },
                EntryWarning::NotAssessed {
                    title: "Pitch".into()
                },
            ]
        );
        assert_eq!(
            w[1].message(Lang::Da),
            "„Problemet“ er tynd: kun 3 ord. Dommerne vil gerne vide mere."
        );
        for warning in &w {
            for lang in Lang::ALL {
                assert!(!warning.message(lang).contains('{'), "{warning:?}");
            }
        }
        let empty = build_entry(&c, None, &no_canvas, Lang::En);
        let w = warnings(&empty);
        assert!(w.contains(&EntryWarning::NoTeamName) && w.contains(&EntryWarning::NoMembers));
        assert_eq!(word_count("  – ... ! "), 0);
    }

    #[test]
    fn markdown_keeps_pupils_text_as_text() {
        let c = challenge();
        let (mut p, r) = team();
        p.set_answer(
            &r,
            "problem",
            text("# Ikke en overskrift\n<script>alert(1)</script> & mere"),
            2,
        );
        p.set_prop(&r, PROP_IDEA, "Bænke", 3);
        p.set_prop(&r, PROP_ENTRY_FINAL, "86400000", 4);
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::Da);
        let md = to_markdown(&e);
        let want = "# Vores by\n\n\
            **Hold:** Lynet  \n**Deltagere:** Ida, Omar  \n**Stillet af:** Kommunen (fiktiv)  \n\
            **Tema:** Vores by i fremtiden  \n**Endelig:** 1970-01-02\n\n\
            ## Vores idé\n\nBænke\n\n\
            ## Problemet\n\n\\# Ikke en overskrift  \n&lt;script&gt;alert(1)&lt;/script&gt; &amp; mere\n\n\
            ## Prototypen\n\n*Ikke skrevet endnu*\n\n\
            ## Pitch\n\n*Ikke skrevet endnu*\n\n\
            ## Selvevaluering\n\n- **Idé:** –\n- **Pitch:** –\n\n";
        assert_eq!(md, want);
        assert_eq!(file_name(&e, "md"), "spire-entry-lynet.md");
    }

    #[test]
    fn json_export_carries_the_whole_entry() {
        let c = challenge();
        let (p, r) = team();
        let e = build_entry(&c, p.work(&r), &no_canvas, Lang::En);
        let v: serde_json::Value = serde_json::from_str(&to_json(&e, 5, "0.1.0")).unwrap();
        assert_eq!(v["format"], ENTRY_FORMAT);
        assert_eq!(v["entry"]["team"], "Lynet");
        assert_eq!(v["entry"]["sections"].as_array().unwrap().len(), 3);
        assert_eq!(v["entry"]["criteria"][0]["scale"], 4);
        assert_eq!(v["entry"]["lang"], "en");
    }

    #[test]
    fn a_challenge_without_an_entry_list_uses_its_written_answers() {
        let mut c = challenge();
        c.entry.clear();
        let steps: Vec<String> = entry_sources(&c, Lang::Da)
            .into_iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(steps, ["problem", "ide", "prototype", "pitch"]);
    }
}
