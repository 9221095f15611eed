//! The ledger's columns of `--yoy`: 上年同期 (last year's figure, marked when
//! it is an assumed `history` point), its date and source (a commit, or the
//! file's history), and 同比: a number with its sign and its unit in the
//! cell's format (`+2.0个百分点`, `-15.8%`, `-3天`), so a spreadsheet still
//! reads a number; a water class in words (`由Ⅳ类好转至Ⅲ类`).

use super::cells::{Cell, Shape};
use crate::figures::{Against, YearUnit};
use crate::model::{Campaign, Figure, Item, Lang, Level};
use crate::report::yoy::{Yoy, words};

/// Which of the three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YoyColumn {
    LastYear,
    LastYearFrom,
    Change,
}

/// The cell of `column` for the item; empty when there is no figure for
/// the same period last year.
pub fn cell(
    yoy: &Yoy,
    (campaign, item): (&Campaign, Item),
    column: YoyColumn,
    lang: Lang,
    ascii: bool,
) -> Cell {
    let Some(found) = yoy.item(campaign, item) else {
        return Cell::Empty;
    };
    match column {
        YoyColumn::LastYear => match found.ago.figure {
            Figure::Done(amount) | Figure::Value(Level::Number(amount)) => {
                let shape = match crate::figures::at_least_sign(found.ago.at_least, lang) {
                    "" => Shape::Amount,
                    sign => Shape::AtLeast(sign),
                };
                Cell::number(amount, shape, found.ago.assumed)
            }
            Figure::Value(level) => Cell::text(&crate::figures::level(level, lang, ascii)),
        },
        YoyColumn::LastYearFrom => Cell::text(&format!(
            "{} {}",
            crate::figures::date(found.ago.as_of),
            words::source(&found.ago, lang)
        )),
        YoyColumn::Change => {
            let Some(change) = found.change else {
                return Cell::Empty;
            };
            match (change.unit, change.change) {
                (YearUnit::Class, _) => Cell::text(
                    &change
                        .words(Against::LastYear, lang, ascii, found.assumed)
                        .to_string(),
                ),
                (unit, Some(amount)) => {
                    let about = match change.approx {
                        true => crate::figures::approx_prefix(lang, ascii),
                        false => "",
                    };
                    let shape = Shape::Change(about, suffix(unit, lang));
                    Cell::number(amount, shape, found.assumed)
                }
                (_, None) => Cell::Empty,
            }
        }
    }
}

/// The unit after a change: `个百分点` / ` pp`, `%`, `天` / ` days`.
fn suffix(unit: YearUnit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (YearUnit::Points, Lang::Zh) => "个百分点",
        (YearUnit::Points, Lang::En) => " pp",
        (YearUnit::Days, Lang::Zh) => "天",
        (YearUnit::Days, Lang::En) => " days",
        (YearUnit::Percent | YearUnit::Class, _) => "%",
    }
}
