//! Local offers (content v1.1): `lessons/local.json`, which a municipality or school edits,
//! shown by level. A folder without the file is normal: the page says none are listed.
//! Links are shown only when they are `https://`, and open as external links.

use crate::app::batch::{batched, CARDS_PER_TASK};
use crate::app::browser;
use crate::app::content::{FileError, CONTENT_ROOT};
use crate::app::i18n::{tr, use_i18n};
use crate::app::rich::rich_text;
use crate::app::router::use_router;
use crate::app::widgets::{problem_text, FileErrorView, LevelBadges, LoadingView};
use crate::core::content::load::{self, Loaded};
use crate::core::content::local::{is_https_link, LOCAL_FILE};
use crate::core::content::{Level, LocalOffers, Offer};
use crate::core::i18n::Key;
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone)]
enum LocalState {
    Loading,
    /// The content folder has no local.json.
    None,
    Failed(FileError),
    Ready(Arc<Loaded<LocalOffers>>),
}

#[component]
pub fn LocalPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let level = Memo::new(move |_| match router.route.get() {
        Route::Local(level) => level,
        _ => None,
    });
    Effect::new(move |_| super::set_title(i18n.t(Key::LocalTitle)));
    let state = RwSignal::new(LocalState::Loading);
    spawn_local(async move {
        let file = format!("{CONTENT_ROOT}{LOCAL_FILE}");
        // boot.js asked for it already when the app started on this page.
        let text = match browser::take_prefetched(browser::PREFETCHED_LOCAL).await {
            Some(answer) => Ok(answer),
            None => browser::fetch_optional_text(&file).await,
        };
        let next = match text {
            Ok(None) => LocalState::None,
            Ok(Some(text)) => match load::load_local(&text) {
                Ok(loaded) => LocalState::Ready(Arc::new(loaded)),
                Err(problem) => LocalState::Failed(FileError { file, problem }),
            },
            Err(reason) => LocalState::Failed(FileError {
                file,
                problem: crate::core::content::Problem {
                    path: vec![],
                    kind: crate::core::content::ProblemKind::Unreadable(reason),
                },
            }),
        };
        state.set(next);
    });
    let body = move || match state.get() {
        LocalState::Loading => view! { <LoadingView/> }.into_any(),
        LocalState::None => {
            view! { <p class="empty" id="no-local-offers">{tr(Key::LocalNone)}</p> }.into_any()
        }
        LocalState::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
        LocalState::Ready(loaded) => view! { <Offers loaded=loaded level=level/> }.into_any(),
    };
    view! {
        <div data-page="local" class="page local-page">
            <h1 id="page-title" tabindex="-1">{tr(Key::LocalTitle)}</h1>
            <p class="lead">{tr(Key::LocalIntro)}</p>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <super::catalogue::Select id="local-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || level.get().map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| router.replace(Route::Local(Level::parse(&v))))/>
            </form>
            {body}
        </div>
    }
}

#[component]
fn Offers(loaded: Arc<Loaded<LocalOffers>>, level: Memo<Option<Level>>) -> impl IntoView {
    let i18n = use_i18n();
    let file = format!("{CONTENT_ROOT}{LOCAL_FILE}");
    let local = Arc::new(loaded.value.clone());
    let place = local.place.clone();
    let intro = local.intro.clone();
    let example = local.example;
    let problems = loaded.problems.clone();
    let for_list = local.clone();
    let shown = Memo::new(move |_| {
        // Keyed by the offer's place in the file, so a row never shows another offer.
        for_list
            .for_level(level.get())
            .map(|(i, o)| (i, o.clone()))
            .collect::<Vec<(usize, Offer)>>()
    });
    // A card holds rich text: drawn a batch per task, so the first page of a start on
    // this page is not one long task.
    let drawn = batched(shown, CARDS_PER_TASK);
    view! {
        <h2 class="place">{move || i18n.f(Key::LocalPlace, &[("place", &i18n.text(&place))])}</h2>
        {example.then(|| view! {
            <p class="notice notice-warning" id="local-example">{tr(Key::LocalExample)}</p>
        })}
        {(!problems.is_empty()).then(|| view! {
            <div class="notice notice-warning content-problems" role="alert">
                <p>{tr(Key::LessonProblems)}</p>
                <ul>{problems.iter().map(|p| {
                    let (p, f) = (p.clone(), file.clone());
                    view! { <li><code>{move || problem_text(&f, &p, i18n.lang())}</code></li> }
                }).collect_view()}</ul>
            </div>
        })}
        {intro.map(|t| view! { <div class="rich local-intro">{move || rich_text(&i18n.text(&t))}</div> })}
        <p class="result-count" role="status" aria-live="polite" id="result-count">
            {move || i18n.f(Key::LocalCount, &[("n", &shown.get().len().to_string())])}
        </p>
        <ul class="cards offer-cards">
            <For each=move || drawn.get() key=|(i, _)| *i let:item>
                <OfferCard offer=item.1/>
            </For>
        </ul>
    }
}

#[component]
fn OfferCard(offer: Offer) -> impl IntoView {
    let i18n = use_i18n();
    let kind = offer.kind;
    let (title, description) = (offer.title.clone(), offer.description.clone());
    let link = is_https_link(&offer.link).then(|| offer.link.clone());
    let spoken_title = title.clone();
    view! {
        <li class="card offer-card" data-offer-kind=kind.id()>
            <p class="badge offer-kind">{move || kind.label(i18n.lang())}</p>
            <h3>{i18n.text_of(title)}</h3>
            <div class="rich">{move || rich_text(&i18n.text(&description))}</div>
            <LevelBadges levels=offer.levels.clone()/>
            <dl class="offer-facts">
                {offer.when.clone().map(|w| view! {
                    <dt>{tr(Key::LocalWhen)}</dt><dd>{i18n.text_of(w)}</dd>
                })}
                {offer.contact.clone().map(|c| view! {
                    <dt>{tr(Key::LocalContact)}</dt><dd>{i18n.text_of(c)}</dd>
                })}
            </dl>
            {link.map(|href| view! {
                <p>
                    <a class="external" href=href target="_blank" rel="noopener noreferrer">
                        {move || i18n.f(Key::LocalReadMore, &[("title", &i18n.text(&spoken_title))])}
                    </a>
                </p>
            })}
        </li>
    }
}
