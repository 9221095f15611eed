//! The year view (`y`): every item of every campaign, in the file's order,
//! beside last year's: its result, the same period last year and the 同比.
//! Drawn and moved through as the attention list is (Enter opens the item).
//! The year-on-year baselines come with the history, found off the
//! screen's thread (`tui::changes::Baselined::year`); where git holds no
//! history, the file's own `history` points serve, which reads nothing.

use super::super::{App, Effect, View};
use super::{AttentionList, Source};
use crate::history::compare::YearOnYear;
use crate::model::attention::Attention;
use crate::model::{Item, Plan, PlanStatus};
use crate::report::yoy::Yoy;
use crate::tui::changes::HistoryState;
use crate::tui::year_cells;

/// Every item of the plan as a row, in the file's order.
fn every_item(plan: &Plan, status: &PlanStatus) -> Vec<Attention> {
    let mut items = Vec::new();
    for (c, (campaign, shown)) in plan.campaigns.iter().zip(&status.campaigns).enumerate() {
        let tasks = (0..campaign.tasks.len()).map(Item::Task);
        let indicators = (0..campaign.indicators.len()).map(Item::Indicator);
        for item in tasks.chain(indicators) {
            items.push(Attention {
                campaign: c,
                item,
                status: item.status(shown),
                gap: None,
                days_late: None,
                assumed: item.status_assumed(shown),
            });
        }
    }
    items
}

impl App {
    /// `y`: the year view over the current view; in it, back.
    pub(in crate::tui::app) fn toggle_year(&mut self) -> Effect {
        let source = self.attention.as_ref().map(|view| view.source);
        if self.view == View::Attention && source == Some(Source::Year) {
            return self.attention_back();
        }
        if self.data.is_none() {
            return Effect::None;
        }
        self.make_year_list();
        self.open_list(Source::Year);
        Effect::Redraw
    }

    /// New data: the year view's rows made again once it has been opened.
    pub(in crate::tui::app) fn refresh_year_list(&mut self) {
        if self.lists.year.is_some() {
            self.make_year_list();
        }
    }

    fn make_year_list(&mut self) {
        let Some(data) = self.data.as_ref() else {
            self.lists.year = None;
            return;
        };
        let (plan, status) = (data.plan(), &data.status);
        let items = every_item(plan, status);
        self.lists.year = Some(AttentionList::of(plan, status, items, self.settings.ascii));
        // For no git history: the file's own points, which need no reading.
        self.lists.year_from_file = YearOnYear::new(None, plan, status.as_of).ok().map(Yoy::new);
        self.lists.year_widest = None;
    }

    /// The year view's widest cells, measured over every row once it is
    /// shown after its rows, the figures a year back or the language
    /// changed (`lists.year_widest` set to `None`): never per frame, and
    /// not at a reload while another view is shown.
    pub fn measure_year_columns_if_shown(&mut self) {
        let shown = self.view == View::Attention
            && self.attention.as_ref().map(|view| view.source) == Some(Source::Year);
        if !shown || self.lists.year_widest.is_some() {
            return;
        }
        let ascii = self.settings.ascii;
        let lang = self.settings.lang;
        let widest = match (
            self.data.as_ref(),
            self.lists.year.as_ref(),
            self.year_on_year(),
        ) {
            (Some(data), Some(list), Some(yoy)) => Some(year_cells::widest(
                yoy,
                data.plan(),
                &list.items,
                lang,
                ascii,
            )),
            _ => None,
        };
        self.lists.year_widest = widest;
    }

    /// The year view's widest cell per column, headings included; `None`
    /// while the year a back is being read.
    pub fn year_widest(&self) -> Option<[u16; year_cells::COLUMNS]> {
        self.lists.year_widest
    }

    /// The year-on-year baselines the year view shows: those found with the
    /// history, or the file's own points outside git; `None` while the
    /// history is read.
    pub fn year_on_year(&self) -> Option<&Yoy> {
        match self.history() {
            HistoryState::Read(baselined) => baselined.year(),
            HistoryState::Absent(_) => self.lists.year_from_file.as_ref(),
            HistoryState::Reading => None,
        }
    }
}
