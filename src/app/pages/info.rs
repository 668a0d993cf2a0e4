//! The short fixed pages: about, privacy, accessibility statement, not found.

use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::core::i18n::Key;
use crate::core::route::Route;
use leptos::prelude::*;

/// What Spire does, in six pictures with short captions: icons of the sprite in
/// `index.html` (decoration: the caption says it all), as a list a screen reader counts.
fn about_pictures() -> impl IntoView {
    let i18n = use_i18n();
    const PICTURES: [(&str, Key, Key); 6] = [
        ("read", Key::AboutPicLearnTitle, Key::AboutPicLearn),
        ("brainstorm", Key::AboutPicIdeasTitle, Key::AboutPicIdeas),
        ("canvas", Key::AboutPicCanvasTitle, Key::AboutPicCanvas),
        (
            "role_model",
            Key::AboutPicRoleModelsTitle,
            Key::AboutPicRoleModels,
        ),
        ("pitch", Key::AboutPicPitchTitle, Key::AboutPicPitch),
        ("device", Key::AboutPicPrivateTitle, Key::AboutPicPrivate),
    ];
    view! {
        <section class="about-pictures" aria-labelledby="about-pictures-title">
            <h2 id="about-pictures-title">{i18n.tr(Key::AboutPicturesTitle)}</h2>
            <ul>
                {PICTURES.into_iter().map(|(icon, title, text)| view! {
                    <li class="about-picture">
                        <svg class="about-icon" aria-hidden="true" focusable="false">
                            <use href=format!("#i-{icon}")></use>
                        </svg>
                        <h3>{move || i18n.t(title)}</h3>
                        <p>{move || i18n.t(text)}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

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
            {(page == "about").then(about_pictures)}
            {move || rich_text(i18n.t(body))}
            {(page == "not-found").then(|| view! {
                <p><a class="button" href=Route::Home.href()>{i18n.tr(Key::GoHome)}</a></p>
            })}
        </article>
    }
}

/// Shown in place of a page whose code could not be fetched (no network before the app was
/// kept offline). Part of the first load, so it can always be drawn.
#[component]
pub fn PageNotFetched(retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::PageNotFetchedTitle)));
    view! {
        <article data-page="not-fetched" class="page info-page">
            <h1 id="page-title" tabindex="-1">{move || i18n.t(Key::PageNotFetchedTitle)}</h1>
            <p role="alert">{move || i18n.t(Key::PageNotFetchedBody)}</p>
            <p><button type="button" class="button" on:click=move |_| retry.run(())>
                {i18n.tr(Key::TryAgain)}
            </button></p>
        </article>
    }
}
