//! Host briefs: the blank one-page form a local company or public body fills in, and the
//! teacher's form that turns a filled brief into a spin-in challenge on this device — shown
//! as the team sees it, playable as a team project here, and downloadable as a content file.

use super::challenges::{ChallengeOverview, ProjectItem};
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::router::use_router;
use crate::app::store::use_store;
use crate::core::content::vocab::HostKind;
use crate::core::content::Level;
use crate::core::i18n::Key;
use crate::core::progress::{WorkKind, WorkRef};
use crate::core::project::host_brief::{BriefField, HostBrief, YES};
use crate::core::project::{projects, ChallengeSource};
use crate::core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The briefs on this device, and starting a new one.
#[component]
pub fn HostBriefsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    Effect::new(move |_| super::set_title(i18n.t(Key::HostBriefsTitle)));
    let briefs = Memo::new(move |_| {
        store.with_list(|p| {
            p.live_work()
                .filter(|(r, _)| r.kind == WorkKind::Brief)
                .map(|(r, w)| (r.id.clone(), HostBrief::from_work(&r.id, Some(w)).host_name))
                .collect::<Vec<_>>()
        })
    });
    let new_brief = move |_| {
        let id = store.new_id();
        let r = WorkRef::brief(id.as_str());
        store.update_work(&r, |p, now| {
            p.set_prop(&r, BriefField::HostKind.prop(), HostKind::Company.id(), now)
        });
        router.push(Route::HostBrief { id: id.to_string() });
    };
    view! {
        <div data-page="host-briefs" class="page host-briefs-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::HostBriefsTitle)}</h1>
            <p class="lead">{i18n.tr(Key::HostBriefsIntro)}</p>
            <p class="actions">
                <a class="button" href=Route::HostBriefForm.href()>{i18n.tr(Key::HostBriefBlank)}</a>
                <button type="button" class="primary" on:click=new_brief>{i18n.tr(Key::HostBriefNew)}</button>
            </p>
            <h2>{i18n.tr(Key::HostBriefsOnDevice)}</h2>
            <Show when=move || briefs.get().is_empty()>
                <p class="muted">{i18n.tr(Key::HostBriefsNone)}</p>
            </Show>
            <ul class="brief-list">
                <For each=move || briefs.get() key=|b| b.clone() let:b>
                    <li><a href=Route::HostBrief { id: b.0.clone() }.href()>{
                        let name = b.1.clone();
                        move || if name.is_empty() { i18n.t(Key::HostBriefUntitled).to_string() } else { name.clone() }
                    }</a></li>
                </For>
            </ul>
        </div>
    }
}

/// One brief: the form, what is missing, the challenge it makes, its file, the teams on it.
#[component]
pub fn HostBriefPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let work = WorkRef::brief(&id);
    let brief = {
        let (work, id) = (work.clone(), id.clone());
        Memo::new(move |_| {
            store.with_work(&work, |w| {
                w.filter(|w| !w.is_deleted())
                    .map(|w| HostBrief::from_work(&id, Some(w)))
            })
        })
    };
    Effect::new(move |_| super::set_title(i18n.t(Key::HostBriefTitle)));
    let challenge = Memo::new(move |_| brief.get().and_then(|b| b.to_challenge()).map(Arc::new));
    let source = ChallengeSource::Brief(id.clone());
    let download = move |_| {
        if let Some(b) = brief.get_untracked() {
            if let Some(text) = b.to_content_file() {
                browser::download(
                    &format!("{}.json", b.challenge_id()),
                    "application/json",
                    &text,
                );
            }
        }
    };
    let delete = {
        let work = work.clone();
        move |_| {
            store.delete_work(&work);
            router.push(Route::HostBriefs);
        }
    };
    let teams = {
        let source = source.clone();
        Memo::new(move |_| store.with_list(|p| projects(p, Some(&source))))
    };
    view! {
        <div data-page="host-brief" class="page host-brief-page">
            <h1 id="page-title" tabindex="-1">{move || match brief.get() {
                Some(b) if !b.host_name.is_empty() => i18n.f(Key::HostBriefFrom, &[("host", &b.host_name)]),
                _ => i18n.t(Key::HostBriefTitle).to_string(),
            }}</h1>
            <Show when=move || brief.get().is_some()
                fallback=move || view! { <p>{i18n.tr(Key::HostBriefMissing)}</p> }>
                <p class="muted">{i18n.tr(Key::HostBriefFormIntro)}</p>
                <BriefForm work=work.clone()/>
                <section class="brief-result" aria-labelledby="brief-result-title">
                    <h2 id="brief-result-title">{i18n.tr(Key::HostBriefChallenge)}</h2>
                    {move || {
                        let missing = brief.get().map(|b| b.missing()).unwrap_or_default();
                        (!missing.is_empty()).then(|| view! {
                            <p class="notice notice-warning" role="status">{i18n.f(Key::HostBriefMissingFields, &[("fields", &missing.iter().map(|k| i18n.t(*k)).collect::<Vec<_>>().join(", "))])}</p>
                        })
                    }}
                    <Show when=move || challenge.get().is_some()>
                        <p class="actions">
                            <button type="button" class="primary" on:click=download>{i18n.tr(Key::HostBriefDownload)}</button>
                        </p>
                        <p class="muted">{move || i18n.f(Key::HostBriefDownloadHelp, &[("id", &brief.get().map(|b| b.challenge_id()).unwrap_or_default())])}</p>
                    </Show>
                </section>
                {
                    let source = source.clone();
                    move || challenge.get().map(|c| view! {
                        <div class="brief-preview">
                            <ChallengeOverview challenge=c source=source.clone()/>
                        </div>
                    })
                }
                <Show when=move || !teams.get().is_empty()>
                    <ul class="project-list">
                        <For each=move || teams.get() key=|(r, _, _)| r.key() let:item>
                            <ProjectItem project=item.0/>
                        </For>
                    </ul>
                </Show>
                <p><button type="button" class="danger" on:click=delete.clone()>{i18n.tr(Key::HostBriefDelete)}</button></p>
            </Show>
        </div>
    }
}

/// The brief's fields, each saved as it is typed.
#[component]
fn BriefForm(work: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let set = {
        let work = work.clone();
        move |field: BriefField, value: String| {
            store.update_work(&work, |p, now| p.set_prop(&work, field.prop(), &value, now));
        }
    };
    let get = {
        let work = work.clone();
        move |field: BriefField| {
            store.with_work(&work, |w| {
                w.and_then(|w| w.prop(field.prop()))
                    .unwrap_or_default()
                    .to_string()
            })
        }
    };
    let text_field = {
        let (set, get) = (set.clone(), get.clone());
        move |field: BriefField| {
            let id = format!("brief-{}", field.prop());
            let help = field.help();
            let help_id = format!("{id}-help");
            let (set, get) = (set.clone(), get.clone());
            let input = if field.long() {
                let node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(node, move || get(field));
                view! { <textarea id=id.clone() rows="3" maxlength="2000" node_ref=node aria-describedby=help.map(|_| help_id.clone())
                    on:input=move |ev| set(field, event_target_value(&ev))></textarea> }.into_any()
            } else {
                let node = NodeRef::<leptos::html::Input>::new();
                crate::app::widgets::sync_value(node, move || get(field));
                view! { <input id=id.clone() type="text" maxlength="200" node_ref=node aria-describedby=help.map(|_| help_id.clone())
                    on:input=move |ev| set(field, event_target_value(&ev))/> }.into_any()
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{move || i18n.t(field.label())}</label>
                    {help.map(|h| view! { <p class="muted field-help" id=help_id.clone()>{move || i18n.t(h)}</p> })}
                    {input}
                </div>
            }
        }
    };
    let host_part = [
        BriefField::HostName,
        BriefField::About,
        BriefField::Problem,
        BriefField::ForWhom,
        BriefField::Limits,
    ]
    .into_iter()
    .map(text_field.clone())
    .collect_view();
    let (set_kind, get_kind) = (set.clone(), get.clone());
    let offers = BriefField::OFFERS
        .into_iter()
        .map(|field| {
            let (set, get) = (set.clone(), get.clone());
            let id = format!("brief-{}", field.prop());
            view! {
                <li>
                    <input type="checkbox" id=id.clone() prop:checked=move || get(field) == YES
                        on:change=move |ev| set(field, if event_target_checked(&ev) { YES.to_string() } else { String::new() })/>
                    <label for=id>{move || i18n.t(field.label())}</label>
                </li>
            }
        })
        .collect_view();
    let (set_levels, get_levels) = (set.clone(), get.clone());
    let levels = Level::ALL
        .iter()
        .map(|&level| {
            let (set, get) = (set_levels.clone(), get_levels.clone());
            let get2 = get.clone();
            let id = format!("brief-level-{}", level.id());
            view! {
                <li>
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || get(BriefField::Levels).split(',').any(|l| l.trim() == level.id())
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let mut list: Vec<&'static str> = Level::ALL.iter().map(|l| l.id())
                                .filter(|l| get2(BriefField::Levels).split(',').any(|x| x.trim() == *l)).collect();
                            list.retain(|l| *l != level.id());
                            if on { list.push(level.id()); }
                            let ordered: Vec<&str> = Level::ALL.iter().map(|l| l.id()).filter(|l| list.contains(l)).collect();
                            set(BriefField::Levels, ordered.join(","));
                        }/>
                    <label for=id>{move || level.label(i18n.lang())}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <form class="brief-form" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend><h2>{i18n.tr(Key::HostBriefHostPart)}</h2></legend>
                {host_part}
                <div class="field">
                    <label for="brief-host_kind">{i18n.tr(Key::BriefHostKind)}</label>
                    <select id="brief-host_kind" prop:value=move || get_kind(BriefField::HostKind)
                        on:change=move |ev| set_kind(BriefField::HostKind, event_target_value(&ev))>
                        {HostKind::ALL.iter().map(|k| view! { <option value=k.id()>{move || k.label(i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="offers">
                    <legend>{i18n.tr(Key::BriefOffers)}</legend>
                    <ul class="checklist">{offers}</ul>
                </fieldset>
                {text_field(BriefField::OfferDetails)}
            </fieldset>
            <fieldset>
                <legend><h2>{i18n.tr(Key::HostBriefTeacherPart)}</h2></legend>
                {text_field(BriefField::Title)}
                <fieldset class="levels">
                    <legend>{i18n.tr(Key::FilterLevel)}</legend>
                    <ul class="checklist">{levels}</ul>
                </fieldset>
                {text_field(BriefField::Theme)}
                {text_field(BriefField::StandIn)}
            </fieldset>
        </form>
    }
}

/// The blank host brief, one A4 page, to print and give to a company or public body.
#[component]
pub fn HostBriefFormPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::HostBriefPrintTitle)));
    let boxed = |field: BriefField, lines: usize| {
        view! {
            <div class="paper-field">
                <p class="paper-label"><strong>{move || i18n.t(field.label())}</strong></p>
                {field.help().map(|h| view! { <p class="paper-help">{move || i18n.t(h)}</p> })}
                <div class="paper-lines" style=("--lines", lines.to_string())></div>
            </div>
        }
    };
    view! {
        <div data-page="host-brief-form" class="page host-brief-form-page">
            <div class="no-print">
                <p class="actions">
                    <button type="button" class="primary" on:click=move |_| browser::print()>{i18n.tr(Key::PrintForm)}</button>
                    <a class="button" href=Route::HostBriefs.href()>{i18n.tr(Key::HostBriefsTitle)}</a>
                </p>
            </div>
            <article class="paper-form">
                <h1 id="page-title" tabindex="-1">{i18n.tr(Key::HostBriefPrintTitle)}</h1>
                <p class="paper-intro">{i18n.tr(Key::HostBriefPrintIntro)}</p>
                {boxed(BriefField::HostName, 1)}
                <div class="paper-field">
                    <p class="paper-label"><strong>{i18n.tr(Key::BriefHostKind)}</strong></p>
                    <p>{HostKind::ALL.iter().map(|k| view! { <span class="paper-box">"☐ "{move || k.label(i18n.lang())}</span> }).collect_view()}</p>
                </div>
                {boxed(BriefField::About, 2)}
                {boxed(BriefField::Problem, 4)}
                {boxed(BriefField::ForWhom, 2)}
                {boxed(BriefField::Limits, 2)}
                <div class="paper-field">
                    <p class="paper-label"><strong>{i18n.tr(Key::BriefOffers)}</strong></p>
                    <p>{BriefField::OFFERS.into_iter().map(|f| view! { <span class="paper-box">"☐ "{move || i18n.t(f.label())}</span> }).collect_view()}</p>
                    <div class="paper-lines" style=("--lines", "2")></div>
                </div>
                <p class="paper-foot">{i18n.tr(Key::HostBriefPrintFoot)}</p>
            </article>
        </div>
    }
}
