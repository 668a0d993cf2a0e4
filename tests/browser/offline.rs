//! Offline, installable, and sealed: the service worker keeps Spire working without a
//! network and brings a new version only when the pupil asks; the page frame in index.html
//! shows in the saved language before the WebAssembly; the Content-Security-Policy lets
//! the app run and nothing else.
//!
//! Run: `cargo test --test browser offline:: -- --test-threads=1` after `make dist`.

use crate::support;

use serde_json::{json, Value};
use support::{App, Site};

/// Waits until a service worker controls the page, i.e. everything it keeps offline is
/// stored (it takes control only after storing all of it). boot.js registers the worker a
/// few quiet seconds after the app has started (QUIET_MS, and an idle moment of at most
/// 5 s), so this may take that much longer than a pupil's action.
async fn wait_until_offline_ready(app: &App) {
    let registered_later = std::time::Duration::from_secs(10);
    app.wait_until_longer(
        "a service worker controls the page",
        registered_later,
        async || {
            app.js_value("return !!navigator.serviceWorker.controller", vec![])
                .await
                == Value::Bool(true)
        },
    )
    .await;
}

/// The names of Spire's caches in this browser.
async fn cache_names(app: &App) -> Vec<String> {
    support::string_list(
        app.js_await("return (await caches.keys()).filter(k => k.startsWith('spire-'))")
            .await,
    )
}

/// A shipped lesson and its first prompt step, other than `except`.
fn lesson_with_prompt(except: &str) -> (String, String) {
    lesson_with_step("prompt", except)
}

/// A shipped lesson other than `except` and its first step of this type.
fn lesson_with_step(step_type: &str, except: &str) -> (String, String) {
    support::shipped_lesson_ids()
        .into_iter()
        .filter(|id| id != except)
        .find_map(|id| {
            let steps = support::steps_of(&support::shipped_lesson(&id));
            let (step, _) = steps.into_iter().find(|(_, kind)| kind == step_type)?;
            Some((id, step))
        })
        .unwrap_or_else(|| panic!("a shipped lesson with a {step_type} step"))
}

#[tokio::test]
async fn a_pupil_keeps_working_when_the_network_goes() {
    let app = App::in_subfolder().await;
    app.open("").await;
    app.wait_for_page("home").await;
    wait_until_offline_ready(&app).await;
    assert_eq!(
        cache_names(&app).await.len(),
        1,
        "one cache, for this version"
    );
    // The worker's install (every file of the app) waited until the app had started and
    // had had its quiet seconds (boot.js, QUIET_MS, which the mark carries).
    let waited = app
        .js_value(
            "const mount = performance.getEntriesByName('spire:mount')[0];
             const asked = performance.getEntriesByName('spire:worker-registered')[0];
             return mount && asked && asked.detail
               ? [asked.startTime - (mount.startTime + mount.duration), asked.detail.quietMs]
               : null;",
            vec![],
        )
        .await;
    let (gap, quiet) = waited[0]
        .as_f64()
        .zip(waited[1].as_f64())
        .expect("the app mounted and the worker was registered, after a stated wait");
    assert!(quiet >= 1000.0, "the worker waits {quiet} ms of quiet");
    assert!(
        gap >= quiet,
        "worker registered {gap} ms after the app started, before its {quiet} ms of quiet"
    );

    // The Wi-Fi goes. Nothing reaches the server from now on.
    app.server.set_offline(true);
    app.server.clear_requests();
    app.reload().await;
    app.wait_for_page("home").await;

    app.link("Forløb").await.click().await;
    app.wait_for_page("lessons").await;
    assert!(
        app.count("main .lesson-card, main article").await > 0,
        "the catalogue lists lessons offline"
    );

    // A lesson never opened before opens, and work in it is saved.
    let (lesson, step) = lesson_with_prompt("");
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    let answer = "Skrevet uden net";
    app.textbox("Dit svar").await.type_text(answer).await;
    app.wait_until("the answer is saved", async || {
        app.text_of("#save-status").await == "Gemt"
    })
    .await;
    app.reload().await;
    app.wait_until("the answer is there after a reload offline", async || {
        app.textbox("Dit svar").await.value().await == answer
    })
    .await;
    assert!(
        app.server.requests().is_empty(),
        "nothing reached the server while offline"
    );

    // The network comes back: content comes from it again.
    app.server.set_offline(false);
    app.reload().await;
    app.wait_for_page("lesson").await;
    app.wait_until("content is fetched again once online", async || {
        app.server
            .requested_paths()
            .iter()
            .any(|p| p.starts_with("/spire/lessons/"))
    })
    .await;
}

#[tokio::test]
async fn a_page_whose_code_cannot_be_fetched_says_so_and_comes_when_tried_again() {
    // A worker that keeps nothing: the page's code can only come from the server.
    let site = Site::shipped("not-fetched");
    site.write("sw.js", "// keeps nothing offline, for this test\n");
    let app = App::serve(site.path(), "/").await;
    app.open("").await;
    app.wait_for_page("home").await;

    // The network goes before the teacher's pages were ever opened.
    app.server.set_offline(true);
    app.link("Lærer").await.click().await;
    app.wait_for_page("not-fetched").await;
    app.heading("Siden kunne ikke hentes").await;
    app.see_text("Dit arbejde er gemt").await;
    app.wait_until("the message's heading has the focus", async || {
        app.js_value("return document.activeElement.id", vec![])
            .await
            == "page-title"
    })
    .await;

    // It comes back: trying again draws the page, and the app is whole.
    app.server.set_offline(false);
    app.button("Prøv igen").await.click().await;
    app.wait_for_page("teacher").await;
    app.link("Forside").await.click().await;
    app.wait_for_page("home").await;

    // The same for the part with the pupil's other pages (My work among them).
    app.server.set_offline(true);
    app.within("header nav")
        .link("Mit arbejde")
        .await
        .click()
        .await;
    app.wait_for_page("not-fetched").await;
    app.heading("Siden kunne ikke hentes").await;
    app.server.set_offline(false);
    app.button("Prøv igen").await.click().await;
    app.wait_for_page("my-work").await;
}

/// The files of the tools part (the board, the sketch pad, the camera and the recorder: its
/// module and its compressed copies) in `site`.
fn tools_part_files(site: &Site) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(site.path())
        .expect("the site's folder")
        .map(|e| e.expect("a file").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("split_tools-"))
        })
        .collect()
}

/// Where a file of the site is kept while the server is not to find it.
fn away(file: &std::path::Path) -> std::path::PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".away");
    name.into()
}

#[tokio::test]
async fn a_canvas_or_sketch_pad_whose_code_cannot_be_fetched_says_so_and_comes_when_tried_again() {
    // The board's and the sketch pad's code is a part of its own: here it is missing from
    // the server (a worker that keeps nothing, so it can only come from there).
    let (lesson, step) = lesson_with_step("canvas", "");
    let (sketching, sketch) = lesson_with_step("sketch", "");
    let site = Site::shipped("tools-not-fetched");
    site.write("sw.js", "// keeps nothing offline, for this test\n");
    let files = tools_part_files(&site);
    assert!(!files.is_empty(), "the build has a part for the tools");
    for f in &files {
        std::fs::rename(f, away(f)).expect("move the tools' part away");
    }
    let app = App::serve(site.path(), "/").await;
    app.open(&format!("#/lessons/{sketching}/{sketch}")).await;
    app.wait_for_page("lesson").await;
    app.wait_for_visible("main .step [role=alert]").await;
    app.see_text("Værktøjet kunne ikke hentes").await;
    assert_eq!(
        app.count("main canvas").await,
        0,
        "no sketch pad without its code"
    );

    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    app.wait_for_page("lesson").await;
    app.wait_for_visible("main .step [role=alert]").await;
    app.see_text("Lærredet kunne ikke hentes").await;
    app.see_text("Dine noter er gemt").await;
    assert_eq!(
        app.count("main .board").await,
        0,
        "no board without its code"
    );

    // It comes back: trying again draws the board, and a note can be written on it.
    for f in &files {
        std::fs::rename(away(f), f).expect("put the tools' part back");
    }
    app.button("Prøv igen").await.click().await;
    app.click("main .board-block button.add-note").await;
    app.type_into("main .board-block .note-text", "Kage til klassen")
        .await;
    app.wait_work_saved(&format!("lesson:{lesson}"), "Kage til klassen")
        .await;
}

#[tokio::test]
async fn a_new_version_waits_for_the_pupil_and_keeps_the_work() {
    let site = Site::shipped("update");
    let app = App::serve(site.path(), "/").await;
    let (lesson, step) = lesson_with_prompt("");
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    wait_until_offline_ready(&app).await;
    let before = cache_names(&app).await;
    assert_eq!(before.len(), 1, "{before:?}");

    // A second tab of the same version, opened at My work; marked, to see it reload.
    let first = app.window().await;
    let second = app.new_window().await;
    app.switch_to(&second).await;
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.js("window.spireOldTab = true; return ''").await;
    app.switch_to(&first).await;

    let field = app.textbox("Dit svar").await;
    field.type_text("Først dette").await;

    // A new version is deployed: a new service worker (its version changes).
    let sw_path = site.path().join("sw.js");
    let sw = std::fs::read_to_string(&sw_path).expect("sw.js");
    let version_line = sw
        .lines()
        .find(|l| l.starts_with("const VERSION = \""))
        .expect("sw.js names its version");
    let next = version_line.replace("\";", "-next\";");
    std::fs::write(&sw_path, sw.replace(version_line, &next)).expect("write sw.js");
    app.js_await("await (await navigator.serviceWorker.getRegistration()).update()")
        .await;

    // The prompt comes without taking the pupil's focus: typing goes on where it was.
    app.wait_for_visible("#update-prompt").await;
    assert_eq!(
        app.js("return document.activeElement && document.activeElement.id")
            .await,
        format!("answer-{step}"),
        "the prompt must not take focus"
    );
    field.type_text(" og så dette").await;
    app.wait_until("the answer is saved", async || {
        app.text_of("#save-status").await == "Gemt"
    })
    .await;
    assert_eq!(
        app.js_await("return !!(await navigator.serviceWorker.getRegistration()).waiting")
            .await,
        Value::Bool(true),
        "the new version waits"
    );
    assert!(
        cache_names(&app).await.contains(&before[0]),
        "the old version still serves"
    );

    // The pupil chooses to reload: the new version takes over, the old cache is gone, and
    // the work is all there.
    app.button("Genindlæs nu").await.click().await;
    app.wait_until("the new version's cache replaces the old", async || {
        let names = cache_names(&app).await;
        names.len() == 1 && names != before
    })
    .await;
    app.wait_until("the work survives the update", async || {
        app.textbox("Dit svar").await.value().await == "Først dette og så dette"
    })
    .await;
    assert_eq!(app.count("#update-prompt").await, 0);

    // The other tab still runs the old code: it offers the reload too, and its button
    // loads the new version (the waiting worker it saw is already active).
    app.switch_to(&second).await;
    app.wait_for_visible("#update-prompt").await;
    app.button("Genindlæs nu").await.click().await;
    app.wait_until("the old tab reloads into the new version", async || {
        app.js("return String(window.spireOldTab === undefined && !!document.querySelector('[data-page=\"my-work\"]'))")
            .await
            == "true"
    })
    .await;
    assert_eq!(app.count("#update-prompt").await, 0);
}

/// The settings entry the app wrote once the pupil chose English.
async fn english_settings(app: &App) -> String {
    app.wait_for_value("the app saves its settings", async || {
        app.local_storage_get("spire.settings")
            .await
            .filter(|s| s.contains("\"en\""))
    })
    .await
}

/// The shipped site without its WebAssembly: only the frame ever shows.
fn frame_only_site(label: &str) -> Site {
    let site = Site::shipped(label);
    for entry in std::fs::read_dir(site.path()).expect("the site") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "wasm") {
            std::fs::remove_file(&path).expect("remove the wasm");
        }
    }
    site
}

#[tokio::test]
async fn the_frame_shows_in_the_saved_language_before_the_app_and_does_not_move() {
    // A copy whose WebAssembly never arrives: what a pupil sees while it loads.
    let site = frame_only_site("frame");
    // The pupil chose English in the app: the settings entry the app itself wrote.
    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    app.button("Switch to English").await.click().await;
    app.wait_until("the app is in English", async || {
        app.html_lang().await == "en"
    })
    .await;
    let settings = english_settings(&app).await;
    app.reload().await;
    app.wait_for_page("lessons").await;
    assert_eq!(app.count("#static-shell").await, 0, "the frame is replaced");
    assert_eq!(app.count("header").await, 1);
    assert_eq!(app.count("main").await, 1);
    assert_eq!(app.text_of("h1").await, "Lessons");
    let [wasm_asked, first_paint, _] = load_order(&app).await;
    assert!(
        wasm_asked >= first_paint,
        "the wasm was asked for at {wasm_asked} ms, before the frame's first paint ({first_paint} ms)"
    );
    let app_layout = layout(&app).await;

    let frame = App::serve(site.path(), "/").await;
    frame.open("#/lessons").await;
    frame.local_storage_set("spire.settings", &settings).await;
    frame.reload().await;
    frame.wait_for("#static-shell h1").await;
    assert_eq!(frame.html_lang().await, "en");
    assert_eq!(frame.text_of("#static-shell h1").await, "Lessons");
    assert_eq!(
        frame
            .attr_of("#static-shell nav a[data-nav='lessons']", "aria-current")
            .await
            .as_deref(),
        Some("page")
    );
    frame.see_text("Loading …").await;
    // The page's lead is there before the app, in the saved language.
    frame
        .see_text("Find a lesson for the class. Choose a level")
        .await;
    frame
        .see_text("Spire keeps everything on this device.")
        .await;
    // The app's header, menu and heading are where the frame had them.
    assert_eq!(
        layout(&frame).await,
        app_layout,
        "header, menu, heading and lead must not move"
    );

    // A lesson: its title and summary come from its card in the index, where the app puts
    // them (the app asks for no second copy of the index).
    let (id, title, summary) = support::shipped_lesson_ids()
        .into_iter()
        .find_map(|id| {
            let lesson = support::shipped_lesson(&id);
            let title = lesson["title"]["en"].as_str()?.to_string();
            let summary = lesson["summary"]["en"].as_str()?.to_string();
            Some((id, title, summary))
        })
        .expect("a shipped lesson with an English title and summary");
    app.open(&format!("#/lessons/{id}")).await;
    app.reload().await;
    app.wait_for("main .step").await;
    assert_eq!(app.text_of("main h1").await, title);
    let index_requests = app
        .js_value(
            "return performance.getEntriesByType('resource') \
             .filter(e => e.name.endsWith('/lessons/index.json')).length",
            vec![],
        )
        .await;
    assert_eq!(index_requests, json!(1), "one request for the index");
    // The lesson's own file: asked for once, with the index, and read before the page is
    // drawn, so the page is drawn once, whole.
    let file = app
        .js_value(
            "const named = n => performance.getEntriesByName(n)[0];              const read = named('spire:read-file'), page = named('spire:draw-page');              return [performance.getEntriesByType('resource')                        .filter(e => e.name.endsWith('/lessons/' + arguments[0] + '.json')).length,                      !!read && !!page && read.startTime + read.duration <= page.startTime];",
            vec![json!(id)],
        )
        .await;
    assert_eq!(
        file,
        json!([1, true]),
        "one request for the lesson's file, read before the page is drawn"
    );
    // The app's code is asked for once the lesson's title is on screen, not alongside it.
    let [wasm_asked, first_paint, index_back] = load_order(&app).await;
    assert!(
        wasm_asked >= first_paint && wasm_asked >= index_back,
        "the wasm was asked for at {wasm_asked} ms, before the first paint ({first_paint} ms) \
         or the index ({index_back} ms)"
    );
    let app_layout = layout(&app).await;
    load_frame_until_title(&frame, &format!("#/lessons/{id}"), &title).await;
    assert_eq!(frame.text_of("#static-shell main p.lead").await, summary);
    assert_eq!(
        layout(&frame).await,
        app_layout,
        "the lesson's heading and lead must not move"
    );

    // A challenge's overview: its title and the first paragraph of its brief, from its card.
    let cards = support::shipped_json("index.json")["summaries"]["challenges"].clone();
    let (id, title) = support::shipped_ids("challenges")
        .into_iter()
        .find_map(|id| {
            let card = &cards[&id];
            let brief = card["brief"]["en"].as_str()?;
            (brief.contains("**") && !brief.contains('['))
                .then(|| Some((id.clone(), card["title"]["en"].as_str()?.to_string())))?
        })
        .expect("a shipped challenge whose brief has bold words and no link");
    app.open(&format!("#/challenges/{id}")).await;
    app.reload().await;
    app.wait_for("main .plan").await;
    let app_top = challenge_top(&app).await;
    assert_eq!(app_top["title"], json!(title));
    load_frame_until_title(&frame, &format!("#/challenges/{id}"), &title).await;
    assert_eq!(
        challenge_top(&frame).await,
        app_top,
        "the challenge's heading and brief must read and sit the same"
    );
}

/// The texts and boxes (whole pixels) of the elements `css` finds in `main`; with `sized`
/// only their width and height (where the app puts more above them than the frame does).
async fn boxes(app: &App, css: &str, sized: bool) -> Value {
    app.js_value(
        &format!(
            "{BOX_JS} return [...document.querySelectorAll(arguments[0])] \
             .map(e => [e.textContent, arguments[1] ? r(e).slice(2) : r(e)]);"
        ),
        vec![json!(format!("main {css}")), json!(sized)],
    )
    .await
}

#[tokio::test]
async fn the_frame_draws_fixed_pages_forms_profiles_courses_and_local_offers_as_the_app_does() {
    // The largest thing a page paints first must not be outdone by the app's drawing
    // (Lighthouse's largest contentful paint would wait for the WebAssembly): so the frame
    // draws the fixed pages' texts and the forms' tops, a profile's and a course's top from
    // their cards and local offers' introduction from local.json, in the app's own markup
    // and places.
    // A challenge whose brief has every mark of rich text, in both sites.
    let app_site = Site::shipped("frame-pages-app");
    let site = frame_only_site("frame-pages");
    let rich = "find-vej-plejehjem";
    let mut challenge = support::shipped_json(&format!("challenges/{rich}.json"));
    challenge["brief"] = json!({ "da": RICH_BRIEF, "en": RICH_BRIEF.replace("Et ", "A ") });
    for s in [&app_site, &site] {
        s.write_content_json(&format!("challenges/{rich}.json"), &challenge);
    }
    let app = App::serve(app_site.path(), "/").await;
    let frame = App::serve(site.path(), "/").await;
    let person = support::shipped_ids("role_models")[0].clone();
    let course = support::shipped_ids("courses")[0].clone();
    let lesson = support::shipped_lesson_ids()[0].clone();
    // A challenge whose brief has a list, on one of its steps.
    let listed = support::shipped_ids("challenges")
        .into_iter()
        .find(|id| {
            let brief = support::shipped_json(&format!("challenges/{id}.json"))["brief"]["da"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            brief.contains("\n- ") || brief.contains("\n1. ")
        })
        .expect("a shipped challenge whose brief has a list");
    // Lessons with a brainstorm and a vote on it, and with no brainstorm, for the class board.
    let steps_of = |id: &String, kind: &str| {
        support::shipped_lesson(id)["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .any(|s| s["type"] == kind)
    };
    let lessons = support::shipped_lesson_ids();
    let voted = lessons
        .iter()
        .find(|id| steps_of(id, "brainstorm") && steps_of(id, "vote"))
        .expect("a shipped lesson with a brainstorm and a vote");
    let no_board = lessons
        .iter()
        .find(|id| !steps_of(id, "brainstorm"))
        .expect("a shipped lesson without a brainstorm");
    let step = challenge_step(&listed);
    // (route, the app's page, what must match, only in size)
    let pages = [
        (
            "#/about",
            "about",
            "article > p, .about-picture p, h1",
            false,
        ),
        ("#/privacy", "privacy", "article > p, h1", false),
        ("#/accessibility", "accessibility", "article > p, h1", false),
        (
            &*format!("#/role-models/{person}"),
            "role-model",
            "h1, p.lead, .portrait",
            true,
        ),
        (
            &*format!("#/courses/{course}"),
            "course",
            "h1, p.lead",
            false,
        ),
        ("#/local", "local", ".local-intro p", true),
        ("#/dating/profile", "dating-profile", "h1, p.lead", false),
        ("#/visitors/new", "new-visitor", "h1, p.lead", false),
        ("#/teacher/host-briefs", "host-briefs", "h1, p.lead", false),
        // A list with its filters in the address keeps its top.
        ("#/lessons?level=mellemtrin", "lessons", "h1, p.lead", false),
        (
            "#/role-models?sector=tech",
            "role-models",
            "h1, p.lead",
            false,
        ),
        ("#/dating/event", "dating-event", "h1, p.lead", false),
        ("#/dating/pitch", "dating-pitch", "h1, p.lead", false),
        (
            "#/host-brief",
            "host-brief-form",
            "h1, p.paper-intro, .actions",
            false,
        ),
        ("#/no/such/page", "not-found", "h1, article > p", false),
        ("#/nowhere", "not-found", "h1, article > p", false),
        // Assignment links that cannot be read: damaged, and cut off before the dot.
        ("#/a/abc", "assignment-link", "h1, .page p", false),
        ("#/a/2", "assignment-link", "h1, .page p", false),
        // Links that read: the whole page, from the code and the index's titles.
        (
            &*assignment_link(false),
            "assignment-link",
            ".page h1, .page p, .page h2, .page li, .page label, .page input, .page button",
            false,
        ),
        (
            &*assignment_link(true),
            "assignment-link",
            ".page h1, .page p, .page h2, .page li, .page label, .page input, .page button",
            false,
        ),
        // Saved things this device does not have.
        ("#/projects/not-here", "project", "h1, .page p", false),
        (
            "#/projects/not-here/steps/x",
            "project",
            "h1, .page p",
            false,
        ),
        ("#/canvases/not-here", "canvas", "h1, .page p", false),
        ("#/visitors/not-here", "visitor", "h1, .page p", false),
        (
            "#/my-assignments/not-here",
            "assigned",
            "h1, .page p",
            false,
        ),
        (
            "#/teacher/class/not-here",
            "class-overview",
            "h1, .page p",
            false,
        ),
        (
            "#/teacher/assignments/not-here",
            "teacher-assignment",
            "h1, .page p",
            false,
        ),
        (
            "#/teacher/host-briefs/not-here",
            "host-brief",
            "h1, .page p",
            false,
        ),
        // From the page's own file.
        (
            &*format!("#/teacher/board/{voted}"),
            "board",
            "h1, .board-question, .board-hint",
            false,
        ),
        (
            &*format!("#/teacher/board/{no_board}"),
            "board",
            "h1, .page > .notice",
            false,
        ),
        (
            &*format!("#/teacher/plan/lesson/{lesson}"),
            "plan",
            "h1, .summary > *",
            false,
        ),
        (
            &*format!("#/teacher/plan/challenge/{listed}"),
            "plan",
            "h1, .summary > *",
            false,
        ),
        (
            &*format!("#/challenges/{listed}/{step}"),
            "challenge",
            "h1, .brief > *",
            false,
        ),
        (
            &*format!("#/challenges/{rich}"),
            "challenge",
            "h1, .brief > *, .brief a",
            false,
        ),
    ];
    for english in [false, true] {
        if english {
            // The settings the app itself writes when the pupil switches to English.
            app.button("Switch to English").await.click().await;
            let settings = english_settings(&app).await;
            frame.local_storage_set("spire.settings", &settings).await;
        }
        for (route, page, css, sized) in &pages {
            app.open(route).await;
            app.reload().await;
            app.wait_for_page(page).await;
            app.wait_until("the page is drawn", async || {
                app.count("main .loading").await == 0
                    && app
                        .count(&format!("main {}", css.split(", ").next().unwrap()))
                        .await
                        > 0
            })
            .await;
            let want = boxes(&app, css, *sized).await;
            frame.open(route).await;
            frame.reload().await;
            // Drawn from the index or local.json once they arrive; then compared whole.
            frame
                .wait_until(&format!("the frame draws {route}"), async || {
                    frame
                        .count(&format!(
                            "#static-shell main {}",
                            css.split(", ").next().unwrap()
                        ))
                        .await
                        > 0
                })
                .await;
            assert_eq!(
                boxes(&frame, css, *sized).await,
                want,
                "{route}, english: {english}"
            );
            assert!(
                want.as_array().is_some_and(|a| !a.is_empty()),
                "{route}: {want}"
            );
            assert_eq!(
                frame.count("#static-shell").await,
                1,
                "{route}: still the frame"
            );
            assert_eq!(frame.html_lang().await, if english { "en" } else { "da" });
        }
    }
    // Where the device has the saved thing, the frame does not say it is missing.
    frame
        .local_storage_set("spire.work.canvas:not-here", "{}")
        .await;
    frame.open("#/canvases/not-here").await;
    frame.reload().await;
    frame.wait_for("#static-shell main h1").await;
    assert_eq!(frame.text_of("#static-shell main h1").await, "");
    assert_eq!(frame.count("#static-shell main .page").await, 0);
    // The frame's name field and buttons are drawn but out of reach: a pupil (or a screen
    // reader, or a test looking for the field by its label) finds only the app's.
    frame.open(&assignment_link(false)).await;
    frame.reload().await;
    frame.wait_for("#static-shell main .page button").await;
    // (In English by now: the loop above left the frame's settings so.)
    assert_eq!(
        frame
            .count_by_role("heading", "Entreprenørskab i efterårets temauge")
            .await,
        1,
        "the frame's own heading is found by its role"
    );
    assert_eq!(
        frame
            .count_by_role("textbox", "Your name or class number")
            .await,
        0
    );
    assert_eq!(
        frame.count_by_role("button", "Add to my assignments").await,
        0
    );
    assert_eq!(
        frame
            .js_value(
                "return [...document.querySelectorAll('#static-shell .page input, #static-shell .page button')].every(e => e.closest('[inert]'))",
                vec![]
            )
            .await,
        json!(true)
    );
    // Where the device may have the assignment already, what comes below its list (a
    // notice, the button's words) is the app's to draw.
    frame
        .local_storage_set("spire.work.assigned:k3x9q2m7", "{}")
        .await;
    frame.open(&assignment_link(false)).await;
    frame.reload().await;
    frame
        .wait_for("#static-shell main .assignment-items li")
        .await;
    assert_eq!(
        frame.text_of("#static-shell main h1").await,
        "Entreprenørskab i efterårets temauge"
    );
    assert_eq!(frame.count("#static-shell main .page button").await, 0);
    // A code the app does not read is never drawn as an assignment: one changed letter
    // (the checksum catches it), a newer link version, the code cut short, text after it.
    let good = assignment_link(false);
    let code = good.trim_start_matches("#/a/1.");
    let middle = code.len() / 2;
    let swapped = if &code[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    for bad in [
        format!("#/a/1.{}{swapped}{}", &code[..middle], &code[middle + 1..]),
        format!("#/a/2.{code}"),
        format!("#/a/1.{}", &code[..code.len() - 4]),
        format!("{good}AAAA"),
    ] {
        frame.open(&bad).await;
        frame.reload().await;
        assert_eq!(
            frame
                .js_await("await window.spireFrame; return document.documentElement.dataset.frame")
                .await,
            json!("named"),
            "{bad}"
        );
        assert_eq!(frame.count("#static-shell main .page").await, 0, "{bad}");
    }
}

/// A brief with every mark core::markdown knows, and two that must stay text.
const RICH_BRIEF: &str = "Et *lokalt* værksted har brug for **hjælp** – se \
    [værkstedets side](https://example.org/vaerksted).\n\n\
    1. Find **problemet**\n\
    2. Lav en prototype,\n   der kan testes\n\n\
    - Ét punkt\n\
    * Et andet punkt\n\
    Sidste afsnit med [et link, der ikke er et](javascript:alert(1)) og *et ulukket mærke.";

/// Loads `route` in the frame-only site and waits until the frame has drawn `title` as the
/// page's heading (from the index card).
async fn load_frame_until_title(frame: &App, route: &str, title: &str) {
    frame.open(route).await;
    frame.reload().await;
    frame
        .wait_until("the frame shows the page's title", async || {
            frame.count("#static-shell main h1").await == 1
                && frame.text_of("#static-shell main h1").await == title
        })
        .await;
}

/// JavaScript: `r(element)`, its box in whole pixels.
const BOX_JS: &str = "const r = e => { const b = e.getBoundingClientRect(); \
    return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]; };";

/// A challenge overview's heading and the first paragraph of its brief: text, bold words,
/// and boxes in whole pixels.
async fn challenge_top(app: &App) -> Value {
    app.js_value(
        &format!(
            "{BOX_JS} \
         const h = document.querySelector('main h1'), p = document.querySelector('main .brief p'); \
         return {{ title: h.textContent, heading: r(h), brief: p && p.textContent, \
                  bold: p && [...p.querySelectorAll('strong')].map(s => s.textContent), \
                  box: p && r(p) }};"
        ),
        vec![],
    )
    .await
}

/// When this page load asked for the wasm, painted first, and had the index back (ms).
async fn load_order(app: &App) -> [f64; 3] {
    let times = app
        .js_value(
            "const r = performance.getEntriesByType('resource'); \
             const wasm = r.find(e => e.name.endsWith('.wasm')); \
             const index = r.find(e => e.name.endsWith('/lessons/index.json')); \
             const paint = performance.getEntriesByName('first-contentful-paint')[0]; \
             return [wasm ? wasm.startTime : -1, paint ? paint.startTime : -1, \
                     index ? index.responseEnd : -1];",
            vec![],
        )
        .await;
    let times: Vec<f64> = serde_json::from_value(times).expect("three times");
    assert!(
        times.iter().all(|t| *t >= 0.0),
        "wasm, paint and index all timed: {times:?}"
    );
    [times[0], times[1], times[2]]
}

/// Where the header, each menu link, the main heading and the page's lead are, in whole
/// pixels.
async fn layout(app: &App) -> Value {
    app.js_value(
        &format!(
            "{BOX_JS} \
         return {{ header: r(document.querySelector('header')), \
                  nav: [...document.querySelectorAll('header nav a')].map(a => [a.textContent, r(a)]), \
                  heading: r(document.querySelector('main h1')).slice(0, 2), \
                  lead: r(document.querySelector('main p.lead')) }};"
        ),
        vec![],
    )
    .await
}

#[tokio::test]
async fn the_security_policy_lets_the_app_run_and_stops_injected_code() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;

    let policy = app
        .attr_of("meta[http-equiv='Content-Security-Policy']", "content")
        .await
        .expect("a Content-Security-Policy");
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .expect("a script-src directive");
    assert!(
        script_src.starts_with("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{policy}"
    );
    assert!(!script_src.contains("'unsafe-inline'") && !script_src.contains("'unsafe-eval'"));
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    assert!(policy.contains("object-src 'none'"), "{policy}");
    // No inline style either: the views set style properties, never a style attribute.
    assert!(
        policy.split(';').any(|d| d.trim() == "style-src 'self'"),
        "{policy}"
    );

    // The app itself never trips the policy, on any main page.
    for (nav, page) in [
        ("Forløb", "lessons"),
        ("Udfordringer", "challenges"),
        ("Rollemodeller", "role-models"),
        ("Lærer", "teacher"),
        ("Mit arbejde", "my-work"),
    ] {
        app.within("header nav").link(nav).await.click().await;
        app.wait_for_page(page).await;
    }
    let (lesson, step) = lesson_with_prompt("");
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    app.wait_for_page("lesson").await;

    // The pages that style an element of their own take effect under the policy: a canvas
    // (its grid, each block's place, a note's colour), a drawing step's surface and colours,
    // and the printable form for a company's brief.
    app.open("#/canvases").await;
    app.wait_for_page("canvases").await;
    app.click("button.start-canvas").await;
    app.wait_for_page("canvas").await;
    app.click(".board-block button.add-note").await;
    app.wait_for("main .note").await;
    let board = app
        .js_value(
            "const s = e => getComputedStyle(document.querySelector(e)); \
             return [s('.board-grid').gridTemplateColumns.split(' ').length, \
                     s('.board-block').gridRowStart, \
                     s('.note').getPropertyValue('--paper').trim()];",
            vec![],
        )
        .await;
    assert!(
        board[0].as_u64().unwrap_or(0) >= 2,
        "the grid's columns: {board}"
    );
    assert_ne!(board[1], "auto", "a block's row: {board}");
    assert!(board[2].as_str().unwrap_or("").starts_with('#'), "{board}");
    let (lesson, step) = lesson_with_step("sketch", "");
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    app.wait_for("main .sketch-surface").await;
    let sketch = app
        .js_value(
            "const s = e => getComputedStyle(document.querySelector(e)); \
             return [s('main .sketch-surface').aspectRatio, \
                     s('main .swatch').getPropertyValue('--swatch').trim()];",
            vec![],
        )
        .await;
    assert_ne!(sketch[0], "auto", "the drawing surface's shape: {sketch}");
    assert!(
        sketch[1].as_str().unwrap_or("").starts_with('#'),
        "{sketch}"
    );
    app.open("#/host-brief").await;
    app.wait_for_page("host-brief-form").await;
    let lines = app
        .js_value(
            "return getComputedStyle(document.querySelector('main .paper-lines')) \
               .getPropertyValue('--lines').trim()",
            vec![],
        )
        .await;
    assert!(
        lines.as_str().is_some_and(|l| l.parse::<u32>().is_ok()),
        "a form field's lines: {lines}"
    );

    let refused: Vec<_> = app
        .console_log()
        .await
        .into_iter()
        .filter(|e| e.message.contains("Content Security Policy"))
        .collect();
    assert!(
        refused.is_empty(),
        "the app trips its own policy: {refused:#?}"
    );

    // An injected inline script and an image from another host are both refused.
    app.js_value(
        "window.__violations = []; window.__ran = false; \
         document.addEventListener('securitypolicyviolation', \
           e => window.__violations.push(e.effectiveDirective)); \
         const s = document.createElement('script'); s.textContent = 'window.__ran = true'; \
         document.body.appendChild(s); \
         const i = document.createElement('img'); i.src = 'http://127.0.0.2:1/tracker.png'; \
         document.body.appendChild(i); \
         document.querySelector('main h1').setAttribute('style', 'display: none');",
        vec![],
    )
    .await;
    app.wait_until("all three are reported as blocked", async || {
        app.js_value("return window.__violations.length", vec![])
            .await
            == 3
    })
    .await;
    assert_eq!(
        app.js_value("return window.__ran", vec![]).await,
        Value::Bool(false)
    );
    let mut blocked =
        support::string_list(app.js_value("return window.__violations", vec![]).await);
    blocked.sort();
    assert_eq!(blocked, ["img-src", "script-src-elem", "style-src-attr"]);
    assert_ne!(
        app.js_value(
            "return getComputedStyle(document.querySelector('main h1')).display",
            vec![]
        )
        .await,
        "none"
    );
}

#[tokio::test]
async fn the_app_can_be_installed_with_its_own_icons() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    let manifest = app
        .js_await(
            "const link = document.querySelector('link[rel=manifest]'); \
             const m = await (await fetch(link.href)).json(); \
             const icons = await Promise.all(m.icons.map(async i => { \
               const r = await fetch(new URL(i.src, link.href)); \
               return [i.src, r.status, r.headers.get('content-type')]; })); \
             return { name: m.name, short: m.short_name, start: m.start_url, \
                      display: m.display, icons };",
        )
        .await;
    assert_eq!(manifest["short"], "Spire");
    assert_eq!(
        manifest["start"], "./",
        "relative, so a sub-folder deploy works"
    );
    assert_eq!(manifest["display"], "standalone");
    let icons = manifest["icons"].as_array().expect("icons");
    assert!(icons.len() >= 3, "{manifest}");
    for icon in icons {
        assert_eq!(icon[1], 200, "{icon}");
        assert!(
            icon[2].as_str().unwrap_or_default().starts_with("image/"),
            "{icon}"
        );
    }
    let sizes: Vec<_> = icons
        .iter()
        .map(|i| i[0].as_str().unwrap_or_default())
        .collect();
    assert!(
        sizes.iter().any(|s| s.ends_with("192.png"))
            && sizes.iter().any(|s| s.ends_with("512.png"))
    );
    for host in app.resource_hosts().await {
        assert_eq!(host, app.host(), "everything comes from the app's own host");
    }
}

/// The app's first render is drawn in parts outside the page, each part in a task of its
/// own (that they are separate tasks shows in `make bench`'s long tasks; here, that every
/// part is drawn, in order, one after the other), and takes the frame's place only when
/// whole: a pupil never sees, and a click never reaches, half an app.
#[tokio::test]
async fn the_app_is_drawn_in_parts_and_replaces_the_frame_whole() {
    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    assert_eq!(
        app.count("#static-shell").await,
        0,
        "the page arrives with the frame already gone"
    );
    assert_eq!(app.count("header").await, 1, "one header: the app's");
    assert!(
        app.count("main .lesson-card").await >= 1,
        "the page arrives with its first cards, drawn before it was shown"
    );

    let stages = app
        .js_value(
            "return performance.getEntriesByType('measure') \
             .filter(m => m.name.startsWith('spire:draw-') \
               || ['spire:read-work', 'spire:set-index'].includes(m.name)).concat( \
               performance.getEntriesByName('spire:mount')) \
             .map(m => [m.name.slice(6), m.startTime, m.duration]);",
            vec![],
        )
        .await;
    let stages: Vec<(String, f64, f64)> = serde_json::from_value(stages).expect("measures");
    let names: Vec<&str> = stages.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "read-work",
            "set-index",
            "draw-contexts",
            "draw-shell",
            "draw-header",
            "draw-footer",
            "draw-page",
            "draw-page-rest",
            "mount",
        ],
        "saved work and content made first, then each part drawn once, in order, then the \
         app shown"
    );
    for pair in stages[..8].windows(2) {
        let [(before, start, duration), (after, next, _)] = pair else {
            unreachable!()
        };
        // Start and duration are floats from the page's clock: a stage that starts the
        // instant the one before ends may sum a hair past it (213.2 + 0.8 = 214.00000000000003).
        assert!(
            *next >= start + duration - 1e-6,
            "{after} starts after {before} has ended: {stages:?}"
        );
    }
    let (_, mount_start, mount_duration) = stages[8];
    let (_, last_start, last_duration) = stages[7];
    assert_eq!(
        mount_start, stages[2].1,
        "the whole render starts with the first part"
    );
    assert!(
        mount_start + mount_duration >= last_start + last_duration,
        "the app is shown after its last part: {stages:?}"
    );
}

/// A string of content JSON; fails loudly when it is not one.
fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("a string, not {value}"))
        .to_string()
}

/// The first step of a shipped challenge.
/// An assignment link's address, written by the app's own writer: with a class, a due day
/// still to come, a note of two lines and four items (one not in the index), or, `overdue`,
/// untitled, due in 2020, with one challenge and a full stop and bracket after it, as a
/// link taken out of a sentence has.
fn assignment_link(overdue: bool) -> String {
    use spire::core::progress::WorkRef;
    use spire::core::teacher::assignment::Assignment;
    let lessons = support::shipped_lesson_ids();
    let challenge = support::shipped_ids("challenges")[0].clone();
    let a = if overdue {
        Assignment {
            id: "late0001".into(),
            due: chrono::NaiveDate::from_ymd_opt(2020, 1, 5),
            items: vec![WorkRef::challenge(&challenge)],
            rev: 1_764_000_000_000,
            ..Default::default()
        }
    } else {
        Assignment {
            id: "k3x9q2m7".into(),
            class: "6.B".into(),
            title: "Entreprenørskab i efterårets temauge".into(),
            due: chrono::NaiveDate::from_ymd_opt(2099, 12, 31),
            note: "Husk at aflevere fredag.\nSpørg, hvis I går i stå – og hjælp hinanden!".into(),
            items: vec![
                WorkRef::lesson(&lessons[0]),
                WorkRef::challenge(&challenge),
                WorkRef::lesson(&lessons[1]),
                WorkRef::lesson("not-in-the-index"),
            ],
            rev: 1_764_000_000_000,
        }
    };
    let tail = if overdue { ")." } else { "" };
    format!("#/a/{}{tail}", a.to_code())
}

fn challenge_step(id: &str) -> String {
    support::shipped_json(&format!("challenges/{id}.json"))["phases"][0]["steps"][0]["id"]
        .as_str()
        .expect("a first step")
        .to_string()
}

/// The layout shifts of this page load so far (a pupil's input excluded), each with what
/// moved: the browser's own measure of a jump.
async fn layout_shifts(app: &App) -> Value {
    app.js_await(
        "const shifts = []; \
         const observer = new PerformanceObserver(list => shifts.push(...list.getEntries())); \
         observer.observe({ type: 'layout-shift', buffered: true }); \
         await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); \
         shifts.push(...observer.takeRecords()); \
         observer.disconnect(); \
         return shifts.filter(e => !e.hadRecentInput).map(e => [e.value, e.sources.map(s => \
           s.node ? (s.node.outerHTML || s.node.textContent || '').slice(0, 120) : '')]);",
    )
    .await
}

#[tokio::test]
async fn the_app_takes_over_from_the_frame_without_a_jump() {
    // Nothing on screen moves between the frame's first paint and the page drawn whole,
    // also on steps drawn from another file than the page's own: a recall of another
    // lesson's answer, a canvas's template, a role model's profile.
    let (lesson, step) = support::shipped_lesson_ids()
        .into_iter()
        .find_map(|id| {
            let file = support::shipped_lesson(&id);
            let step = file["steps"].as_array()?.iter().find(|s| {
                s["recall"]["lesson"]
                    .as_str()
                    .is_some_and(|other| other != id)
            })?;
            Some((id.clone(), step["id"].as_str()?.to_string()))
        })
        .expect("a shipped step that recalls another lesson's answer");
    // Steps drawn from another file: a canvas's template, a role model's profile.
    let step_of = |kind: &str| {
        let (id, step) = support::shipped_step(kind, &[]);
        format!("#/lessons/{id}/{}", text(&step["id"]))
    };
    let first = support::shipped_lesson_ids()[0].clone();
    let challenge = support::shipped_ids("challenges")[0].clone();
    let app = App::at_root().await;
    for (route, page, drawn) in [
        ("#/".to_string(), "home", "main h1"),
        ("#/lessons".into(), "lessons", "main .lesson-card"),
        (format!("#/lessons/{first}"), "lesson", "main .step"),
        (
            format!("#/lessons/{lesson}/{step}"),
            "lesson",
            "main .recall p",
        ),
        (step_of("canvas"), "lesson", "main .board"),
        (step_of("role_model"), "lesson", "main .role-model-card"),
        (
            format!("#/challenges/{challenge}"),
            "challenge",
            "main .plan",
        ),
        (
            format!("#/teacher/plan/lesson/{first}"),
            "plan",
            "main .plan-steps",
        ),
        ("#/about".into(), "about", "main .about-picture"),
        (
            format!("#/challenges/{challenge}/{}", challenge_step(&challenge)),
            "challenge",
            "main .step",
        ),
        (format!("#/teacher/board/{first}"), "board", "main h1"),
        ("#/dating/event".into(), "dating-event", "main h1"),
        ("#/projects/not-here".into(), "project", "main h1"),
        ("#/no-such-page".into(), "not-found", "main h1"),
        (
            assignment_link(false),
            "assignment-link",
            "main .assignment-items li",
        ),
    ] {
        app.open(&route).await;
        app.reload().await;
        app.wait_for_page(page).await;
        app.wait_until(&format!("{route} is drawn whole"), async || {
            app.count("main .loading").await == 0 && app.count(drawn).await > 0
        })
        .await;
        assert_eq!(layout_shifts(&app).await, json!([]), "{route}");
    }
}

/// A step that shows another lesson's canvas (a recall) is drawn with the canvas template's
/// words from its first paint: the app reads the template the recalled step names before it
/// draws the page, not after.
#[tokio::test]
async fn a_recalled_canvas_is_drawn_with_its_templates_words_at_once() {
    // A canvas step of one lesson, and a question of another lesson that recalls it.
    let (canvas_lesson, canvas) = support::shipped_step("canvas", &[]);
    let (canvas_step, template) = (text(&canvas["id"]), text(&canvas["canvas"]));
    let (lesson, question) = support::shipped_step("prompt", &[&canvas_lesson]);
    let step = text(&question["id"]);
    let site = Site::shipped("recalled-canvas");
    let mut file = site.content_json(&format!("{lesson}.json"));
    for s in file["steps"].as_array_mut().expect("steps") {
        if s["id"] == step.as_str() {
            s["recall"] = json!({"lesson": canvas_lesson, "step": canvas_step});
        }
    }
    site.write_content_json(&format!("{lesson}.json"), &file);

    let canvas = site.content_json(&format!("canvases/{template}.json"));
    let block = &canvas["blocks"][0];
    let board_block = format!(
        "main .board-block[data-block=\"{}\"]",
        block["id"].as_str().expect("a block id")
    );

    let app = App::serve(site.path(), "/").await;
    app.open(&format!("#/lessons/{canvas_lesson}/{canvas_step}"))
        .await;
    app.click(&format!("{board_block} button.add-note")).await;
    app.type_into(&format!("{board_block} .note-text"), "Lemonade stand")
        .await;
    app.wait_work_saved(&format!("lesson:{canvas_lesson}"), "Lemonade stand")
        .await;

    // What the recall says the first moment it holds the note, before anything can change it.
    app.add_init_script(
        "new MutationObserver((_, observer) => { \
           const recall = document.querySelector('main [data-page] .recall'); \
           if (recall && recall.textContent.includes('Lemonade stand')) { \
             window.firstRecall = recall.textContent; observer.disconnect(); } \
         }).observe(document, { subtree: true, childList: true, characterData: true });",
    )
    .await;
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    app.reload().await;
    app.wait_for_page("lesson").await;
    app.wait_until("the recall shows the note", async || {
        app.js("return window.firstRecall || ''")
            .await
            .contains("Lemonade stand")
    })
    .await;
    let lang = app.html_lang().await;
    let block = block["title"][lang.as_str()]
        .as_str()
        .expect("the template's first block has a title")
        .to_string();
    let first = app.js("return window.firstRecall").await;
    assert!(
        first.contains(&block),
        "the recall was first drawn without the template's block title {block:?}: {first:?}"
    );
    assert_eq!(layout_shifts(&app).await, json!([]));
}

/// Where the browser has no `scheduler.yield()` (Safari, older Firefox), the app yields
/// with a message to itself rather than a chain of timers (which a background tab gets one
/// a second): a lesson opened then is still read and drawn, through that path.
#[tokio::test]
async fn without_scheduler_yield_a_lesson_is_still_read_and_drawn() {
    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    let hidden = app
        .js_value(
            "Object.defineProperty(window, 'scheduler', { value: undefined, configurable: true }); \
             window.channels = 0; \
             const Channel = window.MessageChannel; \
             window.MessageChannel = class extends Channel { \
               constructor() { super(); window.channels += 1; } }; \
             return window.scheduler === undefined;",
            vec![],
        )
        .await;
    assert_eq!(hidden, Value::Bool(true), "the page sees no scheduler");

    let id = &support::shipped_lesson_ids()[0];
    app.click(&format!("main a[href='#/lessons/{id}']")).await;
    app.wait_for("main .step").await;
    let channels = app.js_value("return window.channels", vec![]).await;
    assert!(
        channels.as_u64().is_some_and(|n| n >= 2),
        "reading and drawing the file yielded through messages: {channels}"
    );
}

/// A server set up to send the build's compressed copies (nginx's `brotli_static` and
/// `gzip_static`, README "Deploying") serves the same app: each of the app's files goes
/// as its copy, content as it is (a content file edited on the site has no stale copy),
/// and the pupil notices nothing. Once with brotli, once with gzip only, each in a fresh
/// browser (the service worker would answer a reload itself).
#[tokio::test]
async fn a_server_sending_the_compressed_copies_serves_the_same_app() {
    for encoding in ["br", "gzip"] {
        let app = App::at_root().await;
        app.server.send_compressed_copies(&[encoding]);
        app.open("").await;
        app.wait_for_page("home").await;
        // The teacher's pages are a part of the app's code fetched on their own.
        app.link("Lærer").await.click().await;
        app.wait_for_page("teacher").await;
        let (lesson, step) = lesson_with_prompt("");
        app.open(&format!("#/lessons/{lesson}/{step}")).await;
        app.textbox("Dit svar")
            .await
            .type_text("Sendt pakket")
            .await;
        app.wait_until("the answer is saved", async || {
            app.text_of("#save-status").await == "Gemt"
        })
        .await;
        wait_until_offline_ready(&app).await;

        let served = app.server.requests();
        let app_files: Vec<_> = served
            .iter()
            .filter(|r| {
                r.path == "/"
                    || [".wasm", ".js", ".css", ".html"]
                        .iter()
                        .any(|e| r.path.ends_with(e))
            })
            .collect();
        for kind in ["/", "_bg.wasm", "/boot.js", "/sw.js", ".css"] {
            assert!(
                app_files
                    .iter()
                    .any(|r| r.path == kind || (kind != "/" && r.path.ends_with(kind))),
                "{kind} was requested ({encoding}): {served:?}"
            );
        }
        assert!(
            app_files
                .iter()
                .any(|r| r.path.starts_with("/split_teacher-")),
            "the teacher's part was fetched ({encoding}): {served:?}"
        );
        for r in &app_files {
            assert_eq!(r.status, 200, "{} ({encoding})", r.path);
            assert_eq!(
                r.encoding,
                Some(encoding),
                "{} went as its {encoding} copy",
                r.path
            );
        }
        let content: Vec<_> = served
            .iter()
            .filter(|r| r.path.starts_with("/lessons/"))
            .collect();
        assert!(!content.is_empty(), "content was fetched ({encoding})");
        for r in content {
            assert_eq!(r.encoding, None, "{} has no compressed copy", r.path);
        }
        assert_eq!(app.console_errors().await, vec![], "no errors ({encoding})");
    }
}
