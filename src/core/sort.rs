//! Stable sorting through one instantiation of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element type and the comparison, so every list type
//! sorted with it got its own copy of std's quicksort, drift sort and small sorts — several
//! KB of WebAssembly each, some 25 copies. Here the standard sort runs once, on the
//! positions of the elements with a `dyn` comparison, and the list is then put in that
//! order by swaps: a few lines per element type instead. Same result as `sort_by`
//! (stable, O(n log n)); for the short lists where insertion is enough see
//! [`crate::core::teacher::sort_small_by`].

use std::cmp::Ordering;

/// Sorts `list` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(list: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(list.len(), &mut |a, b| cmp(&list[a], &list[b]));
    permute(list, order);
}

/// Sorts `list` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(list: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(list, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `list` stably in its natural order, like `slice::sort`.
pub fn sort<T: Ord>(list: &mut [T]) {
    sort_by(list, T::cmp);
}

/// The positions `0..len` in the order `cmp` puts them, ties in their original order.
/// Not generic: the one place the standard sort is instantiated.
#[inline(never)]
fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts `list` in the order `order` gives (`list[i]` becomes the old `list[order[i]]`),
/// following each cycle of the permutation with swaps.
fn permute<T>(list: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..list.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            list.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_std_stable_sort(list in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = list.clone();
            let mut std = list.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &std);

            let mut ours = list.clone();
            let mut std = list.clone();
            sort_by_key(&mut ours, |a| std::cmp::Reverse(a.0));
            std.sort_by_key(|a| std::cmp::Reverse(a.0));
            prop_assert_eq!(&ours, &std);

            let mut ours = list.clone();
            let mut std = list;
            sort(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn empty_and_single_lists() {
        let mut empty: Vec<String> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["a".to_string()];
        sort(&mut one);
        assert_eq!(one, ["a"]);
    }
}
