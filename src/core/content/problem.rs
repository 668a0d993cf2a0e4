//! Problems found in content, each with where it stands and a message in both languages.

use super::index::ContentKind;
use super::step::StepError;
use crate::core::text::Lang;
use std::fmt;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub type JsonPath = Vec<Seg>;

/// Builds a path: `path!["steps", 2, "from"]`.
#[macro_export]
macro_rules! json_path {
    ($($seg:expr),* $(,)?) => {
        vec![$($crate::core::content::problem::Seg::from($seg)),*]
    };
}

impl From<&str> for Seg {
    fn from(s: &str) -> Seg {
        Seg::Key(s.to_string())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Seg {
        Seg::Index(i)
    }
}

/// Renders a path as `steps[2].from` for messages.
pub fn path_to_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: JsonPath,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// Bad JSON or a value of the wrong shape, with serde's own position.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file could not be fetched or read.
    Unreadable(String),
    IdNotFileName {
        id: String,
        expected: String,
    },
    BrokenStep(StepError),
    NoLevels,
    NoSteps,
    NoPhases,
    NoOptions,
    DuplicateId {
        what: &'static str,
        id: String,
    },
    MissingReference {
        kind: ContentKind,
        id: String,
    },
    VoteSourceMissing(String),
    VoteSourceNotBrainstorm(String),
    CorrectOutOfRange {
        index: usize,
        options: usize,
    },
    SeveralCorrectInSingleChoice,
    EmptyGrid,
    BlockOutsideGrid {
        block: String,
        columns: u32,
        rows: u32,
    },
    BlocksOverlap {
        block: String,
        other: String,
    },
    EntrySourceMissing(String),
    NotInIndex(String),
    ListedButMissing(String),
    /// An `image` or `portrait` path that names no file inside the content folder.
    MissingMedia(String),
    /// A media path to a file that is not an SVG, PNG or WebP picture.
    NotAPicture(String),
    /// A `recall` names both a lesson and a challenge.
    RecallTwoSources,
    /// A `recall` names a step that its lesson or challenge does not have (`None`: this file).
    RecallStepMissing {
        file: Option<String>,
        step: String,
    },
    /// A summary in index.json made before its file (named here) was last edited.
    SummaryStale(String),
    /// A summary field that differs from the file although the hash matches.
    SummaryDiffers {
        file: String,
        field: String,
    },
    /// A summary for an id that the lists of index.json do not name.
    SummaryNotListed {
        kind: ContentKind,
        id: String,
    },
    /// A summary entry that cannot be read (the app fetches that file instead).
    SummaryUnreadable(String),
    /// A number outside what the step allows (`max` of a photo step, `max_seconds` of a
    /// voice step), with the allowed range.
    OutOfRange {
        field: &'static str,
        value: u32,
        min: u32,
        max: u32,
    },
    /// A prompt's `answer_with` that is empty or names a way twice.
    AnswerWithBad,
    /// A course without weeks (content v1.1).
    NoWeeks,
    /// A week of a course without items.
    EmptyWeek,
    /// A link that must be `https://` is not (local offers).
    LinkNotHttps(String),
    /// A phase's `minutes` is 0 (v1.1).
    ZeroMinutes,
}

fn kind_name(kind: ContentKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ContentKind::Lesson, Lang::Da) => "lektion",
        (ContentKind::Lesson, Lang::En) => "lesson",
        (ContentKind::Canvas, Lang::Da) => "lærred",
        (ContentKind::Canvas, Lang::En) => "canvas",
        (ContentKind::Challenge, Lang::Da) => "udfordring",
        (ContentKind::Challenge, Lang::En) => "challenge",
        (ContentKind::RoleModel, Lang::Da) => "rollemodel",
        (ContentKind::RoleModel, Lang::En) => "role model",
        (ContentKind::Course, Lang::Da) => "forløbsplan",
        (ContentKind::Course, Lang::En) => "course",
    }
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let da = lang == Lang::Da;
        match self {
            Json { message, .. } => message.clone(),
            Unreadable(m) if da => format!("filen kunne ikke læses: {m}"),
            Unreadable(m) => format!("the file could not be read: {m}"),
            IdNotFileName { id, expected } if da => {
                format!("id `{id}` skal være det samme som filnavnet: `{expected}`")
            }
            IdNotFileName { id, expected } => {
                format!("id `{id}` must equal the file name: `{expected}`")
            }
            BrokenStep(e) if da => format!("trinnet kan ikke vises: {}", e.message()),
            BrokenStep(e) => format!("the step cannot be shown: {}", e.message()),
            NoLevels if da => "`levels` skal have mindst ét niveau".into(),
            NoLevels => "`levels` needs at least one level".into(),
            NoSteps if da => "`steps` skal have mindst ét trin".into(),
            NoSteps => "`steps` needs at least one step".into(),
            NoPhases if da => "`phases` skal have mindst én fase".into(),
            NoPhases => "`phases` needs at least one phase".into(),
            NoOptions if da => "`options` skal have mindst to svarmuligheder".into(),
            NoOptions => "`options` needs at least two options".into(),
            DuplicateId { what, id } if da => format!("{what}-id `{id}` er brugt to gange"),
            DuplicateId { what, id } => format!("{what} id `{id}` is used twice"),
            MissingReference { kind, id } if da => format!(
                "der findes ingen {} med id `{id}` i index.json",
                kind_name(*kind, lang)
            ),
            MissingReference { kind, id } => format!(
                "there is no {} with id `{id}` in index.json",
                kind_name(*kind, lang)
            ),
            VoteSourceMissing(id) if da => format!("`from`: der er intet trin med id `{id}`"),
            VoteSourceMissing(id) => format!("`from`: there is no step with id `{id}`"),
            VoteSourceNotBrainstorm(id) if da => {
                format!("`from`: trinnet `{id}` er ikke et brainstorm-trin")
            }
            VoteSourceNotBrainstorm(id) => format!("`from`: step `{id}` is not a brainstorm step"),
            CorrectOutOfRange { index, options } if da => format!(
                "`correct` peger på svarmulighed {index}, men der er kun {options} (tælles fra 0)"
            ),
            CorrectOutOfRange { index, options } => format!(
                "`correct` points at option {index}, but there are only {options} (counted from 0)"
            ),
            SeveralCorrectInSingleChoice if da => {
                "flere rigtige svar kræver `\"multiple\": true`".into()
            }
            SeveralCorrectInSingleChoice => {
                "several correct answers need `\"multiple\": true`".into()
            }
            EmptyGrid if da => "`columns` og `rows` skal være mindst 1".into(),
            EmptyGrid => "`columns` and `rows` must be at least 1".into(),
            BlockOutsideGrid {
                block,
                columns,
                rows,
            } if da => {
                format!("feltet `{block}` ligger uden for gitteret på {columns} × {rows}")
            }
            BlockOutsideGrid {
                block,
                columns,
                rows,
            } => {
                format!("block `{block}` lies outside the {columns} × {rows} grid")
            }
            BlocksOverlap { block, other } if da => {
                format!("feltet `{block}` overlapper feltet `{other}`")
            }
            BlocksOverlap { block, other } => format!("block `{block}` overlaps block `{other}`"),
            EntrySourceMissing(id) if da => {
                format!("`from`: udfordringen har intet trin med id `{id}`")
            }
            EntrySourceMissing(id) => format!("`from`: the challenge has no step with id `{id}`"),
            NotInIndex(f) if da => format!("filen `{f}` står ikke i index.json"),
            NotInIndex(f) => format!("the file `{f}` is not listed in index.json"),
            ListedButMissing(f) if da => format!("index.json nævner `{f}`, men filen findes ikke"),
            ListedButMissing(f) => format!("index.json lists `{f}`, but the file does not exist"),
            MissingMedia(f) if da => format!("`{f}` er ikke en fil i indholdsmappen"),
            MissingMedia(f) => format!("`{f}` is not a file in the content folder"),
            NotAPicture(f) if da => format!(
                "`{f}` er ikke et billede, appen kan vise: brug en .svg-, .png- eller .webp-fil"
            ),
            NotAPicture(f) => {
                format!("`{f}` is not a picture the app can show: use an .svg, .png or .webp file")
            }
            RecallTwoSources if da => {
                "`recall` kan nævne en lektion eller en udfordring, ikke begge".into()
            }
            RecallTwoSources => "`recall` can name a lesson or a challenge, not both".into(),
            RecallStepMissing { file: None, step } if da => {
                format!("`recall`: der er intet trin med id `{step}` i denne fil")
            }
            RecallStepMissing { file: None, step } => {
                format!("`recall`: there is no step with id `{step}` in this file")
            }
            RecallStepMissing {
                file: Some(f),
                step,
            } if da => format!("`recall`: `{f}` har intet trin med id `{step}`"),
            RecallStepMissing {
                file: Some(f),
                step,
            } => format!("`recall`: `{f}` has no step with id `{step}`"),
            SummaryStale(f) if da => format!(
                "sammendraget af `{f}` er forældet (filen er ændret, siden det blev lavet); \
                 kør `spire-content index`"
            ),
            SummaryStale(f) => format!(
                "the summary of `{f}` is stale (the file has changed since it was made); \
                 run `spire-content index`"
            ),
            SummaryDiffers { file, field } if da => format!(
                "`{field}` i sammendraget passer ikke med `{file}`; kør `spire-content index`"
            ),
            SummaryDiffers { file, field } => {
                format!("`{field}` in the summary differs from `{file}`; run `spire-content index`")
            }
            SummaryNotListed { kind, id } if da => format!(
                "der er et sammendrag af {} `{id}`, som ikke står i listen `{}`",
                kind_name(*kind, lang),
                kind.index_key()
            ),
            SummaryNotListed { kind, id } => format!(
                "there is a summary of {} `{id}`, which the list `{}` does not name",
                kind_name(*kind, lang),
                kind.index_key()
            ),
            SummaryUnreadable(m) if da => {
                format!("sammendraget kan ikke læses: {m}; kør `spire-content index`")
            }
            SummaryUnreadable(m) => {
                format!("the summary cannot be read: {m}; run `spire-content index`")
            }
            OutOfRange {
                field,
                value,
                min,
                max,
            } if da => format!("`{field}` er {value}, men skal være fra {min} til {max}"),
            OutOfRange {
                field,
                value,
                min,
                max,
            } => format!("`{field}` is {value}, but must be from {min} to {max}"),
            AnswerWithBad if da => {
                "`answer_with` skal nævne mindst én svarform og hver kun én gang".into()
            }
            AnswerWithBad => "`answer_with` must name at least one way and each only once".into(),
            NoWeeks if da => "`weeks` skal have mindst én uge".into(),
            NoWeeks => "`weeks` needs at least one week".into(),
            EmptyWeek if da => {
                "`items`: en uge skal have mindst én lektion eller udfordring".into()
            }
            EmptyWeek => "`items`: a week needs at least one lesson or challenge".into(),
            LinkNotHttps(l) if da => {
                format!("`{l}` er ikke et link, der begynder med https:// og et værtsnavn")
            }
            LinkNotHttps(l) => format!("`{l}` is not a link starting with https:// and a host"),
            ZeroMinutes if da => "`minutes` skal være mindst 1 (eller udeladt)".into(),
            ZeroMinutes => "`minutes` must be at least 1 (or left out)".into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let msg = self.kind.message(Lang::En);
        if self.path.is_empty() {
            f.write_str(&msg)
        } else {
            write!(f, "{}: {msg}", path_to_string(&self.path))
        }
    }
}
