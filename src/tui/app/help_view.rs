//! The help overlay's own state and update: how far it is scrolled. Closing
//! it, and the keys that work over it (language, reload, quit), reach what
//! all views share and stay with `App`.

use super::Effect;
use super::moves::moved;
use crate::tui::action::Command;

/// The help, while it is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct HelpView {
    /// How many lines it is scrolled down.
    pub scroll: u16,
}

impl HelpView {
    /// Scrolls by `command`: a line, a `page`, to an end, never past `max`.
    /// `None` when `command` is no movement.
    pub(super) fn update(&mut self, command: Command, page: u16, max: u16) -> Option<Effect> {
        let to = moved(
            usize::from(self.scroll),
            command,
            usize::from(page),
            usize::from(max),
        )?;
        let to = u16::try_from(to).unwrap_or(max);
        if to == self.scroll {
            return Some(Effect::None);
        }
        self.scroll = to;
        Some(Effect::Redraw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_scrolls_within_its_length_and_leaves_the_rest_to_the_app() {
        let mut help = HelpView::default();
        assert_eq!(help.update(Command::Up, 10, 25), Some(Effect::None));
        assert_eq!(help.update(Command::PageDown, 10, 25), Some(Effect::Redraw));
        assert_eq!(help.scroll, 10);
        assert_eq!(help.update(Command::Bottom, 10, 25), Some(Effect::Redraw));
        assert_eq!(help.scroll, 25);
        assert_eq!(help.update(Command::Down, 10, 25), Some(Effect::None));
        assert_eq!(help.update(Command::ToggleHelp, 10, 25), None);
        assert_eq!(help.update(Command::Top, 10, 25), Some(Effect::Redraw));
        assert_eq!(help.scroll, 0);
    }
}
