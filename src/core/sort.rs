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
use std::collections::{BTreeMap, BTreeSet};

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

/// Collects `items` into a set by inserting them one by one. `collect()` into a
/// `BTreeSet` sorts a vector first with std's stable sort — a copy of it per element type.
pub fn to_set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// Collects `items` into a map by inserting them one by one, the last value of a key
/// winning as with `collect()` (which sorts first, a copy of std's sort per entry type).
pub fn to_map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in items {
        map.insert(key, value);
    }
    map
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
            std.sort_by_key(|a| a.0);
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

    proptest! {
        #[test]
        fn sets_and_maps_collect_as_collect_does(list in proptest::collection::vec((0u8..8, any::<u16>()), 0..40)) {
            prop_assert_eq!(to_set(list.iter().copied()), list.iter().copied().collect::<BTreeSet<_>>());
            prop_assert_eq!(to_map(list.iter().copied()), list.iter().copied().collect::<BTreeMap<_, _>>());
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
