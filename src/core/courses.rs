//! Courses as the course pages use them: the time a course takes, added up from its
//! lessons' minutes, and the pupil's progress through it, from the saved work and the
//! lessons' card summaries (no lesson file needed).

use super::catalogue::{card_status, CardStatus};
use super::content::LessonSummary;
use super::progress::Work;
use super::text::Lang;

/// The time of a course or a week, from the minutes of its lessons.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseTime {
    /// The sum of the lessons' minutes (each lesson counted as often as it is listed).
    pub minutes: u32,
    /// Lessons whose time is unknown: no `minutes`, or no summary yet.
    pub untimed: usize,
    /// Challenges, which take the time a teacher gives them.
    pub challenges: usize,
}

impl CourseTime {
    /// Adds up `lessons` (their summaries, `None` while unknown) and `challenges`.
    pub fn of<'a>(
        lessons: impl IntoIterator<Item = Option<&'a LessonSummary>>,
        challenges: usize,
    ) -> CourseTime {
        let mut time = CourseTime {
            challenges,
            ..Default::default()
        };
        for lesson in lessons {
            match lesson.and_then(|l| l.minutes) {
                Some(m) => time.minutes += m,
                None => time.untimed += 1,
            }
        }
        time
    }
}

/// Minutes as hours for reading: "4,5" in Danish, "4.5" in English; whole hours without a
/// decimal, else one decimal (rounded to the nearest tenth of an hour).
pub fn hours(minutes: u32, lang: Lang) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        return whole.to_string();
    }
    let sep = match lang {
        Lang::Da => ',',
        Lang::En => '.',
    };
    format!("{whole}{sep}{tenth}")
}

/// The pupil's progress through a course's lessons.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseProgress {
    pub lessons: usize,
    /// Lessons marked finished.
    pub done: usize,
    /// Lessons with some work, finished or not.
    pub started: usize,
    /// Tasks answered, counting every task of a finished lesson.
    pub answered: usize,
    pub tasks: usize,
}

impl CourseProgress {
    /// From each lesson's saved work (`None` when there is none) and its summary.
    pub fn of<'a>(
        lessons: impl IntoIterator<Item = (Option<&'a Work>, &'a LessonSummary)>,
    ) -> CourseProgress {
        let mut p = CourseProgress::default();
        for (work, summary) in lessons {
            p.lessons += 1;
            p.tasks += summary.tasks;
            match card_status(work, summary) {
                CardStatus::NotStarted => {}
                CardStatus::Answering { answered, .. } => {
                    p.started += 1;
                    p.answered += answered;
                }
                CardStatus::Done => {
                    p.started += 1;
                    p.done += 1;
                    p.answered += summary.tasks;
                }
            }
        }
        p
    }

    /// Whole percent of the tasks answered (0 for a course without tasks).
    pub fn percent(&self) -> u32 {
        if self.tasks == 0 {
            return if self.lessons > 0 && self.done == self.lessons {
                100
            } else {
                0
            };
        }
        (self.answered * 100 / self.tasks) as u32
    }
}

/// Where the pupil stands on one stop of a course's path (a lesson or a challenge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathState {
    NotStarted,
    InProgress,
    Done,
}

/// A stop on the course's path: its state, and whether it is the one to do next — the
/// first stop in course order that is not done (none when every stop is done).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathStop {
    pub state: PathState,
    pub next: bool,
}

impl PathState {
    /// The state of a lesson from its saved work and summary.
    pub fn of_lesson(work: Option<&Work>, summary: &LessonSummary) -> PathState {
        match card_status(work, summary) {
            CardStatus::NotStarted => PathState::NotStarted,
            CardStatus::Answering { .. } => PathState::InProgress,
            CardStatus::Done => PathState::Done,
        }
    }

    /// The state of work without a summary (a challenge): finished, started or not.
    pub fn of_work(work: Option<&Work>) -> PathState {
        match work {
            None => PathState::NotStarted,
            Some(w) if w.completed.is_some() => PathState::Done,
            Some(_) => PathState::InProgress,
        }
    }
}

/// The stops of a course's path in order, the first unfinished one marked as next.
pub fn course_path(states: &[PathState]) -> Vec<PathStop> {
    let next = states.iter().position(|s| *s != PathState::Done);
    states
        .iter()
        .enumerate()
        .map(|(i, &state)| PathStop {
            state,
            next: Some(i) == next,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use crate::core::content::Lesson;
    use crate::core::progress::{Answer, Progress, WorkRef};

    fn summary(minutes: Option<u32>) -> LessonSummary {
        let m = minutes
            .map(|m| format!(r#""minutes":{m},"#))
            .unwrap_or_default();
        let l: Lesson = parse_json(&format!(
            r#"{{"id":"a","title":"A","levels":["udskoling"],{m}
                "steps":[{{"type":"read","id":"r","body":"x"}},
                         {{"type":"prompt","id":"p","question":"?"}},
                         {{"type":"prompt","id":"q","question":"?"}}]}}"#
        ))
        .unwrap();
        LessonSummary::from(&l)
    }

    #[test]
    fn time_adds_up_lesson_minutes() {
        let (a, b, c) = (summary(Some(45)), summary(Some(90)), summary(None));
        let t = CourseTime::of([Some(&a), Some(&b), Some(&c), None, Some(&a)], 1);
        assert_eq!(
            t,
            CourseTime {
                minutes: 180,
                untimed: 2,
                challenges: 1
            }
        );
        assert_eq!(CourseTime::of([], 0), CourseTime::default());
    }

    #[test]
    fn hours_read_naturally() {
        for (minutes, da, en) in [
            (0, "0", "0"),
            (60, "1", "1"),
            (90, "1,5", "1.5"),
            (135, "2,3", "2.3"),
            (45, "0,8", "0.8"),
            (600, "10", "10"),
        ] {
            assert_eq!(hours(minutes, Lang::Da), da, "{minutes}");
            assert_eq!(hours(minutes, Lang::En), en, "{minutes}");
        }
    }

    #[test]
    fn progress_counts_answered_tasks_and_finished_lessons() {
        let s = summary(Some(45));
        let (a, b, c) = (
            WorkRef::lesson("a"),
            WorkRef::lesson("b"),
            WorkRef::lesson("c"),
        );
        let mut p = Progress::default();
        let of = |p: &Progress| {
            CourseProgress::of([(p.work(&a), &s), (p.work(&b), &s), (p.work(&c), &s)])
        };
        assert_eq!(of(&p).percent(), 0);
        assert_eq!(of(&p).tasks, 6);
        p.set_answer(&a, "p", Answer::Text { text: "x".into() }, 1);
        p.set_completed(&b, true, 2);
        let progress = of(&p);
        assert_eq!(
            progress,
            CourseProgress {
                lessons: 3,
                done: 1,
                started: 2,
                answered: 3,
                tasks: 6
            }
        );
        assert_eq!(progress.percent(), 50);
        assert_eq!(CourseProgress::default().percent(), 0);
    }

    #[test]
    fn the_path_marks_the_first_unfinished_stop_as_next() {
        use PathState::*;
        let marks = |states: &[PathState]| -> Vec<bool> {
            course_path(states).iter().map(|s| s.next).collect()
        };
        #[rustfmt::skip]
        let cases: &[(&[PathState], &[bool])] = &[
            (&[],                              &[]),
            (&[NotStarted, NotStarted],        &[true, false]),
            (&[Done, InProgress, NotStarted],  &[false, true, false]),
            (&[Done, NotStarted, InProgress],  &[false, true, false]),
            (&[Done, Done],                    &[false, false]),
        ];
        for (states, want) in cases {
            assert_eq!(marks(states), *want, "{states:?}");
            let kept: Vec<PathState> = course_path(states).iter().map(|s| s.state).collect();
            assert_eq!(&kept, states);
        }
        assert_eq!(PathState::of_work(None), NotStarted);
    }
}
