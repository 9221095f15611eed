//! Moving around: the overview cards, the campaign list and detail pane,
//! the help overlay, clicks, and where the editor opens.

use super::{App, Effect, Pane, Prompt, View};
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
                    let view = self.campaign.open.as_mut();
                    let focus_changed = view.is_some_and(|view| view.focus_on(Pane::List));
                    match self.select(index) {
                        Effect::None if focus_changed => Effect::Redraw,
                        effect => effect,
                    }
                }
                Some(Hit::Detail) => {
                    let view = self.campaign.open.as_mut();
                    match view.is_some_and(|view| view.focus_on(Pane::Detail)) {
                        true => Effect::Redraw,
                        false => Effect::None,
                    }
                }
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
                self.lists.year_widest = None;
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
        self.select_row_even_if_filtered(row);
        true
    }

    /// Selects `item` in the open campaign; a filter that hides it gives way.
    pub(super) fn select_row_even_if_filtered(&mut self, item: Item) {
        if !self.select_row_of(item)
            && self
                .campaign
                .open
                .as_mut()
                .is_some_and(|v| v.clear_filter())
        {
            self.rebuild_rows();
            self.select_row_of(item);
        }
    }

    pub(super) fn open(&mut self, index: usize) -> Effect {
        let Some(campaign) = self.plan().and_then(|p| p.campaigns.get(index)) else {
            return Effect::None;
        };
        let open = self.campaign.open.as_ref();
        if self.view == View::Campaign && open.is_some_and(|c| c.index == index) {
            return Effect::None;
        }
        let id = campaign.id.clone();
        self.left_attention();
        self.lists.overview.selected = index;
        self.view = View::Campaign;
        // Each campaign keeps its own filter and selection.
        self.campaign.open(index, id);
        self.rebuild_rows();
        Effect::Redraw
    }

    pub(super) fn campaign_command(&mut self, command: Command) -> Effect {
        let (detail_max, page) = (self.detail_max_scroll(), self.list_page());
        let Some(view) = self.campaign.open.as_mut() else {
            self.view = View::Overview;
            return Effect::Redraw;
        };
        // Focus, the detail's scroll and moving through the rows are the view's own.
        if let Some(effect) = view.update(command, detail_max) {
            return effect;
        }
        if let Some(target) = view.moved_to(command, page) {
            return self.select(target);
        }
        match command {
            Command::Back | Command::BackOrQuit => {
                // Esc first clears a filter, then leaves.
                if command == Command::Back && view.clear_filter() {
                    self.rebuild_rows();
                } else {
                    self.view = self.back_from_campaign();
                }
                Effect::Redraw
            }
            // A new filter starts empty: typing after an old one ran them together.
            Command::StartFilter => {
                if view.clear_filter() {
                    self.rebuild_rows();
                }
                self.overlay.prompt = Some(Prompt::Filter {
                    input: String::new(),
                });
                Effect::Redraw
            }
            Command::CycleSort => {
                self.campaign.cycle_sort();
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

    pub(super) fn select(&mut self, target: usize) -> Effect {
        let (Some(data), Some(view)) = (self.data.as_ref(), self.campaign.open.as_mut()) else {
            return Effect::None;
        };
        let Some(campaign) = data.plan().campaigns.get(view.index) else {
            return Effect::None;
        };
        if !view.select(target, campaign) {
            return Effect::None;
        }
        self.keep_selection_visible();
        Effect::Redraw
    }

    pub(super) fn selected_item(&self) -> Option<Item> {
        let view = self.campaign.open.as_ref();
        view.filter(|_| self.view == View::Campaign)?
            .selected_item()
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
