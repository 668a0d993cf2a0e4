//! The teacher page: every lesson with its teacher notes.

use crate::app::content::use_content;
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::widgets::{card_file, FileErrorView, LevelBadges};
use crate::core::content::ContentKind;
use crate::core::i18n::Key;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn TeacherPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| super::set_title(i18n.t(Key::TeacherTitle)));
    Effect::new(move |_| content.ensure_all(ContentKind::Lesson));
    let ids = move || content.ids(ContentKind::Lesson);
    view! {
        <div data-page="teacher" class="page teacher-page">
            <h1 id="page-title" tabindex="-1">{move || i18n.t(Key::TeacherTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::TeacherIntro)}</p>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <ul class="teacher-lessons">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let lesson_id = id.clone();
                        move || match card_file(content.lesson(&lesson_id)) {
                            Err(waiting) => waiting,
                            Ok(l) => {
                                let l = l.value.clone();
                                let href = Route::Lesson { id: l.id.to_string(), step: None }.href();
                                let title = l.title.clone();
                                let notes = l.teacher_notes.clone();
                                let minutes = l.minutes;
                                view! {
                                    <li class="card teacher-lesson" data-lesson=l.id.to_string()>
                                        <h2><a href=href>{move || i18n.text(&title)}</a></h2>
                                        <LevelBadges levels=l.levels.clone()/>
                                        {minutes.map(|m| view! { <p class="muted">{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</p> })}
                                        {notes.map(|n| view! {
                                            <details class="teacher-notes">
                                                <summary>{move || i18n.t(Key::TeacherNotes)}</summary>
                                                <div class="rich">{move || rich_text(&i18n.text(&n))}</div>
                                            </details>
                                        })}
                                    </li>
                                }.into_any()
                            }
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
