//! What comes next when a pupil finishes a lesson, a challenge or a team project: the
//! celebration offers these links, most important first. Pure: the caller passes the
//! courses (their card summaries), the pupil's assignments and what is finished.

use super::content::{CourseSummary, Id};
use super::progress::{WorkKind, WorkRef};
use super::teacher::assignment::Assignment;
use super::text::Text;

/// One way on from finished work.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// Hand in the assignment the finished lesson or challenge belongs to.
    HandIn { assignment: String, title: String },
    /// The next lesson of a course the finished lesson is in (the first one after it that
    /// is not finished, else the first unfinished one before it).
    NextLesson {
        course: Id,
        course_title: Text,
        lesson: Id,
    },
    /// Every lesson of the course is finished: back to the course's page.
    CourseDone { course: Id, course_title: Text },
    /// A team project: the competition entry, to check and print.
    Entry { project: String },
}

/// What comes after finishing `work`. `courses` in the order the index lists them;
/// `assignments` the pupil's received assignments; `finished` tells whether a lesson is
/// finished (the one just finished counts as finished). At most one link per course, and a
/// lesson offered by two courses is offered once.
pub fn what_comes_next(
    work: &WorkRef,
    courses: &[(Id, &CourseSummary)],
    assignments: &[Assignment],
    finished: impl Fn(&Id) -> bool,
) -> Vec<Next> {
    let mut out = Vec::new();
    if work.kind == WorkKind::Project {
        out.push(Next::Entry {
            project: work.id.clone(),
        });
        return out;
    }
    for a in assignments {
        if a.items.contains(work) {
            out.push(Next::HandIn {
                assignment: a.id.clone(),
                title: a.title.clone(),
            });
        }
    }
    if work.kind != WorkKind::Lesson {
        return out;
    }
    for (course, summary) in courses {
        let lessons = &summary.lessons;
        let Some(at) = lessons.iter().position(|l| l.as_str() == work.id) else {
            continue;
        };
        let open = |l: &&Id| l.as_str() != work.id && !finished(l);
        let next = lessons[at + 1..]
            .iter()
            .find(open)
            .or_else(|| lessons[..at].iter().find(open));
        let link = match next {
            Some(lesson) => Next::NextLesson {
                course: course.clone(),
                course_title: summary.title.clone(),
                lesson: lesson.clone(),
            },
            None => Next::CourseDone {
                course: course.clone(),
                course_title: summary.title.clone(),
            },
        };
        let offered = out.iter().any(|n| match (n, &link) {
            (Next::NextLesson { lesson: a, .. }, Next::NextLesson { lesson: b, .. }) => a == b,
            _ => false,
        });
        if !offered {
            out.push(link);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Level;

    fn id(s: &str) -> Id {
        serde_json::from_value(serde_json::json!(s)).unwrap()
    }

    fn course(title: &str, lessons: &[&str]) -> CourseSummary {
        CourseSummary {
            title: Text::plain(title),
            summary: None,
            levels: vec![Level::Indskoling],
            subjects: vec![],
            weeks: 1,
            lessons: lessons.iter().map(|l| id(l)).collect(),
            challenges: vec![],
        }
    }

    fn assignment(aid: &str, title: &str, items: Vec<WorkRef>) -> Assignment {
        Assignment {
            title: title.into(),
            items,
            ..Assignment::new(aid, 1)
        }
    }

    fn next_lesson(c: &str, l: &str) -> Next {
        Next::NextLesson {
            course: id(c),
            course_title: Text::plain(c),
            lesson: id(l),
        }
    }

    /// (finished lesson, lessons already finished, expected links).
    #[test]
    fn the_next_lesson_of_the_course_is_the_first_unfinished_one() {
        let term = course("term", &["a", "b", "c", "d"]);
        let courses = [(id("term"), &term)];
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], Vec<Next>)] = &[
            ("a", &[],              vec![next_lesson("term", "b")]),
            ("b", &["c"],           vec![next_lesson("term", "d")]),
            ("d", &[],              vec![next_lesson("term", "a")]),
            ("c", &["a", "b", "d"], vec![Next::CourseDone { course: id("term"), course_title: Text::plain("term") }]),
            ("x", &[],              vec![]),
        ];
        for (done, already, want) in cases {
            let got = what_comes_next(&WorkRef::lesson(done), &courses, &[], |l| {
                already.contains(&l.as_str())
            });
            assert_eq!(&got, want, "finishing {done} with {already:?} finished");
        }
    }

    #[test]
    fn an_assignment_comes_first_and_a_lesson_in_two_courses_is_offered_once() {
        let one = course("one", &["a", "b"]);
        let two = course("two", &["a", "b", "c"]);
        let other = course("other", &["a", "z"]);
        let courses = [(id("one"), &one), (id("two"), &two), (id("other"), &other)];
        let assignments = [
            assignment(
                "x1",
                "Uge 3",
                vec![WorkRef::lesson("a"), WorkRef::lesson("b")],
            ),
            assignment("x2", "Andet", vec![WorkRef::lesson("q")]),
        ];
        let got = what_comes_next(&WorkRef::lesson("a"), &courses, &assignments, |_| false);
        assert_eq!(
            got,
            vec![
                Next::HandIn {
                    assignment: "x1".into(),
                    title: "Uge 3".into()
                },
                next_lesson("one", "b"),
                next_lesson("other", "z"),
            ]
        );
    }

    #[test]
    fn a_challenge_offers_its_hand_in_and_a_project_its_entry() {
        let assignments = [assignment(
            "x",
            "Edison",
            vec![WorkRef::challenge("edison")],
        )];
        assert_eq!(
            what_comes_next(&WorkRef::challenge("edison"), &[], &assignments, |_| false),
            vec![Next::HandIn {
                assignment: "x".into(),
                title: "Edison".into()
            }]
        );
        assert_eq!(
            what_comes_next(&WorkRef::project("p1"), &[], &assignments, |_| false),
            vec![Next::Entry {
                project: "p1".into()
            }]
        );
    }
}
