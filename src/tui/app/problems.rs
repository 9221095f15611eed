//! The problems of the file as last read: what the banner says after a
//! failed load, and every error and warning of the file shown. Kept as the
//! loader's diagnostics, not as text, so they read in the language of the
//! moment (`L` switches it).

use std::borrow::Cow;

use super::{App, Effect};
use crate::load::{Diagnostic, Invalid, summary};
use crate::model::Lang;
use crate::tui::action::Command;

/// Why the banner is up.
#[derive(Debug)]
pub(crate) enum Banner {
    /// The file could not be read: the reason, made safe to print.
    Unreadable(String),
    /// The file was read and has errors; the last good data stays shown.
    Rejected(Invalid),
}

/// The diagnostics of one text, with what they need to be shown.
pub struct Problems<'a> {
    pub path: String,
    pub text: &'a str,
    /// Borrowed, unless the shown document's own follow the `follows`
    /// problems found against the history.
    pub diagnostics: Cow<'a, [Diagnostic]>,
}

impl App {
    /// The banner's line: the first error as `file:line:col: message`, and
    /// how many more there are.
    pub fn banner(&self) -> Option<String> {
        match self.file.banner.as_ref()? {
            Banner::Unreadable(reason) => Some(reason.clone()),
            Banner::Rejected(invalid) => {
                let lang = self.settings.lang;
                let path = invalid.path.display().to_string();
                let mut errors = invalid.diagnostics.iter().filter(|d| d.is_error());
                let first = errors
                    .next()
                    .map(|d| d.headline(&invalid.text, &path, lang))
                    .unwrap_or_default();
                Some(match (errors.count(), lang) {
                    (0, _) => first,
                    (more, Lang::En) => format!("{first} (+{more})"),
                    (more, Lang::Zh) => format!("{first}，另有 {more} 个错误"),
                })
            }
        }
    }

    /// Every error and warning of the file as last read: the rejected text's
    /// when a load failed, else the shown document's warnings.
    pub fn problems(&self) -> Option<Problems<'_>> {
        if let Some(Banner::Rejected(invalid)) = &self.file.banner {
            return Some(Problems {
                path: invalid.path.display().to_string(),
                text: &invalid.text,
                diagnostics: Cow::Borrowed(&invalid.diagnostics),
            });
        }
        let document = self.document()?;
        let follows = &self.comparison.follows;
        let diagnostics = if follows.is_empty() {
            Cow::Borrowed(document.warnings())
        } else {
            Cow::Owned(document.warnings().iter().chain(follows).cloned().collect())
        };
        Some(Problems {
            path: document.path().display().to_string(),
            text: document.text(),
            diagnostics,
        })
    }

    /// The errors and warnings of the document shown, its `follows`
    /// checked against the history among them: what the footer counts.
    pub fn shown_problem_counts(&self) -> (usize, usize) {
        let Some(data) = self.data.as_ref() else {
            return (0, 0);
        };
        let (errors, warnings) = summary(&self.comparison.follows);
        (errors, warnings + data.warnings())
    }

    /// Why the file could not be read, while the banner says so.
    pub fn unreadable(&self) -> Option<&str> {
        match &self.file.banner {
            Some(Banner::Unreadable(reason)) => Some(reason),
            _ => None,
        }
    }

    /// The text of a load that failed, while the banner says so.
    pub(super) fn rejected_text(&self) -> Option<&str> {
        match &self.file.banner {
            Some(Banner::Rejected(invalid)) => Some(&invalid.text),
            _ => None,
        }
    }
}

impl App {
    /// Opens the problems panel at its first problem, or closes it.
    pub(super) fn toggle_problems(&mut self) -> Effect {
        self.overlay.problems = match self.overlay.problems {
            Some(_) => None,
            None => Some(Default::default()),
        };
        Effect::Redraw
    }

    /// The selected problem while the panel is open.
    pub fn problems_selected(&self) -> Option<usize> {
        self.overlay.problems.map(|panel| panel.selected)
    }

    fn problem_count(&self) -> usize {
        self.problems().map_or(0, |p| p.diagnostics.len())
    }

    pub(super) fn problems_command(&mut self, command: Command) -> Effect {
        let (count, page) = (self.problem_count(), self.problems_page());
        let Some(panel) = self.overlay.problems.as_mut() else {
            return Effect::None;
        };
        let current = panel.current(count);
        // Moving through the problems is the panel's own.
        if let Some(effect) = panel.update(command, count, page) {
            return effect;
        }
        match command {
            Command::Back | Command::BackOrQuit | Command::ToggleProblems => {
                self.overlay.problems = None;
                Effect::Redraw
            }
            Command::Enter => self.problem_editor_effect(current),
            Command::ToggleLang | Command::Reload | Command::Quit | Command::ToggleHelp => {
                self.view_command(command)
            }
            // Any other key of every view (`a`, `d`, `1`–`9`, `b`…) does
            // what it does there, the panel out of its way.
            other => {
                self.overlay.problems = None;
                match self.view_command(other) {
                    Effect::None => Effect::Redraw,
                    effect => effect,
                }
            }
        }
    }

    /// `$EDITOR` at the line of problem `index`.
    fn problem_editor_effect(&self, index: usize) -> Effect {
        let Some(problems) = self.problems() else {
            return Effect::None;
        };
        let Some(diagnostic) = problems.diagnostics.get(index) else {
            return Effect::None;
        };
        // At the mistake itself: a syntax error's column matters.
        let at = diagnostic.position(problems.text);
        Effect::OpenEditor {
            line: at.line,
            column: at.column,
        }
    }
}
