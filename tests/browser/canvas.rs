//! Idea canvases in a real browser: the board driven by keyboard and by pointer (mouse and
//! touch), undo and redo across a reload, two tabs on one canvas and a restored backup, My
//! canvases (gallery, rename, duplicate, delete), a canvas moved to a fresh profile as a
//! file, hostile files, one-page A4 landscape print, SVG and PNG images, a photo on a note
//! (camera and file, undo, reload, print, images, the canvas file to a fresh profile), and
//! canvases of templates written to the v1 contract.
//!
//! Run after `make dist`:
//! `scripts/with-process-group.sh cargo test --test browser canvas:: -- --test-threads=1`.

use crate::support;

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use serde_json::{json, Value};
use support::{App, ScratchDir, Site};

// ----- a site with content written here to the v1 contract --------------------------------

/// A template nobody shipped, written to the contract: plain-string texts, defaults for
/// `width`/`height`, a block spanning two columns, blocks listed out of reading order.
fn contract_template() -> Value {
    json!({
        "id": "team-board",
        "title": "Team board",
        "attribution": "Team board by the test suite, https://example.org/licence",
        "levels": ["udskoling"],
        "columns": 2,
        "rows": 2,
        "blocks": [
            {"id": "how", "title": "How", "prompt": "How does it work?", "col": 1, "row": 2, "width": 2},
            {"id": "who", "title": "Who", "prompt": "Who is it for?", "col": 1, "row": 1},
            {"id": "what", "title": "What", "prompt": "What is it?", "col": 2, "row": 1, "width": 1, "height": 1}
        ]
    })
}

/// Two lessons on the contract template; the second starts from the first's canvas.
fn contract_site(label: &str) -> Site {
    let site = Site::empty(label);
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["first-board", "second-board"], "canvases": ["team-board"]}),
    );
    site.write_content_json(
        "first-board.json",
        &json!({
            "id": "first-board", "title": "First board", "levels": ["udskoling"],
            "steps": [
                {"type": "read", "id": "intro", "body": "Fill the board."},
                {"type": "canvas", "id": "board", "title": "Our board", "canvas": "team-board"}
            ]
        }),
    );
    site.write_content_json(
        "second-board.json",
        &json!({
            "id": "second-board", "title": "Second board", "levels": ["udskoling"],
            "steps": [
                {"type": "canvas", "id": "again", "canvas": "team-board",
                 "recall": {"lesson": "first-board", "step": "board"}}
            ]
        }),
    );
    site.write_content_json("canvases/team-board.json", &contract_template());
    site
}

// ----- page objects: the board ---------------------------------------------------------------

/// Opens `path` and switches the app to English (Danish is the default), so accessible
/// names can be checked in one language.
async fn open_in_english(app: &App, path: &str) {
    app.open(path).await;
    app.wait_for("#lang-switch").await;
    if app.html_lang().await != "en" {
        app.click("#lang-switch").await;
        app.wait_until("the app is in English", async || {
            app.html_lang().await == "en"
        })
        .await;
    }
}

fn block(id: &str) -> String {
    format!("main .board-block[data-block=\"{id}\"]")
}

/// The `n`th note (1-based) of a block.
fn note(block_id: &str, n: usize) -> String {
    format!("{} .note:nth-child({n})", block(block_id))
}

/// The texts of the notes of a block, in order.
async fn notes_of(app: &App, block_id: &str) -> Vec<String> {
    strings(
        app.js_value(
            "return Array.from(document.querySelectorAll(arguments[0] + ' .note-text')).map(t => t.value)",
            vec![json!(block(block_id))],
        )
        .await,
    )
}

async fn wait_notes(app: &App, block_id: &str, want: &[&str]) {
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    let found = app
        .try_wait_until(async || notes_of(app, block_id).await == want)
        .await;
    if !found {
        let now = notes_of(app, block_id).await;
        let said = app
            .js("const a = document.getElementById('board-announcement'); return a ? a.textContent : ''")
            .await;
        let focus = active_description(app).await;
        app.fail(&format!(
            "block {block_id} holds {now:?}, not {want:?} (last announced: {said:?}; focus on {focus})"
        ))
        .await;
    }
}

fn strings(value: Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Adds a note to a block with its Add button (found by its accessible name) and types.
async fn add_note(app: &App, block_id: &str, text: &str) {
    let before = notes_of(app, block_id).await.len();
    app.click(&format!("{} button.add-note", block(block_id)))
        .await;
    let new = note(block_id, before + 1);
    app.wait_until("the new note has focus", async || {
        active_matches(app, &format!("{new} .note-text")).await
    })
    .await;
    type_keys(app, text).await;
}

/// Clicks into a note and types after its text (the caret is put at the end first: a click
/// in a tab that is not in front may leave it at the start).
async fn write_at_end(app: &App, css: &str, text: &str) {
    app.click(css).await;
    app.js_value(
        "const t = document.querySelector(arguments[0]); t.focus(); t.setSelectionRange(t.value.length, t.value.length);",
        vec![json!(css)],
    )
    .await;
    type_keys(app, text).await;
}

/// Types into whatever has focus.
async fn type_keys(app: &App, text: &str) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for c in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("cannot type {text:?}: {e}")).await;
    }
}

/// Presses `key` with the modifiers held (Control, Shift, Alt as `Key`s).
async fn chord(app: &App, modifiers: &[Key], key: Key) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for m in modifiers {
        actions = actions.then(KeyAction::Down { value: (*m).into() });
    }
    let k: char = key.into();
    actions = actions
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    for m in modifiers.iter().rev() {
        actions = actions.then(KeyAction::Up { value: (*m).into() });
    }
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("cannot press {modifiers:?}+{key:?}: {e}"))
            .await;
    }
}

async fn press(app: &App, key: Key) {
    chord(app, &[], key).await;
}

async fn press_char(app: &App, c: char, modifiers: &[Key]) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for m in modifiers {
        actions = actions.then(KeyAction::Down { value: (*m).into() });
    }
    actions = actions
        .then(KeyAction::Down { value: c })
        .then(KeyAction::Up { value: c });
    for m in modifiers.iter().rev() {
        actions = actions.then(KeyAction::Up { value: (*m).into() });
    }
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("cannot press {modifiers:?}+{c}: {e}"))
            .await;
    }
}

/// Waits until the focused element matches `css` (as a user waits to see where focus is
/// before pressing the next key).
async fn wait_focus(app: &App, css: &str) {
    app.wait_until(&format!("focus is on {css}"), async || {
        active_matches(app, css).await
    })
    .await;
}

async fn active_matches(app: &App, css: &str) -> bool {
    app.js_value(
        "const a = document.activeElement; return !!(a && a.matches(arguments[0]))",
        vec![json!(css)],
    )
    .await
        == Value::Bool(true)
}

async fn active_description(app: &App) -> String {
    app.js(
        "const a = document.activeElement; if (!a) return 'nothing'; \
         return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + \
         (a.className ? '.' + String(a.className).split(' ').join('.') : '') + \
         ' \"' + (a.getAttribute('aria-label') || '') + '\"'",
    )
    .await
}

/// Focuses an element the way a keyboard user would reach it: by pressing Tab (at most
/// 150 times).
async fn tab_to(app: &App, css: &str) {
    let mut path = Vec::new();
    for _ in 0..150 {
        if active_matches(app, css).await {
            return;
        }
        press(app, Key::Tab).await;
        path.push(active_description(app).await);
    }
    app.fail(&format!(
        "Tab never reached {css}; focus went through: {}",
        path.join(" → ")
    ))
    .await;
}

/// The accessible name the focused element has (aria-label or its label's text).
async fn focused_name(app: &App) -> String {
    app.js("const a = document.activeElement; if (!a) return ''; \
         if (a.getAttribute('aria-label')) return a.getAttribute('aria-label'); \
         if (a.labels && a.labels.length) return a.labels[0].textContent; \
         return a.textContent")
        .await
}

async fn wait_announced(app: &App, needle: &str) {
    app.wait_until(&format!("the board announces {needle:?}"), async || {
        app.js("const a = document.getElementById('board-announcement'); return a ? a.textContent : ''")
            .await
            .contains(needle)
    })
    .await;
}

/// Waits until some saved work entry contains `needle`.
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

/// Every saved `spire.` entry, to compare before and after something that must change nothing.
async fn saved_state(app: &App) -> Value {
    app.js_value(
        "return Object.keys(localStorage).filter(k => k.startsWith('spire.')).sort() \
         .map(k => [k, localStorage.getItem(k)])",
        vec![],
    )
    .await
}

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

/// Catches downloads in the page instead of letting the browser save files: every
/// `a.click()` on a download link is recorded with its file name and content.
async fn catch_downloads(app: &App) {
    app.js_value(
        "window.__downloads = []; window.__blobs = {};\
         const made = URL.createObjectURL;\
         URL.createObjectURL = function (b) { const u = made.call(URL, b); window.__blobs[u] = b; return u; };\
         HTMLAnchorElement.prototype.click = function () {\
           if (!this.download) { return; }\
           const entry = {name: this.download, text: null};\
           window.__downloads.push(entry);\
           const blob = window.__blobs[this.href];\
           if (blob) { blob.text().then(t => { entry.text = t; }); } else { entry.text = this.href; }\
         };",
        vec![],
    )
    .await;
}

/// The content of the newest caught download whose name ends with `suffix`.
async fn caught_download(app: &App, suffix: &str) -> (String, String) {
    app.wait_for_value(&format!("a download of a {suffix} file"), async || {
        let found = app
            .js_value(
                "const d = (window.__downloads || []).filter(d => d.name.endsWith(arguments[0]) && d.text !== null);\
                 return d.length ? [d[d.length - 1].name, d[d.length - 1].text] : null",
                vec![json!(suffix)],
            )
            .await;
        let list = strings(found);
        (list.len() == 2).then(|| (list[0].clone(), list[1].clone()))
    })
    .await
}

// ----- page objects: My canvases -------------------------------------------------------------

/// Starts a canvas from the gallery by the Start button of a template (found by its
/// accessible name) and returns the new canvas's id.
async fn start_canvas(app: &App, template_title: &str) -> String {
    app.open("#/canvases").await;
    app.wait_for_page("canvases").await;
    let button = app
        .wait_for_value(
            &format!("the Start button for {template_title}"),
            async || {
                let found = app
                    .js_value(
                        "const b = Array.from(document.querySelectorAll('button.start-canvas'))\
                     .find(b => b.getAttribute('aria-label').endsWith(arguments[0]));\
                     return b ? b.closest('[data-template]').getAttribute('data-template') : null",
                        vec![json!(template_title)],
                    )
                    .await;
                found.as_str().map(String::from)
            },
        )
        .await;
    app.click(&format!("[data-template=\"{button}\"] button.start-canvas"))
        .await;
    app.wait_for_page("canvas").await;
    app.wait_for("main .board").await;
    let hash = app.current_hash().await;
    hash.strip_prefix("#/canvases/")
        .unwrap_or_else(|| panic!("the new canvas's address: {hash}"))
        .to_string()
}

// ----- 1. the board by keyboard ---------------------------------------------------------------

#[tokio::test]
async fn the_board_works_by_keyboard_alone() {
    let site = contract_site("keyboard");
    let app = App::serve(site.path(), "/").await;
    open_in_english(&app, "#/lessons/first-board/board").await;
    app.wait_for("main .board").await;

    // Blocks in reading order, each with its prompt while empty, and the attribution with
    // its link.
    let order = strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main .board-block')).map(b => b.dataset.block)",
            vec![],
        )
        .await,
    );
    assert_eq!(order, ["who", "what", "how"]);
    assert_eq!(app.count("main .block-prompt").await, 3);
    assert_eq!(
        app.attr_of("main .board .attribution a", "href")
            .await
            .as_deref(),
        Some("https://example.org/licence")
    );

    // Add two notes to Who with the keyboard: Tab to the Add button, Enter, type.
    tab_to(&app, &format!("{} button.add-note", block("who"))).await;
    assert_eq!(focused_name(&app).await, "Add a note to Who");
    press(&app, Key::Enter).await;
    app.wait_until("the new note's text has focus", async || {
        active_matches(&app, &format!("{} .note-text", note("who", 1))).await
    })
    .await;
    wait_announced(&app, "New note 1 of 1 in Who").await;
    type_keys(&app, "Pupils").await;
    tab_to(&app, &format!("{} button.add-note", block("who"))).await;
    press(&app, Key::Enter).await;
    app.wait_until("the second note has focus", async || {
        active_matches(&app, &format!("{} .note-text", note("who", 2))).await
    })
    .await;
    type_keys(&app, "Teachers").await;
    wait_notes(&app, "who", &["Pupils", "Teachers"]).await;
    assert_eq!(focused_name(&app).await, "Note 2 of 2 in Who");
    assert_eq!(
        app.count(&format!("{} .block-prompt", block("who"))).await,
        0,
        "the prompt gives way to notes"
    );
    wait_saved(&app, "Teachers").await;

    // Alt + arrow while writing: up within the block, and into the next block.
    chord(&app, &[Key::Alt], Key::Up).await;
    wait_notes(&app, "who", &["Teachers", "Pupils"]).await;
    wait_announced(&app, "Moved to Who: note 1 of 2").await;
    // Focus stays in the moved note.
    wait_focus(&app, &format!("{} .note-text", note("who", 1))).await;
    chord(&app, &[Key::Alt], Key::Right).await;
    wait_notes(&app, "what", &["Teachers"]).await;
    wait_notes(&app, "who", &["Pupils"]).await;
    wait_announced(&app, "Moved to What: note 1 of 1").await;
    app.wait_until("focus follows the note into What", async || {
        active_matches(&app, &format!("{} .note-text", note("what", 1))).await
    })
    .await;

    // The handle: arrow keys move, and its name says where the note is.
    press_shift_tab_until(&app, &format!("{} .note-handle", note("what", 1))).await;
    assert_eq!(focused_name(&app).await, "Move note 1 of 1 in What");
    press(&app, Key::Down).await; // the block's last note cannot go down
    wait_announced(&app, "cannot move further").await;
    press(&app, Key::Right).await;
    wait_notes(&app, "how", &["Teachers"]).await;
    app.wait_until("focus is on the moved note's handle", async || {
        active_matches(&app, &format!("{} .note-handle", note("how", 1))).await
    })
    .await;
    assert_eq!(focused_name(&app).await, "Move note 1 of 1 in How");
    press(&app, Key::Left).await;
    wait_focus(&app, &format!("{} .note-handle", note("what", 1))).await;
    press(&app, Key::Left).await;
    wait_notes(&app, "who", &["Pupils", "Teachers"]).await;
    wait_focus(&app, &format!("{} .note-handle", note("who", 2))).await;
    press(&app, Key::Up).await;
    wait_notes(&app, "who", &["Teachers", "Pupils"]).await;

    // Enter on the handle opens the note's menu; Escape closes it again.
    wait_focus(&app, &format!("{} .note-handle", note("who", 1))).await;
    press(&app, Key::Enter).await;
    app.wait_for_visible(&format!("{} .note-menu", note("who", 1)))
        .await;
    press(&app, Key::Escape).await;
    app.wait_until("Escape closes the menu", async || {
        app.count("main .note-menu").await == 0
    })
    .await;

    // The menu: recolour and move to another block, all by keyboard.
    tab_to(&app, &format!("{} .note-menu-button", note("who", 1))).await;
    assert_eq!(focused_name(&app).await, "Actions for note 1 of 2 in Who");
    press(&app, Key::Enter).await;
    app.wait_for_visible(&format!("{} .note-menu", note("who", 1)))
        .await;
    tab_to(
        &app,
        &format!("{} .swatch[data-colour=\"pink\"]", note("who", 1)),
    )
    .await;
    assert_eq!(focused_name(&app).await, "Pink");
    press(&app, Key::Enter).await;
    app.wait_until("the note turns pink", async || {
        app.attr_of(&note("who", 1), "data-colour").await.as_deref() == Some("pink")
    })
    .await;
    wait_announced(&app, "Colour: Pink").await;
    tab_to(&app, &format!("{} .note-move select", note("who", 1))).await;
    assert_eq!(focused_name(&app).await, "Move to the block");
    press(&app, Key::Down).await; // Who → What: a closed select changes on arrow keys
    wait_notes(&app, "what", &["Teachers"]).await;
    app.wait_until(
        "focus returns to the moved note's menu button",
        async || active_matches(&app, &format!("{} .note-menu-button", note("what", 1))).await,
    )
    .await;
    press(&app, Key::Escape).await;

    // Delete with the handle, then undo and redo with the keyboard.
    tab_to(&app, &format!("{} .note-handle", note("who", 1))).await;
    press(&app, Key::Delete).await;
    wait_notes(&app, "who", &[]).await;
    wait_focus(&app, &format!("{} .add-note", block("who"))).await;
    wait_announced(&app, "deleted").await;
    assert_eq!(
        app.count(&format!("{} .block-prompt", block("who"))).await,
        1,
        "the prompt is back"
    );
    press_char(&app, 'z', &[Key::Control]).await;
    wait_notes(&app, "who", &["Pupils"]).await;
    wait_announced(&app, "Undone").await;
    press_char(&app, 'z', &[Key::Control, Key::Shift]).await;
    wait_notes(&app, "who", &[]).await;
    wait_announced(&app, "Redone").await;
    press_char(&app, 'z', &[Key::Control]).await;
    wait_notes(&app, "who", &["Pupils"]).await;

    // Undo survives a reload of the tab: the move to What is the next step back.
    wait_saved(&app, "Pupils").await;
    app.reload().await;
    app.wait_for("main .board").await;
    wait_notes(&app, "what", &["Teachers"]).await;
    app.wait_until("Undo is offered after the reload", async || {
        app.js("const b = document.querySelector('main .board-undo'); return b ? String(b.disabled) : ''")
            .await
            == "false"
    })
    .await;
    app.click("main .board-undo").await;
    wait_notes(&app, "what", &[]).await;
    wait_notes(&app, "who", &["Teachers", "Pupils"]).await;
    app.click("main .board-redo").await;
    wait_notes(&app, "what", &["Teachers"]).await;
    assert_no_panic(&app).await;
}

/// Presses Shift+Tab until the focused element matches `css`.
async fn press_shift_tab_until(app: &App, css: &str) {
    for _ in 0..20 {
        if active_matches(app, css).await {
            return;
        }
        chord(app, &[Key::Shift], Key::Tab).await;
    }
    let at = active_description(app).await;
    app.fail(&format!("Shift+Tab never reached {css}; focus is on {at}"))
        .await;
}

// ----- 2. the board by pointer ------------------------------------------------------------------

/// Drags the handle of `from` onto `to` (an element; the drop lands at `(dx, dy)` from its
/// centre) with a mouse or a finger, through WebDriver pointer actions.
async fn drag(app: &App, from: &str, to: &str, (dx, dy): (f64, f64), touch: bool) {
    let handle = app.wait_for_visible(&format!("{from} .note-handle")).await;
    let target = app.wait_for_visible(to).await;
    let steps = [
        PointerAction::MoveToElement {
            element: handle,
            duration: None,
            x: 0.0,
            y: 0.0,
        },
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
        PointerAction::MoveBy {
            duration: Some(Duration::from_millis(50)),
            x: 0.0,
            y: 12.0,
        },
        PointerAction::MoveToElement {
            element: target.clone(),
            duration: Some(Duration::from_millis(150)),
            x: dx,
            y: dy,
        },
        PointerAction::MoveToElement {
            element: target,
            duration: Some(Duration::from_millis(50)),
            x: dx + 1.0,
            y: dy,
        },
        PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        },
    ];
    app.pointer_gesture(steps, touch, &format!("drag {from} to {to}"))
        .await;
}

#[tokio::test]
async fn the_board_works_by_mouse_and_by_touch() {
    let site = contract_site("pointer");
    let app = App::serve(site.path(), "/").await;
    open_in_english(&app, "#/lessons/first-board/board").await;
    app.wait_for("main .board").await;
    add_note(&app, "who", "One").await;
    add_note(&app, "who", "Two").await;
    add_note(&app, "who", "Three").await;
    wait_notes(&app, "who", &["One", "Two", "Three"]).await;

    // Mouse: Three before One in its own block (the left half of One), then One into What.
    drag(&app, &note("who", 3), &note("who", 1), (-40.0, 0.0), false).await;
    wait_notes(&app, "who", &["Three", "One", "Two"]).await;
    drag(&app, &note("who", 2), &block("what"), (0.0, 0.0), false).await;
    wait_notes(&app, "what", &["One"]).await;
    wait_notes(&app, "who", &["Three", "Two"]).await;
    wait_announced(&app, "Moved to What: note 1 of 1").await;

    // Touch: Two after One in What (the lower part of the block), then Three into How.
    drag(&app, &note("who", 2), &block("what"), (0.0, 60.0), true).await;
    wait_notes(&app, "what", &["One", "Two"]).await;
    drag(&app, &note("who", 1), &block("how"), (0.0, 0.0), true).await;
    wait_notes(&app, "how", &["Three"]).await;
    wait_notes(&app, "who", &[]).await;
    assert_eq!(
        app.count("main .note.dragging").await,
        0,
        "no note is left mid-drag"
    );
    assert_eq!(
        app.count("main .note-menu").await,
        0,
        "a drag does not count as a press of the handle"
    );

    // Recolour and delete by clicking; Undo and Redo by their buttons.
    app.click(&format!("{} .note-menu-button", note("what", 2)))
        .await;
    app.click(&format!(
        "{} .swatch[data-colour=\"blue\"]",
        note("what", 2)
    ))
    .await;
    app.wait_until("the note is blue", async || {
        app.attr_of(&note("what", 2), "data-colour")
            .await
            .as_deref()
            == Some("blue")
    })
    .await;
    app.click(&format!("{} .note-delete", note("what", 2)))
        .await;
    wait_notes(&app, "what", &["One"]).await;
    app.click("main .board-undo").await;
    wait_notes(&app, "what", &["One", "Two"]).await;
    assert_eq!(
        app.attr_of(&note("what", 2), "data-colour")
            .await
            .as_deref(),
        Some("blue"),
        "the restored note keeps its colour"
    );
    app.click("main .board-undo").await; // the recolour
    app.wait_until("the colour is undone", async || {
        app.attr_of(&note("what", 2), "data-colour")
            .await
            .as_deref()
            == Some("yellow")
    })
    .await;
    app.click("main .board-redo").await;
    app.wait_until("the colour is redone", async || {
        app.attr_of(&note("what", 2), "data-colour")
            .await
            .as_deref()
            == Some("blue")
    })
    .await;
    // Undoing the drags, newest first: Three goes back to Who.
    app.click("main .board-redo").await; // nothing more to redo but the delete
    wait_notes(&app, "what", &["One"]).await;
    app.click("main .board-undo").await;
    app.click("main .board-undo").await;
    app.click("main .board-undo").await;
    wait_notes(&app, "who", &["Three"]).await;
    wait_notes(&app, "how", &[]).await;
    assert_no_panic(&app).await;
}

// ----- 3. starting from an earlier canvas, narrow screens ---------------------------------------

#[tokio::test]
async fn a_canvas_step_can_start_from_an_earlier_canvas() {
    let site = contract_site("recall");
    let app = App::serve(site.path(), "/").await;
    open_in_english(&app, "#/lessons/first-board/board").await;
    app.wait_for("main .board").await;
    add_note(&app, "who", "Grandparents").await;
    add_note(&app, "how", "A big button").await;
    wait_saved(&app, "A big button").await;

    app.open("#/lessons/second-board/again").await;
    app.wait_for("main .board").await;
    let button = "main .start-from-button";
    app.wait_until(
        "the board offers to start from the first canvas",
        async || app.count(button).await == 1,
    )
    .await;
    assert_eq!(
        app.text_of(button).await,
        "Start from my canvas in “First board”"
    );
    app.click(button).await;
    wait_notes(&app, "who", &["Grandparents"]).await;
    wait_notes(&app, "how", &["A big button"]).await;
    wait_announced(&app, "2 notes have been copied in").await;
    assert_eq!(
        app.count(button).await,
        0,
        "offered only while the board is empty"
    );
    // The copy is one step back, and the first canvas is untouched.
    app.click("main .board-undo").await;
    wait_notes(&app, "who", &[]).await;
    wait_notes(&app, "how", &[]).await;
    app.open("#/lessons/first-board/board").await;
    wait_notes(&app, "who", &["Grandparents"]).await;
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn on_a_narrow_screen_the_blocks_stack_in_reading_order() {
    let site = contract_site("narrow");
    let app = App::serve(site.path(), "/").await;
    app.client()
        .set_window_size(400, 800)
        .await
        .expect("a narrow window");
    open_in_english(&app, "#/lessons/first-board/board").await;
    app.wait_for("main .board").await;
    let boxes = app
        .js_value(
            "return Array.from(document.querySelectorAll('main .board-block')).map(b => {\
               const r = b.getBoundingClientRect(); return [b.dataset.block, r.left, r.top, r.width]; })",
            vec![],
        )
        .await;
    let boxes = boxes.as_array().expect("block boxes").clone();
    let ids: Vec<&str> = boxes.iter().map(|b| b[0].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["who", "what", "how"]);
    let lefts: Vec<f64> = boxes
        .iter()
        .map(|b| b[1].as_f64().unwrap_or(-1.0))
        .collect();
    let tops: Vec<f64> = boxes
        .iter()
        .map(|b| b[2].as_f64().unwrap_or(-1.0))
        .collect();
    assert!(
        lefts.windows(2).all(|w| (w[0] - w[1]).abs() < 1.0),
        "one column: {boxes:?}"
    );
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "top to bottom in reading order: {boxes:?}"
    );
    let page_width = app
        .js_value("return document.documentElement.scrollWidth", vec![])
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(page_width <= 400.0, "no sideways scrolling: {page_width}");
    add_note(&app, "what", "Fits").await;
    wait_notes(&app, "what", &["Fits"]).await;
}

// ----- 4. two tabs, a restored backup -----------------------------------------------------------

#[tokio::test]
async fn two_tabs_keep_each_others_notes_and_a_deletion_stays_deleted() {
    let files = ScratchDir::new("two-tabs");
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    let id = start_canvas(&app, "My idea canvas").await;
    let url = format!("#/canvases/{id}");
    add_note(&app, "who", "Grandma").await;
    add_note(&app, "problem", "Stairs").await;
    add_note(&app, "idea", "A lift").await;
    wait_saved(&app, "A lift").await;

    // An older backup, downloaded from My work before the tabs disagree.
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    catch_downloads(&app).await;
    app.click("#download-backup").await;
    let (_, backup) = caught_download(&app, ".json").await;
    assert!(backup.contains("A lift"), "the backup holds the canvas");
    let older = files.write("older-backup.json", &backup);

    let first = app.window().await;
    app.open(&url).await;
    wait_notes(&app, "idea", &["A lift"]).await;
    let second = app.new_window().await;
    app.switch_to(&second).await;
    app.open(&url).await;
    wait_notes(&app, "idea", &["A lift"]).await;

    // Tab 1 edits one note; tab 2 edits another and deletes a third.
    app.switch_to(&first).await;
    write_at_end(
        &app,
        &format!("{} .note-text", note("who", 1)),
        " and Grandpa",
    )
    .await;
    app.switch_to(&second).await;
    write_at_end(
        &app,
        &format!("{} .note-text", note("problem", 1)),
        " everywhere",
    )
    .await;
    app.click(&format!("{} .note-menu-button", note("idea", 1)))
        .await;
    app.click(&format!("{} .note-delete", note("idea", 1)))
        .await;
    wait_notes(&app, "idea", &[]).await;
    wait_saved(&app, "Stairs everywhere").await;
    app.switch_to(&first).await;
    wait_saved(&app, "Grandma and Grandpa").await;

    for tab in [&first, &second] {
        app.switch_to(tab).await;
        app.reload().await;
        app.wait_for("main .board").await;
        wait_notes(&app, "who", &["Grandma and Grandpa"]).await;
        wait_notes(&app, "problem", &["Stairs everywhere"]).await;
        wait_notes(&app, "idea", &[]).await;
    }

    // Restoring the older backup by merging brings back no deleted note and loses no edit.
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.pick_files("#restore-file", &[&older]).await;
    app.wait_for_visible("#restore-preview").await;
    app.click("#restore-merge").await;
    app.wait_for_visible("#restore-done").await;
    app.open(&url).await;
    app.wait_for("main .board").await;
    wait_notes(&app, "who", &["Grandma and Grandpa"]).await;
    wait_notes(&app, "problem", &["Stairs everywhere"]).await;
    wait_notes(&app, "idea", &[]).await;
    app.reload().await;
    wait_notes(&app, "idea", &[]).await;
    wait_notes(&app, "who", &["Grandma and Grandpa"]).await;
    assert_no_panic(&app).await;
}

// ----- 5. My canvases -----------------------------------------------------------------------

async fn card_names(app: &App) -> Vec<String> {
    strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main .canvas-card h3')).map(h => h.textContent)",
            vec![],
        )
        .await,
    )
}

async fn template_ids(app: &App) -> Vec<String> {
    strings(
        app.js_value(
            "return Array.from(document.querySelectorAll('main .template-card')).map(c => c.dataset.template || '')",
            vec![],
        )
        .await,
    )
}

#[tokio::test]
async fn my_canvases_start_rename_duplicate_and_delete_with_confirmation() {
    let app = App::at_root().await;
    open_in_english(&app, "#/canvases").await;
    app.wait_for_page("canvases").await;
    app.see_text("You have not started a canvas yet").await;

    // The gallery: every shipped template, filtered by level in the URL.
    app.wait_until("the gallery lists the templates", async || {
        template_ids(&app).await.len() >= 6
    })
    .await;
    for id in [
        "kid-idea-canvas",
        "project-canvas",
        "sustainability-canvas",
        "business-model-canvas",
        "lean-canvas",
    ] {
        assert!(
            template_ids(&app).await.contains(&id.to_string()),
            "{id} is in the gallery"
        );
    }
    let attribution = app
        .text_of("main [data-template=\"business-model-canvas\"] .attribution")
        .await;
    assert!(attribution.contains("Strategyzer") && attribution.contains("CC BY-SA 3.0"));
    assert_eq!(
        app.attr_of(
            "main [data-template=\"business-model-canvas\"] .attribution a",
            "href"
        )
        .await
        .as_deref(),
        Some("https://creativecommons.org/licenses/by-sa/3.0/")
    );
    app.open("#/canvases?level=ungdomsuddannelse").await;
    app.wait_until("the gallery is filtered", async || {
        !template_ids(&app)
            .await
            .contains(&"kid-idea-canvas".to_string())
    })
    .await;
    let shown = template_ids(&app).await;
    assert!(shown.contains(&"project-canvas".to_string()), "{shown:?}");
    assert_eq!(app.attr_of("#gallery-level", "value").await, None);

    // Start one, rename it on its page, add a note.
    let id = start_canvas(&app, "Project canvas").await;
    assert_eq!(app.text_of("main h1").await, "Project canvas");
    app.clear("#canvas-name").await;
    app.type_into("#canvas-name", "Our bike repair shop").await;
    app.wait_until("the heading follows the name", async || {
        app.text_of("main h1").await == "Our bike repair shop"
    })
    .await;
    add_note(&app, "team", "Ida fixes brakes").await;
    wait_saved(&app, "Ida fixes brakes").await;

    // My work lists it by its name, linking to it.
    app.open("#/my-work").await;
    let item = format!("main .work-item[data-work=\"canvas:{id}\"]");
    app.wait_until("My work shows the canvas by name", async || {
        app.text_of(&item).await.contains("Our bike repair shop")
    })
    .await;
    assert!(
        app.text_of(&item).await.contains("1 notes"),
        "and counts its notes"
    );
    assert_eq!(
        app.attr_of(&format!("{item} a"), "href").await.as_deref(),
        Some(format!("#/canvases/{id}").as_str())
    );

    // Duplicate: a second canvas with the same notes, named as a copy.
    app.open("#/canvases").await;
    app.wait_until("the canvas is listed", async || {
        card_names(&app).await == ["Our bike repair shop"]
    })
    .await;
    app.click(&format!(
        "main .canvas-card[data-canvas=\"{id}\"] .canvas-duplicate"
    ))
    .await;
    app.wait_for_page("canvas").await;
    app.wait_until("the copy opens", async || {
        app.text_of("main h1").await == "Our bike repair shop (copy)"
    })
    .await;
    wait_notes(&app, "team", &["Ida fixes brakes"]).await;
    let copy = app
        .current_hash()
        .await
        .trim_start_matches("#/canvases/")
        .to_string();
    assert_ne!(copy, id);
    app.open("#/canvases").await;
    app.wait_until("both are listed", async || {
        card_names(&app).await.len() == 2
    })
    .await;

    // Delete asks first; Cancel keeps it; confirming deletes; Undo brings it back.
    let card = format!("main .canvas-card[data-canvas=\"{copy}\"]");
    app.click(&format!("{card} .canvas-delete")).await;
    app.wait_for_visible(&format!("{card} .canvas-delete-confirm"))
        .await;
    // The app moves the focus in the task after it draws the button (browser::focus_id).
    app.wait_until("focus moves to the confirmation", async || {
        active_matches(&app, &format!("{card} .canvas-delete-confirm")).await
    })
    .await;
    app.click(&format!("{card} .canvas-delete-cancel")).await;
    assert_eq!(card_names(&app).await.len(), 2, "Cancel deletes nothing");
    app.click(&format!("{card} .canvas-delete")).await;
    app.click(&format!("{card} .canvas-delete-confirm")).await;
    app.wait_until("the copy is gone", async || {
        card_names(&app).await == ["Our bike repair shop"]
    })
    .await;
    app.see_text("“Our bike repair shop (copy)” has been deleted.")
        .await;
    app.click("main .canvas-undelete").await;
    app.wait_until("Undo brings it back", async || {
        card_names(&app).await.len() == 2
    })
    .await;
    app.click(&format!("{card} .canvas-delete")).await;
    app.click(&format!("{card} .canvas-delete-confirm")).await;
    app.wait_until("deleted again", async || card_names(&app).await.len() == 1)
        .await;
    app.reload().await;
    app.wait_until("still deleted after a reload", async || {
        card_names(&app).await == ["Our bike repair shop"]
    })
    .await;
    app.open(&format!("#/canvases/{copy}")).await;
    app.wait_for("#canvas-missing").await;
    assert_no_panic(&app).await;
}

// ----- 6. a canvas as a file, images ----------------------------------------------------------

#[tokio::test]
async fn a_canvas_saved_as_a_file_imports_on_a_fresh_profile_and_images_hold_its_notes() {
    let files = ScratchDir::new("export");
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    let id = start_canvas(&app, "Sustainability canvas").await;
    app.clear("#canvas-name").await;
    app.type_into("#canvas-name", "Café <Grøn> & Co").await;
    app.type_into("main .board-team input", "Ida, Omar").await;
    add_note(&app, "people", "Jobs for young people").await;
    add_note(&app, "planet", "Less waste").await;
    add_note(&app, "planet", "Deleted later").await;
    app.click(&format!("{} .note-menu-button", note("planet", 2)))
        .await;
    app.click(&format!("{} .note-delete", note("planet", 2)))
        .await;
    wait_notes(&app, "planet", &["Less waste"]).await;
    wait_saved(&app, "Less waste").await;

    catch_downloads(&app).await;
    app.click("main .board-export").await;
    let (name, file) = caught_download(&app, ".json").await;
    assert_eq!(name, "spire-canvas-cafe-groen-co.json");
    assert!(file.contains("\"spire-canvas\"") && file.contains("Less waste"));

    // The SVG image is drawn by the app: the notes, title, names and attribution, escaped.
    app.click("main .board-svg").await;
    let (svg_name, svg) = caught_download(&app, ".svg").await;
    assert_eq!(svg_name, "spire-canvas-cafe-groen-co.svg");
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    for text in [
        "Jobs for young people",
        "Less waste",
        "Café &lt;Grøn&gt; &amp; Co",
        "Ida, Omar",
        "Sustainability canvas: Spire.",
    ] {
        assert!(svg.contains(text), "the SVG lacks {text:?}");
    }
    assert!(!svg.contains("Deleted later"));
    // The PNG comes from a canvas element.
    app.click("main .board-png").await;
    let (png_name, png) = caught_download(&app, ".png").await;
    assert_eq!(png_name, "spire-canvas-cafe-groen-co.png");
    assert!(
        png.starts_with("data:image/png;base64,") && png.len() > 5000,
        "{}",
        &png[..png.len().min(80)]
    );
    drop(app);

    // A fresh profile: import the file, and the canvas is there with its notes and name.
    let path = files.write("canvas.json", &file);
    let fresh = App::at_root().await;
    open_in_english(&fresh, "#/canvases").await;
    fresh.wait_for_page("canvases").await;
    fresh.pick_files("#canvas-file", &[&path]).await;
    fresh
        .wait_until("the import is confirmed", async || {
            fresh
                .text_of("#canvas-import-result")
                .await
                .contains("has been imported with 2 notes")
        })
        .await;
    fresh.click("#canvas-import-result a").await;
    fresh.wait_for_page("canvas").await;
    wait_notes(&fresh, "planet", &["Less waste"]).await;
    wait_notes(&fresh, "people", &["Jobs for young people"]).await;
    assert_eq!(fresh.text_of("main h1").await, "Café <Grøn> & Co");
    assert_eq!(fresh.current_hash().await, format!("#/canvases/{id}"));

    // Importing again merges by note: a note added here and one edited here stay.
    add_note(&fresh, "profit", "Sell coffee").await;
    wait_saved(&fresh, "Sell coffee").await;
    fresh.open("#/canvases").await;
    fresh.pick_files("#canvas-file", &[&path]).await;
    fresh.wait_for("#canvas-import-result a").await;
    fresh.open(&format!("#/canvases/{id}")).await;
    wait_notes(&fresh, "profit", &["Sell coffee"]).await;
    wait_notes(&fresh, "planet", &["Less waste"]).await;
    assert_no_panic(&fresh).await;
}

/// The id of a photo on a saved note, if one has a photo.
async fn saved_photo(app: &App) -> Option<String> {
    saved_photos(app).await.into_iter().next()
}

/// Whether the note's photo has loaded and has pixels.
async fn note_photo_shown(app: &App, note_css: &str) -> bool {
    app.js_value(
        "const i = document.querySelector(arguments[0] + ' img.note-photo');\
         return !!i && i.complete && i.naturalWidth > 0",
        vec![json!(note_css)],
    )
    .await
        == json!(true)
}

/// The number attribute `name` of the first `<image>` in SVG text.
fn image_attr(svg: &str, name: &str) -> f64 {
    let image = &svg[svg.find("<image ").expect("an image in the SVG")..];
    let start = image.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let len = image[start..].find('"').unwrap();
    image[start..start + len].parse().expect(name)
}

#[tokio::test]
async fn a_photo_on_a_note_is_on_the_board_in_print_in_the_images_and_in_the_canvas_file() {
    let files = ScratchDir::new("photo-note");
    let picture = support::test_picture();
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    let id = start_canvas(&app, "Sustainability canvas").await;
    add_note(&app, "people", "Our cardboard model").await;
    let first = note("people", 1);
    app.click(&format!("{first} .note-menu-button")).await;
    let menu = format!("{first} .note-menu");

    // From the camera (Chromium's fake one).
    app.within(&menu)
        .button("Take a photo with the camera")
        .await
        .click()
        .await;
    app.wait_camera_live("main .note-menu video.camera-view")
        .await;
    app.within(&menu)
        .button("Take the picture")
        .await
        .click()
        .await;
    app.wait_until("the camera's photo is on the note", async || {
        note_photo_shown(&app, &first).await
    })
    .await;
    wait_announced(&app, "The photo is on the note").await;
    app.wait_until("the photo is saved", async || {
        saved_photo(&app).await.is_some()
    })
    .await;
    let from_camera = saved_photo(&app).await;

    // A picture from the device replaces it: a note holds one photo.
    app.pick_files(&format!("{menu} input[type=file]"), &[picture])
        .await;
    app.wait_until("the picked photo replaces the camera's", async || {
        let now = saved_photo(&app).await;
        now.is_some() && now != from_camera
    })
    .await;
    app.wait_until("the picked photo shows", async || {
        note_photo_shown(&app, &first).await
    })
    .await;
    let alt = app
        .attr_of(&format!("{first} img.note-photo"), "alt")
        .await
        .unwrap_or_default();
    assert!(alt.starts_with("Photo on note 1 of 1 in "), "{alt:?}");

    // Removing it is a step that can be undone.
    app.within(&menu)
        .button("Remove the photo")
        .await
        .click()
        .await;
    app.wait_until("the photo is off the note", async || {
        app.count(&format!("{first} img.note-photo")).await == 0
            && saved_photo(&app).await.is_none()
    })
    .await;
    app.click("main .board-undo").await;
    app.wait_until("undo puts it back", async || {
        note_photo_shown(&app, &first).await
    })
    .await;
    app.wait_until("and saves it", async || saved_photo(&app).await.is_some())
        .await;

    // It survives a reload.
    app.reload().await;
    app.wait_for_page("canvas").await;
    app.wait_until("the photo after a reload", async || {
        note_photo_shown(&app, &first).await
    })
    .await;

    // Print: the sheet shows it from the board's own copy.
    app.js_value("window.dispatchEvent(new Event('beforeprint'))", vec![])
        .await;
    app.wait_for("main .print-sheet svg image").await;
    let href = app
        .attr_of("main .print-sheet svg image", "href")
        .await
        .unwrap_or_default();
    assert!(href.starts_with("blob:"), "{href}");
    app.js_value("window.dispatchEvent(new Event('afterprint'))", vec![])
        .await;

    // The SVG carries the photo's own bytes, so the file stands alone.
    catch_downloads(&app).await;
    app.click("main .board-svg").await;
    let (_, svg) = caught_download(&app, ".svg").await;
    assert_eq!(
        svg.matches("<image ").count(),
        1,
        "{}",
        &svg[..svg.len().min(400)]
    );
    assert!(svg.contains("href=\"data:image/"), "the photo is embedded");
    assert!(svg.contains("Our cardboard model"));
    // The PNG is drawn from that SVG: the middle of the photo has the picture's colours,
    // not the note's paper.
    let (x, y) = (
        image_attr(&svg, "x") + image_attr(&svg, "width") / 2.0,
        image_attr(&svg, "y") + image_attr(&svg, "height") / 2.0,
    );
    app.click("main .board-png").await;
    let (_, png) = caught_download(&app, ".png").await;
    let pixel = app
        .js_await(&format!(
            "const img = new Image(); img.src = {png:?}; await img.decode();\
             const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;\
             const g = c.getContext('2d'); g.drawImage(img, 0, 0);\
             return Array.from(g.getImageData({}, {}, 1, 1).data);",
            (x * 2.0).round(),
            (y * 2.0).round()
        ))
        .await;
    let rgb: Vec<u64> = pixel
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert!(
        rgb.iter().all(|&c| c < 190),
        "the photo is drawn in the PNG: {rgb:?}"
    );

    // The canvas file carries the photo to a fresh profile.
    app.click("main .board-export").await;
    let (_, file) = caught_download(&app, ".json").await;
    let parsed: Value = serde_json::from_str(&file).expect("the canvas file is JSON");
    let photo = saved_photo(&app).await.unwrap();
    assert_eq!(parsed["media"][0]["id"], json!(photo));
    drop(app);
    let path = files.write("canvas.json", &file);
    let fresh = App::at_root().await;
    open_in_english(&fresh, "#/canvases").await;
    fresh.wait_for_page("canvases").await;
    fresh.pick_files("#canvas-file", &[&path]).await;
    fresh.wait_for("#canvas-import-result a").await;
    fresh.open(&format!("#/canvases/{id}")).await;
    fresh.wait_for_page("canvas").await;
    fresh
        .wait_until(
            "the photo is on the note on the fresh profile",
            async || note_photo_shown(&fresh, &first).await,
        )
        .await;
    assert_no_panic(&fresh).await;
}

#[tokio::test]
async fn hostile_or_truncated_canvas_files_give_a_clear_message_and_change_nothing() {
    let files = ScratchDir::new("hostile");
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    start_canvas(&app, "My idea canvas").await;
    add_note(&app, "who", "Keep me").await;
    wait_saved(&app, "Keep me").await;
    catch_downloads(&app).await;
    app.click("main .board-export").await;
    let (_, good) = caught_download(&app, ".json").await;
    app.open("#/canvases").await;
    app.wait_for_page("canvases").await;
    let before = saved_state(&app).await;

    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..512u32).map(|i| (i * 7 + 3) as u8));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "damaged or cut short",
        ),
        ("empty.json", vec![], "The file is empty"),
        ("picture.json", png, "not a text file"),
        (
            "backup.json",
            br#"{"format":"spire-backup","version":3,"data":{}}"#.to_vec(),
            "is a backup",
        ),
        (
            "newer.json",
            good.replacen("\"version\":1", "\"version\":99", 1)
                .into_bytes(),
            "newer version of Spire",
        ),
        (
            "sneaky.json",
            good.replacen("canvas:", "canvas:../../", 1).into_bytes(),
            "“work” is missing or wrong",
        ),
        (
            "html.json",
            br#"{"format":"spire-canvas","version":1,"canvas":"<img src=x onerror=alert(1)>"}"#
                .to_vec(),
            "“canvas” is missing or wrong",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = files.write(name, bytes);
        app.pick_files("#canvas-file", &[&path]).await;
        app.wait_until(&format!("{name} is refused"), async || {
            app.text_of("#canvas-import-result").await.contains(message)
        })
        .await;
        assert_eq!(
            app.attr_of("#canvas-import-result", "role")
                .await
                .as_deref(),
            Some("alert"),
            "{name}"
        );
        assert_eq!(
            saved_state(&app).await,
            before,
            "{name} changed the saved work"
        );
    }
    assert_eq!(
        app.count("main img").await,
        0,
        "nothing from a file became HTML"
    );
    assert_no_panic(&app).await;
}

// ----- 7. print ---------------------------------------------------------------------------------

/// The pages of a PDF and each page's size in points (`/MediaBox`), read from the bytes
/// Chromium writes (page objects are not compressed in its PDFs).
fn pdf_pages(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    let mut pages = Vec::new();
    for (at, _) in text.match_indices("/Type /Page") {
        if text[at + "/Type /Page".len()..].starts_with('s') {
            continue;
        }
        // The object around this page: from the previous "obj" to the next "endobj".
        let start = text[..at].rfind(" obj").unwrap_or(0);
        let end = text[at..].find("endobj").map_or(text.len(), |e| at + e);
        let object = &text[start..end];
        let size = object
            .split("/MediaBox [")
            .nth(1)
            .and_then(|m| m.split(']').next())
            .map(|m| {
                m.split_whitespace()
                    .filter_map(|n| n.parse::<f64>().ok())
                    .collect::<Vec<_>>()
            })
            .filter(|n| n.len() == 4)
            .map(|n| (n[2] - n[0], n[3] - n[1]))
            .unwrap_or((0.0, 0.0));
        pages.push(size);
    }
    pages
}

async fn print_to_pdf(app: &App) -> Vec<u8> {
    let result = app
        .cdp(
            "Page.printToPDF",
            json!({"preferCSSPageSize": true, "printBackground": true}),
        )
        .await;
    base64_decode(result["data"].as_str().expect("PDF data"))
}

/// Standard base64 (what DevTools returns), without a crate for one use.
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = ALPHABET
            .iter()
            .position(|a| *a == c)
            .expect("a base64 character") as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[tokio::test]
async fn a_full_canvas_prints_on_exactly_one_a4_landscape_page() {
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    let id = start_canvas(&app, "Business Model Canvas").await;
    app.type_into("main .board-team input", "Team Solsikke")
        .await;
    add_note(&app, "customer-segments", "Elderly people who cycle").await;
    wait_saved(&app, "Elderly people who cycle").await;
    // Fill the canvas well past a screen: 120 more notes, written into the saved entry as
    // another tab would, then reloaded.
    let key = format!("spire.work.canvas:{id}");
    app.js_value(
        "const entry = JSON.parse(localStorage.getItem(arguments[0]));\
         const notes = entry.data.answers.notes.value.notes;\
         const blocks = ['key-partners','key-activities','key-resources','value-propositions',\
           'customer-relationships','channels','customer-segments','cost-structure','revenue-streams'];\
         for (let i = 0; i < 120; i++) {\
           notes['p' + i] = {at: Date.now(), value: {block: blocks[i % 9], text: 'Printed note ' + i + ' with a few more words', colour: ['pink','green','blue'][i % 3], order: 5000 + i}};\
         }\
         localStorage.setItem(arguments[0], JSON.stringify(entry));",
        vec![json!(key)],
    )
    .await;
    app.reload().await;
    app.wait_until("the notes are on the board", async || {
        app.count("main .note").await == 121
    })
    .await;
    let screen_height = app
        .js_value("return document.documentElement.scrollHeight", vec![])
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        screen_height > 1500.0,
        "the board is taller than a page on screen: {screen_height}"
    );

    // What prints is the sheet the app draws when printing starts: title, names, date,
    // every note and the attribution with its licence link.
    app.js_value("window.dispatchEvent(new Event('beforeprint'))", vec![])
        .await;
    app.wait_for("main .print-sheet svg").await;
    let sheet = app
        .js("return Array.from(document.querySelectorAll('main .print-sheet tspan')).map(t => t.textContent).join(' ')")
        .await;
    for text in [
        "Business Model Canvas",
        "Team Solsikke",
        "Elderly people who cycle",
        "Printed note 119",
        "Strategyzer AG",
        "https://creativecommons.org/licenses/by-sa/3.0/",
        "adaptation",
    ] {
        assert!(
            sheet.contains(text),
            "the print sheet lacks {text:?}: {sheet}"
        );
    }
    let year = app.js("return String(new Date().getFullYear())").await;
    assert!(sheet.contains(&year), "the print sheet has the date");
    app.js_value("window.dispatchEvent(new Event('afterprint'))", vec![])
        .await;
    app.wait_until("the sheet goes after printing", async || {
        app.count("main .print-sheet").await == 0
    })
    .await;

    // Chromium's print to PDF, as from its own Print menu (Ctrl+P): exactly one page, A4
    // landscape.
    let pdf = print_to_pdf(&app).await;
    // To look at the page: SPIRE_CANVAS_PDF=/tmp/canvas.pdf.
    if let Some(path) = std::env::var_os("SPIRE_CANVAS_PDF") {
        std::fs::write(path, &pdf).expect("write the PDF");
    }
    let pages = pdf_pages(&pdf);
    assert_eq!(pages.len(), 1, "exactly one page, not {pages:?}");
    let (w, h) = pages[0];
    // A4 landscape is 841.89 × 595.28 pt.
    assert!(
        (w - 841.9).abs() < 2.0 && (h - 595.3).abs() < 2.0,
        "A4 landscape, not {w} × {h}"
    );

    // The Print button draws the sheet and opens the browser's print dialog.
    app.js_value(
        "window.__printed = 0; window.print = () => { window.__printed += 1; };",
        vec![],
    )
    .await;
    app.click("main .board-print").await;
    app.wait_for("main .print-sheet svg").await;
    app.wait_until("the print dialog was asked for", async || {
        app.js("return String(window.__printed)").await == "1"
    })
    .await;
    assert_no_panic(&app).await;
}

#[tokio::test]
async fn notes_of_a_block_the_template_lost_are_shown_and_can_be_moved_back() {
    let site = contract_site("orphans");
    let app = App::serve(site.path(), "/").await;
    open_in_english(&app, "#/lessons/first-board/board").await;
    app.wait_for("main .board").await;
    add_note(&app, "how", "Kept safe").await;
    wait_saved(&app, "Kept safe").await;

    // The author removes the block "how" from the template.
    let mut template = contract_template();
    template["blocks"]
        .as_array_mut()
        .expect("blocks")
        .retain(|b| b["id"] != "how");
    site.write_content_json("canvases/team-board.json", &template);
    app.reload().await;
    app.wait_for("main .board").await;
    assert_eq!(app.count(&block("how")).await, 0);
    let orphans = "main .board-orphans";
    app.wait_until("the note is listed without a block", async || {
        app.count(&format!("{orphans} .note")).await == 1
    })
    .await;
    assert!(app.text_of(orphans).await.contains("Notes without a block"));
    tab_to(&app, &format!("{orphans} .note-handle")).await;
    assert_eq!(
        focused_name(&app).await,
        "Move note 1 of 1 in Notes without a block"
    );
    press(&app, Key::Right).await;
    wait_notes(&app, "who", &["Kept safe"]).await;
    app.wait_until("the list of notes without a block is gone", async || {
        app.count(orphans).await == 0
    })
    .await;
    assert_no_panic(&app).await;
}

/// The photo ids on saved notes, sorted (a canvas saved before its first note has none).
async fn saved_photos(app: &App) -> Vec<String> {
    support::string_list(
        app.js_value(
            "const ids = []; \
             for (const k of Object.keys(localStorage).filter(k => k.startsWith('spire.work.canvas:'))) {\
               const notes = JSON.parse(localStorage.getItem(k)).data?.answers?.notes?.value?.notes ?? {};\
               for (const r of Object.values(notes)) { if (r.value && r.value.photo) ids.push(r.value.photo.id); }\
             } return ids.sort()",
            vec![],
        )
        .await,
    )
}

/// What the app's record of unreferenced media says, as JSON.
async fn unreferenced_record(app: &App) -> Value {
    app.js_value(
        "const raw = localStorage.getItem('spire-media.unreferenced'); \
         return raw === null ? null : JSON.parse(raw)",
        vec![],
    )
    .await
}

#[tokio::test]
async fn a_photo_taken_off_a_note_leaves_the_device_a_day_later_and_a_kept_one_stays() {
    let picture = support::test_picture();
    let app = App::at_root().await;
    open_in_english(&app, "").await;
    start_canvas(&app, "Sustainability canvas").await;
    add_note(&app, "people", "Keeps its photo").await;
    add_note(&app, "people", "Loses its photo").await;
    for n in [1, 2] {
        let css = note("people", n);
        app.click(&format!("{css} .note-menu-button")).await;
        app.pick_files(&format!("{css} .note-menu input[type=file]"), &[&picture])
            .await;
        app.wait_until("the photo is on the note", async || {
            note_photo_shown(&app, &css).await
        })
        .await;
        app.click(&format!("{css} .note-menu-button")).await;
        app.wait_until("the menu closes", async || {
            app.count(&format!("{css} .note-menu")).await == 0
        })
        .await;
    }
    app.wait_until("both photos are saved", async || {
        saved_photos(&app).await.len() == 2
    })
    .await;
    let both = saved_photos(&app).await;

    let second = note("people", 2);
    app.click(&format!("{second} .note-menu-button")).await;
    app.within(&format!("{second} .note-menu"))
        .button("Remove the photo")
        .await
        .click()
        .await;
    app.wait_until("one photo is left in the saved work", async || {
        saved_photos(&app).await.len() == 1
    })
    .await;
    let kept = saved_photos(&app).await.remove(0);
    let removed = both.iter().find(|id| **id != kept).cloned().unwrap();
    assert_eq!(app.stored_media().await, both, "undo may still want it");

    // The next start notes the removed photo and deletes nothing yet.
    app.reload().await;
    app.wait_for_page("canvas").await;
    app.wait_until("the start notes the unreferenced photo", async || {
        unreferenced_record(&app).await["since"][&removed].is_number()
    })
    .await;
    let record = unreferenced_record(&app).await;
    assert!(record["since"].get(&kept).is_none(), "{record}");
    assert_eq!(app.stored_media().await, both);

    // A day later: the record says both were seen unreferenced long ago (the kept one
    // wrongly). Only the removed one goes; the note's photo stays and shows.
    app.js_value(
        "const day = 24 * 60 * 60 * 1000; \
         const since = {}; since[arguments[0]] = Date.now() - day - 60000; \
         since[arguments[1]] = Date.now() - 30 * day; \
         localStorage.setItem('spire-media.unreferenced', JSON.stringify({v: 1, since}));",
        vec![json!(removed), json!(kept)],
    )
    .await;
    app.reload().await;
    app.wait_for_page("canvas").await;
    app.wait_until("the removed photo leaves the device", async || {
        app.stored_media().await == [kept.clone()]
    })
    .await;
    app.wait_until("the record forgets both", async || {
        unreferenced_record(&app).await["since"] == json!({})
    })
    .await;
    app.wait_until("the kept photo still shows", async || {
        note_photo_shown(&app, &note("people", 1)).await
    })
    .await;
    assert_no_panic(&app).await;
}
