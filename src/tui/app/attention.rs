//! The attention list (督办清单) on screen: every item of every campaign
//! that is overdue, not met, behind or at risk, in the one order of
//! `model::attention`. The list and its column widths are computed when the
//! data changes, never while drawing; the selection is kept by campaign id
//! and item key across reloads. Enter opens the item in its campaign view,
//! Esc goes back to the view the list was opened from.

mod list;
mod meeting;
mod view;
mod widths;

pub(crate) use list::AttentionList;
pub(crate) use view::{AttentionView, Place};
mod year;

pub(crate) use meeting::days_left_text;

use super::{App, Data, Effect, Lists, View};
use crate::model::Campaign;
use crate::model::Text;
use crate::model::attention::Attention;
use crate::tui::action::Command;
use crate::tui::rows::Item;

/// The 责任单位 of an item: its own lead, else its campaign's.
pub(crate) fn lead(campaign: &Campaign, item: Item) -> Option<&Text> {
    let own = match item {
        Item::Task(i) => campaign.tasks.get(i).and_then(|t| t.lead.as_ref()),
        Item::Indicator(i) => campaign.indicators.get(i).and_then(|t| t.lead.as_ref()),
    };
    own.or(campaign.lead.as_ref())
}

/// Which list the view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// The attention list (督办清单).
    Attention,
    /// The results of the last search across campaigns.
    Search,
    /// What moved since the baseline of the file's git history.
    Changes,
    /// What is not done and falls due soon (临期).
    DueSoon,
    /// Every item beside last year's (the year view, `y`).
    Year,
}

fn item_id(campaign: &Campaign, item: Item) -> Option<&str> {
    Some(match item {
        Item::Task(i) => campaign.tasks.get(i)?.id.as_str(),
        Item::Indicator(i) => campaign.indicators.get(i)?.id.as_str(),
    })
}

impl App {
    /// The attention list as (campaign id, item id), worst first.
    pub fn attention_ids(&self) -> Vec<(&str, &str)> {
        let Some(data) = self.data.as_ref() else {
            return Vec::new();
        };
        let plan = data.plan();
        data.plan_attention
            .items
            .iter()
            .filter_map(|a| {
                let campaign = plan.campaigns.get(a.campaign)?;
                Some((campaign.id.as_str(), item_id(campaign, a.item)?))
            })
            .collect()
    }

    /// The selected row of the attention list, once it has been opened.
    pub fn attention_selected(&self) -> Option<usize> {
        self.attention.as_ref().map(|view| view.selected)
    }

    /// The list the view shows: the attention list, or the search results.
    pub(crate) fn shown_list(&self) -> Option<&AttentionList> {
        let source = self.attention.as_ref().map(|view| view.source);
        shown(self.data.as_ref()?, &self.lists, source)
    }

    fn attention_len(&self) -> usize {
        self.shown_list().map_or(0, |list| list.items.len())
    }

    pub(super) fn selected_attention(&self) -> Option<Attention> {
        let view = self.attention.as_ref()?;
        self.shown_list()?.items.get(view.selected).copied()
    }

    /// `a`: opens the list over the current view, keeping its place from
    /// the last time; in the list, goes back.
    pub(super) fn toggle_attention(&mut self) -> Effect {
        let source = self.attention.as_ref().map(|view| view.source);
        if self.view == View::Attention && source == Some(Source::Attention) {
            return self.attention_back();
        }
        if self.data.is_none() {
            return Effect::None;
        }
        self.open_list(Source::Attention);
        Effect::Redraw
    }

    /// Shows the list of `source` over the current view, keeping its place
    /// when it was the one shown last.
    pub(super) fn open_list(&mut self, source: Source) {
        let shown = self.attention.as_ref();
        let from = match (self.view, shown) {
            // From one list to the other: Esc goes where the first would.
            (View::Attention, Some(shown)) => shown.from,
            // Stepping on (`n`) from an item the list opened: the same way back.
            (View::Campaign, Some(shown)) if shown.jumped && shown.source == source => shown.from,
            (view, _) => view,
        };
        self.attention
            .get_or_insert_with(|| AttentionView::new(source, from))
            .show(source, from);
        self.view = View::Attention;
        self.find_attention_place();
    }

    pub(super) fn attention_command(&mut self, command: Command) -> Effect {
        let len = self.attention_len();
        let page = self.attention_page();
        let target = match command {
            Command::Back | Command::BackOrQuit => return self.attention_back(),
            Command::Enter => return self.jump_to_selected(),
            Command::StartFilter => return self.start_search(),
            Command::CycleSort => return self.sort_list_by_lead(),
            Command::NextMatch => return self.step_match(true),
            Command::PrevMatch => return self.step_match(false),
            // Moving through the rows is the view's own.
            _ => match self.attention.as_ref() {
                Some(view) => match view.moved_to(command, len, page) {
                    Some(target) => target,
                    None => return Effect::None,
                },
                None => return Effect::None,
            },
        };
        self.select_attention(target)
    }

    pub(super) fn select_attention(&mut self, target: usize) -> Effect {
        let place = self.data.as_ref().and_then(|data| {
            let attention = self.shown_list()?.items.get(target)?;
            Place::of(data.plan(), attention)
        });
        let Some(view) = self.attention.as_mut() else {
            return Effect::None;
        };
        if !view.select(target, place) {
            return Effect::None;
        }
        self.keep_attention_visible();
        Effect::Redraw
    }

    /// Back to the view the list was opened from (the overview when that
    /// campaign is gone).
    pub(super) fn attention_back(&mut self) -> Effect {
        let campaign_open = self.campaign.open.is_some();
        self.view = match self.attention.as_ref() {
            Some(view) => view.way_back(campaign_open),
            None => View::Overview,
        };
        Effect::Redraw
    }

    /// Enter: the item in its campaign view, selected, its detail beside it.
    pub(super) fn jump_to_selected(&mut self) -> Effect {
        let Some(attention) = self.selected_attention() else {
            return Effect::None;
        };
        self.open(attention.campaign);
        if self.view != View::Campaign {
            return Effect::None;
        }
        self.select_row_even_if_filtered(attention.item);
        if let Some(view) = self.attention.as_mut() {
            view.jumped = true;
        }
        Effect::Redraw
    }

    /// Selects `item` in the open campaign's rows; false when not shown.
    pub(super) fn select_row_of(&mut self, item: Item) -> bool {
        let position = self
            .campaign
            .open
            .as_ref()
            .and_then(|view| view.rows.iter().position(|row| *row == item));
        match position {
            Some(row) => {
                self.select(row);
                true
            }
            None => false,
        }
    }

    /// Where Esc in a campaign's list goes: back to the attention list when
    /// the campaign was opened from it, else the overview.
    pub(super) fn back_from_campaign(&mut self) -> View {
        match self
            .attention
            .as_mut()
            .is_some_and(AttentionView::came_back)
        {
            true => View::Attention,
            false => View::Overview,
        }
    }

    /// A campaign opened some other way: Esc there goes to the overview.
    pub(super) fn left_attention(&mut self) {
        if let Some(view) = self.attention.as_mut() {
            view.jumped = false;
        }
    }

    /// A click on a row selects it; a click on the selected row opens it.
    pub(super) fn attention_click(&mut self, row: u16) -> Effect {
        match self.attention_row_at(row) {
            Some(index) if Some(index) == self.attention_selected() => self.jump_to_selected(),
            Some(index) => self.select_attention(index),
            None => Effect::None,
        }
    }

    /// The line `e` opens the editor at: the selected item's.
    pub(super) fn attention_editor_line(&self) -> Option<usize> {
        let attention = self.selected_attention()?;
        let campaign = self.plan()?.campaigns.get(attention.campaign)?;
        Some(match attention.item {
            Item::Task(i) => campaign.tasks.get(i)?.line.0,
            Item::Indicator(i) => campaign.indicators.get(i)?.line.0,
        })
    }

    /// After new data: the selection found again by campaign id and item
    /// key (else the same row, or the last), and a way back that still exists.
    pub(super) fn find_attention_place(&mut self) {
        let campaign_open = self.campaign.open.is_some();
        let Some(view) = self.attention.as_mut() else {
            return;
        };
        if !campaign_open {
            view.campaign_closed();
        }
        let Some(data) = self.data.as_ref() else {
            return;
        };
        if let Some(list) = shown(data, &self.lists, Some(view.source)) {
            view.find_place(data.plan(), &list.items);
        }
        self.keep_attention_visible();
    }

    pub(super) fn keep_attention_visible(&mut self) {
        let len = self.attention_len();
        let page = self.attention_page();
        if let Some(view) = self.attention.as_mut() {
            view.keep_visible(page, len);
        }
    }
}

/// The list of `source` among `lists` (the attention list of `data`, or
/// grouped by lead, when it is none of the others).
fn shown<'a>(
    data: &'a Data,
    lists: &'a Lists,
    source: Option<Source>,
) -> Option<&'a AttentionList> {
    match source {
        Some(Source::Search) => lists.search.as_ref().map(|search| &search.list),
        Some(Source::Changes) => lists.changes_list.as_ref(),
        Some(Source::DueSoon) => lists.due_soon.as_ref(),
        Some(Source::Year) => lists.year.as_ref(),
        _ if lists.by_lead => lists.attention_by_lead.as_ref(),
        _ => Some(&data.plan_attention),
    }
}

#[cfg(test)]
#[path = "attention_tests.rs"]
mod tests;
