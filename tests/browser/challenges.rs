//! Innovation challenges in a real browser: the challenge bank and its filters in the URL,
//! team projects (two teams on one device, a project carried to a fresh profile), the idea
//! funnel, the VØL chart, the project book, the competition entry printed on one A4 page,
//! pitch practice, host briefs, and an unseen challenge written to the v1 contract.
//!
//! Run: `cargo test --test browser challenges:: -- --test-threads=1` after `make dist`.

use crate::support;

use serde_json::{json, Value};
use spire::core::content::check::check_folder;
use spire::core::text::Lang;
use std::collections::BTreeMap;
use support::{shipped_json, App, Site};

const ENTER: char = '\u{E007}';

// ----- helpers ------------------------------------------------------------------------------

/// Starts a team project on the challenge page that is open; returns the project's id.
async fn start_team(app: &App, team: &str, members: &str) -> String {
    app.textbox("Holdets navn").await.type_text(team).await;
    app.textbox("Holdets fornavne")
        .await
        .type_text(members)
        .await;
    app.button("Start holdprojekt").await.click().await;
    app.wait_for_page("project").await;
    app.heading(&format!("Hold {team}")).await;
    let hash = app.current_hash().await;
    hash.trim_start_matches("#/projects/").to_string()
}

async fn open_challenge(app: &App, id: &str) {
    app.open(&format!("#/challenges/{id}")).await;
    app.wait_for_page("challenge").await;
    app.wait_for("main .start-team").await;
}

async fn open_step(app: &App, project: &str, step: &str) {
    app.open(&format!("#/projects/{project}/steps/{step}"))
        .await;
    app.wait_for(&format!("main .step[data-step=\"{step}\"]"))
        .await;
}

/// A text long enough not to be thin (12 words or more).
fn answer_text(step: &str) -> String {
    format!("Vi har arbejdet grundigt med {step} og skrevet vores svar med mange gode ord her")
}

/// Answers one step of a challenge as a team would, from the step's JSON.
async fn answer(app: &App, project: &str, step: &Value) {
    let id = step["id"].as_str().unwrap_or_default();
    open_step(app, project, id).await;
    match step["type"].as_str().unwrap_or_default() {
        "prompt" => {
            app.type_into(&format!("textarea#answer-{id}"), &answer_text(id))
                .await
        }
        "brainstorm" => {
            for idea in ["Grønne tage", "Cykelbro", "Bænke med solceller"] {
                app.type_into(&format!("#new-idea-{id}"), &format!("{idea}{ENTER}"))
                    .await;
            }
            app.wait_until("three ideas are listed", async || {
                app.count("main .ideas li").await == 3
            })
            .await;
        }
        "vote" => {
            if step["criteria"].is_array() {
                let first = step["criteria"][0]["da"].as_str().unwrap_or_default();
                app.within("main .score-item:nth-child(2)")
                    .combobox(first)
                    .await
                    .select("5")
                    .await;
                app.wait_until("the score counts", async || {
                    app.text_of("main .score-item:nth-child(2) .score-total")
                        .await
                        .contains('5')
                })
                .await;
            } else {
                for _ in 0..2 {
                    app.button("Giv en prik til: Cykelbro").await.click().await;
                }
                app.button("Giv en prik til: Grønne tage")
                    .await
                    .click()
                    .await;
                app.wait_until("the dots are given", async || {
                    app.text_of("main .dots-left").await.contains('0')
                })
                .await;
            }
        }
        "checklist" => {
            app.js_value(
                "document.querySelectorAll('main .checklist input').forEach(i => i.click())",
                vec![],
            )
            .await;
        }
        "choice" => {
            app.js_value(
                "document.querySelector('main .options input').click()",
                vec![],
            )
            .await;
        }
        "pitch" => {
            let n = step["sections"].as_array().map_or(0, Vec::len);
            for i in 0..n {
                app.type_into(
                    &format!("#pitch-{id}-{i}"),
                    &format!("Afsnit {} af vores pitch", i + 1),
                )
                .await;
            }
        }
        "canvas" => {
            app.wait_for_visible("main .canvas-block textarea").await;
            app.type_into("main .canvas-block textarea", "En note på lærredet")
                .await;
        }
        "rubric" => {
            app.js_value(
                "document.querySelectorAll('main .rubric-criterion').forEach(c => c.querySelector('input[type=radio]').click())",
                vec![],
            )
            .await;
        }
        _ => {}
    }
}

fn steps_of_challenge(challenge: &Value) -> Vec<Value> {
    challenge["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// Waits until the saved work contains `needle`.
async fn wait_saved(app: &App, needle: &str) {
    app.wait_until(&format!("the saved work contains {needle:?}"), async || {
        app.js_value(
            "return Object.keys(localStorage).filter(k => k.startsWith('spire.work.')) \
             .some(k => localStorage.getItem(k).includes(arguments[0]))",
            vec![json!(needle)],
        )
        .await
            == json!(true)
    })
    .await;
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for c in text.bytes().filter_map(value) {
        buffer = (buffer << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

/// The pages of a PDF: `/Type /Page` objects (not `/Pages`), and their media boxes.
fn pdf_pages(pdf: &[u8]) -> (usize, Vec<String>) {
    let text = String::from_utf8_lossy(pdf);
    let mut pages = 0;
    for pattern in ["/Type /Page", "/Type/Page"] {
        let mut rest = text.as_ref();
        while let Some(i) = rest.find(pattern) {
            let after = &rest[i + pattern.len()..];
            if !after.starts_with('s') {
                pages += 1;
            }
            rest = after;
        }
    }
    let boxes = text
        .match_indices("/MediaBox")
        .map(|(i, _)| text[i..].chars().take(40).collect::<String>())
        .collect();
    (pages, boxes)
}

/// Prints the page that is open to PDF as Chromium would (A4 from the page's CSS).
async fn print_pdf(app: &App) -> Vec<u8> {
    let result = app
        .cdp(
            "Page.printToPDF",
            json!({"preferCSSPageSize": true, "printBackground": true}),
        )
        .await;
    base64_decode(result["data"].as_str().expect("PDF data"))
}

fn assert_one_a4_page(pdf: &[u8], what: &str) {
    assert!(pdf.starts_with(b"%PDF"), "{what}: not a PDF");
    let (pages, boxes) = pdf_pages(pdf);
    assert_eq!(
        pages, 1,
        "{what} prints on exactly one page; media boxes {boxes:?}"
    );
    // A4 is 595.28 × 841.89 points; Chromium rounds the page to whole CSS pixels.
    let is_a4 = |b: &String| {
        let numbers: Vec<f64> = b
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|n| n.parse().ok())
            .collect();
        numbers.len() >= 4 && (numbers[2] - 595.28).abs() < 1.0 && (numbers[3] - 841.89).abs() < 1.0
    };
    assert!(boxes.iter().any(is_a4), "{what} prints on A4: {boxes:?}");
}

// ----- the tests ------------------------------------------------------------------------------

#[tokio::test]
async fn a_team_takes_a_challenge_through_to_a_printed_one_page_entry() {
    let app = App::at_root().await;
    let id = "vores-by-i-fremtiden";
    let challenge = shipped_json(&format!("challenges/{id}.json"));
    open_challenge(&app, id).await;
    // The page says what the team will do and hand in before they start.
    let page = app.text_of("main").await;
    assert!(page.contains("Det afleverer holdet"), "{page}");
    assert!(
        page.contains("Det skal du bruge"),
        "phases list their materials"
    );
    assert!(page.contains("Fjordby Kommune"), "the host is named");

    // First names only.
    app.textbox("Holdets fornavne")
        .await
        .type_text("Ida Hansen, Omar")
        .await;
    app.wait_for_visible("main .members-cut").await;
    app.textbox("Holdets fornavne").await.clear().await;
    let project = start_team(&app, "Lynet", "Ida, Omar, Sofie").await;
    assert!(app
        .text_of("main .team-editor")
        .await
        .contains("Ida, Omar, Sofie"));

    // The VØL chart opens from the overview and grows.
    app.button("VØL-skema").await.click().await;
    app.textbox("Ny note: V – Det ved vi")
        .await
        .type_text(&format!("Der er langt til nærmeste legeplads{ENTER}"))
        .await;
    app.textbox("Ny note: Ø – Det ønsker vi at vide")
        .await
        .type_text("Hvem bestemmer over parken?")
        .await;
    app.button("Tilføj Ø – Det ønsker vi at vide")
        .await
        .click()
        .await;
    app.wait_until("two notes are in the chart", async || {
        app.count("#vol-panel .vol-note").await == 2
    })
    .await;

    // Every step of every phase.
    for step in steps_of_challenge(&challenge) {
        answer(&app, &project, &step).await;
    }
    // The VØL chart opens from a phase too, and still holds the notes.
    app.button("VØL-skema").await.click().await;
    app.wait_until("the chart shows both notes", async || {
        app.count("#vol-panel .vol-note").await == 2
    })
    .await;
    app.textbox("Ny note: L – Det har vi lært")
        .await
        .type_text(&format!("Kommunen vil gerne høre børnene{ENTER}"))
        .await;

    // The idea funnel: the vote's winner is chosen and shown on every later step.
    open_step(&app, &project, "stem").await;
    app.button("Vælg idéen: Cykelbro").await.click().await;
    app.wait_for_visible("main .chosen-mark").await;
    open_step(&app, &project, "prototype").await;
    app.wait_until("the chosen idea is at the top", async || {
        app.text_of("main .idea-banner").await.contains("Cykelbro")
    })
    .await;
    app.button("Ret idéen").await.click().await;
    let idea = app.textbox("Vores idé").await;
    idea.clear().await;
    idea.type_text("En cykelbro over åen med lys").await;
    app.button("Gem idéen").await.click().await;
    app.wait_until("the edited idea is shown", async || {
        app.text_of("#chosen-idea").await == "En cykelbro over åen med lys"
    })
    .await;
    open_step(&app, &project, "problem").await;
    assert_eq!(
        app.count("main .idea-banner").await,
        0,
        "not before the vote"
    );

    // The overview shows every phase done.
    app.within(".project-nav").link("Faser").await.click().await;
    app.wait_for_page("project").await;
    app.wait_until("every phase is done", async || {
        app.count("main .phase-card.done").await == 6
    })
    .await;

    // The project book: what was done, in order, with dates.
    app.within(".project-nav")
        .link("Projektbog")
        .await
        .click()
        .await;
    app.wait_for_page("project-book").await;
    app.wait_until("the book is filled", async || {
        app.count("main .book-item").await >= 10
    })
    .await;
    let book = app.text_of("main .book").await;
    for needle in [
        "Lynet",
        "En cykelbro over åen med lys",
        "Der er langt til nærmeste legeplads",
        "Ændret",
    ] {
        assert!(book.contains(needle), "the book shows {needle:?}: {book}");
    }
    let steps: Vec<String> = app
        .js_value(
            "return Array.from(document.querySelectorAll('main .book-item')).map(a => a.dataset.step)",
            vec![],
        )
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect();
    let order: Vec<String> = steps_of_challenge(&challenge)
        .iter()
        .filter(|s| s["type"] != "read")
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(steps, order, "the book follows the challenge's order");

    // The entry: warnings, self-assessment, final, exports, one printed A4 page.
    app.within(".project-nav")
        .link("Konkurrencebidrag")
        .await
        .click()
        .await;
    app.wait_for_page("project-entry").await;
    app.wait_until("the poster shows the idea", async || {
        app.text_of("#poster")
            .await
            .contains("En cykelbro over åen med lys")
    })
    .await;
    let warnings = app.text_of("main .entry-warnings").await;
    assert!(warnings.contains("ikke vurderet"), "{warnings}");
    // A part edited for the entry changes the poster, not the answer; and can go back.
    let problem = app.textbox("Problemet").await;
    problem.type_text(" Og bilerne kører for stærkt.").await;
    app.wait_until("the poster shows the edit", async || {
        app.text_of("#poster").await.contains("kører for stærkt")
    })
    .await;
    app.button("Brug svaret fra trinnet igen")
        .await
        .click()
        .await;
    app.wait_until("the answer is back", async || {
        !app.text_of("#poster").await.contains("kører for stærkt")
    })
    .await;
    let criteria = challenge["criteria"].as_array().unwrap();
    for c in criteria {
        let title = c["title"]["da"].as_str().unwrap();
        app.radio(&format!("{title}: 3 af 4")).await.click().await;
    }
    app.wait_until("no criterion is left unassessed", async || {
        !app.text_of("main .entry-warnings")
            .await
            .contains("ikke vurderet")
    })
    .await;
    app.button("Gør bidraget endeligt").await.click().await;
    app.wait_until("the entry is final", async || {
        app.attr_of("main .entry-status", "data-final")
            .await
            .as_deref()
            == Some("true")
    })
    .await;
    assert_eq!(
        app.js_value(
            "return document.getElementById('entry-field-problem').readOnly",
            vec![]
        )
        .await,
        json!(true),
        "a final entry is not edited by accident"
    );
    let poster = app.text_of("#poster").await;
    for needle in [
        "Hold Lynet",
        "Ida, Omar, Sofie",
        "Testresultater",
        "Afsnit 1 af vores pitch",
    ] {
        assert!(
            poster.contains(needle),
            "the poster shows {needle:?}: {poster}"
        );
    }

    app.button("Hent som Markdown").await.click().await;
    let (name, md) = app.wait_for_download("spire-entry-*.md").await;
    assert_eq!(name, "spire-entry-lynet.md");
    let md = String::from_utf8(md).unwrap();
    assert!(md.starts_with("# Vores by i fremtiden\n"), "{md}");
    assert!(
        md.contains("## Vores idé\n\nEn cykelbro over åen med lys"),
        "{md}"
    );
    assert!(md.contains("- **Tema:** 3/4"), "{md}");
    app.button("Hent som JSON").await.click().await;
    let (_, json_file) = app.wait_for_download("spire-entry-*.json").await;
    let entry: Value = serde_json::from_slice(&json_file).unwrap();
    assert_eq!(entry["format"], "spire-entry");
    assert_eq!(entry["entry"]["team"], "Lynet");
    assert_eq!(entry["entry"]["sections"].as_array().unwrap().len(), 6);

    let pdf = print_pdf(&app).await;
    assert_one_a4_page(&pdf, "the entry");

    // Even an entry far too long for a page prints on one page (shrunk, and cut if need be).
    app.button("Åbn for rettelser").await.click().await;
    let long = "Meget lang tekst om prototypen, som bliver ved og ved. ".repeat(60);
    app.js_value(
        "const t = document.getElementById('entry-field-prototype'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![json!(long)],
    )
    .await;
    app.wait_until("the long part is warned about", async || {
        app.text_of("main .entry-warnings").await.contains("lang")
    })
    .await;
    let pdf = print_pdf(&app).await;
    assert_one_a4_page(&pdf, "a long entry");
}

#[tokio::test]
async fn two_teams_on_one_device_each_keep_their_own_project() {
    let app = App::at_root().await;
    let id = "klima-goer-en-forskel";
    open_challenge(&app, id).await;
    let a = start_team(&app, "Lynet", "Ida, Omar").await;
    open_challenge(&app, id).await;
    let b = start_team(&app, "Tordenen", "Noah, Emma").await;
    assert_ne!(a, b);
    open_step(&app, &a, "problem").await;
    app.type_into("textarea#answer-problem", "Vi kører i bil til fodbold")
        .await;
    open_step(&app, &b, "problem").await;
    assert_eq!(
        app.textbox("Dit svar").await.value().await,
        "",
        "team B starts empty"
    );
    app.type_into("textarea#answer-problem", "Vi smider mad ud")
        .await;
    wait_saved(&app, "Vi smider mad ud").await;
    wait_saved(&app, "Vi kører i bil").await;

    // Both are listed, on the challenge and in the bank, and survive a reload.
    app.reload().await;
    open_challenge(&app, id).await;
    app.wait_until("both teams are listed", async || {
        app.count("main .teams .project-item").await == 2
    })
    .await;
    app.open("#/challenges").await;
    app.wait_for_page("challenges").await;
    app.link("Hold Lynet").await;
    app.link("Hold Tordenen").await.click().await;
    app.wait_for_page("project").await;
    app.heading("Hold Tordenen").await;
    open_step(&app, &a, "problem").await;
    assert_eq!(
        app.textbox("Dit svar").await.value().await,
        "Vi kører i bil til fodbold"
    );

    // The criteria matrix of this challenge ranks the ideas for the funnel.
    let challenge = shipped_json(&format!("challenges/{id}.json"));
    let steps = steps_of_challenge(&challenge);
    for step in steps
        .iter()
        .filter(|s| ["ideer", "stem"].contains(&s["id"].as_str().unwrap()))
    {
        answer(&app, &a, step).await;
    }
    open_step(&app, &a, "stem").await;
    app.wait_until("the ranking is shown", async || {
        app.text_of("main .choose-idea").await.contains("Cykelbro")
    })
    .await;
    open_step(&app, &a, "valgt-ide").await;
    app.wait_until("the leading idea is at the top", async || {
        app.text_of("main .idea-banner").await.contains("Cykelbro")
    })
    .await;

    // Deleting one team leaves the other.
    app.open(&format!("#/projects/{b}")).await;
    app.wait_for_page("project").await;
    app.button("Slet holdprojektet").await.click().await;
    app.button("Ja, slet holdprojektet").await.click().await;
    app.wait_for_page("challenges").await;
    app.wait_until("one team is left", async || {
        app.count("main .team-projects .project-item").await == 1
    })
    .await;
}

#[tokio::test]
async fn an_exported_project_opens_on_a_fresh_profile_and_merges_back_by_record() {
    let here = App::at_root().await;
    let id = "havnen-koeen-ved-porten";
    open_challenge(&here, id).await;
    let project = start_team(&here, "Ankeret", "Bo, Li").await;
    open_step(&here, &project, "ideer").await;
    here.type_into(
        "#new-idea-ideer",
        &format!("Tidsbestilling af porten{ENTER}"),
    )
    .await;
    here.wait_until("the idea is listed", async || {
        here.count("main .ideas li").await == 1
    })
    .await;
    here.open(&format!("#/projects/{project}")).await;
    here.wait_for_page("project").await;
    here.button("Hent projektfil").await.click().await;
    let (name, bytes) = here.wait_for_download("spire-project-*.json").await;
    assert_eq!(name, "spire-project-ankeret.json");
    let file = here.downloads_dir().join(&name);

    // A fresh profile: nothing there, then the project.
    let there = App::at_root().await;
    there.open("#/challenges").await;
    there.wait_for_page("challenges").await;
    there
        .wait_for("#import-project")
        .await
        .send_keys(&file.display().to_string())
        .await
        .unwrap();
    there
        .wait_until("the import says which team", async || {
            there
                .text_of("#import-project-status")
                .await
                .contains("Ankeret")
        })
        .await;
    there.link("Hold Ankeret").await.click().await;
    there.wait_for_page("project").await;
    open_step(&there, &project, "ideer").await;
    assert_eq!(there.count("main .ideas li").await, 1);
    // Each device adds an idea; the file goes back and both are kept.
    there
        .type_into(
            "#new-idea-ideer",
            &format!("Venteplads med toiletter{ENTER}"),
        )
        .await;
    there
        .wait_until("two ideas", async || {
            there.count("main .ideas li").await == 2
        })
        .await;
    open_step(&here, &project, "ideer").await;
    here.type_into("#new-idea-ideer", &format!("Nattelevering{ENTER}"))
        .await;
    here.wait_until("two ideas here", async || {
        here.count("main .ideas li").await == 2
    })
    .await;
    there.open(&format!("#/projects/{project}")).await;
    there.wait_for_page("project").await;
    there.button("Hent projektfil").await.click().await;
    let (name, _) = there.wait_for_download("spire-project-*.json").await;
    let back = there.downloads_dir().join(&name);
    here.open("#/challenges").await;
    here.wait_for_page("challenges").await;
    here.wait_for("#import-project")
        .await
        .send_keys(&back.display().to_string())
        .await
        .unwrap();
    here.wait_until("the import is done", async || {
        here.text_of("#import-project-status")
            .await
            .contains("Ankeret")
    })
    .await;
    open_step(&here, &project, "ideer").await;
    here.wait_until("all three ideas are kept", async || {
        here.count("main .ideas li").await == 3
    })
    .await;
    assert!(bytes.len() < 20_000, "a project file is small");
    // Only the project travelled: the fresh profile has no other work.
    there.open("#/my-work").await;
    there.wait_for_page("my-work").await;
    there
        .wait_until("one item on My work", async || {
            there.count("main .work-item").await == 1
        })
        .await;
}

#[tokio::test]
async fn a_cut_off_or_foreign_project_file_is_refused_with_a_message_and_changes_nothing() {
    let app = App::at_root().await;
    let id = "vores-by-i-fremtiden";
    open_challenge(&app, id).await;
    let project = start_team(&app, "Stjernen", "Aya, Karl").await;
    open_step(&app, &project, "problem").await;
    app.type_into("textarea#answer-problem", "Der er for lidt grønt i byen")
        .await;
    wait_saved(&app, "for lidt grønt").await;
    app.open(&format!("#/projects/{project}")).await;
    app.wait_for_page("project").await;
    app.button("Hent projektfil").await.click().await;
    let (_, bytes) = app.wait_for_download("spire-project-*.json").await;

    let dir = app.profile_dir().join("bad-files");
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let foreign = dir.join("foreign.json");
    std::fs::write(
        &foreign,
        r#"{"format":"spire-project","version":3,"data":{"work":{"lesson:x":{"answers":7},"project:../../etc":{},"<script>":1}}}"#,
    )
    .unwrap();
    let not_json = dir.join("picture.json");
    std::fs::write(&not_json, [0x89u8, b'P', b'N', b'G', 0xff, 0x00]).unwrap();

    app.open("#/challenges").await;
    app.wait_for_page("challenges").await;
    for (file, says) in [
        (&cut, "afkortet"),
        (&foreign, "ikke noget holdprojekt"),
        (&not_json, "ikke en tekstfil"),
    ] {
        app.wait_for("#import-project")
            .await
            .send_keys(&file.display().to_string())
            .await
            .unwrap();
        app.wait_until(&format!("the import says \"{says}\""), async || {
            app.text_of("#import-project-status").await.contains(says)
        })
        .await;
    }
    // Nothing changed: still one team, with its answer, after a reload too.
    app.reload().await;
    app.wait_for_page("challenges").await;
    app.wait_until("one team is listed", async || {
        app.count("main .team-projects .project-item").await == 1
    })
    .await;
    app.link("Hold Stjernen").await.click().await;
    app.wait_for_page("project").await;
    open_step(&app, &project, "problem").await;
    assert_eq!(
        app.textbox("Dit svar").await.value().await,
        "Der er for lidt grønt i byen"
    );
    assert!(
        app.console_errors().await.is_empty(),
        "no errors in the console: {:?}",
        app.console_errors().await
    );
}

#[tokio::test]
async fn challenge_bank_filters_live_in_the_url() {
    let app = App::at_root().await;
    app.open("#/challenges?format=spin-in&level=ungdomsuddannelse")
        .await;
    app.wait_for_page("challenges").await;
    let expected: Vec<String> = support::shipped_ids("challenges")
        .into_iter()
        .filter(|id| {
            let c = shipped_json(&format!("challenges/{id}.json"));
            c["format"] == "spin-in"
                && c["levels"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|l| l == "ungdomsuddannelse")
        })
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    let cards = async || -> Vec<String> {
        let v = app
            .js_value(
                "return Array.from(document.querySelectorAll('main .challenge-card')).map(c => c.dataset.challenge)",
                vec![],
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    };
    app.wait_until("the filtered cards show", async || {
        cards().await == expected
    })
    .await;
    assert_eq!(app.combobox("Format").await.value().await, "spin-in");
    // Each card shows host, brief, phases with time, and what is handed in.
    let card = app
        .text_of("main .challenge-card[data-challenge=\"havnen-koeen-ved-porten\"]")
        .await;
    for needle in [
        "Fjordby Havn",
        // The card shows the brief's first paragraph (the index keeps only that).
        "85 ansatte",
        "Forstå udfordringen",
        "60 min.",
        "Det afleverer holdet",
        "Testresultater",
    ] {
        assert!(card.contains(needle), "the card shows {needle:?}: {card}");
    }
    // Changing a filter changes the URL; a reload keeps it.
    app.combobox("Format")
        .await
        .select("Edison-opfinderkonkurrence")
        .await;
    app.wait_until("the URL has the filter", async || {
        app.current_hash().await.contains("format=edison")
    })
    .await;
    app.combobox("Niveau")
        .await
        .select("Mellemtrin (4.–6. kl.)")
        .await;
    app.wait_until("three Edison challenges for mellemtrin", async || {
        cards().await.len() == 3
    })
    .await;
    app.reload().await;
    app.wait_for_page("challenges").await;
    app.wait_until("the filters survive a reload", async || {
        cards().await.len() == 3
    })
    .await;
    app.combobox("Tema")
        .await
        .select("Værdifulde fællesskaber")
        .await;
    app.wait_until("one theme", async || {
        cards().await == ["vaerdifulde-faellesskaber"]
    })
    .await;
    assert!(app
        .current_hash()
        .await
        .contains("theme=vaerdifulde-faellesskaber"));
    app.button("Nulstil filtre").await.click().await;
    app.wait_until("every challenge again", async || {
        cards().await.len() == support::shipped_ids("challenges").len()
    })
    .await;
}

#[tokio::test]
async fn pitch_practice_shows_now_and_next_and_counts_rehearsals() {
    let app = App::at_root().await;
    app.fake_speech().await;
    let id = "vaerdifulde-faellesskaber";
    open_challenge(&app, id).await;
    let project = start_team(&app, "Broen", "Aya").await;
    let challenge = shipped_json(&format!("challenges/{id}.json"));
    let pitch = steps_of_challenge(&challenge)
        .into_iter()
        .find(|s| s["type"] == "pitch")
        .unwrap();
    answer(&app, &project, &pitch).await;
    wait_saved(&app, "Afsnit 5 af vores pitch").await;
    app.open(&format!("#/projects/{project}/pitch")).await;
    app.wait_for_page("project-pitch").await;
    let sections: Vec<String> = pitch["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["da"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(app.text_of("#pitch-now").await, sections[0]);
    assert!(app.text_of("#pitch-next").await.contains(&sections[1]));
    assert!(app.text_of("main .pitch-text").await.contains("Afsnit 1"));
    assert_eq!(
        app.attr_of("main [role=timer]", "role").await.as_deref(),
        Some("timer")
    );
    for (i, _) in sections.iter().enumerate().skip(1) {
        app.button("Næste afsnit").await.click().await;
        app.wait_until("the next section is shown", async || {
            app.text_of("#pitch-now").await == sections[i]
        })
        .await;
        assert!(app
            .text_of("#pitch-announcement")
            .await
            .contains(&sections[i]));
    }
    assert!(app.text_of("#pitch-next").await.contains("Sidste"));
    app.button("Færdig – tæl som øvet").await.click().await;
    app.wait_until("one rehearsal is counted", async || {
        app.text_of("#pitch-rehearsals").await.contains('1')
    })
    .await;
    app.button("Læs op").await.click().await;
    app.wait_until("the pitch is read through", async || {
        app.spoken()
            .await
            .iter()
            .any(|u| u.text.contains(&sections[0]) && u.text.contains("Afsnit 5"))
    })
    .await;
    // The rehearsal is saved with the pitch step's answer.
    wait_saved(&app, "\"rehearsals\":1").await;
}

#[tokio::test]
async fn a_host_brief_becomes_a_spin_in_challenge_and_a_valid_content_file() {
    let app = App::at_root().await;
    app.open("#/teacher").await;
    app.wait_for_page("teacher").await;
    app.link("Værtsbriefs").await.click().await;
    app.wait_for_page("host-briefs").await;
    app.link("Print en tom værtsbrief").await.click().await;
    app.wait_for_page("host-brief-form").await;
    assert_one_a4_page(&print_pdf(&app).await, "the blank host brief");
    app.back().await;
    app.wait_for_page("host-briefs").await;
    app.button("Ny værtsbrief").await.click().await;
    app.wait_for_page("host-brief").await;
    app.wait_for("main .brief-result .notice").await;
    app.textbox("Hvem er vi? (navn)")
        .await
        .type_text("Mejeriet Engly (fiktivt)")
        .await;
    app.textbox("Problemet")
        .await
        .type_text("Vi smider 400 liter valle ud hver dag.")
        .await;
    app.textbox("For hvem?")
        .await
        .type_text("Mejeriet og landmændene")
        .await;
    app.checkbox("Et besøg").await.click().await;
    app.checkbox("Ungdomsuddannelse").await.click().await;
    app.textbox("Hvem spiller værten, hvis ingen fra værten kan komme?")
        .await
        .type_text("læreren som mejeribestyrer")
        .await;
    app.wait_until("the challenge is shown", async || {
        app.text_of("main .brief-preview")
            .await
            .contains("400 liter valle")
    })
    .await;
    assert!(app
        .text_of("main .brief-preview")
        .await
        .contains("læreren som mejeribestyrer"));
    app.button("Hent som indholdsfil").await.click().await;
    let (name, bytes) = app.wait_for_download("spin-in-*.json").await;
    assert_eq!(name, "spin-in-mejeriet-engly-fiktivt.json");
    // The file passes the content check in a folder of its own.
    let id = name.trim_end_matches(".json");
    let folder: BTreeMap<String, String> = [
        (
            "index.json".to_string(),
            json!({"challenges": [id]}).to_string(),
        ),
        (
            format!("challenges/{name}"),
            String::from_utf8(bytes).unwrap(),
        ),
    ]
    .into();
    let report = check_folder(&folder, Lang::En);
    assert!(report.is_clean(), "{:?}", report.diagnostics);
    // A team can start it on this device.
    let project = start_team(&app, "Valle", "Ea").await;
    open_step(&app, &project, "problem-i-egne-ord").await;
    app.wait_until("the brief's challenge plays", async || {
        app.count("textarea#answer-problem-i-egne-ord").await == 1
    })
    .await;

    // Its entry's poster is fitted to its page also when the entry is opened by a reload:
    // the app draws its first page off screen, where the poster has no size.
    let long = "Vi smider valle ud, og den kunne blive til noget godt. ".repeat(30);
    app.js_value(
        "const t = document.getElementById('answer-problem-i-egne-ord'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![json!(long)],
    )
    .await;
    wait_saved(&app, "kunne blive til noget godt").await;
    app.open(&format!("#/projects/{project}/entry")).await;
    app.wait_for_page("project-entry").await;
    app.reload().await;
    app.wait_for_page("project-entry").await;
    app.wait_until("the poster shows the problem", async || {
        app.text_of("#poster")
            .await
            .contains("kunne blive til noget godt")
    })
    .await;
    app.wait_until("the poster is shrunk to fit its page", async || {
        app.js_value(
            "const p = document.getElementById('poster'); \
             return p.scrollHeight <= p.clientHeight + 1 && parseFloat(p.style.fontSize) < 17;",
            vec![],
        )
        .await
            == json!(true)
    })
    .await;
}

/// A challenge written to the v1 contract only (no v1.1 fields, no summaries in the index),
/// with step types of every kind a team meets.
fn v1_challenge() -> Value {
    json!({
        "id": "ukendt-udfordring",
        "title": {"da": "Den ukendte udfordring", "en": "The unknown challenge"},
        "brief": "Find på noget **godt** til skolegården.",
        "format": "open",
        "levels": ["mellemtrin"],
        "theme": "Skolegården",
        "host": {"name": "Skolens elevråd", "kind": "school"},
        "phases": [
            {"id": "a", "title": "Forstå", "steps": [
                {"type": "read", "id": "start", "body": "Læs dette."},
                {"type": "prompt", "id": "hvad", "question": "Hvad er problemet?"},
                {"type": "choice", "id": "hvem", "question": "Hvem?", "options": ["Små", "Store"]}
            ]},
            {"id": "b", "title": "Idéer", "steps": [
                {"type": "brainstorm", "id": "storm", "question": "Idéer?"},
                {"type": "vote", "id": "prikker", "from": "storm", "votes": 3}
            ]},
            {"id": "c", "title": "Vis det", "steps": [
                {"type": "checklist", "id": "tjek", "items": ["Bygget", "Testet"]},
                {"type": "pitch", "id": "tale", "seconds": 30, "sections": ["Problem", "Løsning"]},
                {"type": "rubric", "id": "vurdering", "criteria": [{"id": "klar", "title": "Klar"}]}
            ]}
        ],
        "criteria": [{"id": "nyt", "title": "Nyt", "description": "Er det nyt?"}],
        "entry": [{"title": "Problemet", "from": "hvad"}, {"title": "Talen", "from": "tale"}]
    })
}

#[tokio::test]
async fn an_unseen_challenge_written_to_the_v1_contract_plays_through_as_a_team() {
    let site = Site::empty("v1-challenge");
    site.write_content_json("index.json", &json!({"challenges": ["ukendt-udfordring"]}));
    let challenge = v1_challenge();
    site.write_content_json("challenges/ukendt-udfordring.json", &challenge);
    let app = App::serve(site.path(), "/").await;
    app.open("#/challenges").await;
    app.wait_for_page("challenges").await;
    app.link("Den ukendte udfordring").await.click().await;
    app.wait_for_page("challenge").await;
    let project = start_team(&app, "Ukendt", "Kim").await;
    for step in steps_of_challenge(&challenge) {
        answer(&app, &project, &step).await;
    }
    app.button("Afslut forløbet").await.click().await;
    app.link("Gå til konkurrencebidraget").await.click().await;
    app.wait_for_page("project-entry").await;
    app.wait_until("the entry holds the answers", async || {
        let poster = app.text_of("#poster").await;
        poster.contains("grundigt med hvad") && poster.contains("Afsnit 2 af vores pitch")
    })
    .await;
    assert!(
        app.text_of("#poster").await.contains("Cykelbro"),
        "the leading idea"
    );
    app.radio("Nyt: 4 af 4").await.click().await;
    assert_one_a4_page(&print_pdf(&app).await, "a v1 challenge's entry");
    app.within(".project-nav")
        .link("Projektbog")
        .await
        .click()
        .await;
    app.wait_for_page("project-book").await;
    app.wait_until("the book lists every answered step", async || {
        app.count("main .book-item").await == 7
    })
    .await;
    let errors = app.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
}
