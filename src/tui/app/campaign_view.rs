//! The campaign view's own state and update: which campaign, its rows in
//! the sort and filter in force, the selection, the focus and the detail's
//! scroll; and what each campaign was left with. Its update gets the
//! campaign and its statuses as arguments. What reaches what all views
//! share (leaving it, recording progress, the prompts) stays with `App`.

use std::collections::HashMap;

use super::moves::moved;
use super::{Effect, Pane};
use crate::model::{Campaign, CampaignStatus, Lang};
use crate::tui::action::Command;
use crate::tui::geometry::scrolled;
use crate::tui::rows::{self, Item, ItemKey, SortKey};

/// The campaign view: the one open (kept while another view shows, for the
/// way back), the sort all campaigns share, and what each was left with.
#[derive(Default)]
pub(crate) struct Campaigns {
    pub open: Option<CampaignView>,
    pub sort: SortKey,
    /// The filter and selection each campaign view was left with, by
    /// campaign id: going back to it finds them again.
    pub remembered: HashMap<String, Remembered>,
}

/// What a campaign view was left with.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Remembered {
    pub filter: String,
    pub selected: Option<ItemKey>,
}

/// The campaign view's state: which campaign, its rows, the selection.
pub(crate) struct CampaignView {
    pub index: usize,
    pub id: String,
    pub rows: Vec<Item>,
    pub selected: usize,
    /// What the selection is, so it survives sort, filter and reload.
    pub selected_key: Option<ItemKey>,
    /// The first row shown.
    pub offset: usize,
    pub focus: Pane,
    pub detail_scroll: u16,
    /// The rows shown are those matching it (see `tui::search::Query`).
    pub filter: String,
}

impl Campaigns {
    /// Opens campaign `id` at `index` with the filter and selection it was
    /// left with; the one open before is remembered the same way. Its rows
    /// are for the caller to make.
    pub(super) fn open(&mut self, index: usize, id: String) -> &mut CampaignView {
        if let Some(left) = self.open.take() {
            let kept = Remembered {
                filter: left.filter,
                selected: left.selected_key,
            };
            self.remembered.insert(left.id, kept);
        }
        let remembered = self.remembered.remove(&id).unwrap_or_default();
        self.open.insert(CampaignView {
            index,
            id,
            rows: Vec::new(),
            selected: 0,
            selected_key: remembered.selected,
            offset: 0,
            focus: Pane::List,
            detail_scroll: 0,
            filter: remembered.filter,
        })
    }

    /// `s`: the next order, for every campaign.
    pub(super) fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
    }
}

impl CampaignView {
    /// The rows of `campaign` (whose statuses are `status`) in `sort` and
    /// the view's filter, names in `lang`; the selection found again by
    /// its key, else kept in place.
    pub(super) fn rebuild(
        &mut self,
        (campaign, status): (&Campaign, &CampaignStatus),
        sort: SortKey,
        lang: Lang,
    ) {
        self.rows = rows::rows(campaign, status, sort, &self.filter, lang);
        let found = self.selected_key.as_ref().and_then(|key| {
            self.rows
                .iter()
                .position(|item| item.has_key(campaign, key))
        });
        match found {
            Some(index) => self.selected = index,
            None => {
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                if self.selected_key.is_none() {
                    self.selected_key = self.rows.get(self.selected).and_then(|i| i.key(campaign));
                }
            }
        }
    }

    /// The row `command` moves the selection to, `page` rows to a page;
    /// `None` when it is no move or there are no rows.
    pub(super) fn moved_to(&self, command: Command, page: usize) -> Option<usize> {
        let last = self.rows.len().checked_sub(1)?;
        moved(self.selected, command, page, last)
    }

    /// Selects row `target` of `campaign`'s rows (the detail back at its
    /// top); false when that is the selection already.
    pub(super) fn select(&mut self, target: usize, campaign: &Campaign) -> bool {
        let key = self.rows.get(target).and_then(|i| i.key(campaign));
        if target == self.selected && key == self.selected_key {
            return false;
        }
        self.selected = target;
        self.selected_key = key;
        self.detail_scroll = 0;
        true
    }

    /// The first row shown keeps the selection among the `page` rows shown.
    pub(super) fn keep_visible(&mut self, page: usize) {
        self.offset = scrolled(self.offset, self.selected, page, self.rows.len());
    }

    /// The selected row's item.
    pub(super) fn selected_item(&self) -> Option<Item> {
        self.rows.get(self.selected).copied()
    }

    /// Puts the focus on `pane`; false when it was there.
    pub(super) fn focus_on(&mut self, pane: Pane) -> bool {
        std::mem::replace(&mut self.focus, pane) != pane
    }

    /// Clears the filter; false when there was none.
    pub(super) fn clear_filter(&mut self) -> bool {
        !std::mem::take(&mut self.filter).is_empty()
    }

    /// Takes `command` when it is the view's own; `None` leaves it to the
    /// app. `detail_max` is how far the detail scrolls in the frame shown.
    pub(super) fn update(&mut self, command: Command, detail_max: u16) -> Option<Effect> {
        let effect = match (command, self.focus) {
            (Command::Back | Command::BackOrQuit, Pane::Detail) => {
                self.focus = Pane::List;
                Effect::Redraw
            }
            (
                Command::Enter | Command::Right | Command::NextPane | Command::PrevPane,
                Pane::List,
            ) => {
                self.focus = Pane::Detail;
                self.detail_scroll = 0;
                Effect::Redraw
            }
            (Command::Left | Command::NextPane | Command::PrevPane, Pane::Detail) => {
                self.focus = Pane::List;
                Effect::Redraw
            }
            (Command::Up | Command::Down | Command::Top | Command::Bottom, Pane::Detail) => {
                self.scroll_detail(command, detail_max)
            }
            _ => return None,
        };
        Some(effect)
    }

    /// Up, Down, Top and Bottom in the detail pane scroll it, within its length.
    fn scroll_detail(&mut self, command: Command, max: u16) -> Effect {
        let Some(scroll) = moved(
            usize::from(self.detail_scroll),
            command,
            1,
            usize::from(max),
        ) else {
            return Effect::None;
        };
        let scroll = u16::try_from(scroll).unwrap_or(max);
        if scroll == self.detail_scroll {
            return Effect::None;
        }
        self.detail_scroll = scroll;
        Effect::Redraw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(focus: Pane) -> CampaignView {
        CampaignView {
            index: 0,
            id: "air".into(),
            rows: Vec::new(),
            selected: 0,
            selected_key: None,
            offset: 0,
            focus,
            detail_scroll: 3,
            filter: String::new(),
        }
    }

    /// `a` behind, `b` on track, `c` done (in the status order).
    const PLAN: &str = r#"
[meta]
title = "t"
as_of = 2024-07-01

[[campaign]]
id = "air"
name = "Air"
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "c"
name = "Cleared"
done = 4
total = 4

[[campaign.task]]
id = "b"
name = "Boilers"
done = 3
total = 4

[[campaign.task]]
id = "a"
name = "Alerts"
done = 0
total = 4
"#;

    fn campaign() -> (Campaign, CampaignStatus) {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("a date");
        let options = crate::load::Options { as_of: None, today };
        let crate::load::Opened::Valid(document) =
            crate::load::Opened::parse("plan.toml".as_ref(), PLAN.to_owned(), options)
        else {
            panic!("a valid plan");
        };
        let campaign = document.plan().campaigns[0].clone();
        let status = CampaignStatus::compute(&campaign, today, 0.1);
        (campaign, status)
    }

    #[test]
    fn the_rows_follow_sort_and_filter_and_the_selection_follows_its_item() {
        let (campaign, status) = campaign();
        let mut campaigns = Campaigns::default();
        let view = campaigns.open(0, "air".into());
        view.rebuild((&campaign, &status), SortKey::Status, Lang::En);
        assert_eq!(view.rows, [Item::Task(2), Item::Task(1), Item::Task(0)]);
        assert_eq!(view.moved_to(Command::Bottom, 2), Some(2));
        assert!(view.select(1, &campaign));
        assert!(!view.select(1, &campaign), "already selected");
        // By name: `Boilers` stays selected at its new row.
        view.rebuild((&campaign, &status), SortKey::Name, Lang::En);
        assert_eq!(view.rows, [Item::Task(2), Item::Task(1), Item::Task(0)]);
        view.filter = "oi".into();
        view.rebuild((&campaign, &status), SortKey::Name, Lang::En);
        assert_eq!(
            (view.rows.as_slice(), view.selected),
            (&[Item::Task(1)][..], 0)
        );
        assert_eq!(view.moved_to(Command::Down, 2), Some(0));
        assert_eq!(view.moved_to(Command::CycleSort, 2), None);
        // Left for another campaign and back: its filter and selection kept.
        campaigns.open(1, "water".into());
        let back = campaigns.open(0, "air".into());
        assert_eq!(back.filter, "oi");
        assert!(back.clear_filter());
        back.rebuild((&campaign, &status), SortKey::Name, Lang::En);
        assert_eq!(back.selected_item(), Some(Item::Task(1)));
    }

    #[test]
    fn the_panes_and_the_detail_scroll_are_the_views_own_and_the_rest_is_the_apps() {
        let mut list = view(Pane::List);
        assert_eq!(
            list.update(Command::Down, 9),
            None,
            "a row move is the app's"
        );
        assert_eq!(list.update(Command::Back, 9), None, "leaving is the app's");
        assert_eq!(list.update(Command::Enter, 9), Some(Effect::Redraw));
        assert_eq!((list.focus, list.detail_scroll), (Pane::Detail, 0));
        assert_eq!(list.update(Command::Bottom, 9), Some(Effect::Redraw));
        assert_eq!(list.detail_scroll, 9);
        assert_eq!(
            list.update(Command::Down, 9),
            Some(Effect::None),
            "at its end"
        );
        assert_eq!(list.update(Command::CycleSort, 9), None);
        assert_eq!(list.update(Command::Back, 9), Some(Effect::Redraw));
        assert_eq!(list.focus, Pane::List);
    }
}
