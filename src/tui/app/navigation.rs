//! Moving around: the overview cards, the campaign list and detail pane,
//! the help overlay, clicks, and where the editor opens.

use super::moves::moved;
use super::{App, CampaignView, Effect, Pane, Prompt, Remembered, View};
use crate::tui::action::Command;
use crate::tui::geometry::campaign::Hit;
use crate::tui::rows::Item;

impl App {
    /// A click selects the card or row under it; a click on the selected
    /// card opens it; a click in the detail pane focuses it.
    pub(super) fn click(&mut self, column: u16, row: u16) -> Effect {
        match self.view {
            View::Overview => match self.card_at(column, row) {
                Some(index) if index == self.lists.overview.selected => self.open(index),
                Some(index) => self.lists.overview.select(index),
                None => Effect::None,
            },
            View::Campaign => match self.campaign_hit(column, row) {
                Some(Hit::Row(index)) => {
                    let focus_changed = self.campaign.as_mut().is_some_and(|view| {
                        std::mem::replace(&mut view.focus, Pane::List) != Pane::List
                    });
                    match self.select(index) {
                        Effect::None if focus_changed => Effect::Redraw,
                        effect => effect,
                    }
                }
                Some(Hit::Detail) => match self.campaign.as_mut() {
                    Some(view) if view.focus != Pane::Detail => {
                        view.focus = Pane::Detail;
                        Effect::Redraw
                    }
                    _ => Effect::None,
                },
                None => Effect::None,
            },
            View::Attention => self.attention_click(row),
        }
    }

    pub(super) fn help_command(&mut self, command: Command) -> Effect {
        match command {
            Command::Back | Command::BackOrQuit | Command::ToggleHelp => {
                self.overlay.help = None;
                Effect::Redraw
            }
            Command::ToggleLang | Command::Reload | Command::Quit => self.view_command(command),
            // Scrolling is the help's own; any other key does nothing there.
            _ => {
                let (page, max) = (self.help_page(), self.help_max_scroll());
                let help = self.overlay.help.as_mut();
                help.and_then(|help| help.update(command, page, max))
                    .unwrap_or(Effect::None)
            }
        }
    }

    pub(super) fn view_command(&mut self, command: Command) -> Effect {
        match command {
            Command::Quit => Effect::Quit,
            Command::ToggleHelp => {
                self.overlay.help = Some(Default::default());
                Effect::Redraw
            }
            Command::ToggleLang => {
                self.settings.lang = self.settings.lang.other();
                // Name order and name matches depend on the language.
                self.rebuild_rows();
                Effect::Redraw
            }
            Command::Reload => Effect::Reload,
            Command::ToggleAttention => self.toggle_attention(),
            Command::ToggleChanges => self.toggle_changes(),
            Command::GroupByLead => self.group_by_lead(),
            Command::ToggleDueSoon => self.toggle_due_soon(),
            Command::ToggleYear => self.toggle_year(),
            Command::ToggleProblems => self.toggle_problems(),
            Command::Jump(n) => self.open(n.saturating_sub(1)),
            Command::OpenEditor => self
                .editor_line()
                .map_or(Effect::None, |line| Effect::OpenEditor { line, column: 0 }),
            Command::Copy => self.copy(),
            Command::OlderBaseline => self.step_baseline(true),
            Command::NewerBaseline => self.step_baseline(false),
            _ => match self.view {
                View::Overview => self.overview_command(command),
                View::Campaign => self.campaign_command(command),
                View::Attention => self.attention_command(command),
            },
        }
    }

    pub(super) fn overview_command(&mut self, command: Command) -> Effect {
        let count = self.campaign_count();
        if count == 0 {
            return match command {
                Command::BackOrQuit => Effect::Quit,
                _ => Effect::None,
            };
        }
        match command {
            Command::BackOrQuit => Effect::Quit,
            Command::Enter => self.open(self.lists.overview.selected),
            Command::StartFilter => self.start_search(),
            Command::NextMatch => self.step_match(true),
            Command::PrevMatch => self.step_match(false),
            // Moving through the cards is the overview's own.
            _ => {
                let grid = (self.overview_columns(), self.overview_page());
                let overview = &mut self.lists.overview;
                overview
                    .update(command, count, grid)
                    .unwrap_or(Effect::None)
            }
        }
    }

    /// Opens the campaign at `index` (0-based), keeping sort and filter.
    /// Opens `campaign` with `item` selected (a filter that hides it gives
    /// way); false when the plan has no such item.
    pub(crate) fn open_item(&mut self, campaign: &str, item: &str) -> bool {
        let Some((index, row)) = self.plan().and_then(|plan| {
            let index = plan.campaigns.iter().position(|c| c.id == campaign)?;
            let found = &plan.campaigns[index];
            let row = match found.tasks.iter().position(|t| t.id == item) {
                Some(task) => Item::Task(task),
                None => Item::Indicator(found.indicators.iter().position(|i| i.id == item)?),
            };
            Some((index, row))
        }) else {
            return false;
        };
        self.open(index);
        if !self.select_row_of(row) {
            self.lists.filter.clear();
            self.rebuild_rows();
            self.select_row_of(row);
        }
        true
    }

    pub(super) fn open(&mut self, index: usize) -> Effect {
        let Some(campaign) = self.plan().and_then(|p| p.campaigns.get(index)) else {
            return Effect::None;
        };
        if self.view == View::Campaign && self.campaign.as_ref().is_some_and(|c| c.index == index) {
            return Effect::None;
        }
        let id = campaign.id.clone();
        self.left_attention();
        self.lists.overview.selected = index;
        self.view = View::Campaign;
        // Each campaign keeps its own filter and selection.
        if let Some(left) = self.campaign.take() {
            let kept = Remembered {
                filter: std::mem::take(&mut self.lists.filter),
                selected: left.selected_key,
            };
            self.lists.remembered.insert(left.id, kept);
        }
        let remembered = self.lists.remembered.remove(&id).unwrap_or_default();
        self.lists.filter = remembered.filter;
        self.campaign = Some(CampaignView {
            index,
            id,
            rows: Vec::new(),
            selected: 0,
            selected_key: remembered.selected,
            offset: 0,
            focus: Pane::List,
            detail_scroll: 0,
        });
        self.rebuild_rows();
        Effect::Redraw
    }

    pub(super) fn campaign_command(&mut self, command: Command) -> Effect {
        let detail_max = self.detail_max_scroll();
        let Some(view) = self.campaign.as_mut() else {
            self.view = View::Overview;
            return Effect::Redraw;
        };
        // Focus and the detail's scroll are the view's own.
        if let Some(effect) = view.update(command, detail_max) {
            return effect;
        }
        match command {
            Command::Back | Command::BackOrQuit => {
                if !self.lists.filter.is_empty() && command == Command::Back {
                    // Esc first clears a filter, then leaves.
                    self.lists.filter.clear();
                    self.rebuild_rows();
                } else {
                    self.view = self.back_from_campaign();
                }
                Effect::Redraw
            }
            Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown => self.move_in_list(command),
            // A new filter starts empty: typing after an old one ran them together.
            Command::StartFilter => {
                self.overlay.prompt = Some(Prompt::Filter {
                    input: String::new(),
                });
                if !self.lists.filter.is_empty() {
                    self.lists.filter.clear();
                    self.rebuild_rows();
                }
                Effect::Redraw
            }
            Command::CycleSort => {
                self.lists.sort = self.lists.sort.next();
                self.rebuild_rows();
                Effect::Redraw
            }
            Command::Increment | Command::Decrement => self.step_done(command),
            Command::NextMatch => self.step_match(true),
            Command::PrevMatch => self.step_match(false),
            Command::StartUpdate => self.start_update(),
            Command::Undo => self.undo_last(),
            _ => Effect::None,
        }
    }

    /// Moves the selection in the campaign list by a row, a page or to an end.
    fn move_in_list(&mut self, command: Command) -> Effect {
        let page = self.list_page();
        let Some(view) = self.campaign.as_mut() else {
            return Effect::None;
        };
        let len = view.rows.len();
        if len == 0 {
            return Effect::None;
        }
        match moved(view.selected, command, page, len - 1) {
            Some(target) => self.select(target),
            None => Effect::None,
        }
    }

    pub(super) fn select(&mut self, target: usize) -> Effect {
        let key = self
            .open_campaign()
            .and_then(|(campaign, view)| view.rows.get(target).and_then(|i| i.key(campaign)));
        let Some(view) = self.campaign.as_mut() else {
            return Effect::None;
        };
        if target == view.selected && key == view.selected_key {
            return Effect::None;
        }
        view.selected = target;
        view.selected_key = key;
        view.detail_scroll = 0;
        self.keep_selection_visible();
        Effect::Redraw
    }

    pub(super) fn selected_item(&self) -> Option<Item> {
        let view = self
            .campaign
            .as_ref()
            .filter(|_| self.view == View::Campaign)?;
        view.rows.get(view.selected).copied()
    }

    /// The line `e` opens the editor at: the selected item, else the campaign.
    pub(super) fn editor_line(&self) -> Option<usize> {
        let plan = self.plan()?;
        match self.view {
            View::Overview => plan
                .campaigns
                .get(self.lists.overview.selected)
                .map(|c| c.line.0),
            View::Campaign => {
                let (campaign, _) = self.open_campaign()?;
                Some(match self.selected_item() {
                    Some(Item::Task(i)) => campaign.tasks.get(i)?.line.0,
                    Some(Item::Indicator(i)) => campaign.indicators.get(i)?.line.0,
                    None => campaign.line.0,
                })
            }
            View::Attention => self.attention_editor_line(),
        }
        .map(|line| line.max(1))
    }
}
