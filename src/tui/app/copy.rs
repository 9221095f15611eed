//! `c`: the selected item's line (name, figure, status), or the selected
//! campaign's on the overview, put on the clipboard through OSC 52, so a
//! figure can be pasted into a message from a session over SSH. The line
//! reads as the screen does, assumed values marked.

use super::{App, Effect, View};
use crate::figures;
use crate::i18n;
use crate::model::Campaign;
use crate::model::{CampaignStatus, Field, Item, Lang, Status};

impl App {
    pub(super) fn copy(&mut self) -> Effect {
        let Some(line) = self.selected_line() else {
            return Effect::None;
        };
        let line = crate::tui::clipboard::clean(&line);
        let s = i18n::strings(self.settings.lang);
        let copied = i18n::copied(self.settings.lang);
        self.set_message(format!("{copied}{}{line}", s.colon), false);
        Effect::Clipboard(crate::tui::clipboard::osc52(&line))
    }

    /// The line `c` copies in the current view.
    pub(crate) fn selected_line(&self) -> Option<String> {
        let data = self.data.as_ref()?;
        let (index, item) = match self.view {
            View::Overview => (self.lists.overview.selected, None),
            View::Campaign => (self.campaign.open.as_ref()?.index, self.selected_item()),
            View::Attention => {
                let attention = self.selected_attention()?;
                (attention.campaign, Some(attention.item))
            }
        };
        let campaign = data.plan().campaigns.get(index)?;
        let status = data.status.campaigns.get(index)?;
        Some(match item {
            Some(item) => self.item_line(campaign, status, item)?,
            None => self.campaign_line(campaign, status),
        })
    }

    /// `清水行动 / 长江入河排污口整治：110/113 个（97%）· ✔ 已完成`.
    fn item_line(
        &self,
        campaign: &Campaign,
        status: &CampaignStatus,
        item: Item,
    ) -> Option<String> {
        let (lang, ascii) = (self.settings.lang, self.settings.ascii);
        let (name, figure, word) = match item {
            Item::Task(i) => {
                let (task, schedule) = (campaign.tasks.get(i)?, status.tasks.get(i)?);
                let mut figure = figures::marked_task_figure(task, lang);
                if let Some(percent) = figures::task_percent(schedule) {
                    let mark = figures::mark(task.assumed.any(&[Field::Done, Field::Total]));
                    figure = match lang {
                        Lang::Zh => format!("{figure}（{percent}{mark}）"),
                        Lang::En => format!("{figure} ({percent}{mark})"),
                    };
                }
                let word = status_words(schedule.status, schedule.status_assumed, lang, ascii);
                (&task.name, figure, word)
            }
            Item::Indicator(i) => {
                let (indicator, state) = (campaign.indicators.get(i)?, status.indicators.get(i)?);
                let figure = figures::marked_indicator_figure(indicator, lang, ascii);
                let word = status_words(state.status, state.status_assumed, lang, ascii);
                (&indicator.name, figure, word)
            }
        };
        let colon = i18n::strings(lang).colon;
        Some(format!(
            "{} / {}{colon}{figure} · {word}",
            campaign.name.get(lang),
            name.get(lang)
        ))
    }

    /// `蓝天保卫战：100%* · ✖ 未达标*`: the campaign's progress and status.
    fn campaign_line(&self, campaign: &Campaign, status: &CampaignStatus) -> String {
        let (lang, ascii) = (self.settings.lang, self.settings.ascii);
        let rollup = &status.rollup;
        let mut parts = Vec::new();
        if let Some(progress) = rollup.progress {
            let mark = figures::mark(rollup.progress_assumed);
            parts.push(format!("{}{mark}", figures::percent(progress)));
        }
        if let Some(word) = rollup.status {
            parts.push(status_words(word, rollup.status_assumed, lang, ascii));
        }
        let colon = i18n::strings(lang).colon;
        format!("{}{colon}{}", campaign.name.get(lang), parts.join(" · "))
    }
}

/// `▼ 滞后*`: symbol and word, marked when the status rests on an assumption.
fn status_words(status: Status, assumed: bool, lang: Lang, ascii: bool) -> String {
    format!(
        "{} {}{}",
        status.symbol(ascii),
        i18n::status_word(status, lang),
        figures::mark(assumed)
    )
}

#[cfg(test)]
#[path = "copy_tests.rs"]
mod tests;
