//! Content loading: `lessons/index.json` at start, every other file only when a page needs
//! it. Each content file has its own signal, made once when the index loads, holding the
//! file's card summary and its load state; fetching one file updates only its own signal,
//! so a list of cards does not rebuild every card per fetch.
//!
//! List pages render cards from the index's summaries and fetch only the files that have
//! none. A fetched file always wins: if its hash differs from its summary's, the summary is
//! rebuilt from the file, and every card and filter follows.

use super::browser;
use crate::core::content::load::Loaded;
use crate::core::content::summary::{content_hash, Hashed, Summarise};
use crate::core::content::{
    load, CanvasTemplate, Challenge, ContentIndex, ContentKind, Course, Lesson, Problem,
    ProblemKind, RoleModel,
};
use crate::core::content::{Step, StepSlot};
use crate::core::progress::{Work, WorkKind, WorkRef};
use crate::core::route::Route;
use crate::core::text::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::JsValue;

pub const CONTENT_ROOT: &str = "lessons/";

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    /// The path as an author sees it, e.g. `lessons/idea-sprint.json`.
    pub file: String,
    pub problem: Problem,
}

#[derive(Debug, Clone)]
pub enum Load<T> {
    Loading,
    Ready(Arc<Loaded<T>>),
    Failed(FileError),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&Arc<Loaded<T>>> {
        match self {
            Load::Ready(l) => Some(l),
            _ => None,
        }
    }
}

/// What a list page shows for one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Card<S> {
    /// No summary yet; the file is on its way.
    Loading,
    /// The file was fetched and cannot be used.
    Broken(FileError),
    Ready(Arc<Hashed<S>>),
}

/// One content file as the app knows it.
#[derive(Debug)]
pub struct FileState<T: Summarise> {
    /// The index's summary while no fetched file contradicts it; else built from the file.
    pub summary: Option<Arc<Hashed<T::Summary>>>,
    /// `None` until a page asks for the file.
    pub load: Option<Load<T>>,
}

impl<T: Summarise> Default for FileState<T> {
    fn default() -> Self {
        FileState {
            summary: None,
            load: None,
        }
    }
}

impl<T: Summarise> FileState<T> {
    fn card(&self) -> Card<T::Summary> {
        match (&self.load, &self.summary) {
            (Some(Load::Failed(e)), _) => Card::Broken(e.clone()),
            (_, Some(summary)) => Card::Ready(summary.clone()),
            _ => Card::Loading,
        }
    }
}

type Slot<T> = ArcRwSignal<FileState<T>>;
type Slots<T> = HashMap<String, Slot<T>>;

/// The signal of every file, by kind and id.
#[derive(Default)]
pub struct Files {
    lessons: Slots<Lesson>,
    canvases: Slots<CanvasTemplate>,
    challenges: Slots<Challenge>,
    role_models: Slots<RoleModel>,
    courses: Slots<Course>,
}

impl Files {
    /// One signal per listed file, holding its summary from the index if it has a readable one.
    fn from_index(index: &ContentIndex) -> Files {
        fn slots<T: ContentFile>(files: &mut Files, index: &ContentIndex) {
            for id in index.ids(T::KIND) {
                let state = FileState::<T> {
                    summary: index.summaries.get::<T>(id.as_str()).cloned().map(Arc::new),
                    load: None,
                };
                T::slots(files).insert(id.to_string(), ArcRwSignal::new(state));
            }
        }
        let mut files = Files::default();
        slots::<Lesson>(&mut files, index);
        slots::<CanvasTemplate>(&mut files, index);
        slots::<Challenge>(&mut files, index);
        slots::<RoleModel>(&mut files, index);
        slots::<Course>(&mut files, index);
        files
    }
}

/// A kind of content file the app loads.
pub trait ContentFile: Summarise + Clone {
    fn slots(files: &mut Files) -> &mut Slots<Self>;
}

impl ContentFile for Lesson {
    fn slots(files: &mut Files) -> &mut Slots<Self> {
        &mut files.lessons
    }
}

impl ContentFile for CanvasTemplate {
    fn slots(files: &mut Files) -> &mut Slots<Self> {
        &mut files.canvases
    }
}

impl ContentFile for Challenge {
    fn slots(files: &mut Files) -> &mut Slots<Self> {
        &mut files.challenges
    }
}

impl ContentFile for RoleModel {
    fn slots(files: &mut Files) -> &mut Slots<Self> {
        &mut files.role_models
    }
}

impl ContentFile for Course {
    fn slots(files: &mut Files) -> &mut Slots<Self> {
        &mut files.courses
    }
}

#[derive(Clone, Copy)]
pub struct Content {
    pub index: RwSignal<Option<Result<Arc<ContentIndex>, FileError>>>,
    /// Not reactive itself: the map is made once; each file's signal is what views track.
    files: StoredValue<Files>,
}

/// Runs `work` in a task of its own; the promise settles when it is done.
fn spawn_settled<F: Future<Output = ()> + 'static>(work: F) -> js_sys::Promise {
    let (promise, done) = browser::promise();
    spawn_local(async move {
        work.await;
        let _ = done.call0(&JsValue::NULL);
    });
    promise
}

/// Waits until every load has settled (`begin` gives nothing for a file already on its way:
/// each file is read once).
async fn settle_all(loads: Vec<Pin<Box<dyn Future<Output = ()>>>>) {
    if loads.is_empty() {
        return;
    }
    let reads = js_sys::Array::new();
    for load in loads {
        reads.push(&spawn_settled(load));
    }
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&reads)).await;
}

pub fn file_path(kind: ContentKind, id: &str) -> String {
    format!("{CONTENT_ROOT}{}", kind.path(id))
}

/// The URL of a media file named in content; `None` for anything but a plain relative path.
pub fn media_url(path: &str) -> Option<String> {
    let safe = !path.is_empty()
        && !path.contains("..")
        && !path.contains(':')
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    safe.then(|| format!("{CONTENT_ROOT}{path}"))
}

fn unreadable(file: &str, reason: String) -> FileError {
    FileError {
        file: file.to_string(),
        problem: Problem {
            path: vec![],
            kind: ProblemKind::Unreadable(reason),
        },
    }
}

/// The content index as the app holds it: read, or why it could not be used.
pub type IndexResult = Result<Arc<ContentIndex>, FileError>;

/// How many card summaries are read in one task. Reading the whole index at once was one
/// of the longest tasks of the start on a slow Chromebook (about 250 ms at 4× slowdown
/// in Lighthouse); a few summaries per task keep each piece short.
const SUMMARIES_PER_TASK: usize = 8;

/// Reads the index's text, or says why there is none: the lists in this task, then the
/// summaries a few per task.
pub async fn read_index(text: Result<String, String>) -> IndexResult {
    let file = format!("{CONTENT_ROOT}index.json");
    let text = text.map_err(|reason| unreadable(&file, reason))?;
    let mut reading = browser::measured("spire:read-index", || {
        load::IndexReading::start(&text).map_err(|problem| FileError { file, problem })
    })?;
    drop(text);
    loop {
        browser::next_task().await;
        let done = browser::measured("spire:read-summaries", || reading.read(SUMMARIES_PER_TASK));
        if done {
            break;
        }
    }
    Ok(Arc::new(reading.finish()))
}

impl Content {
    /// With `early`, the index read before the app mounted (`app::start`), so the first
    /// render has it; without, it is fetched now.
    pub fn new(early: Option<IndexResult>) -> Content {
        let content = Content {
            index: RwSignal::new(None),
            files: StoredValue::new(Files::default()),
        };
        if let Some(result) = early {
            content.set_index(result);
            return content;
        }
        spawn_local(async move {
            let text = match browser::take_prefetched_index().await {
                Some(text) => Ok(text),
                None => browser::fetch_text(&format!("{CONTENT_ROOT}index.json")).await,
            };
            // Read, and the page drawn again from it, each in a task of its own rather
            // than in whatever task the answer arrived in.
            browser::next_task().await;
            let result = read_index(text).await;
            browser::next_task().await;
            content.set_index(result);
        });
        content
    }

    fn set_index(&self, result: IndexResult) {
        if let Ok(loaded) = &result {
            self.files.set_value(Files::from_index(loaded));
        }
        self.index.set(Some(result));
    }

    /// The index once loaded and readable.
    pub fn index(&self) -> Option<Arc<ContentIndex>> {
        self.index
            .with(|i| i.as_ref().and_then(|r| r.as_ref().ok().cloned()))
    }

    /// The signal of file `id` (tracking the index: there is none before it loads). Files
    /// the index does not list (a reference to a missing role model, saved work on a
    /// removed lesson) get one on first use, without a summary.
    fn slot<T: ContentFile>(&self, id: &str) -> Option<Slot<T>> {
        let ready = self.index.with(|i| matches!(i, Some(Ok(_))));
        if !ready {
            return None;
        }
        self.files.try_update_value(|files| {
            T::slots(files)
                .entry(id.to_string())
                .or_insert_with(|| ArcRwSignal::new(FileState::default()))
                .clone()
        })
    }

    /// Starts loading file `id` of kind `T` unless it is loaded or on its way.
    pub fn ensure<T: ContentFile>(&self, id: &str) {
        if let Some(load) = self.begin::<T>(id) {
            spawn_local(load);
        }
    }

    /// Starts loading the file of `route`'s page if boot.js asked for it with the index
    /// (lessons, challenges, lesson plans, class boards and role models): the promise settles once it is
    /// read. The start draws the page after that, so the page is drawn once, whole, rather
    /// than its top, then the rest. `read` runs once the file itself is read, before the files
    /// its steps draw from.
    pub fn load_page_file(
        &self,
        route: &Route,
        read: impl FnOnce() + 'static,
    ) -> Option<js_sys::Promise> {
        let (kind, id) = match route {
            Route::Lesson { id, .. } => (ContentKind::Lesson, id),
            Route::Challenge { id, .. } => (ContentKind::Challenge, id),
            Route::Plan { challenge, id } if *challenge => (ContentKind::Challenge, id),
            Route::Plan { id, .. } => (ContentKind::Lesson, id),
            Route::Board { lesson, .. } => (ContentKind::Lesson, lesson),
            Route::RoleModel { id } => (ContentKind::RoleModel, id),
            _ => return None,
        };
        if !browser::has_prefetched_file(&file_path(kind, id)) {
            return None;
        }
        let load = self.begin_file(kind, id)?;
        let (this, route) = (*self, route.clone());
        Some(spawn_settled(async move {
            load.await;
            read();
            this.load_needed(&route).await;
        }))
    }

    /// Reads the files the steps of `route`'s lesson or challenge draw from: the lessons and
    /// challenges their recalls name, their canvases' templates and their role models, then
    /// the templates of the canvases those recalls show. A step is then drawn whole, rather
    /// than a recall, a board or a profile filling in later and moving what is below it.
    async fn load_needed(&self, route: &Route) {
        let current = match route {
            Route::Lesson { id, .. } => WorkRef::lesson(id),
            Route::Challenge { id, .. } => WorkRef::challenge(id),
            _ => return,
        };
        let steps = untrack(|| self.work_steps(&current)).unwrap_or_default();
        let recalls: Vec<(WorkRef, String)> = steps
            .iter()
            .filter_map(StepSlot::ready)
            .filter_map(|step| {
                let recall = step.recall()?;
                let from = super::steps::recall::source(recall, &current, None);
                Some((from, recall.step.to_string()))
            })
            .collect();
        let drawn_from = steps
            .iter()
            .filter_map(StepSlot::ready)
            .filter_map(|step| self.begin_drawn_from(step));
        let sources = recalls
            .iter()
            .filter(|(from, _)| *from != current)
            .filter_map(|(from, _)| {
                let (kind, id) = from.content(None)?;
                self.begin_file(kind, &id)
            });
        settle_all(drawn_from.chain(sources).collect()).await;
        // A recalled canvas step is drawn with its template's labels: its source's file is
        // read now, so the template it names can be asked for.
        let templates = recalls.iter().filter_map(|(from, step_id)| {
            let steps = untrack(|| self.work_steps(from))?;
            let step = steps
                .iter()
                .find(|s| s.id() == Some(step_id.as_str()))?
                .ready()?;
            match step {
                Step::Canvas(c) => self.begin_file(ContentKind::Canvas, c.canvas.as_str()),
                _ => None,
            }
        });
        settle_all(templates.collect()).await;
    }

    /// The steps of a lesson or challenge once its file is loaded (tracked); `None` for
    /// other kinds of work.
    pub fn work_steps(&self, work: &WorkRef) -> Option<Vec<StepSlot>> {
        match work.kind {
            WorkKind::Lesson => self.lesson(&work.id).ready().map(|l| l.value.steps.clone()),
            WorkKind::Challenge => self
                .challenge(&work.id)
                .ready()
                .map(|c| c.value.steps().cloned().collect()),
            _ => None,
        }
    }

    /// Starts reading the file a step draws from besides its own: a canvas's template, a
    /// role model's profile. `None` if it has none, or it is read or on its way.
    fn begin_drawn_from(&self, step: &Step) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
        match step {
            Step::Canvas(c) => self.begin_file(ContentKind::Canvas, c.canvas.as_str()),
            Step::RoleModel(r) => self.begin_file(ContentKind::RoleModel, r.profile.as_str()),
            _ => None,
        }
    }

    /// [`Content::begin`] for a file named by its kind.
    fn begin_file(&self, kind: ContentKind, id: &str) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
        match kind {
            ContentKind::Lesson => self.begin_boxed::<Lesson>(id),
            ContentKind::Challenge => self.begin_boxed::<Challenge>(id),
            ContentKind::Canvas => self.begin_boxed::<CanvasTemplate>(id),
            ContentKind::RoleModel => self.begin_boxed::<RoleModel>(id),
            ContentKind::Course => self.begin_boxed::<Course>(id),
        }
    }

    fn begin_boxed<T: ContentFile>(&self, id: &str) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
        Some(Box::pin(self.begin::<T>(id)?))
    }

    /// Marks file `id` of kind `T` as on its way and gives the work that loads it; `None`
    /// if it is loaded or on its way, or there is no index yet.
    fn begin<T: ContentFile>(&self, id: &str) -> Option<impl Future<Output = ()> + 'static> {
        let index = self.index()?;
        let slot = self.slot::<T>(id)?;
        if slot.with_untracked(|f| f.load.is_some()) {
            return None;
        }
        slot.update(|f| f.load = Some(Load::Loading));
        let id = id.to_string();
        Some(async move {
            let file = file_path(T::KIND, &id);
            let text = match browser::take_prefetched_file(&file).await {
                Some(text) => Ok(text),
                None => browser::fetch_text(&file).await,
            };
            let text = match text {
                Ok(text) => text,
                Err(reason) => {
                    slot.update(|f| f.load = Some(Load::Failed(unreadable(&file, reason))));
                    return;
                }
            };
            // Read, and the page drawn from it, each in a task of its own (a lesson's
            // file is read while its header already shows).
            browser::next_task().await;
            let loaded = browser::measured("spire:read-file", || T::load(&id, &text, &index));
            browser::next_task().await;
            let drawing = browser::perf_now();
            match loaded {
                Ok(loaded) => {
                    let hash = content_hash(text.as_bytes());
                    slot.update(|f| {
                        // The file wins over a summary made from another version of it.
                        if f.summary.as_ref().is_none_or(|s| s.hash != hash) {
                            f.summary = Some(Arc::new(Hashed {
                                hash,
                                summary: loaded.value.summarise(),
                            }));
                        }
                        f.load = Some(Load::Ready(Arc::new(loaded)));
                    });
                }
                Err(problem) => {
                    slot.update(|f| f.load = Some(Load::Failed(FileError { file, problem })))
                }
            }
            leptos::task::tick().await;
            browser::perf_measure("spire:draw-file", drawing);
        })
    }

    /// Starts loading every listed file of kind `T` that has no summary to show (list
    /// pages): a file the index does not summarise is fetched, never hidden.
    pub fn ensure_unsummarised<T: ContentFile>(&self) {
        for id in self.ids(T::KIND) {
            let missing = self
                .slot::<T>(&id)
                .is_some_and(|s| s.with_untracked(|f| f.summary.is_none()));
            if missing {
                self.ensure::<T>(&id);
            }
        }
    }

    /// What a list page shows for file `id` (tracks that file only).
    pub fn card<T: ContentFile>(&self, id: &str) -> Card<T::Summary> {
        self.slot::<T>(id)
            .map(|s| s.with(FileState::card))
            .unwrap_or(Card::Loading)
    }

    /// The card of file `id` while the file itself is still on its way (`load` is its state):
    /// what a page shows as its top meanwhile, as the frame in index.html did before the
    /// app, so nothing flickers. `None` once the file is loaded or failed, or without a card.
    pub fn card_while_loading<T: ContentFile>(
        &self,
        id: &str,
        load: &Load<T>,
    ) -> Option<Arc<Hashed<T::Summary>>> {
        if !matches!(load, Load::Loading) {
            return None;
        }
        match self.card::<T>(id) {
            Card::Ready(card) => Some(card),
            _ => None,
        }
    }

    /// The loaded file `id` (tracks that file only); `Loading` until it is fetched.
    pub fn file<T: ContentFile>(&self, id: &str) -> Load<T> {
        self.slot::<T>(id)
            .and_then(|s| s.with(|f| f.load.clone()))
            .unwrap_or(Load::Loading)
    }

    /// True once something has asked for file `id` (tracked).
    pub fn requested<T: ContentFile>(&self, id: &str) -> bool {
        self.slot::<T>(id)
            .is_some_and(|s| s.with(|f| f.load.is_some()))
    }

    /// Starts loading a lesson if needed; read it with `lesson`.
    pub fn ensure_lesson(&self, id: &str) {
        self.ensure::<Lesson>(id);
    }

    pub fn ensure_challenge(&self, id: &str) {
        self.ensure::<Challenge>(id);
    }

    pub fn ensure_canvas(&self, id: &str) {
        self.ensure::<CanvasTemplate>(id);
    }

    pub fn ensure_role_model(&self, id: &str) {
        self.ensure::<RoleModel>(id);
    }

    /// The ids the index lists for `kind` (tracked; empty until the index is loaded).
    pub fn ids(&self, kind: ContentKind) -> Vec<String> {
        self.index()
            .map(|i| i.ids(kind).iter().map(|id| id.to_string()).collect())
            .unwrap_or_default()
    }

    /// The ids of kind `T` whose summary passes `keep`, in the index's order (tracked). A
    /// file without a summary yet (on its way, or broken) is kept if `unknown`: a list page
    /// shows it rather than hide it for lack of data; a picker leaves it out.
    pub fn ids_where<T: ContentFile>(
        &self,
        unknown: bool,
        keep: impl Fn(&T::Summary) -> bool,
    ) -> Vec<String> {
        self.ids(T::KIND)
            .into_iter()
            .filter(|id| match self.card::<T>(id) {
                Card::Ready(s) => keep(&s.summary),
                _ => unknown,
            })
            .collect()
    }

    pub fn lesson(&self, id: &str) -> Load<Lesson> {
        self.file(id)
    }

    pub fn challenge(&self, id: &str) -> Load<Challenge> {
        self.file(id)
    }

    pub fn canvas(&self, id: &str) -> Load<CanvasTemplate> {
        self.file(id)
    }

    pub fn role_model(&self, id: &str) -> Load<RoleModel> {
        self.file(id)
    }
}

impl Content {
    /// Starts loading the content file a piece of saved work follows (`saved`: the work as
    /// stored, which names the template of a free-standing canvas or the challenge of a
    /// team project).
    pub fn ensure_work_file(&self, work: &WorkRef, saved: Option<&Work>) {
        if let Some(load) = work
            .content(saved)
            .and_then(|(kind, id)| self.begin_file(kind, &id))
        {
            spawn_local(load);
        }
    }

    /// The title of a piece of work (tracked): the name the pupil gave it, else the title of
    /// the content it follows, once loaded; `None` also for work that follows no content
    /// file (a visitor carries its own name).
    pub fn work_title(&self, work: &WorkRef, saved: Option<&Work>) -> Option<Text> {
        if let Some(name) = work.own_name(saved) {
            return Some(Text::plain(name));
        }
        match work.content(saved)? {
            (ContentKind::Lesson, id) => self.lesson(&id).ready().map(|l| l.value.title.clone()),
            (ContentKind::Challenge, id) => {
                self.challenge(&id).ready().map(|c| c.value.title.clone())
            }
            (ContentKind::Canvas, id) => self.canvas(&id).ready().map(|c| c.value.title.clone()),
            (ContentKind::RoleModel, id) => self
                .role_model(&id)
                .ready()
                .map(|r| Text::plain(&r.value.name)),
            (ContentKind::Course, id) => self
                .file::<Course>(&id)
                .ready()
                .map(|c| c.value.title.clone()),
        }
    }

    /// The title of a lesson or challenge from its card summary (no file needed; tracked).
    pub fn item_title(&self, item: &WorkRef) -> Option<Text> {
        match item.kind {
            WorkKind::Lesson => match self.card::<Lesson>(&item.id) {
                Card::Ready(s) => Some(s.summary.title.clone()),
                _ => None,
            },
            WorkKind::Challenge => match self.card::<Challenge>(&item.id) {
                Card::Ready(s) => Some(s.summary.title.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// How many tasks (steps that take an answer) a lesson or challenge has: a lesson's from
    /// its summary, a challenge's once its file is loaded (tracked).
    pub fn item_tasks(&self, item: &WorkRef) -> Option<usize> {
        match item.kind {
            WorkKind::Lesson => match self.card::<Lesson>(&item.id) {
                Card::Ready(s) => Some(s.summary.tasks),
                _ => None,
            },
            WorkKind::Challenge => self.challenge(&item.id).ready().map(|c| {
                c.value
                    .steps()
                    .filter(|s| s.ready().is_some_and(|s| !matches!(s, Step::Read(_))))
                    .count()
            }),
            _ => None,
        }
    }

    /// The steps of a lesson or challenge once its file is loaded (tracked).
    pub fn item_steps(&self, item: &WorkRef) -> Option<Vec<Step>> {
        let slots: Vec<StepSlot> = match item.kind {
            WorkKind::Lesson => self.lesson(&item.id).ready()?.value.steps.clone(),
            WorkKind::Challenge => self
                .challenge(&item.id)
                .ready()?
                .value
                .steps()
                .cloned()
                .collect(),
            _ => return None,
        };
        Some(slots.iter().filter_map(StepSlot::ready).cloned().collect())
    }
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}
