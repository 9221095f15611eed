//! The list view's own state and update: which list it shows, where Esc
//! goes back to, the selection (kept by what it is, across reloads) and the
//! first row shown. Its update gets the list and the plan as arguments.
//! What Enter opens, and how the lists are made, reach the state all views
//! share and stay with `App`.

use super::super::View;
use super::super::moves::moved;
use super::Source;
use crate::model::Plan;
use crate::model::attention::Attention;
use crate::tui::action::Command;
use crate::tui::geometry::scrolled;
use crate::tui::rows::ItemKey;

/// The state on screen of a list across campaigns: the attention list or
/// the search results, drawn and moved through alike.
pub(crate) struct AttentionView {
    pub source: Source,
    /// The view it was opened from: where Esc goes back to.
    pub from: View,
    pub selected: usize,
    /// What the selection is, so that it survives a reload.
    pub place: Option<Place>,
    /// The first row shown.
    pub offset: usize,
    /// Enter opened an item's campaign from here: Esc in that campaign's
    /// list comes back to the list, for the next item of the meeting.
    pub jumped: bool,
}

/// An item of the plan by campaign id and item key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    campaign: String,
    item: ItemKey,
}

impl Place {
    /// Where `attention` stands in `plan`.
    pub(crate) fn of(plan: &Plan, attention: &Attention) -> Option<Place> {
        let campaign = plan.campaigns.get(attention.campaign)?;
        Some(Place {
            campaign: campaign.id.clone(),
            item: attention.item.key(campaign)?,
        })
    }

    fn is(&self, plan: &Plan, attention: &Attention) -> bool {
        plan.campaigns
            .get(attention.campaign)
            .is_some_and(|c| c.id == self.campaign && attention.item.has_key(c, &self.item))
    }
}

impl AttentionView {
    /// The list of `source`, opened over `from`, at its top.
    pub(in crate::tui::app) fn new(source: Source, from: View) -> AttentionView {
        AttentionView {
            source,
            from,
            selected: 0,
            place: None,
            offset: 0,
            jumped: false,
        }
    }

    /// Shows the list of `source` now, opened over `from`: its place kept
    /// when it is the list shown last, else at its top.
    pub(in crate::tui::app) fn show(&mut self, source: Source, from: View) {
        if self.source != source {
            *self = AttentionView::new(source, from);
        }
        self.from = from;
        self.jumped = false;
    }

    /// Where Esc goes: the view it was opened from (the overview when that
    /// was a campaign no longer open).
    pub(in crate::tui::app) fn way_back(&self, campaign_open: bool) -> View {
        match self.from {
            View::Campaign if campaign_open => View::Campaign,
            _ => View::Overview,
        }
    }

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

    /// Selects row `target`, which stands at `place`; false when that is
    /// the selection already.
    pub(in crate::tui::app) fn select(&mut self, target: usize, place: Option<Place>) -> bool {
        if self.selected == target && self.place == place {
            return false;
        }
        (self.selected, self.place) = (target, place);
        true
    }

    /// Esc in the campaign Enter opened from the list: whether it comes back
    /// here (once).
    pub(in crate::tui::app) fn came_back(&mut self) -> bool {
        std::mem::take(&mut self.jumped)
    }

    /// The open campaign closed: Esc can no longer go back to it.
    pub(in crate::tui::app) fn campaign_closed(&mut self) {
        self.jumped = false;
        if self.from == View::Campaign {
            self.from = View::Overview;
        }
    }

    /// After new rows: the selection found again by campaign id and item
    /// key, else the same row (or the last).
    pub(in crate::tui::app) fn find_place(&mut self, plan: &Plan, items: &[Attention]) {
        let found = self
            .place
            .as_ref()
            .and_then(|place| items.iter().position(|a| place.is(plan, a)));
        match found {
            Some(index) => self.selected = index,
            None => {
                self.selected = self.selected.min(items.len().saturating_sub(1));
                // As in the campaign list: the lost item is kept in mind
                // until the reader moves, should the next save bring it back.
                if self.place.is_none() {
                    self.place = items.get(self.selected).and_then(|a| Place::of(plan, a));
                }
            }
        }
    }

    /// The first row shown keeps the selection among the `page` rows
    /// shown of `len`.
    pub(in crate::tui::app) fn keep_visible(&mut self, page: usize, len: usize) {
        self.offset = scrolled(self.offset, self.selected, page, len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_stays_in_the_list_and_anything_else_is_the_apps() {
        let mut view = AttentionView::new(Source::Attention, View::Overview);
        view.selected = 7;
        assert_eq!(view.moved_to(Command::Down, 10, 3), Some(8));
        assert_eq!(view.moved_to(Command::PageDown, 10, 3), Some(9));
        assert_eq!(view.moved_to(Command::Top, 10, 3), Some(0));
        // A list that shrank under the selection moves from its last row.
        assert_eq!(view.moved_to(Command::Up, 5, 3), Some(3));
        assert_eq!(view.moved_to(Command::Down, 0, 3), None, "an empty list");
        assert_eq!(view.moved_to(Command::CycleSort, 10, 3), None);
    }

    #[test]
    fn another_list_starts_at_its_top_and_the_way_back_needs_the_campaign_open() {
        let mut view = AttentionView::new(Source::Attention, View::Campaign);
        assert!(view.select(4, None));
        assert!(!view.select(4, None), "already selected");
        view.keep_visible(3, 10);
        assert_eq!(view.offset, 2);
        view.show(Source::Attention, View::Campaign);
        assert_eq!(view.selected, 4, "the same list keeps its place");
        assert_eq!(view.way_back(true), View::Campaign);
        assert_eq!(view.way_back(false), View::Overview);
        view.show(Source::Search, View::Overview);
        assert_eq!((view.selected, view.offset), (0, 0));
        view.from = View::Campaign;
        view.jumped = true;
        view.campaign_closed();
        assert_eq!((view.from, view.jumped), (View::Overview, false));
    }
}
