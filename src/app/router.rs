//! The current route, from the URL fragment. `push` adds a history entry; `replace` does not.

use super::browser;
use crate::core::route::Route;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    pub fn new() -> Router {
        let route = RwSignal::new(Route::parse(&browser::location_hash()));
        browser::on_window("hashchange", move |_: web_sys::Event| {
            let next = Route::parse(&browser::location_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        });
        Router { route }
    }

    pub fn push(&self, to: Route) {
        browser::push_hash(&to.href());
    }

    pub fn replace(&self, to: Route) {
        browser::replace_hash(&to.href());
        self.route.set(to);
    }
}

impl Default for Router {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
