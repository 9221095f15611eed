//! Undo: every figure written from this screen since it started can go
//! back to what it was, newest first, each through the same write-back path
//! and only while the file still holds what that write left there.

use super::{App, Change, Edit, Effect};
use crate::figures;
use crate::i18n;
use crate::model::Level;

/// The figure an update from this screen replaced, and what it wrote.
#[derive(Clone, Debug, PartialEq)]
struct Undo {
    campaign: String,
    item: String,
    before: String,
    /// Unknown while the save is under way.
    after: Option<String>,
}

/// The updates written here, oldest first, and the save under way.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Undos {
    written: Vec<Undo>,
    /// The update being saved; `None` inside for an undo being saved.
    pending: Option<Option<Undo>>,
    /// How many updates were written here: with none left on the stack,
    /// `U` says they are all taken back, never that there is nothing to undo.
    made: usize,
}

impl App {
    /// Called with every save the screen asks for: remembers the figure it
    /// replaces, so the outcome can make it undoable.
    pub(super) fn saving(&mut self, edit: &Edit) {
        let pending = match edit.change {
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
        self.undo.pending = Some(pending);
    }

    /// The outcome of a save: a written figure joins the undoable ones; a
    /// failed save adds nothing, and a refused undo is dropped so the
    /// updates before it stay within reach.
    pub(super) fn saved(&mut self, written: bool) {
        let Some(Some(undo)) = self.undo.pending.take().filter(|_| written) else {
            return;
        };
        if let Some(after) = self.figure_of(&undo.campaign, &undo.item) {
            self.undo.made += 1;
            self.undo.written.push(Undo {
                after: Some(after),
                ..undo
            });
        }
    }

    /// `U`: the newest figure written here and not yet undone, back to what
    /// it was.
    pub(super) fn undo_last(&mut self) -> Effect {
        let Some(Undo {
            campaign,
            item,
            before,
            after: Some(after),
        }) = self.undo.written.pop()
        else {
            let words = match self.undo.made {
                0 => i18n::nothing_to_undo(self.settings.lang).to_owned(),
                made => i18n::all_undone(self.settings.lang, made),
            };
            self.set_message(words, true);
            return Effect::Redraw;
        };
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
