//! One rule for moving through anything with a position: a list's
//! selection, the problems panel's, the help's and the detail's scroll.

use crate::tui::action::Command;

/// Where a movement command takes `current` in `0..=last`, `page` steps to
/// a page: `None` for a command that is no movement.
pub(super) fn moved(current: usize, command: Command, page: usize, last: usize) -> Option<usize> {
    let current = current.min(last);
    Some(match command {
        Command::Up => current.saturating_sub(1),
        Command::Down => current.saturating_add(1).min(last),
        Command::PageUp => current.saturating_sub(page.max(1)),
        Command::PageDown => current.saturating_add(page.max(1)).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_within_the_ends_and_a_page_is_a_page() {
        assert_eq!(moved(0, Command::Up, 5, 9), Some(0));
        assert_eq!(moved(9, Command::Down, 5, 9), Some(9));
        assert_eq!(moved(3, Command::PageDown, 5, 9), Some(8));
        assert_eq!(moved(8, Command::PageDown, 5, 9), Some(9));
        assert_eq!(moved(3, Command::PageUp, 5, 9), Some(0));
        assert_eq!(moved(3, Command::Bottom, 5, 9), Some(9));
        assert_eq!(moved(3, Command::Top, 5, 9), Some(0));
        assert_eq!(
            moved(12, Command::Up, 5, 9),
            Some(8),
            "a position past the end comes back"
        );
        assert_eq!(
            moved(3, Command::PageDown, 0, 9),
            Some(4),
            "a page is at least a step"
        );
        assert_eq!(moved(3, Command::Enter, 5, 9), None);
    }
}
