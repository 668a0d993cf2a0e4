//! Small shared pieces: read-aloud button, timer, level badges, content-problem messages.

use super::browser;
use super::content::FileError;
use super::i18n::use_i18n;
use crate::core::content::{Level, Problem, ProblemKind, Subject};
use crate::core::i18n::Key;
use crate::core::text::Lang;
use leptos::prelude::*;
use std::cell::RefCell;

/// A button that reads `text` aloud in the current language; hidden where the browser has
/// no speech synthesis. `label` names what it reads when that is not the step itself
/// (a pupil's own pitch), so one page never has two buttons of the same name.
#[component]
pub fn ReadAloud(
    #[prop(into)] text: Signal<String>,
    #[prop(optional)] label: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    let speaking = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let supported = browser::speech_supported();
    let toggle = move |_| {
        if speaking.get_untracked() {
            browser::stop_speaking();
            speaking.set(false);
        } else {
            speaking.set(true);
            failed.set(false);
            browser::speak(
                &text.get_untracked(),
                i18n.lang().speech_tag(),
                move |error| {
                    speaking.set(false);
                    failed.set(error);
                },
            );
        }
    };
    on_cleanup(move || {
        if speaking.get_untracked() {
            browser::stop_speaking();
        }
    });
    supported.then(|| {
        view! {
            <button type="button" class="read-aloud" aria-pressed=move || speaking.get().to_string() on:click=toggle>
                <svg class="icon-svg" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                    <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor"/>
                    <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round"/>
                </svg>
                {move || i18n.t(if speaking.get() { Key::StopReading } else { label.unwrap_or(Key::ReadAloud) })}
            </button>
            <span class="read-aloud-status muted" role="status">
                {move || failed.get().then(|| i18n.t(Key::ReadAloudFailed))}
            </span>
        }
    })
}

pub fn mmss(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

thread_local! {
    // Interval handles are not Send, so running timers are kept here by slot number.
    static TICKERS: RefCell<Vec<(usize, gloo_timers::callback::Interval)>> = const { RefCell::new(Vec::new()) };
    static NEXT_SLOT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A countdown with start, pause and reset; announced politely at start, each minute and
/// the end. `on_done` runs when it reaches zero.
#[component]
pub fn Timer(seconds: u32, #[prop(optional)] on_done: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let left = RwSignal::new(seconds);
    let running = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let slot = NEXT_SLOT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let stop = move || TICKERS.with(|t| t.borrow_mut().retain(|(s, _)| *s != slot));
    let tick = move || {
        let now = left.get_untracked().saturating_sub(1);
        left.set(now);
        if now == 0 {
            running.set(false);
            stop();
            announcement.set(i18n.t(Key::TimerDone).to_string());
            if let Some(cb) = on_done {
                cb.run(());
            }
        } else if now.is_multiple_of(60) {
            announcement.set(i18n.f(Key::TimerMinuteLeft, &[("n", &(now / 60).to_string())]));
        }
    };
    let start = move |_| {
        if left.get_untracked() == 0 {
            left.set(seconds);
        }
        running.set(true);
        announcement.set(i18n.f(Key::TimerStarted, &[("time", &mmss(left.get_untracked()))]));
        let interval = gloo_timers::callback::Interval::new(1000, tick);
        TICKERS.with(|t| t.borrow_mut().push((slot, interval)));
    };
    let pause = move |_| {
        running.set(false);
        stop();
    };
    let reset = move |_| {
        running.set(false);
        stop();
        left.set(seconds);
        announcement.set(String::new());
    };
    on_cleanup(stop);
    view! {
        <div class="timer" class:timer-done=move || left.get() == 0>
            <span class="timer-label">{i18n.tr(Key::TimerLabel)}</span>
            <span class="timer-time" role="timer" aria-atomic="true">{move || mmss(left.get())}</span>
            <Show when=move || !running.get()
                fallback=move || view! { <button type="button" class="timer-pause" on:click=pause>{i18n.tr(Key::TimerPause)}</button> }>
                <button type="button" class="timer-start" on:click=start>{i18n.tr(Key::TimerStart)}</button>
            </Show>
            <button type="button" class="timer-reset" on:click=reset>{i18n.tr(Key::TimerReset)}</button>
            <span class="visually-hidden" aria-live="polite">{move || announcement.get()}</span>
        </div>
    }
}

#[component]
pub fn LevelBadges(levels: Vec<Level>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="badges" aria-label=i18n.tr(Key::Levels)>
            {levels.into_iter().map(|l| view! {
                <li class=format!("badge level-{}", l.id())>{move || l.label(i18n.lang())}</li>
            }).collect_view()}
        </ul>
    }
}

/// The school subjects a lesson or course fits (content v1.1); nothing when none.
#[component]
pub fn SubjectBadges(subjects: Vec<Subject>) -> impl IntoView {
    let i18n = use_i18n();
    (!subjects.is_empty()).then(|| {
        view! {
            <ul class="badges subjects" aria-label=i18n.tr(Key::Subjects)>
                {subjects.into_iter().map(|s| view! {
                    <li class="badge subject" data-subject=s.id()>{move || s.label(i18n.lang())}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// A content problem as a reader sees it: the file, where in it, and what is wrong.
pub fn problem_text(file: &str, problem: &Problem, lang: Lang) -> String {
    let place = match &problem.kind {
        ProblemKind::Json { line, column, .. } => format!("{file}:{line}:{column}"),
        _ if problem.path.is_empty() => file.to_string(),
        _ => format!(
            "{file} ({})",
            crate::core::content::problem::path_to_string(&problem.path)
        ),
    };
    format!("{place}: {}", problem.kind.message(lang))
}

#[component]
pub fn FileErrorView(error: FileError) -> impl IntoView {
    let i18n = use_i18n();
    let file = error.file.clone();
    view! {
        <div class="notice notice-error content-error" role="alert">
            <p><strong>{move || i18n.f(Key::FileProblem, &[("file", &file)])}</strong></p>
            <p><code>{move || problem_text(&error.file, &error.problem, i18n.lang())}</code></p>
        </div>
    }
}

/// In place of a tool whose code could not be fetched (the board, the sketch pad, …):
/// `message` says what and that the work is saved; the button fetches it again.
#[component]
pub fn PartNotFetched(message: Key, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice notice-error" role="alert">
            <p>{i18n.tr(message)}</p>
            <p><button type="button" class="button" on:click=move |_| retry.run(())>
                {i18n.tr(Key::TryAgain)}
            </button></p>
        </div>
    }
}

#[component]
pub fn LoadingView() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{i18n.tr(Key::Loading)}</p> }
}

/// A page for one content file: the file once it is ready, or else what to show meanwhile
/// (a heading for focus and a loading message, or the file's problem).
pub fn page_file<T>(
    id: &str,
    load: crate::app::content::Load<T>,
) -> Result<std::sync::Arc<crate::core::content::load::Loaded<T>>, AnyView> {
    use crate::app::content::Load;
    let id = id.to_string();
    match load {
        Load::Ready(file) => Ok(file),
        Load::Loading => Err(view! {
            <h1 id="page-title" tabindex="-1" class="visually-hidden">{id}</h1>
            <LoadingView/>
        }
        .into_any()),
        Load::Failed(e) => Err(view! {
            <h1 id="page-title" tabindex="-1">{id}</h1>
            <FileErrorView error=e/>
        }
        .into_any()),
    }
}

/// [`page_file`], but while the file is on its way and its card is here, `top(card)`
/// instead: the page's top from the index, in the same words and place as the frame in
/// index.html drew it, so nothing flickers before the page.
pub fn page_file_or_card<T: crate::app::content::ContentFile>(
    id: &str,
    load: crate::app::content::Load<T>,
    top: impl FnOnce(&T::Summary) -> AnyView,
) -> Result<std::sync::Arc<crate::core::content::load::Loaded<T>>, AnyView> {
    match crate::app::content::use_content().card_while_loading(id, &load) {
        Some(card) => Err(top(&card.summary)),
        None => page_file(id, load),
    }
}

/// A list item for one content file: its summary once there is one, or else a card saying
/// it is loading or what is wrong with it.
pub fn card_view<S>(
    card: crate::app::content::Card<S>,
) -> Result<std::sync::Arc<crate::core::content::Hashed<S>>, AnyView> {
    use crate::app::content::Card;
    match card {
        Card::Ready(summary) => Ok(summary),
        Card::Loading => Err(view! { <li class="card"><LoadingView/></li> }.into_any()),
        Card::Broken(e) => {
            Err(view! { <li class="card broken"><FileErrorView error=e/></li> }.into_any())
        }
    }
}

/// Keeps a text field showing `value` without writing to it while it already shows that
/// text: the pupil's own typing comes back from the store unchanged, so it causes no DOM
/// write (and never moves the caret); another tab's edit still arrives.
pub fn sync_value<E>(node: NodeRef<E>, value: impl Fn() -> String + Send + Sync + 'static)
where
    E: leptos::html::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let wanted = value();
        let Some(el) = node.get() else { return };
        let el: &wasm_bindgen::JsValue = el.as_ref();
        let current = js_sys::Reflect::get(el, &"value".into())
            .ok()
            .and_then(|v| v.as_string());
        if current.as_deref() != Some(wanted.as_str()) {
            let _ = js_sys::Reflect::set(el, &"value".into(), &wanted.into());
        }
    });
}

/// A button for something that cannot be undone: the first press asks, the second does it.
/// One component for every such button (delete, erase, clear), so its view is compiled
/// once. `id` names the first button; the confirming one is `<id>-confirm`.
#[component]
pub fn ConfirmButton(
    #[prop(into)] id: String,
    label: Key,
    confirm: Key,
    on_confirm: Callback<()>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let confirm_id = format!("{id}-confirm");
    move || {
        if asking.get() {
            let confirm_id = confirm_id.clone();
            view! {
                <span class="confirm">
                    <button type="button" class=format!("danger {class}-confirm") id=confirm_id.clone() on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{move || i18n.t(confirm)}</button>
                    " "
                    <button type="button" on:click=move |_| asking.set(false)>{i18n.tr(Key::Cancel)}</button>
                </span>
            }
            .into_any()
        } else {
            let focus = confirm_id.clone();
            view! {
                <button type="button" class=format!("danger {class}") id=id.clone() on:click=move |_| {
                    asking.set(true);
                    browser::focus_id(&focus);
                }>{move || i18n.t(label)}</button>
            }
            .into_any()
        }
    }
}

/// The icon of a step type, from the sprite in `index.html`; decorative (the step's name
/// is always said in words next to it). A type the app does not know gets the "cannot be
/// shown" icon.
pub fn step_icon(kind: &str) -> impl IntoView {
    let known = crate::core::content::step::STEP_TYPES.contains(&kind);
    let id = if known { kind } else { "broken" };
    // An element, not `inner_html`: the browser would parse a fragment of HTML for every
    // icon, and a catalogue shows hundreds.
    view! {
        <svg class="step-icon" data-icon=id.to_string() aria-hidden="true" focusable="false">
            <use href=format!("#i-{id}")></use>
        </svg>
    }
}
