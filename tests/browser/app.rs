//! Spire in a real browser: the release build in `dist/`, served by a plain static file
//! server (no `index.html` fallback), driven through headless Chromium.
//!
//! Run with `make browser`, or after `make dist`:
//! `scripts/with-process-group.sh cargo test --test browser app:: -- --test-threads=1`.
//! Every test starts its own server, chromedriver and Chromium profile.

use crate::support;

use std::time::Duration;

use support::http;
use support::{page_selector, App, ScratchDir, StaticServer};

/// Header navigation, in the order a user meets it: the page each link leads to and the
/// link's name in Danish.
const HEADER_NAV: [(&str, &str); 6] = [
    ("home", "Forside"),
    ("lessons", "Forløb"),
    ("challenges", "Udfordringer"),
    ("role-models", "Rollemodeller"),
    ("teacher", "Lærer"),
    ("my-work", "Mit arbejde"),
];
const FOOTER_NAV: [(&str, &str); 3] = [
    ("about", "Om Spire"),
    ("privacy", "Privatliv"),
    ("accessibility", "Tilgængelighed"),
];

// ----- the harness itself ---------------------------------------------------------------

/// A small site with one file of each type the app ships.
fn fixture_site() -> ScratchDir {
    let dir = ScratchDir::new("fixture");
    dir.write(
        "index.html",
        "<!DOCTYPE html><html lang=\"da\"><head><title>Fixture</title></head><body>root</body></html>",
    );
    dir.write("app.js", "console.log('app');");
    dir.write("app_bg.wasm", b"\0asm\x01\0\0\0");
    dir.write("style.css", "body { color: black }");
    dir.write("lessons/index.json", "{\"lessons\": []}");
    dir.write(
        "icon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    dir.write("img.png", b"\x89PNG\r\n\x1a\n");
    dir.write("img.webp", b"RIFF\0\0\0\0WEBP");
    dir.write("favicon.ico", b"\0\0\x01\0");
    dir.write("manifest.webmanifest", "{\"name\": \"Fixture\"}");
    dir.write("with space.txt", "spaced");
    dir.write("sub/index.html", "<!DOCTYPE html><p>sub</p>");
    dir.write("empty/keep.txt", "no index here");
    dir
}

fn get(server: &StaticServer, path: &str) -> http::Response {
    send(server, "GET", path, &[])
}

fn send(
    server: &StaticServer,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> http::Response {
    http::request(
        server.addr(),
        method,
        path,
        headers,
        None,
        Duration::from_secs(5),
    )
    .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

#[test]
fn harness_serves_files_and_404s() {
    let site = fixture_site();

    let root = StaticServer::start(site.path(), "/");
    for (path, content_type) in [
        ("/index.html", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app_bg.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/lessons/index.json", "application/json"),
        ("/icon.svg", "image/svg+xml"),
        ("/img.png", "image/png"),
        ("/img.webp", "image/webp"),
        ("/favicon.ico", "image/vnd.microsoft.icon"),
        ("/manifest.webmanifest", "application/manifest+json"),
    ] {
        let res = get(&root, path);
        assert_eq!(res.status, 200, "GET {path}");
        assert_eq!(res.header("content-type"), Some(content_type), "GET {path}");
        let on_disk = std::fs::read(site.path().join(&path[1..])).unwrap();
        assert_eq!(res.body, on_disk, "GET {path} returns the file");
    }

    // A directory serves its index.html; a query string is ignored; escapes are decoded.
    assert!(get(&root, "/").text().contains("root"));
    assert_eq!(get(&root, "/app.js?v=2").status, 200);
    assert_eq!(get(&root, "/with%20space.txt").text(), "spaced");
    assert!(get(&root, "/sub/").text().contains("sub"));
    let res = get(&root, "/sub?x=1");
    assert_eq!(
        (res.status, res.header("location")),
        (301, Some("/sub/?x=1"))
    );

    // Missing files are 404s: no fallback to index.html, as on a plain static host.
    for path in [
        "/missing.js",
        "/lessons",
        "/lessons/missing.json",
        "/deep/route",
        "/index.html/x",
        "/empty/",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
    ] {
        let res = get(&root, path);
        let expected = if path == "/lessons" { 301 } else { 404 };
        assert_eq!(res.status, expected, "GET {path}");
        assert!(
            !res.text().contains("root"),
            "GET {path} must not serve index.html"
        );
    }

    // HEAD: headers only. Anything but GET/HEAD: 501.
    let res = send(&root, "HEAD", "/app.js", &[]);
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-length"), Some("19"));
    assert!(res.body.is_empty());
    assert_eq!(send(&root, "POST", "/app.js", &[]).status, 501);

    // Revalidation, as browsers do on reload.
    let res = get(&root, "/style.css");
    let last_modified = res
        .header("last-modified")
        .expect("Last-Modified")
        .to_string();
    let res = send(
        &root,
        "GET",
        "/style.css",
        &[("If-Modified-Since", &last_modified)],
    );
    assert_eq!(res.status, 304);
    assert!(res.body.is_empty());

    let seen = root.requests();
    assert_eq!(seen[0].path, "/index.html");
    assert!(seen
        .iter()
        .any(|r| r.path == "/deep/route" && r.status == 404));
    assert!(seen
        .iter()
        .any(|r| r.path == "/with space.txt" && r.status == 200));
    root.clear_requests();
    assert!(root.requests().is_empty());

    // Under a sub-folder, like a project page.
    let sub = StaticServer::start(site.path(), "/spire/");
    assert_eq!(sub.base_url(), format!("http://{}/spire/", sub.addr()));
    assert!(get(&sub, "/spire/").text().contains("root"));
    assert_eq!(
        get(&sub, "/spire/app_bg.wasm").header("content-type"),
        Some("application/wasm")
    );
    assert_eq!(get(&sub, "/spire/lessons/index.json").status, 200);
    let res = get(&sub, "/spire");
    assert_eq!((res.status, res.header("location")), (301, Some("/spire/")));
    for path in [
        "/",
        "/index.html",
        "/app.js",
        "/spire/missing",
        "/spire/deep/route",
        "/spirex/",
    ] {
        assert_eq!(get(&sub, path).status, 404, "GET {path} under /spire/");
    }
    assert_eq!(
        sub.requested_paths().first().map(String::as_str),
        Some("/spire/")
    );
}

#[tokio::test]
async fn harness_sees_start_up_errors_and_every_request() {
    let site = fixture_site();
    site.write(
        "index.html",
        r#"<!DOCTYPE html><html lang="da"><head><title>Fixture</title>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<script>console.error("boom at start-up");</script>
</head><body><main id="main"><div data-page="home">Hej</div></main>
<input id="name">
<img src="http://127.0.0.2:1/elsewhere.png" alt="">
<script>
fetch("lessons/index.json").then(r => r.json()).then(() => {
  const done = document.createElement("p");
  done.id = "ready";
  done.textContent = "Loaded";
  document.body.append(done);
});
</script></body></html>"#,
    );

    let app = App::serve(site.path(), "/spire/").await;
    let profile = app.profile_dir();
    app.open("#/start").await;
    app.wait_for_page("home").await;
    app.see_text("Loaded").await;
    assert_eq!(app.text_of("#ready").await, "Loaded");
    assert_eq!(app.current_hash().await, "#/start");
    assert_eq!(app.current_path().await, "/spire/");
    assert_eq!(app.html_lang().await, "da");
    assert_eq!(app.pages_in_main().await, ["home"]);

    // The log endpoint sees what happened before any test code ran.
    let errors = app.console_errors().await;
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("boom at start-up")),
        "{errors:?}"
    );
    // Reading drains chromedriver's log; the harness keeps what it read.
    assert_eq!(app.console_errors().await, errors);

    // Resource timing and the network log both see the fetch; only the network log sees
    // the request to another host for sure.
    let urls = app.resource_urls().await;
    let json_url = format!("{}lessons/index.json", app.base_url());
    assert!(urls.contains(&json_url), "{urls:?}");
    assert!(app.resource_hosts().await.contains(&app.host()));
    let requested = app.network_requests().await;
    assert!(
        requested.contains(&"http://127.0.0.2:1/elsewhere.png".to_string()),
        "{requested:?}"
    );
    assert!(app
        .server
        .requested_paths()
        .contains(&"/spire/lessons/index.json".to_string()));

    app.type_into("#name", "Ada").await;
    assert_eq!(
        app.js("return document.getElementById('name').value").await,
        "Ada"
    );

    // Two tabs share localStorage.
    app.local_storage_set("spire-test", "1").await;
    let first = app.window().await;
    let second = app.new_window().await;
    app.switch_to(&second).await;
    app.open("").await;
    app.wait_for_page("home").await;
    assert_eq!(
        app.local_storage_get("spire-test").await.as_deref(),
        Some("1")
    );
    app.local_storage_remove("spire-test").await;
    app.switch_to(&first).await;
    assert_eq!(app.local_storage_get("spire-test").await, None);

    app.reload().await;
    app.wait_for_page("home").await;
    assert_eq!(app.current_hash().await, "#/start");

    // Dropping the app takes chromedriver and every Chromium process with it.
    drop(app);
    assert!(
        support::driver::processes_using(&profile).is_empty(),
        "Chromium outlived the test"
    );
}

#[test]
fn download_patterns_match_like_shell_globs() {
    use support::glob_match;
    assert!(glob_match(
        "spire-backup-*.json",
        "spire-backup-2026-01-02.json"
    ));
    assert!(glob_match("*.json", "a.json"));
    assert!(glob_match("a*b*c", "abc"));
    assert!(glob_match("a*b*c", "a-x-b-y-c"));
    assert!(glob_match("exact.txt", "exact.txt"));
    assert!(!glob_match("exact.txt", "exact.txt.crdownload"));
    assert!(!glob_match(
        "spire-backup-*.json",
        "spire-backup-1.json.crdownload"
    ));
    assert!(!glob_match("a*b*c", "acb"));
    assert!(!glob_match("ab*ba", "aba"));
}

#[tokio::test]
async fn harness_captures_downloads_in_a_folder_of_the_test() {
    let site = fixture_site();
    site.write(
        "index.html",
        r##"<!DOCTYPE html><html lang="en"><head><title>Downloads</title>
<link rel="icon" href="icon.svg" type="image/svg+xml"></head><body><main>
<h1>Downloads</h1>
<a href="data:text/plain;charset=utf-8,hello%20file" download="notes-1.txt">Save notes</a>
<button id="blob">Save data</button>
<script>
document.getElementById("blob").onclick = () => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob(['{"n": 2}'], {type: "application/json"}));
  a.download = "data-2.json";
  document.body.append(a);
  a.click();
  a.remove();
};
</script></main></body></html>"##,
    );
    let app = App::serve(site.path(), "/").await;
    app.open("").await;
    assert!(app.downloaded_files().is_empty());

    app.link("Save notes").await.click().await;
    let (name, bytes) = app.wait_for_download("notes-*.txt").await;
    assert_eq!(
        (name.as_str(), bytes.as_slice()),
        ("notes-1.txt", &b"hello file"[..])
    );

    // A blob made by script, as the app makes its backups.
    app.button("Save data").await.click().await;
    let (name, bytes) = app.wait_for_download("data-*.json").await;
    assert_eq!(
        (name.as_str(), bytes.as_slice()),
        ("data-2.json", &br#"{"n": 2}"#[..])
    );

    // The same file again is a new download, not the one returned before.
    app.button("Save data").await.click().await;
    let (again, _) = app.wait_for_download("data-2*.json").await;
    assert_ne!(again, "data-2.json");
    assert_eq!(
        app.downloaded_files().len(),
        3,
        "{:?}",
        app.downloaded_files()
    );

    // Nothing was saved where chromedriver runs.
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for stray in ["notes-1.txt", "data-2.json"] {
        assert!(
            !here.join(stray).exists(),
            "{stray} landed in the repository"
        );
    }
}

/// One element of each kind the role finder has to handle, named in each way accname
/// allows, and some that are out of the accessibility tree.
const ROLES_FIXTURE: &str = r##"<!DOCTYPE html><html lang="en"><head><title>Roles</title>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<style>.clip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.pill { display: inline-block; }</style></head><body>
<header><a href="#/">Home <img src="icon.svg" alt="Logo"></a>
<nav aria-label="Main"><ul><li><a href="#a" aria-current="page">Lessons</a></li><li><a href="#b"><span class="pill">1</span><span class="pill">Two</span></a></li></ul></nav></header>
<main id="main"><h1>Title <span>here</span></h1>
<button>Plain</button>
<button aria-label="Labelled">X</button>
<button><svg aria-hidden="true" viewBox="0 0 1 1"><path d="M0 0h1v1z"/></svg>Icon text</button>
<button aria-labelledby="first second">ignored</button><span id="first">First</span> <span id="second">Second</span>
<button title="Only title"></button>
<button><span aria-hidden="true">← </span>Previous</button>
<button>Next<span aria-hidden="true"> →</span></button>
<input type="submit"> <input type="reset" value="Clear"> <input type="button" value="Go">
<label for="t1">Name</label><input id="t1">
<label>Wrapped <input type="text"></label>
<label for="e1">Email</label><input type="email" id="e1">
<input type="search" aria-label="Find">
<input placeholder="Only placeholder">
<input type="text" title="Only title field">
<label for="ta">Notes</label><textarea id="ta"></textarea>
<input type="checkbox" id="c1"><label for="c1">Tick me</label>
<input type="radio" id="r1" name="r"><label for="r1">One</label>
<label for="s1">Level</label><select id="s1"><option>A</option><option>B</option></select>
<select multiple aria-label="Many"><option>A</option></select>
<input type="number" aria-label="Count"> <input type="range" aria-label="Volume">
<a href="#x"><span>Two</span> <strong>parts</strong></a>
<a>No href</a>
<h2 aria-label="Override">Visible</h2>
<h3><img src="icon.svg" alt="Image"> in heading</h3>
<img src="icon.svg" alt="A picture"> <img src="icon.svg" alt="">
<ul><li>Item</li></ul>
<ol><li>First item</li></ol>
<section aria-label="Region">Inside</section>
<form role="search" aria-label="Search form"><input type="search" aria-label="Query"></form>
<fieldset><legend>Group name</legend><input type="checkbox" aria-label="In group"></fieldset>
<table><caption>Tab</caption><tr><th>Head</th><td>Cell</td></tr></table>
<div role="button" tabindex="0">Div button</div>
<div role="tablist"><div role="tab">Tab one</div></div>
<p>Paragraph</p>
<progress aria-label="Progress" value="1" max="2"></progress>
<p role="status">Status</p>
<button hidden>Hidden</button>
<div style="display:none"><button>Gone</button></div>
<div aria-hidden="true"><button>Aria hidden</button></div>
<button style="visibility:hidden">Invisible</button>
<span class="clip"><button>Clipped</button></span>
<details><summary>More</summary><button>Inside closed details</button></details>
</main>
<footer><a href="#about">About</a></footer></body></html>"##;

/// Runs the role finder's computation on every element of the page with a role and
/// compares it with Chromium's own (WebDriver computedrole/computedlabel). Returns the
/// disagreements and how many elements were compared.
async fn roles_disagreeing_with_chromium(app: &App, scope: Option<&str>) -> (Vec<String>, usize) {
    let items = app.all_roles(scope).await;
    let mut wrong = Vec::new();
    for (element, role, name) in &items {
        let chromium_role = app.computed_role(element).await;
        let chromium_name = app.computed_label(element).await;
        let chromium_name = chromium_name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if (role.as_str(), name.as_str()) != (chromium_role.as_str(), chromium_name.as_str()) {
            let html: String = element
                .html(false)
                .await
                .unwrap_or_default()
                .chars()
                .take(160)
                .collect();
            wrong.push(format!(
                "ours: {role} {name:?}, Chromium: {chromium_role} {chromium_name:?}\n    {html}"
            ));
        }
    }
    (wrong, items.len())
}

#[tokio::test]
async fn the_role_finder_agrees_with_chromium() {
    let site = fixture_site();
    site.write("index.html", ROLES_FIXTURE);
    let app = App::serve(site.path(), "/").await;
    app.open("").await;
    app.heading("Title here").await;

    let (wrong, compared) = roles_disagreeing_with_chromium(&app, None).await;
    assert!(
        wrong.is_empty(),
        "roles.js and Chromium disagree on {} of {compared} elements:\n  {}",
        wrong.len(),
        wrong.join("\n  ")
    );
    assert!(compared > 40, "only {compared} elements had a role");

    // What is out of the accessibility tree is not found; Chromium agrees it has no role.
    for hidden in [
        "Hidden",
        "Gone",
        "Aria hidden",
        "Invisible",
        "Inside closed details",
    ] {
        assert_eq!(app.count_by_role("button", hidden).await, 0, "{hidden}");
    }
    // Visually hidden is still in the tree, as for a screen reader.
    assert_eq!(app.count_by_role("button", "Clipped").await, 1);

    // The finders, each by the name a user would read.
    app.button("Labelled").await;
    app.button("First Second").await;
    app.button("Only title").await;
    app.button("Previous").await;
    app.button("Submit").await;
    app.link("Two parts").await;
    app.link("Home Logo").await;
    app.textbox("Name").await.type_text("Ada").await;
    assert_eq!(app.textbox("Name").await.value().await, "Ada");
    assert_eq!(app.textbox("Wrapped").await.value().await, "");
    app.textbox("Only placeholder").await;
    app.searchbox("Find").await;
    app.within("form").searchbox("Query").await;
    app.combobox("Level").await.select("B").await;
    assert_eq!(app.combobox("Level").await.value().await, "B");
    let tick = app.checkbox("Tick me").await;
    tick.click().await;
    assert!(tick.is_checked().await);
    app.radio("One").await;
    app.heading("Override").await;
    app.heading("Image in heading").await;
    app.by_role("tab", "Tab one").await;
    app.by_role("navigation", "Main").await;
    assert_eq!(app.within("nav").all_by_role("link").await.len(), 2);
    assert_eq!(app.within("footer").link("About").await.name(), "About");
}

/// Opens the roles fixture, runs `find` on it and returns the message it failed with.
async fn finder_failure(what: &'static str) -> String {
    let task = tokio::spawn(async move {
        let site = fixture_site();
        site.write("index.html", ROLES_FIXTURE);
        let app = App::serve(site.path(), "/").await;
        app.open("").await;
        match what {
            "missing" => drop(app.button("Tilføj idé").await),
            "ambiguous" => drop(app.within("main").by_role("list", "").await),
            _ => drop(app.within("#nowhere").button("Plain").await),
        }
    });
    let error = task.await.expect_err("the finder must fail");
    let payload = error.into_panic();
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[tokio::test]
async fn a_failed_finder_says_what_the_page_offers_instead() {
    let (missing, ambiguous, no_scope) = tokio::join!(
        finder_failure("missing"),
        finder_failure("ambiguous"),
        finder_failure("no scope"),
    );
    for expected in [
        "no button \"Tilføj idé\"",
        "button \"Plain\"",
        "link \"Two parts\"",
        "textbox \"Name\"",
        "heading \"Title here\"",
        "screenshot: /",
    ] {
        assert!(
            missing.contains(expected),
            "{expected:?} is not in:\n{missing}"
        );
    }
    assert!(
        !missing.contains("\"Gone\""),
        "hidden elements are not offered:\n{missing}"
    );
    assert!(
        ambiguous.contains("2 elements are list \"\" in main"),
        "{ambiguous}"
    );
    assert!(
        no_scope.contains("nothing matches the scope Some(\"#nowhere\")"),
        "{no_scope}"
    );
}

#[tokio::test]
async fn the_role_finder_agrees_with_chromium_on_every_page_of_the_app() {
    let app = App::at_root().await;
    let mut pages: Vec<String> = [
        "#/",
        "#/lessons",
        "#/challenges",
        "#/role-models",
        "#/teacher",
        "#/my-work",
        "#/about",
        "#/privacy",
        "#/accessibility",
    ]
    .map(String::from)
    .to_vec();
    pages.push(format!(
        "#/challenges/{}",
        support::shipped_ids("challenges")[0]
    ));
    pages.push(format!(
        "#/role-models/{}",
        support::shipped_ids("role_models")[0]
    ));
    // One step of every step type the shipped lessons use.
    let mut types_seen = std::collections::BTreeSet::new();
    for lesson in support::shipped_lesson_ids() {
        for (step, kind) in support::steps_of(&support::shipped_lesson(&lesson)) {
            if types_seen.insert(kind) {
                pages.push(format!("#/lessons/{lesson}/{step}"));
            }
        }
    }
    let mut wrong = Vec::new();
    let mut compared = 0;
    for page in &pages {
        app.open(page).await;
        app.wait_until("the page has loaded", async || {
            app.count("main [data-page] h1").await > 0 && app.count("main .loading").await == 0
        })
        .await;
        let (w, n) = roles_disagreeing_with_chromium(&app, None).await;
        wrong.extend(w.into_iter().map(|w| format!("{page}: {w}")));
        compared += n;
    }
    assert!(
        wrong.is_empty(),
        "roles.js and Chromium disagree on {} of {compared} elements:\n  {}",
        wrong.len(),
        wrong.join("\n  ")
    );
}

// ----- the app --------------------------------------------------------------------------

#[tokio::test]
async fn app_mounts_without_console_errors() {
    let app = App::at_root().await;
    app.open("").await;
    app.wait_for(&page_selector("home")).await;
    // Give late start-up work (content fetch, storage) a moment to log anything.
    app.settle(Duration::from_millis(500)).await;
    let errors = app.console_errors().await;
    assert!(
        errors.is_empty(),
        "the app logged errors while starting:\n{}",
        errors
            .iter()
            .map(|e| format!("  {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[tokio::test]
async fn every_navigation_link_reaches_its_page() {
    let app = App::in_subfolder().await;
    app.open("").await;
    app.wait_for_page("home").await;

    // Home last, so that every click leaves the page it is on.
    let header = HEADER_NAV[1..]
        .iter()
        .chain(std::iter::once(&HEADER_NAV[0]))
        .map(|link| ("header nav", link));
    let footer = FOOTER_NAV.iter().map(|link| ("footer", link));
    for (place, &(name, label)) in footer.chain(header) {
        let before = app.current_hash().await;
        let link = app.within(place).link(label).await;
        link.click().await;
        app.wait_for_page(name).await;
        let after = app.current_hash().await;
        assert_ne!(
            after, before,
            "clicking the link {label:?} in {place} left the hash at {before:?}"
        );
        if place == "header nav" {
            let current = app.within(place).link(label).await;
            assert_eq!(
                current.attr("aria-current").await.as_deref(),
                Some("page"),
                "the header says where the pupil is"
            );
        }
        assert_eq!(
            app.pages_in_main().await,
            [name],
            "main#main must hold exactly the {name} page"
        );
        assert_eq!(
            app.current_path().await,
            "/spire/",
            "the app left its folder"
        );
    }
}

#[tokio::test]
async fn reload_on_a_deep_page_under_a_subfolder_stays_there() {
    let app = App::in_subfolder().await;
    app.open("#/lessons").await;
    app.wait_for_page("lessons").await;
    app.reload().await;
    app.wait_for_page("lessons").await;
    assert_eq!(app.current_hash().await, "#/lessons");
    assert_eq!(app.current_path().await, "/spire/");

    app.open("#/about").await;
    app.wait_for_page("about").await;
    app.within("header nav").link("Forside").await.click().await;
    app.wait_for_page("home").await;
    let home_hash = app.current_hash().await;
    app.within("footer").link("Om Spire").await.click().await;
    app.wait_for_page("about").await;
    let about_hash = app.current_hash().await;

    app.back().await;
    app.wait_for_page("home").await;
    assert_eq!(app.current_hash().await, home_hash);
    assert_eq!(app.pages_in_main().await, ["home"]);

    app.forward().await;
    app.wait_for_page("about").await;
    assert_eq!(app.current_hash().await, about_hash);
    assert_eq!(app.pages_in_main().await, ["about"]);
}

#[tokio::test]
async fn language_switch_changes_the_ui_and_survives_reload() {
    let app = App::at_root().await;
    let lessons_link = "a[data-nav=\"lessons\"]";
    app.open("").await;
    app.wait_for_page("home").await;
    assert_eq!(app.html_lang().await, "da", "Danish is the default");
    let danish = app.text_of(lessons_link).await;

    app.button("Switch to English").await.click().await;
    app.wait_until("<html lang> is \"en\"", async || {
        app.html_lang().await == "en"
    })
    .await;
    let english = app
        .wait_for_value("the lessons link to change language", || async {
            let text = app.text_of(lessons_link).await;
            (text != danish).then_some(text)
        })
        .await;

    app.reload().await;
    app.wait_for_page("home").await;
    app.wait_until("<html lang> is \"en\" after reload", async || {
        app.html_lang().await == "en"
    })
    .await;
    assert_eq!(app.text_of(lessons_link).await, english);
    assert_eq!(english, "Lessons");
    app.within("header nav").link("Lessons").await;

    // And back.
    app.button("Skift til dansk").await.click().await;
    app.wait_until("<html lang> is \"da\" again", async || {
        app.html_lang().await == "da"
    })
    .await;
    app.wait_until("the lessons link is Danish again", async || {
        app.text_of(lessons_link).await == danish
    })
    .await;
    assert_eq!(danish, "Forløb");
}

#[tokio::test]
async fn no_request_leaves_the_test_server() {
    let app = App::in_subfolder().await;
    let here = app.host();
    app.open("").await;
    app.wait_for_page("home").await;

    let mut resources = Vec::new();
    for (place, (name, label)) in [
        ("header nav", HEADER_NAV[1]),
        ("header nav", HEADER_NAV[2]),
        ("header nav", HEADER_NAV[3]),
        ("header nav", HEADER_NAV[4]),
        ("header nav", HEADER_NAV[5]),
        ("footer", FOOTER_NAV[0]),
        ("header nav", HEADER_NAV[0]),
    ] {
        app.within(place).link(label).await.click().await;
        app.wait_for_page(name).await;
        app.settle(Duration::from_millis(300)).await;
        resources.extend(app.resource_urls().await);
    }
    app.reload().await;
    app.wait_for_page("home").await;
    app.settle(Duration::from_millis(300)).await;
    resources.extend(app.resource_urls().await);
    assert!(!resources.is_empty(), "resource timing saw nothing");

    // Resource timing, as the brief asks, and Chromium's own network log, which also sees
    // failed requests.
    let mut all = resources.clone();
    all.extend(app.network_requests().await);
    let hosts = app
        .js_value(
            "return arguments[0].map(u => { try { const x = new URL(u); \
             return [u, x.protocol, x.host]; } catch (e) { return [u, 'invalid', '']; } })",
            vec![serde_json::json!(all)],
        )
        .await;
    let mut elsewhere = Vec::new();
    for entry in hosts.as_array().expect("a list") {
        let (url, protocol, host) = (
            entry[0].as_str().unwrap_or_default(),
            entry[1].as_str().unwrap_or_default(),
            entry[2].as_str().unwrap_or_default(),
        );
        // data: and blob: URLs never leave the page.
        let local = matches!(protocol, "data:" | "blob:")
            || (matches!(protocol, "http:" | "https:") && host == here);
        if !local {
            elsewhere.push(url.to_string());
        }
    }
    assert!(
        elsewhere.is_empty(),
        "requests left the test server ({here}): {elsewhere:#?}"
    );

    let served = app.server.requests();
    assert!(
        served
            .iter()
            .any(|r| r.path == "/spire/lessons/index.json" && matches!(r.status, 200 | 304)),
        "the app never loaded lessons/index.json relative to the page; it requested: {:#?}",
        served
    );
}

#[tokio::test]
async fn the_backup_button_downloads_the_pupils_work() {
    // The first shipped lesson with a prompt step.
    let (lesson, step) = support::shipped_lesson_ids()
        .into_iter()
        .find_map(|id| {
            let steps = support::steps_of(&support::shipped_lesson(&id));
            let (step, _) = steps.into_iter().find(|(_, kind)| kind == "prompt")?;
            Some((id, step))
        })
        .expect("a shipped lesson with a prompt step");
    let text = "Det her skal med i sikkerhedskopien";

    let app = App::at_root().await;
    app.open(&format!("#/lessons/{lesson}/{step}")).await;
    app.textbox("Dit svar").await.type_text(text).await;
    // Wherever the saved format keeps it: in one entry or one per work item.
    app.wait_until("the answer is saved", async || {
        app.js_value(
            "return Object.keys(localStorage).filter(k => k.startsWith('spire.')) \
             .some(k => localStorage.getItem(k).includes(arguments[0]))",
            vec![serde_json::json!(text)],
        )
        .await
            == serde_json::json!(true)
    })
    .await;
    app.within("header nav")
        .link("Mit arbejde")
        .await
        .click()
        .await;
    app.wait_for_page("my-work").await;
    app.button("Hent sikkerhedskopi").await.click().await;

    let (name, bytes) = app.wait_for_download("spire-backup-*.json").await;
    let backup: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "{name} is not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    assert_eq!(backup["format"], "spire-backup", "{backup}");
    assert_eq!(
        backup["data"]["work"][format!("lesson:{lesson}")]["answers"][&step]["value"]["text"],
        text,
        "{name} lacks the answer: {backup}"
    );
}

// ----- the About page in pictures, and the README's screenshots -------------------------

#[tokio::test]
async fn the_about_page_shows_what_spire_does_in_pictures() {
    let app = App::at_root().await;
    app.open("#/about").await;
    app.wait_for_page("about").await;
    app.heading("Spire i billeder").await;
    let captions = [
        "Lær i små trin",
        "Find på idéer",
        "Sæt idéen i system",
        "Mød iværksættere",
        "Fortæl om idéen",
        "Bliver på enheden",
    ];
    for caption in captions {
        app.heading(caption).await;
    }
    assert_eq!(
        app.count(".about-pictures li").await,
        captions.len(),
        "one picture per caption, in a list"
    );
    // The pictures are decoration for the captions, and each draws a symbol of the sprite.
    assert_eq!(
        app.js_value(
            "return [...document.querySelectorAll('.about-pictures svg')].every(s => \
             s.getAttribute('aria-hidden') === 'true' && \
             document.querySelector(s.querySelector('use').getAttribute('href')) !== null)",
            vec![],
        )
        .await,
        serde_json::json!(true)
    );
    app.button("Switch to English").await.click().await;
    app.heading("Spire in pictures").await;
    app.heading("Stays on the device").await;
}

/// The pages the README shows, in order: (file name, address, what shows it is ready and
/// is scrolled to the top of the picture).
const SCREENSHOTS: [(&str, &str, &str); 5] = [
    ("home.png", "#/", "main .my-level"),
    (
        "catalogue.png",
        "#/lessons?level=indskoling",
        "main li.lesson-card:not(.loading-card)",
    ),
    (
        "picture-options.png",
        "#/lessons/hjaelp-en-anden/how-felt",
        "main .step",
    ),
    (
        "course.png",
        "#/courses/indskoling-fra-ide-til-handling",
        "main .weeks",
    ),
    ("about.png", "#/about", "main .about-pictures"),
];

/// Writes `docs/screenshots/*.png` from the release build at 1280 × 800, as a pupil in
/// indskoling sees the pages. Not part of `make test`: `make screenshots` runs it.
#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn screenshots_for_the_readme() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("create docs/screenshots");
    let app = App::at_root().await;
    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false}),
    )
    .await;
    app.open("#/").await;
    app.button("Indskoling (0.–3. kl.)").await.click().await;
    for (file, address, ready) in SCREENSHOTS {
        app.open(address).await;
        app.wait_for(ready).await;
        app.settle(Duration::from_millis(500)).await;
        // Fonts and pictures in place, nothing focused.
        app.js_value(
            "document.activeElement && document.activeElement.blur(); \
             const e = document.querySelector(arguments[0]); \
             if (e.getBoundingClientRect().top > 300) e.scrollIntoView({block: 'start'});",
            vec![serde_json::json!(ready)],
        )
        .await;
        let png = app
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("cannot take the screenshot {file}: {e}"));
        std::fs::write(out.join(file), &png).expect("write the screenshot");
        println!("{file}: {} KB", png.len() / 1024);
    }
}
