//! The browser test harness: a static server for `dist/`, a headless Chromium driven over
//! WebDriver, and page-object helpers that read like what a user does.
//!
//! ```ignore
//! let app = App::at_root().await;          // serve dist/ at `/`, start a browser
//! app.open("#/lessons").await;              // http://127.0.0.1:PORT/#/lessons
//! app.wait_for_page("lessons").await;
//! app.link("Om Spire").await.click().await; // by role and name, as a pupil finds it
//! app.see_text("Spire").await;
//! ```
//!
//! Every `App` has its own server, chromedriver, Chromium profile and downloads folder; all
//! of them are torn down when it is dropped, also when the test panics. Waits give up after
//! [`timeout()`] (10 s, or `SPIRE_BROWSER_TIMEOUT_SECS`) and then panic with the URL, the
//! page text, the console errors so far and a screenshot path.
//!
//! - `roles.rs`: finders by role and accessible name (`app.button("Næste")`).
//! - `files.rs`: scratch folders, copies of `dist/` with test content, the shipped content.
//! - `speech.rs`: a recording speech engine for read-aloud tests.
//! - DevTools commands (`App::cdp`), scripts run before the app (`App::add_init_script`),
//!   downloads (`App::wait_for_download`) are below.

// Each test target uses only part of the harness.
#![allow(dead_code, unused_imports)]

pub mod axe;
pub mod driver;
pub mod files;
pub mod http;
pub mod mangle;
pub mod roles;
pub mod server;
pub mod speech;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::{TimeoutConfiguration, WindowHandle};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub use driver::ChromeDriver;
pub use files::{
    copy_dir, glob_match, index_ids, pct_encode, progress_fixture, scratch_root, shipped_ids,
    shipped_json, shipped_lesson, shipped_lesson_ids, shipped_step, steps_of, string_list,
    test_picture, ScratchDir, Site,
};
pub use roles::{Control, Within};
pub use server::StaticServer;
pub use speech::Utterance;

/// The sub-folder the app is served under in the sub-folder tests.
pub const SUBFOLDER: &str = "/spire/";

pub(crate) const POLL: Duration = Duration::from_millis(100);

/// How long a wait may take: 10 s, or `SPIRE_BROWSER_TIMEOUT_SECS`.
pub fn timeout() -> Duration {
    std::env::var("SPIRE_BROWSER_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(10))
}

/// The release build to test: `$SPIRE_DIST`, or `dist/` next to `Cargo.toml`.
/// Panics with instructions when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("SPIRE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run `make dist` first (or point SPIRE_DIST at a build)",
        dir.display()
    );
    dir
}

/// The name of the running test (libtest names the test thread after it).
fn test_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("test")
        .replace("::", "-")
}

/// One console message from the browser log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub level: String,
    pub source: String,
    pub message: String,
}

impl std::fmt::Display for LogEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{} {}] {}", self.level, self.source, self.message)
    }
}

/// The app in a browser: a server for its files, chromedriver, and a WebDriver session.
pub struct App {
    client: Client,
    session: String,
    base: String,
    /// Browser log entries read so far (reading the log drains it in chromedriver).
    logs: Mutex<Vec<LogEntry>>,
    /// URLs of network requests seen in the performance log so far.
    network: Mutex<Vec<String>>,
    /// Downloads [`App::wait_for_download`] has already returned.
    downloads_taken: Mutex<BTreeSet<String>>,
    screenshots: AtomicUsize,
    pub server: StaticServer,
    // Dropped last: kills chromedriver and Chromium, removes the profile.
    driver: ChromeDriver,
}

impl App {
    /// `dist/` served at the site root.
    pub async fn at_root() -> App {
        App::serve(dist_dir(), "/").await
    }

    /// `dist/` served under [`SUBFOLDER`] (`/spire/`), like a project page.
    pub async fn in_subfolder() -> App {
        App::serve(dist_dir(), SUBFOLDER).await
    }

    /// Any directory served under `mount`, with a fresh browser. Nothing is opened yet.
    pub async fn serve(dir: impl Into<PathBuf>, mount: &str) -> App {
        let server = StaticServer::start(dir, mount);
        let label = test_name();
        let driver =
            tokio::task::spawn_blocking(move || ChromeDriver::start(files::scratch_dir(&label)))
                .await
                .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        let client = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities(&driver.profile_dir(), &downloads_dir(&driver)))
                .connect(&driver.url()),
        )
        .await
        .unwrap_or_else(|_| panic!("no WebDriver session after 60 s"))
        .unwrap_or_else(|e| panic!("cannot start a WebDriver session: {e}"));
        let session = client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("the WebDriver session id");
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("set WebDriver timeouts");
        App {
            client,
            session,
            base: server.base_url(),
            logs: Mutex::new(Vec::new()),
            network: Mutex::new(Vec::new()),
            downloads_taken: Mutex::new(BTreeSet::new()),
            screenshots: AtomicUsize::new(0),
            server,
            driver,
        }
    }

    /// The raw fantoccini client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The URL the app is served at, e.g. `http://127.0.0.1:PORT/spire/`.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// This browser's `--user-data-dir`.
    pub fn profile_dir(&self) -> PathBuf {
        self.driver.profile_dir()
    }

    /// `host:port` of the test server.
    pub fn host(&self) -> String {
        self.server.host()
    }

    // ----- navigation -------------------------------------------------------------------

    /// Opens `path` relative to where the app is served: `""`, `"#/lessons"`,
    /// `"lessons/index.json"`. Returns when the browser reports the page loaded.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{}", self.base, path.trim_start_matches('/'));
        if let Err(e) = self.client.goto(&url).await {
            self.fail(&format!("cannot open {url}: {e}")).await;
        }
    }

    pub async fn reload(&self) {
        if let Err(e) = self.client.refresh().await {
            self.fail(&format!("reload failed: {e}")).await;
        }
    }

    pub async fn back(&self) {
        if let Err(e) = self.client.back().await {
            self.fail(&format!("back failed: {e}")).await;
        }
    }

    pub async fn forward(&self) {
        if let Err(e) = self.client.forward().await {
            self.fail(&format!("forward failed: {e}")).await;
        }
    }

    /// Clicks the visible navigation link `a[data-nav="name"]` (header or footer).
    pub async fn click_nav(&self, name: &str) {
        self.click(&format!("a[data-nav=\"{name}\"]")).await;
    }

    /// Waits for a visible element matching `css` and clicks it.
    pub async fn click(&self, css: &str) {
        let element = self.wait_for_visible(css).await;
        if let Err(e) = element.click().await {
            self.fail(&format!("cannot click {css}: {e}")).await;
        }
    }

    pub async fn current_url(&self) -> String {
        self.js("return location.href").await
    }

    /// `location.hash`, e.g. `"#/lessons"` (or `""`).
    pub async fn current_hash(&self) -> String {
        self.js("return location.hash").await
    }

    /// `location.pathname`, e.g. `"/spire/"`.
    pub async fn current_path(&self) -> String {
        self.js("return location.pathname").await
    }

    /// `<html lang>`.
    pub async fn html_lang(&self) -> String {
        self.js("return document.documentElement.getAttribute('lang') || ''")
            .await
    }

    pub async fn title(&self) -> String {
        self.js("return document.title").await
    }

    // ----- reading the page -------------------------------------------------------------

    /// Waits until an element matching `css` is in the document and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + timeout();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                return element;
            }
            if Instant::now() > deadline {
                self.fail(&format!("no element matches {css}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until an element matching `css` is displayed and returns the first such.
    pub async fn wait_for_visible(&self, css: &str) -> Element {
        let deadline = Instant::now() + timeout();
        loop {
            if let Ok(elements) = self.client.find_all(Locator::Css(css)).await {
                for element in elements {
                    if element.is_displayed().await.unwrap_or(false) {
                        return element;
                    }
                }
            }
            if Instant::now() > deadline {
                self.fail(&format!("no visible element matches {css}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// A pupil opens an assignment's link (`#/a/…`), gives a name and adds the assignment;
    /// returns on its page.
    pub async fn accept_assignment(&self, link: &str, name: &str) {
        self.open(link).await;
        self.wait_for_page("assignment-link").await;
        self.clear("#pupil-name").await;
        self.type_into("#pupil-name", name).await;
        self.click("#accept-assignment").await;
        self.wait_for_page("assigned").await;
    }

    /// A teacher takes an assignment from its link and opens its class overview.
    pub async fn open_class_overview(&self, link: &str, assignment_id: &str) {
        self.open(link).await;
        self.wait_for_page("assignment-link").await;
        self.click("#accept-as-teacher").await;
        self.wait_for_page("teacher-assignment").await;
        self.open(&format!("#/teacher/class/{assignment_id}")).await;
        self.wait_for_page("class-overview").await;
    }

    /// The keys of the app's media database (photos and recordings), sorted; `["cannot
    /// open"]` or `["cannot read"]` when the database cannot be read.
    pub async fn stored_media(&self) -> Vec<String> {
        string_list(
            self.js_value(
                "return new Promise(done => { \
                   const open = indexedDB.open('spire-media'); \
                   open.onerror = () => done(['cannot open']); \
                   open.onsuccess = () => { \
                     const db = open.result; \
                     if (!db.objectStoreNames.contains('blobs')) { db.close(); return done([]); } \
                     const keys = db.transaction('blobs').objectStore('blobs').getAllKeys(); \
                     keys.onsuccess = () => { db.close(); done(keys.result.map(String).sort()); }; \
                     keys.onerror = () => { db.close(); done(['cannot read']); }; \
                   }; \
                 })",
                vec![],
            )
            .await,
        )
    }

    /// Waits until `main#main` holds the page `[data-page="name"]`.
    pub async fn wait_for_page(&self, name: &str) -> Element {
        self.wait_for(&page_selector(name)).await
    }

    /// The `data-page` values inside `main#main`, in document order.
    pub async fn pages_in_main(&self) -> Vec<String> {
        self.js_value(
            "return Array.from(document.querySelectorAll('main#main [data-page]'))\
             .map(e => e.getAttribute('data-page'))",
            vec![],
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

    /// Number of elements matching `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// The rendered text of the first element matching `css` (waits for it).
    ///
    /// An element the app re-rendered between finding and reading it ("stale element
    /// reference") is found again: what a reader sees is the text, not the node.
    pub async fn text_of(&self, css: &str) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let element = self.wait_for(css).await;
            match element.text().await {
                Ok(text) => return text,
                Err(e) if is_stale(&e) && Instant::now() < deadline => continue,
                Err(e) => {
                    self.fail(&format!("cannot read the text of {css}: {e}"))
                        .await
                }
            }
        }
    }

    /// The attribute `name` of the first element matching `css` (waits for it; found
    /// again if it was re-rendered meanwhile).
    pub async fn attr_of(&self, css: &str, name: &str) -> Option<String> {
        let deadline = Instant::now() + timeout();
        loop {
            let element = self.wait_for(css).await;
            match element.attr(name).await {
                Err(e) if is_stale(&e) && Instant::now() < deadline => continue,
                other => return other.ok().flatten(),
            }
        }
    }

    /// The visible text of the whole page.
    pub async fn page_text(&self) -> String {
        // Tolerant: this is polled while the page may be navigating.
        match self
            .try_js_value(
                "return document.body ? document.body.innerText : ''",
                vec![],
            )
            .await
        {
            Some(Value::String(text)) => text,
            _ => String::new(),
        }
    }

    /// Waits until the page shows `text` somewhere.
    pub async fn see_text(&self, text: &str) {
        let found = self
            .try_wait_until(async || self.page_text().await.contains(text))
            .await;
        if !found {
            self.fail(&format!("the page never showed {text:?}")).await;
        }
    }

    /// Clicks into the field matching `css` and types `text` (after what is there).
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.wait_for_visible(css).await;
        if let Err(e) = element.send_keys(text).await {
            self.fail(&format!("cannot type into {css}: {e}")).await;
        }
    }

    /// Empties the field matching `css`.
    pub async fn clear(&self, css: &str) {
        let element = self.wait_for_visible(css).await;
        if let Err(e) = element.clear().await {
            self.fail(&format!("cannot clear {css}: {e}")).await;
        }
    }

    // ----- waiting ----------------------------------------------------------------------

    /// Waits until `check` returns true, or fails the test saying `what` did not happen.
    pub async fn wait_until(&self, what: &str, check: impl AsyncFnMut() -> bool) {
        if !self.try_wait_until(check).await {
            self.fail(&format!("timed out waiting until {what}")).await;
        }
    }

    /// Like [`App::wait_until`], for something the app deliberately does later than a
    /// pupil's action: allows `extra` beyond the usual wait.
    pub async fn wait_until_longer(
        &self,
        what: &str,
        extra: Duration,
        check: impl AsyncFnMut() -> bool,
    ) {
        if !self.try_wait_until_within(timeout() + extra, check).await {
            self.fail(&format!("timed out waiting until {what}")).await;
        }
    }

    /// Like [`App::wait_until`] but returns whether it happened instead of failing.
    pub async fn try_wait_until(&self, check: impl AsyncFnMut() -> bool) -> bool {
        self.try_wait_until_within(timeout(), check).await
    }

    async fn try_wait_until_within(
        &self,
        within: Duration,
        mut check: impl AsyncFnMut() -> bool,
    ) -> bool {
        let deadline = Instant::now() + within;
        loop {
            if check().await {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until `read` returns `Some` and returns the value.
    pub async fn wait_for_value<T>(
        &self,
        what: &str,
        mut read: impl AsyncFnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout();
        loop {
            if let Some(value) = read().await {
                return value;
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out waiting for {what}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the page has handled everything queued so far: two animation frames and
    /// a task later, an input event's handlers, the reactive updates they started and the
    /// resulting render have all run. For asserting that something did *not* happen,
    /// without guessing a time.
    pub async fn let_page_react(&self) {
        let script = "const done = arguments[arguments.length - 1]; \
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 0)));";
        if let Err(e) = self.client.execute_async(script, vec![]).await {
            self.fail(&format!("the page did not come round to a new frame: {e}"))
                .await;
        }
    }

    /// Waits until the document has loaded and the network has been quiet for `quiet`
    /// (no new resource-timing entries), at most the usual timeout.
    pub async fn settle(&self, quiet: Duration) {
        let deadline = Instant::now() + timeout();
        let mut last = usize::MAX;
        let mut since = Instant::now();
        loop {
            let state = self
                .try_js_value(
                    "return [document.readyState, performance.getEntriesByType('resource').length]",
                    vec![],
                )
                .await
                .unwrap_or_default();
            let complete = state[0] == "complete";
            let n = state[1].as_u64().unwrap_or(0) as usize;
            if n != last || !complete {
                last = n;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
            if Instant::now() > deadline {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    // ----- console, network -------------------------------------------------------------

    /// Every browser console message so far (chromedriver's log, so messages logged
    /// during start-up, before any test code ran, are included).
    pub async fn console_log(&self) -> Vec<LogEntry> {
        let fresh = self.read_log("browser").await;
        self.remember_log(fresh)
    }

    fn remember_log(&self, fresh: Vec<Value>) -> Vec<LogEntry> {
        let mut logs = self.logs.lock().unwrap_or_else(|e| e.into_inner());
        logs.extend(fresh.iter().map(|entry| LogEntry {
            level: entry["level"].as_str().unwrap_or_default().to_string(),
            source: entry["source"].as_str().unwrap_or_default().to_string(),
            message: entry["message"].as_str().unwrap_or_default().to_string(),
        }));
        logs.clone()
    }

    /// The SEVERE console messages so far (errors, uncaught exceptions, failed loads).
    pub async fn console_errors(&self) -> Vec<LogEntry> {
        self.console_log()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .collect()
    }

    /// Every URL the browser requested so far for web pages, from Chromium's network
    /// events: failed requests and requests to other hosts included. Requests of
    /// Chromium's own pages (`chrome://new-tab-page-third-party/` loads `chrome://`
    /// resources in the background) are left out.
    pub async fn network_requests(&self) -> Vec<String> {
        let fresh = self.read_log("performance").await;
        let mut network = self.network.lock().unwrap_or_else(|e| e.into_inner());
        for entry in fresh {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let Ok(event) = serde_json::from_str::<Value>(message) else {
                continue;
            };
            if event["message"]["method"] != "Network.requestWillBeSent" {
                continue;
            }
            let params = &event["message"]["params"];
            let document = params["documentURL"].as_str().unwrap_or_default();
            let internal = ["chrome:", "chrome-untrusted:", "devtools:"]
                .iter()
                .any(|scheme| document.starts_with(scheme));
            if let (false, Some(url)) = (internal, params["request"]["url"].as_str()) {
                network.push(url.to_string());
            }
        }
        network.clone()
    }

    /// chromedriver's `POST /session/{id}/se/log`: the entries of log `kind` since the
    /// last read. (`/goog/log` does not exist in this chromedriver; `/se/log` does.)
    async fn read_log(&self, kind: &str) -> Vec<Value> {
        self.try_read_log(kind)
            .await
            .unwrap_or_else(|e| panic!("cannot read the {kind} log: {e}"))
    }

    async fn try_read_log(&self, kind: &str) -> Result<Vec<Value>, String> {
        let addr = self.driver.addr();
        let path = format!("/session/{}/se/log", self.session);
        let body = json!({ "type": kind });
        let result =
            tokio::task::spawn_blocking(move || ChromeDriver::command(addr, "POST", &path, &body))
                .await
                .map_err(|e| format!("the log reader panicked: {e}"))?;
        match result? {
            Value::Array(entries) => Ok(entries),
            other => Err(format!("unexpected {kind} log: {other}")),
        }
    }

    /// The URLs of `performance.getEntriesByType('resource')` in the current document.
    pub async fn resource_urls(&self) -> Vec<String> {
        string_list(
            self.js_value(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await,
        )
    }

    /// `new URL(u).host` for every resource the current document loaded.
    pub async fn resource_hosts(&self) -> Vec<String> {
        string_list(
            self.js_value(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)",
                vec![],
            )
            .await,
        )
    }

    // ----- windows, storage -------------------------------------------------------------

    /// The window the session is in.
    pub async fn window(&self) -> WindowHandle {
        self.client.window().await.expect("the current window")
    }

    /// Opens a new tab (blank) and returns its handle; the session stays where it was.
    pub async fn new_window(&self) -> WindowHandle {
        self.client
            .new_window(true)
            .await
            .expect("open a new tab")
            .handle
    }

    pub async fn switch_to(&self, window: &WindowHandle) {
        self.client
            .switch_to_window(window.clone())
            .await
            .expect("switch windows");
    }

    pub async fn local_storage_get(&self, key: &str) -> Option<String> {
        self.js_value(
            "return localStorage.getItem(arguments[0])",
            vec![json!(key)],
        )
        .await
        .as_str()
        .map(String::from)
    }

    pub async fn local_storage_set(&self, key: &str, value: &str) {
        self.js_value(
            "localStorage.setItem(arguments[0], arguments[1])",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    /// Waits until the saved work item `key` (`lesson:<id>`, `board:<id>`: each is saved
    /// under `spire.work.<key>`, debounced) contains `text`.
    pub async fn wait_work_saved(&self, key: &str, text: &str) {
        let entry = format!("spire.work.{key}");
        self.wait_until(&format!("{entry} holds {text:?}"), async || {
            self.local_storage_get(&entry)
                .await
                .is_some_and(|v| v.contains(text))
        })
        .await;
    }

    pub async fn local_storage_remove(&self, key: &str) {
        self.js_value("localStorage.removeItem(arguments[0])", vec![json!(key)])
            .await;
    }

    // ----- chromedriver and DevTools commands --------------------------------------------

    /// Sends `method /session/{id}/{path}` to chromedriver (for endpoints fantoccini has no
    /// method for) and returns the response's `value`.
    pub async fn session_command(
        &self,
        method: &str,
        path: &str,
        body: Value,
    ) -> Result<Value, String> {
        let addr = self.driver.addr();
        let path = format!("/session/{}/{}", self.session, path.trim_start_matches('/'));
        let method = method.to_string();
        tokio::task::spawn_blocking(move || ChromeDriver::command(addr, &method, &path, &body))
            .await
            .map_err(|e| format!("the chromedriver command panicked: {e}"))?
    }

    /// A Chrome DevTools Protocol command on this tab, through chromedriver's
    /// `goog/cdp/execute`, e.g. `Emulation.setCPUThrottlingRate {"rate": 4}`.
    pub async fn try_cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.session_command(
            "POST",
            "goog/cdp/execute",
            json!({ "cmd": cmd, "params": params }),
        )
        .await
    }

    /// Like [`App::try_cdp`], failing the test when the command fails.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        match self.try_cdp(cmd, params).await {
            Ok(value) => value,
            Err(e) => {
                self.fail(&format!("DevTools command {cmd} failed: {e}"))
                    .await
            }
        }
    }

    /// Runs `source` at the start of every document this tab opens from now on, before
    /// any script of the page: the way to replace a browser API before the app uses it.
    pub async fn add_init_script(&self, source: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    }

    /// Slows this tab's CPU down `rate` times (1 = full speed), for all later documents.
    pub async fn throttle_cpu(&self, rate: f64) {
        self.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await;
    }

    /// Chromium's own role of `element` (`GET …/element/{id}/computedrole`).
    pub async fn computed_role(&self, element: &Element) -> String {
        let path = format!("element/{}/computedrole", element.element_id());
        match self.session_command("GET", &path, json!({})).await {
            Ok(Value::String(role)) => role,
            Ok(other) => other.to_string(),
            Err(e) => self.fail(&format!("computedrole failed: {e}")).await,
        }
    }

    /// Chromium's own accessible name of `element` (`GET …/element/{id}/computedlabel`).
    pub async fn computed_label(&self, element: &Element) -> String {
        let path = format!("element/{}/computedlabel", element.element_id());
        match self.session_command("GET", &path, json!({})).await {
            Ok(Value::String(label)) => label,
            Ok(other) => other.to_string(),
            Err(e) => self.fail(&format!("computedlabel failed: {e}")).await,
        }
    }

    // ----- downloads --------------------------------------------------------------------

    /// The folder this browser saves downloads into.
    pub fn downloads_dir(&self) -> PathBuf {
        downloads_dir(&self.driver)
    }

    /// Waits for a finished download whose file name matches `pattern` (`*` for any run of
    /// characters, e.g. `spire-backup-*.json`) that no earlier call returned, and returns
    /// its file name and bytes.
    pub async fn wait_for_download(&self, pattern: &str) -> (String, Vec<u8>) {
        let dir = self.downloads_dir();
        let found = self
            .wait_for_value_quietly(|| async {
                let taken = self
                    .downloads_taken
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone();
                // Chromium writes `name.crdownload` and renames it when complete, so a file
                // with the final name is whole; but a small download made from a blob can
                // appear under its final name before its bytes (seen once with a CSV read
                // empty), and the app never offers an empty file, so wait for content.
                let name = self
                    .downloaded_files()
                    .into_iter()
                    .find(|name| glob_match(pattern, name) && !taken.contains(name))?;
                let bytes = std::fs::read(dir.join(&name)).ok()?;
                (!bytes.is_empty()).then_some((name, bytes))
            })
            .await;
        match found {
            Some((name, bytes)) => {
                self.downloads_taken
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(name.clone());
                (name, bytes)
            }
            None => {
                let files = self.downloaded_files();
                self.fail(&format!(
                    "no download named {pattern} arrived in {} within {:?}; the folder holds \
                     {files:?}",
                    dir.display(),
                    timeout()
                ))
                .await
            }
        }
    }

    /// The names of the files in the downloads folder, sorted.
    pub fn downloaded_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.downloads_dir())
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Like [`App::wait_for_value`] but returns `None` instead of failing.
    pub async fn wait_for_value_quietly<T>(
        &self,
        mut read: impl AsyncFnMut() -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout();
        loop {
            if let Some(value) = read().await {
                return Some(value);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    // ----- scripts, screenshots, failures -----------------------------------------------

    /// Runs `script` and returns its value, or `None` if it failed (e.g. mid-navigation).
    pub async fn try_js_value(&self, script: &str, args: Vec<Value>) -> Option<Value> {
        self.client.execute(script, args).await.ok()
    }

    /// Runs `script` (a function body; use `return`) and returns its value.
    pub async fn js_value(&self, script: &str, args: Vec<Value>) -> Value {
        match self.client.execute(script, args).await {
            Ok(value) => value,
            Err(e) => panic!("script failed: {e}\n{script}"),
        }
    }

    /// Sets a form field's value the way typing would end (`input` and `change` events),
    /// for fields such as date and number inputs whose typing depends on the locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.js_value(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1];\
             e.dispatchEvent(new Event('input', {bubbles: true}));\
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(css), json!(value)],
        )
        .await;
    }

    /// The value of the field matching `css` (`""` when there is none).
    pub async fn value_of(&self, css: &str) -> String {
        self.js_value(
            "const e = document.querySelector(arguments[0]); return e ? e.value : ''",
            vec![json!(css)],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Picks `paths` in the file input matching `css`, as a pupil choosing files does.
    pub async fn pick_files(&self, css: &str, paths: &[impl AsRef<std::path::Path>]) {
        let input = self.wait_for(css).await;
        let joined = paths
            .iter()
            .map(|p| p.as_ref().display().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        if let Err(e) = input.send_keys(&joined).await {
            self.fail(&format!("cannot pick files in {css}: {e}")).await;
        }
    }

    /// Waits until the camera view matching `video` (Chromium's fake camera) shows a picture.
    pub async fn wait_camera_live(&self, video: &str) {
        self.wait_until("the camera shows a picture", async || {
            self.js_value(
                "const v = document.querySelector(arguments[0]); return !!v && v.videoWidth > 0",
                vec![json!(video)],
            )
            .await
                == json!(true)
        })
        .await;
    }

    /// Runs `body` as an async function (`await` allowed; use `return`) and returns its
    /// value; a thrown error fails the test.
    pub async fn js_await(&self, body: &str) -> Value {
        let script = format!(
            "const done = arguments[arguments.length - 1]; \
             (async () => {{ {body} }})().then(v => done({{ok: v === undefined ? null : v}}), \
             e => done({{error: String(e)}}));"
        );
        match self.client.execute_async(&script, vec![]).await {
            Ok(Value::Object(mut o)) if o.contains_key("ok") => o.remove("ok").unwrap_or_default(),
            Ok(other) => panic!("script failed: {other}\n{body}"),
            Err(e) => panic!("script failed: {e}\n{body}"),
        }
    }

    /// Runs `script` and returns its value as a string (`""` for null).
    pub async fn js(&self, script: &str) -> String {
        match self.js_value(script, vec![]).await {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        }
    }

    /// Saves a screenshot as `/tmp/spire-browser-<test>-<n>-<label>.png` and returns the path.
    pub async fn screenshot(&self, label: &str) -> Option<PathBuf> {
        let png = self.client.screenshot().await.ok()?;
        let n = self.screenshots.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("spire-browser-{}-{n}-{label}.png", test_name()));
        std::fs::write(&path, png).ok()?;
        Some(path)
    }

    /// Performs `steps` as one gesture with a mouse, or with a finger when `touch`, then
    /// lets go of every input; fails the test naming `what` if the browser refuses it.
    pub async fn pointer_gesture(
        &self,
        steps: impl IntoIterator<Item = fantoccini::actions::PointerAction>,
        touch: bool,
        what: &str,
    ) {
        use fantoccini::actions::{InputSource, MouseActions, TouchActions};
        let result = if touch {
            let mut a = TouchActions::new("finger".to_string());
            for s in steps {
                a = a.then(s);
            }
            self.client().perform_actions(a).await
        } else {
            let mut a = MouseActions::new("mouse".to_string());
            for s in steps {
                a = a.then(s);
            }
            self.client().perform_actions(a).await
        };
        if let Err(e) = result {
            self.fail(&format!("cannot {what}: {e}")).await;
        }
        let _ = self.client().release_actions().await;
    }

    /// Fails the test with `message` and what the browser shows.
    pub async fn fail(&self, message: &str) -> ! {
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_else(|e| format!("(unknown: {e})"));
        let text: String = match self
            .client
            .execute(
                "return document.body ? document.body.innerText : ''",
                vec![],
            )
            .await
        {
            Ok(Value::String(s)) => s.chars().take(1500).collect(),
            _ => "(unreadable)".to_string(),
        };
        let pages = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll('[data-page]'))\
                 .map(e => e.getAttribute('data-page')).join(', ')",
                vec![],
            )
            .await
            .map(|v| v.to_string())
            .unwrap_or_default();
        let log = tokio::time::timeout(Duration::from_secs(5), self.try_read_log("browser")).await;
        let errors = match log {
            Ok(Ok(fresh)) => self
                .remember_log(fresh)
                .iter()
                .filter(|e| e.level == "SEVERE" || e.level == "WARNING")
                .map(|e| format!("  {e}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Ok(Err(e)) => format!("(log unreadable: {e})"),
            Err(_) => "(log unreadable: timeout)".to_string(),
        };
        let shot = self
            .screenshot("failure")
            .await
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(none)".to_string());
        panic!(
            "{message}\n  url: {url}\n  [data-page] elements: {pages}\n  screenshot: {shot}\n\
             console errors and warnings:\n{errors}\npage text:\n{text}"
        );
    }
}

/// `main#main [data-page="name"]`.
pub fn page_selector(name: &str) -> String {
    format!("main#main [data-page=\"{name}\"]")
}

/// Where this browser saves downloads: a folder in its scratch directory.
fn downloads_dir(driver: &ChromeDriver) -> PathBuf {
    driver.dir().join("downloads")
}

/// WebDriver capabilities for headless Chromium on these machines (see TOOLCHAIN.md).
/// Downloads go to `downloads`: headless chromedriver would otherwise save them into its
/// working directory, i.e. the repository.
fn capabilities(profile: &Path, downloads: &Path) -> serde_json::Map<String, Value> {
    let binary = std::env::var("CHROMIUM")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| driver::CHROMIUM.to_string());
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,768",
                // A fake camera and microphone that need no permission prompt (the media
                // steps); harmless for pages that never ask for them.
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                format!("--user-data-dir={}", profile.display()),
            ],
            "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            },
        },
        "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// Whether WebDriver said the element is no longer in the page.
fn is_stale(e: &fantoccini::error::CmdError) -> bool {
    e.to_string().contains("stale element")
}
