//! The prompts' own state and update: what is typed into the filter, the
//! search or the update prompt. What the text then does (the rows filtered,
//! the search run, the figure validated and saved) reaches what all views
//! share and stays with `App`.

use crate::tui::action::Command;
use crate::tui::rows::Item;

/// A one-line prompt at the bottom (filter) or in a small box (update).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Prompt {
    Filter {
        /// The filter before the prompt opened (Esc clears, Enter keeps).
        input: String,
    },
    /// The search across campaigns (`/` on the overview): results show as
    /// they are typed, Enter opens the selected one.
    Search { input: String },
    Update {
        item: Item,
        input: String,
        /// The input is still the current figure, shown selected: the first
        /// key typed replaces it (Backspace clears it).
        pristine: bool,
        error: Option<&'static str>,
        /// The figure looks like a typo (`error` says why): `y` saves it,
        /// any other change to the input asks again.
        confirm: bool,
    },
}

impl Prompt {
    /// What is typed so far.
    pub(super) fn input(&self) -> &str {
        match self {
            Prompt::Filter { input } | Prompt::Search { input } | Prompt::Update { input, .. } => {
                input
            }
        }
    }

    /// Typing: a character, or Backspace. `Some(true)` when the text
    /// changed, `Some(false)` when Backspace found nothing to delete, `None`
    /// when `command` is no typing.
    pub(super) fn type_in(&mut self, command: Command) -> Option<bool> {
        let changed = match (command, &mut *self) {
            (Command::Input(c), prompt) => {
                prompt.take_pristine();
                prompt.text().push(c);
                true
            }
            (Command::DeleteChar, prompt) => {
                prompt.take_pristine() || prompt.text().pop().is_some()
            }
            _ => return None,
        };
        if changed {
            self.edited();
        }
        Some(changed)
    }

    /// A paste, already made one safe line, typed in at once.
    pub(super) fn paste(&mut self, line: &str) {
        self.take_pristine();
        self.text().push_str(line);
        self.edited();
    }

    fn text(&mut self) -> &mut String {
        match self {
            Prompt::Filter { input } | Prompt::Search { input } | Prompt::Update { input, .. } => {
                input
            }
        }
    }

    /// The update prompt's current figure gives way to the first key typed:
    /// cleared; whether it was.
    fn take_pristine(&mut self) -> bool {
        let Prompt::Update {
            input, pristine, ..
        } = self
        else {
            return false;
        };
        let was = std::mem::take(pristine);
        if was {
            input.clear();
        }
        was
    }

    /// A new text: the update prompt's complaint about the last one goes,
    /// and a typo asked about asks again.
    fn edited(&mut self) {
        if let Prompt::Update { error, confirm, .. } = self {
            (*error, *confirm) = (None, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(input: &str, pristine: bool) -> Prompt {
        Prompt::Update {
            item: Item::Task(0),
            input: input.into(),
            pristine,
            error: Some("too far"),
            confirm: true,
        }
    }

    #[test]
    fn typing_is_the_prompts_own_and_the_first_key_replaces_the_current_figure() {
        let mut filter = Prompt::Filter { input: "wa".into() };
        assert_eq!(filter.type_in(Command::Input('t')), Some(true));
        assert_eq!(filter.input(), "wat");
        assert_eq!(filter.type_in(Command::Submit), None, "the app's");
        let mut empty = Prompt::Search {
            input: String::new(),
        };
        assert_eq!(empty.type_in(Command::DeleteChar), Some(false));
        let mut figure = update("110", true);
        assert_eq!(figure.type_in(Command::Input('9')), Some(true));
        assert_eq!(figure, {
            let mut typed = update("9", false);
            if let Prompt::Update { error, confirm, .. } = &mut typed {
                (*error, *confirm) = (None, false);
            }
            typed
        });
        let mut cleared = update("110", true);
        assert_eq!(cleared.type_in(Command::DeleteChar), Some(true));
        assert_eq!(cleared.input(), "");
        // Nothing deleted: a typo asked about still waits for `y`.
        let mut asked = update("", false);
        assert_eq!(asked.type_in(Command::DeleteChar), Some(false));
        assert_eq!(asked, update("", false));
        let mut pasted = update("110", true);
        pasted.paste("53");
        assert_eq!(pasted.input(), "53");
    }
}
