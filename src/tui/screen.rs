//! The screen as the event loop and the tests drive it: the state takes an
//! action, then the panes measure what its content needs (a banner's wrapped
//! lines, a detail's length), which the state keeps for its next paging and
//! clicks. The state never calls the panes; this is where the two meet, and
//! where the plans a load replaced are freed off the screen's way.

use super::action::Action;
use super::app::{App, Effect};
use super::{reclaim, ui};

impl App {
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.apply(action);
        self.measure_year_columns_if_shown();
        for retired in self.take_retired() {
            reclaim::free_aside(retired);
        }
        if effect != Effect::None {
            self.measured(ui::measure(self));
        }
        effect
    }

    /// Opens `campaign` with `item` selected and its detail shown, as Enter
    /// on it in a list would; false when the plan has no such item.
    pub fn show_item(&mut self, campaign: &str, item: &str) -> bool {
        let shown = self.open_item(campaign, item);
        self.measure_year_columns_if_shown();
        self.measured(ui::measure(self));
        shown
    }
}
