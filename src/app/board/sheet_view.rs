//! The board on paper and as files: the print sheet (the core's one-page layout drawn as
//! SVG elements, shown only in print), SVG and PNG images of the same layout, and the
//! canvas as a file to move to another device. The sheet is built only while printing, so
//! typing never pays for it.

use super::BoardCtx;
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::store::{use_store, APP_VERSION};
use crate::core::board::file::CanvasFile;
use crate::core::board::sheet::{self, layout, line_y, num, Shape, SheetInput};
use crate::core::i18n::Key;
use leptos::prelude::*;

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
        let t = title.get_untracked();
        let sheet = layout(&sheet_input(board, &t, &byline.get_untracked()));
        let text = sheet::to_svg(&sheet, &t);
        browser::download(
            &format!("{}.svg", file_stem(board, &t)),
            "image/svg+xml",
            &text,
        );
    };
    let png = move |_| {
        let t = title.get_untracked();
        let sheet = layout(&sheet_input(board, &t, &byline.get_untracked()));
        let text = sheet::to_svg(&sheet, &t);
        browser::download_svg_as_png(
            &text,
            sheet.width,
            sheet.height,
            2.0,
            &format!("{}.png", file_stem(board, &t)),
        );
    };
    let export = move |_| {
        let (work, step) = (board.work.get_value(), board.step.get_value());
        let template = board.template.with_value(|t| t.id.to_string());
        let now = browser::now();
        let text = store.with(|p| {
            CanvasFile::of(&work, &step, &template, p.work(&work)).to_json(now, APP_VERSION)
        });
        browser::download(
            &format!("{}.json", file_stem(board, &title.get_untracked())),
            "application/json",
            &text,
        );
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
            view! {
                <div class="print-sheet" aria-hidden="true">
                    <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box font-family=sheet::FONT
                        preserveAspectRatio="xMidYMin meet">
                        {sheet.shapes.into_iter().map(shape_view).collect_view()}
                    </svg>
                </div>
            }
        })
    }
}

fn shape_view(shape: Shape) -> AnyView {
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
    }
}
