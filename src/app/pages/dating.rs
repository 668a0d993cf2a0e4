//! StartUp Dating for the student: what the evening is, the founder profile (saved as props
//! of `profile:mine` as it is typed) and sharing it as a file, a code and a QR code. The
//! profile form is shared with the organiser's page, where profiles are typed in or edited.

use crate::app::browser;
use crate::app::i18n::{tr, use_i18n};
use crate::app::store::use_store;
use crate::core::dating::profile::{
    field, profile_code, profile_file_name, profile_from_fields, InstitutionKind, Profile, Skill,
    Skills, MAX_HOURS,
};
use crate::core::i18n::Key;
use crate::core::progress::{RecordId, WorkRef};
use crate::core::route::Route;
use crate::core::teacher::qr::qr_svg;
use leptos::prelude::*;

#[component]
pub fn DatingPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::DatingTitle)));
    view! {
        <div data-page="dating" class="page dating-page">
            <h1 id="page-title" tabindex="-1">{tr(Key::DatingTitle)}</h1>
            <p class="lead">{tr(Key::DatingIntro)}</p>
            <div class="dating-roles">
                <section aria-labelledby="dating-students">
                    <h2 id="dating-students">{tr(Key::DatingForStudents)}</h2>
                    <p>{tr(Key::DatingForStudentsBody)}</p>
                    <p class="actions">
                        <a class="button primary" href=Route::DatingProfile.href()>{tr(Key::MyProfileTitle)}</a>
                    </p>
                    <h3>{tr(Key::DatingPrepare)}</h3>
                    <ul>
                        <li><a href=Route::Challenge { id: "startup-dating".into(), step: None }.href()>{tr(Key::DatingChallengeLink)}</a></li>
                        <li><a href=Route::Lesson { id: "klar-til-startup-dating".into(), step: None }.href()>{tr(Key::DatingLessonLink)}</a></li>
                    </ul>
                </section>
                <section aria-labelledby="dating-organisers">
                    <h2 id="dating-organisers">{tr(Key::DatingForOrganisers)}</h2>
                    <p>{tr(Key::DatingForOrganisersBody)}</p>
                    <p class="actions">
                        <a class="button" href=Route::DatingEvent.href()>{tr(Key::OrganiserTitle)}</a>
                        " "
                        <a class="button" href=Route::DatingPitch.href()>{tr(Key::PitchTitle)}</a>
                    </p>
                </section>
            </div>
        </div>
    }
}

/// How the profile form reads and writes its fields: the student's props, or the
/// organiser's draft.
#[derive(Clone, Copy)]
pub struct Fields {
    pub get: Callback<&'static str, String>,
    pub set: Callback<(&'static str, String)>,
}

/// The founder profile form. `prefix` keeps ids unique when two forms are on one page.
#[component]
pub fn ProfileForm(fields: Fields, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |name: &str| format!("{prefix}-{name}");
    let text_field = move |name: &'static str, label: Key, max: usize| {
        let fid = id(name);
        view! {
            <div class="field">
                <label for=fid.clone()>{tr(label)}</label>
                <input id=fid type="text" maxlength=max.to_string()
                    prop:value=move || fields.get.run(name)
                    on:input=move |ev| fields.set.run((name, event_target_value(&ev)))/>
            </div>
        }
    };
    let skills = move || Skills::parse_ids(&fields.get.run(field::SKILLS));
    let has_idea = move || fields.get.run(field::IDEA) == "yes";
    let idea_group = id("idea");
    view! {
        <div class="profile-form">
            {text_field(field::NAME, Key::ProfileName, 40)}
            {text_field(field::INSTITUTION, Key::ProfileInstitution, 80)}
            <div class="field">
                <label for=id(field::KIND)>{tr(Key::ProfileKind)}</label>
                <select id=id(field::KIND)
                    prop:value=move || { let k = fields.get.run(field::KIND); if k.is_empty() { "other".to_string() } else { k } }
                    on:change=move |ev| fields.set.run((field::KIND, event_target_value(&ev)))>
                    {InstitutionKind::ALL.into_iter().map(|k| view! {
                        <option value=k.id()>{move || i18n.t(k.key())}</option>
                    }).collect_view()}
                </select>
            </div>
            {text_field(field::PROGRAMME, Key::ProfileProgramme, 80)}
            <fieldset class="skills">
                <legend>{tr(Key::ProfileSkills)}</legend>
                <p class="muted">{tr(Key::ProfileSkillsHelp)}</p>
                {Skill::ALL.into_iter().map(|s| {
                    let cid = format!("{prefix}-skill-{}", s.id());
                    let for_id = cid.clone();
                    view! {
                        <label for=for_id class="check">
                            <input id=cid type="checkbox" prop:checked=move || skills().has(s)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    fields.set.run((field::SKILLS, skills().with(s, on).ids()));
                                }/>
                            {move || i18n.t(s.key())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            {text_field(field::INTERESTS, Key::ProfileInterests, 200)}
            <fieldset class="idea-choice">
                <legend>{tr(Key::ProfileIdeaQuestion)}</legend>
                <label class="check">
                    <input type="radio" name=idea_group.clone() prop:checked=has_idea
                        on:change=move |_| fields.set.run((field::IDEA, "yes".into()))/>
                    {tr(Key::ProfileHasIdea)}
                </label>
                <label class="check">
                    <input type="radio" name=idea_group prop:checked=move || fields.get.run(field::IDEA) == "no"
                        on:change=move |_| fields.set.run((field::IDEA, "no".into()))/>
                    {tr(Key::ProfileWantsToJoin)}
                </label>
                {move || has_idea().then(|| view! {
                    {text_field(field::IDEA_TITLE, Key::ProfileIdeaTitle, 60)}
                    {text_field(field::IDEA_LINE, Key::ProfileIdeaLine, 160)}
                })}
            </fieldset>
            <div class="field">
                <label for=id(field::HOURS)>{tr(Key::ProfileHours)}</label>
                <input id=id(field::HOURS) type="number" min="0" max=MAX_HOURS.to_string() inputmode="numeric"
                    prop:value=move || fields.get.run(field::HOURS)
                    on:input=move |ev| fields.set.run((field::HOURS, event_target_value(&ev)))/>
            </div>
            <div class="field field-wide">
                <label for=id(field::WISHES)>{tr(Key::ProfileWishes)}</label>
                <input id=id(field::WISHES) type="text" maxlength="250" aria-describedby=id("wishes-help")
                    prop:value=move || fields.get.run(field::WISHES)
                    on:input=move |ev| fields.set.run((field::WISHES, event_target_value(&ev)))/>
                <p class="muted" id=id("wishes-help")>{tr(Key::ProfileWishesHelp)}</p>
            </div>
        </div>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    Effect::new(move |_| super::set_title(i18n.t(Key::MyProfileTitle)));
    let work = WorkRef::profile();
    let get_work = work.clone();
    let get = Callback::new(move |name: &'static str| {
        store.with_work(&get_work, |w| {
            w.and_then(|w| w.prop(name)).unwrap_or_default().to_string()
        })
    });
    let set_work = work.clone();
    let set = Callback::new(move |(name, value): (&'static str, String)| {
        let mut props = vec![(name, value)];
        // The profile's id is made when the student first writes, not when the page opens.
        if store.with_work(&set_work, |w| w.and_then(|w| w.prop(field::ID)).is_none()) {
            props.push((field::ID, store.new_id().to_string()));
        }
        store.set_props(&set_work, &props);
    });
    let profile_work = work.clone();
    let profile = Memo::new(move |_| {
        store.with_work(&profile_work, |w| {
            let w = w?;
            let id = w.prop(field::ID).and_then(RecordId::parse)?;
            let get = |k: &str| w.prop(k).unwrap_or_default().to_string();
            Some(profile_from_fields(&get, id, w.updated))
        })
    });
    view! {
        <div data-page="dating-profile" class="page dating-profile-page">
            <p class="no-print"><a href=Route::Dating.href()>{tr(Key::DatingTitle)}</a></p>
            <h1 id="page-title" tabindex="-1">{tr(Key::MyProfileTitle)}</h1>
            <p class="lead">{tr(Key::MyProfileIntro)}</p>
            <form class="profile" on:submit=|ev| ev.prevent_default()>
                <ProfileForm fields=Fields { get, set } prefix="my"/>
            </form>
            <ShareProfile profile=profile/>
        </div>
    }
}

/// Sharing a finished profile: file, code, QR code — all made on the device.
#[component]
fn ShareProfile(profile: Memo<Option<Profile>>) -> impl IntoView {
    let i18n = use_i18n();
    let problems = Memo::new(move |_| match profile.get() {
        None => vec![
            Key::ProfileNeedsName,
            Key::ProfileNeedsInstitution,
            Key::ProfileNeedsSkill,
        ],
        Some(p) => p.problems(),
    });
    let code = RwSignal::new(None::<Result<String, ()>>);
    let copied = RwSignal::new(None::<bool>);
    // A changed profile needs a new code.
    Effect::new(move |_| {
        profile.track();
        code.set(None);
        copied.set(None);
    });
    let download = move |_| {
        if let Some(p) = profile.get_untracked() {
            browser::download(
                &profile_file_name(&p.name),
                "application/json",
                &p.to_json(),
            );
        }
    };
    let make_code = move |_| {
        let Some(p) = profile.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let made = browser::deflate_raw(p.to_json().as_bytes())
                .await
                .map(|d| profile_code(&d))
                .map_err(|_| ());
            code.set(Some(made));
            browser::after_render(|| browser::focus_id("profile-code"));
        });
    };
    let copy = move |_| {
        let Some(Some(Ok(text))) = Some(code.get_untracked()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    let qr = Memo::new(move |_| match code.get() {
        Some(Ok(c)) => qr_svg(&c),
        _ => None,
    });
    view! {
        <section class="share" aria-labelledby="share-profile-title">
            <h2 id="share-profile-title">{tr(Key::ShareProfileTitle)}</h2>
            {move || {
                let problems = problems.get();
                if !problems.is_empty() {
                    return view! {
                        <div class="notice" id="profile-problems">
                            <p>{tr(Key::ProfileNotReady)}</p>
                            <ul>{problems.into_iter().map(|k| view! { <li>{move || i18n.t(k)}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any();
                }
                view! {
                    <p class="actions">
                        <button type="button" class="primary" on:click=download>{tr(Key::DownloadProfile)}</button>
                        " "
                        <button type="button" on:click=make_code>{tr(Key::MakeProfileCode)}</button>
                    </p>
                    {move || match code.get() {
                        None => ().into_any(),
                        Some(Err(())) => view! { <p class="notice notice-warning" role="alert">{tr(Key::ProfileCodeFailed)}</p> }.into_any(),
                        Some(Ok(c)) => view! {
                            <div class="field field-wide">
                                <label for="profile-code">{tr(Key::ProfileCode)}</label>
                                <textarea id="profile-code" readonly rows="3" aria-describedby="profile-code-help"
                                    prop:value=c.clone()
                                    on:focus=move |ev| { let t: web_sys::HtmlTextAreaElement = event_target(&ev); t.select(); }></textarea>
                                <p class="muted" id="profile-code-help">{tr(Key::ProfileCodeHelp)}</p>
                            </div>
                            <p class="actions">
                                <button type="button" on:click=copy>{tr(Key::CopyCode)}</button>
                                <span role="status">{move || copied.get().map(|ok| i18n.t(if ok { Key::Copied } else { Key::CopyFailed }))}</span>
                            </p>
                            <figure class="qr" id="profile-qr">
                                {move || qr.get().map(|q| {
                                    let size = q.size.to_string();
                                    let view_box = format!("0 0 {size} {size}");
                                    let (width, height) = (size.clone(), size);
                                    view! {
                                        <svg viewBox=view_box role="img" shape-rendering="crispEdges"
                                            aria-label=tr(Key::ProfileQrLabel) xmlns="http://www.w3.org/2000/svg">
                                            <rect width=width height=height fill="#fff"/>
                                            <path d=q.path fill="#000"/>
                                        </svg>
                                    }
                                })}
                            </figure>
                        }.into_any(),
                    }}
                }.into_any()
            }}
        </section>
    }
}
