//! The class board: a lesson's brainstorm done by the whole class on the projector, in
//! large type. The teacher types the class's ideas (or takes them from imported
//! hand-ins) and records the dots of a show of hands by tally.

use crate::app::browser;
use crate::app::content::{use_content, Load};
use crate::app::i18n::{tr, use_i18n};
use crate::app::router::use_router;
use crate::app::store::use_store;
use crate::app::widgets::ConfirmButton;
use crate::core::i18n::Key;
use crate::core::progress::{Answer, Idea, WorkKind, WorkRef};
use crate::core::route::Route;
use crate::core::teacher::assignment::Assignment;
use crate::core::teacher::board::{
    board_steps, dots_key, dots_of, ideas_from_handins, ranked, tally, BoardStep,
};
use crate::core::teacher::class::{stored_handins, HANDINS_STEP};
use crate::core::teacher::handin::MAX_TEXT_BYTES;
use leptos::prelude::*;

#[component]
pub fn BoardPage(lesson: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let router = use_router();
    let load_id = lesson.clone();
    Effect::new(move |_| content.ensure_lesson(&load_id));
    let file_id = lesson.clone();
    let file = Memo::new(move |_| match content.lesson(&file_id) {
        Load::Ready(l) => Some((l.value.title.clone(), board_steps(&l.value.steps))),
        _ => None,
    });
    let route_step = Memo::new(move |_| match router.route.get() {
        Route::Board { step, .. } => step,
        _ => None,
    });
    Effect::new(move |_| {
        let title = file.get().map(|(t, _)| i18n.text(&t)).unwrap_or_default();
        super::set_title(&format!("{} – {title}", i18n.t(Key::BoardTitle)));
    });
    let lesson_id = lesson.clone();
    view! {
        <div data-page="board" class="page board-page">
            <p class="no-print"><a href=Route::Teacher.href()>{tr(Key::BackToTeacher)}</a></p>
            {move || match (content.lesson(&lesson_id), file.get()) {
                (Load::Failed(e), _) => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::BoardTitle)}</h1>
                    <crate::app::widgets::FileErrorView error=e/>
                }.into_any(),
                (_, None) => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::BoardTitle)}</h1>
                    <crate::app::widgets::LoadingView/>
                }.into_any(),
                (_, Some((title, steps))) if steps.is_empty() => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::BoardTitle)}": "{i18n.text_of(title)}</h1>
                    <p class="notice">{tr(Key::BoardNoBrainstorm)}</p>
                }.into_any(),
                (_, Some((title, steps))) => {
                    let chosen = route_step.get()
                        .and_then(|s| steps.iter().find(|b| b.brainstorm == s || b.vote.as_deref() == Some(s.as_str())).cloned())
                        .unwrap_or_else(|| steps[0].clone());
                    view! {
                        <h1 id="page-title" tabindex="-1">{tr(Key::BoardTitle)}": "{i18n.text_of(title)}</h1>
                        <StepChooser lesson=lesson_id.clone() steps=steps chosen=chosen.brainstorm.clone()/>
                        <Board lesson=lesson_id.clone() step=chosen/>
                    }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn StepChooser(lesson: String, steps: Vec<BoardStep>, chosen: String) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    (steps.len() > 1).then(|| {
        view! {
            <div class="field no-print">
                <label for="board-step">{tr(Key::BoardChooseStep)}</label>
                <select id="board-step" on:change=move |ev| router.replace(Route::Board {
                    lesson: lesson.clone(),
                    step: Some(event_target_value(&ev)),
                })>
                    {steps.into_iter().map(|b| {
                        let selected = b.brainstorm == chosen;
                        view! { <option value=b.brainstorm.clone() selected=selected>{move || i18n.text(&b.question)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    })
}

#[component]
fn Board(lesson: String, step: BoardStep) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let board = WorkRef::board(&lesson);
    let ideas_key = step.brainstorm.clone();
    let dots_name = dots_key(&step.brainstorm);
    let by_dots = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let (read_board, read_ideas, read_dots) = (board.clone(), ideas_key.clone(), dots_name.clone());
    let dots_board = board.clone();
    let dots = Memo::new(move |_| dots_of(store.answer(&dots_board, &read_dots).as_ref()));
    let list = Memo::new(move |_| {
        let ideas = store.answer(&read_board, &read_ideas);
        ranked(ideas.as_ref(), &dots.get(), by_dots.get())
    });
    let total = Memo::new(move |_| list.get().iter().map(|(_, _, d)| *d).sum::<u32>());
    let (add_board, add_step) = (board.clone(), ideas_key.clone());
    let add = move || {
        let text: String = draft
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_TEXT_BYTES / 4)
            .collect();
        if text.is_empty() {
            return;
        }
        let idea = Idea {
            text,
            order: browser::now(),
        };
        store.put_record(&add_board, &add_step, store.new_id(), Some(idea));
        draft.set(String::new());
        browser::focus_id("board-idea");
    };
    let add_click = add.clone();
    let (tally_board, tally_key) = (board.clone(), dots_name.clone());
    let change = move |idea: String, delta: i32| {
        let dots = store.with(|p| dots_of(p.answer(&tally_board, &tally_key)));
        store.set_answer(
            &tally_board,
            &tally_key,
            Answer::Dots {
                dots: tally(&dots, &idea, delta),
            },
        );
    };
    let (remove_board, remove_step) = (board.clone(), ideas_key.clone());
    let remove = move |id: crate::core::progress::RecordId| {
        store.put_record::<Idea>(&remove_board, &remove_step, id, None);
    };
    let (clear_board, clear_step, clear_dots) =
        (board.clone(), ideas_key.clone(), dots_name.clone());
    let clear = Callback::new(move |_: ()| {
        let ids = list
            .get_untracked()
            .into_iter()
            .map(|(id, _, _)| (id, None))
            .collect();
        store.put_records::<Idea>(&clear_board, &clear_step, ids);
        store.set_answer(
            &clear_board,
            &clear_dots,
            Answer::Dots {
                dots: Default::default(),
            },
        );
    });
    let question = step.question.clone();
    let votes = step.votes_per_pupil;
    view! {
        <div class="class-board" id="class-board">
            <h2 class="board-question">{i18n.text_of(question)}</h2>
            {votes.map(|v| view! { <p class="board-hint">{move || i18n.f(Key::BoardVoteHint, &[("n", &v.to_string())])}</p> })}
            <form class="board-add no-print" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="board-idea">{tr(Key::BoardNewIdea)}</label>
                <input id="board-idea" type="text" autocomplete="off" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="button" class="primary" id="board-add" on:click=move |_| add_click()>{tr(Key::AddIdea)}</button>
            </form>
            <p class="board-count" role="status" aria-live="polite">
                {move || i18n.f(Key::BoardCount, &[("n", &list.get().len().to_string()), ("dots", &total.get().to_string())])}
            </p>
            <ol class="board-ideas" id="board-ideas">
                // Keyed by idea, the count read inside: a tally keeps the row (and focus).
                <For each=move || list.get() key=|(id, idea, _)| (id.clone(), idea.text.clone()) let:entry>
                    {
                        let (id, idea, _) = entry;
                        let count_id = id.to_string();
                        let d = Memo::new(move |_| dots.get().get(&count_id).copied().unwrap_or(0));
                        let (plus, minus, del) = (change.clone(), change.clone(), remove.clone());
                        let (pid, mid, did) = (id.to_string(), id.to_string(), id.clone());
                        let (t1, t2, t3) = (idea.text.clone(), idea.text.clone(), idea.text.clone());
                        view! {
                            <li class="board-idea" data-dots=move || d.get()>
                                <span class="board-idea-text">{idea.text.clone()}</span>
                                <span class="board-dots" aria-hidden="true">{move || "●".repeat(d.get().min(20) as usize)}</span>
                                <span class="board-dot-count">{move || d.get()}</span>
                                <span class="board-tally no-print">
                                    <button type="button" class="dot-add" aria-label=move || i18n.f(Key::VoteAddDot, &[("idea", &t1)])
                                        on:click=move |_| plus(pid.clone(), 1)>"+1"</button>
                                    <button type="button" class="dot-remove" disabled=move || d.get() == 0 aria-label=move || i18n.f(Key::VoteRemoveDot, &[("idea", &t2)])
                                        on:click=move |_| minus(mid.clone(), -1)>"−1"</button>
                                    <button type="button" class="idea-delete" aria-label=move || i18n.f(Key::DeleteIdeaNamed, &[("idea", &t3)])
                                        on:click=move |_| del(did.clone())>"✕"</button>
                                </span>
                            </li>
                        }
                    }
                </For>
            </ol>
            <p class="actions no-print">
                <button type="button" id="board-sort" aria-pressed=move || by_dots.get().to_string()
                    on:click=move |_| by_dots.update(|b| *b = !*b)>{tr(Key::BoardSortByDots)}</button>
                <button type="button" id="board-fullscreen" on:click=|_| browser::toggle_fullscreen("class-board")>{tr(Key::FullScreen)}</button>
                <ConfirmButton id="board-clear" label=Key::BoardClear confirm=Key::BoardClearConfirm on_confirm=clear/>
            </p>
            <FromHandIns lesson=lesson.clone() step=step.brainstorm.clone()/>
        </div>
    }
}

/// Buttons that put the pupils' own ideas from imported hand-ins onto the board.
#[component]
fn FromHandIns(lesson: String, step: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let item = WorkRef::lesson(&lesson);
    let classes = Memo::new(move |_| {
        store.with_list(|p| {
            p.live_work()
                .filter(|(r, _)| r.kind == WorkKind::Assignment)
                .map(|(r, w)| Assignment::from_work(&r.id, Some(w)))
                .filter(|a| a.items.contains(&item))
                .collect::<Vec<_>>()
        })
    });
    let added = RwSignal::new(None::<usize>);
    let has_classes = Memo::new(move |_| !classes.get().is_empty());
    // A callback (Copy), as it is used inside the list of a `Show`.
    let take = Callback::new(move |a: Assignment| {
        let board = WorkRef::board(&lesson);
        let on_board: Vec<String> = store.with(|p| {
            crate::core::progress::answer::ideas_in_order(p.answer(&board, &step))
                .into_iter()
                .map(|(_, i)| i.text)
                .collect()
        });
        let handins =
            store.with(|p| stored_handins(p.answer(&WorkRef::class(&a.id), HANDINS_STEP), &a));
        let texts = ideas_from_handins(
            handins.iter().map(|(_, h)| h),
            &WorkRef::lesson(&lesson),
            &step,
            &on_board,
        );
        let now = browser::now();
        let records = texts
            .iter()
            .enumerate()
            .map(|(n, text)| {
                (
                    store.new_id(),
                    Some(Idea {
                        text: text.clone(),
                        order: now + n as i64,
                    }),
                )
            })
            .collect();
        store.put_records::<Idea>(&board, &step, records);
        added.set(Some(texts.len()));
    });
    view! {
        {move || has_classes.get().then(|| view! {
            <section class="board-from-hand-ins no-print">
                <h3>{tr(Key::BoardFromHandIns)}</h3>
                <p class="actions">
                    {move || classes.get().into_iter().map(|a| {
                            let label = format!("{} {}", a.class, a.title).trim().to_string();
                            view! {
                                <button type="button" class="take-hand-in-ideas" on:click=move |_| take.run(a.clone())>
                                    {move || i18n.f(Key::BoardTakeFrom, &[("assignment", &label)])}
                                </button>
                            }
                        }).collect_view()}
                </p>
                <p role="status" id="board-taken">{move || added.get().map(|n| i18n.f(Key::BoardTaken, &[("n", &n.to_string())]))}</p>
            </section>
        })}
    }
}
