//! The app's first render, spread over several tasks of the browser's main thread. On a
//! slow Chromebook the whole first render was one task of about 150 ms, the longest of the
//! start (and Lighthouse's blocking time counts every task's time over 50 ms). Drawn a part
//! per task into an element outside the page, no task is that long, and the app takes the
//! place of the frame index.html shows only when every part is drawn: no one sees it half
//! drawn, and nothing (a pupil's click, a test) can reach a part of it before.

use super::browser;
use leptos::prelude::*;

/// The parts of the app in the order they are drawn, one per task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The app's contexts: saved work, content, language, route.
    Contexts,
    /// The shell's outline: the skip link and the page's `<main>`.
    Shell,
    Header,
    /// The footer, and the notices and update prompt above the page.
    Footer,
    Page,
    /// The lower part of a page with a long list (the cards), which the page wraps in
    /// [`Later`]: its top is drawn in the task before.
    PageRest,
}

impl Stage {
    const LATER: [Stage; 5] = [
        Stage::Shell,
        Stage::Header,
        Stage::Footer,
        Stage::Page,
        Stage::PageRest,
    ];

    /// The name of its `performance.measure`, for `make bench` and probes.
    fn measure(self) -> &'static str {
        match self {
            Stage::Contexts => "spire:draw-contexts",
            Stage::Shell => "spire:draw-shell",
            Stage::Header => "spire:draw-header",
            Stage::Footer => "spire:draw-footer",
            Stage::Page => "spire:draw-page",
            Stage::PageRest => "spire:draw-page-rest",
        }
    }
}

/// How far the first render has got; every part is drawn at once after it.
#[derive(Clone, Copy)]
pub struct Startup {
    stage: ReadSignal<Stage>,
    shown: ReadSignal<bool>,
}

impl Startup {
    /// Whether the app is in the page (tracked). The first render is drawn outside it,
    /// where nothing has a size: a view that measures itself (a drawing's canvas, a poster
    /// fitted to its page) measures again when this turns true.
    pub fn shown(&self) -> bool {
        self.shown.get()
    }
}

pub fn use_startup() -> Startup {
    use_context().expect("App provides Startup")
}

/// Draws `children` once the first render has reached `at`.
#[component]
pub fn Later(at: Stage, children: ChildrenFn) -> impl IntoView {
    let stage = use_startup().stage;
    // A memo, so the children are drawn once when `at` is reached, not again at each
    // stage after it.
    let reached = Memo::new(move |_| stage.get() >= at);
    move || reached.get().then(|| children())
}

/// Mounts the app drawn by `app` (given the [`Startup`] to provide) and draws the rest of
/// it a part per task; then puts it in place of the frame. The page is drawn once
/// `page_code` (the fetch of the page's own code, and the reading of its own content file)
/// is done, so the frame is not replaced by an empty or half-drawn page.
pub fn mount<V: IntoView + 'static>(
    app: impl FnOnce(Startup) -> V + 'static,
    page_code: impl std::future::Future<Output = ()> + 'static,
) {
    let started = browser::perf_now();
    let (stage, set_stage) = signal(Stage::Contexts);
    let (shown, set_shown) = signal(false);
    let holder = browser::detached_div();
    leptos::mount::mount_to(holder.clone(), move || app(Startup { stage, shown })).forget();
    browser::perf_measure(Stage::Contexts.measure(), started);
    wasm_bindgen_futures::spawn_local(async move {
        let mut page_code = Some(page_code);
        for next in Stage::LATER {
            if next == Stage::Page {
                if let Some(code) = page_code.take() {
                    code.await;
                }
            }
            browser::next_task().await;
            let drawing = browser::perf_now();
            set_stage.set(next);
            // Leptos draws in its render effects, queued before this tick.
            leptos::task::tick().await;
            browser::perf_measure(next.measure(), drawing);
        }
        // One task, so the browser never paints the page with neither or both.
        browser::move_children_to_body(&holder);
        browser::remove_id("static-shell");
        set_shown.set(true);
        // For `make bench`: how long the first render takes, apart from loading the wasm.
        browser::perf_measure("spire:mount", started);
    });
}
