//! Teaching with Spire, no server: assignments that travel as links, hand-ins as files or
//! codes, the class overview, lesson plans and the class board.

pub mod assignment;
pub mod board;
pub mod class;
pub mod codec;
pub mod csv;
pub mod date;
pub mod handin;
pub mod plan;
pub mod qr;

use std::cmp::Ordering;

/// Sorts a short list (a class's hand-ins, a teacher's assignments, a board's ideas),
/// stably. Insertion sort on purpose: std's stable sort compiles to ~10 KB of WebAssembly
/// for each element type sorted, and these lists hold tens of entries.
pub fn sort_small_by<T>(list: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && cmp(&list[j - 1], &list[j]) == Ordering::Greater {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_std_stable_sort(list in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = list.clone();
            let mut std = list;
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
