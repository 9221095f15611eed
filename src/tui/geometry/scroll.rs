//! Keeping the selected row in view.

/// The first row to show so that `selected` is visible, moving as little
/// as possible from `offset`.
pub fn scrolled(offset: usize, selected: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let mut offset = offset.min(len.saturating_sub(page));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + page {
        offset = selected + 1 - page;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_moves_as_little_as_needed() {
        assert_eq!(scrolled(0, 5, 10, 100), 0);
        assert_eq!(scrolled(0, 10, 10, 100), 1);
        assert_eq!(scrolled(20, 15, 10, 100), 15);
        assert_eq!(scrolled(95, 99, 10, 100), 90);
        assert_eq!(scrolled(3, 0, 10, 0), 0);
    }
}
