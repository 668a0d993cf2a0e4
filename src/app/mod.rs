//! The app: Leptos components that render the core's data and turn input into core
//! operations, and the thin browser adapter. Contexts: `Store` (saved work, the one owner),
//! `Content` (loaded files), `I18n` (language), `Router` (the current page).

pub mod batch;
pub mod board;
pub mod browser;
pub mod content;
pub mod feature_cost;
pub mod fetched;
pub mod i18n;
pub mod import_panel;
pub mod media_io;
pub mod pages;
pub mod rich;
pub mod router;
pub mod shell;
pub mod startup;
pub mod steps;
pub mod store;
pub mod widgets;

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// The root component, given the saved work and the content, each made in a task of its
/// own before the mount.
#[component]
pub fn App(
    store: store::Store,
    content: content::Content,
    startup: startup::Startup,
) -> impl IntoView {
    provide_context(startup);
    provide_context(store);
    let i18n = i18n::I18n::new(store);
    provide_context(i18n);
    provide_context(content);
    provide_context(router::Router::new());
    Effect::new(move |_| browser::set_document_lang(i18n.lang().code()));
    Effect::new(move |_| browser::set_root_class("young", store.with_settings(|s| s.young_mode())));
    // Ask once per start; the answer is shown on My work.
    leptos::task::spawn_local(async {
        let _ = browser::persist_storage().await;
    });
    store.sweep_media_later();
    view! { <startup::Later at=startup::Stage::Shell><shell::Shell/></startup::Later> }
}

/// How long the start waits for the content index boot.js asked for before mounting
/// without it (the app then shows its pages' loading states until it comes).
const INDEX_WAIT_MS: i32 = 3_000;

/// How long the start waits for the page's own file (which boot.js asked for with the
/// index) before drawing the page without it: the page then shows its top and a loading
/// line until it comes.
const FILE_WAIT_MS: i32 = 3_000;

/// Mounts the app on the page, replacing the frame index.html shows while the WebAssembly
/// loads. Before that, the content index boot.js asked for is read, a few summaries per
/// task: the first render then has every card and title, so nothing on the page is drawn
/// twice, and reading it does not lengthen the tasks that mount. So is the page's own file
/// (a lesson's, a challenge's), which boot.js asked for with the index. The app is drawn a part
/// per task outside the page (see [`startup`]). The frame has been painted by then:
/// trunk's start-up script fetches the wasm only after boot.js says so
/// (`window.spireFrame`), so the page's largest paint is the frame's.
pub fn start() {
    console_error_panic_hook::set_once();
    // Started here rather than by the mount: the content may start its fetch before it.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // The page's own code is fetched while the rest starts (see pages::page).
    let route = crate::core::route::Route::parse(&browser::location_hash());
    let preload = route.clone();
    leptos::task::spawn_local(async move {
        let _ = pages::preload(&preload).await;
    });
    leptos::task::spawn_local(async {
        let early = match browser::prefetched_index_within(INDEX_WAIT_MS).await {
            Some(text) => {
                browser::next_task().await;
                Some(content::read_index(Ok(text)).await)
            }
            None => None,
        };
        // Saved work and the content's state are the longest parts of the contexts (with
        // much saved work, or many files): each gets a task, before the first stage.
        browser::next_task().await;
        let store = browser::measured("spire:read-work", store::Store::load);
        browser::next_task().await;
        let content = browser::measured("spire:set-index", || content::Content::new(early));
        // A first page that draws with the tools part (a board, a sketch pad): that part is
        // fetched while the files its steps draw from are read, as soon as the page's own
        // file says it needs it, and the mount waits for it. (A canvas's page says so
        // itself: `pages::preload` fetches the tools with it.)
        let tools = Rc::new(Cell::new(false));
        let page_file = content.load_page_file(&route, {
            let (route, tools) = (route.clone(), tools.clone());
            move || {
                if pages::player::shows_tools(&route, content, store) {
                    tools.set(true);
                    leptos::task::spawn_local(board::fetch_tools());
                }
            }
        });
        browser::next_task().await;
        startup::mount(
            move |startup| view! { <App store content startup/> },
            async move {
                // The fetch started first thing above, waited for here (a part's loader
                // lets a second caller wait for the same fetch). A failure shows on the page
                // itself, with a way to try again.
                let _ = pages::preload(&route).await;
                if let Some(read) = page_file {
                    browser::settled_within(read, FILE_WAIT_MS).await;
                }
                if tools.get() {
                    board::fetch_tools().await;
                }
            },
        );
    });
}
