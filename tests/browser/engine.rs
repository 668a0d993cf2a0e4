//! The engine in a real browser: answers carried between lessons and phases (`recall`),
//! and typing that re-renders only what reads the step being typed in.
//!
//! Run: `cargo test --test browser engine:: -- --test-threads=1` after `make dist`.

use crate::support;

use serde_json::json;
use support::App;

fn step_url(lesson: &str, step: &str) -> String {
    format!("#/lessons/{lesson}/{step}")
}

/// Opens a prompt step and waits for its answer field.
async fn open_prompt(app: &App, lesson: &str, step: &str) {
    app.open(&step_url(lesson, step)).await;
    app.wait_for_visible(&format!("textarea#answer-{step}"))
        .await;
}

#[tokio::test]
async fn a_later_lesson_shows_the_answer_from_an_earlier_one_and_links_back() {
    let app = App::at_root().await;

    // Before the pupil has answered, the later lesson says where to make the answer.
    open_prompt(&app, "prototype", "hvad-vil-vi-teste").await;
    app.wait_for_visible("main aside.recall").await;
    app.wait_until("a missing answer says so", async || {
        app.text_of("main aside.recall")
            .await
            .contains("ikke svaret")
    })
    .await;
    let href = app
        .attr_of("main aside.recall a.recall-link", "href")
        .await
        .unwrap_or_default();
    assert_eq!(href, step_url("vaelg-ide", "begrundelse"));

    // The link goes where the answer is made; the answer written there comes back.
    app.click("main aside.recall a.recall-link").await;
    app.wait_for_visible("textarea#answer-begrundelse").await;
    let text = "Vi valgte drikkedunkene, fordi de er billige.\nDe andre idéer venter.";
    app.type_into("textarea#answer-begrundelse", text).await;
    app.back().await;
    app.wait_for_visible("textarea#answer-hvad-vil-vi-teste")
        .await;
    app.wait_until("the recalled answer is shown", async || {
        app.text_of("main aside.recall .recall-text")
            .await
            .contains("drikkedunkene")
    })
    .await;
    assert_eq!(
        app.js_value(
            "return document.querySelector('main aside.recall .recall-text').innerText",
            vec![]
        )
        .await,
        json!(text),
        "the recalled answer is the pupil's own text, line breaks and all"
    );
    // Read-only: the recall holds no field of its own.
    assert_eq!(
        app.count("main aside.recall textarea, main aside.recall input")
            .await,
        0
    );

    // It survives a reload, and it is in English when the app is.
    app.reload().await;
    app.wait_until("the recall is there after a reload", async || {
        app.count("main aside.recall .recall-text").await == 1
    })
    .await;
    app.click("#lang-switch").await;
    app.wait_until("the recall heading is in English", async || {
        app.text_of("main aside.recall")
            .await
            .contains("Edit your answer")
    })
    .await;
}

#[tokio::test]
async fn a_canvas_and_a_vote_are_recalled_with_their_names() {
    let app = App::at_root().await;
    // An idea and a dot in the idea storm (indskoling), then its canvas.
    app.open(&step_url("ide-storm", "ideas")).await;
    app.type_into("#new-idea-ideas", "Et lille drivhus\u{E007}")
        .await;
    app.wait_until("the idea is listed", async || {
        app.count("main .ideas li").await == 1
    })
    .await;
    app.open(&step_url("ide-storm", "dots")).await;
    app.click("main .vote-item:nth-child(1) .add-dot").await;
    app.wait_until("the dot is given", async || {
        app.text_of("main .vote-item:nth-child(1)")
            .await
            .contains('1')
    })
    .await;
    app.open(&step_url("ide-storm", "draw-idea")).await;
    app.click("main .board-block .add-note").await;
    app.type_into("main .board-block .note-text", "Planter i vindueskarmen")
        .await;

    // The mini pitch recalls the vote: the idea with its dot.
    app.open(&step_url("mini-pitch", "my-pitch")).await;
    app.wait_until("the vote is recalled", async || {
        let text = app.text_of("main aside.recall").await;
        text.contains("Et lille drivhus") && text.contains('●')
    })
    .await;

    // Building a model recalls the canvas: the note under its block's name.
    app.open(&step_url("byg-en-model", "remember-idea")).await;
    app.wait_until("the canvas is recalled", async || {
        app.text_of("main aside.recall")
            .await
            .contains("Planter i vindueskarmen")
    })
    .await;
    assert_eq!(app.count("main aside.recall dl.recall-parts dt").await, 1);
}

#[tokio::test]
async fn a_later_phase_of_a_challenge_recalls_an_earlier_phase() {
    let app = App::at_root().await;
    let challenge = "find-vej-plejehjem";
    app.open(&format!("#/challenges/{challenge}/valgt-ide"))
        .await;
    app.wait_for_visible("textarea#answer-valgt-ide").await;
    app.type_into("textarea#answer-valgt-ide", "Farvede spor på gulvet")
        .await;
    app.open(&format!("#/challenges/{challenge}/prototype"))
        .await;
    app.wait_until("the idea from the earlier phase is shown", async || {
        app.text_of("main aside.recall")
            .await
            .contains("Farvede spor på gulvet")
    })
    .await;
    assert_eq!(
        app.attr_of("main aside.recall a.recall-link", "href")
            .await
            .as_deref(),
        Some(format!("#/challenges/{challenge}/valgt-ide").as_str())
    );
}

#[tokio::test]
async fn typing_in_a_step_re_renders_nothing_that_reads_other_steps() {
    let app = App::at_root().await;
    open_prompt(&app, "spoerg-og-lyt", "my-questions").await;
    // The first character marks the step answered in the step list; after that, typing must
    // not touch the step list, the heading or the navigation at all.
    app.type_into("textarea#answer-my-questions", "H").await;
    app.wait_until("the step is marked answered", async || {
        app.count(".step-list li.current.answered").await == 1
    })
    .await;
    app.js_value(
        "window.__mutations = []; \
         const watch = (el, name) => new MutationObserver(list => window.__mutations.push(name + ':' + list.length)) \
            .observe(el, {subtree: true, childList: true, attributes: true, characterData: true}); \
         watch(document.querySelector('.step-list'), 'step-list'); \
         watch(document.querySelector('.site-header nav'), 'nav'); \
         watch(document.querySelector('.step-nav'), 'step-nav'); \
         watch(document.getElementById('step-title'), 'title');",
        vec![],
    )
    .await;
    app.type_into("textarea#answer-my-questions", "vad kan du lide?")
        .await;
    app.wait_until("the text is saved", async || {
        app.attr_of("#save-status", "data-status").await.as_deref() == Some("saved")
    })
    .await;
    let mutations = app.js_value("return window.__mutations", vec![]).await;
    assert_eq!(
        mutations,
        json!([]),
        "typing in one step changed parts of the page that do not read it"
    );
}
