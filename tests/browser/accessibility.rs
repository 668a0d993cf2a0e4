//! axe-core (WCAG 2.1 A and AA) on every page of the app and in the states pupils and
//! teachers meet: each step type, each level's style, young pupils' mode, both languages,
//! a team project with its book and entry, a canvas with notes (a note's menu open, a
//! photo on it), the entry and the canvas as they print, and the confirmations. Each test collects every
//! violation before failing, so one run shows all there is to mend.
//!
//! Run: `cargo test --test browser accessibility:: -- --test-threads=1` after `make dist`.

use crate::support;

use std::collections::BTreeMap;

use support::{shipped_ids, shipped_lesson, shipped_lesson_ids, steps_of, App};

/// Violations found so far, by the state they were found in.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    async fn check(&mut self, app: &App, state: &str) {
        for v in app.axe_violations().await {
            self.0.push(format!("{state}: {v}"));
        }
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "axe-core found {} violation(s):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

async fn visit(app: &App, path: &str, page: &str) {
    app.open(path).await;
    app.wait_for_page(page).await;
    app.settle(std::time::Duration::from_millis(200)).await;
}

#[tokio::test]
async fn the_checker_finds_a_barrier_when_there_is_one() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    assert_eq!(app.axe_violations().await, Vec::<String>::new());
    // A picture without a text alternative and a button without a name.
    app.js_value(
        "document.querySelector('main').insertAdjacentHTML('beforeend', \
           '<img src=\"favicon.svg\"><button type=\"button\"></button>');",
        vec![],
    )
    .await;
    let found = app.axe_violations().await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt ")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|v| v.starts_with("button-name ")),
        "{found:#?}"
    );
}

#[tokio::test]
async fn every_page_in_both_languages() {
    let first = |kind: &str| shipped_ids(kind).into_iter().next().expect(kind);
    let pages = [
        (String::new(), "home"),
        ("#/lessons".into(), "lessons"),
        ("#/courses".into(), "courses"),
        (format!("#/courses/{}", first("courses")), "course"),
        ("#/challenges".into(), "challenges"),
        (format!("#/challenges/{}", first("challenges")), "challenge"),
        ("#/role-models".into(), "role-models"),
        (
            format!("#/role-models/{}", first("role_models")),
            "role-model",
        ),
        ("#/canvases".into(), "canvases"),
        ("#/teacher".into(), "teacher"),
        ("#/teacher/host-briefs".into(), "host-briefs"),
        ("#/host-brief".into(), "host-brief-form"),
        ("#/visitors/new".into(), "new-visitor"),
        ("#/dating".into(), "dating"),
        ("#/dating/profile".into(), "dating-profile"),
        ("#/dating/event".into(), "dating-event"),
        ("#/dating/pitch".into(), "dating-pitch"),
        ("#/my-work".into(), "my-work"),
        ("#/local".into(), "local"),
        ("#/about".into(), "about"),
        ("#/privacy".into(), "privacy"),
        ("#/accessibility".into(), "accessibility"),
        ("#/no-such-page".into(), "not-found"),
    ];
    let app = App::at_root().await;
    let mut findings = Findings::default();
    for (path, page) in &pages {
        visit(&app, path, page).await;
        findings.check(&app, &format!("{page} ({path})")).await;
    }
    // English: the language switch, then the pages again.
    app.open("").await;
    app.wait_for_page("home").await;
    app.button("Switch to English").await.click().await;
    app.wait_until("the app is in English", async || {
        app.html_lang().await == "en"
    })
    .await;
    for (path, page) in &pages {
        visit(&app, path, page).await;
        findings
            .check(&app, &format!("{page} ({path}), English"))
            .await;
    }
    findings.assert_none();
}

#[tokio::test]
async fn every_step_type_and_every_level_style() {
    // The first shipped step of each type, and the first lesson of each level.
    let mut steps: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut levels: BTreeMap<String, String> = BTreeMap::new();
    for id in shipped_lesson_ids() {
        let lesson = shipped_lesson(&id);
        for (step, kind) in steps_of(&lesson) {
            steps.entry(kind).or_insert_with(|| (id.clone(), step));
        }
        for level in lesson["levels"].as_array().into_iter().flatten() {
            if let Some(level) = level.as_str() {
                levels
                    .entry(level.to_string())
                    .or_insert_with(|| id.clone());
            }
        }
    }
    assert!(steps.len() >= 10, "shipped step types: {:?}", steps.keys());
    assert!(levels.len() >= 5, "shipped levels: {:?}", levels.keys());

    let app = App::at_root().await;
    let mut findings = Findings::default();
    for (kind, (lesson, step)) in &steps {
        app.open(&format!("#/lessons/{lesson}/{step}")).await;
        app.wait_for(&format!("main .step[data-step=\"{step}\"]"))
            .await;
        app.settle(std::time::Duration::from_millis(200)).await;
        findings
            .check(&app, &format!("a {kind} step ({lesson}/{step})"))
            .await;
    }
    for (level, lesson) in &levels {
        visit(&app, &format!("#/lessons/{lesson}"), "lesson").await;
        findings
            .check(&app, &format!("the {level} style ({lesson})"))
            .await;
    }
    // Young pupils' mode: larger text and targets on the catalogue and a lesson.
    visit(&app, "", "home").await;
    app.checkbox("Stor tekst og store knapper (for de yngste)")
        .await
        .click()
        .await;
    app.wait_until("young mode is on", async || {
        app.js_value(
            "return document.documentElement.classList.contains('young')",
            vec![],
        )
        .await
            == serde_json::Value::Bool(true)
    })
    .await;
    visit(&app, "#/lessons", "lessons").await;
    findings.check(&app, "the catalogue in young mode").await;
    if let Some((lesson, step)) = steps.get("choice") {
        app.open(&format!("#/lessons/{lesson}/{step}")).await;
        app.wait_for(&format!("main .step[data-step=\"{step}\"]"))
            .await;
        findings.check(&app, "a choice step in young mode").await;
    }
    findings.assert_none();
}

/// Renders the page as for print (`true`) or for the screen again (`false`).
async fn print_media(app: &App, print: bool) {
    let media = if print { "print" } else { "" };
    app.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": media }),
    )
    .await;
    app.let_page_react().await;
}

#[tokio::test]
async fn a_team_project_its_book_and_entry_and_a_canvas_with_notes() {
    let app = App::at_root().await;
    let mut findings = Findings::default();
    let challenge = shipped_ids("challenges")
        .into_iter()
        .next()
        .expect("a challenge");
    visit(&app, &format!("#/challenges/{challenge}"), "challenge").await;
    app.textbox("Holdets navn").await.type_text("Ugle").await;
    app.textbox("Holdets fornavne")
        .await
        .type_text("Ada, Bo")
        .await;
    app.button("Start holdprojekt").await.click().await;
    app.wait_for_page("project").await;
    findings.check(&app, "a team project").await;
    let project = app
        .current_hash()
        .await
        .trim_start_matches("#/projects/")
        .to_string();
    for (view, page) in [
        ("book", "project-book"),
        ("entry", "project-entry"),
        ("pitch", "project-pitch"),
    ] {
        visit(&app, &format!("#/projects/{project}/{view}"), page).await;
        findings.check(&app, &format!("the project's {view}")).await;
    }
    // The entry as it prints: the print stylesheet's colours and what it hides.
    visit(
        &app,
        &format!("#/projects/{project}/entry"),
        "project-entry",
    )
    .await;
    print_media(&app, true).await;
    findings.check(&app, "the entry in print").await;
    print_media(&app, false).await;

    // A canvas started from the first template, with a note on it.
    visit(&app, "#/canvases", "canvases").await;
    findings.check(&app, "the canvases gallery").await;
    app.click("main button.start-canvas").await;
    app.wait_for_page("canvas").await;
    app.click("main .board-block button.add-note").await;
    app.wait_until("the new note has focus", async || {
        app.js_value(
            "return document.activeElement.classList.contains('note-text')",
            vec![],
        )
        .await
            == serde_json::Value::Bool(true)
    })
    .await;
    app.type_into("main .note-text", "Billig frokost").await;
    app.let_page_react().await;
    findings.check(&app, "a canvas with a note").await;
    // The note's menu open, and a photo on the note.
    app.click("main .note-menu-button").await;
    app.wait_for("main .note-menu").await;
    let picture = support::test_picture();
    app.pick_files("main .note-menu input[type=file]", &[picture])
        .await;
    app.wait_for("main .note img.note-photo").await;
    app.let_page_react().await;
    findings
        .check(&app, "a note with a photo and its menu open")
        .await;
    // The canvas as it prints: the sheet drawn for the page.
    app.js_value("window.dispatchEvent(new Event('beforeprint'))", vec![])
        .await;
    app.wait_for("main .print-sheet svg").await;
    print_media(&app, true).await;
    findings.check(&app, "the canvas in print").await;
    print_media(&app, false).await;
    app.js_value("window.dispatchEvent(new Event('afterprint'))", vec![])
        .await;
    // The confirmations: deleting a canvas, erasing everything.
    visit(&app, "#/canvases", "canvases").await;
    app.click("main .canvas-delete").await;
    app.let_page_react().await;
    findings
        .check(&app, "deleting a canvas, asked to confirm")
        .await;
    visit(&app, "#/my-work", "my-work").await;
    app.click("#erase").await;
    app.let_page_react().await;
    findings
        .check(&app, "erasing everything, asked to confirm")
        .await;
    findings.assert_none();
}

#[tokio::test]
async fn every_page_reflows_at_360_pixels_and_at_200_percent_zoom() {
    let app = App::at_root().await;
    let mut overflowing = Vec::new();
    // 360 CSS pixels: a small phone; 640: a 1280-pixel screen at 200 % zoom.
    for width in [360u32, 640] {
        app.cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false}),
        )
        .await;
        for (path, page) in [
            ("", "home"),
            ("#/lessons", "lessons"),
            ("#/challenges", "challenges"),
            ("#/role-models", "role-models"),
            ("#/teacher", "teacher"),
            ("#/dating/event", "dating-event"),
            ("#/my-work", "my-work"),
            ("#/about", "about"),
        ] {
            visit(&app, path, page).await;
            let sizes = app
                .js_value(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                    vec![],
                )
                .await;
            let (scroll, client) = (sizes[0].as_u64(), sizes[1].as_u64());
            assert!(
                client <= Some(width.into()),
                "the page is {client:?} wide, not {width}"
            );
            if scroll > client {
                let culprits = app
                    .js_value(
                        "const w = document.documentElement.clientWidth; \
                         return [...document.querySelectorAll('body *')] \
                           .filter(e => e.getBoundingClientRect().right > w + 0.5) \
                           .slice(0, 5).map(e => e.tagName + '.' + e.className);",
                        vec![],
                    )
                    .await;
                overflowing.push(format!(
                    "{page} at {width} px: {scroll:?} > {client:?}, e.g. {culprits}"
                ));
            }
        }
    }
    assert!(
        overflowing.is_empty(),
        "pages scroll sideways (WCAG 1.4.10 reflow): {overflowing:#?}"
    );
}
