//! The thin adapter to browser APIs: storage, fetch, downloads, speech, time, the URL.
//! Everything here is a small wrapper; decisions live in the core and the store.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("Spire runs in a browser window")
}

/// Milliseconds since the Unix epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// 64 random bits for record ids (unique enough between tabs; not for secrets).
pub fn random_u64() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) ^ half()
}

/// A high-resolution time for measuring, in milliseconds.
pub fn perf_now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Runs `f`, recorded as `performance.measure(name)` (see [`perf_measure`]).
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let started = perf_now();
    let result = f();
    perf_measure(name, started);
    result
}

/// Records `performance.measure(name, {start})` so benchmarks can read how long it took.
pub fn perf_measure(name: &str, start: f64) {
    let Some(performance) = window().performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &JsValue::from_f64(start));
    let measure = js_sys::Reflect::get(&performance, &"measure".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(measure) = measure {
        let _ = measure.call2(&performance, &JsValue::from_str(name), &options);
    }
}

// ---- localStorage ----------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The quota is used up.
    Full,
    /// Storage is switched off or refused the write for another reason.
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    storage.get_item(key).map_err(|_| StorageError::Unavailable)
}

pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    storage.set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| (d.name(), d.code()));
        match name {
            Some((n, _)) if n == "QuotaExceededError" || n == "NS_ERROR_DOM_QUOTA_REACHED" => {
                StorageError::Full
            }
            Some((_, 22)) => StorageError::Full,
            _ => StorageError::Unavailable,
        }
    })
}

pub fn storage_remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key starting with `prefix`.
pub fn storage_keys(prefix: &str) -> Vec<String> {
    let Some(s) = local_storage() else {
        return vec![];
    };
    let len = s.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Every `(key, value)` whose key starts with `prefix` but not with `except`.
pub fn storage_entries(prefix: &str, except: &str) -> Vec<(String, String)> {
    let Some(s) = local_storage() else {
        return vec![];
    };
    storage_keys(prefix)
        .into_iter()
        .filter(|k| !k.starts_with(except))
        .filter_map(|k| Some((k.clone(), s.get_item(&k).ok().flatten()?)))
        .collect()
}

/// Asks the browser to keep our data under storage pressure; resolves to whether it will.
pub async fn persist_storage() -> Option<bool> {
    let manager = window().navigator().storage();
    let promise = manager.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes used and the quota, when the browser says.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let manager = window().navigator().storage();
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let get = |k: &str| js_sys::Reflect::get(&estimate, &k.into()).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}

// ---- fetch -----------------------------------------------------------------------------

/// Answers boot.js asked for before the WebAssembly loaded, each under its name on `window`:
/// the content index on every page, `local.json` on the local offers' page.
pub const PREFETCHED_INDEX: &str = "spireIndex";
pub const PREFETCHED_LOCAL: &str = "spireLocal";
/// The page's own content file: `{ path, text }`, text a promise.
const PREFETCHED_FILE: &str = "spireFile";

/// boot.js's answer `name`, taken once: `Some(Some(text))`, `Some(None)` when boot.js found
/// no such file, `None` if it did not ask or the request failed.
pub async fn take_prefetched(name: &str) -> Option<Option<String>> {
    let promise = prefetched(name)?;
    forget_prefetched(name);
    let answer = JsFuture::from(promise).await.ok()?;
    Some(answer.as_string())
}

/// The content index boot.js asked for, taken once; `None` if there is none or it failed.
pub async fn take_prefetched_index() -> Option<String> {
    take_prefetched(PREFETCHED_INDEX).await.flatten()
}

/// The content file boot.js asked for with the index, taken once if it is `path`; `None`
/// if boot.js asked for another file or none, or its request failed.
pub async fn take_prefetched_file(path: &str) -> Option<String> {
    let promise = prefetched_file(path)?;
    forget_prefetched(PREFETCHED_FILE);
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Whether boot.js asked for content file `path` (and it has not been taken).
pub fn has_prefetched_file(path: &str) -> bool {
    prefetched_file(path).is_some()
}

fn prefetched_file(path: &str) -> Option<js_sys::Promise> {
    let file = js_sys::Reflect::get(&window(), &JsValue::from_str(PREFETCHED_FILE)).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&file, &JsValue::from_str(name)).ok();
    if field("path")?.as_string()? != path {
        return None;
    }
    field("text")?.dyn_into::<js_sys::Promise>().ok()
}

/// A promise and the function that resolves it.
pub fn promise() -> (js_sys::Promise, js_sys::Function) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    // A promise's executor runs before its constructor returns.
    (promise, resolve.expect("the executor has run"))
}

/// Waits until `promise` settles, or `ms` have passed.
pub async fn settled_within(promise: js_sys::Promise, ms: i32) {
    let _ = JsFuture::from(within(&promise, ms)).await;
}

/// `promise`, or `undefined` once `ms` have passed, whichever comes first.
fn within(promise: &js_sys::Promise, ms: i32) -> js_sys::Promise {
    let late = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    js_sys::Promise::race(&js_sys::Array::of2(promise, &late))
}

fn prefetched(name: &str) -> Option<js_sys::Promise> {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

fn forget_prefetched(name: &str) {
    let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str(name));
}

/// boot.js's answer for the content index if it arrives within `ms`, taken then; `None`
/// (and the answer left for `take_prefetched_index`) if it is late, failed or absent.
pub async fn prefetched_index_within(ms: i32) -> Option<String> {
    let promise = prefetched(PREFETCHED_INDEX)?;
    let text = JsFuture::from(within(&promise, ms))
        .await
        .ok()?
        .as_string()?;
    forget_prefetched(PREFETCHED_INDEX);
    Some(text)
}

/// Fetches a text file relative to the page. The error is a short human-readable reason.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let init = web_sys::RequestInit::new();
    // Revalidate with the server so edited content shows; works offline with a cache later.
    init.set_cache(web_sys::RequestCache::NoCache);
    let promise = window().fetch_with_str_and_init(url, &init);
    let response = JsFuture::from(promise)
        .await
        .map_err(|_| "network error".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "network error".to_string())?;
    if !response.ok() {
        return Err(match response.status() {
            404 => "file not found (HTTP 404)".to_string(),
            s => format!("HTTP {s}"),
        });
    }
    let text = response
        .text()
        .map_err(|_| "unreadable response".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable response".to_string())
}

/// Fetches an optional text file: `Ok(None)` when the server says it does not exist (404),
/// so a content folder can leave it out.
pub async fn fetch_optional_text(url: &str) -> Result<Option<String>, String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let promise = window().fetch_with_str_and_init(url, &init);
    let response: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(|_| "network error".to_string())?
        .dyn_into()
        .map_err(|_| "network error".to_string())?;
    match response.status() {
        404 | 410 => return Ok(None),
        s if !response.ok() => return Err(format!("HTTP {s}")),
        _ => {}
    }
    let text = response
        .text()
        .map_err(|_| "unreadable response".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .map(Some)
        .ok_or_else(|| "unreadable response".to_string())
}

// ---- files -----------------------------------------------------------------------------

/// Opens the browser's print dialog for the page (print CSS makes it one page).
pub fn print() {
    let _ = window().print();
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = window().document().expect("document");
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    // Revoke later: some browsers start the download after the click returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

/// Reads many picked or dropped files: every read is started before any is awaited, so
/// the browser reads them side by side (one after another, 30 hand-ins took ~10 ms each).
pub async fn read_files(files: &[web_sys::File]) -> Vec<Result<Vec<u8>, String>> {
    let reads: Vec<JsFuture> = files
        .iter()
        .map(|f| JsFuture::from(f.array_buffer()))
        .collect();
    let mut out = Vec::with_capacity(reads.len());
    for read in reads {
        out.push(
            read.await
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .map_err(|_| "the file could not be read".to_string()),
        );
    }
    out
}

/// Reads a picked or dropped file as bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// web-sys has these streams only behind `--cfg web_sys_unstable_apis`; the few bindings we
// need are declared here instead of switching unstable APIs on for the whole build.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Compresses with the browser's `CompressionStream("deflate-raw")`: no compressor in our
/// download.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = CompressionStream::new("deflate-raw")
        .map_err(|_| "compression is not supported".to_string())?;
    let pair = web_sys::ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_stream(blob_of(bytes)?.stream().pipe_through(&pair), usize::MAX).await
}

/// Decompresses deflate-raw bytes, giving up beyond `max` bytes of output (a hostile code
/// may unpack to a thousand times its size).
pub async fn inflate_raw(bytes: &[u8], max: usize) -> Result<Vec<u8>, String> {
    let stream = DecompressionStream::new("deflate-raw")
        .map_err(|_| "decompression is not supported".to_string())?;
    let pair = web_sys::ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_stream(blob_of(bytes)?.stream().pipe_through(&pair), max).await
}

fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| "no blob".to_string())
}

async fn read_stream(stream: web_sys::ReadableStream, max: usize) -> Result<Vec<u8>, String> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| "the data could not be unpacked".to_string())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() else {
            return Err("the data could not be unpacked".to_string());
        };
        if out.len() + array.length() as usize > max {
            let _ = reader.cancel();
            return Err("too large".to_string());
        }
        out.extend(array.to_vec());
    }
}

/// Copies `text` to the clipboard: the Clipboard API where the page may use it (https or
/// localhost), else a selected hidden text area and `execCommand("copy")`.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| c.is_object())
        .unwrap_or(false);
    if has_clipboard {
        let done = JsFuture::from(navigator.clipboard().write_text(text)).await;
        if done.is_ok() {
            return true;
        }
    }
    let Some(document) = window().document() else {
        return false;
    };
    let Ok(area) = document.create_element("textarea") else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // Style properties, not a style attribute: the Content-Security-Policy refuses those.
    let style = area.style();
    for (name, value) in [("position", "fixed"), ("top", "-1000px"), ("opacity", "0")] {
        let _ = style.set_property(name, value);
    }
    let Some(body) = document.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}

/// Shows the element with this id full screen (the class board, the QR code on a projector).
pub fn toggle_fullscreen(id: &str) {
    let Some(document) = window().document() else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(el) = document.get_element_by_id(id) {
        let _ = el.request_fullscreen();
    }
}

// ---- time ------------------------------------------------------------------------------

/// Today in the reader's time zone (due dates are days where the pupil is).
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// A date and time in the reader's locale, e.g. "27. nov. 2026 14.05".
pub fn format_time(ms: i64, lang: crate::core::text::Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = match lang {
        crate::core::text::Lang::Da => "da-DK",
        crate::core::text::Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}

// ---- the URL ---------------------------------------------------------------------------

/// The address of the app itself, without any fragment or query: what an assignment link
/// starts with, so it works wherever the app is served.
pub fn app_url() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

pub fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to `hash`, adding a history entry (so back and forward work).
pub fn push_hash(hash: &str) {
    let _ = window().location().set_hash(hash);
}

/// Changes the URL to `hash` without a history entry (for typing in a search field).
pub fn replace_hash(hash: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

pub fn reload() {
    let _ = window().location().reload();
}

pub fn set_document_lang(code: &str) {
    if let Some(el) = window().document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}

/// A `<div>` that is not in the page.
pub fn detached_div() -> web_sys::HtmlElement {
    window()
        .document()
        .expect("Spire runs in a page")
        .create_element("div")
        .expect("a document can make a div")
        .unchecked_into()
}

/// Moves every child of `from` to the end of `<body>`, in order.
pub fn move_children_to_body(from: &web_sys::HtmlElement) {
    let Some(body) = window().document().and_then(|d| d.body()) else {
        return;
    };
    while let Some(child) = from.first_child() {
        let _ = body.append_child(&child);
    }
}

/// Removes the element with `id`, if there is one.
pub fn remove_id(id: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        el.remove();
    }
}

/// Whether `<html>` has attribute `name` with `value` (set by boot.js before the app ran).
pub fn root_attr_is(name: &str, value: &str) -> bool {
    window()
        .document()
        .and_then(|d| d.document_element())
        .and_then(|el| el.get_attribute(name))
        .is_some_and(|v| v == value)
}

/// Fires a plain event named `name` on the window, for boot.js to hear.
pub fn dispatch_window_event(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// Sets a class on `<html>`, so a mode (the young pupils' one) styles every page.
pub fn set_root_class(name: &str, on: bool) {
    if let Some(el) = window().document().and_then(|d| d.document_element()) {
        let _ = el.class_list().toggle_with_force(name, on);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = window().document() {
        d.set_title(title);
    }
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Calls `f` on every event `name` of the window, for the life of the page.
pub fn on_window<E: JsCast + 'static>(name: &str, f: impl Fn(E) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Ok(e) = e.dyn_into::<E>() {
            f(e)
        }
    });
    let _ = window().add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Calls `f` on every event `name` of the document, for the life of the page.
pub fn on_document(name: &str, f: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(f);
    if let Some(d) = window().document() {
        let _ = d.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    }
    closure.forget();
}

pub fn document_hidden() -> bool {
    window()
        .document()
        .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
        .unwrap_or(false)
}

/// Moves keyboard focus to the element with this id (after the view has rendered).
pub fn focus_id(id: &str) {
    focus_id_within(id.to_string(), 0, 0);
}

/// Like [`focus_id`], but waits up to about five seconds for the element to be drawn: a
/// page whose code is still being fetched draws its heading later.
pub fn focus_id_when_drawn(id: &str) {
    focus_id_within(id.to_string(), 100, 0);
}

fn focus_id_within(id: String, tries_left: u32, delay_ms: i32) {
    let f = Closure::once_into_js(move || {
        match window().document().and_then(|d| d.get_element_by_id(&id)) {
            Some(el) => {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            None if tries_left > 0 => focus_id_within(id, tries_left - 1, 50),
            None => {}
        }
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), delay_ms);
}

// ---- speech ----------------------------------------------------------------------------

pub fn speech_supported() -> bool {
    js_sys::Reflect::has(&window(), &"speechSynthesis".into()).unwrap_or(false)
        && js_sys::Reflect::has(&window(), &"SpeechSynthesisUtterance".into()).unwrap_or(false)
}

/// Reads `text` aloud in `lang`. `on_end` runs once when it finishes or stops, with `true`
/// when the browser could not speak at all (no voice for the language, for instance).
pub fn speak(text: &str, lang_tag: &str, on_end: impl FnOnce(bool) + 'static) {
    let Ok(synth) = window().speech_synthesis() else {
        on_end(true);
        return;
    };
    synth.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        on_end(true);
        return;
    };
    utterance.set_lang(lang_tag);
    let voice = synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().replace('_', "-").starts_with(&lang_tag[..2]));
    if let Some(voice) = voice {
        utterance.set_voice(Some(&voice));
    }
    // `end` and `error` may both fire; the callback runs once. Stopping on purpose reports
    // the error "interrupted" or "canceled", which is not a failure.
    let once = std::rc::Rc::new(std::cell::RefCell::new(Some(on_end)));
    let on_done = once.clone();
    let end = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = on_done.borrow_mut().take() {
            f(false)
        }
    });
    let error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        let kind = js_sys::Reflect::get(&e, &"error".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        if let Some(f) = once.borrow_mut().take() {
            f(!matches!(kind.as_str(), "interrupted" | "canceled"))
        }
    });
    utterance.set_onend(Some(end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(error.as_ref().unchecked_ref()));
    end.forget();
    error.forget();
    synth.speak(&utterance);
}

pub fn stop_speaking() {
    if let Ok(synth) = window().speech_synthesis() {
        synth.cancel();
    }
}

// ---- session storage (per tab) -----------------------------------------------------------

/// A value of this tab's session storage: it survives a reload of the tab, and no other tab
/// sees it (a board's undo history lives here).
pub fn session_get(key: &str) -> Option<String> {
    window()
        .session_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Best effort: a full or disabled session storage only loses the undo history.
pub fn session_set(key: &str, value: &str) {
    if let Some(s) = window().session_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

// ---- listeners that end with a component ---------------------------------------------------

/// A listener added by `listen`: its id, event name and the closure the browser calls.
type Listener = (u64, String, Closure<dyn Fn(web_sys::Event)>);

thread_local! {
    static LISTENERS: std::cell::RefCell<Vec<Listener>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_LISTENER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Calls `f` on every event `name` of the window until `unlisten` is called with the id
/// returned (from a component's `on_cleanup`, which needs a plain `Send` value to hold).
pub fn listen<E: JsCast + 'static>(name: &str, f: impl Fn(E) + 'static) -> u64 {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Ok(e) = e.dyn_into::<E>() {
            f(e)
        }
    });
    let _ = window().add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    let id = NEXT_LISTENER.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    LISTENERS.with(|l| l.borrow_mut().push((id, name.to_string(), closure)));
    id
}

pub fn unlisten(id: u64) {
    let removed = LISTENERS.with(|l| {
        let mut l = l.borrow_mut();
        let i = l.iter().position(|(i, _, _)| *i == id)?;
        Some(l.remove(i))
    });
    if let Some((_, name, closure)) = removed {
        let _ =
            window().remove_event_listener_with_callback(&name, closure.as_ref().unchecked_ref());
    }
}

/// Resolves in a later task, so the work after it does not lengthen the current one.
/// Through `scheduler.yield()` where the browser has it: input and painting get their turn,
/// then the work goes on first. Elsewhere through a message to itself. Not `setTimeout(0)`:
/// a chain of those waits at least 4 ms a link from the fifth on (the start yields about
/// fifteen times), and a tab opened in the background gets one timer a second.
pub async fn next_task() {
    match scheduler_yield().or_else(message_to_self) {
        Some(promise) => {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        None => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

/// Resolves when the browser is next idle (nothing to draw, no input waiting), or after a
/// second where it cannot say: for work nobody is waiting for yet, like fetching code a
/// page may need later.
pub async fn idle() {
    let mut asked = false;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        asked = window().request_idle_callback(&resolve).is_ok();
    });
    if asked {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    } else {
        gloo_timers::future::TimeoutFuture::new(1_000).await;
    }
}

/// A promise that resolves when a message posted to a new channel arrives: in a task of
/// its own, queued now.
fn message_to_self() -> Option<js_sys::Promise> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let mut posted = true;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        posted = channel.port2().post_message(&JsValue::UNDEFINED).is_ok();
    });
    posted.then_some(promise)
}

fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&window(), &"scheduler".into()).ok()?;
    let yield_now = js_sys::Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    yield_now.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Runs `f` after the current task (after Leptos has rendered what just changed).
pub fn after_render(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// Shrinks the font of the element with this id, from `max_px` down in half pixels to
/// `min_px`, until its content fits its fixed box (a poster that must print on one page).
/// Returns whether it fits; a missing element counts as fitting.
pub fn fit_to_box(id: &str, max_px: f64, min_px: f64) -> bool {
    let Some(el) = window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return true;
    };
    let fits = |el: &web_sys::Element| el.scroll_height() <= el.client_height() + 1;
    let mut size = max_px;
    loop {
        let _ = el.style().set_property("font-size", &format!("{size}px"));
        if fits(&el) || size <= min_px {
            break;
        }
        size -= 0.5;
    }
    fits(&el)
}

pub fn scroll_by(dy: f64) {
    window().scroll_by_with_x_and_y(0.0, dy);
}

pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(768.0)
}

/// Draws an SVG document onto a canvas `scale` times its size and offers it as a PNG
/// download. The image never leaves the page: a blob URL, a canvas, a data URL.
pub fn download_svg_as_png(svg: &str, width: f64, height: f64, scale: f64, file_name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let (img, name, src) = (image.clone(), file_name.to_string(), url.clone());
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&src);
        let Some(document) = window().document() else {
            return;
        };
        let Ok(canvas) = document.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width((width * scale) as u32);
        canvas.set_height((height * scale) as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element(&img, 0.0, 0.0);
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            if let Ok(a) = document.create_element("a") {
                let a: web_sys::HtmlAnchorElement = a.unchecked_into();
                a.set_href(&data);
                a.set_download(&name);
                a.click();
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

/// A date in the reader's locale, e.g. "29. november 2026".
pub fn format_date(ms: i64, lang: crate::core::text::Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let locale = match lang {
        crate::core::text::Lang::Da => "da-DK",
        crate::core::text::Lang::En => "en-GB",
    };
    date.to_locale_date_string(locale, &options).into()
}
