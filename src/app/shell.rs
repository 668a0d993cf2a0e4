//! The frame around every page: skip link, header with navigation, language switch and save
//! status, notices about saved data, the page itself, and the footer.

use super::browser;
use super::i18n::{tr, use_i18n};
use super::pages;
use super::router::use_router;
use super::startup::{Later, Stage};
use super::store::{use_store, SaveStatus};
use crate::core::i18n::Key;
use crate::core::progress::backup::backup_file_name;
use crate::core::progress::save::LoadNotice;
use crate::core::route::{ProjectView, Route};
use leptos::prelude::*;

/// What decides which page component is shown: the route without the parts a page reads
/// itself (the step, the filters), so typing in a filter or moving to the next step does
/// not rebuild the page and lose focus.
fn page_key(route: &Route) -> Route {
    match route {
        Route::Lessons(_) => Route::Lessons(Default::default()),
        Route::Canvases(_) => Route::Canvases(None),
        Route::Lesson { id, .. } => Route::Lesson {
            id: id.clone(),
            step: None,
        },
        // A challenge's overview and the challenge played alone are different pages; moving
        // from step to step is not.
        Route::Challenge { id, step } => Route::Challenge {
            id: id.clone(),
            step: step.as_ref().map(|_| String::new()),
        },
        Route::Challenges(_) => Route::Challenges(Default::default()),
        Route::Project {
            id,
            view: ProjectView::Step(_),
        } => Route::Project {
            id: id.clone(),
            view: ProjectView::Step(String::new()),
        },
        Route::RoleModels(_) => Route::RoleModels(Default::default()),
        Route::Local(_) => Route::Local(None),
        Route::Board { lesson, .. } => Route::Board {
            lesson: lesson.clone(),
            step: None,
        },
        other => other.clone(),
    }
}

#[component]
pub fn Shell() -> impl IntoView {
    let router = use_router();
    let page = Memo::new(move |_| router.route.with(page_key));
    // Move focus to the new page's heading after in-app navigation, so keyboard and screen
    // reader users start at the top of what changed.
    Effect::new(move |previous: Option<Route>| {
        let current = page.get();
        if previous.is_some_and(|p| p != current) {
            browser::scroll_to_top();
            browser::focus_id_when_drawn("page-title");
        }
        current
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            browser::focus_id("main");
        }>{move || use_i18n().t(Key::SkipToContent)}</a>
        <Later at=Stage::Header><Header/></Later>
        <Later at=Stage::Footer><UpdatePrompt/><Notices/></Later>
        <main id="main" tabindex="-1">
            <Later at=Stage::Page>{move || pages::page(page.get())}</Later>
        </main>
        <Later at=Stage::Footer><Footer/></Later>
    }
}

#[component]
fn NavLink(to: Route, nav: &'static str, label: Key) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let name = to.page_name();
    let current = move || {
        let here = router.route.with(|r| r.page_name());
        let section = match here {
            "lesson" => "lessons",
            "challenge" | "project" | "project-book" | "project-entry" | "project-pitch" => {
                "challenges"
            }
            "host-briefs" | "host-brief" | "host-brief-form" => "teacher",
            "role-model" | "visitor" | "new-visitor" => "role-models",
            "course" => "courses",
            "teacher-assignment" | "class-overview" | "plan" | "board" => "teacher",
            "canvas" => "canvases",
            "dating-profile" | "dating-event" | "dating-pitch" => "dating",
            other => other,
        };
        (section == name).then_some("page")
    };
    view! {
        <a href=to.href() data-nav=nav aria-current=current>{move || i18n.t(label)}</a>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let switch = move |_| {
        let next = store.lang().other();
        store.set_lang(next);
    };
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <img src="favicon.svg" alt="" width="32" height="32"/>
                <span>{i18n.tr(Key::AppName)}</span>
            </a>
            <nav aria-label=i18n.tr(Key::MainNav)>
                <ul>
                    <li><NavLink to=Route::Home nav="home" label=Key::NavHome/></li>
                    <li><NavLink to=Route::Lessons(Default::default()) nav="lessons" label=Key::NavLessons/></li>
                    <li><NavLink to=Route::Courses nav="courses" label=Key::NavCourses/></li>
                    <li><NavLink to=Route::Challenges(Default::default()) nav="challenges" label=Key::NavChallenges/></li>
                    <li><NavLink to=Route::Canvases(None) nav="canvases" label=Key::NavCanvases/></li>
                    <li><NavLink to=Route::RoleModels(Default::default()) nav="role-models" label=Key::NavRoleModels/></li>
                    <li><NavLink to=Route::Teacher nav="teacher" label=Key::NavTeacher/></li>
                    <li><NavLink to=Route::Dating nav="dating" label=Key::NavDating/></li>
                    <li><NavLink to=Route::MyWork nav="my-work" label=Key::NavMyWork/></li>
                </ul>
            </nav>
            <div class="header-tools">
                <SaveStatusView/>
                <button id="lang-switch" type="button" class="lang-switch"
                    lang=move || i18n.lang().other().code()
                    aria-label=i18n.tr(Key::SwitchLanguageLabel)
                    on:click=switch>
                    {i18n.tr(Key::SwitchLanguage)}
                </button>
            </div>
        </header>
    }
}

/// "A new version is ready": shown when boot.js reports a new service worker waiting. It
/// is a polite status, never a dialog, and takes no focus, so it cannot interrupt typing;
/// the new version starts only when the pupil presses the button.
#[component]
fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(browser::root_attr_is("data-update", "ready"));
    let handle = window_event_listener_untyped("spire-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    view! {
        <div role="status" aria-live="polite" class="update-region">
            <Show when=move || ready.get()>
                <p class="notice notice-info update-prompt" id="update-prompt">
                    <span>{tr(Key::UpdateReady)}</span>" "
                    <button type="button" class="primary" on:click=|_| browser::dispatch_window_event("spire-update-apply")>
                        {tr(Key::UpdateReload)}
                    </button>
                </p>
            </Show>
        </div>
    }
}

#[component]
fn SaveStatusView() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let text = move || {
        i18n.t(match store.status.get() {
            SaveStatus::Saved => Key::Saved,
            SaveStatus::Saving => Key::Saving,
            SaveStatus::Full => Key::NotSavedFull,
            SaveStatus::Failed => Key::NotSavedError,
            SaveStatus::Blocked => Key::NotSavedBlocked,
            SaveStatus::NewerApp => Key::NotSavedNewerApp,
            SaveStatus::ReadOnly => Key::NotSavedReadOnly,
        })
    };
    let class = move || match store.status.get() {
        SaveStatus::Saved | SaveStatus::Saving => "save-status",
        _ => "save-status save-status-error",
    };
    view! {
        <p id="save-status" role="status" aria-live="polite" class=class data-status=move || format!("{:?}", store.status.get()).to_lowercase()>
            {text}
        </p>
    }
}

/// Offers the whole saved state as a backup file, photos and recordings included (read
/// from the media database first, so the download starts a moment later).
pub fn download_backup() {
    let store = use_store();
    leptos::task::spawn_local(async move {
        let file = store.backup_text().await;
        browser::download(&backup_file_name(browser::now()), "application/json", &file);
    });
}

#[component]
fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let full = move || store.status.get() == SaveStatus::Full;
    let load_notice = move || {
        store.notice.get().map(|n| {
            let (title, body) = match n {
                LoadNotice::KeptAside(e) => (
                    Key::KeptAsideTitle,
                    i18n.f(Key::KeptAsideBody, &[("reason", &e.message(i18n.lang()))]),
                ),
                LoadNotice::PartlyRead(items) => (
                    Key::KeptAsideTitle,
                    i18n.f(Key::PartlyReadBody, &[("items", &items.join(", "))]),
                ),
                LoadNotice::Blocked => {
                    return view! {
                        <section class="notice notice-error" role="alert" id="blocked-notice">
                            <h2>{i18n.t(Key::BlockedTitle)}</h2>
                            <p>{i18n.t(Key::BlockedBody)}</p>
                            <p class="actions">
                                <button type="button" class="primary" on:click=move |_| download_backup()>{i18n.t(Key::DownloadBackup)}</button>
                                <a class="button" href=Route::MyWork.href()>{i18n.t(Key::NavMyWork)}</a>
                            </p>
                        </section>
                    }
                    .into_any()
                }
                LoadNotice::NewerApp(version) => {
                    return view! {
                        <section class="notice notice-warning" role="alert" id="newer-app-notice">
                            <h2>{i18n.t(Key::NewerAppTitle)}</h2>
                            <p>{i18n.f(Key::NewerAppBody, &[("version", &version.to_string())])}</p>
                            <p class="actions">
                                <button type="button" class="primary" on:click=move |_| browser::reload()>{i18n.t(Key::Reload)}</button>
                            </p>
                        </section>
                    }
                    .into_any()
                }
            };
            view! {
                <section class="notice notice-warning" role="alert" id="kept-aside-notice">
                    <h2>{i18n.t(title)}</h2>
                    <p>{body}</p>
                    <p class="actions">
                        <a class="button" href=Route::MyWork.href()>{i18n.t(Key::NavMyWork)}</a>
                        <button type="button" on:click=move |_| store.notice.set(None)>{i18n.t(Key::Dismiss)}</button>
                    </p>
                </section>
            }
            .into_any()
        })
    };
    view! {
        {load_notice}
        <Show when=full>
            <section class="notice notice-error" role="alert" id="storage-full-notice">
                <h2>{i18n.tr(Key::StorageFullTitle)}</h2>
                <p>{i18n.tr(Key::StorageFullBody)}</p>
                <p class="actions">
                    <button type="button" class="primary" id="storage-full-backup" on:click=move |_| download_backup()>
                        {i18n.tr(Key::DownloadBackup)}
                    </button>
                </p>
            </section>
        </Show>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <ul>
                <li><a href=Route::Local(None).href() data-nav="local">{i18n.tr(Key::NavLocal)}</a></li>
                <li><a href=Route::About.href() data-nav="about">{i18n.tr(Key::NavAbout)}</a></li>
                <li><a href=Route::Privacy.href() data-nav="privacy">{i18n.tr(Key::NavPrivacy)}</a></li>
                <li><a href=Route::Accessibility.href() data-nav="accessibility">{i18n.tr(Key::NavAccessibility)}</a></li>
            </ul>
            <p>{i18n.tr(Key::FooterNote)}</p>
        </footer>
    }
}
