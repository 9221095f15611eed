//! A row of the table, and the words the help overlay shows for it.

use super::{Context, Key};
use crate::model::Lang;
use crate::tui::action::Command;

/// A row of the key table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Binding {
    /// The default keys; a config file may replace them (see `Keymap`).
    pub keys: &'static [Key],
    pub context: Context,
    /// For `Jump`, the digit pressed chooses the campaign.
    pub command: Command,
    pub help_zh: &'static str,
    pub help_en: &'static str,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.help_zh,
            Lang::En => self.help_en,
        }
    }

    /// The default keys as the help lists them: "k ↑".
    pub fn keys_shown(&self, ascii: bool) -> String {
        keys_shown(self.command, self.keys, ascii)
    }
}

/// Keys as the help lists them: "k ↑"; the nine digits of `Jump` as "1-9".
pub fn keys_shown(command: Command, keys: &[Key], ascii: bool) -> String {
    if matches!(command, Command::Jump(_)) && !keys.is_empty() {
        return "1-9".to_owned();
    }
    keys.iter()
        .map(|key| key.shown(ascii))
        .collect::<Vec<_>>()
        .join(" ")
}
