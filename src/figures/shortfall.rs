//! How far a lead's tasks are short of 序时进度, in their own units (zh
//! `差24个`, en `24 outfalls short`), and a group's items per status
//! (`✗ 未达标 1 · ▼ 滞后 1`).

use super::assumed::Shown;
use super::number::number;
use super::unit::joined_unit;
use crate::model::by_lead::Shortfall;
use crate::model::{Lang, Status};

/// The units still to do to be on schedule: whole units, rounded up (23.2
/// outfalls short takes 24 more to catch up); marked as what it rests on.
pub fn shortfall(short: &Shortfall, lang: Lang) -> Shown {
    let unit = short
        .unit
        .as_ref()
        .map(|unit| unit.get(lang).trim())
        .filter(|unit| !unit.is_empty());
    Shown::of(short.amount, |lack| {
        // A sum of fractions of days may land a hair above a whole number.
        let lack = (lack - 1e-6).ceil().max(0.0);
        let amount = joined_unit(number(lack, lang), lack, unit, lang);
        match lang {
            Lang::Zh => format!("差{amount}"),
            Lang::En => format!("{amount} short"),
        }
    })
}

/// Each status with its symbol, word and count: `✗ not-met 1 · ▼ behind 2`.
pub fn status_counts(counts: &[(Status, usize)], lang: Lang, ascii: bool, dot: &str) -> String {
    counts
        .iter()
        .map(|(status, n)| {
            let word = crate::i18n::status_word(*status, lang);
            format!("{} {word} {n}", status.symbol(ascii))
        })
        .collect::<Vec<_>>()
        .join(dot)
}
