//! The size of an assignment link, measured on shipped content: `make bench` reports it
//! (`cargo test --test teacher_link -- --nocapture` prints it). A link has to fit a QR
//! code a projector shows and a phone at the back of the room still reads.

use spire::core::content::load::parse_index;
use spire::core::content::ContentKind;
use spire::core::progress::WorkRef;
use spire::core::teacher::assignment::Assignment;
use spire::core::teacher::qr::qr_svg;

/// A typical deployment address (a municipality's site, in a sub-folder).
const APP_URL: &str = "https://skole.aalborg.dk/spire/";

fn ten_lessons() -> Assignment {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/index.json"))
        .expect("lessons/index.json");
    let index = parse_index(&text).expect("a readable index");
    // The ten longest ids: the worst case for the shipped catalogue.
    let mut ids: Vec<&str> = index
        .ids(ContentKind::Lesson)
        .iter()
        .map(|i| i.as_str())
        .collect();
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    Assignment {
        id: "k3x9q2m7a1b0".into(),
        class: "6.B".into(),
        title: "Entreprenørskab i efterårets temauge".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 5),
        note: "Husk at aflevere fredag. Spørg, hvis I går i stå – og hjælp hinanden!".into(),
        items: ids.iter().take(10).map(|id| WorkRef::lesson(id)).collect(),
        rev: 1_764_000_000_000,
    }
}

#[test]
fn an_assignment_link_with_ten_lessons_fits_a_readable_qr_code() {
    let a = ten_lessons();
    assert_eq!(a.items.len(), 10);
    let link = format!("{APP_URL}#/a/{}", a.to_code());
    let qr = qr_svg(&link).expect("a QR code");
    let modules = qr.size - 8;
    println!(
        "bench: assignment link with 10 lessons: {} characters ({} in the code), QR {}x{} modules",
        link.len(),
        a.to_code().len(),
        modules,
        modules
    );
    assert_eq!(Assignment::from_code(&a.to_code()), Ok(a));
    // QR version 15 (77 modules) at level L holds 520 bytes: beyond that a projected code
    // gets hard to scan from the back row.
    assert!(link.len() <= 520, "{}", link.len());
    assert!(modules <= 77, "{modules}");
}
