//! What the event loop reports back: loads, saves, the editor and the file
//! watch, each said in the footer or the header as long as it holds.

use super::{App, Effect, LastRead};
use crate::i18n;
use crate::tui::action::Action;

impl App {
    pub(super) fn outcome(&mut self, action: Action) -> Effect {
        match action {
            Action::HistoryRead { read, rev_baseline } => self.history_read(*read, rev_baseline),
            Action::HistoryCompared { baselined, since } => {
                self.history_compared(baselined, &since)
            }
            Action::Recompared(comparison) => self.recompared(*comparison),
            Action::LoadedAt(time) => {
                self.file.loaded_at = Some(time);
                Effect::Redraw
            }
            Action::FileMissing => {
                self.file.last_read = LastRead::Nothing;
                if self.file.missing {
                    return Effect::None;
                }
                self.file.missing = true;
                Effect::Redraw
            }
            Action::Saved(outcome) => {
                self.saved(outcome.is_ok());
                let s = i18n::strings(self.settings.lang);
                match outcome {
                    Ok(summary) => {
                        // The loop has already sent the written text as `Loaded`.
                        self.set_message(format!("{}{}{summary}", s.saved, s.colon), false);
                        Effect::Redraw
                    }
                    Err(reason) => {
                        self.set_message(format!("{}{}{reason}", s.save_failed, s.colon), true);
                        Effect::Redraw
                    }
                }
            }
            Action::SaveWaiting => {
                let words = i18n::waiting_for_lock(self.settings.lang);
                self.set_message(words.to_owned(), false);
                Effect::Redraw
            }
            Action::EditorFailed(reason) => {
                let s = i18n::strings(self.settings.lang);
                self.set_message(format!("{}{}{reason}", s.editor_failed, s.colon), true);
                Effect::Redraw
            }
            Action::WatchFailed(reason) => {
                let reason = crate::text::sanitize_line(&reason);
                // A watch that keeps failing must not keep redrawing.
                if self.file.watch_lost.as_deref() == Some(reason.as_str()) {
                    return Effect::None;
                }
                self.file.watch_lost = Some(reason);
                Effect::Redraw
            }
            Action::WatchRestored => {
                if self.file.watch_lost.take().is_some() {
                    Effect::Redraw
                } else {
                    Effect::None
                }
            }
            // Input and content are taken in `App::update`.
            Action::Do(_)
            | Action::Key(_)
            | Action::Mouse(_)
            | Action::Paste(_)
            | Action::Resize(..)
            | Action::Loaded(_)
            | Action::Reread { .. } => Effect::None,
        }
    }
}
