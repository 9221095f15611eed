//! The campaign view's own update: what needs nothing but the view's state
//! (which pane has the focus, how far the detail is scrolled). The rest of
//! its keys (filter, sort, leaving it, recording progress) reach what all
//! views share, and stay with `App`.

use super::moves::moved;
use super::{CampaignView, Effect, Pane};
use crate::tui::action::Command;

impl CampaignView {
    /// Takes `command` when it is the view's own; `None` leaves it to the
    /// app. `detail_max` is how far the detail scrolls in the frame shown.
    pub(super) fn update(&mut self, command: Command, detail_max: u16) -> Option<Effect> {
        let effect = match (command, self.focus) {
            (Command::Back | Command::BackOrQuit, Pane::Detail) => {
                self.focus = Pane::List;
                Effect::Redraw
            }
            (
                Command::Enter | Command::Right | Command::NextPane | Command::PrevPane,
                Pane::List,
            ) => {
                self.focus = Pane::Detail;
                self.detail_scroll = 0;
                Effect::Redraw
            }
            (Command::Left | Command::NextPane | Command::PrevPane, Pane::Detail) => {
                self.focus = Pane::List;
                Effect::Redraw
            }
            (Command::Up | Command::Down | Command::Top | Command::Bottom, Pane::Detail) => {
                self.scroll_detail(command, detail_max)
            }
            _ => return None,
        };
        Some(effect)
    }

    /// Up, Down, Top and Bottom in the detail pane scroll it, within its length.
    fn scroll_detail(&mut self, command: Command, max: u16) -> Effect {
        let Some(scroll) = moved(
            usize::from(self.detail_scroll),
            command,
            1,
            usize::from(max),
        ) else {
            return Effect::None;
        };
        let scroll = u16::try_from(scroll).unwrap_or(max);
        if scroll == self.detail_scroll {
            return Effect::None;
        }
        self.detail_scroll = scroll;
        Effect::Redraw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(focus: Pane) -> CampaignView {
        CampaignView {
            index: 0,
            id: "air".into(),
            rows: Vec::new(),
            selected: 0,
            selected_key: None,
            offset: 0,
            focus,
            detail_scroll: 3,
        }
    }

    #[test]
    fn the_panes_and_the_detail_scroll_are_the_views_own_and_the_rest_is_the_apps() {
        let mut list = view(Pane::List);
        assert_eq!(
            list.update(Command::Down, 9),
            None,
            "a row move is the app's"
        );
        assert_eq!(list.update(Command::Back, 9), None, "leaving is the app's");
        assert_eq!(list.update(Command::Enter, 9), Some(Effect::Redraw));
        assert_eq!((list.focus, list.detail_scroll), (Pane::Detail, 0));
        assert_eq!(list.update(Command::Bottom, 9), Some(Effect::Redraw));
        assert_eq!(list.detail_scroll, 9);
        assert_eq!(
            list.update(Command::Down, 9),
            Some(Effect::None),
            "at its end"
        );
        assert_eq!(list.update(Command::CycleSort, 9), None);
        assert_eq!(list.update(Command::Back, 9), Some(Effect::Redraw));
        assert_eq!(list.focus, Pane::List);
    }
}
