//! Content loading: `lessons/index.json` at start, every other file only when a page needs
//! it. Each file's outcome is kept per id, so one broken file never hides the others.

use super::browser;
use crate::core::content::load::{self, Loaded};
use crate::core::content::{
    CanvasTemplate, Challenge, ContentIndex, ContentKind, Lesson, Problem, ProblemKind, RoleModel,
};
use crate::core::progress::WorkRef;
use crate::core::text::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;

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

type Files<T> = RwSignal<HashMap<String, Load<T>>>;

#[derive(Clone, Copy)]
pub struct Content {
    pub index: RwSignal<Option<Result<Arc<ContentIndex>, FileError>>>,
    lessons: Files<Lesson>,
    canvases: Files<CanvasTemplate>,
    challenges: Files<Challenge>,
    role_models: Files<RoleModel>,
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

impl Content {
    pub fn new() -> Content {
        let content = Content {
            index: RwSignal::new(None),
            lessons: RwSignal::new(HashMap::new()),
            canvases: RwSignal::new(HashMap::new()),
            challenges: RwSignal::new(HashMap::new()),
            role_models: RwSignal::new(HashMap::new()),
        };
        let index = content.index;
        spawn_local(async move {
            let file = format!("{CONTENT_ROOT}index.json");
            let result = match browser::fetch_text(&file).await {
                Ok(text) => load::parse_index(&text)
                    .map(Arc::new)
                    .map_err(|problem| FileError { file, problem }),
                Err(reason) => Err(unreadable(&file, reason)),
            };
            index.set(Some(result));
        });
        content
    }

    /// The index once loaded and readable.
    pub fn index(&self) -> Option<Arc<ContentIndex>> {
        self.index
            .with(|i| i.as_ref().and_then(|r| r.as_ref().ok().cloned()))
    }

    fn ensure<T: Send + Sync + 'static>(
        &self,
        files: Files<T>,
        kind: ContentKind,
        id: &str,
        parse: fn(&str, &str, &ContentIndex) -> Result<Loaded<T>, Problem>,
    ) {
        let Some(index) = self.index() else { return };
        if files.with_untracked(|f| f.contains_key(id)) {
            return;
        }
        files.update(|f| {
            f.insert(id.to_string(), Load::Loading);
        });
        let id = id.to_string();
        spawn_local(async move {
            let file = file_path(kind, &id);
            let outcome = match browser::fetch_text(&file).await {
                Ok(text) => match parse(&id, &text, &index) {
                    Ok(loaded) => Load::Ready(Arc::new(loaded)),
                    Err(problem) => Load::Failed(FileError { file, problem }),
                },
                Err(reason) => Load::Failed(unreadable(&file, reason)),
            };
            files.update(|f| {
                f.insert(id, outcome);
            });
        });
    }

    /// Starts loading a lesson if needed; read it with `lesson`.
    pub fn ensure_lesson(&self, id: &str) {
        self.ensure(self.lessons, ContentKind::Lesson, id, load::load_lesson);
    }

    pub fn ensure_challenge(&self, id: &str) {
        self.ensure(
            self.challenges,
            ContentKind::Challenge,
            id,
            load::load_challenge,
        );
    }

    pub fn ensure_canvas(&self, id: &str) {
        self.ensure(self.canvases, ContentKind::Canvas, id, |id, text, _| {
            load::load_canvas(id, text)
        });
    }

    pub fn ensure_role_model(&self, id: &str) {
        self.ensure(
            self.role_models,
            ContentKind::RoleModel,
            id,
            |id, text, _| load::load_role_model(id, text),
        );
    }

    /// The ids the index lists for `kind` (tracked; empty until the index is loaded).
    pub fn ids(&self, kind: ContentKind) -> Vec<String> {
        self.index()
            .map(|i| i.ids(kind).iter().map(|id| id.to_string()).collect())
            .unwrap_or_default()
    }

    /// Starts loading every file of `kind` the index lists (for list pages).
    pub fn ensure_all(&self, kind: ContentKind) {
        for id in self.ids(kind) {
            match kind {
                ContentKind::Lesson => self.ensure_lesson(&id),
                ContentKind::Canvas => self.ensure_canvas(&id),
                ContentKind::Challenge => self.ensure_challenge(&id),
                ContentKind::RoleModel => self.ensure_role_model(&id),
            }
        }
    }

    pub fn lesson(&self, id: &str) -> Load<Lesson> {
        self.lessons
            .with(|f| f.get(id).cloned())
            .unwrap_or(Load::Loading)
    }

    pub fn challenge(&self, id: &str) -> Load<Challenge> {
        self.challenges
            .with(|f| f.get(id).cloned())
            .unwrap_or(Load::Loading)
    }

    pub fn canvas(&self, id: &str) -> Load<CanvasTemplate> {
        self.canvases
            .with(|f| f.get(id).cloned())
            .unwrap_or(Load::Loading)
    }

    pub fn role_model(&self, id: &str) -> Load<RoleModel> {
        self.role_models
            .with(|f| f.get(id).cloned())
            .unwrap_or(Load::Loading)
    }
}

impl Content {
    /// Starts loading the content file a piece of saved work follows.
    pub fn ensure_work_file(&self, work: &WorkRef) {
        match work.content() {
            (ContentKind::Lesson, id) => self.ensure_lesson(id),
            (ContentKind::Challenge, id) => self.ensure_challenge(id),
            (ContentKind::Canvas, id) => self.ensure_canvas(id),
            (ContentKind::RoleModel, id) => self.ensure_role_model(id),
        }
    }

    /// The title of the content a piece of work follows, once loaded (tracked).
    pub fn work_title(&self, work: &WorkRef) -> Option<Text> {
        match work.content() {
            (ContentKind::Lesson, id) => self.lesson(id).ready().map(|l| l.value.title.clone()),
            (ContentKind::Challenge, id) => {
                self.challenge(id).ready().map(|c| c.value.title.clone())
            }
            (ContentKind::Canvas, id) => self.canvas(id).ready().map(|c| c.value.title.clone()),
            (ContentKind::RoleModel, id) => self
                .role_model(id)
                .ready()
                .map(|r| Text::plain(&r.value.name)),
        }
    }
}

impl Default for Content {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}
