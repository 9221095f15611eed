//! The overview's own state and update: which campaign's card is selected,
//! moved through the grid of cards. Opening a card, the search and the
//! keys of every view reach what all views share and stay with `App`.

use super::Effect;
use crate::model::Plan;
use crate::tui::action::Command;

/// The overview: the selected card (0-based, a campaign's index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OverviewView {
    pub selected: usize,
}

impl OverviewView {
    /// Moves the selection by `command` among `count` cards laid out
    /// `columns` side by side, `page_rows` rows of them on screen; `None`
    /// when `command` is no movement.
    pub(super) fn update(
        &mut self,
        command: Command,
        count: usize,
        (columns, page_rows): (usize, usize),
    ) -> Option<Effect> {
        let last = count.checked_sub(1)?;
        let current = self.selected;
        let target = match command {
            Command::Left => current.saturating_sub(1),
            Command::Right => (current + 1).min(last),
            Command::Up => current.saturating_sub(columns),
            Command::Down if current + columns < count => current + columns,
            Command::Down => current,
            Command::Top => 0,
            Command::PageUp => current.saturating_sub(columns * page_rows),
            Command::Bottom => last,
            Command::PageDown => (current + columns * page_rows).min(last),
            _ => return None,
        };
        Some(self.select(target))
    }

    /// Selects card `target`.
    pub(super) fn select(&mut self, target: usize) -> Effect {
        if target == self.selected {
            return Effect::None;
        }
        self.selected = target;
        Effect::Redraw
    }

    /// The id of the selected card's campaign in `plan`.
    pub(super) fn selected_id(&self, plan: &Plan) -> Option<String> {
        plan.campaigns.get(self.selected).map(|c| c.id.clone())
    }

    /// After new data: the card of campaign `id` found again (else the
    /// same place), within the cards `plan` has.
    pub(super) fn find_again(&mut self, plan: &Plan, id: Option<&str>) {
        if let Some(id) = id
            && let Some(index) = plan.campaigns.iter().position(|c| c.id == id)
        {
            self.selected = index;
        }
        self.selected = self.selected.min(plan.campaigns.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_follow_the_grid_of_cards_and_the_rest_is_the_apps() {
        let mut overview = OverviewView::default();
        // 7 cards, 3 side by side, 2 rows of them on screen.
        let grid = (3, 2);
        assert_eq!(
            overview.update(Command::Down, 7, grid),
            Some(Effect::Redraw)
        );
        assert_eq!(overview.selected, 3);
        assert_eq!(
            overview.update(Command::Right, 7, grid),
            Some(Effect::Redraw)
        );
        assert_eq!(overview.selected, 4);
        // No card below the fifth: Down stays.
        assert_eq!(overview.update(Command::Down, 7, grid), Some(Effect::None));
        assert_eq!(
            overview.update(Command::PageUp, 7, grid),
            Some(Effect::Redraw)
        );
        assert_eq!(overview.selected, 0);
        assert_eq!(
            overview.update(Command::PageDown, 7, grid),
            Some(Effect::Redraw)
        );
        assert_eq!(overview.selected, 6);
        assert_eq!(overview.update(Command::Enter, 7, grid), None);
        assert_eq!(overview.update(Command::Down, 0, grid), None, "no cards");
    }
}
