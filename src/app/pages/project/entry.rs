//! The competition entry: a one-page poster built from the team's answers, editable part by
//! part until the team makes it final, warnings for empty and thin parts, the team's
//! self-assessment against what the judges look for, printing on one A4 page and exports.

use super::{loaded_canvas, ProjectCtx};
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::startup::use_startup;
use crate::app::steps::media::MediaImage;
use crate::app::store::{use_store, APP_VERSION};
use crate::core::i18n::Key;
use crate::core::progress::{Answer, Rating};
use crate::core::project::entry::{
    build_entry, entry_sources, file_name, to_json, to_markdown, warnings, Entry, ENTRY_SCALE,
};
use crate::core::project::funnel::vote_step;
use crate::core::project::{CRITERIA_KEY, ENTRY_PROP_PREFIX, PROP_ENTRY_FINAL, PROP_IDEA};
use leptos::prelude::*;

/// The poster's largest and smallest font size (px); it shrinks until it fits its page.
const POSTER_MAX_PX: f64 = 17.0;
const POSTER_MIN_PX: f64 = 8.0;

#[component]
pub fn EntryView(ctx: ProjectCtx) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = ctx.challenge.clone();
    let work = ctx.work.clone();
    // Every answer the entry is built from is read tracked, so the poster follows them.
    let sources = entry_sources(&c, i18n.lang());
    // Photos may come from any step.
    let tracked: Vec<String> = sources
        .iter()
        .map(|(s, _)| s.clone())
        .chain(c.steps().filter_map(|s| s.id().map(String::from)))
        .chain([CRITERIA_KEY.to_string()])
        .chain(
            vote_step(&c)
                .into_iter()
                .flat_map(|v| [v.from.to_string(), v.id.to_string()]),
        )
        .collect();
    let entry = {
        let (c, work) = (c.clone(), work.clone());
        Memo::new(move |_| {
            let lang = i18n.lang();
            for step in &tracked {
                let _ = store.answer(&work, step);
            }
            store.with_work(&work, |w| build_entry(&c, w, &loaded_canvas, lang))
        })
    };
    let is_final = Memo::new(move |_| entry.get().final_at.is_some());
    let fits = RwSignal::new(true);
    // Fit the poster to its page whenever what it shows changes, and once the page is on
    // screen (drawn outside it, the poster has no size).
    let startup = use_startup();
    Effect::new(move |_| {
        entry.track();
        startup.shown();
        browser::after_render(move || {
            let ok = browser::fit_to_box("poster", POSTER_MAX_PX, POSTER_MIN_PX);
            if fits.get_untracked() != ok {
                fits.set(ok);
            }
        });
    });
    let set_final = {
        let work = work.clone();
        move |done: bool| {
            let value = if done {
                browser::now().to_string()
            } else {
                String::new()
            };
            store.update_work(&work, |p, now| {
                p.set_prop(&work, PROP_ENTRY_FINAL, &value, now)
            });
        }
    };
    let (final_on, final_off) = (set_final.clone(), set_final);
    let download = move |markdown: bool| {
        let e = entry.get_untracked();
        if markdown {
            browser::download(&file_name(&e, "md"), "text/markdown", &to_markdown(&e));
        } else {
            browser::download(
                &file_name(&e, "json"),
                "application/json",
                &to_json(&e, browser::now(), APP_VERSION),
            );
        }
    };
    view! {
        <section class="entry" aria-labelledby="entry-title">
            <div class="entry-head no-print">
                <h2 id="entry-title">{i18n.tr(Key::ProjectEntry)}</h2>
                <p class="entry-status" role="status" data-final=move || is_final.get().to_string()>
                    {move || match entry.get().final_at {
                        Some(at) => i18n.f(Key::EntryFinalAt, &[("time", &browser::format_time(at, i18n.lang()))]),
                        None => i18n.t(Key::EntryDraftHelp).to_string(),
                    }}
                </p>
                <p class="actions">
                    <button type="button" class="primary" on:click=move |_| browser::print()>{i18n.tr(Key::PrintPoster)}</button>
                    <button type="button" on:click=move |_| download(false)>{i18n.tr(Key::DownloadJson)}</button>
                    <button type="button" on:click=move |_| download(true)>{i18n.tr(Key::DownloadMarkdown)}</button>
                    <Show when=move || is_final.get()
                        fallback=move || { let f = final_on.clone(); view! { <button type="button" class="make-final" on:click=move |_| f(true)>{i18n.tr(Key::MakeFinal)}</button> } }>
                        { let f = final_off.clone(); view! { <button type="button" on:click=move |_| f(false)>{i18n.tr(Key::Reopen)}</button> } }
                    </Show>
                </p>
            </div>
            <Warnings entry=entry fits=fits/>
            <div class="poster-frame">
                <Poster entry=entry/>
            </div>
            <EditEntry ctx=ctx.clone() entry=entry is_final=is_final/>
            <SelfAssessment ctx=ctx.clone() entry=entry is_final=is_final/>
        </section>
    }
}

#[component]
fn Warnings(entry: Memo<Entry>, fits: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let list = Memo::new(move |_| warnings(&entry.get()));
    view! {
        <section class="entry-warnings no-print" aria-labelledby="warnings-title">
            <h3 id="warnings-title">{i18n.tr(Key::EntryCheckTitle)}</h3>
            <Show when=move || list.get().is_empty() && fits.get()>
                <p class="notice notice-success">{i18n.tr(Key::EntryAllGood)}</p>
            </Show>
            <ul class="warnings">
                {move || list.get().into_iter().map(|w| {
                    let text = w.message(i18n.lang());
                    match w.step() {
                        Some(step) => view! { <li class="warning"><a href=format!("#entry-field-{step}") on:click={
                            let id = format!("entry-field-{step}");
                            move |ev| { ev.prevent_default(); browser::focus_id(&id); }
                        }>{text}</a></li> }.into_any(),
                        None => view! { <li class="warning">{text}</li> }.into_any(),
                    }
                }).collect_view()}
                <Show when=move || !fits.get()>
                    <li class="warning">{i18n.tr(Key::PosterTooLong)}</li>
                </Show>
            </ul>
        </section>
    }
}

/// The entry as a poster: exactly one A4 page in portrait (the page prints it alone, and
/// its font shrinks until it fits).
#[component]
fn Poster(entry: Memo<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article id="poster" class="poster" aria-label=i18n.tr(Key::PosterLabel)>
            {move || {
                let e = entry.get();
                let kicker = [Some(e.challenge.clone()), e.host.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                view! {
                    <header class="poster-head">
                        <p class="poster-kicker">{kicker}</p>
                        <p class="poster-idea">{e.idea.clone().unwrap_or_else(|| e.team.clone())}</p>
                        <p class="poster-team">{i18n.f(Key::TeamName, &[("team", &e.team)])}": "{e.members.join(", ")}</p>
                        {e.theme.clone().map(|t| view! { <p class="poster-theme">{i18n.t(Key::ChallengeTheme)}": "{t}</p> })}
                    </header>
                    <div class="poster-sections">
                        {e.sections.into_iter().map(|s| view! {
                            <section class="poster-section" data-step=s.step.clone()>
                                <h3>{s.title}</h3>
                                <p class="poster-text">{if s.text.trim().is_empty() { i18n.t(Key::EntryNothingYet).to_string() } else { s.text }}</p>
                            </section>
                        }).collect_view()}
                    </div>
                    {(!e.photos.is_empty()).then(|| {
                        let lang = i18n.lang();
                        view! {
                            <ul class="poster-photos">
                                {e.photos.iter().map(|p| view! {
                                    <li><MediaImage id=p.id.clone() alt=p.alt(lang)/></li>
                                }).collect_view()}
                            </ul>
                        }
                    })}
                    <footer class="poster-foot">
                        {match e.final_at {
                            Some(at) => i18n.f(Key::EntryFinalAt, &[("time", &browser::format_time(at, i18n.lang()))]),
                            None => i18n.t(Key::EntryDraft).to_string(),
                        }}" · Spire"
                    </footer>
                }
            }}
        </article>
    }
}

/// Every part of the entry as a field, the idea first.
#[component]
fn EditEntry(ctx: ProjectCtx, entry: Memo<Entry>, is_final: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = ctx.work.clone();
    let sources = entry_sources(&ctx.challenge, i18n.lang());
    let idea_node = NodeRef::<leptos::html::Textarea>::new();
    crate::app::widgets::sync_value(idea_node, move || entry.get().idea.unwrap_or_default());
    let idea_work = work.clone();
    view! {
        <section class="entry-edit no-print" aria-labelledby="entry-edit-title">
            <h3 id="entry-edit-title">{i18n.tr(Key::EntryEditTitle)}</h3>
            <p class="muted">{i18n.tr(Key::EntryEditHelp)}</p>
            <div class="field">
                <label for="entry-field-idea">{i18n.tr(Key::OurIdea)}</label>
                <textarea id="entry-field-idea" rows="2" maxlength="500" node_ref=idea_node
                    prop:readOnly=move || is_final.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        store.update_work(&idea_work, |p, now| p.set_prop(&idea_work, PROP_IDEA, &v, now));
                    }></textarea>
            </div>
            {sources.into_iter().enumerate().map(|(i, (step, title))| {
                let field = format!("entry-field-{step}");
                let prop = format!("{ENTRY_PROP_PREFIX}{step}");
                let node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(node, move || entry.get().sections.get(i).map(|s| s.text.clone()).unwrap_or_default());
                let edited = move || entry.get().sections.get(i).is_some_and(|s| s.edited);
                let (w_in, w_reset, p_in, p_reset) = (work.clone(), work.clone(), prop.clone(), prop.clone());
                let label = move || entry.get().sections.get(i).map(|s| s.title.clone()).unwrap_or_else(|| title.clone());
                view! {
                    <div class="field entry-field">
                        <label for=field.clone()>{label}</label>
                        <textarea id=field rows="4" maxlength="3000" node_ref=node
                            prop:readOnly=move || is_final.get()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                store.update_work(&w_in, |p, now| p.set_prop(&w_in, &p_in, &v, now));
                            }></textarea>
                        <Show when=move || edited() && !is_final.get()>
                            <p><button type="button" class="reset-part" on:click={
                                let (w, p) = (w_reset.clone(), p_reset.clone());
                                move |_| store.update_work(&w, |pr, now| pr.set_prop(&w, &p, "", now))
                            }>{i18n.tr(Key::EntryUseAnswer)}</button></p>
                        </Show>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

/// The team's own assessment on each of the judges' criteria.
#[component]
fn SelfAssessment(ctx: ProjectCtx, entry: Memo<Entry>, is_final: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = ctx.work.clone();
    let criteria = ctx.challenge.criteria.clone();
    if criteria.is_empty() {
        return ().into_any();
    }
    let rate = {
        let work = work.clone();
        move |id: String, change: &dyn Fn(&mut Rating)| {
            let mut ratings = match store.with(|p| p.answer(&work, CRITERIA_KEY).cloned()) {
                Some(Answer::Rubric { ratings }) => ratings,
                _ => Default::default(),
            };
            change(ratings.entry(id).or_default());
            store.set_answer(&work, CRITERIA_KEY, Answer::Rubric { ratings });
        }
    };
    view! {
        <section class="self-assessment no-print" aria-labelledby="assess-title">
            <h3 id="assess-title">{i18n.tr(Key::EntrySelfAssessment)}</h3>
            <p class="muted">{i18n.tr(Key::EntryAssessHelp)}</p>
            {criteria.into_iter().enumerate().map(|(i, c)| {
                let title = c.title.clone();
                let description = c.description.clone();
                let cid = c.id.to_string();
                let comment_field = format!("assess-comment-{cid}");
                let node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(node, move || entry.get().criteria.get(i).map(|a| a.comment.clone()).unwrap_or_default());
                let (rate_score, rate_comment) = (rate.clone(), rate.clone());
                let (cid_score, cid_comment) = (cid.clone(), cid.clone());
                let (t2, t4) = (title.clone(), title.clone());
                view! {
                    <fieldset class=format!("rubric-criterion criterion-{cid}")>
                        <legend>{i18n.text_of(title)}</legend>
                        {description.map(|d| view! { <p class="looks-for"><strong>{i18n.tr(Key::JudgesLookFor)}": "</strong>{i18n.text_of(d)}</p> })}
                        <div class="scale">
                            {(1..=ENTRY_SCALE).map(|n| {
                                let (rate_score, cid_score, t3) = (rate_score.clone(), cid_score.clone(), t2.clone());
                                let (field, label_for) = (format!("assess-{cid_score}-{n}"), format!("assess-{cid_score}-{n}"));
                                view! {
                                    <label class="scale-option" for=label_for>
                                        <input type="radio" id=field name=format!("assess-{cid_score}") value=n.to_string()
                                            aria-label=move || i18n.f(Key::AssessScore, &[("criterion", &i18n.text(&t3)), ("n", &n.to_string()), ("m", &ENTRY_SCALE.to_string())])
                                            prop:checked=move || entry.get().criteria.get(i).and_then(|a| a.score) == Some(n)
                                            prop:disabled=move || is_final.get()
                                            on:change=move |_| rate_score(cid_score.clone(), &|r| r.score = Some(n))/>
                                        <span aria-hidden="true">{n}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <label for=comment_field.clone()>{move || i18n.f(Key::AssessComment, &[("criterion", &i18n.text(&t4))])}</label>
                        <textarea id=comment_field rows="2" maxlength="500" node_ref=node
                            prop:readOnly=move || is_final.get()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                rate_comment(cid_comment.clone(), &|r| r.comment = v.clone());
                            }></textarea>
                    </fieldset>
                }
            }).collect_view()}
        </section>
    }
    .into_any()
}
