//! Where files and pasted codes come in: a drop zone with a file picker, a field for codes
//! and the button that reads them. The teacher's hand-ins and the organiser's founder
//! profiles both arrive this way; the page says what a file or a code is.

use crate::app::browser;
use crate::app::i18n::tr;
use crate::core::i18n::Key;
use leptos::prelude::*;

/// The texts of one import panel.
#[derive(Clone, Copy)]
pub struct ImportTexts {
    pub title: Key,
    pub intro: Key,
    pub paste: Key,
    pub import_codes: Key,
}

/// Ids are `{prefix}-import-title`, `{prefix}-drop`, `{prefix}-files`, `{prefix}-codes` and
/// `{prefix}-import-codes`. `children` go at the end of the section (a page's own notes).
#[component]
pub fn ImportPanel(
    prefix: &'static str,
    texts: ImportTexts,
    busy: RwSignal<bool>,
    codes: RwSignal<String>,
    on_files: Callback<web_sys::FileList>,
    on_codes: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            on_files.run(files);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            on_files.run(files);
        }
    };
    let id = |part: &str| format!("{prefix}-{part}");
    view! {
        <section class="import no-print" aria-labelledby=id("import-title")>
            <h2 id=id("import-title")>{tr(texts.title)}</h2>
            <p>{tr(texts.intro)}</p>
            <div id=id("drop") class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for=id("files") class="button">{tr(Key::ChooseFiles)}</label>
                <input id=id("files") class="visually-hidden-input" type="file" multiple accept=".json,application/json" on:change=on_pick/>
                <span class="muted">{tr(Key::DropFilesHere)}</span>
            </div>
            <div class="field field-wide">
                <label for=id("codes")>{tr(texts.paste)}</label>
                <textarea id=id("codes") rows="3" prop:value=move || codes.get()
                    on:input=move |ev| codes.set(event_target_value(&ev))></textarea>
            </div>
            <p class="actions">
                <button type="button" id=id("import-codes") on:click=move |_| on_codes.run(())
                    disabled=move || codes.get().trim().is_empty()>{tr(texts.import_codes)}</button>
                {move || busy.get().then(|| view! { <span class="muted" role="status">{tr(Key::Loading)}</span> })}
            </p>
            {children.map(|c| c())}
        </section>
    }
}

/// What can go wrong with a pasted code before its own reader sees it.
pub enum CodeFault {
    /// Text was pasted, but no code could be found in it.
    Damaged,
    /// The code's bytes do not inflate (within the size limit).
    CannotInflate,
}

/// Reads pasted codes: each is unpacked (`unpack`: the checksummed code to deflated bytes),
/// inflated to at most `max` bytes and read (`read`). Each result is named by
/// `label` ("Kode {n}"); text with no code in it at all is one damaged code.
pub async fn read_codes<T, E>(
    text: &str,
    found: Vec<String>,
    label: &str,
    max: usize,
    unpack: impl Fn(&str) -> Result<Vec<u8>, E>,
    read: impl Fn(&[u8]) -> Result<T, E>,
    fault: impl Fn(CodeFault) -> E,
) -> Vec<(String, Result<T, E>)> {
    let mut incoming = Vec::new();
    if found.is_empty() && !text.trim().is_empty() {
        incoming.push((label.replace("{n}", "1"), Err(fault(CodeFault::Damaged))));
    }
    for (n, code) in found.iter().enumerate() {
        let source = label.replace("{n}", &(n + 1).to_string());
        let result = match unpack(code) {
            Ok(deflated) => match browser::inflate_raw(&deflated, max).await {
                Ok(bytes) => read(&bytes),
                Err(_) => Err(fault(CodeFault::CannotInflate)),
            },
            Err(e) => Err(e),
        };
        incoming.push((source, result));
    }
    incoming
}
