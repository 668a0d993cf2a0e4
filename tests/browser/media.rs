//! Answers beyond typing (content v1.1) in a real browser with Chromium's fake camera and
//! microphone: drawing by pointer (mouse and touch) that survives a reload and a resize,
//! undo of a clear, photos from the camera and from a file, a 2-second recording with its
//! player (both recalled in a later lesson), a photo the device cannot keep (storage full,
//! no database) refused with a reason, and a backup with its media restored on a fresh
//! profile; a photo in a team project shown in the project book and on the entry and
//! carried by the project file to a fresh profile; a hand-in file with and without its
//! photo, read by the teacher.

use crate::support;

use std::time::Duration;

use fantoccini::actions::{PointerAction, MOUSE_BUTTON_LEFT};
use serde_json::{json, Value};
use spire::core::media::clip::size_text;
use spire::core::progress::WorkRef;
use spire::core::teacher::assignment::Assignment;
use support::{App, ScratchDir, Site};

fn media_site(label: &str) -> Site {
    let site = Site::empty(label);
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["medier", "fortsat"], "canvases": [], "challenges": ["fotoprojekt"], "role_models": []}),
    );
    // A later lesson that recalls the photos and the recording.
    site.write_content_json(
        "fortsat.json",
        &json!({
            "id": "fortsat",
            "title": {"da": "Videre med modellen", "en": "On with the model"},
            "levels": ["indskoling"],
            "steps": [
                {"type": "prompt", "id": "bedre", "question": "Hvad vil du gøre bedre?",
                 "recall": {"lesson": "medier", "step": "foto"}},
                {"type": "prompt", "id": "lyt", "question": "Hvad sagde du?",
                 "recall": {"lesson": "medier", "step": "tal"}}
            ]
        }),
    );
    site.write_content_json(
        "challenges/fotoprojekt.json",
        &json!({
            "id": "fotoprojekt",
            "title": {"da": "Byg og vis", "en": "Build and show"},
            "format": "open",
            "levels": ["indskoling"],
            "phases": [{"id": "byg", "title": "Byg", "steps": [
                {"type": "prompt", "id": "ide", "question": "Hvad er jeres idé?"},
                {"type": "photo", "id": "model-foto", "question": {"da": "Fotos af modellen", "en": "Photos of the model"}, "max": 3}
            ]}],
            "criteria": [{"id": "nyt", "title": "Nyt"}],
            "entry": [{"title": "Idéen", "from": "ide"}]
        }),
    );
    site.write_content_json(
        "medier.json",
        &json!({
            "id": "medier",
            "title": {"da": "Tegn, fotografér og fortæl", "en": "Draw, photograph and tell"},
            "levels": ["indskoling"],
            "steps": [
                {"type": "sketch", "id": "tegn", "question": {"da": "Tegn din idé", "en": "Draw your idea"}},
                {"type": "photo", "id": "foto", "question": {"da": "Tag et foto af jeres model", "en": "Take a photo of your model"}, "max": 3},
                {"type": "voice", "id": "tal", "question": {"da": "Fortæl om din idé", "en": "Tell about your idea"}, "max_seconds": 10},
                {"type": "prompt", "id": "hvem", "question": "Hvem hjælper den?", "answer_with": ["text", "sketch", "voice"]}
            ]
        }),
    );
    site
}

async fn open_step(app: &App, step: &str) {
    app.open(&format!("#/lessons/medier/{step}")).await;
    app.wait_for(&format!("main .step[data-step=\"{step}\"]"))
        .await;
}

/// The number of strokes the pad says it holds.
async fn strokes(app: &App) -> usize {
    app.attr_of("main .sketch-canvas", "data-strokes")
        .await
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

async fn wait_strokes(app: &App, n: usize, what: &str) {
    app.wait_until(what, async || strokes(app).await == n).await;
}

/// How many pixels of the pad are drawn on (not transparent).
async fn inked_pixels(app: &App) -> u64 {
    app.js_value(
        "const c = document.querySelector('main .sketch-canvas'); \
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
         let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Draws a line across the pad from (x0, y0) to (x1, y1), offsets from its centre.
async fn draw(app: &App, (x0, y0): (f64, f64), (x1, y1): (f64, f64), touch: bool) {
    let pad = app.wait_for_visible("main .sketch-canvas").await;
    // As a pupil would, scroll the pad into view first (pointer actions do not scroll).
    app.js_value(
        "arguments[0].scrollIntoView({block: 'center'}); return true",
        vec![serde_json::to_value(&pad).expect("the pad as JSON")],
    )
    .await;
    let steps = [
        PointerAction::MoveToElement {
            element: pad.clone(),
            duration: None,
            x: x0,
            y: y0,
        },
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
        PointerAction::MoveToElement {
            element: pad.clone(),
            duration: Some(Duration::from_millis(60)),
            x: (x0 + x1) / 2.0,
            y: (y0 + y1) / 2.0 + 10.0,
        },
        PointerAction::MoveToElement {
            element: pad,
            duration: Some(Duration::from_millis(60)),
            x: x1,
            y: y1,
        },
        PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        },
    ];
    app.pointer_gesture(steps, touch, "draw on the pad").await;
}

async fn wait_saved(app: &App) {
    app.wait_until("the work is saved", async || {
        app.attr_of("#save-status", "data-status").await.as_deref() == Some("saved")
    })
    .await;
}

#[tokio::test]
async fn a_drawing_by_mouse_and_finger_survives_a_reload_and_a_resize() {
    let site = media_site("sketch");
    let app = App::serve(site.path(), "/").await;
    open_step(&app, "tegn").await;
    // Every control has a name a pupil (or a screen reader) can find it by.
    for name in [
        "Blyant",
        "Viskelæder",
        "Farve: Rød",
        "Farve: Blå",
        "Tynd streg",
        "Tyk streg",
    ] {
        app.button(name).await;
    }
    app.button("Farve: Rød").await.click().await;
    app.button("Tyk streg").await.click().await;
    draw(&app, (-120.0, -60.0), (120.0, 40.0), false).await;
    wait_strokes(&app, 1, "one stroke by mouse").await;
    app.button("Farve: Blå").await.click().await;
    draw(&app, (-100.0, 80.0), (100.0, -80.0), true).await;
    wait_strokes(&app, 2, "a second stroke by touch").await;
    assert!(inked_pixels(&app).await > 200, "the strokes are drawn");

    // Clear, then undo the clear; redo and undo again.
    app.button("Ryd tegningen").await.click().await;
    wait_strokes(&app, 0, "the pad cleared").await;
    app.see_text("Tryk Fortryd for at få den tilbage").await;
    app.button("Fortryd").await.click().await;
    wait_strokes(&app, 2, "the clear undone").await;
    app.button("Fortryd").await.click().await;
    wait_strokes(&app, 1, "the second stroke undone").await;
    app.button("Gentag").await.click().await;
    wait_strokes(&app, 2, "the second stroke redone").await;

    // The keyboard alternative: a description in words.
    app.textbox("Fortæl med ord, hvad din tegning viser (eller skriv her i stedet for at tegne)")
        .await
        .type_text("Et hus med sol")
        .await;
    wait_saved(&app).await;

    app.reload().await;
    app.wait_for("main .step[data-step=\"tegn\"]").await;
    wait_strokes(&app, 2, "both strokes after the reload").await;
    app.wait_until("the drawing is painted after the reload", async || {
        inked_pixels(&app).await > 200
    })
    .await;
    let before = inked_pixels(&app).await;
    // A narrower window (a tablet turned): the drawing is drawn again at the new size.
    app.client()
        .set_window_size(800, 900)
        .await
        .expect("resize the window");
    app.wait_until("the drawing is painted at the new size", async || {
        let now = inked_pixels(&app).await;
        now > 100 && now != before
    })
    .await;
    assert_eq!(strokes(&app).await, 2);
    let text = app
        .js("return document.querySelector('#answer-tegn').value")
        .await;
    assert_eq!(text, "Et hus med sol");
}

/// A 64×48 PNG, as a pupil might pick from the device.
async fn photo_count(app: &App) -> usize {
    app.count("main .photo-list img.media-photo").await
}

#[tokio::test]
async fn photos_from_the_camera_and_from_a_file_survive_a_reload() {
    let site = media_site("photo");
    let app = App::serve(site.path(), "/").await;
    open_step(&app, "foto").await;
    app.button("Tag et foto med kameraet").await.click().await;
    // The fake camera's picture is there once the video plays.
    app.wait_camera_live("main video.camera-view").await;
    app.button("Tag billedet").await.click().await;
    app.wait_until("the photo from the camera is shown", async || {
        photo_count(&app).await == 1
    })
    .await;
    let png = support::test_picture();
    let input = app.wait_for("main input[type=file]").await;
    input
        .send_keys(&png.display().to_string())
        .await
        .expect("pick a picture");
    app.wait_until("the picked photo is shown", async || {
        photo_count(&app).await == 2
    })
    .await;
    wait_saved(&app).await;
    app.reload().await;
    app.wait_for("main .step[data-step=\"foto\"]").await;
    app.wait_until("both photos after the reload", async || {
        photo_count(&app).await == 2
    })
    .await;
    // Kept scaled down, as WebP or JPEG.
    let saved = app
        .local_storage_get("spire.work.lesson:medier")
        .await
        .expect("the saved work");
    assert!(saved.contains("\"kind\":\"photo\""), "{saved}");
    assert!(
        saved.contains("image/webp") || saved.contains("image/jpeg"),
        "{saved}"
    );
    app.by_role("img", "Foto 1").await;

    // A later lesson that recalls the step shows both photos, read-only.
    app.open("#/lessons/fortsat/bedre").await;
    app.wait_for_visible("main aside.recall").await;
    app.by_role("img", "Foto 2 af 2 til: Tag et foto af jeres model")
        .await;
    app.wait_until("both photos are recalled, loaded", async || {
        app.js("return String([...document.querySelectorAll('main aside.recall img.media-photo')].filter(i => i.complete && i.naturalWidth > 0).length)")
            .await
            == "2"
    })
    .await;
    assert_eq!(app.count("main aside.recall button").await, 0, "read-only");

    app.open("#/lessons/medier/foto").await;
    app.wait_until("both photos on the step", async || {
        photo_count(&app).await == 2
    })
    .await;
    app.button("Slet foto 2").await.click().await;
    app.wait_until("one photo left", async || photo_count(&app).await == 1)
        .await;
}

/// Picks the test picture in the photo step's file field.
async fn pick_picture(app: &App) {
    let png = support::test_picture();
    app.wait_for("main input[type=file]")
        .await
        .send_keys(&png.display().to_string())
        .await
        .expect("pick a picture");
}

#[tokio::test]
async fn a_photo_the_device_cannot_keep_says_why_and_the_written_work_is_kept() {
    let site = media_site("photo-refused");
    let app = App::serve(site.path(), "/").await;
    // The device's storage is full: the media database refuses every write.
    app.add_init_script(
        "IDBObjectStore.prototype.put = function () { \
         throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
    )
    .await;
    open_step(&app, "hvem").await;
    app.textbox("Dit svar").await.type_text("Min nabo").await;
    wait_saved(&app).await;
    open_step(&app, "foto").await;
    pick_picture(&app).await;
    app.wait_until("the pupil is told the storage is full", async || {
        app.text_of("main .step [role=alert]")
            .await
            .contains("Lageret er fuldt, så det blev ikke gemt.")
    })
    .await;
    assert_eq!(photo_count(&app).await, 0, "no photo pretends to be kept");
    let saved = app
        .local_storage_get("spire.work.lesson:medier")
        .await
        .expect("the written answer is saved");
    assert!(saved.contains("Min nabo"), "{saved}");
    assert!(!saved.contains("\"kind\":\"photo\""), "{saved}");

    // A browser that allows no database at all (a locked-down profile) says so too.
    app.add_init_script(
        "Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });",
    )
    .await;
    app.reload().await;
    app.wait_for("main .step[data-step=\"foto\"]").await;
    pick_picture(&app).await;
    app.wait_until("the pupil is told it cannot be kept here", async || {
        let alert = app.text_of("main .step [role=alert]").await;
        alert.contains("Det kunne ikke gemmes på denne enhed") && alert.contains("Skriv dit svar")
    })
    .await;
    assert_eq!(photo_count(&app).await, 0);
    open_step(&app, "hvem").await;
    assert_eq!(app.textbox("Dit svar").await.value().await, "Min nabo");
}

#[tokio::test]
async fn a_two_second_recording_plays_after_a_reload_and_travels_in_a_backup() {
    let site = media_site("voice");
    let app = App::serve(site.path(), "/").await;
    open_step(&app, "tal").await;
    app.see_text("Du kan optage op til 0:10.").await;
    app.button("Start optagelse").await.click().await;
    app.wait_until("the recording state shows with the time left", async || {
        app.text_of("main .recording-state")
            .await
            .contains("tilbage")
    })
    .await;
    // Record about two seconds, by the app's own clock.
    app.wait_until("two seconds recorded", async || {
        let t = app.text_of("main .recording-state").await;
        t.contains("0:08") || t.contains("0:07")
    })
    .await;
    app.button("Stop optagelse").await.click().await;
    app.wait_for("main .media-voice audio").await;
    wait_saved(&app).await;
    app.reload().await;
    app.wait_for("main .step[data-step=\"tal\"]").await;
    let audio = app.wait_for("main .media-voice audio").await;
    let ms: u64 = audio
        .attr("data-ms")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!((1500..=4000).contains(&ms), "recorded {ms} ms");
    app.see_text("Længde: 0:0").await;
    app.wait_until("the recording loads in the player", async || {
        app.js("const a = document.querySelector('main .media-voice audio'); return String(a.readyState >= 1)")
            .await
            == "true"
    })
    .await;
    app.button("Optag igen").await;
    // A later lesson that recalls the recording can play it.
    app.open("#/lessons/fortsat/lyt").await;
    app.wait_until("the recalled recording loads in its player", async || {
        app.js("const a = document.querySelector('main aside.recall .media-voice audio'); return String(!!a && a.readyState >= 1)")
            .await
            == "true"
    })
    .await;

    // The backup holds the recording; on a fresh profile it restores and plays.
    app.open("#/my-work").await;
    app.wait_for_page("my-work").await;
    app.button("Hent sikkerhedskopi").await.click().await;
    let (_, bytes) = app.wait_for_download("spire-backup-*.json").await;
    let backup: serde_json::Value = serde_json::from_slice(&bytes).expect("a JSON backup");
    let media = backup["media"]
        .as_array()
        .expect("a media list in the backup");
    assert_eq!(media.len(), 1, "{}", backup["media"]);
    assert!(media[0]["mime"]
        .as_str()
        .unwrap_or("")
        .starts_with("audio/"));
    let dir = std::env::temp_dir().join(format!("spire-media-backup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let file = dir.join("backup.json");
    std::fs::write(&file, &bytes).expect("write the backup");
    drop(app);

    let fresh = App::serve(site.path(), "/").await;
    fresh.open("#/my-work").await;
    fresh.wait_for_page("my-work").await;
    let input = fresh.wait_for("#restore-file").await;
    input
        .send_keys(&file.display().to_string())
        .await
        .expect("pick the backup");
    fresh.wait_for_visible("#restore-preview").await;
    fresh.click("#restore-merge").await;
    fresh.wait_for_visible("#restore-done").await;
    open_step(&fresh, "tal").await;
    fresh.wait_for("main .media-voice audio").await;
    fresh
        .wait_until("the restored recording loads", async || {
            fresh
                .js("const a = document.querySelector('main .media-voice audio'); return String(a.readyState >= 1)")
                .await
                == "true"
        })
        .await;
    assert_eq!(fresh.count("main .media-missing").await, 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_prompt_offers_every_way_it_names_and_keeps_them_together() {
    let site = media_site("prompt");
    let app = App::serve(site.path(), "/").await;
    open_step(&app, "hvem").await;
    for way in ["Skriv", "Tegn", "Indtal"] {
        app.heading(way).await;
    }
    app.textbox("Dit svar")
        .await
        .type_text("Min bedstemor")
        .await;
    draw(&app, (-50.0, 0.0), (50.0, 20.0), false).await;
    wait_strokes(&app, 1, "a stroke in the prompt's pad").await;
    wait_saved(&app).await;
    app.reload().await;
    app.wait_for("main .step[data-step=\"hvem\"]").await;
    wait_strokes(&app, 1, "the stroke after a reload").await;
    assert_eq!(
        app.js("return document.querySelector('#answer-hvem').value")
            .await,
        "Min bedstemor"
    );
}

/// Whether the picture of `img` (found by CSS) has loaded and has pixels.
async fn picture_shown(app: &App, css: &str) -> bool {
    app.js(&format!(
        "const i = document.querySelector({css:?}); return String(!!i && i.complete && i.naturalWidth > 0)"
    ))
    .await
        == "true"
}

/// The photo clip ids an answer refers to in a saved work item.
async fn saved_clip_ids(app: &App, work_key: &str, step: &str) -> Vec<String> {
    let saved = app
        .local_storage_get(&format!("spire.work.{work_key}"))
        .await
        .unwrap_or_default();
    let v: Value = serde_json::from_str(&saved).unwrap_or(Value::Null);
    v["data"]["answers"][step]["value"]["clips"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn media_ids(file: &Value) -> Vec<String> {
    file["media"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_photo_in_a_team_project_is_in_the_book_on_the_entry_and_travels_in_the_project_file() {
    let site = media_site("project");
    let app = App::serve(site.path(), "/").await;
    app.open("#/challenges/fotoprojekt").await;
    app.wait_for_page("challenge").await;
    app.wait_for("main .start-team").await;
    app.textbox("Holdets navn").await.type_text("Lynet").await;
    app.textbox("Holdets fornavne")
        .await
        .type_text("Ida, Bo")
        .await;
    app.button("Start holdprojekt").await.click().await;
    app.wait_for_page("project").await;
    let project = app
        .current_hash()
        .await
        .trim_start_matches("#/projects/")
        .to_string();
    // Nothing to carry yet: the file's size is said, with no pictures.
    app.wait_until("the project file's size without media", async || {
        let t = app.text_of("#project-file-size").await;
        t.starts_with("Projektfil, ") && !t.contains("med")
    })
    .await;

    // The team photographs its model with the camera.
    app.open(&format!("#/projects/{project}/steps/model-foto"))
        .await;
    app.wait_for("main .step[data-step=\"model-foto\"]").await;
    app.button("Tag et foto med kameraet").await.click().await;
    app.wait_camera_live("main video.camera-view").await;
    app.button("Tag billedet").await.click().await;
    app.wait_until("the photo is shown", async || photo_count(&app).await == 1)
        .await;
    wait_saved(&app).await;
    let work_key = format!("project:{project}");
    let ids = saved_clip_ids(&app, &work_key, "model-foto").await;
    assert_eq!(ids.len(), 1, "one photo saved");
    let alt = "Foto 1 af 1 til: Fotos af modellen";

    // The project book shows the picture, named after the question.
    app.open(&format!("#/projects/{project}/book")).await;
    app.wait_for_page("project-book").await;
    app.by_role("img", alt).await;
    let in_book = format!(
        ".book-item[data-step=\"model-foto\"] img[data-clip=\"{}\"]",
        ids[0]
    );
    app.wait_until("the photo is drawn in the book", async || {
        picture_shown(&app, &in_book).await
    })
    .await;

    // So does the entry's poster; its exports name the photo truthfully.
    app.open(&format!("#/projects/{project}/entry")).await;
    app.wait_for_page("project-entry").await;
    app.within("#poster").by_role("img", alt).await;
    let on_poster = format!("#poster .poster-photos img[data-clip=\"{}\"]", ids[0]);
    app.wait_until("the photo is drawn on the poster", async || {
        picture_shown(&app, &on_poster).await
    })
    .await;
    app.button("Hent som Markdown").await.click().await;
    let (_, md) = app.wait_for_download("spire-entry-lynet.md").await;
    let md = String::from_utf8(md).expect("Markdown is text");
    assert!(md.contains("## Fotos"), "{md}");
    assert!(md.contains(&format!("- {alt}")), "{md}");
    assert!(
        md.contains("Billederne er ikke med i denne tekstfil"),
        "{md}"
    );
    app.button("Hent som JSON").await.click().await;
    let (_, json_bytes) = app.wait_for_download("spire-entry-lynet.json").await;
    let entry: Value = serde_json::from_slice(&json_bytes).expect("JSON");
    assert_eq!(
        entry["entry"]["photos"][0]["id"],
        ids[0].as_str(),
        "{entry}"
    );

    // The project file carries the photo; its size is said before the download.
    app.open(&format!("#/projects/{project}")).await;
    app.wait_for_page("project").await;
    app.wait_until("the size says a photo is in it", async || {
        app.text_of("#project-file-size")
            .await
            .contains("(med 1 foto)")
    })
    .await;
    let said = app.text_of("#project-file-size").await;
    let said_without = app.text_of("#project-file-size-without").await;
    app.button("Hent projektfil").await.click().await;
    let (name, with) = app.wait_for_download("spire-project-lynet*.json").await;
    let file: Value = serde_json::from_slice(&with).expect("a JSON project file");
    assert_eq!(media_ids(&file), ids, "the photo is in the file");
    assert_eq!(
        said,
        format!(
            "Projektfil, {} (med 1 foto)",
            size_text(with.len() as u64, true)
        )
    );
    app.button("Hent uden billeder og lydoptagelser")
        .await
        .click()
        .await;
    let (_, without) = app.wait_for_download("spire-project-lynet*.json").await;
    let plain: Value = serde_json::from_slice(&without).expect("a JSON project file");
    assert!(plain.get("media").is_none(), "no media in the file without");
    assert!(
        String::from_utf8_lossy(&without).contains(&ids[0]),
        "the answer still names its photo"
    );
    assert_eq!(
        said_without,
        format!(
            "Uden billeder og lydoptagelser: {}",
            size_text(without.len() as u64, true)
        )
    );
    // The downloads folder goes with the browser: keep the file apart.
    let keep = ScratchDir::new("project-file");
    let with_path = keep.write(&name, &with);
    drop(app);

    // A fresh profile opens the file: the photo is there, in the step and in the book.
    let fresh = App::serve(site.path(), "/").await;
    fresh.open("#/challenges").await;
    fresh.wait_for_page("challenges").await;
    fresh
        .wait_for("#import-project")
        .await
        .send_keys(&with_path.display().to_string())
        .await
        .expect("pick the project file");
    fresh
        .wait_until("the import names the team", async || {
            fresh
                .text_of("#import-project-status")
                .await
                .contains("Lynet")
        })
        .await;
    fresh
        .open(&format!("#/projects/{project}/steps/model-foto"))
        .await;
    fresh.wait_for("main .step[data-step=\"model-foto\"]").await;
    fresh
        .wait_until("the photo is on the fresh profile", async || {
            photo_count(&fresh).await == 1
        })
        .await;
    assert_eq!(fresh.count("main .media-missing").await, 0);
    fresh.open(&format!("#/projects/{project}/book")).await;
    fresh.wait_for_page("project-book").await;
    fresh
        .wait_until(
            "the photo is drawn in the book on the fresh profile",
            async || picture_shown(&fresh, &in_book).await,
        )
        .await;
}

#[tokio::test]
async fn a_hand_in_file_carries_its_photo_and_recording_to_the_teacher_unless_the_pupil_leaves_them_out(
) {
    let site = media_site("hand-in");
    let a = Assignment {
        id: "f0t0m3d1a5x9".into(),
        class: "1.A".into(),
        title: "Vis din model".into(),
        items: vec![WorkRef::lesson("medier")],
        rev: 1,
        ..Default::default()
    };
    let link = format!("#/a/{}", a.to_code());
    let pupil = App::serve(site.path(), "/").await;
    pupil.accept_assignment(&link, "Ida").await;
    // Nothing but words yet: the size is said, and there is nothing to leave out.
    pupil
        .wait_until("the hand-in size without media", async || {
            pupil
                .text_of("#hand-in-size")
                .await
                .starts_with("Afleveringsfil, ")
        })
        .await;
    assert_eq!(pupil.count("#download-hand-in-without").await, 0);

    open_step(&pupil, "foto").await;
    pupil
        .wait_for("main input[type=file]")
        .await
        .send_keys(&support::test_picture().display().to_string())
        .await
        .expect("pick a picture");
    pupil
        .wait_until("the picked photo is shown", async || {
            photo_count(&pupil).await == 1
        })
        .await;
    pupil
        .textbox("Skriv om dit foto (eller skriv her, hvis du ikke kan tage et)")
        .await
        .type_text("Min model af en bro")
        .await;
    wait_saved(&pupil).await;
    let ids = saved_clip_ids(&pupil, "lesson:medier", "foto").await;
    assert_eq!(ids.len(), 1);
    // And tells about it in a short recording.
    open_step(&pupil, "tal").await;
    pupil.button("Start optagelse").await.click().await;
    pupil
        .wait_until("a second or two recorded", async || {
            let t = pupil.text_of("main .recording-state").await;
            t.contains("0:08") || t.contains("0:07")
        })
        .await;
    pupil.button("Stop optagelse").await.click().await;
    pupil.wait_for("main .media-voice audio").await;
    wait_saved(&pupil).await;
    let voice = saved_clip_ids(&pupil, "lesson:medier", "tal").await;
    assert_eq!(voice.len(), 1);

    pupil.open(&format!("#/my-assignments/{}", a.id)).await;
    pupil.wait_for_page("assigned").await;
    pupil
        .wait_until("the size says a photo is in the file", async || {
            pupil
                .text_of("#hand-in-size")
                .await
                .contains("(med 1 foto og 1 lydoptagelse)")
        })
        .await;
    let said = pupil.text_of("#hand-in-size").await;
    let said_without = pupil.text_of("#hand-in-size-without").await;
    pupil.click("#download-hand-in").await;
    let (name, with) = pupil.wait_for_download("aflevering-*.json").await;
    let file: Value = serde_json::from_slice(&with).expect("a JSON hand-in");
    let mut both = vec![ids[0].clone(), voice[0].clone()];
    both.sort();
    let mut in_file = media_ids(&file);
    in_file.sort();
    assert_eq!(in_file, both, "the photo and the recording are in the file");
    assert_eq!(
        said,
        format!(
            "Afleveringsfil, {} (med 1 foto og 1 lydoptagelse)",
            size_text(with.len() as u64, true)
        )
    );
    pupil.click("#download-hand-in-without").await;
    let (_, without) = pupil.wait_for_download("aflevering-*.json").await;
    let plain: Value = serde_json::from_slice(&without).expect("a JSON hand-in");
    assert!(plain.get("media").is_none(), "no media in the file without");
    assert!(
        said_without.starts_with(&format!(
            "Uden billeder og lydoptagelser: {}",
            size_text(without.len() as u64, true)
        )),
        "{said_without}"
    );
    // The downloads folder goes with the browser: keep the file apart.
    let dir = ScratchDir::new("hand-ins");
    let with_path = dir.write(&name, &with);
    drop(pupil);

    // The teacher takes the assignment from its link and imports the file with the photo.
    let teacher = App::serve(site.path(), "/").await;
    teacher.open_class_overview(&link, &a.id).await;
    let cut = dir.write("afkortet.json", &with[..with.len() * 2 / 3]);
    teacher
        .wait_for("#hand-in-files")
        .await
        .send_keys(&with_path.display().to_string())
        .await
        .expect("pick the hand-in file");
    teacher
        .wait_until("the photo is kept on the teacher's device", async || {
            teacher.text_of("#hand-in-media").await
                == "1 foto og 1 lydoptagelse gemt på denne enhed"
        })
        .await;
    teacher
        .wait_for("#import-report .import-summary[data-added=\"1\"]")
        .await;
    teacher.combobox("Trin").await.select_value("foto").await;
    let photo = format!("#answers-side-by-side img[data-clip=\"{}\"]", ids[0]);
    teacher
        .wait_until("the teacher sees the photo beside Ida's text", async || {
            picture_shown(&teacher, &photo).await
        })
        .await;
    teacher
        .within("#answers-side-by-side")
        .by_role("img", "Foto 1 af 1 til: Tag et foto af jeres model")
        .await;
    teacher.see_text("Min model af en bro").await;
    // The recording plays on the teacher's device.
    teacher.combobox("Trin").await.select_value("tal").await;
    teacher
        .wait_until("the teacher can play Ida's recording", async || {
            teacher
                .js("const a = document.querySelector('#answers-side-by-side .media-voice audio'); return String(!!a && a.readyState >= 1)")
                .await
                == "true"
        })
        .await;
    teacher.combobox("Trin").await.select_value("foto").await;
    teacher
        .wait_until("the photo again", async || {
            picture_shown(&teacher, &photo).await
        })
        .await;

    // A file cut off in the middle is refused with a reason; the earlier hand-in and its
    // photo are untouched.
    teacher
        .wait_for("#hand-in-files")
        .await
        .send_keys(&cut.display().to_string())
        .await
        .expect("pick the cut file");
    teacher
        .wait_until("the cut file is reported", async || {
            teacher
                .text_of("#import-report")
                .await
                .contains("filen er afkortet")
        })
        .await;
    teacher
        .wait_for("#import-report .import-summary[data-added=\"0\"]")
        .await;
    assert!(picture_shown(&teacher, &photo).await);
    assert_eq!(teacher.count("#answers-side-by-side .answer-card").await, 1);
    assert_eq!(teacher.stored_media().await.len(), 2);

    // The teacher's backup carries the pupil's photo and recording with the hand-in.
    teacher.open("#/my-work").await;
    teacher.wait_for_page("my-work").await;
    teacher.button("Hent sikkerhedskopi").await.click().await;
    let (_, bytes) = teacher.wait_for_download("spire-backup-*.json").await;
    let backup: Value = serde_json::from_slice(&bytes).expect("a JSON backup");
    let mut in_backup = media_ids(&backup);
    in_backup.sort();
    assert_eq!(in_backup, both, "the backup's media");
    teacher.open(&format!("#/teacher/class/{}", a.id)).await;
    teacher.wait_for_page("class-overview").await;

    // Erasing the hand-ins erases the pupil's photo and recording from this device too.
    teacher.click("#erase-hand-ins").await;
    teacher.click("#erase-hand-ins-confirm").await;
    teacher.wait_for("#no-hand-ins").await;
    teacher
        .wait_until("the media are gone with the hand-ins", async || {
            teacher.stored_media().await.is_empty()
        })
        .await;
    let errors = teacher.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
}

/// A lesson with one canvas step, on a template written here to the contract.
fn canvas_site(label: &str) -> Site {
    let site = Site::empty(label);
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["tavle"], "canvases": ["hold-tavle"], "challenges": [], "role_models": []}),
    );
    site.write_content_json(
        "tavle.json",
        &json!({
            "id": "tavle", "title": "Vores tavle", "levels": ["udskoling"],
            "steps": [{"type": "canvas", "id": "board", "title": "Holdets tavle", "canvas": "hold-tavle"}]
        }),
    );
    site.write_content_json(
        "canvases/hold-tavle.json",
        &json!({
            "id": "hold-tavle", "title": "Holdtavle", "levels": ["udskoling"],
            "columns": 2, "rows": 1,
            "blocks": [
                {"id": "hvem", "title": "Hvem", "prompt": "Hvem er det til?", "col": 1, "row": 1},
                {"id": "hvad", "title": "Hvad", "prompt": "Hvad er det?", "col": 2, "row": 1}
            ]
        }),
    );
    site
}

#[tokio::test]
async fn the_photos_on_a_handed_in_canvas_show_in_the_teachers_answers_side_by_side() {
    let site = canvas_site("canvas-hand-in");
    let a = Assignment {
        id: "t4v13f0t0abc".into(),
        class: "8.B".into(),
        title: "Vores tavle".into(),
        items: vec![WorkRef::lesson("tavle")],
        rev: 1,
        ..Default::default()
    };
    let link = format!("#/a/{}", a.to_code());
    let pupil = App::serve(site.path(), "/").await;
    pupil.accept_assignment(&link, "Noah").await;

    // A note with words and a photo of the model on the lesson's canvas.
    pupil.open("#/lessons/tavle/board").await;
    pupil
        .click("main .board-block[data-block=\"hvad\"] button.add-note")
        .await;
    pupil
        .wait_for("main .board-block[data-block=\"hvad\"] .note .note-text")
        .await
        .send_keys("Papmodel af en cykelhjelm")
        .await
        .expect("type on the note");
    pupil.click("main .note .note-menu-button").await;
    pupil
        .pick_files(
            "main .note .note-menu input[type=file]",
            &[support::test_picture()],
        )
        .await;
    pupil
        .wait_until("the photo is on the note", async || {
            picture_shown(&pupil, "main .note img.note-photo").await
        })
        .await;
    wait_saved(&pupil).await;

    pupil.open(&format!("#/my-assignments/{}", a.id)).await;
    pupil.wait_for_page("assigned").await;
    pupil
        .wait_until("the size says the photo is in the file", async || {
            pupil
                .text_of("#hand-in-size")
                .await
                .contains("(med 1 foto)")
        })
        .await;
    pupil.click("#download-hand-in").await;
    let (name, bytes) = pupil.wait_for_download("aflevering-*.json").await;
    let file: Value = serde_json::from_slice(&bytes).expect("a JSON hand-in");
    let ids = media_ids(&file);
    assert_eq!(ids.len(), 1, "the note's photo is in the file");
    let dir = ScratchDir::new("canvas-hand-ins");
    let path = dir.write(&name, &bytes);
    drop(pupil);

    let teacher = App::serve(site.path(), "/").await;
    teacher.open_class_overview(&link, &a.id).await;
    teacher
        .wait_for("#hand-in-files")
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("pick the hand-in file");
    teacher
        .wait_for("#import-report .import-summary[data-added=\"1\"]")
        .await;
    teacher.combobox("Trin").await.select_value("board").await;
    let photo = format!("#answers-side-by-side img[data-clip=\"{}\"]", ids[0]);
    teacher
        .wait_until(
            "the teacher sees the note's photo beside its words",
            async || picture_shown(&teacher, &photo).await,
        )
        .await;
    teacher
        .within("#answers-side-by-side")
        .by_role("img", "Foto 1 af 1 til: Holdets tavle")
        .await;
    teacher.see_text("Papmodel af en cykelhjelm").await;
    let errors = teacher.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
}
