//! The page frame written into index.html (shown before the WebAssembly loads) uses the
//! same words as the app: every `data-key` names a UI string, its text is the Danish one
//! and its `data-en` the English one, so the frame never changes words when the app takes
//! over, in either language.

use spire::core::i18n::{t, Key};
use spire::core::text::Lang;

const INDEX: &str = include_str!("../index.html");

fn key_named(name: &str) -> Key {
    *Key::ALL
        .iter()
        .find(|k| format!("{k:?}") == name)
        .unwrap_or_else(|| panic!("index.html names a UI string that does not exist: {name}"))
}

/// The value of attribute `name` in the start tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Every start tag with `marker`, and the text right after it (up to the next tag).
fn tags_with(marker: &str) -> Vec<(&'static str, &'static str)> {
    INDEX
        .match_indices(marker)
        .map(|(at, _)| {
            let open = INDEX[..at].rfind('<').expect("a start tag");
            let close = at + INDEX[at..].find('>').expect("the end of the tag");
            let text_end = close + 1 + INDEX[close + 1..].find('<').expect("a following tag");
            (&INDEX[open..=close], &INDEX[close + 1..text_end])
        })
        .collect()
}

#[test]
fn every_text_of_the_frame_is_the_apps_own_in_both_languages() {
    let tagged = tags_with(" data-key=\"");
    assert!(tagged.len() >= 20, "the frame lost its texts: {tagged:?}");
    for (tag, text) in tagged {
        let key = key_named(attr(tag, "data-key").expect("data-key"));
        assert_eq!(text, t(Lang::Da, key), "Danish text of {key:?} in {tag}");
        assert_eq!(
            attr(tag, "data-en"),
            Some(t(Lang::En, key)),
            "English of {key:?}"
        );
    }
}

#[test]
fn every_label_of_the_frame_is_the_apps_own_in_both_languages() {
    let labelled = tags_with(" data-label-key=\"");
    assert!(labelled.len() >= 2, "{labelled:?}");
    for (tag, _) in labelled {
        let key = key_named(attr(tag, "data-label-key").expect("data-label-key"));
        assert_eq!(attr(tag, "aria-label"), Some(t(Lang::Da, key)), "{tag}");
        assert_eq!(attr(tag, "data-label-en"), Some(t(Lang::En, key)), "{tag}");
    }
}

#[test]
fn every_page_body_of_the_frame_is_the_apps_own_in_both_languages() {
    let rich = tags_with(" data-rich-key=\"");
    assert_eq!(rich.len(), 3, "about, privacy, accessibility: {rich:?}");
    for (tag, _) in rich {
        let key = key_named(attr(tag, "data-rich-key").expect("data-rich-key"));
        assert_eq!(attr(tag, "data-rich-da"), Some(t(Lang::Da, key)), "{key:?}");
        assert_eq!(attr(tag, "data-rich-en"), Some(t(Lang::En, key)), "{key:?}");
    }
}

#[test]
fn the_frame_has_the_apps_navigation_and_no_ids_the_app_uses() {
    for nav in [
        "home",
        "lessons",
        "courses",
        "challenges",
        "canvases",
        "role-models",
        "teacher",
        "dating",
        "my-work",
    ] {
        assert!(INDEX.contains(&format!("data-nav=\"{nav}\"")), "{nav}");
    }
    // The app's page title and main region are found by id; two of each, even for a moment,
    // would confuse focus handling and tests.
    for id in [
        "id=\"main\"",
        "id=\"page-title\"",
        "id=\"save-status\"",
        "id=\"lang-switch\"",
    ] {
        assert!(!INDEX.contains(id), "index.html must not use {id}");
    }
    assert!(
        !INDEX.contains("data-page="),
        "the frame must not look like a page of the app"
    );
}
