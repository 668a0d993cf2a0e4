//! A read step: rich text and an optional image (the player's read-aloud button reads it).

use crate::app::content::media_url;
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::core::content::step::ReadStep;
use leptos::prelude::*;

#[component]
pub fn ReadView(step: ReadStep) -> impl IntoView {
    let i18n = use_i18n();
    let body = step.body.clone();
    let image = step.image.as_deref().and_then(media_url);
    view! {
        <div class="rich read-body">{move || rich_text(&i18n.text(&body))}</div>
        {image.map(|src| view! { <img class="step-image" src=src alt="" loading="lazy"/> })}
    }
}
