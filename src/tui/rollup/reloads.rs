//! What the screen does with a read handed back by the reader
//! ([`super::reader`]): the whole roll-up replaced, or some units put back
//! in their places and the figures computed again over them (by the
//! roll-up's own modules: the screen computes none of its own).

use super::reader::{Done, Unread};
use super::state::RollupScreen;
use crate::rollup::{Reread, State, Unit};
use crate::tui::action::Action;

impl RollupScreen {
    /// Takes a read: the screen has something new to draw.
    pub fn take_read(&mut self, done: Done) {
        match done {
            Done::All(Ok((rollup, fetched))) => {
                self.set_fetched(fetched);
                self.reloaded(rollup);
            }
            Done::All(Err(unread)) => {
                let path = self.rollup.path.display().to_string();
                let why = match unread {
                    Unread::Problems(errors, warnings) => {
                        crate::i18n::problem_counts(self.settings.lang, errors, warnings)
                    }
                    Unread::Failed(why) => why,
                };
                self.set_message(&format!("{path}: {why}"));
            }
            Done::Units(units, fetched) => {
                if let Some(fetched) = fetched {
                    self.set_fetched(fetched);
                }
                self.units_reloaded(units);
            }
        }
    }

    /// Units read again put back in their places, each with the figures
    /// that depend on it; the unit open on its own screen shows its new
    /// file. A unit the manifest no longer has there is left out.
    pub fn units_reloaded(&mut self, units: Vec<(usize, Unit)>) {
        let mut changed = false;
        for (at, unit) in units {
            if !self.rollup.replace_unit(at, unit) {
                continue;
            }
            changed = true;
            self.show_in_open_unit(at);
        }
        if changed {
            self.refigure();
        }
    }

    /// Reading the unit at `at` again (its file saved, `r` in its screen).
    pub fn reread_unit(&self, at: usize) -> Reread {
        self.rollup.reread(&[at])
    }

    /// The unit open on its own screen, when it is the one at `at`.
    pub fn open_at(&self) -> Option<usize> {
        self.unit.as_ref().map(|(at, _)| *at)
    }

    /// Hands the unit's screen the unit's file as read again, when that
    /// unit is the one open.
    fn show_in_open_unit(&mut self, at: usize) {
        let Some((open, app)) = self.unit.as_mut() else {
            return;
        };
        if *open != at {
            return;
        }
        match &self.rollup.units[at].state {
            State::Opened(opened, _) => {
                app.update(Action::Loaded(Box::new(Ok(opened.clone()))));
            }
            // Its file is gone or unreadable: back to the roll-up, which
            // flags it.
            State::Unreadable(_) => self.unit = None,
        }
    }
}
