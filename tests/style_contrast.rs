#![cfg(not(target_arch = "wasm32"))]
//! Colour contrast of the stylesheet in every level style: each level's colours, read from
//! `public/style.css`, checked against WCAG 2.1 AA (4.5:1 for text) on the backgrounds they
//! are used on. Adding or changing a level colour that fails makes this test fail.

use spire::core::board::colour::contrast;
use std::collections::BTreeMap;

const STYLE: &str = include_str!("../public/style.css");

/// The custom properties (`--name: #hex`) set in the first rule whose selector is `selector`.
fn properties(selector: &str) -> BTreeMap<String, String> {
    let start = STYLE
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no rule `{selector}` in style.css"));
    let body = &STYLE[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let (name, value) = (name.trim(), value.trim());
            (name.starts_with("--") && value.starts_with('#'))
                .then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

/// (text colour, background), by property name: every pair the pages draw with a level's
/// colours — links and headings on cards, the page and light panels, white on buttons and
/// on the "Næste" badge, the level's light background under ordinary and muted text.
const PAIRS: [(&str, &str); 9] = [
    ("--brand", "--card"),
    ("--brand", "--bg"),
    ("--brand", "--info-bg"),
    ("--brand-dark", "--info-bg"),
    ("--brand-dark", "--card"),
    ("--ink", "--info-bg"),
    ("--muted", "--info-bg"),
    ("#ffffff", "--brand"),
    ("#ffffff", "--brand-dark"),
];

#[test]
fn every_level_style_meets_aa_contrast() {
    let root = properties(":root");
    let levels = [
        "indskoling",
        "mellemtrin",
        "udskoling",
        "ungdomsuddannelse",
        "videregaaende",
    ];
    let mut checked = 0;
    for level in levels {
        let mut colours = root.clone();
        colours.extend(properties(&format!(".level-style[data-level=\"{level}\"]")));
        let get = |name: &str| -> String {
            if name.starts_with('#') {
                return name.to_string();
            }
            colours
                .get(name)
                .unwrap_or_else(|| panic!("{level}: no colour {name}"))
                .clone()
        };
        for (ink, ground) in PAIRS {
            let (a, b) = (get(ink), get(ground));
            let ratio = contrast(&a, &b).unwrap_or_else(|| panic!("{a} or {b} is not a colour"));
            assert!(
                ratio >= 4.5,
                "{level}: {ink} {a} on {ground} {b} is {ratio:.2}:1, under AA's 4.5:1"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, levels.len() * PAIRS.len());
}
