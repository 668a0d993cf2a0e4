#![cfg(not(target_arch = "wasm32"))]
//! Role models, real visitors, interviews, local offers, subjects and courses in a real
//! browser (issue 12): the grid's filters and search in the URL, a profile with its
//! timeline and linked lessons, an interview saved across a reload, a visitor added, used,
//! exported, imported and erased, local offers by level, a course with progress, and a
//! content folder written to the contract (no subjects, no courses, no local.json).
//!
//! Run after `make dist`:
//! `scripts/with-process-group.sh cargo test --test browser_role_models -- --test-threads=1`.
//! Controls are found as a user finds them, by their label or their name, in the UI's own
//! words (`spire::core::i18n`), so a reworded string does not break a test.

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde_json::{json, Value};
use spire::core::content::{Level, Sector};
use spire::core::courses::hours;
use spire::core::i18n::{t, Key};
use spire::core::text::Lang;
use support::{dist_dir, App, ChromeDriver};

// ----- the UI's words, and finding controls by them ---------------------------------------

fn da(key: Key) -> &'static str {
    t(Lang::Da, key)
}

/// An XPath string literal for `s` (which may hold quotes).
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        return format!("'{s}'");
    }
    let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}

/// Waits for a visible element found by `xpath`.
async fn visible_xpath(app: &App, xpath: &str, what: &str) -> Element {
    let deadline = Instant::now() + support::timeout();
    loop {
        if let Ok(elements) = app.client().find_all(Locator::XPath(xpath)).await {
            for e in elements {
                if e.is_displayed().await.unwrap_or(false) {
                    return e;
                }
            }
        }
        if Instant::now() > deadline {
            app.fail(&format!("no visible {what}")).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the button named `name` (its text).
async fn click_button(app: &App, name: &str) {
    let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(name));
    let button = visible_xpath(app, &xpath, &format!("button {name:?}")).await;
    if let Err(e) = button.click().await {
        app.fail(&format!("cannot click the button {name:?}: {e}"))
            .await;
    }
}

/// Clicks the link named `name` (its text).
async fn click_link(app: &App, name: &str) {
    let xpath = format!("//a[normalize-space(.)={}]", xpath_literal(name));
    let link = visible_xpath(app, &xpath, &format!("link {name:?}")).await;
    if let Err(e) = link.click().await {
        app.fail(&format!("cannot click the link {name:?}: {e}"))
            .await;
    }
}

/// The CSS selector (`#id`) of the control labelled `label`.
async fn labelled(app: &App, label: &str) -> String {
    let xpath = format!("//label[normalize-space(.)={}]", xpath_literal(label));
    let element = app
        .wait_for_value(&format!("a label {label:?}"), async || {
            app.client().find(Locator::XPath(&xpath)).await.ok()
        })
        .await;
    let id = element.attr("for").await.ok().flatten().unwrap_or_default();
    assert!(!id.is_empty(), "the label {label:?} names no control");
    format!("#{id}")
}

/// The notes field of the planned interview question `question`.
async fn notes_field(app: &App, question: &str) -> String {
    let xpath = format!(
        "//ol[contains(@class, 'interview-plan')]//label[normalize-space(.)={}]",
        xpath_literal(question)
    );
    let element = app
        .wait_for_value(&format!("the notes on {question:?}"), async || {
            app.client().find(Locator::XPath(&xpath)).await.ok()
        })
        .await;
    format!(
        "#{}",
        element.attr("for").await.ok().flatten().unwrap_or_default()
    )
}

/// Types `text` into the field labelled `label`.
async fn fill(app: &App, label: &str, text: &str) {
    let css = labelled(app, label).await;
    app.type_into(&css, text).await;
}

/// Ticks (or unticks) the checkbox labelled `label`, whatever it was.
async fn tick(app: &App, label: &str, on: bool) {
    let css = labelled(app, label).await;
    let checked = checked(app, &css).await;
    if checked != on {
        app.click(&css).await;
    }
    app.wait_until(&format!("{label:?} is ticked: {on}"), async || {
        checked_now(app, &css).await == on
    })
    .await;
}

async fn checked(app: &App, css: &str) -> bool {
    app.wait_for(css).await;
    checked_now(app, css).await
}

async fn checked_now(app: &App, css: &str) -> bool {
    app.js_value(
        "const e = document.querySelector(arguments[0]); return !!(e && e.checked)",
        vec![json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// Chooses the option with value `value` in the select labelled `label`.
async fn choose(app: &App, label: &str, value: &str) {
    let css = labelled(app, label).await;
    app.click(&format!("{css} option[value=\"{value}\"]")).await;
    app.wait_until(&format!("{label:?} shows {value:?}"), async || {
        app.js_value(
            "return document.querySelector(arguments[0]).value",
            vec![json!(css)],
        )
        .await
            == json!(value)
    })
    .await;
}

/// The value of the control matching `css`.
async fn value_of(app: &App, css: &str) -> String {
    app.wait_for(css).await;
    app.js_value(
        "return document.querySelector(arguments[0]).value",
        vec![json!(css)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
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
    let path = dist_dir().join("lessons").join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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

// ----- downloads and DevTools through chromedriver ----------------------------------------

/// chromedriver's address, from the log it writes into this browser's scratch directory.
fn chromedriver_addr(app: &App) -> Option<SocketAddr> {
    let dir = app.profile_dir().parent()?.to_path_buf();
    let mut logs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("chromedriver-") && n.ends_with(".log"))
        })
        .collect();
    logs.sort();
    let text = std::fs::read_to_string(logs.last()?).ok()?;
    let port: u16 = text
        .split("on port ")
        .nth(1)?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    Some(SocketAddr::from(([127, 0, 0, 1], port)))
}

/// Runs a DevTools command in this browser.
async fn cdp(app: &App, cmd: &str, params: Value) -> Result<Value, String> {
    let addr = chromedriver_addr(app).ok_or("chromedriver's port is not in its log")?;
    let session = app
        .client()
        .session_id()
        .await
        .ok()
        .flatten()
        .ok_or("no session id")?;
    let path = format!("/session/{session}/goog/cdp/execute");
    let body = json!({ "cmd": cmd, "params": params });
    tokio::task::spawn_blocking(move || ChromeDriver::command(addr, "POST", &path, &body))
        .await
        .map_err(|e| format!("the command panicked: {e}"))?
}

/// A folder in the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!(
            "spire-role-models-{}-{n}-{label}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp folder");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a folder");
        }
        std::fs::write(&path, text).expect("write a file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Waits for a finished download named `prefix*.json` in `dir`.
async fn downloaded(dir: &Path, prefix: &str) -> Option<(PathBuf, String)> {
    let deadline = Instant::now() + support::timeout();
    loop {
        let found = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries.filter_map(|e| e.ok().map(|e| e.path())).find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".json"))
            })
        });
        if let Some(path) = found {
            if let Ok(text) = std::fs::read_to_string(&path) {
                if serde_json::from_str::<Value>(&text).is_ok() {
                    return Some((path, text));
                }
            }
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Copies `from` into `to`, leaving out top-level entries named in `skip`.
fn copy_dir(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).expect("create a copy folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let entry = entry.expect("an entry");
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target, &[]);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
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
    fill(&app, da(Key::FilterSearch), "værksted").await;
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
    assert_eq!(value_of(&app, "#rm-level").await, "udskoling");
    assert_eq!(value_of(&app, "#rm-search").await, "værksted");

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
    assert_eq!(app.text_of("h1").await, model["name"].as_str().unwrap());
    app.wait_for(".profile .badge.fictional").await;
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
    let printed = cdp(
        &app,
        "Emulation.setEmulatedMedia",
        json!({"media": "print"}),
    )
    .await;
    if let Err(why) = printed {
        eprintln!("print media is not emulated: {why}");
        return;
    }
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
    app.type_into(&notes_field(&app, own).await, notes).await;
    let labels = app.text_of(".interview-plan").await;
    let order = [question, da(Key::InterviewGeneral2), own].map(|q| labels.find(q));
    assert!(
        order.iter().all(Option::is_some) && order.windows(2).all(|w| w[0] < w[1]),
        "profile questions, then general ones, then own: {labels}"
    );
    stored_with(&app, &format!("interview:{id}"), notes).await;

    app.reload().await;
    app.wait_for_page("role-model").await;
    assert!(checked(&app, &labelled(&app, question).await).await);
    assert!(checked(&app, &labelled(&app, da(Key::InterviewGeneral2)).await).await);
    assert!(!checked(&app, &labelled(&app, da(Key::InterviewGeneral1)).await).await);
    let field = notes_field(&app, own).await;
    assert_eq!(value_of(&app, &field).await, notes);

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
    let downloads = TempDir::new("downloads");
    let app = App::at_root().await;
    let can_download = cdp(
        &app,
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": downloads.path().display().to_string()}),
    )
    .await;

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
    let field = notes_field(&app, da(Key::InterviewGeneral1)).await;
    app.type_into(&field, notes).await;
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
    let file = match can_download {
        Ok(_) => {
            app.open(&format!("#/visitors/{id}")).await;
            app.wait_for_page("visitor").await;
            click_button(&app, da(Key::ExportVisitor)).await;
            let (path, text) = downloaded(downloads.path(), "spire-visitor-")
                .await
                .expect("the visitor file never arrived");
            assert!(
                path.ends_with("spire-visitor-rikke-noergaard.json"),
                "{}",
                path.display()
            );
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["type"], "spire-visitor");
            assert_eq!(value["name"], "Rikke Nørgaard");
            assert_eq!(value["sector"], "crafts");
            assert!(!text.contains(notes), "the file carries no notes: {text}");
            path
        }
        Err(why) => {
            eprintln!("the real download is not captured ({why}); importing a written file");
            downloads.write(
                "spire-visitor.json",
                &json!({"type": "spire-visitor", "version": 1, "id": id,
                        "name": "Rikke Nørgaard", "business": "Cykelværksted i Nørresundby",
                        "sector": "crafts", "levels": ["udskoling"], "consent_at": 1})
                .to_string(),
            )
        }
    };

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
    let junk = downloads.write("junk.json", "{\"type\": \"spire-backup\"}");
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
    click_link(&app, da(Key::LocalTitle)).await;
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
    assert_eq!(value_of(&app, "#filter-subject").await, "matematik");
}

#[tokio::test]
async fn a_course_shows_its_weeks_hours_and_the_pupils_progress() {
    let app = App::at_root().await;
    let index = shipped("index.json");
    let courses = ids(&index, "courses");
    assert!(courses.len() >= 5);
    app.open("").await;
    app.wait_for_page("home").await;
    click_link(&app, da(Key::NavCourses)).await;
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
    assert_eq!(app.count(".week").await, weeks.len());
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
fn contract_site() -> TempDir {
    let site = TempDir::new("contract");
    copy_dir(&dist_dir(), site.path(), &["lessons"]);
    site.write(
        "lessons/index.json",
        &json!({"lessons": ["hand-made"], "role_models": ["ida-bager"]}).to_string(),
    );
    site.write(
        "lessons/hand-made.json",
        &json!({
            "id": "hand-made", "title": {"da": "Håndlavet", "en": "Hand-made"},
            "levels": ["mellemtrin"], "minutes": 30, "role_models": ["ida-bager"],
            "steps": [
                {"type": "read", "id": "intro", "body": "Hej"},
                {"type": "role_model", "id": "meet", "profile": "ida-bager"},
                {"type": "prompt", "id": "why", "question": "Hvorfor?"}
            ]
        })
        .to_string(),
    );
    site.write(
        "lessons/role-models/ida-bager.json",
        &json!({
            "id": "ida-bager", "name": "Ida Lund", "fictional": true,
            "sector": "food", "levels": ["mellemtrin"],
            "headline": "Jeg bager brød", "story": "Ida startede et bageri.",
            "path": [{"year": 2010, "text": "Bagerlærling"}, {"year": 2018, "text": "Eget bageri"}]
        })
        .to_string(),
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
    site.write(
        "lessons/index.json",
        &json!({"lessons": ["hand-made"], "role_models": ["ida-bager"], "courses": ["term"]})
            .to_string(),
    );
    site.write(
        "lessons/courses/term.json",
        &json!({
            "id": "term", "title": {"da": "Terminen", "en": "The term"}, "levels": ["mellemtrin"],
            "weeks": [
                {"items": [{"lesson": "hand-made"}]},
                {"title": "To", "note": "**Husk** papir", "items": [{"lesson": "gone"}]}
            ]
        })
        .to_string(),
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
