//! The problems panel's own state and update: which problem is selected.
//! Opening the editor at it, closing the panel and the keys of the view
//! under it reach what all views share and stay with `App`.

use super::Effect;
use super::moves::moved;
use crate::tui::action::Command;

/// The problems panel, while it is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ProblemsView {
    pub selected: usize,
}

impl ProblemsView {
    /// The selected problem in a panel of `count`: a selection past the end
    /// (the file lost problems) stands on the last.
    pub(super) fn current(&self, count: usize) -> usize {
        self.selected.min(count.saturating_sub(1))
    }

    /// Moves the selection by `command` among `count` problems shown
    /// `page` at a time; `None` when `command` is no movement.
    pub(super) fn update(&mut self, command: Command, count: usize, page: usize) -> Option<Effect> {
        let last = count.saturating_sub(1);
        let target = moved(self.current(count), command, page, last)?;
        if target == self.selected {
            return Some(Effect::None);
        }
        self.selected = target;
        Some(Effect::Redraw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_moves_among_the_problems_and_the_rest_is_the_apps() {
        let mut panel = ProblemsView::default();
        assert_eq!(panel.update(Command::Up, 4, 2), Some(Effect::None));
        assert_eq!(panel.update(Command::PageDown, 4, 2), Some(Effect::Redraw));
        assert_eq!(panel.selected, 2);
        assert_eq!(panel.update(Command::Bottom, 4, 2), Some(Effect::Redraw));
        assert_eq!(panel.selected, 3);
        assert_eq!(panel.update(Command::Enter, 4, 2), None);
        // The file lost problems: the selection comes back from the last.
        assert_eq!(panel.current(2), 1);
        assert_eq!(panel.update(Command::Up, 2, 2), Some(Effect::Redraw));
        assert_eq!(panel.selected, 0);
    }
}
