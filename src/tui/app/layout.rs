//! The screen's layout as the state needs it (pages, scroll limits, what is
//! under a click): the pure geometry at the last reported size, with what the
//! panes last measured of the content.

use ratatui::layout::{Position, Rect};

use super::App;
use crate::tui::geometry::{self, Measures, campaign, overview};

impl App {
    /// Takes what the panes measured for the state as it is now, and keeps
    /// the selection in view of the layout that follows from it.
    pub(crate) fn measured(&mut self, measures: Measures) {
        if self.screen.measures != measures {
            self.screen.measures = measures;
            self.keep_selection_visible();
        }
    }

    pub fn size(&self) -> (u16, u16) {
        self.screen.size
    }

    fn body(&self) -> Rect {
        geometry::body(self.screen.size, &self.screen.measures)
    }

    fn campaign_parts(&self) -> campaign::Parts {
        let rows = self
            .campaign
            .open
            .as_ref()
            .map_or(0, |view| view.rows.len());
        campaign::parts(self.body(), self.screen.measures.summary_width, rows)
    }

    /// Rows the campaign list shows: its page for PgUp/PgDn.
    pub(super) fn list_page(&self) -> usize {
        campaign::list_rows(&self.campaign_parts()).max(1)
    }

    pub(super) fn detail_max_scroll(&self) -> u16 {
        campaign::detail_max_scroll(&self.campaign_parts(), self.screen.measures.detail_lines)
    }

    pub(super) fn campaign_hit(&self, column: u16, row: u16) -> Option<campaign::Hit> {
        let view = self.campaign.open.as_ref()?;
        let at = Position::new(column, row);
        campaign::hit(
            &self.campaign_parts(),
            at,
            view.offset,
            view.selected,
            view.rows.len(),
        )
    }

    fn overview_grid(&self) -> overview::Grid {
        overview::grid(
            self.body(),
            self.campaign_count(),
            self.screen.measures.card_status_lines,
        )
    }

    /// Rows of cards on the screen: the overview's page.
    pub(super) fn overview_page(&self) -> usize {
        self.overview_grid().visible_rows.max(1)
    }

    /// Cards side by side.
    pub(super) fn overview_columns(&self) -> usize {
        overview::columns(self.screen.size.0, self.campaign_count())
    }

    pub(super) fn card_at(&self, column: u16, row: u16) -> Option<usize> {
        let at = Position::new(column, row);
        self.overview_grid().card_at(
            self.body(),
            at,
            self.lists.overview.selected,
            self.campaign_count(),
        )
    }

    pub(super) fn help_page(&self) -> u16 {
        geometry::help::page(&self.settings.keymap, geometry::frame(self.screen.size))
    }

    pub(super) fn help_max_scroll(&self) -> u16 {
        geometry::help::max_scroll(&self.settings.keymap, geometry::frame(self.screen.size))
    }

    pub(super) fn problems_page(&self) -> usize {
        geometry::problems_page(self.body())
    }

    fn list_parts(&self) -> geometry::attention::Parts {
        let legend = self.shown_list().is_some_and(|list| list.has_legend());
        geometry::attention::parts(self.body(), legend)
    }

    /// Rows a list across campaigns shows: its page.
    pub(super) fn attention_page(&self) -> usize {
        usize::from(self.list_parts().rows.height).max(1)
    }

    /// The row of the list across campaigns on screen line `y`, if any.
    pub(super) fn attention_row_at(&self, y: u16) -> Option<usize> {
        let list = self.shown_list()?;
        let view = self.attention.as_ref()?;
        geometry::lines::row_at(
            &self.list_parts(),
            &list.groups,
            y,
            (view.offset, view.selected),
            list.items.len(),
        )
    }
}
