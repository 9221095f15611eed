//! The names of the commands a key can be bound to, as a config file's
//! `[keys]` writes them: the `Command` variants in kebab-case.

use crate::tui::action::Command as C;
use crate::tui::action::Command;

/// Every bindable command by name, in the order `campaigns config` lists them.
pub const ACTIONS: &[(&str, Command)] = &[
    ("up", C::Up),
    ("down", C::Down),
    ("left", C::Left),
    ("right", C::Right),
    ("next-pane", C::NextPane),
    ("prev-pane", C::PrevPane),
    ("enter", C::Enter),
    ("back", C::Back),
    ("back-or-quit", C::BackOrQuit),
    ("top", C::Top),
    ("bottom", C::Bottom),
    ("page-up", C::PageUp),
    ("page-down", C::PageDown),
    ("jump", C::Jump(0)),
    ("reload", C::Reload),
    ("open-editor", C::OpenEditor),
    ("increment", C::Increment),
    ("decrement", C::Decrement),
    ("start-update", C::StartUpdate),
    ("undo", C::Undo),
    ("confirm-update", C::ConfirmUpdate),
    ("start-filter", C::StartFilter),
    ("next-match", C::NextMatch),
    ("prev-match", C::PrevMatch),
    ("cycle-sort", C::CycleSort),
    ("toggle-lang", C::ToggleLang),
    ("toggle-help", C::ToggleHelp),
    ("toggle-attention", C::ToggleAttention),
    ("older-baseline", C::OlderBaseline),
    ("newer-baseline", C::NewerBaseline),
    ("toggle-changes", C::ToggleChanges),
    ("group-by-lead", C::GroupByLead),
    ("toggle-due-soon", C::ToggleDueSoon),
    ("toggle-year", C::ToggleYear),
    ("toggle-problems", C::ToggleProblems),
    ("copy", C::Copy),
    ("quit", C::Quit),
    ("suspend", C::Suspend),
    ("delete-char", C::DeleteChar),
    ("submit", C::Submit),
];

/// The action names alone.
pub fn action_names() -> impl Iterator<Item = &'static str> {
    ACTIONS.iter().map(|(name, _)| *name)
}

/// The command a name stands for (`Jump` with no digit).
pub fn action(name: &str) -> Option<Command> {
    ACTIONS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, command)| *command)
}

/// A command's name; every `Jump` is `jump`.
pub fn action_name(command: Command) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(_, known)| same_action(*known, command))
        .map(|(name, _)| *name)
}

/// The same action: `Jump` to any campaign is one.
pub fn same_action(a: Command, b: Command) -> bool {
    matches!((a, b), (C::Jump(_), C::Jump(_))) || a == b
}
