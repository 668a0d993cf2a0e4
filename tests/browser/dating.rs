//! StartUp Dating in a real browser (the release build in `dist/`, headless Chromium over
//! WebDriver): a student fills in a founder profile and shares it as a file and a code; an
//! organiser on another device imports it with many other profile files, a duplicate and
//! hostile files and a malformed code, forms teams, swaps two people by keyboard, locks a
//! team and forms the rest again, exports CSV, reloads and finds it all; the pitch timer
//! runs out with a visible, silent cue; a vote decides which idea anchors a team.
//!
//! Run: `scripts/with-process-group.sh cargo test --test browser dating:: -- --test-threads=1`

use crate::support;

use serde_json::json;
use spire::core::dating::profile::{IdeaPitch, InstitutionKind, Profile, Skill, Skills};
use spire::core::progress::RecordId;
use std::path::PathBuf;
use support::{App, ScratchDir};

const ENTER: &str = "\u{e007}";

/// The members' names of each team, as shown.
async fn teams(app: &App) -> Vec<Vec<String>> {
    let v = app
        .js_value(
            "return [...document.querySelectorAll('.team-list > .team')].map(t =>\
             [...t.querySelectorAll('.member-name')].map(m => m.textContent))",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

fn profile(
    n: usize,
    name: &str,
    institution: &str,
    skills: &[Skill],
    idea: Option<&str>,
) -> Profile {
    Profile {
        id: RecordId::parse(&format!("p{n}x")).unwrap(),
        updated: 1_000 + n as i64,
        name: name.into(),
        institution: institution.into(),
        kind: InstitutionKind::University,
        programme: "Uddannelse".into(),
        skills: Skills::of(skills),
        interests: String::new(),
        idea: idea.map(|t| IdeaPitch {
            title: t.into(),
            line: "En linje".into(),
        }),
        hours: 6,
        wishes: Vec::new(),
    }
}

#[tokio::test]
async fn a_student_shares_a_profile_and_the_organiser_forms_teams() {
    // The student fills in the profile and shares it.
    let student = App::at_root().await;
    student.open("#/dating").await;
    student.wait_for_page("dating").await;
    student.link("Min grundlæggerprofil").await.click().await;
    student.wait_for_page("dating-profile").await;
    student.see_text("Skriv dit fornavn.").await;
    student.textbox("Fornavn").await.type_text("Freja").await;
    student
        .textbox("Uddannelsessted")
        .await
        .type_text("Professionshøjskolen Nord")
        .await;
    student
        .combobox("Type uddannelsessted")
        .await
        .select_value("university-college")
        .await;
    student
        .textbox("Uddannelse")
        .await
        .type_text("Sygeplejerske")
        .await;
    student.checkbox("Sundhed og omsorg").await.click().await;
    student.checkbox("Kommunikation").await.click().await;
    student.radio("Jeg har en idé").await.click().await;
    student
        .textbox("Idéens titel")
        .await
        .type_text("Hjemmeplejens huskeliste")
        .await;
    student
        .textbox("Idéen på én linje")
        .await
        .type_text("Pårørende ser dagens besøg på telefonen")
        .await;
    student.set_value("#my-hours", "8").await;
    student.button("Hent profilfil").await.click().await;
    let (name, file) = student.wait_for_download("startup-profil-*.json").await;
    assert_eq!(name, "startup-profil-freja.json");
    let shared = spire::core::dating::profile::read_profile(&file).expect("the file reads back");
    assert_eq!(shared.profile.name, "Freja");
    assert!(shared.profile.skills.has(Skill::HealthCare));
    student.button("Lav delekode").await.click().await;
    student.wait_for("#profile-qr svg path").await;
    let code = student.value_of("#profile-code").await;
    assert!(code.starts_with("SPIREP1."), "{code}");
    // The profile is saved on the device.
    student.reload().await;
    student.wait_for_page("dating-profile").await;
    assert_eq!(student.textbox("Fornavn").await.value().await, "Freja");

    // The organiser imports files (good, duplicate, hostile) and pasted codes.
    let dir = ScratchDir::new("dating-profiles");
    let inst = [
        "Aalborg Universitet",
        "Professionshøjskolen Nord",
        "Tekniske Skole",
        "Katedralgymnasiet",
    ];
    let people = [
        ("Ali", &[Skill::Tech][..], Some("Cykeldeling på campus")),
        ("Bo", &[Skill::Business, Skill::Finance][..], None),
        ("Cecilie", &[Skill::Design][..], None),
        ("Dina", &[Skill::Sales][..], Some("Genbrugsmøbler")),
        ("Emil", &[Skill::Craft][..], None),
        ("Frida", &[Skill::Research][..], None),
        ("Gustav", &[Skill::Tech, Skill::Design][..], None),
        ("Hanne", &[Skill::Communication][..], None),
    ];
    let mut paths = Vec::new();
    for (n, (name, skills, idea)) in people.iter().enumerate() {
        let p = profile(n, name, inst[n % 4], skills, *idea);
        paths.push(dir.write(&format!("{name}.json"), p.to_json()));
    }
    paths.push(
        dir.write(
            "Ali-igen.json",
            profile(
                0,
                "Ali",
                inst[0],
                &[Skill::Tech],
                Some("Cykeldeling på campus"),
            )
            .to_json(),
        ),
    );
    paths.push(dir.write("noter.json", r#"{"format":"spire-hand-in","version":1}"#));
    paths.push(
        dir.write(
            "ukendt.json",
            profile(20, "Ida", inst[1], &[Skill::Sales], None)
                .to_json()
                .replace("[\"sales\"]", "[\"sales\",\"trylleri\"]"),
        ),
    );
    paths.push(dir.write("kaempe.json", vec![b'{'; 40_000]));
    paths.push(
        dir.write(
            "forkert-type.json",
            profile(21, "Jens", inst[2], &[Skill::Tech], None)
                .to_json()
                .replace("\"hours\":6", "\"hours\":\"mange\""),
        ),
    );

    let organiser = App::at_root().await;
    organiser.open("#/dating/event").await;
    organiser.wait_for_page("dating-event").await;
    organiser.pick_files("#profile-files", &paths).await;
    organiser
        .wait_for("#profile-import-report .import-summary")
        .await;
    assert_eq!(
        organiser
            .attr_of("#profile-import-report .import-summary", "data-added")
            .await
            .as_deref(),
        Some("9")
    );
    assert_eq!(
        organiser
            .attr_of("#profile-import-report .import-summary", "data-skipped")
            .await
            .as_deref(),
        Some("4")
    );
    organiser
        .see_text("ukendte kompetencer udeladt: trylleri")
        .await;
    organiser
        .see_text("sprunget over – profilen er der allerede")
        .await;
    organiser
        .see_text("sprunget over – det er ikke en grundlæggerprofil")
        .await;

    organiser
        .textbox("Delekoder")
        .await
        .type_text(&format!("{code}\nSPIREP1.AAAAbrokenCODE"))
        .await;
    organiser.button("Importér koderne").await.click().await;
    organiser
        .wait_until("the code import is reported", async || {
            organiser
                .attr_of("#profile-import-report .import-summary", "data-added")
                .await
                .as_deref()
                == Some("1")
        })
        .await;
    organiser.see_text("sprunget over – koden er").await;
    organiser.heading("Profiler (10)").await;

    // A typed-in profile with the same name and institution is flagged as a possible duplicate.
    organiser
        .js("document.querySelector('details.type-in').open = true")
        .await;
    organiser
        .within("details.type-in")
        .textbox("Fornavn")
        .await
        .type_text("Freja")
        .await;
    organiser
        .within("details.type-in")
        .textbox("Uddannelsessted")
        .await
        .type_text("Professionshøjskolen Nord")
        .await;
    organiser
        .within("details.type-in")
        .checkbox("Design")
        .await
        .click()
        .await;
    organiser.button("Tilføj profilen").await.click().await;
    organiser.heading("Profiler (11)").await;
    assert_eq!(organiser.count("tr.duplicate").await, 2);
    // Both rows have a button "Fjern Freja": remove the typed one (no programme).
    assert_eq!(
        organiser
            .count("tr.duplicate button[aria-label='Fjern Freja']")
            .await,
        2
    );
    // Remove the typed one (the second row of the two).
    organiser.js("[...document.querySelectorAll('tr.duplicate')].find(r => !r.textContent.includes('Sygeplejerske')).querySelector('button[aria-label^=\"Fjern\"]').click()").await;
    organiser.heading("Profiler (10)").await;

    // Sorting by a column.
    organiser
        .button("Sortér efter Timer om ugen")
        .await
        .click()
        .await;
    assert_eq!(
        organiser
            .attr_of("th[aria-sort='ascending']", "aria-sort")
            .await
            .as_deref(),
        Some("ascending")
    );

    // Settings and teams.
    organiser.set_value("#team-min", "3").await;
    organiser.set_value("#team-max", "4").await;
    organiser
        .within(".settings")
        .checkbox("Teknologi og programmering")
        .await
        .click()
        .await;
    organiser.button("Dan hold").await.click().await;
    organiser
        .wait_until("teams are shown", async || {
            teams(&organiser).await.len() == 3
        })
        .await;
    let first = teams(&organiser).await;
    assert!(
        first.iter().all(|t| (3..=4).contains(&t.len())),
        "{first:?}"
    );
    assert_eq!(first.iter().map(Vec::len).sum::<usize>(), 10);
    organiser.see_text("Dækker:").await;
    organiser.see_text("Uddannelsessteder:").await;

    // Swap by keyboard: pick one in team 1, then one in team 2, with Enter.
    let (a, b) = (first[0][1].clone(), first[1][1].clone());
    organiser
        .button(&format!("Vælg {a} til at bytte"))
        .await
        .element()
        .send_keys(ENTER)
        .await
        .unwrap();
    let target = organiser.button(&format!("Byt {a} med {b}")).await;
    target.element().send_keys(ENTER).await.unwrap();
    organiser
        .wait_until("the two swapped", async || {
            let t = teams(&organiser).await;
            t.len() == 3 && t[0].contains(&b) && t[1].contains(&a)
        })
        .await;
    let said = organiser
        .js_value(
            "return document.querySelector('#swap-status').textContent",
            vec![],
        )
        .await;
    assert_eq!(said, json!(format!("{a} og {b} har byttet hold.")));

    // Lock team 1 and form the rest again: team 1 stays.
    organiser.checkbox("Lås hold 1").await.click().await;
    let locked = teams(&organiser).await[0].clone();
    organiser
        .button("Dan hold igen (låste hold bliver)")
        .await
        .click()
        .await;
    organiser.let_page_react().await;
    assert_eq!(teams(&organiser).await[0], locked);

    // CSV export.
    organiser
        .button("Eksportér holdene (CSV)")
        .await
        .click()
        .await;
    let (_, csv) = organiser.wait_for_download("hold.csv").await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("Freja") && csv.contains("Hold;Fornavn"),
        "{csv}"
    );

    // Reload: everything is still there, the lock too.
    organiser.reload().await;
    organiser.wait_for_page("dating-event").await;
    organiser.heading("Profiler (10)").await;
    assert_eq!(teams(&organiser).await[0], locked);
    assert!(organiser.checkbox("Lås hold 1").await.is_checked().await);

    // Pitch rounds: the timer runs out with a visible, silent cue.
    organiser
        .link("Til pitchrunder og afstemning")
        .await
        .click()
        .await;
    organiser.wait_for_page("dating-pitch").await;
    organiser.set_value("#pitch-seconds", "10").await;
    organiser
        .wait_until("the stage is ready", async || {
            organiser
                .attr_of("#pitch-stage", "data-cue")
                .await
                .as_deref()
                == Some("cue-ready")
        })
        .await;
    organiser.button("Start").await.click().await;
    // Ten seconds of pitch: wait for the end over a few of the kit's wait periods.
    let mut over = false;
    for _ in 0..4 {
        if organiser
            .try_wait_until(async || {
                organiser
                    .attr_of("#pitch-stage", "data-cue")
                    .await
                    .as_deref()
                    == Some("cue-over")
            })
            .await
        {
            over = true;
            break;
        }
    }
    assert!(over, "the pitch timer never ran out");
    organiser.see_text("TIDEN ER GÅET").await;

    // The vote, passed around: two votes for Dina's idea, one for Ali's.
    for title in [
        "Genbrugsmøbler (Dina)",
        "Genbrugsmøbler (Dina)",
        "Cykeldeling på campus (Ali)",
    ] {
        organiser
            .button(&format!("Stem på {title}"))
            .await
            .click()
            .await;
        organiser.button("Næste stemmer").await.click().await;
    }
    organiser.see_text("3 stemmer afgivet").await;
    organiser.button("Vis resultatet").await.click().await;
    organiser.see_text("Genbrugsmøbler (Dina): 2 stemmer").await;

    // Votes feed matching: with one team of at most 10, the most-voted idea anchors it.
    organiser
        .within("p.no-print")
        .link("Til arrangørsiden")
        .await
        .click()
        .await;
    organiser.wait_for_page("dating-event").await;
    organiser.checkbox("Lås hold 1").await.click().await;
    organiser.set_value("#team-min", "10").await;
    organiser.set_value("#team-max", "10").await;
    organiser
        .button("Dan hold igen (låste hold bliver)")
        .await
        .click()
        .await;
    organiser
        .wait_until("one team", async || teams(&organiser).await.len() == 1)
        .await;
    organiser.see_text("Idé: Genbrugsmøbler (Dina)").await;

    // Erase the event.
    organiser.button("Slet arrangementet").await.click().await;
    organiser.click("#erase-event-confirm").await;
    organiser.heading("Profiler (0)").await;
    assert!(
        organiser.console_errors().await.is_empty(),
        "{:?}",
        organiser.console_errors().await
    );
}

/// The time to form teams of 4 from 300 profiles in the browser, unthrottled and with the
/// CPU slowed 4× (a school Chromebook): the app's own `spire:match` measure. `make bench`.
#[tokio::test]
#[ignore = "a benchmark: run it with `make bench`"]
async fn matching_300_profiles_in_the_browser() {
    let dir = ScratchDir::new("dating-bench");
    let inst = [
        "Aalborg Universitet",
        "Professionshøjskolen Nord",
        "Tekniske Skole",
        "Katedralgymnasiet",
    ];
    let paths: Vec<PathBuf> = (0..300)
        .map(|n| {
            let skills: Vec<Skill> = Skill::ALL
                .iter()
                .copied()
                .filter(|s| (n * 7 + *s as usize).is_multiple_of(4))
                .collect();
            let idea = (n % 6 == 0).then_some("Idé");
            let mut p = profile(n, &format!("Deltager {n}"), inst[n % 4], &skills, idea);
            p.wishes = vec![format!("Deltager {}", n ^ 1)];
            dir.write(&format!("p{n}.json"), p.to_json())
        })
        .collect();
    let app = App::at_root().await;
    app.open("#/dating/event").await;
    app.wait_for_page("dating-event").await;
    app.pick_files("#profile-files", &paths).await;
    app.heading("Profiler (300)").await;
    app.set_value("#team-min", "4").await;
    app.set_value("#team-max", "4").await;
    for rate in [1.0, 4.0] {
        app.throttle_cpu(rate).await;
        let mut times = Vec::new();
        for _ in 0..5 {
            app.js("performance.clearMeasures('spire:match')").await;
            app.by_role(
                "button",
                if times.is_empty() && rate == 1.0 {
                    "Dan hold"
                } else {
                    "Dan hold igen (låste hold bliver)"
                },
            )
            .await
            .click()
            .await;
            let ms = app
                .wait_for_value("the spire:match measure", async || {
                    app.js_value("const m = performance.getEntriesByName('spire:match'); return m.length ? m[m.length - 1].duration : null", vec![])
                        .await
                        .as_f64()
                })
                .await;
            times.push(ms);
        }
        times.sort_by(f64::total_cmp);
        println!("matching 300 profiles into teams of 4 in the browser, CPU {rate}x: median {:.1} ms (of {times:?})", times[2]);
    }
    app.throttle_cpu(1.0).await;
}
