//! The board on paper and as files: the print sheet (the core's one-page layout drawn as
//! SVG elements, shown only in print), SVG and PNG images of the same layout, and the
//! canvas as a file to move to another device. The sheet is built only while printing, so
//! typing never pays for it. Photos on notes go into the images as `data:` URIs (an image
//! file must stand alone) and into the canvas file as its `media`; the print sheet uses the
//! object URLs the board has already loaded.

use super::BoardCtx;
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::media_io;
use crate::app::store::{use_store, APP_VERSION};
use crate::core::board::file::CanvasFile;
use crate::core::board::sheet::{self, layout, line_y, num, Shape, SheetInput};
use crate::core::i18n::Key;
use crate::core::media::clip::data_uri;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// The sheet's photos as `data:` URIs, read from the media database.
async fn photo_data(sheet: &sheet::Sheet) -> BTreeMap<String, String> {
    let ids = sheet.shapes.iter().filter_map(|s| match s {
        Shape::Image { id, .. } => Some(id.clone()),
        _ => None,
    });
    media_io::read_all(ids)
        .await
        .into_iter()
        .map(|b| (b.id, data_uri(&b.mime, &b.bytes)))
        .collect()
}

/// The sheet as SVG text with its photos, and its size.
async fn sheet_svg(board: BoardCtx, title: &str, byline: &str) -> (String, f64, f64) {
    let sheet = layout(&sheet_input(board, title, byline));
    let photos = photo_data(&sheet).await;
    (
        sheet::to_svg(&sheet, title, &photos),
        sheet.width,
        sheet.height,
    )
}

fn sheet_input(board: BoardCtx, title: &str, byline: &str) -> SheetInput {
    let lang = board.i18n.lang();
    board
        .template
        .with_value(|t| board.with_notes(|n| SheetInput::of(t, n, lang, title, byline)))
}

fn file_stem(board: BoardCtx, title: &str) -> String {
    let name = if title.trim().is_empty() {
        board.template.with_value(|t| t.id.to_string())
    } else {
        title.to_string()
    };
    CanvasFile::file_name(&name)
}

#[component]
pub fn ExportButtons(
    board: BoardCtx,
    title: Signal<String>,
    byline: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let print = move |_| {
        board.printing.set(true);
        // Print once the sheet is in the page.
        browser::after_render(browser::print);
    };
    let svg = move |_| {
        let (t, b) = (title.get_untracked(), byline.get_untracked());
        let name = format!("{}.svg", file_stem(board, &t));
        spawn_local(async move {
            let (text, _, _) = sheet_svg(board, &t, &b).await;
            browser::download(&name, "image/svg+xml", &text);
        });
    };
    let png = move |_| {
        let (t, b) = (title.get_untracked(), byline.get_untracked());
        let name = format!("{}.png", file_stem(board, &t));
        spawn_local(async move {
            let (text, w, h) = sheet_svg(board, &t, &b).await;
            browser::download_svg_as_png(&text, w, h, 2.0, &name);
        });
    };
    let export = move |_| {
        let (work, step) = (board.work.get_value(), board.step.get_value());
        let template = board.template.with_value(|t| t.id.to_string());
        let file = store.with(|p| CanvasFile::of(&work, &step, &template, p.work(&work)));
        let name = format!("{}.json", file_stem(board, &title.get_untracked()));
        spawn_local(async move {
            let media = media_io::read_all(file.photo_ids()).await;
            let text = file.to_json(browser::now(), APP_VERSION, &media);
            browser::download(&name, "application/json", &text);
        });
    };
    view! {
        <button type="button" class="board-print" on:click=print>{i18n.tr(Key::Print)}</button>
        <button type="button" class="board-svg" on:click=svg>{i18n.tr(Key::ExportSvg)}</button>
        <button type="button" class="board-png" on:click=png>{i18n.tr(Key::ExportPng)}</button>
        <button type="button" class="board-export" on:click=export>{i18n.tr(Key::ExportCanvasFile)}</button>
    }
}

/// The sheet that prints: title, names and date, the blocks with their notes, and the
/// template's attribution, scaled to one A4 landscape page by the print stylesheet.
#[component]
pub fn PrintSheet(board: BoardCtx, title: Signal<String>, byline: Signal<String>) -> impl IntoView {
    move || {
        board.printing.get().then(|| {
            let sheet = layout(&sheet_input(
                board,
                &title.get_untracked(),
                &byline.get_untracked(),
            ));
            let view_box = format!("0 0 {} {}", num(sheet.width), num(sheet.height));
            let photos = board.photo_urls();
            view! {
                <div class="print-sheet" aria-hidden="true">
                    <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box font-family=sheet::FONT
                        preserveAspectRatio="xMidYMin meet">
                        {sheet.shapes.into_iter().map(|s| shape_view(s, &photos)).collect_view()}
                    </svg>
                </div>
            }
        })
    }
}

fn shape_view(shape: Shape, photos: &BTreeMap<String, String>) -> AnyView {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
            stroke_width,
        } => view! {
            <rect x=num(x) y=num(y) width=num(w) height=num(h) rx="3" fill=fill stroke=stroke
                stroke-width=num(stroke_width)/>
        }
        .into_any(),
        Shape::Text {
            x,
            y,
            size,
            bold,
            italic,
            fill,
            lines,
        } => view! {
            <text x=num(x) y=num(y) font-size=num(size) fill=fill
                font-weight=if bold { "bold" } else { "normal" }
                font-style=if italic { "italic" } else { "normal" }>
                {lines.into_iter().enumerate().map(|(i, line)| view! {
                    <tspan x=num(x) y=num(line_y(y, size, i))>{line}</tspan>
                }).collect_view()}
            </text>
        }
        .into_any(),
        Shape::Image { x, y, w, h, id } => match photos.get(&id) {
            Some(href) => view! {
                <image x=num(x) y=num(y) width=num(w) height=num(h)
                    preserveAspectRatio="xMidYMid meet" href=href.clone()/>
            }
            .into_any(),
            None => ().into_any(),
        },
    }
}
