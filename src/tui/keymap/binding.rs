//! A row of the table, and the words the help overlay shows for it.

use super::{Context, Key};
use crate::model::Lang;
use crate::tui::action::Command;

/// A row of the key table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
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

    /// The keys as the help lists them: "k ↑".
    pub fn keys_shown(&self, ascii: bool) -> String {
        self.keys
            .iter()
            .map(|key| key.shown(ascii))
            .filter(|label| !label.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
