//! The app: Leptos components that render the core's data and turn input into core
//! operations, and the thin browser adapter. Contexts: `Store` (saved work, the one owner),
//! `Content` (loaded files), `I18n` (language), `Router` (the current page).

pub mod batch;
pub mod board;
pub mod browser;
pub mod content;
pub mod i18n;
pub mod import_panel;
pub mod media_io;
pub mod pages;
pub mod rich;
pub mod router;
pub mod shell;
pub mod steps;
pub mod store;
pub mod widgets;

use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let store = store::Store::load();
    provide_context(store);
    let i18n = i18n::I18n::new(store);
    provide_context(i18n);
    provide_context(content::Content::new());
    provide_context(router::Router::new());
    Effect::new(move |_| browser::set_document_lang(i18n.lang().code()));
    Effect::new(move |_| browser::set_root_class("young", store.with_settings(|s| s.young_mode())));
    // Ask once per start; the answer is shown on My work.
    leptos::task::spawn_local(async {
        let _ = browser::persist_storage().await;
    });
    view! { <shell::Shell/> }
}

/// Mounts the app on the page, replacing the frame index.html shows while the WebAssembly
/// loads. Both happen in one task, so the browser never paints the page without a frame.
/// The frame is painted once first, even when the wasm arrives before the first paint:
/// the app's first paint then puts the same words in the same place, so the page's
/// largest paint is the frame's, however fast or slow the network.
pub fn start() {
    console_error_panic_hook::set_once();
    browser::after_next_paint(mount);
}

fn mount() {
    let started = browser::perf_now();
    leptos::mount::mount_to_body(App);
    browser::remove_id("static-shell");
    // For `make bench`: how long the first render takes, apart from loading the wasm.
    browser::perf_measure("spire:mount", started);
}
