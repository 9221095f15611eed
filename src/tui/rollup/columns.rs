//! The matrix's columns and cells: the campaigns across the units (in the
//! order they first appear, units in the manifest's order), each unit's
//! standing in one as its status (symbol and word) and its progress
//! against 序时进度 — the schedule's own figures, floored as everywhere —
//! and the combined row of the manifest's `[[combine]]` items.

use crate::figures::{number, percent};
use crate::i18n::status_word;
use crate::model::{CampaignStatus, Lang, Status, Text, Theme};
use crate::rollup::{Combined, How, Rollup, Unit};
use crate::text::sanitize_line;

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

/// The combined row's cell of campaign `id`: its summed items
/// ("98% 1,187/1,200") and its indicators counted ("3/4 met"), joined.
pub fn combined_cell(combined: &[Combined], id: &str, lang: Lang, ascii: bool) -> String {
    let items: Vec<&Combined> = combined
        .iter()
        .filter(|c| {
            c.item
                .split_once('/')
                .is_some_and(|(campaign, _)| campaign == id)
        })
        .collect();
    // Two figures of one campaign are told apart by their items' names.
    let named = items.len() > 1;
    let shown: Vec<String> = items
        .into_iter()
        .filter_map(|c| {
            let text = combined_text(c, lang, ascii)?;
            Some(match c.name.as_ref().filter(|_| named) {
                Some(name) => format!("{} {text}", sanitize_line(name.get(lang))),
                None => text,
            })
        })
        .collect();
    shown.join("; ")
}

fn combined_text(c: &Combined, lang: Lang, ascii: bool) -> Option<String> {
    let unit = c
        .unit_word
        .as_ref()
        .map(|u| match lang {
            // "210/260 outfalls", "210/260个".
            Lang::En => format!(" {}", sanitize_line(u.get(lang))),
            Lang::Zh => sanitize_line(u.get(lang)),
        })
        .unwrap_or_default();
    let mark = crate::figures::mark(c.assumed());
    // A sum with a part that is a lower bound is one: 1,200+ (≈98%).
    let at_least = c.at_least();
    let sum = |done| crate::figures::at_least_number(done, at_least, lang);
    Some(match (c.how, c.done, c.total) {
        // The share first: what a narrow column cuts is the unit of count.
        (How::Sum, Some(done), Some(total)) => format!(
            "{}{mark} {}/{}{unit}",
            crate::figures::about(percent(done / total), at_least, lang, ascii),
            sum(done),
            number(total, lang)
        ),
        (How::Sum, Some(done), None) => format!("{}{mark}{unit}", sum(done)),
        (How::CountMet, Some(met), Some(of)) => format!(
            "{}{mark}/{} {}",
            number(met, lang),
            number(of, lang),
            super::words::met(lang)
        ),
        _ => return None,
    })
}
