//! Taking in a load: keep the last good plan on a failure, find the place
//! again by id on success, and recompute the rows shown.

use super::problems::Banner;
use super::{App, Data, LastRead, View, attention};
use crate::load::Document;
use crate::load::Opened;
use crate::load::ReadError;
use crate::load::Replacement;
use crate::load::Reread;
use crate::model::Campaign;
use crate::model::CampaignStatus;
use crate::model::Meta;
use crate::model::Plan;
use crate::model::PlanStatus;
use crate::model::Text;
use crate::tui::changes::HistoryState;
use crate::tui::retiring::Retired;
use crate::tui::rows;

impl App {
    /// Takes in a load's result. A good document replaces the data and
    /// clears the banner; a bad one keeps the last good document and sets
    /// the banner.
    pub(super) fn loaded(&mut self, loaded: Result<Opened, ReadError>) {
        let opened = match loaded {
            Ok(opened) => opened,
            Err(ReadError::NotFound { .. }) => {
                self.file.last_read = LastRead::Nothing;
                self.file.missing = true;
                return;
            }
            Err(err) => {
                self.file.last_read = LastRead::Nothing;
                self.file.banner = Some(Banner::Unreadable(crate::text::sanitize_line(
                    &err.to_string(),
                )));
                return;
            }
        };
        self.file.missing = false;
        let document = match opened {
            Opened::Valid(document) => document,
            Opened::Invalid(invalid) => {
                self.file.banner = Some(Banner::Rejected(invalid));
                self.file.last_read = LastRead::Rejected;
                return;
            }
        };
        self.file.last_read = LastRead::Shown;
        // Keep the place by id: the overview card and the open campaign.
        let card = self.selected_card_id();
        let old = self.show(document, card);
        // Freeing the last plan and the text it came from is a million frees
        // at 100 000 tasks: done aside once the new rows are ready, so that
        // it is not on the way to the screen (any earlier, it would hold the
        // allocator's lock while the rows are computed).
        let tasks = old.as_ref().map_or(0, |d| count_tasks(&d.plan().campaigns));
        self.retire(tasks, old);
    }

    /// Takes in a change of the document shown to `text`, re-read alone (a
    /// run of items, a campaign's head, campaigns, `[meta]`): when it is
    /// one campaign, only that campaign's statuses, cards and widths are
    /// computed again; else all of them (`[meta]` holds the at-risk margin
    /// they use), and the place is found again by id as after a whole load.
    pub(super) fn reread(&mut self, reread: Reread, text: String) {
        let card = self.selected_card_id();
        let ascii = self.settings.ascii;
        let Some(index) = reread.campaign() else {
            let Some(mut data) = self.data.take() else {
                return;
            };
            let same_figures = words_only(&data.plan().meta, &reread.patch.replacement);
            let replaced = data.document.take(reread, text);
            self.file.last_read = LastRead::Shown;
            if same_figures {
                // A new title: every status, card and width stays as it is.
                self.data = Some(data);
                self.find_place(card);
            } else {
                self.show(data.document, card);
            }
            self.retire(count_tasks(&replaced), replaced);
            return;
        };
        let Some(data) = self.data.as_mut() else {
            return;
        };
        let renamed = data
            .plan()
            .campaigns
            .get(index)
            .is_some_and(|old| head_words_only(old, &reread.patch.replacement));
        let replaced = data.document.take(reread, text);
        self.file.last_read = LastRead::Shown;
        let plan = data.document.plan();
        if renamed {
            // A new name or summary: no status, row or figure moves; only
            // the name's column of the attention list is measured again.
            data.plan_attention.campaign_renamed(index, plan);
            self.find_place(card);
            self.retire(count_tasks(&replaced), replaced);
            return;
        }
        let margin = plan.meta.at_risk_margin;
        let (Some(campaign), Some(status)) = (
            plan.campaigns.get(index),
            data.status.campaigns.get_mut(index),
        ) else {
            return;
        };
        *status = CampaignStatus::compute(campaign, data.status.as_of, margin);
        data.attention[index] = rows::attention(status);
        data.widths[index] = rows::ListWidths::measure(campaign, status);
        data.plan_attention
            .campaign_changed(index, plan, &data.status, ascii);
        data.any_assumed = any_assumed(plan);
        self.find_place(card);
        self.retire(count_tasks(&replaced), replaced);
    }

    fn selected_card_id(&self) -> Option<String> {
        self.plan()
            .and_then(|plan| self.lists.overview.selected_id(plan))
    }

    /// Shows `document`: computes every campaign's statuses, cards and
    /// widths, and finds the place again (see `find_place`). Gives back the
    /// data it replaced.
    fn show(&mut self, document: Document, card: Option<String>) -> Option<Data> {
        let plan = document.plan();
        let status = PlanStatus::compute(plan, document.as_of());
        let attention = status.campaigns.iter().map(rows::attention).collect();
        let widths = plan
            .campaigns
            .iter()
            .zip(&status.campaigns)
            .map(|(campaign, status)| rows::ListWidths::measure(campaign, status))
            .collect();
        let plan_attention = attention::AttentionList::new(plan, &status, self.settings.ascii);
        let any_assumed = any_assumed(plan);
        let old = self.data.replace(Data {
            document,
            status,
            attention,
            widths,
            plan_attention,
            any_assumed,
        });
        self.find_place(card);
        old
    }

    /// After new data: clears the banner and finds the place again by id,
    /// the overview card `card` and the open campaign (a campaign whose id
    /// is gone, or changed, closes and the overview shows), then the rows.
    fn find_place(&mut self, card: Option<String>) {
        self.file.banner = None;
        self.file.missing = false;
        let Some(plan) = self.data.as_ref().map(Data::plan) else {
            return;
        };
        self.lists.overview.find_again(plan, card.as_deref());
        if let Some(view) = self.campaign.open.as_mut() {
            match plan.campaigns.iter().position(|c| c.id == view.id) {
                Some(index) => view.index = index,
                None => {
                    self.campaign.open = None;
                    // The attention list stays open over the new data.
                    if self.view == View::Campaign {
                        self.view = View::Overview;
                    }
                }
            }
        }
        self.rebuild_rows();
        self.refresh_search();
        self.refresh_meeting_lists();
        self.find_attention_place();
    }

    /// Recomputes the open campaign's rows and finds the selection again by id.
    pub(super) fn rebuild_rows(&mut self) {
        let (sort, lang) = (self.campaign.sort, self.settings.lang);
        let (Some(data), Some(view)) = (self.data.as_ref(), self.campaign.open.as_mut()) else {
            return;
        };
        let (Some(campaign), Some(status)) = (
            data.plan().campaigns.get(view.index),
            data.status.campaigns.get(view.index),
        ) else {
            return;
        };
        view.rebuild((campaign, status), sort, lang);
        self.keep_selection_visible();
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let page = self.list_page();
        if let Some(view) = self.campaign.open.as_mut() {
            view.keep_visible(page);
        }
        self.keep_attention_visible();
    }
}

/// Whether `replacement` changes only the words of `[meta]` (title,
/// organisation, source): what every figure and status is computed from
/// stays, whatever fields `[meta]` gains.
fn words_only(old: &Meta, replacement: &Replacement) -> bool {
    let Replacement::Meta(new) = replacement else {
        return false;
    };
    let figures = |meta: &Meta| Meta {
        title: Text::from(""),
        organisation: None,
        source: None,
        ..meta.clone()
    };
    figures(old) == figures(new)
}

/// Whether `replacement` is campaign `old`'s head with only its words
/// (name, summary) changed: its statuses, rows and list widths stay. Every
/// other key is compared, and a key added to `Campaign` must be placed here.
fn head_words_only(old: &Campaign, replacement: &Replacement) -> bool {
    let Replacement::Head(_, new) = replacement else {
        return false;
    };
    let Campaign {
        id,
        name: _,
        theme,
        start,
        end,
        lead,
        summary: _,
        assumed,
        // A head holds no items; the campaign keeps its own.
        indicators: _,
        tasks: _,
        // Where it stands in the file: no figure depends on it.
        line: _,
    } = old;
    (id, theme, start, end, lead, assumed)
        == (
            &new.id,
            &new.theme,
            &new.start,
            &new.end,
            &new.lead,
            &new.assumed,
        )
}

/// Whether any value of the plan is marked assumed (a campaign's dates
/// count: its tasks run by them).
fn any_assumed(plan: &Plan) -> bool {
    plan.campaigns.iter().any(|campaign| {
        !campaign.assumed.is_empty()
            || campaign.tasks.iter().any(|task| !task.assumed.is_empty())
            || campaign.indicators.iter().any(|i| !i.assumed.is_empty())
    })
}

fn count_tasks(campaigns: &[Campaign]) -> usize {
    campaigns.iter().map(|c| c.tasks.len()).sum()
}

/// Plans at least this big are freed off the screen's thread.
const DROP_ASIDE_TASKS: usize = 10_000;

impl App {
    /// Keeps `value` for the event loop to free when the plan it holds has
    /// `tasks` tasks or more; drops it here otherwise.
    fn retire<T: Send + 'static>(&mut self, tasks: usize, value: T) {
        if tasks >= DROP_ASIDE_TASKS {
            self.retired.push(value);
        }
    }

    /// Keeps a replaced history for the event loop to free when large.
    pub(super) fn retire_history(&mut self, old: HistoryState) {
        if let HistoryState::Read(baselined) = old
            && baselined.is_large()
        {
            self.retired.push(baselined);
        }
    }

    /// What the state let go (replaced plans, histories, comparisons), to free.
    pub(crate) fn take_retired(&mut self) -> Vec<Retired> {
        if let HistoryState::Read(baselined) = &mut self.comparison.history {
            self.retired.append(&mut baselined.take_retiring());
        }
        self.retired.take()
    }
}

#[cfg(test)]
#[path = "loading_tests.rs"]
mod tests;
