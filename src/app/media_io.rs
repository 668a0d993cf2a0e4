//! The browser side of photos and recordings: the media database (IndexedDB `spire-media`,
//! one object store `blobs`, key = clip id, value = the Blob), the camera and microphone
//! (getUserMedia, MediaRecorder), and scaling photos down on a `<canvas>`. Only the store
//! (`app::store`) and the media steps call this; what is saved where is decided in
//! `core::media`. Written with web-sys directly: an IndexedDB crate would add download
//! size for the four calls used here.

use super::browser::window;
use crate::core::media::backup::MediaBlob;
use crate::core::media::clip::fit_photo;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbRequest, IdbTransactionMode};

const DB_NAME: &str = "spire-media";
const STORE: &str = "blobs";

/// Why media could not be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaError {
    /// The browser's storage is full.
    Full,
    /// The media database cannot be opened (e.g. blocked by the browser's settings).
    NoDatabase,
    /// Anything else, with the browser's words.
    Failed(String),
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// A promise that settles when `req` succeeds or fails.
fn settled(req: &IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise)
}

fn error_of(e: &JsValue) -> MediaError {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .or_else(|| {
            js_sys::Reflect::get(e, &"name".into())
                .ok()
                .and_then(|v| v.as_string())
        })
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        MediaError::Full
    } else {
        MediaError::Failed(if name.is_empty() {
            format!("{e:?}")
        } else {
            name
        })
    }
}

async fn db() -> Result<IdbDatabase, MediaError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = window()
        .indexed_db()
        .ok()
        .flatten()
        .ok_or(MediaError::NoDatabase)?;
    let open = factory
        .open_with_u32(DB_NAME, 1)
        .map_err(|_| MediaError::NoDatabase)?;
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(req) = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else {
            return;
        };
        if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = settled(&open).await;
    drop(upgrade);
    result.map_err(|_| MediaError::NoDatabase)?;
    let db: IdbDatabase = open
        .result()
        .and_then(|r| r.dyn_into())
        .map_err(|_| MediaError::NoDatabase)?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Waits for a read-write transaction to commit (a quota error shows here).
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), MediaError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(tx
            .error()
            .map(|e| error_of(&e.into()))
            .unwrap_or_else(|| MediaError::Failed("aborted".into()))),
    }
}

/// Keeps one blob under `id`.
pub async fn put(id: &str, blob: &Blob) -> Result<(), MediaError> {
    let db = db().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| error_of(&e))?;
    let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
    store
        .put_with_key(blob, &JsValue::from_str(id))
        .map_err(|e| error_of(&e))?;
    committed(&tx).await
}

/// The blob kept under `id`, if any.
pub async fn get(id: &str) -> Option<Blob> {
    let db = db().await.ok()?;
    let tx = db.transaction_with_str(STORE).ok()?;
    let req = tx
        .object_store(STORE)
        .ok()?
        .get(&JsValue::from_str(id))
        .ok()?;
    settled(&req).await.ok()?;
    req.result().ok()?.dyn_into::<Blob>().ok()
}

/// The keys of every blob kept; `None` when the database cannot be read (then nothing may
/// be concluded from what is missing).
pub async fn keys() -> Option<Vec<String>> {
    let db = db().await.ok()?;
    let tx = db.transaction_with_str(STORE).ok()?;
    let req = tx.object_store(STORE).ok()?.get_all_keys().ok()?;
    settled(&req).await.ok()?;
    let keys = req.result().ok()?.dyn_into::<js_sys::Array>().ok()?;
    Some(keys.iter().filter_map(|k| k.as_string()).collect())
}

pub async fn delete(id: &str) {
    if let Ok(db) = db().await {
        if let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.delete(&JsValue::from_str(id));
            }
            let _ = committed(&tx).await;
        }
    }
}

/// Removes every photo and recording (erase all).
pub async fn clear() {
    if let Ok(db) = db().await {
        if let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.clear();
            }
            let _ = committed(&tx).await;
        }
    }
}

pub async fn blob_bytes(blob: &Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

pub fn bytes_blob(bytes: &[u8], mime: &str) -> Option<Blob> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// The bytes of the blobs with these ids (those that exist), for a backup.
pub async fn read_all(ids: impl IntoIterator<Item = String>) -> Vec<MediaBlob> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(blob) = get(&id).await {
            let mime = blob.type_();
            if let Some(bytes) = blob_bytes(&blob).await {
                out.push(MediaBlob { id, mime, bytes });
            }
        }
    }
    out
}

/// Writes the blobs of a restored backup that this device does not have yet.
pub async fn write_missing(blobs: &[MediaBlob]) -> Result<(), MediaError> {
    for b in blobs {
        if get(&b.id).await.is_some() {
            continue;
        }
        let blob = bytes_blob(&b.bytes, &b.mime).ok_or(MediaError::Failed("blob".into()))?;
        put(&b.id, &blob).await?;
    }
    Ok(())
}

// ---- camera, microphone, photos ----------------------------------------------------------

/// Why the camera or microphone cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceError {
    /// The pupil or the browser said no.
    Denied,
    /// There is no such device (or the browser has no getUserMedia, e.g. off https).
    Missing,
    /// It exists but cannot start (another app holds it).
    Busy,
}

fn device_error(e: &JsValue) -> DeviceError {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => DeviceError::Denied,
        "NotReadableError" | "AbortError" => DeviceError::Busy,
        _ => DeviceError::Missing,
    }
}

/// Asks for the camera (`video`) or the microphone.
pub async fn open_device(video: bool) -> Result<web_sys::MediaStream, DeviceError> {
    let devices = window()
        .navigator()
        .media_devices()
        .map_err(|_| DeviceError::Missing)?;
    let constraints = web_sys::MediaStreamConstraints::new();
    if video {
        constraints.set_video(&JsValue::TRUE);
    } else {
        constraints.set_audio(&JsValue::TRUE);
    }
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| device_error(&e))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| device_error(&e))?
        .dyn_into()
        .map_err(|_| DeviceError::Missing)
}

/// Stops every track, so the camera's or microphone's light goes off.
pub fn stop_stream(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Draws `source` (a video frame or a loaded image of `w` × `h`) scaled down to fit
/// [`crate::core::media::clip::PHOTO_MAX_SIDE`] and encodes it as WebP, or JPEG where the
/// browser cannot write WebP. Returns the blob and its size in pixels.
pub async fn encode_photo(
    source: &web_sys::HtmlElement,
    w: u32,
    h: u32,
) -> Result<(Blob, u32, u32), MediaError> {
    let (tw, th) = fit_photo(w, h);
    let document = window().document().ok_or(MediaError::NoDatabase)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| error_of(&e))?
        .unchecked_into();
    canvas.set_width(tw);
    canvas.set_height(th);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(MediaError::Failed("no 2d canvas".into()))?
        .unchecked_into();
    let drawn = if let Some(video) = source.dyn_ref::<web_sys::HtmlVideoElement>() {
        ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, tw as f64, th as f64)
    } else if let Some(img) = source.dyn_ref::<web_sys::HtmlImageElement>() {
        ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, tw as f64, th as f64)
    } else {
        Err(JsValue::NULL)
    };
    drawn.map_err(|_| MediaError::Failed("draw".into()))?;
    for mime in ["image/webp", "image/jpeg"] {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = canvas.to_blob_with_type_and_encoder_options(
                &resolve,
                mime,
                &JsValue::from_f64(0.82),
            );
        });
        if let Ok(v) = JsFuture::from(promise).await {
            if let Ok(blob) = v.dyn_into::<Blob>() {
                if blob.type_() == mime {
                    return Ok((blob, tw, th));
                }
            }
        }
    }
    Err(MediaError::Failed("encode".into()))
}

/// Loads a picked image file into an `<img>` (not in the page) and gives its natural size.
pub async fn load_image(file: &Blob) -> Option<(web_sys::HtmlImageElement, u32, u32)> {
    let url = web_sys::Url::create_object_url_with_blob(file).ok()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&url);
    let loaded = JsFuture::from(promise).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded.ok()?;
    let (w, h) = (img.natural_width(), img.natural_height());
    (w > 0 && h > 0).then_some((img, w, h))
}

/// A recorder on `stream` that hands the recording to `done` when stopped.
pub fn record(
    stream: &web_sys::MediaStream,
    done: impl FnOnce(Blob) + 'static,
) -> Option<web_sys::MediaRecorder> {
    let recorder = web_sys::MediaRecorder::new_with_media_stream(stream).ok()?;
    let chunks = std::rc::Rc::new(RefCell::new(Vec::<Blob>::new()));
    let c = chunks.clone();
    let on_data = Closure::<dyn Fn(web_sys::BlobEvent)>::new(move |e: web_sys::BlobEvent| {
        if let Some(b) = e.data() {
            c.borrow_mut().push(b);
        }
    });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    on_data.forget();
    let r = recorder.clone();
    let on_stop = Closure::once_into_js(move || {
        let parts = js_sys::Array::new();
        for b in chunks.borrow().iter() {
            parts.push(b);
        }
        let options = web_sys::BlobPropertyBag::new();
        let mime = r.mime_type();
        options.set_type(if mime.is_empty() { "audio/webm" } else { &mime });
        if let Ok(blob) = Blob::new_with_blob_sequence_and_options(&parts, &options) {
            done(blob);
        }
    });
    recorder.set_onstop(Some(on_stop.unchecked_ref()));
    recorder.start().ok()?;
    Some(recorder)
}

/// An object URL for showing a blob; revoke it with [`revoke`] when the view goes.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
