//! The sketch pad, the camera and the voice recorder: their code is in the tools part (with
//! the canvas board), which the browser fetches the first time one is shown (few steps use
//! them). Meanwhile a loading line; if it cannot be fetched, a message with a way to try
//! again.

use super::media::{PhotoTakerNow, SketchPadNow, VoiceRecorderNow};
use crate::app::feature_cost::unless_left_out;
use crate::app::fetched::fetched_tool;
use crate::app::widgets::PartNotFetched;
use crate::core::i18n::Key;
use crate::core::progress::WorkRef;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Which tool, with its settings.
#[derive(Clone)]
enum Tool {
    Sketch { background: Option<String> },
    Photo { max: u32 },
    Voice { max_seconds: u32 },
}

/// What a tool is drawn from, handed to the part.
#[derive(Clone)]
struct CaptureArgs {
    work: WorkRef,
    step: String,
    tool: Tool,
}

#[component]
pub fn SketchPad(work: WorkRef, step: String, background: Option<String>) -> impl IntoView {
    capture(CaptureArgs {
        work,
        step,
        tool: Tool::Sketch { background },
    })
}

#[component]
pub fn PhotoTaker(work: WorkRef, step: String, max: u32) -> impl IntoView {
    capture(CaptureArgs {
        work,
        step,
        tool: Tool::Photo { max },
    })
}

#[component]
pub fn VoiceRecorder(work: WorkRef, step: String, max_seconds: u32) -> impl IntoView {
    capture(CaptureArgs {
        work,
        step,
        tool: Tool::Voice { max_seconds },
    })
}

fn capture(args: CaptureArgs) -> impl IntoView {
    fetched_tool(
        preload_capture,
        move || capture_part(args.clone()),
        |retry| view! { <PartNotFetched message=Key::CaptureNotFetched retry=retry/> }.into_any(),
    )
}

// Split off into the tools part by the build (with the board); `fallible` turns a failed
// fetch into an error instead of stopping the app.
#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_capture))]
fn capture_part(args: CaptureArgs) -> Result<AnyView, SplitLoaderError> {
    let CaptureArgs { work, step, tool } = args;
    // The part's own function stays in the module when nothing calls it, so a build that
    // measures the app without these steps (app::feature_cost) leaves the tools out here too.
    let left_out = cfg!(feature = "measure-without-media");
    Ok(unless_left_out(left_out, || match tool {
        Tool::Sketch { background } => {
            view! { <SketchPadNow work=work step=step background=background/> }.into_any()
        }
        Tool::Photo { max } => view! { <PhotoTakerNow work=work step=step max=max/> }.into_any(),
        Tool::Voice { max_seconds } => {
            view! { <VoiceRecorderNow work=work step=step max_seconds=max_seconds/> }.into_any()
        }
    }))
}
