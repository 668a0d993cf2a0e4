//! The current language for views, and UI strings looked up in it.

use super::store::Store;
use crate::core::i18n::{fill, t, Key};
use crate::core::text::{Lang, Text};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct I18n {
    lang: Memo<Lang>,
}

impl I18n {
    pub fn new(store: Store) -> I18n {
        I18n {
            lang: Memo::new(move |_| store.lang()),
        }
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// A UI string in the current language (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        t(self.lang.get(), key)
    }

    /// A UI string that follows the language, for views: `{i18n.tr(Key::Saved)}`. Every
    /// use is the same closure type (as with [`tr`]), where each `move || i18n.t(key)` is a
    /// type of its own with its own copy of the rendering code (262 of them were 26 KB
    /// of the wasm, 4 KB gzip).
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// A UI string with `{name}` placeholders filled.
    pub fn f(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// A content text that follows the language, for views: `{i18n.text_of(title)}`, one
    /// closure type for every use (see [`I18n::tr`]).
    pub fn text_of(self, text: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        move || self.text(&text)
    }

    /// A content text in the current language.
    pub fn text(&self, text: &Text) -> String {
        text.get(self.lang.get()).to_string()
    }
}

/// A UI string that follows the language, for views: `{tr(Key::Saved)}`. Every use is the
/// same closure type, so the rendering code is compiled once rather than once per string
/// (each `move || i18n.t(key)` is a type of its own, and it adds up in the download).
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_i18n().tr(key)
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
