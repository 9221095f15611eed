//! What the app shows, read without changing it: for drawing, the render
//! command and tests.

use super::{
    App, CampaignView, Data, LastRead, Message, Pane, Prompt, Settings, View, attention, search,
};
use crate::load::Document;
use crate::model::Campaign;
use crate::model::Plan;
use crate::tui::rows::Item;
use crate::tui::rows::SortKey;
use chrono::NaiveTime;
use std::path::Path;

impl App {
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The open campaign's id, in the campaign view.
    pub fn campaign_id(&self) -> Option<&str> {
        match self.view {
            View::Campaign => self.campaign.open.as_ref().map(|c| c.id.as_str()),
            View::Overview | View::Attention => None,
        }
    }

    /// The selected item's id in the campaign view (`task` or indicator).
    pub fn selected_id(&self) -> Option<&str> {
        let view = self
            .campaign
            .open
            .as_ref()
            .filter(|_| self.view == View::Campaign)?;
        let item = *view.rows.get(view.selected)?;
        let campaign = self.data.as_ref()?.plan().campaigns.get(view.index)?;
        Some(match item {
            Item::Task(i) => campaign.tasks.get(i)?.id.as_str(),
            Item::Indicator(i) => campaign.indicators.get(i)?.id.as_str(),
        })
    }

    /// The ids of the rows shown, in order (for tests and the render command).
    pub fn row_ids(&self) -> Vec<&str> {
        let (Some(view), Some(data)) = (self.campaign.open.as_ref(), self.data.as_ref()) else {
            return Vec::new();
        };
        let Some(campaign) = data.plan().campaigns.get(view.index) else {
            return Vec::new();
        };
        view.rows
            .iter()
            .filter_map(|item| match *item {
                Item::Task(i) => campaign.tasks.get(i).map(|t| t.id.as_str()),
                Item::Indicator(i) => campaign.indicators.get(i).map(|t| t.id.as_str()),
            })
            .collect()
    }

    /// The selected campaign on the overview (0-based).
    pub fn overview_selected(&self) -> usize {
        self.lists.overview.selected
    }

    pub fn sort(&self) -> SortKey {
        self.campaign.sort
    }

    /// The open campaign's filter.
    pub fn filter(&self) -> &str {
        self.campaign.open.as_ref().map_or("", |view| &view.filter)
    }

    pub fn help_open(&self) -> bool {
        self.overlay.help.is_some()
    }

    /// How many lines the help is scrolled down.
    pub fn help_scroll(&self) -> u16 {
        self.overlay.help.map_or(0, |help| help.scroll)
    }

    pub fn focus(&self) -> Pane {
        self.campaign.open.as_ref().map_or(Pane::List, |c| c.focus)
    }

    pub fn file_missing(&self) -> bool {
        self.file.missing
    }

    /// The footer's transient message, if any.
    /// Why live reload is off, while it is.
    pub fn watch_lost(&self) -> Option<&str> {
        self.file.watch_lost.as_deref()
    }

    /// The last good document and what was computed from it.
    pub(crate) fn data(&self) -> Option<&Data> {
        self.data.as_ref()
    }

    pub(crate) fn campaign_view(&self) -> Option<&CampaignView> {
        self.campaign.open.as_ref()
    }

    pub(crate) fn attention_view(&self) -> Option<&attention::AttentionView> {
        self.attention.as_ref()
    }

    /// The last search across campaigns.
    pub(crate) fn last_search(&self) -> Option<&search::Search> {
        self.lists.search.as_ref()
    }

    pub(crate) fn prompt(&self) -> Option<&Prompt> {
        self.overlay.prompt.as_ref()
    }

    /// The footer's transient message, with whether it reports a failure.
    pub(crate) fn footer_message(&self) -> Option<&Message> {
        self.overlay.message.as_ref()
    }

    /// When the file was last loaded.
    pub fn loaded_at(&self) -> Option<NaiveTime> {
        self.file.loaded_at
    }

    pub fn message(&self) -> Option<&str> {
        self.overlay.message.as_ref().map(|m| m.text.as_str())
    }

    /// The done count of a task as the screen has it (for tests).
    pub fn task_done(&self, campaign: &str, task: &str) -> Option<f64> {
        let plan = self.data.as_ref()?.plan();
        Some(plan.campaign(campaign)?.task(task)?.done)
    }

    /// Whether a prompt (filter or update) is open.
    pub fn prompt_open(&self) -> bool {
        self.overlay.prompt.is_some()
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.data.as_ref().map(Data::plan)
    }

    /// The document shown: what a re-read or a save starts from.
    pub fn document(&self) -> Option<&Document> {
        self.data.as_ref().map(|data| &data.document)
    }

    /// The text the file held when it was last read, if it was.
    pub fn last_read(&self) -> Option<&str> {
        match &self.file.last_read {
            LastRead::Shown => self.document().map(Document::text),
            LastRead::Rejected => self.rejected_text(),
            LastRead::Nothing => None,
        }
    }

    pub(crate) fn open_campaign(&self) -> Option<(&Campaign, &CampaignView)> {
        let view = self.campaign.open.as_ref()?;
        let campaign = self.plan()?.campaigns.get(view.index)?;
        Some((campaign, view))
    }

    pub(super) fn campaign_count(&self) -> usize {
        self.plan().map_or(0, |p| p.campaigns.len())
    }
}
