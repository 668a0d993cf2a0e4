//! A pupil's own earlier answer shown with a step (`recall`): read-only, with its photos
//! and recordings, and a link to where it is edited, or a pointer to where to make it when
//! there is none yet.

use super::media::{MediaAudio, PhotoGallery};
use super::StepCtx;
use crate::app::content::{use_content, Load};
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::core::content::step::Recall;
use crate::core::content::{CanvasTemplate, Step, StepSlot};
use crate::core::i18n::Key;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::work_ref::PROP_CHALLENGE;
use crate::core::progress::{WorkKind, WorkRef};
use crate::core::recap::{recap, Recap, RecapContext};
use leptos::prelude::*;
use std::sync::Arc;

/// The work a recall reads from: the named lesson or challenge, else the current work. A
/// team project reads its own answers also where a recall names the project's challenge
/// (`own_challenge`, see [`own_challenge`]).
pub fn source(recall: &Recall, current: &WorkRef, own_challenge: Option<&str>) -> WorkRef {
    match (&recall.lesson, &recall.challenge) {
        (Some(l), _) => WorkRef::lesson(l.as_str()),
        (None, Some(c)) if Some(c.as_str()) == own_challenge => current.clone(),
        (None, Some(c)) => WorkRef::challenge(c.as_str()),
        (None, None) => current.clone(),
    }
}

/// The challenge a team project follows (untracked: it is fixed when the project starts).
pub fn own_challenge(work: &WorkRef) -> Option<String> {
    match work.kind {
        WorkKind::Project => use_store().with(|p| {
            p.work(work)
                .and_then(|w| w.prop(PROP_CHALLENGE))
                .map(String::from)
        }),
        _ => None,
    }
}

#[component]
pub fn RecallView(recall: Recall, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let store = use_store();
    let own = own_challenge(&ctx.work);
    let from = source(&recall, &ctx.work, own.as_deref());
    let same_work = from == ctx.work;
    if !same_work {
        let ensure = from.clone();
        Effect::new(move |_| content.ensure_work_file(&ensure, None));
    }
    let step_id = recall.step.to_string();
    // The source's steps (tracked: they arrive when its file has loaded).
    let steps = {
        let (from, own) = (from.clone(), ctx.steps.clone());
        move || -> Option<Arc<Vec<StepSlot>>> {
            if same_work {
                return Some(own.clone());
            }
            // A recall names a lesson or a challenge, never other kinds of work.
            content.work_steps(&from).map(Arc::new)
        }
    };
    let work_name = {
        let from = from.clone();
        move || {
            store
                .with_work(&from, |w| content.work_title(&from, w))
                .map(|t| i18n.text(&t))
                .unwrap_or_else(|| from.id.clone())
        }
    };
    let heading = recall.title.clone();
    let heading_name = work_name.clone();
    let body = move || {
        let steps = steps()?;
        let step = steps
            .iter()
            .find(|s| s.id() == Some(step_id.as_str()))
            .and_then(StepSlot::ready)
            .cloned();
        let href = from.route(Some(step_id.clone())).href();
        let Some(step) = step else {
            let gone = i18n.f(
                Key::RecallStepGone,
                &[("work", &work_name()), ("step", &step_id)],
            );
            return Some(view! { <p class="muted">{gone}</p> }.into_any());
        };
        let answer = store.answer(&from, &step_id);
        let canvas = canvas_of(&step);
        let recap_ctx = RecapContext {
            ideas: vote_source(&step)
                .map(|b| ideas_in_order(store.answer(&from, &b).as_ref()))
                .unwrap_or_default(),
            canvas: canvas.as_deref(),
        };
        let step_name = step
            .label()
            .map(|t| i18n.text(t))
            .unwrap_or_else(|| step_id.clone());
        Some(match recap(&step, answer.as_ref(), &recap_ctx, i18n.lang()) {
            Recap::Empty => view! {
                <p>{i18n.f(Key::RecallMissing, &[("step", &step_name), ("work", &work_name())])}</p>
                <p><a href=href class="recall-link">{i18n.f(Key::RecallGoThere, &[("step", &step_name)])}</a></p>
            }
            .into_any(),
            recapped => {
                let (photos, recordings) = (recapped.photos().to_vec(), recapped.recordings().to_vec());
                let question = step_name.clone();
                view! {
                <p class="recall-step muted">{step_name}</p>
                {recap_view(recapped)}
                {(!photos.is_empty()).then(|| view! { <PhotoGallery photos=photos question=question/> })}
                {recordings.into_iter().map(|clip| view! { <MediaAudio clip=clip/> }).collect_view()}
                <p><a href=href class="recall-link">{i18n.f(Key::RecallEdit, &[("work", &work_name())])}</a></p>
                }
                .into_any()
            }
        })
    };
    view! {
        <aside class="recall" aria-label=move || heading.as_ref().map(|t| i18n.text(t)).unwrap_or_else(|| i18n.f(Key::RecallHeading, &[("work", &heading_name())]))>
            <h3 class="recall-title">{
                let (title, name) = (recall.title.clone(), heading_name.clone());
                move || title.as_ref().map(|t| i18n.text(t)).unwrap_or_else(|| i18n.f(Key::RecallHeading, &[("work", &name())]))
            }</h3>
            {body}
        </aside>
    }
}

/// The brainstorm a vote step counts dots for.
fn vote_source(step: &Step) -> Option<String> {
    match step {
        Step::Vote(v) => Some(v.from.to_string()),
        _ => None,
    }
}

/// The template of a canvas step, once loaded (tracked); starts loading it.
fn canvas_of(step: &Step) -> Option<Arc<CanvasTemplate>> {
    let Step::Canvas(c) = step else {
        return None;
    };
    let content = use_content();
    content.ensure_canvas(c.canvas.as_str());
    match content.canvas(c.canvas.as_str()) {
        Load::Ready(t) => Some(Arc::new(t.value.clone())),
        _ => None,
    }
}

fn parts_view(parts: Vec<(String, String)>) -> AnyView {
    view! {
        <dl class="recall-parts">
            {parts.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
    .into_any()
}

/// A recap as plain text nodes: never HTML.
pub fn recap_view(recap: Recap) -> AnyView {
    match recap {
        Recap::Text(text) => view! { <p class="recall-text">{text}</p> }.into_any(),
        Recap::Media { summary, text, .. } => view! {
            <p class="recall-media">{summary}</p>
            {(!text.is_empty()).then(|| view! { <p class="recall-text">{text}</p> })}
        }
        .into_any(),
        Recap::List(items) => view! {
            <ul class="recall-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Recap::Labelled(parts) => parts_view(parts),
        // The words; the views that show pictures add the photos (`Recap::photos`).
        Recap::Notes { parts, summary, .. } => view! {
            {parts_view(parts)}
            <p class="recall-media">{summary}</p>
        }
        .into_any(),
        Recap::Empty => ().into_any(),
    }
}
