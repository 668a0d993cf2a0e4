#![cfg(not(target_arch = "wasm32"))]
//! `make bench`: the release build in `dist/` measured as a school Chromebook feels it.
//!
//! Every figure is taken in headless Chromium with the CPU slowed down 4× (DevTools
//! `Emulation.setCPUThrottlingRate`), the HTTP cache and any service worker bypassed (each
//! load is a first visit, so runs are comparable), timed inside the page by `bench.js`, and
//! repeated [`runs()`] times; the table shows medians. Page speed is also shown as a ratio
//! to a plain static HTML page (header, nav, h1, paragraphs, no script) served by the same
//! server and measured the same way in the same run, because absolute times on a shared
//! machine vary from run to run.
//!
//! Run by `scripts/bench.sh`, which prints the first-load sizes first and leaves them in
//! `target/bench/sizes.tsv` for the table here:
//! `cargo test --test bench -- --ignored --nocapture --test-threads=1`.
//! Writes `target/bench/bench.json`. Fails (non-zero) when the app does not load, or when a
//! figure could not be measured (it says which); a missing `spire:save` measure is "n/a".
//!
//! The harness is built without `--release` on purpose: nothing measured runs in it (all
//! times come from `performance.now()` in the page), and the release profile's fat LTO
//! would cost minutes of compiling on every change.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Map, Value};
use support::{copy_dir, dist_dir, index_ids, App, ScratchDir, Site};

/// The probe installed into every document (see the file).
const PROBE: &str = include_str!("bench.js");
/// A school Chromebook's CPU against a developer machine's.
const THROTTLE: f64 = 4.0;
/// The catalogue size the app must stay responsive with.
const MANY_LESSONS: usize = 300;
/// The plain page, written beside `index.html` in every site measured.
const PLAIN: &str = "bench-plain.html";
/// The smallest Leptos app (`bench/leptos-floor`, built by `scripts/bench.sh` into the
/// folder `SPIRE_FLOOR` names), copied beside `index.html` when it is there: what any page
/// of a Leptos CSR app costs at least, next to the plain page.
const FLOOR: &str = "bench-leptos/index.html";
const FLOOR_NAME: &str = "Leptos floor";
const PROMPT_STEPS: usize = 40;
const CANVAS_NOTES: usize = 200;
/// What the pupil types, one key at a time (40 characters).
const TYPED: &str = "Vi vil lave en app der hjaelper i koeen.";
/// The saved state for the save-time figure.
const STATE_BYTES: usize = 1 << 20;
/// How long a page may take to become ready before it counts as too slow to measure.
const READY_LIMIT: Duration = Duration::from_secs(180);
/// WebDriver's own limits: longer, so the page's limit speaks first. (A page that blocks
/// its main thread cannot answer WebDriver until it is done, whatever the page's limit.)
const WEBDRIVER_TIMEOUT: Duration = Duration::from_secs(240);
/// A page slower than this is measured in the first run only: repeating a minute-long load
/// five times says nothing new.
const SLOW_PAGE_MS: f64 = 15_000.0;
/// The very first load of the app: a working build is ready in a second or two, so a
/// broken one is reported without waiting for [`READY_LIMIT`].
const FIRST_LOAD_LIMIT: Duration = Duration::from_secs(60);
const PROGRESS_KEY: &str = "spire.progress";

/// Repetitions of every measurement: 5, or `SPIRE_BENCH_RUNS`.
fn runs() -> usize {
    std::env::var("SPIRE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5)
}

fn out_dir() -> PathBuf {
    std::env::var_os("SPIRE_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench"))
}

// ----- statistics --------------------------------------------------------------------------

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The nearest-rank percentile (`p` in 0..=100).
fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    Some(sorted[rank.min(sorted.len()) - 1])
}

fn ms(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |v| format!("{v:.0}"))
}

fn ratio(value: Option<f64>, base: Option<f64>) -> Option<f64> {
    match (value, base) {
        (Some(v), Some(b)) if b > 0.0 => Some(v / b),
        _ => None,
    }
}

fn times(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |v| format!("{v:.1}×"))
}

fn round(value: Option<f64>) -> Value {
    value.map_or(Value::Null, |v| json!((v * 10.0).round() / 10.0))
}

fn round2(value: Option<f64>) -> Value {
    value.map_or(Value::Null, |v| json!((v * 100.0).round() / 100.0))
}

// ----- the report --------------------------------------------------------------------------

#[derive(Default)]
struct Report {
    lines: Vec<String>,
    json: Map<String, Value>,
    failures: Vec<String>,
}

impl Report {
    fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    fn fail(&mut self, what: &str, why: impl std::fmt::Display) {
        let message = format!("{what}: {why}");
        eprintln!("bench: FAILED {message}");
        self.failures.push(message);
    }
}

/// Prints progress as the benchmark goes, so a long run is visibly alive.
fn progress(message: impl std::fmt::Display) {
    eprintln!("bench: {message}");
}

// ----- content -----------------------------------------------------------------------------

/// Copies the smallest Leptos app into `site` when `scripts/bench.sh` has built it.
fn write_floor(site: &Site) {
    if let Some(dir) = std::env::var_os("SPIRE_FLOOR") {
        let to = site.path().join(FLOOR);
        copy_dir(Path::new(&dir), to.parent().expect("a folder"), &[]);
    }
}

/// The plain page: what a page without the app costs on this machine in this run.
fn plain_page() -> String {
    let paragraph = "<p>Entreprenørskab i undervisningen handler om at se muligheder, \
        få idéer og gøre noget ved dem sammen med andre. Eleverne arbejder med rigtige \
        problemer, tester deres løsninger og fortæller om dem.</p>\n";
    format!(
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>En almindelig side</title>\
         <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\"></head>\n<body>\
         <header><a href=\"#\">Spire</a><nav aria-label=\"Hovedmenu\"><ul>\
         <li><a href=\"#\">Forside</a></li><li><a href=\"#\">Forløb</a></li>\
         <li><a href=\"#\">Udfordringer</a></li><li><a href=\"#\">Rollemodeller</a></li>\
         <li><a href=\"#\">Lærer</a></li><li><a href=\"#\">Mit arbejde</a></li></ul></nav></header>\n\
         <main id=\"main\"><article data-page=\"plain\"><h1>En almindelig side</h1>\n{}\
         <label for=\"plain-answer\">Dit svar</label><textarea id=\"plain-answer\" rows=\"6\"></textarea>\
         </article></main>\n\
         <footer><p>Spire gemmer alt på denne enhed.</p></footer></body></html>\n",
        paragraph.repeat(6)
    )
}

/// A lesson of `PROMPT_STEPS` prompt steps and one with a canvas step, for typing.
fn write_typing_lessons(site: &Site) {
    let steps: Vec<Value> = (1..=PROMPT_STEPS)
        .map(|i| {
            json!({
                "type": "prompt",
                "id": format!("p{i}"),
                "question": {
                    "da": format!("Spørgsmål {i}: Hvad har I lært om jeres brugere?"),
                    "en": format!("Question {i}: What have you learnt about your users?")
                },
                "max_chars": 4000
            })
        })
        .collect();
    site.write_content_json(
        "bench-prompts.json",
        &json!({
            "id": "bench-prompts",
            "title": {"da": "Benchmark: 40 spørgsmål", "en": "Benchmark: 40 questions"},
            "summary": {"da": "Et langt forløb til målinger.", "en": "A long lesson for measuring."},
            "levels": ["mellemtrin"],
            "minutes": 60,
            "steps": steps
        }),
    );
    site.write_content_json(
        "bench-canvas.json",
        &json!({
            "id": "bench-canvas",
            "title": {"da": "Benchmark: lærred", "en": "Benchmark: canvas"},
            "summary": {"da": "Et lærred med mange noter.", "en": "A canvas with many notes."},
            "levels": ["mellemtrin"],
            "minutes": 30,
            "steps": [{"type": "canvas", "id": "board", "title": "Forretningsmodel",
                       "canvas": "business-model-canvas"}]
        }),
    );
    let mut index = site.content_json("index.json");
    let lessons = index["lessons"]
        .as_array_mut()
        .expect("index.json has a lessons list");
    lessons.push(json!("bench-prompts"));
    lessons.push(json!("bench-canvas"));
    site.write_content_json("index.json", &index);
}

/// Appends ` n` to every string of a Text (`"…"` or `{"da": "…", …}`).
fn numbered(text: &Value, n: usize) -> Value {
    match text {
        Value::String(s) => json!(format!("{s} {n}")),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), numbered(v, n)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A content folder with `n` lessons: `scripts/gen-lessons.sh N OUT` when the repository
/// has it, else copies of the shipped lessons under new ids. Returns how it was made.
fn many_lessons(n: usize, out: &Path) -> String {
    let shipped = dist_dir().join("lessons");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen-lessons.sh");
    if script.is_file() {
        let status = std::process::Command::new("bash")
            .arg(&script)
            .arg(n.to_string())
            .arg(out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
        assert!(status.success(), "{} failed: {status}", script.display());
        // Whatever it does not write (templates, profiles, pictures) comes from the build.
        for folder in ["canvases", "challenges", "role-models", "media", "schema"] {
            if !out.join(folder).exists() && shipped.join(folder).exists() {
                copy_dir(&shipped.join(folder), &out.join(folder), &[]);
            }
        }
        return format!("scripts/gen-lessons.sh {n}");
    }
    copy_dir(&shipped, out, &[]);
    let index = support::shipped_json("index.json");
    let sources = index_ids(&index, "lessons");
    let entries = index["lessons"].as_array().cloned().unwrap_or_default();
    for id in &sources {
        let _ = std::fs::remove_file(out.join(format!("{id}.json")));
    }
    let mut listed = Vec::new();
    for k in 1..=n {
        let source = (k - 1) % sources.len();
        let id = format!("{}-{k:03}", sources[source]);
        let mut lesson = support::shipped_lesson(&sources[source]);
        lesson["id"] = json!(id);
        lesson["title"] = numbered(&lesson["title"], k);
        std::fs::write(
            out.join(format!("{id}.json")),
            serde_json::to_string_pretty(&lesson).expect("serialise a lesson"),
        )
        .expect("write a generated lesson");
        // The index entry keeps the shipped shape (an id, or an object with summaries).
        let entry = match &entries[source] {
            Value::Object(map) => {
                let mut map = map.clone();
                map.insert("id".into(), json!(id));
                if let Some(title) = map.get("title").cloned() {
                    map.insert("title".into(), numbered(&title, k));
                }
                Value::Object(map)
            }
            _ => json!(id),
        };
        listed.push(entry);
    }
    let mut index = index;
    index["lessons"] = Value::Array(listed);
    std::fs::write(
        out.join("index.json"),
        serde_json::to_string_pretty(&index).expect("serialise the index"),
    )
    .expect("write the generated index");
    format!("{n} copies of the shipped lessons")
}

/// Every string of a Text, lower-cased and joined: what the catalogue searches.
fn search_text(lesson: &Value) -> String {
    fn strings(text: &Value, out: &mut Vec<String>) {
        match text {
            Value::String(s) => out.push(s.clone()),
            Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(&lesson["title"], &mut all);
    strings(&lesson["summary"], &mut all);
    all.join(" ").to_lowercase()
}

/// A word from the lesson titles whose last letter changes how many lessons match, so the
/// result count must update on that key.
fn search_word(content: &Path) -> Option<String> {
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(content.join("index.json")).ok()?).ok()?;
    let lessons: Vec<Value> = index_ids(&index, "lessons")
        .iter()
        .filter_map(|id| {
            let text = std::fs::read_to_string(content.join(format!("{id}.json"))).ok()?;
            serde_json::from_str(&text).ok()
        })
        .collect();
    let texts: Vec<String> = lessons.iter().map(search_text).collect();
    let count = |q: &str| texts.iter().filter(|t| t.contains(q)).count();
    let mut candidates: Vec<String> = lessons
        .iter()
        .flat_map(|l| {
            let title = search_text(&json!({"title": l["title"]}));
            title
                .split(|c: char| !c.is_alphabetic())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 5 && w.is_ascii())
        .collect();
    candidates.sort();
    candidates.dedup();
    candidates.into_iter().find(|w| {
        let n = count(w);
        n > 0 && n < count(&w[..w.len() - 1])
    })
}

// ----- saved progress ----------------------------------------------------------------------

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Saved progress in format v2 (see `src/core/progress/stored.rs`); newer apps migrate it.
fn progress_v2(work: Map<String, Value>) -> String {
    let now = now_ms();
    json!({
        "format": "spire-progress",
        "version": 2,
        "saved_at": now,
        "app_version": "0.1.0",
        "data": {
            "settings": {"lang": "da", "name": "", "updated": now},
            "work": work,
            "erased_at": 0
        }
    })
    .to_string()
}

fn work_item(answers: Map<String, Value>, at_step: &str) -> Value {
    let now = now_ms();
    json!({
        "answers": answers,
        "at_step": at_step,
        "completed": null,
        "meta_updated": now,
        "started": now - 60_000,
        "updated": now
    })
}

/// `CANVAS_NOTES` notes spread over the blocks of the shipped Business Model Canvas.
fn canvas_state() -> String {
    let template = support::shipped_json("canvases/business-model-canvas.json");
    let blocks: Vec<String> = template["blocks"]
        .as_array()
        .expect("the canvas has blocks")
        .iter()
        .filter_map(|b| b["id"].as_str().map(String::from))
        .collect();
    let notes: Vec<Value> = (1..=CANVAS_NOTES)
        .map(|i| {
            json!({
                "id": i,
                "block": blocks[i % blocks.len()],
                "text": format!("Note {i}: en idé om hvem der har problemet, og hvad de gør i dag"),
                "colour": ""
            })
        })
        .collect();
    let mut answers = Map::new();
    answers.insert(
        "board".into(),
        json!({"value": {"kind": "canvas", "notes": notes}, "updated": now_ms()}),
    );
    let mut work = Map::new();
    work.insert("lesson:bench-canvas".into(), work_item(answers, "board"));
    progress_v2(work)
}

/// About `STATE_BYTES` of saved work: many lessons with long text answers.
fn big_state() -> String {
    let sentence = "Vi har talt med tolv elever om køen ved boden, og de fleste siger, at de \
        helst vil bestille på forhånd, så de ikke mister frikvarteret. ";
    let text = sentence.repeat(8);
    let mut work = Map::new();
    let mut n = 0;
    while progress_v2(work.clone()).len() < STATE_BYTES {
        n += 1;
        let mut answers = Map::new();
        for step in 1..=8 {
            answers.insert(
                format!("p{step}"),
                json!({"value": {"kind": "text", "text": format!("{n}.{step} {text}")},
                       "updated": now_ms()}),
            );
        }
        work.insert(format!("lesson:fyld-{n:03}"), work_item(answers, "p1"));
    }
    progress_v2(work)
}

// ----- the browser -------------------------------------------------------------------------

/// A browser on `site` as the benchmark needs it: the probe in every document, cold cache,
/// no service worker, CPU throttled unless `throttled` is false.
async fn bench_browser(site: &Path, throttled: bool) -> App {
    let app = App::serve(site, "/").await;
    app.client()
        .update_timeouts(TimeoutConfiguration::new(
            Some(WEBDRIVER_TIMEOUT),
            Some(WEBDRIVER_TIMEOUT),
            Some(Duration::ZERO),
        ))
        .await
        .expect("set WebDriver timeouts");
    app.cdp("Network.enable", json!({})).await;
    app.cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))
        .await;
    app.cdp("Network.setBypassServiceWorker", json!({"bypass": true}))
        .await;
    app.add_init_script(PROBE).await;
    if throttled {
        app.throttle_cpu(THROTTLE).await;
    }
    app
}

/// Why a measurement has no value.
#[derive(Debug)]
enum Miss {
    /// The page did not get there in time (or was too busy to answer WebDriver).
    TooSlow(String),
    Failed(String),
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Miss::TooSlow(why) | Miss::Failed(why) => f.write_str(why),
        }
    }
}

impl From<String> for Miss {
    fn from(why: String) -> Miss {
        // A renderer busy past WebDriver's limits is a slow page, not a broken one.
        if why.contains("timeout") || why.contains("Timed out") {
            Miss::TooSlow(why)
        } else {
            Miss::Failed(why)
        }
    }
}

impl From<&str> for Miss {
    fn from(why: &str) -> Miss {
        Miss::from(why.to_string())
    }
}

/// Waits in the page until `condition` (a JS expression over the probe `b`) holds, at most
/// `limit`, and returns `value` (another expression) at that moment. One WebDriver call:
/// polling from outside would load the throttled CPU.
async fn wait_for_in_page(
    app: &App,
    condition: &str,
    value: &str,
    limit: Duration,
) -> Result<Value, Miss> {
    let script = "const [condition, value, limit, done] = arguments; \
        const b = window.__bench; \
        if (!b) { done(['error', 'the benchmark probe is not in this page']); return; } \
        const holds = new Function('b', 'return (' + condition + ')'); \
        const read = new Function('b', 'return (' + value + ')'); \
        const timer = setTimeout(() => { b.onChange = null; done(['timeout', null]); }, limit); \
        const check = () => { if (holds(b)) { clearTimeout(timer); b.onChange = null; done(['ok', read(b)]); } }; \
        b.onChange = check; check();";
    let args = vec![
        json!(condition),
        json!(value),
        json!(limit.as_millis() as u64),
    ];
    match app.client().execute_async(script, args).await {
        Ok(v) if v[0] == "ok" => Ok(v[1].clone()),
        Ok(v) if v[0] == "timeout" => Err(Miss::TooSlow(format!(
            "{condition} did not hold within {limit:?}"
        ))),
        Ok(other) => Err(Miss::Failed(format!("waiting for {condition}: {other}"))),
        Err(e) => Err(Miss::from(format!("waiting for {condition}: {e}"))),
    }
}

async fn wait_in_page(app: &App, condition: &str, limit: Duration) -> Result<(), Miss> {
    wait_for_in_page(app, condition, "true", limit)
        .await
        .map(|_| ())
}

/// Lets the page come round to a new frame and task (what `App::let_page_react` does, as a
/// result rather than a test failure).
/// Returns the page's clock at that moment.
async fn react(app: &App) -> Result<f64, Miss> {
    let script = "const done = arguments[arguments.length - 1]; \
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)));";
    app.client()
        .execute_async(script, vec![])
        .await
        .map_err(|e| Miss::from(format!("waiting for a frame: {e}")))
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
}

/// Opens `path` as a new document (from `about:blank`, so a hash route is a full load).
async fn navigate(app: &App, path: &str) -> Result<(), Miss> {
    let url = format!("{}{}", app.base_url(), path);
    app.client()
        .goto("about:blank")
        .await
        .map_err(|e| Miss::from(format!("about:blank: {e}")))?;
    app.client()
        .goto(&url)
        .await
        .map_err(|e| Miss::from(format!("cannot open {url}: {e}")))
}

/// One page load, timed from navigation start. A page that is not ready within
/// [`READY_LIMIT`] is `too_slow`, with what could be seen until then.
#[derive(Default)]
struct Load {
    ready: Option<f64>,
    /// The browser's first contentful paint: on Spire's pages, the frame in index.html.
    first_paint: Option<f64>,
    /// When the page, once ready, next came round to paint two frames: a page that is
    /// "ready" but still busy shows here.
    settled: Option<f64>,
    first_card: Option<f64>,
    long_tasks: Option<f64>,
    /// Requests for content files the server answered during the load (the cache is off,
    /// so every fetch reaches it; counted there because a busy page cannot be asked).
    lesson_requests: usize,
    too_slow: Option<String>,
}

/// Loads `path` and waits at most `limit` for it; with `card`, also times the first filled
/// lesson card.
async fn load(app: &App, path: &str, card: bool, limit: Duration) -> Result<Load, Miss> {
    app.server.clear_requests();
    let lesson_requests = || {
        app.server
            .requests()
            .iter()
            .filter(|r| r.path.contains("/lessons/"))
            .count()
    };
    let slow = |why: String, first_card: Option<f64>| Load {
        first_card,
        lesson_requests: lesson_requests(),
        too_slow: Some(format!("{path}: {why}")),
        ..Load::default()
    };
    match navigate(app, path).await {
        Ok(()) => {}
        Err(Miss::TooSlow(why)) => return Ok(slow(why, None)),
        Err(why) => return Err(why),
    }
    let mut first_card = None;
    if card {
        match wait_for_in_page(app, "b.firstCard !== null", "b.firstCard", limit).await {
            Ok(v) => first_card = v.as_f64(),
            Err(Miss::TooSlow(why)) => return Ok(slow(why, None)),
            Err(Miss::Failed(why)) => return Err(diagnose(app, path, why).await),
        }
    }
    match wait_in_page(app, "b.ready !== null", limit).await {
        Ok(()) => {}
        Err(Miss::TooSlow(why)) => return Ok(slow(why, first_card)),
        Err(Miss::Failed(why)) => return Err(diagnose(app, path, why).await),
    }
    // Long-task entries arrive after their task ends: let the page come round first. A
    // page that is "ready" but then too busy to paint for WebDriver's whole limit is not.
    let settled = match react(app).await {
        Ok(t) => t,
        Err(Miss::TooSlow(why)) => {
            return Ok(slow(
                format!("ready, but then too busy to paint a frame: {why}"),
                first_card,
            ))
        }
        Err(why) => return Err(why),
    };
    let v = app
        .try_js_value(
            "const b = window.__bench; \
             const long = b.longTasks.filter(([s]) => s < b.ready).reduce((a, [, d]) => a + d, 0); \
             const paint = performance.getEntriesByName('first-contentful-paint')[0]; \
             return {ready: b.ready, long, paint: paint ? paint.startTime : null, error: b.longTaskError || null};",
            vec![],
        )
        .await
        .ok_or_else(|| format!("cannot read the probe on {path}"))?;
    if let Some(error) = v["error"].as_str() {
        return Err(Miss::Failed(format!("no long-task observer: {error}")));
    }
    Ok(Load {
        ready: v["ready"].as_f64(),
        first_paint: v["paint"].as_f64(),
        settled: Some(settled),
        first_card,
        long_tasks: v["long"].as_f64(),
        lesson_requests: lesson_requests(),
        too_slow: None,
    })
}

/// A failed load with what the page shows and the console errors.
async fn diagnose(app: &App, path: &str, why: String) -> Miss {
    let shown = app.page_text().await.chars().take(300).collect::<String>();
    let errors: Vec<String> = app
        .console_errors()
        .await
        .iter()
        .map(|e| e.to_string())
        .collect();
    Miss::Failed(format!(
        "{path} never became ready ({why}); it shows {shown:?}; console errors: {errors:?}"
    ))
}

/// How much slower a fixed piece of work runs with the throttle than without (proof that
/// the throttle holds across navigations), and the browser's user agent.
async fn throttle_check(site: &Path) -> Result<(f64, String), String> {
    const WORK: &str = "let x = 0; const t = performance.now(); \
        for (let i = 0; i < 2e7; i++) { x = (x + i * 7) % 1000003; } \
        return [performance.now() - t, x];";
    // The fastest of several runs: other work on a shared machine only ever adds time.
    async fn work(app: &App) -> Result<f64, String> {
        let mut samples = Vec::new();
        for _ in 0..5 {
            navigate(app, PLAIN).await.map_err(|e| e.to_string())?;
            let v = app
                .try_js_value(WORK, vec![])
                .await
                .ok_or("the calibration script failed")?;
            samples.push(v[0].as_f64().unwrap_or(f64::NAN));
        }
        samples
            .into_iter()
            .min_by(f64::total_cmp)
            .ok_or_else(|| "no samples".to_string())
    }
    let unthrottled = bench_browser(site, false).await;
    let fast = work(&unthrottled).await?;
    let browser = unthrottled.js("return navigator.userAgent").await;
    drop(unthrottled);
    let slow = work(&bench_browser(site, true).await).await?;
    Ok((slow / fast, browser))
}

// ----- 1, 2: page loads and the catalogue ---------------------------------------------------

/// The pages measured, with the content they show.
fn routes(content: &Path) -> Vec<(String, String)> {
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(content.join("index.json")).expect("read index.json"),
    )
    .expect("index.json is JSON");
    let first = |kind: &str| {
        index_ids(&index, kind)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let mut routes: Vec<(String, String)> = vec![
        ("home".into(), "#/".into()),
        ("lessons".into(), "#/lessons".into()),
        ("a lesson".into(), format!("#/lessons/{}", first("lessons"))),
        ("challenges".into(), "#/challenges".into()),
        (
            "a challenge".into(),
            format!("#/challenges/{}", first("challenges")),
        ),
        ("role models".into(), "#/role-models".into()),
        (
            "a role model".into(),
            format!("#/role-models/{}", first("role_models")),
        ),
        ("courses".into(), "#/courses".into()),
        ("canvases".into(), "#/canvases".into()),
        ("local".into(), "#/local".into()),
        ("teacher".into(), "#/teacher".into()),
        ("dating".into(), "#/dating".into()),
        ("my work".into(), "#/my-work".into()),
        ("about".into(), "#/about".into()),
    ];
    // Courses are optional in the contract.
    let course = if index["courses"].is_array() {
        first("courses")
    } else {
        String::new()
    };
    if !course.is_empty() {
        routes.insert(8, ("a course".into(), format!("#/courses/{course}")));
    }
    routes
}

/// The figures of one page: ready times and long-task sums, or why there are none.
#[derive(Default)]
struct PageFigures {
    name: String,
    route: String,
    ready: Vec<f64>,
    first_paint: Vec<f64>,
    long_tasks: Vec<f64>,
    /// From ready until the page painted again.
    busy_after: Vec<f64>,
    /// Set when the page was not ready within [`READY_LIMIT`]; it is not loaded again.
    too_slow: Option<String>,
    /// Slower than [`SLOW_PAGE_MS`]: measured once.
    once: bool,
}

impl PageFigures {
    fn ready_ms(&self) -> String {
        match (&self.too_slow, median(&self.ready)) {
            (Some(_), None) => format!("> {}", READY_LIMIT.as_millis()),
            (_, value) if self.once => format!("{}*", ms(value)),
            (_, value) => ms(value),
        }
    }
}

/// Page-load and catalogue figures of one content folder.
#[derive(Default)]
struct SiteFigures {
    label: String,
    made_by: String,
    lessons: usize,
    plain: Vec<f64>,
    plain_paint: Vec<f64>,
    pages: Vec<PageFigures>,
    first_card: Vec<f64>,
    requests: Vec<f64>,
    word: Option<String>,
    filter: Vec<f64>,
    filter_too_slow: Option<String>,
}

impl SiteFigures {
    fn plain_median(&self) -> Option<f64> {
        median(&self.plain)
    }

    fn to_json(&self) -> Value {
        let plain = self.plain_median();
        let plain_paint = median(&self.plain_paint);
        json!({
            "content": self.label,
            "made_by": self.made_by,
            "lessons": self.lessons,
            "plain_ready_ms": round(plain),
            "plain_ready_samples_ms": self.plain,
            "plain_first_paint_ms": round(plain_paint),
            "pages": self.pages.iter().map(|p| json!({
                "page": p.name,
                "route": p.route,
                "ready_ms": round(median(&p.ready)),
                "ready_vs_plain": round2(ratio(median(&p.ready), plain)),
                "first_paint_ms": round(median(&p.first_paint)),
                "first_paint_vs_plain": round2(ratio(median(&p.first_paint), plain_paint)),
                "long_tasks_ms": round(median(&p.long_tasks)),
                "busy_after_ready_ms": round(median(&p.busy_after)),
                "busy_after_ready_samples_ms": p.busy_after,
                "measured_once": p.once,
                "ready_samples_ms": p.ready,
                "long_task_samples_ms": p.long_tasks,
                "too_slow": p.too_slow,
            })).collect::<Vec<_>>(),
            "catalogue": {
                "lesson_requests": median(&self.requests),
                "first_card_ms": round(median(&self.first_card)),
                "first_card_vs_plain": round2(ratio(median(&self.first_card), plain)),
                "first_card_samples_ms": self.first_card,
                "search_word": self.word,
                "filter_ms": round(median(&self.filter)),
                "filter_samples_ms": self.filter,
                "filter_too_slow": self.filter_too_slow,
            },
        })
    }
}

async fn measure_site(
    report: &mut Report,
    label: &str,
    made_by: String,
    site: &Site,
    fatal: bool,
) -> SiteFigures {
    let content = site.lessons();
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(content.join("index.json")).expect("read index.json"),
    )
    .expect("index.json is JSON");
    let mut figures = SiteFigures {
        label: label.to_string(),
        made_by,
        lessons: index_ids(&index, "lessons").len(),
        word: search_word(&content),
        pages: routes(&content)
            .into_iter()
            .chain(
                site.path()
                    .join(FLOOR)
                    .exists()
                    .then(|| (FLOOR_NAME.to_string(), FLOOR.to_string())),
            )
            .map(|(name, route)| PageFigures {
                name,
                route,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    if figures.word.is_none() {
        report.fail(
            &format!("{label}: search"),
            "no title word whose last letter changes the number of matches",
        );
    }
    let mut app = bench_browser(site.path(), true).await;
    for run in 1..=runs() {
        progress(format!("{label}: page loads, run {run} of {}", runs()));
        // Interleaved, so a slow spell of the machine hits every page alike.
        match load(&app, PLAIN, false, READY_LIMIT).await {
            Ok(Load {
                ready: Some(t),
                first_paint,
                ..
            }) => {
                figures.plain.push(t);
                figures.plain_paint.extend(first_paint);
            }
            Ok(l) => report.fail(
                &format!("{label}: the plain page"),
                l.too_slow.unwrap_or_default(),
            ),
            Err(why) => report.fail(&format!("{label}: the plain page"), why),
        }
        for (i, page) in figures.pages.iter_mut().enumerate() {
            if page.too_slow.is_some() || page.once {
                continue;
            }
            let catalogue = page.route == "#/lessons";
            // The first page of the first run not loading means the app does not load.
            let first = fatal && run == 1 && i == 0;
            let limit = if first { FIRST_LOAD_LIMIT } else { READY_LIMIT };
            match load(&app, &page.route, catalogue && figures.lessons > 0, limit).await {
                Ok(Load {
                    too_slow: Some(why),
                    ..
                }) if first => {
                    panic!(
                        "the app does not load: {}",
                        diagnose(&app, &page.route, why).await
                    )
                }
                Ok(l) => {
                    if catalogue {
                        figures.requests.push(l.lesson_requests as f64);
                        figures.first_card.extend(l.first_card);
                    }
                    if let Some(why) = l.too_slow {
                        progress(format!(
                            "{label}: {} is too slow to measure: {why}",
                            page.name
                        ));
                        page.too_slow = Some(why.clone());
                        if catalogue {
                            figures.filter_too_slow = Some(why);
                        }
                        // The renderer may stay busy for minutes: start afresh.
                        app = bench_browser(site.path(), true).await;
                        continue;
                    }
                    page.ready.extend(l.ready);
                    page.first_paint.extend(l.first_paint);
                    page.long_tasks.extend(l.long_tasks);
                    if let (Some(ready), Some(settled)) = (l.ready, l.settled) {
                        page.busy_after.push(settled - ready);
                        if settled > SLOW_PAGE_MS {
                            page.once = true;
                            // Its renderer may go on working after the next navigation and
                            // slow down the pages measured after it: start afresh.
                            app = bench_browser(site.path(), true).await;
                        }
                    }
                }
                Err(why) if first => panic!("the app does not load: {why}"),
                Err(why) => report.fail(&format!("{label}: {}", page.name), why),
            }
        }
        let Some(word) = figures.word.clone() else {
            continue;
        };
        let catalogue_once = figures
            .pages
            .iter()
            .any(|p| p.route == "#/lessons" && p.once);
        if figures.filter_too_slow.is_some() || (catalogue_once && !figures.filter.is_empty()) {
            continue;
        }
        match filter_time(&app, &word).await {
            Ok(Some(t)) => {
                figures.filter.push(t);
                if catalogue_once {
                    app = bench_browser(site.path(), true).await;
                }
            }
            Ok(None) => {
                figures.filter_too_slow = Some("the catalogue was not ready".into());
                app = bench_browser(site.path(), true).await;
            }
            Err(Miss::TooSlow(why)) => {
                progress(format!("{label}: the search is too slow to measure: {why}"));
                figures.filter_too_slow = Some(why);
                app = bench_browser(site.path(), true).await;
            }
            Err(why) => report.fail(&format!("{label}: search for {word:?}"), why),
        }
    }
    figures
}

/// Types `word` into the catalogue's search field and returns the time from the keydown
/// of its last letter until the changed result count was painted.
async fn filter_time(app: &App, word: &str) -> Result<Option<f64>, Miss> {
    if load(app, "#/lessons", false, READY_LIMIT)
        .await?
        .too_slow
        .is_some()
    {
        return Ok(None);
    }
    let watching = app
        .try_js_value("return window.__bench.watchCount()", vec![])
        .await;
    if watching != Some(Value::Bool(true)) {
        return Err("the catalogue has no #result-count".into());
    }
    let field = app.within("main form").searchbox("Søg").await;
    let (head, last) = word.split_at(word.len() - 1);
    field
        .element()
        .send_keys(head)
        .await
        .map_err(|e| Miss::from(format!("cannot type: {e}")))?;
    // The page has painted the count for every letter so far before the last one comes.
    wait_in_page(
        app,
        &format!("b.keys.length >= {}", head.chars().count()),
        READY_LIMIT,
    )
    .await?;
    react(app).await?;
    field
        .element()
        .send_keys(last)
        .await
        .map_err(|e| Miss::from(format!("cannot type: {e}")))?;
    let condition = "b.counts.some(([t]) => t > b.keydowns[b.keydowns.length - 1])";
    wait_in_page(app, condition, READY_LIMIT)
        .await
        .map_err(|e| match e {
            Miss::TooSlow(why) => Miss::TooSlow(why),
            Miss::Failed(_) => Miss::Failed(format!(
                "the result count did not change after the last letter of {word:?}"
            )),
        })?;
    let v = app
        .try_js_value(
            "const b = window.__bench; const k = b.keydowns[b.keydowns.length - 1]; \
             return b.counts.find(([t]) => t > k)[0] - k;",
            vec![],
        )
        .await
        .ok_or("cannot read the filter time")?;
    v.as_f64()
        .map(Some)
        .ok_or_else(|| Miss::Failed(format!("no filter time: {v}")))
}

// ----- 3, 4: typing and saving ------------------------------------------------------------

/// Opens `path` with `progress` as the saved state (or none) on a fresh document.
async fn load_with_progress(app: &App, path: &str, progress: Option<&str>) -> Result<(), Miss> {
    navigate(app, PLAIN).await?;
    let set = app
        .try_js_value(
            "localStorage.clear(); if (arguments[1] !== null) localStorage.setItem(arguments[0], arguments[1]); return true;",
            vec![json!(PROGRESS_KEY), json!(progress)],
        )
        .await;
    if set != Some(Value::Bool(true)) {
        return Err("cannot write the saved state".into());
    }
    match load(app, path, false, READY_LIMIT).await? {
        Load {
            too_slow: Some(why),
            ..
        } => Err(Miss::TooSlow(why)),
        _ => Ok(()),
    }
}

/// Keystroke-to-paint latencies of typing `TYPED` into `field`, one key at a time, each
/// after the previous one was painted (as a pupil types, not as fast as WebDriver can).
async fn type_and_time(app: &App, field: &fantoccini::elements::Element) -> Result<Vec<f64>, Miss> {
    field
        .click()
        .await
        .map_err(|e| Miss::from(format!("cannot focus the field: {e}")))?;
    let before = app
        .try_js_value("return window.__bench.keys.length", vec![])
        .await
        .and_then(|v| v.as_u64())
        .ok_or("cannot read the probe")? as usize;
    for (i, key) in TYPED.chars().enumerate() {
        field
            .send_keys(&key.to_string())
            .await
            .map_err(|e| Miss::from(format!("cannot type: {e}")))?;
        wait_in_page(
            app,
            &format!("b.keys.length >= {}", before + i + 1),
            Duration::from_secs(30),
        )
        .await?;
    }
    let v = app
        .js_value(
            "return window.__bench.keys.slice(arguments[0])",
            vec![json!(before)],
        )
        .await;
    Ok(v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default())
}

struct Typing {
    label: &'static str,
    /// Per run: p50 and p95.
    p50: Vec<f64>,
    p95: Vec<f64>,
    samples: Vec<f64>,
}

impl Typing {
    fn new(label: &'static str) -> Typing {
        Typing {
            label,
            p50: Vec::new(),
            p95: Vec::new(),
            samples: Vec::new(),
        }
    }

    fn add(&mut self, samples: Vec<f64>) {
        self.p50.extend(percentile(&samples, 50.0));
        self.p95.extend(percentile(&samples, 95.0));
        self.samples.extend(samples);
    }

    fn to_json(&self) -> Value {
        json!({
            "where": self.label,
            "keys_per_run": TYPED.chars().count(),
            "p50_ms": round(median(&self.p50)),
            "p95_ms": round(median(&self.p95)),
            "samples_ms": self.samples,
        })
    }
}

async fn typing_prompts(app: &App) -> Result<Vec<f64>, Miss> {
    let middle = PROMPT_STEPS / 2;
    load_with_progress(app, &format!("#/lessons/bench-prompts/p{middle}"), None).await?;
    let field = app.textbox("Dit svar").await;
    type_and_time(app, field.element()).await
}

/// The same typing into a textarea of the plain page: what a keystroke costs this browser
/// under this throttle with no app at all, so the app's figures have a baseline.
async fn typing_plain(app: &App) -> Result<Vec<f64>, Miss> {
    navigate(app, PLAIN).await?;
    let field = app.textbox("Dit svar").await;
    type_and_time(app, field.element()).await
}

async fn typing_canvas(app: &App) -> Result<Vec<f64>, Miss> {
    let state = canvas_state();
    load_with_progress(app, "#/lessons/bench-canvas/board", Some(&state)).await?;
    let fields = app.within("main .step").all_by_role("textbox").await;
    let field = fields.first().ok_or("the canvas step has no text field")?;
    type_and_time(app, field.element()).await
}

/// The `spire:save` measures of one save of a ~1 MB state after typing one character:
/// `Ok(None)` when the app emits none.
async fn save_time(app: &App, state: &str) -> Result<(Option<Vec<f64>>, usize), Miss> {
    load_with_progress(app, "#/lessons/bench-prompts/p1", Some(state)).await?;
    let field = app.textbox("Dit svar").await;
    // A character that is nowhere in the seeded state, so its arrival in storage is the save.
    field
        .element()
        .send_keys("§")
        .await
        .map_err(|e| Miss::from(format!("cannot type: {e}")))?;
    // Whichever entries the saved format uses (one, or one per work item): the save has
    // happened when one holds the character; the state's size is all of Spire's entries.
    let saved = app
        .wait_for_value_quietly(|| async {
            let v = app
                .try_js_value(
                    "const keys = Object.keys(localStorage).filter(k => k.startsWith('spire.')); \
                     const values = keys.map(k => localStorage.getItem(k)); \
                     return [values.some(v => v.includes('§')), \
                             values.reduce((n, v, i) => n + v.length + keys[i].length, 0)];",
                    vec![],
                )
                .await?;
            (v[0] == true).then(|| v[1].as_u64().unwrap_or(0) as usize)
        })
        .await
        .ok_or("the typed character never reached storage")?;
    react(app).await?;
    let v = app
        .js_value(
            "const k = window.__bench.keydowns[0]; \
             return performance.getEntriesByName('spire:save') \
               .filter(e => e.entryType === 'measure' && e.startTime >= k).map(e => e.duration);",
            vec![],
        )
        .await;
    let durations: Vec<f64> = v
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    Ok(((!durations.is_empty()).then_some(durations), saved))
}

// ----- 5: first-load sizes -----------------------------------------------------------------

/// `scripts/bench.sh`'s first-load sizes: `(file, bytes, gzip bytes)`.
fn sizes() -> Option<Vec<(String, u64, u64)>> {
    let text = std::fs::read_to_string(out_dir().join("sizes.tsv")).ok()?;
    Some(
        text.lines()
            .filter_map(|line| {
                let mut parts = line.split('\t');
                Some((
                    parts.next()?.to_string(),
                    parts.next()?.parse().ok()?,
                    parts.next()?.parse().ok()?,
                ))
            })
            .collect(),
    )
}

// ----- the run -----------------------------------------------------------------------------

#[tokio::test]
#[ignore = "a benchmark: run it with `make bench`"]
async fn bench() {
    let started = std::time::Instant::now();
    let mut report = Report::default();
    let runs = runs();

    // Sites: the build as shipped, the build with a big catalogue, the build with the
    // lessons for typing. Each has the plain page beside index.html.
    let shipped = Site::shipped("bench-shipped");
    shipped.write(PLAIN, plain_page());
    write_floor(&shipped);
    let generated = ScratchDir::new("bench-lessons");
    let made_by = many_lessons(MANY_LESSONS, generated.path());
    let many = Site::with_content("bench-many", generated.path());
    many.write(PLAIN, plain_page());
    write_floor(&many);
    let work = Site::shipped("bench-work");
    work.write(PLAIN, plain_page());
    write_typing_lessons(&work);

    progress("checking the CPU throttle");
    let (throttle, browser) = match throttle_check(shipped.path()).await {
        Ok((r, browser)) => (Some(r), browser),
        Err(why) => panic!("the plain page does not load: {why}"),
    };
    if let Some(r) = throttle {
        if r < THROTTLE / 2.0 {
            report.fail(
                "CPU throttle check",
                format!("work ran only {r:.1}× slower with a {THROTTLE}× throttle"),
            );
        }
    }

    let shipped_figures = measure_site(
        &mut report,
        "shipped",
        "the content in dist/lessons".into(),
        &shipped,
        true,
    )
    .await;
    let many_figures = measure_site(&mut report, "300 lessons", made_by, &many, false).await;

    let mut plain = Typing::new("plain page's textarea (no app)");
    let mut prompts = Typing::new("40-prompt lesson, step 20");
    let mut canvas = Typing::new("canvas step with 200 notes");
    let mut saves: Vec<f64> = Vec::new();
    let mut saves_missing = false;
    let mut saved_sizes: Vec<f64> = Vec::new();
    {
        let app = bench_browser(work.path(), true).await;
        let state = big_state();
        for run in 1..=runs {
            progress(format!("typing and saving, run {run} of {runs}"));
            match typing_plain(&app).await {
                Ok(samples) => plain.add(samples),
                Err(why) => report.fail("typing in the plain page", why),
            }
            match typing_prompts(&app).await {
                Ok(samples) => prompts.add(samples),
                Err(why) => report.fail("typing in the 40-prompt lesson", why),
            }
            match typing_canvas(&app).await {
                Ok(samples) => canvas.add(samples),
                Err(why) => report.fail("typing on the 200-note canvas", why),
            }
            match save_time(&app, &state).await {
                Ok((Some(durations), size)) => {
                    saves.extend(durations);
                    saved_sizes.push(size as f64);
                }
                Ok((None, size)) => {
                    saves_missing = true;
                    saved_sizes.push(size as f64);
                }
                Err(why) => report.fail("saving a 1 MB state", why),
            }
        }
    }
    let sizes = sizes();

    // ----- the table --------------------------------------------------------------------
    let r = &mut report;
    r.line(format!(
        "Spire benchmark: {browser}\nCPU throttled {THROTTLE}× (a fixed loop ran {} slower), \
         cold cache, {runs} runs, medians; times from navigation start, measured in the page",
        times(throttle)
    ));
    r.line("");
    r.line("1. Page ready: main [data-page] with its h1 and nothing .loading; long tasks until");
    r.line("   then; and how long the page stayed busy after it (until it painted two frames)");
    let head = |a: &str, b: &str| format!("   {:<14} {:>34} | {:>34}", "", a, b);
    r.line(head(
        &format!("shipped ({} lessons)", shipped_figures.lessons),
        &format!("{} lessons", many_figures.lessons),
    ));
    let row = |name: &str, cells: [String; 8]| {
        format!(
            "   {:<14} {:>7} {:>8} {:>8} {:>8} | {:>7} {:>8} {:>8} {:>8}",
            name, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
        )
    };
    r.line(row(
        "page",
        [
            "×plain", "ms", "long ms", "busy ms", "×plain", "ms", "long ms", "busy ms",
        ]
        .map(String::from),
    ));
    let (p1, p2) = (shipped_figures.plain_median(), many_figures.plain_median());
    r.line(row(
        "plain page",
        [
            times(Some(1.0)),
            ms(p1),
            String::new(),
            String::new(),
            times(Some(1.0)),
            ms(p2),
            String::new(),
            String::new(),
        ],
    ));
    // By name: a site without courses has no "a course" row.
    for a in &shipped_figures.pages {
        let b = many_figures.pages.iter().find(|b| b.name == a.name);
        let [t, r2, l, busy] = b.map_or_else(
            || std::array::from_fn(|_| "–".to_string()),
            |b| {
                [
                    times(ratio(median(&b.ready), p2)),
                    b.ready_ms(),
                    ms(median(&b.long_tasks)),
                    ms(median(&b.busy_after)),
                ]
            },
        );
        r.line(row(
            &a.name,
            [
                times(ratio(median(&a.ready), p1)),
                a.ready_ms(),
                ms(median(&a.long_tasks)),
                ms(median(&a.busy_after)),
                t,
                r2,
                l,
                busy,
            ],
        ));
    }
    r.line(format!(
        "   (* slower than {} s: measured in the first run only; > {} ms: not ready in {} s)",
        SLOW_PAGE_MS / 1000.0,
        READY_LIMIT.as_millis(),
        READY_LIMIT.as_secs()
    ));
    r.line("");
    r.line(
        "   First contentful paint: what a pupil sees first, the frame in index.html (ms, ×plain)",
    );
    let paint = |f: &SiteFigures, name: &str| {
        let page = f.pages.iter().find(|p| p.name == name);
        page.map_or_else(
            || "–".to_string(),
            |p| {
                let t = median(&p.first_paint);
                format!("{} {}", ms(t), times(ratio(t, median(&f.plain_paint))))
            },
        )
    };
    let plain_paint =
        |f: &SiteFigures| format!("{} {}", ms(median(&f.plain_paint)), times(Some(1.0)));
    r.line(format!(
        "   {:<14} {:>34} | {:>34}",
        "plain page",
        plain_paint(&shipped_figures),
        plain_paint(&many_figures)
    ));
    for a in &shipped_figures.pages {
        r.line(format!(
            "   {:<14} {:>34} | {:>34}",
            a.name,
            paint(&shipped_figures, &a.name),
            paint(&many_figures, &a.name)
        ));
    }
    r.line("");
    r.line("2. Catalogue (#/lessons)");
    r.line(format!(
        "   {:<44} {:>14} | {:>14}",
        "", "shipped", "300 lessons"
    ));
    r.line(format!(
        "   {:<44} {:>14} | {:>14}",
        "requests under lessons/",
        ms(median(&shipped_figures.requests)),
        ms(median(&many_figures.requests))
    ));
    let card = |f: &SiteFigures| {
        format!(
            "{} ms {}",
            ms(median(&f.first_card)),
            times(ratio(median(&f.first_card), f.plain_median()))
        )
    };
    r.line(format!(
        "   {:<44} {:>14} | {:>14}",
        "first lesson card visible (ms, ×plain)",
        card(&shipped_figures),
        card(&many_figures)
    ));
    let word = |f: &SiteFigures| f.word.clone().unwrap_or_else(|| "–".into());
    let filter = |f: &SiteFigures| match (&f.filter_too_slow, median(&f.filter)) {
        (Some(_), None) => format!("> {}", READY_LIMIT.as_millis()),
        (_, value) => ms(value),
    };
    r.line(format!(
        "   {:<44} {:>14} | {:>14}",
        "search word",
        word(&shipped_figures),
        word(&many_figures)
    ));
    r.line(format!(
        "   {:<44} {:>14} | {:>14}",
        "its last key → new result count painted (ms)",
        filter(&shipped_figures),
        filter(&many_figures)
    ));
    r.line("");
    r.line(format!(
        "3. Keystroke → paint while typing {} characters, one at a time",
        TYPED.chars().count()
    ));
    r.line(format!("   {:<44} {:>8} {:>8}", "", "p50 ms", "p95 ms"));
    for t in [&plain, &prompts, &canvas] {
        r.line(format!(
            "   {:<44} {:>8} {:>8}",
            t.label,
            ms(median(&t.p50)),
            ms(median(&t.p95))
        ));
    }
    r.line("");
    let save_line = if saves_missing && saves.is_empty() {
        "n/a (the app emits no spire:save measures)".to_string()
    } else {
        format!("{} ms", ms(median(&saves)))
    };
    r.line(format!(
        "4. Saving a {:.1} MB state after one typed character (spire:save, median): {save_line}",
        median(&saved_sizes).unwrap_or(0.0) / 1_048_576.0
    ));
    r.line("");
    r.line("5. First load (gzip -9), from scripts/bench.sh");
    match &sizes {
        Some(rows) => {
            for (file, raw, gz) in rows {
                let raw = if *raw > 0 {
                    raw.to_string()
                } else {
                    String::new()
                };
                r.line(format!("   {file:<48} {raw:>10} {gz:>10}"));
            }
        }
        None => r.line("   n/a (run through `make bench`, which measures them first)"),
    }
    r.line("");
    r.line(format!(
        "{} in {:.0} s",
        if r.failures.is_empty() {
            "all figures measured".to_string()
        } else {
            format!(
                "{} FAILED:\n  {}",
                r.failures.len(),
                r.failures.join("\n  ")
            )
        },
        started.elapsed().as_secs_f64()
    ));

    // ----- the JSON ---------------------------------------------------------------------
    let json = &mut report.json;
    json.insert("measured_at_unix_ms".into(), json!(now_ms()));
    json.insert("browser".into(), json!(browser));
    json.insert("cpu_throttle".into(), json!(THROTTLE));
    json.insert("cpu_throttle_measured".into(), round(throttle));
    json.insert("runs".into(), json!(runs));
    json.insert(
        "cache".into(),
        json!("disabled (every load is a first visit)"),
    );
    json.insert(
        "sites".into(),
        json!([shipped_figures.to_json(), many_figures.to_json()]),
    );
    json.insert(
        "typing".into(),
        json!([plain.to_json(), prompts.to_json(), canvas.to_json()]),
    );
    json.insert(
        "save".into(),
        json!({
            "state_bytes": median(&saved_sizes),
            "measure": "spire:save",
            "median_ms": if saves.is_empty() { Value::Null } else { round(median(&saves)) },
            "samples_ms": saves,
            "note": if saves.is_empty() { json!("the app emits no spire:save measures") } else { Value::Null },
        }),
    );
    json.insert(
        "first_load".into(),
        match &sizes {
            Some(rows) => json!(rows
                .iter()
                .map(|(f, raw, gz)| json!({"file": f, "bytes": raw, "gzip": gz}))
                .collect::<Vec<_>>()),
            None => Value::Null,
        },
    );
    json.insert("failures".into(), json!(report.failures));
    json.insert("seconds".into(), json!(started.elapsed().as_secs()));

    let dir = out_dir();
    std::fs::create_dir_all(&dir).expect("create target/bench");
    let path = dir.join("bench.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&Value::Object(report.json.clone())).expect("serialise"),
    )
    .expect("write bench.json");
    println!(
        "\n{}\n\nwritten to {}",
        report.lines.join("\n"),
        path.display()
    );
    assert!(
        report.failures.is_empty(),
        "{} figure(s) could not be measured",
        report.failures.len()
    );
}

/// Only the typing figures, quickly: for working on keystroke latency
/// (`cargo test --test bench typing_only -- --ignored --nocapture`, after `make dist`).
#[tokio::test]
#[ignore = "a benchmark: run it by name"]
async fn typing_only() {
    let work = Site::shipped("bench-work");
    work.write(PLAIN, plain_page());
    write_typing_lessons(&work);
    let app = bench_browser(work.path(), true).await;
    let mut rows = vec![
        Typing::new("plain page's textarea (no app)"),
        Typing::new("40-prompt lesson, step 20"),
        Typing::new("canvas step with 200 notes"),
    ];
    for _ in 0..runs() {
        for (i, row) in rows.iter_mut().enumerate() {
            let samples = match i {
                0 => typing_plain(&app).await,
                1 => typing_prompts(&app).await,
                _ => typing_canvas(&app).await,
            };
            match samples {
                Ok(s) => row.add(s),
                Err(why) => println!("{}: {why:?}", row.label),
            }
        }
    }
    for row in &rows {
        println!(
            "{:<44} p50 {:>6} ms  p95 {:>6} ms",
            row.label,
            ms(median(&row.p50)),
            ms(median(&row.p95))
        );
    }
}
