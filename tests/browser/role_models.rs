//! Role models, real visitors, interviews, local offers, subjects and courses in a real
//! browser (issue 12): the grid's filters and search in the URL, a profile with its
//! timeline and linked lessons, an interview saved across a reload, a visitor added, used,
//! exported, imported and erased, local offers by level, a course with progress, and a
//! content folder written to the contract (no subjects, no courses, no local.json).
//!
//! Run after `make dist`:
//! `scripts/with-process-group.sh cargo test --test browser role_models:: -- --test-threads=1`.
//! Controls are found as a user finds them, by their label or their name, in the UI's own
//! words (`spire::core::i18n`), so a reworded string does not break a test.

use crate::support;

use serde_json::{json, Value};
use spire::core::content::{Level, Sector};
use spire::core::courses::hours;
use spire::core::i18n::{t, Key};
use spire::core::text::Lang;
use support::{App, ScratchDir, Site};

// ----- the UI's words, and finding controls by them ---------------------------------------

fn da(key: Key) -> &'static str {
    t(Lang::Da, key)
}

/// Clicks the button named `name`.
async fn click_button(app: &App, name: &str) {
    app.button(name).await.click().await;
}

/// Clicks the link named `name`.
async fn click_link(app: &App, name: &str) {
    app.link(name).await.click().await;
}

/// Types `text` into the text field labelled `label`.
async fn fill(app: &App, label: &str, text: &str) {
    app.textbox(label).await.type_text(text).await;
}

/// Whether the checkbox labelled `label` is ticked.
async fn checked(app: &App, label: &str) -> bool {
    app.checkbox(label).await.is_checked().await
}

/// Ticks (or unticks) the checkbox labelled `label`, whatever it was.
async fn tick(app: &App, label: &str, on: bool) {
    let checkbox = app.checkbox(label).await;
    if checkbox.is_checked().await != on {
        checkbox.click().await;
    }
    app.wait_until(&format!("{label:?} is ticked: {on}"), async || {
        checked(app, label).await == on
    })
    .await;
}

/// Chooses the option with value `value` in the drop-down labelled `label`.
async fn choose(app: &App, label: &str, value: &str) {
    app.combobox(label).await.select_value(value).await;
    app.wait_until(&format!("{label:?} shows {value:?}"), async || {
        app.combobox(label).await.value().await == value
    })
    .await;
}

/// Types into the notes field of the planned interview question `question`.
async fn write_notes(app: &App, question: &str, notes: &str) {
    app.within(".interview-plan")
        .textbox(question)
        .await
        .type_text(notes)
        .await;
}

/// The notes written under the planned interview question `question`.
async fn notes_of(app: &App, question: &str) -> String {
    app.within(".interview-plan")
        .textbox(question)
        .await
        .value()
        .await
}

/// `data-…` values of the elements matching `css`, in document order.
async fn data_values(app: &App, css: &str, attr: &str) -> Vec<String> {
    app.js_value(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]))",
        vec![json!(css), json!(attr)],
    )
    .await
    .as_array()
    .map(|a| {
        a.iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    })
    .unwrap_or_default()
}

/// Waits until the elements matching `css` carry exactly `want` in `attr` (any order).
async fn wait_for_set(app: &App, css: &str, attr: &str, want: &[String]) {
    let mut want = want.to_vec();
    want.sort();
    let ok = app
        .try_wait_until(async || {
            let mut got = data_values(app, css, attr).await;
            got.sort();
            got == want
        })
        .await;
    if !ok {
        let got = data_values(app, css, attr).await;
        app.fail(&format!("{css}: want {want:?}, got {got:?}"))
            .await;
    }
}

/// The saved entry of a work item (`spire.work.<kind>:<id>`), once it holds `needle`.
async fn stored_with(app: &App, key: &str, needle: &str) -> String {
    let storage_key = format!("spire.work.{key}");
    app.wait_for_value(&format!("{storage_key} to hold {needle:?}"), async || {
        app.local_storage_get(&storage_key)
            .await
            .filter(|raw| raw.contains(needle))
    })
    .await
}

// ----- the shipped content ----------------------------------------------------------------

fn shipped(relative: &str) -> Value {
    support::shipped_json(relative)
}

fn ids(index: &Value, key: &str) -> Vec<String> {
    index[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn strings(text: &Value) -> Vec<String> {
    match text {
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .values()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => vec![],
    }
}

fn has(list: &Value, item: &str) -> bool {
    list.as_array()
        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(item)))
}

/// The shipped role models that pass a level, a sector and a search, as a reader expects:
/// every word appears in the name, business, headline or sector (either language).
fn role_models_matching(level: Option<Level>, sector: Option<Sector>, query: &str) -> Vec<String> {
    ids(&shipped("index.json"), "role_models")
        .into_iter()
        .filter(|id| {
            let m = shipped(&format!("role-models/{id}.json"));
            let by_level = level.is_none_or(|l| has(&m["levels"], l.id()));
            let by_sector = sector.is_none_or(|s| m["sector"] == s.id());
            let mut texts = vec![m["name"].as_str().unwrap_or_default().to_string()];
            texts.extend(strings(&m["business"]));
            texts.extend(strings(&m["headline"]));
            if let Some(s) = m["sector"].as_str().and_then(Sector::parse) {
                texts.extend([s.label(Lang::Da).to_string(), s.label(Lang::En).to_string()]);
            }
            let hay = texts.join(" ").to_lowercase();
            let by_text = query
                .to_lowercase()
                .split_whitespace()
                .all(|w| hay.contains(w));
            by_level && by_sector && by_text
        })
        .collect()
}

// ----- 1. the grid's filters and search live in the URL ------------------------------------

#[tokio::test]
async fn role_model_filters_and_search_live_in_the_url_and_survive_a_reload() {
    let app = App::at_root().await;
    app.open("#/role-models").await;
    app.wait_for_page("role-models").await;
    let all = role_models_matching(None, None, "");
    assert!(all.len() >= 16, "the shipped role models: {all:?}");
    wait_for_set(&app, ".role-model-card", "data-role-model", &all).await;
    // Each card is marked fictional and has a portrait (a picture or initials).
    assert_eq!(
        app.count(".role-model-card .badge.fictional").await,
        all.len()
    );
    assert_eq!(app.count(".role-model-card .portrait").await, all.len());

    choose(&app, da(Key::FilterLevel), "udskoling").await;
    let want = role_models_matching(Some(Level::Udskoling), None, "");
    wait_for_set(&app, ".role-model-card", "data-role-model", &want).await;
    choose(&app, da(Key::FilterSector), "green").await;
    let want = role_models_matching(Some(Level::Udskoling), Some(Sector::Green), "");
    assert!(!want.is_empty() && want.len() < all.len(), "{want:?}");
    wait_for_set(&app, ".role-model-card", "data-role-model", &want).await;
    choose(&app, da(Key::FilterSector), "").await;
    app.searchbox(da(Key::FilterSearch))
        .await
        .type_text("værksted")
        .await;
    let want = role_models_matching(Some(Level::Udskoling), None, "værksted");
    assert!(!want.is_empty(), "the search finds someone");
    wait_for_set(&app, ".role-model-card", "data-role-model", &want).await;
    let hash = app.current_hash().await;
    assert!(
        hash.starts_with("#/role-models?")
            && hash.contains("level=udskoling")
            && hash.contains("q=v"),
        "the filters are in the URL: {hash}"
    );
    assert!(
        !hash.contains("sector="),
        "a cleared filter leaves the URL: {hash}"
    );

    app.reload().await;
    app.wait_for_page("role-models").await;
    wait_for_set(&app, ".role-model-card", "data-role-model", &want).await;
    assert_eq!(app.value_of("#rm-level").await, "udskoling");
    assert_eq!(app.value_of("#rm-search").await, "værksted");

    // A shared link opens the same view; nothing matching says so.
    app.open("#/role-models?sector=crafts&q=zzzz").await;
    app.see_text(da(Key::NoPeople)).await;
    assert_eq!(app.count(".role-model-card").await, 0);
    click_button(&app, da(Key::FilterReset)).await;
    wait_for_set(&app, ".role-model-card", "data-role-model", &all).await;
    assert_eq!(app.current_hash().await, "#/role-models");
}

// ----- 2. a profile: timeline, linked lessons, print ---------------------------------------

#[tokio::test]
async fn a_profile_shows_its_timeline_the_lessons_that_meet_it_and_prints_on_one_page() {
    let app = App::at_root().await;
    let id = "maja-keramik";
    let model = shipped(&format!("role-models/{id}.json"));
    app.open(&format!("#/role-models/{id}")).await;
    app.wait_for_page("role-model").await;
    // The heading is the file's id until the profile has loaded.
    app.wait_for(".profile .badge.fictional").await;
    assert_eq!(app.text_of("h1").await, model["name"].as_str().unwrap());
    let path = model["path"].as_array().expect("a path").len();
    app.wait_until("the timeline shows every step of the path", async || {
        app.count(".timeline li").await == path
    })
    .await;
    let first_year = model["path"][0]["year"].to_string();
    assert!(app
        .text_of(".timeline li .year")
        .await
        .contains(&first_year));

    // Every shipped lesson that links to the profile, and no other, is listed.
    let index = shipped("index.json");
    let mut want: Vec<String> = ids(&index, "lessons")
        .into_iter()
        .filter(|l| {
            let lesson = shipped(&format!("{l}.json"));
            has(&lesson["role_models"], id)
                || lesson["steps"].as_array().is_some_and(|s| {
                    s.iter()
                        .any(|s| s["type"] == "role_model" && s["profile"] == id)
                })
        })
        .map(|l| format!("#/lessons/{l}"))
        .collect();
    want.sort();
    assert!(want.len() >= 2, "maja is met in several lessons: {want:?}");
    wait_for_set(&app, ".linked-lessons a", "href", &want).await;
    click_link(&app, &{
        let first = shipped(&format!(
            "{}.json",
            want[0].trim_start_matches("#/lessons/")
        ));
        strings(&first["title"])[0].clone()
    })
    .await;
    app.wait_for_page("lesson").await;
    app.back().await;
    app.wait_for_page("role-model").await;

    // Print: the page's chrome and the exercise's controls go, the profile fits one A4 page.
    app.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .await;
    let hidden = app
        .js_value(
            "return ['.site-header', '.site-footer', '.interview-choose', '#print-profile']
               .map(s => document.querySelector(s))
               .every(e => !e || getComputedStyle(e).display === 'none')",
            vec![],
        )
        .await;
    assert_eq!(hidden, json!(true), "print hides navigation and controls");
    // A4 at 96 dpi is 1123 px tall; 12 mm margins leave about 1032 px.
    let height = app
        .js_value("return document.documentElement.scrollHeight", vec![])
        .await
        .as_f64()
        .unwrap_or(f64::MAX);
    // The emulation keeps the screen's width (wider than A4's 718 px), so allow a margin.
    assert!(height < 1300.0, "the printed profile is {height} px tall");
}

// ----- 3. the interview exercise ------------------------------------------------------------

#[tokio::test]
async fn the_prepared_interview_is_saved_across_a_reload() {
    let app = App::at_root().await;
    let id = "sofie-sosu";
    let model = shipped(&format!("role-models/{id}.json"));
    let question = model["questions"][0]["da"]
        .as_str()
        .expect("a Danish question");
    app.open(&format!("#/role-models/{id}")).await;
    app.wait_for_page("role-model").await;
    app.see_text(da(Key::InterviewTitle)).await;
    app.see_text(da(Key::InterviewPlanEmpty)).await;

    tick(&app, question, true).await;
    tick(&app, da(Key::InterviewGeneral2), true).await;
    let own = "Hvad gør du, når en dag går skævt?";
    fill(&app, da(Key::InterviewNewQuestion), own).await;
    click_button(&app, da(Key::InterviewAddQuestion)).await;
    app.wait_until("the own question is listed", async || {
        app.count(".interview-plan .planned-question").await == 3
    })
    .await;
    let notes = "Hun tager en pause og spørger en kollega.";
    write_notes(&app, own, notes).await;
    let labels = app.text_of(".interview-plan").await;
    let order = [question, da(Key::InterviewGeneral2), own].map(|q| labels.find(q));
    assert!(
        order.iter().all(Option::is_some) && order.windows(2).all(|w| w[0] < w[1]),
        "profile questions, then general ones, then own: {labels}"
    );
    stored_with(&app, &format!("interview:{id}"), notes).await;

    app.reload().await;
    app.wait_for_page("role-model").await;
    assert!(checked(&app, question).await);
    assert!(checked(&app, da(Key::InterviewGeneral2)).await);
    assert!(!checked(&app, da(Key::InterviewGeneral1)).await);
    assert_eq!(notes_of(&app, own).await, notes);

    // Unticking takes a question out of the plan; My work lists the interview.
    tick(&app, question, false).await;
    app.wait_until("two questions are left", async || {
        app.count(".interview-plan .planned-question").await == 2
    })
    .await;
    app.open("#/my-work").await;
    app.wait_for(&format!(".work-item[data-work=\"interview:{id}\"]"))
        .await;
    app.see_text(&format!(
        "Interview med {}",
        model["name"].as_str().unwrap()
    ))
    .await;
}

// ----- 4. a real visitor ----------------------------------------------------------------------

#[tokio::test]
async fn a_visitor_is_added_used_exported_imported_and_erased() {
    let scratch = ScratchDir::new("visitor-files");
    let app = App::at_root().await;

    app.open("#/role-models").await;
    app.wait_for_page("role-models").await;
    click_link(&app, da(Key::AddVisitor)).await;
    app.wait_for_page("new-visitor").await;
    fill(&app, da(Key::VisitorName), "Rikke Nørgaard").await;
    fill(
        &app,
        da(Key::VisitorBusiness),
        "Cykelværksted i Nørresundby",
    )
    .await;
    choose(&app, da(Key::VisitorSector), "crafts").await;
    tick(&app, Level::Udskoling.label(Lang::Da), true).await;
    // Without consent nothing is saved.
    click_button(&app, da(Key::SaveVisitor)).await;
    app.see_text(spire::core::role_models::VisitorProblem::NoConsent.message(Lang::Da))
        .await;
    assert_eq!(app.current_hash().await, "#/visitors/new");
    tick(&app, da(Key::VisitorConsent), true).await;
    click_button(&app, da(Key::SaveVisitor)).await;
    app.wait_for_page("visitor").await;
    assert_eq!(app.text_of("h1").await, "Rikke Nørgaard");
    app.see_text(da(Key::VisitorBadge)).await;
    let hash = app.current_hash().await;
    let id = hash.trim_start_matches("#/visitors/").to_string();
    assert!(!id.is_empty() && id != "new", "{hash}");
    let key = format!("visitor:{id}");
    stored_with(&app, &key, "Rikke Nørgaard").await;

    // Used in the interview: general questions only, notes kept with the visitor.
    tick(&app, da(Key::InterviewGeneral1), true).await;
    let notes = "Hun fandt på det, da hendes egen cykel var i stykker.";
    write_notes(&app, da(Key::InterviewGeneral1), notes).await;
    stored_with(&app, &key, notes).await;

    // Shown with the role models, marked as a visitor, and filtered like them.
    app.open("#/role-models?level=udskoling&sector=crafts")
        .await;
    app.wait_for_page("role-models").await;
    app.wait_for(&format!(".visitor-card[data-visitor=\"{id}\"]"))
        .await;
    assert!(app
        .text_of(".visitor-card")
        .await
        .contains(da(Key::VisitorBadge)));
    app.open("#/role-models?level=indskoling").await;
    app.wait_for(".role-model-card").await;
    assert_eq!(
        app.count(".visitor-card").await,
        0,
        "the visitor is for udskoling only"
    );
    app.open("#/role-models?q=n%C3%B8rresundby").await;
    app.wait_for(".visitor-card").await;
    assert_eq!(app.count(".role-model-card").await, 0);

    // Exported as a file: the profile, not the pupils' notes.
    app.open(&format!("#/visitors/{id}")).await;
    app.wait_for_page("visitor").await;
    click_button(&app, da(Key::ExportVisitor)).await;
    let (name, bytes) = app.wait_for_download("spire-visitor-*.json").await;
    assert_eq!(name, "spire-visitor-rikke-noergaard.json");
    let text = String::from_utf8(bytes.clone()).expect("the visitor file is UTF-8");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["type"], "spire-visitor");
    assert_eq!(value["name"], "Rikke Nørgaard");
    assert_eq!(value["sector"], "crafts");
    assert!(!text.contains(notes), "the file carries no notes: {text}");
    // Kept apart: the browser's downloads folder goes with it.
    let file = scratch.write(&name, &bytes);

    // Erased: gone from the grid, and its name and the notes are blanked in storage.
    app.open(&format!("#/visitors/{id}")).await;
    app.wait_for_page("visitor").await;
    click_button(&app, da(Key::EraseVisitor)).await;
    click_button(&app, da(Key::EraseVisitorConfirm)).await;
    app.see_text(da(Key::VisitorErased)).await;
    let raw = app
        .wait_for_value("the erased entry", async || {
            app.local_storage_get(&format!("spire.work.{key}"))
                .await
                .filter(|raw| !raw.contains("Rikke"))
        })
        .await;
    assert!(!raw.contains(notes), "the notes are erased: {raw}");
    assert!(
        raw.contains("\"deleted\""),
        "a tombstone stays, so merges cannot bring it back: {raw}"
    );
    app.open("#/role-models").await;
    app.wait_for(".role-model-card").await;
    assert_eq!(app.count(".visitor-card").await, 0);
    drop(app);

    // Imported on another device, where the teacher records consent again.
    let other = App::at_root().await;
    other.open("#/role-models").await;
    other.wait_for_page("role-models").await;
    let input = other.wait_for("#import-visitor-file").await;
    input
        .send_keys(&file.display().to_string())
        .await
        .expect("pick the visitor file");
    other.wait_for_visible("#import-visitor-preview").await;
    other.see_text("Rikke Nørgaard").await;
    click_button(&other, da(Key::SaveVisitor)).await;
    other
        .see_text(spire::core::role_models::VisitorProblem::NoConsent.message(Lang::Da))
        .await;
    tick(&other, da(Key::VisitorConsent), true).await;
    click_button(&other, da(Key::SaveVisitor)).await;
    other.wait_for_page("visitor").await;
    assert_eq!(other.text_of("h1").await, "Rikke Nørgaard");
    assert_eq!(
        other.current_hash().await,
        format!("#/visitors/{id}"),
        "the id travels"
    );

    // A file that is not a visitor file is refused with a message.
    other.open("#/role-models").await;
    let junk = scratch.write("junk.json", "{\"type\": \"spire-backup\"}");
    let input = other.wait_for("#import-visitor-file").await;
    input
        .send_keys(&junk.display().to_string())
        .await
        .expect("pick junk");
    other.wait_for_visible("#import-visitor-error").await;
    assert!(
        other.console_errors().await.is_empty(),
        "{:?}",
        other.console_errors().await
    );
}

// ----- 5. local offers by level ---------------------------------------------------------------

#[tokio::test]
async fn local_offers_are_shown_by_level_with_safe_external_links() {
    let app = App::at_root().await;
    let local = shipped("local.json");
    let offers = local["offers"].as_array().expect("offers");
    app.open("").await;
    app.wait_for_page("home").await;
    // From the home page's "more" links (the footer links there too).
    app.within(".home-links")
        .link(da(Key::LocalTitle))
        .await
        .click()
        .await;
    app.wait_for_page("local").await;
    app.wait_for("#local-example").await;
    app.wait_until("every offer is shown", async || {
        app.count(".offer-card").await == offers.len()
    })
    .await;

    for level in [Level::Indskoling, Level::Videregaaende] {
        choose(&app, da(Key::FilterLevel), level.id()).await;
        let want = offers
            .iter()
            .filter(|o| has(&o["levels"], level.id()))
            .count();
        assert!(want > 0 && want < offers.len(), "{level:?}: {want}");
        app.wait_until(&format!("{want} offers for {level:?}"), async || {
            app.count(".offer-card").await == want
        })
        .await;
        assert_eq!(
            app.current_hash().await,
            format!("#/local?level={}", level.id())
        );
        let label = level.label(Lang::Da);
        let every_card_has_it = app
            .js_value(
                "return Array.from(document.querySelectorAll('.offer-card'))
                   .every(c => c.innerText.includes(arguments[0]))",
                vec![json!(label)],
            )
            .await;
        assert_eq!(every_card_has_it, json!(true), "{label}");
    }
    app.reload().await;
    app.wait_until("the level survives a reload", async || {
        app.count(".offer-card").await
            == offers
                .iter()
                .filter(|o| has(&o["levels"], "videregaaende"))
                .count()
    })
    .await;

    let links = app
        .js_value(
            "return Array.from(document.querySelectorAll('.offer-card a'))
               .map(a => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])",
            vec![],
        )
        .await;
    let links = links.as_array().expect("links");
    assert!(!links.is_empty());
    for link in links {
        assert!(link[0].as_str().unwrap().starts_with("https://"), "{link}");
        assert_eq!(link[1], "noopener noreferrer", "{link}");
        assert_eq!(link[2], "_blank", "{link}");
    }
    assert_eq!(app.count("footer a[data-nav=\"local\"]").await, 1);
}

// ----- 6. subjects and a course with progress -------------------------------------------------

#[tokio::test]
async fn the_catalogue_filters_by_subject_in_the_url() {
    let app = App::at_root().await;
    let index = shipped("index.json");
    let want: Vec<String> = ids(&index, "lessons")
        .into_iter()
        .filter(|l| has(&shipped(&format!("{l}.json"))["subjects"], "matematik"))
        .collect();
    assert!(!want.is_empty());
    app.open("#/lessons").await;
    app.wait_for(".lesson-card").await;
    choose(&app, da(Key::FilterSubject), "matematik").await;
    wait_for_set(&app, ".lesson-card", "data-lesson", &want).await;
    assert_eq!(app.current_hash().await, "#/lessons?subject=matematik");
    let badges = app
        .count(".lesson-card .badge.subject[data-subject=\"matematik\"]")
        .await;
    assert_eq!(badges, want.len(), "every card shows the subject");
    app.reload().await;
    wait_for_set(&app, ".lesson-card", "data-lesson", &want).await;
    assert_eq!(app.value_of("#filter-subject").await, "matematik");
}

#[tokio::test]
async fn a_course_shows_its_weeks_hours_and_the_pupils_progress() {
    let app = App::at_root().await;
    let index = shipped("index.json");
    let courses = ids(&index, "courses");
    assert!(courses.len() >= 5);
    app.open("").await;
    app.wait_for_page("home").await;
    app.within("header nav")
        .link(da(Key::NavCourses))
        .await
        .click()
        .await;
    app.wait_for_page("courses").await;
    wait_for_set(&app, ".course-card", "data-course", &courses).await;

    let id = "udskoling-groen-ivaerksaetter";
    let course = shipped(&format!("courses/{id}.json"));
    let weeks = course["weeks"].as_array().unwrap();
    let mut lessons: Vec<String> = Vec::new();
    for week in weeks {
        for item in week["items"].as_array().unwrap() {
            if let Some(l) = item["lesson"].as_str() {
                if !lessons.iter().any(|x| x == l) {
                    lessons.push(l.to_string());
                }
            }
        }
    }
    let minutes: u64 = lessons
        .iter()
        .map(|l| {
            shipped(&format!("{l}.json"))["minutes"]
                .as_u64()
                .unwrap_or(0)
        })
        .sum();
    click_link(&app, &strings(&course["title"])[0]).await;
    app.wait_for_page("course").await;
    // The page shows before the course file has arrived.
    app.wait_until("the course's weeks are listed", async || {
        app.count(".week").await == weeks.len()
    })
    .await;
    let hours_text = app.text_of("#course-hours").await;
    assert!(
        hours_text.contains(&hours(minutes as u32, Lang::Da)),
        "{minutes} minutes: {hours_text}"
    );
    // Items in the order of the weeks.
    let items = data_values(&app, ".course-item", "data-item").await;
    let listed: Vec<String> = weeks
        .iter()
        .flat_map(|w| w["items"].as_array().unwrap().iter())
        .map(|i| {
            i["lesson"]
                .as_str()
                .or(i["challenge"].as_str())
                .unwrap()
                .to_string()
        })
        .collect();
    app.wait_until("every item has its row", async || {
        data_values(&app, ".course-item", "data-item").await == listed
    })
    .await;
    let _ = items;
    app.see_text(&format!("0 af {} forløb færdige", lessons.len()))
        .await;
    assert_eq!(app.count("details.course-notes").await, 1, "teacher notes");

    // Answer a step of one of its lessons; the course shows it.
    let lesson = "brugerinterview";
    let lesson_json = shipped(&format!("{lesson}.json"));
    let step = lesson_json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "prompt")
        .expect("a prompt step");
    let step_id = step["id"].as_str().unwrap();
    let tasks = lesson_json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["type"] != "read")
        .count();
    app.open(&format!("#/lessons/{lesson}/{step_id}")).await;
    app.wait_for_page("lesson").await;
    app.type_into("textarea", "Jeg spørger, hvad de gør i dag.")
        .await;
    stored_with(&app, &format!("lesson:{lesson}"), "i dag").await;
    app.open(&format!("#/courses/{id}")).await;
    app.wait_for_page("course").await;
    let row = format!(".course-item[data-item=\"{lesson}\"] .status");
    app.wait_until("the lesson shows one answered task", async || {
        app.text_of(&row).await == format!("1 af {tasks} opgaver besvaret")
    })
    .await;
    assert_eq!(
        app.attr_of(&row, "data-status").await.as_deref(),
        Some("in-progress")
    );
    let overall = app
        .attr_of(".course-progress progress", "value")
        .await
        .unwrap();
    assert_ne!(overall, "0", "the overall progress moved");
    app.open("#/courses").await;
    let card = format!(".course-card[data-course=\"{id}\"] .status");
    app.wait_until("the course card shows progress", async || {
        app.attr_of(&card, "data-status").await.as_deref() == Some("in-progress")
    })
    .await;
}

// ----- 7. content written to the contract -----------------------------------------------------

/// A site with `dist/`'s app and a `lessons/` written to content format v1 only: an index
/// of ids (no summaries, no `courses`), a lesson without subjects, a role model without a
/// portrait, and no local.json.
fn contract_site() -> Site {
    let site = Site::empty("contract");
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["hand-made"], "role_models": ["ida-bager"]}),
    );
    site.write_content_json(
        "hand-made.json",
        &json!({
            "id": "hand-made", "title": {"da": "Håndlavet", "en": "Hand-made"},
            "levels": ["mellemtrin"], "minutes": 30, "role_models": ["ida-bager"],
            "steps": [
                {"type": "read", "id": "intro", "body": "Hej"},
                {"type": "role_model", "id": "meet", "profile": "ida-bager"},
                {"type": "prompt", "id": "why", "question": "Hvorfor?"}
            ]
        }),
    );
    site.write_content_json(
        "role-models/ida-bager.json",
        &json!({
            "id": "ida-bager", "name": "Ida Lund", "fictional": true,
            "sector": "food", "levels": ["mellemtrin"],
            "headline": "Jeg bager brød", "story": "Ida startede et bageri.",
            "path": [{"year": 2010, "text": "Bagerlærling"}, {"year": 2018, "text": "Eget bageri"}]
        }),
    );
    site
}

#[tokio::test]
async fn content_written_to_the_contract_loads_without_subjects_courses_or_local_offers() {
    let site = contract_site();
    let app = App::serve(site.path().to_path_buf(), "/").await;

    app.open("#/role-models").await;
    app.wait_for(".role-model-card[data-role-model=\"ida-bager\"]")
        .await;
    assert_eq!(
        app.text_of(".role-model-card .portrait.initials").await,
        "IL"
    );
    app.open("#/role-models/ida-bager").await;
    app.wait_for_page("role-model").await;
    app.wait_until("the timeline and the linked lesson show", async || {
        app.count(".timeline li").await == 2 && app.count(".linked-lessons a").await == 1
    })
    .await;
    app.see_text(da(Key::InterviewTitle)).await;

    app.open("#/lessons").await;
    app.wait_for(".lesson-card[data-lesson=\"hand-made\"]")
        .await;
    assert_eq!(app.count(".lesson-card .badge.subject").await, 0);
    app.open("#/lessons?subject=dansk").await;
    app.see_text(da(Key::NoResults)).await;

    app.open("#/courses").await;
    app.wait_for("#no-courses").await;
    app.open("#/local").await;
    app.wait_for("#no-local-offers").await;
    app.see_text(da(Key::LocalNone)).await;

    app.open("#/lessons/hand-made").await;
    app.wait_for_page("lesson").await;
    let errors: Vec<String> = app
        .console_errors()
        .await
        .into_iter()
        .map(|e| e.message)
        .filter(|m| !m.contains("local.json"))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[tokio::test]
async fn a_hand_written_course_loads_from_its_file_and_names_what_is_missing() {
    let site = contract_site();
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["hand-made"], "role_models": ["ida-bager"], "courses": ["term"]}),
    );
    site.write_content_json(
        "courses/term.json",
        &json!({
            "id": "term", "title": {"da": "Terminen", "en": "The term"}, "levels": ["mellemtrin"],
            "weeks": [
                {"items": [{"lesson": "hand-made"}]},
                {"title": "To", "note": "**Husk** papir", "items": [{"lesson": "gone"}]}
            ]
        }),
    );
    let app = App::serve(site.path().to_path_buf(), "/").await;
    app.open("#/courses").await;
    app.wait_for(".course-card[data-course=\"term\"]").await;
    app.open("#/courses/term").await;
    app.wait_for_page("course").await;
    app.wait_until("both weeks show", async || app.count(".week").await == 2)
        .await;
    app.wait_for(".course-item[data-item=\"hand-made\"] a")
        .await;
    app.see_text("„gone“ findes ikke i indholdet").await;
    app.wait_for(".week-note strong").await;
    let hours_text = app.text_of("#course-hours").await;
    assert!(hours_text.contains("0,5"), "30 minutes: {hours_text}");
}

#[tokio::test]
async fn a_course_page_is_a_path_of_its_lessons_with_their_states_in_words() {
    let site = Site::empty("course-path");
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["en", "to", "tre"], "courses": ["sti"]}),
    );
    for (id, title) in [("en", "Første"), ("to", "Anden"), ("tre", "Tredje")] {
        site.write_content_json(
            &format!("{id}.json"),
            &json!({
                "id": id, "title": title, "levels": ["indskoling"],
                "steps": [
                    {"type": "prompt", "id": "a", "question": "Hvad?"},
                    {"type": "prompt", "id": "b", "question": "Hvorfor?"}
                ]
            }),
        );
    }
    site.write_content_json(
        "courses/sti.json",
        &json!({
            "id": "sti", "title": "Stien", "levels": ["indskoling"],
            "weeks": [{"items": [{"lesson": "en"}, {"lesson": "to"}]}, {"items": [{"lesson": "tre"}]}]
        }),
    );
    let app = App::serve(site.path().to_path_buf(), "/").await;
    let row = |id: &str| format!(".course-item[data-item=\"{id}\"]");

    // Nothing done: every stop says "Ikke startet", and the first is next.
    app.open("#/courses/sti").await;
    app.wait_for_page("course").await;
    for id in ["en", "to", "tre"] {
        app.wait_until(&format!("{id} is not started"), async || {
            app.text_of(&format!("{} .status", row(id))).await == da(Key::StatusNotStarted)
        })
        .await;
    }
    assert_eq!(app.count(".course-item.next").await, 1);
    assert!(app.text_of(&row("en")).await.contains(da(Key::PathNext)));
    assert_eq!(
        app.count("ol.course-path").await,
        2,
        "each week's stops are an ordered list"
    );

    // The first lesson finished, the second begun.
    app.open("#/lessons/en").await;
    fill(&app, "Dit svar", "Noget").await;
    click_button(&app, "Næste").await;
    click_button(&app, "Afslut forløbet").await;
    app.heading("Godt klaret!").await;
    app.open("#/lessons/to").await;
    fill(&app, "Dit svar", "Mere").await;

    app.open("#/courses/sti").await;
    app.wait_for_page("course").await;
    app.wait_until(
        "the path shows done, in progress and not started",
        async || {
            app.text_of(&format!("{} .status", row("en"))).await == da(Key::StatusDone)
                && app.text_of(&format!("{} .status", row("to"))).await == "1 af 2 opgaver besvaret"
                && app.text_of(&format!("{} .status", row("tre"))).await
                    == da(Key::StatusNotStarted)
        },
    )
    .await;
    // The state is said in words; the next stop is the one in progress, said in words too.
    assert!(app.text_of(&row("to")).await.contains(da(Key::PathNext)));
    assert!(!app.text_of(&row("en")).await.contains(da(Key::PathNext)));
    assert_eq!(app.count(".course-item.next").await, 1);
    assert_eq!(
        app.attr_of(&format!("{} .path-mark", row("en")), "aria-hidden")
            .await
            .as_deref(),
        Some("true"),
        "the marker is decoration"
    );
    // Reading it in English.
    click_button(&app, "Switch to English").await;
    app.wait_until("the states in English", async || {
        app.text_of(&format!("{} .status", row("en"))).await == "Done"
            && app.text_of(&row("to")).await.contains("Next")
    })
    .await;
}
