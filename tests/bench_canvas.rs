#![cfg(not(target_arch = "wasm32"))]
//! How typing and dragging feel on a full canvas on a school Chromebook (`make bench`):
//! keystroke-to-paint while typing into a note of a 200-note canvas, and frame times while
//! a note is dragged, both under 4× CPU throttling (DevTools `Emulation.setCPUThrottlingRate`).
//! A plain `<textarea>` page is measured the same way in the same run, so the numbers can
//! be read as ratios on a shared, noisy machine. Issue 8's target: p95 ≤ 16 ms.
//!
//! Ignored by `cargo test` (timings are not pass/fail on a shared machine); run with
//! `cargo test --test bench_canvas -- --ignored --nocapture`. `SPIRE_BENCH_STRICT=1` makes
//! a p95 over 16 ms fail.

mod support;

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use serde_json::{json, Value};
use support::{App, Site};

const NOTES: usize = 200;
const KEYS: usize = 60;
const TARGET_MS: f64 = 16.0;

/// Keystroke-to-paint for every key typed from now on: from the key event's time stamp to
/// a task queued after the next animation frame (the frame that shows the key is painted
/// before that task runs).
const MEASURE_KEYS: &str = "window.__keys = []; window.__js = []; window.__frame = [];\
    document.addEventListener('keydown', e => {\
      const t0 = e.timeStamp;\
      setTimeout(() => window.__js.push(performance.now() - t0), 0);\
      requestAnimationFrame(now => {\
        window.__frame.push(performance.now() - t0);\
        const c = new MessageChannel();\
        c.port1.onmessage = () => window.__keys.push(performance.now() - t0);\
        c.port2.postMessage(0);\
      });\
    }, true);";

/// Frame intervals from now on, and the time the app spends per pointer move of a drag.
const MEASURE_FRAMES: &str = "window.__frames = []; window.__framing = true;\
    let last = performance.now();\
    const tick = now => { window.__frames.push(now - last); last = now; if (window.__framing) requestAnimationFrame(tick); };\
    requestAnimationFrame(tick);\
    performance.clearMeasures('spire:drag-frame');";

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn numbers(value: Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Types `n` letters one at a time, as a pupil does: each key is sent once the previous one
/// has been measured (sent in one burst, keys queue behind each other and the queue is
/// what gets measured).
async fn type_keys(app: &App, n: usize) {
    for i in 0..n {
        let c = (b'a' + (i % 26) as u8) as char;
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
        app.client()
            .perform_actions(actions)
            .await
            .expect("type a key");
        app.wait_until("the key is measured", async || {
            app.js("return String(window.__keys.length)").await == (i + 1).to_string()
        })
        .await;
    }
}

async fn keystrokes(app: &App) -> Vec<f64> {
    app.wait_for_value("every keystroke measured", async || {
        let v = numbers(app.js_value("return window.__keys", vec![]).await);
        (v.len() >= KEYS).then_some(v)
    })
    .await
}

/// Main-thread time per key, from DevTools' `Performance.getMetrics` (cumulative
/// durations, so less noisy than wall-clock latencies on a shared machine).
struct Cpu {
    script: f64,
    layout: f64,
    style: f64,
    task: f64,
}

async fn main_thread_per_key(app: &App, field: &str) -> Cpu {
    const N: usize = 30;
    app.click(field).await;
    app.cdp("Performance.enable", json!({})).await;
    let before = app.cdp("Performance.getMetrics", json!({})).await;
    for i in 0..N {
        let c = (b'a' + (i % 26) as u8) as char;
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
        app.client()
            .perform_actions(actions)
            .await
            .expect("type a key");
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    let after = app.cdp("Performance.getMetrics", json!({})).await;
    let get = |v: &Value, name: &str| {
        v["metrics"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["name"] == name))
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(0.0)
    };
    let per_key = |name: &str| (get(&after, name) - get(&before, name)) * 1000.0 / N as f64;
    Cpu {
        script: per_key("ScriptDuration"),
        layout: per_key("LayoutDuration"),
        style: per_key("RecalcStyleDuration"),
        task: per_key("TaskDuration"),
    }
}

/// A copy of `dist/` with a plain page holding one textarea, for the baseline.
fn site() -> Site {
    let site = Site::shipped("bench-canvas");
    site.write(
        "plain-textarea.html",
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>plain</title>\
         <link rel=\"icon\" href=\"favicon.svg\"></head>\
         <body><label for=\"t\">Text</label><textarea id=\"t\" rows=\"3\"></textarea></body></html>",
    );
    site
}

/// Opens a free-standing Business Model Canvas holding `NOTES` notes (written into its
/// saved entry as another tab would) and returns its id.
async fn full_canvas(app: &App) -> String {
    app.open("#/canvases").await;
    app.wait_for("[data-template=\"business-model-canvas\"] button.start-canvas")
        .await;
    app.click("[data-template=\"business-model-canvas\"] button.start-canvas")
        .await;
    app.wait_for("main .board").await;
    app.click("main .board-block[data-block=\"channels\"] .add-note")
        .await;
    app.wait_until("the first note is saved", async || {
        app.js("return String(Object.keys(localStorage).some(k => k.startsWith('spire.work.canvas:') && localStorage.getItem(k).includes('\"kind\":\"canvas\"')))")
            .await
            == "true"
    })
    .await;
    let id = app
        .current_hash()
        .await
        .trim_start_matches("#/canvases/")
        .to_string();
    app.js_value(
        "const key = 'spire.work.canvas:' + arguments[0];\
         const entry = JSON.parse(localStorage.getItem(key));\
         const notes = entry.data.answers.notes.value.notes;\
         const blocks = ['key-partners','key-activities','key-resources','value-propositions',\
           'customer-relationships','channels','customer-segments','cost-structure','revenue-streams'];\
         for (let i = 1; i < arguments[1]; i++) {\
           notes['b' + i] = {at: Date.now(), value: {block: blocks[i % 9], text: 'Note ' + i + ' about the business', colour: ['pink','green','blue','yellow'][i % 4], order: i}};\
         }\
         localStorage.setItem(key, JSON.stringify(entry));",
        vec![json!(id), json!(NOTES)],
    )
    .await;
    app.reload().await;
    app.wait_until("the board holds every note", async || {
        app.count("main .note").await == NOTES
    })
    .await;
    id
}

#[tokio::test]
#[ignore = "a measurement: run with `make bench`"]
async fn typing_and_dragging_on_a_200_note_canvas_under_4x_throttling() {
    let site = site();
    let app = App::serve(site.path(), "/").await;

    // Baseline: a plain textarea, same keys, same throttling.
    app.open("plain-textarea.html").await;
    app.click("#t").await;
    app.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}))
        .await;
    app.js_value(MEASURE_KEYS, vec![]).await;
    type_keys(&app, KEYS).await;
    let plain = keystrokes(&app).await;
    let plain_js = numbers(app.js_value("return window.__js", vec![]).await);
    let plain_frame = numbers(app.js_value("return window.__frame", vec![]).await);
    app.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 1}))
        .await;

    let plain_cpu = main_thread_per_key(&app, "#t").await;

    // The board: type into a note in the middle of a 200-note canvas.
    full_canvas(&app).await;
    let field =
        "main .board-block[data-block=\"value-propositions\"] .note:nth-child(10) .note-text";
    let board_cpu = main_thread_per_key(&app, field).await;
    app.click(field).await;
    app.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}))
        .await;
    app.js_value(MEASURE_KEYS, vec![]).await;
    type_keys(&app, KEYS).await;
    let board = keystrokes(&app).await;
    let board_js = numbers(app.js_value("return window.__js", vec![]).await);
    let board_frame = numbers(app.js_value("return window.__frame", vec![]).await);
    let measures =
        |name: &str| format!("return performance.getEntriesByName('{name}').map(e => e.duration)");
    let typing = numbers(app.js_value(&measures("spire:type"), vec![]).await);
    let saves = numbers(app.js_value(&measures("spire:save"), vec![]).await);

    // Dragging a note across the board: frame intervals and the app's time per move.
    app.js_value(MEASURE_FRAMES, vec![]).await;
    let css = "main .board-block[data-block=\"key-partners\"] .note:nth-child(3) .note-handle";
    let handle = app.wait_for(css).await;
    app.js_value(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
        vec![json!(css)],
    )
    .await;
    let mut drag = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveToElement {
            element: handle,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for _ in 0..40 {
        drag = drag.then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(16)),
            x: 12.0,
            y: 3.0,
        });
    }
    drag = drag.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    app.client().perform_actions(drag).await.expect("drag");
    app.js_value("window.__framing = false", vec![]).await;
    let frames = numbers(app.js_value("return window.__frames", vec![]).await);
    let moves = numbers(
        app.js_value(
            "return performance.getEntriesByName('spire:drag-frame').map(e => e.duration)",
            vec![],
        )
        .await,
    );
    app.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 1}))
        .await;

    let (p50, p95) = (percentile(board.clone(), 0.5), percentile(board, 0.95));
    let (b50, b95) = (percentile(plain.clone(), 0.5), percentile(plain, 0.95));
    eprintln!("keystroke to paint, {KEYS} keys, 4x CPU throttling:");
    eprintln!("  board with {NOTES} notes: p50 {p50:.1} ms, p95 {p95:.1} ms (target p95 <= {TARGET_MS} ms)");
    eprintln!(
        "  plain textarea:          p50 {b50:.1} ms, p95 {b95:.1} ms (ratio p95 {:.2})",
        p95 / b95
    );
    eprintln!(
        "  key handled (board / plain): p50 {:.1} / {:.1} ms; frame started: p50 {:.1} / {:.1} ms, p95 {:.1} / {:.1} ms",
        percentile(board_js, 0.5),
        percentile(plain_js, 0.5),
        percentile(board_frame.clone(), 0.5),
        percentile(plain_frame.clone(), 0.5),
        percentile(board_frame, 0.95),
        percentile(plain_frame, 0.95),
    );
    eprintln!(
        "  main thread per key, unthrottled (board / plain): script {:.2} / {:.2} ms, layout {:.2} / {:.2} ms, style {:.2} / {:.2} ms, all tasks {:.1} / {:.1} ms",
        board_cpu.script, plain_cpu.script, board_cpu.layout, plain_cpu.layout,
        board_cpu.style, plain_cpu.style, board_cpu.task, plain_cpu.task
    );
    eprintln!(
        "  the app's own work per key: p50 {:.1} ms, p95 {:.1} ms; {} saves while typing, p50 {:.1} ms, max {:.1} ms",
        percentile(typing.clone(), 0.5),
        percentile(typing, 0.95),
        saves.len(),
        percentile(saves.clone(), 0.5),
        percentile(saves, 1.0)
    );
    eprintln!(
        "dragging a note ({} frames, {} moves): frame p50 {:.1} ms, p95 {:.1} ms; app time per move p50 {:.2} ms, p95 {:.2} ms",
        frames.len(),
        moves.len(),
        percentile(frames.clone(), 0.5),
        percentile(frames, 0.95),
        percentile(moves.clone(), 0.5),
        percentile(moves, 0.95)
    );
    if std::env::var_os("SPIRE_BENCH_STRICT").is_some() {
        assert!(
            p95 <= TARGET_MS,
            "keystroke-to-paint p95 {p95:.1} ms > {TARGET_MS} ms"
        );
    }
}
