//! The "prepare an interview" exercise on a role model's or a visitor's page: choose
//! questions from the profile and a general list, write your own, and note the answers
//! during the visit. Everything is saved through the store in one work item
//! (`interview:<role model>`, or the visitor's own item); a print-only copy lists the
//! questions with the notes or lines to write on.

use crate::app::browser;
use crate::app::i18n::{tr, use_i18n};
use crate::app::store::use_store;
use crate::core::i18n::Key;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Idea, RecordId, WorkRef};
use crate::core::role_models::{
    planned_questions, toggle_choice, Question, STEP_CHOSEN, STEP_CHOSEN_GENERAL, STEP_OWN,
};
use crate::core::text::Text;
use leptos::prelude::*;

/// Questions that fit any entrepreneur, offered besides a profile's own.
pub const GENERAL_QUESTIONS: [Key; 6] = [
    Key::InterviewGeneral1,
    Key::InterviewGeneral2,
    Key::InterviewGeneral3,
    Key::InterviewGeneral4,
    Key::InterviewGeneral5,
    Key::InterviewGeneral6,
];

#[component]
pub fn Interview(work: WorkRef, profile_questions: Vec<Text>, person: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let n_profile = profile_questions.len();
    let profile = StoredValue::new(profile_questions);
    let label_of = move |q: &Question| -> String {
        match q {
            Question::Profile(i) => profile.with_value(|p| i18n.text(&p[*i])),
            Question::General(i) => i18n.t(GENERAL_QUESTIONS[*i]).to_string(),
            Question::Own(_, text) => text.clone(),
        }
    };
    let plan_work = work.clone();
    let plan = Memo::new(move |_| {
        // The chosen lists and own questions are answers: read them tracked, one by one.
        let _ = (
            store.answer(&plan_work, STEP_CHOSEN),
            store.answer(&plan_work, STEP_CHOSEN_GENERAL),
            store.answer(&plan_work, STEP_OWN),
        );
        store.with(|p| planned_questions(p.work(&plan_work), n_profile, GENERAL_QUESTIONS.len()))
    });
    let intro_person = person.clone();
    let planned = move || {
        plan.get()
            .into_iter()
            .map(|q| {
                let label = label_of(&q);
                (q, label)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="interview" id="interview" aria-labelledby="interview-title">
            <h2 id="interview-title">{tr(Key::InterviewTitle)}</h2>
            <p class="no-print">{move || i18n.f(Key::InterviewIntro, &[("name", &intro_person)])}</p>
            <div class="interview-choose no-print">
                {(n_profile > 0).then(|| view! {
                    <ChooseQuestions work=work.clone() step=STEP_CHOSEN legend=Key::InterviewFromProfile
                        labels=Signal::derive(move || profile.with_value(|p| p.iter().map(|t| i18n.text(t)).collect()))/>
                })}
                <ChooseQuestions work=work.clone() step=STEP_CHOSEN_GENERAL legend=Key::InterviewGeneral
                    labels=Signal::derive(move || GENERAL_QUESTIONS.iter().map(|k| i18n.t(*k).to_string()).collect())/>
                <OwnQuestions work=work.clone()/>
            </div>
            <h3 id="interview-plan-title">{move || i18n.f(Key::InterviewPlan, &[("name", &person)])}</h3>
            <Show when=move || plan.get().is_empty()>
                <p class="empty muted" id="interview-empty">{tr(Key::InterviewPlanEmpty)}</p>
            </Show>
            <p class="muted no-print" id="interview-notes-help">{tr(Key::InterviewNotesHelp)}</p>
            <ol class="interview-plan" aria-labelledby="interview-plan-title">
                // Re-rendered as a whole when the plan changes (not while notes are typed).
                {move || planned().into_iter().map(|(q, label)| view! {
                    <PlannedQuestion work=work.clone() step=q.answer_step() label=label/>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Checkboxes for a list of questions, saved as the chosen indexes under `step`.
#[component]
fn ChooseQuestions(
    work: WorkRef,
    step: &'static str,
    legend: Key,
    labels: Signal<Vec<String>>,
) -> impl IntoView {
    let store = use_store();
    let read_work = work.clone();
    let chosen = Memo::new(move |_| match store.answer(&read_work, step) {
        Some(Answer::Choice { selected }) => selected,
        _ => Default::default(),
    });
    view! {
        <fieldset class="interview-questions">
            <legend><h3>{tr(legend)}</h3></legend>
            <ul class="checklist">
                {move || labels.get().into_iter().enumerate().map(|(i, label)| {
                    let field = format!("{step}-{i}");
                    let work = work.clone();
                    view! {
                        <li>
                            <input type="checkbox" id=field.clone()
                                prop:checked=move || chosen.get().contains(&i)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let next = toggle_choice(store.answer(&work, step).as_ref(), i, on);
                                    store.set_answer(&work, step, next);
                                }/>
                            <label for=field>{label}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// The pupil's own questions: a field to add one, and each one editable and deletable.
#[component]
fn OwnQuestions(work: WorkRef) -> impl IntoView {
    let store = use_store();
    let draft = RwSignal::new(String::new());
    let list_work = work.clone();
    let ids = Memo::new(move |_| {
        ideas_in_order(store.answer(&list_work, STEP_OWN).as_ref())
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    });
    let add_work = work.clone();
    let add = move || {
        let text = draft.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let idea = Idea {
            text,
            order: browser::now(),
        };
        store.put_record(&add_work, STEP_OWN, store.new_id(), Some(idea));
        draft.set(String::new());
    };
    view! {
        <h3>{tr(Key::InterviewOwn)}</h3>
        <ol class="ideas own-questions">
            // Re-rendered when a question comes or goes, not while one is typed.
            {move || ids.get().into_iter().map(|id| view! { <OwnQuestion work=work.clone() id=id/> }).collect_view()}
        </ol>
        <form class="idea-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <label for="own-question-new">{tr(Key::InterviewNewQuestion)}</label>
            <div class="inline">
                <input id="own-question-new" type="text" autocomplete="off" maxlength="300"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="primary" id="add-own-question">{tr(Key::InterviewAddQuestion)}</button>
            </div>
        </form>
    }
}

#[component]
fn OwnQuestion(work: WorkRef, id: RecordId) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let field = format!("own-question-{id}");
    let (read_work, read_id) = (work.clone(), id.clone());
    // (position from 1, text) of this question, while it exists.
    let current = Memo::new(move |_| {
        ideas_in_order(store.answer(&read_work, STEP_OWN).as_ref())
            .into_iter()
            .enumerate()
            .find(|(_, (i, _))| *i == read_id)
            .map(|(n, (_, idea))| (n + 1, idea))
    });
    let (edit_work, edit_id) = (work.clone(), id.clone());
    let edit = move |text: String| {
        let order = current.get_untracked().map(|(_, idea)| idea.order);
        if let Some(order) = order {
            store.put_record(
                &edit_work,
                STEP_OWN,
                edit_id.clone(),
                Some(Idea { text, order }),
            );
        }
    };
    let number = move || current.get().map(|(n, _)| n).unwrap_or(0).to_string();
    let delete = move |_| store.put_record::<Idea>(&work, STEP_OWN, id.clone(), None);
    view! {
        <li class="idea">
            <label class="visually-hidden" for=field.clone()>{move || i18n.f(Key::InterviewOwnNumber, &[("n", &number())])}</label>
            <input id=field type="text" maxlength="300"
                prop:value=move || current.get().map(|(_, idea)| idea.text).unwrap_or_default()
                on:input=move |ev| edit(event_target_value(&ev))/>
            <button type="button" class="icon delete-idea"
                aria-label=move || i18n.f(Key::InterviewDeleteQuestion, &[("n", &number())])
                on:click=delete>
                <span aria-hidden="true">"✕"</span>
            </button>
        </li>
    }
}

/// One question of the interview, with the pupil's notes on the answer.
#[component]
fn PlannedQuestion(work: WorkRef, step: String, label: String) -> impl IntoView {
    let store = use_store();
    let field = format!("notes-{step}");
    let (read_work, read_step) = (work.clone(), step.clone());
    let notes = Memo::new(move |_| match store.answer(&read_work, &read_step) {
        Some(Answer::Text { text }) => text,
        _ => String::new(),
    });
    view! {
        <li class="planned-question">
            <label for=field.clone() class="question-text">{label}</label>
            <textarea id=field class="no-print" rows="3" aria-describedby="interview-notes-help"
                prop:value=move || notes.get()
                on:input=move |ev| store.set_answer(&work, &step, Answer::Text { text: event_target_value(&ev) })></textarea>
            <p class="print-only print-notes">{move || notes.get()}</p>
        </li>
    }
}
