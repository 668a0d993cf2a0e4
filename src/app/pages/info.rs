//! The short fixed pages: about, privacy, accessibility statement, not found.

use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::core::i18n::Key;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn InfoPage(page: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let (title, body) = match page {
        "about" => (Key::AboutTitle, Key::AboutBody),
        "privacy" => (Key::PrivacyTitle, Key::PrivacyBody),
        "accessibility" => (Key::AccessibilityTitle, Key::AccessibilityBody),
        _ => (Key::NotFoundTitle, Key::NotFoundBody),
    };
    Effect::new(move |_| super::set_title(i18n.t(title)));
    view! {
        <article data-page=page class="page info-page">
            <h1 id="page-title" tabindex="-1">{move || i18n.t(title)}</h1>
            {move || rich_text(i18n.t(body))}
            {(page == "not-found").then(|| view! {
                <p><a class="button" href=Route::Home.href()>{move || i18n.t(Key::GoHome)}</a></p>
            })}
        </article>
    }
}
