//! Where two texts differ, found from both ends.

use std::ops::Range;

use crate::load::plan_reader::count_newlines;

/// Where two texts differ.
pub(super) struct Change {
    /// The first byte that differs.
    pub start: usize,
    /// Where the unchanged rest starts in the old text.
    pub old_end: usize,
    /// How much longer the new text is.
    pub delta: isize,
}

impl Change {
    pub fn between(old: &str, new: &str) -> Option<Change> {
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(old, new);
        if prefix == old.len() && prefix == new.len() {
            return None;
        }
        let room = old.len().min(new.len()) - prefix;
        let suffix = common_suffix(&old[old.len() - room..], &new[new.len() - room..]);
        Some(Change {
            start: prefix,
            old_end: old.len() - suffix,
            delta: new.len() as isize - old.len() as isize,
        })
    }

    /// Whether the change lies inside `range` and after its first byte (the
    /// `[` of the header that starts it).
    pub fn within(&self, range: &Range<usize>) -> bool {
        self.start > range.start && self.old_end <= range.end
    }
}

pub(super) fn shift(value: usize, delta: isize) -> usize {
    value.saturating_add_signed(delta)
}

pub(super) fn line_delta(old: &str, new: &str) -> isize {
    let count = |text: &str| count_newlines(text.as_bytes()) as isize;
    count(new) - count(old)
}

/// Compared a block at a time: slices' `==` is a `memcmp`.
const BLOCK: usize = 4096;

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= len && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..len]
        .iter()
        .zip(&b[at..len])
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let (a, b) = (&a[a.len() - len..], &b[b.len() - len..]);
    let mut at = len;
    while at >= BLOCK && a[at - BLOCK..at] == b[at - BLOCK..at] {
        at -= BLOCK;
    }
    len - at
        + a[..at]
            .iter()
            .rev()
            .zip(b[..at].iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Across block boundaries: the change found is the smallest one,
        /// and putting it back turns the old text into the new.
        #[test]
        fn finds_the_smallest_change(
            base in prop::collection::vec(0u8..3, 0..10_000),
            at in any::<prop::sample::Index>(),
            cut in 0usize..50,
            put in prop::collection::vec(0u8..3, 0..50),
        ) {
            let old: String = base.iter().map(|b| char::from(b'a' + b)).collect();
            let from = at.index(old.len() + 1);
            let to = (from + cut).min(old.len());
            let put: String = put.iter().map(|b| char::from(b'a' + b)).collect();
            let new = format!("{}{put}{}", &old[..from], &old[to..]);
            match Change::between(&old, &new) {
                None => prop_assert_eq!(&old, &new),
                Some(change) => {
                    let new_end = shift(change.old_end, change.delta);
                    prop_assert!(change.old_end >= change.start);
                    let rebuilt = format!(
                        "{}{}{}",
                        &old[..change.start],
                        &new[change.start..new_end],
                        &old[change.old_end..]
                    );
                    prop_assert_eq!(&rebuilt, &new);
                    // Smallest: the first and last bytes of the change differ.
                    prop_assert_ne!(old.as_bytes().get(change.start), new.as_bytes().get(change.start));
                }
            }
        }
    }
}
