//! A lesson page: loads the lesson file and plays its steps.

use super::player::{Player, PlayerStep};
use crate::app::content::{file_path, use_content};
use crate::app::i18n::use_i18n;
use crate::app::widgets::{
    page_file_or_card, problem_text, LevelBadges, LoadingView, SubjectBadges,
};
use crate::core::content::{ContentKind, Lesson, LessonSummary, Level, Subject};
use crate::core::i18n::Key;
use crate::core::progress::WorkRef;
use crate::core::text::Text;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn LessonPage(id: String) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| content.ensure_lesson(&load_id));
    view! {
        <div data-page="lesson" class="page lesson-page">
            {move || {
                let top = |c: &LessonSummary| view! {
                    <div class="level-style" data-level=youngest(&c.levels)>
                        <LessonHeader title=c.title.clone() summary=c.summary.clone()
                            levels=c.levels.clone() subjects=c.subjects.clone()/>
                        <LoadingView/>
                    </div>
                }
                .into_any();
                match page_file_or_card(&id, content.lesson(&id), top) {
                    Ok(l) => view! { <LessonView loaded=l/> }.into_any(),
                    Err(waiting) => waiting,
                }
            }}
        </div>
    }
}

/// The top of a lesson page: title, summary, levels and subjects.
#[component]
fn LessonHeader(
    title: Text,
    summary: Option<Text>,
    levels: Vec<Level>,
    subjects: Vec<Subject>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="lesson-header">
            <h1 id="page-title" tabindex="-1">{i18n.text_of(title)}</h1>
            {summary.map(|s| view! { <p class="lead">{i18n.text_of(s)}</p> })}
            <LevelBadges levels=levels/>
            <SubjectBadges subjects=subjects/>
        </header>
    }
}

#[component]
fn LessonView(loaded: Arc<crate::core::content::load::Loaded<Lesson>>) -> impl IntoView {
    let i18n = use_i18n();
    let lesson = loaded.value.clone();
    let file = file_path(ContentKind::Lesson, lesson.id.as_str());
    let title = lesson.title.clone();
    let title_for_page = title.clone();
    Effect::new(move |_| super::set_title(&i18n.text(&title_for_page)));
    // Broken steps are explained where they stand; other problems are listed here.
    let problems: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| !matches!(p.kind, crate::core::content::ProblemKind::BrokenStep(_)))
        .cloned()
        .collect();
    let problem_file = file.clone();
    let steps = lesson
        .steps
        .iter()
        .map(|slot| PlayerStep {
            slot: slot.clone(),
            phase: None,
        })
        .collect::<Vec<_>>();
    let summary = lesson.summary.clone();
    // The page takes the look of the youngest level it is written for.
    let level = youngest(&lesson.levels);
    view! {
        <div class="level-style" data-level=level>
        <LessonHeader title=title summary=summary levels=lesson.levels.clone()
            subjects=lesson.subjects.clone()/>
        {(!problems.is_empty()).then(|| view! {
            <div class="notice notice-warning content-problems" role="alert">
                <p>{i18n.tr(Key::LessonProblems)}</p>
                <ul>{problems.iter().map(|p| {
                    let (p, f) = (p.clone(), problem_file.clone());
                    view! { <li><code>{move || problem_text(&f, &p, i18n.lang())}</code></li> }
                }).collect_view()}</ul>
            </div>
        })}
        <Player work=WorkRef::lesson(lesson.id.as_str()) file=file steps=steps/>
        </div>
    }
}

/// The id of the youngest of `levels` (they are listed youngest first in the vocabulary).
pub fn youngest(levels: &[Level]) -> &'static str {
    Level::ALL
        .iter()
        .find(|l| levels.contains(l))
        .map_or("none", |l| l.id())
}
