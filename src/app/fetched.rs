//! Code that the build splits off and the browser fetches when it is first needed: a page
//! of a part of the app, or a tool of the tools part (ARCHITECTURE.md, "Code split by
//! page").

use crate::app::widgets::LoadingView;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A view whose code may still be on its way: `fetch` brings the code (at once, when it is
/// here), `draw` draws the view with it; or `missing` — a message with a way to try again —
/// when it cannot be fetched. A failed fetch is not remembered, so trying again fetches
/// anew. If the view is gone by the time its code comes (the pupil moved on, or what it
/// shows changed), it is not drawn: what it was given may be gone with it.
pub fn fetched<P, PF, F, Fut>(fetch: P, draw: F, missing: fn(Callback<()>) -> AnyView) -> AnyView
where
    P: Fn() -> PF + Send + Sync + 'static,
    PF: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
    F: Fn() -> Fut + Send + Sync + Clone + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    (move || {
        attempt.track();
        let fetching = fetch();
        let draw = draw.clone();
        Suspend::new(async move {
            if fetching.await.is_err() {
                return missing(retry);
            }
            if attempt.try_get_untracked().is_none() {
                return ().into_any();
            }
            draw().await.unwrap_or_else(|_| missing(retry))
        })
    })
    .into_any()
}

/// A tool on a page (the board, the sketch pad) whose code may still be on its way: a
/// loading line until it is here, then drawn as any view is, in the same task when it is
/// here already; or `missing` when it cannot be fetched. Unlike [`fetched`], no `Suspend`:
/// the tool is drawn by an ordinary reactive closure, so it is owned, and cleaned up, as
/// the rest of its page is.
pub fn fetched_tool<P, PF, F, Fut>(
    fetch: P,
    draw: F,
    missing: fn(Callback<()>) -> AnyView,
) -> AnyView
where
    P: Fn() -> PF + Copy + Send + Sync + 'static,
    PF: Future<Output = Result<(), SplitLoaderError>> + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>>,
{
    // `None` while the code is on its way, then whether it came.
    let here = RwSignal::new(None::<bool>);
    let load = move || {
        let mut fetching = Box::pin(fetch());
        match poll_once(fetching.as_mut()) {
            Some(done) => here.set(Some(done.is_ok())),
            None => {
                here.set(None);
                leptos::task::spawn_local(async move {
                    let came = fetching.await.is_ok();
                    here.try_set(Some(came));
                });
            }
        }
    };
    load();
    let retry = Callback::new(move |()| load());
    (move || match here.get() {
        None => view! { <LoadingView/> }.into_any(),
        // Here already, so the split function does not wait: it draws at its first poll.
        Some(true) => poll_once(std::pin::pin!(draw()))
            .and_then(Result::ok)
            .unwrap_or_else(|| missing(retry)),
        Some(false) => missing(retry),
    })
    .into_any()
}

/// The future's result if it has one at its first poll.
fn poll_once<T>(future: Pin<&mut impl Future<Output = T>>) -> Option<T> {
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
