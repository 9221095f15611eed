//! The changes list (`d`): only the items that moved since the baseline of
//! the file's git history, in the plan's order, in the list view the
//! attention list uses; Enter opens one in its campaign. It is made again
//! whenever the changes are (a reload, the history arriving, `b` / `B`).

use super::attention::{AttentionList, Source};
use super::{App, Effect, View};
use crate::model::Item;
use crate::model::Plan;
use crate::model::PlanStatus;
use crate::model::Text;
use crate::model::attention::{self, Attention};
use crate::tui::changes::Change;
use std::collections::HashMap;

impl AttentionList {
    /// The rows of the items in `changes` that are still in the plan, each
    /// with its change (in groups by lead when `by_lead`); the removed ones
    /// by the name `name_of` finds for a key, else by key.
    pub fn of_changes(
        plan: &Plan,
        status: &PlanStatus,
        changes: &[Change],
        (by_lead, ascii): (bool, bool),
        name_of: impl Fn(&str) -> Option<Text>,
    ) -> AttentionList {
        let mut kept = Vec::new();
        let mut rows = Vec::new();
        let mut removed = Vec::new();
        for change in changes {
            let Some((index, item)) = change.at else {
                removed
                    .push(name_of(&change.key).unwrap_or_else(|| Text::Plain(change.key.clone())));
                continue;
            };
            let Some(row) = status
                .campaigns
                .get(index)
                .and_then(|campaign| attention::row(index, campaign, item))
            else {
                continue;
            };
            rows.push(row);
            kept.push(change.clone());
        }
        let mut list = if by_lead {
            let list = AttentionList::grouped(plan, status, &rows, ascii);
            kept = in_rows_order(&rows, kept, &list.items);
            list
        } else {
            AttentionList::of(plan, status, rows, ascii)
        };
        list.measure_changes(&kept, ascii);
        list.changes = kept;
        list.removed = removed;
        list
    }
}

/// `changes`, one beside each of `rows`, put beside the same items in
/// `reordered` (the rows grouped by lead).
fn in_rows_order(rows: &[Attention], changes: Vec<Change>, reordered: &[Attention]) -> Vec<Change> {
    let mut by_item: HashMap<(usize, Item), Change> = rows
        .iter()
        .map(|row| (row.campaign, row.item))
        .zip(changes)
        .collect();
    reordered
        .iter()
        .filter_map(|row| by_item.remove(&(row.campaign, row.item)))
        .collect()
}

impl App {
    /// `d`: the changes list over the current view; in it, back.
    pub(super) fn toggle_changes(&mut self) -> Effect {
        let source = self.attention.as_ref().map(|view| view.source);
        if self.view == View::Attention && source == Some(Source::Changes) {
            return self.attention_back();
        }
        if self.data.is_none() {
            return Effect::None;
        }
        self.build_changes();
        self.open_list(Source::Changes);
        Effect::Redraw
    }

    /// New changes (a reload, the history read, `b` / `B`): the list made
    /// again, once it has been opened (a big plan pays nothing until then).
    pub(super) fn refresh_changes(&mut self) {
        if self.lists.changes_list.is_some() {
            self.build_changes();
        }
    }

    /// The changes list of the changes now known (empty while the history
    /// is read or when there is none).
    fn build_changes(&mut self) {
        let Some(data) = self.data.as_ref() else {
            self.lists.changes_list = None;
            return;
        };
        let baselined = self.baselined();
        let changes = baselined.map_or(&[][..], |b| b.changes());
        let items = baselined.map_or(&[][..], |b| &b.history.items[..]);
        let name_of = |key: &str| {
            let item = items.iter().rev().find(|item| item.key == key)?;
            item.name.clone()
        };
        self.lists.changes_list = Some(AttentionList::of_changes(
            data.plan(),
            &data.status,
            changes,
            (self.lists.by_lead, self.settings.ascii),
            name_of,
        ));
        if self.attention.as_ref().map(|view| view.source) == Some(Source::Changes) {
            self.find_attention_place();
        }
    }
}
