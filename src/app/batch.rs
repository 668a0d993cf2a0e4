//! Long lists drawn a batch per task: the first items show at once, and a pupil can scroll
//! and type while the rest arrive, instead of the page blocking until every card is built.

use leptos::prelude::*;
use std::time::Duration;

/// How many cards are drawn in one task. With 8, Lighthouse's 4× slowdown made each batch
/// a long task (total blocking time 1,136 ms on the catalogue); with 4, 794 ms.
pub const CARDS_PER_TASK: usize = 4;

/// The first items of `items`, `per_task` more in each following task until all are
/// drawn. Once grown, the count stays: a changed list (a filter) is drawn whole at once,
/// as it is no longer the page's first paint.
pub fn batched<T>(items: Memo<Vec<T>>, per_task: usize) -> Signal<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let drawn = RwSignal::new(per_task);
    Effect::new(move |_| {
        if drawn.get() < items.with(Vec::len) {
            set_timeout(
                move || {
                    drawn.try_update(|n| *n += per_task);
                },
                Duration::ZERO,
            );
        }
    });
    Signal::derive(move || {
        let n = drawn.get();
        items.with(|all| all.iter().take(n).cloned().collect())
    })
}
