//! Lessons in a real browser: the catalogue and its URL filters, the step player with every
//! step type, content written by others (broken files, HTML in text), read-aloud, keyboard
//! use, mangled links, every shipped lesson, and mangled copies of the shipped files.
//!
//! Run after `make dist`:
//! `cargo test --test browser lessons:: -- --test-threads=1`.
//! Tests that need their own content serve a `support::Site`: a copy of `dist/` whose
//! `lessons/` holds only files written here to the content contract. Controls are found
//! by role and name, as a pupil finds them (`app.button("Næste")`); CSS selectors check
//! structure and state.

use crate::support;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{json, Value};
use support::{
    page_selector, pct_encode, shipped_json, shipped_lesson_ids, steps_of, string_list as strings,
    App, Control, Site, Utterance,
};

/// Every string of a Text (`"…"` or `{"da": "…", "en": "…"}`).
fn text_strings(text: &Value) -> Vec<String> {
    match text {
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .values()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => vec![],
    }
}

/// The Danish (else any) string of a Text.
fn text_da(text: &Value) -> String {
    match text {
        Value::String(s) => s.clone(),
        _ => text["da"]
            .as_str()
            .or_else(|| text["en"].as_str())
            .unwrap_or_default()
            .to_string(),
    }
}

/// The search rule of the catalogue as a reader expects it: every word of the query
/// appears, ignoring case, in the lesson's title or summary (either language).
fn search_matches(lesson: &Value, query: &str) -> bool {
    let mut texts = text_strings(&lesson["title"]);
    texts.extend(text_strings(&lesson["summary"]));
    let haystack = texts.join(" ").to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

fn has_level(lesson: &Value, level: &str) -> bool {
    lesson["levels"]
        .as_array()
        .is_some_and(|levels| levels.iter().any(|l| l == level))
}

/// `line:column` of the first JSON error in `text`, as serde_json reports it.
fn json_error_place(text: &str) -> String {
    let error = serde_json::from_str::<Value>(text).expect_err("the text must be bad JSON");
    format!("{}:{}", error.line(), error.column())
}

// ----- page helpers ---------------------------------------------------------------------

/// The `data-lesson` ids of the catalogue cards, in page order.
async fn card_ids(app: &App) -> Vec<String> {
    strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main li.lesson-card'))\
             .map(e => e.getAttribute('data-lesson'))",
            vec![],
        )
        .await,
    )
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Waits until the catalogue shows exactly the cards `expected` (in any order), all loaded.
async fn wait_for_cards(app: &App, expected: &[String], what: &str) {
    let want = sorted(expected.to_vec());
    let deadline = Instant::now() + support::timeout();
    loop {
        let loading = app.count("main li.lesson-card.loading-card").await;
        let seen = sorted(card_ids(app).await);
        if loading == 0 && seen == want {
            return;
        }
        if Instant::now() > deadline {
            app.fail(&format!(
                "{what}: expected the cards {want:?}, the catalogue shows {seen:?} \
                 ({loading} still loading)"
            ))
            .await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The number in `#result-count` (e.g. "5 forløb" → 5).
async fn result_count(app: &App) -> Option<usize> {
    let text = app.text_of("#result-count").await;
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Waits until the step `id` is the one shown.
async fn wait_for_step(app: &App, id: &str) {
    app.wait_for(&format!("main .step[data-step=\"{id}\"]"))
        .await;
}

/// Clicks Next and waits for step `next`.
async fn next_to(app: &App, next: &str) {
    app.button("Næste").await.click().await;
    wait_for_step(app, next).await;
}

/// The header's link to a section ("Forløb", "Forside", …), as a pupil finds it.
async fn header_link<'a>(app: &'a App, name: &str) -> Control<'a> {
    app.within("header nav").link(name).await
}

/// Waits until some saved work entry in localStorage contains `needle` (saves are
/// debounced; each work item is saved under its own `spire.work.` key).
async fn wait_saved(app: &App, needle: &str) {
    app.wait_until(&format!("the saved work contains {needle:?}"), async || {
        app.js_value(
            "return Object.keys(localStorage).filter(k => k.startsWith('spire.work.')) \
             .some(k => localStorage.getItem(k).includes(arguments[0]))",
            vec![json!(needle)],
        )
        .await
            == json!(true)
    })
    .await;
}

/// Fails if the browser console shows a Rust panic.
async fn assert_no_panic(app: &App) {
    let panics: Vec<String> = app
        .console_log()
        .await
        .into_iter()
        .filter(|e| e.message.contains("panicked") || e.message.contains("RuntimeError"))
        .map(|e| e.to_string())
        .collect();
    assert!(
        panics.is_empty(),
        "the app panicked:\n{}",
        panics.join("\n")
    );
}

/// Presses and releases `key` on whatever has focus.
async fn press(app: &App, key: Key) {
    let c: char = key.into();
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: c })
        .then(KeyAction::Up { value: c });
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("cannot press {key:?}: {e}")).await;
    }
}

async fn active_description(app: &App) -> String {
    app.js(
        "const a = document.activeElement; if (!a) return 'nothing'; \
         return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + \
         (a.className ? '.' + String(a.className).split(' ').join('.') : '')",
    )
    .await
}

/// Presses Tab until `target` has focus (at most 80 times).
async fn tab_to(app: &App, target: &Control<'_>) {
    let mut path = Vec::new();
    for _ in 0..80 {
        if target.has_focus().await {
            return;
        }
        press(app, Key::Tab).await;
        path.push(active_description(app).await);
    }
    app.fail(&format!(
        "Tab never reached {} {:?}; focus went through: {}",
        target.role(),
        target.name(),
        path.join(" → ")
    ))
    .await;
}

// ----- test content ---------------------------------------------------------------------

/// A lesson using all ten step types, with its canvas template and role model.
fn write_all_steps_content(site: &Site) {
    site.write_content_json(
        "index.json",
        &json!({
            "lessons": ["all-steps"],
            "canvases": ["test-canvas"],
            "role_models": ["test-person"]
        }),
    );
    site.write_content_json(
        "all-steps.json",
        &json!({
            "id": "all-steps",
            "title": {"da": "Alle trin", "en": "All steps"},
            "summary": {"da": "Et forløb med alle trintyper.", "en": "A lesson with every step type."},
            "levels": ["mellemtrin"],
            "minutes": 30,
            "competences": ["creativity"],
            "dimensions": ["kreativitet"],
            "role_models": ["test-person"],
            "steps": [
                {"type": "read", "id": "intro", "title": {"da": "Læs dette", "en": "Read this"},
                 "body": {"da": "Hej **elever**.\n\n- en\n- to", "en": "Hello **pupils**.\n\n- one\n- two"}},
                {"type": "prompt", "id": "think", "question": "What do you think?",
                 "hint": "Anything goes", "max_chars": 200},
                {"type": "choice", "id": "quiz", "question": "Which one is right?",
                 "options": ["Wrong A", "Right B", "Wrong C"], "correct": [1],
                 "explanation": "B is right because it says so."},
                {"type": "brainstorm", "id": "ideas", "question": "List your ideas", "target": 3},
                {"type": "vote", "id": "pick", "title": "Vote", "from": "ideas", "votes": 2},
                {"type": "canvas", "id": "board", "title": "Canvas", "canvas": "test-canvas"},
                {"type": "checklist", "id": "todo", "title": "Checklist",
                 "items": ["First thing", "Second thing"]},
                {"type": "role_model", "id": "meet", "title": "Meet Tessa", "profile": "test-person",
                 "questions": ["What did you learn from Tessa?"]},
                {"type": "pitch", "id": "talk", "title": "Pitch", "seconds": 60,
                 "sections": ["Problem", "Solution", "Ask"]},
                {"type": "rubric", "id": "self", "title": "Rate yourself", "scale": 4, "criteria": [
                    {"id": "clarity", "title": "Clarity", "description": "Is it clear?"},
                    {"id": "effort", "title": "Effort"}
                ]}
            ]
        }),
    );
    site.write_content_json(
        "canvases/test-canvas.json",
        &json!({
            "id": "test-canvas",
            "title": "Test canvas",
            "attribution": "Made for the tests",
            "columns": 2,
            "rows": 1,
            "blocks": [
                {"id": "who", "title": "Who", "prompt": "Who is it for?", "col": 1, "row": 1},
                {"id": "what", "title": "What", "col": 2, "row": 1, "width": 1, "height": 1}
            ]
        }),
    );
    site.write_content_json(
        "role-models/test-person.json",
        &json!({
            "id": "test-person",
            "name": "Tessa Testesen",
            "fictional": true,
            "business": {"da": "Testbutik", "en": "Test shop"},
            "sector": "crafts",
            "levels": ["mellemtrin"],
            "headline": {"da": "Hun tester ting.", "en": "She tests things."},
            "story": {"da": "En lang historie.", "en": "A long story."},
            "path": [{"year": 2020, "text": "Started testing."}],
            "advice": ["Test early."],
            "questions": ["Why test?"]
        }),
    );
}

fn all_steps_site(label: &str) -> Site {
    let site = Site::empty(label);
    write_all_steps_content(&site);
    site
}

/// The pitch step's sections and what the test writes in each.
const PITCH: [(&str, &str); 3] = [
    ("Problem", "Queues are long"),
    ("Solution", "A ticket app"),
    ("Ask", "Try it with us"),
];

const ALL_STEPS: [&str; 10] = [
    "intro", "think", "quiz", "ideas", "pick", "board", "todo", "meet", "talk", "self",
];

// ----- 1. the catalogue -----------------------------------------------------------------

#[tokio::test]
async fn catalogue_lists_every_lesson_and_filters_by_url() {
    let ids = shipped_lesson_ids();
    assert!(!ids.is_empty(), "lessons/index.json lists no lessons");
    let lessons: Vec<(String, Value)> = ids
        .iter()
        .map(|id| (id.clone(), shipped_json(&format!("{id}.json"))))
        .collect();
    let level = "indskoling";
    let at_level: Vec<String> = lessons
        .iter()
        .filter(|(_, l)| has_level(l, level))
        .map(|(id, _)| id.clone())
        .collect();
    assert!(
        !at_level.is_empty() && at_level.len() < ids.len(),
        "the shipped lessons must have some but not all at {level} for this test: {at_level:?}"
    );
    // A search word from the title of a lesson at that level.
    let word = lessons
        .iter()
        .filter(|(_, l)| has_level(l, level))
        .flat_map(|(_, l)| {
            text_da(&l["title"])
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                .collect::<Vec<_>>()
        })
        .find(|w| w.chars().count() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .expect("a searchable word in a title")
        .to_lowercase();
    let searched: Vec<String> = lessons
        .iter()
        .filter(|(_, l)| has_level(l, level) && search_matches(l, &word))
        .map(|(id, _)| id.clone())
        .collect();
    assert!(!searched.is_empty());

    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &ids, "the unfiltered catalogue").await;
    assert_eq!(app.count("main li.lesson-card").await, ids.len());
    assert_eq!(result_count(&app).await, Some(ids.len()), "#result-count");

    // Choose a level.
    app.combobox("Niveau").await.select_value(level).await;
    app.wait_until(&format!("the URL holds level={level}"), async || {
        app.current_hash().await.contains(&format!("level={level}"))
    })
    .await;
    wait_for_cards(&app, &at_level, "after choosing a level").await;
    assert_eq!(result_count(&app).await, Some(at_level.len()));

    // Reload keeps the filter.
    app.reload().await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &at_level, "after reloading with a level").await;
    assert_eq!(app.combobox("Niveau").await.value().await, level);
    assert!(app.current_hash().await.contains(&format!("level={level}")));

    // Search text filters too, and is kept in the URL.
    app.searchbox("Søg").await.type_text(&word).await;
    wait_for_cards(&app, &searched, &format!("after searching for {word:?}")).await;
    app.wait_until("the URL holds the search", async || {
        let hash = app.current_hash().await;
        hash.contains(&format!("q={}", pct_encode(&word))) && hash.contains("level=")
    })
    .await;
    assert_eq!(result_count(&app).await, Some(searched.len()));

    // A search that matches nothing says so.
    app.searchbox("Søg").await.type_text(" zzqqxxnothing").await;
    assert_eq!(
        app.searchbox("Søg").await.value().await,
        format!("{word} zzqqxxnothing"),
        "a second word can be typed"
    );
    wait_for_cards(&app, &[], "after a search that matches nothing").await;
    assert_eq!(result_count(&app).await, Some(0));
    app.wait_for_visible("main .empty").await;

    // A shared URL opens filtered, in a fresh tab.
    let shared = format!("#/lessons?level={level}&q={}", pct_encode(&word));
    let tab = app.new_window().await;
    app.switch_to(&tab).await;
    app.open(&shared).await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &searched, &format!("opening {shared}")).await;
    assert_eq!(app.combobox("Niveau").await.value().await, level);
    assert_eq!(app.searchbox("Søg").await.value().await, word);
    assert_eq!(result_count(&app).await, Some(searched.len()));

    // The reset button shows everything again.
    app.button("Nulstil filtre").await.click().await;
    wait_for_cards(&app, &ids, "after resetting the filters").await;
    assert_eq!(app.current_hash().await, "#/lessons");
    assert_no_panic(&app).await;
}

// ----- 1b. the catalogue from the index's summaries --------------------------------------

/// The content files the browser requested so far (JSON under `lessons/`), sorted. The
/// pictures of lessons' cards (`lessons/media/…`) are not content files: see
/// `picture_requests`.
async fn content_requests(app: &App) -> Vec<String> {
    sorted(
        app.network_requests()
            .await
            .into_iter()
            .filter(|url| url.contains("/lessons/") && !url.contains("/lessons/media/"))
            .collect(),
    )
}

/// The pictures requested so far from `lessons/media/`, as `media/…` paths, sorted.
async fn picture_requests(app: &App) -> Vec<String> {
    sorted(
        app.network_requests()
            .await
            .into_iter()
            .filter_map(|url| Some(format!("media/{}", url.split_once("/lessons/media/")?.1)))
            .collect(),
    )
}

/// The file names of `content_requests`, e.g. `index.json`, `sprint.json`.
async fn content_files_requested(app: &App) -> Vec<String> {
    content_requests(app)
        .await
        .iter()
        .map(|url| {
            url.rsplit("/lessons/")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

async fn card_title(app: &App, id: &str) -> String {
    app.text_of(&format!("main li.lesson-card[data-lesson=\"{id}\"] h2"))
        .await
}

/// Chooses `value` (`""` for any) in the select `css`.
async fn choose(app: &App, css: &str, value: &str) {
    let select = app.wait_for_visible(css).await;
    if let Err(e) = select.select_by_value(value).await {
        app.fail(&format!("cannot choose {value:?} in {css}: {e}"))
            .await;
    }
}

/// The site of `dist/` with the shipped content in `lessons/`, `index.json` replaced by
/// `index`.
fn shipped_site(label: &str, index: &Value) -> Site {
    let site = Site::shipped(label);
    site.write_content_json("index.json", index);
    site
}

#[tokio::test]
async fn the_catalogue_needs_only_the_index_and_shows_every_lesson() {
    let ids = shipped_lesson_ids();
    let index = shipped_json("index.json");
    assert!(
        index["summaries"]["lessons"].as_object().map(|s| s.len()) == Some(ids.len()),
        "the shipped index must summarise every lesson"
    );
    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &ids, "the catalogue from summaries").await;
    assert_eq!(result_count(&app).await, Some(ids.len()), "#result-count");
    for id in &ids {
        let want = text_da(&shipped_json(&format!("{id}.json"))["title"]);
        assert!(
            card_title(&app, id).await.contains(&want),
            "the card of {id} shows its title {want:?}"
        );
    }
    app.settle(Duration::from_millis(500)).await;
    assert_eq!(
        content_files_requested(&app).await,
        ["index.json"],
        "opening the catalogue makes one content request"
    );
    // Beyond it, only lessons' own illustrations, each at most once (they load as their
    // cards come into view).
    let illustrations: BTreeSet<String> = ids
        .iter()
        .filter_map(|id| {
            Some(
                shipped_json(&format!("{id}.json"))["image"]
                    .as_str()?
                    .to_string(),
            )
        })
        .collect();
    let pictures = picture_requests(&app).await;
    assert!(
        pictures.iter().all(|p| illustrations.contains(p)),
        "{pictures:?}"
    );
    assert_eq!(
        pictures.iter().collect::<BTreeSet<_>>().len(),
        pictures.len(),
        "{pictures:?}"
    );

    // The teacher page lists every lesson from the same summaries; opening a lesson's
    // notes fetches that lesson alone.
    app.click_nav("teacher").await;
    app.wait_for_page("teacher").await;
    app.wait_until("the teacher page lists every lesson", async || {
        app.count("main li.teacher-lesson").await == ids.len()
    })
    .await;
    app.settle(Duration::from_millis(300)).await;
    assert_eq!(content_files_requested(&app).await, ["index.json"]);
    let first = &ids[0];
    let notes = format!("main li.teacher-lesson[data-lesson=\"{first}\"] details.teacher-notes");
    app.click(&format!("{notes} summary")).await;
    app.wait_for_visible(&format!("{notes} .rich")).await;
    let want = text_strings(&shipped_json(&format!("{first}.json"))["teacher_notes"]);
    let shown = app.text_of(&format!("{notes} .rich")).await;
    // The first words of the notes, with the Markdown marks the page turns into styling.
    let first_words = want[0]
        .replace('*', "")
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains(&first_words),
        "the notes of {first} must start with {first_words:?}: {shown}"
    );
    assert_eq!(
        content_files_requested(&app).await,
        sorted(vec!["index.json".to_string(), format!("{first}.json")])
    );
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn a_hand_written_index_of_ids_alone_shows_every_lesson() {
    let ids = shipped_lesson_ids();
    let mut index = shipped_json("index.json");
    index
        .as_object_mut()
        .expect("index.json is an object")
        .remove("summaries");
    let site = shipped_site("ids-only", &index);
    let app = App::serve(site.path(), "/").await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &ids, "a catalogue from an index of ids alone").await;
    assert_eq!(result_count(&app).await, Some(ids.len()));
    for id in &ids {
        let want = text_da(&shipped_json(&format!("{id}.json"))["title"]);
        assert!(card_title(&app, id).await.contains(&want), "{id}");
    }
    // Without summaries every lesson is fetched, once.
    let mut want: Vec<String> = ids.iter().map(|id| format!("{id}.json")).collect();
    want.push("index.json".into());
    assert_eq!(content_files_requested(&app).await, sorted(want));
    assert_no_panic(&app).await;
}

/// A lesson in the test catalogue of the summary tests.
fn small_lesson(id: &str, title: &str, level: &str) -> Value {
    json!({
        "id": id, "title": title, "levels": [level], "minutes": 20,
        "steps": [
            {"type": "read", "id": "intro", "body": "Read me."},
            {"type": "prompt", "id": "think", "question": "What do you think?"},
            {"type": "checklist", "id": "todo", "items": ["One", "Two"]}
        ]
    })
}

#[tokio::test]
async fn stale_or_missing_summaries_fall_back_to_the_files() {
    let site = Site::empty("stale");
    let lessons = [
        ("plain", "Plain lesson", "mellemtrin"),
        ("stale", "Old title", "mellemtrin"),
        ("unsummarised", "Unsummarised lesson", "indskoling"),
        ("malformed", "Malformed summary lesson", "indskoling"),
    ];
    let mut ids: Vec<String> = lessons.iter().map(|l| l.0.to_string()).collect();
    ids.push("broken".into());
    site.write_content_json("index.json", &json!({ "lessons": ids }));
    for (id, title, level) in lessons {
        site.write_content_json(&format!("{id}.json"), &small_lesson(id, title, level));
    }
    site.write_content("broken.json", BAD_JSON);
    // Index the folder as `spire-content index` would, then break it the ways authors do.
    let folder: std::collections::BTreeMap<String, String> =
        std::fs::read_dir(site.path().join("lessons"))
            .expect("read the test content")
            .map(|e| {
                let path = e.expect("an entry").path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (
                    name,
                    std::fs::read_to_string(&path).expect("a content file"),
                )
            })
            .collect();
    let indexed = spire::core::content::reindex::reindex(&folder, spire::core::text::Lang::En);
    let mut index: Value =
        serde_json::from_str(&indexed.text.expect("the test index is written")).unwrap();
    let summaries = index["summaries"]["lessons"].as_object_mut().unwrap();
    assert!(summaries.contains_key("stale") && !summaries.contains_key("broken"));
    summaries.remove("unsummarised");
    summaries["malformed"]
        .as_object_mut()
        .unwrap()
        .remove("levels");
    site.write_content_json("index.json", &index);
    // Edited after indexing: a new title and level.
    site.write_content_json(
        "stale.json",
        &small_lesson("stale", "New title", "udskoling"),
    );

    let app = App::serve(site.path(), "/").await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &ids, "a catalogue with stale and missing summaries").await;
    assert!(card_title(&app, "stale").await.contains("Old title"));
    assert!(card_title(&app, "unsummarised")
        .await
        .contains("Unsummarised lesson"));
    assert!(card_title(&app, "malformed")
        .await
        .contains("Malformed summary lesson"));
    let bad = app
        .text_of("main li.lesson-card[data-lesson=\"broken\"] .content-error")
        .await;
    assert!(bad.contains("lessons/broken.json:"), "{bad}");
    // Only the files without a usable summary were fetched.
    assert_eq!(
        content_files_requested(&app).await,
        [
            "broken.json",
            "index.json",
            "malformed.json",
            "unsummarised.json"
        ]
    );

    // A filter never hides a lesson that has no summary (the broken one); the fetched
    // ones are filtered by their files.
    choose(&app, "#filter-level", "indskoling").await;
    let indskoling = ["broken", "malformed", "unsummarised"].map(String::from);
    wait_for_cards(&app, &indskoling, "level indskoling").await;
    choose(&app, "#filter-level", "udskoling").await;
    wait_for_cards(
        &app,
        &["broken".to_string()],
        "level udskoling, stale summary",
    )
    .await;

    // Opening the stale lesson fetches it; from then on its file wins, on its page and in
    // the catalogue, filters included.
    choose(&app, "#filter-level", "").await;
    wait_for_cards(&app, &ids, "no filter").await;
    app.click("main li.lesson-card[data-lesson=\"stale\"] h2 a")
        .await;
    app.wait_for_page("lesson").await;
    app.wait_until("the lesson page shows the new title", async || {
        app.text_of("main h1").await.contains("New title")
    })
    .await;
    app.click_nav("lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &ids, "the catalogue after opening the stale lesson").await;
    assert!(card_title(&app, "stale").await.contains("New title"));
    choose(&app, "#filter-level", "udskoling").await;
    let udskoling = ["broken", "stale"].map(String::from);
    wait_for_cards(&app, &udskoling, "level udskoling, file data").await;

    // The card counts answered tasks from the summary: two of the three steps take one.
    let plain = "main li.lesson-card[data-lesson=\"plain\"] .status";
    choose(&app, "#filter-level", "").await;
    wait_for_cards(&app, &ids, "no filter, again").await;
    assert_eq!(app.text_of(plain).await, "Ikke startet");
    app.click("main li.lesson-card[data-lesson=\"plain\"] h2 a")
        .await;
    app.click("main .step-list a[href=\"#/lessons/plain/think\"]")
        .await;
    wait_for_step(&app, "think").await;
    app.type_into("#answer-think", "Something").await;
    wait_saved(&app, "Something").await;
    app.click_nav("lessons").await;
    app.wait_for_page("lessons").await;
    app.wait_until("the card counts the answer", async || {
        app.text_of(plain).await == "1 af 2 opgaver besvaret"
    })
    .await;
    assert_eq!(
        app.attr_of(plain, "data-status").await.as_deref(),
        Some("in-progress")
    );
    assert_no_panic(&app).await;
}

// ----- 2. every step type ---------------------------------------------------------------

#[tokio::test]
async fn a_test_content_folder_with_every_step_type_loads_and_plays() {
    let site = all_steps_site("all-steps");
    let app = App::serve(site.path(), "/").await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &["all-steps".to_string()], "the test catalogue").await;
    let card = "main li.lesson-card[data-lesson=\"all-steps\"]";
    assert!(app.text_of(card).await.contains("Alle trin"));
    assert_eq!(
        app.attr_of(&format!("{card} .status"), "data-status")
            .await
            .as_deref(),
        Some("not-started")
    );
    app.within(card).link("Alle trin").await.click().await;
    app.wait_for_page("lesson").await;

    // The step list names all ten steps; the types are as written.
    wait_for_step(&app, "intro").await;
    let hrefs = strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main .step-list a'))\
             .map(a => a.getAttribute('href'))",
            vec![],
        )
        .await,
    );
    let expected: Vec<String> = ALL_STEPS
        .iter()
        .map(|s| format!("#/lessons/all-steps/{s}"))
        .collect();
    assert_eq!(hrefs, expected, "the step list links every step");
    assert_eq!(app.count("main .content-problems").await, 0);
    assert_eq!(app.count("main .content-error").await, 0);
    assert!(app.text_of("#step-title").await.contains("Læs dette"));
    assert!(app.text_of("main .read-body").await.contains("elever"));
    assert_eq!(app.count("main .read-body strong").await, 1);
    assert_eq!(app.count("main .read-body ul li").await, 2);
    assert!(app.text_of("#step-announcement").await.contains("1"));

    // prompt
    next_to(&app, "think").await;
    assert_eq!(
        app.attr_of("main .step", "data-step-type").await.as_deref(),
        Some("prompt")
    );
    let answer = app.textbox("Dit svar").await;
    assert_eq!(answer.attr("id").await.as_deref(), Some("answer-think"));
    answer.type_text("My own answer").await;
    assert_eq!(answer.value().await, "My own answer");

    // choice: a wrong pick, then the right one
    next_to(&app, "quiz").await;
    app.radio("Wrong A").await.click().await;
    app.button("Tjek svar").await.click().await;
    app.wait_for_visible("main .feedback-wrong").await;
    assert_eq!(app.count("main .feedback-right").await, 0);
    app.radio("Right B").await.click().await;
    assert!(app.radio("Right B").await.is_checked().await);
    assert!(!app.radio("Wrong A").await.is_checked().await);
    app.button("Tjek svar").await.click().await;
    app.wait_for_visible("main .feedback-right").await;
    assert_eq!(app.count("main .feedback-wrong").await, 0);
    assert!(app
        .text_of("main .feedback-right")
        .await
        .contains("B is right because it says so."));

    // brainstorm: Enter, the button, Enter
    next_to(&app, "ideas").await;
    let enter: char = Key::Enter.into();
    let new_idea = app.textbox("Ny idé").await;
    new_idea.type_text(&format!("Idea one{enter}")).await;
    app.wait_until("the first idea is listed", async || {
        app.count("main .ideas li").await == 1
    })
    .await;
    assert_eq!(new_idea.value().await, "", "the field empties");
    new_idea.type_text("Idea two").await;
    app.button("Tilføj idé").await.click().await;
    app.wait_until("the second idea is listed", async || {
        app.count("main .ideas li").await == 2
    })
    .await;
    new_idea.type_text(&format!("Idea three{enter}")).await;
    app.wait_until("three ideas are listed", async || {
        app.count("main .ideas li").await == 3
    })
    .await;
    // An empty idea is not added.
    app.button("Tilføj idé").await.click().await;
    app.let_page_react().await;
    assert_eq!(app.count("main .ideas li").await, 3);
    assert_eq!(
        strings(
            app.js_value(
                "return Array.from(document.querySelectorAll('main .ideas li input')).map(i => i.value)",
                vec![]
            )
            .await
        ),
        ["Idea one", "Idea two", "Idea three"]
    );

    // vote: two dots, never more
    next_to(&app, "pick").await;
    assert_eq!(app.count("main .vote-item").await, 3);
    assert!(app.text_of("main .dots-left").await.contains('2'));
    app.button("Giv en prik til: Idea one").await.click().await;
    app.button("Giv en prik til: Idea one").await.click().await;
    app.wait_until("no dots are left", async || {
        app.text_of("main .dots-left").await.contains('0')
    })
    .await;
    let disabled = app
        .js_value(
            "return Array.from(document.querySelectorAll('main .add-dot')).map(b => b.disabled)",
            vec![],
        )
        .await;
    assert_eq!(
        disabled,
        json!([true, true, true]),
        "add-dot buttons once all dots are used"
    );
    // A click on a disabled button (or a forced one) changes nothing.
    // Past the finder's wait for an enabled button: WebDriver may refuse the click or
    // send it; either way nothing may change.
    let add_two = app.button("Giv en prik til: Idea two").await;
    let _ = add_two.element().click().await;
    app.js_value(
        "document.querySelector('main .vote-item:nth-child(3) .add-dot').click()",
        vec![],
    )
    .await;
    app.let_page_react().await;
    let dots = dot_counts(&app).await;
    assert_eq!(dots, [2, 0, 0], "dots per idea may never exceed `votes`");
    // Move one dot to idea 2.
    app.button("Fjern en prik fra: Idea one")
        .await
        .click()
        .await;
    app.button("Giv en prik til: Idea two").await.click().await;
    app.wait_until("the dots are 1 and 1", async || {
        dot_counts(&app).await == [1, 1, 0]
    })
    .await;

    // canvas
    next_to(&app, "board").await;
    app.wait_for_visible("main .board-block .add-note").await;
    assert_eq!(app.count("main .board-block").await, 2);
    assert!(app
        .text_of("main .board")
        .await
        .contains("Made for the tests"));
    app.button("Tilføj en note i Who").await.click().await;
    app.textbox("Note 1 af 1 i Who")
        .await
        .type_text("Children in 4th grade")
        .await;

    // checklist
    next_to(&app, "todo").await;
    app.checkbox("First thing").await.click().await;
    assert!(app.checkbox("First thing").await.is_checked().await);
    assert!(!app.checkbox("Second thing").await.is_checked().await);

    // role model
    next_to(&app, "meet").await;
    let card = app.text_of("main .role-model-card").await;
    assert!(card.contains("Tessa Testesen"), "role model card: {card}");
    assert!(card.contains("She tests things") || card.contains("Hun tester ting"));
    assert_eq!(
        app.count("main .role-model-card a[href=\"#/role-models/test-person\"]")
            .await,
        1,
        "a link to the profile"
    );
    app.textbox("What did you learn from Tessa?")
        .await
        .type_text("That testing helps")
        .await;

    // pitch and its timer
    next_to(&app, "talk").await;
    for (section, text) in PITCH {
        app.textbox(section).await.type_text(text).await;
    }
    assert_eq!(app.text_of("main .timer-time").await, "1:00");
    app.button("Start tid").await.click().await;
    app.wait_until("the timer runs down", async || {
        app.text_of("main .timer-time").await != "1:00"
    })
    .await;
    app.button("Pause").await.click().await;
    let paused = app.text_of("main .timer-time").await;
    // The one wait for time itself: showing that a timer ticking each second stands still
    // takes more than a second. An observer catches any change, also one undone again.
    app.js_value(
        "window.__timerChanges = 0; new MutationObserver(() => window.__timerChanges++)\
         .observe(document.querySelector('main .timer-time'), \
           {childList: true, characterData: true, subtree: true});",
        vec![],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        app.js("return String(window.__timerChanges)").await,
        "0",
        "a paused timer stands still"
    );
    assert_eq!(app.text_of("main .timer-time").await, paused);
    app.button("Start tid").await;
    app.button("Nulstil").await.click().await;
    app.wait_until("the timer is back at 1:00", async || {
        app.text_of("main .timer-time").await == "1:00"
    })
    .await;

    // rubric
    next_to(&app, "self").await;
    assert_eq!(app.count("main .rubric-criterion").await, 2, "two criteria");
    assert_eq!(
        app.count("main .rubric-criterion[data-criterion=\"clarity\"] input[type=radio]")
            .await,
        4,
        "scale 4"
    );
    let clarity = app.within("main .rubric-criterion[data-criterion=\"clarity\"]");
    clarity.radio("3").await.click().await;
    clarity
        .textbox("Kommentar")
        .await
        .type_text("Mostly clear")
        .await;
    assert_eq!(app.count_by_role("button", "Afslut forløbet").await, 1);
    wait_saved(&app, "Mostly clear").await;

    // Reload: every answer is still there.
    app.reload().await;
    app.wait_for_page("lesson").await;
    wait_for_step(&app, "self").await;
    let clarity = app.within("main .rubric-criterion[data-criterion=\"clarity\"]");
    assert!(clarity.radio("3").await.is_checked().await);
    assert_eq!(
        clarity.textbox("Kommentar").await.value().await,
        "Mostly clear"
    );
    let visit = async |step: &str| {
        app.click(&format!(
            "main .step-list a[href=\"#/lessons/all-steps/{step}\"]"
        ))
        .await;
        wait_for_step(&app, step).await;
    };
    visit("think").await;
    assert_eq!(app.textbox("Dit svar").await.value().await, "My own answer");
    visit("quiz").await;
    assert!(app.radio("Right B").await.is_checked().await);
    assert!(!app.radio("Wrong A").await.is_checked().await);
    visit("ideas").await;
    app.wait_until("three ideas after reload", async || {
        app.count("main .ideas li").await == 3
    })
    .await;
    assert_eq!(
        strings(
            app.js_value(
                "return Array.from(document.querySelectorAll('main .ideas li input')).map(i => i.value)",
                vec![]
            )
            .await
        ),
        ["Idea one", "Idea two", "Idea three"]
    );
    visit("pick").await;
    app.wait_for("main .vote-item").await;
    assert_eq!(dot_counts(&app).await, [1, 1, 0]);
    assert!(app.text_of("main .dots-left").await.contains('0'));
    visit("board").await;
    app.wait_for_visible("main .board-block .add-note").await;
    assert_eq!(
        app.textbox("Note 1 af 1 i Who").await.value().await,
        "Children in 4th grade"
    );
    visit("todo").await;
    assert!(app.checkbox("First thing").await.is_checked().await);
    assert!(!app.checkbox("Second thing").await.is_checked().await);
    visit("meet").await;
    assert_eq!(
        app.textbox("What did you learn from Tessa?")
            .await
            .value()
            .await,
        "That testing helps"
    );
    visit("talk").await;
    for (section, text) in PITCH {
        assert_eq!(app.textbox(section).await.value().await, text, "{section}");
    }

    // Finish, and the catalogue says done.
    visit("self").await;
    app.button("Afslut forløbet").await.click().await;
    app.heading("Godt klaret!").await;
    app.link("Tilbage til forløbene").await.click().await;
    app.wait_for_page("lessons").await;
    let status = "main li.lesson-card[data-lesson=\"all-steps\"] .status";
    app.wait_until("the card says done", async || {
        app.attr_of(status, "data-status").await.as_deref() == Some("done")
    })
    .await;
    assert_no_panic(&app).await;
}

/// The number of dots on each idea of a dot vote, in page order.
async fn dot_counts(app: &App) -> Vec<usize> {
    strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main .vote-item .dots'))\
             .map(d => d.textContent)",
            vec![],
        )
        .await,
    )
    .iter()
    .map(|d| d.chars().filter(|&c| c == '●').count())
    .collect()
}

// ----- 3. broken content ----------------------------------------------------------------

const BAD_JSON: &str = "{\n  \"id\": \"bad\",\n  \"title\": \"Bad\" \"levels\": [\"mellemtrin\"],\n  \"steps\": []\n}\n";

#[tokio::test]
async fn broken_content_files_give_a_clear_message_and_the_rest_works() {
    let site = Site::empty("broken");
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["good", "bad", "gone", "odd-step", "no-model"]}),
    );
    site.write_content_json(
        "good.json",
        &json!({
            "id": "good", "title": "Good lesson", "levels": ["mellemtrin"],
            "steps": [{"type": "read", "id": "hello", "body": "All fine here."}]
        }),
    );
    site.write_content("bad.json", BAD_JSON);
    site.write_content_json(
        "odd-step.json",
        &json!({
            "id": "odd-step", "title": "Odd step lesson", "levels": ["mellemtrin"],
            "steps": [
                {"type": "read", "id": "first", "body": "The first step works."},
                {"type": "dance", "id": "boogie", "moves": 3},
                {"type": "prompt", "id": "last", "question": "Does the last step work?"}
            ]
        }),
    );
    site.write_content_json(
        "no-model.json",
        &json!({
            "id": "no-model", "title": "Missing role model lesson", "levels": ["mellemtrin"],
            "role_models": ["ghost-person"],
            "steps": [
                {"type": "read", "id": "hello", "body": "Meet someone next."},
                {"type": "role_model", "id": "meet", "profile": "ghost-person"}
            ]
        }),
    );
    let app = App::serve(site.path(), "/").await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    let all: Vec<String> = ["good", "bad", "gone", "odd-step", "no-model"]
        .map(String::from)
        .to_vec();
    wait_for_cards(&app, &all, "a catalogue with broken files").await;

    // The good lessons have ordinary cards.
    for (id, title) in [
        ("good", "Good lesson"),
        ("odd-step", "Odd step lesson"),
        ("no-model", "Missing role model lesson"),
    ] {
        let card = format!("main li.lesson-card[data-lesson=\"{id}\"]");
        assert_eq!(
            app.count(&format!("{card} .content-error")).await,
            0,
            "{id}"
        );
        assert!(app.text_of(&format!("{card} h2")).await.contains(title));
    }
    // The broken ones name the file and the problem.
    let bad = app
        .text_of("main li.lesson-card[data-lesson=\"bad\"] .content-error")
        .await;
    let place = format!("lessons/bad.json:{}", json_error_place(BAD_JSON));
    assert!(
        bad.contains(&place),
        "bad JSON must be reported as {place}: {bad}"
    );
    let gone = app
        .text_of("main li.lesson-card[data-lesson=\"gone\"] .content-error")
        .await;
    eprintln!("bad JSON card: {bad}\nmissing file card: {gone}");
    assert!(
        gone.contains("lessons/gone.json") && gone.contains("404"),
        "a missing file must be named with its 404: {gone}"
    );

    // The unknown step type: the rest of the lesson plays, the broken step is named.
    app.open("#/lessons/odd-step").await;
    wait_for_step(&app, "first").await;
    assert!(app
        .text_of("main .step")
        .await
        .contains("The first step works."));
    assert_eq!(app.count("main .step-list a").await, 3);
    next_to(&app, "boogie").await;
    let broken = app.text_of("main .step .broken-step").await;
    assert!(
        broken.contains("boogie") && broken.contains("dance") && broken.contains("odd-step.json"),
        "the broken step must be named with its file and problem: {broken}"
    );
    eprintln!("broken step: {broken}");
    next_to(&app, "last").await;
    app.textbox("Dit svar").await.type_text("Yes").await;
    assert_eq!(app.count("main .broken-step").await, 0);

    // The missing role model: the lesson opens and says what is missing.
    app.open("#/lessons/no-model").await;
    app.wait_for_page("lesson").await;
    app.wait_for("main .step-list a[href=\"#/lessons/no-model/meet\"]")
        .await;
    app.click("main .step-list a[href=\"#/lessons/no-model/meet\"]")
        .await;
    wait_for_step(&app, "meet").await;
    let error = app.text_of("main .step .content-error").await;
    assert!(
        error.contains("lessons/role-models/ghost-person.json"),
        "the missing role model file must be named: {error}"
    );
    let problems = app.text_of("main .content-problems").await;
    assert!(
        problems.contains("ghost-person"),
        "the lesson must say which role model is missing: {problems}"
    );

    // The broken lessons' own pages say the same.
    app.open("#/lessons/bad").await;
    let error = app
        .text_of("main [data-page=\"lesson\"] .content-error")
        .await;
    assert!(error.contains(&place), "{error}");

    // Navigation still works.
    header_link(&app, "Forside").await.click().await;
    app.wait_for_page("home").await;
    header_link(&app, "Forløb").await.click().await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &all, "the catalogue again").await;
    assert_no_panic(&app).await;

    // An index that is not JSON: the catalogue says so; home and My work still work.
    let bad_index = "{\"lessons\": [\"good\",, ]}\n";
    site.write_content("index.json", bad_index);
    app.reload().await;
    app.wait_for_page("lessons").await;
    let place = format!("lessons/index.json:{}", json_error_place(bad_index));
    let error = app
        .text_of("main [data-page=\"lessons\"] .content-error")
        .await;
    assert!(
        error.contains(&place),
        "a bad index must be reported as {place}: {error}"
    );
    eprintln!("bad index: {error}");
    assert_eq!(app.count("main li.lesson-card").await, 0);
    header_link(&app, "Forside").await.click().await;
    app.wait_for_page("home").await;
    header_link(&app, "Mit arbejde").await.click().await;
    app.wait_for_page("my-work").await;
    app.within("footer").link("Om Spire").await.click().await;
    app.wait_for_page("about").await;
    assert_no_panic(&app).await;
}

// ----- 4. HTML in content ---------------------------------------------------------------

const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned=1\">";
const LINK: &str = "[link](javascript:window.__pwned=1)";

async fn assert_nothing_ran(app: &App, place: &str) {
    // Let any image error handler or script run first.
    app.settle(Duration::from_millis(300)).await;
    assert_eq!(
        app.js("return typeof window.__pwned").await,
        "undefined",
        "content ran as code on {place}"
    );
    assert_eq!(
        app.count("main img[onerror]").await,
        0,
        "an img with onerror on {place}"
    );
    assert_eq!(
        app.count("main script").await,
        0,
        "a script element in main on {place}"
    );
    assert_eq!(
        app.count("a[href^=\"javascript\" i]").await,
        0,
        "a javascript: link on {place}"
    );
}

async fn assert_literal(app: &App, place: &str, payloads: &[&str]) {
    for payload in payloads {
        let found = app
            .try_wait_until(async || app.page_text().await.contains(payload))
            .await;
        if !found {
            app.fail(&format!("{place} does not show {payload:?} as text"))
                .await;
        }
    }
}

#[tokio::test]
async fn content_html_is_shown_as_text_and_never_runs() {
    let site = Site::empty("html");
    let all = format!("{SCRIPT}\n\n{IMG}\n\n{LINK}");
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["html"], "role_models": ["html-person"]}),
    );
    site.write_content_json(
        "html.json",
        &json!({
            "id": "html",
            "title": format!("Title {SCRIPT} {IMG} {LINK}"),
            "summary": format!("Summary {IMG}"),
            "levels": ["mellemtrin"],
            "role_models": ["html-person"],
            "steps": [
                {"type": "read", "id": "body", "title": format!("Step {SCRIPT}"), "body": all},
                {"type": "choice", "id": "options", "question": format!("Question {IMG}"),
                 "options": [SCRIPT, IMG, LINK], "correct": [0], "explanation": LINK},
                {"type": "role_model", "id": "meet", "profile": "html-person",
                 "questions": [format!("Q {SCRIPT}")]}
            ]
        }),
    );
    site.write_content_json(
        "role-models/html-person.json",
        &json!({
            "id": "html-person",
            "name": format!("Eve {SCRIPT}"),
            "business": IMG,
            "sector": "tech",
            "levels": ["mellemtrin"],
            "headline": format!("Headline {IMG} {LINK}"),
            "story": all,
            "advice": [LINK],
            "questions": [SCRIPT]
        }),
    );
    let app = App::serve(site.path(), "/").await;

    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    wait_for_cards(&app, &["html".to_string()], "the catalogue").await;
    assert_literal(&app, "the catalogue", &[SCRIPT, IMG, LINK]).await;
    assert_nothing_ran(&app, "the catalogue").await;

    app.open("#/lessons/html/body").await;
    wait_for_step(&app, "body").await;
    assert_literal(&app, "the read step", &[SCRIPT, IMG, LINK]).await;
    let body = app.text_of("main .read-body").await;
    for payload in [SCRIPT, IMG, LINK] {
        assert!(
            body.contains(payload),
            "the read body shows {payload:?}: {body}"
        );
    }
    assert_nothing_ran(&app, "the read step").await;

    next_to(&app, "options").await;
    assert_literal(&app, "the choice step", &[SCRIPT, IMG, LINK]).await;
    app.radio(SCRIPT).await.click().await;
    app.button("Tjek svar").await.click().await;
    app.wait_for_visible("main .feedback-right").await;
    assert!(app.text_of("main .feedback-right").await.contains(LINK));
    assert_nothing_ran(&app, "the choice step").await;

    next_to(&app, "meet").await;
    app.wait_for("main .role-model-card").await;
    assert_literal(&app, "the role-model step", &[SCRIPT, IMG, LINK]).await;
    assert_nothing_ran(&app, "the role-model step").await;

    app.open("#/role-models/html-person").await;
    app.wait_for_page("role-model").await;
    app.wait_for("main .profile").await;
    assert_literal(&app, "the profile", &[SCRIPT, IMG, LINK]).await;
    let story = app.text_of("main .profile .rich").await;
    for payload in [SCRIPT, IMG, LINK] {
        assert!(
            story.contains(payload),
            "the story shows {payload:?}: {story}"
        );
    }
    assert_nothing_ran(&app, "the profile").await;

    app.open("#/role-models").await;
    app.wait_for_page("role-models").await;
    assert_literal(&app, "the role-model list", &[SCRIPT, IMG]).await;
    assert_nothing_ran(&app, "the role-model list").await;
    assert_no_panic(&app).await;
}

// ----- 5. read aloud --------------------------------------------------------------------
//
// Headless Chromium has no voices, so its own engine fails at once; these tests replace the
// engine in every document with a recording one (`support::speech`) and assert exactly what
// was said, in which language, and when it stopped.

/// Records every change of `aria-pressed` in main in `window.__pressed`, so a test sees
/// every change, also one undone before it looked.
const WATCH_PRESSED: &str = "window.__pressed = []; \
    new MutationObserver(records => records.forEach(r => \
      window.__pressed.push(r.target.getAttribute('aria-pressed')))) \
      .observe(document.querySelector('main'), \
        {attributes: true, attributeFilter: ['aria-pressed'], subtree: true});";

async fn pressed_changes(app: &App) -> Vec<String> {
    strings(app.js_value("return window.__pressed", vec![]).await)
}

/// The intro step's body as the app reads it: Markdown as plain sentences, one a line.
const INTRO_DA: &str = "Hej elever.\nen.\nto.\n";
const INTRO_EN: &str = "Hello pupils.\none.\ntwo.\n";

/// An app on the all-steps content with the recording speech engine, at step `step`.
async fn reading_app(site: &Site, step: &str) -> App {
    let app = App::serve(site.path(), "/").await;
    app.fake_speech().await;
    app.open(&format!("#/lessons/all-steps/{step}")).await;
    wait_for_step(&app, step).await;
    app
}

#[tokio::test]
async fn read_aloud_reads_the_step_in_danish_and_in_english() {
    let site = all_steps_site("read-aloud-languages");
    let app = reading_app(&site, "intro").await;
    let button = app.button("Læs op").await;
    assert_eq!(button.is_pressed().await, Some(false));
    assert_eq!(
        app.spoken().await,
        [],
        "nothing is read before the pupil asks"
    );
    app.js_value(WATCH_PRESSED, vec![]).await;

    button.click().await;
    let stop = app.button("Stop oplæsning").await;
    assert_eq!(stop.is_pressed().await, Some(true));
    assert_eq!(app.spoken().await, [Utterance::new(INTRO_DA, "da-DK")]);

    // The engine reaches the end of the text: the button lets go by itself.
    app.finish_speaking().await;
    assert_eq!(app.button("Læs op").await.is_pressed().await, Some(false));
    assert_eq!(
        pressed_changes(&app).await,
        ["true", "false"],
        "pressed while reading, released at the end, and nothing in between"
    );

    // In English: the English text, with an English voice.
    app.button("Switch to English").await.click().await;
    app.button("Read aloud").await.click().await;
    assert_eq!(
        app.button("Stop reading").await.is_pressed().await,
        Some(true)
    );
    assert_eq!(
        app.spoken().await,
        [
            Utterance::new(INTRO_DA, "da-DK"),
            Utterance::new(INTRO_EN, "en-GB")
        ]
    );
    app.finish_speaking().await;
    assert_eq!(
        app.button("Read aloud").await.is_pressed().await,
        Some(false)
    );

    // A question is read with its numbered options.
    app.open("#/lessons/all-steps/quiz").await;
    wait_for_step(&app, "quiz").await;
    app.button("Read aloud").await.click().await;
    app.button("Stop reading").await;
    assert_eq!(
        app.spoken().await.last(),
        Some(&Utterance::new(
            "Which one is right? 1: Wrong A. 2: Right B. 3: Wrong C",
            "en-GB"
        ))
    );
    assert_eq!(app.spoken().await.len(), 3);
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn read_aloud_stops_when_asked_and_when_leaving_the_step() {
    let site = all_steps_site("read-aloud-stop");
    let app = reading_app(&site, "intro").await;
    app.js_value(WATCH_PRESSED, vec![]).await;

    app.button("Læs op").await.click().await;
    let stop = app.button("Stop oplæsning").await;
    assert!(app.is_speaking().await);
    let cancels = app.speech_cancels().await;
    stop.click().await;
    assert_eq!(app.button("Læs op").await.is_pressed().await, Some(false));
    assert!(
        app.speech_cancels().await > cancels,
        "stopping cancels the speech"
    );
    assert!(!app.is_speaking().await, "the engine is silent after Stop");
    assert_eq!(pressed_changes(&app).await, ["true", "false"]);
    assert_eq!(
        app.spoken().await,
        [Utterance::new(INTRO_DA, "da-DK")],
        "stopping does not start reading again"
    );

    // Leaving the step while it reads stops the speech too.
    app.button("Læs op").await.click().await;
    app.button("Stop oplæsning").await;
    assert!(app.is_speaking().await);
    let cancels = app.speech_cancels().await;
    next_to(&app, "think").await;
    app.wait_until("leaving the step cancels the speech", async || {
        !app.is_speaking().await && app.speech_cancels().await > cancels
    })
    .await;
    assert_eq!(
        app.spoken().await,
        [
            Utterance::new(INTRO_DA, "da-DK"),
            Utterance::new(INTRO_DA, "da-DK")
        ],
        "each click reads once, never queued behind another text"
    );
    assert_eq!(
        app.button("Læs op").await.is_pressed().await,
        Some(false),
        "the next step's button is not pressed"
    );
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn read_aloud_says_so_when_the_browser_cannot_speak() {
    let site = all_steps_site("read-aloud-fails");
    let app = reading_app(&site, "intro").await;
    let failed = "Browseren kan ikke læse op på dette sprog.";

    app.button("Læs op").await.click().await;
    app.button("Stop oplæsning").await;
    app.fail_speaking("synthesis-failed").await;
    assert_eq!(app.button("Læs op").await.is_pressed().await, Some(false));
    app.see_text(failed).await;
    assert!(app
        .text_of("main .step [role=status]")
        .await
        .contains(failed));

    // Trying again takes the message away; reading to the end brings no message.
    app.button("Læs op").await.click().await;
    app.button("Stop oplæsning").await;
    app.wait_until("the failure message goes away", async || {
        !app.page_text().await.contains(failed)
    })
    .await;
    app.finish_speaking().await;
    app.button("Læs op").await;
    assert!(!app.page_text().await.contains(failed));
    assert_eq!(app.spoken().await.len(), 2);
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn read_aloud_is_not_offered_without_speech_synthesis() {
    let site = all_steps_site("read-aloud-none");
    let app = App::serve(site.path(), "/").await;
    app.no_speech().await;
    app.open("#/lessons/all-steps/intro").await;
    wait_for_step(&app, "intro").await;
    assert!(app.text_of("main .read-body").await.contains("elever"));
    assert_eq!(
        app.js("return typeof window.speechSynthesis").await,
        "undefined",
        "the browser in this test has no speech synthesis"
    );
    assert_eq!(app.count_by_role("button", "Læs op").await, 0);
    assert_eq!(app.count("main .read-aloud").await, 0);
    next_to(&app, "think").await;
    assert_eq!(app.count("main .read-aloud").await, 0);
    assert_no_panic(&app).await;
}

// ----- 6. keyboard ----------------------------------------------------------------------

#[tokio::test]
async fn the_player_is_keyboard_operable() {
    let site = all_steps_site("keyboard");
    let app = App::serve(site.path(), "/").await;
    app.open("#/lessons/all-steps/board").await;
    wait_for_step(&app, "board").await;
    app.wait_for_visible("main .board-block .add-note").await;

    // Tab to Next and press Enter.
    tab_to(&app, &app.button("Næste").await).await;
    press(&app, Key::Enter).await;
    wait_for_step(&app, "todo").await;
    app.wait_until("focus is on #step-title after Next", async || {
        app.js("return document.activeElement && document.activeElement.id")
            .await
            == "step-title"
    })
    .await;

    // Tab to the first checkbox and tick it with Space.
    let first = app.checkbox("First thing").await;
    tab_to(&app, &first).await;
    press(&app, Key::Space).await;
    app.wait_until("Space ticks the checkbox", async || {
        first.is_checked().await
    })
    .await;
    assert!(!app.checkbox("Second thing").await.is_checked().await);
    // Space again unticks, and once more ticks.
    press(&app, Key::Space).await;
    app.wait_until("Space unticks the checkbox", async || {
        !first.is_checked().await
    })
    .await;
    press(&app, Key::Space).await;
    app.wait_until("Space ticks it again", async || first.is_checked().await)
        .await;

    // Next with Space this time.
    tab_to(&app, &app.button("Næste").await).await;
    press(&app, Key::Space).await;
    wait_for_step(&app, "meet").await;
    app.wait_until("focus is on #step-title again", async || {
        app.js("return document.activeElement && document.activeElement.id")
            .await
            == "step-title"
    })
    .await;

    // Back with the Previous button: the tick is still there.
    tab_to(&app, &app.button("Forrige").await).await;
    press(&app, Key::Enter).await;
    wait_for_step(&app, "todo").await;
    app.wait_until("focus is on #step-title after Previous", async || {
        app.js("return document.activeElement && document.activeElement.id")
            .await
            == "step-title"
    })
    .await;
    assert!(app.checkbox("First thing").await.is_checked().await);
    assert_no_panic(&app).await;
}

// ----- 7. mangled links -----------------------------------------------------------------

#[tokio::test]
async fn mangled_links_show_not_found_and_break_nothing() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    let ids = shipped_lesson_ids();
    for link in [
        "#/lessons/%ZZ",
        "#/lessons/Not An Id",
        "#/nowhere",
        "#/lessons/does-not-exist",
        "#/lessons/..%2F..%2Findex",
        "#/lessons/%",
        "#/role-models/%ZZ",
    ] {
        app.open(link).await;
        let shown = app
            .wait_for_value(
                &format!("{link} shows not-found or a file error"),
                || async {
                    if app.count(&page_selector("not-found")).await > 0 {
                        return Some("not-found".to_string());
                    }
                    let errors = strings(
                        app.js_value(
                            "return Array.from(document.querySelectorAll('main .content-error'))\
                         .map(e => e.innerText)",
                            vec![],
                        )
                        .await,
                    );
                    errors.into_iter().next()
                },
            )
            .await;
        eprintln!("{link} → {shown}");
        if link == "#/lessons/does-not-exist" && shown != "not-found" {
            assert!(
                shown.contains("lessons/does-not-exist.json") && shown.contains("404"),
                "{link}: the file error must name the file and the 404: {shown}"
            );
        }
        // Nothing is broken afterwards.
        header_link(&app, "Forløb").await.click().await;
        app.wait_for_page("lessons").await;
        wait_for_cards(&app, &ids, &format!("the catalogue after {link}")).await;
    }
    // A full load of a mangled link works too.
    app.open("#/lessons/%ZZ").await;
    app.reload().await;
    app.wait_for_page("not-found").await;
    header_link(&app, "Forside").await.click().await;
    app.wait_for_page("home").await;
    assert_no_panic(&app).await;
}

// ----- 8. the shipped lessons -----------------------------------------------------------

/// Fails if the current page shows a content problem.
async fn assert_clean(app: &App, what: &str) {
    let problems = strings(
        app.js_value(
            "return Array.from(document.querySelectorAll(\
             'main .content-error, main .broken-step, main .content-problems'))\
             .map(e => e.className + ': ' + e.innerText)",
            vec![],
        )
        .await,
    );
    if !problems.is_empty() {
        app.fail(&format!("{what} shows content problems: {problems:#?}"))
            .await;
    }
}

/// Waits until nothing in the current step is still loading (canvas, role model).
async fn wait_step_loaded(app: &App) {
    app.wait_until("the step has loaded", async || {
        app.count("main .step .loading").await == 0
    })
    .await;
}

#[tokio::test]
async fn shipped_lessons_all_open_without_errors() {
    let ids = shipped_lesson_ids();
    let lessons: Vec<(String, Value)> = ids
        .iter()
        .map(|id| (id.clone(), shipped_json(&format!("{id}.json"))))
        .collect();
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    for (id, lesson) in &lessons {
        app.open(&format!("#/lessons/{id}")).await;
        app.wait_for(&format!("main .step-list a[href^=\"#/lessons/{id}/\"]"))
            .await;
        let (first, _) = &steps_of(lesson)[0];
        wait_for_step(&app, first).await;
        wait_step_loaded(&app).await;
        assert_eq!(
            app.count("main .step-list a").await,
            steps_of(lesson).len(),
            "{id}: every step is listed"
        );
        assert_clean(&app, &format!("lesson {id}")).await;
        // Every other step too, by its address: a broken step shows only where it stands.
        for (step, kind) in steps_of(lesson).iter().skip(1) {
            app.open(&format!("#/lessons/{id}/{step}")).await;
            wait_for_step(&app, step).await;
            assert_eq!(
                app.attr_of("main .step", "data-step-type").await.as_deref(),
                Some(kind.as_str()),
                "{id}/{step}"
            );
            wait_step_loaded(&app).await;
            assert_clean(&app, &format!("{id}/{step}")).await;
        }
    }

    // Step through three lessons that together use the most step types.
    let mut chosen: Vec<&(String, Value)> = Vec::new();
    let mut covered = BTreeSet::new();
    for _ in 0..3 {
        let best = lessons
            .iter()
            .filter(|l| !chosen.iter().any(|c| c.0 == l.0))
            .max_by_key(|(_, l)| {
                steps_of(l)
                    .into_iter()
                    .map(|(_, t)| t)
                    .filter(|t| !covered.contains(t))
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .expect("a lesson");
        covered.extend(steps_of(&best.1).into_iter().map(|(_, t)| t));
        chosen.push(best);
    }
    eprintln!(
        "stepping through {:?}, covering {covered:?}",
        chosen.iter().map(|c| &c.0).collect::<Vec<_>>()
    );
    for (id, lesson) in chosen {
        let steps = steps_of(lesson);
        app.open(&format!("#/lessons/{id}/{}", steps[0].0)).await;
        wait_for_step(&app, &steps[0].0).await;
        for (i, (step, kind)) in steps.iter().enumerate() {
            if i > 0 {
                next_to(&app, step).await;
            }
            assert_eq!(
                app.attr_of("main .step", "data-step-type").await.as_deref(),
                Some(kind.as_str()),
                "{id}/{step}"
            );
            wait_step_loaded(&app).await;
            assert_clean(&app, &format!("{id}/{step}")).await;
        }
        assert_eq!(
            app.count("main .step-nav button.finish").await,
            1,
            "{id}: the last step offers Finish"
        );
    }
    assert_no_panic(&app).await;
}

// ----- 6. the look: step names and icons, level styles, celebration ----------------------

#[tokio::test]
async fn untitled_steps_are_named_by_their_kind_with_an_icon_and_the_page_takes_its_level() {
    let site = Site::empty("kinds");
    site.write_content_json("index.json", &json!({"lessons": ["kinds"]}));
    site.write_content_json(
        "kinds.json",
        &json!({
            "id": "kinds", "title": "Slags trin", "levels": ["mellemtrin", "indskoling"],
            "steps": [
                {"type": "read", "id": "start", "body": "Velkommen."},
                {"type": "brainstorm", "id": "ideas", "question": "Hvilke idéer har I?"},
                {"type": "vote", "id": "pick", "from": "ideas", "votes": 2},
                {"type": "checklist", "id": "todo", "items": ["Tegn", "Fortæl"]},
                {"type": "hologram", "id": "future"},
                {"type": "rubric", "id": "self", "scale": 3, "criteria": [{"id": "a", "title": "Klart"}]}
            ]
        }),
    );
    let app = App::serve(site.path(), "/").await;

    // The catalogue card shows what the pupils will do, as icons with their names.
    app.open("#/lessons").await;
    wait_for_cards(&app, &["kinds".to_string()], "one lesson").await;
    let card = "main li.lesson-card[data-lesson=\"kinds\"]";
    assert_eq!(
        app.attr_of(card, "data-level").await.as_deref(),
        Some("indskoling")
    );
    let kinds = app.within(card).by_role("list", "Det laver I").await;
    let said = kinds.text().await;
    for name in [
        "Læs",
        "Idéstorm",
        "Afstemning",
        "Tjekliste",
        "Selvevaluering",
    ] {
        assert!(said.contains(name), "the card's step kinds: {said:?}");
    }
    assert_eq!(
        app.count(&format!(
            "{card} .card-kinds svg[data-icon][aria-hidden=\"true\"]"
        ))
        .await,
        5,
        "one icon per kind of step the app can show"
    );

    // In the lesson, every step is named in words: title, question or kind, never a number.
    app.open("#/lessons/kinds").await;
    wait_for_step(&app, "start").await;
    assert_eq!(
        app.attr_of("main .level-style", "data-level")
            .await
            .as_deref(),
        Some("indskoling"),
        "the youngest level sets the look"
    );
    let list = app.text_of("main nav.step-list").await;
    for name in [
        "Læs",
        "Hvilke idéer har I?",
        "Afstemning",
        "Tjekliste",
        "Trin der ikke kan vises",
        "Selvevaluering",
    ] {
        assert!(list.contains(name), "{name:?} in the step list: {list:?}");
    }
    assert!(
        !list
            .lines()
            .any(|l| l.trim().starts_with("Trin ")
                && l.trim()[5..].chars().all(|c| c.is_ascii_digit())),
        "no step is just a number: {list:?}"
    );
    let icons = app
        .js_value(
            "return [...document.querySelectorAll('nav.step-list svg[data-icon]')].map(s => s.dataset.icon)",
            vec![],
        )
        .await;
    assert_eq!(
        strings(icons),
        [
            "read",
            "brainstorm",
            "vote",
            "checklist",
            "broken",
            "rubric"
        ]
    );
    // The icon is drawn from the page's own sprite: a symbol exists for each.
    for icon in [
        "read",
        "brainstorm",
        "vote",
        "checklist",
        "broken",
        "rubric",
    ] {
        assert_eq!(
            app.count(&format!("svg.icon-sprite symbol#i-{icon}")).await,
            1,
            "{icon}"
        );
    }
    next_to(&app, "ideas").await;
    next_to(&app, "pick").await;
    let heading = app.text_of("#step-title").await;
    assert!(
        heading.contains("Afstemning"),
        "the step's heading: {heading:?}"
    );

    // Finishing celebrates (decoratively: hidden from screen readers) and says what next.
    for next in ["todo", "future", "self"] {
        next_to(&app, next).await;
    }
    app.button("Afslut forløbet").await.click().await;
    app.heading("Godt klaret!").await;
    assert_eq!(
        app.count("main .finished .confetti[aria-hidden=\"true\"] span")
            .await,
        12
    );
    app.within("main .finished")
        .link("Tilbage til forløbene")
        .await;
}

#[tokio::test]
async fn home_asks_the_pupils_year_once_and_the_youngest_get_large_text() {
    let app = App::at_root().await;
    app.open("#/").await;
    app.wait_for_page("home").await;
    app.heading("Hvilken klasse går du i?").await;
    let young = || async {
        app.js_value(
            "return document.documentElement.classList.contains('young')",
            vec![],
        )
        .await
        .as_bool()
    };
    assert_eq!(young().await, Some(false));
    app.button("Indskoling (0.–3. kl.)").await.click().await;

    // Home now opens on lessons for that level, and the youngest get large text.
    app.heading("Forløb til Indskoling (0.–3. kl.)").await;
    app.wait_until("lessons for indskoling on Home", async || {
        app.count("main .my-level li.lesson-card:not(.loading-card)")
            .await
            > 0
    })
    .await;
    assert_eq!(
        app.count("main .my-level li.lesson-card").await,
        app.count("main .my-level li.lesson-card .badge.level-indskoling")
            .await,
        "every lesson shown is for indskoling"
    );
    let toggle = "Stor tekst og store knapper (for de yngste)";
    assert!(app.checkbox(toggle).await.is_checked().await);
    assert_eq!(young().await, Some(true));
    app.link("Se alle forløb til Indskoling (0.–3. kl.)")
        .await
        .click()
        .await;
    app.wait_for_page("lessons").await;
    assert!(app.current_hash().await.contains("level=indskoling"));
    assert_eq!(young().await, Some(true), "the mode holds on every page");

    // The pupil may turn it off; both choices survive a reload.
    app.open("#/").await;
    app.checkbox(toggle).await.click().await;
    app.wait_until("young mode off", async || young().await == Some(false))
        .await;
    app.wait_until("the settings saved", async || {
        app.local_storage_get("spire.settings")
            .await
            .is_some_and(|s| s.contains("\"young\":false"))
    })
    .await;
    app.reload().await;
    app.heading("Forløb til Indskoling (0.–3. kl.)").await;
    assert!(!app.checkbox(toggle).await.is_checked().await);
    assert_eq!(young().await, Some(false));

    // Changing the year asks again.
    app.button("Skift klasse").await.click().await;
    app.heading("Hvilken klasse går du i?").await;
    app.button("Udskoling (7.–10. kl.)").await.click().await;
    app.heading("Forløb til Udskoling (7.–10. kl.)").await;
}

// ----- issue 15: picture options, read-aloud on every step, what comes next ----------------

/// The feelings of the shipped lesson "Hjælp en anden" as picture options, in order.
const FEELINGS: [&str; 4] = [
    "Rigtig godt",
    "Godt",
    "Lidt svært",
    "Det ved jeg ikke endnu",
];

/// Which of the feelings are ticked, by role and name as a screen reader reads them.
async fn ticked_feelings(app: &App) -> Vec<bool> {
    let mut out = Vec::new();
    for name in FEELINGS {
        out.push(app.radio(name).await.is_checked().await);
    }
    out
}

#[tokio::test]
async fn picture_options_are_chosen_by_click_and_keyboard_and_kept_after_a_reload() {
    let lesson = shipped_json("hjaelp-en-anden.json");
    let step = lesson["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "how-felt")
        .expect("the shipped lesson has the step how-felt");
    assert!(
        step["options"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["image"].is_string()),
        "every option of how-felt has a picture"
    );

    let app = App::at_root().await;
    app.open("#/lessons/hjaelp-en-anden/how-felt").await;
    wait_for_step(&app, "how-felt").await;
    // Large tiles: each option's picture is named by its text, and the text is the name
    // of the option (once, not twice).
    for name in FEELINGS {
        app.by_role("image", name).await;
        assert_eq!(app.radio(name).await.name(), name);
    }
    assert_eq!(app.count("main .picture-options li").await, 4);
    app.wait_until("every picture has loaded", async || {
        app.js_value(
            "return [...document.querySelectorAll('main .picture-options img')] \
             .every(i => i.complete && i.naturalWidth > 0)",
            vec![],
        )
        .await
            == json!(true)
    })
    .await;
    let tile_height = app
        .js_value(
            "return document.querySelector('main .picture-options li').getBoundingClientRect().height",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        tile_height >= 100.0,
        "a tile is large to tap: {tile_height}px"
    );

    // By pointer: a tap on the picture chooses it.
    app.by_role("image", "Godt").await.click().await;
    app.wait_until("Godt is chosen", async || {
        app.radio("Godt").await.is_checked().await
    })
    .await;
    assert_eq!(ticked_feelings(&app).await, [false, true, false, false]);

    // By keyboard: the arrow key moves the choice to the next picture.
    let chosen = app.radio("Godt").await;
    if !chosen.has_focus().await {
        tab_to(&app, &chosen).await;
    }
    press(&app, Key::Right).await;
    app.wait_until("Lidt svært is chosen by keyboard", async || {
        app.radio("Lidt svært").await.is_checked().await
    })
    .await;
    assert_eq!(ticked_feelings(&app).await, [false, false, true, false]);
    assert_eq!(
        app.js_value(
            "return getComputedStyle(document.activeElement.closest('li')).outlineStyle",
            vec![]
        )
        .await,
        json!("solid"),
        "the focused tile shows its focus ring"
    );

    // The choice is the pupil's answer, kept after a reload.
    wait_saved(&app, "how-felt").await;
    app.reload().await;
    wait_for_step(&app, "how-felt").await;
    app.wait_until("the choice is back after a reload", async || {
        ticked_feelings(&app).await == [false, false, true, false]
    })
    .await;
    assert_no_panic(&app).await;
}

/// What the read-aloud button of each all-steps step must say (part of it), in Danish.
const STEP_WORDS: [(&str, &str); 10] = [
    ("intro", INTRO_DA),
    ("think", "What do you think? Anything goes"),
    ("quiz", "Which one is right? 1: Wrong A. 2: Right B. 3: Wrong C"),
    ("ideas", "List your ideas"),
    ("pick", "Vote. Giv dine 2 prikker til de idéer, du synes bedst om."),
    ("board", "Canvas. Skriv dine tanker på sedler"),
    ("todo", "Checklist. First thing. Second thing"),
    ("meet", "Meet Tessa. What did you learn from Tessa?"),
    ("talk", "Pitch. Skriv din pitch, del for del, og øv den på 60 sekunder: Problem. Solution. Ask"),
    ("self", "Rate yourself. Giv dit arbejde point fra 1 til 4 for hvert punkt, og skriv gerne en kommentar: Clarity. Is it clear? Effort"),
];

#[tokio::test]
async fn in_young_mode_every_step_type_has_a_read_aloud_button_that_reads_the_step() {
    let site = all_steps_site("read-aloud-every-step");
    // The three answers beyond typing (content v1.1), in a lesson of their own.
    site.write_content_json(
        "index.json",
        &json!({
            "lessons": ["all-steps", "media-steps"],
            "canvases": ["test-canvas"],
            "role_models": ["test-person"]
        }),
    );
    site.write_content_json(
        "media-steps.json",
        &json!({
            "id": "media-steps", "title": "Tegn og fortæl", "levels": ["indskoling"],
            "steps": [
                {"type": "sketch", "id": "draw", "question": "Tegn din idé", "hint": "Brug mange farver"},
                {"type": "photo", "id": "snap", "question": "Tag et billede af modellen"},
                {"type": "voice", "id": "tell", "question": "Fortæl om din idé"}
            ]
        }),
    );
    let app = App::serve(site.path(), "/").await;
    app.fake_speech().await;
    app.open("#/").await;
    app.button("Indskoling (0.–3. kl.)").await.click().await;
    app.wait_until("young pupils' mode is on", async || {
        app.js_value(
            "return document.documentElement.classList.contains('young')",
            vec![],
        )
        .await
            == json!(true)
    })
    .await;
    assert_eq!(STEP_WORDS.map(|(s, _)| s), ALL_STEPS);

    app.open("#/lessons/all-steps/intro").await;
    for (i, (step, words)) in STEP_WORDS.iter().enumerate() {
        if i > 0 {
            next_to(&app, step).await;
        }
        // Exactly one button of that name on the step, so a pupil never wonders which.
        app.within("main .step")
            .button("Læs op")
            .await
            .click()
            .await;
        app.button("Stop oplæsning").await;
        let spoken = app.spoken().await;
        assert_eq!(spoken.len(), i + 1, "{step}: one reading per click");
        let last = spoken.last().unwrap();
        assert!(
            last.text.contains(words),
            "{step}: read {:?}, expected it to contain {words:?}",
            last.text
        );
        assert_eq!(last.lang, "da-DK");
        app.finish_speaking().await;
        app.button("Læs op").await;
    }

    let media = [
        ("draw", "Tegn din idé. Brug mange farver"),
        ("snap", "Tag et billede af modellen"),
        ("tell", "Fortæl om din idé"),
    ];
    app.open("#/lessons/media-steps/draw").await;
    for (i, (step, words)) in media.iter().enumerate() {
        if i > 0 {
            next_to(&app, step).await;
        }
        wait_for_step(&app, step).await;
        app.within("main .step")
            .button("Læs op")
            .await
            .click()
            .await;
        app.button("Stop oplæsning").await;
        let spoken = app.spoken().await;
        assert_eq!(
            spoken.len(),
            STEP_WORDS.len() + i + 1,
            "{step}: one reading per click"
        );
        assert_eq!(&spoken.last().unwrap().text, words, "{step}");
        app.finish_speaking().await;
        app.button("Læs op").await;
    }
    assert_no_panic(&app).await;
}

/// A lesson with one step, for the course and assignment tests.
fn one_step_lesson(id: &str, title: &str) -> Value {
    json!({
        "id": id,
        "title": title,
        "levels": ["indskoling"],
        "steps": [{"type": "prompt", "id": "say", "question": format!("Hvad synes du om {title}?")}]
    })
}

#[tokio::test]
async fn finishing_a_lesson_of_a_course_leads_on_to_its_next_lesson() {
    let site = Site::empty("what-next-course");
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["en", "to", "tre"], "courses": ["plan"]}),
    );
    for (id, title) in [("en", "Første"), ("to", "Anden"), ("tre", "Tredje")] {
        site.write_content_json(&format!("{id}.json"), &one_step_lesson(id, title));
    }
    site.write_content_json(
        "courses/plan.json",
        &json!({
            "id": "plan", "title": "Vores plan", "levels": ["indskoling"],
            "weeks": [{"items": [{"lesson": "en"}, {"lesson": "to"}]}, {"items": [{"lesson": "tre"}]}]
        }),
    );
    let app = App::serve(site.path(), "/").await;

    // The first lesson leads on to the second.
    app.open("#/lessons/en").await;
    wait_for_step(&app, "say").await;
    app.button("Afslut forløbet").await.click().await;
    app.heading("Godt klaret!").await;
    app.heading("Hvad nu?").await;
    app.link("Næste forløb: Anden (fra «Vores plan»)")
        .await
        .click()
        .await;
    app.wait_until("the second lesson opens", async || {
        app.current_hash().await.starts_with("#/lessons/to")
    })
    .await;
    wait_for_step(&app, "say").await;

    // Finishing the last lesson while the second is not done leads back to the second.
    app.open("#/lessons/tre").await;
    wait_for_step(&app, "say").await;
    app.button("Afslut forløbet").await.click().await;
    app.link("Næste forløb: Anden (fra «Vores plan»)").await;

    // With every lesson done, the course is done: the link goes to the course's plan.
    app.open("#/lessons/to").await;
    wait_for_step(&app, "say").await;
    app.button("Afslut forløbet").await.click().await;
    app.link("Du har lavet alle forløb i «Vores plan». Se hele planen")
        .await
        .click()
        .await;
    app.wait_for_page("course").await;
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn finishing_an_assigned_lesson_offers_to_hand_in_the_assignment() {
    use spire::core::progress::WorkRef;
    use spire::core::teacher::assignment::Assignment;
    let site = Site::empty("what-next-assignment");
    site.write_content_json("index.json", &json!({"lessons": ["en", "to"]}));
    site.write_content_json("en.json", &one_step_lesson("en", "Første"));
    site.write_content_json("to.json", &one_step_lesson("to", "Anden"));
    let assignment = Assignment {
        id: "q7w8e9r0t1y2".into(),
        class: "1.A".into(),
        title: "Ugens opgave".into(),
        items: vec![WorkRef::lesson("en")],
        rev: 1,
        ..Default::default()
    };
    let app = App::serve(site.path(), "/").await;
    app.open(&format!("#/a/{}", assignment.to_code())).await;
    app.textbox("Dit navn eller klassenummer")
        .await
        .type_text("Alma")
        .await;
    app.button("Tilføj til mine opgaver").await.click().await;
    app.wait_for_page("assigned").await;

    app.open("#/lessons/en").await;
    wait_for_step(&app, "say").await;
    app.button("Afslut forløbet").await.click().await;
    app.link("Aflever opgaven «Ugens opgave»")
        .await
        .click()
        .await;
    app.wait_for_page("assigned").await;
    app.heading("Ugens opgave").await;

    // A lesson the assignment does not hold offers no hand-in.
    app.open("#/lessons/to").await;
    wait_for_step(&app, "say").await;
    app.button("Afslut forløbet").await.click().await;
    app.heading("Godt klaret!").await;
    assert_eq!(
        app.count_by_role("link", "Aflever opgaven «Ugens opgave»")
            .await,
        0
    );
    assert_no_panic(&app).await;
}

// ----- a lesson's illustration on its card (content v1.1 `image`) --------------------------

#[tokio::test]
async fn a_lessons_illustration_is_on_its_card_and_a_lesson_without_one_has_none() {
    let ids = support::shipped_lesson_ids();
    let with_image: Vec<(String, String)> = ids
        .iter()
        .filter_map(|id| {
            let image = support::shipped_lesson(id)["image"].as_str()?.to_string();
            Some((id.clone(), image))
        })
        .collect();
    assert!(
        !with_image.is_empty(),
        "no shipped lesson has an illustration"
    );
    let without = ids
        .iter()
        .find(|id| support::shipped_lesson(id)["image"].is_null())
        .expect("a shipped lesson without an illustration");

    let app = App::at_root().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    for (id, image) in &with_image {
        let img = format!("main .lesson-card[data-lesson=\"{id}\"] img.card-image");
        // Pictures load as their cards come into view, as the pupil scrolls.
        app.js_value(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
            vec![json!(img)],
        )
        .await;
        app.wait_until(&format!("the picture of {id} has loaded"), async || {
            app.js_value(
                "const i = document.querySelector(arguments[0]); \
                 return !!i && i.complete && i.naturalWidth > 0",
                vec![json!(img)],
            )
            .await
                == Value::Bool(true)
        })
        .await;
        let src = app.attr_of(&img, "src").await.unwrap_or_default();
        assert!(src.ends_with(&format!("lessons/{image}")), "{id}: {src}");
        // Decoration beside the title, which already names the lesson.
        assert_eq!(app.attr_of(&img, "alt").await.as_deref(), Some(""));
    }
    assert_eq!(
        app.count(&format!("main .lesson-card[data-lesson=\"{without}\"] img"))
            .await,
        0
    );
}

// ----- 9. mangled content -----------------------------------------------------------------

/// The shipped files of one kind (`folder` is "" for lessons), by id.
fn shipped_files(folder: &str) -> Vec<(String, Value)> {
    let dir = support::dist_dir().join("lessons").join(folder);
    let mut files: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".json")?.to_string();
            (!["index", "local"].contains(&id.as_str()))
                .then(|| (id, shipped_json(&format!("{folder}{name}"))))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Waits until the page `page` stands with nothing in `main` still loading.
async fn wait_settled(app: &App, page: &str, what: &str) {
    app.wait_until(what, async || {
        app.count(&page_selector(page)).await == 1
            && app.count("main .loading, main .loading-card").await == 0
    })
    .await;
}

/// The string step ids of a lesson (`steps`) or a challenge (`phases[].steps`).
fn step_ids(file: &Value) -> Vec<String> {
    let lists = match file["phases"].as_array() {
        Some(phases) => phases.iter().map(|p| &p["steps"]).collect(),
        None => vec![&file["steps"]],
    };
    lists
        .into_iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|s| s["id"].as_str().map(String::from))
        .collect()
}

#[tokio::test]
async fn mangled_content_files_are_refused_or_shown_and_never_stop_the_app() {
    use support::mangle::{mutate, Rng};
    // (folder, index list, route prefix, page, rounds)
    let kinds = [
        ("", "lessons", "#/lessons/", "lesson", 24),
        (
            "challenges/",
            "challenges",
            "#/challenges/",
            "challenge",
            10,
        ),
        ("canvases/", "canvases", "#/canvases/", "canvas", 10),
        (
            "role-models/",
            "role_models",
            "#/role-models/",
            "role-model",
            10,
        ),
        ("courses/", "courses", "#/courses/", "course", 6),
    ];
    let site = Site::shipped("mangled");
    let mut index = site.content_json("index.json");
    let mut visits = Vec::new();
    for (k, (folder, list, route, page, rounds)) in kinds.into_iter().enumerate() {
        let originals = shipped_files(folder);
        for round in 0..rounds {
            let mut rng = Rng(0xB0A7 + 1000 * k as u64 + round);
            let (_, original) = rng.pick(&originals);
            let mut file = original.clone();
            for _ in 0..1 + rng.below(3) {
                mutate(&mut file, &mut rng);
            }
            let id = format!("mangled-{round}");
            if let Some(map) = file.as_object_mut() {
                map.insert("id".into(), json!(id));
            }
            site.write_content_json(&format!("{folder}{id}.json"), &file);
            index[list]
                .as_array_mut()
                .unwrap_or_else(|| panic!("index.json lists {list}"))
                .push(json!(id));
            visits.push((route, page, id, step_ids(&file)));
        }
    }
    site.write_content_json("index.json", &index);

    let app = App::serve(site.path(), "/").await;
    app.open("").await;
    app.wait_for_page("home").await;
    // The lists, with their mangled cards.
    for (route, page) in [
        ("#/lessons", "lessons"),
        ("#/challenges", "challenges"),
        ("#/canvases", "canvases"),
        ("#/role-models", "role-models"),
        ("#/courses", "courses"),
    ] {
        app.open(route).await;
        wait_settled(&app, page, &format!("{route} with mangled files settles")).await;
    }
    let (mut refused, mut shown, mut steps_seen) = (0, 0, 0);
    for (route, page, id, steps) in &visits {
        app.open(&format!("{route}{id}")).await;
        // A refused file shows its problem on a page of its own kind, too.
        wait_settled(&app, page, &format!("{route}{id} settles")).await;
        if app.count("main .content-error").await > 0 {
            refused += 1;
        } else {
            shown += 1;
        }
        steps_seen += app.count("main .step").await;
        for step in steps.iter().take(12) {
            app.open(&format!("{route}{id}/{}", pct_encode(step))).await;
            wait_settled(&app, page, &format!("{route}{id}/{step} settles")).await;
            steps_seen += app.count("main .step").await;
        }
        // Still running: the app answers a new address.
        app.open("#/about").await;
        wait_settled(&app, "about", &format!("the app runs after {route}{id}")).await;
    }
    eprintln!("mangled files: {refused} refused, {shown} shown; {steps_seen} steps drawn");
    assert!(
        refused > 0 && shown > 0 && steps_seen > 20,
        "the mangling reaches both the refusals and the drawn pages"
    );
    // The teacher's plan shows every step of a lesson and a challenge at once.
    for (route, _, id, _) in visits
        .iter()
        .filter(|v| v.1 == "lesson" || v.1 == "challenge")
    {
        let kind = if route.contains("lessons") {
            "lesson"
        } else {
            "challenge"
        };
        app.open(&format!("#/teacher/plan/{kind}/{id}")).await;
        wait_settled(&app, "plan", &format!("the plan of {kind} {id} settles")).await;
        app.open("#/about").await;
        wait_settled(
            &app,
            "about",
            &format!("the app runs after the plan of {id}"),
        )
        .await;
    }
    assert_no_panic(&app).await;
}
