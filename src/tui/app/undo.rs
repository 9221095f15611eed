//! One step of undo: the last figure written from this screen goes back to
//! what it was, through the same write-back path, and only while the file
//! still holds what that write left there.

use super::{App, Change, Edit, Effect};
use crate::figures;
use crate::i18n;
use crate::model::Level;

/// The figure an update from this screen replaced, and what it wrote.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Undo {
    campaign: String,
    item: String,
    before: String,
    /// Unknown while the save is under way.
    after: Option<String>,
}

impl App {
    /// Called with every save the screen asks for: remembers the figure it
    /// replaces, so the outcome can make it undoable.
    pub(super) fn saving(&mut self, edit: &Edit) {
        self.undo = match edit.change {
            Some(Change::Restore { .. }) | None => None,
            Some(_) => self
                .figure_of(&edit.campaign, &edit.item)
                .map(|before| Undo {
                    campaign: edit.campaign.clone(),
                    item: edit.item.clone(),
                    before,
                    after: None,
                }),
        };
    }

    /// The outcome of a save: a written figure becomes undoable; a failed
    /// save, or an undo done, leaves nothing to undo.
    pub(super) fn saved(&mut self, written: bool) {
        let pending = self.undo.take().filter(|_| written);
        self.undo = pending.and_then(|undo| {
            let after = self.figure_of(&undo.campaign, &undo.item)?;
            Some(Undo {
                after: Some(after),
                ..undo
            })
        });
    }

    /// `U`: the last figure written here back to what it was.
    pub(super) fn undo_last(&mut self) -> Effect {
        let Some(Undo {
            campaign,
            item,
            before,
            after: Some(after),
        }) = self.undo.clone()
        else {
            let words = i18n::nothing_to_undo(self.settings.lang);
            self.set_message(words.to_owned(), true);
            return Effect::Redraw;
        };
        self.undo = None;
        Effect::Save(Edit {
            campaign,
            item,
            change: Some(Change::Restore {
                to: before,
                from: after,
            }),
            note: None,
            lang: self.settings.lang,
            record: None,
        })
    }

    /// An item's figure as the file writes it: `110`, `30.5`, `II`.
    fn figure_of(&self, campaign: &str, item: &str) -> Option<String> {
        let campaign = self.plan()?.campaign(campaign)?;
        if let Some(task) = campaign.task(item) {
            return Some(figures::exact(task.done));
        }
        let indicator = campaign.indicator(item)?;
        Some(match indicator.value {
            Level::Number(value) => figures::exact(value),
            Level::WaterClass(class) => class.as_str().to_owned(),
        })
    }
}
