//! The meeting's lists across campaigns: the attention list by 责任单位
//! (`o`; `s` in a list toggles it) and what falls due soon (临期, `t`).
//! Made when the data changes or the grouping does, never while drawing;
//! they are drawn and moved through as the attention list is.

use super::super::{App, Effect, View};
use super::{AttentionList, Source};
use crate::figures;
use crate::model::attention::Attention;
use crate::model::by_lead::by_lead;
use crate::model::due_soon::due_soon;
use crate::model::{Item, Lang, Plan, PlanStatus};

impl AttentionList {
    /// `items` in groups by lead, each group heading its rows.
    pub fn grouped(
        plan: &Plan,
        status: &PlanStatus,
        items: &[Attention],
        ascii: bool,
    ) -> AttentionList {
        let (items, groups) = by_lead(plan, status, items);
        let mut list = AttentionList::of(plan, status, items, ascii);
        list.groups = groups;
        list
    }

    /// What is not done and falls due within `days`, nearest first
    /// (grouped by lead when `by_lead`); the last column says the days left.
    pub fn due_soon(
        plan: &Plan,
        status: &PlanStatus,
        days: u32,
        by_lead: bool,
        ascii: bool,
    ) -> AttentionList {
        let items = due_soon(status, days);
        let mut list = if by_lead {
            AttentionList::grouped(plan, status, &items, ascii)
        } else {
            AttentionList::of(plan, status, items, ascii)
        };
        list.due = true;
        // Days left are no gap: the gap's legend does not apply.
        list.any_gap = false;
        for (lang, widths) in [(Lang::Zh, &mut list.zh), (Lang::En, &mut list.en)] {
            widths.gap = list
                .items
                .iter()
                .filter_map(|a| days_left_text(status, a, lang))
                .map(|text| u16::try_from(crate::text::width(&text)).unwrap_or(u16::MAX))
                .max()
                .unwrap_or(0);
        }
        list
    }
}

/// A task's days left as the due-soon list shows them (`12d*`, `12天`).
pub(crate) fn days_left_text(status: &PlanStatus, item: &Attention, lang: Lang) -> Option<String> {
    let Item::Task(i) = item.item else {
        return None;
    };
    let schedule = status.campaigns.get(item.campaign)?.tasks.get(i)?;
    Some(figures::days_left(schedule.marked_days_left()?, lang).to_string())
}

impl App {
    /// `o`: the attention list grouped by lead, over the current view; in
    /// the attention list, grouped or not in turn.
    pub(in crate::tui::app) fn group_by_lead(&mut self) -> Effect {
        if self.data.is_none() {
            return Effect::None;
        }
        let source = self.attention.as_ref().map(|view| view.source);
        if self.view == View::Attention && source == Some(Source::Attention) {
            return self.sort_list_by_lead();
        }
        self.lists.by_lead = true;
        self.refresh_meeting_lists();
        self.open_list(Source::Attention);
        Effect::Redraw
    }

    /// `s` in the attention, due-soon, search or changes list: grouped by
    /// lead, or back to their own order (worst first; nearest first; as
    /// found; the plan's). The selection stays on its item.
    pub(in crate::tui::app) fn sort_list_by_lead(&mut self) -> Effect {
        let source = self.attention.as_ref().map(|view| view.source);
        if source.is_none_or(|source| source == Source::Year) {
            return Effect::None;
        }
        self.lists.by_lead = !self.lists.by_lead;
        self.refresh_meeting_lists();
        self.refresh_search();
        self.refresh_changes();
        self.find_attention_place();
        Effect::Redraw
    }

    /// `t`: what falls due soon, over the current view; in it, back.
    pub(in crate::tui::app) fn toggle_due_soon(&mut self) -> Effect {
        let source = self.attention.as_ref().map(|view| view.source);
        if self.view == View::Attention && source == Some(Source::DueSoon) {
            return self.attention_back();
        }
        let Some(data) = self.data.as_ref() else {
            return Effect::None;
        };
        let (plan, status) = (data.plan(), &data.status);
        let days = plan.meta.due_soon_window(self.settings.due_soon_days);
        let list =
            AttentionList::due_soon(plan, status, days, self.lists.by_lead, self.settings.ascii);
        self.lists.due_soon = Some(list);
        self.open_list(Source::DueSoon);
        Effect::Redraw
    }

    /// New data or a new grouping: the grouped attention list made again
    /// while it is asked for, the due-soon list once it has been opened (a
    /// big plan pays nothing until then).
    pub(in crate::tui::app) fn refresh_meeting_lists(&mut self) {
        let Some(data) = self.data.as_ref() else {
            self.lists.attention_by_lead = None;
            self.lists.due_soon = None;
            return;
        };
        let (plan, status, ascii) = (data.plan(), &data.status, self.settings.ascii);
        let items = &data.plan_attention.items;
        self.lists.attention_by_lead = self
            .lists
            .by_lead
            .then(|| AttentionList::grouped(plan, status, items, ascii));
        if self.lists.due_soon.is_some() {
            let days = plan.meta.due_soon_window(self.settings.due_soon_days);
            let list = AttentionList::due_soon(plan, status, days, self.lists.by_lead, ascii);
            self.lists.due_soon = Some(list);
        }
        self.refresh_year_list();
    }

    /// The list across campaigns shown (attention, by lead, due soon,
    /// search, changes) as (campaign id, item id), in its order.
    pub fn list_ids(&self) -> Vec<(&str, &str)> {
        let (Some(plan), Some(list)) = (self.plan(), self.shown_list()) else {
            return Vec::new();
        };
        list.items
            .iter()
            .filter_map(|a| {
                let campaign = plan.campaigns.get(a.campaign)?;
                Some((campaign.id.as_str(), super::item_id(campaign, a.item)?))
            })
            .collect()
    }

    /// The number of days the due-soon list looks ahead: the plan's own,
    /// else the config's, else a month.
    pub fn due_soon_days(&self) -> Option<u32> {
        let configured = self.settings.due_soon_days;
        self.plan()
            .map(|plan| plan.meta.due_soon_window(configured))
    }
}
