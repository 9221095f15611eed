//! Keeping only the items asked for (`campaigns history FILE ITEM…`).

use super::History;
use crate::load::did_you_mean;
use crate::text::sanitize_line;

/// An item or campaign the history has never had.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("no item or campaign `{asked}` in the history of the file{}", hint(.suggestion))]
pub struct UnknownItem {
    pub asked: String,
    pub suggestion: Option<String>,
}

fn hint(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

impl History {
    /// Keeps the items `asked` names: `campaign/item`, or `campaign` for
    /// all of its items (any revision's, removed ones too). Nothing asked
    /// keeps every item.
    pub fn only(&mut self, asked: &[String]) -> Result<(), UnknownItem> {
        if asked.is_empty() {
            return Ok(());
        }
        let wanted = |key: &str, asked: &str| {
            key == asked
                || key
                    .split_once('/')
                    .is_some_and(|(campaign, _)| campaign == asked)
        };
        for one in asked {
            if !self.items.iter().any(|item| wanted(&item.key, one)) {
                let mut known: Vec<&str> = self.items.iter().map(|i| i.key.as_str()).collect();
                known.extend(
                    self.items
                        .iter()
                        .filter_map(|i| i.key.split_once('/').map(|s| s.0)),
                );
                return Err(UnknownItem {
                    asked: sanitize_line(one),
                    suggestion: did_you_mean(one, &known).map(str::to_owned),
                });
            }
        }
        self.items
            .retain(|item| asked.iter().any(|one| wanted(&item.key, one)));
        Ok(())
    }
}
