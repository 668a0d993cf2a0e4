//! A read step: rich text, an optional image, read aloud.

use crate::app::content::media_url;
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::widgets::ReadAloud;
use crate::core::content::step::ReadStep;
use crate::core::markdown::plain_text;
use leptos::prelude::*;

#[component]
pub fn ReadView(step: ReadStep) -> impl IntoView {
    let i18n = use_i18n();
    let body = step.body.clone();
    let spoken = step.body.clone();
    let image = step.image.as_deref().and_then(media_url);
    view! {
        <ReadAloud text=Signal::derive(move || plain_text(&i18n.text(&spoken)))/>
        <div class="rich read-body">{move || rich_text(&i18n.text(&body))}</div>
        {image.map(|src| view! { <img class="step-image" src=src alt="" loading="lazy"/> })}
    }
}
