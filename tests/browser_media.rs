//! Answers beyond typing (content v1.1) in a real browser with Chromium's fake camera and
//! microphone: drawing by pointer (mouse and touch) that survives a reload and a resize,
//! undo of a clear, photos from the camera and from a file, a 2-second recording with its
//! player, and a backup with its media restored on a fresh profile.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use serde_json::json;
use support::{App, Site};

fn media_site(label: &str) -> Site {
    let site = Site::empty(label);
    site.write_content_json(
        "index.json",
        &json!({"lessons": ["medier"], "canvases": [], "challenges": [], "role_models": []}),
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
    let result = if touch {
        let mut a = TouchActions::new("finger".to_string());
        for s in steps {
            a = a.then(s);
        }
        app.client().perform_actions(a).await
    } else {
        let mut a = MouseActions::new("mouse".to_string());
        for s in steps {
            a = a.then(s);
        }
        app.client().perform_actions(a).await
    };
    if let Err(e) = result {
        app.fail(&format!("cannot draw on the pad: {e}")).await;
    }
    let _ = app.client().release_actions().await;
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
fn picture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media/model.png")
}

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
    app.wait_until("the camera shows a picture", async || {
        app.js("return String(document.querySelector('main video.camera-view').videoWidth)")
            .await
            != "0"
    })
    .await;
    app.button("Tag billedet").await.click().await;
    app.wait_until("the photo from the camera is shown", async || {
        photo_count(&app).await == 1
    })
    .await;
    let png = picture();
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
    app.button("Slet foto 2").await.click().await;
    app.wait_until("one photo left", async || photo_count(&app).await == 1)
        .await;
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
