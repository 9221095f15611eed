//! The list view's own update: moving the selection through its rows.
//! What a row is (its place in the plan) and what Enter and Esc do reach
//! the state all views share, and stay with `App`.

use super::super::moves::moved;
use super::AttentionView;
use crate::tui::action::Command;

impl AttentionView {
    /// The row `command` moves the selection to, in a list of `len` rows
    /// shown `page` at a time; `None` when it is no move or moves nowhere.
    pub(in crate::tui::app) fn moved_to(
        &self,
        command: Command,
        len: usize,
        page: usize,
    ) -> Option<usize> {
        let last = len.checked_sub(1)?;
        moved(self.selected.min(last), command, page, last)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Source;
    use super::*;
    use crate::tui::app::View;

    #[test]
    fn a_move_stays_in_the_list_and_anything_else_is_the_apps() {
        let view = AttentionView {
            source: Source::Attention,
            from: View::Overview,
            selected: 7,
            place: None,
            offset: 0,
            jumped: false,
        };
        assert_eq!(view.moved_to(Command::Down, 10, 3), Some(8));
        assert_eq!(view.moved_to(Command::PageDown, 10, 3), Some(9));
        assert_eq!(view.moved_to(Command::Top, 10, 3), Some(0));
        // A list that shrank under the selection moves from its last row.
        assert_eq!(view.moved_to(Command::Up, 5, 3), Some(3));
        assert_eq!(view.moved_to(Command::Down, 0, 3), None, "an empty list");
        assert_eq!(view.moved_to(Command::CycleSort, 10, 3), None);
    }
}
