//! The matrix's columns and cells: the campaigns across the units (in the
//! order they first appear, units in the manifest's order), each unit's
//! standing in one as its status (symbol and word) and its progress
//! against 序时进度 — the schedule's own figures, floored as everywhere.
//! The combined row's cells are `combined_cell`'s.

use crate::figures::percent;
use crate::i18n::status_word;
use crate::model::{CampaignStatus, Lang, Status, Text, Theme};
use crate::rollup::{Rollup, Unit};

/// A campaign as a column of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub id: String,
    /// From the first unit whose plan has it.
    pub name: Text,
    pub theme: Theme,
}

/// One unit's standing in one campaign.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub status: Option<Status>,
    /// The longest first, for narrower columns: "▼ behind 68%/100%",
    /// "▼ behind 68%", "▼ behind"; `*` after what rests on an assumed value.
    pub forms: [String; 3],
}

/// Every campaign of the units that loaded.
pub fn columns(rollup: &Rollup) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for document in rollup.units.iter().filter_map(Unit::document) {
        for campaign in &document.plan().campaigns {
            if !columns.iter().any(|c| c.id == campaign.id) {
                columns.push(Column {
                    id: campaign.id.clone(),
                    name: campaign.name.clone(),
                    theme: campaign.theme,
                });
            }
        }
    }
    columns
}

/// `unit`'s standing in the campaign `id`; `None` when it has no such
/// campaign or did not load.
pub fn cell(unit: &Unit, id: &str, lang: Lang, ascii: bool) -> Option<Cell> {
    let (document, status) = (unit.document()?, unit.status()?);
    let at = document.plan().campaigns.iter().position(|c| c.id == id)?;
    Some(standing(status.campaigns.get(at)?, lang, ascii))
}

fn standing(campaign: &CampaignStatus, lang: Lang, ascii: bool) -> Cell {
    let rollup = &campaign.rollup;
    let mark = |assumed: bool| if assumed { "*" } else { "" };
    let word = match rollup.status {
        Some(status) => format!(
            "{} {}{}",
            status.symbol(ascii),
            status_word(status, lang),
            mark(rollup.status_assumed)
        ),
        None => crate::i18n::figures_only(lang).to_owned(),
    };
    let Some(progress) = rollup.progress else {
        return Cell {
            status: rollup.status,
            forms: [word.clone(), word.clone(), word],
        };
    };
    let done = format!(
        "{word} {}{}",
        percent(progress),
        mark(rollup.progress_assumed)
    );
    let full = match rollup.expected {
        Some(expected) => format!(
            "{done}/{}{}",
            percent(expected),
            mark(rollup.expected_assumed)
        ),
        None => done.clone(),
    };
    Cell {
        status: rollup.status,
        forms: [full, done, word],
    }
}
