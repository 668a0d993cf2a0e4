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

// ---- files -----------------------------------------------------------------------------

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

/// Reads a picked or dropped file as bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// ---- time ------------------------------------------------------------------------------

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
    let id = id.to_string();
    let f = Closure::once_into_js(move || {
        if let Some(el) = window().document().and_then(|d| d.get_element_by_id(&id)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
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

// ---- printing ----------------------------------------------------------------------------

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Runs `f` once the view has rendered (after the current task).
pub fn after_render(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// Shrinks the font of the element with this id, from `max_px` down in half pixels to
/// `min_px`, until its content fits its fixed box (a poster that must print on one page).
/// Returns whether it fits; a missing element counts as fitting.
pub fn fit_to_box(id: &str, max_px: f64, min_px: f64) -> bool {
    let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) else {
        return true;
    };
    let fits = |el: &web_sys::Element| el.scroll_height() <= el.client_height() + 1;
    let mut size = max_px;
    loop {
        let _ = el.set_attribute("style", &format!("font-size: {size}px"));
        if fits(&el) || size <= min_px {
            break;
        }
        size -= 0.5;
    }
    fits(&el)
}
