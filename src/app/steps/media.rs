//! The steps that take answers beyond typing (content v1.1): a sketch pad, photos and a
//! voice recording, each with a text field beside it (a keyboard alternative, and what a
//! pupil without a camera or microphone uses). The components are thin: strokes and undo
//! are `core::media::sketch`, references `core::media::clip`; the store keeps the answer
//! and the blobs (`Store::keep_clip`), `app::media_io` talks to the devices.

use super::{Question, StepCtx};
use crate::app::browser;
use crate::app::content::media_url;
use crate::app::i18n::use_i18n;
use crate::app::media_io::{self, DeviceError, MediaError};
use crate::app::startup::use_startup;
use crate::app::store::use_store;
use crate::core::content::step::{PhotoStep, SketchStep, VoiceStep};
use crate::core::i18n::Key;
use crate::core::media::clip::{clip_id, clips_of, clock, ClipKind};
use crate::core::media::sketch::{Pad, Stroke, Tool, Width, ASPECT, PALETTE};
use crate::core::media::Clip;
use crate::core::progress::answer::media_parts;
use crate::core::progress::WorkRef;
use crate::core::project::entry::photo_alt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::capture::{PhotoTaker, SketchPad, VoiceRecorder};

#[component]
pub fn SketchView(step: SketchStep, ctx: StepCtx) -> impl IntoView {
    let id = step.id.to_string();
    view! {
        <Question text=step.question.clone()/>
        <SketchPad work=ctx.work.clone() step=id.clone() background=step.background.clone()/>
        <MediaText work=ctx.work step=id label=Key::SketchDescribe/>
    }
}

#[component]
pub fn PhotoView(step: PhotoStep, ctx: StepCtx) -> impl IntoView {
    let id = step.id.to_string();
    view! {
        <Question text=step.question.clone()/>
        <PhotoTaker work=ctx.work.clone() step=id.clone() max=step.max()/>
        <MediaText work=ctx.work step=id label=Key::PhotoDescribe/>
    }
}

#[component]
pub fn VoiceView(step: VoiceStep, ctx: StepCtx) -> impl IntoView {
    let id = step.id.to_string();
    view! {
        <Question text=step.question.clone()/>
        <VoiceRecorder work=ctx.work.clone() step=id.clone() max_seconds=step.max_seconds()/>
        <MediaText work=ctx.work step=id label=Key::VoiceWrite/>
    }
}

/// The text part of a media answer.
#[component]
pub fn MediaText(work: WorkRef, step: String, label: Key) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (w, s) = (work.clone(), step.clone());
    let text = Memo::new(move |_| media_parts(store.answer(&w, &s).as_ref()).0);
    let field_id = format!("answer-{step}");
    let field = NodeRef::<leptos::html::Textarea>::new();
    crate::app::widgets::sync_value(field, move || text.get());
    view! {
        <label class="answer-label" for=field_id.clone()>{move || i18n.t(label)}</label>
        <textarea id=field_id class="answer" rows="4" node_ref=field
            on:input=move |ev| {
                let value = event_target_value(&ev);
                store.update_media(&work, &step, |t, _, _| *t = value);
            }></textarea>
    }
}

// ---- sketch ------------------------------------------------------------------------------

fn colour_key(name: &str) -> Key {
    match name {
        "red" => Key::ColourRed,
        "blue" => Key::ColourBlue,
        "green" => Key::ColourGreen,
        "orange" => Key::ColourOrange,
        "purple" => Key::ColourPurple,
        "brown" => Key::ColourBrown,
        "pink" => Key::ColourPink,
        _ => Key::ColourBlack,
    }
}

/// The canvas's size in CSS pixels, with its bitmap sized for the screen's pixel ratio.
fn fit(
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<(web_sys::CanvasRenderingContext2d, f64, f64)> {
    let rect = canvas.get_bounding_client_rect();
    let (w, h) = (rect.width(), rect.height());
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let dpr = browser::window().device_pixel_ratio().max(1.0);
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten()?.unchecked_into();
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    Some((ctx, w, h))
}

fn style(ctx: &web_sys::CanvasRenderingContext2d, s: &Stroke, w: f64) {
    let eraser = s.tool() == Tool::Eraser;
    let _ = ctx.set_global_composite_operation(if eraser {
        "destination-out"
    } else {
        "source-over"
    });
    ctx.set_stroke_style_str(s.hex());
    ctx.set_line_width(s.line_width(w));
}

fn draw_stroke(ctx: &web_sys::CanvasRenderingContext2d, s: &Stroke, w: f64, h: f64) {
    style(ctx, s, w);
    ctx.begin_path();
    let mut points = s.pixels(w, h);
    let Some((x0, y0)) = points.next() else {
        return;
    };
    ctx.move_to(x0, y0);
    ctx.line_to(x0 + 0.01, y0);
    for (x, y) in points {
        ctx.line_to(x, y);
    }
    ctx.stroke();
}

/// Draws the whole drawing again at the canvas's present size (after a resize or rotation,
/// an undo or a drawing from another tab).
fn redraw(canvas: &web_sys::HtmlCanvasElement, strokes: &[Stroke]) {
    if let Some((ctx, w, h)) = fit(canvas) {
        ctx.clear_rect(0.0, 0.0, w, h);
        for s in strokes {
            draw_stroke(&ctx, s, w, h);
        }
    }
}

#[component]
pub(super) fn SketchPadNow(
    work: WorkRef,
    step: String,
    background: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (w, s) = (work.clone(), step.clone());
    let saved = Memo::new(move |_| media_parts(store.answer(&w, &s).as_ref()).1);
    let pad = RwSignal::new(Pad::new(&saved.get_untracked()));
    let tool = RwSignal::new(Tool::Pen);
    let colour = RwSignal::new(PALETTE[0].0);
    let width = RwSignal::new(Width::Thin);
    let status = RwSignal::new(None::<Key>);
    let current = StoredValue::new(None::<(i32, Stroke)>);
    let canvas = NodeRef::<leptos::html::Canvas>::new();

    // The drawing saved elsewhere (another tab, a restored backup) replaces this one.
    Effect::new(move |_| {
        let strokes = saved.get();
        if current.with_value(Option::is_none) {
            pad.update(|p| p.replace(&strokes));
        }
    });
    let startup = use_startup();
    Effect::new(move |_| {
        let Some(c) = canvas.get() else { return };
        // Again once the page is on screen: drawn outside it, the canvas has no size.
        startup.shown();
        pad.with(|p| redraw(&c, p.strokes()));
    });
    let resized = browser::listen::<web_sys::Event>("resize", move |_| {
        if let Some(c) = canvas.get_untracked() {
            pad.with_untracked(|p| redraw(&c, p.strokes()));
        }
    });
    on_cleanup(move || browser::unlisten(resized));

    let target = StoredValue::new((work, step));
    let save = move || {
        let strokes = pad.with_untracked(|p| p.strokes().to_vec());
        target.with_value(|(work, step)| store.update_media(work, step, |_, s, _| *s = strokes));
    };
    let point = move |ev: &web_sys::PointerEvent| {
        let c = canvas.get_untracked()?;
        let r = c.get_bounding_client_rect();
        Some((
            ev.client_x() as f64 - r.left(),
            ev.client_y() as f64 - r.top(),
            r.width(),
            r.height(),
        ))
    };
    let down = move |ev: web_sys::PointerEvent| {
        if ev.button() > 0 || pad.with_untracked(Pad::is_full) {
            if pad.with_untracked(Pad::is_full) {
                status.set(Some(Key::SketchFull));
            }
            return;
        }
        ev.prevent_default();
        let Some((x, y, w, h)) = point(&ev) else {
            return;
        };
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
        let mut stroke = Stroke::new(
            tool.get_untracked(),
            colour.get_untracked(),
            width.get_untracked(),
        );
        stroke.push(x, y, w, h);
        if let Some((ctx, w, h)) = canvas.get_untracked().and_then(|c| fit(&c)) {
            draw_stroke(&ctx, &stroke, w, h);
        }
        current.set_value(Some((ev.pointer_id(), stroke)));
        status.set(None);
    };
    let moved = move |ev: web_sys::PointerEvent| {
        if current.with_value(|c| c.as_ref().map(|(id, _)| *id) != Some(ev.pointer_id())) {
            return;
        }
        ev.prevent_default();
        let Some((x, y, w, h)) = point(&ev) else {
            return;
        };
        current.update_value(|c| {
            let Some((_, stroke)) = c else { return };
            let before = stroke.points.len();
            stroke.push(x, y, w, h);
            if stroke.points.len() == before {
                return;
            }
            let Some((ctx, w, h)) = canvas.get_untracked().and_then(|c| fit(&c)) else {
                return;
            };
            let pts: Vec<(f64, f64)> = stroke.pixels(w, h).collect();
            if let [.., (x0, y0), (x1, y1)] = pts[..] {
                style(&ctx, stroke, w);
                ctx.begin_path();
                ctx.move_to(x0, y0);
                ctx.line_to(x1, y1);
                ctx.stroke();
            }
        });
    };
    let up = move |ev: web_sys::PointerEvent| {
        let Some((id, stroke)) = current.with_value(Clone::clone) else {
            return;
        };
        if id != ev.pointer_id() {
            return;
        }
        current.set_value(None);
        if pad.try_update(|p| p.add(stroke)).unwrap_or(false) {
            save();
        }
    };
    let act = move |f: fn(&mut Pad) -> bool, done: Option<Key>| {
        if pad.try_update(f).unwrap_or(false) {
            save();
            status.set(done);
        }
    };
    let bg = background.as_deref().and_then(media_url);
    let count = move || pad.with(|p| p.strokes().len()).to_string();
    view! {
        <div class="sketch">
            <div class="sketch-tools" role="toolbar" aria-label=i18n.tr(Key::SketchTools)>
                <div class="tool-group">
                    <button type="button" class="tool" aria-pressed=move || (tool.get() == Tool::Pen).to_string()
                        on:click=move |_| tool.set(Tool::Pen)><span aria-hidden="true">"✎ "</span>{i18n.tr(Key::SketchPen)}</button>
                    <button type="button" class="tool" aria-pressed=move || (tool.get() == Tool::Eraser).to_string()
                        on:click=move |_| tool.set(Tool::Eraser)><span aria-hidden="true">"⌫ "</span>{i18n.tr(Key::SketchEraser)}</button>
                </div>
                <div class="tool-group swatches" role="group" aria-label=i18n.tr(Key::SketchColours)>
                    {PALETTE.iter().map(|&(name, hex)| view! {
                        <button type="button" class="swatch" style=("--swatch", hex)
                            aria-label=move || i18n.f(Key::SketchColour, &[("colour", i18n.t(colour_key(name)))])
                            aria-pressed=move || (colour.get() == name).to_string()
                            on:click=move |_| { colour.set(name); tool.set(Tool::Pen); }></button>
                    }).collect_view()}
                </div>
                <div class="tool-group">
                    <button type="button" class="tool" aria-pressed=move || (width.get() == Width::Thin).to_string()
                        on:click=move |_| width.set(Width::Thin)><span class="line thin" aria-hidden="true"></span>{i18n.tr(Key::SketchThin)}</button>
                    <button type="button" class="tool" aria-pressed=move || (width.get() == Width::Thick).to_string()
                        on:click=move |_| width.set(Width::Thick)><span class="line thick" aria-hidden="true"></span>{i18n.tr(Key::SketchThick)}</button>
                </div>
                <div class="tool-group">
                    <button type="button" class="tool" disabled=move || !pad.with(Pad::can_undo)
                        on:click=move |_| act(Pad::undo, None)><span aria-hidden="true">"↶ "</span>{i18n.tr(Key::SketchUndo)}</button>
                    <button type="button" class="tool" disabled=move || !pad.with(Pad::can_redo)
                        on:click=move |_| act(Pad::redo, None)><span aria-hidden="true">"↷ "</span>{i18n.tr(Key::SketchRedo)}</button>
                    <button type="button" class="tool" disabled=move || pad.with(|p| p.strokes().is_empty())
                        on:click=move |_| act(Pad::clear, Some(Key::SketchCleared))>{i18n.tr(Key::SketchClear)}</button>
                </div>
            </div>
            <p class="hint sketch-help">{i18n.tr(Key::SketchHelp)}</p>
            <div class="sketch-surface" style:aspect-ratio=ASPECT.to_string()>
                {bg.map(|src| view! { <img class="sketch-background" src=src alt=""/> })}
                <canvas class="sketch-canvas" node_ref=canvas role="img" data-strokes=count
                    aria-label=move || i18n.f(Key::SketchPad, &[("n", &count())])
                    on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up></canvas>
            </div>
            <p class="sketch-status" role="status">{move || status.get().map(|k| i18n.t(k))}</p>
        </div>
    }
}

// ---- photos and recordings ----------------------------------------------------------------

pub fn media_error_text(e: &MediaError, i18n: crate::app::i18n::I18n) -> String {
    match e {
        MediaError::Full => i18n.t(Key::MediaFull).to_string(),
        MediaError::NoDatabase => i18n.f(Key::MediaFailed, &[("reason", "IndexedDB")]),
        MediaError::Failed(r) => i18n.f(Key::MediaFailed, &[("reason", r)]),
    }
}

/// A saved photo, loaded from the media database.
#[component]
pub fn MediaImage(id: String, alt: String) -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(None::<Result<String, ()>>);
    let key = id.clone();
    spawn_local(async move {
        let found = media_io::get(&key)
            .await
            .and_then(|b| media_io::object_url(&b));
        let _ = url.try_set(Some(found.ok_or(())));
    });
    on_cleanup(move || {
        if let Some(Some(Ok(u))) = url.try_get_untracked() {
            media_io::revoke(&u);
        }
    });
    move || match url.get() {
        None => ().into_any(),
        Some(Ok(src)) => {
            view! { <img class="media-photo" src=src alt=alt.clone() data-clip=id.clone()/> }
                .into_any()
        }
        Some(Err(())) => {
            view! { <p class="media-missing">{i18n.t(Key::MediaMissing)}</p> }.into_any()
        }
    }
}

/// Saved photos shown where an answer is read back (the project book, the teacher's
/// answers side by side), each named "Foto 1 af 3 til: <question>".
#[component]
pub fn PhotoGallery(photos: Vec<Clip>, question: String) -> impl IntoView {
    let i18n = use_i18n();
    let of = photos.len();
    view! {
        <ul class="photo-gallery">
            {photos.into_iter().enumerate().map(|(i, clip)| {
                let alt = photo_alt(i18n.lang(), i + 1, of, &question);
                view! { <li><MediaImage id=clip.id alt=alt/></li> }
            }).collect_view()}
        </ul>
    }
}

/// A saved recording with the browser's player.
#[component]
pub fn MediaAudio(clip: Clip) -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(None::<Result<String, ()>>);
    let key = clip.id.clone();
    spawn_local(async move {
        let found = media_io::get(&key)
            .await
            .and_then(|b| media_io::object_url(&b));
        let _ = url.try_set(Some(found.ok_or(())));
    });
    on_cleanup(move || {
        if let Some(Some(Ok(u))) = url.try_get_untracked() {
            media_io::revoke(&u);
        }
    });
    let time = clock(clip.ms as u64);
    let label = i18n.f(Key::VoiceYours, &[("time", &time)]);
    let length = i18n.f(Key::VoiceLength, &[("time", &time)]);
    move || {
        match url.get() {
        None => ().into_any(),
        Some(Ok(src)) => view! {
            <div class="media-voice">
                <audio controls src=src aria-label=label.clone() data-ms=clip.ms.to_string()></audio>
                <p class="voice-length">{length.clone()}</p>
            </div>
        }
        .into_any(),
        Some(Err(())) => view! { <p class="media-missing">{i18n.t(Key::MediaMissing)}</p> }.into_any(),
    }
    }
}

#[component]
pub(super) fn PhotoTakerNow(work: WorkRef, step: String, max: u32) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (w, s) = (work.clone(), step.clone());
    let photos = Memo::new(move |_| {
        clips_of(
            &media_parts(store.answer(&w, &s).as_ref()).2,
            ClipKind::Photo,
        )
    });
    let full = Signal::derive(move || photos.with(|p| p.len() as u32 >= max));
    let (work2, step2) = (work.clone(), step.clone());
    let keep = move |clip: Clip, blob: web_sys::Blob| {
        let (work, step) = (work2.clone(), step2.clone());
        async move { store.keep_clip(&work, &step, clip, blob, None).await }
    };
    let (work3, step3) = (work.clone(), step.clone());
    view! {
        <div class="photos">
            <ul class="photo-list">
                {move || photos.get().into_iter().enumerate().map(|(i, clip)| {
                    let n = (i + 1).to_string();
                    let (work, step, id) = (work3.clone(), step3.clone(), clip.id.clone());
                    view! {
                        <li class="photo-item">
                            <MediaImage id=clip.id.clone() alt=i18n.f(Key::PhotoNumber, &[("n", &n)])/>
                            <button type="button" class="small" on:click=move |_| store.drop_clip(&work, &step, &id)>
                                {i18n.f(Key::PhotoDelete, &[("n", &n)])}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="photo-count muted">{move || i18n.f(Key::PhotoCount, &[("n", &photos.with(Vec::len).to_string()), ("max", &max.to_string())])}</p>
            {move || full.get().then(|| view! { <p class="notice notice-info">{i18n.f(Key::PhotoLimit, &[("max", &max.to_string())])}</p> })}
            <PhotoSource keep=keep full=full pick_id=format!("photo-pick-{step}")/>
        </div>
    }
}

/// Where a photo comes from: the camera (its live view, "Take the picture", "Close the
/// camera") or a picture picked on the device. Each photo is scaled down and encoded here,
/// then handed to `keep`, which saves it; what happened is said below the buttons.
/// Used by the photo step and by a canvas note. `children` are further actions.
#[component]
pub fn PhotoSource<K, F>(
    keep: K,
    /// True when no more photos can be taken.
    #[prop(into)]
    full: Signal<bool>,
    pick_id: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView
where
    K: Fn(Clip, web_sys::Blob) -> F + Clone + 'static,
    F: std::future::Future<Output = Result<(), MediaError>> + 'static,
{
    let i18n = use_i18n();
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let camera = StoredValue::new_local(None::<web_sys::MediaStream>);
    let camera_on = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let close = move || {
        camera.update_value(|c| {
            if let Some(stream) = c.take() {
                media_io::stop_stream(&stream);
            }
        });
        let _ = camera_on.try_set(false);
    };
    on_cleanup(close);
    let encode = move |source: web_sys::HtmlElement, width: u32, height: u32| {
        let keep = keep.clone();
        busy.set(true);
        message.set(Some((false, i18n.t(Key::PhotoSaving).into())));
        spawn_local(async move {
            let result = match media_io::encode_photo(&source, width, height).await {
                Ok((blob, w, h)) => {
                    let clip = Clip {
                        id: clip_id(browser::random_u64()),
                        kind: ClipKind::Photo.name().into(),
                        mime: blob.type_(),
                        bytes: blob.size() as u64,
                        width: w,
                        height: h,
                        ms: 0,
                        at: browser::now(),
                    };
                    keep(clip, blob).await
                }
                Err(e) => Err(e),
            };
            let _ = busy.try_set(false);
            let _ = message.try_set(Some(match result {
                Ok(()) => (false, i18n.t(Key::PhotoSaved).into()),
                Err(e) => (true, media_error_text(&e, i18n)),
            }));
        });
    };
    let open_camera = move |_| {
        message.set(None);
        spawn_local(async move {
            match media_io::open_device(true).await {
                Ok(stream) => {
                    camera.set_value(Some(stream.clone()));
                    camera_on.set(true);
                    if let Some(v) = video.get_untracked() {
                        v.set_src_object(Some(&stream));
                        let _ = v.play();
                    }
                }
                Err(e) => message.set(Some((
                    true,
                    i18n.t(match e {
                        DeviceError::Denied => Key::CameraDenied,
                        DeviceError::Missing => Key::CameraMissing,
                        DeviceError::Busy => Key::CameraBusy,
                    })
                    .into(),
                ))),
            }
        });
    };
    let encode_shot = encode.clone();
    let shoot = move |_| {
        let Some(v) = video.get_untracked() else {
            return;
        };
        let (w, h) = (v.video_width(), v.video_height());
        if w == 0 || h == 0 {
            return;
        }
        // The frame is drawn when the photo task first runs (a microtask); the camera is
        // stopped after that, so the photo is not of a stopped, black stream.
        encode_shot(v.unchecked_into(), w, h);
        browser::after_render(close);
    };
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let encode = encode.clone();
        spawn_local(async move {
            match media_io::load_image(&file).await {
                Some((img, w, h)) => encode(img.unchecked_into(), w, h),
                None => message.set(Some((true, i18n.t(Key::PhotoBadFile).into()))),
            }
        });
    };
    view! {
        <div class="camera" class:hidden=move || !camera_on.get()>
            <video node_ref=video class="camera-view" autoplay=true playsinline=true muted=true
                aria-label=i18n.tr(Key::PhotoCameraView)></video>
            <p class="actions">
                <button type="button" class="primary" on:click=shoot disabled=move || busy.get() || full.get()>{i18n.tr(Key::PhotoShoot)}</button>
                <button type="button" on:click=move |_| close()>{i18n.tr(Key::PhotoCloseCamera)}</button>
            </p>
        </div>
        <p class="actions">
            <button type="button" on:click=open_camera disabled=move || busy.get() || full.get() || camera_on.get()><span aria-hidden="true">"📷 "</span>{i18n.tr(Key::PhotoTake)}</button>
            <label class="button file-pick" for=pick_id.clone() class:disabled=move || full.get()>{i18n.tr(Key::PhotoPick)}</label>
            <input type="file" id=pick_id class="visually-hidden" accept="image/*" on:change=pick disabled=move || busy.get() || full.get()/>
            {children.map(|c| c())}
        </p>
        {move || message.get().map(|(error, m)| if error {
            view! { <p class="notice notice-error" role="alert">{m}</p> }.into_any()
        } else {
            view! { <p class="media-status" role="status">{m}</p> }.into_any()
        })}
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recording {
    Idle,
    Asking,
    On,
    Saving,
}

#[component]
pub(super) fn VoiceRecorderNow(work: WorkRef, step: String, max_seconds: u32) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (w, s) = (work.clone(), step.clone());
    let recordings = Memo::new(move |_| {
        clips_of(
            &media_parts(store.answer(&w, &s).as_ref()).2,
            ClipKind::Voice,
        )
    });
    let state = RwSignal::new(Recording::Idle);
    let message = RwSignal::new(None::<(bool, String)>);
    let left_ms = RwSignal::new(max_seconds as u64 * 1000);
    let recorder = StoredValue::new_local(None::<(web_sys::MediaRecorder, web_sys::MediaStream)>);
    let ticker = StoredValue::new_local(None::<gloo_timers::callback::Interval>);
    let started = StoredValue::new(0f64);
    let limit_ms = max_seconds as u64 * 1000;
    let stop = move || {
        ticker.update_value(|t| {
            t.take();
        });
        recorder.update_value(|r| {
            if let Some((rec, _)) = r.as_ref() {
                if rec.state() == web_sys::RecordingState::Recording {
                    let _ = rec.stop();
                }
            }
        });
    };
    on_cleanup(move || {
        stop();
        recorder.update_value(|r| {
            if let Some((_, stream)) = r.take() {
                media_io::stop_stream(&stream);
            }
        });
    });
    let target = StoredValue::new((work.clone(), step.clone()));
    let start = move |_| {
        message.set(None);
        state.set(Recording::Asking);
        let (work, step) = target.get_value();
        spawn_local(async move {
            let stream = match media_io::open_device(false).await {
                Ok(s) => s,
                Err(e) => {
                    state.set(Recording::Idle);
                    message.set(Some((
                        true,
                        i18n.t(match e {
                            DeviceError::Denied => Key::VoiceDenied,
                            DeviceError::Missing => Key::VoiceMissing,
                            DeviceError::Busy => Key::VoiceBusy,
                        })
                        .into(),
                    )));
                    return;
                }
            };
            let s2 = stream.clone();
            let done = move |blob: web_sys::Blob| {
                media_io::stop_stream(&s2);
                let ms =
                    ((browser::perf_now() - started.get_value()).max(0.0) as u64).min(limit_ms);
                let _ = state.try_set(Recording::Saving);
                spawn_local(async move {
                    let clip = Clip {
                        id: clip_id(browser::random_u64()),
                        kind: ClipKind::Voice.name().into(),
                        mime: blob.type_(),
                        bytes: blob.size() as u64,
                        width: 0,
                        height: 0,
                        ms: ms as u32,
                        at: browser::now(),
                    };
                    let result = store
                        .keep_clip(&work, &step, clip, blob, Some(ClipKind::Voice))
                        .await;
                    let _ = state.try_set(Recording::Idle);
                    let _ = message.try_set(Some(match result {
                        Ok(()) => (false, i18n.t(Key::VoiceSaved).into()),
                        Err(e) => (true, media_error_text(&e, i18n)),
                    }));
                });
            };
            let Some(rec) = media_io::record(&stream, done) else {
                media_io::stop_stream(&stream);
                state.set(Recording::Idle);
                message.set(Some((true, i18n.t(Key::VoiceMissing).into())));
                return;
            };
            recorder.set_value(Some((rec, stream)));
            started.set_value(browser::perf_now());
            left_ms.set(limit_ms);
            state.set(Recording::On);
            let tick = gloo_timers::callback::Interval::new(250, move || {
                let elapsed = (browser::perf_now() - started.get_value()).max(0.0) as u64;
                let _ = left_ms.try_set(limit_ms.saturating_sub(elapsed));
                if elapsed >= limit_ms {
                    stop();
                }
            });
            ticker.set_value(Some(tick));
            browser::focus_id("voice-stop");
        });
    };
    let (work4, step4) = (work.clone(), step.clone());
    view! {
        <div class="voice">
            <p class="muted">{i18n.f(Key::VoiceLimit, &[("time", &clock(limit_ms))])}</p>
            {move || recordings.get().into_iter().map(|clip| {
                let (work, step, id) = (work4.clone(), step4.clone(), clip.id.clone());
                view! {
                    <MediaAudio clip=clip/>
                    <p class="actions"><button type="button" class="small" disabled=move || state.get() != Recording::Idle
                        on:click=move |_| store.drop_clip(&work, &step, &id)>{i18n.t(Key::VoiceDelete)}</button></p>
                }
            }).collect_view()}
            <p class="actions">
                {move || if state.get() == Recording::On {
                    view! { <button type="button" class="danger" id="voice-stop" on:click=move |_| stop()><span aria-hidden="true">"■ "</span>{i18n.t(Key::VoiceStop)}</button> }.into_any()
                } else {
                    let again = recordings.with(|r| !r.is_empty());
                    view! { <button type="button" class="primary" disabled=move || state.get() != Recording::Idle on:click=start>
                        <span aria-hidden="true">"● "</span>{i18n.t(if again { Key::VoiceRecordAgain } else { Key::VoiceRecord })}</button> }.into_any()
                }}
            </p>
            <p class="recording-state" class:on=move || state.get() == Recording::On aria-live="off">
                {move || (state.get() == Recording::On).then(|| i18n.f(Key::VoiceRecording, &[("left", &clock(left_ms.get() + 999))]))}
            </p>
            {move || message.get().map(|(error, m)| if error {
                view! { <p class="notice notice-error" role="alert">{m}</p> }.into_any()
            } else {
                view! { <p class="media-status" role="status">{m}</p> }.into_any()
            })}
        </div>
    }
}
