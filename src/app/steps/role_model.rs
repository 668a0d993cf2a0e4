//! A role-model step: the profile's name, headline and a link, and reflection questions.

use super::StepCtx;
use crate::app::content::{media_url, use_content, Load};
use crate::app::i18n::use_i18n;
use crate::app::widgets::{FileErrorView, LoadingView};
use crate::core::content::step::RoleModelStep;
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn RoleModelView(step: RoleModelStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let profile_id = step.profile.to_string();
    let ensure_id = profile_id.clone();
    Effect::new(move |_| content.ensure_role_model(&ensure_id));
    let profile = move || match content.role_model(&profile_id) {
        Load::Loading => view! { <LoadingView/> }.into_any(),
        Load::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
        Load::Ready(r) => {
            let m = r.value.clone();
            let href = Route::RoleModel {
                id: m.id.to_string(),
            }
            .href();
            let headline = m.headline.clone();
            let business = m.business.clone();
            view! {
                <article class="card role-model-card">
                    {m.portrait.as_deref().and_then(media_url).map(|src| view! { <img class="portrait" src=src alt="" width="96" height="96"/> })}
                    <div>
                        <h3>{m.name.clone()}</h3>
                        {m.fictional.then(|| view! { <p class="badge fictional">{i18n.tr(Key::Fictional)}</p> })}
                        {business.map(|b| view! { <p class="business">{i18n.text_of(b)}</p> })}
                        <p class="headline">{i18n.text_of(headline)}</p>
                        <p><a href=href>{i18n.tr(Key::SeeProfile)}</a></p>
                    </div>
                </article>
            }
            .into_any()
        }
    };
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let answers = move || match answer.get() {
        Some(Answer::Reflections { answers }) => answers,
        _ => Vec::new(),
    };
    let questions = step.questions.clone().unwrap_or_default();
    let n = questions.len();
    view! {
        {profile}
        {(n > 0).then(|| view! {
            <h3>{i18n.tr(Key::ReflectionQuestions)}</h3>
            {questions.into_iter().enumerate().map(|(i, q)| {
                let field = format!("reflect-{id}-{i}");
                let (id, ctx) = (id.clone(), ctx.clone());
                let node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(node, move || answers().get(i).cloned().unwrap_or_default());
                view! {
                    <div class="field reflection">
                        <label for=field.clone()>{i18n.text_of(q)}</label>
                        <textarea id=field rows="3" node_ref=node
                            on:input=move |ev| {
                                let mut all = answers();
                                all.resize(n.max(all.len()), String::new());
                                all[i] = event_target_value(&ev);
                                ctx.save(&id, Answer::Reflections { answers: all });
                            }></textarea>
                    </div>
                }
            }).collect_view()}
        })}
    }
}
