//! Rich text from content, built as DOM nodes from the core's Markdown tree. Never HTML:
//! a `<script>` in content is text on the screen.

use crate::core::markdown::{parse, Block, Inline};
use leptos::prelude::*;

fn inline_view(nodes: Vec<Inline>) -> AnyView {
    nodes
        .into_iter()
        .map(|node| match node {
            Inline::Text(t) => t.into_any(),
            Inline::Bold(c) => view! { <strong>{inline_view(c)}</strong> }.into_any(),
            Inline::Italic(c) => view! { <em>{inline_view(c)}</em> }.into_any(),
            Inline::Link { text, href } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{inline_view(text)}</a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

/// Renders a rich-text string.
pub fn rich_text(source: &str) -> AnyView {
    parse(source)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(p) => view! { <p>{inline_view(p)}</p> }.into_any(),
            Block::Bullets(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Numbered(items) => view! {
                <ol>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ol>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}
