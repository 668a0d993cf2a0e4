//! Saving the pupil's work, in a real browser: the release build in `dist/`, headless
//! Chromium over WebDriver.
//!
//! What is checked: nothing typed is lost when the page goes away before the 300 ms save
//! delay (reload, navigation, closing the tab); two tabs merge instead of overwriting; a
//! full storage is reported and loses nothing; unreadable saved data is kept aside; every
//! earlier saved format migrates; backups restore on a fresh device, never silently
//! overwrite newer work and hostile files change nothing; erasing asks first; "continue"
//! opens the last step; My work shows the storage status.
//!
//! Run: `cargo test --test browser saving:: -- --test-threads=1`

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};
use support::{page_selector, App, ScratchDir};

/// A shipped lesson with two prompt steps; checked against its file at test time.
const LESSON: &str = "spoerg-og-lyt";
const STEP_A: &str = "my-questions";
const STEP_B: &str = "surprise";

/// The whole state as format versions 1 and 2 saved it; read once and migrated.
const LEGACY_KEY: &str = "spire.progress";
const SETTINGS_KEY: &str = "spire.settings";
/// Each work item is saved under its own key (format 3): `spire.work.lesson:<id>`.
const WORK_PREFIX: &str = "spire.work.";
const KEPT_ASIDE_PREFIX: &str = "spire.kept-aside.";
const JUNK_PREFIX: &str = "spire-test-junk.";

// ----- content ----------------------------------------------------------------------------

/// A lesson file as served from `dist/lessons/`; fails loudly when it is missing.
fn shipped_lesson(id: &str) -> Value {
    let path = support::dist_dir()
        .join("lessons")
        .join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the shipped lesson {id} is missing ({}: {e}); these tests need it",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `(id, type)` of every step of a shipped lesson.
fn steps_of(lesson: &str) -> Vec<(String, String)> {
    shipped_lesson(lesson)["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("lesson {lesson} has no `steps` list"))
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or_default().to_string(),
                s["type"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The position of prompt step `step` in `lesson`; fails loudly when it is not a prompt.
fn prompt_index(lesson: &str, step: &str) -> usize {
    let steps = steps_of(lesson);
    match steps.iter().position(|(id, _)| id == step) {
        Some(i) if steps[i].1 == "prompt" => i,
        _ => panic!("lesson {lesson} has no prompt step {step:?}; its steps are {steps:?}"),
    }
}

fn step_url(lesson: &str, step: &str) -> String {
    format!("#/lessons/{lesson}/{step}")
}

fn field(step: &str) -> String {
    format!("textarea#answer-{step}")
}

fn lesson_key(lesson: &str) -> String {
    format!("lesson:{lesson}")
}

/// The storage key of a lesson's saved work.
fn entry_key(lesson: &str) -> String {
    format!("{WORK_PREFIX}{}", lesson_key(lesson))
}

// ----- the saved state --------------------------------------------------------------------

/// The text answer of `step` in a saved work entry (current format).
fn answer_in(raw: &str, step: &str) -> Option<String> {
    let value: Value = serde_json::from_str(raw).ok()?;
    value["data"]["answers"][step]["value"]["text"]
        .as_str()
        .map(String::from)
}

/// The saved entry of a lesson's work.
async fn stored(app: &App, lesson: &str) -> Option<String> {
    app.local_storage_get(&entry_key(lesson)).await
}

/// Every saved entry but the kept-aside copies, as one sorted JSON text: to compare what is
/// saved before and after something that must change nothing.
async fn saved_state(app: &App) -> String {
    app.js_value(
        "return JSON.stringify(Object.keys(localStorage).filter(k => k.startsWith('spire.') \
         && !k.startsWith(arguments[0])).sort().map(k => [k, localStorage.getItem(k)]))",
        vec![json!(KEPT_ASIDE_PREFIX)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn stored_answer(app: &App, lesson: &str, step: &str) -> Option<String> {
    stored(app, lesson)
        .await
        .and_then(|raw| answer_in(&raw, step))
}

/// Waits until the lesson's saved entry holds `want` as the answer of `step`.
async fn expect_stored(app: &App, lesson: &str, step: &str, want: &str) {
    let ok = app
        .try_wait_until(async || stored_answer(app, lesson, step).await.as_deref() == Some(want))
        .await;
    if !ok {
        let raw = stored(app, lesson).await;
        app.fail(&format!(
            "{} never held {want:?} for {step}; it holds: {raw:?}",
            entry_key(lesson)
        ))
        .await;
    }
}

// ----- the page ---------------------------------------------------------------------------

/// Opens a prompt step of a shipped lesson and waits for its answer field.
async fn open_step(app: &App, lesson: &str, step: &str) {
    prompt_index(lesson, step);
    app.open(&step_url(lesson, step)).await;
    app.wait_for_visible(&field(step)).await;
}

async fn field_value(app: &App, step: &str) -> Option<String> {
    app.try_js_value(
        "const e = document.getElementById(arguments[0]); return e ? e.value : null",
        vec![json!(format!("answer-{step}"))],
    )
    .await
    .and_then(|v| v.as_str().map(String::from))
}

/// Waits until the answer field of `step` shows exactly `want`.
async fn expect_field(app: &App, step: &str, want: &str) {
    let ok = app
        .try_wait_until(async || field_value(app, step).await.as_deref() == Some(want))
        .await;
    if !ok {
        let shown = field_value(app, step).await;
        let raw = saved_state(app).await;
        app.fail(&format!(
            "the answer field of {step} should show {want:?} but shows {shown:?}\n  \
             saved: {raw}"
        ))
        .await;
    }
}

async fn save_status(app: &App) -> String {
    app.attr_of("#save-status", "data-status")
        .await
        .unwrap_or_default()
}

/// Checks that `text` is typed but not saved yet (the 300 ms save delay is still running),
/// so what follows really tests the flush and not the ordinary debounced save.
async fn assert_not_saved_yet(app: &App, lesson: &str, step: &str, text: &str) {
    let state = app
        .js_value(
            "return [document.getElementById('save-status').getAttribute('data-status'), \
             localStorage.getItem(arguments[0])]",
            vec![json!(entry_key(lesson))],
        )
        .await;
    let status = state[0].as_str().unwrap_or_default().to_string();
    let raw = state[1].as_str().unwrap_or_default().to_string();
    assert_eq!(
        status, "saving",
        "the save was expected to be still pending right after typing"
    );
    assert_ne!(
        answer_in(&raw, step).as_deref(),
        Some(text),
        "the debounced save already ran before the page went away, so this run does not test \
         the flush (the machine was too slow?)"
    );
}

async fn storage_keys(app: &App, prefix: &str) -> Vec<String> {
    let value = app
        .js_value(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort()",
            vec![json!(prefix)],
        )
        .await;
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// `localStorage` is empty of the junk keys again.
async fn remove_junk(app: &App) {
    app.js_value(
        "Object.keys(localStorage).filter(k => k.startsWith(arguments[0]))\
         .forEach(k => localStorage.removeItem(k))",
        vec![json!(JUNK_PREFIX)],
    )
    .await;
}

// ----- files ------------------------------------------------------------------------------

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A backup file made from what the app saved: the settings entry and every work entry,
/// put together in a `spire-backup` envelope as the format describes it.
async fn backup_from_storage(app: &App) -> String {
    let entries = app
        .js_value(
            "return Object.keys(localStorage).filter(k => k.startsWith('spire.')) \
             .map(k => [k, localStorage.getItem(k)])",
            vec![],
        )
        .await;
    let mut work = serde_json::Map::new();
    let mut data = json!({"settings": {}, "erased_at": 0});
    for entry in entries.as_array().expect("a list of entries") {
        let key = entry[0].as_str().unwrap_or_default();
        let value: Value =
            serde_json::from_str(entry[1].as_str().unwrap_or("null")).unwrap_or_default();
        if let Some(work_key) = key.strip_prefix(WORK_PREFIX) {
            assert_eq!(value["format"], "spire-work", "{key}: {value}");
            work.insert(work_key.to_string(), value["data"].clone());
        } else if key == SETTINGS_KEY {
            assert_eq!(value["format"], "spire-settings", "{key}: {value}");
            data = value["data"].clone();
        }
    }
    assert!(!work.is_empty(), "nothing is saved to make a backup of");
    data["work"] = Value::Object(work);
    serde_json::to_string_pretty(&json!({
        "format": "spire-backup",
        "version": 3,
        "exported_at": now_ms(),
        "app_version": "x",
        "data": data,
    }))
    .expect("serialise a backup")
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()))
}

// ----- 1-3: nothing typed is lost when the page goes away ----------------------------------

#[tokio::test]
async fn reload_right_after_typing_keeps_the_text() {
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    let text = "Hvad kan du bedst lide ved skolen?";
    app.type_into(&field(STEP_A), text).await;
    assert_not_saved_yet(&app, LESSON, STEP_A, text).await;
    app.reload().await;

    app.wait_for_visible(&field(STEP_A)).await;
    expect_field(&app, STEP_A, text).await;
    assert_eq!(
        stored_answer(&app, LESSON, STEP_A).await.as_deref(),
        Some(text)
    );
}

#[tokio::test]
async fn navigating_away_within_300ms_keeps_the_text() {
    let app = App::at_root().await;

    // 1. A navigation link inside the app, then back.
    open_step(&app, LESSON, STEP_A).await;
    let first = "Clicked away at once";
    app.type_into(&field(STEP_A), first).await;
    assert_not_saved_yet(&app, LESSON, STEP_A, first).await;
    app.click_nav("about").await;
    app.wait_for_page("about").await;
    app.back().await;
    app.wait_for_visible(&field(STEP_A)).await;
    expect_field(&app, STEP_A, first).await;
    expect_stored(&app, LESSON, STEP_A, first).await;

    // 2. Another URL of the app with a full page load, in the same script as the check that
    //    nothing is saved yet.
    open_step(&app, LESSON, STEP_B).await;
    let second = "Left with a full page load";
    app.type_into(&field(STEP_B), second).await;
    let about = format!("{}#/about", app.base_url());
    let before = app
        .try_js_value(
            "const state = [document.getElementById('save-status').getAttribute('data-status'), \
             localStorage.getItem(arguments[1])]; \
             window.__spireOldDocument = true; \
             window.location.href = arguments[0]; location.reload(); return state",
            vec![json!(about), json!(entry_key(LESSON))],
        )
        .await
        .expect("the navigation script ran");
    assert_eq!(
        before[0], "saving",
        "the save ran before the page went away"
    );
    assert_ne!(
        answer_in(before[1].as_str().unwrap_or_default(), STEP_B).as_deref(),
        Some(second),
        "the save ran before the page went away"
    );
    app.wait_until("a new document shows the about page", async || {
        app.try_js_value(
            "return !window.__spireOldDocument && !!document.querySelector(arguments[0])",
            vec![json!(page_selector("about"))],
        )
        .await
            == Some(Value::Bool(true))
    })
    .await;
    open_step(&app, LESSON, STEP_B).await;
    expect_field(&app, STEP_B, second).await;

    // 3. WebDriver opens a different document of the same server (a full load), then the
    //    lesson again (another full load).
    open_step(&app, LESSON, STEP_A).await;
    let third = " and left by opening another URL";
    app.type_into(&field(STEP_A), third).await;
    let both = format!("{first}{third}");
    assert_not_saved_yet(&app, LESSON, STEP_A, &both).await;
    app.open("index.html#/about").await;
    app.wait_for_page("about").await;
    app.open(&step_url(LESSON, STEP_A)).await;
    app.wait_for_visible(&field(STEP_A)).await;
    expect_field(&app, STEP_A, &both).await;
    assert_eq!(
        stored_answer(&app, LESSON, STEP_B).await.as_deref(),
        Some(second)
    );
}

#[tokio::test]
async fn closing_the_tab_right_after_typing_keeps_the_text() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    let first = app.window().await;

    let second = app.new_window().await;
    app.switch_to(&second).await;
    open_step(&app, LESSON, STEP_A).await;
    let text = "Typed, and the tab was closed";
    app.type_into(&field(STEP_A), text).await;
    assert_not_saved_yet(&app, LESSON, STEP_A, text).await;
    app.client()
        .close_window()
        .await
        .expect("close the second tab");

    app.switch_to(&first).await;
    app.open(&step_url(LESSON, STEP_A)).await;
    app.reload().await;
    app.wait_for_visible(&field(STEP_A)).await;
    expect_field(&app, STEP_A, text).await;
    assert_eq!(
        stored_answer(&app, LESSON, STEP_A).await.as_deref(),
        Some(text)
    );
}

// ----- 4: two tabs ------------------------------------------------------------------------

#[tokio::test]
async fn two_tabs_see_each_others_changes_and_do_not_overwrite() {
    let app = App::at_root().await;
    let a = app.window().await;
    open_step(&app, LESSON, STEP_A).await;
    let b = app.new_window().await;
    app.switch_to(&b).await;
    open_step(&app, LESSON, STEP_A).await;

    // Typed in A, shown in B without a reload.
    app.switch_to(&a).await;
    let from_a = "Written in tab A";
    app.type_into(&field(STEP_A), from_a).await;
    app.switch_to(&b).await;
    expect_field(&app, STEP_A, from_a).await;

    // B works on another step; A keeps its own text and gets B's.
    open_step(&app, LESSON, STEP_B).await;
    let from_b = "Written in tab B";
    app.type_into(&field(STEP_B), from_b).await;
    app.switch_to(&a).await;
    expect_field(&app, STEP_A, from_a).await;
    expect_stored(&app, LESSON, STEP_B, from_b).await;
    expect_stored(&app, LESSON, STEP_A, from_a).await;

    // Both tabs edit at the same time, each within the other's save delay.
    let more_a = " and more from A";
    let more_b = " and more from B";
    app.type_into(&field(STEP_A), more_a).await;
    app.switch_to(&b).await;
    app.type_into(&field(STEP_B), more_b).await;
    let (all_a, all_b) = (format!("{from_a}{more_a}"), format!("{from_b}{more_b}"));
    expect_stored(&app, LESSON, STEP_A, &all_a).await;
    expect_stored(&app, LESSON, STEP_B, &all_b).await;
    // Let any late save of either tab run, then check nothing was overwritten.
    tokio::time::sleep(Duration::from_millis(800)).await;

    for (name, window) in [("B", &b), ("A", &a)] {
        app.switch_to(window).await;
        app.reload().await;
        app.open(&step_url(LESSON, STEP_A)).await;
        app.wait_for_visible(&field(STEP_A)).await;
        expect_field(&app, STEP_A, &all_a).await;
        open_step(&app, LESSON, STEP_B).await;
        expect_field(&app, STEP_B, &all_b).await;
        assert_eq!(
            stored_answer(&app, LESSON, STEP_A).await.as_deref(),
            Some(all_a.as_str()),
            "after reloading tab {name}"
        );
    }
}

/// The texts of a brainstorm's ideas as shown, in order.
async fn ideas_shown(app: &App) -> Vec<String> {
    let value = app
        .js_value(
            "return Array.from(document.querySelectorAll('main .ideas li input')).map(i => i.value)",
            vec![],
        )
        .await;
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

async fn expect_ideas(app: &App, what: &str, want: &[&str]) {
    let ok = app
        .try_wait_until(async || ideas_shown(app).await == want)
        .await;
    if !ok {
        let shown = ideas_shown(app).await;
        let raw = stored(app, BRAINSTORM_LESSON).await;
        app.fail(&format!(
            "{what}: the ideas should be {want:?} but are {shown:?}\n  saved: {raw:?}"
        ))
        .await;
    }
}

const BRAINSTORM_LESSON: &str = "ide-storm";
const BRAINSTORM_STEP: &str = "ideas";

async fn open_brainstorm(app: &App) {
    app.open(&step_url(BRAINSTORM_LESSON, BRAINSTORM_STEP))
        .await;
    app.wait_for_visible(&format!("#new-idea-{BRAINSTORM_STEP}"))
        .await;
}

async fn add_idea(app: &App, text: &str) {
    app.type_into(
        &format!("#new-idea-{BRAINSTORM_STEP}"),
        &format!("{text}\u{E007}"),
    )
    .await;
    // By its text, not by a count: the other tab's ideas may arrive meanwhile.
    app.wait_until(&format!("the idea {text:?} is listed"), async || {
        ideas_shown(app).await.iter().any(|t| t == text)
    })
    .await;
}

/// Appends `more` to the idea now reading `text`.
async fn edit_idea(app: &App, text: &str, more: &str) {
    let i = ideas_shown(app)
        .await
        .iter()
        .position(|t| t == text)
        .unwrap_or_else(|| panic!("no idea reads {text:?}"));
    app.type_into(&format!("main .ideas li:nth-child({}) input", i + 1), more)
        .await;
}

#[tokio::test]
async fn two_tabs_adding_editing_and_deleting_ideas_keep_everything() {
    let files = ScratchDir::new("ideas-backup");
    let app = App::at_root().await;
    let a = app.window().await;
    open_brainstorm(&app).await;
    add_idea(&app, "A1").await;
    add_idea(&app, "A2").await;
    let b = app.new_window().await;
    app.switch_to(&b).await;
    open_brainstorm(&app).await;
    expect_ideas(&app, "B sees A's ideas", &["A1", "A2"]).await;

    // Each tab adds an idea and edits a different one, within the other's save delay.
    add_idea(&app, "B1").await;
    edit_idea(&app, "A1", " (B)").await;
    app.switch_to(&a).await;
    add_idea(&app, "A3").await;
    edit_idea(&app, "A2", " (A)").await;
    let all = ["A1 (B)", "A2 (A)", "B1", "A3"];
    expect_ideas(&app, "tab A has both tabs' work", &all).await;
    app.switch_to(&b).await;
    expect_ideas(&app, "tab B has both tabs' work", &all).await;

    // A backup made now still holds B1.
    let older = files.write("older.json", backup_from_storage(&app).await);
    assert!(std::fs::read_to_string(&older).unwrap().contains("B1"));

    // Tab A deletes B's idea.
    app.switch_to(&a).await;
    app.click("main .ideas li:nth-child(3) .delete-idea").await;
    let left = ["A1 (B)", "A2 (A)", "A3"];
    expect_ideas(&app, "the deleted idea is gone in A", &left).await;
    app.switch_to(&b).await;
    expect_ideas(&app, "the deleted idea is gone in B", &left).await;

    for (name, window) in [("A", &a), ("B", &b)] {
        app.switch_to(window).await;
        app.reload().await;
        app.wait_for_visible(&format!("#new-idea-{BRAINSTORM_STEP}"))
            .await;
        expect_ideas(&app, &format!("after reloading tab {name}"), &left).await;
    }

    // Restoring the older backup by merging does not bring the deleted idea back, nor undo
    // the edits.
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.pick_files("#restore-file", &[&older]).await;
    app.wait_for_visible("#restore-preview").await;
    app.click("#restore-merge").await;
    app.wait_for_visible("#restore-done").await;
    open_brainstorm(&app).await;
    expect_ideas(&app, "after restoring an older backup", &left).await;
    app.reload().await;
    app.wait_for_visible(&format!("#new-idea-{BRAINSTORM_STEP}"))
        .await;
    expect_ideas(&app, "after restoring and reloading", &left).await;
    app.switch_to(&a).await;
    expect_ideas(&app, "in the other tab after the restore", &left).await;
}

// ----- 5: storage full --------------------------------------------------------------------

#[tokio::test]
async fn storage_full_is_reported_and_nothing_saved_earlier_is_lost() {
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    let early = "Saved before the storage was full";
    app.type_into(&field(STEP_A), early).await;
    expect_stored(&app, LESSON, STEP_A, early).await;
    app.wait_until("the status says saved", async || {
        save_status(&app).await == "saved"
    })
    .await;

    // Fill localStorage until not even one more character fits.
    let filled = app
        .js_value(
            "let n = 0, size = 1 << 20, err = null; \
             while (size >= 1) { \
               try { localStorage.setItem(arguments[0] + n, 'x'.repeat(size)); n++; } \
               catch (e) { if (e.name !== 'QuotaExceededError' && e.code !== 22) { err = String(e); break; } \
                           size = Math.floor(size / 2); } \
             } \
             return [n, err];",
            vec![json!(JUNK_PREFIX)],
        )
        .await;
    assert!(
        filled[1].is_null(),
        "filling localStorage failed: {}",
        filled[1]
    );
    assert!(filled[0].as_u64().unwrap_or(0) > 0, "no junk was stored");

    let more = " - and this was typed when nothing more fit in the storage";
    app.type_into(&field(STEP_A), more).await;
    let ok = app
        .try_wait_until(async || save_status(&app).await == "full")
        .await;
    if !ok {
        let status = save_status(&app).await;
        remove_junk(&app).await;
        panic!("#save-status never said data-status=\"full\"; it says {status:?}");
    }
    let notice_ok = app
        .try_wait_until(async || app.count("#storage-full-notice").await == 1)
        .await;
    let backup_buttons = app
        .count("#storage-full-notice button#storage-full-backup")
        .await;
    let raw = stored(&app, LESSON).await;
    let shown = field_value(&app, STEP_A).await;
    remove_junk(&app).await;

    assert!(notice_ok, "#storage-full-notice is not shown");
    assert_eq!(
        backup_buttons, 1,
        "#storage-full-notice offers no #storage-full-backup button"
    );
    let raw = raw.expect("the lesson's entry is still there");
    assert_eq!(
        answer_in(&raw, STEP_A).as_deref(),
        Some(early),
        "what was saved before the storage was full changed: {raw}"
    );
    let all = format!("{early}{more}");
    assert_eq!(
        shown.as_deref(),
        Some(all.as_str()),
        "the page lost what could not be saved"
    );

    // With room again, the next edit saves everything and the notice goes away.
    app.type_into(&field(STEP_A), ".").await;
    let all = format!("{all}.");
    expect_stored(&app, LESSON, STEP_A, &all).await;
    app.wait_until("the status says saved again", async || {
        save_status(&app).await == "saved"
    })
    .await;
    app.wait_until("the storage-full notice is gone", async || {
        app.count("#storage-full-notice").await == 0
    })
    .await;
}

// ----- 6: unreadable saved data -----------------------------------------------------------

#[tokio::test]
async fn corrupted_storage_is_kept_aside_and_offered() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;

    let work = entry_key(LESSON);
    let cases = [
        (
            "a work entry that is not JSON",
            work.as_str(),
            "{\"format\":\"spire-work\",\"version\":3,\"data\":{\"answers\":",
        ),
        (
            "a work entry of the wrong shape",
            work.as_str(),
            "{\"format\":\"spire-work\",\"version\":3,\"key\":\"lesson:spoerg-og-lyt\",\"data\":[]}",
        ),
        (
            "a work entry filed under another lesson's name",
            work.as_str(),
            "{\"format\":\"spire-work\",\"version\":3,\"key\":\"lesson:other\",\"data\":{}}",
        ),
        ("settings that are not JSON", SETTINGS_KEY, "{\"format\":"),
        (
            "an old whole state of the wrong shape",
            LEGACY_KEY,
            "{\"format\":\"spire-progress\",\"version\":2,\"data\":[]}",
        ),
    ];
    for (what, key, raw) in cases {
        app.open("").await;
        // The app has started (and read storage) before the test changes storage under it.
        app.wait_for_page("home").await;
        app.js_value("localStorage.clear()", vec![]).await;
        // Readable work beside the broken entry must load untouched.
        let other = entry_key("ide-storm");
        let readable = json!({"format": "spire-work", "version": 3, "key": "lesson:ide-storm",
            "data": {"answers": {"funniest": {"value": {"kind": "text", "text": "Kept"}, "updated": 5}},
                     "meta_updated": 5, "updated": 5}})
        .to_string();
        app.local_storage_set(&other, &readable).await;
        app.local_storage_set(key, raw).await;
        app.reload().await;

        app.wait_for_page("home").await;
        app.wait_for_visible("#kept-aside-notice").await;
        let kept = storage_keys(&app, KEPT_ASIDE_PREFIX).await;
        assert_eq!(kept.len(), 1, "{what}: kept-aside keys {kept:?}");
        assert_eq!(
            app.local_storage_get(&kept[0]).await.as_deref(),
            Some(raw),
            "{what}: {} does not hold the exact raw text",
            kept[0]
        );
        assert_eq!(
            app.local_storage_get(&other).await.as_deref(),
            Some(readable.as_str()),
            "{what}: the readable entry beside it changed"
        );

        // The next start finds readable data and keeps nothing aside again.
        app.reload().await;
        app.wait_for_page("home").await;
        app.settle(Duration::from_millis(500)).await;
        assert_eq!(
            storage_keys(&app, KEPT_ASIDE_PREFIX).await,
            kept,
            "{what}: the second start kept something aside again"
        );
        assert_eq!(
            app.count("#kept-aside-notice").await,
            0,
            "{what}: the notice is shown again on the next start"
        );

        app.click_nav("my-work").await;
        app.wait_for_page("my-work").await;
        app.wait_until(
            &format!("{what}: My work lists one kept-aside item"),
            async || app.count(".kept-item").await == 1,
        )
        .await;
        assert_eq!(
            app.count(".kept-item button.download-kept").await,
            1,
            "{what}: the kept-aside item has no download button"
        );
        app.wait_for(&format!(
            ".work-item[data-work=\"{}\"]",
            lesson_key("ide-storm")
        ))
        .await;
    }
}

#[tokio::test]
async fn data_from_a_newer_app_opens_read_only_and_is_never_overwritten() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    let future = "{\"format\":\"spire-work\",\"version\":99,\"key\":\"lesson:ide-storm\",\"data\":{\"new\":1}}";
    app.local_storage_set(&entry_key("ide-storm"), future).await;
    app.reload().await;
    app.wait_for_page("home").await;
    app.wait_for_visible("#newer-app-notice").await;
    assert!(
        app.text_of("#newer-app-notice").await.contains("99"),
        "the notice names the data version"
    );
    app.wait_until("the status says read-only", async || {
        save_status(&app).await == "readonly"
    })
    .await;
    let before = saved_state(&app).await;

    // Typing shows, but nothing is written, however long we wait or when the tab hides.
    open_step(&app, LESSON, STEP_A).await;
    app.type_into(&field(STEP_A), "typed in a read-only tab")
        .await;
    expect_field(&app, STEP_A, "typed in a read-only tab").await;
    app.settle(Duration::from_millis(700)).await;
    app.open("#/about").await;
    app.wait_for_page("about").await;
    assert_eq!(saved_state(&app).await, before, "a read-only tab wrote");
    assert_eq!(storage_keys(&app, KEPT_ASIDE_PREFIX).await.len(), 0);
    assert_eq!(
        app.local_storage_get(&entry_key("ide-storm"))
            .await
            .as_deref(),
        Some(future)
    );
}

#[tokio::test]
async fn unreadable_data_that_cannot_be_kept_aside_is_never_overwritten() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for_page("home").await;
    // A broken entry for the lesson, large enough that no copy of it fits once storage is full.
    let broken = format!(
        "{{\"format\":\"spire-work\",\"broken\":\"{}",
        "z".repeat(200_000)
    );
    app.local_storage_set(&entry_key(LESSON), &broken).await;
    let filled = app
        .js_value(
            "let n = 0, size = 1 << 20; \
             while (size >= 1) { \
               try { localStorage.setItem(arguments[0] + n, 'x'.repeat(size)); n++; } \
               catch (e) { size = Math.floor(size / 2); } \
             } return n;",
            vec![json!(JUNK_PREFIX)],
        )
        .await;
    assert!(filled.as_u64().unwrap_or(0) > 0, "no junk was stored");
    app.reload().await;
    app.wait_for_page("home").await;
    let blocked = app
        .try_wait_until(async || save_status(&app).await == "blocked")
        .await;
    let notice = app.count("#blocked-notice").await;
    open_step(&app, LESSON, STEP_A).await;
    app.type_into(&field(STEP_A), "must not be written over the broken entry")
        .await;
    app.settle(Duration::from_millis(700)).await;
    let after = stored(&app, LESSON).await;
    let kept = storage_keys(&app, KEPT_ASIDE_PREFIX).await;
    remove_junk(&app).await;
    assert!(blocked, "the status never said blocked");
    assert_eq!(notice, 1, "#blocked-notice explains why nothing is saved");
    assert_eq!(
        after.as_deref(),
        Some(broken.as_str()),
        "the broken entry was overwritten"
    );
    assert!(kept.is_empty(), "a partial copy was kept aside: {kept:?}");
}

// ----- 7: earlier formats -----------------------------------------------------------------

#[tokio::test]
async fn every_earlier_format_version_migrates_in_the_browser() {
    // The fixtures name this lesson and step; the fixtures are authoritative.
    let lesson = "problem-jaeger";
    let step = "my-problem";
    let lesson_steps = steps_of(lesson);
    let lesson_has_step = lesson_steps
        .iter()
        .any(|(id, kind)| id == step && kind == "prompt");
    let mut mismatches = Vec::new();

    for name in ["v1.json", "v2.json", "v3.json"] {
        let raw = fixture(name);
        let value: Value = serde_json::from_str(&raw).expect("the fixture is JSON");
        let version = value["version"]
            .as_u64()
            .expect("the fixture has a version");
        let (text, work_keys, lang, pupil) = match version {
            1 => (
                value["lessons"][lesson]["answers"][step].as_str(),
                value["lessons"]
                    .as_object()
                    .map(|l| l.keys().map(|k| format!("lesson:{k}")).collect::<Vec<_>>()),
                value["lang"].as_str(),
                None,
            ),
            2 | 3 => (
                value["data"]["work"][lesson_key(lesson)]["answers"][step]["value"]["text"]
                    .as_str(),
                value["data"]["work"]
                    .as_object()
                    .map(|w| w.keys().cloned().collect::<Vec<_>>()),
                value["data"]["settings"]["lang"].as_str(),
                value["data"]["settings"]["name"].as_str(),
            ),
            other => panic!("{name}: a fixture of version {other} is not known to this test"),
        };
        let text = text.unwrap_or_else(|| panic!("{name} has no text for {lesson}/{step}"));
        let work_keys = work_keys.unwrap_or_else(|| panic!("{name} lists no work"));
        assert!(work_keys.contains(&lesson_key(lesson)), "{name}");

        let app = App::at_root().await;
        app.open("").await;
        app.wait_for_page("home").await;
        app.local_storage_set(LEGACY_KEY, &raw).await;
        app.reload().await;
        app.wait_for_page("home").await;
        if let Some(lang) = lang {
            app.wait_until(&format!("{name}: <html lang> is {lang:?}"), async || {
                app.html_lang().await == lang
            })
            .await;
        }
        // At start-up the whole state becomes one entry per work item, and the old key goes.
        app.wait_until(&format!("{name}: {LEGACY_KEY} is migrated"), async || {
            app.local_storage_get(LEGACY_KEY).await.is_none()
        })
        .await;
        assert_eq!(
            app.count("#kept-aside-notice").await,
            0,
            "{name}: a readable earlier version was reported as unreadable"
        );
        for key in &work_keys {
            let raw = app
                .local_storage_get(&format!("{WORK_PREFIX}{key}"))
                .await
                .unwrap_or_else(|| panic!("{name}: {key} was not saved as an entry of its own"));
            let entry: Value = serde_json::from_str(&raw).expect("an entry is JSON");
            assert_eq!(entry["version"], 3, "{name}: {key}: {raw}");
        }
        assert_eq!(
            stored_answer(&app, lesson, step).await.as_deref(),
            Some(text),
            "{name}: the migrated answer is not in the saved data"
        );

        app.click_nav("my-work").await;
        app.wait_for_page("my-work").await;
        for key in &work_keys {
            app.wait_for(&format!(".work-item[data-work=\"{key}\"]"))
                .await;
        }
        if let Some(pupil) = pupil {
            app.wait_until(
                &format!("{name}: the name field shows {pupil:?}"),
                async || {
                    app.js("return document.getElementById('pupil-name').value")
                        .await
                        == pupil
                },
            )
            .await;
        }

        if lesson_has_step {
            app.open(&step_url(lesson, step)).await;
            app.wait_for(".player section.step").await;
            expect_field(&app, step, text).await;
        } else {
            mismatches.push(format!(
                "{name}: the migrated text of {lesson}/{step} ({text:?}) cannot be shown: \
                 the shipped lesson has no prompt step {step:?} (its steps: {lesson_steps:?})"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "the fixtures and the shipped lesson disagree (the fixtures are authoritative):\n{}",
        mismatches.join("\n")
    );
}

// ----- 8-10: backups ----------------------------------------------------------------------

/// Restores `file` by merging, on a fresh browser profile, and checks the text arrives.
async fn restore_on_a_fresh_device(file: &Path, text: &str) {
    let app = App::at_root().await;
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    assert_eq!(
        app.count(".work-item").await,
        0,
        "the fresh device has work"
    );
    app.pick_files("#restore-file", &[file]).await;
    app.wait_for_visible("#restore-preview").await;
    app.click("#restore-merge").await;
    app.wait_for_visible("#restore-done").await;
    app.wait_for(&format!(".work-item[data-work=\"{}\"]", lesson_key(LESSON)))
        .await;
    expect_stored(&app, LESSON, STEP_A, text).await;
    open_step(&app, LESSON, STEP_A).await;
    expect_field(&app, STEP_A, text).await;
    app.reload().await;
    expect_field(&app, STEP_A, text).await;
}

#[tokio::test]
async fn backup_downloads_and_restores_on_another_device() {
    let files = ScratchDir::new("backup");
    let text = "This answer travels in a backup";

    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    app.type_into(&field(STEP_A), text).await;
    expect_stored(&app, LESSON, STEP_A, text).await;
    let built = files.write("built-backup.json", backup_from_storage(&app).await);

    // The real download, captured in this test's download folder: it must arrive.
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.click("#download-backup").await;
    let (name, bytes) = app.wait_for_download("spire-backup-*.json").await;
    let body = String::from_utf8(bytes).expect("the backup is UTF-8");
    let value: Value = serde_json::from_str(&body).expect("the backup is JSON");
    assert_eq!(value["format"], "spire-backup", "{name}: {body}");
    assert_eq!(
        value["data"]["work"][lesson_key(LESSON)]["answers"][STEP_A]["value"]["text"],
        text,
        "the downloaded backup lacks the answer: {body}"
    );
    let real = files.write(&name, &body);
    drop(app);

    restore_on_a_fresh_device(&built, text).await;
    restore_on_a_fresh_device(&real, text).await;
}

#[tokio::test]
async fn restore_never_silently_overwrites_newer_work() {
    let files = ScratchDir::new("older-backup");
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    let old = "The first draft";
    app.type_into(&field(STEP_A), old).await;
    expect_stored(&app, LESSON, STEP_A, old).await;
    let older = files.write("older.json", backup_from_storage(&app).await);

    tokio::time::sleep(Duration::from_millis(20)).await;
    let newer = format!("{old}, made better later");
    app.type_into(&field(STEP_A), ", made better later").await;
    expect_stored(&app, LESSON, STEP_A, &newer).await;
    app.wait_until("the status says saved", async || {
        save_status(&app).await == "saved"
    })
    .await;

    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    let before = saved_state(&app).await;
    app.pick_files("#restore-file", &[&older]).await;
    app.wait_for_visible("#restore-preview").await;
    app.click("#restore-replace").await;
    app.wait_for_visible("#restore-replace-confirm").await;
    assert_eq!(
        app.count("#restore-loses").await,
        1,
        "the confirmation does not say what would be lost"
    );
    assert_eq!(
        app.count("#restore-done").await,
        0,
        "replaced without asking"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        saved_state(&app).await,
        before,
        "choosing Replace changed the saved data before it was confirmed"
    );

    app.click("#restore-cancel").await;
    app.wait_until("the preview is gone after Cancel", async || {
        app.count("#restore-preview").await == 0
    })
    .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        saved_state(&app).await,
        before,
        "Cancel changed the saved data"
    );
    open_step(&app, LESSON, STEP_A).await;
    expect_field(&app, STEP_A, &newer).await;

    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.pick_files("#restore-file", &[&older]).await;
    app.wait_for_visible("#restore-preview").await;
    app.click("#restore-merge").await;
    app.wait_for_visible("#restore-done").await;
    expect_stored(&app, LESSON, STEP_A, &newer).await;
    open_step(&app, LESSON, STEP_A).await;
    expect_field(&app, STEP_A, &newer).await;
    app.reload().await;
    expect_field(&app, STEP_A, &newer).await;
}

#[tokio::test]
async fn hostile_backup_files_are_refused_and_change_nothing() {
    let files = ScratchDir::new("hostile");
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    let text = "Work that must survive hostile files";
    app.type_into(&field(STEP_A), text).await;
    expect_stored(&app, LESSON, STEP_A, text).await;
    let good = backup_from_storage(&app).await;

    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2048u32).map(|i| (i * 7 + 3) as u8));
    let mut big = String::from("{\"format\":\"spire-backup\",\"version\":2,\"data\":{\"pad\":\"");
    big.push_str(&"a".repeat(6 * 1024 * 1024));
    big.push_str("\"}}");
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        (
            "truncated JSON",
            files.write("truncated.json", &good[..good.len() / 2]),
            "afkortet",
        ),
        ("a PNG", files.write("picture.json", &png), "tekstfil"),
        ("a 6 MB file", files.write("big.json", &big), "for stor"),
        (
            "a foreign JSON file",
            files.write("drawing.json", "{\"format\":\"excalidraw\"}"),
            "excalidraw",
        ),
        (
            "a backup from a future version",
            files.write(
                "future.json",
                "{\"format\":\"spire-backup\",\"version\":99,\"exported_at\":1,\"data\":{}}",
            ),
            "99",
        ),
    ];

    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.settle(Duration::from_millis(400)).await;
    let before = saved_state(&app).await;
    for (what, path, says) in cases {
        // A fresh page each time, so each error shown is this file's.
        app.reload().await;
        app.wait_for_page("my-work").await;
        assert_eq!(app.count("#restore-error").await, 0);
        app.pick_files("#restore-file", &[&path]).await;
        app.wait_for_visible("#restore-error").await;
        let message = app.text_of("#restore-error").await;
        assert!(
            message.contains(says),
            "{what}: the error {message:?} does not mention {says:?}"
        );
        assert_eq!(
            app.count("#restore-preview").await,
            0,
            "{what}: a preview was offered"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            saved_state(&app).await,
            before,
            "{what}: the saved data changed"
        );
    }
    open_step(&app, LESSON, STEP_A).await;
    expect_field(&app, STEP_A, text).await;
}

// ----- 11-13: My work and home --------------------------------------------------------------

#[tokio::test]
async fn erase_everything_asks_first_then_erases() {
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    let text = "Soon to be erased";
    app.type_into(&field(STEP_A), text).await;
    expect_stored(&app, LESSON, STEP_A, text).await;

    app.click_nav("my-work").await;
    app.wait_for_page("my-work").await;
    let item = format!(".work-item[data-work=\"{}\"]", lesson_key(LESSON));
    app.wait_for(&item).await;
    app.click("#erase").await;
    app.wait_for_visible("#erase-confirm").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.count(&item).await, 1, "erased before confirming");
    assert_eq!(
        stored_answer(&app, LESSON, STEP_A).await.as_deref(),
        Some(text),
        "erased from storage before confirming"
    );
    assert_eq!(app.count("#erase-done").await, 0);

    app.click("#erase-confirm").await;
    app.wait_for_visible("#erase-done").await;
    app.wait_until("My work lists no work", async || {
        app.count(".work-item").await == 0
    })
    .await;
    assert_eq!(stored_answer(&app, LESSON, STEP_A).await, None);
    let raw = saved_state(&app).await;
    assert!(!raw.contains(text), "the text is still stored: {raw}");

    app.reload().await;
    app.wait_for_page("my-work").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.count(".work-item").await, 0, "work came back on reload");
    open_step(&app, LESSON, STEP_A).await;
    expect_field(&app, STEP_A, "").await;
}

#[tokio::test]
async fn continue_where_you_left_off_opens_the_last_step() {
    let app = App::at_root().await;
    let n = prompt_index(LESSON, STEP_A);
    app.open(&format!("#/lessons/{LESSON}")).await;
    app.wait_for(".player section.step[data-step]").await;
    // Walk to step N with the Next button, as a pupil does.
    for i in 1..=n {
        let (want, _) = steps_of(LESSON)[i].clone();
        app.click("button.next").await;
        app.wait_for(&format!(".player section.step[data-step=\"{want}\"]"))
            .await;
    }
    let text = "I stopped here";
    app.type_into(&field(STEP_A), text).await;

    let want_href = step_url(LESSON, STEP_A);
    for round in ["in the app", "after a reload"] {
        app.click_nav("home").await;
        app.wait_for_page("home").await;
        if round == "after a reload" {
            app.reload().await;
            app.wait_for_page("home").await;
        }
        app.wait_until(
            &format!("{round}: #continue links to {want_href}"),
            async || {
                app.attr_of("#continue a", "href").await.as_deref() == Some(want_href.as_str())
            },
        )
        .await;
        app.click("#continue a").await;
        app.wait_for(&format!(".player section.step[data-step=\"{STEP_A}\"]"))
            .await;
        assert_eq!(app.current_hash().await, want_href, "{round}");
        expect_field(&app, STEP_A, text).await;
    }
}

#[tokio::test]
async fn my_work_shows_storage_status() {
    let app = App::at_root().await;
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.wait_for_visible("#storage-info").await;
    app.wait_until("#storage-usage shows numbers", async || {
        app.text_of("#storage-usage")
            .await
            .chars()
            .any(|c| c.is_ascii_digit())
    })
    .await;
    app.wait_until(
        "#storage-persisted says whether storage is kept",
        async || {
            matches!(
                app.attr_of("#storage-persisted", "data-persisted")
                    .await
                    .as_deref(),
                Some("true" | "false")
            )
        },
    )
    .await;
    assert!(!app.text_of("#storage-persisted").await.trim().is_empty());
    assert!(!app.text_of("#storage-usage").await.trim().is_empty());
}

#[tokio::test]
async fn saving_does_not_move_the_header() {
    let app = App::at_root().await;
    open_step(&app, LESSON, STEP_A).await;
    // Where the language button is with each text the save status shows while work is
    // saved (a save can start and end within one task, so the test sets them in turn).
    let moves = app
        .js_value(
            "const status = document.getElementById('save-status'); \
             const button = document.getElementById('lang-switch'); \
             const before = status.textContent; \
             const xs = ['Gemmer …', 'Gemt', 'Saving …', 'Saved'].map(t => { \
               status.textContent = t; \
               return [t, Math.round(button.getBoundingClientRect().x)]; }); \
             status.textContent = before; \
             return xs;",
            vec![],
        )
        .await;
    let moves: Vec<(String, i64)> = serde_json::from_value(moves).expect("four positions");
    assert!(
        moves.iter().all(|(_, x)| *x == moves[0].1),
        "the language button moves with the save status: {moves:?}"
    );
}
