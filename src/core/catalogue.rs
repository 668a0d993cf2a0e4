//! The lesson catalogue: filters (kept in the URL so a teacher can share a view) and each
//! lesson's status from the pupil's saved work. Both work on a lesson's card summary, so
//! the catalogue needs no lesson file.

use super::content::{ChallengeSummary, Competence, Dimension, LessonSummary, Level, Subject};
use super::progress::Work;
use super::route::{pct_encode, query_pairs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    Short,
    Medium,
    Long,
}

impl Duration {
    pub const ALL: [Duration; 3] = [Duration::Short, Duration::Medium, Duration::Long];

    pub fn id(self) -> &'static str {
        match self {
            Duration::Short => "short",
            Duration::Medium => "medium",
            Duration::Long => "long",
        }
    }

    pub fn parse(s: &str) -> Option<Duration> {
        Duration::ALL.into_iter().find(|d| d.id() == s)
    }

    pub fn contains(self, minutes: u32) -> bool {
        match self {
            Duration::Short => minutes <= 30,
            Duration::Medium => (31..=60).contains(&minutes),
            Duration::Long => minutes > 60,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueFilter {
    pub level: Option<Level>,
    pub competence: Option<Competence>,
    pub dimension: Option<Dimension>,
    pub duration: Option<Duration>,
    pub query: String,
    /// A school subject (content v1.1).
    pub subject: Option<Subject>,
}

impl CatalogueFilter {
    /// Reads a query string; unknown keys and values are ignored, never an error.
    pub fn from_query(query: &str) -> CatalogueFilter {
        let mut f = CatalogueFilter::default();
        for (k, v) in query_pairs(query) {
            match k.as_str() {
                "level" => f.level = Level::parse(&v),
                "competence" => f.competence = Competence::parse(&v),
                "dimension" => f.dimension = Dimension::parse(&v),
                "duration" => f.duration = Duration::parse(&v),
                "q" => f.query = v.chars().take(200).collect(),
                "subject" => f.subject = Subject::parse(&v),
                _ => {}
            }
        }
        f
    }

    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.level {
            parts.push(format!("level={}", l.id()));
        }
        if let Some(c) = self.competence {
            parts.push(format!("competence={}", c.id()));
        }
        if let Some(d) = self.dimension {
            parts.push(format!("dimension={}", d.id()));
        }
        if let Some(d) = self.duration {
            parts.push(format!("duration={}", d.id()));
        }
        if let Some(s) = self.subject {
            parts.push(format!("subject={}", s.id()));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", pct_encode(self.query.trim())));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        *self == CatalogueFilter::default()
    }

    /// True when the lesson passes every filter. Search looks at titles and summaries in
    /// both languages, ignoring case.
    pub fn matches(&self, lesson: &LessonSummary) -> bool {
        let by_level = self.level.is_none_or(|l| lesson.levels.contains(&l));
        let by_competence = self
            .competence
            .is_none_or(|c| lesson.competences.contains(&c));
        let by_dimension = self
            .dimension
            .is_none_or(|d| lesson.dimensions.contains(&d));
        let by_duration = self
            .duration
            .is_none_or(|d| lesson.minutes.is_some_and(|m| d.contains(m)));
        let by_subject = self.subject.is_none_or(|s| lesson.subjects.contains(&s));
        by_level
            && by_competence
            && by_dimension
            && by_duration
            && by_subject
            && self.matches_text(lesson)
    }

    /// True when a challenge passes: by level and text (title, theme); challenges carry no
    /// competences, dimensions, duration or subjects, so a filter on those leaves them out.
    pub fn matches_challenge(&self, c: &ChallengeSummary) -> bool {
        let only_level_and_text = self.competence.is_none()
            && self.dimension.is_none()
            && self.duration.is_none()
            && self.subject.is_none();
        let by_level = self.level.is_none_or(|l| c.levels.contains(&l));
        let query = self.query.trim().to_lowercase();
        let haystack: String = c
            .title
            .all()
            .chain(c.theme.iter().flat_map(|t| t.all()))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let by_text = query.split_whitespace().all(|w| haystack.contains(w));
        only_level_and_text && by_level && by_text
    }

    fn matches_text(&self, lesson: &LessonSummary) -> bool {
        let query = self.query.trim().to_lowercase();
        if query.is_empty() {
            return true;
        }
        let texts = lesson
            .title
            .all()
            .chain(lesson.summary.iter().flat_map(|s| s.all()));
        let haystack: String = texts.collect::<Vec<_>>().join(" ").to_lowercase();
        query.split_whitespace().all(|word| haystack.contains(word))
    }
}

/// A catalogue card's status: how many of the lesson's tasks the pupil has answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStatus {
    NotStarted,
    /// `answered` of the `of` steps that take an answer.
    Answering {
        answered: usize,
        of: usize,
    },
    Done,
}

/// The card status from the pupil's work on the lesson (`None` when there is none) and the
/// lesson's summary, so no lesson file is needed. Answers to steps the lesson no longer has
/// may be kept in the work; the count never exceeds the tasks.
pub fn card_status(work: Option<&Work>, lesson: &LessonSummary) -> CardStatus {
    match work {
        None => CardStatus::NotStarted,
        Some(work) if work.completed.is_some() => CardStatus::Done,
        Some(work) => CardStatus::Answering {
            answered: work.answered_steps().min(lesson.tasks),
            of: lesson.tasks,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use crate::core::content::Lesson;
    use crate::core::progress::{Answer, Progress, WorkRef};

    fn lesson(json: &str) -> Lesson {
        parse_json(json).unwrap()
    }

    const L: &str = r#"{"id":"a","title":{"da":"Idésprint","en":"Idea sprint"},
        "summary":"Find problems","levels":["mellemtrin"],"minutes":45,
        "competences":["creativity"],"dimensions":["kreativitet"],
        "steps":[{"type":"read","id":"r","body":"x"},{"type":"read","id":"s","body":"y"}]}"#;

    const L3: &str = r#"{"id":"a","title":"Three","levels":["udskoling"],
        "steps":[{"type":"read","id":"r","body":"x"},{"type":"prompt","id":"p","question":"?"},
                 {"type":"checklist","id":"c","items":["one"]}]}"#;

    #[test]
    fn filters_match() {
        let l = LessonSummary::from(&lesson(L));
        let q = |s: &str| CatalogueFilter::from_query(s).matches(&l);
        assert!(q(""));
        assert!(q(
            "level=mellemtrin&competence=creativity&dimension=kreativitet&duration=medium"
        ));
        assert!(!q("level=indskoling"));
        assert!(!q("duration=short"));
        assert!(q("q=IDEA+sprint"));
        assert!(q("q=id%C3%A9sprint"));
        assert!(!q("q=robot"));
        assert!(q("level=nonsense&foo=bar"));
        // A lesson without subjects (format v1) matches no subject filter, and only it.
        assert!(!q("subject=dansk"));
        let mut with = lesson(L);
        with.subjects = vec![Subject::Dansk, Subject::Tvaerfagligt];
        let with = LessonSummary::from(&with);
        let f = CatalogueFilter::from_query("subject=tvaerfagligt&level=mellemtrin");
        assert!(f.matches(&with));
        assert_eq!(CatalogueFilter::from_query(&f.to_query()), f);
        assert!(!CatalogueFilter::from_query("subject=matematik").matches(&with));
    }

    #[test]
    fn challenges_filter_by_level_and_text_only() {
        let c: crate::core::content::Challenge = parse_json(
            r#"{"id":"c","title":"Find vej","format":"edison","levels":["mellemtrin"],
            "theme":"Plejehjem","phases":[{"id":"p","title":"P","steps":[{"type":"read","id":"r","body":"x"}]}]}"#,
        )
        .unwrap();
        let s = ChallengeSummary::from(&c);
        let q = |s2: &str| CatalogueFilter::from_query(s2).matches_challenge(&s);
        assert!(q("") && q("level=mellemtrin&q=plejehjem"));
        assert!(!q("level=udskoling") && !q("competence=creativity") && !q("q=robot"));
        assert!(!q("subject=dansk"));
    }

    #[test]
    fn card_status_counts_answered_tasks_from_the_summary() {
        let summary = LessonSummary::from(&lesson(L3));
        assert_eq!((summary.steps, summary.tasks), (3, 2));
        let a = WorkRef::lesson("a");
        let mut p = Progress::default();
        let status = |p: &Progress| card_status(p.work(&a), &summary);
        assert_eq!(status(&p), CardStatus::NotStarted);
        p.set_position(&a, "p", 1);
        assert_eq!(status(&p), CardStatus::Answering { answered: 0, of: 2 });
        let text = |t: &str| Answer::Text { text: t.into() };
        p.set_answer(&a, "p", text("An answer"), 2);
        assert_eq!(status(&p), CardStatus::Answering { answered: 1, of: 2 });
        // Answers kept for steps the lesson has since lost never count past its tasks.
        p.set_answer(&a, "old-1", text("x"), 3);
        p.set_answer(&a, "old-2", text("y"), 4);
        assert_eq!(status(&p), CardStatus::Answering { answered: 2, of: 2 });
        p.set_completed(&a, true, 5);
        assert_eq!(status(&p), CardStatus::Done);
    }
}
