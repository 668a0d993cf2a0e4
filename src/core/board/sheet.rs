//! A board drawn on one sheet: the layout of a canvas as rectangles and lines of text, in
//! the proportions of an A4 landscape page inside its margins. The app renders the same
//! layout as SVG elements for print (so a canvas always fits one page, however many notes it
//! has) and as an SVG file for slides (`to_svg`), which a `<canvas>` turns into a PNG.
//! Text is measured by an estimate of the average glyph width, which is enough to wrap
//! notes in a common sans-serif font; a note too long for its space ends in "…".
//! A note's photo sits at the top of the note, its text below as the caption; the image's
//! address is given when the SVG is written (a `data:` URI, so the file stands alone).

use super::colour::{NoteColour, INK};
use super::notes::block_notes;
use crate::core::content::CanvasTemplate;
use crate::core::media::{Clip, ClipKind};
use crate::core::progress::{Note, Records};
use crate::core::text::Lang;
use std::collections::BTreeMap;

/// The sheet in CSS pixels: 277 × 190 mm, an A4 landscape page less 10 mm margins.
pub const WIDTH: f64 = 1108.0;
pub const HEIGHT: f64 = 760.0;
const MARGIN: f64 = 16.0;
const GAP: f64 = 6.0;
const NOTE_GAP: f64 = 4.0;
/// Average glyph width of a sans-serif font, in ems.
const GLYPH: f64 = 0.55;
const LINE: f64 = 1.2;
const MUTED: &str = "#3d4550";
pub const FONT: &str = "Arial, Helvetica, sans-serif";

/// What goes on the sheet, with every text already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInput {
    pub title: String,
    /// Team or pupil names and the date, as one line.
    pub byline: String,
    pub attribution: Option<String>,
    pub columns: u32,
    pub rows: u32,
    pub blocks: Vec<SheetBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetBlock {
    pub title: String,
    pub prompt: Option<String>,
    pub col: u32,
    pub row: u32,
    pub width: u32,
    pub height: u32,
    pub notes: Vec<SheetNote>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetNote {
    pub text: String,
    pub colour: NoteColour,
    pub photo: Option<Clip>,
}

impl SheetNote {
    pub fn of(note: &Note) -> SheetNote {
        SheetNote {
            text: note.text.clone(),
            colour: NoteColour::of(&note.colour),
            photo: note
                .photo
                .clone()
                .filter(|c| c.is_usable() && c.kind() == Some(ClipKind::Photo)),
        }
    }
}

impl SheetInput {
    /// The sheet of a canvas: its template and notes in `lang`.
    pub fn of(
        template: &CanvasTemplate,
        notes: &Records<Note>,
        lang: Lang,
        title: &str,
        byline: &str,
    ) -> SheetInput {
        SheetInput {
            title: title.to_string(),
            byline: byline.to_string(),
            attribution: template
                .attribution
                .as_ref()
                .map(|a| a.get(lang).to_string()),
            columns: template.columns.max(1),
            rows: template.rows.max(1),
            blocks: template
                .blocks
                .iter()
                .map(|b| SheetBlock {
                    title: b.title.get(lang).to_string(),
                    prompt: b.prompt.as_ref().map(|p| p.get(lang).to_string()),
                    col: b.col,
                    row: b.row,
                    width: b.width,
                    height: b.height,
                    notes: block_notes(notes, b.id.as_str())
                        .iter()
                        .map(|(_, n)| SheetNote::of(n))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &'static str,
        stroke: &'static str,
        stroke_width: f64,
    },
    /// Lines of text; `y` is the baseline of the first line.
    Text {
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        italic: bool,
        fill: &'static str,
        lines: Vec<String>,
    },
    /// A note's photo, fitted into the box with its shape kept; `id` is the clip's.
    Image {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        id: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

/// Lays out a sheet.
pub fn layout(input: &SheetInput) -> Sheet {
    let mut shapes = vec![Shape::Rect {
        x: 0.0,
        y: 0.0,
        w: WIDTH,
        h: HEIGHT,
        fill: "#ffffff",
        stroke: "none",
        stroke_width: 0.0,
    }];
    let inner = WIDTH - 2.0 * MARGIN;
    shapes.push(text(
        MARGIN,
        MARGIN + 20.0,
        22.0,
        true,
        INK,
        wrap(&input.title, inner, 22.0, 1),
    ));
    let mut top = MARGIN + 30.0;
    if !input.byline.trim().is_empty() {
        shapes.push(text(
            MARGIN,
            MARGIN + 44.0,
            12.0,
            false,
            MUTED,
            wrap(&input.byline, inner, 12.0, 1),
        ));
        top = MARGIN + 54.0;
    }
    let mut bottom = HEIGHT - MARGIN;
    if let Some(a) = input
        .attribution
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        let lines = wrap(a, inner, 9.0, 3);
        bottom -= lines.len() as f64 * 9.0 * LINE + 4.0;
        shapes.push(text(MARGIN, bottom + 4.0 + 9.0, 9.0, false, MUTED, lines));
    }
    let cell_w = inner / input.columns.max(1) as f64;
    let cell_h = (bottom - top) / input.rows.max(1) as f64;
    for block in &input.blocks {
        let x = MARGIN + block.col.saturating_sub(1) as f64 * cell_w + GAP / 2.0;
        let y = top + block.row.saturating_sub(1) as f64 * cell_h + GAP / 2.0;
        let w = block.width.max(1) as f64 * cell_w - GAP;
        let h = block.height.max(1) as f64 * cell_h - GAP;
        layout_block(&mut shapes, block, x, y, w, h);
    }
    Sheet {
        width: WIDTH,
        height: HEIGHT,
        shapes,
    }
}

fn text(x: f64, y: f64, size: f64, bold: bool, fill: &'static str, lines: Vec<String>) -> Shape {
    Shape::Text {
        x,
        y,
        size,
        bold,
        italic: false,
        fill,
        lines,
    }
}

fn layout_block(shapes: &mut Vec<Shape>, block: &SheetBlock, x: f64, y: f64, w: f64, h: f64) {
    shapes.push(Shape::Rect {
        x,
        y,
        w,
        h,
        fill: "#ffffff",
        stroke: INK,
        stroke_width: 1.2,
    });
    let pad = 6.0;
    let title = wrap(&block.title, w - 2.0 * pad, 11.0, 2);
    let title_h = title.len() as f64 * 11.0 * LINE;
    shapes.push(text(x + pad, y + pad + 10.0, 11.0, true, INK, title));
    let (ax, ay) = (x + pad, y + pad + title_h + 4.0);
    let (aw, ah) = (w - 2.0 * pad, y + h - pad - ay);
    if aw <= 4.0 || ah <= 4.0 {
        return;
    }
    if block.notes.is_empty() {
        if let Some(prompt) = &block.prompt {
            let max = ((ah / (8.5 * LINE)).floor() as usize).max(1);
            shapes.push(Shape::Text {
                x: ax,
                y: ay + 8.0,
                size: 8.5,
                bold: false,
                italic: true,
                fill: MUTED,
                lines: wrap(prompt, aw, 8.5, max),
            });
        }
        return;
    }
    let (cols, nw, nh) = grid(block.notes.len(), aw, ah);
    for (i, note) in block.notes.iter().enumerate() {
        let nx = ax + (i % cols) as f64 * (nw + NOTE_GAP);
        let ny = ay + (i / cols) as f64 * (nh + NOTE_GAP);
        shapes.push(Shape::Rect {
            x: nx,
            y: ny,
            w: nw,
            h: nh,
            fill: note.colour.paper(),
            stroke: INK,
            stroke_width: 0.8,
        });
        let (iw, ih) = (nw - 8.0, nh - 6.0);
        let mut text_top = ny + 3.0;
        if let Some(photo) = &note.photo {
            // The photo takes the whole note when it has no caption, else most of it.
            let share = if note.text.trim().is_empty() {
                1.0
            } else {
                0.6
            };
            let (pw, ph) = fit_box(photo, iw, ih * share);
            shapes.push(Shape::Image {
                x: nx + 4.0 + (iw - pw) / 2.0,
                y: text_top,
                w: pw,
                h: ph,
                id: photo.id.clone(),
            });
            text_top += ph + 2.0;
        }
        let room = ny + nh - 3.0 - text_top;
        if room >= 5.0 * LINE && !note.text.trim().is_empty() {
            let (size, lines) = fit(&note.text, iw, room);
            shapes.push(text(nx + 4.0, text_top + size, size, false, INK, lines));
        }
    }
}

/// The largest size of a photo's shape inside `w` × `h` (the box itself when the photo's
/// size is unknown).
fn fit_box(photo: &Clip, w: f64, h: f64) -> (f64, f64) {
    if photo.width == 0 || photo.height == 0 {
        return (w, h);
    }
    let (pw, ph) = (f64::from(photo.width), f64::from(photo.height));
    let scale = (w / pw).min(h / ph);
    (pw * scale, ph * scale)
}

/// Columns and note size for `n` notes in `aw` × `ah`: the arrangement whose notes hold the
/// largest rectangle of a sticky note's shape, capped so a lone note stays note-sized.
fn grid(n: usize, aw: f64, ah: f64) -> (usize, f64, f64) {
    let mut best = (1, aw.min(200.0), ah.min(110.0));
    let mut best_score = f64::MIN;
    for cols in 1..=n.max(1) {
        let rows = n.div_ceil(cols);
        let nw = ((aw - (cols - 1) as f64 * NOTE_GAP) / cols as f64).min(200.0);
        let nh = ((ah - (rows - 1) as f64 * NOTE_GAP) / rows as f64).min(110.0);
        if nw <= 0.0 || nh <= 0.0 {
            continue;
        }
        let score = (nw / 1.6).min(nh);
        if score > best_score {
            best_score = score;
            best = (cols, nw, nh);
        }
    }
    best
}

/// The largest font size (11 down to 5) at which `text` fits `w` × `h`, and its lines; at
/// the smallest size the last line that fits ends in "…".
fn fit(text: &str, w: f64, h: f64) -> (f64, Vec<String>) {
    let mut size = 11.0;
    while size >= 5.0 {
        let max = (h / (size * LINE)).floor() as usize;
        if max >= 1 {
            let lines = wrap(text, w, size, usize::MAX);
            if lines.len() <= max {
                return (size, lines);
            }
        }
        size -= 0.5;
    }
    let size = 5.0;
    let max = ((h / (size * LINE)).floor() as usize).max(1);
    (size, wrap(text, w, size, max))
}

/// Wraps `text` into lines of width `w` at font `size`, at most `max` lines (the last one
/// ending in "…" when text is left over). Line breaks in the text are kept.
pub fn wrap(text: &str, w: f64, size: f64, max: usize) -> Vec<String> {
    let per_line = ((w / (size * GLYPH)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            loop {
                let used = line.chars().count();
                let room = if used == 0 {
                    per_line
                } else {
                    per_line.saturating_sub(used + 1)
                };
                if word.len() <= room {
                    if used > 0 {
                        line.push(' ');
                    }
                    line.extend(word);
                    break;
                }
                if used > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                // A word longer than a line is broken.
                let rest = word.split_off(per_line);
                lines.push(word.into_iter().collect());
                word = rest;
            }
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > max {
        lines.truncate(max.max(1));
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            chars.truncate(per_line.saturating_sub(1));
            *last = chars.into_iter().collect::<String>().trim_end().to_string() + "…";
        }
    }
    lines
}

/// The sheet as an SVG document. Every text is escaped, and characters XML cannot hold
/// are dropped, so a note can never break out of its element. `photos` gives each photo's
/// address by clip id; only `data:image/` and `blob:` addresses are written, and a photo
/// without one is left out.
pub fn to_svg(sheet: &Sheet, title: &str, photos: &BTreeMap<String, String>) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\">\n<title>{}</title>\n",
        escape(title),
        w = num(sheet.width),
        h = num(sheet.height),
    );
    for shape in &sheet.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                stroke_width,
            } => out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>\n",
                num(*x),
                num(*y),
                num(*w),
                num(*h),
                num(*stroke_width)
            )),
            Shape::Text {
                x,
                y,
                size,
                bold,
                italic,
                fill,
                lines,
            } => {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{fill}\"{}{}>",
                    num(*x),
                    num(*y),
                    num(*size),
                    if *bold { " font-weight=\"bold\"" } else { "" },
                    if *italic { " font-style=\"italic\"" } else { "" },
                ));
                for (i, line) in lines.iter().enumerate() {
                    out.push_str(&format!(
                        "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                        num(*x),
                        num(y + i as f64 * size * LINE),
                        escape(line)
                    ));
                }
                out.push_str("</text>\n");
            }
            Shape::Image { x, y, w, h, id } => {
                if let Some(href) = photos.get(id).filter(|h| is_image_href(h)) {
                    out.push_str(&format!(
                        "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"xMidYMid meet\" href=\"{}\"/>\n",
                        num(*x),
                        num(*y),
                        num(*w),
                        num(*h),
                        escape(href)
                    ));
                }
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// True for the addresses a sheet may show a photo from: the photo's own bytes or the
/// app's object URL, never another host.
pub fn is_image_href(href: &str) -> bool {
    href.starts_with("data:image/") || href.starts_with("blob:")
}

/// The baseline of line `i` of a text shape (for renderers other than `to_svg`).
pub fn line_y(y: f64, size: f64, i: usize) -> f64 {
    y + i as f64 * size * LINE
}

pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(col: u32, row: u32, notes: &[&str]) -> SheetBlock {
        SheetBlock {
            title: format!("Block {col},{row}"),
            prompt: Some("Write something here".into()),
            col,
            row,
            width: 1,
            height: 1,
            notes: notes
                .iter()
                .map(|t| SheetNote {
                    text: t.to_string(),
                    colour: NoteColour::Pink,
                    photo: None,
                })
                .collect(),
        }
    }

    fn input(blocks: Vec<SheetBlock>) -> SheetInput {
        SheetInput {
            title: "Our café".into(),
            byline: "Ida, Omar · 29. nov. 2026".into(),
            attribution: Some("Lean Canvas by Ash Maurya, CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/".into()),
            columns: 2,
            rows: 2,
            blocks,
        }
    }

    fn rects(sheet: &Sheet) -> Vec<(f64, f64, f64, f64)> {
        sheet
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn everything_stays_on_the_sheet_however_many_notes() {
        for n in [0usize, 1, 7, 60, 200] {
            let notes: Vec<String> = (0..n)
                .map(|i| format!("Note number {i} with some words"))
                .collect();
            let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
            let sheet = layout(&input(vec![
                block(1, 1, &notes),
                block(2, 1, &[]),
                block(1, 2, &["x"]),
            ]));
            for (x, y, w, h) in rects(&sheet) {
                assert!(
                    x >= 0.0 && y >= 0.0 && w > 0.0 && h > 0.0,
                    "{n}: {x},{y},{w},{h}"
                );
                assert!(
                    x + w <= WIDTH + 0.01 && y + h <= HEIGHT + 0.01,
                    "{n}: {x},{y},{w},{h}"
                );
            }
            // Every note is drawn: sheet, 3 blocks, n + 1 notes.
            assert_eq!(rects(&sheet).len(), 1 + 3 + n + 1, "{n}");
        }
    }

    #[test]
    fn notes_do_not_overlap() {
        let notes: Vec<String> = (0..13).map(|i| format!("n{i}")).collect();
        let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
        let sheet = layout(&input(vec![block(1, 1, &notes)]));
        let r = rects(&sheet)[2..].to_vec();
        for (i, a) in r.iter().enumerate() {
            for b in &r[i + 1..] {
                let apart =
                    a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_words_and_marks_what_is_cut() {
        let cases: &[(&str, f64, usize, &[&str])] = &[
            ("one two three", 50.0, 9, &["one two", "three"]),
            ("", 100.0, 9, &[""]),
            ("a\nb", 100.0, 9, &["a", "b"]),
            ("abcdefghijkl", 33.0, 9, &["abcde", "fghij", "kl"]),
            ("one two three four", 40.0, 2, &["one", "two…"]),
        ];
        for (text, w, max, want) in cases {
            assert_eq!(wrap(text, *w, 12.0, *max), *want, "{text:?}");
        }
    }

    #[test]
    fn the_svg_holds_escaped_text_and_no_markup_from_notes() {
        let sheet = layout(&input(vec![block(
            1,
            1,
            &["<script>alert(1)</script> & \u{1}\"x\""],
        )]));
        let svg = to_svg(&sheet, "T & <b>", &BTreeMap::new());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        assert!(!svg.contains("<script"));
        assert!(!svg.contains('\u{1}'));
        assert!(svg.contains("<title>T &amp; &lt;b&gt;</title>"));
        assert!(svg.contains("Lean Canvas by Ash Maurya"));
        assert!(svg.contains("Ida, Omar"));
        assert!(svg.contains("#ffd6e7"), "the note's colour");
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    fn with_photo(text: &str, id: &str) -> SheetNote {
        SheetNote {
            text: text.into(),
            colour: NoteColour::Yellow,
            photo: Some(Clip {
                id: id.into(),
                kind: "photo".into(),
                mime: "image/jpeg".into(),
                width: 1600,
                height: 1200,
                ..Clip::default()
            }),
        }
    }

    #[test]
    fn a_photo_sits_in_its_note_above_the_caption() {
        let mut b = block(1, 1, &[]);
        b.notes = vec![
            with_photo("Vores prototype af pap", "m0000000000000001"),
            with_photo("", "m0000000000000002"),
        ];
        let sheet = layout(&input(vec![b]));
        let notes: Vec<_> = rects(&sheet)[2..].to_vec();
        let images: Vec<_> = sheet
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Image { x, y, w, h, id } => Some((*x, *y, *w, *h, id.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(images.len(), 2);
        for ((x, y, w, h, _), (nx, ny, nw, nh)) in images.iter().zip(&notes) {
            assert!(*x >= *nx && *y >= *ny && x + w <= nx + nw && y + h <= ny + nh);
            assert!(
                (w / h - 4.0 / 3.0).abs() < 0.01,
                "the photo keeps its shape"
            );
        }
        // The caption is below the photo; the photo without one takes more of its note.
        let caption = sheet.shapes.iter().find_map(|s| match s {
            Shape::Text { y, lines, .. } if lines.join(" ").contains("prototype") => Some(*y),
            _ => None,
        });
        let (_, iy, _, ih, _) = &images[0];
        assert!(caption.is_some_and(|y| y > iy + ih), "{caption:?}");
        assert!(images[1].3 > images[0].3);
    }

    #[test]
    fn the_svg_carries_photos_only_from_their_own_bytes() {
        let mut b = block(1, 1, &[]);
        b.notes = vec![
            with_photo("a", "m0000000000000001"),
            with_photo("b", "m0000000000000002"),
            with_photo("c", "m0000000000000003"),
        ];
        let sheet = layout(&input(vec![b]));
        let photos = BTreeMap::from([
            (
                "m0000000000000001".to_string(),
                "data:image/jpeg;base64,AAAA".to_string(),
            ),
            (
                "m0000000000000002".to_string(),
                "https://example.com/x.jpg".to_string(),
            ),
            (
                "m0000000000000003".to_string(),
                "javascript:alert(1)\"".to_string(),
            ),
        ]);
        let svg = to_svg(&sheet, "T", &photos);
        assert_eq!(svg.matches("<image ").count(), 1, "{svg}");
        assert!(svg.contains("href=\"data:image/jpeg;base64,AAAA\""));
        assert!(!svg.contains("example.com") && !svg.contains("javascript"));
        // A photo of a kind the sheet cannot show never reaches it.
        let mut voice = with_photo("v", "m0000000000000004");
        voice.photo.as_mut().unwrap().kind = "voice".into();
        let note = Note {
            block: "b".into(),
            photo: voice.photo,
            ..Note::default()
        };
        assert_eq!(SheetNote::of(&note).photo, None);
    }

    #[test]
    fn empty_blocks_show_their_prompt() {
        let sheet = layout(&input(vec![block(1, 1, &[])]));
        let prompt = sheet.shapes.iter().any(|s| matches!(s, Shape::Text { italic: true, lines, .. } if lines.join(" ").contains("Write something")));
        assert!(prompt);
    }
}
